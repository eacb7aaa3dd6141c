"""``smtpcodes lint --fix`` and ``--diff``: what is rewritten, what is left, where the import
goes, and that fixed programs behave as before (same output on every Python at hand)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from lint_fixtures.tools import interpreters, run_lint
from smtpcodes.fix import fix, split_lines
from smtpcodes.fix_target import Target
from smtpcodes.fix_target import load as load_target
from smtpcodes.scan import check

ROOT = Path(__file__).parent.parent
SCRIPTS = Path(__file__).parent / "lint_fixtures" / "scripts"


def fixed(source: str, target: Target | None = None) -> tuple[str, tuple[str, ...]]:
    """The fixer on one text, as ``--fix`` runs it: (new text, notes)."""
    tree = ast.parse(source)
    reports = check(tree, split_lines(source))
    result = fix(source, tree, reports, target or load_target(None, "."), frozenset({"myapp"}))
    return result.text, result.notes


def src(text: str) -> str:
    return textwrap.dedent(text)


# --- what is rewritten --------------------------------------------------------------------------

@pytest.mark.filterwarnings("ignore:invalid decimal literal:SyntaxWarning")
def test_only_literals_met_by_equality_or_passed_as_arguments_are_rewritten() -> None:
    before = src('''\
        """Replies."""
        import smtplib


        def handle(code, reply):
            if code == 250:  # accepted
                return "ok"
            if code in (550, 551) or code not in [421]:
                return "rejected"
            if 500 <= code < 600 or code >= 400:
                return "class"
            match code:
                case 354:
                    return "data"
                case 421 | 450:
                    return "later"
            if code==553and reply:
                pass
            assert reply[0] != 252, reply
            raise smtplib.SMTPResponseException(553, b"bad")


        def status():
            code = 250
            return code


        class Test:
            def test(self, client):
                self.assertEqual(client.noop(), (250, b"OK"))
        ''')
    after = src('''\
        """Replies."""
        import smtplib

        from smtpcodes import SMTPStatus


        def handle(code, reply):
            if code == SMTPStatus.OK:  # accepted
                return "ok"
            if code in (SMTPStatus.MAILBOX_UNAVAILABLE, SMTPStatus.USER_NOT_LOCAL) or code not in [SMTPStatus.SERVICE_NOT_AVAILABLE]:
                return "rejected"
            if 500 <= code < 600 or code >= 400:
                return "class"
            match code:
                case SMTPStatus.START_MAIL_INPUT:
                    return "data"
                case SMTPStatus.SERVICE_NOT_AVAILABLE | SMTPStatus.MAILBOX_UNAVAILABLE_TEMPORARY:
                    return "later"
            if code==SMTPStatus.MAILBOX_NAME_INVALID and reply:
                pass
            assert reply[0] != SMTPStatus.CANNOT_VRFY_USER, reply
            raise smtplib.SMTPResponseException(SMTPStatus.MAILBOX_NAME_INVALID, b"bad")


        def status():
            code = 250
            return code


        class Test:
            def test(self, client):
                self.assertEqual(client.noop(), (SMTPStatus.OK, b"OK"))
        ''')  # noqa: E501
    assert fixed(before) == (after, ())
    assert fixed(after) == (after, ())


def test_reply_strings_enhanced_codes_and_unfixed_findings_stay_in_the_output(
        tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(src('''\
        import smtplib


        def send(server):
            code, _ = server.noop()
            if code != 250 and code >= 500:
                raise smtplib.SMTPResponseException(553, b"5.1.3 Bad address syntax")
            reply = "354 Start mail input"
            return reply
        '''))
    done = run_lint("--fix", cwd=tmp_path)
    assert done.returncode == 1
    assert [line.split()[1] for line in done.stdout.splitlines()] == [
        "SMT100", "SMT102", "SMT101"]
    assert done.stdout.startswith("m.py:8:42: SMT100")  # positions of the fixed file
    assert "fixed 2 findings in 1 file, 3 left" in done.stderr
    text = (tmp_path / "m.py").read_text()
    assert "if code != SMTPStatus.OK and code >= 500:" in text
    assert "SMTPResponseException(SMTPStatus.MAILBOX_NAME_INVALID, " in text
    assert '"354 Start mail input"' in text


def test_noqa_and_ignored_findings_are_not_fixed(tmp_path: Path) -> None:
    source = src("""\
        import smtplib


        def f(code):
            return code == 250 or code == 251  # noqa: SMT100
        """)
    (tmp_path / "m.py").write_text(source)
    assert run_lint("--fix", cwd=tmp_path).returncode == 0
    assert run_lint("--fix", "--ignore", "SMT", cwd=tmp_path).returncode == 0
    assert (tmp_path / "m.py").read_text() == source


# --- the import ---------------------------------------------------------------------------------

CHECK = "\n\ndef ok(code):\n    return code == 250\n"


@pytest.mark.parametrize(("head", "expected"), [
    # an existing import is reused, whatever its form
    ("import smtplib\nfrom smtpcodes import SMTPStatus as S\n", "S.OK"),
    ("import smtplib\nimport smtpcodes\n", "smtpcodes.SMTPStatus.OK"),
    ("import smtplib\nfrom smtpcodes.status import SMTPStatus\n", "SMTPStatus.OK"),
])
def test_an_existing_import_is_reused(head: str, expected: str) -> None:
    text, notes = fixed(head + CHECK)
    assert (text, notes) == (head + CHECK.replace("250", expected), ())


@pytest.mark.parametrize(("head", "result"), [
    # beside an import of the same module
    ("import smtplib\nfrom smtpcodes import lookup\nimport zlib\n",
     "import smtplib\nfrom smtpcodes import lookup\nfrom smtpcodes import SMTPStatus\n"
     "import zlib\n"),
    # into its isort section, in that section's order
    ("import os\nimport smtplib\n\nimport attr\nfrom click import echo\nfrom zope import x\n"
     "\nfrom myapp import util\nfrom . import sibling\n",
     "import os\nimport smtplib\n\nimport attr\nfrom click import echo\n"
     "from smtpcodes import SMTPStatus\nfrom zope import x\n\nfrom myapp import util\n"
     "from . import sibling\n"),
    # a new section between the ones around it
    ("import smtplib\n\n# ours\nfrom myapp import util\n",
     "import smtplib\n\nfrom smtpcodes import SMTPStatus\n\n# ours\nfrom myapp import util\n"),
    # an unsorted section: at its end
    ("import smtplib\n\nimport zope\nimport attr\n",
     "import smtplib\n\nimport zope\nimport attr\nfrom smtpcodes import SMTPStatus\n"),
    # the first run of imports, even after other statements
    ('"""Doc."""\n__all__ = ["ok"]\nimport smtplib\n',
     '"""Doc."""\n__all__ = ["ok"]\nimport smtplib\n\nfrom smtpcodes import SMTPStatus\n'),
])
def test_a_new_import_goes_where_the_file_keeps_its_imports(head: str, result: str) -> None:
    assert fixed(head + CHECK) == (result + CHECK.replace("250", "SMTPStatus.OK"), ())


def test_a_file_without_imports_gets_one_after_its_docstring_and_future_imports() -> None:
    source = ('"""Doc."""\nfrom __future__ import annotations\n\ndef f(smtp_code):\n'
              "    return smtp_code == 250\n")
    assert fixed(source)[0] == (
        '"""Doc."""\nfrom __future__ import annotations\n\nfrom smtpcodes import SMTPStatus\n'
        "\n\ndef f(smtp_code):\n    return smtp_code == SMTPStatus.OK\n")
    script = "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n\nif resp.smtp_code == 250:\n" \
             "    pass\n"
    assert fixed(script)[0] == (
        "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n\nfrom smtpcodes import SMTPStatus\n"
        "\nif resp.smtp_code == SMTPStatus.OK:\n    pass\n")


def test_imports_after_a_use_at_import_time_send_the_new_one_to_the_top() -> None:
    source = '"""Doc."""\nif resp.smtp_code == 250:\n    pass\nimport smtplib\n'
    assert fixed(source) == ('"""Doc."""\n\nfrom smtpcodes import SMTPStatus\n\n'
                             "if resp.smtp_code == SMTPStatus.OK:\n    pass\nimport smtplib\n", ())


@pytest.mark.parametrize("source", [
    "import smtplib\n\n\nclass SMTPStatus:\n    OK = 1\n" + CHECK,
    "import smtplib\nfrom mylib import SMTPStatus\n" + CHECK,
    "import smtplib\n\n\ndef g(SMTPStatus):\n    return SMTPStatus\n" + CHECK,
    "import smtplib\nfrom mylib import *\n\nX = SMTPStatus\n" + CHECK,
    "import smtplib\nfrom smtpcodes import SMTPStatus as S\nS = 1\n" + CHECK,
])
def test_a_name_clash_is_reported_and_the_file_left_alone(source: str) -> None:
    text, notes = fixed(source)
    assert text == source
    assert len(notes) == 1 and notes[0].startswith("not fixed: ")


def test_an_import_after_the_first_use_at_import_time_is_reported() -> None:
    source = "import smtplib\nassert smtplib.SMTP().noop()[0] == 250\n" \
             "from smtpcodes import SMTPStatus\n"
    assert fixed(source)[1] == (
        "not fixed: SMTPStatus is imported on line 3, after its first use",)
    deferred = "import smtplib\ndef f(code):\n    return code == 250\n" \
               "from smtpcodes import SMTPStatus\n"
    assert fixed(deferred)[0] == deferred.replace("== 250", "== SMTPStatus.OK")


def test_an_edit_that_would_not_compile_leaves_the_file_as_it_was() -> None:
    broken = Target("mta", "Codes", {250: "None"}, frozenset({"mta"}))
    source = "import smtplib\n" + CHECK
    text, notes = fixed(source, broken)
    assert text == source
    assert notes[0].startswith("not fixed: the result would not compile (SyntaxError")


# --- text outside the edits ---------------------------------------------------------------------

def test_line_endings_encodings_tabs_and_comments_are_kept(tmp_path: Path) -> None:
    crlf = "import smtplib\r\n\r\ndef f(code):\r\n\tif code == 250:  # ok\r\n\t\treturn 1\r\n"
    (tmp_path / "crlf.py").write_bytes(crlf.encode())
    latin = ("# -*- coding: latin-1 -*-\nimport smtplib\n\n\ndef f(smtp_code):\n"
             "    return 'é' if smtp_code == 550 else 'à'  # café\n")
    (tmp_path / "latin.py").write_bytes(latin.encode("latin-1"))
    bom = "import smtplib\n\n\ndef f(code):\n    return code == 354  # ünïcode\n"
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + bom.encode())
    done = run_lint("--fix", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "crlf.py").read_bytes() == (
        b"import smtplib\r\n\r\nfrom smtpcodes import SMTPStatus\r\n\r\n\r\ndef f(code):\r\n"
        b"\tif code == SMTPStatus.OK:  # ok\r\n\t\treturn 1\r\n")
    assert (tmp_path / "latin.py").read_bytes() == latin.replace(
        "import smtplib\n", "import smtplib\n\nfrom smtpcodes import SMTPStatus\n").replace(
        "== 550", "== SMTPStatus.MAILBOX_UNAVAILABLE").encode("latin-1")
    assert (tmp_path / "bom.py").read_bytes() == b"\xef\xbb\xbf" + bom.replace(
        "import smtplib\n", "import smtplib\n\nfrom smtpcodes import SMTPStatus\n").replace(
        "== 354", "== SMTPStatus.START_MAIL_INPUT").encode()


def test_diff_shows_the_fix_and_writes_nothing(tmp_path: Path) -> None:
    source = "import smtplib\n" + CHECK
    (tmp_path / "m.py").write_text(source)
    done = run_lint("--diff", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == ["--- a/m.py", "+++ b/m.py"]
    assert "+    return code == SMTPStatus.OK" in done.stdout.splitlines()
    assert (tmp_path / "m.py").read_text() == source
    assert run_lint("--fix", cwd=tmp_path).returncode == 0
    assert run_lint("--diff", cwd=tmp_path).stdout == ""


# --- a project's own enum -----------------------------------------------------------------------

def test_fix_import_writes_the_projects_own_enum(tmp_path: Path) -> None:
    package = tmp_path / "src" / "myapp"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("from .codes import Reply as Codes\n")
    (package / "codes.py").write_text(
        "import enum\n\n\nclass Reply(enum.IntEnum):\n    ACCEPTED = 250\n    OKAY = 250\n")
    (tmp_path / "mailer.py").write_text(
        "import smtplib\n\nimport attr\n" + CHECK + "\n\ndef bad(code):\n    return code == 550\n")
    done = run_lint("--fix", "--fix-import", "myapp:Codes", cwd=tmp_path)
    assert done.returncode == 1 and "SMT100" in done.stdout  # 550 is no member: left
    assert (tmp_path / "mailer.py").read_text().startswith(
        "import smtplib\n\nimport attr\n\nfrom myapp import Codes\n\n\ndef ok(code):\n"
        "    return code == Codes.ACCEPTED\n")
    (package / "codes.py").write_text("import enum\n\n\nclass Reply(enum.Enum):\n    A = 250\n")
    refused = run_lint("--fix", "--fix-import", "myapp:Codes", cwd=tmp_path)
    assert refused.returncode == 2 and "IntEnum" in refused.stderr
    missing = run_lint("--fix", "--fix-import", "myapp.nowhere:Codes", cwd=tmp_path)
    assert missing.returncode == 2 and "no class Codes" in missing.stderr


def test_fix_import_reuses_a_librarys_enum_the_file_imports(tmp_path: Path) -> None:
    """aiosmtplib has its own SMTPStatus: a clash for smtpcodes', the target with the option."""
    library = tmp_path / "aiosmtplib"
    library.mkdir()
    (library / "__init__.py").write_text("from .typing import SMTPStatus\n")
    (library / "typing.py").write_text(
        "import enum\n\n\nclass SMTPStatus(enum.IntEnum):\n    invalid_response = -1\n"
        "    completed = 250\n    mailbox_unavailable = 550\n")
    shutil.copy(ROOT / "tests" / "flake8_fixtures" / "aiosmtplib_client.py", tmp_path)
    source = (tmp_path / "aiosmtplib_client.py").read_text()
    clash = run_lint("--fix", "aiosmtplib_client.py", cwd=tmp_path)
    assert "SMTPStatus already names something else" in clash.stderr
    done = run_lint("--fix", "--fix-import", "aiosmtplib:SMTPStatus", "aiosmtplib_client.py",
                    cwd=tmp_path)
    assert "fixed 4 findings" in done.stderr
    assert (tmp_path / "aiosmtplib_client.py").read_text() == source.replace(
        "error.code == 550", "error.code == SMTPStatus.mailbox_unavailable").replace(
        "code != 250", "code != SMTPStatus.completed").replace(
        "code == 250", "code == SMTPStatus.completed")


