"""Hardened XML parsing for agent documents.

Agent bodies come from the network, so the parser refuses DTDs outright (the Perl server
does the same since CVE-2018-14473), never resolves entities or fetches anything, and
enforces ``Limits`` on element count, nesting depth and value length. Character decoding is
done here with Python's strict codecs rather than by libxml2, so that the accepted encodings
and the errors for bad bytes do not depend on how libxml2 was built.

One exception to strictness, the reference's: a document that is UTF-8 by declaration or by
default but whose bytes are not valid UTF-8 is read again as ISO-8859-1, with a warning that
names its DEVICEID. Older Windows agents send their ANSI text exactly so. The retry is only
made when it cannot garble anything: never behind a UTF-8 byte-order mark, which says the
bytes were meant as UTF-8, and never when the document also holds a valid multi-byte UTF-8
sequence, since its encodings are then mixed and no single reading gives the right text.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
import threading

from lxml import etree

from .errors import EncodingError, XmlError
from .limits import DEFAULT_LIMITS, Limits

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
_DECL_BYTES = re.compile(rb"[ \t\r\n]*<\?xml[ \t\r\n][^>]*?\?>")
_DECL_TEXT = re.compile(r"[ \t\r\n]*<\?xml[ \t\r\n][^>]*?\?>")
_ENCODING_BYTES = re.compile(rb"""[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*(["'])(.*?)\1""")
# Codecs that Python accepts as text encodings but that would let markup hide behind escapes.
_REFUSED_CODECS = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)
# The smallest element, "<a/>", takes 4 bytes: below this many bytes per allowed element a
# document cannot exceed max_elements, and counting can be skipped.
_MIN_ELEMENT_BYTES = 4

# A valid multi-byte UTF-8 sequence (no overlong form, surrogate or code point past U+10FFFF).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

log = logging.getLogger(__name__)
_local = threading.local()
# Shared by both parsers, behind _refuse_declarations: never load a DTD, substitute an entity
# or use the network. encoding="utf-8" stops libxml2 from choosing an encoding itself (to_utf8
# already produced UTF-8): it would read NUL-interleaved bytes as UTF-16 or UTF-32 without a
# BOM, or obey an XML declaration left after to_utf8 removed the first one (UTF-7, say), and
# so parse a DOCTYPE that _refuse_declarations never saw.
_SAFE_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "encoding": "utf-8",
}


def parse_xml(xml: bytes, limits: Limits = DEFAULT_LIMITS) -> etree._Element:
    """Parse an agent document into an lxml element tree, refusing anything hostile.

    Raises ``EncodingError`` for an unknown declared encoding or bytes invalid for it (but a
    UTF-8 document whose bytes are not UTF-8 is read as ISO-8859-1, with a warning, when it
    has no UTF-8 BOM and holds no valid multi-byte UTF-8 sequence), ``XmlError`` for a
    DOCTYPE or ENTITY declaration, malformed XML (libxml2's message with line and column),
    and documents over ``limits`` (elements, depth, value length).
    Comments and processing instructions are dropped, as are whitespace-only text nodes
    between elements; a whitespace-only value such as ``<NAME> </NAME>`` is kept.
    """
    data, fallback = _decode(xml)
    _refuse_declarations(data)
    _check_element_count(data, limits)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, limits, fallback) from None
    _check_depth(root, limits)
    if len(data) > limits.max_value_chars:
        _check_values(root, limits)
    if fallback is not None:
        log.warning(
            "the document of DEVICEID %.120r is not UTF-8 although it says so (%s); read as "
            "ISO-8859-1, as the OCS server does (encoding.latin1_fallback)",
            _deviceid(root),
            fallback,
        )
    return root


def to_utf8(xml: bytes) -> bytes:
    """Return the document as UTF-8 with its BOM and XML declaration removed.

    The declared encoding (or the BOM, or UTF-8 by default) is applied strictly, but for the
    ISO-8859-1 retry of ``parse_xml``. Newlines of the removed prolog are kept so that
    libxml2's line numbers match the original.
    """
    return _decode(xml)[0]


