"""Looking after the certificates of ``cert init``: describe, renew, export, import.

The server certificate of ``cert init`` lives 825 days; the day it expires every agent
stops talking to the server, so the console and ``cert show`` say how many days are
left and warn under :data:`WARN_DAYS`. Renewing signs a new server certificate with the
same CA (agents' ``cacert.pem`` stays valid) for the same names unless told otherwise.
A site that already has a CA or a server certificate (from its PKI, or a PKCS#12 export
of Windows) imports it with its key; a key that does not belong to the certificate is
refused before anything is written, as Apache would otherwise fail at its next start.
Files are written with the modes of ``common.pki`` (keys 0600, certificates 0644).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ocs_desktop.common.pki import (
    CERT_MODE,
    DIR_MODE,
    KEY_MODE,
    SERVER_DAYS,
    CertificateFiles,
    make_server_cert,
    write_file,
)

WARN_DAYS = 30
ROLES = ("ca", "server")


class CertificateError(Exception):
    """A certificate or key cannot be read, does not fit, or is missing; says which."""


@dataclass(frozen=True)
class CertificateInfo:
    """What an administrator checks of one certificate."""

    role: str
    """``ca`` or ``server``."""
    path: Path
    subject: str
    names: tuple[str, ...]
    """Subject alternative names, ``DNS:`` / ``IP:`` prefixed."""
    not_after: dt.datetime
    sha256: str
    """Fingerprint, upper-case hex pairs joined by ``:`` as browsers show it."""
    days_left: int

    @property
    def expiring(self) -> bool:
        """Fewer than :data:`WARN_DAYS` days left (or already expired)."""
        return self.days_left < WARN_DAYS


def files_in(directory: Path) -> CertificateFiles:
    """The file names ``cert init`` uses in ``directory``."""
    directory = Path(directory)
    return CertificateFiles(
        ca_key=directory / "ca.key",
        ca_cert=directory / "ca.pem",
        server_key=directory / "server.key",
        server_cert=directory / "server.pem",
        agent_ca=directory / "cacert.pem",
    )


def describe_certificate(
    cert: x509.Certificate, role: str, path: Path, now: dt.datetime | None = None
) -> CertificateInfo:
    now = now or dt.datetime.now(dt.UTC)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(f"DNS:{n}" for n in san.get_values_for_type(x509.DNSName)) + tuple(
            f"IP:{n}" for n in san.get_values_for_type(x509.IPAddress)
        )
    except x509.ExtensionNotFound:
        names = ()
    not_after = cert.not_valid_after_utc
    digest = cert.fingerprint(hashes.SHA256()).hex().upper()
    return CertificateInfo(
        role=role,
        path=path,
        subject=cert.subject.rfc4514_string(),
        names=names,
        not_after=not_after,
        sha256=":".join(digest[i : i + 2] for i in range(0, len(digest), 2)),
        days_left=(not_after - now).days,
    )


def describe(directory: Path, now: dt.datetime | None = None) -> list[CertificateInfo]:
    """The CA and the server certificate found in ``directory`` (either may be missing)."""
    files = files_in(directory)
    found = []
    for role, path in (("ca", files.ca_cert), ("server", files.server_cert)):
        if path.is_file():
            found.append(describe_certificate(_load_cert(path), role, path, now))
    return found


def renew_server(
    directory: Path,
    host: str | None = None,
    ips: list[str] | None = None,
    days: int = SERVER_DAYS,
) -> CertificateInfo:
    """A new server key and certificate signed by the CA of ``directory``.

    Without ``host``, the current certificate's first DNS name (else its common name) is
    kept, and its IP names unless ``ips`` is given. ``cacert.pem`` does not change.
    """
    files = files_in(directory)
    if not (files.ca_key.is_file() and files.ca_cert.is_file()):
        raise CertificateError(f"no CA in {directory} (ca.pem and ca.key); run cert init")
    ca_cert = _load_cert(files.ca_cert)
    ca_key = _load_key(files.ca_key.read_bytes(), None, files.ca_key)
    if not isinstance(ca_key, rsa.RSAPrivateKey):
        raise CertificateError("only an RSA CA key can sign here")
    _check_pair(ca_cert, ca_key, files.ca_key)
    if host is None or ips is None:
        old_host, old_ips = _current_names(files.server_cert)
        host = host or old_host
        ips = old_ips if ips is None else ips
    if not host:
        raise CertificateError("no host name: give one (there is no server certificate)")
    for ip in ips:
        ipaddress.ip_address(ip)  # ValueError for a typo, before anything is written
    key, cert = make_server_cert(ca_key, ca_cert, host, ips, days=days)
    _write_pair(files.server_cert, _pem(cert), files.server_key, key)
    return describe_certificate(cert, "server", files.server_cert)


def export_ca(directory: Path, destination: Path) -> Path:
    """Copy the CA certificate agents need (``cacert.pem``) to ``destination``."""
    files = files_in(directory)
    source = files.agent_ca if files.agent_ca.is_file() else files.ca_cert
    if not source.is_file():
        raise CertificateError(f"no CA certificate in {directory}")
    cert = _load_cert(source)
    destination = Path(destination)
    if destination.is_dir():
        destination = destination / "cacert.pem"
    write_file(destination, _pem(cert), CERT_MODE)
    return destination


def import_certificate(
    directory: Path,
    role: str,
    certificate: Path,
    key: Path | None = None,
    password: str | None = None,
) -> CertificateInfo:
    """Install an existing CA (``role="ca"``) or server certificate with its key.

    ``certificate`` is PEM (the key then in ``key``, or in the same file) or PKCS#12
    (``.p12``/``.pfx``, key inside, ``password`` if it has one). The key must match the
    certificate, a CA must be a CA and a server certificate must not be: otherwise
    ``CertificateError`` and nothing is written. Importing a CA also rewrites
    ``cacert.pem``; a server certificate's chain (PKCS#12 or PEM) follows it in
    ``server.pem``.
    """
    if role not in ROLES:
        raise CertificateError(f"role must be one of {', '.join(ROLES)}")
    data = Path(certificate).read_bytes()
    secret = password.encode() if password else None
    if b"-----BEGIN" in data:
        chain = _load_pem_chain(data, certificate)
        key_data = Path(key).read_bytes() if key is not None else data
        private = _load_key(key_data, secret, key or certificate)
    else:
        try:
            private, cert, extra = pkcs12.load_key_and_certificates(data, secret)
        except ValueError as exc:
            raise CertificateError(f"{certificate}: not PEM, or PKCS#12 with a wrong password "
                                   f"({exc})") from None  # fmt: skip
        if cert is None or private is None:
            raise CertificateError(f"{certificate}: the PKCS#12 file lacks its certificate or key")
        chain = [cert, *extra]
    _check_pair(chain[0], private, key or certificate)
    is_ca = _is_ca(chain[0])
    if role == "ca" and not is_ca:
        raise CertificateError(f"{certificate} is not a CA certificate (basicConstraints)")
    if role == "server" and is_ca:
        raise CertificateError(f"{certificate} is a CA certificate, not a server's")
    directory = Path(directory)
    if not directory.is_dir():
        directory.mkdir(parents=True)
        directory.chmod(DIR_MODE)
    files = files_in(directory)
    if role == "ca":
        _write_pair(files.ca_cert, _pem(chain[0]), files.ca_key, private)
        write_file(files.agent_ca, _pem(chain[0]), CERT_MODE)
        return describe_certificate(chain[0], "ca", files.ca_cert)
    pem = b"".join(_pem(c) for c in chain)
    _write_pair(files.server_cert, pem, files.server_key, private)
    return describe_certificate(chain[0], "server", files.server_cert)


# -- helpers -------------------------------------------------------------------------------


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _load_cert(path: Path) -> x509.Certificate:
    return _load_pem_chain(Path(path).read_bytes(), path)[0]


def _load_pem_chain(data: bytes, where: Path) -> list[x509.Certificate]:
    try:
        chain = x509.load_pem_x509_certificates(data)
    except ValueError:
        chain = []
    if not chain:
        raise CertificateError(f"{where}: no PEM certificate in it")
    return chain


def _load_key(data: bytes, password: bytes | None, where: Path) -> object:
    try:
        return serialization.load_pem_private_key(data, password=password)
    except TypeError as exc:  # encrypted without a password, or a password it does not need
        raise CertificateError(f"{where}: {exc}") from None
    except ValueError:
        raise CertificateError(f"{where}: no readable PEM private key (wrong password?)") from None


def _public_bytes(key: object) -> bytes:
    return key.public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _check_pair(cert: x509.Certificate, key: object, where: Path) -> None:
    """``CertificateError`` unless ``key`` is the private half of ``cert``'s public key."""
    public = getattr(key, "public_key", None)
    if public is None or _public_bytes(public()) != _public_bytes(cert.public_key()):
        raise CertificateError(f"{where}: this key does not belong to the certificate")


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _current_names(server_cert: Path) -> tuple[str | None, list[str]]:
    if not server_cert.is_file():
        return None, []
    info = describe_certificate(_load_cert(server_cert), "server", server_cert)
    dns = [n[4:] for n in info.names if n.startswith("DNS:")]
    ips = [n[3:] for n in info.names if n.startswith("IP:")]
    if dns:
        return dns[0], ips
    cert = _load_cert(server_cert)
    common = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return (str(common[0].value) if common else None), ips


def _write_pair(cert_path: Path, cert_pem: bytes, key_path: Path, key: object) -> None:
    """Key first (0600), then certificate (0644): each replaced in one rename."""
    data = key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    write_file(key_path, data, KEY_MODE)
    write_file(cert_path, cert_pem, CERT_MODE)
