"""Reports of any length: analysed in pieces, merged into one ``Doc``.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, error E088), and kg's
tokenizer and LAC tagger slow down and swell on one huge block (a 700,000-character line
without punctuation took 309 s and 8.3 GB). A report longer than ``PIECE`` characters is
therefore cut, in the text as read, at the last blank line before each ``PIECE`` characters,
else the last line break, else the last sentence end (。！？), else at ``PIECE`` characters
exactly; and a line that is still longer than ``LINE`` characters (nothing to cut it at) is
cut every ``LINE`` characters, so that jieba and LAC only ever see bounded blocks.

The pipeline is split in two at ``kg_resolve``:

- the *local* stages (the tokenizer, sentences, LAC tags and every recognizer up to
  ``kg_persons``) look at a few sentences at a time. They run on each piece in turn; of
  each piece only its words, spaces, the token arrays they set (``TAG``, ``POS``,
  ``SENT_START``), its candidates and its character map are kept, and the piece's ``Doc``
  is dropped before the next one is made, so memory holds one piece's working set at a
  time plus compact arrays for the whole report;
- the pieces are merged into one ``Doc`` (the words of all pieces, the arrays set in one
  call, ``doc._.kg_norm`` joined with each piece's map shifted to the piece's place in the
  original, candidates shifted to the merged text), and the *global* stages, which need the
  whole report (the conflict policy, the report's title and sections, entity linking: a
  heading governs the text after it, a region named in the title resolves 自治区 in the last
  paragraph), run once on the merged ``Doc``;
- the stages from ``kg_measures`` on (measures, relations, posts) read the report's
  sections and years from ``doc._.kg_meta`` but look for their arguments within a sentence,
  and compare every quantity or clause with every entity or token of the Doc (quadratic in
  the report's length). They run on one window ``Doc`` at a time (``WINDOW`` characters of
  the merged one, cut at paragraph, line or sentence ends: ``Span.as_doc`` with its tokens,
  tags, sentences and entities, the entities' extensions, its slice of ``kg_norm``, and
  ``kg_meta`` seen from the window: sections shifted, the earlier ones at negative offsets
  so that they still govern it); the measures and facts they produce are shifted back
  (every ``(start, end)`` pair) onto the merged ``Doc``.

Two local steps look beyond a sentence and are redone on the whole report: a full name
found once is a PERSON wherever it recurs (``PersonFinder.elsewhere`` runs again over the
merged text), and the report's own title line is only looked for in the first piece.

A report of at most ``PIECE`` characters goes through ``nlp(text)`` as before: same tokens,
same entities, same graph.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import replace

import numpy
from spacy.attrs import POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .normalize import Normalized

PIECE = 200_000  # characters per piece (well under nlp.max_length)
LINE = 5_000  # longest line given to jieba and LAC; longer ones are cut at sentence ends or every LINE characters
FIRST_GLOBAL = "kg_resolve"  # the first stage that needs the whole report
FIRST_WINDOWED = "kg_measures"  # from here on, the stages look within a sentence: run window by window
WINDOW = 20_000  # characters per window of the windowed stages
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_ATTRS = [TAG, POS, SENT_START]


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece starting at ``start`` ends: a paragraph, line or sentence end in its second half, else ``start + size``."""
    hi = start + size
    if hi >= len(text):
        return len(text)
    lo = start + size // 2
    k = text.rfind("\n\n", lo, hi)
    if k >= 0:
        return k + 2
    k = text.rfind("\n", lo, hi)
    if k >= 0:
        return k + 1
    last = None
    for m in _SENTENCE_END.finditer(text, lo, hi):
        last = m
    if last is not None:
        return last.end()
    return hi


