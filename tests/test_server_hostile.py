"""Hostile and broken requests against the communication server.

Bodies come from ``hostile.py``: each must be refused cleanly (400, or 413 past the size
limit) and leave the database exactly as it was. Connection-level abuse (stalled bodies,
huge headers, path traversal) is tested against a live uvicorn with raw sockets.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from tests.support import hostile
from tests.support.builders import count, fingerprint, inventory_xml
from tests.support.live_server import LiveServer, live_server, maria
from tests.support.server_helpers import UNIX_UA, client_for, post, prolog_xml

__all__ = ["maria"]  # the fixture, imported for pytest

BODIES: list[Callable[[], bytes]] = [
    hostile.billion_laughs, hostile.external_entity_file, hostile.external_entity_http,
    hostile.external_dtd, hostile.undeclared_entity, hostile.doctype_in_utf16,
    hostile.zlib_bomb, hostile.truncated_zlib, hostile.corrupt_zlib, hostile.corrupt_gzip,
    hostile.latin1_declared_utf8, hostile.unknown_encoding, hostile.utf7_encoding,
    hostile.huge_text_node, hostile.control_character, hostile.missing_deviceid,
    hostile.malformed_deviceid, hostile.missing_query, hostile.wrong_root, hostile.random_bytes,
    hostile.html_page, hostile.json_body, hostile.empty_body, hostile.too_many_elements,
]  # fmt: skip


def test_hostile_bodies_are_refused_and_change_nothing(engine: Engine) -> None:
    before = fingerprint(engine)
    statuses = {}
    with client_for(engine) as client:
        for build in BODIES:
            statuses[build.__name__] = post(client, build(), raw=True).status_code
        # the same documents as PROLOG and DOWNLOAD messages
        for query in ("PROLOG", "DOWNLOAD", "NOTIFY"):
            body = hostile.request(query=query, deviceid="bad id")
            statuses[f"{query}-bad-id"] = post(client, body, raw=True).status_code
        assert client.get("/health").status_code == 200
    assert statuses == dict.fromkeys(statuses, 400)
    assert fingerprint(engine) == before


def test_body_over_the_limit_is_413(engine: Engine) -> None:
    big = zlib.compress(inventory_xml(), 0) + b"\0" * (2 * 1024 * 1024)
    with client_for(engine, max_body_bytes=1024 * 1024) as client:
        declared = post(client, big, raw=True)

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
            for start in range(0, len(big), 65536):
                yield big[start : start + 65536]

        streamed = client.post("/ocsinventory", content=chunks(), headers={"User-Agent": UNIX_UA})
    assert (declared.status_code, streamed.status_code) == (413, 413)
    assert count(engine, "hardware") == 0


# -- live server ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One live server for the module's connection-level tests (each leaves it healthy)."""
    tmp_path = tmp_path_factory.mktemp("live")
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    download = tmp_path / "download"
    (download / "1700000000").mkdir(parents=True)
    (download / "1700000000" / "info").write_bytes(b"<DOWNLOAD ID='1700000000'/>")
    (download / "1700000000" / "1700000000-1").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "secret").write_text("root:x:0:0:secret")
    extra = ["--body-timeout", "2", "--download-dir", str(download)]
    with live_server(str(db), tmp_path, extra) as server:
        yield server


