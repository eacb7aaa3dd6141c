"""The ``smtpcodes`` command: explain, compare and list codes; check Markdown files.

Output is the product here, so it is guarded: texts from catalogue files and Markdown pages are
printed with their control characters escaped, ``--json`` turns errors into JSON too, and the
exit status tells the truth when output cannot be written (a full disk, a closed descriptor, a
reader that left early).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from . import __version__, printable, render
from . import codes as _codes
from .catalogue import Catalogue, Entry, get_catalogue, labels, languages
from .errors import SMTPCodeError
from .lint import add_subcommand as _add_lint
from .shortcode import Shortcode, contradiction, parse_codes, resolve

_COLOURS = {2: "32", 3: "36", 4: "33", 5: "31"}
#: Exit statuses (documented in docs/api.md).
OK, FINDINGS, ERROR, BROKEN_PIPE = 0, 1, 2, 141


def _colour(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set to a non-empty value or TERM is dumb."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _paint(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def _layout_text(layout: render.Card, on: bool) -> str:
    lines = printable.lines(render.to_text(layout)).split("\n")
    colour = _COLOURS[max(layout.reply_classes)]
    lines[0] = _paint(lines[0], f"1;{colour}", on)
    section_labels = {s.label for s in layout.sections} | set(
        labels(layout.lang)["sections"].values())
    return "\n".join(_paint(line, "1", on) if line in section_labels else line for line in lines)


def _dump(data: object, out: TextIO) -> None:
    out.write(printable.json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


# --- explain -----------------------------------------------------------------------------------

def _explain(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    if args.code == ["-"]:
        return _explain_stream(args, cat, out)
    text = " ".join(args.code)
    shortcode = parse_codes(text, cat)
    typed = text.strip()
    if _codes.is_basic(typed) or _codes.is_enhanced_shape(typed):
        cat.lookup(typed, args.lang)  # a code typed alone must be a known one
    if args.json:
        _dump(_as_json(shortcode, cat, args.lang), out)
    else:
        out.write(_card_text(shortcode, cat, args.lang, _colour(out)) + "\n")
    return OK


def _card_text(shortcode: Shortcode, cat: Catalogue, lang: str, on: bool) -> str:
    """The card of a code, a reply or a comparison; ``X.1.1``: one card per class."""
    if shortcode.kind != "classes":
        return _layout_text(_card(shortcode, cat, lang), on)
    return "\n\n".join(_layout_text(render.card(Shortcode("single", (code,)), cat, lang), on)
                       for code in shortcode.codes)


def _card(shortcode: Shortcode, cat: Catalogue, lang: str) -> render.Card:
    """The card of a shortcode; a server's own enhanced code (``535 5.7.139``) shows the card
    of the code that explains it, and says what the unregistered code still tells."""
    shown, warning = _stand_in(shortcode, cat, lang)
    layout = render.card(shown, cat, lang)
    return layout._replace(warnings=(*layout.warnings, warning)) if warning else layout


def _stand_in(shortcode: Shortcode, cat: Catalogue, lang: str) -> tuple[Shortcode, str]:
    """What to explain for a shortcode, and the warning when that is not the shortcode itself:
    a server's own enhanced code is explained through its reply code or its subject."""
    from .catalogue import class_and_subject
    from .replies import own_detail

    own = own_detail(shortcode, cat)
    names = class_and_subject(own.code, lang) if own else None
    if own is None or names is None:
        return shortcode, ""
    return Shortcode("single", (own.shown,)), str(labels(lang)["own_detail"].format(
        enhanced=own.code, detail="X." + own.code.split(".", 1)[1], shown=own.shown,
        class_name=names[0], subject=names[1]))


def _as_json(shortcode: Shortcode, cat: Catalogue, lang: str) -> Any:
    """One code: its entry, as ``list --json`` gives it; a comparison: ``compare --json``;
    a reply or ``X.1.1``: its entries, with the contradiction between them if any."""
    if shortcode.kind == "compare":
        from .comparison import compare

        first, second = shortcode.codes
        return compare(first, second, lang=lang, catalogue=cat).as_dict()
    if shortcode.kind == "single" and cat.defines(shortcode.codes[0]):
        return cat.lookup(shortcode.codes[0], lang).as_dict()
    return _reply_json(shortcode, cat, lang)


