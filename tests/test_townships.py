"""The township gazetteer (kg/data/townships.tsv) and kg.townships.

Township rows below are invented (names and 9-digit codes); their county codes are real
codes of kg/data/places.tsv, so containment comes from the packaged divisions.
"""

import importlib.util
import re
from pathlib import Path

import pytest

from kg.data import load_table
from kg.townships import Townships, is_weak, short_name, townships

ROOT = Path(__file__).resolve().parent.parent

# 130131 平山县 and 130123 正定县 (石家庄市 130100, 河北省 130000); 140105 小店区 (山西省);
# 110105 朝阳区 (北京市) and 220104 朝阳区 (长春市); 430381 湘乡市 (湖南省).
ROWS = [
    {"code": "130131101", "name": "青石镇", "county": "130131"},
    {"code": "130123102", "name": "青石镇", "county": "130123"},
    {"code": "130131103", "name": "大青石镇", "county": "130131"},
    {"code": "130131201", "name": "红柳乡", "county": "130131"},
    {"code": "140105201", "name": "红柳乡", "county": "140105"},
    {"code": "130131104", "name": "口镇", "county": "130131"},
    {"code": "130123203", "name": "沙河回族乡", "county": "130123"},
    {"code": "140105204", "name": "沙河乡", "county": "140105"},
    {"code": "110105001", "name": "云杉街道", "county": "110105"},
    {"code": "220104002", "name": "云杉街道", "county": "220104"},
    {"code": "110105030", "name": "东坡地区", "county": "110105"},
    {"code": "130131205", "name": "白鹭湾乡", "county": "130131"},
    {"code": "430381206", "name": "南湘乡", "county": "430381"},
]


@pytest.fixture(scope="module")
def tiny():
    return Townships(ROWS)


def spans(t, text):
    return [(text[s:e], s, e) for s, e, _ in t.finditer(text)]


# --- resolve -----------------------------------------------------------------------------

def test_resolve_by_the_county_named_before(tiny):
    assert tiny.resolve("青石镇", ["130131"]) == "130131101"
    assert tiny.resolve("青石镇", ["130123"]) == "130123102"


def test_resolve_by_prefecture_or_province(tiny):
    assert tiny.resolve("红柳乡", ["130000"]) == "130131201"    # 河北省
    assert tiny.resolve("红柳乡", ["140000"]) == "140105201"    # 山西省
    assert tiny.resolve("红柳乡", ["130100"]) == "130131201"    # 石家庄市
    assert tiny.resolve("云杉街道", ["220100"]) == "220104002"  # 长春市


def test_the_most_specific_context_decides(tiny):
    # the report's region (河北省) holds two 青石镇; the county named before picks one
    assert tiny.resolve("青石镇", ["130000", "130123"]) == "130123102"
    # a county that holds none falls back to the wider context
    assert tiny.resolve("红柳乡", ["130102", "130000"]) == "130131201"


def test_ambiguity_gives_none(tiny):
    assert tiny.resolve("青石镇", ["130100"]) is None   # both in 石家庄市
    assert tiny.resolve("青石镇", ["130000"]) is None
    assert tiny.resolve("青石镇", []) is None
    assert tiny.resolve("红柳乡", []) is None


def test_unique_name_resolves_unless_the_context_conflicts(tiny):
    assert tiny.resolve("白鹭湾乡", []) == "130131205"
    assert tiny.resolve("白鹭湾乡", ["999999"]) == "130131205"   # unknown codes are ignored
    assert tiny.resolve("白鹭湾乡", ["130000000000"]) == "130131205"  # 12-digit code
    assert tiny.resolve("白鹭湾乡", ["140000"]) is None          # 山西省: not there


def test_unknown_name(tiny):
    assert tiny.resolve("不存在镇", ["130131"]) is None
    assert tiny.lookup("不存在镇") == []


def test_short_names_of_ethnic_townships(tiny):
    assert short_name("沙河回族乡") == "沙河乡"
    assert short_name("庙台蒙古族满族乡") == "庙台乡"
    assert short_name("林口鄂温克民族乡") == "林口乡"
    assert short_name("青苗乡") is None      # 苗 without 族 is not a people here
    assert short_name("青石镇") is None
    assert tiny.lookup("沙河乡") == [("140105204", "140105"), ("130123203", "130123")]
    assert tiny.resolve("沙河乡", ["130123"]) == "130123203"
    assert tiny.resolve("沙河乡", ["140105"]) == "140105204"
    assert tiny.resolve("沙河回族乡", []) == "130123203"


