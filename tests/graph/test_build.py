from rdflib import Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import ORG, RDF, RDFS, SKOS, XSD

import kg
from kg.graph.namespace import KG, SCHEMA
from kg.io import Source

TEXT = "# 某某省科协工作报告\n\n(2023年2月1日)\n\n王小明\n\n2022年，河南省科协拨付资金 2565 万元支持“科创中国”建设。\n\n郑州市科协举办论坛。"


def _graph(nlp, text=TEXT, doc_id="tiny"):
    src = Source(doc_id=doc_id, text=text)
    doc = kg.analyse(src, nlp)
    return kg.build_graph(doc, src)


def test_same_input_same_graph_and_iris(nlp):
    a, b = _graph(nlp), _graph(nlp)
    assert isomorphic(a, b), graph_diff(to_isomorphic(a), to_isomorphic(b))
    assert set(a) == set(b)  # no blank nodes: the same triples, IRIs included


def test_no_blank_nodes(nlp):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in _graph(nlp) for t in triple)


def test_report_metadata(nlp):
    g = _graph(nlp)
    report = next(g.subjects(RDF.type, KG.Report))
    assert g.value(report, KG.date) == Literal("2023-02-01", datatype=XSD.date)
    assert str(g.value(report, SCHEMA.name)) == "某某省科协工作报告"
    author = g.value(report, SCHEMA.author)
    assert str(g.value(author, RDFS.label)) == "王小明"


def test_entities_are_typed_and_labelled(nlp):
    g = _graph(nlp)
    labels = {str(g.value(e, RDFS.label)): e for e in g.subjects(RDF.type, KG.Entity)}
    assert (labels["科创中国"], RDF.type, KG.Program) in g
    assert (labels["河南省科协"], RDF.type, KG.Organization) in g
    assert g.value(labels["科创中国"], RDFS.label).language == "zh"


def test_measurement_value_is_decimal_with_offsets_into_the_original(nlp):
    g = _graph(nlp)
    (m,) = [m for m in g.subjects(RDF.type, KG.Measurement)]
    value = g.value(m, SCHEMA.value)
    assert value.datatype == XSD.decimal and value.toPython() == 25650000
    start, end = int(g.value(m, KG.start)), int(g.value(m, KG.end))
    assert TEXT[start:end] == "2565 万元" == str(g.value(m, KG.text))
    sentence = g.value(m, KG.sentence)
    s, e = int(g.value(sentence, KG.start)), int(g.value(sentence, KG.end))
    assert s <= start < end <= e and TEXT[s:e] == str(g.value(sentence, KG.text))


def test_every_mention_traces_to_its_sentence(nlp):
    g = _graph(nlp)
    mentions = list(g.subjects(RDF.type, KG.Mention))
    assert mentions
    for m in mentions:
        s, e = int(g.value(m, KG.start)), int(g.value(m, KG.end))
        assert TEXT[s:e] == str(g.value(m, KG.text))
        sentence = g.value(m, KG.sentence)
        assert int(g.value(sentence, KG.start)) <= s and e <= int(g.value(sentence, KG.end))


def test_place_iri_from_division_code(nlp):
    g = _graph(nlp, "深入鄂托克前旗开展调研。")
    place = next(p for p in g.subjects(RDF.type, KG.Place) if str(g.value(p, KG.divisionCode)) == "150623")
    assert str(place).endswith("/place/150623")
    assert g.value(place, KG.level) == KG.County
    city = g.value(place, SCHEMA.containedInPlace)
    province = g.value(city, SCHEMA.containedInPlace)
    assert (str(g.value(city, RDFS.label)), str(g.value(city, KG.divisionCode))) == ("鄂尔多斯市", "150600")
    assert (str(g.value(province, RDFS.label)), g.value(province, KG.level)) == ("内蒙古自治区", KG.Province)
    assert g.value(province, SCHEMA.containedInPlace) is None


