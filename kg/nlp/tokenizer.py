"""A jieba tokenizer with its own dictionary that normalizes text first.

spaCy's own ``zh`` tokenizer calls the process-wide ``jieba.cut``, and
``jieba.add_word`` would change that global state for everyone. This one segments
as a private ``jieba.Tokenizer()`` with the gazetteer names added would (through an
automaton of the same words, see :class:`JiebaTokenizer`), and builds the ``Doc``
from the normalized text, keeping the map back to the original in ``doc._.kg_norm``.
"""

from __future__ import annotations

import logging
import marshal
import math
import pickle
import sys
from collections.abc import Mapping
from typing import Iterable, Iterator


def _import_jieba():
    """``import jieba``, without the 0.3-0.5 s of ``pkg_resources`` (start-up): jieba imports it only to
    open its own dictionary, and opens the file directly when the import fails."""
    if "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()
from jieba import finalseg  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.errors import Errors  # noqa: E402
from spacy.util import registry  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from . import extensions  # noqa: E402
from ..cache import cached, digest  # noqa: E402
from .normalize import normalize  # noqa: E402
from ..data import country_names, feature_rows, load_table, organization_rows  # noqa: E402

extensions.register()
jieba.setLogLevel(logging.WARNING)


class WordTags(Mapping):
    """Word -> jieba dictionary tag, read from the segmenter's automaton (no second dictionary in memory).

    A read-only ``Mapping``: ``get``, ``in`` and ``[]`` as on a dict; words added to the dictionary
    (gazetteer names) have no tag and are not in it."""

    __slots__ = ("_words", "_size")

    def __init__(self, words, size: int):
        self._words = words
        self._size = size

    def get(self, word, default=None):
        entry = self._words.get(word, None) if isinstance(word, str) else None
        return entry[2] if entry is not None and entry[2] else default

    def log_probability(self, word: str) -> float | None:
        """The word's log-probability in the segmenter's dictionary (jieba's frequency over its total), or None."""
        entry = self._words.get(word, None) if isinstance(word, str) else None
        return entry[1] if entry is not None else None

    def __getitem__(self, word: str) -> str:
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __contains__(self, word) -> bool:
        return self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        return (word for word, entry in self._words.items() if entry[2])

    def __len__(self) -> int:
        return self._size


