"""Multi-criteria search: one EXISTS per criterion, checked against independent SQL.

Expected sets always come from plain SQL on the fleet (or from the fleet's facts), never
from hard-coded numbers. The heart of it is issue 4's complaint about OCS: two criteria on
the same table (software name = A and software name = B) must find the machines having
both, not the machines having one row named both.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable

import pytest
from sqlalchemy import Connection, Engine, text

from ocs_desktop.fleet.filters import MachineFilter, ids_select
from ocs_desktop.fleet.group_xmldef import (
    ocs_sql,
    ocs_xmldef,
    search_from_xmldef,
    xmldef_requests,
)
from ocs_desktop.fleet.search import (
    OPERATORS_BY_KIND,
    SEARCH_FIELDS,
    Combine,
    Criterion,
    Operator,
    Search,
    operators_for,
)
from ocs_desktop.models import Base
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]

_MACHINES = "SELECT ID FROM hardware WHERE DEVICEID NOT IN ('_SYSTEMGROUP_', '_DOWNLOADGROUP_')"


def _found(conn: Connection, filter_: MachineFilter) -> set[int]:
    return set(conn.scalars(ids_select(filter_)).all())


def _sql_ids(conn: Connection, sql: str, **params: object) -> set[int]:
    return {int(i) for i in conn.execute(text(sql), params).scalars()}


def _machines(conn: Connection) -> set[int]:
    return _sql_ids(conn, _MACHINES)


def _software_sets(conn: Connection) -> dict[str, frozenset[int]]:
    """Software name -> the machines having it, read with one plain join."""
    sets: dict[str, set[int]] = defaultdict(set)
    rows = conn.execute(
        text(
            "SELECT n.NAME, s.HARDWARE_ID FROM software s JOIN software_name n ON n.ID = s.NAME_ID"
        )
    )
    for name, hardware_id in rows:
        sets[name].add(int(hardware_id))
    return {name: frozenset(ids) for name, ids in sets.items()}


def _name(software: str) -> Criterion:
    return Criterion("software.NAME", Operator.equals, software)


# --- the catalog ----------------------------------------------------------------------------


def test_catalog_fields_exist_and_kinds_follow_column_types() -> None:
    tables = Base.metadata.tables
    labels = [field.label for field in SEARCH_FIELDS.values()]
    assert len(labels) == len(set(labels))
    for key, field in SEARCH_FIELDS.items():
        assert key == f"{field.table}.{field.column}"
        assert ": " in field.label
        if field.table == "software" and field.column in ("NAME", "PUBLISHER", "VERSION"):
            continue
        assert field.column in tables[field.table].c, key
    for table in ("hardware", "bios", "cpus", "memories", "storages", "drives", "networks"):
        assert any(f.table == table for f in SEARCH_FIELDS.values()), table
    for table in ("videos", "monitors", "printers", "controllers", "virtualmachines"):
        assert any(f.table == table for f in SEARCH_FIELDS.values()), table
    assert SEARCH_FIELDS["software.NAME"].label == "Software: name"
    assert SEARCH_FIELDS["accountinfo.TAG"].kind == "text"
    assert SEARCH_FIELDS["registry.REGVALUE"].kind == "text"
    assert SEARCH_FIELDS["hardware.MEMORY"].kind == "number"
    assert SEARCH_FIELDS["cpus.CORES"].kind == "number"
    assert SEARCH_FIELDS["hardware.LASTDATE"].kind == "date"
    assert SEARCH_FIELDS["hardware.OSNAME"].kind == "text"
    assert operators_for("hardware.MEMORY") == OPERATORS_BY_KIND["number"]
    assert Operator.contains in operators_for("software.NAME")


def test_validation_rejects_unknown_fields_operators_and_bad_values() -> None:
    with pytest.raises(ValueError, match="unknown search field"):
        Criterion("hardware.NOPE", Operator.equals, "x")
    with pytest.raises(ValueError, match="unknown operator"):
        Criterion("hardware.NAME", "like", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="does not apply"):
        Criterion("hardware.MEMORY", Operator.contains, "1")
    with pytest.raises(ValueError, match="not a number"):
        Criterion("hardware.MEMORY", Operator.greater, "lots")
    with pytest.raises(ValueError, match="not a date"):
        Criterion("hardware.LASTDATE", Operator.less, "yesterday")
    with pytest.raises(ValueError, match="combine"):
        Search((), "xor")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        operators_for("nope.NOPE")
    # A string operator is accepted and normalised to the enum.
    by_name = Criterion("hardware.NAME", "contains", "x")  # type: ignore[arg-type]
    assert by_name.operator is Operator.contains
    # Valueless operators need no value, whatever the kind.
    Criterion("hardware.MEMORY", Operator.is_empty)


def test_json_round_trip_is_exact() -> None:
    search = Search(
        (
            _name("Fire\"fox <REQUEST> & 100% it's -- é"),
            Criterion("hardware.MEMORY", Operator.greater, "4096"),
            Criterion("software.PUBLISHER", Operator.is_empty, negate=True),
            Criterion("hardware.LASTDATE", Operator.less, "2025-01-31"),
        ),
        "or",
    )
    assert Search.from_json(search.to_json()) == search
    assert Search.from_json(Search().to_json()) == Search()
    # A list of criteria compares equal to the tuple it becomes.
    assert Search([_name("a")]) == Search((_name("a"),))  # type: ignore[arg-type]
    for garbage in ("", "[]", "{}", '{"criteria": [{"field": "hardware.NOPE"}]}', "nonsense"):
        with pytest.raises(ValueError):
            Search.from_json(garbage)


def test_describe_is_readable() -> None:
    search = Search(
        (
            _name("Firefox"),
            Criterion("hardware.MEMORY", Operator.greater, "4096", negate=True),
            Criterion("bios.SSN", Operator.is_empty),
        )
    )
    assert search.describe() == (
        'Software: name = "Firefox" and not (Hardware: memory (MB) > 4096) '
        "and BIOS: serial number is empty"
    )
    assert "or" in Search((_name("a"), _name("b")), "or").describe()
    assert Search().describe() == "all machines"


# --- the key case: two criteria on the same table ---------------------------------------------


def test_two_software_names_find_machines_having_both(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.connect() as conn:
        sets = _software_sets(conn)
        everyone = _machines(conn)
        # A package only the full-size machines have, and one only a single machine has.
        partial = sorted(n for n, ids in sets.items() if 1 < len(ids) < len(everyone))
        single = sorted(n for n, ids in sets.items() if len(ids) == 1)
        assert partial and single
        a = partial[0]
        b = next(n for n in single if sets[n] <= sets[a])
        c = next(n for n in single if not sets[n] & sets[a])
        assert _found(conn, Search((_name(a), _name(b)))) == sets[a] & sets[b]
        assert _found(conn, Search((_name(a), _name(c)))) == set()
        assert _found(conn, Search((_name(a), _name(c)), "or")) == sets[a] | sets[c]
        assert _found(conn, Search((_name(a),))) == sets[a]
        # Case-insensitive equality.
        assert _found(conn, Search((_name(a.upper()),))) == sets[a]
        # negate = machines with no such software.
        negated = Criterion("software.NAME", Operator.equals, a, negate=True)
        assert _found(conn, Search((negated,))) == everyone - sets[a]
        assert _found(conn, Search((negated, _name(b)))) == set()
        assert _found(conn, Search((negated, _name(c)))) == sets[c]
        # What OCS does, one join for both criteria, finds nothing: the test is meaningful.
        ocs_style = _sql_ids(
            conn,
            "SELECT DISTINCT s.HARDWARE_ID FROM software s JOIN software_name n "
            "ON n.ID = s.NAME_ID WHERE n.NAME = :a AND n.NAME = :b",
            a=a,
            b=b,
        )
        assert ocs_style == set() != sets[a] & sets[b]
        sample = facts.sample_id
        assert sample in sets[a]


def test_two_software_names_with_overlapping_machines(fleet: Fleet) -> None:
    """Neither set contains the other: only a per-criterion EXISTS gets the intersection."""
    engine, _ = fleet
    with engine.begin() as conn:
        sets = _software_sets(conn)
        everyone = _machines(conn)
        common = sorted(n for n, ids in sets.items() if ids == everyone)
        a, b = common[0], common[1]
        ids = sorted(everyone)
        drop_a, drop_b = ids[1], ids[2]
        for name, machine in ((a, drop_a), (b, drop_b)):
            conn.execute(
                text(
                    "DELETE FROM software WHERE HARDWARE_ID = :m AND NAME_ID IN "
                    "(SELECT ID FROM software_name WHERE NAME = :n)"
                ),
                {"m": machine, "n": name},
            )
    with engine.connect() as conn:
        sets = _software_sets(conn)
        assert sets[a] - sets[b] and sets[b] - sets[a]
        assert _found(conn, Search((_name(a), _name(b)))) == sets[a] & sets[b]
        assert _found(conn, Search((_name(a), _name(b)), "or")) == sets[a] | sets[b]
        either_missing = Search(
            (
                Criterion("software.NAME", Operator.equals, a, negate=True),
                Criterion("software.NAME", Operator.equals, b, negate=True),
            ),
            "or",
        )
        assert _found(conn, either_missing) == {drop_a, drop_b}


def test_software_publisher_and_version_criteria(fleet: Fleet) -> None:
    engine, _ = fleet
    with engine.connect() as conn:
        bench = _sql_ids(
            conn,
            "SELECT DISTINCT s.HARDWARE_ID FROM software s JOIN software_publisher p "
            "ON p.ID = s.PUBLISHER_ID WHERE p.PUBLISHER = 'OCS Bench'",
        )
        assert bench
        publisher = Criterion("software.PUBLISHER", Operator.equals, "ocs bench")
        assert _found(conn, Search((publisher,))) == bench
        varied = _sql_ids(
            conn,
            "SELECT DISTINCT s.HARDWARE_ID FROM software s JOIN software_version v "
            "ON v.ID = s.VERSION_ID WHERE v.VERSION LIKE '%+v3'",
        )
        assert varied
        version = Criterion("software.VERSION", Operator.ends_with, "+V3")
        assert _found(conn, Search((version,))) == varied
        unavailable = _sql_ids(
            conn, "SELECT DISTINCT HARDWARE_ID FROM software WHERE PUBLISHER_ID = 1"
        )
        empty_publisher = Criterion("software.PUBLISHER", Operator.is_empty)
        assert _found(conn, Search((empty_publisher,))) == unavailable


def test_bound_search_finds_what_the_unbound_one_finds(
    fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Search.bound`` swaps each software criterion's dictionary sub-query for the IDs it
    matches now; the machines found must not change, whatever the operator or negation."""
    import ocs_desktop.fleet.search as search_module
    from ocs_desktop.fleet.filters import AllOf, TagFilter, bound_filter
    from ocs_desktop.fleet.machines import MachineQuery, count_machines, fetch_machines

    engine, _ = fleet
    with engine.connect() as conn:
        sets = _software_sets(conn)
        everyone = _machines(conn)
        partial = sorted(n for n, ids in sets.items() if 1 < len(ids) < len(everyone))
        a, b = partial[0], partial[-1]
        searches = [
            Search((_name(a), _name(b))),
            Search((_name(a), _name(b)), "or"),
            Search((_name("no such software"),)),
            Search((Criterion("software.NAME", Operator.equals, a, negate=True), _name(b))),
            Search((Criterion("software.NAME", Operator.contains, "lib"),)),
            Search((Criterion("software.PUBLISHER", Operator.is_empty),)),
            Search((Criterion("software.PUBLISHER", Operator.is_not_empty),)),
            Search((Criterion("software.VERSION", Operator.ends_with, "+V3"), _name(a))),
            Search((Criterion("hardware.NAME", Operator.contains, "-"), _name(a))),
        ]
        for search in searches:
            bound = search.bound(conn)
            expected = _found(conn, search)
            assert _found(conn, bound) == expected, search.describe()
            for criterion in bound.criteria:
                is_software = criterion.field.startswith("software.")
                assert (criterion.lookup_ids is not None) == is_software
            # The machines list binds the filters it is given, inside AllOf too.
            query = MachineQuery(filter=AllOf((search, TagFilter(None))))
            tagless = _found(conn, TagFilter(None))
            assert count_machines(conn, query) == len(expected & tagless)
            listed = {row.id for row in fetch_machines(conn, query, 0, 10_000)}
            assert listed == expected & tagless
        # A name nobody has binds to no IDs, and its probe is a constant false.
        nothing = Search((_name("no such software"),)).bound(conn)
        assert nothing.criteria[0].lookup_ids == ()
        both = Search((_name(a),)).bound(conn).criteria[0]
        assert both.lookup_ids and len(both.lookup_ids) == 1
        assert Search((_name(a),)) == Search((_name(a),)).bound(conn)  # IDs are not identity
        assert bound_filter(conn, None) is None
        assert bound_filter(conn, TagFilter("x")) == TagFilter("x")
        # More matches than the limit: the criterion keeps its sub-query.
        monkeypatch.setattr(search_module, "BOUND_IDS_LIMIT", 1)
        broad = Search((Criterion("software.NAME", Operator.contains, "lib"),))
        assert broad.bound(conn).criteria[0].lookup_ids is None
        assert _found(conn, broad.bound(conn)) == _found(conn, broad)


