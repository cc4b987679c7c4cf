"""Our models against the real OCS schema, installed the way OCS installs it.

The reference is built at test time from Debian's ``ocsinventory-reports`` package (see
``reference_schema``): every table and column we map must exist there with a compatible
type, and a database we create must look like it to the OCS server and console.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Column, Engine, Table, inspect, text
from sqlalchemy.engine import Inspector

from ocs_desktop.db.console_indexes import (
    CONSOLE_INDEXES,
    SIDE_SORT_INDEXES,
    SORT_INDEXES,
    index_name,
)
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import check_database, type_family
from ocs_desktop.db.seed import GUI_VERSION
from ocs_desktop.models import Base
from ocs_desktop.models.base import server_only
from ocs_desktop.models.extensions import EXTENSION_METADATA
from tests.support.reference_schema import drop_database, load_reference_schema

pytestmark = pytest.mark.mariadb

#: The GUI_VERSION of the base schema the 2.11 package installs, before its updates; the
#: schema of OCS 2.8.
BASE_VERSION = 7039


@pytest.fixture(scope="module")
def reference(reference_schema_url: str) -> Iterator[Engine]:
    engine = create_engine_for(reference_schema_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def ocs_2_8(mysql_server_url: str, reference_schema_url: str) -> Iterator[Engine]:
    """The reference as OCS 2.8 created it (no updates applied).

    Depends on ``reference_schema_url`` so that a missing package skips (or fails in CI)
    there first.
    """
    url = load_reference_schema(mysql_server_url, version=BASE_VERSION)
    engine = create_engine_for(url)
    yield engine
    engine.dispose()
    drop_database(url)


def _shape(inspector: Inspector, table: str) -> dict[str, tuple[Any, ...]]:
    """Per column: type family, text length, numeric precision, nullability, default."""
    shape = {}
    for column in inspector.get_columns(table):
        type_ = column["type"]
        default = column["default"]
        if default is not None:
            default = default.strip("'").lower().replace("()", "")
        shape[column["name"]] = (
            type_family(type_),
            getattr(type_, "length", None),
            getattr(type_, "precision", None),
            getattr(type_, "scale", None),
            getattr(type_, "unsigned", None),
            column["nullable"],
            default,
            column.get("autoincrement"),
        )
    return shape


def _keys(inspector: Inspector, table: str) -> tuple[Any, ...]:
    # The console's extra indexes (models.console_indexes) are our only addition to OCS
    # tables; they are compared apart, in test_our_only_additions_are_named_indexes.
    indexes = {
        (i["name"], tuple(i["column_names"]), bool(i["unique"]))
        for i in inspector.get_indexes(table)
        if not str(i["name"]).startswith("ocsdesktop_")
    }
    primary = tuple(inspector.get_pk_constraint(table)["constrained_columns"])
    foreign = {
        (f["name"], tuple(f["constrained_columns"]), f["referred_table"])
        for f in inspector.get_foreign_keys(table)
    }
    return primary, indexes, foreign


def _engines(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = DATABASE()"
            )
        )
        # Our own tables (models.extensions) are not in the reference, nor what only a
        # server reads (see test_reference_queries).
        return {
            name: engine_name
            for name, engine_name in rows
            if name not in EXTENSION_METADATA.tables and name not in SERVER_TABLES
        }


#: What the models hold for a communication server beyond the console schema.
SERVER_TABLES = {name for name, table in Base.metadata.tables.items() if server_only(table.info)}
OCS_TABLES = [table for table in Base.metadata.sorted_tables if table.name not in SERVER_TABLES]


def _ocs_columns(table: Table) -> list[Column[Any]]:
    return [column for column in table.columns if not server_only(column.info)]


def test_every_mapped_table_and_column_exists_with_a_compatible_type(reference: Engine) -> None:
    inspector = inspect(reference)
    assert set(inspector.get_table_names()) == {table.name for table in OCS_TABLES}
    for table in OCS_TABLES:
        theirs = {column["name"]: column for column in inspector.get_columns(table.name)}
        assert set(theirs) == {column.name for column in _ocs_columns(table)}, table.name
        for column in _ocs_columns(table):
            ours = type_family(column.type.dialect_impl(reference.dialect))
            assert ours == type_family(theirs[column.name]["type"]), f"{table.name}.{column.name}"


def test_check_database_on_the_reference(reference: Engine) -> None:
    report = check_database(reference)
    assert report.ok, report.format()
    assert report.version == GUI_VERSION == "7069"
    assert report.warnings == () and report.not_in_version == ()


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_a_database_we_create_looks_like_the_reference(engine: Engine, reference: Engine) -> None:
    ours, theirs = inspect(engine), inspect(reference)
    for table in sorted(table.name for table in OCS_TABLES):
        server = {c.name for c in Base.metadata.tables[table].columns if server_only(c.info)}
        shape = {name: s for name, s in _shape(ours, table).items() if name not in server}
        assert shape == _shape(theirs, table), table
        assert _keys(ours, table) == _keys(theirs, table), table
    assert _engines(engine) == _engines(reference)


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_our_only_additions_are_named_indexes(engine: Engine, reference: Engine) -> None:
    ours = inspect(engine)
    extra = {
        (table, str(i["name"]), tuple(i["column_names"]))
        for table in Base.metadata.tables
        for i in ours.get_indexes(table)
        if str(i["name"]).startswith("ocsdesktop_")
    }
    # Side-table sort columns OCS already indexes (SSN, ASSETTAG, TAG) get no index of ours.
    ocs_leads = {
        (table.name, tuple(c.name for c in index.columns)[:1])
        for table in Base.metadata.tables.values()
        for index in table.indexes
    }
    side = [(t, c) for t, c in SIDE_SORT_INDEXES if (t, c[:1]) not in ocs_leads]
    assert len(side) < len(SIDE_SORT_INDEXES)
    assert extra == {  # MariaDB also gets the machines list's sort indexes
        (table, index_name(table, columns), columns)
        for table, columns in (*CONSOLE_INDEXES, *SORT_INDEXES, *side)
    }
    assert not set(inspect(reference).get_table_names()) & set(EXTENSION_METADATA.tables)


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_seed_rows_equal_the_reference_except_the_admin_password(
    engine: Engine, reference: Engine
) -> None:
    tables = [table for table in OCS_TABLES if table.name != "operators"]
    for table in tables:
        name = table.name
        listed = ", ".join(f"`{column.name}`" for column in _ocs_columns(table))
        query = text(f"SELECT {listed} FROM `{name}` ORDER BY 1")
        with engine.connect() as ours, reference.connect() as theirs:
            assert ours.execute(query).all() == theirs.execute(query).all(), name
    with reference.connect() as connection:
        admin = connection.execute(text("SELECT ID, NEW_ACCESSLVL FROM operators")).all()
    assert admin == [("admin", "sadmin")]


def test_an_ocs_2_8_database_is_usable(ocs_2_8: Engine) -> None:
    report = check_database(ocs_2_8)
    assert report.ok, report.format()
    assert report.version == str(BASE_VERSION)
    newer = {table.name for table in Base.metadata.tables.values() if "since" in table.info}
    newer |= {
        f"{table.name}.{column.name}"
        for table in Base.metadata.tables.values()
        if "since" not in table.info
        for column in table.columns
        if "since" in column.info
    }
    assert set(report.not_in_version) == newer
    assert any(warning.startswith("memories.CAPACITY") for warning in report.warnings)
