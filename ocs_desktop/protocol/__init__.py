"""The agent wire format, read safely: payload, XML, request envelope, typed inventory.

Used by the communication server and by the offline ``.ocs`` importer. Each layer
raises its own ``InventoryError`` subclass so callers can map failures to HTTP codes.
"""

from __future__ import annotations

from .document import EMPTY_VALUES, Inventory, inventory_from_request, parse_inventory
from .errors import EncodingError, EnvelopeError, InventoryError, PayloadError, XmlError
from .limits import DEFAULT_LIMITS, Limits
from .payload import Compression, DecodedBody, decode_body
from .request import DEVICEID_RE, AgentRequest, parse_request, request_from_root
from .xmlparse import parse_xml

__all__ = [
    "DEFAULT_LIMITS",
    "DEVICEID_RE",
    "EMPTY_VALUES",
    "AgentRequest",
    "Compression",
    "DecodedBody",
    "EncodingError",
    "EnvelopeError",
    "Inventory",
    "InventoryError",
    "Limits",
    "PayloadError",
    "XmlError",
    "decode_body",
    "inventory_from_request",
    "parse_inventory",
    "parse_request",
    "parse_xml",
    "request_from_root",
]
