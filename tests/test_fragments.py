"""Fragments: how an archive is planned into fragment sizes, cut, digested and reported.

The archives here change under the cutter's feet through its own progress callback (the
only hook the API gives), the way a file still being written by another program would.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db.options import Options
from ocs_desktop.packager.build import build_package
from ocs_desktop.packager.fragments import (
    BUFFER_SIZE,
    MIB,
    _read_all_at,
    console_fragment_mib,
    digest_of,
    fragment_name,
    mib_bytes,
    plan_fragments,
    write_fragments,
)
from ocs_desktop.packager.spec import Action, PackageSpec, TargetOs
from tests.support.threads import returns_within

FILEID = "1700000000"
HANG_TIMEOUT = 10  # seconds: the cuts here (2 MiB at most) take milliseconds


def _data(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def _refused(message: str) -> pytest.RaisesExc[ValueError]:
    """``pytest.raises`` for a ``ValueError`` saying exactly ``message``."""
    return pytest.raises(ValueError, match=f"^{re.escape(message)}$")


def _recorder() -> tuple[list[tuple[int, int]], Callable[[int, int], bool]]:
    """A progress callback that records its calls, and the list they go to."""
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    return calls, progress


def _fragments(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# --- plan_fragments -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "count", "size"),
    [(10, 2, 5), (10, 1, 1), (0, 1, 1), (0, 0, 0), (-1, 2, 5)],
)
def test_plan_refuses_a_count_and_a_size_together(total: int, count: int, size: int) -> None:
    with _refused("give a fragment count or a fragment size, not both"):
        plan_fragments(total, count=count, size=size)


@pytest.mark.parametrize(
    ("total", "count", "size"),
    [(-1, None, None), (-1, 2, None), (-1, None, 4), (-10_000, 3, None), (-7, None, 1)],
)
def test_plan_refuses_a_negative_archive_size(
    total: int, count: int | None, size: int | None
) -> None:
    with _refused(f"negative archive size {total}"):
        plan_fragments(total, count=count, size=size)


@pytest.mark.parametrize("size", [0, -1, -4096])
@pytest.mark.parametrize("total", [0, 1, 10, 10_000])
def test_plan_refuses_a_fragment_size_below_one_byte(total: int, size: int) -> None:
    with _refused(f"the fragment size must be at least 1 byte, not {size}"):
        plan_fragments(total, size=size)


@pytest.mark.parametrize("count", [0, -1, -3])
@pytest.mark.parametrize("total", [0, 1, 10, 10_000])
def test_plan_refuses_a_fragment_count_below_one(total: int, count: int) -> None:
    with _refused(f"the fragment count must be at least 1, not {count}"):
        plan_fragments(total, count=count)


@pytest.mark.parametrize(
    ("total", "count", "size", "expected"),
    [
        (0, None, None, ()),
        (0, 1, None, ()),
        (0, None, 1, ()),
        (1, None, None, (1,)),
        (1, 1, None, (1,)),
        (1, None, 1, (1,)),
        (1, 5, None, (1,)),  # the count is lowered to the size: no empty fragment
        (5, None, 1, (1, 1, 1, 1, 1)),  # the smallest fragment size
        (5, 5, None, (1, 1, 1, 1, 1)),
        (5, 6, None, (1, 1, 1, 1, 1)),
        (5, 4, None, (1, 1, 1, 2)),  # by count: the last one takes the remainder
        (7, 2, None, (3, 4)),
        (7, None, 2, (2, 2, 2, 1)),  # by size: the last one holds the rest
        (7, None, 6, (6, 1)),
        (7, None, 7, (7,)),
        (7, None, 8, (7,)),
    ],
)
def test_plan_boundaries(
    total: int, count: int | None, size: int | None, expected: tuple[int, ...]
) -> None:
    assert plan_fragments(total, count=count, size=size) == expected


# --- mib_bytes and console_fragment_mib ---------------------------------------------------


@pytest.mark.parametrize(
    ("mib", "expected"),
    [
        (1, 1_048_576),
        (1.0, 1_048_576),
        (3, 3_145_728),
        (0.5, 524_288),
        (2.25, 2_359_296),
        (1024, 1_073_741_824),
        (2.4 / MIB, 2),  # rounded to the nearest byte, not truncated
        (2.6 / MIB, 3),
        (0.4 / MIB, 1),  # never below 1 byte
        (5e-324, 1),
    ],
)
def test_mib_bytes_conversions(mib: float, expected: int) -> None:
    assert MIB == 1_048_576
    result = mib_bytes(mib)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    "mib", [0, 0.0, -0.0, -1, -0.5, -5e-324, float("nan"), float("inf"), float("-inf")]
)
def test_mib_bytes_refuses_what_is_not_a_positive_number(mib: float) -> None:
    with _refused(f"a fragment size must be a positive number of MiB, not {mib}"):
        mib_bytes(mib)


def _options(**values: int | None) -> Options:
    return Options({name: (value, None) for name, value in values.items()})


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (Options(), None),
        (_options(DOWNLOAD_ACTIVATE_FRAG=1, DOWNLOAD_RATIO_FRAG=3), 3),
        (_options(DOWNLOAD_ACTIVATE_FRAG=1, DOWNLOAD_RATIO_FRAG=1), 1),
        (_options(DOWNLOAD_ACTIVATE_FRAG=1, DOWNLOAD_RATIO_FRAG=500), 500),
        # switched off, or set to anything but 1: one fragment
        (_options(DOWNLOAD_ACTIVATE_FRAG=0, DOWNLOAD_RATIO_FRAG=3), None),
        (_options(DOWNLOAD_ACTIVATE_FRAG=2, DOWNLOAD_RATIO_FRAG=3), None),
        (_options(DOWNLOAD_ACTIVATE_FRAG=-1, DOWNLOAD_RATIO_FRAG=3), None),
        # a ratio that is no size
        (_options(DOWNLOAD_ACTIVATE_FRAG=1, DOWNLOAD_RATIO_FRAG=0), None),
        (_options(DOWNLOAD_ACTIVATE_FRAG=1, DOWNLOAD_RATIO_FRAG=-2), None),
        # a missing row (or a row without IVALUE) counts as 0 for both
        (_options(DOWNLOAD_RATIO_FRAG=3), None),
        (_options(DOWNLOAD_ACTIVATE_FRAG=None, DOWNLOAD_RATIO_FRAG=3), None),
        (_options(DOWNLOAD_ACTIVATE_FRAG=1), None),
        (_options(DOWNLOAD_ACTIVATE_FRAG=1, DOWNLOAD_RATIO_FRAG=None), None),
    ],
)
def test_console_fragment_mib(options: Options, expected: int | None) -> None:
    assert console_fragment_mib(options) == expected


# --- write_fragments: the normal cut ------------------------------------------------------


def test_cut_writes_each_fragment_and_the_digest_of_their_concatenation(tmp_path: Path) -> None:
    # Sizes across buffer boundaries: below, at, and above one buffer.
    sizes = (1, BUFFER_SIZE - 1, BUFFER_SIZE, BUFFER_SIZE + 1, 3 * BUFFER_SIZE + 17, 2)
    data = _data(sum(sizes))
    archive = tmp_path / "archive.zip"
    archive.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    digest = write_fragments(archive, out, FILEID, sizes)
    assert digest == hashlib.md5(data).hexdigest()
    assert _fragments(out) == sorted(f"{FILEID}-{i}" for i in range(1, len(sizes) + 1))
    start = 0
    for index, size in enumerate(sizes, start=1):
        assert fragment_name(FILEID, index) == f"{FILEID}-{index}"
        assert (out / f"{FILEID}-{index}").read_bytes() == data[start : start + size]
        start += size
    assert archive.read_bytes() == data  # the archive is read, never changed


def test_cut_of_an_empty_archive_into_no_fragments(tmp_path: Path) -> None:
    archive = tmp_path / "empty"
    archive.write_bytes(b"")
    calls, progress = _recorder()
    digest = write_fragments(archive, tmp_path, FILEID, (), progress)
    assert digest == hashlib.md5(b"").hexdigest()
    assert calls == [(0, 0)]
    assert _fragments(tmp_path) == ["empty"]


def test_cut_reports_about_once_per_mib_and_at_each_fragment_end(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.write_bytes(_data(2 * MIB + 100))
    calls, progress = _recorder()
    write_fragments(archive, tmp_path, FILEID, (MIB + 50, MIB + 50), progress)
    total = 2 * MIB + 100
    assert calls == [
        (0, total),
        (MIB, total),
        (MIB + 50, total),  # end of fragment 1
        (2 * MIB + 50, total),
        (2 * MIB + 100, total),  # end of fragment 2
    ]


def test_cut_reports_within_a_longer_operation(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.write_bytes(_data(300))
    calls, progress = _recorder()
    write_fragments(archive, tmp_path, "a", (100, 200), progress, done_before=1000, total=5000)
    assert calls == [(1000, 5000), (1100, 5000), (1300, 5000)]
    calls.clear()
    # Without a total, this step ends the operation.
    write_fragments(archive, tmp_path, "b", (100, 200), progress, done_before=1000)
    assert calls == [(1000, 1300), (1100, 1300), (1300, 1300)]


@pytest.mark.parametrize("stop_at", [0, 100])
def test_cut_is_cancelled_when_progress_answers_false(tmp_path: Path, stop_at: int) -> None:
    archive = tmp_path / "archive"
    archive.write_bytes(_data(300))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        write_fragments(archive, out, FILEID, (100, 200), lambda done, _total: done < stop_at)
    # Cancelled as soon as asked: nothing cut after the answer.
    assert _fragments(out) == ([f"{FILEID}-1"] if stop_at else [])


def test_cut_never_overwrites_an_existing_fragment(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.write_bytes(_data(300))
    (tmp_path / f"{FILEID}-2").write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        write_fragments(archive, tmp_path, FILEID, (100, 200))
    assert (tmp_path / f"{FILEID}-2").read_bytes() == b"someone else's"


def test_cut_survives_short_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unbuffered writes may write less than asked (a pipe, a full quota, a signal)."""
    data = _data(3 * BUFFER_SIZE + 5)
    archive = tmp_path / "archive"
    archive.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.delattr(os, "copy_file_range", raising=False)  # the buffer path, as on macOS
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, chunk: real_write(fd, bytes(chunk[:1000])))
    digest = write_fragments(archive, out, FILEID, (BUFFER_SIZE + 3, 2 * BUFFER_SIZE + 2))
    monkeypatch.undo()
    assert digest == hashlib.md5(data).hexdigest()
    assert digest_of([out / f"{FILEID}-1", out / f"{FILEID}-2"]) == digest
    assert (out / f"{FILEID}-1").read_bytes() + (out / f"{FILEID}-2").read_bytes() == data


