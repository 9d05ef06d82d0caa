"""Units others can compute with: QUDT unit IRIs, values in SI units, and areas summed across units."""

from decimal import Decimal

import rdflib

from kg.graph import build_graph
from kg.graph.namespace import KG, KG_UNIT, QUDT, QUDT_UNIT
from kg.io.read import Source
from kg.query import records, run
from kg.validate import validate_graph

TEXT = "2025年，全区新增造林30万亩、湿地2000公顷，治理沙化土地1.5平方公里。新增装机1.2亿千瓦。"


def _graph(nlp, tmp_path):
    src = Source(path=str(tmp_path / "units.txt"), doc_id="units", text=TEXT)
    doc = nlp(TEXT)
    doc._.doc_id = "units"
    return build_graph(doc, src)


def test_measurements_carry_unit_iris_and_si_values(nlp, tmp_path):
    g = _graph(nlp, tmp_path)
    by_unit = {str(g.value(m, rdflib.URIRef("https://schema.org/unitText"))): m for m in g.subjects(QUDT.unit, None)}
    assert g.value(by_unit["亩"], QUDT.unit) == KG_UNIT.MU
    assert g.value(by_unit["公顷"], QUDT.unit) == QUDT_UNIT.HA
    assert g.value(by_unit["平方公里"], QUDT.unit) == QUDT_UNIT.KiloM2
    assert g.value(by_unit["千瓦"], QUDT.unit) == QUDT_UNIT.KiloW
    assert Decimal(str(g.value(by_unit["公顷"], KG.siValue))) == Decimal(20000000)
    assert Decimal(str(g.value(by_unit["千瓦"], KG.siValue))) == Decimal("120000000000")
    assert str(g.value(by_unit["亩"], KG.dimension)) == "area"


def test_one_area_in_three_units_sums_in_square_metres(nlp, tmp_path):
    g = _graph(nlp, tmp_path)
    path = tmp_path / "units.ttl"
    g.serialize(path, format="turtle")
    (row,) = records(run("area-total", [path]))
    expected = Decimal(300000) * Decimal("666.6666666666667") + Decimal(2000) * 10000 + Decimal("1.5") * 1000000
    assert abs(Decimal(str(row["squareMetres"])) - expected) < 1
    assert row["amounts"] == 3


def test_shapes_require_the_si_value_with_a_unit_iri(nlp, tmp_path):
    g = _graph(nlp, tmp_path)
    conforms, _report = validate_graph(g)
    assert conforms
    m = next(g.subjects(QUDT.unit, None))
    g.remove((m, KG.siValue, None))
    conforms, report = validate_graph(g)
    assert not conforms and "siValue" in report
