"""The corpus build engine: many reports, on every core (or a Dask cluster), streamed into one store.

``kg build`` and ``kg.build()`` come here. Two kinds of code, kept apart:

- ``build_one(task)``: a pure function of one report, run in a worker process (or a Dask task, or
  in-process for a single report). It reads the file, analyses it, builds its graph, writes or
  returns the export files, and returns the graph as N-Triples bytes in a ``ReportResult``. It
  never raises for a bad report: the failure comes back as a coded one-line reason.
- ``build_corpus(...)``: the driver. It finds the reports, skips the unchanged ones (content hash
  and pipeline version, kept in the store folder's manifest), hands the rest to an executor with
  a bounded number in flight, and writes each result into the store as it arrives (the driver is
  the only writer; the store is locked against a second build). Memory does not grow with the
  number of reports: only the results in flight are held.

Outputs do not depend on the order in which reports finish: each report is its own named graph
and its own files, and the manifest is written sorted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import Errors, InputError, KGError, OutputError

MANIFEST = "kg-manifest.json"
LOCK = "kg-build.lock"
EXIT_BUSY = 75  # EX_TEMPFAIL: the store is held by another build; try again later
_FLUSH_SECONDS = 5.0
# Reports of at most this many bytes in all are built in the driver unless --workers is given: their
# analysis (about 6,000 characters per CPU-second) takes less than a worker pool's start-up
SMALL_CORPUS_BYTES = 30_000


# ---------------------------------------------------------------- errors


class StoreBusy(KGError):
    """Another build holds the store's lock past the timeout."""

    exit_code = EXIT_BUSY


class CorpusError(KGError):
    """Some reports of a corpus failed; the others were built. ``result`` holds the details."""

    exit_code = 1

    def __init__(self, message: str, result: CorpusResult):
        super().__init__(message)
        self.result = result


def _error_patterns() -> list[tuple[str, re.Pattern]]:
    pats = []
    for code, template in sorted(vars(Errors).items()):
        if not (code.startswith("E") and isinstance(template, str)):
            continue
        parts = re.split(r"\{[^}]*\}", template)
        pats.append((code, re.compile("^" + "(.*?)".join(re.escape(p) for p in parts) + "$", re.S)))
    return pats


_PATTERNS: list | None = None


def error_code(message: str) -> str:
    """The ``Exxx`` code of a message made from an ``Errors`` template ('E???' for any other)."""
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = _error_patterns()
    for code, pat in _PATTERNS:
        if pat.match(message):
            return code
    return "E???"


# ---------------------------------------------------------------- pipeline version and hashes

# Modules that do not change what a report builds into (the rest of the package does).
_NOT_PIPELINE = {"cli.py", "_entry.py", "serve.py", "serve_page.html", "query.py", "validate.py", "evaluate.py",
                 "sparql_guard.py", "store.py", "corpus.py"}
_NOT_PIPELINE_DIRS = {"static", "queries", "__pycache__", "sample"}
_PIPELINE: str | None = None


