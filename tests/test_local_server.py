"""Standalone mode: the console starts a real server on its database; a real agent reports.

The server is the real ``ocs-desktop serve`` in its own process (started by the console's
Server menu), the agent Debian's ``ocsinventory-agent``; the status bar must count the
machine, and closing the console must leave no server behind.
"""

from __future__ import annotations

import os
import ssl
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from ocs_desktop.cli import common as cli_common
from ocs_desktop.cli.main import build_parser
from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.models import Hardware
from ocs_desktop.views import local_server
from ocs_desktop.views.admin.certificates_tab import CERT_DIR
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.local_server import LocalServerOptions
from ocs_desktop.views.local_server_dialog import LocalServerDialog
from ocs_desktop.views.main_window import MainWindow
from ocs_desktop.views.qt import QtGui
from tests.support.agent import run_agent
from tests.support.agent_linux import cert_init
from tests.support.console_context import console_settings
from tests.support.live_server import free_port

START_TIMEOUT_MS = 90_000


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def window(embedded: Engine, tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    context = ConsoleContext(embedded, "embedded", console_settings(tmp_path))
    window = MainWindow(context)
    qtbot.addWidget(window)
    yield window
    window.server_control.shutdown()
    context.runner.cancel_all()
    assert context.runner.wait_idle(10_000)


def health(url: str, context: ssl.SSLContext | None = None) -> int:
    base = url.removesuffix("/ocsinventory")
    with urllib.request.urlopen(f"{base}/health", timeout=10, context=context) as answer:
        return int(answer.status)


def start(window: MainWindow, qtbot: QtBot, dialog: LocalServerDialog) -> list[str]:
    control = window.server_control
    with qtbot.waitSignal(control.server.started, timeout=START_TIMEOUT_MS) as started:
        control.start(dialog.options())
    return list(started.args[0])


def test_the_database_url_travels_by_the_environment() -> None:
    assert local_server.DB_ENV == cli_common.DB_ENV
    os.environ[cli_common.DB_ENV] = "/tmp/from-env.sqlite"
    try:
        args = build_parser().parse_args(["serve", "--port", "1"])
    finally:
        del os.environ[cli_common.DB_ENV]
    assert args.db == "/tmp/from-env.sqlite"
    options = LocalServerOptions(host="127.0.0.1", http_port=8080)
    assert "--db" not in options.arguments()
    assert options.urls("pc-admin") == ["http://pc-admin:8080/ocsinventory"]


def test_the_console_serves_a_real_agent_and_stops_with_it(
    window: MainWindow, embedded: Engine, tmp_path: Path, qtbot: QtBot
) -> None:
    control = window.server_control
    assert control.start_action.isEnabled() and not control.stop_action.isEnabled()
    dialog = LocalServerDialog(window.context.settings, window)
    dialog.host_combo.setCurrentIndex(1)  # this computer only: a test never listens on the LAN
    dialog.http_port.setValue(free_port())
    dialog.https_check.setChecked(False)
    urls = start(window, qtbot, dialog)
    assert urls == [f"http://127.0.0.1:{dialog.http_port.value()}/ocsinventory"]
    assert control.stop_action.isEnabled() and not control.start_action.isEnabled()
    assert health(urls[0]) == 200
    assert control.copy_address() == urls[0] == QtGui.QGuiApplication.clipboard().text()

    done = run_agent(urls[0].removesuffix("/ocsinventory"), tmp_path / "agent")
    assert done.returncode == 0, done.stdout + done.stderr
    with qtbot.waitSignal(control.server.inventoriesChanged, timeout=20_000) as counted:
        pass
    assert counted.args[0] == 1
    with embedded.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Hardware)).scalar_one() == 1
    assert urls[0] in control.label.text() and "1 machine" in control.label.text()

    process = control.server.process
    assert process is not None
    pid = process.processId()
    with qtbot.waitSignal(control.server.stopped, timeout=30_000) as stopped:
        window.close()
    assert stopped.args == [True]
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
    with pytest.raises(OSError):
        health(urls[0])


def test_https_with_the_certificates_of_cert_init(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    certs = cert_init(tmp_path / "tls")
    window.context.settings.set(CERT_DIR, str(certs))
    dialog = LocalServerDialog(window.context.settings, window)
    assert dialog.https_check.isChecked(), "cert init made a server certificate: HTTPS is offered"
    assert dialog.cert_edit.text() == str(certs / "server.pem")
    dialog.host_combo.setCurrentIndex(1)
    dialog.http_port.setValue(free_port())
    dialog.https_port.setValue(free_port())
    urls = start(window, qtbot, dialog)
    assert urls[0].startswith("https://127.0.0.1:") and urls[1].startswith("http://")
    verified = ssl.create_default_context(cafile=str(certs / "cacert.pem"))
    assert health(urls[0], verified) == 200
    assert health(urls[1]) == 200
    with qtbot.waitSignal(window.server_control.server.stopped, timeout=30_000):
        window.server_control.stop()
    assert not window.server_control.label.isVisible()


def test_the_dialog_refuses_what_cannot_start(window: MainWindow, tmp_path: Path) -> None:
    dialog = LocalServerDialog(window.context.settings, window)
    dialog.https_check.setChecked(True)
    dialog.cert_edit.setText(str(tmp_path / "missing.pem"))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "certificate" in dialog.error_label.text()
    dialog.https_port.setValue(dialog.http_port.value())
    dialog.accept()
    assert dialog.error_label.text() == "HTTP and HTTPS need two different ports."
    dialog.https_check.setChecked(False)
    dialog.http_port.setValue(18_080)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = LocalServerDialog(window.context.settings, window)
    assert again.http_port.value() == 18_080 and not again.https_check.isChecked()


def test_a_server_that_cannot_listen_says_why(window: MainWindow, qtbot: QtBot) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        dialog = LocalServerDialog(window.context.settings, window)
        dialog.host_combo.setCurrentIndex(1)
        dialog.https_check.setChecked(False)
        dialog.http_port.setValue(taken.getsockname()[1])
        control = window.server_control
        with qtbot.waitSignal(window.context.error, timeout=START_TIMEOUT_MS) as error:
            control.start(dialog.options())
        assert "cannot listen" in error.args[0]
        qtbot.waitUntil(lambda: not control.server.running, timeout=10_000)
        assert control.start_action.isEnabled() and not control.label.isVisible()


def test_start_with_the_console_when_asked(window: MainWindow, qtbot: QtBot) -> None:
    control = window.server_control
    assert control.start_if_asked() is False, "nothing asked yet"
    dialog = LocalServerDialog(window.context.settings, window, control.database())
    dialog.host_combo.setCurrentIndex(1)
    dialog.https_check.setChecked(False)
    dialog.http_port.setValue(free_port())
    dialog.autostart_check.setChecked(True)
    dialog.accept()
    other = LocalServerDialog.saved_options(window.context.settings, "sqlite:////elsewhere.sqlite")
    assert other is None, "only on the database it was asked for"
    with qtbot.waitSignal(control.server.started, timeout=START_TIMEOUT_MS) as started:
        assert control.start_if_asked() is True
    assert started.args[0] == [f"http://127.0.0.1:{dialog.http_port.value()}/ocsinventory"]
    assert "password" not in control.database() or "***" in control.database()
