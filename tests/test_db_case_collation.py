"""Table-name letter case and MySQL 8 collations: ``db check`` and ``db init`` on real databases.

A database may spell ``schedule_WOL`` as ``schedule_wol`` (a Windows server or dump, or the
2.12 console's update 7070), and a MySQL 8 dump loaded into MariaDB has its
``utf8mb4_0900_ai_ci`` replaced. Neither makes the database unusable; see
``ocs_desktop.db.table_names`` for what we do about the first.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, inspect, select, text

from ocs_desktop.cli.main import main
from ocs_desktop.db.engines import create_database_if_missing, create_engine_for
from ocs_desktop.db.schema import check_database, init_database
from ocs_desktop.db.table_names import casing, read_table_names, table_for, table_names
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory
from tests.support.builders import FIRST
from tests.support.reference_schema import drop_database
from tests.support.services import mysql_database_url

WOL = "schedule_WOL"


def _run(engine: Engine, *statements: str) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _case_sensitive(engine: Engine) -> None:
    with engine.connect() as connection:
        if casing(connection) != 0:
            pytest.skip("this MariaDB ignores table-name case (lower_case_table_names != 0)")


@pytest.fixture
def mariadb(mysql_server_url: str) -> Iterator[Engine]:
    """A fresh database made by ``db init`` on MariaDB (the engine fixture, MariaDB only)."""
    url = mysql_database_url(mysql_server_url, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(url)
    engine = create_engine_for(url)
    try:
        init_database(engine)
        yield engine
    finally:
        engine.dispose()
        drop_database(url)


# --- table names --------------------------------------------------------------------------


@pytest.mark.mariadb
def test_the_server_here_compares_table_names_as_written(mariadb: Engine) -> None:
    with mariadb.connect() as connection:
        assert connection.execute(text("SELECT @@lower_case_table_names")).scalar() == 0
        assert casing(connection) == 0


@pytest.mark.mariadb
def test_a_windows_dump_of_a_2_11_database_is_usable_and_fixable(mariadb: Engine) -> None:
    """schedule_wol on a case-sensitive server, schema 7069: the 2.11 console reads
    schedule_WOL, so it is a warning with the command that fixes it; never a missing table."""
    _case_sensitive(mariadb)
    _run(mariadb, f"RENAME TABLE `{WOL}` TO `schedule_wol`")
    report = check_database(mariadb)
    assert report.ok, report.format()
    assert report.missing_tables == () and report.present_tables == 105
    assert report.case_only == (
        "table schedule_wol (ours schedule_WOL); this server compares table names as written",
    )
    (warning,) = report.warnings
    assert warning.startswith("table schedule_wol: the OCS console of schema 7069 reads ")
    assert "'ocs-desktop db fix-table-case URL'" in warning
    assert "  letter case differs, used as found: table schedule_wol" in "\n".join(report.format())

    again = init_database(mariadb)  # no twin table beside the one found
    assert again.created_tables == () and WOL not in _tables(mariadb)

    # Our code reads and writes the table under the name found.
    wol = table_for(mariadb, WOL)
    assert wol.name == "schedule_wol" and Base.metadata.tables[WOL].name == WOL
    with mariadb.begin() as connection:
        connection.execute(insert(wol).values(MACHINE_ID="7", WOL_DATE="2026-01-02 03:04:05"))
    with mariadb.connect() as connection:
        assert connection.execute(select(wol.c.MACHINE_ID)).scalars().all() == ["7"]

    assert main(["db", "fix-table-case", mariadb.url.render_as_string(hide_password=False)]) == 0
    assert WOL in _tables(mariadb) and "schedule_wol" not in _tables(mariadb)
    fixed = check_database(mariadb)
    assert fixed.case_only == () and fixed.warnings == ()
    with mariadb.connect() as connection:  # the rows moved with the table
        rows = connection.execute(select(Base.metadata.tables[WOL].c.MACHINE_ID)).all()
    assert rows == [("7",)]
    # Names are read once per engine: one that saw the old name re-reads them on request.
    assert table_for(mariadb, WOL).name == "schedule_wol"
    table_names(mariadb, refresh=True)
    assert table_for(mariadb, WOL) is Base.metadata.tables[WOL]


@pytest.mark.mariadb
def test_the_2_12_spelling_is_expected_from_schema_7070(
    mariadb: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    _case_sensitive(mariadb)
    _run(
        mariadb,
        f"RENAME TABLE `{WOL}` TO `schedule_wol`",
        "UPDATE config SET TVALUE = '7081' WHERE NAME = 'GUI_VERSION'",
    )
    report = check_database(mariadb)
    assert report.ok and report.case_only and report.missing_tables == ()
    assert not any("schedule_wol" in warning for warning in report.warnings)
    assert main(["db", "fix-table-case", mariadb.url.render_as_string(hide_password=False)]) == 0
    assert "No table to rename." in capsys.readouterr().out
    assert "schedule_wol" in _tables(mariadb)


@pytest.mark.mariadb
def test_twin_tables_are_a_warning_and_ours_is_used(mariadb: Engine) -> None:
    _case_sensitive(mariadb)
    _run(mariadb, f"CREATE TABLE schedule_wol LIKE `{WOL}`")
    with mariadb.connect() as connection:
        names = read_table_names(connection)
    assert names.actual[WOL] == WOL and names.twins == {WOL: ("schedule_wol",)}
    report = check_database(mariadb)
    assert report.ok and report.case_only == ()
    assert report.warnings == (
        "tables schedule_WOL, schedule_wol differ only in letter case; we use schedule_WOL: "
        "keep the one the OCS console uses and move its rows",
    )
    assert table_for(mariadb, WOL) is Base.metadata.tables[WOL]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_ignores_table_name_case(engine: Engine) -> None:
    _run(
        engine, f"ALTER TABLE {WOL} RENAME TO wol_tmp", "ALTER TABLE wol_tmp RENAME TO schedule_wol"
    )
    report = check_database(engine)
    assert report.ok and report.warnings == () and report.missing_tables == ()
    assert report.case_only == (
        "table schedule_wol (ours schedule_WOL); this server ignores letter case in table names",
    )
    assert init_database(engine).created_tables == ()
    assert "schedule_wol" in _tables(engine) and WOL not in _tables(engine)


def test_fix_table_case_leaves_sqlite_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    assert main(["db", "fix-table-case", str(missing)]) == 0
    assert "nothing to do" in capsys.readouterr().out and not missing.exists()


def test_a_column_spelt_in_other_case_is_the_same_column(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        _run(engine, "ALTER TABLE hardware RENAME COLUMN UUID TO uuid_tmp")
        _run(engine, "ALTER TABLE hardware RENAME COLUMN uuid_tmp TO uuid")
    else:
        _run(engine, "ALTER TABLE hardware CHANGE UUID uuid VARCHAR(255) NULL")
    report = check_database(engine)
    assert report.ok, report.format()
    assert report.missing_columns == ()
    assert report.case_only == ("column hardware.uuid (ours hardware.UUID)",)


def test_table_names_are_read_once_per_engine(engine: Engine) -> None:
    first = table_names(engine)
    assert table_names(engine) is first
    assert table_names(engine, refresh=True) is not first
    assert first.actual[WOL] == WOL and first.case_only() == []


# --- MySQL 8 dumps and collations --------------------------------------------------------


def _mysql8_dump(engine: Engine) -> list[str]:
    """Our schema as MySQL 8.0 mysqldump writes it: utf8mb4_0900_ai_ci, int without width."""
    statements = ["/*!40101 SET NAMES utf8mb4 */", "SET FOREIGN_KEY_CHECKS = 0"]
    with engine.connect() as connection:
        for table in sorted(Base.metadata.tables):
            ddl = connection.execute(text(f"SHOW CREATE TABLE `{table}`")).one()[1]
            ddl = ddl.replace("utf8mb4_general_ci", "utf8mb4_0900_ai_ci")
            ddl = ddl.replace("int(11)", "int").replace("bigint(20)", "bigint")
            statements.append(ddl)
        statements += [
            "INSERT INTO config (NAME, IVALUE, TVALUE, COMMENTS) VALUES "
            "('GUI_VERSION', 0, '7069', 'Version of the installed GUI and database')",
            # A column the administrator gave its own collation, as MySQL 8 writes it.
            "ALTER TABLE bios MODIFY SSN varchar(255) CHARACTER SET utf8mb4 "
            "COLLATE utf8mb4_0900_ai_ci DEFAULT NULL",
        ]
    return statements


@pytest.mark.mariadb
@pytest.mark.parametrize("replacement", ["utf8mb4_general_ci", "utf8mb4_unicode_ci"])
def test_a_mysql_8_dump_with_the_usual_collation_replacement_checks_ok(
    mariadb: Engine, mysql_server_url: str, replacement: str
) -> None:
    dump = [line.replace("utf8mb4_0900_ai_ci", replacement) for line in _mysql8_dump(mariadb)]
    assert all("0900" not in line for line in dump) and any(replacement in line for line in dump)
    url = mysql_database_url(mysql_server_url, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(url)
    loaded = create_engine_for(url)
    try:
        _run(loaded, *dump)
        with loaded.connect() as connection:
            collations = connection.execute(
                text(
                    "SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES "
                    "WHERE TABLE_SCHEMA = DATABASE()"
                )
            ).scalars()
            assert set(collations) == {replacement}
        report = check_database(loaded)
        assert report.ok, report.format()
        assert report.warnings == () and report.missing_columns == ()
        assert report.version == "7069" and report.present_tables == 105
        # And it is usable: an inventory lands (our own tables, added now, are general_ci).
        result = Ingestor(loaded).ingest(parse_inventory(FIRST.read_bytes()))
        with loaded.connect() as connection:
            count = connection.execute(
                text("SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :id"),
                {"id": result.hardware_id},
            ).scalar()
        assert count == 899
    finally:
        loaded.dispose()
        drop_database(url)


@pytest.mark.mariadb
def test_column_charset_and_collation_differences_are_at_most_warnings(mariadb: Engine) -> None:
    _run(
        mariadb,
        "ALTER TABLE bios MODIFY SSN varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
        "ALTER TABLE hardware MODIFY NAME varchar(255) CHARACTER SET utf8mb3 "
        "COLLATE utf8mb3_unicode_ci",
        "ALTER TABLE networks MODIFY DESCRIPTION varchar(255) CHARACTER SET latin1 "
        "COLLATE latin1_swedish_ci",
    )
    report = check_database(mariadb)
    assert report.ok, report.format()
    assert report.warnings == (
        "networks.DESCRIPTION is in character set latin1: text outside it cannot be stored",
    )
