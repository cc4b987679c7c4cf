"""The IP discovery election after each inventory (PROTOCOL.md 4.2), on SQLite and MariaDB.

Every rule through the real Ingestor: the maximum per subnet, the warm-up, the agents and
interfaces that qualify, the blacklist, counting per TAG, replacement by age and by
quality, forced elections, the group veto, dropping an election; the pure rules on plain
values; and the race of many inventories of one subnet at once on MariaDB. The PROLOG
reply then orders the elected agent to scan.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import Engine, insert

from ocs_desktop.db.options import Options, load_options
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.inventory.ipdiscover_rules import (
    Elect,
    Elected,
    Interface,
    Replace,
    Settings,
    blacklisted,
    candidate_interfaces,
    choose,
    drop_reason,
    is_local,
    qualifies,
    vetoed,
    warmed_up,
)
from ocs_desktop.server.ipdiscover_option import ipdiscover_params
from ocs_desktop.server.machine import load_machine
from tests.support.ipdiscover import (
    UNIX_UA,
    WINDOWS_UA,
    T,
    deviceid_of,
    elected_on,
    elections,
    ingest,
    inventory_body,
    lan,
    set_election,
    set_options,
    warm,
)

SUBNET = "10.1.0.0"
NOW = dt.datetime(2026, 1, 10, 12, 0)


# -- the pure rules -------------------------------------------------------------------
def test_only_real_agents_of_a_network_take_part() -> None:
    assert qualifies(UNIX_UA) and qualifies(WINDOWS_UA)
    assert qualifies("OCS-NG_windows_client_v4061")
    assert not qualifies("OCS-NG_Android_agent_v2.1")
    assert not qualifies(None)
    assert is_local(None) and is_local("OCS_local_7081") and not is_local(UNIX_UA)


def test_warm_up_needs_three_contacts_and_a_quality() -> None:
    settings = Settings()
    assert not warmed_up(2, 1.0, settings)
    assert not warmed_up(3, 0.0, settings)
    assert warmed_up(3, 0.5, settings)
    assert warmed_up(1, 0.0, Settings(no_postpone=True))


def test_interfaces_up_not_ppp_ipv4_at_most_a_slash_16() -> None:
    rows = [
        {"DESCRIPTION": "ppp0", "STATUS": "Up", "IPMASK": "255.255.255.0", "IPSUBNET": "10.9.0.0"},
        {
            "DESCRIPTION": "eth1",
            "STATUS": "Down",
            "IPMASK": "255.255.255.0",
            "IPSUBNET": "10.8.0.0",
        },
        {"DESCRIPTION": "eth2", "STATUS": "Up", "IPMASK": "255.0.0.0", "IPSUBNET": "10.0.0.0"},
        {"DESCRIPTION": "eth3", "STATUS": "Up", "IPMASK": "ffff:ffff::", "IPSUBNET": "fe80::"},
        {"DESCRIPTION": "eth4", "STATUS": "Up", "IPMASK": "255.255.0.0", "IPSUBNET": "172.16.0.0"},
        {"DESCRIPTION": "eth5", "STATUS": "up", "IPMASK": "0xffffff00", "IPSUBNET": "10.2.0.0"},
        {"DESCRIPTION": "eth6", "STATUS": "Up", "IPMASK": "255.255.255.0", "IPSUBNET": "300.1.0.0"},
        {
            "DESCRIPTION": "eth7",
            "STATUS": "Up",
            "IPMASK": "255.255.255.0",
            "IPSUBNET": "172.16.0.0",
        },
    ]
    assert candidate_interfaces(rows) == [
        Interface("172.16.0.0", "255.255.0.0"),
        Interface("10.2.0.0", "0xffffff00"),
    ]


def test_blacklist_matches_subnet_and_mask_when_given() -> None:
    black = [("10.1.0.0", "255.255.255.0"), ("10.2.0.0", "")]
    assert blacklisted("10.1.0.0", "255.255.255.0", black)
    assert not blacklisted("10.1.0.0", "255.255.0.0", black)
    assert blacklisted("10.2.0.0", "255.255.0.0", black)
    assert not blacklisted("10.3.0.0", "255.255.255.0", black)


def test_group_veto_only_when_groups_are_used() -> None:
    assert vetoed([1, 0], Settings())
    assert not vetoed([1, None], Settings())
    assert not vetoed([0], Settings(use_groups=False))


def test_drop_reasons_and_the_forced_exception() -> None:
    keep = {"section_sent": True, "elected_count": 2, "is_blacklisted": False, "maximum": 2}
    assert drop_reason(forced=False, **keep) is None  # type: ignore[arg-type]
    assert drop_reason(forced=False, **(keep | {"section_sent": False}))  # type: ignore[arg-type]
    assert drop_reason(forced=False, **(keep | {"elected_count": 3}))  # type: ignore[arg-type]
    assert drop_reason(forced=False, **(keep | {"is_blacklisted": True}))  # type: ignore[arg-type]
    assert drop_reason(forced=True, **(keep | {"section_sent": False, "elected_count": 9})) is None  # type: ignore[arg-type]


def _host(hid: int, *, days: float = 0, quality: float = 1.0, forced: bool = False) -> Elected:
    return Elected(hid, forced, NOW - dt.timedelta(days=days), quality)


def test_choose_a_free_place_then_a_stale_one_then_a_worse_one() -> None:
    a, b = Interface("10.1.0.0", "255.255.255.0"), Interface("10.2.0.0", "255.255.255.0")
    settings = Settings(maximum=1, max_alive_days=7, better_threshold=1.0)
    full = {"10.1.0.0": [_host(1)], "10.2.0.0": []}
    assert choose([a, b], lambda s: full[s], quality=1, settings=settings, now=NOW) == Elect(
        "10.2.0.0"
    )
    stale = {"10.1.0.0": [_host(1, days=8)]}
    assert choose([a], lambda s: stale[s], quality=9, settings=settings, now=NOW) == Replace(
        "10.1.0.0", 1, "not seen for too long"
    )
    worse = {"10.1.0.0": [_host(1, quality=3.5)]}
    choice = choose([a], lambda s: worse[s], quality=2.0, settings=settings, now=NOW)
    assert isinstance(choice, Replace) and choice.replaced == 1
    # A gain of exactly the threshold is not enough.
    assert choose([a], lambda s: worse[s], quality=2.5, settings=settings, now=NOW) is None
    forced = {"10.1.0.0": [_host(1, days=99, quality=99, forced=True)]}
    assert choose([a], lambda s: forced[s], quality=0.1, settings=settings, now=NOW) is None
    assert choose([a], lambda s: [], quality=1, settings=Settings(maximum=0), now=NOW) is None


# -- through the Ingestor -------------------------------------------------------------
def _machine(
    engine: Engine,
    ingestor: Ingestor,
    name: str,
    *,
    interfaces: tuple = (lan(SUBNET),),
    tag: str | None = None,
    quality: float = 1.0,
    useragent: str | None = UNIX_UA,
) -> int:
    """A machine inventoried once, then given enough history to be elected."""
    body = inventory_body(name, interfaces, tag=tag)
    hardware_id = ingest(ingestor, body, useragent).hardware_id
    warm(engine, hardware_id, quality=quality)
    return hardware_id


def _again(
    ingestor: Ingestor,
    name: str,
    *,
    interfaces: tuple = (lan(SUBNET),),
    hosts: list[dict[str, str]] | None = None,
    useragent: str | None = UNIX_UA,
) -> int:
    ingestor.refresh(force=True)
    return ingest(ingestor, inventory_body(name, interfaces, hosts=hosts), useragent).hardware_id


def test_at_most_the_maximum_is_elected_per_subnet(engine: Engine) -> None:
    set_options(engine, IPDISCOVER=2)
    ingestor = Ingestor(engine)
    ids = [_machine(engine, ingestor, f"pc{i}") for i in range(3)]
    for i in range(3):
        _again(ingestor, f"pc{i}")
    assert elected_on(engine, SUBNET) == set(ids[:2])
    assert elections(engine)[ids[0]] == (1, SUBNET)


def test_ipdiscover_zero_elects_nobody(engine: Engine) -> None:
    set_options(engine, IPDISCOVER=0)
    ingestor = Ingestor(engine)
    _machine(engine, ingestor, "pc0")
    _again(ingestor, "pc0")
    assert elections(engine) == {}


def test_warm_up_postpones_the_first_election_unless_no_postpone(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    first = ingest(ingestor, inventory_body("pc0")).hardware_id
    ingest(ingestor, inventory_body("pc0"))
    assert elections(engine) == {}  # FIDELITY 1, QUALITY 0: too new
    set_options(engine, IPDISCOVER_NO_POSTPONE=1)
    _again(ingestor, "pc0")
    assert elected_on(engine, SUBNET) == {first}


def test_only_qualifying_agents_and_interfaces(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    mobile = _machine(engine, ingestor, "phone", useragent="OCS-NG_Android_agent_v2.1")
    _again(ingestor, "phone", useragent="OCS-NG_Android_agent_v2.1")
    offline = _machine(engine, ingestor, "offline", useragent=None)
    _again(ingestor, "offline", useragent=None)
    wide = (("10.0.0.0", "255.0.0.0", "Up", "eth0"), ("10.5.0.0", "255.255.255.0", "Up", "ppp0"))
    _machine(engine, ingestor, "wide", interfaces=wide)
    _again(ingestor, "wide", interfaces=wide)
    assert elections(engine) == {}
    windows = _machine(engine, ingestor, "win", useragent=WINDOWS_UA)
    _again(ingestor, "win", useragent=WINDOWS_UA)
    assert elected_on(engine, SUBNET) == {windows}
    assert mobile not in elections(engine) and offline not in elections(engine)


def test_a_blacklisted_subnet_is_skipped_and_its_election_dropped(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(T["blacklist_subnet"]).values(SUBNET=SUBNET, MASK="255.255.255.0"))
    ingestor = Ingestor(engine)
    both = (lan(SUBNET), lan("10.2.0.0"))
    pc = _machine(engine, ingestor, "pc0", interfaces=both)
    _again(ingestor, "pc0", interfaces=both, hosts=[])
    assert elections(engine) == {pc: (1, "10.2.0.0")}
    other = _machine(engine, ingestor, "pc1")
    set_election(engine, other, 1, SUBNET)  # elected before the subnet was blacklisted
    _again(ingestor, "pc1", hosts=[])
    assert other not in elections(engine)


def test_tag_link_counts_elected_machines_per_tag(engine: Engine) -> None:
    set_options(engine, IPDISCOVER=1, IPDISCOVER_LINK_TAG_NETWORK=1)
    ingestor = Ingestor(engine)
    paris = _machine(engine, ingestor, "paris1", tag="PARIS")
    lyon = _machine(engine, ingestor, "lyon1", tag="LYON")
    paris2 = _machine(engine, ingestor, "paris2", tag="PARIS")
    for name in ("paris1", "lyon1", "paris2"):
        _again(ingestor, name)
    assert elected_on(engine, SUBNET) == {paris, lyon}
    assert paris2 not in elections(engine)
    set_options(engine, IPDISCOVER_LINK_TAG_NETWORK=0)
    _again(ingestor, "lyon1", hosts=[])  # now two on a subnet allowing one: dropped
    assert len(elected_on(engine, SUBNET)) == 1


def test_an_elected_machine_silent_too_long_is_replaced(engine: Engine) -> None:
    set_options(engine, IPDISCOVER=1, IPDISCOVER_MAX_ALIVE=7)
    ingestor = Ingestor(engine)
    old = _machine(engine, ingestor, "old")
    _again(ingestor, "old")
    new = _machine(engine, ingestor, "new", quality=3.0)
    _again(ingestor, "new")
    assert elected_on(engine, SUBNET) == {old}  # not better, and still alive
    warm(engine, old, lastdate=dt.datetime.now() - dt.timedelta(days=8))
    _again(ingestor, "new")
    assert elections(engine) == {new: (1, SUBNET)}


def test_a_better_machine_replaces_the_worst_beyond_the_threshold(engine: Engine) -> None:
    set_options(engine, IPDISCOVER=1, IPDISCOVER_BETTER_THRESHOLD=1)
    ingestor = Ingestor(engine)
    worst = _machine(engine, ingestor, "worst", quality=2.5)
    _again(ingestor, "worst")
    close = _machine(engine, ingestor, "close", quality=1.5)
    _again(ingestor, "close")
    assert elected_on(engine, SUBNET) == {worst}  # a gain of 1.0 is not more than 1
    better = _machine(engine, ingestor, "better", quality=1.0)
    _again(ingestor, "better")
    assert elections(engine) == {better: (1, SUBNET)}
    assert close not in elections(engine)


def test_a_forced_election_is_never_dropped_nor_replaced(engine: Engine) -> None:
    set_options(engine, IPDISCOVER=1)
    ingestor = Ingestor(engine)
    forced = _machine(engine, ingestor, "forced", quality=50)
    set_election(engine, forced, 2, SUBNET)
    warm(engine, forced, quality=50, lastdate=dt.datetime.now() - dt.timedelta(days=90))
    _again(ingestor, "forced")  # no IPDISCOVER section: a plain election would go
    assert elections(engine) == {forced: (2, SUBNET)}
    warm(engine, forced, quality=50, lastdate=dt.datetime.now() - dt.timedelta(days=90))
    newcomer = _machine(engine, ingestor, "newcomer", quality=0.5)
    _again(ingestor, "newcomer")
    assert elections(engine) == {forced: (2, SUBNET)}
    assert newcomer not in elections(engine)


def test_an_election_without_a_scan_is_dropped(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    pc = _machine(engine, ingestor, "pc0")
    _again(ingestor, "pc0")
    assert elected_on(engine, SUBNET) == {pc}
    _again(ingestor, "pc0", hosts=[])  # an empty scan is a scan
    assert elected_on(engine, SUBNET) == {pc}
    _again(ingestor, "pc0")
    assert elections(engine) == {}


def test_a_machine_kept_out_by_an_operator_is_never_elected(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    pc = _machine(engine, ingestor, "pc0")
    set_election(engine, pc, 0, None)
    _again(ingestor, "pc0")
    assert elections(engine) == {pc: (0, None)}


def test_a_group_with_ipdiscover_zero_vetoes_its_members(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    pc = _machine(engine, ingestor, "pc0")
    with engine.begin() as conn:
        group = conn.execute(
            insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME="no scan")
        ).inserted_primary_key[0]
        conn.execute(insert(T["groups_cache"]).values(HARDWARE_ID=pc, GROUP_ID=group, STATIC=1))
        conn.execute(insert(T["devices"]).values(HARDWARE_ID=group, NAME="IPDISCOVER", IVALUE=0))
    _again(ingestor, "pc0")
    assert pc not in elections(engine)
    set_options(engine, IPDISCOVER_USE_GROUPS=0)
    _again(ingestor, "pc0")
    assert elected_on(engine, SUBNET) == {pc}


def test_the_elected_agent_is_told_to_scan_at_its_next_prolog(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    _machine(engine, ingestor, "pc0")
    _again(ingestor, "pc0")
    with engine.connect() as conn:
        options: Options = load_options(conn)
        machine = load_machine(conn, deviceid_of("pc0"))
    params = ipdiscover_params(options, machine, UNIX_UA)
    assert params is not None
    attributes, subnet = params[0]
    assert subnet == SUBNET
    assert attributes["IPDISC_LAT"] == 100 and attributes["SCAN_TYPE_IPDISCOVER"] == "ICMP"


# -- the race -------------------------------------------------------------------------
def _race_one(
    engine: Engine, name: str, barrier: threading.Barrier, failures: list[BaseException]
) -> None:
    ingestor = Ingestor(engine)  # one per thread, as separate server processes
    body = inventory_body(name, hosts=[])
    barrier.wait()
    try:
        ingest(ingestor, body)
    except BaseException as exc:  # reported by the test
        failures.append(exc)


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_concurrent_inventories_of_one_subnet_never_exceed_the_maximum(engine: Engine) -> None:
    machines = 8
    set_options(engine, IPDISCOVER=2)
    setup = Ingestor(engine)
    for i in range(machines):
        _machine(engine, setup, f"race{i}")
    for _round in range(3):
        barrier = threading.Barrier(machines)
        failures: list[BaseException] = []
        threads = [
            threading.Thread(target=_race_one, args=(engine, f"race{i}", barrier, failures))
            for i in range(machines)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not failures, failures
        assert len(elected_on(engine, SUBNET)) == 2
        with engine.begin() as conn:  # next round: everybody a candidate again
            conn.execute(T["devices"].delete().where(T["devices"].c.NAME == "IPDISCOVER"))
