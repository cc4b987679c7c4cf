"""Manual duplicates (PROTOCOL.md 5.2): the finder's sets, "not duplicates", the merge plan
and its execution, the blacklist editors, and ``ocs-desktop duplicates``."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import Engine, insert, select, text, update

from ocs_desktop.cli.main import main
from ocs_desktop.fleet.duplicates import (
    ExcludedKind,
    SetCriterion,
    find_duplicates,
    first_inventory,
)
from ocs_desktop.fleet.duplicates_blacklist import (
    BlacklistKind,
    add_to_blacklist,
    list_blacklist,
    normalize,
    remove_from_blacklist,
)
from ocs_desktop.fleet.duplicates_ignore import ignore_set, unignore_set
from ocs_desktop.fleet.duplicates_merge import StalePlan, merge, plan_merge
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory
from tests.support.duplicate_fleet import hardware_ids, identity_xml, orphans, set_config

T = Base.metadata.tables


def _machines(engine: Engine, *identities: dict[str, object], first: int = 0) -> list[int]:
    """Machines with these identities (each value not given is the machine's own),
    written with the automatic merge off."""
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    ingestor = Ingestor(engine)
    ids = []
    for index, identity in enumerate(identities, start=first):
        deviceid = f"m{index}-202{index % 10}-01-0{1 + index % 9}-00-00-00"
        own = {
            "name": f"pc-{index}",
            "serial": f"SER-{index}",
            "macs": (f"02:00:00:00:ff:{index:02x}",),
            "uuid": f"UUID-{index}",
        }
        body = identity_xml(deviceid, **{**own, **identity})  # type: ignore[arg-type]
        result = ingestor.ingest(parse_inventory(body))
        ids.append(result.hardware_id)
    return ids


def _lastcome(engine: Engine, by_id: dict[int, dt.datetime]) -> None:
    hardware = T["hardware"]
    with engine.begin() as conn:
        for machine, when in by_id.items():
            conn.execute(update(hardware).where(hardware.c.ID == machine).values(LASTCOME=when))


def _sets(engine: Engine, **options: object) -> dict[tuple[SetCriterion, tuple], tuple[int, ...]]:
    with engine.connect() as conn:
        report = find_duplicates(conn, **options)  # type: ignore[arg-type]
    return {(s.criterion, s.values): tuple(sorted(s.ids)) for s in report.sets}


def test_first_inventory_is_read_from_the_deviceid() -> None:
    assert first_inventory("pc-12-2024-03-05-10-20-30") == dt.datetime(2024, 3, 5, 10, 20, 30)
    assert first_inventory("pc-2024-13-05-10-20-30") is None
    assert first_inventory("no-date") is None


def test_every_criterion_finds_its_sets_and_blacklisted_values_are_shown_apart(
    engine: Engine,
) -> None:
    a, b, c, d, e, f, g = _machines(
        engine,
        {"name": "PC-1", "serial": "S1", "macs": ("02:00:00:00:00:01",), "uuid": "U1"},
        {"name": "pc-1", "serial": "S1", "macs": ("02:00:00:00:00:0a",), "uuid": "U2"},
        {"name": "PC-2", "serial": "S2", "macs": ("02:00:00:00:00:01",), "uuid": "U3"},
        {"name": "PC-3", "serial": "S3", "macs": ("02:00:00:00:00:0A",), "uuid": "U2"},
        {"name": "PC-4", "serial": "To Be Filled By O.E.M.", "macs": ("ff:ff:ff:ff:ff:ff",)},
        {"name": "PC-5", "serial": "to be filled by o.e.m.", "macs": ("FF:FF:FF:FF:FF:FF",)},
        {"name": "PC-6", "serial": "S6", "macs": ("02:00:00:00:00:06",), "uuid": "U6"},
    )
    sets = _sets(engine)
    assert sets == {
        (SetCriterion.HOSTNAME, (("hostname", "PC-1"),)): (a, b),
        (SetCriterion.SERIAL, (("serial", "S1"),)): (a, b),
        (SetCriterion.MAC, (("mac", "02:00:00:00:00:01"),)): (a, c),
        (SetCriterion.MAC, (("mac", "02:00:00:00:00:0A"),)): (b, d),
        (SetCriterion.HOSTNAME_SERIAL, (("hostname", "PC-1"), ("serial", "S1"))): (a, b),
        (SetCriterion.UUID, (("uuid", "U2"),)): (b, d),
    }
    with engine.connect() as conn:
        report = find_duplicates(conn)
        narrow = find_duplicates(conn, [SetCriterion.UUID])
    assert {(x.kind, x.value, x.machines) for x in report.excluded} == {
        (ExcludedKind.SERIAL, "TO BE FILLED BY O.E.M.", 2),
        (ExcludedKind.MAC, "FF:FF:FF:FF:FF:FF", 2),
    }
    assert [s.criterion for s in narrow.sets] == [SetCriterion.UUID] and not narrow.excluded
    assert report.by_criterion[SetCriterion.MAC] == 2
    [pair] = [s for s in report.sets if s.criterion is SetCriterion.HOSTNAME]
    newest, oldest = pair.machines  # newest first: same LASTCOME, then the higher ID
    assert (newest.id, oldest.id) == (b, a)
    assert (oldest.serial, oldest.uuid, oldest.macs) == ("S1", "U1", ("02:00:00:00:00:01",))
    assert oldest.deviceid.startswith("m0-") and oldest.first_inventory == dt.datetime(2020, 1, 1)
    assert oldest.last_inventory is not None and oldest.useragent is None
    assert {e, f, g}.isdisjoint({i for s in report.sets for i in s.ids})


def test_pairs_of_criteria_need_both_and_share_a_set_per_machines(engine: Engine) -> None:
    macs = ("02:00:00:00:01:01", "02:00:00:00:01:02")
    a, b, c = _machines(
        engine,
        {"name": "twin", "serial": "X", "macs": macs},
        {"name": "twin", "serial": "Y", "macs": macs},
        {"name": "solo", "serial": "X", "macs": ("02:00:00:00:01:03",)},
    )
    sets = _sets(engine)
    # One set for the two shared MACs of one pair of machines, not one per MAC.
    assert sets[(SetCriterion.MAC, (("mac", "02:00:00:00:01:01, 02:00:00:00:01:02"),))] == (a, b)
    assert sets[
        (
            SetCriterion.HOSTNAME_MAC,
            (("hostname", "TWIN"), ("mac", "02:00:00:00:01:01, 02:00:00:00:01:02")),
        )
    ] == (a, b)
    assert sets[(SetCriterion.SERIAL, (("serial", "X"),))] == (a, c)
    assert not any(k[0] in (SetCriterion.HOSTNAME_SERIAL, SetCriterion.MAC_SERIAL) for k in sets)


def test_mac_and_serial_together(engine: Engine) -> None:
    a, b, _ = _machines(
        engine,
        {"name": "one", "serial": "Z", "macs": ("02:00:00:00:02:01",)},
        {"name": "two", "serial": "Z", "macs": ("02:00:00:00:02:01",)},
        {"name": "three", "serial": "Z", "macs": ("02:00:00:00:02:09",)},
    )
    sets = _sets(engine, criteria=[SetCriterion.MAC_SERIAL])
    assert sets == {
        (SetCriterion.MAC_SERIAL, (("mac", "02:00:00:00:02:01"), ("serial", "Z"))): (a, b)
    }


def test_not_duplicates_hides_a_set_until_its_data_changes(engine: Engine) -> None:
    a, b = _machines(engine, {"name": "lab"}, {"name": "lab", "serial": "other"})
    with engine.connect() as conn:
        [found] = find_duplicates(conn, [SetCriterion.HOSTNAME]).sets
    with engine.begin() as conn:
        ignore_set(conn, found, "admin")
    with engine.connect() as conn:
        hidden = find_duplicates(conn, [SetCriterion.HOSTNAME])
        shown = find_duplicates(conn, [SetCriterion.HOSTNAME], include_ignored=True)
    assert hidden.sets == () and hidden.hidden == 1
    assert [s.ignored for s in shown.sets] == [True] and shown.sets[0].ids == found.ids
    # A third machine with that name is new data: the set shows again.
    [c] = _machines(engine, {"name": "LAB", "serial": "third"}, first=5)
    with engine.connect() as conn:
        [again] = find_duplicates(conn, [SetCriterion.HOSTNAME]).sets
    assert sorted(again.ids) == sorted([a, b, c]) and again.key == found.key
    assert not again.ignored
    with engine.begin() as conn:
        ignore_set(conn, again)
        assert unignore_set(conn, "hostname", again.key)
        assert not unignore_set(conn, "hostname", again.key)
    with engine.connect() as conn:
        assert len(find_duplicates(conn, [SetCriterion.HOSTNAME]).sets) == 1


def _admin(engine: Engine, oldest: int, admin: int, survivor: int) -> None:
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_3 VARCHAR(255)"))
        conn.execute(
            text(
                "UPDATE accountinfo SET TAG = 'FINANCE', fields_3 = 'Jeanne Martin' "
                "WHERE HARDWARE_ID = :id"
            ),
            {"id": admin},
        )
        group = conn.execute(
            insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME="static")
        ).inserted_primary_key[0]
        conn.execute(
            insert(T["groups_cache"]), [{"HARDWARE_ID": oldest, "GROUP_ID": group, "STATIC": 1}]
        )
        conn.execute(
            insert(T["devices"]),
            [
                {"HARDWARE_ID": oldest, "NAME": "FREQUENCY", "IVALUE": 7},
                {"HARDWARE_ID": survivor, "NAME": "FREQUENCY", "IVALUE": 1},
            ],
        )
        conn.execute(
            insert(T["itmgmt_comments"]),
            [
                {"HARDWARE_ID": machine, "COMMENTS": f"note of {machine}"}
                for machine in (oldest, admin, survivor)
            ],
        )
        conn.execute(update(T["hardware"]).where(T["hardware"].c.ID == oldest).values(FIDELITY=40))


def test_manual_merge_of_three_machines(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    oldest, admin, survivor, bystander = _machines(
        engine, {"name": "x"}, {"name": "x"}, {"name": "x"}, {"name": "y", "serial": "Q"}
    )
    set_config(engine, TRACE_DELETED=1)
    _lastcome(
        engine,
        {
            oldest: dt.datetime(2023, 1, 1),
            admin: dt.datetime(2024, 1, 1),
            survivor: dt.datetime(2025, 1, 1),
        },
    )
    _admin(engine, oldest, admin, survivor)
    with engine.connect() as conn:
        plan = plan_merge(conn, [survivor, oldest, admin])
    assert plan.survivor.id == survivor and [m.id for m in plan.merged] == [oldest, admin]
    assert (plan.spec.accountinfo_from, plan.spec.devices_from, plan.oldest) == (
        admin,
        oldest,
        oldest,
    )
    assert plan.trace_deleted
    keep = {(row.table, row.machine): row.rows for row in plan.keep}
    assert keep[("accountinfo", admin)] == 1 and keep[("devices", oldest)] == 1
    assert keep[("groups_cache", oldest)] == 1 and keep[("itmgmt_comments", survivor)] == 1
    delete = {(row.table, row.machine): row.rows for row in plan.delete}
    assert delete[("hardware", oldest)] == delete[("hardware", admin)] == 1
    assert delete[("accountinfo", survivor)] == 1 and delete[("devices", survivor)] == 1
    assert delete[("accountinfo", oldest)] == 1 and ("accountinfo", admin) not in delete
    assert delete[("networks", admin)] >= 1
    # What moves is not listed as deleted: the oldest's settings and static membership,
    # the comments, the admin machine's accountinfo.
    assert ("devices", oldest) not in delete and ("groups_cache", oldest) not in delete
    assert ("itmgmt_comments", admin) not in delete and ("itmgmt_comments", oldest) not in delete
    assert (plan.survivor.tag, [m.tag for m in plan.merged]) == ("NA", ["NA", "FINANCE"])
    assert [m.admin_fields for m in plan.merged] == [0, 1] and plan.survivor.admin_fields == 0
    with caplog.at_level(logging.INFO, logger="ocs_desktop.fleet.duplicates_merge"):
        outcome = merge(engine, plan, user="jeanne")
    assert f"merged machines [{oldest}, {admin}] into {survivor} (jeanne)" in caplog.messages
    assert outcome.survivor == survivor and outcome.deleted == (oldest, admin)
    assert {survivor, bystander} <= set(hardware_ids(engine))
    assert oldest not in hardware_ids(engine) and admin not in hardware_ids(engine)
    assert orphans(engine) == {}
    with engine.connect() as conn:
        account = conn.execute(text("SELECT HARDWARE_ID, TAG, fields_3 FROM accountinfo")).all()
        devices = conn.execute(text("SELECT HARDWARE_ID, NAME, IVALUE FROM devices")).all()
        groups = conn.execute(text("SELECT HARDWARE_ID, STATIC FROM groups_cache")).all()
        notes = conn.execute(text("SELECT HARDWARE_ID, COMMENTS FROM itmgmt_comments")).all()
        fidelity = conn.execute(
            select(T["hardware"].c.FIDELITY).where(T["hardware"].c.ID == survivor)
        ).scalar_one()
        equiv = conn.execute(text("SELECT DELETED, EQUIVALENT FROM deleted_equiv")).all()
        fusion = conn.execute(text("SELECT USER, ACTION, TARGET FROM history")).all()
        deviceids = dict(conn.execute(text("SELECT ID, DEVICEID FROM hardware")).all())
    assert (survivor, "FINANCE", "Jeanne Martin") in account and len(account) == 2
    assert devices == [(survivor, "FREQUENCY", 7)]
    assert groups == [(survivor, 1)]
    assert sorted(n for _, n in notes) == sorted(f"note of {m}" for m in (oldest, admin, survivor))
    assert {machine for machine, _ in notes} == {survivor}
    assert fidelity == 40
    assert sorted(deleted for deleted, _ in equiv) == sorted(
        [plan.merged[0].deviceid, plan.merged[1].deviceid]
    )
    assert {equivalent for _, equivalent in equiv} == {deviceids[survivor]}
    assert fusion == [
        (
            "jeanne",
            "FUSION",
            f"{deviceids[survivor]} <- {plan.merged[0].deviceid}, {plan.merged[1].deviceid}",
        )
    ]


def test_a_plan_is_refused_once_its_machines_changed(engine: Engine) -> None:
    a, b = _machines(engine, {"name": "x"}, {"name": "x"})
    with engine.connect() as conn:
        plan = plan_merge(conn, [a, b])
    _lastcome(engine, {a: dt.datetime(2030, 1, 1)})
    with pytest.raises(StalePlan, match="changed since the merge was planned"):
        merge(engine, plan)
    assert hardware_ids(engine) == sorted([a, b])


def test_a_plan_refuses_groups_unknown_ids_and_single_machines(engine: Engine) -> None:
    [a] = _machines(engine, {"name": "x"})
    with engine.begin() as conn:
        group = conn.execute(
            insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME="g")
        ).inserted_primary_key[0]
    with engine.connect() as conn:
        with pytest.raises(ValueError, match="groups"):
            plan_merge(conn, [a, group])
        with pytest.raises(LookupError, match="999999"):
            plan_merge(conn, [a, 999999])
        with pytest.raises(ValueError, match="two machines"):
            plan_merge(conn, [a, a])


def test_blacklist_editors(engine: Engine) -> None:
    assert normalize(BlacklistKind.MAC, " 02-aa-bb-cc-dd-ee ") == "02:AA:BB:CC:DD:EE"
    assert normalize(BlacklistKind.MAC, "02aabbccddee") == "02:AA:BB:CC:DD:EE"
    assert normalize(BlacklistKind.SERIAL, " Default string ") == "Default string"
    for kind, bad in [
        (BlacklistKind.MAC, "02:aa:bb:cc:dd"),
        (BlacklistKind.MAC, "02:aa-bb:cc:dd:ee"),
        (BlacklistKind.MAC, "zz:aa:bb:cc:dd:ee"),
        (BlacklistKind.SERIAL, "   "),
        (BlacklistKind.SERIAL, "a\tb"),
        (BlacklistKind.SERIAL, "x" * 256),
    ]:
        with pytest.raises(ValueError):
            normalize(kind, bad)
    a, b = _machines(
        engine, {"name": "a", "serial": "Default string"}, {"name": "b", "serial": "Default string"}
    )
    with engine.begin() as conn:
        before = len(list_blacklist(conn, BlacklistKind.SERIAL))
        entry = add_to_blacklist(conn, BlacklistKind.SERIAL, " Default string ")
        with pytest.raises(ValueError, match="already"):
            add_to_blacklist(conn, BlacklistKind.SERIAL, "DEFAULT STRING")
        assert list_blacklist(conn, BlacklistKind.SERIAL)[-1] == entry
        assert len(list_blacklist(conn, BlacklistKind.SERIAL)) == before + 1
    with engine.connect() as conn:
        report = find_duplicates(conn, [SetCriterion.SERIAL])
    assert report.sets == () and report.excluded[0].value == "DEFAULT STRING"
    with engine.begin() as conn:
        assert remove_from_blacklist(conn, BlacklistKind.SERIAL, "default STRING") == 1
        with pytest.raises(LookupError):
            remove_from_blacklist(conn, BlacklistKind.SERIAL, "default string")
    with engine.connect() as conn:
        assert [s.ids for s in find_duplicates(conn, [SetCriterion.SERIAL]).sets] == [(b, a)]


# -- the command --------------------------------------------------------------------------


@pytest.fixture
def sqlite_fleet(tmp_path) -> tuple[str, list[int]]:
    from ocs_desktop.db.engines import create_engine_for
    from ocs_desktop.db.schema import init_database

    path = str(tmp_path / "fleet.sqlite")
    engine = create_engine_for(path)
    init_database(engine)
    ids = _machines(
        engine, {"name": "dup"}, {"name": "dup", "serial": "2"}, {"name": "z", "serial": "3"}
    )
    engine.dispose()
    return path, ids


def test_cli_list_ignore_and_merge(sqlite_fleet, capsys, monkeypatch) -> None:
    path, (a, b, c) = sqlite_fleet
    assert main(["duplicates", "list", "--db", path, "--criterion", "hostname"]) == 0
    out = capsys.readouterr().out
    assert "hostname: hostname DUP" in out and "1 set(s): hostname 1; 0 dismissed" in out
    key = out.split("]")[0].lstrip("[")
    assert main(["duplicates", "ignore", "--db", path, key[:8]]) == 0
    assert main(["duplicates", "list", "--db", path, "--criterion", "hostname"]) == 0
    assert "0 set(s): none; 1 dismissed" in capsys.readouterr().out
    assert main(["duplicates", "ignore", "--db", path, "zzzzzz"]) == 1
    assert "no set with key" in capsys.readouterr().err
    assert main(["duplicates", "ignore", "--db", path, key, "--undo"]) == 0
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["duplicates", "merge", "--db", path, str(a), str(b)]) == 1
    assert "add --yes" in capsys.readouterr().err
    assert main(["duplicates", "merge", "--db", path, str(a), str(b), "--dry-run"]) == 0
    assert "nothing merged" in capsys.readouterr().out
    assert main(["duplicates", "merge", "--db", path, str(a), str(b), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"survives: {b} " in out and f"merged 1 machine(s) into {b}" in out
    assert main(["duplicates", "merge", "--db", path, str(a), str(c), "--yes"]) == 1
    assert f"no machine with ID {a}" in capsys.readouterr().err


def test_cli_blacklist(sqlite_fleet, capsys) -> None:
    path, _ = sqlite_fleet
    base = ["duplicates", "blacklist"]
    assert main([*base, "add", "--db", path, "--kind", "mac", "02aabbccddee"]) == 0
    assert "blacklisted mac 02:AA:BB:CC:DD:EE" in capsys.readouterr().out
    assert main([*base, "add", "--db", path, "--kind", "mac", "02aabbccddee"]) == 1
    assert "already blacklisted" in capsys.readouterr().err
    assert main([*base, "add", "--db", path, "--kind", "mac", "nonsense"]) == 1
    assert "not a MAC address" in capsys.readouterr().err
    assert main([*base, "list", "--db", path, "--kind", "mac"]) == 0
    assert "02:AA:BB:CC:DD:EE" in capsys.readouterr().out.splitlines()
    assert main([*base, "remove", "--db", path, "--kind", "mac", "02:aa:bb:cc:dd:ee"]) == 0
    assert main([*base, "remove", "--db", path, "--kind", "mac", "02:aa:bb:cc:dd:ee"]) == 1
    assert main(["duplicates", "list", "--db", str(path) + ".missing"]) == 2


def test_a_plan_without_admin_fields_takes_the_oldest_and_never_heard_is_oldest(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    never, known, survivor = _machines(engine, {"name": "x"}, {"name": "x"}, {"name": "x"})
    _lastcome(
        engine, {never: None, known: dt.datetime(2024, 1, 1), survivor: dt.datetime(2025, 1, 1)}
    )  # type: ignore[dict-item]
    with engine.begin() as conn:
        # The TAG is no admin field; a machine without an accountinfo row has none.
        conn.execute(text("UPDATE accountinfo SET TAG = NULL WHERE HARDWARE_ID = :i"), {"i": never})
        conn.execute(text("UPDATE accountinfo SET TAG = 'X' WHERE HARDWARE_ID = :i"), {"i": known})
        conn.execute(text("DELETE FROM accountinfo WHERE HARDWARE_ID = :i"), {"i": survivor})
        plan = plan_merge(conn, [known, survivor, never])
    assert plan.survivor.id == survivor and plan.oldest == never
    assert plan.spec.accountinfo_from == never and plan.spec.quality_from == never
    assert (plan.survivor.tag, plan.survivor.admin_fields) == (None, 0)
    assert [(m.tag, m.admin_fields) for m in plan.merged] == [(None, 0), ("X", 0)]
    long_name = "u" * 300
    with engine.begin() as conn:
        for machine in (never, known, survivor):
            conn.execute(
                text("UPDATE hardware SET DEVICEID = :d WHERE ID = :i"),
                {"d": f"{machine}-" + "d" * 200, "i": machine},
            )
        plan = plan_merge(conn, [known, survivor, never])
    merge(engine, plan, user=long_name)
    with engine.connect() as conn:
        user, when, target = conn.execute(
            text("SELECT USER, DATETIME_ACTION, TARGET FROM history")
        ).one()
    assert user == long_name[:255] and len(target) == 255
    assert target.startswith(f"{survivor}-ddd") and " <- " in target
    assert dt.datetime.fromisoformat(str(when)).microsecond == 0
    a, b = _machines(engine, {"name": "y"}, {"name": "y"}, first=7)
    with engine.connect() as conn:
        plan = plan_merge(conn, [a, b])
    merge(engine, plan)
    with engine.connect() as conn:
        users = conn.execute(text("SELECT USER FROM history ORDER BY ID")).scalars().all()
    assert users[-1] == "ocs-desktop"
