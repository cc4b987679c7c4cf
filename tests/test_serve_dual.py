"""``serve`` on HTTP and HTTPS at once, and activations that fail or get deleted.

An Apache-hosted OCS answers on 80 and 443; a package activated with the default HTTP
fragments and the HTTPS info file needs both. These run the real server process: one
worker on SQLite, two on MariaDB (each worker must listen on both sockets).
"""

from __future__ import annotations

import contextlib
import io
import ssl
import urllib.error
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from ocs_desktop.cli.main import main
from ocs_desktop.models import Base
from tests.support.dual_server import dual_server, get
from tests.support.live_server import free_port, maria

__all__ = ["maria"]
T = Base.metadata.tables


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue().strip(), err.getvalue()


def _ok(*args: str) -> str:
    code, out, err = _cli(*args)
    assert code == 0, (args, out, err)
    return out


def _certs(root: Path) -> Path:
    certs = root / "certs"
    _ok("cert", "init", "--dir", str(certs), "--host", "localhost", "--ip", "127.0.0.1")
    return certs


def _sqlite(root: Path) -> str:
    path = root / "fleet.sqlite"
    _ok("db", "init", str(path))
    return str(path)


def _health_both(server: object) -> None:
    from tests.support.dual_server import DualServer

    assert isinstance(server, DualServer)
    assert get(f"{server.https_url}/health", server.context())[0] == 200
    assert get(f"{server.http_url}/health")[0] == 200
    # each port speaks only its own protocol
    with pytest.raises((urllib.error.URLError, ssl.SSLError, ConnectionError)):
        get(f"https://127.0.0.1:{server.http_port}/health", server.context())
    with pytest.raises((urllib.error.URLError, ConnectionError)):  # TLS port: no plain reply
        get(f"http://127.0.0.1:{server.https_port}/health")


def test_one_worker_answers_on_http_and_https(tmp_path: Path) -> None:
    db, certs = _sqlite(tmp_path), _certs(tmp_path)
    with dual_server(db, tmp_path, certs) as server:
        _health_both(server)
        log = server.log_text()
    assert f"listening on https://127.0.0.1:{server.https_port}" in log
    assert f"listening on http://127.0.0.1:{server.http_port}" in log


@pytest.mark.mariadb
def test_every_worker_listens_on_both(tmp_path: Path, maria: tuple[str, Engine]) -> None:
    url, _engine = maria
    certs = _certs(tmp_path)
    with dual_server(url, tmp_path, certs, ["--workers", "2"]) as server:
        for _ in range(6):  # connections land on either worker
            _health_both(server)
        assert server.process.poll() is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--https-port", "8443"], "--https-port needs --tls-cert"),
        (["--tls", "--port", "8443", "--https-port", "9443"], "--port and --https-port"),
        (["--port", "8080", "--http-port", "8081"], "--port and --http-port"),
        (["--tls", "--https-port", "8443", "--http-port", "8443"], "two different ports"),
    ],
)
def test_port_options_that_contradict_are_refused(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    db = _sqlite(tmp_path)
    if "--tls" in extra:
        certs = _certs(tmp_path)
        extra = [a for a in extra if a != "--tls"]
        extra += ["--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key")]
    code, _out, err = _cli("serve", "--db", db, *extra)
    assert code == 2
    assert message in err


def _build(root: Path, db: str, store: Path) -> str:
    source = root / "src"
    source.mkdir()
    (source / "run.sh").write_text("#!/bin/sh\necho done\n")
    return _ok("package", "build", "--db", db, "--name", "dual", "--os", "linux",
               "--action", "execute", "--command", "sh run.sh", "--priority", "5",
               "--store", str(store), "--quiet", str(source / "run.sh"))  # fmt: skip


def test_failed_activation_leaves_nothing_and_delete_finds_the_folder(tmp_path: Path) -> None:
    db, certs = _sqlite(tmp_path), _certs(tmp_path)
    download, store = tmp_path / "download", tmp_path / "store"
    download.mkdir()
    fileid = _build(tmp_path, db, store)
    ca = str(certs / "cacert.pem")
    with dual_server(db, tmp_path, certs, ["--download-dir", str(download)]) as server:
        info_loc = f"127.0.0.1:{server.https_port}/download"
        closed = f"127.0.0.1:{free_port()}/download"  # nobody listens: fragments unreachable
        common = ("package", "activate", "--db", db, fileid, "--info-loc", info_loc,
                  "--store", str(store), "--ca", ca, "--quiet",
                  "--download-dir", str(download))  # fmt: skip
        code, _out, err = _cli(*common, "--pack-loc", closed)
        assert code != 0
        assert "first fragment is not reachable" in err
        assert list(download.iterdir()) == []  # neither the package nor a staging folder
        # the default: fragments over HTTP from the same server
        http_loc = f"127.0.0.1:{server.http_port}/download"
        enable_id = _ok(*common, "--pack-loc", http_loc)
        assert (download / fileid / "info").is_file()
        status, body = get(f"{server.http_url}/download/{fileid}/{fileid}-1")
        assert status == 200 and body == (store / fileid / f"{fileid}-1").read_bytes()
    assert int(enable_id) > 0
    out = _ok("package", "delete", "--db", db, fileid, "--store", str(store))
    assert "download folder yes" in out
    assert not (download / fileid).exists()
    assert not (store / fileid).exists()
    assert not list(store.glob(f".{fileid}.*"))
    from ocs_desktop.db.engines import create_engine_for

    engine = create_engine_for(db)
    try:
        with engine.connect() as conn:
            deleted = conn.execute(
                select(T["download_available"].c.DELETED).where(
                    T["download_available"].c.FILEID == fileid
                )
            ).scalar_one()
    finally:
        engine.dispose()
    assert deleted == 1
