"""The Operators tab of the Administration page: real widgets offscreen, SQLite and MariaDB.

Operators are created, edited, disabled, deleted and given perimeters through the tab's
worker writes; the database is read back with the core. Refusals of the core (the last
super administrator, a wrong current password) come back translated, nothing written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from ocs_desktop.fleet.operator_profiles import list_perimeter
from ocs_desktop.fleet.operators import OPERATORS, get_operator, list_operators
from ocs_desktop.server.operator_auth import authenticate
from ocs_desktop.views import i18n
from ocs_desktop.views.admin.operator_dialogs import (
    OperatorDialog,
    OperatorFields,
    PasswordDialog,
    PerimeterDialog,
    profile_label,
    refusal_text,
)
from ocs_desktop.views.admin.operators_tab import OperatorsTab
from ocs_desktop.views.admin.page import AdministrationPage
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtWidgets
from tests.test_views_deployment import make_settings


@pytest.fixture
def context(engine: Engine, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    context = ConsoleContext(engine, "test", make_settings(tmp_path))
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(20_000)


@pytest.fixture
def tab(context: ConsoleContext, qtbot: QtBot) -> Iterator[OperatorsTab]:
    page = AdministrationPage(context)  # held here: qtbot only keeps a weak reference
    qtbot.addWidget(page)
    found = page.tab("operators")
    assert isinstance(found, OperatorsTab)
    qtbot.waitUntil(lambda: found.model.rowCount() > 0, timeout=20_000)
    yield found
    page.close()


def _wait(tab: OperatorsTab, qtbot: QtBot, write) -> str:  # type: ignore[no-untyped-def]
    """Run ``write()`` and wait for the table to be read again; the tab's message."""
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        write()
    return tab.message.text()


def _cells(tab: OperatorsTab) -> list[list[str]]:
    model = tab.model
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _fields(login: str, profile: str, password: str = "Pw-1234", **names: str) -> OperatorFields:
    return OperatorFields(login, names.get("first"), names.get("last"), names.get("email"), None,
                          profile, password)  # fmt: skip


def test_the_table_shows_operators_never_passwords(
    tab: OperatorsTab, engine: Engine, qtbot: QtBot
) -> None:
    assert [h for h in tab.model.labels()] == ["Login", "Name", "Profile", "State", "TAG perimeter"]
    assert _cells(tab) == [
        ["admin", "admin admin", "Super administrator (sadmin)", "Enabled", "(every machine)"]
    ]
    message = _wait(tab, qtbot, lambda: tab.add_operator(_fields("loc", "ladmin", first="Lou")))
    assert message == "Operator loc created."
    assert _cells(tab)[1] == ["loc", "Lou", "Local administrator (ladmin)", "Enabled",
                              "(no machine)"]  # fmt: skip
    every = " ".join(" ".join(row) for row in _cells(tab))
    assert "Pw-1234" not in every and hashlib.sha256(b"Pw-1234").hexdigest() not in every


def test_create_edit_disable_perimeter_delete(
    tab: OperatorsTab, engine: Engine, qtbot: QtBot
) -> None:
    _wait(tab, qtbot, lambda: tab.add_operator(_fields("loc", "ladmin")))
    with engine.connect() as conn:
        assert authenticate(conn, "loc", "Pw-1234") is not None
    assert tab.select("loc") and tab.state_button.text() == "Disable"
    _wait(tab, qtbot, lambda: tab.edit(_fields("loc", "read-only", "", email="l@x.org")))
    with engine.connect() as conn:
        info = get_operator(conn, "loc")
    assert (info.profile, info.email) == ("read-only", "l@x.org")
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        tab.state_button.click()  # the selection stays on loc
    assert tab.message.text() == "Operator loc disabled."
    assert tab.state_button.text() == "Enable" and _cells(tab)[1][3] == "Disabled"
    with engine.connect() as conn:
        assert authenticate(conn, "loc", "Pw-1234") is None
    _wait(tab, qtbot, lambda: tab.set_disabled("loc", False))
    _wait(tab, qtbot, lambda: tab.edit(_fields("loc", "ladmin", "")))
    assert _wait(tab, qtbot, lambda: tab.change_perimeter("loc", "PAR*", True)) == (
        "PAR* added to the perimeter of loc."
    )
    _wait(tab, qtbot, lambda: tab.change_perimeter("loc", "SITE?", True))
    assert _cells(tab)[1][4] == "PAR*, SITE?"
    _wait(tab, qtbot, lambda: tab.change_perimeter("loc", "PAR*", False))
    with engine.connect() as conn:
        assert list_perimeter(conn, "loc") == ["SITE?"]
    assert _wait(tab, qtbot, lambda: tab.delete("loc")) == "Operator loc deleted."
    with engine.connect() as conn:
        assert [op.login for op in list_operators(conn)] == ["admin"]
        assert list_perimeter(conn, "loc") == []


