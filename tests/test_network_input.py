"""What the Network page and the ``network`` command accept before writing the OCS tables:
MACs, IPv4 addresses, masks, network addresses, texts to their column widths, purge ages;
each refusal with its code, parameters and English text (no database needed)."""

from __future__ import annotations

import logging

import pytest

from ocs_desktop.fleet import network_input as checked
from ocs_desktop.fleet.network_input import MESSAGES, NetworkInputError


def _refused(call, *args, **kwargs) -> NetworkInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(NetworkInputError) as caught:
        call(*args, **kwargs)
    return caught.value


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("00:1B:A9:0a:0B:ff", "00:1b:a9:0a:0b:ff"),
        ("00-1b-a9-0a-0b-ff", "00:1b:a9:0a:0b:ff"),
        ("001BA90A0BFF", "00:1b:a9:0a:0b:ff"),
        ("  00:1b:a9:0a:0b:ff\t", "00:1b:a9:0a:0b:ff"),
    ],
)
def test_macs_are_stored_as_agents_send_them(given: str, stored: str) -> None:
    assert checked.mac(given) == stored


@pytest.mark.parametrize(
    "given",
    [
        "00:1b:a9:0a:0b",
        "00:1b:a9:0a:0bff",
        "00:1b-a9:0a:0b:ff",
        "g0:1b:a9:0a:0b:ff",
        "0:1b:a9:0a:0b:ff",
    ],
)
def test_malformed_macs_are_refused(given: str) -> None:
    error = _refused(checked.mac, given)
    assert error.code == "not_mac" and error.params == {"value": given}
    assert str(error) == f"{given} is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC)"


def test_a_mac_wider_than_its_column_or_empty_is_refused() -> None:
    assert _refused(checked.mac, "00:1b:a9:0a:0b:ff:").code == "too_long"
    error = _refused(checked.mac, " ")
    assert (error.code, error.params) == ("empty", {"field": "mac"})
    assert str(error) == "the MAC address cannot be empty"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("10.1.0.0", "10.1.0.0"),
        ("010.001.000.000", "10.1.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("0.0.0.0", "0.0.0.0"),
    ],
)
def test_ipv4_addresses(given: str, stored: str) -> None:
    assert checked.ipv4(given) == stored


@pytest.mark.parametrize(
    "given", ["10.1.0.256", "10.1.0", "10.1.0.0.0", "a.b.c.d", "10.1.0.-1", "1000.1.1.1"]
)
def test_bad_ipv4_addresses(given: str) -> None:
    error = _refused(checked.ipv4, given)
    assert error.code in ("not_ip", "too_long") and error.message in MESSAGES.values()
    if error.code == "not_ip":
        assert str(error) == f"{given} is not an IPv4 address (e.g. 192.168.1.0)"


@pytest.mark.parametrize(
    "given", ["255.255.255.0", "255.255.0.0", "255.255.255.255", "128.0.0.0", "255.255.255.252"]
)
def test_contiguous_masks(given: str) -> None:
    assert checked.netmask(given) == given


@pytest.mark.parametrize(
    "given", ["0.0.0.0", "255.0.255.0", "255.255.255.1", "0.255.255.255", "255.255.256.0"]
)
def test_bad_masks(given: str) -> None:
    error = _refused(checked.netmask, given)
    assert error.code == "not_mask" and error.params == {"value": given}


def test_a_network_is_its_masks_network_address() -> None:
    assert checked.network("10.1.0.0", "255.255.255.0") == "10.1.0.0"
    assert checked.network("10.1.2.0", "255.255.254.0") == "10.1.2.0"
    assert checked.network("10.1.0.7", None) == "10.1.0.7"
    error = _refused(checked.network, "10.1.1.0", "255.255.254.0")
    assert (error.code, error.params) == (
        "not_network",
        {"value": "10.1.1.0", "mask": "255.255.254.0"},
    )
    assert str(error) == "10.1.1.0 is not the network address of mask 255.255.254.0"
    assert _refused(checked.network, "10.1.0.1", "255.255.255.0").code == "not_network"


def test_texts_fit_their_column() -> None:
    assert checked.text("x" * 255, "description") == "x" * 255
    error = _refused(checked.text, "x" * 256, "description")
    assert (error.code, error.params) == ("too_long", {"field": "description", "limit": 255})
    assert str(error) == "the description is at most 255 characters"
    assert checked.text("abc", "name", limit=3) == "abc"
    assert _refused(checked.text, "abcd", "name", limit=3).code == "too_long"
    assert checked.text("  ", "tag", required=False) == ""
    assert checked.text(None, "tag", required=False) == ""
    assert _refused(checked.text, None, "user").code == "empty"
    error = _refused(checked.text, "a\x00b", "user")
    assert (error.code, str(error)) == ("control", "the user contains control characters")
    assert _refused(checked.text, "a\x7fb", "user").code == "control"
    assert _refused(checked.text, "a\x1fb", "user").code == "control"
    assert checked.text(" é ", "name") == "é"


