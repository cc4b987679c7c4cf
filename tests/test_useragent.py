"""Which agents the server answers at PROLOG: real User-Agent strings, versions compared as
tuples, and the administrator's policy file (``serve --useragents``).

The accepted strings are those real agents send: OCS Windows agents 2.x
(``OCS-NG_WINDOWS_AGENT_v2.11.0.1`` as in the Windows agent's HTTP code, 2.1.0.3, 2.3.1.1 and
2.3.1.2 as found in real ``hardware.USERAGENT`` dumps), the old ``OCS-NG_windows_client``
builds (4032 in a real dump), the unified Unix agent on Linux and macOS (2.8.1 and 2.9.0 as
quoted in agent bug reports), the Android agent (``_v1.0`` hard-coded in its 1.x sources),
FusionInventory (``FusionInventory-Agent_v$VERSION`` with versions such as ``2.1beta1`` and a
Fedora build's ``2.5.2-1.fc31``). Windows Mobile and iOS use the names of the reference's
own list.
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ocs_desktop.cli.main import main
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.server.useragent import (
    BUILTIN_RULES,
    PolicyError,
    UserAgentPolicy,
    load_policy,
    parse_rule,
    parse_version,
    sanitize,
    split_agent,
)
from tests.support.live_server import live_server
from tests.support.server_helpers import client_for, post, prolog_xml, reply_root

ACCEPTED = [
    # OCS Windows agent 2.x: the fleet the reference's decimal comparison turned away
    "OCS-NG_WINDOWS_AGENT_v2.1.0.3",
    "OCS-NG_WINDOWS_AGENT_v2.3.0.0",
    "OCS-NG_WINDOWS_AGENT_v2.3.1.1",
    "OCS-NG_WINDOWS_AGENT_v2.3.1.2",
    "OCS-NG_WINDOWS_AGENT_v2.4.0.0",
    "OCS-NG_WINDOWS_AGENT_v2.6.0.0",
    "OCS-NG_WINDOWS_AGENT_v2.8.0.1",
    "OCS-NG_WINDOWS_AGENT_v2.9.0.0",
    "OCS-NG_WINDOWS_AGENT_v2.9.2.0",
    "OCS-NG_WINDOWS_AGENT_v2.10.0.0",
    "OCS-NG_WINDOWS_AGENT_v2.10.1.0",
    "OCS-NG_WINDOWS_AGENT_v2.11.0.1",
    # the old Windows client, builds 4032 to 4062 as the reference allows
    "OCS-NG_windows_client_v4032",
    "OCS-NG_windows_client_v4061",
    "OCS-NG_windows_client_v4062",
    # the unified Unix agent: Linux, BSD, Solaris, AIX, and macOS
    "OCS-NG_unified_unix_agent_v1.1.2",
    "OCS-NG_unified_unix_agent_v2.2.0",
    "OCS-NG_unified_unix_agent_v2.4.2",
    "OCS-NG_unified_unix_agent_v2.6.0",
    "OCS-NG_unified_unix_agent_v2.8.1",
    "OCS-NG_unified_unix_agent_v2.9.0",
    "OCS-NG_unified_unix_agent_v2.10.0",
    "OCS-NG_unified_unix_agent_v2.10.2",
    # mobile agents
    "OCS-NG_Android_agent_v1.0",
    "OCS-NG_Android_agent_v2.1",
    "OCS-NG_Android_agent_v2.7",
    "OCS-NG_iOS_agent_v1.0",
    "OCS-NG_iOS_agent_v2.0",
    "OCS-NG_windows_mobile_agent_v1.0",
    "OCS-NG_windows_mobile_agent_v2.0.1",
    # FusionInventory-Agent 2.x, OCS-format inventories
    "FusionInventory-Agent_v2.1beta1",
    "FusionInventory-Agent_v2.3.21",
    "FusionInventory-Agent_v2.5.2",
    "FusionInventory-Agent_v2.5.2-1.fc31",
    "FusionInventory-Agent_v2.6",
]

REFUSED = [
    "",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.31.0",
    "Invalid_agent",
    "garbage",
    "_v2.9.2.0",
    "OCS-NG_WINDOWS_AGENT",
    "OCS-NG_WINDOWS_AGENT_v",
    "OCS-NG_WINDOWS_AGENT_vlatest",
    "OCS-NG_WINDOWS_AGENT_v.2.9",
    "OCS-NG_WINDOWS_AGENT_v2.9.",
    "OCS-NG_WINDOWS_AGENT_v1.9.9.9",
    "OCS-NG_WINDOWS_AGENT_v3.0.0.0",
    "ocs-ng_windows_agent_v2.9.2.0",
    "XOCS-NG_WINDOWS_AGENT_v2.9.2.0",
    "OCS-NG_unified_unix_agent_v0.9",
    "OCS-NG_unified_unix_agent_v3.0",
    "OCS-NG_unified_unix_agent_v99999999999",
    "OCS-NG_unified_unix_agent_v2.12.0.9999999999",
    "OCS-NG_windows_client_v4000",
    "OCS-NG_windows_client_v4031",
    "OCS-NG_windows_client_v4063",
    "OCS-NG_Android_agent_v3.0",
    "OCS-NG_iOS_agent_v0.5",
    "OCS-NG_windows_mobile_agent_v3",
    "FusionInventory-Agent_v1.5",
    "FusionInventory-Agent_v3.0",
    "GLPI-Agent_v1.7",
]


# -- the built-in rules, unit by unit --------------------------------------------------------
@pytest.mark.parametrize("ua", ACCEPTED)
def test_real_agents_are_accepted(ua: str) -> None:
    verdict = UserAgentPolicy().check(ua)
    assert verdict.accepted, verdict.reason
    assert verdict.reason.startswith("allowed by built-in policy line ")


@pytest.mark.parametrize("ua", REFUSED)
def test_everything_else_is_refused(ua: str) -> None:
    assert not UserAgentPolicy().accepts(ua)


def test_the_fleet_the_reference_turned_away() -> None:
    """2.9 and 2.12 compared as decimals put 2.9 after 2.12; as versions it comes before."""
    assert parse_version("2.9.2.0") < parse_version("2.12")  # type: ignore[operator]
    assert UserAgentPolicy().check("OCS-NG_WINDOWS_AGENT_v2.9.2.0") == (
        True,
        "allowed by built-in policy line 2: 'allow OCS-NG_WINDOWS_AGENT >=2 <3'",
    )


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("2.9.2.0", (2, 9, 2)),
        ("2.12", (2, 12)),
        ("2.10.0", (2, 10)),
        ("2.0.0", (2,)),
        ("2.0.5", (2, 0, 5)),
        ("0", (0,)),
        ("4061", (4061,)),
        ("2.1beta1", (2, 1)),
        ("2.5.2-1.fc31", (2, 5, 2)),
        ("2.10.0~rc1", (2, 10)),
        ("2.4.0+git", (2, 4)),
        ("2.6.x", (2, 6)),
        ("999999999", (999999999,)),
        ("1000000000", None),
        ("2.9.", None),
        (".2", None),
        ("v2", None),
        ("", None),
        ("2..9", None),
        ("2.9 ", None),
    ],
)
def test_versions_are_tuples_of_numbers(text: str, version: tuple[int, ...] | None) -> None:
    assert parse_version(text) == version


@pytest.mark.parametrize(
    ("ua", "parts"),
    [
        ("OCS-NG_WINDOWS_AGENT_v2.9.2.0", ("OCS-NG_WINDOWS_AGENT", "2.9.2.0")),
        ("My_vendor_agent_v1", ("My_vendor_agent", "1")),  # the last "_v", as the reference
        ("OCS_v", ("OCS", "")),
        ("_v2", None),
        ("OCS-NG_WINDOWS_AGENT", None),
        ("", None),
    ],
)
def test_split_agent(ua: str, parts: tuple[str, str] | None) -> None:
    assert split_agent(ua) == parts


@pytest.mark.parametrize(
    ("header", "sanitized"),
    [(None, ""), ("", ""), ("OCS-NG_WINDOWS_AGENT_v2.9.2.0", "OCS-NG_WINDOWS_AGENT_v2.9.2.0")]
    + [(f"OCS-NG_WINDOWS_AGENT_v2.9{c}", "Invalid_agent") for c in "<>\"';"],
)
def test_sanitize_like_the_reference(header: str | None, sanitized: str) -> None:
    assert sanitize(header) == sanitized


def test_a_refusal_says_why() -> None:
    policy = UserAgentPolicy()
    assert policy.check("curl/8.5.0") == (
        False,
        "not an agent any rule allows (see serve --useragents)",
    )
    assert policy.check("OCS-NG_windows_client_v4000") == (
        False,
        "version '4000' is not one the rules allow "
        "(built-in policy line 3: 'allow OCS-NG_windows_client >=4032 <=4062')",
    )


def test_the_builtin_rules_are_the_documented_ones() -> None:
    assert [rule.text for rule in BUILTIN_RULES] == [
        "allow OCS-NG_unified_unix_agent >=1 <3",
        "allow OCS-NG_WINDOWS_AGENT >=2 <3",
        "allow OCS-NG_windows_client >=4032 <=4062",
        "allow OCS-NG_windows_mobile_agent >=1 <3",
        "allow OCS-NG_iOS_agent >=1 <3",
        "allow OCS-NG_Android_agent >=1 <3",
        "allow FusionInventory-Agent >=2 <3",
    ]


# -- the administrator's policy --------------------------------------------------------------
POLICY = """\
# Narrow: no Windows agent before 2.9, no FusionInventory.
deny  OCS-NG_WINDOWS_AGENT <2.9
deny FusionInventory-Agent

