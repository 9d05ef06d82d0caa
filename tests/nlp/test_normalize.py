import pytest

from kg.nlp.normalize import normalize


def _span(norm, needle):
    s = norm.text.index(needle)
    a, b = norm.to_original(s, s + len(needle))
    return norm.original[a:b]


@pytest.mark.parametrize("original,analysed", [
    ("## 一、工作回顾", "一、工作回顾"),
    ("**二、主要成绩**", "二、主要成绩"),
    ("投入２５６５万元", "投入2565万元"),
    ("投入 2565 万元，排名第 1 位", "投入2565万元，排名第1位"),
    ("截至 2021 年底", "截至2021年底"),
    ("中小學生", "中小学生"),
    ("增长１７％", "增长17%"),
])
def test_normalizes(original, analysed):
    assert normalize(original).text == analysed


def test_page_break_inside_a_sentence_is_closed_and_mapped_back():
    original = "这一行很长很长，是报告正文的一部分，没有结束于句号的网上科技\n\n工作者之家平台上线。"
    norm = normalize(original)
    assert "网上科技工作者之家" in norm.text
    assert _span(norm, "网上科技工作者之家") == "网上科技\n\n工作者之家"


def test_paragraphs_and_headings_are_not_joined():
    original = "# 标题行不应该与下一段连在一起的标题\n\n第一段正文到此结束。\n\n第二段。"
    assert normalize(original).text == "标题行不应该与下一段连在一起的标题\n\n第一段正文到此结束。\n\n第二段。"


def test_every_character_maps_back():
    original = "## **三、** 投入 ２５６５ 万元\n\n完成。"
    norm = normalize(original)
    assert len(norm.index) == len(norm.text)
    for ch, i in zip(norm.text, norm.index):
        assert ch == original[i] or ch.isdigit() or ch == "%"
    assert _span(norm, "2565万元") == "２５６５ 万元"


def test_a_lone_surrogate_is_replaced_not_raised():
    # a str read with surrogateescape holds lone surrogates; OpenCC cannot encode them
    norm = normalize("科协\udce3会议")
    assert norm.text == "科协\ufffd会议"
    assert len(norm.index) == len(norm.text)