def test_case_insensitive_equality_reads_one_index_entry(fleet: Fleet) -> None:
    """``NAME = 'x'`` must reach MariaDB as a plain comparison: as ``(NAME = 'x') = 1``
    (SQLAlchemy's rendering of a boolean function) it scanned the whole NAME index."""
    from sqlalchemy import select

    from ocs_desktop.fleet.search import _lookup_ids
    from ocs_desktop.fleet.search_fields import field_of

    engine, _ = fleet
    lookup = _lookup_ids(field_of("software.NAME"), Operator.equals, "zstd")
    with engine.connect() as conn:
        sql = str(lookup.compile(dialect=conn.dialect))
        assert "= 1" not in sql and "= 0" not in sql
        negated = Search((Criterion("hardware.NAME", Operator.equals, "x", negate=True),))
        assert "NOT (" in str(select(1).where(negated.where()).compile(dialect=conn.dialect))
        if conn.dialect.name in ("mysql", "mariadb"):
            compiled = lookup.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
            plan = conn.exec_driver_sql(f"EXPLAIN {compiled}").mappings().all()
            assert [row["type"] for row in plan] in (["const"], ["ref"]), plan


# --- hardware fields, admin data, numbers, dates -----------------------------------------------


def test_hardware_fields_compare_directly(fleet: Fleet) -> None:
    engine, facts = fleet
    by_os: dict[str, set[int]] = defaultdict(set)
    for name, os_name in facts.os_by_name.items():
        by_os[os_name].add(facts.ids_by_name[name])
    everyone = set(facts.ids_by_name.values())
    windows = by_os["Microsoft Windows 11 Pro"]
    with engine.connect() as conn:

        def run(*criteria: Criterion, combine: Combine = "and") -> set[int]:
            return _found(conn, Search(criteria, combine))

        assert run(Criterion("hardware.OSNAME", Operator.contains, "WINDOWS")) == windows
        assert run(Criterion("hardware.OSNAME", Operator.contains, "windows", negate=True)) == (
            everyone - windows
        )
        assert run(Criterion("hardware.OSNAME", Operator.not_contains, "windows")) == (
            everyone - windows
        )
        assert (
            run(Criterion("hardware.OSNAME", Operator.equals, "ubuntu 24.04 lts"))
            == (by_os["Ubuntu 24.04 LTS"])
        )
        assert run(Criterion("hardware.OSNAME", Operator.not_equals, "Ubuntu 24.04 LTS")) == (
            everyone - by_os["Ubuntu 24.04 LTS"]
        )
        assert (
            run(Criterion("hardware.OSNAME", Operator.starts_with, "debian"))
            == (by_os["Debian GNU/Linux 12"])
        )
        assert run(Criterion("hardware.OSNAME", Operator.ends_with, " Pro")) == windows
        # LIKE wildcards in values are literal characters.
        assert run(Criterion("hardware.NAME", Operator.contains, "_")) == set()
        assert run(Criterion("hardware.NAME", Operator.contains, "%")) == set()
        assert run(Criterion("hardware.NAME", Operator.starts_with, "pc-")) == {
            i for n, i in facts.ids_by_name.items() if n.startswith("pc-")
        }
        # Mixed tables: OS and TAG.
        lyon = {facts.ids_by_name[n] for n, t in facts.tag_by_name.items() if t == "LYON"}
        assert run(
            Criterion("hardware.OSNAME", Operator.contains, "windows"),
            Criterion("accountinfo.TAG", Operator.equals, "lyon"),
        ) == (windows & lyon)
        assert run(
            Criterion("hardware.OSNAME", Operator.contains, "windows"),
            Criterion("accountinfo.TAG", Operator.equals, "LYON"),
            combine="or",
        ) == (windows | lyon)
        assert run(Criterion("accountinfo.TAG", Operator.equals, "LYON", negate=True)) == (
            everyone - lyon
        )
        empty_company = _sql_ids(conn, _MACHINES + " AND (WINCOMPANY IS NULL OR WINCOMPANY = '')")
        assert run(Criterion("hardware.WINCOMPANY", Operator.is_empty)) == empty_company
        assert run(Criterion("hardware.WINCOMPANY", Operator.is_not_empty)) == (
            everyone - empty_company
        )
        assert run() == everyone


