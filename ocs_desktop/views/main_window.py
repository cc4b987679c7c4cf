"""The console's main window: navigation, work area, machine detail dock, menus, status.

Pages are found by key and built on first use, each from its own module, so the window
starts fast and a build without one of them still runs (the page then says it is not
there). Pages talk to each other only through the :class:`ConsoleContext` signals: any
page may ask for the machines list with a filter (``showMachines``) or for a machine's
detail (``openMachine``); the window answers both here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ocs_desktop import __version__
from ocs_desktop.fleet.filters import MachineFilter
from ocs_desktop.inventory.importer import ImportSummary, Outcome
from ocs_desktop.views.context import GROUPS, MACHINES, SOFTWARE, TAGS, ConsoleContext
from ocs_desktop.views.default_login_banner import DefaultLoginBanner
from ocs_desktop.views.i18n import LANGUAGES
from ocs_desktop.views.importing import InventoryImport
from ocs_desktop.views.local_server_control import LocalServerControl
from ocs_desktop.views.page_registry import DETAIL, PAGES, PlaceholderPage, load_class
from ocs_desktop.views.qt import Qt, QtGui, QtWidgets, Signal
from ocs_desktop.views.settings import LANGUAGE
from ocs_desktop.views.widgets.page_filter import FILTER_NAME

log = logging.getLogger(__name__)

GEOMETRY_STATE = "main_window/geometry"
WINDOW_STATE = "main_window/state"
PageKeyRole = Qt.ItemDataRole.UserRole + 1


def page_shortcut(index: int) -> QtGui.QKeySequence:
    """Ctrl+1 … Ctrl+9 and Ctrl+0 for the first ten pages, Ctrl+Shift+1 … for the others."""
    if index < 9:
        return QtGui.QKeySequence(f"Ctrl+{index + 1}")
    if index == 9:
        return QtGui.QKeySequence("Ctrl+0")
    return QtGui.QKeySequence(f"Ctrl+Shift+{index - 9}")


class MainWindow(QtWidgets.QMainWindow):
    """One window on one connected database (its :class:`ConsoleContext`)."""

    #: File > Connect… was chosen: the application opens the connect dialog.
    connectRequested = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = context.settings
        self.pages: dict[str, QtWidgets.QWidget] = {}
        self._import: InventoryImport | None = None
        self.setWindowTitle(self.tr("OCS Desktop — {0}").format(context.url))

        self.navigation = QtWidgets.QTreeWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setHeaderHidden(True)
        self.navigation.setRootIsDecorated(False)
        self.navigation.setMinimumWidth(170)
        self.navigation.setMaximumWidth(260)
        self.stack = QtWidgets.QStackedWidget()
        splitter = QtWidgets.QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1200])
        self.default_login_banner = DefaultLoginBanner(context)
        central = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.default_login_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._fill_navigation()
        self.navigation.currentItemChanged.connect(self._navigated)

        self.detail_dock = QtWidgets.QDockWidget(self.tr("Machine detail"), self)
        self.detail_dock.setObjectName("machineDetailDock")
        self.detail_pane = self._make_detail_pane()
        self._detail_sized = False
        self.detail_dock.setWidget(self.detail_pane)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.detail_dock)
        self.detail_dock.hide()

        self.server_control = LocalServerControl(context, self)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()

        context.showMachines.connect(self.show_machines)
        context.openMachine.connect(self.open_machine)
        context.error.connect(self.show_error)
        context.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        context.runner.busyChanged.connect(self._set_busy)

        self._restore_state()
        self.show_page("machines")
        self.default_login_banner.check()

    # --- navigation and pages -------------------------------------------------------------
    def page_titles(self) -> dict[str, str]:
        return {
            "machines": self.tr("All machines"),
            "tags": self.tr("Tags"),
            "groups": self.tr("Groups"),
            "software": self.tr("Software"),
            "search": self.tr("Search"),
            "dashboard": self.tr("Dashboard"),
            "duplicates": self.tr("Duplicates"),
            "tag-rules": self.tr("Tagging rules"),
            "deployment": self.tr("Deployment"),
            "network": self.tr("Network"),
            "administration": self.tr("Administration"),
            "installers": self.tr("Agent installers"),
        }

    def _fill_navigation(self) -> None:
        titles = self.page_titles()
        style = self.style()
        icons = {
            "machines": QtWidgets.QStyle.StandardPixmap.SP_ComputerIcon,
            "tags": QtWidgets.QStyle.StandardPixmap.SP_FileDialogDetailedView,
            "groups": QtWidgets.QStyle.StandardPixmap.SP_DirIcon,
            "software": QtWidgets.QStyle.StandardPixmap.SP_DriveHDIcon,
            "search": QtWidgets.QStyle.StandardPixmap.SP_FileDialogContentsView,
            "dashboard": QtWidgets.QStyle.StandardPixmap.SP_FileDialogInfoView,
            "duplicates": QtWidgets.QStyle.StandardPixmap.SP_FileLinkIcon,
            "tag-rules": QtWidgets.QStyle.StandardPixmap.SP_DialogApplyButton,
            "deployment": QtWidgets.QStyle.StandardPixmap.SP_ArrowDown,
            "network": QtWidgets.QStyle.StandardPixmap.SP_DriveNetIcon,
            "installers": QtWidgets.QStyle.StandardPixmap.SP_DriveCDIcon,
            "administration": QtWidgets.QStyle.StandardPixmap.SP_FileDialogDetailedView,
        }
        for spec in PAGES:
            item = QtWidgets.QTreeWidgetItem([titles[spec.key]])
            item.setData(0, PageKeyRole, spec.key)
            if spec.key in icons:
                item.setIcon(0, style.standardIcon(icons[spec.key]))
            if spec.planned:
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)
                item.setForeground(
                    0, self.palette().brush(QtGui.QPalette.ColorRole.PlaceholderText)
                )
            self.navigation.addTopLevelItem(item)

    def page(self, key: str) -> QtWidgets.QWidget:
        """The page for ``key``, built (and added to the work area) on first use."""
        if key in self.pages:
            return self.pages[key]
        spec = next(s for s in PAGES if s.key == key)
        title = self.page_titles()[key]
        cls = load_class(spec)
        widget: QtWidgets.QWidget
        if cls is not None:
            widget = cls(self.context)
        else:
            widget = PlaceholderPage(title, self.tr("Arrives with a later release."))
        widget.setObjectName(f"page_{key}")
        for view in widget.findChildren(QtWidgets.QAbstractItemView):
            view.setTabKeyNavigation(False)  # Tab moves on to the next control, as in a form
        search_requested = getattr(widget, "searchRequested", None)
        if search_requested is not None:
            search_requested.connect(self.open_search)
        self.pages[key] = widget
        self.stack.addWidget(widget)
        return widget

    def current_key(self) -> str:
        item = self.navigation.currentItem()
        return str(item.data(0, PageKeyRole)) if item is not None else ""

    def current_page(self) -> QtWidgets.QWidget | None:
        return self.pages.get(self.current_key())

    def show_page(self, key: str) -> QtWidgets.QWidget:
        """Switch the work area to ``key`` (selecting it in the navigation)."""
        for row in range(self.navigation.topLevelItemCount()):
            item = self.navigation.topLevelItem(row)
            if item is not None and item.data(0, PageKeyRole) == key:
                if self.navigation.currentItem() is not item:
                    self.navigation.setCurrentItem(item)
                break
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self._update_actions()
        return widget

    def _navigated(self, current: QtWidgets.QTreeWidgetItem | None, _previous: Any) -> None:
        if current is not None:
            self.show_page(str(current.data(0, PageKeyRole)))

    def show_machines(self, filter_: MachineFilter | None, title: str) -> None:
        """``context.showMachines``: the machines list, narrowed to ``filter_``."""
        page = self.show_page("machines")
        show_filter = getattr(page, "show_filter", None)
        if show_filter is not None:
            show_filter(filter_, title)

    def open_search(self, search: object | None) -> None:
        """A page asks for the search page, with a search to load (a dynamic group's)."""
        page = self.show_page("search")
        if search is not None:
            set_search = getattr(page, "set_search", None)
            if set_search is not None:
                set_search(search)

    def _make_detail_pane(self) -> QtWidgets.QWidget:
        cls = load_class(DETAIL)
        assert cls is not None
        pane: QtWidgets.QWidget = cls(self.context)
        return pane

    def open_machine(self, machine_id: int) -> None:
        """``context.openMachine``: show the detail dock on that machine."""
        show = getattr(self.detail_pane, "show_machine", None)
        if show is not None:
            show(machine_id)
        first_time = not self._detail_sized and self.settings.state(WINDOW_STATE) is None
        self._detail_sized = True
        self.detail_dock.show()
        if first_time:
            # No saved layout yet: give the detail room enough for its tables.
            size = int(self.height() * 0.45)
            self.resizeDocks([self.detail_dock], [size], Qt.Orientation.Vertical)
        self.detail_dock.raise_()

    # --- actions, menus, toolbar ----------------------------------------------------------
    def _make_actions(self) -> None:
        style = self.style()
        sp = QtWidgets.QStyle.StandardPixmap
        self.connect_action = QtGui.QAction(
            style.standardIcon(sp.SP_DriveNetIcon), self.tr("&Connect…"), self
        )
        self.connect_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+O"))
        self.connect_action.triggered.connect(self.connectRequested.emit)
        self.import_action = QtGui.QAction(
            style.standardIcon(sp.SP_DialogOpenButton), self.tr("&Import inventories…"), self
        )
        self.import_action.setShortcut(QtGui.QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_import)
        self.export_action = QtGui.QAction(
            style.standardIcon(sp.SP_DialogSaveButton), self.tr("&Export CSV…"), self
        )
        self.export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_csv)
        self.quit_action = QtGui.QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QtGui.QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.refresh_action = QtGui.QAction(
            style.standardIcon(sp.SP_BrowserReload), self.tr("&Refresh"), self
        )
        self.refresh_action.setShortcut(QtGui.QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh)
        self.page_actions: dict[str, QtGui.QAction] = {}
        titles = self.page_titles()
        for index, spec in enumerate(PAGES):
            action = QtGui.QAction(titles[spec.key], self)
            action.setShortcut(page_shortcut(index))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            self.page_actions[spec.key] = action
        self.find_action = QtGui.QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QtGui.QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_filter)
        self.detail_action = self.detail_dock.toggleViewAction()
        self.detail_action.setText(self.tr("Machine &detail"))
        self.about_action = QtGui.QAction(self.tr("&About OCS Desktop"), self)
        self.about_action.setMenuRole(QtGui.QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.connect_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addAction(self.find_action)
        self.view_menu.addSeparator()
        for action in self.page_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.detail_action)
        self.settings_menu = bar.addMenu(self.tr("&Settings"))
        self.language_menu = self.settings_menu.addMenu(self.tr("&Language"))
        self.language_group = QtGui.QActionGroup(self)
        self.language_group.setExclusive(True)
        names = {"": self.tr("System"), "en": "English", "fr": "Français"}
        current = self.settings.get(LANGUAGE)
        self.language_actions: dict[str, QtGui.QAction] = {}
        for code in LANGUAGES:
            action = QtGui.QAction(names.get(code, code), self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.server_menu = self.server_control.menu(bar)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        self.toolbar = self.addToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.connect_action,
            self.import_action,
            self.refresh_action,
            self.export_action,
        ):
            self.toolbar.addAction(action)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.busy_indicator = QtWidgets.QProgressBar()
        self.busy_indicator.setRange(0, 0)
        self.busy_indicator.setMaximumWidth(120)
        self.busy_indicator.setMaximumHeight(14)
        self.busy_indicator.setTextVisible(False)
        self.busy_indicator.hide()
        self.connection_label = QtWidgets.QLabel(
            self.tr("Connected to {0}").format(self.context.url)
        )
        status.addPermanentWidget(self.busy_indicator)
        status.addPermanentWidget(self.server_control.label)
        status.addPermanentWidget(self.connection_label)
        self.connection_label.setToolTip(self.connection_label.text())
        self._connection_text = self.connection_label.text()

    def _set_busy(self, busy: bool) -> None:
        self.busy_indicator.setVisible(busy)

    def _update_actions(self) -> None:
        page = self.current_page()
        self.export_action.setEnabled(
            page is not None and (hasattr(page, "ask_export_csv") or hasattr(page, "export_csv"))
        )

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Error: {0}").format(message), 15000)

    # --- commands -------------------------------------------------------------------------
    def refresh(self) -> None:
        page = self.current_page()
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()

    def focus_filter(self) -> QtWidgets.QWidget | None:
        """Ctrl+F: put the cursor in the current page's filter (see ``widgets.page_filter``)."""
        page = self.current_page()
        if page is None:
            return None
        focus = getattr(page, "focus_filter", None)
        if focus is not None:
            return focus()
        edit = page.findChild(QtWidgets.QLineEdit, FILTER_NAME)
        if edit is None or not edit.isVisibleTo(page):
            return None
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()
        return edit

    def export_csv(self) -> None:
        """Export what the current page shows; the page asks where to."""
        page = self.current_page()
        export = getattr(page, "ask_export_csv", None) or getattr(page, "export_csv", None)
        if export is not None:
            export()

    def choose_import(self) -> None:
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self,
            self.tr("Import inventories"),
            str(Path.home()),
            self.tr("OCS inventories (*.ocs *.xml);;All files (*)"),
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: Sequence[str | Path]) -> InventoryImport | None:
        """Import inventory files or folders in the worker, behind a cancellable progress."""
        if self._import is not None:
            return None
        job = InventoryImport(self.context.runner, self.context.engine, paths, parent=self)
        if not job.files:
            self.statusBar().showMessage(self.tr("No inventory files found."), 8000)
            return None
        dialog = QtWidgets.QProgressDialog(
            self.tr("Importing %n inventory file(s)…", "", len(job.files)),
            self.tr("Cancel"),
            0,
            len(job.files),
            self,
        )
        dialog.setWindowTitle(self.tr("Import inventories"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(lambda done, total: dialog.setValue(done))

        def over(summary: ImportSummary | None) -> None:
            dialog.canceled.disconnect(job.cancel)
            dialog.reset()
            dialog.deleteLater()
            self._imported(job, summary)

        def failed(message: str) -> None:
            over(None)
            self.show_error(message)

        job.finished.connect(over)
        job.failed.connect(failed)
        self._import = job
        job.start()
        return job

    def _imported(self, job: InventoryImport, summary: ImportSummary | None) -> None:
        self._import = None
        self.statusBar().showMessage(job.describe(summary), 15000)
        for topic in (MACHINES, TAGS, SOFTWARE, GROUPS):
            self.context.changed.emit(topic)
        if summary is not None and summary.count(Outcome.FAILED):
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Warning,
                self.tr("Import inventories"),
                job.describe(summary),
                QtWidgets.QMessageBox.StandardButton.Close,
                self,
            )
            box.setDetailedText(
                "\n".join(f"{Path(r.path).name}: {r.error}" for r in summary.failed)
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def set_language(self, code: str) -> None:
        """Keep the interface language; it applies from the next start."""
        self.settings.set(LANGUAGE, code)
        self.settings.sync()
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)
        self.statusBar().showMessage(
            self.tr("The language will change the next time OCS Desktop starts."), 15000
        )

    def about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("About OCS Desktop"),
            self.tr(
                "<h3>OCS Desktop {0}</h3><p>An OCS Inventory NG compatible inventory "
                "console.</p><p>Connected to {1}</p><p>Licence: GPL-2.0-or-later</p>"
            ).format(__version__, self.context.url),
        )

    # --- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.state(GEOMETRY_STATE)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        state = self.settings.state(WINDOW_STATE)
        if state is not None:
            self.restoreState(state)
        # The dock keeps its place and size, but opens with a machine, not at start-up.
        self.detail_dock.hide()

    def save_state(self) -> None:
        self.settings.set_state(GEOMETRY_STATE, self.saveGeometry())
        self.settings.set_state(WINDOW_STATE, self.saveState())
        for page in self.pages.values():
            save = getattr(page, "save_layout", None)
            if save is not None:
                save()
        self.settings.sync()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        """A long database path gives way (elided in the middle, whole in its tooltip) so the
        status bar keeps room for messages and the local server's address."""
        super().resizeEvent(event)
        room = max(200, int(self.width() * 0.4))
        metrics = self.connection_label.fontMetrics()
        self.connection_label.setText(
            metrics.elidedText(self._connection_text, Qt.TextElideMode.ElideMiddle, room)
        )

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.save_state()
        self.server_control.shutdown()
        self.context.runner.cancel_all()
        super().closeEvent(event)
