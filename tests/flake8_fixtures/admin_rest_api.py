# corpus: trap
"""The REST API of a mail server's admin panel: domains, mailboxes and aliases. Everything
here is HTTP, inside a mail project; nothing may be reported as an SMTP code."""

from fastapi import APIRouter, Depends, HTTPException, Response, status
from fastapi.responses import JSONResponse

from .auth import current_admin
from .models import Domain, Mailbox

router = APIRouter(prefix="/api/v1")


@router.get("/domains/{name}")
def get_domain(name: str, admin=Depends(current_admin)):  # noqa: B008
    domain = Domain.get(name)
    if domain is None:
        raise HTTPException(status_code=404, detail="domain not found")
    if not admin.may_see(domain):
        raise HTTPException(status_code=403, detail="forbidden")
    return {"name": domain.name, "mailboxes": domain.count(), "quota_mb": 500}


@router.post("/domains/{name}/mailboxes", status_code=201)
def create_mailbox(name: str, local_part: str, quota: int = 250, admin=Depends(current_admin)):  # noqa: B008
    if Mailbox.exists(name, local_part):
        return JSONResponse({"code": 409, "error": "mailbox exists"}, status_code=409)
    if quota > 10240:
        return JSONResponse({"code": 422, "message": "quota too large"}, status_code=422)
    Mailbox.create(name, local_part, quota)
    return {"code": 201, "data": {"address": f"{local_part}@{name}"}}


@router.delete("/mailboxes/{address}")
def delete_mailbox(address: str, response: Response, admin=Depends(current_admin)):  # noqa: B008
    if not Mailbox.delete(address):
        response.status_code = 404
        return {"code": 404, "error": "no such mailbox"}
    response.status_code = status.HTTP_204_NO_CONTENT
    return None


def error_body(code, message):
    return {"code": code, "error": message}


def not_found():
    return error_body(404, "not found")


def server_error(detail):
    body = {"code": 500, "error": "internal error", "detail": detail}
    return JSONResponse(body, status_code=500)
