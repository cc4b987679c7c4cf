"""The agent's QUERYs: one module each, reached through the ``QUERIES`` table.

Every agent message is a POST to ``/ocsinventory`` whose ``QUERY`` says what it is. ``app``
parses it and awaits ``handler_for(query)(call)``. Each module's ``handle`` states what its
QUERY needs and does it:

=========  ==========================================  =====================================
QUERY      needs                                       does
=========  ==========================================  =====================================
PROLOG     an accepted User-Agent (else 400)           decides SEND/STOP, sends the OPTIONs
INVENTORY  a prolog session, when required (else 403)  stores the machine, answers its admin
DOWNLOAD   nothing                                     records a package's status (empty 200)
NOTIFY     nothing                                     applies new addresses (empty 200)
=========  ==========================================  =====================================

Any other QUERY is 400 with no body, as the reference answers (``unknown``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from starlette.responses import Response

from ocs_desktop.server.queries import download, inventory, notify, prolog
from ocs_desktop.server.queries.call import AgentCall, Handler

QUERIES: Mapping[str, Handler] = MappingProxyType(
    {
        "PROLOG": prolog.handle,
        "INVENTORY": inventory.handle,
        "DOWNLOAD": download.handle,
        "NOTIFY": notify.handle,
    }
)
"""QUERY -> its handler."""


async def unknown(call: AgentCall) -> Response:
    """A QUERY the server does not answer: 400, a warning and an activity line."""
    query = call.message.query
    return call.refuse(
        400,
        "request",
        f"unknown query {query}",
        "no handler for QUERY %r (envelope.query_unknown)",
        query,
    )


def handler_for(query: str) -> Handler:
    """The handler of ``query``, ``unknown`` for any QUERY not in the table."""
    return QUERIES.get(query, unknown)
