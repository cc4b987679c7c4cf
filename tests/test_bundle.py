"""The workstation bundle (``tools/build_bundle.sh``, ``ocs_desktop.spec``), built once for
this module and run as a user would: from a temporary folder, with a bare environment (no
virtual environment on PATH, no PYTHONPATH), on a fresh database.

The build takes about a minute on two cores, so it runs with the suite in CI (``.ci/run``).
``OCS_BUNDLE_DIR`` points at a bundle folder already built by the same run to reuse it.
A missing PyInstaller fails this module in CI instead of skipping it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ocs_desktop import __version__
from ocs_desktop.views.qt import QtGui
from ocs_desktop.views.screenshots import VIEWS
from tests.support.builders import DATA
from tests.support.live_server import free_port
from tests.support.server_helpers import UNIX_UA, prolog_xml
from tests.support.services import unavailable

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
MAX_MB = 150
# A rendered view (text, icons, table rows) spreads its grey levels; a blank or single-colour
# image has a variance near 0.
MIN_GREY_VARIANCE = 100.0


@dataclass
class Bundle:
    folder: Path
    archive: Path | None
    build_seconds: float

    @property
    def exe(self) -> Path:
        return self.folder / "ocs-desktop"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    reuse = os.environ.get("OCS_BUNDLE_DIR")
    if reuse:
        folder = Path(reuse)
        assert (folder / "ocs-desktop").is_file(), f"OCS_BUNDLE_DIR has no bundle: {folder}"
        return Bundle(folder, None, 0.0)
    if not (VENV_BIN / "pyinstaller").exists():
        unavailable("PyInstaller is not installed in .venv (pip install -e '.[dev]')")
    base = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "OCS_BUNDLE_WORK": str(base / "work")}
    started = time.monotonic()
    result = subprocess.run(
        ["bash", str(ROOT / "tools" / "build_bundle.sh"), str(base / "dist")],
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
        check=False,
    )
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    archive = Path(result.stdout.strip().splitlines()[-1])
    return Bundle(base / "dist" / "ocs-desktop", archive, seconds)


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """What a workstation user has: system PATH, a home, no Python variables."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }


