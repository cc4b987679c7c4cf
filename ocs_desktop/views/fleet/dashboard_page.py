"""The dashboard: the fleet at a glance, three bar charts whose bars open their machines.

Operating systems, time since the last inventory, and agent versions come from
:mod:`ocs_desktop.fleet.dashboard` in one background read. Each bar carries the
filter that selects exactly the machines it counts, so a click hands that filter to the
machines list (``ConsoleContext.showMachines``) and the list shows the same number.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet import dashboard
from ocs_desktop.fleet.dashboard import Bar
from ocs_desktop.views.context import MACHINES, TAGS, ConsoleContext
from ocs_desktop.views.qt import QtGui, QtWidgets
from ocs_desktop.views.widgets.bar_chart import BarChart
from ocs_desktop.views.widgets.reload import ReloadWhenShown

#: Chart keys, in display order.
CHART_KEYS = ("os", "age", "agent")


def load_charts(conn: Connection, progress: Progress) -> dict[str, list[Bar]]:
    """Every chart's bars, read in one connection (runs in the worker)."""
    return {
        "os": dashboard.os_bars(conn),
        "age": dashboard.age_bars(conn),
        "agent": dashboard.agent_bars(conn),
    }


class DashboardPage(QtWidgets.QWidget):
    """Operating systems, inventory age and agent versions; click a bar to list it."""

    page_key = "dashboard"

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._bars: dict[str, list[Bar]] = {key: [] for key in CHART_KEYS}
        self.titles = {
            "os": self.tr("Operating systems"),
            "age": self.tr("Last inventory"),
            "agent": self.tr("Agent versions"),
        }
        colors = {
            "os": QtGui.QColor(52, 120, 198),
            "age": QtGui.QColor(46, 150, 100),
            "agent": QtGui.QColor(210, 120, 40),
        }
        self.charts = {key: BarChart(self.titles[key], colors[key], self) for key in CHART_KEYS}
        for key, chart in self.charts.items():
            chart.barClicked.connect(lambda index, key=key: self.activate_bar(key, index))

        self.status = QtWidgets.QLabel(self)
        refresh = QtWidgets.QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        hint = QtWidgets.QLabel(self.tr("Click a bar to list its machines."), self)
        hint.setEnabled(False)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(hint)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(refresh)
        grid = QtWidgets.QGridLayout()
        grid.addWidget(self.charts["os"], 0, 0)
        grid.addWidget(self.charts["age"], 0, 1)
        grid.addWidget(self.charts["agent"], 1, 0, 1, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.reload = ReloadWhenShown(self, context, (MACHINES, TAGS))

    # --- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the three charts in the worker."""
        self.reload.stale = False
        self.status.setText(self.tr("Loading…"))
        self.context.read(load_charts, self._loaded, key=f"dashboard-{id(self)}")

    def _loaded(self, charts: dict[str, list[Bar]]) -> None:
        self.status.clear()
        for key in CHART_KEYS:
            bars = charts.get(key, [])
            self._bars[key] = bars
            self.charts[key].set_bars(
                [self.bar_label(bar) for bar in bars], [bar.count for bar in bars]
            )

    # --- bars --------------------------------------------------------------------------
    def bars(self, chart_key: str) -> list[Bar]:
        """The bars chart ``chart_key`` shows (``CHART_KEYS``), as the core computed them."""
        return list(self._bars[chart_key])

    def bar_label(self, bar: Bar) -> str:
        """The bar's label in the interface language (core labels are English)."""
        known = {
            dashboard.UNKNOWN_LABEL: self.tr("Unknown"),
            dashboard.OTHER_LABEL: self.tr("Other"),
            **dict(
                zip(
                    (label for label, _, _ in dashboard.AGE_BUCKETS),
                    (
                        self.tr("Last day"),
                        self.tr("1–7 days"),  # noqa: RUF001 - an en dash, on purpose
                        self.tr("7–30 days"),  # noqa: RUF001
                        self.tr("Older"),
                        self.tr("Never"),
                    ),
                    strict=True,
                )
            ),
        }
        return known.get(bar.label, bar.label)

    def activate_bar(self, chart_key: str, index: int) -> None:
        """Show the machines behind bar ``index`` of chart ``chart_key`` in the machines list."""
        bar = self._bars[chart_key][index]
        title = self.tr("{chart}: {bar}").format(
            chart=self.titles[chart_key], bar=self.bar_label(bar)
        )
        self.context.showMachines.emit(bar.filter, title)
