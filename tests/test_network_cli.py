"""``ocs-desktop network`` on SQLite and MariaDB, driven as a script drives it: the
outputs, the exit codes of refusals, and the rows checked with the OCS console's SQL."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.cli.main import main
from tests.support import ocs_ipdiscover_queries as ocs
from tests.support.ipdiscover import elections
from tests.support.network_page_fleet import (
    MASK,
    PRINTER,
    UNKNOWN_A,
    UNKNOWN_B,
    A,
    B,
    NetworkFleet,
    build_network_fleet,
)


@pytest.fixture
def cli(engine: Engine) -> tuple[Engine, NetworkFleet, str]:
    fleet = build_network_fleet(engine)
    return engine, fleet, engine.url.render_as_string(hide_password=False)


def _run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["network", *args[:1], *_db(args, url)])
    out, err = capsys.readouterr()
    return code, out, err


def _db(args: tuple[str, ...], url: str) -> list[str]:
    """The action's words, then --db, then the rest (nested actions keep two words)."""
    nested = args[0] in ("types", "blacklist")
    head = list(args[1:2]) if nested else []
    rest = list(args[2:] if nested else args[1:])
    return [*head, "--db", url, *rest]


def test_subnets_json_and_table(
    cli: tuple[Engine, NetworkFleet, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, fleet, url = cli
    code, out, _ = _run(capsys, url, "subnets", "--json")
    assert code == 0
    rows = {
        r["netid"]: (r["inventoried"], r["non_inventoried"], r["identified"], r["elected"])
        for r in json.loads(out)
    }
    assert rows == fleet.counts
    code, out, _ = _run(capsys, url, "subnets")
    assert code == 0 and "Head office" in out and "5 non-inventoried host(s)" in out


def test_hosts_csv_and_json(
    cli: tuple[Engine, NetworkFleet, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, fleet, url = cli
    code, out, _ = _run(capsys, url, "hosts", "--subnet", A, "--csv")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["mac"] for r in table] == list(UNKNOWN_A)
    code, out, _ = _run(capsys, url, "hosts", "--subnet", B, "--kind", "elected", "--json")
    assert [(h["hardware_id"], h["election"]) for h in json.loads(out)] == [(fleet.ids["pc-b1"], 2)]


def test_identify_types_name_blacklist_delete_purge(
    cli: tuple[Engine, NetworkFleet, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    engine, _, url = cli
    assert _run(capsys, url, "types", "add", "Camera")[0] == 0
    mac = UNKNOWN_A[1]
    code, out, _ = _run(
        capsys,
        url,
        "identify",
        mac.upper(),
        "--type",
        "Camera",
        "--description",
        "Door",
        "--user",
        "eve",
    )
    assert code == 0 and "Camera" in out
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.IDENTIFICATION, mac=mac) == [("Door", "Camera", mac, "eve")]
    assert _run(capsys, url, "types", "rename", "Camera", "Cam")[0] == 0
    code, _, err = _run(capsys, url, "types", "delete", "Cam")
    assert code == 1 and "identified device" in err
    code, out, _ = _run(capsys, url, "types", "list")
    assert "Cam\t1 device(s)" in out

    assert _run(capsys, url, "subnet-name", B, "Warehouse", "--mask", MASK)[0] == 0
    with engine.connect() as conn:
        assert ocs.rows(conn, ocs.SUBNET_NAME, netid=B) == [("Warehouse", MASK, None)]

    assert _run(capsys, url, "blacklist", "add", B, MASK)[0] == 0
    code, out, _ = _run(capsys, url, "blacklist", "list")
    assert f"{B}\t{MASK}" in out
    code, _, err = _run(capsys, url, "blacklist", "add", "10.2.0.1", MASK)
    assert code == 1 and "not the network address" in err
    assert _run(capsys, url, "blacklist", "remove", B, MASK)[0] == 0

    assert _run(capsys, url, "delete", PRINTER)[0] == 0
    with engine.connect() as conn:
        assert ocs.counts(conn, A) == (2, 2, 1, 1)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE netmap SET DATE = :old WHERE NETID = :b"),
            {"old": "2001-01-01 00:00:00", "b": B},
        )
    code, out, _ = _run(capsys, url, "purge", "--older-than", "30")
    assert code == 0 and out.startswith(f"{len(UNKNOWN_B)} host(s)")


def test_elect_and_refusals(
    cli: tuple[Engine, NetworkFleet, str], capsys: pytest.CaptureFixture[str]
) -> None:
    engine, fleet, url = cli
    a2 = str(fleet.ids["pc-a2"])
    code, out, _ = _run(capsys, url, "elect", a2, "force")
    assert code == 0 and f"forced to scan {A}" in out
    assert elections(engine)[fleet.ids["pc-a2"]] == (2, A)
    assert _run(capsys, url, "elect", a2, "release")[0] == 0
    assert fleet.ids["pc-a2"] not in elections(engine)
    code, _, err = _run(
        capsys, url, "identify", "not-a-mac", "--type", "Printer", "--description", "x"
    )
    assert code == 1 and "not a MAC address" in err
    code, _, err = _run(capsys, url, "elect", "424242", "forbid")
    assert code == 1 and "no machine" in err
    code, _, err = _run(capsys, url, "purge", "--older-than", "0")
    assert code == 1
