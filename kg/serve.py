"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, at ``/sparql``.

- GET ``?query=…``, POST form (``query=…``) or POST ``application/sparql-query``.
- Results by content negotiation: SPARQL results JSON (default), XML, CSV or TSV;
  graph results (CONSTRUCT, DESCRIBE) as Turtle (default) or N-Triples.
- Read-only: SPARQL Update and Graph Store writes are refused with 403 or 405.
- Queries run on a pool of long-lived worker processes, each holding the store open
  read-only (reopened when a build changes it); past the time limit a worker is killed
  and replaced and the client gets 503, so a runaway query never hangs the server.
  Results past the size cap give 413.
- Closed by default: a query calling SERVICE is refused (400) unless ``allow_service``, so no
  request leaves the machine; a body over ``max_body`` bytes gets 413, a malformed
  ``Content-Length`` 400; past ``max_concurrent`` queries at once, 503 with ``Retry-After``;
  a client that sends nothing for ``socket_timeout`` seconds is dropped (slowloris).
- One access-log line per request on stderr (time, status, milliseconds, method, path,
  a hash of the query); ``/health`` answers ``{"status": "ok"}``.
- ``/`` serves YASGUI (the SPARQL query editor: highlighting, tables, charts), bundled in the
  package under ``kg/static/yasgui`` (MIT) and loaded from nowhere else, with kg's named
  queries as its tabs.
