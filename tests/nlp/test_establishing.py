"""kg.nlp.components.establishing: bodies named as they are set up, on sentences written for
these tests (not taken from any report)."""

import pytest

from conftest import ents


@pytest.mark.parametrize("text,expected", [
    # a verb of setting up right before the name
    ("本月组建跨境数据合规服务联盟，服务出海企业。", ("ORG", "跨境数据合规服务联盟")),
    ("高标准组建运行智能农机产业联盟。", ("ORG", "智能农机产业联盟")),
    # the name opens its clause before a predicate of setting up
    ("去年，湿地候鸟保护研究中心正式揭牌。", ("ORG", "湿地候鸟保护研究中心")),
    ("同时，低空飞行器检测实验室落户本区。", ("ORG", "低空飞行器检测实验室")),
])
def test_bodies_set_up(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "新增6家全国重点实验室落户本省。",           # a set counted
    "组建一批概念验证中心。",                      # a set
    "设立高水平研究型大学学院。",                  # a category word
    "区设立禽肉分割加工中心。",                    # a facility where goods are handled
    "组建诊断服务平台。",                          # platforms set up are kinds
    "，争取病虫害防控技术研究中心获批。",          # a verb opens no body's name
])
def test_no_body_set_up(nlp, text):
    found = ents(nlp, text)
    assert not any(label == "ORG" for label, _t in found), found


def test_a_body_found_already_keeps_its_name(nlp):
    # the known enterprise ends at the head: what comes before it is an apposition
    found = ents(nlp, "新央企中国雅江集团落户拉萨。")
    assert ("ORG", "中国雅江集团") in found
