"""The start-up dialog: pick a database profile, connect, and explain what went wrong.

The embedded default (a SQLite file in the user's data folder, created on first use) is
always first; MySQL/MariaDB profiles are added, edited and deleted here and saved in the
settings without their passwords, which go to the OS keyring when there is one and are
otherwise asked for at each connection. Connecting and checking run in the worker, so a
slow or unreachable server never freezes the dialog; a database that fails ``db check``
is shown with the check's own report. An empty embedded database gets an offer to import
the sample inventories shipped with the console.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from ocs_desktop.db.profiles import (
    EMBEDDED_NAME,
    OpenedDatabase,
    Profile,
    embedded_profile,
    forget_password,
    initialise_database,
    keyring_available,
    load_password,
    open_database,
    store_password,
)
from ocs_desktop.inventory.importer import ImportSummary
from ocs_desktop.views.importing import InventoryImport, sample_files
from ocs_desktop.views.profile_editor import ProfileEditor
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.settings import LAST_PROFILE, OFFER_SAMPLE_IMPORT, PROFILES, Settings
from ocs_desktop.views.worker import Task, TaskRunner

ProfileRole = Qt.ItemDataRole.UserRole + 1


def saved_profiles(settings: Settings) -> list[Profile]:
    """The saved profiles: MySQL ones and SQLite files opened by hand (malformed ones skipped)."""
    profiles: list[Profile] = []
    for entry in settings.get(PROFILES):
        if isinstance(entry, dict) and entry.get("name"):
            try:
                profiles.append(Profile.from_dict(entry))
            except (TypeError, ValueError):
                continue
    return profiles


def profile_label(profile: Profile) -> str:
    """What the status bar shows: the profile's name and where it points."""
    return f"{profile.name} — {profile.describe()}"


