"""Assemble the spaCy ``zh`` pipeline. No model is downloaded: every stage is rules and packaged data."""

from __future__ import annotations

import spacy
from spacy.language import Language

from . import extensions, tokenizer  # noqa: F401  (registers the tokenizer and extensions)
from .components import (  # noqa: F401
    dates, document, entities, establishing, facilities, gazetteer, localities, measures, names, organizations, persons, posts, quantities, relations, resolve, sentences, stacking, tagger,
)

PIPES = (
    "kg_sentences",
    "kg_tagger",
    "kg_quantities",
    "kg_dates",
    "kg_gazetteer",
    "kg_facilities",
    "kg_localities",
    "kg_organizations",
    "kg_names",
    "kg_establishing",
    "kg_persons",
    "kg_resolve",
    "kg_document",
    "kg_stacking",
    "kg_entities",
    "kg_measures",
    "kg_relations",
    "kg_posts",
)


def load_nlp() -> Language:
    """A fresh ``zh`` pipeline with kg's tokenizer and components, in ``PIPES`` order."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "kg.JiebaTokenizer.v1"}}}
    nlp = spacy.blank("zh", config=config)
    for name in PIPES:
        nlp.add_pipe(name)
    return nlp
