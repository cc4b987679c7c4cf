"""Administrative data of machines: TAG, admin fields, and deleting machines.

The OCS console adds admin fields at run time: a row in ``accountinfo_config`` plus a
column ``accountinfo.fields_<ID>`` (PROTOCOL.md 7). Our model maps only TAG, so the
fields are reflected from the live table each time they are needed. Deleting a
machine follows the OCS console: every table that points at it goes too, and with
``TRACE_DELETED`` the DEVICEID is written to ``deleted_equiv`` for GLPI.

Refusals are :class:`AdminDataError`: a code, an English template marked for the
console's translations (context ``AdminData``) and its values, so the CLI prints the
English and the console words them in the user's language (``views/i18n.core_error_text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sqlalchemy import (
    Connection,
    column,
    func,
    insert,
    inspect,
    literal_column,
    select,
    table,
    update,
)
from sqlalchemy import types as sqltypes
from sqlalchemy.sql.expression import TableClause

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.db.column_text import as_text, to_column
from ocs_desktop.db.machine_rows import delete_machine_rows
from ocs_desktop.db.options import load_options
from ocs_desktop.fleet.filters import GROUP_DEVICEIDS, machines_only
from ocs_desktop.models import AccountInfo, AccountInfoConfig, DeletedEquiv, Hardware

#: Ids per statement: far below SQLite's bound-parameter limit, short IN lists on MySQL.
ID_CHUNK = 500
TAG_COLUMN = "TAG"

#: Context of the refusals below in the console's translations.
CONTEXT = "AdminData"
#: Refusals by code: English templates, their ``{names}`` filled by the error's params.
MESSAGES: dict[str, str] = {
    "unknown_fields": QT_TRANSLATE_NOOP("AdminData", "unknown admin fields: {columns}"),
    "no_machine": QT_TRANSLATE_NOOP("AdminData", "no machine with ID {id}"),
    "groups": QT_TRANSLATE_NOOP("AdminData", "IDs {ids} are groups, not machines"),
    "ambiguous": QT_TRANSLATE_NOOP(
        "AdminData", "'{name}' names several admin fields; give the column instead"
    ),
    "no_field": QT_TRANSLATE_NOOP("AdminData", "no admin field '{name}'; the fields are: {known}"),
    "not_number": QT_TRANSLATE_NOOP("AdminData", "{field}: '{value}' is not a whole number"),
    "not_date": QT_TRANSLATE_NOOP("AdminData", "{field}: '{value}' is not a date (YYYY-MM-DD)"),
}


class AdminDataError(CodedError):
    """A refused admin data change: ``code`` keys :data:`MESSAGES`, ``params`` fill it."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(CONTEXT, code, MESSAGES[code], **params)


class UnknownMachineError(AdminDataError, LookupError):
    """No machine has this ID: a ``LookupError`` too, as callers have always caught."""


class AdminFieldType(IntEnum):
    """``accountinfo_config.TYPE``: how the OCS console edits the field."""

    TEXT = 0
    TEXTAREA = 1
    SELECT = 2
    CHECKBOX = 5
    RADIOBUTTON = 11
    DATE = 14
    NUMBER = 15

    @classmethod
    def of(cls, value: int | None) -> AdminFieldType:
        try:
            return cls(value or 0)
        except ValueError:
            return cls.TEXT


@dataclass(frozen=True)
class AdminField:
    """One admin field: TAG or an ``accountinfo.fields_<n>`` column (``column``)."""

    name: str
    label: str
    column: str
    type: AdminFieldType


@dataclass(frozen=True)
class TagCount:
    """How many machines have this TAG (``None``: no TAG)."""

    tag: str | None
    count: int


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    unique = sorted({int(i) for i in ids})
    for start in range(0, len(unique), ID_CHUNK):
        yield unique[start : start + ID_CHUNK]


def _accountinfo_columns(conn: Connection) -> dict[str, sqltypes.TypeEngine[Any]]:
    return {c["name"]: c["type"] for c in inspect(conn).get_columns("accountinfo")}


def _fields(conn: Connection) -> tuple[list[AdminField], dict[str, sqltypes.TypeEngine[Any]]]:
    present = _accountinfo_columns(conn)
    by_lower = {name.lower(): name for name in present}
    rows = conn.execute(
        select(
            AccountInfoConfig.ID,
            AccountInfoConfig.NAME_ACCOUNTINFO,
            AccountInfoConfig.TYPE,
            AccountInfoConfig.NAME,
            AccountInfoConfig.COMMENT,
        )
        .where(AccountInfoConfig.ACCOUNT_TYPE == "COMPUTERS")
        .order_by(AccountInfoConfig.SHOW_ORDER, AccountInfoConfig.ID)
    ).all()
    tag = AdminField(TAG_COLUMN, TAG_COLUMN, TAG_COLUMN, AdminFieldType.TEXT)
    fields: list[AdminField] = []
    for id_, name_accountinfo, type_, name, comment in rows:
        # The OCS console names the column after the row's ID; TAG's row names it.
        wanted = name_accountinfo or f"fields_{id_}"
        column_name = by_lower.get(wanted.lower())
        if column_name is None:
            continue
        if column_name == TAG_COLUMN:
            tag = AdminField(
                name or TAG_COLUMN, comment or name or TAG_COLUMN, TAG_COLUMN, tag.type
            )
            continue
        if any(f.column == column_name for f in fields):
            continue
        label = comment or name or column_name
        fields.append(AdminField(name or column_name, label, column_name, AdminFieldType.of(type_)))
    return [tag, *fields], present


