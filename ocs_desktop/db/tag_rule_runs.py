"""Applying tagging rules to the fleet, restorably, and undoing the last run.

:func:`apply_rules` plans exactly as a preview does (``tag_rule_match.plan_changes``) and,
in the caller's transaction, first saves the whole ``accountinfo`` row of every machine
it will touch (``ocsdesktop_tag_rule_backup``, JSON keeping each value's type; a machine
without a row is noted as such), then writes. :func:`undo_last_run` puts those rows back
as they were, every column, and deletes the rows the run created. Values are read and
written untyped, as the driver gives them, so the restored row is the same bytes.

What rules write after an inventory (``inventory.tag_rules_writer``) is not a run: the
agent's next inventory would write over a restored value anyway.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from ocs_desktop.db.tag_rule_match import (
    Change,
    GroupCondition,
    accountinfo_table,
    chunks,
    plan_changes,
    write_changes,
)
from ocs_desktop.db.tag_rules import AdminColumns, list_rules, rules_present
from ocs_desktop.models.extensions import tag_rule_backup, tag_rule_runs


class StalePreview(RuntimeError):
    """The rules would now change something else than the preview said: nothing written."""


@dataclass(frozen=True)
class RunResult:
    """What an apply did: its run (None when nothing changed) and the changes."""

    run_id: int | None
    changes: list[Change]


@dataclass(frozen=True)
class RunInfo:
    id: int
    applied_at: dt.datetime
    applied_by: str | None
    changes: int
    undone_at: dt.datetime | None


@dataclass(frozen=True)
class UndoResult:
    run_id: int
    restored: int
    deleted: int


# -- one row as JSON, every value with its type -------------------------------------------


def _encode(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return ["i", int(value)]
    if isinstance(value, int):
        return ["i", value]
    if isinstance(value, float):
        return ["f", repr(value)]
    if isinstance(value, Decimal):
        return ["d", str(value)]
    if isinstance(value, str):
        return ["s", value]
    if isinstance(value, dt.datetime):
        return ["dt", value.isoformat()]
    if isinstance(value, dt.date):
        return ["da", value.isoformat()]
    if isinstance(value, dt.time):
        return ["t", value.isoformat()]
    if isinstance(value, dt.timedelta):
        return ["td", [value.days, value.seconds, value.microseconds]]
    if isinstance(value, bytes | bytearray | memoryview):
        return ["b", base64.b64encode(bytes(value)).decode("ascii")]
    raise TypeError(f"cannot back up a {type(value).__name__} value")


def _decode(item: Any) -> Any:
    if item is None:
        return None
    kind, value = item
    decoders: dict[str, Any] = {
        "i": int,
        "f": float,
        "d": Decimal,
        "s": str,
        "dt": dt.datetime.fromisoformat,
        "da": dt.date.fromisoformat,
        "t": dt.time.fromisoformat,
        "td": lambda parts: dt.timedelta(days=parts[0], seconds=parts[1], microseconds=parts[2]),
        "b": base64.b64decode,
    }
    return decoders[kind](value)


def encode_row(row: Mapping[str, Any]) -> str:
    """ASCII JSON (any table charset holds it) of a row's columns and typed values."""
    return json.dumps(
        {name: _encode(value) for name, value in row.items()},
        ensure_ascii=True,
        sort_keys=True,
        separators=(",", ":"),
    )


def decode_row(text: str) -> dict[str, Any]:
    return {name: _decode(item) for name, item in json.loads(text).items()}


def _raw_rows(
    conn: Connection, columns: AdminColumns, ids: Iterable[int]
) -> dict[int, dict[str, Any]]:
    """The rows as the driver gives them, locked until the transaction ends (MySQL)."""
    accountinfo = accountinfo_table(columns, typed=False)
    rows: dict[int, dict[str, Any]] = {}
    for chunk in chunks(ids):
        statement = select(accountinfo).where(accountinfo.c.HARDWARE_ID.in_(chunk))
        for row in conn.execute(statement.with_for_update()).mappings():
            rows[int(row["HARDWARE_ID"])] = dict(row)
    return rows


# -- preview, apply, undo ---------------------------------------------------------------


