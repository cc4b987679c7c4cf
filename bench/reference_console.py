"""What the reference console runs for three pages, on the reference's own indexes.

The console bench's baseline must be the work OCS Reports itself does, not a query of ours.
Each statement here is the shape OCS Reports 2.11.1 (``GUI_VER`` 7069, Debian 12's
``ocsinventory-reports`` 2.8.1+dfsg1+~2.11.1-1, which ``../shared/tools/ocs-reference-server.sh``
installs) sends to MariaDB for:

(a) **All software with install counts** (menu "Software" > "All software"): the counts are
    computed by ``crontab/cron_all_software.php`` (``AllSoftware::software_link_treatment``),
    one GROUP BY over the whole ``software`` table, and stored in ``software_link``; the page
    (``plugins/main_sections/ms_all_soft/ms_all_soft.php``, tab "ALL") then reads
    ``software_link``.
(b) **Multi-criteria search** (``plugins/main_sections/ms_multi_search/ms_multi_search.php``,
    SQL from ``require/search/Search.php`` ``generateSearchQuery``): 2 software names and
    OS name contains "Windows".
(c) **The machines list, first page** (``plugins/main_sections/ms_all_computers/
    ms_all_computers.php``, tab "ACTIVE").

Pages (b) and (c) go through ``require/function_table_html.php`` ``tab_req``: the statement
gets DataTables' sort (``ajaxsort``: column 0 ascending on a first visit) and ``LIMIT 0, 10``
(``ajaxlimit``; the length menu starts at 10), is rewritten to ``SELECT SQL_CALC_FOUND_ROWS``
and followed by ``SELECT FOUND_ROWS()`` for the total.

The SQL below is written here from those pages' behaviour, not copied. Every table gets
``IGNORE INDEX`` of our extension indexes (named ``ocsdesktop_…``, read from the table's
actual index list) so MariaDB takes the access paths a genuine OCS schema offers.
Statements sharing a label are one page's work and are timed together.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, inspect, text

#: Our extension indexes all start so (``db/console_indexes.py``, ``models/extensions.py``).
EXTENSION_PREFIX = "ocsdesktop_"
#: DataTables' page length in OCS Reports (``lengthMenu`` 10, 25, … and no ``pageLength``).
PAGE_ROWS = 10
#: The software columns the search shows as the dictionaries' text (``Search::$correspondance``).
_DICTIONARY_COLUMNS = {
    "NAME_ID": ("software_name", "NAME"),
    "PUBLISHER_ID": ("software_publisher", "PUBLISHER"),
    "VERSION_ID": ("software_version", "VERSION"),
}

Statement = tuple[str, str, dict[str, Any]]


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def ignore_ours(conn: Connection, table: str) -> str:
    """`` IGNORE INDEX (…)`` of our extension indexes on ``table``; empty if it has none.

    Built from the table's actual indexes, so it never names one that does not exist
    (MariaDB refuses a hint naming an unknown index).
    """
    names = sorted(
        str(index["name"])
        for index in inspect(conn).get_indexes(table)
        if str(index["name"] or "").startswith(EXTENSION_PREFIX)
    )
    if not names:
        return ""
    return f" IGNORE INDEX ({', '.join(_q(conn, name) for name in names)})"


def _from(conn: Connection, table: str, alias: str | None = None) -> str:
    """``table [alias] [IGNORE INDEX (…)]``: a table reference on the reference's indexes."""
    named = _q(conn, table) + (f" {alias}" if alias else "")
    return named + ignore_ours(conn, table)


def _require_mysql(conn: Connection) -> None:
    if conn.dialect.name not in ("mysql", "mariadb"):
        raise ValueError("the reference console runs on MySQL/MariaDB only")


# --- (a) All software -------------------------------------------------------------------


