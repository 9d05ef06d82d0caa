import jieba

from kg.nlp import PIPES


def test_pipeline_components_in_order(nlp):
    assert tuple(nlp.pipe_names) == PIPES
    assert nlp.lang == "zh"


def test_tokenizer_owns_its_jieba(nlp):
    assert nlp.tokenizer.jieba is not jieba.dt


def test_sentences_split_at_full_stops_and_lines(nlp):
    doc = nlp("第一句。第二句！\n\n第三句")
    assert [s.text.strip() for s in doc.sents] == ["第一句。", "第二句！", "第三句"]


def test_report_organization_is_the_body_the_speaker_stands_for(nlp):
    # a document's name broken out of its 《》 over lines is no title, and a dateline names a congress,
    # not the speaker's body
    text = ("各位代表：\n\n　　根据《\n中共中央关于今后五年发展的建议\n》，现在，我代表国务院，"
            "向第九届全国人民代表大会作报告。\n\n一、过去一年的工作\n\n　　经济平稳运行。")
    meta = nlp(text)._.kg_meta
    assert meta["organization"] == "国务院" and meta["national"] and meta["region"] is None


def test_report_to_a_session_of_the_npc_is_national(nlp):
    text = ("政府工作报告\n\n一九五七年在第一届全国人民代表大会第四次会议上\n\n各位代表：\n\n"
            "　　工农业生产继续增长，上海、天津的工业和四川、湖南的农业都有发展。")
    meta = nlp(text)._.kg_meta
    assert meta["region"] is None and meta["national"]


def test_report_region_needs_its_places_to_dominate(nlp):
    # a national report dwelling on one place (香港) is not that place's report; a provincial one is
    spread = nlp("香港回归祖国。香港特别行政区保持繁荣。支持香港发展。上海市、广州市、成都市加快发展。"
                 "南京市和杭州市开放。")
    assert spread._.kg_meta["region"] is None
    own = nlp("呼和浩特市、包头市、鄂尔多斯市加快发展。赤峰市和通辽市开放。北京市支持。")
    assert own._.kg_meta["region"] == "150000"


def test_report_metadata(nlp):
    doc = nlp("# 关于某项工作的报告\n\n(2022年3月18日)\n\n赵吉\n\n同志们：\n\n正文。")
    meta = doc._.kg_meta
    assert doc.text[slice(*meta["title"])] == "关于某项工作的报告"
    assert doc.text[slice(*meta["date"])] == "2022年3月18日"
    assert doc.text[slice(*meta["author"])] == "赵吉"
