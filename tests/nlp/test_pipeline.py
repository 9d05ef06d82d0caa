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


def test_report_metadata(nlp):
    doc = nlp("# 关于某项工作的报告\n\n(2022年3月18日)\n\n赵吉\n\n同志们：\n\n正文。")
    meta = doc._.kg_meta
    assert doc.text[slice(*meta["title"])] == "关于某项工作的报告"
    assert doc.text[slice(*meta["date"])] == "2022年3月18日"
    assert doc.text[slice(*meta["author"])] == "赵吉"
