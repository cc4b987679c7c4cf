"""Build inventory documents for tests from the real agent sample."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from lxml import etree
from sqlalchemy import Engine, select, text

from ocs_desktop.models import Base

DATA = Path(__file__).resolve().parent.parent / "data"
FIRST = DATA / "ocsinventory-agent-sent-inventory-first.xml"
UPDATE = DATA / "ocsinventory-agent-sent-inventory-update.xml"
LOCAL = DATA / "ocsinventory-agent-local.ocs"


def inventory_xml(
    sample: Path = FIRST,
    *,
    deviceid: str | None = None,
    name: str | None = None,
    checksum: int | str | None = "keep",
    accountinfo: Sequence[tuple[str, str]] = (),
    drop: Iterable[str] = (),
    add: Mapping[str, Sequence[Mapping[str, str]]] | None = None,
    history: Sequence[str] | None = None,
    hardware: Mapping[str, str] | None = None,
) -> bytes:
    """The sample with its identity and some sections changed."""
    root = etree.parse(str(sample)).getroot()
    content = root.find("CONTENT")
    assert content is not None
    if deviceid is not None:
        root.find("DEVICEID").text = deviceid  # type: ignore[union-attr]
    hw = content.find("HARDWARE")
    assert hw is not None
    if name is not None:
        _set(hw, "NAME", name)
    if checksum is None:
        existing = hw.find("CHECKSUM")
        if existing is not None:
            hw.remove(existing)
    elif checksum != "keep":
        _set(hw, "CHECKSUM", str(checksum))
    for key, value in (hardware or {}).items():
        _set(hw, key, value)
    for section in drop:
        for element in content.findall(section):
            content.remove(element)
    for section, rows in (add or {}).items():
        for row in rows:
            element = etree.SubElement(content, section)
            for key, value in row.items():
                etree.SubElement(element, key).text = value
    for key, value in accountinfo:
        element = etree.SubElement(content, "ACCOUNTINFO")
        etree.SubElement(element, "KEYNAME").text = key
        etree.SubElement(element, "KEYVALUE").text = value
    if history is not None:
        for element in content.findall("DOWNLOAD"):
            content.remove(element)
        download = etree.SubElement(content, "DOWNLOAD")
        hist = etree.SubElement(download, "HISTORY")
        for package_id in history:
            etree.SubElement(hist, "PACKAGE", ID=package_id)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _set(parent: etree._Element, tag: str, value: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = etree.SubElement(parent, tag)
    element.text = value


def count(engine: Engine, table: str, **where: object) -> int:
    t = Base.metadata.tables[table]
    query = select(text("COUNT(*)")).select_from(t)
    for key, value in where.items():
        query = query.where(t.c[key] == value)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def machine_ids(engine: Engine) -> list[int]:
    """The IDs of the real machines (not the group pseudo-machines), ascending."""
    with engine.connect() as conn:
        return [
            int(i)
            for i in conn.scalars(
                text(
                    "SELECT ID FROM hardware WHERE DEVICEID NOT IN "
                    "('_SYSTEMGROUP_', '_DOWNLOADGROUP_') ORDER BY ID"
                )
            )
        ]


def fingerprint(engine: Engine) -> dict[str, str]:
    """A digest of every mapped table's content, to prove a failure changed nothing."""
    digests = {}
    with engine.connect() as conn:
        for name, table in sorted(Base.metadata.tables.items()):
            columns = list(table.c)
            rows = conn.execute(select(*columns).order_by(*columns)).all()
            digests[name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests
