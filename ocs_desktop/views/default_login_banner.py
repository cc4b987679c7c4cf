"""The red band that stays at the top of the window while ``admin``/``admin`` still logs in.

Anyone who has read the OCS documentation knows that account, and it may publish
packages through the server's upload API: the server says so in its log, the console
says so here, on every window of that database, until the password is changed. The
check runs in the worker when the window opens and again on demand.
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.fleet.operators import default_login_works
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import Qt, QtWidgets


class DefaultLoginBanner(QtWidgets.QLabel):
    """Hidden until the worker finds the default login working."""

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("defaultLoginBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#defaultLoginBanner { background: #b3261e; color: white; padding: 6px; "
            "font-weight: bold; }"
        )
        self.setText(
            self.tr(
                "The operator “admin” still has the password “admin”: anyone on the network "
                "who knows OCS can publish packages to every machine. Change it now: "
                "ocs-desktop operator passwd admin --db DATABASE"
            )
        )
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def check(self) -> None:
        """Ask the database in the worker; show or hide the band with the answer."""
        self.context.read(
            lambda conn, _progress: default_login_works(conn),
            self._answered,
            key="default-login-check",
            on_failed=lambda _message: None,  # an unreadable operators table is not news
        )

    def _answered(self, works: Any) -> None:
        self.setVisible(bool(works))
