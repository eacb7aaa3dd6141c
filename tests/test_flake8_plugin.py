"""The SMT flake8 plugin, through the real flake8 CLI wherever flake8's own behaviour matters.

Rule tests use the checker class directly (fast, many small snippets); fixtures, options,
config files, noqa, per-file-ignores, select/ignore, ``-j 2`` under fork and spawn and the
standard-library sweep run ``python -m flake8`` in a subprocess.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import sysconfig
import textwrap
import tokenize
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from smtpcodes.flake8_plugin import MESSAGES, SMTPCodeChecker
from smtpcodes.scan import Settings
from smtpcodes.scan import check as scan_check

FIXTURES = Path(__file__).parent / "flake8_fixtures"
FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))
EXPECT_RE = re.compile(r"#\s*expect(-miss)?:\s*(.*)$")
FORMAT = "%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s"

Finding = tuple[int, str]


# --- helpers ------------------------------------------------------------------------------------

def check(source: str, **options: object) -> list[tuple[int, int, str]]:
    """Run the checker class on ``source`` as flake8 would: (line, col, code) per finding."""
    source = textwrap.dedent(source)
    saved = SMTPCodeChecker.settings
    try:
        SMTPCodeChecker.settings = Settings.from_options(**options)  # type: ignore[arg-type]
        checker = SMTPCodeChecker(ast.parse(source), source.splitlines(True))
        return [(line, col, msg.split()[0]) for line, col, msg, _ in checker.run()]
    finally:
        SMTPCodeChecker.settings = saved


def codes(source: str, **options: object) -> list[str]:
    return [code for _, _, code in check(source, **options)]


def messages(source: str) -> list[str]:
    source = textwrap.dedent(source)
    checker = SMTPCodeChecker(ast.parse(source), source.splitlines(True))
    return [msg for _, _, msg, _ in checker.run()]


def flake8(*args: str, cwd: Path | None = None, isolated: bool = True,
           prefix: Iterable[str] = ("-m", "flake8")) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, *prefix, *(["--isolated"] if isolated else []), "--format", FORMAT,
           *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


def parse(stdout: str) -> dict[str, Counter[Finding]]:
    found: dict[str, Counter[Finding]] = {}
    for line in stdout.splitlines():
        path, row, _col, code, _text = line.split("\t", 4)
        found.setdefault(Path(path).name, Counter())[(int(row), code)] += 1
    return found


def expected(path: Path, misses: bool = True) -> Counter[Finding]:
    """``# expect: SMT100 SMT102`` comments (real comments only: docstrings do not count).

    ``# expect-miss: SMT100`` declares a real finding the plugin is known not to make: counted
    by the precision bench as a false negative, left out here when ``misses`` is false.
    """
    found: Counter[Finding] = Counter()
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            match = EXPECT_RE.search(token.string)
            if match and (misses or not match.group(1)):
                for code in re.findall(r"SMT\d{3}", match.group(2)):
                    found[(token.start[0], code)] += 1
    return found


def ok(done: subprocess.CompletedProcess[str]) -> None:
    """flake8 ran to the end: exit 0 (clean) or 1 (findings), and no traceback anywhere."""
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "SMT900" not in done.stdout, done.stdout


@pytest.fixture(scope="module")
def fixture_run() -> dict[str, Counter[Finding]]:
    done = flake8("--select", "SMT", *map(str, FIXTURE_FILES))
    ok(done)
    return parse(done.stdout)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A small project: one SMTP module with three kinds of finding on known lines."""
    (tmp_path / "mailer.py").write_text(textwrap.dedent("""\
        import smtplib


        def send(server: smtplib.SMTP) -> None:
            code, _ = server.noop()
            if code != 250:
                raise smtplib.SMTPResponseException(553, b"5.1.3 Bad address syntax")
            server.sendmail("a@example.com", ["b@example.com"], "x")
            reply = "354 Start mail input"
            assert reply
        """))
    return tmp_path


MAILER = {(6, "SMT100"), (7, "SMT100"), (7, "SMT102"), (9, "SMT101")}


def pairs(done: subprocess.CompletedProcess[str]) -> set[Finding]:
    """The SMT findings of a run (other plugins may report too when SMT is not selected)."""
    ok(done)
    return {finding for counter in parse(done.stdout).values() for finding in counter
            if finding[1].startswith("SMT")}


