"""Inventory values as an administrator reads them: units, the locale's dates, exact tooltips.

Agents send sizes in MiB (memory, disks), KiB (caches) or bytes (files), frequencies in
MHz, and days as midnight datetimes; the raw number stays one hover away.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.fleet.field_catalog import FieldInfo, Kind
from ocs_desktop.views.qt import QtCore

_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z]*)\s*$")
_UNITS = (
    QT_TRANSLATE_NOOP("Fields", "B"),
    QT_TRANSLATE_NOOP("Fields", "KiB"),
    QT_TRANSLATE_NOOP("Fields", "MiB"),
    QT_TRANSLATE_NOOP("Fields", "GiB"),
    QT_TRANSLATE_NOOP("Fields", "TiB"),
    QT_TRANSLATE_NOOP("Fields", "PiB"),
)
_SCALE = {"bytes": 0, "kib": 1, "mib": 2}


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Fields", text)


def field_label(info: FieldInfo) -> str:
    """The translated label of a column."""
    return tr(info.label)


def number_of(value: Any) -> float | None:
    """The number in ``value`` (``2933``, ``"2933"``, ``"8192 MB"``), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    match = _LEADING_NUMBER.match(str(value))
    if match is None:
        return None
    return float(match.group(1).replace(",", "."))


def _locale_number(locale: QtCore.QLocale, number: float, decimals: int = 0) -> str:
    if decimals == 0 or number == int(number):
        return locale.toString(round(number))
    return locale.toString(number, "f", decimals)


def human_size(number: float, kind: Kind, locale: QtCore.QLocale) -> str:
    """``number`` of ``kind`` units as B/KiB/MiB/GiB/TiB, one decimal under 100."""
    step = _SCALE[kind]
    value = number
    while value >= 1024 and step < len(_UNITS) - 1:
        value /= 1024
        step += 1
    decimals = 1 if value < 100 and step > _SCALE[kind] else 0
    return f"{_locale_number(locale, value, decimals)} {tr(_UNITS[step])}"


def _qdate(value: dt.date) -> QtCore.QDate:
    return QtCore.QDate(value.year, value.month, value.day)


def format_date(value: dt.date, locale: QtCore.QLocale, with_time: bool) -> str:
    """A day, or a moment, in the locale's short format (a midnight moment is a day)."""
    if isinstance(value, dt.datetime):
        if with_time and value.time() != dt.time(0, 0):
            moment = QtCore.QDateTime(
                _qdate(value), QtCore.QTime(value.hour, value.minute, value.second)
            )
            return locale.toString(moment, QtCore.QLocale.FormatType.ShortFormat)
        value = value.date()
    return locale.toString(_qdate(value), QtCore.QLocale.FormatType.ShortFormat)


def format_field(value: Any, kind: Kind, locale: QtCore.QLocale | None = None) -> tuple[str, str]:
    """(what the cell shows, its tooltip): the tooltip keeps the exact value when it differs."""
    locale = locale or QtCore.QLocale()
    if value is None or value == "":
        return "", ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if kind in ("date", "datetime") and isinstance(value, dt.date):
        shown = format_date(value, locale, with_time=kind == "datetime")
        exact = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
        return shown, exact
    number = number_of(value) if kind not in ("text", "date", "datetime") else None
    if number is None:
        text = str(value)
        return text, text
    if kind in _SCALE:
        unit = (
            QtCore.QCoreApplication.translate("Fields", "bytes")
            if kind == "bytes"
            else tr(_UNITS[_SCALE[kind]])
        )
        exact = f"{_locale_number(locale, number, 2)} {unit}"
        return human_size(number, kind, locale), exact
    if kind == "mhz":
        shown = f"{_locale_number(locale, number, 2)} MHz"
        return shown, shown
    if kind == "flag":
        shown = (
            QtCore.QCoreApplication.translate("Fields", "Yes")
            if number
            else QtCore.QCoreApplication.translate("Fields", "No")
        )
        return shown, str(value)
    shown = _locale_number(locale, number, 4)
    return shown, shown


def sort_key(value: Any, kind: Kind) -> Any:
    """What a column sorts by, one type per column: numbers (units parsed), ISO days, text."""
    if kind == "text":
        return "" if value is None else str(value).casefold()
    if kind in ("date", "datetime"):
        return value.isoformat() if isinstance(value, dt.date) else ""
    number = number_of(value)
    return number if number is not None else float("-inf")
