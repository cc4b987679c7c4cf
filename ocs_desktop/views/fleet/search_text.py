"""Searches and their refusals in the console's language.

The core describes a search in English (``Hardware: OS name contains "Debian"``) for the
CLI and OCS; the console words it from the same parts here: field labels in context
``SearchFields``, operators as the criterion rows name them (``CriterionRow``), and the
core's coded refusals through :func:`~ocs_desktop.views.i18n.core_error_text`.
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.fleet.search import VALUELESS, Criterion, Operator, Search
from ocs_desktop.fleet.search_fields import SearchField
from ocs_desktop.views.i18n import core_error_text
from ocs_desktop.views.qt import QtCore


def _field(text: str) -> str:
    return QtCore.QCoreApplication.translate("SearchFields", text)


def field_text(search_field: SearchField) -> str:
    """``Logiciel : nom``: a field's table and column labels, translated."""
    table, _, column = search_field.label.partition(": ")
    return label_text(f"{table}: {column or search_field.column}")


def label_text(label: str) -> str:
    """A core field label (``Software: name``) translated part by part."""
    table, sep, column = label.partition(": ")
    if not sep:
        return _field(label)
    return QtCore.QCoreApplication.translate("CriterionRow", "{table}: {column}").format(
        table=_field(table), column=_field(column)
    )


def operator_text(operator: Operator, kind: str) -> str:
    """The operator as the criterion rows offer it."""
    if kind == "date" and operator is Operator.less:
        return QtCore.QCoreApplication.translate("CriterionRow", "before")
    if kind == "date" and operator is Operator.greater:
        return QtCore.QCoreApplication.translate("CriterionRow", "after")
    labels = {
        Operator.equals: QtCore.QCoreApplication.translate("CriterionRow", "equals"),
        Operator.not_equals: QtCore.QCoreApplication.translate("CriterionRow", "does not equal"),
        Operator.contains: QtCore.QCoreApplication.translate("CriterionRow", "contains"),
        Operator.not_contains: QtCore.QCoreApplication.translate(
            "CriterionRow", "does not contain"
        ),
        Operator.starts_with: QtCore.QCoreApplication.translate("CriterionRow", "starts with"),
        Operator.ends_with: QtCore.QCoreApplication.translate("CriterionRow", "ends with"),
        Operator.less: QtCore.QCoreApplication.translate("CriterionRow", "less than"),
        Operator.greater: QtCore.QCoreApplication.translate("CriterionRow", "greater than"),
        Operator.is_empty: QtCore.QCoreApplication.translate("CriterionRow", "is empty"),
        Operator.is_not_empty: QtCore.QCoreApplication.translate("CriterionRow", "is not empty"),
    }
    return labels[operator]


def criterion_text(criterion: Criterion) -> str:
    """``Logiciel : nom est égal à « Firefox »``; ``non (…)`` when negated."""
    search_field = criterion.search_field
    text = f"{field_text(search_field)} {operator_text(criterion.operator, search_field.kind)}"
    if criterion.operator not in VALUELESS:
        if search_field.kind == "text":
            text += " " + QtCore.QCoreApplication.translate("SearchText", '"{0}"').format(
                criterion.value
            )
        else:
            text += f" {criterion.value.strip()}"
    if criterion.negate:
        return QtCore.QCoreApplication.translate("SearchText", "not ({0})").format(text)
    return text


def search_text(search: Search) -> str:
    """The whole search, criteria joined by a translated "and"/"or"."""
    if not search.criteria:
        return QtCore.QCoreApplication.translate("SearchText", "all machines")
    joiner = (
        QtCore.QCoreApplication.translate("SearchText", "and")
        if search.combine == "and"
        else QtCore.QCoreApplication.translate("SearchText", "or")
    )
    return f" {joiner} ".join(criterion_text(c) for c in search.criteria)


def _param(name: str, value: Any) -> Any:
    if name == "field" and isinstance(value, str):
        return label_text(value)
    return value


def search_error_text(error: BaseException) -> str:
    """A refused criterion or search, in the console's language."""
    return core_error_text(error, _param)