def test_refusals_are_shown_and_nothing_is_written(
    tab: OperatorsTab, engine: Engine, qtbot: QtBot
) -> None:
    with engine.connect() as conn:
        before = conn.execute(select(OPERATORS)).all()
    assert _wait(tab, qtbot, lambda: tab.delete("admin")) == refusal_text("last_super_admin")
    assert "last enabled super administrator" in tab.message.text()
    assert _wait(tab, qtbot, lambda: tab.set_disabled("admin", True)) == refusal_text(
        "last_super_admin"
    )
    assert _wait(tab, qtbot, lambda: tab.add_operator(_fields("ADMIN", "admin"))) == (
        "An operator with this login already exists."
    )
    assert _wait(tab, qtbot, lambda: tab.change_password("admin", "n3w", old="wrong")) == (
        "The current password is wrong: nothing changed."
    )
    with engine.connect() as conn:
        assert conn.execute(select(OPERATORS)).all() == before
    assert _wait(tab, qtbot, lambda: tab.change_password("admin", "n3w-pw", old="admin")) == (
        "Password of admin changed."
    )
    with engine.connect() as conn:
        assert authenticate(conn, "admin", "n3w-pw") is not None


def test_password_dialogs_are_masked_and_need_two_equal_fields(qtbot: QtBot) -> None:
    own = PasswordDialog("bob", own=True)
    qtbot.addWidget(own)
    ok = own.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and own.old is not None
    fields = [own.old, own.passwords.first, own.passwords.second]
    assert all(f.echoMode() == QtWidgets.QLineEdit.EchoMode.Password for f in fields)
    assert not ok.isEnabled()
    qtbot.keyClicks(own.passwords.first, "s3cret")
    qtbot.keyClicks(own.passwords.second, "s3creT")
    assert not ok.isEnabled() and own.passwords.hint.text() == "The two passwords differ."
    own.passwords.second.setText("s3cret")
    assert not ok.isEnabled()  # the current password is still missing
    qtbot.keyClicks(own.old, "old")
    assert ok.isEnabled() and (own.old_password(), own.new_password()) == ("old", "s3cret")
    other = PasswordDialog("bob", own=False)
    qtbot.addWidget(other)
    assert other.old is None
    other.passwords.first.setText("x")
    other.passwords.second.setText("x")
    button = other.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert button is not None and button.isEnabled()


def test_operator_dialog_new_and_existing(context: ConsoleContext, engine: Engine,
                                          qtbot: QtBot) -> None:  # fmt: skip
    new = OperatorDialog()
    qtbot.addWidget(new)
    assert new.passwords is not None and not new.login.isReadOnly()
    ok = new.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and not ok.isEnabled()
    qtbot.keyClicks(new.login, " jdoe ")
    new.passwords.first.setText("pw")
    new.passwords.second.setText("pw")
    new.profile.setCurrentIndex(new.profile.findData("admin"))
    assert ok.isEnabled()
    assert new.fields() == OperatorFields("jdoe", None, None, None, None, "admin", "pw")
    with engine.connect() as conn:
        admin = get_operator(conn, "admin")
    existing = OperatorDialog(admin)
    qtbot.addWidget(existing)
    assert existing.passwords is None and existing.login.isReadOnly()
    assert existing.fields().profile == "sadmin" and existing.fields().password == ""
    assert [existing.profile.itemData(i) for i in range(existing.profile.count())] == [
        "sadmin", "admin", "ladmin", "read-only",
    ]  # fmt: skip


def test_perimeter_dialog_asks_the_tab_to_write(qtbot: QtBot) -> None:
    dialog = PerimeterDialog("loc", True, ["PAR*"])
    qtbot.addWidget(dialog)
    assert dialog.patterns() == ["PAR*"] and dialog.remove.isEnabled()
    with qtbot.waitSignal(dialog.added) as added:
        qtbot.keyClicks(dialog.pattern, " LYON-* ")
        dialog.pattern.returnPressed.emit()
    assert added.args == ["LYON-*"] and dialog.pattern.text() == ""
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.removed) as removed:
        dialog.remove.click()
    assert removed.args == ["PAR*"]
    dialog.set_patterns([])
    assert not dialog.remove.isEnabled()


def test_french(qtbot: QtBot) -> None:
    i18n.ensure_compiled()
    try:
        assert i18n.install_translators("fr") == "fr"
        assert profile_label("ladmin") == "Administrateur local (ladmin)"
        assert refusal_text("last_super_admin").startswith(
            "C\u2019est le dernier super-administrateur"
        )
        dialog = PasswordDialog("bob", own=True)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Changer mon mot de passe (bob)"
    finally:
        i18n.remove_translators()
