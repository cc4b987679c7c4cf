"""``db check`` on older OCS databases: what it says, and who refuses them until upgraded.

A pre-2.8 database is explained (the release that wrote it, the command to run) and
refused, with exit 2 and not one table changed, by ``serve``, ``import``, ``db summarize``
and ``db init``; a post-2.8 one lacking tables or columns points to ``db upgrade`` too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.cli.main import main
from ocs_desktop.db.legacy import Diagnosis, diagnose, release_of, upgrade_command
from ocs_desktop.db.schema import check_database
from tests.support.builders import FIRST
from tests.support.legacy_schema import LegacyFleet, legacy_database, table_checksums

BACKENDS = ["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Iterator[tuple[str, str | None]]:
    server = None if request.param == "sqlite" else request.getfixturevalue("mysql_server_url")
    yield request.param, server


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.mark.parametrize(
    ("version", "written"),
    [
        (7006, "written by OCS Inventory NG 2.3.x or earlier (schema 7006)"),
        (7011, "written by OCS Inventory NG 2.3.x or earlier (schema 7011)"),
        (7033, "at schema 7033: an OCS 2.8 update (7030 to 7037) stopped before it moved"),
    ],
)
def test_check_explains_a_pre_2_8_database(
    backend: tuple[str, str | None],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    version: int,
    written: str,
) -> None:
    with legacy_database(backend[0], tmp_path, backend[1], version, machines=2) as (engine, _):
        report = check_database(engine)
        assert report.outdated and not report.ok
        assert main(["db", "check", _url(engine)]) == 1
        out = capsys.readouterr().out
    assert written in out
    assert f"  ocs-desktop db upgrade {report.url}" in out
    assert "serve, import and summarize refuse it" in out
    assert "Next step: stop every OCS server that writes to it, then upgrade it in place" in out
    assert out.rstrip().endswith("Result: NOT OK, the database must be upgraded first (see above)")
    assert "Software summary" not in out  # ours would only add noise here


@pytest.mark.parametrize("version", [7057, 7078])
def test_check_passes_a_post_2_8_database_that_has_what_we_use(
    backend: tuple[str, str | None], tmp_path: Path, version: int
) -> None:
    with legacy_database(backend[0], tmp_path, backend[1], version, machines=1) as (engine, _):
        report = check_database(engine)
    assert report.ok and not report.outdated and report.explanation == ()
    assert report.version == str(version)


def test_check_points_an_older_post_2_8_database_to_db_upgrade(tmp_path: Path) -> None:
    with legacy_database("sqlite", tmp_path, None, 7057, machines=1) as (engine, _):
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE hardware DROP COLUMN WINPRODKEY"))
        report = check_database(engine)
    assert not report.ok and not report.outdated
    assert report.explanation == (
        "Schema 7057 (OCS Inventory NG 2.9 to 2.11) is older than ours (7069) and lacks 1 "
        "tables or columns we use. Add them (a backup is taken first) with:",
        f"  ocs-desktop db upgrade {report.url}",
    )
    assert report.format()[-1] == "Result: NOT OK, the database lacks what we need"


# -- the gates ---------------------------------------------------------------------------


@pytest.fixture
def pre_2_8(
    backend: tuple[str, str | None], tmp_path: Path
) -> Iterator[tuple[Engine, LegacyFleet]]:
    with legacy_database(backend[0], tmp_path, backend[1], 7006, machines=3) as made:
        yield made


@pytest.mark.parametrize(
    "command",
    [
        ["serve", "--db", "{url}"],
        ["import", "--quiet", "--db", "{url}", str(FIRST)],
        ["db", "summarize", "{url}"],
        ["db", "init", "{url}"],
    ],
    ids=["serve", "import", "summarize", "init"],
)
def test_a_pre_2_8_database_is_refused_untouched(
    pre_2_8: tuple[Engine, LegacyFleet], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    engine, _ = pre_2_8
    url = _url(engine)
    before = table_checksums(engine)
    assert main([part.format(url=url) for part in command]) == 2
    err = capsys.readouterr().err
    assert "OCS Inventory NG 2.3.x or earlier (schema 7006)" in err
    assert "  ocs-desktop db upgrade " in err
    assert "is outdated: nothing was written" in err
    assert table_checksums(engine) == before


def test_serve_refuses_a_database_that_lacks_a_column(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE hardware DROP COLUMN WINPRODKEY"))
    before = table_checksums(engine)
    assert main(["serve", "--db", _url(engine)]) == 2
    err = capsys.readouterr().err
    assert "This OCS database lacks 1 tables or columns we use" in err
    assert "fails db check: nothing was written" in err
    assert table_checksums(engine) == before


def test_the_gate_lists_what_fails_when_there_is_no_explanation(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE memories DROP COLUMN CAPACITY"))
        conn.execute(text("ALTER TABLE memories ADD COLUMN CAPACITY DATE"))
    assert main(["db", "summarize", _url(engine)]) == 2
    err = capsys.readouterr().err
    assert "  incompatible column: memories.CAPACITY" in err


def test_summarize_of_a_missing_file_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    assert main(["db", "summarize", str(missing)]) == 2
    assert "no such database file" in capsys.readouterr().err
    assert not missing.exists()


def test_init_still_completes_a_current_database(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE bios"))
    assert main(["db", "init", _url(engine)]) == 0
    assert "Created 1 tables." in capsys.readouterr().out


# -- the words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "release"),
    [
        (7006, "2.3.x or earlier"),
        (7011, "2.3.x or earlier"),
        (7012, "2.4 or 2.5"),
        (7017, "2.4 or 2.5"),
        (7018, "2.6 or 2.7"),
        (7029, "2.6 or 2.7"),
        (7030, "2.8"),
        (7039, "2.8"),
        (7040, "2.9 to 2.11"),
        (7071, "2.9 to 2.11"),
        (7072, "2.12"),
        (7081, "2.12"),
    ],
)
def test_release_names(version: int, release: str) -> None:
    assert release_of(version) == f"OCS Inventory NG {release}"


def test_a_release_after_the_last_we_know() -> None:
    assert release_of(7082) == "an OCS Inventory NG release newer than 2.12.4"


def test_the_command_says_where_the_password_goes() -> None:
    assert upgrade_command("sqlite:////x.sqlite") == [
        "  ocs-desktop db upgrade sqlite:////x.sqlite"
    ]
    assert upgrade_command("mysql://ocs:***@h/ocsweb") == [
        "  ocs-desktop db upgrade mysql://ocs:***@h/ocsweb",
        "  (with the account's password where the URL shows ***)",
    ]


def test_diagnosis_by_version_and_tables() -> None:
    url = "sqlite:////x.sqlite"
    # Outdated by version alone, whatever the tables; or by softwares with no version.
    assert diagnose(url, 7036, ["hardware", "software"], 0).outdated
    assert not diagnose(url, 7037, ["hardware", "SOFTWARES"], 0).outdated
    assert diagnose(url, None, ["hardware", "SOFTWARES"], 0).outdated
    assert diagnose(url, None, ["hardware"], 0) == Diagnosis()
    assert "by OCS Inventory NG 2.6 or 2.7 (schema 7029)." in diagnose(url, 7029, [], 0).lines[0]
    assert "is at schema 7030: an OCS 2.8 update" in diagnose(url, 7030, [], 0).lines[0]
    lines = diagnose(url, 7006, ["hardware", "softwares"], 0).lines
    assert "it also lacks" not in lines[0] and "which nothing here reads." in lines[0]
    assert "it also lacks 3 tables" in diagnose(url, 7006, ["softwares"], 3).lines[0]
    assert (
        diagnose(url, None, ["softwares"], 0)
        .lines[0]
        .startswith("This database has no GUI_VERSION but holds the pre-2.8 `softwares` table.")
    )
    # Complete databases need no words; incomplete ones, the command that completes them.
    assert diagnose(url, 7069, ["hardware"], 0) == Diagnosis()
    assert diagnose(url, 7078, ["hardware"], 2).lines[0].startswith("This OCS database lacks 2")
    assert diagnose(url, 7069, ["hardware"], 2).lines[0].startswith("This OCS database lacks 2")
    assert diagnose(url, None, [], 105).lines == (
        "Not an OCS database yet. Create its tables with:",
        f"  ocs-desktop db init {url}",
    )
