"""The Administration page: one tab per part of the server's administration.

Tabs are built when first shown (their modules imported then), like the console's pages,
so an administrator who never opens one pays nothing for it.
"""

from __future__ import annotations

from ocs_desktop.views.admin.tabs import TABS, tab_titles
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtWidgets


class AdministrationPage(QtWidgets.QWidget):
    """A tab widget over :data:`TABS`; each tab is built on first display."""

    page_key = "administration"

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("administrationTabs")
        self.tabs.setDocumentMode(True)
        self._built: dict[str, QtWidgets.QWidget] = {}
        self._keys: list[str] = []
        titles = tab_titles()
        for key, _load in TABS:
            holder = QtWidgets.QWidget()
            QtWidgets.QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, titles.get(key, key))
            self._keys.append(key)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._shown)
        if self._keys:
            self._shown(0)

    def tab(self, key: str) -> QtWidgets.QWidget:
        """The tab ``key``, built if it was not yet; shown."""
        index = self._keys.index(key)
        self.tabs.setCurrentIndex(index)
        self._shown(index)
        return self._built[key]

    def _shown(self, index: int) -> None:
        if index < 0:
            return
        key = self._keys[index]
        if key in self._built:
            return
        loader = dict(TABS)[key]
        widget = loader()(self.context)
        self._built[key] = widget
        holder = self.tabs.widget(index)
        layout = holder.layout() if holder is not None else None
        assert layout is not None
        layout.addWidget(widget)

    def refresh(self) -> None:
        """Refresh the tabs already built."""
        for widget in self._built.values():
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()
