"""The archive agents unpack: built from files and folders, or checked when given ready-made.

Windows agents unzip the assembled package and UNIX agents run ``tar -xzf`` on it
(PROTOCOL 3.3), so Windows packages are zip and Linux and macOS ones tar.gz. Files are
streamed in fixed buffers, so a 4 GB installer never sits in memory, and progress and
cancellation are reported per buffer.

Layout: a file given goes at the root of the archive under its own name; a folder given
goes as that folder, with everything under it. Nothing may point outside what was given:
symbolic links leading out of their folder, links to folders, special files (pipes,
devices) and names the target system cannot hold are refused with the offending path. A
ready-made archive is checked the same way before use: absolute member names, ``..``
components, links leading out and special files are refused (an agent would extract them
with its own privileges).
"""

from __future__ import annotations

import gzip
import os
import stat
import tarfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO, Final

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.packager.spec import TargetOs

BUFFER_SIZE: Final = 1 << 20
DEFAULT_COMPRESSLEVEL: Final = 6  # what zip and gzip tools use by default
ZIP: Final = "zip"
TAR_GZ: Final = "tar.gz"
_WINDOWS_FORBIDDEN = frozenset('\\:*?"<>|') | frozenset(chr(c) for c in range(32))


class UnsafeArchive(ValueError):
    """An archive or a source tree holding something an agent must not be given."""


@dataclass(frozen=True, slots=True)
class Member:
    """One entry of the archive to build: its name inside, and the file it comes from."""

    arcname: str  # POSIX form, no trailing slash
    path: Path  # resolved
    is_dir: bool
    size: int


class _Meter:
    """Counts bytes towards a progress total and reports each step."""

    def __init__(self, progress: Progress, done: int, total: int) -> None:
        self.progress, self.done, self.total = progress, done, total

    def add(self, count: int) -> None:
        self.done += count
        report(self.progress, self.done, self.total)


def detect_format(path: Path) -> str | None:
    """``"zip"`` or ``"tar.gz"`` from the file's first bytes, or None for anything else."""
    with path.open("rb") as handle:
        head = handle.read(4)
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return ZIP
    if head[:2] == b"\x1f\x8b":
        return TAR_GZ
    return None


def collect_members(sources: Sequence[Path], target: TargetOs) -> list[Member]:
    """Every entry the archive of ``sources`` will hold, in archive order.

    Raises ``FileNotFoundError`` for a missing source, ``UnsafeArchive`` for what cannot be
    packaged (see the module docstring) and ``ValueError`` for two entries with one name.
    """
    members: list[Member] = []
    seen: dict[str, str] = {}
    for source in sources:
        given = Path(source)
        if not given.exists():
            raise FileNotFoundError(f"no such file or folder: {given}")
        resolved = given.resolve()
        top = given.name if given.name not in ("", ".", "..") else resolved.name
        if resolved.is_dir():
            found = [Member(top, resolved, True, 0), *_walk(resolved, top)]
        elif resolved.is_file():
            found = [Member(top, resolved, False, resolved.stat().st_size)]
        else:
            raise UnsafeArchive(f"{given}: not a regular file or folder")
        for member in found:
            _check_name(member.arcname, target, member.path)
            key = member.arcname.casefold() if target is TargetOs.WINDOWS else member.arcname
            if key in seen:
                raise ValueError(
                    f"two entries would be named {member.arcname!r} in the archive "
                    f"({seen[key]} and {member.path})"
                )
            seen[key] = str(member.path)
        members += found
    return members


