"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, at ``/sparql``.

- GET ``?query=…``, POST form (``query=…``) or POST ``application/sparql-query``.
- Results by content negotiation: SPARQL results JSON (default), XML, CSV or TSV;
  graph results (CONSTRUCT, DESCRIBE) as Turtle (default) or N-Triples.
- Read-only: SPARQL Update and Graph Store writes are refused with 403 or 405.
- Each query runs in a worker process that opens the store read-only; past the time
  limit the worker is killed and the client gets 503, so a runaway query never hangs
  the server. Results past the size cap give 413.
- ``/`` serves a small page to type a query and see the table.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}


def _negotiate(accept: str, offered: dict) -> str:
    """The first offered media type the Accept header allows (q-values honoured), else the default."""
    ranked = []
    for n, part in enumerate((accept or "").split(",")):
        fields = part.strip().split(";")
        media, q = fields[0].strip().lower(), 1.0
        for f in fields[1:]:
            if f.strip().startswith("q="):
                try:
                    q = float(f.strip()[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, n, media))
    for _q, _n, media in sorted(ranked):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            break
    return next(iter(offered))


def _count(body: bytes, fmt) -> int:
    """How many results a serialized answer holds."""
    if fmt == ox.QueryResultsFormat.JSON:
        return len(json.loads(body).get("results", {}).get("bindings", []))
    if fmt == ox.QueryResultsFormat.XML:
        return body.count(b"<result>")
    return max(0, body.count(b"\n") - 1)


def _execute(store_path: str, query: str, accept: str, max_rows: int, conn) -> None:
    """Worker: run one query on a read-only store and send (status, content type, body)."""
    try:
        store = ox.Store.read_only(store_path)
        result = store.query(query, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            media = _negotiate(accept, _GRAPH_TYPES)
            triples = []
            for n, t in enumerate(result):
                if n >= max_rows:
                    conn.send((413, "text/plain", f"more than {max_rows} triples; narrow the query".encode()))
                    return
                triples.append(t)
            conn.send((200, media, ox.serialize(triples, format=_GRAPH_TYPES[media])))
            return
        media = _negotiate(accept, _RESULT_TYPES)
        fmt = _RESULT_TYPES[media]
        body = result.serialize(format=fmt)
        if not isinstance(result, ox.QueryBoolean) and _count(body, fmt) > max_rows:
            conn.send((413, "text/plain", f"more than {max_rows} results; narrow the query or add LIMIT".encode()))
            return
        conn.send((200, media, body))
    except SyntaxError as err:
        conn.send((400, "text/plain", ("query does not parse: " + " ".join(str(err).split())).encode()))
    except Exception as err:  # noqa: BLE001  reported to the client; the server lives on
        conn.send((500, "text/plain", f"{type(err).__name__}: {err}".encode()))


class Endpoint:
    """Settings shared by the request handlers."""

    def __init__(self, store: str, timeout: float, max_rows: int):
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self.ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")

    def run(self, query: str, accept: str) -> tuple[int, str, bytes]:
        parent, child = self.ctx.Pipe(duplex=False)
        worker = self.ctx.Process(target=_execute, args=(self.store, query, accept, self.max_rows, child), daemon=True)
        worker.start()
        child.close()
        try:
            if parent.poll(self.timeout):
                return parent.recv()
            return 503, "text/plain", f"query timed out after {self.timeout:g} s".encode()
        except EOFError:
            return 500, "text/plain", b"the query worker died"
        finally:
            if worker.is_alive():
                worker.kill()
            worker.join(1)
            parent.close()


def _page() -> bytes:
    return resources.files("kg").joinpath("serve_page.html").read_bytes()


def make_handler(endpoint: Endpoint):
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql"

        def log_message(self, fmt, *args):  # quiet: one line per request on stderr only with --verbose
            if getattr(self.server, "verbose", False):
                super().log_message(fmt, *args)

        def _send(self, status: int, media: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media + ("; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept")
            self.end_headers()
            self.wfile.write(body)

        def _refuse_update(self) -> None:
            self._send(403, "text/plain", b"this endpoint is read-only: SPARQL Update is refused")

        def do_GET(self):
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                self._send(200, "text/html", _page())
                return
            if url.path != "/sparql":
                self._send(404, "text/plain", b"not found: the endpoint is /sparql")
                return
            self._answer_params(parse_qs(url.query))

        def _answer_params(self, params: dict) -> None:
            """Answer a query given as a parameter (GET, or a POSTed form); refuse an update."""
            if "update" in params:
                self._refuse_update()
            elif "query" not in params:
                self._send(400, "text/plain", b"missing the query parameter")
            else:
                self._send(*endpoint.run(params["query"][0], self.headers.get("Accept", "")))

        def do_POST(self):
            url = urlparse(self.path)
            if url.path != "/sparql":
                self._send(405, "text/plain", b"read-only endpoint: graph store writes are refused")
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                self._refuse_update()
                return
            if media == "application/sparql-query":
                self._send(*endpoint.run(body, self.headers.get("Accept", "")))
            elif media == "application/x-www-form-urlencoded":
                self._answer_params(parse_qs(body))
            else:
                self._send(415, "text/plain", b"send application/sparql-query or a form with query=")

        def _write_refused(self):
            self._send(405, "text/plain", b"read-only endpoint: graph store writes are refused")

        do_PUT = do_DELETE = do_PATCH = _write_refused

    return Handler


def serve(store: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          max_rows: int = 100_000, ready=None, verbose: bool = False) -> None:
    """Serve the store until interrupted; ``ready(url)`` is called once the socket listens."""
    from .store import open_store

    open_store(store, read_only=True)  # a clear error now rather than at the first query
    endpoint = Endpoint(str(store), timeout, max_rows)
    httpd = ThreadingHTTPServer((host, port), make_handler(endpoint))
    httpd.daemon_threads = True
    httpd.verbose = verbose
    url = f"http://{httpd.server_address[0]}:{httpd.server_address[1]}/sparql"
    if ready:
        ready(url)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()


__all__ = ["serve", "Endpoint"]