def admin_fields(conn: Connection) -> list[AdminField]:
    """TAG, then the admin fields of computers that exist as ``accountinfo`` columns."""
    return _fields(conn)[0]


def _accountinfo_table(fields: Sequence[AdminField]) -> TableClause:
    return table("accountinfo", column("HARDWARE_ID"), *(column(f.column) for f in fields))


def load_admin_values(
    conn: Connection, hardware_id: int, fields: Sequence[AdminField] | None = None
) -> dict[str, str | None]:
    """The admin values of one machine by column (``TAG``, ``fields_3``…) as text.

    Every field is present; a machine without an ``accountinfo`` row gets ``None``s.
    ``fields`` saves reflecting them again when the caller just did.
    """
    if fields is None:
        fields = admin_fields(conn)
    accountinfo = _accountinfo_table(fields)
    row = conn.execute(
        select(*(accountinfo.c[f.column] for f in fields)).where(
            accountinfo.c.HARDWARE_ID == hardware_id
        )
    ).first()
    if row is None:
        return {f.column: None for f in fields}
    return {f.column: as_text(value) for f, value in zip(fields, row, strict=True)}


def _require_machine(conn: Connection, hardware_id: int) -> None:
    found = conn.execute(
        select(Hardware.ID).where(Hardware.ID == hardware_id, machines_only())
    ).first()
    if found is None:
        raise UnknownMachineError("no_machine", id=hardware_id)


def save_admin_values(conn: Connection, hardware_id: int, values: Mapping[str, str | None]) -> None:
    """Store admin values given by column; creates the ``accountinfo`` row if missing.

    :class:`AdminDataError` (a ``ValueError``) for an unknown column or a value the column
    cannot hold (a number, an ISO date); :class:`UnknownMachineError` (a ``LookupError``)
    for an unknown machine.
    """
    fields, types = _fields(conn)
    known = {f.column for f in fields}
    unknown = sorted(set(values) - known)
    if unknown:
        raise AdminDataError("unknown_fields", columns=", ".join(unknown))
    _require_machine(conn, hardware_id)
    labels = {f.column: f.label for f in fields}
    converted = {
        name: _converted(labels[name], value, types[name]) for name, value in values.items()
    }
    accountinfo = _accountinfo_table(fields)
    exists = conn.execute(
        select(accountinfo.c.HARDWARE_ID).where(accountinfo.c.HARDWARE_ID == hardware_id)
    ).first()
    if exists is None:
        conn.execute(insert(accountinfo).values(HARDWARE_ID=hardware_id, **converted))
    elif converted:
        conn.execute(
            update(accountinfo).where(accountinfo.c.HARDWARE_ID == hardware_id).values(**converted)
        )


def _converted(label: str, value: str | None, type_: sqltypes.TypeEngine[Any]) -> Any:
    """``value`` as column ``type_`` holds it; a coded refusal naming the field if it cannot."""
    try:
        return to_column(value, type_)
    except ValueError:
        code = (
            "not_number" if isinstance(type_, sqltypes.Integer | sqltypes.Numeric) else "not_date"
        )
        raise AdminDataError(code, field=label, value=value) from None


def tag_counts(conn: Connection) -> list[TagCount]:
    """Every TAG with its number of machines; machines without a TAG count under ``None``."""
    statement = (
        select(AccountInfo.TAG, func.count(literal_column("*")))
        .select_from(Hardware)
        .outerjoin(AccountInfo, AccountInfo.HARDWARE_ID == Hardware.ID)
        .where(machines_only())
        .group_by(AccountInfo.TAG)
        .order_by(AccountInfo.TAG)
    )
    return [TagCount(tag, int(count)) for tag, count in conn.execute(statement)]


