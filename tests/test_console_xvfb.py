"""The real console on a real X server (Xvfb), driven from the keyboard with xdotool.

Not offscreen: the console is started as a user starts it (``python -m ocs_desktop --db``),
on an X display, and the test reads the screen back from Xvfb's framebuffer.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6 import QtGui

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.importer import import_files
from tests.support.xdisplay import XDisplay, x_display

DATA = Path(__file__).parent / "data"


def ink(image: QtGui.QImage, top: float, bottom: float) -> int:
    """Pixels clearly darker than the window background in a band of the screen."""
    dark = 0
    y0, y1 = int(image.height() * top), int(image.height() * bottom)
    for y in range(y0, y1, 2):
        for x in range(0, image.width(), 2):
            if QtGui.QColor(image.pixel(x, y)).lightness() < 120:
                dark += 1
    return dark


def settle_screen(display: XDisplay, seconds: float = 8) -> QtGui.QImage:
    """The screen once two grabs a moment apart agree (the console finished drawing)."""
    deadline = time.monotonic() + seconds
    previous = display.grab()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        current = display.grab()
        if current == previous:
            return current
        previous = current
    return previous


def test_the_console_opens_a_machine_on_a_real_x_display(tmp_path: Path) -> None:
    database = tmp_path / "fleet.sqlite"
    engine = create_engine_for(normalize_url(str(database)))
    init_database(engine)
    engine.dispose()
    files = sorted((DATA / "windows").glob("*.xml"))
    assert import_files(normalize_url(str(database)), files).failed == []

    with x_display("1280x1024") as display:
        env = display.env() | {
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "LANG": "C.UTF-8",
        }
        with (tmp_path / "console.log").open("wb") as log:
            console = subprocess.Popen(
                [sys.executable, "-m", "ocs_desktop", "--db", str(database)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            window = display.wait_window("OCS Desktop")
            assert "fleet.sqlite" in display.xdotool("getwindowname", window)
            display.xdotool("windowsize", "--sync", window, "1280", "1000")
            before = settle_screen(display)
            assert ink(before, 0.05, 0.5) > 500, "the machines list is drawn"
            detail_before = ink(before, 0.62, 0.98)

            display.xdotool("windowfocus", "--sync", window)
            display.xdotool("key", "--window", window, "ctrl+f")  # the quick filter
            display.xdotool("type", "--window", window, "--delay", "50", "LT-MKT")
            time.sleep(1.5)  # the filter waits for a pause in typing
            display.xdotool("key", "--window", window, "Tab", "Down", "Return")
            after = settle_screen(display)
            after.save(str(tmp_path / "console-on-x.png"))
            assert console.poll() is None, (tmp_path / "console.log").read_text()
            detail_after = ink(after, 0.62, 0.98)
            assert detail_after > detail_before + 1500, (
                f"the machine detail did not open: {detail_before} -> {detail_after} dark pixels;"
                f" screen in {tmp_path / 'console-on-x.png'}"
            )
        finally:
            console.terminate()
            try:
                console.wait(15)
            except subprocess.TimeoutExpired:
                console.kill()
                console.wait(5)
