"""Empty inventory values are stored as the OCS Perl server stores them: '' and 0, not NULL.

The reference binds '' for every empty field of a section row (its fallback first), writes
'' and 0 for what a software element lacks, and 0 for the HARDWARE numbers; dates stay NULL
(see ``coerce.perl_empties``). A database shared with that server then holds one "empty"
value per column, and the rows it wrote compare equal to ours on a re-inventory.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, text

from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory
from tests.support.builders import inventory_xml

EMPTY_SOFTWARE = {"NAME": "Empty Fields App", "VERSION": "", "PUBLISHER": "N/A", "FOLDER": "??"}
MEMORY = {"CAPTION": "DIMM 9", "CAPACITY": "N/A", "SPEED": "", "DESCRIPTION": "NA"}
DRIVE = {"LETTER": "Z:", "TOTAL": "", "CREATEDATE": ""}
NETWORK = {"DESCRIPTION": "dummy0", "IPADDRESS": "198.51.100.9", "MACADDR": ""}
JAVA = {"JAVAHOME": "/usr/lib/jvm", "JAVANAME": ""}


def _body(deviceid: str, checksum: int | str = "keep") -> bytes:
    return inventory_xml(
        deviceid=deviceid,
        name="empties",
        checksum=checksum,
        drop=("MEMORIES", "DRIVES", "JAVAINFO"),
        hardware={"MEMORY": "", "SWAP": "N/A", "WORKGROUP": ""},
        add={
            "SOFTWARES": [EMPTY_SOFTWARE],
            "MEMORIES": [MEMORY],
            "DRIVES": [DRIVE],
            "NETWORKS": [NETWORK],
            "JAVAINFO": [JAVA],
        },
    )


def _one(engine: Engine, sql: str, hardware_id: int) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(text(sql), {"id": hardware_id}).one())


def test_empty_fields_are_stored_as_the_reference_stores_them(engine: Engine) -> None:
    result = Ingestor(engine).ingest(parse_inventory(_body("empties-2026-01-01-00-00-00")))
    hid = result.hardware_id
    software = _one(
        engine,
        "SELECT s.PUBLISHER_ID, s.VERSION_ID, s.FOLDER, s.COMMENTS, s.FILENAME, s.GUID, "
        "s.LANGUAGE, s.ARCHITECTURE, s.FILESIZE, s.SOURCE, s.BITSWIDTH, s.INSTALLDATE "
        "FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
        "WHERE s.HARDWARE_ID = :id AND n.NAME = 'Empty Fields App'",
        hid,
    )
    assert software == (1, 1, "", "", "", "", "", "", 0, 0, 0, None)
    memory = _one(
        engine,
        "SELECT CAPACITY, SPEED, DESCRIPTION, NUMSLOTS, PURPOSE, SERIALNUMBER, TYPE "
        "FROM memories WHERE HARDWARE_ID = :id",
        hid,
    )
    assert memory == (0, "", "", 0, "", "", "")
    # A number column gets 0, a date column NULL (MySQL would make '' 0000-00-00).
    drive = _one(
        engine, "SELECT TOTAL, FREE, CREATEDATE, VOLUMN FROM drives WHERE HARDWARE_ID = :id", hid
    )
    assert drive == (0, 0, None, "")
    # The map's fallbacks come first.
    mac = _one(
        engine,
        "SELECT MACADDR, STATUS FROM networks WHERE HARDWARE_ID = :id AND DESCRIPTION = 'dummy0'",
        hid,
    )
    assert mac == ("00:00:00:00:00:00", "")
    java = _one(engine, "SELECT JAVANAME, JAVAPATHLEVEL FROM javainfo WHERE HARDWARE_ID = :id", hid)
    assert java == ("noname", 0)
    # HARDWARE: the reference writes 0 for its numbers and leaves text NULL.
    hardware = _one(
        engine,
        "SELECT MEMORY, SWAP, TYPE, WORKGROUP, CATEGORY_ID FROM hardware WHERE ID = :id",
        hid,
    )
    assert hardware == (0, 0, 0, None, None)
    with engine.connect() as conn:
        nulls = conn.execute(
            text("SELECT COUNT(*) FROM memories WHERE HARDWARE_ID = :id AND SPEED IS NULL"),
            {"id": hid},
        ).scalar()
    assert nulls == 0


def test_rows_the_reference_wrote_compare_equal_to_ours(engine: Engine) -> None:
    """The reference rewrote the machine (new LASTDATE, its own memory row): a re-inventory
    sending the same finds the row equal and keeps it."""
    deviceid = "empties-2026-01-02-00-00-00"
    ingestor = Ingestor(engine)
    first = ingestor.ingest(parse_inventory(_body(deviceid)))
    hid = first.hardware_id
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM memories WHERE HARDWARE_ID = :id"), {"id": hid})
        conn.execute(
            text(
                "INSERT INTO memories (HARDWARE_ID, CAPACITY, SPEED, CAPTION, DESCRIPTION, "
                "NUMSLOTS, TYPE, PURPOSE, SERIALNUMBER) "
                "VALUES (:id, 0, '', 'DIMM 9', '', 0, '', '', '')"
            ),
            {"id": hid},
        )
        conn.execute(
            text("UPDATE hardware SET LASTDATE = :when WHERE ID = :id"),
            {"when": dt.datetime(2026, 1, 3, 4, 5, 6), "id": hid},
        )
    again = ingestor.ingest(parse_inventory(_body(deviceid, checksum=4)))
    memories = again.sections["MEMORIES"]
    assert (memories.kept, memories.inserted, memories.deleted) == (1, 0, 0)
