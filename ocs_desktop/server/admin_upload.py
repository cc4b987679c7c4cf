"""The admin upload endpoint: operators push a built package into our download folder.

The OCS console takes packages through PHP uploads capped far below real installer
sizes; here a package goes up in chunks over HTTPS and can resume after a cut. Every call
carries HTTP Basic credentials checked against ``operators`` (``operator_auth``). Names
are checked before any file is touched: a FILEID is digits, a file is ``info`` or
``<FILEID>-<n>``, so nothing can be written outside the staging folder.

    GET    /admin/packages/<FILEID>/upload            what the server holds (sizes)
    PUT    /admin/packages/<FILEID>/upload/<NAME>?offset=N   write from byte N (resume)
    POST   /admin/packages/<FILEID>/commit            verify the digest, then publish
    DELETE /admin/packages/<FILEID>/upload            forget a staged upload

Chunks stream to ``<download_dir>/.upload/<FILEID>/`` (never served: it is no FILEID).
The info file is the exception: it is read whole before anything is written, and one
over ``MAX_INFO_BYTES`` is refused (413) with nothing written.
``commit`` checks the info file, that every fragment is there and that their MD5 equals
its DIGEST, then renames the folder to ``<download_dir>/<FILEID>`` in one step: agents
see the whole package or nothing. A wrong digest discards the staged files.

What holds across worker processes and hosts is on disk, never in a process's memory:
the staged files are the upload's state, and every write, commit and discard of a
package holds its lock (``package_lock``: ``flock`` beside the staged files) from its
first check to its last write, so a commit never publishes while a write is under way,
and a write after the publication is refused (409). Limits: ``--max-package-mb`` for the
fragments together (413, and a write that would cross it leaves the file as it was),
``--max-frags`` for the fragment numbers and ``FRAGS``. Staged and published files are
``0644`` in folders ``0700`` (staging) and ``0755`` (published), whatever the umask.
Logins are counted before their password is checked (``login_throttle``): repeated
failures lock an account or a client out (429) in every worker. An operator whose
profile may not deploy (``read-only``, ``ladmin``: ``operator_auth.may_publish``) gets 403
on every endpoint, with a log line; a disabled operator's login fails (401).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import ipaddress
import logging
import math
import os
import re
import shutil
import time
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import aclosing
from pathlib import Path
from typing import Any

import anyio.to_thread
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ocs_desktop.fleet.operators import DEFAULT_LOGIN, DEFAULT_PASSWORD, default_login_works
from ocs_desktop.packager.fragments import BUFFER_SIZE, fragment_name
from ocs_desktop.packager.info_file import MAX_INFO_BYTES, read_info
from ocs_desktop.server import login_throttle
from ocs_desktop.server.context import ServerContext
from ocs_desktop.server.db_health import PROBE_TIMEOUT_S, DatabaseUnavailable
from ocs_desktop.server.limits import BodyClock, BodyError
from ocs_desktop.server.operator_auth import OperatorAccount, authenticate, may_publish
from ocs_desktop.server.package_lock import LOCK_WAIT_S, PackageBusy, package_lock

log = logging.getLogger(__name__)

PREFIX = "/admin/packages"
STAGING_DIR = ".upload"
INFO_NAME = "info"
REALM = 'Basic realm="OCS Desktop admin", charset="UTF-8"'
FAILED_LOGIN_DELAY_S = 0.5
_FILEID = re.compile(r"^[0-9]{1,20}$", re.ASCII)
_WRITE_BUFFER = 1 << 20
#: Modes written whatever the umask: staged files and the staging folders are the
#: server's own; a published package must be readable by a web server serving the folder.
FILE_MODE = 0o644
STAGING_MODE = 0o700
PUBLISHED_MODE = 0o755
#: The default-password warning is repeated on a default login at most this often.
DEFAULT_WARNING_EVERY_S = 3600.0
DEFAULT_PASSWORD_WARNING = (
    "SECURITY: the operator 'admin' still has the default password 'admin': anyone can "
    "publish packages that agents will run. Change it now: ocs-desktop operator passwd admin "
    "--db DATABASE (security.default_password)"
)
_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


class AdminError(Exception):
    """An answer other than 200, with a sentence for the operator."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.extra = extra


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    headers = {"WWW-Authenticate": REALM} if status == 401 else {}
    if "retry_after" in extra:
        headers["Retry-After"] = str(extra["retry_after"])
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def _fileid(request: Request) -> str:
    fileid = str(request.path_params.get("fileid", ""))
    if not _FILEID.match(fileid):
        raise AdminError(400, f"{fileid!r} is not a FILEID (digits only)")
    return fileid


