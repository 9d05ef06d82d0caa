"""Packaged data tables (gazetteers, unit and qualifier tables).

Each ``.tsv`` starts with ``#`` comment lines (source and licence), then a header row.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from ..errors import Errors, KGError


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the packaged table ``name`` (e.g. ``"units.tsv"``) as dicts, in file order."""
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KGError(Errors.E011.format(name=name)) from None
    from ..cache import cached, digest

    # parsed once per content of the table and kept in kg's cache (start-up: townships.tsv alone is 39k rows)
    return cached(f"table-{name}", digest(name, text), lambda: _parse(text))


def derived(name: str, tables: tuple[str, ...], build):
    """``build()``, kept in kg's cache keyed by the contents of the packaged ``tables`` it is
    derived from: indexes over big tables that would otherwise be rebuilt at every start-up."""
    from ..cache import cached, digest

    return cached(name, digest(*(_table_text(t) for t in tables)), build)


@lru_cache(maxsize=None)
def _table_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _parse(text: str) -> tuple[dict[str, str], ...]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "") for k, v in row.items()} for row in reader)


def column(name: str, field: str, where: tuple[str, str] | None = None) -> tuple[str, ...]:
    """One column of a packaged table, optionally of the rows whose ``where[0]`` equals ``where[1]``."""
    return tuple(row[field] for row in load_table(name) if where is None or row[where[0]] == where[1])


def organ_words() -> tuple[str, ...]:
    """Words that end an organization's name: ``organs.tsv`` and every name in ``gov_bodies.tsv``
    (住建厅, 工商联, 宣传部), so that 自治区住建厅 and 市工商联 compose."""
    return tuple(dict.fromkeys([*column("organs.tsv", "organ"), *column("gov_bodies.tsv", "name")]))


def feature_rows() -> tuple[dict[str, str], ...]:
    """Named places that are not administrative divisions, with their kind: ``features.tsv`` (rivers,
    mountains, regions, heritage sites …), ``named_facilities.tsv`` (airports, scenic areas, named lines,
    ports, zones …), ``sites.tsv`` (nature reserves, scenic areas, heritage sites, historic streets) and
    ``waters.tsv`` (rivers, canals and reservoirs beside those of features.tsv)."""
    return (*load_table("features.tsv"), *load_table("named_facilities.tsv"), *load_table("sites.tsv"),
            *load_table("waters.tsv"))


def organization_rows() -> tuple[dict[str, str], ...]:
    """Organizations known by name: ``organizations.tsv`` (national bodies, universities, media),
    ``international_orgs.tsv`` (联合国教科文组织, 上合组织), the central state-owned enterprises of
    ``enterprises.tsv``, other large companies (``companies.tsv``: 比亚迪, 华为), universities, institutes and
    hospitals by their short names (``academic_bodies.tsv``: 哈工大, 长春光机所), then the government and
    party organs of ``gov_bodies.tsv`` and the former ones of ``former_bodies.tsv`` (卫生部, 国家计委: the
    national reports since 1954 name them); the first row of a name wins."""
    rows: dict[str, dict[str, str]] = {}
    for row in (*load_table("organizations.tsv"), *load_table("international_orgs.tsv"), *load_table("enterprises.tsv"),
                *load_table("companies.tsv"), *load_table("academic_bodies.tsv"), *load_table("gov_bodies.tsv"), *load_table("former_bodies.tsv")):
        rows.setdefault(row["name"], {"bare": "1", **row})
    return tuple(rows.values())


def company_names() -> tuple[str, ...]:
    """The names of companies: the central state-owned enterprises of ``enterprises.tsv`` and the others of
    ``companies.tsv``, by every name they go by."""
    return tuple(dict.fromkeys(r["name"] for t in ("enterprises.tsv", "companies.tsv") for r in load_table(t)))


def division_names() -> frozenset[str]:
    """Every division's name and alias of two characters or more (``places.tsv``: 两当, 泾川 among them)."""
    rows = load_table("places.tsv")
    return frozenset({r["name"] for r in rows} | {a for r in rows for a in r["aliases"].split("|") if len(a) >= 2})


def feature_kinds() -> dict[str, str]:
    """The kind of each named place of ``feature_rows()`` (river, island, heritage …), by its name."""
    return {r["name"]: r["kind"] for r in feature_rows()}


def figure_nouns() -> frozenset[str]:
    """The nouns of praise or result that make a quoted place a figure of speech (“甲省速度”, “乙市粮仓”): those of
    ``place_coinage_ends.tsv`` but a ship's name (舰) and the separatist slogans (独立, 之治)."""
    return frozenset(column("place_coinage_ends.tsv", "word")) - {"舰", "独立", "之治"}


def country_names() -> dict[str, str]:
    """The countries of ``countries.tsv`` by name and alias (印尼, 沙特), each to its name."""
    names: dict[str, str] = {}
    for row in load_table("countries.tsv"):
        names[row["name"]] = row["name"]
        for alias in filter(None, row["aliases"].split("|")):
            names.setdefault(alias, row["name"])
    return names
