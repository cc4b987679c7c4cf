"""Refusals of ``fleet/admin_data``: coded, English for the CLI, French in the console.

Each refusal carries a code and its values (``common/coded_error``); the console's worker
words it through Qt translation (``views/i18n.core_error_text``). Run on SQLite and
MariaDB, the French through the real worker and the real translators.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet.admin_data import (
    CONTEXT,
    MESSAGES,
    AdminDataError,
    UnknownMachineError,
    delete_machines,
    find_admin_field,
    save_admin_values,
    set_admin_value,
)
from ocs_desktop.views import i18n
from ocs_desktop.views.qt import QtCore
from tests.support.console_context import checked_context, console_settings, idle
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]


def _add_fields(engine: Engine) -> None:
    """A number field and a date field, as the OCS console adds them."""
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_4 INTEGER"))
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_5 DATE"))
        conn.execute(
            text(
                "INSERT INTO accountinfo_config"
                " (ID, NAME_ACCOUNTINFO, TYPE, NAME, ID_TAB, COMMENT, SHOW_ORDER, ACCOUNT_TYPE)"
                " VALUES (4, NULL, 15, 'ROOM', 1, 'Room number', 4, 'COMPUTERS'),"
                " (5, NULL, 14, 'BOUGHT', 1, 'Purchase date', 3, 'COMPUTERS')"
            )
        )


def _refusal(fn: object, *args: object) -> AdminDataError:
    with pytest.raises(AdminDataError) as caught:
        fn(*args)  # type: ignore[operator]
    return caught.value


def test_refusals_carry_codes_and_values(fleet: Fleet) -> None:
    engine, facts = fleet
    _add_fields(engine)
    machine = facts.ids_by_name["pc-000003"]
    with engine.begin() as conn:
        error = _refusal(save_admin_values, conn, machine, {"fields_99": "x", "fields_98": "y"})
        assert (error.code, error.params) == ("unknown_fields", {"columns": "fields_98, fields_99"})
        assert str(error) == "unknown admin fields: fields_98, fields_99"

        error = _refusal(save_admin_values, conn, machine, {"fields_4": "8 Go"})
        assert (error.code, error.params) == (
            "not_number",
            {"field": "Room number", "value": "8 Go"},
        )
        assert str(error) == "Room number: '8 Go' is not a whole number"

        error = _refusal(save_admin_values, conn, machine, {"fields_5": "31/12/2024"})
        assert (error.code, error.params["value"]) == ("not_date", "31/12/2024")

        error = _refusal(set_admin_value, conn, [machine], "fields_4", "douze")
        assert error.code == "not_number" and error.params["field"] == "Room number"
        assert _refusal(set_admin_value, conn, [machine], "fields_77", "1").code == (
            "unknown_fields"
        )

        with pytest.raises(UnknownMachineError) as unknown:
            save_admin_values(conn, 10**6, {"TAG": "X"})
        assert isinstance(unknown.value, LookupError)
        assert (unknown.value.code, unknown.value.params) == ("no_machine", {"id": 10**6})

        assert find_admin_field(conn, "room").column == "fields_4"  # by name, case ignored
        error = _refusal(find_admin_field, conn, "nosuch")
        assert error.code == "no_field" and str(error).startswith("no admin field 'nosuch'; ")
        assert "fields_4 (Room number)" in error.params["known"]
    with engine.begin() as conn:
        conn.execute(text("UPDATE accountinfo_config SET COMMENT = 'Shared' WHERE ID IN (4, 5)"))
        error = _refusal(find_admin_field, conn, "shared")
        assert (error.code, error.params) == ("ambiguous", {"name": "shared"})
        assert str(error) == "'shared' names several admin fields; give the column instead"
    # Nothing was written by the refused calls.
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT fields_4 FROM accountinfo WHERE HARDWARE_ID = :i"), {"i": machine}
            ).scalar_one_or_none()
            is None
        )


def test_deleting_a_group_as_a_machine_is_refused_with_its_ids(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO hardware (DEVICEID, NAME, LASTDATE) "
                "VALUES ('_SYSTEMGROUP_', 'a group', CURRENT_TIMESTAMP)"
            )
        )
        group = conn.execute(
            text("SELECT ID FROM hardware WHERE DEVICEID = '_SYSTEMGROUP_'")
        ).scalar_one()
    with engine.begin() as conn:
        error = _refusal(delete_machines, conn, [facts.sample_id, group])
    assert (error.code, error.params) == ("groups", {"ids": str(group)})


@pytest.fixture
def french() -> Iterator[None]:
    i18n.ensure_compiled()
    assert i18n.install_translators("fr") == "fr"
    try:
        yield
    finally:
        i18n.remove_translators()


def test_every_refusal_has_a_french_text_that_fits_its_values(qtbot: QtBot, french: None) -> None:
    values = {"columns": "c", "id": 7, "ids": "1, 2", "name": "n", "known": "k", "field": "f"}
    for code, template in MESSAGES.items():
        french_text = QtCore.QCoreApplication.translate(CONTEXT, template)
        assert french_text != template, f"{code} has no French"
        error = AdminDataError(code, **{**values, "value": "v"})
        shown = i18n.core_error_text(error)
        assert shown == french_text.format(**error.params), code
        assert shown != str(error)


def test_the_console_shows_admin_data_refusals_in_french(
    qtbot: QtBot, fleet: Fleet, tmp_path: Path, french: None
) -> None:
    """Through the real worker: the message the detail pane and the status bar show."""
    engine, facts = fleet
    _add_fields(engine)
    shown: list[str] = []
    machine = facts.ids_by_name["pc-000003"]
    with checked_context(engine, "test fleet", console_settings(tmp_path)) as context:
        context.write(
            lambda conn, _progress: save_admin_values(conn, machine, {"fields_4": "8 Go"}),
            on_failed=shown.append,
        )
        context.write(
            lambda conn, _progress: save_admin_values(conn, 10**6, {"TAG": "X"}),
            on_failed=shown.append,
        )
        idle(context)
    assert sorted(shown) == [
        "Room number : « 8 Go » n'est pas un nombre entier",
        "aucune machine n'a l'ID 1000000",
    ]
