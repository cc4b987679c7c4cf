"""The dashboard: the fleet at a glance, a grid of bar charts whose bars open their machines.

Nine charts (operating systems, last inventory, agents, manufacturers and models, memory,
free disk space, top software, deployment outcomes, inventories per day) come from
:mod:`ocs_desktop.fleet.dashboard` in one background read. Each bar carries the filter that
selects exactly the machines it counts, so a click (or Enter on the highlighted bar) hands
that filter to the machines list (``ConsoleContext.showMachines``) and the list shows the
same number. The grid has two columns below 1500 px and three above, and scrolls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet import dashboard
from ocs_desktop.fleet.dashboard import Bar
from ocs_desktop.views.context import MACHINES, TAGS, ConsoleContext
from ocs_desktop.views.qt import QtCore, QtGui, QtWidgets
from ocs_desktop.views.widgets.bar_chart import BarChart
from ocs_desktop.views.widgets.reload import ReloadWhenShown

#: Chart keys, in display order (row by row).
CHART_KEYS = ("os", "age", "memory", "agent", "model", "disk", "software", "outcome", "days")
#: Charts whose bars are days, drawn as vertical columns.
TIME_CHARTS = ("days",)
#: Window width from which the grid has three columns.
WIDE = 1500

COLORS = {
    "os": (52, 120, 198),
    "age": (46, 150, 100),
    "agent": (210, 120, 40),
    "model": (120, 90, 180),
    "memory": (30, 140, 160),
    "disk": (200, 70, 70),
    "software": (90, 130, 60),
    "outcome": (150, 110, 60),
    "days": (52, 120, 198),
}


@dataclass(frozen=True)
class Charts:
    """What one background read returns: every chart's bars and the fleet's size."""

    bars: dict[str, list[Bar]] = field(default_factory=dict)
    total: int = 0


def load_charts(conn: Connection, progress: Progress) -> Charts:
    """Every chart's bars, read in one connection (runs in the worker)."""
    return Charts(
        {
            "os": dashboard.os_bars(conn),
            "age": dashboard.age_bars(conn),
            "agent": dashboard.agent_bars(conn),
            "model": dashboard.model_bars(conn),
            "memory": dashboard.memory_bars(conn),
            "disk": dashboard.disk_bars(conn),
            "software": dashboard.software_bars(conn),
            "outcome": dashboard.outcome_bars(conn),
            "days": dashboard.day_bars(conn),
        },
        dashboard.fleet_size(conn),
    )


