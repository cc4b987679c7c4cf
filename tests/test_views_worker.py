"""The worker helper: results, errors, progress, cancel, keyed replacement, real DB reads."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.common.progress import report
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore
from ocs_desktop.views.settings import PAGE_SIZE, PROFILES, Settings
from ocs_desktop.views.worker import TaskRunner


@pytest.fixture
def runner(qtbot) -> TaskRunner:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    assert runner.wait_idle(5000)


def test_result_arrives_in_gui_thread(qtbot, runner: TaskRunner) -> None:
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work(progress):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.get_ident()
        return 6 * 7

    task = runner.run(work)
    with qtbot.waitSignal(task.done, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen["worker"] != gui
    assert runner.active_count() == 0


def test_failure_becomes_message(qtbot, runner: TaskRunner) -> None:
    def work(progress):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk on fire\nsecond line")

    task = runner.run(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["disk on fire"]


def test_cancel_stops_core_loop(qtbot, runner: TaskRunner) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(progress):  # type: ignore[no-untyped-def]
        for i in range(10_000):
            started.set()
            report(progress, i, 10_000)
            steps.append(i)
            threading.Event().wait(0.001)
        return "finished"

    task = runner.run(work)
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000), qtbot.assertNotEmitted(task.done):
        task.cancel()
    assert len(steps) < 10_000


def test_same_key_drops_previous_result(qtbot, runner: TaskRunner) -> None:
    gate = threading.Event()
    results: list[str] = []

    def slow(progress):  # type: ignore[no-untyped-def]
        gate.wait(5)
        return "old"

    first = runner.run(slow, on_done=results.append, key="filter")
    second = runner.run(lambda progress: "new", on_done=results.append, key="filter")
    with qtbot.waitSignal(second.done, timeout=5000):
        pass
    gate.set()
    with qtbot.waitSignal(first.cancelled, timeout=5000):
        pass
    assert results == ["new"]


def test_progress_reaches_gui(qtbot, runner: TaskRunner) -> None:
    got: list[tuple[int, int]] = []

    def work(progress):  # type: ignore[no-untyped-def]
        for i in range(1, 4):
            report(progress, i, 3)
        return None

    task = runner.run(work, on_progress=lambda d, t: got.append((d, t)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert got and got[-1] == (3, 3)


def test_context_reads_and_writes_real_database(qtbot, engine: Engine) -> None:
    context = ConsoleContext(engine, "test")
    topics: list[str] = []
    context.changed.connect(topics.append)
    task = context.write(
        lambda conn, progress: (
            conn.execute(
                text("INSERT INTO config (NAME, IVALUE) VALUES ('OCSDESKTOP_PROBE', 7)")
            ).rowcount
        ),
        topics=("machines",),
    )
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    task = context.read(
        lambda conn, progress: conn.execute(
            text("SELECT IVALUE FROM config WHERE NAME = 'OCSDESKTOP_PROBE'")
        ).scalar_one(),
        lambda value: None,
    )
    with qtbot.waitSignal(task.done, timeout=10000) as blocker:
        pass
    assert blocker.args == [7]
    assert topics == ["machines"]
    context.runner.wait_idle()


def test_context_write_error_rolls_back(qtbot, engine: Engine) -> None:
    context = ConsoleContext(engine, "test")
    errors: list[str] = []
    context.error.connect(errors.append)

    def bad(conn, progress):  # type: ignore[no-untyped-def]
        conn.execute(text("INSERT INTO config (NAME, IVALUE) VALUES ('OCSDESKTOP_HALF', 1)"))
        conn.execute(text("INSERT INTO no_such_table VALUES (1)"))

    task = context.write(bad)
    with qtbot.waitSignal(task.failed, timeout=10000):
        pass
    assert errors
    with engine.connect() as conn:
        left = conn.execute(text("SELECT COUNT(*) FROM config WHERE NAME = 'OCSDESKTOP_HALF'"))
        assert left.scalar_one() == 0
    context.runner.wait_idle()


def test_settings_round_trip_and_defaults(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    settings = Settings(store)
    assert settings.get(PAGE_SIZE) == PAGE_SIZE.default
    settings.set(PAGE_SIZE, 50)
    settings.set(PROFILES, [{"name": "prod", "kind": "mysql"}])
    settings.sync()
    again = Settings(QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat))
    assert again.get(PAGE_SIZE) == 50
    assert again.get(PROFILES) == [{"name": "prod", "kind": "mysql"}]
    assert again.store.value("schema_version") is not None
