"""The admin upload endpoint in process: the info file's size cap on every path that reads
one (upload, commit, status).

An info file over ``MAX_INFO_BYTES`` (1 MiB) is refused with a clear error and a log line,
and nothing is written: the download folder is byte for byte what it was. The live-server
tests (passwords, digests, resume, path tricks) are in ``tests/test_packager_flow.py``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, text
from starlette.testclient import TestClient

from ocs_desktop.server import admin_upload
from ocs_desktop.server.app import create_app
from ocs_desktop.server.operator_auth import OPERATORS, sha256_passwd
from ocs_desktop.server.settings import ServerSettings
from tests.support.info_files import ONE_MIB, TOO_LARGE, info_of_size, snapshot
from tests.support.server_helpers import client_for
from tests.support.upload_fixtures import download, sqlite_engine

__all__ = ["download", "sqlite_engine"]  # the fixtures, imported for pytest

FILEID = "1720000001"
BASE = f"/admin/packages/{FILEID}"
AUTH = {"Authorization": "Basic " + base64.b64encode(b"admin:admin").decode()}
LOGGER = "ocs_desktop.server.admin_upload"


@pytest.fixture
def client(sqlite_engine: Engine, download: Path) -> Iterator[TestClient]:
    with client_for(sqlite_engine, download_dir=str(download)) as client:
        client.base_url = client.base_url.copy_with(scheme="https")  # type: ignore[attr-defined]
        yield client


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def _chunked(*parts: bytes) -> Iterator[bytes]:
    """A body sent without a Content-Length (Transfer-Encoding: chunked)."""
    yield from parts


# -- PUT info -------------------------------------------------------------------------


def test_an_info_file_of_exactly_the_cap_is_staged(client: TestClient, download: Path):
    data = info_of_size(ONE_MIB, FILEID)
    answer = client.put(f"{BASE}/upload/info", content=data, headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"name": "info", "size": ONE_MIB}
    assert (download / ".upload" / FILEID / "info").read_bytes() == data


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_an_info_file_over_the_cap_is_refused_and_nothing_written(
    client: TestClient, download: Path, caplog: pytest.LogCaptureFixture, chunked: bool
):
    data = info_of_size(ONE_MIB + 1, FILEID)
    before = snapshot(download)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        content = _chunked(data[:ONE_MIB], data[ONE_MIB:]) if chunked else data
        answer = client.put(f"{BASE}/upload/info", content=content, headers=AUTH)
    assert answer.status_code == 413
    assert answer.json() == {"error": "an info file is at most 1048576 bytes; this one is larger"}
    assert snapshot(download) == before == {}  # not even the staging folder
    assert _warnings(caplog) == [
        f"admin upload: info file of package {FILEID} refused, over 1048576 bytes "
        "(admin.info_too_large)"
    ]


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_resumed_info_file_may_not_grow_over_the_cap(
    client: TestClient, download: Path, caplog: pytest.LogCaptureFixture, chunked: bool
):
    data = info_of_size(ONE_MIB, FILEID)
    first = client.put(f"{BASE}/upload/info", content=data[:-10], headers=AUTH)
    assert first.json() == {"name": "info", "size": ONE_MIB - 10}
    before = snapshot(download)
    over = data[-10:] + b" "
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        answer = client.put(
            f"{BASE}/upload/info?offset={ONE_MIB - 10}",
            content=_chunked(over) if chunked else over,
            headers=AUTH,
        )
    assert answer.status_code == 413 and "at most 1048576 bytes" in answer.json()["error"]
    assert snapshot(download) == before  # the staged part is untouched
    assert any("admin.info_too_large" in message for message in _warnings(caplog))
    # the right end completes it, exactly at the cap
    rest = client.put(f"{BASE}/upload/info?offset={ONE_MIB - 10}", content=data[-10:],
                      headers=AUTH)  # fmt: skip
    assert rest.json() == {"name": "info", "size": ONE_MIB}
    assert (download / ".upload" / FILEID / "info").read_bytes() == data


def test_an_info_file_rewritten_from_the_start_replaces_what_was_staged(
    client: TestClient, download: Path
):
    client.put(f"{BASE}/upload/info", content=b"x" * 100, headers=AUTH)
    answer = client.put(f"{BASE}/upload/info?offset=0", content=b"short", headers=AUTH)
    assert answer.json() == {"name": "info", "size": 5}
    assert (download / ".upload" / FILEID / "info").read_bytes() == b"short"
    middle = client.put(f"{BASE}/upload/info?offset=2", content=b"ORT", headers=AUTH)
    assert middle.json() == {"name": "info", "size": 5}
    assert (download / ".upload" / FILEID / "info").read_bytes() == b"shORT"


def test_fragments_are_not_capped(client: TestClient, download: Path):
    data = b"f" * (ONE_MIB + 1)
    answer = client.put(f"{BASE}/upload/{FILEID}-1", content=_chunked(data), headers=AUTH)
    assert answer.json() == {"name": f"{FILEID}-1", "size": ONE_MIB + 1}
    assert (download / ".upload" / FILEID / f"{FILEID}-1").read_bytes() == data


# -- commit and status ----------------------------------------------------------------


def test_commit_of_an_oversized_staged_info_file_discards_it(
    client: TestClient, download: Path, caplog: pytest.LogCaptureFixture
):
    # staged by an earlier server without the cap, or put there by hand
    staging = download / ".upload" / FILEID
    staging.mkdir(parents=True)
    (staging / "info").write_bytes(info_of_size(ONE_MIB + 1, FILEID))
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.status_code == 422
    assert answer.json()["error"] == f"the uploaded info file is invalid: {TOO_LARGE}"
    assert _warnings(caplog) == [
        f"admin upload: package {FILEID} discarded, its info file is invalid: {TOO_LARGE}"
    ]
    assert snapshot(download) == {".upload": ""}  # discarded, nothing published


def test_commit_of_an_info_file_of_exactly_the_cap_publishes(client: TestClient, download: Path):
    data = info_of_size(ONE_MIB, FILEID)  # FRAGS absent: a command-only package
    assert client.put(f"{BASE}/upload/info", content=data, headers=AUTH).status_code == 200
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "fileid": FILEID, "fragments": 0, "size": 0, "digest": "", "published": True,
    }  # fmt: skip
    assert (download / FILEID / "info").read_bytes() == data


@pytest.mark.parametrize(("size", "digest"), [(ONE_MIB, "d" * 32), (ONE_MIB + 1, None)])
def test_status_reads_a_published_info_file_up_to_the_cap(
    client: TestClient, download: Path, size: int, digest: str | None
):
    published = download / FILEID
    published.mkdir()
    (published / "info").write_bytes(info_of_size(size, FILEID, f'DIGEST="{"d" * 32}" '))
    before = snapshot(download)
    answer = client.get(f"{BASE}/upload", headers=AUTH)
    assert answer.status_code == 200
    assert answer.json() == {"fileid": FILEID, "files": {}, "published": True, "digest": digest}
    assert snapshot(download) == before


# -- the rest of the endpoint, in process ---------------------------------------------


def _md5(*parts: bytes) -> str:
    return hashlib.md5(b"".join(parts)).hexdigest()


def _info(frags: int, digest: str, fileid: str = FILEID, **extra: str) -> bytes:
    attributes = {"DIGEST_ALGO": "MD5", "DIGEST_ENCODE": "Hexa", **extra}
    more = " ".join(f'{key}="{value}"' for key, value in attributes.items())
    return (
        f'<DOWNLOAD ID="{fileid}" ACT="STORE" PATH="/p" DIGEST="{digest}" FRAGS="{frags}" {more} />'
    ).encode()


@contextmanager
def _peer_client(
    engine: Engine, download: Path | None, peer: str = "testclient", scheme: str = "https"
) -> Iterator[TestClient]:
    url = engine.url.render_as_string(hide_password=False)
    settings = ServerSettings(
        db_url=url, config_ttl_s=0.0, download_dir=str(download) if download else None
    )
    app = create_app(settings, engine=engine)
    with TestClient(app, base_url=f"{scheme}://testserver", client=(peer, 50000)) as client:
        yield client


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the endpoint sleeps (a refused login's), without waiting for them."""
    seen: list[float] = []
    real = asyncio.sleep

    async def recording(delay: float, *args: object, **kwargs: object) -> object:
        seen.append(delay)
        return await real(0)

    monkeypatch.setattr(admin_upload.asyncio, "sleep", recording)
    return seen


