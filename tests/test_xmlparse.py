"""Hardened XML parsing: no DTDs, strict encodings, limits, and errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocs_desktop.protocol import EncodingError, Limits, XmlError, decode_body, parse_xml
from tests.support import hostile

DATA = Path(__file__).parent / "data"
SAMPLE = (DATA / "ocsinventory-agent-sent-inventory-first.xml").read_bytes()


def doc(body: str, encoding: str | None = "UTF-8", codec: str = "utf-8") -> bytes:
    decl = f'<?xml version="1.0" encoding="{encoding}"?>\n' if encoding else ""
    return (decl + body).encode(codec)


def test_sample_parses() -> None:
    root = parse_xml(SAMPLE)
    assert root.tag == "REQUEST"
    assert len(root.findall("CONTENT/SOFTWARES")) == 899
    assert root.findtext("DEVICEID") == "vm-2026-11-25-08-13-43"


@pytest.mark.parametrize(
    "body",
    [
        hostile.billion_laughs(),
        hostile.external_entity_file(),
        hostile.external_entity_http(),
        hostile.external_dtd(),
        hostile.doctype_in_utf16(),
        hostile.html_page(),
        doc("<!-- a <comment> --><?pi x?>\n<!doctype REQUEST><REQUEST/>"),
    ],
    ids=["laughs", "xxe-file", "xxe-http", "external-dtd", "utf16", "html", "lowercase-late"],
)
def test_doctype_is_refused(body: bytes) -> None:
    with pytest.raises(XmlError, match=r"DOCTYPE declaration was found at line \d+.*XXE") as info:
        parse_xml(body)
    assert info.value.code == "xml.doctype"


def test_entity_declaration_without_doctype_is_refused() -> None:
    with pytest.raises(XmlError, match="ENTITY declaration was found at line 2") as info:
        parse_xml(doc('<!ENTITY x SYSTEM "file:///etc/passwd"><REQUEST>&x;</REQUEST>'))
    assert info.value.code == "xml.doctype"


def test_other_markup_declaration_before_root_is_refused() -> None:
    with pytest.raises(XmlError, match="unexpected markup declaration") as info:
        parse_xml(doc("<![CDATA[x]]><REQUEST/>"))
    assert info.value.code == "xml.doctype"


def test_doctype_text_inside_values_is_harmless() -> None:
    root = parse_xml(doc("<REQUEST><NAME>&lt;!DOCTYPE x&gt;</NAME><!-- <!DOCTYPE --></REQUEST>"))
    assert root.findtext("NAME") == "<!DOCTYPE x>"


def test_undeclared_entity_is_malformed() -> None:
    with pytest.raises(XmlError, match=r"Entity 'xxe' not defined, line 2") as info:
        parse_xml(hostile.undeclared_entity())
    assert info.value.code == "xml.malformed"


def test_control_character_reports_the_line() -> None:
    with pytest.raises(XmlError, match=r"malformed XML: .*invalid Char value 1, line 3") as info:
        parse_xml(hostile.control_character())
    assert info.value.code == "xml.malformed"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (doc("<REQUEST><A></B></REQUEST>"), "mismatch"),
        (doc("<REQUEST/><REQUEST/>"), "Extra content"),
        (doc("just text"), "Start tag expected"),
        (b"", "empty"),
    ],
)
def test_malformed(body: bytes, fragment: str) -> None:
    with pytest.raises(XmlError, match=fragment) as info:
        parse_xml(body)
    assert info.value.code == "xml.malformed"


@pytest.mark.parametrize("encoding", ["UTF-8", "ISO-8859-1", None])
def test_line_numbers_match_the_original(encoding: str | None) -> None:
    body = doc("<REQUEST>\n<A>\n</B></REQUEST>", encoding, "latin-1")
    line = 4 if encoding else 3
    with pytest.raises(XmlError, match=f"line {line}"):
        parse_xml(body)


def test_comments_and_pis_are_dropped_but_blank_values_kept() -> None:
    root = parse_xml(doc("<REQUEST><!-- c --><?pi x?><NAME> </NAME><X/></REQUEST>"))
    assert [child.tag for child in root] == ["NAME", "X"]
    assert root[0].text == " "


def test_iso_8859_1_declared() -> None:
    root = parse_xml(doc("<R><N>Société Générale ÿ</N></R>", "ISO-8859-1", "latin-1"))
    assert root.findtext("N") == "Société Générale ÿ"


def test_windows_1252_declared_decodes_euro() -> None:
    body = doc("<R><N>Prix : 10 € \u2013 Œuvre</N></R>", "Windows-1252", "cp1252")
    assert b"\x80" in body
    assert parse_xml(body).findtext("N") == "Prix : 10 € \u2013 Œuvre"


def test_the_declared_encoding_is_honoured_not_guessed() -> None:
    body = doc("<R><N>\x80</N></R>", "ISO-8859-1", "latin-1")  # 0x80 is a C1 control here
    assert parse_xml(body).findtext("N") == "\x80"
    single_quoted = body.replace(b'"ISO-8859-1"', b"'windows-1252'")
    assert parse_xml(single_quoted).findtext("N") == "€"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<R><N>Ærø \u2013 東京</N></R>'
    body = text.encode(codec) if codec == "utf-16" else ("\ufeff" + text).encode(codec)
    assert parse_xml(body).findtext("N") == "Ærø \u2013 東京"


def test_utf8_bom_with_declaration() -> None:
    assert parse_xml(b"\xef\xbb\xbf" + doc("<R><N>é</N></R>")).findtext("N") == "é"


def test_plain_body_with_leading_whitespace() -> None:
    body = b"\n  " + doc("<R/>")
    assert parse_xml(decode_body(body).xml).tag == "R"


def test_latin1_bytes_declared_utf8() -> None:
    body = hostile.latin1_declared_utf8()
    offset = body.index(b"\xe9")
    with pytest.raises(EncodingError) as info:
        parse_xml(body)
    assert info.value.code == "encoding.invalid_bytes"
    assert str(info.value).startswith(f"byte offset {offset} (line 2) is not valid for the")
    assert "declared encoding 'UTF-8'" in str(info.value)


def test_latin1_bytes_without_declaration() -> None:
    with pytest.raises(EncodingError, match=r"byte offset 6 \(line 1\).*no encoding is declared"):
        parse_xml("<R><N>é</N></R>".encode("latin-1"))


def test_bytes_undefined_in_windows_1252() -> None:
    body = doc("<R><N>@</N></R>", "windows-1252").replace(b"@", b"\x81")
    offset = body.index(b"\x81")
    with pytest.raises(EncodingError, match=rf"byte offset {offset} \(line 2\)"):
        parse_xml(body)


def test_invalid_utf16() -> None:
    body = "<R>x</R>".encode("utf-16-le")[:-1]  # odd length
    with pytest.raises(EncodingError, match="is not valid utf-16-le") as info:
        parse_xml(b"\xff\xfe" + body)
    assert info.value.code == "encoding.invalid_bytes"


@pytest.mark.parametrize(
    "body",
    [
        hostile.unknown_encoding(),
        hostile.utf7_encoding(),
        doc("<R/>", "base64"),
        doc("<R/>", "cp037"),
        doc("<R/>", "unicode_escape"),
        doc("<R/>", "UTF-16"),  # no BOM: cannot be UTF-16
    ],
    ids=["unknown", "utf7", "base64", "ebcdic", "unicode-escape", "utf16-no-bom"],
)
def test_unknown_or_unsafe_encoding(body: bytes) -> None:
    with pytest.raises(EncodingError, match=r"declares encoding .* unknown") as info:
        parse_xml(body)
    assert info.value.code == "encoding.unknown"


def elements(count: int) -> bytes:
    return doc("<R>" + "<A/>" * (count - 1) + "</R>")


def test_element_limit_is_exact() -> None:
    limits = Limits(max_elements=50)
    assert len(parse_xml(elements(50), limits)) == 49
    with pytest.raises(XmlError, match="more than 50 elements") as info:
        parse_xml(elements(51), limits)
    assert info.value.code == "xml.too_many_elements"


def test_element_limit_with_markup_in_comments() -> None:
    limits = Limits(max_elements=10)
    noisy = doc("<R><!--" + "<A/>" * 100 + "--><A/><![CDATA[<<<<<<]]></R>")
    root = parse_xml(noisy, limits)  # R and one A: the counter must look past the comment
    assert [child.tag for child in root] == ["A"]
    assert root[0].tail == "<<<<<<"
    too_many = noisy.replace(b"<A/><![CDATA", b"<A/>" * 10 + b"<![CDATA")
    with pytest.raises(XmlError, match="more than 10 elements"):
        parse_xml(too_many, limits)


def test_too_many_elements_with_default_limits() -> None:
    body = decode_body(hostile.too_many_elements()).xml
    with pytest.raises(XmlError, match="more than 2000000 elements") as info:
        parse_xml(body)
    assert info.value.code == "xml.too_many_elements"


def nested(depth: int) -> bytes:
    return doc("<A>" * depth + "</A>" * depth)


def test_depth_limit_is_exact() -> None:
    assert parse_xml(nested(32)).tag == "A"
    with pytest.raises(XmlError, match="<A> at line 2 is nested 33 levels deep; the limit is 32"):
        parse_xml(nested(33))


def test_hostile_deep_nesting() -> None:
    body = decode_body(hostile.deep_nesting()).xml
    with pytest.raises(XmlError, match="nested 33 levels deep") as info:
        parse_xml(body)
    assert info.value.code == "xml.too_deep"


def test_nesting_past_libxml2s_own_limit() -> None:
    with pytest.raises(XmlError, match="nested deeper than the limit of 32") as info:
        parse_xml(nested(5000))
    assert info.value.code == "xml.too_deep"


def test_value_limit_is_exact_for_text_and_attributes() -> None:
    limits = Limits(max_value_chars=200)
    ok = doc(f'<R a="{"x" * 200}"><N>{"é" * 200}</N></R>')
    assert parse_xml(ok, limits).findtext("N") == "é" * 200
    with pytest.raises(XmlError, match="text of <N> at line 2 is 201 characters long") as info:
        parse_xml(doc(f"<R><N>{'é' * 201}</N></R>"), limits)
    assert info.value.code == "xml.value_too_long"
    with pytest.raises(XmlError, match="attribute a of <R> at line 2 is 201 characters"):
        parse_xml(doc(f'<R a="{"x" * 201}"/>'), limits)


def test_value_over_the_default_limit() -> None:
    size = 2 * 1024 * 1024
    with pytest.raises(XmlError, match=f"is {size} characters long; the limit is 1048576"):
        parse_xml(doc(f"<R><N>{'A' * size}</N></R>"))


def test_hostile_50mb_text_node() -> None:
    body = decode_body(hostile.huge_text_node()).xml
    assert len(body) > 50_000_000
    with pytest.raises(XmlError, match="longer than the limit of 1048576 characters") as info:
        parse_xml(body)
    assert info.value.code == "xml.value_too_long"
