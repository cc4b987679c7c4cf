"""The 'Scan this subnet now' dialog, a real widget.

In this process (pytest-qt, offscreen) it is only asked to scan what it must refuse, so
no packet leaves: a public subnet, a subnet without a mask, nothing ticked; and it offers
the fleet's subnets unticked. The scans themselves run the same dialog in a process
started inside a test namespace (``tests/support/scan_dialog_runner.py``), where the
only reachable hosts are the segment's: a full scan with its summary in English and in
French, and a cancelled one that writes nothing.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert

from ocs_desktop.models import Base
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_page import NetworkPage
from ocs_desktop.views.fleet.network_scan_dialog import NetworkScanDialog
from ocs_desktop.views.qt import Qt
from tests.support.builders import count
from tests.support.netns import Segment, require_namespaces, segment
from tests.support.upload_fixtures import sqlite_engine

NETMAP = Base.metadata.tables["netmap"]
ROOT = Path(__file__).resolve().parents[1]

__all__ = ["sqlite_engine"]  # the fixture, imported for pytest


def _dialog(qtbot: QtBot, engine: Engine, netid: str, mask: str | None, **kw: Any):
    context = ConsoleContext(engine, "scan under test")
    dialog = NetworkScanDialog(context, netid, mask, **kw)
    qtbot.addWidget(dialog)
    return context, dialog


def test_a_public_subnet_is_refused_before_anything_is_sent(
    qtbot: QtBot, sqlite_engine: Engine
) -> None:
    context, dialog = _dialog(qtbot, sqlite_engine, "8.8.8.0", "255.255.255.0", subnets=[])
    assert dialog.picked() == ["8.8.8.0/24"]
    assert dialog.start() is None
    assert context.runner.active_count() == 0
    assert not dialog.message.isHidden()
    assert "8.8.8.0/24 is not a private network" in dialog.message.text()
    assert dialog.scan_button.isEnabled()


def test_a_subnet_wider_than_a_slash_16_is_refused(qtbot: QtBot, sqlite_engine: Engine) -> None:
    context, dialog = _dialog(qtbot, sqlite_engine, "10.0.0.0", "255.0.0.0", subnets=[])
    assert dialog.start() is None
    assert "10.0.0.0/8 is wider than a /16" in dialog.message.text()
    assert context.runner.active_count() == 0


def test_a_subnet_without_mask_cannot_be_ticked(qtbot: QtBot, sqlite_engine: Engine) -> None:
    context, dialog = _dialog(qtbot, sqlite_engine, "10.1.2.0", None, subnets=[])
    item = dialog.subnets.item(0)
    assert "no mask known" in item.text()
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert dialog.picked() == []
    assert dialog.start() is None
    assert dialog.message.text() == "No subnet was picked."
    assert context.runner.active_count() == 0


def test_the_fleet_subnets_are_offered_unticked(qtbot: QtBot, sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as conn:
        for mac, ip, netid, mask in (
            ("02:00:00:00:01:01", "10.1.2.5", "10.1.2.0", "255.255.255.0"),
            ("02:00:00:00:01:02", "192.168.4.9", "192.168.4.0", "255.255.254.0"),
        ):
            conn.execute(insert(NETMAP).values(MAC=mac, IP=ip, NETID=netid, MASK=mask))
    context, dialog = _dialog(qtbot, sqlite_engine, "10.1.2.0", "255.255.255.0")
    qtbot.waitUntil(lambda: dialog.subnets.count() == 2, timeout=10_000)
    texts = [dialog.subnets.item(row).text() for row in range(2)]
    assert texts == ["10.1.2.0/24 (254 address(es))", "192.168.4.0/23 (510 address(es))"]
    assert dialog.picked() == ["10.1.2.0/24"]
    dialog.subnets.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.picked() == ["10.1.2.0/24", "192.168.4.0/23"]
    context.runner.wait_idle()


def test_the_network_page_opens_it_on_its_selected_subnet(
    qtbot: QtBot, sqlite_engine: Engine
) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(
            insert(NETMAP).values(
                MAC="02:00:00:00:02:01", IP="10.7.0.5", NETID="10.7.0.0", MASK="255.255.255.0"
            )
        )
    context = ConsoleContext(sqlite_engine, "scan under test")
    page = NetworkPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    dialog = page.ask_scan()
    assert isinstance(dialog, NetworkScanDialog)
    qtbot.addWidget(dialog)
    assert dialog.picked() == ["10.7.0.0/24"]
    dialog.reject()
    context.runner.wait_idle()


# -- scans, inside a namespace ----------------------------------------------------------
@pytest.fixture
def lan() -> Iterator[Segment]:
    require_namespaces()
    with segment(4) as made:
        yield made


def _run_dialog(lan: Segment, db: Path, *extra: str) -> dict[str, Any]:
    done = lan.hosts[0].run(
        sys.executable,
        "-m",
        "tests.support.scan_dialog_runner",
        str(db),
        lan.netid,
        lan.mask,
        *extra,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


@pytest.mark.slow
def test_the_dialog_scans_the_segment_then_cancels_without_writing(
    lan: Segment, sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    db = Path(str(sqlite_engine.url.database))
    shots = Path(os.environ.get("OCS_NETNS_SHOTS") or tmp_path)  # review copies when set
    shots.mkdir(parents=True, exist_ok=True)
    for name in ("scan-dialog-en.png", "scan-dialog-fr.png"):
        (shots / name).unlink(missing_ok=True)
    others = lan.hosts[1:]

    cancelled = _run_dialog(lan, db, "--cancel")
    assert cancelled["started"] and cancelled["busy_after_start"]
    assert cancelled["status"] == "Scan cancelled; nothing was written."
    assert 0 < cancelled["progress"][0] < cancelled["progress"][1] == 254
    assert cancelled["scan_enabled"]
    assert count(sqlite_engine, "netmap") == 0

    shown = _run_dialog(lan, db, "--shot", str(shots / "scan-dialog-en.png"))
    assert shown["status"] == "3 hosts found\n3 new in the network map"  # English plurals
    assert shown["progress"] == [254, 254]
    assert shown["hosts"] == [[host.ip, host.mac] for host in others]
    assert count(sqlite_engine, "netmap") == 3

    french = _run_dialog(lan, db, "--lang", "fr", "--shot", str(shots / "scan-dialog-fr.png"))
    assert french["status"] == "3 hôtes trouvés\n0 nouveau dans la carte du réseau"
    assert (shots / "scan-dialog-en.png").stat().st_size > 0
    assert (shots / "scan-dialog-fr.png").stat().st_size > 0
