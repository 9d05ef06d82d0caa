"""Build kg/data/townships.tsv, the township gazetteer, from ../shared/reference/divisions.

Run from the repository root:  python tools/build_townships.py [DIVISIONS_DIR]

Source: modood/Administrative-divisions-of-China dist/streets.csv (WTFPL; 2023 statistical
codes), 41,352 township-level rows.  Output columns: ``code`` (the 9-digit statistical code),
``name``, ``county`` (the smallest division of kg/data/places.tsv that contains the township).
Rows are sorted by code; the script is deterministic.

What is kept:

- names ending in 镇, 乡 (民族乡, 回族乡 …), 街道 or 苏木 (民族苏木), with a non-empty stem;
  ``X街道办事处`` is written ``X街道``;
- Beijing's and Tianjin's ``X地区`` (地区办事处: township-level areas, an 乡 under another
  name, e.g. 南磨房地区);
- names carrying a development-zone prefix or a parenthesis keep only the township part:
  ``郑州经济技术开发区明湖街道`` -> ``明湖街道``, ``科技城（东渚街道）`` -> ``东渚街道``.

What is dropped (counted by reason on stdout): rows that are not townships but statistical
stand-ins: development zones and industrial parks (开发区, 高新区, 园区 …), state farms, forest
farms and other enterprises (农场, 林场, 牧场, 公司 …), prisons, management committees and
offices (管委会, 管理处, 办事处 …), and placeholders (社区, 直辖村级区划, 类似乡级单位, 特殊乡镇,
直属乡镇, bare 街道 …).

County mapping: places.tsv leaves out pseudo-units and is older than the 2023 codes, so
``areaCode`` is mapped to places.tsv as follows:

1. ``areaCode`` is in places.tsv: used as is (a county, or a prefecture-level city without
   counties such as 东莞市 441900 or 嘉峪关市 620200 when places.tsv has one under that code);
2. a real county missing from places.tsv (renamed or recoded since, e.g. 130505 任泽区 is
   130526 there): the county of places.tsv in the same prefecture with the same name, or else
   with the same stem (无为市 -> 无为县);
3. a development or functional zone (county digits 7x or 9x), or a county with no counterpart:
   the prefecture (cityCode + "00"), else the province.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is a folder of scripts, not a package
from tsv import write_tsv  # noqa: E402  (tools/tsv.py)

SOURCE = ("modood/Administrative-divisions-of-China", "57a0aa9c", "dist/streets.csv")
SUFFIX = re.compile(r"(镇|乡|街道|苏木)$")
# A zone's name written in front of the township's own: keep what follows the last of these.
ZONE_PREFIX = re.compile(r"^.*(开发区|经开区|高新区|工业园区|产业园区|工业园|管理委员会|管委会)([东西南北]区)?")
# Not a township even with a township suffix: placeholders and enterprise-run units.
PLACEHOLDER = re.compile(r"特殊|直属|类似|兵团|公司|分部|区划|单位")
COUNTY_SUFFIX = re.compile(r"(自治县|自治旗|县|市|区|旗)$")

# Why a row is dropped, by the first keyword its name contains.
DROP_REASONS = (
    ("development zone", ("开发区", "开发试验区", "经开区", "高新区", "新区", "示范区", "试验区", "实验区", "保税区", "自贸区", "集中区", "新城", "科技城", "片区")),
    ("industrial park", ("园区", "工业园", "产业园", "工业区", "产业基地", "基地", "软件谷", "科技园", "物流")),
    ("farm, forest or enterprise", ("农场", "林场", "牧场", "种场", "渔场", "畜场", "马场", "牛场", "羊场", "猪场", "殖场", "茶场", "盐场", "艺场", "苗圃",
                                    "场", "公司", "集团", "林业局", "农垦", "煤矿", "矿", "厂", "水库", "局直", "兵团", "团")),
    ("prison", ("监狱", "劳教", "戒毒")),
    ("committee or office", ("管委会", "管理委员会", "管理处", "管理局", "管理区", "管理所", "办事处", "办公室", "路办", "中心")),
    ("scenic area", ("风景", "景区", "度假区", "旅游区", "公园", "保护区")),
    ("placeholder", ("社区", "区划", "单位", "分部", "生活区", "城区", "地区", "街道", "乡镇")),
)


def drop_reason(name: str) -> str:
    for reason, words in DROP_REASONS:
        if any(w in name for w in words):
            return reason
    return "other"


def township_name(part: str) -> str | None:
    """The township name in ``part`` (one side of a parenthesis), or None."""
    part = part.strip()
    if part.endswith("街道办事处"):
        part = part[: -len("办事处")]
    m = ZONE_PREFIX.match(part)
    if m:
        part = part[m.end():]
    suffix = SUFFIX.search(part)
    if not suffix or suffix.start() == 0 or PLACEHOLDER.search(part):
        return None
    return part


def clean_name(name: str, province: str) -> str | None:
    """The township's own name, or None when the row is not a township."""
    if province in ("11", "12") and name.endswith("地区") and len(name) > 2 and not re.search(r"街道|区地区|园|水库|管理", name):
        return name
    parts = [p for p in re.split(r"[（）()]", name) if p.strip()]
    if len(parts) > 1 and all(township_name(p) for p in parts):
        # 东湖风景区街道（武昌）: the parenthesis names the district, not another township.
        parts = parts[:1]
    for part in parts:
        cleaned = township_name(part)
        if cleaned:
            return cleaned
    return None


