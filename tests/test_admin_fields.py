"""Defining admin fields (fleet.admin_fields): what OCS leaves in accountinfo and its config.

One field of each OCS type is created, edited on three machines, searched, moved,
renamed and deleted, on SQLite and MariaDB; the tables are compared with what the OCS
console's ``Admininfo.php`` leaves (PROTOCOL.md 7).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from ocs_desktop.cli.main import main as cli_main
from ocs_desktop.fleet.admin_data import (
    AdminFieldType,
    admin_fields,
    load_admin_values,
    save_admin_values,
    set_admin_value,
)
from ocs_desktop.fleet.admin_fields import (
    Choice,
    add_choice,
    add_field,
    decode_checks,
    delete_choice,
    delete_field,
    display_value,
    encode_checks,
    find_field,
    get_field,
    list_choices,
    list_fields,
    move_field,
    move_field_by,
    rename_choice,
    rename_field,
)
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.models import Hardware
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]

#: (name, type, label): one field of each type the OCS console offers.
FIELDS = (
    ("OWNER", AdminFieldType.TEXT, "Owner"),
    ("NOTES", AdminFieldType.TEXTAREA, "Notes"),
    ("ROOM", AdminFieldType.SELECT, "Room"),
    ("USES", AdminFieldType.CHECKBOX, "Uses"),
    ("STATE", AdminFieldType.RADIOBUTTON, "State"),
    ("BOUGHT", AdminFieldType.DATE, "Purchase date"),
    ("FLOOR", AdminFieldType.NUMBER, "Floor"),
)
#: What ``ALTER TABLE accountinfo ADD COLUMN fields_<ID> <type> default NULL`` makes.
MARIADB_TYPES = {
    AdminFieldType.TEXT: "varchar(255)",
    AdminFieldType.TEXTAREA: "longtext",
    AdminFieldType.SELECT: "varchar(255)",
    AdminFieldType.CHECKBOX: "varchar(255)",
    AdminFieldType.RADIOBUTTON: "varchar(255)",
    AdminFieldType.DATE: "date",
    AdminFieldType.NUMBER: "int(10)",
}
SQLITE_TYPES = {**MARIADB_TYPES, AdminFieldType.TEXTAREA: "text", AdminFieldType.NUMBER: "integer"}


def _config_rows(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                text(
                    "SELECT ID, NAME_ACCOUNTINFO, TYPE, NAME, ID_TAB, COMMENT, SHOW_ORDER,"
                    " ACCOUNT_TYPE, DEFAULT_VALUE FROM accountinfo_config ORDER BY ID"
                )
            )
        ]


def _columns(engine: Engine) -> dict[str, tuple[str, bool, Any]]:
    """accountinfo's columns in table order: (type, nullable, default)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.execute(text("PRAGMA table_info(accountinfo)")).all()
            return {r[1]: (r[2].lower(), not r[3], r[4]) for r in rows}
        rows = conn.execute(
            text(
                "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT"
                " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                " AND TABLE_NAME = 'accountinfo' ORDER BY ORDINAL_POSITION"
            )
        ).all()
        return {r[0]: (r[1].lower(), r[2] == "YES", r[3]) for r in rows}


