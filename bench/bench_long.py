"""Benchmark: one very long report, analysed in pieces (kg.nlp.chunks), built into a graph, Turtle and the store.

    python bench/bench_long.py [--chars 3000000] [--no-punctuation] [--out DIR]

Generates a report of ``--chars`` characters from sentences written for this benchmark (a
title, numbered sections, paragraphs of work-report sentences with varied names, places and
numbers; with ``--no-punctuation``, one line of Chinese characters with no punctuation at
all), then builds it as ``kg build`` does (``kg.corpus.build_corpus``, in this process: analyse,
the graph and exports written window by window, the store) and prints the time and peak RSS
after each step. The target: a 3,000,000-character report builds with peak RSS under 2 GB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "{year}年，{prov}科协举办{topic}培训班{n}期，培训科技工作者{m}人次，投入资金{k}万元。",
    "{city}科协组织开展“科创中国”试点城市建设，支持{n}个项目，带动企业投资{k}亿元。",
    "{city}科协在{county}召开第{n}届{topic}论坛，邀请院士专家{m}名，签约合作项目{n}项。",
    "全年开展科普大篷车进基层活动{n}场，受众{m}万多人，科普中国信息员达到{k}名。",
    "{prov}科协党组书记{person}出席会议并讲话，强调要深入实施《全民科学素质行动规划纲要》。",
    "推荐{n}人入选“最美科技工作者”，{m}家单位获评全国科普教育基地，占比{p}%。",
)
# sentences with few names and no numbers: real reports hold about one triple per two characters
FILLERS = (
    "各级科协组织坚持问题导向，不断完善工作机制，切实提高服务质量和水平。",
    "广大科技工作者积极投身创新实践，为经济社会高质量发展贡献智慧和力量。",
    "我们将进一步加强调查研究，认真总结经验做法，推动各项工作落地见效。",
    "同时也要看到，工作中还存在一些短板和不足，基层组织建设仍需加强。",
)
PROVS = ("内蒙古自治区", "山西省", "河南省", "四川省", "湖北省")
CITIES = ("呼和浩特市", "巴彦淖尔市", "太原市", "郑州市", "成都市", "武汉市")
COUNTIES = ("临河区", "鄂托克前旗", "小店区", "金水区", "武侯区")
TOPICS = ("乡村振兴", "人工智能", "生态保护", "青少年科技", "科技志愿服务")
PERSONS = ("王建国", "李秀英", "张志强", "刘红梅")


def report(chars: int, punctuation: bool = True) -> str:
    """A generated report of at least ``chars`` characters."""
    out = ["# 2023年科学技术协会工作报告\n\n"]
    size, i, section = len(out[0]), 0, 0
    numerals = "一二三四五六七八九十"
    while size < chars:
        if i % 40 == 0:
            section += 1
            line = f"{numerals[section % 10]}、{2020 + section % 4}年工作开展情况\n\n"
        else:
            s = SENTENCES[i % len(SENTENCES)].format(
                year=2018 + i % 6, prov=PROVS[i % 5], city=CITIES[i % 6], county=COUNTIES[i % 5],
                topic=TOPICS[(i // 7) % 5], person=PERSONS[(i // 3) % 4], n=i % 97 + 1, m=i % 900 + 10,
                k=i % 300 + 5, p=i % 90 + 3)
            line = s + FILLERS[i % 4] + FILLERS[(i + 1) % 4] + ("\n\n" if i % 5 == 4 else "")
        out.append(line)
        size += len(line)
        i += 1
    text = "".join(out)
    if not punctuation:
        text = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
    return text


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--no-punctuation", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--formats", default="turtle,graphml", help="Export formats (kg build's default: turtle,graphml).")
    args = parser.parse_args()

    from kg.api import shared_nlp
    from kg.corpus import build_corpus

    t0 = time.perf_counter()
    nlp = shared_nlp()
    print(f"pipeline loaded      {time.perf_counter() - t0:8.1f} s   peak RSS {rss_mb():7.0f} MB", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        path = out / "long-report.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report(args.chars, not args.no_punctuation), encoding="utf-8")
        n = len(path.read_text(encoding="utf-8"))
        print(f"report: {n:,} characters{' (no punctuation)' if args.no_punctuation else ''}; nlp.max_length {nlp.max_length:,}")
        # what `kg build long-report.txt -o OUT` does, in this process: analyse, graph, exports, store
        t = time.perf_counter()
        result = build_corpus([path], out_dir=out / "out", formats=tuple(args.formats.split(",")), workers=1, nlp=nlp)
        total = time.perf_counter() - t
        (res,) = result.built
        for step, (seconds, peak) in res.steps.items():
            print(f"{step:20s} {seconds:8.1f} s   peak RSS {peak / 2**20:7.0f} MB", flush=True)
        print(f"store                {result.write_seconds:8.1f} s   peak RSS {rss_mb():7.0f} MB   {res.triples:,} triples")
        peak = rss_mb()
        print(f"total {total:.1f} s; peak RSS {peak:.0f} MB ({peak * 1024 * 1024 / n:,.0f} bytes per character);"
              f" target under 2048 MB: {'met' if peak < 2048 else 'NOT met'}")
        sys.exit(0 if peak < 2048 else 1)


if __name__ == "__main__":
    main()