# Widen: GLPI agents 1.x, an in-house agent, and one OCS 3 test build.
allow\tGLPI-Agent   >=1 <2
allow-regex ^Inventaire-Maison/[0-9]
allow OCS-NG_unified_unix_agent ==3.0.1
deny-regex beta
allow * >5000 <=5001
"""


UNIX_RULES = (
    "(P line 8: 'allow OCS-NG_unified_unix_agent ==3.0.1'; "
    "built-in policy line 1: 'allow OCS-NG_unified_unix_agent >=1 <3')"
)


@pytest.mark.parametrize(
    ("ua", "accepted", "reason"),
    [
        ("OCS-NG_WINDOWS_AGENT_v2.8.0.1", False,
         "denied by P line 2: 'deny  OCS-NG_WINDOWS_AGENT <2.9'"),
        ("OCS-NG_WINDOWS_AGENT_v2.9.0.0", True, "allowed by built-in policy line 2"),
        ("FusionInventory-Agent_v2.6", False, "denied by P line 3: 'deny FusionInventory-Agent'"),
        ("FusionInventory-Agent_vwhatever", False, "denied by P line 3"),
        ("GLPI-Agent_v1.7", True, "allowed by P line 6: 'allow\\tGLPI-Agent   >=1 <2'"),
        ("GLPI-Agent_v2.0", False, "version '2.0' is not one the rules allow (P line 6:"),
        ("GLPI-Agent_v0.9", False, "version '0.9' is not one the rules allow (P line 6:"),
        ("Inventaire-Maison/4.2", True,
         "allowed by P line 7: 'allow-regex ^Inventaire-Maison/[0-9]'"),
        ("Inventaire-Maison/beta", False, "denied by P line 9: 'deny-regex beta'"),
        ("OCS-NG_unified_unix_agent_v3.0.1", True, "allowed by P line 8"),
        ("OCS-NG_unified_unix_agent_v3.0.1.0", True, "allowed by P line 8"),
        ("OCS-NG_unified_unix_agent_v3.0.2", False,
         f"version '3.0.2' is not one the rules allow {UNIX_RULES}"),
        ("OCS-NG_unified_unix_agent_v2.10.0", True, "allowed by built-in policy line 1"),
        ("OCS-NG_windows_client_v4061beta", False, "denied by P line 9"),
        ("Anything_v5001", True, "allowed by P line 10: 'allow * >5000 <=5001'"),
        ("Anything_v5000", False, "not an agent any rule allows"),
        ("Anything_v5002", False, "not an agent any rule allows"),
        ("Anything_vbeta", False, "denied by P line 9"),
        ("Anything", False, "not an agent any rule allows"),
    ],
)  # fmt: skip
def test_a_policy_narrows_and_widens(ua: str, accepted: bool, reason: str) -> None:
    policy = UserAgentPolicy([parse_rule(line, f"P line {n}") for n, line in _rules(POLICY)])
    verdict = policy.check(ua)
    assert (verdict.accepted, verdict.reason[: len(reason)]) == (accepted, reason)


def _rules(text: str) -> list[tuple[int, str]]:
    lines = enumerate(text.splitlines(), 1)
    return [(n, line.strip()) for n, line in lines if line.strip() and line[0] != "#"]


def test_deny_everything_else() -> None:
    policy = UserAgentPolicy(
        [parse_rule("allow OCS-NG_WINDOWS_AGENT >=2.11", "P"), parse_rule("deny *", "Q")]
    )
    assert policy.accepts("OCS-NG_WINDOWS_AGENT_v2.11.0.1")
    assert policy.check("OCS-NG_WINDOWS_AGENT_v2.10.0.0") == (False, "denied by Q: 'deny *'")
    assert policy.check("OCS-NG_unified_unix_agent_v2.10.0") == (False, "denied by Q: 'deny *'")
    assert policy.check("") == (False, "denied by Q: 'deny *'")


def test_every_bound_operator() -> None:
    def allowed(bound: str, version: str) -> bool:
        return UserAgentPolicy([parse_rule(f"allow A {bound}", "P")]).accepts(f"A_v{version}")

    assert [allowed(">=2.9", v) for v in ("2.8.9", "2.9", "2.9.0.1")] == [False, True, True]
    assert [allowed(">2.9", v) for v in ("2.9.0", "2.9.0.1", "2.10")] == [False, True, True]
    assert [allowed("<=2.9", v) for v in ("2.8", "2.9.0", "2.9.1")] == [True, True, False]
    assert [allowed("<2.9", v) for v in ("2.8.99", "2.9", "3")] == [True, False, False]
    assert [allowed("==2.9", v) for v in ("2.9.0.0", "2.9.1", "2.8")] == [True, False, False]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("permit OCS", "P: 'permit' is not a rule; a rule starts with allow, deny, allow-regex"),
        ("allow", "P: allow needs an agent name (the part before _v) or *"),
        ("deny   ", "P: deny needs an agent name"),
        ("allow OCS 2.9", "P: '2.9' is not a version bound such as >=2.9, <3 or ==2.11.0.1"),
        ("allow OCS >=2.x", "P: '>=2.x' is not a version bound"),
        ("allow OCS => 2", "P: '=>' is not a version bound"),
        ("allow-regex", "P: a regex rule needs a regular expression"),
        ("deny-regex (unclosed", "P: '(unclosed' is not a valid regular expression (missing )"),
    ],
)
def test_a_bad_rule_says_where_and_why(line: str, message: str) -> None:
    with pytest.raises(PolicyError) as info:
        parse_rule(line, "P")
    assert str(info.value).startswith(message)


def test_a_comment_may_follow_a_name_rule_but_not_a_regex() -> None:
    rule = parse_rule("allow Linux-agent >=2 # the new one, see #12", "P")
    assert (rule.name, len(rule.bounds), rule.text) == (
        "Linux-agent",
        1,
        "allow Linux-agent >=2 # the new one, see #12",
    )
    assert parse_rule("deny * #", "P").name is None
    regex = parse_rule("allow-regex ^Agent#[0-9] # not a comment", "P")
    assert regex.pattern is not None
    assert regex.pattern.pattern == "^Agent#[0-9] # not a comment"


def test_load_policy_reads_the_files_in_order(tmp_path: Path) -> None:
    policy_file = tmp_path / "useragents.policy"
    policy_file.write_text("# only a test\n\n  deny OCS-NG_Android_agent\n", encoding="utf-8")
    extra = tmp_path / "extra"
    extra.write_text("# comment\n\n^MyAgent\nAndroid\n", encoding="utf-8")
    policy = load_policy(str(policy_file), str(extra))
    assert policy.check("OCS-NG_Android_agent_v2.7") == (
        False,
        f"denied by {policy_file} line 3: 'deny OCS-NG_Android_agent'",
    )
    assert policy.check("MyAgent 1.0") == (
        True,
        f"allowed by {extra} line 3 (--extra-useragents): '^MyAgent'",
    )
    assert policy.accepts("OCS-NG_WINDOWS_AGENT_v2.9.2.0")  # the built-ins still follow
    assert load_policy(None, str(extra)).accepts("OCS-NG_Android_agent_v2.7")
    assert len(load_policy().rules) == len(BUILTIN_RULES)


def test_load_policy_refuses_what_it_cannot_use(tmp_path: Path) -> None:
    bad = tmp_path / "bad.policy"
    bad.write_text("allow OCS-NG_WINDOWS_AGENT >=2\nallow broken 2\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=rf"^{bad} line 2: '2' is not a version bound"):
        load_policy(str(bad))
    extra = tmp_path / "extra"
    extra.write_text("fine\n[\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=r"line 2 \(--extra-useragents\): '\[' is not a valid"):
        load_policy(None, str(extra))
    missing = tmp_path / "missing"
    with pytest.raises(PolicyError, match=rf"^cannot read the User-Agent policy {missing}: "):
        load_policy(str(missing))
    latin1 = tmp_path / "latin1"
    latin1.write_bytes(b"allow Agent\xe9\n")
    with pytest.raises(PolicyError, match=rf"^cannot read the extra User-Agents file {latin1}:"):
        load_policy(None, str(latin1))


# -- through the server's PROLOG -------------------------------------------------------------
def test_prolog_answers_every_real_agent_and_refuses_the_rest(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    statuses = {}
    with client_for(engine) as client:
        for ua in ACCEPTED:
            statuses[ua] = reply_root(post(client, prolog_xml(), ua=ua)).findtext("RESPONSE")
        for ua in REFUSED:
            response = post(client, prolog_xml(), ua=ua)
            statuses[ua] = f"{response.status_code} {response.content!r}"
    assert statuses == {**dict.fromkeys(ACCEPTED, "SEND"), **dict.fromkeys(REFUSED, "400 b''")}
    refusals = [r.getMessage() for r in caplog.records if "useragent.refused" in r.getMessage()]
    assert len(refusals) == len(REFUSED)
    assert (
        "refused User-Agent 'OCS-NG_WINDOWS_AGENT_v3.0.0.0' at PROLOG: version '3.0.0.0' is not "
        "one the rules allow (built-in policy line 2: 'allow OCS-NG_WINDOWS_AGENT >=2 <3') "
        "(useragent.refused)"
    ) in refusals


def test_prolog_follows_the_servers_policy_file(engine: Engine, tmp_path: Path) -> None:
    policy = tmp_path / "useragents.policy"
    policy.write_text("deny OCS-NG_WINDOWS_AGENT <2.9\nallow GLPI-Agent >=1 <2\n")
    with client_for(engine, useragents_file=str(policy)) as client:
        codes = {
            ua: post(client, prolog_xml(), ua=ua).status_code
            for ua in (
                "OCS-NG_WINDOWS_AGENT_v2.8.0.1",
                "OCS-NG_WINDOWS_AGENT_v2.9.2.0",
                "GLPI-Agent_v1.7",
                "GLPI-Agent_v2.0",
            )
        }
    assert codes == {
        "OCS-NG_WINDOWS_AGENT_v2.8.0.1": 400,
        "OCS-NG_WINDOWS_AGENT_v2.9.2.0": 200,
        "GLPI-Agent_v1.7": 200,
        "GLPI-Agent_v2.0": 400,
    }


# -- from the command line -------------------------------------------------------------------
def test_serve_refuses_a_bad_policy_before_starting(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    policy = tmp_path / "useragents.policy"
    policy.write_text("allow OCS-NG_WINDOWS_AGENT >=2\nalow GLPI-Agent\n")
    assert main(["serve", "--db", str(db), "--useragents", str(policy)]) == 2
    assert f"{policy} line 2: 'alow' is not a rule" in capsys.readouterr().err
    extra = tmp_path / "extra"
    extra.write_text("(\n")
    assert main(["serve", "--db", str(db), "--extra-useragents", str(extra)]) == 2
    assert f"{extra} line 1 (--extra-useragents): '(' is not a valid" in capsys.readouterr().err
    assert main(["serve", "--db", str(db), "--useragents", str(tmp_path / "none")]) == 2
    assert "cannot read the User-Agent policy" in capsys.readouterr().err


def test_a_live_server_obeys_its_policy_and_logs_why(tmp_path: Path) -> None:
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    engine.dispose()
    policy = tmp_path / "useragents.policy"
    policy.write_text("# no FusionInventory here\ndeny FusionInventory-Agent\n")
    extra = tmp_path / "extra-useragents"
    extra.write_text("^Inventaire-Maison/\n")
    args = ["--useragents", str(policy), "--extra-useragents", str(extra)]
    with live_server(str(db), tmp_path, args) as server:
        codes = {ua: _post_prolog(server.url, ua) for ua in (
            "OCS-NG_WINDOWS_AGENT_v2.9.2.0", "FusionInventory-Agent_v2.6",
            "Inventaire-Maison/1.0", "OCS-NG_unified_unix_agent_v3.0",
        )}  # fmt: skip
        log = server.log_text()
    assert codes == {
        "OCS-NG_WINDOWS_AGENT_v2.9.2.0": 200,
        "FusionInventory-Agent_v2.6": 400,
        "Inventaire-Maison/1.0": 200,
        "OCS-NG_unified_unix_agent_v3.0": 400,
    }
    assert (
        f"refused User-Agent 'FusionInventory-Agent_v2.6' at PROLOG: denied by {policy} line 2: "
        "'deny FusionInventory-Agent' (useragent.refused)"
    ) in log
    assert "refused User-Agent 'OCS-NG_unified_unix_agent_v3.0' at PROLOG: version '3.0'" in log


def _post_prolog(base: str, ua: str) -> int:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        f"{base}/ocsinventory",
        data=zlib.compress(prolog_xml()),
        headers={"User-Agent": ua, "Content-Type": "application/x-compress"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_the_log_names_the_reason_at_warning_level(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING), client_for(engine) as client:
        post(client, prolog_xml(), ua="curl/8.5.0")
    [record] = [r for r in caplog.records if "useragent.refused" in r.getMessage()]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == (
        "refused User-Agent 'curl/8.5.0' at PROLOG: not an agent any rule allows "
        "(see serve --useragents) (useragent.refused)"
    )
