"""Automatic duplicate merge on ingestion (PROTOCOL.md 5.1), on SQLite and MariaDB.

Each level of AUTO_DUPLICATE_LVL merges a machine sharing every criterion it names and
leaves one differing in any of them; blacklisted and empty values never match;
OLD_DEVICEID merges at any level, from either place agents put it. What a merge keeps
is checked table by table against a twin fleet where the machine never got a new
DEVICEID: the merged machine must be exactly the machine the twin kept.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text, update

from ocs_desktop.db.duplicate_identity import Criterion
from ocs_desktop.db.engines import create_database_if_missing, create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.ingest import Ingestor, IngestResult
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory
from tests.support.db_facts import assert_exact
from tests.support.duplicate_fleet import hardware_ids, identity_xml, orphans, set_config
from tests.support.machine_rows import REQUEST_SET_HARDWARE, machine_rows
from tests.support.reference_schema import drop_database
from tests.support.services import mysql_database_url

T = Base.metadata.tables
IDENTITY = {
    Criterion.HOSTNAME: "name",
    Criterion.SERIAL: "serial",
    Criterion.MAC: "macs",
    Criterion.MODEL: "model",
    Criterion.UUID: "uuid",
    Criterion.ASSETTAG: "asset",
}


def _ingest(ingestor: Ingestor, body: bytes) -> IngestResult:
    return ingestor.ingest(parse_inventory(body), remote_addr="192.0.2.7")


def _identity(tag: str) -> dict[str, object]:
    """A machine identity of its own: every criterion's value carries ``tag``."""
    return {
        "name": f"pc-{tag}",
        "serial": f"SER-{tag}",
        "macs": (f"02:00:00:00:{len(tag):02x}:{sum(map(ord, tag)) % 256:02x}",),
        "model": f"Model-{tag}",
        "uuid": f"UUID-{tag}",
        "asset": f"ASSET-{tag}",
    }


LEVELS = [1, 2, 4, 8, 16, 32, 3, 5, 6, 7, 15, 48, 63]


@pytest.mark.parametrize("level", LEVELS)
def test_each_level_merges_only_when_every_criterion_matches(engine: Engine, level: int) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=level)
    ingestor = Ingestor(engine)
    old = _ingest(ingestor, identity_xml("same-2024-01-01-00-00-00", **_identity("same")))
    new = _ingest(ingestor, identity_xml("same-2025-01-01-00-00-00", **_identity("same")))
    assert new.created and new.merged == (old.hardware_id,)
    # One criterion of the level differing is enough to keep two machines.
    for criterion in Criterion(level):
        tag = f"d{int(criterion)}"
        first = _ingest(ingestor, identity_xml(f"{tag}-2024-01-01-00-00-00", **_identity(tag)))
        other = dict(_identity(tag))
        other[IDENTITY[criterion]] = _identity(tag + "x")[IDENTITY[criterion]]
        second = _ingest(ingestor, identity_xml(f"{tag}-2025-01-01-00-00-00", **other))
        assert second.merged == (), criterion
        assert first.hardware_id in hardware_ids(engine)
    # Criteria outside the level do not matter.
    if level != 63:
        unset = Criterion(63 & ~level)
        other = dict(_identity("out"))
        for criterion in unset:
            other[IDENTITY[criterion]] = _identity("elsewhere")[IDENTITY[criterion]]
        first = _ingest(ingestor, identity_xml("out-2024-01-01-00-00-00", **_identity("out")))
        second = _ingest(ingestor, identity_xml("out-2025-01-01-00-00-00", **other))
        assert second.merged == (first.hardware_id,)
    assert orphans(engine) == {}


def test_level_zero_merges_nothing(engine: Engine) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    ingestor = Ingestor(engine)
    _ingest(ingestor, identity_xml("a-2024-01-01-00-00-00"))
    assert _ingest(ingestor, identity_xml("a-2025-01-01-00-00-00")).merged == ()
    assert len(hardware_ids(engine)) == 2


