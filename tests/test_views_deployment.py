"""The package wizard and the Deployment page, driven offscreen on real databases.

Files are dropped on the wizard as a file manager would (file URLs in a ``QDropEvent``),
the package is built by the real core in the worker, and what lands on disk and in the
database is checked independently: the info file parsed, the MD5 of the concatenated
fragments, the archive opened, ``download_available`` read with plain SQL. The page's
counts and chart are compared with ``devices`` rows counted in SQL (SQLite and MariaDB).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tarfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet.groups import add_members, create_static_group
from ocs_desktop.packager.activation import activate
from ocs_desktop.packager.assignment import assign
from ocs_desktop.packager.build import build_package, record_package
from ocs_desktop.packager.built import BuiltPackage
from ocs_desktop.packager.fragments import MIB, plan_fragments
from ocs_desktop.packager.info_file import parse_info
from ocs_desktop.packager.spec import SPEC_FIELDS, PackageSpec
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.files import DropZone, file_urls
from ocs_desktop.views.deployment.options_page import priority_explanation
from ocs_desktop.views.deployment.page import DeploymentPage
from ocs_desktop.views.deployment.settings import PACKAGE_STORE
from ocs_desktop.views.deployment.status_panel import CSV_HEADER
from ocs_desktop.views.deployment.wizard import (
    BUILD_PAGE,
    OPTIONS_PAGE,
    PACKAGE_PAGE,
    TARGETS_PAGE,
    PackageWizard,
)
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from ocs_desktop.views.settings import QUICK_FILTER_DELAY, Settings
from ocs_desktop.views.widgets.mime import encode_ids
from tests.support.console_context import checked_context
from tests.support.console_fleet import FleetFacts

NEXT = QtWidgets.QWizard.WizardButton.NextButton
ROOT = QtCore.QModelIndex()


def make_settings(tmp_path: Path) -> Settings:
    """In ``settings.ini``, which the upload test reads back."""
    store = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.set(PACKAGE_STORE, str(tmp_path / "store"))
    settings.set(QUICK_FILTER_DELAY, 0)
    return settings


@pytest.fixture
def context(engine: Engine, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    with checked_context(engine, "test", make_settings(tmp_path)) as context:
        yield context


@pytest.fixture
def fleet_context(
    fleet: tuple[Engine, FleetFacts], tmp_path: Path, qtbot: QtBot
) -> Iterator[ConsoleContext]:
    with checked_context(fleet[0], "test", make_settings(tmp_path)) as context:
        yield context


def settle(context: ConsoleContext) -> None:
    assert context.runner.wait_idle(30_000), "background tasks did not finish"


def payload(root: Path) -> dict[str, bytes]:
    """A script, a folder with a binary and a name with odd characters; arcname → bytes."""
    files = {
        "install.sh": b"#!/bin/sh\necho installed > /tmp/marker\n",
        "data/blob.bin": hashlib.sha256(b"seed").digest() * 9000,
        "data/sub/note d'été.txt": "déployé\n".encode(),
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return files


def bytes_under(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        for folder, _dirs, names in os.walk(path):
            total += sum((Path(folder) / n).stat().st_size for n in names)
    return total


def drop_on(widget: QtWidgets.QWidget, paths: list[Path]) -> QtGui.QDropEvent:
    """Drag ``paths`` over ``widget`` and drop them, as a file manager does."""
    data = file_urls(paths)
    # Qt's drag-enter event takes an integer point, its drop event a float one.
    point = QtCore.QPointF(widget.rect().center())
    enter = QtGui.QDragEnterEvent(
        widget.rect().center(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(
        point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    widget.dropEvent(drop)
    return drop


def available_row(engine: Engine, fileid: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT NAME, PRIORITY, FRAGMENTS, SIZE, OSNAME, DELETED "
                "FROM download_available WHERE FILEID = :f"
            ),
            {"f": fileid},
        ).first()


def status_counts(engine: Engine, fileid: str) -> dict[str, int]:
    """Machines per status of the package, counted in SQL (NULL is WAITING)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT COALESCE(d.TVALUE, 'WAITING'), COUNT(*) FROM devices d "
                "JOIN download_enable e ON e.ID = d.IVALUE "
                "JOIN hardware h ON h.ID = d.HARDWARE_ID "
                "WHERE d.NAME = 'DOWNLOAD' AND e.FILEID = :f AND h.DEVICEID <> '_SYSTEMGROUP_' "
                "GROUP BY COALESCE(d.TVALUE, 'WAITING')"
            ),
            {"f": fileid},
        )
        return {str(status): int(count) for status, count in rows}


