"""The model itself: names, types and DDL as the real OCS schema has them, and engine set-up."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import UniqueConstraint, insert, inspect, select, text
from sqlalchemy.dialects import mysql, sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from ocs_desktop import models
from ocs_desktop.db import engines as db
from ocs_desktop.db.engines import (
    create_engine_for,
    default_data_dir,
    default_database_url,
    normalize_url,
    safe_url,
    session_factory,
)
from ocs_desktop.db.schema import ensure_database, oversized_keys
from ocs_desktop.db.seed import (
    DEFAULT_ADMIN_PASSWD,
    GUI_VERSION,
    SEED_ROWS,
    has_default_password,
)
from ocs_desktop.models import Base, Hardware, LocalUser, Software
from ocs_desktop.models.base import server_only
from ocs_desktop.models.extensions import EXTENSION_METADATA
from ocs_desktop.models.sqlite_ddl import sqlite_index_name
from tests.support.probe import fresh_python

TABLES = Base.metadata.tables


def _ddl(table: str, dialect: object) -> str:
    return str(CreateTable(TABLES[table]).compile(dialect=dialect))  # type: ignore[arg-type]


def test_all_105_tables_and_649_columns_are_mapped() -> None:
    ocs = [table for table in TABLES.values() if not server_only(table.info)]
    assert len(ocs) == 105
    assert sum(1 for t in ocs for column in t.columns if not server_only(column.info)) == 649


def test_every_model_is_listed_in_the_module_that_defines_it() -> None:
    """``MODELS`` (what a name imports at run time), the names type checkers see and
    ``__all__`` agree with what ``Base`` maps."""
    mapped = {mapper.class_.__name__: mapper.class_.__module__ for mapper in Base.registry.mappers}
    listed = {
        name: f"ocs_desktop.models.{home}"
        for home, names in models.MODELS.items()
        for name in names
    }
    assert listed == mapped
    assert sorted(models.__all__) == sorted([*mapped, "Base"])
    checked = next(
        node
        for node in ast.parse(Path(models.__file__).read_text()).body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    typed = {
        alias.name: str(statement.module)
        for statement in checked.body
        if isinstance(statement, ast.ImportFrom)
        for alias in statement.names
    }
    assert typed == {**listed, "Base": "ocs_desktop.models.base"}


def test_a_model_taken_by_name_maps_its_own_module_and_base_maps_all() -> None:
    """A command touching one table maps one (``package build``: 0.2 CPU-s less start-up)."""
    probe = (
        "import sys\n"
        "from ocs_desktop.models import DownloadAvailable\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('ocs_desktop.models.'))))\n"
        "from ocs_desktop.models import Base\n"
        "print(len(Base.metadata.tables))\n"
    )
    out = fresh_python(probe).splitlines()
    assert out[0].split() == [
        "ocs_desktop.models.base",
        "ocs_desktop.models.deployment",
        "ocs_desktop.models.sqlite_ddl",
    ]
    assert int(out[1]) == len(TABLES)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Hardwares'"):
        models.Hardwares  # noqa: B018


def test_real_names_are_the_attribute_names() -> None:
    assert Hardware.__tablename__ == "hardware"
    assert Hardware.DEVICEID.key == "DEVICEID"
    assert "DEVICEID" in TABLES["hardware"].columns
    assert TABLES["schedule_WOL"].c.MACHINE_ID is not None
    assert TABLES["extensions"].c.install_date is not None


def test_accountinfo_maps_only_the_fixed_columns() -> None:
    assert list(TABLES["accountinfo"].columns.keys()) == ["HARDWARE_ID", "TAG"]


def test_no_column_of_ocs_2_12_but_those_its_server_reads() -> None:
    columns = TABLES["software_version"].columns
    assert list(columns.keys()) == ["ID", "VERSION", "PRETTYVERSION", "MAJOR", "MINOR", "PATCH"]
    assert [server_only(column.info) for column in columns] == [None, None] + ["2.12"] * 4


def test_memory_tables_as_in_the_reference() -> None:
    memory = {name for name, table in TABLES.items() if table.kwargs["mysql_engine"] == "MEMORY"}
    assert memory == {"locks", "prolog_conntrack", "conntrack", "engine_mutex"}
    assert all(table.kwargs["mysql_charset"] == "utf8mb4" for table in TABLES.values())


def test_every_key_fits_innodb_with_utf8mb4() -> None:
    assert oversized_keys() == []


def test_keys_keep_their_real_names() -> None:
    hardware = {index.name for index in TABLES["hardware"].indexes}
    assert hardware == {"DEVICEID", "NAME", "CHECKSUM", "USERID", "WORKGROUP", "OSNAME", "MEMORY"}
    unique = [c for c in TABLES["software_name"].constraints if isinstance(c, UniqueConstraint)]
    assert [(c.name, list(c.columns.keys())) for c in unique] == [("NAME", ["NAME"])]
    assert list(TABLES["files"].primary_key.columns.keys()) == ["NAME", "OS", "VERSION"]


def test_mysql_ddl_uses_the_real_types() -> None:
    hardware = _ddl("hardware", mysql.dialect())
    assert "`CHECKSUM` BIGINT UNSIGNED DEFAULT '262143'" in hardware
    assert "`QUALITY` NUMERIC(7, 4)" in hardware
    assert "ENGINE=InnoDB CHARSET=utf8mb4" in hardware
    locks = _ddl("locks", mysql.dialect())
    assert "TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP" in locks
    assert "ENGINE=MEMORY" in locks
    assert "`CONTENT` LONGBLOB NOT NULL" in _ddl("deploy", mysql.dialect())
    assert "`REQUEST` LONGTEXT" in _ddl("groups", mysql.dialect())
    assert "`ID` BIGINT NOT NULL AUTO_INCREMENT" in _ddl("software", mysql.dialect())
    assert "PRIMARY KEY (`ID`, `HARDWARE_ID`)" in _ddl("local_users", mysql.dialect())


def test_sqlite_ddl_is_portable() -> None:
    locks = _ddl("locks", sqlite.dialect())
    assert "DEFAULT CURRENT_TIMESTAMP" in locks and "ON UPDATE" not in locks
    assert '"ID" INTEGER NOT NULL' in _ddl("software", sqlite.dialect())
    assert 'PRIMARY KEY ("ID")' in _ddl("local_users", sqlite.dialect())
    index = next(i for i in TABLES["controllers"].indexes if i.name == "HARDWARE_ID")
    assert sqlite_index_name(index) == "controllers_HARDWARE_ID"
    assert '"controllers_HARDWARE_ID"' in str(CreateIndex(index).compile(dialect=sqlite.dialect()))


def test_since_marks_objects_newer_than_ocs_2_8() -> None:
    assert TABLES["software"].c.ARCHITECTURE.info == {"since": 7049}
    assert TABLES["layouts"].info == {"since": 7063}
    assert TABLES["layouts"].c.CREATOR.info == {"since": 7065}
    assert TABLES["memories"].c.CAPACITY.info == {"retyped": 7050}
    assert TABLES["hardware"].info == {}


def test_sqlite_generates_ids(tmp_path: Path) -> None:
    engine = create_engine_for(str(tmp_path / "ids.sqlite"))
    Base.metadata.create_all(engine)
    with session_factory(engine)() as session:
        user = LocalUser(HARDWARE_ID=7, LOGIN="root")
        software = Software(HARDWARE_ID=7, NAME_ID=1, PUBLISHER_ID=1, VERSION_ID=1)
        session.add_all([user, software, LocalUser(HARDWARE_ID=7)])
        session.commit()
        assert (user.ID, software.ID) == (1, 1)
        assert session.scalars(select(LocalUser.ID).order_by(LocalUser.ID)).all() == [1, 2]
        assert user.LOGIN == "root"  # expire_on_commit is off: no reload needed
    with engine.begin() as connection:
        connection.execute(insert(TABLES["locks"]).values(HARDWARE_ID=1, ID=99))
        assert connection.scalar(select(TABLES["locks"].c.SINCE)) is not None
    engine.dispose()


def test_sqlite_connection_settings(tmp_path: Path) -> None:
    engine = create_engine_for(str(tmp_path / "pragmas.sqlite"))
    with engine.connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA synchronous")) == 1
        assert connection.scalar(text("PRAGMA busy_timeout")) == 30_000
        assert connection.scalar(text("PRAGMA foreign_keys")) == 0
    engine.dispose()


def test_mysql_engine_settings() -> None:
    engine = create_engine_for("mysql://ocs:secret@db.example/ocsweb")
    assert engine.url.drivername == "mysql+pymysql"
    assert engine.pool._pre_ping is True
    assert engine.pool._recycle == 3600
    engine.dispose()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("mysql://ocs:pw@host/ocsweb", "mysql+pymysql://ocs:pw@host/ocsweb?charset=utf8mb4"),
        (
            "mysql+pymysql://ocs@host:3307/ocsweb",
            "mysql+pymysql://ocs@host:3307/ocsweb?charset=utf8mb4",
        ),
        (
            "mysql+pymysql://ocs@host/ocsweb?charset=utf8",
            "mysql+pymysql://ocs@host/ocsweb?charset=utf8",
        ),
        ("mariadb://ocs@host/ocsweb", "mariadb+pymysql://ocs@host/ocsweb?charset=utf8mb4"),
        ("sqlite:////srv/ocs.sqlite", "sqlite:////srv/ocs.sqlite"),
        ("sqlite://", "sqlite://"),
    ],
)
def test_normalize_url(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


def test_normalize_url_makes_paths_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    expected = f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert normalize_url("a.sqlite") == expected
    assert normalize_url("sqlite:///a.sqlite") == expected
    assert normalize_url(str(tmp_path / "a.sqlite")) == expected


def test_safe_url_hides_the_password() -> None:
    shown = safe_url(normalize_url("mysql://ocs:s3cr3t@host/ocsweb"))
    assert "s3cr3t" not in shown and "ocs:***@host" in shown


def test_default_data_dir_per_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(db.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "ocs-desktop"
    assert default_data_dir().is_dir()
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    assert default_data_dir() == tmp_path / ".local" / "share" / "ocs-desktop"
    monkeypatch.setattr(db.sys, "platform", "darwin")
    assert default_data_dir() == tmp_path / "Library" / "Application Support" / "ocs-desktop"
    monkeypatch.setattr(db.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert default_data_dir() == tmp_path / "Local" / "ocs-desktop"


def test_default_database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_database_url() == f"sqlite:///{tmp_path / 'ocs-desktop' / 'ocsweb.sqlite'}"


def test_ensure_database_initialises_only_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    ensure_database(str(path))
    engine = create_engine_for(str(path))
    with engine.begin() as connection:
        assert len(inspect(connection).get_table_names()) == len(TABLES) + len(
            EXTENSION_METADATA.tables
        )
        connection.execute(text("DELETE FROM config"))
    ensure_database(str(path))  # the hardware table exists: left alone
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT COUNT(*) FROM config")) == 0
    engine.dispose()


def test_seed_facts() -> None:
    config = {row["NAME"]: row for row in SEED_ROWS["config"]}
    assert len(config) == 81
    assert config["GUI_VERSION"]["TVALUE"] == GUI_VERSION == "7069"
    assert config["PASSWORD_VERSION"]["IVALUE"] == 2
    assert config["DOWNLOAD_SERVER_DOCROOT"]["TVALUE"] == "d:\\tele_ocs"
    (admin,) = SEED_ROWS["operators"]
    assert admin["PASSWD"] == hashlib.sha256(b"admin").hexdigest() == DEFAULT_ADMIN_PASSWD
    assert (admin["PASSWORD_VERSION"], admin["NEW_ACCESSLVL"], admin["ACCESSLVL"]) == (
        2,
        "sadmin",
        1,
    )
    assert "change" in admin["COMMENTS"]
    assert has_default_password(DEFAULT_ADMIN_PASSWD.upper())
    assert not has_default_password(hashlib.sha256(b"other").hexdigest())
    assert SEED_ROWS["software_publisher"] == ({"ID": 1, "PUBLISHER": "Unavailable"},)
    assert SEED_ROWS["software_version"] == ({"ID": 1, "VERSION": "Unavailable"},)
    for table, rows in SEED_ROWS.items():
        assert set().union(*rows) <= set(TABLES[table].columns.keys()), table
