"""The software view's data: every distinct (name, publisher, version) with its installs.

Rows come from the maintained summary (:mod:`software_summary`), joined to the three
dictionary tables for their text, so a page costs a few thousand index reads whatever the
size of ``software``. Rolled up, one row per (name, publisher) adds up its versions.
Selecting an entry gives a :class:`SoftwareFilter` for the machines list: the machines
that have it, or the ones that do not (what a licence or a security audit asks).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TextIO

from sqlalchemy import ColumnElement, Connection, Select, and_, func, literal, or_, select

from ocs_desktop.common.like import LIKE_ESCAPE, like_escape
from ocs_desktop.common.progress import Progress, report
from ocs_desktop.fleet.filters import machines_only
from ocs_desktop.models import Hardware, Software, SoftwareName, SoftwarePublisher, SoftwareVersion
from ocs_desktop.models.extensions import software_summary

SortKey = Literal["name", "publisher", "version", "installs"]
SORT_KEYS: tuple[SortKey, ...] = ("name", "publisher", "version", "installs")


@dataclass(frozen=True)
class SoftwareEntry:
    """One distinct software and the number of ``software`` rows that have it."""

    name_id: int
    publisher_id: int
    version_id: int
    name: str
    publisher: str
    version: str
    installs: int
    #: Versions added up in this row (1 unless the list is rolled up by name).
    versions: int = 1
    rolled_up: bool = False


@dataclass(frozen=True)
class SoftwareQuery:
    """What the software view shows.

    ``text`` keeps entries whose name or publisher contains it (case-insensitive on the
    OCS collations and on SQLite for ASCII); ``sort_key`` is one of :data:`SORT_KEYS`.
    """

    text: str = ""
    sort_key: SortKey = "name"
    descending: bool = False
    #: One row per (name, publisher), its versions' installs added up.
    rollup: bool = False

    def __post_init__(self) -> None:
        if self.sort_key not in SORT_KEYS:
            raise ValueError(f"unknown software sort key {self.sort_key!r}")


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` taken literally."""
    return "%" + like_escape(text) + "%"


def _text_condition(text: str) -> ColumnElement[bool] | None:
    words = text.strip()
    if not words:
        return None
    # LIKE rather than lower(): on MariaDB the column's _ci collation already ignores
    # case, on SQLite LIKE does for ASCII; neither then needs a computed value per row.
    pattern = like_pattern(words)
    return or_(
        SoftwareName.NAME.like(pattern, escape=LIKE_ESCAPE),
        SoftwarePublisher.PUBLISHER.like(pattern, escape=LIKE_ESCAPE),
    )


def _entries(query: SoftwareQuery) -> Select[Any]:
    summary = software_summary.c
    if query.rollup:
        statement = (
            select(
                summary.NAME_ID,
                summary.PUBLISHER_ID,
                literal(0).label("VERSION_ID"),
                SoftwareName.NAME,
                SoftwarePublisher.PUBLISHER,
                literal("").label("VERSION"),
                func.sum(summary.INSTALLS).label("INSTALLS"),
                func.count().label("VERSIONS"),
            )
            .select_from(software_summary)
            .join(SoftwareName, SoftwareName.ID == summary.NAME_ID)
            .join(SoftwarePublisher, SoftwarePublisher.ID == summary.PUBLISHER_ID)
            .group_by(
                summary.NAME_ID,
                summary.PUBLISHER_ID,
                SoftwareName.NAME,
                SoftwarePublisher.PUBLISHER,
            )
        )
    else:
        statement = (
            select(
                summary.NAME_ID,
                summary.PUBLISHER_ID,
                summary.VERSION_ID,
                SoftwareName.NAME,
                SoftwarePublisher.PUBLISHER,
                SoftwareVersion.VERSION,
                summary.INSTALLS,
                literal(1).label("VERSIONS"),
            )
            .select_from(software_summary)
            .join(SoftwareName, SoftwareName.ID == summary.NAME_ID)
            .join(SoftwarePublisher, SoftwarePublisher.ID == summary.PUBLISHER_ID)
            .join(SoftwareVersion, SoftwareVersion.ID == summary.VERSION_ID)
        )
    condition = _text_condition(query.text)
    if condition is not None:
        statement = statement.where(condition)
    return statement


