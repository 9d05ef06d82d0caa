"""kg.nlp.tokenizer: the automaton segmenter gives exactly what jieba gives."""

from pathlib import Path

from kg.nlp.normalize import normalize


def _texts(shared: Path) -> list[str]:
    reports = sorted((shared / "corpus").glob("*.txt"))
    reports += sorted((shared / "corpora" / "gov-reports-2026").glob("*.txt"))[:8]
    reports += [shared / "corpora" / "national-gov-reports" / f"{y}.txt" for y in (1954, 1980, 2003)]
    return [normalize(p.read_text(encoding="utf-8")).text for p in reports]


def test_cut_is_jiebas_own_cut_with_the_same_words_added(nlp, shared):
    tokenizer = nlp.tokenizer
    texts = _texts(shared)
    assert sum(map(len, texts)) > 300_000
    for text in texts:
        assert list(tokenizer.cut(text)) == list(tokenizer.jieba.cut(text, HMM=True))


def test_cut_handles_what_jieba_handles_apart_from_chinese(nlp):
    tokenizer = nlp.tokenizer
    for text in ["", " ", "\r\n\r\n", "ABC-12.5%和3＃", "一", "𠀀字外", "科协\t科普  中国"]:
        assert list(tokenizer.cut(text)) == list(tokenizer.jieba.cut(text, HMM=True)), text
    # a gazetteer word added to the dictionary is one word
    assert "呼和浩特市" in list(tokenizer.cut("他在呼和浩特市工作"))


def test_tag_corrections_apply_to_dictionary_words_only(nlp):
    # tag_corrections.tsv changes jieba's tag of a common word it reads as a name; other words keep theirs
    tags = nlp.tokenizer.word_tags
    assert tags.get("高水平") == "n" and tags.get("普通") == "a"
    assert tags.get("北京") == "ns"


def test_region_names_are_added_only_where_the_dictionary_lacks_them(nlp):
    tokenizer = nlp.tokenizer
    assert "陇原" in list(tokenizer.cut("在陇原大地上"))
    # 东北 is jieba's own word: its frequency is jieba's, not the gazetteer's
    assert tokenizer.jieba.FREQ["东北"] != 2000


def test_the_list_closing_deng_is_a_word_of_its_own(nlp):
    # jieba's HMM joins the 等 that closes a list to the unknown character before it (季等): kg splits it off,
    # so that a name's head ends a word; words of the dictionary ending in 等 stay whole
    words = [t.text for t in nlp.tokenizer("举办山海艺术季等活动，坚持公平和平等。")]
    assert "季" in words and "等" in words and "季等" not in words
    assert "平等" in words
    # cut() itself stays jieba's own
    assert "季等" in list(nlp.tokenizer.cut("举办山海艺术季等活动"))
