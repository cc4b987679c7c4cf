"""The console shell: profiles and passwords, the connect dialog, the main window, languages."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url

from ocs_desktop.db.engines import create_database_if_missing, normalize_url
from ocs_desktop.db.profiles import (
    EMBEDDED_NAME,
    KEYRING_SERVICE,
    Profile,
    keyring_available,
    load_password,
    open_database,
    store_password,
)
from ocs_desktop.fleet.filters import TagFilter, machines_only
from ocs_desktop.models import Hardware
from ocs_desktop.views import i18n
from ocs_desktop.views.app import Console, open_url
from ocs_desktop.views.connect_dialog import ConnectDialog, saved_profiles
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.importing import sample_files
from ocs_desktop.views.main_window import MainWindow
from ocs_desktop.views.page_registry import PAGES, PlaceholderPage, load_class
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets
from ocs_desktop.views.settings import (
    LANGUAGE,
    LAST_PROFILE,
    OFFER_SAMPLE_IMPORT,
    PROFILES,
    Settings,
)
from tests.support.console_context import checked_context, console_settings
from tests.support.console_fleet import FleetFacts
from tests.support.reference_schema import drop_database

# --- helpers ------------------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a throw-away INI file."""
    return console_settings(tmp_path)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (where the embedded database lives) inside the test's folder."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def profile_for(url: str, name: str = "under test") -> tuple[Profile, str]:
    """The profile (and password) a user would type in for the database at ``url``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return Profile(name, kind="sqlite", path=parsed.database or ""), ""
    profile = Profile(
        name,
        kind="mysql",
        host=parsed.host or "",
        port=parsed.port or 3306,
        database=parsed.database or "",
        user=parsed.username or "",
    )
    return profile, parsed.password or ""


def machine_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(Hardware).where(machines_only())))


def connect(qtbot: QtBot, dialog: ConnectDialog, timeout: int = 20_000) -> None:
    """Press Connect and wait until the worker has answered."""
    task = dialog.connect_selected()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=timeout):
        pass


@pytest.fixture
def console(
    fleet: tuple[Engine, FleetFacts], settings: Settings, qtbot: QtBot
) -> Iterator[tuple[ConsoleContext, FleetFacts]]:
    engine, facts = fleet
    context = ConsoleContext(engine, "fleet under test", settings)
    yield context, facts
    context.runner.cancel_all()
    assert context.runner.wait_idle(10_000)


def new_window(qtbot: QtBot, context: ConsoleContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    return window


class MemoryKeyring(KeyringBackend):
    """A keyring backend living in this process, through keyring's own plug-in API.

    This machine has no OS keyring (keyring falls back to its ``fail`` backend), so the
    path where one exists is exercised with a backend of our own, installed the way
    keyring installs any backend.
    """

    @properties.classproperty
    def priority(cls) -> float:
        # Every KeyringBackend subclass is a candidate for keyring's automatic choice;
        # this one must only ever be installed explicitly, by the fixture below.
        raise RuntimeError("installed explicitly by tests only")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


# --- profiles -----------------------------------------------------------------------------


def test_profile_urls_round_trip_through_sqlalchemy(tmp_path: Path) -> None:
    sqlite = Profile("local", kind="sqlite", path=str(tmp_path / "fleet.sqlite"))
    assert sqlite.url() == normalize_url(str(tmp_path / "fleet.sqlite"))
    assert not sqlite.needs_password

    password = "p@ss:w/rd é%"
    mysql = Profile("prod", host="db.example.org", port=3307, database="ocs", user="ocs")
    url = make_url(mysql.url(password))
    assert (url.drivername, url.host, url.port, url.database) == (
        "mysql+pymysql",
        "db.example.org",
        3307,
        "ocs",
    )
    assert (url.username, url.password) == ("ocs", password)
    assert url.query["charset"] == "utf8mb4"
    assert not any(key.startswith("ssl") for key in url.query)
    assert mysql.needs_password
    assert password not in mysql.describe()

    # What PyMySQL receives: TLS required, verified only when a CA is given.
    def connect_args(profile: Profile) -> dict[str, object]:
        engine = create_engine(profile.url("x"))
        try:
            return engine.dialect.create_connect_args(engine.url)[1]
        finally:
            engine.dispose()

    assert connect_args(Profile("t", host="h", user="u", tls=True))["ssl"] == {
        "check_hostname": False
    }
    assert connect_args(Profile("t", host="h", user="u", tls=True, ca_file="/etc/ca.pem"))[
        "ssl"
    ] == {"ca": "/etc/ca.pem"}
    assert "ssl" not in connect_args(mysql)

    stored = {**mysql.to_dict(), "from_a_later_release": 1, "port": "3307", "tls": "true"}
    assert Profile.from_dict(stored) == Profile(
        "prod", host="db.example.org", port=3307, database="ocs", user="ocs", tls=True
    )


def test_embedded_profile_lives_in_the_data_folder(data_home: Path) -> None:
    from ocs_desktop.db import profiles

    embedded = profiles.EMBEDDED
    assert embedded.name == EMBEDDED_NAME and embedded.kind == "sqlite"
    assert Path(embedded.path) == data_home / "ocs-desktop" / "ocsweb.sqlite"


def test_without_a_keyring_no_password_is_kept(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    """On this machine keyring has no backend: nothing is stored, the dialog asks each time."""
    backend = keyring.get_keyring()
    if keyring_available():
        pytest.skip(f"this machine has a keyring ({backend!r}); the memory test covers it")
    profile = Profile("no keyring", host="127.0.0.1", user="ocs")
    assert store_password(profile, "s3cret-typed") is False
    assert load_password(profile) is None

    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.add_profile(profile, password="s3cret-typed", remember=True)
    settings.sync()
    assert "s3cret-typed" not in (tmp_path / "console.ini").read_text()
    assert load_password(profile) is None
    dialog.select_profile("no keyring")
    assert not dialog.password_edit.isHidden(), "the password must be asked"
    assert dialog.remember_check.isHidden(), "no 'remember' where nothing can remember"
    assert "keyring" in dialog.keyring_note.text()


def test_with_a_keyring_the_password_goes_there(
    qtbot: QtBot, settings: Settings, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    assert keyring_available()
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    profile = Profile("kept", host="127.0.0.1", user="ocs")
    dialog.add_profile(profile, password="s3cret-kept", remember=True)
    assert memory_keyring.items == {(KEYRING_SERVICE, "kept"): "s3cret-kept"}
    settings.sync()
    assert "s3cret-kept" not in (tmp_path / "console.ini").read_text()
    dialog.select_profile("kept")
    assert dialog.password_edit.isHidden(), "a kept password is not asked again"
    assert dialog.password_for(profile) == "s3cret-kept"

    renamed = Profile("renamed", host="127.0.0.1", user="ocs")
    dialog.replace_profile("kept", renamed)
    assert memory_keyring.items == {(KEYRING_SERVICE, "renamed"): "s3cret-kept"}
    dialog.delete_profile("renamed")
    assert memory_keyring.items == {}
    assert [p.name for p in dialog.profiles()] == [EMBEDDED_NAME]


def test_a_failing_kept_password_can_be_retyped(
    qtbot: QtBot, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.add_profile(
        Profile("unreachable", host="127.0.0.1", port=1, user="ocs"), "old", remember=True
    )
    assert dialog.password_edit.isHidden()
    connect(qtbot, dialog)
    assert dialog.message_label.text().startswith("Cannot connect:")
    assert not dialog.password_edit.isHidden() and not dialog.remember_check.isHidden()
    dialog.password_edit.setText("new")
    assert dialog.password_for(dialog.selected_profile()) == "new"


# --- connect dialog -----------------------------------------------------------------------


def test_connect_dialog_opens_a_real_database(
    qtbot: QtBot, fleet: tuple[Engine, FleetFacts], settings: Settings
) -> None:
    engine, facts = fleet
    url = engine.url.render_as_string(hide_password=False)
    profile, password = profile_for(url)
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.add_profile(profile)
    assert saved_profiles(settings) == [profile]
    dialog.select_profile(profile.name)
    dialog.password_edit.setText(password)
    with qtbot.waitSignal(dialog.connected, timeout=20_000) as blocker:
        dialog.connect_selected()
    opened = blocker.args[0]
    try:
        assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
        assert opened.ok and not opened.empty
        assert machine_count(opened.engine) == len(facts.ids_by_name)
        assert profile.name in dialog.label
        assert password not in dialog.label or not password
        assert settings.get(LAST_PROFILE) == profile.name
    finally:
        opened.engine.dispose()


@pytest.mark.mariadb
def test_connect_dialog_explains_a_database_failing_the_check(
    qtbot: QtBot, mysql_server_url: str, settings: Settings
) -> None:
    """An empty MariaDB database is explained with the check's report, then initialised."""
    url = make_url(mysql_server_url).set(database=f"ocs_empty_{secrets.token_hex(4)}")
    rendered = url.render_as_string(hide_password=False)
    create_database_if_missing(rendered)
    try:
        profile, password = profile_for(rendered, "empty")
        dialog = ConnectDialog(settings)
        qtbot.addWidget(dialog)
        dialog.add_profile(profile)
        dialog.select_profile("empty")
        dialog.password_edit.setText(password)
        with qtbot.assertNotEmitted(dialog.connected):
            connect(qtbot, dialog)
        assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
        assert dialog.opened is None
        report = dialog.report_view.toPlainText()
        assert not dialog.report_view.isHidden()
        assert "missing table: hardware" in report
        assert "Result: NOT OK" in report
        assert "lacks tables" in dialog.message_label.text()
        assert not dialog.init_button.isHidden(), "an empty database can be initialised here"

        with qtbot.waitSignal(dialog.connected, timeout=60_000) as blocker:
            dialog.init_button.click()
        opened = blocker.args[0]
        try:
            assert opened.ok and opened.empty
            assert dialog.sample_panel.isHidden(), "samples are offered for the embedded DB only"
        finally:
            opened.engine.dispose()
    finally:
        drop_database(rendered)


