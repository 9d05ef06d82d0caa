"""Mine candidate indicator names from the government work reports of ``../shared/corpora``.

This documents how ``ontology/indicators.ttl`` was made; the TTL is the reviewed result, not
this script's output.  Method:

1. Read the 109 reports: ``gov-reports-2026/*.txt`` (29 provinces, 2026), ``gov-reports-2025-docx/
   *.docx`` (the same provinces, 2025, read with python-docx) and ``national-gov-reports/*.txt``
   (the State Council's reports 1954-2025).
2. Find every number with a unit (``5.5%``, ``45万人``, ``1.2万亿元``, ``3个百分点`` ...) and walk back
   over the words that join a quantity to what it measures (``增长``, ``达到``, ``稳定在``, ``控制在``,
   ``左右``, ``以上``, ``涨幅``, ``比上年``, ``年均`` ...).  The run of Chinese characters before them,
   back to the last punctuation mark, is the noun phrase.
3. Trim the phrase: leading scope and verb words (``全省``, ``全年``, ``其中``, ``实现``, ``确保``,
   ``力争`` ...) and trailing ones (``同比``, ``比上年``, ``年均``, ``实际`` ...) are cut off.
4. Count, for each trimmed phrase and for each of its endings of two characters or more, in how
   many reports it occurs.  The endings find the core of longer phrases (``全区地区生产总值`` and
   ``全省地区生产总值`` both end in ``地区生产总值``).
5. Print the phrases and endings found in at least ``--min`` reports (3 by default), most
   frequent first, with their report counts and a few examples.

The list was then reviewed by hand: fragments (``稳步``, ``产能全国``) dropped, synonyms and
variants grouped under one concept (``生产总值``, ``GDP``, ``经济总量`` -> 地区生产总值), standard
statistical indicators that recur under several spellings kept.

Usage: python tools/mine_indicators.py [--corpora ../shared/corpora] [--min 3] [--endings]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"

UNITS = ("个百分点", "百分点", "万亿元", "亿元", "万元", "元", "亿美元", "万美元", "美元", "%", "％", "‰",
         "万人次", "亿人次", "人次", "万人", "人", "万户", "户", "万吨标准煤", "吨标准煤", "亿吨", "万吨", "吨",
         "亿斤", "万斤", "斤", "万亩", "亩", "万公顷", "公顷", "平方公里", "平方米", "万平方米", "公里", "千米",
         "万千瓦", "千瓦", "亿千瓦时", "千瓦时", "万辆", "辆", "万套", "套", "万家", "家", "个", "所", "座", "项",
         "倍", "岁", "微克/立方米", "天", "年", "张", "亿立方米", "立方米", "万标箱", "标箱", "件")
UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
NUMBER_RE = r"\d+(?:\.\d+)?(?:万亿|亿|万|千)?"
# The words between the noun phrase and its number.
JOIN_WORDS = ("分别", "同比", "比上年", "比去年", "年均", "平均", "增长", "下降", "降低", "提高", "提升", "增加", "减少",
              "达到", "达", "突破", "超过", "超", "稳定在", "控制在", "保持在", "为", "是", "涨幅", "以上", "以内",
              "左右", "约", "近", "逾", "接近", "累计", "首次", "实际", "名义")
JOIN_RE = "(?:" + "|".join(sorted(JOIN_WORDS, key=len, reverse=True)) + ")*"
HIT_RE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,30}?)" + r"(" + JOIN_RE + r")" + r"(" + NUMBER_RE + r")(?:" + UNIT_RE + r")")

LEAD = ("全省", "全市", "全区", "全国", "全州", "全年", "今年", "去年", "明年", "其中", "实现", "完成", "确保", "力争",
        "预计", "预期", "主要预期目标是", "主要目标是", "发展的主要预期目标是", "我省", "我市", "我区", "全体", "以上",
        "分别", "努力", "推动", "推进", "使", "争取", "保持", "促进", "带动", "新增的", "五年", "年末", "年底")
TRAIL = ("同比", "比上年", "比去年", "年均", "平均", "实际", "名义", "分别", "累计", "首次", "已", "都", "均", "总共",
         "全年", "预计", "要", "将", "可", "共", "还")
STOP = set("的了和与及在对把被从向")


def read_reports(corpora: Path) -> dict[str, str]:
    """name -> text of every report under ``corpora`` (txt and docx)."""
    out: dict[str, str] = {}
    for path in sorted((corpora / "gov-reports-2026").glob("*.txt")):
        out[f"2026/{path.stem}"] = path.read_text(encoding="utf-8")
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover
        docx = None
    for path in sorted((corpora / "gov-reports-2025-docx").glob("*.docx")):
        if docx is None:
            print("python-docx missing: the 2025 Word files are skipped", file=sys.stderr)
            break
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        for table in document.tables:
            for row in table.rows:
                text += "\n" + "\t".join(cell.text for cell in row.cells)
        out[f"2025/{path.stem}"] = text
    for path in sorted((corpora / "national-gov-reports").glob("*.txt")):
        out[f"national/{path.stem}"] = path.read_text(encoding="utf-8")
    return out


def trim(phrase: str) -> str:
    """The phrase without leading scope or verb words and trailing join words."""
    changed = True
    while changed and phrase:
        changed = False
        for word in sorted(LEAD, key=len, reverse=True):
            if phrase.startswith(word) and len(phrase) > len(word) + 1:
                phrase, changed = phrase[len(word):], True
                break
        for word in sorted(TRAIL, key=len, reverse=True):
            if phrase.endswith(word) and len(phrase) > len(word) + 1:
                phrase, changed = phrase[: -len(word)], True
                break
    # cut at the last particle: 增加农民的收入 -> 收入 is too short; keep the part after 的 only when long enough
    if "的" in phrase:
        tail = phrase.rsplit("的", 1)[1]
        if len(tail) >= 3:
            phrase = tail
    return phrase


def phrases(text: str):
    """(trimmed noun phrase, raw phrase) before every number with a unit."""
    for m in HIT_RE.finditer(text):
        raw = m.group(1)
        phrase = trim(raw)
        if len(phrase) < 2 or phrase[-1] in STOP or phrase[0] in STOP:
            continue
        yield phrase, raw


def mine(reports: dict[str, str]):
    """phrase -> set of reports; ending -> set of reports; phrase -> examples."""
    exact: dict[str, set[str]] = defaultdict(set)
    endings: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, list[str]] = defaultdict(list)
    for name, text in reports.items():
        for phrase, raw in phrases(text):
            exact[phrase].add(name)
            if len(examples[phrase]) < 3 and raw not in examples[phrase]:
                examples[phrase].append(raw)
            for i in range(len(phrase) - 1):
                endings[phrase[i:]].add(name)
    return exact, endings, examples


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--min", type=int, default=3, help="least number of reports a candidate occurs in")
    ap.add_argument("--endings", action="store_true", help="also print the endings (cores) of phrases")
    args = ap.parse_args(argv)
    reports = read_reports(args.corpora)
    by_kind = defaultdict(int)
    for name in reports:
        by_kind[name.split("/")[0]] += 1
    print(f"# {len(reports)} reports: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    exact, endings, examples = mine(reports)
    rows = sorted(((len(r), p) for p, r in exact.items() if len(r) >= args.min), key=lambda t: (-t[0], t[1]))
    print(f"# {len(rows)} phrases in >= {args.min} reports (reports, 2026/2025/national, phrase, examples)")
    for n, p in rows:
        kinds = defaultdict(int)
        for name in exact[p]:
            kinds[name.split("/")[0]] += 1
        split = f"{kinds['2026']}/{kinds['2025']}/{kinds['national']}"
        print(f"{n}\t{split}\t{p}\t{' | '.join(examples[p])}")
    if args.endings:
        seen = {p for _, p in rows}
        ends = sorted(((len(r), e) for e, r in endings.items() if len(r) >= args.min and e not in seen and len(e) >= 3),
                      key=lambda t: (-t[0], t[1]))
        print(f"# {len(ends)} endings of phrases in >= {args.min} reports that are no phrase of their own")
        for n, e in ends:
            print(f"{n}\t\t{e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
