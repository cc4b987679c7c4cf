"""Ingestion of real agent inventories into SQLite and MariaDB (PROTOCOL.md 1.7)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, select, text, update

from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory
from tests.support.builders import FIRST, LOCAL, UPDATE, count, fingerprint, inventory_xml

HW = Base.metadata.tables["hardware"]
ACCOUNTINFO = Base.metadata.tables["accountinfo"]


def _ingest(engine: Engine, body: bytes, **kwargs):
    return Ingestor(engine).ingest(parse_inventory(body), **kwargs)


def _hardware(engine: Engine, hardware_id: int):
    with engine.connect() as conn:
        return conn.execute(select(HW).where(HW.c.ID == hardware_id)).one()


def _set_config(engine: Engine, name: str, ivalue: int) -> None:
    config = Base.metadata.tables["config"]
    with engine.begin() as conn:
        conn.execute(config.delete().where(config.c.NAME == name))
        conn.execute(config.insert().values(NAME=name, IVALUE=ivalue))


def test_first_inventory_creates_the_machine_with_its_components(engine: Engine) -> None:
    result = _ingest(
        engine,
        FIRST.read_bytes(),
        remote_addr="192.0.2.2",
        useragent="OCS-NG_unified_unix_agent_v2.10.0",
    )
    assert result.created
    hw = _hardware(engine, result.hardware_id)
    assert hw.DEVICEID == "vm-2026-11-25-08-13-43"
    assert (hw.NAME, hw.OSNAME, hw.MEMORY, hw.PROCESSORN) == ("vm", "Debian GNU/Linux 12", 24105, 1)
    assert hw.USERAGENT == "OCS-NG_unified_unix_agent_v2.10.0"
    assert hw.IPADDR == "192.0.2.2" and hw.IPSRC == "192.0.2.2"
    assert hw.CHECKSUM == 1572863
    assert hw.LASTDATE is not None and hw.LASTCOME is not None
    expected = {
        "software": 899, "networks": 4, "local_groups": 48, "local_users": 25,
        "controllers": 6, "repository": 3, "storages": 2, "drives": 1, "cpus": 1,
    }  # fmt: skip
    for table, rows in expected.items():
        assert count(engine, table, HARDWARE_ID=result.hardware_id) == rows, table
    # BIOS is empty in this VM's inventory: no row rather than a row of blanks.
    assert count(engine, "bios", HARDWARE_ID=result.hardware_id) == 0
    # What the reference server answered to this very inventory (http-capture).
    assert result.account_update == (("TAG", "NA"),)
    with engine.connect() as conn:
        disksize = conn.execute(text("SELECT DISKSIZE FROM storages WHERE NAME = 'vda'")).scalar()
    assert disksize in (274877, 274878)  # "274877.906944" MB in the XML


def test_software_uses_the_normalised_tables(engine: Engine) -> None:
    result = _ingest(engine, FIRST.read_bytes())
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT n.NAME, p.PUBLISHER, v.VERSION, s.ARCHITECTURE, s.FILESIZE, s.INSTALLDATE "
                "FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
                "JOIN software_publisher p ON p.ID = s.PUBLISHER_ID "
                "JOIN software_version v ON v.ID = s.VERSION_ID "
                "WHERE n.NAME = 'zstd' AND s.HARDWARE_ID = :id"
            ),
            {"id": result.hardware_id},
        ).one()
        no_publisher = conn.execute(
            text("SELECT COUNT(*) FROM software WHERE PUBLISHER_ID = 1 AND HARDWARE_ID = :id"),
            {"id": result.hardware_id},
        ).scalar()
    assert row[:5] == (
        "zstd",
        "https://github.com/facebook/zstd",
        "1.5.4+dfsg2-5",
        "amd64",
        2152448,
    )
    assert str(row.INSTALLDATE).startswith("2026-08-22 04:45:25")
    assert no_publisher == 899 - 775  # entries without PUBLISHER point at 'Unavailable'


def test_reinventory_updates_without_duplicating(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    first = ingestor.ingest(parse_inventory(FIRST.read_bytes()))
    before = fingerprint(engine)
    second = ingestor.ingest(parse_inventory(UPDATE.read_bytes()))
    assert not second.created and second.hardware_id == first.hardware_id
    assert count(engine, "hardware") == 1
    assert count(engine, "software") == 899
    assert second.sections["SOFTWARES"].inserted == 0
    assert second.sections["SOFTWARES"].kept == 899
    # CHECKSUM 513 = HARDWARE | DRIVES: controllers are left alone, drives are rewritten.
    assert "CONTROLLERS" not in second.sections
    assert "DRIVES" in second.sections
    assert _hardware(engine, second.hardware_id).CHECKSUM == 513
    after = fingerprint(engine)
    assert before["controllers"] == after["controllers"]
    assert before["software"] == after["software"]  # rows kept, ids stable
    assert second.account_update == (("TAG", "NA"),)


def test_failure_midway_leaves_nothing_behind(engine: Engine) -> None:
    """A real database error in the middle of the writes rolls the whole inventory back."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_drives BEFORE INSERT ON drives "
                    "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_drives BEFORE INSERT ON drives FOR EACH ROW "
                    "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test trigger'"
                )
            )
    before = fingerprint(engine)
    with pytest.raises(Exception, match="refused by test trigger"):
        _ingest(engine, FIRST.read_bytes())
    after = fingerprint(engine)
    # Dictionary rows are committed apart on purpose (harmless); nothing else changed.
    changed = {t for t in before if before[t] != after[t]}
    assert changed <= {"software_name", "software_publisher", "software_version"}
    assert count(engine, "hardware") == 0


