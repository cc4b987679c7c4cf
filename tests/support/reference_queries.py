"""The statements the OCS Perl communication servers run against ``ocsweb``, for tests.

Written from PROTOCOL.md and from reading the servers' public sources (Debian's 2.8.1 and
the current 2.12 ``Apache::Ocsinventory``): each is our own parameterised text with the
tables, columns and clauses the server uses, for one prolog and one inventory of a
machine, software, every inventory section of the server's map, duplicate merging,
download history, IP discovery and the SNMP prolog. ``run_server`` replays the ones of a
server version in one transaction, rolled back, and returns those the database refused.

Not included: the 2.8.1 server's SNMP capacity (off by default), which needs the SNMP
tables and columns the console replaced in 7054 (``snmp_types.CONDITION_OID``...): it
fails on the 2.11 console's own schema as well, and that console has no page for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

SERVERS = ("2.8.1", "2.12")
DEVICEID = "reference-queries-2026-01-01-00-00-00"


@dataclass(frozen=True)
class Query:
    """One statement; ``params`` values that are ``Ref`` take a value an earlier one stored."""

    what: str
    sql: str
    params: Mapping[str, object] = field(default_factory=dict)
    stores: str | None = None  # the first column of the first row goes into this name


@dataclass(frozen=True)
class Ref:
    name: str


ME = Ref("hardware_id")
OTHER = Ref("other_id")


@dataclass(frozen=True)
class Section:
    """A table of a server's map (``Map.pm``): its fields and how it is sorted."""

    table: str
    fields: tuple[str, ...]
    sort: str = ""
    diff: bool = True  # writeDiff: with INVENTORY_WRITE_DIFF, compared row by row
    replaced: bool = True  # delOnReplace: its rows are deleted before each write


def _section(
    table: str, fields: str, sort: str = "", *, diff: bool = True, replaced: bool = True
) -> Section:
    return Section(table, tuple(fields.split()), sort, diff, replaced)


#: The inventory sections of the 2.8.1 map that its generic writer stores.
SECTIONS_2_8_1 = (
    _section("bios", "ASSETTAG BDATE BMANUFACTURER BVERSION MMANUFACTURER MMODEL MSN "
             "SMANUFACTURER SMODEL SSN TYPE", "SSN", diff=False),
    _section("memories", "CAPACITY CAPTION DESCRIPTION NUMSLOTS PURPOSE SERIALNUMBER SPEED "
             "TYPE", "CAPTION"),
    _section("slots", "DESCRIPTION DESIGNATION NAME PSHARE PURPOSE STATUS", "NAME"),
    _section("registry", "NAME REGVALUE", "NAME"),
    _section("controllers", "CAPTION DESCRIPTION MANUFACTURER NAME TYPE VERSION", "NAME"),
    _section("monitors", "CAPTION DESCRIPTION MANUFACTURER SERIAL TYPE", "CAPTION"),
    _section("ports", "CAPTION DESCRIPTION NAME TYPE", "NAME"),
    _section("storages", "DESCRIPTION DISKSIZE FIRMWARE MANUFACTURER MODEL NAME SERIALNUMBER "
             "TYPE", "NAME"),
    _section("drives", "CREATEDATE FILESYSTEM FREE LETTER NUMFILES TOTAL TYPE VOLUMN", "VOLUMN"),
    _section("inputs", "CAPTION DESCRIPTION INTERFACE MANUFACTURER POINTTYPE TYPE", "CAPTION"),
    _section("modems", "DESCRIPTION MODEL NAME TYPE", "NAME"),
    _section("networks", "DESCRIPTION IPADDRESS IPDHCP IPGATEWAY IPMASK IPSUBNET MACADDR MTU "
             "SPEED STATUS TYPE TYPEMIB VIRTUALDEV", "IPADDRESS"),
    _section("printers", "COMMENT DESCRIPTION DRIVER NAME NETWORK PORT RESOLUTION SERVERNAME "
             "SHARED SHARENAME", "NAME"),
    _section("sounds", "DESCRIPTION MANUFACTURER NAME", "NAME"),
    _section("videos", "CHIPSET MEMORY NAME RESOLUTION", "NAME"),
    _section("virtualmachines", "MEMORY NAME STATUS SUBSYSTEM UUID VCPU VMTYPE", "NAME"),
    _section("cpus", "CORES CPUARCH CURRENT_ADDRESS_WIDTH CURRENT_SPEED DATA_WIDTH L2CACHESIZE "
             "LOGICAL_CPUS MANUFACTURER SERIALNUMBER SOCKET SPEED TYPE VOLTAGE", "SERIALNUMBER"),
    _section("sim", "COUNTRY DEVICEID OPERATOR OPNAME PHONENUMBER SERIALNUMBER", "SERIALNUMBER"),
    _section("batteries", "CHEMISTRY DESIGNCAPACITY DESIGNVOLTAGE LOCATION MANUFACTUREDATE "
             "MANUFACTURER MAXERROR NAME OEMSPECIFIC SBDSVERSION SERIALNUMBER", "NAME"),
    _section("usbdevices", "DESCRIPTION INTERFACE MANUFACTURER SERIAL TYPE", "DESCRIPTION"),
    _section("repository", "BASEURL EXCLUDE EXCLUDED EXPIRE FILENAME MIRRORS NAME PKGS "
             "REVISION SIZE TAG UPDATED", "NAME", diff=False),
    _section("javainfo", "JAVACLASSPATH JAVACOUNTRY JAVAHOME JAVANAME JAVAPATHLEVEL",
             "JAVANAME", diff=False),
    _section("journallog", "DATE ERRORCODE JOURNALLOG LISTENERNAME STATUS", diff=False,
             replaced=False),
    _section("unixusers", "GID_USERS GROUP_USERS HOME_USERS ID_GROUP ID_USERS LOGIN_USERS "
             "MEMBER_GROUP NAME_GROUP NAME_USERS SHELL_USERS", "NAME_USERS", diff=False),
)  # fmt: skip

