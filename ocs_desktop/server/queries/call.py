"""What a QUERY handler is given (``AgentCall``) and what it is (``Handler``).

``app`` reads and parses the POST, then hands the handler of its QUERY one ``AgentCall``:
the parsed message, who sent it, and the worker's ``ServerContext``. A handler checks what
its QUERY needs, does it, writes its activity line and returns the HTTP answer; errors it
raises (``InventoryError``, database errors) are mapped to 400 and 500 by ``app``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree
from starlette.requests import Request
from starlette.responses import Response

from ocs_desktop.protocol import AgentRequest
from ocs_desktop.server.context import ServerContext
from ocs_desktop.server.replies import empty_response
from ocs_desktop.server.useragent import sanitize

# Refusals are logged under the name they always had, the application's.
log = logging.getLogger("ocs_desktop.server.app")


def write_activity(
    ctx: ServerContext, request: Request, code: int, phase: str, comment: str = ""
) -> None:
    """One line of the OCS ``activity.log``, while ``LOGLEVEL`` is on in the last ``config``
    snapshot this worker read (none is read for this: no database work while logging)."""
    options = ctx.cached_options()
    if options is None or not options.enabled("LOGLEVEL"):
        return
    ctx.activity.write(
        code,
        request.scope["state"].get("deviceid", ""),
        request.client.host if request.client else "",
        sanitize(request.headers.get("user-agent")),
        phase,
        comment,
    )


@dataclass(frozen=True)
class AgentCall:
    """One agent message being answered."""

    ctx: ServerContext
    request: Request
    """The HTTP request (its body already read)."""
    message: AgentRequest
    """The parsed ``REQUEST``: DEVICEID, QUERY, fields, how it was compressed."""
    root: etree._Element
    """The ``REQUEST`` element itself, for what ``message`` does not hold."""
    useragent: str
    """The User-Agent header, sanitized like the reference does."""
    remote: str | None
    """The peer's address."""

    def activity(self, code: int, phase: str, comment: str = "") -> None:
        write_activity(self.ctx, self.request, code, phase, comment)

    def refuse(self, status: int, phase: str, comment: str, why: str, *args: object) -> Response:
        """Log ``why % args`` as a warning, write the activity line, answer ``status``."""
        log.warning(why, *args)
        self.activity(status, phase, comment)
        return empty_response(status)


Handler: TypeAlias = Callable[[AgentCall], Awaitable[Response]]
"""Answers one QUERY; see ``queries.QUERIES``."""
