"""Offline import of files and folders, from the core and from the command line."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ocs_desktop.cli.main import main
from ocs_desktop.inventory.importer import Outcome, discover, import_files
from tests.support import hostile
from tests.support.builders import FIRST, LOCAL, count, fingerprint, inventory_xml


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "inventories"
    (root / "site-a" / "deep").mkdir(parents=True)
    (root / "site-a" / "one.ocs").write_bytes(
        zlib.compress(inventory_xml(deviceid="one-2026-01-01-00-00-00", name="one"))
    )
    (root / "site-a" / "deep" / "two.xml").write_bytes(
        inventory_xml(deviceid="two-2026-01-01-00-00-00", name="two")
    )
    (root / "three.ocs").write_bytes(
        gzip.compress(inventory_xml(deviceid="three-2026-01-01-00-00-00", name="three"))
    )
    (root / "notes.txt").write_text("not an inventory, and not looked at")
    return root


def test_discover_walks_folders_and_keeps_named_files(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    named = tmp_path / "named.inventory"
    named.write_bytes(b"x")
    found = discover([root, named])
    assert sorted(p.name for p in found) == ["named.inventory", "one.ocs", "three.ocs", "two.xml"]


def test_import_folder_then_again_updates(engine: Engine, tmp_path: Path) -> None:
    files = discover([_tree(tmp_path)])
    url = engine.url.render_as_string(hide_password=False)
    first = import_files(url, files)
    assert [r.outcome for r in first.results] == [Outcome.NEW] * 3
    again = import_files(url, files)
    assert [r.outcome for r in again.results] == [Outcome.UPDATED] * 3
    assert count(engine, "hardware") == 3
    assert count(engine, "software") == 3 * 899


def test_broken_files_do_not_stop_the_batch(engine: Engine, tmp_path: Path) -> None:
    good = tmp_path / "good.ocs"
    good.write_bytes(LOCAL.read_bytes())
    bad = {
        "bomb.ocs": hostile.zlib_bomb(),
        "laughs.xml": hostile.billion_laughs(),
        "truncated.ocs": hostile.truncated_zlib(),
        "html.xml": hostile.html_page(),
    }
    for name, body in bad.items():
        (tmp_path / name).write_bytes(body)
    url = engine.url.render_as_string(hide_password=False)
    summary = import_files(url, discover([tmp_path]))
    outcomes = {Path(r.path).name: r for r in summary.results}
    assert outcomes["good.ocs"].outcome is Outcome.NEW
    for name in bad:
        assert outcomes[name].outcome is Outcome.FAILED, name
        assert outcomes[name].error
    assert count(engine, "hardware") == 1


@pytest.mark.parametrize("builder", hostile.ALL, ids=lambda b: b.__name__)
def test_hostile_input_changes_nothing(engine: Engine, tmp_path: Path, builder) -> None:
    import_files(engine.url.render_as_string(hide_password=False), [FIRST])
    before = fingerprint(engine)
    path = tmp_path / "hostile.ocs"
    path.write_bytes(builder())
    summary = import_files(engine.url.render_as_string(hide_password=False), [path])
    [result] = summary.results
    assert result.outcome is Outcome.FAILED
    assert result.error and len(result.error) < 400  # a clear sentence, not a dump
    assert fingerprint(engine) == before


def test_cli_import_summary_and_exit_code(engine: Engine, tmp_path: Path, capsys) -> None:
    root = _tree(tmp_path)
    (root / "broken.ocs").write_bytes(b"\x78\x9c garbage")
    url = engine.url.render_as_string(hide_password=False)
    code = main(["import", "--quiet", "--db", url, str(root)])
    out = capsys.readouterr().out
    assert code == 1
    assert "4 file(s): 3 new, 0 updated, 1 failed" in out
    assert "broken.ocs" in out
    code = main(["import", "--quiet", "--db", url, str(root / "site-a")])
    assert code == 0
    assert "2 file(s): 0 new, 2 updated, 0 failed" in capsys.readouterr().out


def test_cli_import_refuses_a_non_ocs_database(tmp_path: Path, capsys) -> None:
    code = main(["import", "--quiet", "--db", str(tmp_path / "empty.sqlite"), str(FIRST)])
    assert code == 2
    assert "db init" in capsys.readouterr().err


def test_parallel_workers_import_everything(engine: Engine, tmp_path: Path) -> None:
    for index in range(6):
        name = f"par{index}"
        (tmp_path / f"{name}.ocs").write_bytes(
            zlib.compress(inventory_xml(deviceid=f"{name}-2026-01-01-00-00-00", name=name))
        )
    url = engine.url.render_as_string(hide_password=False)
    summary = import_files(url, discover([tmp_path]), workers=2)
    assert summary.count(Outcome.NEW) == 6
    assert count(engine, "hardware") == 6
    assert count(engine, "software") == 6 * 899