def software_counts(conn: Connection) -> Statement:
    """The install counts of every (name, publisher, version), as the reference gets them.

    ``crontab/cron_all_software.php`` -> ``require/softwares/AllSoftware.php``
    (``get_software_informations``): ``software`` joined to its three dictionaries, grouped
    by the three ids, each group's identifier "name;publisher;version" and its row count
    (a COUNT of a CONCAT of the ids, kept here for the same per-row work). With
    ``EXCLUDE_ARCHIVE_COMPUTER`` (off by default) it also joins ``hardware``; not here.
    The cron then deletes ``software_link`` and inserts one row per group, one statement
    each: that write is not timed.
    """
    sql = (
        "SELECT CONCAT(n.NAME, ';', p.PUBLISHER, ';', v.VERSION) AS IDENTIFIER, "
        "s.NAME_ID, s.PUBLISHER_ID, s.VERSION_ID, "
        "COUNT(CONCAT(s.NAME_ID, s.PUBLISHER_ID, s.VERSION_ID)) AS NB "
        f"FROM {_from(conn, 'software', 's')} "
        f"LEFT JOIN {_from(conn, 'software_name', 'n')} ON n.ID = s.NAME_ID "
        f"LEFT JOIN {_from(conn, 'software_publisher', 'p')} ON p.ID = s.PUBLISHER_ID "
        f"LEFT JOIN {_from(conn, 'software_version', 'v')} ON v.ID = s.VERSION_ID "
        "GROUP BY s.NAME_ID, s.PUBLISHER_ID, s.VERSION_ID"
    )
    return ("all software: install counts (cron_all_software.php)", sql, {})


def software_page(conn: Connection) -> list[Statement]:
    """The first page of "All software", read from ``software_link`` as the cron left it.

    ``ms_all_soft.php``, tab "ALL", no filter, no TAG restriction: ``software_link`` joined
    to the dictionaries and ``software_categories``; DataTables' first column is the
    publisher, so a first visit sorts by it.
    """
    label = "all software: first page (ms_all_soft.php, software_link)"
    sql = (
        "SELECT SQL_CALC_FOUND_ROWS n.NAME, p.PUBLISHER, v.VERSION, sl.IDENTIFIER AS id, "
        "sc.CATEGORY_NAME, sl.COUNT AS nb "
        f"FROM {_from(conn, 'software_link', 'sl')} "
        f"LEFT JOIN {_from(conn, 'software_name', 'n')} ON sl.NAME_ID = n.ID "
        f"LEFT JOIN {_from(conn, 'software_publisher', 'p')} ON sl.PUBLISHER_ID = p.ID "
        f"LEFT JOIN {_from(conn, 'software_version', 'v')} ON sl.VERSION_ID = v.ID "
        f"LEFT JOIN {_from(conn, 'software_categories', 'sc')} ON sl.CATEGORY_ID = sc.ID "
        f"ORDER BY p.PUBLISHER ASC LIMIT 0, {PAGE_ROWS}"
    )
    return [(label, sql, {}), (label, "SELECT FOUND_ROWS()", {})]


def fill_software_link(conn: Connection) -> int:
    """Do what ``cron_all_software.php`` does (without categories): refill ``software_link``.

    Only for a database of one's own that the reference console page should be timed on:
    our console never reads ``software_link``. Returns the rows written; the caller commits.
    """
    _require_mysql(conn)
    conn.execute(text("DELETE FROM software_link"))
    _, counts, params = software_counts(conn)
    written = conn.execute(
        text(
            "INSERT INTO software_link (IDENTIFIER, NAME_ID, PUBLISHER_ID, VERSION_ID, "
            f"CATEGORY_ID, COUNT) SELECT c.IDENTIFIER, c.NAME_ID, c.PUBLISHER_ID, c.VERSION_ID, "
            f"NULL, c.NB FROM ({counts}) c"
        ),
        params,
    )
    return int(written.rowcount)


# --- (b) Multi-criteria search ----------------------------------------------------------


