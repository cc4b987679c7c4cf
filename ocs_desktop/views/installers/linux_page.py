"""The wizard's Linux page: server, certificate, SSL, TAG and the first inventory.

The makeself installer installs ``ocsinventory-agent`` from the distribution, writes its
configuration, puts the certificate where the agent looks for it and sets up the daily
run; these are the options baked into it (its own command line can override them).
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.views.installers.core_bridge import CoreBridge
from ocs_desktop.views.installers.file_inputs import show_error
from ocs_desktop.views.installers.server_fields import ServerFields, add_row
from ocs_desktop.views.qt import Qt, QtWidgets
from ocs_desktop.views.worker import TaskRunner


class LinuxPage(QtWidgets.QWizardPage):
    """The options of the Linux agent installer (``ocs-agent-installer.run``)."""

    def __init__(self, runner: TaskRunner, bridge: CoreBridge) -> None:
        super().__init__()
        self.setTitle(self.tr("Linux agent installer"))
        self.setSubTitle(
            self.tr(
                "A self-extracting installer for Debian and Ubuntu: it installs "
                "ocsinventory-agent from the distribution and sets up its daily run."
            )
        )
        self.fields = ServerFields(runner, bridge, "linux")
        self.fields.tag.setPlaceholderText(self.tr("empty: no TAG"))
        self.first_run = QtWidgets.QCheckBox(self.tr("Send the first inventory at once"))
        self.first_run.setObjectName("linuxFirstRun")
        self.first_run.setChecked(True)
        usage = QtWidgets.QLabel(
            self.tr(
                "Run it as root: sudo ./ocs-agent-installer.run; add -- --server URL, "
                "--tag T or --no-tag, --no-ssl, --no-first-run to override these choices."
            )
        )
        usage.setWordWrap(True)
        usage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QtWidgets.QFormLayout(self)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        fields = self.fields
        add_row(form, self.tr("Se&rver URL:"), fields.server_box, fields.server)
        add_row(form, self.tr("CA &certificate:"), fields.cacert, fields.cacert.line)
        form.addRow("", fields.ssl)
        add_row(form, self.tr("&TAG:"), fields.tag_box, fields.tag)
        form.addRow("", self.first_run)
        form.addRow(usage)
        self.fields.cacert.checked.connect(lambda _refusal: self.completeChanged.emit())

    def choices(self) -> dict[str, Any]:
        fields = self.fields
        return {
            "linux_server": fields.server.text().strip(),
            "linux_cacert": fields.cacert.text(),
            "linux_ssl": fields.ssl.isChecked(),
            "linux_tag": fields.tag.text(),
            "linux_first_run": self.first_run.isChecked(),
        }

    def apply(self, choices: dict[str, Any]) -> None:
        fields = self.fields
        fields.server.setText(str(choices.get("linux_server", fields.server.text())))
        if "linux_cacert" in choices:
            fields.cacert.set_path(str(choices["linux_cacert"]))
        fields.ssl.setChecked(bool(choices.get("linux_ssl", fields.ssl.isChecked())))
        fields.tag.setText(str(choices.get("linux_tag", fields.tag.text())))
        self.first_run.setChecked(bool(choices.get("linux_first_run", self.first_run.isChecked())))

    def show_errors(self, by_field: dict[str, list[str]]) -> None:
        self.fields.clear_errors()
        show_error(self.fields.server_error, "\n".join(by_field.get("server", [])))
        show_error(self.fields.tag_error, "\n".join(by_field.get("tag", [])))
        if by_field.get("cacert"):
            show_error(self.fields.cacert.error, "\n".join(by_field["cacert"]))

    def isComplete(self) -> bool:
        cacert = self.fields.cacert
        return bool(self.fields.server.text().strip()) and not (
            cacert.is_pending() or cacert.refusal()
        )
