from kg.nlp.candidates import Candidate, choose


def test_longest_span_wins_then_priority_then_position():
    cands = [
        Candidate(0, 5, "PLACE", "gazetteer"),
        Candidate(0, 7, "ORG", "org"),
        Candidate(7, 9, "PROGRAM", "head"),
        Candidate(7, 9, "ORG", "gazetteer"),
        Candidate(8, 12, "EVENT", "head"),
    ]
    assert [(c.start, c.end, c.label) for c in choose(cands)] == [(0, 7, "ORG"), (8, 12, "EVENT")]


def test_no_overlaps():
    cands = [Candidate(i, i + 3, "ORG", "org") for i in range(10)]
    chosen = choose(cands)
    for a, b in zip(chosen, chosen[1:]):
        assert a.end <= b.start