#: 2.12 (PROTOCOL.md 2.1): the batteries of console update 7080, the local users and
#: groups of agent 2.10, and no ``unixusers``.
SECTIONS_2_12 = (
    *(s for s in SECTIONS_2_8_1 if s.table not in ("batteries", "unixusers")),
    _section("batteries", "CHEMISTRY CYCLES DESCRIPTION DESIGNCAPACITY DESIGNVOLTAGE "
             "ESTIMATEDCHARGEREMAINING MANUFACTURER NAME SERIALNUMBER STATUS", "NAME"),
    _section("local_users", "GID HOME ID_USER LOGIN NAME SHELL", "NAME", diff=False),
    _section("local_groups", "ID_GROUP MEMBER NAME", "NAME", diff=False),
)  # fmt: skip

#: Tables whose rows a duplicate merge deletes for the merged machine: the map's
#: automatic sections that are replaced on each inventory (not journallog), plus, in the
#: 2.12 map, ``software``.
MERGED_2_8_1 = tuple(s.table for s in SECTIONS_2_8_1 if s.replaced)
MERGED_2_12 = (*(s.table for s in SECTIONS_2_12 if s.replaced), "software")


def _values(section: Section) -> dict[str, object]:
    """What the generic writer binds for a row whose fields were all empty: ''."""
    return {field.lower(): "" for field in section.fields}


def section_queries(section: Section) -> Iterator[Query]:
    """Replace a section's rows (delete, insert), then, where the map says so, the
    statements of the row-level diff (INVENTORY_WRITE_DIFF)."""
    table, fields = section.table, section.fields
    listed = ", ".join(fields)
    marks = ", ".join(f":{field.lower()}" for field in fields)
    if section.replaced:
        yield Query(
            f"{table}: delete on replace",
            f"DELETE FROM {table} WHERE HARDWARE_ID = :id",
            {"id": ME},
        )
    # The generic writer binds '' for every empty field; the server's session is not
    # strict (sql_mode NO_ENGINE_SUBSTITUTION), so '' reaches number and date columns.
    yield Query(
        f"{table}: insert",
        f"INSERT INTO {table} (HARDWARE_ID, {listed}) VALUES (:id, {marks})",
        {"id": ME, **_values(section)},
    )
    if not section.diff:
        return
    order = f" ORDER BY {section.sort}" if section.sort else ""
    yield Query(
        f"{table}: write-diff read",
        f"SELECT ID, HARDWARE_ID, {listed} FROM {table} WHERE HARDWARE_ID = :id{order}",
        {"id": ME},
    )
    yield Query(
        f"{table}: write-diff delete",
        f"DELETE FROM {table} WHERE HARDWARE_ID = :id AND ID = :row",
        {"id": ME, "row": 0},
    )


