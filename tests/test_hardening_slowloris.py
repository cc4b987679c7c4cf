"""A body sent a byte at a time is cut off (issue 15, defect 5).

The body timeout restarted with every byte, so a client sending one byte every 29 s held
its connection (and the worker's attention) for as long as it liked. ``BodyClock`` adds a
minimum average rate once the body timeout has passed. Live: an agent POST and an admin
PUT dribbling one byte every 0.4 s against ``--body-timeout 2 --min-body-rate 1`` get 408
a little after 2 s; before, they were still being read when the client gave up.
In process: the clock's arithmetic, with a real Starlette request.
"""

from __future__ import annotations

import asyncio
import base64
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.requests import Request

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.server.limits import BodyClock, BodyError, read_body
from tests.support.live_server import LiveServer, live_server
from tests.support.server_helpers import UNIX_UA

SLOW_BYTE_EVERY_S = 0.4


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    root = tmp_path_factory.mktemp("slow")
    db = root / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    download = root / "download"
    download.mkdir()
    extra = ["--body-timeout", "2", "--min-body-rate", "1", "--download-dir", str(download)]
    with live_server(str(db), root, extra) as live:
        yield live


def _dribble(server: LiveServer, head: bytes, give_up_after: float = 15) -> tuple[bytes, float]:
    """Send ``head``, then one byte every ``SLOW_BYTE_EVERY_S`` (well under the idle
    timeout) until the server answers or ``give_up_after`` seconds; (answer, seconds)."""
    started = time.monotonic()
    answer = b""
    with socket.create_connection(("127.0.0.1", server.port), timeout=SLOW_BYTE_EVERY_S) as sock:
        sock.sendall(head)
        while time.monotonic() - started < give_up_after and not answer.endswith(b"}"):
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                try:
                    sock.sendall(b"x")
                except OSError:
                    break
                continue
            if not chunk:
                break
            answer += chunk
    return answer, time.monotonic() - started


def test_an_agent_body_sent_a_byte_at_a_time_gets_408(server: LiveServer) -> None:
    head = (f"POST /ocsinventory HTTP/1.1\r\nHost: x\r\nUser-Agent: {UNIX_UA}\r\n"
            "Content-Length: 100000\r\n\r\n").encode()  # fmt: skip
    answer, seconds = _dribble(server, head)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert 2 <= seconds < 6
    assert "(body.too_slow)" in server.log_text()


def test_an_admin_put_sent_a_byte_at_a_time_gets_408(server: LiveServer) -> None:
    token = base64.b64encode(b"admin:admin").decode()
    head = (f"PUT /admin/packages/1750000001/upload/1750000001-1 HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: Basic {token}\r\nContent-Length: 100000\r\n\r\n").encode()  # fmt: skip
    answer, seconds = _dribble(server, head)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b"under the minimum of 1024 bytes/s" in answer
    assert 2 <= seconds < 6


def test_a_slow_but_steady_body_is_read(server: LiveServer) -> None:
    """3 KiB/s, over the 1 KiB/s minimum, for longer than the body timeout: accepted."""
    token = base64.b64encode(b"admin:admin").decode()
    body = b"y" * 12 * 1024
    head = (
        f"PUT /admin/packages/1750000002/upload/1750000002-1 HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Basic {token}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(head)
        for start in range(0, len(body), 768):
            sock.sendall(body[start : start + 768])
            time.sleep(0.25)
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
    assert answer.endswith(b'{"name":"1750000002-1","size":12288}')


# -- the clock, in process ---------------------------------------------------------------


def _request(pieces: list[tuple[float, bytes]], headers: dict[str, str] | None = None) -> Request:
    """A Starlette request whose body arrives as ``pieces``: (delay before, bytes)."""
    queue = list(pieces)

    async def receive() -> dict[str, Any]:
        delay, data = queue.pop(0)
        await asyncio.sleep(delay)
        return {"type": "http.request", "body": data, "more_body": bool(queue)}

    raw = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return Request({"type": "http", "method": "POST", "headers": raw}, receive)


def _read(pieces: list[tuple[float, bytes]], idle: float, rate: float) -> bytes:
    return asyncio.run(read_body(_request(pieces), 1 << 20, idle, rate))


def test_a_body_under_the_rate_after_the_grace_is_refused() -> None:
    pieces = [(0.0, b"a" * 100)] + [(0.1, b"b")] * 20  # 120 bytes over 2 s
    started = time.monotonic()
    with pytest.raises(BodyError) as info:
        _read(pieces, idle=0.5, rate=200)  # may take 0.5 + 100/200 = 1.0 s for 100 bytes
    assert (info.value.status, info.value.code) == (408, "body.too_slow")
    assert str(info.value).startswith("body too slow: ")
    assert str(info.value).endswith("under the minimum of 200 bytes/s")
    assert 0.9 < time.monotonic() - started < 1.5


def test_each_byte_buys_time_at_the_minimum_rate() -> None:
    # 300 bytes at once, then a byte every 0.1 s: allowed 0.3 + 300/200 = 1.8 s, then more
    pieces = [(0.0, b"a" * 300)] + [(0.1, b"b")] * 12 + [(0.0, b"")]
    assert len(_read(pieces, idle=0.3, rate=200)) == 312


def test_the_idle_timeout_still_applies_and_says_so() -> None:
    with pytest.raises(BodyError) as info:
        _read([(0.0, b"a" * 10_000), (0.6, b"b")], idle=0.3, rate=10)
    assert (info.value.code, str(info.value)) == (
        "body.timeout", "no body data for 0.3 s after 10000 bytes",
    )  # fmt: skip


def test_a_rate_of_zero_means_no_minimum() -> None:
    pieces = [(0.0, b"a")] + [(0.2, b"b")] * 5 + [(0.0, b"")]
    assert _read(pieces, idle=0.3, rate=0) == b"a" + b"b" * 5


def test_the_clock_counts_what_it_received() -> None:
    async def scenario() -> tuple[int, float]:
        clock = BodyClock(idle_timeout=5, min_rate=100)
        request = _request([(0.0, b"abc"), (0.0, b"de")])
        await clock.receive(request)
        await clock.receive(request)
        return clock.received, clock._rate_left()

    received, left = asyncio.run(scenario())
    assert received == 5
    assert 5.0 < left <= 5.05  # 5 s of grace + 5 bytes at 100 bytes/s
