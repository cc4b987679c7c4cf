"""Connection profiles: where the console connects, and where their passwords live.

A profile names a database without its password: the embedded SQLite default or a
MySQL/MariaDB server. Profiles are stored in the console's settings file; passwords go
to the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service) through the
``keyring`` package, under the service ``ocs-desktop`` and the profile's name. Where no
keyring backend exists, nothing is stored and the console asks for the password at each
connection, rather than writing it in clear beside the profile.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL, make_url

from ocs_desktop.db.engines import (
    create_database_if_missing,
    create_engine_for,
    default_database_url,
    is_sqlite,
    normalize_url,
    safe_url,
)
from ocs_desktop.db.schema import SchemaReport, check_database, ensure_database, init_database
from ocs_desktop.models.hardware import Hardware

log = logging.getLogger(__name__)

KEYRING_SERVICE = "ocs-desktop"
MYSQL_PORT = 3306

Kind = Literal["sqlite", "mysql"]


@dataclass(frozen=True)
class Profile:
    """A saved database connection, without its password.

    ``tls`` makes TLS required (the connection fails rather than falling back to clear
    text); with ``ca_file`` the server certificate and host name are verified against that
    CA, without it the link is encrypted but the certificate is not checked.
    """

    name: str
    kind: Kind = "mysql"
    path: str = ""
    host: str = ""
    port: int = MYSQL_PORT
    database: str = "ocsweb"
    user: str = ""
    tls: bool = False
    ca_file: str = ""

    @property
    def needs_password(self) -> bool:
        """Whether connecting asks for a password (MySQL profiles with a user)."""
        return self.kind == "mysql" and bool(self.user)

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL, with ``password`` in it: never show it, use ``safe_url``."""
        if self.kind == "sqlite":
            return normalize_url(self.path)
        query: dict[str, str] = {"charset": "utf8mb4"}
        if self.tls:
            if self.ca_file:
                query["ssl_ca"] = self.ca_file
            else:
                # PyMySQL requires TLS once any ssl option is set; this one keeps the
                # certificate unchecked, as there is no CA to check it against.
                query["ssl_check_hostname"] = "false"
        url = URL.create(
            "mysql+pymysql",
            username=self.user or None,
            password=password or None,
            host=self.host or "localhost",
            port=self.port,
            database=self.database or None,
            query=query,
        )
        return url.render_as_string(hide_password=False)

    def describe(self) -> str:
        """One line for lists and the status bar (no password)."""
        if self.kind == "sqlite":
            return self.path
        who = f"{self.user}@" if self.user else ""
        tls = " (TLS)" if self.tls else ""
        return f"{who}{self.host or 'localhost'}:{self.port}/{self.database}{tls}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        """A profile from stored settings; unknown keys (a later release's) are ignored."""
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        if "port" in values:
            values["port"] = int(values["port"])
        if "tls" in values:
            values["tls"] = values["tls"] in (True, "true", "1", 1)
        if values.get("kind") not in ("sqlite", "mysql"):
            values["kind"] = "mysql"
        return cls(**values)


EMBEDDED_NAME = "Embedded database"


def embedded_profile() -> Profile:
    """The default profile: ``ocsweb.sqlite`` in the user's data folder."""
    path = make_url(default_database_url()).database or ""
    return Profile(EMBEDDED_NAME, kind="sqlite", path=path)


def __getattr__(name: str) -> Any:
    # ``EMBEDDED`` is computed on first use: finding the data folder creates it, which
    # importing this module must not do.
    if name == "EMBEDDED":
        return embedded_profile()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- passwords --------------------------------------------------------------------------


def keyring_available() -> bool:
    """Whether an OS keyring backend is there to hold passwords.

    ``keyring`` falls back to its ``fail`` backend (every call raises) or a chainer with
    no backends when the system has none, e.g. a Linux box without Secret Service; the
    ``null`` backend silently forgets. None of them can keep a password.
    """
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


def load_password(profile: Profile) -> str | None:
    """The password kept for ``profile``, or None (none kept, or no keyring)."""
    if not keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, profile.name)
    except KeyringError as exc:
        log.warning("cannot read the password of %s from the keyring: %s", profile.name, exc)
        return None


def store_password(profile: Profile, password: str) -> bool:
    """Keep ``password`` for ``profile`` in the keyring; False when there is none."""
    if not keyring_available():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, profile.name, password)
    except KeyringError as exc:
        log.warning("cannot store the password of %s in the keyring: %s", profile.name, exc)
        return False
    return True


def forget_password(profile: Profile | str) -> None:
    """Remove the kept password of a profile (or profile name), if any."""
    if not keyring_available():
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    name = profile if isinstance(profile, str) else profile.name
    try:
        keyring.delete_password(KEYRING_SERVICE, name)
    except PasswordDeleteError:
        pass  # nothing was kept
    except KeyringError as exc:
        log.warning("cannot remove the password of %s from the keyring: %s", name, exc)


# --- opening ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenedDatabase:
    """A database the console connected to, with its ``db check`` report.

    ``engine`` stays open only when ``report.ok``; ``empty`` says that ``hardware`` holds
    no row at all (a fresh database, worth an offer of the sample inventories).
    """

    url: str
    engine: Engine | None
    report: SchemaReport
    empty: bool

    @property
    def ok(self) -> bool:
        return self.engine is not None and self.report.ok


def open_database(url: str, *, create: bool = False) -> OpenedDatabase:
    """Connect to ``url`` and check it, as ``ocs-desktop db check`` does; blocking.

    With ``create`` (the embedded default), a missing database (SQLite file and folder) or
    one without tables is created and initialised first. A database failing the check is returned
    with its report and no engine; connection errors raise ``SQLAlchemyError``.
    """
    url = normalize_url(url)
    if not create and is_sqlite(url):
        path = make_url(url).database or ""
        if path and path != ":memory:" and not path.startswith("file:") and not Path(path).exists():
            # Connecting would leave an empty file behind and then fail the check.
            raise FileNotFoundError(
                f"no database file at {path} (create one with: ocs-desktop db init {path})"
            )
    if create:
        create_database_if_missing(url)
        ensure_database(url)
    engine = create_engine_for(url)
    try:
        report = check_database(engine)
        empty = False
        if report.ok:
            with engine.connect() as conn:
                empty = conn.scalar(select(Hardware.ID).limit(1)) is None
    except BaseException:
        engine.dispose()
        raise
    if not report.ok:
        engine.dispose()
        return OpenedDatabase(safe_url(url), None, report, empty)
    return OpenedDatabase(safe_url(url), engine, report, empty)


def initialise_database(url: str) -> None:
    """Create the OCS tables and default rows in a database that has none (blocking)."""
    engine = create_engine_for(url)
    try:
        init_database(engine)
    finally:
        engine.dispose()
