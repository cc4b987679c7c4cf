"""Listening on HTTP and HTTPS at once, in every worker, as an Apache-hosted OCS does.

Agents fetch a package's info file over HTTPS and its fragments with the package's PROTO
(HTTP by default), from the same host; an OCS server answers both on 80 and 443. uvicorn
serves one kind of socket per server (``Config.ssl`` applies to all of them), so
:class:`DualServer` runs the TLS sockets through uvicorn's own start-up and adds plain
listeners for the HTTP sockets to the same server: same application, same lifespan (one
database engine and health check per worker), same graceful shutdown. The sockets are
bound once in the parent process and handed to each worker, as uvicorn does for
``--workers``; a worker tells them apart by port.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import socket
from dataclasses import dataclass

from uvicorn import Config, Server
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess, Process

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Listener:
    """One socket to listen on: its port and whether it speaks TLS."""

    port: int
    tls: bool

    @property
    def scheme(self) -> str:
        return "https" if self.tls else "http"


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket on ``host:port`` (IPv6 when the host is one), as
    uvicorn binds it for ``--workers``; ``OSError`` when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class DualServer(Server):
    """uvicorn's server, with plain-HTTP listeners beside its TLS ones."""

    def __init__(self, config: Config, plain_ports: frozenset[int]) -> None:
        super().__init__(config)
        self.plain_ports = plain_ports

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        if sockets is None or self.config.ssl is None or not self.plain_ports:
            await super().startup(sockets=sockets)
            return
        tls = [s for s in sockets if s.getsockname()[1] not in self.plain_ports]
        plain = [s for s in sockets if s.getsockname()[1] in self.plain_ports]
        await super().startup(sockets=tls)
        if not self.started:
            return
        loop = asyncio.get_running_loop()
        for sock in plain:
            server = await loop.create_server(
                self._plain_protocol, sock=sock, ssl=None, backlog=self.config.backlog
            )
            self.servers.append(server)

    async def main_loop(self) -> None:
        # Started: what is loaded now (the application, its libraries, the lifespan's
        # objects) stays for the worker's life. Frozen, it is no longer walked by every
        # full collection, which each inventory's thousands of short-lived objects set off.
        gc.collect()
        gc.freeze()
        await super().main_loop()

    def _plain_protocol(self, _loop: asyncio.AbstractEventLoop | None = None) -> asyncio.Protocol:
        """What uvicorn's start-up makes for each connection, for a plain socket."""
        return self.config.http_protocol_class(  # type: ignore[call-arg]
            config=self.config,
            server_state=self.server_state,
            app_state=self.lifespan.state,
            _loop=_loop,
        )


class _Worker(Process):
    """A uvicorn worker process running a :class:`DualServer`."""

    def __init__(self, config: Config, sockets: list[socket.socket], plain: frozenset[int]):
        self.plain_ports = plain
        super().__init__(config, sockets)

    @property
    def server(self) -> Server:
        if self._server is None:
            self._server = DualServer(self.config, self.plain_ports)
        return self._server


class _Supervisor(Multiprocess):
    """uvicorn's supervisor (restarts, signals, health pings), starting :class:`_Worker`.

    uvicorn names its ``Process`` class in three places; ``_spawn`` is the one place here.
    """

    def __init__(self, config: Config, sockets: list[socket.socket], plain: frozenset[int]):
        super().__init__(config, sockets)
        self.plain_ports = plain

    def _spawn(self) -> Process:
        process = _Worker(self.config, self.sockets, self.plain_ports)
        process.start()
        return process

    def init_processes(self) -> None:
        self.processes = [self._spawn() for _ in range(self.processes_num)]

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return
        for index, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:  # TLS files, app or bind: would fail again
                log.error("worker process %s failed to start; stopping", process.pid)
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            log.info("worker process %s died; starting another", process.pid)
            self.processes[index] = self._spawn()

    def restart_all(self) -> None:
        for index, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            self.processes[index] = self._spawn()
            old.terminate()
            old.join()


def serve(config: Config, host: str, listeners: list[Listener]) -> None:
    """Bind every listener, then serve them in ``config.workers`` processes (one: here).

    ``config`` carries the TLS files when any listener is TLS; it applies to those only.
    """
    sockets = [bind(host, listener.port) for listener in listeners]
    plain = frozenset(listener.port for listener in listeners if not listener.tls)
    shown = f"[{host}]" if ":" in host else host
    for listener in listeners:
        log.info("listening on %s://%s:%d", listener.scheme, shown, listener.port)
    try:
        if config.workers > 1:
            _Supervisor(config, sockets, plain).run()
        else:
            DualServer(config, plain).run(sockets=sockets)
    finally:
        for sock in sockets:
            sock.close()
