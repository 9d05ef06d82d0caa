"""Build every report of ../shared/corpus end to end and score extraction against ../shared/gold."""

import json
import subprocess
import sys

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

from kg.evaluate import read_jsonl, score
from kg.graph.namespace import KG, SCHEMA

THRESHOLDS = {"ORG": 0.92, "PROGRAM": 0.92, "PLACE": 0.92, "PERSON": 0.92,
              "EVENT": 0.85, "WORK": 0.85, "DATE": 0.85, "QUANTITY": 0.95}
QUANTITY_NORMALIZATION = 0.97


@pytest.fixture(scope="module")
def built(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    reports = sorted((shared / "corpus").glob("*.txt"))
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, reports), "-o", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out, reports


def test_every_report_builds_and_parses(built):
    out, reports = built
    for report in reports:
        ttl = out / f"{report.stem}.ttl"
        g = rdflib.Graph().parse(ttl, format="turtle")
        assert (None, RDF.type, KG.Report) in g
        store = pyoxigraph.Store()
        store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
        assert len(store) == len(g)
        net = nx.read_graphml(out / f"{report.stem}.graphml")
        assert net.number_of_nodes() > 0
        assert all(a.get("label") and a.get("type") for _n, a in net.nodes(data=True))
        assert b'key id="d0"' not in (out / f"{report.stem}.graphml").read_bytes()


def test_kexie_report_holds_the_expected_entities_and_measurement(built):
    out, _ = built
    ttl = out / "nmg-kexie-2022-work-report.ttl"
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    rows = store.query("""
        PREFIX kg: <https://w3id.org/kg-zh/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?type WHERE { ?e a kg:Entity ; a ?type ; rdfs:label ?label . FILTER(?type != kg:Entity) }
    """)
    typed = {(r["label"].value, r["type"].value.rsplit("#", 1)[-1]) for r in rows}
    for label, kind in [("科创中国", "Program"), ("科普中国", "Program"), ("智汇中国", "Program"),
                        ("中国科协", "Organization"), ("巴彦淖尔市", "Place"), ("包头市", "Place"),
                        ("呼伦贝尔市", "Place")]:
        assert (label, kind) in typed, label
    g = rdflib.Graph().parse(ttl, format="turtle")
    values = {(str(g.value(m, RDFS.label)), g.value(m, SCHEMA.value).toPython())
              for m in g.subjects(RDF.type, KG.Measurement)}
    assert ("2565万元", 25650000) in values


def test_extraction_scores_against_gold(shared, tmp_path):
    report = shared / "corpus" / "nmg-kexie-2022-work-report.txt"
    gold_path = shared / "gold" / "nmg-kexie-2022-work-report.jsonl"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(report), "--format", "jsonl"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    pred = [json.loads(line) for line in r.stdout.splitlines()]
    result = score(pred, read_jsonl(gold_path))
    print(result.table())
    for label, minimum in THRESHOLDS.items():
        assert result.labels[label].f1 >= minimum, (label, result.labels[label].f1)
    assert result.quantity_accuracy >= QUANTITY_NORMALIZATION


def test_offsets_slice_the_original_text(shared):
    import kg

    text = (shared / "corpus" / "nmg-kexie-2022-work-report.txt").read_text(encoding="utf-8")
    for row in kg.extract(shared / "corpus" / "nmg-kexie-2022-work-report.txt"):
        assert text[row["start"]:row["end"]] == row["text"]


def test_two_builds_are_byte_identical(shared, tmp_path):
    report = shared / "corpus" / "nmg-kexie-2022-work-report.txt"
    for d in ("a", "b"):
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(report), "-o", str(tmp_path / d)], check=True)
    for suffix in (".ttl", ".graphml"):
        name = report.stem + suffix
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_corpus_report_in_every_format(shared, tmp_path):
    import json

    from rdflib import Dataset

    report = shared / "corpus" / "nmg-kexie-2022-work-report.txt"
    formats = "turtle,ntriples,trig,nquads,jsonld,graphml,gexf,csv,html"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(report), "-o", str(tmp_path), "--format", formats,
                        "--no-store"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    stem = tmp_path / report.stem
    reference = rdflib.Graph().parse(f"{stem}.ttl", format="turtle")
    assert len(rdflib.Graph().parse(f"{stem}.nt", format="nt")) == len(reference)
    for suffix, fmt, ox_fmt in (("trig", "trig", pyoxigraph.RdfFormat.TRIG), ("nq", "nquads", pyoxigraph.RdfFormat.N_QUADS),
                                ("jsonld", "json-ld", pyoxigraph.RdfFormat.JSON_LD)):
        ds = Dataset()
        ds.parse(f"{stem}.{suffix}", format=fmt)
        assert sum(len(g) for g in ds.graphs()) == len(reference)
        store = pyoxigraph.Store()
        store.load(path=f"{stem}.{suffix}", format=ox_fmt)
        assert len(store) == len(reference)
    assert nx.read_graphml(f"{stem}.graphml").number_of_edges() > 100
    assert nx.read_gexf(f"{stem}.gexf", version="1.3").number_of_nodes() > 100
    assert (tmp_path / f"{report.stem}.nodes.csv").read_text(encoding="utf-8").startswith("Id,Label,Type")
    page = (tmp_path / f"{report.stem}.html").read_text(encoding="utf-8")
    data = json.loads(page.split("const DATA = ", 1)[1].split(";\n", 1)[0])
    assert any(n["label"] == "科创中国" for n in data["nodes"])


