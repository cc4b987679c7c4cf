"""OCS databases as older releases left them (schemas 7006, 7011, 7057, 7078...), for the
upgrade tests and ``bench/db_upgrade_bench.py``, built from our own description of them.

Our models describe schema 7069. An older schema is the models less what later OCS updates
added: :data:`ADDED` lists, per update, the tables and columns each one added (facts read
from the public update scripts ``files/update/70xx.sql``, not their SQL), and the models'
own marks cover the rest (``since`` after 7039, ``for_server`` objects with the versions
that added or dropped them). Besides, before 7037:

* the installed software is in ``softwares`` (PROTOCOL.md §2.3: names as text, primary key
  ``(HARDWARE_ID, ID)``, ``CATEGORY`` from 7013) and the normalised tables are absent
  before 7030 (7030 to 7036 created them, empty);
* ``devices`` and ``deleted_equiv`` have no ``ID`` key (7037), ``subnet`` is keyed by
  ``NETID`` until 7033 and by nothing until 7056 gives it ``PK``.

On MySQL the tables are ``utf8`` (3-byte, as OCS created them) and those OCS kept in
MyISAM are MyISAM; make the database ``utf8``/``utf8_bin`` as the OCS installer does
(:func:`create_legacy_database`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.types import UserDefinedType

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.seed import CONFIG
from ocs_desktop.models import Base
from ocs_desktop.models.base import SERVER_KEY

#: What each OCS update from 7007 to 7039 added that our models hold: ``table`` or
#: ``table.column``.
ADDED: dict[int, tuple[str, ...]] = {
    7007: ("batteries",),
    7008: ("operators.PASSWORD_VERSION",),
    7009: ("bios.MMANUFACTURER", "bios.MMODEL", "bios.MSN"),
    7010: ("networks.MTU", "download_available.DELETED"),
    7011: ("snmp_mibs", "usbdevices"),
    7012: ("repository",),
    7013: ("software_categories", "software_category_exp"),
    7014: ("assets_categories", "hardware.CATEGORY_ID"),
    7015: ("notification", "notification_config"),
    7016: ("saas", "saas_exp"),
    7018: (
        "software_category_exp.SIGN_VERSION",
        "software_category_exp.VERSION",
        "software_category_exp.PUBLISHER",
    ),
    7019: ("software_categories.OS",),
    7020: ("software_category_exp.ID",),
    7021: ("extensions",),
    7023: ("cve_search",),
    7024: ("schedule_WOL",),
    7025: ("snmp_types", "snmp_labels", "snmp_configs"),
    7026: ("save_query",),
    7027: ("sim.PHONENUMBER",),
    7029: ("cve_search_history",),
    7030: ("software_name", "software_publisher", "software_version", "software"),
    7031: ("cve_search_correspondance",),
    7032: ("snmp_configs.RECONCILIATION",),
    7033: ("netmap.TAG", "subnet.TAG"),
    7034: ("archive", "hardware.ARCHIVE"),
    7037: ("deleted_equiv.ID", "devices.ID"),
    7039: ("unixusers",),
}
_ADDED_AT = {name: version for version, names in ADDED.items() for name in names}
#: The version that moved the software out of ``softwares``.
NORMALISED = 7037
#: Tables OCS created as MyISAM (the rest InnoDB, or MEMORY as in our models).
MYISAM = (
    "config", "operators", "deploy", "files", "groups", "groups_cache", "devicetype",
    "blacklist_macaddresses", "blacklist_serials", "dico_ignored", "dico_soft",
    "deleted_equiv", "network_devices", "regconfig", "subnet", "tags", "engine_persistent",
    "hardware_osname_cache", "softwares_name_cache", "registry_name_cache",
    "registry_regvalue_cache",
)  # fmt: skip


def _present(name: str, info: dict[str, Any], version: int) -> bool:
    """Whether the table or column ``name`` (with its model ``info``) existed at ``version``."""
    added = max(_ADDED_AT.get(name, 0), info.get("since", 0), info.get("server_added", 0))
    dropped = info.get("server_dropped")
    if SERVER_KEY in info and dropped is None and "server_added" not in info:
        return False
    return version >= added and (dropped is None or version < dropped)


def _options(table: str, engine: str) -> dict[str, str]:
    if engine == "InnoDB" and table in MYISAM:
        engine = "MyISAM"
    options = {}
    for dialect in ("mysql", "mariadb"):
        options |= {f"{dialect}_engine": engine, f"{dialect}_charset": "utf8"}
    return options


def _table_name(table: Table, version: int) -> str:
    renamed = table.info.get("renamed")
    return str(renamed[0]) if renamed and version >= renamed[1] else table.name


def _legacy_table(metadata: MetaData, table: Table, version: int) -> None:
    columns = [
        column._copy()
        for column in table.columns
        if _present(f"{table.name}.{column.name}", column.info, version)
    ]
    kept = {column.name for column in columns}
    if table.name == "subnet" and version < 7033:  # keyed by NETID until 7033
        for column in columns:
            column.primary_key = column.name == "NETID"
    items: list[Any] = []
    for index in table.indexes:
        if all(column.name in kept for column in index.columns):
            items.append(Index(index.name, *(c.name for c in index.columns), unique=index.unique))
    for unique in table.constraints:
        if isinstance(unique, UniqueConstraint) and all(c.name in kept for c in unique.columns):
            items.append(UniqueConstraint(*(c.name for c in unique.columns), name=unique.name))
    engine = str(table.dialect_kwargs.get("mysql_engine", "InnoDB"))
    Table(_table_name(table, version), metadata, *columns, *items, **_options(table.name, engine))


class _LegacyDate(UserDefinedType[Any]):
    """DATETIME as OCS declared it, bound as given: a legacy table may hold what our
    DateTime refuses (MySQL zero dates, text in SQLite)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "DATETIME"

    def bind_processor(self, dialect: Dialect) -> Any:
        def process(value: object) -> object:
            return value.isoformat(" ") if isinstance(value, dt.datetime) else value

        return process


