"""Turn agent strings into values a column of the real schema accepts.

Agents send free text everywhere (``DISKSIZE`` "274877.906944", ``MEMORY`` "1024 MB",
260-character names). MariaDB in strict mode rejects what does not fit, and a
utf8mb3 database (every OCS install) rejects characters outside the BMP, so every
value is shaped to its column here, once, before any SQL runs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Column, Table, types

Coercer = Callable[[str | None], Any]

_LEADING_NUMBER = re.compile(r"\s*([-+]?\d+(?:[.,]\d+)?)")
_NON_BMP = re.compile("[\U00010000-\U0010ffff]")
_DATE = re.compile(
    r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?"
)
_TEXT_BYTES = 65535  # MySQL TEXT, in bytes

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
    match = _DATE.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


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


def _string_coercer(length: int | None, bmp_only: bool) -> Coercer:
    limit = length if length is not None else _TEXT_BYTES // 4

    def coerce(value: str | None) -> str | None:
        # Fast path first: nearly every agent value is short ASCII.
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
    parsed = parse_datetime(value)
    # The text form SQLAlchemy's SQLite DateTime type reads back.
    return parsed.strftime("%Y-%m-%d %H:%M:%S.000000") if parsed else None


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
    kind = column.type
    if driver_values == "sqlite":
        if isinstance(kind, types.DateTime):
            return _sqlite_datetime
        if isinstance(kind, types.Date):
            return _sqlite_date
        if isinstance(kind, types.Numeric) and not isinstance(kind, types.Float | types.Integer):
            return _sqlite_decimal
    if isinstance(kind, types.Integer):
        for base, (low, high) in _INT_RANGES.items():
            if isinstance(kind, base):
                return _int_coercer(low, high)
    if isinstance(kind, types.Numeric) and not isinstance(kind, types.Float):
        return _decimal_coercer
    if isinstance(kind, types.Float):
        return _float_coercer
    if isinstance(kind, types.DateTime):
        return parse_datetime
    if isinstance(kind, types.Date):
        return _date_coercer
    if isinstance(kind, types.String):
        return _string_coercer(kind.length, bmp_only)
    return _string_coercer(None, bmp_only)


class RowShaper:
    """Shapes agent rows for one table: picks the known columns, in a fixed order."""

    def __init__(
        self, table: Table, columns: Iterable[str], *, bmp_only: bool, driver_values: str = ""
    ) -> None:
        self.table = table
        self.columns: tuple[str, ...] = tuple(columns)
        self._pairs = tuple(
            (name, coercer_for(table.c[name], bmp_only=bmp_only, driver_values=driver_values))
            for name in self.columns
        )

    def shape(self, row: dict[str, str | None], fallbacks: dict[str, str] | None = None) -> tuple:
        """The row's values in ``self.columns`` order; missing fields take the fallback."""
        get = row.get
        if fallbacks:
            return tuple([coerce(get(name) or fallbacks.get(name)) for name, coerce in self._pairs])
        return tuple([coerce(get(name)) for name, coerce in self._pairs])

    def coercer(self, name: str) -> Coercer:
        return dict(self._pairs)[name]
