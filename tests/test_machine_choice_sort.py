"""Choice admin fields sort by the text the machines list shows, in SQL, page by page.

A select or radio field stores the number of its choice and a checkbox field its ticks
(``1&&&3&&&``); the list shows the choices' texts, so it sorts by them too: a CASE over the
field's choices (``fleet/machines._choice_labels``). On SQLite and MariaDB.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from ocs_desktop.fleet.admin_data import AdminFieldType, set_admin_value
from ocs_desktop.fleet.admin_fields import add_choice, add_field, encode_checks
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines
from tests.support.builders import machine_ids
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]
#: Added in this order, numbered 1..11: number order, text order and label order all differ
#: ("10" < "2" as text), and one label is lower case.
SITES = ("Zurich", "Berlin", "lyon", "Oslo", "Athens", "Madrid", "Kyiv", "Dublin", "Porto",
         "Bern", "Amsterdam")  # fmt: skip
PAGE = 3


def _paged(engine: Engine, query: MachineQuery) -> list[Any]:
    """The whole list, fetched ``PAGE`` rows at a time as the view does."""
    rows: list[Any] = []
    with engine.connect() as conn:
        while batch := fetch_machines(conn, query, len(rows), PAGE):
            rows.extend(batch)
    return rows


def _sorted_by(
    engine: Engine, column: str, descending: bool
) -> tuple[list[Any], dict[int, str | None]]:
    """The list sorted by admin field ``column`` and shown with it: its rows, and the text
    each machine's row shows for the field."""
    key = f"admin:{column}"
    rows = _paged(engine, MachineQuery(sort_key=key, descending=descending, columns=(key,)))
    return rows, {r.id: r.value(key) for r in rows}


def _expected(shown: dict[int, str | None], stored: dict[int, str | None], descending: bool):
    def key(machine: int) -> tuple[Any, ...]:
        text_ = shown[machine]
        return (text_ is not None, (text_ or "").casefold(), stored[machine] or "", machine)

    return sorted(shown, key=key, reverse=descending)


@pytest.fixture
def sites(fleet: Fleet) -> tuple[Engine, str, str, dict[int, str | None], dict[int, str | None]]:
    """A select field SITE and a checkbox field KIT set on every machine (one without)."""
    engine = fleet[0]
    ids = machine_ids(engine)
    assert len(ids) >= 8
    with engine.begin() as conn:
        site = add_field(conn, "SITE", AdminFieldType.SELECT, "Site")
        numbers = {name: add_choice(conn, site.id, name).value for name in SITES}
        kit = add_field(conn, "KIT", AdminFieldType.CHECKBOX, "Kit")
        ticks = {name: add_choice(conn, kit.id, name).value for name in ("Screen", "dock")}
        site_stored: dict[int, str | None] = {}
        kit_stored: dict[int, str | None] = {}
        for n, machine in enumerate(ids):
            if n == 0:
                value = None  # no site
            elif n == 1:
                value = "99"  # a choice deleted since: shown (and sorted) as its number
            else:
                value = str(numbers[SITES[(n * 7) % len(SITES)]])
            set_admin_value(conn, [machine], site.column, value)
            site_stored[machine] = value
            combo = [(), ("Screen",), ("dock",), ("Screen", "dock")][n % 4]
            checks = encode_checks(ticks[name] for name in combo)
            set_admin_value(conn, [machine], kit.column, checks)
            kit_stored[machine] = checks
    return engine, site.column, kit.column, site_stored, kit_stored


@pytest.mark.parametrize("descending", [False, True])
def test_a_select_field_sorts_by_its_labels(sites: Any, descending: bool) -> None:
    engine, site, _kit, stored, _ = sites
    rows, shown = _sorted_by(engine, site, descending)
    assert set(shown) == set(stored)
    by_number = {str(n): name for n, name in enumerate(SITES, start=1)}
    # The list shows the labels (and the orphan number as itself).
    assert shown == {m: (by_number.get(v, v) if v else None) for m, v in stored.items()}
    assert [r.id for r in rows] == _expected(shown, stored, descending)
    labels = [shown[r.id] for r in rows if shown[r.id]]
    if not descending:
        # By label "lyon" (stored 3) sits between "Kyiv" (7) and "Madrid" (6); by the stored
        # value lyon came before both.
        assert labels.index("Amsterdam") < labels.index("Berlin")
        assert labels.index("Kyiv") < labels.index("lyon") < labels.index("Madrid")


@pytest.mark.parametrize("descending", [False, True])
def test_a_checkbox_field_sorts_by_what_it_shows(sites: Any, descending: bool) -> None:
    engine, _site, kit, _, stored = sites
    rows, shown = _sorted_by(engine, kit, descending)
    assert {v for v in shown.values() if v} == {"Screen", "dock", "Screen; dock"}
    assert [r.id for r in rows] == _expected(shown, stored, descending)
