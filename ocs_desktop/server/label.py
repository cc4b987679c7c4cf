"""``GET /ocsinventory/deploy/<name>``: files of the ``deploy`` table, such as ``label``.

The Windows agent fetches ``deploy/label`` on its first run and prompts for the TAG with
its text (PROTOCOL 7). Served only while ``config.DEPLOY`` is on (403 otherwise); an
unknown name is 400, as the reference answers.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from ocs_desktop.models import Base

DEPLOY = Base.metadata.tables["deploy"]


def deploy_content(engine: Engine, name: str) -> bytes | None:
    """The stored blob, or None when there is no such row (blocking)."""
    with engine.connect() as conn:
        content = conn.execute(select(DEPLOY.c.CONTENT).where(DEPLOY.c.NAME == name)).scalar()
    if content is None:
        return None
    return content if isinstance(content, bytes) else str(content).encode()