def _reply_json(shortcode: Shortcode, cat: Catalogue, lang: str) -> dict[str, Any]:
    """A reply's entries; a server's own enhanced code has none, and a warning says so."""
    shown, warning = _stand_in(shortcode, cat, lang)
    entries = resolve(shown, cat, lang)
    warnings = render.card(shown, cat, lang).warnings if shown.kind == "reply" else ()
    return {
        "reply": shortcode.label, "type": shortcode.kind, "codes": list(shortcode.codes),
        "entries": [e.as_dict() for e in entries],
        "contradiction": contradiction(shown, entries),
        "warnings": [*warnings, *([warning] if warning else [])],
    }


def _explain_stream(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    """``explain -``: every reply in a bounce or a log read from standard input."""
    from .replies import find

    try:
        text = sys.stdin.buffer.read().decode("utf-8", "replace")
    except (AttributeError, OSError) as error:  # no stdin at all, or not readable
        raise _Failure(f"cannot read standard input: {getattr(error, 'strerror', error)}"
                       ) from None
    found = find(text, cat)
    if not found:
        raise _Failure("no SMTP reply found in standard input")
    results: list[Any] = []
    status = OK
    on = _colour(out)
    for n, item in enumerate(found):
        where = {"line": item.line, "text": item.text}
        try:
            if args.json:
                results.append({**where, **_reply_json(item.shortcode, cat, args.lang)})
                continue
            card = _card_text(item.shortcode, cat, args.lang, on)
        except SMTPCodeError as error:
            status = ERROR
            if args.json:
                results.append({**where, **_error_json(error)})
            else:
                _complain(f"line {item.line}: {error}")
            continue
        heading = printable.one_line(f"line {item.line}: {item.text}")
        out.write(("\n" if n else "") + _paint(heading, "2", on) + "\n" + card + "\n")
    if args.json:
        _dump(results, out)
    return status


# --- compare, list, check-docs -----------------------------------------------------------------

def _compare(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    shortcode = Shortcode("compare", (cat.normalise(args.a), cat.normalise(args.b)))
    if args.json:
        _dump(_as_json(shortcode, cat, args.lang), out)
    else:
        out.write(_card_text(shortcode, cat, args.lang, _colour(out)) + "\n")
    return OK


def _marks(entry: Entry) -> list[str]:
    """What ``list`` says of an entry's standing: its source, and whether it is deprecated."""
    if entry.source == "standard":
        found = ["registered" if entry.kind == "enhanced" else "standard"]
    else:
        found = [entry.source]
    return found + (["deprecated"] if entry.deprecated else [])


def _list(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    entries: list[Entry] = list(cat.entries(args.lang, reply_class=args.reply_class))
    if args.json:
        _dump([e.as_dict() for e in entries], out)
        return OK
    words = labels(args.lang)["list_marks"]
    shown = [", ".join(words[mark] for mark in _marks(e)) for e in entries]
    width = max((printable.display_width(text) for text in shown), default=0)
    on = _colour(out)
    for entry, mark in zip(entries, shown, strict=True):
        code = _paint(f"{entry.code:<8}", _COLOURS[entry.reply_class], on)
        padding = " " * (width - printable.display_width(mark))
        out.write(f"{code} {mark}{padding}  {printable.one_line(entry.name)}\n")
    return OK


def _check_docs(args: argparse.Namespace, cat: Catalogue, out: TextIO) -> int:
    try:
        from .check_docs import check_paths
    except ModuleNotFoundError as error:
        if error.name != "markdown":
            raise
        raise _Failure("check-docs needs Python-Markdown: pip install 'smtpcodes[markdown]'"
                       ) from None
    findings = check_paths(args.paths, cat, skipped=_complain)
    for finding in findings:
        out.write(f"{finding}\n")
    return FINDINGS if findings else OK


# --- parser and main ---------------------------------------------------------------------------

class _Failure(Exception):
    """A problem of this run rather than of a code: stdin closed, no reply found, …"""


class _UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors raised so that ``main`` can print them as JSON if asked."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self, message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="smtpcodes", description="Explain SMTP reply codes and enhanced status codes.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = _Parser(add_help=False)
    common.add_argument("--lang", default="en", choices=languages(),
                        help="language of the texts (default: en)")
    common.add_argument("--catalogue", metavar="FILE",
                        help="your own catalogue file (TOML or YAML) adding or overriding codes")
    common.add_argument("--json", action="store_true",
                        help="print JSON instead of text, errors included")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    explain = sub.add_parser(
        "explain", parents=[common], help="explain a code, a pasted reply, or a whole log",
        description="Explain 553, 5.7.1, X.7.1, a reply as pasted ('550-5.1.1 User unknown', "
                    "a Postfix or Exim log line), or with '-' every reply in a bounce or log "
                    "read from standard input.")
    explain.add_argument("code", nargs="+", help="553, 5.7.1, X.7.1, 550 5.1.1 …, or -")
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


def _error_json(error: Exception) -> dict[str, Any]:
    kind = "Error" if isinstance(error, _Failure) else type(error).__name__
    return {"error": {"type": kind, "message": str(error)}}


def _complain(message: str, prog: str = "smtpcodes") -> None:
    """One line on standard error, if there is one to write to."""
    try:
        sys.stderr.write(f"{prog}: {printable.one_line(message)}\n")
        sys.stderr.flush()
    except (AttributeError, OSError):
        pass


def _quiet_stdout() -> None:
    """After a failed write, point descriptor 1 at /dev/null so that the interpreter's final
    flush of what is still buffered cannot fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _whole_writes(stream: TextIO) -> TextIO:
    """A stream that writes all it is given or raises.

    Under ``python -u`` / PYTHONUNBUFFERED standard output sits on a raw file, and a raw write
    to a pipe whose reader left midway is partial: the text layer drops the rest without a
    word, and ``check-docs | head -1`` would exit 0. A buffered writer on the same descriptor
    (left open when it goes) writes on until done or raises BrokenPipeError.
    """
    raw = getattr(stream, "buffer", None)
    if not isinstance(raw, io.RawIOBase):
        return stream
    buffered = io.BufferedWriter(io.FileIO(raw.fileno(), "w", closefd=False))
    return io.TextIOWrapper(buffered, encoding=stream.encoding, errors=stream.errors,
                            write_through=True)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    wants_json = "--json" in arguments
    if sys.stdout is None:  # started with `>&-`
        _complain("error: standard output is closed; nothing can be printed")
        return ERROR
    out = _whole_writes(sys.stdout)
    try:
        status = _run(arguments, wants_json, out)
        out.flush()
    except BrokenPipeError:  # `smtpcodes check-docs | head -1`: not every line was read
        _quiet_stdout()
        return BROKEN_PIPE
    except OSError as error:  # `smtpcodes list > /dev/full`
        _quiet_stdout()
        _complain(f"error: cannot write output: {error.strerror or error}")
        return ERROR
    return status


def _run(arguments: list[str], wants_json: bool, out: TextIO) -> int:
    try:
        args = build_parser().parse_args(arguments)
        cat = get_catalogue(args.catalogue)
        status: int = args.run(args, cat, out)
    except _UsageError as error:
        if wants_json:
            _dump({"error": {"type": "UsageError", "message": str(error)}}, out)
        else:
            error.parser.print_usage(sys.stderr)
            _complain(f"error: {error}", error.parser.prog)
        return ERROR
    except (SMTPCodeError, _Failure) as error:
        if wants_json:
            _dump(_error_json(error), out)
        else:
            _complain(f"error: {error}")
        return ERROR
    return status


if __name__ == "__main__":
    sys.exit(main())
