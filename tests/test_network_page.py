"""The Network page, offscreen through the real worker, on a SQLite fleet built through the
real ingestion path: the counts and lists of PROTOCOL.md 4.5, every action from the page
and its dialogs, the CSV export, the map tab's requests, and French messages."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.network_actions import Election
from ocs_desktop.fleet.network_hosts import HostKind
from ocs_desktop.fleet.network_input import NetworkInputError
from ocs_desktop.views import i18n
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_identify_dialog import IdentifyDialog, network_error_text
from ocs_desktop.views.fleet.network_models import HUNT_COLOR, SubnetsModel
from ocs_desktop.views.fleet.network_page import KINDS, NetworkPage
from ocs_desktop.views.fleet.network_subnet_dialogs import NameSubnetDialog, SubnetBlacklistDialog
from ocs_desktop.views.fleet.network_types_dialog import DeviceTypesDialog
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from tests.support import ocs_ipdiscover_queries as ocs
from tests.support.console_context import console_settings
from tests.support.ipdiscover import elections
from tests.support.network_page_fleet import (
    MASK,
    PRINTER,
    UNKNOWN_A,
    A,
    B,
    NetworkFleet,
    build_network_fleet,
)
from tests.test_screenshots import distinct_colours

WAIT = 20_000


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[tuple[Engine, NetworkFleet]]:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    yield engine, build_network_fleet(engine)
    engine.dispose()


@pytest.fixture
def context(
    qtbot: QtBot, fleet: tuple[Engine, NetworkFleet], tmp_path: Path
) -> Iterator[ConsoleContext]:
    context = ConsoleContext(fleet[0], "network under test", console_settings(tmp_path))
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(WAIT)


@pytest.fixture
def page(qtbot: QtBot, context: ConsoleContext) -> NetworkPage:
    page = NetworkPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitSignal(page.hostsLoaded, timeout=WAIT):
        page.show()
    return page


def settle(page: NetworkPage) -> None:
    assert page.context.runner.wait_idle(WAIT)


def _counts(page: NetworkPage) -> dict[str, tuple[int, int, int, int]]:
    return {
        s.netid: (s.inventoried, s.non_inventoried, s.identified, s.elected)
        for s in page.subnets.summaries()
    }


def _cell(model: QtCore.QAbstractItemModel, row: int, column: int, role: int) -> object:
    return model.data(model.index(row, column), role)


def test_subnets_counts_and_lists(page: NetworkPage, fleet: tuple[Engine, NetworkFleet]) -> None:
    assert _counts(page) == NetworkFleet.counts
    column = SubnetsModel.COLUMNS.index("non_inventoried")
    brush = _cell(page.subnets, 0, column, Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == HUNT_COLOR  # type: ignore[attr-defined]
    assert _cell(page.subnets, 0, 0, Qt.ItemDataRole.DisplayRole) == "Head office"
    assert page.subnet_view.isColumnHidden(SubnetsModel.COLUMNS.index("tag"))
    assert page.current_subnet().netid == A  # type: ignore[union-attr]
    lists = {kind: [getattr(h, "mac", None) for h in page.models[kind].hosts()] for kind in KINDS}
    assert lists[HostKind.NON_INVENTORIED] == list(UNKNOWN_A)
    assert lists[HostKind.IDENTIFIED] == [PRINTER]
    assert page.lists.tabText(0).endswith("(3)") and page.lists.tabText(3).endswith("(1)")
    page.select_subnet(B)
    settle(page)
    assert [h.hardware_id for h in page.models[HostKind.ELECTED].hosts()] == [fleet[1].ids["pc-b1"]]
    assert _cell(page.models[HostKind.ELECTED], 0, 2, Qt.ItemDataRole.DisplayRole) == "forced"


def test_identify_from_the_page_and_the_dialog(
    qtbot: QtBot, page: NetworkPage, fleet: tuple[Engine, NetworkFleet]
) -> None:
    engine = fleet[0]
    dialog = IdentifyDialog(UNKNOWN_A[0], ["Printer", "Switch"], user="alice")
    qtbot.addWidget(dialog)
    dialog.type_box.setCurrentText("Switch")
    dialog.accept()  # no description yet: refused in place
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert not dialog.message.isHidden() and "description" in dialog.message.text()
    dialog.description.setText("Core switch")
    dialog.accept()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    with qtbot.waitSignal(page.hostsLoaded, timeout=WAIT):
        page.identify(UNKNOWN_A[0], *dialog.values())
    settle(page)
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.IDENTIFICATION, mac=UNKNOWN_A[0]) == [
            ("Core switch", "Switch", UNKNOWN_A[0], "alice")
        ]
    assert _counts(page)[A] == (2, 2, 2, 1)
    assert page.lists.tabText(1).endswith("(2)")


def test_refusals_are_shown_in_the_operators_words(qtbot: QtBot, page: NetworkPage) -> None:
    errors: list[str] = []
    page.context.error.connect(errors.append)
    with qtbot.waitSignal(page.message, timeout=WAIT) as said:
        page.identify("nonsense", "Printer", "x", "u")
    assert "not a MAC address" in said.args[0] and errors == said.args


def test_elections_from_the_context_menu(
    qtbot: QtBot, page: NetworkPage, fleet: tuple[Engine, NetworkFleet]
) -> None:
    engine, built = fleet
    a2 = built.ids["pc-a2"]  # forbidden by the fleet
    assert page.select_host(HostKind.INVENTORIED, lambda h: h.hardware_id == a2)
    items = dict(page.host_actions(HostKind.INVENTORIED))
    assert set(items) == {
        "Open the machine",
        "Force it to scan this subnet",
        "Never let it scan",
        "Let the server decide",
    }
    with qtbot.waitSignal(page.hostsLoaded, timeout=WAIT):
        items["Force it to scan this subnet"]()
    settle(page)
    assert elections(engine)[built.ids["pc-a2"]] == (2, A)
    assert _counts(page)[A][3] == 2
    assert page.select_host(HostKind.ELECTED, lambda h: h.hardware_id == a2)
    assert "Let the server decide" in dict(page.host_actions(HostKind.ELECTED))
    with qtbot.waitSignal(page.context.openMachine, timeout=WAIT) as opened:
        dict(page.host_actions(HostKind.ELECTED))["Open the machine"]()
    assert opened.args == [built.ids["pc-a2"]]
    with qtbot.waitSignal(page.message, timeout=WAIT):
        page.elect(built.ids["pc-a2"], Election.RELEASE)
    settle(page)
    assert built.ids["pc-a2"] not in elections(engine)


def test_delete_name_blacklist_purge(
    qtbot: QtBot, page: NetworkPage, fleet: tuple[Engine, NetworkFleet]
) -> None:
    engine = fleet[0]
    view = page.views[HostKind.NON_INVENTORIED]
    view.selectRow(0)
    view.selectionModel().select(
        view.model().index(1, 0),
        QtCore.QItemSelectionModel.SelectionFlag.Select
        | QtCore.QItemSelectionModel.SelectionFlag.Rows,
    )
    items = dict(page.host_actions(HostKind.NON_INVENTORIED))
    assert "Identify…" in items and "Delete 2 host(s)" in items
    with qtbot.waitSignal(page.hostsLoaded, timeout=WAIT):
        page.delete_hosts([h.mac for h in page.selected_hosts(HostKind.NON_INVENTORIED)])
    settle(page)
    assert _counts(page)[A] == (2, 1, 1, 1)

    dialog = NameSubnetDialog(A, name="Head office", mask="255.255.0.0")
    qtbot.addWidget(dialog)
    dialog.accept()  # 10.1.0.0 is a /16 network too, so this mask is accepted
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    dialog.mask_edit.setText("255.255.255.7")
    dialog.accept()
    assert "not a network mask" in dialog.message.text()
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.name_subnet("HQ", MASK)
    settle(page)
    assert page.current_subnet().name == "HQ"  # type: ignore[union-attr]

    with qtbot.waitSignal(page.message, timeout=WAIT):
        page.blacklist_current()
    settle(page)
    with engine.connect() as conn:
        assert conn.scalar(text(ocs.BLACKLISTED), {"subnet": A, "mask": MASK}) == 1
    listing = SubnetBlacklistDialog(page.context)
    qtbot.addWidget(listing)
    settle(page)
    assert [(e.subnet, e.mask) for e in listing.entries()] == [(A, MASK)]
    listing.list.setCurrentRow(0)
    with qtbot.waitSignal(listing.loaded, timeout=WAIT):
        listing.remove_selected()
    settle(page)
    assert listing.entries() == []

    with engine.begin() as conn:
        conn.execute(
            text("UPDATE netmap SET DATE = '2001-01-01 00:00:00' WHERE NETID = :b"), {"b": B}
        )
    with qtbot.waitSignal(page.message, timeout=WAIT) as said:
        page.purge(30)
    settle(page)
    assert said.args == ["2 old host(s) purged"]
    assert _counts(page)[B] == (1, 0, 0, 1)


def test_device_types_dialog(qtbot: QtBot, page: NetworkPage) -> None:
    dialog = DeviceTypesDialog(page.context)
    qtbot.addWidget(dialog)
    settle(page)
    assert dialog.names() == ["Printer", "Switch"]
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.add("Camera")
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.rename("Printer", "Laser")
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.delete("Laser")  # in use: refused
    assert dialog.names() == ["Camera", "Laser", "Switch"]
    assert "identified device" in dialog.message.text()
    settle(page)
    assert [h.type for h in page.models[HostKind.IDENTIFIED].hosts()] == ["Laser"]


def test_csv_export_of_the_list_shown(page: NetworkPage, tmp_path: Path) -> None:
    target = tmp_path / "hosts.csv"
    page.lists.setCurrentIndex(0)
    page.export_csv(target)
    settle(page)
    with target.open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["mac"] for r in rows] == list(UNKNOWN_A)
    assert not (tmp_path / "hosts.csv.part").exists()


def test_map_tab_requests_open_the_machine_or_identify(
    qtbot: QtBot, page: NetworkPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = page.ensure_map()
    assert page.ensure_map() is view
    requested: list[str] = []
    monkeypatch.setattr(page, "ask_identify", requested.append)
    view.identifyRequested.emit(PRINTER)  # type: ignore[attr-defined]
    assert requested == [PRINTER]
    with qtbot.waitSignal(page.context.openMachine, timeout=WAIT) as opened:
        view.machineRequested.emit(42)  # type: ignore[attr-defined]
    assert opened.args == [42]
    settle(page)


def test_core_refusals_in_french(qtbot: QtBot) -> None:
    app = QtWidgets.QApplication.instance()
    assert app is not None
    i18n.install_translators("fr", app)
    try:
        refusal = NetworkInputError("empty", field="description")
        assert network_error_text(refusal) == "la description ne peut pas être vide"
        page_title = QtCore.QCoreApplication.translate("NetworkPage", "Subnets")
        assert page_title == "Sous-réseaux"
    finally:
        i18n.remove_translators(app)


def test_screenshots_show_example_discovery_from_a_copy(
    tmp_path: Path, qapp: QtWidgets.QApplication
) -> None:
    """A database without IP discovery results: the Network picture shows example results
    written to a scratch copy; the database itself is never written."""
    from ocs_desktop.fleet.network_example import stage_example_discovery
    from ocs_desktop.fleet.network_subnets import subnet_summaries
    from ocs_desktop.inventory.ingest import Ingestor
    from ocs_desktop.views.screenshots import render_screenshots
    from tests.support.ipdiscover import ingest, inventory_body, lan

    path = tmp_path / "plain.sqlite"
    engine = create_engine_for(normalize_url(str(path)))
    init_database(engine)
    ingestor = Ingestor(engine)
    for name, subnet in (("web-01", A), ("web-02", A), ("lab-01", B)):
        ingest(ingestor, inventory_body(name, (lan(subnet),)))
    engine.dispose()
    before = path.read_bytes()
    (shot,) = render_screenshots(str(path), tmp_path / "out", views=("network",), size=(1024, 768))
    assert path.read_bytes() == before
    image = QtGui.QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 768) and distinct_colours(image) > 200

    with engine.begin() as conn:  # what the copy got, staged here on the database itself
        assert stage_example_discovery(conn, hosts_per_subnet=4) == 8
        summaries = subnet_summaries(conn)
    assert [
        (s.netid, s.inventoried, s.non_inventoried, s.identified, s.elected) for s in summaries
    ] == [
        (A, 2, 3, 1, 1),
        (B, 1, 3, 1, 1),
    ]
    assert summaries[0].name == "Head office"
    engine.dispose()


def test_scan_now_opens_on_the_selected_subnet(qtbot: QtBot, page: NetworkPage) -> None:
    from ocs_desktop.views.fleet.network_scan_dialog import NetworkScanDialog

    assert page.scan_action.isVisible()
    dialog = page.ask_scan()
    assert isinstance(dialog, NetworkScanDialog)
    qtbot.addWidget(dialog)
    listed = [dialog.subnets.item(i).text() for i in range(dialog.subnets.count())]
    assert any(A in text for text in listed) and any(B in text for text in listed)
    dialog.reject()
