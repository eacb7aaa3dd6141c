# corpus: A
"""Checks whether a mailbox exists by walking the domain's MX hosts and stopping at RCPT TO,
the way address validators do; one path uses smtplib, the other a bare asyncio stream."""
import asyncio
import smtplib
import socket

from .dns import mx_hosts


class AddressNotDeliverable(Exception):
    def __init__(self, replies):
        super().__init__(replies)
        self.replies = replies


class TemporaryFailure(Exception):
    pass


def check_with_smtplib(address, helo_host="verify.example.net", timeout=10):
    permanent, temporary = {}, {}
    for host in mx_hosts(address.rpartition("@")[2]):
        try:
            smtp = smtplib.SMTP(timeout=timeout)
            smtp.connect(host, 25)
        except (OSError, smtplib.SMTPConnectError):
            continue
        try:
            smtp.ehlo_or_helo_if_needed()
            code, message = smtp.mail("")
            if code >= 400:  # expect: SMT100
                temporary[host] = (code, message)
                continue
            code, message = smtp.rcpt(address)
            if code == 250 or code == 251:  # expect: SMT100 SMT100
                return True
            if code in (450, 451, 452):  # expect: SMT100 SMT100 SMT100
                temporary[host] = (code, message)
            elif (500 <= code  # expect: SMT100
                  < 600):  # expect: SMT100
                permanent[host] = (code, message)
        finally:
            smtp.close()
    if permanent:
        raise AddressNotDeliverable(permanent)
    if temporary:
        raise TemporaryFailure(temporary)
    return None


async def _line(reader, timeout):
    return await asyncio.wait_for(reader.readline(), timeout=timeout)


async def check_with_stream(address, mx_host, timeout=8.0):
    result = {"address": address, "status": "unknown", "code": None}
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(mx_host, 25), timeout)
    except (OSError, asyncio.TimeoutError, socket.gaierror) as exc:
        result["status"] = "unreachable"
        result["error"] = str(exc)
        return result
    try:
        banner = await _line(reader, timeout)
        if not banner.startswith(b"220"):  # expect: SMT101
            result["status"] = "bad_banner"
            return result
        writer.write(b"HELO verify.example.net\r\n")
        await _line(reader, timeout)
        writer.write(b"MAIL FROM:<probe@verify.example.net>\r\n")
        await _line(reader, timeout)
        writer.write(f"RCPT TO:<{address}>\r\n".encode())
        reply = await _line(reader, timeout)
        result["code"] = int(reply[:3])
        if reply.startswith(b"250"):  # expect: SMT101
            result["status"] = "valid"
        elif reply[:1] == b"5":
            result["status"] = "invalid"
        else:
            result["status"] = "retry"
        writer.write(b"QUIT\r\n")
        return result
    finally:
        writer.close()

# ruff: noqa  (realistic code, linted by the SMT plugin only)
