"""The agent protocol of the communication server, reply by reply (PROTOCOL 1.6 - 1.9).

Replies are compared with the real reference server's answers in tests/data/http-capture
where a capture exists, and with the rules of PROTOCOL.md elsewhere.
"""

from __future__ import annotations

import datetime as dt
import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from lxml import etree
from sqlalchemy import Engine, select, text, update
from starlette.testclient import TestClient

from ocs_desktop.models import Base
from ocs_desktop.server.queries import QUERIES, handler_for, unknown
from tests.support.builders import FIRST, count, inventory_xml
from tests.support.server_helpers import (
    DEVICEID,
    UNIX_UA,
    add_rows,
    captured_reply,
    client_for,
    options,
    post,
    prolog_xml,
    reply_root,
    set_config,
    shape,
)

HARDWARE = Base.metadata.tables["hardware"]
DEVICES = Base.metadata.tables["devices"]
SAMPLE_ID = "vm-2026-11-25-08-13-43"


def _machine(engine: Engine, deviceid: str = DEVICEID, **hardware: object) -> int:
    values = {"DEVICEID": deviceid, "NAME": deviceid.split("-")[0], **hardware}
    return add_rows(engine, "hardware", values)[0]


def _hw(engine: Engine, hardware_id: int):
    with engine.connect() as conn:
        return conn.execute(select(HARDWARE).where(HARDWARE.c.ID == hardware_id)).one()


def _devices(engine: Engine, hardware_id: int, name: str = "DOWNLOAD") -> list[tuple]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(DEVICES.c.IVALUE, DEVICES.c.TVALUE)
                .where(DEVICES.c.HARDWARE_ID == hardware_id, DEVICES.c.NAME == name)
                .order_by(DEVICES.c.ID)
            )
        ]


def _group(engine: Engine, member: int, static: int = 1) -> int:
    group = _machine(engine, f"_SYSTEMGROUP_{member}-2024-01-01-00-00-00")
    add_rows(engine, "groups", {"HARDWARE_ID": group, "CREATE_TIME": 0})
    add_rows(engine, "groups_cache", {"HARDWARE_ID": member, "GROUP_ID": group, "STATIC": static})
    return group


def _param(engine: Engine, hardware_id: int, name: str, ivalue: int | None, tvalue=None) -> None:
    add_rows(engine, "devices", {"HARDWARE_ID": hardware_id, "NAME": name, "IVALUE": ivalue,
                                 "TVALUE": tvalue})  # fmt: skip


# -- PROLOG ---------------------------------------------------------------------------------
def test_prolog_new_machine_matches_the_capture(engine: Engine) -> None:
    with client_for(engine) as client:
        response = post(client, prolog_xml("vm-2026-11-25-08-13-43"))
    root = reply_root(response)
    assert shape(root) == shape(captured_reply("ocsinventory-agent-001-PROLOG.txt"))
    assert root.findtext("RESPONSE") == "SEND"
    assert root.findtext("PROLOG_FREQ") == "24"
    assert root.findtext("INVENTORY_ON_STARTUP") == "1"
    assert count(engine, "hardware") == 0  # a prolog alone creates nothing


def test_prolog_reads_config_changes_without_restart(engine: Engine) -> None:
    with client_for(engine) as client:
        assert reply_root(post(client, prolog_xml())).findtext("PROLOG_FREQ") == "24"
        set_config(engine, "PROLOG_FREQ", 6)
        set_config(engine, "DOWNLOAD_FRAG_LATENCY", 33)
        root = reply_root(post(client, prolog_xml()))
    assert root.findtext("PROLOG_FREQ") == "6"
    assert options(root)["DOWNLOAD"][0].get("FRAG_LATENCY") == "33"


