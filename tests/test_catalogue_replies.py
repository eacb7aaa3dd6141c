"""Replies as people paste them: one reading for lookup, shortcodes and the CLI."""

from __future__ import annotations

import pytest

import smtpcodes
from smtpcodes import MalformedCodeError, UnknownCodeError
from smtpcodes.replies import find
from smtpcodes.shortcode import Shortcode, parse, parse_codes
from timing import best_cpu, time_limit

POSTFIX = (
    "Dec  2 10:00:00 mx postfix/smtp[1234]: 4B1F2C0123: to=<u@example.com>, "
    "relay=mx.example.com[192.0.2.1]:25, delay=0.52, delays=0.1/0.01/0.2/0.21, dsn=5.1.1, "
    "status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 <u@example.com>: "
    "Recipient address rejected: User unknown (in reply to RCPT TO command))")
POSTFIX_NOQUEUE = (
    "Dec  2 10:00:01 mx postfix/smtpd[99]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: "
    "554 5.7.1 <u@example.com>: Relay access denied; from=<a@example.org> "
    "to=<u@example.com> proto=ESMTP helo=<client>")
EXIM = (
    "2024-12-02 10:00:00 1tHxyz-000ABC-12 ** u@example.com R=dnslookup T=remote_smtp "
    "H=mx.example.com [192.0.2.1] X=TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256 "
    "CV=yes: SMTP error from remote mail server after RCPT TO:<u@example.com>: "
    "550 5.1.1 <u@example.com>: Recipient address rejected: User unknown")
EXIM_DEFER = (
    "2024-12-02 10:05:00 1tHxyz-000ABC-13 == v@example.com R=dnslookup T=remote_smtp "
    "defer (-44) H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after "
    "RCPT TO:<v@example.com>: 451 4.7.1 Greylisted, please try again later")
MULTILINE = (
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
    "550-5.1.1 double-checking the recipient's email address for typos or\n"
    "550-5.1.1 unnecessary spaces. Learn more at\n"
    "550 5.1.1  https://support.example.com/?p=NoSuchUser - gsmtp")
REPLY = Shortcode("reply", ("550", "5.1.1"))


@pytest.mark.parametrize("text, expected", [
    ("553", Shortcode("single", ("553",))),
    ("5.01.1", Shortcode("single", ("5.1.1",))),
    ("550-5.1.1", REPLY),
    ("550 5.1.1 User unknown", REPLY),
    ("550 5.1.1 <u@example.com>: Recipient address rejected", REPLY),
    ("smtp;550 5.1.1 <u@example.com>: Recipient address rejected", REPLY),
    ("smtp; 550 5.1.1 User unknown", REPLY),
    ("Diagnostic-Code: smtp; 550 5.1.1 <u@example.com>: Recipient address rejected", REPLY),
    ("dsn=5.1.1", Shortcode("single", ("5.1.1",))),
    ("5.1.1 550", REPLY),
    ("550-Mailbox unavailable\n550 Mailbox unavailable", Shortcode("single", ("550",))),
    (MULTILINE, REPLY),
    (POSTFIX, REPLY),
    (POSTFIX_NOQUEUE, Shortcode("reply", ("554", "5.7.1"))),
    (EXIM, REPLY),
    (EXIM_DEFER, Shortcode("reply", ("451", "4.7.1"))),
    ("X.1.1", Shortcode("classes", ("2.1.1", "4.1.1", "5.1.1"))),
    ("235 vs 553", Shortcode("compare", ("235", "553"))),
])
def test_pasted_text_is_read_the_same_by_every_entry_point(text: str,
                                                           expected: Shortcode) -> None:
    assert parse_codes(text) == expected
    if expected.kind != "classes":
        assert parse(text) == expected  # the Markdown / Sphinx shortcode body
    if expected.kind != "compare":
        # lookup answers with the most specific code: the enhanced code of a reply
        assert smtpcodes.lookup(text).code in expected.codes


