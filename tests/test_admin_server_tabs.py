"""Administration > Certificates and Server status, driven offscreen through the worker.

Real certificates of ``cert init``, a real ``serve`` process on HTTPS and HTTP, a real
SQLite database; what the tabs show is compared with files and rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert

from ocs_desktop import __version__
from ocs_desktop.common.cert_admin import describe
from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.models import Base
from ocs_desktop.server.certs import init_certificates
from ocs_desktop.views.admin.certificates_tab import CERT_DIR, CertificatesTab
from ocs_desktop.views.admin.page import AdministrationPage
from ocs_desktop.views.admin.server_tab import SERVER_PROFILES, ServerTab
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.worker import Task
from tests.support.console_context import checked_context, console_settings
from tests.support.dual_server import dual_server

WAIT = 20_000
T = Base.metadata.tables


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    path = str(tmp_path / "ocsweb.sqlite")
    engine = create_engine_for(normalize_url(path))
    init_database(engine)
    yield path, engine
    engine.dispose()


@pytest.fixture
def certs(tmp_path: Path) -> Path:
    init_certificates(tmp_path / "tls", "localhost", ["127.0.0.1"])
    return tmp_path / "tls"


@pytest.fixture
def context(qtbot: QtBot, db: tuple[str, Engine], tmp_path: Path) -> Iterator[ConsoleContext]:
    with checked_context(db[1], "fleet under test", console_settings(tmp_path)) as context:
        yield context


def _wait(qtbot: QtBot, task: Task | None) -> None:
    assert task is not None
    if task.running:
        with qtbot.waitSignal(task.finished, timeout=WAIT):
            pass


def _page(qtbot: QtBot, context: ConsoleContext) -> AdministrationPage:
    page = AdministrationPage(context)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    return page


def test_certificates_tab_shows_renews_exports_and_refuses(
    qtbot: QtBot, context: ConsoleContext, certs: Path, tmp_path: Path
) -> None:
    context.settings.set(CERT_DIR, str(certs))
    page = _page(qtbot, context)  # qtbot holds widgets weakly
    tab = page.tab("certificates")
    assert isinstance(tab, CertificatesTab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=WAIT)
    server = describe(certs)[1]
    assert tab.table.item(1, 5).text().replace("\n", ":") == server.sha256
    assert tab.table.item(1, 2).text() == "DNS:localhost\nIP:127.0.0.1"
    assert tab.warning.isHidden()

    _wait(qtbot, tab.renew(days=12))
    renewed = describe(certs)[1]
    assert renewed.sha256 != server.sha256 and renewed.days_left in (11, 12)
    assert not tab.warning.isHidden()
    assert f"expires in {renewed.days_left} days" in tab.warning.text()
    assert tab.table.item(1, 4).text() == str(renewed.days_left)

    _wait(qtbot, tab.export(tmp_path / "given.pem"))
    assert (tmp_path / "given.pem").read_bytes() == (certs / "ca.pem").read_bytes()

    before = (certs / "server.key").read_bytes()
    _wait(qtbot, tab.import_files("server", certs / "server.pem", certs / "ca.key", None))
    assert tab.result.text().startswith("Refused:")
    assert "does not belong" in tab.result.text()
    assert (certs / "server.key").read_bytes() == before


def test_certificates_tab_without_folder(qtbot: QtBot, context: ConsoleContext) -> None:
    tab = CertificatesTab(context)
    qtbot.addWidget(tab)
    assert tab.table.rowCount() == 0
    assert not tab.renew_button.isEnabled()
    assert "cert init" in tab.result.text()


def test_server_tab_probes_health_with_verification(
    qtbot: QtBot, context: ConsoleContext, db: tuple[str, Engine], certs: Path, tmp_path: Path
) -> None:
    path, engine = db
    now = dt.datetime.now().replace(microsecond=0)
    with engine.begin() as conn:
        for i, when in enumerate((now - dt.timedelta(minutes=10), now - dt.timedelta(hours=3))):
            conn.execute(insert(T["hardware"]).values(DEVICEID=f"pc-{i}", NAME=f"pc-{i}",
                                                      LASTDATE=when, LASTCOME=when))  # fmt: skip
    page = _page(qtbot, context)
    tab = page.tab("server")
    assert isinstance(tab, ServerTab)
    qtbot.waitUntil(lambda: tab.state is not None, timeout=WAIT)
    assert tab.inventories_label.text() == "1"
    assert "No server URL" in tab.health_label.text()
    with dual_server(path, tmp_path, certs) as server:
        tab.url.setText(server.https_url)
        _wait(qtbot, tab.refresh())  # no CA file: the private CA is not trusted
        assert tab.state is not None and tab.state.health is not None
        assert not tab.state.health.ok and tab.state.health.http_status is None
        assert tab.health_label.text().startswith("Unreachable")
        tab.ca_file.setText(str(certs / "cacert.pem"))
        _wait(qtbot, tab.save())
        assert tab.state.health is not None and tab.state.health.ok
        assert tab.health_label.text() == "OK (HTTP 200)"
        assert tab.version_label.text() == __version__
        tab.url.setText(server.http_url + "/ocsinventory")
        _wait(qtbot, tab.refresh())
        assert tab.state.health is not None and tab.state.health.ok
    _wait(qtbot, tab.refresh())  # the server is gone
    assert tab.health_label.text().startswith("Unreachable")
    saved = context.settings.get(SERVER_PROFILES)["fleet under test"]
    assert saved == {"url": server.https_url, "ca_file": str(certs / "cacert.pem")}
    again = ServerTab(context)
    qtbot.addWidget(again)
    assert again.url.text() == server.https_url
    _wait(qtbot, again._task)
