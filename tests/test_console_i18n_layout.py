"""French everywhere and layouts that hold: every view of ``ocs-desktop screenshots``
rendered at 1024x768, every text the console translates found in the French catalogue,
no toolbar hiding actions, no label, button or column title cut; the core's refusals and
search descriptions in French; plurals through ``%n``; dates typed as the lists show them.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.fleet.admin_data import AdminField, AdminFieldType
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.packager.spec import PackageSpec, SpecError
from ocs_desktop.views import i18n, screenshots
from ocs_desktop.views.deployment.spec_text import spec_problem_texts
from ocs_desktop.views.fleet.search_page import CriterionRow
from ocs_desktop.views.fleet.search_text import search_error_text, search_text
from ocs_desktop.views.i18n import core_error_text
from ocs_desktop.views.main_window import MainWindow
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.widgets.admin_field_editors import editor_value, make_editor
from ocs_desktop.views.widgets.locale_dates import iso_date
from ocs_desktop.views.worker import TaskRunner
from tests.support.console_fleet import FleetFacts
from tests.support.ui_audit import (
    Clipped,
    MissingTranslations,
    clipped_headers,
    clipped_texts,
    hidden_tabs,
    hidden_toolbar_actions,
)
from tests.test_screenshots import add_groups

SMALL = (1024, 768)


@pytest.fixture
def french(qapp: QtWidgets.QApplication) -> Iterator[None]:
    i18n.install_translators("fr", qapp)
    try:
        yield
    finally:
        i18n.remove_translators(qapp)


def record_missing(monkeypatch: pytest.MonkeyPatch) -> list[MissingTranslations]:
    """Put a recorder in front of the translators ``render_screenshots`` installs."""
    recorders: list[MissingTranslations] = []
    install = screenshots.install_translators

    def installing(language: str, app: QtCore.QCoreApplication) -> str:
        code = install(language, app)
        recorder = MissingTranslations(list(i18n._installed))
        app.installTranslator(recorder)
        i18n._installed.append(recorder)  # removed with the others when the run ends
        recorders.append(recorder)
        return code

    monkeypatch.setattr(screenshots, "install_translators", installing)
    return recorders


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_view_is_translated_and_holds_at_1024(
    fleet: tuple[Engine, FleetFacts],
    tmp_path: Path,
    qapp: QtWidgets.QApplication,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    engine, facts = fleet
    add_groups(engine, facts)
    recorders = record_missing(monkeypatch)
    hidden: dict[str, dict[str, list[str]]] = {}
    clipped: dict[str, list[Clipped]] = {}
    seen: list[str] = []

    def audit(view: str, window: MainWindow) -> None:
        seen.append(view)
        if bars := {**hidden_toolbar_actions(window), **hidden_tabs(window)}:
            hidden[view] = bars
        if cut := clipped_texts(window) + clipped_headers(window):
            clipped[view] = cut

    url = engine.url.render_as_string(hide_password=False)
    screenshots.render_screenshots(url, tmp_path, lang=lang, size=SMALL, on_view=audit)

    assert seen == list(screenshots.VIEWS)
    assert hidden == {}, "toolbars hiding actions behind their » button, tabs out of sight"
    assert clipped == {}, "texts cut by their widget"
    if lang == "fr":
        assert recorders[0].asked > 100  # the recorder really stood in front
        assert sorted(recorders[0].untranslated()) == [], "texts without French"


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_recorder_catches_a_french_entry_taken_out(
    fleet: tuple[Engine, FleetFacts],
    tmp_path: Path,
    qapp: QtWidgets.QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The test above can fail: without the French of the Groups toolbar's "Rename…",
    rendering the Groups view records exactly that text."""
    engine, facts = fleet
    add_groups(engine, facts)
    catalogue = tmp_path / "translations"
    catalogue.mkdir()
    source = (i18n.TRANSLATIONS_DIR / "ocs_desktop_fr.ts").read_text(encoding="utf-8")
    context = source.index("<name>GroupsPage</name>")
    at = source.index("<source>Rename…</source>", context)
    start, stop = source.rindex("<message", 0, at), source.index("</message>", at) + 10
    (catalogue / "ocs_desktop_fr.ts").write_text(source[:start] + source[stop:], "utf-8")
    lrelease = i18n.lrelease_path()
    assert lrelease is not None
    subprocess.run([str(lrelease), "-silent", str(catalogue / "ocs_desktop_fr.ts")], check=True)
    shutil.copy(i18n.TRANSLATIONS_DIR / "ocs_desktop_en.ts", catalogue)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", catalogue)
    recorders = record_missing(monkeypatch)

    url = engine.url.render_as_string(hide_password=False)
    screenshots.render_screenshots(url, tmp_path / "out", lang="fr", size=SMALL, views=["groups"])

    assert ("GroupsPage", "Rename…") in recorders[0].untranslated()


