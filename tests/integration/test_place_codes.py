"""Places linked to a division code only with evidence, and the right one: at least 98% of the coded
places that match a gold PLACE span carry the code of tests/data/place_codes.tsv."""

import csv
import json

import pytest

from kg.api import analyse

from conftest import DATA

DOCS = ("nmg-kexie-2022-work-report", "nmg-gov-work-report-2026", "cast-news-kexie-2019-2020")


def _expected() -> dict[tuple[str, str], str]:
    lines = [l for l in (DATA / "place_codes.tsv").read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    return {(r["doc"], r["name"]): r["code"] for r in csv.DictReader(lines, delimiter="\t")}


@pytest.fixture(scope="module")
def coded(shared):
    out = []
    for doc_id in DOCS:
        doc = analyse(shared / "corpus" / f"{doc_id}.txt")
        gold = {(g["start"], g["end"]) for g in map(json.loads, (shared / "gold" / f"{doc_id}.jsonl").open(encoding="utf-8"))
                if g["label"] == "PLACE"}
        for ent in doc.ents:
            if ent.label_ == "PLACE" and ent._.key and ent._.key.isdigit() and ent._.orig_span in gold:
                out.append((doc_id, ent._.orig_text, ent._.key))
    return out


def test_at_least_98_percent_of_coded_gold_places_have_the_right_code(coded):
    expected = _expected()
    wrong = [(d, name, code, expected.get((d, name))) for d, name, code in coded if expected.get((d, name)) != code]
    assert len(coded) >= 100, len(coded)
    assert 1 - len(wrong) / len(coded) >= 0.98, wrong


def test_namesakes_get_no_code_without_evidence(nlp):
    doc = nlp("甘肃省提出，推进中心城区与朝阳区协同发展。")
    keys = {e.text: e._.key for e in doc.ents if e.label_ == "PLACE"}
    assert keys.get("朝阳区") is None  # Beijing, Changchun or Chaoyang city: nothing says which
    assert "城区" not in keys
    doc = nlp("北京市朝阳区和长春市朝阳区。")
    assert [e._.key for e in doc.ents if e.text == "朝阳区"] == ["110105", "220104"]