def _decode(xml: bytes) -> tuple[bytes, str | None]:
    """``to_utf8``, and why the document was read as ISO-8859-1 (None when it was not)."""
    for bom, codec in _UTF16_BOMS.items():
        if xml.startswith(bom):
            return _from_utf16(xml, codec), None
    start = len(_UTF8_BOM) if xml.startswith(_UTF8_BOM) else 0
    decl = _DECL_BYTES.match(xml, start)
    declared: str | None = None
    end = start
    if decl is not None:
        end = decl.end()
        found = _ENCODING_BYTES.search(decl.group())
        if found is not None:
            declared = found.group(2).decode("ascii", "replace")
    if start:
        declared = None  # the UTF-8 BOM wins over the declaration
    codec = "utf-8" if declared is None else _lookup_codec(declared)
    prefix = b"\n" * xml.count(b"\n", start, end)
    try:
        if codec == "utf-8":
            xml.decode("utf-8")  # validation only: libxml2 reads UTF-8 natively
            return prefix + xml[end:], None
        return prefix + xml[end:].decode(codec).encode("utf-8"), None
    except UnicodeDecodeError as exc:
        offset = exc.start + (0 if codec == "utf-8" else end)
        error = _invalid_bytes(xml, offset, codec, declared)
    if codec != "utf-8" or start:
        raise error  # a declared single-byte encoding was wrong, or a UTF-8 BOM meant UTF-8
    mixed = _UTF8_SEQUENCE.search(xml, end)
    if mixed is not None:
        line = xml.count(b"\n", 0, mixed.start()) + 1
        raise EncodingError(
            f"{error.message}; nor can it be read as ISO-8859-1, since it also holds valid "
            f"UTF-8 (at byte offset {mixed.start()}, line {line}): its encodings are mixed",
            code="encoding.invalid_bytes",
        )
    return prefix + xml[end:].decode("iso-8859-1").encode("utf-8"), error.message


def _from_utf16(xml: bytes, codec: str) -> bytes:
    """Decode a UTF-16 document (BOM present); the BOM wins over any declared encoding."""
    try:
        text = xml[2:].decode(codec)
    except UnicodeDecodeError as exc:
        raise _invalid_bytes(xml, exc.start + 2, codec, None) from None
    decl = _DECL_TEXT.match(text)
    if decl is not None:
        text = "\n" * decl.group().count("\n") + text[decl.end() :]
    return text.encode("utf-8")


@functools.lru_cache(maxsize=64)
def _lookup_codec(declared: str) -> str:
    """Map a declared encoding name to an ASCII-compatible Python text codec."""
    try:
        name = codecs.lookup(declared).name
        ascii_compatible = b"<?xml a='1'?>".decode(name) == "<?xml a='1'?>"
        ascii_compatible = ascii_compatible and "<?xml a='1'?>".encode(name) == b"<?xml a='1'?>"
    except (LookupError, UnicodeError):
        name, ascii_compatible = "", False
    if not ascii_compatible or name in _REFUSED_CODECS:
        raise EncodingError(
            f"the document declares encoding {declared!r}, which is unknown or not supported "
            "(use UTF-8, ISO-8859-1, Windows-1252 or another ASCII-compatible encoding)",
            code="encoding.unknown",
        )
    return name


def _invalid_bytes(xml: bytes, offset: int, codec: str, declared: str | None) -> EncodingError:
    line = xml.count(b"\n", 0, offset) + 1
    bad = xml[offset : offset + 4]
    if declared is None:
        what = f"is not valid {codec}" + (
            "" if codec.startswith("utf-16") else " (no encoding is declared, so UTF-8 applies)"
        )
    else:
        what = f"is not valid for the declared encoding {declared!r}"
    return EncodingError(
        f"byte offset {offset} (line {line}) {what}: {bad!r}", code="encoding.invalid_bytes"
    )


def _refuse_declarations(data: bytes) -> None:
    """Refuse any DOCTYPE, ENTITY or other markup declaration before the root element."""
    pos = 0
    while True:
        lt = data.find(b"<", pos)
        if lt < 0:
            return
        if data.startswith(b"<?", lt):
            pos = data.find(b"?>", lt + 2)
        elif data.startswith(b"<!--", lt):
            pos = data.find(b"-->", lt + 4)
        elif data.startswith(b"<!", lt):
            head = data[lt : lt + 9].upper()
            line = data.count(b"\n", 0, lt) + 1
            if head.startswith((b"<!DOCTYPE", b"<!ENTITY")):
                kind = "DOCTYPE" if head.startswith(b"<!DOCTYPE") else "ENTITY"
                raise XmlError(
                    f"a {kind} declaration was found at line {line}; DTDs and entity "
                    "declarations are refused (XXE protection, CVE-2018-14473)",
                    code="xml.doctype",
                )
            raise XmlError(
                f"an unexpected markup declaration {head!r} was found before the root "
                f"element at line {line}",
                code="xml.doctype",
            )
        else:
            return
        if pos < 0:
            return  # unterminated comment or PI: libxml2 reports it
        pos += 2


