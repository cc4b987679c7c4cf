"""The one place the installer views meet the installer core (``packager.agent_*``).

The wizard's pages hold plain dicts of choices (what the console remembers); here they
become the core's specs (``WindowsAgentSpec``, ``LinuxAgentSpec``), are judged by the
core's own checks, built, and published. Errors stay the core's ``InstallerError``; the
pages word them (:mod:`.errors`) and place them under the input named by
:func:`error_field`.
"""

from __future__ import annotations

import logging
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from ocs_desktop.common.progress import Progress
from ocs_desktop.db.engines import default_data_dir
from ocs_desktop.fleet.agent_files import AgentFile, upload_file
from ocs_desktop.packager import agent_linux, agent_windows
from ocs_desktop.packager.agent_installer import BuiltInstaller, InstallerError
from ocs_desktop.packager.built import BuiltPackage
from ocs_desktop.packager.store import default_store
from ocs_desktop.views.installers.errors import installer_error_text
from ocs_desktop.views.settings import Settings

log = logging.getLogger(__name__)

WINDOWS, LINUX = "windows", "linux"
KINDS = (WINDOWS, LINUX)
#: The architectures ocspackage.exe can be built for, in the order the wizard offers them.
WINDOWS_ARCHES = agent_windows.ARCHES
OUTPUT_DIR_NAME = "agent-installers"
#: The Deployment page's package store (views/deployment/settings.PACKAGE_STORE, a sibling
#: room): upgrade packages go where the Deployment page looks for packages.
PACKAGE_STORE_KEY = "deployment/store"

#: Which input an error is about, by its code (params["field"] / "what" refine it).
_FIELD_BY_CODE = {
    "setup-unreadable": "setup",
    "setup-not-pe": "setup",
    "server-invalid": "server",
    "server-scheme": "server",
    "cacert-unreadable": "cacert",
    "cacert-not-ca": "cacert",
    "cacert-not-pem": "cacert",
    "cacert-needed": "cacert",
    "cacert-required": "cacert",
    "tag-notag": "tag",
    "tag-too-long": "tag",
    "tag-spaces": "tag",
    "tag-quoted": "tag",
    "label-invalid": "label",
    "plugin-twice": "plugins",
    "proxy-type": "proxy",
    "proxy-unused": "proxy",
    "proxy-port": "proxy",
    "option-invalid": "extra",
    "option-managed": "extra",
    "option-secret": "extra",
    "cmdline-long": "extra",
    "debug-invalid": "extra",
    "arch-invalid": "extra",
    "output-invalid": "output_dir",
}
_FIELD_BY_WHAT = {"agent setup": "setup", "certificate": "cacert", "plugin": "plugins"}
_FIELD_BY_NAME = {
    "TAG": "tag",
    "tag": "tag",
    "server": "server",
    "cacert": "cacert",
    "output_dir": "output_dir",
    "proxy host": "proxy",
    "proxy user": "proxy",
    "proxy password": "proxy",
}


def default_output_dir() -> Path:
    """``agent-installers`` in the user's data folder (not created until a build)."""
    return default_data_dir() / OUTPUT_DIR_NAME


def upgrade_store(settings: Settings) -> Path:
    """The package store the Deployment page uses (its setting), else the default one."""
    chosen = settings.store.value(PACKAGE_STORE_KEY)
    if isinstance(chosen, str) and chosen.strip():
        return Path(chosen.strip())
    return default_store()


def error_field(error: InstallerError, choices: dict[str, Any] | None = None) -> str:
    """The input ``error`` is about ("" when none: shown on the build page); a refused
    file name is the setup's or the certificate's when ``choices`` name that file."""
    named = error.params.get("field")
    if isinstance(named, str) and named in _FIELD_BY_NAME:
        return _FIELD_BY_NAME[named]
    what = error.params.get("what")
    if isinstance(what, str) and what in _FIELD_BY_WHAT:
        return _FIELD_BY_WHAT[what]
    if error.code == "file-name":
        name = str(error.params.get("name", ""))
        for field in ("setup", "cacert"):
            given = str((choices or {}).get(field) or "")
            if given and Path(given).name == name:
                return field
        return "plugins"
    return _FIELD_BY_CODE.get(error.code, "")


def _path(text: Any) -> Path | None:
    text = str(text or "").strip()
    return Path(text) if text else None