def _prolog() -> Iterator[Query]:
    yield Query("config", "SELECT NAME, IVALUE, TVALUE FROM config")
    yield Query("device by DEVICEID", "SELECT ID FROM hardware WHERE DEVICEID = :d",
                {"d": DEVICEID})  # fmt: skip
    yield Query(
        "machine settings",
        "SELECT NAME, IVALUE, TVALUE FROM devices WHERE HARDWARE_ID = :id",
        {"id": ME},
    )
    yield Query(
        "group settings",
        "SELECT d.NAME, d.IVALUE, d.TVALUE FROM devices d, groups_cache g "
        "WHERE g.HARDWARE_ID = :id AND g.GROUP_ID = d.HARDWARE_ID AND g.STATIC != 2",
        {"id": ME},
    )
    yield Query(
        "groups to revalidate",
        "SELECT HARDWARE_ID, REQUEST, XMLDEF, CREATE_TIME, REVALIDATE_FROM FROM `groups` "
        "WHERE REVALIDATE_FROM <= :t",
        {"t": 0},
    )
    yield Query(
        "session",
        "INSERT INTO prolog_conntrack (DEVICEID, TIMESTAMP, PID) VALUES (:d, :t, :pid)",
        {"d": DEVICEID, "t": 0, "pid": 1},
    )
    yield Query(
        "packages to deploy",
        "SELECT e.ID, e.FILEID, e.INFO_LOC, e.PACK_LOC, e.CERT_PATH, e.CERT_FILE, "
        "a.PRIORITY FROM devices d, download_enable e, download_available a "
        "WHERE d.HARDWARE_ID = :id AND d.NAME = 'DOWNLOAD' AND d.IVALUE = e.ID "
        "AND e.FILEID = a.FILEID AND d.TVALUE IS NULL",
        {"id": ME},
    )
    yield Query("registry queries", "SELECT NAME, REGTREE, REGKEY, REGVALUE FROM regconfig")