"""

from __future__ import annotations

import hashlib
import os
import json
import multiprocessing as mp
import queue
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from .sparql_guard import uses_service

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


def _answer(store, query: str, accept: str, max_rows: int) -> tuple[int, str, bytes]:
    """Run one query on an open store: (status, content type, body)."""
    try:
        result = store.query(query, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            media = _negotiate(accept, _GRAPH_TYPES)
            triples = []
            for n, t in enumerate(result):
                if n >= max_rows:
                    return 413, "text/plain", f"more than {max_rows} triples; narrow the query".encode()
                triples.append(t)
            return 200, media, ox.serialize(triples, format=_GRAPH_TYPES[media])
        media = _negotiate(accept, _RESULT_TYPES)
        fmt = _RESULT_TYPES[media]
        body = result.serialize(format=fmt)
        if not isinstance(result, ox.QueryBoolean) and _count(body, fmt) > max_rows:
            return 413, "text/plain", f"more than {max_rows} results; narrow the query or add LIMIT".encode()
        return 200, media, body
    except SyntaxError as err:
        return 400, "text/plain", ("query does not parse: " + " ".join(str(err).split())).encode()


def _store_version(store_path: str) -> int:
    """What changes when a build writes the store: the folder's modification time (a write adds and
    removes files in it). One system call per query."""
    try:
        return os.stat(store_path).st_mtime_ns
    except OSError:
        return 0


# Tries of a query that meets a storage error while a build rewrites the store (20 ms, 40 ms … apart).
_ATTEMPTS = 8


def _worker(store_path: str, max_rows: int, conn) -> None:
    """A long-lived worker: holds the store open read-only and answers queries sent on ``conn``.

    It reopens the store when a build has changed it, and again on a storage error (a build
    compacting files under it), so that a query sees the store before or after a rebuild."""
    store, version = None, None
    while True:
        try:
            query, accept = conn.recv()
        except (EOFError, OSError):
            return
        for attempt in range(_ATTEMPTS):
            try:
                current = _store_version(store_path)
                if store is None or current != version:
                    store, version = ox.Store.read_only(store_path), current
                answer = _answer(store, query, accept, max_rows)
                break
            except Exception as err:  # noqa: BLE001  reported to the client; the worker lives on
                # a build compacting files under the reader: reopen and try again, a little later
                store = None
                answer = (500, "text/plain", f"{type(err).__name__}: {err}".encode())
                time.sleep(0.02 * (attempt + 1))
        conn.send(answer)


class Endpoint:
    """A pool of long-lived query workers and the limits shared by the request handlers.

    Each worker process holds the store open read-only (no fork and open per request); a
    query runs on an idle worker, and past the time limit that worker is killed and replaced,
    so a runaway query never hangs the server. With every worker busy, 503."""

    def __init__(self, store: str, timeout: float, max_rows: int, allow_service: bool = False,
                 max_concurrent: int = 4, max_body: int = 1 << 20, socket_timeout: float = 10.0):
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self.allow_service = allow_service
        self.max_body = max_body
        self.socket_timeout = socket_timeout
        # forkserver: workers are started from a clean process, safe while the server runs threads
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.ctx = mp.get_context(method)
        self.idle: queue.Queue = queue.Queue()
        self.workers: list = []
        self.lock = threading.Lock()
        for _ in range(max(1, max_concurrent)):
            self.idle.put(self._spawn())

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(self.store, self.max_rows, child), daemon=True)
        proc.start()
        child.close()
        with self.lock:
            self.workers.append(proc)
        return proc, parent

    def close(self) -> None:
        """Stop every worker."""
        with self.lock:
            for proc in self.workers:
                if proc.is_alive():
                    proc.kill()
            for proc in self.workers:
                proc.join(1)

    def run(self, query: str, accept: str) -> tuple[int, str, bytes]:
        """Answer ``query``: refused if it calls SERVICE (unless allowed), 503 when every worker is busy."""
        if not self.allow_service and uses_service(query):
            return 400, "text/plain", (b"SERVICE is refused: this endpoint makes no outbound requests "
                                       b"(start kg serve with --allow-service to allow them)")
        try:
            proc, conn = self.idle.get_nowait()
        except queue.Empty:
            return 503, "text/plain", b"too many queries at once; retry shortly"
        try:
            conn.send((query, accept))
            if conn.poll(self.timeout):
                answer = conn.recv()
                self.idle.put((proc, conn))
                return answer
            answer = (503, "text/plain", f"query timed out after {self.timeout:g} s".encode())
        except (EOFError, OSError):
            answer = (500, "text/plain", b"the query worker died")
        proc.kill()  # a runaway or dead worker is replaced
        proc.join(1)
        conn.close()
        with self.lock:
            self.workers.remove(proc)
        self.idle.put(self._spawn())
        return answer


def _page() -> bytes:
    """The query page: YASGUI with kg's named queries as its tabs (all served from the package)."""
    from . import queries

    named = {name: queries.load(name) for name in queries.names()}
    page = resources.files("kg").joinpath("serve_page.html").read_text(encoding="utf-8")
    # JSON inside <script>: "</" must not close the element
    payload = json.dumps(named, ensure_ascii=False).replace("</", "<\\/")
    return page.replace("/*NAMED_QUERIES*/{}/*END*/", payload).encode("utf-8")


_STATIC = {"yasgui.min.js": "application/javascript", "yasgui.min.css": "text/css"}


def _static(name: str) -> bytes | None:
    if name not in _STATIC:
        return None
    return resources.files("kg").joinpath("static", "yasgui", name).read_bytes()


