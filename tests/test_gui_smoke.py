"""The desktop console's main window, driven offscreen (the console issue fills it)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ocs_desktop.views.app import MainWindow, configure_application
from ocs_desktop.views.qt import QtCore, QtWidgets


def test_main_window_shows_connection_and_remembers_geometry(qtbot: QtBot, tmp_path: Path) -> None:
    app = QtWidgets.QApplication.instance()
    assert app is not None
    configure_application(app)
    QtCore.QSettings.setPath(
        QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp_path)
    )
    window = MainWindow("sqlite:///fleet.sqlite")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "sqlite:///fleet.sqlite" in window.statusBar().currentMessage()
    window.resize(640, 480)
    window.close()

    again = MainWindow("sqlite:///fleet.sqlite")
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 480)
    assert list(tmp_path.rglob("*.ini")), "settings were not written as INI in the user scope"
