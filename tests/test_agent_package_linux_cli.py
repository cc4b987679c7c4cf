"""``ocs-desktop agent-package linux``: options, the CA of ``cert init`` by folder,
rebuilds from a sidecar with overrides, and refusals as one line and an exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocs_desktop.cli.main import main
from ocs_desktop.packager.agent_linux import INSTALLER_NAME, SIDECAR_NAME
from tests.support.agent_linux import cert_init, need_makeself, read_cfg, run_installer

SERVER = "https://ocs.example.org/ocsinventory"


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_makeself()
    return cert_init(tmp_path_factory.mktemp("certs"))


def _linux(*args: str) -> int:
    return main(["agent-package", "linux", *args])


def _sidecar(folder: Path) -> dict[str, object]:
    return json.loads((folder / SIDECAR_NAME).read_text())


def test_build_with_the_ca_of_cert_init(certs: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code = _linux("--server", SERVER, "--output", str(out), "--cert-dir", str(certs),
                  "--tag", "Paris", "--no-first-run")  # fmt: skip
    assert code == 0
    printed = capsys.readouterr().out
    record = _sidecar(out)
    assert f"installer: {out / INSTALLER_NAME}" in printed
    assert f"sha256:    {record['sha256']}" in printed
    assert record["inputs"] == {
        "server": SERVER,
        "tag": "Paris",
        "ssl": True,
        "first_run": False,
        "cacert": str(certs / "cacert.pem"),
        "cacert_sha256": record["inputs"]["cacert_sha256"],  # type: ignore[index]
    }
    root = tmp_path / "root"
    assert (
        run_installer(out / INSTALLER_NAME, "--root", str(root), "--schedule=none").returncode == 0
    )
    assert read_cfg(root)["tag"] == "Paris"


def test_from_json_rebuilds_and_options_override(certs: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    assert _linux("--server", SERVER, "--output", str(first), "--cacert",
                  str(certs / "cacert.pem"), "--tag", "Paris") == 0  # fmt: skip
    same = tmp_path / "same"
    assert _linux("--from-json", str(first / SIDECAR_NAME), "--output", str(same)) == 0
    assert _sidecar(same)["sha256"] == _sidecar(first)["sha256"]
    assert (same / INSTALLER_NAME).read_bytes() == (first / INSTALLER_NAME).read_bytes()
    lyon = tmp_path / "lyon"
    assert _linux("--from-json", str(first / SIDECAR_NAME), "--output", str(lyon),
                  "--tag", "Lyon", "--no-ssl", "--no-first-run") == 0  # fmt: skip
    inputs = _sidecar(lyon)["inputs"]
    assert inputs["tag"] == "Lyon" and inputs["ssl"] is False  # type: ignore[index]
    assert inputs["first_run"] is False and inputs["server"] == SERVER  # type: ignore[index]
    root = tmp_path / "root"
    assert (
        run_installer(lyon / INSTALLER_NAME, "--root", str(root), "--schedule=none").returncode == 0
    )
    assert (read_cfg(root)["tag"], read_cfg(root)["ssl"]) == ("Lyon", "0")


def test_from_json_defaults_to_the_sidecar_folder(certs: Path, tmp_path: Path) -> None:
    assert _linux("--server", "http://h/ocsinventory", "--output", str(tmp_path)) == 0
    before = _sidecar(tmp_path)["sha256"]
    (tmp_path / INSTALLER_NAME).unlink()
    assert _linux("--from-json", str(tmp_path / SIDECAR_NAME)) == 0
    assert _sidecar(tmp_path)["sha256"] == before
    assert (tmp_path / INSTALLER_NAME).exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--output", "X"], 2, "give --server and --output"),
        (["--server", SERVER], 2, "give --server and --output"),
        (["--server", SERVER, "--output", "X", "--cacert", "a", "--cert-dir", "b"], 2, "not both"),
        (["--server", SERVER, "--output", "X"], 1, "need the CA certificate"),
        (["--server", "https://h/$(id)", "--output", "X", "--no-ssl"], 1, "invalid"),
        (["--server", SERVER, "--output", "X", "--no-ssl", "--tag", "a\nb"], 1, "control"),
        (["--server", SERVER, "--output", "X", "--cert-dir", "nowhere"], 1, "Cannot read"),
        (["--from-json", "missing.json", "--output", "X"], 1, "Cannot read the sidecar"),
    ],
)
def test_refusals(
    tmp_path: Path, monkeypatch, capsys, args: list[str], code: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _linux(*args) == code
    err = capsys.readouterr().err
    assert "ocs-desktop agent-package linux: " in err and message in err
    assert not (tmp_path / "X").exists()


def test_both_kinds_are_listed() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["agent-package", "linux", "--help"])
    assert caught.value.code == 0
