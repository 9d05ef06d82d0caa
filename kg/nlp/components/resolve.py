"""Turn candidates into ``doc.ents`` under the one conflict policy (``candidates.choose``).

Token boundaries are split where an entity starts or ends inside a jieba word, so
every entity is a real ``Span``; QUANTITY spans get ``span._.quantity``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from ...data import column, division_names, feature_kinds, figure_nouns, organ_words
from ..candidates import Candidate, choose
from ..text import WordSet, is_cjk
from ..words import words
from .names import COUNT_BEFORE


def _split_points(doc: Doc, offsets: set[int]) -> dict[int, list[int]]:
    """Token index -> character offsets inside it where it must be split."""
    points: dict[int, list[int]] = {}
    if not offsets or not len(doc):
        return points
    # from the Doc's arrays, by bisection per offset: iterating the Doc makes a Token object per word
    arr = doc.to_array([IDX, LENGTH])
    starts = arr[:, 0]
    ordered = numpy.array(sorted(offsets), dtype=starts.dtype)
    index = numpy.searchsorted(starts, ordered, side="right") - 1
    ok = index >= 0
    inside = numpy.zeros(len(ordered), dtype=bool)
    inside[ok] = (starts[index[ok]] < ordered[ok]) & (ordered[ok] < starts[index[ok]] + arr[index[ok], 1])
    for i, o in zip(index[inside].tolist(), ordered[inside].tolist()):
        points.setdefault(i, []).append(o - int(starts[i]))
    return points


def align(doc: Doc, offsets: set[int]) -> None:
    """Split tokens so that every offset in ``offsets`` is a token boundary."""
    points = _split_points(doc, offsets)
    if not points:
        return
    with doc.retokenize() as retokenizer:
        for i, cuts in points.items():
            tok = doc[i]
            bounds = [0, *cuts, len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]
            heads = [(tok, k) for k in range(len(orths))]
            retokenizer.split(tok, orths, heads=heads)


_QUOTED = re.compile(r"“([^“”\n]{2,20})”")
# what joins places quoted as a group of their own (“深圳—香港—广州”, “京、津、冀”, “甲+乙”)
_PLACE_JOINERS = set("—-–、·和与+＋")
# what a coinage or a brand does not hold: the particles of a sentence (a slogan may hold commas)
_SPEECH = re.compile(r"[的了吗呢]|一个")


def inside_quotes(text: str, chosen: list, figures: frozenset = frozenset()) -> list:
    """``chosen`` without the places that sit inside a quoted coinage and are not all of it: in
    “齐鲁1号”旅游列车 the quotes hold a brand, and nothing inside a name or a slogan is a mention of its own
    (guidelines). A quote that a chosen entity covers whole keeps what it holds, and so does a figure: a place
    and one of ``figures`` after it, nothing else (“甘肃速度”, “齐鲁粮仓”: the dev annotators mark the place, 8 of 9)."""
    # chosen entities do not overlap: sorted by start, the ones touching a quote are found by bisection
    ordered = sorted(chosen, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    drop = set()
    for m in _QUOTED.finditer(text):
        qs, qe = m.span(1)
        if _SPEECH.search(m.group(1)):
            continue  # “请接受一个中国人的心意”: words quoted, not a coinage; the places in them stay
        k = bisect_right(starts, qs) - 1  # the last entity starting at or before the quote's text
        if k >= 0 and ordered[k].end >= qe:
            continue  # an entity covers the quote whole
        inside = [c for c in ordered[max(k, 0):bisect_left(starts, qe)] if qs <= c.start and c.end <= qe]
        if len(inside) == 1 and inside[0].label == "PLACE" and inside[0].start == qs and text[inside[0].end:qe] in figures:
            continue  # “甲省速度”: a place and a noun of praise, a figure of speech; the place is named
        rest = list(m.group(1))
        for c in inside:
            if c.label == "PLACE":
                rest[c.start - qs:c.end - qs] = [""] * (c.end - c.start)
        joiners = "".join(rest)
        if len(inside) >= 2 and joiners and all(ch in _PLACE_JOINERS for ch in joiners):
            continue  # “深圳—香港—广州”: places joined, no coinage around them
        drop.update(id(c) for c in ordered[max(k, 0):bisect_left(starts, qe)]
                    if c.label == "PLACE" and qs <= c.start and c.end <= qe and (c.start, c.end) != (qs, qe))
    return [c for c in chosen if id(c) not in drop] if drop else chosen


# what makes a bloc of states a region of trade: a market or freight after it (东盟市场, 东盟货运班列,
# 欧盟等传统贸易市场), or trade after it in a clause opened by 对 or 向 (对东盟进出口, 对欧盟出口增长)
_TRADE_AFTER = re.compile("(?:等[^，。；、]{0,6}?)?(?:市场|国家|地区|货运|进出口|贸易|出口|进口)")
_TRADE_CLAUSE = re.compile(r"[^，。；：\n]{0,12}?(?:进出口|贸易|出口|进口)")


def blocs_as_places(text: str, chosen: list, blocs: frozenset) -> list:
    """``chosen`` with the regional blocs (blocs.tsv) that name a region of trade turned into places:
    in a list beside places (拉美、非洲、东盟), before a market or freight (东盟货运班列), or after 对/向 with
    trade in the clause (对东盟、欧盟进出口). Elsewhere (与欧盟开展对话) the bloc stays an organization."""
    hits = [c for c in chosen if c.label == "ORG" and text[c.start:c.end] in blocs]
    if not hits:
        return chosen
    # the places and blocs by where they end: the items of a list around a bloc
    start_of = {c.end: c.start for c in chosen if c.label == "PLACE"}
    start_of.update((c.end, c.start) for c in hits)
    starts = set(start_of.values())
    turned = {}
    for c in hits:
        listed = (text[c.start - 1:c.start] == "、" and c.start - 1 in start_of) \
            or (text[c.end:c.end + 1] == "、" and c.end + 1 in starts)
        if not listed and not _TRADE_AFTER.match(text, c.end):
            # the clause's 对/向 before the bloc (or before the list it opens) and trade after it
            k = c.start
            while text[k - 1:k] == "、" and k - 1 in start_of:
                k = start_of[k - 1]
            if text[k - 1:k] not in ("对", "向") or not _TRADE_CLAUSE.match(text, c.end):
                continue
        turned[id(c)] = replace(c, label="PLACE")
    return [turned.get(id(c), c) for c in chosen]


# a count of bodies inside what reads as one body's name (甲、乙两个省实验室): the items counted, no name
_COUNT_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d+|[两二三四五六七八九十]+)[个家所座](?=[\u4e00-\u9fff])")
# a count of labs closing a list (甲、乙、丙3个省实验室): the items are the labs' names
_LABS_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)[个家所](?:省级|省|国家|全国|自治区)?(?:重点)?实验室")


def labs_named_in_lists(text: str, chosen: list) -> list:
    """``chosen`` without the places that are whole items of a list closed by a count of labs (长白山、三江、吉光3个
    省实验室): a lab named by a mountain or a river is a brand of the lab, no place spoken of."""
    # end of each item -> (its start, whether it is the list's first: that one starts at the clause's start, where
    # the clause's verb may open it, so a place ending it is an item whole)
    items: dict[int, tuple[int, bool]] = {}
    for m in _LABS_COUNTED.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "，。；：\n") + 1
        k = start
        for n, part in enumerate(re.split("[、和及]", text[start:m.start()])):
            items[k + len(part)] = (k, n == 0)
            k += len(part) + 1
    if not items:
        return chosen
    return [c for c in chosen if not (c.label == "PLACE" and c.end in items
                                      and (items[c.end][0] == c.start or (items[c.end][1] and items[c.end][0] <= c.start)))]


# an item of a list that names a group by its line of business (甲、矿产集团; 产投集团、乙集团)
_GROUP_ITEM = re.compile(r"[\u4e00-\u9fff]{2,4}集团")


def groups_named_in_lists(text: str, chosen: list) -> list:
    """``chosen`` with the groups listed beside a group it has (省能源集团、矿产集团; 产投集团、森工集团): an item
    of the list written as a line of business and 集团, which alone could be a kind of group, is a group of the
    same owner's named as its siblings are."""
    taken = [(c.start, c.end) for c in chosen]
    out = list(chosen)

    def after(k: int) -> tuple[int, int] | None:  # the item after the 、 at k
        m = _GROUP_ITEM.match(text, k + 1) if text[k:k + 1] == "、" else None
        return m.span() if m and (not is_cjk(text[m.end():m.end() + 1]) or text[m.end()] == "等") else None

    def before(k: int) -> tuple[int, int] | None:  # the item before the 、 at k - 1: after another 、, else the
        # shortest, a line of two characters after the clause's verb (提升[产投集团]、…)
        if text[k - 1:k] != "、":
            return None
        for i in range(max(0, k - 7), k - 4):
            if _GROUP_ITEM.fullmatch(text, i, k - 1) and text[i - 1:i] == "、":
                return i, k - 1
        return (k - 5, k - 1) if k >= 5 and _GROUP_ITEM.fullmatch(text, k - 5, k - 1) else None

    for c in chosen:
        if c.label != "ORG" or not text.endswith("集团", c.start, c.end):
            continue
        for k, step in ((c.end, after), (c.start, before)):
            while (span := step(k)) is not None and not any(a < span[1] and span[0] < b for a, b in taken):
                out.append(Candidate(span[0], span[1], "ORG", "org"))  # (its own body: no key of the sibling's)
                taken.append(span)
                k = span[1] if step is after else span[0]
    return sorted(out, key=lambda c: c.start)


