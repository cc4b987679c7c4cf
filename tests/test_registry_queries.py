"""Registry queries: validated edits of ``regconfig``, sent in the PROLOG reply while
REGISTRY is on, answered by agents into ``registry`` and shown in the machine detail."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from ocs_desktop.cli.main import main
from ocs_desktop.fleet.machine_detail import load_category
from ocs_desktop.fleet.registry_queries import (
    HIVES,
    RegistryQueryError,
    add_query,
    delete_query,
    edit_query,
    find_queries,
    list_queries,
    parse_hive,
    registry_option_on,
)
from ocs_desktop.models import Base
from tests.support.builders import count, inventory_xml
from tests.support.server_helpers import (
    client_for,
    options,
    post,
    prolog_xml,
    reply_root,
    set_config,
)

HARDWARE = Base.metadata.tables["hardware"]


def test_hives_are_ocs_numbers() -> None:
    assert HIVES[0] == "HKEY_CLASSES_ROOT"
    assert HIVES[2] == "HKEY_LOCAL_MACHINE"
    assert HIVES[5] == "HKEY_DYN_DATA"
    assert parse_hive("HKLM") == 2
    assert parse_hive("hkey_current_user") == 1
    assert parse_hive(" 4 ") == 4


@pytest.mark.parametrize(
    ("name", "hive", "key", "value", "reason"),
    [
        ("", 2, "SOFTWARE\\App", "Version", "name_empty"),
        ("App", 6, "SOFTWARE\\App", "Version", "hive"),
        ("App", "HKEY_NOWHERE", "SOFTWARE\\App", "Version", "hive"),
        ("App", 2, "   ", "Version", "key_empty"),
        ("App", 2, "\\\\", "Version", "key_empty"),
        ("App", 2, "SOFTWARE\\A\x00pp", "Version", "key_control"),
        ("App\nInjected", 2, "SOFTWARE\\App", "Version", "name_control"),
        ("App", 2, "SOFTWARE\\App", "Ver\tsion", "value_control"),
        ("App", 2, "SOFTWARE\\App", "", "value_empty"),
        ("App", 2, "HKLM\\SOFTWARE\\App", "Version", "key_hive"),
        ("x" * 256, 2, "SOFTWARE\\App", "Version", "name_long"),
    ],
)
def test_bad_queries_are_refused_and_nothing_is_written(
    engine: Engine, name: str, hive: int | str, key: str, value: str, reason: str
) -> None:
    with engine.begin() as conn, pytest.raises(RegistryQueryError) as caught:
        add_query(conn, name, hive, key, value)
    assert caught.value.reason == reason
    assert count(engine, "regconfig") == 0


def test_add_edit_delete(engine: Engine) -> None:
    with engine.begin() as conn:
        first = add_query(conn, " AppVersion ", "HKLM", "\\SOFTWARE\\Vendor\\App\\", "Version")
        second = add_query(conn, "Run", 2, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", "*")
    assert (first.name, first.hive, first.key) == ("AppVersion", 2, "SOFTWARE\\Vendor\\App")
    assert first.path == "HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\App"
    with engine.begin() as conn:
        edited = edit_query(conn, first.id, "AppVersion", 1, "Software\\Vendor", "Build")
        assert [q.id for q in list_queries(conn)] == [first.id, second.id]
        assert list_queries(conn)[0] == edited
        assert find_queries(conn, "run") == [second]
        with pytest.raises(RegistryQueryError) as caught:
            edit_query(conn, 999999, "X", 2, "K", "V")
        assert caught.value.reason == "missing"
        delete_query(conn, second.id)
        with pytest.raises(RegistryQueryError):
            delete_query(conn, second.id)
        assert list_queries(conn) == [edited]


def test_the_prolog_reply_carries_the_queries_while_registry_is_on(engine: Engine) -> None:
    with engine.begin() as conn:
        add_query(conn, "AppVersion", "HKLM", "SOFTWARE\\Vendor\\App", "Version")
        add_query(conn, "Run", "HKCU", "Software\\Microsoft\\Windows\\CurrentVersion\\Run", "*")
    set_config(engine, "REGISTRY", 0)
    with client_for(engine) as client:
        assert "REGISTRY" not in options(reply_root(post(client, prolog_xml())))
        set_config(engine, "REGISTRY", 1)
        params = options(reply_root(post(client, prolog_xml())))["REGISTRY"]
    with engine.connect() as conn:
        assert registry_option_on(conn)
    assert [(p.attrib, p.text) for p in params] == [
        ({"REGTREE": "2", "REGKEY": "SOFTWARE\\Vendor\\App", "NAME": "AppVersion"}, "Version"),
        (
            {
                "REGTREE": "1",
                "REGKEY": "Software\\Microsoft\\Windows\\CurrentVersion\\Run",
                "NAME": "Run",
            },
            "*",
        ),
    ]


def test_answers_reach_the_machine_detail(engine: Engine) -> None:
    answers = [
        {"NAME": "AppVersion", "REGVALUE": "4.2.1"},
        {"NAME": "Run", "REGVALUE": "OneDrive=C:\\Program Files\\OneDrive.exe"},
    ]
    with client_for(engine) as client:
        assert post(client, inventory_xml(add={"REGISTRY": answers})).status_code == 200
    with engine.connect() as conn:
        machine = conn.execute(select(HARDWARE.c.ID)).scalar_one()
        rows = load_category(conn, machine, "registry")
    assert rows.columns == ("NAME", "REGVALUE")
    assert sorted(rows.rows) == sorted((a["NAME"], a["REGVALUE"]) for a in answers)


def test_cli(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    db = engine.url.render_as_string(hide_password=False)
    assert (
        main(["registry", "add", "--db", db, "AppVersion", "HKLM", "SOFTWARE\\App", "Version"]) == 0
    )
    assert main(["registry", "add", "--db", db, "Bad", "HKXX", "SOFTWARE\\App", "Version"]) == 1
    assert "unknown hive" in capsys.readouterr().err
    assert main(["registry", "list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "AppVersion" in out and "HKEY_LOCAL_MACHINE\\SOFTWARE\\App" in out
    assert main(["registry", "remove", "--db", db, "AppVersion"]) == 0
    assert main(["registry", "remove", "--db", db, "AppVersion"]) == 1
    assert count(engine, "regconfig") == 0
