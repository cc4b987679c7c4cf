"""The limits and defaults of untrusted info files, and their size cap on every path.

An info file comes back from places we do not control: fetched at activation
(``check_published``), read from a package store (``load_built``, which ``publish_to_dir``
and uploads go through) and uploaded to the admin endpoint (``tests/test_admin_upload.py``).
Each is refused past ``MAX_INFO_BYTES`` (1 MiB) with a clear error and a log line, and
changes nothing. A minimal info file reads with every option off.
"""

from __future__ import annotations

import http.server
import logging
import os
import ssl
import threading
from collections.abc import Iterator
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from ocs_desktop.cli.main import main
from ocs_desktop.packager.activation import ActivationError, check_published, publish_to_dir
from ocs_desktop.packager.info_file import (
    MAX_INFO_BYTES,
    parse_info,
    read_info,
    render_info,
)
from ocs_desktop.packager.spec import DEFAULT_PRIORITY, Action, PackageSpec
from ocs_desktop.packager.store import load_built, spec_from_info
from tests.support.info_files import ONE_MIB, TOO_LARGE, info_of_size, snapshot

# -- the size cap ---------------------------------------------------------------------


def test_the_cap_is_one_mib():
    assert MAX_INFO_BYTES == ONE_MIB


def test_an_info_file_of_exactly_the_cap_is_read():
    data = info_of_size(ONE_MIB)
    assert len(data) == ONE_MIB
    info = parse_info(data)
    assert info.fileid == "1" and len(info.values["notify_text"]) > ONE_MIB - 100


def test_one_byte_over_the_cap_is_refused():
    data = info_of_size(ONE_MIB + 1)
    with pytest.raises(ValueError, match=TOO_LARGE):
        parse_info(data)
    with pytest.raises(ValueError, match=TOO_LARGE):  # whatever follows the element
        parse_info(info_of_size(ONE_MIB) + b" ")


def test_read_info_reads_a_file_of_exactly_the_cap(tmp_path: Path):
    path = tmp_path / "info"
    path.write_bytes(info_of_size(ONE_MIB, "17"))
    assert read_info(path).fileid == "17"  # all of it was read: its last byte closes it


@pytest.mark.parametrize("size", [ONE_MIB + 1, 5 * ONE_MIB])
def test_read_info_refuses_a_file_over_the_cap(tmp_path: Path, size: int):
    path = tmp_path / "info"
    path.write_bytes(info_of_size(size))
    with pytest.raises(ValueError, match=TOO_LARGE):
        read_info(path)


def test_read_info_reads_no_further_than_just_over_the_cap(tmp_path: Path):
    """An endless info file (a pipe that a writer keeps filling) is refused after about a
    MiB: the reader stops and closes it, and the writer's next write fails."""
    pipe = tmp_path / "info"
    os.mkfifo(pipe)
    sent: list[int] = []
    cut: list[bool] = []

    def writer() -> None:
        with pipe.open("wb", buffering=0) as out:
            try:
                for _ in range(8 * 16):  # 8 MiB in 64 KiB writes
                    sent.append(out.write(b" " * 65536))
            except BrokenPipeError:
                cut.append(True)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        with pytest.raises(ValueError, match=TOO_LARGE):
            read_info(pipe)
    finally:
        thread.join(30)
    assert cut == [True] and sum(sent) < 2 * ONE_MIB


# -- element and depth limits ---------------------------------------------------------


def with_children(count: int) -> bytes:
    """A DOWNLOAD element holding ``count`` empty children."""
    return b'<DOWNLOAD ID="1" ACT="STORE" PATH="/opt/x">' + b"<X/>" * count + b"</DOWNLOAD>"


def test_sixteen_elements_are_read():
    assert parse_info(with_children(15)).fileid == "1"


def test_seventeen_elements_are_refused():
    with pytest.raises(ValueError, match="not valid XML: the document has more than 16 elements"):
        parse_info(with_children(16))


def test_two_levels_are_read():
    assert parse_info(b'<DOWNLOAD ID="1" ACT="STORE" PATH="/opt/x"><X/></DOWNLOAD>').fileid == "1"


