"""The Administration page's Label tab: the TAG prompt of Windows agents, and its preview.

The label is stored as OCS stores it (``fleet.label``: tabs and line breaks removed, an
empty text deletes it). The preview is not a guess: it is what our server answers now to
an agent's ``GET /ocsinventory/deploy/label`` (status and exact bytes, read through the
server's own code), with the prompt the agent then shows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from ocs_desktop.fleet.label import (
    MAX_LABEL,
    LabelError,
    LabelPreview,
    clean_label,
    preview_label,
    read_label,
    set_label,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets, Signal
from ocs_desktop.views.worker import Task

LABEL_TOPIC = "label"
#: Bytes shown in the preview's hexadecimal line; the rest is counted.
_HEX_SHOWN = 48


def refusal_text(reason: str) -> str:
    """A :class:`LabelError` reason in the console's language."""
    if reason == "control":
        return QtCore.QCoreApplication.translate(
            "LabelTab", "The label contains control characters."
        )
    if reason == "long":
        return QtCore.QCoreApplication.translate(
            "LabelTab", "The label is at most {0} characters."
        ).format(MAX_LABEL)
    return QtCore.QCoreApplication.translate("LabelTab", "The label was refused ({0}).").format(
        reason
    )


def hex_bytes(body: bytes) -> str:
    """The first bytes as hexadecimal pairs, with an ellipsis when there are more."""
    shown = " ".join(f"{byte:02x}" for byte in body[:_HEX_SHOWN])
    return shown + (" …" if len(body) > _HEX_SHOWN else "")


class LabelTab(QtWidgets.QWidget):
    """The label's editor and what agents get."""

    loaded = Signal()
    reported = Signal(str)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preview: LabelPreview | None = None
        hint = QtWidgets.QLabel(
            self.tr("On its first run, the Windows agent asks the user for its TAG with this "
                    "text. Tabs and line breaks are removed; an empty label makes agents use "
                    "their own prompt.")
        )  # fmt: skip
        hint.setWordWrap(True)
        self.editor = QtWidgets.QPlainTextEdit()
        self.editor.setObjectName("labelEditor")
        self.editor.setMaximumHeight(90)
        self.editor.setPlaceholderText(self.tr("e.g. Your office number (building-floor-room):"))
        self.cleaned = QtWidgets.QLabel()
        self.cleaned.setObjectName("labelCleaned")
        self.cleaned.setWordWrap(True)
        self.editor.textChanged.connect(self._show_cleaned)
        self.save_button = QtWidgets.QPushButton(self.tr("Save"))
        self.clear_button = QtWidgets.QPushButton(self.tr("Remove the label"))
        self.save_button.clicked.connect(lambda: self.save(self.editor.toPlainText()))
        self.clear_button.clicked.connect(lambda: self.save(""))
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("labelMessage")
        self.message.setWordWrap(True)
        self.reported.connect(self.message.setText)

        box = QtWidgets.QGroupBox(self.tr("What a Windows agent asking now receives"))
        self.status_line = QtWidgets.QLabel()
        self.status_line.setObjectName("labelPreviewStatus")
        self.status_line.setWordWrap(True)
        self.prompt_line = QtWidgets.QLabel()
        self.prompt_line.setObjectName("labelPreviewPrompt")
        self.prompt_line.setWordWrap(True)
        self.prompt_line.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.prompt_line.setMargin(8)
        self.bytes_line = QtWidgets.QLabel()
        self.bytes_line.setObjectName("labelPreviewBytes")
        self.bytes_line.setWordWrap(True)
        self.bytes_line.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        fixed = self.bytes_line.font()
        fixed.setFamily("monospace")
        fixed.setStyleHint(fixed.StyleHint.Monospace)
        self.bytes_line.setFont(fixed)
        inner = QtWidgets.QVBoxLayout(box)
        inner.addWidget(self.status_line)
        inner.addWidget(QtWidgets.QLabel(self.tr("The agent's prompt:")))
        inner.addWidget(self.prompt_line)
        inner.addWidget(self.bytes_line)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor)
        layout.addWidget(self.cleaned)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(box)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> Task:
        """Read the label and the server's answer."""

        def read(conn: Connection, _progress: Any) -> tuple[str | None, LabelPreview]:
            return read_label(conn), preview_label(conn)

        def done(result: tuple[str | None, LabelPreview]) -> None:
            stored, preview = result
            self.editor.setPlainText(stored or "")
            self._show_preview(preview)
            self.loaded.emit()

        return self.context.read(read, done, key=f"label-tab-{id(self):x}")

    def _show_cleaned(self) -> None:
        text = self.editor.toPlainText()
        try:
            cleaned = clean_label(text)
        except LabelError as refusal:
            self.cleaned.setText(refusal_text(refusal.reason))
            return
        if cleaned != text:
            shown = cleaned or self.tr("(empty: the label is removed)")
            self.cleaned.setText(self.tr("Will be saved as: {0}").format(shown))
        else:
            self.cleaned.setText("")

    def _show_preview(self, preview: LabelPreview) -> None:
        self.preview = preview
        if preview.status == 200:
            status = self.tr("HTTP 200, {0} bytes: the agent shows the label.").format(
                len(preview.body)
            )
        elif preview.status == 403:
            status = self.tr("HTTP 403: the DEPLOY option is off in the configuration, so the "
                             "agent gets no label and shows its own prompt.")  # fmt: skip
        else:
            status = self.tr("HTTP 400: there is no label; the agent shows its own prompt.")
        self.status_line.setText(status)
        self.prompt_line.setText(preview.prompt)
        self.bytes_line.setText(hex_bytes(preview.body) if preview.body else "")
        self.bytes_line.setVisible(bool(preview.body))

    def save(self, text: str) -> Task:
        """Store ``text`` (an empty one removes the label), then show the new answer."""

        def run(conn: Connection, _progress: Any) -> Any:
            try:
                stored = set_label(conn, text)
            except LabelError as refusal:
                return refusal
            return stored, preview_label(conn)

        def done(result: Any) -> None:
            if isinstance(result, LabelError):
                self.reported.emit(refusal_text(result.reason))
                return
            stored, preview = result
            self.editor.setPlainText(stored or "")
            self._show_preview(preview)
            self.reported.emit(self.tr("Label saved.") if stored else self.tr("Label removed."))

        def failed(message: str) -> None:
            self.reported.emit(self.tr("The database refused the change: {0}").format(message))

        return self.context.write(run, done, topics=(LABEL_TOPIC,), on_failed=failed)
