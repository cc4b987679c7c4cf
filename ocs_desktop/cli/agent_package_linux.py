"""``ocs-desktop agent-package linux``: a self-extracting (makeself) installer that puts
the OCS agent on Debian/Ubuntu machines, configured for our server.

    agent-package linux --server https://ocs.example.org/ocsinventory --output out/ \\
        --cert-dir /etc/ocs-desktop/tls --tag Paris
    agent-package linux --from-json out/ocs-agent-installer.json --tag Lyon --output lyon/

The CA defaults to ``cacert.pem`` in ``--cert-dir`` (the folder of ``cert init``).
Options given with ``--from-json`` override the recorded ones.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from ocs_desktop.cli.common import EXIT_OK, EXIT_USAGE, CommandError, handled, percent_line

CERT_INIT_CA = "cacert.pem"


def add_parser(kinds: Any) -> None:
    """Add the ``linux`` installer kind."""
    parser = kinds.add_parser(
        "linux",
        help="self-extracting installer for Debian/Ubuntu (makeself)",
        description="Build ocs-agent-installer.run and its sidecar JSON. Run it as root "
        "on a Debian/Ubuntu machine: it installs ocsinventory-agent with apt-get if "
        "missing, writes /etc/ocsinventory/ocsinventory-agent.cfg and cacert.pem, sets up "
        "the daily run and sends the first inventory. Its own options after -- (--server, "
        "--tag, --no-ssl, --no-first-run, --schedule, --root DIR) override the built-in ones.",
    )
    parser.add_argument("--server", help="server URL, e.g. https://ocs.example.org/ocsinventory")
    parser.add_argument("--output", type=Path, help="folder for the .run and .json files")
    parser.add_argument("--cacert", type=Path, help="the CA agents trust (PEM)")
    parser.add_argument(
        "--cert-dir", type=Path, help=f"folder of cert init: use its {CERT_INIT_CA}"
    )
    parser.add_argument(
        "--ssl",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check the server certificate with the CA (default: on)",
    )
    parser.add_argument("--tag", help="TAG of the machines (default: none)")
    parser.add_argument(
        "--first-run",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="send the first inventory at install time (default: on)",
    )
    parser.add_argument(
        "--from-json", type=Path, metavar="SIDECAR", help="the inputs of an earlier build"
    )
    parser.set_defaults(handler=run)


def _spec(args: argparse.Namespace) -> Any:
    from ocs_desktop.packager.agent_linux import LinuxAgentSpec, spec_from_sidecar

    if args.from_json is not None:
        base = spec_from_sidecar(args.from_json, args.output)
    elif args.server is None or args.output is None:
        raise CommandError("give --server and --output (or --from-json SIDECAR)", EXIT_USAGE)
    else:
        base = LinuxAgentSpec(server=args.server, output_dir=args.output)
    if args.cacert is not None and args.cert_dir is not None:
        raise CommandError("give --cacert or --cert-dir, not both", EXIT_USAGE)
    cacert = args.cacert if args.cert_dir is None else args.cert_dir / CERT_INIT_CA
    overrides: dict[str, Any] = {
        "server": args.server,
        "output_dir": args.output,
        "cacert": cacert,
        "ssl": args.ssl,
        "tag": args.tag,
        "first_run": args.first_run,
    }
    return replace(base, **{k: v for k, v in overrides.items() if v is not None})


@handled("agent-package linux", interrupted="interrupted: nothing was written")
def run(args: argparse.Namespace) -> int:
    from ocs_desktop.packager.agent_installer import InstallerError
    from ocs_desktop.packager.agent_linux import validate
    from ocs_desktop.packager.agent_linux_build import build_linux_installer

    try:
        spec = _spec(args)
        validate(spec)  # before the progress line: a refusal is one clean line
        with percent_line("building") as progress:
            built = build_linux_installer(spec, progress)
    except InstallerError as exc:
        raise CommandError(str(exc)) from None
    print(f"installer: {built.path}")
    print(f"sidecar:   {built.sidecar}")
    print(f"sha256:    {built.sha256}")
    print(f"size:      {built.size}")
    return EXIT_OK
