"""The Tagging rules page and its rule dialog, driven offscreen through the real worker.

Machines and admin fields are written the way OCS writes them; what the page previews is
compared with what apply writes, read back with SQL, and undo must put every row back.
The round trip also runs on MariaDB.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert, text

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.db.tag_rule_runs import StalePreview
from ocs_desktop.db.tag_rules import TAG_REFUSED, RuleKind, TagRule, TagRuleError, list_rules
from ocs_desktop.fleet import tag_rules
from ocs_desktop.models import Base
from ocs_desktop.views import i18n
from ocs_desktop.views.context import MACHINES, ConsoleContext
from ocs_desktop.views.fleet.tag_rule_dialog import TagRuleDialog
from ocs_desktop.views.fleet.tag_rules_page import TagRulesPage
from ocs_desktop.views.fleet.tag_rules_text import rule_error, run_error
from tests.support.console_context import checked_context, console_settings
from tests.test_tag_rules import _add_admin_fields

WAIT = 20_000
T = Base.metadata.tables

# name: (hardware.IPADDR, TAG or None for no accountinfo row)
MACHINES_ROWS = {
    "web-01": ("10.1.0.5", "PARIS"),
    "WEB-02": ("10.1.3.7", "LYON"),
    "db-01": ("10.2.0.9", None),
    "laptop-7": ("172.16.5.40", "NANTES"),
}


def build_fleet(engine: Engine) -> dict[str, int]:
    _add_admin_fields(engine)
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        for name, (address, tag) in MACHINES_ROWS.items():
            ids[name] = int(
                conn.execute(
                    insert(T["hardware"]).values(
                        DEVICEID=f"{name}-dev", NAME=name, OSNAME="Linux", IPADDR=address
                    )
                ).inserted_primary_key[0]
            )
            if tag is not None:
                conn.execute(insert(T["accountinfo"]).values(HARDWARE_ID=ids[name], TAG=tag))
    return ids


def accountinfo(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                text("SELECT HARDWARE_ID, TAG, fields_3 FROM accountinfo ORDER BY HARDWARE_ID")
            )
        ]


@pytest.fixture
def lite(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    yield engine
    engine.dispose()


def _context(engine: Engine, tmp_path: Path) -> Iterator[ConsoleContext]:
    with checked_context(engine, "tag rules under test", console_settings(tmp_path)) as context:
        yield context


@pytest.fixture
def context(qtbot: QtBot, lite: Engine, tmp_path: Path) -> Iterator[ConsoleContext]:
    yield from _context(lite, tmp_path)


def open_page(qtbot: QtBot, context: ConsoleContext) -> TagRulesPage:
    page = TagRulesPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.show()
    return page


def settle(context: ConsoleContext) -> None:
    assert context.runner.wait_idle(WAIT)


def fill(
    dialog: TagRuleDialog,
    name: str,
    kind: RuleKind,
    pattern: str,
    target: str,
    value: str,
) -> None:
    dialog.name.setText(name)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind.value))
    dialog.pattern.setText(pattern)
    dialog.target.setCurrentIndex(dialog.target.findData(target))
    assert dialog.target.currentData() == target
    dialog.value.setText(value)


def add_via_dialog(
    qtbot: QtBot, page: TagRulesPage, *args: str | RuleKind, overwrite: bool = False
) -> TagRuleDialog:
    dialog = page.add_rule()
    qtbot.addWidget(dialog)
    fill(dialog, *args)  # type: ignore[arg-type]
    dialog.overwrite_tag.setChecked(overwrite)
    dialog.submit()
    settle(page.context)
    return dialog


def preview_rows(page: TagRulesPage) -> list[tuple[str, ...]]:
    table = page.preview_table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def run_preview(qtbot: QtBot, page: TagRulesPage) -> None:
    with qtbot.waitSignal(page.previewed, timeout=WAIT):
        page.preview()


def test_add_preview_apply_undo_round_trip(
    qtbot: QtBot, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = build_fleet(engine)
    before = accountinfo(engine)
    asked: list[tuple[str, bool]] = []
    for context in _context(engine, tmp_path):
        page = open_page(qtbot, context)
        assert ("fields_3", "OWNER (fields_3)") in page.choices.fields
        dialog = add_via_dialog(
            qtbot, page, "Web team", RuleKind.HOSTNAME, "web-*", "fields_3", "Web team"
        )
        assert dialog.result() == TagRuleDialog.DialogCode.Accepted
        with engine.connect() as conn:
            [stored] = list_rules(conn)
        assert (stored.kind, stored.pattern, stored.target, stored.value) == (
            RuleKind.HOSTNAME,
            "web-*",
            "fields_3",
            "Web team",
        )
        assert page.table.rowCount() == 1
        assert page.table.item(0, 4).text() == "OWNER (fields_3)"

        run_preview(qtbot, page)
        assert sorted(preview_rows(page)) == [
            ("WEB-02", "OWNER (fields_3)", "(none)", "→ Web team"),
            ("web-01", "OWNER (fields_3)", "(none)", "→ Web team"),
        ]
        with engine.connect() as conn:
            assert page.changes == tag_rules.preview(conn)

        def answer(_title: str, body: str, default_yes: bool = False) -> bool:
            asked.append((body, default_yes))
            return True

        monkeypatch.setattr(page, "confirm", answer)
        refreshed: list[str] = []
        context.changed.connect(refreshed.append)
        page.ask_apply()
        settle(context)
        assert "Write 2 change(s) on 2 machine(s)?" in asked[0][0]
        assert asked[0][1], "Apply is the confirmation's default button"
        assert MACHINES in refreshed
        after = {row[0]: row[2] for row in accountinfo(engine)}
        assert after[ids["web-01"]] == after[ids["WEB-02"]] == "Web team"
        assert after[ids["laptop-7"]] is None and ids["db-01"] not in after
        assert page.status.text() == "Applied: 2 change(s) written."

        assert page.undo_button.isEnabled()
        assert "2 change(s)" in page.last_run.text()
        monkeypatch.setattr(page, "confirm", lambda _t, body, default_yes=False: True)
        page.ask_undo()
        settle(context)
        assert accountinfo(engine) == before
        assert not page.undo_button.isEnabled()
        assert page.last_run.text() == "No rule run to undo."


def test_tag_needs_the_overwrite_box(qtbot: QtBot, context: ConsoleContext, lite: Engine) -> None:
    build_fleet(lite)
    page = open_page(qtbot, context)
    dialog = add_via_dialog(qtbot, page, "Paris", RuleKind.SUBNET, "10.1.0.0/16", "TAG", "PARIS2")
    assert dialog.overwrite_tag.isVisible()
    assert dialog.isVisible(), "a refused rule keeps the dialog open"
    assert dialog.error.text() == (
        "TAG is the location the agent sent (ocsinventory-agent --tag). A rule may only "
        'overwrite it if you tick "Overwrite the TAG the agent sent".'
    )
    with lite.connect() as conn:
        assert list_rules(conn) == []

    dialog.overwrite_tag.setChecked(True)
    dialog.submit()
    settle(context)
    assert not dialog.isVisible()
    with lite.connect() as conn:
        [rule] = list_rules(conn)
    assert rule.target == "TAG" and rule.overwrite_agent_tag

    # Another field hides the box and unticks it.
    second = page.add_rule()
    qtbot.addWidget(second)
    second.target.setCurrentIndex(second.target.findData("TAG"))
    second.overwrite_tag.setChecked(True)
    second.target.setCurrentIndex(second.target.findData("fields_3"))
    assert not second.overwrite_tag.isChecked() and not second.overwrite_tag.isVisible()
    second.reject()


def test_moving_a_rule_up_changes_the_first_match(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    ids = build_fleet(lite)
    with lite.begin() as conn:
        first = tag_rules.add_rule(
            conn, TagRule("All web", RuleKind.HOSTNAME, "web*", "fields_3", "web")
        )
        second = tag_rules.add_rule(
            conn, TagRule("Net 10.1", RuleKind.SUBNET, "10.1.0.0/16", "fields_3", "net")
        )
    page = open_page(qtbot, context)
    assert [page.table.item(r, 1).text() for r in range(2)] == ["All web", "Net 10.1"]
    run_preview(qtbot, page)
    assert {row[3] for row in preview_rows(page)} == {"→ web"}

    page.select_rule(second)
    assert page.up_button.isEnabled() and not page.down_button.isEnabled()
    page.move_selected(-1)
    settle(context)
    assert [page.table.item(r, 1).text() for r in range(2)] == ["Net 10.1", "All web"]
    assert page.current_rule() is not None and page.current_rule().id == second
    assert page.changes is None, "a rule change makes the preview stale"
    run_preview(qtbot, page)
    assert {row[3] for row in preview_rows(page)} == {"→ net"}

    # Dragging it back below (the drop reports rows) restores the first match.
    page._dropped(0, 1)
    settle(context)
    assert [page.table.item(r, 1).text() for r in range(2)] == ["All web", "Net 10.1"]
    page._dropped(0, 1)
    settle(context)

    # Disabling the first rule gives the machines back to the second.
    page.select_rule(second)
    page.toggle_selected()
    settle(context)
    assert page.table.item(0, 6).text() == "No"
    run_preview(qtbot, page)
    assert {row[3] for row in preview_rows(page)} == {"→ web"}
    assert first in {c.rule_id for c in page.changes or []}
    assert ids


def test_stale_preview_is_computed_again(
    qtbot: QtBot, context: ConsoleContext, lite: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = build_fleet(lite)
    with lite.begin() as conn:
        tag_rules.add_rule(conn, TagRule("Web", RuleKind.HOSTNAME, "web*", "fields_3", "web"))
    page = open_page(qtbot, context)
    run_preview(qtbot, page)
    assert len(preview_rows(page)) == 2
    with lite.begin() as conn:  # someone else sets one machine meanwhile
        conn.execute(
            text("UPDATE accountinfo SET fields_3 = 'web' WHERE HARDWARE_ID = :id"),
            {"id": ids["web-01"]},
        )
    monkeypatch.setattr(page, "confirm", lambda *_a, **_k: True)
    topics: list[str] = []
    context.changed.connect(topics.append)
    with qtbot.waitSignal(page.previewed, timeout=WAIT):
        page.ask_apply()
    settle(context)
    assert page.status.text().startswith("The machines changed since the preview")
    assert len(preview_rows(page)) == 1 and page.apply_button.isEnabled()
    assert topics == [], "nothing was written: the other pages need not reload"
    with lite.connect() as conn:
        assert conn.scalar(text("SELECT COUNT(*) FROM ocsdesktop_tag_rule_runs")) == 0


def test_edit_keeps_the_place_and_refusals_are_translated(
    qtbot: QtBot, context: ConsoleContext, lite: Engine
) -> None:
    build_fleet(lite)
    with lite.begin() as conn:
        tag_rules.add_rule(conn, TagRule("A", RuleKind.HOSTNAME, "web*", "fields_3", "a"))
        tag_rules.add_rule(conn, TagRule("B", RuleKind.HOSTNAME, "db*", "fields_3", "b"))
    page = open_page(qtbot, context)
    page.table.selectRow(0)
    dialog = page.edit_rule()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.pattern.text() == "web*"
    dialog.pattern.setText("")
    dialog.submit()
    settle(context)
    assert dialog.error.text() == "Type a pattern."
    dialog.pattern.setText("laptop*")
    dialog.submit()
    settle(context)
    with lite.connect() as conn:
        assert [(r.name, r.pattern, r.position) for r in list_rules(conn)] == [
            ("A", "laptop*", 1),
            ("B", "db*", 2),
        ]
    assert run_error(LookupError("no tagging rule run to undo")) == "There is no rule run to undo."
    assert rule_error(ValueError("odd")) == "Not changed: odd"


def test_page_and_refusals_in_french(qtbot: QtBot, context: ConsoleContext, lite: Engine) -> None:
    i18n.ensure_compiled()
    try:
        assert i18n.install_translators("fr") == "fr"
        assert rule_error(TagRuleError(TAG_REFUSED)).startswith(
            "Le TAG est l'emplacement envoyé par l'agent"
        )
        assert run_error(StalePreview("x")).startswith("Les machines ont changé depuis l'aperçu")
        page = open_page(qtbot, context)
        assert page.apply_button.text() == "Appli&quer…"
        dialog = page.add_rule()
        qtbot.addWidget(dialog)
        assert dialog.overwrite_tag.text() == "Écraser le TAG envoyé par l'agent"
        assert dialog.kind.itemText(0) == "Sous-réseau"
        dialog.reject()
    finally:
        i18n.remove_translators()
    assert run_error(LookupError("x")) == "There is no rule run to undo."
