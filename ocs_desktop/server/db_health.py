"""Whether the database answers, known within seconds, so nothing waits on a frozen one.

A database that refuses connections fails every call at once (500, as OCS answers). One
that stops answering (a frozen host, a hung storage, a network that drops packets) made
every call wait for it: ``/health`` hung, and agent requests piled up for as long as it
lasted, each holding a thread and a connection. Each worker now asks it ``SELECT 1`` every
second on a connection of its own, and an answer must come within ``PROBE_TIMEOUT_S``.
After ``MISSES_TO_CLOSE`` unanswered probes in a row the gate closes: the calls waiting for
the database are abandoned and answered 503, new ones are answered 503 at once, until a
probe is answered again. Threads still blocked in the driver end at its read timeout
(``serve --db-timeout``); nothing is half-written, a transaction that never commits is
rolled back by the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from anyio import CancelScope, CapacityLimiter
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.db.engines import create_engine_for, timeout_options

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long a probe waits for the database's answer; ``/health`` answers within this.
PROBE_TIMEOUT_S = 1.5
#: The probe connection's driver timeouts, so an abandoned probe's thread ends soon after.
PROBE_IO_TIMEOUT_S = 2.0
#: Seconds between two probes of the watcher.
PROBE_EVERY_S = 1.0
#: Unanswered probes in a row that close the gate (one could be a hiccup of this worker).
MISSES_TO_CLOSE = 2


class DatabaseUnavailable(Exception):
    """The database does not answer; the request gets 503 without waiting for it."""


def ping(engine: Engine) -> None:
    """``SELECT 1`` on ``engine`` (blocking)."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def probe_engine(engine: Engine) -> Engine:
    """An engine of one connection to ``engine``'s database, for the probes alone: they
    must not queue behind the requests for a pooled connection. Its driver timeouts end
    an abandoned probe's thread a little after ``PROBE_TIMEOUT_S``."""
    url = engine.url.render_as_string(hide_password=False)
    return create_engine_for(
        url,
        pool_size=1,
        max_overflow=0,
        pool_pre_ping=False,
        **timeout_options(url, PROBE_IO_TIMEOUT_S),
    )


class DatabaseGate:
    """Probes the database and runs the worker's database calls while it answers."""

    def __init__(
        self,
        probe: Callable[[], None],
        *,
        timeout_s: float = PROBE_TIMEOUT_S,
        misses_to_close: int = MISSES_TO_CLOSE,
    ) -> None:
        self._probe = probe
        self.timeout_s = timeout_s
        self.misses_to_close = misses_to_close
        self.misses = 0
        self.closed_because: str | None = None
        self._scopes: set[CancelScope] = set()
        self._probing: asyncio.Task[str | None] | None = None
        self._probe_thread_busy = threading.Event()

    @property
    def closed(self) -> bool:
        return self.closed_because is not None

    async def run(self, work: Callable[..., T], *args: object, limiter: CapacityLimiter) -> T:
        """``work(*args)`` in a thread of ``limiter``, or ``DatabaseUnavailable`` when the
        gate is closed or closes while the call waits (the thread is then abandoned)."""
        if self.closed_because is not None:
            raise DatabaseUnavailable(self.closed_because)
        with CancelScope() as scope:
            self._scopes.add(scope)
            try:
                return await anyio.to_thread.run_sync(
                    work, *args, limiter=limiter, abandon_on_cancel=True
                )
            finally:
                self._scopes.discard(scope)
        raise DatabaseUnavailable(self.closed_because or "the database stopped answering")

    async def check(self) -> str | None:
        """Probe now (or join the probe under way): None when the database answered, else
        why not. Returns within ``timeout_s`` whatever the database does."""
        if self._probing is None or self._probing.done():
            self._probing = asyncio.get_running_loop().create_task(self._probe_and_update())
        return await asyncio.shield(self._probing)

    async def watch(self, every_s: float = PROBE_EVERY_S) -> None:
        """Probe for ever, ``every_s`` seconds apart (the worker's background task)."""
        while True:
            await self.check()
            await asyncio.sleep(every_s)

    async def settle(self, limit_s: float = 2 * PROBE_IO_TIMEOUT_S) -> None:
        """Wait (at most ``limit_s``) for a probe's thread to be done with its connection,
        so the probe engine can be disposed of with nothing checked out."""
        probing, self._probing = self._probing, None
        if probing is not None and not probing.done():
            probing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await probing
        deadline = asyncio.get_running_loop().time() + limit_s
        while self._probe_thread_busy.is_set() and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)

    async def _probe_and_update(self) -> str | None:
        problem, answered = await self._probe_once()
        if answered:
            self.misses = 0
            if self.closed_because is not None:
                log.warning("the database answers again; serving requests (db.reopened)")
                self.closed_because = None
            return problem
        self.misses += 1
        if self.misses >= self.misses_to_close and self.closed_because is None:
            self.closed_because = f"the database has not answered for {self.misses} checks"
            log.error(
                "the database does not answer (%s); answering 503 until it does (db.frozen)",
                problem,
            )
            for scope in list(self._scopes):
                scope.cancel()
        return problem

    async def _probe_once(self) -> tuple[str | None, bool]:
        """(problem or None, whether the database answered at all)."""
        if self._probe_thread_busy.is_set():  # the last probe is still waiting for it
            return f"no answer within {self.timeout_s:g} s", False
        self._probe_thread_busy.set()

        def probe() -> None:
            try:
                self._probe()
            finally:
                self._probe_thread_busy.clear()

        try:
            with anyio.fail_after(self.timeout_s):
                await anyio.to_thread.run_sync(probe, abandon_on_cancel=True)
        except TimeoutError:
            return f"no answer within {self.timeout_s:g} s", False
        except SQLAlchemyError as error:  # an answer, if a refusal: calls fail at once
            return str(getattr(error, "orig", None) or error)[:200], True
        return None, True