def test_get(tiny):
    t = tiny.get("130131101")
    assert (t.code, t.name, t.county) == ("130131101", "青石镇", "130131")
    assert tiny.get("000000000") is None
    assert "青石镇" in tiny and "沙河乡" in tiny and "青石" not in tiny
    assert len(tiny) == len(ROWS)


# --- finditer ----------------------------------------------------------------------------

def test_finditer_spans(tiny):
    text = "平山县青石镇和正定县青石镇都修通了公路，红柳乡也通了班车。"
    assert spans(tiny, text) == [("青石镇", 3, 6), ("青石镇", 10, 13), ("红柳乡", 20, 23)]


def test_finditer_needs_the_full_suffix_and_takes_the_longest(tiny):
    assert spans(tiny, "青石一带") == []
    assert spans(tiny, "大青石镇的果园") == [("大青石镇", 0, 4)]
    assert spans(tiny, "沙河回族乡和沙河乡") == [("沙河回族乡", 0, 5), ("沙河乡", 6, 9)]


def test_weak_names_only_after_their_own_division(tiny):
    assert is_weak("口镇") and is_weak("东坡地区") and not is_weak("青石镇")
    assert spans(tiny, "平山县口镇新建了学校") == [("口镇", 3, 5)]
    assert spans(tiny, "正定县口镇新建了学校") == []      # 口镇 is not in 正定县
    assert spans(tiny, "出海口镇守") == []                # no division before it
    assert spans(tiny, "朝阳区东坡地区") == [("东坡地区", 3, 7)]
    assert spans(tiny, "东坡地区的气候") == []


def test_finditer_does_not_cut_a_division_name(tiny):
    assert spans(tiny, "湖南湘乡市的农业") == []          # 南湘乡 would cut 湘乡市
    assert spans(tiny, "湘乡市南湘乡") == [("南湘乡", 3, 6)]


def test_finditer_on_the_packaged_table():
    t = townships()
    text = "会上，北京市东城区东华门街道介绍了经验。"
    assert spans(t, text) == [("东华门街道", 9, 14)]
    assert t.resolve("东华门街道", ["110101"]) == "110101001"


# --- the packaged table ------------------------------------------------------------------

def test_table_codes_are_unique_and_counties_are_places():
    rows = load_table("townships.tsv")
    places = {r["code"]: r["level"] for r in load_table("places.tsv")}
    codes = [r["code"] for r in rows]
    assert len(rows) > 38000
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
    assert all(re.fullmatch(r"\d{9}", c) for c in codes)
    # county: a county of places.tsv, or (development zones, counties places.tsv lacks,
    # prefecture-level cities without counties) a prefecture or province
    assert all(r["county"] in places for r in rows)
    levels = {places[r["county"]] for r in rows}
    assert levels <= {"county", "prefecture", "province"}
    assert sum(places[r["county"]] == "county" for r in rows) > 0.98 * len(rows)


def test_table_names_carry_their_suffix():
    rows = load_table("townships.tsv")
    bad = [r["name"] for r in rows if not re.search(r".(镇|乡|街道|苏木|地区)$", r["name"])]
    assert bad == []
    assert not [r["name"] for r in rows if re.search(r"开发区|工业园|管委会|农场$|林场$|特殊|直属", r["name"])]


def test_table_header_names_source_and_licence():
    text = (ROOT / "kg" / "data" / "townships.tsv").read_text(encoding="utf-8")
    header = [l for l in text.splitlines()[:20] if l.startswith("#")]
    joined = "\n".join(header)
    assert "modood/Administrative-divisions-of-China" in joined and "57a0aa9c" in joined
    assert "WTFPL" in joined and "townships.LICENSE" in joined
    assert (ROOT / "kg" / "data" / "townships.LICENSE").read_text(encoding="utf-8").strip()


# --- the builder's name cleaning ---------------------------------------------------------

def _builder():
    spec = importlib.util.spec_from_file_location("build_townships", ROOT / "tools" / "build_townships.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("raw, cleaned", [
    ("青石镇", "青石镇"),
    ("白鹭湾街道办事处", "白鹭湾街道"),
    ("某某经济技术开发区云杉街道", "云杉街道"),
    ("科技新城（云杉街道）", "云杉街道"),
    ("青石镇（果品产业园区）", "青石镇"),
    ("红星农场", None),
    ("某某经济开发区特殊乡镇", None),
    ("某某工业园区街道", None),
    ("街道", None),
    ("某某监狱", None),
])
def test_builder_cleans_names(raw, cleaned):
    assert _builder().clean_name(raw, "13") == cleaned


def test_builder_keeps_beijing_areas_only():
    b = _builder()
    assert b.clean_name("东坡地区", "11") == "东坡地区"
    assert b.clean_name("东坡地区", "13") is None
