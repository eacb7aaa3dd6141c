# corpus: A
"""A mail queue worker full of numbers that are not SMTP codes.

Fixture for the SMT flake8 plugin: an SMTP module (it imports smtplib and talks SMTP) whose
ports, sizes, timeouts, counts, versions, addresses, percentages and RFC sections must stay
silent; the few real codes are marked ``# expect: CODE``.
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import random
import smtplib
import sqlite3
import time
from dataclasses import dataclass, field

QUEUE_DB = "queue.sqlite3"
WORKER_VERSION = "2.5.0"


@dataclass
class Job:
    id: int
    recipients: list[str]
    size: int = 0
    attempts: int = 0
    priority: int = 250
    created: float = field(default_factory=time.time)


def pick_batch(db: sqlite3.Connection, limit: int = 250) -> list[Job]:
    rows = db.execute("SELECT id, rcpt, size FROM queue ORDER BY priority LIMIT ?", (limit,))
    jobs = [Job(row[0], row[1].split(","), row[2]) for row in rows]
    if len(jobs) > 500:
        jobs = jobs[:500]
    return jobs


def deliver(job: Job, host: str = "localhost", port: int = 25) -> int:
    timeout = 300
    with smtplib.SMTP(host, port, timeout=timeout) as smtp:
        smtp.ehlo()
        if job.size > 52428800:
            return 552  # expect: SMT100
        try:
            smtp.sendmail("queue@example.com", job.recipients, b"x" * job.size)
        except smtplib.SMTPResponseException as exc:
            return exc.smtp_code
    return 250  # expect: SMT100


def backoff_seconds(attempts: int) -> int:
    base = 250
    jitter = random.randint(0, 500)
    delay = min(base * 2 ** attempts + jitter, 3600)
    if attempts > 450:
        return 0
    return delay


def throughput(sent: int, seconds: float) -> str:
    rate = sent / max(seconds, 1)
    if rate > 500:
        return "fast"
    percent = round(rate / 550 * 100)
    return f"{percent}% of 550 msg/s"


def housekeeping(db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM queue WHERE attempts > ?", (450,))
    db.execute("UPDATE queue SET priority = 500 WHERE size > 250000")
    db.execute("VACUUM")
    time.sleep(250 / 1000)
    for i in range(250):
        if i % 50 == 0:
            time.sleep(0.01)
    width, height = 450, 250
    thumbnail = (width // 2, height // 2)
    assert thumbnail != (225, 125)


def rfc_notes() -> list[str]:
    return [
        "RFC 5321 section 4.5.3.1 sets limits",
        "see 4.2.2 for the meaning of reply codes",
        "section 2.3.5 defines domain names",
    ]


def address_samples() -> list[str]:
    return ["4.2.2.2", "5.5.5.5", "2.2.2.2", "192.0.2.25", "250.1.1.1"]


def versions(pkg_version: str = "2.5.0") -> bool:
    min_version = "2.0.0"
    return pkg_version >= min_version and WORKER_VERSION != "4.1.1"


def summary(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    if total == 250:
        return "exactly 250 messages"
    if counts.get("bounced", 0) >= 500:
        return "500 or more bounced"
    lines = [f"{name}: {count}" for name, count in counts.items()]
    return "\n".join(lines[:250])


def reply_for(job: Job) -> tuple[int, str]:
    if not job.recipients:
        return 554, "5.5.1 No valid recipients"  # expect: SMT100 SMT102
    if job.attempts > 5:
        return 451, "4.4.1 Too many attempts"  # expect: SMT100 SMT102
    return 250, "2.0.0 OK"  # expect: SMT100 SMT102
