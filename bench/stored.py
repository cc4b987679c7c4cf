"""What a server actually stored for each machine, compared with that machine's own XML.

A total can be right while per-machine errors cancel out (one machine with a row too
many, another with one too few), and a server can answer 200 yet keep nothing: the
reference Perl server does both under concurrency. So every machine is checked on
its own: it is in ``hardware`` exactly once, each section table holds exactly as many
rows for it as its XML has elements, and its software is, name and version, exactly
the list its XML gives. Nothing else: no rows left for a machine that is not there.

The expected figures are read from the XML with lxml, not with our own parser, so
that a parsing bug of ours cannot make the check agree with it. It works on any
database in the ocsweb schema (ours on SQLite or MariaDB, the reference's ocsweb).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lxml import etree
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from ocs_desktop.inventory.sections import SECTIONS

#: ocsweb table of each multi-row section, and of the single-row ones (BIOS, JAVAINFO).
SECTION_TABLES = {spec.section: spec.table for spec in SECTIONS}
SINGLE_ROW = {spec.section for spec in SECTIONS if not spec.multi}
#: The "no version" row of software_version: an absent or empty VERSION points to it.
UNAVAILABLE_ID = 1
_CHUNK = 500

SoftwareList = Counter[tuple[str, str | None]]


@dataclass(frozen=True)
class Expected:
    """What one machine's XML says the database must hold for it."""

    deviceid: str
    rows: dict[str, int]  # table -> rows (software included)
    software: SoftwareList  # (NAME, VERSION or None)


def expected(body: bytes) -> Expected:
    """The rows one inventory XML (uncompressed) should leave, read straight from the XML."""
    root = etree.fromstring(body)
    deviceid = (root.findtext("DEVICEID") or "").strip()
    content = root.find("CONTENT")
    counts: Counter[str] = Counter()
    software: SoftwareList = Counter()
    if content is not None:
        for element in content:
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag == "SOFTWARES":
                name = (element.findtext("NAME") or "").strip()
                if name:
                    software[(name, (element.findtext("VERSION") or "").strip() or None)] += 1
            elif tag in SECTION_TABLES:
                counts[tag] += 1
    rows = {
        table: (min(1, counts[section]) if section in SINGLE_ROW else counts[section])
        for section, table in SECTION_TABLES.items()
    }
    rows["software"] = sum(software.values())
    return Expected(deviceid, rows, software)


@dataclass
class Verdict:
    """Per-machine result of a check, with the first few problems as examples."""

    machines: int
    complete: int = 0
    missing: int = 0
    duplicated: int = 0
    wrong_by_table: Counter[str] = field(default_factory=Counter)
    wrong_software_list: int = 0
    orphans: int = 0
    skipped: tuple[str, ...] = ()
    examples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.complete == self.machines and not self.duplicated and not self.orphans

    def summary(self) -> str:
        parts = [f"{self.complete}/{self.machines} machines stored with all their rows"]
        if self.missing:
            parts.append(f"{self.missing} missing")
        if self.duplicated:
            parts.append(f"{self.duplicated} stored more than once")
        if self.wrong_by_table:
            wrong = ", ".join(f"{t} {n}" for t, n in sorted(self.wrong_by_table.items()))
            parts.append(f"wrong row counts: {wrong}")
        if self.wrong_software_list:
            parts.append(f"{self.wrong_software_list} with a wrong software list")
        if self.orphans:
            parts.append(f"{self.orphans} new orphan rows (machine gone, rows left)")
        if self.skipped:
            parts.append(f"not checked: {', '.join(self.skipped)}")
        return "; ".join(parts)


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _in(values: Sequence[object], prefix: str) -> tuple[str, dict[str, object]]:
    names = [f"{prefix}{n}" for n in range(len(values))]
    return ", ".join(f":{n}" for n in names), dict(zip(names, values, strict=True))


def checked_tables(conn: Connection, skip_tables: Iterable[str] = ()) -> list[str]:
    """Section tables and ``software`` present in ``conn``'s database, less ``skip_tables``."""
    present = set(inspect(conn).get_table_names())
    skipped = set(skip_tables)
    return sorted(
        t for t in {*SECTION_TABLES.values(), "software"} if t not in skipped and t in present
    )


