"""What a database holds, read back plainly for tests to compare: software rows and the summary."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, text

from ocs_desktop.db.software_summary import fold_all, summary_state

Counts = dict[tuple[int, int, int], int]


def software_of(engine: Engine, hardware_id: int) -> Counter[tuple]:
    """The machine's software rows as comparable values (no ids)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT n.NAME, v.VERSION, s.COMMENTS, s.INSTALLDATE FROM software s "
                "JOIN software_name n ON n.ID = s.NAME_ID "
                "JOIN software_version v ON v.ID = s.VERSION_ID WHERE s.HARDWARE_ID = :id"
            ),
            {"id": hardware_id},
        )
        return Counter(tuple(row) for row in rows)


def pending_ids(engine: Engine) -> set[int]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT HARDWARE_ID FROM ocsdesktop_summary_pending"))
        return {row[0] for row in rows}


def grouped(engine: Engine) -> Counts:
    """What the summary must hold, straight from ``software``."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT NAME_ID, PUBLISHER_ID, VERSION_ID, COUNT(*) FROM software "
                "GROUP BY NAME_ID, PUBLISHER_ID, VERSION_ID"
            )
        )
        return {(n, p, v): c for n, p, v, c in rows}


def summary(engine: Engine) -> Counts:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT NAME_ID, PUBLISHER_ID, VERSION_ID, INSTALLS "
                "FROM ocsdesktop_software_summary"
            )
        )
        return {(n, p, v): c for n, p, v, c in rows}


def assert_exact(engine: Engine) -> None:
    """The summary, once its pending machines are folded, is GROUP BY over ``software``."""
    fold_all(engine)
    expected = grouped(engine)
    assert expected  # a test of an empty summary would prove nothing
    assert summary(engine) == expected
    with engine.connect() as conn:
        assert summary_state(conn, verify=True).consistent
