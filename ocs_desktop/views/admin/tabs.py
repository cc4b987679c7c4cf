"""The Administration page's tabs, found by key and imported when the page is built.

One entry per tab, in the order shown; each tab is a widget class in its own module of
``views/admin/``, built from the :class:`ConsoleContext`, with ``refresh()``. A tab's
title comes from :func:`tab_titles`, translated here so the page needs no knowledge of
its tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets

#: A tab's class: built from the console's context.
TabClass = Callable[[ConsoleContext], QtWidgets.QWidget]

#: (key, loader of its class), in the order the tabs are shown.
TABS: tuple[tuple[str, Callable[[], TabClass]], ...] = (
    ("config", lambda: import_module(f"{__package__}.config_tab").ConfigTab),
    ("operators", lambda: import_module(f"{__package__}.operators_tab").OperatorsTab),
    ("registry", lambda: import_module(f"{__package__}.registry_tab").RegistryTab),
    ("label", lambda: import_module(f"{__package__}.label_tab").LabelTab),
    ("admin_fields", lambda: import_module(f"{__package__}.admin_fields_tab").AdminFieldsTab),
    ("agent_files", lambda: import_module(f"{__package__}.agent_files_tab").AgentFilesTab),
    ("certificates", lambda: import_module(f"{__package__}.certificates_tab").CertificatesTab),
    ("server", lambda: import_module(f"{__package__}.server_tab").ServerTab),
)  # fmt: skip


def tab_titles() -> dict[str, str]:
    """Each tab's title in the console's language."""
    return {
        "config": QtCore.QCoreApplication.translate("AdminTabs", "Configuration"),
        "operators": QtCore.QCoreApplication.translate("AdminTabs", "Operators"),
        "registry": QtCore.QCoreApplication.translate("AdminTabs", "Registry queries"),
        "label": QtCore.QCoreApplication.translate("AdminTabs", "Label"),
        "admin_fields": QtCore.QCoreApplication.translate("AdminTabs", "Admin fields"),
        "agent_files": QtCore.QCoreApplication.translate("AdminTabs", "Files for agents"),
        "certificates": QtCore.QCoreApplication.translate("AdminTabs", "Certificates"),
        "server": QtCore.QCoreApplication.translate("AdminTabs", "Server status"),
    }