class DashboardPage(QtWidgets.QWidget):
    """The fleet's charts; click a bar, or Tab to a chart and press Enter, to list it."""

    page_key = "dashboard"

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._bars: dict[str, list[Bar]] = {key: [] for key in CHART_KEYS}
        self.titles = {
            "os": self.tr("Operating systems"),
            "age": self.tr("Last inventory"),
            "agent": self.tr("Agent versions"),
            "model": self.tr("Manufacturers and models"),
            "memory": self.tr("Memory"),
            "disk": self.tr("Free space on the fullest drive"),
            "software": self.tr("Top software (installs)"),
            "outcome": self.tr("Deployment outcomes (machines)"),
            "days": self.tr("Inventories per day (last 30 days)"),
        }
        self.charts = {
            key: BarChart(
                self.titles[key],
                QtGui.QColor(*COLORS[key]),
                vertical=key in TIME_CHARTS,
                unit=self.installs if key == "software" else None,
            )
            for key in CHART_KEYS
        }
        for key, chart in self.charts.items():
            chart.barClicked.connect(lambda index, key=key: self.activate_bar(key, index))

        self.status = QtWidgets.QLabel(self)
        refresh = QtWidgets.QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        hint = QtWidgets.QLabel(
            self.tr("Click a bar, or Tab to a chart and press Enter, to list its machines."), self
        )
        hint.setEnabled(False)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.status)
        top.addWidget(refresh)

        self.grid_host = QtWidgets.QWidget()
        self.grid = QtWidgets.QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self.scroll_area = QtWidgets.QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.grid_host)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        self._arrange(2)
        self.reload = ReloadWhenShown(self, context, (MACHINES, TAGS))

    def installs(self, count: int) -> str:
        """The top-software chart counts installs, not machines."""
        return self.tr("%n install(s)", "", count)

    # --- layout ------------------------------------------------------------------------
    def _arrange(self, columns: int) -> None:
        """Lay the charts out row by row in ``columns`` columns, in Tab order."""
        if columns == self.columns:
            return
        self.columns = columns
        for chart in self.charts.values():
            self.grid.removeWidget(chart)
        for position, key in enumerate(CHART_KEYS):
            row, column = divmod(position, columns)
            last = position == len(CHART_KEYS) - 1
            span = columns - column if last else 1  # the last chart fills its row
            self.grid.addWidget(self.charts[key], row, column, 1, span)
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        previous: QtWidgets.QWidget | None = None
        for key in CHART_KEYS:
            if previous is not None:
                QtWidgets.QWidget.setTabOrder(previous, self.charts[key])
            previous = self.charts[key]

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        self._arrange(3 if event.size().width() >= WIDE else 2)
        super().resizeEvent(event)

    # --- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every chart in the worker (one read)."""
        self.reload.stale = False
        self.status.setText(self.tr("Loading…"))
        self.context.read(load_charts, self._loaded, key=f"dashboard-{id(self)}")

    def _loaded(self, charts: Charts) -> None:
        self.status.clear()
        for key in CHART_KEYS:
            bars = charts.bars.get(key, [])
            self._bars[key] = bars
            chart = self.charts[key]
            chart.set_bars(
                [self.bar_label(key, bar) for bar in bars],
                [bar.count for bar in bars],
                total=charts.total,
            )
            chart.setMinimumHeight(chart.rows_height())

    # --- bars --------------------------------------------------------------------------
    def bars(self, chart_key: str) -> list[Bar]:
        """The bars chart ``chart_key`` shows (``CHART_KEYS``), as the core computed them."""
        return list(self._bars[chart_key])

    def bar_label(self, chart_key: str, bar: Bar) -> str:
        """The bar's label in the interface language (core labels are English)."""
        if chart_key in TIME_CHARTS:
            day = dt.date.fromisoformat(bar.label)
            return QtCore.QLocale().toString(QtCore.QDate(day.year, day.month, day.day), "d MMM")
        return self._known_labels().get(bar.label, bar.label)

    def _known_labels(self) -> dict[str, str]:
        """Every English label of the core, translated."""
        ages = (
            self.tr("Last day"),
            self.tr("1–7 days"),  # noqa: RUF001 - an en dash, on purpose
            self.tr("7–30 days"),  # noqa: RUF001
            self.tr("Older"),
            self.tr("Never"),
        )
        memory = (
            self.tr("< 4 GiB"),
            self.tr("4–8 GiB"),  # noqa: RUF001
            self.tr("8–16 GiB"),  # noqa: RUF001
            self.tr("16–32 GiB"),  # noqa: RUF001
            self.tr("≥ 32 GiB"),
            self.tr("Unknown"),
        )
        disk = (
            self.tr("< 10 % free"),
            self.tr("10–20 % free"),  # noqa: RUF001
            self.tr("≥ 20 % free"),
            self.tr("No drive data"),
        )
        outcomes = (self.tr("Waiting"), self.tr("Notified"), self.tr("Success"), self.tr("Error"))
        known = {
            dashboard.UNKNOWN_LABEL: self.tr("Unknown"),
            dashboard.OTHER_LABEL: self.tr("Other"),
        }
        for buckets, names in (
            ([label for label, _, _ in dashboard.AGE_BUCKETS], ages),
            ([label for label, _, _ in dashboard.MEMORY_BUCKETS], memory),
            ([label for label, _, _ in dashboard.DISK_BUCKETS], disk),
            (list(dashboard.OUTCOME_LABELS.values()), outcomes),
        ):
            known.update(zip(buckets, names, strict=True))
        return known

    def activate_bar(self, chart_key: str, index: int) -> None:
        """Show the machines behind bar ``index`` of chart ``chart_key`` in the machines list."""
        bar = self._bars[chart_key][index]
        title = self.tr("{chart}: {bar}").format(
            chart=self.titles[chart_key], bar=self.bar_label(chart_key, bar)
        )
        self.context.showMachines.emit(bar.filter, title)
