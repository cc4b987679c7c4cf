"""Windows agent inventories, through the server as the agent sends them and through the
offline import (issue 12, part 5).

The fixtures in tests/data/windows are written after the Windows agent's section list
(WIN:``OCSInventory Front/XMLInteract.cpp``): a Windows 10 workstation, a Windows Server
2019 and a Windows 11 laptop. Each one goes to the server as the agent sends it (PROLOG,
then INVENTORY, its User-Agent, a zlib body); every table is then checked against the XML,
field by field, through the section -> table map the ingestion uses. The offline import
of the same file, into a second database, must give the same rows, apart from what the
server takes from the request (USERAGENT, IPSRC, LASTCOME).
"""

from __future__ import annotations

import datetime as dt
import secrets
import urllib.request
import zlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import Column, Engine, select, types
from starlette.testclient import TestClient

from ocs_desktop.db.engines import create_database_if_missing, create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.importer import Outcome, import_files
from ocs_desktop.inventory.sections import SECTIONS
from ocs_desktop.models import Base
from tests.support.builders import DATA
from tests.support.live_server import live_server, maria
from tests.support.machine_rows import machine_rows
from tests.support.reference_schema import drop_database
from tests.support.server_helpers import client_for, prolog_xml, reply_root
from tests.support.services import mysql_database_url

__all__ = ["maria"]  # the fixture, imported for pytest

WINDOWS = DATA / "windows"
FIXTURES = sorted(WINDOWS.glob("*.xml"))
WINDOWS_UA = "OCS-NG_WINDOWS_AGENT_v2.9.2.0"
TABLES = Base.metadata.tables
UNAVAILABLE_ID = 1  # software_publisher / software_version row 1: no publisher, no version
#: Values the reference server treats as no value (PROTOCOL 2; Perl server's _clean).
NO_VALUE = frozenset({"", "??", "N/A", "NA"})
#: What the agent sends that the OCS tables have no column for; the reference server drops
#: them too (a tag is stored only under the column of the same name). SLOTS/SHARED is the
#: agent's name for what the table calls PSHARE.
NOT_STORED = {
    "HARDWARE": {"LASTLOGGEDUSER", "VMSYSTEM"},
    "CPUS": {"CPUSTATUS"},
    "SLOTS": {"SHARED"},
}
#: Every section the fixtures hold and the table it lands in: the generic sections through
#: the ingestion's own map, the others through their writers.
SECTION_TABLES = {
    **{spec.section: spec.table for spec in SECTIONS},
    "HARDWARE": "hardware",
    "SOFTWARES": "software",
    "ACCOUNTINFO": "accountinfo",
    "DOWNLOAD": "download_history",
}


class _Empty:
    """An XML field with no value (or no field at all): stored as NULL, '' or 0."""

    def __repr__(self) -> str:
        return "<empty>"


EMPTY = _Empty()


# -- the XML side --------------------------------------------------------------------------
def _content(path: Path) -> etree._Element:
    content = etree.parse(str(path)).getroot().find("CONTENT")
    assert content is not None
    return content


def _fields(element: etree._Element) -> dict[str, str]:
    return {child.tag: (child.text or "").strip() for child in element}


def _value(column: Column, text: str | None) -> object:
    """What ``column`` should hold for the agent's ``text``, read independently of the
    ingestion's coercers: numbers as numbers, dates as dates, text cut to the column."""
    if text is None or text in NO_VALUE:
        return EMPTY
    kind = column.type
    if isinstance(kind, types.Integer):
        return int(text)
    if isinstance(kind, types.DateTime):
        for shape in ("%Y/%m/%d", "%Y-%m-%d %H:%M:%S"):
            try:
                return dt.datetime.strptime(text, shape)
            except ValueError:
                pass
        raise AssertionError(f"{column}: {text!r} is no date the agent sends")
    if isinstance(kind, types.Numeric):
        return Decimal(text)
    assert isinstance(kind, types.String), column
    return text[: kind.length] if kind.length else text


def _expected_rows(section: str, elements: list[etree._Element]) -> list[dict[str, object]]:
    """The rows the section's elements should give, every column of the table named."""
    table = TABLES[SECTION_TABLES[section]]
    columns = [c for c in table.c if c.name not in {"ID", "HARDWARE_ID"}]
    return [{c.name: _value(c, _fields(e).get(c.name)) for c in columns} for e in elements]


def _expected_software(elements: list[etree._Element]) -> list[dict[str, object]]:
    table = TABLES["software"]
    own = [c for c in table.c if c.name not in {"ID", "HARDWARE_ID"} and not c.name.endswith("_ID")]
    rows = []
    for element in elements:
        fields = _fields(element)
        row = {c.name: _value(c, fields.get(c.name)) for c in own}
        for name, dictionary in (("NAME", "software_name"), ("PUBLISHER", "software_publisher"),
                                 ("VERSION", "software_version")):  # fmt: skip
            row[name] = _value(TABLES[dictionary].c[name], fields.get(name))
        rows.append(row)
    return rows


