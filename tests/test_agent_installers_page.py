"""The Agent installers page: the wizard driven as a user would, real files, real builds.

The Windows package wraps a stand-in setup the test compiles with makensis
(``tests.support.agent_windows``); the Linux installer is a real makeself archive. Files
arrive by real drop events (the setup, the certificate) and through the plugin list's
``dropMimeData``; the core's refusals must show under their field, in English and in
French; a build runs in the worker and its outputs appear on the page; Cancel leaves
nothing; the choices come back for the same profile only; publishing writes the agent file
row and the upgrade package.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from ocs_desktop.db.deploy_rows import DEPLOY
from ocs_desktop.fleet.agent_files import list_files
from ocs_desktop.models import DownloadAvailable
from ocs_desktop.views import i18n
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.installers.choices import CERT_DIR_KEY, INSTALLER_CHOICES
from ocs_desktop.views.installers.file_inputs import FileField
from ocs_desktop.views.installers.page import AgentInstallersPage
from ocs_desktop.views.installers.wizard import (
    BUILD_PAGE,
    KIND_PAGE,
    LINUX_PAGE,
    WINDOWS_OPTIONS_PAGE,
    WINDOWS_SETUP_PAGE,
)
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from ocs_desktop.views.settings import Settings
from tests.support.agent_linux import need_makeself
from tests.support.agent_windows import (
    MACHINE_AMD64,
    PE32_PLUS,
    compile_standin,
    pe_machine,
    seven_zip_list,
    write_ca,
    write_server_cert,
)
from tests.support.upload_fixtures import sqlite_engine

__all__ = ["sqlite_engine"]

SERVER = "https://ocs.example.org/ocsinventory"
YES = QtWidgets.QMessageBox.StandardButton.Yes


@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stand-in Windows setup (a real PE made by makensis), compiled once."""
    return compile_standin(tmp_path_factory.mktemp("standin"))


@pytest.fixture
def files(tmp_path: Path, standin: Path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    plugin = folder / "inventory_extra.ps1"
    plugin.write_text("Write-Output 'extra'\n", encoding="utf-8")
    notes = folder / "notes.txt"
    notes.write_text("not a program\n", encoding="utf-8")
    return {
        "setup": standin,
        "cacert": write_ca(folder / "cacert.pem"),
        "server_cert": write_server_cert(folder / "server.pem"),
        "plugin": plugin,
        "text": notes,
        "out": tmp_path / "out",
    }


def make_context(engine: Engine, tmp_path: Path, url: str = "profile-a") -> ConsoleContext:
    store = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.store.setValue("deployment/store", str(tmp_path / "store"))
    return ConsoleContext(engine, url, settings)


@pytest.fixture
def context(sqlite_engine: Engine, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    context = make_context(sqlite_engine, tmp_path)
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(60_000)


def open_page(context: ConsoleContext, qtbot: QtBot) -> AgentInstallersPage:
    page = AgentInstallersPage(context)
    qtbot.addWidget(page)
    page.resize(850, 640)
    page.show()
    idle(context, qtbot)
    return page


def idle(context: ConsoleContext, qtbot: QtBot, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not context.runner.active_count(), timeout=timeout)


def drop(widget: QtWidgets.QWidget, paths: list[Path]) -> QtGui.QDropEvent:
    """Drag ``paths`` over ``widget`` and drop them, as a file manager does."""
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(p)) for p in paths])
    where = QtCore.QPointF(widget.rect().center())
    actions, left, none = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QtGui.QDragEnterEvent(where.toPoint(), actions, mime, left, none)
    QtWidgets.QApplication.sendEvent(widget, enter)
    event = QtGui.QDropEvent(where, actions, mime, left, none)
    if enter.isAccepted():
        QtWidgets.QApplication.sendEvent(widget, event)
    return event


def drop_file(field: FileField, path: Path, context: ConsoleContext, qtbot: QtBot) -> str:
    """Drop one file on ``field`` and wait for its check: the refusal shown ("" if none)."""
    event = drop(field, [path])
    assert event.isAccepted()
    idle(context, qtbot)
    assert field.text() == str(path)
    return field.error.text() if field.error.isVisibleTo(field) else ""


