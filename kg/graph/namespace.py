"""The kg vocabulary as an rdflib ``DefinedNamespace``: a typo raises instead of minting a wrong IRI.

A test checks that these terms and ``ontology/kg.ttl`` define the same set.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-zh/"
ID = Namespace(BASE + "id/")


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


ORG_NS = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

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
