"""Choosing one activated package to assign to a selection of machines.

Only activated packages can be assigned (``packager.assignment`` refuses the others), so
only they are listed. The list is read in the worker when the dialog opens; the
assignment itself is the caller's, in the worker.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ocs_desktop.packager.status import PackageSummary, list_packages
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import Qt, QtWidgets, Signal


def activated_packages(conn: Connection) -> list[PackageSummary]:
    """The packages that can be assigned, newest first."""
    return [p for p in list_packages(conn) if p.activated]


class PackageChooserDialog(QtWidgets.QDialog):
    """Asks which activated package to assign to ``count`` machines."""

    #: The packages arrived and are listed.
    ready = Signal()

    def __init__(
        self, context: ConsoleContext, count: int, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign a package"))
        self.label = QtWidgets.QLabel(
            self.tr("Package to deploy to %n machine(s):", "", count), self
        )
        self.list = QtWidgets.QListWidget(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(self._update_ok)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.resize(440, 320)
        context.read(lambda conn, progress: activated_packages(conn), self._arrived)

    def _arrived(self, packages: list[PackageSummary]) -> None:
        self.list.clear()
        for package in packages:
            item = QtWidgets.QListWidgetItem(f"{package.name} ({package.fileid})")
            item.setData(Qt.ItemDataRole.UserRole, package.fileid)
            self.list.addItem(item)
        if packages:
            self.list.setCurrentRow(0)
        else:
            self.label.setText(self.tr("No package is activated: activate one on Deployment."))
        self._update_ok()
        self.ready.emit()

    def _update_ok(self, *_args: object) -> None:
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.fileid() is not None)

    def fileid(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
