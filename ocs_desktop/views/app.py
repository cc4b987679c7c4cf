"""Start-up of the desktop console: application, language, database, main window.

Without ``--db`` the connect dialog opens first (the embedded default is preselected the
first time, the last profile used afterwards); with ``--db URL`` the console opens that
database directly. File > Connect… goes back through the dialog and replaces the window
with one on the new database.
"""

from __future__ import annotations

import logging
import sys

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.db.engines import normalize_url, safe_url
from ocs_desktop.db.profiles import OpenedDatabase, open_database
from ocs_desktop.views.connect_dialog import ConnectDialog
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.i18n import ensure_compiled, install_translators
from ocs_desktop.views.main_window import MainWindow
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.settings import LANGUAGE, Settings

log = logging.getLogger(__name__)

__all__ = ["Console", "MainWindow", "configure_application", "run_gui"]


def configure_application(app: QtCore.QCoreApplication) -> None:
    """Names and settings format shared by the console and its tests (INI, per user)."""
    app.setOrganizationName("OCS Desktop")
    app.setApplicationName("ocs-desktop")
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)


class Console(QtCore.QObject):
    """Owns the current main window and its database, and switches database on request."""

    def __init__(self, settings: Settings, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window: MainWindow | None = None
        self.context: ConsoleContext | None = None

    def choose(self) -> bool:
        """Run the connect dialog; open a window on what it connected to."""
        dialog = ConnectDialog(self.settings, parent=self.window)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.opened is None:
            return False
        self.open(dialog.opened, dialog.label)
        return True

    def open(self, opened: OpenedDatabase, label: str) -> MainWindow:
        assert opened.engine is not None
        previous, previous_context = self.window, self.context
        context = ConsoleContext(opened.engine, label, self.settings)
        window = MainWindow(context)
        window.connectRequested.connect(self.choose)
        window.show()
        self.window, self.context = window, context
        if previous is not None:
            previous.close()
            previous.deleteLater()
        if previous_context is not None:
            self.close_context(previous_context)
        window.server_control.start_if_asked()  # after the previous window freed its ports
        return window

    @staticmethod
    def close_context(context: ConsoleContext) -> None:
        context.runner.cancel_all()
        context.runner.wait_idle(5000)
        context.engine.dispose()

    def shut_down(self) -> None:
        if self.context is not None:
            self.close_context(self.context)


def open_url(url: str) -> OpenedDatabase | str:
    """Open ``--db URL`` (blocking, before any window); a message when it cannot be used."""
    try:
        opened = open_database(url)
    except FileNotFoundError as exc:
        return str(exc)
    except SQLAlchemyError as exc:
        return (
            f"Cannot connect to {safe_url(normalize_url(url))}: {getattr(exc, 'orig', None) or exc}"
        )
    if not opened.ok:
        return "\n".join(opened.report.format())
    return opened


def run_gui(argv: list[str] | None = None, db: str | None = None) -> int:
    """The desktop console's event loop; ``db`` skips the connect dialog."""
    app = QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app)
    settings = Settings()
    ensure_compiled()
    install_translators(settings.get(LANGUAGE), app)
    console = Console(settings)
    if db is not None:
        opened = open_url(db)
        if isinstance(opened, str):
            print(opened, file=sys.stderr)
            QtWidgets.QMessageBox.critical(None, "OCS Desktop", opened)
            return 2
        console.open(opened, safe_url(opened.url))
    elif not console.choose():
        return 0
    try:
        return app.exec()
    finally:
        console.shut_down()
