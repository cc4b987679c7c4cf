"""The network map as a file: the whole map, under a band with its legend, in PNG or SVG.

PNG is for a report or a mail (no side longer than 4,096 pixels); SVG is for printing or
editing, with one shape per host whatever its size, and the hubs' titles as text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from ocs_desktop.views.fleet.network_map_items import BACKGROUND, SubnetItem
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtSvg, QtWidgets

log = logging.getLogger(__name__)

#: Longest side of an exported PNG, and the height of the legend band above the map.
PNG_MAX_SIDE = 4096
LEGEND_HEIGHT = 36

Legend = Sequence[tuple[QtGui.QColor, str]]


def export_size(map_rect: QtCore.QRectF, max_side: float) -> QtCore.QSize:
    """The map's size in pixels at scale 1, shrunk to fit ``max_side``."""
    scale = min(1.0, max_side / max(map_rect.width(), map_rect.height(), 1.0))
    return QtCore.QSize(
        max(1, round(map_rect.width() * scale)), max(1, round(map_rect.height() * scale))
    )


def render(
    painter: QtGui.QPainter,
    target: QtCore.QRectF,
    scene: QtWidgets.QGraphicsScene,
    map_rect: QtCore.QRectF,
    legend: Legend,
    font: QtGui.QFont,
) -> None:
    """The legend on a band at the top of ``target``, the whole map below it."""
    painter.fillRect(target, BACKGROUND)
    band = QtCore.QRectF(target.x(), target.y(), target.width(), LEGEND_HEIGHT)
    font = QtGui.QFont(font)
    font.setPixelSize(14)
    painter.setFont(font)
    metrics = QtGui.QFontMetricsF(font)
    x = band.x() + 12
    for color, text in legend:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QtCore.QPointF(x + 6, band.center().y()), 6, 6)
        painter.setPen(QtGui.QColor(30, 30, 40))
        width = metrics.horizontalAdvance(text)
        painter.drawText(
            QtCore.QRectF(x + 16, band.y(), width + 4, band.height()),
            Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += width + 36
    scene.render(painter, target.adjusted(0, LEGEND_HEIGHT, 0, 0), map_rect)


def export_png(
    scene: QtWidgets.QGraphicsScene,
    map_rect: QtCore.QRectF,
    legend: Legend,
    font: QtGui.QFont,
    path: str | Path,
) -> None:
    """Write the map as a PNG; ``OSError`` (and a log line) when the file cannot be written."""
    size = export_size(map_rect, PNG_MAX_SIDE)
    image = QtGui.QImage(
        size.width(), size.height() + LEGEND_HEIGHT, QtGui.QImage.Format.Format_ARGB32
    )
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    try:
        render(painter, QtCore.QRectF(image.rect()), scene, map_rect, legend, font)
    finally:
        painter.end()
    writer = QtGui.QImageWriter(str(path), QtCore.QByteArray(b"png"))
    if not writer.write(image):
        log.error("cannot write the network map to %s: %s", path, writer.errorString())
        raise OSError(f"cannot write {path}: {writer.errorString()}")


def export_svg(
    scene: QtWidgets.QGraphicsScene,
    map_rect: QtCore.QRectF,
    legend: Legend,
    font: QtGui.QFont,
    path: str | Path,
    *,
    title: str,
) -> None:
    """Write the map as SVG, every host drawn as its own shape (``SubnetItem.detailed``)."""
    size = export_size(map_rect, 1 << 20)
    height = size.height() + LEGEND_HEIGHT
    # Drawn into memory, then written: a file error is then ours to report, not a Qt warning.
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator = QtSvg.QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QtCore.QSize(size.width(), height))
    generator.setViewBox(QtCore.QRect(0, 0, size.width(), height))
    generator.setTitle(title)
    items = [item for item in scene.items() if isinstance(item, SubnetItem)]
    painter = QtGui.QPainter()
    if not painter.begin(generator):
        raise OSError("cannot start an SVG drawing")
    for item in items:
        item.detailed = True
    try:
        render(painter, QtCore.QRectF(0, 0, size.width(), height), scene, map_rect, legend, font)
    finally:
        painter.end()
        for item in items:
            item.detailed = False
    try:
        Path(path).write_bytes(bytes(buffer.data().data()))
    except OSError as exc:
        log.error("cannot write the network map to %s: %s", path, exc)
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