def test_tag_rules(engine: Engine) -> None:
    first = _ingest(engine, inventory_xml(accountinfo=[("TAG", "Paris")]))
    assert first.account_update is None
    again = _ingest(engine, inventory_xml(accountinfo=[("TAG", "Lyon")]))
    assert again.account_update == (("TAG", "Paris"),)  # the database wins
    with engine.connect() as conn:
        assert conn.execute(select(ACCOUNTINFO.c.TAG)).scalar() == "Paris"

    _set_config(engine, "ACCEPT_TAG_UPDATE_FROM_CLIENT", 1)
    accepted = _ingest(engine, inventory_xml(accountinfo=[("TAG", "Lyon")]))
    assert accepted.account_update is None
    with engine.connect() as conn:
        assert conn.execute(select(ACCOUNTINFO.c.TAG)).scalar() == "Lyon"

    with engine.begin() as conn:
        conn.execute(ACCOUNTINFO.delete())
    lost = _ingest(engine, inventory_xml(accountinfo=[("TAG", "Lyon")]))
    assert lost.account_update == (("TAG", "LOST"),)


def test_checksum_decides_what_is_rewritten(engine: Engine) -> None:
    printers = [{"NAME": "HP LaserJet", "DRIVER": "hpcups"}, {"NAME": "PDF", "DRIVER": "cups-pdf"}]
    first = _ingest(engine, inventory_xml(add={"PRINTERS": printers}))
    assert count(engine, "printers", HARDWARE_ID=first.hardware_id) == 2
    # Bit 8192 clear: the agent says printers did not change, whatever it sends.
    _ingest(engine, inventory_xml(checksum=1, add={"PRINTERS": printers[:1]}))
    assert count(engine, "printers") == 2
    # Bit set and no PRINTERS at all: the machine has none left.
    _ingest(engine, inventory_xml(checksum=1 | 8192))
    assert count(engine, "printers") == 0
    # No CHECKSUM: every section sent is rewritten.
    _ingest(engine, inventory_xml(checksum=None, add={"PRINTERS": printers[:1]}))
    assert count(engine, "printers") == 1


def test_inventory_diff_off_rewrites_every_section_sent(engine: Engine) -> None:
    _set_config(engine, "INVENTORY_DIFF", 0)
    _ingest(engine, inventory_xml())
    changed = inventory_xml(
        checksum=1, drop=["CONTROLLERS"], add={"CONTROLLERS": [{"NAME": "only one"}]}
    )
    result = _ingest(engine, changed)
    assert count(engine, "controllers") == 1
    assert result.sections["CONTROLLERS"].deleted == 6


def test_download_history_is_rebuilt(engine: Engine) -> None:
    available = Base.metadata.tables["download_available"]
    with engine.begin() as conn:
        conn.execute(
            available.insert().values(
                FILEID="1700000000",
                NAME="Firefox",
                PRIORITY=5,
                FRAGMENTS=1,
                SIZE=10,
                OSNAME="LINUX",
            )
        )
    result = _ingest(engine, inventory_xml(history=["1700000000", "1700000001"]))
    history = Base.metadata.tables["download_history"]
    with engine.connect() as conn:
        rows = conn.execute(
            select(history.c.PKG_ID, history.c.PKG_NAME).order_by(history.c.PKG_ID)
        ).all()
    assert [tuple(r) for r in rows] == [(1700000000, "Firefox"), (1700000001, None)]
    _ingest(engine, inventory_xml(history=[]))
    assert count(engine, "download_history", HARDWARE_ID=result.hardware_id) == 0


