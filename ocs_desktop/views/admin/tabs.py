"""The Administration page's tabs, found by key and imported when the page is built.

One entry per tab, in the order shown; each tab is a widget class in its own module of
``views/admin/``, built from the :class:`ConsoleContext`, with ``refresh()``. A tab's
title comes from :func:`tab_titles`, translated here so the page needs no knowledge of
its tabs.
"""

from __future__ import annotations

from collections.abc import Callable

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets

#: A tab's class: built from the console's context.
TabClass = Callable[[ConsoleContext], QtWidgets.QWidget]

#: (key, loader of its class), in the order the tabs are shown.
TABS: tuple[tuple[str, Callable[[], TabClass]], ...] = ()


def tab_titles() -> dict[str, str]:
    """Each tab's title in the console's language."""
    tr = QtCore.QCoreApplication.translate
    return {
        "config": tr("AdminTabs", "Configuration"),
        "operators": tr("AdminTabs", "Operators"),
        "registry": tr("AdminTabs", "Registry queries"),
        "label": tr("AdminTabs", "Label"),
        "admin_fields": tr("AdminTabs", "Admin fields"),
        "agent_files": tr("AdminTabs", "Files for agents"),
        "certificates": tr("AdminTabs", "Certificates"),
        "server": tr("AdminTabs", "Server status"),
    }
