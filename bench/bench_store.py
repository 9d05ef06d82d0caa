"""Benchmark: the named queries on a graph of at least 1 million triples, Oxigraph against rdflib.

    python bench/bench_store.py [--triples 1000000] [--repeat 5] [--rdflib-repeat 3]
    python bench/bench_store.py --writes [--repeat 5] [--sizes 10000,100000,400000]

``--writes`` times, in one run, what a build spends after the analysis: building the rdflib
graph of each corpus report, its Turtle export (kg.export.rdf.write_turtle) and its store
write (kg.store.replace_graph, into a fresh store and over the report's own earlier graph), and
the SPARQL ``DROP … INSERT DATA`` update kg used before, each as the best of ``--repeat``
interleaved runs, with the ratio (Turtle + store) / build. Then the same writes on replicated
graphs of ``--sizes`` triples, in microseconds per triple, to show they stay linear.

The graph replicates the corpus reports' graphs with varied names and numbers (every copy
gets its own IRIs; two copies in three rename their entities; values are scaled), so the
queries do real joins over a realistic shape. In the same run it times the load of the
graph into each store and the median latency of every named query in each, and prints
the Oxigraph/rdflib ratios.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PARAMS = {"program-places": {"program": "科创中国"}}


def base_triples():
    import kg

    sources = sorted(CORPUS.glob("*.txt")) or [kg.sample_report()]
    triples = []
    for path in sources:
        src = kg.read_source(path)
        triples.extend(kg.build_graph(kg.analyse(src), src))
    return triples


def replicate(triples, target: int, path: Path) -> int:
    """Write at least ``target`` N-Triples to ``path``: copies of ``triples`` with varied IRIs, names, numbers."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS, XSD
    from rdflib.plugins.serializers.nt import _nt_row  # N-Triples escaping of one triple

    from kg.graph.namespace import BASE

    copies = -(-target // len(triples))
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for k in range(copies):
            def iri(t):
                if isinstance(t, URIRef) and str(t).startswith(BASE + "id/"):
                    return URIRef(BASE + f"id/c{k}/" + str(t)[len(BASE) + 3:])
                return t
            for s, p, o in triples:
                o2 = iri(o)
                if isinstance(o, Literal):
                    if p == RDFS.label and k % 3 and o.language == "zh":
                        o2 = Literal(f"{o}{k}", lang="zh")
                    elif o.datatype == XSD.decimal:
                        o2 = Literal(Decimal(str(o)) * (1 + Decimal(k % 10) / 10), datatype=XSD.decimal)
                f.write(_nt_row((iri(s), p, o2)))
                n += 1
    return n


def _bounded(fn, timeout: float):
    """fn() in a forked child (sharing the loaded graph), or None when it runs past ``timeout`` seconds."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=lambda: child.send(fn()), daemon=True)
    proc.start()
    try:
        return parent.recv() if parent.poll(timeout) else None
    finally:
        proc.kill()
        proc.join()


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def writes(repeat: int, sizes: list[int]) -> None:
    """Turtle export + store write against building the graph, per corpus report; then linearity."""
    import pyoxigraph as ox
    from rdflib import Graph

    import kg
    from kg.export.rdf import write_turtle
    from kg.graph.iri import report_iri
    from kg.store import open_store, replace_graph

    def old_update(store, name, graph):  # kg's store write before: one SPARQL update
        triples = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        store.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{triples}\n}} }}")
        store.flush()

    sources = sorted(CORPUS.glob("*.txt")) or [kg.sample_report()]
    print(f"{'report':<36}{'triples':>8}{'build s':>9}{'turtle s':>9}{'store s':>9}{'rewrite s':>10}"
          f"{'old upd s':>10}{'(ttl+st)/build':>16}{'(ttl+rewr)/build':>18}")
    with tempfile.TemporaryDirectory() as tmp:
        for path in sources:
            src = kg.read_source(path)
            doc = kg.analyse(src)
            graph = kg.build_graph(doc, src)
            name = str(report_iri(src.doc_id))
            again = open_store(Path(tmp) / f"again-{src.doc_id}")
            replace_graph(again, name, graph)
            old = open_store(Path(tmp) / f"old-{src.doc_id}")
            build = turtle = store = rewrite = upd = float("inf")
            for k in range(repeat):  # interleaved, so that load from other processes hits all alike
                build = min(build, _best(lambda: kg.build_graph(doc, src), 1))
                turtle = min(turtle, _best(lambda: write_turtle(graph, doc, Path(tmp), src.doc_id), 1))
                fresh = open_store(Path(tmp) / f"fresh-{src.doc_id}-{k}")
                store = min(store, _best(lambda: replace_graph(fresh, name, graph), 1))
                del fresh
                rewrite = min(rewrite, _best(lambda: replace_graph(again, name, graph), 1))
                upd = min(upd, _best(lambda: old_update(old, name, graph), 1))
            print(f"{src.doc_id[:35]:<36}{len(graph):>8}{build:>9.3f}{turtle:>9.3f}{store:>9.3f}{rewrite:>10.3f}"
                  f"{upd:>10.3f}{(turtle + store) / build:>16.2f}{(turtle + rewrite) / build:>18.2f}")

        triples = base_triples()
        print(f"\n{'triples':>9}{'turtle us/t':>13}{'store us/t':>12}{'rewrite us/t':>14}{'old upd us/t':>14}")
        for size in sizes:
            nt = Path(tmp) / f"r{size}.nt"
            n = replicate(triples, size, nt)
            graph = Graph().parse(nt, format="nt")
            name = "https://w3id.org/kg-zh/id/report/bench"
            turtle = _best(lambda: write_turtle(graph, None, Path(tmp), "bench"), 1)
            store = open_store(Path(tmp) / f"s{size}")
            first = _best(lambda: replace_graph(store, name, graph), 1)
            rewrite = _best(lambda: replace_graph(store, name, graph), 1)
            old = open_store(Path(tmp) / f"o{size}")
            upd = _best(lambda: old_update(old, name, graph), 1) if n <= 500_000 else float("nan")
            print(f"{n:>9}{turtle / n * 1e6:>13.1f}{first / n * 1e6:>12.1f}{rewrite / n * 1e6:>14.1f}{upd / n * 1e6:>14.1f}")
            del graph, store, old


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", action="store_true", help="Time Turtle export and store writes against building the graph.")
    parser.add_argument("--sizes", default="10000,100000,400000", help="Replicated graph sizes for --writes.")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-repeat", type=int, default=3)
    parser.add_argument("--rdflib-timeout", type=float, default=300.0,
                        help="Seconds one rdflib query may take before it is stopped and reported as a lower bound.")
    args = parser.parse_args()
    if args.writes:
        writes(args.repeat, [int(x) for x in args.sizes.split(",")])
        return

    import pyoxigraph as ox
    from rdflib import Graph, Literal

    from kg import queries

    triples = base_triples()
    with tempfile.TemporaryDirectory() as tmp:
        nt = Path(tmp) / "graph.nt"
        total = replicate(triples, args.triples, nt)
        print(f"graph: {total:,} triples ({len(triples):,} from the corpus, replicated)")

        t = time.perf_counter()
        store = ox.Store()
        store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        ox_load = time.perf_counter() - t
        t = time.perf_counter()
        graph = Graph()
        graph.parse(nt, format="nt")
        rdf_load = time.perf_counter() - t
        print(f"load      oxigraph {ox_load:8.2f} s   rdflib {rdf_load:8.2f} s   ratio {rdf_load / ox_load:6.1f}x")

        print(f"{'query':<24}{'oxigraph ms':>14}{'rdflib ms':>14}{'rdflib/oxigraph':>18}  rows")
        for name in queries.names():
            text = queries.load(name)
            params = PARAMS.get(name, {})
            subs = {ox.Variable(k): ox.Literal(v) for k, v in params.items()}
            rows = len(list(store.query(text, substitutions=subs)))
            ox_ms = median_ms(lambda: list(store.query(text, substitutions=subs)), args.repeat)
            init = {k: Literal(v) for k, v in params.items()}
            rdf_ms = _bounded(lambda: median_ms(lambda: list(graph.query(text, initBindings=init)), args.rdflib_repeat),
                              args.rdflib_timeout)
            if rdf_ms is None:
                bound = args.rdflib_timeout * 1000
                print(f"{name:<24}{ox_ms:>14.1f}{'>' + format(bound, '.0f'):>14}{'>' + format(bound / ox_ms, '.0f') + 'x':>18}  {rows}")
            else:
                print(f"{name:<24}{ox_ms:>14.1f}{rdf_ms:>14.1f}{rdf_ms / ox_ms:>17.1f}x  {rows}")


if __name__ == "__main__":
    main()
