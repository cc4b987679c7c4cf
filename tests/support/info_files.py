"""Info files of a chosen size, for the tests of the 1 MiB cap on every path reading one."""

from __future__ import annotations

import hashlib
from pathlib import Path

ONE_MIB = 1024 * 1024
#: ``parse_info``'s refusal of an info file over the cap (a regular expression).
TOO_LARGE = "info file too large: more than 1048576 bytes"


def info_of_size(size: int, fileid: str = "1", attributes: str = "") -> bytes:
    """A valid info file of exactly ``size`` bytes (a STORE package, with ``attributes``
    added to the element); its last byte closes the element, so a short read breaks it."""
    head = f'<DOWNLOAD ID="{fileid}" ACT="STORE" PATH="/opt/x" {attributes}NOTIFY_TEXT="'.encode()
    tail = b'" />'
    return head + b"n" * (size - len(head) - len(tail)) + tail


def snapshot(root: Path) -> dict[str, str]:
    """Every path under ``root`` with the MD5 of its content (folders: empty)."""
    return {
        str(p.relative_to(root)): hashlib.md5(p.read_bytes()).hexdigest() if p.is_file() else ""
        for p in sorted(root.rglob("*"))
    }