def test_three_levels_are_refused():
    data = b'<DOWNLOAD ID="1" ACT="STORE" PATH="/opt/x"><X><Y/></X></DOWNLOAD>'
    with pytest.raises(ValueError, match="nested 3 levels deep; the limit is 2"):
        parse_info(data)


# -- defaults -------------------------------------------------------------------------

DEFAULT_VALUES = {
    "action": Action.STORE,
    "command": "",
    "path": "/opt/x",
    "launch": "",
    "priority": 5,
    "proto": "http",
    "notify_user": False,
    "notify_text": "",
    "notify_countdown": 0,
    "notify_can_abort": False,
    "notify_can_delay": False,
    "need_done_action": False,
    "done_action_text": "",
}
FLAGS = ("notify_user", "notify_can_abort", "notify_can_delay", "need_done_action")
#: Every attribute but ID, ACT and PATH, empty: the console writes ``""`` for unset ones.
ALL_EMPTY = (
    b'<DOWNLOAD ID="1" PRI="" ACT="STORE" DIGEST="" PROTO="" FRAGS="" DIGEST_ALGO="" '
    b'DIGEST_ENCODE="" PATH="/opt/x" NOTIFY_USER="" NOTIFY_TEXT="" NOTIFY_COUNTDOWN="" '
    b'NOTIFY_CAN_ABORT="" NOTIFY_CAN_DELAY="" NEED_DONE_ACTION="" NEED_DONE_ACTION_TEXT="" '
    b'GARDEFOU="" />'
)


def test_a_minimal_info_file_reads_with_every_default():
    info = parse_info(b'<DOWNLOAD ID="1" ACT="STORE" PATH="/opt/x"/>')
    assert (info.fileid, info.digest, info.frags, info.digest_algo, info.digest_encode) == (
        "1", "", 0, "MD5", "Hexa",
    )  # fmt: skip
    assert dict(info.values) == DEFAULT_VALUES
    assert [type(info.values[name]) for name in FLAGS] == [bool] * len(FLAGS)
    assert type(info.values["priority"]) is int and info.values["priority"] == DEFAULT_PRIORITY
    assert info.action is Action.STORE and info.order == "/opt/x"
    with pytest.raises(FrozenInstanceError):
        info.frags = 3  # type: ignore[misc]
    assert not hasattr(info, "__dict__")  # slotted


def test_empty_attributes_read_as_the_defaults():
    info = parse_info(ALL_EMPTY)
    assert (info.digest, info.frags) == ("", 0)
    assert dict(info.values) == DEFAULT_VALUES
    assert [type(info.values[name]) for name in FLAGS] == [bool] * len(FLAGS)


def test_the_defaults_make_a_valid_spec_with_no_option_on():
    info = parse_info(b'<DOWNLOAD ID="1" ACT="STORE" PATH="/opt/x"/>')
    spec = spec_from_info(info, "Minimal", "linux")  # type: ignore[arg-type]
    spec.validate()
    assert spec == PackageSpec("Minimal", "linux", "store", path="/opt/x")  # type: ignore[arg-type]


# -- values ---------------------------------------------------------------------------


def test_flags_are_on_for_any_non_zero_number():
    data = (
        b'<DOWNLOAD ID="1" ACT="STORE" PATH="/p" NOTIFY_USER="1" NOTIFY_CAN_ABORT="2" '
        b'NOTIFY_CAN_DELAY=" 1 " NEED_DONE_ACTION="0"/>'
    )
    values = parse_info(data).values
    assert [values[name] for name in FLAGS] == [True, True, True, False]
    assert [type(values[name]) for name in FLAGS] == [bool] * len(FLAGS)


def test_numbers_are_read_with_spaces_and_zero_is_a_number():
    data = b'<DOWNLOAD ID="1" ACT="STORE" PATH="/p" PRI=" 0 " FRAGS="0" NOTIFY_COUNTDOWN="30"/>'
    info = parse_info(data)
    assert (info.values["priority"], info.frags, info.values["notify_countdown"]) == (0, 0, 30)
    assert parse_info(b'<DOWNLOAD ID="1" ACT="STORE" PATH="/p" FRAGS="12"/>').frags == 12


