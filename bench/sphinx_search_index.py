"""What boxes and chips add to Sphinx's ``searchindex.js``, against the same site without them.

Builds one small site three ways: shortcodes replaced by their bare codes (the baseline),
smtpcodes with its default (box titles only), and ``smtpcodes_search_body = True``; then with
an ``smtp-catalogue`` page added. Prints bytes and the ratio to the baseline.

    python bench/sphinx_search_index.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

PROSE = ("Mail servers answer every command with a reply. When a message cannot be "
         "delivered, the sending server keeps it in its queue and tries again later, or it "
         "gives up and tells the sender in a bounce message. ")
PAGE = """\
# Delivery notes {n}

{prose}

When the relay says <smtp:421>, wait and retry; <smtp:550 5.1.1> means the address is wrong,
and <smtp:452 4.2.2> that the mailbox is full.

<smtp:55{last}>

{prose}

<smtp:4.7.{n}>
"""


def site(root: Path, catalogue: bool, shortcodes: bool, conf: str) -> int:
    src = root / "src"
    src.mkdir(parents=True)
    names = [f"page{n}" for n in range(10)]
    if catalogue:
        names.append("codes")
        (src / "codes.md").write_text("# Codes\n\n```{smtp-catalogue}\n```\n")
    (src / "index.md").write_text("# Index\n\n```{toctree}\n" + "\n".join(names) + "\n```\n")
    for n in range(10):
        text = PAGE.format(n=n, last=n % 5, prose=PROSE * 3)
        if not shortcodes:
            text = re.sub(r"<smtp:([^>]*)>", r"\1", text)
        (src / f"page{n}.md").write_text(text)
    extensions = ["myst_parser"] + (["smtpcodes.sphinx"] if shortcodes else [])
    (src / "conf.py").write_text(f"extensions = {extensions!r}\n{conf}")
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src),
                    str(root / "out")], check=True)
    return (root / "out" / "searchindex.js").stat().st_size


def main() -> None:
    variants = [("codes as plain text", False, False, ""),
                ("smtpcodes (default)", False, True, ""),
                ("smtpcodes_search_body = True", False, True, "smtpcodes_search_body = True\n"),
                ("+ catalogue page (default)", True, True, ""),
                ("+ catalogue page, search_body", True, True, "smtpcodes_search_body = True\n")]
    base = 0
    for label, catalogue, shortcodes, conf in variants:
        with tempfile.TemporaryDirectory() as root:
            size = site(Path(root), catalogue, shortcodes, conf)
        base = base or size
        print(f"{label:32} {size:8,d} bytes  {size / base:5.2f}x")


if __name__ == "__main__":
    main()
