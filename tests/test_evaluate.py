import pytest

from kg.evaluate import score


def m(start, end, label, **kw):
    return {"doc": "d", "start": start, "end": end, "text": "x", "label": label, **kw}


def test_exact_span_and_label():
    gold = [m(0, 2, "ORG"), m(3, 5, "PLACE"), m(6, 8, "ORG")]
    pred = [m(0, 2, "ORG"), m(3, 5, "ORG"), m(6, 9, "ORG")]
    r = score(pred, gold)
    assert (r.labels["ORG"].tp, r.labels["ORG"].fp, r.labels["ORG"].fn) == (1, 2, 1)
    assert r.labels["PLACE"].recall == 0.0
    assert r.labels["ORG"].f1 == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))


def test_quantity_normalization_accuracy_on_matched_spans():
    gold = [m(0, 3, "QUANTITY", value=20000, unit="人次", approx="more_than", kind="count"),
            m(4, 6, "QUANTITY", value=5, unit="个", approx="exact", kind="count")]
    pred = [m(0, 3, "QUANTITY", value=20000, unit="人次", approx="exact", kind="count"),
            m(4, 6, "QUANTITY", value=5.0, unit="个", approx="exact", kind="count")]
    r = score(pred, gold)
    assert (r.quantity_matched, r.quantity_correct) == (2, 1)


def test_predictions_for_other_docs_are_ignored():
    r = score([m(0, 2, "ORG"), {**m(0, 2, "ORG"), "doc": "other"}], [m(0, 2, "ORG")])
    assert r.overall.precision == 1.0


def test_empty_gold_is_bad_input(tmp_path):
    from kg.errors import InputError
    from kg.evaluate import score_files

    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("", encoding="utf-8")
    pred.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="holds no mentions"):
        score_files(pred, gold)


def test_micro_average_sums_counts_per_label():
    from kg.evaluate import micro

    r1 = score([m(0, 2, "ORG")], [m(0, 2, "ORG")])
    r2 = score([m(0, 2, "ORG")], [m(0, 3, "ORG"), m(4, 5, "PLACE")])
    total = micro([r1, r2])
    assert (total.labels["ORG"].tp, total.labels["ORG"].fp, total.labels["ORG"].fn) == (1, 1, 1)
    assert total.labels["PLACE"].fn == 1 and total.overall.fn == 2


# --- relations --------------------------------------------------------------------------------

def _rel(relation, subject, obj, status="reported", period="2025", doc="d"):
    subj = {"author": True} if subject == "author" else {"start": subject[0], "end": subject[1], "text": "s"}
    return {"doc": doc, "relation": relation, "subject": subj, "object": {"start": obj[0], "end": obj[1], "text": "o"},
            "status": status, "period": period}


def test_relations_match_on_relation_subject_or_author_and_object():
    from kg.evaluate import score_relations

    gold = [_rel("organizes", "author", (5, 9)), _rel("holdsPost", (0, 2), (3, 6)), _rel("implements", (1, 3), (7, 9))]
    pred = [_rel("organizes", "author", (5, 9)), _rel("holdsPost", (0, 2), (3, 7)),  # object span off by one
            _rel("implements", "author", (7, 9)),  # the author where gold names a body
            _rel("receivedHonour", (0, 2), (3, 6))]  # not one of the twelve: not scored
    r = score_relations(pred, gold)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (1, 2, 2)
    assert r.labels["organizes"].f1 == 1.0 and r.labels["holdsPost"].tp == 0
    assert "receivedHonour" not in r.labels


def test_relations_count_as_a_multiset_and_status_and_period_on_matches():
    from kg.evaluate import score_relations

    gold = [_rel("implements", "author", (5, 9)), _rel("implements", "author", (5, 9), status="planned", period="2026")]
    pred = [_rel("implements", "author", (5, 9), status="planned", period="2026")]
    r = score_relations(pred, gold)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (1, 0, 1)
    assert (r.matched, r.status_correct, r.period_correct) == (1, 1, 1)
    r = score_relations(pred * 3, gold)
    assert (r.overall.tp, r.overall.fp) == (2, 1)
    assert (r.matched, r.status_correct, r.period_correct) == (2, 1, 1)


def test_relation_files_are_told_from_mention_files_and_bad_lines_are_one_error(tmp_path):
    from kg.errors import InputError
    from kg.evaluate import is_relation_file, read_relations

    good = tmp_path / "r.jsonl"
    good.write_text('{"doc": "d", "relation": "issues", "subject": {"author": true}, "object": {"start": 1, "end": 3}}\n',
                    encoding="utf-8")
    mentions = tmp_path / "m.jsonl"
    mentions.write_text('{"doc": "d", "start": 1, "end": 3, "text": "ab", "label": "ORG"}\n', encoding="utf-8")
    assert is_relation_file(good) and not is_relation_file(mentions)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "d", "relation": "issues"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_relations(bad)
