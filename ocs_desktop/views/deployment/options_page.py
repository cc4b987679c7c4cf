"""The package wizard's options page: priority, fragmentation, notifications.

The priority comes with one line on what it means for download speed, worded after the
agents' scheduler (PROTOCOL 3.5), and the fragmentation with a live preview of the
fragment sizes, computed by the core's own cutting rule from the chosen files' total (an
estimate until the archive is built: compression changes its size).
"""

from __future__ import annotations

from collections.abc import Sequence

from ocs_desktop.packager.fragments import MIB, mib_bytes, plan_fragments
from ocs_desktop.packager.spec import DEFAULT_PRIORITY, MAX_PRIORITY, MIN_PRIORITY
from ocs_desktop.views.deployment.choice_pages import Binding, FilesPage, bind
from ocs_desktop.views.deployment.files import format_size
from ocs_desktop.views.deployment.settings import DeploymentDefaults
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets


def priority_explanation(priority: int, period_length: int = 10) -> str:
    """One line on what ``priority`` means for download speed (PROTOCOL 3.5).

    Agents work in periods of ``period_length`` cycles (``DOWNLOAD_PERIOD_LENGTH``); in
    cycle i a package of priority n fetches one fragment when n divides i, and a pending
    priority-0 package keeps every other package waiting.
    """
    if priority == 0:
        return QtCore.QCoreApplication.translate(
            "PackageWizard",
            "Priority 0 goes before everything: while this package is pending, agents "
            "download no other package.",
        )
    if priority > period_length:
        return QtCore.QCoreApplication.translate(
            "PackageWizard",
            "Priority {0} is above the agents' period of {1} cycles: this package would "
            "never be downloaded.",
        ).format(priority, period_length)
    per_period = period_length // priority
    if priority == 1:
        return QtCore.QCoreApplication.translate(
            "PackageWizard",
            "Priority 1 is the fastest: one fragment in every download cycle "
            "({0} per period of {1} cycles).",
        ).format(per_period, period_length)
    return QtCore.QCoreApplication.translate(
        "PackageWizard",
        "Priority {0}: one fragment every {0} download cycles ({1} per period of {2}); "
        "1 is the fastest, 9 the slowest.",
    ).format(priority, per_period, period_length)


class PackageWizardPlurals(QtCore.QObject):
    """Plural forms: ``self.tr`` with a count is the only form ``pyside6-lupdate`` extracts
    as numerus, so ``tools/translations.sh update`` keeps their French."""

    def fragments(self, count: int) -> str:
        return self.tr("%n fragment(s): {0}", "", count)


def describe_fragments(sizes: Sequence[int], estimate: bool) -> str:
    """The fragments as "3 fragments: 2 x 1.2 MiB, 1 x 1.3 MiB", marked when estimated."""
    if not sizes:
        return QtCore.QCoreApplication.translate(
            "PackageWizard", "No fragment: agents download nothing (command only)."
        )
    runs: list[list[int]] = []
    for size in sizes:
        if runs and runs[-1][0] == size:
            runs[-1][1] += 1
        else:
            runs.append([size, 1])
    parts = ", ".join(f"{count} \u00d7 {format_size(size)}" for size, count in runs)
    text = PackageWizardPlurals().fragments(len(sizes)).format(parts)
    if estimate:
        return QtCore.QCoreApplication.translate(
            "PackageWizard", "About {0} (estimated from the files; compression makes it smaller)"
        ).format(text)
    return text


