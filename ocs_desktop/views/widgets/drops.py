"""Drops on item models: one contract, and its flavour for dragged machines.

Four lists of the console take drops: the TAGs list, the groups list and the Deployment
page's package list take machines dragged from any machines list (the format of
:mod:`ocs_desktop.views.widgets.mime`), the package wizard's file list takes file URLs.
:class:`DropMixin` answers Qt for all of them alike:

- ``canDropMimeData`` is true exactly when ``dropMimeData`` acts: an action the model
  supports, content it reads, and somewhere to put it;
- ``dropMimeData`` with ``IgnoreAction`` returns True and does nothing ("handled, nothing
  to do", Qt's contract), while ``canDropMimeData`` refuses ``IgnoreAction`` as Qt's own
  does: it is no action a model supports, there is nothing to drop.

:class:`MachineDropMixin` adds what the three machine lists share: machine ids only, copied
only (the machines stay in the list they came from: accepting a move would let that list
remove them), and a target where the drop lands.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from ocs_desktop.views.qt import Qt, QtCore
from ocs_desktop.views.widgets.mime import MACHINE_IDS_MIME, decode_ids
from ocs_desktop.views.widgets.row_table import AnyIndex

DropT = TypeVar("DropT")
TargetT = TypeVar("TargetT")

#: What Qt hands a model's drop methods.
MimeData = QtCore.QMimeData
DropAction = Qt.DropAction


class DropMixin(Generic[DropT]):
    """The drop half of an item model: list it before the Qt model class among the bases.

    A model sets :attr:`DROP_MIME_TYPES` and :attr:`DROP_ACTIONS`, reads a drop in
    :meth:`_read_drop` (None: not for this model) and acts on it in :meth:`_take_drop`.
    """

    DROP_MIME_TYPES: tuple[str, ...] = ()
    DROP_ACTIONS: Qt.DropAction = Qt.DropAction.CopyAction

    def _read_drop(self, data: MimeData, row: int, parent: AnyIndex) -> DropT | None:
        """What dropping ``data`` at ``row`` under ``parent`` would do, None for nothing.

        Dropped on an item, ``parent`` is that item and ``row`` is -1; dropped between
        items, ``parent`` is the root and ``row`` the item below (-1: below the last).
        """
        raise NotImplementedError

    def _take_drop(self, drop: DropT) -> None:
        """Act on a drop :meth:`_read_drop` accepted (usually: announce it with a signal)."""
        raise NotImplementedError

    def accepted_drop(
        self, data: MimeData, action: DropAction, row: int, parent: AnyIndex
    ) -> DropT | None:
        """The drop this model would take, or None (``IgnoreAction`` sets no action bit)."""
        if not action & self.DROP_ACTIONS:
            return None
        return self._read_drop(data, row, parent)

    # --- QAbstractItemModel -------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return list(self.DROP_MIME_TYPES)

    def supportedDropActions(self) -> Qt.DropAction:
        return self.DROP_ACTIONS

    def canDropMimeData(
        self, data: MimeData, action: DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self.accepted_drop(data, action, row, parent) is not None

    def dropMimeData(
        self, data: MimeData, action: DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        drop = self.accepted_drop(data, action, row, parent)
        if drop is None:
            return False
        self._take_drop(drop)
        return True


class MachineDropMixin(DropMixin[tuple[TargetT, list[int]]]):
    """Takes machines (their ids) dropped on a target: a TAG, a static group, a package.

    A model implements :meth:`_drop_target` (where a drop lands) and
    :meth:`_machines_dropped` (announce it; the page writes, after asking if need be).
    """

    DROP_MIME_TYPES = (MACHINE_IDS_MIME,)
    #: Copied onto the target, never moved.
    DROP_ACTIONS = Qt.DropAction.CopyAction

    def _drop_target(self, row: int, parent: AnyIndex) -> TargetT | None:
        """What a drop at ``row`` under ``parent`` lands on, None for nothing."""
        raise NotImplementedError

    def _machines_dropped(self, target: TargetT, ids: list[int]) -> None:
        """Machines ``ids`` were dropped on ``target``."""
        raise NotImplementedError

    def _read_drop(
        self, data: MimeData, row: int, parent: AnyIndex
    ) -> tuple[TargetT, list[int]] | None:
        ids = decode_ids(data)
        target = self._drop_target(row, parent) if ids else None
        return None if target is None else (target, ids)

    def _take_drop(self, drop: tuple[TargetT, list[int]]) -> None:
        self._machines_dropped(*drop)