# 精神 right after a place's name makes the two the name of a spirit (沂蒙精神, 大别山精神, 大寨精神): an ideal
# held up, no place spoken of (the annotators of three dev files leave the place out, four times of four); 精神文明
# is a civilisation's culture and work of a place (甲省精神文明建设), where the place stays
_SPIRIT = re.compile("精神(?!文明)")


def spirits_named_by_places(text: str, chosen: list) -> list:
    """``chosen`` without the places that name a spirit with 精神 after them (弘扬沂蒙精神)."""
    return [c for c in chosen if not (c.label == "PLACE" and _SPIRIT.match(text, c.end))]


_CLAUSE_MARKS = "，。；：！？\n（）()“”"


def persons_among_things(text: str, chosen: list, word_tags, pool: list = ()) -> list:
    """``chosen`` without LAC's person names that are items of a list of three or more (甲、乙、丙) in which no
    other item is a person: a list of products, services or coinages whose first characters read as
    surnames (春游、夏养、秋行, 信易贷、晋质贷、惠商保, 施公平之策). A name the dictionary knows as a
    person's (tag nr) stays (田秀才 of 田秀才、土专家、乡创客 does). Where the same span was also read as an
    organization (a company opening an item of a list of projects: 甲虹基板玻璃), that reading takes its place."""
    persons = [c for c in chosen if c.label == "PERSON"]
    dropped = set()
    for c in persons:
        if c.source not in ("lac", "person") or word_tags.get(text[c.start:c.end]) == "nr" \
                or (text[c.end:c.end + 1] != "、" and text[c.start - 1:c.start] != "、"):
            continue
        left = max(text.rfind(m, 0, c.start) for m in _CLAUSE_MARKS) + 1
        right = min((x for x in (text.find(m, c.end) for m in _CLAUSE_MARKS) if x >= 0), default=len(text))
        items, k = [], left
        for part in text[left:right].split("、"):
            items.append((k, k + len(part)))
            k += len(part) + 1
        if len(items) < 3:
            continue
        if not any(a <= p.start and p.end <= b and not (a <= c.start and c.end <= b) for p in persons for a, b in items):
            dropped.add(id(c))
    if not dropped:
        return chosen
    orgs = {(o.start, o.end): o for o in pool if o.label == "ORG"}
    return [orgs[(c.start, c.end)] if id(c) in dropped else c for c in chosen
            if id(c) not in dropped or (c.start, c.end) in orgs]


