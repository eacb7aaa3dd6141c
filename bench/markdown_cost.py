"""What the Markdown extension costs on a corpus of ordinary generated pages.

Prints four figures, each against a baseline measured in the same run:

1. pages without shortcodes, with the extension vs plain Python-Markdown (target <= 1.01);
2. pages with 5 shortcodes: the extra cost over the same pages without the extension, vs the
   extra cost of pymdownx.emoji expanding 5 ``:shortcode:`` emoji per page (target <= 1.0);
3. building one Markdown instance with the extension: added milliseconds (target <= 0.1 ms),
   next to what pymdownx.emoji adds;
4. hostile pages (thousands of openers or problems, long runs of white space or backslashes):
   CPU time with the extension vs plain Python-Markdown on the same page (target <= 3; these
   ratios are large enough for CPU time, best of three).

Conversion costs are counted in CPU instructions under valgrind's callgrind when it is
installed (``apt-get install valgrind``): on these shared machines wall and CPU time swing by
a third from one second to the next, far more than the few per cent being measured, while
instruction counts repeat. Each job runs twice, with one and with two passes over the corpus,
and the difference is the cost of one pass, free of start-up and import costs. Without
valgrind it falls back to CPU time (median of paired rounds), which is only indicative.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import markdown

BASE = ["tables", "fenced_code", "admonition", "toc", "attr_list"]
CODES = ["250", "421", "550 5.1.1", "553", "5.7.1", "235 vs 553", "354", "4.7.1"]
EMOJI = [":smile:", ":warning:", ":rocket:", ":+1:", ":tada:", ":fire:", ":bug:", ":memo:"]
WORDS = ("mail server client reply code queue relay message envelope header body domain "
         "address retry bounce policy network session command transaction delivery").split()
PAGES = 20
#: name -> (extensions added to BASE, what the pages hold)
JOBS = {
    "plain": ([], "nothing"),
    "ext-plain-pages": (["smtpcodes"], "nothing"),
    "plain-smtp-pages": ([], "smtp"),
    "ext-smtp-pages": (["smtpcodes"], "smtp"),
    "plain-emoji-pages": ([], "emoji"),
    "emoji-emoji-pages": (["pymdownx.emoji"], "emoji"),
}


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
    """A documentation-like page; every other insert stands alone, the rest in a sentence."""
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
        if i % 2:
            blocks[index] += f" See {insert} here."
        else:
            blocks.insert(index, insert)
    return "\n\n".join(blocks) + "\n"


def corpus(kind: str, n: int = PAGES) -> list[str]:
    rng = random.Random(5321)
    make: dict[str, Callable[[], list[str]]] = {
        "nothing": lambda: [],
        "smtp": lambda: [f"<smtp:{rng.choice(CODES)}>" for _ in range(5)],
        "emoji": lambda: [rng.choice(EMOJI) for _ in range(5)],
    }
    return [page(rng, make[kind]()) for _ in range(n)]


def run_job(name: str, passes: int) -> float:
    """One job in this process: set up, warm up, then ``passes`` timed passes."""
    extensions, kind = JOBS[name]
    md = markdown.Markdown(extensions=[*BASE, *extensions])
    pages = corpus(kind)
    convert_all(md, pages)  # loads the catalogue and the emoji index outside the measure
    return sum(convert_all(md, pages) for _ in range(passes))


def convert_all(md: markdown.Markdown, pages: list[str]) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        for text in pages:
            md.reset()
            md.convert(text)
        return time.process_time() - start
    finally:
        gc.enable()


def instructions(name: str) -> float:
    """Instructions of one pass of job ``name``: (two passes) - (one pass), under callgrind."""
    counts = []
    for passes in (1, 2):
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
             __file__, "--job", name, "--passes", str(passes)],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"})
        counts.append(int(re.findall(r"Collected : (\d+)", result.stderr)[-1]))
    return float(counts[1] - counts[0])


def cpu_times() -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in JOBS}
    machines = {name: (markdown.Markdown(extensions=[*BASE, *ext]), corpus(kind))
                for name, (ext, kind) in JOBS.items()}
    for md, pages in machines.values():
        convert_all(md, pages)
    for _ in range(15):
        for name, (md, pages) in machines.items():
            samples[name].append(convert_all(md, pages))
    return {name: statistics.median(values) for name, values in samples.items()}


def construction_ms() -> tuple[float, float]:
    def build(extensions: list[str]) -> float:
        start = time.process_time()
        for _ in range(50):
            markdown.Markdown(extensions=extensions)
        return (time.process_time() - start) / 50

    build([*BASE, "smtpcodes", "pymdownx.emoji"])  # imports outside the measure
    rows = [(build(BASE), build([*BASE, "smtpcodes"]), build([*BASE, "pymdownx.emoji"]))
            for _ in range(25)]
    ours = statistics.median(r[1] - r[0] for r in rows)
    theirs = statistics.median(r[2] - r[0] for r in rows)
    return ours * 1000, theirs * 1000


HOSTILE = {
    "'<smtp:' x 4000 on one line": "<smtp:" * 4000,
    "4000 paragraphs with an unknown code": "\n\n".join(
        f"Paragraph {i} with <smtp:5.9.{i % 20}> in it." for i in range(4000)),
    "4000 x <smtp:550 4.1.1>": "\n\n".join("<smtp:550 4.1.1>" for _ in range(4000)),
    "<smtp:5 + 100,000 spaces + 5>": "<smtp:5" + " " * 100_000 + "5>",
    "40,000 backslashes before a shortcode": "\\" * 40_000 + "<smtp:553>",
    "one line of 2000 shortcodes after tabs": "x\t<smtp:599> " * 2000,
    "16,000 openers in an HTML comment": "<!--" + "<smtp:" * 16_000 + "-->",
    "16,000 openers in a script": "<script>\n" + "<smtp:>" * 16_000 + "\n</script>",
    "4000 paragraphs with a different malformed code": "\n\n".join(
        f"Paragraph <smtp:5{i}x> here." for i in range(4000)),
}


def hostile_ratios() -> dict[str, float]:
    import logging

    logging.disable(logging.WARNING)

    def best(extensions: list[str], text: str) -> float:
        times = []
        for _ in range(3):
            md = markdown.Markdown(extensions=extensions)
            start = time.process_time()
            md.convert(text)
            times.append(time.process_time() - start)
        return min(times)

    return {name: best(["tables", "smtpcodes"], text) / best(["tables"], text)
            for name, text in HOSTILE.items()}


def main() -> None:
    if shutil.which("valgrind"):
        unit = "instructions"
        with ThreadPoolExecutor(max_workers=2) as pool:
            cost = dict(zip(JOBS, pool.map(instructions, JOBS), strict=True))
    else:
        unit = "CPU time (valgrind not installed: indicative only)"
        cost = cpu_times()
    print(f"measured in {unit}, {PAGES} pages per corpus")
    print(f"pages without shortcodes: {cost['ext-plain-pages'] / cost['plain']:.3f}x plain "
          "Python-Markdown (target <= 1.01)")
    ours = cost["ext-smtp-pages"] - cost["plain-smtp-pages"]
    theirs = cost["emoji-emoji-pages"] - cost["plain-emoji-pages"]
    print(f"5 shortcodes per page: extra cost {ours / theirs:.2f}x that of pymdownx.emoji "
          "expanding 5 emoji per page (target <= 1.0)")
    added, emoji = construction_ms()
    print(f"one Markdown instance: smtpcodes adds {added:.3f} ms (target <= 0.1 ms); "
          f"pymdownx.emoji adds {emoji:.2f} ms")
    for name, ratio in hostile_ratios().items():
        print(f"hostile page, {name}: {ratio:.2f}x plain Python-Markdown (target <= 3)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--job", choices=JOBS, help=argparse.SUPPRESS)
    parser.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        run_job(args.job, args.passes)
    else:
        main()