def test_quotes_and_backslashes_in_values(fleet: Fleet) -> None:
    engine, facts = fleet
    target = facts.ids_by_name["pc-000004"]
    odd = "O'Brien \\ 50% _x_"
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE hardware SET USERID = :u WHERE ID = :id"), {"u": odd, "id": target}
        )
    with engine.connect() as conn:
        assert _found(conn, Search((Criterion("hardware.USERID", Operator.equals, odd),))) == {
            target
        }
        assert _found(
            conn, Search((Criterion("hardware.USERID", Operator.contains, "n \\ 50% _"),))
        ) == {target}


def test_numbers_compare_numerically(fleet: Fleet) -> None:
    engine, _ = fleet
    with engine.begin() as conn:
        ids = sorted(_machines(conn))
        for position, machine in enumerate(ids):
            # 512, 1024, ... 5120 MB: "9xx" < "1024" as text, not as numbers.
            conn.execute(
                text("UPDATE hardware SET MEMORY = :m WHERE ID = :id"),
                {"m": 512 * (position + 1), "id": machine},
            )
        conn.execute(text("UPDATE hardware SET MEMORY = NULL WHERE ID = :id"), {"id": ids[-1]})
        rows = conn.execute(text(_MACHINES.replace("SELECT ID", "SELECT ID, MEMORY")))
        memory: dict[int, int | None] = {int(i): m for i, m in rows}
    with engine.connect() as conn:

        def run(operator: Operator, value: str = "") -> set[int]:
            return _found(conn, Search((Criterion("hardware.MEMORY", operator, value),)))

        assert run(Operator.greater, "2048") == {i for i, m in memory.items() if m and m > 2048}
        assert run(Operator.less, "1000") == {i for i, m in memory.items() if m and m < 1000}
        assert run(Operator.equals, "1536") == {i for i, m in memory.items() if m == 1536}
        assert run(Operator.not_equals, "1536") == {i for i, m in memory.items() if m != 1536}
        assert run(Operator.is_empty) == {i for i, m in memory.items() if m is None}
        greater = Criterion("hardware.MEMORY", Operator.greater, "2048", negate=True)
        assert _found(conn, Search((greater,))) == {
            i for i, m in memory.items() if not (m and m > 2048)
        }


