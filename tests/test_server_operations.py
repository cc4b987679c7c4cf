"""Operating the server: database outages, the health check and the access log."""

from __future__ import annotations

import http.client
import zlib
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from tests.support.builders import count, inventory_xml
from tests.support.live_server import LiveServer, live_server, maria
from tests.support.server_helpers import UNIX_UA, prolog_xml
from tests.support.tcp_proxy import TcpProxy

__all__ = ["maria"]  # the fixture, imported for pytest

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]


def _post(server: LiveServer, xml: bytes) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        conn.request("POST", "/ocsinventory", zlib.compress(xml), {"User-Agent": UNIX_UA})
        return conn.getresponse().status
    finally:
        conn.close()


def _get(server: LiveServer, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def test_database_outage_is_an_error_and_recovers(
    maria: tuple[str, Engine], tmp_path: Path
) -> None:
    url, engine = maria
    real = make_url(url)
    proxy = TcpProxy((real.host or "127.0.0.1", real.port or 3306))
    proxy.start()
    via_proxy = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        with live_server(via_proxy, tmp_path) as server:
            assert _post(server, prolog_xml()) == 200
            proxy.stop()
            # 500, or 503 once the retries of a lost connection are spent (the agent
            # sends again later either way); never a hang, never a crash.
            assert _post(server, prolog_xml()) in (500, 503)
            assert _post(server, inventory_xml()) in (500, 503)
            assert _get(server, "/health") == 503
            assert server.process.poll() is None
            proxy.start()
            assert _get(server, "/health") == 200
            assert _post(server, inventory_xml()) == 200
            log = server.log_text()
    finally:
        proxy.stop()
    assert count(engine, "hardware") == 1
    assert "database error" in log
    assert ("status=500" in log or "status=503" in log) and "query=INVENTORY" in log
