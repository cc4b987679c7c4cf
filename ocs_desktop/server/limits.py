"""Reading a request body within a size limit and a time limit.

The size is checked while the body streams in (and against Content-Length before), so a
32 GiB upload costs at most the limit in memory. A client that stops sending half-way
(slow loris) gets 408 after ``idle_timeout`` seconds without data, and its connection is
closed; other requests are served meanwhile because waiting happens on the event loop.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request


class BodyError(Exception):
    """The body could not be read; ``status`` is the HTTP answer to give."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


async def read_body(request: Request, max_bytes: int, idle_timeout: float) -> bytes:
    """The whole body, or ``BodyError`` 413 (too large), 408 (stalled) or 400 (gone)."""
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
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            message = await asyncio.wait_for(request.receive(), idle_timeout)
        except TimeoutError:
            raise BodyError(
                408, "body.timeout", f"no body data for {idle_timeout:g} s after {total} bytes"
            ) from None
        if message["type"] == "http.disconnect":
            raise BodyError(400, "body.disconnected", f"client left after {total} bytes")
        chunk = message.get("body", b"")
        total += len(chunk)
        if total > max_bytes:
            raise BodyError(413, "body.too_large", f"body exceeds {max_bytes} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)
