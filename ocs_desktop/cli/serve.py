"""``ocs-desktop serve``: the communication server agents post to, run by uvicorn, on
HTTP, HTTPS or both (``server.listeners``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocs_desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_db_option,
    check_database,
    database_url,
    handled,
)
from ocs_desktop.cli.db_gate import require_checked
from ocs_desktop.db.engines import is_sqlite
from ocs_desktop.server.settings import ENV_NAME, MIB, ServerSettings
from ocs_desktop.server.useragent import PolicyError, load_policy

if TYPE_CHECKING:
    from ocs_desktop.server.listeners import Listener

APP_FACTORY = "ocs_desktop.server.app:create_app_from_env"
DEFAULT_PORT = 8080
LOG_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the communication server for OCS agents",
        description="Serve the OCS agent protocol at /ocsinventory, deployment files at "
        "/download and a health check at /health.",
    )
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port",
        type=int,
        help=f"the port (default {DEFAULT_PORT}): HTTPS with --tls-cert, else HTTP",
    )
    parser.add_argument(
        "--http-port", type=int, help="listen on this port for HTTP (beside HTTPS with --tls-cert)"
    )
    parser.add_argument(
        "--https-port", type=int, help="listen on this port for HTTPS (needs --tls-cert)"
    )
    parser.add_argument("--tls-cert", help="server certificate (PEM) for HTTPS")
    parser.add_argument("--tls-key", help="server private key (PEM) for HTTPS")
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes (MariaDB only for more than 1)"
    )
    parser.add_argument(
        "--download-dir",
        type=Path,
        help="folder holding <FILEID>/info and fragments, served at /download/",
    )
    parser.add_argument(
        "--log-dir", type=Path, help="folder for activity.log (written while LOGLEVEL is on)"
    )
    parser.add_argument("--max-body-mb", type=float, default=32, help="request body limit")
    parser.add_argument(
        "--body-timeout", type=float, default=30, help="seconds a stalled request body may wait"
    )
    parser.add_argument(
        "--extra-useragents",
        help="file of extra accepted User-Agent regexes, one a line (as OCS's EXT_USERAGENTS_FILE)",
    )
    parser.add_argument(
        "--useragents",
        type=Path,
        metavar="FILE",
        help="User-Agent policy: allow/deny rules by agent name and version, read before the "
        "built-in list of OCS and FusionInventory agents (see README, Communication server)",
    )
    parser.add_argument(
        "--trusted-ip",
        action="append",
        default=[],
        metavar="REGEX",
        help="peer addresses that may inventory without a prolog session when "
        "INVENTORY_SESSION_ONLY is on (repeatable)",
    )
    _add_hardening_options(parser)
    parser.set_defaults(handler=run)


def _positive(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def _add_hardening_options(parser: argparse.ArgumentParser) -> None:
    """Limits against hostile clients and a failing database (README, Communication server)."""
    parser.add_argument(
        "--min-body-rate", type=float, default=1.0, metavar="KIB_S",
        help="KiB/s a request body must average once --body-timeout has passed (0: no minimum)",
    )  # fmt: skip
    parser.add_argument(
        "--decode-threads", type=int, default=4, metavar="N",
        help="request bodies each worker decompresses and parses at once",
    )  # fmt: skip
    parser.add_argument(
        "--db-timeout", type=_positive, default=90, metavar="SECONDS",
        help="read and write timeout of database connections",
    )  # fmt: skip
    parser.add_argument(
        "--max-package-mb", type=_positive, default=1024, metavar="MB",
        help="largest total of the fragments of a package uploaded to /admin/packages",
    )  # fmt: skip
    parser.add_argument(
        "--max-frags", type=int, default=10_000, metavar="N",
        help="most fragments (FRAGS) of a package uploaded to /admin/packages",
    )  # fmt: skip


def log_config() -> dict[str, Any]:
    """Logging for every worker process: ours (access log included) and uvicorn's."""
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": LOG_FORMAT}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.access": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            "ocs_desktop": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }  # fmt: skip


def listeners(args: argparse.Namespace) -> list[Listener]:
    """The sockets asked for: ``--port`` alone as before (HTTPS with TLS files, else HTTP),
    or ``--http-port`` and/or ``--https-port``, both at once as Apache serves OCS."""
    from ocs_desktop.server.listeners import Listener  # uvicorn: only when serving

    tls = bool(args.tls_cert)
    if args.https_port is not None and not tls:
        raise CommandError("--https-port needs --tls-cert and --tls-key", EXIT_USAGE)
    main_port = args.https_port if tls else args.http_port
    if args.port is not None and main_port is not None:
        raise CommandError(
            f"--port and --{'https' if tls else 'http'}-port name the same socket; give one",
            EXIT_USAGE,
        )
    if main_port is None:
        main_port = args.port if args.port is not None else DEFAULT_PORT
    found = [Listener(main_port, tls)]
    if tls and args.http_port is not None:
        if args.http_port == main_port:
            raise CommandError("HTTP and HTTPS need two different ports", EXIT_USAGE)
        found.append(Listener(args.http_port, False))
    return found


@handled("serve")
def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ocs_desktop.server.listeners import serve

    url = database_url(args.db)
    if bool(args.tls_cert) != bool(args.tls_key):
        raise CommandError("--tls-cert and --tls-key go together", EXIT_USAGE)
    wanted = listeners(args)
    if args.workers > 1 and is_sqlite(url):
        raise CommandError(
            "SQLite serves a single worker; use --workers 1 or a MariaDB database", EXIT_USAGE
        )
    useragents = str(args.useragents.resolve()) if args.useragents else None
    try:  # each worker reads the files again; a typo is better caught here, with its line
        load_policy(useragents, args.extra_useragents)
    except PolicyError as error:
        raise CommandError(str(error), EXIT_USAGE) from None
    check_database(url, table="hardware")
    require_checked(url)  # an outdated database would answer HTTP 500 to every agent
    if args.log_dir:
        args.log_dir.mkdir(parents=True, exist_ok=True)
    settings = ServerSettings(
        db_url=url,
        download_dir=str(args.download_dir.resolve()) if args.download_dir else None,
        log_dir=str(args.log_dir.resolve()) if args.log_dir else None,
        max_body_bytes=int(args.max_body_mb * MIB),
        body_timeout_s=args.body_timeout,
        extra_useragents_file=args.extra_useragents,
        useragents_file=useragents,
        trusted_ips=tuple(args.trusted_ip),
        min_body_rate=args.min_body_rate * 1024,
        decode_threads=max(1, args.decode_threads),
        db_timeout_s=args.db_timeout,
        max_package_bytes=int(args.max_package_mb * MIB),
        max_frags=args.max_frags,
    )
    os.environ[ENV_NAME] = settings.to_env()
    config = uvicorn.Config(
        APP_FACTORY,
        factory=True,
        host=args.host,
        port=wanted[0].port,
        workers=max(1, args.workers),
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        http="ocs_desktop.server.h11_protocol:HeaderTimeoutH11Protocol",
        access_log=False,
        log_config=log_config(),
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    try:
        serve(config, args.host, wanted)
    except OSError as exc:  # a port already taken, an address not ours
        raise CommandError(f"cannot listen on {args.host}: {exc}") from None
    return EXIT_OK
