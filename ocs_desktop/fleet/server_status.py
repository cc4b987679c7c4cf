"""Asking a running server how it is, from the console: ``/health`` and recent inventories.

The console's Server status tab (and anything else) probes ``/health`` with TLS
verification on, against the CA file given (``cacert.pem`` of ``cert init``) or the
system's CAs, never unverified: a status page that trusts any certificate would say
"healthy" about an impostor. The answer carries the server's version in a header. How
many machines sent an inventory in the last hour is read from the database itself, so it
counts every server writing to it, ours or OCS's.
"""

from __future__ import annotations

import datetime as dt
import json
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from ocs_desktop.models.hardware import Hardware

VERSION_HEADER = "X-OCS-Desktop-Version"
DEFAULT_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class ServerProfile:
    """Where the console finds its server: base URL (``https://host:port``) and CA file."""

    url: str = ""
    ca_file: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"url": self.url, "ca_file": self.ca_file}

    @classmethod
    def from_dict(cls, data: object) -> ServerProfile:
        if not isinstance(data, dict):
            return cls()
        return cls(url=str(data.get("url", "")).strip(), ca_file=str(data.get("ca_file", "")))


@dataclass(frozen=True)
class Health:
    """What ``/health`` said. ``ok`` only for 200 ``{"status": "ok"}``."""

    ok: bool
    http_status: int | None
    """None when no HTTP answer came (refused, timeout, TLS failure)."""
    version: str | None
    detail: str


def health_url(base: str) -> str:
    """``base`` (``https://host:port`` with or without a path) + ``/health``."""
    text = base.strip().rstrip("/")
    if not text.lower().startswith(("http://", "https://")):
        raise ValueError(f"{base!r} is not an http:// or https:// URL")
    if text.endswith("/ocsinventory"):
        text = text[: -len("/ocsinventory")]
    return f"{text}/health"


def probe_health(profile: ServerProfile, timeout: float = DEFAULT_TIMEOUT_S) -> Health:
    """GET ``/health`` of ``profile.url`` with certificate and host name checked."""
    url = health_url(profile.url)
    context = ssl.create_default_context(cafile=profile.ca_file or None)
    try:
        with urllib.request.urlopen(url, timeout=timeout, context=context) as answer:
            return _read(answer.status, answer.headers.get(VERSION_HEADER), answer.read(4096))
    except urllib.error.HTTPError as error:
        with error:
            return _read(error.code, error.headers.get(VERSION_HEADER), error.read(4096))
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return Health(False, None, None, str(reason))


def _read(status: int, version: str | None, body: bytes) -> Health:
    try:
        data = json.loads(body)
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    ok = status == 200 and data.get("status") == "ok"
    detail = str(data.get("database") or data.get("status") or body[:200].decode(errors="replace"))
    return Health(ok, status, version, detail)


def recent_inventories(conn: Connection, now: dt.datetime | None = None, hours: float = 1) -> int:
    """Machines whose last inventory (``hardware.LASTDATE``) is within ``hours`` of ``now``
    (the database's local time, as servers write it)."""
    since = (now or dt.datetime.now()) - dt.timedelta(hours=hours)
    query = select(func.count()).select_from(Hardware).where(Hardware.LASTDATE >= since)
    return int(conn.execute(query).scalar_one())
