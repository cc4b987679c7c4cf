"""The agent installer wizard: kind, then its options, then the build.

Windows: setup and server → options → build (ocspackage.exe). Linux: options → build
(``ocs-agent-installer.run``). The pages hold the choices; Next asks the core to judge
them and shows its first refusal under the input it is about, so the wizard accepts
exactly what the CLI and the builders accept. The choices are remembered per database
profile when a build starts and offered again the next time.
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.installers.build_page import InstallerBuildPage
from ocs_desktop.views.installers.choices import default_cacert, load_choices, save_choices
from ocs_desktop.views.installers.core_bridge import (
    KINDS,
    LINUX,
    WINDOWS,
    CoreBridge,
    default_output_dir,
    error_field,
)
from ocs_desktop.views.installers.errors import installer_error_text
from ocs_desktop.views.installers.linux_page import LinuxPage
from ocs_desktop.views.installers.windows_pages import WindowsOptionsPage, WindowsSetupPage
from ocs_desktop.views.qt import Qt, QtGui, QtWidgets

KIND_PAGE, WINDOWS_SETUP_PAGE, WINDOWS_OPTIONS_PAGE, LINUX_PAGE, BUILD_PAGE = range(5)
WINDOWS_FIELDS = {
    WINDOWS_SETUP_PAGE: ("setup", "server", "cacert", "tag"),
    WINDOWS_OPTIONS_PAGE: ("label", "plugins", "proxy", "extra"),
}


class InstallerKindPage(QtWidgets.QWizardPage):
    """Which installer: ocspackage.exe for Windows, or the Linux self-extracting one."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Agent installer"))
        self.setSubTitle(self.tr("Choose the kind of installer to build."))
        self.windows = QtWidgets.QRadioButton(self.tr("&Windows: ocspackage.exe"))
        self.windows.setObjectName("kindWindows")
        self.linux = QtWidgets.QRadioButton(self.tr("&Linux: self-extracting installer (.run)"))
        self.linux.setObjectName("kindLinux")
        self.windows.setChecked(True)
        windows_text = QtWidgets.QLabel(
            self.tr(
                "Wraps the official Windows agent setup you supply with the server, its "
                "certificate, TAG, label and plugins into one silent package that asks for "
                "administrator rights. Built with NSIS (makensis)."
            )
        )
        linux_text = QtWidgets.QLabel(
            self.tr(
                "A makeself archive for Debian and Ubuntu that installs ocsinventory-agent, "
                "configures it for the server and schedules its daily run."
            )
        )
        layout = QtWidgets.QVBoxLayout(self)
        for button, text in ((self.windows, windows_text), (self.linux, linux_text)):
            text.setWordWrap(True)
            text.setIndent(24)
            layout.addWidget(button)
            layout.addWidget(text)
            layout.addSpacing(8)
        layout.addStretch(1)

    def kind(self) -> str:
        return LINUX if self.linux.isChecked() else WINDOWS

    def set_kind(self, kind: str) -> None:
        (self.linux if kind == LINUX else self.windows).setChecked(True)

    def nextId(self) -> int:
        return LINUX_PAGE if self.kind() == LINUX else WINDOWS_SETUP_PAGE