def test_cpu_fields_and_two_cpu_criteria_on_different_rows(fleet: Fleet) -> None:
    engine, facts = fleet
    dual = facts.ids_by_name["pc-000002"]
    fast = facts.ids_by_name["pc-000005"]
    with engine.begin() as conn:
        conn.execute(text("UPDATE cpus SET SPEED = '2400'"))
        conn.execute(
            text("UPDATE cpus SET SPEED = '3600 MHz' WHERE HARDWARE_ID = :id"), {"id": fast}
        )
        # A second processor on one machine: another type, more cores.
        conn.execute(
            text(
                "INSERT INTO cpus (HARDWARE_ID, MANUFACTURER, TYPE, CORES, SPEED) "
                "VALUES (:id, 'Intel', 'Intel Xeon', 16, '900')"
            ),
            {"id": dual},
        )
    with engine.connect() as conn:
        amd = _sql_ids(conn, "SELECT HARDWARE_ID FROM cpus WHERE TYPE LIKE 'AMD%'")
        many_cores = _sql_ids(conn, "SELECT HARDWARE_ID FROM cpus WHERE CORES > 8")
        assert many_cores == {dual}
        # Two criteria on cpus matched by two different rows of the same machine.
        both = Search(
            (
                Criterion("cpus.TYPE", Operator.starts_with, "amd"),
                Criterion("cpus.CORES", Operator.greater, "8"),
            )
        )
        assert _found(conn, both) == amd & many_cores == {dual}
        # SPEED is text in the schema but compared as a number: "900" < "2400" < "3600 MHz".
        assert _found(conn, Search((Criterion("cpus.SPEED", Operator.greater, "3000"),))) == {fast}
        assert _found(conn, Search((Criterion("cpus.SPEED", Operator.less, "1000"),))) == {dual}


