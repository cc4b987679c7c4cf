"""ocspackage.exe: validation before building, and no way for any field to inject syntax."""

from __future__ import annotations

import dataclasses
import struct
from pathlib import Path

import pytest

from ocs_desktop.packager.agent_installer import InstallerError
from ocs_desktop.packager.agent_windows import (
    MAX_CMDLINE,
    WindowsAgentSpec,
    check_option,
    check_server,
    validate,
)
from ocs_desktop.packager.agent_windows_cmdline import embedded_options, upgrade_command
from ocs_desktop.packager.agent_windows_nsis import (
    SCRIPT,
    SCRIPT_NAME,
    TARGETS,
    ocsdat_ini,
    stage,
    target_define,
)
from tests.support.agent_windows import write_ca, write_server_cert

#: Each tried in every text field: quotes, $, ;, backtick, newlines, /D= and NSIS variables.
HOSTILE = [
    'a"b',
    "a'b",
    "a$b",
    "$INSTDIR",
    "a;b",
    "a`b",
    "a\nb",
    "a\rb",
    "a /D=C:\\evil",
    "/D=C:\\evil",
    'a$\\"b',
    "a\x00b",
    "a&b|c",
    "a%TEMP%b",
]


def _pe(path: Path, offset: int = 0x80, signature: bytes = b"PE\0\0") -> Path:
    head = bytearray(b"MZ" + b"\0" * 0x3E)
    struct.pack_into("<I", head, 0x3C, offset)
    path.write_bytes(bytes(head) + b"\0" * (offset - 64) + signature + b"\0" * 64)
    return path


