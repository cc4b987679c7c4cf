"""Dates typed the way the console shows them: the locale's format as well as ISO.

The lists show dates in the locale's short format (``03/12/2026`` in French is
3 December); the core reads ISO (``2026-12-03 [HH:MM[:SS]]``). :func:`iso_date` turns
what a user typed into the core's form, and leaves anything it does not recognise alone
so the core's refusal names the text as typed.
"""

from __future__ import annotations

from ocs_desktop.views.qt import QtCore

_ISO = QtCore.Qt.DateFormat.ISODate


def _formats(locale: QtCore.QLocale) -> list[str]:
    """Date formats of ``locale``: short then long, four- then two-digit years, and without
    leading zeros (``3/12/2026`` as well as ``03/12/2026``)."""
    formats: list[str] = []
    for kind in (QtCore.QLocale.FormatType.ShortFormat, QtCore.QLocale.FormatType.LongFormat):
        text = locale.dateFormat(kind)
        four = text if "yyyy" in text else text.replace("yy", "yyyy")
        two = four.replace("yyyy", "yy")
        for variant in (four, two):
            formats.append(variant)
            formats.append(variant.replace("dd", "d").replace("MM", "M"))
    return list(dict.fromkeys(formats))


def parse_date(text: str, locale: QtCore.QLocale | None = None) -> QtCore.QDate | None:
    """The date in ``text`` (ISO or the locale's format), or None."""
    cleaned = text.strip()
    if not cleaned:
        return None
    iso = QtCore.QDate.fromString(cleaned, _ISO)
    if iso.isValid():
        return iso
    used = locale if locale is not None else QtCore.QLocale()
    for date_format in _formats(used):
        found = used.toDate(cleaned, date_format, 2000)
        if found.isValid():
            return found
    return None


def iso_date(text: str, locale: QtCore.QLocale | None = None) -> str:
    """``text`` with a locale-format date (and optional ``HH:MM[:SS]``) written in ISO.

    ``03/12/2026 14:30`` in French gives ``2026-12-03 14:30``; ISO text and text that is
    no date come back unchanged.
    """
    cleaned = text.strip()
    day, _, time = cleaned.partition(" ")
    if QtCore.QDate.fromString(day, _ISO).isValid():
        return cleaned
    found = parse_date(day, locale)
    if found is None:
        return cleaned
    iso = found.toString(_ISO)
    return f"{iso} {time.strip()}" if time.strip() else iso


def display_format(locale: QtCore.QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year (``dd/MM/yyyy``,
    ``M/d/yyyy``): how date editors show a day."""
    used = locale if locale is not None else QtCore.QLocale()
    text = used.dateFormat(QtCore.QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")