def test_dates(fleet: Fleet) -> None:
    engine, facts = fleet
    today = dt.date.today()
    with engine.connect() as conn:

        def run(operator: Operator, value: dt.date) -> set[int]:
            criterion = Criterion("hardware.LASTDATE", operator, value.isoformat())
            return _found(conn, Search((criterion,)))

        def aged(keep: Callable[[int], bool]) -> set[int]:
            return {facts.ids_by_name[n] for n, age in facts.age_by_name.items() if keep(age)}

        assert run(Operator.less, today - dt.timedelta(days=30)) == aged(lambda a: a > 30)
        assert run(Operator.greater, today - dt.timedelta(days=7)) == aged(lambda a: a < 7)
        # equals a date = during that day (the fleet moves dates back by one hour).
        when = dt.datetime.now() - dt.timedelta(days=45, hours=1)
        assert run(Operator.equals, when.date()) == aged(lambda a: a == 45)


# --- OCS XMLDEF -----------------------------------------------------------------------------


def _ocsreports_split(xmldef: str) -> list[str]:
    """How ocsreports reads XMLDEF: decode entities, strip tags, split on <REQUEST>."""
    decoded = (
        xmldef.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )
    for tag in ("<xmldef>", "</REQUEST>", "</xmldef>"):
        decoded = decoded.replace(tag, "")
    return decoded.strip().split("<REQUEST>")[1:]