# a level word after 和 makes it a conjunction before levels, not the first character of a county's name
# (教育和县乡财政: not 和县 of Anhui; 市和县级机构); with its parent named right before (安徽省和县) it is the county
_LEVEL_CHARS = "省市县区乡镇州盟旗村级城"


def _conjunction_before_levels(text: str, c, place_ends: set[int]) -> bool:
    """``c`` is a place that opens with a conjunction and runs into a level word (…和县乡…), or is a conjunction and
    a level word alone right after a word (公社的干部和县的干部, 公社和县: 和县 of Anhui only after its parent or in a list)."""
    if c.label != "PLACE" or text[c.start] not in "和与及" or c.start in place_ends:
        return False
    after = text[c.end:c.end + 1]
    if after != "" and after in _LEVEL_CHARS:
        return True
    return c.end - c.start == 2 and text[c.end - 1] in _LEVEL_CHARS and c.start > 0 and is_cjk(text[c.start - 1])


def issuer_before_title(text: str, chosen: list, pool: list) -> list:
    """A title that opens with the body issuing it, right before its quoted or bracketed part (中共甲省委“十五五”规划,
    市委“十五五”规划建议): the body is an organization of its own and the title starts at the quote, as the
    annotators mark a work (“十五五”规划《建议》) apart from its issuer."""
    orgs = [o for o in pool if o.label == "ORG"]
    out = []
    for c in chosen:
        issuer = next((o for o in orgs if o.start == c.start and o.end < c.end - 2 and text[o.end] in "“《"), None) \
            if c.label == "WORK" else None
        if issuer is not None:
            out.append(issuer)
            out.append(replace(c, start=issuer.end))
        else:
            out.append(c)
    return out


