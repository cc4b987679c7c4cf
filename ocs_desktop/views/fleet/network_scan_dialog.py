"""'Scan this subnet now': the workstation's own sweep of the subnets the operator ticks.

``NetworkScanDialog(context, netid, mask, parent=None, *, subnets=None, timeout=TIMEOUT)``:
``netid``/``mask`` is the subnet preselected (the Network page passes its selected one);
``subnets`` the (NETID, MASK) pairs offered besides it; None reads the fleet's subnets
(``fleet/network_subnets``) and offers them unticked. A subnet without a mask cannot be
scanned and is shown disabled.

Scan runs ``fleet/network_scan.sweep`` in the worker, with progress and Cancel; only the
ticked subnets are in scope, and a refused one (wider than /16, not private) is named
before anything is sent. The hosts found are then written to ``netmap`` in one
transaction and the summary says how many were found and how many are new; a cancelled
sweep writes nothing.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.fleet.network_scan import TIMEOUT, Recorded, SweepResult, record, sweep
from ocs_desktop.fleet.network_scope import Scope, ScopeError
from ocs_desktop.fleet.network_subnets import subnet_summaries
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_models import NETWORK
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets
from ocs_desktop.views.worker import Task

_SUBNET_ROLE = Qt.ItemDataRole.UserRole


def _cidr(netid: str, mask: str | None) -> str | None:
    """``netid/prefix`` when NETID and MASK make a network; None otherwise."""
    if not mask:
        return None
    try:
        return str(ipaddress.IPv4Network(f"{netid}/{mask}", strict=False))
    except ValueError:
        return None


def scope_error_text(error: ScopeError) -> str:
    """A refusal of ``network_scope`` in the console's language."""
    return QtCore.QCoreApplication.translate("NetworkScope", error.template).format(
        subnet=error.subnet
    )


class NetworkScanDialog(QtWidgets.QDialog):
    """Tick subnets, scan them from this workstation, read the summary."""

    def __init__(
        self,
        context: ConsoleContext,
        netid: str,
        mask: str | None,
        parent: QtWidgets.QWidget | None = None,
        *,
        subnets: Sequence[tuple[str, str | None]] | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.timeout = timeout
        self.task: Task | None = None
        self.outcome: tuple[SweepResult, Recorded] | None = None
        self.setWindowTitle(self.tr("Scan this subnet now"))
        intro = QtWidgets.QLabel(
            self.tr(
                "This workstation probes every address of the ticked subnets (ICMP, or TCP "
                "connections where ICMP is not allowed), then reads its ARP cache. Hosts "
                "with a MAC address are added to the network map, with the workstation as "
                "their source. Only hosts on this workstation's own network segments have "
                "a MAC address."
            )
        )
        intro.setWordWrap(True)
        self.subnets = QtWidgets.QListWidget()
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000")
        self.message.hide()
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QtWidgets.QLabel(self.tr("Tick the subnets to scan, then press Scan."))
        self.status.setWordWrap(True)
        buttons = QtWidgets.QDialogButtonBox()
        self.scan_button = buttons.addButton(
            self.tr("Scan"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Cancel scan"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)
        self.scan_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.subnets, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._add_subnet(netid, mask, checked=True)
        if subnets is not None:
            self._add_subnets(subnets)
        else:
            context.read(
                lambda conn, _progress: [(s.netid, s.mask) for s in subnet_summaries(conn)],
                self._add_subnets,
                on_failed=self._show_message,
            )
        self.resize(560, 460)

    # --- subnets ------------------------------------------------------------------------
    def _add_subnet(self, netid: str, mask: str | None, *, checked: bool) -> None:
        cidr = _cidr(netid, mask)
        known = {self.subnets.item(row).data(_SUBNET_ROLE) for row in range(self.subnets.count())}
        if cidr is not None and cidr in known:
            return
        if cidr is None:
            item = QtWidgets.QListWidgetItem(self.tr("%1 (no mask known)").replace("%1", netid))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        else:
            size = ipaddress.IPv4Network(cidr).num_addresses
            hosts = size - 2 if size > 2 else size
            item = QtWidgets.QListWidgetItem(
                self.tr("%1 (%n address(es))", "", hosts).replace("%1", cidr)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(_SUBNET_ROLE, cidr)
        self.subnets.addItem(item)

    def _add_subnets(self, subnets: Sequence[tuple[str, str | None]]) -> None:
        for netid, mask in subnets:
            self._add_subnet(netid, mask, checked=False)

    def picked(self) -> list[str]:
        """The ticked subnets, as ``netid/prefix``."""
        return [
            str(item.data(_SUBNET_ROLE))
            for item in (self.subnets.item(row) for row in range(self.subnets.count()))
            if item.checkState() == Qt.CheckState.Checked and item.data(_SUBNET_ROLE)
        ]

    # --- scan ---------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def start(self) -> Task | None:
        """Scan the ticked subnets; None (and the reason shown) when they are refused."""
        self.message.hide()
        try:
            scope = Scope.of(self.picked())
        except ScopeError as error:
            self._show_message(scope_error_text(error))
            return None
        engine = self.context.engine
        timeout = self.timeout

        def job(progress: Progress) -> tuple[SweepResult, Recorded]:
            result = sweep(scope, timeout=timeout, progress=progress)
            report(progress, result.probed, result.probed)  # cancelled now: nothing written
            with engine.begin() as conn:
                return result, record(conn, result)

        self.outcome = None
        self.progress.setRange(0, scope.size())
        self.progress.setValue(0)
        self.status.setText(self.tr("Scanning %1…").replace("%1", scope.describe()))
        self._running(True)
        self.task = self.context.runner.run(
            job, on_done=self._done, on_failed=self._failed, on_progress=self._progressed
        )
        self.task.cancelled.connect(self._cancelled)
        return self.task

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _running(self, running: bool) -> None:
        self.scan_button.setEnabled(not running)
        self.subnets.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, outcome: tuple[SweepResult, Recorded]) -> None:
        self._running(False)
        self.outcome = outcome
        result, recorded = outcome
        self.progress.setValue(self.progress.maximum())
        lines = [
            self.tr("%n host(s) found", "", len(result.hosts)),
            self.tr("%n new in the network map", "", recorded.new),
        ]
        missing = len(result.hosts) - len(result.with_mac)
        if missing:
            lines.append(self.tr("%n without a MAC address, not stored", "", missing))
        self.status.setText("\n".join(lines))
        self.context.changed.emit(NETWORK)

    def _failed(self, text: str) -> None:
        self._running(False)
        self.status.setText(self.tr("The scan failed: %1").replace("%1", text))

    def _cancelled(self) -> None:
        self._running(False)
        self.status.setText(self.tr("Scan cancelled; nothing was written."))

    def _is_busy(self) -> bool:
        return self.task is not None and self.task.running

    def reject(self) -> None:
        """Closing stops a scan in progress (its result is dropped)."""
        if self._is_busy():
            assert self.task is not None
            self.task.cancel()
        super().reject()
