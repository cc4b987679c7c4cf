"""The DOWNLOAD option of a PROLOG reply: deployment settings and packages to install.

PROTOCOL 1.6 "OPTION DOWNLOAD". The CONF param is always sent; its values come from the
machine's ``devices`` rows, else from its groups (largest latency, smallest length and
timeouts), else from ``config``. One PACK param per package assigned to the machine or to
one of its groups and not yet done; rows still NULL become NOTIFIED once told.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, and_, insert, or_, select, update

from ocs_desktop.db.options import Options
from ocs_desktop.models import Base
from ocs_desktop.server.machine import DEVICES, HARDWARE, Machine

ENABLE = Base.metadata.tables["download_enable"]
HISTORY = Base.metadata.tables["download_history"]

# (attribute, devices/config name, group aggregate, reference default)
_CONF: tuple[tuple[str, str, Callable[[list[int]], int], int], ...] = (
    ("FRAG_LATENCY", "DOWNLOAD_FRAG_LATENCY", max, 60),
    ("CYCLE_LATENCY", "DOWNLOAD_CYCLE_LATENCY", max, 60),
    ("PERIOD_LATENCY", "DOWNLOAD_PERIOD_LATENCY", max, 60),
    ("PERIOD_LENGTH", "DOWNLOAD_PERIOD_LENGTH", min, 10),
    ("TIMEOUT", "DOWNLOAD_TIMEOUT", min, 7),
    ("EXECUTION_TIMEOUT", "DOWNLOAD_EXECUTION_TIMEOUT", min, 120),
)
_PER_PACKAGE = ("DOWNLOAD_SCHEDULE", "DOWNLOAD_POSTCMD", "DOWNLOAD_FORCE")
ParamList = list[tuple[dict[str, object], str | None]]


@dataclass(frozen=True, slots=True)
class _Assigned:
    enable_id: int
    fileid: str
    info_loc: str
    pack_loc: str
    cert_path: str | None
    cert_file: str | None
    server_id: int | None
    tvalue: str | None
    tracked: bool  # a per-machine DOWNLOAD row exists


def download_switch(options: Options, machine: Machine | None) -> int:
    """``ON``: global DOWNLOAD, lowered by any group's or the machine's DOWNLOAD_SWITCH."""
    if not options.enabled("DOWNLOAD"):
        return 0
    switch = 1
    if machine is not None:
        switch = min([switch, *machine.group_ivalues("DOWNLOAD_SWITCH")])
        own = machine.ivalue("DOWNLOAD_SWITCH")
        if own is not None and switch:
            switch = own
    return switch


def conf_param(options: Options, machine: Machine | None) -> dict[str, object]:
    """The ``TYPE="CONF"`` attributes."""
    attributes: dict[str, object] = {"TYPE": "CONF", "ON": download_switch(options, machine)}
    for attribute, name, aggregate, default in _CONF:
        value = options.ivalue(name, default)
        if machine is not None:
            group_values = machine.group_ivalues(name)
            if group_values:
                value = aggregate(group_values) or value
            value = machine.ivalue(name) or value
        attributes[attribute] = value
    return attributes


def download_params(conn: Connection, options: Options, machine: Machine | None) -> ParamList:
    """CONF plus the PACK params; marks the machine's NULL package rows NOTIFIED."""
    conf = conf_param(options, machine)
    params: ParamList = [(conf, None)]
    if machine is None or not conf["ON"]:
        return params
    history = {
        str(pid)
        for pid in conn.execute(
            select(HISTORY.c.PKG_ID).where(HISTORY.c.HARDWARE_ID == machine.id)
        ).scalars()
    }
    extras = _per_package(conn, machine.id)
    trace = options.ivalue("DOWNLOAD_GROUPS_TRACE_EVENTS", 1) != 0
    sent: set[str] = set()
    for package in _assigned(conn, machine, trace):
        if package.fileid in sent or package.tvalue not in (None, "NOTIFIED"):
            continue
        force = extras.get(("DOWNLOAD_FORCE", package.enable_id)) == "1"
        if package.fileid in history and not force:
            if package.tracked:
                _set_status(conn, machine.id, package.enable_id, "SUCCESS_ALREADY_IN_HISTORY")
            continue
        pack_loc = _substitute(conn, package.pack_loc, package.server_id)
        if pack_loc is None:
            continue
        sent.add(package.fileid)
        params.append(
            (
                {
                    "TYPE": "PACK",
                    "ID": package.fileid,
                    "INFO_LOC": package.info_loc,
                    "PACK_LOC": pack_loc,
                    "CERT_PATH": package.cert_path or "INSTALL_PATH",
                    "CERT_FILE": package.cert_file or "INSTALL_PATH",
                    "SCHEDULE": extras.get(("DOWNLOAD_SCHEDULE", package.enable_id)) or "",
                    "POSTCMD": extras.get(("DOWNLOAD_POSTCMD", package.enable_id)) or "",
                    "FORCE": 1 if force else 0,
                },
                None,
            )
        )
    conn.execute(
        update(DEVICES)
        .where(
            DEVICES.c.HARDWARE_ID == machine.id,
            DEVICES.c.NAME == "DOWNLOAD",
            DEVICES.c.TVALUE.is_(None),
        )
        .values(TVALUE="NOTIFIED", COMMENTS=time.ctime())
    )
    return params