class JiebaTokenizer:
    """Normalize, then segment as a private jieba instance with the gazetteer words added would.

    jieba finds the words of a run of Chinese by trying, from each character, ever longer
    prefixes in a dictionary of 500,000 words and prefixes (one Python step per character and
    prefix), then picks the likeliest path. :meth:`cut` gives exactly what that jieba's
    ``cut(text, HMM=True)`` gives (a test holds it to the corpora), finding every dictionary
    word of a run in one pass of an Aho-Corasick automaton (``pyahocorasick``) whose entries
    carry each word's log-probability; the path, and jieba's HMM for runs of unknown single
    characters, are jieba's own. About 1.5 times as fast, and the automaton, kept in kg's
    cache, loads faster than jieba's dictionary.
    """

    def __init__(self, vocab: Vocab, user_words: bool = True):
        self.vocab = vocab
        self._dict_key: str | None = None
        self._jieba = None
        self._added = _gazetteer_words() if user_words else []
        self._added_if_new = _region_words() if user_words else []
        self._corrections = {r["word"]: r["tag"] for r in load_table("tag_corrections.tsv")}
        key = digest(self._dictionary_key(), "\n".join(self._added), "\n".join(self._added_if_new),
                     "\n".join(f"{w}\t{t}" for w, t in sorted(self._corrections.items())))
        # the words with their log-probabilities, as an automaton pickled into kg's cache (start-up:
        # jieba's initialize() and 4,500 add_word calls, then 350,000 automaton entries, happen once)
        total, tagged, data = cached("jieba-automaton", key, self._build_automaton)
        self._words = pickle.loads(data)
        self._word_tags = WordTags(self._words, tagged)
        self._unknown = -math.log(total)  # log-probability of a character in no word (jieba: freq 1)

    @property
    def jieba(self) -> "jieba.Tokenizer":
        """This tokenizer's own ``jieba.Tokenizer``, with the gazetteer words added (built on first use)."""
        if self._jieba is None:
            tokenizer = jieba.Tokenizer()
            _initialize(tokenizer)
            for name in self._added:
                tokenizer.add_word(name, freq=2000)
            for name in self._added_if_new:
                if not tokenizer.FREQ.get(name):  # a dictionary word keeps its own frequency
                    tokenizer.add_word(name, freq=2000)
            self._jieba = tokenizer
        return self._jieba

    def _build_automaton(self) -> tuple[int, int, bytes]:
        """(jieba's total frequency, how many words have a tag, the pickled automaton): each word of
        jieba's dictionary and each added name maps to (length, log-probability, dictionary tag or "")."""
        import ahocorasick

        tokenizer = self.jieba
        tags = self._read_word_tags()
        logtotal = math.log(tokenizer.total)
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for word, freq in tokenizer.FREQ.items():
            if freq:  # prefixes of longer words are kept by jieba with frequency 0: not words
                automaton.add_word(word, (len(word), math.log(freq) - logtotal, tags.get(word, "")))
        tagged = sum(1 for word in tags if tokenizer.FREQ.get(word))
        if tagged != len(tags):  # every dictionary word has a frequency; a dictionary that breaks this is not jieba's
            raise ValueError(f"{len(tags) - tagged} words of jieba's dictionary have no frequency")
        automaton.make_automaton()
        return tokenizer.total, tagged, pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL)

    def _dictionary_key(self) -> str:
        """A digest of the bytes of this jieba's dictionary file."""
        if self._dict_key is None:
            with jieba.Tokenizer().get_dict_file() as f:
                self._dict_key = digest(jieba.__version__, f.read())
        return self._dict_key

    @property
    def word_tags(self) -> "WordTags":
        """Part-of-speech tag of each word of jieba's dictionary (``安康`` -> ``nr``), read-only mapping."""
        return self._word_tags

    def _read_word_tags(self) -> dict[str, str]:
        # what jieba.posseg.POSTokenizer(self.jieba).word_tag_tab holds, read in one pass: importing
        # jieba.posseg would read the whole dictionary once more for its module-level tokenizer
        with jieba.Tokenizer().get_dict_file() as f:
            text = f.read().decode("utf-8")
        tags = {w: tag for w, _freq, tag in (line.strip().split(" ") for line in text.split("\n") if line.strip())}
        # common words the dictionary tags as names (tag_corrections.tsv)
        tags.update({w: t for w, t in self._corrections.items() if w in tags})
        return tags

    def cut(self, text: str) -> Iterator[str]:
        """The words of ``text``: ``self.jieba.cut(text, HMM=True)``, faster."""
        han, skip = jieba.re_han_default, jieba.re_skip_default
        for block in han.split(text):
            if not block:
                continue
            if han.match(block):
                yield from self._cut_run(block)
            else:
                for piece in skip.split(block):
                    if skip.match(piece):
                        yield piece
                    else:
                        yield from piece

    def _cut_run(self, run: str) -> Iterator[str]:
        # jieba's __cut_DAG: the words starting at each character (jieba's get_DAG), then from the
        # end the best-scoring path (jieba's calc; on a tie the longer word, as its max over tuples)
        n = len(run)
        starts: list[list] = [[] for _ in range(n)]
        for end, (length, logp, _tag) in self._words.iter(run):
            starts[end + 1 - length].append((end, logp))
        score = [0.0] * (n + 1)
        route = [0] * n
        unknown = self._unknown
        for i in range(n - 1, -1, -1):
            words = starts[i]
            if not words:
                score[i], route[i] = unknown + score[i + 1], i
                continue
            best, to = None, i
            for end, logp in words:  # ends in increasing order
                value = logp + score[end + 1]
                if best is None or value >= best:
                    best, to = value, end
            score[i], route[i] = best, to
        words_of = self._words
        i, buf = 0, ""
        while i < n:
            j = route[i] + 1
            if j - i == 1:
                buf += run[i]
            else:
                if buf:
                    yield from self._single_run(buf, words_of)
                    buf = ""
                yield run[i:j]
            i = j
        if buf:
            yield from self._single_run(buf, words_of)

    @staticmethod
    def _single_run(buf: str, words_of) -> Iterator[str]:
        """Characters the path left alone: one is a word; several that make no dictionary word
        go to jieba's HMM (which may join them into a new word), else stay single."""
        if len(buf) == 1:
            yield buf
        elif not words_of.exists(buf):
            yield from finalseg.cut(buf)
        else:
            yield from buf

    def _split_list_ends(self, words: Iterable[str]) -> Iterator[str]:
        """jieba's words, with the 等 that closes a list taken off a new word its HMM joined it to (甲乙文化艺术季等:
        季等 -> 季, 等): a name's head must end a word. Words of the dictionary that end in 等 (平等, 高等, 等等)
        stay whole."""
        for word in words:
            if len(word) >= 2 and word[-1] == "等" and word not in self._word_tags:
                yield word[:-1]
                yield "等"
            else:
                yield word

    def __call__(self, text: str) -> Doc:
        norm = normalize(text)
        words = list(self._split_list_ends(w for w in self.cut(norm.text) if w))
        words, spaces = words_and_spaces(words, norm.text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.kg_norm = norm
        return doc

    # spaCy asks tokenizers to serialize; the jieba dictionary is rebuilt from packaged data.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "JiebaTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "JiebaTokenizer":
        return self


class _WholeFileMarshal:
    """``marshal`` for jieba's cache, read in one piece: ``marshal.load`` on a file object reads
    its 500,000 strings one small read at a time (1.2 s here), ``marshal.loads`` of the bytes takes 0.35 s."""

    @staticmethod
    def load(f):
        return marshal.loads(f.read())

    dump = staticmethod(marshal.dump)
    dumps = staticmethod(marshal.dumps)
    loads = staticmethod(marshal.loads)


def _initialize(tokenizer: "jieba.Tokenizer") -> None:
    """``tokenizer.initialize()``, with jieba's cache read in one piece (start-up)."""
    saved = jieba.marshal
    jieba.marshal = _WholeFileMarshal
    try:
        tokenizer.initialize()
    finally:
        jieba.marshal = saved


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """``spacy.util.get_words_and_spaces(words, text)``: the same words and spaces, found from a
    position of ``text`` where spaCy's looks in a copy of the rest of the text for each word
    (quadratic: 3 ms for a report of 12,000 characters, 18 ms at 33,000)."""
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    text_words: list[str] = []
    text_spaces: list[bool] = []
    text_pos = 0
    n = len(text)
    for word in words:
        if word.isspace():  # whitespace is taken from the text itself
            continue
        word_start = text.find(word, text_pos)
        if word_start < 0:
            raise ValueError(Errors.E194.format(text=text, words=words))
        if word_start > text_pos:
            text_words.append(text[text_pos:word_start])
            text_spaces.append(False)
        text_words.append(word)
        text_pos = word_start + len(word)
        if text_pos < n and text[text_pos] == " ":
            text_spaces.append(True)
            text_pos += 1
        else:
            text_spaces.append(False)
    if text_pos < n:
        text_words.append(text[text_pos:])
        text_spaces.append(False)
    return text_words, text_spaces


def _gazetteer_words() -> list[str]:
    words = {r["name"] for r in load_table("places.tsv")}
    words |= {r["name"] for r in organization_rows() if len(r["name"]) > 1}
    words |= {r["name"] for r in load_table("names.tsv") if len(r["name"]) > 1}
    words |= {r["name"] for r in feature_rows() if len(r["name"]) > 2}
    # countries of three characters or more (马拉维, 莱索托); two-character ones (加纳, 海地) are left to
    # jieba's own dictionary, where they are words only where they stand alone (not in 增加纳税, 沿海地区)
    words |= {name for name in country_names() if len(name) > 2}
    # head words of facilities and zones of three characters or more (都市圈, 城镇圈, 经济开发区): jieba
    # splits some across their edge (太原都市|圈同城|化发展), and a head must end a word to count
    words |= {r["head"] for r in load_table("place_heads.tsv") if len(r["head"]) > 2}
    return sorted(words)


def _region_words() -> list[str]:
    """Named regions of two characters (features.tsv, kind domestic_region) that the dictionary lacks:
    jieba's unknown-word model joins their second character to the next one (陇|原大|地上, 赣|鄱大|地),
    so 陇原 and 赣鄱 never end a word where the text names them. Two-character names the dictionary
    knows (东北, 中原) keep its frequency; other features of two characters stay out, as those that
    are parts of common words would split them (都龙 of 成都龙泉驿)."""
    return sorted(r["name"] for r in load_table("features.tsv")
                  if len(r["name"]) == 2 and r["kind"] == "domestic_region")


@registry.tokenizers("kg.JiebaTokenizer.v1")
def create_jieba_tokenizer(user_words: bool = True):
    def make(nlp):
        return JiebaTokenizer(nlp.vocab, user_words=user_words)

    return make
