"""Sharing a database with a running OCS communication server, 2.8.1 (Debian) or 2.12.

The statements those servers run for a prolog and an inventory (``reference_queries``) must
all succeed on a database ``db init`` made. On the as-shipped 2.11 schema they do not: the
test pins exactly what fails there, which is what ``db check`` lists for the servers and
``db init --server-columns`` adds to such a database.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, inspect, text

from ocs_desktop.cli.main import main
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import check_database, init_database
from ocs_desktop.db.server_columns import add_server_columns, server_columns
from ocs_desktop.models.extensions import EXTENSION_METADATA
from tests.support.reference_queries import SERVERS, Refused, run_server, server_queries
from tests.support.reference_schema import (
    ReferenceUnavailable,
    drop_database,
    load_reference_schema,
)
from tests.support.services import unavailable

#: What each server's statements hit that the 2.11 console schema (7069) lacks.
GAPS = {
    "2.8.1": {
        ("software name and category", "Unknown column 'CATEGORY'"),
        ("software name", "Unknown column 'CATEGORY'"),
        ("software category", "Unknown column 'CATEGORY'"),
        ("unixusers: delete on replace", "unixusers' doesn't exist"),
        ("unixusers: insert", "unixusers' doesn't exist"),
        ("merge: unixusers", "unixusers' doesn't exist"),
    },
    "2.12": {
        ("version", "Unknown column 'PRETTYVERSION'"),
        ("pretty version of an older row", "Unknown column 'PRETTYVERSION'"),
        ("batteries: insert", "Unknown column 'CYCLES'"),
        ("batteries: write-diff read", "Unknown column 'CYCLES'"),
    },
}


def _unknown(refused: list[Refused]) -> set[tuple[str, str]]:
    """The refusals caused by a missing table or column (not their knock-on effects)."""
    found = set()
    for query in refused:
        for _, cause in GAPS["2.8.1"] | GAPS["2.12"]:
            if cause in query.error:
                found.add((query.what, cause))
    return found


@pytest.fixture(scope="module")
def ocs_2_11(mysql_server_url: str) -> Iterator[Engine]:
    """A database as Debian's OCS 2.11 console installs it (ours to change)."""
    try:
        url = load_reference_schema(mysql_server_url, database=f"ocs_share_{secrets.token_hex(4)}")
    except ReferenceUnavailable as exc:
        unavailable(str(exc))
    engine = create_engine_for(url)
    try:
        yield engine
    finally:
        engine.dispose()
        drop_database(url)


@pytest.mark.mariadb
@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
@pytest.mark.parametrize("server", SERVERS)
def test_every_statement_of_the_server_runs_on_a_database_we_create(
    engine: Engine, server: str
) -> None:
    assert len(server_queries(server)) > 150
    assert run_server(engine, server) == []


@pytest.mark.mariadb
@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_the_statements_leave_nothing_behind(engine: Engine) -> None:
    for server in SERVERS:
        run_server(engine, server)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM hardware")).scalar() == 0
        assert connection.execute(text("SELECT COUNT(*) FROM software_name")).scalar() == 0


@pytest.mark.mariadb
def test_an_ocs_2_11_database_lacks_what_the_servers_read_until_init_adds_it(
    ocs_2_11: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    for server in SERVERS:
        assert _unknown(run_server(ocs_2_11, server)) == GAPS[server], server

    report = check_database(ocs_2_11)
    assert report.ok and report.warnings == ()
    assert [(n.server, n.table, n.columns) for n in report.for_servers] == [
        ("2.12", "batteries", ("CYCLES", "DESCRIPTION", "ESTIMATEDCHARGEREMAINING", "STATUS")),
        ("2.8.1", "software_name", ("CATEGORY",)),
        ("2.12", "software_version", ("PRETTYVERSION", "MAJOR", "MINOR", "PATCH")),
        ("2.8.1", "unixusers", ()),
    ]
    lines = "\n".join(report.format())
    assert "OCS 2.8.1 server reads software_name.CATEGORY: SELECT ID, CATEGORY" in lines
    assert "--server-columns" in lines and lines.endswith("Result: OK")

    url = ocs_2_11.url.render_as_string(hide_password=False)
    assert main(["db", "init", "--server-columns", url]) == 0
    out = capsys.readouterr().out
    assert f"Created {1 + len(EXTENSION_METADATA.tables)} tables." in out  # unixusers, ours
    assert "Added columns for OCS servers: batteries.CYCLES, batteries.DESCRIPTION" in out
    assert check_database(ocs_2_11).for_servers == ()
    for server in SERVERS:
        assert run_server(ocs_2_11, server) == [], server
    # A second run has nothing left to add.
    assert add_server_columns(ocs_2_11) == []


def test_the_server_columns_are_nullable_so_adding_them_rewrites_no_row() -> None:
    columns = server_columns()
    assert {f"{c.table.name}.{c.name}" for c in columns if c.table.name != "unixusers"} == {
        "batteries.CYCLES", "batteries.DESCRIPTION", "batteries.ESTIMATEDCHARGEREMAINING",
        "batteries.STATUS", "software_name.CATEGORY", "software_version.PRETTYVERSION",
        "software_version.MAJOR", "software_version.MINOR", "software_version.PATCH",
    }  # fmt: skip
    assert all(column.nullable for column in columns if not column.primary_key)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_server_columns_are_added_on_sqlite_too(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE software_name DROP COLUMN CATEGORY"))
        connection.execute(text("ALTER TABLE batteries DROP COLUMN STATUS"))
    assert [need.table for need in check_database(engine).for_servers] == [
        "batteries",
        "software_name",
    ]
    assert add_server_columns(engine) == ["batteries.STATUS", "software_name.CATEGORY"]
    assert {"CATEGORY"} <= {c["name"] for c in inspect(engine).get_columns("software_name")}
    assert check_database(engine).for_servers == ()
    assert init_database(engine).created_tables == ()
