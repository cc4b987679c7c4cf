"""Progress reporting and cancellation for long core operations.

The core runs in workers, a CLI or a server; none of them should need Qt to learn
how far an operation got or to stop it. A callable answering ``False`` is enough.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool] | None


class Cancelled(Exception):
    """The caller asked to stop; whatever the operation wrote is rolled back by its caller."""


def report(progress: Progress, done: int, total: int) -> None:
    """Tell ``progress`` how far we are; raise :class:`Cancelled` when it answers ``False``."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled(f"cancelled at {done} of {total}")
