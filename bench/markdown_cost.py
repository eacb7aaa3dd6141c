"""What the Markdown extension costs on a corpus of ordinary generated pages.

Prints three ratios, each against a baseline measured in the same run:

1. pages without shortcodes, with the extension vs plain Python-Markdown (target <= 1.01);
2. pages with 5 shortcodes, extra cost over the same pages without them, vs the extra cost of
   pymdownx.emoji expanding 5 ``:shortcode:`` emoji per page (target <= 1.0);
3. building one Markdown instance with the extension: added milliseconds (target <= 0.1 ms),
   next to what pymdownx.emoji adds.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import markdown

BASE = ["tables", "fenced_code", "admonition", "toc", "attr_list"]
CODES = ["250", "421", "550 5.1.1", "553", "5.7.1", "235 vs 553", "354", "4.7.1"]
EMOJI = [":smile:", ":warning:", ":rocket:", ":+1:", ":tada:", ":fire:", ":bug:", ":memo:"]
WORDS = ("mail server client reply code queue relay message envelope header body domain "
         "address retry bounce policy network session command transaction delivery").split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}**"
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = f"`{rng.choice(WORDS)}`"
    if rng.random() < 0.2:
        words[rng.randrange(len(words))] = f"[{rng.choice(WORDS)}](https://example.com/x)"
    return " ".join(words).capitalize() + "."


def page(rng: random.Random, inserts: list[str]) -> str:
    """A documentation-like page; ``inserts`` are spread over its paragraphs."""
    blocks = [f"# {_sentence(rng)}"]
    for section in range(4):
        blocks.append(f"## Section {section}")
        for _ in range(3):
            blocks.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))))
        blocks.append("\n".join(f"- {_sentence(rng)}" for _ in range(4)))
        blocks.append("```python\nimport smtplib\nserver.sendmail(a, b, msg)\n```")
        blocks.append("| key | value |\n|-----|-------|\n" + "\n".join(
            f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} |" for _ in range(4)))
    for i, insert in enumerate(inserts):
        index = 2 + (i * 5) % (len(blocks) - 2)
        blocks[index] = blocks[index] + f" See {insert} here." if i % 2 else insert
        if i % 2 == 0:
            blocks.insert(index, insert)
    return "\n\n".join(blocks) + "\n"


def corpus(n: int, make_inserts: Callable[[random.Random], list[str]]) -> list[str]:
    rng = random.Random(5321)
    return [page(rng, make_inserts(rng)) for _ in range(n)]


def convert_all(md: markdown.Markdown, pages: list[str]) -> float:
    start = time.process_time()
    for text in pages:
        md.reset()
        md.convert(text)
    return time.process_time() - start


def best_of(rounds: int, jobs: dict[str, Callable[[], float]]) -> dict[str, float]:
    """Fastest CPU time of each job over interleaved rounds: other load only ever adds time."""
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(rounds):
        for name, job in jobs.items():
            samples[name].append(job())
    return {name: min(values) for name, values in samples.items()}


def main() -> None:
    plain_pages = corpus(60, lambda rng: [])
    smtp_pages = corpus(60, lambda rng: [f"<smtp:{rng.choice(CODES)}>" for _ in range(5)])
    emoji_pages = corpus(60, lambda rng: [rng.choice(EMOJI) for _ in range(5)])

    plain = markdown.Markdown(extensions=BASE)
    with_ext = markdown.Markdown(extensions=[*BASE, "smtpcodes"])
    emoji = markdown.Markdown(extensions=[*BASE, "pymdownx.emoji"])
    for md, pages in ((with_ext, smtp_pages), (emoji, emoji_pages)):
        convert_all(md, pages)  # load catalogue and emoji index before timing

    t = best_of(25, {
        "plain": lambda: convert_all(plain, plain_pages),
        "ext-no-shortcodes": lambda: convert_all(with_ext, plain_pages),
        "ext-shortcodes": lambda: convert_all(with_ext, smtp_pages),
        "plain-smtp-pages": lambda: convert_all(plain, smtp_pages),
        "emoji": lambda: convert_all(emoji, emoji_pages),
        "plain-emoji-pages": lambda: convert_all(plain, emoji_pages),
    })
    print(f"pages without shortcodes: {t['ext-no-shortcodes'] / t['plain']:.3f}x plain "
          "Python-Markdown (target <= 1.01)")
    ours = t["ext-shortcodes"] - t["plain-smtp-pages"]
    theirs = t["emoji"] - t["plain-emoji-pages"]
    print(f"5 shortcodes per page: extra cost {ours / theirs:.2f}x that of pymdownx.emoji "
          f"expanding 5 emoji per page (target <= 1.0; {ours * 1000 / 60:.2f} ms vs "
          f"{theirs * 1000 / 60:.2f} ms per page)")

    def build(extensions: list[str]) -> Callable[[], float]:
        def job() -> float:
            start = time.process_time()
            for _ in range(50):
                markdown.Markdown(extensions=extensions)
            return (time.process_time() - start) / 50
        return job

    b = best_of(25, {"plain": build(BASE), "ext": build([*BASE, "smtpcodes"]),
                       "emoji": build([*BASE, "pymdownx.emoji"])})
    print(f"one Markdown instance: smtpcodes adds {(b['ext'] - b['plain']) * 1000:.3f} ms "
          f"(target <= 0.1 ms); pymdownx.emoji adds {(b['emoji'] - b['plain']) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