def _walk(root: Path, prefix: str) -> Iterator[Member]:
    """The entries under ``root``: each folder's entries in name order, then its subfolders'.

    Symbolic links are followed only to files inside ``root``, and archived as those files.
    """
    stack = [(root, prefix)]
    while stack:
        folder, arcdir = stack.pop()
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            arcname = f"{arcdir}/{entry.name}"
            if entry.is_symlink():
                target = path.resolve()
                if not target.exists():
                    raise UnsafeArchive(f"{path}: broken symbolic link")
                if not target.is_relative_to(root):
                    raise UnsafeArchive(
                        f"{path}: symbolic link to {target}, outside {root}; "
                        "copy the file in instead"
                    )
                if not target.is_file():
                    raise UnsafeArchive(f"{path}: symbolic link to a folder is not supported")
                yield Member(arcname, target, False, target.stat().st_size)
            elif entry.is_dir(follow_symlinks=False):
                yield Member(arcname, path, True, 0)
                subfolders.append((path, arcname))
            elif entry.is_file(follow_symlinks=False):
                yield Member(arcname, path, False, entry.stat(follow_symlinks=False).st_size)
            else:
                raise UnsafeArchive(f"{path}: not a regular file (pipe, socket or device)")
        stack += reversed(subfolders)


def _check_name(arcname: str, target: TargetOs, path: Path) -> None:
    try:
        arcname.encode("utf-8")
    except UnicodeEncodeError:
        raise UnsafeArchive(f"{path}: the file name is not valid UTF-8") from None
    if target is TargetOs.WINDOWS:
        for part in arcname.split("/"):
            bad = sorted(set(part) & _WINDOWS_FORBIDDEN)
            if bad:
                shown = ", ".join(repr(c) for c in bad)
                raise UnsafeArchive(f"{path}: Windows cannot hold a file name with {shown}")


def build_archive(
    members: Sequence[Member],
    dest: Path,
    target: TargetOs,
    progress: Progress = None,
    *,
    done_before: int = 0,
    total: int | None = None,
    compresslevel: int = DEFAULT_COMPRESSLEVEL,
) -> int:
    """Write ``members`` into a new archive ``dest`` (zip for Windows, else tar.gz).

    Returns the archive's size. Progress counts the source bytes read; ``done_before`` and
    ``total`` place this step within a longer operation. ``dest`` must not exist. On
    cancellation or error the partly written ``dest`` is left for the caller to remove.
    """
    meter = _Meter(progress, done_before, total or done_before + sum(m.size for m in members))
    report(progress, meter.done, meter.total)
    with dest.open("xb") as raw:
        if target is TargetOs.WINDOWS:
            _write_zip(members, raw, meter, compresslevel)
        else:
            _write_tar_gz(members, raw, meter, compresslevel)
    return dest.stat().st_size


def _write_zip(members: Sequence[Member], raw: BinaryIO, meter: _Meter, level: int) -> None:
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for member in members:
            info = zipfile.ZipInfo.from_file(member.path, member.arcname, strict_timestamps=False)
            if member.is_dir:
                info.compress_type = zipfile.ZIP_STORED
                archive.writestr(info, b"")  # mkdir(ZipInfo) is broken in Python 3.11
                continue
            info.compress_type = zipfile.ZIP_DEFLATED
            info.file_size = member.size  # decides zip64 before any byte is written
            with member.path.open("rb") as source, archive.open(info, "w") as out:
                _copy(source, out, member, meter)


def _write_tar_gz(members: Sequence[Member], raw: BinaryIO, meter: _Meter, level: int) -> None:
    # No file name and a fixed time in the gzip header: the same files give the same bytes.
    with (
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=level, mtime=0) as gz,
        tarfile.TarFile(
            fileobj=gz, mode="w", format=tarfile.PAX_FORMAT, copybufsize=BUFFER_SIZE
        ) as archive,
    ):
        for member in members:
            info = archive.gettarinfo(str(member.path), member.arcname)
            # Agents extract as root: files must not end up owned by the builder's uid.
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            if member.is_dir:
                archive.addfile(info)
                continue
            info.size = member.size
            with member.path.open("rb") as source:
                archive.addfile(info, _MeteredReader(source, member, meter))


