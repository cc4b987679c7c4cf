"""``ocs-desktop config`` and the DOWNLOAD warning of ``package assign`` (SQLite and MariaDB).

Checks go through plain SQL, not the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.cli.main import main
from ocs_desktop.fleet.config_keys import KEYS
from tests.test_packager_flow import _group, _machine, _recorded


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _config(engine: Engine, name: str) -> tuple[object, object]:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT IVALUE, TVALUE FROM config WHERE NAME = :n"), {"n": name}
        ).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _devices(engine: Engine, hid: int) -> dict[str, tuple[object, object]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT NAME, IVALUE, TVALUE FROM devices WHERE HARDWARE_ID = :h"), {"h": hid}
        ).all()
    return {name: (ivalue, tvalue) for name, ivalue, tvalue in rows}


def test_list_get_set_reset(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", _url(engine)]
    assert main(["config", "list", *db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in listed] == [key.name for key in KEYS]
    frequency = next(row for row in listed if row["name"] == "FREQUENCY")
    assert (frequency["value"], frequency["min"], frequency["column"]) == (0, -1, "IVALUE")
    assert main(["config", "list", *db, "--group", "Deployment"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("Deployment") for line in lines)
    assert any(" DOWNLOAD " in line for line in lines)

    assert main(["config", "set", *db, "frequency", "1", "PROLOG_FREQ", "12",
                 "SCAN_TYPE_IPDISCOVER", "nmap"]) == 0  # fmt: skip
    assert "FREQUENCY = 1" in capsys.readouterr().out
    assert _config(engine, "FREQUENCY")[0] == 1 and _config(engine, "PROLOG_FREQ")[0] == 12
    assert _config(engine, "SCAN_TYPE_IPDISCOVER")[1] == "NMAP"  # missing row inserted
    assert main(["config", "get", *db, "PROLOG_FREQ"]) == 0
    assert capsys.readouterr().out.strip() == "12"

    # All or nothing: the valid first pair is not written either.
    assert main(["config", "set", *db, "FREQUENCY", "4", "PROLOG_FREQ", "0"]) == 1
    assert "PROLOG_FREQ: 0 is below the minimum 1" in capsys.readouterr().err
    assert _config(engine, "FREQUENCY")[0] == 1
    assert main(["config", "set", *db, "NOPE", "1"]) == 1
    assert "not a configuration key" in capsys.readouterr().err
    assert main(["config", "set", *db, "FREQUENCY"]) == 1

    assert main(["config", "reset", *db, "PROLOG_FREQ", "FREQUENCY"]) == 0
    assert _config(engine, "PROLOG_FREQ")[0] == 24 and _config(engine, "FREQUENCY")[0] == 0


def test_overrides(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", _url(engine)]
    pc = _machine(engine, "pc")
    team = _group(engine, "team", {pc: 1})
    assert main(["config", "set", *db, "FREQUENCY", "5"]) == 0
    assert main(["config", "override", "set", *db, "--group", "team", "FREQUENCY", "2"]) == 0
    assert main(["config", "override", "set", *db, "--machine", str(pc), "PROLOG_FREQ", "3"]) == 0
    assert _devices(engine, team) == {"FREQUENCY": (2, None)}
    assert _devices(engine, pc) == {"PROLOG_FREQ": (3, None)}
    capsys.readouterr()
    assert main(["config", "override", "show", *db, "--machine", str(pc)]) == 0
    shown = capsys.readouterr().out
    assert f"effective 2 (group #{team})" in shown
    assert "effective 3 (machine)" in shown
    assert main(["config", "override", "set", *db, "--machine", str(pc), "FREQUENCY", "-9"]) == 1
    assert "below the minimum" in capsys.readouterr().err
    assert main(["config", "override", "set", *db, "--group", "nope", "FREQUENCY", "1"]) == 1
    assert main(["config", "override", "set", *db, "--machine", str(team), "FREQUENCY", "1"]) == 1
    assert main(["config", "override", "clear", *db, "--group", "team", "FREQUENCY"]) == 0
    assert _devices(engine, team) == {}


def test_assign_warns_when_download_is_off(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", _url(engine)]
    store, download = tmp_path / "store", tmp_path / "download"
    download.mkdir()
    _recorded(engine, store, "1700000050")
    pc, other = _machine(engine, "pc"), _machine(engine, "other")
    assert main(["package", "activate", *db, "1700000050", "--info-loc", "srv/download",
                 "--pack-loc", "srv/download", "--download-dir", str(download),
                 "--store", str(store), "--no-check", "--quiet"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["package", "assign", *db, "1700000050", "--machine", "pc"]) == 0
    assert "DOWNLOAD) is off for the whole server" in capsys.readouterr().err
    assert main(["config", "set", *db, "DOWNLOAD", "1"]) == 0
    assert main(["config", "override", "set", *db, "--machine", str(other),
                 "DOWNLOAD_SWITCH", "0"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["package", "assign", *db, "1700000050", "--machine", "pc"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert main(["package", "assign", *db, "1700000050", "--machine", "other"]) == 0
    assert f"switched off (DOWNLOAD_SWITCH 0) for #{other}" in capsys.readouterr().err
    assert pc != other
