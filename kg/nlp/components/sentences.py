"""Sentence boundaries: after 。！？ (and closing quotes that follow them) and at line breaks."""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_END = set("。！？!?")
_CLOSE = set("”’」』）)")


def sentence_starts(words: list[str]) -> list[int]:
    """1 for a token that starts a sentence, -1 otherwise; blanks attach to the sentence before them."""
    starts = []
    start_next = True
    prev = ""
    for text in words:
        if start_next and not text.isspace():
            starts.append(1)
            start_next = False
        else:
            starts.append(-1)
        if "\n" in text or (text and text[-1] in _END):
            start_next = True
        elif text and text[-1] in _CLOSE and prev[-1:] in _END:
            start_next = True
        prev = text
    if starts:
        starts[0] = 1
    return starts


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    """Mark sentence starts (set as one array: per-token setters are quadratic in spaCy)."""

    def component(doc: Doc) -> Doc:
        if len(doc):
            # token texts from the arrays: iterating the Doc makes a Token object per word (and doc.text
            # rebuilds the text from them); kg_norm.text is doc.text
            text = doc._.kg_norm.text if doc._.kg_norm is not None else doc.text
            texts = [text[i:i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()]
            values = numpy.array(sentence_starts(texts), dtype="int64").view("uint64").reshape(-1, 1)
            doc.from_array([SENT_START], values)
        return doc

    return component