def pipeline_version() -> str:
    """kg's version and a hash of the code and data files that decide a report's graph and exports.

    A report whose content and pipeline version are unchanged since it was built is skipped.
    """
    global _PIPELINE
    if _PIPELINE is None:
        from . import __version__

        root = Path(__file__).resolve().parent
        h = hashlib.sha256()
        for p in sorted(root.rglob("*")):
            rel = p.relative_to(root)
            if (not p.is_file() or rel.name in _NOT_PIPELINE or p.suffix in (".pyc",)
                    or any(part in _NOT_PIPELINE_DIRS for part in rel.parts[:-1])):
                continue
            h.update(str(rel).encode("utf-8") + b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
        _PIPELINE = f"{__version__}+{h.hexdigest()[:16]}"
    return _PIPELINE


def content_hash(path: str | Path) -> str:
    """SHA-256 of a report file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ---------------------------------------------------------------- one report


@dataclass(frozen=True)
class Task:
    """One report to build: where it is, its name, and how to export it."""

    path: str
    doc_id: str
    formats: tuple[str, ...]
    measurements: str = "attributes"
    out_dir: str | None = None  # write the exports here (a shared disk); None: return their bytes
    size: int = 0


@dataclass
class ReportResult:
    """What ``build_one`` gives back. ``ok`` or a coded ``error``; the graph as N-Triples bytes."""

    path: str
    doc_id: str
    ok: bool
    code: str = ""
    error: str = ""
    chars: int = 0
    triples: int = 0
    ntriples: bytes = b""
    written: list[str] = field(default_factory=list)  # export files written by the worker
    files: dict[str, bytes] = field(default_factory=dict)  # export files to write (name -> bytes)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the process that built it, for this report
    peak_rss: int = 0  # of the process that built it, in bytes
    ntriples_file: str = ""  # a long report's graph as a sorted N-Triples file (instead of ``ntriples``)
    steps: dict = field(default_factory=dict)  # step -> (seconds, peak RSS in bytes at its end)


def _peak_rss() -> int:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    except (ImportError, OSError):
        return 0


def _read(task: Task):
    from .io import read_source

    source = read_source(task.path, doc_id=task.doc_id)
    if source.doc_id != task.doc_id:
        source = replace(source, doc_id=task.doc_id)
    return source


def _extracted_text(source) -> bytes | None:
    """The report's text as UTF-8 when it is not the file's own bytes (Word, PDF, HTML, other
    encodings): written beside the exports as ``<name>.txt``, the text every offset indexes."""
    data = source.text.encode("utf-8")
    try:
        if source.path and Path(source.path).read_bytes() == data:
            return None
    except OSError:
        pass
    return data


def build_one(task: Task, nlp=None) -> ReportResult:
    """Build one report: read, analyse, graph, exports. Never raises for a bad report.

    Run by worker processes, Dask tasks, or the driver itself. Returns the graph as N-Triples
    bytes (the driver writes them into the store) and either the export files it wrote into
    ``task.out_dir`` or, without one, their bytes.
    """
    start, cpu = time.perf_counter(), time.process_time()
    try:
        from .api import analyse
        from .export import EXPORTERS
        from .graph import build_graph

        from .api import shared_nlp
        from .nlp.chunks import in_pieces

        source = _read(task)
        t0 = time.perf_counter()
        nlp = nlp or shared_nlp()
        doc = analyse(source, nlp)
        steps = {"analyse": (time.perf_counter() - t0, _peak_rss())}
        if in_pieces(nlp, source.analysis_text):  # a long report: its graph and exports written window by window
            return _build_streamed(task, source, doc, start, cpu, steps)
        t0 = time.perf_counter()
        graph = build_graph(doc, source)
        data = _ntriples(graph)
        steps["graph"] = (time.perf_counter() - t0, _peak_rss())
        t0 = time.perf_counter()
        result = ReportResult(path=task.path, doc_id=task.doc_id, ok=True, chars=len(source.text),
                              triples=len(graph), ntriples=data, steps=steps)
        text = _extracted_text(source)
        if task.out_dir is not None:
            if text is not None:
                from .io import write_text

                result.written.append(str(write_text(source, task.out_dir)))
            for fmt in task.formats:
                paths = EXPORTERS[fmt](graph, doc, Path(task.out_dir), task.doc_id, measurements=task.measurements)
                result.written.extend(str(p) for p in (paths if isinstance(paths, list) else [paths]))
        else:
            import tempfile

            if text is not None:
                result.files[f"{task.doc_id}.txt"] = text
            with tempfile.TemporaryDirectory(prefix="kg-build-") as tmp:
                for fmt in task.formats:
                    paths = EXPORTERS[fmt](graph, doc, Path(tmp), task.doc_id, measurements=task.measurements)
                    for p in (paths if isinstance(paths, list) else [paths]):
                        result.files[Path(p).relative_to(tmp).as_posix()] = Path(p).read_bytes()
        steps["exports"] = (time.perf_counter() - t0, _peak_rss())
        del doc, graph
    except KGError as err:
        message = str(err)
        result = ReportResult(path=task.path, doc_id=task.doc_id, ok=False, code=error_code(message), error=message)
    except Exception as err:  # noqa: BLE001  one report's bug must not stop a corpus: it becomes its failure line
        if os.environ.get("KG_DEBUG"):
            raise  # the traceback, as for any internal error
        message = Errors.E046.format(path=task.path, kind=type(err).__name__,
                                     reason=(str(err).splitlines() or [""])[0])
        result = ReportResult(path=task.path, doc_id=task.doc_id, ok=False, code="E046", error=message)
    result.seconds = time.perf_counter() - start
    result.cpu_seconds = time.process_time() - cpu
    result.peak_rss = _peak_rss()
    return result


def _build_streamed(task: Task, source, doc, start: float, cpu: float, steps: dict) -> ReportResult:
    """``build_one`` for a report analysed in pieces (``kg.nlp.chunks``): the graph is built window by
    window into a sorted N-Triples file (``kg.graph.stream``), the exports are written from it
    (``kg.export.stream``), and the driver loads the file into the store in chunks; no whole graph
    is held. The file is left in a temporary folder of ``task.out_dir`` for the driver (which
    deletes it), or sent back as bytes when there is no shared output folder (Dask)."""
    import shutil
    import tempfile

    from .export.stream import write_streamed
    from .graph.stream import stream_graph

    if task.out_dir is not None:
        Path(task.out_dir).mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".kg-graph-", dir=task.out_dir))
    try:
        t0 = time.perf_counter()
        streamed = stream_graph(doc, source, tmp)
        steps["graph"] = (time.perf_counter() - t0, _peak_rss())
        result = ReportResult(path=task.path, doc_id=task.doc_id, ok=True, chars=len(source.text),
                              triples=streamed.triples)
        text = _extracted_text(source)
        t0 = time.perf_counter()
        out = Path(task.out_dir) if task.out_dir is not None else tmp / "files"
        if text is not None:
            from .io import write_text

            result.written.append(str(write_text(source, out)))
        for fmt in task.formats:
            paths = write_streamed(streamed, fmt, doc, out, task.doc_id, measurements=task.measurements)
            result.written.extend(str(p) for p in (paths if isinstance(paths, list) else [paths]))
        steps["exports"] = (time.perf_counter() - t0, _peak_rss())
        del doc
        if task.out_dir is not None:
            result.ntriples_file = str(streamed.path)  # the driver loads it and deletes ``tmp``
            tmp = None
        else:
            result.ntriples = streamed.path.read_bytes()
            result.files = {Path(p).relative_to(out).as_posix(): Path(p).read_bytes() for p in result.written}
            result.written = []
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    result.steps = steps
    result.seconds = time.perf_counter() - start
    result.cpu_seconds = time.process_time() - cpu
    result.peak_rss = _peak_rss()
    return result


def _ntriples(graph) -> bytes:
    from . import store as kg_store

    if hasattr(kg_store, "ntriples"):  # kg.store's fast writer
        return kg_store.ntriples(graph)
    return graph.serialize(format="nt", encoding="utf-8")


def _orphan_watch(parent: int) -> None:
    """End this worker when the process that started it is gone (a driver killed outright
    cannot stop its pool; without this the workers would finish their report first)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _worker_init() -> None:
    """A worker process: Ctrl-C is the driver's business (it stops the pool); load the pipeline once."""
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_orphan_watch, args=(os.getppid(),), daemon=True, name="kg-orphan-watch").start()
    from .api import shared_nlp

    shared_nlp()


