"""Build kg/data/places.tsv, the place gazetteer, from ../shared/reference/divisions.

Run from the repository root:  python tools/build_places.py [DIVISIONS_DIR]

Source: JioNLP's province/city/county table (Apache-2.0, see the header written
into the output). Development zones and other pseudo-units are left out.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is a folder of scripts, not a package
from tsv import write_tsv  # noqa: E402  (tools/tsv.py)

LEVELS = {"province": "province", "city": "prefecture", "county": "county"}
# Pseudo-units: development and functional zones (county digits 7x) and zones named as such.
NOT_DIVISION = ("开发区", "高新区", "新区管委会", "管理区", "示范区", "工业园区", "产业园区", "科技园区", "工业区", "试验区")


def main(src: Path, out: Path) -> None:
    rows = {}
    names_to_code: dict[tuple[str, str], str] = {}
    with open(src / "jionlp_province_city_county.tsv", encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    records = list(reader)
    for r in records:
        if r["level"] == "province":
            names_to_code[("province", r["province"])] = r["code"]
        elif r["level"] == "city":
            names_to_code[("city", r["province"], r["city"])] = r["code"]
    for r in records:
        level, code, name, alias = r["level"], r["code"], r["name"], r["alias"]
        if not code or name == "市辖区" or any(w in name for w in NOT_DIVISION):
            continue
        if level == "county" and code[4] == "7":
            continue
        if level == "province":
            parent = ""
        elif level == "city":
            parent = names_to_code[("province", r["province"])]
            if code == parent:  # municipalities repeat themselves as their own city
                continue
        else:
            province = names_to_code[("province", r["province"])]
            parent = names_to_code.get(("city", r["province"], r["city"])) or province
        aliases = [a for a in alias.split("|") if a and a != name] if alias else []
        key = code
        if key in rows:
            continue
        rows[key] = (code, LEVELS[level], name, parent, "|".join(aliases))
    write_tsv(out, [
        "Place gazetteer: China's administrative divisions at province, prefecture and county level.",
        "Derived by tools/build_places.py from JioNLP jionlp/dictionary/china_location.zip",
        "(github.com/dongrixinyu/JioNLP @ 783abc5237e05f25aea2a11dcc2ae2e0e9f4cd23), Apache-2.0;",
        "development zones and other pseudo-units left out. Codes and names are public facts.",
        "Licence of the source: places.LICENSE beside this file.",
    ], ["code", "level", "name", "parent", "aliases"], (rows[key] for key in sorted(rows)))
    (out.parent / "places.LICENSE").write_bytes((src / "jionlp_LICENSE").read_bytes())
    print(f"wrote {len(rows)} places to {out}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "reference" / "divisions"
    main(src, root / "kg" / "data" / "places.tsv")
