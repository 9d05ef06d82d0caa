from kg.nlp.text import Lexicon


def test_lexicon_matches_end_inside_short_text():
    lex = Lexicon({"包头": "p", "包头稀土高新技术产业开发区": "z"})
    assert list(lex.finditer("包头")) == [(0, 2, "p")]
    assert list(lex.find_all("去包头")) == [(1, 3, "p")]
    assert list(lex.finditer("包头稀土高新技术产业开发区")) == [(0, 13, "z")]