def _assigned(conn: Connection, machine: Machine, trace: bool) -> list[_Assigned]:
    """The machine's own package rows, then its groups' packages it has no row for."""
    columns = (
        ENABLE.c.ID,
        ENABLE.c.FILEID,
        ENABLE.c.INFO_LOC,
        ENABLE.c.PACK_LOC,
        ENABLE.c.CERT_PATH,
        ENABLE.c.CERT_FILE,
        ENABLE.c.SERVER_ID,
        DEVICES.c.TVALUE,
    )
    joined = DEVICES.join(ENABLE, ENABLE.c.ID == DEVICES.c.IVALUE)
    own = conn.execute(
        select(*columns)
        .select_from(joined)
        .where(DEVICES.c.HARDWARE_ID == machine.id, DEVICES.c.NAME == "DOWNLOAD")
        .order_by(DEVICES.c.ID)
    ).all()
    result = [_Assigned(*row, tracked=True) for row in own]
    if not machine.groups:
        return result
    known = {row.ID for row in own}
    group_rows = conn.execute(
        select(*columns, DEVICES.c.HARDWARE_ID)
        .select_from(joined)
        .where(DEVICES.c.HARDWARE_ID.in_(machine.groups), DEVICES.c.NAME == "DOWNLOAD")
        .order_by(DEVICES.c.ID)
    ).all()
    for row in group_rows:
        if row.ID in known:
            continue
        known.add(row.ID)
        if trace:
            conn.execute(
                insert(DEVICES).values(
                    HARDWARE_ID=machine.id, NAME="DOWNLOAD", IVALUE=row.ID, TVALUE=None
                )
            )
            _copy_force(conn, row.HARDWARE_ID, machine.id, row.ID)
        result.append(_Assigned(*row[:-2], tvalue=None, tracked=trace))
    return result


def _copy_force(conn: Connection, group_id: int, hardware_id: int, enable_id: int) -> None:
    forced = conn.execute(
        select(DEVICES.c.TVALUE).where(
            DEVICES.c.HARDWARE_ID == group_id,
            DEVICES.c.NAME == "DOWNLOAD_FORCE",
            DEVICES.c.IVALUE == enable_id,
        )
    ).scalar()
    if forced is not None:
        conn.execute(
            insert(DEVICES).values(
                HARDWARE_ID=hardware_id, NAME="DOWNLOAD_FORCE", IVALUE=enable_id, TVALUE=forced
            )
        )


def _per_package(conn: Connection, hardware_id: int) -> dict[tuple[str, int], str | None]:
    rows = conn.execute(
        select(DEVICES.c.NAME, DEVICES.c.IVALUE, DEVICES.c.TVALUE).where(
            DEVICES.c.HARDWARE_ID == hardware_id, DEVICES.c.NAME.in_(_PER_PACKAGE)
        )
    )
    return {(name, ivalue): tvalue for name, ivalue, tvalue in rows if ivalue is not None}


def _set_status(conn: Connection, hardware_id: int, enable_id: int, status: str) -> None:
    conn.execute(
        update(DEVICES)
        .where(
            DEVICES.c.HARDWARE_ID == hardware_id,
            DEVICES.c.NAME == "DOWNLOAD",
            DEVICES.c.IVALUE == enable_id,
            or_(DEVICES.c.TVALUE.is_(None), DEVICES.c.TVALUE == "NOTIFIED"),
        )
        .values(TVALUE=status, COMMENTS=time.ctime())
    )


def _substitute(conn: Connection, pack_loc: str, server_id: int | None) -> str | None:
    """``$IP$`` / ``$NAME$`` become the redistribution server's address / name; None when
    that server is unknown (the package is then not sent)."""
    if "$IP$" not in pack_loc and "$NAME$" not in pack_loc:
        return pack_loc
    server = conn.execute(
        select(HARDWARE.c.IPADDR, HARDWARE.c.NAME).where(and_(HARDWARE.c.ID == server_id))
    ).first()
    if server is None:
        return None
    return pack_loc.replace("$IP$", server.IPADDR or "").replace("$NAME$", server.NAME or "")