def _stage(client: TestClient, fileid: str, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        answer = client.put(f"/admin/packages/{fileid}/upload/{name}", content=data, headers=AUTH)
        assert answer.status_code == 200, answer.text


# credentials


def _basic(raw: bytes) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(raw).decode()}


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "operator login and password required (HTTP Basic)"),
        ({"Authorization": "Bearer abc"}, "operator login and password required (HTTP Basic)"),
        ({"Authorization": "Basic"}, "operator login and password required (HTTP Basic)"),
        ({"Authorization": "Basic !!"}, "malformed Basic credentials"),
        (_basic(b"admin"), "malformed Basic credentials"),
        (_basic(b"admin:\xff"), "malformed Basic credentials"),
    ],
)
def test_calls_without_usable_credentials_get_a_basic_challenge(
    client: TestClient, download: Path, headers: dict[str, str], message: str
):
    answer = client.get(f"{BASE}/upload", headers=headers)
    assert answer.status_code == 401
    assert answer.json() == {"error": message}
    assert answer.headers["WWW-Authenticate"] == 'Basic realm="OCS Desktop admin", charset="UTF-8"'
    assert snapshot(download) == {}


def test_a_wrong_password_is_refused_slowly_and_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture, slept: list[float]
):
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        answer = client.get(f"{BASE}/upload", headers=_basic(b"admin:nimda"))
    assert answer.status_code == 401
    assert answer.json() == {"error": "wrong operator login or password"}
    assert answer.headers["WWW-Authenticate"].startswith("Basic ")
    assert 0.5 in slept
    assert _warnings(caplog) == [
        "admin login refused for operator 'admin' from testclient (admin.auth_failed)"
    ]