@pytest.mark.parametrize(
    ("level", "field", "value"),
    [
        (1, "name", None),
        (16, "uuid", None),
        (2, "serial", None),
        (8, "model", None),
        (32, "asset", None),
        (2, "serial", "To Be Filled By O.E.M."),
        (2, "serial", "  to be filled by o.e.m. "),
        (4, "macs", ("ff:ff:ff:ff:ff:ff",)),
        (4, "macs", ("00:00:00:00:00:00",)),
        (4, "macs", ()),
    ],
)
def test_empty_and_blacklisted_values_never_match(
    engine: Engine, level: int, field: str, value: object
) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=level)
    ingestor = Ingestor(engine)
    identity = {**_identity("x"), field: value}
    _ingest(ingestor, identity_xml("x-2024-01-01-00-00-00", **identity))
    assert _ingest(ingestor, identity_xml("x-2025-01-01-00-00-00", **identity)).merged == ()


def test_a_blacklisted_mac_does_not_hide_a_real_one(engine: Engine) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=4)
    ingestor = Ingestor(engine)
    macs = ("FF:FF:FF:FF:FF:FF", "02:aa:bb:cc:dd:ee")
    old = _ingest(ingestor, identity_xml("m-2024-01-01-00-00-00", macs=macs[::-1]))
    new = _ingest(
        ingestor, identity_xml("m-2025-01-01-00-00-00", macs=(macs[0], "02:AA:BB:CC:DD:EE"))
    )
    assert new.merged == (old.hardware_id,)


def test_a_serial_blacklisted_by_the_operator_applies_from_the_next_refresh(
    engine: Engine,
) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=2)
    ingestor = Ingestor(engine)
    _ingest(ingestor, identity_xml("s-2024-01-01-00-00-00", serial="CLONE-42"))
    with engine.begin() as conn:
        conn.execute(insert(T["blacklist_serials"]).values(SERIAL="clone-42"))
    ingestor.refresh(force=True)  # what the Ingestor does every few seconds
    assert _ingest(ingestor, identity_xml("s-2025-01-01-00-00-00", serial="CLONE-42")).merged == ()


@pytest.mark.parametrize("where", ["content", "download_history"])
def test_old_deviceid_merges_at_any_level(engine: Engine, where: str) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    ingestor = Ingestor(engine)
    old = _ingest(ingestor, identity_xml("renamed-2024-01-01-00-00-00", name="before"))
    _ingest(ingestor, identity_xml("bystander-2024-01-01-00-00-00", name="before"))
    place = {"old": "renamed-2024-01-01-00-00-00"}
    if where == "download_history":
        place = {"old_in_history": "renamed-2024-01-01-00-00-00"}
    body = identity_xml("after-2025-01-01-00-00-00", name="after", serial="NEW", **place)
    new = _ingest(ingestor, body)
    assert new.merged == (old.hardware_id,)
    assert len(hardware_ids(engine)) == 2


def test_old_deviceid_of_itself_or_unknown_merges_nothing(engine: Engine) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    ingestor = Ingestor(engine)
    _ingest(ingestor, identity_xml("self-2024-01-01-00-00-00"))
    assert (
        _ingest(
            ingestor, identity_xml("self-2024-01-01-00-00-00", old="self-2024-01-01-00-00-00")
        ).merged
        == ()
    )
    assert _ingest(ingestor, identity_xml("n-2024-01-01-00-00-00", old="nobody")).merged == ()
    assert len(hardware_ids(engine)) == 2


