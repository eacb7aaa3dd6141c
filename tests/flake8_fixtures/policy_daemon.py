# corpus: B
"""A Postfix policy delegation daemon: it reads attribute blocks and answers with an action.
Actions may carry an SMTP reply after ``action=``."""

import socketserver

DEFER = "action=DEFER_IF_PERMIT Service temporarily unavailable"


class PolicyHandler(socketserver.StreamRequestHandler):
    limits = {}

    def handle(self):
        attributes = {}
        for raw in self.rfile:
            line = raw.decode().strip()
            if not line:
                break
            name, _, value = line.partition("=")
            attributes[name] = value
        action = self.decide(attributes)
        self.wfile.write(f"{action}\n\n".encode())

    def decide(self, attributes):
        if attributes.get("request") != "smtpd_access_policy":
            return "action=DUNNO"
        sender = attributes.get("sasl_username") or attributes.get("sender", "")
        if not sender:
            return "action=554 5.7.1 Authentication required"  # expect: SMT101
        used = self.limits.get(sender, 0)
        if used >= 500:
            return "action=450 4.7.1 Sending quota reached, try tomorrow"  # expect: SMT101
        if attributes.get("recipient_count", "0") > "1000":
            return "action=REJECT Too many recipients"
        self.limits[sender] = used + 1
        return "action=DUNNO"


def main(port=10031):
    with socketserver.ThreadingTCPServer(("127.0.0.1", port), PolicyHandler) as server:
        server.serve_forever()
