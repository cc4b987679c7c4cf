"""Run a few lines of Python in a fresh interpreter: what a command imports at start-up
can only be seen from a process that has imported nothing else yet."""

from __future__ import annotations

import subprocess
import sys


def fresh_python(code: str) -> str:
    """What ``code`` prints, run by this interpreter in a new process."""
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120
    ).stdout
