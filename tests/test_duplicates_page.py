"""The Duplicates page, the merge dialog and the blacklist editor, driven offscreen.

Real widgets through the real worker over fleets of duplicates written by the real
Ingestor (SQLite; the merge also on MariaDB). What the page lists is compared with what
the core finds; what a merge leaves is read back with SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.duplicates import SetCriterion, find_duplicates
from ocs_desktop.fleet.duplicates_blacklist import BlacklistError, BlacklistKind
from ocs_desktop.fleet.duplicates_merge import StalePlan
from ocs_desktop.views import i18n
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.blacklist_dialog import BlacklistEditor
from ocs_desktop.views.fleet.duplicates_models import MatchRole
from ocs_desktop.views.fleet.duplicates_page import DuplicatesPage
from ocs_desktop.views.fleet.duplicates_text import blacklist_error, merge_error
from ocs_desktop.views.fleet.machines_model import MachineIdRole
from ocs_desktop.views.fleet.machines_page import MachinesPage
from ocs_desktop.views.fleet.merge_dialog import MergeDialog
from ocs_desktop.views.qt import Qt, QtCore
from tests.support.console_context import checked_context, console_settings
from tests.support.duplicate_console import demo_fleet, set_lastcome
from tests.support.duplicate_fleet import hardware_ids, orphans

WAIT = 20_000


@pytest.fixture
def lite(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite database (most tests need no second engine)."""
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    yield engine
    engine.dispose()


def _context(qtbot: QtBot, engine: Engine, tmp_path: Path) -> Iterator[ConsoleContext]:
    settings = console_settings(tmp_path)
    with checked_context(engine, "duplicates under test", settings) as context:
        yield context


@pytest.fixture
def context(qtbot: QtBot, lite: Engine, tmp_path: Path) -> Iterator[ConsoleContext]:
    yield from _context(qtbot, lite, tmp_path)


@pytest.fixture
def any_context(qtbot: QtBot, engine: Engine, tmp_path: Path) -> Iterator[ConsoleContext]:
    """A console on SQLite, then on MariaDB."""
    yield from _context(qtbot, engine, tmp_path)


def open_page(qtbot: QtBot, context: ConsoleContext) -> DuplicatesPage:
    page = DuplicatesPage(context)
    qtbot.addWidget(page)
    page.resize(900, 600)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.show()  # a page finds its sets when first shown
    return page


def listed(page: DuplicatesPage) -> set[tuple[SetCriterion, tuple[tuple[str, str], ...]]]:
    return {(s.criterion, s.values) for s in page.sets_model.sets()}


def select(page: DuplicatesPage, criterion: SetCriterion) -> None:
    [row] = [i for i, s in enumerate(page.sets_model.sets()) if s.criterion is criterion]
    page.select_set(row)


def wait_plan(qtbot: QtBot, dialog: MergeDialog) -> None:
    qtbot.waitUntil(
        lambda: dialog.plan is not None or dialog.warning.isVisibleTo(dialog), timeout=WAIT
    )