def _search_columns(conn: Connection) -> str:
    """The select list ``Search::pushBaseQueryForTable`` makes: every column of hardware,
    of software (its ids shown as the dictionaries' text) and of accountinfo, each
    ``AS <table><column>``."""
    parts = []
    for table in ("hardware", "software", "accountinfo"):
        for column in inspect(conn).get_columns(table):
            name = str(column["name"])
            source_table, source_column = table, name
            if table == "software" and name in _DICTIONARY_COLUMNS:
                source_table, source_column = _DICTIONARY_COLUMNS[name]
            alias = _q(conn, f"{source_table}{source_column}")
            parts.append(f"{_q(conn, source_table)}.{_q(conn, source_column)} AS {alias}")
    return ", ".join(parts)


def search(conn: Connection, software_names: tuple[str, str], os_contains: str) -> list[Statement]:
    """The search for machines having two software and an OS name containing a text.

    ``ms_multi_search.php`` with three criteria, in this order: Software "Name" (``NAME_ID``)
    equal A, Software "Name" equal B, Computer "OS name" (``OSNAME``) like ``%text%``.
    ``Search::generateSearchQuery`` INNER JOINs each criterion's table to ``hardware`` (and
    always ``accountinfo``), LEFT JOINs the software dictionaries, and ANDs plain
    conditions on the joined rows (two criteria on one column become EXISTS only when the
    column name matches, which ``NAME_ID`` rewritten to ``NAME`` never does), then
    ``GROUP BY hardware.id``. Both names are thus asked of the same software row: with two
    different names the reference finds no machine (``fleet/search.py`` says why ours
    does). The table's AJAX request runs the statement whole (``DatabaseSearch::getIdList``,
    the ids for the mass actions), then ``tab_req`` runs it again limited to the first page
    (column 0, the checkbox, is not sortable: no ORDER BY) and asks FOUND_ROWS(). The HTML
    load before it runs ``getIdList`` once more; that one is not counted here.
    """
    label = f"search: 2 software names + OS contains {os_contains!r} (ms_multi_search.php)"
    body = (
        f"FROM {_from(conn, 'hardware')} "
        f"INNER JOIN {_from(conn, 'software')} ON hardware.ID = software.HARDWARE_ID "
        f"LEFT JOIN {_from(conn, 'software_name')} ON software_name.ID = software.NAME_ID "
        f"LEFT JOIN {_from(conn, 'software_publisher')} "
        "ON software_publisher.ID = software.PUBLISHER_ID "
        f"LEFT JOIN {_from(conn, 'software_version')} "
        "ON software_version.ID = software.VERSION_ID "
        f"INNER JOIN {_from(conn, 'accountinfo')} ON hardware.ID = accountinfo.HARDWARE_ID "
        "WHERE software_name.NAME = :name_a AND software_name.NAME = :name_b "
        "AND hardware.OSNAME LIKE :os "
        "GROUP BY hardware.ID"
    )
    columns = _search_columns(conn)
    params = {"name_a": software_names[0], "name_b": software_names[1], "os": f"%{os_contains}%"}
    return [
        (label, f"SELECT {columns} {body}", params),
        (label, f"SELECT SQL_CALC_FOUND_ROWS {columns} {body} LIMIT 0, {PAGE_ROWS}", params),
        (label, "SELECT FOUND_ROWS()", {}),
    ]


# --- (c) Machines list ------------------------------------------------------------------

#: ``ms_all_computers.php``'s select list with its default admin data (TAG) and the MAC
#: columns it shows (``$show_mac_addr = true``).
_MACHINE_COLUMNS = (
    "a.TAG, h.LASTDATE, h.NAME, h.ID, h.USERID, h.OSNAME, h.MEMORY AS capa, h.PROCESSORS, "
    "h.WORKGROUP, h.OSVERSION, h.OSCOMMENTS, h.PROCESSORT, h.PROCESSORN, h.SWAP, h.LASTCOME, "
    "h.QUALITY, h.FIDELITY, h.DESCRIPTION, h.WINCOMPANY, h.WINOWNER, h.USERAGENT, h.ARCHIVE, "
    "e.SMANUFACTURER, e.BMANUFACTURER, e.SSN, e.SMODEL, e.BVERSION, h.IPADDR, "
    "h.DEFAULTGATEWAY, h.DNS, h.USERDOMAIN, h.ARCH, e.BDATE, v.NAME AS vname, "
    "ac.CATEGORY_NAME, n.MACADDR, n.IPMASK, n.IPSUBNET"
)


