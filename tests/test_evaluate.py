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
