"""The indicator scheme (ontology/indicators.ttl) and its loader, kg.indicators."""

from collections import Counter

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from kg import indicators
from kg.ontology_files import ontology_file

SCHEME = rdflib.URIRef(indicators.SCHEME_IRI)
IND = indicators.CONCEPT_NS
KG = rdflib.Namespace(indicators.KG_NS)


@pytest.fixture(scope="module")
def graph():
    return rdflib.Graph().parse(data=ontology_file("indicators.ttl").read_bytes(), format="turtle")


def concepts(graph):
    return sorted(set(graph.subjects(RDF.type, SKOS.Concept)))


def test_scheme_parses_with_label_and_source(graph):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert {lit.language for lit in graph.objects(SCHEME, SKOS.prefLabel)} >= {"zh", "en"}
    assert any("../shared/corpora" in str(o) for o in graph.objects(SCHEME, None))


def test_at_least_120_concepts_all_in_the_scheme_with_a_chinese_pref_label(graph):
    cs = concepts(graph)
    assert len(cs) >= 120
    for c in cs:
        assert str(c).startswith(IND) and str(c)[len(IND):].isascii(), c
        assert (c, SKOS.inScheme, SCHEME) in graph, c
        zh = [lit for lit in graph.objects(c, SKOS.prefLabel) if lit.language == "zh"]
        assert len(zh) == 1, c
        assert list(graph.objects(c, KG.usualUnit)), c
        for b in graph.objects(c, SKOS.broader):
            assert (b, RDF.type, SKOS.Concept) in graph, (c, b)


def test_no_label_names_two_concepts(graph):
    owner = {}
    for c in concepts(graph):
        for p in (SKOS.prefLabel, SKOS.altLabel):
            for lit in graph.objects(c, p):
                if lit.language == "en":
                    continue
                key = indicators._norm(str(lit))
                assert owner.setdefault(key, c) == c, f"{lit} names {owner[key]} and {c}"
    # the loader sees the same labels
    assert len(indicators.load_scheme()["labels"]) == len(owner)


def test_usual_units_are_qudt_iris_or_unit_text(graph):
    units = Counter()
    for c in concepts(graph):
        for u in graph.objects(c, KG.usualUnit):
            if isinstance(u, rdflib.URIRef):
                assert str(u).startswith("http://qudt.org/vocab/unit/"), u
            units[str(u)] += 1
    assert units["http://qudt.org/vocab/unit/PERCENT"] > 50
    assert units["亿元"] > 20


def test_kg_ttl_declares_the_measurement_properties():
    g = rdflib.Graph().parse(data=ontology_file("kg.ttl").read_bytes(), format="turtle")
    for name in ("indicator", "aspect", "region", "usualUnit"):
        assert list(g.objects(KG[name], rdflib.RDFS.comment)), name
    for name in ("indicator", "aspect", "region"):
        assert (KG[name], rdflib.RDFS.domain, KG.Measurement) in g, name
    comment = str(next(g.objects(KG.aspect, rdflib.RDFS.comment)))
    assert all(a in comment for a in ("level", "growth", "share", "rank", "change"))


# Phrases written for this test (not copied from the reports) -> the concept's slug.
PHRASES = {
    "全区地区生产总值": "gross-regional-product",
    "今年全国国内生产总值": "gross-regional-product",
    "我市GDP": "gross-regional-product",
    "全州经济总量": "gross-regional-product",
    "农村牧区常住居民人均可支配收入": "rural-disposable-income",
    "城镇常住居民人均可支配收入": "urban-disposable-income",
    "全体居民人均可支配收入": "resident-disposable-income",
    "全盟规上工业增加值": "industrial-value-added-above-designated-size",
    "沿海海洋生产总值": "marine-gdp",
    "人均GDP": "gdp-per-capita",
    "单位GDP能耗": "energy-intensity",
    "全市社零总额": "total-retail-sales-consumer-goods",
    "全年居民消费价格涨幅": "consumer-price-index",
    "城镇新增就业人数": "urban-new-jobs",
    "全年粮食总产量": "grain-output",
    "全社会研发经费投入强度": "rd-intensity",
    "地方一般公共预算收入": "general-public-budget-revenue",
    "全市PM2.5平均浓度": "pm25-concentration",
    "中心城区空气质量优良天数比例": "good-air-quality-days-ratio",
    "外贸进出口总额": "total-imports-exports",
    "全省常住人口城镇化率": "urbanization-rate",
    "全年新改建农村公路": "rural-roads",
    "ＧＤＰ": "gross-regional-product",
}


@pytest.mark.parametrize("phrase,slug", sorted(PHRASES.items()))
def test_match_indicator(phrase, slug):
    hit = indicators.match_indicator(phrase)
    assert hit is not None, phrase
    assert hit[0] == IND + slug, (phrase, hit)
    assert hit[1] == indicators.pref_label(slug)


@pytest.mark.parametrize("phrase", ["稳步", "省份保供煤炭超", "产品产能全国", "前", "", "PM2"])
def test_fragments_match_nothing(phrase):
    assert indicators.match_indicator(phrase) is None


