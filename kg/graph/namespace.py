"""The kg vocabulary as an rdflib ``DefinedNamespace``: a typo raises instead of minting a wrong IRI.

A test checks that these terms and ``ontology/kg.ttl`` define the same set.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-zh/"
ID = Namespace(BASE + "id/")
# kg's own units, for those QUDT lacks (亩, 斤, 吨标准煤): unit/MU …
KG_UNIT = Namespace(BASE + "unit/")
QUDT = Namespace("http://qudt.org/schema/qudt/")
QUDT_UNIT = Namespace("http://qudt.org/vocab/unit/")


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Report: URIRef
    Sentence: URIRef
    Mention: URIRef
    Entity: URIRef
    Organization: URIRef
    Program: URIRef
    Event: URIRef
    Work: URIRef
    Place: URIRef
    Person: URIRef
    TimeExpression: URIRef
    Measurement: URIRef
    inReport: URIRef
    sentence: URIRef
    refersTo: URIRef
    start: URIRef
    end: URIRef
    text: URIRef
    index: URIRef
    docId: URIRef
    date: URIRef
    divisionCode: URIRef
    mentionCount: URIRef
    coMentionedWith: URIRef
    approx: URIRef
    kind: URIRef
    Concept: URIRef
    measures: URIRef
    purpose: URIRef
    subject: URIRef
    period: URIRef
    periodText: URIRef
    status: URIRef
    relatedTo: URIRef
    level: URIRef
    Level: URIRef
    Province: URIRef
    Prefecture: URIRef
    County: URIRef
    Section: URIRef
    inSection: URIRef
    partOf: URIRef
    depth: URIRef
    Fact: URIRef
    relation: URIRef
    factSubject: URIRef
    factObject: URIRef
    objectText: URIRef
    agent: URIRef
    amount: URIRef
    organizes: URIRef
    hosts: URIRef
    coOrganizes: URIRef
    implements: URIRef
    pilotOf: URIRef
    receivedHonour: URIRef
    funds: URIRef
    recommends: URIRef
    signsAgreement: URIRef
    holdsPost: URIRef
    post: URIRef
    attends: URIRef
    takesPlaceIn: URIRef
    issues: URIRef
    periodEnd: URIRef
    aspect: URIRef
    region: URIRef
    indicator: URIRef
    usualUnit: URIRef
    siValue: URIRef
    dimension: URIRef


class ORG_NS(DefinedNamespace):
    """The W3C Organization Ontology terms kg uses."""

    _NS = Namespace("http://www.w3.org/ns/org#")
    _fail = True

    Organization: URIRef
    subOrganizationOf: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms kg uses."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    Report: URIRef
    Project: URIRef
    Event: URIRef
    CreativeWork: URIRef
    Place: URIRef
    Person: URIRef
    QuantitativeValue: URIRef
    name: URIRef
    author: URIRef
    publisher: URIRef
    value: URIRef
    unitText: URIRef
    currency: URIRef
    minValue: URIRef
    maxValue: URIRef
    containedInPlace: URIRef
    location: URIRef


# DefinedNamespace mints a new URIRef (and validates it) on every attribute access; the graph
# builder touches these terms tens of thousands of times per report, so mint each term once.
# Typos still raise: unknown names still go through DefinedNamespace's checking __getattr__.
for _ns in (KG, ORG_NS, SCHEMA):
    for _term in _ns.__annotations__:
        type.__setattr__(_ns, _term, _ns._NS[_term])

# Entity label -> (kg class, the reused W3C / schema.org class asserted beside it, IRI path segment).
ENTITY_CLASSES = {
    "ORG": (KG.Organization, ORG_NS.Organization, "org"),
    "PROGRAM": (KG.Program, SCHEMA.Project, "program"),
    "EVENT": (KG.Event, SCHEMA.Event, "event"),
    "WORK": (KG.Work, SCHEMA.CreativeWork, "work"),
    "PLACE": (KG.Place, SCHEMA.Place, "place"),
    "PERSON": (KG.Person, SCHEMA.Person, "person"),
    "DATE": (KG.TimeExpression, URIRef("http://www.w3.org/2006/time#TemporalEntity"), "time"),
}
