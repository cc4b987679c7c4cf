"""The wizard's two Windows pages: the agent setup and its server, then the agent options.

They collect the inputs PROTOCOL 8 lists for ocspackage.exe. Each page reads and fills
a plain dict of choices (``choices()`` / ``apply()``), the form the console remembers per
profile; the core judges them (:mod:`.core_bridge`) when Next is pressed, and its
refusals show under the field they are about.
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.views.installers.core_bridge import WINDOWS_ARCHES, CoreBridge
from ocs_desktop.views.installers.file_inputs import FileField, PluginsList, error_label, show_error
from ocs_desktop.views.installers.server_fields import ServerFields, add_row, column
from ocs_desktop.views.qt import QtWidgets
from ocs_desktop.views.worker import TaskRunner

TAG_MODES = ("tag", "ask", "notag")


class WindowsSetupPage(QtWidgets.QWizardPage):
    """The official agent setup, the server it reports to, its certificate and the TAG."""

    def __init__(self, runner: TaskRunner, bridge: CoreBridge) -> None:
        super().__init__()
        self.bridge = bridge
        self.setTitle(self.tr("Windows agent: setup and server"))
        self.setSubTitle(
            self.tr(
                "Drop the official OCS-NG-Windows-Agent-Setup.exe here; it is packaged, "
                "never downloaded. Agents report to the server below."
            )
        )
        self.setup = FileField(
            runner,
            "windowsSetup",
            self.tr("Windows agent setup"),
            self.tr("Programs (*.exe);;All files (*)"),
            bridge.check_setup,
        )
        self.fields = ServerFields(runner, bridge, "windows")
        self.tag_modes = QtWidgets.QButtonGroup(self)
        self.tag_mode_buttons: dict[str, QtWidgets.QRadioButton] = {}
        for number, (mode, text) in enumerate(
            (
                ("tag", self.tr("Set the &TAG:")),
                ("ask", self.tr("As&k the user at installation")),
                ("notag", self.tr("No TA&G (/NOTAG)")),
            )
        ):
            button = QtWidgets.QRadioButton(text)
            button.setObjectName(f"windowsTagMode_{mode}")
            self.tag_modes.addButton(button, number)
            self.tag_mode_buttons[mode] = button
        self.tag_mode_buttons["tag"].setChecked(True)
        self.tag_modes.idToggled.connect(lambda *_: self._tag_mode_changed())
        tag_row = QtWidgets.QHBoxLayout()
        tag_row.addWidget(self.tag_mode_buttons["tag"])
        tag_row.addWidget(self.fields.tag_box, 1)
        tag_box = QtWidgets.QVBoxLayout()
        tag_box.addLayout(tag_row)
        tag_box.addWidget(self.tag_mode_buttons["ask"])
        tag_box.addWidget(self.tag_mode_buttons["notag"])

        form = QtWidgets.QFormLayout(self)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add_row(form, self.tr("Agent &setup:"), self.setup, self.setup.line)
        add_row(form, self.tr("Se&rver URL:"), self.fields.server_box, self.fields.server)
        add_row(form, self.tr("CA &certificate:"), self.fields.cacert, self.fields.cacert.line)
        form.addRow("", self.fields.ssl)
        form.addRow(self.tr("TAG:"), tag_box)
        for field in (self.setup, self.fields.cacert):
            field.checked.connect(lambda _refusal: self.completeChanged.emit())
        self._tag_mode_changed()

    def _tag_mode_changed(self) -> None:
        self.fields.tag.setEnabled(self.tag_mode() == "tag")

    def tag_mode(self) -> str:
        return TAG_MODES[max(0, self.tag_modes.checkedId())]

    def choices(self) -> dict[str, Any]:
        fields = self.fields
        return {
            "setup": self.setup.text(),
            "server": fields.server.text().strip(),
            "cacert": fields.cacert.text(),
            "ssl": fields.ssl.isChecked(),
            "tag_mode": self.tag_mode(),
            "tag": fields.tag.text(),
        }

    def apply(self, choices: dict[str, Any]) -> None:
        fields = self.fields
        if "setup" in choices:
            self.setup.set_path(str(choices["setup"]))
        fields.server.setText(str(choices.get("server", fields.server.text())))
        if "cacert" in choices:
            fields.cacert.set_path(str(choices["cacert"]))
        fields.ssl.setChecked(bool(choices.get("ssl", fields.ssl.isChecked())))
        mode = choices.get("tag_mode")
        if mode in self.tag_mode_buttons:
            self.tag_mode_buttons[mode].setChecked(True)
        fields.tag.setText(str(choices.get("tag", fields.tag.text())))

    def show_errors(self, by_field: dict[str, list[str]]) -> None:
        """The core's refusals under their fields (files keep their own check's)."""
        self.fields.clear_errors()
        show_error(self.fields.server_error, "\n".join(by_field.get("server", [])))
        show_error(self.fields.tag_error, "\n".join(by_field.get("tag", [])))
        for name, field in (("setup", self.setup), ("cacert", self.fields.cacert)):
            if by_field.get(name):
                show_error(field.error, "\n".join(by_field[name]))

    def isComplete(self) -> bool:
        files = (self.setup, self.fields.cacert)
        return bool(self.setup.text()) and not any(f.is_pending() or f.refusal() for f in files)


class WindowsOptionsPage(QtWidgets.QWizardPage):
    """What ocspackage.exe adds around the setup: label, plugins and the setup's options."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Windows agent: options"))
        self.setSubTitle(
            self.tr("Options given to the agent setup; arguments given to ocspackage.exe "
                    "itself take precedence.")
        )  # fmt: skip
        self.label = QtWidgets.QLineEdit()
        self.label.setObjectName("windowsLabel")
        self.label.setPlaceholderText(self.tr("text shown when the agent asks for the TAG"))
        self.label_error = error_label("windowsLabelError")
        self.plugins = PluginsList()
        self.plugins_error = error_label("windowsPluginsError")
        self.now = QtWidgets.QCheckBox(self.tr("Send an inventory right after setup (/NOW)"))
        self.now.setObjectName("windowsNow")
        self.nosplash = QtWidgets.QCheckBox(self.tr("No splash screen (/NOSPLASH)"))
        self.nosplash.setObjectName("windowsNoSplash")
        self.nosplash.setChecked(True)
        self.debug = QtWidgets.QComboBox()
        self.debug.setObjectName("windowsDebug")
        self.debug.addItems([self.tr("Off (0)"), self.tr("Normal (1)"), self.tr("Verbose (2)")])
        self.proxy_type = QtWidgets.QComboBox()
        self.proxy_type.setObjectName("windowsProxyType")
        self.proxy_type.addItems([self.tr("No proxy"), "HTTP", "SOCKS 4", "SOCKS 5"])
        self.proxy_host = QtWidgets.QLineEdit()
        self.proxy_host.setObjectName("windowsProxyHost")
        self.proxy_host.setPlaceholderText(self.tr("host"))
        self.proxy_port = QtWidgets.QSpinBox()
        self.proxy_port.setObjectName("windowsProxyPort")
        self.proxy_port.setRange(0, 65535)
        self.proxy_port.setSpecialValueText(self.tr("port"))
        self.proxy_user = QtWidgets.QLineEdit()
        self.proxy_user.setObjectName("windowsProxyUser")
        self.proxy_user.setPlaceholderText(self.tr("user"))
        self.proxy_password = QtWidgets.QLineEdit()
        self.proxy_password.setObjectName("windowsProxyPassword")
        self.proxy_password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.proxy_password.setPlaceholderText(self.tr("password"))
        self.proxy_password.setToolTip(self.tr("Never remembered by the console."))
        self.proxy_error = error_label("windowsProxyError")
        self.extra = QtWidgets.QLineEdit()
        self.extra.setObjectName("windowsExtra")
        self.extra.setPlaceholderText("/NO_SYSTRAY /NOSOFTWARE")
        self.extra_error = error_label("windowsExtraError")
        self.proxy_type.currentIndexChanged.connect(lambda *_: self._proxy_changed())
        self.arch = QtWidgets.QComboBox()
        self.arch.setObjectName("windowsArch")
        self.arch.addItems([self.tr("32-bit (x86, every Windows)"), self.tr("64-bit (x64)")])
        self.arch.setToolTip(
            self.tr(
                "The architecture of ocspackage.exe itself; the agent setup inside keeps its own."
            )
        )

        switches = QtWidgets.QHBoxLayout()
        switches.addWidget(self.now)
        switches.addWidget(self.nosplash)
        switches.addStretch(1)
        debug_row = QtWidgets.QHBoxLayout()
        debug_row.addWidget(self.debug)
        debug_row.addStretch(1)
        arch_row = QtWidgets.QHBoxLayout()
        arch_row.addWidget(self.arch)
        arch_row.addStretch(1)
        proxy_row = QtWidgets.QHBoxLayout()
        proxy_row.addWidget(self.proxy_type)
        proxy_row.addWidget(self.proxy_host, 2)
        proxy_row.addWidget(self.proxy_port)
        proxy_row.addWidget(self.proxy_user, 1)
        proxy_row.addWidget(self.proxy_password, 1)
        proxy = QtWidgets.QVBoxLayout()
        proxy.setSpacing(2)
        proxy.addLayout(proxy_row)
        proxy.addWidget(self.proxy_error)

        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        page = QtWidgets.QVBoxLayout(self)
        page.addLayout(form)
        page.addStretch(1)
        add_row(form, self.tr("&Label:"), column(self.label, self.label_error), self.label)
        add_row(
            form, self.tr("&Plugins:"), column(self.plugins, self.plugins_error), self.plugins.view
        )
        form.addRow("", switches)
        add_row(form, self.tr("&Debug:"), debug_row, self.debug)
        add_row(form, self.tr("Pro&xy:"), proxy, self.proxy_type)
        add_row(form, self.tr("&Extra options:"), column(self.extra, self.extra_error), self.extra)
        add_row(form, self.tr("Package &architecture:"), arch_row, self.arch)
        self.plugins.view.setFixedHeight(100)
        self.plugins.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Maximum
        )
        self._proxy_changed()

    def _proxy_changed(self) -> None:
        on = self.proxy_type.currentIndex() > 0
        for widget in (self.proxy_host, self.proxy_port, self.proxy_user, self.proxy_password):
            widget.setEnabled(on)

    def choices(self) -> dict[str, Any]:
        return {
            "label": self.label.text(),
            "plugins": [str(p) for p in self.plugins.model.paths()],
            "now": self.now.isChecked(),
            "nosplash": self.nosplash.isChecked(),
            "debug": self.debug.currentIndex(),
            "proxy_type": self.proxy_type.currentIndex(),
            "proxy_host": self.proxy_host.text().strip(),
            "proxy_port": self.proxy_port.value(),
            "proxy_user": self.proxy_user.text(),
            "proxy_password": self.proxy_password.text(),
            "extra": self.extra.text(),
            "arch": WINDOWS_ARCHES[self.arch.currentIndex()],
        }

    def apply(self, choices: dict[str, Any]) -> None:
        self.label.setText(str(choices.get("label", self.label.text())))
        if isinstance(choices.get("plugins"), list):
            self.plugins.model.replace(str(p) for p in choices["plugins"])
        self.now.setChecked(bool(choices.get("now", self.now.isChecked())))
        self.nosplash.setChecked(bool(choices.get("nosplash", self.nosplash.isChecked())))
        debug = choices.get("debug")
        if isinstance(debug, int) and 0 <= debug < self.debug.count():
            self.debug.setCurrentIndex(debug)
        proxy_type = choices.get("proxy_type")
        if isinstance(proxy_type, int) and 0 <= proxy_type < self.proxy_type.count():
            self.proxy_type.setCurrentIndex(proxy_type)
        self.proxy_host.setText(str(choices.get("proxy_host", self.proxy_host.text())))
        port = choices.get("proxy_port")
        if isinstance(port, int):
            self.proxy_port.setValue(port)
        self.proxy_user.setText(str(choices.get("proxy_user", self.proxy_user.text())))
        self.extra.setText(str(choices.get("extra", self.extra.text())))
        if choices.get("arch") in WINDOWS_ARCHES:
            self.arch.setCurrentIndex(WINDOWS_ARCHES.index(choices["arch"]))

    def show_errors(self, by_field: dict[str, list[str]]) -> None:
        show_error(self.label_error, "\n".join(by_field.get("label", [])))
        show_error(self.plugins_error, "\n".join(by_field.get("plugins", [])))
        proxy = [t for name in ("proxy", "proxy_host", "proxy_port", "proxy_user",
                                "proxy_password") for t in by_field.get(name, [])]  # fmt: skip
        show_error(self.proxy_error, "\n".join(proxy))
        # The core's refusals that name no input land with the free-form options.
        extra = by_field.get("extra", []) + by_field.get("", [])
        show_error(self.extra_error, "\n".join(extra))