def test_prolog_updates_known_machine(engine: Engine) -> None:
    two_days_ago = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=2)
    hid = _machine(engine, LASTCOME=two_days_ago, FIDELITY=3, QUALITY=1, USERAGENT="old")
    with client_for(engine) as client:
        reply_root(post(client, prolog_xml()))
    row = _hw(engine, hid)
    assert row.FIDELITY == 4
    assert row.USERAGENT == UNIX_UA
    assert row.LASTCOME > two_days_ago
    # ((2 days) + 1 * 3) / 4 = 1.25
    assert float(row.QUALITY) == pytest.approx(1.25, abs=0.01)


@pytest.mark.parametrize(
    ("global_freq", "machine_freq", "group_freq", "age_days", "expected", "with_options"),
    [
        (0, -1, None, 0, "SEND", True),  # quirk: global 0 ignores overrides
        (-1, 0, None, 10, "STOP", False),  # never: and no option at all
        (3, None, None, 1, "STOP", True),
        (3, None, None, 4, "SEND", True),
        (3, 0, None, 1, "SEND", True),  # per-machine override
        (3, None, 0, 1, "SEND", True),  # per-group override
        (3, 5, 2, 3, "SEND", True),  # smallest of machine and groups: 2 days
        (3, None, -1, 30, "STOP", False),  # a group says never
        (3, 10, None, 5, "STOP", True),
    ],
)
def test_frequency_decision(
    engine: Engine, global_freq, machine_freq, group_freq, age_days, expected, with_options
) -> None:
    lastdate = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=age_days, hours=1)
    hid = _machine(engine, LASTDATE=lastdate, LASTCOME=lastdate)
    set_config(engine, "FREQUENCY", global_freq)
    if machine_freq is not None:
        _param(engine, hid, "FREQUENCY", machine_freq)
    if group_freq is not None:
        _param(engine, _group(engine, hid), "FREQUENCY", group_freq)
    with client_for(engine) as client:
        root = reply_root(post(client, prolog_xml()))
    assert root.findtext("RESPONSE") == expected
    assert ("DOWNLOAD" in options(root)) is with_options


def test_excluded_group_does_not_count(engine: Engine) -> None:
    lastdate = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=1)
    hid = _machine(engine, LASTDATE=lastdate)
    set_config(engine, "FREQUENCY", 3)
    _param(engine, _group(engine, hid, static=2), "FREQUENCY", 0)
    with client_for(engine) as client:
        assert reply_root(post(client, prolog_xml())).findtext("RESPONSE") == "STOP"


def test_new_machine_with_frequency_never_is_stopped(engine: Engine) -> None:
    set_config(engine, "FREQUENCY", -1)
    with client_for(engine) as client:
        root = reply_root(post(client, prolog_xml()))
    assert root.findtext("RESPONSE") == "STOP"
    assert options(root) == {}


def test_prolog_freq_and_startup_resolution(engine: Engine) -> None:
    hid = _machine(engine)
    g1, g2 = _group(engine, hid), _group(engine, hid)
    _param(engine, g1, "PROLOG_FREQ", 10)
    _param(engine, g2, "PROLOG_FREQ", 8)
    _param(engine, g2, "INVENTORY_ON_STARTUP", 0)
    with client_for(engine) as client:
        root = reply_root(post(client, prolog_xml()))
        assert root.findtext("PROLOG_FREQ") == "8"  # smallest of the groups
        assert root.findtext("INVENTORY_ON_STARTUP") == "0"
        _param(engine, hid, "PROLOG_FREQ", 30)
        root = reply_root(post(client, prolog_xml()))
    assert root.findtext("PROLOG_FREQ") == "30"  # the machine's own wins


