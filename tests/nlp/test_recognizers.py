"""Recognition on sentences written for these tests (not taken from any report)."""

import pytest

from conftest import ents


@pytest.mark.parametrize("text,expected", [
    ("巴彦淖尔市科协组织专家下乡。", ("ORG", "巴彦淖尔市科协")),
    ("自治区党委办公厅印发通知。", ("ORG", "自治区党委办公厅")),
    ("河南省科协召开常委会议。", ("ORG", "河南省科协")),
    ("中国科协副主席出席会议。", ("ORG", "中国科协")),
    ("邀请内蒙古农业大学专家授课。", ("ORG", "内蒙古农业大学")),
    ("联合人社厅开展评审。", ("ORG", "人社厅")),
    ("深入鄂托克前旗开展调研。", ("PLACE", "鄂托克前旗")),
    ("深入海勃湾区开展调研。", ("PLACE", "海勃湾区")),
    ("对接京津冀地区资源。", ("PLACE", "京津冀")),
    ("打造“科创中国”品牌。", ("PROGRAM", "科创中国")),
    ("推进“科技兴蒙”行动。", ("PROGRAM", "科技兴蒙")),
    ("实施基层科普行动计划。", ("PROGRAM", "基层科普行动计划")),
    ("开展院士专家河南行活动。", ("PROGRAM", "院士专家河南行")),
    ("办好全国科普日活动。", ("EVENT", "全国科普日")),
    ("举办第十六届自然科学学术年会。", ("EVENT", "第十六届自然科学学术年会")),
    ("深入学习党的二十大精神。", ("EVENT", "党的二十大")),
    ("在《内蒙古科技报》刊发稿件。", ("WORK", "内蒙古科技报")),
    ("习近平总书记强调。", ("PERSON", "习近平")),
    ("会议于2022年3月18日召开。", ("DATE", "2022年3月18日")),
])
def test_recognizes(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,not_expected", [
    ("各级科协组织积极行动。", "各级科协"),
    ("盟市科协和旗县科协协同推进。", "盟市科协"),
    ("企业科协发挥作用。", "企业科协"),
    ("自治区有关部门给予支持。", "自治区有关部"),
    ("服务自治区高质量发展大局。", "自治区高质量发展大局"),
    ("新建科技馆2座，新增展厅3个。", "新建科技馆"),
])
def test_generic_categories_are_not_organizations(nlp, text, not_expected):
    assert not_expected not in [t for _l, t in ents(nlp, text)]


def test_ideology_names_hide_their_parts(nlp):
    found = ents(nlp, "坚持以习近平新时代中国特色社会主义思想为指导。")
    assert ("PLACE", "中国") not in found and ("PERSON", "习近平") not in found


def test_outermost_span_wins(nlp):
    found = ents(nlp, "举办“科创中国”巴彦淖尔现代农业发展论坛。")
    assert found == [("EVENT", "“科创中国”巴彦淖尔现代农业发展论坛")]


def test_country_compounds(nlp):
    assert ents(nlp, "4位中、美院士作报告。") == [("QUANTITY", "4位"), ("PLACE", "中"), ("PLACE", "美")]


def test_quantity_extension_is_set(nlp):
    doc = nlp("拨付资金2565万元。")
    (ent,) = doc.ents
    assert ent._.quantity["value"] == 25650000 and ent._.quantity["kind"] == "money"


def test_entities_report_original_offsets(nlp):
    text = "## 一、概况\n\n投入 2565 万元支持“科普中国”。"
    doc = nlp(text)
    for ent in doc.ents:
        s, e = ent._.orig_span
        assert text[s:e] == ent._.orig_text
    assert [e._.orig_text for e in doc.ents] == ["2565 万元", "科普中国"]


def test_honours_hide_what_is_inside_them(nlp):
    found = ents(nlp, "该县被命名为2021—2025年度全国科普示范县，学会荣获中国创新方法大赛优秀组织奖。")
    assert ("DATE", "2021—2025年") not in found
    assert ("EVENT", "中国创新方法大赛") not in found


@pytest.mark.parametrize("text,expected", [
    ("坚定拥护“两个确立”。", []),
    ("落实“五个重大政治责任”要求。", []),
    ("组织“百名专家进万村科普行”活动。", [("PROGRAM", "百名专家进万村科普行")]),
])
def test_quoted_numbers_are_slogans_unless_long_names(nlp, text, expected):
    assert [e for e in ents(nlp, text) if e[0] != "QUANTITY"] == expected