@pytest.mark.parametrize("refused_after", [0, 2])  # at the first piece, or within fragment 1
def test_cut_goes_through_the_buffer_where_the_kernel_cannot_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refused_after: int
) -> None:
    """copy_file_range refuses files on two file systems (EXDEV), an old kernel or a
    sandbox (ENOSYS, EPERM): the rest is cut through the buffer, to the same fragments."""
    real_copy = getattr(os, "copy_file_range", None)
    if real_copy is None and refused_after:
        pytest.skip("no copy_file_range on this system")
    data = _data(3 * BUFFER_SIZE + 5)
    archive = tmp_path / "archive"
    archive.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    calls = 0

    def refusing(src: int, dst: int, count: int, offset_src: int | None = None) -> int:
        nonlocal calls
        calls += 1
        if calls > refused_after:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        assert real_copy is not None
        return int(real_copy(src, dst, count, offset_src))

    monkeypatch.setattr(os, "copy_file_range", refusing, raising=False)
    digest = write_fragments(archive, out, FILEID, (2 * BUFFER_SIZE + 3, BUFFER_SIZE + 2))
    monkeypatch.undo()
    assert calls == refused_after + 1  # once refused, never asked again
    assert digest == hashlib.md5(data).hexdigest()
    assert (out / f"{FILEID}-1").read_bytes() + (out / f"{FILEID}-2").read_bytes() == data


