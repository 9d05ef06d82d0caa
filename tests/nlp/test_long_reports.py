"""Reports of any length (kg.nlp.chunks): analysed in pieces, merged into one Doc.

The pieces here are small (a lowered ``nlp.max_length``, small windows) so that the tests run
in seconds with the same code paths a 3,000,000-character report takes; bench/bench_long.py
builds one of those and checks its peak memory.
"""

import sys
from pathlib import Path

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.graph import build_graph
from kg.mentions import doc_mentions
from kg.nlp import load_nlp
from kg.nlp.chunks import LINE, Normalized, _break_long_lines, analyse_text, needs_pieces, pieces
from kg.nlp.normalize import normalize

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_long import report  # noqa: E402  (the benchmark's generated report)


@pytest.fixture(scope="module")
def nlp():
    nlp = load_nlp()
    yield nlp


@pytest.fixture
def small_max_length(nlp):
    old = nlp.max_length
    nlp.max_length = 20_000
    yield nlp
    nlp.max_length = old


@pytest.mark.parametrize("text,size,cuts", [
    ("甲" * 10, 20, [(0, 10)]),
    ("甲" * 6 + "\n\n" + "乙" * 6 + "\n" + "丙" * 6, 12, [(0, 8), (8, 15), (15, 21)]),  # blank line, then line break
    ("甲甲甲甲甲。乙乙乙乙乙乙乙乙", 10, [(0, 6), (6, 14)]),  # a sentence end in the second half
    ("甲" * 25, 10, [(0, 10), (10, 20), (20, 25)]),  # nothing to cut at: every 10 characters
    ("", 10, [(0, 0)]),
])
def test_pieces_cut_at_paragraphs_then_lines_then_sentences_then_anywhere(text, size, cuts):
    assert pieces(text, size) == cuts
    assert "".join(text[a:b] for a, b in cuts) == text


def test_an_over_long_line_gets_breaks_that_map_to_the_cut():
    text = "前言\n" + "甲" * (LINE + 10) + "。尾"
    norm = _break_long_lines(normalize(text))
    assert isinstance(norm, Normalized) and norm.original == text
    assert norm.text.count("\n") == 2 and len(norm.text) == len(text) + 1
    cut = norm.text.index("\n", 3)
    assert norm.to_original(3, cut + 1) == (3, 3 + LINE)  # a sentence ending in the break ends at the cut
    assert norm.to_original(cut + 1, cut + 3) == (3 + LINE, 3 + LINE + 2)
    assert needs_pieces(text) and not needs_pieces("短文。\n" * 100)


def test_a_report_over_max_length_analyses_with_right_offsets(small_max_length):
    nlp = small_max_length
    text = report(60_000)
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    doc = analyse_text(nlp, text)
    doc._.doc_id = "long"
    assert doc._.kg_norm.original == text and doc.text == doc._.kg_norm.text
    mentions = doc_mentions(doc)
    assert all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    far = [m for m in mentions if m["start"] > 55_000]
    assert {m["label"] for m in far} >= {"ORG", "QUANTITY", "PLACE"}
    assert [m for m in far if m["label"] == "QUANTITY" and m.get("value") is not None]
    # extensions carried over: quantities normalized, measures linked, facts found near the end
    quantities = [e for e in doc.ents if e.label_ == "QUANTITY" and e.start_char > 55_000]
    assert quantities and all(e._.quantity for e in quantities) and all(e._.measure is not None for e in quantities)
    assert any(isinstance(f.get("subject"), tuple) and f["subject"][0] > 55_000 for f in doc._.kg_facts)
    assert doc._.kg_meta and doc._.kg_meta.get("title")


