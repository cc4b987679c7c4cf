"""Package build throughput and memory next to ``md5sum`` and ``split`` on the same file.

    python bench/package_bench.py                      # 1 GiB, 64 fragments, 5 rounds
    python bench/package_bench.py --size-mib 256 --rounds 5 --no-targz

Generates once, in a temporary folder, a 1 GiB zip holding incompressible (random) data,
then for each round times, one after the other on that same file: ``md5sum FILE``,
``split -n 64 FILE`` and our build of it as a ready-made archive in 64 fragments
(``build_package(..., archive=FILE)``: check, cut, digest, info file), ours in a fresh
child process that reports its own build time, CPU time and peak RSS (``ru_maxrss``).
The file is read once beforehand so every contender reads from the page cache, ``sync``
runs between contenders, and their order rotates from round to round.
Ratio = (md5sum + split time) / our time: our throughput relative to the two tools'
combined throughput (target >= 0.8).

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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

MIB = 1024 * 1024


def _child(mode: str, source: str, store: str, fragments: int) -> None:
    """Run one build in this (fresh) process and print its figures as JSON."""
    from ocs_desktop.packager.build import build_package
    from ocs_desktop.packager.spec import PackageSpec

    baseline_kb = _rss_kb()
    spec = PackageSpec("bench", "linux", "store", path="/tmp/bench", fragments=fragments)
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


def _timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Run ``cmd``; its wall time, its CPU seconds and its stdout (discarded unless text)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.decode("utf-8", "replace") if cmd[0] == "md5sum" else ""


def _ours(mode: str, source: Path, store: Path, fragments: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, str(source), str(store), str(fragments)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    shutil.rmtree(store, ignore_errors=True)
    result: dict[str, float] = json.loads(out)
    return result


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
    _warm(archive)
    _settle()

    rows: dict[str, list[tuple[float, float]]] = {"md5sum": [], "split": [], "ours": []}
    peaks, baselines = [], []
    digests: dict[str, str] = {}

    def md5sum() -> None:
        wall, cpu, out = _timed(["md5sum", str(archive)])
        digests["md5sum"] = out.split()[0]
        rows["md5sum"].append((wall, cpu))

    def split() -> None:
        split_dir = work / "split"
        split_dir.mkdir()
        wall, cpu, _ = _timed(["split", "-n", str(args.fragments), str(archive)], cwd=split_dir)
        rows["split"].append((wall, cpu))
        shutil.rmtree(split_dir)

    def ours() -> None:
        result = _ours("archive", archive, work / "store", args.fragments)
        digests["ours"] = str(result["digest"])
        rows["ours"].append((result["wall"], result["cpu"]))
        peaks.append(result["peak_kb"] / 1024)
        baselines.append(result["baseline_kb"] / 1024)

    contenders = [md5sum, split, ours]
    for round_no in range(1, args.rounds + 1):
        # Each contender takes each place in turn: none always runs after a big delete.
        shift = (round_no - 1) % len(contenders)
        for contender in contenders[shift:] + contenders[:shift]:
            contender()
            _settle()
        if digests["ours"] != digests["md5sum"]:
            print(f"MISMATCH: ours {digests['ours']}, md5sum {digests['md5sum']}")
            return 1
        print(
            f"round {round_no}: md5sum {rows['md5sum'][-1][0]:.2f} s, "
            f"split {rows['split'][-1][0]:.2f} s, ours {rows['ours'][-1][0]:.2f} s "
            f"(peak {peaks[-1]:.0f} MB), load {_load()}",
            flush=True,
        )

    med = {name: statistics.median(w for w, _ in values) for name, values in rows.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in rows.items()}
    combined = med["md5sum"] + med["split"]
    print()
    print(
        f"ready-made archive: {file_mb:.0f} MiB into {args.fragments} fragments, "
        f"median of {args.rounds} round(s)"
    )
    print(f"  {'':<22}{'wall s':>8}{'MiB/s':>9}{'CPU s':>8}")
    for label, wall, cpu_s in (
        ("md5sum FILE", med["md5sum"], cpu["md5sum"]),
        (f"split -n {args.fragments} FILE", med["split"], cpu["split"]),
        ("md5sum + split", combined, cpu["md5sum"] + cpu["split"]),
        ("ocs-desktop build", med["ours"], cpu["ours"]),
    ):
        print(f"  {label:<22}{wall:>8.2f}{file_mb / wall:>9.0f}{cpu_s:>8.2f}")
    ratio = combined / med["ours"]
    print(f"  ratio ours / (md5sum + split) throughput: {ratio:.2f} (target >= 0.80)")
    print(
        f"  peak RSS of the build process: {max(peaks):.0f} MB "
        f"({min(baselines):.0f} MB after imports, before building; target < 100 MB)"
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
    tar_wall, tar_cpu, _ = _timed(
        ["tar", "czf", str(work / "ref.tar.gz"), "-C", str(work), "folder"]
    )
    (work / "ref.tar.gz").unlink()
    _settle()
    result = _ours("folder", folder, work / "store", args.fragments)
    source_mb = size / MIB
    print()
    print(
        f"tar.gz from a folder ({source_mb:.0f} MiB of random data, level 6, "
        f"{args.fragments} fragments), one round"
    )
    print(
        f"  tar czf FOLDER          {tar_wall:>8.2f} s {source_mb / tar_wall:>6.0f} MiB/s "
        f"CPU {tar_cpu:.2f} s"
    )
    print(
        f"  ocs-desktop build       {result['wall']:>8.2f} s "
        f"{source_mb / result['wall']:>6.0f} MiB/s CPU {result['cpu']:.2f} s, "
        f"peak RSS {result['peak_kb'] / 1024:.0f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
