"""The Admin fields tab, real widgets offscreen on SQLite and MariaDB.

Fields are added, given choices, reordered by button and by drag, refused and deleted
through the tab; the database is read back with plain SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet.admin_data import AdminFieldType, set_admin_value
from ocs_desktop.fleet.admin_fields import AdminFieldError, FieldDefinition, add_choice, add_field
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.views.admin.admin_fields_tab import AdminFieldsTab, FieldDialog, refusal_text
from ocs_desktop.views.admin.page import AdministrationPage
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.admin_field_editors import ChecksEditor, editor_value
from ocs_desktop.views.fleet.machine_detail_pane import MachineDetailPane
from ocs_desktop.views.fleet.machines_model import MachineIdRole
from ocs_desktop.views.fleet.search_page import FieldKeyRole, SearchPage
from ocs_desktop.views.fleet.set_admin_field_dialog import SetAdminFieldDialog
from ocs_desktop.views.qt import QtCore, QtWidgets
from tests.support.console_fleet import fill_fleet
from tests.test_views_deployment import make_settings
from tests.test_views_machines import fetch_all, idle, make_page, select_ids

WAIT = 20_000


@pytest.fixture
def context(engine: Engine, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    context = ConsoleContext(engine, "test", make_settings(tmp_path))
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(WAIT)


_PAGES: list[AdministrationPage] = []  # kept alive for the test's duration


def _tab(context: ConsoleContext, qtbot: QtBot) -> AdminFieldsTab:
    page = AdministrationPage(context)
    qtbot.addWidget(page)
    _PAGES[:] = [page]
    tab = page.tab("admin_fields")
    assert isinstance(tab, AdminFieldsTab)
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=WAIT)
    return tab


def _names(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.scalars(
                text(
                    "SELECT NAME FROM accountinfo_config WHERE ACCOUNT_TYPE = 'COMPUTERS'"
                    " ORDER BY SHOW_ORDER, ID"
                )
            )
        )


def _columns(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT * FROM accountinfo WHERE 1 = 0")).keys())


def _choices(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT NAME, TVALUE FROM config ORDER BY NAME")).all()
    return [(r[0], r[1]) for r in rows if r[0].startswith("ACCOUNT_VALUE_")]


def _done(tab: AdminFieldsTab, qtbot: QtBot, action: object) -> None:
    """Run ``action`` (a callable) and wait for the tab to show the database again."""
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT):
        assert callable(action)
        action()


def test_add_choices_reorder_and_delete(
    context: ConsoleContext, engine: Engine, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(context, qtbot)
    assert not tab.delete_button.isEnabled()  # TAG is selected: built in
    assert not tab.choices_box.isEnabled()
    _done(tab, qtbot, lambda: tab.add_field("room", AdminFieldType.SELECT, "Room"))
    assert tab.list.count() == 2 and "Room" in tab.list.currentItem().text()
    room = tab.current_field()
    assert room is not None and room.name == "ROOM"
    assert _columns(engine) == ["HARDWARE_ID", "TAG", room.column]
    assert tab.choices_box.isEnabled() and tab.delete_button.isEnabled()

    for text_ in ("A101", "B202"):
        tab.choice_edit.setText(text_)
        _done(tab, qtbot, tab.add_choice_button.click)
    assert [tab.choice_list.item(i).text() for i in range(2)] == ["A101", "B202"]
    tab.choice_list.setCurrentRow(1)
    assert tab.choice_edit.text() == "B202"
    tab.choice_edit.setText("B204")
    _done(tab, qtbot, tab.rename_choice_button.click)
    assert _choices(engine) == [("ACCOUNT_VALUE_ROOM_1", "A101"), ("ACCOUNT_VALUE_ROOM_2", "B204")]
    tab.choice_list.setCurrentRow(0)
    _done(tab, qtbot, tab.remove_choice_button.click)
    assert _choices(engine) == [("ACCOUNT_VALUE_ROOM_2", "B204")]

    # A refused definition is explained, nothing is written.
    tab.add_field("room", AdminFieldType.TEXT)
    qtbot.waitUntil(lambda: "already exists" in tab.message.text(), timeout=WAIT)
    assert _names(engine) == ["TAG", "ROOM"]

    # Order: Up, then a drag.
    _done(tab, qtbot, lambda: tab.add_field("owner", AdminFieldType.TEXT, "Owner"))
    assert _names(engine) == ["TAG", "ROOM", "OWNER"]
    assert tab.current_field() is not None and tab.current_field().name == "OWNER"
    _done(tab, qtbot, tab.up_button.click)
    assert _names(engine) == ["TAG", "OWNER", "ROOM"]
    assert tab.list.currentRow() == 1
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT):
        moved = tab.list.model().moveRow(QtCore.QModelIndex(), 2, QtCore.QModelIndex(), 0)
        assert moved
    assert _names(engine) == ["ROOM", "TAG", "OWNER"]

    # Delete: the question says the values are lost; "No" keeps everything.
    asked: list[str] = []
    monkeypatch.setattr(tab, "confirm", lambda _title, text_: asked.append(text_) or False)
    tab.select_field(room.id)
    assert tab.ask_delete() is None
    assert "lost" in asked[0] and "Room" in asked[0]
    assert room.column in _columns(engine)
    monkeypatch.setattr(tab, "confirm", lambda _title, _text: True)
    _done(tab, qtbot, tab.delete_button.click)
    assert _names(engine) == ["TAG", "OWNER"]
    assert room.column not in _columns(engine)
    assert _choices(engine) == []
    assert tab.list.count() == 2


def test_field_dialog_and_translated_refusals(qtbot: QtBot) -> None:
    dialog = FieldDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "a b-c9")
    assert dialog.name.text() == "abc9"  # the validator keeps letters and digits only
    dialog.type.setCurrentIndex(dialog.type.findData(int(AdminFieldType.DATE)))
    assert dialog.kind() is AdminFieldType.DATE
    assert dialog.type.count() == len(AdminFieldType)
    assert refusal_text(AdminFieldError("taken_name", "ROOM")) == (
        "A field named ROOM already exists."
    )


def test_detail_pane_edits_every_type(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    facts = fill_fleet(engine, derived=2)
    machine = facts.ids_by_name["pc-000001"]
    made: dict[str, FieldDefinition] = {}
    with engine.begin() as conn:
        for name, kind in (
            ("OWNER", AdminFieldType.TEXT),
            ("NOTES", AdminFieldType.TEXTAREA),
            ("ROOM", AdminFieldType.SELECT),
            ("USES", AdminFieldType.CHECKBOX),
            ("STATE", AdminFieldType.RADIOBUTTON),
            ("BOUGHT", AdminFieldType.DATE),
            ("FLOOR", AdminFieldType.NUMBER),
        ):
            made[name] = add_field(conn, name, kind)
        for field, texts in (("ROOM", "AB"), ("USES", "XYZ"), ("STATE", "PQ")):
            for text_ in texts:
                add_choice(conn, made[field].id, text_)
    pane = MachineDetailPane(context)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=WAIT):
        pane.show_machine(machine)
    pane.select_category("admin")
    editors = {name: pane.admin_editors[f.column] for name, f in made.items()}
    assert isinstance(editors["OWNER"], QtWidgets.QLineEdit)
    assert isinstance(editors["NOTES"], QtWidgets.QPlainTextEdit)
    assert isinstance(editors["ROOM"], QtWidgets.QComboBox)
    assert isinstance(editors["STATE"], QtWidgets.QComboBox)
    assert isinstance(editors["USES"], ChecksEditor)
    assert isinstance(editors["BOUGHT"], QtWidgets.QDateEdit)
    assert isinstance(editors["FLOOR"], QtWidgets.QSpinBox)
    assert set(pane.admin_values().values()) == {None, facts.tag_by_name["pc-000001"]}
    assert [editors["ROOM"].itemText(i) for i in range(3)] == ["", "A", "B"]
    editors["OWNER"].setText("Jeanne")
    editors["NOTES"].setPlainText("two\nlines")
    editors["ROOM"].setCurrentIndex(2)
    editors["STATE"].setCurrentIndex(1)
    editors["USES"].boxes[1].setChecked(True)
    editors["USES"].boxes[3].setChecked(True)
    editors["BOUGHT"].setDate(QtCore.QDate(2024, 3, 1))
    editors["FLOOR"].setValue(-2)
    with qtbot.waitSignal(pane.loaded, timeout=WAIT):
        pane.save_button.click()
    with engine.connect() as conn:
        row = (
            conn.execute(text("SELECT * FROM accountinfo WHERE HARDWARE_ID = :i"), {"i": machine})
            .mappings()
            .one()
        )
    stored = {name: row[f.column] for name, f in made.items()}
    assert stored["OWNER"] == "Jeanne" and stored["NOTES"] == "two\nlines"
    assert (stored["ROOM"], stored["STATE"], stored["USES"]) == ("2", "1", "1&&&3&&&")
    assert str(stored["BOUGHT"]) == "2024-03-01" and stored["FLOOR"] == -2
    # Reloaded: the editors show what was stored.
    editors = {name: pane.admin_editors[f.column] for name, f in made.items()}
    assert editors["ROOM"].currentText() == "B"
    assert editors["USES"].value() == "1&&&3&&&"
    assert editors["BOUGHT"].date() == QtCore.QDate(2024, 3, 1)
    assert editor_value(editors["FLOOR"]) == "-2"


def test_set_admin_field_on_a_selection(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    facts = fill_fleet(engine, derived=3)
    with engine.begin() as conn:
        room = add_field(conn, "ROOM", AdminFieldType.SELECT)
        floor = add_field(conn, "FLOOR", AdminFieldType.NUMBER)
        add_choice(conn, room.id, "A101")
        add_choice(conn, room.id, "B202")
    dialog = SetAdminFieldDialog(context, 2)
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.ready, timeout=WAIT).wait()
    assert [dialog.field_combo.itemText(i) for i in range(2)] == ["ROOM", "FLOOR"]
    assert isinstance(dialog.editor, QtWidgets.QComboBox)
    dialog.editor.setCurrentIndex(2)
    assert (dialog.column(), dialog.value()) == (room.column, "2")
    dialog.field_combo.setCurrentIndex(1)
    assert isinstance(dialog.editor, QtWidgets.QSpinBox) and dialog.value() is None

    page = make_page(qtbot, context)
    fetch_all(context, page.model)
    chosen = {facts.ids_by_name[n] for n in ("pc-000000", "pc-000002")}
    select_ids(page, chosen)
    menu = page.build_row_menu()
    assert page.set_admin_action in menu.actions() and page.set_admin_action.isEnabled()
    assert page.set_admin_field_for_selection(room.column, "2") is not None
    idle(context)  # one writer at a time on SQLite; the list reloads after a write
    fetch_all(context, page.model)
    select_ids(page, chosen)
    assert page.set_admin_field_for_selection(floor.column, "7") is not None
    idle(context)
    with engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT HARDWARE_ID, {room.column}, {floor.column} FROM accountinfo")
        ).all()
    assert {r[0]: (r[1], r[2]) for r in rows if r[1] is not None} == {i: ("2", 7) for i in chosen}


def test_admin_fields_as_optional_columns(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    facts = fill_fleet(engine, derived=3)
    machine = facts.ids_by_name["pc-000001"]
    with engine.begin() as conn:
        room = add_field(conn, "ROOM", AdminFieldType.SELECT, "Room")
        add_choice(conn, room.id, "A101")
        add_choice(conn, room.id, "B202")
        set_admin_value(conn, [machine], room.column, "2")
        rows = fetch_machines(conn, MachineQuery(admin_columns=(room.column,)), 0, 100)
    assert {r.id: r.value(f"admin:{room.column}") for r in rows}[machine] == "B202"

    page = make_page(qtbot, context)
    qtbot.waitUntil(lambda: bool(page.admin_columns), timeout=WAIT)
    menu = page.build_column_menu()
    admin_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert [a.text() for a in admin_menu.actions()] == ["Room"]
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        admin_menu.actions()[0].setChecked(True)
    key = f"admin:{room.column}"
    assert page.model.columns()[-1] == key
    assert page.model.column_label(key) == "Room"
    fetch_all(context, page.model)
    column = page.model.columns().index(key)
    shown = {
        page.model.index(r, 0).data(MachineIdRole): page.model.index(r, column).data()
        for r in range(page.model.rowCount())
    }
    assert shown[machine] == "B202"
    # Remembered: a new page shows the column again.
    again = make_page(qtbot, context)
    assert key in again.model.columns()


def test_search_page_offers_admin_fields(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    facts = fill_fleet(engine, derived=3)
    chosen = {facts.ids_by_name["pc-000000"], facts.ids_by_name["pc-000002"]}
    with engine.begin() as conn:
        owner = add_field(conn, "OWNER", AdminFieldType.TEXT, "Owner")
        set_admin_value(conn, chosen, owner.column, "Jeanne Martin")
    page = SearchPage(context)
    qtbot.addWidget(page)
    page.show()
    key = f"accountinfo.{owner.column}"
    row = page.rows[0]
    qtbot.waitUntil(lambda: row.field_combo.findData(key, FieldKeyRole) >= 0, timeout=WAIT)
    texts = [row.field_combo.itemText(i) for i in range(row.field_combo.count())]
    assert texts.index("Administrative data: Owner") == texts.index("Administrative data: TAG") + 1
    row.set_field(key)
    row.operator_combo.setCurrentIndex(row.operator_combo.findData(Operator.contains.value))
    qtbot.keyClicks(row.value_edit, "jeanne")
    assert page.current_search() == Search((Criterion(key, Operator.contains, "jeanne"),))
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.run_button.click()
    assert {m.id for m in page.model.loaded_rows()} == chosen
