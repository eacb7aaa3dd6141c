"""A server-side reply helper and its unittest suite, run in-process: prints the results."""

import io
import smtplib
import unittest


def reply_for(command: str) -> tuple[int, str]:
    if command == "NOOP":
        return 250, "OK"
    if command == "DATA":
        return 354, "End data with <CR><LF>.<CR><LF>"
    return 502, "Command not implemented"


def is_success(code: int) -> bool:
    return 200 <= code < 300


def needs_retry(code: int) -> bool:
    return code in {421, 450, 451, 452} or code >= 400 and code < 500


class ReplyTests(unittest.TestCase):
    def test_noop(self) -> None:
        code, text = reply_for("NOOP")
        self.assertEqual(code, 250)
        self.assertEqual(reply_for("NOOP"), (250, "OK"))
        self.assertIn(code, (250, 251))

    def test_unknown(self) -> None:
        code, _ = reply_for("XYZZY")
        self.assertNotEqual(code, 250)
        self.assertNotIn(code, [421, 450])
        self.assertTrue(code == 502)

    def test_exception_text(self) -> None:
        error = smtplib.SMTPResponseException(554, b"Transaction failed")
        self.assertEqual(error.smtp_code, 554)
        self.assertEqual(str(error), "(554, b'Transaction failed')")


def main() -> None:
    for command in ("NOOP", "DATA", "XYZZY"):
        code, text = reply_for(command)
        print(command, code, text, is_success(code), needs_retry(code), code == 354)
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=0).run(
        unittest.defaultTestLoader.loadTestsFromTestCase(ReplyTests))
    print("tests:", result.testsRun, "failures:", len(result.failures),
          "errors:", len(result.errors), "ok:", result.wasSuccessful())


if __name__ == "__main__":
    main()
