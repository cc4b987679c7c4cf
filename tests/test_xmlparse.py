"""Hardened XML parsing: no DTDs, strict encodings, limits, and errors that say where."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from lxml import etree

from ocs_desktop.protocol import EncodingError, Limits, XmlError, decode_body, parse_xml, xmlparse
from tests.support import hostile
from tests.support.threads import returns_within

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
        doc('<?pi x?><!DOCTYPE R SYSTEM "file:///etc/passwd"><R/>'),
        doc('<!-- c --><!DOCTYPE R SYSTEM "file:///etc/passwd"><R/>'),
    ],
    ids=[
        "laughs",
        "xxe-file",
        "xxe-http",
        "external-dtd",
        "utf16",
        "html",
        "lowercase-late",
        "right-after-a-pi",
        "right-after-a-comment",
    ],
)
def test_doctype_is_refused(body: bytes) -> None:
    with pytest.raises(XmlError, match=r"DOCTYPE declaration was found at line \d+.*XXE") as info:
        parse_xml(body)
    assert info.value.code == "xml.doctype"


DTD = '<!DOCTYPE R SYSTEM "file:///etc/passwd">'


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (doc("<?pi a <!DOCTYPE R> inside a PI ?><R/>"), None),
        (doc("<!-- a <!DOCTYPE R> inside a comment --><R/>"), None),
        (doc(f"<??>{DTD}<R/>"), "xml.doctype"),  # "<??>" is closed by its own "?>"
        (doc(f"<!---->{DTD}<!-- --><R/>"), "xml.doctype"),  # so is the empty comment
        (doc(f"<?>{DTD}<R/>"), "xml.malformed"),  # "<?>" is not: "?>" follows "<?"
        (doc(f"<!--->{DTD}<R/>"), "xml.malformed"),  # nor is "<!--->"
    ],
    ids=[
        "in-pi",
        "in-comment",
        "empty-pi",
        "empty-comment",
        "pi-never-closed",
        "comment-never-closed",
    ],
)
def test_the_precheck_ends_pis_and_comments_where_xml_does(body: bytes, code: str | None) -> None:
    error = returns_within(10, lambda: parse_xml(body))
    assert getattr(error, "code", None) == code, error


def test_entity_declaration_without_doctype_is_refused() -> None:
    with pytest.raises(XmlError, match="ENTITY declaration was found at line 2") as info:
        parse_xml(doc('<!ENTITY x SYSTEM "file:///etc/passwd"><REQUEST>&x;</REQUEST>'))
    assert info.value.code == "xml.doctype"


def test_other_markup_declaration_before_root_is_refused() -> None:
    with pytest.raises(XmlError, match=r"declaration b'<!\[CDATA\[' was found before") as info:
        parse_xml(doc("<![CDATA[x]]><REQUEST/>"))
    assert info.value.code == "xml.doctype"


def test_doctype_text_inside_values_is_harmless() -> None:
    root = parse_xml(doc("<REQUEST><NAME>&lt;!DOCTYPE x&gt;</NAME><!-- <!DOCTYPE --></REQUEST>"))
    assert root.findtext("NAME") == "<!DOCTYPE x>"


@pytest.mark.parametrize(
    "body",
    [
        hostile.doctype_without_bom("utf-16-le"),
        hostile.doctype_without_bom("utf-16-be"),
        hostile.doctype_without_bom("utf-32-le"),
        hostile.doctype_without_bom("utf-32-be"),
        hostile.doctype_behind_a_second_declaration(),
    ],
    ids=["utf16le", "utf16be", "utf32le", "utf32be", "second-declaration-utf7"],
)
def test_doctype_hidden_by_an_encoding_libxml2_would_guess_is_not_parsed(body: bytes) -> None:
    # These pass the DOCTYPE pre-check (it sees no "<!" byte pair); libxml2 must not then
    # switch to UTF-16/32 or UTF-7 on its own and read the DOCTYPE.
    with pytest.raises(XmlError, match="malformed XML") as info:
        parse_xml(body)
    assert info.value.code == "xml.malformed"


def test_undeclared_entity_is_malformed() -> None:
    with pytest.raises(XmlError, match=r"Entity 'xxe' not defined, line 2") as info:
        parse_xml(hostile.undeclared_entity())
    assert info.value.code == "xml.malformed"


def test_control_character_reports_the_line() -> None:
    with pytest.raises(XmlError, match=r"malformed XML: .*invalid Char value 1, line 3") as info:
        parse_xml(hostile.control_character())
    assert info.value.code == "xml.malformed"


def test_libxml2s_message_becomes_one_tidy_line() -> None:
    with pytest.raises(XmlError) as info:
        parse_xml(b"<R>\x00</R>")  # libxml2 puts a newline before ", line 1"
    assert str(info.value) == (
        "malformed XML: Invalid character: Char 0x0 out of allowed range, line 1, column 4"
    )


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


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (doc("<!-- unterminated"), "Comment not terminated, line 2"),
        (doc("<?pi unterminated"), "PI pi never end"),
        (b" <!-- unterminated <REQUEST/>", "Comment not terminated, line 1"),
        (doc("<!-- ok -->\n<?pi x <REQUEST/>"), "PI pi never end"),
        (doc("<?pi ok?><!-- ok --><!-- unterminated"), "Comment not terminated"),
    ],
    ids=["comment", "pi", "comment-after-space", "pi-after-comment", "comment-after-both"],
)
def test_unterminated_comment_or_pi_is_malformed_not_an_endless_loop(
    body: bytes, message: str
) -> None:
    error = returns_within(10, lambda: parse_xml(body))
    assert isinstance(error, XmlError)
    assert error.code == "xml.malformed"
    assert message in str(error)


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


def test_whitespace_only_text_between_elements_is_dropped() -> None:
    root = parse_xml(doc("<REQUEST>\n  <A>x</A>\n\t<B> </B>\r\n</REQUEST>\n"))
    assert root.text is None
    assert [child.tail for child in root] == [None, None]
    assert etree.tostring(root) == b"<REQUEST><A>x</A><B> </B></REQUEST>"


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


def test_utf8_bom_then_a_blank_line_then_the_declaration() -> None:
    body = b"\xef\xbb\xbf\r\n" + doc("<R><N>é</N></R>")
    assert parse_xml(body).findtext("N") == "é"


def test_utf8_bom_wins_over_the_declared_encoding() -> None:
    body = b"\xef\xbb\xbf" + doc("<R><N>é</N></R>", "ISO-8859-1")
    assert parse_xml(body).findtext("N") == "é"


@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_line_numbers_count_the_newlines_of_a_removed_declaration(codec: str) -> None:
    body = '\n<?xml version="1.0"\n   encoding="UTF-8"?>\n<R>\n</B></R>'.encode(codec)
    with pytest.raises(XmlError, match="line 5"):
        parse_xml(body)


def test_plain_body_with_leading_whitespace() -> None:
    body = b"\n  " + doc("<R/>")
    assert parse_xml(decode_body(body).xml).tag == "R"


def test_latin1_and_utf8_bytes_declared_utf8() -> None:
    body = hostile.latin1_declared_utf8()
    offset = body.index(b"\xe9")
    with pytest.raises(EncodingError) as info:
        parse_xml(body)
    assert info.value.code == "encoding.invalid_bytes"
    assert str(info.value).startswith(f"byte offset {offset} (line 2) is not valid for the")
    assert "declared encoding 'UTF-8'" in str(info.value)


def test_latin1_bytes_behind_a_utf8_bom_are_refused() -> None:
    """The BOM says the bytes are UTF-8: no ISO-8859-1 retry."""
    with pytest.raises(EncodingError, match=r"byte offset 9 \(line 1\).*no encoding is declared"):
        parse_xml(b"\xef\xbb\xbf" + "<R><N>é</N></R>".encode("latin-1"))


def test_invalid_bytes_error_shows_the_line_and_four_bytes() -> None:
    with pytest.raises(EncodingError) as info:
        parse_xml(b"\xef\xbb\xbf\n<R>\xe9t\xe9</R>")
    assert str(info.value) == (
        "byte offset 7 (line 2) is not valid utf-8 (no encoding is declared, so UTF-8 "
        "applies): b'\\xe9t\\xe9<'"
    )


def test_non_ascii_encoding_name_is_unknown() -> None:
    with pytest.raises(EncodingError, match="declares encoding '\ufffd\ufffd'") as info:
        parse_xml(b'<?xml version="1.0" encoding="\xc3\xa9"?><R/>')
    assert info.value.code == "encoding.unknown"


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
    assert str(info.value) == "byte offset 16 (line 1) is not valid utf-16-le: b'>'"


@pytest.mark.parametrize(
    "body",
    [
        hostile.unknown_encoding(),
        hostile.utf7_encoding(),
        doc("<R/>", "base64"),
        doc("<R/>", "cp037"),
        doc("<R/>", "unicode_escape"),
        doc("<R/>", "raw_unicode_escape"),
        doc("<R/>", "idna"),
        doc("<R/>", "UTF-16"),  # no BOM: cannot be UTF-16
    ],
    ids=[
        "unknown",
        "utf7",
        "base64",
        "ebcdic",
        "unicode-escape",
        "raw-unicode-escape",
        "idna",
        "utf16-no-bom",
    ],
)
def test_unknown_or_unsafe_encoding(body: bytes) -> None:
    with pytest.raises(EncodingError, match=r"declares encoding .* unknown") as info:
        parse_xml(body)
    assert info.value.code == "encoding.unknown"


def test_encoding_whose_encoder_is_not_ascii_compatible_is_refused() -> None:
    # UTF-8-SIG decodes ASCII unchanged but encodes it behind a BOM: both must round-trip.
    with pytest.raises(EncodingError, match="declares encoding 'UTF-8-SIG'") as info:
        parse_xml(doc("<R/>", "UTF-8-SIG"))
    assert info.value.code == "encoding.unknown"


# -- the ISO-8859-1 retry of a document that says UTF-8 and is not ----------------------------
DEVICE = "poste-2024-03-01-09-15-02"
FALLBACK_LOGGER = "ocs_desktop.protocol.xmlparse"


def fallbacks(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        r for r in caplog.records if r.name == FALLBACK_LOGGER and "latin1_fallback" in r.message
    ]


def latin1_request(text: str = "Société Générale ÿ", encoding: str | None = "UTF-8") -> bytes:
    body = f"<REQUEST><DEVICEID>{DEVICE}</DEVICEID><N>{text}</N></REQUEST>"
    return doc(body, encoding, "latin-1")


@pytest.mark.parametrize("encoding", ["UTF-8", "utf8", None], ids=["utf-8", "alias", "default"])
def test_latin1_bytes_said_to_be_utf8_are_read_as_iso_8859_1(
    caplog: pytest.LogCaptureFixture, encoding: str | None
) -> None:
    body = latin1_request(encoding=encoding)
    assert parse_xml(body).findtext("N") == "Société Générale ÿ"
    [record] = fallbacks(caplog)
    assert record.levelno == logging.WARNING
    offset = body.index(b"\xe9")
    line = 2 if encoding else 1
    assert record.getMessage() == (
        f"the document of DEVICEID {DEVICE!r} is not UTF-8 although it says so (byte offset "
        f"{offset} (line {line}) is not valid "
        + (f"for the declared encoding {encoding!r}" if encoding else
           "utf-8 (no encoding is declared, so UTF-8 applies)")
        + ": b'\\xe9t\\xe9 '); read as ISO-8859-1, as the OCS server does "
        "(encoding.latin1_fallback)"
    )  # fmt: skip


def test_to_utf8_gives_the_retried_text_as_utf8() -> None:
    assert xmlparse.to_utf8("<R>é</R>".encode("latin-1")) == "<R>é</R>".encode()


@pytest.mark.parametrize(
    "body",
    [
        doc("<REQUEST><N>Société</N></REQUEST>"),
        doc("<REQUEST><N>Société</N></REQUEST>", "ISO-8859-1", "latin-1"),
        b"\xef\xbb\xbf" + doc("<REQUEST><N>Société</N></REQUEST>"),
    ],
    ids=["utf-8", "declared-latin-1", "utf-8-bom"],
)
def test_a_document_read_as_it_says_logs_nothing(
    caplog: pytest.LogCaptureFixture, body: bytes
) -> None:
    assert parse_xml(body).findtext("N") == "Société"
    assert caplog.records == []


@pytest.mark.parametrize(
    ("where", "logged"),
    [
        (f"<DEVICEID>{DEVICE}</DEVICEID>", repr(DEVICE)),
        (f"<DEVICEID>  {DEVICE}\n</DEVICEID>", repr(DEVICE)),
        (f"<CONTENT><DEVICEID>{DEVICE}</DEVICEID></CONTENT>", repr(DEVICE)),
        (f"<DEVICEID> </DEVICEID><CONTENT><DEVICEID>{DEVICE}</DEVICEID></CONTENT>", repr(DEVICE)),
        ("<CONTENT/>", "'-'"),
        ("<DEVICEID>" + "p" * 300 + "</DEVICEID>", "'" + "p" * 119),
    ],
    ids=["element", "spaces", "content", "blank-then-content", "none", "long"],
)
def test_the_warning_names_the_deviceid(
    caplog: pytest.LogCaptureFixture, where: str, logged: str
) -> None:
    parse_xml(doc(f"<REQUEST>{where}<N>é</N></REQUEST>", None, "latin-1"))
    [record] = fallbacks(caplog)
    assert record.getMessage().startswith(f"the document of DEVICEID {logged} is not UTF-8")


def test_the_warning_names_a_deviceid_given_as_an_attribute(
    caplog: pytest.LogCaptureFixture,
) -> None:
    parse_xml(f'<REQUEST DEVICEID="{DEVICE}"><N>é</N></REQUEST>'.encode("latin-1"))
    [record] = fallbacks(caplog)
    assert f"DEVICEID {DEVICE!r} is not UTF-8" in record.getMessage()


@pytest.mark.parametrize(
    "utf8",
    ["ï", "€", "\U0001f600", "\u07ff", "\uffff"],
    ids=["2-bytes", "3-bytes", "4-bytes", "last-2-byte", "last-3-byte"],
)
def test_mixed_encodings_are_refused(caplog: pytest.LogCaptureFixture, utf8: str) -> None:
    """Valid UTF-8 beside invalid bytes: reading it all as ISO-8859-1 would garble the valid
    part, so nothing is stored."""
    body = b"<REQUEST><N>caf\xe9</N><M>" + utf8.encode() + b"</M></REQUEST>"
    with pytest.raises(EncodingError) as info:
        parse_xml(body)
    assert info.value.code == "encoding.invalid_bytes"
    assert str(info.value) == (
        "byte offset 15 (line 1) is not valid utf-8 (no encoding is declared, so UTF-8 "
        "applies): b'\\xe9</N'; nor can it be read as ISO-8859-1, since it also holds valid "
        "UTF-8 (at byte offset 23, line 1): its encodings are mixed"
    )
    assert fallbacks(caplog) == []


def test_mixed_encodings_name_the_line_of_the_valid_utf8() -> None:
    body = doc("<REQUEST>\n<N>Société</N>\n<M>\n€</M></REQUEST>")
    body = body.replace("é".encode(), b"\xe9")
    with pytest.raises(EncodingError, match=r"valid UTF-8 \(at byte offset 68, line 5\)"):
        parse_xml(body)
    with pytest.raises(EncodingError) as info:
        parse_xml(b"\n<R>\xe9 \xc3\xaf</R>")
    assert str(info.value) == (
        "byte offset 4 (line 2) is not valid utf-8 (no encoding is declared, so UTF-8 applies): "
        "b'\\xe9 \\xc3\\xaf'; nor can it be read as ISO-8859-1, since it also holds valid UTF-8 "
        "(at byte offset 6, line 2): its encodings are mixed"
    )


@pytest.mark.parametrize(
    "latin1",
    [b"\xe9 ", b"\xc0\xa9", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xff\xfe"],
    ids=["lone", "overlong-2", "overlong-3", "surrogate", "past-10ffff", "never-utf8"],
)
def test_bytes_that_only_look_like_utf8_are_not_valid_utf8(
    caplog: pytest.LogCaptureFixture, latin1: bytes
) -> None:
    """Sequences UTF-8 forbids are Latin-1 text, not a sign of mixed encodings."""
    root = parse_xml(b"<R><N>" + latin1 + b"</N></R>")
    assert root.findtext("N") == latin1.decode("latin-1")
    assert len(fallbacks(caplog)) == 1


def test_a_retried_document_that_is_not_xml_says_how_it_was_read(
    caplog: pytest.LogCaptureFixture,
) -> None:
    body = b"<\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    with pytest.raises(XmlError) as info:
        parse_xml(body)
    assert info.value.code == "xml.malformed"
    assert str(info.value).startswith("malformed XML: ")
    assert str(info.value).endswith(
        "; read as ISO-8859-1, since byte offset 1 (line 1) is not valid utf-8 (no encoding "
        "is declared, so UTF-8 applies): b'\\x89PNG'"
    )
    assert fallbacks(caplog) == []


def test_a_retried_document_keeps_its_line_numbers() -> None:
    body = doc("<R>\n<N>caf\xe9</N>\n</B></R>", "UTF-8", "latin-1").replace(b'"1.0"', b'"1.0"\n')
    with pytest.raises(XmlError, match="line 5"):
        parse_xml(body)


def test_a_retried_document_is_held_to_the_limits(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(XmlError) as info:
        parse_xml(doc("<R><A><A>é</A></A></R>", None, "latin-1"), Limits(max_depth=2))
    assert info.value.code == "xml.too_deep"
    assert fallbacks(caplog) == []


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


def test_element_limit_is_exact_for_the_smallest_elements() -> None:
    # 11 elements in 47 bytes: the size shortcut must not skip counting them.
    limits = Limits(max_elements=10)
    assert len(parse_xml(b"<R>" + b"<A/>" * 9 + b"</R>", limits)) == 9
    with pytest.raises(XmlError, match="more than 10 elements"):
        parse_xml(b"<R>" + b"<A/>" * 10 + b"</R>", limits)


def with_comments(count: int) -> bytes:
    """``count`` elements, with comments and a PI holding "<" (so a parser has to count)."""
    return doc("<R><!-- <x> <y> --><?pi <z>?>" + "<A/><!-- <c> -->" * (count - 1) + "</R>")


def test_element_limit_is_exact_when_comments_hold_markup() -> None:
    limits = Limits(max_elements=10)
    assert len(parse_xml(with_comments(10), limits)) == 9
    with pytest.raises(XmlError, match="more than 10 elements") as info:
        parse_xml(with_comments(11), limits)
    assert info.value.code == "xml.too_many_elements"


def test_element_limit_with_markup_in_a_pi_only() -> None:
    limits = Limits(max_elements=10)
    body = b"<R><?pi " + b"<" * 20 + b" ?>" + b"<A/>" * 9 + b"</R>"  # no "<!" anywhere
    assert len(parse_xml(body, limits)) == 9
    with pytest.raises(XmlError, match="more than 10 elements"):
        parse_xml(body.replace(b"</R>", b"<A/></R>"), limits)


def test_element_counter_counts_each_start_tag_once() -> None:
    body = with_comments(7)
    assert xmlparse._ElementCounter.count(body, 100) == 7
    assert xmlparse._ElementCounter.count(body, 3) == 4  # stops at the first one over


def test_malformed_document_counted_by_the_parser_is_malformed() -> None:
    body = with_comments(20).replace(b"<A/>", b"<A/ >", 1)  # an error before 10 elements
    with pytest.raises(XmlError, match="error parsing attribute name") as info:
        parse_xml(body, Limits(max_elements=10))
    assert info.value.code == "xml.malformed"


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


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'<R a="' + b"x" * 10_000_001 + b'"/>', "Buffer size limit exceeded"),
        (b"<R><!-- " + b"x" * 10_000_001 + b" --></R>", "Comment too big"),
    ],
    ids=["attribute", "comment"],
)
def test_values_past_libxml2s_own_limit(body: bytes, message: str) -> None:
    with pytest.raises(XmlError, match="longer than the limit of 1048576 characters") as info:
        parse_xml(body)
    assert info.value.code == "xml.value_too_long"
    assert message in str(info.value)


def test_hostile_50mb_text_node() -> None:
    body = decode_body(hostile.huge_text_node()).xml
    assert len(body) > 50_000_000
    with pytest.raises(XmlError, match="longer than the limit of 1048576 characters") as info:
        parse_xml(body)
    assert info.value.code == "xml.value_too_long"


# -- the second XXE safeguard: the parsers themselves, below the DOCTYPE pre-check ----------


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET")
    return path


def test_parser_below_the_precheck_substitutes_no_entity(secret_file: Path) -> None:
    body = (
        f'<!DOCTYPE R [<!ENTITY e "EXPANDED"><!ENTITY x SYSTEM "{secret_file.as_uri()}">]>'
        "<R><A>&e;</A><B>&x;</B></R>"
    ).encode()
    root = etree.fromstring(body, xmlparse._parser())
    assert etree.tostring(root) == b"<R><A>&e;</A><B>&x;</B></R>"


def test_parser_below_the_precheck_never_reads_an_external_dtd(tmp_path: Path) -> None:
    dtd = tmp_path / "broken.dtd"
    dtd.write_text("<!ELEMENT broken")  # a parse error, if it were ever read
    body = f'<!DOCTYPE R SYSTEM "{dtd.as_uri()}"><R><A/></R>'.encode()
    root = etree.fromstring(body, xmlparse._parser())
    assert root.getroottree().docinfo.system_url == dtd.as_uri()
    assert etree.tostring(root) == b"<R><A/></R>"


def test_parser_below_the_precheck_loads_nothing_at_all(tmp_path: Path) -> None:
    """No URL, file or network, is ever asked for: a resolver sees every load attempt."""
    requested: list[str] = []

    class Recorder(etree.Resolver):
        def resolve(self, url: str, pubid: str, context: object) -> None:
            requested.append(url)

    (tmp_path / "x.dtd").write_text('<!ENTITY d "from the DTD">')
    bodies = [
        '<!DOCTYPE R SYSTEM "http://127.0.0.1:9/x.dtd"><R/>',
        f'<!DOCTYPE R SYSTEM "{(tmp_path / "x.dtd").as_uri()}"><R>&d;</R>',
        '<!DOCTYPE R [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><R>&x;</R>',
        '<!DOCTYPE R [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]><R/>',
    ]

    def parse_all() -> None:  # in a new thread, so with a parser of its own
        parser = xmlparse._parser()
        parser.resolvers.add(Recorder())
        for body in bodies:
            etree.fromstring(body.encode(), parser)

    assert returns_within(10, parse_all) is None
    assert requested == []


def test_element_counter_below_the_precheck_substitutes_no_external_entity(
    tmp_path: Path,
) -> None:
    (tmp_path / "elements.xml").write_text("<A/><A/><A/><A/><A/>")
    uri = (tmp_path / "elements.xml").as_uri()
    body = f'<!DOCTYPE R [<!ENTITY x SYSTEM "{uri}">]><R><A/>&x;</R>'.encode()
    assert xmlparse._ElementCounter.count(body, 100) == 2


def test_element_counter_below_the_precheck_never_reads_an_external_dtd(tmp_path: Path) -> None:
    (tmp_path / "x.dtd").write_text('<!ENTITY d "<A/><A/><A/>">')
    body = f'<!DOCTYPE R SYSTEM "{(tmp_path / "x.dtd").as_uri()}"><R><A/>&d;</R>'.encode()
    assert xmlparse._ElementCounter.count(body, 100) == 2


def test_element_counter_reads_utf8_only() -> None:
    # Read as UTF-16 this holds 6 elements; read as the UTF-8 it is, none.
    body = ("<?xml version='1.0'?><R>" + "<A/>" * 5 + "</R>").encode("utf-16-le")
    assert xmlparse._ElementCounter.count(body, 100) == 0


def test_each_thread_reuses_a_parser_of_its_own() -> None:
    here = xmlparse._parser()
    assert xmlparse._parser() is here
    elsewhere: list[object] = []
    assert returns_within(10, lambda: elsewhere.append(xmlparse._parser())) is None
    assert elsewhere[0] is not here
