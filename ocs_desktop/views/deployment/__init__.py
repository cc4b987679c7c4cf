"""The deployment pages: the package list and status, and the package wizard."""
