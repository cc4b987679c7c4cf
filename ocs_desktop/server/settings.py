"""How one server is configured, passed to every worker process through the environment.

uvicorn starts its worker processes by importing the application, so the settings travel
as JSON in ``OCS_DESKTOP_SERVER`` rather than as Python objects.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields

ENV_NAME = "OCS_DESKTOP_SERVER"
MIB = 1024 * 1024


@dataclass(frozen=True)
class ServerSettings:
    """Everything a worker needs besides the ``config`` table."""

    db_url: str
    download_dir: str | None = None
    log_dir: str | None = None
    max_body_bytes: int = 32 * MIB
    body_timeout_s: float = 30.0
    """A request body that sends nothing for this long is answered 408 (slow clients)."""
    config_ttl_s: float = 3.0
    """How long a snapshot of ``config`` is reused before it is read again."""
    db_threads: int = 8
    """Threads running database work; the engine's pool is sized to match."""
    extra_useragents_file: str | None = None
    """Regexes of extra accepted User-Agents, one a line (OCS_OPT_EXT_USERAGENTS_FILE_PATH)."""
    useragents_file: str | None = None
    """The administrator's User-Agent policy (``useragent.load_policy``), read at start."""
    trusted_ips: tuple[str, ...] = ()
    """Regexes of peer addresses exempt from INVENTORY_SESSION_ONLY (OCS_OPT_TRUSTED_IP)."""
    # -- hardening (issue 15) --
    min_body_rate: float = 1024.0
    """Bytes per second a request body must average once ``body_timeout_s`` has passed;
    slower is answered 408 (a body sent a byte at a time)."""
    decode_threads: int = 4
    """Request bodies decompressed and parsed at the same time in one worker."""
    db_timeout_s: float = 90.0
    """Read and write timeout of the database connections (a frozen database)."""
    max_package_bytes: int = 1024 * MIB
    """Largest total of the fragments one uploaded package may hold."""
    max_frags: int = 10_000
    """Most fragments (``FRAGS``) an uploaded package may have."""

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> ServerSettings:
        raw = (environ if environ is not None else os.environ).get(ENV_NAME)
        if not raw:
            raise RuntimeError(f"{ENV_NAME} is not set; start the server with `ocs-desktop serve`")
        data = json.loads(raw)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["trusted_ips"] = tuple(values.get("trusted_ips", ()))  # JSON gives a list
        return cls(**values)
