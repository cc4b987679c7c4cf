"""A package spec's refusals in the console's language.

:meth:`~ocs_desktop.packager.spec.PackageSpec.validate` raises a
:class:`~ocs_desktop.packager.spec.SpecError` listing coded problems whose templates and
field words (``command``, ``destination path``) are marked in context ``PackageSpec``.
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.packager.spec import SpecError
from ocs_desktop.views.i18n import core_error_text
from ocs_desktop.views.qt import QtCore


def _word(name: str, value: Any) -> Any:
    if name == "what" and isinstance(value, str):
        return QtCore.QCoreApplication.translate("PackageSpec", value)
    return value


def spec_problem_texts(error: SpecError) -> list[str]:
    """Each reason of ``error``, translated and filled."""
    return [core_error_text(problem, _word) for problem in error.problems]
