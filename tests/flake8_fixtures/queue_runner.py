# corpus: A
"""The retry loop of an outbound queue: which replies are worth another attempt."""

import smtplib
import time


def attempt(message, host, port=25, timeout=60):
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            smtp.send_message(message)
    except (TimeoutError, ConnectionError) as error:
        return (451, "4.4.1 Connection failed: %s" % error)  # noqa: UP031  # expect: SMT100 SMT102
    except smtplib.SMTPResponseException as error:
        return (error.smtp_code, error.smtp_error.decode("utf-8", "replace"))
    return (250, "2.0.0 Sent")  # expect: SMT100 SMT102


def run(queue, max_attempts=5, backoff=300):
    retry_codes = {421, 450, 451, 452}  # expect: SMT100 SMT100 SMT100 SMT100
    for item in queue.due():
        code, text = attempt(item.message, item.host)
        if code == 250:  # expect: SMT100
            queue.done(item)
        elif code in retry_codes and item.attempts < max_attempts:
            queue.retry(item, delay=backoff * 2 ** item.attempts)
        else:
            queue.bounce(item, code, text)
        time.sleep(0.1)