def preview(conn: Connection, group_condition: GroupCondition | None = None) -> list[Change]:
    """What :func:`apply_rules` would change now, by machine then field."""
    return plan_changes(conn, list_rules(conn), group_condition=group_condition)


def apply_rules(
    conn: Connection,
    *,
    group_condition: GroupCondition | None = None,
    user: str | None = None,
    expected: Sequence[Change] | None = None,
    now: dt.datetime | None = None,
) -> RunResult:
    """Back up, then write, what the enabled rules change; all in the caller's transaction.

    With ``expected`` (a preview shown to the operator), ``StalePreview`` if the plan now
    differs, before anything is written."""
    columns = AdminColumns.read(conn)
    changes = plan_changes(conn, list_rules(conn), columns=columns, group_condition=group_condition)
    if expected is not None and list(expected) != changes:
        raise StalePreview("the machines changed since the preview: preview again")
    if not changes:
        return RunResult(None, [])
    ids = sorted({c.hardware_id for c in changes})
    originals = _raw_rows(conn, columns, ids)
    result = conn.execute(
        insert(tag_rule_runs).values(
            APPLIED_AT=(now or dt.datetime.now()).replace(microsecond=0),
            APPLIED_BY=(user or "")[:255] or None,
            CHANGES=len(changes),
            UNDONE_AT=None,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    run_id = int(key[0])
    for chunk in chunks(ids):
        conn.execute(
            insert(tag_rule_backup),
            [
                {
                    "RUN_ID": run_id,
                    "HARDWARE_ID": i,
                    "HAD_ROW": int(i in originals),
                    "ROW_JSON": encode_row(originals[i]) if i in originals else None,
                }
                for i in chunk
            ],
        )
    write_changes(conn, changes, columns)
    return RunResult(run_id, changes)


def list_runs(conn: Connection) -> list[RunInfo]:
    """Every run, the latest first (none without our tables)."""
    if not rules_present(conn):
        return []
    c = tag_rule_runs.c
    rows = conn.execute(select(tag_rule_runs).order_by(c.ID.desc()))
    return [
        RunInfo(int(r.ID), r.APPLIED_AT, r.APPLIED_BY, int(r.CHANGES), r.UNDONE_AT) for r in rows
    ]


def undo_last_run(conn: Connection, now: dt.datetime | None = None) -> UndoResult:
    """Restore the rows the latest run not yet undone changed; ``LookupError`` if none.

    Changes made to those machines' admin data since the run are overwritten too."""
    runs = [run for run in list_runs(conn) if run.undone_at is None]
    if not runs:
        raise LookupError("no tagging rule run to undo")
    run = runs[0]
    columns = AdminColumns.read(conn)
    accountinfo = accountinfo_table(columns, typed=False)
    backups = conn.execute(
        select(tag_rule_backup.c.HARDWARE_ID, tag_rule_backup.c.HAD_ROW, tag_rule_backup.c.ROW_JSON)
        .where(tag_rule_backup.c.RUN_ID == run.id)
        .order_by(tag_rule_backup.c.HARDWARE_ID)
    ).all()
    present = _raw_rows(conn, columns, [int(b.HARDWARE_ID) for b in backups])
    restored = deleted = 0
    for hardware_id, had_row, row_json in backups:
        hardware_id = int(hardware_id)
        if not had_row:
            conn.execute(delete(accountinfo).where(accountinfo.c.HARDWARE_ID == hardware_id))
            deleted += 1
            continue
        original = {k: v for k, v in decode_row(row_json).items() if k in accountinfo.c}
        values = {k: v for k, v in original.items() if k != "HARDWARE_ID"}
        if hardware_id in present:
            conn.execute(
                update(accountinfo).where(accountinfo.c.HARDWARE_ID == hardware_id).values(**values)
            )
        else:
            conn.execute(insert(accountinfo).values(HARDWARE_ID=hardware_id, **values))
        restored += 1
    conn.execute(
        update(tag_rule_runs)
        .where(tag_rule_runs.c.ID == run.id)
        .values(UNDONE_AT=(now or dt.datetime.now()).replace(microsecond=0))
    )
    return UndoResult(run.id, restored, deleted)