def test_the_scheme_is_any_case_and_a_password_may_hold_colons(
    sqlite_engine: Engine, client: TestClient, slept: list[float]
):
    with sqlite_engine.begin() as conn:
        conn.execute(
            insert(OPERATORS).values(ID="ops", PASSWD=sha256_passwd("a:b: c"), PASSWORD_VERSION=2)
        )
    token = base64.b64encode(b"ops:a:b: c").decode()
    for scheme in ("basic", "BASIC", "Basic"):
        answer = client.get(f"{BASE}/upload", headers={"Authorization": f"{scheme}  {token} "})
        assert answer.status_code == 200, answer.text
    assert slept == [] or 0.5 not in slept


@pytest.mark.parametrize(
    ("peer", "scheme", "status"),
    [
        ("127.0.0.1", "http", 200),
        ("::1", "http", 200),
        ("127.8.9.10", "http", 200),
        ("10.0.0.1", "http", 403),
        ("localhost", "http", 403),
        ("testclient", "http", 403),
        ("10.0.0.1", "https", 200),
    ],
)
def test_plain_http_is_for_loopback_peers_only(
    sqlite_engine: Engine, download: Path, peer: str, scheme: str, status: int
):
    with _peer_client(sqlite_engine, download, peer, scheme) as client:
        answer = client.get(f"{BASE}/upload", headers=AUTH)
    assert answer.status_code == status
    if status == 403:
        assert answer.json() == {"error": "admin calls need HTTPS (start serve with --tls-cert)"}


