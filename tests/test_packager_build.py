"""Building packages: archives per OS, fragments, digest, info file, store and database row.

Every built package is checked the way an agent uses it: fragments concatenated in order,
MD5 compared with the info file's DIGEST, archive opened and compared with the sources.
"""

from __future__ import annotations

import hashlib
import io
import random
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import OperationalError

from ocs_desktop.cli.main import build_parser, main
from ocs_desktop.cli.package import spec_from_args
from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db.options import load_options
from ocs_desktop.models import Base
from ocs_desktop.packager.build import BuiltPackage, build_package, new_fileid, record_package
from ocs_desktop.packager.fragments import (
    MIB,
    console_fragment_mib,
    digest_of,
    mib_bytes,
    plan_fragments,
)
from ocs_desktop.packager.info_file import info_attributes, parse_info, render_info
from ocs_desktop.packager.service import (
    build_and_record,
    discard_package,
    with_console_fragmentation,
)
from ocs_desktop.packager.spec import SPEC_FIELDS, Action, PackageSpec, TargetOs
from ocs_desktop.packager.store import (
    load_built,
    remove_package_files,
    spec_from_info,
    staging_dir,
)

AVAILABLE = Base.metadata.tables["download_available"]
ODD_NAME = "odd name & 'quote' #1 é ü 日本.txt"


def make_tree(root: Path) -> dict[str, bytes]:
    """A file and a folder with nested and oddly named files; returns arcname -> content."""
    root.mkdir(parents=True, exist_ok=True)
    script = root / "setup.sh"
    script.write_bytes(b"#!/bin/sh\necho installed > marker\n")
    script.chmod(0o755)
    conf = root / "conf"
    (conf / "sub").mkdir(parents=True)
    (conf / "app.ini").write_bytes(b"[app]\nkey=value\n")
    (conf / "sub" / ODD_NAME).write_bytes("contenu é\n".encode())
    (conf / "empty").mkdir()
    (conf / "big.bin").write_bytes(random.Random(5).randbytes(300_000))  # incompressible
    return {
        "setup.sh": script.read_bytes(),
        "conf/app.ini": (conf / "app.ini").read_bytes(),
        f"conf/sub/{ODD_NAME}": (conf / "sub" / ODD_NAME).read_bytes(),
        "conf/big.bin": (conf / "big.bin").read_bytes(),
    }


def assembled(built: BuiltPackage) -> bytes:
    """What an agent assembles: the fragments concatenated in order."""
    return b"".join(path.read_bytes() for path in built.fragment_paths)