def _machine() -> Iterator[Query]:
    yield Query("new machine", "INSERT INTO hardware (DEVICEID) VALUES (:d)", {"d": DEVICEID})
    yield Query("its id", "SELECT ID FROM hardware WHERE DEVICEID = :d", {"d": DEVICEID},
                stores="hardware_id")  # fmt: skip
    yield Query("duplicate", "INSERT INTO hardware (DEVICEID) VALUES (:d)",
                {"d": DEVICEID + "-old"})  # fmt: skip
    yield Query("its id", "SELECT ID FROM hardware WHERE DEVICEID = :d",
                {"d": DEVICEID + "-old"}, stores="other_id")  # fmt: skip
    yield Query("lock", "INSERT INTO locks (HARDWARE_ID, ID, SINCE) VALUES (:id, :pid, NULL)",
                {"id": ME, "pid": 1})  # fmt: skip
    yield Query(
        "hardware",
        "UPDATE hardware SET USERAGENT = :ua, LASTDATE = NOW(), LASTCOME = NOW(), "
        "CHECKSUM = (:checksum | CHECKSUM | 1), NAME = :n, WORKGROUP = NULL, "
        "USERDOMAIN = NULL, OSNAME = :os, OSVERSION = NULL, OSCOMMENTS = NULL, "
        "PROCESSORT = NULL, PROCESSORS = 0, PROCESSORN = 0, MEMORY = 0, SWAP = 0, "
        "IPADDR = NULL, DNS = NULL, DEFAULTGATEWAY = NULL, ETIME = NULL, USERID = NULL, "
        "TYPE = 0, DESCRIPTION = NULL, WINCOMPANY = NULL, WINOWNER = NULL, WINPRODID = NULL, "
        "WINPRODKEY = NULL, IPSRC = :ip, UUID = NULL, ARCH = NULL, CATEGORY_ID = NULL "
        "WHERE ID = :id",
        {"ua": "OCS-NG_unified_unix_agent_v2.10.0", "checksum": 262143, "n": "ref",
         "os": "Linux", "ip": "192.0.2.1", "id": ME},
    )  # fmt: skip
    yield Query("OS name cache", "SELECT OSNAME FROM hardware_osname_cache WHERE OSNAME = :o",
                {"o": "Linux"})  # fmt: skip
    yield Query("OS name cache", "INSERT INTO hardware_osname_cache (OSNAME) VALUES (:o)",
                {"o": "Linux"})  # fmt: skip
    yield Query("admin data", "SELECT * FROM accountinfo WHERE HARDWARE_ID = :id", {"id": ME})
    yield Query("admin data", "INSERT INTO accountinfo (HARDWARE_ID, TAG) VALUES (:id, :tag)",
                {"id": ME, "tag": "NA"})  # fmt: skip
    yield Query("category rules", "SELECT ID, SQL_QUERY, SQL_ARGS FROM assets_categories")
    yield Query("category", "UPDATE hardware SET CATEGORY_ID = :c WHERE ID = :id",
                {"c": None, "id": ME})  # fmt: skip
    yield Query("SaaS", "SELECT IVALUE FROM config WHERE NAME = 'INVENTORY_SAAS_ENABLED'")
    yield Query("SaaS", "SELECT s.ID, s.NAME, s.DNS_EXP FROM saas_exp s")
    yield Query(
        "SaaS",
        "INSERT INTO saas (SAAS_EXP_ID, HARDWARE_ID, ENTRY, DATA, TTL) "
        "VALUES (:e, :id, :entry, :data, :ttl)",
        {"e": 1, "id": ME, "entry": "example.org", "data": "", "ttl": 0},
    )
    yield Query(
        "software categories",
        "SELECT c.ID, c.CATEGORY_NAME, c.OS, s.SOFTWARE_EXP, s.SIGN_VERSION, s.VERSION, "
        "s.PUBLISHER FROM software_categories c, software_category_exp s "
        "WHERE s.CATEGORY_ID = c.ID",
    )
    yield Query("default category", "SELECT IVALUE FROM config WHERE NAME = 'DEFAULT_CATEGORY'")


def _lookups(table: str, column: str, value: str, key: str) -> Iterator[Query]:
    yield Query(f"{table} lookup", f"SELECT ID FROM {table} WHERE {column} = :v", {"v": value})
    yield Query(f"{table} insert", f"INSERT INTO {table} ({column}) VALUES (:v)", {"v": value})
    yield Query(f"{table} id", f"SELECT ID FROM {table} WHERE {column} = :v", {"v": value},
                stores=key)  # fmt: skip


_SOFTWARE = [
    "HARDWARE_ID", "NAME_ID", "PUBLISHER_ID", "VERSION_ID", "FOLDER", "COMMENTS", "FILENAME",
    "FILESIZE", "SOURCE", "GUID", "LANGUAGE", "INSTALLDATE", "BITSWIDTH",
]  # fmt: skip
_SOFTWARE_VALUES = {
    "HARDWARE_ID": ME, "NAME_ID": Ref("name_id"), "PUBLISHER_ID": Ref("publisher_id"),
    "VERSION_ID": Ref("version_id"), "FOLDER": "", "COMMENTS": "", "FILENAME": "",
    "FILESIZE": 0, "SOURCE": 0, "GUID": "", "LANGUAGE": "", "INSTALLDATE": "2026/01/01",
    "BITSWIDTH": 0, "ARCHITECTURE": "",
}  # fmt: skip


def _insert_software(columns: list[str]) -> Query:
    listed = ", ".join(columns)
    marks = ", ".join(f":{column.lower()}" for column in columns)
    return Query(
        "software row",
        f"INSERT INTO software ({listed}) VALUES ({marks})",
        {column.lower(): _SOFTWARE_VALUES[column] for column in columns},
    )


