"""HAProxy in front of the serve nodes (HTTP, health-checked on ``/health``) and of the
database nodes (TCP, one frontend per serve node, each with its own primary node and the
others as backups), with an admin socket to take a database node out and back in."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

HTTP_PORT = 18080


def config(work: Path, serve_ports: list[int], db_ports: list[int], db_fronts: list[int]) -> str:
    """The configuration: front ``HTTP_PORT`` -> serve nodes, ``db_fronts[i]`` -> database
    node ``i`` first, the others as backups."""
    serves = "\n".join(
        f"    server serve{n + 1} 127.0.0.1:{port} check inter 1s fall 2 rise 2"
        for n, port in enumerate(serve_ports)
    )
    lines = [
        "global",
        f"    stats socket {work / 'haproxy.sock'} mode 600 level admin",
        "    maxconn 2000",
        "defaults",
        "    timeout connect 3s",
        "    retries 3",
        "    option redispatch",
        "frontend agents",
        "    mode http",
        f"    bind 127.0.0.1:{HTTP_PORT}",
        "    timeout client 120s",
        "    default_backend serve",
        "backend serve",
        "    mode http",
        "    balance roundrobin",
        "    timeout server 120s",
        "    option httpchk GET /health",
        "    http-check expect status 200",
        serves,
    ]
    for front, primary in zip(db_fronts, range(len(db_fronts)), strict=True):
        lines += [
            f"listen db{primary + 1}",
            "    mode tcp",
            f"    bind 127.0.0.1:{front}",
            "    timeout client 1h",
            "    timeout server 1h",
        ]
        for n, port in enumerate(db_ports):
            backup = "" if n == primary else " backup"
            lines.append(
                f"    server node{n + 1} 127.0.0.1:{port} check inter 500 fall 2 rise 2{backup}"
            )
    return "\n".join(lines) + "\n"


class HaProxy:
    def __init__(self, work: Path, text: str) -> None:
        self.work = work
        self.path = work / "haproxy.cfg"
        self.path.write_text(text)
        subprocess.run(["haproxy", "-c", "-q", "-f", str(self.path)], check=True)
        log = open(work / "haproxy.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            ["haproxy", "-db", "-f", str(self.path)], stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 10
        while not (work / "haproxy.sock").exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"haproxy did not start; see {work / 'haproxy.log'}")
            time.sleep(0.1)

    def command(self, line: str) -> str:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(self.work / "haproxy.sock"))
            sock.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def set_db_node(self, node: int, state: str, fronts: int) -> None:
        """``maint`` or ``ready`` for database node ``node`` (1-based) in every frontend."""
        for front in range(1, fronts + 1):
            self.command(f"set server db{front}/node{node} state {state}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
