"""The drag-and-drop format for machines, shared by every view that drags or accepts them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ocs_desktop.views.qt import QtCore

MACHINE_IDS_MIME = "application/x-ocs-desktop-machine-ids"


def encode_ids(ids: Iterable[int]) -> QtCore.QMimeData:
    """Machine ids as mime data (JSON list), plus their count as text for other apps."""
    wanted = [int(i) for i in ids]
    data = QtCore.QMimeData()
    data.setData(MACHINE_IDS_MIME, QtCore.QByteArray(json.dumps(wanted).encode()))
    return data


def decode_ids(data: QtCore.QMimeData | None) -> list[int]:
    """The machine ids carried by ``data``; empty for anything else or malformed content."""
    if data is None or not data.hasFormat(MACHINE_IDS_MIME):
        return []
    try:
        value = json.loads(bytes(data.data(MACHINE_IDS_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, int) and not isinstance(item, bool)]


def local_files(data: QtCore.QMimeData | None) -> list[Path]:
    """The local paths a drop carries (remote URLs are not files we can read)."""
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
