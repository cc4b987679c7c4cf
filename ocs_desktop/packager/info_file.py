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
from enum import Enum
from pathlib import Path
from typing import Any, Final

from ocs_desktop.packager.fields import SpecField
from ocs_desktop.packager.spec import ORDER_FIELDS, SPEC_FIELDS, Action, PackageSpec
from ocs_desktop.protocol.errors import InventoryError
from ocs_desktop.protocol.limits import Limits
from ocs_desktop.protocol.xmlparse import parse_xml

#: The largest info file read, wherever it comes from (a real one is well under 1 KiB).
MAX_INFO_BYTES: Final = 1 << 20
#: The most fragments an info file read may announce (``FRAGS``): 10 GiB in 1 MiB pieces.
#: Checking a package costs memory per fragment: FRAGS=3,000,000 once cost 485 MB.
MAX_FRAGS: Final = 10_000
#: ``parse_xml`` limits for an info file: one element in practice, a little room around it.
_LIMITS = Limits(max_elements=16, max_depth=2)
#: The spec's fields an info file holds (those declaring an ``info`` attribute).
INFO_FIELDS: Final = tuple(f for f in SPEC_FIELDS if f.info is not None)
#: The build's own attributes, around the spec's ones.
_FACTS: Final = ("ID", "DIGEST", "FRAGS", "DIGEST_ALGO", "DIGEST_ENCODE", "GARDEFOU")
#: Where the console puts each attribute (PROTOCOL 3.2): the build's facts and the spec's
#: fields interleave, and the action's argument (PATH, COMMAND or NAME) comes once.
_CONSOLE_ORDER: Final = (
    "ID", "PRI", "ACT", "DIGEST", "PROTO", "FRAGS", "DIGEST_ALGO", "DIGEST_ENCODE",
    "PATH", "COMMAND", "NAME",
    "NOTIFY_USER", "NOTIFY_TEXT", "NOTIFY_COUNTDOWN", "NOTIFY_CAN_ABORT", "NOTIFY_CAN_DELAY",
    "NEED_DONE_ACTION", "NEED_DONE_ACTION_TEXT", "GARDEFOU",
)  # fmt: skip
if sorted(_CONSOLE_ORDER) != sorted([*_FACTS, *(str(f.info) for f in INFO_FIELDS)]):
    raise RuntimeError("the info file order does not place every declared attribute once")
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
    """An info file as read: the build's facts, the spec's fields it holds (typed, in
    ``values`` by ``PackageSpec`` field name), and every attribute as written."""

    fileid: str
    digest: str
    frags: int
    digest_algo: str
    digest_encode: str
    #: ``PackageSpec`` field name → value, for the fields of ``INFO_FIELDS``; of PATH,
    #: COMMAND and NAME, only the action's argument (the others keep their default).
    values: Mapping[str, Any]
    attributes: Mapping[str, str]

    @property
    def action(self) -> Action:
        """``ACT``."""
        action: Action = self.values["action"]
        return action

    @property
    def order(self) -> str:
        """The action's argument: PATH, COMMAND or NAME."""
        return str(self.values[ORDER_FIELDS[self.action]])


def info_attributes(
    spec: PackageSpec, fileid: str, digest: str, frags: int
) -> list[tuple[str, str]]:
    """The ``DOWNLOAD`` attributes of ``spec``, in the console's order."""
    facts = (fileid, digest, str(frags), "MD5", "Hexa", "rien")
    written = dict(zip(_FACTS, facts, strict=True))
    for f in INFO_FIELDS:
        if f.action is None or f.action == spec.action:
            written[str(f.info)] = _render(f, getattr(spec, f.name))
    return [(key, written[key]) for key in _CONSOLE_ORDER if key in written]


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


def read_info(path: Path, max_frags: int = MAX_FRAGS) -> PackageInfo:
    """Read the info file at ``path`` as ``parse_info`` does, reading no more of it than
    the size limit allows (``OSError`` if it cannot be read)."""
    with Path(path).open("rb") as handle:
        return parse_info(handle.read(MAX_INFO_BYTES + 1), max_frags)


def parse_info(data: bytes, max_frags: int = MAX_FRAGS) -> PackageInfo:
    """Read an info file; ``ValueError`` saying why when it is not one (``FRAGS`` over
    ``max_frags`` included)."""
    if len(data) > MAX_INFO_BYTES:
        raise ValueError(f"info file too large: more than {MAX_INFO_BYTES} bytes")
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
    values = {f.name: _read(f, attrs) for f in INFO_FIELDS}
    for f in INFO_FIELDS:
        if f.action is not None and f.action != values["action"]:
            values[f.name] = f.default
    frags = _int(attrs, "FRAGS", 0)
    if frags > max_frags:
        raise ValueError(f"info file FRAGS={frags} is over the limit of {max_frags} fragments")
    return PackageInfo(
        fileid=fileid,
        digest=attrs.get("DIGEST", ""),
        frags=frags,
        digest_algo=attrs.get("DIGEST_ALGO", "MD5"),
        digest_encode=attrs.get("DIGEST_ENCODE", "Hexa"),
        values=values,
        attributes=attrs,
    )


def _render(f: SpecField, value: Any) -> str:
    """A field's value as its attribute says it: flags as 0 or 1, capitals if declared."""
    if f.kind is bool:
        return "1" if value else "0"
    text = str(value)
    return text.upper() if f.upper else text


def _read(f: SpecField, attrs: Mapping[str, str]) -> Any:
    """A field's value from its attribute; absent or empty gives the field's default."""
    key = str(f.info)
    if issubclass(f.kind, Enum):  # no default: the attribute must name a member
        try:
            return f.kind(attrs.get(key, "").strip().lower())
        except ValueError:
            names = [str(member.value).upper() for member in f.kind]
            raise ValueError(
                f"info file {key} {attrs.get(key)!r} is not {', '.join(names[:-1])} or {names[-1]}"
            ) from None
    if f.kind is bool:
        return _int(attrs, key, int(f.default)) != 0
    if f.kind is int:
        return _int(attrs, key, f.default)
    text = attrs.get(key, "")
    return (text.strip().lower() or f.default) if f.upper else text


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
