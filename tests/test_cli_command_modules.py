"""A command given on the command line builds the parser from its own module alone."""

from __future__ import annotations

import pytest

from ocs_desktop.cli.main import COMMAND_MODULES, _command_in, build_parser
from tests.support.probe import fresh_python


def _commands(parser: object) -> set[str]:
    subparsers = next(
        action
        for action in parser._actions  # type: ignore[attr-defined]
        if action.dest == "command"
    )
    return set(subparsers.choices)


def test_every_command_has_its_module() -> None:
    assert _commands(build_parser()) == set(COMMAND_MODULES)


@pytest.mark.parametrize("command", sorted(COMMAND_MODULES))
def test_the_narrow_parser_holds_that_command_only(command: str) -> None:
    assert _commands(build_parser(command)) == {command}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["package", "build", "--db", "x"], "package"),
        (["-v", "--db", "package", "db", "check"], "db"),
        (["--db=serve", "-vv", "serve"], "serve"),
        (["--version"], None),
        ([], None),
        (["--db", "x.sqlite"], None),
    ],
)
def test_command_in(argv: list[str], expected: str | None) -> None:
    assert _command_in(argv) == expected


def test_package_build_imports_neither_other_commands_nor_requests() -> None:
    probe = (
        "import sys\n"
        "from ocs_desktop.cli.main import build_parser\n"
        "build_parser('package')\n"
        "wanted = [m for m in sys.modules if m.startswith('ocs_desktop.cli.') or m == 'requests']\n"
        "print('\\n'.join(wanted))\n"
    )
    out = fresh_python(probe)
    loaded = out.split()
    assert "ocs_desktop.cli.package" in loaded
    for other in ("importer", "cert", "agent_package", "db", "serve", "network"):
        assert f"ocs_desktop.cli.{other}" not in loaded
    assert "requests" not in loaded  # imported when a package is uploaded or checked


def test_package_build_maps_the_table_it_records_not_all_105() -> None:
    """Mapping every table cost ``package build`` 0.2 CPU-s of its start-up."""
    probe = (
        "import sys\n"
        "from ocs_desktop.cli.main import build_parser\n"
        "build_parser('package')\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('ocs_desktop.models.')))\n"
    )
    out = fresh_python(probe)
    loaded = out.split()
    assert "ocs_desktop.models.deployment" in loaded  # download_available
    for unused in ("components", "console", "software", "snmp", "system_info", "network"):
        assert f"ocs_desktop.models.{unused}" not in loaded