@pytest.mark.parametrize(
    ("attribute", "message"),
    [
        ('FRAGS="many"', "info file FRAGS='many' is not a number"),
        ('PRI="-1"', "info file PRI='-1' is negative"),
        ('NOTIFY_COUNTDOWN="1.5"', "info file NOTIFY_COUNTDOWN='1.5' is not a number"),
        ('NOTIFY_USER="yes"', "info file NOTIFY_USER='yes' is not a number"),
    ],
)
def test_bad_numbers_are_named(attribute: str, message: str):
    with pytest.raises(ValueError, match=f"^{message}$"):
        parse_info(f'<DOWNLOAD ID="1" ACT="STORE" PATH="/p" {attribute}/>'.encode())


def test_upper_case_attributes_are_read_in_any_case_and_spacing():
    info = parse_info(b'<DOWNLOAD ID="1" ACT=" Execute " COMMAND="run.cmd" PROTO=" HTTPS "/>')
    assert info.action is Action.EXECUTE and info.values["proto"] == "https"
    assert info.order == "run.cmd"


def test_texts_are_kept_as_written():
    data = b'<DOWNLOAD ID="1" ACT="STORE" PATH=" /p " NOTIFY_TEXT=" Hi &amp; bye "/>'
    values = parse_info(data).values
    assert (values["path"], values["notify_text"]) == (" /p ", " Hi & bye ")


@pytest.mark.parametrize(
    ("act", "message"),
    [
        (' ACT="FORMAT"', "^info file ACT 'FORMAT' is not STORE, EXECUTE or LAUNCH$"),
        ("", "^info file ACT None is not STORE, EXECUTE or LAUNCH$"),
    ],
)
def test_an_unknown_or_missing_action_is_refused(act: str, message: str):
    with pytest.raises(ValueError, match=message):
        parse_info(f'<DOWNLOAD ID="1"{act}/>'.encode())


def test_only_the_actions_own_argument_is_read():
    data = b'<DOWNLOAD ID="1" ACT="STORE" PATH="/p" COMMAND="rm -rf /" NAME="evil.exe"/>'
    info = parse_info(data)
    assert (info.values["path"], info.values["command"], info.values["launch"]) == ("/p", "", "")
    assert info.attributes["COMMAND"] == "rm -rf /"  # still there as written
    launch = parse_info(b'<DOWNLOAD ID="1" ACT="LAUNCH" NAME="setup.exe /S" PATH="/p"/>')
    assert (launch.order, launch.values["path"]) == ("setup.exe /S", "")


@pytest.mark.parametrize("fileid", ["", "12a", " 1", "\u0661\u0662", "1.5", "-1"])
def test_an_id_that_is_not_ascii_digits_is_refused(fileid: str):
    data = f'<DOWNLOAD ID="{fileid}" ACT="STORE" PATH="/p"/>'.encode()
    with pytest.raises(ValueError, match=r"^info file ID .* is not a FILEID \(digits\)$"):
        parse_info(data)


def test_the_root_must_be_download():
    with pytest.raises(ValueError, match=r"^info file root is <DOWNLOADS>, not <DOWNLOAD>$"):
        parse_info(b'<DOWNLOADS ID="1" ACT="STORE" PATH="/p"/>')


def test_the_build_facts_are_read_as_written():
    data = (
        b'<DOWNLOAD ID="1" ACT="STORE" PATH="/p" DIGEST="abc" FRAGS="2" DIGEST_ALGO="SHA1" '
        b'DIGEST_ENCODE="Base64"/>'
    )
    info = parse_info(data)
    assert (info.digest, info.frags, info.digest_algo, info.digest_encode) == (
        "abc", 2, "SHA1", "Base64",
    )  # fmt: skip


# -- the store path -------------------------------------------------------------------


