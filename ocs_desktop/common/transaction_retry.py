"""Run a whole write transaction again when a cluster, not the work, made it fail.

``common.retry`` covers one server: deadlock (1213), lock wait timeout (1205), a busy
SQLite file. A Galera cluster adds its own ways to refuse a transaction that was right:

- a certification conflict with another node's commit: 1213 at ``COMMIT``, or "WSREP
  detected deadlock/conflict and aborted the transaction";
- a node that is joining, donating or has lost its quorum: 1047 "WSREP has not yet
  prepared node for application use", or 1180 at COMMIT "... Not connected to Primary
  Component" while the cluster re-forms after a node left;
- the node behind the connection killed mid-transaction: 2006/2013 (connection lost),
  4031 (client inactivity), or 2003 on the next connect while a proxy moves to another.

The transaction rolled back (a commit cut off with the connection either committed whole
or not at all) so running the same work again from its start is safe only for work that
is idempotent as a whole: the Ingestor's, which finds by DEVICEID under its lock what
an earlier attempt committed. Attempts are bounded and the pauses grow with full jitter,
so writers that collided do not collide again in step.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from ocs_desktop.common.retry import is_transient, retry_on

T = TypeVar("T")

log = logging.getLogger(__name__)

ATTEMPTS = 10
#: First pause and cap of the pauses, in seconds (under 9 s in all, about half on average).
BASE_S = 0.02
CAP_S = 2.0

#: Connection lost or refused; a commit refused by the cluster (1047, 1180).
_CODES = {2003, 2006, 2013, 4031, 1047, 1180}
_MESSAGES = (
    "wsrep detected deadlock",
    "wsrep has not yet prepared",
    "try restarting transaction",
    "primary component",
)


def _code(error: DBAPIError) -> int | None:
    args = getattr(error.orig, "args", ())
    return args[0] if args and isinstance(args[0], int) else None


def is_retryable(error: DBAPIError) -> bool:
    """Whether a whole transaction that failed with ``error`` may be run again."""
    if is_transient(error):
        return True
    if _code(error) in _CODES or error.connection_invalidated:
        return True
    text = str(error.orig).lower()
    return any(message in text for message in _MESSAGES)


def backoff(attempt: int) -> float:
    """The pause before attempt ``attempt + 1``: full jitter under a growing cap."""
    return random.uniform(0, min(CAP_S, BASE_S * 2**attempt))


def retry_whole(
    work: Callable[[], T],
    attempts: int = ATTEMPTS,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``work`` (one whole transaction); run it again on :func:`is_retryable` errors,
    at most ``attempts`` times in all, then let the last error through."""
    return retry_on(work, is_retryable, attempts, backoff, sleep)