def make_handler(endpoint: Endpoint):
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql"
        timeout = endpoint.socket_timeout  # a silent client (slowloris) is dropped
        query_hash = "-"
        started = 0.0

        def log_message(self, fmt, *args):  # the access log below is the only line per request
            pass

        def log_request(self, code="-", size="-"):
            if getattr(self.server, "quiet", False):
                return
            ms = (time.perf_counter() - self.started) * 1000 if self.started else 0.0
            sys.stderr.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {code} {ms:.0f}ms {self.command} "
                             f"{urlparse(self.path).path} q={self.query_hash}\n")

        def parse_request(self):
            self.started = time.perf_counter()
            return super().parse_request()

        def _send(self, status: int, media: str, body: bytes, headers: dict | None = None) -> None:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Type", media + ("; charset=utf-8" if media.startswith("text/") or any(k in media for k in ("json", "xml", "javascript")) else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept")
            self.end_headers()
            self.wfile.write(body)

        def _refuse_update(self) -> None:
            self._send(403, "text/plain", b"this endpoint is read-only: SPARQL Update is refused")

        def _answer(self, query: str) -> None:
            self.query_hash = hashlib.sha256(query.encode("utf-8", "replace")).hexdigest()[:12]
            status, media, body = endpoint.run(query, self.headers.get("Accept", ""))
            self._send(status, media, body, {"Retry-After": "1"} if status == 503 and b"retry" in body else None)

        def do_GET(self):
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                self._send(200, "text/html", _page())
                return
            if url.path.startswith("/static/yasgui/"):
                body = _static(url.path.rsplit("/", 1)[-1])
                if body is None:
                    self._send(404, "text/plain", b"not found")
                else:
                    self._send(200, _STATIC[url.path.rsplit("/", 1)[-1]], body, {"Cache-Control": "max-age=86400"})
                return
            if url.path == "/favicon.ico":
                self._send(204, "text/plain", b"")
                return
            if url.path == "/health":
                self._send(200, "application/json", json.dumps({"status": "ok", "store": endpoint.store}).encode())
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
                self._answer(params["query"][0])

        def do_POST(self):
            url = urlparse(self.path)
            if url.path != "/sparql":
                self._send(405, "text/plain", b"read-only endpoint: graph store writes are refused")
                return
            raw_length = (self.headers.get("Content-Length") or "0").strip()
            if not raw_length.isdigit():
                self._send(400, "text/plain", b"Content-Length must be a number of bytes")
                self.close_connection = True
                return
            length = int(raw_length)
            if length > endpoint.max_body:
                self._send(413, "text/plain", f"request body over {endpoint.max_body} bytes".encode())
                self.close_connection = True
                return
            body = self.rfile.read(length).decode("utf-8", "replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                self._refuse_update()
                return
            if media == "application/sparql-query":
                self._answer(body)
            elif media == "application/x-www-form-urlencoded":
                self._answer_params(parse_qs(body))
            else:
                self._send(415, "text/plain", b"send application/sparql-query or a form with query=")

        def _write_refused(self):
            self._send(405, "text/plain", b"read-only endpoint: graph store writes are refused")

        do_PUT = do_DELETE = do_PATCH = _write_refused

    return Handler


class _Server(ThreadingHTTPServer):
    """Requests are handled on a fixed pool of threads (no thread started per connection)."""

    daemon_threads = True
    request_queue_size = 128
    pool = None

    def process_request(self, request, client_address):
        if self.pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self.pool = ThreadPoolExecutor(max_workers=32, thread_name_prefix="kg-http")
        self.pool.submit(self.process_request_thread, request, client_address)

    def server_close(self):
        super().server_close()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up or sends garbage costs one line, never a traceback."""
        err = sys.exc_info()[1]
        if not getattr(self, "quiet", False):
            sys.stderr.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} - {client_address[0]} dropped: "
                             f"{type(err).__name__}\n")


def serve(store: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          max_rows: int = 100_000, ready=None, verbose: bool = False, quiet: bool = False,
          allow_service: bool = False, max_concurrent: int = 4, max_body: int = 1 << 20,
          socket_timeout: float = 10.0) -> None:
    """Serve the store until interrupted; ``ready(url)`` is called once the socket listens.
    One access-log line per request on stderr unless ``quiet``."""
    from .store import open_store

    open_store(store, read_only=True)  # a clear error now rather than at the first query
    endpoint = Endpoint(str(store), timeout, max_rows, allow_service=allow_service, max_concurrent=max_concurrent,
                        max_body=max_body, socket_timeout=socket_timeout)
    httpd = _Server((host, port), make_handler(endpoint))
    httpd.verbose = verbose
    httpd.quiet = quiet
    url = f"http://{httpd.server_address[0]}:{httpd.server_address[1]}/sparql"
    if ready:
        ready(url)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()
        endpoint.close()


__all__ = ["serve", "Endpoint"]