def test_download_conf_resolution(engine: Engine) -> None:
    hid = _machine(engine)
    set_config(engine, "DOWNLOAD", 1)
    g1, g2 = _group(engine, hid), _group(engine, hid)
    _param(engine, g1, "DOWNLOAD_FRAG_LATENCY", 50)
    _param(engine, g2, "DOWNLOAD_FRAG_LATENCY", 70)  # latencies: the largest
    _param(engine, g1, "DOWNLOAD_TIMEOUT", 9)
    _param(engine, g2, "DOWNLOAD_TIMEOUT", 4)  # timeouts: the smallest
    _param(engine, hid, "DOWNLOAD_CYCLE_LATENCY", 5)  # the machine's own
    with client_for(engine) as client:
        [conf] = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
        assert conf.attrib == {
            "TYPE": "CONF", "ON": "1", "FRAG_LATENCY": "70", "CYCLE_LATENCY": "5",
            "PERIOD_LATENCY": "1", "PERIOD_LENGTH": "10", "TIMEOUT": "4",
            "EXECUTION_TIMEOUT": "120",
        }  # fmt: skip
        _param(engine, g1, "DOWNLOAD_SWITCH", 0)
        [conf] = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
    assert conf.get("ON") == "0"


def _package(engine: Engine, fileid: str = "1700000000", **enable: object) -> int:
    add_rows(engine, "download_available", {"FILEID": fileid, "NAME": f"pkg{fileid}",
             "PRIORITY": 5, "FRAGMENTS": 1, "SIZE": 10, "OSNAME": "LINUX"})  # fmt: skip
    values = {"FILEID": fileid, "INFO_LOC": "ocs.example.org/download",
              "PACK_LOC": "ocs.example.org/download", **enable}  # fmt: skip
    return add_rows(engine, "download_enable", values)[0]


def test_assigned_package_is_sent_and_marked_notified(engine: Engine) -> None:
    hid = _machine(engine)
    set_config(engine, "DOWNLOAD", 1)
    enable = _package(engine, CERT_FILE="INSTALL_PATH/cacert.pem")
    _param(engine, hid, "DOWNLOAD", enable, None)
    _param(engine, hid, "DOWNLOAD_FORCE", enable, "1")
    _param(engine, hid, "DOWNLOAD_SCHEDULE", enable, "2030/01/02 03:04")
    with client_for(engine) as client:
        params = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
        assert [p.get("TYPE") for p in params] == ["CONF", "PACK"]
        assert params[1].attrib == {
            "TYPE": "PACK", "ID": "1700000000", "INFO_LOC": "ocs.example.org/download",
            "PACK_LOC": "ocs.example.org/download", "CERT_PATH": "INSTALL_PATH",
            "CERT_FILE": "INSTALL_PATH/cacert.pem", "SCHEDULE": "2030/01/02 03:04",
            "POSTCMD": "", "FORCE": "1",
        }  # fmt: skip
        assert _devices(engine, hid) == [(enable, "NOTIFIED")]
        # NOTIFIED is sent again until the agent reports a result.
        params = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
        assert len(params) == 2
        post(client, f'<REQUEST DEVICEID="{DEVICEID}" ERR="SUCCESS" ID="1700000000" '
             'QUERY="DOWNLOAD"/>'.encode())  # fmt: skip
        params = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
    assert len(params) == 1
    assert _devices(engine, hid) == [(enable, "SUCCESS")]


def test_no_package_when_download_is_off(engine: Engine) -> None:
    hid = _machine(engine)
    _param(engine, hid, "DOWNLOAD", _package(engine), None)
    with client_for(engine) as client:
        params = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
    assert [p.get("TYPE") for p in params] == ["CONF"]
    assert _devices(engine, hid)[0][1] is None


def test_package_in_history_is_not_sent(engine: Engine) -> None:
    hid = _machine(engine)
    set_config(engine, "DOWNLOAD", 1)
    enable = _package(engine)
    _param(engine, hid, "DOWNLOAD", enable, None)
    add_rows(engine, "download_history", {"HARDWARE_ID": hid, "PKG_ID": 1700000000})
    with client_for(engine) as client:
        params = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
    assert len(params) == 1
    assert _devices(engine, hid) == [(enable, "SUCCESS_ALREADY_IN_HISTORY")]