def pieces(text: str, size: int = PIECE) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` (one piece when it is at most ``size`` characters)."""
    out = []
    start = 0
    while start < len(text):
        end = _cut(text, start, size)
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def _break_long_lines(norm: Normalized, size: int = LINE) -> Normalized:
    """``norm`` with a line break inserted in every line longer than ``size`` characters (after a sentence
    end in the second half of each ``size`` characters, else every ``size`` characters), so that jieba,
    LAC and the sentence splitter only see bounded blocks. An inserted break is no character of the
    original: it maps to the character before it, so a sentence ending in it ends at the cut and no
    mention can contain it."""
    text = norm.text
    cuts = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        while end - start > size:
            c = min(_cut(text, start, size), end)
            cuts.append(c)
            start = c
        pos = end + 1
    if not cuts:
        return norm
    parts, index = [], array("q")
    prev = 0
    for c in cuts:
        parts.append(text[prev:c])
        parts.append("\n")
        index.extend(norm.index[prev:c])
        index.append(norm.index[c - 1])
        prev = c
    parts.append(text[prev:])
    index.extend(norm.index[prev:])
    return Normalized(text="".join(parts), original=norm.original, index=index)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` for a text of at most ``PIECE`` characters, its over-long lines broken
    (``_break_long_lines``) when the tokenizer is kg's jieba tokenizer."""
    tokenizer = nlp.tokenizer
    if not hasattr(tokenizer, "cut") or not _has_long_line(text):
        return nlp.make_doc(text)
    from .normalize import normalize
    from .tokenizer import words_and_spaces

    norm = _break_long_lines(normalize(text))
    words = [w for w in tokenizer.cut(norm.text) if w]
    words, spaces = words_and_spaces(words, norm.text)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc._.kg_norm = norm
    return doc


def needs_pieces(text: str, size: int = PIECE) -> bool:
    """Whether ``text`` is too long for ``nlp(text)``: over ``size`` characters, or with a line over ``LINE``."""
    return len(text) > size or _has_long_line(text)