def run(bundle: Bundle, env: dict[str, str], cwd: Path, *args: str, timeout: float = 300):
    result = subprocess.run(
        [str(bundle.exe), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
    return result


def disk_mb(folder: Path) -> float:
    """Like ``du -s``: the blocks the folder's files and links take."""
    blocks = sum(p.lstat().st_blocks for p in folder.rglob("*")) + folder.lstat().st_blocks
    return blocks * 512 / 2**20


def grey_variance(path: Path) -> float:
    image = QtGui.QImage(str(path)).convertToFormat(QtGui.QImage.Format.Format_Grayscale8)
    assert not image.isNull(), path
    levels = Counter(image.constBits().tobytes())
    count = sum(levels.values())
    mean = sum(level * n for level, n in levels.items()) / count
    return sum(n * (level - mean) ** 2 for level, n in levels.items()) / count


def qt_modules_imported() -> set[str]:
    """The PySide6 modules ocs_desktop/ imports (``PySide6.QtX`` or ``from PySide6 import``)."""
    found: set[str] = set()
    for path in (ROOT / "ocs_desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from\s+PySide6\s+import\s+(\([^)]*\)|[^\n]+)", text):
            found.update(re.findall(r"\bQt\w+", names))
    return found


def test_bundle_is_small_self_contained_and_keeps_what_the_code_loads(bundle: Bundle) -> None:
    size = disk_mb(bundle.folder)
    print(f"\nbundle: {size:.0f} MB, built in {bundle.build_seconds:.0f} s")
    assert size < MAX_MB, f"the bundle weighs {size:.0f} MB"
    if bundle.archive is not None:
        assert bundle.archive.name == f"ocs-desktop-{__version__}-linux-x86_64.tar.gz"
        listing = subprocess.run(
            ["tar", "-tzf", str(bundle.archive)], capture_output=True, text=True, check=True
        ).stdout.split()
        assert "ocs-desktop/ocs-desktop" in listing
    # No interpreter beside it: the executable is PyInstaller's bootloader.
    assert not [
        p for p in bundle.folder.rglob("python3*") if p.is_file() and p.stat().st_mode & 0o111
    ]
    internal = bundle.folder / "_internal"
    pyside = internal / "PySide6"
    for module in qt_modules_imported() | {"QtCore", "QtGui", "QtWidgets", "QtSvg"}:
        assert list(pyside.glob(f"{module}.*")), f"PySide6.{module} is imported but not bundled"
    plugins = pyside / "Qt" / "plugins"
    for plugin in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqminimal.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    assert (internal / "resources" / "translations" / "ocs_desktop_fr.qm").is_file()
    assert (pyside / "Qt" / "translations" / "qtbase_fr.qm").is_file()


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str


@pytest.fixture
def served(bundle: Bundle, user_env: dict[str, str], tmp_path: Path) -> Iterator[Served]:
    run(bundle, user_env, tmp_path, "db", "init", "served.sqlite")
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(bundle.exe), "serve", "--db", "served.sqlite", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=user_env,
        cwd=tmp_path,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        yield Served(process, url)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


def test_bundle_serves_agents(served: Served) -> None:
    with urllib.request.urlopen(f"{served.url}/health", timeout=5) as response:
        assert response.status == 200
    request = urllib.request.Request(
        f"{served.url}/ocsinventory",
        data=zlib.compress(prolog_xml()),
        headers={"User-Agent": UNIX_UA, "Content-Type": "application/x-compress"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        reply = zlib.decompress(response.read()).decode()
    assert "<RESPONSE>SEND</RESPONSE>" in reply


def test_bundle_imports_and_renders_screenshots_offscreen(
    bundle: Bundle, user_env: dict[str, str], tmp_path: Path
) -> None:
    run(bundle, user_env, tmp_path, "db", "init", "fleet.sqlite")
    samples = [str(p) for p in sorted((DATA / "windows").glob("*.xml"))]
    samples.append(str(DATA / "ocsinventory-agent-sent-inventory-first.xml"))
    imported = run(bundle, user_env, tmp_path, "import", "--db", "fleet.sqlite", *samples)
    assert f"{len(samples)} file(s): {len(samples)} new, 0 updated, 0 failed" in imported.stdout

    started = time.monotonic()
    shots = run(
        bundle, user_env, tmp_path,
        "-v", "screenshots", "--db", "fleet.sqlite", "--lang", "fr", "--size", "1024x768", "png",
    )  # fmt: skip
    print(f"\nscreenshots: {time.monotonic() - started:.1f} s for {len(VIEWS)} views")
    # The French catalogue and Qt's own came from inside the bundle.
    assert "translation for fr" not in shots.stderr, shots.stderr
    assert "lrelease" not in shots.stderr, shots.stderr
    files = sorted((tmp_path / "png").glob("*.png"))
    assert [f.name for f in files] == [f"{n:02d}-{v}.png" for n, v in enumerate(VIEWS, 1)]
    for path in files:
        assert grey_variance(path) > MIN_GREY_VARIANCE, f"{path.name} looks blank"


def test_bundle_opens_the_console_on_an_x_display(
    bundle: Bundle, user_env: dict[str, str], tmp_path: Path
) -> None:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        unavailable("Xvfb and xdotool are needed to open the console (Debian xvfb, xdotool)")
    run(bundle, user_env, tmp_path, "db", "init", "gui.sqlite")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    console = None
    try:
        with os.fdopen(read) as displayfd:
            display = f":{displayfd.readline().strip()}"
        env = {k: v for k, v in user_env.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": display}
        with (tmp_path / "console.log").open("wb") as log:
            console = subprocess.Popen(
                [str(bundle.exe), "--db", "gui.sqlite"],
                env=env,
                cwd=tmp_path,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        title = ""
        while not title.startswith("OCS Desktop"):
            assert console.poll() is None, (tmp_path / "console.log").read_text()
            assert time.monotonic() < deadline, "the console window never appeared"
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "^OCS Desktop"],
                capture_output=True, text=True, env=env, check=False,
            )  # fmt: skip
            window = found.stdout.split()[:1]
            if window:
                title = subprocess.run(
                    ["xdotool", "getwindowname", window[0]],
                    capture_output=True, text=True, env=env, check=False,
                ).stdout.strip()  # fmt: skip
            else:
                time.sleep(0.3)
        assert "gui.sqlite" in title
    finally:
        for process in (console, xvfb):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)
