"""QUANTITY: numbers with their unit, normalized as the annotation guidelines say.

``2万多人次`` -> value 20000, unit 人次, approx more_than, kind count;
``2565万元`` -> 25650000 元 (CNY, money); ``第1位`` -> rank; ``17%``, ``百分之十``,
``七成``, ``三分之一`` -> percent; ``3至5个``, ``三五个``, ``十几个`` -> ranges with min and max.
Qualifiers before or after the number (超过, 近, 约, 以上, 左右 …) stay out of the
span but set approx. Years and dates, ordinals (第十六届, 第二批), numbers inside
quoted slogans and titles, numbers glued to letters (4K, 5G) and numbering are not
quantities.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..numbers import CN_BIG, CN_DIGITS, CN_UNITS, parse_chinese, parse_number, to_plain
from ..text import quote_depth_map
from ...data import load_table

_AR = r"\d+(?:[,，]\d{3}(?!\d))*(?:\.\d+)?"  # 1,200 and 3，000: thousands separators
_FIN = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億"  # financial numerals
_CN = rf"[零〇一二两三四五六七八九十百千万亿{_FIN}]+(?:点[零〇一二三四五六七八九]+)?"
_NUM = re.compile(rf"(?P<ar>{_AR})|(?P<cn>{_CN})")
_FRACTION = re.compile(rf"(?P<den>{_AR}|[零一二两三四五六七八九十百千]+)分之(?P<num>{_AR}|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)")
_TENTHS = re.compile(r"(?P<a>[一二三四五六七八九十](?:点[一二三四五六七八九])?|\d+(?:\.\d+)?|半)(?P<b>[一二三四五六七八九])?成(?P<half>半)?")
# 成 starts many words: 成为, 成员, 成果 … (七成 is 70%, 一成不变 is an idiom)
_NOT_TENTHS = set("为员果立绩本熟功就长型效交规效品套片")
_RANGE_SEP = "至到—-~－–"
_MEETING_AFTER = ("会", "全会", "全委会", "会议", "代表大会", "党代会", "常委会")
_MULTIPLIERS = "万亿千百"
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾"
# A bare round number after these reads as one of it: 逾千人, 近万人, 上百家, 过万.
_ROUND_PREFIX = "逾近上过超数"
_ROUND = ("百", "千", "万", "亿", "百万", "千万")
_SHORTHAND = re.compile(r"(?<![\d.A-Za-z])(?P<n>\d+(?:\.\d+)?)(?P<k>[kKwW])(?![A-Za-z\d])")
_DOUBLING = re.compile(r"翻(?P<n>[一两二三四五])?番")
_RATIO = re.compile(r"(?<![\d.:：∶])(?P<a>\d+(?:\.\d+)?)[∶:：](?P<b>\d+(?:\.\d+)?)(?![\d.:：∶])")  # not 8.3∶41.4∶50.3
# a spoken decimal after a unit: 1米8, 一米七五, 3块5 (one or two digits, no unit after them)
_SPOKEN_TAIL_UNITS = ("米", "块")
_SPOKEN_TAIL = re.compile(r"\d(?![\d.])|[一二三四五六七八九](?:[一二三四五六七八九])?(?![十百千万亿])")
_SPOKEN_UNIT_TAIL = re.compile(r"[米块][一二三四五六七八九\d]")
_UNIT_AND_HALF = re.compile(r"[\u4e00-\u9fff]{1,2}半")  # 一吨半, 一米半
_JIAO_FEN = re.compile(r"(?P<n>\d|[零一二两三四五六七八九壹贰叁肆伍陆柒捌玖])(?P<unit>[角分])")
_PER_UNIT = re.compile(r"/|每")
# Units that are common words too: they need evidence (see QuantityRecognizer._unit_evident).
_NEEDS_EVIDENCE = {"度", "方", "口", "间", "片", "列", "架", "周", "P", "秒", "届"}
# Set phrases of a number of years, which the guidelines leave out: 近5年, 这5年, 5年来.
_SET_PHRASE_BEFORE = ("近", "这", "最近", "过去", "前", "每")
_NOT_DURATION_AFTER = ("来", "以来", "代", "度", "级", "前", "后", "底", "初", "末", "内", "间", "份", "中", "里")
# 首位, 第一 as a rank: after 居/位居/稳居/位列/排名 (and a scope), or after a scope alone (全国第一)
_RANK_WORDS = re.compile(
    r"(?:(?:居|位居|稳居|位列|排名|保持|排在|名列|跃居|升至)(?:全国|全区|全省|全市|全球|世界|西部|中部|东部|东北|同类城市)?"
    r"|(?:全国|全区|全省|全球|世界))(?P<rank>首位|第一(?![批次届期个项步线书家]))")


@dataclass
class Number:
    end: int
    value: Decimal
    approx: str | None = None
    has_mult: bool = False
    low: Decimal | None = None
    high: Decimal | None = None


def _scale(value: Decimal, mult: str) -> Decimal:
    for c in mult:
        value *= CN_BIG.get(c) or CN_UNITS[c]
    return value


class QuantityRecognizer:
    """Find quantities in the normalized text and normalize value, unit, approx and kind."""

    def __init__(self):
        self.units = {r["unit"]: r for r in load_table("units.tsv")}
        self.unit_lengths = sorted({len(u) for u in self.units}, reverse=True)
        rows = load_table("qualifiers.tsv")
        self.before = sorted(((r["word"], r["approx"]) for r in rows if r["position"] == "before"), key=lambda x: -len(x[0]))
        self.after = sorted(((r["word"], r["approx"]) for r in rows if r["position"] == "after"), key=lambda x: -len(x[0]))
        self.people = sorted((r["noun"] for r in load_table("people_nouns.tsv")), key=len, reverse=True)

    def _unit_at(self, text: str, i: int) -> str | None:
        for length in self.unit_lengths:
            u = text[i : i + length]
            if u in self.units:
                return u
        return None

    # -- numbers -----------------------------------------------------------------------

    def _read_number(self, text: str, i: int) -> Number | None:
        """Read the number starting at i (Arabic, Chinese or mixed, with 万/亿 and 多/余/几)."""
        m = _NUM.match(text, i)
        if not m:
            return None
        n = len(text)
        if m.group("ar") is not None:
            j = m.end()
            value = Decimal(m.group("ar").replace(",", "").replace("，", ""))
            approx = None
            if j + 1 < n and text[j] in "多余" and text[j + 1] in "万亿千":  # 10多万
                approx, j = "more_than", j + 1
            mult = ""
            while j < n and text[j] in _MULTIPLIERS:
                mult += text[j]
                j += 1
            value = _scale(value, mult)
            if mult and mult[-1] in "万亿":  # 100万三千: a Chinese tail below the multiplier
                tail = re.match(r"[零一二两三四五六七八九十百千]+", text[j:])
                if tail and self._unit_at(text, j + tail.end()):
                    value += parse_chinese(tail.group())
                    j += tail.end()
            num = Number(j, value, approx, bool(mult))
        else:
            raw = m.group("cn")
            if raw[0] in "零〇" and len(raw) > 1 and not raw.startswith(("零点", "〇点")):
                return None  # 找零五毛: a number does not open with 零 (the scan goes on at 五)
            if not any(c in _CN_DIGIT_CHARS for c in raw):  # 万众, 亿万, 百家: words, not numbers,
                if not (i and text[i - 1] in _ROUND_PREFIX and raw in _ROUND):  # but 逾千人, 上百家, 近万人
                    return None
                return Number(i + len(raw), _scale(Decimal(1), raw), "more_than" if text[i - 1] in "上过数" else None, True)
            num = self._read_chinese(text, i, raw)
            if num is None:
                return None
            if i and text[i - 1] == "数" and raw[0] in "十百千万亿":  # 数十万, 数百: several tens of thousands
                num.approx = "more_than"
        j = num.end
        if j < n and text[j] in "多余几":
            if text[j] == "几" and num.low is None and text[j - 1] == "十":  # 十几 -> 11..19, 二十几 -> 21..29
                num.low, num.high = num.value + 1, num.value + 9
            num.approx, j = "more_than", j + 1
            if j + 1 < n and text[j] in "万亿" and not num.has_mult:  # 九百六十多万
                num.value = _scale(num.value, text[j])
                if num.low is not None:
                    num.low, num.high = _scale(num.low, text[j]), _scale(num.high, text[j])
                num.has_mult, j = True, j + 1
        num.end = j
        return num

    def _read_chinese(self, text: str, i: int, raw: str) -> Number | None:
        # Two neighbouring digits read as a range: 三五个, 三四十, 七八百.
        if len(raw) >= 2 and raw[0] in CN_DIGITS and raw[1] in CN_DIGITS and raw[0] not in "零〇" and raw[1] not in "零〇":
            a, b = CN_DIGITS[raw[0]], CN_DIGITS[raw[1]]
            rest = raw[2:]
            if 0 < a < b and (not rest or (len(rest) == 1 and rest in "十百千万")):
                scale = Decimal(CN_UNITS.get(rest) or CN_BIG.get(rest) or 1) if rest else Decimal(1)
                low, high = Decimal(a) * scale, Decimal(b) * scale
                return Number(i + len(raw), low, "about", bool(rest and rest in "万亿"), low, high)
        try:
            value = parse_number(raw)
        except (ValueError, KeyError):
            return None
        return Number(i + len(raw), value, None, any(c in CN_BIG for c in raw))

    # -- the scan ----------------------------------------------------------------------

    def __call__(self, text: str, words: list[tuple[int, int]] | None = None) -> list[Candidate]:
        """Quantities of ``text``; with ``words`` (jieba token spans), a number written in Chinese
        inside a longer dictionary word (三座大山, 五项原则) is part of a set phrase, not an amount."""
        blocked = quote_depth_map(text)
        titles = quote_depth_map(text, "《", "》")
        for k, v in enumerate(titles):
            if v:
                blocked[k] = 1
        found = list(self._percent_forms(text, blocked))
        found.extend(self._ranks(text, blocked))
        found.extend(self._spoken_and_ratios(text, blocked))
        taken = bytearray(len(text))
        for c in found:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        i, n = 0, len(text)
        while i < n:
            m = _NUM.search(text, i)
            if not m:
                break
            start = m.start()
            i = m.end()
            if taken[start]:
                continue
            cand, i = self._quantity_at(text, start, blocked)
            if cand is not None and not (words and self._inside_word(text, cand, words)):
                found.append(cand)
        return found

    @staticmethod
    def _inside_word(text: str, cand: Candidate, words: list[tuple[int, int]]) -> bool:
        if text[cand.start].isdigit():
            return False
        k = bisect_right(words, (cand.start, len(text) + 1)) - 1
        while k >= 0 and words[k][1] > cand.start:
            if words[k][0] <= cand.start and words[k][1] > cand.end:
                return True
            k -= 1
        # a word running on past the amount (三座大山) makes a set phrase; 元整 (an exact sum) does not
        return any(s < cand.end < e and text[cand.end] != "整" for s, e in words[k + 1 : k + 8])

    def _quantity_at(self, text: str, start: int, blocked: bytearray) -> tuple[Candidate | None, int]:
        n = len(text)
        prev = text[start - 1] if start else ""
        if prev.isdigit() or prev == "." or ("a" <= prev.lower() <= "z") or blocked[start]:
            return None, start + 1
        num = self._read_number(text, start)
        if num is None:
            return None, start + 1
        j = num.end
        is_cn = not text[start].isdigit()
        if is_cn and text[start:j] in ("一",) and not _UNIT_AND_HALF.match(text, j) \
                and not _SPOKEN_UNIT_TAIL.match(text, j):  # 一个, 一批: an article (but 一吨半, 一米七五)
            return None, j
        if j < n and ("a" <= text[j].lower() <= "z") and self._unit_at(text, j) is None:  # 4K, 5G (but 3 km, 22万P)
            return None, j
        # Ranges: 3至5个, 3—5个, 30%至40%
        if j + 1 < n and text[j] in _RANGE_SEP and num.low is None:
            second = self._read_number(text, j + 1)
            if second is not None and self._unit_at(text, second.end):
                if second.has_mult and not num.has_mult:  # 3至5亿元: the multiplier serves both ends
                    head = _NUM.match(text, j + 1)
                    head_value = Decimal(head.group("ar").replace(",", "")) if head and head.group("ar") else None
                    if head_value:
                        num.value *= second.value / head_value
                        num.has_mult = True
                num.low, num.high, j = num.value, second.value, second.end
        unit = None
        if num.has_mult:
            # 1.7亿千瓦: the last multiplier character begins the unit (千瓦, 千米, 千克, 千伏)
            unit, j = self._unit_in_multipliers(text, start, j, num)
        unit = unit or self._unit_at(text, j)
        if unit is not None and unit in _NEEDS_EVIDENCE and not self._unit_evident(text, start, j, unit, num):
            unit = None
        if unit is None and j < n and text[j] == "年" and self._is_duration(text, start, j, num):
            unit = "年"  # 连续21年, 打破9年: a duration (guidelines), not a year
        if unit is None:
            if not (num.has_mult or num.approx) or (j < n and text[j] in "年月日号岁天"):
                return None, j
            unit = "人" if self._counts_people(text, j) else "个"
            end = j
        else:
            end = j + len(unit)
            # a range with the unit on both ends: 30%至40%
            if end + 1 < n and text[end] in _RANGE_SEP and num.low is None:
                second = self._read_number(text, end + 1)
                if second is not None and text.startswith(unit, second.end):
                    num.low, num.high, end = num.value, second.value, second.end + len(unit)
        if unit == "分" and is_cn:  # 十分 is "very", not ten points
            return None, j
        if end < n and text[end] == "半" and num.low is None and unit not in ("%", "个百分点"):
            num.value += Decimal("0.5")  # 一吨半, 两米半
            end += 1
        if unit in _SPOKEN_TAIL_UNITS and end < n:  # 1米8 is 1.8 米, 一米七五 1.75 米, 3块5 3.5 元
            tail = _SPOKEN_TAIL.match(text, end)
            if tail and not self._unit_at(text, tail.end()):
                digits = "".join(str(CN_DIGITS.get(c, c)) for c in tail.group())
                num.value += Decimal("0." + digits)
                end = tail.end()
        if unit in ("块", "毛"):
            if unit == "块" and not (text.startswith("钱", end) or end > j + 1):
                unit = "个"  # 一块土地: a piece, not a yuan
            else:
                if unit == "毛":
                    num.value /= 10
                end += 1 if text.startswith("钱", end) else 0
                unit = "元"
        if unit in ("元", "圆"):
            end = self._jiao_fen(text, end, num)  # 50元6角3分 is 50.63 元
            unit = "元"
        per = _PER_UNIT.match(text, end)
        if per and self._unit_at(text, per.end()) and unit in self.units:
            other = self._unit_at(text, per.end())
            compound = f"{unit}/{other}"
            kind = self.units[unit]["kind"] if self.units[unit]["kind"] != "area" else "other"
            # 300元/吨, 120人/平方公里
            return self._candidate(text, start, per.end() + len(other), num, compound, kind), per.end() + len(other)
        if j < n and text[j] == "年" and not num.has_mult and unit != "年":
            return None, j
        span_start = start
        kind = self.units[unit]["kind"] if unit in self.units else ("other" if unit == "年" else "count")
        if prev == "第":
            if unit not in ("位", "名"):
                return None, end  # an ordinal: 第二批, 第十六届
            kind, span_start = "rank", start - 1
        elif prev == "前" and unit == "位":  # 前8位: among the first eight
            kind, span_start = "rank", start - 1
            num.approx = "at_most"
        if unit in ("次", "届") and (text.startswith(_MEETING_AFTER, end) or prev == "届"):
            return None, end  # numbering of a meeting: 八届三次全委会
        return self._candidate(text, span_start, end, num, unit, kind), end

    def _jiao_fen(self, text: str, end: int, num: Number) -> int:
        """角 and 分 after 元 add tenths and hundredths: 50元6角3分."""
        for word, scale in (("角", Decimal("0.1")), ("分", Decimal("0.01"))):
            m = _JIAO_FEN.match(text, end)
            if m and m.group("unit") == word:
                num.value += parse_number(m.group("n")) * scale
                end = m.end()
        return end

    def _unit_in_multipliers(self, text: str, start: int, j: int, num: Number) -> tuple[str | None, int]:
        """Back off multiplier characters that begin a unit: 1.7亿千瓦 is 1.7亿 千瓦, not 1.7亿千 瓦."""
        k = j
        while k > start and text[k - 1] in _MULTIPLIERS:
            k -= 1
        for cut in range(j - 1, k - 1, -1):
            unit = self._unit_at(text, cut)
            if unit is not None and len(unit) > j - cut and (cut > k or text[k - 1:k].isdigit()):
                factor = _scale(Decimal(1), text[cut:j])
                num.value /= factor
                if num.low is not None:
                    num.low, num.high = num.low / factor, num.high / factor
                num.has_mult = cut > k
                return unit, cut
        return None, j

    def _unit_evident(self, text: str, start: int, j: int, unit: str, num: Number) -> bool:
        """Units that are also common words after a numeral: 度 (degrees, extent) counts as kilowatt-hours
        only with 万/亿 (3000亿度); 方, 口, 周 and the like only after Arabic digits, 周 never before 年."""
        if unit == "度":
            return num.has_mult
        if unit == "周" and text.startswith("周年", j):
            return False
        return text[start].isdigit()

    def _is_duration(self, text: str, start: int, j: int, num: Number) -> bool:
        """A number and 年 that measure a duration: Arabic, short, not a set phrase (近5年, 这五年, 5年来)
        nor a part of a year's name (5年级, 3年度)."""
        if num.has_mult or num.low is not None or not text[start].isdigit() or j - start > 3:
            return "连续" in text[max(0, start - 3):start] and not num.has_mult
        if text[max(0, start - 2):start].endswith(_SET_PHRASE_BEFORE):
            return False
        return not text.startswith(_NOT_DURATION_AFTER, j + 1)

    def _spoken_and_ratios(self, text: str, blocked: bytearray):
        """Spoken shorthand (1.5k, 3w, 10K: thousands and ten-thousands; a single digit with K is a
        resolution, 4K), doubling (翻一番 is 2 倍, 翻两番 4 倍) and ratios (1.68∶1, unit 比)."""
        for m in _SHORTHAND.finditer(text):
            if blocked[m.start()] or (len(m.group("n")) == 1 and m.group("k") in "kK"):
                continue
            value = Decimal(m.group("n")) * (1000 if m.group("k") in "kK" else 10000)
            yield self._candidate(text, m.start(), m.end(), Number(m.end(), value), "个", "count")
        for m in _DOUBLING.finditer(text):
            times = parse_number(m.group("n")) if m.group("n") else Decimal(1)
            yield self._candidate(text, m.start(), m.end(), Number(m.end(), Decimal(2) ** int(times)), "倍", "other")
        for m in _RATIO.finditer(text):
            a, b = Decimal(m.group("a")), Decimal(m.group("b"))
            if b == 0 or blocked[m.start()]:
                continue
            if "∶" not in m.group() and "比" not in text[max(0, m.start() - 6):m.start()]:
                continue  # 10:30 is a time of day; a colon is a ratio only after 比 (比例, 之比)
            yield self._candidate(text, m.start(), m.end(), Number(m.end(), (a / b).normalize()), "比", "other")

    def _ranks(self, text: str, blocked: bytearray):
        """首位 and 第一 after a verb of standing (居全国首位, 全国第一): rank 1, unit 位."""
        for m in _RANK_WORDS.finditer(text):
            if blocked[m.start("rank")]:
                continue
            yield self._candidate(text, m.start("rank"), m.end("rank"), Number(m.end(), Decimal(1)), "位", "rank")

    def _candidate(self, text: str, start: int, end: int, num: Number, unit: str, kind: str) -> Candidate:
        approx = self._approx_before(text, start) or num.approx or self._approx_after(text, end) or "exact"
        attrs = {"value": to_plain(num.value), "unit": unit, "approx": approx, "kind": kind}
        base = self.units.get(unit.split("/", 1)[0])  # 元/吨 is money in the currency of 元
        currency = base["currency"] if base else ""
        if currency:
            attrs["currency"] = currency
        if num.low is not None:
            attrs["min"], attrs["max"] = to_plain(num.low), to_plain(num.high)
        return Candidate(start, end, "QUANTITY", "quantity", tuple(sorted(attrs.items())))

    def _percent_forms(self, text: str, blocked: bytearray):
        """百分之十点二, 三分之一 and 七成: proportions written in words, as percentages."""
        for m in _FRACTION.finditer(text):
            if blocked[m.start()]:
                continue
            try:
                den, num = parse_number(m.group("den")), parse_number(m.group("num"))
            except (ValueError, KeyError):
                continue
            if den == 0:
                continue
            value = (num * 100 / den).quantize(Decimal("0.0001")).normalize() if den != 100 else num
            ranged = self._read_chinese(m.group("num"), 0, m.group("num")) if den == 100 else None
            if ranged is not None and ranged.low is not None:  # 百分之二三十: 20 to 30 percent
                number = Number(m.end(), ranged.low, "about", low=ranged.low, high=ranged.high)
            else:
                number = Number(m.end(), value)
            yield self._candidate(text, m.start(), m.end(), number, "%", "percent")
        for m in _TENTHS.finditer(text):
            nxt = text[m.end() : m.end() + 1]
            if blocked[m.start()] or nxt in _NOT_TENTHS or (m.start() and text[m.start() - 1] in "百千万亿第"):
                continue
            if m.group("a") == "一" and not m.group("b") and nxt == "不":  # 一成不变
                continue
            a = Decimal("0.5") if m.group("a") == "半" else parse_number(m.group("a"))
            half = Decimal("0.5") if m.group("half") else Decimal(0)
            if m.group("b"):
                b = parse_number(m.group("b"))
                if b <= a:
                    continue
                number = Number(m.end(), a * 10, "about", low=a * 10, high=b * 10)
            else:
                number = Number(m.end(), (a + half) * 10)  # 三成半 is 35%, 八点五成 85%, 半成 5%
            yield self._candidate(text, m.start(), m.end(), number, "%", "percent")

    def _counts_people(self, text: str, j: int) -> bool:
        """The noun phrase after a bare number names people: 10多万农牧民, 六千多万贫困人口."""
        m = re.match(r"[\u4e00-\u9fff]{1,8}", text[j:])
        if not m:
            return False
        phrase = m.group()
        phrase = phrase.split("的")[0] or phrase
        return any(phrase.startswith(p) or phrase.endswith(p) for p in self.people) or any(
            phrase[:k].endswith(p) for k in range(2, len(phrase)) for p in self.people if len(p) >= 2
        )

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
        # token spans read as arrays: iterating over the Doc makes a Token object per token
        idx = doc.to_array("IDX").astype("int64")
        words = list(zip(idx.tolist(), (idx + doc.to_array("LENGTH").astype("int64")).tolist()))
        candidates.add(doc, recognizer(doc._.kg_norm.text, words))
        return doc

    return component