def test_pieces_give_the_same_graph_as_the_whole(nlp):
    text = report(24_000)
    whole = nlp(text)
    parts = analyse_text(nlp, text, size=7_000, window=3_000)
    for d in (whole, parts):
        d._.doc_id = "same"
    assert [(e.start_char, e.end_char, e.label_) for e in parts.ents] == [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert [(s.start_char, s.end_char) for s in parts.sents] == [(s.start_char, s.end_char) for s in whole.sents]
    a, b = build_graph(parts), build_graph(whole)
    assert isomorphic(a, b), graph_diff(to_isomorphic(a), to_isomorphic(b))


def test_a_long_line_without_punctuation(nlp):
    text = "".join(c for c in report(3 * LINE) if "\u4e00" <= c <= "\u9fff")
    assert "\n" not in text and len(text) > 2 * LINE
    doc = analyse_text(nlp, text)
    doc._.doc_id = "line"
    assert doc._.kg_norm.original == text
    assert max(len(s.text) for s in doc.sents) <= LINE + 1
    mentions = doc_mentions(doc)
    assert mentions and all(text[m["start"]:m["end"]] == m["text"] for m in mentions)


def _files(paths):
    return [Path(p) for p in (paths if isinstance(paths, list) else [paths])]


def test_a_long_report_is_built_window_by_window_into_the_same_graph_and_exports(nlp, tmp_path):
    """kg.graph.stream: the windows' graphs, merged, are build_graph's graph, and every export
    written from the merged file is byte for byte the one written from the whole graph."""
    from kg.export import EXPORTERS
    from kg.export.stream import write_streamed
    from kg.graph.namespace import KG
    from kg.graph.stream import stream_graph
    from kg.store import ntriples

    text = report(24_000)
    doc = analyse_text(nlp, text, size=7_000, window=3_000)
    doc._.doc_id = "streamed"
    graph = build_graph(doc)
    whole = ntriples(graph, sort=True)
    for window in (1_500, 50_000):  # many windows; one
        streamed = stream_graph(doc, None, tmp_path / f"w{window}", window=window)
        assert streamed.path.read_bytes() == whole and streamed.triples == len(graph)
        assert not (tmp_path / f"w{window}" / ".runs").exists()
    # what spans windows: one node per entity with the report's mention count, labels and aliases
    count = b"<https://w3id.org/kg-zh/ontology#mentionCount>"
    assert sum(1 for line in whole.splitlines() if count in line) == len(set(graph.subjects(predicate=KG.mentionCount)))
    for fmt in ("turtle", "ntriples", "nquads", "graphml", "gexf", "csv", "trig", "jsonld"):
        for measurements in ("attributes", "nodes"):
            a = _files(EXPORTERS[fmt](graph, doc, tmp_path / "a" / measurements, "streamed", measurements=measurements))
            b = _files(write_streamed(streamed, fmt, doc, tmp_path / "b" / measurements, "streamed", measurements=measurements))
            assert [p.name for p in a] == [p.name for p in b]
            assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b)), (fmt, measurements)


def test_kg_build_of_a_long_report_streams_into_the_store_in_chunks(small_max_length, tmp_path, monkeypatch):
    """build_one takes the streamed path for a report analysed in pieces; the driver loads its
    N-Triples file into the store in chunks and deletes it."""
    import pyoxigraph as ox

    from kg import store as kg_store
    from kg.corpus import build_corpus
    from kg.graph.iri import report_iri

    monkeypatch.setattr(kg_store, "CHUNK", 2_000)
    monkeypatch.setattr(kg_store, "CHUNK_BYTES", 200_000)
    path = tmp_path / "long.txt"
    path.write_text(report(30_000), encoding="utf-8")
    result = build_corpus([path], out_dir=tmp_path / "out", formats=("turtle", "ntriples", "graphml"),
                          nlp=small_max_length)
    (res,) = result.built
    assert res.steps.keys() >= {"analyse", "graph", "exports"} and res.triples > 2 * 2_000
    nt = (tmp_path / "out" / "long.nt").read_bytes()
    assert len(nt.splitlines()) == res.triples
    db = ox.Store.read_only(str(tmp_path / "out" / "store"))
    name = ox.NamedNode(str(report_iri("long")))
    fresh = ox.Store()  # the same triples, as Oxigraph stores them (decimals in its canonical form)
    fresh.load(nt, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    triples = lambda store: {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, name)}  # noqa: E731
    assert triples(db) == triples(fresh) and len(triples(db)) == res.triples
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["long.graphml", "long.nt", "long.ttl", "store"]
    manifest = (tmp_path / "out" / "store" / "kg-manifest.json").read_text(encoding="utf-8")
    assert '"long"' in manifest
