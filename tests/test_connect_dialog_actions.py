"""The connection dialog's own actions: Enter connects, Open SQLite file…, Test connection.

Real widgets on real databases (a SQLite file, the test MariaDB); only the OS file picker
is answered by the test, since it is a native dialog a test cannot click.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from ocs_desktop.db.engines import create_database_if_missing, create_engine_for, normalize_url
from ocs_desktop.db.profiles import Profile
from ocs_desktop.db.schema import init_database
from ocs_desktop.views.connect_dialog import ConnectDialog, saved_profiles
from ocs_desktop.views.profile_editor import ProfileEditor
from ocs_desktop.views.qt import Qt, QtWidgets
from ocs_desktop.views.settings import OFFER_SAMPLE_IMPORT, Settings
from tests.support.console_context import console_settings
from tests.support.reference_schema import drop_database
from tests.support.services import mysql_database_url


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Throw-away settings; empty databases are not offered the samples (another test's)."""
    return console_settings(tmp_path, (OFFER_SAMPLE_IMPORT, False))


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    """An OCS database in a file of the user's choosing."""
    path = tmp_path / "elsewhere" / "branch-office.sqlite"
    path.parent.mkdir()
    engine = create_engine_for(normalize_url(str(path)))
    init_database(engine)
    engine.dispose()
    return path


def answer_file_dialog(monkeypatch: pytest.MonkeyPatch, path: str) -> list[str]:
    """Make the OS file picker answer ``path``; returns the captions it was opened with."""
    asked: list[str] = []

    def pick(_parent: object, caption: str, *_args: object) -> tuple[str, str]:
        asked.append(caption)
        return path, ""

    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", staticmethod(pick))
    return asked


def test_enter_connects_and_the_details_column_is_readable(
    qtbot: QtBot, settings: Settings, sqlite_file: Path
) -> None:
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.add_sqlite_file(str(sqlite_file))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.connect_button.isDefault()
    for button in (dialog.new_button, dialog.open_file_button, dialog.delete_button):
        assert not button.autoDefault(), f"{button.text()} would steal Enter"
    assert dialog.details_label.width() >= 300, "the details column must not be squeezed"
    assert dialog.profile_list.width() <= 320
    dialog.profile_list.setFocus()
    with qtbot.waitSignal(dialog.connected, timeout=20_000) as blocker:
        qtbot.keyClick(dialog.profile_list, Qt.Key.Key_Return)
    opened = blocker.args[0]
    try:
        assert make_url(str(opened.engine.url)).database == str(sqlite_file.resolve())
        assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    finally:
        opened.engine.dispose()


def test_open_sqlite_file_adds_a_profile_once_and_connects(
    qtbot: QtBot, settings: Settings, sqlite_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    asked = answer_file_dialog(monkeypatch, str(sqlite_file))
    with qtbot.waitSignal(dialog.connected, timeout=20_000) as blocker:
        dialog.open_file_button.click()
    blocker.args[0].engine.dispose()
    assert asked == ["Open SQLite file"]
    saved = saved_profiles(settings)
    assert saved == [Profile("branch-office.sqlite", kind="sqlite", path=str(sqlite_file))]

    again = ConnectDialog(settings)
    qtbot.addWidget(again)
    assert again.add_sqlite_file(str(sqlite_file)).name == "branch-office.sqlite"
    assert len(saved_profiles(settings)) == 1, "the same file is offered once"
    assert again.selected_profile() == saved[0]
    assert not again.edit_button.isEnabled(), "a file has nothing to edit"
    assert again.delete_button.isEnabled()

    other = sqlite_file.parent.parent / "branch-office.sqlite"
    other.write_bytes(sqlite_file.read_bytes())
    twin = again.add_sqlite_file(str(other))
    assert twin.name == "branch-office.sqlite (2)"
    assert [p.name for p in saved_profiles(settings)] == [
        "branch-office.sqlite",
        "branch-office.sqlite (2)",
    ]


def test_the_ca_file_is_browsed_for_and_follows_tls(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = ProfileEditor(set())
    qtbot.addWidget(editor)
    assert not editor.ca_browse.isEnabled(), "no CA without TLS"
    editor.tls_check.setChecked(True)
    assert editor.ca_browse.isEnabled()
    ca = tmp_path / "ca.pem"
    answer_file_dialog(monkeypatch, str(ca))
    editor.ca_browse.click()
    assert editor.ca_edit.text() == str(ca)
    assert editor.profile().ca_file == str(ca)


def _editor_on(qtbot: QtBot, url: str) -> ProfileEditor:
    parsed = make_url(url)
    editor = ProfileEditor(set())
    qtbot.addWidget(editor)
    editor.name_edit.setText("tested")
    editor.host_edit.setText(parsed.host or "")
    editor.port_spin.setValue(parsed.port or 3306)
    editor.database_edit.setText(parsed.database or "")
    editor.user_edit.setText(parsed.username or "")
    editor.password_edit.setText(parsed.password or "")
    return editor


def _test(qtbot: QtBot, editor: ProfileEditor) -> str:
    task = editor.test_connection()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: editor.test_button.isEnabled(), timeout=5_000)
    return editor.test_label.text()


@pytest.mark.mariadb
def test_test_connection_says_what_it_found(qtbot: QtBot, mysql_server_url: str) -> None:
    url = mysql_database_url(mysql_server_url, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(url)
    try:
        editor = _editor_on(qtbot, url)
        assert "no OCS tables" in _test(qtbot, editor)
        engine = create_engine_for(url)
        init_database(engine)
        engine.dispose()
        assert _test(qtbot, editor).startswith("Connection works: this is an OCS database")
        editor.port_spin.setValue(1)
        assert _test(qtbot, editor).startswith("Cannot connect:")
        assert editor.result() != QtWidgets.QDialog.DialogCode.Accepted, "testing saves nothing"
    finally:
        drop_database(url)


def test_test_connection_needs_a_host_and_enter_saves(qtbot: QtBot) -> None:
    editor = ProfileEditor(set())
    qtbot.addWidget(editor)
    editor.host_edit.clear()
    assert editor.test_connection() is None
    assert editor.test_label.text() == "Fill in the host and the database first."
    editor.name_edit.setText("kept")
    editor.host_edit.setText("db.example.org")
    editor.database_edit.setText("ocsweb")
    editor.show()
    qtbot.waitExposed(editor)
    editor.name_edit.setFocus()
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    assert editor.result() == QtWidgets.QDialog.DialogCode.Accepted, "Enter is OK, not Test"