def orphan_rows(conn: Connection, tables: Iterable[str]) -> int:
    """Rows of ``tables`` whose HARDWARE_ID is in no ``hardware`` row."""
    total = 0
    for table in tables:
        query = text(
            f"SELECT COUNT(*) FROM {table} x LEFT JOIN hardware h ON h.ID = x.HARDWARE_ID "
            "WHERE h.ID IS NULL"
        )
        total += int(conn.execute(query).scalar() or 0)
    return total


def verify(
    conn: Connection,
    machines: Sequence[Expected],
    *,
    skip_tables: Iterable[str] = (),
    orphans: bool = True,
    orphans_before: int = 0,
) -> Verdict:
    """Check every machine of ``machines`` against what ``conn``'s database holds.

    ``skip_tables`` are left out, to be named in the summary (e.g. the reference server
    does not store LOCAL_USERS/LOCAL_GROUPS at all). ``orphans`` also counts rows of
    the checked tables whose HARDWARE_ID is in no ``hardware`` row, less
    ``orphans_before`` (what ``orphan_rows`` found before the pass).
    """
    skipped = tuple(sorted(set(skip_tables)))
    present = set(inspect(conn).get_table_names())
    tables = checked_tables(conn, skipped)
    absent = {t for t in {*SECTION_TABLES.values(), "software"} if t not in present}
    verdict = Verdict(len(machines), skipped=skipped)
    ids: dict[str, list[int]] = {}
    deviceids = [m.deviceid for m in machines]
    for start in range(0, len(deviceids), _CHUNK):
        chunk = deviceids[start : start + _CHUNK]
        placeholders, params = _in(chunk, "d")
        query = text(f"SELECT DEVICEID, ID FROM hardware WHERE DEVICEID IN ({placeholders})")
        for deviceid, hid in conn.execute(query, params):
            ids.setdefault(deviceid, []).append(int(hid))
    hids = sorted({hid for found in ids.values() for hid in found})
    counts: dict[str, dict[int, int]] = {}
    for table in tables:
        counts[table] = {}
        for hid_chunk in _chunks(hids):
            placeholders, params = _in(hid_chunk, "h")
            query = text(
                f"SELECT HARDWARE_ID, COUNT(*) FROM {table} "
                f"WHERE HARDWARE_ID IN ({placeholders}) GROUP BY HARDWARE_ID"
            )
            counts[table].update({int(h): int(n) for h, n in conn.execute(query, params)})
    software: dict[int, SoftwareList] = {}
    if "software" in tables:
        for hid_chunk in _chunks(hids):
            placeholders, params = _in(hid_chunk, "h")
            query = text(
                "SELECT s.HARDWARE_ID, n.NAME, v.VERSION, s.VERSION_ID FROM software s "
                "LEFT JOIN software_name n ON n.ID = s.NAME_ID "
                "LEFT JOIN software_version v ON v.ID = s.VERSION_ID "
                f"WHERE s.HARDWARE_ID IN ({placeholders})"
            )
            for hid, name, version, version_id in conn.execute(query, params):
                no_version = version_id == UNAVAILABLE_ID or not version
                key = (name or "", None if no_version else version)
                software.setdefault(int(hid), Counter())[key] += 1

    def note(problem: str) -> None:
        if len(verdict.examples) < 5:
            verdict.examples.append(problem)

    for machine in machines:
        found = ids.get(machine.deviceid, [])
        if not found:
            verdict.missing += 1
            note(f"{machine.deviceid}: not in hardware")
            continue
        if len(found) > 1:
            verdict.duplicated += 1
            note(f"{machine.deviceid}: {len(found)} hardware rows")
            continue
        hid, complete = found[0], True
        for table in sorted(absent):
            if machine.rows.get(table):
                verdict.wrong_by_table[table] += 1
                complete = False
        for table in tables:
            stored, wanted = counts[table].get(hid, 0), machine.rows.get(table, 0)
            if stored != wanted:
                verdict.wrong_by_table[table] += 1
                complete = False
                note(f"{machine.deviceid}: {table} {stored} rows, its XML has {wanted}")
        if "software" in tables and software.get(hid, Counter()) != machine.software:
            stored_list = software.get(hid, Counter())
            missing, extra = machine.software - stored_list, stored_list - machine.software
            verdict.wrong_software_list += 1
            complete = False
            note(
                f"{machine.deviceid}: software {sum(missing.values())} missing "
                f"e.g. {list(missing)[:2]}, {sum(extra.values())} unexpected e.g. {list(extra)[:2]}"
            )
        verdict.complete += complete
    if orphans:
        verdict.orphans = orphan_rows(conn, tables) - orphans_before
    return verdict