def _softwares(metadata: MetaData, version: int) -> Table:
    columns = [
        Column("ID", Integer, autoincrement=True, nullable=False),
        Column("HARDWARE_ID", Integer, autoincrement=False, nullable=False),
        Column("PUBLISHER", String(255)),
        Column("NAME", String(255)),
        Column("VERSION", String(255)),
        Column("FOLDER", Text),
        Column("COMMENTS", Text),
        Column("FILENAME", String(255)),
        Column("FILESIZE", Integer, server_default="0"),
        Column("SOURCE", Integer),
        Column("GUID", String(255)),
        Column("LANGUAGE", String(255)),
        Column("INSTALLDATE", _LegacyDate()),
        Column("BITSWIDTH", Integer),
    ]
    if version >= 7013:
        columns.append(Column("CATEGORY", String(255)))
    return Table(
        "softwares",
        metadata,
        *columns,
        PrimaryKeyConstraint("HARDWARE_ID", "ID"),
        Index("ID", "ID"),
        Index("NAME", "NAME"),
        Index("VERSION", "VERSION"),
        **_options("softwares", "InnoDB"),
    )


def _softwares_mysql(version: int) -> str:
    """``softwares`` on MySQL, its AUTO_INCREMENT ID keyed inside the table as OCS had it
    (SQLAlchemy would add the index after the table, which MySQL refuses)."""
    category = "`CATEGORY` VARCHAR(255) DEFAULT NULL, " if version >= 7013 else ""
    return (
        "CREATE TABLE softwares (`ID` INT NOT NULL AUTO_INCREMENT, `HARDWARE_ID` INT NOT NULL, "
        "`PUBLISHER` VARCHAR(255), `NAME` VARCHAR(255), `VERSION` VARCHAR(255), "
        "`FOLDER` TEXT, `COMMENTS` TEXT, `FILENAME` VARCHAR(255), `FILESIZE` INT DEFAULT 0, "
        "`SOURCE` INT, `GUID` VARCHAR(255), `LANGUAGE` VARCHAR(255), `INSTALLDATE` DATETIME, "
        f"`BITSWIDTH` INT, {category}PRIMARY KEY (`HARDWARE_ID`, `ID`), KEY `ID` (`ID`), "
        "KEY `NAME` (`NAME`), KEY `VERSION` (`VERSION`)) ENGINE=InnoDB DEFAULT CHARSET=utf8"
    )