def _software_2_8_1() -> Iterator[Query]:
    name, category = "Reference App", 3
    yield Query("software name and category",
                "SELECT ID, CATEGORY FROM software_name WHERE NAME = :n", {"n": name})  # fmt: skip
    yield Query("software name", "INSERT INTO software_name (NAME, CATEGORY) VALUES (:n, :c)",
                {"n": name, "c": category})  # fmt: skip
    yield Query("software name id", "SELECT ID FROM software_name WHERE NAME = :n", {"n": name},
                stores="name_id")  # fmt: skip
    yield Query("software category", "UPDATE software_name SET CATEGORY = :c WHERE ID = :i",
                {"c": category, "i": Ref("name_id")})  # fmt: skip
    yield Query("software name", "INSERT INTO software_name (NAME) VALUES (:n)",
                {"n": name + " 2"})  # fmt: skip
    yield from _lookups("software_publisher", "PUBLISHER", "Reference Inc.", "publisher_id")
    yield from _lookups("software_version", "VERSION", "1.2.3-4", "version_id")
    yield Query("software replaced", "DELETE FROM software WHERE HARDWARE_ID = :id", {"id": ME})
    yield _insert_software(_SOFTWARE)


def _software_2_12() -> Iterator[Query]:
    yield from _lookups("software_name", "NAME", "Reference App", "name_id")
    yield from _lookups("software_publisher", "PUBLISHER", "Reference Inc.", "publisher_id")
    version = "1:1.2.3-4"
    yield Query("version", "SELECT ID, PRETTYVERSION FROM software_version WHERE VERSION = :v",
                {"v": version})  # fmt: skip
    yield Query(
        "version",
        "INSERT INTO software_version (VERSION, PRETTYVERSION, MAJOR, MINOR, PATCH) "
        "VALUES (:v, :p, :major, :minor, :patch)",
        {"v": version, "p": "1.2.3", "major": 1, "minor": 2, "patch": 3},
    )
    yield Query("version id", "SELECT ID FROM software_version WHERE VERSION = :v",
                {"v": version}, stores="version_id")  # fmt: skip
    yield Query(
        "pretty version of an older row",
        "UPDATE software_version SET PRETTYVERSION = :p, MAJOR = :major, MINOR = :minor, "
        "PATCH = :patch WHERE ID = :i",
        {"p": "Unavailable", "major": 0, "minor": 0, "patch": 0, "i": 1},
    )
    triple = {"n": Ref("name_id"), "p": Ref("publisher_id"), "v": Ref("version_id")}
    yield Query(
        "software row exists",
        "SELECT ID FROM software WHERE HARDWARE_ID = :id AND NAME_ID = :n "
        "AND PUBLISHER_ID = :p AND VERSION_ID = :v",
        {"id": ME, **triple},
    )
    yield _insert_software([*_SOFTWARE, "ARCHITECTURE"])
    yield Query(
        "software row id",
        "SELECT ID FROM software WHERE HARDWARE_ID = :id AND NAME_ID = :n "
        "AND PUBLISHER_ID = :p AND VERSION_ID = :v",
        {"id": ME, **triple},
        stores="software_id",
    )
    yield Query(
        "software in category",
        "SELECT ID FROM software_categories_link WHERE CATEGORY_ID = :c AND NAME_ID = :n "
        "AND PUBLISHER_ID = :p AND VERSION_ID = :v",
        {"c": 3, **triple},
    )
    yield Query(
        "software category",
        "DELETE FROM software_categories_link WHERE NAME_ID = :n AND PUBLISHER_ID = :p "
        "AND VERSION_ID = :v",
        triple,
    )
    yield Query(
        "software category",
        "INSERT INTO software_categories_link (NAME_ID, PUBLISHER_ID, VERSION_ID, CATEGORY_ID) "
        "VALUES (:n, :p, :v, :c)",
        {"c": 3, **triple},
    )
    yield Query(
        "software not sent",
        "DELETE FROM software WHERE HARDWARE_ID = :id AND ID NOT IN (:kept)",
        {"id": ME, "kept": Ref("software_id")},
    )


