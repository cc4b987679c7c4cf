"""Standalone mode: the console runs a communication server on the database it shows.

One workstation is then a whole OCS: agents on the LAN report to it while the
administrator works. The server is ``ocs-desktop serve`` in its own process (never in the
GUI thread), so a slow agent or a crash of one cannot freeze the console, and it stops
with the console. The database URL goes through the environment, not the command line,
so a MariaDB password never shows in a process list. While it runs, the console counts
the machines whose inventory arrived since it started, read from the database.
"""

from __future__ import annotations

import datetime as dt
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, select

from ocs_desktop.common.environment import DB_ENV
from ocs_desktop.models import Hardware
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, Signal

#: How often the inventory count is read while the server runs.
POLL_MS = 3000
#: How long a stop waits for a graceful shutdown before killing the process.
STOP_GRACE_MS = 12_000


@dataclass(frozen=True)
class LocalServerOptions:
    """Where to listen: HTTP always, HTTPS too with the certificates of ``cert init``."""

    host: str = "0.0.0.0"  # every interface: agents on the LAN must reach it
    http_port: int = 8080
    https_port: int | None = None
    tls_cert: str = ""
    tls_key: str = ""

    def arguments(self) -> list[str]:
        """The ``serve`` options (the database comes through :data:`DB_ENV`)."""
        args = ["serve", "--host", self.host]
        if self.https_port is None:
            return [*args, "--port", str(self.http_port)]
        return [
            *args,
            "--https-port",
            str(self.https_port),
            "--http-port",
            str(self.http_port),
            "--tls-cert",
            self.tls_cert,
            "--tls-key",
            self.tls_key,
        ]

    def urls(self, address: str) -> list[str]:
        """What agents are given: ``http://address:port/ocsinventory`` (and https)."""
        found = [f"http://{address}:{self.http_port}/ocsinventory"]
        if self.https_port is not None:
            found.insert(0, f"https://{address}:{self.https_port}/ocsinventory")
        return found


def program() -> list[str]:
    """How to start ``ocs-desktop``: the bundle's own executable, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "ocs_desktop"]


def inventories_since(conn: Connection, since: dt.datetime) -> tuple[int, str | None]:
    """Machines inventoried since ``since`` and the latest one's name."""
    count = conn.execute(
        select(func.count()).select_from(Hardware).where(Hardware.LASTDATE >= since)
    ).scalar_one()
    latest = conn.execute(
        select(Hardware.NAME)
        .where(Hardware.LASTDATE >= since)
        .order_by(Hardware.LASTDATE.desc())
        .limit(1)
    ).scalar()
    return int(count), latest


class LocalServer(QtCore.QObject):
    """A ``serve`` process on the console's database, and what it has received."""

    #: The server listens (its agent URLs).
    started = Signal(list)
    #: The server is gone: True when asked to stop, False when it ended by itself.
    stopped = Signal(bool)
    #: It could not start or died: the reason (its last error lines).
    failed = Signal(str)
    #: Machines inventoried since the start, and the latest one's name.
    inventoriesChanged = Signal(int, str)

    def __init__(self, context: ConsoleContext, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.options: LocalServerOptions | None = None
        self.process: QtCore.QProcess | None = None
        self.started_at: dt.datetime | None = None
        self.inventories = 0
        self._stopping = False
        self._listening = False
        self._errors: list[str] = []
        self._poll = QtCore.QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._probe = QtCore.QTimer(self)
        self._probe.setInterval(100)
        self._probe.timeout.connect(self._check_listening)

    @property
    def running(self) -> bool:
        return self.process is not None

    def start(self, options: LocalServerOptions) -> QtCore.QProcess:
        """Start ``serve`` with ``options`` on the console's database."""
        if self.process is not None:
            raise RuntimeError("the local server already runs")
        process = QtCore.QProcess(self)
        environment = QtCore.QProcessEnvironment.systemEnvironment()
        environment.insert(DB_ENV, self.context.engine.url.render_as_string(hide_password=False))
        environment.insert("PYTHONUNBUFFERED", "1")
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QtCore.QProcess.ProcessChannelMode.MergedChannels)
        process.readyReadStandardOutput.connect(self._output)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        command = program()
        self.options = options
        self.process = process
        self.started_at = dt.datetime.now().replace(microsecond=0)
        self.inventories = 0
        self._stopping = False
        self._listening = False
        self._errors = []
        process.start(command[0], [*command[1:], *options.arguments()])
        return process

    def stop(self) -> None:
        """Ask the server to stop (SIGTERM: agents being served finish), kill it if it lingers."""
        process = self.process
        if process is None:
            return
        self._stopping = True
        process.terminate()
        if not process.waitForFinished(STOP_GRACE_MS):
            process.kill()
            process.waitForFinished(3000)

    def poll(self) -> None:
        """Read how many machines reported since the start (in the worker)."""
        since = self.started_at
        if since is None:
            return
        self.context.read(
            lambda conn, progress: inventories_since(conn, since),
            self._counted,
            key=f"local-server-{id(self):x}",
        )

    def _counted(self, result: tuple[int, str | None]) -> None:
        count, latest = result
        if self.process is not None and count != self.inventories:
            self.inventories = count
            self.inventoriesChanged.emit(count, latest or "")

    def _output(self) -> None:
        process = self.process
        if process is None:
            return
        text = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            if line.strip():
                self._errors = [*self._errors[-5:], line.strip()]  # the tail, for a failure
            if "Application startup complete" in line and not self._listening:
                self._listening = True
                self._probe.start()  # the sockets open just after this line

    def _check_listening(self) -> None:
        """Say the server started once every port it was given accepts a connection."""
        options = self.options
        if options is None or self.process is None:
            self._probe.stop()
            return
        address = "127.0.0.1" if options.host in ("0.0.0.0", "::", "") else options.host
        ports = [options.http_port, *([options.https_port] if options.https_port else [])]
        for port in ports:
            try:
                socket.create_connection((address, port), timeout=0.2).close()
            except OSError:
                return  # not yet: the timer asks again
        self._probe.stop()
        self._poll.start()
        self.started.emit(options.urls(advertised_address(options.host)))

    def _error(self, error: QtCore.QProcess.ProcessError) -> None:
        if error == QtCore.QProcess.ProcessError.FailedToStart and self.process is not None:
            self._errors.append(self.process.errorString())
            self._finished(-1, QtCore.QProcess.ExitStatus.CrashExit)

    def _finished(self, _code: int, _status: QtCore.QProcess.ExitStatus) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        self._output_rest(process)
        self._poll.stop()
        self._probe.stop()
        asked = self._stopping
        if not asked:
            self.failed.emit("\n".join(self._errors) or process.errorString())
        self.stopped.emit(asked)
        process.deleteLater()

    def _output_rest(self, process: QtCore.QProcess) -> None:
        rest = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        for line in rest.splitlines():
            if line.strip():
                self._errors = [*self._errors[-4:], line.strip()]


def advertised_address(host: str) -> str:
    """The address to give agents: the machine's own name when listening on every interface."""
    if host in ("0.0.0.0", "::", ""):
        return QtCore.QSysInfo.machineHostName() or "localhost"
    return host


def default_tls_files(directory: str) -> tuple[str, str]:
    """``server.pem`` and ``server.key`` in the folder of ``cert init``, if it has them."""
    if not directory:
        return "", ""
    folder = Path(directory)
    cert, key = folder / "server.pem", folder / "server.key"
    return (str(cert), str(key)) if cert.is_file() and key.is_file() else ("", "")
