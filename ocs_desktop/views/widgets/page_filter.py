"""The filter box of a page, found by name so the window's Ctrl+F can focus it.

Pages stay free of the shell: they name their filter here, and the main window looks
for that name in the page it shows.
"""

from __future__ import annotations

from ocs_desktop.views.qt import QtWidgets

FILTER_NAME = "pageFilter"


def page_filter(edit: QtWidgets.QLineEdit) -> QtWidgets.QLineEdit:
    """Mark ``edit`` as its page's filter (Ctrl+F focuses it)."""
    edit.setObjectName(FILTER_NAME)
    return edit
