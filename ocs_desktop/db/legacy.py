"""Tell an OCS database older than our schema from a broken one, and say what to do next.

Older databases come in two kinds:

* Before OCS 2.8, installed software lived in one ``softwares`` table holding the names as
  text. The 2.8 updates 7030 to 7037 created ``software`` and its three dictionaries, moved
  the rows and dropped ``softwares``. Until a database has been through that move (its
  GUI_VERSION is below 7037; 7030 to 7036 are the steps of an OCS 2.8 update that stopped
  half-way), our server, importer and summary cannot use it, even where every table we
  use happens to exist: it is *outdated*, and ``ocs-desktop db upgrade`` is the way on.
* From 2.8 on, an older schema only lacks a few tables or columns, which ``db check`` lists
  and ``db upgrade`` adds.

The release names are approximate, placed between the GUI_VERSIONs we know releases to
have shipped: 2.3.1 expected 7011, 2.5 7017, 2.8 brought 7030 to 7039, 2.11.1 7069 to
7071, 2.12.4 7081.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ocs_desktop.db.seed import GUI_VERSION

#: The pre-2.8 table of installed software.
LEGACY_SOFTWARE = "softwares"
#: From this GUI_VERSION on, software rows live in ``software`` (OCS update 7037).
NORMALISED_SINCE = 7037
#: The first update of OCS 2.8 (it created the normalised tables, still empty).
FIRST_2_8 = 7030

#: (last GUI_VERSION, releases that wrote it), in order.
_RELEASES: tuple[tuple[int, str], ...] = (
    (7011, "2.3.x or earlier"),
    (7017, "2.4 or 2.5"),
    (FIRST_2_8 - 1, "2.6 or 2.7"),
    (7039, "2.8"),
    (7071, "2.9 to 2.11"),
    (7081, "2.12"),
)


def release_of(version: int) -> str:
    """The OCS Inventory NG release(s) whose database has this GUI_VERSION."""
    for last, releases in _RELEASES:
        if version <= last:
            return f"OCS Inventory NG {releases}"
    return "an OCS Inventory NG release newer than 2.12.4"


@dataclass(frozen=True)
class Diagnosis:
    """What ``db check`` adds to its list: ``outdated`` databases must be upgraded before
    anything uses them; ``lines`` explain why and give the command to run."""

    outdated: bool = False
    lines: tuple[str, ...] = ()


def upgrade_command(url: str) -> list[str]:
    """The line to run, and where the shown URL hides a password, how to put it back."""
    lines = [f"  ocs-desktop db upgrade {url}"]
    if "***" in url:
        lines.append("  (with the account's password where the URL shows ***)")
    return lines


def diagnose(url: str, version: int | None, tables: Collection[str], missing: int) -> Diagnosis:
    """Explain a database of GUI_VERSION ``version`` holding ``tables`` and lacking
    ``missing`` tables and columns we use (``url`` as shown to the administrator)."""
    present = {name.lower() for name in tables}
    legacy = LEGACY_SOFTWARE in present
    if (version is not None and version < NORMALISED_SINCE) or (version is None and legacy):
        return Diagnosis(True, (*_outdated(version, missing), *upgrade_command(url)))
    if not missing:
        return Diagnosis()
    if "hardware" not in present:
        return Diagnosis(
            lines=(
                "Not an OCS database yet. Create its tables with:",
                f"  ocs-desktop db init {url}",
            )
        )
    if version is not None and version < int(GUI_VERSION):
        lacks = (
            f"Schema {version} ({release_of(version)}) is older than ours ({GUI_VERSION}) and lacks"
        )
    else:
        lacks = "This OCS database lacks"
    return Diagnosis(
        lines=(
            f"{lacks} {missing} tables or columns we use. Add them (a backup is taken first) with:",
            *upgrade_command(url),
        )
    )


def _outdated(version: int | None, missing: int) -> tuple[str, ...]:
    if version is None:
        written = "This database has no GUI_VERSION but holds the pre-2.8 `softwares` table"
    elif version < FIRST_2_8:
        written = f"This database was written by {release_of(version)} (schema {version})"
    else:
        written = (
            f"This database is at schema {version}: an OCS 2.8 update (7030 to 7037) "
            "stopped before it moved the installed software"
        )
    lacking = f"; it also lacks {missing} tables or columns of later releases" if missing else ""
    return (
        f"{written}. Its installed software is in the `softwares` table of OCS releases before "
        f"2.8, which nothing here reads{lacking}.",
        "serve, import and summarize refuse it until it is upgraded to our schema "
        f"({GUI_VERSION}).",
        "Next step: stop every OCS server that writes to it, then upgrade it in place (a "
        "backup is taken first, and the software of every machine is verified after):",
    )
