"""The package wizard: files, target and action, options, build, activation, targets.

It collects what :class:`~ocs_desktop.packager.spec.PackageSpec` needs, page by page (one
bound widget per declared field, ``SPEC_FIELDS``), and lets the core judge it
(``PackageSpec.validate``), so the wizard, the CLI and the builder agree on what is
acceptable. The build is the CLI's (``packager.service.build_and_record``), run in the
worker with a progress bar and a Cancel button: the core removes a cancelled build, and a
cancel that arrives after the ``download_available`` row was committed removes that row
and the files too (``discard_package``), so Cancel always means nothing is left. Once
built the package cannot be changed (the build page is a commit page); activating and
choosing targets are optional, and can be done later from the Deployment page with the
same forms.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.packager.archive import TAR_GZ
from ocs_desktop.packager.built import BuiltPackage
from ocs_desktop.packager.service import build_and_record, discard_package
from ocs_desktop.packager.spec import SPEC_FIELDS, Action, PackageSpec, SpecError, TargetOs
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.activate_form import ActivateForm
from ocs_desktop.views.deployment.choice_pages import FilesPage, PackagePage
from ocs_desktop.views.deployment.options_page import OptionsPage, describe_fragments
from ocs_desktop.views.deployment.settings import (
    PACKAGE_STORE,
    PACKAGES,
    DeploymentDefaults,
    load_defaults,
    store_path,
)
from ocs_desktop.views.deployment.spec_text import spec_problem_texts
from ocs_desktop.views.deployment.targets import TargetsForm
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.worker import Task

FILES_PAGE, PACKAGE_PAGE, OPTIONS_PAGE, BUILD_PAGE, ACTIVATE_PAGE, TARGETS_PAGE = range(6)


class BuildPage(QtWidgets.QWizardPage):
    """Page 4: build in the worker, with progress and Cancel; then FILEID, digest, fragments."""

    def __init__(self, wizard: PackageWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Build"))
        self.setSubTitle(self.tr("Archive, cut and record the package. Cancel leaves nothing."))
        self.setCommitPage(True)
        self.setFinalPage(True)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.store = QtWidgets.QLineEdit()
        self.store.setReadOnly(True)
        change = QtWidgets.QPushButton(self.tr("Change…"))
        change.clicked.connect(self._choose_store)
        self.change_store = change
        self.build_button = QtWidgets.QPushButton(self.tr("&Build"))
        self.build_button.clicked.connect(wizard.build)
        self.cancel_button = QtWidgets.QPushButton(self.tr("&Cancel build"))
        self.cancel_button.clicked.connect(wizard.cancel_build)
        self.cancel_button.setEnabled(False)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.fileid = self._field()
        self.digest = self._field()
        self.fragments = self._field()
        self.folder = self._field()

        store_row = QtWidgets.QHBoxLayout()
        store_row.addWidget(self.store, 1)
        store_row.addWidget(change)
        run_row = QtWidgets.QHBoxLayout()
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.build_button)
        run_row.addWidget(self.cancel_button)
        result = QtWidgets.QFormLayout()
        result.addRow(self.tr("FILEID:"), self.fileid)
        result.addRow(self.tr("Digest (MD5):"), self.digest)
        result.addRow(self.tr("Fragments:"), self.fragments)
        result.addRow(self.tr("Folder:"), self.folder)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Packages folder:"), store_row)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addLayout(result)
        layout.addStretch(1)

    @staticmethod
    def _field() -> QtWidgets.QLineEdit:
        field = QtWidgets.QLineEdit()
        field.setReadOnly(True)
        field.setFrame(False)
        return field

    def _choose_store(self) -> None:
        chosen = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("Packages folder"), self.store.text()
        )
        if chosen:
            self.owner.store = Path(chosen)
            self.owner.context.settings.set(PACKAGE_STORE, chosen)
            self.store.setText(chosen)

    def initializePage(self) -> None:
        self.store.setText(str(self.owner.store))
        files = self.owner.files_page
        spec = self.owner.spec()
        archive = files.archive()
        payload = {
            "files": self.tr("%n file(s) or folder(s)", "", len(files.sources())),
            "archive": self.tr("the archive {0}").format(archive.name if archive else ""),
            "none": self.tr("no file"),
        }[files.mode]
        self.summary.setText(
            self.tr("{0}: {1} package for {2}, {3}, priority {4}; {5}").format(
                spec.name,
                spec.action.act,
                spec.os.osname,
                payload,
                spec.priority,
                self.owner.options_page.preview.text(),
            )
        )

    def show_running(self, running: bool) -> None:
        self.build_button.setEnabled(not running and self.owner.built_package() is None)
        self.cancel_button.setEnabled(running)
        self.change_store.setEnabled(not running and self.owner.built_package() is None)
        self.completeChanged.emit()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def show_built(self, built: BuiltPackage) -> None:
        self.progress.setValue(1000)
        self.fileid.setText(built.fileid)
        self.digest.setText(built.digest or self.tr("none (no file)"))
        self.fragments.setText(
            describe_fragments(built.fragment_sizes, False) if built.fragment_count else "0"
        )
        self.folder.setText(str(built.directory))
        self.status.setText(self.tr("Built and recorded as package {0}.").format(built.fileid))

    def isComplete(self) -> bool:
        return self.owner.built_package() is not None and not self.owner.is_building()


class ActivatePage(QtWidgets.QWizardPage):
    """Page 5 (optional): publish and activate."""

    def __init__(self, wizard: PackageWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Activate"))
        self.setSubTitle(
            self.tr(
                "Publish the package where agents fetch it. You can also finish now and "
                "activate it later from the Deployment page."
            )
        )
        self.setFinalPage(True)
        self.form = ActivateForm(wizard.context)
        self.form.busyChanged.connect(lambda _busy: self.completeChanged.emit())
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def initializePage(self) -> None:
        built = self.owner.built_package()
        if built is not None and self.form.fileid != built.fileid:
            self.form.set_package(built.fileid, self.owner.store)

    def isComplete(self) -> bool:
        return not self.form.is_busy()


class TargetsPage(QtWidgets.QWizardPage):
    """Page 6 (optional): machines and groups to deploy to."""

    def __init__(self, wizard: PackageWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Targets"))
        self.setSubTitle(
            self.tr("Check the machines and groups that get the package, then assign.")
        )
        self.form = TargetsForm(wizard.context)
        self.notice = QtWidgets.QLabel()
        self.notice.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.form, 1)
        self._loaded = False

    def initializePage(self) -> None:
        built = self.owner.built_package()
        activated = self.owner.activate_page.form.enable_id is not None
        if built is not None:
            self.form.set_package(built.fileid)
        self.form.setEnabled(activated)
        self.notice.setText(
            "" if activated else self.tr("Activate the package first (previous page).")
        )
        if not self._loaded:
            self._loaded = True
            self.form.load(self.owner.preselected_ids)


class PackageWizard(QtWidgets.QWizard):
    """New package: files → target and action → options → build → activate → targets."""

    #: The package was built and recorded (``BuiltPackage``).
    packageBuilt = Signal(object)
    #: The build failed (message) or was cancelled.
    buildFailed = Signal(str)
    buildCancelled = Signal()

    def __init__(
        self,
        context: ConsoleContext,
        *,
        store: Path | None = None,
        preselected_ids: Sequence[int] = (),
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = Path(store) if store is not None else store_path(context.settings)
        self.preselected_ids = list(preselected_ids)
        self._built: BuiltPackage | None = None
        self._task: Task | None = None
        self.ready = False
        self.setWindowTitle(self.tr("New package"))
        self.setWizardStyle(QtWidgets.QWizard.WizardStyle.ClassicStyle)
        self.setOption(QtWidgets.QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.setButtonText(QtWidgets.QWizard.WizardButton.CommitButton, self.tr("&Next >"))

        self.files_page = FilesPage(context.runner)
        self.package_page = PackagePage(self.files_page, self.spec_problems)
        self.options_page = OptionsPage(self.files_page)
        self._bindings = {**self.package_page.bindings, **self.options_page.bindings}
        unbound = {f.name for f in SPEC_FIELDS} ^ set(self._bindings)
        if unbound:
            raise RuntimeError(f"package fields without a widget: {', '.join(sorted(unbound))}")
        self.build_page = BuildPage(self)
        self.activate_page = ActivatePage(self)
        self.targets_page = TargetsPage(self)
        for number, page in enumerate(
            (
                self.files_page,
                self.package_page,
                self.options_page,
                self.build_page,
                self.activate_page,
                self.targets_page,
            )
        ):
            self.setPage(number, page)
        self.activate_form = self.activate_page.form
        self.targets_form = self.targets_page.form
        self.ready = True
        self.resize(860, 640)
        context.read(load_defaults, self._apply_defaults, key=f"wizard-defaults-{id(self):x}")

    def _apply_defaults(self, defaults: DeploymentDefaults) -> None:
        self.options_page.apply_defaults(defaults)
        self.activate_form.apply_defaults(defaults)

    # --- what the package is ----------------------------------------------------------------
    def add_paths(self, paths: Iterable[Path | str]) -> list[Path]:
        return self.files_page.add_paths(paths)

    def use_archive(self, path: Path | str) -> bool:
        return self.files_page.use_archive(path)

    def use_no_file(self) -> None:
        self.files_page.use_no_file()

    def set_spec_fields(
        self, *, order: str | None = None, fragment_mib: float | None = None, **values: Any
    ) -> None:
        """Fill the widgets as a user would: ``values`` by ``PackageSpec`` field name (None
        leaves a field as it is), ``order`` the current action's command, path or file to
        launch, ``fragment_mib`` a cut by size in MiB (``fragments=0`` chooses one fragment).

        A field that implies a switch (a notification or done text) turns that switch on.
        """
        unknown = set(values) - set(self._bindings)
        if unknown:
            raise TypeError(f"not package fields: {', '.join(sorted(unknown))}")
        switches = {f.implied_by: f.name for f in SPEC_FIELDS if f.implied_by is not None}
        for field in SPEC_FIELDS:
            value = values.get(field.name)
            if value is not None:
                if field.name in switches:
                    self._bindings[switches[field.name]].set(True)
                self._bindings[field.name].set(value)
        if order is not None:
            self.package_page.set_order(order)
        if fragment_mib is not None:
            self.options_page.set_fragment_mib(fragment_mib)

    def spec(self) -> PackageSpec:
        """The package the widgets describe (not validated); a field whose switch is off
        keeps its default."""
        values: dict[str, Any] = {}
        for field in SPEC_FIELDS:
            on = field.switch is None or values[field.switch]
            values[field.name] = self._bindings[field.name].get() if on else field.default
        return PackageSpec(**values)

    def spec_problems(self) -> list[str]:
        """Why the package cannot be built as it stands (empty when it can, or while the
        pages are being made)."""
        if not self.ready:
            return []
        problems: list[str] = []
        files = self.files_page
        spec = self.spec()
        if files.mode == "none" and spec.action is not Action.EXECUTE:
            problems.append(self.tr("Without files, the package can only execute a command."))
        if files.archive_kind == TAR_GZ and spec.os is TargetOs.WINDOWS:
            problems.append(self.tr("Windows agents need a zip archive, not tar.gz."))
        try:
            spec.validate()
        except SpecError as exc:
            problems += spec_problem_texts(exc)
        except ValueError as exc:
            problems.append(str(exc))
        return problems

    # --- build ------------------------------------------------------------------------------
    def built_package(self) -> BuiltPackage | None:
        return self._built

    def is_building(self) -> bool:
        return self._task is not None

    def build(self) -> Task | None:
        """Build and record the package in the worker; None if it cannot start."""
        if self._task is not None or self._built is not None:
            return None
        problems = self.spec_problems()
        if not self.files_page.isComplete():
            problems.insert(0, self.tr("Choose files, an archive, or no file."))
        if problems:
            self.build_page.status.setText("\n".join(problems))
            return None
        spec = self.spec()
        sources = self.files_page.sources()
        archive = self.files_page.archive()
        engine, store = self.context.engine, self.store
        committed: list[BuiltPackage] = []

        def job(progress: Progress) -> BuiltPackage:
            built = build_and_record(
                engine, spec, sources, store, archive=archive, progress=progress
            )
            committed.append(built)
            return built

        def forget_committed() -> None:
            # Cancel pressed after the row was committed: take that package back too. Not
            # a method: it must run even when the wizard was closed meanwhile.
            for built in committed:
                context.write(functools.partial(_forget_package, store=store, built=built))

        context = self.context
        self.build_page.status.setText(self.tr("Building…"))
        self.build_page.progress.setValue(0)
        task = self.context.runner.run(
            job,
            on_done=self._built_done,
            on_failed=self._build_failed,
            on_progress=self.build_page.show_progress,
        )
        task.cancelled.connect(forget_committed)
        task.cancelled.connect(self._build_cancelled)
        self._task = task
        self.build_page.show_running(True)
        return task

    def cancel_build(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.build_page.status.setText(self.tr("Cancelling…"))

    def _finished(self) -> None:
        self._task = None
        self.build_page.show_running(False)

    def _built_done(self, built: BuiltPackage) -> None:
        self._built = built
        self._finished()
        self.build_page.show_built(built)
        self.context.changed.emit(PACKAGES)
        self.packageBuilt.emit(built)

    def _build_cancelled(self) -> None:
        self._finished()
        self.build_page.status.setText(self.tr("Build cancelled; nothing was kept."))
        self.buildCancelled.emit()

    def _build_failed(self, message: str) -> None:
        self._finished()
        self.build_page.status.setText(self.tr("The build failed: {0}").format(message))
        self.buildFailed.emit(message)

    def reject(self) -> None:
        """Closing the wizard cancels a build or an upload still running."""
        self.cancel_build()
        self.activate_form.cancel()
        super().reject()


def _forget_package(
    conn: Connection, progress: Progress, *, store: Path, built: BuiltPackage
) -> None:
    """Remove a package that was built and recorded, then cancelled: row and files."""
    discard_package(conn, store, built.fileid)