def read_places(path: Path) -> dict[str, tuple[str, str, str]]:
    """code -> (level, name, parent) of kg/data/places.tsv."""
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return {r["code"]: (r["level"], r["name"], r["parent"])
            for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def county_mapper(places: dict[str, tuple[str, str, str]], areas: dict[str, str]):
    """A function (areaCode, cityCode, provinceCode) -> (places.tsv code, how)."""
    counties_in: dict[str, list[str]] = {}
    for code, (level, _, parent) in places.items():
        if level == "county":
            counties_in.setdefault(parent, []).append(code)
    for codes in counties_in.values():
        codes.sort()

    def container(city: str, province: str) -> str:
        for code in (city + "00", province + "0000"):
            if code in places:
                return code
        raise SystemExit(f"no division for city {city} / province {province} in places.tsv")

    def mapper(area: str, city: str, province: str) -> tuple[str, str]:
        if area in places:
            return area, "as is"
        if area[4] in "79":
            return container(city, province), "zone -> prefecture"
        name = areas.get(area, "")
        siblings = counties_in.get(city + "00", []) or counties_in.get(province + "0000", [])
        for same in (lambda n: n == name, lambda n: COUNTY_SUFFIX.sub("", n) == COUNTY_SUFFIX.sub("", name)):
            hits = [c for c in siblings if same(places[c][1])]
            if len(hits) == 1:
                return hits[0], "renamed county"
        return container(city, province), "county missing -> prefecture"

    return mapper


def main(src: Path, out: Path) -> None:
    places = read_places(out.parent / "places.tsv")
    with open(src / "modood_areas.csv", encoding="utf-8") as f:
        areas = {r["code"]: r["name"] for r in csv.DictReader(f)}
    with open(src / "modood_streets.csv", encoding="utf-8") as f:
        source = list(csv.DictReader(f))
    county_of = county_mapper(places, areas)
    rows: dict[str, tuple[str, str, str]] = {}
    dropped: Counter = Counter()
    changed, mapping = 0, Counter()
    for r in source:
        code, name = r["code"].strip(), r["name"].strip()
        assert len(code) == 9 and code.startswith(r["areaCode"]), r
        cleaned = clean_name(name, r["provinceCode"])
        if cleaned is None:
            dropped[drop_reason(name)] += 1
            continue
        changed += cleaned != name
        county, how = county_of(r["areaCode"], r["cityCode"], r["provinceCode"])
        mapping[how] += 1
        assert code not in rows, code
        rows[code] = (code, cleaned, county)
    write_tsv(out, [
        "Township gazetteer: China's township-level divisions (镇, 乡, 民族乡, 街道, 苏木; Beijing's and Tianjin's 地区).",
        "Derived by tools/build_townships.py from modood/Administrative-divisions-of-China dist/streets.csv",
        f"(github.com/{SOURCE[0]} @ {SOURCE[1]} : {SOURCE[2]}), 2023 statistical codes, WTFPL.",
        "Development zones, farms, prisons, committees and placeholder rows left out; zone prefixes and",
        "街道办事处 trimmed to the township's own name. county: the smallest division of places.tsv that",
        "contains the township (a renamed county's code in places.tsv; the prefecture for development zones).",
        "Codes and names are public facts. Licence of the source: townships.LICENSE beside this file.",
    ], ["code", "name", "county"], (rows[key] for key in sorted(rows)))
    (out.parent / "townships.LICENSE").write_bytes((src / "modood_LICENSE").read_bytes())
    print(f"read {len(source)} rows; wrote {len(rows)} townships to {out} ({changed} names trimmed)")
    print("county mapping: " + ", ".join(f"{k} {v}" for k, v in mapping.most_common()))
    print(f"dropped {sum(dropped.values())}: " + ", ".join(f"{k} {v}" for k, v in dropped.most_common()))


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "reference" / "divisions"
    main(src, root / "kg" / "data" / "townships.tsv")
