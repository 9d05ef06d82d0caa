"""China's administrative divisions from the packaged gazetteer: names, codes, levels, containment."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .data import load_table


@dataclass(frozen=True)
class Division:
    code: str
    level: str          # province, prefecture or county
    name: str           # official full name: 内蒙古自治区, 鄂托克前旗
    parent: str | None  # code of the containing division
    aliases: tuple[str, ...]

    @property
    def short(self) -> str:
        """The usual short form: 内蒙古 for 内蒙古自治区, 河南 for 河南省; the full name below province level."""
        if self.level == "province" and self.aliases:
            return min(self.aliases, key=len)
        return self.name


# the share of a text's division names one province must hold for the text to be that province's
# report (a national report names places all over the country)
OWN_REGION_SHARE = 0.75


class Divisions:
    """Look-ups over the division table."""

    def __init__(self):
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[str]] = {}
        for row in load_table("places.tsv"):
            d = Division(row["code"], row["level"], row["name"], row["parent"] or None,
                         tuple(a for a in row["aliases"].split("|") if a))
            self.by_code[d.code] = d
            for name in (d.name, *d.aliases):
                self.by_name.setdefault(name, []).append(d.code)

    @cached_property
    def _full_names(self):
        """Official names of three characters or more that name one division only."""
        from .nlp.text import Lexicon  # here: kg.nlp imports this module

        return Lexicon({n: codes[0] for n, codes in self.by_name.items()
                        if len(codes) == 1 and len(n) >= 3 and n == self.by_code[codes[0]].name})

    def text_province(self, text: str) -> str | None:
        """The province most of the unambiguous full division names of ``text`` lie in (the report's own
        region, before any recognition), or None when it names none or no province holds three quarters
        of them (a national report naming 香港特别行政区 and 天津市 once each is no report of either)."""
        provinces = Counter()
        for _s, _e, code in self._full_names.finditer(text):
            p = self.province(code)
            if p:
                provinces[p.code] += 1
        if not provinces:
            return None
        top = min(provinces, key=lambda c: (-provinces[c], c))
        total = sum(provinces.values())
        if provinces[top] < OWN_REGION_SHARE * total or (provinces[top] < 3 and provinces[top] < total):
            return None
        return top

    def chain(self, code: str) -> list[Division]:
        """The division and every division containing it, up to the province."""
        out = []
        while code and code in self.by_code:
            d = self.by_code[code]
            out.append(d)
            code = d.parent
        return out

    def province(self, code: str) -> Division | None:
        chain = self.chain(code)
        return chain[-1] if chain else None

    def resolve(self, name: str, region: str | None = None, context: tuple[str, ...] = ()) -> str | None:
        """The code of ``name``, or None when the evidence does not pick one.

        Among several divisions of that name, the one inside a division of ``context`` (places
        named just before it: 北京市朝阳区), else the one inside ``region`` (the report's own), else
        the one of the highest level when only one has it (吉林: the province); otherwise none
        (朝阳区 in a report of neither Beijing nor Changchun, 城区 anywhere without its city)."""
        codes = self.by_name.get(name)
        if not codes:
            return None
        if len(codes) == 1:
            return codes[0]
        for scope in (*context, region):
            if not scope:
                continue
            inside = [c for c in codes if c != scope and any(d.code == scope for d in self.chain(c))]
            if len(inside) == 1:
                return inside[0]
        rank = {"province": 0, "prefecture": 1, "county": 2}
        best = min(rank[self.by_code[c].level] for c in codes)
        top = [c for c in codes if rank[self.by_code[c].level] == best]
        return top[0] if len(top) == 1 and best < 2 else None


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The packaged divisions, loaded once."""
    return Divisions()