_SERVER_ID_FIELD = re.compile(r"^select\s+(distinct\s+)?ID", re.IGNORECASE)


def _sample_searches(facts: FleetFacts, sets: dict[str, frozenset[int]]) -> list[Search]:
    partial = sorted(n for n, ids in sets.items() if 1 < len(ids) < len(facts.ids_by_name))
    single = sorted(n for n, ids in sets.items() if len(ids) == 1)
    return [
        Search((_name(partial[0]), _name(single[0]))),
        Search((_name(partial[0]), _name(single[-1])), "or"),
        Search((Criterion("software.NAME", Operator.contains, "lib", negate=True),)),
        Search(
            (
                Criterion("hardware.OSNAME", Operator.contains, "windows"),
                Criterion("accountinfo.TAG", Operator.equals, "LYON", negate=True),
            )
        ),
        Search((Criterion("hardware.MEMORY", Operator.greater, "1024"),)),
        Search((Criterion("cpus.CORES", Operator.greater, "1"),)),
        Search((Criterion("cpus.SPEED", Operator.less, "5000"),)),
        Search((Criterion("hardware.LASTDATE", Operator.less, "2099-01-01"),)),
        Search((Criterion("hardware.USERID", Operator.equals, "O'Brien \\ 50% <x>&"),)),
        Search((Criterion("hardware.NAME", Operator.contains, "_"),)),
        Search(),
    ]