def _not_stored(content: etree._Element) -> dict[str, set[str]]:
    """The fields sent that no column of their section's table takes."""
    dropped: dict[str, set[str]] = {}
    for element in content:
        if element.tag in {"ACCOUNTINFO", "DOWNLOAD"}:  # read by name, not by column
            continue
        columns = set(TABLES[SECTION_TABLES[element.tag]].c.keys())
        if element.tag == "SOFTWARES":  # and three go to the software dictionaries
            columns |= {"NAME", "PUBLISHER", "VERSION"}
        extra = set(_fields(element)) - columns
        if extra:
            dropped.setdefault(element.tag, set()).update(extra)
    return dropped


# -- the database side ---------------------------------------------------------------------
def _stored(engine: Engine, table_name: str, hardware_id: int) -> list[dict[str, Any]]:
    table = TABLES[table_name]
    columns = [c for c in table.c if c.name not in {"ID", "HARDWARE_ID"}]
    with engine.connect() as conn:
        rows = conn.execute(select(*columns).where(table.c.HARDWARE_ID == hardware_id))
        return [dict(row._mapping) for row in rows]


def _stored_software(engine: Engine, hardware_id: int) -> list[dict[str, Any]]:
    software = TABLES["software"]
    names, publishers, versions = (
        TABLES[name] for name in ("software_name", "software_publisher", "software_version")
    )
    own = [c for c in software.c if c.name not in {"ID", "HARDWARE_ID"}]
    query = (
        select(*own, names.c.NAME, publishers.c.PUBLISHER, versions.c.VERSION)
        .join(names, names.c.ID == software.c.NAME_ID)
        .join(publishers, publishers.c.ID == software.c.PUBLISHER_ID)
        .join(versions, versions.c.ID == software.c.VERSION_ID)
        .where(software.c.HARDWARE_ID == hardware_id)
    )
    with engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(query)]
    for row in rows:
        # The dictionaries' row 1 ("Unavailable") stands for a package sent without one.
        if row.pop("PUBLISHER_ID") == UNAVAILABLE_ID:
            row["PUBLISHER"] = None
        if row.pop("VERSION_ID") == UNAVAILABLE_ID:
            row["VERSION"] = None
        row.pop("NAME_ID")
    return rows


def _matches(expected: object, stored: object) -> bool:
    if expected is EMPTY:
        return stored is None or stored == "" or stored == 0
    return stored == expected and type(stored) is type(expected)


def assert_same_rows(
    what: str, expected: list[dict[str, object]], stored: list[dict[str, object]]
) -> None:
    """Each expected row pairs with one stored row equal field by field, none left over."""
    left = list(stored)
    missing = []
    # The most specific rows first, so an empty field does not claim another row's match.
    for row in sorted(expected, key=lambda r: sum(v is EMPTY for v in r.values())):
        for index, candidate in enumerate(left):
            if all(_matches(value, candidate[name]) for name, value in row.items()):
                del left[index]
                break
        else:
            missing.append(row)
    assert not missing and not left, f"{what}: not stored {missing}; stored, not sent {left}"


def assert_lands_as_sent(engine: Engine, hardware_id: int, path: Path) -> None:
    """Every section of ``path`` is in its table for the machine, field by field, and the
    tables of sections not sent hold nothing of it."""
    content = _content(path)
    sent = {element.tag for element in content}
    assert sent <= SECTION_TABLES.keys(), f"sections not checked: {sent - SECTION_TABLES.keys()}"
    assert _not_stored(content) == NOT_STORED
    for spec in SECTIONS:
        expected = _expected_rows(spec.section, content.findall(spec.section))
        assert_same_rows(spec.table, expected, _stored(engine, spec.table, hardware_id))
    assert_same_rows(
        "software",
        _expected_software(content.findall("SOFTWARES")),
        _stored_software(engine, hardware_id),
    )
    # HARDWARE: every column the agent sent; ETIME is the server's (NULL, as the reference).
    hardware = TABLES["hardware"]
    sent_hardware = content.find("HARDWARE")
    assert sent_hardware is not None
    fields = _fields(sent_hardware)
    wanted = {
        name: EMPTY if name == "ETIME" else _value(hardware.c[name], text)
        for name, text in fields.items()
        if name in hardware.c
    }
    with engine.connect() as conn:
        row = conn.execute(select(hardware).where(hardware.c.ID == hardware_id)).one()._mapping
    assert row["DEVICEID"] == etree.parse(str(path)).getroot().findtext("DEVICEID")
    assert_same_rows("hardware", [wanted], [{name: row[name] for name in wanted}])
    # ACCOUNTINFO: one column per KEYNAME; DOWNLOAD/HISTORY: one row per package id.
    accountinfo = {
        e.findtext("KEYNAME"): e.findtext("KEYVALUE") for e in content.findall("ACCOUNTINFO")
    }
    stored_info = _stored(engine, "accountinfo", hardware_id)
    assert [{k: r[k] for k in accountinfo} for r in stored_info] == [accountinfo]
    history = [int(p.get("ID", "")) for p in content.iterfind("DOWNLOAD/HISTORY/PACKAGE")]
    stored_history = _stored(engine, "download_history", hardware_id)
    assert sorted(r["PKG_ID"] for r in stored_history) == sorted(history)
    assert all(r["PKG_NAME"] is None for r in stored_history)  # no such package offered


