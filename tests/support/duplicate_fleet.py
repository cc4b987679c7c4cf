"""Duplicate machines for tests: inventories with a chosen identity, admin data to move,
and the checks every merge must pass (no orphan rows)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree
from sqlalchemy import Engine, insert, select, text, update

from ocs_desktop.db.machine_rows import machine_tables
from ocs_desktop.models import Base
from tests.support.builders import inventory_xml

TABLES = Base.metadata.tables


def identity_xml(
    deviceid: str,
    *,
    name: str | None = "pc-1",
    serial: str | None = "SER-1",
    macs: Sequence[str] = ("02:00:00:00:00:01",),
    model: str | None = "Model-1",
    uuid: str | None = "UUID-1",
    asset: str | None = "ASSET-1",
    old: str | None = None,
    old_in_history: str | None = None,
    accountinfo: Sequence[tuple[str, str]] = (),
    history: Sequence[str] | None = None,
    software: bool = False,
    hardware: Mapping[str, str] | None = None,
) -> bytes:
    """The agent sample as one machine: its identity replaced (no BIOS, NETWORKS or UUID of
    the sample's own), OLD_DEVICEID where the UNIX or the Windows agent puts it."""
    bios = {"SSN": serial, "SMODEL": model, "ASSETTAG": asset, "SMANUFACTURER": "Test"}
    networks = [
        {"DESCRIPTION": f"eth{i}", "MACADDR": mac, "STATUS": "Up"} for i, mac in enumerate(macs)
    ]
    body = inventory_xml(
        deviceid=deviceid,
        drop=["BIOS", "NETWORKS"] + ([] if software else ["SOFTWARES"]),
        add={
            "BIOS": [{k: v for k, v in bios.items() if v is not None}],
            "NETWORKS": networks,
        },
        hardware={"UUID": uuid or "", **(hardware or {})},
        accountinfo=accountinfo,
        history=[*history] if history is not None else ([] if old_in_history else None),
    )
    root = etree.fromstring(body)
    content = root.find("CONTENT")
    assert content is not None
    content.find("HARDWARE/NAME").text = name or ""  # type: ignore[union-attr]
    if old is not None:
        etree.SubElement(content, "OLD_DEVICEID").text = old
    if old_in_history is not None:
        etree.SubElement(content.find("DOWNLOAD/HISTORY"), "OLD_DEVICEID").text = old_in_history  # type: ignore[arg-type]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def set_config(engine: Engine, **values: int) -> None:
    config = TABLES["config"]
    with engine.begin() as conn:
        for name, value in values.items():
            changed = conn.execute(
                update(config).where(config.c.NAME == name).values(IVALUE=value)
            ).rowcount
            if not changed:
                conn.execute(insert(config).values(NAME=name, IVALUE=value))


def orphans(engine: Engine) -> dict[str, set[int]]:
    """Rows of every machine table pointing at no ``hardware`` row."""
    found: dict[str, set[int]] = {}
    with engine.connect() as conn:
        ids = set(conn.execute(text("SELECT ID FROM hardware")).scalars())
        for table in machine_tables(conn):
            owners = set(conn.execute(select(table.c.HARDWARE_ID).distinct()).scalars())
            lost = {int(i) for i in owners if i is not None and i not in ids}
            if lost:
                found[table.name] = lost
    return found


def hardware_ids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return sorted(conn.execute(text("SELECT ID FROM hardware")).scalars())
