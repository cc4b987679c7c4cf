"""Drops on item models: the TAGs, groups, packages and files lists answer Qt alike.

The three machine lists take their drops through :class:`MachineDropMixin`; these tests
hold each of them to the same contract: only machine ids, only copied, ``canDropMimeData``
true exactly when ``dropMimeData`` acts, and ``IgnoreAction`` "handled, nothing to do".
The wizard's file list follows the same contract for file URLs (:class:`DropMixin`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ocs_desktop.fleet.admin_data import TagCount
from ocs_desktop.fleet.groups import GroupInfo
from ocs_desktop.packager.status import WAITING, PackageSummary
from ocs_desktop.views.deployment.files import URI_LIST, FilesModel, file_urls
from ocs_desktop.views.deployment.models import PackagesModel
from ocs_desktop.views.fleet.groups_page import GroupsModel
from ocs_desktop.views.fleet.tags_page import TagCountsModel
from ocs_desktop.views.qt import Qt, QtCore
from ocs_desktop.views.widgets.drops import DropMixin, MachineDropMixin
from ocs_desktop.views.widgets.mime import MACHINE_IDS_MIME, encode_ids

ROOT = QtCore.QModelIndex()
IDS = [3, 1, 2]
COPY, MOVE, LINK, IGNORE = (
    Qt.DropAction.CopyAction,
    Qt.DropAction.MoveAction,
    Qt.DropAction.LinkAction,
    Qt.DropAction.IgnoreAction,
)

#: A drop location: (row, parent) as Qt passes them, built once the model has its rows.
Spot = Callable[[Any], tuple[int, QtCore.QModelIndex]]


def on_row(row: int) -> Spot:
    return lambda model: (-1, model.index(row, 0))


def between(row: int) -> Spot:
    return lambda model: (row, ROOT)


@dataclass
class Case:
    make: Callable[[], Any]
    #: Where a drop lands on something, with the signal arguments it gives for ``ids``.
    targets: list[tuple[Spot, Callable[[Any, list[int]], list[Any]]]]
    #: Where a drop lands on nothing.
    nowhere: list[Spot]


def packages_model() -> PackagesModel:
    model = PackagesModel()
    model.set_packages(
        PackageSummary(fileid, name, 10, 1, 5, "LINUX", None, False, 0, {WAITING: 1})
        for fileid, name in (("1700000002", "second"), ("1700000001", "first"))
    )
    return model


def tags_model() -> TagCountsModel:
    model = TagCountsModel()
    model.set_counts([TagCount("PARIS", 2), TagCount(None, 1)])
    return model


def groups_model() -> GroupsModel:
    model = GroupsModel()
    model.set_groups(
        [
            GroupInfo(10, "desks", "", "static", 0, None, None),
            GroupInfo(11, "servers", "", "dynamic", 4, None, None),
        ]
    )
    return model


CASES = {
    "packages": Case(
        packages_model,
        targets=[
            (on_row(0), lambda m, ids: [m.package(0).fileid, ids]),
            # Between two packages, the drop goes to the one below.
            (between(1), lambda m, ids: [m.package(1).fileid, ids]),
        ],
        nowhere=[between(-1), between(2), on_row(5)],
    ),
    "tags": Case(
        tags_model,
        targets=[
            (on_row(0), lambda m, ids: [ids, "PARIS"]),
            (on_row(1), lambda m, ids: [ids, None]),  # the "no TAG" row clears the TAG
        ],
        nowhere=[between(-1), between(0), between(1)],
    ),
    "groups": Case(
        groups_model,
        targets=[(on_row(0), lambda m, ids: [10, ids])],
        # Between rows, and on a dynamic group (a saved search takes no members).
        nowhere=[between(-1), between(0), on_row(1)],
    ),
}


def other_formats() -> list[QtCore.QMimeData]:
    text = QtCore.QMimeData()
    text.setText("[1, 2]")
    malformed = QtCore.QMimeData()
    malformed.setData(MACHINE_IDS_MIME, QtCore.QByteArray(b"{not json"))
    return [text, malformed, encode_ids([])]


def record(model: Any) -> list[list[Any]]:
    got: list[list[Any]] = []
    model.machinesDropped.connect(lambda *args: got.append(list(args)))
    return got


@pytest.fixture(params=list(CASES))
def case(request: pytest.FixtureRequest, qapp: Any) -> Case:
    return CASES[request.param]


def test_machines_only_copied(case: Case) -> None:
    model = case.make()
    assert isinstance(model, MachineDropMixin)
    assert model.mimeTypes() == [MACHINE_IDS_MIME]
    assert model.supportedDropActions() == COPY


def test_drop_on_a_target_announces_the_machines(case: Case) -> None:
    model = case.make()
    got = record(model)
    for spot, expected in case.targets:
        row, parent = spot(model)
        assert model.canDropMimeData(encode_ids(IDS), COPY, row, -1, parent)
        assert model.dropMimeData(encode_ids(IDS), COPY, row, -1, parent)
        assert got.pop() == expected(model, IDS)
        assert not got


def test_ignore_action_is_handled_and_does_nothing(case: Case) -> None:
    model = case.make()
    got = record(model)
    spots = [spot for spot, _ in case.targets] + case.nowhere
    for spot, data in itertools.product(spots, [encode_ids(IDS), *other_formats()]):
        row, parent = spot(model)
        # Nothing to drop: refused beforehand, and "handled, nothing to do" if it comes.
        assert not model.canDropMimeData(data, IGNORE, row, -1, parent)
        assert model.dropMimeData(data, IGNORE, row, -1, parent)
    assert got == []


def test_refused_drops(case: Case) -> None:
    model = case.make()
    got = record(model)
    target_spots = [spot for spot, _ in case.targets]
    refused = [
        # A move or a link: the machines are only ever copied.
        *itertools.product(target_spots, [encode_ids(IDS)], [MOVE, LINK]),
        # Anything but machine ids.
        *itertools.product(target_spots, other_formats(), [COPY]),
        # Machine ids where there is nothing to drop them on.
        *itertools.product(case.nowhere, [encode_ids(IDS)], [COPY]),
    ]
    for spot, data, action in refused:
        row, parent = spot(model)
        assert not model.canDropMimeData(data, action, row, -1, parent)
        assert not model.dropMimeData(data, action, row, -1, parent)
    assert got == []


def test_can_drop_exactly_when_drop_acts(case: Case) -> None:
    """Over every spot, content and action: the promise and the drop agree."""
    model = case.make()
    got = record(model)
    spots = [spot for spot, _ in case.targets] + case.nowhere
    contents = [encode_ids(IDS), *other_formats()]
    for spot, data, action in itertools.product(spots, contents, [COPY, MOVE, LINK]):
        row, parent = spot(model)
        promised = model.canDropMimeData(data, action, row, -1, parent)
        assert model.dropMimeData(data, action, row, -1, parent) == promised
        assert len(got) == int(promised)
        got.clear()


def test_through_a_sort_proxy(qapp: Any) -> None:
    """The TAGs page drops through its sort proxy; the proxy passes the contract on."""
    model = tags_model()
    proxy = QtCore.QSortFilterProxyModel()
    proxy.setSourceModel(model)
    got = record(model)
    target = proxy.index(0, 0)
    assert proxy.supportedDropActions() == COPY
    assert not proxy.canDropMimeData(encode_ids(IDS), MOVE, -1, -1, target)
    assert not proxy.canDropMimeData(encode_ids(IDS), IGNORE, -1, -1, target)
    assert proxy.dropMimeData(encode_ids(IDS), IGNORE, -1, -1, target)
    assert got == []
    assert proxy.canDropMimeData(encode_ids(IDS), COPY, -1, -1, target)
    assert proxy.dropMimeData(encode_ids(IDS), COPY, -1, -1, target)
    assert got == [[IDS, "PARIS"]]


def test_files_list_follows_the_same_contract(qapp: Any, tmp_path: Path) -> None:
    """File URLs from a file manager: however it offers them, and anywhere on the list."""
    model = FilesModel()
    assert isinstance(model, DropMixin)
    assert model.mimeTypes() == [URI_LIST]
    got: list[list[Path]] = []
    model.pathsDropped.connect(got.append)
    urls = file_urls([tmp_path / "setup.sh"])
    for action in (COPY, MOVE, LINK):
        assert model.canDropMimeData(urls, action, -1, -1, ROOT)
        assert model.dropMimeData(urls, action, -1, -1, ROOT)
        assert got.pop() == [(tmp_path / "setup.sh").resolve()]
    remote = QtCore.QMimeData()
    remote.setUrls([QtCore.QUrl("https://example.org/setup.sh")])
    for data in (remote, encode_ids(IDS)):
        assert not model.canDropMimeData(data, COPY, -1, -1, ROOT)
        assert not model.dropMimeData(data, COPY, -1, -1, ROOT)
    for data in (urls, remote):
        assert not model.canDropMimeData(data, IGNORE, -1, -1, ROOT)
        assert model.dropMimeData(data, IGNORE, -1, -1, ROOT)
    assert got == []
