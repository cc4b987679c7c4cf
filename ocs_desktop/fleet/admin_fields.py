"""Defining admin fields as the OCS console does: add, rename, reorder, delete, choices.

An admin field is a row of ``accountinfo_config`` plus a column ``accountinfo.fields_<ID>``
(PROTOCOL.md 7, GUI ``require/admininfo/Admininfo.php``). What the OCS console leaves:

- add: ``INSERT accountinfo_config (TYPE, NAME, ID_TAB, COMMENT, SHOW_ORDER = max + 1 over
  the whole table, ACCOUNT_TYPE 'COMPUTERS', DEFAULT_VALUE '')``, then ``ALTER TABLE
  accountinfo ADD COLUMN fields_<ID> <type> DEFAULT NULL``. Names are letters and digits
  (the form upper-cases them), unique among the computers' fields.
- delete: the row goes, then ``DROP COLUMN fields_<ID>`` (its values are lost).
- reorder: up/down swap ``SHOW_ORDER`` with the neighbour in the same tab (``ID_TAB``).
- choices of select, radio and checkbox fields: ``config`` rows ``ACCOUNT_VALUE_<NAME>_<n>``
  with ``IVALUE`` n (max + 1) and ``TVALUE`` the text; a machine stores ``n`` (a select or
  radio) or ``n&&&m&&&`` (the boxes ticked).

Two differences, both where OCS loses data: deleting a field also deletes its choices
(OCS leaves them, and a field later made with that name would inherit them), and renaming
one carries its choices to the new name (OCS orphans them).

Adding or dropping a column must not lock a large fleet: on MariaDB/MySQL the ALTER asks
for ``ALGORITHM=INSTANT`` first, then ``INPLACE, LOCK=NONE``, and only then the server's
default (a copy); it waits at most ``LOCK_WAIT_S`` for the table's metadata lock instead of
queueing every agent behind a long query. SQLite adds a column in the schema alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, inspect, select, text, update
from sqlalchemy.exc import DBAPIError

from ocs_desktop.common.like import LIKE_ESCAPE, like_escape
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.fleet.admin_data import TAG_COLUMN, AdminFieldType
from ocs_desktop.models import AccountInfoConfig, Config

COMPUTERS = "COMPUTERS"
#: The column type OCS gives each field type (``$sql_type_accountinfo``; NUMBER per §7).
MYSQL_TYPES: dict[AdminFieldType, str] = {
    AdminFieldType.TEXT: "VARCHAR(255)",
    AdminFieldType.TEXTAREA: "LONGTEXT",
    AdminFieldType.SELECT: "VARCHAR(255)",
    AdminFieldType.CHECKBOX: "VARCHAR(255)",
    AdminFieldType.RADIOBUTTON: "VARCHAR(255)",
    AdminFieldType.DATE: "DATE",
    AdminFieldType.NUMBER: "INT(10)",
}
SQLITE_TYPES: dict[AdminFieldType, str] = {
    **MYSQL_TYPES,
    AdminFieldType.TEXTAREA: "TEXT",
    AdminFieldType.NUMBER: "INTEGER",
}
#: Types whose values are chosen from ``config`` rows.
CHOICE_TYPES = frozenset(
    {AdminFieldType.SELECT, AdminFieldType.CHECKBOX, AdminFieldType.RADIOBUTTON}
)
CHECK_SEPARATOR = "&&&"
#: ``config.NAME`` is VARCHAR(50): the longest name whose choices still fit.
MAX_CHOICE_NAME = 50 - len("ACCOUNT_VALUE_") - len("_999")
#: Seconds an ALTER waits for the table's metadata lock before giving up.
LOCK_WAIT_S = 10
_NAME = re.compile(r"[0-9A-Za-z]+")
#: MySQL errors meaning "this ALGORITHM/LOCK is not possible here": try the next one.
_UNSUPPORTED = {1845, 1846, 1847, 4092}
_ALTER_VARIANTS = ("ALGORITHM=INSTANT", "ALGORITHM=INPLACE, LOCK=NONE", "")


#: Context of the messages below for the console's translations.
CONTEXT = "AdminFields"
#: Refusals by code; English, with ``{0}``… for their values.
MESSAGES: dict[str, str] = {
    "empty_name": QT_TRANSLATE_NOOP("AdminFields", "The name of a field cannot be empty."),
    "bad_name": QT_TRANSLATE_NOOP(
        "AdminFields", "{0}: a field name holds only letters A-Z and digits."
    ),
    "long_name": QT_TRANSLATE_NOOP(
        "AdminFields", "{0}: a field with choices has a name of at most {1} characters."
    ),
    "taken_name": QT_TRANSLATE_NOOP("AdminFields", "A field named {0} already exists."),
    "tag_delete": QT_TRANSLATE_NOOP("AdminFields", "TAG is built in and cannot be deleted."),
    "tag_rename": QT_TRANSLATE_NOOP("AdminFields", "TAG is built in: only its label can change."),
    "empty_label": QT_TRANSLATE_NOOP("AdminFields", "The label of a field cannot be empty."),
    "no_choices": QT_TRANSLATE_NOOP("AdminFields", "{0} is not a select, radio or checkbox field."),
    "empty_choice": QT_TRANSLATE_NOOP("AdminFields", "A choice cannot be empty."),
    "taken_choice": QT_TRANSLATE_NOOP("AdminFields", "{0} is already a choice of {1}."),
}


class AdminFieldError(ValueError):
    """A refused definition: ``code`` keys :data:`MESSAGES`, ``values`` fill it in."""

    def __init__(self, code: str, *values: object) -> None:
        super().__init__(MESSAGES[code].format(*values))
        self.code = code
        self.values = values


@dataclass(frozen=True)
class FieldDefinition:
    """One row of ``accountinfo_config`` for computers, with the column it describes."""

    id: int
    name: str
    label: str
    type: AdminFieldType
    column: str
    show_order: int
    tab: int | None

    @property
    def builtin(self) -> bool:
        """TAG: its column is named, it cannot be renamed or deleted."""
        return self.column == TAG_COLUMN

    @property
    def has_choices(self) -> bool:
        return self.type in CHOICE_TYPES


@dataclass(frozen=True)
class Choice:
    """One value of a select, radio or checkbox field: stored as ``value``, shown as text."""

    value: int
    text: str


# --- reading -------------------------------------------------------------------------------
def list_fields(conn: Connection) -> list[FieldDefinition]:
    """Every field of computers (TAG included) in display order (SHOW_ORDER, then ID)."""
    rows = conn.execute(
        select(
            AccountInfoConfig.ID,
            AccountInfoConfig.NAME,
            AccountInfoConfig.COMMENT,
            AccountInfoConfig.TYPE,
            AccountInfoConfig.NAME_ACCOUNTINFO,
            AccountInfoConfig.SHOW_ORDER,
            AccountInfoConfig.ID_TAB,
        )
        .where(AccountInfoConfig.ACCOUNT_TYPE == COMPUTERS)
        .order_by(AccountInfoConfig.SHOW_ORDER, AccountInfoConfig.ID)
    ).all()
    return [
        FieldDefinition(
            id=int(id_),
            name=name or "",
            label=comment or name or "",
            type=AdminFieldType.of(type_),
            column=(column or "").strip() or f"fields_{id_}",
            show_order=int(order or 0),
            tab=tab,
        )
        for id_, name, comment, type_, column, order, tab in rows
    ]


def get_field(conn: Connection, field_id: int) -> FieldDefinition:
    """The computers' field with this ID; ``LookupError`` if there is none."""
    for field in list_fields(conn):
        if field.id == field_id:
            return field
    raise LookupError(f"no admin field with ID {field_id}")


