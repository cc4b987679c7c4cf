"""Care of the certificates of ``cert init``: show, renew, export, import (core and CLI)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from ocs_desktop.cli.main import main
from ocs_desktop.common.cert_admin import (
    CertificateError,
    describe,
    export_ca,
    import_certificate,
    renew_server,
)
from ocs_desktop.server.certs import init_certificates, make_ca, make_server_cert


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def certs(tmp_path: Path) -> Path:
    init_certificates(tmp_path / "tls", "ocs.example.org", ["192.0.2.10"])
    return tmp_path / "tls"


def test_describe_gives_names_expiry_and_fingerprint(certs: Path) -> None:
    ca, server = describe(certs)
    assert (ca.role, server.role) == ("ca", "server")
    assert server.subject == "CN=ocs.example.org"
    assert server.names == ("DNS:ocs.example.org", "IP:192.0.2.10")
    cert = x509.load_pem_x509_certificate((certs / "server.pem").read_bytes())
    assert server.sha256.replace(":", "") == cert.fingerprint(hashes.SHA256()).hex().upper()
    assert 823 <= server.days_left <= 825 and not server.expiring
    later = server.not_after - dt.timedelta(days=29)
    assert [i.expiring for i in describe(certs, now=later)] == [False, True]
    assert describe(certs, now=later)[1].days_left == 29


def test_renew_keeps_the_ca_and_names(certs: Path) -> None:
    ca_before = (certs / "cacert.pem").read_bytes()
    old = describe(certs)[1]
    new = renew_server(certs, days=10)
    assert new.names == old.names and new.sha256 != old.sha256
    assert new.expiring and 9 <= new.days_left <= 10
    assert (certs / "cacert.pem").read_bytes() == ca_before
    ca = x509.load_pem_x509_certificate(ca_before)
    server = x509.load_pem_x509_certificate((certs / "server.pem").read_bytes())
    server.verify_directly_issued_by(ca)
    assert _mode(certs / "server.key") == 0o600 and _mode(certs / "server.pem") == 0o644


def test_renew_without_ca_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CertificateError, match="no CA"):
        renew_server(tmp_path)


def test_export_ca(certs: Path, tmp_path: Path) -> None:
    target = export_ca(certs, tmp_path)
    assert target == tmp_path / "cacert.pem"
    assert target.read_bytes() == (certs / "ca.pem").read_bytes()
    assert _mode(target) == 0o644


def _pem_key(key: object) -> bytes:
    return key.private_bytes(  # type: ignore[attr-defined, no-any-return]
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def test_import_pem_ca_and_p12_server(tmp_path: Path) -> None:
    ca_key, ca_cert = make_ca("Site CA")
    key, cert = make_server_cert(ca_key, ca_cert, "srv.example.org", [])
    (tmp_path / "ca.crt").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "ca.key").write_bytes(_pem_key(ca_key))
    target = tmp_path / "out"
    info = import_certificate(target, "ca", tmp_path / "ca.crt", tmp_path / "ca.key")
    assert info.subject == "CN=Site CA"
    assert (target / "cacert.pem").read_bytes() == (tmp_path / "ca.crt").read_bytes()
    assert _mode(target / "ca.key") == 0o600 and _mode(target) == 0o755
    p12 = pkcs12.serialize_key_and_certificates(
        b"srv", key, cert, [ca_cert], serialization.BestAvailableEncryption(b"s3cret")
    )
    (tmp_path / "srv.p12").write_bytes(p12)
    with pytest.raises(CertificateError, match="password"):
        import_certificate(target, "server", tmp_path / "srv.p12", password="wrong")
    info = import_certificate(target, "server", tmp_path / "srv.p12", password="s3cret")
    assert info.names == ("DNS:srv.example.org",)
    chain = x509.load_pem_x509_certificates((target / "server.pem").read_bytes())
    assert [c.subject.rfc4514_string() for c in chain] == ["CN=srv.example.org", "CN=Site CA"]
    assert renew_server(target).names == ("DNS:srv.example.org",)  # the imported CA signs


def test_import_refuses_a_key_that_does_not_match(certs: Path, tmp_path: Path) -> None:
    before = (certs / "server.pem").read_bytes(), (certs / "server.key").read_bytes()
    with pytest.raises(CertificateError, match="does not belong"):
        import_certificate(certs, "server", certs / "server.pem", certs / "ca.key")
    code, _out, err = _cli("cert", "import", "--dir", str(certs), "server",
                           str(certs / "server.pem"), "--key", str(certs / "ca.key"))  # fmt: skip
    assert code == 1 and "does not belong" in err
    assert ((certs / "server.pem").read_bytes(), (certs / "server.key").read_bytes()) == before
    with pytest.raises(CertificateError, match="not a CA"):
        import_certificate(tmp_path / "x", "ca", certs / "server.pem", certs / "server.key")
    with pytest.raises(CertificateError, match="is a CA"):
        import_certificate(tmp_path / "x", "server", certs / "ca.pem", certs / "ca.key")
    assert not (tmp_path / "x").exists()


def test_cli_show_renew_export(certs: Path, tmp_path: Path) -> None:
    code, out, _ = _cli("cert", "show", "--dir", str(certs))
    assert code == 0 and "DNS:ocs.example.org, IP:192.0.2.10" in out and "SHA-256:" in out
    code, out, _ = _cli("cert", "renew", "--dir", str(certs), "--days", "5")
    assert code == 0 and "WARNING: expires soon" in out
    code, out, _ = _cli("cert", "show", "--dir", str(certs), "--json")
    assert code == 1  # one expires within 30 days
    rows = json.loads(out)
    assert [r["expiring"] for r in rows] == [False, True]
    code, out, _ = _cli("cert", "export-ca", "--dir", str(certs), str(tmp_path / "agents.pem"))
    assert code == 0 and (tmp_path / "agents.pem").read_bytes() == (certs / "ca.pem").read_bytes()
    code, _out, err = _cli("cert", "show", "--dir", str(tmp_path / "empty"))
    assert code == 1 and "no ca.pem" in err
