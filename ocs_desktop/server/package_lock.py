"""One write or commit of an uploaded package at a time, across workers and hosts.

The upload endpoint used to serialise calls with an ``asyncio.Lock``, which only holds
inside one process: with ``serve --workers 2`` a commit in one worker verified the digest
and published while a PUT in the other was still writing into the same fragment, and the
published package no longer matched its DIGEST.

The lock is an advisory lock (``flock``) on ``<download>/.upload/<FILEID>.lock``, beside
the staged files it protects, because the download folder is what every worker, and every
host serving the same folder, shares; hosts sharing a database but not the folder could not
upload to each other's staging anyway. The kernel drops the lock when its holder dies, so a
worker killed mid-upload (``kill -9``) leaves nothing stale; an ``O_EXCL`` lock file would
need a guess about whether its owner, possibly on another host, is still alive. On NFS,
Linux maps ``flock`` onto NFS byte-range locks, so it holds across hosts there too.

The file is removed when the lock is released. A waiter that opened it before then may
lock the removed inode, so after locking it checks that the path still names the inode it
holds, and starts over otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

import anyio.to_thread

from ocs_desktop.server.os_lock import try_lock

#: How long a call waits for another call on the same package before answering 409.
LOCK_WAIT_S = 5.0
_POLL_S = 0.05


class PackageBusy(Exception):
    """Another call holds the package's lock."""


def try_acquire(path: Path) -> int | None:
    """The descriptor of ``path`` locked by us, or None if another holder has it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    held = False
    try:
        held = try_lock(fd) and _still_named(path, fd)
    finally:
        if not held:
            os.close(fd)
    return fd if held else None


def _still_named(path: Path, fd: int) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (not removed or replaced)."""
    try:
        inode: int | None = os.stat(path).st_ino
    except FileNotFoundError:
        inode = None
    return inode == os.fstat(fd).st_ino


def release(path: Path, fd: int) -> None:
    """Remove the lock file, then drop the lock (in that order: see the module doc)."""
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    finally:
        os.close(fd)


@contextlib.asynccontextmanager
async def package_lock(
    folder: Path, fileid: str, wait_s: float = LOCK_WAIT_S
) -> AsyncIterator[None]:
    """Hold package ``fileid``'s lock in ``folder`` (which must exist); ``PackageBusy``
    after ``wait_s`` seconds of another holder."""
    path = folder / f"{fileid}.lock"
    deadline = asyncio.get_running_loop().time() + wait_s
    while (fd := await anyio.to_thread.run_sync(try_acquire, path)) is None:
        if asyncio.get_running_loop().time() >= deadline:
            raise PackageBusy(f"package {fileid} is busy: another upload or commit of it is "
                              f"under way; try again")  # fmt: skip
        await asyncio.sleep(_POLL_S)
    try:
        yield
    finally:
        await anyio.to_thread.run_sync(release, path, fd)
