"""Reading a request body within a size limit and a time limit.

The size is checked while the body streams in (and against Content-Length before), so a
32 GiB upload costs at most the limit in memory. A client that stops sending half-way
(slow loris) gets 408 after ``idle_timeout`` seconds without data, and its connection is
closed; other requests are served meanwhile because waiting happens on the event loop.

An idle timeout alone restarts with every byte: a body sent one byte every 29 s held its
connection for ever. ``BodyClock`` adds a minimum rate: once ``idle_timeout`` has passed,
a body must have averaged ``min_rate`` bytes per second since its first byte was awaited,
whatever its pieces look like, or it gets 408 too.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from starlette.requests import Request


class BodyError(Exception):
    """The body could not be read; ``status`` is the HTTP answer to give."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class BodyClock:
    """Receives a body's pieces, each within the idle timeout and the minimum rate."""

    def __init__(self, idle_timeout: float, min_rate: float) -> None:
        self.idle_timeout = idle_timeout
        self.min_rate = min_rate
        self.received = 0
        self._started = time.monotonic()

    def _rate_left(self) -> float:
        """Seconds until the bytes received so far fall under the minimum rate."""
        if self.min_rate <= 0:
            return float("inf")
        allowed = self.idle_timeout + self.received / self.min_rate
        return allowed - (time.monotonic() - self._started)

    async def receive(self, request: Request) -> dict[str, Any]:
        """The next ASGI message of ``request``'s body; ``BodyError`` 408 when late."""
        rate_left = self._rate_left()
        try:
            message = await asyncio.wait_for(
                request.receive(), max(0.0, min(self.idle_timeout, rate_left))
            )
        except TimeoutError:
            if rate_left < self.idle_timeout:
                elapsed = time.monotonic() - self._started
                raise BodyError(
                    408, "body.too_slow",
                    f"body too slow: {self.received} bytes in {elapsed:.0f} s, under the "
                    f"minimum of {self.min_rate:g} bytes/s",
                ) from None  # fmt: skip
            raise BodyError(
                408, "body.timeout",
                f"no body data for {self.idle_timeout:g} s after {self.received} bytes",
            ) from None  # fmt: skip
        self.received += len(message.get("body", b""))
        return dict(message)


async def read_body(
    request: Request, max_bytes: int, idle_timeout: float, min_rate: float = 0.0
) -> bytes:
    """The whole body, or ``BodyError`` 413 (too large), 408 (stalled or too slow) or 400
    (gone)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise BodyError(400, "body.bad_length", "Content-Length is not a number") from None
        if size > max_bytes:
            raise BodyError(
                413, "body.too_large", f"Content-Length {size} exceeds {max_bytes} bytes"
            )
    clock = BodyClock(idle_timeout, min_rate)
    chunks: list[bytes] = []
    while True:
        message = await clock.receive(request)
        if message["type"] == "http.disconnect":
            raise BodyError(400, "body.disconnected", f"client left after {clock.received} bytes")
        chunk = message.get("body", b"")
        if clock.received > max_bytes:
            raise BodyError(413, "body.too_large", f"body exceeds {max_bytes} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)
