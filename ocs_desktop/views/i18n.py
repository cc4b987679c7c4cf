"""The console's languages: compiled translations, and the translators that load them.

Translation sources (``.ts``) are committed under ``resources/translations``
and edited with Qt Linguist or by hand; ``tools/translations.sh update`` refreshes them
from the code. The compiled ``.qm`` files are generated, never committed:
:func:`ensure_compiled` runs PySide6's ``lrelease`` when a ``.qm`` is missing or older
than its source, so a fresh checkout starts in French without a build step.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.views.qt import QtCore
from ocs_desktop.views.resources import RESOURCES_DIR

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
CATALOG = "ocs_desktop"
SOURCE_LANGUAGE = "en"

#: Languages offered in the settings, by code ('' follows the system).
LANGUAGES: dict[str, str] = {"": "System", "en": "English", "fr": "Français"}

# Translators currently installed by ``install_translators``: Qt keeps only a reference
# it does not own, so they must stay alive here.
_installed: list[QtCore.QTranslator] = []


def lrelease_path() -> Path | None:
    """PySide6's bundled ``lrelease``, if this installation ships it."""
    binding = Path(QtCore.__file__).resolve().parent
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    for candidate in (binding / name, binding / "Qt" / "bin" / name):
        if candidate.is_file():
            return candidate
    return None


def ensure_compiled(directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``directory`` whose ``.qm`` is missing or stale.

    Returns the ``.qm`` files written. Without ``lrelease`` (a trimmed installation) the
    console simply stays in English, so this logs instead of failing.
    """
    stale = [
        ts
        for ts in sorted(directory.glob("*.ts"))
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if not stale:
        return []
    tool = lrelease_path()
    if tool is None:
        log.warning("lrelease not found: translations stay uncompiled")
        return []
    written: list[Path] = []
    for ts in stale:
        qm = ts.with_suffix(".qm")
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.exists():
            log.warning("lrelease failed on %s: %s", ts, result.stderr.strip())
            continue
        written.append(qm)
    return written


def resolve_language(setting: str) -> str:
    """The language to load: the setting, or the system locale's when it is ''.

    Falls back to English for a system language we have no translation for.
    """
    if setting:
        return setting
    for name in QtCore.QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code == SOURCE_LANGUAGE or (TRANSLATIONS_DIR / f"{CATALOG}_{code}.ts").exists():
            return code
    return SOURCE_LANGUAGE


def install_translators(language: str, app: QtCore.QCoreApplication | None = None) -> str:
    """Load ``language`` (a code, or '' for the system's) into the application.

    Replaces the translators installed by an earlier call, so switching back to English
    removes the French ones. Loads our catalogue and Qt's own ``qtbase`` strings (standard
    buttons, dialogs). Returns the language actually in use.
    """
    application = app if app is not None else QtCore.QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install_translators needs a QCoreApplication")
    remove_translators(application)
    code = resolve_language(language)
    QtCore.QLocale.setDefault(QtCore.QLocale(code))
    ensure_compiled()
    if code == SOURCE_LANGUAGE:
        # English needs its catalogue only for plurals ("1 machine", "2 machines").
        translator = QtCore.QTranslator(application)
        if translator.load(f"{CATALOG}_{code}", str(TRANSLATIONS_DIR)):
            application.installTranslator(translator)
            _installed.append(translator)
        return code
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = False
    for catalog, directory in ((CATALOG, str(TRANSLATIONS_DIR)), ("qtbase", qt_dir)):
        translator = QtCore.QTranslator(application)
        if translator.load(f"{catalog}_{code}", directory):
            application.installTranslator(translator)
            _installed.append(translator)
            loaded = loaded or catalog == CATALOG
        else:
            log.info("no %s translation for %s in %s", catalog, code, directory)
    return code if loaded else SOURCE_LANGUAGE


def remove_translators(app: QtCore.QCoreApplication | None = None) -> None:
    """Undo :func:`install_translators` (back to the English source strings)."""
    application = app if app is not None else QtCore.QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if application is not None:
            application.removeTranslator(translator)
        translator.deleteLater()
    QtCore.QLocale.setDefault(QtCore.QLocale.system())


# --- the core's coded refusals (common/coded_error.py) in the console's language -------
#: ``(name, value) -> text``: a parameter in the console's language (a field label...).
ParamText = Callable[[str, Any], Any]


def coded_text(context: str, message: str, params: dict[str, Any], code: str, english: str) -> str:
    """A core message (an English template marked in ``context``) in the console's language;
    ``english`` when the translation names a parameter the core does not give."""
    template = QtCore.QCoreApplication.translate(context, message)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its parameters", code)
        return english


def core_error_text(error: BaseException, param_text: ParamText | None = None) -> str:
    """``error`` worded in the console's language (English when no translation exists)."""
    if not isinstance(error, CodedError):
        return str(error)
    params = {
        name: param_text(name, value) if param_text is not None else value
        for name, value in error.params.items()
    }
    return coded_text(error.context, error.message, params, error.code, str(error))
    template = QtCore.QCoreApplication.translate(error.context, error.message)
    params = {
        name: param_text(name, value) if param_text is not None else value
        for name, value in error.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation that names a parameter the core no longer gives: the English.
        log.warning("translation of %r does not fit its parameters", error.code)
        return str(error)
