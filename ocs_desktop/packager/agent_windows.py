"""What goes into an ocspackage.exe (PROTOCOL 8), and the checks made before building one.

Every value that reaches the agent setup's command line passes a strict whitelist: no
quotes, ``$``, ``;``, backtick, ``%VAR%``, spaces (outside a TAG), control characters or ``/D=``
can reach the setup, the ``ocsdat.ini`` file or the NSIS script (which holds no user
text at all, see :mod:`.agent_windows_nsis`). The label is file content, so any single
line is kept as given. Alternate credentials (PsExec) are refused by design: the package
asks for admin rights itself, and a password inside an exe anyone can open with 7z is a
password handed out.
"""

from __future__ import annotations

import logging
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.packager.agent_installer import InstallerError
from ocs_desktop.packager.agent_windows_cmdline import embedded_options

log = logging.getLogger(__name__)

PACKAGE_NAME = "ocspackage.exe"
SIDECAR_NAME = "ocspackage.json"
#: 0 none, 1 HTTP, 2 SOCKS4, 3 SOCKS5 (the setup's /PROXY_TYPE values)
PROXY_TYPES = range(4)
DEBUG_LEVELS = (0, 1, 2)
#: The package's own exe: 32-bit runs on every Windows the agent supports, 64-bit on x64 only.
ARCHES = ("x86", "x64")
DEFAULT_ARCH = "x86"
#: The setup reads ocsdat.ini values into NSIS strings (1024 characters).
MAX_CMDLINE = 900
MAX_LABEL = 255
MAX_TAG = 255
#: The label is written as OCS's packager writes it (ANSI, Western European).
LABEL_ENCODING = "cp1252"

#: Options the spec sets through its own fields; ``/D=`` is the package's (install folder).
MANAGED_OPTIONS = frozenset(
    {"S", "SERVER", "SSL", "CA", "TAG", "NOTAG", "NOW", "NOSPLASH", "DEBUG", "D"}
    | {"PROXY_TYPE", "PROXY", "PROXY_PORT", "PROXY_USER", "PROXY_PWD"}
)
#: Secrets that would end up in the sidecar and in the exe's clear text.
SECRET_OPTIONS = frozenset({"PWD"})

_URL_CHARS = re.compile(r"^(?:[A-Za-z0-9._~:/?#\[\]@!&+,=-]|%[0-9A-Fa-f]{2})+$")
_TAG = re.compile(r"^[\w .@:+,-]+$")
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?)+$|^[0-9A-Fa-f:.]+$")
_USER = re.compile(r"^[\w.@+-]+$")
_PASSWORD = re.compile(r"^[A-Za-z0-9._~!@#^&*+=,:-]+$")
_OPTION = re.compile(r"^/([A-Za-z][A-Za-z0-9_]*)(?:=([\w.:\\/@,+-]+))?$")
_FILE_NAME = re.compile(r"^[A-Za-z0-9_+-][A-Za-z0-9._+-]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")


@dataclass(frozen=True)
class WindowsAgentSpec:
    """The choices of PROTOCOL 8's wizard, minus alternate credentials (see module doc).

    ``cacert`` is required with ``ssl`` (the CLI and the console default it to the
    ``cacert.pem`` of ``cert init``). ``tag`` and ``notag`` exclude each other.
    ``proxy_type`` 0 means no proxy; the other proxy fields then stay empty.
    ``options`` are extra setup switches such as ``/NO_SYSTRAY`` or ``/LOCAL=C:\\inv``.
    ``arch`` is the architecture of ocspackage.exe itself (one of :data:`ARCHES`); the
    setup inside keeps its own.
    """

    setup: Path
    server: str
    output_dir: Path
    cacert: Path | None = None
    ssl: bool = True
    tag: str = ""
    notag: bool = False
    label: str = ""
    plugins: tuple[Path, ...] = ()
    now: bool = False
    nosplash: bool = False
    proxy_type: int = 0
    proxy_host: str = ""
    proxy_port: int | None = None
    proxy_user: str = ""
    proxy_password: str = field(default="", repr=False)
    debug: int | None = None
    options: tuple[str, ...] = ()
    arch: str = DEFAULT_ARCH


