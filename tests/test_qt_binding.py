"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 released a reference to None on every void method call,
which aborted the interpreter once None's count reached zero ("deallocating None"):
a console left open would crash. pyproject pins a binding without the bug; this test
fails if one comes back.
"""

from __future__ import annotations

import sys

from ocs_desktop.views.qt import QtWidgets

CALLS = 2000


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QtWidgets.QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.setWindowTitle("x")
        widget.show()
        widget.hide()
    # Other code may take or drop a few references meanwhile, never thousands.
    assert sys.getrefcount(None) - before > -CALLS // 10
