"""Files for agents: safe names, a size cap, and served byte for byte by our server."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, text

from ocs_desktop.cli.main import main
from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db.deploy_rows import DEPLOY
from ocs_desktop.fleet.agent_files import (
    AgentFile,
    AgentFileError,
    check_name,
    delete_file,
    download_file,
    file_content,
    list_files,
    upload_file,
    upload_limit,
)
from ocs_desktop.fleet.label import set_label
from tests.support.builders import count
from tests.support.live_server import maria
from tests.support.server_helpers import client_for, set_config

__all__ = ["maria"]  # the fixture, imported for pytest


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


# -- the limits, exactly -------------------------------------------------------------


def test_the_limits_are_the_documented_ones(engine: Engine) -> None:
    assert check_name("a" * 100) == "a" * 100
    with pytest.raises(AgentFileError) as caught:
        check_name("a" * 101)
    assert (caught.value.reason, caught.value.value, caught.value.limit) == (
        "name_long",
        "a" * 101,
        0,
    )
    assert "longer than 100 characters" in str(caught.value)
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert upload_limit(conn) == 64 * 1024 * 1024


def test_a_file_of_exactly_the_cap_passes_one_byte_more_is_refused(
    engine: Engine, tmp_path: Path
) -> None:
    with engine.begin() as conn:
        assert upload_file(conn, _file(tmp_path, "exact.bin", b"x" * 1000), cap=1000).size == 1000
        with pytest.raises(AgentFileError) as caught:
            upload_file(conn, _file(tmp_path, "over.bin", b"x" * 1001), cap=1000)
    assert (caught.value.reason, caught.value.value, caught.value.limit) == ("too_big", 1001, 1000)
    assert str(caught.value) == "over.bin is 1001 bytes, above the limit of 1000"
    assert count(engine, "deploy") == 1


def test_a_file_read_in_chunks_is_whole_and_reports_each(engine: Engine, tmp_path: Path) -> None:
    mib = 1024 * 1024
    payload = os.urandom(2 * mib + 5)
    seen: list[tuple[int, int]] = []
    with engine.begin() as conn:
        upload_file(
            conn,
            _file(tmp_path, "big.bin", payload),
            progress=lambda d, t: seen.append((d, t)) or True,
        )
    assert seen == [(mib, len(payload)), (2 * mib, len(payload)), (len(payload), len(payload))]
    with engine.connect() as conn:
        assert file_content(conn, "big.bin") == payload


def test_a_file_that_grows_while_read_is_refused(engine: Engine, tmp_path: Path) -> None:
    mib = 1024 * 1024
    source = _file(tmp_path, "growing.bin", b"x" * (2 * mib))

    def grow(done: int, total: int) -> bool:
        if done == mib:
            with source.open("ab") as more:
                more.write(b"y" * (2 * mib))
        return True

    with engine.begin() as conn, pytest.raises(AgentFileError) as caught:
        upload_file(conn, source, cap=3 * mib, progress=grow)
    assert (caught.value.reason, caught.value.value, caught.value.limit) == (
        "too_big",
        3 * mib + mib,
        3 * mib,
    )
    assert "above the limit of" in str(caught.value)
    assert count(engine, "deploy") == 0


def test_a_cancelled_upload_writes_nothing(engine: Engine, tmp_path: Path) -> None:
    source = _file(tmp_path, "big.bin", b"x" * (2 * 1024 * 1024))
    with engine.begin() as conn, pytest.raises(Cancelled):
        upload_file(conn, source, progress=lambda d, t: False)
    assert count(engine, "deploy") == 0


def test_replace_keeps_the_stored_spelling_and_sizes_of_empty_rows(
    engine: Engine, tmp_path: Path
) -> None:
    with engine.begin() as conn:
        upload_file(conn, _file(tmp_path, "ocspackage.exe", b"v1"))
        again = upload_file(conn, _file(tmp_path, "v2", b"v22"), "OCSPACKAGE.EXE", replace=True)
        conn.execute(insert(DEPLOY).values(NAME="empty.txt", CONTENT=b""))
        files = list_files(conn)
    assert again == AgentFile("ocspackage.exe", 3)
    assert files == [AgentFile("empty.txt", 0), AgentFile("ocspackage.exe", 3)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.size = 4  # type: ignore[misc]


def test_missing_and_reserved_names_when_reading_or_deleting(engine: Engine) -> None:
    with engine.begin() as conn:
        set_label(conn, "Office")
        for call in (file_content, delete_file):
            with pytest.raises(AgentFileError) as caught:
                call(conn, "nothing.exe")
            assert (caught.value.reason, caught.value.value) == ("missing", "nothing.exe")
            assert "no file named 'nothing.exe'" in str(caught.value)
            with pytest.raises(AgentFileError) as caught:
                call(conn, "Label")
            assert caught.value.reason == "reserved"
    assert count(engine, "deploy", NAME="label") == 1


def test_a_failed_download_leaves_no_file_behind(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with engine.begin() as conn:
        upload_file(conn, _file(tmp_path, "agent.exe", b"MZ" * 1000))
    out = tmp_path / "out"
    out.mkdir()
    temporaries: list[str] = []

    def refuse(source: str, target: object) -> None:
        temporaries.append(Path(source).name)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with engine.connect() as conn, pytest.raises(OSError, match="No space"):
        download_file(conn, "agent.exe", out)
    # Written hidden (a half file never looks like the real one), then removed.
    assert temporaries and temporaries[0].startswith(".ocs-")
    assert list(out.iterdir()) == []


@pytest.mark.mariadb
def test_mariadb_max_allowed_packet_bounds_the_limit(maria: tuple[str, Engine]) -> None:
    _, engine = maria
    with engine.connect() as conn:
        packet = int(conn.execute(text("SELECT @@max_allowed_packet")).scalar_one())
        assert upload_limit(conn, 1 << 40) == packet - 64 * 1024
        assert upload_limit(conn, 1000) == 1000
        assert upload_limit(conn, 0) == 0
