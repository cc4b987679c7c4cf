"""The summary card at the top of a machine: the answers an administrator looks for first.

Rich text in a read-only browser: it wraps to any width, scrolls in a short dock, and every
value can be selected and copied.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ocs_desktop.fleet.machine_summary import MachineSummary
from ocs_desktop.views.fleet.field_format import format_date, format_field
from ocs_desktop.views.qt import QtCore, QtWidgets

#: Below this share of free space a disk is shown as a warning.
LOW_FREE_SPACE = 0.10


def _row(label: str, value: str) -> str:
    return f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{value}</td></tr>"


class SummaryCard(QtWidgets.QTextBrowser):
    """Shows a :class:`MachineSummary`; empty facts are left out rather than shown blank."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.summary: MachineSummary | None = None

    def show_summary(self, summary: MachineSummary | None) -> None:
        self.summary = summary
        self.setHtml(self.render_html(summary) if summary is not None else "")

    # --- rendering ------------------------------------------------------------------------
    def _when(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        return escape(format_date(moment, QtCore.QLocale(), with_time=True))

    def _disks(self, summary: MachineSummary) -> str:
        lines = []
        for disk in summary.disks:
            total = format_field(disk.total_mib, "mib")[0]
            if disk.free_mib is None:
                lines.append(self.tr("{0}: {1}").format(escape(disk.name), total))
                continue
            free = format_field(disk.free_mib, "mib")[0]
            text = self.tr("{0}: {1} free of {2}").format(escape(disk.name), free, total)
            if disk.total_mib and disk.free_mib / disk.total_mib < LOW_FREE_SPACE:
                text = f"<span style='color:#b00020'><b>{text}</b></span>"
            lines.append(text)
        return "<br/>".join(lines)

    def _addresses(self, summary: MachineSummary) -> str:
        return "<br/>".join(
            " — ".join(escape(part) for part in (a.ip, a.mac, a.interface) if part)
            for a in summary.addresses
        )

    def _groups(self, summary: MachineSummary) -> str:
        return ", ".join(
            escape(name) + ("" if static else " " + escape(self.tr("(dynamic)")))
            for name, static in summary.groups
        )

    def _packages(self, summary: MachineSummary) -> str:
        lines = []
        for name, status in summary.packages:
            if status is None:
                shown, colour = self.tr("waiting"), "#6d6d6d"
            elif status.startswith("SUCCESS") or status == "EXIT_CODE_0":
                shown, colour = status, "#1b5e20"
            elif status == "NOTIFIED":
                shown, colour = status, "#0d47a1"
            else:
                shown, colour = status, "#b00020"
            lines.append(f"{escape(name)}: <span style='color:{colour}'>{escape(shown)}</span>")
        return "<br/>".join(lines)

    def render_html(self, summary: MachineSummary) -> str:
        """The card as rich text (what the tests read back)."""
        model = " ".join(p for p in (summary.manufacturer, summary.model) if p)
        system = " ".join(p for p in (summary.os, summary.os_version) if p)
        if summary.architecture:
            system = f"{system} ({summary.architecture})" if system else summary.architecture
        cpu = summary.cpu
        if summary.cpu_count > 1:
            cpu = self.tr("{0} × {1}").format(summary.cpu_count, cpu)  # noqa: RUF001
        memory = format_field(summary.memory_mib, "mib")[0] if summary.memory_mib else ""
        left = [
            (self.tr("Model"), escape(model)),
            (self.tr("Serial number"), escape(summary.serial)),
            (self.tr("Operating system"), escape(system)),
            (self.tr("Processor"), escape(cpu)),
            (self.tr("Memory"), escape(memory)),
            (self.tr("Disks"), self._disks(summary)),
            (self.tr("Addresses"), self._addresses(summary)),
        ]
        right = [
            (self.tr("User"), escape(summary.user)),
            (self.tr("TAG"), escape(summary.tag)),
            *((escape(label), escape(value)) for label, value in summary.admin),
            (self.tr("Last inventory"), self._when(summary.last_inventory)),
            (self.tr("Last contact"), self._when(summary.last_contact)),
            (self.tr("Agent"), escape(summary.agent)),
            (self.tr("Groups"), self._groups(summary)),
            (self.tr("Packages"), self._packages(summary)),
        ]

        def table(rows: list[tuple[str, str]]) -> str:
            body = "".join(_row(label, value) for label, value in rows if value)
            return f"<table cellspacing='0' cellpadding='3'>{body}</table>"

        return (
            "<table width='100%'><tr>"
            f"<td valign='top' width='50%'>{table(left)}</td>"
            f"<td valign='top' width='50%'>{table(right)}</td>"
            "</tr></table>"
        )