# --- behaviour: fixed programs print what they printed ------------------------------------------

def _outputs(folder: Path, pythons: list[str]) -> dict[tuple[str, str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = {}
    for python in pythons:
        for script in sorted(folder.glob("*.py")):
            done = subprocess.run([python, script.name], cwd=folder, env=env,
                                  capture_output=True, text=True, timeout=120, check=False)
            assert done.returncode == 0, (python, script, done.stderr)
            out[(python, script.name)] = done.stdout + done.stderr
    return out


def test_fixed_scripts_print_what_they_printed_on_every_python(tmp_path: Path) -> None:
    shutil.copytree(SCRIPTS, tmp_path, dirs_exist_ok=True)
    pythons = interpreters()
    before = _outputs(tmp_path, pythons)
    done = run_lint("--fix", cwd=tmp_path)
    assert "fixed" in done.stderr, done.stderr
    for script in tmp_path.glob("*.py"):
        assert "from smtpcodes import SMTPStatus" in script.read_text()
    assert _outputs(tmp_path, pythons) == before
    _assert_fixed_for_good(tmp_path)


def _assert_fixed_for_good(folder: Path) -> None:
    """Compiles, a second --fix changes nothing, no finding --fix could fix is left."""
    texts = {p: p.read_bytes() for p in folder.rglob("*.py")}
    for path, data in texts.items():
        compile(data, str(path), "exec")
    again = run_lint("--fix", cwd=folder)
    assert "smtpcodes lint: fixed" not in again.stderr
    assert {p: p.read_bytes() for p in texts} == texts
    left = json.loads(run_lint("--format", "json", cwd=folder).stdout)["findings"]
    assert [f for f in left if f["fix"]] == []


def test_every_flake8_fixture_is_fixed_for_good(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "flake8_fixtures", tmp_path, dirs_exist_ok=True)
    done = run_lint("--fix", cwd=tmp_path)
    assert "fixed" in done.stderr and "Traceback" not in done.stderr
    _assert_fixed_for_good(tmp_path)


def test_the_standard_smtp_client_passes_its_own_tests_after_fix(tmp_path: Path) -> None:
    """A real project: stdlib smtplib and test_smtplib, fixed, run against each other.

    From Python 3.12 the suite imports its own copy of smtpd relatively (``from . import
    smtpd``), so the tests live in a package of their own beside the fixed smtplib.
    """
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    suite = stdlib / "test" / "test_smtplib.py"
    if not suite.exists():
        pytest.skip("this Python ships without its test suite")
    shutil.copy(stdlib / "smtplib.py", tmp_path)
    package = tmp_path / "mailtests"
    package.mkdir()
    (package / "__init__.py").write_text("")
    shutil.copy(suite, package)
    if (stdlib / "test" / "smtpd.py").exists():
        shutil.copy(stdlib / "test" / "smtpd.py", package)
    done = run_lint("--fix", cwd=tmp_path)
    assert "fixed" in done.stderr
    assert "SMTPStatus.SERVICE_READY" in (tmp_path / "smtplib.py").read_text()
    assert "SMTPStatus.OK" in (package / "test_smtplib.py").read_text()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "src")])}
    tests = subprocess.run([sys.executable, "-m", "unittest", "mailtests.test_smtplib"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
                           check=False)
    assert tests.returncode == 0, tests.stderr[-3000:]
    assert "\nOK" in tests.stderr
    _assert_fixed_for_good(tmp_path)


# --- where a member and its int could be told apart ---------------------------------------------

LOOKS = {
    "type": ("", "print(type(code) is int, type(code).__name__)"),
    "class": ("", "print(code.__class__.__name__)"),
    "is": ("", "print(code is 250)"),
    "is_": ("import operator", "print(operator.is_(code, 250))"),
    "enum": ("import enum", "print(isinstance(code, enum.Enum))"),
    "hasattr": ("", 'print(hasattr(code, "name"), getattr(code, "phrase", "-"))'),
    "vars": ("", "print(vars(code) if hasattr(code, '__dict__') else {})"),
    "dispatch": ("import enum\nfrom functools import singledispatch\n\n\n@singledispatch\n"
                 "def kind(value):\n    return 'int'\n\n\n@kind.register\n"
                 "def _(value: enum.Enum):\n    return 'enum'",
                 "print(kind(code))"),
    "marshal": ("import marshal", "print(len(marshal.dumps(code)))"),
}


@pytest.mark.filterwarnings('ignore:"is" with:SyntaxWarning')
@pytest.mark.parametrize("look", sorted(LOOKS))
def test_arguments_stay_ints_in_a_file_that_looks_at_types(tmp_path: Path, look: str) -> None:
    """Each way of telling a member from its int: comparisons are rewritten, arguments are not,
    and the script prints what it printed on every Python at hand."""
    prelude, observe = LOOKS[look]
    (tmp_path / "reply.py").write_text(src('''\
        import smtplib
        {prelude}


        def send_reply(code, text):
            {observe}
            if code == 250:
                print("accepted", text)


        send_reply(250, "OK")
        print(smtplib.SMTPResponseException(550, b"No such user").args)
        ''').format(prelude=prelude, observe=observe))
    pythons = interpreters()
    before = _stdouts(tmp_path, pythons)
    done = run_lint("--fix", cwd=tmp_path)
    assert "not fixed: 2 arguments: line " in done.stderr
    assert "tells an SMTPStatus from an int" in done.stderr
    text = (tmp_path / "reply.py").read_text()
    assert "if code == SMTPStatus.OK:" in text
    assert 'send_reply(250, "OK")' in text and "SMTPResponseException(550, " in text
    assert _stdouts(tmp_path, pythons) == before
    _assert_fixed_for_good(tmp_path)


def _stdouts(folder: Path, pythons: list[str]) -> dict[str, str]:
    """What ``reply.py`` prints on each Python (stderr left out: a SyntaxWarning names the line,
    which the added import moves)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = {python: subprocess.run([python, "reply.py"], cwd=folder, env=env,
                                   capture_output=True, text=True, timeout=120, check=False)
            for python in pythons}
    assert all(done.returncode == 0 for done in runs.values()), runs
    return {python: done.stdout for python, done in runs.items()}


def test_arguments_are_rewritten_where_only_an_instance_or_an_exception_type_is_looked_at(
        ) -> None:
    source = src('''\
        import smtplib


        class Reply:
            def __repr__(self):
                return type(self).__name__


        try:
            raise smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"No such user")})
        except OSError as error:
            print(type(error).__name__)
        ''')
    text, notes = fixed(source)
    assert '{"a@example.com": (SMTPStatus.MAILBOX_UNAVAILABLE, b"No' in text and notes == ()


@pytest.mark.parametrize("prelude", ["import yaml", "from ruamel.yaml import YAML",
                                     "import toml", "from marshal import dumps"])
def test_serialisers_that_choose_by_exact_type_keep_arguments_as_ints(prelude: str) -> None:
    """``yaml.safe_dump`` refuses a member, ``yaml.dump`` tags it, ``toml`` quotes it."""
    source = f"import smtplib\n{prelude}\n\nraise smtplib.SMTPResponseException(550, b'No')\n"
    text, notes = fixed(source)
    assert text == source
    assert notes == (f"not fixed: 1 argument: line 2 tells an SMTPStatus from an int "
                     f"(import {prelude.split()[1]})",)


def test_nothing_is_rewritten_where_the_files_own_eq_looks_at_types(tmp_path: Path) -> None:
    """``Reply(250) == SMTPStatus.OK`` would be False: this ``__eq__`` wants an exact int."""
    source = src('''\
        import smtplib


        class Reply:
            def __init__(self, code):
                self.code = code

            def __eq__(self, other):
                return type(other) is int and other == self.code


        print(Reply(250) == 250, Reply(250) in [250, 251])
        ''')
    (tmp_path / "reply.py").write_text(source)
    before = _stdouts(tmp_path, [sys.executable])
    done = run_lint("--fix", cwd=tmp_path)
    assert "reply.py: not fixed: 3 findings: line 9 tells an SMTPStatus from an int (type())" \
        in done.stderr
    assert (tmp_path / "reply.py").read_text() == source
    assert _stdouts(tmp_path, [sys.executable]) == before
    unguarded = source.replace("type(other) is int", "isinstance(other, int)")
    assert "Reply(250) == SMTPStatus.OK, Reply(250) in [SMTPStatus.OK, " in fixed(unguarded)[0]


def test_identity_assertions_keep_their_ints() -> None:
    """``assertIs(code, SMTPStatus.OK)`` fails where ``assertIs(code, 250)`` passed."""
    source = src('''\
        import smtplib


        def check(test, client):
            code, _ = client.noop()
            test.assertIs(code, 250)
            test.assertEqual(code, 250)
        ''')
    text, notes = fixed(source)
    assert "test.assertIs(code, 250)" in text and "test.assertEqual(code, SMTPStatus.OK)" in text
    assert notes == ()


def test_a_parameters_default_is_an_argument() -> None:
    source = "import smtplib\n\n\ndef send(smtp, code=250, *, text='OK'):\n    pass\n"
    assert fixed(source)[0].endswith(
        "def send(smtp, code=SMTPStatus.OK, *, text='OK'):\n    pass\n")
    looks = source + "\n\nprint(type(send.__defaults__[0]))\n"
    assert fixed(looks) == (looks, ("not fixed: 1 argument: line 8 tells an SMTPStatus from "
                                    "an int (type())",))


@pytest.mark.parametrize(("look", "tells"), [
    ("assert type(err) is RuntimeError", False),
    ("assert type(err) in (RuntimeError, KeyError)", False),
    ("test.assertIs(type(err), errors.Rejected)", False),
    ("assert type(err) is int", True),
    ("assert type(err) == type(553)", True),
    ("assert type(err) in (RuntimeError, int)", True),
    ("print(type(err))", True),
    ("assert err.__class__ is RuntimeError", False),
    ("print(err.__class__.__name__)", True),
    ("assert type(err) is type(test)", True),
])
def test_type_tested_against_other_classes_cannot_tell(look: str, tells: bool) -> None:
    """``type(x) is RuntimeError`` is False for 553 and for its member alike."""
    source = (f"import smtplib\n\n\ndef check(test, err, errors):\n    {look}\n\n\n"
              "raise smtplib.SMTPSenderRefused(553, b'Bad address', 'a@example.com')\n")
    text, notes = fixed(source)
    assert ("SMTPSenderRefused(553, " in text) == tells
    assert bool(notes) == tells


def test_literals_an_f_string_echoes_as_source_text_stay() -> None:
    """``f"{code == 250=}"`` prints ``code == 250=True``: the text is part of the output."""
    source = src('''\
        import smtplib


        def check(code):
            print(f"{code == 250=}", f"{code in (250, 251) = }", f"ok={code == 354}")
        ''')
    text, _ = fixed(source)
    assert 'f"{code == 250=}", f"{code in (250, 251) = }", f"ok={code == SMTPStatus.START' in text


def test_an_objects_own_class_and_dict_never_see_a_code() -> None:
    """``self.__class__``, ``self.__dict__``, ``type(other) is type(self)``: common in classes,
    False or irrelevant for a code and its member alike."""
    source = src('''\
        import smtplib


        class Reply:
            def __init__(self, **fields):
                self.__dict__.update(fields)

            def __repr__(self):
                return f"{self.__class__.__name__}({vars(self)})"

            def __eq__(self, other):
                return type(other) is type(self) and other.code == self.code


        print(Reply(code=250) == Reply(code=250), Reply(code=250).code == 250)
        ''')
    text, notes = fixed(source)
    assert "Reply(code=SMTPStatus.OK) == Reply(code=SMTPStatus.OK)" in text, notes
    assert "Reply(code=SMTPStatus.OK).code == SMTPStatus.OK" in text