def fill_windows(page: AgentInstallersPage, files: dict[str, Path], qtbot: QtBot) -> None:
    """Kind Windows, the setup page filled (setup and CA dropped), then Next."""
    context, wizard = page.context, page.wizard
    assert wizard.currentId() == KIND_PAGE
    wizard.kind_page.windows.click()
    wizard.next()
    assert wizard.currentId() == WINDOWS_SETUP_PAGE
    setup = wizard.windows_setup
    assert drop_file(setup.setup, files["setup"], context, qtbot) == ""
    assert drop_file(setup.fields.cacert, files["cacert"], context, qtbot) == ""
    setup.fields.server.clear()
    qtbot.keyClicks(setup.fields.server, SERVER)
    setup.tag_mode_buttons["tag"].click()
    setup.fields.tag.clear()
    qtbot.keyClicks(setup.fields.tag, "Paris office")


def build_and_wait(page: AgentInstallersPage, qtbot: QtBot) -> None:
    build = page.wizard.build_page
    with qtbot.waitSignal(build.built, timeout=120_000):
        assert build.build() is not None
        assert build.cancel_button.isEnabled() and not build.build_button.isEnabled()
    idle(page.context, qtbot)


# --- Windows ---------------------------------------------------------------------------------
def test_windows_package_built_through_the_wizard_and_shown(
    context: ConsoleContext, files: dict[str, Path], qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(context, qtbot)
    wizard = page.wizard
    fill_windows(page, files, qtbot)
    assert wizard.windows_setup.isComplete()
    wizard.next()
    assert wizard.currentId() == WINDOWS_OPTIONS_PAGE
    options = wizard.windows_options
    accepted = options.plugins.model.dropMimeData(
        _urls([files["plugin"], files["plugin"]]), Qt.DropAction.CopyAction, -1, -1,
        QtCore.QModelIndex(),
    )  # fmt: skip
    assert accepted and options.plugins.model.paths() == [files["plugin"]]
    qtbot.keyClicks(options.label, "Your office, please")
    options.now.setChecked(True)
    options.extra.setText("/NO_SYSTRAY")
    wizard.next()
    assert wizard.currentId() == BUILD_PAGE
    build = wizard.build_page
    assert build.build_button.isDefault()
    assert "ocspackage.exe" in build.summary.text() and SERVER in build.summary.text()
    assert not build.isComplete()
    build.output_dir.setText(str(files["out"]))
    with qtbot.waitSignal(build.built, timeout=120_000):  # Enter builds: the default button
        qtbot.keyClick(build.output_dir, Qt.Key.Key_Return)
    idle(context, qtbot)
    assert wizard.button(QtWidgets.QWizard.WizardButton.FinishButton).isEnabled()

    exe, sidecar = files["out"] / "ocspackage.exe", files["out"] / "ocspackage.json"
    digest = hashlib.sha256(exe.read_bytes()).hexdigest()
    outputs = build.outputs
    assert outputs.installer_path.text() == str(exe)
    assert outputs.sidecar.text() == str(sidecar)
    assert outputs.sha256.text() == digest
    assert outputs.size_field.text() == QtCore.QLocale().formattedDataSize(
        exe.stat().st_size, 1, QtCore.QLocale.DataSizeFormat.DataSizeIecFormat
    )
    record = json.loads(sidecar.read_text(encoding="utf-8"))
    assert record["output"]["sha256"] == digest
    assert record["inputs"]["label"] == "Your office, please" and record["inputs"]["now"]
    assert record["inputs"]["tag"] == "Paris office" and not record["inputs"]["notag"]
    assert build.progress.value() == 1000 and build.isComplete()
    inside = " ".join(seven_zip_list(exe))
    assert "inventory_extra.ps1" in inside and "cacert.pem" in inside
    assert outputs.agent_file_button.isVisibleTo(page) and outputs.agent_file_button.isEnabled()
    outputs.copy_sha256()
    assert QtGui.QGuiApplication.clipboard().text() == digest
    opened: list[QtCore.QUrl] = []
    recorder = _Recorder(opened)  # kept alive while it is the handler
    QtGui.QDesktopServices.setUrlHandler("file", recorder, "record")
    try:
        assert outputs.open_folder()
    finally:
        QtGui.QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in opened] == [str(files["out"])]


class _Recorder(QtCore.QObject):
    """Receives the URLs QDesktopServices would open (no file manager in tests)."""

    def __init__(self, seen: list[QtCore.QUrl]) -> None:
        super().__init__()
        self.seen = seen

    @QtCore.Slot(QtCore.QUrl)
    def record(self, url: QtCore.QUrl) -> None:
        self.seen.append(url)