def _file_name(fileid: str, name: str, max_frags: int) -> str:
    if name == INFO_NAME:
        return name
    if re.fullmatch(rf"{fileid}-[1-9][0-9]{{0,5}}", name, re.ASCII):
        if int(name.rpartition("-")[2]) > max_frags:
            raise AdminError(
                400, f"{name}: this server takes at most {max_frags} fragments a package "
                "(serve --max-frags)",
            )  # fmt: skip
        return name
    raise AdminError(400, f"{name!r} is not a file of package {fileid} (info or {fileid}-<n>)")


def _credentials(request: Request) -> tuple[str, str]:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        raise AdminError(401, "operator login and password required (HTTP Basic)")
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
        login, sep, password = decoded.partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise AdminError(401, "malformed Basic credentials") from None
    if not sep:
        raise AdminError(401, "malformed Basic credentials")
    return login, password


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class PackageUploads:
    """The endpoints, bound to one ``ServerContext``."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self.throttle = login_throttle.DEFAULT_POLICY
        self._throttle_table_checked = False
        self._default_warned_at = float("-inf")

    def _root(self) -> Path:
        if not self.ctx.settings.download_dir:
            raise AdminError(503, "this server has no download folder (serve --download-dir)")
        return Path(self.ctx.settings.download_dir)

    def _staging(self, fileid: str) -> Path:
        return self._root() / STAGING_DIR / fileid

    async def _locked(self, fileid: str) -> Any:
        """The package's lock (``package_lock``), in the staging root, made if missing."""
        folder = self._root() / STAGING_DIR
        await anyio.to_thread.run_sync(_make_dir, folder, STAGING_MODE)
        return package_lock(folder, fileid, LOCK_WAIT_S)

    async def _login(self, request: Request) -> OperatorAccount:
        client = request.client.host if request.client else None
        if request.url.scheme != "https" and not _is_loopback(client):
            raise AdminError(403, "admin calls need HTTPS (start serve with --tls-cert)")
        login, password = _credentials(request)
        wait, account = await self.ctx.run(self._check, login, password, client or "")
        if wait is not None:
            seconds = math.ceil(wait)
            log.warning(
                "admin login of operator %r from %s refused unchecked: locked out for %d s "
                "after repeated failures (admin.locked_out)", login, client, seconds,
            )  # fmt: skip
            raise AdminError(
                429, f"too many failed logins; try again in {seconds} s", retry_after=seconds
            )
        if account is None:
            log.warning(
                "admin login refused for operator %r from %s (admin.auth_failed)", login, client
            )
            await asyncio.sleep(FAILED_LOGIN_DELAY_S)  # slows password guessing down
            raise AdminError(401, "wrong operator login or password")
        if login == DEFAULT_LOGIN and password == DEFAULT_PASSWORD:
            self._warn_default_login()
        if not may_publish(account):
            log.warning(
                "admin call %s %s refused for operator %r from %s: profile %r may not "
                "deploy packages (admin.forbidden_profile)",
                request.method, request.url.path, login, client, account.profile,
            )  # fmt: skip
            raise AdminError(
                403, f"operator {login} (profile {account.profile}) may not publish packages"
            )
        return account

    def _warn_default_login(self) -> None:
        """``DEFAULT_PASSWORD_WARNING``, at most once every ``DEFAULT_WARNING_EVERY_S``."""
        if time.monotonic() - self._default_warned_at >= DEFAULT_WARNING_EVERY_S:
            log.warning(DEFAULT_PASSWORD_WARNING)
            self._default_warned_at = time.monotonic()

    async def warn_if_default_login(self) -> bool:
        """Log ``DEFAULT_PASSWORD_WARNING`` if admin/admin logs in (at a worker's start,
        within ``db_health.PROBE_TIMEOUT_S``); whether it does. A database that cannot tell
        is no reason to stop a worker."""

        def works() -> bool:
            with self.ctx.engine.connect() as conn:
                return default_login_works(conn)

        found = False
        with anyio.move_on_after(PROBE_TIMEOUT_S):
            try:
                found = await self.ctx.run(works)
            except (SQLAlchemyError, DatabaseUnavailable) as error:
                log.info("could not check the operator admin's password: %s", error)
        if found:
            self._warn_default_login()
        return found

    def _check(
        self, login: str, password: str, client: str
    ) -> tuple[float | None, OperatorAccount | None]:
        """(seconds locked out, None) or (None, the operator if the password is right),
        the attempt counted before the password is checked (``login_throttle``)."""
        engine = self.ctx.engine
        if not self._throttle_table_checked:
            login_throttle.ensure_table(engine)
            self._throttle_table_checked = True
        wait = login_throttle.admit(engine, login, client, time.time(), self.throttle)
        if wait is not None:
            return wait, None
        with engine.connect() as conn:
            account = authenticate(conn, login, password)
        if account is not None:
            login_throttle.forgive(engine, login, client)
        return None, account

    async def _guarded(
        self, request: Request, work: Callable[[Request, OperatorAccount], Awaitable[Response]]
    ) -> Response:
        try:
            account = await self._login(request)
            return await work(request, account)
        except AdminError as error:
            return _error(error.status, str(error), **error.extra)
        except PackageBusy as error:
            return _error(409, str(error))
        except DatabaseUnavailable as error:
            log.warning("admin call refused, the database does not answer: %s", error)
            return _error(503, "the database does not answer; try again later")
        except SQLAlchemyError as error:
            log.error("database error: %s", getattr(error, "orig", None) or error)
            return _error(500, "database error")
        except OSError as error:
            log.error("admin upload: file system error: %s", error)
            return _error(500, f"file system error on the server: {error.strerror or error}")

    # -- endpoints ------------------------------------------------------------------------

    async def status(self, request: Request) -> Response:
        return await self._guarded(request, self._status)

    async def put_file(self, request: Request) -> Response:
        return await self._guarded(request, self._put_file)

    async def commit(self, request: Request) -> Response:
        return await self._guarded(request, self._commit)

    async def abort(self, request: Request) -> Response:
        return await self._guarded(request, self._abort)

    async def unknown(self, request: Request) -> Response:
        return _error(404, f"no admin endpoint {request.method} {request.url.path}")

    async def _status(self, request: Request, account: OperatorAccount) -> Response:
        fileid = _fileid(request)
        staging, published = self._staging(fileid), self._root() / fileid
        files = {}
        if staging.is_dir():
            files = {p.name: p.stat().st_size for p in sorted(staging.iterdir()) if p.is_file()}
        digest = None
        if published.is_dir():
            try:
                digest = read_info(published / INFO_NAME).digest
            except (OSError, ValueError):
                digest = None
        return JSONResponse(
            {"fileid": fileid, "files": files, "published": published.is_dir(), "digest": digest}
        )

    async def _put_file(self, request: Request, account: OperatorAccount) -> Response:
        fileid = _fileid(request)
        name = _file_name(fileid, str(request.path_params["name"]), self.ctx.settings.max_frags)
        try:
            offset = int(request.query_params.get("offset", "0"))
        except ValueError:
            raise AdminError(400, "offset must be a whole number of bytes") from None
        if offset < 0:
            raise AdminError(400, "offset must not be negative")
        info = await self._info_body(request, fileid, offset) if name == INFO_NAME else None
        self._refuse_published(fileid)  # early, before anything is made on disk
        async with await self._locked(fileid):
            self._refuse_published(fileid)  # and for sure: no commit can run meanwhile
            staging = self._staging(fileid)
            await anyio.to_thread.run_sync(_make_dir, staging, STAGING_MODE)
            target = staging / name
            size = target.stat().st_size if target.exists() else 0
            if offset > size:
                raise AdminError(
                    409, f"{name}: the server holds {size} bytes, cannot write at {offset}",
                    size=size,
                )  # fmt: skip
            if info is None:
                room = await anyio.to_thread.run_sync(self._room, staging, name, offset)
                _refuse_declared_over(request, fileid, room, self.ctx.settings.max_package_bytes)
                written = await self._receive(request, fileid, target, offset, room)
            else:
                written = await anyio.to_thread.run_sync(_write_at, target, offset, info)
        return JSONResponse({"name": name, "size": offset + written})

    def _refuse_published(self, fileid: str) -> None:
        if (self._root() / fileid).exists():
            raise AdminError(409, f"package {fileid} is already published")

    def _room(self, staging: Path, name: str, offset: int) -> int:
        """Bytes a write of fragment ``name`` at ``offset`` may add under the package cap."""
        others = sum(p.stat().st_size for p in staging.iterdir() if p.name not in (name, INFO_NAME))
        return self.ctx.settings.max_package_bytes - others - offset

    async def _chunks(self, request: Request) -> AsyncGenerator[bytes, None]:
        """The body as it arrives, until its end or until the client goes away; 408 when
        it stalls or comes slower than ``min_body_rate`` (``BodyClock``)."""
        settings = self.ctx.settings
        clock = BodyClock(settings.body_timeout_s, settings.min_body_rate)
        while True:
            try:
                message = await clock.receive(request)
            except BodyError as error:
                log.warning("admin upload: %s (%s)", error, error.code)
                raise AdminError(error.status, str(error)) from None
            if message["type"] == "http.disconnect":
                return
            yield message.get("body", b"")
            if not message.get("more_body", False):
                return

    async def _info_body(self, request: Request, fileid: str, offset: int) -> bytes:
        """The body of an info file write at ``offset``, whole; 413 as soon as the file
        would grow over ``MAX_INFO_BYTES``, nothing written and nothing more read."""
        body = bytearray()
        async with aclosing(self._chunks(request)) as chunks:
            async for chunk in chunks:
                body += chunk
                if offset + len(body) > MAX_INFO_BYTES:
                    log.warning(
                        "admin upload: info file of package %s refused, over %d bytes "
                        "(admin.info_too_large)", fileid, MAX_INFO_BYTES,
                    )  # fmt: skip
                    raise AdminError(
                        413, f"an info file is at most {MAX_INFO_BYTES} bytes; this one is larger"
                    )
        return bytes(body)

    async def _receive(
        self, request: Request, fileid: str, target: Path, offset: int, room: int
    ) -> int:
        """Stream the body to ``target`` from ``offset`` (truncating what followed); 413,
        the file cut back to ``offset``, once it would write more than ``room`` bytes."""
        fd = await anyio.to_thread.run_sync(_open_for_writing, target)
        written = 0
        try:
            await anyio.to_thread.run_sync(os.ftruncate, fd, offset)
            await anyio.to_thread.run_sync(os.lseek, fd, offset, os.SEEK_SET)
            pending = bytearray()
            async with aclosing(self._chunks(request)) as chunks:
                async for chunk in chunks:
                    pending += chunk
                    if written + len(pending) > room:
                        await anyio.to_thread.run_sync(os.ftruncate, fd, offset)
                        raise _over_cap(fileid, self.ctx.settings.max_package_bytes)
                    if len(pending) >= _WRITE_BUFFER:
                        await anyio.to_thread.run_sync(_write_all, fd, bytes(pending))
                        written += len(pending)
                        pending.clear()
            if pending:  # what arrived before a cut stays: the client resumes from there
                await anyio.to_thread.run_sync(_write_all, fd, bytes(pending))
                written += len(pending)
        finally:
            await anyio.to_thread.run_sync(os.close, fd)
        return written

    async def _commit(self, request: Request, account: OperatorAccount) -> Response:
        fileid = _fileid(request)
        async with await self._locked(fileid):
            result = await anyio.to_thread.run_sync(self._verify_and_publish, fileid)
        log.info(
            "package %s published by operator %s (%d fragments, %d bytes)",
            fileid, account.login, result["fragments"], result["size"],
        )  # fmt: skip
        return JSONResponse(result)

    def _verify_and_publish(self, fileid: str) -> dict[str, Any]:
        root = self._root()
        staging, target = self._staging(fileid), root / fileid
        if target.exists():
            raise AdminError(409, f"package {fileid} is already published")
        if not (staging / INFO_NAME).is_file():
            raise AdminError(409, f"nothing uploaded for package {fileid} (no info file)")
        try:
            info = read_info(staging / INFO_NAME, max_frags=self.ctx.settings.max_frags)
        except ValueError as exc:
            log.warning("admin upload: package %s discarded, its info file is invalid: %s",
                        fileid, exc)  # fmt: skip
            shutil.rmtree(staging, ignore_errors=True)
            raise AdminError(422, f"the uploaded info file is invalid: {exc}") from None
        if info.fileid != fileid:
            shutil.rmtree(staging, ignore_errors=True)
            raise AdminError(422, f"the info file describes package {info.fileid}, not {fileid}")
        expected = {"info", *(fragment_name(fileid, i) for i in range(1, info.frags + 1))}
        present = {p.name for p in staging.iterdir()}
        if present - expected:
            shutil.rmtree(staging, ignore_errors=True)
            extra = ", ".join(sorted(present - expected)[:5])
            raise AdminError(422, f"files not in the package (FRAGS={info.frags}): {extra}")
        if expected - present:
            missing = sorted(expected - present)
            raise AdminError(409, f"fragments not uploaded yet: {', '.join(missing[:5])}")
        fragments = [staging / fragment_name(fileid, i) for i in range(1, info.frags + 1)]
        actual, size = _digest(fragments, info.digest_algo)
        wanted = info.digest.strip().lower()
        if info.frags and info.digest_encode.lower() not in ("hexa", "hex"):
            shutil.rmtree(staging, ignore_errors=True)
            raise AdminError(422, f"unsupported DIGEST_ENCODE {info.digest_encode!r} (Hexa only)")
        if info.frags and actual != wanted:
            shutil.rmtree(staging, ignore_errors=True)
            raise AdminError(
                422,
                f"digest mismatch: the info file says {wanted or '(empty)'}, the uploaded "
                f"fragments give {actual}; the upload was discarded, send the package again",
            )
        for path in (staging / INFO_NAME, *fragments):  # staged by an older server, maybe
            os.chmod(path, FILE_MODE)
        os.chmod(staging, PUBLISHED_MODE)
        os.mkdir(target)  # claims the name: a concurrent commit fails here, not later
        try:
            os.rename(staging, target)  # replaces our empty folder in one step
        except OSError:
            os.rmdir(target)
            raise
        return {
            "fileid": fileid,
            "fragments": info.frags,
            "size": size,
            "digest": actual if info.frags else "",
            "published": True,
        }

    async def _abort(self, request: Request, account: OperatorAccount) -> Response:
        fileid = _fileid(request)
        async with await self._locked(fileid):
            staging = self._staging(fileid)
            existed = staging.exists()
            await anyio.to_thread.run_sync(lambda: shutil.rmtree(staging, ignore_errors=True))
        return JSONResponse({"fileid": fileid, "discarded": existed})


