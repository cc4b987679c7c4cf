"""``GET /ocsinventory/deploy/<name>``: files of the ``deploy`` table, such as ``label``.

The Windows agent fetches ``deploy/label`` on its first run and prompts for the TAG with
its text (PROTOCOL 7). Served only while ``config.DEPLOY`` is on (403 otherwise); an
unknown name is 400, as the reference answers.
"""

from __future__ import annotations

from sqlalchemy import Engine

from ocs_desktop.db.deploy_rows import deploy_blob


def deploy_content(engine: Engine, name: str) -> bytes | None:
    """The stored blob, or None when there is no such row (blocking). The console's
    label preview and file download read it through the same ``deploy_blob``."""
    with engine.connect() as conn:
        return deploy_blob(conn, name)
