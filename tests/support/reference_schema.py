"""The real OCS Inventory ``ocsweb`` schema, loaded into MariaDB for compatibility tests.

The schema is not stored in this repository. At test time we fetch Debian's
``ocsinventory-reports`` package with ``apt-get download`` (cached in
``~/.cache/ocs-desktop-tests``), extract it, and replay what the OCS installer and updater
do: load ``files/ocsbase_new.sql``, then each ``files/update/<n>.sql`` up to the
``GUI_VER`` of the package's ``var.php``, ignoring failing statements as the PHP updater
does, and record ``config.GUI_VERSION`` after each step.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import IO

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

PACKAGE = "ocsinventory-reports"
CACHE_DIR = Path(os.environ.get("OCS_TEST_CACHE", Path.home() / ".cache" / "ocs-desktop-tests"))
# What the OCS installer creates (install.php) and the SQL mode its PHP code sets.
DATABASE_OPTIONS = "CHARACTER SET utf8 COLLATE utf8_bin"
SQL_MODE = "NO_ENGINE_SUBSTITUTION"


class ReferenceUnavailable(RuntimeError):
    """The package or the tools to load it are not available here."""


def _run(
    command: list[str],
    *,
    cwd: Path | None = None,
    stdin: IO[bytes] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(command, capture_output=True, check=False, cwd=cwd, stdin=stdin, env=env)


def reference_files(cache_dir: Path = CACHE_DIR) -> Path:
    """The package's ``usr/share/ocsinventory-reports`` folder, downloading it once."""
    share = cache_dir / "root" / "usr" / "share" / PACKAGE
    if (share / "var.php").is_file():
        return share
    cache_dir.mkdir(parents=True, exist_ok=True)
    debs = sorted(cache_dir.glob(f"{PACKAGE}_*.deb"))
    if not debs:
        if shutil.which("apt-get") is None:
            raise ReferenceUnavailable("apt-get not found: cannot fetch the OCS schema")
        done = _run(["apt-get", "download", PACKAGE], cwd=cache_dir)
        debs = sorted(cache_dir.glob(f"{PACKAGE}_*.deb"))
        if done.returncode != 0 or not debs:
            reason = done.stderr.decode(errors="replace").strip()
            raise ReferenceUnavailable(f"apt-get download {PACKAGE} failed: {reason}")
    if shutil.which("dpkg-deb") is None:
        raise ReferenceUnavailable("dpkg-deb not found: cannot extract the OCS package")
    done = _run(["dpkg-deb", "-x", str(debs[-1]), str(cache_dir / "root")])
    if done.returncode != 0 or not (share / "var.php").is_file():
        raise ReferenceUnavailable(f"cannot extract {debs[-1].name}: {done.stderr!r}")
    return share


def target_version(share: Path) -> int:
    """``GUI_VER`` of the package: the schema version its updater brings a database to."""
    match = re.search(r"define\('GUI_VER',\s*'(\d+)'\)", (share / "var.php").read_text())
    if match is None:
        raise ReferenceUnavailable("GUI_VER not found in var.php")
    return int(match.group(1))


def _mysql_client(url: URL) -> tuple[list[str], dict[str, str]]:
    client = shutil.which("mysql") or shutil.which("mariadb")
    if client is None:
        raise ReferenceUnavailable("the mysql command-line client is not installed")
    command = [
        client,
        "--protocol=TCP",
        f"--host={url.host or '127.0.0.1'}",
        f"--port={url.port or 3306}",
        f"--user={url.username or 'root'}",
        "--default-character-set=utf8",
        f"--init-command=SET sql_mode='{SQL_MODE}'",
        "--force",
        str(url.database),
    ]
    env = dict(os.environ)
    if url.password:
        env["MYSQL_PWD"] = str(url.password)  # keeps it out of the process list
    return command, env


def _load(url: URL, sql_file: Path) -> None:
    command, env = _mysql_client(url)
    with sql_file.open("rb") as stream:
        # --force runs every statement and reports failures; like the PHP updater we go on.
        _run(command, stdin=stream, env=env)


def load_reference_schema(
    server_url: str, *, database: str | None = None, version: int | None = None
) -> str:
    """Load the real schema into a new database on ``server_url``; return that database's URL.

    The database is ``ocs_compat_<random>`` unless named. ``version`` stops the updates at
    that GUI_VERSION (default: the package's ``GUI_VER``). The caller drops the database
    (``drop_database``).
    """
    share = reference_files()
    files = share / "files"
    goal = target_version(share) if version is None else version
    server = make_url(server_url)
    name = database or f"ocs_compat_{secrets.token_hex(4)}"
    url = server.set(database=name)
    engine = create_engine(server._replace(database=None))
    try:
        with engine.connect() as connection:
            connection.execute(text(f"CREATE DATABASE `{name}` {DATABASE_OPTIONS}"))
    finally:
        engine.dispose()
    try:
        _replay_install(url, files, goal)
    except BaseException:
        drop_database(url.render_as_string(hide_password=False))
        raise
    return url.render_as_string(hide_password=False)


def _replay_install(url: URL, files: Path, goal: int) -> None:
    _load(url, files / "ocsbase_new.sql")
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            loaded = connection.scalar(text("SELECT TVALUE FROM config WHERE NAME = 'GUI_VERSION'"))
        if loaded is None:
            raise RuntimeError("loading ocsbase_new.sql failed: no GUI_VERSION")
        for step in range(int(loaded) + 1, goal + 1):
            script = files / "update" / f"{step}.sql"
            if not script.is_file():
                raise ReferenceUnavailable(f"update script {step}.sql is missing")
            _load(url, script)
            with engine.begin() as connection:
                connection.execute(
                    text("UPDATE config SET TVALUE = :v WHERE NAME = 'GUI_VERSION'"),
                    {"v": str(step)},
                )
    finally:
        engine.dispose()


def drop_database(url: str) -> None:
    """Drop the database a URL names (test clean-up).

    A connection a test left open inside a transaction holds a metadata lock the DROP
    would wait on for a year: wait two minutes, then fail loudly instead of hanging CI.
    """
    target = make_url(url)
    engine = create_engine(target._replace(database=None))
    try:
        with engine.connect() as connection:
            connection.execute(text("SET SESSION lock_wait_timeout = 120"))
            connection.execute(text(f"DROP DATABASE IF EXISTS `{target.database}`"))
    finally:
        engine.dispose()
