"""A titled horizontal bar chart whose bars can be clicked (pyqtgraph).

The dashboard draws its three charts with it, the Deployment page its status chart.
"""

from __future__ import annotations

import pyqtgraph as pg

from ocs_desktop.views.qt import Qt, QtGui, QtWidgets, Signal

#: Space kept for the longest bar label, in pixels.
MAX_LABEL_WIDTH = 280
BAR_HEIGHT = 0.7
#: A chart with fewer bars keeps room for this many, so one bar does not fill it.
MIN_ROWS = 5


class _ClickableBars(pg.BarGraphItem):
    """Horizontal bars (bar ``i`` centred on ``y = i``) that report which one was clicked."""

    clicked = Signal(int)

    def __init__(self, counts: list[int], brush: QtGui.QColor) -> None:
        super().__init__(
            x0=[0] * len(counts),
            y=list(range(len(counts))),
            height=BAR_HEIGHT,
            width=counts,
            brush=brush,
            pen=pg.mkPen(None),
        )
        self.counts = counts
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        position = ev.pos()
        index = round(position.y())
        if 0 <= index < len(self.counts) and abs(position.y() - index) <= BAR_HEIGHT / 2:
            ev.accept()
            self.clicked.emit(index)


class BarChart(QtWidgets.QWidget):
    """One titled horizontal bar chart with its labels on the left axis."""

    barClicked = Signal(int)

    def __init__(self, title: str, color: QtGui.QColor, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.color = color
        palette = self.palette()
        self.plot = pg.PlotWidget(background=palette.color(QtGui.QPalette.ColorRole.Base))
        self.plot.setTitle(title, color=palette.color(QtGui.QPalette.ColorRole.Text).name())
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getViewBox().invertY(True)
        self.plot.showGrid(x=True, y=False, alpha=0.3)
        text = palette.color(QtGui.QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTextPen(text)
        self.items: _ClickableBars | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_bars(self, labels: list[str], counts: list[int]) -> None:
        self.plot.clear()
        self.items = None
        axis = self.plot.getAxis("left")
        axis.setTicks([list(enumerate(labels))])
        metrics = QtGui.QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
        axis.setWidth(min(widest + 16, MAX_LABEL_WIDTH))
        if not counts:
            return
        self.items = _ClickableBars(counts, self.color)
        self.items.clicked.connect(self.barClicked)
        self.plot.addItem(self.items)
        for index, count in enumerate(counts):
            text = pg.TextItem(str(count), anchor=(0, 0.5), color=self.palette().text().color())
            text.setPos(count, index)
            self.plot.addItem(text)
        top = max(counts)
        self.plot.setXRange(0, top * 1.15 + 1, padding=0)
        self.plot.setYRange(-0.6, max(len(counts), MIN_ROWS) - 0.4, padding=0)