def _digest(fragments: list[Path], algo: str) -> tuple[str, int]:
    """The hex digest of the concatenated fragments (flushed to disk on the way) and size."""
    name = algo.strip().upper() or "MD5"
    if name not in ("MD5", "SHA1"):
        raise AdminError(422, f"unsupported DIGEST_ALGO {algo!r} (MD5 or SHA1)")
    digest = hashlib.new(name.lower(), usedforsecurity=False)
    size = 0
    buffer = bytearray(BUFFER_SIZE)
    view = memoryview(buffer)
    for path in fragments:
        with path.open("rb", buffering=0) as source:
            os.fsync(source.fileno())
            while read := source.readinto(view):
                digest.update(view[:read])
                size += read
    return digest.hexdigest(), size


def _refuse_declared_over(request: Request, fileid: str, room: int, cap: int) -> None:
    """413 before anything is written when the body's Content-Length exceeds ``room``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > room:
        raise _over_cap(fileid, cap)


def _over_cap(fileid: str, cap: int) -> AdminError:
    log.warning("admin upload: package %s refused, over %d bytes of fragments "
                "(admin.package_too_large)", fileid, cap)  # fmt: skip
    return AdminError(
        413, f"a package holds at most {cap} bytes of fragments on this server "
        "(serve --max-package-mb); this one would hold more",
    )  # fmt: skip


def _make_dir(path: Path, mode: int) -> None:
    """``path`` as a folder of exactly ``mode`` (the umask does not apply)."""
    path.mkdir(exist_ok=True)
    os.chmod(path, mode)


def _open_for_writing(target: Path) -> int:
    """A descriptor writing ``target``, created if needed, of mode ``FILE_MODE`` exactly."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        os.chmod(target, FILE_MODE)  # by path: Windows has no fchmod
    except BaseException:
        os.close(fd)
        raise
    return fd


def _write_at(target: Path, offset: int, data: bytes) -> int:
    """Write ``data`` into ``target`` at ``offset``, cutting what followed; its length."""
    fd = _open_for_writing(target)
    try:
        os.ftruncate(fd, offset)
        os.lseek(fd, offset, os.SEEK_SET)
        _write_all(fd, data)
    finally:
        os.close(fd)
    return len(data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def routes(uploads: PackageUploads) -> list[Route]:
    """The admin routes, for ``create_app``."""
    return [
        Route(f"{PREFIX}/{{fileid}}/upload", uploads.status, methods=["GET"]),
        Route(f"{PREFIX}/{{fileid}}/upload", uploads.abort, methods=["DELETE"]),
        Route(f"{PREFIX}/{{fileid}}/upload/{{name}}", uploads.put_file, methods=["PUT"]),
        Route(f"{PREFIX}/{{fileid}}/commit", uploads.commit, methods=["POST"]),
        Route("/admin/{rest:path}", uploads.unknown, methods=_ALL_METHODS),
    ]