def test_a_narrow_toolbar_reports_its_hidden_actions(qapp: QtWidgets.QApplication) -> None:
    window = QtWidgets.QWidget()
    bar = QtWidgets.QToolBar(window)
    for text in ("First action", "Second action", "Third action", "Fourth action"):
        bar.addAction(text)
    bar.setGeometry(0, 0, 180, 30)
    window.resize(200, 40)
    window.show()
    qapp.processEvents()
    try:
        hidden = hidden_toolbar_actions(window)
        assert list(hidden.values()) and "Fourth action" in next(iter(hidden.values()))
        bar.setGeometry(0, 0, 600, 30)
        window.resize(640, 40)
        qapp.processEvents()
        assert hidden_toolbar_actions(window) == {}
    finally:
        window.close()


def test_a_narrow_tab_bar_reports_its_tabs_out_of_sight(qapp: QtWidgets.QApplication) -> None:
    tabs = QtWidgets.QTabWidget()
    for title in ("Configuration", "Operators", "Registry queries", "Files for agents"):
        tabs.addTab(QtWidgets.QWidget(), title)
    tabs.resize(200, 100)
    tabs.show()
    qapp.processEvents()
    try:
        assert "Files for agents" in next(iter(hidden_tabs(tabs).values()))
        tabs.resize(900, 100)
        qapp.processEvents()
        assert hidden_tabs(tabs) == {}
    finally:
        tabs.close()


def test_cut_labels_buttons_placeholders_and_titles_are_reported(
    qapp: QtWidgets.QApplication,
) -> None:
    window = QtWidgets.QWidget()
    label = QtWidgets.QLabel("A label much longer than its room", window)
    button = QtWidgets.QPushButton("A button much longer than its room", window)
    edit = QtWidgets.QLineEdit(window)
    edit.setPlaceholderText("A placeholder much longer than its room")
    table = QtWidgets.QTableWidget(1, 1, window)
    table.setHorizontalHeaderLabels(["A column title much longer than its room"])
    for number, widget in enumerate((label, button, edit)):
        widget.setGeometry(0, 30 * number, 60, 25)
    table.setGeometry(0, 100, 300, 100)
    table.horizontalHeader().resizeSection(0, 60)
    window.resize(320, 220)
    window.show()
    qapp.processEvents()
    try:
        kinds = {cut.kind for cut in clipped_texts(window) + clipped_headers(window)}
        assert kinds == {"label", "button", "placeholder", "header"}
        for widget in (label, button, edit):
            widget.setGeometry(widget.x(), widget.y(), 310, 25)
        table.horizontalHeader().resizeSection(0, 290)
        qapp.processEvents()
        assert clipped_texts(window) + clipped_headers(window) == []
    finally:
        window.close()


def test_search_refusals_carry_a_code_and_read_in_french(french: None) -> None:
    with pytest.raises(CodedError) as refused:
        Criterion("hardware.MEMORY", Operator.greater, "8 Go")
    assert refused.value.code == "not-a-number"
    assert str(refused.value) == "'8 Go' is not a number"  # the CLI's text stays English
    assert search_error_text(refused.value) == "« 8 Go » n'est pas un nombre"
    with pytest.raises(CodedError) as mismatched:
        Criterion("hardware.MEMORY", Operator.contains, "8")
    assert search_error_text(mismatched.value) == (
        "l'opérateur contains ne s'applique pas à Matériel : mémoire (Mo)"
    )
    assert search_error_text(ValueError("plain")) == "plain"


def test_a_search_is_described_in_french(french: None) -> None:
    search = Search(
        (
            Criterion("hardware.OSNAME", Operator.contains, "Debian"),
            Criterion("hardware.MEMORY", Operator.greater, "4096", negate=True),
        ),
        "or",
    )
    assert search_text(search) == (
        "Matériel : nom du SE contient « Debian » ou non (Matériel : mémoire (Mo) supérieur à 4096)"
    )
    assert search_text(Search()) == "toutes les machines"