def test_page_lists_the_core_sets_and_explains_the_selected_one(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    ids = demo_fleet(lite)
    page = open_page(qtbot, context)
    with lite.connect() as conn:
        core = find_duplicates(conn)
    assert listed(page) == {(s.criterion, s.values) for s in core.sets}
    assert (
        SetCriterion.HOSTNAME_SERIAL,
        (("hostname", "ACCOUNTING-07"), ("serial", "CZC4521XYZ")),
    ) in listed(page)
    assert page.count_label.text() == f"{len(core.sets)} set(s)"

    select(page, SetCriterion.HOSTNAME_SERIAL)
    why = page.why.text()
    assert (
        "ACCOUNTING-07" in why
        and "CZC4521XYZ" in why
        and "2 machine(s) share hostname <b>ACCOUNTING-07</b>" in why
    )
    model = page.machines_model
    rows = [model.index(r, 0).data(MachineIdRole) for r in range(model.rowCount())]
    assert rows == [ids["reinstalled-new"], ids["reinstalled-old"]], "newest first"
    columns = list(model.COLUMNS)
    matched = {c for c in columns if model.index(0, columns.index(c)).data(MatchRole)}
    assert matched == {"name", "serial"}
    assert model.index(1, columns.index("macs")).data() == "3C:52:82:10:AA:01"
    assert model.index(0, columns.index("first_inventory")).data() != ""
    # The whole set is checked: Merge… is ready for it; one machine alone is no merge.
    assert page.selected_machine_ids() == rows and page.merge_button.isEnabled()
    check = Qt.ItemDataRole.CheckStateRole
    assert model.index(1, 0).data(check) == Qt.CheckState.Checked
    assert model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, check)
    assert page.selected_machine_ids() == rows[:1] and not page.merge_button.isEnabled()
    page.select_machines(rows)
    assert page.selected_machine_ids() == rows and page.merge_button.isEnabled()

    # Blacklisted values several machines share are shown as excluded, with details.
    assert page.excluded_bar.isVisibleTo(page)
    assert page.excluded_label.text().startswith("2 shared value(s) excluded by the blacklists")
    assert not page.excluded.isVisibleTo(page)
    page.excluded_toggle.click()
    assert page.excluded.isVisibleTo(page)
    shown = {
        (page.excluded.topLevelItem(i).text(1), page.excluded.topLevelItem(i).text(2))
        for i in range(page.excluded.topLevelItemCount())
    }
    assert shown == {("TO BE FILLED BY O.E.M.", "2"), ("FF:FF:FF:FF:FF:FF", "2")}
    oem = {ids["oem-1"], ids["oem-2"]}
    assert not any(oem & set(s.ids) for s in page.sets_model.sets())

    # The criterion filter narrows the list to that criterion's sets.
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.set_criterion(SetCriterion.UUID)
    assert listed(page) == {
        (SetCriterion.UUID, (("uuid", "4C4C4544-0042-3510-8051-B7C04F4E3132"),))
    }
    assert {m.id for m in page.machines_model.machines()} == {ids["uuid-a"], ids["uuid-b"]}


def test_models_pass_the_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: ConsoleContext, lite: Engine
) -> None:
    demo_fleet(lite)
    page = open_page(qtbot, context)
    assert page.sets_model.rowCount() > 0 and page.machines_model.rowCount() > 0
    qtmodeltester.check(page.sets_model)
    qtmodeltester.check(page.machines_model)


def test_finding_runs_in_the_worker_and_can_be_cancelled(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    demo_fleet(lite)
    page = open_page(qtbot, context)
    before = listed(page)
    task = page.refresh()
    assert page.progress.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
    with qtbot.waitSignal(task.cancelled, timeout=WAIT):
        page.cancel_button.click()
    assert not page.progress.isVisibleTo(page) and not page.cancel_button.isVisibleTo(page)
    assert page.count_label.text() == "Search cancelled."
    assert listed(page) == before, "a cancelled search leaves the list as it was"


def test_merge_through_the_dialog_leaves_one_machine(
    qtbot: QtBot, any_context: ConsoleContext, engine: Engine
) -> None:
    context = any_context
    ids = demo_fleet(engine)
    old, new = ids["reinstalled-old"], ids["reinstalled-new"]
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE accountinfo SET TAG = 'FINANCE' WHERE HARDWARE_ID = :i"), {"i": old}
        )
    statuses: list[str] = []
    context.status.connect(statuses.append)
    page = open_page(qtbot, context)
    select(page, SetCriterion.HOSTNAME_SERIAL)
    dialog = page.merge_selection()
    assert dialog is not None
    wait_plan(qtbot, dialog)
    assert dialog.plan is not None
    assert dialog.plan.survivor.id == new and [m.id for m in dialog.plan.merged] == [old]
    assert dialog.heading.text() == f"Merge 1 machine(s) into accounting-07 (ID {new})?"
    assert dialog.cancel_button.isDefault() and not dialog.merge_button.isDefault()
    sections = [dialog.details.topLevelItem(i).text(0) for i in range(4)]
    assert sections == [
        "Survives (heard from last)",
        "Deleted (merged into it)",
        "The survivor keeps",
        "Rows deleted",
    ]
    kept = dialog.details.topLevelItem(2)
    kept_rows = {kept.child(i).text(0): kept.child(i).text(1) for i in range(kept.childCount())}
    assert kept_rows["TAG and admin fields"] == f"ACCOUNTING-07 (ID {old})"
    gone = dialog.details.topLevelItem(3)
    gone_rows = {gone.child(i).text(0) for i in range(gone.childCount())}
    assert "Machine record" in gone_rows

    with qtbot.waitSignals([dialog.merged, page.loaded], timeout=WAIT):
        dialog.merge_button.click()
    assert old not in hardware_ids(engine) and new in hardware_ids(engine)
    assert orphans(engine) == {}
    with engine.connect() as conn:
        tag = conn.execute(
            text("SELECT TAG FROM accountinfo WHERE HARDWARE_ID = :i"), {"i": new}
        ).scalar()
    assert tag == "FINANCE"
    assert not any(old in s.ids for s in page.sets_model.sets()), "the page found its sets again"
    assert f"1 machine(s) merged into machine {new}" in statuses


