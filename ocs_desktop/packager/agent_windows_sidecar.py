"""The sidecar JSON of an ocspackage.exe: its inputs and digest, to rebuild the same package.

Files are recorded by path, size and SHA-256, never by content; the proxy password is
never recorded (only whether there was one), so a rebuild asks for it again. A sidecar
written before the architecture choice has no ``arch``: its package was x86.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.packager.agent_installer import InstallerError, sha256_file
from ocs_desktop.packager.agent_windows import DEFAULT_ARCH, PACKAGE_NAME, WindowsAgentSpec
from ocs_desktop.packager.agent_windows_cmdline import embedded_options

FORMAT = "ocs-desktop agent-package windows 1"
_PLAIN = (
    "server", "ssl", "tag", "notag", "label", "now", "nosplash",
    "proxy_type", "proxy_host", "proxy_port", "proxy_user", "debug",
)  # fmt: skip


def _file(path: Path) -> dict[str, Any]:
    path = Path(path).resolve()
    return {"path": str(path), "size": path.stat().st_size, "sha256": sha256_file(path)}


def sidecar_record(spec: WindowsAgentSpec, sha256: str, size: int, makensis: str) -> dict[str, Any]:
    """What ``ocspackage.json`` holds for a package built from ``spec``."""
    inputs: dict[str, Any] = {name: getattr(spec, name) for name in _PLAIN}
    inputs.update(
        setup=_file(spec.setup),
        cacert=None if spec.cacert is None else _file(spec.cacert),
        plugins=[_file(plugin) for plugin in spec.plugins],
        options=list(spec.options),
        proxy_password_set=bool(spec.proxy_password),
        output_dir=str(Path(spec.output_dir).resolve()),
        arch=spec.arch,
    )
    return {
        "format": FORMAT,
        "inputs": inputs,
        "cmdline": " ".join(embedded_options(spec, mask_secrets=True)),
        "output": {"name": PACKAGE_NAME, "sha256": sha256, "size": size},
        "makensis": makensis,
    }


def spec_from_record(
    record: dict[str, Any], *, output_dir: Path | None = None, proxy_password: str = ""
) -> WindowsAgentSpec:
    """The spec a sidecar recorded; every file must still have its recorded SHA-256.

    ``output_dir`` replaces the recorded one; ``proxy_password`` must be given again
    when the package had one.
    """
    if record.get("format") != FORMAT or not isinstance(record.get("inputs"), dict):
        raise InstallerError(
            "sidecar-format",
            QT_TRANSLATE_NOOP("AgentInstaller", "This is not an ocspackage.exe sidecar ({found})"),
            found=str(record.get("format")),
        )
    inputs = record["inputs"]
    if inputs.get("proxy_password_set") and not proxy_password:
        raise InstallerError(
            "sidecar-password",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The package had a proxy password: give it again to rebuild"
            ),
        )
    try:
        cacert = inputs["cacert"]
        return WindowsAgentSpec(
            setup=_checked(inputs["setup"]),
            cacert=None if cacert is None else _checked(cacert),
            plugins=tuple(_checked(plugin) for plugin in inputs["plugins"]),
            options=tuple(str(option) for option in inputs["options"]),
            output_dir=Path(output_dir if output_dir is not None else inputs["output_dir"]),
            proxy_password=proxy_password,
            arch=inputs.get("arch", DEFAULT_ARCH),
            **{name: inputs[name] for name in _PLAIN},
        )
    except (KeyError, TypeError) as exc:
        raise InstallerError(
            "sidecar-format",
            QT_TRANSLATE_NOOP("AgentInstaller", "This is not an ocspackage.exe sidecar ({found})"),
            found=f"missing or wrong {exc}",
        ) from None


def _checked(entry: dict[str, Any]) -> Path:
    path = Path(entry["path"])
    try:
        found = sha256_file(path)
    except OSError as exc:
        found = exc.strerror or "unreadable"
    if found != entry["sha256"]:
        raise InstallerError(
            "sidecar-file-changed",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "{path} is no longer the file the package was built from"
            ),
            path=str(path),
        )
    return path
