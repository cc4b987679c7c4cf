"""Mark core texts the console translates, without importing Qt in the core.

``pyside6-lupdate`` finds ``QT_TRANSLATE_NOOP(context, text)`` calls by name in the
modules ``tools/translations.sh`` scans, so a message defined by the core keeps its
French when the translations are extracted again; the console translates it at display
time with ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` itself; the call is the mark."""
    del context
    return text