@pytest.fixture(scope="module")
def ca_pem(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """One CA for the module: RSA keys take a while to make."""
    return write_ca(tmp_path_factory.mktemp("ca") / "ca.pem").read_bytes()


@pytest.fixture
def spec(tmp_path: Path, ca_pem: bytes) -> WindowsAgentSpec:
    plugin = tmp_path / "plugin.vbs"
    plugin.write_text("WScript.Echo 1\n")
    cacert = tmp_path / "cacert.pem"
    cacert.write_bytes(ca_pem)
    return WindowsAgentSpec(
        setup=_pe(tmp_path / "OCS-NG-Windows-Agent-Setup.exe"),
        server="https://ocs.example.org/ocsinventory",
        output_dir=tmp_path / "out",
        cacert=cacert,
        tag="Site A",
        label="Your name?",
        plugins=(plugin,),
    )


def _code(spec: WindowsAgentSpec) -> str:
    with pytest.raises(InstallerError) as caught:
        validate(spec)
    return caught.value.code


def test_a_good_spec_passes_and_gives_the_expected_options(spec: WindowsAgentSpec) -> None:
    validate(spec)
    assert embedded_options(spec) == [
        "/S",
        "/SERVER=https://ocs.example.org/ocsinventory",
        "/SSL=1",
        "/CA=cacert.pem",
        '"/TAG=Site A"',
    ]


def test_every_option_in_order(spec: WindowsAgentSpec) -> None:
    full = dataclasses.replace(
        spec, tag="", notag=True, now=True, nosplash=True, proxy_type=1, proxy_host="proxy.lan",
        proxy_port=3128, proxy_user="bob", proxy_password="s3cret!", debug=2,
        options=("/NO_SYSTRAY", "/LOCAL=C:\\inv"),
    )  # fmt: skip
    validate(full)
    tail = ["/NOTAG", "/NOW", "/NOSPLASH", "/PROXY_TYPE=1", "/PROXY=proxy.lan", "/PROXY_PORT=3128"]
    assert embedded_options(full)[4:] == [
        *tail, "/PROXY_USER=bob", "/PROXY_PWD=s3cret!", "/DEBUG=2", "/NO_SYSTRAY", "/LOCAL=C:\\inv",
    ]  # fmt: skip
    assert "/PROXY_PWD=********" in embedded_options(full, mask_secrets=True)
    assert "s3cret" not in " ".join(embedded_options(full, mask_secrets=True))
    assert upgrade_command(full, "setup.exe").startswith("setup.exe /S /UPGRADE /SERVER=")
    assert dataclasses.replace(full, debug=0, tag="x", notag=False).debug == 0
    assert "/DEBUG=0" in embedded_options(dataclasses.replace(full, debug=0))
    assert "/TAG=x" in embedded_options(dataclasses.replace(full, tag="x", notag=False))


# -- the setup ------------------------------------------------------------------------


def test_the_setup_must_be_a_pe_executable(spec: WindowsAgentSpec, tmp_path: Path) -> None:
    text = tmp_path / "setup.exe"
    text.write_text("MZ but a text file")
    assert _code(dataclasses.replace(spec, setup=text)) == "setup-not-pe"
    assert _code(dataclasses.replace(spec, setup=_pe(tmp_path / "a.exe", signature=b"NE\0\0"))) == (
        "setup-not-pe"
    )
    beyond = _pe(tmp_path / "b.exe")
    data = bytearray(beyond.read_bytes())
    struct.pack_into("<I", data, 0x3C, 0x10_0000)
    beyond.write_bytes(bytes(data))
    assert _code(dataclasses.replace(spec, setup=beyond)) == "setup-not-pe"
    assert (
        _code(dataclasses.replace(spec, setup=_pe(tmp_path / "c.exe", offset=8))) == "setup-not-pe"
    )
    elf = tmp_path / "d.exe"
    elf.write_bytes(b"\x7fELF" + b"\0" * 200)
    assert _code(dataclasses.replace(spec, setup=elf)) == "setup-not-pe"
    assert _code(dataclasses.replace(spec, setup=tmp_path / "missing.exe")) == "file-missing"
    assert _code(dataclasses.replace(spec, setup=tmp_path)) == "file-missing"
    validate(dataclasses.replace(spec, setup=_pe(tmp_path / "e.exe", offset=64)))


def test_an_unreadable_setup_is_said_so(spec: WindowsAgentSpec, tmp_path: Path) -> None:
    from ocs_desktop.packager.agent_windows import check_setup

    with pytest.raises(InstallerError) as caught:
        check_setup(tmp_path / "nope.exe")
    assert caught.value.code == "setup-unreadable"
    assert "nope.exe" in str(caught.value)
    assert caught.value.params["reason"] == "No such file or directory"


# -- the server -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "",
        "ocs.example.org",
        "ftp://ocs.example.org/ocsinventory",
        "https://",
        "https:///ocsinventory",
        "https://user:pwd@ocs.example.org/ocsinventory",
        "https://ocs.example.org:99999/ocsinventory",
        "https://ocs.example.org:port/ocsinventory",
        "https://ocs example.org/ocsinventory",
        *(f"https://ocs.example.org/{bad}" for bad in HOSTILE),
    ],
)
def test_bad_server_urls_are_refused(spec: WindowsAgentSpec, url: str) -> None:
    assert _code(dataclasses.replace(spec, server=url)) == "server-invalid"


@pytest.mark.parametrize(
    "url",
    [
        "http://ocs/ocsinventory",
        "https://ocs.example.org:8443/ocsinventory",
        "https://[2001:db8::1]/ocsinventory",
        "https://10.0.0.1/ocsinventory?x=1&y=2",
    ],
)
def test_good_server_urls_pass(url: str) -> None:
    check_server(url)


# -- the certificate ------------------------------------------------------------------


def test_the_certificate_must_be_a_pem_ca(spec: WindowsAgentSpec, tmp_path: Path) -> None:
    server = write_server_cert(tmp_path / "server.pem")
    assert _code(dataclasses.replace(spec, cacert=server)) == "cacert-not-ca"
    der = tmp_path / "ca.der"
    der.write_bytes(b"0\x82\x01\x00garbage")
    assert _code(dataclasses.replace(spec, cacert=der)) == "cacert-not-ca"
    assert _code(dataclasses.replace(spec, cacert=None)) == "cacert-needed"
    validate(dataclasses.replace(spec, cacert=None, ssl=False))
    assert embedded_options(dataclasses.replace(spec, cacert=None, ssl=False))[2:4] == [
        "/SSL=0",
        '"/TAG=Site A"',
    ]
    chain = tmp_path / "chain.pem"
    chain.write_bytes(Path(spec.cacert).read_bytes() + server.read_bytes())  # type: ignore[arg-type]
    assert _code(dataclasses.replace(spec, cacert=chain)) == "cacert-not-ca"