def machines_page(conn: Connection) -> list[Statement]:
    """The machines list as it first opens: tab "ACTIVE", sorted by its first column (TAG).

    ``ms_all_computers.php``: ``hardware`` LEFT JOINed to accountinfo, networks (the MAC
    columns), bios, assets_categories and videos, group pseudo-machines and archived ones
    left out, ``GROUP BY h.id``; FOUND_ROWS() is the machine count the page shows.
    """
    label = "machines: first page + count (ms_all_computers.php)"
    sql = (
        f"SELECT SQL_CALC_FOUND_ROWS {_MACHINE_COLUMNS} "
        f"FROM {_from(conn, 'hardware', 'h')} "
        f"LEFT JOIN {_from(conn, 'accountinfo', 'a')} ON a.HARDWARE_ID = h.ID "
        f"LEFT JOIN {_from(conn, 'networks', 'n')} ON n.HARDWARE_ID = h.ID "
        f"LEFT JOIN {_from(conn, 'bios', 'e')} ON e.HARDWARE_ID = h.ID "
        f"LEFT JOIN {_from(conn, 'assets_categories', 'ac')} ON ac.ID = h.CATEGORY_ID "
        f"LEFT JOIN {_from(conn, 'videos', 'v')} ON v.HARDWARE_ID = h.ID "
        "WHERE h.DEVICEID <> '_SYSTEMGROUP_' AND h.DEVICEID <> '_DOWNLOADGROUP_' "
        "AND h.ARCHIVE IS NULL "
        f"GROUP BY h.ID ORDER BY a.TAG ASC LIMIT 0, {PAGE_ROWS}"
    )
    return [(label, sql, {}), (label, "SELECT FOUND_ROWS()", {})]


# --- all of them, and timing ------------------------------------------------------------


def reference_queries(
    conn: Connection, *, software_names: tuple[str, str], os_contains: str
) -> list[Statement]:
    """(label, SQL, params) of each statement the three reference pages run, in order.

    Statements with the same label are one page's work, run one after the other on one
    connection (``FOUND_ROWS()`` reads the statement before it). The "All software" page
    over ``software_link`` is included only when that table has rows (the reference's
    cron filled it, or :func:`fill_software_link`); its counts always are.
    """
    _require_mysql(conn)
    statements: list[Statement] = [software_counts(conn)]
    if conn.execute(text("SELECT 1 FROM software_link LIMIT 1")).first() is not None:
        statements += software_page(conn)
    statements += search(conn, software_names, os_contains)
    statements += machines_page(conn)
    return statements


def _groups(queries: Sequence[Statement]) -> list[tuple[str, list[Statement]]]:
    groups: list[tuple[str, list[Statement]]] = []
    for statement in queries:
        if groups and groups[-1][0] == statement[0]:
            groups[-1][1].append(statement)
        else:
            groups.append((statement[0], [statement]))
    return groups


def _run_group(conn: Connection, statements: list[Statement]) -> str:
    """Run one page's statements, every row fetched; what they returned, in words."""
    said = []
    for _, sql, params in statements:
        rows = conn.execute(text(sql), params).all()
        if sql.startswith("SELECT FOUND_ROWS()"):
            said.append(f"found {int(rows[0][0]):,}")
        else:
            said.append(f"{len(rows):,} rows")
    return ", ".join(said)


def time_reference(
    conn: Connection, queries: Sequence[Statement], runs: int
) -> list[tuple[str, float, str]]:
    """(label, median ms, detail) of each page: its statements timed together ``runs`` times,
    a fresh transaction each (as each PHP request has)."""
    results = []
    for label, statements in _groups(queries):
        times = []
        detail = ""
        for _ in range(runs):
            started = time.perf_counter()
            detail = _run_group(conn, statements)
            times.append(1000 * (time.perf_counter() - started))
            conn.rollback()
        results.append((label, statistics.median(times), detail))
    return results