def _after_sections(merged: tuple[str, ...]) -> Iterator[Query]:
    yield Query("download history", "DELETE FROM download_history WHERE HARDWARE_ID = :id",
                {"id": ME})  # fmt: skip
    yield Query(
        "download history",
        "INSERT INTO download_history (HARDWARE_ID, PKG_ID, PKG_NAME) VALUES (:id, :p, :n)",
        {"id": ME, "p": 1767225600, "n": None},
    )
    yield Query("IP discovery", "SELECT SUBNET, MASK FROM blacklist_subnet")
    yield Query(
        "IP discovery election",
        "SELECT HARDWARE_ID, IVALUE, TVALUE FROM devices WHERE NAME = 'IPDISCOVER' "
        "AND TVALUE = :net",
        {"net": "192.0.2.0"},
    )
    yield Query(
        "IP discovery results",
        "UPDATE netmap SET IP = :ip, MASK = :mask, NETID = :net, DATE = NOW(), NAME = :n, "
        "HARDWARE_ID = :id WHERE MAC = :mac",
        {"ip": "192.0.2.7", "mask": "255.255.255.0", "net": "192.0.2.0", "n": "-",
         "id": ME, "mac": "02:00:00:00:00:07"},
    )  # fmt: skip
    yield Query(
        "IP discovery results",
        "INSERT INTO netmap (IP, MAC, MASK, NETID, NAME, HARDWARE_ID) "
        "VALUES (:ip, :mac, :mask, :net, :n, :id)",
        {"ip": "192.0.2.7", "mask": "255.255.255.0", "net": "192.0.2.0", "n": "-",
         "id": ME, "mac": "02:00:00:00:00:07"},
    )  # fmt: skip
    yield from _duplicates(merged)
    yield Query("unlock", "DELETE FROM locks WHERE HARDWARE_ID = :id", {"id": ME})
    yield Query("session end", "DELETE FROM prolog_conntrack WHERE DEVICEID = :d",
                {"d": DEVICEID})  # fmt: skip


def _duplicates(merged: tuple[str, ...]) -> Iterator[Query]:
    """Detection, then the merge of ``OTHER`` into ``ME``."""
    yield Query("duplicates", "SELECT MACADDRESS FROM blacklist_macaddresses")
    yield Query("duplicates", "SELECT SERIAL FROM blacklist_serials")
    yield Query("duplicates", "SELECT ID, NAME FROM hardware WHERE NAME = :n AND ID <> :id",
                {"n": "ref", "id": ME})  # fmt: skip
    yield Query(
        "duplicates",
        "SELECT HARDWARE_ID, ASSETTAG FROM bios WHERE ASSETTAG = :a AND HARDWARE_ID <> :id",
        {"a": "", "id": ME},
    )
    yield Query("duplicates", "SELECT ID, UUID FROM hardware WHERE UUID = :u AND ID <> :id",
                {"u": "", "id": ME})  # fmt: skip
    yield Query(
        "duplicates",
        "SELECT HARDWARE_ID, DESCRIPTION, MACADDR FROM networks "
        "WHERE MACADDR = :m AND HARDWARE_ID <> :id",
        {"m": "02:00:00:00:00:01", "id": ME},
    )
    yield Query("duplicates", "SELECT HARDWARE_ID, SSN FROM bios WHERE SSN = :s AND "
                "HARDWARE_ID <> :id", {"s": "X1", "id": ME})  # fmt: skip
    yield Query("duplicates", "SELECT HARDWARE_ID, SMODEL FROM bios WHERE SMODEL = :s AND "
                "HARDWARE_ID <> :id", {"s": "M1", "id": ME})  # fmt: skip
    old = {"id": ME, "old": OTHER}
    yield Query("merge", "DELETE FROM hardware WHERE ID = :old", old)
    yield Query("merge", "DELETE FROM accountinfo WHERE HARDWARE_ID = :id", old)
    yield Query("merge", "UPDATE accountinfo SET HARDWARE_ID = :id WHERE HARDWARE_ID = :old", old)
    yield Query("merge", "DELETE FROM devices WHERE HARDWARE_ID = :id", old)
    yield Query("merge", "UPDATE devices SET HARDWARE_ID = :id WHERE HARDWARE_ID = :old", old)
    yield Query("merge", "UPDATE itmgmt_comments SET HARDWARE_ID = :id WHERE HARDWARE_ID = :old",
                old)  # fmt: skip
    yield Query(
        "merge",
        "UPDATE groups_cache SET HARDWARE_ID = :id WHERE HARDWARE_ID = :old "
        "AND (STATIC = 1 OR STATIC = 2)",
        old,
    )
    yield Query("merge", "DELETE FROM groups_cache WHERE HARDWARE_ID = :old", old)
    for table in merged:
        yield Query(f"merge: {table}", f"DELETE FROM {table} WHERE HARDWARE_ID = :old", old)
    yield Query(
        "merge traced",
        "INSERT INTO deleted_equiv (DATE, DELETED, EQUIVALENT) VALUES (NULL, :old, :id)",
        {"old": DEVICEID + "-old", "id": DEVICEID},
    )