def _urls(paths: list[Path]) -> QtCore.QMimeData:
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_windows_refusals_show_under_their_fields(
    context: ConsoleContext, files: dict[str, Path], qtbot: QtBot
) -> None:
    page = open_page(context, qtbot)
    wizard = page.wizard
    wizard.next()
    setup = wizard.windows_setup
    refusal = drop_file(setup.setup, files["text"], context, qtbot)
    assert refusal == f"{files['text']} is not a Windows executable"
    assert not setup.isComplete()
    assert drop_file(setup.setup, files["setup"], context, qtbot) == ""
    refusal = drop_file(setup.fields.cacert, files["server_cert"], context, qtbot)
    assert refusal == f"{files['server_cert']} is not a PEM CA certificate"
    assert not setup.isComplete()
    assert drop_file(setup.fields.cacert, files["cacert"], context, qtbot) == ""
    assert setup.isComplete()
    # Two files at once are not one setup: the drop is refused.
    assert not drop(setup.setup, [files["setup"], files["text"]]).isAccepted()

    setup.fields.server.setText('https://ocs.example.org/ocs"; rm -rf /')
    wizard.next()
    assert wizard.currentId() == WINDOWS_SETUP_PAGE
    assert "is not a valid http(s) URL" in setup.fields.server_error.text()
    assert setup.fields.server_error.isVisibleTo(page)
    setup.fields.server.setText(SERVER)
    setup.fields.tag.setText("$(reboot)")
    wizard.next()
    assert wizard.currentId() == WINDOWS_SETUP_PAGE
    assert setup.fields.tag_error.text() == (
        "The TAG value '$(reboot)' holds characters not allowed"
    )
    assert not setup.fields.server_error.isVisibleTo(page)
    setup.fields.tag.setText("Paris")
    wizard.next()
    assert wizard.currentId() == WINDOWS_OPTIONS_PAGE
    options = wizard.windows_options
    for hostile in ("/D=C:\\evil", "/S\n/SERVER=x", "/X=a;b"):
        options.extra.setText(hostile)
        wizard.next()
        assert wizard.currentId() == WINDOWS_OPTIONS_PAGE, hostile
        assert options.extra_error.text(), hostile
    options.extra.setText("")
    spaced = files["plugin"].with_name("my plugin.ps1")
    spaced.write_text("x", encoding="utf-8")
    assert options.plugins.model.add([files["plugin"], spaced]) == [files["plugin"], spaced]
    wizard.next()
    assert wizard.currentId() == WINDOWS_OPTIONS_PAGE
    assert options.plugins_error.text() == (
        "The file name my plugin.ps1 may hold only letters, digits and . _ - +"
    )
    options.plugins.view.selectionModel().select(
        options.plugins.model.index(1),
        QtCore.QItemSelectionModel.SelectionFlag.Select,
    )
    assert options.plugins.remove_button.isEnabled()
    options.plugins.remove_button.click()
    assert options.plugins.model.paths() == [files["plugin"]]
    options.proxy_type.setCurrentIndex(1)
    wizard.next()
    assert wizard.currentId() == WINDOWS_OPTIONS_PAGE
    assert options.proxy_error.text() == ("The proxy host value '' holds characters not allowed")
    options.proxy_host.setText("proxy.example.org")
    options.proxy_port.setValue(3128)
    wizard.next()
    assert wizard.currentId() == BUILD_PAGE
    assert not (Path(files["out"]) / "ocspackage.exe").exists()


def test_every_labelled_input_is_reachable_by_keyboard(
    context: ConsoleContext, qtbot: QtBot
) -> None:
    page = open_page(context, qtbot)
    wizard = page.wizard
    pages = [wizard.page(number) for number in wizard.pageIds()]
    labels = [label for p in pages for label in p.findChildren(QtWidgets.QLabel)]
    with_mnemonic = [label for label in labels if "&" in label.text().replace("&&", "")]
    assert len(with_mnemonic) >= 10
    assert [label.text() for label in with_mnemonic if label.buddy() is None] == []
    for p in pages:  # one Alt+letter per page, none taken twice
        keys = [
            label.text().split("&")[1][0].lower()
            for label in p.findChildren(QtWidgets.QLabel)
            + p.findChildren(QtWidgets.QAbstractButton)
            if "&" in label.text().replace("&&", "")
        ]
        assert len(keys) == len(set(keys)), (p.title(), keys)
    # A button's Alt+letter is window-wide (tests/test_console_keyboard.py): one owner each.
    claimed = [b.shortcut().toString() for b in page.findChildren(QtWidgets.QAbstractButton)]
    claimed = [sequence for sequence in claimed if sequence]
    assert len(claimed) >= 8 and len(claimed) == len(set(claimed)), claimed
    wizard.next()
    setup = wizard.windows_setup
    order = [setup.setup.line, setup.setup.browse_button, setup.fields.server]
    for before, after in itertools.pairwise(order):
        assert _tab_reaches(before, after)


