"""Body decoding: compression detection by content, bounded inflation, clear refusals."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from ocs_desktop.protocol import Compression, Limits, PayloadError, decode_body
from ocs_desktop.protocol.limits import DEFAULT_LIMITS, MIB
from ocs_desktop.protocol.payload import is_zlib_header, looks_like_xml
from tests.support import hostile

DATA = Path(__file__).parent / "data"
SAMPLE = (DATA / "ocsinventory-agent-sent-inventory-first.xml").read_bytes()


def test_default_limits() -> None:
    assert Limits(32 * MIB, 128 * MIB, 2_000_000, MIB, 32) == DEFAULT_LIMITS


@pytest.mark.parametrize("level", range(10))
def test_zlib_detected_at_every_level(level: int) -> None:
    decoded = decode_body(zlib.compress(SAMPLE, level))
    assert decoded.compression is Compression.ZLIB
    assert decoded.xml == SAMPLE
    assert decoded.trailing_bytes == 0


@pytest.mark.parametrize("wbits", range(9, 16))
def test_zlib_header_check_accepts_small_windows(wbits: int) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = packer.compress(SAMPLE) + packer.flush()
    assert is_zlib_header(body)
    assert decode_body(body).xml == SAMPLE


def test_xml_first_bytes_never_look_like_zlib() -> None:
    for first in b"<\xef\xff\xfe \t\r\n":
        for second in range(256):
            assert not is_zlib_header(bytes([first, second]))


def test_gzip_detected() -> None:
    decoded = decode_body(gzip.compress(SAMPLE))
    assert decoded.compression is Compression.GZIP
    assert decoded.xml == SAMPLE


@pytest.mark.parametrize(
    "body",
    [
        SAMPLE,
        b"\xef\xbb\xbf" + SAMPLE,
        b"\n\t  " + SAMPLE,
        "<REQUEST/>".encode("utf-16"),
        "\ufeff <REQUEST/>".encode("utf-16-be"),
    ],
    ids=["plain", "utf8-bom", "leading-space", "utf16-le-bom", "utf16-be-bom"],
)
def test_plain_xml_passes_through_unchanged(body: bytes) -> None:
    decoded = decode_body(body)
    assert decoded.compression is Compression.PLAIN
    assert decoded.xml is body


def test_looks_like_xml_requires_a_tag_first() -> None:
    assert looks_like_xml(b"  <a/>")
    assert not looks_like_xml(b"a<b/>")
    assert not looks_like_xml("x<a/>".encode("utf-16"))


@pytest.mark.parametrize("body", [b"", b"   \r\n\t"])
def test_empty_body(body: bytes) -> None:
    with pytest.raises(PayloadError, match=r"empty|only whitespace") as info:
        decode_body(body)
    assert info.value.code == "payload.empty"


def test_compressed_stream_of_nothing_is_empty() -> None:
    with pytest.raises(PayloadError, match="decompresses to nothing") as info:
        decode_body(zlib.compress(b""))
    assert info.value.code == "payload.empty"


def test_body_over_the_compressed_limit() -> None:
    body = zlib.compress(SAMPLE)
    with pytest.raises(PayloadError, match=rf"{len(body)} bytes; the limit is 1000") as info:
        decode_body(body, Limits(max_compressed_bytes=1000))
    assert info.value.code == "payload.too_large"


def test_plain_body_over_the_decompressed_limit() -> None:
    with pytest.raises(PayloadError, match="XML document is") as info:
        decode_body(SAMPLE, Limits(max_decompressed_bytes=len(SAMPLE) - 1))
    assert info.value.code == "payload.too_large"


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress], ids=["zlib", "gzip"])
def test_inflate_limit_is_exact(pack: Callable[[bytes], bytes]) -> None:
    body = pack(SAMPLE)
    assert decode_body(body, Limits(max_decompressed_bytes=len(SAMPLE))).xml == SAMPLE
    with pytest.raises(PayloadError) as info:
        decode_body(body, Limits(max_decompressed_bytes=len(SAMPLE) - 1))
    assert info.value.code == "payload.bomb"


def test_large_document_inflates_across_chunks() -> None:
    big = SAMPLE * 10  # 3.5 MB: several 1 MiB output chunks
    assert decode_body(zlib.compress(big)).xml == big


def test_zlib_bomb_is_refused() -> None:
    bomb = hostile.zlib_bomb()
    assert len(bomb) < 2 * 1000 * 1000
    with pytest.raises(PayloadError, match="decompression bomb") as info:
        decode_body(bomb)
    assert info.value.code == "payload.bomb"
    assert f"more than {128 * MIB} bytes" in str(info.value)


def test_zlib_bomb_really_inflates_to_its_size() -> None:
    size = 40 * MIB + 123
    xml = decode_body(hostile.zlib_bomb(size), Limits(max_decompressed_bytes=64 * MIB)).xml
    assert len(xml) == size + len(b"<REQUEST>")


def test_bomb_never_allocates_much_more_than_the_limit() -> None:
    limit = 8 * MIB
    bomb = hostile.zlib_bomb(256 * MIB)
    tracemalloc.start()
    try:
        with pytest.raises(PayloadError):
            decode_body(bomb, Limits(max_decompressed_bytes=limit))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit + 3 * MIB


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress], ids=["zlib", "gzip"])
def test_truncated_stream(pack: Callable[[bytes], bytes]) -> None:
    body = pack(SAMPLE)
    with pytest.raises(PayloadError, match="truncated") as info:
        decode_body(body[: len(body) - 10])
    assert info.value.code == "payload.truncated"


def test_hostile_truncated_zlib() -> None:
    with pytest.raises(PayloadError, match=r"zlib stream is truncated.*end marker") as info:
        decode_body(hostile.truncated_zlib())
    assert info.value.code == "payload.truncated"


@pytest.mark.parametrize(
    ("body", "kind"),
    [(hostile.corrupt_zlib(), "zlib"), (hostile.corrupt_gzip(), "gzip")],
    ids=["zlib", "gzip"],
)
def test_corrupt_stream(body: bytes, kind: str) -> None:
    with pytest.raises(PayloadError, match=f"the {kind} stream is corrupt") as info:
        decode_body(body)
    assert info.value.code == "payload.corrupt"


def test_corrupt_checksum_is_caught() -> None:
    body = bytearray(zlib.compress(SAMPLE))
    body[-1] ^= 0xFF  # Adler-32 trailer
    with pytest.raises(PayloadError, match="incorrect data check") as info:
        decode_body(bytes(body))
    assert info.value.code == "payload.corrupt"


def test_trailing_bytes_after_the_stream_are_accepted_and_counted() -> None:
    decoded = decode_body(zlib.compress(SAMPLE) + b"\r\n\r\n")
    assert decoded.xml == SAMPLE
    assert decoded.trailing_bytes == 4


@pytest.mark.parametrize(
    "body", [hostile.random_bytes(), hostile.json_body(), b"PK\x03\x04zipfile", b"\x00<a/>"]
)
def test_not_xml(body: bytes) -> None:
    with pytest.raises(PayloadError, match="neither zlib, gzip nor XML") as info:
        decode_body(body)
    assert info.value.code == "payload.not_xml"