@pytest.mark.mariadb
def test_connect_dialog_reports_connection_errors(
    qtbot: QtBot, mysql_server_url: str, settings: Settings
) -> None:
    """A refused connection, and TLS required from a server that has none (this one)."""
    engine = create_engine(mysql_server_url)
    try:
        with engine.connect() as conn:
            have_ssl = conn.scalar(text("SELECT @@have_ssl"))
    finally:
        engine.dispose()
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.add_profile(Profile("closed port", host="127.0.0.1", port=1, user="nobody"))
    connect(qtbot, dialog)
    assert dialog.message_label.text().startswith("Cannot connect:")
    assert dialog.opened is None

    tls, password = profile_for(mysql_server_url, "tls")
    dialog.add_profile(Profile(**{**tls.to_dict(), "tls": True, "database": ""}))
    dialog.select_profile("tls")
    dialog.password_edit.setText(password)
    if have_ssl == "YES":
        pytest.skip("this MariaDB speaks TLS; the refusal case needs one that does not")
    connect(qtbot, dialog)
    assert "SSL is required" in dialog.message_label.text(), dialog.message_label.text()


def test_embedded_database_is_created_and_offered_the_samples(
    qtbot: QtBot, data_home: Path, settings: Settings
) -> None:
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.selected_profile().name == EMBEDDED_NAME
    connect(qtbot, dialog)
    database = data_home / "ocs-desktop" / "ocsweb.sqlite"
    assert database.exists(), "the embedded database is created on first start"
    assert dialog.opened is not None and dialog.opened.empty
    assert not dialog.sample_panel.isHidden()

    with qtbot.waitSignal(dialog.connected, timeout=60_000) as blocker:
        dialog.import_samples_button.click()
    opened = blocker.args[0]
    try:
        summary = dialog.sample_summary
        assert summary is not None and not summary.failed
        assert [Path(r.path).name for r in summary.results] == [p.name for p in sample_files()]
        # The two samples are one machine (a first inventory and its update).
        deviceids = {ElementTree.parse(path).findtext("DEVICEID") for path in sample_files()}
        names = {
            ElementTree.parse(path).findtext("CONTENT/HARDWARE/NAME") for path in sample_files()
        }
        with opened.engine.connect() as conn:
            rows = conn.execute(
                select(Hardware.DEVICEID, Hardware.NAME).where(machines_only())
            ).all()
        assert {row.DEVICEID for row in rows} == deviceids
        assert {row.NAME for row in rows} == names
    finally:
        opened.engine.dispose()
    assert settings.get(OFFER_SAMPLE_IMPORT) is True


