"""uvicorn's h11 protocol with a deadline for the request line and headers.

uvicorn times out idle keep-alive connections but not a client that sends half a request
line or half its headers and then stalls (slow loris), nor one that connects and says
nothing. This subclass closes such a connection once the request timeout (``serve
--body-timeout``) has passed without a complete set of headers; request bodies have their
own idle timeout in ``limits.read_body``. It relies on two attributes of uvicorn's
``H11Protocol`` (``cycle``, ``transport``); the tests exercise it against a live server.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from ocs_desktop.server.settings import ServerSettings

DEFAULT_TIMEOUT_S = 30.0


def _timeout() -> float:
    with contextlib.suppress(RuntimeError, ValueError):
        return ServerSettings.from_env().body_timeout_s
    return DEFAULT_TIMEOUT_S


def _no_delay(transport: asyncio.Transport) -> None:
    """Send small replies at once (TCP_NODELAY), whatever socket the worker was handed.

    asyncio sets TCP_NODELAY only on sockets whose ``proto`` is IPPROTO_TCP; the
    listening socket uvicorn shares with ``--workers`` processes is made with proto 0,
    so its connections kept Nagle's algorithm, and every reply waited ~40 ms for the
    agent's delayed ACK (PROLOG 48 ms instead of 5 ms, measured with 2 workers).
    """
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class HeaderTimeoutH11Protocol(H11Protocol):
    """Closes a connection whose next request's headers do not arrive in time."""

    header_timeout_s: float | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        _no_delay(transport)
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        cls = type(self)
        if cls.header_timeout_s is None:
            cls.header_timeout_s = _timeout()
        waiting_after = self.cycle
        self._header_timer = asyncio.get_running_loop().call_later(
            cls.header_timeout_s, self._expire, waiting_after
        )

    def _expire(self, waiting_after: Any) -> None:
        """No new request began since arming, and none is being answered: drop it."""
        self._header_timer = None
        idle = self.cycle is None or self.cycle.response_complete
        if self.cycle is waiting_after and idle and not self.transport.is_closing():
            self.logger.info("closing a connection whose request headers never arrived")
            self.transport.close()
