"""The agent setup's command line embedded in an ocspackage.exe (PROTOCOL 8's table).

Built only from values :func:`.agent_windows.validate` has checked, so no part needs
quoting but a TAG with spaces. The setup finds an option by searching its command line
for the first ``"/NAME=`` (value up to the next quote), then for the first ``/NAME=``
(value up to the next space): a TAG with spaces is therefore written ``"/TAG=a b"``, and
of two plain values of an option the first one wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocs_desktop.packager.agent_windows import WindowsAgentSpec

CA_NAME = "cacert.pem"
HIDDEN = "********"


def embedded_options(spec: WindowsAgentSpec, *, mask_secrets: bool = False) -> list[str]:
    """The setup switches for ``spec``, silent first; ``mask_secrets`` hides the proxy password."""
    options = ["/S", f"/SERVER={spec.server}", f"/SSL={1 if spec.ssl else 0}"]
    if spec.cacert is not None:
        options.append(f"/CA={CA_NAME}")
    if spec.notag:
        options.append("/NOTAG")
    elif spec.tag:
        options.append(f'"/TAG={spec.tag}"' if " " in spec.tag else f"/TAG={spec.tag}")
    if spec.now:
        options.append("/NOW")
    if spec.nosplash:
        options.append("/NOSPLASH")
    if spec.proxy_type:
        options += [
            f"/PROXY_TYPE={spec.proxy_type}",
            f"/PROXY={spec.proxy_host}",
            f"/PROXY_PORT={spec.proxy_port}",
        ]
        if spec.proxy_user:
            options.append(f"/PROXY_USER={spec.proxy_user}")
        if spec.proxy_password:
            options.append(f"/PROXY_PWD={HIDDEN if mask_secrets else spec.proxy_password}")
    if spec.debug is not None:
        options.append(f"/DEBUG={spec.debug}")
    options += list(spec.options)
    return options


def upgrade_command(spec: WindowsAgentSpec, setup_name: str) -> str:
    """The command a deployment package runs to upgrade agents with the plain setup.

    The wiki's advice (PROTOCOL 8): the setup itself with ``/UPGRADE`` so the agent reports
    the deployment's result, rather than ocspackage.exe.
    """
    silent, *rest = embedded_options(spec)
    return " ".join([setup_name, silent, "/UPGRADE", *rest])