def test_declining_the_samples_is_remembered(
    qtbot: QtBot, data_home: Path, settings: Settings
) -> None:
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    connect(qtbot, dialog)
    with qtbot.waitSignal(dialog.connected) as blocker:
        dialog.skip_samples_button.click()
    blocker.args[0].engine.dispose()
    assert settings.get(OFFER_SAMPLE_IMPORT) is False

    again = ConnectDialog(settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.connected, timeout=20_000) as blocker:
        again.connect_selected()
    blocker.args[0].engine.dispose()
    assert again.sample_panel.isHidden()


def test_profiles_are_saved_without_passwords(qtbot: QtBot, settings: Settings) -> None:
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.add_profile(Profile("a", host="h1", user="u"))
    dialog.add_profile(Profile("b", host="h2", user="u", tls=True))
    with pytest.raises(ValueError):
        dialog.add_profile(Profile("a", host="elsewhere"))
    dialog.replace_profile("a", Profile("a2", host="h1", port=3310, user="u"))
    assert [p.name for p in dialog.profiles()] == [EMBEDDED_NAME, "a2", "b"]
    assert all("password" not in entry for entry in settings.get(PROFILES))
    dialog.delete_profile(EMBEDDED_NAME)  # the default cannot go
    dialog.delete_profile("b")
    assert [p.name for p in dialog.profiles()] == [EMBEDDED_NAME, "a2"]