def set_tag(conn: Connection, ids: Iterable[int], tag: str | None) -> int:
    """Set the TAG of these machines (group ids and unknown ids are skipped).

    Machines without an ``accountinfo`` row get one. Returns how many machines were set.
    """
    done = 0
    for chunk in _chunks(ids):
        machines = list(
            conn.execute(select(Hardware.ID).where(Hardware.ID.in_(chunk), machines_only()))
            .scalars()
            .all()
        )
        if not machines:
            continue
        having = set(
            conn.execute(
                select(AccountInfo.HARDWARE_ID).where(AccountInfo.HARDWARE_ID.in_(machines))
            ).scalars()
        )
        if having:
            conn.execute(
                update(AccountInfo)
                .where(AccountInfo.HARDWARE_ID.in_(sorted(having)))
                .values(TAG=tag)
            )
        missing = [i for i in machines if i not in having]
        if missing:
            conn.execute(insert(AccountInfo), [{"HARDWARE_ID": i, "TAG": tag} for i in missing])
        done += len(machines)
    return done


def delete_machines(conn: Connection, ids: Iterable[int]) -> int:
    """Delete machines and every row that points at them; return how many were deleted.

    ``ValueError`` if an id is a group (delete groups with ``groups.delete_group``);
    unknown ids are ignored. With ``config.TRACE_DELETED`` on, each DEVICEID is written
    to ``deleted_equiv`` with no equivalent, as the OCS console does.
    """
    chunks = list(_chunks(ids))
    if not chunks:
        return 0
    found: list[tuple[int, str]] = []
    for chunk in chunks:
        rows = conn.execute(
            select(Hardware.ID, Hardware.DEVICEID).where(Hardware.ID.in_(chunk))
        ).all()
        groups = sorted(i for i, deviceid in rows if deviceid in GROUP_DEVICEIDS)
        if groups:
            raise AdminDataError("groups", ids=", ".join(map(str, groups)))
        found.extend((i, deviceid) for i, deviceid in rows)
    if not found:
        return 0
    doomed = sorted(i for i, _ in found)
    if load_options(conn).enabled("TRACE_DELETED"):
        conn.execute(
            insert(DeletedEquiv),
            [{"DELETED": deviceid, "EQUIVALENT": None} for _, deviceid in found],
        )
    return delete_machine_rows(conn, doomed)


def find_admin_field(conn: Connection, name: str) -> AdminField:
    """The admin field a user names: by column (``fields_3``), name (``OWNER``) or label.

    Case is ignored; columns are tried first, then names, then labels. ``ValueError`` when
    nothing matches or a name fits several fields.
    """
    wanted = name.strip().lower()
    fields = admin_fields(conn)
    for attribute in ("column", "name", "label"):
        matches = [f for f in fields if getattr(f, attribute).lower() == wanted]
        if len(matches) > 1:
            raise AdminDataError("ambiguous", name=name)
        if matches:
            return matches[0]
    known = ", ".join(f"{f.column} ({f.label})" for f in fields)
    raise AdminDataError("no_field", name=name, known=known)


def tag_overwrites(conn: Connection, ids: Iterable[int], tag: str | None) -> list[int]:
    """Machines among ``ids`` whose TAG is set (not blank) and is not exactly ``tag``.

    The TAG is the location the agent sends (``--tag``), so callers ask before replacing
    it. Compared in Python: MySQL's collations would call ``paris`` and ``PARIS`` equal.
    """
    changed: list[int] = []
    for chunk in _chunks(ids):
        rows = conn.execute(
            select(AccountInfo.HARDWARE_ID, AccountInfo.TAG)
            .join(Hardware, Hardware.ID == AccountInfo.HARDWARE_ID)
            .where(AccountInfo.HARDWARE_ID.in_(chunk), machines_only())
        ).all()
        changed.extend(i for i, current in rows if current and current.strip() and current != tag)
    return sorted(changed)


def set_admin_value(conn: Connection, ids: Iterable[int], column: str, value: str | None) -> int:
    """Store one admin value (by column) on many machines at once; machines set.

    Group ids and unknown ids are skipped; machines without an ``accountinfo`` row get
    one. ``ValueError`` for an unknown column or a value the column cannot hold.
    """
    fields, types = _fields(conn)
    labels = {f.column: f.label for f in fields}
    if column not in labels:
        raise AdminDataError("unknown_fields", columns=column)
    converted = _converted(labels[column], value, types[column])
    accountinfo = _accountinfo_table(fields)
    done = 0
    for chunk in _chunks(ids):
        machines = list(
            conn.scalars(select(Hardware.ID).where(Hardware.ID.in_(chunk), machines_only()))
        )
        if not machines:
            continue
        having = set(
            conn.scalars(
                select(accountinfo.c.HARDWARE_ID).where(accountinfo.c.HARDWARE_ID.in_(machines))
            )
        )
        if having:
            conn.execute(
                update(accountinfo)
                .where(accountinfo.c.HARDWARE_ID.in_(sorted(having)))
                .values({column: converted})
            )
        missing = [i for i in machines if i not in having]
        if missing:
            conn.execute(
                insert(accountinfo), [{"HARDWARE_ID": i, column: converted} for i in missing]
            )
        done += len(machines)
    return done
