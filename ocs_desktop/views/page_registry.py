"""Where the console's pages live, found by key and imported on first use.

Each page is a widget class in its own module, taking the :class:`ConsoleContext`, with a
``page_key`` and a ``refresh()``. The main window asks this registry for a page's class;
a page's module is imported only when the page is first shown, which keeps start-up
short. A page a later release brings has no loader and shows a placeholder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import Qt, QtWidgets

#: A page's class: built from the console's context.
PageClass = Callable[[ConsoleContext], QtWidgets.QWidget]


@dataclass(frozen=True)
class PageSpec:
    """A page's key and the loader of its class; no loader: a placeholder for a later
    release."""

    key: str
    load: Callable[[], PageClass] | None = None

    @property
    def planned(self) -> bool:
        """A page announced for a later release, not built yet."""
        return self.load is None


def _machines() -> PageClass:
    from ocs_desktop.views.fleet.machines_page import MachinesPage

    return MachinesPage


def _tags() -> PageClass:
    from ocs_desktop.views.fleet.tags_page import TagsPage

    return TagsPage


def _groups() -> PageClass:
    from ocs_desktop.views.fleet.groups_page import GroupsPage

    return GroupsPage


def _software() -> PageClass:
    from ocs_desktop.views.fleet.software_page import SoftwarePage

    return SoftwarePage


def _search() -> PageClass:
    from ocs_desktop.views.fleet.search_page import SearchPage

    return SearchPage


def _dashboard() -> PageClass:
    from ocs_desktop.views.fleet.dashboard_page import DashboardPage

    return DashboardPage


def _duplicates() -> PageClass:
    from ocs_desktop.views.fleet.duplicates_page import DuplicatesPage

    return DuplicatesPage


def _tag_rules() -> PageClass:
    from ocs_desktop.views.fleet.tag_rules_page import TagRulesPage

    return TagRulesPage


def _deployment() -> PageClass:
    from ocs_desktop.views.deployment.page import DeploymentPage

    return DeploymentPage


def _network() -> PageClass:
    from ocs_desktop.views.fleet.network_page import NetworkPage

    return NetworkPage


def _administration() -> PageClass:
    from ocs_desktop.views.admin.page import AdministrationPage

    return AdministrationPage


def _installers() -> PageClass:
    from ocs_desktop.views.installers.page import AgentInstallersPage

    return AgentInstallersPage


def _detail() -> PageClass:
    from ocs_desktop.views.fleet.machine_detail_pane import MachineDetailPane

    return MachineDetailPane


PAGES: tuple[PageSpec, ...] = (
    PageSpec("machines", _machines),
    PageSpec("tags", _tags),
    PageSpec("groups", _groups),
    PageSpec("software", _software),
    PageSpec("search", _search),
    PageSpec("dashboard", _dashboard),
    PageSpec("duplicates", _duplicates),
    PageSpec("tag-rules", _tag_rules),
    PageSpec("deployment", _deployment),
    PageSpec("network", _network),
    PageSpec("administration", _administration),
    PageSpec("installers", _installers),
)
DETAIL = PageSpec("detail", _detail)


def load_class(spec: PageSpec) -> PageClass | None:
    """The page class of ``spec``, or None for a page a later release brings."""
    return None if spec.load is None else spec.load()


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