def _fail(code: str, message: str, **params: object) -> InstallerError:
    error = InstallerError(code, message, **params)
    log.warning("ocspackage refused: %s", error)
    return error


def check_setup(path: Path) -> None:
    """``path`` is a Windows PE executable: ``MZ``, then ``PE\\0\\0`` where ``e_lfanew`` says."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(64)
            offset = struct.unpack_from("<I", head, 0x3C)[0] if len(head) == 64 else -1
            handle.seek(max(offset, 0))
            signature = handle.read(4)
    except OSError as exc:
        raise _fail(
            "setup-unreadable",
            QT_TRANSLATE_NOOP("AgentInstaller", "Cannot read the agent setup {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    if not head.startswith(b"MZ") or offset < 64 or signature != b"PE\0\0":
        raise _fail(
            "setup-not-pe",
            QT_TRANSLATE_NOOP("AgentInstaller", "{path} is not a Windows executable"),
            path=str(path),
        )


def check_server(url: str) -> None:
    """An http(s) URL with a host, made only of plain URL characters, without credentials."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
        well_formed = (
            bool(_URL_CHARS.match(url))
            and parts.scheme in ("http", "https")
            and bool(parts.hostname)
            and parts.username is None
        )
    except ValueError:
        well_formed = False
    if not well_formed:
        raise _fail(
            "server-invalid",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The server URL {url!r} is not a valid http(s) URL"
            ),
            url=url,
        )


def check_cacert(path: Path) -> None:
    """A PEM file whose certificates are all CAs (BasicConstraints CA=true)."""
    not_ca = QT_TRANSLATE_NOOP("AgentInstaller", "{path} is not a PEM CA certificate")
    try:
        certificates = x509.load_pem_x509_certificates(Path(path).read_bytes())
    except OSError as exc:
        raise _fail(
            "cacert-unreadable",
            QT_TRANSLATE_NOOP("AgentInstaller", "Cannot read the certificate {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    except ValueError:
        raise _fail("cacert-not-ca", not_ca, path=str(path)) from None
    for certificate in certificates:
        try:
            constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
        except x509.ExtensionNotFound:
            raise _fail("cacert-not-ca", not_ca, path=str(path)) from None
        if not constraints.value.ca:
            raise _fail("cacert-not-ca", not_ca, path=str(path))


def check_file(path: Path, what: str) -> None:
    """``path`` is an existing regular file (``what`` names it in the message)."""
    if not Path(path).is_file():
        raise _fail(
            "file-missing",
            QT_TRANSLATE_NOOP("AgentInstaller", "The {what} {path} is not a file"),
            what=what,
            path=str(path),
        )


def check_plugin(path: Path) -> None:
    """A plugin file whose name is safe to install as is (the setup and CA are renamed)."""
    check_file(path, "plugin")
    if not _FILE_NAME.match(Path(path).name):
        raise _fail(
            "file-name",
            QT_TRANSLATE_NOOP(
                "AgentInstaller",
                "The file name {name} may hold only letters, digits and . _ - +",
            ),
            name=Path(path).name,
        )


def _check_text(
    value: str, pattern: re.Pattern[str], field_name: str, limit: int, *, secret: bool = False
) -> None:
    if not pattern.match(value) or len(value) > limit or value != value.strip():
        raise _fail(
            "value-invalid",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The {field} value {value} holds characters not allowed"
            ),
            field=field_name,
            value="********" if secret else repr(value),
        )


def check_option(option: str) -> None:
    """An extra setup switch ``/NAME`` or ``/NAME=value`` that no field manages."""
    match = _OPTION.match(option)
    if match is None or len(option) > MAX_CMDLINE:
        raise _fail(
            "option-invalid",
            QT_TRANSLATE_NOOP(
                "AgentInstaller",
                "The setup option {option!r} must read /NAME or /NAME=value "
                "(letters, digits and . : \\ / @ , + - _)",
            ),
            option=option,
        )
    name = match.group(1).upper()
    if name in MANAGED_OPTIONS:
        raise _fail(
            "option-managed",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The setup option /{name} is set by its own field, not here"
            ),
            name=name,
        )
    if name in SECRET_OPTIONS:
        raise _fail(
            "option-secret",
            QT_TRANSLATE_NOOP(
                "AgentInstaller",
                "The setup option /{name} holds a password; it is not embedded in packages",
            ),
            name=name,
        )


