"""Widgets and models that several pages share, whichever room they are in: row tables and
their settings, drops (machines, files) and the machine drag format, the bar chart,
reload-when-shown. Nothing here imports a room (fleet, deployment) or a shell page."""
