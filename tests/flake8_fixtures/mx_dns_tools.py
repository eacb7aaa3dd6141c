# corpus: trap
"""DNS helpers of a mail admin tool: MX priorities, TTLs, ports and record sizes. Numbers in
the reply code range abound; none is a reply code."""

import dns.rcode
import dns.resolver


def mx_records(domain, lifetime=5.0):
    try:
        answer = dns.resolver.resolve(domain, "MX", lifetime=lifetime)
    except dns.resolver.NXDOMAIN:
        return []
    if answer.response.rcode() != dns.rcode.NOERROR:
        return []
    records = sorted((r.preference, str(r.exchange)) for r in answer)
    return [(prio, host) for prio, host in records if prio <= 500]


def ttl_ok(answer, minimum=300, maximum=86400):
    return minimum <= answer.rrset.ttl <= maximum


def check_ports(host, ports=(25, 465, 587)):
    results = {}
    for port in ports:
        results[port] = port in (25, 587) or port == 465
    return results


def txt_chunks(value, size=255):
    return [value[i:i + size] for i in range(0, len(value), size)]


def describe(priority):
    if priority >= 250:
        return "backup"
    if priority == 0:
        return "primary"
    return "secondary"


def spf_lookups_ok(count, limit=10):
    return count <= limit


def record_length_ok(record):
    return len(record) < 450
