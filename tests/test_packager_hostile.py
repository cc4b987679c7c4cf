"""Hostile and awkward inputs to the package builder: each gives a clear error, and the
store is left exactly as it was (no package folder, no staging folder)."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from ocs_desktop.packager.archive import UnsafeArchive
from ocs_desktop.packager.build import build_package
from ocs_desktop.packager.info_file import parse_info
from ocs_desktop.packager.spec import PackageSpec

LINUX = PackageSpec("Hostile", "linux", "store", path="/opt/x", fragments=2)
WINDOWS = PackageSpec("Hostile", "windows", "store", path="C:\\x", fragments=2)


def snapshot(store: Path) -> dict[str, str]:
    """Every path under ``store`` with the MD5 of its content (folders: empty)."""
    if not store.exists():
        return {}
    return {
        str(p.relative_to(store)): hashlib.md5(p.read_bytes()).hexdigest() if p.is_file() else ""
        for p in sorted(store.rglob("*"))
    }


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    path.mkdir()
    return path


def tar_gz(path: Path, *members: tuple[tarfile.TarInfo, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for info, data in members:
            info.size = len(data) if info.isreg() else 0
            archive.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return path


def entry(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([(entry("../evil.sh"), b"x")], "climbs out"),
        ([(entry("ok/../../evil.sh"), b"x")], "climbs out"),
        ([(entry("/etc/cron.d/evil"), b"x")], "absolute path"),
        ([(entry("link", tarfile.SYMTYPE, "/etc/passwd"), b"")], "outside the archive"),
        ([(entry("a/link", tarfile.SYMTYPE, "../../etc"), b"")], "outside the archive"),
        ([(entry("hard", tarfile.LNKTYPE, "../outside"), b"")], "outside the archive"),
        ([(entry("dev", tarfile.CHRTYPE), b"")], "special file"),
        ([(entry("fifo", tarfile.FIFOTYPE), b"")], "special file"),
    ],
)
def test_ready_made_tar_gz_with_dangerous_members_is_refused(
    tmp_path: Path, store: Path, members: list[tuple[tarfile.TarInfo, bytes]], message: str
) -> None:
    archive = tar_gz(tmp_path / "evil.tar.gz", (entry("fine.txt"), b"ok"), *members)
    with pytest.raises(UnsafeArchive, match=message):
        build_package(LINUX, [], store, archive=archive)
    assert snapshot(store) == {}


def test_ready_made_tar_gz_with_inner_links_is_accepted(tmp_path: Path, store: Path) -> None:
    archive = tar_gz(
        tmp_path / "links.tar.gz",
        (entry("bin/tool"), b"#!/bin/sh\n"),
        (entry("bin/alias", tarfile.SYMTYPE, "tool"), b""),
        (entry("lib/tool", tarfile.SYMTYPE, "../bin/tool"), b""),
    )
    built = build_package(LINUX, [], store, archive=archive)
    assert built.size == archive.stat().st_size


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../evil.bat", "climbs out"),
        ("..\\evil.bat", "climbs out"),
        ("dir/..\\..\\evil.bat", "climbs out"),
        ("/abs.bat", "absolute path"),
        ("C:/Windows/evil.bat", "absolute path"),
    ],
)
def test_ready_made_zip_with_dangerous_names_is_refused(
    tmp_path: Path, store: Path, name: str, message: str
) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("fine.txt", b"ok")
        archive.writestr(zipfile.ZipInfo(name), b"evil")
    with pytest.raises(UnsafeArchive, match=message):
        build_package(WINDOWS, [], store, archive=path)
    assert snapshot(store) == {}


def test_ready_made_zip_with_symlink_is_refused(tmp_path: Path, store: Path) -> None:
    path = tmp_path / "link.zip"
    info = zipfile.ZipInfo("link")
    info.create_system = 3
    info.external_attr = (0o120777) << 16
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, b"/etc/passwd")
    with pytest.raises(UnsafeArchive, match="symbolic link"):
        build_package(WINDOWS, [], store, archive=path)
    assert snapshot(store) == {}


@pytest.mark.parametrize(
    ("content", "spec", "message"),
    [
        (b"MZ\x90\x00 not an archive", LINUX, "not a zip or tar.gz"),
        (b"", LINUX, "not a zip or tar.gz"),
        (b"\x1f\x8b\x08\x00garbage", LINUX, "unreadable tar.gz"),
        (b"PK\x03\x04garbage", WINDOWS, "unreadable zip"),
    ],
)
def test_ready_made_file_that_is_no_archive(
    tmp_path: Path, store: Path, content: bytes, spec: PackageSpec, message: str
) -> None:
    path = tmp_path / "setup.bin"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message):
        build_package(spec, [], store, archive=path)
    assert snapshot(store) == {}


def test_tar_gz_for_windows_is_refused(tmp_path: Path, store: Path) -> None:
    archive = tar_gz(tmp_path / "a.tar.gz", (entry("setup.exe"), b"MZ"))
    with pytest.raises(ValueError, match="Windows agents need a zip"):
        build_package(WINDOWS, [], store, archive=archive)
    assert snapshot(store) == {}


def test_sources_and_archive_together_are_refused(tmp_path: Path, store: Path) -> None:
    (tmp_path / "f").write_bytes(b"x")
    archive = tar_gz(tmp_path / "a.tar.gz", (entry("x"), b"x"))
    with pytest.raises(ValueError, match="not both"):
        build_package(LINUX, [tmp_path / "f"], store, archive=archive)
    assert snapshot(store) == {}


def test_symlink_escaping_the_folder_is_refused(tmp_path: Path, store: Path) -> None:
    (tmp_path / "secret").write_text("password")
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_text("ok")
    (src / "leak").symlink_to(tmp_path / "secret")
    with pytest.raises(UnsafeArchive, match="outside") as error:
        build_package(LINUX, [src], store)
    assert str(src / "leak") in str(error.value)
    assert snapshot(store) == {}


@pytest.mark.parametrize("kind", ["broken", "folder"])
def test_other_symlinks_in_a_folder_are_refused(tmp_path: Path, store: Path, kind: str) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "link").symlink_to("missing" if kind == "broken" else "sub")
    with pytest.raises(UnsafeArchive, match="broken" if kind == "broken" else "to a folder"):
        build_package(LINUX, [src], store)
    assert snapshot(store) == {}


def test_symlink_inside_the_folder_is_archived_as_its_file(tmp_path: Path, store: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "real.txt").write_text("real")
    (src / "alias.txt").symlink_to("real.txt")
    built = build_package(LINUX, [src], store)
    data = b"".join(p.read_bytes() for p in built.fragment_paths)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        alias = archive.getmember("src/alias.txt")
        assert alias.isreg()
        extracted = archive.extractfile(alias)
        assert extracted is not None and extracted.read() == b"real"


def test_fifo_in_a_folder_is_refused(tmp_path: Path, store: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    os.mkfifo(src / "pipe")
    with pytest.raises(UnsafeArchive, match="not a regular file"):
        build_package(LINUX, [src], store)
    assert snapshot(store) == {}


@pytest.mark.parametrize("spec", [LINUX, WINDOWS], ids=["tar.gz", "zip"])
def test_odd_file_names_work(tmp_path: Path, store: Path, spec: PackageSpec) -> None:
    names = [
        "with space & 'quote' (1) #%.txt",
        "-rf",
        "ünïcödé 日本語 ∑.txt",
        ".hidden",
        "x" * 200 + ".txt",
        "semi;colon$dollar`tick.txt",
    ]
    src = tmp_path / "src"
    src.mkdir()
    for i, name in enumerate(names):
        (src / name).write_bytes(f"{i}".encode())
    built = build_package(spec, [src], store)
    data = b"".join(p.read_bytes() for p in built.fragment_paths)
    if spec is WINDOWS:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = {n.removeprefix("src/"): archive.read(n) for n in archive.namelist()[1:]}
    else:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            found = {}
            for m in archive.getmembers()[1:]:
                extracted = archive.extractfile(m)
                assert extracted is not None
                found[m.name.removeprefix("src/")] = extracted.read()
    assert found == {name: f"{i}".encode() for i, name in enumerate(names)}


def test_newline_in_a_name_works_for_tar_gz(tmp_path: Path, store: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "two\nlines.txt").write_text("x")
    built = build_package(LINUX, [src], store)
    data = b"".join(p.read_bytes() for p in built.fragment_paths)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        assert "src/two\nlines.txt" in archive.getnames()


@pytest.mark.parametrize("name", ["a:b.txt", "back\\slash.txt", "what?.txt", "tab\there"])
def test_names_windows_cannot_hold_are_refused_for_windows(
    tmp_path: Path, store: Path, name: str
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / name).write_text("x")
    with pytest.raises(UnsafeArchive, match="Windows cannot hold"):
        build_package(WINDOWS, [src], store)
    assert snapshot(store) == {}
    build_package(LINUX, [src], store)  # fine for tar.gz


def test_names_differing_only_by_case_are_refused_for_windows(tmp_path: Path, store: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "Setup.exe").write_text("a")
    (src / "setup.exe").write_text("b")
    with pytest.raises(ValueError, match="two entries"):
        build_package(WINDOWS, [src], store)
    assert snapshot(store) == {}


def test_two_sources_with_one_name_are_refused(tmp_path: Path, store: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "setup.sh").write_text(folder)
    with pytest.raises(ValueError, match=r"two entries would be named 'setup\.sh'"):
        build_package(LINUX, [tmp_path / "a" / "setup.sh", tmp_path / "b" / "setup.sh"], store)
    assert snapshot(store) == {}


def test_non_utf8_file_name_is_refused(tmp_path: Path, store: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    try:
        (src / os.fsdecode(b"latin1-\xe9.txt")).write_text("x")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses non-UTF-8 names")
    with pytest.raises(UnsafeArchive, match="not valid UTF-8"):
        build_package(LINUX, [src], store)
    assert snapshot(store) == {}


def test_missing_source_is_refused(tmp_path: Path, store: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        build_package(LINUX, [tmp_path / "nope"], store)
    assert snapshot(store) == {}


def test_existing_package_folder_is_not_touched(tmp_path: Path, store: Path) -> None:
    spec = PackageSpec("Cmd", "linux", "execute", command="true")
    first = build_package(spec, [], store, fileid="1700000000")
    (first.directory / "note").write_text("keep me")
    before = snapshot(store)
    src = tmp_path / "f"
    src.write_text("x")
    other = PackageSpec("Other", "linux", "store", path="/x")
    with pytest.raises(FileExistsError, match="already exists"):
        build_package(other, [src], store, fileid="1700000000")
    assert snapshot(store) == before


def test_failure_while_cutting_leaves_nothing(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocs_desktop.packager import build

    def disk_full(*args: object, **kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build, "write_fragments", disk_full)
    (tmp_path / "f").write_text("x")
    with pytest.raises(OSError, match="No space left"):
        build_package(LINUX, [tmp_path / "f"], store)
    assert snapshot(store) == {}


@pytest.mark.parametrize("phase", ["archive", "cut"])
def test_cancel_in_each_phase_leaves_nothing(tmp_path: Path, store: Path, phase: str) -> None:
    from ocs_desktop.common.progress import Cancelled

    src = tmp_path / "src"
    src.mkdir()
    (src / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    halfway = 3 * 1024 * 1024 if phase == "cut" else 1

    def progress(done: int, total: int) -> bool:
        return done <= halfway

    with pytest.raises(Cancelled):
        build_package(LINUX, [src], store, progress=progress)
    assert snapshot(store) == {}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><DOWNLOAD ID="1" ACT="STORE"/>',
            "not valid XML",
        ),
        (b"<REPLY/>", "not <DOWNLOAD>"),
        (b'<DOWNLOAD ID="../1" ACT="STORE"/>', "not a FILEID"),
        (b'<DOWNLOAD ID="1" ACT="FORMAT"/>', "not STORE, EXECUTE or LAUNCH"),
        (b'<DOWNLOAD ID="1" ACT="STORE" FRAGS="many"/>', "not a number"),
        (b'<DOWNLOAD ID="1" ACT="STORE" FRAGS="-1"/>', "negative"),
        (b"not xml at all", "not valid XML"),
    ],
)
def test_hostile_info_files(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_info(data)