def test_cut_reports_a_failed_kernel_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk error is not a refusal: it stops the cut rather than being retried."""
    archive = tmp_path / "archive"
    archive.write_bytes(_data(300))

    def disk_full(src: int, dst: int, count: int, offset_src: int | None = None) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "copy_file_range", disk_full, raising=False)
    with pytest.raises(OSError, match="No space left on device"):
        write_fragments(archive, tmp_path, FILEID, (100, 200))


def test_digest_of_is_the_md5_of_the_concatenation(tmp_path: Path) -> None:
    parts = [_data(BUFFER_SIZE + 3, 1), b"", _data(5, 2), _data(2 * BUFFER_SIZE, 3)]
    paths = []
    for index, part in enumerate(parts):
        path = tmp_path / str(index)
        path.write_bytes(part)
        paths.append(path)
    assert digest_of(paths) == hashlib.md5(b"".join(parts)).hexdigest()
    assert digest_of([]) == hashlib.md5(b"").hexdigest()


# --- write_fragments: an archive that changes while it is cut ----------------------------


def _changing(
    archive: Path, change: Callable[[Path], None], *, after: int
) -> Callable[[int, int], bool]:
    """A progress callback that applies ``change`` to ``archive`` once ``after`` bytes are
    cut (0: before the first read)."""
    changed = False

    def progress(done: int, _total: int) -> bool:
        nonlocal changed
        if not changed and done >= after:
            changed = True
            change(archive)
        return True

    return progress


def _grow(path: Path) -> None:
    with path.open("ab") as file:
        file.write(b"more bytes")


def _shrink(path: Path) -> None:
    os.truncate(path, 10)


@pytest.mark.parametrize("after", [0, 100, MIB])  # before the first read, between, within
def test_an_archive_that_grows_while_it_is_cut_is_refused(tmp_path: Path, after: int) -> None:
    archive = tmp_path / "archive"
    archive.write_bytes(_data(100 + 2 * MIB))
    out = tmp_path / "out"
    out.mkdir()
    with _refused(f"{archive} grew while it was being cut"):
        write_fragments(
            archive, out, FILEID, (100, 2 * MIB), _changing(archive, _grow, after=after)
        )


@pytest.mark.parametrize("after", [0, 100, MIB])  # before the first read, between, within
def test_an_archive_that_shrinks_while_it_is_cut_is_refused_without_hanging(
    tmp_path: Path, after: int
) -> None:
    data = _data(100 + 2 * MIB)
    archive = tmp_path / "archive"
    archive.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    progress = _changing(archive, _shrink, after=after)
    raised = returns_within(
        HANG_TIMEOUT,
        lambda: write_fragments(archive, out, FILEID, (100, 2 * MIB), progress),
        on_hang=lambda: archive.write_bytes(data),
    )
    assert isinstance(raised, ValueError), raised
    assert str(raised) == f"{archive} is shorter than expected ({100 + 2 * MIB} bytes)"


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("setup.sh", b"#!/bin/sh\necho installed\n")
        archive.writestr("payload.bin", _data(3 * BUFFER_SIZE))  # a few buffers per fragment
    return path


def _zip_spec() -> PackageSpec:
    return PackageSpec("Changing", TargetOs.WINDOWS, Action.STORE, path="C:\\x", fragments=2)


@pytest.mark.parametrize("after", [0, 1])
def test_a_build_of_an_archive_that_grows_meanwhile_leaves_nothing(
    tmp_path: Path, after: int
) -> None:
    archive = _zip(tmp_path / "ready.zip")
    store = tmp_path / "store"
    store.mkdir()
    with _refused(f"{archive} grew while it was being cut"):
        build_package(
            _zip_spec(), [], store, archive=archive, progress=_changing(archive, _grow, after=after)
        )
    assert list(store.iterdir()) == []


@pytest.mark.parametrize("after", [0, 1])
def test_a_build_of_an_archive_that_shrinks_meanwhile_leaves_nothing(
    tmp_path: Path, after: int
) -> None:
    archive = _zip(tmp_path / "ready.zip")
    data = archive.read_bytes()
    store = tmp_path / "store"
    store.mkdir()
    progress = _changing(archive, _shrink, after=after)
    raised = returns_within(
        HANG_TIMEOUT,
        lambda: build_package(_zip_spec(), [], store, archive=archive, progress=progress),
        on_hang=lambda: archive.write_bytes(data),
    )
    assert isinstance(raised, ValueError), raised
    assert str(raised) == f"{archive} is shorter than expected ({len(data)} bytes)"
    assert list(store.iterdir()) == []


def test_a_build_of_an_unchanged_archive_still_works(tmp_path: Path) -> None:
    """The control of the two tests above: the same build, the archive left alone."""
    archive = _zip(tmp_path / "ready.zip")
    data = archive.read_bytes()
    built = build_package(
        _zip_spec(), [], tmp_path / "store", archive=archive, progress=lambda d, t: True
    )
    assert b"".join(path.read_bytes() for path in built.fragment_paths) == data
    assert built.digest == hashlib.md5(data).hexdigest()
    with zipfile.ZipFile(io.BytesIO(data)) as reread:
        assert reread.namelist() == ["setup.sh", "payload.bin"]


def test_a_fragment_shorter_than_its_read_back_is_an_io_error(tmp_path: Path) -> None:
    """The read-back after a kernel copy finishes a short read where it stopped, and a
    fragment that ends first (truncated meanwhile) is EIO, never a silent partial hash."""
    fragment = tmp_path / "fragment"
    fragment.write_bytes(bytes(range(12)))
    buffer = memoryview(bytearray(8))
    with fragment.open("rb", buffering=0) as source:
        _read_all_at(source.fileno(), buffer, 2)
        assert bytes(buffer) == bytes(range(2, 10))
        with pytest.raises(OSError) as lost:
            _read_all_at(source.fileno(), memoryview(bytearray(20)), 2)
    assert lost.value.errno == errno.EIO  # not EINVAL: it read on from where it stopped
