"""INVENTORY: store the machine with the existing ingestion and answer (PROTOCOL 1.7).

The ingestion is one transaction, retried on deadlocks inside ``Ingestor.ingest``; only
after it committed does the agent get 200. Two requests for one DEVICEID never interleave:
an asyncio lock per DEVICEID here, a MariaDB named lock across worker processes.
"""

from __future__ import annotations

from ocs_desktop.inventory.ingest import IngestResult
from ocs_desktop.protocol import AgentRequest, inventory_from_request
from ocs_desktop.server.context import ServerContext
from ocs_desktop.server.replies import Reply


def inventory_reply(result: IngestResult) -> Reply:
    """NO_ACCOUNT_UPDATE, or ACCOUNT_UPDATE with every admin column for the agent's file."""
    reply = Reply()
    if result.account_update is None:
        reply.text("RESPONSE", "NO_ACCOUNT_UPDATE")
    else:
        reply.account_info(result.account_update)
        reply.text("RESPONSE", "ACCOUNT_UPDATE")
    return reply


async def handle_inventory(
    ctx: ServerContext, req: AgentRequest, remote_addr: str | None, useragent: str
) -> tuple[Reply, IngestResult]:
    """Ingest and build the reply; raises ``InventoryError`` (400) or a database error (500)."""
    inventory = inventory_from_request(req)

    def work() -> IngestResult:
        return ctx.ingestor().ingest(inventory, remote_addr=remote_addr, useragent=useragent)

    async with ctx.device_lock(req.deviceid):
        result = await ctx.run(work)
    return inventory_reply(result), result