def _tab_reaches(start: QtWidgets.QWidget, target: QtWidgets.QWidget) -> bool:
    """Tab from ``start`` reaches ``target`` within a few focusable stops."""
    widget = start.nextInFocusChain()
    for _ in range(8):
        if widget is target:
            return True
        widget = widget.nextInFocusChain()
    return False


def test_refusals_in_french(context: ConsoleContext, files: dict[str, Path], qtbot: QtBot) -> None:
    i18n.ensure_compiled()
    try:
        assert i18n.install_translators("fr") == "fr"
        page = open_page(context, qtbot)
        wizard = page.wizard
        assert wizard.kind_page.title() == "Installateur d'agent"
        wizard.next()
        setup = wizard.windows_setup
        refusal = drop_file(setup.setup, files["text"], context, qtbot)
        assert refusal == f"{files['text']} n'est pas un exécutable Windows"
        assert drop_file(setup.setup, files["setup"], context, qtbot) == ""
        assert drop_file(setup.fields.cacert, files["cacert"], context, qtbot) == ""
        setup.fields.server.setText("ftp://ocs.example.org/")
        wizard.next()
        assert setup.fields.server_error.text() == (
            "L'URL du serveur 'ftp://ocs.example.org/' n'est pas une URL http(s) valide"
        )
        wizard.restart()
        wizard.kind_page.linux.click()
        wizard.next()
        assert wizard.currentId() == LINUX_PAGE
        linux = wizard.linux_page
        linux.fields.server.setText("https://ocs.example.org")
        linux.fields.tag.setText(" Paris")
        wizard.next()
        assert wizard.currentId() == LINUX_PAGE
        assert linux.fields.tag_error.text() == "Le TAG commence ou finit par une espace"
        linux.fields.tag.setText("Paris")
        linux.fields.server.setText("https://ocs.example.org/o\x07cs")
        wizard.next()
        assert linux.fields.server_error.text() == (
            "Le champ URL du serveur contient un caractère de contrôle"
        )
    finally:
        i18n.remove_translators()


#: The room the page has in a 1024x768 window: minus the navigation (200 px), the menu,
#: toolbar, login banner and status bar (about 160 px).
ROOM = QtCore.QSize(1024 - 210, 768 - 160)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_step_fits_1024x768(
    context: ConsoleContext, files: dict[str, Path], qtbot: QtBot, lang: str
) -> None:
    i18n.ensure_compiled()
    try:
        assert i18n.install_translators(lang) == lang
        page = open_page(context, qtbot)
        wizard = page.wizard
        sizes = {"kind": page.minimumSizeHint()}
        fill_windows(page, files, qtbot)
        sizes["setup"] = page.minimumSizeHint()
        wizard.next()
        wizard.windows_options.proxy_type.setCurrentIndex(3)
        wizard.windows_options.extra_error.setText("x" * 300)
        sizes["options"] = page.minimumSizeHint()
        wizard.windows_options.proxy_type.setCurrentIndex(0)
        wizard.next()
        wizard.build_page.output_dir.setText(str(files["out"]))
        build_and_wait(page, qtbot)
        assert wizard.build_page.outputs.upgrade_button.isVisibleTo(page)
        sizes["built"] = page.minimumSizeHint()
        wizard.restart()
        wizard.kind_page.linux.click()
        wizard.next()
        sizes["linux"] = page.minimumSizeHint()
        too_big = {
            step: (size.width(), size.height())
            for step, size in sizes.items()
            if size.width() > ROOM.width() or size.height() > ROOM.height()
        }
        assert too_big == {}
    finally:
        i18n.remove_translators()


