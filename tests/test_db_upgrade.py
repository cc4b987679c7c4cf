"""``db upgrade`` and ``db restore`` on databases built as OCS 2.3 to 2.12 left them.

Every upgrade is checked the same way: ``db check`` passes after it, every machine has
exactly the software it had (names, versions, publishers, install dates), and the backup
it took restores the database to the very tables it started from.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, Table, inspect, text

from ocs_desktop.cli.main import main
from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db import upgrade as upgrade_module
from ocs_desktop.db.backup import (
    BackupError,
    backup_complete,
    default_location,
    drop_backup,
    restore_backup,
    take_backup,
)
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import check_database, init_database
from ocs_desktop.db.schema_upgrade import missing_objects, seed_empty
from ocs_desktop.db.seed import SEED_ROWS
from ocs_desktop.db.software_migration import (
    MigrationError,
    Verification,
    copy_range,
    fill_dictionaries,
    legacy_table,
    plan_batches,
)
from ocs_desktop.db.upgrade import (
    COPYING,
    STATE_BACKUP,
    STATE_COPIED,
    UpgradeError,
    read_state,
    upgrade_database,
)
from ocs_desktop.models import Base
from tests.support.builders import FIRST
from tests.support.db_facts import assert_exact
from tests.support.legacy_schema import (
    LegacyFleet,
    dates_by_machine,
    details_by_machine,
    legacy_database,
    software_by_machine,
    table_checksums,
)

BACKENDS = ["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)]


def _server(request: pytest.FixtureRequest, backend: str) -> str | None:
    return None if backend == "sqlite" else request.getfixturevalue("mysql_server_url")


@pytest.fixture(params=BACKENDS)
def legacy(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Engine, LegacyFleet]]:
    """A schema 7006 database (OCS 2.3) of 6 machines of 30 software rows each."""
    with legacy_database(request.param, tmp_path, _server(request, request.param), 7006) as made:
        yield made


@pytest.fixture
def legacy_sqlite(tmp_path: Path) -> Iterator[tuple[Engine, LegacyFleet]]:
    with legacy_database("sqlite", tmp_path, None, 7006) as made:
        yield made


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _version(engine: Engine) -> str:
    with engine.connect() as conn:
        found = conn.execute(text("SELECT TVALUE FROM config WHERE NAME = 'GUI_VERSION'"))
        return str(found.scalar_one())


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _software_rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM software")).scalar_one())


def _assert_upgraded(engine: Engine, fleet: LegacyFleet) -> None:
    """Our schema, every machine's software as it was, nothing of the run left behind."""
    assert check_database(engine).ok
    assert _version(engine) == "7069"
    assert "softwares" not in _tables(engine)
    assert software_by_machine(engine) == fleet.software
    assert dates_by_machine(engine) == fleet.dates
    assert details_by_machine(engine) == fleet.details
    assert_exact(engine)
    with engine.connect() as conn:  # empty publishers and versions went to "Unavailable"
        for kind, column in (("publisher", "PUBLISHER"), ("version", "VERSION")):
            empty = f"SELECT COUNT(*) FROM software_{kind} WHERE {column} = '' OR {column} IS NULL"
            assert conn.execute(text(empty)).scalar_one() == 0
    with engine.connect() as conn:
        assert read_state(conn) == {}
        indexes = [index["column_names"] for index in inspect(conn).get_indexes("software")]
    # The indexes set aside while the rows moved are back, the console's too.
    wanted = [[c.name for c in i.columns] for i in Base.metadata.tables["software"].indexes]
    assert all(columns in indexes for columns in wanted)
    assert ["NAME_ID", "HARDWARE_ID"] in indexes


# -- the whole upgrade -----------------------------------------------------------------