# -- sending as the Windows agent ------------------------------------------------------------
def _agent_headers() -> dict[str, str]:
    # What the Windows agent's cURL sends (WIN:ComHTTP/HTTPConnexion.cpp).
    return {"User-Agent": WINDOWS_UA, "Content-Type": "application/x-compressed"}


def send_as_windows_agent(client: TestClient, path: Path) -> etree._Element:
    """PROLOG then INVENTORY, as the agent does; the INVENTORY reply."""
    root = etree.parse(str(path)).getroot()
    deviceid = root.findtext("DEVICEID")
    assert deviceid
    prolog = client.post(
        "/ocsinventory", content=zlib.compress(prolog_xml(deviceid)), headers=_agent_headers()
    )
    assert prolog.status_code == 200, f"PROLOG refused ({prolog.status_code}) for {WINDOWS_UA}"
    assert reply_root(prolog).findtext("RESPONSE") == "SEND"
    inventory = client.post(
        "/ocsinventory", content=zlib.compress(path.read_bytes()), headers=_agent_headers()
    )
    return reply_root(inventory)


def _hardware_id(engine: Engine, deviceid: str) -> int:
    hardware = TABLES["hardware"]
    with engine.connect() as conn:
        return int(
            conn.execute(select(hardware.c.ID).where(hardware.c.DEVICEID == deviceid)).scalar_one()
        )


def _deviceid(path: Path) -> str:
    deviceid = etree.parse(str(path)).getroot().findtext("DEVICEID")
    assert deviceid
    return deviceid


def _import(engine: Engine, path: Path) -> int:
    """Import ``path`` offline, as ``ocs-desktop import`` does; the machine's id."""
    summary = import_files(engine.url.render_as_string(hide_password=False), [path])
    [result] = summary.results
    assert result.outcome is Outcome.NEW, result.error
    assert result.hardware_id is not None
    return result.hardware_id


