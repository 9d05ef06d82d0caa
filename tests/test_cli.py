"""The CLI as users run it: a real subprocess, one-line errors, distinct exit codes."""

import json
import os
import subprocess
import sys

import pytest

from conftest import DATA


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_build_with_no_argument_builds_the_sample_into_exports(tmp_path):
    r = run("build", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert out == ["sample-report.graphml", "sample-report.ttl", "store"]


def test_build_file_to_folder(tmp_path):
    r = run("build", str(DATA / "tiny-report.md"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "tiny-report.ttl").stat().st_size > 0
    assert (tmp_path / "out" / "tiny-report.graphml").stat().st_size > 0


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\x00" * 20, b"\xff\xfe\xfa\xfb" * 10])
def test_bad_input_is_one_line_and_exit_2(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    r = run("build", str(bad), "-o", str(tmp_path / "out"))
    assert r.returncode == 2
    assert r.stderr.startswith("kg: error: ") and r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr


def test_missing_file_and_unknown_format(tmp_path):
    r = run("build", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "No such file" in r.stderr
    r = run("build", "--format", "pdf", str(DATA / "tiny-report.md"))
    assert r.returncode == 2 and "Unknown export format 'pdf'" in r.stderr


def test_failed_build_keeps_earlier_outputs(tmp_path):
    out = tmp_path / "out"
    assert run("build", str(DATA / "tiny-report.md"), "-o", str(out)).returncode == 0
    before = (out / "tiny-report.ttl").read_bytes()
    bad = tmp_path / "tiny-report.md"
    bad.write_bytes(b"")
    assert run("build", str(bad), "-o", str(out)).returncode == 2
    assert (out / "tiny-report.ttl").read_bytes() == before


def test_unwritable_output_exits_3(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = run("build", str(DATA / "tiny-report.md"), "-o", str(blocker / "sub"))
    assert r.returncode == 3 and r.stderr.startswith("kg: error: Cannot write")


def test_extract_prints_gold_fields(tmp_path):
    r = run("extract", str(DATA / "tiny-report.md"), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    text = (DATA / "tiny-report.md").read_text(encoding="utf-8")
    assert rows
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
        expected = {"doc", "start", "end", "text", "label"}
        if row["label"] == "QUANTITY":
            expected |= {"value", "unit", "approx", "kind"}
        assert set(row) == expected
    money = [r for r in rows if r["label"] == "QUANTITY" and r["unit"] == "元"]
    assert money[0]["value"] == 3200000 and money[0]["text"] == "320 万元"


def test_eval_scores_and_rejects_bad_files(tmp_path):
    pred = tmp_path / "pred.jsonl"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "d", "start": 0, "end": 2, "text": "科协", "label": "ORG"}) + "\n", encoding="utf-8")
    pred.write_text(json.dumps({"doc": "d", "start": 0, "end": 2, "text": "科协", "label": "ORG"}) + "\n", encoding="utf-8")
    r = run("eval", str(pred), str(gold), "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["labels"]["ORG"]["f1"] == 1.0
    pred.write_text(json.dumps({"doc": "d", "start": 0, "end": 3, "text": "科协会", "label": "ORG"}) + "\n", encoding="utf-8")
    r = run("eval", str(pred), str(gold), "--errors")
    assert "FP\tORG\t'科协会'\t1" in r.stdout and "FN\tORG\t'科协'\t1" in r.stdout
    pred.write_text("{not json\n", encoding="utf-8")
    r = run("eval", str(pred), str(gold))
    assert r.returncode == 2 and "line 1" in r.stderr


def test_usage_error_exit_2():
    r = run("nonsense")
    assert r.returncode == 2 and "No such command" in r.stderr


def test_eval_compares_two_prediction_files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    a = tmp_path / "a.jsonl"
    b = tmp_path / "b.jsonl"
    row = {"doc": "d", "start": 0, "end": 2, "text": "科协", "label": "ORG"}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    a.write_text("", encoding="utf-8")
    b.write_text(json.dumps(row) + "\n", encoding="utf-8")
    r = run("eval", str(a), str(b), str(gold))
    assert r.returncode == 0, r.stderr
    org = next(line for line in r.stdout.splitlines() if line.startswith("ORG"))
    assert org.split()[-1] == "+1.000"
    assert run("eval", str(a)).returncode == 2


def test_extract_lac_only_baseline():
    r = run("extract", "--lac-only", str(DATA / "tiny-report.md"))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and {row["label"] for row in rows} <= {"PERSON", "PLACE", "ORG", "DATE"}


def _rows(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_eval_scores_folders_file_by_file_with_a_micro_average(tmp_path):
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold").mkdir()
    a = {"doc": "a", "start": 0, "end": 2, "text": "科协", "label": "ORG"}
    b = {"doc": "b", "start": 0, "end": 2, "text": "河南", "label": "PLACE"}
    _rows(tmp_path / "gold" / "a.jsonl", [a])
    _rows(tmp_path / "gold" / "b.jsonl", [b])
    _rows(tmp_path / "pred" / "a.jsonl", [a])
    _rows(tmp_path / "pred" / "b.jsonl", [{**b, "label": "ORG"}])
    r = run("eval", str(tmp_path / "pred"), str(tmp_path / "gold"), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["files"]["a"]["overall"]["f1"] == 1.0 and out["files"]["b"]["overall"]["f1"] == 0.0
    assert out["micro"]["labels"]["ORG"]["tp"] == 1 and out["micro"]["labels"]["ORG"]["fp"] == 1
    assert out["micro"]["overall"]["f1"] == 0.5
    r = run("eval", str(tmp_path / "pred" / "a.jsonl"), str(tmp_path / "gold" / "a.jsonl"),
            str(tmp_path / "pred" / "b.jsonl"), str(tmp_path / "gold" / "b.jsonl"))
    assert r.returncode == 0 and "== micro-average" in r.stdout and "F1 by file" in r.stdout
    (tmp_path / "pred" / "b.jsonl").unlink()
    r = run("eval", str(tmp_path / "pred"), str(tmp_path / "gold"))
    assert r.returncode == 2 and "No prediction for gold file" in r.stderr and "Traceback" not in r.stderr


def test_eval_extracts_reports_itself(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "r.txt").write_text("2021年，河南省科协举办论坛。", encoding="utf-8")
    _rows(tmp_path / "r.jsonl", [{"doc": "r", "start": 6, "end": 11, "text": "河南省科协", "label": "ORG"}])
    r = run("eval", "--extract", str(tmp_path / "texts"), str(tmp_path / "r.jsonl"), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["files"]["r"]["labels"]["ORG"]["tp"] == 1
    r = run("eval", "--extract", str(tmp_path), str(tmp_path / "r.jsonl"))
    assert r.returncode == 2 and "No report text" in r.stderr


def test_extract_relations_prints_the_relation_gold_format():
    r = run("extract", str(DATA / "tiny-report.md"), "--relations")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    text = (DATA / "tiny-report.md").read_text(encoding="utf-8")
    assert rows
    for row in rows:
        assert {"doc", "relation", "subject", "object", "status", "period", "sentence"} <= set(row)
        for arg in (row["subject"], row["object"]):
            assert arg.get("author") or text[arg["start"]:arg["end"]] == arg["text"]
    found = {(x["relation"], x["subject"].get("text"), x["object"]["text"], x["status"], x["period"]) for x in rows}
    assert ("organizes", "山西省科协", "第三届汾河科技论坛", "reported", "2022") in found
    assert ("implements", "省科协", "基层科普行动计划", "planned", "2023") in found
    assert run("extract", str(DATA / "tiny-report.md"), "--relations", "--lac-only").returncode == 2


def test_eval_scores_relation_gold_files(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "r.txt").write_text("2021年，河南省科协举办第五届中原科技论坛。", encoding="utf-8")
    row = {"doc": "r", "relation": "organizes", "subject": {"start": 6, "end": 11, "text": "河南省科协"},
           "object": {"start": 13, "end": 22, "text": "第五届中原科技论坛"}, "status": "reported", "period": "2021",
           "sentence": {"start": 0, "end": 23}}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "r.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("eval", "--extract", str(tmp_path / "texts"), str(tmp_path / "gold"), "--json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)["files"]["r"]
    assert got["relations"]["organizes"]["tp"] == 1 and got["status"]["accuracy"] == 1.0 and got["period"]["accuracy"] == 1.0
    r = run("eval", "--extract", str(tmp_path / "texts"), str(tmp_path / "gold"), "--errors")
    assert r.returncode == 0 and "organizes" in r.stdout and "F1 by file" in r.stdout