def test_measurement_links(nlp):
    text = "# 2021年工作回顾\n\n河南省科协拨付资金2565万元支持157个项目。\n\n# 2022年工作任务\n\n举办“科普大讲堂”10期，培训5000人次。"
    g = _graph(nlp, text)
    by_label = {str(g.value(m, RDFS.label)): m for m in g.subjects(RDF.type, KG.Measurement)}
    money = by_label["2565万元"]
    assert str(g.value(g.value(money, KG.measures), RDFS.label)) == "资金"
    assert str(g.value(g.value(money, KG.purpose), RDFS.label)) == "项目"
    assert (g.value(money, KG.purpose), RDF.type, KG.Concept) in g
    assert str(g.value(g.value(money, KG.subject), RDFS.label)) == "河南省科协"
    assert g.value(money, KG.period) == Literal("2021", datatype=XSD.gYear)
    assert str(g.value(money, KG.status)) == "reported"
    people = by_label["5000人次"]
    assert str(g.value(people, KG.status)) == "planned"
    assert str(g.value(g.value(people, KG.relatedTo), RDFS.label)) == "科普大讲堂"


def test_report_publisher_from_title(nlp):
    g = _graph(nlp, "# 在河南省科协九届五次全委会上的工作报告\n\n全年举办活动30场。")
    report = next(g.subjects(RDF.type, KG.Report))
    assert str(g.value(g.value(report, SCHEMA.publisher), RDFS.label)) == "河南省科协"
    (m,) = list(g.subjects(RDF.type, KG.Measurement))
    assert g.value(m, KG.subject) == g.value(report, SCHEMA.publisher)


def test_region_words_resolve_to_the_reports_region(nlp):
    text = "# 在内蒙古科协工作会议上的报告\n\n自治区科协联合巴彦淖尔市科协举办论坛。内蒙古科协表彰先进。"
    g = _graph(nlp, text)
    orgs = {str(g.value(o, RDFS.label)): o for o in g.subjects(RDF.type, KG.Organization)}
    node = orgs["内蒙古科协"]
    assert {str(a) for a in g.objects(node, SKOS.altLabel)} == {"自治区科协"}
    assert "自治区科协" not in orgs
    city = orgs["巴彦淖尔市科协"]
    assert g.value(city, ORG.subOrganizationOf) == node
    assert str(g.value(g.value(node, ORG.subOrganizationOf), RDFS.label)) == "中国科学技术协会"
    assert str(g.value(g.value(city, SCHEMA.location), KG.divisionCode)) == "150800"


def test_province_words_in_a_henan_report(nlp):
    g = _graph(nlp, "# 河南省科协2023年工作总结\n\n省科协组织专家下乡。河南省科协举办论坛。")
    orgs = [o for o in g.subjects(RDF.type, KG.Organization) if str(g.value(o, RDFS.label)) == "河南省科协"]
    assert len(orgs) == 1
    assert {str(a) for a in g.objects(orgs[0], SKOS.altLabel)} == {"省科协"}


def test_sections_nest_and_sentences_sit_in_them(nlp):
    text = "# 2021年工作回顾\n\n## 一、加强科普\n\n（一）建设阵地。全年新建站点5个。\n\n一是强化引领。二是做强学术。"
    g = _graph(nlp, text)
    sections = {str(g.value(s, RDFS.label)): s for s in g.subjects(RDF.type, KG.Section)}
    assert int(g.value(sections["一、加强科普"], KG.depth)) == 1
    assert g.value(sections["一、加强科普"], KG.partOf) == sections["2021年工作回顾"]
    assert g.value(sections["（一）建设阵地。"], KG.partOf) == sections["一、加强科普"]
    assert int(g.value(sections["二是做强学术。"], KG.depth)) == 3
    sentence = next(s for s in g.subjects(RDF.type, KG.Sentence) if str(g.value(s, KG.text)) == "全年新建站点5个。")
    assert g.value(sentence, KG.inSection) == sections["（一）建设阵地。"]


def test_short_city_names_inside_names_are_not_rewritten(nlp):
    doc = nlp("# 河南省科协工作总结\n\n郑州大学科协新增会员300名。")
    (org,) = [e for e in doc.ents if e.label_ == "ORG" and e.text == "郑州大学科协"]
    assert org._.key == "郑州大学科协" and org._.location == "410100"
