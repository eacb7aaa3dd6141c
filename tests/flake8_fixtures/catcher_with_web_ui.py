# corpus: A
"""A development mail catcher: an aiosmtpd handler stores what it receives, and an aiohttp web
app lists, shows and deletes the stored messages. One module, two protocols."""
import json

from aiohttp import web
from aiosmtpd.controller import Controller

from .store import MessageStore

store = MessageStore(limit=500)


class CatcherHandler:
    def __init__(self, allowed_domains=None, max_recipients=50):
        self.allowed_domains = allowed_domains
        self.max_recipients = max_recipients

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        domain = address.rpartition("@")[2]
        if self.allowed_domains and domain not in self.allowed_domains:
            return "550 5.7.1 Relaying to %s is not allowed here" % domain  # expect: SMT101
        if len(envelope.rcpt_tos) >= self.max_recipients:
            return "452 4.5.3 Too many recipients"  # expect: SMT101
        envelope.rcpt_tos.append(address)
        return "250 OK"  # expect: SMT101

    async def handle_DATA(self, server, session, envelope):
        if len(envelope.content) > 20 * 1024 * 1024:
            return "552 5.3.4 Message too big for the catcher"  # expect: SMT101
        message_id = store.add(envelope.mail_from, envelope.rcpt_tos, envelope.content)
        return f"250 2.0.0 Stored as {message_id}"  # expect: SMT101


async def list_messages(request):
    page = int(request.query.get("page", "1"))
    per_page = min(int(request.query.get("per_page", "50")), 200)
    items = store.page(page, per_page)
    return web.json_response({"messages": items, "page": page})


async def show_message(request):
    message = store.get(request.match_info["id"])
    if message is None:
        return web.json_response({"error": "not found"}, status=404)
    return web.Response(body=message.raw, content_type="message/rfc822")


async def delete_all(request):
    if request.headers.get("X-Confirm") != "yes":
        raise web.HTTPBadRequest(text="confirmation header missing")
    store.clear()
    return web.Response(status=204)


async def events(request):
    resp = web.StreamResponse(status=200, headers={"Content-Type": "text/event-stream"})
    await resp.prepare(request)
    async for message in store.follow():
        await resp.write(f"data: {json.dumps(message.summary())}\n\n".encode())
    return resp


def build(host="127.0.0.1", smtp_port=1025, http_port=1080):
    controller = Controller(CatcherHandler(), hostname=host, port=smtp_port)
    app = web.Application(client_max_size=1024 ** 2)
    app.add_routes([web.get("/api/messages", list_messages),
                    web.get("/api/messages/{id}", show_message),
                    web.delete("/api/messages", delete_all),
                    web.get("/api/events", events)])
    return controller, app, http_port

# ruff: noqa  (realistic code, linted by the SMT plugin only)
