"""Benchmark: the whole kg pipeline against jieba alone and LAC alone, on the same text, in the same run.

    python bench/bench_pipeline.py [REPORT ...] [--repeat N]

Prints characters per second for each and the ratios, the cold start (import and
pipeline load, measured in a fresh interpreter) and the peak memory of the run.
Everything runs on one core (ONNX Runtime is given one thread).
Goals are ratios against the baseline measured here, not absolute times.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "nmg-kexie-2022-work-report.txt"


def _best(fn, repeat: int) -> tuple[float, float]:
    """Best and median wall-clock seconds of ``repeat`` runs; the best CPU seconds go to CPU_BEST."""
    times, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU_BEST[fn.__name__] = min(cpu)
    return min(times), statistics.median(times)


# CPU seconds of this process (best run): on a machine shared with other work, wall-clock figures
# drop when the core is taken away; CPU time counts only what this process ran
CPU_BEST: dict[str, float] = {}


def cold_start() -> float:
    code = "import time; t=time.perf_counter(); import kg; kg.shared_nlp(); print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def component_shares(nlp, texts: list[str], repeat: int) -> dict[str, float]:
    """Seconds each pipeline component takes over ``texts`` (best of ``repeat`` runs), tokenizer included."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        times: dict[str, float] = {}
        for text in texts:
            t = time.perf_counter()
            doc = nlp.make_doc(text)
            times["tokenizer"] = times.get("tokenizer", 0.0) + time.perf_counter() - t
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                doc = proc(doc)
                times[name] = times.get(name, 0.0) + time.perf_counter() - t
        for name, seconds in times.items():
            best[name] = min(best.get(name, seconds), seconds)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import jieba

    import kg
    from kg.graph import build_graph
    from kg.io import read_source

    sources = [read_source(p) for p in args.reports]
    chars = sum(len(s.text) for s in sources)
    nlp = kg.shared_nlp()
    baseline = jieba.Tokenizer()
    baseline.initialize()

    def segment():
        for s in sources:
            list(baseline.cut(s.text))

    def pipeline():
        for s in sources:
            build_graph(kg.analyse(s, nlp), s)

    def nlp_only():
        for s in sources:
            kg.analyse(s, nlp)

    from kg.nlp.components.tagger import _chunks
    from kg.nlp.normalize import normalize

    tagger = nlp.get_pipe("kg_tagger").tagger
    lac_inputs = [[c for _o, c in _chunks(normalize(s.text).text)] for s in sources]

    def lac_alone():
        for chunks in lac_inputs:
            tagger.tag(chunks)

    pipeline()  # warm caches on every side before timing
    segment()
    lac_alone()
    seg_best, seg_med = _best(segment, args.repeat)
    lac_best, lac_med = _best(lac_alone, args.repeat)
    nlp_best, nlp_med = _best(nlp_only, args.repeat)
    pipe_best, pipe_med = _best(pipeline, args.repeat)
    start = cold_start()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"text: {chars} characters in {len(sources)} report(s); best of {args.repeat} runs (median in brackets)")
    print(f"jieba segmentation alone : {chars / seg_best:>10,.0f} chars/s  ({chars / seg_med:,.0f})")
    print(f"LAC tagger alone         : {chars / lac_best:>10,.0f} chars/s  ({chars / lac_med:,.0f})")
    print("kg NLP pipeline (nlp(text), every component, LAC included):")
    print(f"                           {chars / nlp_best:>10,.0f} chars/s  ({chars / nlp_med:,.0f})")
    print(f"kg NLP + RDF graph build : {chars / pipe_best:>10,.0f} chars/s  ({chars / pipe_med:,.0f})")
    print(f"ratio pipeline/jieba     : {seg_best / pipe_best:>10.3f}  (jieba is {pipe_best / seg_best:.1f}x faster)")
    print(f"ratio NLP pipeline/LAC   : {lac_best / nlp_best:>10.3f}  (LAC is {lac_best / nlp_best * 100:.0f}% of the NLP pipeline's time)")
    print(f"ratio NLP+graph/LAC      : {lac_best / pipe_best:>10.3f}  (LAC is {lac_best / pipe_best * 100:.0f}% of NLP + graph time)")
    cpu = CPU_BEST
    print("CPU time of this process (best run; steadier on a busy machine):")
    print(f"  jieba alone {chars / cpu['segment']:>10,.0f} chars/s   LAC alone {chars / cpu['lac_alone']:>10,.0f} chars/s")
    print(f"  NLP pipeline {chars / cpu['nlp_only']:>9,.0f} chars/s   NLP + graph {chars / cpu['pipeline']:>9,.0f} chars/s")
    print(f"  ratio NLP pipeline/LAC {cpu['lac_alone'] / cpu['nlp_only']:.3f}")
    shares = component_shares(nlp, [s.text for s in sources], args.repeat)
    total = sum(shares.values())
    print("share of the NLP pipeline's time, per component (best of the runs):")
    for name, seconds in sorted(shares.items(), key=lambda x: -x[1]):
        print(f"  {name:<18} {seconds / total * 100:>5.1f}%")
    print(f"cold start (import + load): {start:.2f} s")
    print(f"peak memory (RSS)         : {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