def test_latin_labels_do_not_match_inside_other_latin_words():
    # M2 (broad money) is no label of PM2.5
    assert indicators.match_indicator("全省PM2.5") == (IND + "pm25-concentration", "细颗粒物平均浓度")
    assert indicators.match_label("广义货币M2余额")[1] == "广义货币M2"


def test_match_label_offsets_point_into_the_text():
    text = "全区ＧＤＰ增长"
    iri, label, start, end = indicators.match_label(text)
    assert iri == IND + "gross-regional-product" and text[start:end] == label == "ＧＤＰ"


def test_labels_of_and_lookup():
    labels = indicators.labels_of(IND + "gross-regional-product")
    assert labels[0] == "地区生产总值"
    assert {"国内生产总值", "GDP", "经济总量", "生产总值"} <= set(labels)
    assert indicators.labels_of("gross-regional-product") == labels
    assert indicators.labels_of(IND + "no-such-indicator") == []
    for label in ("国内生产总值", "GDP", "gdp", "地区生产总值", "gross regional product (GDP)"):
        assert indicators.lookup(label) == IND + "gross-regional-product", label
    assert indicators.lookup("稳步") is None


def test_load_scheme_is_parsed_once():
    a = indicators.load_scheme()
    assert a is indicators.load_scheme()
    rural = a["concepts"][IND + "rural-disposable-income"]
    assert rural["broader"] == [IND + "resident-disposable-income"]
    assert IND + "rural-disposable-income" in a["concepts"][IND + "resident-disposable-income"]["narrower"]


def test_gdp_is_named_in_the_2026_provincial_reports(shared):
    folder = shared / "corpora" / "gov-reports-2026"
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 29, folder
    labels = indicators.labels_of("gross-regional-product")
    naming = [f.stem for f in files if any(label in f.read_text(encoding="utf-8") for label in labels)]
    assert len(naming) >= 26, sorted(set(f.stem for f in files) - set(naming))


# --- GDP growth results of the national reports (issue 15) -----------------------------------------
# (report, period, value): the growth result each report states, checked by hand against the files of
# ../shared/corpora/national-gov-reports; each exercises one piece of grammar the statement context reads.
GDP_RESULTS = [
    ("1994", (1993, None), 13.4),   # 一、1993年…的回顾和1994年…: the review part reviews 1993, the year before its review word
    ("1998", (1997, None), 8.8),    # 去年经济增长8 ．8 ％: a decimal point spaced off its digits
    ("1998", (1993, 1997), 11.0),   # 关于过去五年的政府工作: an average over the five years reviewed
    ("1999", (1998, None), 7.8),    # 1998年工作回顾和1999年工作的总体要求; the first heading is not the report's title year
    ("2001", (1996, 2000), 8.3),    # “九五”时期…的回顾: 平均每年增长 over the plan period
    ("2008", (2003, 2007), 10.6),   # 比2002年增长…，年均增长…: the years after the base year
    ("2011", (2010, None), 10.3),   # 三、2011年的工作 → 过去一年，… : a paragraph on the year gone by reports it
    ("2013", (2012, None), 7.8),    # 全面实现年初确定的主要目标，…: a goal met plans nothing
    ("2013", (2008, 2012), 9.3),    # 这五年，…年均增长
    ("2017", (2016, None), 6.7),    # 74.4 / zero-width line / 万亿元: the number is closed up
]


@pytest.fixture(scope="module")
def national_growth(shared):
    from kg.api import analyse

    out = {}
    for report in sorted({r for r, _p, _v in GDP_RESULTS}):
        doc = analyse(shared / "corpora" / "national-gov-reports" / f"{report}.txt")
        out[report] = [(ent._.measure["period"], ent._.measure["period_end"], ent._.quantity["value"],
                        ent._.measure["status"])
                       for ent in doc.ents if ent.label_ == "QUANTITY" and ent._.measure
                       and ent._.measure["indicator"] == IND + "gross-regional-product"
                       and ent._.measure["aspect"] == "growth"]
    return out


@pytest.mark.parametrize("report,period,value", GDP_RESULTS)
def test_national_gdp_growth_results(national_growth, report, period, value):
    found = national_growth[report]
    assert (period[0], period[1], value, "reported") in found, found


def test_gdp_growth_target_in_a_review_part_naming_the_year_planned(national_growth):
    # 1999: 今年的经济增长预期为7%左右 stands in the part 1998年工作回顾和1999年工作的总体要求
    assert (1999, None, 7.0, "target") in national_growth["1999"]


def test_gnp_and_gross_output_are_related_to_gdp_not_labels_of_it():
    gdp = IND + "gross-regional-product"
    assert set(indicators.related_of(gdp)) == {IND + "gross-national-product", IND + "gross-output-industry-agriculture",
                                               IND + "national-income"}
    assert indicators.related_of("gross-national-product") == [gdp]
    assert indicators.related_of("national-income") == [gdp]
    assert indicators.match_indicator("我国工业农业总产值")[0] == IND + "gross-output-industry-agriculture"
    assert indicators.lookup("国民生产总值") == IND + "gross-national-product"
    assert indicators.match_indicator("全国工农业生产总值")[0] == IND + "gross-output-industry-agriculture"
    assert indicators.match_indicator("工业生产总值")[0] == IND + "gross-industrial-output"


