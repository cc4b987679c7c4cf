"""What a Linux agent installer is built from, and the checks it must pass first.

The values end up in a shell script's settings and in ``ocsinventory-agent.cfg`` on
hundreds of machines, so nothing is taken on trust: the server must be a plain http(s)
URL made of URL characters only (no quotes, ``$``, backticks, ``;``, spaces), no field may
hold a control character (a newline would add a line to the cfg), and the certificate
must be a PEM CA. The installer script re-checks what its command line overrides.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.packager.agent_installer import InstallerError, read_sidecar

log = logging.getLogger(__name__)

INSTALLER_NAME = "ocs-agent-installer.run"
SIDECAR_NAME = "ocs-agent-installer.json"
SIDECAR_KIND = "linux"
DEFAULT_PATH = "/ocsinventory"
TAG_LIMIT = 255  # accountinfo.TAG is a VARCHAR(255)
CACERT_LIMIT = 1 << 20
# RFC 3986 unreserved characters, "%" escapes, and what a host, port and path need.
_URL_CHARS = re.compile(r"[A-Za-z0-9._~%:/\[\]-]+", re.ASCII)
_QUOTED = re.compile(r"(['\"]).*\1", re.DOTALL)  # the cfg reader strips such quotes


@dataclass(frozen=True)
class LinuxAgentSpec:
    """The inputs of one installer: what the agent is told, and where the ``.run`` goes."""

    server: str
    output_dir: Path
    cacert: Path | None = None
    ssl: bool = True
    tag: str = ""
    first_run: bool = True


@dataclass(frozen=True)
class ValidLinuxAgent:
    """A spec that passed :func:`validate` (server normalised) and its CA's PEM bytes."""

    spec: LinuxAgentSpec
    cacert_pem: bytes | None


