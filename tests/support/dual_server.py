"""Run ``ocs-desktop serve`` on HTTPS and HTTP at once (``--https-port``/``--http-port``)."""

from __future__ import annotations

import os
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

from tests.support.live_server import free_port


@dataclass
class DualServer:
    process: subprocess.Popen[bytes]
    https_port: int
    http_port: int
    log: Path
    ca_file: Path

    @property
    def https_url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def get(url: str, context: ssl.SSLContext | None = None, timeout: float = 5) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout, context=context) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait(server: DualServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited:\n{server.log_text()}")
        try:
            if (
                get(f"{server.https_url}/health", server.context(), 2)[0] == 200
                and get(f"{server.http_url}/health", None, 2)[0] == 200
            ):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server never became healthy:\n{server.log_text()}")


@contextmanager
def dual_server(
    db_url: str, workdir: Path, certs: Path, extra: Sequence[str] = (), *, timeout: float = 60
) -> Iterator[DualServer]:
    """Serve with ``certs/server.pem`` on HTTPS and plain HTTP; stop it afterwards."""
    https_port, http_port = free_port(), free_port()
    while http_port == https_port:
        http_port = free_port()
    log = workdir / f"dual-{https_port}.log"
    command = [sys.executable, "-m", "ocs_desktop", "serve", "--db", db_url,
               "--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key"),
               "--https-port", str(https_port), "--http-port", str(http_port), *extra]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=os.environ.copy()
        )
    server = DualServer(process, https_port, http_port, log, certs / "cacert.pem")
    try:
        _wait(server, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