def find_field(conn: Connection, name: str) -> FieldDefinition:
    """A field by ID, column (``fields_3``), name or label, case ignored; else ``LookupError``."""
    wanted = name.strip().lower()
    fields = list_fields(conn)
    for attribute in ("id", "column", "name", "label"):
        matches = [f for f in fields if str(getattr(f, attribute)).lower() == wanted]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise LookupError(f"{name!r} names several admin fields; give its ID")
    raise LookupError(f"no admin field {name!r}")


# --- adding and deleting --------------------------------------------------------------------
def _check_name(conn: Connection, name: str, type_: AdminFieldType, other_than: int | None) -> str:
    name = name.strip().upper()
    if not name:
        raise AdminFieldError("empty_name")
    if not _NAME.fullmatch(name):
        raise AdminFieldError("bad_name", name)
    if type_ in CHOICE_TYPES and len(name) > MAX_CHOICE_NAME:
        raise AdminFieldError("long_name", name, MAX_CHOICE_NAME)
    statement = select(func.count()).where(
        AccountInfoConfig.NAME == name, AccountInfoConfig.ACCOUNT_TYPE == COMPUTERS
    )
    if other_than is not None:
        statement = statement.where(AccountInfoConfig.ID != other_than)
    if conn.execute(statement).scalar_one():
        raise AdminFieldError("taken_name", name)
    return name


