"""Uploading a built package to our communication server over HTTPS.

The client side of ``server/admin_upload.py``. It asks the server what it already holds
of the package, sends only the rest in bounded chunks (so a cut connection resumes where
it stopped, and memory stays at one chunk whatever the size), then asks the server to
verify the digest and publish. Progress and cancel follow ``inventory/cancel.py``: a
cancelled upload leaves the server's partial files for the next attempt to resume.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.packager.activation import check_fileid, load_package
from ocs_desktop.packager.remote import RemoteError, call

if TYPE_CHECKING:  # imported where a session is made: ``package build`` never needs it
    import requests

DEFAULT_CHUNK = 8 << 20
ADMIN_PATH = "/admin/packages"


class UploadError(Exception):
    """The upload failed; the message says why (and ``status`` the HTTP answer, if any)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class UploadResult:
    """How an upload went."""

    fileid: str
    total_bytes: int
    sent_bytes: int
    """Bytes sent by this call; less than ``total_bytes`` when it resumed."""
    digest: str
    already_published: bool = False


def server_base(url: str) -> str:
    """``https://host[:port]`` from what the operator typed; only HTTPS is accepted."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "https" or not parts.netloc:
        raise UploadError(f"{url!r}: uploads go to an https:// server address only")
    return f"https://{parts.netloc}"


def upload_package(
    server_url: str,
    store: Path,
    fileid: str,
    *,
    user: str,
    password: str,
    verify: bool | str = True,
    chunk_size: int = DEFAULT_CHUNK,
    progress: Progress = None,
    timeout: float = 120.0,
    session: requests.Session | None = None,
) -> UploadResult:
    """Send ``store/<FILEID>/`` to the server at ``server_url`` and publish it there.

    ``verify`` is True (system CAs) or the path of a CA bundle such as our ``cacert.pem``.
    Raises ``UploadError`` (wrong password, digest refused, …) or ``Cancelled``.
    """
    check_fileid(fileid)
    if chunk_size < 1:
        raise UploadError("the chunk size must be at least one byte")
    base = f"{server_base(server_url)}{ADMIN_PATH}/{fileid}"
    built = load_package(Path(store), fileid)
    digest = built.digest
    # Fragments first, the info file last: a package is only complete once info is there.
    files = [*built.fragment_paths, built.info_path]
    sizes = {path.name: path.stat().st_size for path in files}
    total = sum(sizes.values())
    import requests

    own = session or requests.Session()
    own.auth = (user, password)
    try:
        held = _status(own, base, verify, timeout)
        if held.get("published"):
            if held.get("digest") == digest:
                return UploadResult(fileid, total, 0, digest, already_published=True)
            raise UploadError(
                f"package {fileid} is already published on the server with other content "
                f"(digest {held.get('digest')}); delete it there first",
                409,
            )
        remote: dict[str, int] = {str(k): int(v) for k, v in held.get("files", {}).items()}
        done = sum(min(remote.get(name, 0), size) for name, size in sizes.items())
        sent = 0
        report(progress, done, total)
        for path in files:
            size = sizes[path.name]
            offset = remote.get(path.name, 0)
            if offset > size:
                offset = 0  # the server holds something else under that name: start over
                done -= size
            if offset == size and size > 0:
                continue
            with path.open("rb") as source:
                source.seek(offset)
                while True:
                    chunk = source.read(chunk_size)
                    if not chunk and offset > 0:
                        break
                    _put(own, f"{base}/upload/{path.name}", offset, chunk, verify, timeout)
                    offset += len(chunk)
                    sent += len(chunk)
                    done += len(chunk)
                    report(progress, done, total)
                    if not chunk:
                        break
        result = _json(call(own, "POST", f"{base}/commit", verify=verify, timeout=timeout))
        return UploadResult(fileid, total, sent, str(result.get("digest", digest)))
    except RemoteError as exc:
        raise UploadError(str(exc), exc.status) from None
    finally:
        if session is None:
            own.close()


def discard_upload(
    server_url: str, fileid: str, *, user: str, password: str, verify: bool | str = True
) -> bool:
    """Ask the server to forget a partial upload of the package; whether there was one."""
    check_fileid(fileid)
    url = f"{server_base(server_url)}{ADMIN_PATH}/{fileid}/upload"
    import requests

    with requests.Session() as session:
        session.auth = (user, password)
        try:
            answer = _json(call(session, "DELETE", url, verify=verify, timeout=60))
        except RemoteError as exc:
            raise UploadError(str(exc), exc.status) from None
    return bool(answer.get("discarded"))


def _status(session: requests.Session, base: str, verify: bool | str, timeout: float) -> dict:
    return _json(call(session, "GET", f"{base}/upload", verify=verify, timeout=timeout))


def _put(
    session: requests.Session,
    url: str,
    offset: int,
    chunk: bytes,
    verify: bool | str,
    timeout: float,
) -> None:
    response = call(
        session,
        "PUT",
        url,
        params={"offset": offset},
        data=chunk,
        headers={"Content-Type": "application/octet-stream"},
        verify=verify,
        timeout=timeout,
    )
    _json(response)


def _json(response: requests.Response) -> dict:
    """The JSON body of a 200, or ``RemoteError`` with the server's own sentence."""
    with response:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code == 200 and isinstance(body, dict):
            return body
        message = body.get("error") if isinstance(body, dict) else None
        if response.status_code == 401:
            message = f"wrong operator login or password ({message or 'refused'})"
        raise RemoteError(
            f"{response.url}: {response.status_code} "
            f"{message or response.reason or 'unexpected answer'}",
            response.status_code,
        )
