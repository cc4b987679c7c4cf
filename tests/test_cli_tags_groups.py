"""``ocs-desktop tag`` and ``ocs-desktop group`` on SQLite and MariaDB.

Each test drives ``main([...])`` as a script would and checks the database with plain
SQL and the fleet's facts, never with the code under test.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.cli.main import main
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]


@dataclass(frozen=True)
class Cli:
    """The fleet's database, its URL for ``--db``, and what the fixture put in."""

    engine: Engine
    url: str
    facts: FleetFacts

    def run(self, *args: str) -> int:
        command, action, *rest = args
        return main([command, action, "--db", self.url, *rest])

    def tags(self) -> dict[int, str | None]:
        rows = _sql(self.engine, "SELECT HARDWARE_ID, TAG FROM accountinfo")
        return {int(i): tag for i, tag in rows}

    def group_rows(self, name: str) -> dict[int, int]:
        """groups_cache of the group called ``name``: machine -> STATIC."""
        rows = _sql(
            self.engine,
            "SELECT c.HARDWARE_ID, c.STATIC FROM groups_cache c JOIN hardware h"
            " ON h.ID = c.GROUP_ID WHERE h.DEVICEID = '_SYSTEMGROUP_' AND h.NAME = :n",
            n=name,
        )
        return {int(i): int(s) for i, s in rows}

    def members(self, name: str) -> set[int]:
        return {i for i, static in self.group_rows(name).items() if static in (0, 1)}

    def group_count(self, name: str) -> int:
        rows = _sql(
            self.engine,
            "SELECT COUNT(*) FROM hardware WHERE DEVICEID = '_SYSTEMGROUP_' AND NAME = :n",
            n=name,
        )
        return int(rows[0][0])

    def ids(self, *names: str) -> list[str]:
        return [str(self.facts.ids_by_name[n]) for n in names]


def _sql(engine: Engine, sql: str, **params: object) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql), params)]


