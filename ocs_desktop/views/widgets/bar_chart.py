"""A titled bar chart whose bars open something: click, or Tab to it and press Enter.

The dashboard draws its charts with it, the Deployment page its status chart. Every bar
has a tooltip (label, count, share of the total); the keyboard moves a highlighted bar
with the arrows and activates it with Enter or Space, exactly as a click does. Bars run
horizontally (labels on the left) or, for time series, vertically (dates underneath).
Plain Qt on purpose: a plotting library brought numpy, OpenBLAS and QtOpenGL (55 MB) into
the workstation bundle for these charts.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal

#: Space kept at most for the longest bar label, in pixels.
MAX_LABEL_WIDTH = 280
#: A bar's thickness, as a share of its row.
BAR_HEIGHT = 0.7
#: A chart with fewer bars keeps room for this many, so one bar does not fill it.
MIN_ROWS = 5
#: About this many grid lines along the count axis.
TICKS = 5
MARGIN = 8

NAVIGATION = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Right: 1,
}
ACTIVATION = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def nice_step(top: float, ticks: int = TICKS) -> int:
    """A whole step of 1, 2 or 5 times a power of ten giving about ``ticks`` grid lines."""
    raw = max(top / ticks, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)


class BarChart(QtWidgets.QWidget):
    """One titled bar chart; counts are whole. ``barClicked`` carries the bar's index."""

    barClicked = Signal(int)

    def __init__(
        self,
        title: str,
        color: QtGui.QColor,
        parent: QtWidgets.QWidget | None = None,
        *,
        vertical: bool = False,
        unit: Callable[[int], str] | None = None,
    ):
        super().__init__(parent)
        self.title = title
        self.color = color
        self.vertical = vertical
        #: What a count counts, in the tooltip ("%n machine(s)" unless given).
        self.unit = unit
        self.labels: list[str] = []
        self.values: list[int] = []
        self.colors: list[QtGui.QColor] = []
        self.total = 0
        #: The highlighted bar (keyboard), -1 for none.
        self.current = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self.setAccessibleName(title)

    def set_bars(
        self,
        labels: list[str],
        counts: list[int],
        colors: list[QtGui.QColor] | None = None,
        *,
        total: int | None = None,
    ) -> None:
        """Show one bar per label, in order; ``colors`` gives each bar its own.

        ``total`` is what a bar's share is a share of (default: the sum of the counts).
        """
        self.labels = list(labels)
        self.values = list(counts)
        self.colors = list(colors) if colors else [self.color] * len(self.values)
        self.total = total if total is not None else sum(self.values)
        self.current = min(self.current, len(self.values) - 1)
        self.updateGeometry()
        self.update()

    # --- text -------------------------------------------------------------------------
    def bar_tooltip(self, index: int) -> str:
        """Bar ``index``'s label, count and share of the total."""
        count = self.values[index]
        share = 100.0 * count / self.total if self.total else 0.0
        percent = QtCore.QLocale().toString(share, "f", 1)
        return "{label}\n{machines}\n{share}".format(
            label=self.labels[index],
            machines=self.unit(count) if self.unit else self.tr("%n machine(s)", "", count),
            share=self.tr("{percent} % of {total}").format(
                percent=percent, total=QtCore.QLocale().toString(self.total)
            ),
        )

    def rows_height(self) -> int:
        """The height at which every bar and label stays readable."""
        line = self.fontMetrics().height()
        if self.vertical:
            return 12 * line + 4 * MARGIN
        return 2 * line + 4 * MARGIN + max(len(self.values), MIN_ROWS) * (line + 4)

    # --- geometry ---------------------------------------------------------------------
    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(label) for label in self.labels), default=0)
        return min(widest + 16, MAX_LABEL_WIDTH, self.width() // 2)

    def _count_width(self) -> int:
        """Room for the widest count written after its bar (and the axis' last number)."""
        widest = max([*self.values, int(self.x_range())], default=0)
        return self.fontMetrics().horizontalAdvance(str(widest)) + 10

    def plot_rect(self) -> QtCore.QRectF:
        """Where the bars go: below the title, beside the labels, above the axis."""
        metrics = self.fontMetrics()
        line = metrics.height()
        top = MARGIN + line + MARGIN
        if self.vertical:
            left = MARGIN + self._count_width()
            right = self.width() - MARGIN
            bottom = self.height() - MARGIN - line - 4
            top += line  # room for the counts above the bars
        else:
            left = MARGIN + self._label_width()
            right = self.width() - MARGIN - self._count_width()
            bottom = self.height() - MARGIN - line - 4
        return QtCore.QRectF(left, top, max(right - left, 1), max(bottom - top, 1))

    def x_range(self) -> float:
        """The count axis' top."""
        return max(self.values, default=0) * 1.15 + 1

    def bar_rect(self, index: int) -> QtCore.QRectF:
        """Bar ``index``'s rectangle in widget coordinates."""
        plot = self.plot_rect()
        if self.vertical:
            column = plot.width() / max(len(self.values), MIN_ROWS)
            height = plot.height() * self.values[index] / self.x_range()
            left = plot.left() + column * index + column * (1 - BAR_HEIGHT) / 2
            return QtCore.QRectF(left, plot.bottom() - height, column * BAR_HEIGHT, height)
        row = plot.height() / max(len(self.values), MIN_ROWS)
        width = plot.width() * self.values[index] / self.x_range()
        top = plot.top() + row * index + row * (1 - BAR_HEIGHT) / 2
        return QtCore.QRectF(plot.left(), top, width, row * BAR_HEIGHT)

    def slot_rect(self, index: int) -> QtCore.QRectF:
        """Bar ``index``'s whole row (or column): where pointing means that bar."""
        plot = self.plot_rect()
        if self.vertical:
            column = plot.width() / max(len(self.values), MIN_ROWS)
            return QtCore.QRectF(plot.left() + column * index, plot.top(), column, plot.height())
        row = plot.height() / max(len(self.values), MIN_ROWS)
        return QtCore.QRectF(0, plot.top() + row * index, self.width(), row)

    def bar_at(self, point: QtCore.QPointF) -> int | None:
        """The bar under ``point``: its bar, its label or the rest of its row."""
        for index in range(len(self.values)):
            if self.slot_rect(index).contains(point):
                return index
        return None

    # --- keyboard ---------------------------------------------------------------------
    def set_current(self, index: int) -> None:
        """Highlight bar ``index`` and show its tooltip next to it (keyboard users too)."""
        if not self.values:
            return
        self.current = max(0, min(index, len(self.values) - 1))
        self.update()
        if self.hasFocus() and self.isVisible():
            spot = self.bar_rect(self.current).center().toPoint()
            QtWidgets.QToolTip.showText(
                self.mapToGlobal(spot), self.bar_tooltip(self.current), self
            )

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if not self.values:
            super().keyPressEvent(event)
        elif key in NAVIGATION:
            start = self.current if self.current >= 0 else (-1 if NAVIGATION[key] > 0 else 0)
            self.set_current(start + NAVIGATION[key])
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(len(self.values) - 1)
        elif key in ACTIVATION and self.current >= 0:
            self.barClicked.emit(self.current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        if self.current < 0 and self.values:
            self.current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # --- mouse ------------------------------------------------------------------------
    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip and isinstance(event, QtGui.QHelpEvent):
            index = self.bar_at(QtCore.QPointF(event.pos()))
            if index is None:
                QtWidgets.QToolTip.hideText()
                event.ignore()
            else:
                QtWidgets.QToolTip.showText(event.globalPos(), self.bar_tooltip(index), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        over = self.bar_at(event.position()) is not None
        if over:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        index = self.bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            event.accept()
            self.current = index
            self.update()
            self.barClicked.emit(index)
            return
        super().mouseReleaseEvent(event)

    # --- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QtGui.QPalette.ColorRole.Text)
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color(QtGui.QPalette.ColorRole.Base))
        self._paint_title(painter, text)
        self._paint_axis(painter, text)
        for index in range(len(self.values)):
            self._paint_bar(painter, index, text)
        if self.hasFocus():
            highlight = palette.color(QtGui.QPalette.ColorRole.Highlight)
            painter.setPen(QtGui.QPen(highlight, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QtCore.QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_title(self, painter: QtGui.QPainter, text: QtGui.QColor) -> None:
        line = self.fontMetrics().height()
        title_font = QtGui.QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        painter.setFont(title_font)
        painter.setPen(text)
        title_box = QtCore.QRectF(MARGIN, MARGIN / 2, self.width() - 2 * MARGIN, line + MARGIN)
        title = QtGui.QFontMetrics(title_font).elidedText(
            self.title, Qt.TextElideMode.ElideRight, int(title_box.width())
        )
        painter.drawText(title_box, Qt.AlignmentFlag.AlignCenter, title)
        painter.setFont(self.font())

    def _paint_axis(self, painter: QtGui.QPainter, text: QtGui.QColor) -> None:
        plot = self.plot_rect()
        line = self.fontMetrics().height()
        grid = QtGui.QColor(text)
        grid.setAlphaF(0.15)
        step = nice_step(self.x_range())
        for value in range(0, int(self.x_range()) + 1, step):
            painter.setPen(grid)
            if self.vertical:
                y = plot.bottom() - value * plot.height() / self.x_range()
                painter.drawLine(QtCore.QPointF(plot.left(), y), QtCore.QPointF(plot.right(), y))
                painter.setPen(text)
                painter.drawText(
                    QtCore.QRectF(MARGIN, y - line / 2, plot.left() - MARGIN - 4, line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    str(value),
                )
            else:
                x = plot.left() + value * plot.width() / self.x_range()
                painter.drawLine(QtCore.QPointF(x, plot.top()), QtCore.QPointF(x, plot.bottom()))
                painter.setPen(text)
                painter.drawText(
                    QtCore.QRectF(x - 40, plot.bottom() + 2, 80, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    str(value),
                )
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        if self.vertical:
            self._paint_column_labels(painter, plot)

    def _paint_column_labels(self, painter: QtGui.QPainter, plot: QtCore.QRectF) -> None:
        """Every n-th label under its column, n chosen so they never overlap."""
        if not self.values:
            return
        metrics = self.fontMetrics()
        column = plot.width() / max(len(self.values), MIN_ROWS)
        widest = max(metrics.horizontalAdvance(label) for label in self.labels) + 8
        every = max(1, math.ceil(widest / column))
        for index in range(len(self.labels) - 1, -1, -every):  # always label the latest
            centre = plot.left() + column * (index + 0.5)
            painter.drawText(
                QtCore.QRectF(centre - widest / 2, plot.bottom() + 2, widest, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.labels[index],
            )

    def _paint_bar(self, painter: QtGui.QPainter, index: int, text: QtGui.QColor) -> None:
        metrics = self.fontMetrics()
        bar = self.bar_rect(index)
        color = self.colors[index] if index < len(self.colors) else self.color
        highlighted = index == self.current and self.hasFocus()
        palette = self.palette()
        if highlighted:
            painter.fillRect(
                self.slot_rect(index), palette.color(QtGui.QPalette.ColorRole.AlternateBase)
            )
            color = color.darker(130)
        painter.fillRect(bar, color)
        if highlighted:
            painter.setPen(QtGui.QPen(palette.color(QtGui.QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar.adjusted(-2, -2, 2, 2))
        painter.setPen(text)
        count = str(self.values[index])
        if self.vertical:
            column = self.slot_rect(index)
            if metrics.horizontalAdvance(count) <= column.width() and self.values[index]:
                above = QtCore.QRectF(
                    column.left(), bar.top() - metrics.height(), column.width(), metrics.height()
                )
                painter.drawText(
                    above,
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    count,
                )
            return
        plot = self.plot_rect()
        label_box = QtCore.QRectF(MARGIN, bar.top(), plot.left() - MARGIN - 6, bar.height())
        font = QtGui.QFont(self.font())
        font.setBold(highlighted)
        painter.setFont(font)
        label = QtGui.QFontMetrics(font).elidedText(
            self.labels[index], Qt.TextElideMode.ElideMiddle, int(label_box.width())
        )
        painter.drawText(
            label_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
        )
        painter.setFont(self.font())
        painter.drawText(
            QtCore.QRectF(bar.right() + 4, bar.top(), self._count_width(), bar.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            count,
        )
