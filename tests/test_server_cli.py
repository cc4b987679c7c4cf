"""``ocs-desktop cert init`` (a CA agents can trust, a server certificate it signed) and
the start-up checks of ``ocs-desktop serve``."""

from __future__ import annotations

import ipaddress
import stat
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from ocs_desktop.cli.main import main
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database


def _cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def test_cert_init(tmp_path: Path) -> None:
    args = ["cert", "init", "--dir", str(tmp_path), "--host", "ocs.example.org", "--ip", "10.0.0.5"]
    assert main(args) == 0
    ca, server = _cert(tmp_path / "ca.pem"), _cert(tmp_path / "server.pem")
    assert (tmp_path / "cacert.pem").read_bytes() == (tmp_path / "ca.pem").read_bytes()
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    server.verify_directly_issued_by(ca)
    san = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["ocs.example.org"]
    assert san.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("10.0.0.5")]
    eku = server.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    for key in ("ca.key", "server.key"):
        assert stat.S_IMODE((tmp_path / key).stat().st_mode) == 0o600
    # Re-running keeps the CA (agents keep trusting) and issues a new server certificate.
    assert main(["cert", "init", "--dir", str(tmp_path), "--host", "other.example.org"]) == 0
    assert _cert(tmp_path / "ca.pem").serial_number == ca.serial_number
    _cert(tmp_path / "server.pem").verify_directly_issued_by(ca)


def test_cert_init_refuses_a_bad_ip(tmp_path: Path) -> None:
    args = ["cert", "init", "--dir", str(tmp_path), "--host", "h", "--ip", "not-an-ip"]
    assert main(args) == 2
    assert not (tmp_path / "ca.pem").exists()


def test_serve_refuses_what_cannot_work(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ocsweb.sqlite"
    assert main(["serve", "--db", str(db)]) == 2  # no OCS schema there
    assert "not an OCS database" in capsys.readouterr().err
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    assert main(["serve", "--db", str(db), "--workers", "2"]) == 2
    assert "single worker" in capsys.readouterr().err
    assert main(["serve", "--db", str(db), "--tls-cert", "x.pem"]) == 2
    assert "go together" in capsys.readouterr().err