def test_several_older_duplicates_merge_and_the_latest_gives_the_admin_data(engine: Engine) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    ingestor = Ingestor(engine)
    first = _ingest(
        ingestor, identity_xml("a-2023-01-01-00-00-00", accountinfo=[("TAG", "OLDEST")])
    )
    second = _ingest(
        ingestor, identity_xml("a-2024-01-01-00-00-00", accountinfo=[("TAG", "LATEST")])
    )
    hardware = T["hardware"]
    with engine.begin() as conn:
        conn.execute(
            update(hardware)
            .where(hardware.c.ID == first.hardware_id)
            .values(LASTCOME=dt.datetime(2024, 1, 1))
        )
        conn.execute(
            update(hardware)
            .where(hardware.c.ID == second.hardware_id)
            .values(LASTCOME=dt.datetime(2024, 6, 1))
        )
    set_config(engine, AUTO_DUPLICATE_LVL=7)
    ingestor.refresh(force=True)
    new = _ingest(ingestor, identity_xml("a-2025-01-01-00-00-00"))
    assert new.merged == (first.hardware_id, second.hardware_id)
    assert new.account_update is not None and ("TAG", "LATEST") in new.account_update
    assert hardware_ids(engine) == [new.hardware_id]


# -- what moves: a twin fleet without the duplicate ---------------------------------------

HISTORY = ["1700000001"]


