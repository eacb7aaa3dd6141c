# corpus: A
"""Async newsletter delivery with aiosmtplib.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import asyncio
from collections import Counter

import aiosmtplib
from aiosmtplib import SMTPRecipientsRefused, SMTPResponseException, SMTPStatus

CONCURRENCY = 20
PORT = 465
BATCH_SIZE = 250
TIMEOUT = 60


class Outcome:
    def __init__(self) -> None:
        self.by_code: Counter[int] = Counter()
        self.failed: list[str] = []


async def send_one(client: aiosmtplib.SMTP, message, outcome: Outcome) -> None:
    try:
        errors, response = await client.send_message(message)
    except SMTPRecipientsRefused as exc:
        for error in exc.recipients:
            outcome.by_code[error.code] += 1
            if error.code == 550:  # expect: SMT100
                outcome.failed.append(error.recipient)
        return
    except SMTPResponseException as exc:
        if exc.code in (421, 451, 452):  # expect: SMT100 SMT100 SMT100
            await asyncio.sleep(30)
            return await send_one(client, message, outcome)
        if exc.code == SMTPStatus.mailbox_unavailable:
            outcome.failed.append(str(message["To"]))
            return
        raise
    for address, (code, text) in errors.items():
        if code != 250:  # expect: SMT100
            outcome.failed.append(address)
    if not response.startswith("2.0.0"):  # expect: SMT102
        outcome.by_code[0] += 1


async def deliver(messages, hostname: str = "smtp.example.com") -> Outcome:
    outcome = Outcome()
    semaphore = asyncio.Semaphore(CONCURRENCY)
    client = aiosmtplib.SMTP(hostname=hostname, port=PORT, use_tls=True, timeout=TIMEOUT)
    async with client:
        greeting = await client.ehlo()
        if greeting.code != 250:  # expect: SMT100
            raise SMTPResponseException(greeting.code, greeting.message)
        for start in range(0, len(messages), 250):
            chunk = messages[start:start + 250]
            async with semaphore:
                await asyncio.gather(*(send_one(client, m, outcome) for m in chunk))
        response = await client.noop()
        assert response.code == 250, response  # expect: SMT100
    return outcome


async def auth(client: aiosmtplib.SMTP, user: str, password: str) -> bool:
    try:
        response = await client.login(user, password)
    except aiosmtplib.SMTPAuthenticationError as exc:
        if exc.code == 535:  # expect: SMT100
            return False
        if exc.code == 454:  # expect: SMT100
            await asyncio.sleep(5)
            return await auth(client, user, password)
        raise
    return response.code == 235  # expect: SMT100


def report(outcome: Outcome) -> str:
    parts = []
    for code, count in sorted(outcome.by_code.items()):
        if code >= 500:  # expect: SMT100
            parts.append(f"{count} permanent ({code})")
        elif count > 250:
            parts.append(f"{count} deferred")
    return ", ".join(parts) or "all delivered"
