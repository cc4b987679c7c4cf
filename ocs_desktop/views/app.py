"""Start-up of the desktop console.

The console proper arrives with the console issue; for now it opens the main
window on the embedded default database so the README's first command works.
"""

from __future__ import annotations

import sys

from ocs_desktop.views.qt import QtCore, QtWidgets


class MainWindow(QtWidgets.QMainWindow):
    """Top-level window; remembers its geometry between runs."""

    def __init__(self, database_label: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("OCS Desktop"))
        self.statusBar().showMessage(self.tr("Connected to {0}").format(database_label))
        settings = QtCore.QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)

    def closeEvent(self, event) -> None:
        QtCore.QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)


def configure_application(app: QtCore.QCoreApplication) -> None:
    """Names and settings format shared by the console and its tests (INI, per user)."""
    app.setOrganizationName("OCS Desktop")
    app.setApplicationName("ocs-desktop")
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)


def run_gui(argv: list[str] | None = None) -> int:
    from ocs_desktop.models.database import default_database_url, ensure_database

    app = QtWidgets.QApplication(argv if argv is not None else sys.argv)
    configure_application(app)
    url = default_database_url()
    ensure_database(url)
    window = MainWindow(url)
    window.show()
    return app.exec()
