# corpus: A
"""Routing handlers of a salmon-style mail application: refusals are raised as SMTPError with
the code first and the text second, or the text as a keyword."""

import logging

from salmon.routing import route, stateless
from salmon.server import SMTPError

from .models import Inbox

log = logging.getLogger(__name__)


@route("(inbox)@(domain)", inbox=".+", domain=".+")
@stateless
def START(message, inbox=None, domain=None):
    try:
        box = Inbox.objects.get(inbox=inbox, domain__domain=domain)
    except Inbox.DoesNotExist:
        raise SMTPError(550, "No such address") from None  # expect: SMT100
    except Exception:
        log.exception("database error")
        raise SMTPError(451, "Error processing message, retry later.") from None  # expect: SMT100
    if box.deleted:
        raise SMTPError(550, message="Mailbox disabled")  # expect: SMT100
    if len(message.original) > 1024 * 1024:
        raise SMTPError(523)  # expect: SMT100
    if not box.accepts(message):
        raise SMTPError(511)  # expect: SMT201
    box.store(message)
    return START
