"""A new machine's software rows, from odd elements: which give a row, which are skipped."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, text

from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory

SOFTWARES = (
    # Attributes and children alike; the last repeat wins; values stripped.
    '<SOFTWARES PUBLISHER="Acme" FILESIZE="12.7"><NAME> vim </NAME><NAME>nvim</NAME>'
    "<VERSION>9.0</VERSION><INSTALLDATE>2024/05/01 10:00:00</INSTALLDATE>"
    "<FOLDER>/usr</FOLDER><FROM>deb</FROM></SOFTWARES>"
    # A name alone: 'Unavailable' publisher and version, the Perl server's '' and 0.
    "<SOFTWARES><NAME>bare</NAME><PUBLISHER>N/A</PUBLISHER><FILESIZE>??</FILESIZE></SOFTWARES>"
    # Rows without a name: skipped.
    "<SOFTWARES><VERSION>1.0</VERSION></SOFTWARES>"
    '<SOFTWARES NAME=" NA "><FROM>deb</FROM></SOFTWARES>'
    # No row at all, not counted as skipped: empty, or holding a nested element.
    "<SOFTWARES/>"
    "<SOFTWARES><NAME>nested</NAME><X><Y>1</Y></X></SOFTWARES>"
)


def test_odd_software_elements(engine: Engine) -> None:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST><CONTENT>'
        f"<HARDWARE><NAME>pc</NAME></HARDWARE>{SOFTWARES}</CONTENT>"
        "<DEVICEID>odd-2026-01-01-00-00-00</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"
    ).encode()
    result = Ingestor(engine).ingest(parse_inventory(body))
    assert (result.shaped_software, result.skipped_software) == (6, 2)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT n.NAME, p.PUBLISHER, v.VERSION, s.FOLDER, s.COMMENTS, s.FILESIZE, "
                "s.INSTALLDATE FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
                "JOIN software_publisher p ON p.ID = s.PUBLISHER_ID "
                "JOIN software_version v ON v.ID = s.VERSION_ID "
                "WHERE s.HARDWARE_ID = :id ORDER BY s.ID"
            ),
            {"id": result.hardware_id},
        ).all()
    assert [tuple(row[:6]) for row in rows] == [
        ("nvim", "Acme", "9.0", "/usr", "", 13),
        ("bare", "Unavailable", "Unavailable", "", "", 0),
    ]
    installed = [row[6] for row in rows]
    assert installed[1] is None
    assert str(installed[0]).startswith(str(dt.datetime(2024, 5, 1, 10)))
