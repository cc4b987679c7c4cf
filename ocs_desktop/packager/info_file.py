"""The ``info`` file agents fetch first: one ``DOWNLOAD`` element describing a package.

PROTOCOL 3.2 gives the attributes and the order the OCS console writes them in; agents read
it with an XML parser, so order does not matter to them, but keeping it makes our files
diff cleanly against the console's. Unlike the console we escape values, so a command or a
notification text holding ``&``, ``<`` or ``"`` stays well-formed, and line breaks are
written as character references so they survive attribute normalisation. The file never
holds a raw CR LF CR LF: the UNIX agent splits its raw HTTP answer on that sequence.

``parse_info`` reads our files, the console's, and the older SHA1/Base64 form; remote info
files are untrusted input and go through the hardened parser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ocs_desktop.packager.spec import Action, PackageSpec
from ocs_desktop.protocol.errors import InventoryError
from ocs_desktop.protocol.limits import Limits
from ocs_desktop.protocol.xmlparse import parse_xml

MAX_INFO_BYTES = 1 << 20
_LIMITS = Limits(max_compressed_bytes=MAX_INFO_BYTES, max_elements=16, max_depth=2)
_ACTION_ATTRIBUTE = {Action.STORE: "PATH", Action.EXECUTE: "COMMAND", Action.LAUNCH: "NAME"}
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """An info file as read: typed values, plus every attribute as written in ``attributes``."""

    fileid: str
    priority: int
    action: Action
    digest: str
    proto: str  # lower case: "http" or "https"
    frags: int
    digest_algo: str
    digest_encode: str
    path: str
    name: str  # LAUNCH: file to run with its arguments (not the package name)
    command: str
    notify_user: bool
    notify_text: str
    notify_countdown: int
    notify_can_abort: bool
    notify_can_delay: bool
    need_done_action: bool
    need_done_action_text: str
    attributes: Mapping[str, str]

    @property
    def order(self) -> str:
        """The action's argument: PATH, COMMAND or NAME."""
        return self.attributes.get(_ACTION_ATTRIBUTE[self.action], "")


def info_attributes(
    spec: PackageSpec, fileid: str, digest: str, frags: int
) -> list[tuple[str, str]]:
    """The ``DOWNLOAD`` attributes of ``spec``, in the console's order."""
    return [
        ("ID", fileid),
        ("PRI", str(spec.priority)),
        ("ACT", spec.action.act),
        ("DIGEST", digest),
        ("PROTO", spec.proto.upper()),
        ("FRAGS", str(frags)),
        ("DIGEST_ALGO", "MD5"),
        ("DIGEST_ENCODE", "Hexa"),
        (_ACTION_ATTRIBUTE[spec.action], spec.order),
        ("NOTIFY_USER", _flag(spec.notify_user)),
        ("NOTIFY_TEXT", spec.notify_text),
        ("NOTIFY_COUNTDOWN", str(spec.notify_countdown)),
        ("NOTIFY_CAN_ABORT", _flag(spec.notify_can_abort)),
        ("NOTIFY_CAN_DELAY", _flag(spec.notify_can_delay)),
        ("NEED_DONE_ACTION", _flag(spec.need_done_action)),
        ("NEED_DONE_ACTION_TEXT", spec.done_action_text),
        ("GARDEFOU", "rien"),
    ]


def render_info(spec: PackageSpec, fileid: str, digest: str, frags: int) -> bytes:
    """The ``info`` file of a package: XML declaration and one ``DOWNLOAD`` element, UTF-8.

    ``digest`` is the MD5 hex of the archive, empty with ``frags`` 0 (command only).
    """
    attributes = " ".join(
        f'{key}="{value.translate(_ESCAPES)}"'
        for key, value in info_attributes(spec, fileid, digest, frags)
    )
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<DOWNLOAD {attributes} />\n'
    return text.encode("utf-8")


def parse_info(data: bytes) -> PackageInfo:
    """Read an info file; ``ValueError`` saying why when it is not one."""
    if len(data) > MAX_INFO_BYTES:
        raise ValueError(f"info file too large ({len(data)} bytes)")
    try:
        root = parse_xml(data, _LIMITS)
    except InventoryError as exc:
        raise ValueError(f"info file is not valid XML: {exc}") from None
    if root.tag != "DOWNLOAD":
        raise ValueError(f"info file root is <{root.tag}>, not <DOWNLOAD>")
    attrs = {str(k): str(v) for k, v in root.attrib.items()}
    fileid = attrs.get("ID", "")
    if not fileid.isascii() or not fileid.isdigit():
        raise ValueError(f"info file ID {fileid!r} is not a FILEID (digits)")
    act = attrs.get("ACT", "").strip().lower()
    try:
        action = Action(act)
    except ValueError:
        raise ValueError(
            f"info file ACT {attrs.get('ACT')!r} is not STORE, EXECUTE or LAUNCH"
        ) from None
    return PackageInfo(
        fileid=fileid,
        priority=_int(attrs, "PRI", 5),
        action=action,
        digest=attrs.get("DIGEST", ""),
        proto=attrs.get("PROTO", "HTTP").strip().lower() or "http",
        frags=_int(attrs, "FRAGS", 0),
        digest_algo=attrs.get("DIGEST_ALGO", "MD5"),
        digest_encode=attrs.get("DIGEST_ENCODE", "Hexa"),
        path=attrs.get("PATH", ""),
        name=attrs.get("NAME", ""),
        command=attrs.get("COMMAND", ""),
        notify_user=_int(attrs, "NOTIFY_USER", 0) != 0,
        notify_text=attrs.get("NOTIFY_TEXT", ""),
        notify_countdown=_int(attrs, "NOTIFY_COUNTDOWN", 0),
        notify_can_abort=_int(attrs, "NOTIFY_CAN_ABORT", 0) != 0,
        notify_can_delay=_int(attrs, "NOTIFY_CAN_DELAY", 0) != 0,
        need_done_action=_int(attrs, "NEED_DONE_ACTION", 0) != 0,
        need_done_action_text=attrs.get("NEED_DONE_ACTION_TEXT", ""),
        attributes=attrs,
    )


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _int(attrs: Mapping[str, str], key: str, default: int) -> int:
    """An integer attribute; empty or absent gives ``default`` (the console writes ``""``)."""
    text = attrs.get(key, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"info file {key}={text!r} is not a number") from None
    if value < 0:
        raise ValueError(f"info file {key}={text!r} is negative")
    return value
