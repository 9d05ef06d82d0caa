"""Statement context on a government work report: the review reports the past year (or the
five-year plan period), the targets, tasks and annex plan the report's year."""

from collections import Counter

from kg.api import analyse


def test_measurements_of_a_government_report_take_their_parts_period_and_status(shared):
    doc = analyse(shared / "corpus" / "nmg-gov-work-report-2026.txt")
    parts = [s for s in doc._.kg_meta["sections"] if s["level"] == 0 and s.get("kind")]
    assert [p["kind"] for p in parts][:2] == ["review", "plan"] and doc._.kg_meta["year"] == 2026
    review, plan = Counter(), Counter()
    for ent in doc.ents:
        m = ent._.measure
        if ent.label_ != "QUANTITY" or not m:
            continue
        part = [p for p in parts if p["start"] <= ent.start_char]
        if not part:
            continue
        when = (m["status"], m["period"], m.get("period_end"))
        (review if part[-1]["kind"] == "review" else plan)[when] += 1
    good_review = review[("reported", 2025, None)] + review[("reported", 2021, 2025)]
    good_plan = sum(n for (status, year, end), n in plan.items() if status in ("target", "planned") and year == 2026 and end is None)
    assert sum(review.values()) >= 100 and good_review >= 0.95 * sum(review.values()), review
    assert sum(plan.values()) >= 60 and good_plan >= 0.95 * sum(plan.values()), plan
    # the year's main expected targets are targets, tasks' sizes planned
    assert plan[("target", 2026, None)] >= 15 and plan[("planned", 2026, None)] >= 15