def in_pieces(nlp: Language, text: str, size: int = PIECE) -> bool:
    """Whether ``analyse_text(nlp, text, size)`` analyses ``text`` in pieces (a long report)."""
    return needs_pieces(text, max(1, min(size, nlp.max_length // 2)))


def analyse_text(nlp: Language, text: str, size: int = PIECE, window: int | None = None,
                 source: dict | None = None) -> Doc:
    """The analysed ``Doc`` of ``text``, of any length (see the module docstring). Pieces are at most
    ``size`` characters and at most half of ``nlp.max_length``. ``source`` is set as ``doc._.kg_source``
    before the stages run (what the file says of the report: its id, a year)."""
    size = max(1, min(size, nlp.max_length // 2))
    window = window or min(WINDOW, size)
    if not needs_pieces(text, size):
        doc = nlp.make_doc(text)
        doc._.kg_source = source
        return nlp(doc)
    names = nlp.pipe_names
    k = names.index(FIRST_GLOBAL) if FIRST_GLOBAL in names else len(names)
    local, rest = nlp.pipeline[:k], nlp.pipeline[k:]
    if len(text) <= size:  # one piece, only its long lines broken
        doc = make_doc(nlp, text)
        doc._.kg_source = source
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    arrays = []
    cands = []
    norm_text: list[str] = []
    index = array("q")
    n_norm = 0
    for p, (start, end) in enumerate(pieces(text, size)):
        doc = _local(nlp, local, text[start:end], first=p == 0)
        norm = doc._.kg_norm
        words.extend(t.text for t in doc)
        spaces.extend(bool(t.whitespace_) for t in doc)
        arrays.append(doc.to_array(_ATTRS))
        cands.extend(replace(c, start=c.start + n_norm, end=c.end + n_norm) for c in doc._.kg_candidates or [])
        norm_text.append(norm.text)
        index.extend(i + start for i in norm.index)
        n_norm += len(norm.text)
        del doc, norm
    merged = Doc(nlp.vocab, words=words, spaces=spaces)
    del words, spaces
    if len(merged):
        merged.from_array(_ATTRS, numpy.concatenate(arrays).astype("uint64"))
    del arrays
    merged._.kg_norm = Normalized(text="".join(norm_text), original=text, index=index)
    merged._.kg_candidates = cands + _persons_elsewhere(merged, cands)
    merged._.kg_source = source
    del cands
    return _global(merged, rest, window)


def _global(doc: Doc, stages, window: int) -> Doc:
    """The global stages on the merged ``Doc``: up to ``FIRST_WINDOWED`` on the whole of it, the rest
    on one window ``Doc`` at a time (see the module docstring); their results shifted back."""
    names = [name for name, _proc in stages]
    w = names.index(FIRST_WINDOWED) if FIRST_WINDOWED in names else len(stages)
    for _name, proc in stages[:w]:
        doc = proc(doc)
    if w == len(stages):
        return doc
    norm = doc._.kg_norm
    starts = doc.to_array("IDX").tolist()
    ents = sorted(doc.ents, key=lambda e: e.start_char)
    facts: list = []
    k = 0
    ts = 0
    for _a, b in pieces(norm.text, window):
        te = bisect_left(starts, b, lo=ts)
        if te <= ts:
            continue
        a = starts[ts]
        end = starts[te] if te < len(starts) else len(norm.text)
        wdoc = doc[ts:te].as_doc()
        wdoc._.kg_norm = Normalized(text=norm.text[a:end], original=norm.original, index=norm.index[a:end])
        wdoc._.kg_meta = _shift_meta(doc._.kg_meta, a, end)
        wdoc._.doc_id = doc._.doc_id
        mine = []
        while k < len(ents) and ents[k].start_char < end:
            mine.append(ents[k])
            k += 1
        for src, dst in zip(mine, wdoc.ents):  # the span extensions set before (quantity, key …)
            for name in _SPAN_EXTENSIONS:
                value = getattr(src._, name)
                if value is not None:
                    setattr(dst._, name, value)
        for _name, proc in stages[w:]:
            wdoc = proc(wdoc)
        for src, dst in zip(mine, wdoc.ents):
            if dst._.measure is not None:
                src._.measure = _shift(dst._.measure, a)
        facts.extend(_shift(f, a) for f in wdoc._.kg_facts or [])
        ts = te
    doc._.kg_facts = facts
    return doc


_SPAN_EXTENSIONS = ("quantity", "key", "location", "parent")


def _shift(value, d: int, key: str = ""):
    """``value`` with every character span in it, a pair of ints ``(start, end)``, moved by ``d``
    (years, as in ``period``, are left alone)."""
    if isinstance(value, dict):
        return {k: _shift(v, d, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, d, key) for v in value]
    if isinstance(value, tuple):
        if len(value) == 2 and all(type(x) is int for x in value) and "period" not in key and "year" not in key:
            return (value[0] + d, value[1] + d)
        return tuple(_shift(v, d, key) for v in value)
    return value


def _shift_meta(meta: dict | None, a: int, b: int) -> dict | None:
    """The report's metadata as seen from the window ``[a, b)``: sections moved (those before it at
    negative offsets, so that they still govern it), title, date and author only inside the window."""
    if meta is None:
        return None
    out = dict(meta)
    for name, value in meta.items():
        if isinstance(value, tuple) and len(value) == 2 and all(type(x) is int for x in value):
            out[name] = (value[0] - a, value[1] - a) if a <= value[0] and value[1] <= b else None
    out["sections"] = [{**s, "start": s["start"] - a, "end": s["end"] - a} for s in meta.get("sections", [])]
    return out


def _has_long_line(text: str) -> bool:
    if len(text) <= LINE:
        return False
    return any(len(line) > LINE for line in text.split("\n"))


def _local(nlp: Language, stages, text: str, first: bool) -> Doc:
    """One piece through the tokenizer and the local stages."""
    doc = make_doc(nlp, text)
    for _name, proc in stages:
        doc = proc(doc)
    if not first:  # the report's title line is in the first piece only
        titles = _title_lines(doc._.kg_norm.text)
        doc._.kg_candidates = [c for c in doc._.kg_candidates or [] if (c.start, c.end, c.label, c.source) not in titles]
    return doc


def _title_lines(text: str) -> set:
    from .components.names import NameFinder

    return {(c.start, c.end, c.label, c.source) for c in NameFinder._title_line(None, text)}


_PERSONS = None


def _persons_elsewhere(doc: Doc, cands: list) -> list:
    """A full name found once is a PERSON wherever it recurs in the report, not only in its own piece."""
    global _PERSONS
    from .components.persons import PersonFinder

    if _PERSONS is None:
        _PERSONS = PersonFinder()
    text = doc._.kg_norm.text
    found = [c for c in cands if c.label == "PERSON"]
    token_starts = set(doc.to_array("IDX").tolist())
    seen = {(c.start, c.end) for c in found}
    return [c for c in _PERSONS.elsewhere(text, found, token_starts) if (c.start, c.end) not in seen]
