"""Parse the numbers of Chinese text: Arabic, Chinese numerals and mixed forms.

``parse_number("2.5万")`` -> Decimal("25000"); ``parse_number("一千二百")`` -> 1200;
``parse_number("两万")`` -> 20000. Values are ``Decimal`` so money stays exact.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             # financial numerals (大写), used on cheques and in contracts
             "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9}
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG) + "点"


def _parse_cn_section(s: str) -> int:
    """A section below 万: 一千二百三十四, 十五, 二十, 三百零五."""
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        else:
            raise ValueError(ch)
    if digit is not None:
        total += digit
    return total


def parse_chinese(s: str) -> Decimal:
    """Chinese numerals with 万/亿 and an optional 点 for decimals (十点二 -> 10.2)."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        digits = "".join(str(CN_DIGITS[c]) for c in frac)
        return parse_chinese(whole or "零") + Decimal("0." + digits)
    if s and all(c in CN_DIGITS for c in s) and len(s) > 1:  # 二〇二一 read digit by digit
        return Decimal("".join(str(CN_DIGITS[c]) for c in s))
    total = Decimal(0)
    section = ""
    for ch in s:
        if ch in CN_BIG:
            total = (total + _parse_cn_section(section)) * CN_BIG[ch] if ch == "亿" else total + _parse_cn_section(section) * CN_BIG[ch]
            section = ""
        else:
            section += ch
    return total + _parse_cn_section(section)


def parse_number(s: str) -> Decimal:
    """Parse Arabic (with separators), Chinese or mixed (1.5万, 3千, 100万三千) numbers."""
    s = s.replace(",", "").replace("，", "").strip()
    if not s:
        raise ValueError("empty number")
    # Arabic head followed by multipliers and maybe a Chinese tail: 1.5万, 100万三千.
    i = 0
    while i < len(s) and (s[i].isdigit() or s[i] == "."):
        i += 1
    if i == 0:
        return parse_chinese(s)
    try:
        value = Decimal(s[:i])
    except InvalidOperation:
        raise ValueError(s) from None
    rest = s[i:]
    while rest and (rest[0] in CN_BIG or rest[0] in CN_UNITS):
        value *= CN_BIG.get(rest[0]) or CN_UNITS[rest[0]]
        rest = rest[1:]
    if rest:
        value += parse_chinese(rest)
    return value


def to_plain(value: Decimal) -> int | float:
    """A JSON-friendly number: int when whole, float otherwise."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
