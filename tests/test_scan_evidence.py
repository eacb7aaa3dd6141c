"""Each kind of evidence of ``smtpcodes.scan``, on its own, through the facade ``check``.

Snippets import no SMTP library unless the test is about one: the evidence must come from the
code itself. Every positive case has a near twin that must stay silent.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from smtpcodes.printable import one_line
from smtpcodes.scan import SMTP_CALLABLES, Report, Settings, check
from smtpcodes.scan.apis import parse_callables


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


def test_reply_string_beside_an_enhanced_code_in_http_code() -> None:
    source = """\
        import requests

        def test_event(client):
            event = {"status": "5.0.0", "reason": "500 No Such User", "code": 404}
            assert client.post("/hook", json=event).status_code == 200
        """
    assert found(source) == [(4, "SMT102", "5.0.0"), (4, "SMT101", "500")]


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


# --- shapes the blind fixtures taught -------------------------------------------------------------

def test_transient_or_permanent_choice_is_a_reply_code() -> None:
    source = """\
        def on_rcpt(self, err):
            self.send_code(450 if err.soft else 550, err.message)
            return render(400 if err.soft else 500, err.message)
        """
    assert found(source) == [(2, "SMT100", "450"), (2, "SMT100", "550")]


def test_code_choice_passed_with_a_text_in_smtp_code() -> None:
    source = """\
        import smtplib

        def refuse(conn, soft):
            conn.answer(421 if soft else 554, "Service not available")
            return page(404 if soft else 400, "not here")
        """
    assert [(line, literal) for line, _, literal in found(source)] == [(4, "421"), (4, "554")]


def test_table_walked_by_a_loop_with_named_columns() -> None:
    source = """\
        import smtplib

        def test_retry():
            cases = [(421, True), (550, False)]
            limits = [(250, 10)]
            for code, retry in cases:
                assert should_retry(code) == retry
            for size, count in limits:
                assert size > count
        """
    assert found(source) == [(4, "SMT100", "421"), (4, "SMT100", "550")]


def test_parameter_compared_with_a_reply_makes_its_arguments_codes() -> None:
    source = """\
        def expect(sock, wanted, step):
            if sock.recv(1024)[:3] != wanted:
                raise SystemExit(step)

        def check(resp, value):
            assert resp.status_code == value

        def main(sock, resp):
            sock.send(b"EHLO lab\\r\\n")
            expect(sock, "250", "EHLO")
            check(resp, "250")
        """
    assert found(source) == [(10, "SMT101", "250")]


def test_reply_pair_unpacked_from_an_smtplib_method() -> None:
    source = """\
        import smtplib

        def probe(host, address, api, token):
            server = smtplib.SMTP(host, 25)
            status_code, text = server.verify(address)
            if status_code == 550:
                return False
            status_code, body = api.fetch(token)
            return status_code == 500
        """
    assert found(source) == [(6, "SMT100", "550")]


def test_http_status_name_with_a_number_only_smtp_has() -> None:
    source = """\
        def sent(response):
            return response.status_code == 250

        def fetched(response):
            return response.status_code in (200, 404) or response.status_code == 201
        """
    assert found(source) == [(2, "SMT100", "250")]
    # in a module that speaks HTTP all through, the reply is left alone (a known limit)
    assert found("import requests\n\n" + textwrap.dedent(source)) == []


def test_first_three_characters_of_what_was_read() -> None:
    source = """\
        def greet(sock):
            sock.sendall(b"EHLO probe\\r\\n")
            if sock.recv(512)[:3] != b"250":
                return False
            return sock.recv(250)
        """
    assert found(source) == [(3, "SMT101", "250")]


def test_branch_for_another_protocol_is_not_smtp() -> None:
    source = """\
        def probe(raw, proto):
            if proto == "ftp":
                return raw.startswith(b"220")
            if proto == "smtp":
                return raw.startswith(b"220")
            return False

        def helo(sock):
            sock.sendall(b"EHLO x\\r\\n")
        """
    assert found(source) == [(5, "SMT101", "220")]


def test_dsn_prefix_glued_with_plus_is_a_reply_being_built() -> None:
    source = 'def f(x):\n    return build(diagnostic="smtp; 554 " + x)\n'
    assert found(source) == [(2, "SMT101", "554")]


def test_reply_line_beside_its_own_code() -> None:
    source = """\
        import smtplib

        ROWS = None

        def test_lines():
            check([("250 last", 250), ("354 go on", 354), ("250 last", 354)])
        """
    assert [(line, code) for line, code, _ in found(source)] == [
        (6, "SMT101"), (6, "SMT101")]


def test_enhanced_code_passed_to_a_status_parameter() -> None:
    source = """\
        import smtplib

        def score_for(status):
            return 1.0 if status.startswith("5.") else 0.5

        def set_version(version):
            return version

        def test_scores(bounce):
            assert score_for("5.1.1") == 1.0
            assert set_version("5.1.1")
        """
    assert found(source) == [(10, "SMT102", "5.1.1")]


def test_orm_ordering_lookups_are_bounds() -> None:
    source = """\
        def summary(attempts):
            return attempts.filter(smtp_code__gte=400, smtp_code__lt=500, smtp_code=550)
        """
    assert [(r.literal, r.bound) for r in run(source)] == [
        ("400", True), ("500", True), ("550", False)]


def test_names_bound_by_a_tuple_assignment() -> None:
    source = """\
        import requests

        def refused(error, resp):
            code, text = error.smtp_code, error.smtp_error
            status, body = resp.status_code, resp.text
            return code == 550 or status == 404
        """
    assert found(source) == [(6, "SMT100", "550")]


# --- messages ------------------------------------------------------------------------------------

def test_messages_are_one_line() -> None:
    text = one_line("a\nb\r\x00c\u2028d\x85e")
    assert text.splitlines() == [text] and text == "a\\x0ab\\x0d\\x00c\\u2028d\\x85e"


def test_report_keeps_its_fields() -> None:
    (report,) = run('def f():\n    return "550 5.1.1 User unknown"\n')
    assert report._fields == ("line", "col", "code", "message", "literal", "bound")
    assert report.literal == "550 5.1.1" and report.message.startswith("SMT101 ")
    assert "SMTPStatus." in report.message


def test_settings_pickle_for_worker_processes() -> None:
    import pickle

    settings = Settings.from_options(callables=["reject_with:1:2"], allow=["250"])
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_every_signal_is_written_down() -> None:
    """docs/flake8.md lists every word, name, module and callable the rules read."""
    from pathlib import Path

    from smtpcodes.scan import apis, scope, vocabulary

    page = (Path(__file__).parent.parent / "docs" / "flake8.md").read_text(encoding="utf-8")
    tables = [scope.SMTP_MODULES, scope.OTHER_MODULES, vocabulary.SMTP_WORDS,
              vocabulary.SMTP_IDENTS, vocabulary.MAIL_WORDS, vocabulary.OTHER_WORDS,
              vocabulary.OTHER_IDENTS, vocabulary.STRONG_WORDS, vocabulary.AMBIG_WORDS,
              vocabulary.NEG_WORDS, vocabulary.NEG_NAMES, apis.SMTP_CALLABLES,
              apis.SMTP_NONCODE_CALLEES, apis.REPLY_SENDERS, apis.HTTP_CALLEES,
              apis.LOG_CALLEES]
    missing = {name for table in tables for name in table if f"`{name}`" not in page}
    assert not missing


# --- real public code, measured outside the repository (bench/flake8_precision.py --expect) -----

def test_bytes_reply_with_a_lower_case_text_is_a_line_on_the_wire() -> None:
    source = """\
        import smtplib

        def test_starttls(fake_server, log):
            fake_server.responses.append(b"220 ready for TLS")
            log.append("250 messages were sent today")
        """
    assert found(source) == [(4, "SMT101", "220")]


def test_branch_for_smtp_speaks_smtp_and_branch_for_ftp_does_not() -> None:
    source = """\
        def client_dialog(name, stream):
            if name == "smtp/starttls":
                assert read_line(stream).startswith(b"220 ")
                assert read_line(stream) == b"250 STARTTLS\\r\\n"
            elif name == "ftp/starttls":
                assert read_line(stream).startswith(b"220 ")
            elif name == "imap/starttls":
                assert read_line(stream).startswith(b"* OK ")
        """
    assert found(source) == [(3, "SMT101", "220"), (4, "SMT101", "250")]


def test_a_branch_for_no_protocol_is_no_evidence() -> None:
    source = """\
        def client_dialog(name, stream):
            if name == "starttls":
                assert read_line(stream).startswith(b"220 ")
        """
    assert found(source) == []


def test_record_naming_its_smtp_code_holds_smtp_replies_under_other_keys() -> None:
    source = """\
        def test_transient_reply_backs_off():
            result = normalize({"smtp_code": 421, "response": "421 temporary deferral"})
            other = normalize({"code": 421, "response": "421 temporary deferral"})
        """
    assert found(source) == [(2, "SMT100", "421"), (2, "SMT101", "421")]


def test_test_case_shares_the_protocol_of_its_base_class_in_the_module() -> None:
    source = """\
        import smtplib
        from http.server import HTTPServer

        class _ServerCase:
            def setUp(self):
                self.server = HTTPServer(("127.0.0.1", 0), Handler)

            @property
            def base_url(self):
                return f"http://127.0.0.1:{self.port}"

        class ReadyzDownTests(_ServerCase):
            def test_down(self):
                self.assertEqual(record["readyz"]["status"], 503)

        class ReadyzSmtpTests:
            def test_down(self):
                self.assertEqual(record["readyz"]["status"], 503)

        class MailErrorTests:
            def test_refused(self):
                self.assertEqual(detail.smtp_code, 550)
                self.assertEqual(detail.smtp_code, 421)
        """
    assert found(source) == [(18, "SMT100", "503"), (22, "SMT100", "550"),
                             (23, "SMT100", "421")]


def test_upper_bound_600_closes_class_5xx() -> None:
    source = """\
        import smtplib

        def interpret(code):
            if 500 <= code < 600:
                return "failed"
            return sizes[:600]
        """
    reports = run(source)
    assert [(r.line, r.code, r.literal) for r in reports] == [
        (4, "SMT100", "500"), (4, "SMT100", "600")]
    assert "class 5xx" in reports[1].message


def test_enhanced_code_tested_against_a_status_by_startswith() -> None:
    source = """\
        def plain_reason(status, version):
            if status.startswith(("5.1.1", "5.1.10")):
                return "Email address not found"
            if version.startswith("5.1.1"):
                return "old release"
        """
    assert found(source) == [(2, "SMT102", "5.1.1"), (2, "SMT102", "5.1.10")]


def test_a_set_of_replies_only_smtp_defines_is_a_set_of_codes_in_smtp_code() -> None:
    source = """\
        import smtplib

        def enumerate_users(results):
            found = [r for r in results if r[1] in (250, 252)]
            mixed = [r for r in results if r[1] in (250, 500)]
            return found, [width for width in widths if width in (250, 354)]
        """
    assert found(source) == [(4, "SMT100", "250"), (4, "SMT100", "252")]
