"""Command-line entry points of ocs-desktop."""
