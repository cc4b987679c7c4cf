"""Where a new machine's CPU goes, stage by stage, against the bare library calls under it.

    python bench/ingest_stages.py --machines 100 [--mysql-url mysql+pymysql://root@127.0.0.1:3306]

Issue 16 aims a new machine's server + MariaDB CPU at twice MariaDB's floor. server_bench
says how far off the whole is; this bench says where the rest goes, in process, with no
HTTP: each stage of reading and storing a new fleet machine (bench/fleet.py), measured as
CPU per machine (this process, then MariaDB by PID), beside the least the libraries it
calls spend on the same work, measured live in the same run:

    inflate           decode_body                  zlib.decompress
    parse             parse_xml (+ checks)         lxml's parse, same parser options
    envelope          request + sections split     -
    software keys     Sections.element_keys        tostring of each element
    software values   Sections.element_values      each child's tag and text read
    store (client)    Ingestor.ingest              -
    store (MariaDB)   MariaDB CPU during ingest     bench/floor.py (software rows copied)

"Ours" includes the library call beneath it; the software keys and values are read inside
the store. The store leaves out the software summary's fold, which the server runs in the
background, a batch at a time. The last line adds the floors up: what a server built on
CPython, lxml and MariaDB would spend at the very least, with nothing of ours in between
(no HTTP, no INSERT text, no other section). Each stage before the store is the least of
``--rounds`` rounds over all machines, ours and bare measured side by side in each round;
the store and the floor are medians (MariaDB is shared, and its work is not the same
from one batch to the next).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cpu
import floor
from fleet import Fleet
from server_bench import fresh_mariadb

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.inventory.software_writer import SoftwareWriter
from ocs_desktop.protocol.document import inventory_from_request, parse_inventory
from ocs_desktop.protocol.payload import decode_body
from ocs_desktop.protocol.request import request_from_root
from ocs_desktop.protocol.xmlparse import parse_xml

SOFTWARE = "SOFTWARES"
#: The options ``xmlparse`` parses agent documents with, for the bare parse.
BARE_PARSER = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "encoding": "utf-8",
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "remove_blank_text": True,
}


def per_item(items: list, work: Callable[[object], object]) -> float:
    """CPU seconds ``work`` takes per item, over all items."""
    started = time.process_time()
    for item in items:
        work(item)
    return (time.process_time() - started) / len(items)


def read_children(elements: list) -> None:
    """The least a reader does: each child's tag and text, kept nowhere."""
    for element in elements:
        for child in element:
            tag, text = child.tag, child.text  # noqa: F841 - read, on purpose, and dropped


def read_stages(bodies: list[bytes], fields: tuple[str, ...], rounds: int) -> list[tuple]:
    """(stage, ours, bare library floor or None) for the stages before the database."""
    xmls = [decode_body(body).xml for body in bodies]
    bare_parser = etree.XMLParser(**BARE_PARSER)
    compression = decode_body(bodies[0]).compression

    def elements(xml: bytes) -> list:
        return parse_xml(xml).findall(f"CONTENT/{SOFTWARE}")

    def keys(documents: list[bytes]) -> float:
        inventories = [parse_inventory(x) for x in documents]  # fresh: Sections caches keys
        return per_item(inventories, lambda inv: inv.sections.element_keys(SOFTWARE))

    def bare_keys(documents: list[bytes]) -> float:
        lists = [elements(x) for x in documents]
        tostring = etree.tostring
        return per_item(lists, lambda els: [tostring(e, with_tail=False) for e in els])

    def values(documents: list[bytes]) -> float:
        inventories = [parse_inventory(x) for x in documents]
        return per_item(inventories, lambda inv: inv.sections.element_values(SOFTWARE, fields))

    def bare_values(documents: list[bytes]) -> float:
        lists = [elements(x) for x in documents]
        return per_item(lists, read_children)

    def split(documents: list[bytes]) -> float:
        roots = [parse_xml(x) for x in documents]
        return per_item(
            roots, lambda root: inventory_from_request(request_from_root(root, compression))
        )

    pairs: list[tuple[str, Callable[[], float], Callable[[], float] | None]] = [
        ("inflate", lambda: per_item(bodies, decode_body),
         lambda: per_item(bodies, zlib.decompress)),
        ("parse", lambda: per_item(xmls, parse_xml),
         lambda: per_item(xmls, lambda x: etree.fromstring(x, bare_parser))),
        ("envelope", lambda: split(xmls), None),
        ("software keys", lambda: keys(xmls), lambda: bare_keys(xmls)),
        ("software values", lambda: values(xmls), lambda: bare_values(xmls)),
    ]  # fmt: skip
    # Ours and bare side by side in every round, so that a change in the machine's load
    # weighs on both, and each first every other round: the first after the previous
    # stage freed its documents pays for fresh pages (up to 3x on inflate).
    ours: dict[str, list[float]] = {name: [] for name, _, _ in pairs}
    bare: dict[str, list[float]] = {name: [] for name, _, _ in pairs}
    for round_ in range(rounds):
        for name, measure, measure_bare in pairs:
            if measure_bare is not None and round_ % 2:
                bare[name].append(measure_bare())
            ours[name].append(measure())
            if measure_bare is not None and not round_ % 2:
                bare[name].append(measure_bare())
    # The least of the rounds: the same work on the same documents, so anything above it
    # is the machine's doing (and the round where each went second is in there).
    return [
        (name, min(ours[name]), min(bare[name]) if bare[name] else None) for name, _, _ in pairs
    ]


