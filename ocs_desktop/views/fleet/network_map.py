"""The network map: subnets as hubs, the hosts IP discovery found as nodes around them.

API for the page that hosts it (the Network page's "Map" tab)::

    view = NetworkMapView(context, parent)     # context: ConsoleContext (None: set_data only)
    view.machineRequested.connect(...)         # (int) hardware ID of an inventoried host
    view.identifyRequested.connect(...)        # (str) MAC of an unknown or identified host
    view.load()                                # query in the worker, then set_data(result)
    view.set_data(network_map)                 # a fleet.network_map.NetworkMap, no query
    view.find_host("10.1.2.3")                 # IP, MAC or name: select + centre; bool
    view.export_png(path) / view.export_svg(path)

Colours follow the states of :mod:`ocs_desktop.fleet.network_map` (PROTOCOL.md §4.5), so
the map and the Network page's counts agree. Keyboard: Ctrl+F search (Enter: next match),
+ and - zoom, 0 fits, the arrows pan, Enter opens the selected host; the mouse drags to
pan, the wheel zooms, a click opens a host: a machine's detail (``machineRequested``) or
the identify dialog for a device (``identifyRequested``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.network_map import (
    HostState,
    MapHost,
    MapSubnet,
    NetworkMap,
    load_network_map,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_map_export import export_png, export_svg
from ocs_desktop.views.fleet.network_map_items import (
    BACKGROUND,
    GAP,
    LABEL_SPACE,
    STATE_COLORS,
    Node,
    Palette,
    SubnetItem,
    shelf_positions,
)
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.01, 40.0
#: A found host is shown at least this big (view scale).
FOUND_SCALE = 2.0
#: A click this close to a node (screen pixels) hits it.
HIT_PIXELS = 7.0
#: Width over height of the shelves of hubs, about a landscape window's.
ASPECT = 1.6


def read_map(conn: Connection, progress: Progress) -> NetworkMap:
    """The map's data (runs in the worker)."""
    return load_network_map(conn)


def normalize_mac(text: str) -> str:
    return text.strip().lower().replace("-", ":")


