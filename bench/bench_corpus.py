"""Corpus builds: one worker against all cores on the reports of ../shared/corpora, in one run.

    python bench/bench_corpus.py                 # the 109 reports (txt + docx)
    python bench/bench_corpus.py --limit 12      # a quick run on every 9th report or so
    python bench/bench_corpus.py --txt-only      # leave the Word files out

Prints, for 1 worker and for all cores (each a fresh ``python`` process calling
``kg.corpus.build_corpus``, into a fresh output folder): reports/s, characters/s, the speed-up,
the peak RSS of the driver and of a worker; then the time of a second build of the same folder
(every report unchanged, skipped) against the first, and the start-up time of ``kg --help`` and of
``kg build`` on a 100-character file (median of 3). ``--json FILE`` keeps the figures.

The corpus is linked (symlinks) into a temporary folder, keeping its subfolders, so that a subset
has the same report names as the whole.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
TINY = ("山西省科协2023年工作报告\n\n2023年，山西省科协举办科普活动30场，培训基层科技人员1200人次，投入资金320万元。"
        "太原市科协组织全国科普日活动，参与群众5万人次，同比增长17%，成效明显。\n")  # 100 characters (the first run in docs/scale.md had 63)

_RUN = """
import json, sys, time
from kg.corpus import build_corpus, CorpusError
t = time.perf_counter()
try:
    r = build_corpus([sys.argv[1]], out_dir=sys.argv[2], workers=int(sys.argv[3]))
except CorpusError as err:
    r = err.result
print(json.dumps({"built": len(r.built), "skipped": len(r.skipped), "failed": [f"{x.path}: {x.code} {x.error}" for x in r.failed],
                  "chars": r.chars, "triples": r.triples, "write_seconds": r.write_seconds, "cpu_seconds": sum(x.cpu_seconds for x in r.built), "seconds_in_build": time.perf_counter() - t, "workers": r.workers,
                  "driver_peak_rss": r.driver_peak_rss, "worker_peak_rss": r.worker_peak_rss}))
"""


def run_build(folder: Path, out: Path, workers: int) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUN, str(folder), str(out), str(workers)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: the build with {workers} worker(s) failed:\n{proc.stderr[-2000:]}")
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    stats["wall"] = wall
    return stats


def median_time(cmd: list[str], cwd: Path, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed: {proc.stderr.strip()}")
    return statistics.median(times)


def corpus_files(corpus: Path, txt_only: bool, limit: int | None) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".docx")
                   and p.name.lower() != "readme.md")
    if txt_only:
        files = [p for p in files if p.suffix.lower() == ".txt"]
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora")
    ap.add_argument("--limit", type=int, default=None, help="Build this many reports, spread over the corpus.")
    ap.add_argument("--txt-only", action="store_true", help="Leave out the Word files.")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="'All cores' (default: the number of cores).")
    ap.add_argument("--json", type=Path, default=None, help="Also write the figures to this file.")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"bench: no corpus at {args.corpus} (set KG_SHARED)")
    files = corpus_files(args.corpus, args.txt_only, args.limit)
    kinds = {s: sum(1 for f in files if f.suffix.lower() == s) for s in (".txt", ".docx")}
    figures: dict = {"reports": len(files), "kinds": kinds, "cores": os.cpu_count(), "workers": args.workers}
    with tempfile.TemporaryDirectory(prefix="kg-bench-corpus-") as tmp:
        tmp = Path(tmp)
        folder = tmp / "corpus"
        for f in files:
            link = folder / f.relative_to(args.corpus)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(f)
        print(f"{len(files)} reports ({kinds['.txt']} .txt, {kinds['.docx']} .docx) from {args.corpus}; "
              f"{os.cpu_count()} cores", flush=True)
        runs = {}
        figures["load_average_before"] = os.getloadavg()
        for workers in (1, args.workers):
            stats = run_build(folder, tmp / f"out-{workers}", workers)
            stats["load_average_after"] = os.getloadavg()
            runs[workers] = stats
            print(f"{workers} worker(s): {stats['built']} built, {len(stats['failed'])} failed in {stats['wall']:.1f} s: "
                  f"{stats['built'] / stats['wall']:.2f} reports/s, {stats['chars'] / stats['wall']:,.0f} chars/s; "
                  f"peak RSS driver {mib(stats['driver_peak_rss'])}, worker {mib(stats['worker_peak_rss'])}; "
                  f"{stats['triples']:,} triples; the driver spent {stats['write_seconds']:.1f} s writing "
                  f"files and store; the reports took {stats['cpu_seconds']:.0f} CPU-s ({stats['cpu_seconds'] / stats['wall']:.2f} "
                  f"cores busy on average); load average after {stats['load_average_after'][0]:.1f}", flush=True)
            for line in stats["failed"]:
                print(f"  failed {line}")
        again = run_build(folder, tmp / f"out-{args.workers}", args.workers)
        one, many = runs[1], runs[args.workers]
        figures["runs"] = {str(k): v for k, v in runs.items()}
        figures["speedup"] = one["wall"] / many["wall"]
        figures["second_build"] = again
        figures["second_over_first"] = again["wall"] / many["wall"]
        print(f"speed-up with {args.workers} workers: {figures['speedup']:.2f}x")
        print(f"second build of the same folder: {again['skipped']} skipped, {again['built']} built in "
              f"{again['wall']:.2f} s = {100 * figures['second_over_first']:.1f}% of the first ({many['wall']:.1f} s)")

        script = Path(sys.executable).with_name("kg")  # the console script users run
        kg = [str(script)] if script.exists() else [sys.executable, "-m", "kg.cli"]
        (tmp / "tiny.txt").write_text(TINY, encoding="utf-8")
        figures["help_seconds"] = median_time([*kg, "--help"], tmp)
        figures["tiny_build_seconds"] = median_time([*kg, "build", "tiny.txt", "-o", "tiny-out", "--force"], tmp)
        print(f"kg --help: {figures['help_seconds']:.2f} s; kg build of a {len(TINY)}-character file: "
              f"{figures['tiny_build_seconds']:.2f} s (median of 3)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
