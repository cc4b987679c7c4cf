"""PROLOG: should the agent send an inventory now, and with which options (PROTOCOL 1.6).

Needs a User-Agent the server's policy accepts (``useragent.UserAgentPolicy``): any other is
400, the only QUERY where the agent is checked.

A known machine's ``hardware`` row is touched on every prolog (FIDELITY, LASTCOME,
USERAGENT and the running QUALITY average). The decision follows the reference, quirks
included: a global FREQUENCY of 0 ignores every override, -1 stops the agent and sends no
option at all; otherwise the smallest FREQUENCY of the machine and its groups applies.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select, update
from starlette.responses import Response

from ocs_desktop.common.retry import writer_transaction
from ocs_desktop.common.transaction_retry import retry_whole
from ocs_desktop.db.options import Options
from ocs_desktop.models import Base
from ocs_desktop.server.download_option import download_params
from ocs_desktop.server.group_revalidation import DEFAULT_REVALIDATE, GroupRevalidator
from ocs_desktop.server.ipdiscover_option import ipdiscover_params
from ocs_desktop.server.machine import HARDWARE, Machine, load_machine
from ocs_desktop.server.queries.call import AgentCall
from ocs_desktop.server.replies import Reply, reply_response
from ocs_desktop.server.sessions import open_session

REGCONFIG = Base.metadata.tables["regconfig"]
_DAY = 86400.0


class Decision(enum.Enum):
    SEND = "SEND"
    STOP = "STOP"
    BREAK = "BREAK"  # answered STOP, and no option is sent


def decide(options: Options, machine: Machine | None, now: dt.datetime) -> Decision:
    """The reference's FREQUENCY rule."""
    frequency = options.ivalue("FREQUENCY", 0)
    if frequency == 0:
        return Decision.SEND
    if frequency == -1:
        return Decision.BREAK
    if machine is None:
        return Decision.SEND
    own = machine.ivalue("FREQUENCY")
    known = [*([own] if own is not None else []), *machine.group_ivalues("FREQUENCY")]
    if known:
        frequency = min(known)
    if frequency == 0:
        return Decision.SEND
    if frequency == -1:
        return Decision.BREAK
    if machine.lastdate is None:
        return Decision.SEND
    if (now - machine.lastdate).total_seconds() > frequency * _DAY:
        return Decision.SEND
    return Decision.STOP


def resolved(options: Options, machine: Machine | None, name: str, default: int) -> int:
    """PROLOG_FREQ / INVENTORY_ON_STARTUP: the machine's, else the groups' smallest, else
    the global value."""
    if machine is not None:
        own = machine.ivalue(name)
        if own is not None:
            return own
        groups = machine.group_ivalues(name)
        if groups:
            return min(groups)
    return options.ivalue(name, default)


def touch(conn: Connection, machine: Machine, useragent: str, now: dt.datetime) -> None:
    """FIDELITY+1, LASTCOME, USERAGENT and QUALITY (mean days between contacts)."""
    days = (now - machine.lastcome).total_seconds() / _DAY if machine.lastcome else 0.0
    if machine.fidelity > 1:
        quality = (days + machine.quality * machine.fidelity) / (machine.fidelity + 1)
    else:
        quality = days
    conn.execute(
        update(HARDWARE)
        .where(HARDWARE.c.ID == machine.id)
        .values(
            FIDELITY=machine.fidelity + 1,
            LASTCOME=now,
            USERAGENT=useragent[:50],
            QUALITY=round(min(quality, 999.9999), 4),
        )
    )


def registry_params(conn: Connection) -> list[tuple[dict[str, object], str | None]]:
    rows = conn.execute(
        select(
            REGCONFIG.c.NAME, REGCONFIG.c.REGTREE, REGCONFIG.c.REGKEY, REGCONFIG.c.REGVALUE
        ).order_by(REGCONFIG.c.ID)
    ).all()
    return [
        ({"REGTREE": tree, "REGKEY": key or "", "NAME": name or ""}, value or "")
        for name, tree, key, value in rows
    ]


# One per process: dynamic groups go stale between prologs, not per request.
REVALIDATOR = GroupRevalidator()


@dataclass(frozen=True)
class PrologOutcome:
    reply: Reply
    decision: Decision
    known: bool
    close_connection: bool = False


def answer_prolog(engine: Engine, options: Options, deviceid: str, useragent: str) -> PrologOutcome:
    """Decide and build the reply in one transaction (blocking; run in a thread)."""

    groups_enabled = options.ivalue("ENABLE_GROUPS", 1) != 0
    if groups_enabled:
        REVALIDATOR.maybe_run(engine, options.ivalue("GROUPS_CACHE_REVALIDATE", DEFAULT_REVALIDATE))

    def work() -> PrologOutcome:
        now = dt.datetime.now().replace(microsecond=0)
        with engine.connect() as conn, writer_transaction(conn):
            machine = load_machine(conn, deviceid, groups_enabled=groups_enabled)
            if machine is not None:
                touch(conn, machine, useragent, now)
            decision = decide(options, machine, now)
            ipdiscover = None
            if decision is not Decision.BREAK:
                ipdiscover = ipdiscover_params(options, machine, useragent)
                if ipdiscover:  # an elected agent always inventories
                    decision = Decision.SEND
            if decision is Decision.SEND:
                open_session(conn, options, deviceid)
            reply = Reply()
            reply.text(
                "RESPONSE",
                Decision.STOP.value if decision is Decision.BREAK else decision.value,
            )
            reply.text("PROLOG_FREQ", resolved(options, machine, "PROLOG_FREQ", 12))
            reply.text(
                "INVENTORY_ON_STARTUP", resolved(options, machine, "INVENTORY_ON_STARTUP", 0)
            )
            if decision is not Decision.BREAK:
                reply.option("DOWNLOAD", download_params(conn, options, machine))
                if ipdiscover:
                    reply.option("IPDISCOVER", ipdiscover)
                if options.ivalue("REGISTRY", 1):
                    registry = registry_params(conn)
                    if registry:
                        reply.option("REGISTRY", registry)
        return PrologOutcome(reply, decision, machine is not None, bool(ipdiscover))

    return retry_whole(work)


async def handle(call: AgentCall) -> Response:
    """Refuse an agent the User-Agent check does not accept, else decide and answer."""
    ctx, useragent = call.ctx, call.useragent
    verdict = ctx.useragents.check(useragent)
    if not verdict.accepted:
        return call.refuse(
            400,
            "useragent",
            "Bad agent or agent version too recent",
            "refused User-Agent %r at PROLOG: %s (useragent.refused)",
            useragent,
            verdict.reason,
        )
    deviceid = call.message.deviceid
    outcome = await ctx.run(lambda: answer_prolog(ctx.engine, ctx.options(), deviceid, useragent))
    call.activity(100, "prolog", outcome.decision.value)
    response = reply_response(outcome.reply, call.message.compression)
    if outcome.close_connection:
        response.headers["Connection"] = "close"
    return response
