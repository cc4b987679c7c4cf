"""Configuration keys: catalogue, validation, writes the server reads back, and overrides."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, delete, insert, select

from ocs_desktop.db.options import load_options
from ocs_desktop.fleet.config_edit import read_value, read_values, reset_keys, write_changes
from ocs_desktop.fleet.config_keys import (
    ACTIVATIONS,
    FREQUENCIES,
    GROUP_ORDER,
    KEYS,
    MESSAGES,
    Column,
    ConfigKey,
    ConfigValueError,
    Kind,
    config_key,
    keys_of,
)
from ocs_desktop.fleet.groups import add_members, create_static_group
from ocs_desktop.fleet.overrides import (
    OVERRIDES,
    OverrideError,
    Source,
    clear_override,
    download_blocked,
    effective,
    overrides_of,
    set_override,
)
from ocs_desktop.models import Base
from ocs_desktop.server.download_option import conf_param, download_switch
from ocs_desktop.server.ipdiscover_option import ipdiscover_params
from ocs_desktop.server.machine import load_machine
from ocs_desktop.server.queries.prolog import resolved

CONFIG = Base.metadata.tables["config"]
HARDWARE = Base.metadata.tables["hardware"]


def _other_value(key: ConfigKey) -> int | str:
    """A valid value different from the default, to prove the write landed."""
    if key.kind is Kind.BOOL:
        return 1 - int(key.default)
    if key.kind is Kind.CHOICE:
        return next(c for c in key.choices if c != key.default)
    if key.kind is Kind.TEXT:
        return f"/srv/{key.name.lower()}"
    assert key.minimum is not None and key.maximum is not None
    return key.maximum if key.default != key.maximum else key.minimum


def test_catalogue_is_complete_and_consistent() -> None:
    names = [key.name for key in KEYS]
    assert len(names) == len(set(names))
    assert {key.group for key in KEYS} == set(GROUP_ORDER)
    for key in KEYS:
        assert key.description.strip(), key.name
        assert key.validate(key.default) == key.default, key.name
        assert key.validate(key.missing) == key.missing, key.name
        if key.kind is Kind.INT:
            assert key.minimum is not None and key.maximum is not None
        assert key.column is (Column.TVALUE if isinstance(key.default, str) else Column.IVALUE)
    assert set(ACTIVATIONS) | set(FREQUENCIES) <= set(names)
    # The seed's own settings (PROTOCOL 6) are all known, with the seed's defaults.
    for name in ("FREQUENCY", "PROLOG_FREQ", "DOWNLOAD", "IPDISCOVER", "AUTO_DUPLICATE_LVL"):
        assert config_key(name.lower()).name == name
    assert config_key("PROLOG_FREQ").default == 24 and config_key("PROLOG_FREQ").missing == 12
    assert [k.name for k in keys_of("registry")] == ["REGISTRY"]
    frequency = config_key("FREQUENCY").description
    assert "FREQUENCY=1, PROLOG_FREQ=12" in frequency and "-1" in frequency


@pytest.mark.parametrize(
    ("name", "raw", "code"),
    [
        ("FREQUENCY", "-2", "below_min"),
        ("PROLOG_FREQ", "0", "below_min"),
        ("AUTO_DUPLICATE_LVL", 64, "above_max"),
        ("DOWNLOAD", "2", "not_bool"),
        ("DOWNLOAD", "yes", "not_integer"),
        ("SCAN_TYPE_IPDISCOVER", "PING", "not_choice"),
        ("LOG_DIR", "x" * 256, "too_long"),
        ("NO_SUCH_KEY", "1", "unknown_key"),
    ],
)
def test_validation_refuses_with_a_code(name: str, raw: object, code: str) -> None:
    with pytest.raises(ConfigValueError) as caught:
        config_key(name).validate(raw)
    assert caught.value.code == code
    assert str(caught.value) == MESSAGES[code].format(*caught.value.values)
    assert caught.value.values[0] == name


def test_validation_normalises() -> None:
    assert config_key("FREQUENCY").validate(" 7 ") == 7
    assert config_key("SCAN_TYPE_IPDISCOVER").validate("nmap") == "NMAP"
    assert config_key("DOWNLOAD").validate(True) == 1


def test_every_key_round_trips_through_the_servers_options(engine: Engine) -> None:
    with engine.begin() as conn:  # half the keys missing, as in an old database
        conn.execute(delete(CONFIG).where(CONFIG.c.NAME.in_([k.name for k in KEYS[::2]])))
    with engine.connect() as conn:
        before = read_values(conn)
    assert not before[KEYS[0].name].stored and before[KEYS[0].name].value == KEYS[0].missing
    assert before[KEYS[1].name].stored
    changes = {key.name: _other_value(key) for key in KEYS}
    with engine.begin() as conn:
        written = write_changes(conn, {k: str(v) for k, v in changes.items()})
    assert written == changes
    with engine.connect() as conn:
        options = load_options(conn)
        after = read_values(conn)
    for key in KEYS:
        if key.column is Column.IVALUE:
            assert options.ivalue(key.name) == changes[key.name], key.name
        else:
            assert options.tvalue(key.name) == changes[key.name], key.name
        assert after[key.name].value == changes[key.name] and after[key.name].stored
    with engine.begin() as conn:
        reset_keys(conn, [key.name for key in KEYS])
    with engine.connect() as conn:
        options = load_options(conn)
    for key in KEYS:
        got = options.ivalue(key.name) if key.column is Column.IVALUE else options.tvalue(key.name)
        assert got == key.default, key.name


def test_a_refused_value_writes_nothing(engine: Engine) -> None:
    with engine.connect() as conn:
        before = read_value(conn, "FREQUENCY").value
    with pytest.raises(ConfigValueError), engine.begin() as conn:
        write_changes(conn, {"FREQUENCY": "3", "PROLOG_FREQ": "-5"})
    with engine.connect() as conn:
        assert read_value(conn, "FREQUENCY").value == before


# -- overrides ------------------------------------------------------------------------------


def _machine(conn: Connection, name: str) -> int:
    result = conn.execute(
        insert(HARDWARE).values(DEVICEID=f"{name}-2026-01-01-00-00-00", NAME=name)
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def _deviceid(conn: Connection, hid: int) -> str:
    return str(conn.execute(select(HARDWARE.c.DEVICEID).where(HARDWARE.c.ID == hid)).scalar())


def test_overrides_follow_the_servers_rules(engine: Engine) -> None:
    with engine.begin() as conn:
        write_changes(conn, {"FREQUENCY": 5, "DOWNLOAD": 1, "IPDISCOVER": 2})
        pc, other = _machine(conn, "pc"), _machine(conn, "other")
        slow, fast = create_static_group(conn, "slow"), create_static_group(conn, "fast")
        add_members(conn, slow, [pc])
        add_members(conn, fast, [pc, other])
        set_override(conn, slow, "FREQUENCY", "9")
        set_override(conn, fast, "FREQUENCY", "3")
        set_override(conn, pc, "PROLOG_FREQ", "6")
        set_override(conn, fast, "PROLOG_FREQ", "2")
        set_override(conn, slow, "DOWNLOAD_CYCLE_LATENCY", "120")
        set_override(conn, fast, "DOWNLOAD_CYCLE_LATENCY", "300")
        set_override(conn, pc, "DOWNLOAD_TIMEOUT", "4")
        set_override(conn, fast, "DOWNLOAD_SWITCH", "0")
        set_override(conn, pc, "IPDISCOVER", "1", tvalue="192.0.2.0")
    with engine.connect() as conn:
        got = effective(conn, pc)
        other_got = effective(conn, other)
        options = load_options(conn)
        machine = load_machine(conn, _deviceid(conn, pc))
        assert overrides_of(conn, pc)["PROLOG_FREQ"] == (6, None)
    assert machine is not None
    assert (got["FREQUENCY"].value, got["FREQUENCY"].source) == (3, Source.GROUP)
    assert got["FREQUENCY"].group_id == fast
    assert (got["PROLOG_FREQ"].value, got["PROLOG_FREQ"].source) == (6, Source.MACHINE)
    assert other_got["PROLOG_FREQ"].value == 2 and other_got["PROLOG_FREQ"].group_id == fast
    assert (got["DOWNLOAD_CYCLE_LATENCY"].value, got["DOWNLOAD_CYCLE_LATENCY"].group_id) == (
        300,
        fast,
    )
    assert got["DOWNLOAD_FRAG_LATENCY"].source is Source.SERVER
    assert got["DOWNLOAD_SWITCH"].value == 0 and got["DOWNLOAD_SWITCH"].source is Source.GROUP
    assert got["IPDISCOVER"].value == 1 and got["IPDISCOVER"].subnet == "192.0.2.0"
    # One source of truth: the communication server's own functions agree.
    assert resolved(options, machine, "PROLOG_FREQ", 12) == got["PROLOG_FREQ"].value
    conf = conf_param(options, machine)
    assert conf["ON"] == download_switch(options, machine) == got["DOWNLOAD_SWITCH"].value
    for attribute, name in (
        ("FRAG_LATENCY", "DOWNLOAD_FRAG_LATENCY"),
        ("CYCLE_LATENCY", "DOWNLOAD_CYCLE_LATENCY"),
        ("PERIOD_LATENCY", "DOWNLOAD_PERIOD_LATENCY"),
        ("PERIOD_LENGTH", "DOWNLOAD_PERIOD_LENGTH"),
        ("TIMEOUT", "DOWNLOAD_TIMEOUT"),
        ("EXECUTION_TIMEOUT", "DOWNLOAD_EXECUTION_TIMEOUT"),
    ):
        assert conf[attribute] == got[name].value, name
    params = ipdiscover_params(options, machine, "OCS-NG_unified_unix_agent_v2.10.0")
    assert params is not None and params[0][1] == got["IPDISCOVER"].subnet
    assert params[0][0]["IPDISC_LAT"] == got["IPDISCOVER_LATENCY"].value
    with engine.begin() as conn:
        assert download_blocked(conn, [pc, other]) == (True, [pc, other])
        clear_override(conn, fast, "DOWNLOAD_SWITCH")
        set_override(conn, pc, "DOWNLOAD_SWITCH", 0)
        assert download_blocked(conn, [pc, other]) == (True, [pc])
        write_changes(conn, {"FREQUENCY": 0, "DOWNLOAD": 0})
        got = effective(conn, pc)
        assert download_blocked(conn, [other]) == (False, [other])
    assert (got["FREQUENCY"].value, got["FREQUENCY"].source) == (0, Source.SERVER)
    assert got["DOWNLOAD_SWITCH"].source is Source.SERVER


def test_override_validation(engine: Engine) -> None:
    assert {key.name for key in OVERRIDES} >= {"FREQUENCY", "DOWNLOAD_SWITCH", "IPDISCOVER"}
    with engine.begin() as conn:
        pc = _machine(conn, "pc")
        with pytest.raises(ConfigValueError) as caught:
            set_override(conn, pc, "FREQUENCY", "-3")
        assert caught.value.code == "below_min"
        with pytest.raises(ConfigValueError):
            set_override(conn, pc, "IPDISCOVER", "3")
        with pytest.raises(OverrideError):
            set_override(conn, pc, "REGISTRY", "1")
        assert overrides_of(conn, pc) == {}


def test_the_running_server_sees_a_change_after_its_reload_interval(engine: Engine) -> None:
    from ocs_desktop.server.context import ServerContext
    from ocs_desktop.server.settings import ServerSettings

    url = engine.url.render_as_string(hide_password=False)
    cached = ServerContext(ServerSettings(db_url=url, config_ttl_s=3600), engine=engine)
    fresh = ServerContext(ServerSettings(db_url=url, config_ttl_s=0), engine=engine)
    assert cached.options().ivalue("DOWNLOAD") == fresh.options().ivalue("DOWNLOAD") == 0
    with engine.begin() as conn:
        write_changes(conn, {"DOWNLOAD": 1, "PROLOG_FREQ": 6})
    assert cached.options().ivalue("DOWNLOAD") == 0  # still within its interval
    assert fresh.options().ivalue("DOWNLOAD") == 1 and fresh.options().ivalue("PROLOG_FREQ") == 6
