"""Targets against results across reports: five provinces' 2025 reports (Word files) and 2026
reports (scraped text) of ../shared/corpora, built into one store and queried by indicator label."""

import csv
import io
import subprocess
import sys

import pytest

# (province, 2025 target, its approx, 2025 result from the 2026 report, its approx), read off the texts:
# 2025: “主要预期目标是：地区生产总值增长6%左右…”; 2026: “地区生产总值增长4.7%” …
EXPECTED = [
    ("内蒙古自治区", "6", "about", "4.7", "exact"),
    ("北京市", "5", "about", "5.4", "exact"),
    ("四川省", "5.5", "more_than", "5.5", "exact"),
    ("江苏省", "5", "more_than", "5.3", "exact"),
    ("广东省", "5", "about", "3.9", "exact"),
]


def _kg(*args):
    r = subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.fixture(scope="module")
def store(shared, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    corpora = shared / "corpora"
    for province, *_ in EXPECTED:
        (folder / f"{province}-2025.docx").write_bytes(
            next((corpora / "gov-reports-2025-docx").glob(f"2025年{province[:2]}*.docx")).read_bytes())
        (folder / f"{province}-2026.txt").write_bytes((corpora / "gov-reports-2026" / f"{province}.txt").read_bytes())
    out = tmp_path_factory.mktemp("out")
    _kg("build", folder, "-o", out, "-q")
    return out / "store"


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_targets_against_results_by_any_label(store):
    for label in ("地区生产总值", "GDP"):
        rows = _rows(_kg("query", "targets-vs-results", "--param", f"indicator={label}", "--store", store, "--format", "csv"))
        got = {(r["region"], r["target"], r["target_approx"], r["result"], r["result_approx"])
               for r in rows if r["year"] == "2025" and r["aspect"] == "growth"}
        assert set(EXPECTED) <= got, (label, got)
        assert all(r["indicator"] == label for r in rows)
        assert all(r["target_report"].endswith("-2025") and r["result_report"].endswith("-2026")
                   for r in rows if r["year"] == "2025")


def test_indicator_series_finds_one_series_by_every_label(store):
    series = {}
    for label in ("地区生产总值", "国内生产总值", "GDP"):
        rows = _rows(_kg("query", "indicator-series", "--param", f"indicator={label}", "--store", store, "--format", "csv"))
        series[label] = {(r["region"], r["aspect"], r["year"], r["value"], r["status"], r["report"]) for r in rows}
    assert series["地区生产总值"] == series["国内生产总值"] == series["GDP"]
    rows = series["GDP"]
    assert ("内蒙古自治区", "growth", "2025", "6", "target", "内蒙古自治区-2025") in rows
    assert ("内蒙古自治区", "growth", "2026", "5", "target", "内蒙古自治区-2026") in rows
    only = _rows(_kg("query", "indicator-series", "--param", "indicator=GDP", "--param", "region=北京市",
                     "--store", store, "--format", "csv"))
    assert only and {r["region"] for r in only} == {"北京市"}
