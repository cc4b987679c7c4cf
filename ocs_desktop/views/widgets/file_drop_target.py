"""Widgets that take files dragged from a file manager: one answer to Qt for all of them.

The installer wizard's file fields and the Files for agents tab take local files dropped
on them (item models take theirs through :mod:`ocs_desktop.views.widgets.drops`).
:class:`FileDropTarget` answers the drag's enter, move and drop alike, so the cursor never
promises a drop that the drop then refuses: a drag is accepted exactly when its local
files are ones the widget :meth:`~FileDropTarget.accepts`.
"""

from __future__ import annotations

from pathlib import Path

from ocs_desktop.views.qt import Qt, QtGui
from ocs_desktop.views.widgets.mime import local_files


class FileDropTarget:
    """The drop half of a widget taking files: list it before the Qt widget class among the
    bases, call ``setAcceptDrops(True)``, implement :meth:`accepts` and :meth:`dropped`."""

    #: Always a copy: a file manager deletes the source of an accepted move, while an
    #: upload or a build may still be reading it.
    FILE_DROP_ACTION = Qt.DropAction.CopyAction

    def accepts(self, paths: list[Path]) -> bool:
        """Whether a drop of ``paths`` (local files, maybe none) would be taken now."""
        raise NotImplementedError

    def dropped(self, paths: list[Path]) -> None:
        """Act on ``paths``, a drop :meth:`accepts` took."""
        raise NotImplementedError

    def _answer_drag(self, event: QtGui.QDropEvent) -> list[Path] | None:
        """Accept or ignore ``event``; the paths it carries when accepted."""
        paths = local_files(event.mimeData())
        if not self.accepts(paths):
            event.ignore()
            return None
        event.setDropAction(self.FILE_DROP_ACTION)
        event.accept()
        return paths

    # --- QWidget -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        self._answer_drag(event)

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        self._answer_drag(event)

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        paths = self._answer_drag(event)
        if paths is not None:
            self.dropped(paths)