def test_without_a_download_folder_every_call_is_503(sqlite_engine: Engine):
    with _peer_client(sqlite_engine, None) as client:
        for answer in (
            client.get(f"{BASE}/upload", headers=AUTH),
            client.put(f"{BASE}/upload/info", content=b"x", headers=AUTH),
            client.post(f"{BASE}/commit", headers=AUTH),
            client.delete(f"{BASE}/upload", headers=AUTH),
        ):
            assert answer.status_code == 503
            assert answer.json() == {
                "error": "this server has no download folder (serve --download-dir)"
            }


# names and offsets


NOT_A_FILE = "{!r} is not a file of package " + FILEID + " (info or " + FILEID + "-<n>)"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/admin/packages/12a/upload/info", "'12a' is not a FILEID (digits only)"),
        (f"/admin/packages/{'1' * 21}/upload/info", f"'{'1' * 21}' is not a FILEID (digits only)"),
        *(
            (f"{BASE}/upload/{name}", NOT_A_FILE.format(name))
            for name in (
                "info.php", "INFO", f"{FILEID}-0", f"{FILEID}-01", f"{FILEID}-1234567",
                "1720000002-1", f"x{FILEID}-1", f"{FILEID}-1x", f"{FILEID}-\u0661",
            )
        ),
        (f"{BASE}/upload/info?offset=abc", "offset must be a whole number of bytes"),
        (f"{BASE}/upload/info?offset=-1", "offset must not be negative"),
    ],
)  # fmt: skip
def test_bad_names_and_offsets_are_400_and_write_nothing(
    client: TestClient, download: Path, path: str, message: str
):
    answer = client.put(path, content=b"data", headers=AUTH)
    assert (answer.status_code, answer.json()) == (400, {"error": message})
    assert snapshot(download) == {}


def test_the_largest_fragment_number_and_the_fileid_length_are_accepted(
    sqlite_engine: Engine, download: Path
):
    fileid = "9" * 20
    with client_for(sqlite_engine, download_dir=str(download), max_frags=999_999) as client:
        answer = client.put(f"https://testserver/admin/packages/{fileid}/upload/{fileid}-999999",
                            content=b"ab", headers=AUTH)  # fmt: skip
    assert answer.json() == {"name": f"{fileid}-999999", "size": 2}


def test_a_write_past_the_end_is_409_with_the_size_held(client: TestClient, download: Path):
    _stage(client, FILEID, {f"{FILEID}-1": b"abc"})
    gap = client.put(f"{BASE}/upload/{FILEID}-1?offset=4", content=b"d", headers=AUTH)
    assert gap.status_code == 409
    assert gap.json() == {
        "error": f"{FILEID}-1: the server holds 3 bytes, cannot write at 4",
        "size": 3,
    }
    at_end = client.put(f"{BASE}/upload/{FILEID}-1?offset=3", content=b"d", headers=AUTH)
    assert at_end.json() == {"name": f"{FILEID}-1", "size": 4}
    inside = client.put(f"{BASE}/upload/{FILEID}-1?offset=1", content=b"X", headers=AUTH)
    assert inside.json() == {"name": f"{FILEID}-1", "size": 2}  # what followed is cut
    assert (download / ".upload" / FILEID / f"{FILEID}-1").read_bytes() == b"aX"


def test_an_empty_body_creates_an_empty_file(client: TestClient, download: Path):
    answer = client.put(f"{BASE}/upload/{FILEID}-1", content=b"", headers=AUTH)
    assert answer.json() == {"name": f"{FILEID}-1", "size": 0}
    assert (download / ".upload" / FILEID / f"{FILEID}-1").read_bytes() == b""