# --- the fixture set, through the real CLI -----------------------------------------------------

def test_fixture_set_is_large_and_mostly_negative() -> None:
    ints = strings = declared = 0
    for path in FIXTURE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and not isinstance(node.value, bool):
                ints += isinstance(node.value, int)
                strings += isinstance(node.value, (str, bytes))
        declared += sum(expected(path).values())
    assert len(FIXTURE_FILES) >= 10
    assert ints + strings >= 300
    assert declared >= 150
    assert ints + strings - declared >= 2 * declared  # negatives outnumber positives


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture(path: Path, fixture_run: dict[str, Counter[Finding]]) -> None:
    want = expected(path, misses=False)
    got = fixture_run.get(path.name, Counter())
    assert got == want, (
        f"unexpected: {sorted((got - want).elements())}; "
        f"missing: {sorted((want - got).elements())}")


@pytest.mark.parametrize("name", ["http_service.py", "constants_module.py"])
def test_silent_fixtures_really_are(name: str) -> None:
    assert not expected(FIXTURES / name)


def test_findings_point_at_the_literal() -> None:
    """Line and column are the literal's own, also in multi-line calls and f-strings."""
    done = flake8("--select", "SMT", *map(str, FIXTURE_FILES))
    starts: dict[str, set[tuple[int, int]]] = {}
    literal_tokens = {tokenize.STRING, tokenize.NUMBER}
    literal_tokens |= {getattr(tokenize, name, -1) for name in ("FSTRING_START", "TSTRING_START")}
    for path in FIXTURE_FILES:
        source = path.read_text(encoding="utf-8")
        starts[path.name] = {
            (tok.start[0], tok.start[1] + 1)  # flake8 columns are 1-based
            for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type in literal_tokens}
    lines = done.stdout.splitlines()
    assert lines
    for line in lines:
        path, row, col, _code, _text = line.split("\t", 4)
        assert (int(row), int(col)) in starts[Path(path).name], line


# --- messages -----------------------------------------------------------------------------------

def test_message_names_meaning_and_fix() -> None:
    found = messages("""\
        import smtplib

        def f(e):
            if e.smtp_code == 553:
                pass
        """)
    assert found == [
        "SMT100 hard-coded SMTP reply code 553 (Mailbox name invalid, 5xx permanent negative): "
        "use SMTPStatus.MAILBOX_NAME_INVALID"]


def test_reply_with_enhanced_code_is_one_finding_naming_both() -> None:
    found = messages("""\
        async def handle_RCPT(server, session, envelope, address, options):
            return b"550 5.1.1 User unknown"
        """)
    assert len(found) == 1
    assert found[0].startswith("SMT101 hard-coded SMTP reply string 550 5.1.1 (")
    assert "5.1.1 Bad destination mailbox address" in found[0]
    assert found[0].endswith("build it from SMTPStatus.MAILBOX_UNAVAILABLE")


def test_contradiction_and_unknown_messages() -> None:
    found = messages("""\
        import smtplib

        def reply():
            return "550 4.1.1 nope", "559 Greylisted"
        """)
    assert found[0].startswith("SMT200 SMTP reply 550 4.1.1 contradicts itself: 550 is 5xx")
    assert "4.1.1 is 4xx transient negative" in found[0]
    assert found[1].startswith("SMT201 unknown SMTP code 559: no standard or custom catalogue")
    assert "did you mean" in found[1]


def test_every_code_has_one_message_template() -> None:
    assert sorted(MESSAGES) == ["SMT100", "SMT101", "SMT102", "SMT200", "SMT201", "SMT900"]
    assert all(text.startswith(code + " ") for code, text in MESSAGES.items())


# --- the documentation's examples ----------------------------------------------------------------

DOCS = Path(__file__).parent.parent / "docs" / "flake8.md"


def doc_examples() -> list[tuple[str, str, str]]:
    """(code, "bad" or "fixed", snippet) for every ``# bad`` / ``# fixed`` block of the page."""
    found = []
    for section in re.split(r"^### ", DOCS.read_text(encoding="utf-8"), flags=re.M)[1:]:
        code = section.split(":", 1)[0].strip()
        for block in re.findall(r"```python\n(.*?)```", section, flags=re.S):
            kind = block.split("\n", 1)[0].lstrip("# ").split(":")[0].strip()
            found.append((code, kind, block))
    return found


