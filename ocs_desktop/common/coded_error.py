"""Refusals the console can word in its own language.

A :class:`CodedError` holds a stable ``code``, an English ``message`` template marked with
``QT_TRANSLATE_NOOP(context, …)`` and the ``params`` it names. ``str(error)`` is the
English text (the CLI prints it); the console translates the template in ``context`` and
only then fills it (``views/i18n.core_error_text``), so the French keeps the user's values.
It is a ``ValueError``, so callers that catch bad input keep catching it.
"""

from __future__ import annotations

from typing import Any


class CodedError(ValueError):
    """A refusal with a code, a translatable template and its parameters."""

    def __init__(self, context: str, code: str, message: str, **params: Any) -> None:
        self.context = context
        self.code = code
        self.message = message
        self.params = params
        super().__init__(message.format(**params))
