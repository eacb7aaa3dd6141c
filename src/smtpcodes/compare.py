"""Side-by-side comparison of two codes, as data the renderer and the CLI both lay out."""

from __future__ import annotations

from .catalogue import Catalogue, Entry, PathLike, get_catalogue, labels


class Comparison:
    """Two entries and the sentences that tell them apart, all in one language."""

    __slots__ = ("a", "b", "same_class", "differences", "which")

    def __init__(self, a: Entry, b: Entry, differences: list[str], which: list[str]) -> None:
        self.a = a
        self.b = b
        self.same_class = a.reply_class == b.reply_class
        self.differences = differences
        self.which = which

    @property
    def classes(self) -> tuple[str, str]:
        return (self.a.class_name, self.b.class_name)

    def as_dict(self) -> dict[str, object]:
        return {
            "a": self.a.as_dict(), "b": self.b.as_dict(), "classes": list(self.classes),
            "same_class": self.same_class, "differences": self.differences, "which": self.which,
        }


def compare(a: str | int, b: str | int, lang: str = "en",
            catalogue: PathLike | Catalogue | None = None) -> Comparison:
    """Explain how ``a`` and ``b`` differ: ``compare("235", "553")``."""
    cat = get_catalogue(catalogue)
    first, second = cat.lookup(a, lang), cat.lookup(b, lang)
    words = labels(lang)["compare"]
    names = {"a": first.code, "b": second.code,
             "class_a": first.class_name, "class_b": second.class_name}
    key = "same_class" if first.reply_class == second.reply_class else "different_classes"
    differences = [words[key].format(**names)]
    if first.kind != second.kind:
        basic, enhanced = (first, second) if first.kind == "basic" else (second, first)
        differences.append(words["kinds"].format(a=basic.code, b=enhanced.code))
    differences += [words["outcome"][str(e.reply_class)].format(code=e.code)
                    for e in (first, second)]
    which = [words["which"].format(code=e.code, name=e.name, text=e.when) for e in (first, second)]
    return Comparison(first, second, differences, which)
