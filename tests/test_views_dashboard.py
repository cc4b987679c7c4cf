"""The dashboard page with real widgets on the real sample fleet (SQLite and MariaDB).

Every chart's bars equal what the core computes from SQL; a real click and Enter on a
bar of every chart emit a filter whose machines equal plain SQL; tooltips give the label,
count and share; Tab reaches the charts and the arrows move the highlighted bar.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet import dashboard
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.dashboard_page import CHART_KEYS, DashboardPage
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from tests.support.console_context import checked_context, console_settings
from tests.support.console_fleet import FleetFacts
from tests.test_dashboard_charts import enrich

Fleet = tuple[Engine, FleetFacts]
#: Tooltips raise their window; the offscreen platform says it cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")
MACHINES = "DEVICEID NOT IN ('_SYSTEMGROUP_', '_DOWNLOADGROUP_')"


@pytest.fixture
def context(fleet: Fleet, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    engine, facts = fleet
    enrich(engine, facts)
    with checked_context(engine, "test", console_settings(tmp_path)) as context:
        yield context


@pytest.fixture
def page(context: ConsoleContext, qtbot: QtBot) -> DashboardPage:
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    qtbot.waitExposed(page)
    assert context.runner.wait_idle(20_000)
    qtbot.waitUntil(lambda: page.charts["os"].values != [])
    return page


def ids_of(engine: Engine, sql: str) -> set[int]:
    with engine.connect() as conn:
        return {int(row[0]) for row in conn.execute(text(sql))}


def listed(engine: Engine, filter_: object) -> set[int]:
    with engine.connect() as conn:
        query = MachineQuery(filter=filter_)  # type: ignore[arg-type]
        return {row.id for row in fetch_machines(conn, query, 0, 1000)}


def sql_machines(engine: Engine, key: str, bar: dashboard.Bar) -> set[int]:
    """The machines of one bar, selected by hand-written SQL (the first bar of each chart)."""
    f = bar.filter
    if key in ("os", "agent"):
        column = "OSNAME" if key == "os" else "USERAGENT"
        return ids_of(
            engine, f"SELECT ID FROM hardware WHERE {MACHINES} AND {column} = '{f.value}'"
        )  # type: ignore[attr-defined]
    if key == "software":
        return ids_of(engine, f"SELECT HARDWARE_ID FROM software WHERE NAME_ID = {f.name_id}")  # type: ignore[attr-defined]
    if key == "outcome":  # Waiting: a NULL (or WAITING) DOWNLOAD row
        return ids_of(
            engine,
            "SELECT HARDWARE_ID FROM devices WHERE NAME = 'DOWNLOAD' "
            "AND (TVALUE IS NULL OR TVALUE = 'WAITING')",
        )
    if key == "memory":  # < 4 GiB
        return ids_of(
            engine, f"SELECT ID FROM hardware WHERE {MACHINES} AND MEMORY > 0 AND MEMORY < 4096"
        )
    if key == "disk":  # < 10 % free on some drive
        return ids_of(
            engine,
            "SELECT HARDWARE_ID FROM drives WHERE TOTAL > 0 AND FREE * 100 < TOTAL * 10 "
            "AND (FILESYSTEM IS NULL OR FILESYSTEM <> 'squashfs')",
        )
    if key == "days":
        day = bar.label
        return ids_of(
            engine,
            f"SELECT ID FROM hardware WHERE {MACHINES} AND LASTDATE >= '{day} 00:00:00' "
            f"AND LASTDATE <= '{day} 23:59:59.999999'",
        )
    return listed(engine, f)


def first_bar(page: DashboardPage, key: str) -> int:
    """The first bar with machines (the days chart starts with empty days)."""
    return next(i for i, bar in enumerate(page.bars(key)) if bar.count)


def test_click_and_enter_on_every_chart_list_its_machines(
    qtbot: QtBot, fleet: Fleet, context: ConsoleContext, page: DashboardPage
) -> None:
    engine, _ = fleet
    for key in CHART_KEYS:
        chart = page.charts[key]
        bars = page.bars(key)
        assert bars and chart.values == [bar.count for bar in bars], key
        index = first_bar(page, key)
        expected = sql_machines(engine, key, bars[index])
        assert len(expected) == bars[index].count, key
        page.scroll_area.ensureWidgetVisible(chart)
        centre = chart.bar_rect(index).center().toPoint()
        with qtbot.waitSignal(context.showMachines, timeout=5000) as clicked:
            qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)
        assert listed(engine, clicked.args[0]) == expected, key
        assert page.titles[key] in clicked.args[1]

        chart.setFocus()
        qtbot.waitUntil(chart.hasFocus)
        qtbot.keyClick(chart, Qt.Key.Key_Home)
        for _ in range(index):
            qtbot.keyClick(chart, Qt.Key.Key_Down)
        assert chart.current == index
        with qtbot.waitSignal(context.showMachines, timeout=5000) as entered:
            qtbot.keyClick(chart, Qt.Key.Key_Return)
        assert entered.args[0] is bars[index].filter
        assert listed(engine, entered.args[0]) == expected, key


def test_tab_reaches_charts_and_arrows_move_the_highlight(
    qtbot: QtBot, context: ConsoleContext, page: DashboardPage
) -> None:
    os_chart, age_chart = page.charts["os"], page.charts["age"]
    os_chart.setFocus()
    qtbot.waitUntil(os_chart.hasFocus)
    assert os_chart.current == 0  # focus highlights the first bar
    qtbot.keyClick(os_chart, Qt.Key.Key_Down)
    assert os_chart.current == 1
    qtbot.keyClick(os_chart, Qt.Key.Key_Up)
    qtbot.keyClick(os_chart, Qt.Key.Key_Up)
    assert os_chart.current == 0  # stops at the first bar
    qtbot.keyClick(os_chart, Qt.Key.Key_End)
    assert os_chart.current == len(os_chart.values) - 1
    with qtbot.waitSignal(context.showMachines) as shown:
        qtbot.keyClick(os_chart, Qt.Key.Key_Space)
    assert shown.args[0] is page.bars("os")[-1].filter
    qtbot.keyClick(os_chart, Qt.Key.Key_Tab)
    qtbot.waitUntil(age_chart.hasFocus)
    # Visible focus: the focused chart paints a highlight frame the unfocused one does not.
    highlight = os_chart.palette().color(os_chart.palette().ColorRole.Highlight)
    corner = (1, 1)
    assert age_chart.grab().toImage().pixelColor(*corner) == highlight
    assert os_chart.grab().toImage().pixelColor(*corner) != highlight


def test_tooltips_give_label_count_and_share(
    qtbot: QtBot, fleet: Fleet, page: DashboardPage
) -> None:
    _, facts = fleet
    total = len(facts.ids_by_name)
    chart = page.charts["memory"]
    for index, bar in enumerate(page.bars("memory")):
        tip = chart.bar_tooltip(index)
        label, count, share = tip.split("\n")
        assert label == chart.labels[index]
        assert count.split()[0] == str(bar.count) and "machine" in count
        assert share.startswith(f"{100 * bar.count / total:.1f} %") and str(total) in share
    # A real tooltip event over the first bar shows that bar's text.
    page.scroll_area.ensureWidgetVisible(chart)
    spot = chart.bar_rect(0).center().toPoint()
    QtWidgets.QToolTip.hideText()
    chart.event(QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, spot, chart.mapToGlobal(spot)))
    qtbot.waitUntil(QtWidgets.QToolTip.isVisible)
    assert QtWidgets.QToolTip.text() == chart.bar_tooltip(0)
