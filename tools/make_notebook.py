"""Write notebooks/explore.ipynb from the cells below (committed without outputs).

Run from the repository root:  python tools/make_notebook.py
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    new_markdown_cell("""# Exploring a work report's knowledge graph

This notebook builds the graph of a report (the corpus report beside the repository when
it is there, else the sample report shipped with kg), then asks it the questions analysts
ask: where the money went, how many people each program reached, which places the
programs touch, and which organizations sit at the centre of the network."""),
    new_code_cell("""import tempfile
import warnings
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

import kg
from kg import query

# Chinese labels: use a CJK font where the machine has one; otherwise glyphs show as boxes.
matplotlib.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimHei", "DejaVu Sans"]
warnings.filterwarnings("ignore", message="Glyph .* missing")

corpus = Path("../../shared/corpus/nmg-kexie-2022-work-report.txt")
report = corpus if corpus.exists() else kg.sample_report()
out = Path(tempfile.mkdtemp()) / "exports"
kg.build([report], out_dir=out)
STORE = out / "store"
print(report.name, "->", sorted(p.name for p in out.iterdir()))"""),
    new_code_cell("""def frame(name_or_sparql, **params):
    \"\"\"A named query (or SPARQL text) over the store, as a DataFrame.\"\"\"
    return pd.DataFrame(query.records(query.run(name_or_sparql, store=STORE, params=params)))

entities = frame("entities")
entities.groupby("type").size().sort_values(ascending=False)"""),
    new_markdown_cell("## Money: how much went to what"),
    new_code_cell("""money = frame("money-by-purpose")
money["total (万元)"] = money["total"] / 10_000
ax = money.plot.barh(x="purpose", y="total (万元)", legend=False, figsize=(7, 3))
ax.set_xlabel("万元"); ax.invert_yaxis(); plt.tight_layout()
money"""),
    new_markdown_cell("## People: head counts by program"),
    new_code_cell("""heads = frame("headcounts-by-program")
by_program = heads.groupby("program")["value"].sum().sort_values()
ax = by_program.plot.barh(logx=True, figsize=(7, 4))
ax.set_xlabel("people (log scale)"); plt.tight_layout()
heads[["program", "count", "status"]]"""),
    new_markdown_cell("## Places: what is counted where"),
    new_code_cell("""by_place = frame('''
PREFIX kg: <https://w3id.org/kg-zh/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?place ?kind (COUNT(?m) AS ?measurements) (SUM(?v) AS ?total) WHERE {
  ?m a kg:Measurement ; kg:kind ?kind ; schema:value ?v ; kg:subject ?s .
  { ?s a kg:Place . BIND(?s AS ?p) } UNION { ?s schema:location ?p }
  ?p rdfs:label ?l . BIND(STR(?l) AS ?place)
} GROUP BY ?place ?kind ORDER BY DESC(?measurements)''')
pivot = by_place.pivot_table(index="place", columns="kind", values="measurements", fill_value=0)
ax = pivot.plot.barh(stacked=True, figsize=(7, 4)); ax.set_xlabel("measurements"); plt.tight_layout()
by_place"""),
    new_code_cell("""program = "科创中国" if corpus.exists() else "科创中国"
frame("program-places", program=program)"""),
    new_markdown_cell("## The network: who is central"),
    new_code_cell("""edges = frame('''
PREFIX kg: <https://w3id.org/kg-zh/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?a ?b ?ta ?tb WHERE {
  ?x kg:coMentionedWith ?y . ?x rdfs:label ?la ; a ?ca . ?y rdfs:label ?lb ; a ?cb .
  FILTER(?ca IN (kg:Organization, kg:Program, kg:Event, kg:Place, kg:Person, kg:Work))
  FILTER(?cb IN (kg:Organization, kg:Program, kg:Event, kg:Place, kg:Person, kg:Work))
  BIND(STR(?la) AS ?a) BIND(STR(?lb) AS ?b)
  BIND(STRAFTER(STR(?ca), "#") AS ?ta) BIND(STRAFTER(STR(?cb), "#") AS ?tb)
}''')
G = nx.Graph()
for r in edges.itertuples():
    G.add_node(r.a, type=r.ta); G.add_node(r.b, type=r.tb)
    G.add_edge(r.a, r.b, weight=G.get_edge_data(r.a, r.b, {"weight": 0})["weight"] + 1)
centrality = nx.betweenness_centrality(G, weight=None)
ranking = pd.DataFrame({"entity": list(centrality), "betweenness": list(centrality.values()),
                        "degree": [G.degree(n) for n in centrality],
                        "type": [G.nodes[n]["type"] for n in centrality]})
ranking[ranking.type == "Organization"].sort_values("betweenness", ascending=False).head(10)"""),
    new_code_cell("""colours = {"Organization": "tab:blue", "Program": "tab:orange", "Event": "tab:green",
           "Place": "tab:red", "Person": "tab:purple", "Work": "tab:brown"}
core = G.subgraph([n for n, d in G.degree() if d >= 2])
pos = nx.spring_layout(core, seed=7, k=0.6)
plt.figure(figsize=(9, 7))
nx.draw_networkx_edges(core, pos, alpha=0.2)
nx.draw_networkx_nodes(core, pos, node_size=[30 + 20 * core.degree(n) for n in core],
                       node_color=[colours.get(core.nodes[n]["type"], "grey") for n in core])
top = sorted(core, key=core.degree, reverse=True)[:15]
nx.draw_networkx_labels(core, pos, labels={n: n for n in top}, font_size=8)
plt.axis("off"); plt.tight_layout()
print(core.number_of_nodes(), "entities,", core.number_of_edges(), "co-mention edges")"""),
]


def write_notebook(cells: list, name: str) -> None:
    """Write ``notebooks/<name>`` from ``cells``, without outputs, for a Python 3 kernel."""
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                                             "language_info": {"name": "python"}})
    path = Path(__file__).resolve().parent.parent / "notebooks" / name
    nbformat.write(nb, path)
    print("wrote", path)


def main() -> None:
    write_notebook(CELLS, "explore.ipynb")


if __name__ == "__main__":
    main()
