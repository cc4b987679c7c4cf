"""Environment variables that more than one room reads or sets.

The console starts ``ocs-desktop serve`` with its database in :data:`DB_ENV` (``views``)
and every command falls back to it without ``--db`` (``cli``): one name, so the two ends
cannot drift apart.
"""

from __future__ import annotations

from typing import Final

#: The database URL (or SQLite path) a command uses when ``--db`` is not given. It keeps a
#: password out of process lists and shell histories.
DB_ENV: Final = "OCS_DESKTOP_DB"
