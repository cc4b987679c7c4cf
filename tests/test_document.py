"""The typed inventory, on real agent samples, on crafted documents and on hostile bodies."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, Table, types

from ocs_desktop.inventory.coerce import RowShaper, parse_datetime
from ocs_desktop.protocol import (
    Compression,
    EncodingError,
    EnvelopeError,
    InventoryError,
    PayloadError,
    XmlError,
    inventory_from_request,
    parse_inventory,
    parse_request,
)
from ocs_desktop.protocol.document import Sections
from tests.support import hostile

DATA = Path(__file__).parent / "data"
FIRST = (DATA / "ocsinventory-agent-sent-inventory-first.xml").read_bytes()
UPDATE = (DATA / "ocsinventory-agent-sent-inventory-update.xml").read_bytes()
LOCAL = (DATA / "ocsinventory-agent-local.ocs").read_bytes()
DEVICEID = "PC042-2024-03-01-09-15-02"


def inventory_xml(content: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST><CONTENT>'
        f"<HARDWARE><NAME>pc</NAME></HARDWARE>{content}</CONTENT>"
        f"<DEVICEID>{DEVICEID}</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"
    ).encode()


@pytest.mark.parametrize(
    ("body", "deviceid", "checksum"),
    [
        (zlib.compress(FIRST), "vm-2026-11-25-08-13-43", 1572863),
        (gzip.compress(UPDATE), "vm-2026-11-25-08-13-43", 513),
        (b"\xef\xbb\xbf" + LOCAL, "vm-2026-11-25-08-11-36", 1572863),
        (zlib.compress(LOCAL), "vm-2026-11-25-08-11-36", 1572863),
    ],
    ids=["first-zlib", "update-gzip", "local-plain-bom", "local-zlib"],
)
def test_real_samples(body: bytes, deviceid: str, checksum: int) -> None:
    inv = parse_inventory(body)
    assert inv.deviceid == deviceid
    assert inv.checksum == checksum
    assert inv.hardware["CHECKSUM"] == str(checksum)
    assert inv.hardware["NAME"] == "vm"
    assert inv.hardware["OSNAME"] == "Debian GNU/Linux 12"
    assert inv.hardware["LASTLOGGEDUSER"] is None  # sent as an empty element
    assert len(inv.sections["SOFTWARES"]) == 899
    assert len(inv.sections["NETWORKS"]) == 4
    assert len(inv.sections["CPUS"]) == 1  # sent once, still a list
    assert "BIOS" not in inv.sections  # <BIOS>\n</BIOS> gives no row...
    assert "BIOS" in inv.present_sections  # ...but we know it was sent
    assert "HARDWARE" not in inv.sections
    assert inv.accountinfo == []
    assert inv.old_deviceid is None
    assert inv.ipdiscover == []


def test_sample_rows_are_complete() -> None:
    inv = parse_inventory(zlib.compress(FIRST))
    magic = next(s for s in inv.sections["SOFTWARES"] if s["NAME"] == "file")
    assert magic["COMMENTS"] == 'Recognize the type of data in a file using "magic" numbers'
    assert inv.sections["NETWORKS"][0]["MACADDR"] == "d6:be:b4:ff:5a:58"
    assert inv.sections["STORAGES"][1] == {"NAME": "zram0", "TYPE": "disk"}
    assert "DOWNLOAD" not in inv.sections  # nested: handled separately
    assert inv.download_history == []  # empty <HISTORY>


def test_compression_is_reported_for_the_reply() -> None:
    assert parse_request(gzip.compress(FIRST)).compression is Compression.GZIP
    assert parse_request(LOCAL).compression is Compression.PLAIN


def digest(sections: object, tag: str) -> str:
    assert isinstance(sections, Sections)
    return sections.digest(tag)


def test_sections_read_on_demand_and_their_digests() -> None:
    body = inventory_xml(
        "<CPUS><CORES>4</CORES></CPUS>\n  <SOFTWARES><NAME>a</NAME></SOFTWARES>"
        "<SOFTWARES><NAME>b</NAME><VERSION>1</VERSION></SOFTWARES><BIOS>\n</BIOS>"
    )
    inv = parse_inventory(body)
    sections = inv.sections
    assert isinstance(sections, Sections)
    # The same mapping as before it was lazy: sections with rows only, BIOS is empty.
    assert dict(sections) == {
        "CPUS": [{"CORES": "4"}],
        "SOFTWARES": [{"NAME": "a"}, {"NAME": "b", "VERSION": "1"}],
    }
    assert sections == dict(sections) and len(sections) == 2
    assert "BIOS" not in sections and "BIOS" in inv.present_sections
    assert sections.get("MEMORIES") is None
    # Digests: equal for the same elements (whitespace between them aside), different as
    # soon as a value or the order changes, the same for absent and empty.
    same = parse_inventory(body.replace(b"</CPUS>\n  ", b"</CPUS>"))
    assert digest(same.sections, "SOFTWARES") == digest(sections, "SOFTWARES")
    for changed in (
        body.replace(b"<VERSION>1<", b"<VERSION>2<"),
        body.replace(b"<NAME>a</NAME>", b"<NAME>a</NAME><X/>"),
        body.replace(
            b"<NAME>a</NAME></SOFTWARES><SOFTWARES><NAME>b</NAME>",
            b"<NAME>b</NAME></SOFTWARES><SOFTWARES><NAME>a</NAME>",
        ),
    ):
        other = parse_inventory(changed).sections
        assert digest(other, "SOFTWARES") != digest(sections, "SOFTWARES")
        assert digest(other, "CPUS") == digest(sections, "CPUS")
    assert digest(sections, "MEMORIES") == digest(parse_inventory(inventory_xml("")).sections, "X")


def test_empty_values_become_none() -> None:
    inv = parse_inventory(
        inventory_xml(
            "<BIOS><A></A><B>??</B><C>N/A</C><D> NA </D><E>n/a</E><F>  a  b </F><G/>"
            "<H>NAME</H><I>0</I></BIOS>"
        )
    )
    assert inv.sections["BIOS"] == [
        {
            "A": None,
            "B": None,
            "C": None,
            "D": None,
            "E": "n/a",
            "F": "a  b",
            "G": None,
            "H": "NAME",
            "I": "0",
        }
    ]


def test_attribute_and_element_forms_are_equivalent() -> None:
    elements = parse_inventory(
        inventory_xml("<SOFTWARES><NAME>vim</NAME><VERSION>9.0</VERSION></SOFTWARES>")
    )
    attributes = parse_inventory(inventory_xml('<SOFTWARES NAME="vim" VERSION=" 9.0 "/>'))
    mixed = parse_inventory(
        inventory_xml('<SOFTWARES NAME="vim"><VERSION>9.0</VERSION></SOFTWARES>')
    )
    expected = [{"NAME": "vim", "VERSION": "9.0"}]
    assert elements.sections["SOFTWARES"] == attributes.sections["SOFTWARES"] == expected
    assert mixed.sections["SOFTWARES"] == expected


def test_unknown_sections_and_tags_are_kept_nested_ones_dropped() -> None:
    inv = parse_inventory(
        inventory_xml(
            "<PLUGIN_THING><FOO>1</FOO></PLUGIN_THING><CPUS><CORES>4</CORES><NEWTAG>x</NEWTAG>"
            "</CPUS><WEIRD><ROW><X>1</X></ROW></WEIRD>"
        )
    )
    assert inv.sections["PLUGIN_THING"] == [{"FOO": "1"}]
    assert inv.sections["CPUS"] == [{"CORES": "4", "NEWTAG": "x"}]
    assert "WEIRD" not in inv.sections
    assert "WEIRD" in inv.present_sections


def test_row_fields_in_order_repeats_and_nested_rows() -> None:
    inv = parse_inventory(
        inventory_xml(
            '<CPUS B=" b " A=""><C>\u00a0c\u2003</C><B>2</B><D><![CDATA[ d&e ]]></D>'
            "<E>x&#13;</E></CPUS><CPUS><N><X>1</X></N></CPUS><CPUS><Z/></CPUS>"
        )
    )
    row = {"B": "2", "A": None, "C": "c", "D": "d&e", "E": "x"}
    assert inv.sections["CPUS"] == [row, {"Z": None}]  # the nested row is dropped
    assert list(inv.sections["CPUS"][0]) == list(row)  # attributes first, repeats keep place


#: (element, its values of ELEMENT_FIELDS): each a case of ``Sections.element_values``.
ELEMENT_VALUES = [
    ("<SOFTWARES><NAME> vim </NAME><FROM>deb</FROM><VERSION>9.0</VERSION></SOFTWARES>",
     ["vim", "9.0", None, None]),
    ('<SOFTWARES NAME="emacs"/>', ["emacs", None, None, None]),  # an attribute is a field
    ('<SOFTWARES NAME="a" VERSION="??"><NAME>b</NAME><NAME>c</NAME></SOFTWARES>',
     ["c", None, None, None]),  # children after attributes, the last repeat wins
    ('<SOFTWARES NAME=" ?? " PUBLISHER="" VERSION=" x "/>', [None, "x", None, None]),
    ("<SOFTWARES/>", None),  # no field at all: no row
    ("<SOFTWARES>\n</SOFTWARES>", None),
    ("<SOFTWARES><FROM>deb</FROM></SOFTWARES>", [None] * 4),  # a row, none of the fields
    ('<SOFTWARES X="1"/>', [None] * 4),
    ('<SOFTWARES NAME="a"><X><Y>1</Y></X></SOFTWARES>', None),  # nested: no row
    ("<SOFTWARES><NAME>a</NAME><X><Y>1</Y></X></SOFTWARES>", None),
    ("<SOFTWARES><X><Y/></X><NAME>a</NAME></SOFTWARES>", None),
    ("<SOFTWARES><A></A><NAME>N/A</NAME><VERSION> NA </VERSION><PUBLISHER>n/a</PUBLISHER>"
     "<GUID/></SOFTWARES>", [None, None, "n/a", None]),
    ("<SOFTWARES><GUID>\u00a0g\u2003</GUID><NAME><![CDATA[ d&e ]]></NAME></SOFTWARES>",
     ["d&e", None, None, "g"]),
]  # fmt: skip
ELEMENT_FIELDS = ("NAME", "VERSION", "PUBLISHER", "GUID")


@pytest.mark.parametrize(("element", "expected"), ELEMENT_VALUES)
def test_element_values_are_what_the_row_gives(element: str, expected: list | None) -> None:
    """The fused reader agrees with the rows of the mapping, field by field."""
    sections = parse_inventory(inventory_xml(element)).sections
    rows = sections.get("SOFTWARES")
    assert (None if rows is None else [rows[0].get(name) for name in ELEMENT_FIELDS]) == expected
    assert sections.element_values("SOFTWARES", ELEMENT_FIELDS) == [expected]


def test_element_values_of_chosen_elements_in_order() -> None:
    sections = parse_inventory(inventory_xml("".join(e for e, _ in ELEMENT_VALUES))).sections
    expected = [values for _, values in ELEMENT_VALUES]
    assert sections.element_values("SOFTWARES", ELEMENT_FIELDS) == expected
    assert sections.element_values("SOFTWARES", ELEMENT_FIELDS, [3, 0, 3]) == [
        expected[3],
        expected[0],
        expected[3],
    ]
    assert sections.element_values("SOFTWARES", ELEMENT_FIELDS, []) == []
    assert sections.element_values("MEMORIES", ELEMENT_FIELDS) == []
    assert sections.element_values("SOFTWARES", ())[:5] == [[], [], [], [], None]
    with pytest.raises(ValueError, match="repeated"):
        sections.element_values("SOFTWARES", ("NAME", "GUID", "NAME"))


def test_hardware_keeps_leaves_and_skips_nested_children() -> None:
    body = inventory_xml("").replace(
        b"<HARDWARE><NAME>pc</NAME></HARDWARE>",
        b'<HARDWARE UUID="u-1"><NAME>pc</NAME><X><Y>1</Y></X><CHECKSUM> 42 </CHECKSUM></HARDWARE>',
    )
    inv = parse_inventory(body)
    assert inv.hardware == {"UUID": "u-1", "NAME": "pc", "CHECKSUM": "42"}
    assert inv.checksum == 42


@pytest.mark.parametrize("value", ["", "abc", "-1", "1.5", "0x10", "٤٢"])
def test_checksum_that_is_not_an_integer(value: str) -> None:
    body = inventory_xml("").replace(b"</NAME>", f"</NAME><CHECKSUM>{value}</CHECKSUM>".encode())
    assert parse_inventory(body).checksum is None


def test_checksum_absent() -> None:
    assert parse_inventory(inventory_xml("")).checksum is None


def test_accountinfo_pairs_in_order() -> None:
    inv = parse_inventory(
        inventory_xml(
            "<ACCOUNTINFO><KEYNAME>TAG</KEYNAME><KEYVALUE> NA </KEYVALUE></ACCOUNTINFO>"
            "<ACCOUNTINFO><KEYNAME>fields_3</KEYNAME><KEYVALUE>Paris</KEYVALUE></ACCOUNTINFO>"
            '<ACCOUNTINFO KEYNAME="fields_4" KEYVALUE=""/>'
            "<ACCOUNTINFO><KEYVALUE>orphan</KEYVALUE></ACCOUNTINFO>"
        )
    )
    assert inv.accountinfo == [("TAG", "NA"), ("fields_3", "Paris"), ("fields_4", None)]
    assert "ACCOUNTINFO" not in inv.sections


def test_download_history_both_forms_in_order_without_duplicates() -> None:
    inv = parse_inventory(
        inventory_xml(
            '<DOWNLOAD><HISTORY><PACKAGE ID="1700000002"/><PACKAGE><ID>1700000001</ID></PACKAGE>'
            '<PACKAGE ID="1700000002"/><PACKAGE ID=""/></HISTORY></DOWNLOAD>'
        )
    )
    assert inv.download_history == ["1700000002", "1700000001"]
    assert inv.old_deviceid is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (f"<OLD_DEVICEID>old-{DEVICEID}</OLD_DEVICEID>", f"old-{DEVICEID}"),
        (
            f"<DOWNLOAD><HISTORY><OLD_DEVICEID>w-{DEVICEID}</OLD_DEVICEID></HISTORY></DOWNLOAD>",
            f"w-{DEVICEID}",
        ),
        (
            f"<DOWNLOAD><HISTORY><OLD_DEVICEID>w-{DEVICEID}</OLD_DEVICEID></HISTORY></DOWNLOAD>"
            f"<OLD_DEVICEID>old-{DEVICEID}</OLD_DEVICEID>",
            f"old-{DEVICEID}",
        ),
        ("<OLD_DEVICEID> </OLD_DEVICEID>", None),
        ("<OLD_DEVICEID/>", None),
        ("<OLD_DEVICEID>first</OLD_DEVICEID><OLD_DEVICEID>second</OLD_DEVICEID>", "first"),
        (
            "<DOWNLOAD><HISTORY><OLD_DEVICEID>first</OLD_DEVICEID>"
            "<OLD_DEVICEID>second</OLD_DEVICEID></HISTORY></DOWNLOAD>",
            "first",
        ),
        ("<DOWNLOAD><OTHER><OLD_DEVICEID>stray</OLD_DEVICEID></OTHER></DOWNLOAD>", None),
    ],
    ids=[
        "content",
        "windows-bug-location",
        "content-wins",
        "blank",
        "self-closing",
        "first-of-two",
        "first-of-two-in-history",
        "only-in-history",
    ],
)
def test_old_deviceid(content: str, expected: str | None) -> None:
    inv = parse_inventory(inventory_xml(content))
    assert inv.old_deviceid == expected
    assert "OLD_DEVICEID" not in inv.sections


def test_ipdiscover_entries() -> None:
    inv = parse_inventory(
        inventory_xml(
            "<IPDISCOVER><H><I>192.168.1.10</I><M>00:11:22:33:44:55</M><N>printer</N></H>"
            "<H><I>192.168.1.11</I><M>00:11:22:33:44:56</M><N>-</N></H></IPDISCOVER>"
            '<IPDISCOVER><H I="192.168.1.12" M="00:11:22:33:44:57"/></IPDISCOVER>'
        )
    )
    assert inv.ipdiscover == [
        {"I": "192.168.1.10", "M": "00:11:22:33:44:55", "N": "printer"},
        {"I": "192.168.1.11", "M": "00:11:22:33:44:56", "N": "-"},
        {"I": "192.168.1.12", "M": "00:11:22:33:44:57", "N": None},
    ]
    assert "IPDISCOVER" not in inv.sections


def test_encoded_inventory_values() -> None:
    body = inventory_xml("<SOFTWARES><NAME>Éditeur 10 €</NAME></SOFTWARES>")
    latin = body.decode().replace("UTF-8", "windows-1252").encode("cp1252")
    assert parse_inventory(latin).sections["SOFTWARES"][0]["NAME"] == "Éditeur 10 €"


def test_not_an_inventory_query() -> None:
    prolog = f"<REQUEST><DEVICEID>{DEVICEID}</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>"
    with pytest.raises(EnvelopeError, match="QUERY is 'PROLOG'") as info:
        parse_inventory(prolog.encode())
    assert info.value.code == "envelope.not_inventory"


def test_no_content() -> None:
    body = f"<REQUEST><DEVICEID>{DEVICEID}</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"
    with pytest.raises(EnvelopeError, match="no CONTENT") as info:
        inventory_from_request(parse_request(body.encode()))
    assert info.value.code == "envelope.content_missing"


def test_no_hardware() -> None:
    body = inventory_xml("").replace(b"<HARDWARE><NAME>pc</NAME></HARDWARE>", b"<BIOS/>")
    with pytest.raises(EnvelopeError, match="no HARDWARE section") as info:
        parse_inventory(body)
    assert info.value.code == "envelope.hardware_missing"


HOSTILE: list[tuple[Callable[[], bytes], type[InventoryError], str, str]] = [
    (hostile.billion_laughs, XmlError, "xml.doctype", "DOCTYPE declaration was found"),
    (hostile.external_entity_file, XmlError, "xml.doctype", "XXE protection"),
    (hostile.external_entity_http, XmlError, "xml.doctype", "XXE protection"),
    (hostile.external_dtd, XmlError, "xml.doctype", "DTDs and entity declarations are refused"),
    (hostile.doctype_in_utf16, XmlError, "xml.doctype", "DOCTYPE declaration was found"),
    (hostile.undeclared_entity, XmlError, "xml.malformed", "Entity 'xxe' not defined"),
    (hostile.zlib_bomb, PayloadError, "payload.bomb", "refused as a decompression bomb"),
    (hostile.truncated_zlib, PayloadError, "payload.truncated", "zlib stream is truncated"),
    (hostile.corrupt_zlib, PayloadError, "payload.corrupt", "zlib stream is corrupt"),
    (hostile.corrupt_gzip, PayloadError, "payload.corrupt", "gzip stream is corrupt"),
    (hostile.latin1_declared_utf8, EncodingError, "encoding.invalid_bytes", "byte offset"),
    (hostile.unknown_encoding, EncodingError, "encoding.unknown", "'X-EVIL-42', which is unkno"),
    (hostile.utf7_encoding, EncodingError, "encoding.unknown", "'UTF-7', which is unknown"),
    (hostile.huge_text_node, XmlError, "xml.value_too_long", "value is longer than the limit"),
    (hostile.control_character, XmlError, "xml.malformed", "invalid Char value 1, line 3"),
    (hostile.missing_deviceid, EnvelopeError, "envelope.deviceid_missing", "no DEVICEID"),
    (hostile.malformed_deviceid, EnvelopeError, "envelope.deviceid_invalid", "is malformed"),
    (hostile.missing_query, EnvelopeError, "envelope.query_missing", "no QUERY"),
    (hostile.wrong_root, EnvelopeError, "envelope.root", "root element is <REPLY>"),
    (hostile.random_bytes, PayloadError, "payload.not_xml", "neither zlib, gzip nor XML"),
    (hostile.html_page, XmlError, "xml.doctype", "DOCTYPE declaration was found at line 1"),
    (hostile.json_body, PayloadError, "payload.not_xml", "neither zlib, gzip nor XML"),
    (hostile.empty_body, PayloadError, "payload.empty", "the request body is empty"),
    (hostile.too_many_elements, XmlError, "xml.too_many_elements", "more than 2000000 elements"),
    (hostile.deep_nesting, XmlError, "xml.too_deep", "nested 33 levels deep; the limit is 32"),
]


@pytest.mark.parametrize(
    ("build", "error", "code", "message"), HOSTILE, ids=[h[0].__name__ for h in HOSTILE]
)
def test_hostile_body_is_refused(
    build: Callable[[], bytes], error: type[InventoryError], code: str, message: str
) -> None:
    with pytest.raises(InventoryError) as info:
        parse_inventory(build())
    assert type(info.value) is error
    assert info.value.code == code
    assert message in str(info.value)
    assert str(info.value) == info.value.message
    assert len(str(info.value)) < 400  # readable in a log line, never a dump of the body


def test_every_hostile_builder_is_covered() -> None:
    assert {h[0] for h in HOSTILE} == set(hostile.ALL)


def test_parsing_in_threads_gives_the_same_result() -> None:
    bodies = [zlib.compress(FIRST), gzip.compress(UPDATE), LOCAL] * 4
    expected = [parse_inventory(body) for body in bodies]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(parse_inventory, bodies)) == expected


# -- shaping parsed rows for their columns (coerce.RowShaper) -------------------------------

SHAPED_VALUES = [
    None, "", " 42 ", "-7", "2,5", "1e5", "99999999999", "1024 MB", "abc", "NA",
    "2024/05/01 10:00:00", "2024-02-30", "2024-05-01" + " " * 80,  # past the date memo length
    "x" * 300, "y" * 20000, "é" * 300, "a\U0001f600b", "\U0001f600" * 17000, "é" * 40000,
]  # fmt: skip


ODD_NAME = 'it\'s "odd"\n'  # column names enter generated code


def shaping_table() -> Table:
    return Table(
        "shaped",
        MetaData(),
        *(
            Column(name, kind)
            for name, kind in [
                ("I", types.Integer()), ("SI", types.SmallInteger()), ("S10", types.String(10)),
                ("S", types.String()), ("T", types.Text()), ("D", types.Numeric(12, 4)),
                ("F", types.Float()), ("DT", types.DateTime()), ("DA", types.Date()),
                (ODD_NAME, types.String(20)),
            ]
        ),
    )  # fmt: skip


@pytest.mark.parametrize("driver_values", ["", "sqlite"])
@pytest.mark.parametrize("bmp_only", [True, False])
def test_row_shaper_gives_what_its_coercers_give(bmp_only: bool, driver_values: str) -> None:
    """``shape`` is generated with the string fast path inlined: it must agree with the
    coercers applied one by one, with and without fallbacks."""
    table = shaping_table()
    names = [c.name for c in table.columns]
    shaper = RowShaper(table, names, bmp_only=bmp_only, driver_values=driver_values)
    fallbacks = {"I": "7", "S10": "fallback", ODD_NAME: "odd"}
    for value in SHAPED_VALUES:
        row = dict.fromkeys(names, value)
        assert shaper.shape(row) == tuple(shaper.coercer(n)(value) for n in names)
        assert shaper.shape(row, fallbacks=fallbacks) == tuple(
            shaper.coercer(n)(value or fallbacks.get(n)) for n in names
        )
    assert shaper.shape({}) == (None,) * len(names)
    assert shaper.columns == tuple(names)
    for value in SHAPED_VALUES:  # by position, anything after the columns ignored
        values = [value] * len(names) + ["ignored"]
        assert shaper.shape_values(values) == shaper.shape(dict.fromkeys(names, value))
    assert shaper.shape_values([None] * len(names)) == (None,) * len(names)


def test_row_shaper_values() -> None:
    table = shaping_table()
    shaper = RowShaper(table, ["S10", "I", "DT", ODD_NAME], bmp_only=True)
    row = {"S10": "a\U0001f600" + "b" * 20, "I": " 42 ", "DT": "2024/05/01 10:00:00"}
    assert shaper.shape(row) == ("a\ufffdbbbbbbbb", 42, parse_datetime("2024-05-01 10:00"), None)
    assert shaper.shape_values([row.get(name) for name in shaper.columns]) == shaper.shape(row)
    empties = RowShaper(table, ["S10", "I", "DT"], bmp_only=True, empties={"S10": "", "I": "0"})
    assert empties.shape_values([None, "x", None]) == empties.shape({"I": "x"}) == ("", 0, None)
    sqlite = RowShaper(table, ["DT", "DA"], bmp_only=True, driver_values="sqlite")
    assert sqlite.shape({"DT": "2024/05/01 10:00", "DA": "2024-05-01 " + "x" * 80}) == (
        "2024-05-01 10:00:00.000000",
        "2024-05-01",
    )


def test_only_history_packages_are_read() -> None:
    inv = parse_inventory(
        inventory_xml(
            '<DOWNLOAD><OTHER><PACKAGE ID="1700000003"/></OTHER>'
            '<HISTORY><PACKAGE ID="1700000004"/></HISTORY></DOWNLOAD>'
        )
    )
    assert inv.download_history == ["1700000004"]


def test_accountinfo_value_as_an_attribute() -> None:
    inv = parse_inventory(inventory_xml('<ACCOUNTINFO KEYNAME="fields_5" KEYVALUE=" Lyon "/>'))
    assert inv.accountinfo == [("fields_5", "Lyon")]


def test_digests_are_stable_across_versions() -> None:
    """Stored digests and row maps compare with these: a change in how keys or digests
    are made would send every known machine down the full comparison once, and mark
    every section changed. Stray text between elements is not part of an element."""
    body = inventory_xml(
        "<SOFTWARES><NAME>a</NAME></SOFTWARES>"
        "<SOFTWARES><NAME>b</NAME><VERSION>1</VERSION></SOFTWARES>"
    )
    for variant in (body, body.replace(b"</SOFTWARES><SOFTWARES>", b"</SOFTWARES>x<SOFTWARES>")):
        sections = parse_inventory(variant).sections
        assert sections.element_keys("SOFTWARES") == ["20aa622e9ead02d9", "0106d1eba19f1c62"]
        assert sections.digest("SOFTWARES") == "a8f100315b216f0e8127236cdec6a5f6"


def test_sections_are_read_once_and_counted_without_reading() -> None:
    sections = parse_inventory(
        inventory_xml("<SOFTWARES><NAME>a</NAME></SOFTWARES><SOFTWARES><NAME>b</NAME></SOFTWARES>")
    ).sections
    assert sections.sent("SOFTWARES") == 2 and sections.sent("CPUS") == 0
    assert sections["SOFTWARES"] is sections["SOFTWARES"]
    assert sections.element_keys("SOFTWARES") is sections.element_keys("SOFTWARES")
    assert repr(sections) == "Sections({'SOFTWARES': [{'NAME': 'a'}, {'NAME': 'b'}]})"


def test_an_inventory_cannot_be_changed_once_read() -> None:
    inv = parse_inventory(inventory_xml(""))
    with pytest.raises(AttributeError):
        inv.deviceid = "other"  # type: ignore[misc]
    assert not hasattr(inv, "__dict__")
