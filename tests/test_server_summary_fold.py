"""The server counts new machines into the software summary in the background, not while
an agent waits for its INVENTORY reply."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine

from bench.fleet import Fleet
from ocs_desktop.inventory import ingest as ingest_module
from ocs_desktop.server import app as app_module
from tests.support.db_facts import grouped, pending_ids, summary
from tests.support.server_helpers import client_for, post

FLEET = Fleet(software_limit=40)


def test_new_machines_are_folded_off_the_request_path(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_module, "FOLD_SECONDS", 0.0)  # a fold is always due
    monkeypatch.setattr(app_module, "FOLD_CHECK_S", 3600.0)  # ...but the task sleeps
    with client_for(engine) as client:
        for index in range(2):
            assert post(client, FLEET.machine(index).body).status_code == 200
        assert len(pending_ids(engine)) == 2  # no request folded
    monkeypatch.setattr(app_module, "FOLD_CHECK_S", 0.05)
    with client_for(engine) as client:
        assert post(client, FLEET.machine(2).body).status_code == 200
        deadline = time.monotonic() + 10
        while pending_ids(engine) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pending_ids(engine) == set()  # the background task folded all three
    expected = grouped(engine)
    assert expected and summary(engine) == expected
