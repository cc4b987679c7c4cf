"""Moved to :mod:`ocs_desktop.views.widgets.set_admin_field_dialog` (every console room
uses it through the shared machine actions); kept so existing imports still work."""

from ocs_desktop.views.widgets.set_admin_field_dialog import (
    FieldChoices,
    SetAdminFieldDialog,
    load_field_choices,
)

__all__ = ["FieldChoices", "SetAdminFieldDialog", "load_field_choices"]