def test_english_search_text_matches_the_core_words(qapp: QtWidgets.QApplication) -> None:
    search = Search((Criterion("hardware.OSNAME", Operator.contains, "Debian"),))
    assert search_text(search) == search.describe() == 'Hardware: OS name contains "Debian"'


@pytest.mark.parametrize(
    ("locale", "typed", "iso"),
    [
        ("fr_FR", "03/12/2026", "2026-12-03"),
        ("fr_FR", "3/12/26", "2026-12-03"),
        ("fr_FR", "03/12/2026 14:30", "2026-12-03 14:30"),
        ("en_US", "3/12/2026", "2026-03-12"),
        ("en_US", "12/3/26", "2026-12-03"),
        ("fr_FR", "2026-12-03", "2026-12-03"),
        ("fr_FR", "31/02/2026", "31/02/2026"),  # no such day: left for the core to refuse
        ("fr_FR", "soon", "soon"),
    ],
)
def test_dates_read_in_the_locale_format_and_iso(
    qapp: QtWidgets.QApplication, locale: str, typed: str, iso: str
) -> None:
    assert iso_date(typed, QtCore.QLocale(locale)) == iso


def test_a_french_date_criterion_means_the_day_the_list_shows(french: None) -> None:
    row = CriterionRow()
    row.set_field("hardware.LASTDATE")
    today = QtCore.QDate.currentDate().toString("dd/MM/yyyy")
    assert row.value_edit.placeholderText() == f"une date : {today} ou AAAA-MM-JJ"
    row.operator_combo.setCurrentIndex(row.operator_combo.findData(Operator.greater.value))
    row.value_edit.setText("03/12/2026")
    assert row.criterion().value == "2026-12-03"
    row.value_edit.setText("31/02/2026")
    with pytest.raises(CodedError) as refused:
        row.criterion()
    assert search_error_text(refused.value).startswith("« 31/02/2026 » n'est pas une date")


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("fr", "1 modification", "2 modifications"), ("en", "1 change", "2 changes")],
)
def test_counts_use_plural_forms(
    qapp: QtWidgets.QApplication, language: str, one: str, two: str
) -> None:
    i18n.install_translators(language, qapp)
    try:
        for count, text in ((1, one), (2, two)):
            assert QtCore.QCoreApplication.translate("TagRulesPage", "%n change(s)", "", count) == (
                text
            )
    finally:
        i18n.remove_translators(qapp)


def test_package_refusals_read_in_french(french: None) -> None:
    spec = PackageSpec("V", "linux", "execute", command="", path="/opt")
    with pytest.raises(SpecError) as refused:
        spec.validate()
    assert str(refused.value) == (  # the CLI's English, as before
        "a execute package needs a command; a destination path is only for a store "
        "package, not a execute one"
    )
    assert [problem.code for problem in refused.value.problems] == [
        "missing-order",
        "foreign-order",
    ]
    assert spec_problem_texts(refused.value) == [
        "un paquet execute a besoin du champ « commande »",
        "le champ « chemin de destination » ne sert qu'à un paquet store, pas à un paquet execute",
    ]


def test_a_task_refused_by_the_core_fails_in_french(qtbot: Any, french: None) -> None:
    """Every background read or write the console runs reports coded refusals in French."""
    runner = TaskRunner()

    def work(progress: object) -> None:
        Criterion("hardware.MEMORY", Operator.greater, "8 Go")

    try:
        task = runner.run(work)
        with qtbot.waitSignal(task.failed, timeout=5000) as failed:
            pass
        assert failed.args == ["« 8 Go » n'est pas un nombre"]
    finally:
        runner.cancel_all()
        assert runner.wait_idle(5000)


def test_an_admin_date_shows_as_the_lists_do_and_stays_iso(french: None) -> None:
    field = AdminField("bought", "Bought", "fields_3", AdminFieldType.DATE)
    editor = make_editor(field, "2026-12-03")
    assert isinstance(editor, QtWidgets.QDateEdit)
    assert editor.text() == "03/12/2026"
    assert editor_value(editor) == "2026-12-03"


def test_a_group_refusal_reads_in_french(engine: Engine, french: None) -> None:
    from ocs_desktop.fleet import groups

    with engine.begin() as conn:
        groups.create_static_group(conn, "Lab", "")
        with pytest.raises(CodedError) as refused:
            groups.create_static_group(conn, "lab", "")
    assert str(refused.value) == "a group named 'lab' already exists"
    assert core_error_text(refused.value) == "un groupe nommé 'lab' existe déjà"