def test_group_package_is_traced_per_machine(engine: Engine) -> None:
    hid = _machine(engine)
    set_config(engine, "DOWNLOAD", 1)
    enable = _package(engine, PACK_LOC="$NAME$/download", SERVER_ID=None)
    enable2 = _package(engine, "1700000001")
    group = _group(engine, hid)
    _param(engine, group, "DOWNLOAD", enable, None)  # unknown redistribution server: skipped
    _param(engine, group, "DOWNLOAD", enable2, None)
    with client_for(engine) as client:
        params = options(reply_root(post(client, prolog_xml())))["DOWNLOAD"]
    assert [p.get("ID") for p in params[1:]] == ["1700000001"]
    assert sorted(_devices(engine, hid)) == [(enable, "NOTIFIED"), (enable2, "NOTIFIED")]


def test_registry_option(engine: Engine) -> None:
    add_rows(engine, "regconfig", {"NAME": "AppVersion", "REGTREE": 2,
             "REGKEY": "SOFTWARE\\Vendor\\App", "REGVALUE": "Version"})  # fmt: skip
    with client_for(engine) as client:
        assert "REGISTRY" not in options(reply_root(post(client, prolog_xml())))
        set_config(engine, "REGISTRY", 1)
        [param] = options(reply_root(post(client, prolog_xml())))["REGISTRY"]
    assert param.attrib == {"REGTREE": "2", "REGKEY": "SOFTWARE\\Vendor\\App", "NAME": "AppVersion"}
    assert param.text == "Version"


# -- INVENTORY ------------------------------------------------------------------------------
def test_inventory_reply_matches_the_capture(engine: Engine) -> None:
    with client_for(engine) as client:
        response = post(client, FIRST.read_bytes())
        root = reply_root(response)
        assert shape(root) == shape(captured_reply("ocsinventory-agent-002-INVENTORY.txt"))
        assert count(engine, "hardware", DEVICEID=SAMPLE_ID) == 1
        networks = count(engine, "networks")
        assert networks > 0
        # The agent now knows its TAG: no account update, nothing duplicated.
        again = inventory_xml(accountinfo=[("TAG", "NA")])
        root = reply_root(post(client, again))
    assert root.findtext("RESPONSE") == "NO_ACCOUNT_UPDATE"
    assert count(engine, "hardware", DEVICEID=SAMPLE_ID) == 1
    assert count(engine, "networks") == networks
    with engine.connect() as conn:
        row = conn.execute(select(HARDWARE.c.USERAGENT, HARDWARE.c.IPSRC)).one()
    assert row.USERAGENT == UNIX_UA
    assert row.IPSRC == "testclient"


def test_inventory_without_hardware_is_400_and_changes_nothing(engine: Engine) -> None:
    xml = inventory_xml(drop=["HARDWARE"])
    with client_for(engine) as client:
        assert post(client, xml).status_code == 400
    assert count(engine, "hardware") == 0


# -- DOWNLOAD results -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        '<REQUEST DEVICEID="{d}" ERR="ERR_BAD_DIGEST" ID="1700000000" QUERY="DOWNLOAD"/>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST ID="1700000000" ERR="ERR_BAD_DIGEST">'
        "<DEVICEID>{d}</DEVICEID><CONTENT/><QUERY>DOWNLOAD</QUERY></REQUEST>",
    ],
    ids=["unix-attributes", "windows-elements"],
)
def test_download_result_updates_devices(engine: Engine, body: str) -> None:
    hid = _machine(engine)
    enable = _package(engine)
    _param(engine, hid, "DOWNLOAD", enable, "NOTIFIED")
    with client_for(engine) as client:
        response = post(client, body.format(d=DEVICEID).encode(), ua="OCS-NG_WINDOWS_AGENT_v2.11")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == "0"
    assert _devices(engine, hid) == [(enable, "ERR_BAD_DIGEST")]
    with engine.connect() as conn:
        comments = conn.execute(select(DEVICES.c.COMMENTS)).scalar()
    assert comments  # the time of the report


