"""DOWNLOAD: an agent reports how a package went (PROTOCOL 1.9).

The status lands in the machine's ``devices`` row for that package (NAME ``DOWNLOAD``,
IVALUE = the ``download_enable.ID`` of one of the package's activations). The Unix agent
sends ID and ERR as attributes of REQUEST, the Windows agent partly as elements;
``AgentRequest.fields`` already merges both. The answer is always an empty 200. Needs
nothing: an unknown machine or package is accepted and ignored.
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, select, update
from starlette.responses import Response

from ocs_desktop.common.retry import writer_transaction
from ocs_desktop.common.transaction_retry import retry_whole
from ocs_desktop.models import Base
from ocs_desktop.protocol import AgentRequest
from ocs_desktop.server.machine import DEVICES, find_hardware_id
from ocs_desktop.server.queries.call import AgentCall
from ocs_desktop.server.replies import empty_response

ENABLE = Base.metadata.tables["download_enable"]
UNKNOWN_CODE = "UNKNOWN_CODE"


def result_fields(req: AgentRequest) -> tuple[str, str]:
    """(FILEID, status) from the request, wherever the agent put them."""
    fields = dict(req.fields)
    if req.content is not None:
        for key in ("ID", "ERR"):
            found = req.content.get(key) or req.content.findtext(key)
            if found and key not in fields:
                fields[key] = found.strip()
    return fields.get("ID", ""), fields.get("ERR") or UNKNOWN_CODE


def record_result(engine: Engine, deviceid: str, fileid: str, status: str) -> int:
    """Write ``status`` on the machine's row for the package; returns rows changed."""

    def work() -> int:
        with engine.connect() as conn, writer_transaction(conn):
            hardware_id = find_hardware_id(conn, deviceid)
            if hardware_id is None or not fileid:
                return 0
            activations = select(ENABLE.c.ID).where(ENABLE.c.FILEID == fileid)
            changed = conn.execute(
                update(DEVICES)
                .where(
                    DEVICES.c.HARDWARE_ID == hardware_id,
                    DEVICES.c.NAME == "DOWNLOAD",
                    DEVICES.c.IVALUE.in_(activations.scalar_subquery()),
                )
                .values(TVALUE=status[:255], COMMENTS=time.ctime())
            )
            return int(changed.rowcount or 0)

    return retry_whole(work)


async def handle(call: AgentCall) -> Response:
    """Record the package's status on the machine; always an empty 200."""
    fileid, status = result_fields(call.message)
    await call.ctx.run(record_result, call.ctx.engine, call.message.deviceid, fileid, status)
    call.activity(200, "download", f"{fileid} {status}")
    return empty_response(200)
