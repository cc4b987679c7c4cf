"""A machine's detail: every category, with the real columns, against direct SQL counts."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.fleet.machine_detail import (
    CATEGORIES,
    load_category,
    load_machine_detail,
)
from ocs_desktop.models import Base
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]

EXPECTED_ORDER = [
    "hardware",
    "bios",
    "cpus",
    "memories",
    "storages",
    "drives",
    "networks",
    "videos",
    "sounds",
    "controllers",
    "monitors",
    "printers",
    "inputs",
    "modems",
    "ports",
    "slots",
    "software",
    "virtualmachines",
    "registry",
    "admin",
]


def _count(engine: Engine, table: str, hardware_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE HARDWARE_ID = :id"), {"id": hardware_id}
            ).scalar_one()
        )


def test_categories_use_every_mapped_column() -> None:
    assert [c.key for c in CATEGORIES] == EXPECTED_ORDER
    for category in CATEGORIES:
        if category.key in ("software", "admin"):
            continue
        mapped = {c.name for c in Base.metadata.tables[category.table].columns}
        assert set(category.columns) == mapped - {"ID", "HARDWARE_ID"}, category.key


@pytest.mark.parametrize("machine", ["vm", "pc-000000", "pc-000001"])
def test_detail_rows_match_the_database(fleet: Fleet, machine: str) -> None:
    engine, facts = fleet
    hardware_id = facts.ids_by_name[machine]
    with engine.connect() as conn:
        detail = load_machine_detail(conn, hardware_id)
    assert (detail.id, detail.name) == (hardware_id, machine)
    assert list(detail.categories) == EXPECTED_ORDER
    hardware = detail.categories["hardware"]
    assert len(hardware.rows) == 1
    row = dict(zip(hardware.columns, hardware.rows[0], strict=True))
    assert row["NAME"] == machine and row["OSNAME"] == facts.os_by_name[machine]
    for key, rows in detail.categories.items():
        assert len(rows.columns) == len(rows.category.columns) or key == "admin"
        assert all(len(r) == len(rows.columns) for r in rows.rows), key
        if key in ("hardware", "admin"):
            continue
        assert len(rows.rows) == _count(engine, rows.category.table, hardware_id), key
    assert detail.categories["cpus"].rows
    assert detail.categories["networks"].rows
    assert detail.categories["software"].rows
    assert detail.categories["admin"].rows == [(facts.tag_by_name[machine],)]


def test_software_has_readable_names_publishers_and_versions(fleet: Fleet) -> None:
    engine, facts = fleet
    hardware_id = facts.sample_id
    with engine.connect() as conn:
        software = load_category(conn, hardware_id, "software")
        expected = conn.execute(
            text(
                "SELECT n.NAME, p.PUBLISHER, v.VERSION, s.FOLDER, s.GUID FROM software s"
                " JOIN software_name n ON n.ID = s.NAME_ID"
                " JOIN software_publisher p ON p.ID = s.PUBLISHER_ID"
                " JOIN software_version v ON v.ID = s.VERSION_ID"
                " WHERE s.HARDWARE_ID = :id"
            ),
            {"id": hardware_id},
        ).all()
    columns = software.columns
    assert columns[:3] == ("NAME", "PUBLISHER", "VERSION")
    assert {"FOLDER", "COMMENTS", "INSTALLDATE", "FILESIZE", "GUID", "LANGUAGE"} <= set(columns)
    got = sorted(
        tuple(dict(zip(columns, row, strict=True))[c] for c in ("NAME", "PUBLISHER", "VERSION"))
        + tuple(dict(zip(columns, row, strict=True))[c] for c in ("FOLDER", "GUID"))
        for row in software.rows
    )
    assert got == sorted(tuple(row) for row in expected)
    assert len(software.rows) == _count(engine, "software", hardware_id) > 0


def test_unknown_machine_group_and_category_are_refused(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO hardware (DEVICEID, NAME) VALUES ('_SYSTEMGROUP_', 'a group')")
        )
        group_id = int(conn.execute(text("SELECT max(ID) FROM hardware")).scalar_one())
    with engine.connect() as conn:
        with pytest.raises(LookupError):
            load_machine_detail(conn, group_id)
        with pytest.raises(LookupError):
            load_machine_detail(conn, group_id + 1000)
        with pytest.raises(ValueError):
            load_category(conn, facts.sample_id, "softwares")