def _run_task(task: Task) -> ReportResult:
    return build_one(task)


# ---------------------------------------------------------------- the store folder: lock and manifest


class StoreLock:
    """An exclusive ``flock`` on ``<store>/kg-build.lock``: two builds into one store take turns."""

    def __init__(self, store: Path, timeout: float):
        self.store = Path(store)
        self.timeout = timeout
        self.fd: int | None = None

    def __enter__(self) -> StoreLock:
        import fcntl

        try:
            self.store.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.store / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise OutputError(Errors.E007.format(path=self.store, reason=err.strerror or err)) from None
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
                    os.close(fd)
                    raise StoreBusy(Errors.E041.format(store=self.store, pid=holder, seconds=self.timeout)) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        import fcntl

        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)
            except OSError:
                pass
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


class Manifest:
    """``<store>/kg-manifest.json``: per report, the content hash and pipeline version it was built
    from, how it was exported and the files written. Written atomically, sorted; a missing or
    unreadable manifest only means every report is rebuilt."""

    def __init__(self, store: Path):
        self.path = Path(store) / MANIFEST
        self.reports: dict[str, dict] = {}
        self.dirty = False
        self.flushed = time.monotonic()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("reports"), dict):
                self.reports = data["reports"]
        except (OSError, ValueError):
            pass

    def set(self, doc_id: str, entry: dict) -> None:
        self.reports[doc_id] = entry
        self.dirty = True

    def drop(self, doc_id: str) -> dict | None:
        self.dirty = True
        return self.reports.pop(doc_id, None)

    def flush(self, force: bool = True) -> None:
        if not self.dirty or (not force and time.monotonic() - self.flushed < _FLUSH_SECONDS):
            return
        from .export.atomic import write_atomic

        data = {"version": 1, "reports": {k: self.reports[k] for k in sorted(self.reports)}}
        write_atomic(self.path, (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
        self.dirty = False
        self.flushed = time.monotonic()


def _store_write(db, name: str, ntriples: bytes) -> None:
    """Replace the named graph ``name`` with the N-Triples ``ntriples`` (kg.store does the writing)."""
    from . import store as kg_store

    for fn in ("replace_graph_ntriples", "replace_graph_data", "replace_graph_bytes"):
        if hasattr(kg_store, fn):
            getattr(kg_store, fn)(db, name, ntriples)
            return
    # Until kg.store takes serialized triples: the same one-transaction update as its replace_graph
    # (DROP + INSERT DATA), fed the worker's N-Triples without parsing them back into rdflib.
    db.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{ntriples.decode('utf-8')}\n}} }}")
    db.flush()


