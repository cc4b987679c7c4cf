"""LIKE patterns that take the user's text literally, shared by every text filter.

``/`` is the escape character: it needs no escaping itself inside SQL string literals,
so the same patterns also work in the literal SQL written into OCS's XMLDEF.
"""

from __future__ import annotations

LIKE_ESCAPE = "/"


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards (and the escape character) matched literally."""
    return (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
