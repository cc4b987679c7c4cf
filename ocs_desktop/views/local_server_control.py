"""The Server menu and the status bar's server label: start, stop, and watch the local server.

Kept out of the main window so the window only places a menu and a label; the control
owns the server process and says, in the status bar, where agents should report and how
many machines did.
"""

from __future__ import annotations

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.local_server import LocalServer, LocalServerOptions
from ocs_desktop.views.local_server_dialog import LocalServerDialog
from ocs_desktop.views.qt import QtCore, QtGui, QtWidgets


class LocalServerControl(QtCore.QObject):
    """Actions (``start_action``, ``stop_action``, ``copy_action``) and ``label`` for the
    status bar, around one :class:`LocalServer`."""

    def __init__(self, context: ConsoleContext, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.server = LocalServer(context, self)
        self.urls: list[str] = []
        self.start_action = QtGui.QAction(self.tr("&Start local server…"), self)
        self.start_action.triggered.connect(self.ask_start)
        self.stop_action = QtGui.QAction(self.tr("S&top local server"), self)
        self.stop_action.triggered.connect(self.stop)
        self.copy_action = QtGui.QAction(self.tr("&Copy the agents' server address"), self)
        self.copy_action.triggered.connect(self.copy_address)
        self.label = QtWidgets.QLabel()
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.hide()
        self.server.started.connect(self._started)
        self.server.stopped.connect(self._stopped)
        self.server.failed.connect(self._failed)
        self.server.inventoriesChanged.connect(self._counted)
        application = QtCore.QCoreApplication.instance()
        if application is not None:  # however the console ends, the server ends with it
            application.aboutToQuit.connect(self.shutdown)
        self._update()

    def menu(self, bar: QtWidgets.QMenuBar) -> QtWidgets.QMenu:
        menu = bar.addMenu(self.tr("Se&rver"))
        for action in (self.start_action, self.stop_action, self.copy_action):
            menu.addAction(action)
        return menu

    # --- actions ---------------------------------------------------------------------------
    def ask_start(self) -> bool:
        """Ask for the options, then start the server on the console's database."""
        if self.server.running:
            return False
        dialog = LocalServerDialog(self.context.settings, self.window, self.database())
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return False
        self.start(dialog.options())
        return True

    def database(self) -> str:
        """The database the server would serve, as the settings remember it (no password)."""
        return self.context.engine.url.render_as_string(hide_password=True)

    def start_if_asked(self) -> bool:
        """Start at once with the saved options, when the user asked for it on this database."""
        options = LocalServerDialog.saved_options(self.context.settings, self.database())
        if options is None or self.server.running:
            return False
        self.start(options)
        return True

    def start(self, options: LocalServerOptions) -> None:
        self.server.start(options)
        self.label.setText(self.tr("Server: starting…"))
        self.label.show()
        self._update()

    def stop(self) -> None:
        self.server.stop()

    def shutdown(self) -> None:
        """The console closes: the server goes with it."""
        if self.server.running:
            self.server.stop()

    def copy_address(self) -> str:
        text = self.urls[0] if self.urls else ""
        clipboard = QtGui.QGuiApplication.clipboard()
        if clipboard is not None and text:
            clipboard.setText(text)
        return text

    # --- what the server says ----------------------------------------------------------------
    def _update(self) -> None:
        running = self.server.running
        self.start_action.setEnabled(not running)
        self.stop_action.setEnabled(running)
        self.copy_action.setEnabled(running and bool(self.urls))

    def _show(self) -> None:
        if not self.urls:
            return
        count = self.server.inventories
        self.label.setText(
            self.tr("Server: {0} — %n machine(s) reported", "", count).format(self.urls[0])
        )
        self.label.setToolTip("\n".join(self.urls))

    def _started(self, urls: list[str]) -> None:
        self.urls = list(urls)
        self._show()
        self._update()
        self.context.status.emit(
            self.tr("Local server started: agents can report to {0}").format(urls[0])
        )

    def _counted(self, count: int, latest: str) -> None:
        self._show()
        if latest:
            self.context.status.emit(self.tr("Inventory received from {0}").format(latest))

    def _stopped(self, asked: bool) -> None:
        self.urls = []
        self.label.hide()
        self._update()
        if asked:
            self.context.status.emit(self.tr("Local server stopped"))

    def _failed(self, message: str) -> None:
        self.context.error.emit(self.tr("The local server stopped: {0}").format(message))
