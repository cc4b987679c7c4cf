"""A private certificate authority and a server certificate for HTTPS.

Agents check the server against a CA file (``cacert.pem``; Unix ``--ca``, Windows
``cacert.pem`` in its folder), and deployment info files must come over HTTPS (PROTOCOL
3.1). ``init_certificates`` writes everything a small site needs: the CA, a server
certificate for the name (and address) agents use, and the CA file to give agents.

Files get explicit modes (keys 0600, certificates 0644, a new folder 0755) and are
replaced in one rename: the plumbing is ``common.pki``, shared with ``common.cert_admin``.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ocs_desktop.common.pki import (
    CA_DAYS,
    CERT_MODE,
    DIR_MODE,
    KEY_MODE,
    SERVER_DAYS,
    CertificateFiles,
    cert_pem,
    make_ca,
    make_server_cert,
    write_file,
    write_key,
)

__all__ = [
    "CA_DAYS", "CERT_MODE", "DIR_MODE", "KEY_MODE", "SERVER_DAYS", "CertificateFiles",
    "init_certificates", "make_ca", "make_server_cert", "write_file",
]  # fmt: skip


def init_certificates(directory: Path, host: str, ips: list[str]) -> CertificateFiles:
    """Create the CA, the server certificate and ``cacert.pem`` in ``directory``.

    An existing CA in the directory is reused, so re-running for a new host name keeps
    the agents' ``cacert.pem`` valid.
    """
    if not directory.is_dir():
        directory.mkdir(parents=True)
        os.chmod(directory, DIR_MODE)
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
        os.chmod(files.ca_key, KEY_MODE)  # kept, but not left readable by others
        os.chmod(files.ca_cert, CERT_MODE)
    else:
        ca_key, ca_cert = make_ca(f"OCS Desktop CA ({host})")
        write_key(files.ca_key, ca_key)
        write_file(files.ca_cert, cert_pem(ca_cert), CERT_MODE)
    server_key, server_cert = make_server_cert(ca_key, ca_cert, host, ips)
    write_key(files.server_key, server_key)
    write_file(files.server_cert, cert_pem(server_cert), CERT_MODE)
    write_file(files.agent_ca, cert_pem(ca_cert), CERT_MODE)
    return files
