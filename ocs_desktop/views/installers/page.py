"""The console's Agent installers page: the installer wizard, embedded, for both kinds.

The page is the wizard: a packager comes here to make the ocspackage.exe or the Linux
installer that puts the agent on the fleet, builds, reads the outputs (path, sidecar,
SHA-256, size) and, for Windows, publishes the package, then starts over with the same
choices. Nothing is read from the database until a publication is asked for.
"""

from __future__ import annotations

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.installers.core_bridge import CoreBridge
from ocs_desktop.views.installers.wizard import (
    BUILD_PAGE,
    LINUX_PAGE,
    WINDOWS_SETUP_PAGE,
    InstallerWizard,
)
from ocs_desktop.views.qt import Qt, QtWidgets


class AgentInstallersPage(QtWidgets.QWidget):
    """Build Windows (ocspackage.exe) and Linux (makeself) agent installers."""

    page_key = "installers"

    def __init__(
        self,
        context: ConsoleContext,
        parent: QtWidgets.QWidget | None = None,
        *,
        bridge: CoreBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.wizard = InstallerWizard(context, bridge, self)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wizard)
        self.setFocusProxy(self.wizard)

    def refresh(self) -> None:
        """Nothing to reload: the page reads no list."""

    def save_layout(self) -> None:
        """Leaving the console keeps the choices made so far (no passwords)."""
        self.wizard.remember()

    def show_kind(self, kind: str) -> None:
        """Open the options of ``kind`` ("windows" or "linux"), as Next from the first page."""
        self.wizard.restart()
        self.wizard.kind_page.set_kind(kind)
        target = LINUX_PAGE if kind == "linux" else WINDOWS_SETUP_PAGE
        while self.wizard.currentId() not in (target, BUILD_PAGE, -1):
            before = self.wizard.currentId()
            self.wizard.next()
            if self.wizard.currentId() == before:
                break

    def start_over(self) -> None:
        self.wizard.restart()
