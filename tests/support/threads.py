"""Threads in tests: code that must finish, code whose failure must reach the test, and
waiting for what another thread or connection does.

A regression into an endless loop fails its test in seconds instead of hanging the whole
run; an exception in a thread is kept for the test to assert on instead of being printed
by the thread and lost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def catching(errors: list[BaseException], call: Callable[[], object]) -> Callable[[], None]:
    """``call`` as a thread's target: whatever it raises is appended to ``errors``."""

    def run() -> None:
        try:
            call()
        except BaseException as exc:
            errors.append(exc)

    return run


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll ``condition`` until it holds; fail the test if it does not within ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def returns_within(
    seconds: float, call: Callable[[], object], on_hang: Callable[[], object] | None = None
) -> BaseException | None:
    """Run ``call`` in a thread; return what it raised (None if nothing). If it has not
    returned in time, ``on_hang`` may let the stuck thread finish, and the test fails."""
    raised: list[BaseException] = []
    thread = threading.Thread(target=catching(raised, call), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if on_hang is not None:
            on_hang()
            thread.join(seconds)
        raise AssertionError(f"still running after {seconds} s: an endless loop?")
    return raised[0] if raised else None
