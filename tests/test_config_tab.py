"""The Configuration tab and the Deployment page's DOWNLOAD warning, real widgets offscreen.

Values are typed into the editors and applied through the worker; the database is read
back with plain SQL (SQLite and MariaDB).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet.config_keys import KEYS, ConfigValueError, config_key
from ocs_desktop.views import i18n
from ocs_desktop.views.admin.config_tab import ConfigTab, refusal_text, tr_key
from ocs_desktop.views.admin.page import AdministrationPage
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.page import DeploymentPage
from ocs_desktop.views.qt import QtWidgets
from tests.test_views_deployment import make_settings


@pytest.fixture
def context(engine: Engine, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    context = ConsoleContext(engine, "test", make_settings(tmp_path))
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(20_000)


def _ivalue(engine: Engine, name: str) -> object:
    with engine.connect() as conn:
        return conn.execute(text("SELECT IVALUE FROM config WHERE NAME = :n"), {"n": name}).scalar()


_PAGES: list[AdministrationPage] = []  # kept alive for the test's duration


def _tab(context: ConsoleContext, qtbot: QtBot) -> ConfigTab:
    page = AdministrationPage(context)
    qtbot.addWidget(page)
    _PAGES[:] = [page]
    tab = page.tab("config")
    assert isinstance(tab, ConfigTab)
    qtbot.waitUntil(lambda: bool(tab.values), timeout=20_000)
    return tab


def test_change_a_value_and_apply(context: ConsoleContext, engine: Engine, qtbot: QtBot) -> None:
    tab = _tab(context, qtbot)
    assert set(tab.editors) == {key.name for key in KEYS}
    assert not tab.apply_button.isEnabled()
    frequency = tab.editors["FREQUENCY"].widget
    assert isinstance(frequency, QtWidgets.QLineEdit) and frequency.text() == "0"
    frequency.selectAll()
    qtbot.keyClicks(frequency, "7")
    download = tab.editors["DOWNLOAD"].widget
    assert isinstance(download, QtWidgets.QCheckBox) and not download.isChecked()
    download.click()
    assert tab.apply_button.isEnabled()
    with qtbot.waitSignal(tab.applied, timeout=20_000) as applied:
        tab.apply_button.click()
    assert applied.args == [2]
    assert _ivalue(engine, "FREQUENCY") == 7 and _ivalue(engine, "DOWNLOAD") == 1
    qtbot.waitUntil(lambda: tab.values["FREQUENCY"].value == 7, timeout=20_000)
    assert not tab.apply_button.isEnabled()
    # Default button, then Revert: the editor is back to the stored value.
    tab.editors["FREQUENCY"].default_button.click()
    assert frequency.text() == "0" and tab.revert_button.isEnabled()
    tab.revert_button.click()
    assert frequency.text() == "7" and not tab.apply_button.isEnabled()


def test_invalid_value_is_refused(context: ConsoleContext, engine: Engine, qtbot: QtBot) -> None:
    tab = _tab(context, qtbot)
    prolog = tab.editors["PROLOG_FREQ"].widget
    assert isinstance(prolog, QtWidgets.QLineEdit)
    prolog.selectAll()
    qtbot.keyClicks(prolog, "0")
    assert tab.apply() is False
    assert "PROLOG_FREQ" in tab.message.text() and "1" in tab.message.text()
    context.runner.wait_idle(5_000)
    assert _ivalue(engine, "PROLOG_FREQ") == 24


def test_refusals_and_descriptions_in_french(qtbot: QtBot) -> None:
    i18n.ensure_compiled()
    try:
        assert i18n.install_translators("fr") == "fr"
        with pytest.raises(ConfigValueError) as caught:
            config_key("PROLOG_FREQ").validate("0")
        assert refusal_text(caught.value) == "PROLOG_FREQ : 0 est inférieur au minimum 1"
        untranslated = [key.name for key in KEYS if tr_key(key.description) == key.description]
        assert untranslated == []
        assert tr_key("Deployment") == "Déploiement"
    finally:
        i18n.remove_translators()


def test_deployment_warning_turns_download_on(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    page = DeploymentPage(context)
    qtbot.addWidget(page)
    page.show()
    warning = page.download_warning
    qtbot.waitUntil(warning.isVisible, timeout=20_000)
    assert "DOWNLOAD=0" in warning.text.text() and warning.button.isVisible()
    warning.button.click()
    # Not ``checked``: the check the page started when shown may answer after the click.
    qtbot.waitUntil(lambda: _ivalue(engine, "DOWNLOAD") == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=20_000)


def test_machine_overrides_show_value_and_source(
    context: ConsoleContext, engine: Engine, qtbot: QtBot
) -> None:
    from ocs_desktop.fleet.config_edit import write_changes
    from ocs_desktop.fleet.groups import add_members, create_static_group
    from ocs_desktop.fleet.overrides import set_override
    from ocs_desktop.views.fleet.machine_overrides import MachineOverrides

    with engine.begin() as conn:
        write_changes(conn, {"FREQUENCY": 3, "DOWNLOAD": 1})
        pc = int(
            conn.execute(
                text("INSERT INTO hardware (DEVICEID, NAME) VALUES ('pc-1', 'pc')")
            ).lastrowid
        )
        team = create_static_group(conn, "team")
        add_members(conn, team, [pc])
        set_override(conn, team, "FREQUENCY", 1)
        set_override(conn, pc, "DOWNLOAD_SWITCH", 0)
    box = MachineOverrides(context)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.loaded, timeout=20_000):
        box.show_machine(pc)
    table = box.table

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        assert item is not None
        return item.text()

    rows = {cell(r, 0): (cell(r, 1), cell(r, 2)) for r in range(table.rowCount())}
    assert rows["FREQUENCY"] == ("1", "group team")
    assert rows["DOWNLOAD_SWITCH"] == ("0", "machine")
    assert rows["PROLOG_FREQ"] == ("24", "server")
