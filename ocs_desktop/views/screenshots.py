"""Pictures of the console's main views, rendered offscreen, for reviewers and documentation.

Opens the main window on a database (read only: nothing is written to it; a SQLite
database without groups is copied and given two example groups), shows each
main view in turn at a fixed size, waits until the worker has delivered every query the
view started, and saves the window as a PNG. Settings go to a throw-away file so a run
never changes the user's window layout.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from ocs_desktop.db.engines import create_engine_for, is_sqlite
from ocs_desktop.db.profiles import open_database
from ocs_desktop.fleet.filters import machines_only
from ocs_desktop.models import Hardware
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.i18n import install_translators, remove_translators
from ocs_desktop.views.local_server import LocalServerOptions
from ocs_desktop.views.main_window import MainWindow
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.settings import Settings

SIZE = (1400, 900)
#: The views, in the order they are rendered; each becomes ``NN-<name>.png``.
VIEWS: tuple[str, ...] = (
    "machines",
    "machine-detail",
    "machine-software",
    "machine-hardware",
    "software",
    "search",
    "groups",
    "dashboard",
    "duplicates",
    "tag-rules",
    "admin-config",
    "admin-operators",
    "admin-registry",
    "admin-label",
    "admin-admin_fields",
    "admin-agent_files",
    "admin-certificates",
    "admin-server",
    "installers-windows",
    "installers-linux",
    "network",
    "network-map",
    "local-server",  # last: the server it starts shows in the status bar until the end
)
SETTLE_TIMEOUT_MS = 60_000


def application() -> QtWidgets.QApplication:
    """The running QApplication, or a new offscreen one (no display needed)."""
    existing = QtWidgets.QApplication.instance()
    if isinstance(existing, QtWidgets.QApplication):
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QtWidgets.QApplication(["ocs-desktop-screenshots"])


def settle(window: MainWindow, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    """Process events until the worker is idle and stays idle (answers start new queries)."""
    runner = window.context.runner
    quiet_rounds = 0
    while quiet_rounds < 3:
        if not runner.wait_idle(timeout_ms):
            raise TimeoutError("the console's queries did not finish in time")
        for _ in range(5):
            QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QtCore.QCoreApplication.sendPostedEvents()
        quiet_rounds = quiet_rounds + 1 if runner.active_count() == 0 else 0


def first_machine(engine: Engine) -> int | None:
    """The machine the list shows first (by name), for the detail view."""
    with engine.connect() as conn:
        return conn.scalar(
            select(Hardware.ID).where(machines_only()).order_by(Hardware.NAME, Hardware.ID).limit(1)
        )


def _call(target: object, name: str, *args: Any) -> Any:
    method = getattr(target, name, None)
    return method(*args) if callable(method) else None


def _select_first_row(page: QtWidgets.QWidget) -> None:
    """Select the first row of a page's main table, so its detail part shows something."""
    table = getattr(page, "table", None) or getattr(page, "view", None)
    if not isinstance(table, QtWidgets.QAbstractItemView):
        table = page.findChild(QtWidgets.QAbstractItemView)
    if isinstance(table, QtWidgets.QAbstractItemView) and table.model() is not None:
        model = table.model()
        if model.rowCount() > 0:
            table.setCurrentIndex(model.index(0, 0))
            if isinstance(table, QtWidgets.QTableView):
                table.selectRow(0)


def _demo_search() -> Any:
    """Two criteria on the same table (software), the case the OCS console gets wrong."""
    from ocs_desktop.fleet.search import Criterion, Operator, Search

    return Search(
        (
            Criterion("software.NAME", Operator.equals, "apache2"),
            Criterion("software.NAME", Operator.equals, "python3"),
        )
    )


def _example_groups_copy(engine: Engine, scratch: Path) -> Engine | None:
    """A scratch copy of a SQLite database that has no groups, with two example groups.

    A database holding only imported inventories has no groups, and an empty groups view
    shows a reviewer nothing. The user's database is never written: the copy is.
    """
    from ocs_desktop.fleet.groups import (
        add_members,
        create_dynamic_group,
        create_static_group,
        list_groups,
    )

    source = engine.url.database
    if not is_sqlite(engine.url) or not source:
        return None
    with engine.connect() as conn:
        if list_groups(conn):
            return None
        first = list(
            conn.scalars(
                select(Hardware.ID).where(machines_only()).order_by(Hardware.NAME).limit(3)
            )
        )
    if not first:
        return None
    copy = scratch / "example.sqlite"
    # SQLite's backup API: a file copy would miss what still sits in the -wal file.
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    example = create_engine_for(str(copy))
    with example.begin() as conn:
        static = create_static_group(conn, "Example: first machines", "screenshots only")
        add_members(conn, static, first)
        create_dynamic_group(conn, "Example: apache2 and python3", _demo_search())
    return example