def _raw(server: LiveServer, data: bytes, timeout: float = 10) -> bytes:
    """Send raw bytes, return everything the server answers before closing or timing out."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(data)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and b"Connection: close" not in answer:
                    break
        except (TimeoutError, ConnectionResetError):
            pass
    return answer


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def _health(server: LiveServer) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("GET", "/health")
        return conn.getresponse().status
    finally:
        conn.close()


def test_stalled_body_times_out_and_others_are_served(sqlite_server: LiveServer) -> None:
    server = sqlite_server
    result: dict[str, object] = {}
    body = zlib.compress(prolog_xml())

    def slow_client() -> None:
        started = time.monotonic()
        head = (
            f"POST /ocsinventory HTTP/1.1\r\nHost: x\r\nUser-Agent: {UNIX_UA}\r\n"
            f"Content-Length: {len(body) + 1000}\r\n\r\n"
        ).encode()
        result["answer"] = _raw(server, head + body[:10], timeout=20)
        result["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=slow_client)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert _health(server) == 200  # served while the slow client hangs
    assert time.monotonic() - started < 1.5
    thread.join(30)
    assert _status(result["answer"]) == 408  # type: ignore[arg-type]
    assert 1.5 < result["seconds"] < 10  # type: ignore[operator]
    assert _health(server) == 200


@pytest.mark.parametrize(
    "partial",
    [b"", b"POST /ocsinv", b"POST /ocsinventory HTTP/1.1\r\nHost: x\r\nUser-Agent: slo"],
    ids=["silent", "half-request-line", "half-headers"],
)
def test_stalled_headers_are_dropped(sqlite_server: LiveServer, partial: bytes) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", sqlite_server.port), timeout=20) as sock:
        sock.sendall(partial)
        assert _health(sqlite_server) == 200  # others are served meanwhile
        assert sock.recv(1024) == b""  # closed by the server
    assert 1.5 < time.monotonic() - started < 10


def test_huge_headers_are_refused(sqlite_server: LiveServer) -> None:
    request = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n"
    answer = _raw(sqlite_server, request)
    assert answer == b"" or 400 <= _status(answer) < 500
    many = b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"X-A: b\r\n" * 20_000 + b"\r\n"
    answer = _raw(sqlite_server, many)
    assert answer == b"" or 400 <= _status(answer) < 500
    assert sqlite_server.process.poll() is None
    assert _health(sqlite_server) == 200


@pytest.mark.parametrize(
    "path",
    [
        "/download/../../etc/passwd",
        "/download/%2e%2e/%2e%2e/etc/passwd",
        "/download/1700000000/..%2f..%2fsecret",
        "/download/1700000000/%2e%2e%2f%2e%2e%2fsecret",
        "/download/..%2f..%2fsecret/x",
        "/download/1700000000/1700000000-1%00",
        "/download/1700000000/../../secret",
        "/download/1700000000/1600000000-1",
        "/download/1700000000/info/../../../secret",
        "/ocsinventory/deploy/../../etc/passwd",
    ],
)
def test_no_path_traversal(sqlite_server: LiveServer, path: str) -> None:
    answer = _raw(sqlite_server, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert 400 <= _status(answer) < 500, answer[:200]
    assert b"root:" not in answer


def test_package_files_are_served_with_ranges(sqlite_server: LiveServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", sqlite_server.port, timeout=5)
    conn.request("GET", "/download/1700000000/info")
    response = conn.getresponse()
    assert (response.status, response.read()) == (200, b"<DOWNLOAD ID='1700000000'/>")
    conn.request("GET", "/download/1700000000/1700000000-1", headers={"Range": "bytes=256-259"})
    response = conn.getresponse()
    assert response.status == 206
    assert response.read() == bytes([0, 1, 2, 3])
    conn.request("GET", "/download/1700000000/1700000000-2")
    assert conn.getresponse().status == 404
    conn.close()


@pytest.mark.mariadb
def test_concurrent_duplicate_deviceids(maria: tuple[str, Engine], tmp_path: Path) -> None:
    """8 simultaneous first inventories of one machine on 2 workers: one machine, all 200."""
    url, engine = maria
    deviceid = "twin-2024-01-01-00-00-00"
    body = zlib.compress(inventory_xml(deviceid=deviceid))

    def send(port: int) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.request("POST", "/ocsinventory", body=body, headers={"User-Agent": UNIX_UA})
        status = conn.getresponse().status
        conn.close()
        return status

    with live_server(url, tmp_path, ["--workers", "2"]) as server, ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(send, [server.port] * 8))
    assert statuses == [200] * 8
    assert count(engine, "hardware", DEVICEID=deviceid) == 1
    with engine.connect() as conn:
        owners = conn.execute(text("SELECT DISTINCT HARDWARE_ID FROM cpus")).scalars().all()
        [hardware_id] = conn.execute(text("SELECT ID FROM hardware")).scalars().all()
    assert owners == [hardware_id]  # no orphan rows of a second machine
