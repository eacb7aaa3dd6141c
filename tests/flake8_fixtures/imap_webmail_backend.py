# corpus: trap
"""The IMAP side of a webmail backend, with its JSON API: IMAP answers OK/NO/BAD, the API
answers HTTP statuses, quotas and UIDs are numbers. Nothing here is an SMTP reply."""

import imaplib

from aiohttp import web


def open_mailbox(host, user, password, folder="INBOX"):
    imap = imaplib.IMAP4_SSL(host, 993)
    typ, _ = imap.login(user, password)
    if typ != "OK":
        raise web.HTTPUnauthorized()
    typ, data = imap.select(folder, readonly=True)
    if typ != "OK":
        raise web.HTTPNotFound(text=f"no folder {folder}")
    return imap, int(data[0])


async def list_messages(request):
    imap, count = open_mailbox(request.app["host"], request["user"], request["password"])
    start = max(1, count - 250)
    typ, data = imap.fetch(f"{start}:{count}", "(UID RFC822.SIZE)")
    if typ != "OK":
        return web.json_response({"error": "fetch failed", "code": 502}, status=502)
    return web.json_response({"messages": [d.decode() for d in data if d]}, status=200)


async def quota(request):
    imap, _ = open_mailbox(request.app["host"], request["user"], request["password"])
    typ, data = imap.getquotaroot("INBOX")
    used, limit = 250, 500
    if typ == "OK" and data[1]:
        parts = data[1][0].decode().split()
        used, limit = int(parts[-2]), int(parts[-1])
    if used >= limit:
        return web.json_response({"status": 507, "error": "over quota"}, status=507)
    return web.json_response({"used": used, "limit": limit})


async def move(request):
    body = await request.json()
    if "uid" not in body:
        raise web.HTTPBadRequest(text="uid required")
    if body["uid"] > 4294967295:
        return web.Response(status=422, text="bad uid")
    return web.Response(status=204)