def test_nothing_is_written_into_a_published_package(client: TestClient, download: Path):
    (download / FILEID).mkdir()
    for name in ("info", f"{FILEID}-1"):
        answer = client.put(f"{BASE}/upload/{name}", content=b"x", headers=AUTH)
        assert answer.status_code == 409
        assert answer.json() == {"error": f"package {FILEID} is already published"}
    assert snapshot(download) == {FILEID: ""}


# status


def test_status_lists_the_staged_files_and_their_sizes(client: TestClient, download: Path):
    empty = client.get(f"{BASE}/upload", headers=AUTH)
    assert empty.json() == {"fileid": FILEID, "files": {}, "published": False, "digest": None}
    _stage(client, FILEID, {f"{FILEID}-2": b"22", "info": b"<i/>", f"{FILEID}-1": b"1"})
    (download / ".upload" / FILEID / "folder").mkdir()  # not a file: not listed
    answer = client.get(f"{BASE}/upload", headers=AUTH)
    assert answer.json() == {
        "fileid": FILEID,
        "files": {f"{FILEID}-1": 1, f"{FILEID}-2": 2, "info": 4},
        "published": False,
        "digest": None,
    }
    assert list(answer.json()["files"]) == [f"{FILEID}-1", f"{FILEID}-2", "info"]


def test_status_of_a_published_package_with_an_invalid_or_no_info_file(
    client: TestClient, download: Path
):
    (download / FILEID).mkdir()
    answer = client.get(f"{BASE}/upload", headers=AUTH)
    assert answer.json() == {"fileid": FILEID, "files": {}, "published": True, "digest": None}
    (download / FILEID / "info").write_bytes(b"<html/>")
    answer = client.get(f"{BASE}/upload", headers=AUTH)
    assert answer.json()["digest"] is None and answer.status_code == 200


# commit


def test_commit_publishes_a_complete_package(
    client: TestClient, download: Path, caplog: pytest.LogCaptureFixture
):
    one, two = b"first fragment", b"second"
    _stage(client, FILEID, {f"{FILEID}-1": one, f"{FILEID}-2": two,
                            "info": _info(2, _md5(one, two).upper())})  # fmt: skip
    with caplog.at_level(logging.INFO, logger=LOGGER):
        answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "fileid": FILEID, "fragments": 2, "size": len(one + two), "digest": _md5(one, two),
        "published": True,
    }  # fmt: skip
    published = download / FILEID
    assert sorted(p.name for p in published.iterdir()) == [f"{FILEID}-1", f"{FILEID}-2", "info"]
    assert published.stat().st_mode & 0o777 == 0o755
    assert not (download / ".upload" / FILEID).exists()
    assert f"package {FILEID} published by operator admin (2 fragments, 20 bytes)" in [
        r.getMessage() for r in caplog.records
    ]
    again = client.post(f"{BASE}/commit", headers=AUTH)
    assert (again.status_code, again.json()) == (
        409, {"error": f"package {FILEID} is already published"},
    )  # fmt: skip
    status = client.get(f"{BASE}/upload", headers=AUTH).json()
    assert (status["published"], status["digest"]) == (True, _md5(one, two).upper())


def test_commit_checks_a_sha1_digest(client: TestClient, download: Path):
    data = b"payload"
    digest = hashlib.sha1(data).hexdigest()
    _stage(client, FILEID, {f"{FILEID}-1": data,
                            "info": _info(1, digest, DIGEST_ALGO=" sha1 ")})  # fmt: skip
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json()["digest"] == digest


def test_commit_of_a_command_only_package_ignores_the_digest(client: TestClient, download: Path):
    _stage(client, FILEID, {"info": _info(0, "whatever", DIGEST_ENCODE="Base64")})
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.json() == {
        "fileid": FILEID, "fragments": 0, "size": 0, "digest": "", "published": True,
    }  # fmt: skip
    assert (download / FILEID / "info").is_file()