@pytest.mark.parametrize("code, kind, snippet", doc_examples(),
                         ids=lambda v: v if isinstance(v, str) and len(v) < 8 else "")
def test_documented_examples(code: str, kind: str, snippet: str) -> None:
    """Every bad example on the docs page gets its code; every fixed example gets nothing."""
    source = "import smtplib\n\n\ndef example():\n" + textwrap.indent(snippet, "    ")
    found = codes(source)
    if kind == "bad":
        assert code in found
    else:
        assert kind == "fixed"
        assert found == []


def test_every_code_is_documented_with_a_bad_and_a_fixed_example() -> None:
    kinds = {(code, kind) for code, kind, _ in doc_examples()}
    for code in ("SMT100", "SMT101", "SMT102", "SMT200", "SMT201"):
        assert {(code, "bad"), (code, "fixed")} <= kinds
    page = DOCS.read_text(encoding="utf-8")
    assert all(code in page for code in MESSAGES)
    outside_code = re.sub(r"```.*?```|`[^`]*`", "", page, flags=re.S)
    assert "<smtp:" not in outside_code  # the docs extension would expand it


# --- rules: positives ---------------------------------------------------------------------------

SMTP_HEADER = "import smtplib\n\n"


@pytest.mark.parametrize("body, want", [
    ("def f(s):\n    code, _ = s.ehlo()\n    return code != 250\n", ["SMT100"]),
    ("def f(e):\n    return e.smtp_code == 553\n", ["SMT100"]),
    ("def f(resp):\n    return resp.code in (421, 451)\n", ["SMT100", "SMT100"]),
    ("def f(e):\n    for a, (c, m) in e.recipients.items():\n        if c >= 500:\n"
     "            pass\n", ["SMT100"]),
    ("def f():\n    raise smtplib.SMTPResponseException(550, b'x')\n", ["SMT100"]),
    ("def f():\n    raise smtplib.SMTPSenderRefused(553, b'x', 'a@b')\n", ["SMT100"]),
    ("class P:\n    def do_VRFY(self, rest):\n        self.sendCode(504, b'no')\n", ["SMT100"]),
    ("class S:\n    async def smtp_NOOP(self, arg):\n        return 250, b'OK'\n", ["SMT100"]),
    ("def test(client):\n    code, _ = client.noop()\n    assert code == 250\n", ["SMT100"]),
    ("def test(self):\n    self.assertEqual(self.c.verify('x')[0], 252)\n", ["SMT100"]),
    ("def f(reply_code=451):\n    pass\n", ["SMT100"]),
    ("def f(status):\n    match status:\n        case 250 | 251:\n            pass\n",
     ["SMT100", "SMT100"]),
    ("def f(e):\n    if 400 <= e.smtp_code < 500:\n        pass\n", ["SMT100", "SMT100"]),
    ("def f(e):\n    return 200 <= e.smtp_code < 300\n", ["SMT100", "SMT100"]),
    ("def f(e):\n    return e.smtp_code == 559\n", ["SMT201"]),
    ("def f():\n    code = 250\n    return code\n", ["SMT100"]),
])
def test_int_literal_rules_positive(body: str, want: list[str]) -> None:
    assert codes(SMTP_HEADER + body) == want


@pytest.mark.parametrize("body, want", [
    ("def f():\n    return '250 OK'\n", ["SMT101"]),
    ("def f(x):\n    x.append(b'550 5.1.1 User unknown')\n", ["SMT101"]),
    ("class C:\n    async def smtp_HELO(self, h):\n"
     "        await self.push('501 Syntax: HELO hostname')\n", ["SMT101"]),
    ("class H:\n    async def handle_RCPT(self, server, session, envelope, address, opts):\n"
     "        return '550 not relaying to that domain'\n", ["SMT101"]),
    ("def f(e):\n    return e.smtp_error.startswith(b'5.7.1')\n", ["SMT102"]),
    ("def f(status):\n    return status == '5.7.1'\n", ["SMT102"]),
    ("def f():\n    return '550 4.1.1 nope'\n", ["SMT200"]),
    ("def f():\n    raise smtplib.SMTPResponseException(550, b'4.2.2 Mailbox full')\n",
     ["SMT100", "SMT200"]),
    ("def f():\n    return '559 Greylisted'\n", ["SMT201"]),
    ("def f(status):\n    return status == '5.9.99'\n", ["SMT201"]),
    ("def f(user):\n    return f'250 2.1.5 {user} OK'\n", ["SMT101"]),
    ("def f(conn):\n    conn.sendall(b'250-mail.example.com\\r\\n')\n", ["SMT101"]),
    ("def f(line):\n    return line.startswith('354')\n", ["SMT101"]),
])
def test_string_rules_positive(body: str, want: list[str]) -> None:
    assert codes(SMTP_HEADER + body) == want


