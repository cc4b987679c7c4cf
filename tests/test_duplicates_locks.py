"""What the automatic merge locks before an inventory's transaction, and how it compares
values on each backend: the pieces the concurrency test relies on, one by one."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.dialects import mysql, sqlite

from ocs_desktop.db import named_locks
from ocs_desktop.db.duplicate_identity import Blacklists, Criterion
from ocs_desktop.db.named_locks import device_lock_name, identity_lock_name
from ocs_desktop.db.options import Options
from ocs_desktop.inventory.duplicate_merge import (
    DuplicateMerger,
    _equals,
    _mac_match,
    lock_keys,
)
from ocs_desktop.inventory.writing import Prepared
from ocs_desktop.models import Hardware
from ocs_desktop.protocol.document import Inventory, parse_inventory
from tests.support.duplicate_fleet import identity_xml
from tests.support.live_server import maria
from tests.support.server_helpers import client_for, post

__all__ = ["maria"]  # the fixture, imported for pytest

PREPARED = Prepared({"NAME": "PC-Lab ", "UUID": "uuid-9"}, {})


def _inventory(**identity: object) -> Inventory:
    return parse_inventory(identity_xml("pc-2025-01-01-00-00-00", **identity))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (0, []),
        (1, ["HOSTNAME:pc-lab"]),
        (7, ["HOSTNAME:pc-lab"]),  # hostname first: one value, always sent
        (16 | 2, ["UUID:uuid-9"]),
        (2 | 4, ["SERIAL:ser-x"]),
        (32 | 8, ["ASSETTAG:tag-x"]),
        (8 | 4, ["MODEL:m-x"]),
        (4, ["MAC:02:00:00:00:00:0a", "MAC:02:00:00:00:00:0b"]),
    ],
)
def test_the_lock_is_on_the_first_criterion_of_the_level(level: int, expected: list[str]) -> None:
    inventory = _inventory(
        serial="Ser-X", model="M-X", asset="Tag-X", macs=("02:00:00:00:00:0B", "02:00:00:00:00:0a")
    )
    assert lock_keys(inventory, PREPARED, Criterion(level)) == expected


def test_no_usable_value_no_lock_and_no_section_one_lock_for_all() -> None:
    assert lock_keys(_inventory(serial=None), PREPARED, Criterion.SERIAL) == []
    assert lock_keys(_inventory(macs=("00:00:00:00:00:00",)), PREPARED, Criterion.MAC) == []
    assert lock_keys(_inventory(), Prepared({"NAME": None}, {}), Criterion.HOSTNAME) == []
    body = (
        identity_xml("pc-2025-01-01-00-00-00")
        .replace(b"<BIOS>", b"<BIOX>")
        .replace(b"</BIOS>", b"</BIOX>")
    )
    assert lock_keys(parse_inventory(body), PREPARED, Criterion.SERIAL) == ["global"]
    no_networks = identity_xml("pc-2025-01-01-00-00-00").replace(b"NETWORKS>", b"NETWORX>")
    assert lock_keys(parse_inventory(no_networks), PREPARED, Criterion.MAC) == ["global"]


def test_only_the_first_bios_row_counts() -> None:
    body = identity_xml("pc-2025-01-01-00-00-00", serial="FIRST").replace(
        b"</CONTENT>", b"<BIOS><SSN>SECOND</SSN></BIOS></CONTENT>"
    )
    assert lock_keys(parse_inventory(body), PREPARED, Criterion.SERIAL) == ["SERIAL:first"]


def test_values_compare_as_each_database_does() -> None:
    maria = str(_equals(Hardware.NAME, "PC-1", sqlite=False).compile(dialect=mysql.dialect()))
    lite = str(_equals(Hardware.NAME, "PC-1", sqlite=True).compile(dialect=sqlite.dialect()))
    assert maria == "hardware.`NAME` = %s"  # the index, and the collation ignores case
    assert lite == 'upper(trim(hardware."NAME")) = ?'
    maria_mac = str(_mac_match(["AA"], sqlite=False).compile(dialect=mysql.dialect()))
    lite_mac = str(_mac_match(["AA"], sqlite=True).compile(dialect=sqlite.dialect()))
    assert "networks.`MACADDR` IN (" in maria_mac and "upper" not in maria_mac
    assert 'upper(trim(networks."MACADDR")) IN (' in lite_mac
    assert "networks.`HARDWARE_ID` = hardware.`ID`" in maria_mac


def test_a_new_merger_has_empty_blacklists_until_refreshed(engine: Engine) -> None:
    merger = DuplicateMerger(engine, is_mysql=False)
    assert merger.blacklists == Blacklists()
    merger.refresh()
    assert "TO BE FILLED BY O.E.M." in merger.blacklists.serials
    assert "FF:FF:FF:FF:FF:FF" in merger.blacklists.macs


def test_sqlite_takes_no_named_lock(engine: Engine) -> None:
    held: list[str] = []
    with engine.connect() as conn:
        DuplicateMerger(engine, is_mysql=False).lock(
            conn, _inventory(), PREPARED, Options({"AUTO_DUPLICATE_LVL": (7, None)}), held
        )
    assert held == []


@pytest.mark.mariadb
def test_mariadb_holds_the_identity_lock(mysql_server_url: str) -> None:
    server = create_engine(mysql_server_url)
    held: list[str] = []
    try:
        with server.connect() as conn, server.connect() as other:
            merger = DuplicateMerger(server, is_mysql=True)
            options = Options({"AUTO_DUPLICATE_LVL": (2, None)})
            merger.lock(conn, _inventory(serial="Locked-1"), PREPARED, options, held)
            assert held == [identity_lock_name("SERIAL:locked-1")]
            taken = other.execute(text("SELECT IS_FREE_LOCK(:n)"), {"n": held[0]}).scalar()
            assert taken == 0
            conn.execute(text("SELECT RELEASE_LOCK(:n)"), {"n": held[0]})
            merger.lock(
                conn, _inventory(), PREPARED, Options({"AUTO_DUPLICATE_LVL": (0, None)}), held
            )
            assert len(held) == 1  # level 0: nothing to lock
    finally:
        server.dispose()


@pytest.mark.mariadb
def test_a_machine_locked_too_long_is_answered_503_and_nothing_is_written(
    maria: tuple[str, Engine], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A writer that holds a machine longer than the lock timeout gets the agent a 503
    (send again later), not a 500, and the refused inventory leaves no row."""
    _, engine = maria
    monkeypatch.setattr(named_locks, "LOCK_TIMEOUT_S", 1)
    deviceid = "busy-2025-01-01-00-00-00"
    with engine.connect() as holder, client_for(engine) as client:
        name = device_lock_name(deviceid)
        assert holder.execute(text("SELECT GET_LOCK(:n, 0)"), {"n": name}).scalar() == 1
        refused = post(client, identity_xml(deviceid))
        assert refused.status_code == 503
        assert "db.lock_busy" in caplog.text and deviceid in caplog.text
        with engine.connect() as conn:
            count = "SELECT COUNT(*) FROM hardware WHERE DEVICEID = :d"
            assert conn.execute(text(count), {"d": deviceid}).scalar() == 0
        holder.execute(text("SELECT RELEASE_LOCK(:n)"), {"n": name})
        assert post(client, identity_xml(deviceid)).status_code == 200
    with engine.connect() as conn:
        assert conn.execute(text(count), {"d": deviceid}).scalar() == 1
