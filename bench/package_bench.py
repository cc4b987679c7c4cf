"""Package build throughput and memory next to ``md5sum`` and ``split`` on the same file.

    python bench/package_bench.py                      # 1 GiB, 64 fragments, 5 rounds
    python bench/package_bench.py --size-mib 256 --rounds 5 --no-targz

Generates once, in a temporary folder, a 1 GiB zip holding incompressible (random) data,
then for each round times, one after the other on that same file: ``md5sum FILE``,
``split -n 64 FILE`` and our build of it as a ready-made archive in 64 fragments (check,
cut, digest, info file). Ours runs twice, both as whole processes timed exactly as the two
tools are (fork+exec to exit, one ``perf_counter`` around it, CPU and peak RSS from that
process's own ``wait4`` rusage):

- ``ocs-desktop package build --archive FILE`` (``python -m ocs_desktop``, on a SQLite
  database made once beforehand): what a user runs, interpreter start, imports and the
  ``download_available`` record included. Its ratio is the one that counts.
- a child that calls ``build_package(..., archive=FILE)`` (the library, no database); it
  also reports the build alone, timed inside the process after its imports: the
  in-process figure, shown as extra information only.

The file is read once beforehand so every contender reads from the page cache, ``sync``
runs between contenders, and their order rotates from round to round.
Ratio = (md5sum + split time) / our time: our throughput relative to the two tools'
combined throughput (target >= 0.8, on the whole-process command).

Then, unless ``--no-targz``, builds a Linux package from a folder holding the same amount
of random data (tar.gz at the default level 6, 64 fragments) and, for scale, times
``tar czf`` of that folder: deflate on incompressible data bounds both.

Other work on the machine skews wall times; the load average is printed, medians are
reported, and CPU seconds are shown beside each wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import NamedTuple

MIB = 1024 * 1024


def _child(mode: str, source: str, store: str, fragments: int) -> None:
    """Run one build in this (fresh) process and print its figures as JSON."""
    from ocs_desktop.packager.build import build_package
    from ocs_desktop.packager.spec import Action, PackageSpec, TargetOs

    baseline_kb = _rss_kb()
    spec = PackageSpec(
        "bench", TargetOs.LINUX, Action.STORE, path="/tmp/bench", fragments=fragments
    )
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "archive":
        built = build_package(spec, [], Path(store), archive=Path(source))
    else:
        built = build_package(spec, [Path(source)], Path(store))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "baseline_kb": baseline_kb,
                "digest": built.digest,
                "size": built.size,
                "fragments": built.fragment_count,
            }
        )
    )


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _generate(path: Path, size: int, *, as_zip: bool) -> None:
    """``size`` bytes of seeded random data, raw or as the only member of a stored zip."""
    rng = random.Random(20240501)
    if not as_zip:
        with path.open("wb") as out:
            for offset in range(0, size, MIB):
                out.write(rng.randbytes(min(MIB, size - offset)))
        return
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        info = zipfile.ZipInfo("payload.bin")
        info.file_size = size
        with archive.open(info, "w") as out:
            for offset in range(0, size, MIB):
                out.write(rng.randbytes(min(MIB, size - offset)))


class Run(NamedTuple):
    """One whole process: wall and CPU seconds, peak RSS (MB), what it printed."""

    wall: float
    cpu: float
    peak_mb: float
    stdout: str


def _timed(cmd: list[str], cwd: Path | None = None) -> Run:
    """Run ``cmd`` as one process, fork+exec to exit; every contender is timed by this.

    CPU and peak RSS are that process's own (``wait4``), not every child's so far.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=errors)
        assert child.stdout is not None
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.stdout.close()
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace"))
            raise subprocess.CalledProcessError(child.returncode, cmd)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, out.decode("utf-8", "replace"))


def _ours(mode: str, source: Path, store: Path, fragments: int) -> tuple[Run, dict[str, float]]:
    """The library build in a child: the whole process, and what it measured inside."""
    cmd = [sys.executable, __file__, "--child", mode, str(source), str(store), str(fragments)]
    run = _timed(cmd)
    shutil.rmtree(store, ignore_errors=True)
    inside: dict[str, float] = json.loads(run.stdout)
    return run, inside