class ConnectDialog(QtWidgets.QDialog):
    """Choose and open a database; on success ``opened`` holds the engine and its report."""

    connected = Signal(object)

    def __init__(
        self,
        settings: Settings,
        runner: TaskRunner | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to an OCS database"))
        self.settings = settings
        self.runner = runner if runner is not None else TaskRunner(parent=self)
        self.opened: OpenedDatabase | None = None
        self.profile: Profile | None = None
        self.label = ""
        self.sample_summary: ImportSummary | None = None
        self._task: Task | None = None
        self._import: InventoryImport | None = None
        self._url = ""
        self._build()
        self.reload_profiles(settings.get(LAST_PROFILE))

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.profile_list = QtWidgets.QListWidget()
        self.profile_list.setMinimumWidth(220)
        self.profile_list.currentItemChanged.connect(self._profile_selected)
        self.profile_list.itemDoubleClicked.connect(lambda _item: self.connect_selected())
        self.new_button = QtWidgets.QPushButton(self.tr("New…"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Edit…"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self._new_profile)
        self.edit_button.clicked.connect(self._edit_profile)
        self.delete_button.clicked.connect(self._delete_profile)
        self.open_file_button = QtWidgets.QPushButton(self.tr("Open SQLite file…"))
        self.open_file_button.setToolTip(
            self.tr("Add an existing SQLite ocsweb database file as a profile and connect to it")
        )
        self.open_file_button.clicked.connect(self._choose_sqlite_file)
        profile_buttons = QtWidgets.QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            profile_buttons.addWidget(button)
        left_panel = QtWidgets.QWidget()
        left_panel.setMaximumWidth(320)
        left = QtWidgets.QVBoxLayout(left_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(QtWidgets.QLabel(self.tr("Profiles")))
        left.addWidget(self.profile_list)
        left.addLayout(profile_buttons)
        left.addWidget(self.open_file_button)

        self.details_label = QtWidgets.QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_label = QtWidgets.QLabel(self.tr("Password:"))
        self.password_edit = QtWidgets.QLineEdit()
        self.password_edit.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.connect_selected)
        self.remember_check = QtWidgets.QCheckBox(self.tr("Remember the password in the keyring"))
        self.keyring_note = QtWidgets.QLabel()
        self.keyring_note.setWordWrap(True)
        self.message_label = QtWidgets.QLabel()
        self.message_label.setWordWrap(True)
        self.report_view = QtWidgets.QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_view.hide()
        self.init_button = QtWidgets.QPushButton(self.tr("Create the OCS tables"))
        self.init_button.clicked.connect(self.initialise_selected)
        self.init_button.hide()
        self.progress_bar = QtWidgets.QProgressBar()
        self.progress_bar.hide()

        self.sample_panel = QtWidgets.QFrame()
        self.sample_panel.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        sample_text = QtWidgets.QLabel(
            self.tr(
                "This database holds no machine yet. Import the sample inventories shipped "
                "with OCS Desktop (a real Linux agent's first inventory and its update) to "
                "look around?"
            )
        )
        sample_text.setWordWrap(True)
        self.import_samples_button = QtWidgets.QPushButton(self.tr("Import the samples"))
        self.skip_samples_button = QtWidgets.QPushButton(self.tr("Start empty"))
        self.import_samples_button.clicked.connect(self.import_samples)
        self.skip_samples_button.clicked.connect(self.skip_samples)
        sample_buttons = QtWidgets.QHBoxLayout()
        sample_buttons.addStretch(1)
        sample_buttons.addWidget(self.import_samples_button)
        sample_buttons.addWidget(self.skip_samples_button)
        sample_layout = QtWidgets.QVBoxLayout(self.sample_panel)
        sample_layout.addWidget(sample_text)
        sample_layout.addLayout(sample_buttons)
        self.sample_panel.hide()

        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.details_label)
        password_row = QtWidgets.QHBoxLayout()
        password_row.addWidget(self.password_label)
        password_row.addWidget(self.password_edit, 1)
        right.addLayout(password_row)
        right.addWidget(self.remember_check)
        right.addWidget(self.keyring_note)
        right.addWidget(self.message_label)
        right.addWidget(self.report_view, 1)
        right.addWidget(self.init_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.sample_panel)
        right.addStretch(0)
        right.addWidget(self.progress_bar)

        self.details_label.setMinimumWidth(340)
        columns = QtWidgets.QHBoxLayout()
        columns.addWidget(left_panel)
        columns.addLayout(right, 1)

        self.buttons = QtWidgets.QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("Connect"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button.clicked.connect(self.connect_selected)
        self.cancel_button.clicked.connect(self.reject)
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.open_file_button,
            self.init_button,
            self.cancel_button,
        ):
            # Enter anywhere but on the sample offer connects: Connect is the only default.
            button.setAutoDefault(False)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.connect_button.setDefault(True)  # once in the dialog, or the dialog ignores it
        self.resize(760, 420)

    # --- profiles -------------------------------------------------------------------------
    def profiles(self) -> list[Profile]:
        """Every profile offered: the embedded default first, then the saved ones."""
        return [embedded_profile(), *saved_profiles(self.settings)]

    def reload_profiles(self, select: str = "") -> None:
        self.profile_list.clear()
        for profile in self.profiles():
            title = self.tr("Embedded database") if profile.name == EMBEDDED_NAME else profile.name
            item = QtWidgets.QListWidgetItem(title)
            item.setData(ProfileRole, profile)
            item.setToolTip(profile.describe())
            self.profile_list.addItem(item)
            if profile.name == select:
                self.profile_list.setCurrentItem(item)
        if self.profile_list.currentItem() is None:
            self.profile_list.setCurrentRow(0)

    def selected_profile(self) -> Profile | None:
        item = self.profile_list.currentItem()
        return item.data(ProfileRole) if item is not None else None

    def select_profile(self, name: str) -> None:
        for row in range(self.profile_list.count()):
            item = self.profile_list.item(row)
            if item.data(ProfileRole).name == name:
                self.profile_list.setCurrentItem(item)
                return
        raise KeyError(name)

    def _save_profiles(self, profiles: list[Profile]) -> None:
        self.settings.set(PROFILES, [p.to_dict() for p in profiles if p.name != EMBEDDED_NAME])
        self.settings.sync()

    def add_profile(self, profile: Profile, password: str = "", remember: bool = False) -> None:
        """Save a new MySQL profile (and its password in the keyring if asked and possible)."""
        saved = saved_profiles(self.settings)
        if profile.name == EMBEDDED_NAME or any(p.name == profile.name for p in saved):
            raise ValueError(f"a profile named {profile.name} already exists")
        self._save_profiles([*saved, profile])
        if remember and password:
            store_password(profile, password)
        self.reload_profiles(profile.name)

    def replace_profile(
        self, old_name: str, profile: Profile, password: str = "", remember: bool = False
    ) -> None:
        """Save ``profile`` in place of ``old_name``; a new password replaces the kept one."""
        saved = saved_profiles(self.settings)
        kept = load_password(Profile(old_name)) if old_name != profile.name else None
        self._save_profiles([profile if p.name == old_name else p for p in saved])
        if old_name != profile.name:
            forget_password(old_name)
            if kept and not password:
                store_password(profile, kept)
        if password:
            if remember:
                store_password(profile, password)
            else:
                forget_password(profile)
        self.reload_profiles(profile.name)

    def delete_profile(self, name: str) -> None:
        """Remove a saved profile and its kept password; the embedded default stays."""
        if name == EMBEDDED_NAME:
            return
        self._save_profiles([p for p in saved_profiles(self.settings) if p.name != name])
        forget_password(name)
        self.reload_profiles()

    def _new_profile(self) -> None:
        taken = {p.name for p in self.profiles()}
        editor = ProfileEditor(taken, parent=self, runner=self.runner)
        if editor.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.add_profile(editor.profile(), editor.password(), editor.remember())

    def _edit_profile(self) -> None:
        profile = self.selected_profile()
        if profile is None or profile.kind != "mysql":
            return
        taken = {p.name for p in self.profiles()} - {profile.name}
        editor = ProfileEditor(taken, profile, parent=self, runner=self.runner)
        if editor.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.replace_profile(
                profile.name, editor.profile(), editor.password(), editor.remember()
            )

    def add_sqlite_file(self, path: str) -> Profile:
        """Offer an existing SQLite database file as a profile (named after the file)."""
        resolved = str(Path(path).expanduser().resolve())
        saved = saved_profiles(self.settings)
        for profile in saved:
            if profile.kind == "sqlite" and profile.path == resolved:
                self.reload_profiles(profile.name)
                return profile
        taken = {p.name for p in self.profiles()}
        stem = Path(resolved).name
        name, number = stem, 2
        while name in taken:
            name, number = f"{stem} ({number})", number + 1
        profile = Profile(name, kind="sqlite", path=resolved)
        self._save_profiles([*saved, profile])
        self.reload_profiles(profile.name)
        return profile

    def _choose_sqlite_file(self) -> None:
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("Open SQLite file"),
            "",
            self.tr("SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)"),
        )
        if path:
            self.add_sqlite_file(path)
            self.connect_selected()

    def _delete_profile(self) -> None:
        profile = self.selected_profile()
        if profile is None or profile.name == EMBEDDED_NAME:
            return
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete profile"),
            self.tr("Delete the profile {0}? The database itself is not touched.").format(
                profile.name
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.delete_profile(profile.name)

    def _profile_selected(self, *_args: Any) -> None:
        profile = self.selected_profile()
        self._clear_messages()
        self._busy(False)
        if profile is None:
            return
        if profile.kind == "sqlite":
            self.details_label.setText(
                self.tr("SQLite database on this computer:\n{0}").format(profile.path)
            )
        else:
            tls = self.tr("required") if profile.tls else self.tr("off")
            self.details_label.setText(
                self.tr(
                    "MySQL/MariaDB server {0}, port {1}\nDatabase: {2}\nUser: {3}\nTLS: {4}"
                ).format(profile.host, profile.port, profile.database, profile.user, tls)
            )
        kept = load_password(profile) if profile.needs_password else None
        asks = profile.needs_password and kept is None
        self.password_label.setVisible(asks)
        self.password_edit.setVisible(asks)
        self.password_edit.clear()
        self.remember_check.setVisible(asks and keyring_available())
        if profile.needs_password and kept is not None:
            self.keyring_note.setText(self.tr("The password is kept in the system keyring."))
        elif asks and not keyring_available():
            self.keyring_note.setText(
                self.tr("No system keyring is available: the password is asked each time.")
            )
        else:
            self.keyring_note.clear()
        self.keyring_note.setVisible(bool(self.keyring_note.text()))

    # --- connecting -----------------------------------------------------------------------
    def _clear_messages(self) -> None:
        self.message_label.clear()
        self.report_view.clear()
        self.report_view.hide()
        self.init_button.hide()
        self.sample_panel.hide()

    def _busy(self, busy: bool, text: str = "") -> None:
        for widget in (
            self.profile_list,
            self.new_button,
            self.password_edit,
            self.connect_button,
            self.init_button,
        ):
            widget.setEnabled(not busy)
        profile = self.selected_profile()
        editable = not busy and profile is not None and profile.name != EMBEDDED_NAME
        self.edit_button.setEnabled(editable and profile is not None and profile.kind == "mysql")
        self.delete_button.setEnabled(editable)
        self.progress_bar.setVisible(busy)
        self.progress_bar.setRange(0, 0)
        if text:
            self.message_label.setText(text)

    def password_for(self, profile: Profile) -> str | None:
        """The password to connect with: typed in, or kept in the keyring."""
        if not profile.needs_password:
            return None
        typed = self.password_edit.text()
        kept = None if typed else load_password(profile)
        return kept if kept is not None else typed

    def connect_selected(self) -> Task | None:
        """Open the selected profile's database in the worker."""
        profile = self.selected_profile()
        if profile is None or self._task is not None:
            return None
        password = self.password_for(profile)
        if self.opened is not None and self.opened.engine is not None:
            self.opened.engine.dispose()  # opened earlier, then another profile was chosen
        self.opened = None
        self._clear_messages()
        self._busy(True, self.tr("Connecting to {0}…").format(profile.describe()))
        url = profile.url(password)
        create = profile.name == EMBEDDED_NAME
        self._url = url
        task = self.runner.run(
            lambda _progress: open_database(url, create=create),
            on_done=lambda opened: self._opened(profile, password, opened),
            on_failed=self._connect_failed,
        )
        task.cancelled.connect(lambda: self._busy(False))
        task.finished.connect(lambda: self._task_over(task))
        self._task = task
        return task

    def _task_over(self, task: Task) -> None:
        if self._task is task:
            self._task = None

    def _connect_failed(self, message: str) -> None:
        self._busy(False)
        self.message_label.setText(self.tr("Cannot connect: {0}").format(message))
        profile = self.selected_profile()
        if profile is not None and profile.needs_password and self.password_edit.isHidden():
            # The kept password may be the wrong one: let the user type another.
            self.password_label.show()
            self.password_edit.show()
            self.remember_check.setVisible(keyring_available())

    def _opened(self, profile: Profile, password: str | None, opened: OpenedDatabase) -> None:
        self._busy(False)
        if not opened.ok:
            self.message_label.setText(
                self.tr(
                    "This database cannot be used as it is: it lacks tables or columns the "
                    "console needs. The check found:"
                )
            )
            self.report_view.setPlainText("\n".join(opened.report.format()))
            self.report_view.show()
            self.init_button.setVisible(opened.report.present_tables == 0)
            return
        remember = not self.remember_check.isHidden() and self.remember_check.isChecked()
        if password and remember and self.password_edit.text():
            store_password(profile, password)
        self.profile = profile
        self.opened = opened
        self.label = profile_label(profile)
        self.settings.set(LAST_PROFILE, profile.name)
        self.settings.sync()
        if opened.empty and profile.kind == "sqlite" and self.settings.get(OFFER_SAMPLE_IMPORT):
            self.message_label.setText(self.tr("Connected."))
            for widget in (self.profile_list, self.connect_button, self.new_button):
                widget.setEnabled(False)  # the offer is about this database: answer it first
            self.edit_button.setEnabled(False)
            self.delete_button.setEnabled(False)
            self.sample_panel.show()
            self.import_samples_button.setFocus()
            return
        self._finish()

    def initialise_selected(self) -> Task | None:
        """Create the OCS tables in the (empty) database the last check was about."""
        if not self._url or self._task is not None:
            return None
        url = self._url
        self._clear_messages()
        self._busy(True, self.tr("Creating the OCS tables…"))
        task = self.runner.run(
            lambda _progress: initialise_database(url),
            on_done=lambda _result: self._initialised(task),
            on_failed=self._connect_failed,
        )
        task.finished.connect(lambda: self._task_over(task))
        self._task = task
        return task

    def _initialised(self, task: Task) -> None:
        self._task_over(task)
        self.connect_selected()

    # --- samples --------------------------------------------------------------------------
    def import_samples(self) -> InventoryImport | None:
        """Import the bundled sample inventories into the database just opened."""
        if self.opened is None or self.opened.engine is None:
            return None
        self.sample_panel.hide()
        self._busy(True, self.tr("Importing the sample inventories…"))
        job = InventoryImport(self.runner, self.opened.engine, sample_files(), parent=self)
        self.progress_bar.setRange(0, len(job.files))
        job.progress.connect(self._import_progress)
        job.finished.connect(self._samples_imported)
        job.failed.connect(self._samples_failed)
        self._import = job
        job.start()
        return job

    def _import_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _samples_imported(self, summary: ImportSummary | None) -> None:
        self.sample_summary = summary
        self._busy(False)
        self._finish()

    def _samples_failed(self, message: str) -> None:
        self._busy(False)
        self.message_label.setText(
            self.tr("The samples could not be imported: {0}").format(message)
        )
        self.sample_panel.show()

    def skip_samples(self) -> None:
        """Go on with the empty database, and do not offer the samples again."""
        self.settings.set(OFFER_SAMPLE_IMPORT, False)
        self._finish()

    def _finish(self) -> None:
        assert self.opened is not None
        self.connected.emit(self.opened)
        self.accept()

    # --- closing --------------------------------------------------------------------------
    @property
    def engine(self) -> Engine | None:
        return self.opened.engine if self.opened is not None else None

    def reject(self) -> None:
        """Cancel: stop what runs, and close an engine opened but not handed over."""
        if self._task is not None:
            self._task.cancel()
        if self._import is not None:
            self._import.cancel()
        self.runner.wait_idle(5000)
        if self.opened is not None and self.opened.engine is not None:
            self.opened.engine.dispose()
        self.opened = None
        super().reject()