# ---------------------------------------------------------------- the driver


@dataclass
class CorpusResult:
    """What a corpus build did: reports built, skipped (unchanged) and failed, the files written."""

    built: list[ReportResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # doc ids
    failed: list[ReportResult] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    driver_peak_rss: int = 0
    write_seconds: float = 0.0  # the driver's time writing results (files sent back, store, manifest)

    @property
    def chars(self) -> int:
        return sum(r.chars for r in self.built)

    @property
    def triples(self) -> int:
        return sum(r.triples for r in self.built)

    @property
    def worker_peak_rss(self) -> int:
        return max((r.peak_rss for r in self.built), default=0)


def _discover(paths: list) -> list[tuple[Path, str]]:
    """(file, doc id) of every report named by ``paths``, in kg.io's order."""
    from .io import find_sources

    out = []
    for item in find_sources(paths):
        if isinstance(item, (str, Path)):
            out.append((Path(item), Path(item).stem))
        else:  # a richer entry (path and doc id)
            out.append((Path(item.path), item.doc_id))
    return out


def _is_single_file(paths: list) -> bool:
    return len(paths) == 1 and not Path(paths[0]).is_dir()


class _Reporter:
    """Progress on stderr: a rich bar on a terminal, one plain line a report otherwise; failures as lines."""

    def __init__(self, enabled: bool, total: int, total_size: int, failures: bool = True):
        self.enabled = enabled
        self.failures = failures
        self.total = total
        self.done = 0
        self.chars = 0
        self.start = time.perf_counter()
        self.bar = None
        if enabled and total and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.console = Console(stderr=True)
            self.bar = Progress(TextColumn("[bold]kg build"), BarColumn(), TextColumn("{task.fields[reports]}"),
                                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                                TimeRemainingColumn(), console=self.console, transient=False)
            self.task = self.bar.add_task("build", total=max(total_size, 1), reports=f"0/{total} reports", rate="")
            self.bar.start()

    def line(self, text: str) -> None:
        if not (self.enabled or self.failures):
            return
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False)
        else:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()

    def advance(self, result: ReportResult, size: int) -> None:
        self.done += 1
        self.chars += result.chars
        if not result.ok and self.failures:
            self.line(f"kg: failed {result.path}: {result.code} {result.error}")
        if not self.enabled:
            return
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        rate = f"{self.chars / elapsed:,.0f} chars/s"
        if self.bar is not None:
            self.bar.update(self.task, advance=size, reports=f"{self.done}/{self.total} reports", rate=rate)
        elif result.ok:
            self.line(f"kg: [{self.done}/{self.total}] built {result.doc_id} ({result.chars:,} chars, "
                      f"{result.seconds:.1f} s; {rate})")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def summary_table(result: CorpusResult) -> str:
    """The closing table: reports built, skipped and failed, characters, time."""
    total = len(result.built) + len(result.skipped) + len(result.failed)
    rate = result.chars / result.seconds if result.seconds else 0.0
    rows = [("built", len(result.built), f"{result.chars:,}"), ("skipped (unchanged)", len(result.skipped), ""),
            ("failed", len(result.failed), ""), ("total", total, "")]
    lines = [f"{'':<20}{'reports':>9}{'characters':>14}"]
    lines += [f"{name:<20}{n:>9}{chars:>14}" for name, n, chars in rows]
    lines.append(f"{result.seconds:.1f} s with {result.workers} worker{'s' if result.workers != 1 else ''}"
                 f" ({rate:,.0f} chars/s)")
    return "\n".join(lines)


