"""Drive the real NetworkScanDialog in a process started inside a test namespace.

``ip netns exec NS python -m tests.support.scan_dialog_runner DB NETID MASK [--lang fr]
[--cancel] [--shot PNG]``: opens the dialog offscreen on the SQLite database DB with
NETID/MASK preselected, presses Scan (and Cancel at the first progress with
``--cancel``), waits for the outcome and prints what the dialog shows as JSON. The
sweep's packets stay in the namespace the process was started in.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_scan_dialog import NetworkScanDialog
from ocs_desktop.views.i18n import ensure_compiled, install_translators
from ocs_desktop.views.qt import QtWidgets


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("netid")
    parser.add_argument("mask")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--cancel", action="store_true")
    parser.add_argument("--shot")
    args = parser.parse_args()
    app = QtWidgets.QApplication([])
    ensure_compiled()
    install_translators(args.lang, app)
    engine = create_engine_for(args.db)
    context = ConsoleContext(engine, "scan under test")
    dialog = NetworkScanDialog(context, args.netid, args.mask, subnets=[], timeout=0.5)
    dialog.show()
    progress_seen: list[int] = []

    def progressed(value: int) -> None:
        progress_seen.append(value)
        if args.cancel and value > 0:
            dialog.cancel()

    dialog.progress.valueChanged.connect(progressed)
    task = dialog.start()
    busy_after_start = dialog.cancel_button.isEnabled() and not dialog.scan_button.isEnabled()
    if task is not None and not context.runner.wait_idle(120_000):
        print("the scan never finished", file=sys.stderr)
        return 1
    if args.shot:
        dialog.grab().save(args.shot)
    result = dialog.outcome[0] if dialog.outcome else None
    print(
        json.dumps(
            {
                "started": task is not None,
                "busy_after_start": busy_after_start,
                "status": dialog.status.text(),
                "message": dialog.message.text() if not dialog.message.isHidden() else None,
                "progress": [dialog.progress.value(), dialog.progress.maximum()],
                "progress_seen": len(progress_seen),
                "scan_enabled": dialog.scan_button.isEnabled(),
                "hosts": [[h.ip, h.mac] for h in result.hosts] if result else None,
            }
        )
    )
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