def test_upgrade_of_a_pre_2_8_database_keeps_every_machines_software(
    legacy: tuple[Engine, LegacyFleet], caplog: pytest.LogCaptureFixture
) -> None:
    engine, fleet = legacy
    before = table_checksums(engine)
    caplog.set_level(logging.INFO, logger="ocs_desktop.db")
    report = upgrade_database(engine, batch_rows=40)
    _assert_upgraded(engine, fleet)
    assert (report.from_version, report.to_version) == ("7006", "7069")
    assert report.final is not None and report.final.ok and not report.resumed
    assert report.repaired == ()
    assert "dropped softwares" in caplog.text and "database upgraded to schema 7069" in caplog.text
    assert "schema upgraded: 38 tables created" in caplog.text
    assert f"backed up {engine.url.database}" in caplog.text
    assert report.software is not None and report.software.ok
    assert (report.software.machines, report.software.rows) == (6, fleet.rows)
    assert {"software", "software_name", "batteries", "layouts"} <= set(
        report.schema.created_tables
    )
    assert {"devices.ID", "deleted_equiv.ID", "subnet.PK", "hardware.ARCHIVE"} <= set(
        report.schema.added_columns
    )
    # Every seeded table was empty or new, bar config (complete) and operators (never).
    assert report.schema.seeded_rows == sum(
        len(rows) for name, rows in SEED_ROWS.items() if name not in ("config", "operators")
    )
    sqlite = engine.dialect.name == "sqlite"  # MySQL adds key columns in place
    rebuilt = {"devices", "deleted_equiv", "subnet"} if sqlite else set()
    assert set(report.schema.rebuilt_tables) == rebuilt
    with engine.connect() as conn:
        # Rows of tables that gained a key are kept, each with a fresh id.
        devices = conn.execute(text("SELECT ID, HARDWARE_ID, IVALUE FROM devices ORDER BY ID"))
        assert [tuple(row) for row in devices] == [
            (n + 1, machine, n) for n, machine in enumerate(fleet.machines)
        ]
        assert conn.execute(text("SELECT NETID, NAME FROM subnet")).all() == [("10.0.0.0", "LAN")]
        # No default admin appears beside the administrators the database had.
        assert conn.execute(text("SELECT ID FROM operators")).scalars().all() == ["jdoe"]
        for kind, column in (("publisher", "PUBLISHER"), ("version", "VERSION")):
            unavailable = f"SELECT {column} FROM software_{kind} WHERE ID = 1"
            assert conn.execute(text(unavailable)).scalar_one() == "Unavailable"
    assert report.backup is not None and backup_complete(engine, report.backup.location)
    assert restore_backup(engine, report.backup.location) == len(before)
    assert table_checksums(engine) == before


def test_cli_upgrade_prints_a_restore_command_that_works(
    legacy: tuple[Engine, LegacyFleet], capsys: pytest.CaptureFixture[str]
) -> None:
    engine, fleet = legacy
    before = table_checksums(engine)
    assert main(["db", "upgrade", _url(engine), "--batch-rows", "25"]) == 0
    captured = capsys.readouterr()
    assert "Schema: 7006 (OCS Inventory NG 2.3.x or earlier) -> 7069" in captured.out
    assert f"Software: {fleet.rows} rows of 6 machines moved" in captured.out
    assert "\ndb check: OK\n" in captured.out
    assert "(taken before any change)" in captured.out
    assert "Tables created: 38; columns added: 19; renamed: 0; tables rebuilt: " in captured.out
    assert "Software summary: rebuilt, " in captured.out
    drop = next(line for line in captured.out.splitlines() if line.startswith("When satisfied"))
    assert "Copied again" not in captured.out
    for phase in ("Backing up", "Upgrading the schema", "Filling the software dictionaries"):
        assert f"{phase}: 100%" in captured.err
    assert "Moving software: 100%" in captured.err and "Summarizing software: 100%" in captured.err
    undo = next(line for line in captured.out.splitlines() if line.startswith("To undo: "))
    _assert_upgraded(engine, fleet)
    command = shlex.split(undo.removeprefix("To undo: "))
    assert command[:3] == ["ocs-desktop", "db", "restore"]
    engine.dispose()
    assert main(command[1:]) == 0
    assert "Schema version (GUI_VERSION): 7006" in capsys.readouterr().out
    assert table_checksums(engine) == before
    assert main(["db", "check", _url(engine)]) == 1  # outdated again, as it was
    capsys.readouterr()
    # The printed command deletes the backup, and only once.
    command = shlex.split(drop.split(": ", 1)[1])
    assert command[:3] == ["ocs-desktop", "db", "drop-backup"]
    assert main(command[1:]) == 0
    assert "Dropped the backup" in capsys.readouterr().out
    assert not backup_complete(engine, command[-1])
    assert main(command[1:]) == 1
    assert "nothing d" in capsys.readouterr().err  # deleted / dropped
    assert table_checksums(engine) == before