def _refuse(code: str, message: str, **params: Any) -> InstallerError:
    log.warning("Linux agent installer refused (%s): %s", code, message.format(**params))
    return InstallerError(code, message, **params)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character (newline, tab, NUL, DEL, U+2028...)."""
    return any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text)


def _no_control(field: str, text: str) -> None:
    if has_control(text):
        raise _refuse(
            "control-character",
            QT_TRANSLATE_NOOP("AgentInstaller", "The {field} holds a control character"),
            field=field,
        )


def normalise_server(server: str) -> str:
    """The agent's server URL: http or https, a host, URL characters only (so no user,
    query or fragment either); an empty path becomes ``/ocsinventory`` (the agent posts
    to the URL as is)."""
    _no_control("server", server)
    invalid = QT_TRANSLATE_NOOP("AgentInstaller", "The server URL {server} is invalid: {reason}")
    if not _URL_CHARS.fullmatch(server):
        raise _refuse("server-invalid", invalid, server=server, reason="unexpected character")
    try:
        parts = urlsplit(server)
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError as exc:
        raise _refuse("server-invalid", invalid, server=server, reason=str(exc)) from None
    if parts.scheme not in ("http", "https"):
        raise _refuse(
            "server-scheme",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The server URL {server} must start with http:// or https://"
            ),
            server=server,
        )  # fmt: skip
    if not parts.hostname:
        raise _refuse("server-invalid", invalid, server=server, reason="no host")
    path = parts.path if parts.path not in ("", "/") else DEFAULT_PATH
    return f"{parts.scheme}://{parts.netloc}{path}"


def check_tag(tag: str) -> None:
    """A TAG the cfg file can carry unchanged: one line, no surrounding blanks or quotes
    (the agent trims those), at most 255 characters. Quotes, ``$`` or ``;`` inside are
    plain text: the script never evaluates it."""
    _no_control("tag", tag)
    if len(tag) > TAG_LIMIT:
        raise _refuse(
            "tag-too-long",
            QT_TRANSLATE_NOOP("AgentInstaller", "The TAG is longer than {limit} characters"),
            limit=TAG_LIMIT,
        )
    if tag != tag.strip():
        raise _refuse(
            "tag-spaces",
            QT_TRANSLATE_NOOP("AgentInstaller", "The TAG starts or ends with a space"),
        )
    if _QUOTED.fullmatch(tag):
        raise _refuse(
            "tag-quoted",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The TAG is wrapped in quotes, which the agent would remove"
            ),
        )


def read_ca(path: Path) -> bytes:
    """The PEM bytes of ``path`` when its first certificate is a CA (BasicConstraints)."""
    _no_control("cacert", str(path))
    not_pem = QT_TRANSLATE_NOOP("AgentInstaller", "{path} is not a PEM CA certificate")
    try:
        if path.stat().st_size > CACERT_LIMIT:
            raise _refuse("cacert-not-pem", not_pem, path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(
            "cacert-unreadable",
            QT_TRANSLATE_NOOP("AgentInstaller", "Cannot read the certificate {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from None
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise _refuse("cacert-not-pem", not_pem, path=str(path)) from None
    try:
        is_ca = certificates[0].extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    if not is_ca:
        raise _refuse("cacert-not-ca", not_pem, path=str(path))
    return data


def validate(spec: LinuxAgentSpec) -> ValidLinuxAgent:
    """Check every field of ``spec``; :class:`InstallerError` names the first bad one."""
    server = normalise_server(spec.server)
    check_tag(spec.tag)
    _no_control("output_dir", str(spec.output_dir))
    if spec.output_dir.exists() and not spec.output_dir.is_dir():
        raise _refuse(
            "output-invalid",
            QT_TRANSLATE_NOOP("AgentInstaller", "Cannot write to {path}: {reason}"),
            path=str(spec.output_dir),
            reason="not a folder",
        )
    if spec.cacert is None and spec.ssl and server.startswith("https:"):
        raise _refuse(
            "cacert-needed",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "SSL is on: the agents need the CA certificate (cacert.pem)"
            ),
        )
    pem = read_ca(spec.cacert) if spec.cacert is not None else None
    return ValidLinuxAgent(replace(spec, server=server), pem)


def sidecar_inputs(spec: LinuxAgentSpec) -> dict[str, Any]:
    """The ``inputs`` a sidecar records, from which :func:`spec_from_sidecar` rebuilds."""
    return {
        "server": spec.server,
        "tag": spec.tag,
        "ssl": spec.ssl,
        "first_run": spec.first_run,
        "cacert": str(spec.cacert.absolute()) if spec.cacert is not None else None,
    }


def spec_from_sidecar(path: Path, output_dir: Path | None = None) -> LinuxAgentSpec:
    """The spec a previous build recorded in its sidecar (output: ``output_dir``, else
    the sidecar's folder), to build the same installer again."""
    record = read_sidecar(path)
    inputs = record.get("inputs")
    invalid = QT_TRANSLATE_NOOP("AgentInstaller", "{path} is not a Linux installer sidecar: "
                                "{reason}")  # fmt: skip
    if record.get("kind") != SIDECAR_KIND or not isinstance(inputs, dict):
        raise _refuse("sidecar-invalid", invalid, path=str(path), reason="kind is not linux")
    server, tag, cacert = inputs.get("server"), inputs.get("tag", ""), inputs.get("cacert")
    ssl, first_run = inputs.get("ssl", True), inputs.get("first_run", True)
    if not (
        isinstance(server, str)
        and isinstance(tag, str)
        and isinstance(ssl, bool)
        and isinstance(first_run, bool)
        and (cacert is None or isinstance(cacert, str))
    ):
        raise _refuse("sidecar-invalid", invalid, path=str(path), reason="bad input types")
    return LinuxAgentSpec(
        server=server,
        output_dir=output_dir if output_dir is not None else path.parent,
        cacert=Path(cacert) if cacert is not None else None,
        ssl=ssl,
        tag=tag,
        first_run=first_run,
    )