def test_download_result_without_err_and_unknown_package(engine: Engine) -> None:
    hid = _machine(engine)
    enable = _package(engine)
    _param(engine, hid, "DOWNLOAD", enable, "NOTIFIED")
    with client_for(engine) as client:
        ok = post(client, f'<REQUEST DEVICEID="{DEVICEID}" ID="1700000000" QUERY="DOWNLOAD"/>'
                  .encode())  # fmt: skip
        unknown = post(client, f'<REQUEST DEVICEID="{DEVICEID}" ERR="SUCCESS" ID="99" '
                       'QUERY="DOWNLOAD"/>'.encode())  # fmt: skip
    assert (ok.status_code, unknown.status_code) == (200, 200)
    assert _devices(engine, hid) == [(enable, "UNKNOWN_CODE")]


# -- NOTIFY ---------------------------------------------------------------------------------
def test_notify_ip_updates_networks(engine: Engine) -> None:
    with client_for(engine) as client:
        reply_root(post(client, FIRST.read_bytes()))
        body = (
            f"<REQUEST><DEVICEID>{SAMPLE_ID}</DEVICEID><QUERY>NOTIFY</QUERY><TYPE>IP</TYPE>"
            "<IFACE><MAC>02:fc:00:00:00:01</MAC><IP>10.1.2.3</IP><MASK>255.255.0.0</MASK>"
            "<GW>10.1.0.1</GW><SUBNET>10.1.0.0</SUBNET></IFACE>"
            "<IFACE><MAC>ff:ff:ff:ff:ff:ff</MAC><IP>10.9.9.9</IP><MASK>255.0.0.0</MASK></IFACE>"
            "</REQUEST>"
        ).encode()
        response = post(client, body, ua="OCS-NG_WINDOWS_AGENT_v2.11.0.1")
    assert response.status_code == 200
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT IPADDRESS, IPMASK, IPGATEWAY FROM networks WHERE MACADDR = :m"),
            {"m": "02:fc:00:00:00:01"},
        ).all()
        ipaddr = conn.execute(select(HARDWARE.c.IPADDR)).scalar()
    assert {tuple(r) for r in rows} == {("10.1.2.3", "255.255.0.0", "10.1.0.1")}
    assert ipaddr == "10.1.2.3"


# -- refusals -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "ua"),
    [
        (prolog_xml().replace(b"PROLOG", b"FROBNICATE"), UNIX_UA),
        (prolog_xml("no-date-here"), UNIX_UA),
        (prolog_xml().replace(b"<QUERY>PROLOG</QUERY>", b""), UNIX_UA),
        (prolog_xml(), "Mozilla/5.0"),
        (prolog_xml(), "OCS-NG_unified_unix_agent_v3.0"),
        (prolog_xml(), "OCS-NG_windows_client_v4000"),
        (prolog_xml(), ""),
    ],
    ids=["unknown-query", "bad-deviceid", "no-query", "browser", "v3", "old-win", "no-ua"],
)
def test_refused_with_400(engine: Engine, body: bytes, ua: str) -> None:
    with client_for(engine) as client:
        response = post(client, body, ua=ua)
    assert response.status_code == 400
    assert response.content == b""


@pytest.mark.parametrize(
    "ua",
    ["OCS-NG_unified_unix_agent_v2.12.9", "OCS-NG_WINDOWS_AGENT_v2.11.0.1",
     "OCS-NG_WINDOWS_AGENT_v2.9.2.0",  # 2.9 after 2.12 as decimals, the reference's quirk
     "OCS-NG_windows_client_v4040", "OCS-NG_Android_agent_v2.1", "FusionInventory-Agent_v2.6"],
)  # fmt: skip
def test_user_agents_accepted(engine: Engine, ua: str) -> None:
    """Every real agent: the whole table is in test_useragent.py."""
    with client_for(engine) as client:
        assert reply_root(post(client, prolog_xml(), ua=ua)).findtext("RESPONSE") == "SEND"