def test_a_current_database_needs_nothing(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    before = table_checksums(engine)
    report = upgrade_database(engine)
    assert report.backup is None and report.to_version == "7069"
    assert not report.resumed and report.summary_entries == 0 and report.software is None
    assert report.schema.seeded_rows == 0 and report.schema.created_tables == ()
    assert main(["db", "upgrade", _url(engine)]) == 0
    assert "nothing to upgrade" in capsys.readouterr().out
    assert table_checksums(engine) == before


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_of_a_2_9_database_adds_what_came_later(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    with legacy_database(backend, tmp_path, _server(request, backend), 7057) as (engine, fleet):
        assert check_database(engine).ok  # older, but it has all we use
        assert "layouts" not in _tables(engine)
        report = upgrade_database(engine)
        assert report.software is None and report.from_version == "7057"
        assert {"layouts", "history", "reports_notifications"} <= set(report.schema.created_tables)
        assert software_by_machine(engine) == fleet.software
        assert check_database(engine).ok and _version(engine) == "7069"
        assert not check_database(engine).not_in_version


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_newer_database_is_left_alone(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    with legacy_database(backend, tmp_path, _server(request, backend), 7078) as (engine, _):
        before = table_checksums(engine)
        report = upgrade_database(engine)
        assert report.backup is None and report.to_version == "7078"
        assert table_checksums(engine) == before


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_renamed_column_keeps_its_values(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """7065 renamed layouts.USER to CREATOR."""
    with legacy_database(backend, tmp_path, _server(request, backend), 7063) as (engine, _):
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE layouts ADD COLUMN USER VARCHAR(255)"))
            conn.execute(
                text(
                    "INSERT INTO layouts (LAYOUT_NAME, USER, TABLE_NAME, VISIBLE_COL) "
                    "VALUES ('mine', 'jdoe', 't', 'c')"
                )
            )
        report = upgrade_database(engine)
        assert report.schema.renamed_columns == ("layouts.CREATOR",)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT CREATOR FROM layouts")).scalar_one() == "jdoe"
            assert "USER" not in {c["name"] for c in inspect(conn).get_columns("layouts")}


def test_missing_objects_are_the_models_tables_and_columns_absent(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE bios"))
        conn.execute(text("ALTER TABLE hardware DROP COLUMN WINPRODKEY"))
        assert missing_objects(conn) == ["bios", "hardware.WINPRODKEY"]


def test_an_empty_operators_table_gets_no_default_account(
    legacy_sqlite: tuple[Engine, LegacyFleet],
) -> None:
    engine, fleet = legacy_sqlite
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM operators"))
    upgrade_database(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM operators")).scalar_one() == 0
    _assert_upgraded(engine, fleet)


# -- interrupted, resumed ----------------------------------------------------------------


def test_a_column_renamed_later_is_added_where_it_never_was(tmp_path: Path) -> None:
    """Without its former name, layouts.CREATOR is added (nullable on SQLite, where a NOT
    NULL column without a default cannot be added to a table holding rows)."""
    with legacy_database("sqlite", tmp_path, None, 7063) as (engine, _):
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO layouts (LAYOUT_NAME, TABLE_NAME, VISIBLE_COL) "
                    "VALUES ('a', 't', 'c')"
                )
            )
        report = upgrade_database(engine)
        assert "layouts.CREATOR" in report.schema.added_columns
        assert report.schema.renamed_columns == ()
        assert check_database(engine).ok


def test_a_table_rebuilt_on_sqlite_keeps_its_rows_and_own_columns(tmp_path: Path) -> None:
    """SQLite cannot add a key column: the table is made anew around its rows, with the
    columns the model lacks kept and the ones the rows lack nullable."""
    with legacy_database("sqlite", tmp_path, None, 7063) as (engine, _):
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE layouts"))
            conn.execute(
                text(
                    "CREATE TABLE layouts (LAYOUT_NAME VARCHAR(255), TABLE_NAME VARCHAR(255), "
                    "DESCRIPTION VARCHAR(255), VISIBLE_COL TEXT, NOTE VARCHAR(20))"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO layouts VALUES ('mine', 't', NULL, 'a,b', 'kept'), "
                    "('yours', 'u', 'd', 'c', NULL)"
                )
            )
        report = upgrade_database(engine)
        assert report.schema.rebuilt_tables == ("layouts",)
        assert {"layouts.ID", "layouts.CREATOR"} <= set(report.schema.added_columns)
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT ID, LAYOUT_NAME, NOTE, CREATOR FROM layouts ORDER BY ID")
            )
            assert rows.all() == [(1, "mine", "kept", None), (2, "yours", None, None)]
        assert check_database(engine).ok
        assert not [name for name in _tables(engine) if "old" in name]


def test_a_cancelled_upgrade_is_refused_until_run_again(
    legacy: tuple[Engine, LegacyFleet], capsys: pytest.CaptureFixture[str]
) -> None:
    engine, fleet = legacy
    before = table_checksums(engine)
    seen: list[tuple[str, int, int]] = []
    indexes: list[list[str]] = []

    def stop_after_first_batch(phase: str, done: int, total: int) -> bool:
        seen.append((phase, done, total))
        if phase == COPYING:  # while the rows move, only the HARDWARE_ID index is kept
            with engine.connect() as conn:
                indexes.extend(i["column_names"] for i in inspect(conn).get_indexes("software"))
        return not (phase == COPYING and done > 0)

    with pytest.raises(Cancelled):
        upgrade_database(engine, batch_rows=40, progress=stop_after_first_batch)
    assert seen[0][0] == upgrade_module.BACKING_UP
    schema = [step[1:] for step in seen if step[0] == upgrade_module.SCHEMA]
    tables = len(Base.metadata.sorted_tables)  # a step per table, and one for the rest
    assert schema == [(done, tables + 1) for done in range(tables)] + [(tables + 1, tables + 1)]
    dictionaries = [step for step in seen if step[0] == upgrade_module.DICTIONARIES]
    assert [step[1:] for step in dictionaries] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [step for step in seen if step[0] == COPYING] == [(COPYING, 0, 180), (COPYING, 60, 180)]
    assert indexes == [["HARDWARE_ID"], ["HARDWARE_ID"]]
    # Half-way: one batch of two machines moved, the rest still in softwares only.
    assert _software_rows(engine) == 60 and _version(engine) == "7006"
    with engine.connect() as conn:
        state = read_state(conn)
    assert int(state[STATE_COPIED]) == fleet.machines[1] + 1
    assert check_database(engine).outdated
    assert main(["import", "--quiet", "--db", _url(engine), str(FIRST)]) == 2
    assert main(["db", "summarize", _url(engine)]) == 2
    assert "is outdated" in capsys.readouterr().err

    seen.clear()

    def record(phase: str, done: int, total: int) -> bool:
        seen.append((phase, done, total))
        return True

    report = upgrade_database(engine, batch_rows=40, progress=record)
    assert report.resumed and report.backup is not None and report.repaired == ()
    assert report.backup.location == state[STATE_BACKUP]
    assert upgrade_module.BACKING_UP not in {step[0] for step in seen}
    assert [step for step in seen if step[0] == COPYING] == [
        (COPYING, 60, 180),
        (COPYING, 120, 180),
        (COPYING, 180, 180),
    ]
    _assert_upgraded(engine, fleet)
    restore_backup(engine, report.backup.location)
    assert table_checksums(engine) == before


def test_rows_of_a_half_done_batch_are_never_doubled(
    legacy_sqlite: tuple[Engine, LegacyFleet],
) -> None:
    """A rerun copies a batch again over what a run without its mark left there."""
    engine, fleet = legacy_sqlite
    legacy = _legacy(engine)
    _dictionaries(engine)
    fill_dictionaries(engine, legacy)
    with engine.begin() as conn:  # a batch whose mark was lost, twice over
        copy_range(conn, legacy, fleet.machines[0], fleet.machines[2])
        copy_range(conn, legacy, fleet.machines[0], fleet.machines[2])
    assert _software_rows(engine) == 60
    upgrade_database(engine)
    _assert_upgraded(engine, fleet)


def _legacy(engine: Engine) -> Table:
    with engine.connect() as conn:
        found = legacy_table(conn)
    assert found is not None
    return found


def _dictionaries(engine: Engine) -> None:
    """``software`` and its dictionaries with their ``Unavailable`` rows, as the schema
    step makes them."""
    for name in ("software", "software_name", "software_publisher", "software_version"):
        Base.metadata.tables[name].create(engine, checkfirst=True)
    with engine.begin() as conn:
        seed_empty(conn)


def _start(url: str) -> subprocess.Popen[bytes]:
    """``db upgrade`` in a process of its own, one machine per batch."""
    command = [sys.executable, "-m", "ocs_desktop", "db", "upgrade", url, "--batch-rows", "1"]
    # A shell starts background jobs with SIGINT ignored, and Python keeps an ignored SIGINT
    # ignored: under `.ci/run &` Ctrl+C never reached the upgrade. Give it the default, as a
    # terminal would.
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _interrupt_while_moving(child: subprocess.Popen[bytes], sig: signal.Signals) -> bytes:
    """Send ``sig`` as soon as the child reports software moved, but not all: a batch of
    200 is then being written. Return what it printed on stderr."""
    assert child.stderr is not None
    seen = b""
    while True:
        chunk = os.read(child.stderr.fileno(), 4096)
        assert chunk, f"the upgrade ended before it could be interrupted: {seen[-300:]!r}"
        seen += chunk
        if re.search(rb"Moving software: +[1-9]\d?%", seen):
            child.send_signal(sig)
            _out, err = child.communicate(timeout=120)
            return seen + err


def _cut_at_a_batch(engine: Engine, fleet: LegacyFleet, rows: int) -> None:
    """Whole batches only: the machines below the mark have their rows, no other has."""
    with engine.connect() as conn:
        copied = int(read_state(conn)[STATE_COPIED])
    done = [machine for machine in fleet.machines if machine < copied]
    assert 0 < len(done) < len(fleet.machines)
    assert _software_rows(engine) == rows * len(done)
    assert _version(engine) == "7006" and check_database(engine).outdated


def test_ctrl_c_stops_between_batches_and_a_rerun_finishes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with legacy_database("sqlite", tmp_path, None, 7006, machines=200, per_machine=2) as made:
        engine, fleet = made
        child = _start(_url(engine))
        try:
            err = _interrupt_while_moving(child, signal.SIGINT)
        finally:
            child.kill()
            child.communicate()
        assert child.returncode == 130
        assert b"interrupted: run the same command again to finish" in err
        _cut_at_a_batch(engine, fleet, 2)
        assert main(["db", "upgrade", _url(engine)]) == 0
        assert "(taken by the interrupted run, kept)" in capsys.readouterr().out
        _assert_upgraded(engine, fleet)


@pytest.mark.mariadb
def test_a_killed_upgrade_on_mariadb_reruns_to_the_end(
    tmp_path: Path, mysql_server_url: str
) -> None:
    with legacy_database(
        "mariadb", tmp_path, mysql_server_url, 7006, machines=200, per_machine=2
    ) as made:
        engine, fleet = made
        before = table_checksums(engine)
        child = _start(_url(engine))
        try:
            _interrupt_while_moving(child, signal.SIGKILL)
        finally:
            child.kill()
            child.communicate()
        assert child.returncode == -signal.SIGKILL
        _cut_at_a_batch(engine, fleet, 2)
        report = upgrade_database(engine)
        assert report.resumed
        _assert_upgraded(engine, fleet)
        assert report.backup is not None
        restore_backup(engine, report.backup.location)
        assert table_checksums(engine) == before


def test_machines_that_still_differ_keep_softwares_and_the_version(
    legacy_sqlite: tuple[Engine, LegacyFleet], capsys: pytest.CaptureFixture[str]
) -> None:
    engine, fleet = legacy_sqlite
    lost = fleet.machines[1]
    Base.metadata.tables["software"].create(engine)
    with engine.begin() as conn:  # something that eats one machine's rows as they arrive
        conn.execute(
            text(
                "CREATE TRIGGER eat AFTER INSERT ON software WHEN NEW.HARDWARE_ID = "
                f"{lost} BEGIN DELETE FROM software WHERE ID = NEW.ID; END"
            )
        )
    with pytest.raises(UpgradeError, match="the software of 1 machines differs") as failed:
        upgrade_database(engine)
    assert f"{lost} (30 in softwares, 0 in software)" in str(failed.value)
    assert "softwares" in _tables(engine) and _version(engine) == "7006"
    assert check_database(engine).outdated
    assert main(["db", "upgrade", _url(engine)]) == 1
    err = capsys.readouterr().err
    assert "to undo: ocs-desktop db restore" in err
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER eat"))
    report = upgrade_database(engine)
    assert report.resumed
    _assert_upgraded(engine, fleet)


def test_a_machine_found_different_is_copied_again(
    legacy_sqlite: tuple[Engine, LegacyFleet],
) -> None:
    """Rows left in ``software`` for machines ``softwares`` does not list (a half-written
    import) go, and only theirs: the machine right after such a one keeps its rows."""
    engine, fleet = legacy_sqlite
    Base.metadata.tables["software"].create(engine)
    stray = fleet.machines[0] - 1  # outside every batch, right before a machine
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO software (HARDWARE_ID, NAME_ID, PUBLISHER_ID, VERSION_ID) "
                "VALUES (:stray, 1, 1, 1), (999, 1, 1, 1)"
            ),
            {"stray": stray},
        )
    report = upgrade_database(engine)
    assert report.repaired == (stray, 999)
    lines = report.format()
    assert f"Copied again after a first count differed: machines {stray}, 999" in lines
    assert report.backup is not None
    assert f"To undo: ocs-desktop db restore {report.url} {report.backup.location}" in lines
    _assert_upgraded(engine, fleet)


def test_a_vanished_backup_is_taken_again(
    legacy_sqlite: tuple[Engine, LegacyFleet], caplog: pytest.LogCaptureFixture
) -> None:
    engine, fleet = legacy_sqlite

    def stop(phase: str, done: int, total: int) -> bool:
        return phase != upgrade_module.SCHEMA

    with pytest.raises(Cancelled):
        upgrade_database(engine, progress=stop)
    with engine.connect() as conn:
        first = read_state(conn)[STATE_BACKUP]
    Path(first).unlink()
    caplog.set_level(logging.INFO)
    report = upgrade_database(engine, backup_to=str(Path(first).with_name("again.sqlite")))
    assert not report.resumed and report.backup is not None
    assert report.backup.location.endswith("again.sqlite")
    assert f"the backup {first} of the interrupted upgrade is gone" in caplog.text
    assert "database upgraded to schema 7069" in caplog.text
    _assert_upgraded(engine, fleet)


@pytest.mark.parametrize(
    "damage",
    [
        "DELETE FROM config WHERE NAME = 'GUI_VERSION'",
        "UPDATE config SET TVALUE = 'x' WHERE NAME = 'GUI_VERSION'",
    ],
    ids=["no-row", "not-a-number"],
)
def test_a_database_without_a_version_is_known_by_its_softwares(
    legacy_sqlite: tuple[Engine, LegacyFleet], damage: str
) -> None:
    engine, fleet = legacy_sqlite
    with engine.begin() as conn:
        conn.execute(text(damage))
    assert check_database(engine).outdated

    def stop(phase: str, done: int, total: int) -> bool:
        return phase != COPYING

    with pytest.raises(Cancelled):  # half-way, it is still known by its softwares only
        upgrade_database(engine, progress=stop)
    assert check_database(engine).outdated
    report = upgrade_database(engine)
    assert report.format()[1] == "Schema: unknown -> 7069"
    _assert_upgraded(engine, fleet)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT IVALUE, TVALUE FROM config WHERE NAME = 'GUI_VERSION'"))
        assert rows.all() == [(0, "7069")]


def test_a_current_database_with_an_unfinished_run_is_finished(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What an interrupted run recorded outweighs a version that looks current."""
    engine = create_engine_for(str(tmp_path / "ocsweb.sqlite"))
    init_database(engine)
    gone = str(tmp_path / "gone.sqlite")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO ocsdesktop_state (`KEY`, VALUE) VALUES (:k, :v)"),
            {"k": STATE_BACKUP, "v": gone},
        )
    report = upgrade_database(engine, backup_to=str(tmp_path / "new.sqlite"))
    assert report.backup is not None and not report.resumed
    assert f"the backup {gone} of the interrupted upgrade is gone" in caplog.text
    with engine.connect() as conn:
        assert read_state(conn) == {}
    engine.dispose()


def test_an_upgrade_that_cannot_create_a_table_is_not_called_done(
    legacy_sqlite: tuple[Engine, LegacyFleet],
) -> None:
    """A view where a table should be: created neither by us nor found by db check."""
    engine, _ = legacy_sqlite
    with engine.begin() as conn:
        conn.execute(text("CREATE VIEW layouts AS SELECT 1 AS ID"))
    with pytest.raises(UpgradeError, match="still missing after the upgrade: layouts"):
        upgrade_database(engine)
    assert _version(engine) == "7006" and check_database(engine).outdated


def test_a_softwares_table_that_is_not_ocs_is_refused(tmp_path: Path) -> None:
    with legacy_database("sqlite", tmp_path, None, 7039, machines=1) as (engine, _):
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE softwares (ID INTEGER, HARDWARE_ID INTEGER)"))
        before = table_checksums(engine)
        with pytest.raises(MigrationError, match="softwares has no NAME column"):
            upgrade_database(engine)
        assert table_checksums(engine) == before


def test_differing_machines_are_listed_ten_at_most() -> None:
    few = Verification(3, 30, {4: (10, 9), 7: (10, 0)})
    assert (
        few.describe() == "4 (10 in softwares, 9 in software), 7 (10 in softwares, 0 in software)"
    )
    many = Verification(12, 12, {machine: (1, 0) for machine in range(12)})
    assert many.describe().endswith("9 (1 in softwares, 0 in software) and 2 more")
    assert many.describe(shown=11).endswith(" and 1 more")
    assert not many.ok and few.describe(shown=2).count(" in softwares") == 2
    ten = Verification(10, 10, {machine: (1, 0) for machine in range(10)})
    assert ten.describe().endswith("9 (1 in softwares, 0 in software)")


# -- refusals ----------------------------------------------------------------------------


def test_upgrade_refuses_what_it_cannot_fix_before_any_change(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    with engine.begin() as conn:
        for column in ("memories.CAPACITY", "drives.TOTAL"):
            table, name = column.split(".")
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {name}"))
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} DATE"))
    before = table_checksums(engine)
    with pytest.raises(UpgradeError, match=r"drives\.TOTAL: .*; memories\.CAPACITY: "):
        upgrade_database(engine, backup_to=str(tmp_path / "never.sqlite"))
    assert table_checksums(engine) == before
    assert not (tmp_path / "never.sqlite").exists()


def test_upgrade_refuses_an_empty_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    assert main(["db", "upgrade", str(path)]) == 1
    assert "holds no OCS tables: create them with ocs-desktop db init" in capsys.readouterr().err
    assert main(["db", "upgrade", str(tmp_path / "missing.sqlite")]) == 2
    assert not (tmp_path / "missing.sqlite").exists()


@pytest.mark.mariadb
def test_a_text_install_date_is_refused_on_mariadb_a_date_one_kept(
    tmp_path: Path, mysql_server_url: str
) -> None:
    with legacy_database("mariadb", tmp_path, mysql_server_url, 7011, machines=1) as made:
        engine, fleet = made
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE softwares MODIFY INSTALLDATE VARCHAR(64)"))
        before = table_checksums(engine)
        with pytest.raises(MigrationError, match="convert it to DATETIME first"):
            upgrade_database(engine)
        assert table_checksums(engine) == before
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE softwares MODIFY INSTALLDATE DATE"))
        upgrade_database(engine)
        days: Counter[dt.datetime | None] = Counter()
        for when, count in fleet.dates[10].items():
            days[when.replace(hour=0, minute=0) if when else None] += count
        assert dates_by_machine(engine)[10] == days


def test_text_install_dates_are_read_row_by_row_on_sqlite(tmp_path: Path) -> None:
    with legacy_database("sqlite", tmp_path, None, 7011, machines=2) as (engine, fleet):
        with engine.begin() as conn:  # a legacy SQLite file may declare any type
            conn.execute(text("ALTER TABLE softwares RENAME COLUMN INSTALLDATE TO OLD"))
            conn.execute(text("ALTER TABLE softwares ADD COLUMN INSTALLDATE VARCHAR(30)"))
            conn.execute(text("UPDATE softwares SET INSTALLDATE = OLD"))
        upgrade_database(engine)
        assert dates_by_machine(engine) == fleet.dates


def test_indexes_not_ours_stay_while_the_rows_move(
    legacy_sqlite: tuple[Engine, LegacyFleet],
) -> None:
    engine, fleet = legacy_sqlite
    _dictionaries(engine)
    with engine.begin() as conn:
        conn.execute(text("CREATE INDEX mine_by_file ON software (FILENAME)"))
        conn.execute(text("CREATE INDEX mine_by_machine ON software (HARDWARE_ID, VERSION_ID)"))
        conn.execute(text("CREATE UNIQUE INDEX mine_unique ON software (GUID, HARDWARE_ID, ID)"))
    seen: list[set[str]] = []

    def peek(phase: str, done: int, total: int) -> bool:
        if phase == COPYING:
            with engine.connect() as conn:
                seen.append({str(i["name"]) for i in inspect(conn).get_indexes("software")})
        return True

    upgrade_database(engine, progress=peek)
    mine = {"mine_by_file", "mine_by_machine", "mine_unique"}
    assert seen and all(names == mine | {"software_HARDWARE_ID"} for names in seen)
    with engine.connect() as conn:
        assert mine <= {str(i["name"]) for i in inspect(conn).get_indexes("software")}
    _assert_upgraded(engine, fleet)


def test_backups_never_overwrite_and_restore_only_whole_backups(
    legacy: tuple[Engine, LegacyFleet], tmp_path: Path
) -> None:
    engine, _ = legacy
    backend = engine.dialect.name
    name = str(tmp_path / "b.sqlite") if backend == "sqlite" else f"{engine.url.database}_b"
    backup = take_backup(engine, name)
    assert backup.restore_command("URL") == f"ocs-desktop db restore URL {name}"
    with pytest.raises(BackupError, match=r"already exists|must not exist"):
        take_backup(engine, name)
    missing = str(tmp_path / "none.sqlite") if backend == "sqlite" else "no_such_backup_db"
    with pytest.raises(BackupError, match="nothing restored"):
        restore_backup(engine, missing)
    assert not backup_complete(engine, missing)


def test_drop_backup_deletes_only_a_backup_of_this_database(
    legacy: tuple[Engine, LegacyFleet], tmp_path: Path
) -> None:
    engine, _ = legacy
    before = table_checksums(engine)
    if engine.dialect.name == "sqlite":
        with pytest.raises(BackupError, match="the database itself"):
            drop_backup(engine, str(engine.url.database))
        stranger = tmp_path / "notes.txt"
        stranger.write_text("not a database")
        with pytest.raises(BackupError, match="not a SQLite backup file"):
            drop_backup(engine, str(stranger))
        assert stranger.exists()
        name = str(tmp_path / "b.sqlite")
    else:
        with pytest.raises(BackupError, match="not a complete backup"):
            drop_backup(engine, "mysql")  # a database that is no backup survives
        with engine.connect() as conn:
            assert "db" in inspect(conn).get_table_names(schema="mysql")
        name = f"{engine.url.database}_d"
    take_backup(engine, name)
    assert backup_complete(engine, name)
    drop_backup(engine, name)
    assert not backup_complete(engine, name)
    assert table_checksums(engine) == before


@pytest.mark.mariadb
def test_a_mariadb_backup_is_restored_only_into_its_own_database(
    tmp_path: Path, mysql_server_url: str
) -> None:
    with legacy_database("mariadb", tmp_path, mysql_server_url, 7011, machines=2) as (engine, _):
        location = f"{engine.url.database}_backup_x"
        take_backup(engine, location)
        with legacy_database("mariadb", tmp_path, mysql_server_url, 7011, machines=1) as made:
            other, _ = made
            with pytest.raises(BackupError, match="is a backup of"):
                restore_backup(other, location)
            with pytest.raises(BackupError, match="is a backup of"):
                drop_backup(other, location)
        with engine.begin() as conn:  # an interrupted backup lacks its last table
            conn.exec_driver_sql(f"DROP TABLE `{location}`.ocsdesktop_backup_info")
        with pytest.raises(BackupError, match="not a complete backup"):
            restore_backup(engine, location)


def test_batches_hold_whole_machines() -> None:
    counts = {10: 30, 13: 30, 16: 5, 40: 100, 41: 1}
    assert plan_batches(counts, 60) == [(10, 14, 60), (16, 41, 105), (41, 42, 1)]
    assert plan_batches(counts, 1000) == [(10, 42, 166)]
    assert plan_batches({}, 10) == []
    assert plan_batches({7: 3}, 3) == [(7, 8, 3)]


def test_no_state_where_our_table_is_missing(tmp_path: Path) -> None:
    bare = tmp_path / "bare.sqlite"
    sqlite3.connect(bare).close()
    engine = create_engine_for(str(bare))
    try:
        with engine.connect() as conn:
            assert read_state(conn) == {}
    finally:
        engine.dispose()


# -- backups -----------------------------------------------------------------------------


def test_default_backup_names(tmp_path: Path) -> None:
    sqlite = create_engine_for(str(tmp_path / "ocsweb.sqlite"))
    long_name = "o" * 60
    mysql = create_engine_for(f"mysql+pymysql://u:p@127.0.0.1:1/{long_name}")
    try:
        assert re.fullmatch(
            re.escape(str(tmp_path / "ocsweb.sqlite")) + r"\.backup-\d{8}-\d{6}\.sqlite",
            default_location(sqlite),
        )
        name = default_location(mysql)
        assert re.fullmatch(r"o{41}_backup_\d{8}_\d{6}", name) and len(name) == 64
    finally:
        sqlite.dispose()
        mysql.dispose()


def test_sqlite_backups_report_progress_and_leave_nothing_half_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine_for(str(tmp_path / "big.sqlite"))
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE blobs (B BLOB)"))
            conn.execute(text("INSERT INTO blobs VALUES (zeroblob(6000000))"))
        before = table_checksums(engine)
        steps: list[tuple[int, int]] = []

        def stop_half_way(done: int, total: int) -> bool:
            steps.append((done, total))
            return done < total // 2

        target = tmp_path / "b.sqlite"
        with pytest.raises(Cancelled):
            take_backup(engine, str(target), stop_half_way)
        assert not target.exists() and not (tmp_path / "b.sqlite.partial").exists()
        steps.clear()
        caplog.set_level(logging.INFO, logger="ocs_desktop.db")

        def record(done: int, total: int) -> bool:
            steps.append((done, total))
            return True

        take_backup(engine, str(target), record)
        assert len(steps) > 1 and steps[0][0] < steps[-1][0] == steps[-1][1]
        assert f"backed up {tmp_path / 'big.sqlite'} to {target}" in caplog.text
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM blobs"))
        assert restore_backup(engine, str(target)) == 1
        assert f"restored {tmp_path / 'big.sqlite'} from {target}" in caplog.text
        assert table_checksums(engine) == before
    finally:
        engine.dispose()


def test_sqlite_backup_and_restore_failures_say_so(tmp_path: Path) -> None:
    engine = create_engine_for(str(tmp_path / "db.sqlite"))
    memory = create_engine_for("sqlite:///:memory:")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (a)"))
        with pytest.raises(BackupError, match="cannot write the backup"):
            take_backup(engine, str(tmp_path / "no" / "such" / "dir.sqlite"))
        garbage = tmp_path / "garbage.sqlite"
        garbage.write_bytes(b"not a database" * 100)
        with pytest.raises(BackupError, match="cannot restore from"):
            restore_backup(engine, str(garbage))
        with pytest.raises(BackupError, match="in-memory"):
            take_backup(memory, str(tmp_path / "m.sqlite"))
    finally:
        engine.dispose()
        memory.dispose()


@pytest.mark.mariadb
def test_a_mariadb_backup_is_faithful_and_light(tmp_path: Path, mysql_server_url: str) -> None:
    """Ids of 0 and foreign keys come back; the copies keep only their keys; the session
    is left as it was; a cancelled backup leaves no database."""
    with legacy_database("mariadb", tmp_path, mysql_server_url, 7011, machines=2) as (engine, _):
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')"
            )
            conn.exec_driver_sql("INSERT INTO regconfig (ID, NAME) VALUES (0, 'zero')")
            conn.exec_driver_sql(
                "CREATE TABLE zz_child (ID INT PRIMARY KEY, HW INT, "
                "FOREIGN KEY (HW) REFERENCES hardware (ID)) ENGINE=InnoDB"
            )
            conn.exec_driver_sql("INSERT INTO zz_child VALUES (1, 10)")
        before = table_checksums(engine)
        session = "SELECT @@SESSION.sql_mode, @@SESSION.foreign_key_checks"
        with engine.connect() as conn:
            settings = conn.exec_driver_sql(session).one()
        location = f"{engine.url.database}_backup_f"

        def cancel(done: int, total: int) -> bool:
            return done == 0

        with pytest.raises(Cancelled):
            take_backup(engine, location, cancel)
        assert not backup_complete(engine, location)
        with engine.connect() as conn:
            assert not conn.exec_driver_sql(f"SHOW DATABASES LIKE '{location}'").all()
        take_backup(engine, location)
        with engine.connect() as conn:
            assert conn.exec_driver_sql(session).one() == settings
            keys = {
                row[2] for row in conn.exec_driver_sql(f"SHOW INDEX FROM `{location}`.softwares")
            }
            assert keys == {"PRIMARY", "ID"}  # NAME and VERSION are left to the restore
            facts = f"SELECT NAME, VALUE FROM `{location}`.ocsdesktop_backup_info WHERE KIND = %s"
            info = dict(conn.exec_driver_sql(facts, ("info",)).all())
        assert info["source"] == engine.url.database and info["taken_at"][:2] == "20"
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM zz_child")
            conn.exec_driver_sql("DROP TABLE regconfig")
        restore_backup(engine, location)
        assert table_checksums(engine) == before
        with engine.connect() as conn:
            assert conn.exec_driver_sql(session).one() == settings
