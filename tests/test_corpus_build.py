"""Corpus builds (kg/corpus.py): worker processes, one failure a line, incremental, locked, Dask."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import DATA

CORPUS = DATA / "corpus-build"


def kg(*args, cwd=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=timeout)


def store_nquads(store_path) -> bytes:
    """Every quad of a store, as sorted N-Quads (what two builds must agree on)."""
    store = ox.Store.read_only(str(store_path))
    lines = sorted(str(q) + " .\n" for q in store.quads_for_pattern(None, None, None, None))
    return "".join(lines).encode("utf-8")


def exported(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    """The three-report folder built in one process: the reference for the other builds."""
    out = tmp_path_factory.mktemp("one") / "out"
    r = kg("build", str(CORPUS), "-o", str(out), "--workers", "1", "--format", "turtle,nquads,graphml")
    assert r.returncode == 0, r.stderr
    return out


def test_a_folder_builds_every_report_with_a_summary(one_worker):
    names = sorted(exported(one_worker))
    assert names == sorted(f"{stem}.{ext}" for stem in ("henan-2024", "hubei-news", "shanxi-2023")
                           for ext in ("ttl", "nq", "graphml"))
    graphs = sorted(g.value for g in ox.Store.read_only(str(one_worker / "store")).named_graphs())
    assert len(graphs) == 3
    manifest = json.loads((one_worker / "store" / "kg-manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["reports"]) == ["henan-2024", "hubei-news", "shanxi-2023"]


def test_worker_processes_give_the_same_outputs_as_one_process(one_worker, tmp_path):
    out = tmp_path / "out"
    r = kg("build", str(CORPUS), "-o", str(out), "--workers", "2", "--format", "turtle,nquads,graphml")
    assert r.returncode == 0, r.stderr
    assert "with 2 workers" in r.stderr
    assert exported(out) == exported(one_worker)
    assert store_nquads(out / "store") == store_nquads(one_worker / "store")


def test_bad_files_are_named_and_the_others_built(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    out = tmp_path / "out"
    r = kg("build", str(folder), "-o", str(out), "--workers", "2")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    failed = [line for line in r.stderr.splitlines() if line.startswith("kg: failed ")]
    assert len(failed) == 2
    assert any("empty.txt: E004 " in line for line in failed)
    assert any("binary.txt: E002 " in line for line in failed)
    assert r.stderr.splitlines()[-1].startswith("kg: error: 2 of 5 reports failed (3 built")
    assert {"built", "failed", "skipped"} <= {line.split()[0] for line in r.stderr.splitlines() if line.strip()}
    assert sorted(p.name for p in out.glob("*.ttl")) == ["henan-2024.ttl", "hubei-news.ttl", "shanxi-2023.ttl"]
    assert len(r.stdout.splitlines()) == 6  # the files of the reports that were built


def test_a_single_bad_file_is_still_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = kg("build", str(bad), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "is empty" in r.stderr


def test_second_build_skips_unchanged_reports_and_force_rebuilds(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS, folder)
    out = tmp_path / "out"
    t0 = time.perf_counter()
    assert kg("build", str(folder), "-o", str(out), "--workers", "1").returncode == 0
    first = time.perf_counter() - t0
    before = store_nquads(out / "store")
    ttl = (out / "henan-2024.ttl").stat().st_mtime_ns

    t0 = time.perf_counter()
    r = kg("build", str(folder), "-o", str(out), "--workers", "1")
    second = time.perf_counter() - t0
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""  # nothing written
    assert _summary(r.stderr) == {"built": 0, "skipped": 3, "failed": 0}
    assert (out / "henan-2024.ttl").stat().st_mtime_ns == ttl
    assert store_nquads(out / "store") == before
    assert second < first  # no pipeline loaded (the <10% figure on the corpus: docs/scale.md)

    (folder / "hubei-news.txt").write_text("湖北省科协召开科普工作会议\n\n全省建成科技馆64个。\n", encoding="utf-8")
    r = kg("build", str(folder), "-o", str(out), "--workers", "1")
    assert r.returncode == 0 and _summary(r.stderr) == {"built": 1, "skipped": 2, "failed": 0}
    assert "64" in (out / "hubei-news.ttl").read_text(encoding="utf-8")

    r = kg("build", str(folder), "-o", str(out), "--workers", "1", "--format", "turtle,gexf")
    assert _summary(r.stderr) == {"built": 3, "skipped": 0, "failed": 0}  # other exports asked for

    r = kg("build", str(folder), "-o", str(out), "--workers", "1", "--format", "turtle,gexf", "--force")
    assert _summary(r.stderr) == {"built": 3, "skipped": 0, "failed": 0}

    (out / "shanxi-2023.gexf").unlink()  # an export deleted by hand is written again
    r = kg("build", str(folder), "-o", str(out), "--workers", "1", "--format", "turtle,gexf")
    assert _summary(r.stderr) == {"built": 1, "skipped": 2, "failed": 0}


def _summary(stderr: str) -> dict[str, int]:
    """The closing table's counts: built, skipped, failed."""
    rows = {}
    for line in stderr.splitlines():
        parts = line.replace("(unchanged)", "").split()
        if len(parts) >= 2 and parts[0] in ("built", "skipped", "failed") and parts[1].isdigit():
            rows[parts[0]] = int(parts[1])
    return rows


