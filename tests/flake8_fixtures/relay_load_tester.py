# corpus: A
"""A load generator for a relay under test: many aiosmtplib clients at once, counting what the
relay answered, so an operator sees how soon it starts to defer."""
import asyncio
import collections
import time
from email.message import EmailMessage

import aiosmtplib


def message(i, size=2048):
    msg = EmailMessage()
    msg["From"] = "load@test.example"
    msg["To"] = f"sink{i % 50}@test.example"
    msg["Subject"] = f"load {i}"
    msg.set_content("x" * size)
    return msg


async def one(host, port, i, stats, timeout=30):
    started = time.monotonic()
    try:
        errors, text = await aiosmtplib.send(message(i), hostname=host, port=port, timeout=timeout)
    except aiosmtplib.SMTPRecipientsRefused as exc:
        for refusal in exc.recipients:
            stats[refusal.code] += 1
        return
    except aiosmtplib.SMTPResponseException as exc:
        stats[exc.code] += 1
        if exc.code == 421:  # expect: SMT100
            stats["disconnected"] += 1
        return
    except (aiosmtplib.SMTPConnectError, asyncio.TimeoutError):
        stats["connect"] += 1
        return
    stats["latency"] += time.monotonic() - started
    for _, (code, _) in errors.items():
        stats[code] += 1
    stats[250] += 1  # expect-miss: SMT100


async def run(host="127.0.0.1", port=2525, total=1000, concurrency=100):
    stats = collections.Counter()
    gate = asyncio.Semaphore(concurrency)

    async def guarded(i):
        async with gate:
            await one(host, port, i, stats)
    await asyncio.gather(*(guarded(i) for i in range(total)))
    return stats


def report(stats, total):
    deferred = sum(v for k, v in stats.items() if isinstance(k, int) and 400 <= k < 500)  # expect-miss: SMT100 SMT100
    failed = sum(v for k, v in stats.items() if isinstance(k, int) and k >= 500)  # expect-miss: SMT100
    accepted = stats[250]  # expect-miss: SMT100
    mean = stats["latency"] / accepted if accepted else 0.0
    return (f"{accepted}/{total} accepted, {deferred} deferred, {failed} failed, "
            f"{stats['connect']} connect errors, mean {mean * 1000:.0f} ms")

# ruff: noqa  (realistic code, linted by the SMT plugin only)
