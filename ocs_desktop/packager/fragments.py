"""Cutting an archive into the fragments agents download, and its digest, in one pass.

Agents fetch ``<FILEID>-1`` … ``<FILEID>-N``, concatenate them and compare the MD5 of the
result with the info file's ``DIGEST`` (PROTOCOL 3.3). The archive is cut once, in fixed
pieces, and the hash is fed what each fragment holds, so memory stays constant whatever the
package size and the digest describes the fragments. How big fragments are is said here
too: sizes typed in MiB, and the OCS console's own setting.
"""

from __future__ import annotations

import errno
import hashlib
import io
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.db.options import Options

# Small enough to stay in the CPU cache between the copy, the hash and the write: measured
# here, 128 KiB cuts 1 GiB in ~2 s where 1 MiB buffers (or a hashing thread) take 2.5-3.5 s.
BUFFER_SIZE = 128 * 1024
# What copy_file_range answers where the kernel cannot copy between these two files (other
# file systems, an old kernel, a sandbox): the pieces then go through our buffer.
_NO_KERNEL_COPY = frozenset(
    {errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL, errno.EPERM}
)
REPORT_STEP = 1 << 20  # report progress about once per MiB, not once per buffer
MIB = 1024 * 1024


def mib_bytes(mib: float) -> int:
    """A fragment size typed in MiB (``package build --fragment-size``, the wizard), in
    bytes: at least 1. ``ValueError`` for what is not a positive number."""
    if not math.isfinite(mib) or mib <= 0:
        raise ValueError(f"a fragment size must be a positive number of MiB, not {mib}")
    return max(1, round(mib * MIB))


def console_fragment_mib(options: Options) -> int | None:
    """The fragment size the OCS console cuts with, in MiB: ``DOWNLOAD_RATIO_FRAG`` while
    ``DOWNLOAD_ACTIVATE_FRAG`` is 1, else None (one fragment)."""
    ratio = options.ivalue("DOWNLOAD_RATIO_FRAG", 0)
    if options.ivalue("DOWNLOAD_ACTIVATE_FRAG", 0) == 1 and ratio > 0:
        return ratio
    return None


def fragment_name(fileid: str, index: int) -> str:
    """The file name of fragment ``index`` (from 1) of package ``fileid``."""
    return f"{fileid}-{index}"


def plan_fragments(
    total: int, *, count: int | None = None, size: int | None = None
) -> tuple[int, ...]:
    """The size of each fragment of a ``total``-byte archive.

    By ``count``: as the OCS console cuts, every fragment gets ``total // count`` bytes and
    the last one the remainder; the count is lowered to ``total`` so no fragment is empty.
    By ``size``: fragments of exactly ``size`` bytes, the last one holding the rest.
    With neither: one fragment. An empty archive has no fragments.
    """
    if count is not None and size is not None:
        raise ValueError("give a fragment count or a fragment size, not both")
    if total < 0:
        raise ValueError(f"negative archive size {total}")
    # Checked before the empty-archive answer: a bad request is bad whatever the archive.
    if size is not None and size < 1:
        raise ValueError(f"the fragment size must be at least 1 byte, not {size}")
    if count is not None and count < 1:
        raise ValueError(f"the fragment count must be at least 1, not {count}")
    if total == 0:
        return ()
    if size is not None:
        count = math.ceil(total / size)
        return (size,) * (count - 1) + (total - size * (count - 1),)
    count = min(1 if count is None else count, total)
    part = total // count
    return (part,) * (count - 1) + (total - part * (count - 1),)


