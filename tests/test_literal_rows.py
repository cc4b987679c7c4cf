"""Multi-row INSERTs rendered by ``db.literal_rows``: the very text PyMySQL would send.

Rendered against a live MariaDB connection, whose session state (``NO_BACKSLASH_ESCAPES``)
decides how PyMySQL escapes strings, and compared with PyMySQL's own ``mogrify``; then
stored and read back through the ingestion's ``TableStatements.write_rows``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pymysql
import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from ocs_desktop.db.literal_rows import insert_statements, renders_inline, row_literals
from ocs_desktop.inventory.rows import TableStatements, consecutive_ids, inserted_ids, sync_rows
from ocs_desktop.models import Base

pytestmark = pytest.mark.mariadb


class Text(str):
    """A str subclass (as some libraries hand out): not rendered inline."""


HOSTILE_TEXT = [
    "",
    "plain",
    "it's",
    'say "hi"',
    "back\\slash\\",
    "line\nfeed\rreturn",
    "nul\x00byte",
    "ctrl-z\x1a",
    "%s %(name)s %% percent",
    "é€ 𝄞 non-BMP",
    "'); DROP TABLE software; --",
    "\\'",
    "tab\tbell\x07",
    Text("subclass 'quoted'"),
]
OTHER_VALUES: list[Any] = [
    None,
    0,
    -7,
    2**63 - 1,
    True,
    False,
    1.5,
    -2.25e-9,
    Decimal("1.50"),
    Decimal("-0.0001"),
    dt.datetime(2025, 4, 20, 0, 0, 0),
    dt.datetime(2025, 4, 20, 13, 5, 9, 123456),
    dt.datetime(2025, 4, 20, 13, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    dt.date(1999, 12, 31),
    b"bytes\x00'",
]


@pytest.fixture
def driver(mysql_server_url: str) -> Iterator[pymysql.connections.Connection]:
    url = make_url(mysql_server_url)
    conn = pymysql.connect(
        host=url.host or "127.0.0.1",
        port=url.port or 3306,
        user=url.username or "root",
        password=url.password or "",
        charset="utf8mb4",
    )
    try:
        yield conn
    finally:
        conn.close()


def _mogrified(driver: pymysql.connections.Connection, row: tuple) -> str:
    marks = "(" + ",".join(["%s"] * len(row)) + ")"
    return driver.cursor().mogrify(marks, row)


def _rows() -> list[tuple]:
    values = HOSTILE_TEXT + OTHER_VALUES
    # Rows of several widths, every value in several positions.
    return [tuple(values[i:] + values[:i]) for i in range(0, len(values), 3)]


def test_rows_render_as_pymysql_does(driver: pymysql.connections.Connection) -> None:
    assert renders_inline(driver)
    rows = _rows()
    assert row_literals(driver, rows) == [_mogrified(driver, row) for row in rows]


def test_no_backslash_escapes_renders_as_pymysql_does(
    driver: pymysql.connections.Connection,
) -> None:
    cursor = driver.cursor()
    cursor.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")
    assert not renders_inline(driver)
    rows = _rows()
    rendered = row_literals(driver, rows)
    assert rendered == [_mogrified(driver, row) for row in rows]
    assert "'back\\slash\\'" in rendered[0]  # not doubled: PyMySQL's other rule


def test_statements_split_at_the_limit_and_keep_every_row_in_order(
    driver: pymysql.connections.Connection,
) -> None:
    rows = [(index, f"name {index} 'x'") for index in range(50)]
    prefix = "INSERT INTO t (a, b) VALUES "
    statements = list(insert_statements(driver, prefix, rows, max_chars=200))
    assert len(statements) > 3
    bodies = [statement.removeprefix(prefix) for statement in statements]
    assert all(statement.startswith(prefix) for statement in statements)
    assert ",".join(bodies) == ",".join(row_literals(driver, rows))
    assert all(len(statement) <= 200 for statement in statements)
    # A row longer than the limit still goes, alone.
    long_row = [(1, "x" * 500)]
    assert list(insert_statements(driver, prefix, long_row, max_chars=200)) == [
        prefix + row_literals(driver, long_row)[0]
    ]


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_write_rows_stores_hostile_values_exactly(engine: Engine) -> None:
    mysql_engine = engine
    software = Base.metadata.tables["software"]
    columns = ("NAME_ID", "PUBLISHER_ID", "VERSION_ID", "FOLDER", "COMMENTS", "INSTALLDATE")
    statements = TableStatements(mysql_engine.dialect, software, columns)
    assert statements.literal_rows
    when = dt.datetime(2025, 5, 24, 14, 37, 46)
    rows = [
        (index, 1, 1, text, None if index % 2 else text[::-1], when if index % 3 else None)
        for index, text in enumerate(HOSTILE_TEXT, start=1)
    ]
    with mysql_engine.begin() as conn:
        statements.write_rows(conn, 42, rows)
    with mysql_engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT NAME_ID, PUBLISHER_ID, VERSION_ID, FOLDER, COMMENTS, INSTALLDATE "
            "FROM software WHERE HARDWARE_ID = %s ORDER BY ID",
            (42,),
        ).all()
    assert [tuple(row) for row in stored] == rows


def test_sqlite_keeps_the_driver_binding(tmp_path: Any) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    statements = TableStatements(engine.dialect, Base.metadata.tables["software"], ("NAME_ID",))
    assert not statements.literal_rows


def test_equal_aware_datetimes_in_other_zones_render_their_own_fields(
    driver: pymysql.connections.Connection,
) -> None:
    """Only naive datetimes share a rendering: two aware ones can be equal (same instant)
    and still print different fields, as PyMySQL prints them."""
    paris = dt.datetime(2025, 4, 20, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    utc = dt.datetime(2025, 4, 20, 12, 0, tzinfo=dt.UTC)
    assert paris == utc
    rows = [(paris,), (utc,), (paris.replace(tzinfo=None),), (paris.replace(tzinfo=None),)]
    rendered = row_literals(driver, rows)
    assert rendered == [_mogrified(driver, row) for row in rows]
    assert rendered[0] != rendered[1]


def test_statements_are_packed_to_the_limit_and_never_empty(
    driver: pymysql.connections.Connection,
) -> None:
    """Each statement holds as many rows as fit: the next row would push it past the limit
    (rows joined by one comma); no rows, no statement."""
    prefix = "INSERT INTO t (a) VALUES "
    assert list(insert_statements(driver, prefix, [])) == []
    rows = [(f"{'x' * (index % 7)}",) for index in range(40)]
    texts = row_literals(driver, rows)
    for limit in range(len(prefix) + 10, len(prefix) + 60):
        statements = list(insert_statements(driver, prefix, rows, max_chars=limit))
        assert ",".join(s.removeprefix(prefix) for s in statements) == ",".join(texts)
        assert all(len(s) <= limit for s in statements)
        for current, following in itertools.pairwise(statements):
            first_next = following.removeprefix(prefix).split("),(")[0]
            first_next = first_next if first_next.endswith(")") else first_next + ")"
            assert len(current) + 1 + len(first_next) > limit, (limit, current, following)


def _stored_ids(engine: Engine, hardware_id: int) -> list[int]:
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT ID FROM software WHERE HARDWARE_ID = %s ORDER BY ID", (hardware_id,)
        )
        return [row_id for (row_id,) in found]


_IDS = ("NAME_ID", "PUBLISHER_ID", "VERSION_ID")


def _long_rows(count: int) -> list[tuple]:
    """Rows of 40,000 characters: six make a statement, so ``count`` of them span several."""
    return [(index, 1, 1, f"{index:05d}" + "f" * 40_000) for index in range(count)]


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_write_rows_tells_the_ids_every_statement_handed_out(engine: Engine) -> None:
    software = Base.metadata.tables["software"]
    statements = TableStatements(engine.dialect, software, (*_IDS, "FOLDER"))
    with engine.begin() as conn:
        statements.write_rows(conn, 7, _long_rows(3))  # ids below the machine's
        assert consecutive_ids(conn)
        ids = statements.write_rows(conn, 42, _long_rows(15))
        driver = conn.connection.driver_connection
        assert len(list(insert_statements(driver, "", _long_rows(15)))) == 3
        changes = sync_rows(conn, statements, 43, _long_rows(2), may_exist=False)
    assert ids == _stored_ids(engine, 42)
    assert len(ids) == 15 and ids[0] > max(_stored_ids(engine, 7))
    assert changes.ids == _stored_ids(engine, 43) and changes.inserted == 2


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_ids_are_read_back_where_the_server_spaces_them_out(engine: Engine) -> None:
    """Galera's auto-increment control steps ids by the cluster size: write_rows cannot
    tell them, and inserted_ids reads them back, in order."""
    software = Base.metadata.tables["software"]
    statements = TableStatements(engine.dialect, software, (*_IDS, "FOLDER"))
    with engine.begin() as conn:
        conn.connection.info.pop("ocs_desktop.consecutive_ids", None)
        conn.exec_driver_sql("SET SESSION auto_increment_increment = 3")
        try:
            assert not consecutive_ids(conn)
            handed_out = statements.write_rows(conn, 42, _long_rows(8))
            ids = inserted_ids(conn, statements, 42, 0, 8, handed_out)
        finally:
            conn.exec_driver_sql("SET SESSION auto_increment_increment = 1")
            conn.connection.info.pop("ocs_desktop.consecutive_ids", None)
    assert handed_out is None
    assert ids == _stored_ids(engine, 42)
    assert ids is not None and ids[1] - ids[0] == 3


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_inserted_ids_trusts_only_a_list_of_the_right_length(engine: Engine) -> None:
    software = Base.metadata.tables["software"]
    statements = TableStatements(engine.dialect, software, _IDS)
    with engine.begin() as conn:
        statements.write_rows(conn, 42, [(1, 1, 1), (2, 1, 1)])
        read_back = inserted_ids(conn, statements, 42, 0, 2, [1])
        told = inserted_ids(conn, statements, 42, 0, 2, [500, 501])
    assert read_back == _stored_ids(engine, 42)
    assert told == [500, 501]


def test_sqlite_tells_no_ids(tmp_path: Any) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    Base.metadata.tables["software"].create(engine)
    software = Base.metadata.tables["software"]
    statements = TableStatements(engine.dialect, software, _IDS)
    with engine.begin() as conn:
        assert statements.write_rows(conn, 42, [(1, 1, 1)]) is None
