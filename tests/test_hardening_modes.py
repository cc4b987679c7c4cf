"""``cert init`` writes explicit modes whatever the umask (issue 15, defect 7).

Under ``umask 000`` it used to leave its folder 0777 and the certificates 0666: anyone on
the host could replace the CA the agents trust. Now keys are 0600, certificates 0644 and
a folder it creates 0755, under any umask, on a first run and on a re-run over files of
other modes; files are replaced by a rename, so no half-written key is ever left. The
upload's modes are tested in ``test_hardening_upload.py``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography import x509

from ocs_desktop.cli.main import main
from ocs_desktop.server import certs
from ocs_desktop.server.certs import write_file

EXPECTED = {
    "ca.key": 0o600,
    "server.key": 0o600,
    "ca.pem": 0o644,
    "server.pem": 0o644,
    "cacert.pem": 0o644,
}


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}


def _cert_init(folder: Path, umask: int) -> int:
    old = os.umask(umask)
    try:
        return main(["cert", "init", "--dir", str(folder), "--host", "ocs.example.org"])
    finally:
        os.umask(old)


@pytest.mark.parametrize("umask", [0o000, 0o002, 0o077])
def test_cert_init_writes_explicit_modes_whatever_the_umask(tmp_path: Path, umask: int):
    folder = tmp_path / "tls" / "site"
    assert _cert_init(folder, umask) == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert _modes(folder) == EXPECTED  # and nothing else: no temporary file left


def test_a_rerun_resets_the_modes_of_existing_files(tmp_path: Path):
    folder = tmp_path / "tls"
    assert _cert_init(folder, 0o022) == 0
    ca = (folder / "ca.pem").read_bytes()
    for path in folder.iterdir():
        path.chmod(0o666)
    assert _cert_init(folder, 0o000) == 0
    assert _modes(folder) == EXPECTED
    assert (folder / "ca.pem").read_bytes() == ca  # the CA is kept, as before
    assert x509.load_pem_x509_certificate((folder / "cacert.pem").read_bytes()).subject == (
        x509.load_pem_x509_certificate(ca).subject
    )


def test_an_existing_folder_keeps_its_mode(tmp_path: Path):
    folder = tmp_path / "tls"
    folder.mkdir()
    folder.chmod(0o750)  # the administrator's choice
    assert _cert_init(folder, 0o000) == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750
    assert _modes(folder) == EXPECTED


def test_write_file_replaces_in_one_step_and_cleans_up_after_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "server.key"
    target.write_bytes(b"old key")
    target.chmod(0o644)
    write_file(target, b"new key", 0o600)
    assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"new key", 0o600)

    def failing_replace(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(certs.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        write_file(target, b"newer key", 0o600)
    assert target.read_bytes() == b"new key"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["server.key"]  # no temporary left