def _mp_context():
    import multiprocessing as mp

    # forkserver: workers start from a clean, single-threaded server process (no inherited
    # threads or onnxruntime sessions, which do not survive fork()); spawn where it is missing.
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _quiet_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with its stderr on the null device.

    The tracker is a helper process that outlives kg and unlinks the pool's named semaphores
    if kg could not; after Ctrl-C it may warn of "leaked semaphore objects", on kg's stderr
    and after kg's one line. Its warnings say nothing a user can act on, so it is started,
    before the pool, with the null device as its stderr (it keeps doing its cleaning).
    Nothing happens if it is already running."""
    from multiprocessing import resource_tracker

    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        resource_tracker.ensure_running()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


# How often the local executor looks at its workers while it waits (seconds), and how long a dead worker may go
# unnoticed by the pool before the executor frees the pool itself (see _LocalExecutor._free_if_stuck).
_WATCH_SECONDS = 1.0
_STUCK_SECONDS = 3.0


class _LocalExecutor:
    """Worker processes with the pipeline loaded once each; a pool that dies (a worker killed, e.g.
    out of memory) is replaced, and the reports it held are retried one at a time.

    ``task_fn`` runs one task in a worker (``_run_task``: build one report); tests pass another."""

    def __init__(self, workers: int, task_fn=None):
        self.workers = workers
        self.pool = None
        self.task_fn = task_fn or _run_task
        self._dead_since: float | None = None

    def _pool(self):
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            _quiet_resource_tracker()
            self.pool = ProcessPoolExecutor(self.workers, mp_context=_mp_context(), initializer=_worker_init)
        return self.pool

    def run(self, tasks, on_result) -> None:
        from concurrent.futures.process import BrokenProcessPool

        queue = deque(tasks)
        suspects: deque = deque()  # tasks in flight when a worker died: retried alone
        limit = 2 * self.workers
        inflight: dict = {}
        while queue or suspects or inflight:
            if suspects and not inflight:  # one at a time, so that a report that kills its worker is found
                t = suspects.popleft()
                try:
                    fut = self._pool().submit(self.task_fn, t)
                    self._wait_any([fut])
                    res = fut.result()
                except BrokenProcessPool:
                    self._kill()
                    res = ReportResult(path=t.path, doc_id=t.doc_id, ok=False, code="E048",
                                       error=Errors.E048.format(path=t.path))
                on_result(t, res)
                continue
            broken = False
            while not suspects and queue and len(inflight) < limit:
                t = queue.popleft()
                try:
                    inflight[self._pool().submit(self.task_fn, t)] = t
                except BrokenProcessPool:  # a worker died since the last wait: t never ran
                    queue.appendleft(t)
                    broken = True
                    break
            if not broken and inflight:
                done = self._wait_any(inflight)
                for fut in sorted(done, key=lambda f: inflight[f].path):
                    t = inflight.pop(fut)
                    try:
                        res = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.append(t)
                        continue
                    on_result(t, res)
            if broken:
                suspects.extend(sorted(inflight.values(), key=lambda t: t.path))
                inflight.clear()
                self._kill()

    def _wait_any(self, futures) -> set:
        """The futures done once one is, looking at the workers every _WATCH_SECONDS meanwhile."""
        from concurrent.futures import FIRST_COMPLETED, wait

        while True:
            done, _ = wait(futures, timeout=_WATCH_SECONDS, return_when=FIRST_COMPLETED)
            if done:
                self._dead_since = None
                return done
            self._free_if_stuck()

    def _free_if_stuck(self) -> None:
        """A worker killed while it wrote its result to the pool's result pipe leaves the pool's manager thread
        reading the rest of that message for ever: the pool never marks itself broken and its futures never
        finish (CPython's ProcessPoolExecutor; a kill mid-write under load is what the OOM killer does). When a
        worker has been dead for _STUCK_SECONDS and nothing finished, end the other workers and close this
        process's end of the pipe: the reader then sees the end of the file and the pool fails its futures with
        BrokenProcessPool, which run() retries as it does any dead worker's reports."""
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        if not any(p.exitcode is not None for p in procs):
            self._dead_since = None
            return
        now = time.monotonic()
        if self._dead_since is None:
            self._dead_since = now
            return
        if now - self._dead_since < _STUCK_SECONDS:
            return
        self._dead_since = None
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=5)
        writer = getattr(getattr(self.pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()

    def _kill(self) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=5)

    def close(self, interrupted: bool = False) -> None:
        if interrupted:
            self._kill()
        elif self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None


class _InProcessExecutor:
    def __init__(self, nlp=None):
        self.nlp = nlp

    def run(self, tasks, on_result) -> None:
        for t in tasks:
            on_result(t, build_one(t, self.nlp))

    def close(self, interrupted: bool = False) -> None:
        pass


class _DaskExecutor:
    """``build_one`` as Dask tasks on a cluster; results come back to the driver as they finish."""

    def __init__(self, scheduler: str | None, client=None, workers: int | None = None):
        try:
            import distributed
        except ImportError:
            raise InputError(Errors.E044) from None
        self.own = client is None
        if client is None:
            if not scheduler:
                raise InputError(Errors.E045.format(address="(none)", reason="--executor dask needs --scheduler tcp://HOST:PORT"))
            try:
                client = distributed.Client(scheduler, timeout="10s")
            except (OSError, TimeoutError) as err:
                raise InputError(Errors.E045.format(address=scheduler, reason=str(err).splitlines()[0] if str(err) else type(err).__name__)) from None
        self.client = client
        self.limit = 2 * max(workers or sum(client.nthreads().values()) or 1, 1)

    def run(self, tasks, on_result) -> None:
        from distributed import as_completed

        queue = deque(tasks)
        keys = {}
        first = []
        while queue and len(first) < self.limit:
            t = queue.popleft()
            fut = self.client.submit(build_one, t, pure=False)
            keys[fut.key] = t
            first.append(fut)
        pending = as_completed(first)
        for fut in pending:
            t = keys.pop(fut.key)
            try:
                res = fut.result()
            except Exception as err:  # noqa: BLE001  a task that died on its worker (killed, lost)
                res = ReportResult(path=t.path, doc_id=t.doc_id, ok=False, code="E048",
                                   error=Errors.E048.format(path=t.path) + f" ({type(err).__name__})")
            fut.release()
            on_result(t, res)
            if queue:
                nt = queue.popleft()
                nf = self.client.submit(build_one, nt, pure=False)
                keys[nf.key] = nt
                pending.add(nf)

    def close(self, interrupted: bool = False) -> None:
        if self.own:
            self.client.close()


def build_corpus(paths: list[str | Path] | None, out_dir: str | Path = "exports", formats=("turtle", "graphml"),
                 store: str | Path | None = "default", measurements: str = "attributes", workers: int | None = None,
                 executor: str = "local", scheduler: str | None = None, client=None, force: bool = False,
                 progress: bool = False, failures: bool | None = None, lock_timeout: float = 600.0,
                 nlp=None) -> CorpusResult:
    """Build every report of ``paths`` (files and folders) into ``out_dir`` and the store.

    ``workers``: processes for the local executor (default: the number of cores; 1 builds in this
    process). ``executor="dask"`` runs the reports on the Dask cluster at ``scheduler`` (or on
    ``client``). Reports whose file and pipeline are unchanged since their last build into this
    store are skipped unless ``force``. A single named file that is bad raises its ``InputError``;
    in a corpus, bad reports are reported and the others built, then ``CorpusError`` (exit code 1)
    is raised. ``progress`` writes the bar and the closing table to stderr; ``failures`` (default:
    as ``progress``) a line for each report that failed.
    """
    start = time.perf_counter()
    formats = tuple(formats)
    if executor not in ("local", "dask"):
        raise InputError(Errors.E047.format(name=executor))
    if workers is not None and workers < 1:
        raise InputError(Errors.E043.format(n=workers))
    single = paths is None or _is_single_file(list(paths))
    if not paths:
        from importlib import resources

        sample = Path(str(resources.files("kg.sample").joinpath("sample-report.md")))  # as kg.api.sample_report
        entries = [(sample, sample.stem)]
    else:
        entries = _discover(list(paths))
    seen: dict[str, Path] = {}
    for path, doc_id in entries:
        if doc_id in seen:
            raise InputError(Errors.E010.format(name=doc_id, first=seen[doc_id], second=path))
        seen[doc_id] = path
    out = Path(out_dir)
    out_key = str(out.resolve())
    store_path = (out / "store") if store == "default" else (Path(store) if store is not None else None)
    if store_path is None or list(formats) not in (e.get("formats") for e in Manifest(store_path).reports.values()):
        from .export import check_formats  # (imports every exporter; formats a manifest holds were checked)

        check_formats(formats)
    result = CorpusResult()
    lock = StoreLock(store_path, lock_timeout) if store_path is not None else None
    if lock is not None:
        lock.__enter__()
    runner = None
    interrupted = True
    manifest = None
    reporter = None
    try:
        db = None
        if store_path is not None:
            from .store import open_store

            db = open_store(store_path)
            manifest = Manifest(store_path)
        pipeline = pipeline_version()
        todo: list[tuple[Task, str]] = []
        order = {doc_id: i for i, (_p, doc_id) in enumerate(entries)}
        for path, doc_id in entries:
            try:
                digest = content_hash(path)
                size = path.stat().st_size
            except OSError:
                digest, size = "", 0  # unreadable: build_one says why
            task = Task(path=str(path), doc_id=doc_id, formats=formats, measurements=measurements,
                        out_dir=str(out) if executor == "local" else None, size=size)
            if not force and digest and manifest is not None and _unchanged(manifest.reports.get(doc_id), db, doc_id,
                                                                             digest, pipeline, formats, measurements, out_key):
                result.skipped.append(doc_id)
                continue
            todo.append((task, digest))
        n_workers = min(workers or os.cpu_count() or 1, max(len(todo), 1))
        if workers is None and sum(t.size for t, _d in todo) <= SMALL_CORPUS_BYTES:
            n_workers = 1  # little text: starting workers (each loading the pipeline) costs more than it saves
        if executor == "dask":
            runner = _DaskExecutor(scheduler, client, workers)
            n_workers = runner.limit // 2
        elif n_workers <= 1 or nlp is not None:
            runner, n_workers = _InProcessExecutor(nlp), 1
        else:
            runner = _LocalExecutor(n_workers)
        result.workers = n_workers
        reporter = _Reporter(progress and not single, len(todo), sum(t.size for t, _d in todo),
                             failures=(progress if failures is None else failures) and not single)
        digests = {t.doc_id: d for t, d in todo}
        if todo and progress and not single and reporter.bar is None:
            reporter.line(f"kg: building {len(todo)} report{'s' if len(todo) != 1 else ''} "
                          f"({len(result.skipped)} unchanged skipped) with {n_workers} worker{'s' if n_workers != 1 else ''}")

        def on_result(task: Task, res: ReportResult) -> None:
            if res.ok:
                t0 = time.perf_counter()
                _finish(res, task, out, db, manifest, digests[task.doc_id], pipeline, out_key)
                result.write_seconds += time.perf_counter() - t0
                result.built.append(res)
                res.ntriples = b""
                res.files = {}
            else:
                if single:
                    raise InputError(res.error) if res.code != "E046" else KGError(res.error, exit_code=70)
                result.failed.append(res)
            reporter.advance(res, task.size)
            if manifest is not None:
                manifest.flush(force=False)

        runner.run([t for t, _d in todo], on_result)
        interrupted = False
    finally:
        if reporter is not None:
            reporter.close()
        if runner is not None:
            runner.close(interrupted=interrupted)
        try:
            if manifest is not None:
                manifest.flush()
        finally:
            if lock is not None:
                lock.__exit__(None, None, None)
    result.built.sort(key=lambda r: order[r.doc_id])
    result.failed.sort(key=lambda r: order[r.doc_id])
    result.skipped.sort(key=order.__getitem__)
    for r in result.built:
        result.written.extend(Path(p) for p in r.written)
    result.seconds = time.perf_counter() - start
    result.driver_peak_rss = _peak_rss()
    if progress and not single:
        sys.stderr.write(summary_table(result) + "\n")
        sys.stderr.flush()
    if result.failed:
        first = result.failed[0]
        raise CorpusError(Errors.E040.format(failed=len(result.failed), total=len(entries), built=len(result.built),
                                             skipped=len(result.skipped), first=f"{first.path}: {first.code}"), result)
    return result


def _unchanged(entry: dict | None, db, doc_id: str, digest: str, pipeline: str, formats, measurements: str,
               out_key: str) -> bool:
    if not entry or entry.get("sha256") != digest or entry.get("pipeline") != pipeline:
        return False
    if entry.get("formats") != list(formats) or entry.get("measurements") != measurements or entry.get("out") != out_key:
        return False
    if not all(Path(f).is_file() for f in entry.get("files", [])):
        return False
    if db is not None:
        import pyoxigraph as ox

        if not entry.get("graph") or not db.contains_named_graph(ox.NamedNode(entry["graph"])):
            return False
    return True


def _finish(res: ReportResult, task: Task, out: Path, db, manifest: Manifest | None, digest: str, pipeline: str,
            out_key: str) -> None:
    """The driver's part of one built report: its export files (when sent back), the store, the manifest."""
    if res.files:
        from .export.atomic import write_atomic

        for name in res.files:  # in the order of --format, as the local workers write them
            res.written.append(str(write_atomic(out / name, res.files[name])))
    from .graph.iri import report_iri

    graph = str(report_iri(res.doc_id))
    if res.ntriples_file:  # a long report's graph, in a file (``_build_streamed``)
        import shutil

        from . import store as kg_store

        try:
            if db is not None:
                if manifest is not None and res.triples > kg_store.CHUNK:
                    # loaded in chunks, not in one transaction: no entry says it is built until it is
                    manifest.drop(res.doc_id)
                    manifest.flush()
                kg_store.replace_graph_file(db, graph, res.ntriples_file, res.triples)
        finally:
            shutil.rmtree(Path(res.ntriples_file).parent, ignore_errors=True)
            res.ntriples_file = ""
    elif db is not None:
        _store_write(db, graph, res.ntriples)
    if manifest is not None:
        manifest.set(res.doc_id, {"source": str(Path(task.path).resolve()), "graph": graph, "sha256": digest,
                                  "pipeline": pipeline,
                                  "formats": list(task.formats), "measurements": task.measurements, "out": out_key,
                                  "files": [str(Path(p).resolve()) for p in res.written],
                                  "chars": res.chars, "triples": res.triples})


# ---------------------------------------------------------------- kg remove


def remove_reports(names: list[str], store: str | Path, lock_timeout: float = 600.0) -> list[Path]:
    """Drop reports (by name, i.e. doc id, or report IRI) from the store and delete the export files
    their last build wrote; return the files deleted. Unknown names: ``InputError``, nothing removed."""
    import pyoxigraph as ox

    from .graph.iri import report_iri
    from .store import open_store

    store_path = Path(store)
    if not store_path.is_dir():
        raise InputError(Errors.E017.format(path=store))
    deleted: list[Path] = []
    with StoreLock(store_path, lock_timeout):
        db = open_store(store_path)
        manifest = Manifest(store_path)
        by_iri = {str(report_iri(k)): k for k in manifest.reports}
        plan = []
        for name in names:
            doc_id = by_iri.get(name, name)
            iri = name if name in by_iri or name.startswith(("http://", "https://")) else str(report_iri(doc_id))
            in_store = db.contains_named_graph(ox.NamedNode(iri))
            if doc_id not in manifest.reports and not in_store:
                known = sorted(manifest.reports) or ["(none)"]
                more = f" … ({len(known)} in all)" if len(known) > 10 else ""
                raise InputError(Errors.E042.format(name=name, store=store, names=", ".join(known[:10]) + more))
            plan.append((doc_id, iri, in_store))
        for doc_id, iri, in_store in plan:
            if in_store:
                db.remove_graph(ox.NamedNode(iri))
            entry = manifest.drop(doc_id) or {}
            for f in entry.get("files", []):
                try:
                    os.unlink(f)
                    deleted.append(Path(f))
                except FileNotFoundError:
                    pass
                except OSError as err:
                    raise OutputError(Errors.E007.format(path=f, reason=err.strerror or err)) from None
        db.flush()
        manifest.flush()
    return deleted


__all__ = ["Task", "ReportResult", "CorpusResult", "CorpusError", "StoreBusy", "build_one", "build_corpus",
           "remove_reports", "pipeline_version", "content_hash", "error_code", "summary_table"]