def _admin_data(engine: Engine, machine: int) -> dict[str, int]:
    """Everything an operator and the server give a machine besides its inventory."""
    with engine.begin() as conn:
        group = conn.execute(
            insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME="Accounting")
        ).inserted_primary_key[0]
        other_group = conn.execute(
            insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME="Dynamic")
        ).inserted_primary_key[0]
        excluded = conn.execute(
            insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME="Never")
        ).inserted_primary_key[0]
        conn.execute(
            insert(T["groups_cache"]),
            [
                {"HARDWARE_ID": machine, "GROUP_ID": group, "STATIC": 1},
                {"HARDWARE_ID": machine, "GROUP_ID": excluded, "STATIC": 2},
                {"HARDWARE_ID": machine, "GROUP_ID": other_group, "STATIC": 0},
            ],
        )
        conn.execute(
            insert(T["download_available"]).values(
                FILEID=HISTORY[0], NAME="7zip", PRIORITY=5, FRAGMENTS=1, SIZE=10, OSNAME="LINUX"
            )
        )
        enable = conn.execute(
            insert(T["download_enable"]).values(
                FILEID=HISTORY[0], INFO_LOC="x/download", PACK_LOC="x/download", SERVER_ID=machine
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(T["devices"]),
            [
                {"HARDWARE_ID": machine, "NAME": "DOWNLOAD", "IVALUE": enable, "TVALUE": "SUCCESS"},
                {"HARDWARE_ID": machine, "NAME": "FREQUENCY", "IVALUE": 3, "TVALUE": None},
                {"HARDWARE_ID": machine, "NAME": "IPDISCOVER", "IVALUE": 1, "TVALUE": "192.0.2.0"},
            ],
        )
        conn.execute(
            insert(T["itmgmt_comments"]).values(
                HARDWARE_ID=machine, COMMENTS="new disk 2024-03", USER_INSERT="admin"
            )
        )
        conn.execute(
            insert(T["download_servers"]).values(
                HARDWARE_ID=machine,
                URL="http://x/download",
                ADD_PORT=80,
                ADD_REP="d",
                GROUP_ID=group,
            )
        )
        conn.execute(
            insert(T["netmap"]).values(
                IP="192.0.2.50",
                MAC="02:00:00:00:99:99",
                MASK="255.255.255.0",
                NETID="192.0.2.0",
                NAME="printer",
                HARDWARE_ID=machine,
                DATE=dt.datetime(2024, 5, 1),
            )
        )
        conn.execute(
            update(T["hardware"])
            .where(T["hardware"].c.ID == machine)
            .values(QUALITY=Decimal("1.2500"), FIDELITY=17, USERID="jeanne")
        )
        conn.execute(
            update(T["accountinfo"])
            .where(T["accountinfo"].c.HARDWARE_ID == machine)
            .values(TAG="PARIS")
        )
    return {"enable": int(enable), "group": int(group)}


def _fleet(engine: Engine, second_deviceid: str) -> tuple[int, dict[str, int]]:
    """A machine with admin data, then its next inventory under ``second_deviceid``."""
    set_config(engine, AUTO_DUPLICATE_LVL=7, TRACE_DELETED=1)
    ingestor = Ingestor(engine)
    ingestor.refresh(force=True)
    first = _ingest(ingestor, identity_xml("pc-2024-01-01-00-00-00", software=True, history=[]))
    ids = _admin_data(engine, first.hardware_id)
    result = _ingest(
        ingestor,
        identity_xml(second_deviceid, software=True, history=HISTORY, accountinfo=[("TAG", "NA")]),
    )
    return result.hardware_id, ids | {"first": first.hardware_id, "merged": len(result.merged)}


@pytest.fixture
def twin(request: pytest.FixtureRequest, engine: Engine, tmp_path: Path) -> Iterator[Engine]:
    """A second fresh database on the same backend as ``engine``."""
    if engine.dialect.name == "sqlite":
        url = normalize_url(str(tmp_path / "twin.sqlite"))
    else:
        server = request.getfixturevalue("mysql_server_url")
        url = mysql_database_url(server, f"ocs_test_{secrets.token_hex(4)}")
        create_database_if_missing(url)
    other = create_engine_for(url)
    init_database(other)
    try:
        yield other
    finally:
        other.dispose()
        if engine.dialect.name != "sqlite":
            drop_database(url)


def test_a_merge_leaves_the_machine_its_twin_would_be(engine: Engine, twin: Engine) -> None:
    """Fleet A: the machine comes back with a new DEVICEID and is merged. Fleet B (the
    twin): the same machine keeps its DEVICEID. Every table must hold the same rows."""
    survivor, facts = _fleet(engine, "pc-2025-06-01-00-00-00")
    kept, twin_facts = _fleet(twin, "pc-2024-01-01-00-00-00")
    assert facts["merged"] == 1 and twin_facts["merged"] == 0
    assert survivor != facts["first"] and kept == twin_facts["first"]
    with engine.connect() as conn:
        equiv = conn.execute(text("SELECT DELETED, EQUIVALENT FROM deleted_equiv")).all()
        server_of_enable = conn.execute(select(T["download_enable"].c.SERVER_ID)).scalar_one()
    assert equiv == [("pc-2024-01-01-00-00-00", "pc-2025-06-01-00-00-00")]
    assert server_of_enable == survivor
    assert orphans(engine) == {}
    assert_exact(engine)  # the software summary forgot the merged machine's software
    # USERID differs by design: a merge keeps the old machine's when the agent sends none
    # (PROTOCOL.md 5.1), where an update writes what the agent sent.
    leave_out = REQUEST_SET_HARDWARE | {"DEVICEID", "LASTDATE", "USERID"}
    merged_rows = machine_rows(engine, survivor, leave_out=leave_out)
    twin_rows = machine_rows(twin, kept, leave_out=leave_out)
    # A merge drops dynamic memberships (the group's query recomputes them); all else equal.
    twin_rows["groups_cache"] = [row for row in twin_rows["groups_cache"] if dict(row)["STATIC"]]
    assert len(twin_rows["groups_cache"]) == 2
    assert set(merged_rows) == set(twin_rows)
    for table in sorted(twin_rows):
        assert merged_rows[table] == twin_rows[table], table
    assert {
        "accountinfo",
        "devices",
        "groups_cache",
        "itmgmt_comments",
        "download_servers",
        "netmap",
        "download_history",
        "software",
        "networks",
        "bios",
    } <= set(merged_rows)
    hardware = dict(merged_rows["hardware"][0])
    assert (hardware["QUALITY"], hardware["FIDELITY"]) == (Decimal("1.2500"), 17)
    assert dict(merged_rows["accountinfo"][0])["TAG"] == "PARIS"
    assert len(merged_rows["devices"]) == 3
    with engine.connect() as conn:
        user = conn.execute(select(T["hardware"].c.USERID).where(T["hardware"].c.ID == survivor))
        assert user.scalar_one() == "jeanne"


def test_the_agent_gets_its_tag_back_and_system_does_not_replace_the_user(engine: Engine) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=7)
    ingestor = Ingestor(engine)
    old = _ingest(ingestor, identity_xml("u-2024-01-01-00-00-00", accountinfo=[("TAG", "LYON")]))
    hardware = T["hardware"]
    with engine.begin() as conn:
        conn.execute(
            update(hardware)
            .where(hardware.c.ID == old.hardware_id)
            .values(USERID="paul", CHECKSUM=4096)
        )
    body = identity_xml("u-2025-01-01-00-00-00", hardware={"USERID": "SYSTEM"})
    new = _ingest(ingestor, body)
    assert new.merged == (old.hardware_id,)
    assert new.account_update is not None and ("TAG", "LYON") in new.account_update
    with engine.connect() as conn:
        user, checksum = conn.execute(
            select(hardware.c.USERID, hardware.c.CHECKSUM).where(hardware.c.ID == new.hardware_id)
        ).one()
    assert user == "paul"
    assert checksum & 4096 and checksum & int(parse_inventory(body).checksum or 1)


