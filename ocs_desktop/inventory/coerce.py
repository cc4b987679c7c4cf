"""Turn agent strings into values a column of the real schema accepts.

Agents send free text everywhere (``DISKSIZE`` "274877.906944", ``MEMORY`` "1024 MB",
260-character names). MariaDB in strict mode rejects what does not fit, and a
utf8mb3 database (every OCS install) rejects characters outside the BMP, so every
value is shaped to its column here, once, before any SQL runs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from sqlalchemy import Column, Table, types

Coercer = Callable[[str | None], Any]

_LEADING_NUMBER = re.compile(r"\s*([-+]?\d+(?:[.,]\d+)?)")
_NON_BMP = re.compile("[\U00010000-\U0010ffff]")
_DATE = re.compile(
    r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?"
)
_TEXT_BYTES = 65535  # MySQL TEXT, in bytes
# Date values repeat across a fleet (900 packages share a few dozen INSTALLDATEs), so their
# parses are memoised; only short values are, so hostile agents cannot pin much memory.
_MEMO_CHARS = 64
_MEMO_ENTRIES = 4096

_INT_RANGES = {
    types.SmallInteger: (-(2**15), 2**15 - 1),
    types.BigInteger: (-(2**63), 2**63 - 1),
    types.Integer: (-(2**31), 2**31 - 1),
}


def _number(value: str) -> float | None:
    match = _LEADING_NUMBER.match(value)
    if match is None:
        return None
    try:
        return float(match.group(1).replace(",", "."))
    except ValueError:
        return None


def parse_datetime(value: str | None) -> dt.datetime | None:
    """Read the date shapes agents send (``2024/05/01 10:00:00``, ``2024-05-01``)."""
    if not value:
        return None
    if len(value) <= _MEMO_CHARS:
        return _parse_datetime_memo(value)
    return _parse_datetime(value)


def _parse_datetime(value: str) -> dt.datetime | None:
    match = _DATE.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


_parse_datetime_memo = functools.lru_cache(maxsize=_MEMO_ENTRIES)(_parse_datetime)


def _int_coercer(low: int, high: int) -> Coercer:
    def coerce(value: str | None) -> int | None:
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            parsed = _number(value)
            if parsed is None:
                return None
            number = round(parsed)
        return number if low <= number <= high else None

    return coerce


def _ascii_limit(length: int | None) -> int:
    """Longest ASCII value a string column takes unchanged (TEXT: 4-byte worst case)."""
    return length if length is not None else _TEXT_BYTES // 4


def _string_coercer(length: int | None, bmp_only: bool) -> Coercer:
    limit = _ascii_limit(length)

    def coerce(value: str | None) -> str | None:
        # Fast path first: nearly every agent value is short ASCII. RowShaper inlines it.
        if value is None or (len(value) <= limit and value.isascii()):
            return value
        if bmp_only and not value.isascii():
            value = _NON_BMP.sub("\ufffd", value)
        if length is not None:
            return value[:length]
        encoded = value.encode("utf-8")
        if len(encoded) > _TEXT_BYTES:
            return encoded[:_TEXT_BYTES].decode("utf-8", "ignore")
        return value

    return coerce


def _decimal_coercer(value: str | None) -> Decimal | None:
    if value is None:
        return None
    parsed = _number(value)
    if parsed is None:
        return None
    try:
        return Decimal(str(parsed)).quantize(Decimal("0.0001"))
    except InvalidOperation:
        return None


def _float_coercer(value: str | None) -> float | None:
    return None if value is None else _number(value)


def _date_coercer(value: str | None) -> dt.date | None:
    parsed = parse_datetime(value)
    return parsed.date() if parsed else None


def _sqlite_datetime(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) <= _MEMO_CHARS:
        return _sqlite_datetime_memo(value)
    return _sqlite_datetime_text(value)


def _sqlite_datetime_text(value: str) -> str | None:
    parsed = parse_datetime(value)
    # The text form SQLAlchemy's SQLite DateTime type reads back.
    return parsed.strftime("%Y-%m-%d %H:%M:%S.000000") if parsed else None


_sqlite_datetime_memo = functools.lru_cache(maxsize=_MEMO_ENTRIES)(_sqlite_datetime_text)


def _sqlite_date(value: str | None) -> str | None:
    parsed = parse_datetime(value)
    return parsed.strftime("%Y-%m-%d") if parsed else None


def _sqlite_decimal(value: str | None) -> str | None:
    parsed = _decimal_coercer(value)
    return None if parsed is None else str(parsed)


def coercer_for(column: Column[Any], *, bmp_only: bool, driver_values: str = "") -> Coercer:
    """The function that shapes an agent string for ``column``.

    ``driver_values="sqlite"`` gives values the sqlite3 driver binds as they are (dates
    as SQLAlchemy's text form, decimals as text), for statements run without
    SQLAlchemy's per-value processing; PyMySQL binds Python dates itself.
    """
    return _plan(column, bmp_only, driver_values)[0]


def _plan(column: Column[Any], bmp_only: bool, driver_values: str) -> tuple[Coercer, int | None]:
    """The coercer for ``column`` and, for a string column, its ASCII fast-path limit.

    Every coercer returns None for None; ``_compile_shape`` relies on it.
    """
    kind = column.type
    if driver_values == "sqlite":
        if isinstance(kind, types.DateTime):
            return _sqlite_datetime, None
        if isinstance(kind, types.Date):
            return _sqlite_date, None
        if isinstance(kind, types.Numeric) and not isinstance(kind, types.Float | types.Integer):
            return _sqlite_decimal, None
    if isinstance(kind, types.Integer):
        for base, (low, high) in _INT_RANGES.items():
            if isinstance(kind, base):
                return _int_coercer(low, high), None
    if isinstance(kind, types.Numeric) and not isinstance(kind, types.Float):
        return _decimal_coercer, None
    if isinstance(kind, types.Float):
        return _float_coercer, None
    if isinstance(kind, types.DateTime):
        return parse_datetime, None
    if isinstance(kind, types.Date):
        return _date_coercer, None
    length = kind.length if isinstance(kind, types.String) else None
    return _string_coercer(length, bmp_only), _ascii_limit(length)


class _Shape(Protocol):
    def __call__(
        self, row: Mapping[str, str | None], fallbacks: Mapping[str, str] | None = None
    ) -> tuple[Any, ...]: ...


_ShapeValues = Callable[[Sequence[str | None]], tuple[Any, ...]]


def perl_empties(table: Table, columns: Iterable[str], *, text: bool = True) -> dict[str, str]:
    """What the Perl server stores for an empty field, as the agent value that gives it.

    For a section row the reference binds ``''`` for every field missing or empty (after
    its fallback), which MySQL stores as ``''`` in text and ``0`` in number columns; its
    software writer binds ``''`` and ``0`` itself. NULL and ``''``/``0`` do differ to the
    OCS console and server sharing the database: ``GROUP BY`` and ``DISTINCT`` (statistics,
    duplicates by serial) split one "empty" value in two, ``COUNT(column)`` skips NULL, and
    the rows the reference wrote stop comparing equal to ours on a re-inventory. Dates stay
    NULL: ``''`` becomes ``0000-00-00``, which strict SQL modes and SQLite reject and no
    driver reads back as a date. ``text=False`` leaves text columns NULL too (``hardware``).
    """
    empties = {}
    for name in columns:
        kind = table.c[name].type
        if isinstance(kind, types.Integer | types.Numeric):  # Float is a Numeric
            empties[name] = "0"
        elif text and isinstance(kind, types.String):
            empties[name] = ""
    return empties


class RowShaper:
    """Shapes agent rows for one table: picks the known columns, in a fixed order.

    ``shape(row, fallbacks=None)`` gives the row's values in ``columns`` order, each through
    its column's coercer; a missing (or empty) field takes its fallback when fallbacks are
    given, then its ``empties`` value (an agent string, see ``perl_empties``), as does a
    value the column cannot take. It is hot (some 10,000 values per inventory), so it is
    compiled per table, with every column unrolled and the short-ASCII string check
    inlined instead of called.

    ``shape_values(values)`` is ``shape`` for values given by position (``values[i]`` for
    ``columns[i]``; any items after those are ignored), for a caller that never had a row
    dict (software: see ``Sections.element_values``).
    """

    shape: _Shape
    shape_values: _ShapeValues

    def __init__(
        self,
        table: Table,
        columns: Iterable[str],
        *,
        bmp_only: bool,
        driver_values: str = "",
        empties: Mapping[str, str] | None = None,
    ) -> None:
        self.table = table
        self.columns: tuple[str, ...] = tuple(columns)
        plans = [_plan(table.c[name], bmp_only, driver_values) for name in self.columns]
        self._pairs = tuple(
            (name, coerce) for name, (coerce, _) in zip(self.columns, plans, strict=True)
        )
        given = empties or {}
        shaped_empties = [
            coerce(given[name]) if name in given else None
            for name, (coerce, _) in zip(self.columns, plans, strict=True)
        ]
        self.shape, self.shape_values = _compile_shape(
            table.name, self.columns, plans, shaped_empties
        )

    def coercer(self, name: str) -> Coercer:
        return dict(self._pairs)[name]


def _compile_shape(
    table: str,
    columns: tuple[str, ...],
    plans: list[tuple[Coercer, int | None]],
    empties: list[Any],
) -> tuple[_Shape, _ShapeValues]:
    """Generate ``shape`` and ``shape_values`` for these columns; equivalent to calling
    each coercer in turn.

    Every coercer maps None to None, so None never reaches one; a string column's coercer is
    only called when the value is not short ASCII; a None result becomes the column's
    ``empties`` value when it has one (an ``or``: each such value is its type's zero, so a
    zero result is replaced by an equal one). Names enter the source through ``repr``.
    """
    env: dict[str, Any] = {"__name__": __name__}
    plain, fallback, positional, values = ["pass"], ["pass"], ["pass"], []
    for i, (name, (coerce, ascii_limit)) in enumerate(zip(columns, plans, strict=True)):
        env[f"c{i}"] = coerce
        plain.append(f"v{i} = get({name!r})")
        fallback.append(f"v{i} = get({name!r}) or fb({name!r})")
        positional.append(f"v{i} = values[{i}]")
        if ascii_limit is None:
            value = f"None if v{i} is None else c{i}(v{i})"
        else:
            fast = f"v{i} is None or (len(v{i}) <= {int(ascii_limit)} and v{i}.isascii())"
            value = f"v{i} if {fast} else c{i}(v{i})"
        if empties[i] is None:
            values.append(value)
        else:
            env[f"e{i}"] = empties[i]
            values.append(f"({value}) or e{i}")
    returned = "".join(value + ", " for value in values)
    source = "\n".join(
        [
            "def shape(row, fallbacks=None):",
            "    get = row.get",
            "    if fallbacks:",
            "        fb = fallbacks.get",
            *(f"        {line}" for line in fallback),
            "    else:",
            *(f"        {line}" for line in plain),
            f"    return ({returned})",
            "def shape_values(values):",
            *(f"    {line}" for line in positional),
            f"    return ({returned})",
        ]
    )
    # Our own source (column names enter it as repr() literals); tracebacks name the table.
    exec(compile(source, f"<RowShaper {table!r}>", "exec"), env)
    return env["shape"], env["shape_values"]
