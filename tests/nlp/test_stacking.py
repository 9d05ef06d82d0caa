"""The CRF stacked on the rules (kg.nlp.components.stacking), on sentences written for these tests."""

import pytest

from kg.nlp.components.stacking import government_report, probability, revise, sentences, spans


@pytest.mark.parametrize("opening,expected", [
    ("各位代表：\n下面，我代表国务院向各位代表报告政府工作，请予审议。", True),
    ("各位代表：\n下面，我代表省人民政府向各位代表报告工作，请予审议。", True),
    ("2031年某省政府工作报告\n——在某省第九届人民代表大会第二次会议", True),
    ("政府工作报 告\n——在全国人民代表大会上", True),  # a title broken by a stray space
    ("各位代表：\n我受国务院的委托，向大会提出关于国民经济计划的报告。", True),
    ("各位委员：\n现在，我代表市科协第五届委员会常务委员会作工作报告。", False),
    ("各位代表：\n我代表第三届委员会向大会报告工作。", False),  # a congress of a society, no government
    ("市科协召开科普工作会议\n3月2日，市科协召开会议，部署全年工作。", False),
])
def test_government_report_by_its_opening(opening, expected):
    assert government_report(opening) is expected


def test_government_report_looks_at_the_opening_only():
    late = "各区科协召开会议。" * 400 + "会议传达了政府工作报告精神。"
    assert not government_report(late)


def test_sentences_cut_after_ends_and_line_breaks():
    text = "甲乙。丙丁；戊\n己庚"
    assert sentences(text) == [(0, 3), (3, 6), (6, 8), (8, 10)]
    assert sentences(text, 3, 8) == [(3, 6), (6, 8)]


def test_spans_of_a_bio_sequence():
    tags = ["B-PLACE", "I-PLACE", "O", "I-ORG", "I-ORG", "B-ORG", "I-PLACE"]
    assert spans(tags, 10) == [(10, 12, "PLACE"), (13, 15, "ORG"), (15, 16, "ORG"), (16, 17, "PLACE")]


def _marginals(table):
    return lambda tag, i: table.get((tag, i), 0.0)


def test_probability_is_the_weakest_position():
    m = _marginals({("B-PLACE", 1): 0.9, ("I-PLACE", 2): 0.6, ("I-PLACE", 3): 0.8, ("I-PLACE", 4): 0.3})
    assert probability(m, 1, 4, 6, "PLACE") == pytest.approx(0.6)
    # the span going on past its end (I- after it) makes the exact span unlikely
    assert probability(m, 1, 3, 6, "PLACE") == pytest.approx(0.2)
    # at the sequence's end nothing can follow
    assert probability(m, 1, 2, 2, "PLACE") == pytest.approx(0.9)


def test_revise_drops_unlikely_and_adds_likely_spans_of_its_labels_only():
    ents = [(0, 2, "PLACE"), (3, 5, "ORG"), (6, 9, "PROGRAM")]
    found = [(0, 2, "PLACE"), (3, 5, "PLACE"), (10, 13, "PLACE"), (14, 16, "PLACE")]
    prob = {(0, 2, "PLACE"): 0.05, (3, 5, "ORG"): 0.0, (6, 9, "PROGRAM"): 0.5, (3, 5, "PLACE"): 0.99,
            (10, 13, "PLACE"): 0.95, (14, 16, "PLACE"): 0.4}.get
    out = revise(ents, found, prob, {"PLACE", "PROGRAM"}, drop=0.1, add=0.7)
    # the unlikely place goes, the organization is not the CRF's to judge, the program stays, the place over
    # the organization is not added, a likely new place is, an unlikely one is not
    assert out == [(3, 5, "ORG"), (6, 9, "PROGRAM"), (10, 13, "PLACE")]


def _doc(nlp, text):
    from kg.nlp.chunks import analyse_text

    return analyse_text(nlp, text, source={"doc_id": "t", "year": None})


def test_a_report_of_another_genre_goes_by_the_rules_alone(nlp):
    from kg.nlp.components.stacking import StackedCRF

    doc = _doc(nlp, "各位委员：\n现在，我代表市科协常务委员会作工作报告。我们在宁乡市举办了科普活动。")
    before = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    stage = StackedCRF()
    stage(doc)
    assert stage._tagger is None  # never opened: the model is read for a government report only
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == before
    assert ("宁乡市", "PLACE") in [(e.text, e.label_) for e in doc.ents]


def test_a_government_report_is_read_by_the_model(nlp):
    from kg.nlp.components.stacking import StackedCRF

    doc = _doc(nlp, "各位代表：\n下面，我代表省人民政府向各位代表报告工作。\n"
                    "过去一年，我们推进宁乡高新区建设，实施乡村振兴战略，建成丙丁水库。")
    stage = StackedCRF()
    stage(doc)
    assert stage._tagger is not None and {"B-PLACE", "I-PLACE", "B-PROGRAM", "I-PROGRAM", "O"} <= stage.tags
    ents = [(e.start_char, e.end_char) for e in doc.ents]
    assert ents == sorted(ents) and all(a[1] <= b[0] for a, b in zip(ents, ents[1:]))
    # the model agrees with the rules where the annotators would: a zone named by its county stays
    assert ("宁乡高新区", "PLACE") in [(e.text, e.label_) for e in doc.ents]


def test_the_stage_drops_and_adds_what_its_model_says(nlp, tmp_path):
    """A model trained here on one sentence whose annotation differs from the rules: the zone the rules find
    is not marked, a park they miss is. The stage, with that model, follows the annotation."""
    import pycrfsuite

    from kg.nlp.components.stacking import StackedCRF, char_features, sentences

    opening = "各位代表：\n下面，我代表省人民政府向各位代表报告工作。\n"
    line = "推进宁乡高新区建设，建设云开高教科创园。"
    doc = _doc(nlp, opening + line)
    text = doc._.kg_norm.text
    assert ("宁乡高新区", "PLACE") in [(e.text, e.label_) for e in doc.ents]
    assert "云开高教科创园" not in [e.text for e in doc.ents]
    park = text.index("云开高教科创园")
    gold = ["O"] * len(text)
    gold[park:park + 7] = ["B-PLACE"] + ["I-PLACE"] * 6
    feats = char_features(doc)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(5):
        for s, e in sentences(text):
            trainer.append(feats[s:e], gold[s:e])
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "m.crfsuite"))
    StackedCRF(str(tmp_path / "m.crfsuite"))(doc)
    places = [e.text for e in doc.ents if e.label_ == "PLACE"]
    assert "宁乡高新区" not in places and "云开高教科创园" in places


def test_names_the_gazetteer_knows_and_persons_are_never_dropped():
    from kg.nlp.components.stacking import LABELS

    ents = [(0, 3, "ORG"), (4, 7, "ORG"), (8, 10, "PERSON")]
    never = lambda x: 0.0  # noqa: E731  (the model finds every one unlikely)
    out = revise(ents, [], never, set(LABELS), drop=0.1, add=0.7, known=frozenset({(0, 3, "ORG")}))
    assert out == [(0, 3, "ORG"), (8, 10, "PERSON")]
    assert "PERSON" not in LABELS and "DATE" not in LABELS


def test_five_year_plans_are_never_dropped(nlp):
    from kg.nlp.components.stacking import known_entities

    doc = _doc(nlp, "各位代表：\n下面，我代表国务院向各位代表报告政府工作。\n第七个五年计划的头一年，粮食产量增长了。")
    plans = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.text == "第七个五年计划"]
    assert plans and set(plans) <= known_entities(doc)
