"""The software dictionary's id cache holds only ids of committed rows.

Ids are resolved in a short transaction of their own, kind after kind. When it fails half
way, the names it had inserted are rolled back: caching their ids would hand every later
inventory a NAME_ID that points at no row.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from ocs_desktop.inventory.dictionary import SoftwareDictionary


class VersionInsertRefused(Exception):
    """What the database 'answers' to the INSERT into software_version, here."""


def _names(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT NAME, ID FROM software_name WHERE NAME LIKE 'dict-%'"))
        return {name: int(row_id) for name, row_id in rows}


def test_resolved_ids_are_the_stored_rows(engine: Engine) -> None:
    dictionary = SoftwareDictionary(engine)
    ids = dictionary.resolve({"name": ["dict-a", "dict-b"], "version": ["dict-1.0"]})
    assert {name: ids["name"][name] for name in ("dict-a", "dict-b")} == _names(engine)
    # Known now: answered from the cache, the same ids.
    again = dictionary.resolve({"name": ["dict-b"]})
    assert again["name"]["dict-b"] == _names(engine)["dict-b"]


def test_a_failed_transaction_leaves_no_id_in_the_cache(engine: Engine) -> None:
    dictionary = SoftwareDictionary(engine)

    def refuse(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if "INTO software_version" in statement:
            raise VersionInsertRefused(statement)

    event.listen(engine, "before_cursor_execute", refuse)
    try:
        with pytest.raises(VersionInsertRefused):
            # Names first: inserted and read back, then the versions' INSERT fails.
            dictionary.resolve({"name": ["dict-rolled-back"], "version": ["dict-9.9"]})
    finally:
        event.remove(engine, "before_cursor_execute", refuse)
    assert _names(engine) == {}  # rolled back
    ids = dictionary.resolve({"name": ["dict-rolled-back"], "version": ["dict-9.9"]})
    assert ids["name"]["dict-rolled-back"] == _names(engine)["dict-rolled-back"]
