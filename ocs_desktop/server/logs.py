"""The two logs of the server: a structured access log and the OCS activity log.

The access log is one ``key=value`` line per request on the ``ocs_desktop.server.access``
logger, for operators and log shippers. The activity log is the reference server's
``activity.log`` (``time;pid;code;DEVICEID;ip;UA;phase;comment``), written only while
``config.LOGLEVEL`` is on and a log directory was given, for people used to OCS.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("ocs_desktop.server.access")
ACTIVITY_FILE = "activity.log"


class ActivityLog:
    """Appends OCS activity lines to ``<log_dir>/activity.log`` (thread-safe)."""

    def __init__(self, log_dir: str | None) -> None:
        self.path = Path(log_dir) / ACTIVITY_FILE if log_dir else None
        self._lock = threading.Lock()

    def write(
        self,
        code: int,
        deviceid: str,
        ip: str,
        useragent: str,
        phase: str,
        comment: str = "",
    ) -> None:
        if self.path is None:
            return
        fields = (time.ctime(), str(os.getpid()), str(code), deviceid, ip, useragent, phase)
        line = ";".join(f.replace(";", ",").replace("\n", " ") for f in (*fields, comment))
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")


def _quote(value: object) -> str:
    text = str(value)
    if not text or any(c in text for c in ' "=\\'):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


class AccessLogMiddleware:
    """Logs method, path, status, bytes, duration, DEVICEID and QUERY of every request.

    Handlers put ``deviceid`` and ``query`` in ``scope["state"]`` once they know them.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen: dict[str, Any] = {"status": 0, "bytes": 0}
        scope.setdefault("state", {})

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            state = scope.get("state", {})
            client = scope.get("client") or ("-", 0)
            access_log.info(
                " ".join(
                    f"{key}={_quote(value)}"
                    for key, value in (
                        ("client", client[0]),
                        ("method", scope.get("method", "")),
                        ("path", scope.get("path", "")),
                        ("status", seen["status"] or 500),
                        ("bytes", seen["bytes"]),
                        ("duration_ms", round((time.perf_counter() - started) * 1000, 1)),
                        ("deviceid", state.get("deviceid", "-")),
                        ("query", state.get("query", "-")),
                    )
                )
            )
