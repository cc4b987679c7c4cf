"""Turn a raw request body into XML bytes, whatever compression the sender used.

Agents send zlib (RFC 1950); the Perl server also accepts gzip and plain XML, and answers in
the same form, so the detected ``Compression`` is kept for the reply. Detection looks at the
bytes, never at Content-Type, because agents label bodies inconsistently. Decompression is
streamed with a bounded output size so a zlib bomb costs at most the limit plus one chunk.
"""

from __future__ import annotations

import enum
import re
import zlib
from dataclasses import dataclass

from .errors import PayloadError
from .limits import DEFAULT_LIMITS, Limits

_CHUNK = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
# Plain XML as the first bytes show it: UTF-8 (optional BOM), UTF-16 LE, UTF-16 BE.
_XML_STARTS = (
    re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*<"),
    re.compile(rb"\xff\xfe(?:[ \t\r\n]\x00)*<\x00"),
    re.compile(rb"\xfe\xff(?:\x00[ \t\r\n])*\x00<"),
)
_XML_SPACE = b" \t\r\n"


class Compression(enum.Enum):
    """How a request body was encoded; the reply must use the same."""

    ZLIB = "zlib"
    GZIP = "gzip"
    PLAIN = "plain"


@dataclass(frozen=True, slots=True)
class DecodedBody:
    """The XML document carried by a request body, and how it was carried."""

    xml: bytes
    compression: Compression
    trailing_bytes: int = 0
    """Bytes left after the end of the compressed stream (accepted, but worth a log line)."""


def decode_body(body: bytes, limits: Limits = DEFAULT_LIMITS) -> DecodedBody:
    """Detect the body's compression from its first bytes and return the XML it carries.

    Raises ``PayloadError`` for an empty or oversized body, a stream that inflates past
    ``limits.max_decompressed_bytes``, a truncated or corrupt stream, and anything that is
    neither zlib, gzip nor XML.
    """
    if not body:
        raise PayloadError("the request body is empty", code="payload.empty")
    if len(body) > limits.max_compressed_bytes:
        raise PayloadError(
            f"the request body is {len(body)} bytes; the limit is "
            f"{limits.max_compressed_bytes} bytes",
            code="payload.too_large",
        )
    if is_zlib_header(body):
        return _inflate(body, Compression.ZLIB, zlib.MAX_WBITS, limits)
    if body.startswith(_GZIP_MAGIC):
        return _inflate(body, Compression.GZIP, 16 + zlib.MAX_WBITS, limits)
    if looks_like_xml(body):
        if len(body) > limits.max_decompressed_bytes:
            raise PayloadError(
                f"the XML document is {len(body)} bytes; the limit is "
                f"{limits.max_decompressed_bytes} bytes",
                code="payload.too_large",
            )
        return DecodedBody(body, Compression.PLAIN)
    if body.strip(_XML_SPACE) == b"":
        raise PayloadError("the request body holds only whitespace", code="payload.empty")
    raise PayloadError(
        f"the request body is neither zlib, gzip nor XML (it starts with {body[:16]!r})",
        code="payload.not_xml",
    )


def is_zlib_header(body: bytes) -> bool:
    """True if ``body`` starts with a valid RFC 1950 header (deflate, window <= 32K).

    No XML first byte (``<``, whitespace, a BOM) can pass this check, so it is unambiguous.
    """
    if len(body) < 2:
        return False
    cmf, flg = body[0], body[1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and (cmf << 8 | flg) % 31 == 0


def looks_like_xml(body: bytes) -> bool:
    """True if, after an optional BOM and whitespace, the first character is ``<``."""
    return any(pattern.match(body) for pattern in _XML_STARTS)


def _inflate(body: bytes, kind: Compression, wbits: int, limits: Limits) -> DecodedBody:
    """Stream-decompress ``body``, never producing more than the limit plus one byte."""
    limit = limits.max_decompressed_bytes
    name = kind.value
    inflater = zlib.decompressobj(wbits)
    parts: list[bytes] = []
    total = 0
    pending = body
    try:
        while True:
            chunk = inflater.decompress(pending, min(_CHUNK, limit + 1 - total))
            total += len(chunk)
            if total > limit:
                raise PayloadError(
                    f"the {name} stream inflates to more than {limit} bytes "
                    f"(from {len(body)} compressed bytes); refused as a decompression bomb",
                    code="payload.bomb",
                )
            parts.append(chunk)
            pending = inflater.unconsumed_tail
            if inflater.eof or (not chunk and not pending):
                break
    except zlib.error as exc:
        raise PayloadError(
            f"the {name} stream is corrupt after {total} decompressed bytes: {exc}",
            code="payload.corrupt",
        ) from exc
    if not inflater.eof:
        raise PayloadError(
            f"the {name} stream is truncated: it ended after {len(body)} compressed bytes "
            f"({total} decompressed) without its end marker",
            code="payload.truncated",
        )
    xml = b"".join(parts)
    if not xml.strip(_XML_SPACE):
        raise PayloadError(f"the {name} stream decompresses to nothing", code="payload.empty")
    return DecodedBody(xml, kind, len(inflater.unused_data))
