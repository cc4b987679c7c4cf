"""The network map's drawing: where each node goes, its colour, and one cheap item per subnet.

A subnet is one ``QGraphicsItem`` that paints its hub and all its hosts, and finds the host
under a point by geometry: 10,000 hosts stay 50 items, so the scene builds and paints in
milliseconds. Hosts sit on a sunflower spiral around their hub (scanners nearest, then
machines, identified devices, and unknown hosts on the rim), hubs on shelves, row by row.
Zoomed out, hosts are batched points; zoomed in, outlined discs; closer still, labelled.
Unknown hosts are the brightest colour with a halo, because they are what an administrator
looks for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ocs_desktop.fleet.network_map import HostState, MapHost, MapSubnet
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets

#: Distance between neighbouring hosts on the spiral, and the hub's radius (scene units).
SPACING = 12.0
HUB_RADIUS = 24.0
NODE_RADIUS = 4.5
UNKNOWN_RADIUS = 5.5
#: Space between subnet discs, and the widest a shelf of hubs may grow.
GAP = 70.0
#: Extra height per shelf for the hub titles above each disc.
LABEL_SPACE = 60.0
#: Hubs with few hosts still get a shelf cell this wide (half), for their titles.
MIN_CELL_RADIUS = 90.0
#: Level of detail (screen pixels per scene unit) above which hosts are outlined discs,
#: and above which they carry their IP or name.
DISC_LOD = 0.45
LABEL_LOD = 1.6
_GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
#: Drawing order on the spiral: scanners near the hub, unknown hosts on the rim.
_RING_ORDER = {
    HostState.ELECTED: 0,
    HostState.INVENTORIED: 1,
    HostState.IDENTIFIED: 2,
    HostState.UNKNOWN: 3,
}

BACKGROUND = QtGui.QColor(250, 250, 252)
STATE_COLORS = {
    HostState.ELECTED: QtGui.QColor(33, 90, 220),
    HostState.INVENTORIED: QtGui.QColor(46, 160, 90),
    HostState.IDENTIFIED: QtGui.QColor(128, 128, 128),  # identified with no type
    HostState.UNKNOWN: QtGui.QColor(228, 26, 52),
}
UNKNOWN_HALO = QtGui.QColor(228, 26, 52, 70)
#: Identified devices take their colour from their type, in the legend's order.
TYPE_PALETTE = (
    QtGui.QColor(142, 68, 173),
    QtGui.QColor(20, 150, 160),
    QtGui.QColor(170, 110, 40),
    QtGui.QColor(200, 80, 170),
    QtGui.QColor(100, 120, 40),
    QtGui.QColor(90, 100, 150),
    QtGui.QColor(150, 90, 90),
    QtGui.QColor(60, 140, 200),
)
HUB_COLOR = QtGui.QColor(52, 62, 80)
AREA_COLOR = QtGui.QColor(225, 230, 238)


class Palette:
    """The colour of each node: by state, and by device type for identified devices."""

    def __init__(self, device_types: Sequence[str]) -> None:
        self.types = {
            name: TYPE_PALETTE[index % len(TYPE_PALETTE)] for index, name in enumerate(device_types)
        }

    def color(self, host: MapHost) -> QtGui.QColor:
        if host.state is HostState.IDENTIFIED and host.device_type in self.types:
            return self.types[host.device_type]
        return STATE_COLORS[host.state]


#: The spiral's points so far, as coordinates and as QPointF: a point's place depends only
#: on its rank, so every subnet shares one table, grown on demand.
_SPIRAL_XY: list[tuple[float, float]] = []
_SPIRAL_POINTS: list[QtCore.QPointF] = []
_SPIRAL_OFFSET = ((HUB_RADIUS + SPACING) / SPACING) ** 2


def spiral(count: int) -> tuple[list[tuple[float, float]], float]:
    """``count`` points around a hub, evenly spread (a sunflower); and the radius they need."""
    for k in range(len(_SPIRAL_XY), count):
        radius = SPACING * math.sqrt(k + _SPIRAL_OFFSET)
        angle = k * _GOLDEN_ANGLE
        x, y = radius * math.cos(angle), radius * math.sin(angle)
        _SPIRAL_XY.append((x, y))
        _SPIRAL_POINTS.append(QtCore.QPointF(x, y))
    return _SPIRAL_XY[:count], SPACING * math.sqrt(count + _SPIRAL_OFFSET) + SPACING


def ring_order(hosts: Sequence[MapHost]) -> list[MapHost]:
    return sorted(hosts, key=lambda h: _RING_ORDER[h.state])


def shelf_positions(radii: Sequence[float], max_width: float) -> list[tuple[float, float]]:
    """Hub centres for discs of ``radii``, left to right in rows no wider than ``max_width``."""
    centres: list[tuple[float, float]] = []
    x = y = row_height = 0.0
    for radius in radii:
        size = 2 * radius + GAP
        if x > 0 and x + size > max_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centres.append((x + size / 2, y + LABEL_SPACE + size / 2))
        x += size
        row_height = max(row_height, size + LABEL_SPACE)
    return centres


@dataclass(frozen=True, slots=True)
class Node:
    """Where a host is drawn: its subnet item and its offset from the hub."""

    host: MapHost
    item: SubnetItem
    x: float
    y: float

    def scene_pos(self) -> QtCore.QPointF:
        return self.item.pos() + QtCore.QPointF(self.x, self.y)


class SubnetItem(QtWidgets.QGraphicsItem):
    """A hub and its hosts, painted in one go; ``host_at`` hit-tests by distance."""

    def __init__(self, subnet: MapSubnet, palette: Palette) -> None:
        super().__init__()
        self.subnet = subnet
        #: The texts above the disc; the view sets them (translated).
        self.title = subnet.netid
        self.caption = ""
        self.hosts = ring_order(subnet.hosts)
        self.points, self.radius = spiral(len(self.hosts))
        self.colors = [palette.color(h) for h in self.hosts]
        self.counts = subnet.counts()
        unknown = self.counts.non_inventoried
        self.caption_color = (
            STATE_COLORS[HostState.UNKNOWN] if unknown else QtGui.QColor(90, 96, 110)
        )
        #: Half the width of this hub's shelf cell.
        self.cell_radius = max(self.radius, MIN_CELL_RADIUS)
        #: Export to SVG asks for one shape per host, whatever the zoom.
        self.detailed = False
        self._nodes: list[Node] | None = None
        #: Hosts by colour: the points as a polygon (one drawPoints call) and as a list.
        self._groups: list[
            tuple[QtGui.QColor, QtGui.QPolygonF, HostState, list[QtCore.QPointF]]
        ] = []
        by_color: dict[tuple[int, HostState], tuple[QtGui.QColor, list[QtCore.QPointF]]] = {}
        for host, color, point in zip(self.hosts, self.colors, _SPIRAL_POINTS, strict=False):
            key = (color.rgba(), host.state)
            by_color.setdefault(key, (color, []))[1].append(point)
        for (_, state), (color, points) in by_color.items():
            self._groups.append((color, QtGui.QPolygonF(points), state, points))
        # Unknown hosts last, so nothing covers them.
        self._groups.sort(key=lambda g: g[2] is HostState.UNKNOWN)
        extent = self.cell_radius + GAP
        self._bounds = QtCore.QRectF(-extent, -extent, 2 * extent, 2 * extent)
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QtCore.QRectF:
        return self._bounds

    def nodes(self) -> list[Node]:
        """One ``Node`` per host, in drawing order (built on first use)."""
        if self._nodes is None:
            self._nodes = [
                Node(h, self, x, y) for h, (x, y) in zip(self.hosts, self.points, strict=True)
            ]
        return self._nodes

    def host_at(self, local: QtCore.QPointF, tolerance: float) -> int | None:
        """Index of the host nearest ``local`` (item coordinates) within ``tolerance``."""
        px, py = local.x(), local.y()
        if math.hypot(px, py) > self.radius + tolerance:
            return None
        best, best_d = None, tolerance * tolerance
        for index, (x, y) in enumerate(self.points):
            d = (x - px) ** 2 + (y - py) ** 2
            if d <= best_d:
                best, best_d = index, d
        return best

    # --- painting ------------------------------------------------------------------------
    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionGraphicsItem,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(AREA_COLOR)
        painter.drawEllipse(QtCore.QPointF(0, 0), self.radius, self.radius)
        if self.detailed or lod >= DISC_LOD:
            self._paint_discs(painter)
        else:
            self._paint_points(painter, lod)
        self._paint_hub(painter, lod)
        if lod >= LABEL_LOD and not self.detailed:
            self._paint_labels(painter, option.exposedRect, lod)

    def _paint_points(self, painter: QtGui.QPainter, lod: float) -> None:
        # Far out, a node is a dot at least two pixels wide: one call per colour.
        cap = Qt.PenCapStyle.RoundCap if lod > 0.2 else Qt.PenCapStyle.SquareCap
        for color, points, state, _ in self._groups:
            if state is HostState.UNKNOWN:
                halo = QtGui.QPen(UNKNOWN_HALO, max(4 * UNKNOWN_RADIUS, 5 / lod), c=cap)
                painter.setPen(halo)
                painter.drawPoints(points)
                width = max(2 * UNKNOWN_RADIUS, 2.5 / lod)
            elif state is HostState.ELECTED:
                width = max(3 * NODE_RADIUS, 3 / lod)
            else:
                width = max(2 * NODE_RADIUS, 1.6 / lod)
            painter.setPen(QtGui.QPen(color, width, c=cap))
            painter.drawPoints(points)

    def _paint_discs(self, painter: QtGui.QPainter) -> None:
        outline = QtGui.QPen(QtGui.QColor(255, 255, 255), 1.0)
        for color, _, state, points in self._groups:
            if state is HostState.UNKNOWN:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(UNKNOWN_HALO)
                for point in points:
                    painter.drawEllipse(point, 2 * UNKNOWN_RADIUS, 2 * UNKNOWN_RADIUS)
            painter.setPen(outline)
            painter.setBrush(color)
            for point in points:
                if state is HostState.ELECTED:
                    r = 1.6 * NODE_RADIUS
                    painter.drawPolygon(
                        QtGui.QPolygonF(
                            [
                                point + QtCore.QPointF(0, -r),
                                point + QtCore.QPointF(r, 0),
                                point + QtCore.QPointF(0, r),
                                point + QtCore.QPointF(-r, 0),
                            ]
                        )
                    )
                else:
                    r = UNKNOWN_RADIUS if state is HostState.UNKNOWN else NODE_RADIUS
                    painter.drawEllipse(point, r, r)

    def _paint_hub(self, painter: QtGui.QPainter, lod: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HUB_COLOR)
        hub = QtCore.QRectF(-1.3 * HUB_RADIUS, -HUB_RADIUS / 2, 2.6 * HUB_RADIUS, HUB_RADIUS)
        painter.drawRoundedRect(hub, 5, 5)
        font = QtGui.QFont(painter.font())
        font.setBold(True)
        if lod >= 0.8 or self.detailed:
            font.setPointSizeF(6.0)
            painter.setFont(font)
            painter.setPen(QtGui.QColor(255, 255, 255))
            painter.drawText(hub, Qt.AlignmentFlag.AlignCenter, self.subnet.netid)
        # The title and caption keep a readable size on screen however far out the view is;
        # the caption only where the shelf leaves it room.
        scale = 1.0 / max(lod, 0.02) if not self.detailed else 1.0
        font.setPixelSize(max(1, round(11 * max(scale, 1.0))))
        caption_font = QtGui.QFont(font)
        caption_font.setBold(False)
        caption_font.setPixelSize(max(1, round(10 * max(scale, 1.0))))
        metrics = QtGui.QFontMetricsF(font)
        caption_metrics = QtGui.QFontMetricsF(caption_font)
        room = LABEL_SPACE + GAP / 2
        with_caption = metrics.height() + caption_metrics.height() + 4 <= room or scale <= 1.0
        width = max(2 * self.radius, 2 * MIN_CELL_RADIUS) + GAP * 0.8
        top = -self.radius - metrics.height() - 4
        if with_caption:
            top -= caption_metrics.height()
        painter.setFont(font)
        painter.setPen(HUB_COLOR)
        painter.drawText(
            QtCore.QRectF(-width / 2, top, width, metrics.height()),
            Qt.AlignmentFlag.AlignHCenter,
            metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, width),
        )
        if with_caption:
            painter.setFont(caption_font)
            painter.setPen(self.caption_color)
            painter.drawText(
                QtCore.QRectF(-width / 2, top + metrics.height(), width, caption_metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                caption_metrics.elidedText(self.caption, Qt.TextElideMode.ElideRight, width),
            )

    def _paint_labels(self, painter: QtGui.QPainter, exposed: QtCore.QRectF, lod: float) -> None:
        font = painter.font()
        font.setBold(False)
        font.setPointSizeF(min(6.0, 10.0 / lod))
        painter.setFont(font)
        painter.setPen(QtGui.QColor(30, 30, 40))
        for host, (x, y) in zip(self.hosts, self.points, strict=True):
            if exposed.contains(x, y):
                label = host.name or host.ip
                painter.drawText(QtCore.QPointF(x + NODE_RADIUS + 1.5, y + 2), label)
