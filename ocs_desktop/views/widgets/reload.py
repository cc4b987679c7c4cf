"""Reload a page when the data it shows changes: at once if visible, else when next shown.

Pages hidden in the stack would otherwise re-query the database on every write made
elsewhere in the console.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets


class _Page(Protocol):
    def refresh(self) -> object: ...


class ReloadWhenShown(QtCore.QObject):
    """Watches ``context.changed`` for ``topics`` and the page's Show events.

    ``stale`` starts True so the first show loads the page; a page's ``refresh`` sets it
    back to False.
    """

    def __init__(
        self, page: QtWidgets.QWidget, context: ConsoleContext, topics: Iterable[str]
    ) -> None:
        super().__init__(page)
        self.page = page
        self.topics = frozenset(topics)
        self.stale = True
        context.changed.connect(self._changed)
        page.installEventFilter(self)

    def _refresh(self) -> None:
        page: _Page = self.page  # type: ignore[assignment]
        page.refresh()

    def _changed(self, topic: str) -> None:
        if topic not in self.topics:
            return
        if self.page.isVisible():
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.page and event.type() == QtCore.QEvent.Type.Show and self.stale:
            self._refresh()
        return False
