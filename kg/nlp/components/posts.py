"""Who holds which post where: ``市科协党组书记、副主席马林`` -> 马林 holdsPost 市科协 (党组书记、副主席).

Posts are read backwards from each person over a chain of pieces separated by 、 or ，:
each piece is an organization followed by a post (``清华大学副校长``) or a post alone
(``常务副主席``), which belongs to the organization of the piece before it. A chain stops
at anything else (a verb phrase, another person's name). A person right after another
person and 、 (``副主任许炜、张海新``) shares that person's posts; a chain that opens with a
post alone right after a person (``党组书记马林、常务副主席司马红``) takes that person's
last organization. ``X成立Y`` with two organizations makes Y part of X.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...data import column
from ..statements import StatementContext

_SEP = "、，,"
_MAX_POST = 16
_STOP = set("。！？!?；;：:\n")
# between 总书记 and the Central Committee it leads: coordination, or 为核心的 (以…总书记为核心的党中央)
_CENTRE_TIE = re.compile(r"和|与|及|、|为核心的")


class PostFinder:
    def __init__(self, heads: list[str]):
        alternatives = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
        # modifiers (副, 常务, 党组, 二级, 九届, 首席 …) then a head; several joined by 兼
        one = rf"[\u4e00-\u9fff]{{0,6}}?(?:{alternatives})"
        self.post = re.compile(rf"{one}(?:兼{one})*")

    def is_post(self, s: str) -> bool:
        return 0 < len(s) <= _MAX_POST and self.post.fullmatch(s) is not None

    def __call__(self, doc: Doc) -> list[dict]:
        text = doc._.kg_norm.text
        ents = sorted((e for e in doc.ents if e.label_ != "QUANTITY"), key=lambda e: e.start_char)
        orgs = [e for e in ents if e.label_ == "ORG"]
        persons = [e for e in ents if e.label_ == "PERSON"]
        context = StatementContext(doc)
        facts: list[dict] = []
        held: dict[int, list[tuple[tuple[int, int], list[str]]]] = {}  # person start -> its groups
        for p in persons:
            groups = self._chain(text, p, orgs, persons, held)
            held[p.start_char] = groups
            for org, posts in groups:
                facts.append({"relation": "holdsPost", "subject": (p.start_char, p.end_char), "object": org,
                              "post": "、".join(posts), "trigger": (p.start_char, p.end_char)})
        facts.extend(self._founded(text, orgs))
        facts.extend(self._party_leader(text, persons, orgs))
        facts.extend(self._on_behalf(text, persons, orgs, held))
        for f in facts:
            f.update(context.when(f["trigger"][0]))
            f["status"] = "reported"  # a post held or a body's place in another is a state, not a plan
        return facts

    def _chain(self, text: str, person: Span, orgs: list[Span], persons: list[Span], held) -> list:
        end = person.start_char
        while end > 0 and text[end - 1] in " \u3000\t":
            end -= 1
        # a person listed right after another: 副主任许炜、张海新
        if end > 0 and text[end - 1] == "、":
            before = next((q for q in persons if q.end_char == end - 1), None)
            if before is not None:
                return [(org, list(posts)) for org, posts in held.get(before.start_char, [])]
        pieces: list[tuple[tuple[int, int] | None, str]] = []  # (organization span or None, post), last first
        opener = None
        while end > 0:
            start = end
            while start > 0 and text[start - 1] not in _SEP and text[start - 1] not in _STOP:
                start -= 1
            piece = None if any(start < q.end_char and q.start_char < end for q in persons) else \
                self._piece(text, start, end, orgs)
            if piece is None:
                break
            pieces.append(piece)
            if start == 0 or text[start - 1] in _STOP:
                break
            sep = start - 1
            previous = next((q for q in persons if q.end_char == sep), None)
            if previous is not None:
                opener = previous
                break
            end = sep
        if not pieces:
            return []
        pieces.reverse()
        groups: list[tuple[tuple[int, int], list[str]]] = []
        if pieces[0][0] is None:
            inherited = held.get(opener.start_char) if opener is not None else None
            if not inherited:
                pieces = [p for p in pieces if False] if all(p[0] is None for p in pieces) else \
                    pieces[next(i for i, p in enumerate(pieces) if p[0] is not None):]
            else:
                groups.append((inherited[-1][0], []))
        for org, post in pieces:
            if org is not None:
                groups.append((org, []))
            if groups:
                groups[-1][1].extend(p for p in post.split("兼") if p)
        return [(org, posts) for org, posts in groups if posts]

    def _piece(self, text: str, start: int, end: int, orgs: list[Span]):
        """(organization span, post) when text[start:end] is an organization then a post, (None, post)
        when it is a post alone, else None."""
        s = text[start:end].strip()
        if not s:
            return None
        lead = start + (len(text[start:end]) - len(text[start:end].lstrip()))
        inside = [o for o in orgs if lead <= o.start_char and o.end_char < end]
        for org in sorted(inside, key=lambda o: o.start_char):
            if org.start_char != lead and not self._opening_ok(text[lead:org.start_char]):
                continue
            post = text[org.end_char:end].strip()
            if self.is_post(post):
                return (org.start_char, org.end_char), post
        if any(o.start_char < end and o.end_char > lead for o in orgs):
            return None
        return (None, s) if self.is_post(s) else None

    @staticmethod
    def _opening_ok(lead: str) -> bool:
        """Words that may stand before the first organization of a chain (邀请…, 由…, 日期)."""
        return re.fullmatch(r"(?:邀请|由|特邀|包括|如|及|以及|和|与)?", lead) is not None

    def _on_behalf(self, text: str, persons: list[Span], orgs: list[Span], held) -> list[dict]:
        """``省长刘小涛代表省人民政府…``: a post before the name and the body the person speaks for."""
        facts = []
        for p in persons:
            if held.get(p.start_char) or text[p.end_char:p.end_char + 2] != "代表":
                continue
            body = next((o for o in orgs if o.start_char == p.end_char + 2), None)
            start = max(text.rfind(c, 0, p.start_char) for c in "，,；;。！？\n、：:") + 1
            post = text[start:p.start_char].strip()
            if body is not None and self.is_post(post):
                facts.append({"relation": "holdsPost", "subject": (p.start_char, p.end_char),
                              "object": (body.start_char, body.end_char), "post": post,
                              "trigger": (p.end_char, p.end_char + 2)})
        return facts

    @staticmethod
    def _party_leader(text: str, persons: list[Span], orgs: list[Span]) -> list[dict]:
        """``习近平总书记…党中央``: the General Secretary's post is at the Central Committee
        (党中央, 中共中央), when the title is tied to it (和党中央, 为核心的党中央); once a sentence."""
        facts, sentences = [], set()
        for p in persons:
            if text[p.end_char:p.end_char + 3] != "总书记":
                continue
            s = max(text.rfind(c, 0, p.start_char) for c in "。！？\n") + 1
            if s in sentences:
                continue  # once a sentence: the title repeated is the same fact
            # the Centre tied to the title: 总书记和党中央, 以…总书记为核心的党中央; a 党中央 elsewhere in
            # the sentence (学习贯彻总书记重要讲话精神，深入落实党中央…部署) is another subject's
            tie = _CENTRE_TIE.match(text, p.end_char + 3)
            centre = next((o for o in orgs if tie is not None and o.start_char == tie.end() and o.text in ("党中央", "中共中央")), None)
            if centre is not None:
                sentences.add(s)
                facts.append({"relation": "holdsPost", "subject": (p.start_char, p.end_char),
                              "object": (centre.start_char, centre.end_char), "post": "总书记",
                              "trigger": (p.end_char, p.end_char + 3)})
        return facts

    @staticmethod
    def _founded(text: str, orgs: list[Span]) -> list[dict]:
        facts = []
        for m in re.finditer(r"成立了?", text):
            clause_start = max(text.rfind(c, 0, m.start()) for c in "，,；;。！？\n") + 1
            founder = next((o for o in orgs if clause_start <= o.start_char and o.end_char <= m.start()), None)
            child = next((o for o in orgs if o.start_char == m.end()), None)
            if founder is not None and child is not None:
                facts.append({"relation": "partOf", "subject": (child.start_char, child.end_char),
                              "object": (founder.start_char, founder.end_char), "trigger": m.span()})
        return facts


@Language.factory("kg_posts", assigns=["doc._.kg_facts"], requires=["doc.ents", "doc._.kg_meta"])
def make_posts(nlp: Language, name: str):
    """Add who holds which post at which organization (and bodies set up by others) to the facts."""
    finder = PostFinder(column("posts.tsv", "word"))

    def component(doc: Doc) -> Doc:
        doc._.kg_facts = (doc._.kg_facts or []) + finder(doc)
        return doc

    return component