def _cli(db: Path, archive: Path, store: Path, fragments: int) -> tuple[Run, str]:
    """``ocs-desktop package build --archive`` as a user runs it; its run and its digest."""
    cmd = [
        sys.executable, "-m", "ocs_desktop", "package", "build", "--db", str(db),
        "--name", "bench", "--os", "linux", "--action", "store", "--path", "/tmp/bench",
        "--fragments", str(fragments), "--store", str(store), "--archive", str(archive),
        "--quiet",
    ]  # fmt: skip
    run = _timed(cmd)
    fileid = run.stdout.split()[-1]
    info = (store / fileid / "info").read_text()
    shutil.rmtree(store, ignore_errors=True)
    found = re.search(r'DIGEST="([0-9a-fA-F]+)"', info)
    return run, found.group(1).lower() if found else ""


def _warm(path: Path) -> None:
    """Read ``path`` once so every contender reads it from the page cache."""
    subprocess.run(["cat", str(path)], check=True, stdout=subprocess.DEVNULL)


def _settle() -> None:
    os.sync()
    time.sleep(0.5)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--fragments", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="where to put the test files (default: /tmp)")
    parser.add_argument("--no-targz", action="store_true", help="skip the tar.gz-from-folder run")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, source, store, fragments = args.child
        _child(mode, source, store, int(fragments))
        return 0

    size = args.size_mib * MIB
    work = Path(tempfile.mkdtemp(prefix="package-bench-", dir=args.workdir))
    try:
        return _run(args, size, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, size: int, work: Path) -> int:
    print(f"load average at start: {_load()} ({os.cpu_count()} CPUs)")
    archive = work / "payload.zip"
    print(f"generating {args.size_mib} MiB of random data in {archive} ...", flush=True)
    _generate(archive, size, as_zip=True)
    file_mb = archive.stat().st_size / MIB
    db = work / "packages.sqlite"
    subprocess.run(
        [sys.executable, "-m", "ocs_desktop", "db", "init", str(db)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    _warm(archive)
    _settle()

    runs: dict[str, list[Run]] = {"md5sum": [], "split": [], "cli": [], "child": []}
    inside: list[dict[str, float]] = []
    digests: dict[str, str] = {}

    def md5sum() -> None:
        run = _timed(["md5sum", str(archive)])
        digests["md5sum"] = run.stdout.split()[0]
        runs["md5sum"].append(run)

    def split() -> None:
        split_dir = work / "split"
        split_dir.mkdir()
        runs["split"].append(_timed(["split", "-n", str(args.fragments), str(archive)], split_dir))
        shutil.rmtree(split_dir)

    def cli() -> None:
        run, digests["cli"] = _cli(db, archive, work / "store-cli", args.fragments)
        runs["cli"].append(run)

    def child() -> None:
        run, measured = _ours("archive", archive, work / "store", args.fragments)
        digests["child"] = str(measured["digest"])
        runs["child"].append(run)
        inside.append(measured)

    contenders = [md5sum, split, cli, child]
    for round_no in range(1, args.rounds + 1):
        # Each contender takes each place in turn: none always runs after a big delete.
        shift = (round_no - 1) % len(contenders)
        for contender in contenders[shift:] + contenders[:shift]:
            contender()
            _settle()
        for name in ("cli", "child"):
            if digests[name] != digests["md5sum"]:
                print(f"MISMATCH: {name} {digests[name]}, md5sum {digests['md5sum']}")
                return 1
        print(
            f"round {round_no}: md5sum {runs['md5sum'][-1].wall:.2f} s, "
            f"split {runs['split'][-1].wall:.2f} s, ocs-desktop package build "
            f"{runs['cli'][-1].wall:.2f} s, library child {runs['child'][-1].wall:.2f} s "
            f"(build alone {inside[-1]['wall']:.2f} s), load {_load()}",
            flush=True,
        )

    def med(name: str, field: str) -> float:
        return statistics.median(getattr(run, field) for run in runs[name])

    wall = {name: med(name, "wall") for name in runs}
    cpu = {name: med(name, "cpu") for name in runs}
    combined, combined_cpu = wall["md5sum"] + wall["split"], cpu["md5sum"] + cpu["split"]
    inside_wall = statistics.median(m["wall"] for m in inside)
    inside_cpu = statistics.median(m["cpu"] for m in inside)
    print()
    print(
        f"ready-made archive: {file_mb:.0f} MiB into {args.fragments} fragments, "
        f"median of {args.rounds} round(s)"
    )
    print("whole processes, fork+exec to exit, each timed the same way:")
    print(f"  {'':<34}{'wall s':>8}{'MiB/s':>9}{'CPU s':>8}{'peak MB':>9}")
    for label, name in (
        ("md5sum FILE", "md5sum"),
        (f"split -n {args.fragments} FILE", "split"),
        ("ocs-desktop package build", "cli"),
        ("build_package() in a child", "child"),
    ):
        peak = max(run.peak_mb for run in runs[name])
        print(
            f"  {label:<34}{wall[name]:>8.2f}{file_mb / wall[name]:>9.0f}"
            f"{cpu[name]:>8.2f}{peak:>9.0f}"
        )
    print(f"  {'md5sum + split':<34}{combined:>8.2f}{file_mb / combined:>9.0f}{combined_cpu:>8.2f}")
    ratio = combined / wall["cli"]
    print(
        f"  ratio (md5sum + split) / ocs-desktop package build, whole processes: "
        f"{ratio:.2f} (target >= 0.80); CPU ratio {combined_cpu / cpu['cli']:.2f}"
    )
    print(
        f"  ratio (md5sum + split) / build_package() child, whole process: "
        f"{combined / wall['child']:.2f}"
    )
    print("in-process, extra information only (the child's clock, after its imports):")
    print(
        f"  build alone {inside_wall:.2f} s, CPU {inside_cpu:.2f} s: ratio "
        f"{combined / inside_wall:.2f}; start-up and imports cost "
        f"{wall['child'] - inside_wall:.2f} s of the child's {wall['child']:.2f} s"
    )
    peaks = [run.peak_mb for run in runs["cli"]]
    baselines = [m["baseline_kb"] / 1024 for m in inside]
    print(
        f"  peak RSS: package build command {max(peaks):.0f} MB; library child "
        f"{max(m['peak_kb'] for m in inside) / 1024:.0f} MB ({min(baselines):.0f} MB after "
        "imports, before building); target < 100 MB"
    )

    if not args.no_targz:
        _targz(args, size, work)
    print(f"load average at end: {_load()}")
    return 0 if ratio >= 0.8 and max(peaks) < 100 else 2


def _targz(args: argparse.Namespace, size: int, work: Path) -> None:
    folder = work / "folder"
    folder.mkdir()
    _generate(folder / "payload.bin", size, as_zip=False)
    _warm(folder / "payload.bin")
    _settle()
    tar = _timed(["tar", "czf", str(work / "ref.tar.gz"), "-C", str(work), "folder"])
    (work / "ref.tar.gz").unlink()
    _settle()
    run, inside = _ours("folder", folder, work / "store", args.fragments)
    source_mb = size / MIB
    print()
    print(
        f"tar.gz from a folder ({source_mb:.0f} MiB of random data, level 6, "
        f"{args.fragments} fragments), one round, whole processes"
    )
    print(
        f"  tar czf FOLDER          {tar.wall:>8.2f} s {source_mb / tar.wall:>6.0f} MiB/s "
        f"CPU {tar.cpu:.2f} s"
    )
    print(
        f"  build_package() child   {run.wall:>8.2f} s "
        f"{source_mb / run.wall:>6.0f} MiB/s CPU {run.cpu:.2f} s, peak RSS {run.peak_mb:.0f} MB "
        f"(build alone, in-process: {inside['wall']:.2f} s)"
    )


if __name__ == "__main__":
    sys.exit(main())
