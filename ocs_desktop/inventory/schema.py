"""What the database being written really has, read once per Ingestor.

An OCS 2.8 database lacks columns and tables added later (``software.ARCHITECTURE``,
``local_users``), and every OCS install is utf8mb3, which rejects 4-byte characters: the
writers shape values for this database, not for the model.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, inspect, text

from ocs_desktop.db.engines import is_mysql
from ocs_desktop.models import Base


class Schema:
    """The columns present and the character range of one database."""

    def __init__(self, engine: Engine, tables: Iterable[str]) -> None:
        self.dialect = engine.dialect
        self.is_mysql = is_mysql(engine.url)
        self.bmp_only = _bmp_only(engine)
        #: The driver the shaped values go to (see RowShaper's ``driver_values``).
        self.driver_values = "sqlite" if engine.dialect.name == "sqlite" else ""
        self.present = _present_columns(engine, tables)

    def columns(self, table: str, *, leaving_out: Iterable[str] = ()) -> list[str]:
        """The mapped columns ``table`` has here, in mapped order, except ``leaving_out``."""
        left_out = set(leaving_out)
        return [name for name in self.present[table] if name not in left_out]


def _present_columns(engine: Engine, names: Iterable[str]) -> dict[str, list[str]]:
    """The mapped columns of each table this database really has, in mapped order; tables
    it lacks are left out."""
    inspector = inspect(engine)
    tables = Base.metadata.tables
    existing = set(inspector.get_table_names())
    present = {}
    for name in set(names) & existing:
        found = {column["name"] for column in inspector.get_columns(name)}
        present[name] = [column for column in tables[name].c.keys() if column in found]
    return present


def _bmp_only(engine: Engine) -> bool:
    """True for utf8mb3 databases (every OCS install), which reject 4-byte characters."""
    if not is_mysql(engine.url):
        return False
    with engine.connect() as conn:
        count = conn.execute(
            text(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                "AND TABLE_COLLATION NOT LIKE 'utf8mb4%'"
            )
        ).scalar()
    return bool(count)
