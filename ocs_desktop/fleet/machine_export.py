"""One machine's whole inventory to a file: JSON for scripts, CSV for a spreadsheet.

Values are written raw (sizes in the agent's units, dates in ISO), under the real column
names beside their English labels, so a script never has to parse a display format.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
from pathlib import Path
from typing import Any

from ocs_desktop.fleet.field_catalog import field_info
from ocs_desktop.fleet.machine_detail import MachineDetail


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def machine_dict(detail: MachineDetail) -> dict[str, Any]:
    """``{"id", "name", "categories": {key: [{column: value}, …]}}``."""
    return {
        "id": detail.id,
        "name": detail.name,
        "categories": {
            key: [
                {column: _plain(value) for column, value in zip(rows.columns, row, strict=True)}
                for row in rows.rows
            ]
            for key, rows in detail.categories.items()
        },
    }


def write_machine(detail: MachineDetail, path: Path) -> int:
    """Write ``detail`` as JSON (``.json``) or CSV (anything else); returns the rows written."""
    if path.suffix.lower() == ".json":
        data = machine_dict(detail)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        return sum(len(rows) for rows in data["categories"].values())
    written = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["category", "item", "column", "label", "value"])
        for key, rows in detail.categories.items():
            for number, row in enumerate(rows.rows, start=1):
                for column, value in zip(rows.columns, row, strict=True):
                    label = field_info(rows.category.table, column).label
                    writer.writerow([key, number, column, label, _plain(value)])
                written += 1
    return written
