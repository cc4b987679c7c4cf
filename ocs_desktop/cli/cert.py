"""``ocs-desktop cert init``: a private CA and a server certificate for HTTPS."""

from __future__ import annotations

import argparse
import ipaddress
from pathlib import Path

from ocs_desktop.cli.common import EXIT_OK, EXIT_USAGE, CommandError, handled


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cert",
        help="certificates for HTTPS",
        description="Create certificates so agents can reach the server over HTTPS.",
    )
    verbs = parser.add_subparsers(dest="cert_command", metavar="VERB", required=True)
    init = verbs.add_parser(
        "init",
        help="create a private CA and a server certificate",
        description="Writes ca.key/ca.pem (the CA, reused if present), server.key/server.pem "
        "(for serve --tls-key/--tls-cert) and cacert.pem (give it to agents: --ca, or "
        "cacert.pem next to the Windows agent).",
    )
    init.add_argument("--dir", required=True, type=Path, help="folder for the files")
    init.add_argument("--host", required=True, help="the server name agents use (DNS SAN)")
    init.add_argument(
        "--ip", action="append", default=[], help="an address agents use (IP SAN, repeatable)"
    )
    init.set_defaults(handler=run_init)


@handled("cert")
def run_init(args: argparse.Namespace) -> int:
    from ocs_desktop.server.certs import init_certificates  # cryptography: only when needed

    for ip in args.ip:
        try:
            ipaddress.ip_address(ip)
        except ValueError:
            raise CommandError(f"not an IP address: {ip}", EXIT_USAGE) from None
    files = init_certificates(args.dir, args.host, args.ip)
    print(f"server certificate: {files.server_cert}")
    print(f"server key:         {files.server_key}")
    print(f"CA for agents:      {files.agent_ca}")
    return EXIT_OK
