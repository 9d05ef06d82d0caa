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
from bisect import bisect_left

import numpy

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...data import column, load_table
from ..statements import StatementContext
from ..text import WordSet

_CLAUSE_END = set("，,；;。！？!?\n：:")
_SENT_END = set("。！？!?\n")
_HONOUR = re.compile(r"(?:授予|评为|荣获|获评|命名为|获得)(?:“(?P<q>[^”]{2,40})”|(?P<p>[^，。；“”\n]{2,40}?))(?:荣誉)?(?:称号|奖|$|[，。；])")
_FUNDING = re.compile(r"投入|拨付|争取|安排|下达|筹集|落实")
_TOPIC = re.compile(r"学习贯彻|学习宣传|贯彻落实|传达学习|学习|贯彻|围绕|就|关于|针对")
_HOLDING = {"举办", "主办", "组织", "办好", "承办"}
# what follows a name held as an activity: 活动, 系列活动, 巡讲活动, a count of sessions (40期, 3次)
_ACTIVITY = re.compile(r"(?:[\u4e00-\u9fff]{0,2}活动|[\d一二三四五六七八九十百千万]+(?:期|场|次|届))")
_LEADS = re.compile(r"(?:牵头|责任|主责)(?:单位|部门)[：:]")
_GRANTED = re.compile(r"获批|入选|获得批复|成功申报")
_PILOT_PLACE = re.compile(r"(?:城市|地区|县|市|省|区|旗|盟|单位|园区|示范区)")
# a verb that makes another act (支持民营企业参与…): what follows is the other's act
_CAUSATIVE = re.compile(r"(?:支持|鼓励|引导|帮助|动员)[\u4e00-\u9fff]{1,8}(?:参与|参加|开展|实施)$")
# after an object, a noun the verb phrase modifies: 融入“一带一路”建设的深度
# after objects in 以…为重点的 (以“扩中”、“提低”为重点的改革): they qualify the noun that follows
_MODIFIER_RUN = re.compile(r"”?(?:[、和及与]“?[^，。；“”、]{1,12}”?)*为[\u4e00-\u9fff]{1,3}的")
_MODIFIER_AFTER = re.compile(r"”?(?:建设|工作|发展)?的")
# after a program, what a place or body before it has of it: 节点城市, 建设, 试点
# after a program, a zone named for it (美丽中国先行区): building the zone is not running the program
_ZONE_AFTER = re.compile(r"”?(?:先行区|示范区|先导区|样板区)")
_POSSESSED = re.compile(r"(?:[双两三]|[两三]个)?(?:节点|建设|试点|示范|创建|枢纽|集结中心)")
# after a program, its verb with the program fronted: (工作|建设)? (深入|全面 …)? 实施 and the clause ends
_FRONTED = re.compile(r"(?:工作|建设)?(?:深入|全面|扎实|有序|稳步|持续|加快|顺利|深化)?(?P<verb>实施|推进|开展|落实)(?=[，。；,;]|$)")
# 以 X (交汇点建设)? 为 抓手 / 统揽 / 牵引 …: X is what the subject works through
_MEANS = re.compile(r"[\u4e00-\u9fff]{0,6}?为(?:抓手|统揽|牵引|载体|引领|主线|突破口|总抓手)")
# (the runs of list items below take no 、 inside an item: with it, a long list of names backtracked
# without end, one sentence of 40 names taking minutes)
_PILOTED = re.compile(r"(?:(?:[、和及与]“?[^，。；“”、]{1,20}”?)*)(?:[双两三]|[两三]个)?(?:试点|示范)")
_RUN_GAP = re.compile(r"”?(?:、|和|及|与)“?")
# 开展“甲”精品活动103场: activities counted by the session are held, not a campaign run
_COUNTED_ACTIVITIES = re.compile(r"[\u4e00-\u9fff]{0,2}活动[\d一二三四五六七八九十百千万余多]+(?:场|次|期|轮)")
_LISTED_ACTIVITIES = re.compile(r"(?:[、和及]“?[^，。；“”、]{1,20}”?)*等(?:[\u4e00-\u9fff]{0,2})活动")
_SPEECH = re.compile(r"上的(?:重要)?(?:讲话|报告|致辞|重要指示)")
# between a speaker and 在…上的讲话: a title (总书记), and an earlier speech of the same speaker joined
# to this one (总书记“七一”重要讲话精神和在…上的重要讲话)
_SPEAKER_GAP = re.compile(r"[\u4e00-\u9fff]{0,4}(?:[“”\u4e00-\u9fff]{0,12}?(?:讲话|指示|批示|贺词|贺信|回信|致辞)(?:精神)?(?:和|以及|、))?")
_VENUE = re.compile(r"在[^，。；\n]{2,40}?(?P<verb>召开|举行|举办|开幕|闭幕)")
_PARTNER = re.compile(r"联合|会同|携手|与")
_AGREEMENT = re.compile(r"签(?:署|订)(?P<a>[^，。；\n]{0,20}?协议)")