def windows_spec(choices: dict[str, Any], output_dir: Path) -> agent_windows.WindowsAgentSpec:
    """The Windows core's spec for the wizard's choices (not validated)."""
    mode = choices.get("tag_mode", "tag")
    proxy_type = int(choices.get("proxy_type", 0))
    port = int(choices.get("proxy_port") or 0)
    try:
        options = tuple(shlex.split(str(choices.get("extra", "")), posix=False))
    except ValueError:  # an unbalanced quote: the core refuses the whole text
        options = (str(choices.get("extra", "")),)
    return agent_windows.WindowsAgentSpec(
        setup=Path(str(choices.get("setup", ""))),
        server=str(choices.get("server", "")),
        output_dir=output_dir,
        cacert=_path(choices.get("cacert")),
        ssl=bool(choices.get("ssl", True)),
        tag=str(choices.get("tag", "")) if mode == "tag" else "",
        notag=mode == "notag",
        label=str(choices.get("label", "")),
        plugins=tuple(Path(p) for p in choices.get("plugins", [])),
        now=bool(choices.get("now", False)),
        nosplash=bool(choices.get("nosplash", False)),
        proxy_type=proxy_type,
        proxy_host=str(choices.get("proxy_host", "")) if proxy_type else "",
        proxy_port=port if proxy_type else None,
        proxy_user=str(choices.get("proxy_user", "")) if proxy_type else "",
        proxy_password=str(choices.get("proxy_password", "")) if proxy_type else "",
        debug=int(choices.get("debug", 0)) or None,
        options=options,
        arch=str(choices.get("arch", agent_windows.DEFAULT_ARCH)),
    )


def linux_spec(choices: dict[str, Any], output_dir: Path) -> agent_linux.LinuxAgentSpec:
    """The Linux core's spec for the wizard's choices (not validated)."""
    return agent_linux.LinuxAgentSpec(
        server=str(choices.get("linux_server", "")),
        output_dir=output_dir,
        cacert=_path(choices.get("linux_cacert")),
        ssl=bool(choices.get("linux_ssl", True)),
        tag=str(choices.get("linux_tag", "")),
        first_run=bool(choices.get("linux_first_run", True)),
    )


class CoreBridge:
    """Checks, builds and publishes through the installer core; Qt-free apart from wording."""

    # --- checks (run in the worker as a file arrives) -------------------------------------
    @staticmethod
    def check_setup(path: Path) -> str:
        """Why ``path`` cannot be the agent setup, worded; "" when it can."""

        def check() -> None:
            agent_windows.check_file(path, "agent setup")
            agent_windows.check_setup(path)

        return _worded(check)

    @staticmethod
    def check_cacert(path: Path) -> str:
        """Why ``path`` cannot be the agents' CA certificate, worded; "" when it can."""

        def check() -> None:
            agent_windows.check_file(path, "certificate")
            agent_windows.check_cacert(path)

        return _worded(check)

    # --- the whole spec ---------------------------------------------------------------------
    @staticmethod
    def problem(kind: str, choices: dict[str, Any], output_dir: Path) -> InstallerError | None:
        """The core's first refusal of these choices, None when they can be built."""
        try:
            if kind == WINDOWS:
                agent_windows.validate(windows_spec(choices, output_dir))
            else:
                agent_linux.validate(linux_spec(choices, output_dir))
        except InstallerError as error:
            return error
        return None

    @staticmethod
    def build(
        kind: str, choices: dict[str, Any], output_dir: Path, progress: Progress = None
    ) -> BuiltInstaller:
        """Build the installer (blocking: run it in the worker); Cancelled leaves nothing."""
        if kind == WINDOWS:
            from ocs_desktop.packager.agent_windows_build import build

            return build(windows_spec(choices, output_dir), progress=progress)
        from ocs_desktop.packager.agent_linux_build import build_linux_installer

        return build_linux_installer(linux_spec(choices, output_dir), progress=progress)

    # --- publishing (Windows) ---------------------------------------------------------------
    @staticmethod
    def publish_agent_file(
        conn: Connection, built: BuiltInstaller, progress: Progress = None
    ) -> AgentFile:
        """Store the package as the agent file agents fetch at ``deploy/ocspackage.exe``
        (replacing the previous one); raises ``AgentFileError``."""
        return upload_file(
            conn, built.path, agent_windows.PACKAGE_NAME, replace=True, progress=progress
        )

    @staticmethod
    def publish_upgrade(
        engine: Engine,
        choices: dict[str, Any],
        output_dir: Path,
        store: Path,
        progress: Progress = None,
    ) -> BuiltPackage:
        """Build and record the deployment package that upgrades agents with these choices
        (the plain setup with ``/UPGRADE``, as the OCS wiki advises); its ``fileid``."""
        from ocs_desktop.packager.agent_windows_publish import publish_upgrade_package

        spec = windows_spec(choices, output_dir)
        return publish_upgrade_package(engine, spec, store, progress=progress)


def _worded(check: Callable[[], object]) -> str:
    try:
        check()
    except InstallerError as error:
        return installer_error_text(error)
    return ""
