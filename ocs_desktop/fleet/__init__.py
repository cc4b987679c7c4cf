"""The Qt-free questions and edits the console and the CLI ask of a fleet: machines, filters,
search, groups, tags and admin data, dashboard, machine detail, software catalog."""
