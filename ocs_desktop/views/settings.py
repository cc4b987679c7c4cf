"""Every user setting, declared once: key, type, default and what it is for.

Stored in ``QSettings`` (INI, per user) with a schema version so a later release can
migrate old files. Secrets never come here: passwords go to the OS keyring
(:mod:`ocs_desktop.db.profiles`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ocs_desktop.views.qt import QtCore

T = TypeVar("T")

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    """One declared setting."""

    key: str
    default: T
    description: str


LANGUAGE: Option[str] = Option(
    "ui/language", "", "Interface language: '' follows the system, or 'en', 'fr'."
)
LAST_PROFILE: Option[str] = Option(
    "connection/last_profile", "", "Name of the last profile connected to."
)
PROFILES: Option[list[dict[str, Any]]] = Option(
    "connection/profiles", [], "Saved database profiles (no passwords)."
)
PAGE_SIZE: Option[int] = Option("machines/page_size", 200, "Rows fetched per page in big lists.")
QUICK_FILTER_DELAY: Option[int] = Option(
    "machines/quick_filter_delay_ms", 300, "Pause after typing before the quick filter runs."
)
MACHINE_COLUMNS: Option[list[str]] = Option(
    "machines/columns", [], "Visible machine list columns, in order ('' = the defaults)."
)
OFFER_SAMPLE_IMPORT: Option[bool] = Option(
    "connection/offer_sample_import",
    True,
    "Offer to import the bundled samples into an empty database.",
)

OPTIONS: tuple[Option[Any], ...] = (
    LANGUAGE,
    LAST_PROFILE,
    PROFILES,
    PAGE_SIZE,
    QUICK_FILTER_DELAY,
    MACHINE_COLUMNS,
    OFFER_SAMPLE_IMPORT,
)


class Settings:
    """Typed access to the declared options, plus opaque widget states (geometry, headers)."""

    def __init__(self, store: QtCore.QSettings | None = None) -> None:
        self.store = store if store is not None else QtCore.QSettings()
        version = self.store.value("schema_version")
        if version is None:
            self.store.setValue("schema_version", SCHEMA_VERSION)

    def get(self, option: Option[T]) -> T:
        raw = self.store.value(option.key)
        if raw is None:
            return option.default
        default = option.default
        try:
            if isinstance(default, bool):
                return (raw in (True, "true", "1", 1)) if not isinstance(raw, bool) else raw  # type: ignore[return-value]
            if isinstance(default, int):
                return int(raw)  # type: ignore[return-value]
            if isinstance(default, (list, dict)):
                value = json.loads(raw) if isinstance(raw, str) else raw
                return value if isinstance(value, type(default)) else default
            return str(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        if isinstance(option.default, (list, dict)):
            self.store.setValue(option.key, json.dumps(value))
        else:
            self.store.setValue(option.key, value)

    def state(self, key: str) -> QtCore.QByteArray | None:
        """A widget's saved state (``saveGeometry``, ``saveState``) or None."""
        value = self.store.value(f"state/{key}")
        return value if isinstance(value, QtCore.QByteArray) else None

    def set_state(self, key: str, value: QtCore.QByteArray) -> None:
        self.store.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self.store.sync()
