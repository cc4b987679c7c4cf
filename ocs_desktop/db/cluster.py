"""What keeps an ``ocsweb`` database from replicating on a Galera cluster, and the fix.

Galera replicates InnoDB rows only, by primary key: a MyISAM or MEMORY table (the OCS
schema keeps ``locks``, ``conntrack``, ``prolog_conntrack`` and ``engine_mutex`` in
MEMORY) stays on the node that wrote it, and a table without a primary key replicates
slowly and can diverge. :func:`inspect_cluster` lists such tables on any MariaDB, cluster
or not; :func:`convert_tables` makes them InnoDB and gives each missing primary key one
(``db upgrade --cluster``, after its backup). It also says whether the writers' lock table
(``db.writer_lock``) exists and, on a Galera node, the node's state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from ocs_desktop.models.extensions import EXTENSION_METADATA, writer_lock

log = logging.getLogger(__name__)

#: The column added to a table that has no primary key and no column that could be one:
#: INVISIBLE, so ``SELECT *`` and ``INSERT`` without a column list (the OCS server's
#: Perl code) see the table as before.
ROW_ID = "OCSDESKTOP_ROW_ID"
REPLICATED_ENGINE = "InnoDB"


@dataclass(frozen=True)
class Unreplicated:
    """A table Galera would not replicate (wrong engine) or not safely (no primary key)."""

    table: str
    engine: str
    has_primary_key: bool

    def reasons(self) -> list[str]:
        found = []
        if self.engine.lower() != REPLICATED_ENGINE.lower():
            found.append(f"engine {self.engine}")
        if not self.has_primary_key:
            found.append("no primary key")
        return found


@dataclass(frozen=True)
class ClusterReport:
    """``db check --cluster``: the tables to convert and the node's Galera state."""

    supported: bool  # False on SQLite: nothing to report
    tables: tuple[Unreplicated, ...] = ()
    lock_table: bool = False
    galera: bool = False
    cluster_size: int | None = None
    node_state: str | None = None

    @property
    def ok(self) -> bool:
        return self.supported and not self.tables and self.lock_table

    def format(self) -> list[str]:
        if not self.supported:
            return ["Cluster: SQLite is one file on one machine; no cluster to check."]
        node = (
            f"Galera node, cluster of {self.cluster_size}, {self.node_state}"
            if self.galera
            else "not a Galera node (wsrep off)"
        )
        lines = [f"Cluster: {node}"]
        for table in self.tables:
            lines.append(f"  would not replicate: {table.table} ({', '.join(table.reasons())})")
        if not self.lock_table:
            lines.append(f"  missing: {writer_lock.name} (the writers' lock rows)")
        if self.ok:
            lines.append("Every table replicates (InnoDB, with a primary key).")
        else:
            lines.append("Run `ocs-desktop db upgrade --cluster URL` to convert (after a backup).")
        return lines


def _status(conn: Connection, name: str) -> str | None:
    row = conn.execute(text("SHOW GLOBAL STATUS LIKE :n"), {"n": name}).first()
    return None if row is None else str(row[1])


def unreplicated_tables(conn: Connection) -> list[Unreplicated]:
    """Base tables of the current database that are not InnoDB or lack a primary key."""
    rows = conn.execute(
        text(
            "SELECT t.TABLE_NAME, t.ENGINE, EXISTS (SELECT 1 FROM "
            "information_schema.TABLE_CONSTRAINTS k WHERE k.TABLE_SCHEMA = t.TABLE_SCHEMA "
            "AND k.TABLE_NAME = t.TABLE_NAME AND k.CONSTRAINT_TYPE = 'PRIMARY KEY') "
            "FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE() "
            "AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY t.TABLE_NAME"
        )
    )
    found = [Unreplicated(str(name), str(engine or "?"), bool(pk)) for name, engine, pk in rows]
    return [table for table in found if table.reasons()]


