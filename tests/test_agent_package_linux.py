"""The Linux agent installer: validation of every field, the makeself archive, and the
installer run into a throwaway root (cfg, cacert.pem where the agent looks, daily run),
with its command line overriding the built-in options and hostile values kept as text."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from ocs_desktop.common.progress import Cancelled
from ocs_desktop.packager.agent_installer import InstallerError
from ocs_desktop.packager.agent_linux import (
    INSTALLER_NAME,
    SIDECAR_NAME,
    TAG_LIMIT,
    LinuxAgentSpec,
    has_control,
    normalise_server,
    spec_from_sidecar,
    validate,
)
from ocs_desktop.packager.agent_linux_build import build_linux_installer
from tests.support.agent_linux import (
    build,
    cert_init,
    need_makeself,
    read_cfg,
    run_installer,
    server_dir,
)

SERVER = "https://ocs.example.org:8443/ocsinventory"
HOSTILE = ["'", '"', "$(id)", "`id`", ";id", "a\nb", "a\rb", "a\tb", "\x00", "\x7f", "\u2028"]


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cert_init(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="module")
def built(certs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One installer with a hostile (but legal) TAG, first run off."""
    output = tmp_path_factory.mktemp("built")
    tag = "Paris 'x'; touch /tmp/ocs-pwned #$(id)`id`\\"
    return build(output, SERVER, certs / "cacert.pem", tag=tag, first_run=False).path


def _spec(tmp_path: Path, certs: Path, **fields: object) -> LinuxAgentSpec:
    spec = LinuxAgentSpec(SERVER, tmp_path / "out", certs / "cacert.pem")
    return replace(spec, **fields)  # type: ignore[arg-type]


def _code(spec: LinuxAgentSpec) -> str:
    with pytest.raises(InstallerError) as caught:
        validate(spec)
    assert str(caught.value) == caught.value.message.format(**caught.value.params)
    return caught.value.code


# -- validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://ocs.example.org", "https://ocs.example.org/ocsinventory"),
        ("http://10.0.0.5:8080/", "http://10.0.0.5:8080/ocsinventory"),
        ("https://[::1]:8443/ocs/inventory", "https://[::1]:8443/ocs/inventory"),
        ("https://h/a%20b~_.-", "https://h/a%20b~_.-"),
    ],
)
def test_server_urls_are_normalised(given: str, expected: str) -> None:
    assert normalise_server(given) == expected


@pytest.mark.parametrize(
    ("server", "code"),
    [
        ("ftp://ocs.example.org/ocsinventory", "server-scheme"),
        ("ocs.example.org/ocsinventory", "server-scheme"),
        ("https://", "server-invalid"),
        ("https://:8443/ocsinventory", "server-invalid"),
        ("https://h:99999/ocsinventory", "server-invalid"),
        ("https://h:port/ocsinventory", "server-invalid"),
        ("https://[::1/ocsinventory", "server-invalid"),
        ("https://user@h/ocsinventory", "server-invalid"),
        ("https://h/ocsinventory?x=1", "server-invalid"),
        ("https://h/ocsinventory#x", "server-invalid"),
        ("https://h/ocs inventory", "server-invalid"),
        *[(f"https://h/a{bad}", "server-invalid") for bad in ("'", '"', "$x", "`id`", ";id")],
        *[(f"https://h/a{bad}", "control-character") for bad in ("\n", "\r", "\t", "\x00")],
    ],
)
def test_bad_servers_are_refused(tmp_path: Path, certs: Path, server: str, code: str) -> None:
    assert _code(_spec(tmp_path, certs, server=server)) == code


@pytest.mark.parametrize("bad", ["a\nb", "a\rb", "\x00", "\x1b[31m", "\x7f", "a\u2028b", "\x85"])
def test_control_characters_are_refused_in_every_field(
    tmp_path: Path, certs: Path, bad: str
) -> None:
    assert has_control(bad)
    assert _code(_spec(tmp_path, certs, tag=bad)) == "control-character"
    assert _code(_spec(tmp_path, certs, output_dir=tmp_path / bad)) == "control-character"
    assert _code(_spec(tmp_path, certs, cacert=tmp_path / bad)) == "control-character"
    fields = {
        "server": _spec(tmp_path, certs, server=f"https://h/{bad}"),
        "tag": _spec(tmp_path, certs, tag=bad),
        "cacert": _spec(tmp_path, certs, cacert=tmp_path / bad),
        "output_dir": _spec(tmp_path, certs, output_dir=tmp_path / bad),
    }
    for field, spec in fields.items():
        with pytest.raises(InstallerError) as caught:
            validate(spec)
        assert caught.value.params == {"field": field}


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("x" * (TAG_LIMIT + 1), "tag-too-long"),
        (" Paris", "tag-spaces"),
        ("Paris ", "tag-spaces"),
        ("'Paris'", "tag-quoted"),
        ('"Paris"', "tag-quoted"),
    ],
)
def test_bad_tags_are_refused(tmp_path: Path, certs: Path, tag: str, code: str) -> None:
    assert _code(_spec(tmp_path, certs, tag=tag)) == code


