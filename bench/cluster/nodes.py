"""Start and stop MariaDB nodes on loopback ports: a Galera cluster or one plain server.

Each node has its own datadir under a work folder (``mariadb-install-db``), its own TCP
port and socket; Galera nodes add their group, IST and SST ports (rsync SST) and the first
one bootstraps the cluster (``--wsrep-new-cluster``). Nothing here touches the system
MariaDB. Root connects over TCP without a password (``root@127.0.0.1`` is created).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pymysql

MARIADBD = "/usr/sbin/mariadbd"
GALERA = "/usr/lib/galera/libgalera_smm.so"


@dataclass
class Node:
    """One MariaDB server: its ports, folder and process."""

    name: str
    port: int
    root: Path
    galera_port: int | None = None  # group port; IST is +1, SST +2
    peers: list[int] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def socket(self) -> Path:
        return self.root / "mysqld.sock"

    @property
    def url(self) -> str:
        return f"mysql+pymysql://root@127.0.0.1:{self.port}"

    def config(self) -> str:
        lines = [
            "[mariadbd]",
            f"datadir={self.datadir}",
            f"socket={self.socket}",
            f"port={self.port}",
            "bind-address=127.0.0.1",
            f"pid-file={self.root / 'mysqld.pid'}",
            f"log-error={self.root / 'error.log'}",
            # Not root: rsync SST's daemon, started as root, would drop to "nobody".
            "user=mysql",
            "skip-name-resolve",
            "performance_schema=OFF",
            "innodb_buffer_pool_size=128M",
            "innodb_log_file_size=64M",
            "innodb_flush_log_at_trx_commit=2",
            "max_connections=200",
            "innodb_print_all_deadlocks=ON",  # into error.log: who collided, on what
            "character-set-server=utf8mb4",
            "collation-server=utf8mb4_unicode_ci",
        ]
        if self.galera_port is not None:
            cluster = ",".join(f"127.0.0.1:{port}" for port in self.peers)
            lines += [
                "binlog_format=ROW",
                "default_storage_engine=InnoDB",
                "innodb_autoinc_lock_mode=2",
                "wsrep_on=ON",
                f"wsrep_provider={GALERA}",
                "wsrep_cluster_name=ocs_bench",
                f"wsrep_cluster_address=gcomm://{cluster}",
                f"wsrep_node_name={self.name}",
                f"wsrep_node_address=127.0.0.1:{self.galera_port}",
                "wsrep_provider_options="
                f'"base_port={self.galera_port};ist.recv_addr=127.0.0.1:{self.galera_port + 1};'
                'gcache.size=256M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S"',
                "wsrep_sst_method=rsync",
                f"wsrep_sst_receive_address=127.0.0.1:{self.galera_port + 2}",
                "wsrep_slave_threads=2",
            ]
        return "\n".join(lines) + "\n"

    def install(self) -> None:
        """A fresh datadir with the system tables and ``root@127.0.0.1`` (no password)."""
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "my.cnf").write_text(self.config())
        shutil.chown(self.root, "mysql", "mysql")
        subprocess.run(
            ["mariadb-install-db", f"--defaults-file={self.root / 'my.cnf'}",
             "--auth-root-authentication-method=normal", "--skip-test-db"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def recovered_position(self) -> str | None:
        """After a crash: the last committed write-set (``uuid:seqno``) InnoDB holds, as
        Debian's ``galera_recovery`` finds it, so the node asks for IST, not a full SST."""
        log = self.root / "recover.log"
        subprocess.run(
            [MARIADBD, f"--defaults-file={self.root / 'my.cnf'}", "--wsrep-recover",
             f"--log-error={log}"],
            check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120,
        )  # fmt: skip
        found = re.findall(r"Recovered position: (\S+)", log.read_text(errors="replace"))
        return found[-1] if found else None

    def start(self, *, bootstrap: bool = False, position: str | None = None) -> None:
        args = [MARIADBD, f"--defaults-file={self.root / 'my.cnf'}"]
        if bootstrap:
            args.append("--wsrep-new-cluster")
        if position is not None:
            args.append(f"--wsrep-start-position={position}")
        log = open(self.root / "stdout.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 180.0) -> None:
        """Until the node answers over TCP (and, in a cluster, is Synced)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.root / 'error.log'}")
            try:
                if self.galera_port is None:
                    if self.status("Uptime") is not None:
                        return
                elif self.status("wsrep_local_state_comment") == "Synced":
                    return
            except pymysql.MySQLError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"{self.name} not ready after {timeout:.0f} s")

    def grant_tcp_root(self) -> None:
        """``root@127.0.0.1`` for TCP clients, through the socket (only the first node)."""
        conn = pymysql.connect(unix_socket=str(self.socket), user="root")
        with conn.cursor() as cur:
            cur.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'")
            cur.execute("GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION")
        conn.close()

    def connect(self, database: str | None = None) -> pymysql.Connection:
        return pymysql.connect(
            host="127.0.0.1", port=self.port, user="root", database=database, connect_timeout=3
        )

    def status(self, name: str) -> str | None:
        conn = pymysql.connect(unix_socket=str(self.socket), user="root", connect_timeout=3)
        try:
            with conn.cursor() as cur:
                cur.execute("SHOW GLOBAL STATUS LIKE %s", (name,))
                row = cur.fetchone()
        finally:
            conn.close()
        return None if row is None else str(row[1])

    def kill(self) -> None:
        """kill -9, as a crash would."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.kill()


def galera_cluster(work: Path, size: int = 3, port: int = 13306, group: int = 14567) -> list[Node]:
    """``size`` nodes installed, the first bootstrapped, the others joined, all Synced."""
    groups = [group + 10 * i for i in range(size)]
    nodes = [
        Node(f"node{i + 1}", port + i, work / f"node{i + 1}", groups[i], groups)
        for i in range(size)
    ]
    try:
        for node in nodes:
            node.install()
        nodes[0].start(bootstrap=True)
        nodes[0].wait_ready()
        nodes[0].grant_tcp_root()  # replicated to the joiners by their SST
        for node in nodes[1:]:
            node.start()
            node.wait_ready()
    except BaseException:
        for node in nodes:
            node.stop()
        raise
    return nodes


def single_node(work: Path, port: int = 13316) -> Node:
    """One plain MariaDB (no wsrep), started the same way."""
    node = Node("single", port, work / "single")
    try:
        node.install()
        node.start()
        node.wait_ready()
        node.grant_tcp_root()
    except BaseException:
        node.stop()
        raise
    return node