def legacy_metadata(version: int) -> MetaData:
    """The tables of an OCS database at GUI_VERSION ``version``."""
    metadata = MetaData()
    for table in Base.metadata.sorted_tables:
        if _present(table.name, table.info, version):
            _legacy_table(metadata, table, version)
    if version < NORMALISED:
        _softwares(metadata, version)
    return metadata


def create_legacy_database(server_url: str, name: str) -> str:
    """Create the (MySQL) database ``name`` as the OCS installer does; return its URL."""
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn:
            conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8 COLLATE utf8_bin"))
    finally:
        engine.dispose()
    url = make_url(server_url).set(database=name)
    return url.render_as_string(hide_password=False)


def create_legacy_schema(engine: Engine, version: int) -> MetaData:
    """Create the tables of schema ``version`` in the empty database behind ``engine``, with
    the ``config`` rows of a fresh database and ``GUI_VERSION`` = ``version``."""
    metadata = legacy_metadata(version)
    mysql = engine.dialect.name != "sqlite"
    tables = [t for t in metadata.sorted_tables if not (mysql and t.name == "softwares")]
    metadata.create_all(engine, tables=tables)
    if mysql and "softwares" in metadata.tables:
        with engine.begin() as conn:
            conn.exec_driver_sql(_softwares_mysql(version))
    config = metadata.tables["config"]
    rows = [
        {**row, "TVALUE": str(version)} if row["NAME"] == "GUI_VERSION" else row for row in CONFIG
    ]
    with engine.begin() as conn:
        conn.execute(insert(config), rows)
        if "software" in metadata.tables:  # as OCS update 7035 seeded them
            for kind, column in (("publisher", "PUBLISHER"), ("version", "VERSION")):
                table = metadata.tables[f"software_{kind}"]
                conn.execute(insert(table).values({"ID": 1, column: "Unavailable"}))
    return metadata


# -- a fleet with its software ---------------------------------------------------------

#: Publishers and versions a software row may have; None and '' mean "none given".
PUBLISHERS = ("Mozilla", "Éditions Gallimard", None, "", "Unavailable", "The Document Foundation")
VERSIONS = ("1.0", "2.3.4-1", None, "", "10.0.19045", "ß-β 7")