def archive_files(data: bytes) -> dict[str, bytes]:
    """Regular files of a zip or tar.gz, by name."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        files = {}
        for member in archive:
            if member.isreg():
                extracted = archive.extractfile(member)
                assert extracted is not None
                files[member.name] = extracted.read()
        return files


def check_agent_view(built: BuiltPackage) -> bytes:
    """Assemble, check the digest against the info file, return the archive bytes."""
    data = assembled(built)
    info = parse_info(built.info_path.read_bytes())
    assert info.fileid == built.fileid == built.directory.name
    assert info.frags == built.fragment_count == len(built.fragment_sizes)
    assert hashlib.md5(data).hexdigest() == info.digest == built.digest
    assert len(data) == built.size == sum(built.fragment_sizes)
    assert sorted(p.name for p in built.directory.iterdir()) == sorted(p.name for p in built.files)
    return data


@pytest.mark.parametrize("target", list(TargetOs))
def test_build_from_files_and_folders_for_each_os(tmp_path: Path, target: TargetOs) -> None:
    expected = make_tree(tmp_path / "src")
    spec = PackageSpec("App", target, Action.LAUNCH, launch="setup.sh --quiet", fragments=3)
    store = tmp_path / "store"
    built = build_package(spec, [tmp_path / "src" / "setup.sh", tmp_path / "src" / "conf"], store)
    data = check_agent_view(built)
    assert data[:2] == (b"PK" if target is TargetOs.WINDOWS else b"\x1f\x8b")
    assert archive_files(data) == expected
    assert built.fragment_count == 3
    assert [p.name for p in store.iterdir()] == [built.fileid]
    if target is not TargetOs.WINDOWS:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            members = {m.name: m for m in archive.getmembers()}
        assert members["setup.sh"].mode & stat.S_IXUSR
        assert members["conf/empty"].isdir()
        assert {(m.uid, m.gid) for m in members.values()} == {(0, 0)}
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert "conf/empty/" in archive.namelist()


def test_folder_given_as_dot_keeps_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path / "payload")
    monkeypatch.chdir(tmp_path / "payload")
    spec = PackageSpec("Dot", "linux", "store", path="/opt/x")
    built = build_package(spec, [Path(".")], tmp_path / "store")
    assert "payload/setup.sh" in archive_files(check_agent_view(built))


@pytest.mark.parametrize(
    ("fragments", "fragment_size", "expected"),
    [
        (None, None, (10_000,)),
        (3, None, (3333, 3333, 3334)),
        (1, None, (10_000,)),
        (20_000, None, (1,) * 10_000),  # never an empty fragment
        (None, 4096, (4096, 4096, 1808)),
        (None, 10_000, (10_000,)),
        (None, 50_000, (10_000,)),
    ],
)
def test_plan_fragments(
    fragments: int | None, fragment_size: int | None, expected: tuple[int, ...]
) -> None:
    plan = plan_fragments(10_000, count=fragments, size=fragment_size)
    assert plan == expected
    assert sum(plan) == 10_000
    assert plan_fragments(0, count=fragments, size=fragment_size) == ()


@pytest.mark.parametrize(("fragments", "fragment_size"), [(7, None), (None, 100_000)])
def test_fragments_by_count_and_by_size(
    tmp_path: Path, fragments: int | None, fragment_size: int | None
) -> None:
    make_tree(tmp_path / "src")
    spec = PackageSpec(
        "Frag",
        "windows",
        "store",
        path="C:\\apps",
        fragments=fragments,
        fragment_size=fragment_size,
    )
    built = build_package(spec, [tmp_path / "src"], tmp_path / "store")
    check_agent_view(built)
    sizes = [p.stat().st_size for p in built.fragment_paths]
    assert tuple(sizes) == built.fragment_sizes
    assert sum(sizes) == built.size
    if fragments:
        assert len(sizes) == fragments
        assert len(set(sizes[:-1])) == 1 and sizes[-1] >= sizes[0]
    else:
        assert set(sizes[:-1]) == {fragment_size} and 0 < sizes[-1] <= fragment_size
    assert digest_of(built.fragment_paths) == built.digest


def test_command_only_package(tmp_path: Path) -> None:
    spec = PackageSpec("Cmd", "linux", "execute", command="touch /tmp/done && echo ok")
    built = build_package(spec, [], tmp_path / "store")
    assert (built.fragment_count, built.size, built.digest) == (0, 0, "")
    assert [p.name for p in built.directory.iterdir()] == ["info"]
    info = parse_info(built.info_path.read_bytes())
    assert (info.frags, info.digest, info.values["command"]) == (
        0,
        "",
        "touch /tmp/done && echo ok",
    )
    assert b'FRAGS="0"' in built.info_path.read_bytes()


@pytest.mark.parametrize("action", ["store", "launch"])
def test_store_and_launch_need_files(tmp_path: Path, action: str) -> None:
    spec = PackageSpec(
        "NoFiles",
        "linux",
        action,
        path="/x" if action == "store" else "",
        launch="run.sh" if action == "launch" else "",
    )
    with pytest.raises(ValueError, match="needs files"):
        build_package(spec, [], tmp_path / "store")
    assert not (tmp_path / "store").exists() or not any((tmp_path / "store").iterdir())


def test_info_round_trip_with_odd_characters() -> None:
    odd = "a & b < c > \"d\" 'e' é ü 日本\nsecond line\ttab\r\nwindows line"
    spec = PackageSpec(
        "Odd",
        "windows",
        "execute",
        command='cmd /c "echo a & echo b" > "C:\\Temp\\out é.txt"',
        priority=0,
        proto="HTTPS",
        notify_user=True,
        notify_text=odd,
        notify_countdown=30,
        notify_can_abort=True,
        notify_can_delay=True,
        need_done_action=True,
        done_action_text=odd,
    )
    spec.validate()
    data = render_info(spec, "1700000000", "9e107d9d372bb6826bd81d3542a419d6", 2)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<DOWNLOAD ')
    assert b"\r" not in data and b"\n\n" not in data  # the UNIX agent splits on CRLFCRLF
    info = parse_info(data)
    values = info.values
    assert values["notify_text"] == odd and values["done_action_text"] == odd
    assert values["command"] == spec.command
    assert (info.fileid, values["priority"], info.action, values["proto"], info.frags) == (
        "1700000000",
        0,
        Action.EXECUTE,
        "https",
        2,
    )
    assert (info.digest_algo, info.digest_encode, info.attributes["GARDEFOU"]) == (
        "MD5",
        "Hexa",
        "rien",
    )
    assert info.attributes["PROTO"] == "HTTPS" and info.attributes["ACT"] == "EXECUTE"
    assert (values["notify_user"], values["notify_countdown"], values["notify_can_abort"]) == (
        True,
        30,
        True,
    )
    assert (values["notify_can_delay"], values["need_done_action"]) == (True, True)
    back = spec_from_info(info, spec.name, spec.os, spec.description)
    assert back == PackageSpec(**{**_fields(spec), "fragments": 2})


def _fields(spec: PackageSpec) -> dict[str, object]:
    return {name: getattr(spec, name) for name in spec.__dataclass_fields__}


@pytest.mark.parametrize(
    ("action", "attribute", "value"),
    [("store", "PATH", "INSTALL_PATH/pkg"), ("execute", "COMMAND", "x"), ("launch", "NAME", "y")],
)
def test_info_attribute_set_and_order(action: str, attribute: str, value: str) -> None:
    key = {"store": "path", "execute": "command", "launch": "launch"}[action]
    spec = PackageSpec("Order", "linux", action, **{key: value})
    names = [name for name, _ in info_attributes(spec, "1", "d", 1)]
    assert names == [
        "ID",
        "PRI",
        "ACT",
        "DIGEST",
        "PROTO",
        "FRAGS",
        "DIGEST_ALGO",
        "DIGEST_ENCODE",
        attribute,
        "NOTIFY_USER",
        "NOTIFY_TEXT",
        "NOTIFY_COUNTDOWN",
        "NOTIFY_CAN_ABORT",
        "NOTIFY_CAN_DELAY",
        "NEED_DONE_ACTION",
        "NEED_DONE_ACTION_TEXT",
        "GARDEFOU",
    ]
    assert parse_info(render_info(spec, "1", "d", 1)).order == value


def test_parse_info_of_the_console() -> None:
    """The PROTOCOL 3.2 example, as the OCS console writes it (empty countdown)."""
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<DOWNLOAD ID="1700000000" PRI="5" '
        b'ACT="LAUNCH" DIGEST="9e107d9d372bb6826bd81d3542a419d6" PROTO="HTTP" FRAGS="2" '
        b'DIGEST_ALGO="MD5" DIGEST_ENCODE="Hexa" NAME="setup.exe /S" NOTIFY_USER="0" '
        b'NOTIFY_TEXT="" NOTIFY_COUNTDOWN="" NOTIFY_CAN_ABORT="0" NOTIFY_CAN_DELAY="0" '
        b'NEED_DONE_ACTION="0" NEED_DONE_ACTION_TEXT="" GARDEFOU="rien" />\n'
    )
    info = parse_info(data)
    assert (info.action, info.values["launch"], info.frags, info.values["notify_countdown"]) == (
        Action.LAUNCH,
        "setup.exe /S",
        2,
        0,
    )


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_existing_archive_is_used_as_is(tmp_path: Path, kind: str) -> None:
    expected = make_tree(tmp_path / "src")
    path = tmp_path / f"ready.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in expected.items():
                archive.writestr(name, content)
    else:
        with tarfile.open(path, "w:gz") as archive:
            archive.add(tmp_path / "src", arcname=".")
    target = "windows" if kind == "zip" else "macos"
    spec = PackageSpec("Ready", target, "store", path="/opt/ready", fragments=4)
    built = build_package(spec, [], tmp_path / "store", archive=path)
    data = check_agent_view(built)
    assert data == path.read_bytes()
    assert built.digest == hashlib.md5(path.read_bytes()).hexdigest()
    assert path.exists()  # the original is untouched


def test_load_built_and_remove(tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    spec = PackageSpec("Load", "windows", "launch", launch="setup.sh", fragments=2, priority=3)
    store = tmp_path / "store"
    built = build_package(spec, [tmp_path / "src"], store)
    loaded = load_built(store, built.fileid, name="Load")
    assert loaded == built
    assert load_built(store, built.fileid).spec.name == built.fileid
    remove_package_files(store, built.fileid)
    assert not built.directory.exists()
    with pytest.raises(FileNotFoundError):
        load_built(store, built.fileid)
    with pytest.raises(ValueError, match="not a FILEID"):
        load_built(store, "../etc")
    remove_package_files(store, built.fileid)  # absent: no error


def test_explicit_fileid_and_next_second(tmp_path: Path) -> None:
    store = tmp_path / "store"
    spec = PackageSpec("Id", "linux", "execute", command="true")
    built = build_package(spec, [], store, fileid="1700000000")
    assert built.fileid == "1700000000"
    assert new_fileid(None, store, now=1700000000.7) == "1700000001"
    staging_dir(store, "1700000001").mkdir()  # a build in progress holds its FILEID too
    assert new_fileid(None, store, now=1700000000) == "1700000002"


def test_progress_is_reported_and_ends_complete(tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    spec = PackageSpec("Progress", "linux", "store", path="/x", fragments=3)
    build_package(spec, [tmp_path / "src"], tmp_path / "store", progress=progress)
    dones = [done for done, _ in seen]
    assert dones == sorted(dones)
    assert seen[-1][0] == seen[-1][1] > 0


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_progress_of_a_ready_made_archive(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"ready.{kind}"
    payload = random.Random(7).randbytes(3 * 1024 * 1024)
    if kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("payload.bin", payload)
    else:
        with tarfile.open(path, "w:gz") as archive:
            info = tarfile.TarInfo("payload.bin")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
    seen: list[tuple[int, int]] = []
    spec = PackageSpec("Ready", "linux", "store", path="/x", fragments=2)
    built = build_package(
        spec,
        [],
        tmp_path / "store",
        archive=path,
        progress=lambda d, t: seen.append((d, t)) or True,
    )
    dones = [done for done, _ in seen]
    assert dones == sorted(dones) and dones[0] == 0
    assert seen[-1][0] == seen[-1][1] == (1 if kind == "zip" else 2) * built.size


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    store = tmp_path / "store"
    calls = 0

    def cancel_soon(done: int, total: int) -> bool:
        nonlocal calls
        calls += 1
        return calls < 3

    spec = PackageSpec("Cancel", "linux", "store", path="/x", fragments=3)
    with pytest.raises(Cancelled):
        build_package(spec, [tmp_path / "src"], store, progress=cancel_soon)
    assert list(store.iterdir()) == []


def test_record_package(engine: Engine, tmp_path: Path) -> None:
    spec = PackageSpec(
        "Firefox é & co",
        "macos",
        "execute",
        command="true",
        priority=2,
        description='installs <it> "now"',
    )
    built = build_package(spec, [], tmp_path / "store")
    with engine.begin() as conn:
        conn.execute(
            insert(AVAILABLE).values(
                FILEID=built.fileid, NAME="old", PRIORITY=9, FRAGMENTS=9, SIZE=9, OSNAME="X"
            )
        )
        record_package(conn, built)
    big = BuiltPackage("1700000000", tmp_path, spec, "d", 5 * 2**30, 1, (5 * 2**30,))
    with engine.begin() as conn:
        record_package(conn, big)
    with engine.connect() as conn:
        rows = {r.FILEID: r for r in conn.execute(select(AVAILABLE))}
        assert new_fileid(conn, now=int(built.fileid)) == str(int(built.fileid) + 1)
    row = rows[built.fileid]
    assert (row.NAME, row.PRIORITY, row.FRAGMENTS, row.SIZE, row.OSNAME) == (
        "Firefox é & co",
        2,
        0,
        0,
        "MACOS",
    )
    assert (row.COMMENT, row.DELETED, row.ID_WK) == ('installs <it> "now"', 0, None)
    assert rows["1700000000"].SIZE == 2**31 - 1  # the OCS column is a signed INT


def test_cli_build_prints_fileid_and_records(
    engine: Engine, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(tmp_path / "src")
    store = tmp_path / "store"
    code = main(
        [
            "package",
            "build",
            "--db",
            db_url,
            "--name",
            "CLI",
            "--os",
            "linux",
            "--action",
            "launch",
            "--launch",
            "setup.sh",
            "--priority",
            "1",
            "--fragment-size",
            "0.001",
            "--proto",
            "https",
            "--store",
            str(store),
            "--quiet",
            str(tmp_path / "src" / "setup.sh"),
            str(tmp_path / "src" / "conf"),
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    fileid = out.out.strip()
    built = load_built(store, fileid, name="CLI", os=TargetOs.LINUX)
    check_agent_view(built)
    assert built.fragment_sizes[0] == round(0.001 * 1024 * 1024)
    assert built.spec.proto == "https" and built.spec.priority == 1
    with engine.connect() as conn:
        row = conn.execute(select(AVAILABLE).where(AVAILABLE.c.FILEID == fileid)).one()
    assert (row.NAME, row.FRAGMENTS, row.SIZE, row.OSNAME) == (
        "CLI",
        built.fragment_count,
        built.size,
        "LINUX",
    )


def test_cli_refuses_bad_options_before_touching_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    code = main(
        [
            "package",
            "build",
            "--db",
            str(tmp_path / "none.sqlite"),
            "--name",
            "X",
            "--os",
            "linux",
            "--action",
            "execute",
            "--store",
            str(store),
        ]
    )
    assert code == 1
    assert "needs a command" in capsys.readouterr().err
    assert not store.exists() and not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": " "}, "name is empty"),
        ({"name": "x" * 256}, "longer than 255"),
        ({"os": "beos"}, "unknown target OS"),
        ({"action": "dance"}, "unknown action"),
        ({"priority": 10}, "priority must be an integer from 0 to 9"),
        ({"priority": -1}, "priority"),
        ({"priority": True}, "priority"),
        ({"fragments": 2, "fragment_size": 10}, "not both"),
        ({"fragments": 0}, "at least 1"),
        ({"fragment_size": 0}, "at least 1 byte"),
        ({"proto": "ftp"}, "http or https"),
        ({"notify_countdown": -5}, "countdown"),
        ({"command": ""}, "needs a command"),
        ({"path": "/x"}, "only for a store package"),
        ({"command": "a\nb"}, "control character"),
        ({"notify_text": "bell\x07"}, "control character"),
    ],
)
def test_validate_explains(changes: dict[str, object], message: str) -> None:
    spec = PackageSpec(
        **{**{"name": "V", "os": "linux", "action": "execute", "command": "c"}, **changes}
    )  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        spec.validate()


def test_spec_normalises_strings() -> None:
    spec = PackageSpec("N", "Windows", "STORE", path="C:\\x", proto="HTTPS")
    assert (spec.os, spec.action, spec.proto) == (TargetOs.WINDOWS, Action.STORE, "https")
    assert spec.os.osname == "WINDOWS" and spec.os.archive_suffix == "zip"
    spec.validate()


# --- one declaration, one build service ------------------------------------------------------


def _set_config(engine: Engine, **ivalues: int) -> None:
    config = Base.metadata.tables["config"]
    with engine.begin() as conn:
        for name, value in ivalues.items():
            conn.execute(delete(config).where(config.c.NAME == name))
            conn.execute(insert(config).values(NAME=name, IVALUE=value))


def _random_file(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(random.Random(size).randbytes(size))  # incompressible
    return path


def test_every_build_option_is_a_declared_field() -> None:
    args = build_parser().parse_args(
        ["package", "build", "--db", "x", "--name", "N", "--os", "windows", "--action",
         "launch", "--launch", "setup.exe /S", "--priority", "0", "--fragment-size", "2",
         "--proto", "https", "--notify-text", "hi", "--notify-countdown", "30",
         "--notify-can-abort", "--notify-can-delay", "--done-text", "bye",
         "--description", "d"]
    )  # fmt: skip
    assert spec_from_args(args) == PackageSpec(
        name="N", os="windows", action="launch", launch="setup.exe /S", priority=0,
        fragment_size=2 * MIB, proto="https", notify_user=True, notify_text="hi",
        notify_countdown=30, notify_can_abort=True, notify_can_delay=True,
        need_done_action=True, done_action_text="bye", description="d",
    )  # fmt: skip
    defaults = spec_from_args(
        build_parser().parse_args(
            ["package", "build", "--db", "x", "--name", "N", "--os", "linux", "--action", "store"]
        )
    )
    assert defaults == PackageSpec("N", "linux", "store")
    flags = {f.flag for f in SPEC_FIELDS if f.flag is not None}
    assert len(flags) == len([f for f in SPEC_FIELDS if f.flag is not None])
    attributes = {f.info: f.name for f in SPEC_FIELDS if f.info is not None}
    assert attributes["NAME"] == "launch" and attributes["PRI"] == "priority"


def test_fragment_sizes_in_mib_and_the_consoles_setting(engine: Engine) -> None:
    assert mib_bytes(0.001) == round(0.001 * MIB) and mib_bytes(1e-12) == 1
    for wrong in (0, -1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="positive"):
            mib_bytes(wrong)
    plain = PackageSpec("F", "linux", "store", path="/x")
    _set_config(engine, DOWNLOAD_ACTIVATE_FRAG=0, DOWNLOAD_RATIO_FRAG=3)
    with engine.connect() as conn:
        assert console_fragment_mib(load_options(conn)) is None
    _set_config(engine, DOWNLOAD_ACTIVATE_FRAG=1)
    with engine.connect() as conn:
        options = load_options(conn)
    assert console_fragment_mib(options) == 3
    assert with_console_fragmentation(plain, options).fragment_size == 3 * MIB
    counted = PackageSpec("F", "linux", "store", path="/x", fragments=2)
    assert with_console_fragmentation(counted, options) == counted
    _set_config(engine, DOWNLOAD_RATIO_FRAG=0)
    with engine.connect() as conn:
        assert console_fragment_mib(load_options(conn)) is None


def test_cli_build_cuts_as_the_console_says(
    engine: Engine, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_config(engine, DOWNLOAD_ACTIVATE_FRAG=1, DOWNLOAD_RATIO_FRAG=1)
    source = _random_file(tmp_path / "src" / "payload.bin", 2 * MIB + 1000)
    store = tmp_path / "store"
    base = ["package", "build", "--db", db_url, "--name", "Cut", "--os", "linux", "--action",
            "store", "--path", "/opt/cut", "--store", str(store), "--quiet",
            str(source)]  # fmt: skip
    assert main(base) == 0
    built = load_built(store, capsys.readouterr().out.strip())
    assert built.fragment_count == 3 and built.fragment_sizes[:2] == (MIB, MIB)
    check_agent_view(built)
    assert main([*base, "--fragments", "1"]) == 0  # an explicit cut wins
    assert load_built(store, capsys.readouterr().out.strip()).fragment_count == 1


def test_build_and_record_records_and_asks_progress_once_more(
    engine: Engine, tmp_path: Path
) -> None:
    source = _random_file(tmp_path / "src" / "payload.bin", 300_000)
    store = tmp_path / "store"
    seen: list[tuple[int, int]] = []
    fileids: list[str] = []
    spec = PackageSpec("Service", "linux", "store", path="/x", fragments=2)
    built = build_and_record(
        engine, spec, [source], store,
        progress=lambda done, total: seen.append((done, total)) or True,
        on_fileid=fileids.append,
    )  # fmt: skip
    assert fileids == [built.fileid]
    check_agent_view(built)
    assert seen[-1] == seen[-2] and seen[-1][0] == seen[-1][1]  # asked again while recording
    with engine.connect() as conn:
        row = conn.execute(select(AVAILABLE).where(AVAILABLE.c.FILEID == built.fileid)).one()
    assert (row.NAME, row.FRAGMENTS) == ("Service", 2)
    with engine.begin() as conn:
        discard_package(conn, store, built.fileid)
    assert list(store.iterdir()) == []
    with engine.connect() as conn:
        assert conn.execute(select(AVAILABLE)).all() == []


def test_build_and_record_leaves_nothing_when_cancelled_while_recording(
    engine: Engine, tmp_path: Path
) -> None:
    source = _random_file(tmp_path / "src" / "payload.bin", 300_000)
    store = tmp_path / "store"
    seen: list[tuple[int, int]] = []

    def cancel_once_built(done: int, total: int) -> bool:
        seen.append((done, total))
        return seen.count((total, total)) < 2  # the build's last report passes, not the next

    spec = PackageSpec("Late cancel", "linux", "store", path="/x")
    with pytest.raises(Cancelled):
        build_and_record(engine, spec, [source], store, progress=cancel_once_built)
    assert list(store.iterdir()) == []
    with engine.connect() as conn:
        assert conn.execute(select(AVAILABLE)).all() == []


def test_build_and_record_leaves_nothing_when_the_record_fails(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocs_desktop.packager import service

    def broken(conn: Connection, built: BuiltPackage) -> None:
        record_package(conn, built)  # the row is written, then the transaction fails
        raise OperationalError("COMMIT", {}, Exception("disk full"))

    monkeypatch.setattr(service, "record_package", broken)
    source = _random_file(tmp_path / "src" / "payload.bin", 1000)
    store = tmp_path / "store"
    spec = PackageSpec("Broken", "linux", "store", path="/x")
    with pytest.raises(OperationalError):
        build_and_record(engine, spec, [source], store)
    assert list(store.iterdir()) == []
    with engine.connect() as conn:
        assert conn.execute(select(AVAILABLE)).all() == []
