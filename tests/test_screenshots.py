"""``ocs-desktop screenshots``: every main view from a real fleet, in English and French."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from ocs_desktop.cli.main import main
from ocs_desktop.db.engines import normalize_url
from ocs_desktop.fleet.filters import TagFilter
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines
from ocs_desktop.views.page_registry import PAGES, load_class
from ocs_desktop.views.qt import QtGui, QtWidgets
from ocs_desktop.views.screenshots import SIZE, VIEWS
from tests.support.console_fleet import FleetFacts

# A picture of real widgets with real rows has hundreds of colours (anti-aliased text,
# icons, charts); a blank or single-colour window has a handful.
MIN_COLOURS = 200


def distinct_colours(image: QtGui.QImage) -> int:
    converted = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    pixels = memoryview(converted.constBits()).cast("I")
    return len(set(pixels))


def add_groups(engine: Engine, facts: FleetFacts) -> None:
    """A static and a dynamic group, so the groups view shows members and cache ages."""
    from ocs_desktop.fleet import groups
    from ocs_desktop.fleet.search import Criterion, Operator, Search

    with engine.begin() as conn:
        paris = [
            row.id for row in fetch_machines(conn, MachineQuery(filter=TagFilter("PARIS")), 0, 100)
        ]
        static = groups.create_static_group(conn, "Paris office", "machines of the Paris site")
        groups.add_members(conn, static, paris)
        debian = Search((Criterion("hardware.OSNAME", Operator.contains, "Debian"),))
        groups.create_dynamic_group(conn, "Debian machines", debian, "every Debian machine")


@pytest.mark.slow
def test_screenshots_in_english_and_french(
    fleet: tuple[Engine, FleetFacts], tmp_path: Path, qapp: QtWidgets.QApplication
) -> None:
    engine, facts = fleet
    add_groups(engine, facts)
    url = engine.url.render_as_string(hide_password=False)
    rendered: dict[str, list[Path]] = {}
    for lang in ("en", "fr"):
        out = tmp_path / lang
        command = ["screenshots", "--db", url, "--lang", lang, "--size", "1024x768", str(out)]
        assert main(command) == 0
        files = sorted(out.glob("*.png"))
        assert [f.name for f in files] == [f"{n:02d}-{v}.png" for n, v in enumerate(VIEWS, 1)]
        for path in files:
            image = QtGui.QImage(str(path))
            assert (image.width(), image.height()) == (1024, 768), path.name
            assert distinct_colours(image) > MIN_COLOURS, f"{path.name} looks blank"
        rendered[lang] = files

    pages_present = all(load_class(spec) is not None for spec in PAGES[:6])
    if pages_present:
        for english, french in zip(rendered["en"], rendered["fr"], strict=True):
            assert english.read_bytes() != french.read_bytes(), f"{english.name} is not translated"


@pytest.mark.parametrize("size", ["1024", "800x-1", "320x200", "axb"])
def test_screenshots_refuse_a_size_that_is_none(
    size: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["screenshots", "--db", str(tmp_path / "x.sqlite"), "--size", size, str(tmp_path)])
    assert exited.value.code == 2
    assert "--size" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
    assert SIZE == (1400, 900)  # the default when --size is not given


def test_screenshots_refuse_a_database_failing_the_check(
    tmp_path: Path, qapp: QtWidgets.QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "not-ocs.sqlite"
    engine = create_engine(normalize_url(str(path)))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE unrelated (id INTEGER)"))
    engine.dispose()
    assert main(["screenshots", "--db", str(path), str(tmp_path / "out")]) == 2
    assert "missing table: hardware" in capsys.readouterr().err
    assert not list((tmp_path / "out").glob("*.png"))


def test_example_groups_go_to_a_copy_never_to_the_database(
    tmp_path: Path, qapp: QtWidgets.QApplication
) -> None:
    """Only the real samples imported: the groups picture shows example groups from a copy."""
    from ocs_desktop.db.engines import create_engine_for
    from ocs_desktop.db.schema import init_database
    from tests.support.console_fleet import fill_fleet

    path = tmp_path / "samples.sqlite"
    engine = create_engine_for(normalize_url(str(path)))
    init_database(engine)
    fill_fleet(engine, derived=2)
    before = path.read_bytes()
    out = tmp_path / "out"
    assert main(["screenshots", "--db", str(path), str(out)]) == 0
    assert path.read_bytes() == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM `groups`")).scalar_one() == 0
    engine.dispose()
    (groups_file,) = out.glob("*-groups.png")  # numbered by its place in VIEWS
    groups_png = QtGui.QImage(str(groups_file))
    assert distinct_colours(groups_png) > MIN_COLOURS
