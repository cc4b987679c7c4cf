"""The admin upload under concurrency and abuse (issue 15, defects 1, 6 and 7).

1. Two servers (two processes, as two workers or two hosts would be) share one download
   folder. A PUT that is still writing a fragment through one of them holds the package's
   lock: a commit through the other waits, then answers 409 instead of publishing a
   package whose fragment changes after its digest was checked. After the publication,
   writes are refused (409) and the published files match the info file's DIGEST.
6. The fragments of a package are capped in total (``--max-package-mb``), fragment
   numbers and ``FRAGS`` by ``--max-frags``: clear 413/400/422 answers, nothing half-written.
7. Staged and published files get explicit modes whatever the umask.
The lock itself (``package_lock``) is tested in process, a holder killed with SIGKILL too.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import requests
from sqlalchemy import Engine
from starlette.requests import Request
from starlette.testclient import TestClient

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.packager.info_file import MAX_FRAGS, parse_info
from ocs_desktop.server import admin_upload, os_lock, package_lock
from ocs_desktop.server.admin_upload import AdminError, PackageUploads
from ocs_desktop.server.package_lock import PackageBusy, release, try_acquire
from ocs_desktop.server.settings import MIB, ServerSettings
from tests.support.info_files import snapshot
from tests.support.live_server import LiveServer, live_server, maria
from tests.support.server_helpers import client_for
from tests.support.upload_fixtures import download, sqlite_engine

__all__ = ["download", "maria", "sqlite_engine"]  # the fixtures, imported for pytest

FILEID = "1730000001"
AUTH = ("admin", "admin")
HEADERS = {"Authorization": "Basic " + base64.b64encode(b"admin:admin").decode()}


def _info(frags: int, digest: str, fileid: str = FILEID) -> bytes:
    return (
        f'<DOWNLOAD ID="{fileid}" ACT="STORE" PATH="/p" DIGEST="{digest}" FRAGS="{frags}" '
        'DIGEST_ALGO="MD5" DIGEST_ENCODE="Hexa" />'
    ).encode()


# -- 1. one writer or committer at a time, across processes ----------------------------


def _stalled_put(server: LiveServer, path: str, length: int, first: bytes) -> socket.socket:
    """A PUT that sends its headers and ``first`` of its ``length`` bytes, then waits."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    token = base64.b64encode(b"admin:admin").decode()
    head = (f"PUT {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {token}\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()  # fmt: skip
    sock.sendall(head + first)
    return sock


def _answer(sock: socket.socket) -> bytes:
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        answer += chunk
    return answer


@pytest.mark.mariadb
def test_live_a_commit_never_publishes_while_another_process_writes_the_package(
    maria: tuple[str, Engine], tmp_path: Path
) -> None:
    url, _ = maria
    download = tmp_path / "download"
    download.mkdir()
    good = os.urandom(1000)
    digest = hashlib.md5(good).hexdigest()
    extra = ["--download-dir", str(download), "--body-timeout", "20"]
    with live_server(url, tmp_path, extra) as one, live_server(url, tmp_path, extra) as two:
        base_one = f"{one.url}/admin/packages/{FILEID}"
        base_two = f"{two.url}/admin/packages/{FILEID}"
        fragment = f"/admin/packages/{FILEID}/upload/{FILEID}-1"
        assert requests.put(f"{base_one}/upload/info", data=_info(1, digest), auth=AUTH).ok
        assert requests.put(f"{one.url}{fragment}", data=good, auth=AUTH).ok
        # server two starts appending to the fragment, and stalls half-way
        writer = _stalled_put(two, f"{fragment}?offset=1000", 100, b"E" * 10)
        try:
            time.sleep(0.5)
            started = time.monotonic()
            commit = requests.post(f"{base_one}/commit", auth=AUTH, timeout=30)
            waited = time.monotonic() - started
            assert commit.status_code == 409, commit.text
            assert commit.json() == {
                "error": f"package {FILEID} is busy: another upload or commit of it is under "
                "way; try again"
            }
            assert 4 < waited < 10
            assert not (download / FILEID).exists()
            writer.sendall(b"E" * 90)
            assert _answer(writer).startswith(b"HTTP/1.1 200 ")
        finally:
            writer.close()
        # the fragment now holds 1100 bytes: the commit sees it and publishes nothing
        mismatch = requests.post(f"{base_two}/commit", auth=AUTH)
        assert mismatch.status_code == 422 and "digest mismatch" in mismatch.json()["error"]
        assert not (download / FILEID).exists()
        # sent again, then committed through the other server
        assert requests.put(f"{base_two}/upload/info", data=_info(1, digest), auth=AUTH).ok
        assert requests.put(f"{two.url}{fragment}", data=good, auth=AUTH).ok
        assert requests.post(f"{base_one}/commit", auth=AUTH).json()["published"] is True
        # once published, no write goes through, on either server
        for server in (one, two):
            late = requests.put(f"{server.url}{fragment}?offset=1000", data=b"X", auth=AUTH)
            assert (late.status_code, late.json()) == (
                409, {"error": f"package {FILEID} is already published"},
            )  # fmt: skip
    published = download / FILEID / f"{FILEID}-1"
    assert published.read_bytes() == good
    assert hashlib.md5(published.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in (download / ".upload").iterdir()) == []  # no lock left


def test_pkglock_a_lock_is_held_against_every_other_opener_and_removed_on_release(tmp_path: Path):
    path = tmp_path / f"{FILEID}.lock"
    fd = try_acquire(path)
    assert fd is not None and path.exists()
    assert try_acquire(path) is None  # another open file: refused, even in this process
    release(path, fd)
    assert not path.exists()
    again = try_acquire(path)
    assert again is not None
    release(path, again)


def test_pkglock_a_waiter_that_opened_a_removed_lock_file_starts_over(tmp_path: Path):
    path = tmp_path / f"{FILEID}.lock"
    fd = try_acquire(path)
    assert fd is not None
    stale = os.open(path, os.O_RDWR)  # a waiter opened the file before it was removed
    release(path, fd)
    try:
        # it may lock that inode, but the path no longer names it: not a lock
        assert os_lock.try_lock(stale)
        assert not package_lock._still_named(path, stale)
    finally:
        os.close(stale)
    fresh = try_acquire(path)
    assert fresh is not None and package_lock._still_named(path, fresh)
    release(path, fresh)


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_pkglock_the_lock_file_is_private_and_no_descriptor_leaks(tmp_path: Path):
    path = tmp_path / f"{FILEID}.lock"
    old = os.umask(0o022)
    try:
        fd = try_acquire(path)
    finally:
        os.umask(old)
    assert fd is not None
    assert path.stat().st_mode & 0o777 == 0o600
    before = _open_fds()
    assert [try_acquire(path) for _ in range(20)] == [None] * 20  # refused: each one closed
    assert _open_fds() == before
    release(path, fd)
    assert _open_fds() == before - 1
    for _ in range(20):
        again = try_acquire(path)
        assert again is not None
        release(path, again)
    assert _open_fds() == before - 1


def test_pkglock_a_failing_lock_call_closes_its_descriptor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def broken(fd: int) -> bool:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(package_lock, "try_lock", broken)
    before = _open_fds()
    with pytest.raises(OSError, match="Input/output error"):
        try_acquire(tmp_path / f"{FILEID}.lock")
    assert _open_fds() == before


def test_pkglock_a_waiter_tries_again_every_50_ms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / f"{FILEID}.lock"
    held = try_acquire(path)
    assert held is not None
    attempts: list[float] = []
    real = package_lock.try_acquire

    def counting(target: Path) -> int | None:
        attempts.append(time.monotonic())
        return real(target)

    monkeypatch.setattr(package_lock, "try_acquire", counting)

    async def wait() -> None:
        with pytest.raises(PackageBusy):
            async with package_lock.package_lock(tmp_path, FILEID, wait_s=0.5):
                pass

    try:
        asyncio.run(wait())
    finally:
        release(path, held)
    assert 6 <= len(attempts) <= 12, len(attempts)  # about 0.5 s / 0.05 s, plus the first


def test_pkglock_a_commit_waits_5_s_for_a_write_under_way_then_answers_409(
    sqlite_engine: Engine, download: Path
):
    (download / ".upload").mkdir()
    held = try_acquire(download / ".upload" / f"{FILEID}.lock")  # a write in another worker
    assert held is not None
    try:
        with _client(sqlite_engine, download) as client:
            started = time.monotonic()
            answer = client.post(f"https://testserver/admin/packages/{FILEID}/commit",
                                 headers=HEADERS)  # fmt: skip
            waited = time.monotonic() - started
    finally:
        release(download / ".upload" / f"{FILEID}.lock", held)
    assert (answer.status_code, answer.json()) == (409, {
        "error": f"package {FILEID} is busy: another upload or commit of it is under way; "
        "try again"
    })  # fmt: skip
    assert package_lock.LOCK_WAIT_S <= waited < package_lock.LOCK_WAIT_S + 1
    assert 4.5 < waited < 6.0


def test_a_commit_during_a_write_elsewhere_is_409_and_publishes_nothing(
    sqlite_engine: Engine, download: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(admin_upload, "LOCK_WAIT_S", 0.2)
    data = b"fragment"
    with _client(sqlite_engine, download) as client:
        _put(client, f"{FILEID}-1", data)
        _put(client, "info", _info(1, hashlib.md5(data).hexdigest()))
        lock = download / ".upload" / f"{FILEID}.lock"
        held = try_acquire(lock)  # a write under way in another worker
        assert held is not None
        try:
            answers = [
                client.post(f"https://testserver/admin/packages/{FILEID}/commit", headers=HEADERS),
                _put(client, f"{FILEID}-1", b"more", offset=len(data)),
                client.delete(
                    f"https://testserver/admin/packages/{FILEID}/upload", headers=HEADERS
                ),
            ]
        finally:
            release(lock, held)
        busy = {"error": f"package {FILEID} is busy: another upload or commit of it is under "
                "way; try again"}  # fmt: skip
        assert [(a.status_code, a.json()) for a in answers] == [(409, busy)] * 3
        assert not (download / FILEID).exists()
        assert (download / ".upload" / FILEID / f"{FILEID}-1").read_bytes() == data
        done = client.post(f"https://testserver/admin/packages/{FILEID}/commit", headers=HEADERS)
    assert done.json()["published"] is True


def test_pkglock_a_busy_package_is_refused_after_the_wait(tmp_path: Path):
    path = tmp_path / f"{FILEID}.lock"
    fd = try_acquire(path)
    assert fd is not None

    async def second_caller() -> float:
        started = asyncio.get_running_loop().time()
        with pytest.raises(PackageBusy, match=f"package {FILEID} is busy"):
            async with package_lock.package_lock(tmp_path, FILEID, wait_s=0.3):
                pass
        return asyncio.get_running_loop().time() - started

    try:
        assert 0.3 <= asyncio.run(second_caller()) < 1.0
    finally:
        release(path, fd)

    async def after_release() -> bool:
        async with package_lock.package_lock(tmp_path, FILEID, wait_s=0.3):
            return (tmp_path / f"{FILEID}.lock").exists()

    assert asyncio.run(after_release()) is True
    assert not (tmp_path / f"{FILEID}.lock").exists()


def test_pkglock_a_holder_killed_with_sigkill_leaves_no_stale_lock(tmp_path: Path):
    path = tmp_path / f"{FILEID}.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; "
         "from ocs_desktop.server.package_lock import try_acquire; "
         f"assert try_acquire(Path({str(path)!r})) is not None; print('held', flush=True); "
         "time.sleep(60)"],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        assert try_acquire(path) is None
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    fd = try_acquire(path)  # the kernel dropped the dead holder's lock
    assert fd is not None
    release(path, fd)


# -- 6. caps on the package's size and fragments ---------------------------------------


def _client(engine: Engine, download: Path, **settings: object):
    return client_for(engine, download_dir=str(download), **settings)


def _put(client: TestClient, name: str, data: object, offset: int = 0):
    return client.put(f"https://testserver/admin/packages/{FILEID}/upload/{name}?offset={offset}",
                      content=data, headers=HEADERS)  # fmt: skip


def _chunked(data: bytes, size: int = 4096) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


TOO_BIG = {
    "error": "a package holds at most 10000 bytes of fragments on this server "
    "(serve --max-package-mb); this one would hold more"
}


def test_the_package_cap_counts_every_fragment_and_allows_exactly_the_cap(
    sqlite_engine: Engine, download: Path
):
    staging = download / ".upload" / FILEID
    with _client(sqlite_engine, download, max_package_bytes=10_000) as client:
        assert _put(client, f"{FILEID}-1", b"a" * 6000).json()["size"] == 6000
        assert _put(client, "info", b"i" * 5000).status_code == 200  # info: not counted
        over = _put(client, f"{FILEID}-2", b"b" * 4001)  # declared: refused before writing
        assert (over.status_code, over.json()) == (413, TOO_BIG)
        assert not (staging / f"{FILEID}-2").exists()
        exact = _put(client, f"{FILEID}-2", b"b" * 4000)
        assert exact.json() == {"name": f"{FILEID}-2", "size": 4000}
        # rewriting a fragment counts its new size, not the old one on top
        assert _put(client, f"{FILEID}-1", b"c" * 6000).status_code == 200
        assert _put(client, f"{FILEID}-1", b"d", offset=6000).status_code == 413
    assert (staging / f"{FILEID}-1").read_bytes() == b"c" * 6000


def test_a_streamed_body_crossing_the_cap_is_cut_back_to_its_offset(
    sqlite_engine: Engine, download: Path
):
    with _client(sqlite_engine, download, max_package_bytes=10_000) as client:
        assert _put(client, f"{FILEID}-1", b"a" * 3000).status_code == 200
        over = _put(client, f"{FILEID}-1", _chunked(b"b" * 8000), offset=2500)
        assert (over.status_code, over.json()) == (413, TOO_BIG)
        exact = _put(client, f"{FILEID}-1", _chunked(b"b" * 7500), offset=2500)
        assert exact.json() == {"name": f"{FILEID}-1", "size": 10_000}
    held = (download / ".upload" / FILEID / f"{FILEID}-1").read_bytes()
    assert held == b"a" * 2500 + b"b" * 7500


def test_live_the_default_cap_refuses_a_2_gib_put_before_reading_it(tmp_path: Path):
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    download = tmp_path / "download"
    download.mkdir()
    with live_server(str(db), tmp_path, ["--download-dir", str(download)]) as server:
        sock = _stalled_put(server, f"/admin/packages/{FILEID}/upload/{FILEID}-1",
                            2 * 1024 * MIB, b"x" * 1000)  # fmt: skip
        try:
            answer = _answer(sock)
        finally:
            sock.close()
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert b"at most 1073741824 bytes of fragments" in answer
    assert not (download / ".upload" / FILEID / f"{FILEID}-1").exists()


def test_fragment_numbers_over_max_frags_are_refused(sqlite_engine: Engine, download: Path):
    with _client(sqlite_engine, download, max_frags=50) as client:
        assert _put(client, f"{FILEID}-50", b"x").status_code == 200
        refused = _put(client, f"{FILEID}-51", b"x")
    assert (refused.status_code, refused.json()) == (400, {
        "error": f"{FILEID}-51: this server takes at most 50 fragments a package "
        "(serve --max-frags)"
    })  # fmt: skip
    assert ServerSettings(db_url="x").max_frags == MAX_FRAGS == 10_000


def test_an_info_file_announcing_too_many_fragments_is_refused_cheaply(
    sqlite_engine: Engine, download: Path
):
    with _client(sqlite_engine, download) as client:
        assert _put(client, "info", _info(3_000_000, "0" * 32)).status_code == 200
        tracemalloc.start()
        try:
            answer = client.post(f"https://testserver/admin/packages/{FILEID}/commit",
                                 headers=HEADERS)  # fmt: skip
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert (answer.status_code, answer.json()) == (422, {
        "error": "the uploaded info file is invalid: info file FRAGS=3000000 is over the "
        "limit of 10000 fragments"
    })  # fmt: skip
    assert peak < 20 * MIB
    assert snapshot(download) == {".upload": ""}


def test_parse_info_caps_frags_and_the_cap_can_be_raised():
    assert parse_info(_info(MAX_FRAGS, "d")).frags == MAX_FRAGS
    with pytest.raises(ValueError, match="FRAGS=10001 is over the limit of 10000 fragments"):
        parse_info(_info(MAX_FRAGS + 1, "d"))
    assert parse_info(_info(20_000, "d"), max_frags=20_000).frags == 20_000
    with pytest.raises(ValueError, match="FRAGS=6 is over the limit of 5 fragments"):
        parse_info(_info(6, "d"), max_frags=5)


# -- 5. the minimum body rate, on the upload path -------------------------------------


def _slow_request(pieces: list[tuple[float, bytes]]) -> Request:
    queue = list(pieces)

    async def receive() -> dict[str, Any]:
        delay, data = queue.pop(0)
        await asyncio.sleep(delay)
        return {"type": "http.request", "body": data, "more_body": bool(queue)}

    return Request({"type": "http", "method": "PUT", "headers": []}, receive)


def _drain(pieces: list[tuple[float, bytes]], **settings: Any) -> bytes:
    uploads = PackageUploads(SimpleNamespace(settings=ServerSettings(db_url="x", **settings)))  # type: ignore[arg-type]

    async def read() -> bytes:
        return b"".join([chunk async for chunk in uploads._chunks(_slow_request(pieces))])

    return asyncio.run(read())


def test_an_upload_under_the_minimum_rate_is_408(caplog: pytest.LogCaptureFixture) -> None:
    pieces = [(0.0, b"a" * 100)] + [(0.05, b"b")] * 40
    with pytest.raises(AdminError) as info:
        _drain(pieces, body_timeout_s=0.3, min_body_rate=500.0)  # 0.3 + 100/500 = 0.5 s
    assert info.value.status == 408
    assert str(info.value).endswith("under the minimum of 500 bytes/s")
    assert any(r.getMessage().startswith("admin upload: body too slow: ")
               and r.getMessage().endswith("(body.too_slow)") for r in caplog.records)  # fmt: skip


def test_an_upload_that_stalls_is_408_and_a_steady_one_is_read() -> None:
    with pytest.raises(AdminError) as info:
        _drain([(0.0, b"a"), (0.5, b"b")], body_timeout_s=0.2, min_body_rate=0.0)
    assert (info.value.status, str(info.value)) == (408, "no body data for 0.2 s after 1 bytes")
    steady = [(0.0, b"a" * 100)] + [(0.05, b"b" * 50)] * 10
    assert len(_drain(steady, body_timeout_s=0.2, min_body_rate=500.0)) == 600


def test_a_client_that_leaves_ends_the_upload_body() -> None:
    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    uploads = PackageUploads(SimpleNamespace(settings=ServerSettings(db_url="x")))  # type: ignore[arg-type]

    async def read() -> list[bytes]:
        request = Request({"type": "http", "method": "PUT", "headers": []}, receive)
        return [chunk async for chunk in uploads._chunks(request)]

    assert asyncio.run(read()) == []


# -- 7. modes whatever the umask -------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o077])
def test_staged_and_published_files_have_explicit_modes(
    sqlite_engine: Engine, download: Path, umask: int
):
    data = b"fragment"
    old = os.umask(umask)
    try:
        with _client(sqlite_engine, download) as client:
            _put(client, f"{FILEID}-1", data)
            _put(client, "info", _info(1, hashlib.md5(data).hexdigest()))
            staging = download / ".upload" / FILEID
            modes = {p.name: p.stat().st_mode & 0o777 for p in (download / ".upload", staging,
                     staging / "info", staging / f"{FILEID}-1")}  # fmt: skip
            assert client.post(f"https://testserver/admin/packages/{FILEID}/commit",
                               headers=HEADERS).status_code == 200  # fmt: skip
    finally:
        os.umask(old)
    assert modes == {".upload": 0o700, FILEID: 0o700, "info": 0o644, f"{FILEID}-1": 0o644}
    published = download / FILEID
    assert {p.name: p.stat().st_mode & 0o777 for p in (published, *published.iterdir())} == {
        FILEID: 0o755, "info": 0o644, f"{FILEID}-1": 0o644,
    }  # fmt: skip


def test_files_staged_with_other_modes_are_published_0644(sqlite_engine: Engine, download: Path):
    staging = download / ".upload" / FILEID
    staging.mkdir(parents=True)
    (staging / "info").write_bytes(_info(1, hashlib.md5(b"x").hexdigest()))
    (staging / f"{FILEID}-1").write_bytes(b"x")
    for path in staging.iterdir():
        path.chmod(0o777)  # an older server's work
    with _client(sqlite_engine, download) as client:
        answer = client.post(f"https://testserver/admin/packages/{FILEID}/commit", headers=HEADERS)
    assert answer.status_code == 200, answer.text
    assert {p.stat().st_mode & 0o777 for p in (download / FILEID).iterdir()} == {0o644}
