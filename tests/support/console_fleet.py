"""A small fleet made from the real agent samples, for the console's tests.

The real first inventory and its update (the same machine), plus machines derived
from the sample by ``bench.fleet``: distinct names, serials and MACs, a share of
software versions that differ, three operating systems, three TAGs and inventory
dates spread over months so the dashboard buckets are all populated. Everything
goes through the real :class:`Ingestor`, so the rows are what agents would leave.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

from bench.fleet import Fleet
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE_FIRST = DATA / "ocsinventory-agent-sent-inventory-first.xml"
SAMPLE_UPDATE = DATA / "ocsinventory-agent-sent-inventory-update.xml"

OS_NAMES = ("Debian GNU/Linux 12", "Microsoft Windows 11 Pro", "Ubuntu 24.04 LTS")
TAGS = ("PARIS", "LYON", "NA")
# User agents as the real agents send them, so the dashboard's agent chart has bars.
UNIX_AGENT = "OCS-NG_unified_unix_agent_v2.10.0"
UNIX_AGENTS = (UNIX_AGENT, "OCS-NG_unified_unix_agent_v2.9.2")
WINDOWS_AGENT = "OCS-NG_WINDOWS_AGENT_v2.10.1.0"
# Days since the last inventory, cycled over the derived machines.
AGES = (0, 3, 12, 45, 200)


@dataclass(frozen=True)
class FleetFacts:
    """What the fixture put in, so tests compare with facts, not hard-coded numbers."""

    sample_id: int
    ids_by_name: dict[str, int]
    os_by_name: dict[str, str]
    tag_by_name: dict[str, str]
    age_by_name: dict[str, int]


def fill_fleet(engine: Engine, derived: int = 9) -> FleetFacts:
    """Ingest the real sample (first, then update) and ``derived`` machines made from it."""
    ingestor = Ingestor(engine)
    first = ingestor.ingest(
        parse_inventory(SAMPLE_FIRST.read_bytes()), remote_addr="192.0.2.2", useragent=UNIX_AGENT
    )
    ingestor.ingest(
        parse_inventory(SAMPLE_UPDATE.read_bytes()), remote_addr="192.0.2.2", useragent=UNIX_AGENT
    )
    ids = {"vm": first.hardware_id}
    os_by_name = {"vm": OS_NAMES[0]}
    tag_by_name: dict[str, str] = {"vm": "NA"}
    age_by_name = {"vm": 0}
    fleet = Fleet(software_share=0.1)
    small = Fleet(software_share=0.1, software_limit=150)
    for index in range(derived):
        source = fleet if index % 3 == 0 else small
        machine = source.machine(index, run="pc")
        os_name = OS_NAMES[index % len(OS_NAMES)]
        tag = TAGS[index % len(TAGS)]
        body = machine.body.decode()
        body = body.replace("<OSNAME>Debian GNU/Linux 12</OSNAME>", f"<OSNAME>{os_name}</OSNAME>")
        body = body.replace(
            "</CONTENT>",
            f"<ACCOUNTINFO><KEYNAME>TAG</KEYNAME><KEYVALUE>{tag}</KEYVALUE></ACCOUNTINFO></CONTENT>",
        )
        agent = WINDOWS_AGENT if "Windows" in os_name else UNIX_AGENTS[index % len(UNIX_AGENTS)]
        result = ingestor.ingest(
            parse_inventory(body.encode()), remote_addr="192.0.2.50", useragent=agent
        )
        ids[machine.name] = result.hardware_id
        os_by_name[machine.name] = os_name
        tag_by_name[machine.name] = tag
        age_by_name[machine.name] = AGES[index % len(AGES)]
    ingestor.fold_summary()  # as the server does every so often
    now = dt.datetime.now().replace(microsecond=0)
    with engine.begin() as conn:
        for name, age in age_by_name.items():
            when = now - dt.timedelta(days=age, hours=1 if age else 0)
            conn.execute(
                text("UPDATE hardware SET LASTDATE = :when, LASTCOME = :when WHERE ID = :id"),
                {"when": when, "id": ids[name]},
            )
    return FleetFacts(first.hardware_id, ids, os_by_name, tag_by_name, age_by_name)