def test_a_stale_plan_merges_nothing_and_shows_the_new_plan(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    ids = demo_fleet(lite)
    old, new = ids["reinstalled-old"], ids["reinstalled-new"]
    dialog = MergeDialog(context, [old, new])
    qtbot.addWidget(dialog)
    wait_plan(qtbot, dialog)
    assert dialog.plan is not None and dialog.plan.survivor.id == new
    # The old machine reports in after the plan: it is now the one heard from last.
    set_lastcome(lite, {old: dt.datetime(2030, 1, 1)})
    with qtbot.waitSignal(dialog.planned, timeout=WAIT):
        dialog.merge_button.click()
    wait_plan(qtbot, dialog)
    assert hardware_ids(lite).count(old) == 1 and new in hardware_ids(lite)
    assert dialog.warning.text() == merge_error(StalePlan("x"), 2)
    assert "changed since this plan was made" in dialog.warning.text()
    assert dialog.plan is not None and dialog.plan.survivor.id == old, "the new plan is shown"
    assert dialog.merge_button.isEnabled()


def test_not_duplicates_hides_the_set_and_show_ignored_brings_it_back(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    demo_fleet(lite)
    page = open_page(qtbot, context)
    select(page, SetCriterion.UUID)
    uuid_set = page.current_set()
    assert uuid_set is not None and page.ignore_button.text() == "These are &not duplicates"
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.ignore_button.click()
    assert SetCriterion.UUID not in {s.criterion for s in page.sets_model.sets()}
    assert "1 ignored set(s) hidden" in page.count_label.text()

    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.show_ignored.setChecked(True)
    [shown] = [s for s in page.sets_model.sets() if s.criterion is SetCriterion.UUID]
    assert shown.ignored and shown.key == uuid_set.key
    select(page, SetCriterion.UUID)
    row = [s.key for s in page.sets_model.sets()].index(shown.key)
    assert page.sets_model.index(row, 1).data().endswith("(not duplicates)")
    assert page.ignore_button.text() == "&Show this set again"
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.ignore_button.click()
    [back] = [s for s in page.sets_model.sets() if s.criterion is SetCriterion.UUID]
    assert not back.ignored
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.show_ignored.setChecked(False)
    assert SetCriterion.UUID in {s.criterion for s in page.sets_model.sets()}


def _edit(qtbot: QtBot, editor: BlacklistEditor, value: str) -> None:
    with qtbot.waitSignal(editor.loaded, timeout=WAIT):
        editor.edit.setText(value)
        editor.add_button.click()


def test_blacklist_editor_adds_and_removes_values_and_the_sets_follow(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    demo_fleet(lite)
    page = open_page(qtbot, context)
    dialog = page.edit_blacklists()
    qtbot.addWidget(dialog)
    serials = dialog.serials
    qtbot.waitUntil(lambda: serials.values.count() > 0, timeout=WAIT)
    assert "To Be Filled By O.E.M." in serials.entries()

    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        _edit(qtbot, serials, "  czc4521xyz ")
    assert "czc4521xyz" in serials.entries()
    assert not serials.message.isVisibleTo(serials)
    assert not any("serial" in dict(s.values) for s in page.sets_model.sets())
    excluded = {
        page.excluded.topLevelItem(i).text(1) for i in range(page.excluded.topLevelItemCount())
    }
    assert "CZC4521XYZ" in excluded

    # Refused values stay in the box, with the core's reason, translated.
    _edit(qtbot, serials, "CZC4521XYZ")
    assert serials.message.text() == "CZC4521XYZ is already blacklisted."
    assert serials.edit.text() == "CZC4521XYZ"
    macs = dialog.macs
    qtbot.waitUntil(lambda: macs.values.count() > 0, timeout=WAIT)
    _edit(qtbot, macs, "08:00:27:5E:11")
    assert macs.message.text().startswith("08:00:27:5E:11 is not a MAC address")
    assert "08:00:27:5E:11" not in macs.entries()

    row = serials.entries().index("czc4521xyz")
    serials.values.item(row).setSelected(True)
    assert serials.remove_button.isEnabled()
    with qtbot.waitSignals([serials.loaded, page.loaded], timeout=WAIT):
        serials.remove_button.click()
    assert "czc4521xyz" not in serials.entries()
    assert (SetCriterion.SERIAL, (("serial", "CZC4521XYZ"),)) in listed(page)

    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        _edit(qtbot, macs, "08-00-27-5e-11-c4")
    assert "08:00:27:5E:11:C4" in macs.entries()
    assert SetCriterion.MAC not in {s.criterion for s in page.sets_model.sets()}


def test_machines_list_offers_merge_for_two_machines_or_more(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    ids = demo_fleet(lite)
    page = MachinesPage(context)
    qtbot.addWidget(page)
    assert context.runner.wait_idle(WAIT)
    listed_ids = [page.model.index(r, 0).data(MachineIdRole) for r in range(page.model.rowCount())]

    def choose(wanted: set[int]) -> None:
        selection = QtCore.QItemSelection()
        for row, machine in enumerate(listed_ids):
            if machine in wanted:
                selection.select(page.model.index(row, 0), page.model.index(row, 0))
        page.view.selectionModel().select(
            selection,
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )

    def merge_entry() -> bool:
        menu = page.build_row_menu()
        [entry] = [a for a in menu.actions() if a.text() == "&Merge as duplicates…"]
        enabled = entry.isEnabled()
        menu.deleteLater()
        return enabled

    choose({ids["clone-a"]})
    assert not merge_entry()
    assert page.merge_selection() is None
    choose({ids["clone-a"], ids["clone-b"]})
    assert merge_entry()
    page.merge_action.trigger()
    dialog = page.merge_dialog
    assert dialog is not None
    wait_plan(qtbot, dialog)
    assert dialog.plan is not None
    assert {dialog.plan.survivor.id, *(m.id for m in dialog.plan.merged)} == {
        ids["clone-a"],
        ids["clone-b"],
    }
    dialog.reject()


def test_core_refusals_are_shown_in_french(qtbot: QtBot) -> None:
    i18n.ensure_compiled()
    try:
        assert i18n.install_translators("fr") == "fr"
        refused = BlacklistError("x", "not_mac", BlacklistKind.MAC, "zz")
        assert blacklist_error(refused) == (
            "zz n'est pas une adresse MAC (six paires hexadécimales, p. ex. 00:11:22:AA:BB:CC)."
        )
        assert merge_error(StalePlan("x"), 2).startswith("Les machines ont changé")
        assert merge_error(ValueError("x"), 1) == "Sélectionnez au moins deux machines à fusionner."
    finally:
        i18n.remove_translators()
    assert merge_error(ValueError("x"), 1) == "Select at least two machines to merge."