@pytest.mark.parametrize("tag", ["", "x" * TAG_LIMIT, "'Paris", "a'b\"c$d`e;f\\g", "É", "'", "''x"])
def test_legal_tags_pass(tmp_path: Path, certs: Path, tag: str) -> None:
    assert validate(_spec(tmp_path, certs, tag=tag)).spec.tag == tag


def test_certificates_must_be_pem_cas(tmp_path: Path, certs: Path) -> None:
    der = tmp_path / "ca.der"
    der.write_bytes(b"\x30\x82" + os.urandom(64))
    garbage = tmp_path / "bad.pem"
    garbage.write_bytes(b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    huge = tmp_path / "huge.pem"
    huge.write_bytes((certs / "cacert.pem").read_bytes() + b"\n" * (1 << 20))
    assert _code(_spec(tmp_path, certs, cacert=certs / "server.pem")) == "cacert-not-ca"
    assert _code(_spec(tmp_path, certs, cacert=der)) == "cacert-not-pem"
    assert _code(_spec(tmp_path, certs, cacert=garbage)) == "cacert-not-pem"
    assert _code(_spec(tmp_path, certs, cacert=huge)) == "cacert-not-pem"
    assert _code(_spec(tmp_path, certs, cacert=tmp_path / "missing.pem")) == "cacert-unreadable"
    assert _code(_spec(tmp_path, certs, cacert=tmp_path)) == "cacert-unreadable"
    valid = validate(_spec(tmp_path, certs))
    assert valid.cacert_pem == (certs / "cacert.pem").read_bytes()


def test_a_ca_is_needed_only_to_check_an_https_server(tmp_path: Path, certs: Path) -> None:
    assert _code(_spec(tmp_path, certs, cacert=None)) == "cacert-needed"
    assert validate(_spec(tmp_path, certs, cacert=None, ssl=False)).cacert_pem is None
    http = validate(_spec(tmp_path, certs, cacert=None, server="http://h/ocsinventory"))
    assert http.cacert_pem is None


def test_output_must_be_a_folder(tmp_path: Path, certs: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    assert _code(_spec(tmp_path, certs, output_dir=file)) == "output-invalid"
    need_makeself()
    with pytest.raises(InstallerError) as caught:
        build_linux_installer(_spec(tmp_path, certs, output_dir=file / "below"))
    assert caught.value.code == "output-invalid"


# -- the archive ----------------------------------------------------------------------


def test_the_archive_holds_script_settings_and_ca(built: Path, certs: Path) -> None:
    listing = subprocess.run([built, "--list"], capture_output=True, text=True, check=True)
    names = {line.split()[-1] for line in listing.stdout.splitlines() if line.startswith("-")}
    assert names == {
        "./install.sh",
        "./cacert.pem",
        "./settings/server",
        "./settings/tag",
        "./settings/ssl",
        "./settings/first_run",
    }
    check = subprocess.run([built, "--check"], capture_output=True, text=True, check=False)
    assert check.returncode == 0 and "SHA256 checksums are OK" in check.stdout + check.stderr
    assert stat.S_IMODE(built.stat().st_mode) == 0o755
    info = subprocess.run([built, "--info"], capture_output=True, text=True, check=True).stdout
    assert "Paris" not in info  # user values never reach makeself's header script


def test_the_archive_carries_no_build_time(built: Path) -> None:
    """gzip from a pipe stamps the time in its header; the build asks it not to, so the
    same inputs give the same bytes even a second later."""
    data = built.read_bytes()
    [skip] = re.findall(rb'^skip="(\d+)"$', data, re.MULTILINE)
    payload = b"".join(data.splitlines(keepends=True)[int(skip) :])
    assert payload[:3] == b"\x1f\x8b\x08"
    assert payload[4:8] == b"\0\0\0\0"
    assert (
        b"Date of packaging: 1970-01-01"
        in subprocess.run([built, "--info"], capture_output=True, check=True).stdout
    )


def test_a_corrupt_archive_fails_its_check(built: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.run"
    data = bytearray(built.read_bytes())
    data[-100] ^= 0xFF
    broken.write_bytes(bytes(data))
    broken.chmod(0o755)
    assert subprocess.run([broken, "--check"], capture_output=True, check=False).returncode != 0


def test_the_sidecar_records_inputs_and_digest(built: Path, certs: Path) -> None:
    record = json.loads((built.parent / SIDECAR_NAME).read_text())
    assert record["kind"] == "linux"
    assert record["installer"] == INSTALLER_NAME
    assert record["size"] == built.stat().st_size
    assert (
        record["sha256"]
        == subprocess.run(
            ["sha256sum", built], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    assert record["inputs"]["server"] == SERVER
    assert record["inputs"]["cacert"] == str(certs / "cacert.pem")
    assert record["inputs"]["ssl"] is True and record["inputs"]["first_run"] is False


def test_the_sidecar_rebuilds_the_same_installer(built: Path, tmp_path: Path) -> None:
    spec = spec_from_sidecar(built.parent / SIDECAR_NAME, tmp_path / "again")
    again = build_linux_installer(spec)
    assert again.sha256 == json.loads((built.parent / SIDECAR_NAME).read_text())["sha256"]
    assert again.path.read_bytes() == built.read_bytes()


@pytest.mark.parametrize(
    "record",
    [
        {"kind": "windows", "inputs": {"server": SERVER}},
        {"kind": "linux"},
        {"kind": "linux", "inputs": {"server": 3}},
        {"kind": "linux", "inputs": {"server": SERVER, "tag": None}},
        {"kind": "linux", "inputs": {"server": SERVER, "ssl": "yes"}},
        {"kind": "linux", "inputs": {"server": SERVER, "first_run": 1}},
        {"kind": "linux", "inputs": {"server": SERVER, "cacert": 1}},
    ],
)
def test_bad_sidecars_are_refused(tmp_path: Path, record: dict[str, object]) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps(record))
    with pytest.raises(InstallerError) as caught:
        spec_from_sidecar(path)
    assert caught.value.code == "sidecar-invalid"


def test_a_sidecar_defaults_to_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"kind": "linux", "inputs": {"server": SERVER}}))
    spec = spec_from_sidecar(path)
    assert spec == LinuxAgentSpec(SERVER, tmp_path, None, True, "", True)


@pytest.mark.parametrize("stop_at", [0, 1, 2, 3])
def test_a_cancelled_build_leaves_nothing(tmp_path: Path, certs: Path, stop_at: int) -> None:
    need_makeself()
    (tmp_path / "out").mkdir()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < stop_at

    with pytest.raises(Cancelled):
        build_linux_installer(_spec(tmp_path, certs), progress)
    assert seen[-1][0] == stop_at and all(total == 4 for _, total in seen)
    assert list((tmp_path / "out").iterdir()) == []


def test_progress_reaches_the_end(tmp_path: Path, certs: Path) -> None:
    need_makeself()
    seen: list[int] = []
    result = build_linux_installer(_spec(tmp_path, certs), lambda d, t: seen.append(d) is None)
    assert seen[0] == 0 and seen[-1] == 4 and seen == sorted(seen)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [SIDECAR_NAME, INSTALLER_NAME]
    assert result.size == result.path.stat().st_size


def test_a_missing_makeself_is_reported(
    tmp_path: Path, certs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InstallerError) as caught:
        build_linux_installer(_spec(tmp_path, certs))
    assert caught.value.code == "makeself-missing"


# -- the installer, run into a throwaway root ------------------------------------------


def test_install_into_a_root_writes_cfg_ca_and_cron(
    built: Path, certs: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    result = run_installer(built, "--root", str(root), "--schedule", "cron")
    assert result.returncode == 0, result.stderr
    cfg = read_cfg(root)
    vardir = root / "var/lib/ocsinventory-agent" / server_dir(SERVER)
    assert cfg["server"] == SERVER
    assert cfg["tag"] == "Paris 'x'; touch /tmp/ocs-pwned #$(id)`id`\\"
    assert cfg["ssl"] == "1"
    assert cfg["ca"] == str(vardir / "cacert.pem")
    assert cfg["basevardir"] == str(root / "var/lib/ocsinventory-agent")
    assert (vardir / "cacert.pem").read_bytes() == (certs / "cacert.pem").read_bytes()
    assert not Path("/tmp/ocs-pwned").exists()
    [job] = [line for line in (root / "etc/cron.d/ocsinventory-agent").read_text().splitlines()
             if not line.startswith("#")]  # fmt: skip
    minute, hour, *rest = job.split()
    assert 0 <= int(minute) < 60 and 0 <= int(hour) < 24
    assert rest[:4] == ["*", "*", "*", "root"] and rest[4].endswith("/ocsinventory-agent")
    assert "first inventory" not in result.stdout


def test_the_package_cron_daily_job_is_not_doubled(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    daily = root / "etc/cron.daily/ocsinventory-agent"
    daily.parent.mkdir(parents=True)
    daily.write_text("#!/bin/sh\n")
    result = run_installer(built, "--root", str(root), "--schedule", "cron")
    assert result.returncode == 0, result.stderr
    assert not (root / "etc/cron.d/ocsinventory-agent").exists()
    assert daily.exists() and "cron.daily" in result.stdout


def test_under_systemd_the_timer_replaces_cron(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    daily = root / "etc/cron.daily/ocsinventory-agent"
    daily.parent.mkdir(parents=True)
    daily.write_text("#!/bin/sh\n")
    crond = root / "etc/cron.d/ocsinventory-agent"
    assert run_installer(built, "--root", str(root), "--schedule", "cron").returncode == 0
    result = run_installer(built, "--root", str(root), "--schedule", "systemd")
    assert result.returncode == 0, result.stderr
    units = root / "etc/systemd/system"
    timer = (units / "ocsinventory-agent.timer").read_text()
    assert "OnCalendar=daily" in timer and "WantedBy=timers.target" in timer
    service = (units / "ocsinventory-agent.service").read_text()
    assert "ExecStart=" in service and service.rstrip().endswith("/ocsinventory-agent")
    link = units / "timers.target.wants/ocsinventory-agent.timer"
    assert link.is_symlink() and link.resolve() == (units / "ocsinventory-agent.timer").resolve()
    assert not daily.exists() and (daily.parent / "ocsinventory-agent.disabled").exists()
    assert not crond.exists()


def test_schedule_none_writes_no_schedule(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert run_installer(built, "--root", str(root), "--schedule", "none").returncode == 0
    assert not (root / "etc/cron.d").exists() and not (root / "etc/systemd").exists()
    assert (root / "etc/ocsinventory/ocsinventory-agent.cfg").exists()


def test_command_line_overrides_the_built_in_options(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    other = "http://10.1.2.3:8080/ocsinventory"
    result = run_installer(
        built, "--server", other, "--tag=Lyon", "--no-ssl", "--root", str(root),
        "--schedule=none",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    cfg = read_cfg(root)
    assert (cfg["server"], cfg["tag"], cfg["ssl"]) == (other, "Lyon", "0")
    assert (root / "var/lib/ocsinventory-agent" / server_dir(other) / "cacert.pem").exists()
    again = run_installer(built, "--no-tag", "--ssl", "--root", str(root), "--schedule=none")
    assert again.returncode == 0
    cfg = read_cfg(root)
    assert "tag" not in cfg and cfg["ssl"] == "1" and cfg["server"] == SERVER


def test_an_existing_cfg_is_kept_aside_once(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    cfg = root / "etc/ocsinventory/ocsinventory-agent.cfg"
    cfg.parent.mkdir(parents=True)
    cfg.write_text("local=/var/lib/ocsinventory-agent/reports\n")
    for _ in range(2):
        assert run_installer(built, "--root", str(root), "--schedule=none").returncode == 0
    assert (
        (cfg.parent / "ocsinventory-agent.cfg.before-ocs-desktop").read_text().startswith("local=")
    )
    assert "local" not in read_cfg(root)


@pytest.mark.parametrize(
    "args",
    [
        ["--server", "https://h/a;touch /tmp/ocs-pwned"],
        ["--server", "https://h/$(touch /tmp/ocs-pwned)"],
        ["--server", "https://h/`touch /tmp/ocs-pwned`"],
        ["--server", "https://h/a'b"],
        ["--server", "ftp://h/ocsinventory"],
        ["--server", "https://h/a\nb"],
        ["--tag", "a\nserver=http://evil/ocsinventory"],
        ["--tag", "a\rb"],
        ["--tag", " Paris"],
        ["--tag", "Paris "],
        ["--tag", "x" * 256],
        ["--root", "/tmp/a\nb"],
        ["--schedule", "weekly"],
        ["--server"],
        ["--bogus"],
    ],
)
def test_bad_command_line_values_are_refused(built: Path, tmp_path: Path, args: list[str]) -> None:
    root = tmp_path / "root"
    result = run_installer(built, "--root", str(root), *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert not (root / "etc").exists()
    assert not Path("/tmp/ocs-pwned").exists()


def test_hostile_tags_on_the_command_line_stay_text(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    for tag in ["$(touch /tmp/ocs-pwned)", "`touch /tmp/ocs-pwned`", "a'; touch /tmp/ocs-pwned"]:
        result = run_installer(built, "--tag", tag, "--root", str(root), "--schedule=none")
        assert result.returncode == 0, result.stderr
        assert read_cfg(root)["tag"] == tag
    assert not Path("/tmp/ocs-pwned").exists()


def test_help_lists_the_options(built: Path) -> None:
    result = run_installer(built, "--help")
    assert result.returncode == 0
    for option in ("--server", "--tag", "--no-ssl", "--no-first-run", "--schedule", "--root"):
        assert option in result.stdout


def test_without_root_it_refuses_unless_given_a_root(built: Path) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root to drop to another user")
    folder = Path(tempfile.mkdtemp(prefix="ocs-linux-nonroot-"))
    try:
        folder.chmod(0o755)
        copy = folder / INSTALLER_NAME
        shutil.copy2(built, copy)
        copy.chmod(0o755)
        refused = run_installer(copy, "--schedule=none", user="65534")
        assert refused.returncode == 3 and "root" in refused.stderr
        root = folder / "root"
        root.mkdir()
        root.chmod(0o777)
        allowed = run_installer(copy, "--root", str(root), "--schedule=none", user="65534")
        assert allowed.returncode == 0, allowed.stderr
        assert (root / "etc/ocsinventory/ocsinventory-agent.cfg").exists()
    finally:
        shutil.rmtree(folder)


# -- messages: exact, logged, and translated -------------------------------------------


def _message(spec: LinuxAgentSpec) -> str:
    with pytest.raises(InstallerError) as caught:
        validate(spec)
    return str(caught.value)


def test_refusals_say_what_is_wrong(tmp_path: Path, certs: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    missing = tmp_path / "missing.pem"
    assert _message(_spec(tmp_path, certs, server="ftp://h")) == (
        "The server URL ftp://h must start with http:// or https://"
    )
    assert _message(_spec(tmp_path, certs, server="https://h/'")) == (
        "The server URL https://h/' is invalid: unexpected character"
    )
    assert _message(_spec(tmp_path, certs, server="https://")) == (
        "The server URL https:// is invalid: no host"
    )
    assert (
        _message(_spec(tmp_path, certs, tag="x" * 256)) == "The TAG is longer than 255 characters"
    )
    assert _message(_spec(tmp_path, certs, tag="a\nb")) == "The tag holds a control character"
    assert _message(_spec(tmp_path, certs, tag=" a")) == "The TAG starts or ends with a space"
    assert _message(_spec(tmp_path, certs, tag="''")) == (
        "The TAG is wrapped in quotes, which the agent would remove"
    )
    assert _message(_spec(tmp_path, certs, cacert=missing)) == (
        f"Cannot read the certificate {missing}: No such file or directory"
    )
    assert _message(_spec(tmp_path, certs, cacert=certs / "server.pem")) == (
        f"{certs / 'server.pem'} is not a PEM CA certificate"
    )
    assert (
        _message(_spec(tmp_path, certs, output_dir=file)) == f"Cannot write to {file}: not a folder"
    )
    assert _message(_spec(tmp_path, certs, cacert=None)) == (
        "SSL is on: the agents need the CA certificate (cacert.pem)"
    )


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"kind": "windows", "inputs": {}}, "kind is not linux"),
        ({"kind": "linux", "inputs": {"server": 1}}, "bad input types"),
    ],
)
def test_sidecar_refusals_say_why(tmp_path: Path, record: dict[str, object], reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps(record))
    with pytest.raises(InstallerError) as caught:
        spec_from_sidecar(path)
    assert str(caught.value) == f"{path} is not a Linux installer sidecar: {reason}"


def test_refusals_are_logged(tmp_path: Path, certs: Path, caplog) -> None:
    with caplog.at_level("WARNING", logger="ocs_desktop.packager.agent_linux"):
        _code(_spec(tmp_path, certs, tag="a\nb"))
    assert "refused (control-character): The tag holds a control character" in caplog.text


def test_every_message_is_marked_and_translated() -> None:
    """Each QT_TRANSLATE_NOOP of the module is in the AgentInstaller context, and the
    French .ts translates its text there (the console shows these messages)."""
    import ast
    import xml.etree.ElementTree as ET

    from ocs_desktop.packager import agent_linux, agent_linux_build

    ts = ET.parse(Path(__file__).parent.parent / "resources/translations/ocs_desktop_fr.ts")
    french = {
        message.findtext("source"): message.findtext("translation")
        for context in ts.getroot().iter("context")
        if context.findtext("name") == "AgentInstaller"
        for message in context.iter("message")
    }
    marked = []
    for module in (agent_linux, agent_linux_build):
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                context, text = (ast.literal_eval(arg) for arg in node.args)
                assert context == "AgentInstaller", text
                marked.append(text)
    assert len(marked) >= 13
    untranslated = [text for text in marked if not french.get(text)]
    assert untranslated == []


# -- limits and certificate shapes ---------------------------------------------------


def test_tag_limit_is_255(tmp_path: Path, certs: Path) -> None:
    assert validate(_spec(tmp_path, certs, tag="é" * 255)).spec.tag == "é" * 255
    assert _code(_spec(tmp_path, certs, tag="é" * 256)) == "tag-too-long"


def test_paragraph_separators_are_control_characters() -> None:
    assert has_control("a\u2029b") and has_control("a\u2028b") and has_control("\x1f")
    assert not has_control("a b\u00a0c\u200bé")


def test_certificate_files_up_to_one_mib(tmp_path: Path, certs: Path) -> None:
    pem = (certs / "cacert.pem").read_bytes()
    exact, over = tmp_path / "exact.pem", tmp_path / "over.pem"
    exact.write_bytes(pem + b"\n" * ((1 << 20) - len(pem)))
    over.write_bytes(pem + b"\n" * ((1 << 20) - len(pem) + 1))
    assert validate(_spec(tmp_path, certs, cacert=exact)).cacert_pem == exact.read_bytes()
    assert _code(_spec(tmp_path, certs, cacert=over)) == "cacert-not-pem"


def _self_signed(path: Path, *, ca: bool | None) -> Path:
    """A self-signed certificate, with BasicConstraints CA=``ca`` or none at all."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test")])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
    )
    if ca is not None:
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
    cert = builder.sign(key, hashes.SHA256())
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_the_first_certificate_must_be_a_ca(tmp_path: Path, certs: Path) -> None:
    ca, server = (certs / "cacert.pem").read_bytes(), (certs / "server.pem").read_bytes()
    ca_first, server_first = tmp_path / "ca-first.pem", tmp_path / "server-first.pem"
    ca_first.write_bytes(ca + server)
    server_first.write_bytes(server + ca)
    assert validate(_spec(tmp_path, certs, cacert=ca_first)).cacert_pem == ca + server
    assert _code(_spec(tmp_path, certs, cacert=server_first)) == "cacert-not-ca"
    no_constraints = _self_signed(tmp_path / "plain.pem", ca=None)
    assert _code(_spec(tmp_path, certs, cacert=no_constraints)) == "cacert-not-ca"
    own_ca = _self_signed(tmp_path / "own-ca.pem", ca=True)
    assert validate(_spec(tmp_path, certs, cacert=own_ca)).cacert_pem == own_ca.read_bytes()


def test_spec_defaults(tmp_path: Path) -> None:
    spec = LinuxAgentSpec(SERVER, tmp_path)
    assert (spec.cacert, spec.ssl, spec.tag, spec.first_run) == (None, True, "", True)


def test_spec_defaults_are_frozen(tmp_path: Path, certs: Path) -> None:
    """Specs travel between the wizard, a worker and the sidecar: nobody may change one."""
    import dataclasses

    valid = validate(_spec(tmp_path, certs))
    with pytest.raises(dataclasses.FrozenInstanceError):
        valid.spec.tag = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        valid.cacert_pem = None  # type: ignore[misc]
