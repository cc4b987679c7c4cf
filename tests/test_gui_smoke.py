"""The desktop console's main window, driven offscreen with the application's own settings."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from ocs_desktop.views.app import MainWindow, configure_application
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets


def test_main_window_shows_connection_and_remembers_geometry(
    qtbot: QtBot, tmp_path: Path, engine: Engine
) -> None:
    app = QtWidgets.QApplication.instance()
    assert app is not None
    configure_application(app)
    QtCore.QSettings.setPath(
        QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp_path)
    )
    context = ConsoleContext(engine, "sqlite:///fleet.sqlite")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "sqlite:///fleet.sqlite" in window.connection_label.text()
    window.resize(640, 480)
    window.close()

    again = MainWindow(context)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 480)
    assert list(tmp_path.rglob("*.ini")), "settings were not written as INI in the user scope"
    context.runner.cancel_all()
    assert context.runner.wait_idle(10_000)
