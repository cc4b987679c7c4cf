"""Communication server speaking the OCS agent protocol (ASGI, Qt-free)."""
