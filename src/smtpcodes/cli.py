"""The ``smtpcodes`` command: explain, compare and list codes; check Markdown files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__, render
from .catalogue import Catalogue, Entry, get_catalogue, labels, languages
from .errors import SMTPCodeError
from .lint import add_subcommand as _add_lint
from .shortcode import Shortcode, parse_codes

_COLOURS = {2: "32", 3: "36", 4: "33", 5: "31"}


def _colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _paint(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def _layout_text(layout: render.Card, on: bool) -> str:
    lines = render.to_text(layout).split("\n")
    colour = _COLOURS[max(layout.reply_classes)]
    lines[0] = _paint(lines[0], f"1;{colour}", on)
    section_labels = {s.label for s in layout.sections} | set(
        labels(layout.lang)["sections"].values())
    return "\n".join(_paint(line, "1", on) if line in section_labels else line for line in lines)


def _explain(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    shortcode = parse_codes(" ".join(args.code), cat)
    if args.json:
        entries = [cat.lookup(code, args.lang) for code in shortcode.codes]
        data = entries[0].as_dict() if len(entries) == 1 else [e.as_dict() for e in entries]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    out.write(_layout_text(render.card(shortcode, cat, args.lang), _colour(out)) + "\n")
    return 0


def _compare(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    from .comparison import compare

    if args.json:
        result = compare(args.a, args.b, lang=args.lang, catalogue=cat)
        json.dump(result.as_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    shortcode = Shortcode("compare", (args.a, args.b))
    out.write(_layout_text(render.card(shortcode, cat, args.lang), _colour(out)) + "\n")
    return 0


def _list(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    entries: list[Entry] = list(cat.entries(args.lang, reply_class=args.reply_class))
    if args.json:
        json.dump([{"code": e.code, "name": e.name, "class": e.class_name} for e in entries],
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    on = _colour(out)
    for entry in entries:
        code = _paint(f"{entry.code:<8}", _COLOURS[entry.reply_class], on)
        out.write(f"{code} {entry.name}\n")
    return 0


def _check_docs(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    from .check_docs import check_paths

    findings = check_paths(args.paths, cat)
    for finding in findings:
        out.write(f"{finding}\n")
    return 1 if findings else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smtpcodes", description="Explain SMTP reply codes and enhanced status codes.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", default="en", choices=languages(),
                        help="language of the texts (default: en)")
    common.add_argument("--catalogue", metavar="FILE",
                        help="your own catalogue file (TOML or YAML) adding or overriding codes")
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    sub = parser.add_subparsers(dest="command", required=True)
    explain = sub.add_parser("explain", parents=[common], help="explain one code or a reply",
                             description="Explain 553, 5.7.1 or a reply such as '550 5.1.1'.")
    explain.add_argument("code", nargs="+", help="553, 5.7.1, or 550 5.1.1")
    explain.set_defaults(run=_explain)
    comp = sub.add_parser("compare", parents=[common], help="tell two codes apart")
    comp.add_argument("a")
    comp.add_argument("b")
    comp.set_defaults(run=_compare)
    listing = sub.add_parser("list", parents=[common], help="list every code")
    listing.add_argument("--class", dest="reply_class", type=int, choices=(2, 3, 4, 5),
                         help="only codes of this reply class")
    listing.set_defaults(run=_list)
    check = sub.add_parser("check-docs", parents=[common],
                           help="report unknown or malformed <smtp:…> shortcodes")
    check.add_argument("paths", nargs="+", metavar="PATH", help="Markdown files or directories")
    check.set_defaults(run=_check_docs)
    _add_lint(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        cat = get_catalogue(args.catalogue)
        status: int = args.run(args, cat, sys.stdout)
    except SMTPCodeError as error:
        sys.stderr.write(f"smtpcodes: error: {error}\n")
        return 2
    except BrokenPipeError:  # `smtpcodes list | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