def test_download_history_ignores_ids_beyond_the_column(engine: Engine) -> None:
    """PKG_ID is a signed INT: a larger id is dropped, and an inventory sending only such
    ids leaves no history row at all (not a row of defaults with no machine)."""
    _ingest(engine, inventory_xml(history=["1700000000"]))
    _ingest(engine, inventory_xml(history=["99999999999", "2147483648"]))
    assert count(engine, "download_history") == 0
    _ingest(engine, inventory_xml(history=["99999999999", "2147483647"]))
    history = Base.metadata.tables["download_history"]
    with engine.connect() as conn:
        rows = conn.execute(select(history.c.HARDWARE_ID, history.c.PKG_ID)).all()
    assert [row.PKG_ID for row in rows] == [2147483647]
    assert all(row.HARDWARE_ID is not None for row in rows)


def test_values_are_shaped_to_their_columns(engine: Engine) -> None:
    long_name = "x" * 400
    body = inventory_xml(
        hardware={"MEMORY": "2048 MB", "PROCESSORS": "garbage", "USERID": "alice"},
        add={"SOFTWARES": [{"NAME": long_name, "VERSION": "1", "FILESIZE": "12.7"}]},
    )
    result = _ingest(engine, body)
    hw = _hardware(engine, result.hardware_id)
    # A number the column cannot take is stored as the reference stores none: 0.
    assert hw.MEMORY == 2048 and hw.PROCESSORS == 0 and hw.USERID == "alice"
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT NAME FROM software_name WHERE NAME LIKE 'xxx%'")
        ).scalar()
    assert stored == "x" * 255
    # SYSTEM never replaces a real user (Windows agents run as LocalSystem).
    again = _ingest(engine, inventory_xml(hardware={"USERID": "SYSTEM"}))
    assert _hardware(engine, again.hardware_id).USERID == "alice"


def test_ip_address_prefers_the_interface_the_server_saw(engine: Engine) -> None:
    result = _ingest(engine, FIRST.read_bytes(), remote_addr="203.0.113.9")
    assert _hardware(engine, result.hardware_id).IPADDR == "192.0.2.2"  # HARDWARE/IPADDR
    with engine.connect() as conn:
        addresses = [r[0] for r in conn.execute(text("SELECT IPADDRESS FROM networks")) if r[0]]
    other = next(a for a in addresses if a != "192.0.2.2") if len(addresses) > 1 else None
    if other:
        again = _ingest(engine, FIRST.read_bytes(), remote_addr=other)
        assert _hardware(engine, again.hardware_id).IPADDR == other


def test_local_file_without_download_section_keeps_history(engine: Engine) -> None:
    first = _ingest(engine, inventory_xml(history=["1700000005"]))
    local = parse_inventory(LOCAL.read_bytes())
    deviceid = parse_inventory(FIRST.read_bytes()).deviceid
    assert "DOWNLOAD" not in local.present_sections
    relabelled = inventory_xml(LOCAL, deviceid=deviceid)
    _ingest(engine, relabelled)
    assert count(engine, "download_history", HARDWARE_ID=first.hardware_id) == 1


def test_concurrent_first_inventories_of_one_machine_make_one_machine(engine: Engine) -> None:
    body = FIRST.read_bytes()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            Ingestor(engine).ingest(parse_inventory(body))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert count(engine, "hardware") == 1
    assert count(engine, "software") == 899


def test_refresh_picks_up_config_changes(engine: Engine) -> None:
    ingestor = Ingestor(engine, refresh_seconds=0)
    ingestor.ingest(parse_inventory(inventory_xml(accountinfo=[("TAG", "A")])))
    config = Base.metadata.tables["config"]
    with engine.begin() as conn:
        conn.execute(config.delete().where(config.c.NAME == "ACCEPT_TAG_UPDATE_FROM_CLIENT"))
        conn.execute(config.insert().values(NAME="ACCEPT_TAG_UPDATE_FROM_CLIENT", IVALUE=1))
    ingestor.ingest(parse_inventory(inventory_xml(accountinfo=[("TAG", "B")])))
    with engine.connect() as conn:
        assert conn.execute(select(ACCOUNTINFO.c.TAG)).scalar() == "B"
    with engine.begin() as conn:
        conn.execute(
            update(config).where(config.c.NAME == "ACCEPT_TAG_UPDATE_FROM_CLIENT").values(IVALUE=0)
        )