def test_user_agent_is_only_checked_at_prolog(engine: Engine) -> None:
    with client_for(engine) as client:
        response = post(client, FIRST.read_bytes(), ua="curl/8.0")
    assert response.status_code == 200


def test_methods_and_gets(engine: Engine) -> None:
    with client_for(engine) as client:
        assert client.get("/ocsinventory").status_code == 400
        assert client.put("/ocsinventory", content=b"x").status_code == 403
        assert client.get("/ocsinventory/update/linux/agent/2").status_code == 403


# -- compression in kind --------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["gzip", "plain"])
def test_reply_encoded_like_the_request(engine: Engine, kind: str) -> None:
    xml = prolog_xml()
    body = gzip.compress(xml) if kind == "gzip" else xml
    with client_for(engine) as client:
        response = post(client, body, raw=True)
    assert response.status_code == 200
    data = response.content
    if kind == "gzip":
        assert data[:2] == b"\x1f\x8b"
        data = gzip.decompress(data)
    else:
        assert data.startswith(b"<?xml")
    assert etree.fromstring(data).findtext("RESPONSE") == "SEND"
    with pytest.raises(zlib.error):
        zlib.decompress(response.content)


# -- deploy/<name> --------------------------------------------------------------------------
def test_deploy_label(engine: Engine) -> None:
    add_rows(engine, "deploy", {"NAME": "label", "CONTENT": b"Enter your office number"})
    with client_for(engine) as client:
        response = client.get("/ocsinventory/deploy/label")
        assert response.status_code == 200
        assert response.content == b"Enter your office number"
        assert client.get("/ocsinventory/deploy/nothing").status_code == 400
        set_config(engine, "DEPLOY", 0)
        assert client.get("/ocsinventory/deploy/label").status_code == 403


def test_health(engine: Engine) -> None:
    with client_for(engine) as client:
        response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_database_error_is_500_and_commits_nothing(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":  # the writer fails half-way, after hardware
        trigger = "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
    else:
        trigger = "FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'"
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TRIGGER refuse_cpus BEFORE INSERT ON cpus {trigger}"))
    with client_for(engine) as client:
        response = post(client, FIRST.read_bytes())
        assert response.status_code == 500
        assert client.get("/health").status_code == 200  # the process is fine
    assert count(engine, "hardware") == 0


def test_unused_update_import_guard(engine: Engine) -> None:
    """``LASTDATE`` kept when a prolog says STOP (the agent sends no inventory)."""
    lastdate = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=5)
    hid = _machine(engine, LASTDATE=lastdate)
    set_config(engine, "FREQUENCY", 3)
    with client_for(engine) as client:
        assert reply_root(post(client, prolog_xml())).findtext("RESPONSE") == "STOP"
    assert _hw(engine, hid).LASTDATE == lastdate
    with engine.begin() as conn:
        conn.execute(update(HARDWARE).where(HARDWARE.c.ID == hid).values(LASTDATE=None))
    with client_for(engine) as client:
        assert reply_root(post(client, prolog_xml())).findtext("RESPONSE") == "SEND"


# -- logs -----------------------------------------------------------------------------------
def test_access_log_line(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="ocs_desktop.server.access")
    with client_for(engine) as client:
        reply_root(post(client, prolog_xml()))
        post(client, b"junk", raw=True)
    lines = [r.getMessage() for r in caplog.records if r.name == "ocs_desktop.server.access"]
    assert len(lines) == 2
    fields = dict(part.split("=", 1) for part in lines[0].split(" "))
    assert fields["method"] == "POST" and fields["path"] == "/ocsinventory"
    assert fields["status"] == "200" and int(fields["bytes"]) > 100
    assert fields["deviceid"] == DEVICEID and fields["query"] == "PROLOG"
    assert float(fields["duration_ms"]) > 0
    assert "status=400" in lines[1] and "deviceid=-" in lines[1]


