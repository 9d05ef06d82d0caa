"""The README's questions, asked of the corpus report's graph: money by purpose, head counts by program."""

import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg import queries


@pytest.fixture(scope="module")
def store(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("q")
    report = shared / "corpus" / "nmg-kexie-2022-work-report.txt"
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(report), "-o", str(out)], check=True)
    s = ox.Store()
    s.load(path=str(out / "nmg-kexie-2022-work-report.ttl"), format=ox.RdfFormat.TURTLE)
    return s


def test_money_by_purpose(store):
    rows = {(r["purpose"].value, float(r["total"].value)) for r in store.query(queries.load("money-by-purpose"))}
    # 拨付资金 2565 万元支持 157 个项目; 争取国家免费开放资金 3305 万元，资助全区 63 个科技馆
    assert ("项目", 25650000.0) in rows
    assert ("科技馆", 33050000.0) in rows
    assert sum(total for _p, total in rows) == pytest.approx(25650000 + 33050000 + 1140000 + 400000)


def test_headcounts_by_program(store):
    rows = {(r["program"].value, r["count"].value, float(r["value"].value)) for r in store.query(queries.load("headcounts-by-program"))}
    assert ("科普大讲堂", "186万多人", 1860000.0) in rows   # 举办“科普大讲堂”40期，186万多人听讲
    assert ("科创中国", "100人", 100.0) in rows             # 举办“科创中国”培训班，培训学员100人
    assert ("英才计划", "30多万名", 300000.0) in rows
    assert all(unit in ("人", "人次", "名", "位") for unit in [r["unit"].value for r in store.query(queries.load("headcounts-by-program"))])


def test_measurements_carry_period_and_status(store):
    q = """PREFIX kg: <https://w3id.org/kg-zh/ontology#>
    SELECT ?status (COUNT(?m) AS ?n) (MIN(STR(?p)) AS ?first) (MAX(STR(?p)) AS ?last)
    WHERE { ?m a kg:Measurement ; kg:status ?status ; kg:period ?p } GROUP BY ?status"""
    rows = {r["status"].value: (int(r["n"].value), r["first"].value, r["last"].value) for r in store.query(q)}
    assert rows["planned"][2] == "2022"      # the 2022 tasks
    assert rows["reported"][0] > 100          # the 2021 review
