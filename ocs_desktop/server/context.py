"""What every request handler shares inside one worker process.

The engine and the ``Ingestor`` are per process. Database work is synchronous SQLAlchemy,
so it runs in a bounded thread pool and never on the event loop. ``config`` is re-read at
most every few seconds, so a console change is honoured without a restart. The ingestor is
built on first use, so a worker starts (and answers 500) while the database is down.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from time import monotonic
from typing import TypeVar

from anyio import CapacityLimiter
from sqlalchemy import Engine

from ocs_desktop.db.engines import create_engine_for, is_mysql, timeout_options
from ocs_desktop.db.options import Options, load_options
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol import Limits
from ocs_desktop.server.db_health import DatabaseGate, ping, probe_engine
from ocs_desktop.server.logs import ActivityLog
from ocs_desktop.server.settings import ServerSettings
from ocs_desktop.server.useragent import load_policy

T = TypeVar("T")


class ServerContext:
    """Engine, ingestor, options cache, per-machine locks and the database thread pool."""

    def __init__(self, settings: ServerSettings, engine: Engine | None = None) -> None:
        self.settings = settings
        if engine is None:
            pool = {"pool_size": settings.db_threads, "max_overflow": 4}
            engine = create_engine_for(
                settings.db_url,
                **(pool if is_mysql(settings.db_url) else {}),
                **timeout_options(settings.db_url, settings.db_timeout_s),
            )
        self.engine = engine
        self.probe_engine = probe_engine(engine)
        self.gate = DatabaseGate(lambda: ping(self.probe_engine))
        self.limits = Limits(max_compressed_bytes=settings.max_body_bytes)
        self.useragents = load_policy(settings.useragents_file, settings.extra_useragents_file)
        self.activity = ActivityLog(settings.log_dir)
        self._limiter: CapacityLimiter | None = None
        self._ingestor: Ingestor | None = None
        self._ingestor_lock = threading.Lock()
        self._options = Options()
        self._options_at = float("-inf")
        self._options_lock = threading.Lock()
        self._device_locks: dict[str, tuple[asyncio.Lock, int]] = {}

    async def run(self, work: Callable[..., T], *args: object) -> T:
        """Run blocking ``work(*args)`` in the database thread pool, while the database
        answers (``DatabaseUnavailable`` otherwise, see ``db_health``)."""
        if self._limiter is None:  # created lazily: it must belong to the running loop
            self._limiter = CapacityLimiter(self.settings.db_threads)
        return await self.gate.run(work, *args, limiter=self._limiter)

    def options(self) -> Options:
        """The ``config`` snapshot, re-read when older than ``config_ttl_s`` (blocking)."""
        if monotonic() - self._options_at < self.settings.config_ttl_s:
            return self._options
        with self._options_lock:
            if monotonic() - self._options_at >= self.settings.config_ttl_s:
                with self.engine.connect() as conn:
                    self._options = load_options(conn)
                self._options_at = monotonic()
        return self._options

    def cached_options(self) -> Options | None:
        """The last ``config`` snapshot without touching the database (None before any)."""
        return self._options if self._options_at > float("-inf") else None

    def ingestor(self) -> Ingestor:
        """The process's ingestor, built on first use (blocking: it reads the database)."""
        if self._ingestor is None:
            with self._ingestor_lock:
                if self._ingestor is None:
                    self._ingestor = Ingestor(
                        self.engine,
                        refresh_seconds=self.settings.config_ttl_s,
                        options_source=self.options,
                        fold_in_ingest=False,
                    )
        return self._ingestor

    def fold_if_due(self) -> int:
        """Count this worker's new machines into the software summary when it is time
        (blocking; see ``app.fold_periodically``); returns how many were folded."""
        ingestor = self._ingestor
        if ingestor is None or not ingestor.fold_due():
            return 0
        return ingestor.fold_summary()

    @asynccontextmanager
    async def device_lock(self, deviceid: str) -> AsyncIterator[None]:
        """Serialise requests for one DEVICEID inside this process.

        Across processes the ingestor's MariaDB named lock does the same; this one keeps
        the waiting on the event loop instead of in a pool thread holding a connection.
        """
        lock, users = self._device_locks.get(deviceid, (asyncio.Lock(), 0))
        self._device_locks[deviceid] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._device_locks[deviceid]
            if users <= 1:
                del self._device_locks[deviceid]
            else:
                self._device_locks[deviceid] = (lock, users - 1)

    def close(self) -> None:
        self.engine.dispose()
        self.probe_engine.dispose()