def validate(spec: WindowsAgentSpec) -> None:
    """Raise :class:`InstallerError` for the first input that cannot go into a package."""
    check_file(spec.setup, "agent setup")
    check_setup(spec.setup)
    if Path(spec.output_dir).exists() and not Path(spec.output_dir).is_dir():
        raise _fail(
            "output-invalid",
            QT_TRANSLATE_NOOP("AgentInstaller", "The output folder {path} is not a folder"),
            path=str(spec.output_dir),
        )
    check_server(spec.server)
    _check_choices(spec)
    if spec.cacert is not None:
        check_file(spec.cacert, "certificate")
        check_cacert(spec.cacert)
    elif spec.ssl:
        raise _fail(
            "cacert-needed",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "SSL is on: the agents need the CA certificate (cacert.pem)"
            ),
        )
    if spec.tag:
        _check_text(spec.tag, _TAG, "TAG", MAX_TAG)
    if _CONTROL.search(spec.label) or len(spec.label) > MAX_LABEL or not _ansi(spec.label):
        raise _fail(
            "label-invalid",
            QT_TRANSLATE_NOOP(
                "AgentInstaller",
                "The label must be one line of at most {limit} Western European characters",
            ),
            limit=MAX_LABEL,
        )
    _check_plugins(spec.plugins)
    _check_proxy(spec)
    for option in spec.options:
        check_option(option)
    if len(" ".join(embedded_options(spec))) > MAX_CMDLINE:
        raise _fail(
            "cmdline-long",
            QT_TRANSLATE_NOOP("AgentInstaller", "The setup options exceed {limit} characters"),
            limit=MAX_CMDLINE,
        )


def _ansi(text: str) -> bool:
    """The agent reads its label as ANSI text (Windows-1252 on Western systems)."""
    try:
        text.encode(LABEL_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def _check_choices(spec: WindowsAgentSpec) -> None:
    if spec.tag and spec.notag:
        raise _fail(
            "tag-notag",
            QT_TRANSLATE_NOOP("AgentInstaller", "Give a TAG or /NOTAG, not both"),
        )
    if spec.debug is not None and spec.debug not in DEBUG_LEVELS:
        raise _fail(
            "debug-invalid",
            QT_TRANSLATE_NOOP("AgentInstaller", "The debug level must be 0, 1 or 2"),
        )
    if spec.arch not in ARCHES:
        raise _fail(
            "arch-invalid",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The package architecture must be x86 or x64, not {arch!r}"
            ),
            arch=spec.arch,
        )


def _check_plugins(plugins: tuple[Path, ...]) -> None:
    seen: set[str] = set()
    for plugin in plugins:
        check_plugin(plugin)
        name = Path(plugin).name.lower()
        if name in seen:
            raise _fail(
                "plugin-twice",
                QT_TRANSLATE_NOOP("AgentInstaller", "Two plugins are named {name}"),
                name=Path(plugin).name,
            )
        seen.add(name)


def _check_proxy(spec: WindowsAgentSpec) -> None:
    if spec.proxy_type not in PROXY_TYPES:
        raise _fail(
            "proxy-type",
            QT_TRANSLATE_NOOP(
                "AgentInstaller", "The proxy type must be 0 (none), 1 (HTTP), 2 or 3 (SOCKS)"
            ),
        )
    given = spec.proxy_host or spec.proxy_port is not None or spec.proxy_user
    if spec.proxy_type == 0:
        if given or spec.proxy_password:
            raise _fail(
                "proxy-unused",
                QT_TRANSLATE_NOOP("AgentInstaller", "Proxy settings need a proxy type"),
            )
        return
    _check_text(spec.proxy_host, _HOST, "proxy host", 253)
    if spec.proxy_port is None or not 1 <= spec.proxy_port <= 65535:
        raise _fail(
            "proxy-port",
            QT_TRANSLATE_NOOP("AgentInstaller", "The proxy port must be 1 to 65535"),
        )
    if spec.proxy_user:
        _check_text(spec.proxy_user, _USER, "proxy user", 128)
    if spec.proxy_password:
        _check_text(spec.proxy_password, _PASSWORD, "proxy password", 128, secret=True)
