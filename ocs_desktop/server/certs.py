"""A private certificate authority and a server certificate for HTTPS.

Agents check the server against a CA file (``cacert.pem``; Unix ``--ca``, Windows
``cacert.pem`` in its folder), and deployment info files must come over HTTPS (PROTOCOL
3.1). ``init_certificates`` writes everything a small site needs: the CA, a server
certificate for the name (and address) agents use, and the CA file to give agents.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_DAYS = 3650
SERVER_DAYS = 825


@dataclass(frozen=True)
class CertificateFiles:
    ca_key: Path
    ca_cert: Path
    server_key: Path
    server_cert: Path
    agent_ca: Path


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _write_key(path: Path, key: rsa.RSAPrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_bytes(data)


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_ca(name: str) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A self-signed CA allowed to sign server certificates only (path length 0)."""
    key = _key()
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=CA_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return key, cert


def make_server_cert(
    ca_key: rsa.RSAPrivateKey, ca_cert: x509.Certificate, host: str, ips: list[str]
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A server certificate with SAN DNS:host (and IP:ip) and the serverAuth usage."""
    key = _key()
    names: list[x509.GeneralName] = [x509.DNSName(host)]
    names += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips]
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=SERVER_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=True,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    return key, cert


def init_certificates(directory: Path, host: str, ips: list[str]) -> CertificateFiles:
    """Create the CA, the server certificate and ``cacert.pem`` in ``directory``.

    An existing CA in the directory is reused, so re-running for a new host name keeps
    the agents' ``cacert.pem`` valid.
    """
    directory.mkdir(parents=True, exist_ok=True)
    files = CertificateFiles(
        ca_key=directory / "ca.key",
        ca_cert=directory / "ca.pem",
        server_key=directory / "server.key",
        server_cert=directory / "server.pem",
        agent_ca=directory / "cacert.pem",
    )
    if files.ca_key.exists() and files.ca_cert.exists():
        loaded = serialization.load_pem_private_key(files.ca_key.read_bytes(), password=None)
        assert isinstance(loaded, rsa.RSAPrivateKey)
        ca_key, ca_cert = loaded, x509.load_pem_x509_certificate(files.ca_cert.read_bytes())
    else:
        ca_key, ca_cert = make_ca(f"OCS Desktop CA ({host})")
        _write_key(files.ca_key, ca_key)
        files.ca_cert.write_bytes(_cert_pem(ca_cert))
    server_key, server_cert = make_server_cert(ca_key, ca_cert, host, ips)
    _write_key(files.server_key, server_key)
    files.server_cert.write_bytes(_cert_pem(server_cert))
    files.agent_ca.write_bytes(_cert_pem(ca_cert))
    return files
