"""The REQUEST envelope: DEVICEID, QUERY, CONTENT, and attribute/element equivalence."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from ocs_desktop.protocol import (
    DEVICEID_RE,
    Compression,
    EnvelopeError,
    parse_request,
)
from tests.support import hostile

DATA = Path(__file__).parent / "data"
DEVICEID = "PC042-2024-03-01-09-15-02"


def captured_body(name: str) -> bytes:
    """The request XML of an http-capture file, compressed again as the agent sent it."""
    lines = (DATA / "http-capture" / name).read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if "decompressed below" in line) + 1
    end = lines.index("", start)
    return zlib.compress("\n".join(lines[start:end]).encode())


def test_captured_unix_prolog() -> None:
    req = parse_request(captured_body("ocsinventory-agent-001-PROLOG.txt"))
    assert req.deviceid == "vm-2026-11-25-08-13-43"
    assert req.query == "PROLOG"
    assert req.content is None
    assert req.compression is Compression.ZLIB
    assert req.fields == {"DEVICEID": "vm-2026-11-25-08-13-43", "QUERY": "PROLOG"}


def test_windows_prolog_with_empty_content() -> None:
    body = f"<REQUEST><DEVICEID>{DEVICEID}</DEVICEID><QUERY>PROLOG</QUERY><CONTENT/></REQUEST>"
    req = parse_request(body.encode())
    assert req.content is not None
    assert len(req.content) == 0
    assert "CONTENT" not in req.fields
    assert req.compression is Compression.PLAIN


def test_download_result_attribute_and_element_forms_are_equal() -> None:
    unix = f'<REQUEST DEVICEID="{DEVICEID}" ERR="SUCCESS" ID="1700000000" QUERY="DOWNLOAD"/>'
    windows = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<REQUEST ID="1700000000" ERR="SUCCESS">\n'
        f"  <DEVICEID>{DEVICEID}</DEVICEID>\n  <CONTENT></CONTENT>\n  <QUERY>DOWNLOAD</QUERY>\n"
        "</REQUEST>\n"
    )
    a = parse_request(zlib.compress(unix.encode()))
    b = parse_request(zlib.compress(windows.encode()))
    assert (
        a.fields
        == b.fields
        == {
            "DEVICEID": DEVICEID,
            "ERR": "SUCCESS",
            "ID": "1700000000",
            "QUERY": "DOWNLOAD",
        }
    )
    assert (a.deviceid, a.query) == (b.deviceid, b.query) == (DEVICEID, "DOWNLOAD")
    assert a.content is None
    assert b.content is not None


def test_child_element_wins_over_attribute_and_nested_children_are_not_fields() -> None:
    body = (
        f'<REQUEST QUERY="prolog" ERR="attr"><ERR> element </ERR><DEVICEID>{DEVICEID}</DEVICEID>'
        "<NESTED><X>1</X></NESTED><EMPTY/></REQUEST>"
    )
    req = parse_request(body.encode())
    assert req.query == "PROLOG"
    assert req.fields["ERR"] == "element"
    assert req.fields["EMPTY"] == ""
    assert "NESTED" not in req.fields


@pytest.mark.parametrize(
    "content",
    [f"<CONTENT><DEVICEID>{DEVICEID}</DEVICEID></CONTENT>", f'<CONTENT DEVICEID="{DEVICEID}"/>'],
    ids=["element", "attribute"],
)
def test_deviceid_falls_back_to_content(content: str) -> None:
    req = parse_request(f"<REQUEST><QUERY>INVENTORY</QUERY>{content}</REQUEST>".encode())
    assert req.deviceid == DEVICEID


def test_deviceid_whitespace_is_stripped() -> None:
    body = f"<REQUEST><DEVICEID>\n  {DEVICEID}\n</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>"
    assert parse_request(body.encode()).deviceid == DEVICEID


def test_missing_deviceid() -> None:
    with pytest.raises(EnvelopeError, match="no DEVICEID") as info:
        parse_request(hostile.missing_deviceid())
    assert info.value.code == "envelope.deviceid_missing"


@pytest.mark.parametrize(
    "deviceid",
    [
        "evil; DROP TABLE hardware",
        "PC042-2024-03-01-09-15",
        "-2024-03-01-09-15-02",
        "PC042-2024-03-01-09-15-02x",
        "PC042-\uff12\uff10\uff12\uff14-03-01-09-15-02",  # full-width digits
        "x" * 240 + "-2024-03-01-09-15-02",  # valid shape, longer than the column
    ],
)
def test_malformed_deviceid(deviceid: str) -> None:
    with pytest.raises(EnvelopeError, match="is malformed; expected <hostname>-YYYY") as info:
        parse_request(hostile.request(deviceid=deviceid))
    assert info.value.code == "envelope.deviceid_invalid"


def test_hostile_malformed_deviceid_message_quotes_the_value() -> None:
    with pytest.raises(EnvelopeError, match="DEVICEID 'evil; DROP TABLE hardware' is malformed"):
        parse_request(hostile.malformed_deviceid())


def test_update_query_skips_the_deviceid_check() -> None:
    req = parse_request(b"<REQUEST><QUERY>update</QUERY><DEVICEID>old agent</DEVICEID></REQUEST>")
    assert (req.query, req.deviceid) == ("UPDATE", "old agent")


def test_deviceid_check_can_be_disabled() -> None:
    req = parse_request(hostile.missing_deviceid(), require_deviceid=False)
    assert req.deviceid == ""
    assert req.query == "INVENTORY"


@pytest.mark.parametrize(
    "body",
    [
        hostile.missing_query(),
        f"<REQUEST><QUERY> </QUERY><DEVICEID>{DEVICEID}</DEVICEID></REQUEST>",
    ],
    ids=["absent", "blank"],
)
def test_missing_query(body: bytes | str) -> None:
    raw = body.encode() if isinstance(body, str) else body
    with pytest.raises(EnvelopeError, match="no QUERY") as info:
        parse_request(raw)
    assert info.value.code == "envelope.query_missing"


def test_wrong_root() -> None:
    with pytest.raises(EnvelopeError, match="root element is <REPLY>") as info:
        parse_request(hostile.wrong_root())
    assert info.value.code == "envelope.root"


def test_deviceid_regex() -> None:
    assert DEVICEID_RE.match("my-host.example.org-2024-12-31-23-59-59")
    assert DEVICEID_RE.match("a-b-c-2024-12-31-23-59-59")
    assert not DEVICEID_RE.match("host-2024-12-31-23-59")
    assert not DEVICEID_RE.match("host\n-2024-12-31-23-59-59")
