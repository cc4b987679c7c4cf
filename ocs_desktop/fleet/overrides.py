"""Per-machine and per-group settings (``devices`` rows, the OCS "Customize" tab).

A machine or a group (a ``hardware`` pseudo-row) may override some server keys with a
``devices`` row of the same NAME (DOWNLOAD_SWITCH for the DOWNLOAD switch). The value an
agent gets, and where it comes from, follows the server's rules (PROTOCOL 1.6), which the
communication server applies in ``server/queries/prolog.py`` (FREQUENCY, PROLOG_FREQ,
INVENTORY_ON_STARTUP), ``server/download_option.py`` (DOWNLOAD_*) and
``server/ipdiscover_option.py`` (IPDISCOVER*); ``tests/test_config_edit.py`` checks that
:func:`effective` answers as they do.

Not here: REGISTRY, which OCS only reads from ``config`` (no per-machine switch), and the
per-package rows (DOWNLOAD, DOWNLOAD_FORCE...), which belong to deployment.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from ocs_desktop.fleet.config_edit import read_values
from ocs_desktop.fleet.config_keys import BY_NAME, QT_TRANSLATE_NOOP, ConfigKey, ConfigValueError
from ocs_desktop.models import Base

DEVICES = Base.metadata.tables["devices"]
HARDWARE = Base.metadata.tables["hardware"]
GROUPS_CACHE = Base.metadata.tables["groups_cache"]
GROUP_DEVICEID = "_SYSTEMGROUP_"


class Source(enum.Enum):
    MACHINE = QT_TRANSLATE_NOOP("ConfigKeys", "machine")
    GROUP = QT_TRANSLATE_NOOP("ConfigKeys", "group")
    SERVER = QT_TRANSLATE_NOOP("ConfigKeys", "server")


@dataclass(frozen=True)
class OverrideKey:
    """A ``devices`` NAME that overrides the server key ``config_name``; ``combine`` picks
    among several groups' values (min or max, as the server does)."""

    name: str
    config_name: str
    combine: Callable[[Iterable[int]], int]

    @property
    def config(self) -> ConfigKey:
        return BY_NAME[self.config_name]


OVERRIDES: tuple[OverrideKey, ...] = (
    OverrideKey("FREQUENCY", "FREQUENCY", min),
    OverrideKey("PROLOG_FREQ", "PROLOG_FREQ", min),
    OverrideKey("INVENTORY_ON_STARTUP", "INVENTORY_ON_STARTUP", min),
    OverrideKey("DOWNLOAD_SWITCH", "DOWNLOAD", min),
    OverrideKey("DOWNLOAD_FRAG_LATENCY", "DOWNLOAD_FRAG_LATENCY", max),
    OverrideKey("DOWNLOAD_CYCLE_LATENCY", "DOWNLOAD_CYCLE_LATENCY", max),
    OverrideKey("DOWNLOAD_PERIOD_LATENCY", "DOWNLOAD_PERIOD_LATENCY", max),
    OverrideKey("DOWNLOAD_PERIOD_LENGTH", "DOWNLOAD_PERIOD_LENGTH", min),
    OverrideKey("DOWNLOAD_TIMEOUT", "DOWNLOAD_TIMEOUT", min),
    OverrideKey("DOWNLOAD_EXECUTION_TIMEOUT", "DOWNLOAD_EXECUTION_TIMEOUT", min),
    OverrideKey("IPDISCOVER", "IPDISCOVER", min),
    OverrideKey("IPDISCOVER_LATENCY", "IPDISCOVER_LATENCY", max),
)
OVERRIDE_BY_NAME = {key.name: key for key in OVERRIDES}