def test_a_certificate_without_basic_constraints_is_not_a_ca(
    spec: WindowsAgentSpec, tmp_path: Path
) -> None:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "plain")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(1)
        .not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    path = tmp_path / "plain.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    assert _code(dataclasses.replace(spec, cacert=path)) == "cacert-not-ca"


# -- every text field against injection ------------------------------------------------


@pytest.mark.parametrize("bad", HOSTILE)
def test_hostile_text_is_refused_in_every_option_field(spec: WindowsAgentSpec, bad: str) -> None:
    proxy = {"proxy_type": 1, "proxy_host": "proxy.lan", "proxy_port": 3128}
    cases = {
        "server": dataclasses.replace(spec, server=f"https://ocs.example.org/{bad}"),
        "tag": dataclasses.replace(spec, tag=bad),
        "proxy_host": dataclasses.replace(spec, **{**proxy, "proxy_host": bad}),
        "proxy_user": dataclasses.replace(spec, **proxy, proxy_user=bad),
        "proxy_password": dataclasses.replace(spec, **proxy, proxy_password=bad),
        "option value": dataclasses.replace(spec, options=(f"/LOCAL={bad}",)),
        "option": dataclasses.replace(spec, options=(bad,)),
    }
    for field, hostile in cases.items():
        with pytest.raises(InstallerError) as caught:
            validate(hostile)
        assert caught.value.code in {
            "server-invalid", "value-invalid", "option-invalid", "option-managed",
        }, field  # fmt: skip
    if "\n" in bad or "\r" in bad or "\0" in bad:
        assert _code(dataclasses.replace(spec, label=bad)) == "label-invalid"
    else:  # the label is file content, never script or command line: kept as given
        validate(dataclasses.replace(spec, label=bad))


def test_a_refused_password_is_not_repeated_in_the_message(spec: WindowsAgentSpec) -> None:
    hostile = dataclasses.replace(
        spec, proxy_type=1, proxy_host="p", proxy_port=1, proxy_password='pw"secret'
    )
    with pytest.raises(InstallerError) as caught:
        validate(hostile)
    assert "secret" not in str(caught.value)
    assert "********" in str(caught.value)


@pytest.mark.parametrize("name", ['plug"in.vbs', "plug$in.vbs", "plug;in.vbs", "plug`in.vbs",
                                  "plug in.vbs", ".hidden", "a%b.vbs"])  # fmt: skip
def test_plugin_file_names_are_whitelisted(
    spec: WindowsAgentSpec, tmp_path: Path, name: str
) -> None:
    plugin = tmp_path / name
    plugin.write_text("x")
    assert _code(dataclasses.replace(spec, plugins=(plugin,))) == "file-name"


def test_two_plugins_of_one_name_are_refused(spec: WindowsAgentSpec, tmp_path: Path) -> None:
    other = tmp_path / "sub"
    other.mkdir()
    (other / "PLUGIN.vbs").write_text("y")
    assert _code(dataclasses.replace(spec, plugins=(*spec.plugins, other / "PLUGIN.vbs"))) == (
        "plugin-twice"
    )
    assert _code(dataclasses.replace(spec, plugins=(tmp_path / "none.vbs",))) == "file-missing"


@pytest.mark.parametrize(
    ("option", "code"),
    [
        ("/D=C:\\evil", "option-managed"),
        ("/d=C:\\evil", "option-managed"),
        ("/SERVER=https://evil/ocsinventory", "option-managed"),
        ("/server=https://evil/ocsinventory", "option-managed"),
        ("/TAG=x", "option-managed"),
        ("/S", "option-managed"),
        ("/PROXY_PWD=x", "option-managed"),
        ("/PWD=secret", "option-secret"),
        ("/pwd=secret", "option-secret"),
        ("NO_SYSTRAY", "option-invalid"),
        ("/", "option-invalid"),
        ("/X=", "option-invalid"),
        ("/X=a b", "option-invalid"),
        ("/X=a=b", "option-invalid"),
        ("/9X", "option-invalid"),
        ("/X /D=C:\\evil", "option-invalid"),
    ],
)
def test_extra_options_are_checked(option: str, code: str) -> None:
    with pytest.raises(InstallerError) as caught:
        check_option(option)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "option", ["/NO_SYSTRAY", "/NO_SERVICE", "/NOSOFTWARE", "/LOCAL=C:\\inv", "/WMI_FLAG_MODE=READ",
               "/DEFAULT_USER_DOMAIN=CORP", "/USER=agent", "/UPGRADE"],
)  # fmt: skip
def test_plain_extra_options_pass(option: str) -> None:
    check_option(option)