def test_reply_string_without_any_smtp_import_is_still_a_reply() -> None:
    assert codes("def greet():\n    return '250 OK'\n") == ["SMT101"]
    assert codes("X = 1\nprint('550 5.1.1 User unknown')\n") == []  # printed: a log line
    assert codes("def f(out):\n    out.write(b'550 5.1.1 User unknown')\n") == ["SMT101"]


# --- rules: negatives ---------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "def f(r):\n    return r.status_code == 503\n",
    "def f():\n    return smtplib.SMTP('h', 465, timeout=300)\n",
    "def f(port=587, timeout=250):\n    pass\n",
    "def f(data):\n    return len(data) > 500\n",
    "def f(x):\n    return x[:250]\n",
    "def f():\n    return range(500)\n",
    "def f(n_sent):\n    return n_sent > 250\n",
    "def f(pkg_version='2.0.0'):\n    return pkg_version >= '4.1.1'\n",
    "def f():\n    return ['4.2.2.2', '5.5.5.5', '250.1.1.1']\n",
    "def f():\n    return 'RFC 5321 section 4.2.2'\n",
    "def f(section):\n    return section == '4.2.2'\n",
    "OK = 250\nTABLE = {550: '550 5.1.1 User unknown'}\n",
    "class Reply:\n    OK = 250\n    FAIL = '550 5.7.1 Denied'\n",
    "import enum\nclass R(enum.IntEnum):\n    OK = 250\n    BAD = 553\n",
    "def f():\n    LIMITS = {421, 451}\n    return LIMITS\n",
    "def f(sizes):\n    return sizes['medium'] == 500\n",
    "def f(counts):\n    return counts.get('bounced', 0) >= 500\n",
    "def f(x):\n    print('250 OK received', x)\n",
    "def f():\n    '''250 OK is a docstring here'''\n",
    "def f():\n    return '250 messages were queued'\n",
    "def f(colour=(250, 250, 250)):\n    pass\n",
])
def test_rules_negative_in_smtp_module(body: str) -> None:
    assert codes(SMTP_HEADER + body) == []


@pytest.mark.parametrize("source", [
    "import requests\n\ndef f(url):\n    r = requests.get(url)\n    return r.status == 503\n",
    "from flask import abort\n\ndef f():\n    abort(503)\n    return 'x', 421\n",
    "def app(environ, start_response):\n    start_response('503 Service Unavailable', [])\n",
    "import http.server\nclass H(http.server.BaseHTTPRequestHandler):\n"
    "    def do_GET(self):\n        self.send_response(503, 'Service Unavailable')\n",
    "def line():\n    return '421 Misdirected Request'\n",
    "def line():\n    return '421 Misdirected'\n",
    "def f(code):\n    return code == 250\n",  # no SMTP anywhere: 250 is just a number
    "def f(resp):\n    return resp.code in (421, 451)\n",
    "import nntplib\nclass H:\n    def handle_QUIT(self):\n        self.push_lit('205 Bye!')\n",
    "import ftplib\nclass F:\n    def cmd_noop(self, arg):\n        self.push('200 noop ok')\n",
    "def f():\n    return '2.0.0'\n",
])
def test_rules_negative_outside_smtp(source: str) -> None:
    assert codes(source) == []


def test_context_is_per_scope_in_a_mixed_module() -> None:
    source = """\
        import smtplib
        import requests

        def probe(url):
            r = requests.get(url, timeout=5)
            status = r.status_code
            if status == 421:
                return "421 Misdirected Request"

        def send(server):
            code, _ = server.ehlo()
            if code == 421:
                return "421 Service not available"
        """
    assert check(source) == [(12, 15, "SMT100"), (13, 15, "SMT101")]


