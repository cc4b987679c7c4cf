"""Software across versions, the machines without a software, its share of the fleet, CSV.

On the real small fleet (SQLite and MariaDB); every figure is compared with SQL over
``software`` itself, not with the summary the code reads.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet.machines import MachineQuery, count_machines
from ocs_desktop.fleet.software_catalog import (
    SoftwareFilter,
    SoftwareQuery,
    count_software,
    fetch_software,
    machine_total,
    write_software_csv,
)
from ocs_desktop.views import i18n
from ocs_desktop.views.fleet.software_page import SoftwarePage
from ocs_desktop.views.qt import QtCore
from tests.support.console_context import checked_context, console_settings
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]


def rows(engine: Engine, sql: str, **params: object) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql), params)]


def rolled_up_by_sql(engine: Engine) -> dict[tuple[int, int], tuple[int, int]]:
    """(name id, publisher id) -> (installs, distinct versions), straight from ``software``."""
    found = rows(
        engine,
        "SELECT NAME_ID, PUBLISHER_ID, COUNT(*), COUNT(DISTINCT VERSION_ID) FROM software "
        "GROUP BY NAME_ID, PUBLISHER_ID",
    )
    return {(int(n), int(p)): (int(i), int(v)) for n, p, i, v in found}  # type: ignore[arg-type]


def all_entries(engine: Engine, query: SoftwareQuery) -> list:
    with engine.connect() as conn:
        return fetch_software(conn, query, 0, 1_000_000)


def test_rollup_adds_up_every_version(fleet: Fleet) -> None:
    engine, _ = fleet
    expected = rolled_up_by_sql(engine)
    entries = all_entries(engine, SoftwareQuery(rollup=True))
    assert {(e.name_id, e.publisher_id): (e.installs, e.versions) for e in entries} == expected
    assert all(e.rolled_up and e.version == "" for e in entries)
    assert any(e.versions > 1 for e in entries) or max(v for _, v in expected.values()) == 1
    with engine.connect() as conn:
        assert count_software(conn, SoftwareQuery(rollup=True)) == len(expected)
    by_installs = all_entries(
        engine, SoftwareQuery(rollup=True, sort_key="installs", descending=True)
    )
    installs = [e.installs for e in by_installs]
    assert installs == sorted(installs, reverse=True)
    by_versions = all_entries(
        engine, SoftwareQuery(rollup=True, sort_key="version", descending=True)
    )
    assert by_versions[0].versions == max(v for _, v in expected.values())
    word = by_installs[0].name[:3]
    filtered = all_entries(engine, SoftwareQuery(rollup=True, text=word))
    assert filtered and all(word.lower() in (e.name + e.publisher).lower() for e in filtered)


def test_machines_without_a_software_are_the_rest_of_the_fleet(fleet: Fleet) -> None:
    engine, _ = fleet
    entry = next(
        e for e in all_entries(engine, SoftwareQuery(sort_key="installs")) if e.installs > 0
    )
    having = {
        int(r[0])  # type: ignore[call-overload]
        for r in rows(
            engine,
            "SELECT DISTINCT HARDWARE_ID FROM software WHERE NAME_ID = :n AND PUBLISHER_ID = :p "
            "AND VERSION_ID = :v",
            n=entry.name_id,
            p=entry.publisher_id,
            v=entry.version_id,
        )
    }
    with engine.connect() as conn:
        machines = machine_total(conn)
        without = SoftwareFilter.of(entry, without=True)
        assert count_machines(conn, MachineQuery(filter=without)) == machines - len(having)
        assert count_machines(conn, MachineQuery(filter=SoftwareFilter.of(entry))) == len(having)
    assert without.describe().startswith("without software: ")
    assert (
        machines
        == rows(engine, "SELECT COUNT(*) FROM hardware WHERE DEVICEID <> '_SYSTEMGROUP_'")[0][0]
    )


def test_a_rolled_up_entry_filters_on_every_version(fleet: Fleet) -> None:
    engine, _ = fleet
    entry = max(all_entries(engine, SoftwareQuery(rollup=True)), key=lambda e: e.versions)
    having = rows(
        engine,
        "SELECT COUNT(DISTINCT HARDWARE_ID) FROM software WHERE NAME_ID = :n AND PUBLISHER_ID = :p",
        n=entry.name_id,
        p=entry.publisher_id,
    )[0][0]
    filter_ = SoftwareFilter.of(entry)
    assert filter_.version_id is None
    with engine.connect() as conn:
        assert count_machines(conn, MachineQuery(filter=filter_)) == having


def test_csv_holds_every_entry_with_its_share(fleet: Fleet) -> None:
    engine, _ = fleet
    stream = io.StringIO()
    reported: list[tuple[int, int]] = []
    with engine.connect() as conn:
        written = write_software_csv(
            conn, SoftwareQuery(rollup=True), stream, lambda d, t: reported.append((d, t)) or True
        )
        machines = machine_total(conn)
    lines = list(csv.DictReader(io.StringIO(stream.getvalue())))
    expected = rolled_up_by_sql(engine)
    assert written == len(lines) == len(expected)
    assert reported[-1] == (written, written)
    assert sum(int(line["installs"]) for line in lines) == sum(i for i, _ in expected.values())
    top = max(lines, key=lambda line: int(line["installs"]))
    assert float(top["share_percent"]) == round(100 * int(top["installs"]) / machines, 1)
    assert {line["machines"] for line in lines} == {str(machines)}


# --- the page -------------------------------------------------------------------------------


@pytest.fixture
def page(fleet: Fleet, tmp_path: Path, qtbot: QtBot) -> Iterator[SoftwarePage]:
    engine, _ = fleet
    with checked_context(engine, "test", console_settings(tmp_path)) as context:
        page = SoftwarePage(context)
        qtbot.addWidget(page)
        page.refresh()
        assert context.runner.wait_idle(20_000)
        yield page


def test_page_rolls_up_lists_the_machines_without_and_exports(
    page: SoftwarePage, fleet: Fleet, tmp_path: Path, qtbot: QtBot
) -> None:
    engine, _ = fleet
    context = page.context
    machines = page.model.machines
    assert (
        machines
        == rows(engine, "SELECT COUNT(*) FROM hardware WHERE DEVICEID <> '_SYSTEMGROUP_'")[0][0]
    )
    entry = page.model.entry(0)
    share = page.model.index(0, 4)
    assert (
        share.data(QtCore.Qt.ItemDataRole.ToolTipRole) == f"{entry.installs} of {machines} machines"
    )
    assert share.data().endswith("%")

    page.rollup_check.setChecked(True)
    assert context.runner.wait_idle(20_000)
    assert page.model.total == len(rolled_up_by_sql(engine))
    rolled = page.model.entry(0)
    versions = page.model.index(0, 2)
    assert versions.data() == f"{rolled.versions} version(s)", "no catalogue: the source text"
    i18n.install_translators("en")
    try:
        expected = "1 version" if rolled.versions == 1 else f"{rolled.versions} versions"
        assert versions.data() == expected, "English plurals come from the en catalogue"
    finally:
        i18n.remove_translators()

    page.which_combo.setCurrentIndex(1)
    row = next(r for r, e in enumerate(page.model.entries()) if e.installs < machines)
    rolled = page.model.entry(row)
    with qtbot.waitSignal(page.machines_model.loaded, timeout=20_000):
        page.select_row(row)
    assert context.runner.wait_idle(20_000)
    lacking = rows(
        engine,
        "SELECT COUNT(*) FROM hardware h WHERE h.DEVICEID <> '_SYSTEMGROUP_' AND NOT EXISTS "
        "(SELECT 1 FROM software s WHERE s.HARDWARE_ID = h.ID AND s.NAME_ID = :n "
        "AND s.PUBLISHER_ID = :p)",
        n=rolled.name_id,
        p=rolled.publisher_id,
    )[0][0]
    assert page.machines_model.total() == lacking > 0
    assert {m.id for m in page.machines_model.loaded_rows()}.isdisjoint(
        {
            int(r[0])  # type: ignore[call-overload]
            for r in rows(
                engine,
                "SELECT HARDWARE_ID FROM software WHERE NAME_ID = :n AND PUBLISHER_ID = :p",
                n=rolled.name_id,
                p=rolled.publisher_id,
            )
        }
    )
    assert page.machines_label.text().startswith("Machines without ")
    with qtbot.waitSignal(context.showMachines) as shown:
        page.without_action.trigger()
    assert shown.args[0].without and shown.args[1].startswith("Without software: ")

    target = tmp_path / "software.csv"
    task = page.export_csv(target)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    with target.open(encoding="utf-8-sig") as handle:
        lines = list(csv.DictReader(handle))
    assert len(lines) == page.model.total
    assert not (tmp_path / "software.csv.part").exists()
