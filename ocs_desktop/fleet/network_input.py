"""What an operator types for IP discovery, checked before it reaches a table.

The Network page and the ``network`` command write into the OCS tables ``netmap``,
``network_devices``, ``devicetype``, ``subnet`` and ``blacklist_subnet``; the OCS console
and server read those rows back, so a MAC must be six hex pairs, an address and a mask
dotted IPv4 (a mask contiguous), a text no wider than its column. A refusal is a
:class:`NetworkInputError` with a ``code``, an English ``message`` marked for translation
(context ``NetworkErrors``) and its ``params``: the console shows
``QCoreApplication.translate("NetworkErrors", err.message).format(**err.params)``, the
CLI ``str(err)``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: Column widths of the OCS schema (models/network.py).
MAC_CHARS = 17
IP_CHARS = 15
TEXT_CHARS = 255

_MAC = re.compile(r"^[0-9A-Fa-f]{2}([:-]?)[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}$")
_IPV4 = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

MESSAGES: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("NetworkErrors", "{field} cannot be empty"),
    "too_long": QT_TRANSLATE_NOOP("NetworkErrors", "{field} is at most {limit} characters"),
    "control": QT_TRANSLATE_NOOP("NetworkErrors", "{field} contains control characters"),
    "not_mac": QT_TRANSLATE_NOOP(
        "NetworkErrors", "{value} is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC)"
    ),
    "not_ip": QT_TRANSLATE_NOOP(
        "NetworkErrors", "{value} is not an IPv4 address (e.g. 192.168.1.0)"
    ),
    "not_mask": QT_TRANSLATE_NOOP(
        "NetworkErrors", "{value} is not a network mask (e.g. 255.255.255.0)"
    ),
    "not_network": QT_TRANSLATE_NOOP(
        "NetworkErrors", "{value} is not the network address of mask {mask}"
    ),
    "bad_days": QT_TRANSLATE_NOOP("NetworkErrors", "the age must be a whole number of days ≥ 1"),
    "unknown_type": QT_TRANSLATE_NOOP("NetworkErrors", "there is no device type {value}"),
    "type_exists": QT_TRANSLATE_NOOP("NetworkErrors", "the device type {value} already exists"),
    "type_in_use": QT_TRANSLATE_NOOP(
        "NetworkErrors", "the device type {value} is given to {count} identified device(s)"
    ),
    "no_machine": QT_TRANSLATE_NOOP("NetworkErrors", "there is no machine with ID {value}"),
    "no_subnet": QT_TRANSLATE_NOOP(
        "NetworkErrors", "machine {value} has no interface up on a subnet to scan"
    ),
    "not_listed": QT_TRANSLATE_NOOP("NetworkErrors", "{value} is not blacklisted"),
    "listed": QT_TRANSLATE_NOOP("NetworkErrors", "{value} is already blacklisted"),
    "no_entry": QT_TRANSLATE_NOOP("NetworkErrors", "no discovered host has the MAC {value}"),
    "already_inventoried": QT_TRANSLATE_NOOP(
        "NetworkErrors", "{value} belongs to an inventoried machine"
    ),
}

#: Field names in messages, marked too so the console says them in its language.
FIELDS: dict[str, str] = {
    "mac": QT_TRANSLATE_NOOP("NetworkErrors", "the MAC address"),
    "ip": QT_TRANSLATE_NOOP("NetworkErrors", "the network address"),
    "mask": QT_TRANSLATE_NOOP("NetworkErrors", "the mask"),
    "description": QT_TRANSLATE_NOOP("NetworkErrors", "the description"),
    "type": QT_TRANSLATE_NOOP("NetworkErrors", "the device type"),
    "user": QT_TRANSLATE_NOOP("NetworkErrors", "the user"),
    "name": QT_TRANSLATE_NOOP("NetworkErrors", "the name"),
    "tag": QT_TRANSLATE_NOOP("NetworkErrors", "the TAG"),
}


class NetworkInputError(ValueError):
    """A refused request: ``code`` (a key of :data:`MESSAGES`), ``message`` (English,
    marked for translation) and ``params`` to format it with."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.message = MESSAGES[code]
        self.params = params
        english = {k: FIELDS.get(v, v) if k == "field" else v for k, v in params.items()}
        super().__init__(self.message.format(**english))
        log.info("IP discovery request refused: %s", self)


def text(value: str | None, field: str, *, limit: int = TEXT_CHARS, required: bool = True) -> str:
    """``value`` stripped; refused when empty (``required``), wider than ``limit`` or
    holding control characters."""
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise NetworkInputError("empty", field=field)
        return ""
    if len(cleaned) > limit:
        raise NetworkInputError("too_long", field=field, limit=limit)
    if _CONTROL.search(cleaned):
        raise NetworkInputError("control", field=field)
    return cleaned


def mac(value: str) -> str:
    """A MAC as OCS agents send it in ``netmap`` (lower case hex pairs with colons);
    ``-`` or no separator are accepted on input."""
    cleaned = text(value, "mac", limit=MAC_CHARS)
    if not _MAC.match(cleaned):
        raise NetworkInputError("not_mac", value=cleaned)
    digits = re.sub(r"[:-]", "", cleaned).lower()
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2))


def ipv4(value: str, field: str = "ip") -> str:
    """A dotted IPv4 address, each part 0 to 255, written without leading zeros."""
    cleaned = text(value, field, limit=IP_CHARS)
    found = _IPV4.match(cleaned)
    if found is None or any(int(part) > 255 for part in found.groups()):
        raise NetworkInputError("not_mask" if field == "mask" else "not_ip", value=cleaned)
    return ".".join(str(int(part)) for part in found.groups())


def _as_int(address: str) -> int:
    result = 0
    for part in address.split("."):
        result = result << 8 | int(part)
    return result


def netmask(value: str) -> str:
    """A contiguous dotted mask (``255.255.255.0``; ``0.0.0.0`` is not a network)."""
    cleaned = ipv4(value, "mask")
    bits = _as_int(cleaned)
    inverted = ~bits & 0xFFFFFFFF
    if bits == 0 or inverted & (inverted + 1):
        raise NetworkInputError("not_mask", value=cleaned)
    return cleaned


def network(netid: str, mask: str | None) -> str:
    """``netid`` checked as an address and, with a ``mask``, as its network address."""
    address = ipv4(netid)
    if mask is not None and _as_int(address) & ~_as_int(mask) & 0xFFFFFFFF:
        raise NetworkInputError("not_network", value=address, mask=mask)
    return address


def days(value: int) -> int:
    """A purge age: a whole number of days, at least one."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise NetworkInputError("bad_days")
    return value