def inspect_cluster(engine: Engine) -> ClusterReport:
    """The :class:`ClusterReport` of the database behind ``engine`` (reads only)."""
    if engine.dialect.name == "sqlite":
        return ClusterReport(supported=False)
    with engine.connect() as conn:
        tables = tuple(unreplicated_tables(conn))
        lock_table = bool(
            conn.execute(
                text(
                    "SELECT COUNT(*) FROM information_schema.TABLES "
                    "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t"
                ),
                {"t": writer_lock.name},
            ).scalar()
        )
        wsrep = conn.execute(text("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")).first()
        galera = wsrep is not None and str(wsrep[1]).upper() == "ON"
        size = _status(conn, "wsrep_cluster_size") if galera else None
        state = _status(conn, "wsrep_local_state_comment") if galera else None
    return ClusterReport(True, tables, lock_table, galera, int(size) if size else None, state)


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _key_candidate(conn: Connection, table: str) -> list[str] | None:
    """The columns of a unique key whose columns are all NOT NULL (it can become the
    primary key as it is), or None."""
    rows = conn.execute(
        text(
            "SELECT s.INDEX_NAME, s.COLUMN_NAME, c.IS_NULLABLE "
            "FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c "
            "ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME "
            "AND c.COLUMN_NAME = s.COLUMN_NAME WHERE s.TABLE_SCHEMA = DATABASE() "
            "AND s.TABLE_NAME = :t AND s.NON_UNIQUE = 0 ORDER BY s.INDEX_NAME, s.SEQ_IN_INDEX"
        ),
        {"t": table},
    ).all()
    keys: dict[str, list[tuple[str, str]]] = {}
    for index, column, nullable in rows:
        keys.setdefault(str(index), []).append((str(column), str(nullable)))
    for columns in keys.values():
        if all(nullable == "NO" for _, nullable in columns):
            return [column for column, _ in columns]
    return None


def _auto_increment_column(conn: Connection, table: str) -> str | None:
    return conn.execute(
        text(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
            "AND TABLE_NAME = :t AND EXTRA LIKE '%auto_increment%'"
        ),
        {"t": table},
    ).scalar()


def _primary_key_clause(conn: Connection, table: str) -> str:
    """How to give ``table`` a primary key: a NOT NULL unique key promoted, the
    AUTO_INCREMENT column (which a table can have only one of), or an invisible
    ``OCSDESKTOP_ROW_ID``."""
    columns = _key_candidate(conn, table)
    if columns is None:
        serial = _auto_increment_column(conn, table)
        columns = [serial] if serial is not None else None
    if columns is not None:
        return f"ADD PRIMARY KEY ({', '.join(_quote(conn, c) for c in columns)})"
    return (
        f"ADD COLUMN {_quote(conn, ROW_ID)} BIGINT UNSIGNED NOT NULL AUTO_INCREMENT "
        f"INVISIBLE FIRST, ADD PRIMARY KEY ({_quote(conn, ROW_ID)})"
    )


def conversion(conn: Connection, table: Unreplicated) -> str:
    """The one ``ALTER TABLE`` that makes ``table`` replicate."""
    clauses = []
    if not table.has_primary_key:
        clauses.append(_primary_key_clause(conn, table.table))
    if table.engine.lower() != REPLICATED_ENGINE.lower():
        clauses.append(f"ENGINE={REPLICATED_ENGINE}")
    return f"ALTER TABLE {_quote(conn, table.table)} {', '.join(clauses)}"


def convert_tables(
    engine: Engine, progress: Callable[[int, int], object] | None = None
) -> list[str]:
    """Convert every table :func:`unreplicated_tables` lists and create the lock table;
    returns the statements run. Each ALTER is one DDL statement (on a cluster, applied by
    every node in the same order); a MEMORY table keeps its rows as they were."""
    done: list[str] = []
    with engine.connect() as conn:
        tables = unreplicated_tables(conn)
        for number, table in enumerate(tables, start=1):
            statement = conversion(conn, table)
            conn.execute(text(statement))
            conn.commit()
            log.info("cluster: %s", statement)
            done.append(statement)
            if progress is not None:
                progress(number, len(tables))
    EXTENSION_METADATA.create_all(engine, tables=[writer_lock], checkfirst=True)
    return done