def _example_network(engine: Engine, scratch: Path) -> Engine | None:
    """A database without IP discovery results gets example ones: written into the
    scratch copy when there is one, else into a new scratch copy (SQLite only)."""
    from ocs_desktop.fleet.network_example import has_discovery, stage_example_discovery

    source = engine.url.database
    if not is_sqlite(engine.url) or not source:
        return None
    with engine.connect() as conn:
        if has_discovery(conn):
            return None
    if Path(source).parent == scratch:
        with engine.begin() as conn:
            stage_example_discovery(conn)
        return None
    copy = scratch / "network.sqlite"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    example = create_engine_for(str(copy))
    with example.begin() as conn:
        stage_example_discovery(conn)
    return example


def _stage(window: MainWindow, view: str, engine: Engine) -> None:
    """Put the window in the state the picture of ``view`` shows."""
    if not view.startswith("machine-"):
        window.detail_dock.hide()
    if view == "machines":
        window.show_machines(None, "")
    elif view.startswith("machine-"):  # the detail pane: summary card, a category, a sheet
        window.show_machines(None, "")
        settle(window)
        _select_first_row(window.page("machines"))
        machine = first_machine(engine)
        if machine is not None:
            window.open_machine(machine)
            settle(window)
            category = {"machine-software": "software", "machine-hardware": "hardware"}
            _call(window.detail_pane, "select_category", category.get(view, "summary"))
    elif view == "software":
        page = window.show_page("software")
        settle(window)
        _select_first_row(page)
    elif view == "search":
        page = window.show_page("search")
        _call(page, "set_search", _demo_search())
        _call(page, "run")
    elif view == "groups":
        page = window.show_page("groups")
        settle(window)
        _select_first_row(page)
    elif view == "tag-rules":
        page = window.show_page("tag-rules")
        settle(window)
        _call(page, "preview")
    elif view.startswith("admin-"):  # a tab of the Administration page
        _call(window.show_page("administration"), "tab", view.removeprefix("admin-"))
    elif view.startswith("installers-"):  # the installer wizard on one kind's options
        _call(window.show_page("installers"), "show_kind", view.removeprefix("installers-"))
    elif view == "network":  # the subnets, the first one's hosts
        page = window.show_page("network")
        tabs = getattr(page, "tabs", None)
        if isinstance(tabs, QtWidgets.QTabWidget):
            tabs.setCurrentIndex(0)
    elif view == "local-server":  # Server > Start local server, on loopback only
        _start_local_server(window)
    elif view == "network-map":  # the Network page's Map tab
        page = window.show_page("network")
        tabs, tab = getattr(page, "tabs", None), getattr(page, "map_tab", None)
        if isinstance(tabs, QtWidgets.QTabWidget) and isinstance(tab, QtWidgets.QWidget):
            tabs.setCurrentWidget(tab)
    else:
        window.show_page(view)


def _start_local_server(window: MainWindow, timeout_ms: int = 60_000) -> None:
    """Start the console's own server (127.0.0.1, a free port) and wait until it listens."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    control = window.server_control
    control.start(LocalServerOptions(host="127.0.0.1", http_port=port))
    timer = QtCore.QElapsedTimer()
    timer.start()
    while control.server.running and not control.urls and timer.elapsed() < timeout_ms:
        QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 100)


def render_screenshots(
    url: str,
    out_dir: str | os.PathLike[str],
    lang: str = "en",
    size: tuple[int, int] = SIZE,
    views: Sequence[str] = VIEWS,
    on_saved: Callable[[Path], None] | None = None,
    on_view: Callable[[str, MainWindow], None] | None = None,
) -> list[Path]:
    """Render ``views`` of the database at ``url`` into ``out_dir``; the PNG paths, in order.

    ``on_view(view, window)`` runs on each view as pictured, before it is saved (the
    layout and translation checks walk its widgets). Raises ``ValueError`` when the
    database fails ``db check``, ``FileNotFoundError`` for a SQLite file that does not
    exist.
    """
    app = application()
    opened = open_database(url)
    if not opened.ok or opened.engine is None:
        raise ValueError("\n".join(opened.report.format()))
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    engine = opened.engine
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ocs-screenshots-") as scratch:
        example = _example_groups_copy(engine, Path(scratch))
        if example is not None:
            engine.dispose()
            engine = example
        network = _example_network(engine, Path(scratch))
        if network is not None:
            engine.dispose()
            engine = network
        store = QtCore.QSettings(
            str(Path(scratch) / "settings.ini"), QtCore.QSettings.Format.IniFormat
        )
        install_translators(lang, app)
        context = ConsoleContext(engine, opened.url, Settings(store))
        window = MainWindow(context)
        try:
            window.resize(*size)
            window.show()
            settle(window)
            for number, view in enumerate(views, start=1):
                _stage(window, view, engine)
                settle(window)
                window.resize(*size)
                if on_view is not None:
                    on_view(view, window)
                path = target / f"{number:02d}-{view}.png"
                if not window.grab().save(str(path)):
                    raise OSError(f"cannot write {path}")
                saved.append(path)
                if on_saved is not None:
                    on_saved(path)
        finally:
            context.runner.cancel_all()
            context.runner.wait_idle(10_000)
            window.close()
            window.deleteLater()
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
            remove_translators(app)
            engine.dispose()
    return saved