def test_remove_drops_the_graph_and_its_files(tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(CORPUS), "-o", str(out), "--workers", "1").returncode == 0
    r = kg("remove", "hubei-news", "--store", str(out / "store"))
    assert r.returncode == 0, r.stderr
    assert not (out / "hubei-news.ttl").exists() and not (out / "hubei-news.graphml").exists()
    graphs = [g.value for g in ox.Store.read_only(str(out / "store")).named_graphs()]
    assert len(graphs) == 2 and not any(g.endswith("/hubei-news") for g in graphs)
    manifest = json.loads((out / "store" / "kg-manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["reports"]) == ["henan-2024", "shanxi-2023"]

    r = kg("remove", "no-such-report", "--store", str(out / "store"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "No report named 'no-such-report'" in r.stderr and "henan-2024" in r.stderr

    r = kg("build", str(CORPUS), "-o", str(out), "--workers", "1")  # comes back; the others skipped
    assert r.returncode == 0 and _summary(r.stderr) == {"built": 1, "skipped": 2, "failed": 0}


def test_a_second_build_waits_for_the_lock_then_gives_up_with_one_line(tmp_path):
    from kg.corpus import EXIT_BUSY, StoreLock

    out = tmp_path / "out"
    with StoreLock(out / "store", timeout=1):
        r = kg("build", str(CORPUS / "hubei-news.txt"), "-o", str(out), "--wait", "0.5")
    assert r.returncode == EXIT_BUSY == 75
    assert r.stderr.count("\n") == 1 and "in use by another kg build" in r.stderr and str(os.getpid()) in r.stderr

    lock = StoreLock(out / "store", timeout=1).__enter__()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(CORPUS / "hubei-news.txt"), "-o", str(out),
                             "--wait", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    assert proc.poll() is None  # waiting
    lock.__exit__(None, None, None)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err


def test_ctrl_c_stops_the_workers_and_leaves_the_store_whole(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    body = (CORPUS / "henan-2024.txt").read_text(encoding="utf-8")
    for i in range(40):
        (folder / f"r{i:02d}.txt").write_text(body.replace("2565", str(1000 + i)) * 20, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    manifest = out / "store" / "kg-manifest.json"
    while time.monotonic() < deadline and not list(out.glob("*.ttl")):
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "kg: interrupted"
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert children == []
    # what the store holds is whole, and the next build finishes the rest
    built = json.loads(manifest.read_text(encoding="utf-8"))["reports"] if manifest.exists() else {}
    r = kg("build", str(folder), "-o", str(out), "--workers", "2")
    assert r.returncode == 0, r.stderr
    summary = _summary(r.stderr)
    assert summary["skipped"] >= len(built) and summary["built"] + summary["skipped"] == 40


def test_a_killed_worker_costs_a_retry_not_the_reports_it_held(tmp_path):
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "reports"
    folder.mkdir()
    body = (CORPUS / "henan-2024.txt").read_text(encoding="utf-8")
    for i in range(8):
        (folder / f"r{i}.txt").write_text(body.replace("2565", str(1000 + i)) * 30, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob("*.ttl")):
        time.sleep(0.1)
    servers = [p for p in psutil.Process(proc.pid).children() if "forkserver" in " ".join(p.cmdline())]
    workers = servers[0].children() if servers else []  # the pool's workers are forked by the forkserver
    assert workers, "no worker processes to kill"
    workers[0].kill()  # as the kernel's OOM killer would
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert _summary(err) == {"built": 8, "skipped": 0, "failed": 0}
    assert len(list(ox.Store.read_only(str(out / "store")).named_graphs())) == 8


def test_dask_cluster_builds_the_same_graph_as_the_local_build(one_worker, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the dask extra: pip install '.[test]'")
    from kg.corpus import build_corpus

    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        result = build_corpus([CORPUS], out_dir=out, formats=("turtle", "nquads", "graphml"), executor="dask",
                              scheduler=cluster.scheduler_address)
    assert [r.doc_id for r in result.built] == ["henan-2024", "hubei-news", "shanxi-2023"]
    assert not result.failed and not result.skipped
    assert exported(out) == exported(one_worker)
    assert store_nquads(out / "store") == store_nquads(one_worker / "store")


def test_unreachable_dask_scheduler_is_one_line(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra: pip install '.[test]'")
    r = kg("build", str(CORPUS), "-o", str(tmp_path / "out"), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert r.stderr.startswith("kg: error: Cannot use the Dask scheduler at 'tcp://127.0.0.1:9'")


def test_a_bug_in_one_report_is_its_failure_line_not_the_corpus_end(tmp_path, monkeypatch):
    """In-process, so that the pipeline can be broken for one report only."""
    import kg.corpus as corpus
    from kg.corpus import CorpusError, build_corpus

    real = corpus._read

    def read(task):
        if task.doc_id == "hubei-news":
            raise ValueError("boom")
        return real(task)

    monkeypatch.setattr(corpus, "_read", read)
    with pytest.raises(CorpusError) as caught:
        build_corpus([CORPUS], out_dir=tmp_path / "out", workers=1)
    result = caught.value.result
    assert [r.doc_id for r in result.built] == ["henan-2024", "shanxi-2023"]
    assert [(r.doc_id, r.code) for r in result.failed] == [("hubei-news", "E046")]
    assert "ValueError: boom" in result.failed[0].error
    assert caught.value.exit_code == 1


def test_little_text_is_built_in_the_driver_unless_workers_are_asked_for(tmp_path):
    """A pool whose workers each load the pipeline costs more than analysing a few short reports."""
    folder = tmp_path / "small"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.md").write_text("# 山西省科协工作报告\n\n全年举办科普活动30场。\n", encoding="utf-8")
    r = kg("build", str(folder), "-o", str(tmp_path / "out"), "--no-store", "--format", "turtle")
    assert r.returncode == 0, r.stderr
    assert "with 1 worker" in r.stderr and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.ttl", "b.ttl"]


def test_a_worker_killed_while_writing_its_result_costs_a_retry_not_a_hang(tmp_path):
    # the pool's reader waits for the rest of a message the dead worker never sends; the executor must notice the dead
    # worker, free the pool and retry the report. Run in a child process: a hang there is a timeout here, not a stuck run.
    script = f"""
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from worker_tasks import Job, die_writing_result_once
from kg.corpus import _LocalExecutor
tmp = {str(tmp_path)!r}
(open(tmp + "/r1.died", "w")).close()  # r1 runs normally
jobs = [Job(tmp + "/r0.txt", "r0", tmp + "/r0.died"), Job(tmp + "/r1.txt", "r1", tmp + "/r1.died")]
got = {{}}
ex = _LocalExecutor(1, task_fn=die_writing_result_once)
try:
    ex.run(jobs, lambda t, res: got.__setitem__(t.doc_id, res))
finally:
    ex.close()
print(sorted(got.items()))
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[('r0', 'r0'), ('r1', 'r1')]"
