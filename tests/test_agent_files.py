"""Files for agents: safe names, a size cap, and served byte for byte by our server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ocs_desktop.cli.main import main
from ocs_desktop.fleet.agent_files import (
    AgentFile,
    AgentFileError,
    check_name,
    delete_file,
    download_file,
    list_files,
    upload_file,
    upload_limit,
)
from ocs_desktop.fleet.label import set_label
from tests.support.builders import count
from tests.support.server_helpers import client_for, set_config


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "name_empty"),
        ("../../etc/passwd", "name_separator"),
        ("..", "name_traversal"),
        ("a..b", "name_traversal"),
        (".hidden", "name_traversal"),
        ("dir\\agent.exe", "name_separator"),
        ("agent\x00.exe", "name_control"),
        ("agent\n.exe", "name_control"),
        ("agent setup.exe", "name_chars"),
        ("agent?.exe", "name_chars"),
        ("%2e%2e", "name_chars"),
        ("a" * 101, "name_long"),
        ("LABEL", "reserved"),
    ],
)
def test_hostile_names_are_refused_and_nothing_is_written(
    engine: Engine, tmp_path: Path, name: str, reason: str
) -> None:
    source = _file(tmp_path, "ok.exe", b"MZ")
    with engine.begin() as conn, pytest.raises(AgentFileError) as caught:
        upload_file(conn, source, name)
    assert caught.value.reason == reason
    assert count(engine, "deploy") == 0


def test_safe_names_pass() -> None:
    for name in ("ocspackage.exe", "OCS-Windows-Agent_2.10+x64.zip", "cacert.pem"):
        assert check_name(name) == name


def test_upload_replace_list_download_delete(engine: Engine, tmp_path: Path) -> None:
    payload = os.urandom(300_000) + b"\x00\r\n\x1a"
    source = _file(tmp_path, "ocspackage.exe", payload)
    seen: list[tuple[int, int]] = []
    with engine.begin() as conn:
        set_label(conn, "Office")
        stored = upload_file(conn, source, progress=lambda d, t: seen.append((d, t)) or True)
    assert stored == AgentFile("ocspackage.exe", len(payload))
    assert seen[-1] == (len(payload), len(payload))
    with engine.begin() as conn:
        with pytest.raises(AgentFileError) as caught:
            upload_file(conn, _file(tmp_path, "other", b"new"), "OCSPACKAGE.EXE")
        assert caught.value.reason == "exists"
        replaced = upload_file(
            conn, _file(tmp_path, "v2", b"version 2"), "ocspackage.exe", replace=True
        )
        assert list_files(conn) == [AgentFile("ocspackage.exe", 9)]  # the label is not a file
    assert replaced.size == 9
    out = tmp_path / "out"
    out.mkdir()
    with engine.connect() as conn:
        download_file(conn, "ocspackage.exe", out)
        with pytest.raises(AgentFileError) as caught:
            download_file(conn, "ocspackage.exe", out / "ocspackage.exe")
        assert caught.value.reason == "dest_exists"
        with pytest.raises(AgentFileError) as caught:
            download_file(conn, "label", out / "label.txt")
        assert caught.value.reason == "reserved"
    assert (out / "ocspackage.exe").read_bytes() == b"version 2"
    assert sorted(p.name for p in out.iterdir()) == ["ocspackage.exe"]  # no temporary left
    with engine.begin() as conn:
        delete_file(conn, "ocspackage.exe")
        with pytest.raises(AgentFileError) as caught:
            delete_file(conn, "ocspackage.exe")
        assert caught.value.reason == "missing"
        assert list_files(conn) == []
    assert count(engine, "deploy", NAME="label") == 1


def test_size_cap_refuses_before_writing(engine: Engine, tmp_path: Path) -> None:
    source = _file(tmp_path, "big.bin", b"x" * 2048)
    with engine.begin() as conn:
        assert upload_limit(conn, 1000) <= 1000
        with pytest.raises(AgentFileError) as caught:
            upload_file(conn, source, cap=1000)
        assert caught.value.reason == "too_big"
        assert caught.value.limit == 1000
        with pytest.raises(AgentFileError) as caught:
            upload_file(conn, tmp_path)  # a folder
        assert caught.value.reason == "not_file"
    assert count(engine, "deploy") == 0


def test_mysql_packet_bounds_the_limit(engine: Engine) -> None:
    with engine.connect() as conn:
        limit = upload_limit(conn, 1 << 40)
    if engine.dialect.name == "mysql":
        assert limit < 1 << 40
    else:
        assert limit == 1 << 40


def test_served_byte_identical_through_the_server(engine: Engine, tmp_path: Path) -> None:
    payload = bytes(range(256)) * 4000 + b"\r\n\x00end"
    source = _file(tmp_path, "OcsPackage.exe", payload)
    with engine.begin() as conn:
        upload_file(conn, source)
    set_config(engine, "DEPLOY", 1)
    with client_for(engine) as client:
        answer = client.get("/ocsinventory/deploy/OcsPackage.exe")
        assert answer.status_code == 200
        assert answer.content == payload
        set_config(engine, "DEPLOY", 0)
        assert client.get("/ocsinventory/deploy/OcsPackage.exe").status_code == 403


def test_cli(engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = engine.url.render_as_string(hide_password=False)
    source = _file(tmp_path, "cacert.pem", b"-----BEGIN CERTIFICATE-----\n")
    assert main(["agent-files", "upload", "--db", db, str(source)]) == 0
    assert main(["agent-files", "upload", "--db", db, str(source), "--name", "../x"]) == 1
    assert "path separator" in capsys.readouterr().err
    assert main(["agent-files", "list", "--db", db]) == 0
    assert "cacert.pem" in capsys.readouterr().out
    target = tmp_path / "copy.pem"
    assert main(["agent-files", "download", "--db", db, "cacert.pem", str(target)]) == 0
    assert target.read_bytes() == source.read_bytes()
    assert main(["agent-files", "delete", "--db", db, "cacert.pem"]) == 0
    assert count(engine, "deploy") == 0
