"""Creating and checking databases, on SQLite and MariaDB, from the core and the command line."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select, text, update

from ocs_desktop.cli.main import main
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import check_database, init_database, schema_version
from ocs_desktop.db.seed import DEFAULT_ADMIN_PASSWD, SEED_ROWS
from ocs_desktop.models import Base, BlacklistSerial, Config, Operator, SoftwarePublisher
from ocs_desktop.models.extensions import EXTENSION_METADATA
from tests.support.reference_schema import drop_database

UNREACHABLE = "mysql://root:topsecret@127.0.0.1:1/ocsweb"


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.scalar(select(func.count()).select_from(Base.metadata.tables[name]))
            or 0
            for name in SEED_ROWS
        }


def _run(engine: Engine, *statements: str) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def test_init_creates_every_table_and_the_seed_rows(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) == set(Base.metadata.tables) | set(
        EXTENSION_METADATA.tables
    )
    assert _counts(engine) == {name: len(rows) for name, rows in SEED_ROWS.items()}
    with engine.connect() as connection:
        admin = connection.execute(select(Operator).where(Operator.ID == "admin")).one()
        assert admin.PASSWD == DEFAULT_ADMIN_PASSWD and admin.PASSWORD_VERSION == 2
        unavailable = select(SoftwarePublisher.PUBLISHER).where(SoftwarePublisher.ID == 1)
        assert connection.scalar(unavailable) == "Unavailable"
    assert schema_version(engine) == "7069"


def test_init_twice_changes_nothing(engine: Engine) -> None:
    before = _counts(engine)
    report = init_database(engine)
    assert not report.changed
    assert report.created_tables == () and report.seeded_rows == ()
    assert _counts(engine) == before


def test_init_keeps_changed_rows_and_avoids_key_clashes(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(update(Config).where(Config.NAME == "FREQUENCY").values(IVALUE=5))
        connection.execute(text("DELETE FROM blacklist_serials WHERE ID IN (3, 27)"))
        # The same serial under another id: re-seeding row 27 would break the unique key.
        connection.execute(text("INSERT INTO blacklist_serials (ID, SERIAL) VALUES (200, 'EVAL')"))
    report = init_database(engine)
    assert report.seeded_rows == (("blacklist_serials", 1),)
    with engine.connect() as connection:
        assert connection.scalar(select(Config.IVALUE).where(Config.NAME == "FREQUENCY")) == 5
        serials = dict(connection.execute(select(BlacklistSerial.ID, BlacklistSerial.SERIAL)).all())
    assert serials[3] == "INVALID" and serials[200] == "EVAL" and 27 not in serials


def test_init_adds_a_missing_table_only(engine: Engine) -> None:
    _run(engine, "DROP TABLE bios", "UPDATE config SET IVALUE = 3 WHERE NAME = 'PROLOG_FREQ'")
    report = init_database(engine)
    assert report.created_tables == ("bios",) and report.seeded_rows == ()
    assert schema_version(engine) == "7069"


def test_check_fresh_database_is_ok(engine: Engine) -> None:
    report = check_database(engine)
    assert report.ok and report.version == "7069"
    assert report.present_tables == report.expected_tables == 105
    assert (report.missing_tables, report.missing_columns, report.incompatible_columns) == (
        (),
        (),
        (),
    )
    assert report.warnings == () and report.not_in_version == ()
    assert report.accountinfo_fields == ()
    assert report.format()[-1] == "Result: OK"


def test_check_reports_a_dropped_column(engine: Engine) -> None:
    _run(engine, "ALTER TABLE hardware DROP COLUMN WINOWNER")
    report = check_database(engine)
    assert not report.ok
    assert report.missing_columns == ("hardware.WINOWNER",)
    assert report.missing_tables == () and report.incompatible_columns == ()
    assert "  missing column: hardware.WINOWNER" in report.format()


def test_check_reports_a_dropped_table(engine: Engine) -> None:
    _run(engine, "DROP TABLE bios")
    report = check_database(engine)
    assert not report.ok
    assert report.missing_tables == ("bios",) and report.missing_columns == ()
    assert report.present_tables == 104


def test_check_type_families(engine: Engine) -> None:
    _run(
        engine,
        "ALTER TABLE memories DROP COLUMN CAPACITY",
        "ALTER TABLE memories ADD COLUMN CAPACITY VARCHAR(255)",
        "ALTER TABLE bios DROP COLUMN SMODEL",
        "ALTER TABLE bios ADD COLUMN SMODEL VARCHAR(20)",
        "ALTER TABLE hardware DROP COLUMN PROCESSORN",
        "ALTER TABLE hardware ADD COLUMN PROCESSORN BIGINT",
    )
    report = check_database(engine)
    assert not report.ok
    assert [m.column for m in report.incompatible_columns] == ["memories.CAPACITY"]
    assert "INTEGER" in report.incompatible_columns[0].ours
    assert "VARCHAR(255)" in report.incompatible_columns[0].theirs
    # A shorter text column only warns; another integer width is fine.
    assert len(report.warnings) == 1 and report.warnings[0].startswith("bios.SMODEL")


def test_check_knows_older_schema_versions(engine: Engine) -> None:
    _run(
        engine,
        "UPDATE config SET TVALUE = '7039' WHERE NAME = 'GUI_VERSION'",
        "DROP TABLE layouts",
        "ALTER TABLE software DROP COLUMN ARCHITECTURE",
        "ALTER TABLE memories DROP COLUMN CAPACITY",
        "ALTER TABLE memories ADD COLUMN CAPACITY VARCHAR(255)",
    )
    report = check_database(engine)
    assert report.ok and report.version == "7039"
    assert report.not_in_version == ("layouts", "software.ARCHITECTURE")
    assert any(w.startswith("memories.CAPACITY") for w in report.warnings)


def test_check_lists_admin_fields(engine: Engine) -> None:
    _run(
        engine,
        "ALTER TABLE accountinfo ADD COLUMN fields_10 VARCHAR(255)",
        "ALTER TABLE accountinfo ADD COLUMN fields_3 DATE",
    )
    report = check_database(engine)
    assert report.ok and report.accountinfo_fields == ("fields_3", "fields_10")
    assert "Admin fields (accountinfo): fields_3, fields_10" in report.format()


def test_check_empty_database(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        assert schema_version(engine) is None
        report = check_database(engine)
    finally:
        engine.dispose()
    assert not report.ok and report.version is None
    assert len(report.missing_tables) == 105 and report.present_tables == 0


# --- command line -----------------------------------------------------------------------


def test_cli_init_then_check(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "init", db_url]) == 0
    out = capsys.readouterr().out
    assert (
        f"Created {len(Base.metadata.tables) + len(EXTENSION_METADATA.tables)} tables." in out
        and "Inserted 175 default rows" in out
    )
    assert main(["db", "init", db_url]) == 0
    assert "All tables already existed." in capsys.readouterr().out
    assert main(["db", "check", db_url]) == 0
    out = capsys.readouterr().out
    assert "Schema version (GUI_VERSION): 7069" in out and "Result: OK" in out


def test_cli_check_exit_1_when_something_is_missing(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(engine, "DROP TABLE software")
    url = engine.url.render_as_string(hide_password=False)
    assert main(["db", "check", url]) == 1
    assert "missing table: software" in capsys.readouterr().out


def test_cli_exit_2_when_unreachable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("check", "init"):
        assert main(["db", action, UNREACHABLE]) == 2
        captured = capsys.readouterr()
        assert "cannot connect to mysql+pymysql://root:***@127.0.0.1:1/ocsweb" in captured.err
        assert "topsecret" not in captured.err + captured.out
        assert "Traceback" not in captured.err
    missing = tmp_path / "missing.sqlite"
    assert main(["db", "check", str(missing)]) == 2
    assert "no such database file" in capsys.readouterr().err
    assert not missing.exists()  # a check never creates anything


@pytest.mark.mariadb
def test_cli_init_creates_the_mysql_database(
    mysql_server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{mysql_server_url.split('?')[0].rstrip('/')}/ocs_test_{secrets.token_hex(4)}"
    try:
        assert main(["db", "init", url]) == 0
        assert "Created database" in capsys.readouterr().out
        engine = create_engine_for(url)
        with engine.connect() as connection:
            charset = connection.scalar(text("SELECT @@character_set_database"))
        engine.dispose()
        assert charset == "utf8mb4"
    finally:
        drop_database(url)