def _between(text: str, agents: list[Span], pos: int) -> str:
    """The text between listed agents and after the last one up to ``pos``, agents removed."""
    out, last = [], agents[0].end_char
    for a in agents[1:]:
        out.append(text[last:a.start_char])
        last = a.end_char
    out.append(text[last:pos])
    return "".join(out)


class RelationFinder:
    def __init__(self):
        self.triggers: dict[str, dict[str, str]] = {}
        # (word, object type) -> what must follow the object, a pattern (加强“甲”建设: 加强 takes any noun)
        self.then: dict[tuple[str, str], str] = {}
        for r in load_table("relation_triggers.tsv"):
            self.triggers.setdefault(r["word"], {})[r["object"]] = r["relation"]
            if r.get("then"):
                self.then[(r["word"], r["object"])] = r["then"]
        self.trigger_words = WordSet(self.triggers)
        # third-party platforms and apps: channels a body publishes through, not programs it runs
        self.channels = set(column("platforms.tsv", "name"))
        self.program_heads = tuple(w for w in column("program_cues.tsv", "word", where=("label", "PROGRAM")) if len(w) >= 2)

    def __call__(self, doc: Doc) -> list[dict]:
        text = doc._.kg_norm.text
        context = StatementContext(doc)
        ents = [e for e in doc.ents if e.label_ != "QUANTITY"]
        strings = doc.vocab.strings
        # token table as arrays: tags (64-bit hashes) turned into strings once per distinct tag
        rows = doc.to_array(["IDX", "TAG", "LENGTH"])
        tag_hashes, tag_index = numpy.unique(rows[:, 1], return_inverse=True)
        tag_names = [strings[int(t)] for t in tag_hashes]
        tag_at = dict(zip(rows[:, 0].astype("int64").tolist(),
                          zip(map(tag_names.__getitem__, tag_index.ravel().tolist()), rows[:, 2].astype("int64").tolist())))
        token_starts = sorted(tag_at)  # looked up by bisection: clause by clause, never all tokens
        ents.sort(key=lambda x: x.start_char)
        ent_starts = [x.start_char for x in ents]
        facts: list[dict] = []
        sentences = self._spans(text, _SENT_END)
        prev_pilot_program: tuple[int, tuple[int, int]] | None = None  # (paragraph start, program span)
        for s, e in sentences:
            first, last = bisect_left(ent_starts, s), bisect_left(ent_starts, e)
            sent_ents = ents[first:last]
            # the subject of a clause that names none is the last one named in the sentence (a topic chain)
            subject = self._sentence_subject(text, sent_ents, s)
            sentence_subject = subject
            for cs, ce in self._spans(text[s:e], _CLAUSE_END, offset=s):
                clause_ents = ents[bisect_left(ent_starts, cs, first, last):bisect_left(ent_starts, ce, first, last)]
                if cs > s and text[cs - 1] in "；;":
                    subject = sentence_subject  # a semicolon closes a topic chain
                subject = self._clause_subject(text, clause_ents, cs) or subject
                clause_tokens = token_starts[bisect_left(token_starts, cs):bisect_left(token_starts, ce)]
                facts.extend(self._verb_facts(text, cs, ce, clause_ents, subject, tag_at, clause_tokens))
            facts.extend(self._honours(text, s, e, sent_ents))
            facts.extend(self._agreements(text, s, e, sent_ents, subject))
            facts.extend(self._speeches(text, s, e, sent_ents))
            facts.extend(self._venues(text, s, e, sent_ents))
            facts.extend(self._owners(text, sent_ents))
            facts.extend(self._authors(text, sent_ents))
            facts.extend(self._possession_facts(text, sent_ents))
            facts.extend(self._fronted(text, s, e, sent_ents, subject))
            pilot, prev_pilot_program = self._pilots(text, s, e, sent_ents, prev_pilot_program, sentence_subject)
            facts.extend(pilot)
        facts.extend(self._funding(text, doc))
        facts.extend(self._byline(doc, text, ents))
        facts = self._lead_units(text, ents, facts)
        for f in facts:
            f.update(context.when(f["trigger"][0]))
            if text[f["trigger"][1]:f["trigger"][1] + 1] == "了":
                f["status"] = "reported"  # 编制了: the perfective marks what is done, in a plan part too
        return self._unique(facts)

    @staticmethod
    def _lead_units(text: str, ents: list[Span], facts: list[dict]) -> list[dict]:
        """``…（牵头单位：交通厅、公安厅）``: the bodies named as leads of an item (a line of a task
        list or an annex) implement its programs in the report author's stead."""
        leads: dict[int, list[tuple[int, int]]] = {}  # line start -> lead units
        for m in _LEADS.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            close = text.find("）", m.end())
            close = close if close >= 0 else text.find(")", m.end())
            units = [(x.start_char, x.end_char) for x in ents
                     if x.label_ == "ORG" and m.end() <= x.start_char and (close < 0 or x.end_char <= close)]
            if units:
                leads.setdefault(line_start, []).extend(units)
        if not leads:
            return facts
        out = []
        for f in facts:
            line_start = text.rfind("\n", 0, f["trigger"][0]) + 1
            units = leads.get(line_start)
            if f["relation"] == "implements" and f["subject"] == "publisher" and units:
                out.extend({**f, "subject": u} for u in units)
            else:
                out.append(f)
        return out

    @staticmethod
    def _unique(facts: list[dict]) -> list[dict]:
        """One fact per (relation, subject, object, sentence position): rules that overlap add nothing twice."""
        seen, out = set(), []
        for f in facts:
            key = (f["relation"], f["subject"], f.get("object"), f.get("honour"), f["trigger"])
            if key not in seen:
                seen.add(key)
                out.append(f)
        return out

    @staticmethod
    def _speeches(text: str, s: int, e: int, ents: list[Span]) -> list[dict]:
        """``PERSON(总书记)在EVENT、EVENT上的(重要)讲话``: the speaker attended the events."""
        facts = []
        for m in _SPEECH.finditer(text, s, e):
            events, pos = [], m.start()
            for x in reversed([x for x in ents if x.end_char <= pos]):
                if x.label_ == "EVENT" and re.fullmatch(r"[、和及与]?", text[x.end_char:pos]):
                    events.append(x)
                    pos = x.start_char
                else:
                    break
            if not events or text[pos - 1:pos] != "在":
                continue
            speaker = next((x for x in reversed(ents) if x.end_char <= pos - 1 and x.label_ == "PERSON"), None)
            if speaker is None or not _SPEAKER_GAP.fullmatch(text, speaker.end_char, pos - 1):
                continue
            for ev in events:
                facts.append({"relation": "attends", "subject": (speaker.start_char, speaker.end_char),
                              "object": (ev.start_char, ev.end_char), "trigger": (m.start(), m.end())})
        return facts

    @staticmethod
    def _byline(doc: Doc, text: str, ents: list[Span]) -> list[dict]:
        """A report titled ``在EVENT上的工作报告`` with a named author: the author attended the event."""
        meta = doc._.kg_meta or {}
        title, author = meta.get("title"), meta.get("author")
        if not title or not author:
            return []
        m = re.match(r"\s*在(.+?)上的(?:工作)?(?:报告|讲话)", text[title[0]:title[1]])
        if not m:
            return []
        event = next((x for x in ents if x.label_ == "EVENT" and x.start_char == title[0] + m.start(1)), None)
        if event is None:
            return []
        return [{"relation": "attends", "subject": tuple(author), "object": (event.start_char, event.end_char),
                 "trigger": (title[0], title[0] + 1)}]

    @staticmethod
    def _venues(text: str, s: int, e: int, ents: list[Span]) -> list[dict]:
        """``EVENT在X(第二会议室)召开`` and ``在X召开EVENT``: where an event takes place."""
        facts = []
        for m in _VENUE.finditer(text, s, e):
            at = m.start()
            venue = next((x for x in ents if x.start_char == at + 1 and x.label_ in ("PLACE", "ORG")), None)
            if venue is None:
                continue
            event = next((x for x in ents if x.end_char == at and x.label_ == "EVENT"), None)
            if event is None:
                after = m.end()
                event = next((x for x in ents if x.start_char == after and x.label_ == "EVENT"), None)
            if event is None or not re.fullmatch(r"[\u4e00-\u9fff]{0,8}", text[venue.end_char:m.start("verb")]):
                continue
            facts.append({"relation": "takesPlaceIn", "subject": (event.start_char, event.end_char),
                          "object": (venue.start_char, venue.end_char), "trigger": (m.start("verb"), m.end("verb"))})
        return facts

    @staticmethod
    def _authors(text: str, ents: list[Span]) -> list[dict]:
        """``自治区党委办公厅《工作交流》``, ``以自治区政府名义印发《…》``: who issues a document."""
        facts = []
        for x in ents:
            if x.label_ != "WORK" or text[x.start_char - 1:x.start_char] != "《":
                continue
            lead = x.start_char - 1
            author = next((o for o in ents if o.label_ == "ORG" and o.end_char == lead), None)
            if author is None:
                m = re.search(r"以([^，。；《]{2,20})名义(?:印发|发布|出台)$", text[max(0, lead - 30):lead])
                if m:
                    start = max(0, lead - 30) + m.start(1)
                    author = next((o for o in ents if o.label_ == "ORG" and o.start_char == start), None)
            if author is not None:
                facts.append({"relation": "issues", "subject": (author.start_char, author.end_char),
                              "object": (x.start_char, x.end_char), "trigger": (lead, lead + 1)})
        return facts

    @staticmethod
    def _owners(text: str, ents: list[Span]) -> list[dict]:
        """``“金葵花行动”（朝阳科协）``: the body in brackets after a program runs it."""
        facts = []
        for x in ents:
            if x.label_ != "PROGRAM":
                continue
            end = x.end_char + (1 if text[x.end_char:x.end_char + 1] == "”" else 0)
            if text[end:end + 1] not in "（(" or end >= len(text):
                continue
            owner = next((o for o in ents if o.start_char == end + 1 and o.label_ == "ORG"), None)
            if owner is not None and text[owner.end_char:owner.end_char + 1] in "）)":
                facts.append({"relation": "implements", "subject": (owner.start_char, owner.end_char),
                              "object": (x.start_char, x.end_char), "trigger": (end, end + 1)})
        return facts

    @staticmethod
    def _funding(text: str, doc: Doc) -> list[dict]:
        """投入/拨付/争取 … a sum of money: who funds what, with the measurement as the amount.

        What is funded is a named program, event or organization: the one the amount is for when
        it is named (用于X), else the last one named before the verb in the sentence
        (实施X计划，拨付资金2565万元).
        """
        facts = []
        targets = [e for e in doc.ents if e.label_ in ("PROGRAM", "EVENT", "ORG")]
        for ent in doc.ents:
            q, m = ent._.quantity or {}, ent._.measure or {}
            if q.get("kind") != "money":
                continue
            clause_start = max(text.rfind(c, 0, ent.start_char) for c in "，,；;。！？\n：:") + 1
            hit = _FUNDING.search(text, clause_start, ent.start_char)
            if not hit:
                continue
            sentence_start = max(text.rfind(c, 0, ent.start_char) for c in "。！？\n") + 1
            purpose = m.get("purpose")
            named = next((t for t in targets if purpose and (t.start_char, t.end_char) == tuple(purpose)), None)
            if named is None:
                before = [t for t in targets if sentence_start <= t.start_char and t.end_char <= hit.start()
                          and t.label_ != "ORG"]
                named = before[-1] if before else None
            if named is None:
                continue
            facts.append({"relation": "funds", "subject": m.get("subject") or "publisher",
                          "object": (named.start_char, named.end_char),
                          "amount": (ent.start_char, ent.end_char), "trigger": hit.span()})
        return facts

    @staticmethod
    def _spans(text: str, ends: set[str], offset: int = 0) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in _end_pattern(ends).finditer(text):  # the end characters found by one compiled scan
            i = m.start()
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

    def _verb_facts(self, text: str, cs: int, ce: int, ents: list[Span], subject, tag_at: dict,
                    tokens: list[int]) -> list[dict]:
        hits = []
        for i in tokens:
            tag, length = tag_at[i]
            if tag not in ("v", "vd", "p", "ad") or any(x.start_char <= i < x.end_char for x in ents):
                continue
            # a trigger counts where the tagger reads a verb: the whole token (举办), its last part
            # (深入开展 and 积极参与, which LAC tags as adverbs), or a verb running over two tokens
            # (做/精), never a verb inside another word
            token = text[i:min(i + length, ce)]
            word = token if token in self.trigger_words else self.trigger_words.ending_at(token, len(token))
            if word:
                hits.append((i + len(token) - len(word), word))
            elif tag != "ad":
                longer = self.trigger_words.starting_at(text, i, ce)
                if longer and len(longer) > len(token):
                    hits.append((i, longer))
        # a verb that takes its object only with a word after it (加强…建设) and has none here is no
        # trigger: 实施饲草料供给提升、奶业振兴行动 does not stop at 提升
        hits = [(pos, word) for pos, word in hits if self._bound(text, pos, word, ce, ents)]
        if not hits:
            return []
        facts = []
        subjects = self._subjects(text, cs, hits[0][0], ents, subject)
        partners = self._partners(text, cs, hits[0][0], ents)
        for n, (pos, word) in enumerate(hits):
            by_label = self.triggers[word]
            stop = hits[n + 1][0] if n + 1 < len(hits) else ce
            topic = next((m for m in _TOPIC.finditer(text, pos + len(word), stop)
                          if not any(x.start_char <= m.start() < x.end_char for x in ents)), None)
            if topic:
                stop = topic.start()  # 召开会议学习贯彻…精神: what is studied is not held
            example = text.find("如", pos + len(word), stop)
            if example >= 0 and not any(x.start_char <= example < x.end_char for x in ents):
                stop = example  # 利用公众号如“A”、“B”: examples, not what the subject runs
            objects = [x for x in ents if pos < x.start_char < stop and x.label_ in by_label]
            passive = self._passive(text, cs, pos, ents, by_label)
            if passive is not None:  # X工作由A、B共同开展
                objects, subjects, partners = [passive[0]], passive[1][:1], passive[1][1:]
            if text[pos + len(word):pos + len(word) + 1] == "的":
                continue  # 新修订的X: a verb modifying a noun states no act of the subject's
            if _CAUSATIVE.search(text, cs, pos + len(word)) and not any(x.end_char == pos for x in ents):
                continue  # 支持民营企业参与X: the one made to act is not the subject
            if objects and _MODIFIER_AFTER.match(text, objects[-1].end_char):
                continue  # 融入“甲”和乙建设的深度不够: the verb phrase modifies a noun, nothing is done
            for obj in objects:
                if passive is None and self._classed(text, obj):
                    continue  # 动力电池、聚变能等重大国际会议: after 等 comes the kind of the things listed
                if passive is None and _MODIFIER_RUN.match(text, obj.end_char) and "以" in text[pos:obj.start_char]:
                    continue  # 深化以“甲”、“乙”为重点的X改革: the objects qualify another noun
                if not self._then_holds(text, word, obj, ce):
                    continue  # 加强“甲”宣传: 加强 builds a program only with 建设 after it
                relation = self._relation_for(text, obj, word, by_label)
                if relation == "implements" and obj.text in self.channels:
                    continue  # publishing through 学习强国 or 头条号 does not run it
                if _MODIFIER_AFTER.match(text, obj.end_char):
                    continue  # 融入X建设的深度不够: the verb phrase modifies a noun, nothing is done
                if relation == "implements" and _ZONE_AFTER.match(text, obj.end_char):
                    continue  # 建设美丽中国先行区: a zone, not the program it is named for
                if relation == "implements" and self._possessed(text, obj, ents):
                    continue  # 呼和浩特中欧班列节点城市: the possessor runs it (see _possessors)
                if relation == "attends":
                    person = next((x for x in reversed(ents) if x.end_char <= pos and x.label_ in ("PERSON", "ORG")), None)
                    if person is not None:
                        facts.append(self._fact(relation, person, obj, pos, word))
                    continue
                for k, subj in enumerate(subjects):
                    rel = "coOrganizes" if relation == "organizes" and k > 0 else relation
                    facts.append(self._fact(rel, subj, obj, pos, word))
                if relation == "organizes":
                    facts.extend(self._fact("coOrganizes", p, obj, pos, word) for p in partners)
        return facts

    @staticmethod
    def _possessed(text: str, program: Span, ents: list[Span]) -> bool:
        return bool(RelationFinder._possessors(text, program, ents))

    @staticmethod
    def _possessors(text: str, program: Span, ents: list[Span]) -> list[Span]:
        """Places or bodies written right before a program that is built, piloted or served in
        them (呼和浩特、乌兰察布中欧班列节点城市; 内蒙古大学“双一流”建设)."""
        if program.label_ != "PROGRAM":
            return []
        # the coordinated run of programs it stands in (“甲”、“乙”双试点建设)
        programs = [x for x in ents if x.label_ == "PROGRAM"]
        first = last = program
        for x in programs:
            if x.start_char > last.end_char and _RUN_GAP.fullmatch(text[last.end_char:x.start_char]):
                last = x
        for x in reversed(programs):
            if x.end_char < first.start_char and _RUN_GAP.fullmatch(text[x.end_char:first.start_char]):
                first = x
        end = last.end_char + (text[last.end_char:last.end_char + 1] == "”")
        if not _POSSESSED.match(text, end):
            return []
        start = first.start_char - (text[first.start_char - 1:first.start_char] == "“")
        owners: list[Span] = []
        for x in reversed([x for x in ents if x.end_char <= start]):
            if x.label_ in ("PLACE", "ORG") and text[x.end_char:start] in ("", "、", "和"):
                owners.append(x)
                start = x.start_char
            else:
                break
        return owners[::-1]

    def _fronted(self, text: str, s: int, e: int, ents: list[Span], subject) -> list[dict]:
        """A program named before its verb: ``文化惠民工程深入实施``, ``“双减”工作深入实施``
        (topic first), and ``以“甲”交汇点建设为统揽`` (以 X 为 抓手, 牵引, 统揽 …)."""
        facts = []
        for x in ents:
            if x.label_ != "PROGRAM" or not (s <= x.start_char < e):
                continue
            after = x.end_char + (text[x.end_char:x.end_char + 1] == "”")
            m = _FRONTED.match(text, after)
            if m and m.group("verb") in self.triggers and self.triggers[m.group("verb")].get("PROGRAM") == "implements":
                clause_start = max(text.rfind(c, s, x.start_char) for c in "，,；;。：:") + 1
                lead = text[max(s, clause_start):x.start_char].strip("“")
                if lead and not re.fullmatch(r"[\u4e00-\u9fff]{0,6}", lead):
                    continue
                facts.append({"relation": "implements", "subject": subject, "object": (x.start_char, x.end_char),
                              "trigger": m.span("verb")})
                continue
            before = text[max(s, x.start_char - 2):x.start_char]
            if before.endswith(("以", "以“")) and _MEANS.match(text, after):
                facts.append({"relation": "implements", "subject": subject, "object": (x.start_char, x.end_char),
                              "trigger": (x.start_char - len(before), x.start_char)})
        return facts

    def _possession_facts(self, text: str, ents: list[Span]) -> list[dict]:
        facts = []
        for x in ents:
            if _PILOTED.match(text, x.end_char + (text[x.end_char:x.end_char + 1] == "”")):
                continue  # 鄂尔多斯“甲”试点: a pilot (see _pilots), not a place running it
            for owner in self._possessors(text, x, ents):
                facts.append({"relation": "implements", "subject": (owner.start_char, owner.end_char),
                              "object": (x.start_char, x.end_char), "trigger": (x.end_char, x.end_char + 1)})
        return facts

    def _then_holds(self, text: str, word: str, obj: Span, ce: int) -> bool:
        then = self.then.get((word, obj.label_))
        end = obj.end_char + (text[obj.end_char:obj.end_char + 1] == "”")
        return not then or re.match(then, text[end:ce]) is not None

    def _bound(self, text: str, pos: int, word: str, ce: int, ents: list[Span]) -> bool:
        """False for a verb whose every object type needs a word after the object when the entity
        after it (in its clause) has none."""
        by_label = self.triggers[word]
        if not all((word, label) in self.then for label in by_label):
            return True
        obj = next((x for x in ents if pos < x.start_char < ce), None)
        return obj is not None and obj.label_ in by_label and self._then_holds(text, word, obj, ce)

    @staticmethod
    def _classed(text: str, obj: Span) -> bool:
        """An object right after 等 (甲、乙等重大会议) names the kind of what was listed, not a thing."""
        lead = text[max(0, obj.start_char - 2):obj.start_char]
        return lead.endswith("等") and not lead.startswith(("高", "平", "均", "对", "同", "初", "中", "上", "次", "何"))

    def _relation_for(self, text: str, obj: Span, word: str, by_label: dict) -> str:
        """The relation a verb states with this object: a program held as an activity
        (举办“科普大讲堂”40期, 组织“…科普传播行”活动) is organized, not implemented."""
        relation = by_label[obj.label_]
        if obj.label_ == "PROGRAM" and not obj.text.endswith(self.program_heads):
            after = text[obj.end_char:obj.end_char + 12].lstrip("”\"")
            if word in _HOLDING and _ACTIVITY.match(after):
                return "organizes"
            # 开展“甲”、“乙”等活动: activities listed and held; 开展“丙”活动 runs a campaign
            if word in ("开展", "组织开展") and (_LISTED_ACTIVITIES.match(after) or _COUNTED_ACTIVITIES.match(after)):
                return "organizes"
        return relation

    @staticmethod
    def _fact(relation: str, subject, obj: Span, pos: int, word: str) -> dict:
        subj = subject if isinstance(subject, (str, tuple)) else (subject.start_char, subject.end_char)
        return {"relation": relation, "subject": subj, "object": (obj.start_char, obj.end_char),
                "trigger": (pos, pos + len(word))}

    @staticmethod
    def _subjects(text: str, cs: int, first_trigger: int, ents: list[Span], subject) -> list:
        """The clause's subjects: organizations listed at its start (A、B和C…), else the given one."""
        listed, pos = [], cs
        for x in ents:
            if x.start_char >= first_trigger:
                break
            if x.label_ != "ORG":
                continue
            gap = text[pos:x.start_char]
            if (not listed and RelationFinder._opens_at(gap)) or (listed and re.fullmatch(r"[、和与及]|以及", gap)):
                listed.append(x)
                pos = x.end_char
            else:
                break
        return listed or [subject]

    @staticmethod
    def _opens_at(lead: str) -> bool:
        lead = lead.lstrip("【“\"'(（")
        return lead.strip() == "" or re.fullmatch(
            r"\s*(?:\d{4}年(?:以来)?|一年来|同时|此外|全年|今年|明年|[一二三四五六七八九十\d]+月[一二三四五六七八九十\d]+日)[，,]?", lead) is not None

    @staticmethod
    def _partners(text: str, cs: int, first_trigger: int, ents: list[Span]) -> list[Span]:
        """Organizations after 联合/会同/与 and before the verb: the partners of an event held together."""
        m = _PARTNER.search(text, cs, first_trigger)
        if not m:
            return []
        return [x for x in ents if x.label_ == "ORG" and m.end() <= x.start_char and x.end_char <= first_trigger]

    @staticmethod
    def _passive(text: str, cs: int, pos: int, ents: list[Span], by_label: dict):
        """``OBJ由A、B(共同)VERB``: the object before 由 and the agents after it."""
        by = text.rfind("由", cs, pos)
        if by < 0:
            return None
        agents = [x for x in ents if x.label_ == "ORG" and by < x.start_char and x.end_char <= pos]
        obj = next((x for x in reversed(ents) if cs <= x.start_char and x.end_char <= by and x.label_ in by_label), None)
        if not agents or obj is None or not re.fullmatch(r"[、和与及\s]*(?:共同|联合|等)?\s*", _between(text, agents, pos)):
            return None
        return obj, agents

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
                              "object": (p.start_char, p.end_char) if p else None, "trigger": (m.start(), m.start() + 2)})
        return facts

    def _pilots(self, text: str, s: int, e: int, ents: list[Span], prev, subject="publisher"):
        """Places that pilot a program: ``支持鄂尔多斯“甲”、“乙”双试点建设``, ``X被确定为…试点城市``.

        The programs are those named before 试点 in its clause (a coordinated list), else, when 试点
        names a kind of pilot place (试点城市, 试点县), the sentence's first program or the one its
        paragraph last named; the places are the coded places of the clause, else of the sentence.
        """
        facts = []
        para_start = text.rfind("\n", 0, s) + 1
        if "试点" not in text[s:e]:
            return facts, prev
        places = [x for x in ents if x.label_ == "PLACE" and x._.key and str(x._.key).isdigit() and len(x.text) >= 3]
        programs = [x for x in ents if x.label_ == "PROGRAM"]
        last = prev
        for m in re.finditer("试点", text[s:e]):
            pos = s + m.start()
            cs = max([s] + [text.rfind(c, s, pos) + 1 for c in "，,；;：:"])
            ce = min([e] + [i for i in (text.find(c, pos, e) for c in "，,；;：:") if i >= 0])
            named = [x for x in programs if cs <= x.start_char and x.end_char <= pos]
            if named:
                chosen = [(x.start_char, x.end_char) for x in named]
            elif _PILOT_PLACE.match(text, pos + 2):
                if programs:
                    chosen = [(programs[0].start_char, programs[0].end_char)]
                elif prev is not None and prev[0] == para_start:
                    chosen = [prev[1]]
                else:
                    continue
            else:
                continue
            last = (para_start, chosen[0])
            here = [x for x in places if cs <= x.start_char < ce] or places
            if named and not here and _GRANTED.search(text, cs, named[0].start_char) \
                    and not any(x.label_ in ("PLACE", "ORG") for x in ents if cs <= x.start_char < pos):
                # 获批“甲”试点 with no place or body named: the subject (the report's author) won the
                # pilot and runs the program; pilotOf takes a place or body, so this is implements
                run, end = [], pos  # the programs written right before 试点 (“甲”“乙”试点), not those qualifying them
                for x in reversed(named):
                    if not re.fullmatch(r"”?" if not run else r"”?[、和及与]“?|”“", text[x.end_char:end]):
                        break
                    run.append(x)
                    end = x.start_char
                facts.extend({"relation": "implements", "subject": subject, "object": (x.start_char, x.end_char),
                              "trigger": (pos, pos + 2)} for x in reversed(run))
            for place in here:
                for program in chosen:
                    if any(f["subject"] == (place.start_char, place.end_char) and f["object"] == program for f in facts):
                        continue  # one fact a sentence, however often it says 试点
                    facts.append({"relation": "pilotOf", "subject": (place.start_char, place.end_char),
                                  "object": program, "trigger": (pos, pos + 2)})
        return facts, last


_END_PATTERNS: dict[frozenset, re.Pattern] = {}


def _end_pattern(ends) -> re.Pattern:
    """A pattern matching any one character of ``ends``, compiled once per set."""
    key = frozenset(ends)
    pattern = _END_PATTERNS.get(key)
    if pattern is None:
        pattern = _END_PATTERNS[key] = re.compile("[" + "".join(re.escape(c) for c in sorted(key)) + "]")
    return pattern


@Language.factory("kg_relations", assigns=["doc._.kg_facts"], requires=["doc.ents", "doc._.kg_meta"])
def make_relations(nlp: Language, name: str):
    """Find facts from sentence patterns."""
    finder = RelationFinder()

    def component(doc: Doc) -> Doc:
        doc._.kg_facts = finder(doc)
        return doc

    return component
