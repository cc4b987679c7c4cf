"""Moved to :mod:`ocs_desktop.views.widgets.admin_field_editors` (the shared machine
actions need them too); kept so existing imports still work."""

from ocs_desktop.views.widgets.admin_field_editors import ChecksEditor, editor_value, make_editor

__all__ = ["ChecksEditor", "editor_value", "make_editor"]