_SEAT_TAGS = frozenset({"v", "vd", "d", "ad", "p", "c", "u", "w", ""})


def seat_in_brackets(doc: Doc, text: str, chosen: list) -> list:
    """A body or an event with the place of its seat in brackets right after it (甲大学（乙市）正式招生, 甲论坛（乙市）、):
    the bracketed place is part of the name, as the annotators mark 中国（甲省）自由贸易试验区, where the name ends
    there (a verb, a function word or punctuation follows); before a noun the place opens what follows (甲石化（乙岛）
    炼化一体化: a plant's site, a place of its own)."""
    w = words(doc)
    tag_at = dict(zip(w.starts, w.tags))
    by_start = {c.start: c for c in chosen}
    drop, out = set(), []
    for c in chosen:
        place = by_start.get(c.end + 1) if c.label in ("ORG", "EVENT") and text[c.end:c.end + 1] == "（" else None
        if place is not None and place.label == "PLACE" and text[place.end:place.end + 1] == "）" \
                and (place.end + 1 == len(text) or not is_cjk(text[place.end + 1])
                     or tag_at.get(place.end + 1, "") in _SEAT_TAGS):
            drop.add(place.start)
            out.append(replace(c, end=place.end + 1, attrs=()))  # (a branch or an edition: no key of the body's own)
        else:
            out.append(c)
    return [c for c in out if not (c.label == "PLACE" and c.start in drop)]


# named features a city or county before them locates, one name with it (甲市乙岛, 丙县丁遗址); broad ones (rivers,
# seas, regions of a country or of the world) stay places of their own beside the city (甲市东北亚…中心)
_LOCATED_KINDS = frozenset({"island", "heritage", "park", "wetland", "valley", "mountain", "lake", "border_port"})


# kinds of land LAC tags as places, no site's name (甲市丘陵山区农机装备)
_TERRAIN = re.compile("(?:丘陵|山区|平原|沿海|沿边|沿江|库区|林区|牧区|垦区|城区|郊区|矿区|湖区|老区)+")