def _copy(source: IO[bytes], out: IO[bytes], member: Member, meter: _Meter) -> None:
    left = member.size
    while left:
        chunk = source.read(min(left, BUFFER_SIZE))
        if not chunk:
            raise OSError(f"{member.path} shrank while it was being archived")
        out.write(chunk)
        left -= len(chunk)
        meter.add(len(chunk))


class _MeteredReader:
    """A file object for ``tarfile.addfile`` that reports each read."""

    def __init__(self, source: BinaryIO, member: Member, meter: _Meter) -> None:
        self.source, self.member, self.meter = source, member, meter

    def read(self, size: int = -1) -> bytes:
        chunk = self.source.read(size)
        self.meter.add(len(chunk))
        return chunk


def check_archive(path: Path, target: TargetOs | None = None, progress: Progress = None) -> str:
    """Check a ready-made archive; return its format (``"zip"`` or ``"tar.gz"``).

    Raises ``UnsafeArchive`` naming the first dangerous member, or ``ValueError`` when the
    file is not a readable zip or tar.gz, or is a tar.gz for Windows (its agent only unzips).
    """
    kind = detect_format(path)
    if kind is None:
        raise ValueError(f"{path}: not a zip or tar.gz archive")
    if kind == TAR_GZ and target is TargetOs.WINDOWS:
        raise ValueError(f"{path}: Windows agents need a zip archive, not tar.gz")
    if kind == ZIP:
        _check_zip(path)
    else:
        _check_tar_gz(path, progress)
    return kind


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(f"{path}: unreadable zip archive: {exc}") from None
    for info in infos:
        _check_member_name(path, info.filename.replace("\\", "/"))
        # Unix file type bits, when the creator recorded them (Windows tools do not).
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise UnsafeArchive(f"{path}: member {info.filename!r} is a symbolic link")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise UnsafeArchive(f"{path}: member {info.filename!r} is not a regular file")


def _check_tar_gz(path: Path, progress: Progress) -> None:
    total = path.stat().st_size
    report(progress, 0, total)
    with path.open("rb") as raw:
        counted = _CountingReader(raw, progress, total)
        try:
            with tarfile.open(fileobj=counted, mode="r|gz") as archive:  # type: ignore[call-overload]
                for info in archive:
                    _check_tar_member(path, info)
        except (tarfile.TarError, EOFError, OSError, gzip.BadGzipFile) as exc:
            raise ValueError(f"{path}: unreadable tar.gz archive: {exc}") from None


def _check_tar_member(path: Path, info: tarfile.TarInfo) -> None:
    _check_member_name(path, info.name)
    if info.issym() or info.islnk():
        link = PurePosixPath(info.linkname)
        # A symlink is relative to its folder, a hard link to the archive root.
        base = PurePosixPath(info.name).parent if info.issym() else PurePosixPath()
        if link.is_absolute() or not _stays_inside(base / link):
            raise UnsafeArchive(
                f"{path}: member {info.name!r} links to {info.linkname!r}, outside the archive"
            )
    elif not (info.isreg() or info.isdir()):
        raise UnsafeArchive(f"{path}: member {info.name!r} is a device, pipe or other special file")


def _check_member_name(path: Path, name: str) -> None:
    pure = PurePosixPath(name)
    if pure.is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise UnsafeArchive(f"{path}: member {name!r} has an absolute path")
    if ".." in pure.parts:
        raise UnsafeArchive(f"{path}: member {name!r} climbs out of the archive with '..'")


def _stays_inside(relative: PurePosixPath) -> bool:
    depth = 0
    for part in relative.parts:
        if part == "..":
            depth -= 1
            if depth < 0:
                return False
        elif part != ".":
            depth += 1
    return True


class _CountingReader:
    """A read-only file object that reports how much of the underlying file was consumed."""

    def __init__(self, raw: BinaryIO, progress: Progress, total: int) -> None:
        self.raw, self.progress, self.total, self.done = raw, progress, total, 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self.done += len(chunk)
        report(self.progress, self.done, self.total)
        return chunk
