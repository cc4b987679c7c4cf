"""The database as a whole: engines and URLs, create/check/seed, console indexes, the ``config``
options reader, the software summary, connection profiles."""
