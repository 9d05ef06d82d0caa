"""Facts from sentence patterns, on sentences written for these tests."""

import pytest


def _facts(nlp, text):
    doc = nlp(text)
    t = doc._.kg_norm.text

    def s(span):
        return span if span is None or isinstance(span, str) else t[span[0]:span[1]]

    return [(f["relation"], s(f["subject"]), s(f.get("object")) or f.get("honour"), s(f.get("agent")), f["status"])
            for f in doc._.kg_facts]


@pytest.mark.parametrize("text,fact", [
    # honours, with and without the awarding body
    ("河南省科协被省政府授予“全省科普工作先进集体”荣誉称号。",
     ("receivedHonour", "河南省科协", "全省科普工作先进集体", "省政府", "reported")),
    ("郑州市科协荣获“全国科普日活动优秀组织单位”称号。",
     ("receivedHonour", "郑州市科协", "全国科普日活动优秀组织单位", None, "reported")),
    # pilot cities take the program of their paragraph
    ("（二）推进“科创中国”试点建设。郑州市、洛阳市被确定为试点城市。", ("pilotOf", "郑州市", "科创中国", None, "reported")),
    ("（二）推进“科创中国”试点建设。郑州市、洛阳市被确定为试点城市。", ("pilotOf", "洛阳市", "科创中国", None, "reported")),
    # organizing, with a partner
    ("河南省科协联合省科技厅共同举办第五届中原科技创新论坛。",
     ("organizes", "河南省科协", "第五届中原科技创新论坛", None, "reported")),
    ("河南省科协联合省科技厅共同举办第五届中原科技创新论坛。",  # the partner co-organizes (relation gold format)
     ("coOrganizes", "省科技厅", "第五届中原科技创新论坛", None, "reported")),
    # a plan under a planning heading
    ("# 2024年工作安排\n\n省科协将深入实施基层科普行动计划。", ("implements", "省科协", "基层科普行动计划", None, "planned")),
    ("推动河南省政府与中国科协签署全面战略合作协议。",  # the partner is the object
     ("signsAgreement", "河南省政府", "中国科协", None, "reported")),
    ("河南省科协实施基层科普行动计划，拨付资金1500万元。", ("funds", "河南省科协", "基层科普行动计划", None, "reported")),
])
def test_fact(nlp, text, fact):
    assert fact in _facts(nlp, text)


def test_money_for_a_common_noun_funds_nothing_named(nlp):
    assert not [f for f in _facts(nlp, "河南省科协拨付资金1500万元支持62个项目。") if f[0] == "funds"]


def test_report_organization_is_the_default_subject(nlp):
    facts = _facts(nlp, "# 河南省科协工作总结\n\n全年举办第三届黄河科普论坛。")
    assert facts[0][:3] == ("organizes", "publisher", "第三届黄河科普论坛")
