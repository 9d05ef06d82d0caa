"""The quantity table: every form of number, unit and qualifier, and text that holds none."""

import csv
from decimal import Decimal

import pytest

from conftest import DATA
from kg.nlp.components.quantities import QuantityRecognizer
from kg.nlp.normalize import normalize


def _cases():
    with open(DATA / "quantity_cases.tsv", encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return [pytest.param(row, id=row["text"]) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


CASES = _cases()


def test_table_is_large_and_covers_both_sides():
    assert len(CASES) >= 300
    assert sum(1 for c in CASES if not c.values[0]["span"]) >= 60


@pytest.fixture(scope="module")
def recognizer():
    return QuantityRecognizer()


@pytest.mark.parametrize("row", CASES)
def test_case(nlp, recognizer, row):
    doc = nlp.make_doc(row["text"])  # the tokenizer normalizes and segments, as in the pipeline
    norm = doc._.kg_norm
    words = [(t.idx, t.idx + len(t)) for t in doc]
    found = [(norm.text[c.start:c.end], dict(c.attrs)) for c in recognizer(norm.text, words)]
    if not row["span"]:
        assert found == []
        return
    expected_span = normalize(row["span"]).text
    assert len(found) == 1, found
    span, attrs = found[0]
    assert span == expected_span
    assert Decimal(str(attrs["value"])) == Decimal(row["value"])
    assert (attrs["unit"], attrs["approx"], attrs["kind"]) == (row["unit"], row["approx"], row["kind"])
    if row["min"]:
        assert (Decimal(str(attrs["min"])), Decimal(str(attrs["max"]))) == (Decimal(row["min"]), Decimal(row["max"]))
    else:
        assert "min" not in attrs