class OptionsPage(QtWidgets.QWizardPage):
    """Page 3: priority, fragmentation with a live preview, notifications."""

    def __init__(self, files: FilesPage) -> None:
        """``files``: the page whose chosen files the fragment preview cuts."""
        super().__init__()
        self.files = files
        self.setTitle(self.tr("Download and notification"))
        self.setSubTitle(self.tr("How fast agents fetch the package, and what the user sees."))
        self.period_length = 10

        self.priority = QtWidgets.QSpinBox()
        self.priority.setRange(MIN_PRIORITY, MAX_PRIORITY)
        self.priority_slider = QtWidgets.QSlider(Qt.Orientation.Horizontal)
        self.priority_slider.setRange(MIN_PRIORITY, MAX_PRIORITY)
        self.priority_slider.setTickPosition(QtWidgets.QSlider.TickPosition.TicksBelow)
        self.priority_slider.setTickInterval(1)
        self.priority_slider.setPageStep(1)
        self.priority.valueChanged.connect(self.priority_slider.setValue)
        self.priority_slider.valueChanged.connect(self.priority.setValue)
        self.priority.valueChanged.connect(lambda _v: self._update_priority())
        self.priority_text = QtWidgets.QLabel()
        self.priority.setValue(DEFAULT_PRIORITY)
        self.proto = QtWidgets.QComboBox()
        self.proto.addItem(self.tr("HTTP"), "http")
        self.proto.addItem(self.tr("HTTPS"), "https")

        self.frag_one = QtWidgets.QRadioButton(self.tr("One fragment"))
        self.frag_count = QtWidgets.QRadioButton(self.tr("By count:"))
        self.frag_size = QtWidgets.QRadioButton(self.tr("By size:"))
        self.frag_one.setChecked(True)
        self.count = QtWidgets.QSpinBox()
        self.count.setRange(1, 100_000)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" fragments"))
        self.size_mib = QtWidgets.QDoubleSpinBox()
        self.size_mib.setRange(0.1, 1_000_000)
        self.size_mib.setDecimals(1)
        self.size_mib.setValue(10)
        self.size_mib.setSuffix(self.tr(" MiB"))
        self.preview = QtWidgets.QLabel()
        self.preview.setWordWrap(True)
        for widget in (self.frag_one, self.frag_count, self.frag_size):
            widget.toggled.connect(lambda _checked: self.update_preview())
        self.count.valueChanged.connect(lambda _v: self.update_preview())
        self.size_mib.valueChanged.connect(lambda _v: self.update_preview())
        files.model.totalChanged.connect(self.update_preview)

        self.notify = QtWidgets.QGroupBox(self.tr("Notify the user before installing (Windows)"))
        self.notify.setCheckable(True)
        self.notify.setChecked(False)
        self.notify_text = QtWidgets.QPlainTextEdit()
        self.notify_text.setMaximumHeight(70)
        self.countdown = QtWidgets.QSpinBox()
        self.countdown.setRange(0, 86_400)
        self.countdown.setSuffix(self.tr(" s"))
        self.can_abort = QtWidgets.QCheckBox(self.tr("The user can abort"))
        self.can_delay = QtWidgets.QCheckBox(self.tr("The user can delay"))
        notify_form = QtWidgets.QFormLayout(self.notify)
        notify_form.addRow(self.tr("Text:"), self.notify_text)
        notify_form.addRow(self.tr("Countdown:"), self.countdown)
        notify_form.addRow(self.can_abort)
        notify_form.addRow(self.can_delay)
        self.done_action = QtWidgets.QGroupBox(self.tr("Show a message once done (Windows)"))
        self.done_action.setCheckable(True)
        self.done_action.setChecked(False)
        self.done_text = QtWidgets.QLineEdit()
        done_form = QtWidgets.QFormLayout(self.done_action)
        done_form.addRow(self.tr("Text:"), self.done_text)

        priority_row = QtWidgets.QHBoxLayout()
        priority_row.addWidget(self.priority)
        priority_row.addWidget(self.priority_slider, 1)
        cut = QtWidgets.QGridLayout()
        cut.addWidget(self.frag_one, 0, 0)
        cut.addWidget(self.frag_count, 1, 0)
        cut.addWidget(self.count, 1, 1)
        cut.addWidget(self.frag_size, 2, 0)
        cut.addWidget(self.size_mib, 2, 1)
        cut.setColumnStretch(2, 1)
        form = QtWidgets.QFormLayout()
        priority_label = QtWidgets.QLabel(self.tr("&Priority:"))
        priority_label.setBuddy(self.priority)
        form.addRow(priority_label, priority_row)
        form.addRow("", self.priority_text)
        form.addRow(self.tr("Fragments fetched over:"), self.proto)
        form.addRow(self.tr("Fragmentation:"), cut)
        form.addRow("", self.preview)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notify)
        layout.addWidget(self.done_action)
        layout.addStretch(1)
        self._update_priority()
        self.update_preview()
        self.bindings = {
            "priority": bind(self.priority),
            "fragments": Binding(lambda: self.fragmentation()[0], self.set_fragment_count),
            "fragment_size": Binding(
                lambda: self.fragmentation()[1], lambda size: self.set_fragment_mib(size / MIB)
            ),
            "proto": Binding(lambda: str(self.proto.currentData()), self.set_proto),
            "notify_user": bind(self.notify),
            "notify_text": bind(self.notify_text),
            "notify_countdown": bind(self.countdown),
            "notify_can_abort": bind(self.can_abort),
            "notify_can_delay": bind(self.can_delay),
            "need_done_action": bind(self.done_action),
            "done_action_text": bind(self.done_text),
        }

    def apply_defaults(self, defaults: DeploymentDefaults) -> None:
        """The agents' period length, and the console's fragment size when it cuts by size."""
        self.period_length = defaults.period_length
        if defaults.fragment_mib is not None and self.frag_one.isChecked():
            self.set_fragment_mib(defaults.fragment_mib)
        self._update_priority()

    def fragmentation(self) -> tuple[int | None, int | None]:
        """(count, size in bytes) as ``PackageSpec`` takes them."""
        if self.frag_count.isChecked():
            return self.count.value(), None
        if self.frag_size.isChecked():
            return None, mib_bytes(self.size_mib.value())
        return None, None

    def set_fragment_count(self, count: int) -> None:
        """Cut into ``count`` fragments; 0 chooses one fragment."""
        self.count.setValue(max(1, count))
        (self.frag_count if count else self.frag_one).setChecked(True)

    def set_fragment_mib(self, mib: float) -> None:
        """Cut into fragments of ``mib`` MiB."""
        self.size_mib.setValue(mib)
        self.frag_size.setChecked(True)

    def set_proto(self, proto: str) -> None:
        self.proto.setCurrentIndex(self.proto.findData(proto.lower()))

    def preview_sizes(self) -> tuple[int, ...] | None:
        """The fragment sizes the preview shows; None while sizes are being measured."""
        total = self.files.total_size()
        if total is None:
            return None
        count, size = self.fragmentation()
        return plan_fragments(total, count=count, size=size)

    def update_preview(self) -> None:
        sizes = self.preview_sizes()
        if sizes is None:
            self.preview.setText(self.tr("Measuring the files…"))
            return
        self.preview.setText(describe_fragments(sizes, self.files.mode == "files"))

    def _update_priority(self) -> None:
        self.priority_text.setText(priority_explanation(self.priority.value(), self.period_length))

    def initializePage(self) -> None:
        self.update_preview()