def test_allow_list_silences_codes_but_not_contradictions() -> None:
    body = SMTP_HEADER + "def f(c):\n    return c == 250, '354 Go ahead', '550 4.1.1 x'\n"
    assert codes(body) == ["SMT100", "SMT101", "SMT200"]
    allowed = frozenset({"250", "354", "550", "4.1.1"})
    assert codes(body, allow=allowed) == ["SMT200"]


def test_extra_smtp_modules_make_a_scope_smtp() -> None:
    body = "import acme.mta\n\ndef f(code):\n    return code == 250\n"
    assert codes(body) == []
    assert codes(body, modules=["acme.mta"]) == ["SMT100"]


# --- robustness ---------------------------------------------------------------------------------

def test_run_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: SMTPCodeChecker, tree: ast.AST) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(SMTPCodeChecker, "_check", boom)
    found = list(SMTPCodeChecker(ast.parse("x = '250 OK'\n")).run())
    assert found == [(1, 0, MESSAGES["SMT900"].format(error="RuntimeError"), SMTPCodeChecker)]


def test_deep_nesting_does_not_hit_the_recursion_limit() -> None:
    """The pass is iterative: a tree deeper than any recursion limit is fine."""
    expr: ast.expr = ast.Constant(1)
    for _ in range(50_000):
        expr = ast.BinOp(left=expr, op=ast.Add(), right=ast.Constant(2))
    tree = ast.Module(body=[ast.Expr(expr)], type_ignores=[])
    assert list(SMTPCodeChecker(tree).run()) == []
    nested = "import smtplib\ndef f(c):\n    return " + "(" * 150 + "c == 250" + ")" * 150 + "\n"
    assert codes(nested) == ["SMT100"]