def _order(query: SoftwareQuery) -> list[Any]:
    summary = software_summary.c
    if query.rollup:
        rolled: dict[str, tuple[Any, ...]] = {
            "name": (SoftwareName.NAME, SoftwarePublisher.PUBLISHER),
            "publisher": (SoftwarePublisher.PUBLISHER, SoftwareName.NAME),
            "version": (func.count(),),
            "installs": (func.sum(summary.INSTALLS),),
        }
        keys = (*rolled[query.sort_key], summary.NAME_ID, summary.PUBLISHER_ID)
        return [key.desc() if query.descending else key.asc() for key in keys]
    texts: dict[str, tuple[Any, ...]] = {
        "name": (SoftwareName.NAME, SoftwarePublisher.PUBLISHER, SoftwareVersion.VERSION),
        "publisher": (SoftwarePublisher.PUBLISHER, SoftwareName.NAME, SoftwareVersion.VERSION),
        "version": (SoftwareVersion.VERSION, SoftwareName.NAME, SoftwarePublisher.PUBLISHER),
        # The installs index holds (INSTALLS, ids): the first page reads 200 index entries.
        "installs": (summary.INSTALLS,),
    }
    # The ids break ties, so pages never overlap or skip an entry.
    keys = (*texts[query.sort_key], summary.NAME_ID, summary.PUBLISHER_ID, summary.VERSION_ID)
    return [key.desc() if query.descending else key.asc() for key in keys]


def _entry(row: Any, rollup: bool) -> SoftwareEntry:
    return SoftwareEntry(
        int(row[0]),
        int(row[1]),
        int(row[2]),
        row[3],
        row[4],
        row[5],
        int(row[6]),
        int(row[7]),
        rollup,
    )


def fetch_software(
    conn: Connection, query: SoftwareQuery, offset: int, limit: int
) -> list[SoftwareEntry]:
    """One page of entries in the query's order (ties broken by the ids, so stable)."""
    statement = _entries(query).order_by(*_order(query)).offset(offset).limit(limit)
    return [_entry(row, query.rollup) for row in conn.execute(statement)]


def iter_software(
    conn: Connection, query: SoftwareQuery, batch: int = 5000
) -> Iterator[SoftwareEntry]:
    """Every entry of ``query``, read a batch at a time (for exports)."""
    offset = 0
    while True:
        rows = fetch_software(conn, query, offset, batch)
        yield from rows
        if len(rows) < batch:
            return
        offset += batch


def machine_total(conn: Connection) -> int:
    """How many machines the fleet has (the denominator of an install share)."""
    return int(
        conn.execute(select(func.count()).select_from(Hardware).where(machines_only())).scalar_one()
    )


def write_software_csv(
    conn: Connection, query: SoftwareQuery, stream: TextIO, progress: Progress = None
) -> int:
    """Write ``query``'s entries as CSV (with each one's share of the fleet); rows written."""
    total = count_software(conn, query)
    machines = machine_total(conn)
    writer = csv.writer(stream)
    writer.writerow(
        ["name", "publisher", "version", "versions", "installs", "machines", "share_percent"]
    )
    written = 0
    for entry in iter_software(conn, query):
        share = round(100 * entry.installs / machines, 1) if machines else 0.0
        version = "" if entry.rolled_up else entry.version
        writer.writerow(
            [entry.name, entry.publisher, version, entry.versions, entry.installs, machines, share]
        )
        written += 1
        if written % 1000 == 0:
            report(progress, written, total)
    report(progress, written, total)
    return written


def count_software(conn: Connection, query: SoftwareQuery) -> int:
    """How many entries the query keeps."""
    if _text_condition(query.text) is None and not query.rollup:
        statement = select(func.count()).select_from(software_summary)
    else:
        statement = select(func.count()).select_from(_entries(query).subquery())
    return int(conn.execute(statement).scalar_one())


@dataclass(frozen=True)
class SoftwareFilter:
    """Machines with at least one ``software`` row of this name (and publisher, version).

    ``None`` for ``publisher_id`` / ``version_id`` means any. Written as ``ID IN (SELECT
    HARDWARE_ID ...)``, the same set as an EXISTS: both MariaDB and SQLite then start from
    the ``software.NAME_ID`` index instead of probing every machine's software.
    """

    name_id: int
    publisher_id: int | None = None
    version_id: int | None = None
    label: str = ""
    #: The machines that do NOT have it.
    without: bool = False

    @classmethod
    def of(
        cls, entry: SoftwareEntry, *, any_version: bool = False, without: bool = False
    ) -> SoftwareFilter:
        """The filter for a catalog entry (all its versions when ``any_version`` or rolled up)."""
        if any_version or entry.rolled_up:
            return cls(entry.name_id, entry.publisher_id, None, entry.name, without)
        label = f"{entry.name} {entry.version}".strip()
        return cls(entry.name_id, entry.publisher_id, entry.version_id, label, without)

    def where(self) -> ColumnElement[bool]:
        conditions = [Software.NAME_ID == self.name_id]
        if self.publisher_id is not None:
            conditions.append(Software.PUBLISHER_ID == self.publisher_id)
        if self.version_id is not None:
            conditions.append(Software.VERSION_ID == self.version_id)
        having = Hardware.ID.in_(select(Software.HARDWARE_ID).where(and_(*conditions)))
        return ~having if self.without else having

    def describe(self) -> str:
        subject = self.label or f"#{self.name_id}"
        return f"without software: {subject}" if self.without else f"software: {subject}"