def _store_with_info(tmp_path: Path, fileid: str, info: bytes) -> Path:
    store = tmp_path / "store"
    (store / fileid).mkdir(parents=True)
    (store / fileid / "info").write_bytes(info)
    return store


def test_the_store_reads_an_info_file_of_exactly_the_cap(tmp_path: Path):
    store = _store_with_info(tmp_path, "1700000001", info_of_size(ONE_MIB, "1700000001"))
    built = load_built(store, "1700000001")
    assert built.fragment_count == 0 and built.spec.path == "/opt/x"


def test_the_store_refuses_an_oversized_info_file(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    store = _store_with_info(tmp_path, "1700000002", info_of_size(ONE_MIB + 1, "1700000002"))
    download = tmp_path / "download"
    download.mkdir()
    before = snapshot(tmp_path)
    with caplog.at_level(logging.WARNING, logger="ocs_desktop.packager.store"):
        with pytest.raises(ValueError, match=f"1700000002/info: {TOO_LARGE}"):
            load_built(store, "1700000002")
        with pytest.raises(ActivationError, match=TOO_LARGE):
            publish_to_dir(store, "1700000002", download)
    assert snapshot(tmp_path) == before  # nothing published, nothing removed
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(messages) == 2
    assert "package 1700000002 refused: its info file" in messages[0]
    assert TOO_LARGE in messages[0]


# -- the activation fetch -------------------------------------------------------------


class _Files(http.server.BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}

    def do_GET(self) -> None:
        body = self.files.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def https_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on loopback serving ``_Files.files``: its location and CA file."""
    certs = tmp_path_factory.mktemp("certs")
    assert (
        main(["cert", "init", "--dir", str(certs), "--host", "localhost", "--ip", "127.0.0.1"]) == 0
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs / "server.pem", certs / "server.key")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}/download", certs / "cacert.pem"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_activation_reads_a_served_info_file_of_exactly_the_cap(https_site: tuple[str, Path]):
    location, ca = https_site
    _Files.files["/download/1700000011/info"] = info_of_size(ONE_MIB, "1700000011")
    checked = check_published(location, location, "1700000011", str(ca))
    assert checked.info.fileid == "1700000011" and checked.fragment_url is None


def test_activation_refuses_a_served_info_file_over_the_cap(
    https_site: tuple[str, Path], caplog: pytest.LogCaptureFixture
):
    location, ca = https_site
    _Files.files["/download/1700000012/info"] = info_of_size(ONE_MIB + 1, "1700000012")
    refused = r"^cannot fetch the info file: .*/1700000012/info is larger than 1048576 bytes$"
    with (
        caplog.at_level(logging.WARNING, logger="ocs_desktop.packager.activation"),
        pytest.raises(ActivationError, match=refused),
    ):
        check_published(location, location, "1700000012", str(ca))
    assert any(
        "1700000012" in r.getMessage() and "larger than 1048576 bytes" in r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING
    )


def test_activation_names_an_invalid_served_info_file(
    https_site: tuple[str, Path], caplog: pytest.LogCaptureFixture
):
    location, ca = https_site
    _Files.files["/download/1700000013/info"] = b"<html>It works!</html>"
    with (
        caplog.at_level(logging.WARNING, logger="ocs_desktop.packager.activation"),
        pytest.raises(ActivationError, match=r"1700000013/info is not a package info file"),
    ):
        check_published(location, location, "1700000013", str(ca))
    assert any("1700000013/info refused" in r.getMessage() for r in caplog.records)


def test_render_then_parse_keeps_a_spec(tmp_path: Path):
    spec = PackageSpec("X", "windows", "launch", launch="setup.exe /S", priority=0,  # type: ignore[arg-type]
                       notify_user=True, notify_text="a\nb", notify_countdown=9)  # fmt: skip
    info = parse_info(render_info(spec, "1700000020", "d" * 32, 3))
    assert spec_from_info(info, "X", spec.os) == PackageSpec(
        "X", "windows", "launch", launch="setup.exe /S", priority=0,  # type: ignore[arg-type]
        notify_user=True, notify_text="a\nb", notify_countdown=9, fragments=3,
    )  # fmt: skip
