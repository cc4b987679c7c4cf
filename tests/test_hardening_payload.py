"""Compression bombs cost bounded memory, and the memory comes back (issue 15, defect 2).

A ~600 KB zlib bomb used to cost its worker the whole 128 MiB decompression limit in
output chunks, and 32 in parallel left one worker at 4.4 GB that it never gave back.
Decoding now streams the body, keeping at most ``payload._KEEP`` (1 MiB) of its output (a
bomb costs that and one chunk); a stream longer than that but within the limit is inflated
again into one buffer of its exact size. A worker decodes at most ``--decode-threads``
bodies at once. The live test holds a worker's resident memory after 32 parallel bombs
to ``RSS_GROWTH_LIMIT`` above what it was before.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import time
import tracemalloc
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.protocol import Limits, PayloadError, decode_body
from ocs_desktop.protocol.limits import MIB
from tests.support import hostile
from tests.support.live_server import LiveServer, live_server
from tests.support.server_helpers import UNIX_UA, prolog_xml

#: What 32 parallel bombs may add to a worker's resident memory, for good.
RSS_GROWTH_LIMIT = 48 * MIB
#: ... and to its peak while they are decoded (4 decoding threads at once).
PEAK_GROWTH_LIMIT = 96 * MIB


def _traced_peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        with contextlib.suppress(PayloadError):
            work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_bomb_is_refused_having_held_one_chunk_not_the_limit() -> None:
    bomb = hostile.zlib_bomb(600 * MIB)  # about 600 KB
    with pytest.raises(PayloadError, match="inflates to more than 134217728 bytes") as info:
        decode_body(bomb)
    assert info.value.code == "payload.bomb"
    peak = _traced_peak(lambda: decode_body(bomb))
    assert peak < len(bomb) + 2 * MIB, peak


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress], ids=["zlib", "gzip"])
def test_a_large_document_is_inflated_into_one_buffer_of_its_size(
    pack: Callable[[bytes], bytes],
) -> None:
    xml = b"<REQUEST>" + b"<A>x</A>" * (5 * MIB) + b"</REQUEST>"  # 40 MiB
    body = pack(xml) + b"\r\n"
    decoded = decode_body(body)
    assert decoded.xml == xml and decoded.trailing_bytes == 2
    peak = _traced_peak(lambda: decode_body(body))
    assert peak < len(xml) + len(body) + 2 * MIB, peak


@pytest.mark.parametrize("pack", [zlib.compress, gzip.compress], ids=["zlib", "gzip"])
def test_bytes_after_the_stream_are_counted_however_many(pack: Callable[[bytes], bytes]) -> None:
    xml = b"<REQUEST>" + b"<A>x</A>" * 1000 + b"</REQUEST>"
    for trailing in (0, 1, 70_000, 300_001):  # within the last input step, and far past it
        decoded = decode_body(pack(xml) + b"\n" * trailing)
        assert (decoded.xml, decoded.trailing_bytes) == (xml, trailing)


def test_a_gzip_header_longer_than_an_input_step_is_read_through() -> None:
    """Input that yields no output yet (a 100 KB file name in the gzip header) is not the
    end of the stream: reading goes on to the data."""
    xml = b"<REQUEST><A>x</A></REQUEST>"
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    header = b"\x1f\x8b\x08\x08" + bytes(6) + b"n" * 100_000 + b"\x00"  # FNAME set
    trailer = zlib.crc32(xml).to_bytes(4, "little") + len(xml).to_bytes(4, "little")
    body = header + packer.compress(xml) + packer.flush() + trailer
    assert gzip.decompress(body) == xml  # a valid gzip member
    decoded = decode_body(body)
    assert (decoded.xml, decoded.trailing_bytes) == (xml, 0)


def test_a_stream_just_within_the_limit_is_whole_and_one_byte_more_is_a_bomb() -> None:
    xml = b"<R>" + b"x" * (3 * MIB) + b"</R>"
    body = zlib.compress(xml)
    assert decode_body(body, Limits(max_decompressed_bytes=len(xml))).xml == xml
    with pytest.raises(PayloadError, match=f"more than {len(xml) - 1} bytes"):
        decode_body(body, Limits(max_decompressed_bytes=len(xml) - 1))


# -- live: a worker's memory after 32 parallel bombs -----------------------------------


def _rss(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of process ``pid``, in bytes."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return (int(fields["VmRSS"].split()[0]) * 1024, int(fields["VmHWM"].split()[0]) * 1024)


def _post(server: LiveServer, body: bytes) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    try:
        conn.request("POST", "/ocsinventory", body=body, headers={"User-Agent": UNIX_UA})
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.slow
def test_live_32_parallel_bombs_leave_the_worker_near_its_memory_before(tmp_path: Path) -> None:
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    bomb = hostile.zlib_bomb(600 * MIB)
    with live_server(str(db), tmp_path) as server:
        pid = server.process.pid
        with ThreadPoolExecutor(32) as pool:  # warm up: threads, code, caches
            assert set(pool.map(lambda _: _post(server, zlib.compress(prolog_xml())),
                                range(64))) == {200}  # fmt: skip
        time.sleep(1)
        before, peak_before = _rss(pid)
        with ThreadPoolExecutor(32) as pool:
            statuses = list(pool.map(lambda _: _post(server, bomb), range(32)))
        time.sleep(1)
        after, peak = _rss(pid)
        log = server.log_text()
    print(f"worker RSS: {before / MIB:.1f} MiB before, {after / MIB:.1f} MiB after 32 "
          f"bombs, peak {peak / MIB:.1f} MiB (was {peak_before / MIB:.1f})")  # fmt: skip
    assert statuses == [400] * 32
    assert log.count("payload.bomb") == 32
    assert after - before < RSS_GROWTH_LIMIT, (before, after)
    assert peak - max(before, peak_before) < PEAK_GROWTH_LIMIT, (before, peak)
