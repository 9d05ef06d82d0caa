"""Facts from sentence patterns: who organizes, hosts, co-organizes or implements what; pilots of a
program; honours and who granted them; funding; recommendations; agreements.

Each fact is a dict in ``doc._.kg_facts`` with the relation, its subject, object or
literal, an agent (the awarding body, the partner), the trigger's character span, and
its period and status (``kg.nlp.statements``). Subjects come from the clause: an
organization opening it, else one opening the sentence, else the report's own
organization (``"publisher"``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...data import load_table
from ..statements import StatementContext
from ..text import WordSet

_CLAUSE_END = set("，,；;。！？!?\n：:")
_SENT_END = set("。！？!?\n")
_HONOUR = re.compile(r"(?:授予|评为|荣获|获评|命名为|获得)(?:“(?P<q>[^”]{2,40})”|(?P<p>[^，。；“”\n]{2,40}?))(?:荣誉)?(?:称号|奖|$|[，。；])")
_FUNDING = re.compile(r"投入|拨付|争取|安排|下达|筹集|落实")
_AGREEMENT = re.compile(r"签(?:署|订)(?P<a>[^，。；\n]{0,20}?协议)")


class RelationFinder:
    def __init__(self):
        self.triggers = {r["word"]: (r["relation"], set(r["object"].split("|"))) for r in load_table("relation_triggers.tsv")}
        self.trigger_words = WordSet(self.triggers)

    def __call__(self, doc: Doc) -> list[dict]:
        text = doc._.kg_norm.text
        context = StatementContext(doc)
        ents = [e for e in doc.ents if e.label_ != "QUANTITY"]
        strings = doc.vocab.strings
        self.tag_at = {int(i): strings[int(t)] for i, t in doc.to_array(["IDX", "TAG"])}
        facts: list[dict] = []
        sentences = self._spans(text, _SENT_END)
        prev_pilot_program: tuple[int, tuple[int, int]] | None = None  # (paragraph start, program span)
        for s, e in sentences:
            sent_ents = [x for x in ents if s <= x.start_char < e]
            subject = self._sentence_subject(text, sent_ents, s)
            for cs, ce in self._spans(text[s:e], _CLAUSE_END, offset=s):
                clause_ents = [x for x in sent_ents if cs <= x.start_char < ce]
                clause_subject = self._clause_subject(text, clause_ents, cs) or subject
                facts.extend(self._verb_facts(text, cs, ce, clause_ents, clause_subject))
            facts.extend(self._honours(text, s, e, sent_ents))
            facts.extend(self._agreements(text, s, e, sent_ents, subject))
            pilot, prev_pilot_program = self._pilots(text, s, e, sent_ents, prev_pilot_program)
            facts.extend(pilot)
        facts.extend(self._funding(text, doc))
        for f in facts:
            f.update(context.when(f["trigger"][0]))
        return facts

    @staticmethod
    def _funding(text: str, doc: Doc) -> list[dict]:
        """投入/拨付/争取 … a sum of money: who funds what, with the measurement as the amount."""
        facts = []
        for ent in doc.ents:
            q, m = ent._.quantity or {}, ent._.measure or {}
            if q.get("kind") != "money":
                continue
            clause_start = max(text.rfind(c, 0, ent.start_char) for c in "，,；;。！？\n：:") + 1
            hit = _FUNDING.search(text, clause_start, ent.start_char)
            if not hit:
                continue
            target = m.get("purpose") or m.get("measured")
            facts.append({"relation": "funds", "subject": m.get("subject") or "publisher", "object": target,
                          "amount": (ent.start_char, ent.end_char), "trigger": hit.span()})
        return facts

    @staticmethod
    def _spans(text: str, ends: set[str], offset: int = 0) -> list[tuple[int, int]]:
        out, start = [], 0
        for i, c in enumerate(text):
            if c in ends:
                if text[start:i + 1].strip():
                    out.append((offset + start, offset + i + 1))
                start = i + 1
        if text[start:].strip():
            out.append((offset + start, offset + len(text)))
        return out

    @staticmethod
    def _opens(text: str, ent: Span, start: int) -> bool:
        lead = text[start:ent.start_char].strip()
        return lead == "" or re.fullmatch(r"(?:\d{4}年(?:以来)?|一年来|同时|此外|全年|今年|明年)[，,]?", lead) is not None

    def _sentence_subject(self, text: str, ents: list[Span], start: int):
        first = next((x for x in ents if x.label_ == "ORG"), None)
        if first is not None and self._opens(text, first, start):
            return (first.start_char, first.end_char)
        return "publisher"

    def _clause_subject(self, text: str, ents: list[Span], start: int):
        first = next((x for x in ents if x.label_ == "ORG"), None)
        if first is not None and self._opens(text, first, start):
            return (first.start_char, first.end_char)
        return None

    def _verb_facts(self, text: str, cs: int, ce: int, ents: list[Span], subject) -> list[dict]:
        facts = []
        hits = []
        i = cs
        while i < ce:
            word = self.trigger_words.starting_at(text, i, ce)
            # a trigger counts where the tagger reads a verb there (举办 v), not inside another word
            if word and self.tag_at.get(i, "")[:1] == "v" and not any(x.start_char <= i < x.end_char for x in ents):
                hits.append((i, word))
                i += len(word)
            else:
                i += 1
        partners = []
        m = re.search(r"联合|会同|与", text[cs:ce])
        if m:
            after = cs + m.end()
            partners = [x for x in ents if x.label_ == "ORG" and after <= x.start_char and
                        (not hits or x.start_char < max(h[0] for h in hits))]
        for n, (pos, word) in enumerate(hits):
            relation, object_labels = self.triggers[word]
            stop = hits[n + 1][0] if n + 1 < len(hits) else ce
            objects = [x for x in ents if pos < x.start_char < stop and x.label_ in object_labels]
            for obj in objects:
                base = {"relation": relation, "subject": subject, "object": (obj.start_char, obj.end_char),
                        "trigger": (pos, pos + len(word))}
                facts.append(base)
                if relation in ("organizes", "hosts") and partners and pos > partners[0].start_char:
                    for p in partners:
                        facts.append({**base, "relation": "coOrganizes", "agent": (p.start_char, p.end_char)})
        return facts

    def _honours(self, text: str, s: int, e: int, ents: list[Span]) -> list[dict]:
        facts = []
        for m in _HONOUR.finditer(text, s, e):
            honour = (m.group("q") or m.group("p") or "").strip()
            if not honour or len(honour) < 3:
                continue
            before = [x for x in ents if x.end_char <= m.start() and x.label_ in ("ORG", "PERSON", "PLACE")]
            if not before:
                continue
            bei = text.rfind("被", s, m.start())
            agent = None
            clause_start = max(text.rfind(c, s, m.start()) for c in "，,；;：:") + 1
            before = [x for x in before if x.start_char >= max(clause_start, s)]  # the recipient is in the same clause
            if bei >= 0:
                recipients = [x for x in before if x.end_char <= bei]
                agents = [x for x in before if x.start_char > bei and x.label_ == "ORG"]
                agent = agents[0] if agents else None
            else:
                recipients = before
            if not recipients:
                continue
            recipient = recipients[-1]
            facts.append({"relation": "receivedHonour", "subject": (recipient.start_char, recipient.end_char),
                          "honour": honour, "agent": (agent.start_char, agent.end_char) if agent else None,
                          "trigger": (m.start(), m.start() + 2)})
        return facts

    def _agreements(self, text: str, s: int, e: int, ents: list[Span], subject) -> list[dict]:
        facts = []
        for m in _AGREEMENT.finditer(text, s, e):
            clause_start = max(s, max(text.rfind(c, s, m.start()) for c in "，,；;：:") + 1)
            before = [x for x in ents if clause_start <= x.start_char and x.end_char <= m.start() and x.label_ == "ORG"]
            yu = text.rfind("与", clause_start, m.start())
            parties = [x for x in before if yu < 0 or x.start_char > yu]
            signer = next((x for x in reversed(before) if yu >= 0 and x.end_char <= yu), None)
            if not parties and signer is None:
                continue  # 为双方签署协议: no party named in the clause
            subj = (signer.start_char, signer.end_char) if signer else subject
            for p in parties[:1] or [None]:
                if p is not None and subj == (p.start_char, p.end_char):
                    continue
                facts.append({"relation": "signsAgreement", "subject": subj, "honour": m.group("a"),
                              "agent": (p.start_char, p.end_char) if p else None, "trigger": (m.start(), m.start() + 2)})
        return facts

    def _pilots(self, text: str, s: int, e: int, ents: list[Span], prev):
        facts = []
        para_start = text.rfind("\n", 0, s) + 1
        programs = [x for x in ents if x.label_ == "PROGRAM"]
        if "试点" not in text[s:e]:
            return facts, prev
        program = None
        if programs:
            program = (programs[0].start_char, programs[0].end_char)
        elif prev is not None and prev[0] == para_start:
            program = prev[1]
        if program is None:
            return facts, prev
        pos = text.index("试点", s)
        for place in ents:
            if place.label_ == "PLACE" and place._.key and str(place._.key).isdigit() and len(place.text) >= 3:
                facts.append({"relation": "pilotOf", "subject": (place.start_char, place.end_char),
                              "object": program, "trigger": (pos, pos + 2)})
        return facts, (para_start, program)


@Language.factory("kg_relations", assigns=["doc._.kg_facts"], requires=["doc.ents", "doc._.kg_meta"])
def make_relations(nlp: Language, name: str):
    """Find facts from sentence patterns."""
    finder = RelationFinder()

    def component(doc: Doc) -> Doc:
        doc._.kg_facts = finder(doc)
        return doc

    return component
