from kg.ontology_files import ontology_file

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.graph.namespace import KG


def _ontology() -> Graph:
    g = Graph()
    g.parse(data=ontology_file().read_text(encoding="utf-8"), format="turtle")
    return g


def test_ontology_ships_with_the_package():
    assert ontology_file().is_file()


def test_namespace_and_ontology_define_the_same_terms():
    g = _ontology()
    ns = str(KG._NS)
    defined = {str(s)[len(ns):] for s in g.subjects(RDF.type, None) if str(s).startswith(ns)}
    declared = set(KG.__annotations__)
    assert defined == declared


def test_typos_raise():
    with pytest.raises(AttributeError):
        KG.Organisation  # noqa: B018


def test_classes_are_owl_classes():
    g = _ontology()
    for term in ("Report", "Sentence", "Mention", "Organization", "Program", "Measurement"):
        assert (KG[term], RDF.type, OWL.Class) in g
