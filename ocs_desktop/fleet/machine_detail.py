"""Everything the database knows about one machine, category by category.

The detail pane shows a tree of categories (hardware, BIOS, CPUs, … software,
registry, administrative data) and the rows of the selected one. Each category is one
indexed query by HARDWARE_ID, with the real column names of the models, so the pane
opens at once even for a machine with a thousand software entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from ocs_desktop.fleet.admin_data import admin_fields, load_admin_values
from ocs_desktop.fleet.filters import machines_only
from ocs_desktop.models import (
    Base,
    Hardware,
    Software,
    SoftwareName,
    SoftwarePublisher,
    SoftwareVersion,
)

_HIDDEN = ("ID", "HARDWARE_ID")

SOFTWARE_COLUMNS: tuple[str, ...] = (
    "NAME",
    "PUBLISHER",
    "VERSION",
    "FOLDER",
    "COMMENTS",
    "FILENAME",
    "FILESIZE",
    "SOURCE",
    "GUID",
    "LANGUAGE",
    "INSTALLDATE",
    "BITSWIDTH",
    "ARCHITECTURE",
)


@dataclass(frozen=True)
class Category:
    """A node of the detail tree: rows of ``table`` for one machine, these ``columns``.

    ``label`` is English; views translate it. ``admin`` lists TAG only here: its other
    columns (``fields_<n>``) exist per database and come with the rows.
    """

    key: str
    label: str
    table: str
    columns: tuple[str, ...]


def _model_columns(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in Base.metadata.tables[table].columns if c.name not in _HIDDEN)


def _category(key: str, label: str, table: str | None = None) -> Category:
    table = table or key
    return Category(key, label, table, _model_columns(table))


CATEGORIES: tuple[Category, ...] = (
    _category("hardware", "Hardware"),
    _category("bios", "BIOS"),
    _category("cpus", "CPUs"),
    _category("memories", "Memory"),
    _category("storages", "Storage"),
    _category("drives", "Drives"),
    _category("networks", "Network"),
    _category("videos", "Video"),
    _category("sounds", "Sound"),
    _category("controllers", "Controllers"),
    _category("monitors", "Monitors"),
    _category("printers", "Printers"),
    _category("inputs", "Inputs"),
    _category("modems", "Modems"),
    _category("ports", "Ports"),
    _category("slots", "Slots"),
    Category("software", "Software", "software", SOFTWARE_COLUMNS),
    _category("virtualmachines", "Virtual machines"),
    _category("registry", "Registry"),
    Category("admin", "Administrative data", "accountinfo", ("TAG",)),
)

CATEGORIES_BY_KEY: dict[str, Category] = {category.key: category for category in CATEGORIES}


@dataclass(frozen=True)
class CategoryRows:
    """The rows of one category for one machine.

    ``columns`` are the headers: the real column names, except for ``admin`` whose
    headers are the fields' labels (its values are TAG then the ``fields_<n>``).
    """

    category: Category
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class MachineDetail:
    """A machine's name and every category's rows, keyed by ``Category.key``."""

    id: int
    name: str | None
    categories: dict[str, CategoryRows]


def _software_rows(conn: Connection, hardware_id: int) -> list[tuple[Any, ...]]:
    columns = [
        SoftwareName.NAME,
        SoftwarePublisher.PUBLISHER,
        SoftwareVersion.VERSION,
        *(Software.__table__.c[name] for name in SOFTWARE_COLUMNS[3:]),
    ]
    statement = (
        select(*columns)
        .select_from(Software)
        .outerjoin(SoftwareName, SoftwareName.ID == Software.NAME_ID)
        .outerjoin(SoftwarePublisher, SoftwarePublisher.ID == Software.PUBLISHER_ID)
        .outerjoin(SoftwareVersion, SoftwareVersion.ID == Software.VERSION_ID)
        .where(Software.HARDWARE_ID == hardware_id)
        .order_by(SoftwareName.NAME, SoftwareVersion.VERSION, Software.ID)
    )
    return [tuple(row) for row in conn.execute(statement)]


def _table_rows(conn: Connection, category: Category, hardware_id: int) -> list[tuple[Any, ...]]:
    table: Table = Base.metadata.tables[category.table]
    key = table.c.ID if category.table == "hardware" else table.c.HARDWARE_ID
    statement = select(*(table.c[name] for name in category.columns)).where(key == hardware_id)
    if "ID" in table.c and category.table != "hardware":
        statement = statement.order_by(table.c.ID)
    return [tuple(row) for row in conn.execute(statement)]


def load_category(conn: Connection, hardware_id: int, key: str) -> CategoryRows:
    """The rows of category ``key`` (a ``CATEGORIES`` key) for one machine."""
    try:
        category = CATEGORIES_BY_KEY[key]
    except KeyError:
        raise ValueError(f"unknown category {key!r}") from None
    if key == "software":
        return CategoryRows(category, category.columns, _software_rows(conn, hardware_id))
    if key == "admin":
        fields = admin_fields(conn)
        values = load_admin_values(conn, hardware_id, fields)
        labels = tuple(field.label for field in fields)
        row = tuple(values.get(field.column) for field in fields)
        return CategoryRows(category, labels, [row])
    return CategoryRows(category, category.columns, _table_rows(conn, category, hardware_id))


def load_machine_detail(conn: Connection, hardware_id: int) -> MachineDetail:
    """Every category of one machine; ``LookupError`` for an unknown id or a group."""
    name = conn.execute(
        select(Hardware.NAME).where(Hardware.ID == hardware_id, machines_only())
    ).first()
    if name is None:
        raise LookupError(f"no machine with ID {hardware_id}")
    categories = {
        category.key: load_category(conn, hardware_id, category.key) for category in CATEGORIES
    }
    return MachineDetail(hardware_id, name[0], categories)
