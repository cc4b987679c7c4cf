"""The Network page's core on SQLite and MariaDB: the four counts and lists of PROTOCOL.md
4.5, every operator action, and the read-back proof: what the actions write reads back
identically through the SQL the OCS console runs (``tests/support/ocs_ipdiscover_queries``).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, insert, select, text

from ocs_desktop.fleet import network_actions as actions
from ocs_desktop.fleet.network_hosts import HostKind, list_hosts, write_csv
from ocs_desktop.fleet.network_input import NetworkInputError
from ocs_desktop.fleet.network_subnets import subnet_summaries
from ocs_desktop.models import Base
from tests.support import ocs_ipdiscover_queries as ocs
from tests.support.ipdiscover import elections, mac_of, set_options
from tests.support.network_page_fleet import (
    MASK,
    PRINTER,
    UNKNOWN_A,
    UNKNOWN_B,
    A,
    B,
    NetworkFleet,
    build_network_fleet,
)

T = Base.metadata.tables


@pytest.fixture
def net(engine: Engine) -> tuple[Engine, NetworkFleet]:
    return engine, build_network_fleet(engine)


def _summaries(engine: Engine) -> dict[str, tuple[int, int, int, int]]:
    with engine.connect() as conn:
        return {
            s.netid: (s.inventoried, s.non_inventoried, s.identified, s.elected)
            for s in subnet_summaries(conn)
        }


def _reference(engine: Engine, *netids: str) -> dict[str, tuple[int, int, int, int]]:
    with engine.connect() as conn:
        return {netid: ocs.counts(conn, netid) for netid in netids}


def test_counts_follow_section_4_5_and_match_the_ocs_queries(
    net: tuple[Engine, NetworkFleet],
) -> None:
    engine, fleet = net
    assert _summaries(engine) == fleet.counts
    assert _reference(engine, A, B) == fleet.counts
    with engine.connect() as conn:
        a, b = subnet_summaries(conn)
    assert (a.name, a.mask, a.tag) == ("Head office", MASK, None)
    assert (b.name, b.mask) == (None, MASK)  # no subnet row: the scanners' mask


def test_lists_hold_what_the_ocs_console_lists(net: tuple[Engine, NetworkFleet]) -> None:
    engine, fleet = net
    with engine.connect() as conn:
        unknown = list_hosts(conn, HostKind.NON_INVENTORIED, A)
        identified = list_hosts(conn, HostKind.IDENTIFIED, A)
        inventoried = list_hosts(conn, HostKind.INVENTORIED, A)
        elected = list_hosts(conn, HostKind.ELECTED, B)
        assert [h.mac for h in unknown] == list(UNKNOWN_A)
        assert [h.mac for h in unknown] == [
            r[1] for r in ocs.rows(conn, ocs.LISTS["non-inventoried"], netid=A)
        ]
        assert (unknown[0].ip, unknown[0].name, unknown[0].mask) == ("10.1.0.50", "-", MASK)
        assert [(h.mac, h.type, h.description, h.user) for h in identified] == [
            (PRINTER, "Printer", "Hall printer", "admin")
        ]
        assert [h.scanner_id for h in identified] == [fleet.ids["pc-a1"]]
        assert [h.hardware_id for h in inventoried] == [fleet.ids["pc-a1"], fleet.ids["pc-a2"]]
        assert [(h.hardware_id, h.name) for h in inventoried] == ocs.rows(
            conn, ocs.LISTS["inventoried"], netid=A
        )
        assert [(h.hardware_id, h.election) for h in elected] == [(fleet.ids["pc-b1"], 2)]
        assert [(h.hardware_id, h.name, h.election) for h in elected] == ocs.rows(
            conn, ocs.LISTS["elected"], netid=B
        )


def test_csv_export_has_a_header_and_one_line_per_host(net: tuple[Engine, NetworkFleet]) -> None:
    import io

    engine, _ = net
    with engine.connect() as conn:
        hosts = list_hosts(conn, HostKind.NON_INVENTORIED, B)
    stream = io.StringIO()
    assert write_csv(stream, HostKind.NON_INVENTORIED, hosts) == 2
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("mac,ip,mask,netid,name,date")
    assert lines[1].startswith(f"{UNKNOWN_B[0]},10.2.0.50,{MASK},{B},-,")


def test_macs_match_in_any_case(engine: Engine) -> None:
    """A Windows agent's upper-case interface MAC is the same host as a scan's lower case."""
    with engine.begin() as conn:
        conn.execute(insert(T["hardware"]).values(ID=7, DEVICEID="w-1", NAME="win"))
        conn.execute(
            insert(T["networks"]).values(
                HARDWARE_ID=7, MACADDR="AA:BB:CC:00:00:01", IPSUBNET="10.9.0.0", STATUS="Up"
            )
        )
        for mac in ("aa:bb:cc:00:00:01", "aa:bb:cc:00:00:02"):
            conn.execute(
                insert(T["netmap"]).values(IP="10.9.0.5", MAC=mac, MASK=MASK, NETID="10.9.0.0")
            )
    assert _summaries(engine) == {"10.9.0.0": (1, 1, 0, 0)}


def test_tag_link_counts_per_network_and_tag(engine: Engine) -> None:
    set_options(engine, IPDISCOVER_LINK_TAG_NETWORK=1)
    build_network_fleet(engine, tag_a="Paris")
    with engine.connect() as conn:
        rows = {(s.netid, s.tag): s for s in subnet_summaries(conn)}
    paris = rows[(A, "Paris")]
    assert (
        paris.name,
        paris.inventoried,
        paris.non_inventoried,
        paris.identified,
        paris.elected,
    ) == ("Head office", 2, 3, 1, 1)
    assert (rows[(B, "NA")].non_inventoried, rows[(B, "NA")].elected) == (2, 1)  # OCS default TAG
    with engine.connect() as conn:
        assert len(list_hosts(conn, HostKind.NON_INVENTORIED, A, "Paris")) == 3
        assert list_hosts(conn, HostKind.NON_INVENTORIED, A, None) == []


# -- actions, read back the OCS way ---------------------------------------------------------------


def test_identify_writes_what_the_ocs_form_writes(net: tuple[Engine, NetworkFleet]) -> None:
    engine, _ = net
    mac = UNKNOWN_A[0]
    with engine.begin() as conn:
        device_id = actions.identify(conn, mac.upper(), "Switch", " Core switch ", "alice")
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.IDENTIFICATION, mac=mac) == [
            ("Core switch", "Switch", mac, "alice")
        ]
        assert ocs.counts(conn, A) == (2, 2, 2, 1)
        ident = ocs.rows(conn, ocs.LISTS["identified"], netid=A)
        assert (device_id, "Switch", "Core switch") in [r[:3] for r in ident]
    assert _summaries(engine)[A] == (2, 2, 2, 1)
    with engine.begin() as conn:  # re-identifying updates the same row
        assert actions.identify(conn, mac, "Printer", "Moved", "bob") == device_id
        assert conn.scalar(select(text("COUNT(*)")).select_from(T["network_devices"])) == 2


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("zz:00:00:00:00:01", "Switch", "d", "u"), "not_mac"),
        ((UNKNOWN_A[0], "Toaster", "d", "u"), "unknown_type"),
        ((UNKNOWN_A[0], "Switch", "   ", "u"), "empty"),
        ((UNKNOWN_A[0], "Switch", "x" * 256, "u"), "too_long"),
        ((UNKNOWN_A[0], "Switch", "d\x07", "u"), "control"),
    ],
)
def test_identify_refusals_write_nothing(
    net: tuple[Engine, NetworkFleet], args: tuple[str, str, str, str], code: str
) -> None:
    engine, _ = net
    with pytest.raises(NetworkInputError) as caught, engine.begin() as conn:
        actions.identify(conn, *args)
    assert caught.value.code == code and caught.value.message
    assert _summaries(engine) == NetworkFleet.counts


def test_an_inventoried_machine_is_not_identified(net: tuple[Engine, NetworkFleet]) -> None:
    engine, _ = net
    with pytest.raises(NetworkInputError, match="inventoried"), engine.begin() as conn:
        actions.identify(conn, mac_of("pc-a2"), "Switch", "d", "u")


def test_device_types_add_rename_delete(net: tuple[Engine, NetworkFleet]) -> None:
    engine, _ = net
    with engine.begin() as conn:
        actions.add_type(conn, "Camera")
        with pytest.raises(NetworkInputError, match="already exists"):
            actions.add_type(conn, "Camera")
        assert actions.rename_type(conn, "Printer", "Laser printer") == 1
        with pytest.raises(NetworkInputError) as used:
            actions.delete_type(conn, "Laser printer")
        assert used.value.params == {"value": "Laser printer", "count": 1}
        actions.delete_type(conn, "Switch")
    with engine.connect() as conn:
        assert sorted(r[0] for r in ocs.rows(conn, ocs.DEVICE_TYPES)) == ["Camera", "Laser printer"]
        assert ocs.rows(conn, ocs.IDENTIFICATION, mac=PRINTER)[0][1] == "Laser printer"


def test_naming_a_subnet_reads_back_on_the_admin_page(net: tuple[Engine, NetworkFleet]) -> None:
    engine, _ = net
    with engine.begin() as conn:
        actions.name_subnet(conn, B, "Warehouse")
        actions.name_subnet(conn, A, "HQ", "255.255.255.0")
        with pytest.raises(NetworkInputError) as caught:
            actions.name_subnet(conn, "10.1.0.7", "x", "255.255.255.0")
        assert caught.value.code == "not_network"
        with pytest.raises(NetworkInputError, match="not a network mask"):
            actions.name_subnet(conn, A, "x", "255.0.255.0")
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.SUBNET_NAME, netid=B) == [("Warehouse", MASK, None)]
        assert ocs.rows(conn, ocs.SUBNET_NAME, netid=A) == [("HQ", MASK, None)]
        names = {s.netid: s.name for s in subnet_summaries(conn)}
    assert names == {A: "HQ", B: "Warehouse"}
    with engine.begin() as conn:
        assert actions.unname_subnet(conn, B) == 1


def test_force_forbid_release_as_the_server_reads_them(net: tuple[Engine, NetworkFleet]) -> None:
    engine, fleet = net
    a2 = fleet.ids["pc-a2"]
    with engine.begin() as conn:
        row = actions.set_election(conn, a2, actions.Election.FORCE)
    assert (row.ivalue, row.subnet) == (2, A)
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.ELECTION, hardware_id=a2) == [(2, A)]
        assert ocs.counts(conn, A)[3] == 2
    assert _summaries(engine)[A][3] == 2
    with engine.begin() as conn:
        actions.set_election(conn, a2, actions.Election.FORBID)
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.ELECTION, hardware_id=a2) == [(0, None)]
    with engine.begin() as conn:
        actions.set_election(conn, a2, actions.Election.RELEASE)
    assert a2 not in elections(engine)
    with pytest.raises(NetworkInputError) as caught, engine.begin() as conn:
        actions.set_election(conn, fleet.ids["pc-a3"], actions.Election.FORCE)  # interface down
    assert caught.value.code == "no_subnet"
    with pytest.raises(NetworkInputError, match="no machine"), engine.begin() as conn:
        actions.set_election(conn, 99999, actions.Election.FORBID)


def test_blacklist_add_list_remove(net: tuple[Engine, NetworkFleet]) -> None:
    engine, _ = net
    with engine.begin() as conn:
        actions.blacklist_subnet(conn, A, MASK)
        with pytest.raises(NetworkInputError, match="already blacklisted"):
            actions.blacklist_subnet(conn, A, MASK)
    with engine.connect() as conn:
        assert conn.scalar(text(ocs.BLACKLISTED), {"subnet": A, "mask": MASK}) == 1
        assert [(b.subnet, b.mask) for b in actions.blacklisted_subnets(conn)] == [(A, MASK)]
    with engine.begin() as conn:
        assert actions.unblacklist_subnet(conn, A, MASK) == 1
        with pytest.raises(NetworkInputError, match="not blacklisted"):
            actions.unblacklist_subnet(conn, A, MASK)


def test_delete_removes_netmap_and_identification(net: tuple[Engine, NetworkFleet]) -> None:
    engine, _ = net
    with engine.begin() as conn:
        gone = actions.delete_host(conn, PRINTER.upper())
    assert (gone.netmap, gone.network_devices) == (1, 1)
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.NETMAP_ROW, mac=PRINTER) == []
        assert ocs.rows(conn, ocs.IDENTIFICATION, mac=PRINTER) == []
        assert ocs.counts(conn, A) == (2, 3, 0, 1)
    with pytest.raises(NetworkInputError, match="no discovered host"), engine.begin() as conn:
        actions.delete_host(conn, PRINTER)


def test_purge_deletes_only_entries_older_than_the_age(net: tuple[Engine, NetworkFleet]) -> None:
    engine, _ = net
    old = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=40)
    with engine.begin() as conn:
        conn.execute(T["netmap"].update().where(T["netmap"].c.MAC.in_(UNKNOWN_B)).values(DATE=old))
        assert actions.purge(conn, 30) == 2
        assert actions.purge(conn, 30) == 0
        with pytest.raises(NetworkInputError):
            actions.purge(conn, 0)
    assert _summaries(engine)[B] == (1, 0, 0, 1)
    assert _reference(engine, B)[B] == (1, 0, 0, 1)
