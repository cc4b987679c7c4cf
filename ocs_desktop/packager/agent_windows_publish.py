"""Publishing an ocspackage.exe's choices as a deployment package that upgrades Windows agents.

The wiki advises against deploying ocspackage.exe to upgrade agents (PROTOCOL 8): the
setup itself, run with ``/S /UPGRADE``, keeps the agent's data folder (label, plugins,
certificate) and writes the status file through which the agent reports the deployment's
result. So the package is a zip of the setup, under its official name, and the CA as
``cacert.pem`` beside it; its command is the setup with the spec's options.

Publishing the package itself as the agent file ``/ocsinventory/deploy/ocspackage.exe``
belongs to fleet, which the packager may not import: the CLI and the console call
``fleet.agent_files.upload_file(conn, built.path, PACKAGE_NAME, replace=True)``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sqlalchemy import Engine

from ocs_desktop.common.progress import Progress
from ocs_desktop.packager.agent_windows import WindowsAgentSpec, validate
from ocs_desktop.packager.agent_windows_cmdline import CA_NAME, upgrade_command
from ocs_desktop.packager.built import BuiltPackage
from ocs_desktop.packager.service import build_and_record
from ocs_desktop.packager.spec import Action, PackageSpec, TargetOs

SETUP_NAME = "OCS-NG-Windows-Agent-Setup.exe"
DEFAULT_NAME = "OCS agent upgrade"


def upgrade_spec(spec: WindowsAgentSpec, name: str = DEFAULT_NAME) -> PackageSpec:
    """The deployment package's choices: EXECUTE the setup with ``/UPGRADE``."""
    return PackageSpec(
        name=name,
        os=TargetOs.WINDOWS,
        action=Action.EXECUTE,
        command=upgrade_command(spec, SETUP_NAME),
        description=f"Upgrades the OCS agent for {spec.server}",
    )


def publish_upgrade_package(
    engine: Engine,
    spec: WindowsAgentSpec,
    store: Path,
    *,
    name: str = DEFAULT_NAME,
    progress: Progress = None,
) -> BuiltPackage:
    """Validate ``spec``, build the upgrade package into ``store`` and record it.

    Raises :class:`~ocs_desktop.packager.agent_installer.InstallerError` for the spec and
    what :func:`~ocs_desktop.packager.service.build_and_record` raises; on failure nothing
    is left, as there.
    """
    validate(spec)
    package = upgrade_spec(spec, name)
    package.validate()
    with tempfile.TemporaryDirectory(prefix="ocs-upgrade-") as temp:
        sources = [Path(temp) / SETUP_NAME]
        shutil.copyfile(spec.setup, sources[0])
        if spec.cacert is not None:
            sources.append(Path(temp) / CA_NAME)
            shutil.copyfile(spec.cacert, sources[1])
        return build_and_record(
            engine, package, sources, store, progress=progress, console_fragmentation=True
        )