def test_a_traced_merge_is_written_and_logged(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=7, TRACE_DELETED=1)
    ingestor = Ingestor(engine)
    old = _ingest(ingestor, identity_xml("t-2024-01-01-00-00-00"))
    with caplog.at_level(logging.INFO, logger="ocs_desktop.inventory.duplicate_merge"):
        new = _ingest(ingestor, identity_xml("t-2025-01-01-00-00-00"))
    with engine.connect() as conn:
        equiv = conn.execute(text("SELECT DELETED, EQUIVALENT FROM deleted_equiv")).all()
    assert equiv == [("t-2024-01-01-00-00-00", "t-2025-01-01-00-00-00")]
    assert (
        f"machine t-2025-01-01-00-00-00 (ID {new.hardware_id}): merged its duplicates "
        f"[{old.hardware_id}] (level 7)" in caplog.messages
    )


def test_the_admin_data_comes_from_the_machine_heard_from_last(engine: Engine) -> None:
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    ingestor = Ingestor(engine)
    tags = ["LATEST", "OLDER", "NEVER"]
    ids = [
        _ingest(ingestor, identity_xml(f"h-202{i}-01-01-00-00-00", accountinfo=[("TAG", tag)]))
        for i, tag in enumerate(tags)
    ]
    hardware = T["hardware"]
    contacts = [dt.datetime(2024, 6, 1), dt.datetime(2024, 1, 1), None]
    with engine.begin() as conn:
        for result, when in zip(ids, contacts, strict=True):
            conn.execute(
                update(hardware).where(hardware.c.ID == result.hardware_id).values(LASTCOME=when)
            )
    set_config(engine, AUTO_DUPLICATE_LVL=7)
    ingestor.refresh(force=True)
    new = _ingest(ingestor, identity_xml("h-2025-01-01-00-00-00"))
    assert sorted(new.merged) == sorted(r.hardware_id for r in ids)
    assert new.account_update is not None and ("TAG", "LATEST") in new.account_update


def test_old_deviceid_naming_itself_leaves_a_row_of_the_same_deviceid(engine: Engine) -> None:
    """OCS does not make DEVICEID unique: an older row of the same DEVICEID is not what
    OLD_DEVICEID names (it names another one), so nothing is merged."""
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    with engine.begin() as conn:
        for _ in range(2):  # the Ingestor writes the newest; the older stays
            conn.execute(insert(T["hardware"]).values(DEVICEID="same-2024-01-01-00-00-00"))
    ingestor = Ingestor(engine)
    result = _ingest(
        ingestor, identity_xml("same-2024-01-01-00-00-00", old="same-2024-01-01-00-00-00")
    )
    assert result.merged == ()
    assert len(hardware_ids(engine)) == 2
