"""Machine detail as a tree with property sheets: labels, units, summary card, copy, export.

A real Windows 11 laptop inventory (tests/data/windows) ingested into SQLite and MariaDB;
what the pane shows is compared with what SQL reads from the same database.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert, text

from ocs_desktop.fleet.admin_data import admin_fields, load_admin_values
from ocs_desktop.fleet.field_catalog import FIELDS, field_info, ordered_columns
from ocs_desktop.fleet.groups import add_members, create_static_group
from ocs_desktop.fleet.machine_detail import CATEGORIES, load_machine_detail
from ocs_desktop.fleet.machine_export import write_machine
from ocs_desktop.fleet.machine_summary import machine_summary
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Device, DownloadAvailable, DownloadEnable
from ocs_desktop.protocol.document import parse_inventory
from ocs_desktop.views.fleet.field_format import format_field
from ocs_desktop.views.fleet.machine_detail_pane import MachineDetailPane
from ocs_desktop.views.qt import QtCore, QtGui, QtWidgets
from tests.support.console_context import checked_context, console_settings

LAPTOP = Path(__file__).parent / "data" / "windows" / "win11-laptop.xml"
EN = QtCore.QLocale(QtCore.QLocale.Language.English, QtCore.QLocale.Country.UnitedStates)
FR = QtCore.QLocale(QtCore.QLocale.Language.French, QtCore.QLocale.Country.France)


@pytest.fixture
def laptop(engine: Engine) -> int:
    """The laptop ingested, in a static group, with one package assigned and one done."""
    result = Ingestor(engine).ingest(
        parse_inventory(LAPTOP.read_bytes()),
        remote_addr="192.0.2.118",
        useragent="OCS-NG_WINDOWS_AGENT_v2.10.1.0",
    )
    with engine.begin() as conn:
        group = create_static_group(conn, "Marketing laptops")
        add_members(conn, group, [result.hardware_id])
        for number, (name, status) in enumerate(
            (("Firefox ESR", "SUCCESS"), ("VPN client", None)), start=1
        ):
            fileid = f"17000000{number:02d}"
            conn.execute(
                insert(DownloadAvailable).values(
                    FILEID=fileid, NAME=name, PRIORITY=5, FRAGMENTS=1, SIZE=1, OSNAME="WINDOWS"
                )
            )
            enable = conn.execute(
                insert(DownloadEnable).values(FILEID=fileid, INFO_LOC="x", PACK_LOC="y")
            ).inserted_primary_key[0]
            conn.execute(
                insert(Device).values(
                    HARDWARE_ID=result.hardware_id, NAME="DOWNLOAD", IVALUE=enable, TVALUE=status
                )
            )
    return result.hardware_id


def scalar(engine: Engine, sql: str, hardware_id: int) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql), {"id": hardware_id}).scalar()


# --- the catalog and the formats (no database) --------------------------------------------


def test_every_column_of_every_category_has_a_declared_label() -> None:
    for category in CATEGORIES:
        if category.key == "admin":
            continue
        declared = {info.column for info in FIELDS[category.table]}
        assert set(category.columns) <= declared, category.key
        assert ordered_columns(category.table, category.columns)[0] in declared
    internal = {i.column for i in FIELDS["hardware"] if i.internal}
    assert {"DEVICEID", "CHECKSUM", "SSTATE", "ETIME", "QUALITY", "FIDELITY"} <= internal
    assert not field_info("hardware", "NAME").internal
    assert field_info("hardware", "MEMORY").kind == "mib"
    assert field_info("software", "FILESIZE").kind == "bytes"
    unknown = field_info("hardware", "NEW_COLUMN_2_13")
    assert (unknown.label, unknown.kind, unknown.internal) == ("New column 2 13", "text", False)


@pytest.mark.parametrize(
    ("value", "kind", "english", "french", "exact"),
    [
        (4096, "mib", "4 GiB", "4 Gio", "4,096 MiB"),
        (274878, "mib", "268 GiB", "268 Gio", "274,878 MiB"),
        (1536, "mib", "1.5 GiB", "1,5 Gio", "1,536 MiB"),
        (512, "mib", "512 MiB", "512 Mio", "512 MiB"),
        (428867584, "bytes", "409 MiB", "409 Mio", "428,867,584 bytes"),
        (0, "bytes", "0 B", "0 o", "0 bytes"),
        (8192, "kib", "8 MiB", "8 Mio", "8,192 KiB"),
        ("2933", "mhz", "2,933 MHz", "2\u202f933 MHz", "2,933 MHz"),
        ("unknown", "mib", "unknown", "unknown", "unknown"),
        (dt.datetime(2025, 7, 11), "datetime", "7/11/25", "11/07/2025", "2025-07-11 00:00:00"),
        (dt.date(2020, 1, 2), "date", "1/2/20", "02/01/2020", "2020-01-02"),
        (1, "flag", "Yes", "Oui", "1"),
    ],
)
def test_values_read_with_units_and_the_locale(
    qapp: QtWidgets.QApplication,
    value: object,
    kind: str,
    english: str,
    french: str,
    exact: str,
) -> None:
    from ocs_desktop.views import i18n

    assert format_field(value, kind, EN) == (english, exact)  # type: ignore[arg-type]
    i18n.install_translators("fr", qapp)
    try:
        assert format_field(value, kind, FR)[0] == french  # type: ignore[arg-type]
    finally:
        i18n.remove_translators(qapp)


def test_a_moment_keeps_its_time_but_a_midnight_is_a_day() -> None:
    shown, _exact = format_field(dt.datetime(2026, 10, 25, 8, 8, 44), "datetime", EN)
    assert shown == "10/25/26 8:08\u202fAM"
    assert format_field(dt.datetime(2026, 10, 25, 8, 8, 44), "date", EN)[0] == "10/25/26"
    assert format_field(None, "mib", EN) == ("", "")


# --- the summary --------------------------------------------------------------------------


def test_summary_matches_sql(engine: Engine, laptop: int) -> None:
    with engine.connect() as conn:
        detail = load_machine_detail(conn, laptop)
        fields = admin_fields(conn)
        summary = machine_summary(conn, detail, fields, load_admin_values(conn, laptop))
    assert summary.manufacturer == scalar(
        engine, "SELECT SMANUFACTURER FROM bios WHERE HARDWARE_ID = :id", laptop
    )
    assert summary.serial == scalar(engine, "SELECT SSN FROM bios WHERE HARDWARE_ID = :id", laptop)
    assert summary.memory_mib == scalar(
        engine, "SELECT MEMORY FROM hardware WHERE ID = :id", laptop
    )
    assert summary.os == scalar(engine, "SELECT OSNAME FROM hardware WHERE ID = :id", laptop)
    sized = scalar(
        engine, "SELECT COUNT(*) FROM drives WHERE HARDWARE_ID = :id AND TOTAL > 0", laptop
    )
    assert len(summary.disks) == sized
    with engine.connect() as conn:  # closed: an open one would hold DROP DATABASE forever
        free = conn.execute(
            text("SELECT FREE FROM drives WHERE HARDWARE_ID = :id AND TOTAL > 0"), {"id": laptop}
        ).scalars()
        assert {d.free_mib for d in summary.disks} == set(free)
    assert summary.addresses and all(not a.ip.startswith("127.") for a in summary.addresses)
    assert summary.groups == [("Marketing laptops", True)]
    assert summary.packages == [("Firefox ESR", "SUCCESS"), ("VPN client", None)]


# --- the pane -----------------------------------------------------------------------------


@pytest.fixture
def pane(engine: Engine, laptop: int, tmp_path: Path, qtbot: QtBot) -> Iterator[MachineDetailPane]:
    with checked_context(engine, "under test", console_settings(tmp_path)) as context:
        pane = MachineDetailPane(context)
        qtbot.addWidget(pane)
        pane.resize(1000, 500)
        pane.show()
        with qtbot.waitSignal(pane.loaded, timeout=20_000):
            pane.show_machine(laptop)
        yield pane


def test_the_tree_opens_on_the_summary_card(
    pane: MachineDetailPane, engine: Engine, laptop: int
) -> None:
    assert pane.stack.currentWidget() is pane.summary_card
    assert pane.controls.isHidden(), "no filter over a card"
    html = pane.summary_card.toPlainText()
    serial = str(scalar(engine, "SELECT SSN FROM bios WHERE HARDWARE_ID = :id", laptop))
    assert serial in html and "Marketing laptops" in html and "Firefox ESR: SUCCESS" in html
    memory = int(str(scalar(engine, "SELECT MEMORY FROM hardware WHERE ID = :id", laptop)))
    assert format_field(memory, "mib")[0] in html
    assert "free of" in html


def test_a_component_is_a_property_sheet_with_units(
    pane: MachineDetailPane, engine: Engine, laptop: int
) -> None:
    cpus = int(str(scalar(engine, "SELECT COUNT(*) FROM cpus WHERE HARDWARE_ID = :id", laptop)))
    cpu_category = pane.categories.index_of("cpus")
    assert pane.categories.rowCount(cpu_category) == cpus
    model_name = scalar(engine, "SELECT TYPE FROM cpus WHERE HARDWARE_ID = :id ORDER BY ID", laptop)
    assert pane.categories.index(0, 0, cpu_category).data() == model_name
    pane.select_component("memories", 0)
    assert pane.stack.currentWidget() is pane.sheet_view
    sheet = {
        pane.sheet.index(r, 0).data(): pane.sheet.index(r, 1).data()
        for r in range(pane.sheet.rowCount())
    }
    capacity = scalar(
        engine, "SELECT CAPACITY FROM memories WHERE HARDWARE_ID = :id ORDER BY ID", laptop
    )
    assert sheet["Capacity"] == format_field(capacity, "mib")[0]
    assert sheet["Capacity"].endswith("GiB")


def test_hardware_hides_bookkeeping_until_show_all(pane: MachineDetailPane) -> None:
    pane.select_category("hardware")
    assert pane.stack.currentWidget() is pane.sheet_view

    def labels() -> set[str]:
        return {pane.sheet.index(r, 0).data() for r in range(pane.sheet.rowCount())}

    assert "Operating system" in labels() and "Memory" in labels()
    assert not {"Device ID", "Checksum", "Session state"} & labels()
    pane.show_all.setChecked(True)
    assert {"Device ID", "Checksum"} <= labels()
    pane.show_all.setChecked(False)
    pane.filter_edit.setText("memory")
    assert pane.sheet_proxy.rowCount() == 1


def test_software_table_filters_sorts_and_hides_internal_columns(
    pane: MachineDetailPane, engine: Engine, laptop: int, qtbot: QtBot
) -> None:
    pane.select_category("software")
    total = int(
        str(scalar(engine, "SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :id", laptop))
    )
    assert pane.stack.currentWidget() is pane.table and pane.proxy.rowCount() == total
    labels = pane.rows.labels()
    assert labels[:4] == ("Name", "Publisher", "Version", "Installed")
    source = pane.rows.columns().index("SOURCE")
    assert pane.table.isColumnHidden(source)
    pane.filter_edit.setText("adobe")
    expected = int(
        str(
            scalar(
                engine,
                "SELECT COUNT(*) FROM software s JOIN software_name n ON n.ID = s.NAME_ID"
                " LEFT JOIN software_publisher p ON p.ID = s.PUBLISHER_ID"
                " WHERE s.HARDWARE_ID = :id AND (LOWER(n.NAME) LIKE '%adobe%'"
                " OR LOWER(p.PUBLISHER) LIKE '%adobe%')",
                laptop,
            )
        )
    )
    assert 0 < pane.proxy.rowCount() <= total
    assert pane.proxy.rowCount() >= expected
    installed = pane.rows.columns().index("INSTALLDATE")
    shown = [pane.proxy.index(r, installed).data() for r in range(pane.proxy.rowCount())]
    assert all(":" not in value for value in shown if value), "days without invented midnights"

    pane.table.setCurrentIndex(pane.proxy.index(0, 0))
    name = pane.proxy.index(0, 0).data()
    assert pane.copy_value(pane.table) == name
    assert QtGui.QGuiApplication.clipboard().text() == name
    assert pane.copy_row(pane.table).startswith(name + "\t")


def test_export_writes_the_whole_machine(
    pane: MachineDetailPane, engine: Engine, laptop: int, tmp_path: Path, qtbot: QtBot
) -> None:
    software = int(
        str(scalar(engine, "SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :id", laptop))
    )
    target = tmp_path / "laptop.json"
    task = pane.export_to(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["id"] == laptop and len(data["categories"]["software"]) == software
    assert data["categories"]["hardware"][0]["MEMORY"] == scalar(
        engine, "SELECT MEMORY FROM hardware WHERE ID = :id", laptop
    )
    with engine.connect() as conn:
        detail = load_machine_detail(conn, laptop)
    rows = write_machine(detail, tmp_path / "laptop.csv")
    with (tmp_path / "laptop.csv").open(encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    assert rows == sum(len(c.rows) for c in detail.categories.values())
    memory = [
        line for line in lines if line["column"] == "MEMORY" and line["category"] == "hardware"
    ]
    assert memory[0]["label"] == "Memory" and memory[0]["value"] == str(
        data["categories"]["hardware"][0]["MEMORY"]
    )