def sites_after_their_city(text: str, chosen: list, pool: list, feature_kinds: dict, divisions: frozenset) -> list:
    """A city or county right before a site that is no division (甲市乙村, 丙市丁湾 known to LAC alone, 戊县己岛) is
    one place with it, the site's name as the report writes it: the annotators mark 昆明长水国际机场 and 甲区乙镇丙村
    as one span. Two divisions side by side (甲市乙县) stay two places."""
    keys = {(c.start, c.end): dict(c.attrs).get("key", "") for c in pool if c.source == "gazetteer" and c.label == "PLACE"}

    def city(c) -> bool:  # a prefecture or a county by its code, not a province
        k = keys.get((c.start, c.end), "")
        return c.label == "PLACE" and len(k) == 6 and k.isdigit() and not k.endswith("0000")

    def site(c) -> bool:
        if c.label != "PLACE" or "至" in text[c.start:c.end]:  # (甲至乙 is a route of two places)
            return False
        k = keys.get((c.start, c.end))
        if k is None:  # no gazetteer entry: a name LAC knows, or a facility by its head, if no division's name
            return c.source in ("lac", "facility") and text[c.start:c.end] not in divisions \
                and not _TERRAIN.fullmatch(text, c.start, c.end)
        return feature_kinds.get(k) in _LOCATED_KINDS

    by_start = {c.start: c for c in chosen}
    taken, out = set(), []
    for c in chosen:
        if id(c) in taken:
            continue
        after = by_start.get(c.end)
        if after is not None and city(c) and site(after):
            taken.add(id(after))
            out.append(replace(after, start=c.start, source="facility", attrs=()))
        else:
            out.append(c)
    return out


_TITLE_WORD = re.compile("《(?:建议|纲要|意见)》")


def title_with_its_kind(text: str, chosen: list) -> list:
    """A plan's name right before the bracketed word of its kind (“十五五”规划《建议》: the proposals for the plan) is
    one title with it, the bracketed word no title of its own."""
    out, skip = [], set()
    for c in chosen:
        m = _TITLE_WORD.match(text, c.end) if c.label == "WORK" else None
        if m:
            skip.add((m.start() + 1, m.end() - 1))
            out.append(replace(c, end=m.end()))
        else:
            out.append(c)
    return [c for c in out if not (c.label == "WORK" and (c.start, c.end) in skip)]


def _ends_inside_word(text: str, c, word_tags, organs) -> bool:
    """The organization ``c`` ends inside a word that runs on past it: an idiom (中行之有效: 行之有效, no
    bank) or 部门, a ministry's 部 before 门 (重工业部门, 国家安全部门: departments of a sector, no
    ministry; 外交部门户 keeps its 部, 门户 being a word of its own). LAC's organization may also end in
    a common noun of two characters that opens a longer noun with what follows (京津科技成果: 科技成果,
    the results of 京津's research, no firm 京津科技); an organ's word keeps it (省政协委员), and so does a
    longer word ending with the name (弗迪新能源动力电池: 新能源, then 动力电池)."""
    if c.label != "ORG":
        return False
    e = c.end
    if text[e - 1:e + 1] == "部门" and text[e:e + 2] not in word_tags:
        return True
    last = text[e - 2:e]
    if c.source == "lac" and e - c.start > 2 and word_tags.get(last) == "n" and last not in organs \
            and not any(text[a:e] in word_tags for a in range(max(c.start, e - 4), e - 2)) \
            and any(word_tags.get(text[e - 2:b]) == "n" for b in range(e + 2, min(len(text), e + 3) + 1)):
        return True
    return any(word_tags.get(text[a:b]) == "i" for a in range(max(c.start + 1, e - 3), e)
               for b in range(e + 1, min(len(text), a + 6) + 1) if b - a >= 4)


# the levels below the state that designate bodies of the national kinds (省技术创新中心)
_DESIGNATING_LEVELS = ("省", "自治区", "市")
# LAC (or dictionary) tags of the sentence's verbs and adverbs before a designated kind (新建, 支持建设)
_VERBAL_TAGS = {"v", "vd", "vn", "a", "ad", "d", "p"}


def _bare_kind(doc: Doc, text: str, s: int, e: int, kinds, word_tags) -> bool:
    """[s, e) is a designated kind of body (designation_kinds.tsv) with nothing before it but verbs of
    the sentence (新建国家技术创新中心): the kind, no body."""
    kind = kinds.ending_at(text, e, s)
    if kind is None:
        return False
    w = words(doc)
    # by LAC's tag or, where LAC took the verb into its organization, by the dictionary's
    lead = [t if t in _VERBAL_TAGS else word_tags.get(text[b:x], "") for b, x, t in zip(w.starts, w.ends, w.tags)
            if s <= b < e - len(kind)]
    return all(t in _VERBAL_TAGS for t in lead) and (e - len(kind) == s or e - len(kind) in w.start_set)


