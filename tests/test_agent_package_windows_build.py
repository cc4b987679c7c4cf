"""ocspackage.exe built with the real makensis around a stand-in setup, opened with 7z and
run under wine: the stand-in must receive exactly the expected command line and files.
Under wine both are x64 builds, which 64-bit Wine alone runs (see ``Wine``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from ocs_desktop.common.progress import Cancelled
from ocs_desktop.packager.agent_installer import InstallerError, sha256_file
from ocs_desktop.packager.agent_windows import WindowsAgentSpec
from ocs_desktop.packager.agent_windows_build import build
from ocs_desktop.packager.agent_windows_cmdline import embedded_options
from ocs_desktop.packager.agent_windows_rebuild import rebuild
from tests.support.agent_windows import (
    DATA_FOLDER,
    INSTALL_FOLDER,
    MACHINE_AMD64,
    MACHINE_I386,
    PE32,
    PE32_PLUS,
    STANDIN_EXIT,
    Wine,
    compile_standin,
    pe_machine,
    seven_zip_extract,
    seven_zip_list,
    standin_log,
    write_ca,
)


@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_standin(tmp_path_factory.mktemp("standin"))


@pytest.fixture(scope="module")
def standin64(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_standin(tmp_path_factory.mktemp("standin64"), arch="x64")


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Wine:
    return Wine(tmp_path_factory.mktemp("wine") / "prefix")


@pytest.fixture
def spec(standin: Path, tmp_path: Path) -> WindowsAgentSpec:
    inputs = tmp_path / 'in "$;`'  # hostile folder names are only paths we read
    inputs.mkdir()
    (inputs / "inventory.vbs").write_text("WScript.Echo 1\r\n")
    (inputs / "printers.ps1").write_text("Get-Printer\r\n")
    setup = inputs / "OCS Setup $x.exe"
    setup.write_bytes(standin.read_bytes())
    return WindowsAgentSpec(
        setup=setup,
        server="https://ocs.example.org/ocsinventory",
        output_dir=tmp_path / "out $;`",
        cacert=write_ca(inputs / "cacert.pem"),
        tag="Bâtiment A",
        label='Nom ? "$INSTDIR" ; `x` /D=C:\\evil',
        plugins=(inputs / "inventory.vbs", inputs / "printers.ps1"),
        now=True,
        proxy_type=1,
        proxy_host="proxy.lan",
        proxy_port=3128,
        proxy_user="bob",
        proxy_password="s3cret!",
        debug=1,
        options=("/NO_SYSTRAY",),
    )


@pytest.fixture
def spec64(spec: WindowsAgentSpec, standin64: Path) -> WindowsAgentSpec:
    """``spec`` built x64 around the x64 stand-in: what 64-bit Wine runs."""
    Path(spec.setup).write_bytes(standin64.read_bytes())
    return dataclasses.replace(spec, arch="x64")


def test_the_package_holds_the_setup_data_plugins_and_ocsdat_ini(
    spec: WindowsAgentSpec, tmp_path: Path
) -> None:
    built = build(spec)
    assert built.path == spec.output_dir / "ocspackage.exe"
    assert built.size == built.path.stat().st_size
    assert built.sha256 == sha256_file(built.path)
    listed = seven_zip_list(built.path)
    assert "$PLUGINSDIR/OcsSetup.exe" in listed
    assert "$PLUGINSDIR/ocsdat.ini" in listed
    assert sorted(Path(p).name for p in listed if "Plugins/" in p) == [
        "inventory.vbs",
        "printers.ps1",
    ]
    data = sorted(Path(p).name for p in listed if p.startswith("$_") and "Plugins/" not in p)
    assert data == ["Label", "cacert.pem"]
    out = seven_zip_extract(built.path, tmp_path / "x")
    assert (out / "$PLUGINSDIR/OcsSetup.exe").read_bytes() == Path(spec.setup).read_bytes()
    ini = (out / "$PLUGINSDIR/ocsdat.ini").read_bytes().decode("utf-16")
    cmdline = " ".join(embedded_options(spec))
    assert ini.splitlines() == [
        "[Config]",
        "InstallFolder=%ProgramFiles%\\OCS Inventory Agent",
        "DataFolder=%ProgramData%\\OCS Inventory NG\\Agent",
        "LogFile=%TEMP%\\ocspackage.log",
        f"CmdLine={cmdline}",
    ]
    assert cmdline == (
        '/S /SERVER=https://ocs.example.org/ocsinventory /SSL=1 /CA=cacert.pem "/TAG=Bâtiment A" '
        "/NOW /PROXY_TYPE=1 /PROXY=proxy.lan /PROXY_PORT=3128 /PROXY_USER=bob /PROXY_PWD=s3cret! "
        "/DEBUG=1 /NO_SYSTRAY"
    )
    label = next(p for p in out.rglob("Label"))
    assert label.read_bytes() == spec.label.encode("cp1252")
    cacert = next(p for p in out.rglob("cacert.pem"))
    assert cacert.read_bytes() == Path(spec.cacert).read_bytes()  # type: ignore[arg-type]
    # RequestExecutionLevel admin: the manifest (uncompressed) asks for elevation
    assert b'level="requireAdministrator"' in built.path.read_bytes()


def test_the_sidecar_records_inputs_hashes_and_no_password(spec: WindowsAgentSpec) -> None:
    built = build(spec)
    text = built.sidecar.read_text(encoding="utf-8")
    assert "s3cret" not in text
    record = json.loads(text)
    inputs = record["inputs"]
    assert inputs["setup"]["sha256"] == sha256_file(Path(spec.setup))
    assert inputs["cacert"]["sha256"] == sha256_file(Path(spec.cacert))  # type: ignore[arg-type]
    assert [p["sha256"] for p in inputs["plugins"]] == [sha256_file(p) for p in spec.plugins]
    assert inputs["proxy_password_set"] is True
    assert inputs["tag"] == "Bâtiment A" and inputs["label"] == spec.label
    assert "/PROXY_PWD=********" in record["cmdline"]
    assert record["output"] == {
        "name": "ocspackage.exe",
        "sha256": built.sha256,
        "size": built.size,
    }
    assert "BEGIN CERTIFICATE" not in text


def test_same_inputs_rebuild_the_same_package_from_the_sidecar(
    spec: WindowsAgentSpec, tmp_path: Path
) -> None:
    first = build(spec)
    with pytest.raises(InstallerError) as needs:
        rebuild(first.sidecar, output_dir=tmp_path / "again")
    assert needs.value.code == "sidecar-password"
    again, same = rebuild(first.sidecar, output_dir=tmp_path / "again", proxy_password="s3cret!")
    assert same is True
    assert again.sha256 == first.sha256
    assert again.path.read_bytes() == first.path.read_bytes()
    before = json.loads(first.sidecar.read_text())
    after = json.loads(again.sidecar.read_text())
    assert after["inputs"].pop("output_dir") != before["inputs"].pop("output_dir")
    assert after == before
    other, same = rebuild(first.sidecar, output_dir=tmp_path / "other", proxy_password="other")
    assert same is False and other.sha256 != first.sha256
    spec.plugins[0].write_text("changed")
    with pytest.raises(InstallerError) as changed:
        rebuild(first.sidecar, output_dir=tmp_path / "third", proxy_password="s3cret!")
    assert changed.value.code == "sidecar-file-changed"
    assert not (tmp_path / "third").exists()


def test_x86_is_a_pe32_i386_exe_and_x64_a_pe32_plus_x86_64_one(
    spec: WindowsAgentSpec, tmp_path: Path
) -> None:
    assert spec.arch == "x86"  # the default: runs on every Windows
    x86 = build(spec)
    assert pe_machine(x86.path) == (MACHINE_I386, PE32)
    x64 = build(dataclasses.replace(spec, arch="x64", output_dir=tmp_path / "x64"))
    assert pe_machine(x64.path) == (MACHINE_AMD64, PE32_PLUS)
    assert x64.sha256 != x86.sha256
    # the same inputs inside: only the package's own code differs
    assert seven_zip_list(x64.path) == seven_zip_list(x86.path)


def test_the_sidecar_records_the_arch_and_a_rebuild_keeps_it(
    spec: WindowsAgentSpec, tmp_path: Path
) -> None:
    x64 = build(dataclasses.replace(spec, arch="x64"))
    assert json.loads(x64.sidecar.read_text())["inputs"]["arch"] == "x64"
    again, same = rebuild(x64.sidecar, output_dir=tmp_path / "again", proxy_password="s3cret!")
    assert same is True and pe_machine(again.path) == (MACHINE_AMD64, PE32_PLUS)
    assert json.loads(again.sidecar.read_text())["inputs"]["arch"] == "x64"
    # A sidecar from before the choice has no arch: its package was x86, rebuilt the same.
    x86 = build(dataclasses.replace(spec, output_dir=tmp_path / "x86"))
    record = json.loads(x86.sidecar.read_text())
    assert record["inputs"].pop("arch") == "x86"
    x86.sidecar.write_text(json.dumps(record))
    old, same = rebuild(x86.sidecar, output_dir=tmp_path / "old", proxy_password="s3cret!")
    assert same is True and pe_machine(old.path) == (MACHINE_I386, PE32)
    assert json.loads(old.sidecar.read_text())["inputs"]["arch"] == "x86"


def test_a_cancel_while_makensis_runs_leaves_no_output(spec: WindowsAgentSpec) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(Cancelled):
        build(spec, progress=progress)
    assert seen[-1] == (2, 4)
    assert not (spec.output_dir / "ocspackage.exe").exists()
    steps: list[int] = []
    build(spec, progress=lambda done, total: steps.append(done) is None)
    assert steps[0] == 0 and steps[-1] == 4 and sorted(set(steps)) == [0, 1, 2, 3, 4]


def test_missing_or_failing_makensis_is_a_clear_error(
    spec: WindowsAgentSpec, tmp_path: Path
) -> None:
    with pytest.raises(InstallerError) as missing:
        build(spec, makensis=str(tmp_path / "no-makensis"))
    assert missing.value.code == "makensis-missing"
    failing = tmp_path / "makensis"
    failing.write_text(
        '#!/bin/sh\necho v3\n[ "$1" = -VERSION ] && exit 0\necho Error: broken >&2\nexit 1\n'
    )
    failing.chmod(0o755)
    with pytest.raises(InstallerError) as failed:
        build(spec, makensis=str(failing))
    assert failed.value.code == "makensis-failed"
    assert "broken" in str(failed.value)
    assert not spec.output_dir.exists()


@pytest.mark.slow
def test_wine_refuses_an_x86_program_that_64_bit_wine_would_skip_silently(
    standin: Path, wine: Wine
) -> None:
    with pytest.raises(pytest.fail.Exception, match="not an x64 program"):
        wine.run(standin)
    assert not wine.c("C:\\standin.log").exists()


@pytest.mark.slow
def test_under_wine_the_setup_gets_the_arguments_first_then_the_embedded_ones(
    spec64: WindowsAgentSpec, wine: Wine
) -> None:
    spec = spec64
    built = build(spec)
    own = ["/SERVER=https://override.example/ocsinventory", "/DEBUG=0"]
    assert wine.run(built.path, *own) == STANDIN_EXIT
    seen = standin_log(wine)
    embedded = " ".join(embedded_options(spec))
    assert seen["args"] == " ".join(own) + " " + embedded
    assert seen["instdir"] == INSTALL_FOLDER
    assert seen["ini"] == {
        "InstallFolder": INSTALL_FOLDER,
        "DataFolder": DATA_FOLDER,
        "LogFile": str(seen["ini"]["LogFile"]),  # type: ignore[index]
        "CmdLine": seen["args"],
    }
    assert str(seen["ini"]["LogFile"]).endswith("\\ocspackage.log")  # type: ignore[index]
    dirs = seen["dirs"]
    assert sorted(dirs[DATA_FOLDER]) == ["Label", "cacert.pem"]  # type: ignore[index]
    assert sorted(dirs[INSTALL_FOLDER + "\\Plugins"]) == ["inventory.vbs", "printers.ps1"]  # type: ignore[index]
    beside = next(
        files
        for folder, files in dirs.items()
        if folder not in (DATA_FOLDER, INSTALL_FOLDER + "\\Plugins")
    )  # type: ignore[union-attr]
    assert {"OcsSetup.exe", "ocsdat.ini"} <= set(beside)
    assert seen["label"] == spec.label
    assert wine.c(DATA_FOLDER + "\\cacert.pem").read_bytes() == Path(spec.cacert).read_bytes()  # type: ignore[arg-type]
    assert wine.c(INSTALL_FOLDER + "\\Plugins\\printers.ps1").read_bytes() == b"Get-Printer\r\n"
    log = (wine.temp() / "ocspackage.log").read_text(errors="replace")
    assert f"setup exit code {STANDIN_EXIT}" in log
    assert "OcsSetup.exe " + " ".join(own) in log


@pytest.mark.slow
def test_under_wine_without_arguments_the_embedded_options_alone(
    spec64: WindowsAgentSpec, wine: Wine
) -> None:
    plain = dataclasses.replace(spec64, proxy_type=0, proxy_host="", proxy_port=None,
                                proxy_user="", proxy_password="", label="", plugins=())  # fmt: skip
    built = build(plain)
    wine.c(DATA_FOLDER + "\\Label").unlink(missing_ok=True)
    assert wine.run(built.path) == STANDIN_EXIT
    seen = standin_log(wine)
    assert seen["args"] == " ".join(embedded_options(plain))
    assert "Bâtiment A" in str(seen["args"])
    assert "label" not in seen
