"""Entity resolution: one key per real-world thing, within a report and across reports.

- An organization named by a bare level word that cannot stand for the report's region (市委
  in a provincial report: some city's committee) is dropped: it names no one.
- Places get their division code; a name shared by several divisions (朝阳区) takes the
  one inside the report's own region.
- Organizations are keyed by a canonical name: a region word that stands for the
  report's own region (自治区科协, 省科协) becomes that region (内蒙古科协, 河南科协);
  a province's full name becomes its short form (内蒙古自治区科协 -> 内蒙古科协); long
  forms become short ones (科学技术协会 -> 科协, see ``org_aliases.tsv``); national
  bodies keep the key of ``organizations.tsv``. An organization named after a place is
  located in it, and in a system of ``org_hierarchy.tsv`` (科协) it sits under the one
  of the level above.

The report's region is the place its own organization is named after, else the
province its places fall in most often.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ...data import load_table, organ_words, organization_rows
from .document import OPENING_CHARS
from ...places import OWN_REGION_SHARE, Division, divisions
from ...townships import townships
from ..text import Lexicon
from .gazetteer import place_entries


_NPC_SESSION = re.compile(r"第[一二三四五六七八九十]+届全国人民代表大会第[一二三四五六七八九十]+次会[议議]")


class EntityResolver:
    def __init__(self, word_tags: dict[str, str] | None = None):
        self.div = divisions()
        # the same names the gazetteer matches (short aliases only where they are place names)
        self.names = Lexicon({name: name for name in place_entries(word_tags) if name in self.div.by_name})
        self.region_words = {r["word"]: r["level"] for r in load_table("region_words.tsv")}
        self.region_sorted = sorted(self.region_words, key=len, reverse=True)
        self.organs = set(organ_words())
        self.townships = townships()
        self.county_names = Lexicon({n: codes[0] for n, codes in self.div.by_name.items() if len(codes) == 1 and len(n) >= 3})
        self.long_forms = sorted(((r["long"], r["short"]) for r in load_table("org_aliases.tsv")), key=lambda x: -len(x[0]))
        self.hierarchy = {r["organ"]: r["national"] for r in load_table("org_hierarchy.tsv")}
        rows = organization_rows()
        self.national = {r["name"]: (r["canonical"] or r["name"]) for r in rows if r["scope"] == "national"}
        self.provincial = {r["name"]: (r["canonical"] or r["name"]) for r in rows if r["scope"] == "provincial"}

    # -- the report's region -------------------------------------------------------------

    def region(self, doc: Doc) -> str | None:
        org = (doc._.kg_meta or {}).get("organization")
        if org in self.national:
            return None  # a national body's report (国务院, 党中央, 中国科协): no province is its own
        if org:
            place = self._leading_place(org, None)
            if place:
                return place[1]
        provinces = Counter()
        for ent in doc.ents:
            if ent.label_ == "PLACE" and ent._.key and ent._.key.isdigit() \
                    and len(self.div.by_name.get(ent.text, ())) == 1:  # a namesake is no evidence
                p = self.div.province(ent._.key)
                if p:
                    provinces[p.code] += 1
            elif ent.label_ == "ORG":
                place = self._leading_place(ent.text, None)
                if place:
                    p = self.div.province(place[1])
                    if p:
                        provinces[p.code] += 1
        if not provinces:
            return None
        best = min(provinces, key=lambda c: (-provinces[c], c))
        # a report's own province dominates its places (77-100% of them in the 29 provincial reports
        # of 2026); a national report's are spread, or lean on the place of the year's event
        # (香港 in 1997: 65%, 西藏 in 1959: 71%), which is no region of its own
        return best if provinces[best] >= OWN_REGION_SHARE * sum(provinces.values()) else None

    def _leading_place(self, name: str, region: str | None) -> tuple[str, str] | None:
        """(surface, code) of a division name that opens ``name``, longest first."""
        for s, e, _v in self.names.finditer(name):
            if s == 0:
                code = self.div.resolve(name[:e], region)
                return (name[:e], code) if code else None
            break
        return None

    # -- keys ----------------------------------------------------------------------------

    def org(self, text: str, region: str | None) -> dict:
        """Canonical key, location code and parent key of an organization name."""
        if text in self.national:
            return {"key": self.national[text], "location": None, "parent": None}
        if text in self.provincial:  # 人社厅 in a provincial report is that province's department
            province = self.div.province(region) if region else None
            if province is None:
                return {"key": self.provincial[text], "location": None, "parent": None}
            return {"key": province.short + self.provincial[text], "location": province.code, "parent": None}
        rest, location = text, None
        place = self._leading_place(text, region)
        if place:
            d = self.div.by_code[place[1]]
            # rewrite only an official name or a province's short form (内蒙古自治区科协, 内蒙古科协 -> 内蒙古科协);
            # 郑州大学 stays 郑州大学, located in 郑州市
            if place[0] == d.name or (d.level == "province" and place[0] in d.aliases):
                rest, location = text[len(place[0]):], place[1]
            else:
                location = place[1]
                for long, short in self.long_forms:
                    rest = rest.replace(long, short)
                return {"key": rest, "location": location, "parent": None}
        elif region:
            word = next((w for w in self.region_sorted if text.startswith(w)), None)
            if word and self._names_region(word, region):
                rest, location = text[len(word):], region
        for long, short in self.long_forms:
            rest = rest.replace(long, short)
        if location is None:
            return {"key": rest, "location": None, "parent": None}
        d = self.div.by_code[location]
        key = d.short + rest
        return {"key": key, "location": location, "parent": self._parent(d, rest)}

    def _township(self, name: str, region: str | None, context: tuple[str, ...]) -> str | None:
        """The code of the township a place's name holds (密云区十里堡镇岭东村 -> 十里堡镇), tied to a
        county named inside the name, a place named before it, or the report's region."""
        for s, e, township in self.townships.finditer(name):
            inside = tuple(c for _s, _e, c in self.county_names.finditer(name[:s]))
            return self.townships.resolve(township, (*inside, *context, *([region] if region else [])))
        return None

    def _opens_with_level_word(self, ent) -> bool:
        """The first word is a level word, or a level word and an organ (市委), not 市场…"""
        first = ent[0].text
        return first in self.region_words or (first[:1] in self.region_words and first[1:] in self.organs)

    def _unnamed_level_body(self, text: str, region: str) -> bool:
        """``text`` opens with a bare level word (市, 盟, 县) that cannot stand for the report's region."""
        if self._leading_place(text, region):
            return False
        word = next((w for w in self.region_sorted if text.startswith(w)), None)
        return word is not None and len(word) == 1 and not self._names_region(word, region)

    def _names_region(self, word: str, region: str) -> bool:
        d = self.div.by_code.get(region)
        if d is None:
            return False
        level = self.region_words[word]
        if level == d.level:
            return True
        return level == "prefecture" and d.level == "province" and d.name.endswith("市")  # 北京市: 本市

    def _parent(self, d: Division, rest: str) -> str | None:
        national = self.hierarchy.get(rest)
        if national is None:
            return None
        if d.level == "province":
            return national
        up = self.div.by_code.get(d.parent or "")
        if up is not None and up.level == "prefecture" and d.level == "county":
            return up.short + rest
        province = self.div.province(d.code)
        return province.short + rest if province else national

    def __call__(self, doc: Doc) -> None:
        region = self.region(doc)
        meta = doc._.kg_meta
        if meta is not None:
            meta["region"] = region
            # a report to a session of the National People's Congress, its opening says (1957年6月26日在
            # 第一届全国人民代表大会第四次会议上), is the country's when no province is its own
            meta["national"] = meta.get("organization") in self.national or (
                region is None and _NPC_SESSION.search(doc._.kg_norm.text, 0, OPENING_CHARS) is not None)
            if meta.get("organization"):
                meta["organization_info"] = self.org(meta["organization"], region)
        if region:
            # 市委, 盟委 in a provincial report name some city's body, left unnamed: not a mention
            doc.ents = [e for e in doc.ents if not (e.label_ == "ORG" and self._opens_with_level_word(e)
                                                    and self._unnamed_level_body(e.text, region))]
        previous: dict[int, str] = {}  # sentence start -> code of the last place named in it
        for ent in doc.ents:
            if ent.label_ == "PLACE":
                sent = ent.sent.start if doc.has_annotation("SENT_START") else 0
                context = (previous[sent],) if sent in previous else ()
                name = ent.text.replace("\n", "").replace(" ", "")
                code = self.div.resolve(name, region, context) or self._township(name, region, context)
                if code and (ent._.key is None or ent._.key.isdigit()):
                    ent._.key = code
                elif ent._.key and ent._.key.isdigit() and code is None:
                    ent._.key = None  # the gazetteer's guess among namesakes is not evidence
                if ent._.key and ent._.key.isdigit():
                    previous[sent] = ent._.key
            elif ent.label_ == "ORG":
                info = self.org(ent.text.replace("\n", "").replace(" ", ""), region)
                ent._.key = info["key"]
                ent._.location = info["location"]
                ent._.parent = info["parent"]


@Language.factory("kg_entities", assigns=["span._.key", "span._.location", "span._.parent", "doc._.kg_meta"],
                  requires=["doc.ents", "doc._.kg_meta"])
def make_entities(nlp: Language, name: str):
    """Resolve places to division codes and organizations to canonical keys."""
    resolver = EntityResolver(getattr(nlp.tokenizer, "word_tags", None))

    def component(doc: Doc) -> Doc:
        resolver(doc)
        return doc

    return component
