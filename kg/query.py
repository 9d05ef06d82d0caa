"""Run SPARQL over built graphs: a named query, a ``.rq`` file, or the query text itself."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pyoxigraph as ox

from . import queries
from .sparql_guard import uses_service
from .errors import Errors, InputError

FORMATS = ("table", "csv", "tsv", "json")


def query_text(query: str) -> str:
    """The text of a named query, of a ``.rq`` file, or ``query`` itself."""
    if query in queries.names():
        return queries.load(query)
    path = Path(query)
    if query.endswith(".rq"):
        if not path.is_file():
            raise InputError(Errors.E001.format(path=query))
        return path.read_text(encoding="utf-8")
    if any(w in query.upper() for w in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        return query
    raise InputError(Errors.E012.format(name=query, opts=", ".join(queries.names())))


def load_store(graphs: list[str | Path]) -> ox.Store:
    """An in-memory Oxigraph store holding the given Turtle files (in its default graph)."""
    store = ox.Store()
    for g in graphs:
        p = Path(g)
        if not p.is_file():
            raise InputError(Errors.E001.format(path=g))
        try:
            store.load(path=str(p), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, ValueError, OSError) as err:
            raise InputError(Errors.E009.format(path=g, reason=str(err).splitlines()[0])) from None
    return store


def default_graphs(folder: str | Path = "exports") -> list[Path]:
    """The Turtle files of the default output folder."""
    files = sorted(Path(folder).glob("*.ttl"))
    if not files:
        raise InputError(Errors.E013.format(folder=folder))
    return files


def run(query: str, graphs: list[str | Path] | None = None, params: dict[str, str] | None = None,
        store: str | Path | None = None, allow_service: bool = False):
    """Run ``query`` over Turtle ``graphs``, or the store at ``store``; with neither, the default
    store (``exports/store``) if there is one, else ``exports/*.ttl``. ``params`` bind variables to literals.
    The store's named graphs (one per report) are queried as one default graph. A SERVICE clause
    is refused unless ``allow_service``: no request leaves the machine unless asked."""
    from .store import DEFAULT_STORE, open_store

    text = query_text(query)
    if not allow_service and uses_service(text):
        raise InputError(Errors.E022)
    if graphs:
        db, union = load_store(graphs), False
    elif store is not None or DEFAULT_STORE.is_dir():
        db, union = open_store(store or DEFAULT_STORE, read_only=True), True
    else:
        db, union = load_store(default_graphs()), False
    substitutions = {ox.Variable(k): ox.Literal(v) for k, v in (params or {}).items()}
    try:
        return db.query(text, substitutions=substitutions, use_default_graph_as_union=union)
    except SyntaxError as err:
        reason = " ".join(str(err).split())
        raise InputError(Errors.E014.format(reason=reason if len(reason) <= 160 else reason[:160] + "…")) from None
    except RuntimeError as err:  # a --param naming a variable the query does not select
        raise InputError(Errors.E016.format(reason=" ".join(str(err).split()))) from None


def records(result) -> list[dict]:
    """SELECT results as a list of dicts of Python values (numbers as float, the rest as text), e.g. for pandas."""
    variables = [v.value for v in result.variables]
    out = []
    for sol in result:
        row = {}
        for v in variables:
            t = sol[v]
            if t is None:
                row[v] = None
            elif isinstance(t, ox.Literal) and t.datatype and t.datatype.value.endswith(("#decimal", "#integer", "#double", "#float")):
                row[v] = float(t.value)
            else:
                row[v] = t.value
        out.append(row)
    return out


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


_MAX_CELL = 60


def _clip(s: str) -> str:
    """One line, at most _MAX_CELL columns: a terminal table, not the data (use --format csv or json)."""
    s = " ".join(s.split())
    if _width(s) <= _MAX_CELL:
        return s
    out, w = "", 0
    for c in s:
        w += _width(c)
        if w > _MAX_CELL - 1:
            break
        out += c
    return out + "…"


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def render(result, fmt: str = "table") -> str:
    """Results as an aligned table, CSV, TSV or SPARQL 1.1 JSON; graph results as Turtle."""
    if isinstance(result, (bool, ox.QueryBoolean)):
        value = bool(result)
        return json.dumps({"head": {}, "boolean": value}) + "\n" if fmt == "json" else ("true\n" if value else "false\n")
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.TURTLE).decode("utf-8")
    variables = [v.value for v in result.variables]
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")
    rows = [[_cell(sol[v]) for v in variables] for sol in result]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(variables)
        writer.writerows(rows)
        return buf.getvalue()
    rows = [[_clip(c) for c in r] for r in rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in rows]) for i, v in enumerate(variables)]
    pad = lambda s, w: s + " " * (w - _width(s))  # noqa: E731
    lines = ["  ".join(pad(v, w) for v, w in zip(variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