def test_x_names_subject_and_detail_in_every_class() -> None:
    assert Shortcode("classes", ("2.1.1", "4.1.1", "5.1.1")).label == "X.1.1"
    # lookup picks the most severe class the registry uses the code in
    assert smtpcodes.lookup("X.1.1").code == "5.1.1"
    assert smtpcodes.lookup("x.1.5").code == "2.1.5"  # "destination address valid": success
    with pytest.raises(UnknownCodeError, match="'X.1.99'"):
        parse_codes("X.1.99")
    assert parse("X.1.1") == Shortcode("classes", ("2.1.1", "4.1.1", "5.1.1"))


def test_x_box_explains_the_classes_the_registry_uses() -> None:
    """``<smtp:X.1.1>``: one box, a paragraph per class in use (2.1.1 is no standard's)."""
    import markdown

    from htmltree import find_class
    from htmltree import parse as parse_html

    root = parse_html(markdown.markdown("<smtp:X.1.1>", extensions=["smtpcodes"]))
    (box,) = find_class(root, "smtp-box")
    assert box.findtext("p").startswith("SMTP X.1.1 · Bad destination mailbox address")
    description = box.find(".//dd[@class='smtp-description']")
    assert [p.text.split(":")[0] for p in description.iter("p")] == ["4.1.1", "5.1.1"]


@pytest.mark.parametrize("text, needle", [
    ("550 5.1", "'5.1'"),
    ("550 5.1.1 4.2.0", "three codes"),
    ("553 550", "one basic and one enhanced"),
    ("hello world", "no SMTP code found in 'hello world'"),
    ("abc", "'abc'"),
    ("", "no code given"),
    ("Content-Length: 250", "no SMTP code found"),
    (POSTFIX + "\n" + EXIM_DEFER, "2 different replies"),
])
def test_errors_name_the_problem_and_never_talk_about_comparisons(text: str,
                                                                  needle: str) -> None:
    with pytest.raises(MalformedCodeError) as info:
        parse_codes(text)
    assert needle in str(info.value)
    assert "comparison" not in str(info.value) and " vs " not in str(info.value)


def test_a_comparison_error_does_talk_about_comparisons() -> None:
    with pytest.raises(MalformedCodeError, match="comparison takes exactly two codes"):
        parse_codes("235 vs 553 vs 250")


BOUNCE = f"""\
Reporting-MTA: dns; mail.example.org
X-Postfix-Queue-ID: 4B1F2C0123
Arrival-Date: Mon,  2 Dec 2024 10:00:00 +0000
Content-Length: 250
MIME-Version: 1.0

Final-Recipient: rfc822; u@example.com
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.com
Diagnostic-Code: smtp; 550 5.1.1 <u@example.com>: Recipient address rejected: User unknown

<u@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <u@example.com>:
    Recipient address rejected: User unknown (in reply to RCPT TO command)
{POSTFIX_NOQUEUE}
{EXIM_DEFER}
{MULTILINE}
"""


def test_find_lists_each_reply_of_a_bounce_or_log_once() -> None:
    found = find(BOUNCE)
    assert [(f.line, f.shortcode) for f in found] == [
        (11, REPLY),
        (15, Shortcode("reply", ("554", "5.7.1"))),
        (16, Shortcode("reply", ("451", "4.7.1"))),
    ]
    # the lone "Status: 5.1.1" is carried by the reply; sizes, dates, addresses are no codes
    assert found[0].text.startswith("550 5.1.1 <u@example.com>: Recipient address rejected")


def test_find_keeps_a_lone_enhanced_status_and_a_lone_basic_reply() -> None:
    found = find("Status: 4.4.7\nDiagnostic-Code: X-Postfix; delivery temporarily suspended\n"
                 "host mx.example.com[192.0.2.1] said: 421 Service not available")
    assert [f.shortcode for f in found] == [Shortcode("single", ("4.4.7",)),
                                            Shortcode("single", ("421",))]


