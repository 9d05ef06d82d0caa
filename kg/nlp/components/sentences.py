"""Sentence boundaries: after 。！？ (and closing quotes that follow them) and at line breaks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_END = set("。！？!?")
_CLOSE = set("”’」』）)")


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    """Mark sentence starts; whitespace-only tokens attach to the sentence before them."""

    def component(doc: Doc) -> Doc:
        start_next = True
        for tok in doc:
            text = tok.text
            if start_next and not text.isspace():
                tok.is_sent_start = True
                start_next = False
            elif tok.i > 0:
                tok.is_sent_start = False
            if "\n" in text or (text and text[-1] in _END):
                start_next = True
            elif text and text[-1] in _CLOSE and tok.i > 0 and doc[tok.i - 1].text[-1:] in _END:
                start_next = True
        if len(doc):
            doc[0].is_sent_start = True
        return doc

    return component
