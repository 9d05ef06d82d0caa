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


@pytest.mark.parametrize("text,tied", [
    ("我们要更加紧密地团结在以习近平总书记为核心的党中央周围。", True),
    ("习近平总书记和党中央十分关心西部发展。", True),
    # the Centre is the object of another verb, not the body the title belongs to
    ("认真学习贯彻习近平总书记重要讲话精神，坚决落实党中央决策部署。", False),
])
def test_the_general_secretary_holds_his_post_at_the_centre_tied_to_the_title(text, tied):
    assert (("holdsPost", "习近平", "党中央", "总书记") in relations(text)) is tied


def test_activities_counted_by_the_session_are_held_not_run():
    assert ("organizes", "市科协", "科学之夏", None) in relations("市科协开展“科学之夏”科普活动56场。")
    # without a count the quoted name is a campaign the body runs
    assert ("implements", "市科协", "科学之夏", None) in relations("市科协开展“科学之夏”科普活动。")


def test_what_follows_a_list_closed_by_deng_is_a_kind_not_a_named_event():
    assert not relations("成功举办航空航天、生物医药等重大国际论坛。")


@pytest.mark.parametrize("text", ["深化以“放管服”为重点的行政审批改革。", "推进以“双减”为重点的教育改革。"])
def test_programs_inside_yi_wei_zhongdian_qualify_another_noun(text):
    assert not any(r[0] == "implements" for r in relations(text))


def test_strengthen_implements_a_program_only_when_it_is_built():
    assert ("implements", "AUTHOR", "智慧农场", None) in relations("加强“智慧农场”建设。")
    assert not relations("加强“智慧农场”宣传。")


def test_an_event_built_up_as_a_standing_brand_is_implemented():
    assert ("implements", "AUTHOR", "永不落幕的农业博览会", None) in relations("打造“永不落幕的农业博览会”。")


def test_a_place_before_a_programs_hub_runs_the_program():
    assert ("implements", "重庆", "中欧班列", None) in relations("重庆中欧班列集结中心建成投用。")


def test_vouchers_handed_out_under_a_brand_run_the_brand():
    assert ("implements", "市商务局", "惠享江城", None) in relations("市商务局发放“惠享江城”消费券2亿元。")


@pytest.mark.parametrize("text,found", [
    ("提升“好品山东”品牌影响力。", True),
    ("提升“好品山东”活动品牌知名度。", True),
    ("提升“好品山东”知名度。", False),
])
def test_raising_a_brand_runs_it(text, found):
    assert (("implements", "AUTHOR", "好品山东", None) in relations(text)) is found


def test_a_bound_verb_inside_a_list_of_programs_does_not_cut_the_list():
    # 提升 here ends the first item's name; it takes no object of its own
    assert ("implements", "AUTHOR", "种业振兴行动", None) in relations("实施渔业资源养护提升、牧草良种繁育、种业振兴行动。")


def test_a_pilot_won_with_no_place_named_is_run_by_the_author():
    found = relations("获批基本公共服务“一网通办”试点。")
    assert ("implements", "AUTHOR", "一网通办", None) in found
    # a place named as the pilot takes it, and the author gets nothing
    found = relations("合肥市获批国家“城市更新”试点。")
    assert ("pilotOf", "合肥市", "城市更新", None) in found
    assert not any(r[1] == "AUTHOR" for r in found)


def test_a_zone_named_for_a_program_is_not_the_program():
    assert not relations("建设“美丽中国”先行区。")
    assert ("implements", "AUTHOR", "美丽中国", None) in relations("推进“美丽中国”建设。")


def test_a_speech_joined_to_an_earlier_one_of_the_same_speaker_is_attendance():
    found = relations("深入学习习近平总书记新年贺词精神和在第十届世界和平论坛上的重要讲话精神。")
    assert ("attends", "习近平", "第十届世界和平论坛", None) in found


def test_a_long_list_of_names_is_read_in_one_pass():
    """A sentence naming forty people in a row (news of a funeral or a meeting): the patterns for runs of
    list items once backtracked without end over it (minutes for one sentence). Read in a child process
    with a limit far above the fraction of a second it takes, so a relapse fails instead of hanging."""
    import subprocess
    import sys

    given = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    names = "、".join(f"{s}{'明' if k % 2 else '建'}{'华' if k % 3 else '国'}" for k, s in enumerate(given))
    sentence = f"病重期间，{names}等，前往医院看望或以各种形式表示慰问。"
    code = ("import sys; from kg.api import shared_nlp; from kg.nlp.chunks import analyse_text; "
            "d = analyse_text(shared_nlp(), sys.argv[1]); print(sum(e.label_ == 'PERSON' for e in d.ents))")
    r = subprocess.run([sys.executable, "-c", code, sentence], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert int(r.stdout.strip()) >= 30
