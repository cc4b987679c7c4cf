"""The Registry queries, Label and Files for agents tabs: real widgets offscreen, real
databases (SQLite and MariaDB) read back after each action."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from ocs_desktop.fleet.agent_files import list_files
from ocs_desktop.fleet.label import read_label
from ocs_desktop.fleet.registry_queries import add_query, list_queries
from ocs_desktop.views.admin.agent_files_tab import AgentFilesTab
from ocs_desktop.views.admin.label_tab import LabelTab
from ocs_desktop.views.admin.page import AdministrationPage
from ocs_desktop.views.admin.registry_tab import RegistryTab
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtGui, QtWidgets
from tests.support.builders import count
from tests.support.server_helpers import client_for, set_config
from tests.test_views_deployment import make_settings

YES = QtWidgets.QMessageBox.StandardButton.Yes


@pytest.fixture
def context(engine: Engine, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    context = ConsoleContext(engine, "test", make_settings(tmp_path))
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(20_000)


_PAGES: list[AdministrationPage] = []  # kept alive for the test's duration


def _tab(context: ConsoleContext, qtbot: QtBot, key: str) -> QtWidgets.QWidget:
    page = AdministrationPage(context)
    qtbot.addWidget(page)
    _PAGES[:] = [page]
    tab = page.tab(key)
    qtbot.waitUntil(lambda: not context.runner.active_count(), timeout=20_000)
    return tab


def _idle(context: ConsoleContext, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not context.runner.active_count(), timeout=20_000)


# -- registry ----------------------------------------------------------------------------
def test_registry_tab_add_edit_delete(
    context: ConsoleContext, engine: Engine, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_config(engine, "REGISTRY", 0)
    tab = _tab(context, qtbot, "registry")
    assert isinstance(tab, RegistryTab)
    assert not tab.off_warning.isHidden()
    qtbot.keyClicks(tab.name_edit, "AppVersion")
    qtbot.keyClicks(tab.key_edit, "HKEY_LOCAL_MACHINE\\SOFTWARE\\App")
    qtbot.keyClicks(tab.value_edit, "Version")
    tab.add_button.click()
    _idle(context, qtbot)
    assert "without its hive" in tab.message.text()
    assert count(engine, "regconfig") == 0
    tab.key_edit.clear()
    qtbot.keyClicks(tab.key_edit, "SOFTWARE\\App")
    tab.hive_box.setCurrentIndex(tab.hive_box.findData(1))
    tab.add_button.click()
    _idle(context, qtbot)
    with engine.connect() as conn:
        [query] = list_queries(conn)
    assert (query.name, query.hive, query.key, query.value) == (
        "AppVersion",
        1,
        "SOFTWARE\\App",
        "Version",
    )
    assert tab.model.rowCount() == 1 and tab.selected() == query
    tab.value_edit.setText("*")
    tab.save_button.click()
    _idle(context, qtbot)
    with engine.connect() as conn:
        assert list_queries(conn)[0].value == "*"
    assert tab.model.index(0, 3).data() == "* (every value)"
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *a, **k: YES)
    tab.delete_button.click()
    _idle(context, qtbot)
    assert count(engine, "regconfig") == 0 and tab.model.rowCount() == 0
    assert "deleted" in tab.message.text()


def test_registry_tab_lists_existing_queries(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    with engine.begin() as conn:
        add_query(conn, "Run", "HKLM", "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", "*")
    tab = _tab(context, qtbot, "registry")
    assert isinstance(tab, RegistryTab)
    assert tab.off_warning.isHidden() == (count(engine, "config", NAME="REGISTRY", IVALUE=0) == 0)
    assert tab.model.index(0, 1).data() == "HKEY_LOCAL_MACHINE"
    tab.view.selectRow(0)
    assert tab.name_edit.text() == "Run" and tab.hive_box.currentData() == 2


# -- label -------------------------------------------------------------------------------
def test_label_tab_saves_and_previews_the_servers_answer(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    set_config(engine, "DEPLOY", 1)
    tab = _tab(context, qtbot, "label")
    assert isinstance(tab, LabelTab)
    assert tab.preview is not None and tab.preview.status == 400
    tab.editor.setPlainText("Bureau\tn°\n")
    assert "Bureaun°" in tab.cleaned.text()
    tab.save_button.click()
    _idle(context, qtbot)
    with engine.connect() as conn:
        assert read_label(conn) == "Bureaun°"
    with client_for(engine) as client:
        served = client.get("/ocsinventory/deploy/label")
    assert tab.preview.status == served.status_code == 200
    assert tab.preview.body == served.content
    assert tab.prompt_line.text() == "Bureaun°"
    assert tab.bytes_line.text().startswith("42 75 72 65 61 75 6e c2 b0")
    tab.editor.setPlainText("bad\x07")
    tab.save_button.click()
    _idle(context, qtbot)
    assert "control characters" in tab.message.text()
    with engine.connect() as conn:
        assert read_label(conn) == "Bureaun°"
    tab.clear_button.click()
    _idle(context, qtbot)
    assert count(engine, "deploy") == 0
    assert tab.preview.status == 400 and "own prompt" in tab.status_line.text()


def test_label_tab_says_deploy_is_off(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    set_config(engine, "DEPLOY", 0)
    tab = _tab(context, qtbot, "label")
    assert isinstance(tab, LabelTab)
    assert "403" in tab.status_line.text() and "DEPLOY" in tab.status_line.text()


# -- files for agents --------------------------------------------------------------------
def _drop(tab: QtWidgets.QWidget, paths: list[Path], *, shift: bool = False) -> QtGui.QDropEvent:
    """Files dropped from a file manager offering copy or move; with Shift it proposes move."""
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(p)) for p in paths])
    keys = QtCore.Qt.KeyboardModifier
    event = QtGui.QDropEvent(
        QtCore.QPointF(10, 10), QtCore.Qt.DropAction.CopyAction | QtCore.Qt.DropAction.MoveAction,
        mime, QtCore.Qt.MouseButton.LeftButton, keys.ShiftModifier if shift else keys.NoModifier,
    )  # fmt: skip
    assert event.proposedAction() == (
        QtCore.Qt.DropAction.MoveAction if shift else QtCore.Qt.DropAction.CopyAction
    )
    tab.dropEvent(event)
    event.mime = mime  # type: ignore[attr-defined]  # the event does not own it: keep it alive
    return event


def test_files_tab_upload_by_button_and_drop_download_delete(
    context: ConsoleContext,
    engine: Engine,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = _tab(context, qtbot, "agent_files")
    assert isinstance(tab, AgentFilesTab)
    first = tmp_path / "ocspackage.exe"
    first.write_bytes(b"MZ" + bytes(range(256)) * 2000)
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(first)], "")
    )
    with qtbot.waitSignal(tab.uploaded, timeout=20_000):
        tab.upload_button.click()
    _idle(context, qtbot)
    assert tab.progress.isHidden()
    second, hostile = tmp_path / "cacert.pem", tmp_path / "bad name.exe"
    second.write_bytes(b"PEM")
    hostile.write_bytes(b"x")
    with qtbot.waitSignal(tab.uploaded, timeout=20_000):
        assert _drop(tab, [second, hostile]).isAccepted()
    _idle(context, qtbot)
    assert "only letters, digits" in tab.message.text()
    with engine.connect() as conn:
        assert [(f.name, f.size) for f in list_files(conn)] == [
            ("cacert.pem", 3), ("ocspackage.exe", first.stat().st_size)
        ]  # fmt: skip
    assert tab.model.rowCount() == 2
    # The same name again: replaced after confirmation.
    second.write_bytes(b"PEM v2")
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *a, **k: YES)
    with qtbot.waitSignal(tab.uploaded, timeout=20_000):
        # A move proposed by a file manager is taken as a copy: the upload still reads it.
        moved = _drop(tab, [second], shift=True)
        assert moved.isAccepted() and moved.dropAction() == QtCore.Qt.DropAction.CopyAction
    qtbot.waitUntil(lambda: count(engine, "deploy", NAME="cacert.pem") == 1 and
                    tab.model.rowCount() == 2 and tab.model.file_at(0).size == 6,  # type: ignore[union-attr]
                    timeout=20_000)  # fmt: skip
    # Download what agents get.
    assert tab.select("ocspackage.exe")
    saved = tmp_path / "saved.exe"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    tab.download_button.click()
    _idle(context, qtbot)
    assert saved.read_bytes() == first.read_bytes()
    with client_for(engine) as client:
        assert client.get("/ocsinventory/deploy/ocspackage.exe").content == first.read_bytes()
    # Delete, confirmed.
    tab.delete_button.click()
    _idle(context, qtbot)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20_000)
    assert count(engine, "deploy", NAME="ocspackage.exe") == 0


def test_files_tab_refuses_a_delete_not_confirmed(
    context: ConsoleContext,
    engine: Engine,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "agent.zip"
    source.write_bytes(b"PK")
    tab = _tab(context, qtbot, "agent_files")
    assert isinstance(tab, AgentFilesTab)
    with qtbot.waitSignal(tab.uploaded, timeout=20_000):
        tab.upload([source])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20_000)
    tab.view.selectRow(0)
    no = QtWidgets.QMessageBox.StandardButton.No
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *a, **k: no)
    tab.delete_button.click()
    _idle(context, qtbot)
    assert count(engine, "deploy", NAME="agent.zip") == 1