def test_cancel_leaves_nothing(
    context: ConsoleContext, files: dict[str, Path], qtbot: QtBot, tmp_path: Path
) -> None:
    # A setup heavy enough (incompressible) that makensis is still at work when Cancel comes.
    heavy = tmp_path / "heavy-setup.exe"
    heavy.write_bytes(files["setup"].read_bytes() + os.urandom(48 * 1024 * 1024))
    page = open_page(context, qtbot)
    wizard = page.wizard
    fill_windows(page, {**files, "setup": heavy}, qtbot)
    wizard.next()
    wizard.next()
    build = wizard.build_page
    build.output_dir.setText(str(files["out"]))
    task = build.build()
    assert task is not None
    with qtbot.waitSignal(build.stopped, timeout=60_000) as stopped:
        qtbot.waitUntil(lambda: build.progress.value() > 0, timeout=30_000)
        build.cancel_button.click()
    assert stopped.args == [""]
    idle(context, qtbot)
    assert build.status.text() == "Build cancelled; nothing was written."
    assert not files["out"].exists() or list(files["out"].iterdir()) == []
    assert build.result is None and not build.isComplete()
    assert build.build_button.isEnabled() and not build.cancel_button.isEnabled()


# --- Linux ----------------------------------------------------------------------------------
def test_linux_installer_built_through_the_wizard(
    context: ConsoleContext, files: dict[str, Path], qtbot: QtBot
) -> None:
    need_makeself()
    page = open_page(context, qtbot)
    wizard = page.wizard
    wizard.kind_page.linux.click()
    wizard.next()
    assert wizard.currentId() == LINUX_PAGE
    linux = wizard.linux_page
    qtbot.keyClicks(linux.fields.server, "https://ocs.example.org:8443")
    wizard.next()
    assert wizard.currentId() == LINUX_PAGE  # https with SSL checks needs the CA
    assert "CA certificate" in linux.fields.cacert.error.text()
    assert drop_file(linux.fields.cacert, files["cacert"], context, qtbot) == ""
    linux.fields.tag.setText("Lyon")
    linux.first_run.setChecked(False)
    wizard.next()
    assert wizard.currentId() == BUILD_PAGE
    build = wizard.build_page
    build.output_dir.setText(str(files["out"]))
    build_and_wait(page, qtbot)
    run = files["out"] / "ocs-agent-installer.run"
    assert build.outputs.installer_path.text() == str(run)
    assert build.outputs.sha256.text() == hashlib.sha256(run.read_bytes()).hexdigest()
    assert os.access(run, os.X_OK)
    inputs = json.loads((files["out"] / "ocs-agent-installer.json").read_text())["inputs"]
    assert inputs["server"] == "https://ocs.example.org:8443/ocsinventory"
    assert (inputs["tag"], inputs["first_run"], inputs["ssl"]) == ("Lyon", False, True)
    assert not build.outputs.agent_file_button.isVisibleTo(page)  # publishing is for Windows


