# corpus: trap
"""Fetches new mail from IMAP or POP3 accounts for a helpdesk: ports, timeouts, sizes, UIDs and
the servers' OK/NO answers. IMAP and POP3 have no numeric replies; nothing here is SMTP."""
import email
import imaplib
import poplib

from .store import save_ticket_mail

MAX_MESSAGE_BYTES = 25 * 1024 * 1024


def fetch_imap(host, user, password, port=993, folder="INBOX", batch=250):
    conn = imaplib.IMAP4_SSL(host, port, timeout=30)
    try:
        typ, _ = conn.login(user, password)
        if typ != "OK":
            raise RuntimeError("login refused")
        typ, data = conn.select(folder, readonly=False)
        if typ != "OK":
            raise RuntimeError(f"cannot select {folder}")
        typ, data = conn.uid("search", None, "UNSEEN")
        uids = data[0].split()[-batch:]
        for uid in uids:
            typ, parts = conn.uid("fetch", uid, "(RFC822.SIZE)")
            size = int(parts[0].split(b"RFC822.SIZE ")[1].rstrip(b")"))
            if size > MAX_MESSAGE_BYTES:
                continue
            typ, parts = conn.uid("fetch", uid, "(RFC822)")
            save_ticket_mail(email.message_from_bytes(parts[0][1]))
            conn.uid("store", uid, "+FLAGS", r"(\Seen)")
        return len(uids)
    finally:
        conn.logout()


def fetch_pop3(host, user, password, port=995, keep=False, limit=550):
    conn = poplib.POP3_SSL(host, port, timeout=30)
    try:
        conn.user(user)
        resp = conn.pass_(password)
        if not resp.startswith(b"+OK"):
            raise RuntimeError(resp)
        count, _ = conn.stat()
        for number in range(1, min(count, limit) + 1):
            resp, listing, octets = conn.retr(number)
            if octets > MAX_MESSAGE_BYTES:
                continue
            save_ticket_mail(email.message_from_bytes(b"\r\n".join(listing)))
            if not keep:
                conn.dele(number)
        return count
    finally:
        conn.quit()


def account_port(kind, tls=True):
    if kind == "imap":
        return 993 if tls else 143
    if kind == "pop3":
        return 995 if tls else 110
    raise ValueError(kind)

# ruff: noqa  (realistic code, linted by the SMT plugin only)
