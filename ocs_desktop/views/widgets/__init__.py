"""Widgets and models that several pages share: row tables, machine drag-and-drop,
reload-when-shown."""
