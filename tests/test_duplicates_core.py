"""The merge executor itself (``db.machine_merge``), on rows made by hand: each family's
rule, each count it reports, and what it refuses."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine, insert, select, text

from ocs_desktop.db.machine_merge import MergeConflict, MergeSpec, execute_merge
from ocs_desktop.models import Base

T = Base.metadata.tables


def _machine(conn, deviceid: str, **values: object) -> int:
    return int(
        conn.execute(
            insert(T["hardware"]).values(DEVICEID=deviceid, **values)
        ).inserted_primary_key[0]
    )


def _rows(conn, sql: str) -> list[tuple]:
    return [tuple(row) for row in conn.execute(text(sql))]


@pytest.fixture
def fleet(engine: Engine) -> tuple[Engine, dict[str, int]]:
    """Survivor S, merged A and B, bystander X, groups G1..G4."""
    with engine.begin() as conn:
        ids = {
            "S": _machine(
                conn, "s-dev", CHECKSUM=4096, QUALITY=Decimal("2.5"), FIDELITY=3, USERID="SYSTEM"
            ),
            "A": _machine(
                conn, "a-dev", CHECKSUM=2, QUALITY=Decimal("7.25"), FIDELITY=40, USERID="anne"
            ),
            "B": _machine(conn, "b-dev", CHECKSUM=None, QUALITY=None, FIDELITY=9, USERID="bob"),
            "X": _machine(conn, "x-dev", CHECKSUM=1, USERID="xavier"),
        }
        for n in range(1, 5):
            ids[f"G{n}"] = _machine(conn, "_SYSTEMGROUP_", NAME=f"group {n}")
        s, a, b, x = ids["S"], ids["A"], ids["B"], ids["X"]
        conn.execute(
            insert(T["accountinfo"]),
            [
                {"HARDWARE_ID": s, "TAG": "S-TAG"},
                {"HARDWARE_ID": a, "TAG": "A-TAG"},
                {"HARDWARE_ID": b, "TAG": "B-TAG"},
                {"HARDWARE_ID": x, "TAG": "X-TAG"},
            ],
        )
        conn.execute(
            insert(T["devices"]),
            [
                {"HARDWARE_ID": s, "NAME": "FREQUENCY", "IVALUE": 1},
                {"HARDWARE_ID": a, "NAME": "FREQUENCY", "IVALUE": 5},
                {"HARDWARE_ID": a, "NAME": "IPDISCOVER", "IVALUE": 1, "TVALUE": "10.0.0.0"},
                {"HARDWARE_ID": b, "NAME": "FREQUENCY", "IVALUE": 9},
            ],
        )
        g1, g2, g3, g4 = ids["G1"], ids["G2"], ids["G3"], ids["G4"]
        conn.execute(
            insert(T["groups_cache"]),
            [
                {"HARDWARE_ID": s, "GROUP_ID": g1, "STATIC": 2},  # its own static decision stands
                {"HARDWARE_ID": s, "GROUP_ID": g2, "STATIC": 0},  # dynamic: gives way
                {"HARDWARE_ID": a, "GROUP_ID": g1, "STATIC": 1},
                {"HARDWARE_ID": a, "GROUP_ID": g2, "STATIC": 1},
                {"HARDWARE_ID": a, "GROUP_ID": g3, "STATIC": 0},  # dynamic: dropped
                {"HARDWARE_ID": b, "GROUP_ID": g2, "STATIC": 2},  # A came first
                {"HARDWARE_ID": b, "GROUP_ID": g4, "STATIC": 2},
                {"HARDWARE_ID": x, "GROUP_ID": g2, "STATIC": 0},
            ],
        )
        conn.execute(
            insert(T["itmgmt_comments"]),
            [{"HARDWARE_ID": m, "COMMENTS": f"note {m}"} for m in (s, a, b, x)],
        )
        conn.execute(
            insert(T["download_servers"]),
            [
                {
                    "HARDWARE_ID": a,
                    "URL": "http://a",
                    "ADD_PORT": 80,
                    "ADD_REP": "r",
                    "GROUP_ID": g1,
                },
                {
                    "HARDWARE_ID": b,
                    "URL": "http://b",
                    "ADD_PORT": 80,
                    "ADD_REP": "r",
                    "GROUP_ID": g1,
                },
            ],
        )
        conn.execute(
            insert(T["download_enable"]),
            [
                {"FILEID": "1", "INFO_LOC": "i", "PACK_LOC": "p", "SERVER_ID": a},
                {"FILEID": "2", "INFO_LOC": "i", "PACK_LOC": "p", "SERVER_ID": b},
                {"FILEID": "3", "INFO_LOC": "i", "PACK_LOC": "p", "SERVER_ID": x},
            ],
        )
        conn.execute(
            insert(T["netmap"]),
            [
                {
                    "IP": "10.0.0.9",
                    "MAC": "02:00:00:00:00:09",
                    "MASK": "m",
                    "NETID": "n",
                    "HARDWARE_ID": a,
                },
                {
                    "IP": "10.0.0.8",
                    "MAC": "02:00:00:00:00:08",
                    "MASK": "m",
                    "NETID": "n",
                    "HARDWARE_ID": x,
                },
            ],
        )
        conn.execute(insert(T["bios"]), [{"HARDWARE_ID": m, "SSN": "SN"} for m in (s, a, b, x)])
    return engine, ids


def _spec(ids: dict[str, int], **changes: object) -> MergeSpec:
    s, a, b = ids["S"], ids["A"], ids["B"]
    values: dict[str, object] = {
        "survivor": s,
        "merged": (a, b),
        "accountinfo_from": a,
        "devices_from": a,
        "groups_from": (a, b),
        "comments_from": (a, b),
        "quality_from": a,
        "userid_from": a,
    }
    return MergeSpec(**{**values, **changes})  # type: ignore[arg-type]


def test_every_family_follows_its_rule(fleet) -> None:
    engine, ids = fleet
    s, a, b, x = ids["S"], ids["A"], ids["B"], ids["X"]
    g1, g2, g4 = ids["G1"], ids["G2"], ids["G4"]
    with engine.begin() as conn:
        outcome = execute_merge(conn, _spec(ids), trace_deleted=True)
    assert outcome.survivor == s and outcome.deleted == (a, b)
    assert outcome.moved == {
        "accountinfo": 1,
        "devices": 2,
        "groups_cache": 2,
        "itmgmt_comments": 2,
        "download_servers": 1,
        "download_enable": 2,
        "netmap": 1,
    }
    with engine.connect() as conn:
        hardware = _rows(
            conn,
            "SELECT ID, CHECKSUM, QUALITY, FIDELITY, USERID FROM hardware "
            "WHERE DEVICEID <> '_SYSTEMGROUP_' ORDER BY ID",
        )
        assert [row[0] for row in hardware] == [s, x]
        assert hardware[0][1:] == (4096 | 2, Decimal("7.25"), 40, "anne")
        assert _rows(conn, "SELECT HARDWARE_ID, TAG FROM accountinfo ORDER BY TAG") == [
            (s, "A-TAG"),
            (x, "X-TAG"),
        ]
        assert sorted(_rows(conn, "SELECT HARDWARE_ID, NAME, IVALUE FROM devices")) == [
            (s, "FREQUENCY", 5),
            (s, "IPDISCOVER", 1),
        ]
        assert sorted(
            _rows(conn, "SELECT HARDWARE_ID, GROUP_ID, STATIC FROM groups_cache")
        ) == sorted([(s, g1, 2), (s, g2, 1), (s, g4, 2), (x, g2, 0)])
        assert sorted(_rows(conn, "SELECT HARDWARE_ID, COMMENTS FROM itmgmt_comments")) == sorted(
            [(s, f"note {s}"), (s, f"note {a}"), (s, f"note {b}"), (x, f"note {x}")]
        )
        assert _rows(conn, "SELECT HARDWARE_ID, URL FROM download_servers") == [(s, "http://a")]
        assert sorted(_rows(conn, "SELECT FILEID, SERVER_ID FROM download_enable")) == [
            ("1", s),
            ("2", s),
            ("3", x),
        ]
        assert sorted(_rows(conn, "SELECT HARDWARE_ID, IP FROM netmap")) == sorted(
            [(s, "10.0.0.9"), (x, "10.0.0.8")]
        )
        assert sorted(_rows(conn, "SELECT HARDWARE_ID FROM bios")) == sorted([(s,), (x,)])
        assert sorted(_rows(conn, "SELECT DELETED, EQUIVALENT FROM deleted_equiv")) == [
            ("a-dev", "s-dev"),
            ("b-dev", "s-dev"),
        ]


def test_the_survivor_keeps_its_own_when_it_is_the_source(fleet) -> None:
    engine, ids = fleet
    s, a, b = ids["S"], ids["A"], ids["B"]
    spec = _spec(
        ids,
        accountinfo_from=s,
        devices_from=s,
        groups_from=(s,),
        comments_from=(s,),
        quality_from=s,
        userid_from=None,
        merged=(b,),
    )
    with engine.begin() as conn:
        conn.execute(text("UPDATE hardware SET USERID = 'sam' WHERE ID = :s"), {"s": s})
        outcome = execute_merge(conn, spec, trace_deleted=False)
    assert outcome.deleted == (b,)
    assert outcome.moved == {
        "accountinfo": 0,
        "devices": 0,
        "groups_cache": 0,
        "itmgmt_comments": 0,
        "download_servers": 1,
        "download_enable": 1,
        "netmap": 0,
    }
    with engine.connect() as conn:
        assert _rows(conn, f"SELECT TAG FROM accountinfo WHERE HARDWARE_ID = {s}") == [("S-TAG",)]
        assert _rows(conn, f"SELECT IVALUE FROM devices WHERE HARDWARE_ID = {s}") == [(1,)]
        assert _rows(
            conn, f"SELECT CHECKSUM, QUALITY, FIDELITY, USERID FROM hardware WHERE ID = {s}"
        ) == [(4096, Decimal("2.5"), 3, "sam")]
        assert _rows(conn, "SELECT HARDWARE_ID, URL FROM download_servers ORDER BY URL") == [
            (ids["A"], "http://a"),
            (s, "http://b"),
        ]
        assert _rows(conn, "SELECT COUNT(*) FROM deleted_equiv") == [(0,)]
        assert a in {row[0] for row in _rows(conn, "SELECT ID FROM hardware")}


def test_a_real_user_stays_and_a_server_of_its_own_too(fleet) -> None:
    engine, ids = fleet
    s, a = ids["S"], ids["A"]
    with engine.begin() as conn:
        conn.execute(text("UPDATE hardware SET USERID = 'sam' WHERE ID = :s"), {"s": s})
        conn.execute(
            insert(T["download_servers"]).values(
                HARDWARE_ID=s, URL="http://s", ADD_PORT=80, ADD_REP="r", GROUP_ID=ids["G1"]
            )
        )
        outcome = execute_merge(conn, _spec(ids), trace_deleted=False)
    assert outcome.moved["download_servers"] == 0
    with engine.connect() as conn:
        assert _rows(conn, f"SELECT USERID FROM hardware WHERE ID = {s}") == [("sam",)]
        assert _rows(conn, "SELECT HARDWARE_ID, URL FROM download_servers") == [(s, "http://s")]
        assert a not in {row[0] for row in _rows(conn, "SELECT ID FROM hardware")}


def test_nothing_to_merge_changes_nothing(fleet) -> None:
    engine, ids = fleet
    s = ids["S"]
    with engine.begin() as conn:
        alone = _spec(
            ids,
            merged=(s,),
            accountinfo_from=s,
            devices_from=s,
            groups_from=(s,),
            comments_from=(s,),
            quality_from=s,
            userid_from=s,
        )
        outcome = execute_merge(conn, alone, trace_deleted=True)
        assert (outcome.deleted, outcome.moved) == ((), {})
        assert _rows(conn, f"SELECT QUALITY, USERID FROM hardware WHERE ID = {s}") == [
            (Decimal("2.5"), "SYSTEM")
        ]
        assert _rows(conn, "SELECT COUNT(*) FROM deleted_equiv") == [(0,)]


@pytest.mark.parametrize("who", ["missing", "group"])
def test_a_merge_refuses_missing_machines_and_groups(fleet, who: str) -> None:
    engine, ids = fleet
    other = 999_999 if who == "missing" else ids["G1"]
    with engine.begin() as conn, pytest.raises(MergeConflict, match=str(other)):
        execute_merge(conn, _spec(ids, merged=(ids["A"], ids["B"], other)), trace_deleted=False)
    with engine.connect() as conn:
        assert (
            conn.execute(
                select(T["accountinfo"].c.TAG).where(T["accountinfo"].c.HARDWARE_ID == ids["S"])
            ).scalar_one()
            == "S-TAG"
        )


def test_a_survivor_without_a_user_takes_the_old_one(fleet) -> None:
    engine, ids = fleet
    s = ids["S"]
    with engine.begin() as conn:
        conn.execute(text("UPDATE hardware SET USERID = NULL WHERE ID = :s"), {"s": s})
        execute_merge(conn, _spec(ids), trace_deleted=False)
        assert _rows(conn, f"SELECT USERID FROM hardware WHERE ID = {s}") == [("anne",)]


@pytest.mark.parametrize(
    "field",
    [
        "accountinfo_from",
        "devices_from",
        "quality_from",
        "userid_from",
        "groups_from",
        "comments_from",
    ],
)
def test_a_source_outside_the_merge_is_refused(fleet, field: str) -> None:
    _, ids = fleet
    outside = ids["X"] if not field.endswith("s_from") else (ids["A"], ids["X"])
    with pytest.raises(ValueError, match=str(ids["X"])):
        _spec(ids, **{field: outside})
