"""Admin data as text and back: the one conversion the console's editors, the CLI and the
tagging rules share, so a value typed in one reads back the same in the others."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.sql import sqltypes


def to_column(value: str | None, type_: sqltypes.TypeEngine[Any]) -> Any:
    """Text as the column holds it; empty is NULL for non-text columns."""
    if value is None:
        return None
    if isinstance(type_, sqltypes.Integer | sqltypes.Numeric):
        return int(value) if value.strip() else None
    if isinstance(type_, sqltypes.DateTime):
        return dt.datetime.fromisoformat(value.strip()) if value.strip() else None
    if isinstance(type_, sqltypes.Date):
        return dt.date.fromisoformat(value.strip()) if value.strip() else None
    return value


def as_text(value: Any) -> str | None:
    """A column's value as text (dates in ISO form)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
