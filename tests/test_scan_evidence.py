"""Each kind of evidence of ``smtpcodes.scan``, on its own, through the facade ``check``.

Snippets import no SMTP library unless the test is about one: the evidence must come from the
code itself. Every positive case has a near twin that must stay silent.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from smtpcodes.scan import SMTP_CALLABLES, Report, Settings, check
from smtpcodes.scan.apis import parse_callables
from smtpcodes.scan.messages import one_line


def run(source: str, settings: Settings | None = None) -> list[Report]:
    source = textwrap.dedent(source)
    return check(ast.parse(source), source.splitlines(True), settings or Settings())


def found(source: str, settings: Settings | None = None) -> list[tuple[int, str, str]]:
    """(line, code, literal) of every finding."""
    return [(r.line, r.code, r.literal) for r in run(source, settings)]


# --- pairs: a reply code beside an enhanced code ------------------------------------------------

def test_code_and_enhanced_code_side_by_side_in_any_scope() -> None:
    source = """\
        import requests

        def view(request):
            requests.post("https://x.invalid", json={})
            milter.setreply("550", "5.7.1", "Rejected as spam")
            return (451, "4.3.0 Try again later")
        """
    assert found(source) == [(5, "SMT101", "550"), (5, "SMT102", "5.7.1"),
                             (6, "SMT100", "451"), (6, "SMT102", "4.3.0")]


def test_pair_whose_classes_disagree_is_smt200() -> None:
    assert found('def f():\n    raise Failure(550, "4.2.2 Mailbox full")\n') == [
        (2, "SMT100", "550"), (2, "SMT200", "550 4.2.2")]


def test_pair_picks_the_number_of_the_same_class() -> None:
    source = 'def f(r):\n    return {"limit_mb": 250, "code": 552, "enhanced": "5.2.2"}\n'
    assert found(source) == [(2, "SMT100", "552"), (2, "SMT102", "5.2.2")]


def test_enhanced_code_alone_in_a_call_is_not_a_pair() -> None:
    assert found('def f():\n    return make(250, "2.0.0")\n') == [
        (2, "SMT100", "250"), (2, "SMT102", "2.0.0")]
    assert found('def f():\n    return make(1, "2.0.0")\n') == []


# --- callables that speak of replies -----------------------------------------------------------

def test_reply_callable_with_text_in_a_neutral_scope() -> None:
    assert found('def f(text):\n    return Reply("550", text)\n') == [(2, "SMT101", "550")]
    assert found('def f():\n    return Reply("550")\n') == []  # no text: nothing says reply


def test_reply_callable_stays_silent_in_http_code() -> None:
    source = """\
        from flask import jsonify

        def view(request):
            return reply(404, jsonify({"error": "no"}))
        """
    assert found(source) == []


def test_known_api_row_and_project_callables() -> None:
    assert SMTP_CALLABLES["sendCode"].code == 0
    source = "def f(conn):\n    conn.reject_with('x', 551, 'User not local')\n"
    assert found(source) == []
    own = Settings.from_options(callables=["reject_with:1:2"])
    assert found(source, own) == [(2, "SMT100", "551")]
    assert own.callables["reject_with"].text == 2


@pytest.mark.parametrize("spec", ["a b", "f:x", "f:1:2:3", "f:-1"])
def test_bad_callable_specs_are_refused_by_name(spec: str) -> None:
    with pytest.raises(ValueError, match="--smtp-callables"):
        Settings.from_options(callables=[spec])


def test_callable_spec_defaults() -> None:
    table = parse_callables(["mta.reject", "send_status:1"])
    assert (table["reject"].code, table["reject"].text) == (0, 1)
    assert (table["send_status"].code, table["send_status"].text) == (1, 2)


# --- protocol lines ------------------------------------------------------------------------------

def test_each_piece_of_an_implicit_concatenation_is_a_line() -> None:
    source = ('def f(sock):\n    sock.sendall(b"250-AUTH LOGIN\\r\\n"\n'
              '                 b"250 STARTTLS\\r\\n")\n')
    reports = run(source)
    assert [(r.line, r.col, r.code) for r in reports] == [(2, 17, "SMT101"), (3, 17, "SMT101")]


def test_pieces_on_one_line_are_two_findings() -> None:
    source = 'def f(sock):\n    sock.sendall(b"250-SIZE 1000\\r\\n" b"250 HELP\\r\\n")\n'
    assert [(r.line, r.col) for r in run(source)] == [(2, 17), (2, 38)]


@pytest.mark.parametrize("expr", [
    'b"334 " + challenge', 'f"530 MAIL FROM {address} denied"', "'221 %s' % text",
    '"250-" + hostname + "\\r\\n"',
])
def test_lines_built_from_pieces(expr: str) -> None:
    assert [code for _, code, _ in found(f"def f(sock):\n    sock.send({expr})\n")] == ["SMT101"]


def test_ftp_and_nntp_lines_count_for_their_protocol() -> None:
    source = """\
        class FakeNews:
            def greet(self):
                self.write(b"200 news ready\\r\\n")
                self.write(b"240 Article received\\r\\n")
                self.write(b"211 12 1 12 group\\r\\n")
        """
    assert found("import aiosmtpd\n\n" + textwrap.dedent(source)) == []


# --- enhanced codes ------------------------------------------------------------------------------

def test_enhanced_code_kept_in_a_status_name() -> None:
    source = """\
        def f(r, permanent):
            r.enhanced_status_code = "2.3.4"
            status = "5.0.0" if permanent else "4.0.0"
            version = "2.0.0"
            return r.version == "5.1.1"
        """
    assert found(source) == [(2, "SMT102", "2.3.4"), (3, "SMT102", "5.0.0"),
                             (3, "SMT102", "4.0.0")]


def test_versions_with_two_digit_subjects_are_versions() -> None:
    assert found('def f(res):\n    assert str(res) == "2.17.50"\n') == []


# --- comparisons and bounds ----------------------------------------------------------------------

def test_each_bound_of_a_range_check_is_marked() -> None:
    source = "import smtplib\n\ndef f(code):\n    return 200 <= code <= 299 or code >= 500\n"
    reports = run(source)
    assert [(r.literal, r.code, r.bound) for r in reports] == [
        ("200", "SMT100", True), ("299", "SMT100", True), ("500", "SMT100", True)]
    assert "class 2xx" in reports[1].message


def test_equality_is_not_a_bound() -> None:
    (report,) = run("import smtplib\n\ndef f(code):\n    return code == 550\n")
    assert report.bound is False


def test_name_bound_to_an_smtp_value_carries_it_into_http_code() -> None:
    source = """\
        from wsgiref.headers import Headers

        def http_response(smtp_reply, environ, start_response):
            code = smtp_reply.code
            if code == "535":
                start_response("401 Unauthorized", [])
        """
    assert found(source) == [(5, "SMT101", "535")]


def test_unknown_codes_in_smtp_assertions() -> None:
    source = "import smtplib\n\ndef test(excinfo):\n    assert excinfo.value.args == (499, b'x')\n"
    assert found(source) == [(4, "SMT201", "499")]


# --- HTTP inside mail projects -------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "return body, 400",
    "return jsonify(error='x'), 404, {}",
    "abort(404)",
    "return respond(text, status=403)",
    "return {'code': 404, 'error': 'not found'}",
    "return {'code': 500, 'error': 'internal'}",
    "code = resp.status_code\n    if code >= 500: return 1",
    "if code == 409: return 1",
])
def test_http_shapes_stay_silent_in_smtp_code(body: str) -> None:
    source = f"import smtplib\n\ndef handler(code, body, resp, text):\n    {body}\n"
    assert found(source) == []


def test_name_bound_from_an_http_function_of_the_module() -> None:
    source = """\
        import smtplib
        import urllib.request

        def post(url, payload):
            with urllib.request.urlopen(urllib.request.Request(url, data=payload)) as r:
                return r.status

        def handle_DATA(server, session, envelope):
            status = post("https://hook.invalid", envelope.content)
            if status >= 500:
                return "451 4.3.0 Webhook failed"
            return "250 OK"
        """
    assert [line for line, _, _ in found(source)] == [11, 12]


# --- messages ------------------------------------------------------------------------------------

def test_messages_are_one_line() -> None:
    assert one_line("a\nb\r\x00c\u2028d\x85e") == "a b c d e"


def test_report_keeps_its_fields() -> None:
    (report,) = run('def f():\n    return "550 5.1.1 User unknown"\n')
    assert report._fields == ("line", "col", "code", "message", "literal", "bound")
    assert report.literal == "550 5.1.1" and report.message.startswith("SMT101 ")
    assert "SMTPStatus." in report.message
