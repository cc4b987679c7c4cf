"""Audits of the console as pictured: translations it asked for and did not find, toolbars
that hide actions, and label or button texts cut by their widget.

:class:`MissingTranslations` is a translator that stands in front of the installed ones: it
asks them for every text the console translates and records the texts none of them knows,
so a view whose ``tr`` text has no French fails the test that renders it in French (data
values never go through ``tr``, so they are never counted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ocs_desktop.views.qt import QtCore, QtWidgets

#: Qt's own classes (``QDialogButtonBox``, ``QLineEdit``...) translate through ``qtbase``,
#: whose coverage is not ours to test.
_QT_CONTEXT = re.compile(r"^Q[A-Z]")


class MissingTranslations(QtCore.QTranslator):
    """Answers with the installed translators' text, and records what none of them knows."""

    def __init__(self, inner: list[QtCore.QTranslator]) -> None:
        super().__init__()
        self.inner = list(inner)
        self.asked = 0
        self.missing: set[tuple[str, str]] = set()
        #: Texts whose translation is the text itself ("TAG", "ID"): PySide's ``tr`` then
        #: asks again in each base class's context, which is no missing translation.
        self.same: set[str] = set()

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        self.asked += 1
        for translator in self.inner:
            text = translator.translate(context, source, disambiguation, n)
            if text:
                if text == source:
                    self.same.add(source)
                return text
        if source.strip() and not _QT_CONTEXT.match(context or ""):
            self.missing.add((context, source))
        return source

    def isEmpty(self) -> bool:  # a Qt override: never skipped as empty
        return False

    def untranslated(self) -> set[tuple[str, str]]:
        """``(context, text)`` the console asked for and the catalogues lack."""
        return {(context, text) for context, text in self.missing if text not in self.same}


@dataclass(frozen=True)
class Clipped:
    """A widget whose text needs more room than it has."""

    kind: str
    text: str
    needed: int
    width: int


def _visible(widget: QtWidgets.QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def hidden_toolbar_actions(window: QtWidgets.QWidget) -> dict[str, list[str]]:
    """Per visible toolbar (by its title or object name), the actions behind its » button."""
    hidden: dict[str, list[str]] = {}
    for bar in window.findChildren(QtWidgets.QToolBar):
        if not _visible(bar):
            continue
        extension = bar.findChild(QtWidgets.QToolButton, "qt_toolbar_ext_button")
        if extension is None or not extension.isVisible():
            continue
        names = [
            action.text()
            for action in bar.actions()
            if action.isVisible()
            and not action.isSeparator()
            and (button := bar.widgetForAction(action)) is not None
            and not button.isVisible()
        ]
        hidden[bar.windowTitle() or bar.objectName() or type(bar.parent()).__name__] = names
    return hidden


def clipped_texts(window: QtWidgets.QWidget) -> list[Clipped]:
    """Visible labels and buttons narrower than their text, and line edits too narrow for
    their placeholder."""
    found: list[Clipped] = []
    for widget in window.findChildren(QtWidgets.QWidget):
        if not _visible(widget):
            continue
        if isinstance(widget, QtWidgets.QLabel):
            if widget.wordWrap() or not widget.text():
                continue
            needed = widget.minimumSizeHint().width()
            if widget.textFormat() != QtCore.Qt.TextFormat.PlainText:
                needed = widget.sizeHint().width()
            if needed > widget.width():
                found.append(Clipped("label", widget.text(), needed, widget.width()))
        elif isinstance(widget, QtWidgets.QAbstractButton) and not isinstance(
            widget, QtWidgets.QToolButton
        ):
            if widget.text() and widget.sizeHint().width() > widget.width():
                found.append(
                    Clipped("button", widget.text(), widget.sizeHint().width(), widget.width())
                )
        elif isinstance(widget, QtWidgets.QLineEdit) and widget.placeholderText():
            metrics = widget.fontMetrics()
            margins = widget.textMargins()
            needed = (
                metrics.horizontalAdvance(widget.placeholderText())
                + margins.left()
                + margins.right()
                + 12
            )
            if needed > widget.width() and not widget.text():
                found.append(
                    Clipped("placeholder", widget.placeholderText(), needed, widget.width())
                )
    return found


def clipped_headers(window: QtWidgets.QWidget) -> list[Clipped]:
    """Visible horizontal header sections narrower than their title (the last, stretched
    section and sections a user can scroll to are counted alike)."""
    found: list[Clipped] = []
    for header in window.findChildren(QtWidgets.QHeaderView):
        if not _visible(header) or header.orientation() != QtCore.Qt.Orientation.Horizontal:
            continue
        model = header.model()
        if model is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) == 0:
                continue
            title = model.headerData(
                section, QtCore.Qt.Orientation.Horizontal, QtCore.Qt.ItemDataRole.DisplayRole
            )
            if not title:
                continue
            # The title's own width plus the style's margins (no room for a sort arrow).
            needed = header.fontMetrics().horizontalAdvance(
                str(title)
            ) + 2 * header.style().pixelMetric(
                QtWidgets.QStyle.PixelMetric.PM_HeaderMargin, None, header
            )
            if needed > header.sectionSize(section):
                found.append(Clipped("header", str(title), needed, header.sectionSize(section)))
    return found


def hidden_tabs(window: QtWidgets.QWidget) -> dict[str, list[str]]:
    """Per visible tab bar (by its tab widget's class), the tabs out of sight: a bar that
    needs its scroll arrows hides tabs as a toolbar's » button hides actions."""
    hidden: dict[str, list[str]] = {}
    for bar in window.findChildren(QtWidgets.QTabBar):
        if not _visible(bar):
            continue
        arrows = [b for b in bar.findChildren(QtWidgets.QToolButton) if b.isVisible()]
        if not arrows:
            continue
        room = bar.rect()
        out = [
            bar.tabText(index)
            for index in range(bar.count())
            if bar.isTabVisible(index) and not room.contains(bar.tabRect(index))
        ]
        # The page holding the tab widget names the bar (AdministrationPage).
        owner = bar.parentWidget()
        page = owner.parentWidget() if owner is not None else None
        hidden[type(page or owner or bar).__name__] = out or ["(scrolls)"]
    return hidden