def test_ocs_xmldef_shape_and_embedded_search(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.connect() as conn:
        searches = _sample_searches(facts, _software_sets(conn))
    for search in searches:
        xmldef = ocs_xmldef(search)
        # A well-formed document, as the server's XML::Simple needs.
        root = ET.fromstring(xmldef)
        assert root.tag == "xmldef"
        requests = [element.text or "" for element in root.findall("REQUEST")]
        assert len(requests) == 1
        assert requests == xmldef_requests(xmldef) == _ocsreports_split(xmldef)
        assert _SERVER_ID_FIELD.match(requests[0])
        assert search_from_xmldef(xmldef) == search
        assert search_from_xmldef(ocs_xmldef(search, embed_search=False)) is None
    assert search_from_xmldef(None) is None
    assert search_from_xmldef("<xmldef><REQUEST>select 1</REQUEST></xmldef>") is None


def _run_literal(conn: Connection, sql: str) -> tuple[str, set[int]]:
    """Run literal SQL as OCS does (no placeholders): the first column's name and values."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql)
        column = cursor.description[0][0]
        return column, {int(row[0]) for row in cursor.fetchall()}
    finally:
        cursor.close()


def test_ocs_sql_runs_and_matches_the_search(fleet: Fleet) -> None:
    """Literal SQL rendered for the connected database returns exactly our result."""
    engine, facts = fleet
    with engine.begin() as conn:
        target = facts.ids_by_name["pc-000004"]
        conn.execute(
            text("UPDATE hardware SET USERID = :u WHERE ID = :id"),
            {"u": "O'Brien \\ 50% <x>&", "id": target},
        )
        conn.execute(text("UPDATE cpus SET SPEED = '2400 MHz'"))
        conn.execute(
            text("INSERT INTO hardware (DEVICEID, NAME) VALUES ('_SYSTEMGROUP_', 'a group')")
        )
    with engine.connect() as conn:
        dialect = "sqlite" if engine.dialect.name == "sqlite" else "mysql"
        for search in _sample_searches(facts, _software_sets(conn)):
            expected = _found(conn, search)
            column, ids = _run_literal(conn, ocs_sql(search, dialect))
            assert column == "HARDWARE_ID"
            assert ids == expected, search.describe()
            if dialect == "mysql":
                # What the OCS server runs: each REQUEST of XMLDEF, entities decoded.
                (request,) = [
                    e.text or "" for e in ET.fromstring(ocs_xmldef(search)).iter("REQUEST")
                ]
                assert _run_literal(conn, request)[1] == expected
        assert target in _found(
            conn, Search((Criterion("hardware.USERID", Operator.starts_with, "o'brien \\"),))
        )