def _snmp_prolog_2_12() -> Iterator[Query]:
    yield Query(
        "SNMP scan: devices",
        "SELECT IP, MAC FROM netmap WHERE NETID = :net AND MAC NOT IN "
        "(SELECT DISTINCT(MACADDR) FROM networks WHERE MACADDR IS NOT NULL AND IPSUBNET = :net)",
        {"net": "192.0.2.0"},
    )
    yield Query(
        "SNMP scan: types",
        "SELECT t.TYPE_NAME, tc.CONDITION_OID, tc.CONDITION_VALUE, t.TABLE_TYPE_NAME, "
        "l.LABEL_NAME, c.OID FROM snmp_types t LEFT JOIN snmp_configs c ON t.ID = c.TYPE_ID "
        "LEFT JOIN snmp_labels l ON l.ID = c.LABEL_ID "
        "LEFT JOIN snmp_types_conditions tc ON tc.TYPE_ID = t.ID",
    )
    yield Query(
        "SNMP scan: communities",
        "SELECT VERSION, NAME, USERNAME, AUTHPASSWD, LEVEL, AUTHPROTO, PRIVPASSWD, PRIVPROTO "
        "FROM snmp_communities",
    )
    yield Query("SNMP scan: MIBs", "SELECT VENDOR, URL, CHECKSUM, VERSION, PARSER FROM snmp_mibs")


def server_queries(server: str) -> list[Query]:
    """Every statement of one prolog and one inventory of that server version, in order."""
    if server not in SERVERS:
        raise ValueError(f"unknown server version {server!r}")
    new = server == "2.12"
    sections = SECTIONS_2_12 if new else SECTIONS_2_8_1
    queries = [*_machine(), *_prolog()]
    queries += _software_2_12() if new else _software_2_8_1()
    for section in sections:
        queries += section_queries(section)
    queries += _after_sections(MERGED_2_12 if new else MERGED_2_8_1)
    if new:
        queries += _snmp_prolog_2_12()
    return queries


@dataclass(frozen=True)
class Refused:
    what: str
    sql: str
    error: str


def run_server(engine: Engine, server: str) -> list[Refused]:
    """Run ``server_queries(server)`` in one transaction, rolled back; the refused ones.

    The session is the server's (sql_mode ``NO_ENGINE_SUBSTITUTION``). Each statement runs
    in a savepoint, so one refusal does not hide the next.
    """
    refused: list[Refused] = []
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(text("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'"))
        try:
            stored: dict[str, object] = {}
            for query in server_queries(server):
                problem = _run(connection, query, stored)
                if problem is None:
                    continue
                refused.append(Refused(query.what, query.sql, problem))
        finally:
            transaction.rollback()
    return refused


def _run(connection: Connection, query: Query, stored: dict[str, object]) -> str | None:
    params = {
        key: stored.get(value.name) if isinstance(value, Ref) else value
        for key, value in query.params.items()
    }
    savepoint = connection.begin_nested()
    try:
        result = connection.execute(text(query.sql), params)
        if query.stores is not None:
            row = result.first()
            if row is None:
                savepoint.rollback()
                return f"no row for {query.stores}"
            stored[query.stores] = row[0]
        elif result.returns_rows:
            result.all()
    except DBAPIError as exc:
        savepoint.rollback()
        return str(exc.orig)
    savepoint.commit()
    return None
