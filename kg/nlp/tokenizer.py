"""A jieba tokenizer that owns its ``jieba.Tokenizer`` and normalizes text first.

spaCy's own ``zh`` tokenizer calls the process-wide ``jieba.cut``, and
``jieba.add_word`` would change that global state for everyone. This one owns a
``jieba.Tokenizer()`` instance, adds the gazetteer names to it, and builds the
``Doc`` from the normalized text, keeping the map back to the original in
``doc._.kg_norm``.
"""

from __future__ import annotations

import logging
import marshal
import sys


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
from spacy.tokens import Doc  # noqa: E402
from spacy.util import get_words_and_spaces, registry  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from . import extensions  # noqa: E402
from ..cache import cached, digest  # noqa: E402
from .normalize import normalize  # noqa: E402
from ..data import load_table, organization_rows  # noqa: E402

extensions.register()
jieba.setLogLevel(logging.WARNING)


class JiebaTokenizer:
    """Normalize, then segment with a private jieba instance."""

    def __init__(self, vocab: Vocab, user_words: bool = True):
        self.vocab = vocab
        self.jieba = jieba.Tokenizer()
        self._word_tags: dict[str, str] | None = None
        self._dict_key: str | None = None
        added = _gazetteer_words() if user_words else []

        def build() -> tuple[dict[str, int], int]:
            _initialize(self.jieba)
            for name in added:
                self.jieba.add_word(name, freq=2000)
            return self.jieba.FREQ, self.jieba.total

        # jieba's prefix dictionary with the gazetteer words added, kept in kg's cache keyed by the
        # dictionary's bytes and the words (start-up: initialize() and 4,500 add_word calls); the
        # state is exactly what they leave: FREQ, total, initialized
        freq, total = cached("jieba-freq", digest(self._dictionary_key(), "\n".join(added)), build)
        self.jieba.FREQ, self.jieba.total, self.jieba.initialized = freq, total, True

    def _dictionary_key(self) -> str:
        """A digest of the bytes of this jieba's dictionary file."""
        if self._dict_key is None:
            with self.jieba.get_dict_file() as f:
                self._dict_key = digest(jieba.__version__, f.read())
        return self._dict_key

    @property
    def word_tags(self) -> dict[str, str]:
        """Part-of-speech tag of each word of this jieba's dictionary (``安康`` -> ``nr``), loaded on first use."""
        if self._word_tags is None:
            self._word_tags = cached("jieba-tags", self._dictionary_key(), self._read_word_tags)
        return self._word_tags

    def _read_word_tags(self) -> dict[str, str]:
        # what jieba.posseg.POSTokenizer(self.jieba).word_tag_tab holds, read in one pass: importing
        # jieba.posseg would read the whole dictionary once more for its module-level tokenizer
        with self.jieba.get_dict_file() as f:
            text = f.read().decode("utf-8")
        return {w: tag for w, _freq, tag in (line.strip().split(" ") for line in text.split("\n") if line.strip())}

    def __call__(self, text: str) -> Doc:
        norm = normalize(text)
        words = [w for w in self.jieba.cut(norm.text, HMM=True) if w]
        words, spaces = get_words_and_spaces(words, norm.text)
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


def _gazetteer_words() -> list[str]:
    words = {r["name"] for r in load_table("places.tsv")}
    words |= {r["name"] for r in organization_rows() if len(r["name"]) > 1}
    words |= {r["name"] for r in load_table("names.tsv") if len(r["name"]) > 1}
    words |= {r["name"] for r in load_table("features.tsv") if len(r["name"]) > 2}
    return sorted(words)


@registry.tokenizers("kg.JiebaTokenizer.v1")
def create_jieba_tokenizer(user_words: bool = True):
    def make(nlp):
        return JiebaTokenizer(nlp.vocab, user_words=user_words)

    return make
