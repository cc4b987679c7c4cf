"""Dynamic groups recomputed by the server when their cache is older than configured.

OCS's server revalidates a dynamic group during prologs once ``REVALIDATE_FROM`` is
``GROUPS_CACHE_REVALIDATE`` seconds old, so deployments to a dynamic group follow the
fleet without anyone pressing "recompute". We do the same for the groups the console
defines (their search is stored with them). One server process claims a group by moving
its ``REVALIDATE_FROM`` with a compare-and-set UPDATE, so concurrent workers never
recompute the same group twice. Groups defined in OCS's web console carry only raw SQL;
we leave those to an OCS server and say so in the log once per group.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import Engine, select, update

from ocs_desktop.fleet.group_xmldef import search_from_xmldef
from ocs_desktop.fleet.groups import recompute_group
from ocs_desktop.models import Group

log = logging.getLogger(__name__)

DEFAULT_REVALIDATE = 43200
# At most one look at the groups table per process in this many seconds.
CHECK_INTERVAL = 60.0


class GroupRevalidator:
    """Throttled revalidation; call :meth:`maybe_run` from the prolog path."""

    def __init__(self, check_interval: float = CHECK_INTERVAL) -> None:
        self.check_interval = check_interval
        self._next_check = 0.0
        self._lock = threading.Lock()
        self._foreign_logged: set[int] = set()

    def maybe_run(self, engine: Engine, revalidate_seconds: int) -> list[int]:
        """Recompute stale console-defined groups, unless another call did so recently."""
        with self._lock:
            now = time.monotonic()
            if now < self._next_check:
                return []
            self._next_check = now + self.check_interval
        return self.run(engine, revalidate_seconds)

    def run(self, engine: Engine, revalidate_seconds: int) -> list[int]:
        """Recompute every dynamic group whose cache is older than ``revalidate_seconds``."""
        now = int(time.time())
        limit = now - max(revalidate_seconds, 0)
        with engine.connect() as conn:
            stale = conn.execute(
                select(Group.HARDWARE_ID, Group.REVALIDATE_FROM, Group.XMLDEF).where(
                    Group.XMLDEF.is_not(None),
                    Group.XMLDEF != "",
                    (Group.REVALIDATE_FROM.is_(None)) | (Group.REVALIDATE_FROM <= limit),
                )
            ).all()
        done: list[int] = []
        for group_id, previous, xmldef in stale:
            if search_from_xmldef(xmldef) is None:
                if group_id not in self._foreign_logged:
                    self._foreign_logged.add(group_id)
                    log.info(
                        "group %s was defined in OCS's web console; an OCS server recomputes it",
                        group_id,
                    )
                continue
            try:
                with engine.begin() as conn:
                    claim = update(Group).where(Group.HARDWARE_ID == group_id)
                    claim = claim.where(
                        Group.REVALIDATE_FROM.is_(None)
                        if previous is None
                        else Group.REVALIDATE_FROM == previous
                    )
                    if conn.execute(claim.values(REVALIDATE_FROM=now)).rowcount != 1:
                        continue  # another worker has it
                    members = recompute_group(conn, group_id)
            except Exception:
                log.exception("recomputing dynamic group %s failed", group_id)
                continue
            log.info("dynamic group %s recomputed: %d members", group_id, members)
            done.append(group_id)
        return done
