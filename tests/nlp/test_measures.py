"""What quantities measure, on sentences written for these tests."""

import pytest


def _measures(nlp, text):
    doc = nlp(text)
    t = doc._.kg_norm.text

    def s(span):
        return t[span[0]:span[1]] if span else None

    return {e.text: {k: (s(v) if k in ("measured", "purpose", "subject") else v) for k, v in e._.measure.items()
                     if k != "related"} | {"related": [s(r) for r in e._.measure["related"]]}
            for e in doc.ents if e.label_ == "QUANTITY"}


@pytest.mark.parametrize("text,quantity,measured", [
    ("全年举办各类培训班42个班次。", "42个班次", "培训班"),
    ("全区共有科普专家2640人。", "2640人", "科普专家"),
    ("组建志愿者队伍1390支。", "1390支", "志愿者队伍"),
    ("支持157个项目。", "157个", "项目"),
    ("惠及10多万农牧民。", "10多万", "农牧民"),
    ("听众观众达23.5万人。", "23.5万人", "听众观众"),
    ("作物增产17%。", "17%", "作物增产"),
])
def test_measured_thing(nlp, text, quantity, measured):
    assert _measures(nlp, text)[quantity]["measured"] == measured


def test_money_purpose(nlp):
    m = _measures(nlp, "河南省科协拨付资金2565万元支持157个项目。")
    assert m["2565万元"]["measured"] == "资金"
    assert m["2565万元"]["purpose"] == "项目"
    assert m["2565万元"]["subject"] == "河南省科协"


def test_period_from_sentence_date_and_section(nlp):
    text = "# 2021年工作回顾\n\n全年举办培训班12期。截至2020年底，建成站点30个。\n\n# 2022年工作任务\n\n新建站点10个。"
    m = _measures(nlp, text)
    assert (m["12期"]["period"], m["12期"]["status"]) == (2021, "reported")
    assert (m["30个"]["period"], m["30个"]["period_text"]) == (2020, "2020年底")
    assert (m["10个"]["period"], m["10个"]["status"]) == (2022, "planned")


def test_planning_cue_in_a_sentence(nlp):
    m = _measures(nlp, "明年将新建科技馆5座，力争培训10万人次。")
    # 将 before a verb plans; 力争 makes the number a target
    assert m["5座"]["status"] == "planned" and m["10万人次"]["status"] == "target"


def test_preposition_jiang_is_not_a_plan(nlp):
    m = _measures(nlp, "2021年，包头市将科技馆建设纳入规划，建成展厅3个。")
    assert m["3个"]["status"] == "reported"


def test_programs_in_the_same_clause(nlp):
    m = _measures(nlp, "举办“科普大讲堂”40期，186万多人听讲；培训学员100人。")
    assert m["186万多人"]["related"] == ["科普大讲堂"]
    assert m["100人"]["related"] == []


@pytest.mark.parametrize("text,number,aspect", [
    ("全省地区生产总值增长5.5%。", "5.5%", "growth"),
    ("城镇调查失业率5.5%左右。", "5.5%", "share"),
    ("粮食产量稳定在700亿斤以上。", "700亿斤", "level"),
    ("第三产业增加值占地区生产总值比重达到52%。", "52%", "share"),
    ("研发经费投入强度提高0.2个百分点。", "0.2个百分点", "change"),
    ("粮食产量居全国第3位。", "第3位", "rank"),
])
def test_aspect_of_a_number(nlp, text, number, aspect):
    assert _measures(nlp, text)[number]["aspect"] == aspect


def test_measured_phrase_is_a_noun_phrase(nlp):
    m = _measures(nlp, "固定资产投资年均增长12.8%。")
    assert m["12.8%"]["measured"] == "固定资产投资"