def store_stage(
    url: str, ingestor: Ingestor, fleet: Fleet, machines: int, rounds: int
) -> tuple[float, float, float]:
    """(client CPU, MariaDB CPU, MariaDB floor) per new machine: ``rounds`` batches of new
    machines stored one by one, then the floor on the table they filled."""
    db_pid = cpu.mariadb_pid_at(url)
    if db_pid is None:
        sys.exit("MariaDB is not a local process here: its CPU cannot be read")
    warm = [parse_inventory(fleet.machine(i, run="warm").compressed()) for i in range(10)]
    for inventory in warm:
        ingestor.ingest(inventory)
    client, server = [], []
    for round_ in range(rounds):
        batch = [
            parse_inventory(m.compressed()) for m in fleet.machines(machines, run=f"r{round_}")
        ]
        db0, started = cpu.process_cpu(db_pid), time.process_time()
        for inventory in batch:
            ingestor.ingest(inventory)
        client.append((time.process_time() - started) / machines)
        server.append((cpu.process_cpu(db_pid) - db0) / machines)
    measured = floor.software_floor(ingestor.engine, lambda: cpu.process_cpu(db_pid))
    return statistics.median(client), statistics.median(server), measured.cpu_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=100, help="new machines a round")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--mysql-url", default="mysql+pymysql://root@127.0.0.1:3306")
    parser.add_argument("--db-prefix", default="ocs_bench", help="name prefix of the database")
    args = parser.parse_args()
    fleet = Fleet()
    bodies = [m.compressed() for m in fleet.machines(args.machines, run="read")]
    with fresh_mariadb(args.mysql_url, args.db_prefix) as url:
        engine = create_engine_for(url)
        ingestor = Ingestor(engine, fold_in_ingest=False)
        software = next(w for w in ingestor.writers if isinstance(w, SoftwareWriter))
        stages = read_stages(bodies, software.fields, args.rounds)
        client, server, db_floor = store_stage(url, ingestor, fleet, args.machines, args.rounds)
        engine.dispose()
    # Keys and values are read inside the store: listed beneath it, added up once.
    inflate, parse, envelope, keys, values = stages
    rows = [inflate, parse, envelope, ("store (client)", client, None), keys, values,
            ("store (MariaDB)", server, db_floor)]  # fmt: skip
    print(f"{args.machines} new machines a round, {fleet.software_count} software each, "
          f"{args.rounds} rounds; CPU ms per machine")  # fmt: skip
    print(f"{'stage':<20} {'ours':>7} {'bare':>7} {'ours/bare':>9}")
    for name, ours, bare in rows:
        ratio = f"{ours / bare:9.2f}" if bare else f"{'-':>9}"
        shown = f"{bare * 1000:7.2f}" if bare is not None else f"{'-':>7}"
        label = f"  of which {name[9:]}" if name.startswith("software") else name
        print(f"{label:<20} {ours * 1000:7.2f} {shown} {ratio}")
    ours_total = inflate[1] + parse[1] + envelope[1] + client + server
    bare_total = sum(bare for _, _, bare in rows if bare is not None)
    print(
        f"{'total':<20} {ours_total * 1000:7.2f} {bare_total * 1000:7.2f} "
        f"{ours_total / bare_total:9.2f}"
    )
    print(
        f"Issue 16's aim, twice MariaDB's floor: {2 * db_floor * 1000:.1f} ms of server + "
        f"MariaDB CPU. The bare library calls and the floor alone: {bare_total * 1000:.1f} ms."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
