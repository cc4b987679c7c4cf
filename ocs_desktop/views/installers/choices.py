"""The installer wizard's last choices, remembered per database profile.

A packager builds for one server at a time: the console connected to a database keeps
that database's server URL, certificate, TAG and options, and offers them again the next
time it is opened on it (keyed by the connection label, as the Server status tab keeps its
server profile). Passwords (proxy, alternate credentials) are never kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.settings import Option, Settings

INSTALLER_CHOICES: Option[dict[str, Any]] = Option(
    "installers/choices",
    {},
    "Per database profile: the agent installer wizard's last choices (no passwords).",
)
#: The Certificates tab's folder of ``cert init`` (views/admin/certificates_tab.CERT_DIR):
#: its ``cacert.pem`` is the certificate offered by default. Read only here.
CERT_DIR_KEY = "admin/certificate_dir"
#: Choices that are secrets and never written to the settings file.
SECRET_CHOICES = frozenset({"proxy_password", "password"})


def load_choices(context: ConsoleContext) -> dict[str, Any]:
    """The choices saved for the connected database, or none."""
    saved = context.settings.get(INSTALLER_CHOICES).get(context.url)
    return dict(saved) if isinstance(saved, dict) else {}


def save_choices(context: ConsoleContext, choices: dict[str, Any]) -> None:
    """Keep ``choices`` (minus secrets) for the connected database."""
    kept = {key: value for key, value in choices.items() if key not in SECRET_CHOICES}
    saved: dict[str, Any] = context.settings.get(INSTALLER_CHOICES)
    context.settings.set(INSTALLER_CHOICES, {**saved, context.url: kept})
    context.settings.sync()


def default_cacert(settings: Settings) -> str:
    """``cacert.pem`` of the Certificates tab's folder when it exists, else ""."""
    folder = settings.store.value(CERT_DIR_KEY)
    if not isinstance(folder, str) or not folder.strip():
        return ""
    candidate = Path(folder.strip()) / "cacert.pem"
    return str(candidate) if candidate.is_file() else ""