class MapGraphicsView(QtWidgets.QGraphicsView):
    """The canvas: wheel zoom, drag to pan, click and tooltip by node geometry."""

    nodeActivated = Signal(object)
    #: After each paint of the viewport (the benchmark times the first one).
    painted = Signal()

    def __init__(self, owner: NetworkMapView) -> None:
        super().__init__(owner)
        self.owner = owner
        self.setDragMode(QtWidgets.QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QtWidgets.QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(BACKGROUND)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Dragging and the arrow keys pan; scroll bars would only change the fitted scale.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._press: QtCore.QPoint | None = None

    def node_at(self, viewport_pos: QtCore.QPoint) -> Node | None:
        scene_pos = self.mapToScene(viewport_pos)
        scale = max(self.transform().m11(), 1e-6)
        tolerance = max(HIT_PIXELS / scale, 6.0)
        for item in self.scene().items(scene_pos):
            if isinstance(item, SubnetItem):
                index = item.host_at(item.mapFromScene(scene_pos), tolerance)
                if index is not None:
                    return item.nodes()[index]
        return None

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.owner.auto_fit:
            self.owner.fit()

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.owner.zoom_by(ZOOM_STEP**steps)
        event.accept()

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        if (event.position().toPoint() - press).manhattanLength() > 4:
            return  # a drag that panned
        node = self.node_at(press)
        if node is not None:
            self.owner.select(node)
            self.nodeActivated.emit(node)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.owner.activate_current()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.owner.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.owner.zoom_out()
        elif key == Qt.Key.Key_0:
            self.owner.fit()
        else:
            super().keyPressEvent(event)

    def viewportEvent(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip and isinstance(event, QtGui.QHelpEvent):
            node = self.node_at(event.pos())
            if node is None:
                QtWidgets.QToolTip.hideText()
            else:
                QtWidgets.QToolTip.showText(event.globalPos(), self.owner.describe(node.host))
            return True
        return super().viewportEvent(event)


class NetworkMapView(QtWidgets.QWidget):
    """The map, its search box, zoom buttons, legend and exports."""

    machineRequested = Signal(int)
    identifyRequested = Signal(str)
    #: Emitted once the scene is built from new data (tests, benchmark).
    dataShown = Signal()

    def __init__(
        self, context: ConsoleContext | None = None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.data = NetworkMap(())
        self.palette_ = Palette(())
        self.items: list[SubnetItem] = []
        self._nodes: list[Node] | None = None
        #: The map's extent in the scene (the scene rect adds room to centre any host).
        self.map_rect = QtCore.QRectF(0, 0, 1, 1)
        self.current: Node | None = None
        self._matches: list[Node] = []
        self._match_index = -1
        self._last_query = ""
        #: Until the user zooms, the map refits whenever the widget is resized.
        self.auto_fit = True

        self.scene = QtWidgets.QGraphicsScene(self)
        self.scene.setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        self.graphics = MapGraphicsView(self)
        self.graphics.setScene(self.scene)
        self.graphics.setAccessibleName(self.tr("Network map"))
        self.graphics.nodeActivated.connect(self._activate)
        self.marker = QtWidgets.QGraphicsEllipseItem(-11, -11, 22, 22)
        self.marker.setPen(QtGui.QPen(QtGui.QColor(255, 190, 0), 4))
        self.marker.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.marker.setZValue(10)

        self.search = QtWidgets.QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find an IP, MAC or name"))
        self.search.setAccessibleName(self.tr("Find a host"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.find_host(self.search.text()))
        find_shortcut = QtGui.QShortcut(QtGui.QKeySequence.StandardKey.Find, self)
        # Only while the map has the focus: other pages of the window may want Ctrl+F.
        find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find_shortcut.activated.connect(self._focus_search)

        def button(text: str, tip: str, slot: object) -> QtWidgets.QToolButton:
            widget = QtWidgets.QToolButton(self)
            widget.setText(text)
            widget.setToolTip(tip)
            widget.setAccessibleName(tip)
            widget.clicked.connect(slot)
            return widget

        zoom_in = button("+", self.tr("Zoom in (+)"), self.zoom_in)
        zoom_out = button("−", self.tr("Zoom out (-)"), self.zoom_out)  # noqa: RUF001 - minus sign
        fit = button(self.tr("Fit"), self.tr("Show the whole map (0)"), self.fit)
        export = QtWidgets.QToolButton(self)
        export.setText(self.tr("Export"))
        export.setToolTip(self.tr("Save the map as a picture"))
        export.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QtWidgets.QMenu(export)
        menu.addAction(self.tr("PNG image…"), self._ask_png)
        menu.addAction(self.tr("SVG drawing…"), self._ask_svg)
        export.setMenu(menu)
        self.status = QtWidgets.QLabel(self)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(zoom_in)
        top.addWidget(zoom_out)
        top.addWidget(fit)
        top.addWidget(export)
        top.addWidget(self.status, 3)
        self.legend = QtWidgets.QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Legend"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top.setContentsMargins(4, 4, 4, 0)
        self.legend.setContentsMargins(6, 0, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.graphics, 1)
        self._build_legend()

    # --- data ------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the map in the worker; ``set_data`` shows it."""
        if self.context is None:
            raise RuntimeError("NetworkMapView.load needs a ConsoleContext")
        self.status.setText(self.tr("Loading…"))
        self.context.read(read_map, self.set_data, key=f"network-map-{id(self)}")

    refresh = load

    def set_data(self, data: NetworkMap) -> None:
        """Lay out and show ``data``, replacing what the map showed."""
        self.data = data
        self.palette_ = Palette(data.device_types)
        self.current = None
        self._matches, self._match_index, self._last_query = [], -1, ""
        if self.marker.scene() is not None:
            self.scene.removeItem(self.marker)
        self.scene.clear()
        self.items = [SubnetItem(subnet, self.palette_) for subnet in data.subnets]
        for item in self.items:
            item.title = self._title(item.subnet)
            item.caption = self.tr("%n not inventoried", "", item.counts.non_inventoried)
        radii = [item.cell_radius for item in self.items]
        area = sum((2 * r + GAP) * (2 * r + GAP + LABEL_SPACE) for r in radii)
        width = math.sqrt(area * ASPECT) * 1.05 if radii else 1.0
        for item, (x, y) in zip(self.items, shelf_positions(radii, width), strict=True):
            item.setPos(x, y)
            self.scene.addItem(item)
        self._nodes = None
        self.scene.addItem(self.marker)
        self.marker.hide()
        self.map_rect = self.scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
        # Room around the map, so that any host can be centred, even one on the edge.
        margin = max(self.map_rect.width(), self.map_rect.height())
        self.scene.setSceneRect(self.map_rect.adjusted(-margin, -margin, margin, margin))
        unknown = sum(item.counts.non_inventoried for item in self.items)
        hosts = sum(len(item.hosts) for item in self.items)
        self.status.setText(
            self.tr("{subnets} · {hosts} · {unknown}").format(
                subnets=self.tr("%n subnet(s)", "", len(self.items)),
                hosts=self.tr("%n host(s)", "", hosts),
                unknown=self.tr("%n not inventoried", "", unknown),
            )
        )
        self._build_legend()
        self.auto_fit = True
        self.fit()
        self.dataShown.emit()

    def _title(self, subnet: MapSubnet) -> str:
        network = f"{subnet.netid}/{_prefix(subnet.mask)}" if subnet.mask else subnet.netid
        return f"{subnet.name} · {network}" if subnet.name else network

    # --- legend ------------------------------------------------------------------------------
    def legend_entries(self) -> list[tuple[QtGui.QColor, str]]:
        """The legend, in order: colour and label."""
        entries = [
            (STATE_COLORS[HostState.UNKNOWN], self.tr("Not inventoried")),
            (STATE_COLORS[HostState.INVENTORIED], self.tr("Inventoried")),
            (STATE_COLORS[HostState.ELECTED], self.tr("IP discovery scanner")),
        ]
        for name, color in self.palette_.types.items():
            entries.append((color, self.tr("Identified: {type}").format(type=name)))
        entries.append((STATE_COLORS[HostState.IDENTIFIED], self.tr("Identified, no type")))
        return entries

    def _build_legend(self) -> None:
        parts = []
        for index, (color, text) in enumerate(self.legend_entries()):
            symbol = "◆" if index == 2 else "●"
            parts.append(
                f'<span style="color:{color.name()}; font-size:large">{symbol}</span>'
                f"&nbsp;{_html(text)}"
            )
        self.legend.setText(" &nbsp;&nbsp; ".join(parts))

    # --- view ------------------------------------------------------------------------------
    def scale(self) -> float:
        return self.graphics.transform().m11()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if self.auto_fit:
            self.fit()

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        target = min(max(self.scale() * factor, MIN_SCALE), MAX_SCALE)
        factor = target / self.scale()
        if not math.isclose(factor, 1.0):
            self.graphics.scale(factor, factor)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        """Show the whole map (and refit on resize until the user zooms again)."""
        self.auto_fit = True
        self.graphics.fitInView(self.map_rect, Qt.AspectRatioMode.KeepAspectRatio)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @property
    def nodes(self) -> list[Node]:
        """Every host's node, subnet by subnet (built on first use: search, tests)."""
        if self._nodes is None:
            self._nodes = [node for item in self.items for node in item.nodes()]
        return self._nodes

    # --- hosts -----------------------------------------------------------------------------
    def find_host(self, text: str) -> bool:
        """Select and centre the first host whose IP, MAC or name matches; again: the next."""
        query = text.strip()
        if not query:
            return False
        if query == self._last_query and self._matches:
            self._match_index = (self._match_index + 1) % len(self._matches)
        else:
            self._last_query = query
            self._matches = self.matches(query)
            self._match_index = 0
        if not self._matches:
            self.status.setText(self.tr("No host matches “{text}”.").format(text=query))
            return False
        node = self._matches[self._match_index]
        self.select(node)
        self.centre_on(node)
        self.status.setText(
            self.tr("Match {index} of {count}: {host}").format(
                index=self._match_index + 1,
                count=len(self._matches),
                host=node.host.name or node.host.ip,
            )
        )
        return True

    def matches(self, query: str) -> list[Node]:
        """Hosts matching ``query``: exact IP or MAC first, then names containing it."""
        needle = query.strip().casefold()
        mac = normalize_mac(query)
        exact = [n for n in self.nodes if n.host.ip == needle or n.host.mac == mac]
        named = [
            n
            for n in self.nodes
            if n not in exact
            and (needle in n.host.name.casefold() or (needle in n.host.ip and "." in needle))
        ]
        return exact + named

    def select(self, node: Node) -> None:
        self.current = node
        self.marker.setPos(node.scene_pos())
        self.marker.show()

    def centre_on(self, node: Node) -> None:
        if self.scale() < FOUND_SCALE:
            self.zoom_by(FOUND_SCALE / self.scale())
        self.graphics.centerOn(node.scene_pos())

    def activate_current(self) -> None:
        if self.current is not None:
            self._activate(self.current)

    def _activate(self, node: object) -> None:
        assert isinstance(node, Node)
        host = node.host
        if host.hardware_id is not None:
            self.machineRequested.emit(host.hardware_id)
        else:
            self.identifyRequested.emit(host.mac)

    def color_of(self, host: MapHost) -> QtGui.QColor:
        return self.palette_.color(host)

    def describe(self, host: MapHost) -> str:
        """A host's tooltip."""
        state = {
            HostState.ELECTED: self.tr("IP discovery scanner (inventoried)"),
            HostState.INVENTORIED: self.tr("Inventoried machine"),
            HostState.IDENTIFIED: self.tr("Identified device"),
            HostState.UNKNOWN: self.tr("Not inventoried"),
        }[host.state]
        lines = [f"<b>{_html(host.name or host.ip)}</b>", state]
        if host.forced:
            lines.append(self.tr("Election forced by an operator"))
        if host.device_type:
            lines.append(self.tr("Type: {type}").format(type=_html(host.device_type)))
        if host.description:
            lines.append(_html(host.description))
        lines.append(self.tr("IP: {ip}").format(ip=host.ip or "–"))  # noqa: RUF001
        lines.append(self.tr("MAC: {mac}").format(mac=host.mac or "–"))  # noqa: RUF001
        if host.seen is not None:
            lines.append(self.tr("Last seen: {date}").format(date=f"{host.seen:%Y-%m-%d %H:%M}"))
        action = (
            self.tr("Click to open the machine")
            if host.hardware_id is not None
            else self.tr("Click to identify this device")
        )
        lines.append(f"<i>{action}</i>")
        return "<br>".join(lines)

    # --- export ------------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> None:
        """Save the whole map, with its legend, as a PNG no wider or taller than 4096 pixels."""
        self.marker.hide()
        try:
            export_png(self.scene, self.map_rect, self.legend_entries(), self.font(), path)
        finally:
            self.marker.setVisible(self.current is not None)

    def export_svg(self, path: str | Path) -> None:
        """Save the whole map as an SVG drawing: one shape per host, each hub's title."""
        self.marker.hide()
        try:
            export_svg(
                self.scene,
                self.map_rect,
                self.legend_entries(),
                self.font(),
                path,
                title=self.tr("Network map"),
            )
        finally:
            self.marker.setVisible(self.current is not None)

    def _ask_png(self) -> None:
        self._ask_export(self.tr("PNG image (*.png)"), ".png", self.export_png)

    def _ask_svg(self) -> None:
        self._ask_export(self.tr("SVG drawing (*.svg)"), ".svg", self.export_svg)

    def _ask_export(self, kinds: str, suffix: str, save: object) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export the network map"), "network-map" + suffix, kinds
        )
        if not path:
            return
        if not path.endswith(suffix):
            path += suffix
        # A big map takes a second or two to draw, on this thread: scene items are not
        # thread-safe.
        QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            save(path)  # type: ignore[operator]
        except OSError as exc:
            error: str | None = str(exc)
        else:
            error = None
        finally:
            QtWidgets.QApplication.restoreOverrideCursor()
        if error is not None:
            QtWidgets.QMessageBox.warning(self, self.tr("Export the network map"), error)
        else:
            self.status.setText(self.tr("Saved {path}").format(path=path))


def _prefix(mask: str) -> int | str:
    try:
        return sum(bin(int(part)).count("1") for part in mask.split("."))
    except ValueError:
        return mask


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__: Sequence[str] = ("NetworkMapView", "read_map")