@dataclass
class LegacyFleet:
    """What :func:`fill_legacy` wrote: machine ids, and each machine's software as
    (name, version, publisher) the upgrade must give it."""

    machines: list[int] = field(default_factory=list)
    software: dict[int, Counter[tuple[str, str, str]]] = field(default_factory=dict)
    dates: dict[int, Counter[dt.datetime | None]] = field(default_factory=dict)
    #: The columns copied as they are, as (FOLDER, COMMENTS, FILENAME, FILESIZE, SOURCE,
    #: GUID, LANGUAGE, BITSWIDTH).
    details: dict[int, Counter[tuple[object, ...]]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(counter.total() for counter in self.software.values())


def _rows(machine: int, count: int, sqlite: bool) -> Iterator[dict[str, Any]]:
    """``count`` software rows of ``machine``, the awkward ones included."""
    odd_dates: tuple[object, ...] = (
        ("2019/05/06", "garbage", "2020-02-31", "0000-01-01 00:00:00", "0001-05-06 10:00:00")
        if sqlite
        else (
            "0000-00-00 00:00:00",
            "0000-05-06 10:00:00",
            "2020-00-06 10:00:00",
            "2020-05-00 10:00:00",
            "0001-05-06 10:00:00",
        )
    )
    for index in range(count):
        name: str | None = f"Package {index % 40:02d} ünïcode" if index % 7 else f"tool-{index}"
        if index == 5:
            name = None
        if index == 6:  # the same package listed twice
            name = "tool-0"
        when: object = dt.datetime(2020, 1 + index % 12, 1 + index % 28, 10, 30)
        if index % 9 == 3:
            when = odd_dates[(machine + index // 9) % len(odd_dates)]
        elif index % 9 == 4:
            when = None
        yield {
            "HARDWARE_ID": machine,
            "NAME": name,
            "PUBLISHER": PUBLISHERS[(index + machine) % len(PUBLISHERS)],
            "VERSION": VERSIONS[(index * 3 + machine) % len(VERSIONS)],
            "FOLDER": f"C:\\Program Files\\P{index}",
            "COMMENTS": "100% d'utilité: :name",
            "FILENAME": f"p{index}.exe",
            "FILESIZE": index * 1000,
            "SOURCE": index % 3,
            "GUID": f"{{{machine:08d}-{index:04d}}}",
            "LANGUAGE": "fr",
            "INSTALLDATE": when,
            "BITSWIDTH": 32 + 32 * (index % 2),
        }


def _expected_date(value: object) -> dt.datetime | None:
    """What the upgrade keeps of an install date: real calendar dates only."""
    if isinstance(value, dt.datetime) or value is None:
        return value
    for shape in ("%Y/%m/%d", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(str(value), shape)
        except ValueError:
            continue
    return None


def fill_legacy(
    engine: Engine, metadata: MetaData, machines: int, per_machine: int, first: int = 10
) -> LegacyFleet:
    """``machines`` machines (ids ``first``, ``first + 3``... so ranges have holes) with
    ``per_machine`` software rows each in ``softwares``, devices rows and operators (none
    named admin)."""
    tables = metadata.tables
    sqlite = engine.dialect.name == "sqlite"
    fleet = LegacyFleet()
    with engine.begin() as conn:
        conn.execute(
            insert(tables["operators"]),
            [{"ID": "jdoe", "FIRSTNAME": "Jane", "LASTNAME": "Doe", "ACCESSLVL": 1}],
        )
        for n in range(machines):
            machine = first + 3 * n
            fleet.machines.append(machine)
            conn.execute(
                insert(tables["hardware"]),
                {"ID": machine, "DEVICEID": f"pc-{machine}-2017-01-01-00-00-00", "NAME": f"pc{n}"},
            )
            conn.execute(
                insert(tables["devices"]),
                [{"HARDWARE_ID": machine, "NAME": "FREQUENCY", "IVALUE": n}],
            )
            rows = list(_rows(machine, per_machine, sqlite))
            if rows and "softwares" in tables:
                conn.execute(insert(tables["softwares"]), rows)
            elif rows:
                _normalised(conn, metadata, rows)
            fleet.software[machine] = Counter(
                (
                    row["NAME"] or "",
                    row["VERSION"] or "Unavailable",
                    row["PUBLISHER"] or "Unavailable",
                )
                for row in rows
            )
            fleet.dates[machine] = Counter(_expected_date(row["INSTALLDATE"]) for row in rows)
            fleet.details[machine] = Counter(tuple(row[c] for c in DETAILS) for row in rows)
        if "subnet" in tables:
            conn.execute(insert(tables["subnet"]), [{"NETID": "10.0.0.0", "NAME": "LAN"}])
    return fleet


def _normalised(conn: Connection, metadata: MetaData, rows: list[dict[str, Any]]) -> None:
    """Write software rows as OCS 2.8 and later do (dictionary ids; no odd dates)."""
    tables = metadata.tables
    ids = []
    for row in rows:
        triple = []
        for kind, column in (("name", "NAME"), ("version", "VERSION"), ("publisher", "PUBLISHER")):
            table = tables[f"software_{kind}"]
            value = row[column] or ("" if kind == "name" else "Unavailable")
            found = conn.execute(select(table.c.ID).where(table.c[column] == value)).scalar()
            if found is None:
                found = conn.execute(insert(table).values({column: value})).inserted_primary_key[0]
            triple.append(found)
        ids.append(triple)
    software = tables["software"]
    conn.execute(
        insert(software),
        [
            {
                "HARDWARE_ID": row["HARDWARE_ID"],
                "NAME_ID": name,
                "VERSION_ID": version,
                "PUBLISHER_ID": publisher,
                "INSTALLDATE": _expected_date(row["INSTALLDATE"]),
                **{column: row[column] for column in DETAILS},
            }
            for row, (name, version, publisher) in zip(rows, ids, strict=True)
        ],
    )


# -- reading back ----------------------------------------------------------------------


def software_by_machine(engine: Engine) -> dict[int, Counter[tuple[str, str, str]]]:
    """Each machine's (name, version, publisher) rows of ``software``."""
    found: dict[int, Counter[tuple[str, str, str]]] = {}
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.HARDWARE_ID, n.NAME, v.VERSION, p.PUBLISHER FROM software s "
                "JOIN software_name n ON n.ID = s.NAME_ID "
                "JOIN software_version v ON v.ID = s.VERSION_ID "
                "JOIN software_publisher p ON p.ID = s.PUBLISHER_ID"
            )
        )
        for machine, name, version, publisher in rows:
            found.setdefault(machine, Counter())[(name, version, publisher)] += 1
    return found


#: The software columns the upgrade copies as they are.
DETAILS = ("FOLDER", "COMMENTS", "FILENAME", "FILESIZE", "SOURCE", "GUID", "LANGUAGE", "BITSWIDTH")


def details_by_machine(engine: Engine) -> dict[int, Counter[tuple[object, ...]]]:
    """Each machine's :data:`DETAILS` of ``software``."""
    found: dict[int, Counter[tuple[object, ...]]] = {}
    software = Base.metadata.tables["software"]
    query = select(software.c.HARDWARE_ID, *(software.c[c] for c in DETAILS))
    with engine.connect() as conn:
        for machine, *values in conn.execute(query):
            found.setdefault(machine, Counter())[tuple(values)] += 1
    return found


def dates_by_machine(engine: Engine) -> dict[int, Counter[dt.datetime | None]]:
    """Each machine's ``software.INSTALLDATE`` values."""
    found: dict[int, Counter[dt.datetime | None]] = {}
    software = Base.metadata.tables["software"]
    with engine.connect() as conn:
        for machine, when in conn.execute(
            software.select().with_only_columns(software.c.HARDWARE_ID, software.c.INSTALLDATE)
        ):
            found.setdefault(machine, Counter())[when] += 1
    return found


def table_checksums(engine: Engine) -> dict[str, str]:
    """Every table's definition and content as one digest each: ``CHECKSUM TABLE`` on
    MySQL, a hash of the rows in order on SQLite."""
    with engine.connect() as conn:
        names = sorted(inspect(conn).get_table_names())
        prep = conn.dialect.identifier_preparer
        digests = {}
        for name in names:
            quoted = prep.quote_identifier(name)
            if conn.dialect.name == "sqlite":
                ddl = conn.execute(
                    text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": name}
                ).scalar_one()
                count = len(inspect(conn).get_columns(name))
                order = ", ".join(str(i) for i in range(1, count + 1))
                rows = conn.exec_driver_sql(f"SELECT * FROM {quoted} ORDER BY {order}").all()
                content = repr([tuple(row) for row in rows])
            else:
                ddl = conn.exec_driver_sql(f"SHOW CREATE TABLE {quoted}").one()[1]
                ddl = re.sub(r" AUTO_INCREMENT=\d+", "", str(ddl))
                content = str(conn.exec_driver_sql(f"CHECKSUM TABLE {quoted}").one()[1])
            digests[name] = hashlib.sha256(f"{ddl}\n{content}".encode()).hexdigest()
    return digests


# -- test databases --------------------------------------------------------------------


@contextmanager
def legacy_database(
    backend: str,
    tmp_path: Path,
    server_url: str | None,
    version: int,
    *,
    machines: int = 6,
    per_machine: int = 30,
) -> Iterator[tuple[Engine, LegacyFleet]]:
    """An engine on a new database of schema ``version`` with its fleet. On MariaDB the
    database and every backup of it (``<name>_backup_*``) are dropped after."""
    if backend == "sqlite":
        url = normalize_url(str(tmp_path / f"legacy-{version}.sqlite"))
    else:
        assert server_url is not None
        name = f"ocs_legacy_{secrets.token_hex(4)}"
        url = normalize_url(create_legacy_database(server_url, name))
    engine = create_engine_for(url)
    try:
        metadata = create_legacy_schema(engine, version)
        yield engine, fill_legacy(engine, metadata, machines, per_machine)
    finally:
        engine.dispose()
        if backend != "sqlite":
            drop_databases(server_url or "", str(make_url(url).database))


def drop_databases(server_url: str, prefix: str) -> None:
    """Drop ``prefix`` and every database whose name starts with it (its backups)."""
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn:
            names = conn.execute(
                text(
                    "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE :p"
                ),
                {"p": prefix.replace("_", "\\_") + "%"},
            ).scalars()
            for name in list(names):
                conn.execute(text(f"DROP DATABASE `{name}`"))
    finally:
        engine.dispose()
