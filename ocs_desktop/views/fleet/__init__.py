"""The fleet pages: machines, machine detail, tags, groups, search, software, dashboard."""