def test_purge_ages() -> None:
    assert checked.days(1) == 1 and checked.days(365) == 365
    for bad in (0, -3, True, 2.5):
        assert _refused(checked.days, bad).code == "bad_days"  # type: ignore[arg-type]


def test_every_refusal_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="ocs_desktop.fleet.network_input"):
        _refused(checked.mac, "nonsense")
    assert [r.getMessage() for r in caplog.records] == [
        "IP discovery request refused: nonsense is not a MAC address "
        "(six hex pairs, e.g. 00:11:22:AA:BB:CC)"
    ]


def test_unknown_fields_are_named_as_given() -> None:
    assert str(NetworkInputError("empty", field="colour")) == "colour cannot be empty"
    assert NetworkInputError("empty", field="mask").params == {"field": "mask"}


ENGLISH = {
    "empty": "the name cannot be empty",
    "too_long": "the name is at most 9 characters",
    "control": "the name contains control characters",
    "not_mac": "V is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC)",
    "not_ip": "V is not an IPv4 address (e.g. 192.168.1.0)",
    "not_mask": "V is not a network mask (e.g. 255.255.255.0)",
    "not_network": "V is not the network address of mask M",
    "bad_days": "the age must be a whole number of days ≥ 1",
    "unknown_type": "there is no device type V",
    "type_exists": "the device type V already exists",
    "type_in_use": "the device type V is given to 3 identified device(s)",
    "no_machine": "there is no machine with ID V",
    "no_subnet": "machine V has no interface up on a subnet to scan",
    "not_listed": "V is not blacklisted",
    "listed": "V is already blacklisted",
    "no_entry": "no discovered host has the MAC V",
    "already_inventoried": "V belongs to an inventoried machine",
}
FIELD_NAMES = {
    "mac": "the MAC address",
    "ip": "the network address",
    "mask": "the mask",
    "description": "the description",
    "type": "the device type",
    "user": "the user",
    "name": "the name",
    "tag": "the TAG",
}


@pytest.mark.parametrize(("code", "english"), sorted(ENGLISH.items()))
def test_every_refusal_says_what_is_wrong(code: str, english: str) -> None:
    error = NetworkInputError(code, field="name", limit=9, value="V", mask="M", count=3)
    assert str(error) == english and error.code == code
    assert set(MESSAGES) == set(ENGLISH)


@pytest.mark.parametrize(("field", "english"), sorted(FIELD_NAMES.items()))
def test_every_field_is_named(field: str, english: str) -> None:
    assert str(NetworkInputError("empty", field=field)) == f"{english} cannot be empty"
    assert set(checked.FIELDS) == set(FIELD_NAMES)


def test_an_empty_address_names_its_field() -> None:
    assert _refused(checked.ipv4, "").params == {"field": "ip"}
    assert _refused(checked.netmask, "").params == {"field": "mask"}


def test_every_marked_message_has_a_french_translation() -> None:
    """The marks lupdate reads (context and text) match the French catalogue's entries."""
    import ast
    from pathlib import Path
    from xml.etree import ElementTree

    source = Path(checked.__file__).read_text(encoding="utf-8")
    marks = [
        (node.args[0].value, node.args[1].value)  # type: ignore[attr-defined]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
    ]
    assert {text for _, text in marks} == set(MESSAGES.values()) | set(checked.FIELDS.values())
    root = Path(__file__).resolve().parent.parent
    catalogue = ElementTree.parse(root / "resources/translations/ocs_desktop_fr.ts").getroot()
    french = {
        message.findtext("source"): message.findtext("translation")
        for context in catalogue.iter("context")
        if context.findtext("name") == "NetworkErrors"
        for message in context.iter("message")
    }
    for context, text in marks:
        assert context == "NetworkErrors", text
        assert french.get(text), text


def test_an_address_wider_than_its_column_is_too_long_not_malformed() -> None:
    assert _refused(checked.ipv4, "1234.123.123.12").code == "not_ip"  # 15 characters
    error = _refused(checked.ipv4, "1234.123.123.123")  # 16
    assert (error.code, error.params) == ("too_long", {"field": "ip", "limit": 15})
