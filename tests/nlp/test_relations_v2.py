"""Relations v2 on sentences written for these tests: posts, coordinated organizers, issued
documents, venues, topics, lead units, pilots, and the status and period of each."""

from __future__ import annotations

import pytest

from kg.api import analyse
from kg.io import Source
from kg.relations import doc_relations


def relations(text: str) -> set[tuple]:
    doc = analyse(Source(doc_id="t", text=text))
    return {(r["relation"], r["subject"].get("text", "AUTHOR"), r["object"]["text"], r.get("post"))
            for r in doc_relations(doc)}


def rows(text: str) -> list[dict]:
    return doc_relations(analyse(Source(doc_id="t", text=text)))


def test_posts_are_read_back_from_the_person_over_a_chain_of_titles():
    found = relations("3月5日，省科协党组书记、副主席张明华，常务副主席李建国出席会议。")
    assert ("holdsPost", "张明华", "省科协", "党组书记、副主席") in found
    # a post alone after another person's name belongs to that person's organization
    assert ("holdsPost", "李建国", "省科协", "常务副主席") in found


def test_people_listed_after_one_post_share_it():
    found = relations("市科技局副局长王立新、赵志强参加活动。")
    assert {("holdsPost", "王立新", "市科技局", "副局长"), ("holdsPost", "赵志强", "市科技局", "副局长")} <= found


def test_a_verb_phrase_between_people_ends_the_chain():
    found = relations("市科协主席张明华主持会议并讲话，市科技局局长李建国出席会议。")
    assert ("holdsPost", "李建国", "市科技局", "局长") in found
    assert not any(r[0] == "holdsPost" and r[1] == "李建国" and r[2] == "市科协" for r in found)


def test_coordinated_organizers_first_organizes_the_others_co_organize():
    found = relations("市科协与市教育局联合举办第三届青少年科技创新大赛。")
    assert ("organizes", "市科协", "第三届青少年科技创新大赛", None) in found
    assert ("coOrganizes", "市教育局", "第三届青少年科技创新大赛", None) in found
    assert ("organizes", "市教育局", "第三届青少年科技创新大赛", None) not in found


def test_an_event_held_by_several_bodies_in_the_passive():
    found = relations("第二届科普讲解大赛由市科协、市科技局共同主办。")
    assert {("organizes", "市科协", "第二届科普讲解大赛", None),
            ("coOrganizes", "市科技局", "第二届科普讲解大赛", None)} <= found


def test_documents_issued_by_verb_and_by_a_body_before_the_title():
    found = relations("省科协印发《科普工作实施方案》。省政府办公厅《工作通报》刊发了有关经验。")
    assert ("issues", "省科协", "科普工作实施方案", None) in found
    assert ("issues", "省政府办公厅", "工作通报", None) in found


def test_where_an_event_takes_place():
    assert ("takesPlaceIn", "第五届长三角科普论坛", "杭州", None) in relations("第五届长三角科普论坛在杭州召开。")


@pytest.mark.parametrize("text,meeting", [
    ("市科协召开2026年全市科普工作会议，学习贯彻党的二十大精神。", "2026年全市科普工作会议"),
    ("市科协召开全市科普工作会议学习贯彻党的二十大精神。", "全市科普工作会议"),
])
def test_what_a_meeting_studies_is_not_held(text, meeting):
    found = relations(text)
    assert ("organizes", "市科协", meeting, None) in found
    assert not any(r[2] == "党的二十大" for r in found)


def test_lead_units_of_a_task_implement_it_in_the_authors_stead():
    found = relations("附件\n2026年民生实事\n1.实施老旧小区改造提升工程，改造小区500个（牵头单位：住建厅、财政厅）。\n")
    assert {("implements", "住建厅", "老旧小区改造提升工程", None),
            ("implements", "财政厅", "老旧小区改造提升工程", None)} <= found
    assert not any(r[1] == "AUTHOR" for r in found)


@pytest.mark.parametrize("text,status", [
    ("2025年工作回顾\n省科协实施科技人才托举工程。\n2026年重点工作\n省科协实施科技人才托举工程。\n", ["reported", "planned"]),
])
def test_status_and_period_come_from_the_part_of_the_report(text, status):
    found = [r for r in rows(text) if r["relation"] == "implements"]
    assert [r["status"] for r in found] == status
    assert [r["period"] for r in found] == ["2025", "2026"]


def test_a_five_year_review_gives_the_plan_period():
    text = "“十四五”时期发展成就和2025年工作回顾\n——这五年科技实力明显增强。省科协深入实施科技人才托举工程。\n"
    found = [r for r in rows(text) if r["relation"] == "implements"]
    assert found and found[0]["period"] == "2021-2025" and found[0]["status"] == "reported"


def test_a_planning_cue_after_the_fact_opens_a_purpose_clause():
    text = "2025年工作回顾\n省科协研究制定《学会工作规范》，确保基层组织规范运行。\n"
    (fact,) = [r for r in rows(text) if r["relation"] == "issues"]
    assert fact["status"] == "reported"