def test_commit_without_an_info_file_is_409_and_keeps_the_fragments(
    client: TestClient, download: Path
):
    _stage(client, FILEID, {f"{FILEID}-1": b"x"})
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert (answer.status_code, answer.json()) == (
        409, {"error": f"nothing uploaded for package {FILEID} (no info file)"},
    )  # fmt: skip
    assert (download / ".upload" / FILEID / f"{FILEID}-1").is_file()


def test_commit_with_missing_fragments_is_409_and_keeps_what_is_there(
    client: TestClient, download: Path
):
    _stage(client, FILEID, {f"{FILEID}-2": b"x", "info": _info(3, _md5(b"x"))})
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert (answer.status_code, answer.json()) == (
        409, {"error": f"fragments not uploaded yet: {FILEID}-1, {FILEID}-3"},
    )  # fmt: skip
    assert sorted(p.name for p in (download / ".upload" / FILEID).iterdir()) == [
        f"{FILEID}-2", "info",
    ]  # fmt: skip
    assert not (download / FILEID).exists()


@pytest.mark.parametrize(
    ("files", "status", "message"),
    [
        ({"info": b"<html/>"}, 422,
         "the uploaded info file is invalid: info file root is <html>, not <DOWNLOAD>"),
        ({"info": _info(0, "", fileid="1720000009")}, 422,
         f"the info file describes package 1720000009, not {FILEID}"),
        ({f"{FILEID}-1": b"a", f"{FILEID}-2": b"b", "info": _info(1, _md5(b"a"))}, 422,
         f"files not in the package (FRAGS=1): {FILEID}-2"),
        ({f"{FILEID}-1": b"a", "info": _info(1, "0" * 32)}, 422,
         f"digest mismatch: the info file says {'0' * 32}, the uploaded fragments give "
         f"{_md5(b'a')}; the upload was discarded, send the package again"),
        ({f"{FILEID}-1": b"a", "info": _info(1, "")}, 422,
         f"digest mismatch: the info file says (empty), the uploaded fragments give "
         f"{_md5(b'a')}; the upload was discarded, send the package again"),
        ({f"{FILEID}-1": b"a", "info": _info(1, _md5(b"a"), DIGEST_ENCODE="Base64")}, 422,
         "unsupported DIGEST_ENCODE 'Base64' (Hexa only)"),
        ({f"{FILEID}-1": b"a", "info": _info(1, _md5(b"a"), DIGEST_ALGO="SHA256")}, 422,
         "unsupported DIGEST_ALGO 'SHA256' (MD5 or SHA1)"),
    ],
)  # fmt: skip
def test_a_commit_that_cannot_be_right_discards_the_upload(
    client: TestClient, download: Path, files: dict[str, bytes], status: int, message: str
):
    _stage(client, FILEID, files)
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert (answer.status_code, answer.json()) == (status, {"error": message})
    assert not (download / FILEID).exists()
    if "DIGEST_ALGO" not in message:  # an unknown algorithm is refused before discarding
        assert not (download / ".upload" / FILEID).exists()


def test_commit_accepts_hex_and_an_empty_algorithm(client: TestClient, download: Path):
    info = _info(1, _md5(b"a"), DIGEST_ALGO="", DIGEST_ENCODE="HEX")
    _stage(client, FILEID, {f"{FILEID}-1": b"a", "info": info})
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.status_code == 200, answer.text


def test_the_published_folder_is_readable_by_the_web_server_whatever_the_umask(
    client: TestClient, download: Path
):
    old = os.umask(0o077)
    try:
        _stage(client, FILEID, {"info": _info(0, "")})
        assert (download / ".upload" / FILEID).stat().st_mode & 0o777 == 0o700
        assert client.post(f"{BASE}/commit", headers=AUTH).status_code == 200
    finally:
        os.umask(old)
    assert (download / FILEID).stat().st_mode & 0o777 == 0o755