# Floors per gold file, just below what the pipeline scores (a regression guard): exact-span F1.
# The targets of the recognition work are 0.92 for ORG, PLACE and PERSON and 0.85 for the others.
FLOORS = {
    "nmg-kexie-2022-work-report": {"ORG": 0.93, "PROGRAM": 0.93, "EVENT": 0.89, "WORK": 0.91, "PLACE": 0.95,
                                   "PERSON": 0.94, "DATE": 0.98, "QUANTITY": 0.95},
    "nmg-gov-work-report-2026": {"ORG": 0.92, "PROGRAM": 0.83, "EVENT": 0.86, "WORK": 0.95, "PLACE": 0.84,
                                 "PERSON": 0.97, "DATE": 0.97, "QUANTITY": 0.95},
    "cast-news-kexie-2019-2020": {"ORG": 0.91, "PROGRAM": 0.87, "EVENT": 0.83, "WORK": 0.95, "PLACE": 0.87,
                                  "PERSON": 0.96, "DATE": 0.94, "QUANTITY": 0.95},
}


def test_every_gold_file_scores_above_its_floors(shared, tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "--extract", str(shared / "corpus"),
                        str(shared / "gold"), "--json"], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    files = json.loads(r.stdout)["files"]
    assert set(FLOORS) <= set(files)
    for name, floors in FLOORS.items():
        for label, minimum in floors.items():
            assert files[name]["labels"][label]["f1"] >= minimum, (name, label, files[name]["labels"][label]["f1"])
        # quantity normalization (value, unit, approx on matched spans): the target of "Quantities v2"
        assert files[name]["quantity_normalization"]["accuracy"] >= 0.97, name


# Relation floors per gold file (../shared/gold/relations): micro F1 and precision over all relations,
# and status and period accuracy on matched relations, just below what the pipeline scores.
# The targets of "Relations v2": F1 0.75 with precision 0.85; status 0.95, period 0.90.
RELATION_FLOORS = {
    "nmg-kexie-2022-work-report": {"f1": 0.83, "precision": 0.89, "status": 0.95, "period": 0.95},
    "nmg-gov-work-report-2026": {"f1": 0.81, "precision": 0.85, "status": 0.97, "period": 0.92},
    "cast-news-kexie-2019-2020": {"f1": 0.84, "precision": 0.89, "status": 0.99, "period": 0.95},
}


def test_every_relation_gold_file_scores_above_its_floors(shared):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "--extract", str(shared / "corpus"),
                        str(shared / "gold" / "relations"), "--json"], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    files = json.loads(r.stdout)["files"]
    assert set(RELATION_FLOORS) <= set(files)
    for name, floors in RELATION_FLOORS.items():
        got = files[name]
        assert got["overall"]["f1"] >= floors["f1"], (name, got["overall"])
        assert got["overall"]["precision"] >= floors["precision"], (name, got["overall"])
        assert got["status"]["accuracy"] >= floors["status"], (name, got["status"])
        assert got["period"]["accuracy"] >= floors["period"], (name, got["period"])


def test_posts_query_lists_people_with_posts_organizations_and_sentences(built):
    out, _reports = built
    r = subprocess.run([sys.executable, "-m", "kg.cli", "query", "posts", "--store", str(out / "store"),
                        "--format", "json"], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    rows = rows["results"]["bindings"] if isinstance(rows, dict) else rows
    value = lambda row, k: row[k]["value"] if isinstance(row.get(k), dict) else row.get(k)  # noqa: E731
    posts = {(value(x, "person"), value(x, "post"), value(x, "organization")) for x in rows}
    # people of the 2019-2020 news file, each named with a post at a body, and the sentence saying so
    # the news file names 26 people with posts (gold); kg finds 23 of them
    assert len({p for p, _post, _org in posts}) >= 22
    assert all(value(x, "sentence") and value(x, "organization") for x in rows)
    assert any(person == "马林" and post == "党组书记" and "科协" in org for person, post, org in posts)
    assert any(person == "司马红" and post == "常务副主席" and "科协" in org for person, post, org in posts)
    assert any(person == "张海新" and post == "副主任" and org == "北京科技咨询中心" for person, post, org in posts)