def test_indicator_series_gives_related_concepts_only_when_asked(tmp_path):
    """indicator-series for 国内生产总值: GDP rows only; with related=yes also the rows of 国民生产总值,
    whose ``concept`` column names the concept measured (the ``indicator`` column is the label asked for)."""
    from kg.api import build
    from kg.query import records, run

    (tmp_path / "r2001.md").write_text("2001年政府工作报告\n\n一、2000年工作回顾\n\n全年国内生产总值比上年增长8.1%，成绩显著。\n",
                                       encoding="utf-8")
    (tmp_path / "r1991.md").write_text("1991年政府工作报告\n\n一、1990年工作回顾\n\n全年国民生产总值比上年增长4.5%，形势良好。\n",
                                       encoding="utf-8")
    build([tmp_path / "r2001.md", tmp_path / "r1991.md"], out_dir=tmp_path / "out", formats=("turtle",), workers=1)
    store = tmp_path / "out" / "store"
    plain = records(run("indicator-series", params={"indicator": "国内生产总值"}, store=store))
    assert [(r["concept"], r["year"], r["value"]) for r in plain] == [("地区生产总值", "2000", "8.1")]
    related = records(run("indicator-series", params={"indicator": "国内生产总值", "related": "yes"}, store=store))
    assert sorted((r["indicator"], r["concept"], r["year"], r["value"], r["status"]) for r in related) == [
        ("国内生产总值", "国民生产总值", "1990", "4.5", "reported"),
        ("国内生产总值", "地区生产总值", "2000", "8.1", "reported")]


# --- Growth results of the aggregates related to GDP in the older national reports (issue 15) -----------
# (report, concept slug, period, value): the past year's growth of gross output (工农业总产值), national income
# (国民收入) or GNP each report states, checked by hand against the files of ../shared/corpora/national-gov-reports;
# each exercises one piece of grammar the statement context reads.
RELATED_RESULTS = [
    ("1955", "gross-output-industry-agriculture", (1953, None), 14.4),  # 在工业农业总产值方面：…: a topic before a colon;
    ("1955", "gross-output-industry-agriculture", (1954, None), 9.4),   # years in Chinese numerals; a plan part's past
    ("1956", "gross-output-industry-agriculture", (1955, None), 6.6),   # …生产总值比1954年增长了…: a base year in the gap
    ("1959", "gross-output-industry-agriculture", (1958, None), 65.0),  # 比一九五七年的…亿元增长: against the base's level
    ("1980", "national-income", (1979, None), 7.0),
    ("1982", "gross-output-industry-agriculture", (1981, None), 4.6),   # …的增长速度，一九八一年计划为…，实际达到…
    ("1985", "gross-output-industry-agriculture", (1984, None), 14.2),  # 在1979到1983年…的基础上: background years
    ("1985", "gross-output-industry-agriculture", (1979, 1983), 7.9),   # …: and the range they give the average
    ("1987", "gross-output-industry-agriculture", (1986, None), 9.3),   # 过去一年里…把1984年末至1985年…: the frame
    ("1987", "national-income", (1986, None), 7.4),
    ("1993", "gross-national-product", (1992, None), 12.8),
]


@pytest.fixture(scope="module")
def national_related_growth(shared):
    from kg.api import analyse

    out = {}
    for report in sorted({r for r, *_rest in RELATED_RESULTS}):
        doc = analyse(shared / "corpora" / "national-gov-reports" / f"{report}.txt")
        out[report] = [(ent._.measure["indicator"], ent._.measure["period"], ent._.measure["period_end"],
                        ent._.quantity["value"], ent._.measure["status"])
                       for ent in doc.ents if ent.label_ == "QUANTITY" and ent._.measure
                       and ent._.measure["aspect"] == "growth"]
    return out


@pytest.mark.parametrize("report,slug,period,value", RELATED_RESULTS)
def test_national_related_growth_results(national_related_growth, report, slug, period, value):
    found = national_related_growth[report]
    assert (IND + slug, period[0], period[1], value, "reported") in found, [f for f in found if f[0] == IND + slug]


def test_plan_figures_and_background_years_are_no_results(national_related_growth):
    output = IND + "gross-output-industry-agriculture"
    # 一九八一年计划为百分之三点七，实际达到百分之四点六: the plan's figure is a target
    assert (output, 1981, None, 3.7, "target") in national_related_growth["1982"]
    assert not [f for f in national_related_growth["1982"] if f[3] == 3.7 and f[4] == "reported"]
    # 一九五九年比一九五八年计划增长百分之四十
    assert (output, 1959, None, 40.0, "target") in national_related_growth["1959"]
    # 1984's growth is not dated by the years of its background (在1979到1983年…的基础上)
    assert not [f for f in national_related_growth["1985"] if f[0] == output and f[1] == 1983 and f[2] is None]
