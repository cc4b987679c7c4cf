"""Latin-1 under a UTF-8 declaration, end to end: the server and the importer read it as
ISO-8859-1 as the reference does, store the right characters, and warn once per document
with its DEVICEID; mixed encodings and bytes that are not XML are still refused.

Older Windows agents send their ANSI text (company, owner, software names) this way.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import urllib.request
import zlib
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.models import Base
from tests.support.builders import count, fingerprint, inventory_xml
from tests.support.live_server import live_server
from tests.support.server_helpers import client_for, post, prolog_xml, reply_root

HARDWARE = Base.metadata.tables["hardware"]
SOFTWARE = Base.metadata.tables["software"]
SOFTWARE_NAME = Base.metadata.tables["software_name"]
SOFTWARE_PUBLISHER = Base.metadata.tables["software_publisher"]
WINDOWS_UA = "OCS-NG_WINDOWS_AGENT_v2.9.2.0"
OWNER = "Société Générale"
COMPANY = "Crédit Agricole d'Île-de-France"
SOFTWARE_ROW = {"NAME": "Logiciel de comptabilité Générale", "PUBLISHER": "Éditions Ça & Là",
                "VERSION": "2.0"}  # fmt: skip


def latin1_inventory(deviceid: str) -> bytes:
    """The sample, with French text in HARDWARE and a software, encoded as Windows ANSI
    would be while the declaration still says UTF-8."""
    xml = inventory_xml(
        deviceid=deviceid,
        name=deviceid.rsplit("-", 6)[0],
        hardware={"WINOWNER": OWNER, "WINCOMPANY": COMPANY},
        add={"SOFTWARES": [SOFTWARE_ROW]},
    )
    body = xml.decode("utf-8").encode("iso-8859-1")
    assert body.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") and b"\xe9" in body
    return body


def mixed_inventory(deviceid: str = "mixte-2024-01-01-00-00-00") -> bytes:
    """Valid UTF-8 (the owner) and a Latin-1 byte (the company) in one document."""
    xml = inventory_xml(deviceid=deviceid, hardware={"WINOWNER": "naïf", "WINCOMPANY": "@@"})
    assert xml.count(b"@@") == 1
    return xml.replace(b"@@", "Crédit".encode("latin-1"))


def fallback_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "encoding.latin1_fallback" in r.message]


def stored(engine: Engine, deviceid: str) -> tuple[str, str, list[tuple[str, str]]]:
    with engine.connect() as conn:
        hw = conn.execute(
            select(HARDWARE.c.ID, HARDWARE.c.WINOWNER, HARDWARE.c.WINCOMPANY).where(
                HARDWARE.c.DEVICEID == deviceid
            )
        ).one()
        software = conn.execute(
            select(SOFTWARE_NAME.c.NAME, SOFTWARE_PUBLISHER.c.PUBLISHER)
            .select_from(SOFTWARE)
            .join(SOFTWARE_NAME, SOFTWARE_NAME.c.ID == SOFTWARE.c.NAME_ID)
            .join(SOFTWARE_PUBLISHER, SOFTWARE_PUBLISHER.c.ID == SOFTWARE.c.PUBLISHER_ID)
            .where(SOFTWARE.c.HARDWARE_ID == hw.ID, SOFTWARE_NAME.c.NAME.like("Logiciel%"))
        ).all()
    return hw.WINOWNER, hw.WINCOMPANY, [tuple(row) for row in software]


EXPECTED = (OWNER, COMPANY, [(SOFTWARE_ROW["NAME"], SOFTWARE_ROW["PUBLISHER"])])


# -- the communication server ----------------------------------------------------------------
def test_server_stores_a_latin1_inventory_as_the_right_text(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    deviceid = "compta-2024-03-01-09-15-02"
    with client_for(engine) as client:
        assert reply_root(post(client, prolog_xml(deviceid), ua=WINDOWS_UA)) is not None
        response = post(client, latin1_inventory(deviceid), ua=WINDOWS_UA)
    assert response.status_code == 200
    assert stored(engine, deviceid) == EXPECTED
    [warning] = fallback_warnings(caplog)
    assert warning.startswith(
        f"the document of DEVICEID {deviceid!r} is not UTF-8 although it says so (byte offset "
    )


def test_server_reads_other_queries_in_latin1_too(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """A PROLOG whose DEVICEID (the Windows host name) is Latin-1, then its inventory."""
    deviceid = "comptabilité-2024-03-01-09-15-02"
    with client_for(engine) as client:
        prolog = prolog_xml(deviceid).decode().encode("latin-1")
        assert reply_root(post(client, prolog, ua=WINDOWS_UA)).findtext("RESPONSE") == "SEND"
        assert post(client, latin1_inventory(deviceid), ua=WINDOWS_UA).status_code == 200
    assert count(engine, "hardware", DEVICEID=deviceid) == 1
    assert stored(engine, deviceid) == EXPECTED
    warnings = fallback_warnings(caplog)
    assert len(warnings) == 2  # one per document
    assert all(f"DEVICEID {deviceid!r} is not UTF-8" in w for w in warnings)


@pytest.mark.parametrize(
    ("body", "logged"),
    [
        (mixed_inventory(), "its encodings are mixed (encoding.invalid_bytes)"),
        (
            b"<\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "; read as ISO-8859-1, since byte offset 1 (line 1) is not valid utf-8",
        ),
    ],
    ids=["mixed", "not-xml"],
)  # fmt: skip
def test_server_refuses_what_no_single_reading_makes_right(
    engine: Engine, caplog: pytest.LogCaptureFixture, body: bytes, logged: str
) -> None:
    before = fingerprint(engine)
    with client_for(engine) as client:
        response = post(client, body, ua=WINDOWS_UA)
    assert (response.status_code, response.content) == (400, b"")
    assert fingerprint(engine) == before
    bad = [r.getMessage() for r in caplog.records if r.getMessage().startswith("bad request: ")]
    assert len(bad) == 1 and logged in bad[0], bad
    assert fallback_warnings(caplog) == []


def test_a_live_servers_log_warns_once_per_document(tmp_path: Path) -> None:
    """The real ``serve`` process: what an administrator reads in its log."""
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    deviceid = "paie-2024-03-01-09-15-02"
    body = zlib.compress(latin1_inventory(deviceid))
    with live_server(str(db), tmp_path) as server:
        request = urllib.request.Request(
            f"{server.url}/ocsinventory",
            data=body,
            headers={"User-Agent": WINDOWS_UA, "Content-Type": "application/x-compress"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.status == 200
        log = server.log_text()
    try:
        assert stored(engine, deviceid) == EXPECTED
    finally:
        engine.dispose()
    warnings = [line for line in log.splitlines() if "encoding.latin1_fallback" in line]
    assert len(warnings) == 1, log
    assert (
        f" WARNING ocs_desktop.protocol.xmlparse: the document of DEVICEID {deviceid!r} "
        in (warnings[0])
    )


# -- the offline importer --------------------------------------------------------------------
def test_import_reads_latin1_files_and_warns_once_per_document(
    engine: Engine, tmp_path: Path
) -> None:
    """The real command, with worker processes: its output is what an administrator reads."""
    folder = tmp_path / "inventories"
    folder.mkdir()
    compta = latin1_inventory("compta-2024-01-01-00-00-00")
    (folder / "compta.ocs").write_bytes(zlib.compress(compta))
    (folder / "paie.xml").write_bytes(latin1_inventory("paie-2024-01-01-00-00-00"))
    (folder / "utf8.xml").write_bytes(inventory_xml(deviceid="utf8-2024-01-01-00-00-00"))
    url = engine.url.render_as_string(hide_password=False)
    command = [sys.executable, "-m", "ocs_desktop", "import", "--quiet", "--workers", "2",
               "--db", url, str(folder)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "3 file(s): 3 new, 0 updated, 0 failed" in done.stdout
    warnings = [line for line in done.stderr.splitlines() if "encoding.latin1_fallback" in line]
    assert len(warnings) == 2, done.stderr
    assert sum("DEVICEID 'compta-2024-01-01-00-00-00'" in w for w in warnings) == 1
    assert sum("DEVICEID 'paie-2024-01-01-00-00-00'" in w for w in warnings) == 1
    assert all(" WARNING ocs_desktop.protocol.xmlparse: " in w for w in warnings)
    assert stored(engine, "compta-2024-01-01-00-00-00") == EXPECTED
    assert stored(engine, "paie-2024-01-01-00-00-00") == EXPECTED


def test_import_refuses_mixed_encodings_with_a_clear_reason(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from ocs_desktop.inventory.importer import Outcome, import_files

    path = tmp_path / "mixed.xml"
    path.write_bytes(mixed_inventory())
    with caplog.at_level(logging.WARNING):
        summary = import_files(engine.url.render_as_string(hide_password=False), [path])
    [result] = summary.results
    assert result.outcome is Outcome.FAILED
    assert result.error is not None and result.error.endswith("its encodings are mixed")
    assert count(engine, "hardware") == 0
    assert fallback_warnings(caplog) == []
