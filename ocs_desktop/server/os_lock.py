"""An exclusive lock on an open file, taken without waiting, on Linux and on Windows.

``flock`` where there is one (Linux, macOS, BSD: released by the kernel when its holder's
descriptor closes or its process dies); ``msvcrt.locking`` of the first byte on Windows
(released when the handle closes, or its process dies, likewise).
"""

from __future__ import annotations

import sys

if sys.platform == "win32":  # pragma: no cover - tested where the server is: on Linux
    import msvcrt

    def try_lock(fd: int) -> bool:
        """Lock ``fd`` exclusively; False if another holder has it."""
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Lock ``fd`` exclusively; False if another holder has it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
