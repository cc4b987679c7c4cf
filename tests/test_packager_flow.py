"""Deployment after the build: activation, assignment, status, retry, deletion, upload.

The database half runs on SQLite and MariaDB (the ``engine`` fixture). The upload half
talks to a real ``ocs-desktop serve`` process over HTTPS with a CA of ``cert init``:
right and wrong passwords in the three OCS schemes, a wrong digest, a resumed upload,
path tricks, and the console-style check of the published files.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import bcrypt
import pytest
import requests
from sqlalchemy import Engine, insert, select, update

from ocs_desktop.cli.main import main
from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.models import Base
from ocs_desktop.packager.activation import (
    ActivationError,
    activate,
    check_published,
    normalize_location,
    publish_to_dir,
)
from ocs_desktop.packager.assignment import (
    AssignmentError,
    assign,
    resolve_targets,
    retry_failed,
    unassign,
)
from ocs_desktop.packager.build import build_package, record_package
from ocs_desktop.packager.built import BuiltPackage
from ocs_desktop.packager.deletion import DeletionError, delete_package
from ocs_desktop.packager.spec import PackageSpec
from ocs_desktop.packager.status import (
    WAITING,
    Category,
    UnknownPackage,
    list_packages,
    package_status,
)
from ocs_desktop.packager.upload import UploadError, discard_upload, upload_package
from ocs_desktop.server.operator_auth import check_password, sha256_passwd
from tests.support.live_server import LiveServer, live_server
from tests.support.server_helpers import (
    add_rows,
    client_for,
    options,
    post,
    prolog_xml,
    reply_root,
    set_config,
)

T = Base.metadata.tables
GROUP = "_SYSTEMGROUP_"


# -- helpers --------------------------------------------------------------------------


def _build(
    store: Path, fileid: str, payload: bytes = b"x" * 5000, fragments: int = 3, **spec: object
) -> BuiltPackage:
    source = store.parent / f"src-{fileid}"
    source.mkdir(parents=True, exist_ok=True)
    (source / "run.sh").write_bytes(b"#!/bin/sh\necho ok\n")
    (source / "payload.bin").write_bytes(payload)
    values: dict[str, object] = {
        "name": f"pkg {fileid}", "os": "linux", "action": "execute", "command": "sh run.sh",
        "fragments": fragments, "proto": "https", **spec,
    }  # fmt: skip
    return build_package(PackageSpec(**values), [source], store, fileid=fileid)  # type: ignore[arg-type]


def _recorded(engine: Engine, store: Path, fileid: str, **spec: object) -> BuiltPackage:
    built = _build(store, fileid, **spec)
    with engine.begin() as conn:
        record_package(conn, built)
    return built


def _deviceid(name: str) -> str:
    return f"{name}-2024-01-01-00-00-00"


def _machine(engine: Engine, name: str) -> int:
    return add_rows(engine, "hardware", {"DEVICEID": _deviceid(name), "NAME": name})[0]


def _group(engine: Engine, name: str, members: dict[int, int]) -> int:
    """A group (pseudo-hardware row + groups row) with members {hardware_id: STATIC}."""
    gid = add_rows(engine, "hardware", {"DEVICEID": GROUP, "NAME": name})[0]
    add_rows(engine, "groups", {"HARDWARE_ID": gid, "CREATE_TIME": 0})
    for hid, static in members.items():
        add_rows(engine, "groups_cache", {"HARDWARE_ID": hid, "GROUP_ID": gid, "STATIC": static})
    return gid


def _rows(engine: Engine, hardware_id: int) -> dict[str, tuple[int | None, str | None]]:
    with engine.connect() as conn:
        return {
            r.NAME: (r.IVALUE, r.TVALUE)
            for r in conn.execute(
                select(T["devices"]).where(T["devices"].c.HARDWARE_ID == hardware_id)
            )
        }


def _set_status(engine: Engine, hardware_id: int, status: str | None) -> None:
    devices = T["devices"]
    with engine.begin() as conn:
        conn.execute(
            update(devices)
            .where(devices.c.HARDWARE_ID == hardware_id, devices.c.NAME == "DOWNLOAD")
            .values(TVALUE=status)
        )


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(T[table])).all())


# -- activation -----------------------------------------------------------------------


def test_activate_writes_download_enable_once_per_location(engine: Engine, tmp_path: Path):
    _recorded(engine, tmp_path / "store", "1700000001")
    main_loc, mirror = "ocs.example.org/download", "mirror.example.org:8443/dl"
    enable = T["download_enable"]
    with engine.begin() as conn:
        first = activate(conn, "1700000001", "https://ocs.example.org/download/", main_loc)
        again = activate(conn, "1700000001", main_loc, main_loc)
        other = activate(conn, "1700000001", main_loc, mirror)
        rows = conn.execute(select(enable).order_by(enable.c.ID)).all()
    assert first == again != other
    assert [(r.FILEID, r.INFO_LOC, r.PACK_LOC, r.CERT_PATH, r.CERT_FILE) for r in rows] == [
        ("1700000001", "ocs.example.org/download", "ocs.example.org/download",
         "INSTALL_PATH", "INSTALL_PATH/cacert.pem"),
        ("1700000001", "ocs.example.org/download", "mirror.example.org:8443/dl",
         "INSTALL_PATH", "INSTALL_PATH/cacert.pem"),
    ]  # fmt: skip


def test_activate_refuses_unknown_deleted_and_bad_input(engine: Engine, tmp_path: Path):
    _recorded(engine, tmp_path / "store", "1700000002")
    with engine.begin() as conn:
        with pytest.raises(ActivationError, match="unknown"):
            activate(conn, "1700000099", "h/download", "h/download")
        with pytest.raises(ActivationError, match="not a FILEID"):
            activate(conn, "../1700000002", "h/download", "h/download")
        with pytest.raises(ActivationError, match="HOST"):
            activate(conn, "1700000002", "h/download?x=1 y", "h/download")
        conn.execute(update(T["download_available"]).values(DELETED=1))
        with pytest.raises(ActivationError, match="deleted"):
            activate(conn, "1700000002", "h/download", "h/download")
    assert _count(engine, "download_enable") == 0
    assert normalize_location("$IP$/download") == "$IP$/download"


def test_publish_to_dir_is_atomic_and_idempotent(tmp_path: Path):
    store, download = tmp_path / "store", tmp_path / "download"
    download.mkdir()
    built = _build(store, "1700000003")
    target = publish_to_dir(store, "1700000003", download)
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in built.files)
    assert (target / "info").read_bytes() == built.info_path.read_bytes()
    assert publish_to_dir(store, "1700000003", download) == target  # same files: fine
    # another package under the same FILEID: refused, the published one untouched
    other = tmp_path / "other"
    _build(other, "1700000003", payload=b"y" * 7000)
    with pytest.raises(ActivationError, match="already exists"):
        publish_to_dir(other, "1700000003", download)
    assert (target / "info").read_bytes() == built.info_path.read_bytes()
    # an incomplete package is refused before anything is copied
    broken = tmp_path / "broken"
    shutil.copytree(built.directory, broken / "1700000004")
    (broken / "1700000004" / "info").write_bytes(
        built.info_path.read_bytes().replace(b"1700000003", b"1700000004")
    )
    (broken / "1700000004" / "1700000003-2").rename(broken / "1700000004" / "gone")
    with pytest.raises(ActivationError, match="lacks fragment"):
        publish_to_dir(broken, "1700000004", download)
    assert sorted(p.name for p in download.iterdir()) == ["1700000003"]  # no temp left


# -- assignment -----------------------------------------------------------------------


def test_assign_machines_and_groups_with_options(engine: Engine, tmp_path: Path):
    _recorded(engine, tmp_path / "store", "1700000010")
    pc1, pc2 = _machine(engine, "pc1"), _machine(engine, "pc2")
    group = _group(engine, "accounting", {pc2: 1})
    with engine.begin() as conn:
        with pytest.raises(AssignmentError, match="not activated"):
            assign(conn, "1700000010", [pc1])
        enable = activate(conn, "1700000010", "srv/download", "srv/download")
        done = assign(
            conn, "1700000010", [pc1], [group],
            force=True, schedule="2030/01/02 03:04", postcmd="reboot",
        )  # fmt: skip
    assert (done.enable_id, done.machine_ids, done.group_ids) == (enable, (pc1,), (group,))
    for hid in (pc1, group):
        assert _rows(engine, hid) == {
            "DOWNLOAD": (enable, None),
            "DOWNLOAD_FORCE": (enable, "1"),
            "DOWNLOAD_SCHEDULE": (enable, "2030/01/02 03:04"),
            "DOWNLOAD_POSTCMD": (enable, "REBOOT"),
        }
    # re-assigning resets the status and replaces the options
    _set_status(engine, pc1, "ERR_BAD_DIGEST")
    with engine.begin() as conn:
        assign(conn, "1700000010", [pc1])
    assert _rows(engine, pc1) == {"DOWNLOAD": (enable, None)}


def test_assign_refuses_bad_targets_and_options(engine: Engine, tmp_path: Path):
    _recorded(engine, tmp_path / "store", "1700000011")
    pc = _machine(engine, "pc")
    group = _group(engine, "g", {})
    with engine.begin() as conn:
        activate(conn, "1700000011", "srv/download", "srv/download")
        for kwargs, message in (
            ({"machine_ids": [group]}, "not machines"),
            ({"group_ids": [pc]}, "not groups"),
            ({"machine_ids": [999999]}, "not machines"),
            ({}, "no machine and no group"),
            ({"machine_ids": [pc], "schedule": "tomorrow"}, "YYYY/MM/DD"),
            ({"machine_ids": [pc], "schedule": "2030/13/45 10:00"}, "real date"),
            ({"machine_ids": [pc], "postcmd": "format c:"}, "REBOOT"),
        ):
            with pytest.raises(AssignmentError, match=message):
                assign(conn, "1700000011", **kwargs)  # type: ignore[arg-type]
    assert _count(engine, "devices") == 0


def test_group_assignment_reaches_members_through_the_server(engine: Engine, tmp_path: Path):
    """The prolog of a static or a dynamic member sends the PACK; an excluded machine's
    does not (groups_cache STATIC 1, 0 and 2)."""
    _recorded(engine, tmp_path / "store", "1700000012")
    member, excluded = _machine(engine, "member"), _machine(engine, "excluded")
    computed = _machine(engine, "computed")
    group = _group(engine, "lab", {member: 1, excluded: 2, computed: 0})
    set_config(engine, "DOWNLOAD", 1)
    with engine.begin() as conn:
        enable = activate(conn, "1700000012", "srv/download", "srv/download")
        assign(conn, "1700000012", group_ids=[group])
        waiting = package_status(conn, "1700000012")
    assert [(s.name, s.via_group) for s in waiting.machines[WAITING]] == [
        ("computed", True),
        ("member", True),
    ]
    packs = {}
    with client_for(engine) as client:
        for name in ("member", "excluded", "computed"):
            reply = reply_root(post(client, prolog_xml(_deviceid(name))))
            params = options(reply)["DOWNLOAD"]
            packs[name] = [p.get("ID") for p in params if p.get("TYPE") == "PACK"]
    assert packs == {"member": ["1700000012"], "excluded": [], "computed": ["1700000012"]}
    assert _rows(engine, member)["DOWNLOAD"] == (enable, "NOTIFIED")
    assert _rows(engine, computed)["DOWNLOAD"] == (enable, "NOTIFIED")
    assert "DOWNLOAD" not in _rows(engine, excluded)
    with engine.connect() as conn:
        status = package_status(conn, "1700000012")
    assert status.counts == {"NOTIFIED": 2} and status.groups == ((group, "lab"),)


def test_unassign_removes_rows_and_pending_members(engine: Engine, tmp_path: Path):
    _recorded(engine, tmp_path / "store", "1700000013")
    pc1, pc2, pc3 = (_machine(engine, n) for n in ("pc1", "pc2", "pc3"))
    group = _group(engine, "g", {pc2: 1, pc3: 0})
    with engine.begin() as conn:
        enable = activate(conn, "1700000013", "srv/download", "srv/download")
        assign(conn, "1700000013", [pc1, pc2, pc3], [group], force=True)
    _set_status(engine, pc3, "SUCCESS")
    with engine.begin() as conn:
        assert unassign(conn, "1700000013", [pc1]) == 2
        removed = unassign(conn, "1700000013", group_ids=[group])
    assert removed == 4  # the group's two rows, and pc2's (still waiting)
    assert _rows(engine, pc1) == {} and _rows(engine, pc2) == {}
    assert _rows(engine, pc3) == {"DOWNLOAD": (enable, "SUCCESS"), "DOWNLOAD_FORCE": (enable, "1")}
    with engine.begin() as conn:
        assert unassign(conn, "1700000099", [pc3]) == 0  # unknown package: nothing to do


def test_retry_failed_resets_only_failures(engine: Engine, tmp_path: Path):
    _recorded(engine, tmp_path / "store", "1700000014")
    statuses = {
        "a": "ERR_BAD_DIGEST", "b": "EXIT_CODE_3", "c": "SUCCESS", "d": "EXIT_CODE_0",
        "e": "NOTIFIED", "f": None, "g": "ERR_DOWNLOAD_INFO", "h": "SUCCESS_ALREADY_IN_HISTORY",
    }  # fmt: skip
    ids = {name: _machine(engine, name) for name in statuses}
    with engine.begin() as conn:
        activate(conn, "1700000014", "srv/download", "srv/download")
        assign(conn, "1700000014", ids.values())
    for name, status in statuses.items():
        _set_status(engine, ids[name], status)
    with engine.begin() as conn:
        assert retry_failed(conn, "1700000014") == 3
        assert retry_failed(conn, "1700000014") == 0
        status = package_status(conn, "1700000014")
    assert status.counts == {
        WAITING: 4,
        "NOTIFIED": 1,
        "EXIT_CODE_0": 1,
        "SUCCESS": 1,
        "SUCCESS_ALREADY_IN_HISTORY": 1,
    }
    assert {s.name for s in status.machines[WAITING]} == {"a", "b", "f", "g"}


def test_resolve_targets_by_name(engine: Engine):
    pc1 = _machine(engine, "pc1")
    twin_a, twin_b = _machine(engine, "twin"), _machine(engine, "twin")
    group = _group(engine, "pc1-group", {})
    with engine.connect() as conn:
        targets = resolve_targets(conn, ["pc1", "pc1-group", f"#{twin_b}"])
        assert (targets.machine_ids, targets.group_ids) == ((pc1, twin_b), (group,))
        assert resolve_targets(conn, ["pc1-group"], "group").group_ids == (group,)
        with pytest.raises(AssignmentError, match="no machine named 'pc1-group'"):
            resolve_targets(conn, ["pc1-group"], "machine")
        with pytest.raises(AssignmentError, match=f"#{twin_a}, #{twin_b}"):
            resolve_targets(conn, ["twin"])
        with pytest.raises(AssignmentError, match="nobody"):
            resolve_targets(conn, ["nobody"])


# -- status and list ------------------------------------------------------------------


def test_list_packages_counts_by_status(engine: Engine, tmp_path: Path):
    store = tmp_path / "store"
    built = _recorded(engine, store, "1700000020", priority=2)
    _recorded(engine, store, "1700000021", fragments=1)
    machines = [_machine(engine, f"m{i}") for i in range(5)]
    group = _group(engine, "grp", {machines[4]: 0})
    with engine.begin() as conn:
        activate(conn, "1700000020", "srv/download", "srv/download")
        assign(conn, "1700000020", machines[:4], [group])
    for hid, status in zip(machines, ("SUCCESS", "ERR_BAD_DIGEST", "NOTIFIED", None), strict=False):
        _set_status(engine, hid, status)
    with engine.connect() as conn:
        listed = {p.fileid: p for p in list_packages(conn)}
        with pytest.raises(UnknownPackage):
            package_status(conn, "1700000099")
    first, second = listed["1700000020"], listed["1700000021"]
    assert (first.name, first.priority, first.fragments) == ("pkg 1700000020", 2, 3)
    assert first.osname == "LINUX"
    assert first.size == built.size and first.activated and not second.activated
    assert first.counts == {"SUCCESS": 1, "ERR_BAD_DIGEST": 1, "NOTIFIED": 1, WAITING: 2}
    assert first.by_category == {Category.WAITING: 2, Category.NOTIFIED: 1,
                                 Category.SUCCESS: 1, Category.ERROR: 1}  # fmt: skip
    assert second.counts == {} and second.fragments == 1


# -- deletion -------------------------------------------------------------------------


def test_delete_package_as_ocs_and_files(engine: Engine, tmp_path: Path):
    store, download = tmp_path / "store", tmp_path / "download"
    download.mkdir()
    _recorded(engine, store, "1700000030")
    _recorded(engine, store, "1700000031")
    publish_to_dir(store, "1700000030", download)
    pc = _machine(engine, "pc")
    with engine.begin() as conn:
        activate(conn, "1700000030", "a/download", "a/download")
        activate(conn, "1700000030", "b/download", "b/download")
        keep = activate(conn, "1700000031", "a/download", "a/download")
        assign(conn, "1700000030", [pc], force=True)
        assign(conn, "1700000031", [pc])
        done = delete_package(conn, "1700000030", store, download)
    assert (done.activations, done.device_rows, done.store_removed, done.published_removed) == (
        2, 2, True, True,
    )  # fmt: skip
    assert not (store / "1700000030").exists() and not (download / "1700000030").exists()
    assert list(download.iterdir()) == []
    assert _rows(engine, pc) == {"DOWNLOAD": (keep, None)}
    with engine.connect() as conn:
        available = T["download_available"]
        deleted = conn.execute(
            select(available.c.DELETED).where(available.c.FILEID == "1700000030")
        ).scalar_one()
        enables = conn.execute(select(T["download_enable"].c.FILEID)).scalars().all()
        assert [p.fileid for p in list_packages(conn)] == ["1700000031"]
        listed = [p.fileid for p in list_packages(conn, include_deleted=True)]
        assert listed == ["1700000031", "1700000030"]
    assert deleted == 1 and enables == ["1700000031"]
    with engine.begin() as conn, pytest.raises(DeletionError, match="no package"):
        delete_package(conn, "1700000099")


def test_cli_assign_status_retry_delete(engine: Engine, tmp_path: Path, capsys):
    url = engine.url.render_as_string(hide_password=False)
    store, download = tmp_path / "store", tmp_path / "download"
    download.mkdir()
    _recorded(engine, store, "1700000040")
    pc = _machine(engine, "pc")
    _group(engine, "team", {pc: 1})
    base = ["package"]
    common = ["--db", url]
    assert main([*base, "activate", *common, "1700000040", "--info-loc", "srv/download",
                 "--pack-loc", "srv/download", "--download-dir", str(download),
                 "--store", str(store), "--no-check", "--quiet"]) == 0  # fmt: skip
    enable = int(capsys.readouterr().out.strip())
    assert main([*base, "assign", *common, "1700000040", "--machine", "pc", "--group", "team",
                 "--schedule", "2030/01/01 00:00"]) == 0  # fmt: skip
    assert "1 machine(s) and 1 group(s)" in capsys.readouterr().out
    assert main([*base, "assign", *common, "1700000040", "--machine", "ghost"]) == 1
    assert "no machine named 'ghost'" in capsys.readouterr().err
    _set_status(engine, pc, "ERR_EXECUTE")
    assert main([*base, "status", *common, "1700000040", "--csv"]) == 0
    assert f"1700000040,{pc},pc,ERR_EXECUTE" in capsys.readouterr().out
    assert main([*base, "retry-failed", *common, "1700000040"]) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert main([*base, "status", *common]) == 0
    listing = capsys.readouterr().out
    assert "1700000040" in listing and "yes" in listing
    assert main([*base, "unassign", *common, "1700000040", "--group", "team"]) == 0
    capsys.readouterr()
    assert main([*base, "delete", *common, "1700000040", "--store", str(store),
                 "--download-dir", str(download)]) == 0  # fmt: skip
    assert "1 activation(s)" in capsys.readouterr().out
    assert not (download / "1700000040").exists() and not (store / "1700000040").exists()
    assert main([*base, "delete", *common, "1700000099", "--store", str(store)]) == 1
    assert "no package" in capsys.readouterr().err  # refused, not a traceback
    assert _rows(engine, pc) == {}
    assert enable > 0


# -- operator passwords ---------------------------------------------------------------


def test_operator_password_schemes():
    bcrypt_2y = bcrypt.hashpw(b"s3cret", bcrypt.gensalt(4)).decode().replace("$2b$", "$2y$", 1)
    assert check_password(bcrypt_2y, 1, "s3cret") and not check_password(bcrypt_2y, 1, "S3cret")
    md5 = hashlib.md5(b"old").hexdigest()
    assert check_password(md5, 0, "old") and check_password(md5.upper(), 0, "old")
    assert not check_password(md5, 2, "old")
    assert check_password(sha256_passwd("admin"), 2, "admin")
    assert not check_password(sha256_passwd("admin"), 2, "admin ")
    assert not check_password(None, 2, "admin") and not check_password("", 0, "")
    assert not check_password("not-bcrypt", 1, "x") and not check_password("abc", 7, "abc")
    # PHP's bcrypt reads 72 bytes; a longer password still checks (bcrypt>=5 would refuse it)
    long = "p" * 100
    stored = bcrypt.hashpw(long.encode()[:72], bcrypt.gensalt(4)).decode()
    assert check_password(stored, 1, long)


# -- the upload endpoint, against a live server ---------------------------------------


@dataclass
class Site:
    server: LiveServer
    engine: Engine
    url: str
    ca: Path
    download: Path
    store: Path
    root: Path

    @property
    def location(self) -> str:
        return f"127.0.0.1:{self.server.port}/download"

    def published(self) -> list[str]:
        return sorted(p.name for p in self.download.iterdir() if not p.name.startswith("."))

    def staged(self) -> list[str]:
        staging = self.download / ".upload"
        return sorted(p.name for p in staging.iterdir()) if staging.exists() else []


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("upload")
    url = normalize_url(str(root / "ocsweb.sqlite"))
    engine = create_engine_for(url)
    init_database(engine)
    operators = T["operators"]
    php_bcrypt = bcrypt.hashpw(b"s3cret", bcrypt.gensalt(6)).decode().replace("$2b$", "$2y$")
    with engine.begin() as conn:
        conn.execute(
            insert(operators),
            [
                {"ID": "deployer", "PASSWD": php_bcrypt, "PASSWORD_VERSION": 1},
                {"ID": "legacy", "PASSWD": hashlib.md5(b"old").hexdigest(), "PASSWORD_VERSION": 0},
            ],
        )
    certs, download = root / "certs", root / "download"
    download.mkdir()
    names = ["--host", "localhost", "--ip", "127.0.0.1"]
    assert main(["cert", "init", "--dir", str(certs), *names]) == 0
    extra = ["--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key"),
             "--download-dir", str(download)]  # fmt: skip
    with live_server(url, root, extra, ca_file=certs / "cacert.pem") as server:
        yield Site(server, engine, server.url, certs / "cacert.pem", download, root / "store", root)
    engine.dispose()


def _upload(site: Site, fileid: str, user: str = "admin", password: str = "admin", **kw):
    return upload_package(site.url, site.store, fileid, user=user, password=password,
                          verify=str(site.ca), **kw)  # fmt: skip


@pytest.mark.parametrize(("user", "password"), [("admin", "admin"), ("deployer", "s3cret"),
                                                ("legacy", "old")])  # fmt: skip
def test_upload_publishes_with_each_password_scheme(site: Site, user: str, password: str):
    fileid = {"admin": "1710000001", "deployer": "1710000002", "legacy": "1710000003"}[user]
    built = _build(site.store, fileid, payload=os.urandom(300_000), fragments=4)
    seen: list[tuple[int, int]] = []
    result = _upload(site, fileid, user, password, chunk_size=64 * 1024,
                     progress=lambda d, t: seen.append((d, t)) or True)  # fmt: skip
    assert (result.total_bytes, result.sent_bytes, result.digest) == (
        sum(built.fragment_sizes) + built.info_path.stat().st_size,
        result.total_bytes,
        built.digest,
    )
    assert seen[-1] == (result.total_bytes, result.total_bytes)
    published = site.download / fileid
    for path in built.files:
        assert (published / path.name).read_bytes() == path.read_bytes()
    assert fileid not in site.staged()
    # the console-style check now passes, over HTTPS with our CA
    checked = check_published(site.location, site.location, fileid, str(site.ca))
    assert checked.info.digest == built.digest
    assert checked.fragment_url == f"https://{site.location}/{fileid}/{fileid}-1"
    # uploading the same package again is a no-op
    assert _upload(site, fileid, user, password).already_published


def test_upload_with_a_wrong_password_is_refused(site: Site):
    _build(site.store, "1710000010")
    for user, password in (("admin", "nimda"), ("deployer", "admin"), ("nobody", "admin"),
                           ("legacy", "OLD")):  # fmt: skip
        with pytest.raises(UploadError, match="wrong operator login or password") as caught:
            _upload(site, "1710000010", user, password)
        assert caught.value.status == 401
    assert "1710000010" not in site.published() and "1710000010" not in site.staged()
    assert "admin login refused for operator 'nobody'" in site.server.log_text()
    assert "admin.auth_failed" in site.server.log_text()
    # no credentials at all: 401 with a Basic challenge
    answer = requests.get(f"{site.url}/admin/packages/1710000010/upload", verify=str(site.ca))
    assert answer.status_code == 401 and answer.headers["WWW-Authenticate"].startswith("Basic")


def test_upload_with_a_wrong_digest_publishes_nothing(site: Site):
    built = _build(site.store, "1710000020", payload=os.urandom(50_000))
    info = built.info_path.read_bytes()
    built.info_path.write_bytes(info.replace(built.digest.encode(), b"0" * 32))
    with pytest.raises(UploadError, match="digest mismatch") as caught:
        _upload(site, "1710000020")
    assert caught.value.status == 422
    assert "1710000020" not in site.published() and "1710000020" not in site.staged()
    built.info_path.write_bytes(info)  # repaired: the next attempt starts over and works
    assert _upload(site, "1710000020").sent_bytes > 50_000
    assert "1710000020" in site.published()


def test_upload_resumes_after_a_cut(site: Site):
    built = _build(site.store, "1710000030", payload=os.urandom(400_000), fragments=2)
    calls = 0

    def stop_after_three(done: int, total: int) -> bool:
        nonlocal calls
        calls += 1
        return calls < 3  # stops at the report after the second chunk

    with pytest.raises(Cancelled):
        _upload(site, "1710000030", chunk_size=32 * 1024, progress=stop_after_three)
    assert "1710000030" in site.staged() and "1710000030" not in site.published()
    held = (site.download / ".upload" / "1710000030" / "1710000030-1").stat().st_size
    assert held == 2 * 32 * 1024
    total = sum(built.fragment_sizes) + built.info_path.stat().st_size
    result = _upload(site, "1710000030", chunk_size=128 * 1024)
    assert result.sent_bytes == total - held
    published = site.download / "1710000030" / "1710000030-1"
    assert published.read_bytes() == built.fragment_paths[0].read_bytes()
    # a client that wrote past the end can start a file over at offset 0; a gap is refused
    auth = ("admin", "admin")
    gap = requests.put(f"{site.url}/admin/packages/1710000031/upload/1710000031-1?offset=10",
                       data=b"abc", auth=auth, verify=str(site.ca))  # fmt: skip
    assert gap.status_code == 409 and gap.json()["size"] == 0
    assert discard_upload(site.url, "1710000031", user="admin", password="admin",
                          verify=str(site.ca)) is True  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("PUT", "/admin/packages/..%2F..%2Fevil/upload/info", {400, 404}),
        ("PUT", "/admin/packages/1710000040/upload/..%2F..%2Fevil", {400, 404}),
        ("PUT", "/admin/packages/1710000040/upload/info.php", {400}),
        ("PUT", "/admin/packages/1710000040/upload/1710000041-1", {400}),
        ("PUT", "/admin/packages/1710000040/upload/1710000040-0", {400}),
        ("PUT", "/admin/packages/17100000a0/upload/info", {400}),
        ("PUT", "/admin/packages/1710000040/upload/info?offset=-1", {400}),
        ("POST", "/admin/packages/%2e%2e/commit", {400, 404}),
        ("GET", "/admin/packages/../../etc/passwd", {400, 404}),
        ("DELETE", "/admin/packages/1710000040/commit", {404}),
    ],
)
def test_upload_refuses_path_tricks(site: Site, method: str, path: str, status: set[int]):
    before = sorted(str(p.relative_to(site.root)) for p in site.root.rglob("*"))
    session = requests.Session()
    request = requests.Request(method, f"{site.url}{path}", data=b"evil", auth=("admin", "admin"))
    prepared = session.prepare_request(request)
    prepared.url = f"{site.url}{path}"  # exactly as written: no client-side normalisation
    answer = session.send(prepared, verify=str(site.ca))
    assert answer.status_code in status, answer.text
    assert answer.json()["error"]
    after = sorted(str(p.relative_to(site.root)) for p in site.root.rglob("*"))
    assert [p for p in after if p not in before and not p.startswith("server-")] == []


def test_commit_of_an_incomplete_upload_is_refused(site: Site):
    built = _build(site.store, "1710000050", fragments=3)
    auth, ca = ("admin", "admin"), str(site.ca)
    base = f"{site.url}/admin/packages/1710000050"
    nothing = requests.post(f"{base}/commit", auth=auth, verify=ca)
    assert nothing.status_code == 409 and "no info file" in nothing.json()["error"]
    info = built.info_path.read_bytes()
    put = requests.put(f"{base}/upload/info", data=info, auth=auth, verify=ca)
    assert put.status_code == 200
    missing = requests.post(f"{base}/commit", auth=auth, verify=ca)
    assert missing.status_code == 409 and "1710000050-1" in missing.json()["error"]
    assert "1710000050" not in site.published()
    # the client finishes the job from there
    assert _upload(site, "1710000050").sent_bytes == sum(built.fragment_sizes)


def test_check_published_reports_clear_errors(site: Site, tmp_path: Path):
    _build(site.store, "1710000060")
    with pytest.raises(ActivationError, match="answered 404"):
        check_published(site.location, site.location, "1710000060", str(site.ca))
    _upload(site, "1710000060")
    other = tmp_path / "other"
    assert main(["cert", "init", "--dir", str(other), "--host", "localhost"]) == 0
    with pytest.raises(ActivationError, match="TLS certificate not trusted"):
        check_published(site.location, site.location, "1710000060", str(other / "cacert.pem"))
    elsewhere = f"127.0.0.1:{site.server.port}/elsewhere"
    with pytest.raises(ActivationError, match=r"first fragment.*404"):
        check_published(site.location, elsewhere, "1710000060", str(site.ca))


def test_admin_endpoint_needs_a_download_dir_and_https(engine: Engine):
    token = base64.b64encode(b"admin:admin").decode()
    headers = {"Authorization": f"Basic {token}"}
    with client_for(engine) as client:  # no download folder, plain HTTP from a non-loopback peer
        assert client.get("/admin/packages/1/upload", headers=headers).status_code == 403
    with client_for(engine) as client:
        client.base_url = client.base_url.copy_with(scheme="https")  # type: ignore[attr-defined]
        answer = client.get("/admin/packages/1/upload", headers=headers)
        assert answer.status_code == 503 and "--download-dir" in answer.json()["error"]
        bad = client.get("/admin/packages/1/upload", headers={"Authorization": "Basic !!"})
        assert bad.status_code == 401


def test_cli_activate_by_upload(site: Site, capsys, monkeypatch):
    built = _build(site.store, "1710000070")
    with site.engine.begin() as conn:
        record_package(conn, built)
    db = site.engine.url.render_as_string(hide_password=False)
    args = ["package", "activate", "--db", db, "1710000070", "--info-loc", site.location,
            "--pack-loc", site.location, "--upload", site.url, "--store", str(site.store),
            "--ca", str(site.ca), "--quiet"]  # fmt: skip
    monkeypatch.setenv("OCS_DESKTOP_PASSWORD", "wrong")
    assert main(args) == 1
    assert "wrong operator login or password" in capsys.readouterr().err
    with site.engine.connect() as conn:
        assert conn.execute(select(T["download_enable"])).all() == []
    monkeypatch.setenv("OCS_DESKTOP_PASSWORD", "admin")
    assert main(args) == 0
    enable = int(capsys.readouterr().out.strip())
    with site.engine.connect() as conn:
        enables = T["download_enable"]
        row = conn.execute(select(enables).where(enables.c.ID == enable)).one()
    assert (row.FILEID, row.INFO_LOC, row.PACK_LOC) == ("1710000070", site.location, site.location)
    assert "1710000070" in site.published()
