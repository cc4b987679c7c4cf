"""Table names as the database spells them, when they differ from ours only in letter case.

MySQL compares table names case-sensitively where ``lower_case_table_names`` is 0 (Linux)
and stores them in lower case where it is 1 (Windows, and any dump made there); SQLite
ignores case. So an OCS database may hold ``schedule_wol`` where our model says
``schedule_WOL``, for two legitimate reasons: a Windows server or dump, or the 2.12
console, whose update 7070 renames the table.

What we do about it, and why:

* We use the name found. Renaming it would break the OCS console that expects that
  spelling (2.12 reads ``schedule_wol``, 2.11 ``schedule_WOL``), and creating ours beside
  it would split the data in two. So ``db check`` reports such a table as differing only
  in case, never as missing; ``db init`` creates no twin; code that reads or writes such
  a table takes it from ``table_for``, which gives our table under the name found
  (reflected once per engine).
* Only where the difference breaks the OCS console is it a warning: on a case-sensitive
  server, when the spelling found is not the one the database's schema version expects
  (a 7069 dump from Windows restored on Linux). ``fix_table_case`` (``ocs-desktop db
  fix-table-case``) renames such tables to the expected spelling; nothing else does.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, MetaData, Table, inspect, text

from ocs_desktop.db.engines import is_mysql
from ocs_desktop.models import Base

log = logging.getLogger(__name__)

#: ``lower_case_table_names``: 0 names compare as written, 1 stored and compared in lower
#: case, 2 stored as written and compared in lower case (SQLite behaves like 2).
CASE_SENSITIVE = 0


@dataclass(frozen=True)
class TableNames:
    """How the database spells the tables we know."""

    casing: int
    """The server's ``lower_case_table_names`` (2 for SQLite)."""
    actual: dict[str, str] = field(default_factory=dict)
    """Our table name -> the name found, for every table found under any spelling."""
    twins: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Our table name -> the other spellings also present (case-sensitive servers only)."""

    @property
    def case_sensitive(self) -> bool:
        return self.casing == CASE_SENSITIVE

    def found(self, name: str) -> bool:
        return name in self.actual

    def case_only(self) -> list[tuple[str, str]]:
        """(ours, found) for every table found under another spelling."""
        return sorted((ours, theirs) for ours, theirs in self.actual.items() if ours != theirs)


def casing(connection: Connection) -> int:
    """The server's ``lower_case_table_names``; SQLite, which ignores case, counts as 2."""
    if not is_mysql(connection.engine.url):
        return 2
    value = connection.execute(text("SELECT @@lower_case_table_names")).scalar()
    return int(value) if value is not None else CASE_SENSITIVE


def read_table_names(connection: Connection, wanted: Iterable[str] | None = None) -> TableNames:
    """Match our table names (all by default) against the tables of the database."""
    existing = inspect(connection).get_table_names()
    by_folded: dict[str, list[str]] = {}
    for name in existing:
        by_folded.setdefault(name.lower(), []).append(name)
    actual: dict[str, str] = {}
    twins: dict[str, tuple[str, ...]] = {}
    for name in Base.metadata.tables if wanted is None else wanted:
        spellings = sorted(by_folded.get(name.lower(), []))
        if not spellings:
            continue
        actual[name] = name if name in spellings else spellings[0]
        others = tuple(spelling for spelling in spellings if spelling != actual[name])
        if others:
            twins[name] = others
    return TableNames(casing(connection), actual, twins)


_CACHE: weakref.WeakKeyDictionary[Engine, TableNames] = weakref.WeakKeyDictionary()
_TABLES: weakref.WeakKeyDictionary[Engine, dict[str, Table]] = weakref.WeakKeyDictionary()


def table_names(engine: Engine, *, refresh: bool = False) -> TableNames:
    """The spellings of ``engine``'s database, read once per engine (``refresh`` re-reads)."""
    names = None if refresh else _CACHE.get(engine)
    if names is None:
        with engine.connect() as connection:
            names = read_table_names(connection)
        _CACHE[engine] = names
        _TABLES.pop(engine, None)
    return names


def table_for(engine: Engine, name: str) -> Table:
    """Our table ``name`` as this database spells it, for Core statements.

    The model's own table when the spelling is ours (or the table is absent); otherwise a
    copy under the name found, made once per engine.
    """
    found = table_names(engine).actual.get(name, name)
    model = Base.metadata.tables[name]
    if found == name:
        return model
    copies = _TABLES.setdefault(engine, {})
    if name not in copies:
        copies[name] = model.to_metadata(MetaData(), name=found)
    return copies[name]


def expected_spelling(name: str, version: int | None) -> str:
    """How the OCS console of schema ``version`` spells our table ``name``."""
    renamed = Base.metadata.tables[name].info.get("renamed")
    if renamed is not None and version is not None and version >= renamed[1]:
        return str(renamed[0])
    return name


def misspelt(names: TableNames, version: int | None) -> list[tuple[str, str]]:
    """(found, expected) for tables the OCS console of ``version`` will not find here.

    Only a case-sensitive server can have them; twins are left out (which one holds the
    data is the administrator's call).
    """
    if not names.case_sensitive:
        return []
    wrong = []
    for ours, found in sorted(names.actual.items()):
        expected = expected_spelling(ours, version)
        if found != expected and ours not in names.twins:
            wrong.append((found, expected))
    return wrong


def fix_table_case(engine: Engine, version: str | None) -> list[tuple[str, str]]:
    """Rename the tables ``misspelt`` lists to the spelling schema ``version`` expects.

    ``version`` is the database's GUI_VERSION. Returns the (old, new) names renamed;
    nothing on a server that ignores case. The names come from our model and the
    database's own catalogue, quoted by the dialect.
    """
    number = int(version) if version is not None and version.isdigit() else None
    with engine.begin() as connection:
        names = read_table_names(connection)
        renames = misspelt(names, number)
        quote = connection.dialect.identifier_preparer.quote_identifier
        for old, new in renames:
            log.info("renaming table %s to %s", old, new)
            connection.exec_driver_sql(f"RENAME TABLE {quote(old)} TO {quote(new)}")
    table_names(engine, refresh=True)
    return renames
