"""QUANTITY: numbers with their unit, normalized as the annotation guidelines say.

``2万多人次`` -> value 20000, unit 人次, approx more_than, kind count;
``2565万元`` -> 25650000 元 (CNY, money); ``第1位`` -> rank; ``17%`` -> percent.
Qualifiers before the number (超过, 近, 约 …) stay out of the span but set approx.
Years, ordinals (第十六届), numbers inside quoted slogans or names, and numbering
are not quantities.
"""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..numbers import CN_BIG, CN_UNITS, parse_number, to_plain
from ..text import is_cjk, quote_depth_map
from ...data import load_table

_NUM = re.compile(
    r"(?P<ar>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"|(?P<cn>[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)"
)
_RANGE_SEP = "至到—-~－–"
_MEETING_AFTER = ("会", "全会", "全委会", "会议", "代表大会", "党代会", "常委会")
_MULTIPLIERS = "万亿千百"


class QuantityRecognizer:
    """Find quantities in the normalized text and normalize value, unit, approx and kind."""

    def __init__(self):
        self.units = {r["unit"]: r for r in load_table("units.tsv")}
        self.unit_lengths = sorted({len(u) for u in self.units}, reverse=True)
        self.before = sorted(
            ((r["word"], r["approx"]) for r in load_table("qualifiers.tsv") if r["position"] == "before"),
            key=lambda x: -len(x[0]),
        )
        self.after = sorted(
            ((r["word"], r["approx"]) for r in load_table("qualifiers.tsv") if r["position"] == "after"),
            key=lambda x: -len(x[0]),
        )
        self.people = sorted((r["noun"] for r in load_table("people_nouns.tsv")), key=len, reverse=True)

    def _unit_at(self, text: str, i: int) -> str | None:
        for length in self.unit_lengths:
            u = text[i : i + length]
            if u in self.units:
                return u
        return None

    def _read_number(self, text: str, i: int):
        """Read a number at i; return (end, Decimal value, mid_approx, has_multiplier) or None."""
        m = _NUM.match(text, i)
        if not m:
            return None
        approx = None
        has_mult = False
        if m.group("ar") is not None:
            j = m.end()
            raw = m.group("ar")
            if j < len(text) and text[j] in "多余" and j + 1 < len(text) and text[j + 1] in "万亿千":
                approx, j = "more_than", j + 1  # 10多万
            mult = ""
            while j < len(text) and text[j] in _MULTIPLIERS:
                mult += text[j]
                j += 1
            value = Decimal(raw.replace(",", ""))
            for c in mult:
                value *= CN_BIG.get(c) or CN_UNITS[c]
            has_mult = bool(mult)
        else:
            raw = m.group("cn")
            j = m.end()
            if not any(c in "零〇一二两三四五六七八九十" for c in raw):  # 万众, 亿万, 百家: words, not numbers
                return None
            try:
                value = parse_number(raw)
            except (ValueError, KeyError):
                return None
            has_mult = any(c in CN_BIG for c in raw)
            if j + 1 < len(text) and text[j] in "多余" and text[j + 1] in "万亿":  # 九百六十多万
                approx, value, has_mult = "more_than", value * CN_BIG[text[j + 1]], True
                j += 2
        if j < len(text) and text[j] in "多余几":
            approx, j = "more_than", j + 1
        return j, value, approx, has_mult

    def __call__(self, text: str) -> list[Candidate]:
        in_quotes = quote_depth_map(text)
        in_titles = quote_depth_map(text, "《", "》")
        found: list[Candidate] = []
        i, n = 0, len(text)
        while i < n:
            m = _NUM.search(text, i)
            if not m:
                break
            start = m.start()
            i = m.end()
            prev = text[start - 1] if start else ""
            if prev.isdigit() or prev == "." or ("a" <= prev.lower() <= "z"):
                continue
            if in_quotes[start] or in_titles[start]:
                continue
            if text.startswith("百分之", start):  # the number follows 之
                continue
            percent_prefix = start >= 3 and text[start - 3 : start] == "百分之"
            read = self._read_number(text, start)
            if read is None:
                continue
            j, value, approx, has_mult = read
            is_cn = m.group("cn") is not None
            if is_cn and m.group("cn") in ("一",) and not has_mult:
                i = j
                continue
            if j < n and ("a" <= text[j].lower() <= "z"):  # 4K, 5G
                i = j
                continue
            low = high = None
            # Ranges: 3至5个, 3—5个
            if j + 1 < n and text[j] in _RANGE_SEP:
                r2 = self._read_number(text, j + 1)
                if r2 is not None and self._unit_at(text, r2[0]):
                    low, high = value, r2[1]
                    j = r2[0]
            unit = None
            if percent_prefix:
                unit = "%"
                span_start = start - 3
            else:
                span_start = start
                unit = self._unit_at(text, j)
            if unit == "分" and is_cn:  # 十分 is "very", not ten points
                i = j
                continue
            end = j + (0 if percent_prefix or unit is None else len(unit))
            if unit is None:
                if not (has_mult or approx):
                    i = j
                    continue
                unit = "人" if any(text.startswith(p, j) for p in self.people) else "个"
                # A bare number before 年/月/日 is a date or duration, never a count.
                if j < n and text[j] in "年月日号岁":
                    i = j
                    continue
            ordinal = prev == "第"
            kind = self.units[unit]["kind"] if unit in self.units else "count"
            if ordinal:
                if unit not in ("位", "名"):
                    i = end
                    continue
                kind = "rank"
                span_start -= 1
            if unit in ("次", "届") and (text.startswith(_MEETING_AFTER, end) or prev == "届"):
                i = end
                continue
            if j < n and text[j] in "年" and not has_mult:
                i = j
                continue
            approx = approx or self._approx_before(text, span_start) or self._approx_after(text, end) or "exact"
            currency = self.units[unit]["currency"] if unit in self.units else ""
            attrs = {"value": to_plain(value), "unit": unit, "approx": approx, "kind": kind}
            if currency:
                attrs["currency"] = currency
            if low is not None:
                attrs["min"], attrs["max"] = to_plain(low), to_plain(high)
            found.append(Candidate(span_start, end, "QUANTITY", "quantity", tuple(sorted(attrs.items()))))
            i = end
        return found

    def _approx_before(self, text: str, start: int) -> str | None:
        window = text[max(0, start - 4) : start]
        for word, approx in self.before:
            if window.endswith(word) or window.endswith(word + "达"):
                return approx
        return None

    def _approx_after(self, text: str, end: int) -> str | None:
        for word, approx in self.after:
            if text.startswith(word, end):
                return approx
        return None


@Language.factory("kg_quantities", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_quantities(nlp: Language, name: str):
    """Recognize and normalize QUANTITY candidates."""
    recognizer = QuantityRecognizer()

    def component(doc: Doc) -> Doc:
        candidates.add(doc, recognizer(doc._.kg_norm.text))
        return doc

    return component
