"""Entity nodes: one per resolved key, with a preferred label and its aliases.

Places from the division gazetteer are named by their official name, carry their code
and level, and are contained (``schema:containedInPlace``) in every division above
them up to the province. Organizations named after a place are located in it
(``schema:location``) and, in a hierarchical system such as the 科协, sit under the one
above (``org:subOrganizationOf``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from spacy.tokens import Span

from ..places import divisions
from .iri import entity_iri
from .namespace import ENTITY_CLASSES, KG, ORG_NS, SCHEMA

_SPACE = re.compile(r"\s+")
_LEVELS = {"province": KG.Province, "prefecture": KG.Prefecture, "county": KG.County}


def entity_key(span: Span) -> tuple[str, str, str]:
    """(label, type segment, canonical key) of an entity span; the key decides its IRI."""
    label = _SPACE.sub("", span.text)
    segment = ENTITY_CLASSES[span.label_][2]
    return label, segment, span._.key or label


def entity_ref(span: Span) -> URIRef:
    _label, segment, key = entity_key(span)
    return entity_iri(segment, key)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class EntityNodes:
    """Collects the mentions of each entity, then writes its node once (``finish``)."""

    def __init__(self, g: Graph):
        self.g = g
        self.surfaces: dict[URIRef, Counter] = defaultdict(Counter)
        self.first_seen: dict[URIRef, dict[str, int]] = defaultdict(dict)
        self.label_of: dict[URIRef, str] = {}  # fixed labels: official place names
        self.div = divisions()

    def _typed(self, node: URIRef, label: str) -> None:
        kg_class, reused, _seg = ENTITY_CLASSES[label]
        self.g.add((node, RDF.type, kg_class))
        self.g.add((node, RDF.type, reused))
        self.g.add((node, RDF.type, KG.Entity))

    def mention(self, ent: Span) -> URIRef:
        """The node an entity mention refers to (created on first sight)."""
        surface, segment, key = entity_key(ent)
        node = entity_iri(segment, key)
        self._typed(node, ent.label_)
        self.surfaces[node][surface] += 1
        self.first_seen[node].setdefault(surface, ent.start_char)
        if ent.label_ == "PLACE" and key.isdigit():
            self.place(key)
        elif ent.label_ == "ORG":
            self._org_links(node, ent._.location, ent._.parent)
        return node

    def place(self, code: str) -> URIRef:
        """A division's node with its code, level and containment up to the province."""
        chain = self.div.chain(code)
        nodes = [entity_iri("place", d.code) for d in chain]
        for d, node, parent in zip(chain, nodes, nodes[1:] + [None]):
            self._typed(node, "PLACE")
            self.label_of[node] = d.name
            self.g.set((node, KG.divisionCode, Literal(d.code)))
            self.g.set((node, KG.level, _LEVELS[d.level]))
            if parent is not None:
                self.g.add((node, SCHEMA.containedInPlace, parent))
        return nodes[0] if nodes else entity_iri("place", code)

    def organization(self, key: str, surface: str, location: str | None, parent: str | None) -> URIRef:
        """An organization's node, given its resolved key (the report's own organization)."""
        node = entity_iri("org", key)
        self._typed(node, "ORG")
        self.surfaces[node][surface] += 0
        self.first_seen[node].setdefault(surface, -1)
        self._org_links(node, location, parent)
        return node

    def _org_links(self, node: URIRef, location: str | None, parent: str | None) -> None:
        if location:
            self.g.add((node, SCHEMA.location, self.place(location)))
        if parent:
            up = entity_iri("org", parent)
            self._typed(up, "ORG")
            if parent not in self.surfaces[up]:
                self.surfaces[up][parent] += 0
                self.first_seen[up].setdefault(parent, 1 << 30)
            self.g.add((node, ORG_NS.subOrganizationOf, up))

    def finish(self) -> None:
        """Write labels, aliases and mention counts."""
        for node in set(self.surfaces) | set(self.label_of):
            surfaces = self.surfaces.get(node, Counter())
            label = self.label_of.get(node) or self._preferred(node, surfaces)
            self.g.set((node, RDFS.label, _zh(label)))
            for alias in sorted(set(surfaces) - {label}):
                self.g.add((node, SKOS.altLabel, _zh(alias)))
            count = sum(surfaces.values())
            if count:
                self.g.set((node, KG.mentionCount, Literal(count, datatype=XSD.integer)))

    def _preferred(self, node: URIRef, surfaces: Counter) -> str:
        """The surface most used, names that open with a place first (内蒙古科协 over 自治区科协)."""
        names = self.div.by_name

        def rank(s: str):
            opens_with_place = any(s.startswith(n) for n in (s[:k] for k in range(2, min(len(s), 8) + 1)) if n in names)
            return (not opens_with_place, -surfaces[s], self.first_seen[node].get(s, 0), s)

        return min(surfaces, key=rank)