def test_activity_log_follows_loglevel(engine: Engine, tmp_path) -> None:
    activity = tmp_path / "activity.log"
    with client_for(engine, log_dir=str(tmp_path)) as client:
        reply_root(post(client, prolog_xml()))
        assert not activity.exists()  # LOGLEVEL is 0
        set_config(engine, "LOGLEVEL", 1)
        reply_root(post(client, prolog_xml()))
        post(client, prolog_xml(), ua="Mozilla/5.0")
    lines = activity.read_text().splitlines()
    assert len(lines) == 2
    first = lines[0].split(";")
    assert len(first) == 8
    assert first[2:] == ["100", DEVICEID, "testclient", UNIX_UA, "prolog", "SEND"]
    assert lines[1].split(";")[2] == "400" and lines[1].split(";")[6] == "useragent"


def test_ipdiscover_option_forces_send(engine: Engine) -> None:
    lastdate = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1)
    hid = _machine(engine, LASTDATE=lastdate)
    set_config(engine, "FREQUENCY", 3)
    _param(engine, hid, "IPDISCOVER", 1, "192.0.2.0")
    with client_for(engine) as client:
        response = post(client, prolog_xml())
        root = reply_root(response)
        assert root.findtext("RESPONSE") == "SEND"
        assert response.headers["connection"] == "close"
        [param] = options(root)["IPDISCOVER"]
        assert param.attrib == {
            "IPDISC_LAT": "100", "SCAN_TYPE_IPDISCOVER": "ICMP", "SCAN_ARP_BANDWIDTH": "256",
        }  # fmt: skip
        assert param.text == "192.0.2.0"
        _param(engine, _group(engine, hid), "IPDISCOVER", 0)  # a group vetoes
        root = reply_root(post(client, prolog_xml()))
    assert "IPDISCOVER" not in options(root)
    assert root.findtext("RESPONSE") == "STOP"