class OverrideError(ValueError):
    """An unknown target or key; ``code`` and ``values`` as :class:`ConfigValueError`."""

    def __init__(self, message: str, code: str = "", *values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(message)


def override_key(name: str) -> OverrideKey:
    found = OVERRIDE_BY_NAME.get(name.strip().upper())
    if found is None:
        names = ", ".join(OVERRIDE_BY_NAME)
        raise OverrideError(f"{name} cannot be set per machine or group; one of {names}")
    return found


def validate_override(name: str, raw: object) -> int:
    """The IVALUE to store; IPDISCOVER takes 0 (off), 1 (elected) or 2 (forced)."""
    key = override_key(name)
    if key.name == "IPDISCOVER":
        value = BY_NAME["IPDISCOVER"].validate(raw)
        assert isinstance(value, int)
        if value > 2:
            raise ConfigValueError("above_max", key.name, value, 2)
        return value
    if key.name == "DOWNLOAD_SWITCH":
        value = BY_NAME["DOWNLOAD"].validate(raw)
    else:
        value = key.config.validate(raw)
    assert isinstance(value, int)
    return value


# -- targets ----------------------------------------------------------------------------------


def find_group(conn: Connection, name: str) -> int:
    """A static or dynamic group's ``hardware.ID`` by NAME (or ``#ID``)."""
    query = select(HARDWARE.c.ID).where(HARDWARE.c.DEVICEID == GROUP_DEVICEID)
    if name.startswith("#") and name[1:].isdigit():
        query = query.where(HARDWARE.c.ID == int(name[1:]))
    else:
        query = query.where(HARDWARE.c.NAME == name)
    found = conn.execute(query).scalars().all()
    if len(found) != 1:
        raise OverrideError(f"no group named {name!r}" if not found else f"{name!r} is ambiguous")
    return int(found[0])


def check_machine(conn: Connection, hardware_id: int) -> int:
    """``hardware_id`` if it is a machine (not a group), else :class:`OverrideError`."""
    deviceid = conn.execute(
        select(HARDWARE.c.DEVICEID).where(HARDWARE.c.ID == hardware_id)
    ).scalar()
    if deviceid is None or str(deviceid).startswith("_"):
        raise OverrideError(f"no machine with ID {hardware_id}")
    return hardware_id


# -- rows -------------------------------------------------------------------------------------


def _params(
    conn: Connection, ids: list[int]
) -> dict[int, dict[str, tuple[int | None, str | None]]]:
    """First row per NAME of each id, as the server reads them (``server/machine.py``)."""
    result: dict[int, dict[str, tuple[int | None, str | None]]] = {hid: {} for hid in ids}
    if not ids:
        return result
    rows = conn.execute(
        select(DEVICES.c.HARDWARE_ID, DEVICES.c.NAME, DEVICES.c.IVALUE, DEVICES.c.TVALUE)
        .where(DEVICES.c.HARDWARE_ID.in_(ids), DEVICES.c.NAME.in_(list(OVERRIDE_BY_NAME)))
        .order_by(DEVICES.c.ID)
    )
    for hid, name, ivalue, tvalue in rows:
        result[hid].setdefault(name, (ivalue, tvalue))
    return result


def overrides_of(conn: Connection, hardware_id: int) -> dict[str, tuple[int | None, str | None]]:
    """The override rows of one machine or group: NAME -> (IVALUE, TVALUE)."""
    return _params(conn, [hardware_id])[hardware_id]


def set_override(
    conn: Connection, hardware_id: int, name: str, raw: object, tvalue: str | None = None
) -> int:
    """Replace ``name``'s row of a machine or group; returns the IVALUE stored.

    ``tvalue`` is IPDISCOVER's subnet (an elected machine scans it).
    """
    key = override_key(name)
    value = validate_override(key.name, raw)
    clear_override(conn, hardware_id, key.name)
    conn.execute(
        insert(DEVICES).values(HARDWARE_ID=hardware_id, NAME=key.name, IVALUE=value, TVALUE=tvalue)
    )
    return value


def clear_override(conn: Connection, hardware_id: int, name: str) -> int:
    """Delete ``name``'s rows of a machine or group (it follows its groups or the server)."""
    key = override_key(name)
    deleted = conn.execute(
        delete(DEVICES).where(DEVICES.c.HARDWARE_ID == hardware_id, DEVICES.c.NAME == key.name)
    )
    return int(deleted.rowcount or 0)


# -- effective values -------------------------------------------------------------------------


@dataclass(frozen=True)
class Effective:
    """What an agent gets for ``name``: the value, its source, and the group it comes from."""

    name: str
    value: int
    source: Source
    group_id: int | None = None
    subnet: str | None = None


def machine_groups(conn: Connection, hardware_id: int) -> list[int]:
    """The groups a machine belongs to (dynamic or static include), as the server sees them."""
    return list(
        conn.execute(
            select(GROUPS_CACHE.c.GROUP_ID)
            .where(GROUPS_CACHE.c.HARDWARE_ID == hardware_id, GROUPS_CACHE.c.STATIC.in_((0, 1)))
            .order_by(GROUPS_CACHE.c.GROUP_ID)
        ).scalars()
    )


def effective(conn: Connection, hardware_id: int) -> dict[str, Effective]:
    """Every override key's effective value for a machine, by ``devices`` NAME."""
    return effective_many(conn, [hardware_id])[hardware_id]


def effective_many(
    conn: Connection, hardware_ids: Iterable[int]
) -> dict[int, dict[str, Effective]]:
    """:func:`effective` for several machines, in a few queries."""
    ids = list(dict.fromkeys(hardware_ids))
    config = {name: value.value for name, value in read_values(conn).items()}
    groups_of: dict[int, list[int]] = {hid: [] for hid in ids}
    if config["ENABLE_GROUPS"] and ids:
        rows = conn.execute(
            select(GROUPS_CACHE.c.HARDWARE_ID, GROUPS_CACHE.c.GROUP_ID)
            .where(GROUPS_CACHE.c.HARDWARE_ID.in_(ids), GROUPS_CACHE.c.STATIC.in_((0, 1)))
            .order_by(GROUPS_CACHE.c.GROUP_ID)
        )
        for hid, gid in rows:
            groups_of[hid].append(gid)
    all_groups = sorted({gid for gids in groups_of.values() for gid in gids})
    params = _params(conn, [*ids, *all_groups])
    result: dict[int, dict[str, Effective]] = {}
    for hid in ids:
        own = params[hid]
        values: dict[str, Effective] = {}
        for key in OVERRIDES:
            server = int(config[key.config_name])
            group_values = [
                (int(value), gid)
                for gid in groups_of[hid]
                if (value := params[gid].get(key.name, (None, None))[0]) is not None
            ]
            mine = own.get(key.name, (None, None))[0]
            values[key.name] = _resolve(key, server, mine, group_values, config, own)
        result[hid] = values
    return result


def _pick(key: OverrideKey, values: list[tuple[int, int]]) -> tuple[int, int]:
    best = key.combine(v for v, _gid in values)
    return best, next(gid for v, gid in values if v == best)


def _resolve(
    key: OverrideKey,
    server: int,
    mine: int | None,
    groups: list[tuple[int, int]],
    config: dict[str, int | str],
    own: dict[str, tuple[int | None, str | None]],
) -> Effective:
    name = key.name
    at_server = Effective(name, server, Source.SERVER)
    if name == "FREQUENCY":  # global 0 / -1 ignore every override
        if server in (0, -1):
            return at_server
        candidates = ([(mine, hardware_marker)] if mine is not None else []) + groups
        if not candidates:
            return at_server
        value, gid = _pick(key, candidates)
        if gid == hardware_marker:
            return Effective(name, value, Source.MACHINE)
        return Effective(name, value, Source.GROUP, gid)
    if name in ("PROLOG_FREQ", "INVENTORY_ON_STARTUP"):
        if mine is not None:
            return Effective(name, mine, Source.MACHINE)
        if groups:
            value, gid = _pick(key, groups)
            return Effective(name, value, Source.GROUP, gid)
        return at_server
    if name == "DOWNLOAD_SWITCH":
        if not server:
            return Effective(name, 0, Source.SERVER)
        result = Effective(name, 1, Source.SERVER)
        if groups:
            value, gid = _pick(key, groups)
            if value < 1:
                result = Effective(name, value, Source.GROUP, gid)
        if mine is not None and result.value:
            result = Effective(name, mine, Source.MACHINE)
        return result
    if name == "IPDISCOVER":
        subnet = own.get(name, (None, None))[1]
        if server <= 0:
            return Effective(name, 0, Source.SERVER)
        if not mine or not subnet:
            return Effective(name, 0, Source.MACHINE if mine is not None else Source.SERVER)
        vetoes = [gid for value, gid in groups if value == 0]
        if vetoes and config["ENABLE_GROUPS"] and config["IPDISCOVER_USE_GROUPS"]:
            return Effective(name, 0, Source.GROUP, vetoes[0])
        return Effective(name, mine, Source.MACHINE, subnet=subnet)
    # Latencies and timeouts: the machine's, else the groups' max/min, else the server's;
    # a 0 counts as unset, as in the server.
    if mine:
        return Effective(name, mine, Source.MACHINE)
    if groups:
        value, gid = _pick(key, groups)
        if value:
            return Effective(name, value, Source.GROUP, gid)
    return at_server


hardware_marker = -1  # stands for "the machine itself" among group ids in _resolve


def download_blocked(conn: Connection, machine_ids: Iterable[int]) -> tuple[bool, list[int]]:
    """Whether DOWNLOAD is on for the server, and which of ``machine_ids`` get ON=0."""
    server_on = bool(read_values(conn, [BY_NAME["DOWNLOAD"]])["DOWNLOAD"].value)
    if not server_on:
        return False, list(machine_ids)
    found = effective_many(conn, machine_ids)
    off = [hid for hid, values in found.items() if not values["DOWNLOAD_SWITCH"].value]
    return True, off


def groups_switched_off(conn: Connection, group_ids: Iterable[int]) -> list[int]:
    """The groups whose own DOWNLOAD_SWITCH row is 0 (their members get no package)."""
    ids = list(group_ids)
    params = _params(conn, ids)
    return [gid for gid in ids if params[gid].get("DOWNLOAD_SWITCH", (1, None))[0] == 0]


def group_names(conn: Connection, group_ids: Iterable[int]) -> dict[int, str]:
    """The NAMEs of groups, for showing where a value comes from."""
    ids = list(set(group_ids))
    if not ids:
        return {}
    rows = conn.execute(select(HARDWARE.c.ID, HARDWARE.c.NAME).where(HARDWARE.c.ID.in_(ids)))
    return {int(hid): str(name or f"#{hid}") for hid, name in rows}
