"""The importer reports every path it cannot read and refuses what is not a file (issue 15,
defect 8).

A sub-folder that could not be listed was skipped in silence (exit 0), and a FIFO named
on the command line hung the import for ever. Tests run as root, whom mode bits do not
stop, so the unreadable folder is tested by running the real command as ``nobody``
(``setpriv``): a ``chmod 000`` folder is then really unreadable, as it is for an
administrator importing a share he has only partly access to. A dangling link named
``*.ocs`` is unreadable for root too, and is tested in process. The FIFO tests run the
command in a subprocess with a timeout, so a regression fails instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.importer import Outcome, discover, import_files, read_inventory_file
from ocs_desktop.protocol.errors import InventoryError
from tests.support.builders import count, inventory_xml
from tests.support.services import unavailable

COMMAND = [sys.executable, "-m", "ocs_desktop", "import", "--quiet", "--workers", "1"]


def _inventory(folder: Path, name: str) -> Path:
    path = folder / f"{name}.ocs"
    path.write_bytes(zlib.compress(inventory_xml(deviceid=f"{name}-2026-01-01-00-00-00",
                                                 name=name)))  # fmt: skip
    return path


def _run(args: list[str], *, user: list[str] | None = None, cwd: Path | None = None):
    return subprocess.run([*(user or []), *COMMAND, *args], capture_output=True, text=True,
                          timeout=90, cwd=cwd)  # fmt: skip


# -- FIFOs and other non-files ----------------------------------------------------------


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_for(tmp_path: Path) -> None:
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    fifo = tmp_path / "pipe.ocs"
    os.mkfifo(fifo)
    good = _inventory(tmp_path, "good")
    result = _run(["--db", str(db), "--", str(fifo), str(good)])  # timeout: no hang
    assert result.returncode == 1, result.stderr
    assert f"failed: {fifo}: not a regular file (a FIFO); only files are imported" in result.stdout
    assert "2 file(s): 1 new, 0 updated, 1 failed" in result.stdout


def test_non_files_inside_a_folder_are_reported_too(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "inventories"
    folder.mkdir()
    _inventory(folder, "good")
    os.mkfifo(folder / "pipe.xml")
    (folder / "dangling.ocs").symlink_to(folder / "gone.ocs")
    (folder / "elsewhere.ocs").symlink_to(tmp_path)  # a link to a folder: not followed
    found = discover([folder])
    assert [p.name for p in found] == ["dangling.ocs", "good.ocs", "pipe.xml"]
    url = engine.url.render_as_string(hide_password=False)
    summary = import_files(url, found)
    reasons = {Path(r.path).name: (r.outcome, r.error) for r in summary.results}
    assert reasons == {
        "dangling.ocs": (Outcome.FAILED, "cannot read file: No such file or directory"),
        "good.ocs": (Outcome.NEW, None),
        "pipe.xml": (Outcome.FAILED, "not a regular file (a FIFO); only files are imported"),
    }
    assert count(engine, "hardware") == 1


def test_read_inventory_file_refuses_devices_and_folders(tmp_path: Path) -> None:
    with pytest.raises(InventoryError, match=r"not a regular file \(a character device\)"):
        read_inventory_file(Path("/dev/null"))
    with pytest.raises(InventoryError, match="a folder, not an inventory file"):
        read_inventory_file(tmp_path)
    regular = tmp_path / "x.ocs"
    regular.write_bytes(b"<REQUEST/>")
    assert read_inventory_file(regular) == b"<REQUEST/>"


# -- unreadable folders, as an unprivileged user ----------------------------------------


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder ``nobody`` can use (pytest's own are private to root)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        unavailable("needs root and setpriv to run the importer as nobody")
    path = Path(tempfile.mkdtemp(prefix="ocs-import-", dir="/tmp"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_an_unreadable_sub_folder_is_a_failure_not_a_silent_skip(shared_tmp: Path) -> None:
    db = shared_tmp / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    root = shared_tmp / "inventories"
    (root / "locked").mkdir(parents=True)
    _inventory(root, "open")
    _inventory(root / "locked", "hidden")
    for path in (shared_tmp, *shared_tmp.rglob("*")):
        os.chown(path, 65534, 65534)
    (root / "locked").chmod(0o000)
    try:
        result = _run(["--db", str(db), str(root)], user=AS_NOBODY, cwd=Path(__file__).parents[1])
        assert result.returncode == 1, (result.stdout, result.stderr)
        assert f"failed: {root / 'locked'}: cannot read folder: Permission denied" in result.stdout
        assert "2 file(s): 1 new, 0 updated, 1 failed" in result.stdout
        assert count(engine, "hardware") == 1
        # the same folder named on the command line
        alone = _run(["--db", str(db), str(root / "locked")], user=AS_NOBODY,
                     cwd=Path(__file__).parents[1])  # fmt: skip
        assert alone.returncode == 1
        assert "cannot read folder: Permission denied" in alone.stdout
    finally:
        (root / "locked").chmod(0o755)
        engine.dispose()
