"""The ``deploy`` table's blobs, read one way for the server and the console.

``deploy(NAME, CONTENT)`` holds what agents fetch at ``/ocsinventory/deploy/<NAME>``:
the TAG prompt ``label`` and files uploaded for agents (PROTOCOL 7). The server answers
with :func:`deploy_blob`'s bytes, and the console's label preview and file download use
the same function, so what the console shows is exactly what agents receive.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from ocs_desktop.models import Base

DEPLOY = Base.metadata.tables["deploy"]


def as_bytes(content: object) -> bytes:
    """A stored CONTENT as bytes (a driver may hand text back for a TEXT-typed legacy
    column: it is sent UTF-8 encoded)."""
    if isinstance(content, bytes):
        return content
    if isinstance(content, (bytearray, memoryview)):
        return bytes(content)
    return str(content).encode()


def deploy_blob(conn: Connection, name: str) -> bytes | None:
    """The bytes stored under ``name``, or None when there is no such row."""
    content = conn.execute(select(DEPLOY.c.CONTENT).where(DEPLOY.c.NAME == name)).scalar()
    if content is None:
        return None
    return as_bytes(content)
