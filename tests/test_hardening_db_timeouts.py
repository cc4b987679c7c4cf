"""A database that stops answering (issue 15, defect 4): /health and agents answer anyway.

The live test points a server at MariaDB through ``FreezableProxy`` and freezes it: TCP
stays up, nothing comes back, as when the database host hangs. Before the fix ``/health``
waited for ever and agent requests piled up. Now ``/health`` answers 503 within 2 s, every
agent request (waiting ones included) gets 503 within a few seconds, and all is served
again once the database answers. The gate itself is also tested in process.
"""

from __future__ import annotations

import asyncio
import http.client
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import anyio
import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from ocs_desktop.db.engines import (
    MYSQL_CONNECT_TIMEOUT_S,
    POOL_TIMEOUT_S,
    create_engine_for,
    timeout_options,
)
from ocs_desktop.server import db_health
from ocs_desktop.server.db_health import DatabaseGate, DatabaseUnavailable
from tests.support.builders import count, inventory_xml
from tests.support.freezable_proxy import FreezableProxy
from tests.support.live_server import LiveServer, live_server, maria
from tests.support.server_helpers import UNIX_UA, prolog_xml

__all__ = ["maria"]  # the fixture, imported for pytest


def _request(
    server: LiveServer, method: str, path: str, body: bytes | None = None
) -> tuple[int, float]:
    """(status, seconds taken); status 0 when nothing came back within 30 s."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        headers = {"User-Agent": UNIX_UA} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        status = conn.getresponse().status
    except TimeoutError:
        status = 0
    finally:
        conn.close()
    return status, time.monotonic() - started


def _prolog(server: LiveServer) -> tuple[int, float]:
    return _request(server, "POST", "/ocsinventory", zlib.compress(prolog_xml()))


def _until_health(server: LiveServer, status: int, within: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < within:
        if _request(server, "GET", "/health")[0] == status:
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"/health never answered {status} within {within} s")


@pytest.mark.mariadb
def test_a_frozen_database_gets_quick_503s_and_service_resumes(
    maria: tuple[str, Engine], tmp_path: Path
) -> None:
    url, engine = maria
    real = make_url(url)
    with FreezableProxy((real.host or "127.0.0.1", real.port or 3306)) as proxy:
        via_proxy = real.set(host="127.0.0.1", port=proxy.port).render_as_string(
            hide_password=False
        )
        with live_server(via_proxy, tmp_path, ["--db-timeout", "60"]) as server:
            assert _prolog(server)[0] == 200
            proxy.freeze()
            # requests already waiting on the database when it froze
            with ThreadPoolExecutor(8) as pool:
                waiting = [pool.submit(_prolog, server) for _ in range(8)]
                time.sleep(0.5)
                health = [_request(server, "GET", "/health") for _ in range(3)]
                stuck = [future.result() for future in waiting]
            slowest = max(t for _, t in stuck)
            print(f"frozen database: /health {[f'{t:.2f}' for _, t in health]} s; agents "
                  f"waiting when it froze answered after {slowest:.2f} s")  # fmt: skip
            assert [status for status, _ in health] == [503, 503, 503]
            assert max(seconds for _, seconds in health) < 2.0, health
            assert [status for status, _ in stuck] == [503] * 8, stuck
            assert max(seconds for _, seconds in stuck) < 10, stuck
            # once the gate knows, new agents are answered at once
            late = [_prolog(server) for _ in range(3)]
            assert [status for status, _ in late] == [503] * 3
            assert max(seconds for _, seconds in late) < 0.5, late
            assert server.process.poll() is None
            proxy.thaw()
            _until_health(server, 200, within=15)
            assert (
                _request(server, "POST", "/ocsinventory", zlib.compress(inventory_xml()))[0] == 200
            )
            log = server.log_text()
    assert count(engine, "hardware") == 1
    assert "(db.frozen)" in log and "(db.reopened)" in log
    assert "status=503" in log


def test_server_engines_get_connect_read_write_and_pool_timeouts() -> None:
    url = "mysql+pymysql://ocs:secret@db.example/ocsweb"
    assert timeout_options(url, 42.0) == {
        "connect_args": {"connect_timeout": MYSQL_CONNECT_TIMEOUT_S, "read_timeout": 42.0,
                         "write_timeout": 42.0},
        "pool_timeout": POOL_TIMEOUT_S,
    }  # fmt: skip
    assert timeout_options("sqlite:////tmp/x.sqlite", 42.0) == {}
    engine = create_engine_for(url, **timeout_options(url, 42.0))
    try:
        assert engine.pool.timeout() == POOL_TIMEOUT_S
    finally:
        engine.dispose()


@pytest.mark.mariadb
def test_the_driver_read_timeout_ends_a_wait_on_a_frozen_database(
    maria: tuple[str, Engine],
) -> None:
    url, _ = maria
    real = make_url(url)
    with FreezableProxy((real.host or "127.0.0.1", real.port or 3306)) as proxy:
        via = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        engine = create_engine_for(via, **timeout_options(via, 1.0))
        try:
            db_health.ping(engine)
            proxy.freeze()
            started = time.monotonic()
            with pytest.raises(OperationalError):
                db_health.ping(engine)
            assert time.monotonic() - started < 5
        finally:
            proxy.thaw()
            engine.dispose()


# -- the gate, in process -------------------------------------------------------------


class Database:
    """A probe target that answers, refuses or hangs on demand."""

    def __init__(self) -> None:
        self.mode = "up"
        self.release = threading.Event()

    def probe(self) -> None:
        if self.mode == "hang":
            self.release.wait(10)
        elif self.mode == "refuse":
            raise OperationalError("SELECT 1", {}, Exception("connection refused"))


def _gate(db: Database) -> DatabaseGate:
    return DatabaseGate(db.probe, timeout_s=0.2, misses_to_close=2)


def test_the_gate_answers_within_its_timeout_and_closes_after_two_misses() -> None:
    db = Database()

    async def scenario() -> None:
        gate = _gate(db)
        assert await gate.check() is None and not gate.closed
        db.mode = "hang"
        started = time.monotonic()
        assert await gate.check() == "no answer within 0.2 s"
        assert time.monotonic() - started < 1.0
        assert not gate.closed and gate.misses == 1
        # the first probe's thread is still stuck: the next one does not start another
        assert await gate.check() == "no answer within 0.2 s"
        assert gate.closed and gate.closed_because == "the database has not answered for 2 checks"
        db.release.set()
        await gate.settle()
        db.mode = "up"
        assert await gate.check() is None
        assert not gate.closed and gate.misses == 0

    asyncio.run(scenario())


def test_a_refusing_database_answers_and_leaves_the_gate_open() -> None:
    db = Database()
    db.mode = "refuse"

    async def scenario() -> None:
        gate = _gate(db)
        for _ in range(3):
            assert await gate.check() == "connection refused"
        assert not gate.closed and gate.misses == 0

    asyncio.run(scenario())


def test_closing_the_gate_abandons_the_calls_waiting_and_refuses_new_ones() -> None:
    db = Database()
    started = threading.Event()

    def slow_query() -> str:
        started.set()
        db.release.wait(10)
        return "late"

    async def scenario() -> None:
        gate = _gate(db)
        limiter = anyio.CapacityLimiter(2)
        call = asyncio.create_task(gate.run(slow_query, limiter=limiter))
        await anyio.to_thread.run_sync(started.wait)
        db.mode = "hang"
        await gate.check()
        await gate.check()
        assert gate.closed
        with pytest.raises(DatabaseUnavailable, match="has not answered for 2 checks"):
            await asyncio.wait_for(call, 1)
        with pytest.raises(DatabaseUnavailable):
            await gate.run(lambda: "never", limiter=limiter)
        db.release.set()
        await gate.settle()
        db.mode = "up"
        await gate.check()
        assert await gate.run(lambda: "served", limiter=limiter) == "served"

    asyncio.run(scenario())


def test_two_checks_at_once_share_one_probe() -> None:
    calls = []

    def probe() -> None:
        calls.append(1)
        time.sleep(0.05)

    async def scenario() -> None:
        gate = DatabaseGate(probe, timeout_s=1)
        assert await asyncio.gather(gate.check(), gate.check(), gate.check()) == [None] * 3

    asyncio.run(scenario())
    assert len(calls) == 1
