"""``ocs-desktop agent-package windows``: build, rebuild from the sidecar, exit codes, and
publishing as an agent file and as an upgrade package, on SQLite and MariaDB."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from ocs_desktop.cli.main import main
from ocs_desktop.models import DownloadAvailable
from ocs_desktop.packager.store import package_dir
from tests.support.agent_windows import (
    MACHINE_AMD64,
    MACHINE_I386,
    PE32,
    PE32_PLUS,
    compile_standin,
    pe_machine,
    write_ca,
)
from tests.support.server_helpers import client_for, set_config


@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_standin(tmp_path_factory.mktemp("standin"))


def _args(standin: Path, tmp_path: Path, *more: str) -> list[str]:
    return [
        "agent-package", "windows", "--setup", str(standin),
        "--server", "https://ocs.example.org/ocsinventory", "--output", str(tmp_path / "out"),
        "--quiet", *more,
    ]  # fmt: skip


def test_build_prints_the_exe_and_writes_the_sidecar(
    standin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    certs = tmp_path / "certs"
    assert main(["cert", "init", "--dir", str(certs), "--host", "localhost"]) == 0
    capsys.readouterr()
    plugin = tmp_path / "p.vbs"
    plugin.write_text("x")
    code = main(_args(standin, tmp_path, "--cert-dir", str(certs), "--tag", "Site A",
                      "--label", "Name?", "--plugin", str(plugin), "--now", "--nosplash",
                      "--debug", "2", "--option", "/NO_SYSTRAY"))  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    exe = tmp_path / "out" / "ocspackage.exe"
    assert out.out.strip() == str(exe)
    record = json.loads((tmp_path / "out" / "ocspackage.json").read_text())
    assert record["inputs"]["cacert"]["path"] == str((certs / "cacert.pem").resolve())
    assert record["cmdline"] == (
        '/S /SERVER=https://ocs.example.org/ocsinventory /SSL=1 /CA=cacert.pem "/TAG=Site A" '
        "/NOW /NOSPLASH /DEBUG=2 /NO_SYSTRAY"
    )
    sidecar = str(tmp_path / "out" / "ocspackage.json")
    again_dir = str(tmp_path / "again")
    assert main(["agent-package", "windows", "--from-json", sidecar, "--output", again_dir,
                 "--quiet"]) == 0  # fmt: skip
    again = capsys.readouterr()
    assert "differs" not in again.err
    assert (tmp_path / "again" / "ocspackage.exe").read_bytes() == exe.read_bytes()


def test_arch_x64_builds_a_64_bit_package_and_the_rebuild_keeps_it(
    standin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(standin, tmp_path, "--no-ssl")) == 0
    exe = tmp_path / "out" / "ocspackage.exe"
    assert pe_machine(exe) == (MACHINE_I386, PE32)  # x86 unless asked
    assert main(_args(standin, tmp_path, "--no-ssl", "--arch", "x64")) == 0
    assert pe_machine(exe) == (MACHINE_AMD64, PE32_PLUS)
    sidecar = tmp_path / "out" / "ocspackage.json"
    assert json.loads(sidecar.read_text())["inputs"]["arch"] == "x64"
    capsys.readouterr()
    rebuild = ["agent-package", "windows", "--from-json", str(sidecar), "--quiet"]
    assert main([*rebuild, "--output", str(tmp_path / "again")]) == 0
    assert "differs" not in capsys.readouterr().err
    assert (tmp_path / "again" / "ocspackage.exe").read_bytes() == exe.read_bytes()
    assert main([*rebuild, "--arch", "x86"]) == 2
    assert "not --arch" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(_args(standin, tmp_path, "--no-ssl", "--arch", "arm64"))
    assert usage.value.code == 2
    assert "invalid choice: 'arm64'" in capsys.readouterr().err


def test_proxy_password_comes_from_the_environment(
    standin: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    proxy = ["--no-ssl", "--proxy-type", "1", "--proxy-host", "proxy.lan", "--proxy-port", "3128",
             "--proxy-password-env", "OCS_TEST_PROXY_PWD"]  # fmt: skip
    assert main(_args(standin, tmp_path, *proxy)) == 1
    assert "OCS_TEST_PROXY_PWD is not set" in capsys.readouterr().err
    monkeypatch.setenv("OCS_TEST_PROXY_PWD", "pw-123")
    assert main(_args(standin, tmp_path, *proxy)) == 0
    sidecar = tmp_path / "out" / "ocspackage.json"
    assert "pw-123" not in sidecar.read_text()
    rebuild = ["agent-package", "windows", "--from-json", str(sidecar), "--quiet"]
    monkeypatch.delenv("OCS_TEST_PROXY_PWD")
    assert main(rebuild) == 1
    assert "proxy password" in capsys.readouterr().err
    assert main([*rebuild, "--proxy-password-env", "NOPE_UNSET"]) == 1


@pytest.mark.parametrize(
    ("more", "code", "message"),
    [
        (["--no-ssl", "--server", "ftp://x"], 1, "not a valid http(s) URL"),
        (["--no-ssl", "--tag", 'a"b'], 1, "TAG value"),
        (["--no-ssl", "--option", "/D=C:\\evil"], 1, "/D is set by its own field"),
        (["--no-ssl", "--label", "a\nb"], 1, "label must be one line"),
        ([], 2, "--cacert FILE or --cert-dir"),
        (["--no-ssl", "--publish-agent-file"], 2, "publishing needs --db"),
        (["--no-ssl", "--from-json", "x.json"], 2, "--from-json takes every input"),
    ],
)
def test_refusals_and_their_exit_codes(
    standin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    more: list[str], code: int, message: str,
) -> None:  # fmt: skip
    assert main(_args(standin, tmp_path, *more)) == code
    err = capsys.readouterr().err
    assert err.startswith("ocs-desktop agent-package windows: ")
    assert message in err
    assert not (tmp_path / "out" / "ocspackage.exe").exists()


def test_a_setup_that_is_not_pe_and_a_missing_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "setup.exe"
    fake.write_text("#!/bin/sh\n")
    assert main(_args(fake, tmp_path, "--no-ssl")) == 1
    assert "is not a Windows executable" in capsys.readouterr().err
    assert main(["agent-package", "windows", "--setup", str(fake), "--no-ssl"]) == 2
    assert "--server, --output needed" in capsys.readouterr().err


def test_publish_as_agent_file_and_as_upgrade_package(
    engine: Engine, standin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = engine.url.render_as_string(hide_password=False)
    ca = write_ca(tmp_path / "ca.pem")
    store = tmp_path / "store"
    code = main(_args(standin, tmp_path, "--cacert", str(ca), "--notag", "--publish-agent-file",
                      "--publish-package", "--db", db, "--store", str(store)))  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    exe = (tmp_path / "out" / "ocspackage.exe").read_bytes()
    set_config(engine, "DEPLOY", 1)
    with client_for(engine) as client:
        answer = client.get("/ocsinventory/deploy/ocspackage.exe")
        assert answer.status_code == 200
        assert answer.content == exe
    with engine.connect() as conn:
        row = conn.execute(select(DownloadAvailable)).one()
    fileid = str(row.FILEID)
    assert f"upgrade package {fileid} recorded" in out.err
    assert row.NAME == "OCS agent upgrade" and row.OSNAME == "WINDOWS"
    info = (package_dir(store, fileid) / "info").read_text()
    assert 'ACT="EXECUTE"' in info
    assert (
        'COMMAND="OCS-NG-Windows-Agent-Setup.exe /S /UPGRADE '
        '/SERVER=https://ocs.example.org/ocsinventory /SSL=1 /CA=cacert.pem /NOTAG"'
    ) in info
    fragments = sorted(package_dir(store, fileid).glob(f"{fileid}-*"))
    payload = b"".join(f.read_bytes() for f in fragments)
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        assert sorted(archive.namelist()) == ["OCS-NG-Windows-Agent-Setup.exe", "cacert.pem"]
        assert archive.read("OCS-NG-Windows-Agent-Setup.exe") == standin.read_bytes()
        assert archive.read("cacert.pem") == ca.read_bytes()
    # publishing again replaces the agent file and adds a second package
    assert main(_args(standin, tmp_path, "--cacert", str(ca), "--tag", "B", "--publish-agent-file",
                      "--db", db)) == 0  # fmt: skip
    with engine.connect() as conn:
        assert len(conn.execute(select(DownloadAvailable)).all()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Cannot read the sidecar"),
        ("{not json", "Cannot read the sidecar"),
        ("[1, 2]", "not a JSON object"),
        ('{"format": "other"}', "not an ocspackage.exe sidecar (other)"),
        ('{"format": "ocs-desktop agent-package windows 1", "inputs": {}}', "missing or wrong"),
    ],
)
def test_a_bad_sidecar_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    sidecar = tmp_path / "ocspackage.json"
    if content is not None:
        sidecar.write_text(content)
    assert main(["agent-package", "windows", "--from-json", str(sidecar), "--quiet"]) == 1
    assert message in capsys.readouterr().err