def write_fragments(
    archive: Path,
    directory: Path,
    fileid: str,
    sizes: Sequence[int],
    progress: Progress = None,
    *,
    done_before: int = 0,
    total: int | None = None,
) -> str:
    """Write ``archive`` as fragments of ``sizes`` into ``directory``; return its MD5 hex.

    The hash is fed the very bytes each fragment holds (see :class:`_Cutter`), so the
    digest always describes the fragments, even if the archive changed meanwhile.
    ``done_before`` and ``total`` place this step within a longer operation's progress.
    Raises ``Cancelled`` when ``progress`` answers ``False``, and ``ValueError`` when the
    archive's size is not the sum of ``sizes`` (it changed under our feet).
    """
    expected = sum(sizes)
    grand_total = total if total is not None else done_before + expected
    digest = hashlib.md5(usedforsecurity=False)
    done = reported = done_before
    offset = 0
    report(progress, done, grand_total)
    with archive.open("rb", buffering=0) as source:
        cutter = _Cutter(source)
        for index, wanted in enumerate(sizes, start=1):
            target = directory / fragment_name(fileid, index)
            with target.open("xb+", buffering=0) as out:
                written = 0
                while written < wanted:
                    piece = cutter.copy(out, offset, written, min(wanted - written, BUFFER_SIZE))
                    if not piece:
                        raise ValueError(f"{archive} is shorter than expected ({expected} bytes)")
                    digest.update(piece)
                    written += len(piece)
                    offset += len(piece)
                    done += len(piece)
                    if done - reported >= REPORT_STEP or written == wanted:
                        report(progress, done, grand_total)
                        reported = done
        source.seek(offset)
        if source.read(1):
            raise ValueError(f"{archive} grew while it was being cut")
    return digest.hexdigest()


class _Cutter:
    """Copies pieces of an open archive to the end of fragment files.

    Where the system can (``os.copy_file_range``: Linux), the kernel copies each piece from
    file to file and the piece is read back from the fragment for the hash. Measured on
    ext4 with ``bench/package_bench.py`` (1 GiB, page cache), its system time stays about
    0.55 s where writing from our buffer took 0.4 to 1.9 s, more when the disk had just
    freed other files: ``package build`` 2.3-2.4 CPU-s against 2.4-3.7 (5% more on an idle
    disk). Elsewhere, or when the kernel refuses these two files, each piece is read into
    the buffer, and the same bytes are hashed and written.
    """

    def __init__(self, source: io.FileIO) -> None:
        self.source = source
        self.view = memoryview(bytearray(BUFFER_SIZE))
        self.in_kernel = hasattr(os, "copy_file_range")

    def copy(self, out: io.FileIO, offset: int, position: int, size: int) -> memoryview:
        """Append up to ``size`` bytes of the archive from ``offset`` to ``out``, which holds
        ``position`` bytes; return those now at its end (empty at the archive's end)."""
        buffer = self.view[:size]
        if self.in_kernel:
            try:
                copied = os.copy_file_range(self.source.fileno(), out.fileno(), size, offset)
            except OSError as exc:
                if exc.errno not in _NO_KERNEL_COPY:
                    raise
                self.in_kernel = False  # from here on through the buffer, read in order
                self.source.seek(offset)
            else:
                _read_all_at(out.fileno(), buffer[:copied], position)
                return buffer[:copied]
        read = self.source.readinto(buffer) or 0
        _write_all(out.fileno(), buffer[:read])
        return buffer[:read]


def _read_all_at(fd: int, buffer: memoryview, position: int) -> None:
    """Fill ``buffer`` from ``fd`` at ``position`` (reads may be short)."""
    done = 0
    while done < len(buffer):
        read = os.preadv(fd, [buffer[done:]], position + done)
        if not read:
            raise OSError(errno.EIO, "a fragment lost bytes while it was being written")
        done += read


def digest_of(paths: Iterable[Path]) -> str:
    """The MD5 hex of the concatenation of ``paths``: what an agent computes."""
    digest = hashlib.md5(usedforsecurity=False)
    buffer = bytearray(BUFFER_SIZE)
    view = memoryview(buffer)
    for path in paths:
        with path.open("rb", buffering=0) as source:
            while read := source.readinto(view):
                digest.update(view[:read])
    return digest.hexdigest()


def _write_all(fd: int, chunk: memoryview) -> None:
    """Unbuffered writes may be short; loop until the whole chunk is written."""
    while chunk:
        written = os.write(fd, chunk)
        chunk = chunk[written:]