class InstallerWizard(QtWidgets.QWizard):
    """Both installer kinds, embedded in the Agent installers page (Finish starts over)."""

    def __init__(
        self,
        context: ConsoleContext,
        bridge: CoreBridge | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.bridge = bridge if bridge is not None else CoreBridge()
        self.setWizardStyle(QtWidgets.QWizard.WizardStyle.ClassicStyle)
        self.setOption(QtWidgets.QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QtWidgets.QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.setButtonText(QtWidgets.QWizard.WizardButton.FinishButton, self.tr("Start &over"))
        runner = context.runner
        self.kind_page = InstallerKindPage()
        self.windows_setup = WindowsSetupPage(runner, self.bridge)
        self.windows_options = WindowsOptionsPage()
        self.linux_page = LinuxPage(runner, self.bridge)
        self.build_page = InstallerBuildPage(self)
        self.windows_options.setFinalPage(False)
        for number, page in (
            (KIND_PAGE, self.kind_page),
            (WINDOWS_SETUP_PAGE, self.windows_setup),
            (WINDOWS_OPTIONS_PAGE, self.windows_options),
            (LINUX_PAGE, self.linux_page),
            (BUILD_PAGE, self.build_page),
        ):
            self.setPage(number, page)
        self.restore()
        self.currentIdChanged.connect(self._page_shown)

    def _page_shown(self, page_id: int) -> None:
        # QWizard picks its default button once the page is up; before a build, Enter builds.
        if page_id == BUILD_PAGE and not self.build_page.isComplete():
            self.build_page.build_button.setDefault(True)

    # --- choices ----------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_page.kind()

    def choices(self) -> dict[str, Any]:
        """Every page's choices (both kinds), as the console remembers them."""
        return {
            "kind": self.kind(),
            **self.windows_setup.choices(),
            **self.windows_options.choices(),
            **self.linux_page.choices(),
            "output_dir": self.build_page.output_dir.text().strip(),
        }

    def apply(self, choices: dict[str, Any]) -> None:
        """Fill every page from ``choices`` (what is missing keeps its default)."""
        kind = choices.get("kind")
        if kind in KINDS:
            self.kind_page.set_kind(str(kind))
        self.windows_setup.apply(choices)
        self.windows_options.apply(choices)
        self.linux_page.apply(choices)
        if choices.get("output_dir"):
            self.build_page.output_dir.setText(str(choices["output_dir"]))

    def restore(self) -> None:
        """The defaults (cacert of ``cert init``, output folder), then the remembered choices."""
        defaults: dict[str, Any] = {"output_dir": str(default_output_dir())}
        cacert = default_cacert(self.context.settings)
        if cacert:
            defaults.update(cacert=cacert, linux_cacert=cacert)
        self.apply({**defaults, **load_choices(self.context)})

    def remember(self) -> None:
        save_choices(self.context, self.choices())

    def describe(self) -> str:
        """One line on what is about to be built."""
        choices = self.choices()
        if self.kind() == WINDOWS:
            return self.tr("ocspackage.exe around {0}, reporting to {1}.").format(
                choices["setup"] or "?", choices["server"] or "?"
            )
        return self.tr("ocs-agent-installer.run for Debian and Ubuntu, reporting to {0}.").format(
            choices["linux_server"] or "?"
        )

    # --- judging ----------------------------------------------------------------------------
    def show_field_error(self, field: str, text: str) -> None:
        """Show ``text`` under ``field`` on the page of the current kind that holds it."""
        if self.kind() == LINUX:
            self.linux_page.show_errors({field: [text]})
        elif field in WINDOWS_FIELDS[WINDOWS_OPTIONS_PAGE]:
            self.windows_options.show_errors({field: [text]})
        else:
            self.windows_setup.show_errors({field: [text]})

    def validateCurrentPage(self) -> bool:
        """Next: the core judges the choices; a refusal about this page keeps it open."""
        current = self.currentId()
        if current not in (WINDOWS_SETUP_PAGE, WINDOWS_OPTIONS_PAGE, LINUX_PAGE):
            return super().validateCurrentPage()
        pages: dict[int, WindowsSetupPage | WindowsOptionsPage | LinuxPage] = {
            WINDOWS_SETUP_PAGE: self.windows_setup,
            WINDOWS_OPTIONS_PAGE: self.windows_options,
            LINUX_PAGE: self.linux_page,
        }
        page = pages[current]
        choices = self.choices()
        problem = self.bridge.problem(self.kind(), choices, self.build_page.folder())
        field = error_field(problem, choices) if problem is not None else ""
        mine = field != "output_dir" and (
            current == LINUX_PAGE
            or field in WINDOWS_FIELDS[current]
            or (current == WINDOWS_OPTIONS_PAGE and field == "")
        )
        if problem is not None and mine:
            page.show_errors({field: [installer_error_text(problem)]})
            return False
        page.show_errors({})
        return super().validateCurrentPage()

    def nextId(self) -> int:
        current = self.currentId()
        if current == WINDOWS_OPTIONS_PAGE:
            return BUILD_PAGE
        if current == BUILD_PAGE:
            return -1
        return super().nextId()

    def done(self, result: int) -> None:
        """Finish (Start over) goes back to the first page; the page stays open."""
        self.remember()
        self.restart()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:  # would close the embedded dialog: an empty page
            event.ignore()
            return
        build = self.build_page
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.currentId() == BUILD_PAGE
            and build.build_button.isEnabled()
            and not build.isComplete()
        ):
            # QWizard keeps its (disabled) Finish button as the dialog's default; before a
            # build, Enter means Build.
            build.build_button.click()
            return
        super().keyPressEvent(event)
