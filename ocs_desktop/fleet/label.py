"""The label: the text the Windows agent shows when it asks for a TAG on its first run.

Stored as the ``deploy`` row named ``label`` (PROTOCOL 7) and fetched by the agent at
``/ocsinventory/deploy/label``. As OCS's console does, tabs and line breaks are taken
out (the agent shows one line) and an empty text deletes the row, which makes the agent
fall back to its own prompt. :func:`preview_label` answers what an agent would get from
our server now, through the server's own read (``db.deploy_rows.deploy_blob``) and its
rule that ``config`` DEPLOY must be on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, update

from ocs_desktop.db.deploy_rows import DEPLOY, deploy_blob
from ocs_desktop.db.options import load_options

LABEL_NAME = "label"
#: What the agent shows when there is no label (WIN Agent/OCSInventory.cpp).
AGENT_DEFAULT_PROMPT = "Please, enter TAG value"
MAX_LABEL = 1000

_STRIPPED = re.compile(r"[\t\r\n]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class LabelError(ValueError):
    """A label refused: ``reason`` is ``control`` or ``long``."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def clean_label(text: str) -> str:
    """``text`` as stored: tabs and line breaks removed, outer spaces trimmed;
    ``LabelError`` for other control characters or more than ``MAX_LABEL`` characters."""
    cleaned = _STRIPPED.sub("", text).strip()
    if _CONTROL.search(cleaned):
        raise LabelError("the label contains control characters", "control")
    if len(cleaned) > MAX_LABEL:
        raise LabelError(f"the label is longer than {MAX_LABEL} characters", "long")
    return cleaned


def read_label(conn: Connection) -> str | None:
    """The stored label, or None when there is none (agents use their own prompt)."""
    blob = deploy_blob(conn, LABEL_NAME)
    return None if blob is None else blob.decode("utf-8", errors="replace")


def set_label(conn: Connection, text: str) -> str | None:
    """Store ``text`` cleaned; an empty result deletes the row. The label now served."""
    cleaned = clean_label(text)
    if not cleaned:
        clear_label(conn)
        return None
    content = cleaned.encode("utf-8")
    changed = conn.execute(
        update(DEPLOY).where(DEPLOY.c.NAME == LABEL_NAME).values(CONTENT=content)
    ).rowcount
    if not changed:  # SQLAlchemy's MySQL dialects count matched rows, not changed ones
        conn.execute(insert(DEPLOY).values(NAME=LABEL_NAME, CONTENT=content))
    return cleaned


def clear_label(conn: Connection) -> bool:
    """Delete the label; whether there was one."""
    return bool(conn.execute(delete(DEPLOY).where(DEPLOY.c.NAME == LABEL_NAME)).rowcount)


@dataclass(frozen=True)
class LabelPreview:
    """What ``GET /ocsinventory/deploy/label`` answers now: ``status`` 200 with ``body``,
    403 while DEPLOY is off, 400 when there is no label (the agent then uses
    :data:`AGENT_DEFAULT_PROMPT`)."""

    status: int
    body: bytes

    @property
    def prompt(self) -> str:
        """The prompt the agent shows."""
        if self.status != 200:
            return AGENT_DEFAULT_PROMPT
        return self.body.decode("utf-8", errors="replace")


def preview_label(conn: Connection) -> LabelPreview:
    """The server's answer to an agent asking for the label (``server/app.py``'s rule)."""
    if not load_options(conn).ivalue("DEPLOY", 0):
        return LabelPreview(403, b"")
    blob = deploy_blob(conn, LABEL_NAME)
    if blob is None:
        return LabelPreview(400, b"")
    return LabelPreview(200, blob)