def _choice_config(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT NAME, IVALUE, TVALUE FROM config ORDER BY NAME"))
        return [tuple(r) for r in rows if r[0].startswith("ACCOUNT_VALUE_")]


def _found(engine: Engine, *criteria: Criterion) -> set[int]:
    search = Search(criteria)
    with engine.connect() as conn:
        return set(conn.scalars(select(Hardware.ID).where(search.where())))


def test_fields_of_every_type_live_and_die_as_in_ocs(fleet: Fleet) -> None:
    engine, facts = fleet
    seed = _config_rows(engine)
    seed_columns = _columns(engine)
    assert list(seed_columns) == ["HARDWARE_ID", "TAG"]
    top = max(row[6] for row in seed)

    with engine.begin() as conn:
        made = {name: add_field(conn, name.lower(), kind, label) for name, kind, label in FIELDS}
    # accountinfo_config: one row per field, NAME upper-cased, SHOW_ORDER max + 1 each time.
    added = _config_rows(engine)[len(seed) :]
    assert added == [
        (made[name].id, None, int(kind), name, 1, label, top + i + 1, "COMPUTERS", "")
        for i, (name, kind, label) in enumerate(FIELDS)
    ]
    assert _config_rows(engine)[: len(seed)] == seed
    # accountinfo: fields_<ID> at the end, nullable, default NULL, OCS's types.
    expected_types = SQLITE_TYPES if engine.dialect.name == "sqlite" else MARIADB_TYPES
    columns = _columns(engine)
    assert list(columns) == [*seed_columns, *(f"fields_{made[n].id}" for n, _k, _l in FIELDS)]
    for name, kind, _label in FIELDS:
        type_, nullable, default = columns[made[name].column]
        assert type_ == expected_types[kind]
        assert nullable
        assert default in (None, "NULL")

    # Choices: config rows ACCOUNT_VALUE_<NAME>_<n>, IVALUE n, TVALUE the text.
    with engine.begin() as conn:
        for text_ in ("A101", "B202", "C303"):
            add_choice(conn, made["ROOM"].id, text_)
        for text_ in ("mail", "office", "cad"):
            add_choice(conn, made["USES"].id, text_)
        for text_ in ("in use", "spare"):
            add_choice(conn, made["STATE"].id, text_)
        assert rename_choice(conn, made["ROOM"].id, 2, "B204") == Choice(2, "B204")
        delete_choice(conn, made["ROOM"].id, 3)
        with pytest.raises(ValueError):
            add_choice(conn, made["ROOM"].id, "A101")
        with pytest.raises(ValueError):
            add_choice(conn, made["OWNER"].id, "no choices for text")
        with pytest.raises(LookupError):
            delete_choice(conn, made["ROOM"].id, 3)
    assert _choice_config(engine) == [
        ("ACCOUNT_VALUE_ROOM_1", 1, "A101"),
        ("ACCOUNT_VALUE_ROOM_2", 2, "B204"),
        ("ACCOUNT_VALUE_STATE_1", 1, "in use"),
        ("ACCOUNT_VALUE_STATE_2", 2, "spare"),
        ("ACCOUNT_VALUE_USES_1", 1, "mail"),
        ("ACCOUNT_VALUE_USES_2", 2, "office"),
        ("ACCOUNT_VALUE_USES_3", 3, "cad"),
    ]

    # Values on three machines, stored as OCS stores them.
    a, b, c = (facts.ids_by_name[n] for n in ("pc-000001", "pc-000002", "pc-000003"))
    col = {name: field.column for name, field in made.items()}
    with engine.begin() as conn:
        save_admin_values(
            conn,
            a,
            {
                col["OWNER"]: "Jeanne",
                col["NOTES"]: "line one\nline two",
                col["ROOM"]: "1",
                col["USES"]: encode_checks([3, 1]),
                col["STATE"]: "2",
                col["BOUGHT"]: "2024-03-01",
                col["FLOOR"]: "3",
            },
        )
        assert set_admin_value(conn, [b, c], col["ROOM"], "2") == 2
        assert set_admin_value(conn, [b], col["FLOOR"], "-1") == 1
        assert set_admin_value(conn, [c], col["USES"], encode_checks([2])) == 1
        assert set_admin_value(conn, [b, c], col["BOUGHT"], "2025-01-15") == 2
        with pytest.raises(ValueError):
            set_admin_value(conn, [b], col["FLOOR"], "third")
    with engine.connect() as conn:
        values = load_admin_values(conn, a)
        room = get_field(conn, made["ROOM"].id)
        uses = get_field(conn, made["USES"].id)
        assert display_value(room, values[col["ROOM"]], list_choices(conn, room)) == "A101"
        assert display_value(uses, values[col["USES"]], list_choices(conn, uses)) == "mail; cad"
        assert [f.column for f in admin_fields(conn)] == ["TAG", *col.values()]
    assert values[col["USES"]] == "1&&&3&&&"
    assert decode_checks(values[col["USES"]]) == [1, 3]
    assert values[col["NOTES"]] == "line one\nline two"
    assert values[col["BOUGHT"]] == "2024-03-01"
    assert values[col["FLOOR"]] == "3"

    # Search by them.
    def key(name: str) -> str:
        return f"accountinfo.{col[name]}"

    assert _found(engine, Criterion(key("OWNER"), Operator.equals, "jeanne")) == {a}
    assert _found(engine, Criterion(key("ROOM"), Operator.equals, "2")) == {b, c}
    assert _found(engine, Criterion(key("USES"), Operator.contains, "2&&&")) == {c}
    assert _found(engine, Criterion(key("FLOOR"), Operator.less, "0")) == {b}
    assert _found(engine, Criterion(key("BOUGHT"), Operator.equals, "2025-01-15")) == {b, c}
    assert _found(engine, Criterion(key("NOTES"), Operator.contains, "two")) == {a}
    both = Search(
        (
            Criterion(key("ROOM"), Operator.equals, "2"),
            Criterion(key("FLOOR"), Operator.is_empty),
        )
    )
    assert Search.from_json(both.to_json()) == both
    assert _found(engine, *both.criteria) == {c}
    with pytest.raises(ValueError):
        Criterion("accountinfo.fields_x", Operator.equals, "1")

    # Reorder (SHOW_ORDER values dealt out again), rename (choices follow the new NAME).
    with engine.begin() as conn:
        order = move_field(conn, made["FLOOR"].id, 0)
        assert [f.name for f in order] == ["FLOOR", "TAG", *(n for n, _k, _l in FIELDS[:-1])]
        assert sorted(f.show_order for f in order) == sorted(
            r[6] for r in seed + added if r[7] == "COMPUTERS"
        )
        order = move_field_by(conn, made["FLOOR"].id, 1)
        assert [f.name for f in order][:2] == ["TAG", "FLOOR"]
        renamed = rename_field(conn, made["ROOM"].id, name="Salle", label="Salle")
        assert (renamed.name, renamed.label, renamed.column) == ("SALLE", "Salle", col["ROOM"])
        assert find_field(conn, "salle").id == made["ROOM"].id
        with pytest.raises(ValueError):
            rename_field(conn, made["OWNER"].id, name="USES")
        with pytest.raises(ValueError):
            rename_field(conn, 1, name="LOCATION")
        assert rename_field(conn, 1, label="Site").label == "Site"
    assert ("ACCOUNT_VALUE_SALLE_2", 2, "B204") in _choice_config(engine)
    assert not [r for r in _choice_config(engine) if r[0].startswith("ACCOUNT_VALUE_ROOM_")]

    # Delete every field: columns, rows and choices go; TAG stays.
    with engine.begin() as conn:
        with pytest.raises(ValueError):
            delete_field(conn, 1)
        for field in list_fields(conn):
            if not field.builtin:
                delete_field(conn, field.id)
        with pytest.raises(LookupError):
            get_field(conn, made["OWNER"].id)
    assert _columns(engine) == seed_columns
    final = _config_rows(engine)
    assert [r[0] for r in final] == [r[0] for r in seed]
    assert _choice_config(engine) == []
    with engine.connect() as conn:
        assert load_admin_values(conn, a)["TAG"] == facts.tag_by_name["pc-000001"]


def test_bad_names_are_refused_and_leave_nothing(engine: Engine) -> None:
    before = (_config_rows(engine), _columns(engine))
    with engine.begin() as conn:
        for bad in ("", "two words", "é", "with-dash"):
            with pytest.raises(ValueError):
                add_field(conn, bad, AdminFieldType.TEXT)
        add_field(conn, "OWNER", AdminFieldType.TEXT)
        with pytest.raises(ValueError):
            add_field(conn, "owner", AdminFieldType.NUMBER)
        with pytest.raises(ValueError):
            add_field(conn, "X" * 40, AdminFieldType.SELECT)
        with pytest.raises(ValueError):
            add_field(conn, "BAD", 3)
    rows, columns = _config_rows(engine), _columns(engine)
    assert len(rows) == len(before[0]) + 1
    assert list(columns) == [*before[1], f"fields_{rows[-1][0]}"]


def test_cli_admin_field(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    url = engine.url.render_as_string(hide_password=False)
    assert cli_main(["admin-field", "add", "--db", url, "room", "--type", "select"]) == 0
    assert "ROOM" in capsys.readouterr().out
    assert (
        cli_main(["admin-field", "choices", "--db", url, "ROOM", "--add", "A", "--add", "B"]) == 0
    )
    assert capsys.readouterr().out.split() == ["1", "A", "2", "B"]
    assert cli_main(["admin-field", "move", "--db", url, "room", "1"]) == 0
    assert capsys.readouterr().out.split() == ["ROOM", "TAG"]
    assert cli_main(["admin-field", "rename", "--db", url, "room", "--label", "Office"]) == 0
    assert cli_main(["admin-field", "list", "--db", url, "--json"]) == 0
    assert '"label": "Office"' in capsys.readouterr().out
    assert cli_main(["admin-field", "delete", "--db", url, "ROOM", "--yes"]) == 0
    assert cli_main(["admin-field", "delete", "--db", url, "TAG", "--yes"]) == 1
    assert cli_main(["admin-field", "delete", "--db", url, "NOPE", "--yes"]) == 1
    assert list(_columns(engine)) == ["HARDWARE_ID", "TAG"]
    assert _choice_config(engine) == []
