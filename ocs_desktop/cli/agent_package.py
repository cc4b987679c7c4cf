"""``ocs-desktop agent-package``: installers that put the OCS agent on workstations.

    agent-package windows ...   ocspackage.exe around the official Windows agent setup
    agent-package linux ...     a self-extracting installer for Debian/Ubuntu machines

Each kind registers its own options (``agent_package_windows``, ``agent_package_linux``).
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.cli import agent_package_linux, agent_package_windows


def register(subparsers: Any) -> None:
    """Add the ``agent-package`` command and one sub-command per installer kind."""
    parser = subparsers.add_parser(
        "agent-package",
        help="build an agent installer (Windows ocspackage.exe, Linux self-extracting)",
        description="Build an installer that deploys the OCS agent configured for a server.",
    )
    kinds = parser.add_subparsers(dest="agent_package_kind", metavar="KIND", required=True)
    agent_package_windows.add_parser(kinds)
    agent_package_linux.add_parser(kinds)
