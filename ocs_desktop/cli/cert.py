"""``ocs-desktop cert``: a private CA and a server certificate for HTTPS (``init``), and
their care (``show``, ``renew``, ``export-ca``, ``import``; ``server.cert_admin``)."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ocs_desktop.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandError, handled


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
    _register_admin(verbs)


PASSWORD_ENV = "OCS_DESKTOP_CERT_PASSWORD"


def _register_admin(verbs: argparse._SubParsersAction) -> None:
    """show, renew, export-ca, import (``server.cert_admin``)."""
    show = verbs.add_parser(
        "show",
        help="describe the CA and server certificate",
        description="Subject, names, expiry, SHA-256 fingerprint and days left of ca.pem and "
        "server.pem; exit 1 when one expires within 30 days.",
    )
    show.add_argument("--dir", required=True, type=Path, help="the folder of cert init")
    show.add_argument("--json", action="store_true", help="as JSON")
    show.set_defaults(handler=run_show)
    renew = verbs.add_parser(
        "renew",
        help="a new server certificate from the same CA",
        description="Signs a new server.key/server.pem with the CA of --dir, for the same "
        "names unless --host/--ip are given; agents' cacert.pem stays valid. Restart serve.",
    )
    renew.add_argument("--dir", required=True, type=Path, help="the folder of cert init")
    renew.add_argument("--host", help="server name (default: the current certificate's)")
    renew.add_argument(
        "--ip", action="append", default=None, help="IP SAN, repeatable (default: current)"
    )
    renew.add_argument("--days", type=int, default=825, help="validity (default 825)")
    renew.set_defaults(handler=run_renew)
    export = verbs.add_parser(
        "export-ca", help="copy cacert.pem for agents", description="Copy the CA for agents."
    )
    export.add_argument("--dir", required=True, type=Path, help="the folder of cert init")
    export.add_argument("destination", type=Path, help="file or folder to write cacert.pem to")
    export.set_defaults(handler=run_export)
    imp = verbs.add_parser(
        "import",
        help="install an existing CA or server certificate with its key",
        description="PEM (key in --key or the same file) or PKCS#12 (.p12/.pfx; password "
        f"from ${PASSWORD_ENV}, --password-stdin, or asked). A key that does not match the "
        "certificate is refused and nothing is written.",
    )
    imp.add_argument("--dir", required=True, type=Path, help="the folder serve uses")
    imp.add_argument("role", choices=("ca", "server"), help="which certificate it is")
    imp.add_argument("certificate", type=Path, help="PEM or PKCS#12 file")
    imp.add_argument("--key", type=Path, help="its private key (PEM), if not in the file")
    imp.add_argument("--password-stdin", action="store_true", help="read the password on stdin")
    imp.set_defaults(handler=run_import)


def _print_info(info: Any) -> None:
    warn = "  WARNING: expires soon" if info.expiring else ""
    print(f"{info.role}: {info.path}")
    print(f"  subject:   {info.subject}")
    print(f"  names:     {', '.join(info.names) or '-'}")
    print(f"  not after: {info.not_after:%Y-%m-%d %H:%M} UTC ({info.days_left} days left){warn}")
    print(f"  SHA-256:   {info.sha256}")


@handled("cert")
def run_show(args: argparse.Namespace) -> int:
    from ocs_desktop.common.cert_admin import CertificateError, describe

    try:
        found = describe(args.dir)
    except (CertificateError, OSError) as exc:
        raise CommandError(str(exc)) from None
    if not found:
        raise CommandError(f"no ca.pem or server.pem in {args.dir}")
    if args.json:
        rows = [
            {**asdict(i), "path": str(i.path), "not_after": i.not_after.isoformat(),
             "expiring": i.expiring}
            for i in found
        ]  # fmt: skip
        print(json.dumps(rows, indent=2))
    else:
        for info in found:
            _print_info(info)
    return EXIT_FAILED if any(i.expiring for i in found) else EXIT_OK


@handled("cert")
def run_renew(args: argparse.Namespace) -> int:
    from ocs_desktop.common.cert_admin import CertificateError, renew_server

    try:
        info = renew_server(args.dir, args.host, args.ip, days=args.days)
    except (CertificateError, OSError, ValueError) as exc:
        raise CommandError(str(exc)) from None
    _print_info(info)
    print("restart ocs-desktop serve to use it")
    return EXIT_OK


@handled("cert")
def run_export(args: argparse.Namespace) -> int:
    from ocs_desktop.common.cert_admin import CertificateError, export_ca

    try:
        print(export_ca(args.dir, args.destination))
    except (CertificateError, OSError) as exc:
        raise CommandError(str(exc)) from None
    return EXIT_OK


def _import_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    return None


@handled("cert")
def run_import(args: argparse.Namespace) -> int:
    from ocs_desktop.common.cert_admin import CertificateError, import_certificate

    password = _import_password(args)
    try:
        try:
            info = import_certificate(args.dir, args.role, args.certificate, args.key, password)
        except CertificateError:
            if password is not None or not sys.stdin.isatty():
                raise
            password = getpass.getpass(f"password of {args.certificate}: ")
            info = import_certificate(args.dir, args.role, args.certificate, args.key, password)
    except (CertificateError, OSError) as exc:
        raise CommandError(str(exc)) from None
    _print_info(info)
    return EXIT_OK


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