@pytest.fixture
def second_engine(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """Another fresh database on the same backend as ``engine``, for the offline import."""
    on_mysql = not db_url.startswith("sqlite")
    if on_mysql:
        server = request.getfixturevalue("mysql_server_url")
        url = mysql_database_url(server, f"ocs_test_{secrets.token_hex(4)}")
        create_database_if_missing(url)
    else:
        url = normalize_url(str(tmp_path / "imported.sqlite"))
    engine = create_engine_for(url)
    try:
        init_database(engine)
        yield engine
    finally:
        engine.dispose()
        if on_mysql:
            drop_database(url)


# -- the tests -------------------------------------------------------------------------------
def test_the_fixtures_are_the_three_windows_machines() -> None:
    assert [path.name for path in FIXTURES] == [
        "win10-workstation.xml",
        "win11-laptop.xml",
        "winserver2019.xml",
    ]
    for path in FIXTURES:
        content = _content(path)
        sent = {element.tag for element in content}
        # The sections the issue names are in every fixture.
        assert {"HARDWARE", "SOFTWARES", "REGISTRY", "DRIVES", "MONITORS", "PRINTERS",
                "INPUTS", "PORTS", "SLOTS"} <= sent  # fmt: skip
        assert len(content.findall("SOFTWARES")) >= 20


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_windows_inventory_lands_as_sent_and_as_imported(
    engine: Engine, second_engine: Engine, path: Path
) -> None:
    with client_for(engine) as client:
        reply = send_as_windows_agent(client, path)
    assert reply.findtext("RESPONSE") == "NO_ACCOUNT_UPDATE"  # the agent's TAG was taken
    served = _hardware_id(engine, _deviceid(path))
    assert_lands_as_sent(engine, served, path)

    imported = _import(second_engine, path)
    assert_lands_as_sent(second_engine, imported, path)
    assert machine_rows(second_engine, imported) == machine_rows(engine, served)
    # What is left out of that comparison is the request's: the server's row has it.
    hardware = TABLES["hardware"]
    query = select(hardware.c.USERAGENT, hardware.c.IPSRC, hardware.c.LASTCOME)
    with engine.connect() as conn:
        useragent, ipsrc, lastcome = conn.execute(query.where(hardware.c.ID == served)).one()
    with second_engine.connect() as conn:
        offline = conn.execute(query.where(hardware.c.ID == imported)).one()
    assert (useragent, ipsrc, lastcome is not None) == (WINDOWS_UA, "testclient", True)
    assert offline.USERAGENT is None and offline.IPSRC is None


def test_windows_10_spot_checks(engine: Engine) -> None:
    """A few values read straight from the fixture, as an administrator would look for them."""
    path = WINDOWS / "win10-workstation.xml"
    with client_for(engine) as client:
        send_as_windows_agent(client, path)
    machine = _hardware_id(engine, "PC-COMPTA-07-2024-05-02-09-14-33")
    hardware = TABLES["hardware"]
    with engine.connect() as conn:
        row = conn.execute(select(hardware).where(hardware.c.ID == machine)).one()
    assert row.WINPRODKEY == "QH8N2-7TKX4-B9WCM-P6JD3-RF2YV"
    assert row.WINPRODID == "00330-80000-00000-AA417"
    assert row.WINOWNER == "Service informatique"
    assert row.OSNAME == "Microsoft Windows 10 Pro"
    assert row.DESCRIPTION == "Poste comptabilité \u2013 bureau 2.14"
    # hardware.ARCH is VARCHAR(10) in the OCS schema: the agent's "x86 64 bits" is cut.
    assert row.ARCH == "x86 64 bit"
    assert row.USERAGENT == WINDOWS_UA

    drives = {d["LETTER"]: d for d in _stored(engine, "drives", machine)}
    assert (drives["C:/"]["TYPE"], drives["C:/"]["FILESYSTEM"]) == ("Hard Drive", "NTFS")
    assert (drives["C:/"]["TOTAL"], drives["C:/"]["FREE"], drives["C:/"]["VOLUMN"]) == (
        487793,
        301544,
        "Windows",
    )
    assert drives["P:/"]["VOLUMN"] == "\\\\srv-files-01\\Partage"

    software = {s["NAME"]: s for s in _stored_software(engine, machine)}
    demo = software["Logiciel de démonstration"]
    assert demo["GUID"] == "{3F2B8C41-6D0E-4A7B-9E15-C8D4F02A7B61}"
    assert demo["INSTALLDATE"] == dt.datetime(2021, 3, 15)
    assert demo["BITSWIDTH"] == 32
    assert demo["PUBLISHER"] == "Exemple SARL"
    assert demo["COMMENTS"] == "Logiciel interne de démonstration & formation (comptabilité)"
    redist = software["Microsoft Visual C++ 2015-2019 Redistributable (x64) - 14.28.29914"]
    assert (redist["VERSION"], redist["BITSWIDTH"]) == ("14.28.29914.0", 64)
    assert software["Outil de migration des données (ancien)"]["PUBLISHER"] is None

    registry = {r["NAME"]: r["REGVALUE"] for r in _stored(engine, "registry", machine)}
    assert registry == {
        "Proxy serveur": "proxy.example.com:3128",
        "Office - canal de mise à jour": "MonthlyEnterprise",
        "BitLocker C:": "1",
        "Version Sage": "9.00 \u2013 Société Exemple",
        "Antivirus": "Microsoft Defender 4.18.24030.9",
    }


@pytest.mark.slow
@pytest.mark.mariadb
def test_live_server_windows_inventory_matches_the_import(
    maria: tuple[str, Engine], mysql_server_url: str, tmp_path: Path
) -> None:
    """The same over real HTTP to an ``ocs-desktop serve`` process."""
    url, engine = maria
    path = WINDOWS / "win11-laptop.xml"
    deviceid = _deviceid(path)

    def post(body: bytes) -> etree._Element:
        request = urllib.request.Request(
            f"{server.url}/ocsinventory", data=zlib.compress(body), headers=_agent_headers()
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
            return etree.fromstring(zlib.decompress(response.read()))

    with live_server(url, tmp_path) as server:
        assert post(prolog_xml(deviceid)).findtext("RESPONSE") == "SEND"
        assert post(path.read_bytes()).findtext("RESPONSE") == "NO_ACCOUNT_UPDATE"
    served = _hardware_id(engine, deviceid)
    assert_lands_as_sent(engine, served, path)

    other_url = mysql_database_url(mysql_server_url, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(other_url)
    other = create_engine_for(other_url)
    try:
        init_database(other)
        imported = _import(other, path)
        assert machine_rows(other, imported) == machine_rows(engine, served)
    finally:
        other.dispose()
        drop_database(other_url)
