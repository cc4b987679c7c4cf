"""The network map widget, real and offscreen: one node per host coloured by its state,
search that centres, clicks and Enter that ask for a machine or the identify dialog,
zoom, and PNG and SVG exports that hold the whole map."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.network_map import HostState, NetworkMap, load_network_map
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_map import NetworkMapView
from ocs_desktop.views.fleet.network_map_items import Node
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from tests.support.network_map_fleet import build_network_map_fleet, hardware_id_of, mac_of

SUBNETS, HOSTS = 4, 160  # 40 hosts a subnet: 16 machines (2 scanners), 6 identified, 18 unknown


@pytest.fixture(scope="module")
def fleet_map(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NetworkMap]:
    engine = create_engine_for(str(tmp_path_factory.mktemp("netmap") / "ocsweb.sqlite"))
    init_database(engine)
    build_network_map_fleet(engine, SUBNETS, HOSTS)
    with engine.connect() as conn:
        yield load_network_map(conn)
    engine.dispose()


@pytest.fixture
def view(qtbot: QtBot, fleet_map: NetworkMap) -> NetworkMapView:
    widget = NetworkMapView()
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_data(fleet_map)
    QtWidgets.QApplication.processEvents()  # the legend's new height resizes the canvas
    return widget


def _node(view: NetworkMapView, mac: str) -> Node:
    return next(n for n in view.nodes if n.host.mac == mac)


def _viewport_point(view: NetworkMapView, node: Node) -> QtCore.QPoint:
    return view.graphics.mapFromScene(node.scene_pos())


def test_load_reads_in_the_worker_and_draws_every_host(qtbot: QtBot, engine: Engine) -> None:
    build_network_map_fleet(engine, 3, 60)
    context = ConsoleContext(engine, "test")
    widget = NetworkMapView(context)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.dataShown, timeout=20_000):
        widget.load()
    assert len(widget.items) == 3 and len(widget.nodes) == 60
    assert "3 subnet" in widget.status.text() and "27 not inventoried" in widget.status.text()
    context.runner.wait_idle()


def test_one_node_per_host_and_colours_by_state(view: NetworkMapView) -> None:
    assert len(view.items) == SUBNETS and len(view.nodes) == HOSTS
    samples = {
        HostState.ELECTED: _node(view, mac_of(1, 0)),
        HostState.INVENTORIED: _node(view, mac_of(1, 1)),
        HostState.IDENTIFIED: _node(view, mac_of(1, 8)),
        HostState.UNKNOWN: _node(view, mac_of(1, 12)),
    }
    other_type = _node(view, mac_of(1, 9))
    assert other_type.host.device_type != samples[HostState.IDENTIFIED].host.device_type
    colours = {state: view.color_of(node.host) for state, node in samples.items()}
    assert len({c.rgb() for c in [*colours.values(), view.color_of(other_type.host)]}) == 5
    # What is painted at each node's centre is its colour.
    for state, node in [*samples.items(), (HostState.IDENTIFIED, other_type)]:
        view.select(node)
        view.centre_on(node)
        view.zoom_by(8 / view.scale())
        view.graphics.centerOn(node.scene_pos())
        view.marker.hide()
        image = view.graphics.viewport().grab().toImage()
        painted = image.pixelColor(_viewport_point(view, node))
        expected = view.color_of(node.host)
        assert abs(painted.red() - expected.red()) <= 8, state
        assert abs(painted.green() - expected.green()) <= 8, state
        assert abs(painted.blue() - expected.blue()) <= 8, state


def test_search_by_ip_mac_or_name_selects_and_centres(view: NetworkMapView) -> None:
    for query, mac in (
        ("10.20.2.14", mac_of(2, 13)),
        (mac_of(3, 5).upper().replace(":", "-"), mac_of(3, 5)),
        ("PC-01-003", mac_of(1, 3)),
    ):
        assert view.find_host(query), query
        assert view.current is not None and view.current.host.mac == mac
        centre = view.graphics.mapToScene(view.graphics.viewport().rect().center())
        offset = centre - view.current.scene_pos()
        assert abs(offset.x()) < 2 and abs(offset.y()) < 2, query
        assert view.scale() >= 2.0 and view.marker.isVisible()
    assert not view.find_host("no-such-host")
    assert view.current is not None and view.current.host.mac == mac_of(1, 3)
    # "pc-02-00" names ten machines; Enter again goes to the next one.
    assert view.find_host("pc-02-00")
    first = view.current
    assert view.find_host("pc-02-00") and view.current is not first


def test_search_box_and_enter_open_the_host(qtbot: QtBot, view: NetworkMapView) -> None:
    view.search.setText("10.20.0.2")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.current is not None and view.current.host.hardware_id == hardware_id_of(0, 1)
    with qtbot.waitSignal(view.machineRequested) as signal:
        qtbot.keyClick(view.graphics, Qt.Key.Key_Return)
    assert signal.args == [hardware_id_of(0, 1)]


def test_click_opens_a_machine_or_identifies_a_device(qtbot: QtBot, view: NetworkMapView) -> None:
    machine, device, unknown = (_node(view, mac_of(2, j)) for j in (4, 10, 15))
    view.zoom_by(3 / view.scale())
    for node, signal, expected in (
        (machine, view.machineRequested, hardware_id_of(2, 4)),
        (device, view.identifyRequested, mac_of(2, 10)),
        (unknown, view.identifyRequested, mac_of(2, 15)),
    ):
        view.graphics.centerOn(node.scene_pos())
        with qtbot.waitSignal(signal) as caught:
            qtbot.mouseClick(
                view.graphics.viewport(),
                Qt.MouseButton.LeftButton,
                pos=_viewport_point(view, node),
            )
        assert caught.args == [expected]
        assert view.current == node
    # A click on empty canvas asks for nothing.
    with (
        qtbot.assertNotEmitted(view.machineRequested),
        qtbot.assertNotEmitted(view.identifyRequested),
    ):
        qtbot.mouseClick(
            view.graphics.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.graphics.mapFromScene(view.map_rect.topLeft() + QtCore.QPointF(5, 5)),
        )


def test_zoom_keys_buttons_and_fit_change_the_transform(qtbot: QtBot, view: NetworkMapView) -> None:
    fitted = view.scale()
    view.graphics.setFocus()
    qtbot.keyClick(view.graphics, Qt.Key.Key_Plus)
    assert view.scale() == pytest.approx(fitted * 1.25)
    view.zoom_in()
    assert view.scale() == pytest.approx(fitted * 1.25**2)
    qtbot.keyClick(view.graphics, Qt.Key.Key_Minus)
    assert view.scale() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view.graphics, Qt.Key.Key_0)
    assert view.scale() == pytest.approx(fitted)
    whole = view.graphics.mapToScene(view.graphics.viewport().rect()).boundingRect()
    assert whole.contains(view.scene.itemsBoundingRect())
    # The wheel zooms around the mouse; a drag pans and opens nothing.
    viewport = view.graphics.viewport()
    centre = QtCore.QPointF(viewport.rect().center())
    wheel = QtGui.QWheelEvent(
        centre,
        QtCore.QPointF(viewport.mapToGlobal(centre.toPoint())),
        QtCore.QPoint(0, 0),
        QtCore.QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(viewport, wheel)
    assert view.scale() == pytest.approx(fitted * 1.25**2)
    before = view.graphics.mapToScene(viewport.rect().center())
    node = _node(view, mac_of(0, 12))
    start = _viewport_point(view, node)
    with qtbot.assertNotEmitted(view.identifyRequested):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        for step in range(1, 6):
            qtbot.mouseMove(viewport, start + QtCore.QPoint(20 * step, 10 * step))
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QtCore.QPoint(100, 50))
    moved = view.graphics.mapToScene(viewport.rect().center()) - before
    assert abs(moved.x()) > 20 and abs(moved.y()) > 10


def test_tooltip_describes_the_host(view: NetworkMapView) -> None:
    node = _node(view, mac_of(0, 0))
    text = view.describe(node.host)
    assert "pc-00-000" in text and mac_of(0, 0) in text and "10.20.0.1" in text
    assert "forced" in text
    unknown = view.describe(_node(view, mac_of(0, 12)).host)
    assert "Not inventoried" in unknown and "identify" in unknown


def test_png_export_holds_the_whole_map(view: NetworkMapView, tmp_path: Path) -> None:
    path = tmp_path / "map.png"
    view.export_png(path)
    image = QtGui.QImage(str(path))
    assert not image.isNull()
    assert image.width() == round(view.map_rect.width())
    assert image.height() > round(view.map_rect.height())  # and the legend
    red = view.color_of(_node(view, mac_of(0, 12)).host).rgb()
    assert any(
        image.pixel(x, y) == red for x in range(0, image.width(), 2) for y in range(image.height())
    )
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(OSError, match="cannot write"):
        view.export_png(tmp_path / "missing-folder" / "map.png")


def test_svg_export_draws_one_shape_per_host(view: NetworkMapView, tmp_path: Path) -> None:
    path = tmp_path / "map.svg"
    view.export_svg(path)
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    circles = len(list(root.iter(f"{ns}circle")))
    diamonds = len(list(root.iter(f"{ns}polygon")))
    texts = [t.text or "" for t in root.iter(f"{ns}text")]
    states = [n.host.state for n in view.nodes]
    elected, unknown = states.count(HostState.ELECTED), states.count(HostState.UNKNOWN)
    legend = len(view.legend_entries())
    # Non-scanners are discs, unknown hosts also get a halo; one area per subnet; the legend.
    assert circles == (HOSTS - elected) + unknown + SUBNETS + legend
    assert diamonds == elected == 2 * SUBNETS
    for subnet in view.data.subnets:
        assert f"{subnet.name} · {subnet.netid}/24" in texts and subnet.netid in texts
    assert "18 not inventoried" in texts
    assert "Not inventoried" in texts
    with pytest.raises(OSError, match="cannot write"):
        view.export_svg(tmp_path / "missing-folder" / "map.svg")
