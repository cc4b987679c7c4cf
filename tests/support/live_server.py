"""Run ``ocs-desktop serve`` as a real process on a free loopback port, for live tests."""

from __future__ import annotations

import os
import secrets
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ocs_desktop.db.engines import create_database_if_missing, create_engine_for
from ocs_desktop.db.schema import init_database
from tests.support.reference_schema import drop_database
from tests.support.services import mysql_database_url


@pytest.fixture
def maria(mysql_server_url: str) -> Iterator[tuple[str, Engine]]:
    """A fresh MariaDB database with our schema: its URL (for a server process) and an engine."""
    url = mysql_database_url(mysql_server_url, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(url)
    engine = create_engine_for(url)
    init_database(engine)
    try:
        yield url, engine
    finally:
        engine.dispose()
        drop_database(url)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    scheme: str = "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def _wait_healthy(server: LiveServer, context: ssl.SSLContext | None, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited:\n{server.log_text()}")
        try:
            with urllib.request.urlopen(f"{server.url}/health", timeout=2, context=context) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server never became healthy:\n{server.log_text()}")


@contextmanager
def live_server(
    db_url: str,
    workdir: Path,
    extra: Sequence[str] = (),
    *,
    ca_file: Path | None = None,
    timeout: float = 60,
) -> Iterator[LiveServer]:
    """Start the server, wait for /health, stop it (SIGTERM, then SIGKILL) afterwards."""
    port = free_port()
    log = workdir / f"server-{port}.log"
    command = [sys.executable, "-m", "ocs_desktop", "serve", "--db", db_url, "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, *extra], stdout=out, stderr=subprocess.STDOUT, env=os.environ.copy()
        )
    scheme = "https" if "--tls-cert" in extra else "http"
    server = LiveServer(process, port, log, scheme)
    context = ssl.create_default_context(cafile=str(ca_file)) if ca_file else None
    try:
        _wait_healthy(server, context, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
