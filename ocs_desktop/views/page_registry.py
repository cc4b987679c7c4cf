"""Where the console's pages live, found by key and imported on first use.

Each page is a widget class in its own module, taking the :class:`ConsoleContext`, with a
``page_key`` and a ``refresh()``. The main window asks this registry for a page's class;
a module missing from a build (or a page a later release brings) gives a placeholder
instead of an error, so the window always opens.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ocs_desktop.views.qt import Qt, QtWidgets


@dataclass(frozen=True)
class PageSpec:
    """Where a page's class lives: the first of ``modules`` that has it.

    No modules: a placeholder for a later release.
    """

    key: str
    cls: str = ""
    modules: tuple[str, ...] = ()


_VIEWS = "ocs_desktop.views."
PAGES: tuple[PageSpec, ...] = (
    PageSpec("machines", "MachinesPage", (_VIEWS + "machines_page",)),
    PageSpec("tags", "TagsPage", (_VIEWS + "tags_page", _VIEWS + "machines_page")),
    PageSpec("groups", "GroupsPage", (_VIEWS + "groups_page",)),
    PageSpec("software", "SoftwarePage", (_VIEWS + "software_page",)),
    PageSpec("search", "SearchPage", (_VIEWS + "search_page",)),
    PageSpec("dashboard", "DashboardPage", (_VIEWS + "dashboard_page",)),
    PageSpec("deployment", "DeploymentPage", (_VIEWS + "deployment_page",)),
    PageSpec("network"),
    PageSpec("administration"),
)
DETAIL = PageSpec(
    "detail", "MachineDetailPane", (_VIEWS + "machine_detail_pane", _VIEWS + "machines_page")
)


def load_class(spec: PageSpec) -> type | None:
    """The page class of ``spec``, or None when no module of this build has it."""
    for name in spec.modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise  # the page is there but something it needs is not: a real error
            continue
        found = getattr(module, spec.cls, None)
        if isinstance(found, type):
            return found
    return None


class PlaceholderPage(QtWidgets.QWidget):
    """Stands for a page that a later release (or another build) brings."""

    def __init__(self, title: str, text: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QtWidgets.QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        body = QtWidgets.QLabel(text)
        body.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def refresh(self) -> None:
        """Nothing to reload."""