def test_tag_and_label_rules(spec: WindowsAgentSpec) -> None:
    validate(dataclasses.replace(spec, tag="Bâtiment Nord-2 @ Lyon, étage:3 +x.y_z"))
    assert _code(dataclasses.replace(spec, tag="x" * 256)) == "value-invalid"
    assert _code(dataclasses.replace(spec, tag=" lead")) == "value-invalid"
    assert _code(dataclasses.replace(spec, tag="trail ")) == "value-invalid"
    validate(dataclasses.replace(spec, tag="x" * 255))
    assert _code(dataclasses.replace(spec, notag=True)) == "tag-notag"
    validate(dataclasses.replace(spec, label="é" * 255))
    assert _code(dataclasses.replace(spec, label="x" * 256)) == "label-invalid"
    assert _code(dataclasses.replace(spec, label="日本")) == "label-invalid"
    assert _code(dataclasses.replace(spec, label="a\u2028b")) == "label-invalid"


def test_proxy_and_debug_rules(spec: WindowsAgentSpec) -> None:
    proxy = dataclasses.replace(spec, proxy_type=3, proxy_host="10.0.0.1", proxy_port=1080)
    validate(proxy)
    validate(dataclasses.replace(proxy, proxy_port=65535, proxy_user="a.b@c", proxy_password="p"))
    validate(dataclasses.replace(proxy, proxy_port=1))
    assert _code(dataclasses.replace(proxy, proxy_port=0)) == "proxy-port"
    assert _code(dataclasses.replace(proxy, proxy_port=65536)) == "proxy-port"
    assert _code(dataclasses.replace(proxy, proxy_port=None)) == "proxy-port"
    assert _code(dataclasses.replace(proxy, proxy_host="")) == "value-invalid"
    assert _code(dataclasses.replace(proxy, proxy_type=4)) == "proxy-type"
    assert _code(dataclasses.replace(proxy, proxy_type=-1)) == "proxy-type"
    assert _code(dataclasses.replace(spec, proxy_host="p")) == "proxy-unused"
    assert _code(dataclasses.replace(spec, proxy_port=1)) == "proxy-unused"
    assert _code(dataclasses.replace(spec, proxy_user="u")) == "proxy-unused"
    assert _code(dataclasses.replace(spec, proxy_password="p")) == "proxy-unused"
    for level in (0, 1, 2):
        validate(dataclasses.replace(spec, debug=level))
    assert _code(dataclasses.replace(spec, debug=3)) == "debug-invalid"
    assert _code(dataclasses.replace(spec, debug=-1)) == "debug-invalid"


def test_the_package_architecture_is_x86_or_x64(spec: WindowsAgentSpec) -> None:
    assert spec.arch == "x86"
    validate(dataclasses.replace(spec, arch="x64"))
    for bad in ("X64", "amd64", "arm64", "", "x86 -XOutFile", None):
        assert _code(dataclasses.replace(spec, arch=bad)) == "arch-invalid"  # type: ignore[arg-type]
    assert _message(dataclasses.replace(spec, arch="arm64")) == (
        "The package architecture must be x86 or x64, not 'arm64'"
    )


def test_each_architecture_is_a_unicode_makensis_target_given_before_the_script() -> None:
    from ocs_desktop.packager.agent_windows import ARCHES

    assert set(TARGETS) == set(ARCHES)
    assert [target_define(arch) for arch in ARCHES] == [
        "-XTarget x86-unicode",
        "-XTarget amd64-unicode",
    ]
    # The script's own charset line agrees with both targets (makensis refuses a clash).
    assert "\nUnicode true\n" in SCRIPT and all(t.endswith("-unicode") for t in TARGETS.values())
    assert "Target" not in SCRIPT