def device_status(engine: Engine, hardware_id: int, fileid: str) -> list[Any]:
    with engine.connect() as conn:
        return [
            row[0]
            for row in conn.execute(
                text(
                    "SELECT d.TVALUE FROM devices d JOIN download_enable e ON e.ID = d.IVALUE "
                    "WHERE d.NAME = 'DOWNLOAD' AND d.HARDWARE_ID = :h AND e.FILEID = :f"
                ),
                {"h": hardware_id, "f": fileid},
            )
        ]


def new_wizard(qtbot: QtBot, context: ConsoleContext, **kwargs: Any) -> PackageWizard:
    wizard = PackageWizard(context, **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    settle(context)
    return wizard


# --- the wizard -----------------------------------------------------------------------------


def test_the_drop_zone_takes_local_paths_as_a_copy_and_lights_up_meanwhile(
    qtbot: QtBot, tmp_path: Path
) -> None:
    zone = DropZone()
    qtbot.addWidget(zone)
    dropped: list[list[Path]] = []
    zone.pathsDropped.connect(dropped.append)
    center = zone.rect().center()
    remote = QtCore.QMimeData()
    remote.setUrls([QtCore.QUrl("https://example.org/setup.exe")])
    refused = QtGui.QDragEnterEvent(
        center, Qt.DropAction.CopyAction, remote, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    zone.dragEnterEvent(refused)
    assert not refused.isAccepted()
    idle = zone.styleSheet()

    local = file_urls([tmp_path / "setup.sh", tmp_path / "data"])
    both = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    moving = QtGui.QDragEnterEvent(
        center, both, local, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    assert moving.proposedAction() == Qt.DropAction.MoveAction  # Shift: a file manager's move
    zone.dragEnterEvent(moving)
    assert moving.isAccepted()
    assert moving.dropAction() == Qt.DropAction.CopyAction  # never a move: sources stay
    assert zone.styleSheet() != idle  # the border shows the drop would be taken
    drop = QtGui.QDropEvent(
        QtCore.QPointF(center), both, local, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    zone.dropEvent(drop)
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    assert zone.styleSheet() == idle
    assert dropped == [[(tmp_path / "setup.sh").resolve(), (tmp_path / "data").resolve()]]


def test_wizard_builds_dropped_files(
    qtbot: QtBot, qtmodeltester: Any, context: ConsoleContext, engine: Engine, tmp_path: Path
) -> None:
    source = tmp_path / "source"
    files = payload(source)
    (tmp_path / "README.txt").write_bytes(b"read me\n")
    wizard = new_wizard(qtbot, context)
    assert not wizard.button(NEXT).isEnabled()  # nothing chosen yet

    drop = drop_on(wizard.files_page.drop_zone, [source / "install.sh", source / "data"])
    assert drop.isAccepted()
    model = wizard.files_page.model
    # The list itself takes drops too, through dropMimeData.
    assert model.dropMimeData(
        file_urls([tmp_path / "README.txt"]), Qt.DropAction.CopyAction, -1, -1, ROOT
    )
    qtbot.waitUntil(lambda: model.total_size() is not None, timeout=10_000)
    chosen = [source / "install.sh", source / "data", tmp_path / "README.txt"]
    assert model.paths() == chosen
    assert model.total_size() == bytes_under(chosen)
    qtmodeltester.check(model)
    assert wizard.button(NEXT).isEnabled()

    wizard.next()
    assert wizard.currentId() == PACKAGE_PAGE
    assert wizard.package_page.name.text() == "install.sh"  # proposed from the first file
    wizard.set_spec_fields(name="Marker", os="linux", action="execute", order="")
    assert not wizard.button(NEXT).isEnabled()  # an execute package needs its command
    assert "command" in wizard.package_page.problems.text()
    wizard.set_spec_fields(order="sh install.sh")
    assert wizard.button(NEXT).isEnabled()

    wizard.next()
    assert wizard.currentId() == OPTIONS_PAGE
    wizard.set_spec_fields(priority=7, fragments=3)
    options = wizard.options_page
    assert options.priority_text.text() == priority_explanation(7, 10)
    assert options.preview_sizes() == plan_fragments(model.total_size() or 0, count=3)
    assert "3" in options.preview.text()

    wizard.next()
    assert wizard.currentId() == BUILD_PAGE
    assert not wizard.button(NEXT).isEnabled()  # commit page: build first
    with qtbot.waitSignal(wizard.packageBuilt, timeout=60_000) as built_signal:
        wizard.build_page.build_button.click()
    built: BuiltPackage = built_signal.args[0]
    assert wizard.built_package() == built
    assert wizard.build_page.fileid.text() == built.fileid
    assert wizard.button(NEXT).isEnabled()

    store = tmp_path / "store"
    assert sorted(p.name for p in store.iterdir()) == [built.fileid]
    folder = store / built.fileid
    info = parse_info((folder / "info").read_bytes())
    assert info.fileid == built.fileid
    assert info.attributes["ACT"] == "EXECUTE"
    assert info.attributes["PRI"] == "7"
    assert info.attributes["FRAGS"] == "3"
    assert info.values["command"] == "sh install.sh"
    fragments = [folder / f"{built.fileid}-{i}" for i in (1, 2, 3)]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["info", *(p.name for p in fragments)]
    )
    whole = b"".join(p.read_bytes() for p in fragments)
    assert info.digest == hashlib.md5(whole).hexdigest() == built.digest
    with tarfile.open(fileobj=io.BytesIO(whole), mode="r:gz") as archive:
        names = archive.getnames()
        for name, content in files.items():
            member = archive.extractfile(name)
            assert member is not None and member.read() == content
        readme = archive.extractfile("README.txt")
        assert readme is not None and readme.read() == b"read me\n"
    assert "data" in names and "data/sub" in names

    row = available_row(engine, built.fileid)
    assert row is not None
    assert (row[0], int(row[1]), int(row[2]), int(row[3]), row[4], int(row[5] or 0)) == (
        "Marker", 7, 3, len(whole), "LINUX", 0,
    )  # fmt: skip


@pytest.mark.parametrize("when", ["at once", "while archiving", "once cut"])
def test_cancelled_build_leaves_nothing(
    qtbot: QtBot, context: ConsoleContext, engine: Engine, tmp_path: Path, when: str
) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as out:  # incompressible, so archiving takes a while
        for _ in range(24):
            out.write(os.urandom(1 << 20))
    wizard = new_wizard(qtbot, context)
    wizard.add_paths([big])
    wizard.set_spec_fields(name="Cancelled", os="linux", action="store", order="/opt/x")
    with qtbot.waitSignal(wizard.buildCancelled, timeout=60_000):
        task = wizard.build()
        assert task is not None
        if when == "at once":
            wizard.cancel_build()
        elif when == "while archiving":
            task.progress.connect(lambda done, total: wizard.cancel_build())
        else:  # at the very end: maybe after the row was committed, which is undone
            task.progress.connect(lambda done, total: done >= total and wizard.cancel_build())
    settle(context)
    assert wizard.built_package() is None
    store = tmp_path / "store"
    assert not store.exists() or list(store.iterdir()) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM download_available")).scalar() == 0
    assert wizard.build_page.build_button.isEnabled()  # a new attempt is possible


def test_wizard_binds_every_declared_field(qtbot: QtBot, context: ConsoleContext) -> None:
    wizard = new_wizard(qtbot, context)
    expected = PackageSpec(
        name="All", os="macos", action="store", path="/opt/all", priority=2,
        fragment_size=3 * MIB, proto="https", notify_user=True, notify_text="before",
        notify_countdown=12, notify_can_abort=True, notify_can_delay=True,
        need_done_action=True, done_action_text="after", description="every field",
    )  # fmt: skip
    given = {f.name: getattr(expected, f.name) for f in SPEC_FIELDS if f.implied_by is None}
    wizard.set_spec_fields(**given)  # the texts turn their switches on
    assert wizard.spec() == expected
    # A switch turned off leaves its fields at their defaults.
    wizard.options_page.notify.setChecked(False)
    assert wizard.spec() == replace(
        expected, notify_user=False, notify_text="", notify_countdown=0,
        notify_can_abort=False, notify_can_delay=False,
    )  # fmt: skip
    # Each action keeps its own argument; only the chosen action's one is the package's.
    wizard.set_spec_fields(action="execute", command="sh run.sh", fragments=0)
    spec = wizard.spec()
    assert (spec.command, spec.path, spec.fragments, spec.fragment_size) == (
        "sh run.sh", "", None, None,
    )  # fmt: skip
    wizard.set_spec_fields(action="store")
    assert (wizard.spec().command, wizard.spec().path) == ("", "/opt/all")
    with pytest.raises(TypeError, match="not package fields"):
        wizard.set_spec_fields(colour="blue")


def test_command_only_package_activated_and_assigned_through_the_wizard(
    qtbot: QtBot,
    qtmodeltester: Any,
    fleet: tuple[Engine, FleetFacts],
    fleet_context: ConsoleContext,
    tmp_path: Path,
) -> None:
    engine, facts = fleet
    context = fleet_context
    machine = facts.ids_by_name["vm"]
    member = next(i for n, i in facts.ids_by_name.items() if n != "vm")
    with engine.begin() as conn:
        group = create_static_group(conn, "Deploy here")
        add_members(conn, group, [member])
    wizard = new_wizard(qtbot, context, preselected_ids=[machine])
    wizard.use_no_file()
    wizard.next()
    wizard.set_spec_fields(name="Just a command", os="linux", action="execute", order="true")
    assert not wizard.package_page.action_buttons.buttons()[1].isEnabled()  # no store
    wizard.next()
    wizard.next()
    with qtbot.waitSignal(wizard.packageBuilt, timeout=30_000) as built_signal:
        wizard.build()
    built: BuiltPackage = built_signal.args[0]
    assert built.fragment_count == 0
    assert parse_info(built.info_path.read_bytes()).attributes["FRAGS"] == "0"

    wizard.next()
    form = wizard.activate_form
    form.info_loc.setText("localhost:8443/download")
    form.pack_loc.setText("localhost:8443/download")
    # An upload that cannot reach its server: a clear failure, and the password not kept.
    form.set_mode("upload")
    form.upload_url.setText("https://127.0.0.1:9")
    form.operator.setText("deployer")
    form.password.setText("pw-never-kept")
    assert form.activate() is not None
    qtbot.waitUntil(lambda: not form.is_busy(), timeout=30_000)
    assert form.enable_id is None and "Not activated" in form.result.text()
    context.settings.sync()
    ini = (tmp_path / "settings.ini").read_text()
    assert "deployer" in ini and "pw-never-kept" not in ini

    download = tmp_path / "download"
    download.mkdir()
    form.set_mode("folder")
    form.download_dir.setText(str(download))
    form.check_urls.setChecked(False)  # no server in this test
    with qtbot.waitSignal(form.activated, timeout=30_000) as activated:
        assert form.activate() is not None
    enable_id = activated.args[0]
    assert (download / built.fileid / "info").read_bytes() == built.info_path.read_bytes()
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT FILEID, INFO_LOC, PACK_LOC FROM download_enable WHERE ID = :i"),
            {"i": enable_id},
        ).first()
    assert tuple(row or ()) == (built.fileid, "localhost:8443/download", "localhost:8443/download")

    wizard.next()
    assert wizard.currentId() == TARGETS_PAGE
    settle(context)
    targets = wizard.targets_form
    qtmodeltester.check(targets.machines)
    qtmodeltester.check(targets.groups)
    # The preselected machine is listed and checked; the group is offered.
    assert [m.id for m in targets.machines.machines()] == [machine]
    assert targets.machines.checked_ids() == [machine]
    assert group in [g.id for g in targets.groups.groups()]
    targets.groups.setData(
        targets.groups.index([g.id for g in targets.groups.groups()].index(group), 0),
        Qt.CheckState.Checked,
        Qt.ItemDataRole.CheckStateRole,
    )
    with qtbot.waitSignal(targets.assigned, timeout=30_000):
        assert targets.assign() is not None
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT HARDWARE_ID, TVALUE FROM devices WHERE NAME = 'DOWNLOAD' AND IVALUE = :i"),
            {"i": enable_id},
        ).all()
    assert sorted((int(h), t) for h, t in rows) == sorted([(machine, None), (group, None)])


# --- the deployment page --------------------------------------------------------------------


def test_page_counts_chart_filter_retry_export_delete(
    qtbot: QtBot,
    qtmodeltester: Any,
    fleet: tuple[Engine, FleetFacts],
    fleet_context: ConsoleContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine, facts = fleet
    context = fleet_context
    store = tmp_path / "store"
    (tmp_path / "tool.sh").write_bytes(b"echo tool\n" * 500)
    spec = PackageSpec(name="Tool", os="linux", action="execute", command="sh tool.sh",
                       fragments=2, priority=3)  # fmt: skip
    built = build_package(spec, [tmp_path / "tool.sh"], store)
    first, second, third = (facts.ids_by_name[n] for n in sorted(facts.ids_by_name)[:3])
    with engine.begin() as conn:
        record_package(conn, built)
        activate(conn, built.fileid, "srv/download", "srv/download")
        assign(conn, built.fileid, [first, second])
    fileid = built.fileid

    page = DeploymentPage(context)
    qtbot.addWidget(page)
    settle(context)
    qtmodeltester.check(page.model)
    row = page.model.row_of(fileid)
    assert row >= 0 and page.current_fileid() == fileid
    summary = page.model.package(row)
    assert (summary.name, summary.fragments, summary.priority, summary.activated) == (
        "Tool", 2, 3, True,
    )  # fmt: skip
    waiting_column = page.model.COLUMNS.index("waiting")
    expected = status_counts(engine, fileid)
    assert expected == {"WAITING": 2}
    assert page.model.index(row, waiting_column).data() == "2"
    assert dict(zip(page.chart.statuses, page.chart.counts, strict=True)) == expected
    qtmodeltester.check(page.statuses)

    with engine.begin() as conn:
        for hid, value in ((first, "ERR_BAD_DIGEST"), (second, "SUCCESS")):
            conn.execute(
                text("UPDATE devices SET TVALUE = :v WHERE HARDWARE_ID = :h AND NAME = 'DOWNLOAD'"),
                {"v": value, "h": hid},
            )
    page.refresh()
    settle(context)
    expected = status_counts(engine, fileid)
    assert expected == {"ERR_BAD_DIGEST": 1, "SUCCESS": 1}
    assert dict(zip(page.chart.statuses, page.chart.counts, strict=True)) == expected
    row = page.model.row_of(fileid)
    errors_column = page.model.COLUMNS.index("errors")
    assert page.model.index(row, errors_column).data() == "1"
    assert page.retry_action.isEnabled()
    qtmodeltester.check(page.statuses)

    # Clicking the error bar lists the failed machine only; clicking it again shows all.
    page.chart.barClicked.emit(page.chart.statuses.index("ERR_BAD_DIGEST"))
    assert [s.hardware_id for s in page.statuses.states()] == [first]
    assert page.status_filter.currentData() == "ERR_BAD_DIGEST"
    target = tmp_path / "status.csv"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines[0] == list(CSV_HEADER)
    assert [(line[0], int(line[1]), line[3]) for line in lines[1:]] == [
        (fileid, first, "ERR_BAD_DIGEST")
    ]
    page.chart.barClicked.emit(page.chart.statuses.index("ERR_BAD_DIGEST"))
    assert len(page.statuses.states()) == 2

    page.retry_failed()
    settle(context)
    assert device_status(engine, first, fileid) == [None]
    assert device_status(engine, second, fileid) == ["SUCCESS"]
    expected = status_counts(engine, fileid)
    assert dict(zip(page.chart.statuses, page.chart.counts, strict=True)) == expected

    # Machines dragged from the machines list onto the package are assigned to it.
    assert page.model.dropMimeData(
        encode_ids([third]), Qt.DropAction.CopyAction, -1, -1, page.model.index(row, 0)
    )
    settle(context)
    assert device_status(engine, third, fileid) == [None]
    assert status_counts(engine, fileid) == dict(
        zip(page.chart.statuses, page.chart.counts, strict=True)
    )

    page.unassign([third], [])
    settle(context)
    assert device_status(engine, third, fileid) == []

    # Assign… opens the targets form on the package, with the given machines checked.
    form = page.ask_assign([third])
    assert form is not None and page.dialog is not None
    settle(context)
    assert form.machines.checked_ids() == [third]
    with qtbot.waitSignal(form.assigned, timeout=10_000):
        form.assign()
    settle(context)
    assert device_status(engine, third, fileid) == [None]
    page.dialog.reject()

    monkeypatch.setattr(
        QtWidgets.QMessageBox, "question", lambda *a: QtWidgets.QMessageBox.StandardButton.Yes
    )
    page.ask_delete()
    settle(context)
    with engine.connect() as conn:
        deleted = conn.execute(
            text("SELECT DELETED FROM download_available WHERE FILEID = :f"), {"f": fileid}
        ).scalar()
        enables = conn.execute(
            text("SELECT COUNT(*) FROM download_enable WHERE FILEID = :f"), {"f": fileid}
        ).scalar()
    assert (int(deleted or 0), enables) == (1, 0)
    assert not (store / fileid).exists()
    assert page.model.row_of(fileid) == -1


def test_new_package_from_the_page_appears_in_the_list(
    qtbot: QtBot, context: ConsoleContext, engine: Engine, tmp_path: Path
) -> None:
    page = DeploymentPage(context)
    qtbot.addWidget(page)
    settle(context)
    assert page.model.rowCount() == 0
    wizard = page.new_package()
    settle(context)
    wizard.use_no_file()
    wizard.set_spec_fields(name="From the page", os="windows", action="execute", order="cmd /c ver")
    with qtbot.waitSignal(wizard.packageBuilt, timeout=30_000) as built:
        wizard.build()
    settle(context)
    fileid = built.args[0].fileid
    assert page.current_fileid() == fileid
    assert page.model.package(page.model.row_of(fileid)).osname == "WINDOWS"
    assert available_row(engine, fileid)[4] == "WINDOWS"


def test_priority_explanation_follows_the_agents_scheduler() -> None:
    assert "no other package" in priority_explanation(0)
    assert "every download cycle" in priority_explanation(1)
    assert "every 4 download cycles (2 per period of 10)" in priority_explanation(4)
    assert "never" in priority_explanation(9, period_length=5)