@pytest.mark.parametrize("unit", [
    "smtp;550 ", "550-", "dsn=5.1.1 ", " " * 10, "\t\n", "said: 550 5.", "smtp;5.1.1 550-5.1.1 ",
])
def test_reading_costs_linear_time_in_the_text(unit: str) -> None:
    """Four times the text must take about four times as long, not sixteen."""
    small = unit * (200_000 // len(unit))
    large = small * 4
    with time_limit(20):
        for text in (small, large):
            try:
                parse_codes(text)
            except MalformedCodeError:
                pass
        base, big = best_cpu(lambda: find(small), lambda: find(large))
    assert big / base < 8, (unit, base, big)


# --- what people paste: bounces, exceptions and client logs ------------------------------------

GMAIL_BOUNCE = """\
  x@example.com
    host gmail-smtp-in.l.google.com [142.250.1.27]
    SMTP error from remote mail server after end of data:
    550-5.7.26 This mail has been blocked because the sender is unauthenticated.
    550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.
    550 5.7.26  https://support.google.com/mail/answer/81126#authentication - gsmtp"""


@pytest.mark.parametrize("text, expected", [
    # Exchange and Microsoft 365 non-delivery reports quote the reply
    ("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", REPLY),
    ("<mail.example.org #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found>", REPLY),
    # Python's smtplib: the reply text is a bytes literal after the code
    ("(550, b'5.1.1 <x@example.com>: Recipient address rejected: User unknown')", REPLY),
    ("smtplib.SMTPRecipientsRefused: {'x@example.com': (550, b'5.1.1 <x@example.com>: "
     "Recipient address rejected: User unknown in local recipient table')}", REPLY),
    ("SMTPRecipientsRefused({'x@example.com': (451, b'4.7.1 Greylisted, come back later')})",
     Shortcode("reply", ("451", "4.7.1"))),
    ("smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. "
     "For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials')",
     Shortcode("reply", ("535", "5.7.8"))),
    ("smtplib.SMTPSenderRefused: (553, b'5.7.1 <a@example.com>: Sender address rejected: "
     "not owned by user b@example.com', 'a@example.com')", Shortcode("reply", ("553", "5.7.1"))),
    # Java, Node, PHP, Ruby, .NET
    ("javax.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n\t"
     "com.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <x@example.com>: Recipient "
     "address rejected: User unknown in virtual alias table", REPLY),
    ("Error: Invalid login: 535-5.7.8 Username and Password not accepted. Learn more at\n"
     "535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp",
     Shortcode("reply", ("535", "5.7.8"))),
    ("Error: Message failed: 550 5.7.1 Relaying denied\n  code: 'EENVELOPE',\n"
     "  response: '550 5.7.1 Relaying denied',\n  responseCode: 550,\n  command: 'RCPT TO'",
     Shortcode("reply", ("550", "5.7.1"))),
    ("2024-12-02 10:00:00 SMTP ERROR: RCPT TO command failed: 550 5.7.1 Unable to relay",
     Shortcode("reply", ("550", "5.7.1"))),
    ('Expected response code "354" but got code "554", with message "554 5.7.1 Service '
     'unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org".',
     Shortcode("reply", ("554", "5.7.1"))),
    ("Net::SMTPAuthenticationError (535-5.7.8 Username and Password not accepted.",
     Shortcode("reply", ("535", "5.7.8"))),
    ("System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: "
     "5.7.1 Client does not have permissions to send as this sender",
     Shortcode("single", ("5.7.1",))),
    # a bounce quoted in a forwarded message, a one-word label, Gmail's multi-line reply
    ("> 550 5.1.1 <x@example.com>: Recipient address rejected: User unknown", REPLY),
    ("> > 550 5.1.1 User unknown", REPLY),
    # session transcripts: Sendmail's bounce and Exim's -v output mark the server's lines
    (">>> RCPT To:<x@example.com>\n<<< 550 5.1.1 <x@example.com>... User unknown", REPLY),
    ("  SMTP>> RCPT TO:<x@example.com>\n  SMTP<< 550 5.1.1 User unknown", REPLY),
    ("Error: 550 5.1.1 User unknown", REPLY),
    ("Deferred: 421 4.3.2 Connection rate limit exceeded.", Shortcode("reply", ("421", "4.3.2"))),
    ("MessagingException: 550 5.1.1 User unknown", REPLY),
    (GMAIL_BOUNCE, Shortcode("reply", ("550", "5.7.26"))),
    ("Diagnostic-Code: X-Postfix; host mail.example.com[private/dovecot-lmtp] said: 552 5.2.2 "
     "<x@example.com> Quota exceeded (in reply to end of DATA command)",
     Shortcode("reply", ("552", "5.2.2"))),
    # a provider's event log: JSON written without spaces
    ('{"event":"bounce","reason":"550 5.1.1 The email account that you tried to reach does '
     'not exist.","status":"5.1.1"}', REPLY),
    ('{"smtp_response":"451 4.7.1 Greylisted, try again later"}',
     Shortcode("reply", ("451", "4.7.1"))),
])
def test_replies_are_found_in_what_people_paste(text: str, expected: Shortcode) -> None:
    assert [item.shortcode for item in find(text)] == [expected]
    assert parse_codes(text) == expected
    assert smtpcodes.lookup(text).code == expected.codes[-1]


@pytest.mark.parametrize("text", [
    "SMTP Error: The following recipients failed: x@example.com: Recipient address rejected",
    "Arrival-Date: Mon,  2 Dec 2024 10:00:00 +0000 (250 bytes) [550] \"421\" 'version 4.5.1'",
    'Expected response code "250/251/252" but got nothing',
    '{"size":250,"code":"421","version":"4.5.1"}',
])
def test_numbers_in_brackets_or_quotes_alone_are_no_replies(text: str) -> None:
    assert find(text) == []


def test_a_found_reply_is_shown_from_its_code_on() -> None:
    found = find("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n"
                 "<mail.example.org #5.7.1 smtp;554 5.7.1 Relay access denied>")
    assert [f.text for f in found] == [
        "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
        "554 5.7.1 Relay access denied>"]


def test_a_servers_own_enhanced_code_is_explained_through_its_reply_code() -> None:
    """Microsoft 365's 5.7.139 is in no registry: the reply still means 535, and says so."""
    text = "javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful"
    assert parse_codes(text) == Shortcode("reply", ("535", "5.7.139"))
    assert smtpcodes.lookup(text).code == "535"
    with pytest.raises(UnknownCodeError, match="Details past X.7.30 are servers' own"):
        smtpcodes.lookup("5.7.139")  # asked for by itself it is still unknown
    with pytest.raises(UnknownCodeError):
        smtpcodes.lookup("535 5.9.1")  # an unregistered subject is no server's detail
    # .NET prints the enhanced code alone: its subject's undefined detail explains it
    dotnet = ("System.Net.Mail.SmtpException: The server response was: 5.7.57 SMTP; Client was "
              "not authenticated to send anonymous mail during MAIL FROM")
    assert smtpcodes.lookup(dotnet).code == "5.7.0"


RAW_BOUNCE = """\
Received: from mail.example.org (mail.example.org [192.0.2.10])
\tby mx.example.net (Postfix) with ESMTPS id 4B1F2C0123; Mon,  2 Dec 2024 10:00:05 +0000
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="4B1F2C0123.1733133605/mail.example.org"
X-Spam-Score: 250
X-Priority: 3 (Normal)

<u@example.com>: host mx.example.com[192.0.2.1] said: 550-5.1.1 The email
    account that you tried to reach does not exist. Please try 550-5.1.1
    double-checking the recipient's email address for typos or 550-5.1.1

Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does
    not exist. Please try 550-5.1.1 double-checking the recipient's email

Subject: Meeting at 4 pm; 250 people expected, agenda 4.30.1 (250 MB)
"""


def test_a_raw_bounce_holds_one_reply_whatever_its_headers_say() -> None:
    """Sizes, priorities and a returned Subject with numbers after ';' or in brackets are no
    replies; the Gmail reply, quoted three times, is found once."""
    assert [(f.line, f.shortcode) for f in find(RAW_BOUNCE)] == [(8, REPLY)]
