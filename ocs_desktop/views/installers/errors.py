"""The installer core's refusals in the console's language.

The core raises :class:`~ocs_desktop.packager.agent_installer.InstallerError` with an
English template marked ``QT_TRANSLATE_NOOP("AgentInstaller", ...)`` and its parameters;
the template is translated here and only then filled, so the French keeps the file names
and values the core put in.
"""

from __future__ import annotations

from ocs_desktop.packager.agent_installer import InstallerError
from ocs_desktop.views.i18n import coded_text
from ocs_desktop.views.qt import QtCore

#: Parameters that hold an English word of the core's (not a user's value).
_WORDED_PARAMS = frozenset({"what", "field", "reason"})


def _param_words() -> dict[str, str]:
    """English words the core puts into its messages' parameters, in the console's language."""
    return {
        "agent setup": QtCore.QCoreApplication.translate("InstallerErrors", "agent setup"),
        "certificate": QtCore.QCoreApplication.translate("InstallerErrors", "certificate"),
        "plugin": QtCore.QCoreApplication.translate("InstallerErrors", "plugin"),
        "proxy host": QtCore.QCoreApplication.translate("InstallerErrors", "proxy host"),
        "proxy user": QtCore.QCoreApplication.translate("InstallerErrors", "proxy user"),
        "proxy password": QtCore.QCoreApplication.translate("InstallerErrors", "proxy password"),
        "server": QtCore.QCoreApplication.translate("InstallerErrors", "server URL"),
        "tag": "TAG",
        "cacert": QtCore.QCoreApplication.translate("InstallerErrors", "certificate path"),
        "output_dir": QtCore.QCoreApplication.translate("InstallerErrors", "output folder"),
        "unexpected character": QtCore.QCoreApplication.translate(
            "InstallerErrors", "unexpected character"
        ),
        "no host": QtCore.QCoreApplication.translate("InstallerErrors", "no host"),
        "not a folder": QtCore.QCoreApplication.translate("InstallerErrors", "not a folder"),
    }


def installer_error_text(error: InstallerError) -> str:
    """``error`` worded in the console's language (English when no translation exists)."""
    words = _param_words()
    params = {
        name: words.get(value, value)
        if name in _WORDED_PARAMS and isinstance(value, str)
        else value
        for name, value in error.params.items()
    }
    return coded_text("AgentInstaller", error.message, params, error.code, str(error))
