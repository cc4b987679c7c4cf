"""Activating a built package: publish it, check it answers, write ``download_enable``.

The wizard's activation page and the Deployment page's Activate… dialog show this same
form. It publishes into a download folder (ours, or a real OCS server's) or uploads to
an OCS Desktop server, optionally fetches ``https://INFO_LOC/FILEID/info`` and the first
fragment as the OCS console does, then activates, all in the worker; an upload shows its
progress and can be cancelled. What was typed is remembered, except the password.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ocs_desktop.common.progress import Progress
from ocs_desktop.packager.activation import (
    DEFAULT_CERT_FILE,
    DEFAULT_CERT_PATH,
    ActivationError,
    activate,
    check_published,
    normalize_location,
    publishing,
)
from ocs_desktop.packager.upload import upload_package
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.settings import (
    CA_FILE,
    CHECK_URLS,
    DOWNLOAD_DIR,
    INFO_LOC,
    OPERATOR,
    PACK_LOC,
    PACKAGES,
    PUBLISH_MODE,
    PUBLISH_MODES,
    UPLOAD_URL,
    DeploymentDefaults,
    store_path,
)
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.worker import Task


def _browse_row(edit: QtWidgets.QLineEdit, button: QtWidgets.QPushButton) -> QtWidgets.QWidget:
    row = QtWidgets.QWidget()
    layout = QtWidgets.QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row


class ActivateForm(QtWidgets.QWidget):
    """Publish a built package, check it answers, and write its ``download_enable`` row."""

    #: The package is activated: the ``download_enable.ID``.
    activated = Signal(int)
    #: True while publishing / checking / activating runs.
    busyChanged = Signal(bool)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.fileid = ""
        self.store = store_path(context.settings)
        self.enable_id: int | None = None
        self._task: Task | None = None
        settings = context.settings

        self.info_loc = QtWidgets.QLineEdit(settings.get(INFO_LOC))
        self.info_loc.setPlaceholderText(self.tr("ocs.example.org/download"))
        self.info_loc.setToolTip(self.tr("Where agents fetch the info file, always over HTTPS"))
        self.pack_loc = QtWidgets.QLineEdit(settings.get(PACK_LOC))
        self.pack_loc.setPlaceholderText(self.tr("ocs.example.org/download"))
        self.pack_loc.setToolTip(self.tr("Where agents fetch the fragments"))
        self.info_loc.textEdited.connect(self._info_edited)

        self.mode_folder = QtWidgets.QRadioButton(self.tr("Copy into a download folder"))
        self.mode_upload = QtWidgets.QRadioButton(self.tr("Upload to an OCS Desktop server"))
        self.mode_none = QtWidgets.QRadioButton(self.tr("Already published there"))
        self.modes = QtWidgets.QButtonGroup(self)
        for number, button in enumerate((self.mode_folder, self.mode_upload, self.mode_none)):
            self.modes.addButton(button, number)
        mode = settings.get(PUBLISH_MODE)
        index = PUBLISH_MODES.index(mode) if mode in PUBLISH_MODES else 0
        self.modes.button(index).setChecked(True)

        self.download_dir = QtWidgets.QLineEdit(settings.get(DOWNLOAD_DIR))
        self.download_dir.setPlaceholderText(self.tr("/var/lib/ocsinventory-reports/download"))
        browse_dir = QtWidgets.QPushButton(self.tr("Browse…"))
        browse_dir.clicked.connect(self._browse_dir)
        self.upload_url = QtWidgets.QLineEdit(settings.get(UPLOAD_URL))
        self.upload_url.setPlaceholderText(self.tr("https://ocs.example.org:8443"))
        self.operator = QtWidgets.QLineEdit(settings.get(OPERATOR))
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.password.setToolTip(self.tr("Used for this upload only; never saved"))
        self.ca_file = QtWidgets.QLineEdit(settings.get(CA_FILE))
        self.ca_file.setPlaceholderText(self.tr("System certificates"))
        browse_ca = QtWidgets.QPushButton(self.tr("Browse…"))
        browse_ca.clicked.connect(self._browse_ca)
        self.check_urls = QtWidgets.QCheckBox(
            self.tr("Check that the info file and the first fragment answer before activating")
        )
        self.check_urls.setChecked(settings.get(CHECK_URLS))
        self.cert_path = QtWidgets.QLineEdit(DEFAULT_CERT_PATH)
        self.cert_file = QtWidgets.QLineEdit(DEFAULT_CERT_FILE)

        self.activate_button = QtWidgets.QPushButton(self.tr("&Activate"))
        self.activate_button.clicked.connect(self.activate)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result = QtWidgets.QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Info file location (INFO_LOC):"), self.info_loc)
        form.addRow(self.tr("Fragments location (PACK_LOC):"), self.pack_loc)
        publish = QtWidgets.QGroupBox(self.tr("Publish the files"))
        publish_form = QtWidgets.QFormLayout(publish)
        publish_form.addRow(self.mode_folder)
        publish_form.addRow(self.tr("Download folder:"), _browse_row(self.download_dir, browse_dir))
        publish_form.addRow(self.mode_upload)
        publish_form.addRow(self.tr("Server:"), self.upload_url)
        publish_form.addRow(self.tr("Operator:"), self.operator)
        publish_form.addRow(self.tr("Password:"), self.password)
        publish_form.addRow(self.mode_none)
        self.folder_widgets = [self.download_dir, browse_dir]
        self.upload_widgets = [self.upload_url, self.operator, self.password]
        agent = QtWidgets.QGroupBox(self.tr("HTTPS"))
        agent_form = QtWidgets.QFormLayout(agent)
        agent_form.addRow(
            self.tr("CA file for checks and uploads:"), _browse_row(self.ca_file, browse_ca)
        )
        agent_form.addRow(self.check_urls)
        agent_form.addRow(self.tr("Agent certificate folder (CERT_PATH):"), self.cert_path)
        agent_form.addRow(self.tr("Agent certificate file (CERT_FILE):"), self.cert_file)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.activate_button)
        buttons.addWidget(self.cancel_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(publish)
        layout.addWidget(agent)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.modes.idToggled.connect(lambda *_: self._update_modes())
        self._update_modes()

    # --- state ------------------------------------------------------------------------------
    def set_package(self, fileid: str, store: Path | None = None) -> None:
        self.fileid = fileid
        if store is not None:
            self.store = Path(store)
        self.enable_id = None
        self.result.setText(self.tr("Package {0}").format(fileid))

    def apply_defaults(self, defaults: DeploymentDefaults) -> None:
        """Fill empty locations from the server's ``DOWNLOAD_URI_INFO`` / ``_FRAG``."""
        if not self.info_loc.text() and defaults.info_loc:
            self.info_loc.setText(defaults.info_loc)
        if not self.pack_loc.text() and defaults.pack_loc:
            self.pack_loc.setText(defaults.pack_loc)

    def mode(self) -> str:
        return PUBLISH_MODES[max(0, self.modes.checkedId())]

    def set_mode(self, mode: str) -> None:
        self.modes.button(PUBLISH_MODES.index(mode)).setChecked(True)

    def is_busy(self) -> bool:
        return self._task is not None

    def _info_edited(self, text: str) -> None:
        # Most servers serve both from the same place: follow until PACK_LOC is edited.
        if not self.pack_loc.isModified():
            self.pack_loc.setText(text)

    def _update_modes(self) -> None:
        mode = self.mode()
        for widget in self.folder_widgets:
            widget.setEnabled(mode == "folder")
        for widget in self.upload_widgets:
            widget.setEnabled(mode == "upload")

    def _browse_dir(self) -> None:
        chosen = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("Download folder"), self.download_dir.text()
        )
        if chosen:
            self.download_dir.setText(chosen)

    def _browse_ca(self) -> None:
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("CA file"), self.ca_file.text(), self.tr("Certificates (*.pem *.crt)")
        )
        if chosen:
            self.ca_file.setText(chosen)

    def problems(self) -> list[str]:
        """What stops activation, in the user's words (empty when it can go)."""
        found: list[str] = []
        if not self.fileid:
            found.append(self.tr("No package to activate."))
        for label, edit in (
            (self.tr("info file location"), self.info_loc),
            (self.tr("fragments location"), self.pack_loc),
        ):
            try:
                normalize_location(edit.text())
            except ActivationError:
                found.append(
                    self.tr(
                        "The {0} must be HOST[:PORT]/PATH, e.g. ocs.example.org/download."
                    ).format(label)
                )
        mode = self.mode()
        folder = self.download_dir.text().strip()
        if mode == "folder" and not (folder and Path(folder).is_dir()):
            found.append(self.tr("Choose an existing download folder."))
        if mode == "upload":
            if not self.upload_url.text().strip().lower().startswith("https://"):
                found.append(self.tr("The server address must start with https://."))
            if not self.operator.text().strip() or not self.password.text():
                found.append(self.tr("Give the operator's login and password."))
        ca = self.ca_file.text().strip()
        if ca and not Path(ca).is_file():
            found.append(self.tr("The CA file does not exist."))
        return found

    def _remember(self) -> None:
        settings = self.context.settings
        settings.set(INFO_LOC, self.info_loc.text().strip())
        settings.set(PACK_LOC, self.pack_loc.text().strip())
        settings.set(PUBLISH_MODE, self.mode())
        settings.set(DOWNLOAD_DIR, self.download_dir.text().strip())
        settings.set(UPLOAD_URL, self.upload_url.text().strip())
        settings.set(OPERATOR, self.operator.text().strip())
        settings.set(CA_FILE, self.ca_file.text().strip())
        settings.set(CHECK_URLS, self.check_urls.isChecked())

    # --- the work ---------------------------------------------------------------------------
    def activate(self) -> Task | None:
        """Publish, check and activate in the worker; None when the form is not ready."""
        if self._task is not None:
            return None
        problems = self.problems()
        if problems:
            self.result.setText("\n".join(problems))
            return None
        self._remember()
        engine, store, fileid = self.context.engine, self.store, self.fileid
        info_loc = normalize_location(self.info_loc.text())
        pack_loc = normalize_location(self.pack_loc.text())
        mode, check = self.mode(), self.check_urls.isChecked()
        download_dir = Path(self.download_dir.text().strip())
        url, user = self.upload_url.text().strip(), self.operator.text().strip()
        password = self.password.text()
        verify: bool | str = self.ca_file.text().strip() or True
        cert_path = self.cert_path.text().strip() or DEFAULT_CERT_PATH
        cert_file = self.cert_file.text().strip() or DEFAULT_CERT_FILE

        def job(progress: Progress) -> int:
            with engine.connect() as conn:  # refuse an unknown or deleted package first
                activate(conn, fileid, info_loc, pack_loc, cert_path, cert_file)
                conn.rollback()
            with contextlib.ExitStack() as published:  # a failure below unpublishes
                if mode == "folder":
                    published.enter_context(publishing(store, fileid, download_dir))
                elif mode == "upload":
                    upload_package(
                        url, store, fileid, user=user, password=password, verify=verify,
                        progress=progress,
                    )  # fmt: skip
                if check:
                    check_published(info_loc, pack_loc, fileid, verify)
                with engine.begin() as conn:
                    return activate(conn, fileid, info_loc, pack_loc, cert_path, cert_file)

        self.result.setText(self.tr("Activating package {0}…").format(fileid))
        self.progress.setRange(0, 0)
        self._task = self.context.runner.run(
            job, on_done=self._done, on_failed=self._failed, on_progress=self._progress
        )
        self._task.cancelled.connect(self._cancelled)
        self._set_busy(True)
        return self._task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
            self.progress.setRange(0, 1)
        self.activate_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.busyChanged.emit(busy)

    def _done(self, enable_id: int) -> None:
        self.enable_id = int(enable_id)
        self.password.clear()
        self.progress.setValue(1)
        self._set_busy(False)
        self.result.setText(
            self.tr("Package {0} is activated (download_enable {1}).").format(
                self.fileid, self.enable_id
            )
        )
        self.context.changed.emit(PACKAGES)
        self.activated.emit(self.enable_id)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.result.setText(self.tr("Not activated: {0}").format(message))

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.result.setText(self.tr("Activation cancelled; nothing was activated."))
