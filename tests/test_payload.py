"""Body decoding: compression detection by content, bounded inflation, clear refusals."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from ocs_desktop.protocol import Compression, Limits, PayloadError, decode_body, payload
from ocs_desktop.protocol.limits import DEFAULT_LIMITS, MIB
from ocs_desktop.protocol.payload import is_zlib_header, looks_like_xml
from tests.support import hostile

DATA = Path(__file__).parent / "data"
SAMPLE = (DATA / "ocsinventory-agent-sent-inventory-first.xml").read_bytes()


def test_compression_names() -> None:
    assert [kind.value for kind in Compression] == ["zlib", "gzip", "plain"]


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


def test_zlib_header_check_agrees_with_zlib_on_every_two_byte_start() -> None:
    for cmf in range(256):
        for flg in range(256):
            start = bytes([cmf, flg])
            try:
                zlib.decompressobj().decompress(start)
                zlib_accepts = True
            except zlib.error:
                zlib_accepts = False
            assert is_zlib_header(start) is zlib_accepts, start


def zlib_with_header(cmf: int) -> bytes:
    """SAMPLE compressed, behind a header with this CMF and a valid FCHECK (no FDICT)."""
    flg = -(cmf << 8) % 31
    return bytes([cmf, flg]) + zlib.compress(SAMPLE)[2:]


def test_zlib_with_header_builds_a_valid_stream() -> None:
    assert decode_body(zlib_with_header(0x78)).xml == SAMPLE


@pytest.mark.parametrize(
    "body",
    [
        zlib_with_header(0x79),  # compression method 9, not deflate
        zlib_with_header(0x77),  # compression method 7
        zlib_with_header(0x88),  # a 64 KiB window: CINFO 8
        zlib_with_header(0xF8),  # CINFO 15
        b"\x78\x9d" + zlib.compress(SAMPLE)[2:],  # FCHECK off by one
        b"\x78\x9b" + zlib.compress(SAMPLE)[2:],
    ],
    ids=["cm9", "cm7", "cinfo8", "cinfo15", "fcheck+1", "fcheck-1"],
)
def test_almost_a_zlib_header_is_not_inflated(body: bytes) -> None:
    with pytest.raises(PayloadError, match="neither zlib, gzip nor XML") as info:
        decode_body(body)
    assert info.value.code == "payload.not_xml"


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
        "\ufeff\r\n\t <REQUEST/>".encode("utf-16-le"),
        "\ufeff\r\n\t <REQUEST/>".encode("utf-16-be"),
    ],
    ids=[
        "plain",
        "utf8-bom",
        "leading-space",
        "utf16-le-bom",
        "utf16-be-bom",
        "utf16-le-space",
        "utf16-be-space",
    ],
)
def test_plain_xml_passes_through_unchanged(body: bytes) -> None:
    decoded = decode_body(body)
    assert decoded.compression is Compression.PLAIN
    assert decoded.xml is body
    assert decoded.trailing_bytes == 0


def test_looks_like_xml_requires_a_tag_first() -> None:
    assert looks_like_xml(b"  <a/>")
    assert not looks_like_xml(b"a<b/>")
    assert not looks_like_xml("x<a/>".encode("utf-16"))


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"", "the request body is empty"), (b"   \r\n\t", "the request body holds only whitespace")],
)
def test_empty_body(body: bytes, message: str) -> None:
    with pytest.raises(PayloadError) as info:
        decode_body(body)
    assert info.value.code == "payload.empty"
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "payload.empty"),
        (b" ", "payload.empty"),
        (b"x", "payload.not_xml"),
        (b"\x78", "payload.not_xml"),  # the first byte of a zlib header
        (b"\x1f", "payload.not_xml"),  # the first byte of the gzip magic
        (b"\x78\x00", "payload.not_xml"),
        (b"\x78\x9c", "payload.truncated"),  # a zlib header and nothing more
        (b"\x78\x01", "payload.truncated"),
        (b"\x1f\x8b", "payload.truncated"),
    ],
)
def test_bodies_of_up_to_two_bytes_get_a_clear_error(body: bytes, code: str) -> None:
    with pytest.raises(PayloadError) as info:
        decode_body(body)
    assert info.value.code == code


@pytest.mark.parametrize("xml", [b"", b" \r\n\t"], ids=["nothing", "whitespace"])
def test_compressed_stream_of_nothing_is_empty(xml: bytes) -> None:
    with pytest.raises(PayloadError, match="decompresses to nothing") as info:
        decode_body(zlib.compress(xml))
    assert info.value.code == "payload.empty"


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress, bytes], ids=str)
def test_compressed_limit_is_exact(pack: Callable[[bytes], bytes]) -> None:
    body = pack(SAMPLE)
    assert decode_body(body, Limits(max_compressed_bytes=len(body))).xml == SAMPLE
    with pytest.raises(PayloadError, match=f"is {len(body)} bytes; the limit is") as info:
        decode_body(body, Limits(max_compressed_bytes=len(body) - 1))
    assert info.value.code == "payload.too_large"


def test_plain_xml_limit_is_exact() -> None:
    assert decode_body(SAMPLE, Limits(max_decompressed_bytes=len(SAMPLE))).xml is SAMPLE
    with pytest.raises(PayloadError, match=f"XML document is {len(SAMPLE)} bytes") as info:
        decode_body(SAMPLE, Limits(max_decompressed_bytes=len(SAMPLE) - 1))
    assert info.value.code == "payload.too_large"


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


BIG = b"<R>" + bytes(range(256)) * 12_000 + b"</R>"  # 3,072,007 bytes: 3 MiB and a bit


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress], ids=["zlib", "gzip"])
def test_inflate_limit_is_exact_across_chunks(pack: Callable[[bytes], bytes]) -> None:
    body = pack(BIG)
    assert decode_body(body, Limits(max_decompressed_bytes=len(BIG))).xml == BIG
    with pytest.raises(PayloadError, match=f"more than {len(BIG) - 1} bytes") as info:
        decode_body(body, Limits(max_decompressed_bytes=len(BIG) - 1))
    assert info.value.code == "payload.bomb"


class CountingInflater:
    """Wraps a zlib decompressor, adding up the bytes it is asked for and produces."""

    produced = 0
    largest_request = 0
    new_inflater = zlib.decompressobj  # the real one, kept while the test patches zlib

    def __init__(self, wbits: int) -> None:
        self._inflater = CountingInflater.new_inflater(wbits)

    def decompress(self, data: bytes, max_length: int) -> bytes:
        CountingInflater.largest_request = max(CountingInflater.largest_request, max_length)
        out = self._inflater.decompress(data, max_length)
        CountingInflater.produced += len(out)
        return out

    def __getattr__(self, name: str) -> object:  # eof, unconsumed_tail, unused_data
        return getattr(self._inflater, name)


@pytest.mark.parametrize("limit", [1000, MIB - 1, 3 * MIB + 5])
def test_inflating_a_bomb_produces_the_limit_plus_one_byte(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(payload.zlib, "decompressobj", CountingInflater)
    monkeypatch.setattr(CountingInflater, "produced", 0)
    monkeypatch.setattr(CountingInflater, "largest_request", 0)
    with pytest.raises(PayloadError, match=f"inflates to more than {limit} bytes"):
        decode_body(hostile.zlib_bomb(8 * MIB), Limits(max_decompressed_bytes=limit))
    assert CountingInflater.produced == limit + 1
    assert CountingInflater.largest_request == min(payload._CHUNK, limit + 1)


def _inflated_twice(body: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, int]:
    """Decode ``body`` and count the second passes (``zlib.decompress``) it took."""
    calls = []
    real = zlib.decompress

    def counting(data: bytes, wbits: int, size: int) -> bytes:
        calls.append(size)
        return real(data, wbits, size)

    monkeypatch.setattr(payload.zlib, "decompress", counting)
    return decode_body(body).xml, len(calls)


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress], ids=["zlib", "gzip"])
def test_a_document_within_the_kept_output_is_inflated_once(
    pack: Callable[[bytes], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(SAMPLE) < payload._KEEP  # the real agent's inventory, 900 packages
    assert _inflated_twice(pack(SAMPLE), monkeypatch) == (SAMPLE, 0)
    exact = b"<R>" + b"x" * (payload._KEEP - 7) + b"</R>"  # several chunks, _KEEP bytes
    assert _inflated_twice(pack(exact), monkeypatch) == (exact, 0)


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress], ids=["zlib", "gzip"])
def test_a_document_past_the_kept_output_is_inflated_again_at_its_size(
    pack: Callable[[bytes], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    over = b"<R>" + b"x" * (payload._KEEP - 6) + b"</R>"  # one byte more than kept
    xml, passes = _inflated_twice(pack(over), monkeypatch)
    assert (xml, passes) == (over, 1)


def test_the_output_kept_stays_a_small_share_of_the_limit() -> None:
    # What a bomb may hold before it is refused: the kept output and one chunk.
    assert payload._CHUNK < payload._KEEP <= 2 * MIB < DEFAULT_LIMITS.max_decompressed_bytes


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
    assert str(info.value).endswith(f"(it starts with {body[:16]!r})")
