"""Table-driven quantity cases, on sentences written for these tests."""

import pytest

from kg.nlp.components.quantities import QuantityRecognizer
from kg.nlp.normalize import normalize


@pytest.fixture(scope="module")
def recognize():
    r = QuantityRecognizer()

    def run(text):
        norm = normalize(text)
        return [(norm.text[c.start:c.end], dict(c.attrs)) for c in r(norm.text)]

    return run


CASES = [
    # text, span, value, unit, approx, kind
    ("举办培训班42个班次", "42个班次", 42, "个班次", "exact", "count"),
    ("培训干部2万多人次", "2万多人次", 20000, "人次", "more_than", "count"),
    ("拨付资金2565万元", "2565万元", 25650000, "元", "exact", "money"),
    ("拨付资金 2565 万元", "2565万元", 25650000, "元", "exact", "money"),
    ("听众达23.5万人", "23.5万人", 235000, "人", "exact", "count"),
    ("建成85个", "85个", 85, "个", "exact", "count"),
    ("占比17%", "17%", 17, "%", "exact", "percent"),
    ("覆盖率99.8%以上", "99.8%", 99.8, "%", "more_than", "percent"),
    ("排名第 1 位", "第1位", 1, "位", "exact", "rank"),
    ("全国第2名", "第2名", 2, "名", "exact", "rank"),
    ("面积4000平方米", "4000平方米", 4000, "平方米", "exact", "area"),
    ("惠及10多万农牧民", "10多万", 100000, "人", "more_than", "count"),
    ("服务172万群众", "172万", 1720000, "人", "exact", "count"),
    ("参与6000余人", "6000余人", 6000, "人", "more_than", "count"),
    ("近20个旗县", "20个", 20, "个", "about", "count"),
    ("约3000平方米", "3000平方米", 3000, "平方米", "about", "area"),
    ("超过290万次", "290万次", 2900000, "次", "more_than", "count"),
    ("至少5项", "5项", 5, "项", "at_least", "count"),
    ("不少于2000万元", "2000万元", 20000000, "元", "at_least", "money"),
    ("不超过3个", "3个", 3, "个", "at_most", "count"),
    ("10个左右", "10个", 10, "个", "about", "count"),
    ("培训一千二百余人", "一千二百余人", 1200, "人", "more_than", "count"),
    ("完成五项任务", "五项", 5, "项", "exact", "count"),
    ("增长百分之十点二", "百分之十点二", 10.2, "%", "exact", "percent"),
    ("提高1.6个百分点", "1.6个百分点", 1.6, "个百分点", "exact", "percent"),
    ("投资1.2亿元", "1.2亿元", 120000000, "元", "exact", "money"),
    ("援助50万美元", "50万美元", 500000, "美元", "exact", "money"),
    ("得分1212分", "1212分", 1212, "分", "exact", "other"),
    ("车辆１１９辆", "119辆", 119, "辆", "exact", "count"),
    ("国土九百六十多万平方公里", "九百六十多万平方公里", 9600000, "平方公里", "more_than", "area"),
    ("国内生产总值达到八十万亿元", "八十万亿元", 80_000_000_000_000, "元", "exact", "money"),
    ("一千五百多项改革举措", "一千五百多项", 1500, "项", "more_than", "count"),
]


@pytest.mark.parametrize("text,span,value,unit,approx,kind", CASES)
def test_quantity(recognize, text, span, value, unit, approx, kind):
    found = recognize(text)
    assert len(found) == 1, found
    got_span, attrs = found[0]
    assert (got_span, attrs["value"], attrs["unit"], attrs["approx"], attrs["kind"]) == (span, value, unit, approx, kind)


def test_money_has_currency(recognize):
    assert recognize("拨付资金2565万元")[0][1]["currency"] == "CNY"
    assert recognize("援助50万美元")[0][1]["currency"] == "USD"


def test_range_has_min_and_max(recognize):
    (span, attrs), = recognize("每县建设3至5个站点")
    assert span == "3至5个" and (attrs["min"], attrs["max"]) == (3, 5)


@pytest.mark.parametrize("text", [
    "2021年，全区科协工作取得新成绩",      # a year
    "一年来，我们坚持学习",                  # a duration in a set phrase
    "召开第十六届学术年会",                  # an ordinal in a name
    "入选第二批试点",                        # an ordinal
    "坚定拥护“两个确立”",                   # a number inside a quoted slogan
    "认真履行“四服务”职责",
    "深化“1—9—6—1”工作布局",
    "建设4K数字电视平台",                    # part of a name
    "在八届三次全委会上",                    # numbering of a meeting
    "一是强化政治引领",                      # section numbering
    "打造一个平台",                          # the article-like 一个
    "这十分重要",                            # 十分 means "very"
    "万众一心，亿万人民",                    # multipliers alone are words
    "百家争鸣",
])
def test_not_a_quantity(recognize, text):
    assert recognize(text) == []