def test_whole_file_skip_agrees_with_a_full_scan() -> None:
    """The cheap text test may skip a file only when the full scan finds nothing in it."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    paths = [*FIXTURE_FILES, *sorted(stdlib.glob("*.py"))[::7],
             stdlib / "smtplib.py", stdlib / "http" / "server.py"]
    for path in paths:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        lines = source.splitlines(True)
        full = scan_check(tree, lines, Settings()._replace(triggers=("",)))  # "" is in every text
        skipped = scan_check(tree, lines, Settings())
        assert full == skipped, path


def test_plugin_module_is_cheap_to_import() -> None:
    code = ("import sys, smtpcodes.flake8_plugin; "
            "print(sorted(m for m in ('markdown', 'smtpcodes.catalogue', 'json') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "markdown" not in done.stdout and "smtpcodes.catalogue" not in done.stdout


def test_plugin_metadata() -> None:
    assert SMTPCodeChecker.name == "smtpcodes"
    assert SMTPCodeChecker.version
    done = subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True,
                          text=True)
    assert "smtpcodes" in done.stdout


# --- options, config files and flake8's own machinery -------------------------------------------

def test_on_by_default(project: Path) -> None:
    assert pairs(flake8("mailer.py", cwd=project)) == MAILER


def test_allow_option_on_the_command_line(project: Path) -> None:
    done = flake8("--select", "SMT", "--smtp-allow", "250,354", "mailer.py", cwd=project)
    assert pairs(done) == MAILER - {(6, "SMT100"), (9, "SMT101")}


@pytest.mark.parametrize("config", ["setup.cfg", "tox.ini", ".flake8"])
def test_options_from_config_files(project: Path, config: str) -> None:
    (project / config).write_text(
        "[flake8]\nselect = SMT\nsmtp-allow = 250, 5.1.3\nsmtp_modules = acme.mta\n")
    done = flake8("mailer.py", cwd=project, isolated=False)
    assert pairs(done) == MAILER - {(6, "SMT100"), (7, "SMT102")}


def test_smtp_modules_option(tmp_path: Path) -> None:
    (tmp_path / "relay.py").write_text(
        "import acme.mta\n\n\ndef accepted(code):\n    return code == 250\n")
    assert pairs(flake8("--select", "SMT", "relay.py", cwd=tmp_path)) == set()
    done = flake8("--select", "SMT", "--smtp-modules", "acme.mta", "relay.py", cwd=tmp_path)
    assert pairs(done) == {(5, "SMT100")}


def test_bad_allow_code_stops_flake8_with_a_clear_message(project: Path) -> None:
    done = flake8("--smtp-allow", "25", "mailer.py", cwd=project)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert "--smtp-allow" in output and "'25'" in output
    assert "Traceback" not in output


def greylisting_provider(folder: Path, name: str) -> None:
    """provider.py answers 559 on line 3; codes.toml defines 559 with ``name`` (TOML text)."""
    (folder / "provider.py").write_text(textwrap.dedent("""\
        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, options):
                return "559 Greylisted by provider"
        """))
    (folder / "codes.toml").write_text(
        f'[codes."559"]\nname = "{name}"\n'
        'description = "The provider defers first-time senders for five minutes."\n')


def test_custom_catalogue_defines_codes(tmp_path: Path) -> None:
    greylisting_provider(tmp_path, "Greylisted by provider")
    assert pairs(flake8("--select", "SMT", "provider.py", cwd=tmp_path)) == {(3, "SMT201")}
    done = flake8("--select", "SMT", "--smtp-catalogue", "codes.toml", "provider.py",
                  cwd=tmp_path)
    ok(done)
    assert pairs(done) == {(3, "SMT101")}
    assert "559 (Greylisted by provider" in done.stdout
    # the same file from a config file, with a path relative to the config file
    (tmp_path / "setup.cfg").write_text("[flake8]\nsmtp-catalogue = codes.toml\n")
    done = flake8("--select", "SMT", str(tmp_path / "provider.py"), cwd=tmp_path, isolated=False)
    assert pairs(done) == {(3, "SMT101")}


def test_smtp_callables_option_and_config_key(tmp_path: Path) -> None:
    (tmp_path / "relay.py").write_text("def refuse(conn):\n    conn.reject_with('x', 551, 'no')\n")
    assert pairs(flake8("--select", "SMT", "relay.py", cwd=tmp_path)) == set()
    done = flake8("--select", "SMT", "--smtp-callables", "reject_with:1:2", "relay.py",
                  cwd=tmp_path)
    assert pairs(done) == {(2, "SMT100")}
    (tmp_path / "tox.ini").write_text("[flake8]\nsmtp-callables = other, reject_with:1:2\n")
    done = flake8("--select", "SMT", "relay.py", cwd=tmp_path, isolated=False)
    assert pairs(done) == {(2, "SMT100")}
    done = flake8("--smtp-callables", "reject_with:first", "relay.py", cwd=tmp_path)
    assert done.returncode == 1 and "--smtp-callables" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_catalogue_names_cannot_forge_output_lines(tmp_path: Path) -> None:
    """A newline in a custom name must not print a second, forged finding (issue 10)."""
    greylisting_provider(tmp_path, "Greylisted\\nprovider.py:1:1: E999 forged\\r\\u2028x")
    done = flake8("--select", "SMT", "--smtp-catalogue", "codes.toml", "provider.py",
                  cwd=tmp_path)
    ok(done)
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("provider.py\t3\t")
    assert "Greylisted provider.py:1:1: E999 forged x" in lines[0]


def test_bad_catalogue_stops_flake8_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "codes.toml").write_text('[codes."559"]\nname = "no description"\n')
    (tmp_path / "a.py").write_text("x = 1\n")
    done = flake8("--smtp-catalogue", "codes.toml", "a.py", cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert "--smtp-catalogue" in output and "codes.toml" in output
    assert "description" in output
    assert "Traceback" not in output


def test_noqa(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(textwrap.dedent("""\
        import smtplib

        def f(e):
            a = e.smtp_code == 553  # noqa: SMT100
            b = e.smtp_code == 550  # noqa: SMT1
            c = e.smtp_code == 551  # noqa: SMT200
            d = e.smtp_code == 552  # noqa: E501,SMT100
            f = e.smtp_code == 554  # noqa: SMT
            return a, b, c, d, f
        """))
    # "noqa: SMT" (no digit) is not a code list for flake8: a blanket noqa, as documented
    assert pairs(flake8("--select", "SMT", "a.py", cwd=tmp_path)) == {(6, "SMT100")}


def test_per_file_ignores(tmp_path: Path) -> None:
    source = "import smtplib\n\ndef f(e):\n    return e.smtp_code == 553\n"
    (tmp_path / "a.py").write_text(source)
    (tmp_path / "test_a.py").write_text(source)
    (tmp_path / "setup.cfg").write_text("[flake8]\nper-file-ignores =\n    test_*.py: SMT100\n")
    done = flake8("--select", "SMT", "a.py", "test_a.py", cwd=tmp_path, isolated=False)
    ok(done)
    assert set(parse(done.stdout)) == {"a.py"}


def test_own_select_needs_extend_select(project: Path) -> None:
    (project / "setup.cfg").write_text("[flake8]\nselect = E9\n")
    assert pairs(flake8("mailer.py", cwd=project, isolated=False)) == set()
    (project / "setup.cfg").write_text("[flake8]\nselect = E9\nextend-select = SMT\n")
    assert pairs(flake8("mailer.py", cwd=project, isolated=False)) == MAILER


def test_extend_ignore_s_hides_smt_too(project: Path) -> None:
    (project / "setup.cfg").write_text("[flake8]\nextend-ignore = S\n")
    assert pairs(flake8("mailer.py", cwd=project, isolated=False)) == set()


# --- parallel runs ------------------------------------------------------------------------------

SPAWN_WRAPPER = """\
import multiprocessing
import sys

