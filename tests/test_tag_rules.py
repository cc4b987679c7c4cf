"""Automated tagging rules (issue 18): each kind, first match per field, TAG protection,
preview == apply, a byte-identical undo, rules run by a real ingest, and the CLI.
On SQLite and MariaDB, with admin fields added the way OCS's console adds them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import Engine, insert, inspect, select, text

from ocs_desktop.cli.main import main
from ocs_desktop.db.tag_rule_match import matching_ids
from ocs_desktop.db.tag_rule_runs import StalePreview, list_runs, undo_last_run
from ocs_desktop.db.tag_rules import (
    TAG_REFUSED,
    AdminColumns,
    RuleKind,
    TagRule,
    TagRuleError,
    check_rule,
    list_rules,
    move_rule,
    remove_rule,
)
from ocs_desktop.fleet import tag_rules
from ocs_desktop.fleet.groups import add_members, create_dynamic_group, create_static_group
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.inventory.tag_rules_writer import TagRulesWriter
from ocs_desktop.models import Base
from ocs_desktop.models.extensions import tag_rule_backup, tag_rule_runs
from ocs_desktop.models.extensions import tag_rules as tag_rules_table
from ocs_desktop.protocol.document import parse_inventory
from tests.support.builders import FIRST

T = Base.metadata.tables

# name: (OS, hardware.IPADDR, networks addresses, software, accountinfo row or None)
MACHINES: dict[str, tuple[str, str, list[str], list[str], dict[str, object] | None]] = {
    "web-01": (
        "Debian GNU/Linux 12",
        "10.1.0.5",
        ["10.1.0.5"],
        ["Firefox ESR"],
        {
            "TAG": "PARIS",
            "fields_3": "Alice",
            "fields_4": 7,
            "fields_5": "2024-03-01",
            "fields_6": "2024-03-01 08:30:15",
        },
    ),
    "WEB-02": (
        "Microsoft Windows 11 Pro",
        "192.168.1.20",
        ["10.1.3.7", "fe80::1"],
        ["Mozilla Firefox"],
        {"TAG": "LYON", "fields_3": None, "fields_4": None},
    ),
    "db-01": ("Ubuntu 24.04 LTS", "10.2.0.9", [], ["MariaDB Server"], None),
    "laptop-7": (
        "Microsoft Windows 10 Pro",
        "172.16.5.40",
        [],
        [],
        {"TAG": "Zoë  ", "fields_3": "Bob"},
    ),
}


def _add_admin_fields(engine: Engine) -> None:
    """What the OCS console does when an administrator adds fields (PROTOCOL.md 7)."""
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_3 VARCHAR(255)"))
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_4 INTEGER"))
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_5 DATE"))
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_6 DATETIME"))
        conn.execute(
            text(
                "INSERT INTO accountinfo_config"
                " (ID, NAME_ACCOUNTINFO, TYPE, NAME, ID_TAB, COMMENT, SHOW_ORDER, ACCOUNT_TYPE)"
                " VALUES (3, NULL, 0, 'OWNER', 1, 'Owner', 2, 'COMPUTERS'),"
                " (4, 'fields_4', 15, 'ROOM', 1, 'Room number', 4, 'COMPUTERS'),"
                " (5, NULL, 14, 'BOUGHT', 1, 'Purchase date', 3, 'COMPUTERS'),"
                " (6, NULL, 14, 'SEEN', 1, 'Seen at', 5, 'COMPUTERS')"
            )
        )


@pytest.fixture
def fleet(engine: Engine) -> tuple[Engine, dict[str, int]]:
    """Four machines made by hand (one without admin data) and a group pseudo-row."""
    _add_admin_fields(engine)
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        names: dict[str, int] = {}
        for name, (osname, ipaddr, nets, software, account) in MACHINES.items():
            hardware_id = int(
                conn.execute(
                    insert(T["hardware"]).values(
                        DEVICEID=f"{name}-dev", NAME=name, OSNAME=osname, IPADDR=ipaddr
                    )
                ).inserted_primary_key[0]
            )
            ids[name] = hardware_id
            for address in nets:
                conn.execute(
                    insert(T["networks"]).values(HARDWARE_ID=hardware_id, IPADDRESS=address)
                )
            for title in software:
                if title not in names:
                    names[title] = int(
                        conn.execute(
                            insert(T["software_name"]).values(NAME=title)
                        ).inserted_primary_key[0]
                    )
                conn.execute(
                    insert(T["software"]).values(
                        HARDWARE_ID=hardware_id, NAME_ID=names[title], PUBLISHER_ID=1, VERSION_ID=1
                    )
                )
            if account is not None:
                columns = ", ".join(["HARDWARE_ID", *account])
                marks = ", ".join([":HARDWARE_ID", *(f":{k}" for k in account)])
                conn.execute(
                    text(f"INSERT INTO accountinfo ({columns}) VALUES ({marks})"),
                    {"HARDWARE_ID": hardware_id, **account},
                )
        ids["group"] = int(
            conn.execute(
                insert(T["hardware"]).values(
                    DEVICEID="_SYSTEMGROUP_", NAME="web-group", OSNAME="Microsoft Windows"
                )
            ).inserted_primary_key[0]
        )
    return engine, ids


def _rule(kind: RuleKind, pattern: str, target: str = "OWNER", value: str = "x", **kw) -> TagRule:
    return TagRule(f"{kind.value} {pattern}", kind, pattern, target, value, **kw)


def _matches(engine: Engine, rule: TagRule, ids: dict[str, int]) -> set[str]:
    names = {v: k for k, v in ids.items()}
    with engine.connect() as conn:
        columns = AdminColumns.read(conn)
        checked = check_rule(conn, rule, columns)
        found = matching_ids(conn, checked, columns, group_condition=tag_rules.group_condition)
    return {names[i] for i in found}


def _snapshot(engine: Engine) -> list[tuple]:
    """Every accountinfo column of every row, as the driver gives it and as HEX bytes."""
    with engine.connect() as conn:
        names = [c["name"] for c in inspect(conn).get_columns("accountinfo")]
        raw = [tuple(r) for r in conn.execute(text("SELECT * FROM accountinfo ORDER BY 1"))]
        hexed = ", ".join(f"HEX({n})" for n in names)
        hexes = [
            tuple(r)
            for r in conn.execute(text(f"SELECT HARDWARE_ID, {hexed} FROM accountinfo ORDER BY 1"))
        ]
    return [*raw, *hexes]


def _value(engine: Engine, hardware_id: int, column: str) -> object:
    with engine.connect() as conn:
        return conn.execute(
            text(f"SELECT {column} FROM accountinfo WHERE HARDWARE_ID = :i"), {"i": hardware_id}
        ).scalar_one_or_none()


# -- each kind --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "pattern", "expected"),
    [
        (RuleKind.SUBNET, "10.1.0.0/16", {"web-01", "WEB-02"}),  # WEB-02 by its second NIC
        (RuleKind.SUBNET, "10.0.0.0/8", {"web-01", "WEB-02", "db-01"}),
        (RuleKind.SUBNET, "fe80::/10", {"WEB-02"}),
        (RuleKind.IP_RANGE, "172.16.5.1-172.16.5.50", {"laptop-7"}),
        (RuleKind.IP_RANGE, "172.16.5.41-172.16.5.50", set()),
        (RuleKind.IP_RANGE, "10.1.0.6-10.2.0.9", {"WEB-02", "db-01"}),
        (RuleKind.HOSTNAME, "web-*", {"web-01", "WEB-02"}),  # any case, never the group
        (RuleKind.HOSTNAME, "DB-0?", {"db-01"}),
        (RuleKind.HOSTNAME, "web", set()),
        (RuleKind.OS, "*windows*", {"WEB-02", "laptop-7"}),
        (RuleKind.OS, "debian*", {"web-01"}),
        (RuleKind.SOFTWARE, "*firefox*", {"web-01", "WEB-02"}),
        (RuleKind.SOFTWARE, "mariadb server", {"db-01"}),
        (RuleKind.ADMIN_FIELD, "OWNER=a*", {"web-01"}),
        (RuleKind.ADMIN_FIELD, "fields_3=", {"WEB-02", "db-01"}),  # NULL, or no row at all
        (RuleKind.ADMIN_FIELD, "TAG=paris", {"web-01"}),
        (RuleKind.ADMIN_FIELD, "ROOM=7", {"web-01"}),
        (RuleKind.ADMIN_FIELD, "room=", {"WEB-02", "db-01", "laptop-7"}),
        (RuleKind.ADMIN_FIELD, "BOUGHT=2024-03-*", {"web-01"}),
    ],
)
def test_each_kind_matches_its_machines(
    fleet: tuple[Engine, dict[str, int]], kind: RuleKind, pattern: str, expected: set[str]
) -> None:
    engine, ids = fleet
    assert _matches(engine, _rule(kind, pattern), ids) == expected


def test_group_rules_use_a_dynamic_groups_search_or_a_static_groups_members(
    fleet: tuple[Engine, dict[str, int]],
) -> None:
    engine, ids = fleet
    with engine.begin() as conn:
        dynamic = create_dynamic_group(
            conn, "databases", Search((Criterion("hardware.NAME", Operator.starts_with, "db"),))
        )
        static = create_static_group(conn, "laptops")
        add_members(conn, static, [ids["laptop-7"]])
    assert _matches(engine, _rule(RuleKind.GROUP, str(dynamic)), ids) == {"db-01"}
    assert _matches(engine, _rule(RuleKind.GROUP, str(static)), ids) == {"laptop-7"}
    # The search is evaluated live, not from the group's cache.
    with engine.begin() as conn:
        conn.execute(
            T["hardware"].update().where(T["hardware"].c.ID == ids["web-01"]), {"NAME": "db-9"}
        )
    assert _matches(engine, _rule(RuleKind.GROUP, str(dynamic)), ids) == {"db-01", "web-01"}
    with engine.begin() as conn, pytest.raises(TagRuleError, match="no group"):
        tag_rules.add_rule(conn, _rule(RuleKind.GROUP, "999999"))
    with engine.begin() as conn, pytest.raises(TagRuleError, match="after each inventory"):
        tag_rules.add_rule(conn, _rule(RuleKind.GROUP, str(dynamic), run_after_inventory=True))


@pytest.mark.parametrize(
    ("kind", "pattern", "message"),
    [
        (RuleKind.SUBNET, "10.1.0.0/33", "subnet"),
        (RuleKind.IP_RANGE, "10.0.0.9-10.0.0.1", "before the last"),
        (RuleKind.IP_RANGE, "10.0.0.1", "FIRST-LAST"),
        (RuleKind.ADMIN_FIELD, "OWNER", "FIELD=PATTERN"),
        (RuleKind.ADMIN_FIELD, "NOSUCH=x", "no admin field"),
        (RuleKind.GROUP, "web", "numeric id"),
        (RuleKind.HOSTNAME, "  ", "empty"),
    ],
)
def test_bad_rules_are_refused_with_a_reason(
    fleet: tuple[Engine, dict[str, int]], kind: RuleKind, pattern: str, message: str
) -> None:
    engine, _ = fleet
    with engine.begin() as conn, pytest.raises(TagRuleError, match=message):
        tag_rules.add_rule(conn, _rule(kind, pattern))
    with engine.begin() as conn, pytest.raises(TagRuleError, match="does not fit fields_4"):
        tag_rules.add_rule(conn, _rule(RuleKind.OS, "*", target="ROOM", value="twelve"))
    with engine.connect() as conn:
        assert list_rules(conn) == []


# -- order, first match -------------------------------------------------------------------


def test_first_matching_rule_per_field_wins_and_order_can_change(
    fleet: tuple[Engine, dict[str, int]],
) -> None:
    engine, ids = fleet
    with engine.begin() as conn:
        web = tag_rules.add_rule(conn, _rule(RuleKind.HOSTNAME, "web-*", value="web team"))
        windows = tag_rules.add_rule(conn, _rule(RuleKind.OS, "*windows*", value="win team"))
        room = tag_rules.add_rule(conn, _rule(RuleKind.OS, "*windows*", "ROOM", "12"))
    with engine.connect() as conn:
        assert [r.id for r in list_rules(conn)] == [web, windows, room]
        owners = {(c.hardware_id, c.new) for c in tag_rules.preview(conn) if c.field == "fields_3"}
        rooms = {(c.hardware_id, c.new) for c in tag_rules.preview(conn) if c.field == "fields_4"}
    assert owners == {
        (ids["web-01"], "web team"),
        (ids["WEB-02"], "web team"),  # matches both: the first rule wins
        (ids["laptop-7"], "win team"),
    }
    # Another field's rules are independent of the first field's.
    assert rooms == {(ids["WEB-02"], "12"), (ids["laptop-7"], "12")}
    with engine.begin() as conn:
        move_rule(conn, windows, 1)
        assert [r.id for r in list_rules(conn)] == [windows, web, room]
        assert [r.position for r in list_rules(conn)] == [1, 2, 3]
        owners = {(c.hardware_id, c.new) for c in tag_rules.preview(conn) if c.field == "fields_3"}
    assert (ids["WEB-02"], "win team") in owners
    with engine.begin() as conn:
        remove_rule(conn, windows)
        assert [(r.id, r.position) for r in list_rules(conn)] == [(web, 1), (room, 2)]
        tag_rules.add_rule(conn, replace(_rule(RuleKind.OS, "*"), enabled=False), position=1)
        # A disabled rule matches nothing, even first.
        owners = {(c.hardware_id, c.new) for c in tag_rules.preview(conn) if c.field == "fields_3"}
    assert owners == {(ids["web-01"], "web team"), (ids["WEB-02"], "web team")}


# -- TAG protection ---------------------------------------------------------------------------


def test_tag_is_a_target_only_when_the_rule_says_it_overwrites_the_agents_tag(
    fleet: tuple[Engine, dict[str, int]],
) -> None:
    engine, ids = fleet
    for spelling in ("TAG", "tag"):
        with engine.begin() as conn, pytest.raises(TagRuleError) as refused:
            tag_rules.add_rule(conn, _rule(RuleKind.OS, "*", target=spelling, value="HQ"))
        assert str(refused.value) == TAG_REFUSED
    with engine.begin() as conn:
        tag_rules.add_rule(
            conn, _rule(RuleKind.OS, "*", target="tag", value="HQ", overwrite_agent_tag=True)
        )
        [rule] = list_rules(conn)
        assert (rule.target, rule.overwrite_agent_tag) == ("TAG", True)
        # A TAG rule stored without the flag (by hand) is refused when run.
        conn.execute(tag_rules_table.update().values(OVERWRITE_AGENT_TAG=0))
        with pytest.raises(TagRuleError, match="location the agent sent"):
            tag_rules.preview(conn)
    assert _value(engine, ids["web-01"], "TAG") == "PARIS"


# -- preview, apply, undo --------------------------------------------------------------------


def _add_mixed_rules(engine: Engine) -> None:
    with engine.begin() as conn:
        tag_rules.add_rule(conn, _rule(RuleKind.SUBNET, "10.0.0.0/8", "OWNER", "lan"))
        tag_rules.add_rule(conn, _rule(RuleKind.OS, "*windows*", "OWNER", "Bob"))
        tag_rules.add_rule(conn, _rule(RuleKind.OS, "*", "ROOM", "7"))
        tag_rules.add_rule(conn, _rule(RuleKind.HOSTNAME, "*", "BOUGHT", "2025-01-31"))
        tag_rules.add_rule(
            conn, _rule(RuleKind.SOFTWARE, "*", "TAG", "Sœur ✓", overwrite_agent_tag=True)
        )


def test_preview_lists_exactly_what_apply_writes(fleet: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = fleet
    _add_mixed_rules(engine)
    with engine.connect() as conn:
        shown = tag_rules.preview(conn)
    described = {(c.hardware_id, c.field, c.old, c.new, c.had_row) for c in shown}
    web1, web2, db1, laptop = ids["web-01"], ids["WEB-02"], ids["db-01"], ids["laptop-7"]
    assert described == {
        (web1, "fields_3", "Alice", "lan", True),
        (web2, "fields_3", None, "lan", True),
        (db1, "fields_3", None, "lan", False),
        # laptop-7's owner is Bob already and web-01's room is 7: not changes.
        (web2, "fields_4", None, "7", True),
        (db1, "fields_4", None, "7", False),
        (laptop, "fields_4", None, "7", True),
        (web1, "fields_5", "2024-03-01", "2025-01-31", True),
        (web2, "fields_5", None, "2025-01-31", True),
        (db1, "fields_5", None, "2025-01-31", False),
        (laptop, "fields_5", None, "2025-01-31", True),
        (web1, "TAG", "PARIS", "Sœur ✓", True),
        (web2, "TAG", "LYON", "Sœur ✓", True),
        (db1, "TAG", None, "Sœur ✓", False),
    }
    assert {c.machine for c in shown} == {"web-01", "WEB-02", "db-01", "laptop-7"}
    with engine.begin() as conn:
        result = tag_rules.apply(conn, user="tester", expected=shown)
    assert result.changes == shown and result.run_id is not None
    for change in shown:
        stored = _value(engine, change.hardware_id, change.field)
        assert (None if stored is None else str(stored)) == change.new
    with engine.connect() as conn:
        assert tag_rules.preview(conn) == []  # applied: nothing left to change
        [run] = list_runs(conn)
    assert (run.id, run.changes, run.applied_by, run.undone_at) == (
        result.run_id,
        len(shown),
        "tester",
        None,
    )
    with engine.begin() as conn:
        assert tag_rules.apply(conn).run_id is None  # nothing to do: no run recorded


def test_apply_refuses_a_stale_preview(fleet: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = fleet
    _add_mixed_rules(engine)
    with engine.connect() as conn:
        shown = tag_rules.preview(conn)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE accountinfo SET fields_3 = 'lan' WHERE HARDWARE_ID = :i"),
            {"i": ids["web-01"]},
        )
    with engine.begin() as conn, pytest.raises(StalePreview):
        tag_rules.apply(conn, expected=shown)
    assert _value(engine, ids["web-01"], "TAG") == "PARIS"
    with engine.connect() as conn:
        assert list_runs(conn) == []


def test_undo_restores_every_column_byte_for_byte(fleet: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = fleet
    _add_mixed_rules(engine)
    before = _snapshot(engine)
    with engine.begin() as conn:
        first = tag_rules.apply(conn, user="tester")
    after_first = _snapshot(engine)
    with engine.begin() as conn:
        tag_rules.add_rule(conn, _rule(RuleKind.HOSTNAME, "laptop*", "SEEN", "2030-01-02 03:04:05"))
        second = tag_rules.apply(conn)
    assert _value(engine, ids["db-01"], "fields_3") == "lan"  # a row was created
    assert second.run_id is not None and first.run_id is not None
    with engine.begin() as conn:
        undone = undo_last_run(conn)
    assert undone.run_id == second.run_id
    assert _snapshot(engine) == after_first
    with engine.begin() as conn:
        undone = undo_last_run(conn)
    assert (undone.run_id, undone.deleted, undone.restored) == (first.run_id, 1, 3)
    assert _snapshot(engine) == before
    assert after_first != before
    with engine.connect() as conn:
        assert (
            conn.execute(
                select(T["accountinfo"].c.HARDWARE_ID).where(
                    T["accountinfo"].c.HARDWARE_ID == ids["db-01"]
                )
            ).first()
            is None
        )  # back to "no row"
        runs = list_runs(conn)
        backups = conn.execute(select(tag_rule_backup)).all()
    assert all(run.undone_at is not None for run in runs) and len(runs) == 2
    assert {(b.RUN_ID, b.HARDWARE_ID, b.HAD_ROW) for b in backups} >= {
        (first.run_id, ids["db-01"], 0),
        (first.run_id, ids["web-01"], 1),
    }
    with engine.begin() as conn, pytest.raises(LookupError, match="no tagging rule run"):
        undo_last_run(conn)


# -- after each inventory ------------------------------------------------------------------


def test_after_inventory_rules_tag_the_machine_in_its_ingest(engine: Engine) -> None:
    with engine.begin() as conn:
        # The sample's machine is "vm", sent from 192.0.2.2 (hardware.IPADDR).
        tag_rules.add_rule(
            conn,
            _rule(
                RuleKind.SUBNET,
                "192.0.2.0/24",
                "TAG",
                "LAB",
                overwrite_agent_tag=True,
                run_after_inventory=True,
            ),
        )
        tag_rules.add_rule(
            conn,
            _rule(
                RuleKind.HOSTNAME,
                "v*",
                "TAG",
                "LATER",
                overwrite_agent_tag=True,
                run_after_inventory=True,
            ),
        )
        # Not flagged: only a batch run applies it.
        tag_rules.add_rule(
            conn,
            _rule(RuleKind.HOSTNAME, "*", "TAG", "BATCH", overwrite_agent_tag=True),
            position=1,
        )
    ingestor = Ingestor(engine)
    result = ingestor.ingest(parse_inventory(FIRST.read_bytes()), remote_addr="192.0.2.2")
    assert _value(engine, result.hardware_id, "TAG") == "LAB"  # the first flagged match
    # The agent is told at once, in this inventory's reply.
    assert result.account_update == (("TAG", "LAB"),)
    with engine.connect() as conn:
        [change] = tag_rules.preview(conn)
    assert (change.hardware_id, change.old, change.new) == (result.hardware_id, "LAB", "BATCH")


def test_ingest_without_rules_or_without_our_tables(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    [writer] = [w for w in ingestor.writers if type(w).__name__ == "TagRulesWriter"]
    result = ingestor.ingest(parse_inventory(FIRST.read_bytes()), remote_addr="192.0.2.2")
    assert writer.rules == () and _value(engine, result.hardware_id, "TAG") == "NA"
    assert result.account_update == (("TAG", "NA"),)
    # A database shared with a real OCS may lack our tables: still no rule, no failure.
    for table in (tag_rule_backup, tag_rule_runs, tag_rules_table):
        table.drop(engine)
    ingestor.refresh(force=True)
    again = ingestor.ingest(parse_inventory(FIRST.read_bytes()), remote_addr="192.0.2.2")
    assert again.hardware_id == result.hardware_id and writer.rules == ()
    with engine.connect() as conn:
        assert list_rules(conn) == [] and tag_rules.preview(conn) == []


def test_the_writer_skips_rules_it_cannot_write_instead_of_failing_inventories(
    fleet: tuple[Engine, dict[str, int]], caplog: pytest.LogCaptureFixture
) -> None:
    engine, _ = fleet
    with engine.begin() as conn:
        kept = tag_rules.add_rule(
            conn, _rule(RuleKind.OS, "*", value="ok", run_after_inventory=True)
        )
        emoji = tag_rules.add_rule(
            conn, _rule(RuleKind.OS, "*", value="\U0001f600", run_after_inventory=True)
        )
        gone = tag_rules.add_rule(
            conn, _rule(RuleKind.OS, "*", target="ROOM", value="1", run_after_inventory=True)
        )
        tag_rules.add_rule(conn, _rule(RuleKind.OS, "*", value="batch only"))
    with engine.begin() as conn:  # the admin deletes a field a rule sets
        conn.execute(text("ALTER TABLE accountinfo DROP COLUMN fields_4"))
    writer = TagRulesWriter(engine, bmp_only=True)
    writer.refresh()
    assert [r.id for r in writer.rules] == [kept]
    assert f"tagging rule {emoji}" in caplog.text and f"tagging rule {gone}" in caplog.text
    writer = TagRulesWriter(engine, bmp_only=False)
    writer.refresh()
    assert [r.id for r in writer.rules] == [kept, emoji]


# -- CLI ------------------------------------------------------------------------------------


def test_cli_round_trip(
    fleet: tuple[Engine, dict[str, int]], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine, ids = fleet
    before = _snapshot(engine)
    base = ["tag-rules"]
    add = [*base, "add", "--db", db_url]
    assert main([*add, "--name", "lan", "--kind", "subnet", "--pattern", "10.0.0.0/8",
                 "--field", "OWNER", "--value", "lan"]) == 0  # fmt: skip
    assert main([*add, "--name", "site", "--kind", "hostname", "--pattern", "web-*",
                 "--field", "TAG", "--value", "WEB"]) == 1  # fmt: skip
    assert "overwrite_agent_tag" in capsys.readouterr().err
    assert main([*add, "--name", "site", "--kind", "hostname", "--pattern", "web-*",
                 "--field", "TAG", "--value", "WEB", "--overwrite-agent-tag",
                 "--position", "1"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main([*base, "list", "--db", db_url]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("  1. [") and "site" in listed[0] and "lan" in listed[1]
    assert listed[-1] == "2 rule(s)"
    assert main([*base, "preview", "--db", db_url]) == 0
    previewed = capsys.readouterr().out
    assert "fields_3: 'Alice' -> 'lan'" in previewed and "TAG: 'PARIS' -> 'WEB'" in previewed
    assert previewed.splitlines()[-1] == "5 change(s) on 3 machine(s)"
    assert main([*base, "apply", "--db", db_url]) == 0
    applied = capsys.readouterr().out
    assert applied.splitlines()[:-1] == previewed.splitlines()  # plus the run's line
    assert _value(engine, ids["WEB-02"], "TAG") == "WEB"
    assert main([*base, "undo", "--db", db_url]) == 0
    assert "1 row(s) it created deleted" in capsys.readouterr().out
    assert _snapshot(engine) == before
    assert main([*base, "undo", "--db", db_url]) == 1
    assert "no tagging rule run to undo" in capsys.readouterr().err
    with engine.connect() as conn:
        first, second = list_rules(conn)
    assert main([*base, "move", "--db", db_url, str(second.id), "1"]) == 0
    assert main([*base, "disable", "--db", db_url, str(first.id)]) == 0
    assert main([*base, "remove", "--db", db_url, str(second.id)]) == 0
    assert main([*base, "remove", "--db", db_url, "424242"]) == 1
    with engine.connect() as conn:
        [left] = list_rules(conn)
    assert (left.id, left.enabled, left.position) == (first.id, False, 1)
    assert main([*base, "preview", "--db", "/nonexistent/dir/x.sqlite"]) == 2


def test_rules_on_a_database_without_admin_data_rows_change_nothing_else(
    fleet: tuple[Engine, dict[str, int]],
) -> None:
    """A created row takes the table's defaults for the fields no rule set (TAG 'NA')."""
    engine, ids = fleet
    with engine.begin() as conn:
        tag_rules.add_rule(conn, _rule(RuleKind.HOSTNAME, "db-*", "OWNER", "dba"))
        tag_rules.apply(conn, now=dt.datetime(2026, 1, 2, 3, 4, 5))
        runs = list_runs(conn)
    assert _value(engine, ids["db-01"], "fields_3") == "dba"
    assert _value(engine, ids["db-01"], "TAG") == "NA"
    assert runs[0].applied_at == dt.datetime(2026, 1, 2, 3, 4, 5)
