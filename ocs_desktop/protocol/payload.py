"""Turn a raw request body into XML bytes, whatever compression the sender used.

Agents send zlib (RFC 1950); the Perl server also accepts gzip and plain XML, and answers in
the same form, so the detected ``Compression`` is kept for the reply. Detection looks at the
bytes, never at Content-Type, because agents label bodies inconsistently.

The body streams through zlib in bounded chunks. A bomb is refused as soon as its output
passes the limit, having cost one chunk of memory and at most ``_KEEP`` bytes of output,
not the limit's worth of chunks (32 bombs in parallel once held 4 GB in one worker, memory
the allocator never gave back). A stream that ends within ``_KEEP`` (an inventory of 900
packages inflates to about 360 KB) is returned from the chunks it gave: inflated once. A
longer one keeps only a count once past ``_KEEP``, and a second pass, for a stream now
known to be within the limit, inflates it into one buffer of exactly its size.
"""

from __future__ import annotations

import enum
import re
import zlib
from dataclasses import dataclass

from .errors import PayloadError
from .limits import DEFAULT_LIMITS, Limits

#: Output measured per step: what a bomb costs while it is counted.
_CHUNK = 256 * 1024
#: Output kept while streaming: a stream that ends within it is inflated once.
_KEEP = 1024 * 1024
#: Input fed per step, so zlib's copy of the input it has not read yet stays this small.
_INPUT_STEP = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
# Plain XML as the first bytes show it: UTF-8 (optional BOM), UTF-16 LE, UTF-16 BE.
_XML_STARTS = (
    re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*<"),
    re.compile(rb"\xff\xfe(?:[ \t\r\n]\x00)*<\x00"),
    re.compile(rb"\xfe\xff(?:\x00[ \t\r\n])*\x00<"),
)
_XML_SPACE = b" \t\r\n"
#: Whitespace only, or nothing: matched without copying the document, as ``strip`` would.
_ONLY_SPACE = re.compile(rb"[ \t\r\n]*\Z")


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
    """Inflate ``body``, refusing a bomb early: from the chunks kept while streaming it, or,
    past ``_KEEP``, by a second pass into one buffer of its measured size."""
    kept, size, trailing = _stream(body, kind, wbits, limits.max_decompressed_bytes)
    # Past _KEEP: a buffer of exactly ``size`` bytes. Else the chunks (one: that very object).
    xml = zlib.decompress(body, wbits, size) if kept is None else b"".join(kept)
    if _ONLY_SPACE.match(xml):
        raise PayloadError(f"the {kind.value} stream decompresses to nothing", code="payload.empty")
    return DecodedBody(xml, kind, trailing)


def _stream(
    body: bytes, kind: Compression, wbits: int, limit: int
) -> tuple[list[bytes] | None, int, int]:
    """The output chunks of ``body`` (None once they pass ``_KEEP``), the size it inflates
    to and the bytes after its end: at most one ``_CHUNK`` of output beyond those kept and
    one ``_INPUT_STEP`` of input are alive at a time, and the count stops at the limit
    plus one byte."""
    name = kind.value
    inflater = zlib.decompressobj(wbits)
    source = memoryview(body)
    fed = 0
    total = 0
    kept: list[bytes] | None = []
    pending: bytes | memoryview = b""
    try:
        while True:
            if not pending:  # past the end, an empty slice: nothing more to feed
                pending = source[fed : fed + _INPUT_STEP]
                fed += len(pending)
            output = inflater.decompress(pending, min(_CHUNK, limit + 1 - total))
            chunk = len(output)
            total += chunk
            if kept is not None:
                if total <= _KEEP:
                    kept.append(output)
                else:
                    kept = None  # too long to keep: count it, inflate it again
            if total > limit:
                raise PayloadError(
                    f"the {name} stream inflates to more than {limit} bytes "
                    f"(from {len(body)} compressed bytes); refused as a decompression bomb",
                    code="payload.bomb",
                )
            pending = inflater.unconsumed_tail
            if inflater.eof or (not chunk and not pending and fed == len(body)):
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
    return kept, total, len(inflater.unused_data) + len(body) - fed