def _check_element_count(data: bytes, limits: Limits) -> None:
    if len(data) <= limits.max_elements * _MIN_ELEMENT_BYTES:
        return
    # Raw "<" only occurs in tags, comments, PIs and CDATA, so this counts start tags exactly
    # unless comments, PIs or CDATA contain "<"; in that case count with a real parser.
    starts = data.count(b"<") - data.count(b"</") - data.count(b"<!") - data.count(b"<?")
    if starts <= limits.max_elements:
        return
    if b"<!" in data or b"<?" in data:
        starts = _ElementCounter.count(data, limits.max_elements)
        if starts <= limits.max_elements:
            return
    raise XmlError(
        f"the document has more than {limits.max_elements} elements", code="xml.too_many_elements"
    )


class _ElementCounter:
    """A parser target that counts start tags without building a tree, stopping early."""

    class _Enough(Exception):
        pass

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.seen += 1
        if self.seen > self.limit:
            raise self._Enough

    def close(self) -> int:
        return self.seen

    @classmethod
    def count(cls, data: bytes, limit: int) -> int:
        counter = cls(limit)
        parser = etree.XMLParser(target=counter, **_SAFE_OPTIONS)
        try:
            etree.fromstring(data, parser)
        except cls._Enough:
            pass
        except etree.XMLSyntaxError:
            pass  # the real parse reports it with its position
        return counter.seen


def _parser() -> etree.XMLParser:
    """One parser per thread: lxml parsers must not be shared between threads."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            **_SAFE_OPTIONS,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            remove_blank_text=True,
            # No collect_ids=False: lxml implements it with a libxml2 flag that also makes
            # libxml2 read the external DTD and the parameter entities it names.
        )
        _local.parser = parser
    return parser


def _syntax_error(
    exc: etree.XMLSyntaxError, limits: Limits, fallback: str | None = None
) -> XmlError:
    """Turn libxml2's error into an XmlError; its own hard limits get our codes. A document
    read as ISO-8859-1 says so, since its bytes may never have been meant as text."""
    msg = " ".join((exc.msg or str(exc)).split()).replace(" ,", ",")
    if fallback is not None:
        msg = f"{msg}; read as ISO-8859-1, since {fallback}"
    if "Excessive depth" in msg:
        return XmlError(
            f"elements are nested deeper than the limit of {limits.max_depth} ({msg})",
            code="xml.too_deep",
        )
    if any(hint in msg for hint in ("Text node too long", "Buffer size limit", "too big")):
        return XmlError(
            f"a text or attribute value is longer than the limit of {limits.max_value_chars} "
            f"characters ({msg})",
            code="xml.value_too_long",
        )
    return XmlError(f"malformed XML: {msg}", code="xml.malformed")


def _deviceid(root: etree._Element) -> str:
    """The DEVICEID where a request holds one (REQUEST/DEVICEID as an element or an attribute,
    then REQUEST/CONTENT/DEVICEID), for the log; ``-`` if none."""
    for found in (
        root.findtext("DEVICEID"),
        root.get("DEVICEID"),
        root.findtext("CONTENT/DEVICEID"),
    ):
        if found and found.strip():
            return found.strip()
    return "-"


def _check_depth(root: etree._Element, limits: Limits) -> None:
    # libxml2 walks the levels in C; a Python walk over every element would cost more.
    too_deep = root.xpath("(" + "/*" * (limits.max_depth + 1) + ")[1]")
    if too_deep:
        el = too_deep[0]
        raise XmlError(
            f"element <{el.tag}> at line {el.sourceline} is nested {limits.max_depth + 1} "
            f"levels deep; the limit is {limits.max_depth}",
            code="xml.too_deep",
        )


def _check_values(root: etree._Element, limits: Limits) -> None:
    n = limits.max_value_chars
    found = root.xpath(f"(//text()[string-length(.) > {n}] | //@*[string-length(.) > {n}])[1]")
    if not found:
        return
    value = found[0]
    parent = value.getparent()
    where = f"<{parent.tag}> at line {parent.sourceline}"
    what = f"attribute {value.attrname}" if value.is_attribute else "text"
    raise XmlError(
        f"the {what} of {where} is {len(value)} characters long; the limit is {n}",
        code="xml.value_too_long",
    )