def test_open_url_refuses_what_fails_the_check(tmp_path: Path) -> None:
    empty = tmp_path / "not-ocs.sqlite"
    engine = create_engine(normalize_url(str(empty)))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE unrelated (id INTEGER)"))
    engine.dispose()
    message = open_url(str(empty))
    assert isinstance(message, str) and "missing table: hardware" in message

    missing = tmp_path / "typo.sqlite"
    message = open_url(str(missing))
    assert isinstance(message, str) and "ocs-desktop db init" in message
    assert not missing.exists(), "a mistyped path must not leave an empty database behind"


# --- main window --------------------------------------------------------------------------


def test_navigation_switches_pages(
    qtbot: QtBot, console: tuple[ConsoleContext, FleetFacts]
) -> None:
    context, _facts = console
    window = new_window(qtbot, context)
    window.show()
    qtbot.waitExposed(window)
    nav = window.navigation
    assert [nav.topLevelItem(i).text(0) for i in range(nav.topLevelItemCount())] == [
        "All machines",
        "Tags",
        "Groups",
        "Software",
        "Search",
        "Dashboard",
        "Duplicates",
        "Tagging rules",
        "Deployment",
        "Network",
        "Administration",
        "Agent installers",
    ]
    for number, spec in enumerate(PAGES, start=1):
        if number <= 6:
            window.page_actions[spec.key].trigger()  # View menu, Ctrl+number
        else:
            nav.setCurrentItem(nav.topLevelItem(number - 1))  # a click in the tree
        page = window.stack.currentWidget()
        assert window.current_key() == spec.key
        if load_class(spec) is not None:
            assert getattr(page, "page_key", None) == spec.key
        else:
            assert isinstance(page, PlaceholderPage)
        if spec.planned:
            texts = [label.text() for label in page.findChildren(QtWidgets.QLabel)]
            assert "Arrives with a later release." in texts
        assert context.runner.wait_idle(20_000)

    shortcuts = [window.page_actions[s.key].shortcut().toString() for s in PAGES[:6]]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 7)]
    assert window.refresh_action.shortcut().toString() == "F5"


def test_context_signals_drive_the_window(
    qtbot: QtBot, console: tuple[ConsoleContext, FleetFacts]
) -> None:
    context, facts = console
    window = new_window(qtbot, context)
    window.show()
    window.show_page("dashboard")
    paris = TagFilter("PARIS")
    context.showMachines.emit(paris, "TAG PARIS")
    assert window.current_key() == "machines"
    page = window.stack.currentWidget()
    if hasattr(page, "active_filter"):
        assert page.active_filter() == paris

    assert window.detail_dock.isHidden()
    context.openMachine.emit(facts.sample_id)
    assert window.detail_dock.isVisible()
    if hasattr(window.detail_pane, "machine_id"):
        assert window.detail_pane.machine_id == facts.sample_id
    assert context.runner.wait_idle(20_000)

    context.error.emit("disk on fire")
    assert "disk on fire" in window.statusBar().currentMessage()
    assert context.url in window.connection_label.text()


