"""The duplicates core's words and refusals, in the operator's language.

The core (``fleet.duplicates*``) names criteria, value kinds and tables by code and
raises exceptions whose message is English for the CLI. The console translates them here,
once, from the codes and the exception types, so the page, the merge dialog and the
blacklist editor say the same thing in the same words.
"""

from __future__ import annotations

from ocs_desktop.db.machine_merge import MergeConflict
from ocs_desktop.fleet.duplicates import ExcludedKind, SetCriterion
from ocs_desktop.fleet.duplicates_blacklist import BlacklistError, BlacklistKind, NotBlacklisted
from ocs_desktop.fleet.duplicates_merge import StalePlan
from ocs_desktop.views.qt import QtCore


def criterion_label(criterion: SetCriterion) -> str:
    """A criterion's name, as the page lists it."""
    labels = {
        SetCriterion.HOSTNAME: QtCore.QCoreApplication.translate("Duplicates", "Hostname"),
        SetCriterion.SERIAL: QtCore.QCoreApplication.translate("Duplicates", "Serial number"),
        SetCriterion.MAC: QtCore.QCoreApplication.translate("Duplicates", "MAC address"),
        SetCriterion.HOSTNAME_SERIAL: QtCore.QCoreApplication.translate(
            "Duplicates", "Hostname + serial"
        ),
        SetCriterion.HOSTNAME_MAC: QtCore.QCoreApplication.translate(
            "Duplicates", "Hostname + MAC"
        ),
        SetCriterion.MAC_SERIAL: QtCore.QCoreApplication.translate("Duplicates", "MAC + serial"),
        SetCriterion.UUID: QtCore.QCoreApplication.translate("Duplicates", "UUID"),
    }
    return labels[criterion]


def part_label(part: str) -> str:
    """One matching part of a set (``hostname``, ``serial``, ``mac``, ``uuid``)."""
    labels = {
        "hostname": QtCore.QCoreApplication.translate("Duplicates", "hostname"),
        "serial": QtCore.QCoreApplication.translate("Duplicates", "serial"),
        "mac": QtCore.QCoreApplication.translate("Duplicates", "MAC"),
        "uuid": QtCore.QCoreApplication.translate("Duplicates", "UUID"),
    }
    return labels.get(part, part)


def kind_label(kind: ExcludedKind | BlacklistKind) -> str:
    return (
        QtCore.QCoreApplication.translate("Duplicates", "serial")
        if kind.value == "serial"
        else QtCore.QCoreApplication.translate("Duplicates", "MAC")
    )


def table_label(name: str) -> str:
    """What a merge plan's table holds, for the operator."""
    labels = {
        "hardware": QtCore.QCoreApplication.translate("Duplicates", "Machine record"),
        "accountinfo": QtCore.QCoreApplication.translate("Duplicates", "TAG and admin fields"),
        "devices": QtCore.QCoreApplication.translate("Duplicates", "Settings and package statuses"),
        "groups_cache": QtCore.QCoreApplication.translate("Duplicates", "Group memberships"),
        "itmgmt_comments": QtCore.QCoreApplication.translate("Duplicates", "Comments"),
    }
    return labels.get(
        name, QtCore.QCoreApplication.translate("Duplicates", "Inventory: {0}").format(name)
    )


def blacklist_error(exc: Exception) -> str:
    """Why the blacklist editor refused a value."""
    if isinstance(exc, BlacklistError):
        kind = kind_label(exc.kind)
        if exc.reason == "empty":
            return QtCore.QCoreApplication.translate("Duplicates", "Type a value to blacklist.")
        if exc.reason == "too_long":
            return QtCore.QCoreApplication.translate(
                "Duplicates", "A {0} is at most 255 characters."
            ).format(kind)
        if exc.reason == "control":
            return QtCore.QCoreApplication.translate(
                "Duplicates", "The {0} contains control characters."
            ).format(kind)
        if exc.reason == "not_mac":
            return QtCore.QCoreApplication.translate(
                "Duplicates", "{0} is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC)."
            ).format(exc.value)
        if exc.reason == "listed":
            return QtCore.QCoreApplication.translate(
                "Duplicates", "{0} is already blacklisted."
            ).format(exc.value)
    if isinstance(exc, NotBlacklisted):
        return QtCore.QCoreApplication.translate("Duplicates", "{0} is not blacklisted.").format(
            exc.value
        )
    return QtCore.QCoreApplication.translate("Duplicates", "Not changed: {0}").format(exc)


def merge_error(exc: Exception, selected: int) -> str:
    """Why a merge was not planned or not carried out (nothing was merged)."""
    if isinstance(exc, StalePlan):
        return QtCore.QCoreApplication.translate(
            "Duplicates",
            "The machines changed since this plan was made. Check the new plan and confirm again.",
        )
    if isinstance(exc, MergeConflict):
        return QtCore.QCoreApplication.translate(
            "Duplicates",
            "The machines are no longer all there, or one of them is a group: nothing was merged.",
        )
    if isinstance(exc, TimeoutError):
        return QtCore.QCoreApplication.translate(
            "Duplicates",
            "Another writer (an inventory arriving?) holds one of these machines: "
            "nothing was merged. Try again in a moment.",
        )
    if isinstance(exc, LookupError):
        return QtCore.QCoreApplication.translate(
            "Duplicates", "One of these machines no longer exists: refresh the list."
        )
    if isinstance(exc, ValueError):
        if selected < 2:
            return QtCore.QCoreApplication.translate(
                "Duplicates", "Select at least two machines to merge."
            )
        return QtCore.QCoreApplication.translate(
            "Duplicates", "Groups cannot be merged, only machines."
        )
    return QtCore.QCoreApplication.translate("Duplicates", "Nothing was merged: {0}").format(exc)
