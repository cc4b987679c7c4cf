"""Deployment packages and agent installers (Qt-free)."""
