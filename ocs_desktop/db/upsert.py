"""INSERT ... or update the row with the same primary key, in each dialect's words.

SQLite says ``ON CONFLICT (...) DO UPDATE``, MySQL ``ON DUPLICATE KEY UPDATE``; the new
row's values are ``excluded`` in one and ``inserted`` in the other. Callers say once what
to set from them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import mysql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.dml import Insert

#: Given the proposed row's columns, the values to set on the existing row.
Updates = Callable[[Any], Mapping[str, Any]]


def upsert(dialect: Dialect, table: Table, updates: Updates) -> Insert:
    """An INSERT into ``table`` that, on a primary-key conflict, sets ``updates(new)``."""
    if dialect.name == "sqlite":
        lite = sqlite.insert(table)
        return lite.on_conflict_do_update(
            index_elements=list(table.primary_key.columns), set_=dict(updates(lite.excluded))
        )
    if dialect.name in ("mysql", "mariadb"):
        my = mysql.insert(table)
        return my.on_duplicate_key_update(dict(updates(my.inserted)))
    raise NotImplementedError(f"no upsert for {dialect.name}")
