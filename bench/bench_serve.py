"""Benchmark: ``kg serve`` against the Oxigraph server on the same store, in the same run.

    python bench/bench_serve.py [REPORT_OR_FOLDER ...] [--seconds S] [--oxigraph PATH]

Builds a store from the reports (default: the three annotated corpus reports), starts
``kg serve`` and ``oxigraph serve-read-only`` (the ``oxigraph`` command of the PyPI package
``oxigraph``; give its path with --oxigraph, or the Oxigraph side is skipped) on loopback,
and prints queries per second with 1, 4 and 8 clients for three queries: a label lookup,
an aggregate and a CONSTRUCT; then the ratio kg serve / Oxigraph. Goals are ratios in
the same run, never absolute numbers.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = [CORPUS / f"{d}.txt" for d in
           ("nmg-kexie-2022-work-report", "nmg-gov-work-report-2026", "cast-news-kexie-2019-2020")]

QUERIES = {
    "label lookup": """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?e WHERE { ?e rdfs:label "呼和浩特市"@zh }""",
    "aggregate": """PREFIX kg: <https://w3id.org/kg-zh/ontology#>
        SELECT ?t (COUNT(?e) AS ?n) WHERE { ?e a kg:Entity ; a ?t } GROUP BY ?t""",
    "construct": """PREFIX kg: <https://w3id.org/kg-zh/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Place ; rdfs:label ?l }""",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}), timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url}")


def throughput(url: str, query: str, clients: int, seconds: float) -> float:
    """Queries per second with ``clients`` threads asking ``query`` again and again."""
    target = url + "?" + urllib.parse.urlencode({"query": query})
    done = [0] * clients
    errors = [0] * clients
    stop = time.perf_counter() + seconds

    def client(k: int) -> None:
        while time.perf_counter() < stop:
            try:
                req = urllib.request.Request(target, headers={"Accept": "application/sparql-results+json, text/turtle"})
                with urllib.request.urlopen(req, timeout=30) as r:
                    r.read()
                done[k] += 1
            except OSError:
                errors[k] += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if sum(errors):
        print(f"  ({sum(errors)} failed requests)")
    return sum(done) / (time.perf_counter() - t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--oxigraph", default=shutil.which("oxigraph"))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-serve-"))
    subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, args.reports), "-o", str(work)],
                   check=True, capture_output=True)
    store = work / "store"
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    port = _free_port()
    servers["kg serve"] = (subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port), "--quiet",
         "--max-concurrent", "8"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        f"http://127.0.0.1:{port}/sparql")
    if args.oxigraph:
        port = _free_port()
        servers["Oxigraph"] = (subprocess.Popen(
            [args.oxigraph, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
             "--union-default-graph", "--timeout-s", "5"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
            f"http://127.0.0.1:{port}/query")
    else:
        print("no oxigraph command (pip install oxigraph, or --oxigraph PATH): kg serve alone")
    try:
        for _name, (_proc, url) in servers.items():
            _wait(url)
        print(f"store: {store} ({len(args.reports)} reports); {args.seconds:g} s per measurement")
        for qname, query in QUERIES.items():
            for clients in (1, 4, 8):
                rates = {name: throughput(url, query, clients, args.seconds) for name, (_p, url) in servers.items()}
                line = "  ".join(f"{name} {rate:>8.0f} q/s" for name, rate in rates.items())
                ratio = (f"  ratio kg/Oxigraph {rates['kg serve'] / rates['Oxigraph']:.2f}"
                         if "Oxigraph" in rates and rates["Oxigraph"] else "")
                print(f"{qname:<13} {clients} client(s): {line}{ratio}")
    finally:
        for proc, _url in servers.values():
            proc.terminate()
            proc.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
