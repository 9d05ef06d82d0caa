"""``kg view``: one self-contained HTML page with the interactive entity network.

No CDN and no network access: vis-network's script and style are inlined from the
installed ``pyvis`` package (a dependency; nothing third-party is vendored in this
repository). Nodes are coloured by type; the side panel filters by type, searches by
name, and shows a clicked node's facts and the sentences it comes from.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS
from spacy.tokens import Doc

from ..graph.namespace import KG, SCHEMA
from .atomic import write_atomic
from .gexf import type_colours
from .network import entity_network, node_id

_MAX_SENTENCES = 8
_MAX_FACTS = 30


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis").joinpath("templates", "lib")
    versions = sorted(p.name for p in lib.iterdir() if p.name.startswith("vis-"))
    folder = lib.joinpath(versions[-1])
    return (folder.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
            folder.joinpath("vis-network.css").read_text(encoding="utf-8"))


def vis_edges(net) -> list[dict]:
    """The network's edges as vis-network edges, in edge-id order; relations get an arrow and a label."""
    edges = []
    for _u, _v, a in sorted(net.edges(data=True), key=lambda e: int(e[2]["id"][1:])):
        s, t = a["ends"]
        edge = {"id": a["id"], "from": s, "to": t, "value": a["weight"], "title": a["label"]}
        if a.get("kind") == "relation":
            edge.update(arrows="to", label=a["label"], font={"size": 9, "color": "#888"})
        edges.append(edge)
    return edges


def render_page(title: str, data: dict) -> bytes:
    """The view template filled with ``title``, the network ``data`` (JSON) and vis-network inlined."""
    js, css = _vis_assets()
    page = resources.files("kg.export").joinpath("view_template.html").read_text(encoding="utf-8")
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    page = (page.replace("__TITLE__", title.replace("<", "&lt;"))
                .replace("__VIS_CSS__", css).replace("__DATA__", payload).replace("__VIS_JS__", js.replace("</script", "<\\/script")))
    return page.encode("utf-8")


def _label(graph: Graph, node) -> str:
    return str(graph.value(node, RDFS.label) or node)


def details(graph: Graph) -> dict[str, dict]:
    """For each entity node id: readable facts and the sentences that mention it."""
    out: dict[str, dict] = defaultdict(lambda: {"facts": [], "sentences": []})
    for mention in graph.subjects(RDF.type, KG.Mention):
        entity, sentence = graph.value(mention, KG.refersTo), graph.value(mention, KG.sentence)
        if entity is None or sentence is None:
            continue
        start = int(graph.value(sentence, KG.start))
        out[node_id(entity)]["sentences"].append((start, str(graph.value(sentence, KG.text))))
    for fact in graph.subjects(RDF.type, KG.Fact):
        rel = str(graph.value(fact, KG.relation)).rsplit("#", 1)[-1]
        subject, obj = graph.value(fact, KG.factSubject), graph.value(fact, KG.factObject)
        agent, text = graph.value(fact, KG.agent), graph.value(fact, KG.objectText)
        what = _label(graph, obj) if obj is not None else (str(text) if text is not None else "")
        line = f"{_label(graph, subject)} —{rel}→ {what}"
        if agent is not None:
            line += f" (by/with {_label(graph, agent)})"
        period, status = graph.value(fact, KG.period), graph.value(fact, KG.status)
        line += f" [{period or '?'}, {status}]"
        start = int(graph.value(fact, KG.start))
        for node in (subject, obj, agent):
            if node is not None:
                out[node_id(node)]["facts"].append((start, line))
    result = {}
    for nid, d in out.items():
        sentences = [s for _p, s in sorted(set(d["sentences"]))][:_MAX_SENTENCES]
        facts = [f for _p, f in sorted(set(d["facts"]))][:_MAX_FACTS]
        result[nid] = {"facts": facts, "sentences": sentences}
    return result


def html_bytes(graph: Graph, doc: Doc | None = None, title: str | None = None) -> bytes:
    net = entity_network(graph, doc)
    colours = {t: "#%02x%02x%02x" % rgb for t, rgb in type_colours().items()}
    degree = dict(net.degree())
    nodes = []
    for nid in sorted(net.nodes):
        a = net.nodes[nid]
        aliases = sorted(str(x) for x in graph.objects(graph.resource(a["iri"]).identifier, SKOS.altLabel)) if "iri" in a else []
        nodes.append({"id": nid, "label": a.get("label", nid), "type": a.get("type", ""), "value": 1 + degree.get(nid, 0),
                      "color": colours.get(a.get("type", ""), "#999999"), "aliases": "、".join(aliases)})
    data = {"nodes": nodes, "edges": vis_edges(net), "details": details(graph), "colours": colours}
    report = next(iter(graph.subjects(RDF.type, KG.Report)), None)
    title = title or (str(graph.value(report, SCHEMA.name)) if report is not None and graph.value(report, SCHEMA.name) else "kg")
    return render_page(title, data)


def write_html(graph: Graph, doc: Doc, out_dir: Path, name: str, **_) -> Path:
    """Write ``out_dir/<name>.html`` atomically."""
    return write_atomic(Path(out_dir) / f"{name}.html", html_bytes(graph, doc))
