"""Township-level divisions (镇, 乡, 街道, 苏木 …) from the packaged gazetteer ``townships.tsv``.

Township names repeat across the country (城关镇 88 times, 太平镇 50, 东城街道 39), so a
name alone rarely identifies one.  :meth:`Townships.resolve` ties a name to a code only with
the help of context (a county, prefecture or province named just before it, or the report's
own region), and :meth:`Townships.finditer` finds names in text only with their full suffix.

Pure Python: no spaCy is used here (though ``import kg`` itself loads it).

>>> t = townships()
>>> t.resolve("东华门街道", ["110101"])    # 北京市东城区
'110101001'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property, lru_cache
from typing import NamedTuple

from .data import derived, load_table
from .nlp.text import Lexicon, WordSet
from .places import divisions

# Township suffixes, longest first; 地区 is Beijing's and Tianjin's 地区办事处.
SUFFIXES = ("街道", "苏木", "地区", "镇", "乡")
_LAST_CHAR = re.compile("[" + "".join(sorted({s[-1] for s in SUFFIXES})) + "]")
_LEVEL_RANK = {"county": 0, "prefecture": 1, "province": 2}

# China's 55 recognized minority peoples, for the short names of ethnic townships
# (九门回族乡 -> 九门乡, 得力其尔鄂温克民族乡 -> 得力其尔乡).
_PEOPLES = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
_PEOPLE = "|".join(sorted(_PEOPLES, key=len, reverse=True))
_ETHNIC = (
    re.compile(rf"^(.+?)(?:(?:{_PEOPLE})族)+(乡|镇|苏木)$"),          # 九门回族乡, 庙子沟蒙古族满族乡
    re.compile(rf"^(.+?)(?:(?:{_PEOPLE})族?)+民族(乡|镇|苏木)$"),      # 得力其尔鄂温克民族乡
)


def short_name(name: str) -> str | None:
    """The name of an ethnic township without its peoples: 九门回族乡 -> 九门乡; else None."""
    for pattern in _ETHNIC:
        m = pattern.match(name)
        if m:
            return m.group(1) + m.group(2)
    return None


def suffix_of(name: str) -> str | None:
    """The township suffix ``name`` ends with (街道, 苏木, 地区, 镇 or 乡), or None."""
    return next((s for s in SUFFIXES if name.endswith(s)), None)


def is_weak(name: str) -> bool:
    """True for names found in text only right after their own county or city.

    A one-character stem (乌镇, 新镇, 口镇) is too often part of ordinary words
    (港口镇, 重镇), and Beijing's 地区 names (东风地区, 怀柔地区) read as "the area of".
    """
    suffix = suffix_of(name)
    return suffix is None or suffix == "地区" or len(name) - len(suffix) < 2


class Township(NamedTuple):
    code: str    # 9-digit statistical code
    name: str    # official name with its suffix: 东华门街道, 九门回族乡
    county: str  # code of the smallest division of places.tsv containing it (usually its county)


class Townships:
    """Look-ups over the township table.

    ``rows`` (dicts with ``code``, ``name``, ``county``) replace the packaged table, for tests.
    Attributes: ``by_code`` code -> (name, county); ``by_name`` official name -> [(code, county)];
    ``by_short`` short name of an ethnic township -> [(code, county)].
    """

    def __init__(self, rows: Iterable[Mapping[str, str]] | None = None):
        if rows is None:  # the packaged table's index, kept in kg's cache (start-up)
            self.by_code, self.by_name, self.by_short = derived(
                "townships-index", ("townships.tsv",), lambda: self._index(load_table("townships.tsv")))
        else:
            self.by_code, self.by_name, self.by_short = self._index(rows)
        self._chains: dict[str, dict[str, str]] = {}

    @staticmethod
    def _index(rows: Iterable[Mapping[str, str]]) -> tuple[dict, dict, dict]:
        by_code: dict[str, tuple[str, str]] = {}
        by_name: dict[str, list[tuple[str, str]]] = {}
        by_short: dict[str, list[tuple[str, str]]] = {}
        for row in rows:
            code, name, county = row["code"], row["name"], row["county"]
            by_code[code] = (name, county)
            codes = by_name.get(name)
            if codes is None:
                by_name[name] = [(code, county)]
            else:
                codes.append((code, county))
            if "族" in name:
                short = short_name(name)
                if short and short != name:
                    by_short.setdefault(short, []).append((code, county))
        return by_code, by_name, by_short

    def get(self, code: str) -> Township | None:
        """The township with statistical code ``code``."""
        row = self.by_code.get(code)
        return Township(code, *row) if row else None

    def __len__(self) -> int:
        return len(self.by_code)

    def __contains__(self, name: str) -> bool:
        return name in self.by_name or name in self.by_short

    def lookup(self, name: str) -> list[tuple[str, str]]:
        """(code, county) of every township called ``name``: official names first, then
        ethnic townships whose short name it is (九门乡 for 九门回族乡)."""
        out = list(self.by_name.get(name, ()))
        seen = {code for code, _ in out}
        out += [c for c in self.by_short.get(name, ()) if c[0] not in seen]
        return out

    def _chain(self, county: str) -> dict[str, str]:
        """code -> level of the division ``county`` and of every division containing it."""
        chain = self._chains.get(county)
        if chain is None:
            chain = self._chains[county] = {d.code: d.level for d in divisions().chain(county)}
        return chain

    def resolve(self, name: str, context_codes: Iterable[str]) -> str | None:
        """The code of the township called ``name``, given division codes from the context.

        ``context_codes``: codes of places.tsv named just before the township or known from
        the report (its region); unknown codes are ignored, 12-digit codes padded with zeros
        are read as 6-digit ones.  The most specific context decides: first a township whose
        county is a context county, then one inside a context prefecture, then inside a
        context province.  At the first level that matches anything, exactly one candidate
        must match (else None: ambiguous, unless exactly one of them bears ``name`` as its
        official name).  With no match at any level, a name borne by one township in the
        whole country resolves only if no context was given (a known context that does not
        contain it conflicts).
        """
        candidates = self.lookup(name)
        if not candidates:
            return None
        by_code = divisions().by_code
        context = {}
        for code in context_codes or ():
            code = str(code).strip()
            if len(code) > 6 and not code[6:].strip("0"):
                code = code[:6]
            if code in by_code:
                context[code] = by_code[code].level
        for rank in range(3):
            wanted = {c for c, level in context.items() if _LEVEL_RANK[level] == rank}
            if not wanted:
                continue
            hits = [code for code, county in candidates if wanted & self._chain(county).keys()]
            if len(hits) == 1:
                return hits[0]
            if hits:
                official = [code for code in hits if self.by_code[code][0] == name]
                return official[0] if len(official) == 1 else None
        if len(candidates) == 1 and not context:
            return candidates[0][0]
        return None

    @cached_property
    def lexicon(self) -> Lexicon:
        """Every official and short name, for :meth:`finditer`."""
        entries: dict[str, str] = {name: name for name in self.by_name}
        entries.update((name, name) for name in self.by_short)
        return Lexicon(entries)

    @cached_property
    def _division_words(self) -> WordSet:
        return WordSet(name for name in divisions().by_name if len(name) >= 2)

    @cached_property
    def _official_divisions(self) -> tuple[WordSet, re.Pattern]:
        """Official division names (2 characters or more) and a pattern of their last characters."""
        names = WordSet(d.name for d in divisions().by_code.values() if len(d.name) >= 2)
        return names, re.compile("[" + re.escape("".join(sorted({w[-1] for w in names.words}))) + "]")

    def _division_interior(self, text: str) -> bytearray:
        """1 at every offset strictly inside an official division name in ``text`` (between two of its characters)."""
        names, last = self._official_divisions
        interior = bytearray(len(text) + 1)
        for m in last.finditer(text):
            e = m.end()
            for n in names.lengths:
                if n <= e and text[e - n:e] in names:
                    interior[e - n + 1:e] = b"\x01" * (n - 1)
        return interior

    def _after_own_division(self, text: str, start: int, name: str) -> bool:
        """True if ``text`` names, right before ``start``, a division containing a township called ``name``."""
        before = self._division_words.ending_at(text, start)
        if not before:
            return False
        codes = set(divisions().by_name.get(before, ()))
        return any(codes & self._chain(county).keys() for _, county in self.lookup(name))

    def _matches(self, text: str) -> list[tuple[int, int, str]]:
        """Every (start, end, name) in ``text``, overlaps allowed, by start then longest first.

        Same as ``self.lexicon.find_all`` but probes only where a name can end (镇, 乡, 街道 …)
        instead of at every character (5 times faster on a dense text).
        """
        entries, lengths = self.lexicon.entries, self.lexicon.lengths
        found = []
        for m in _LAST_CHAR.finditer(text):
            e = m.end()
            for n in lengths:
                if n <= e:
                    name = entries.get(text[e - n:e])
                    if name is not None:
                        found.append((e - n, e, name))
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        return found

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, name) of township names in ``text``, longest first, left to right, no overlaps.

        Only names with their full suffix are in the table, so bare stems (城关) are never found.
        Rules:

        - a name must not cross the edge of a division's official name (湘乡市 is a county,
          so 南湘乡 is not read in 湖南湘乡市);
        - weak names (:func:`is_weak`: a one-character stem such as 乌镇, or Beijing's X地区)
          count only right after a division that contains a township of that name
          (佳县乌镇, 朝阳区东风地区), never alone;
        - common names (城关镇, 新华街道) are yielded wherever they occur; tie them to a code
          with :meth:`resolve` and the context.
        """
        interior = None
        last = 0
        for s, e, name in self._matches(text):
            if s < last:
                continue
            if interior is None:
                interior = self._division_interior(text)
            if interior[s] or interior[e]:          # starts or ends inside a division's name
                continue
            if is_weak(name) and not self._after_own_division(text, s, name):
                continue
            yield s, e, name
            last = e


@lru_cache(maxsize=1)
def townships() -> Townships:
    """The packaged townships, loaded once."""
    return Townships()
