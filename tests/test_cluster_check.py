"""``db check --cluster`` lists every table a Galera cluster would not replicate, and
``db upgrade --cluster`` converts them after a backup, keeping their rows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.cli.main import main
from ocs_desktop.db.backup import backup_complete, drop_backup
from ocs_desktop.db.cluster import ROW_ID, inspect_cluster, unreplicated_tables
from tests.support.live_server import maria

__all__ = ["maria"]  # the fixture, imported for pytest

MEMORY_TABLES = ["conntrack", "engine_mutex", "locks", "prolog_conntrack"]


@pytest.fixture
def mixed(maria: tuple[str, Engine]) -> Iterator[tuple[str, Engine]]:
    """Our schema plus a MyISAM table, a table without any key and one whose only unique
    key could be the primary key, each holding rows."""
    url, engine = maria
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t_myisam (ID INT PRIMARY KEY, V VARCHAR(8)) ENGINE=MyISAM"))
        conn.execute(text("INSERT INTO t_myisam VALUES (1, 'a'), (2, 'b')"))
        conn.execute(text("CREATE TABLE t_nokey (A INT, B VARCHAR(8)) ENGINE=InnoDB"))
        conn.execute(text("INSERT INTO t_nokey VALUES (1, 'x'), (1, 'x'), (NULL, 'y')"))
        conn.execute(text("CREATE TABLE t_unique (A INT NOT NULL, UNIQUE KEY A (A)) ENGINE=MyISAM"))
        conn.execute(text("INSERT INTO t_unique VALUES (7)"))
    yield url, engine


def _engines(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = DATABASE()"
            )
        )
        return {str(name): str(kind) for name, kind in rows}


@pytest.mark.mariadb
def test_check_lists_every_table_that_would_not_replicate(
    mixed: tuple[str, Engine], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = mixed
    assert main(["db", "check", "--cluster", url]) == 1
    out = capsys.readouterr().out
    assert "Cluster: not a Galera node (wsrep off)" in out
    for table in MEMORY_TABLES:
        assert f"would not replicate: {table} (engine MEMORY)" in out
    assert "would not replicate: t_myisam (engine MyISAM)" in out
    assert "would not replicate: t_nokey (no primary key)" in out
    assert "would not replicate: t_unique (engine MyISAM, no primary key)" in out
    flagged = [line for line in out.splitlines() if "would not replicate" in line]
    assert len(flagged) == len(MEMORY_TABLES) + 3  # hardware & co are InnoDB with a key
    # Without --cluster the OCS check is unchanged: the schema itself is ours.
    assert main(["db", "check", url]) == 0
    assert "would not replicate" not in capsys.readouterr().out


@pytest.mark.mariadb
def test_upgrade_converts_after_a_backup_and_keeps_every_row(
    mixed: tuple[str, Engine], capsys: pytest.CaptureFixture[str]
) -> None:
    url, engine = mixed
    assert main(["db", "upgrade", "--cluster", url]) == 0
    out = capsys.readouterr().out
    backup = next(line.split()[1] for line in out.splitlines() if line.startswith("Backup: "))
    try:
        assert backup_complete(engine, backup)
        with engine.connect() as conn:
            # The backup holds the tables as they were, rows included.
            kept = conn.execute(text(f"SELECT COUNT(*) FROM `{backup}`.t_nokey")).scalar()
            assert kept == 3
        assert "Cluster: 7 tables converted" in out
        assert unreplicated_tables(engine.connect()) == []
        engines = _engines(engine)
        assert {engines[t] for t in [*MEMORY_TABLES, "t_myisam", "t_unique"]} == {"InnoDB"}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT * FROM t_nokey ORDER BY B, A")).all() == [
                (1, "x"),
                (1, "x"),
                (None, "y"),
            ]  # the added key is invisible to SELECT *
            assert conn.execute(
                text(f"SELECT {ROW_ID} FROM t_nokey ORDER BY 1")
            ).scalars().all() == [
                1,
                2,
                3,
            ]
            conn.execute(text("INSERT INTO t_nokey VALUES (4, 'z')"))  # no column list, as OCS
            key = conn.execute(
                text(
                    "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE "
                    "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't_unique' "
                    "AND CONSTRAINT_NAME = 'PRIMARY'"
                )
            ).scalar()
            assert key == "A"  # the NOT NULL unique key became the primary key
            assert conn.execute(text("SELECT COUNT(*) FROM t_myisam")).scalar() == 2
        report = inspect_cluster(engine)
        assert report.ok and report.lock_table and not report.galera
        assert main(["db", "check", "--cluster", url]) == 0
        assert "Every table replicates" in capsys.readouterr().out
        # Again: nothing left to convert, and no second backup.
        assert main(["db", "upgrade", "--cluster", url]) == 0
        again = capsys.readouterr().out
        assert "Cluster: 0 tables converted" in again and "Backup: " not in again
    finally:
        drop_backup(engine, backup)


def test_sqlite_has_no_cluster_to_check(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    path = f"{tmp_path}/ocsweb.sqlite"
    assert main(["db", "init", path]) == 0
    capsys.readouterr()
    assert main(["db", "check", "--cluster", path]) == 0
    assert "SQLite is one file on one machine" in capsys.readouterr().out
    assert main(["db", "upgrade", "--cluster", path]) == 0
    assert "nothing to convert" in capsys.readouterr().out