from flake8.main.cli import main

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn", force=True)
    sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_jobs_2_with_options(tmp_path: Path, start: str,
                             fixture_run: dict[str, Counter[Finding]]) -> None:
    """-j 2 gives the serial results; under spawn parse_options runs again in every worker."""
    (tmp_path / "codes.toml").write_text(
        '[codes."559"]\nname = "Greylisted by provider"\ndescription = "Deferred."\n')
    (tmp_path / "own.py").write_text("def refuse(conn):\n    conn.reject_with('x', 551, 'no')\n")
    files = [str(p) for p in FIXTURE_FILES] + [str(tmp_path / "own.py")]
    prefix = ("-m", "flake8")
    if start == "spawn":
        wrapper = tmp_path / "spawn_flake8.py"
        wrapper.write_text(SPAWN_WRAPPER)
        prefix = (str(wrapper),)
    options = ("--smtp-allow", "250", "--smtp-callables", "reject_with:1:2",
               "--smtp-catalogue", str(tmp_path / "codes.toml"))
    done = flake8("--select", "SMT", "-j", "2", *options, *files, prefix=prefix)
    ok(done)
    got = parse(done.stdout)
    serial = flake8("--select", "SMT", "-j", "1", *options, *files)
    assert got == parse(serial.stdout)
    assert not any("SMTP reply code 250 " in line for line in done.stdout.splitlines())
    assert "559 (Greylisted by provider" in done.stdout  # the custom catalogue reached workers
    assert got["own.py"] == Counter({(2, "SMT100"): 1})  # and so did the callables
    assert sum(map(sum, (c.values() for c in got.values()))) < sum(
        map(sum, (c.values() for c in fixture_run.values())))


# --- the standard library ----------------------------------------------------------------------

ONLY_SMT = """\
import sys

from flake8.plugins import finder

_original = finder._find_importlib_plugins


def _only_flake8_and_smtpcodes():
    for plugin in _original():
        if plugin.package in ("flake8", "smtpcodes"):
            yield plugin


finder._find_importlib_plugins = _only_flake8_and_smtpcodes

if __name__ == "__main__":
    from flake8.main.cli import main

    sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_whole_standard_library_without_plugin_exceptions(tmp_path: Path) -> None:
    """flake8 --select SMT -j 2 over the running interpreter's standard library.

    Other plugins (pyflakes, pycodestyle, bugbear...) are left out through a wrapper that
    filters plugin discovery: they are not under test and would make this five times slower.
    """
    wrapper = tmp_path / "only_smt.py"
    wrapper.write_text(ONLY_SMT)
    stdlib = sysconfig.get_paths()["stdlib"]
    exclude = "site-packages,dist-packages,lib2to3/tests/data,tokenizedata,__pycache__"
    done = flake8("--select", "SMT", "-j", "2", "--exclude", exclude, stdlib,
                  prefix=(str(wrapper),))
    ok(done)
    assert "smtpcodes" not in done.stderr and "SMT" not in done.stderr
    found = parse(done.stdout)
    assert "smtplib.py" in found  # the stdlib's own SMTP client hard-codes its replies
    assert not {"server.py", "client.py", "ftplib.py", "nntplib.py"} & set(found)
