"""Multi-row INSERTs for PyMySQL, rendered as PyMySQL renders them, at a fraction of its cost.

PyMySQL binds parameters on the client: ``executemany`` turns every value into SQL text
through ``Connection.escape`` and ``escape_item``, four Python calls a value. A new
machine's 900 software rows are 12,600 values: about 10 ms of CPU per inventory, as much
as MariaDB spends storing them. :func:`insert_statements` gives the same statement text
with the values of nearly every ingested row (None, ``str``, ``int``, naive ``datetime``)
rendered inline, each as PyMySQL would; any other value goes through the driver's own
``escape``. Strings are escaped with PyMySQL's character table, and everything goes
through the driver when the session runs with ``NO_BACKSLASH_ESCAPES`` (PyMySQL escapes
differently then). The values stay data: nothing here pastes a value into SQL unescaped,
and the tests compare the output with PyMySQL's own ``mogrify`` for hostile values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from pymysql.constants import SERVER_STATUS

#: Characters of one statement: at four bytes a character (utf8mb4), under PyMySQL's
#: own limit for a multi-row INSERT (1,024,000 bytes) and any server's
#: ``max_allowed_packet`` (1 MiB at the least).
MAX_STATEMENT_CHARS = 250_000

#: PyMySQL's ``converters.escape_string`` table: what MySQL's string literals need escaped.
_ESCAPES = [chr(code) for code in range(128)]
_ESCAPES[0] = "\\0"
_ESCAPES[ord("\\")] = "\\\\"
_ESCAPES[ord("\n")] = "\\n"
_ESCAPES[ord("\r")] = "\\r"
_ESCAPES[ord("\032")] = "\\Z"
_ESCAPES[ord('"')] = '\\"'
_ESCAPES[ord("'")] = "\\'"


def renders_inline(driver: Any) -> bool:
    """Whether this PyMySQL connection escapes strings with backslashes (the default
    SQL mode); under ``NO_BACKSLASH_ESCAPES`` every value goes through the driver."""
    return not driver.server_status & SERVER_STATUS.SERVER_STATUS_NO_BACKSLASH_ESCAPES


def row_literals(driver: Any, rows: Sequence[Sequence[object]]) -> list[str]:
    """Each row as the ``(v1,v2,...)`` text PyMySQL's ``executemany`` would send for it."""
    escape = driver.escape
    if not renders_inline(driver):
        return ["(" + ",".join([escape(value) for value in row]) + ")" for row in rows]
    table = _ESCAPES
    dates: dict[dt.datetime, str] = {}

    def other(value: object) -> str:
        # A machine's packages share a few dozen install dates: render each once. Only
        # naive datetimes: equal aware ones may differ in the fields PyMySQL prints.
        if type(value) is dt.datetime and value.tzinfo is None:
            text = dates.get(value)
            if text is None:
                text = dates[value] = escape(value)
            return text
        return str(escape(value))

    return [
        "("
        + ",".join(
            [
                "NULL"
                if value is None
                else "'" + value.translate(table) + "'"
                if type(value) is str
                else str(value)
                if type(value) is int
                else other(value)
                for value in row
            ]
        )
        + ")"
        for row in rows
    ]


def insert_statements(
    driver: Any,
    prefix: str,
    rows: Sequence[Sequence[object]],
    max_chars: int = MAX_STATEMENT_CHARS,
) -> Iterator[str]:
    """``prefix`` (``INSERT INTO t (a, b) VALUES ``) followed by as many rows as fit in
    ``max_chars``, as often as needed; at least one row a statement."""
    texts = row_literals(driver, rows)
    start, size = 0, len(prefix)
    for index, text in enumerate(texts):
        grown = size + len(text) + (index > start)  # a comma before all rows but the first
        if index > start and grown > max_chars:
            yield prefix + ",".join(texts[start:index])
            start, grown = index, len(prefix) + len(text)
        size = grown
    if start < len(texts):
        yield prefix + ",".join(texts[start:])
