"""The package store: a folder holding one ``<FILEID>/`` folder per built package.

Its layout is the OCS download directory's (PROTOCOL 3.1), so a store can be served as is
(``ocs-desktop serve``) or be a real OCS server's ``download`` folder. A build in progress
lives in a hidden ``.<FILEID>.building`` folder beside it and becomes ``<FILEID>/`` in one
rename, so nobody ever sees half a package.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from ocs_desktop.db.engines import default_data_dir
from ocs_desktop.packager.built import INFO_NAME, BuiltPackage
from ocs_desktop.packager.fragments import fragment_name
from ocs_desktop.packager.info_file import PackageInfo, read_info
from ocs_desktop.packager.spec import PackageSpec, TargetOs

log = logging.getLogger(__name__)
PACKAGES_DIR_NAME = "packages"
_FILEID = re.compile(r"[0-9]{1,20}", re.ASCII)


def default_store() -> Path:
    """``packages`` in the user's data folder, created if missing."""
    path = default_data_dir() / PACKAGES_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def is_fileid(text: str) -> bool:
    """Whether ``text`` is a FILEID: digits only (a Unix time as OCS makes them)."""
    return isinstance(text, str) and _FILEID.fullmatch(text) is not None


def package_dir(store: Path, fileid: str) -> Path:
    """``store/<FILEID>``; ``ValueError`` when ``fileid`` is not one (no path tricks)."""
    if not is_fileid(fileid):
        raise ValueError(f"{fileid!r} is not a FILEID (a number)")
    return Path(store) / fileid


def staging_dir(store: Path, fileid: str) -> Path:
    """Where the package ``fileid`` is assembled before it appears as ``store/<FILEID>``."""
    package_dir(store, fileid)
    return Path(store) / f".{fileid}.building"


def is_taken(store: Path, fileid: str) -> bool:
    """Whether ``fileid`` is built or being built in ``store``."""
    return package_dir(store, fileid).exists() or staging_dir(store, fileid).exists()


def load_built(
    store: Path,
    fileid: str,
    *,
    name: str | None = None,
    os: TargetOs | None = None,
    description: str = "",
) -> BuiltPackage:
    """Read back the package ``fileid`` from ``store``: its info file and fragment sizes.

    The folder holds no name, OS nor description (OCS keeps them in
    ``download_available``): pass them when known. Without ``name`` the FILEID is used;
    without ``os`` it is guessed from the archive (zip: Windows, otherwise Linux).
    Raises ``FileNotFoundError`` for a missing folder, info file or fragment and
    ``ValueError`` for an unreadable info file or one of another package.
    The digest is the info file's; ``fragments.digest_of(built.fragment_paths)`` checks it.
    """
    directory = package_dir(store, fileid)
    info_path = directory / INFO_NAME
    if not info_path.is_file():
        raise FileNotFoundError(f"no package {fileid} in {store} (no {info_path})")
    try:
        info = read_info(info_path)
    except ValueError as exc:
        log.warning("package %s refused: its info file %s is invalid: %s", fileid, info_path, exc)
        raise ValueError(f"{info_path}: {exc}") from None
    if info.fileid != fileid:
        raise ValueError(f"{info_path} describes package {info.fileid}, not {fileid}")
    paths = [directory / fragment_name(fileid, i) for i in range(1, info.frags + 1)]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"package {fileid} lacks fragment(s) {', '.join(missing)}")
    sizes = tuple(p.stat().st_size for p in paths)
    if os is None:
        os = _guess_os(paths[0]) if paths else TargetOs.LINUX
    spec = spec_from_info(info, name or fileid, os, description)
    return BuiltPackage(fileid, directory, spec, info.digest, sum(sizes), len(sizes), sizes)


def spec_from_info(
    info: PackageInfo, name: str, os: TargetOs, description: str = ""
) -> PackageSpec:
    """The ``PackageSpec`` an info file describes, completed with what it does not hold."""
    return PackageSpec(
        name=name,
        os=os,
        description=description,
        fragments=info.frags or None,
        **info.values,
    )


def remove_package_files(store: Path, fileid: str) -> None:
    """Delete ``store/<FILEID>`` and any build of it left in progress; a no-op if absent."""
    for path in (package_dir(store, fileid), staging_dir(store, fileid)):
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.exists():
            shutil.rmtree(path)


def _guess_os(first_fragment: Path) -> TargetOs:
    with first_fragment.open("rb") as handle:
        return TargetOs.WINDOWS if handle.read(2) == b"PK" else TargetOs.LINUX
