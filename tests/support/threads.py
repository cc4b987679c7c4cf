"""Running code that must finish: a regression into an endless loop fails its test in
seconds instead of hanging the whole run."""

from __future__ import annotations

import threading
from collections.abc import Callable


def returns_within(
    seconds: float, call: Callable[[], object], on_hang: Callable[[], object] | None = None
) -> BaseException | None:
    """Run ``call`` in a thread; return what it raised (None if nothing). If it has not
    returned in time, ``on_hang`` may let the stuck thread finish, and the test fails."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if on_hang is not None:
            on_hang()
            thread.join(seconds)
        raise AssertionError(f"still running after {seconds} s: an endless loop?")
    return raised[0] if raised else None