def test_busy_indicator_follows_the_worker(
    qtbot: QtBot, console: tuple[ConsoleContext, FleetFacts]
) -> None:
    context, _facts = console
    window = new_window(qtbot, context)
    window.show()
    assert context.runner.wait_idle(20_000)
    assert window.busy_indicator.isHidden()
    release = QtCore.QSemaphore()
    task = context.runner.run(lambda progress: release.acquire())
    assert window.busy_indicator.isVisible()
    release.release()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert window.busy_indicator.isHidden()


def test_geometry_and_dock_are_remembered(
    qtbot: QtBot, console: tuple[ConsoleContext, FleetFacts]
) -> None:
    context, facts = console
    first = new_window(qtbot, context)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 500)  # within the offscreen screen (800x600)
    context.openMachine.emit(facts.sample_id)
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.detail_dock)
    assert context.runner.wait_idle(20_000)
    first.close()

    second = new_window(qtbot, context)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.dockWidgetArea(second.detail_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert second.detail_dock.isHidden(), "the dock opens with a machine, not at start-up"


def test_language_setting_and_french_menus(
    qtbot: QtBot, console: tuple[ConsoleContext, FleetFacts]
) -> None:
    context, _facts = console
    i18n.ensure_compiled()
    qm = i18n.TRANSLATIONS_DIR / "ocs_desktop_fr.qm"
    assert (
        qm.exists()
        and qm.stat().st_mtime >= (i18n.TRANSLATIONS_DIR / "ocs_desktop_fr.ts").stat().st_mtime
    )

    english = new_window(qtbot, context)
    english.language_actions["fr"].trigger()
    assert context.settings.get(LANGUAGE) == "fr"
    assert "next time" in english.statusBar().currentMessage()
    titles = [english.file_menu.title(), english.view_menu.title(), english.help_menu.title()]
    assert titles == ["&File", "&View", "&Help"], "the change applies at the next start"

    try:
        assert i18n.install_translators(context.settings.get(LANGUAGE)) == "fr"
        french = new_window(qtbot, context)
        assert [french.file_menu.title(), french.view_menu.title(), french.help_menu.title()] == [
            "&Fichier",
            "&Affichage",
            "&Aide",
        ]
        assert french.navigation.topLevelItem(0).text(0) == "Toutes les machines"
        # Qt's own strings come from PySide6's qtbase catalogue.
        assert QtCore.QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        i18n.remove_translators()
    assert new_window(qtbot, context).file_menu.title() == "&File"


def test_import_through_the_file_menu(
    qtbot: QtBot, engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    """The File menu import: progress, summary, every page told; a broken file is reported."""
    with checked_context(engine, "import under test", settings) as context:
        window = new_window(qtbot, context)
        broken = tmp_path / "broken.xml"
        broken.write_text("<REQUEST><CONTENT>")
        topics: list[str] = []
        context.changed.connect(topics.append)
        job = window.import_files([*sample_files(), broken])
        assert job is not None
        with qtbot.waitSignal(job.finished, timeout=60_000) as blocker:
            pass
        summary = blocker.args[0]
        assert [r.outcome.value for r in summary.results] == ["new", "updated", "failed"]
        assert machine_count(engine) == 1
        assert {"machines", "software", "tags", "groups"} <= set(topics)
        assert "3 file(s)" in window.statusBar().currentMessage()


def test_console_switches_database(qtbot: QtBot, settings: Settings, data_home: Path) -> None:
    """File > Connect… ends in a new window on the new database; the old one closes."""
    app = Console(settings)
    first = open_database(str(data_home / "one.sqlite"), create=True)
    window = app.open(first, "one")
    qtbot.addWidget(window)
    second = open_database(str(data_home / "two.sqlite"), create=True)
    again = app.open(second, "two")
    qtbot.addWidget(again)
    assert app.window is again and app.context is not None and app.context.url == "two"
    assert not window.isVisible()
    app.shut_down()
