"""OCS Desktop: an OCS Inventory NG compatible server and administration console."""

__version__ = "0.1.0"
