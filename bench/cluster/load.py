"""Agents through the load balancer: PROLOG then INVENTORY per machine, as the Unix agent.

A machine whose exchange did not end in a 200 to its INVENTORY (a 503, a 500, a cut
connection) is sent again after a short pause, as the agent would at its next contact;
every answer is counted by status so the report can tell "answered" from "retried".
"""

from __future__ import annotations

import http.client
import threading
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

UA = "OCS-NG_unified_unix_agent_v2.10.0"
HEADERS = {"User-Agent": UA, "Content-Type": "application/x-compress", "Pragma": "no-cache"}
TRIES = 12


@dataclass
class LoadResult:
    machines: int
    seconds: float = 0.0
    statuses: Counter[str] = field(default_factory=Counter)
    stored: int = 0  # machines whose INVENTORY got 200
    resent: int = 0  # machines that needed more than one exchange

    @property
    def rate(self) -> float:
        return self.machines / self.seconds if self.seconds else 0.0


class Load:
    """Sends ``bodies`` (deviceid, compressed inventory) at ``concurrency``; ``done`` counts
    machines finished, so the caller can act mid-run."""

    def __init__(self, port: int, bodies: list[tuple[str, bytes]], concurrency: int) -> None:
        self.port = port
        self.bodies = bodies
        self.concurrency = concurrency
        self.done = 0
        self.result = LoadResult(len(bodies))
        self._lock = threading.Lock()

    def _count(self, key: str) -> None:
        with self._lock:
            self.result.statuses[key] += 1

    def _exchange(self, deviceid: str, body: bytes) -> bool:
        prolog = f"<REQUEST><DEVICEID>{deviceid}</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=180)
        try:
            for query, payload in (("PROLOG", zlib.compress(prolog.encode())), ("INVENTORY", body)):
                conn.request("POST", "/ocsinventory", payload, HEADERS)
                response = conn.getresponse()
                response.read()
                self._count(f"{query} {response.status}")
                if response.status != 200:
                    return False
            return True
        except (OSError, http.client.HTTPException) as error:
            self._count(f"connection error ({type(error).__name__})")
            return False
        finally:
            conn.close()

    def _machine(self, item: tuple[str, bytes]) -> None:
        for attempt in range(TRIES):
            if self._exchange(*item):
                with self._lock:
                    self.result.stored += 1
                    self.result.resent += attempt > 0
                    self.done += 1
                return
            time.sleep(0.5 + 0.25 * attempt)
        with self._lock:
            self.done += 1

    def run(self) -> LoadResult:
        started = time.perf_counter()
        with ThreadPoolExecutor(self.concurrency) as pool:
            list(pool.map(self._machine, self.bodies))
        self.result.seconds = time.perf_counter() - started
        return self.result

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, daemon=True)
        thread.start()
        return thread