def test_the_command_line_has_a_length_limit(spec: WindowsAgentSpec) -> None:
    base = len(" ".join(embedded_options(spec)))
    fits = "/LOCAL=" + "x" * (MAX_CMDLINE - base - len(" /LOCAL="))
    validate(dataclasses.replace(spec, options=(fits,)))
    assert _code(dataclasses.replace(spec, options=(fits + "x",))) == "cmdline-long"


def test_an_output_path_that_is_a_file_is_refused(spec: WindowsAgentSpec, tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    assert _code(dataclasses.replace(spec, output_dir=file)) == "output-invalid"


def test_errors_carry_a_translatable_template_and_their_params(spec: WindowsAgentSpec) -> None:
    with pytest.raises(InstallerError) as caught:
        validate(dataclasses.replace(spec, server="ftp://x"))
    error = caught.value
    assert error.message == "The server URL {url!r} is not a valid http(s) URL"
    assert error.params == {"url": "ftp://x"}
    assert str(error) == "The server URL 'ftp://x' is not a valid http(s) URL"


# -- the script never holds user text -------------------------------------------------


@pytest.mark.parametrize(
    "bad", [b for b in HOSTILE if "\n" not in b and "\r" not in b and "\0" not in b]
)
def test_the_staged_script_is_the_constant_whatever_the_inputs(
    spec: WindowsAgentSpec, tmp_path: Path, bad: str
) -> None:
    hostile = dataclasses.replace(spec, label=bad)
    validate(hostile)
    script = stage(hostile, tmp_path / "stage")
    assert script.name == SCRIPT_NAME
    assert script.read_text(encoding="utf-8") == SCRIPT
    assert (tmp_path / "stage" / "OcsData" / "Label").read_bytes() == bad.encode("cp1252")
    ini = (tmp_path / "stage" / "ocsdat.ini").read_bytes()
    assert ini[:2] == b"\xff\xfe"
    assert ini[2:].decode("utf-16-le") == ocsdat_ini(hostile)
    assert ocsdat_ini(hostile).count("\n") == 5


# -- messages, limits and edges the console and the agent rely on ----------------------


def test_every_message_is_marked_for_the_agent_installer_context_and_translated() -> None:
    import ast
    import xml.etree.ElementTree as ET

    from ocs_desktop.packager import agent_windows

    ts = Path(__file__).parents[1] / "resources/translations/ocs_desktop_fr.ts"
    french = {
        message.findtext("source"): message.findtext("translation")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == "AgentInstaller"
        for message in context.iter("message")
    }
    tree = ast.parse(Path(agent_windows.__file__).read_text(encoding="utf-8"))
    marks = [
        node.args
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
    ]
    assert len(marks) == 22
    for context, text in marks:
        assert isinstance(context, ast.Constant) and context.value == "AgentInstaller"
        assert isinstance(text, ast.Constant) and french.get(text.value), text.value


def _message(spec: WindowsAgentSpec) -> str:
    with pytest.raises(InstallerError) as caught:
        validate(spec)
    return str(caught.value)


def test_messages_name_the_field_and_the_file(spec: WindowsAgentSpec, tmp_path: Path) -> None:
    proxy = dataclasses.replace(spec, proxy_type=1, proxy_host="h", proxy_port=1)
    missing = tmp_path / "missing"
    assert _message(dataclasses.replace(spec, tag="a;b")) == (
        "The TAG value 'a;b' holds characters not allowed"
    )
    assert _message(dataclasses.replace(proxy, proxy_host="a;b")) == (
        "The proxy host value 'a;b' holds characters not allowed"
    )
    assert _message(dataclasses.replace(proxy, proxy_user="a;b")) == (
        "The proxy user value 'a;b' holds characters not allowed"
    )
    assert _message(dataclasses.replace(proxy, proxy_password="a;b")) == (
        "The proxy password value ******** holds characters not allowed"
    )
    assert _message(dataclasses.replace(spec, setup=missing)) == (
        f"The agent setup {missing} is not a file"
    )
    assert _message(dataclasses.replace(spec, cacert=missing)) == (
        f"The certificate {missing} is not a file"
    )
    assert _message(dataclasses.replace(spec, plugins=(missing,))) == (
        f"The plugin {missing} is not a file"
    )


def test_an_unreadable_certificate_is_said_so(tmp_path: Path) -> None:
    from ocs_desktop.packager.agent_windows import check_cacert

    with pytest.raises(InstallerError) as caught:
        check_cacert(tmp_path / "none.pem")
    assert caught.value.code == "cacert-unreadable"
    assert caught.value.params["reason"] == "No such file or directory"


def test_field_lengths_are_exact(spec: WindowsAgentSpec) -> None:
    proxy = dataclasses.replace(spec, proxy_type=1, proxy_host="h", proxy_port=1)
    host = ".".join(["a" * 63] * 3) + "." + "a" * 61
    assert len(host) == 253
    validate(dataclasses.replace(proxy, proxy_host=host))
    assert _code(dataclasses.replace(proxy, proxy_host=host + "a")) == "value-invalid"
    validate(dataclasses.replace(proxy, proxy_user="u" * 128, proxy_password="p" * 128))
    assert _code(dataclasses.replace(proxy, proxy_user="u" * 129)) == "value-invalid"
    assert _code(dataclasses.replace(proxy, proxy_password="p" * 129)) == "value-invalid"
    check_option("/LOCAL=" + "x" * 893)  # 900 characters: left to the whole line's limit
    assert MAX_CMDLINE == 900  # NSIS strings hold 1024 characters; room for /D=<install>


@pytest.mark.parametrize(
    "name",
    ["S", "SERVER", "SSL", "CA", "TAG", "NOTAG", "NOW", "NOSPLASH", "DEBUG", "D",
     "PROXY_TYPE", "PROXY", "PROXY_PORT", "PROXY_USER", "PROXY_PWD"],
)  # fmt: skip
def test_each_managed_option_is_refused_as_an_extra(name: str) -> None:
    for option in (f"/{name}", f"/{name.lower()}=1"):
        with pytest.raises(InstallerError) as caught:
            check_option(option)
        assert caught.value.code == "option-managed"


def test_a_minimal_spec_embeds_only_what_it_says(tmp_path: Path) -> None:
    from ocs_desktop.packager.agent_windows import PACKAGE_NAME, SIDECAR_NAME

    minimal = WindowsAgentSpec(
        setup=_pe(tmp_path / "setup.exe"), server="http://ocs/ocsinventory", output_dir=tmp_path,
        ssl=False,
    )  # fmt: skip
    validate(minimal)
    assert embedded_options(minimal) == ["/S", "/SERVER=http://ocs/ocsinventory", "/SSL=0"]
    stage(minimal, tmp_path / "stage")
    assert list((tmp_path / "stage" / "OcsData").iterdir()) == []
    assert (PACKAGE_NAME, SIDECAR_NAME) == ("ocspackage.exe", "ocspackage.json")
    with pytest.raises(dataclasses.FrozenInstanceError):
        minimal.server = "http://other/"  # type: ignore[misc]
    assert "pw" not in repr(dataclasses.replace(minimal, proxy_password="pw-secret"))


def test_the_mz_header_and_the_pe_offset_are_both_required(tmp_path: Path) -> None:
    from ocs_desktop.packager.agent_windows import check_setup

    no_mz = _pe(tmp_path / "zm.exe")
    no_mz.write_bytes(b"ZM" + no_mz.read_bytes()[2:])
    low = bytearray(b"MZ\0\0PE\0\0" + b"\0" * 56)
    struct.pack_into("<I", low, 0x3C, 4)  # PE\0\0 is at 4, inside the DOS header
    (tmp_path / "low.exe").write_bytes(bytes(low))
    for path in (no_mz, tmp_path / "low.exe"):
        with pytest.raises(InstallerError) as caught:
            check_setup(path)
        assert caught.value.code == "setup-not-pe"


def test_a_refusal_is_logged(spec: WindowsAgentSpec, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(InstallerError):
        validate(dataclasses.replace(spec, debug=5))
    assert "ocspackage refused: The debug level must be 0, 1 or 2" in caplog.text
