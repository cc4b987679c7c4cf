"""CPU seconds of the processes a bench measures, found by PID, never by name.

A name is not an identity on a shared machine: two MariaDB servers (or two Apache
trees) can run at once, and "the first process named mariadbd" is whichever /proc
lists first. The benches therefore measure the process tree they started (their
``Popen`` PID), the MariaDB server that owns the port they connect to (its
``@@pid_file``, else the process listening on that port), and Apache through its
own pid file.

A process tree's CPU is the utime+stime of each live process plus the
cutime+cstime each one holds for the children it has already reaped: a worker
that exits mid-run (Apache recycles its children) still counts, once.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

_HZ = os.sysconf("SC_CLK_TCK")
APACHE_PID_FILE = Path("/run/apache2/apache2.pid")


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (field 3 on), or None if gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()


def process_cpu(pid: int) -> float:
    """utime+stime (s) of one process, all its threads included; 0 if it is gone."""
    fields = _stat_fields(pid)
    return 0.0 if fields is None else (int(fields[11]) + int(fields[12])) / _HZ


def tree_pids(root_pid: int) -> list[int]:
    """The live process ``root_pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields is not None:
                children.setdefault(int(fields[1]), []).append(int(entry))
    found, stack = [], [root_pid]
    while stack:
        pid = stack.pop()
        if Path(f"/proc/{pid}").exists():
            found.append(pid)
            stack.extend(children.get(pid, []))
    return found


def tree_cpu(root_pid: int) -> float:
    """CPU seconds (s) of a process tree: live processes plus the children they reaped."""
    total = 0.0
    for pid in tree_pids(root_pid):
        fields = _stat_fields(pid)
        if fields is not None:
            total += sum(int(fields[i]) for i in (11, 12, 13, 14)) / _HZ
    return total


def _exe_name(pid: int) -> str:
    try:
        return os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return ""


def _listening_pid(port: int) -> int | None:
    """PID of the process with a TCP socket listening on ``port`` (IPv4 or IPv6)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{parts[9]}]")
    if not inodes:
        return None
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fds = os.listdir(f"/proc/{entry}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{entry}/fd/{fd}") in inodes:
                    return int(entry)
            except OSError:
                continue
    return None


def mariadb_pid(conn: Connection) -> int | None:
    """PID of the MariaDB/MySQL server behind ``conn``, if it runs on this machine.

    Read from the server's own ``@@pid_file`` (relative paths are under
    ``@@datadir``), else from the process listening on ``@@port``; None when
    neither gives a local mariadbd/mysqld (a remote server, another container).
    """
    pid_file, datadir, port = conn.execute(text("SELECT @@pid_file, @@datadir, @@port")).one()
    candidates = []
    if pid_file:
        path = Path(pid_file)
        if not path.is_absolute():
            path = Path(datadir or "/") / path
        with contextlib.suppress(OSError, ValueError, IndexError):
            candidates.append(int(path.read_text().split()[0]))
    listening = _listening_pid(int(port)) if port else None
    if listening is not None:
        candidates.append(listening)
    for pid in candidates:
        if _exe_name(pid) in ("mariadbd", "mysqld") and listening in (None, pid):
            return pid
    return None


def mariadb_pid_at(url: str) -> int | None:
    """:func:`mariadb_pid` of the server behind a database URL."""
    from ocs_desktop.db.engines import create_engine_for

    engine = create_engine_for(url)
    try:
        with engine.connect() as conn:
            return mariadb_pid(conn)
    finally:
        engine.dispose()


def apache_pid() -> int | None:
    """PID of the Apache parent process, from Debian's pid file (None if not running)."""
    try:
        pid = int(APACHE_PID_FILE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid if _exe_name(pid) in ("apache2", "httpd") else None


def thread_cpu(pid: int) -> dict[int, float]:
    """utime+stime (s) of each thread of process ``pid``, by thread id."""
    found: dict[int, float] = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tids:
        try:
            raw = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        found[int(tid)] = (int(fields[11]) + int(fields[12])) / _HZ
    return found


class ConnectionThreads:
    """CPU of the MariaDB threads serving connections to one database, while a pass runs.

    MariaDB runs one OS thread per connection and names it in PROCESSLIST.TID. The
    whole server's CPU mixes in every other client of a shared server (another
    bench, a fleet build); these threads' CPU is the work done for this database's
    connections only. It leaves out InnoDB's background threads (purge, page
    flushing), so it is a lower bound where the whole process is an upper one.
    PROCESSLIST is sampled every ``period`` s, so that connections which close
    before the end (a pool's overflow, a recycled Apache child) still count, as long
    as their thread lives on in MariaDB's thread cache.
    """

    def __init__(self, admin: Engine, pid: int, database: str, period: float = 0.2) -> None:
        self.admin, self.pid, self.database, self.period = admin, pid, database, period
        self.cpu = 0.0
        self._seen: set[int] = set()
        self._stop = threading.Event()
        self._poller = threading.Thread(target=self._poll, daemon=True)
        self._start: dict[int, float] = {}

    def _sample(self, conn: Connection) -> None:
        query = text("SELECT TID FROM information_schema.PROCESSLIST WHERE DB = :db")
        self._seen.update(int(tid) for (tid,) in conn.execute(query, {"db": self.database}))

    def _poll(self) -> None:
        with self.admin.connect() as conn:
            while not self._stop.wait(self.period):
                self._sample(conn)
                conn.rollback()
            self._sample(conn)

    def __enter__(self) -> ConnectionThreads:
        self._start = thread_cpu(self.pid)
        self._poller.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._poller.join()
        end = thread_cpu(self.pid)
        self.cpu = sum(end[t] - self._start.get(t, 0.0) for t in self._seen if t in end)


def host_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs, from /proc/stat: how loaded the machine was."""
    values = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)
