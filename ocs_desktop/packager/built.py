"""A package as it lies on disk once built: the ``download/<FILEID>/`` folder's facts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ocs_desktop.packager.fragments import fragment_name
from ocs_desktop.packager.spec import PackageSpec

INFO_NAME = "info"


@dataclass(frozen=True, slots=True)
class BuiltPackage:
    """A built package: its FILEID, its folder, what it was built from and its fragments.

    ``size`` is the archive's size in bytes (0 for a command-only package), ``digest`` the
    MD5 hex of the archive (empty without fragments), as written in the info file.
    """

    fileid: str
    directory: Path
    spec: PackageSpec
    digest: str
    size: int
    fragment_count: int
    fragment_sizes: tuple[int, ...]

    @property
    def info_path(self) -> Path:
        """The ``info`` file."""
        return self.directory / INFO_NAME

    @property
    def fragment_paths(self) -> list[Path]:
        """The fragment files, ``<FILEID>-1`` first."""
        return [
            self.directory / fragment_name(self.fileid, index)
            for index in range(1, self.fragment_count + 1)
        ]

    @property
    def files(self) -> list[Path]:
        """Every file to publish: the info file, then the fragments in order."""
        return [self.info_path, *self.fragment_paths]
