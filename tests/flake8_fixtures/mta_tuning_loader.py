# corpus: trap
"""Loads the tuning section of an MTA's YAML configuration: concurrency, rate limits, sizes,
retry schedules and timeouts, with their defaults and bounds. Only numbers, no reply codes."""
import yaml


def load_tuning(path):
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    tuning = raw.get("tuning", {})
    settings = {
        "max_connections": int(tuning.get("max_connections", 250)),
        "max_recipients_per_message": int(tuning.get("max_recipients_per_message", 500)),
        "message_size_limit": int(tuning.get("message_size_limit", 52_428_800)),
        "smtp_timeout": int(tuning.get("smtp_timeout", 300)),
        "queue_lifetime": int(tuning.get("queue_lifetime", 5 * 86400)),
        "retry_schedule": [int(x) for x in tuning.get("retry_schedule", [300, 900, 1800, 3600])],
        "per_domain_rate": int(tuning.get("per_domain_rate", 450)),
    }
    check(settings)
    return settings


def check(settings):
    if not 1 <= settings["max_connections"] <= 5000:
        raise ValueError("max_connections out of range")
    if settings["max_recipients_per_message"] > 1000:
        raise ValueError("RFC 5321 section 4.5.3.1.8 asks for at least 100 recipients")
    if settings["smtp_timeout"] < 300:
        raise ValueError("RFC 5321 section 4.5.3.2 suggests 5 minutes or more")
    if sorted(settings["retry_schedule"]) != settings["retry_schedule"]:
        raise ValueError("retry_schedule must grow")


def next_retry(attempt, schedule=(300, 900, 1800, 3600)):
    return schedule[min(attempt, len(schedule) - 1)]


def batch(recipients, size=250):
    return [recipients[i:i + size] for i in range(0, len(recipients), size)]

# ruff: noqa  (realistic code, linted by the SMT plugin only)
