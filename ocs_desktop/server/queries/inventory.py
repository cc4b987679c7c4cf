"""INVENTORY: store the machine with the existing ingestion and answer (PROTOCOL 1.7).

Needs a prolog session when ``INVENTORY_SESSION_ONLY`` is on and the peer is not trusted
(``sessions.inventory_allowed``): without one it is 403 and nothing is stored.

The ingestion is one transaction, retried whole on deadlocks and cluster refusals inside
``Ingestor.ingest``; only after it committed does the agent get 200. When every attempt was
refused the agent gets 503 (nothing stored, send again later), not 500. Two requests for
one DEVICEID never interleave: an asyncio lock per DEVICEID here, a MariaDB named lock
across worker processes, a lock row across Galera nodes (``db.writer_lock``).
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from starlette.responses import Response

from ocs_desktop.common.transaction_retry import is_retryable
from ocs_desktop.inventory.ingest import IngestResult
from ocs_desktop.protocol import inventory_from_request
from ocs_desktop.server.db_health import DatabaseUnavailable
from ocs_desktop.server.queries.call import AgentCall
from ocs_desktop.server.replies import Reply, reply_response
from ocs_desktop.server.sessions import inventory_allowed


def inventory_reply(result: IngestResult) -> Reply:
    """NO_ACCOUNT_UPDATE, or ACCOUNT_UPDATE with every admin column for the agent's file."""
    reply = Reply()
    if result.account_update is None:
        reply.text("RESPONSE", "NO_ACCOUNT_UPDATE")
    else:
        reply.account_info(result.account_update)
        reply.text("RESPONSE", "ACCOUNT_UPDATE")
    return reply


async def handle(call: AgentCall) -> Response:
    """Refuse without a required session, else ingest and answer.

    Raises ``InventoryError`` (400) for an inventory we cannot read, or a database error
    (500); either way nothing was stored.
    """
    ctx, message = call.ctx, call.message

    def session_ok() -> bool:
        # In the thread: ctx.options() re-reads ``config`` every few seconds.
        return inventory_allowed(
            ctx.engine, ctx.options(), message.deviceid, call.remote, ctx.settings.trusted_ips
        )

    allowed = await ctx.run(session_ok)
    if not allowed:
        return call.refuse(
            403,
            "inventory",
            "No valid prolog session",
            "inventory of %s refused: no prolog session",
            message.deviceid,
        )
    inventory = inventory_from_request(message)

    def work() -> IngestResult:
        return ctx.ingestor().ingest(inventory, remote_addr=call.remote, useragent=call.useragent)

    async with ctx.device_lock(message.deviceid):
        try:
            result = await ctx.run(work)
        except DBAPIError as error:
            if not is_retryable(error):
                raise
            raise DatabaseUnavailable(f"inventory of {message.deviceid}: {error.orig}") from error
    call.activity(101 if result.created else 102, "inventory", "committed")
    return reply_response(inventory_reply(result), message.compression)
