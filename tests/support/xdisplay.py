"""A real X display (Debian's Xvfb) for tests that run the console as a user would.

Xvfb keeps its screen in a file (``-fbdir``), so a test reads what is on the screen
without any screenshot tool; ``xdotool`` types and clicks as a user does.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtGui

from tests.support.services import unavailable


@dataclass
class XDisplay:
    name: str
    framebuffer: Path

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``base`` (or this process's environment) on this display, with Qt's X backend."""
        env = dict(os.environ if base is None else base)
        env.pop("QT_QPA_PLATFORM", None)
        return env | {"DISPLAY": self.name, "QT_QPA_PLATFORM": "xcb"}

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], capture_output=True, text=True, env=self.env(), check=False
        )
        return done.stdout.strip()

    def wait_window(self, title: str, timeout: float = 60) -> str:
        """The id of the first visible window whose name starts with ``title``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", f"^{title}").split()
            if found:
                return found[0]
            time.sleep(0.3)
        raise AssertionError(f"no window named {title!r} appeared on {self.name}")

    def grab(self) -> QtGui.QImage:
        """The whole screen now, read from Xvfb's framebuffer file (XWD format)."""
        data = self.framebuffer.read_bytes()
        header = struct.unpack(">25I", data[:100])
        header_size, width, height = header[0], header[4], header[5]
        bytes_per_line, colours = header[12], header[19]
        offset = header_size + colours * 12
        pixels = data[offset : offset + bytes_per_line * height]
        image = QtGui.QImage(
            pixels, width, height, bytes_per_line, QtGui.QImage.Format.Format_RGB32
        )
        return image.copy()  # own the bytes


@contextmanager
def x_display(size: str = "1280x1024") -> Iterator[XDisplay]:
    """Start Xvfb on a free display number; stopped (and its files removed) afterwards."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        unavailable("Xvfb and xdotool are needed (Debian xvfb, xdotool; tools/bootstrap.sh)")
    folder = Path(tempfile.mkdtemp(prefix="ocs-xvfb-"))
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-fbdir", str(folder),
         "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as displayfd:
            number = displayfd.readline().strip()
        if not number:
            raise AssertionError("Xvfb did not start")
        yield XDisplay(f":{number}", folder / "Xvfb_screen0")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)
        shutil.rmtree(folder, ignore_errors=True)
