"""kg serve and kg query tried as an attacker would, on loopback only, with bounded loops."""

import http.client
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import DATA, build_store, start_serve

# A cartesian product over the store: slow enough to hold a worker until the time limit.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Listener:
    """A TCP listener on loopback that records whether anything connects to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.stop = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("attack"))


@pytest.fixture(scope="module")
def server(store):
    proc, url = start_serve(store, "--timeout", "2", "--max-concurrent", "2", "--max-body", "10000",
                            "--socket-timeout", "1")
    host, port = urllib.parse.urlparse(url).netloc.split(":")
    yield proc, url, host, int(port)
    proc.send_signal(signal.SIGINT)
    proc.wait(10)


def _get(url, query, timeout=10):
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_service_reaches_no_listener_from_the_endpoint(server):
    _proc, url, _h, _p = server
    listener = Listener()
    try:
        status, _headers, body = _get(url, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}")
        time.sleep(0.3)
        assert status == 400 and b"SERVICE is refused" in body
        assert listener.hits == 0
    finally:
        listener.close()


def test_service_reaches_no_listener_from_kg_query(store):
    listener = Listener()
    try:
        q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}"
        r = subprocess.run([sys.executable, "-m", "kg.cli", "query", q, "--store", str(store)],
                           capture_output=True, text=True)
        time.sleep(0.3)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "SERVICE" in r.stderr
        assert listener.hits == 0
    finally:
        listener.close()


def test_oversized_and_malformed_bodies_get_4xx_without_a_traceback(server):
    proc, _url, host, port = server
    conn = http.client.HTTPConnection(host, port, timeout=5)
    conn.request("POST", "/sparql", body=b"x" * 20000, headers={"Content-Type": "application/sparql-query"})
    assert conn.getresponse().status == 413
    conn.close()
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: lots\r\n\r\n")
        assert s.recv(100).startswith(b"HTTP/1.0 400")
    status, _h, _b = _get(_url_of(host, port), "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert status == 200


def _url_of(host, port):
    return f"http://{host}:{port}/sparql"


def test_slowloris_connections_are_dropped(server):
    _proc, _url, host, port = server
    socks = []
    for _ in range(20):
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        socks.append(s)
    time.sleep(2.5)  # past the 1 s socket timeout
    closed = 0
    for s in socks:
        try:
            s.settimeout(1)
            closed += s.recv(10) == b""
        except (ConnectionError, socket.timeout):
            closed += 1
        finally:
            s.close()
    assert closed == len(socks)
    assert _get(_url_of(host, port), "ASK {}")[0] == 200


def test_parallel_slow_queries_are_capped_with_retry_after(server):
    _proc, url, _h, _p = server
    results = []

    def one():
        results.append(_get(url, SLOW, timeout=20))

    threads = [threading.Thread(target=one) for _ in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    statuses = sorted(s for s, _h, _b in results)
    assert len(statuses) == 100
    refused = [h for s, h, _b in results if s == 503 and "Retry-After" in h]
    assert len(refused) >= 90  # at most two ran at once; the others were turned away at once
    assert set(statuses) <= {200, 503}
    assert _get(url, "ASK {}")[0] == 200


def test_health_and_access_log(server):
    _proc, url, _h, _p = server
    health = url.rsplit("/", 1)[0] + "/health"
    with urllib.request.urlopen(health, timeout=5) as r:
        assert json.loads(r.read())["status"] == "ok"


def test_invalid_param_key_is_one_line_exit_2(store):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "query", "program-places", "--param", "?program=科创中国",
                        "--store", str(store)], capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "not a variable name" in r.stderr


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_serve_stops_cleanly_on_signals(store, sig, code):
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert "SPARQL endpoint at" in proc.stdout.readline()
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=10)
    assert proc.returncode == code
    assert "Traceback" not in err and err.strip().splitlines()[-1] in ("kg: interrupted", "kg: terminated")


@pytest.mark.parametrize("command,delay", [
    (["build", str(DATA / "tiny-report.md")], 0.7), (["build", str(DATA / "tiny-report.md")], 1.2),
    (["build", str(DATA / "tiny-report.md")], 2.0), (["extract", str(DATA / "tiny-report.md")], 1.0),
    (["view", str(DATA / "tiny-report.md"), "--no-open"], 1.2),
])  # imports, model loading, analysis (each takes seconds)
def test_commands_interrupted_at_any_moment_print_one_line(tmp_path, command, delay):
    # the report repeated, so that the command is still at work when the signal comes, however fast
    # start-up has become: the delays fall in the imports, the model's loading and the analysis
    report = tmp_path / "report.md"
    report.write_text(Path(command[1]).read_text(encoding="utf-8") * 300, encoding="utf-8")
    command = [command[0], str(report), *command[2:]]
    out = ["-o", str(tmp_path / "out")] if command[0] in ("build", "view") else []
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *command, *out],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in err and err.strip() == "kg: interrupted"


def test_queries_during_rebuilds_never_fail(shared, tmp_path):
    """2,000 queries while three reports are rebuilt into the store being served: no error."""
    reports = [str(shared / "corpus" / f"{d}.txt") for d in
               ("nmg-kexie-2022-work-report", "nmg-gov-work-report-2026", "cast-news-kexie-2019-2020")]
    build = [sys.executable, "-m", "kg.cli", "build", *reports, "-o", str(tmp_path)]
    assert subprocess.run(build, capture_output=True).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(tmp_path / "store"),
                             "--port", "0", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().split(" at ", 1)[1].split()[0]
    answers: dict = {}
    lock = threading.Lock()
    stop = threading.Event()

    def client():
        while not stop.is_set():
            status = _get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=30)[0]
            with lock:
                answers[status] = answers.get(status, 0) + 1

    threads = [threading.Thread(target=client) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        rebuilds = 0
        deadline = time.time() + 240
        while (rebuilds == 0 or sum(answers.values()) < 2000) and time.time() < deadline:
            assert subprocess.run(build, capture_output=True).returncode == 0
            rebuilds += 1
    finally:
        stop.set()
        for t in threads:
            t.join(30)
        proc.send_signal(signal.SIGINT)
        proc.wait(10)
    assert sum(answers.values()) >= 2000 and set(answers) == {200}, answers
