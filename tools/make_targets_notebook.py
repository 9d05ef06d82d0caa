"""Write notebooks/targets.ipynb from the cells below (committed without outputs).

Run from the repository root:  python tools/make_targets_notebook.py
"""

from make_notebook import write_notebook  # tools/ is on the path when run as python tools/…
from nbformat.v4 import new_code_cell, new_markdown_cell

CELLS = [
    new_markdown_cell("""# Did they reach what they promised? Targets against results

Each provincial government sets its targets for the year in its work report (地区生产总值增长5.5%左右)
and reports the result a year later. This notebook builds the 2025 reports (Word files) and the 2026
reports (scraped text) of `../shared/corpora/` into one store, pairs every province's 2025 GDP growth
target with its result (the named query `targets-vs-results`), and then does the same for the
national reports since 1954 (`indicator-series`). The indicator is found by any of its labels:
地区生产总值, 国内生产总值 and GDP are one concept of `ontology/indicators.ttl`."""),
    new_code_cell("""import tempfile
import warnings
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

import kg
from kg import query

matplotlib.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimHei", "DejaVu Sans"]
warnings.filterwarnings("ignore", message="Glyph .* missing")

CORPORA = Path("../../shared/corpora")
OUT = Path(tempfile.mkdtemp())

def frame(name, store, **params):
    \"\"\"A named query over a store, as a DataFrame.\"\"\"
    return pd.DataFrame(query.records(query.run(name, store=store, params=params)))"""),
    new_markdown_cell("## Provinces: the 2025 target and the 2025 result"),
    new_code_cell("""kg.build([CORPORA / "gov-reports-2025-docx", CORPORA / "gov-reports-2026"], out_dir=OUT / "provinces",
         formats=("turtle",))
pairs = frame("targets-vs-results", OUT / "provinces" / "store", indicator="地区生产总值")
growth = pairs[(pairs["aspect"] == "growth") & (pairs["year"] == "2025")].copy()
growth["target"] = growth["target"].astype(float)
growth["result"] = growth["result"].astype(float)
growth["reached"] = growth["result"] >= growth["target"]
print(len(growth), "provinces with a 2025 growth target and result")
growth[["region", "indicator", "target", "target_approx", "result", "reached"]]"""),
    new_code_cell("""ax = growth.sort_values("result").plot.barh(x="region", y=["target", "result"], figsize=(7, 8))
ax.set_xlabel("地区生产总值 growth in 2025 (%)"); plt.tight_layout()
print(int(growth["reached"].sum()), "of", len(growth), "provinces reached their 2025 growth target")"""),
    new_markdown_cell("## The country: GDP growth targets and results by year"),
    new_code_cell("""kg.build([CORPORA / "national-gov-reports"], out_dir=OUT / "national", formats=("turtle",))
series = frame("indicator-series", OUT / "national" / "store", indicator="国内生产总值")
national = series[(series["aspect"] == "growth") & series["year"].str.fullmatch(r"\\d{4}").fillna(False)].copy()
national["year"] = national["year"].astype(int)
national["value"] = national["value"].astype(float)
table = (national.groupby(["year", "status"])["value"].first().unstack("status")
         .reindex(columns=["target", "reported"]))
print(table["reported"].notna().sum(), "years with a GDP growth result,", table["target"].notna().sum(), "with a target")
table"""),
    new_code_cell("""ax = table.plot(style=["o--", "o-"], figsize=(8, 3.5))
ax.set_ylabel("国内生产总值 growth (%)"); ax.set_xlabel("year"); plt.tight_layout()"""),
]


def main() -> None:
    write_notebook(CELLS, "targets.ipynb")


if __name__ == "__main__":
    main()
