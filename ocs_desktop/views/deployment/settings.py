"""The deployment views' settings and the server's deployment defaults.

Declared once, typed, with their defaults, like :mod:`ocs_desktop.views.settings`: where
built packages are kept and how the last package was published (locations, folder,
server, operator login). The operator's password is never among them. The server's own
``config`` (agent period length, the console's fragmentation, download URIs) is read by
:func:`load_defaults` to prefill the forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.db.options import load_options
from ocs_desktop.packager.fragments import console_fragment_mib
from ocs_desktop.packager.store import default_store
from ocs_desktop.views.settings import Option, Settings

#: ``ConsoleContext.changed`` topic: packages were built, activated, assigned or deleted.
PACKAGES = "packages"

PACKAGE_STORE: Option[str] = Option(
    "deployment/store", "", "Folder of built packages ('' = 'packages' in the data folder)."
)
INFO_LOC: Option[str] = Option(
    "deployment/info_loc", "", "Last INFO_LOC activated with (HOST[:PORT]/PATH)."
)
PACK_LOC: Option[str] = Option(
    "deployment/pack_loc", "", "Last PACK_LOC activated with (HOST[:PORT]/PATH)."
)
PUBLISH_MODE: Option[str] = Option(
    "deployment/publish_mode", "folder", "How packages are published: folder, upload or none."
)
DOWNLOAD_DIR: Option[str] = Option(
    "deployment/download_dir", "", "Download folder packages are copied into when activated."
)
UPLOAD_URL: Option[str] = Option(
    "deployment/upload_url", "", "https:// address of the OCS Desktop server to upload to."
)
OPERATOR: Option[str] = Option(
    "deployment/operator", "admin", "Operator login for uploads (the password is never kept)."
)
CA_FILE: Option[str] = Option(
    "deployment/ca_file", "", "CA file trusted for HTTPS checks and uploads ('' = system CAs)."
)
CHECK_URLS: Option[bool] = Option(
    "deployment/check_urls", True, "Fetch the info file and first fragment before activating."
)
DEPLOYMENT_OPTIONS: tuple[Option[Any], ...] = (
    PACKAGE_STORE,
    INFO_LOC,
    PACK_LOC,
    PUBLISH_MODE,
    DOWNLOAD_DIR,
    UPLOAD_URL,
    OPERATOR,
    CA_FILE,
    CHECK_URLS,
)
PUBLISH_MODES = ("folder", "upload", "none")


def store_path(settings: Settings) -> Path:
    """The package store the settings name, or the default one in the data folder."""
    chosen = settings.get(PACKAGE_STORE).strip()
    return Path(chosen) if chosen else default_store()


@dataclass(frozen=True)
class DeploymentDefaults:
    """What the server's ``config`` says about deployment, for the forms' defaults."""

    period_length: int = 10
    fragment_mib: int | None = None
    info_loc: str = ""
    pack_loc: str = ""


def load_defaults(conn: Connection, progress: Progress = None) -> DeploymentDefaults:
    """``DOWNLOAD_PERIOD_LENGTH``, the console's fragmentation and download URIs."""
    options = load_options(conn)
    return DeploymentDefaults(
        period_length=max(1, options.ivalue("DOWNLOAD_PERIOD_LENGTH", 10)),
        fragment_mib=console_fragment_mib(options),
        info_loc=(options.tvalue("DOWNLOAD_URI_INFO") or "").strip(),
        pack_loc=(options.tvalue("DOWNLOAD_URI_FRAG") or "").strip(),
    )