# --- remembered choices -------------------------------------------------------------------------
def test_choices_remembered_per_profile(
    sqlite_engine: Engine, files: dict[str, Path], qtbot: QtBot, tmp_path: Path
) -> None:
    first = make_context(sqlite_engine, tmp_path, "profile-a")
    certs = tmp_path / "tls"
    certs.mkdir()
    write_ca(certs / "cacert.pem")
    first.settings.store.setValue(CERT_DIR_KEY, str(certs))
    page = open_page(first, qtbot)
    wizard = page.wizard
    # The certificate of cert init (the Certificates tab's folder) is the default.
    assert wizard.windows_setup.fields.cacert.text() == str(certs / "cacert.pem")
    fill_windows(page, files, qtbot)
    wizard.next()
    options = wizard.windows_options
    options.plugins.model.add([files["plugin"]])
    options.nosplash.setChecked(False)
    options.debug.setCurrentIndex(2)
    options.proxy_type.setCurrentIndex(1)
    options.proxy_host.setText("proxy.example.org")
    options.proxy_port.setValue(3128)
    options.proxy_user.setText("agent")
    options.proxy_password.setText("s3cret-proxy")
    assert [options.arch.itemText(i) for i in range(options.arch.count())] == [
        "32-bit (x86, every Windows)",
        "64-bit (x64)",
    ]
    assert options.arch.currentIndex() == 0 and options.choices()["arch"] == "x86"
    options.arch.setCurrentIndex(1)
    wizard.next()
    wizard.build_page.output_dir.setText(str(files["out"]))
    build_and_wait(page, qtbot)
    first.runner.wait_idle(10_000)
    assert pe_machine(files["out"] / "ocspackage.exe") == (MACHINE_AMD64, PE32_PLUS)
    sidecar = json.loads((files["out"] / "ocspackage.json").read_text())
    assert sidecar["inputs"]["arch"] == "x64"
    first.settings.sync()
    saved = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "s3cret-proxy" not in saved and "Paris office" in saved

    again = open_page(make_context(sqlite_engine, tmp_path, "profile-a"), qtbot)
    restored = again.wizard
    assert restored.kind() == "windows"
    setup = restored.windows_setup
    assert setup.setup.text() == str(files["setup"])
    assert setup.fields.server.text() == SERVER and setup.fields.tag.text() == "Paris office"
    assert setup.fields.cacert.text() == str(files["cacert"])
    restored_options = restored.windows_options
    assert restored_options.plugins.model.paths() == [files["plugin"]]
    assert not restored_options.nosplash.isChecked()
    assert restored_options.debug.currentIndex() == 2
    assert restored_options.proxy_host.text() == "proxy.example.org"
    assert restored_options.proxy_port.value() == 3128
    assert restored_options.proxy_password.text() == ""
    assert restored_options.arch.currentText() == "64-bit (x64)"
    assert restored_options.choices()["arch"] == "x64"
    assert restored.build_page.output_dir.text() == str(files["out"])

    other = open_page(make_context(sqlite_engine, tmp_path, "profile-b"), qtbot)
    assert other.wizard.windows_setup.setup.text() == ""
    assert other.wizard.windows_setup.fields.server.text() == ""
    assert other.wizard.windows_options.choices()["arch"] == "x86"
    other.wizard.windows_options.apply({"arch": "arm64"})  # a hand-edited setting: ignored
    assert other.wizard.windows_options.choices()["arch"] == "x86"
    profiles = first.settings.get(INSTALLER_CHOICES)
    assert set(profiles) == {"profile-a"}


# --- publishing -----------------------------------------------------------------------------
def test_publish_as_agent_file_and_upgrade_package(
    engine: Engine,
    files: dict[str, Path],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = make_context(engine, tmp_path)
    try:
        page = open_page(context, qtbot)
        fill_windows(page, files, qtbot)
        page.wizard.next()
        page.wizard.next()
        build = page.wizard.build_page
        build.output_dir.setText(str(files["out"]))
        build_and_wait(page, qtbot)
        outputs = build.outputs
        exe = files["out"] / "ocspackage.exe"

        asked: list[str] = []

        def answer(reply: QtWidgets.QMessageBox.StandardButton) -> object:
            def question(_parent: object, title: str, *_args: object) -> object:
                asked.append(title)
                return reply

            return question

        monkeypatch.setattr(
            QtWidgets.QMessageBox, "question", answer(QtWidgets.QMessageBox.StandardButton.No)
        )
        assert outputs.ask_publish_agent_file() is None
        with engine.connect() as conn:
            assert list_files(conn) == []

        monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer(YES))
        with qtbot.waitSignal(outputs.published, timeout=60_000) as published:
            assert outputs.ask_publish_agent_file() is not None
        assert asked == ["Publish as agent file", "Publish as agent file"]
        assert "/ocsinventory/deploy/ocspackage.exe" in str(published.args[0])
        with engine.connect() as conn:
            content = conn.scalar(select(DEPLOY.c.CONTENT).where(DEPLOY.c.NAME == "ocspackage.exe"))
        assert content == exe.read_bytes()

        with qtbot.waitSignal(outputs.published, timeout=120_000) as published:
            assert outputs.ask_publish_upgrade() is not None
        with engine.connect() as conn:
            fileids = list(conn.scalars(select(DownloadAvailable.FILEID)))
        assert len(fileids) == 1 and fileids[0] in str(published.args[0])
        assert (tmp_path / "store" / fileids[0] / "info").is_file()
    finally:
        context.runner.cancel_all()
        assert context.runner.wait_idle(60_000)


def test_page_is_registered_with_its_own_shortcut() -> None:
    from ocs_desktop.views.main_window import page_shortcut
    from ocs_desktop.views.page_registry import PAGES, load_class

    keys = [spec.key for spec in PAGES]
    spec = PAGES[keys.index("installers")]
    assert load_class(spec) is AgentInstallersPage
    shortcuts = [page_shortcut(index).toString() for index in range(len(PAGES))]
    mine = shortcuts[keys.index("installers")]
    assert mine.startswith("Ctrl+") and shortcuts.count(mine) == 1
