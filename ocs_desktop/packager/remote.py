"""HTTP(S) calls to deployment servers, with failures turned into sentences.

Activation checks and uploads talk to servers an administrator typed the address of; what
goes wrong there (an untrusted certificate, a wrong port, a 404) must read as advice, not
as a ``requests`` traceback. TLS verification is always on: ``verify`` is True (system
CAs) or the path of a CA bundle, never False.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported at the first call, not at start-up (``package build`` never calls)
    import requests

USER_AGENT = "ocs-desktop-packager"


class RemoteError(Exception):
    """A remote call failed; the message says what and, where possible, what to do."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def check_verify(verify: bool | str) -> bool | str:
    """Refuse to turn certificate checks off (``verify=False``)."""
    if verify is False:
        raise RemoteError("TLS certificate verification cannot be turned off")
    return verify


def call(session: requests.Session, method: str, url: str, **kwargs: Any) -> requests.Response:
    """``session.request`` with connection and TLS failures as ``RemoteError``."""
    import requests

    kwargs["verify"] = check_verify(kwargs.get("verify", True))
    headers = {"User-Agent": USER_AGENT, **kwargs.pop("headers", {})}
    try:
        return session.request(method, url, headers=headers, **kwargs)
    except requests.exceptions.SSLError as exc:
        hint = " (give the server's CA file with --ca)" if kwargs["verify"] is True else ""
        message = f"{url}: TLS certificate not trusted or TLS failed{hint}: {exc}"
        raise RemoteError(message) from None
    except requests.exceptions.Timeout:
        raise RemoteError(f"{url}: no answer in time") from None
    except requests.exceptions.ConnectionError as exc:
        raise RemoteError(f"{url}: cannot connect: {_reason(exc)}") from None
    except requests.exceptions.RequestException as exc:
        raise RemoteError(f"{url}: {exc}") from None


def fetch(url: str, *, verify: bool | str = True, timeout: float = 30.0, limit: int) -> bytes:
    """GET ``url``; the first ``limit`` bytes of a 200 answer, else ``RemoteError``."""
    import requests

    with requests.Session() as session:
        response = call(session, "GET", url, verify=verify, timeout=timeout, stream=True)
        with response:
            if response.status_code != 200:
                raise RemoteError(
                    f"{url} answered {response.status_code} {response.reason}",
                    response.status_code,
                )
            if limit <= 0:
                return b""
            data = bytearray()
            for chunk in response.iter_content(64 * 1024):
                data += chunk
                if len(data) > limit:
                    raise RemoteError(f"{url} is larger than {limit} bytes")
            return bytes(data)


def _reason(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "No route to host"):
        if marker in text:
            return marker.lower()
    return text