# what follows …中心 when the centre is part of a city or a port, no body (中心城市, 中心城区, 中心作业区)
_AFTER_CENTRE = ("城市", "城区", "作业区", "港区", "片区", "商务区", "镇", "村")


@Language.factory("kg_resolve", assigns=["doc.ents", "span._.quantity", "span._.key"], requires=["doc._.kg_candidates"])
def make_resolve(nlp: Language, name: str):
    """Choose non-overlapping entities from all candidates and set ``doc.ents``."""

    national = column("designation_kinds.tsv", "kind")
    # provinces and cities designate the same kinds at their level (省技术创新中心, 市重点实验室)
    kinds = WordSet([*national, *(level + k[2:] for k in national if k.startswith("国家") for level in _DESIGNATING_LEVELS)])
    blocs = frozenset(column("blocs.tsv", "name"))
    figures = figure_nouns()  # nouns of praise or result that make a quoted place a figure (“甲省速度”)
    word_tags = getattr(nlp.tokenizer, "word_tags", None) or {}
    organs = frozenset(organ_words())
    kinds_of_features = feature_kinds()
    divisions = division_names()

    def component(doc: Doc) -> Doc:
        # BLOCK candidates (ideologies, slogans, honours) win their text and are then dropped.
        text = doc._.kg_norm.text
        place_ends = {c.end for c in doc._.kg_candidates or [] if c.label == "PLACE"}
        # bodies of a kind counted (新设2个…学院), with what is inside them (建成101所芙蓉学校: no 芙蓉); a known
        # body counted is a modifier of what is counted (8个东盟国家) and stays
        counted = [(c.start, c.end) for c in doc._.kg_candidates or [] if c.label == "ORG" and c.source != "gazetteer"
                   and text[c.start:c.end] not in blocs
                   and (COUNT_BEFORE.search(text, max(0, c.start - 6), c.start) or text.endswith("一批", 0, c.start))]
        # …中心 right before 城市 names what a city is to become (国家区域中心城市, 东北亚国际化中心城市), and before
        # an area's head the central part of a port or city (甲港中心作业区, 乙市中心城区): no body, whichever
        # recognizer proposed it
        pool = [c for c in doc._.kg_candidates or []
                if not (c.label == "ORG" and text.endswith("中心", c.start, c.end) and text.startswith(_AFTER_CENTRE, c.end))
                and not (c.label == "ORG" and _COUNT_INSIDE.search(text, c.start + 1, c.end))
                and not (c.label == "ORG" and _bare_kind(doc, text, c.start, c.end, kinds, word_tags))
                and not any(s <= c.start and c.end <= e for s, e in counted)
                and not _conjunction_before_levels(text, c, place_ends)
                and not _ends_inside_word(text, c, word_tags, organs)]
        chosen = [c for c in choose(pool) if c.label != "BLOCK"]
        chosen = title_with_its_kind(text, issuer_before_title(text, chosen, pool))
        chosen = inside_quotes(text, chosen, figures)
        chosen = blocs_as_places(text, chosen, blocs)
        chosen = persons_among_things(text, chosen, word_tags, pool)
        chosen = spirits_named_by_places(text, chosen)
        chosen = labs_named_in_lists(text, chosen)
        chosen = groups_named_in_lists(text, chosen)
        chosen = seat_in_brackets(doc, text, chosen)
        chosen = sites_after_their_city(text, chosen, pool, kinds_of_features, divisions)
        align(doc, {c.start for c in chosen} | {c.end for c in chosen})
        ents = []
        for c in chosen:
            span = doc.char_span(c.start, c.end, label=c.label)
            if span is None:  # cannot happen after align(); kept as a guard
                continue
            attrs = dict(c.attrs)
            if c.label == "QUANTITY":
                span._.quantity = attrs
            elif "key" in attrs:
                span._.key = attrs["key"]
            ents.append(span)
        doc.ents = ents
        return doc

    return component
