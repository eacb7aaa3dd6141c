# corpus: trap
"""Prometheus metrics and a health endpoint for a mail relay: latency buckets in milliseconds,
queue sizes, HTTP statuses of the exporter itself. Numbers in the reply range abound; none is
a reply code."""
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

LATENCY = Histogram("relay_delivery_ms", "Delivery latency",
                    buckets=(50, 100, 250, 500, 1000, 2500, 5000))
QUEUE = Gauge("relay_queue_size", "Messages waiting")
DELIVERED = Counter("relay_delivered_total", "Messages delivered", ["result"])


def observe(elapsed_ms, result):
    LATENCY.observe(min(elapsed_ms, 60_000))
    DELIVERED.labels(result=result).inc()


def queue_state(queue):
    size = len(queue)
    QUEUE.set(size)
    if size > 5000:
        return "critical"
    if size > 550:
        return "warning"
    return "ok"


class MetricsHandler(BaseHTTPRequestHandler):
    queue = ()

    def do_GET(self):
        if self.path == "/metrics":
            body = generate_latest()
            self.send_response(200)
            self.send_header("Content-Type", CONTENT_TYPE_LATEST)
        elif self.path == "/health":
            state = queue_state(self.queue)
            body = state.encode()
            self.send_response(200 if state != "critical" else 503)
            self.send_header("Content-Type", "text/plain")
        else:
            self.send_error(404)
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(port=9250):
    ThreadingHTTPServer(("0.0.0.0", port), MetricsHandler).serve_forever()

# ruff: noqa  (realistic code, linted by the SMT plugin only)