def add_field(
    conn: Connection, name: str, type_: AdminFieldType | int, label: str = "", tab: int = 1
) -> FieldDefinition:
    """Add a field of computers: its ``accountinfo_config`` row and its column.

    ``ValueError`` for a bad or taken name. On MariaDB the ALTER commits what the
    connection had written (DDL does); if it fails the row is taken back.
    """
    kind = AdminFieldType(int(type_))
    name = _check_name(conn, name, kind, None)
    top = conn.execute(select(func.max(AccountInfoConfig.SHOW_ORDER))).scalar_one()
    result = conn.execute(
        insert(AccountInfoConfig).values(
            TYPE=int(kind),
            NAME=name,
            ID_TAB=tab,
            COMMENT=label.strip(),  # as OCS: empty when no label is given
            SHOW_ORDER=int(top or 0) + 1,
            ACCOUNT_TYPE=COMPUTERS,
            DEFAULT_VALUE="",
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    field_id = int(key[0])
    column = f"fields_{field_id}"
    types = MYSQL_TYPES if _is_mysql(conn) else SQLITE_TYPES
    try:
        alter_accountinfo(conn, f"ADD COLUMN {_quote(conn, column)} {types[kind]} DEFAULT NULL")
    except Exception:
        if _is_mysql(conn):
            # The ALTER committed the row before failing: take it back on a fresh connection.
            with conn.engine.begin() as other:
                other.execute(delete(AccountInfoConfig).where(AccountInfoConfig.ID == field_id))
        raise
    return get_field(conn, field_id)


def delete_field(conn: Connection, field_id: int) -> FieldDefinition:
    """Delete a field: its row, its choices, then its column (every machine's value).

    ``ValueError`` for TAG; ``LookupError`` for an unknown ID.
    """
    field = get_field(conn, field_id)
    if field.builtin:
        raise AdminFieldError("tag_delete")
    conn.execute(delete(AccountInfoConfig).where(AccountInfoConfig.ID == field.id))
    _delete_choices(conn, field.name)
    if field.column.lower() in {c.lower() for c in _columns(conn)}:
        alter_accountinfo(conn, f"DROP COLUMN {_quote(conn, field.column)}")
    return field


def rename_field(
    conn: Connection, field_id: int, *, name: str | None = None, label: str | None = None
) -> FieldDefinition:
    """Change a field's NAME and/or label (COMMENT); its choices follow a new NAME.

    TAG keeps its NAME; its label may change. The column is not touched.
    """
    field = get_field(conn, field_id)
    values: dict[str, str] = {}
    if name is not None and name.strip().upper() != field.name:
        if field.builtin:
            raise AdminFieldError("tag_rename")
        values["NAME"] = _check_name(conn, name, field.type, field.id)
    if label is not None:
        if not label.strip():
            raise AdminFieldError("empty_label")
        values["COMMENT"] = label.strip()
    if not values:
        return field
    conn.execute(update(AccountInfoConfig).where(AccountInfoConfig.ID == field.id).values(**values))
    if "NAME" in values:
        for choice in list_choices(conn, field):
            conn.execute(
                update(Config)
                .where(Config.NAME == _choice_key(field.name, choice.value))
                .values(NAME=_choice_key(values["NAME"], choice.value))
            )
    return get_field(conn, field_id)


# --- order ----------------------------------------------------------------------------------
def move_field(conn: Connection, field_id: int, position: int) -> list[FieldDefinition]:
    """Put a field at ``position`` (0-based) among the fields of its tab; the new order.

    The tab's SHOW_ORDER values are dealt out again in the new order, which is what the
    OCS console's up/down swaps leave (equal values are spread apart first).
    """
    field = get_field(conn, field_id)
    same_tab = [f for f in list_fields(conn) if f.tab == field.tab]
    others = [f for f in same_tab if f.id != field.id]
    position = max(0, min(position, len(others)))
    ordered = [*others[:position], field, *others[position:]]
    orders = sorted(f.show_order for f in same_tab)
    if len(set(orders)) != len(orders):
        orders = [orders[0] + i for i in range(len(orders))]
    for target, order in zip(ordered, orders, strict=True):
        if target.show_order != order:
            conn.execute(
                update(AccountInfoConfig)
                .where(AccountInfoConfig.ID == target.id)
                .values(SHOW_ORDER=order)
            )
    return [f for f in list_fields(conn) if f.tab == field.tab]


def move_field_by(conn: Connection, field_id: int, step: int) -> list[FieldDefinition]:
    """Move a field ``step`` places down (positive) or up (negative) in its tab."""
    field = get_field(conn, field_id)
    same_tab = [f.id for f in list_fields(conn) if f.tab == field.tab]
    return move_field(conn, field_id, same_tab.index(field_id) + step)


# --- choices --------------------------------------------------------------------------------
def _choice_prefix(name: str) -> str:
    return f"ACCOUNT_VALUE_{name}_"


def _choice_key(name: str, value: int) -> str:
    return f"{_choice_prefix(name)}{value}"


def _choice_rows(conn: Connection, name: str) -> list[tuple[str, int | None, str | None]]:
    prefix = _choice_prefix(name)
    rows = conn.execute(
        select(Config.NAME, Config.IVALUE, Config.TVALUE).where(
            Config.NAME.like(like_escape(prefix) + "%", escape=LIKE_ESCAPE)
        )
    ).all()
    # LIKE ignores case on MySQL: keep the exact prefix followed by a number.
    return [
        (key, ivalue, tvalue)
        for key, ivalue, tvalue in rows
        if key.startswith(prefix) and key[len(prefix) :].isdigit()
    ]


def list_choices(conn: Connection, field: FieldDefinition) -> list[Choice]:
    """The choices of a field, by stored value (empty for a field without choices)."""
    choices = [
        Choice(int(ivalue if ivalue is not None else key.rsplit("_", 1)[1]), tvalue or "")
        for key, ivalue, tvalue in _choice_rows(conn, field.name)
    ]
    return sorted(choices, key=lambda c: c.value)


def choices_by_column(conn: Connection) -> dict[str, list[Choice]]:
    """The choices of every select, radio and checkbox field, by its column."""
    return {f.column: list_choices(conn, f) for f in list_fields(conn) if f.has_choices}


def _require_choices(field: FieldDefinition) -> None:
    if not field.has_choices:
        raise AdminFieldError("no_choices", field.name)


def add_choice(conn: Connection, field_id: int, text_: str) -> Choice:
    """Add a choice (the next number); ``ValueError`` if empty or already offered."""
    field = get_field(conn, field_id)
    _require_choices(field)
    text_ = text_.strip()
    if not text_:
        raise AdminFieldError("empty_choice")
    existing = list_choices(conn, field)
    if any(c.text == text_ for c in existing):
        raise AdminFieldError("taken_choice", text_, field.name)
    value = max((c.value for c in existing), default=0) + 1
    conn.execute(
        insert(Config).values(NAME=_choice_key(field.name, value), IVALUE=value, TVALUE=text_)
    )
    return Choice(value, text_)


def rename_choice(conn: Connection, field_id: int, value: int, text_: str) -> Choice:
    """Change a choice's text; machines keep it (they store its number)."""
    field = get_field(conn, field_id)
    _require_choices(field)
    text_ = text_.strip()
    if not text_:
        raise AdminFieldError("empty_choice")
    existing = {c.value: c for c in list_choices(conn, field)}
    if value not in existing:
        raise LookupError(f"{field.name} has no choice {value}")
    if any(c.text == text_ and c.value != value for c in existing.values()):
        raise AdminFieldError("taken_choice", text_, field.name)
    conn.execute(
        update(Config).where(Config.NAME == _choice_key(field.name, value)).values(TVALUE=text_)
    )
    return Choice(value, text_)


def delete_choice(conn: Connection, field_id: int, value: int) -> None:
    """Remove a choice; machines that had it keep the number, shown as such (as OCS does)."""
    field = get_field(conn, field_id)
    _require_choices(field)
    result = conn.execute(delete(Config).where(Config.NAME == _choice_key(field.name, value)))
    if not result.rowcount:
        raise LookupError(f"{field.name} has no choice {value}")


def _delete_choices(conn: Connection, name: str) -> None:
    keys = [key for key, _i, _t in _choice_rows(conn, name)]
    if keys:
        conn.execute(delete(Config).where(Config.NAME.in_(keys)))


# --- values ---------------------------------------------------------------------------------
def encode_checks(values: Iterable[int]) -> str | None:
    """The stored form of ticked boxes: ``1&&&3&&&``; None when none is ticked."""
    unique = sorted({int(v) for v in values})
    return "".join(f"{v}{CHECK_SEPARATOR}" for v in unique) or None


def decode_checks(stored: str | None) -> list[int]:
    """The boxes ticked in a stored checkbox value (what is not a number is skipped)."""
    parts = (stored or "").split(CHECK_SEPARATOR)
    return [int(p) for p in parts if p.strip().isdigit()]


def display_value(field: FieldDefinition, stored: str | None, choices: Sequence[Choice]) -> str:
    """What a stored value reads as: choices by their text, several joined with ``; ``."""
    if stored is None:
        return ""
    if not field.has_choices:
        return stored
    texts = {c.value: c.text for c in choices}
    if field.type == AdminFieldType.CHECKBOX:
        return "; ".join(texts.get(v, str(v)) for v in decode_checks(stored))
    return texts.get(int(stored), stored) if stored.strip().isdigit() else stored


# --- DDL --------------------------------------------------------------------------------------
def _is_mysql(conn: Connection) -> bool:
    return conn.dialect.name in {"mysql", "mariadb"}


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _columns(conn: Connection) -> list[str]:
    return [c["name"] for c in inspect(conn).get_columns("accountinfo")]


def alter_accountinfo(conn: Connection, change: str) -> str:
    """Run ``ALTER TABLE accountinfo <change>``, the least locking way the server allows.

    Returns the variant used (``ALGORITHM=INSTANT``…, or ``""`` for the plain ALTER).
    The statement holds identifiers and fixed types only, never values.
    """
    table = _quote(conn, "accountinfo")
    if not _is_mysql(conn):
        conn.execute(text(f"ALTER TABLE {table} {change}"))
        return ""
    previous = conn.execute(text("SELECT @@SESSION.lock_wait_timeout")).scalar_one()
    conn.execute(text("SET SESSION lock_wait_timeout = :s"), {"s": LOCK_WAIT_S})
    try:
        for variant in _ALTER_VARIANTS:
            suffix = f", {variant}" if variant else ""
            try:
                conn.execute(text(f"ALTER TABLE {table} {change}{suffix}"))
                return variant
            except DBAPIError as exc:
                code = exc.orig.args[0] if exc.orig is not None and exc.orig.args else None
                if code not in _UNSUPPORTED or not variant:
                    raise
        raise AssertionError("unreachable")
    finally:
        conn.execute(text("SET SESSION lock_wait_timeout = :s"), {"s": int(previous)})