def test_windows_agent_prolog_form(engine: Engine) -> None:
    """The Windows agent adds an empty CONTENT and sends its own User-Agent."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST><CONTENT/>'
        f"<DEVICEID>{DEVICEID}</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>"
    ).encode()
    with client_for(engine) as client:
        root = reply_root(post(client, xml, ua="OCS-NG_WINDOWS_AGENT_v2.11.0.1"))
    assert root.findtext("RESPONSE") == "SEND"
    assert [p.get("TYPE") for p in options(root)["DOWNLOAD"]] == ["CONF"]


def test_inventory_session_only(engine: Engine) -> None:
    """With INVENTORY_SESSION_ONLY, an INVENTORY must follow a SEND prolog (PROTOCOL 1.6)."""
    set_config(engine, "INVENTORY_SESSION_ONLY", 1)
    before = count(engine, "hardware")
    with client_for(engine) as client:
        refused = post(client, FIRST.read_bytes())
        assert refused.status_code == 403
        assert count(engine, "hardware") == before
        assert reply_root(post(client, prolog_xml(SAMPLE_ID))).findtext("RESPONSE") == "SEND"
        assert count(engine, "prolog_conntrack", DEVICEID=SAMPLE_ID) == 1
        accepted = post(client, FIRST.read_bytes())
        assert accepted.status_code == 200
    assert count(engine, "hardware", DEVICEID=SAMPLE_ID) == 1
    # An expired session no longer counts.
    set_config(engine, "SESSION_VALIDITY_TIME", 0)
    with engine.begin() as conn:
        conn.execute(text("UPDATE prolog_conntrack SET TIMESTAMP = TIMESTAMP - 10"))
    with client_for(engine) as client:
        assert post(client, FIRST.read_bytes()).status_code == 403
    # A trusted address needs no session (OCS_OPT_TRUSTED_IP); the test client is 'testclient'.
    with client_for(engine, trusted_ips=("^test",)) as client:
        assert post(client, FIRST.read_bytes()).status_code == 200


def test_sessions_are_recorded_without_session_only(engine: Engine) -> None:
    with client_for(engine) as client:
        post(client, prolog_xml(SAMPLE_ID))
        set_config(engine, "FREQUENCY", -1)
        post(client, prolog_xml("other-2026-01-01-00-00-00"))
    # SEND opens a session; a "break" (FREQUENCY -1) does not.
    assert count(engine, "prolog_conntrack", DEVICEID=SAMPLE_ID) == 1
    assert count(engine, "prolog_conntrack", DEVICEID="other-2026-01-01-00-00-00") == 0


# -- dispatch by QUERY ----------------------------------------------------------------------
#: A message each QUERY the server answers takes, and the phase its activity line names.
ANSWERED = {
    "PROLOG": prolog_xml(),
    "INVENTORY": FIRST.read_bytes(),
    "DOWNLOAD": f'<REQUEST DEVICEID="{DEVICEID}" ERR="SUCCESS" ID="1" QUERY="DOWNLOAD"/>'.encode(),
    "NOTIFY": f"<REQUEST><DEVICEID>{DEVICEID}</DEVICEID><QUERY>NOTIFY</QUERY><TYPE>IP</TYPE>"
    "</REQUEST>".encode(),
}


def _activity(tmp_path) -> list[list[str]]:
    return [line.split(";") for line in (tmp_path / "activity.log").read_text().splitlines()]


@contextmanager
def _logging_client(engine: Engine, tmp_path) -> Iterator[TestClient]:
    """A client with LOGLEVEL on whose worker has read ``config`` once (a PROLOG): the
    activity log follows the last snapshot, and DOWNLOAD, NOTIFY or an unknown QUERY do
    not read ``config``."""
    set_config(engine, "LOGLEVEL", 1)
    with client_for(engine, log_dir=str(tmp_path)) as client:
        reply_root(post(client, prolog_xml()))
        yield client


def test_the_dispatch_table_has_one_module_per_query() -> None:
    assert set(QUERIES) == set(ANSWERED)  # a QUERY added here is tested below
    for query, handler in QUERIES.items():
        assert handler.__module__ == f"ocs_desktop.server.queries.{query.lower()}"
        assert handler_for(query) is handler
    assert handler_for("FROBNICATE") is handler_for("prolog") is unknown  # case counts


@pytest.mark.parametrize("query", sorted(ANSWERED))
def test_each_query_reaches_its_handler(engine: Engine, tmp_path, query: str) -> None:
    with _logging_client(engine, tmp_path) as client:
        assert post(client, ANSWERED[query]).status_code == 200
    *_, line = _activity(tmp_path)
    assert line[6] == query.lower()


def test_unknown_query_is_400_with_a_warning_and_an_activity_line(
    engine: Engine, tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    with _logging_client(engine, tmp_path) as client:
        caplog.clear()
        response = post(client, prolog_xml().replace(b"PROLOG", b"FROBNICATE"))
    assert (response.status_code, response.content) == (400, b"")
    assert "connection" not in response.headers
    warnings = [(r.name, r.getMessage()) for r in caplog.records if r.levelname == "WARNING"]
    assert warnings == [
        ("ocs_desktop.server.app", "no handler for QUERY 'FROBNICATE' (envelope.query_unknown)")
    ]
    (access,) = [r.getMessage() for r in caplog.records if r.name == "ocs_desktop.server.access"]
    assert "status=400 bytes=0" in access and access.endswith("query=FROBNICATE")
    assert f"deviceid={DEVICEID}" in access
    code, deviceid, ip, ua, phase, comment = _activity(tmp_path)[-1][2:]
    assert (code, deviceid, ip, ua) == ("400", DEVICEID, "testclient", UNIX_UA)
    assert (phase, comment) == ("request", "unknown query FROBNICATE")
