"""The console from the keyboard: no ambiguous shortcut, a shortcut per page, Ctrl+F, Tab.

Walks every action and shortcut button of the real main window with every page built,
on the sample fleet, the way Qt's shortcut map would see them when each page is shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from ocs_desktop.views.main_window import MainWindow, page_shortcut
from ocs_desktop.views.page_registry import PAGES
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from tests.support.console_context import checked_context, console_settings
from tests.support.console_fleet import FleetFacts


@pytest.fixture
def window(fleet: tuple[Engine, FleetFacts], tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    with checked_context(fleet[0], "fleet under test", console_settings(tmp_path)) as context:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        for spec in PAGES:
            window.page(spec.key)
        yield window


def _page_of(widget: QtCore.QObject, window: MainWindow) -> str:
    """The page key a widget belongs to, or '' for the window's own actions."""
    node: QtCore.QObject | None = widget
    while node is not None and node is not window:
        name = node.objectName()
        if name.startswith("page_"):
            return name.removeprefix("page_")
        node = node.parent()
    return ""


def shortcuts_live_on(window: MainWindow, key: str) -> dict[str, list[str]]:
    """Key sequence -> what answers it while page ``key`` is shown (window ones included)."""
    live: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QtGui.QAction):
        owner = _page_of(action, window)
        if owner not in ("", key):
            continue
        scope = ""
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            scope = f"@{id(action.parent()):x}"  # only while its own widget has the focus
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                claimant = f"action {action.text()!r} ({owner or 'window'})"
                live[sequence.toString() + scope].append(claimant)
    for button in window.findChildren(QtWidgets.QAbstractButton):
        owner = _page_of(button, window)
        if owner not in ("", key) or button.shortcut().isEmpty():
            continue
        # A button's shortcut is window-wide: a mnemonic (Alt+x) included.
        live[button.shortcut().toString()].append(f"button {button.text()!r} ({owner})")
    return live


def test_no_shortcut_is_claimed_twice_on_any_page(window: MainWindow) -> None:
    clashes = {}
    for spec in PAGES:
        for sequence, claimants in shortcuts_live_on(window, spec.key).items():
            if len(claimants) > 1:
                clashes[(spec.key, sequence)] = claimants
    assert clashes == {}


def test_every_page_has_its_own_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    assert set(window.page_actions) == {spec.key for spec in PAGES}
    sequences = [window.page_actions[spec.key].shortcut().toString() for spec in PAGES]
    assert all(sequences) and len(set(sequences)) == len(sequences)
    assert page_shortcut(0).toString() == "Ctrl+1"
    assert page_shortcut(9).toString() == "Ctrl+0"
    assert page_shortcut(10).toString() == "Ctrl+Shift+1"
    for spec in reversed(PAGES):
        window.page_actions[spec.key].trigger()
        assert window.current_key() == spec.key
    window.activateWindow()
    deployment = [s.key for s in PAGES].index("deployment")
    qtbot.keySequence(window, page_shortcut(deployment))
    assert window.current_key() == "deployment", "Deployment answers its shortcut"


def test_f5_on_the_search_page_runs_the_search(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("search")
    assert shortcuts_live_on(window, "search")["F5"] == ["action '&Refresh' (window)"]
    ran: list[object] = []
    original = page.run
    page.run = lambda: ran.append(original())  # type: ignore[method-assign]
    window.refresh_action.trigger()
    assert len(ran) == 1


def test_ctrl_f_focuses_the_page_filter(window: MainWindow, qtbot: QtBot) -> None:
    for key, attribute in (("machines", "quick_filter"), ("software", "filter_edit")):
        page = window.show_page(key)
        edit = getattr(page, attribute)
        edit.setText("abc")
        window.navigation.setFocus()
        assert window.focus_filter() is edit
        qtbot.waitUntil(edit.hasFocus, timeout=2_000)
        assert edit.selectedText() == "abc"
    window.show_page("dashboard")
    assert window.focus_filter() is None, "a page without a filter keeps the focus where it is"
    assert window.find_action.shortcut() == QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Find)


def test_tab_leaves_tables(window: MainWindow, qtbot: QtBot) -> None:
    views = [
        view
        for spec in PAGES
        for view in window.page(spec.key).findChildren(QtWidgets.QAbstractItemView)
    ]
    assert len(views) > 5
    assert not [v.objectName() or type(v).__name__ for v in views if v.tabKeyNavigation()]
    page = window.show_page("machines")
    table = page.findChild(QtWidgets.QTableView)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2_000)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus(), "Tab moves on instead of walking the cells"