def test_a_package_published_meanwhile_by_another_process_is_not_replaced(
    client: TestClient, download: Path, monkeypatch: pytest.MonkeyPatch
):
    _stage(client, FILEID, {"info": _info(0, "")})
    real_chmod = os.chmod

    def another_worker_publishes_first(path: Path, mode: int) -> None:
        real_chmod(path, mode)
        if Path(path) == download / ".upload" / FILEID:  # the last step before the rename
            (download / FILEID).mkdir()

    monkeypatch.setattr(admin_upload.os, "chmod", another_worker_publishes_first)
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.status_code == 500 and "File exists" in answer.json()["error"]
    assert list((download / FILEID).iterdir()) == []  # the other one's folder, untouched
    assert (download / ".upload" / FILEID / "info").is_file()  # ours kept for a retry


def test_a_failed_rename_leaves_no_empty_package_behind(
    client: TestClient, download: Path, monkeypatch: pytest.MonkeyPatch
):
    _stage(client, FILEID, {"info": _info(0, "")})

    def cannot_rename(source: Path, target: Path) -> None:
        raise OSError(16, "Device or resource busy")

    monkeypatch.setattr(admin_upload.os, "rename", cannot_rename)
    answer = client.post(f"{BASE}/commit", headers=AUTH)
    assert answer.status_code == 500 and "Device or resource busy" in answer.json()["error"]
    assert not (download / FILEID).exists()
    assert (download / ".upload" / FILEID / "info").is_file()


def test_writes_leave_no_file_open(client: TestClient):
    def open_files() -> int:
        return len(os.listdir("/proc/self/fd"))

    _stage(client, FILEID, {"info": b"warm up", f"{FILEID}-1": b"warm up"})
    before = open_files()
    for n in range(20):
        _stage(client, FILEID, {"info": b"i" * n, f"{FILEID}-1": b"f" * n})
    assert open_files() - before < 10


# abort, unknown calls, failures


def test_abort_forgets_a_staged_upload(client: TestClient, download: Path):
    _stage(client, FILEID, {f"{FILEID}-1": b"x"})
    answer = client.delete(f"{BASE}/upload", headers=AUTH)
    assert answer.json() == {"fileid": FILEID, "discarded": True}
    assert snapshot(download) == {".upload": ""}
    again = client.delete(f"{BASE}/upload", headers=AUTH)
    assert again.json() == {"fileid": FILEID, "discarded": False}


def test_an_unknown_admin_call_is_404_without_credentials(client: TestClient):
    answer = client.patch(f"{BASE}/upload/info")
    assert answer.status_code == 404
    assert answer.json() == {"error": f"no admin endpoint PATCH {BASE}/upload/info"}
    for method in ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        other = client.request(method, "/admin/whatever", headers=AUTH)
        assert other.status_code == 404, method
        if method != "HEAD":
            assert other.json() == {"error": f"no admin endpoint {method} /admin/whatever"}


def test_a_file_system_error_is_500_and_logged(
    sqlite_engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_bytes(b"")
    with _peer_client(sqlite_engine, not_a_folder) as client, caplog.at_level(logging.ERROR):
        answer = client.put(f"{BASE}/upload/{FILEID}-1", content=b"x", headers=AUTH)
    assert answer.status_code == 500
    assert answer.json()["error"].startswith("file system error on the server: ")
    assert any(
        r.getMessage().startswith("admin upload: file system error: ") for r in caplog.records
    )


def test_a_database_error_is_500_and_logged(
    sqlite_engine: Engine, client: TestClient, caplog: pytest.LogCaptureFixture
):
    with sqlite_engine.begin() as conn:
        conn.execute(text("DROP TABLE operators"))
    with caplog.at_level(logging.ERROR, logger=LOGGER):
        answer = client.get(f"{BASE}/upload", headers=AUTH)
    assert (answer.status_code, answer.json()) == (500, {"error": "database error"})
    assert any(r.getMessage().startswith("database error: ") for r in caplog.records)