def _write(engine: Engine, sql: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


@pytest.fixture
def cli(fleet: Fleet, db_url: str) -> Cli:
    engine, facts = fleet
    return Cli(engine, db_url, facts)


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def _named(facts: FleetFacts, tag: str) -> set[int]:
    return {facts.ids_by_name[n] for n, t in facts.tag_by_name.items() if t == tag}


def _windows(facts: FleetFacts) -> set[int]:
    return {facts.ids_by_name[n] for n, os in facts.os_by_name.items() if "Windows" in os}


# -- tag list -------------------------------------------------------------------------


def test_tag_list_counts_machines_and_json(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    facts = cli.facts
    assert cli.run("tag", "list", "--json") == 0
    assert {row["tag"]: row["machines"] for row in _json(capsys)} == Counter(
        facts.tag_by_name.values()
    )

    assert cli.run("tag", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(lines) == sorted(
        f"{n:>8}  {tag}" for tag, n in Counter(facts.tag_by_name.values()).items()
    )

    assert cli.run("tag", "list", "--machines", "PARIS", "--json") == 0
    listed = _json(capsys)
    assert {row["id"] for row in listed} == _named(facts, "PARIS")
    assert {row["tag"] for row in listed} == {"PARIS"}

    lone = facts.ids_by_name["pc-000001"]
    _write(cli.engine, "DELETE FROM accountinfo WHERE HARDWARE_ID = :i", i=lone)
    assert cli.run("tag", "list", "--untagged") == 0
    out = capsys.readouterr().out
    assert "pc-000001" in out and out.rstrip().endswith("1 machine(s)")
    assert cli.run("tag", "list", "--json") == 0
    assert {"tag": None, "machines": 1} in _json(capsys)


# -- tag set --------------------------------------------------------------------------


def test_tag_set_refuses_to_replace_an_agent_tag_without_the_flag(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = cli.facts
    paris = sorted(_named(facts, "PARIS"))
    untagged = facts.ids_by_name["pc-000001"]  # LYON, emptied below
    _write(cli.engine, "UPDATE accountinfo SET TAG = NULL WHERE HARDWARE_ID = :i", i=untagged)
    before = cli.tags()
    chosen = [str(i) for i in [*paris, untagged]]

    assert cli.run("tag", "set", "--value", "ROME", *chosen) == 1
    err = capsys.readouterr().err
    assert f"{len(paris)} of {len(chosen)} machine(s) have a different TAG" in err
    assert "--overwrite-agent-tag" in err
    assert cli.tags() == before

    # Setting the TAG they already have overwrites nothing: no flag needed.
    assert cli.run("tag", "set", "--value", "PARIS", *chosen) == 0
    assert "TAG set to 'PARIS' on 4 machine(s)" in capsys.readouterr().out
    assert cli.tags() == {**before, untagged: "PARIS"}

    # A TAG differing only in case is still a different TAG (MySQL would call it equal).
    assert cli.run("tag", "set", "--value", "paris", *chosen) == 1
    capsys.readouterr()

    assert cli.run("tag", "set", "--value", "ROME", "--overwrite-agent-tag", *chosen) == 0
    after = cli.tags()
    assert {after[int(i)] for i in chosen} == {"ROME"}
    assert {i: t for i, t in after.items() if str(i) not in chosen} == {
        i: t for i, t in before.items() if str(i) not in chosen
    }

    # --clear replaces a TAG too, so it needs the flag as well.
    assert cli.run("tag", "set", "--clear", chosen[0]) == 1
    assert cli.run("tag", "set", "--clear", "--overwrite-agent-tag", chosen[0]) == 0
    assert cli.tags()[int(chosen[0])] is None


def test_tag_set_by_hostname_glob_and_group(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    facts = cli.facts
    before = cli.tags()
    # Case ignored, ? is one character, * any text.
    assert (
        cli.run("tag", "set", "--value", "X", "--overwrite-agent-tag", "--name", "PC-0000?1") == 0
    )
    assert cli.tags() == {**before, facts.ids_by_name["pc-000001"]: "X"}

    assert cli.run("group", "create", "Pair", "--static") == 0
    assert cli.run("group", "add", "Pair", *cli.ids("vm", "pc-000002")) == 0
    assert cli.run("tag", "set", "--clear", "--overwrite-agent-tag", "--group", "pair") == 0
    assert "TAG cleared on 2 machine(s)" in capsys.readouterr().out
    tags = cli.tags()
    assert tags[facts.ids_by_name["vm"]] is None and tags[facts.ids_by_name["pc-000002"]] is None
    assert tags[facts.ids_by_name["pc-000003"]] == before[facts.ids_by_name["pc-000003"]]

    # Selectors that find nothing are errors, and LIKE's wildcards are literal in a glob.
    group_id = _sql(cli.engine, "SELECT ID FROM hardware WHERE NAME = 'Pair'")[0][0]
    for selectors, message in (
        (["--name", "pc%"], "no machine name matches 'pc%'"),
        (["99999"], "no machine with ID 99999"),
        ([str(group_id)], f"no machine with ID {group_id}"),
        (["--group", "nosuch"], "no group named 'nosuch'"),
        ([], "no machines selected"),
    ):
        assert cli.run("tag", "set", "--value", "Y", *selectors) == 1
        assert message in capsys.readouterr().err
    assert "Y" not in cli.tags().values()


def _add_admin_fields(engine: Engine) -> None:
    """Two admin fields, as OCS's console adds them (PROTOCOL.md 7)."""
    _write(engine, "ALTER TABLE accountinfo ADD COLUMN fields_3 VARCHAR(255)")
    _write(engine, "ALTER TABLE accountinfo ADD COLUMN fields_4 INTEGER")
    _write(
        engine,
        "INSERT INTO accountinfo_config"
        " (ID, NAME_ACCOUNTINFO, TYPE, NAME, ID_TAB, COMMENT, SHOW_ORDER, ACCOUNT_TYPE)"
        " VALUES (3, NULL, 0, 'OWNER', 1, 'Owner', 2, 'COMPUTERS'),"
        " (4, 'fields_4', 15, 'ROOM', 1, 'Room number', 3, 'COMPUTERS')",
    )


def test_tag_set_field_sets_other_admin_fields(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_admin_fields(cli.engine)
    facts = cli.facts
    bare = facts.ids_by_name["pc-000004"]
    _write(cli.engine, "DELETE FROM accountinfo WHERE HARDWARE_ID = :i", i=bare)
    before = cli.tags()
    chosen = cli.ids("vm", "pc-000004")

    # By name (case ignored): agent TAGs are not touched, so no flag is needed.
    assert cli.run("tag", "set", "--field", "owner", "--value", "alice", *chosen) == 0
    assert "Owner set to 'alice' on 2 machine(s)" in capsys.readouterr().out
    # By label, on a number field.
    assert cli.run("tag", "set", "--field", "Room number", "--value", "12", *chosen) == 0
    query = "SELECT HARDWARE_ID, fields_3, fields_4 FROM accountinfo"
    rows = {int(i): (owner, room) for i, owner, room in _sql(cli.engine, query)}
    assert {rows[int(i)] for i in chosen} == {("alice", 12)}
    assert {i: v for i, v in rows.items() if str(i) not in chosen} == {
        i: (None, None) for i in before if str(i) not in chosen
    }
    assert {i: t for i, t in cli.tags().items() if i != bare} == before

    assert cli.run("tag", "set", "--field", "fields_4", "--value", "abc", *chosen) == 1
    assert "nothing set" in capsys.readouterr().err
    assert cli.run("tag", "set", "--field", "nosuch", "--value", "x", *chosen) == 1
    assert "no admin field 'nosuch'" in capsys.readouterr().err
    assert _sql(cli.engine, "SELECT fields_4 FROM accountinfo WHERE HARDWARE_ID = :i", i=bare) == [
        (12,)
    ]


# -- groups ---------------------------------------------------------------------------


def test_dynamic_group_create_recompute_and_hand_made_rows(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = cli.facts
    windows = _windows(facts)
    where = ["--where", "hardware.osname", "contains", "WINDOWS"]
    assert cli.run("group", "create", "Win", "--dynamic", *where) == 0
    assert f"{len(windows)} member(s)" in capsys.readouterr().out
    assert cli.group_rows("Win") == dict.fromkeys(windows, 0)

    # A machine that becomes Windows joins at the next recompute.
    convert = facts.ids_by_name["vm"]
    _write(
        cli.engine,
        "UPDATE hardware SET OSNAME = 'Microsoft Windows 10 Pro' WHERE ID = :i",
        i=convert,
    )
    assert cli.members("Win") == windows
    assert cli.run("group", "recompute", "Win") == 0
    assert f"'Win': {len(windows) + 1} computed member(s)" in capsys.readouterr().out
    assert cli.members("Win") == windows | {convert}

    # Removing excludes (STATIC 2) and survives recomputation; adding includes (STATIC 1).
    excluded = min(windows)
    other = facts.ids_by_name["pc-000000"]
    assert other not in windows
    assert cli.run("group", "remove", "Win", str(excluded)) == 0
    assert "excluded" in capsys.readouterr().out
    assert cli.run("group", "add", "Win", str(other)) == 0
    assert cli.run("group", "recompute", "--all") == 0
    rows = cli.group_rows("Win")
    assert rows[excluded] == 2 and rows[other] == 1
    assert cli.members("Win") == (windows | {convert, other}) - {excluded}
    capsys.readouterr()

    assert cli.run("group", "list", "--json") == 0
    [listed] = _json(capsys)
    assert (listed["name"], listed["kind"], listed["members"]) == (
        "Win",
        "dynamic",
        len(cli.members("Win")),
    )
    assert listed["search"]["criteria"][0]["field"] == "hardware.OSNAME"
    assert cli.run("group", "list", "--machines", "win", "--json") == 0
    assert {row["id"] for row in _json(capsys)} == cli.members("Win")


def test_dynamic_group_any_and_where_not(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    facts = cli.facts
    assert (
        cli.run(
            "group", "create", "Lyon or vm", "--dynamic", "--any",
            "--where", "accountinfo.TAG", "=", "LYON",
            "--where", "hardware.NAME", "equals", "vm",
        )
        == 0
    )  # fmt: skip
    assert cli.members("Lyon or vm") == _named(facts, "LYON") | {facts.ids_by_name["vm"]}
    assert (
        cli.run(
            "group", "create", "Not Windows", "--dynamic",
            "--where-not", "hardware.OSNAME", "contains", "windows",
            "--where", "hardware.NAME", "is_not_empty",
        )
        == 0
    )  # fmt: skip
    assert cli.members("Not Windows") == set(facts.ids_by_name.values()) - _windows(facts)
    capsys.readouterr()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--dynamic", "--where", "hardware.nosuch", "=", "x"], "unknown field"),
        (["--dynamic", "--where", "hardware.MEMORY", ">", "lots"], "is not a number"),
        (["--dynamic", "--where", "hardware.NAME", "like", "x"], "unknown operator"),
        (["--dynamic", "--where", "hardware.NAME", "is_empty", "x"], "takes no value"),
        (["--dynamic", "--where", "hardware.NAME", "="], "needs a value"),
        (["--dynamic"], "needs at least one --where"),
        (["--static", "--where", "hardware.NAME", "=", "x"], "takes no --where"),
    ],
)
def test_bad_dynamic_definitions_exit_2_and_create_nothing(
    db_url: str, engine: Engine, options: list[str], message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert main(["group", "create", "--db", db_url, "G", *options]) == 2
    assert message in capsys.readouterr().err
    assert _sql(engine, "SELECT COUNT(*) FROM hardware WHERE NAME = 'G'") == [(0,)]


def test_static_group_add_remove_recompute_and_duplicates(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = cli.facts
    pcs = {i for n, i in facts.ids_by_name.items() if n.startswith("pc-")}
    assert cli.run("group", "create", "Lab", "--static", "--description", "lab PCs") == 0
    assert cli.run("group", "add", "Lab", "--name", "pc-*", "--id", *cli.ids("vm")) == 0
    assert "10 machine(s) included in 'Lab'" in capsys.readouterr().out
    assert cli.group_rows("Lab") == dict.fromkeys(pcs | {facts.ids_by_name["vm"]}, 1)

    assert cli.run("group", "remove", "lab", "--group", "Lab", "--name", "vm") == 0
    assert "10 machine(s) removed from 'Lab'" in capsys.readouterr().out
    assert cli.group_rows("Lab") == {}

    assert cli.run("group", "create", "LAB", "--static") == 1
    assert "already exists" in capsys.readouterr().err
    assert cli.run("group", "recompute", "Lab") == 1
    assert "static group" in capsys.readouterr().err
    assert cli.run("group", "add", "Nope", "1") == 1
    assert cli.run("group", "list") == 0
    out = capsys.readouterr().out
    assert "static" in out and "Lab" in out and "0 member(s)" in out


def test_recompute_all_skips_groups_defined_by_ocs(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.run("group", "create", "Web", "--dynamic", "--where", "hardware.NAME", "=", "vm") == 0
    )
    _write(
        cli.engine,
        "UPDATE `groups` SET XMLDEF = :x WHERE HARDWARE_ID ="
        " (SELECT ID FROM hardware WHERE NAME = 'Web')",
        x="<xmldef><REQUEST>SELECT ID FROM hardware</REQUEST></xmldef>",
    )
    before = cli.group_rows("Web")
    capsys.readouterr()
    assert cli.run("group", "recompute", "--all") == 0
    assert "skipped 'Web': defined in OCS's web console" in capsys.readouterr().out
    assert cli.run("group", "recompute", "Web") == 1
    assert "OCS's web console" in capsys.readouterr().err
    assert cli.group_rows("Web") == before


class _Terminal(io.StringIO):
    """Keyboard input typed at a terminal."""

    def isatty(self) -> bool:
        return True


def test_group_delete_asks_first(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.run("group", "create", "Old", "--static") == 0
    assert cli.run("group", "add", "Old", *cli.ids("vm")) == 0
    group_id = _sql(cli.engine, "SELECT ID FROM hardware WHERE NAME = 'Old'")[0][0]
    capsys.readouterr()

    # No terminal (pytest's stdin): refused without --yes.
    assert cli.run("group", "delete", "Old") == 1
    assert "add --yes" in capsys.readouterr().err
    assert cli.group_count("Old") == 1

    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    assert cli.run("group", "delete", "Old") == 0
    assert "nothing deleted" in capsys.readouterr().out
    assert cli.group_count("Old") == 1

    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    assert cli.run("group", "delete", "old") == 0
    assert "Delete static group 'Old' (1 member(s))?" in capsys.readouterr().out
    assert cli.group_count("Old") == 0
    for table, column in (("`groups`", "HARDWARE_ID"), ("groups_cache", "GROUP_ID")):
        assert _sql(
            cli.engine, f"SELECT COUNT(*) FROM {table} WHERE {column} = :g", g=group_id
        ) == [(0,)]
    assert _sql(cli.engine, "SELECT COUNT(*) FROM hardware WHERE ID = :i", i=cli.ids("vm")[0]) == [
        (1,)
    ]

    assert cli.run("group", "create", "Gone", "--static") == 0
    assert cli.run("group", "delete", "Gone", "--yes") == 0
    assert cli.group_count("Gone") == 0
    assert cli.run("group", "delete", "Gone", "--yes") == 1
