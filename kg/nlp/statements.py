"""When a statement holds and whether it reports or plans: shared by measurements and facts.

A statement's period is the nearest year written before it in its sentence
(``截至2021年底``), else the year of the section it sits in (``2021年工作开展情况``).
It is ``planned`` under a planning heading (``2022年重点工作任务``) or when its
sentence carries a planning cue used as an adverb or verb (将, 要, 力争 …; not
将 as a preposition), else ``reported``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from ..data import column
from .components.document import first_year, plan_period
from .words import words

_ESTIMATES = {"预计"}
# years named relative to the report's own
# (上年 is left out: 比上年增长 compares, it does not date)
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "明年": 1}
_RELATIVE_YEAR = re.compile(r"今年|去年|明年")
_FIVE_YEARS = re.compile(r"这五年|五年来|五年间|五年中|过去五年|“?十[一二三四五六七八九]五”?时期")
_PAST_YEAR = re.compile(r"过去的?一年|刚刚过去的|一年来|(?:\d{4}|[一二][〇○零一二三四五六七八九]{3})年，")
_SENTENCE_END = set("。！？!?\n")
_SENTENCE_END_RE = re.compile("[" + re.escape("".join(sorted(_SENTENCE_END))) + "]")
# a paragraph of a plan part that opens on the year gone by (过去一年，我们…) reports that year
_GONE_YEAR = re.compile(r"过去的?一年|刚刚过去的一年|一年来")
# a goal named as met (全面实现年初确定的主要目标) reports; it plans nothing
_GOAL_MET = re.compile(r"(?:实现|完成|达到|确定的|定下的)[^，,；;。]{0,6}$")
# tags under which 将, 要 … plan ahead (将 is also 把, a preposition: 将科技馆建设纳入…)
_CUE_TAGS = {"d", "v", "vd", "ad"}
# a background phrase (在1979到1983年平均每年递增7.9%的基础上，比上年增长14.2%): the years in it date
# the base the statement builds on, not the statement
_YEAR_PLAN = re.compile(r"(?:\d{4}|[一二][〇○零一二三四五六七八九]{3})年度?(?:国民经济)?计划$")
_BACKGROUND = re.compile(r"在[^，,。；;]{2,40}?的基础上")


class StatementContext:
    """Period and status of any position of one analysed Doc."""

    def __init__(self, doc: Doc, plan_cues: set[str] | None = None):
        self.doc = doc
        self.text = doc._.kg_norm.text
        self.sections = (doc._.kg_meta or {}).get("sections", [])
        self.report_year = (doc._.kg_meta or {}).get("year")

        self.section_starts = [s["start"] for s in self.sections]
        self.plan_cues = plan_cues if plan_cues is not None else set(
            column("status_cues.tsv", "word", where=("scope", "sentence")))
        self.dates = [(e.start_char, e.text) for e in doc.ents
                      if e.label_ == "DATE" and (first_year(e.text) or plan_period(e.text))
                      or _YEAR_PLAN.match(e.text)]  # 一九八一年计划为百分之三点七: the year's plan dates its figure
        # years named relative to the report's own (今年, 去年, 明年), where the report's year is known
        if self.report_year:
            self.dates += [(m.start(), f"{self.report_year + _RELATIVE_YEARS[m.group()]}年")
                           for m in _RELATIVE_YEAR.finditer(self.text)]
            self.dates.sort()
        self.date_starts = [p for p, _t in self.dates]
        self.goal_cues = tuple(column("status_cues.tsv", "word", where=("scope", "goal")))
        self._planned_sentence: dict[tuple[int, int, bool], bool] = {}
        self._cues: tuple | None = None  # (words, cue word indices, those that are no estimate)
        self._review_marks: dict[int, list[tuple[int, bool]]] = {}
        self._sentence_ends: list[int] | None = None

    def sentence(self, pos: int) -> tuple[int, int]:
        """Character span of the sentence around ``pos``."""
        ends = self._sentence_ends
        if ends is None:  # where sentences end, found once
            ends = self._sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(self.text)]
        k = bisect_left(ends, pos)
        return (ends[k - 1] + 1 if k else 0), (ends[k] if k < len(ends) else len(self.text))

    def section(self, pos: int) -> dict | None:
        k = bisect_right(self.section_starts, pos) - 1
        return self.sections[k] if k >= 0 else None

    def when(self, pos: int) -> dict:
        """``{"period": int | None, "period_end": int | None, "period_text": str | None,
        "status": "reported" | "planned"}``; ``period_end`` is set for an interval (a plan period)."""
        sent_start, sent_end = self.sentence(pos)
        k = bisect_right(self.section_starts, pos)
        section = self.sections[k - 1] if k else None
        year_section = next((s for s in reversed(self.sections[:k]) if s["year"] is not None or s.get("period")), None)
        in_sentence = self.dates[bisect_left(self.date_starts, sent_start):bisect_left(self.date_starts, sent_end)]
        # the date written before the statement in its sentence; one after it compares (快于2024年)
        background = [m.span() for m in _BACKGROUND.finditer(self.text, sent_start, pos)]
        before = [d for d in in_sentence if d[0] < pos and not any(a <= d[0] < b for a, b in background)]
        chosen = before[-1] if before else None
        period = period_end = period_text = None
        if chosen is not None:
            years = plan_period(chosen[1])
            if years is not None:
                (period, period_end), period_text = years, chosen[1]
            else:
                period, period_text = first_year(chosen[1]), chosen[1]
        elif year_section is not None and year_section["year"] is None:
            period, period_end = year_section["period"]  # 二、“十五五”时期目标任务: the plan period itself
        elif year_section is not None:
            period = year_section["year"]
            # a review of a plan period and of its last year (“十四五”时期和2025年工作回顾): the
            # paragraphs on "these five years" report the plan period, those on "the past year"
            # that year, and the paragraphs after each take the same until the other is named
            if year_section.get("period") and year_section.get("kind") == "review" \
                    and self._five_years(year_section, sent_start):
                period, period_end = year_section["period"]
        if period is None and not self.sections[:k]:
            period = self.report_year  # the report's header and opening: its own year
        from_paragraph = False
        if period is None and self.sections[:k]:
            # a part naming no year: the year its paragraph last named (刚刚过去的1992年，…。…国民生产总值比上年增长…)
            period = self._paragraph_year(sent_start)
            from_paragraph = period is not None
        part = next((s for s in reversed(self.sections[:k]) if s["level"] == 0), None)
        planned = any(bool(s and s["planned"]) for s in (year_section, section, part))
        if planned and self.report_year and period is not None and period < self.report_year \
                and (from_paragraph or year_section is None and before
                     and all((first_year(t) or self.report_year) < self.report_year for _p, t in before)) \
                and not self._sentence_plans(sent_start, max(pos, sent_start + 1)):
            # a part naming no year on the situation and the tasks (一、当前国内形势和基本任务) or on a plan
            # (二、第一个五年计划概要) reports what its sentence dates in past years only (在工业农业总产值方面：
            # 一九五三年比一九五二年增长…) or its paragraph on a year gone by (过去一年里…。…比上年增长9.3%)
            planned = False
        if planned and chosen is not None and year_section is not None and year_section["year"] \
                and ((period_end or period) < year_section["year"] or period_end is not None):
            # a past date in a plan (加快建设“十四五”批复的基地) names what is referred to, not when
            # the plan holds, and so does a plan period around the year planned (确保“十四五”圆满收官):
            # the plan part's year does
            period, period_end, period_text = year_section["year"], None, None
        if not planned:
            # a planning cue governs what follows it (力争…增长5%); one after the statement
            # (…制定《规范》，确保…) opens a purpose clause of its own; in a review, 预计 estimates a
            # result not yet counted (预计地区生产总值增长6%左右), it plans nothing
            review = part is not None and part.get("kind") == "review" or \
                year_section is not None and year_section.get("kind") == "review"
            planned = self._sentence_plans(sent_start, max(pos, sent_start + 1), estimates=review) \
                or self._names_goal(sent_start, pos)  # 主要预期目标是：…
        elif chosen is None and self.report_year and period is not None and period >= self.report_year \
                and not self._sentence_plans(sent_start, max(pos, sent_start + 1)) and self._year_gone(sent_start):
            # in the part planning the report's year, a paragraph on the year gone by (2011年的工作:
            # 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%) reports that year
            planned, period, period_end, period_text = False, self.report_year - 1, None, None
        return {"period": period, "period_end": period_end, "period_text": period_text,
                "status": "planned" if planned else "reported"}

    def _names_goal(self, start: int, pos: int) -> bool:
        """Whether the sentence before ``pos`` names the goals set (主要预期目标是：…), not as met
        (全面实现年初确定的主要目标，…)."""
        text = self.text[start:pos]
        for cue in self.goal_cues:
            i = text.find(cue)
            while i >= 0:
                if not _GOAL_MET.search(text, 0, i):
                    return True
                i = text.find(cue, i + 1)
        return False

    def _paragraph_year(self, sent_start: int) -> int | None:
        """The year the paragraph before the sentence at ``sent_start`` is about, else None: of the
        last sentence naming a year (a date entity, 今年/去年, or 过去一年 counted from the report's
        year), the first it names, its time frame; years after the frame in that sentence are its
        arguments (过去一年里取得的最重要的成绩，就是把1984年末至1985年一度出现的经济过热现象初步调整过来)."""
        para = self.text.rfind("\n", 0, sent_start) + 1
        marks = []
        for p, text in self.dates[bisect_left(self.date_starts, para):bisect_left(self.date_starts, sent_start)]:
            year = first_year(text)
            if year and not plan_period(text):
                marks.append((p, year))
        if self.report_year:
            marks += [(m.start(), self.report_year - 1) for m in _GONE_YEAR.finditer(self.text, para, sent_start)]
        if not marks:
            return None
        marks.sort()
        last = self.sentence(marks[-1][0])[0]
        return next(y for p, y in marks if p >= last)

    def _year_gone(self, sent_start: int) -> bool:
        """Whether the paragraph, before the sentence at ``sent_start``, last named the year gone by
        (过去一年, 一年来) rather than a year or the year now (今年)."""
        para = self.text.rfind("\n", 0, sent_start) + 1
        before = self.text[para:sent_start]
        gone = [m.end() for m in _GONE_YEAR.finditer(before)]
        if not gone:
            return False
        other = [m.end() for m in re.finditer(r"今年|明年|(?:\d{4}|[一二][〇○零一二三四五六七八九]{3})年", before)]
        return max(gone) > max(other, default=-1)

    def five_years_before(self, pos: int) -> bool:
        """Whether a statement at ``pos`` is about five years: its paragraph last named them (这五年,
        五年来) rather than the past year, or, naming neither, its part reviews them (过去五年工作回顾,
        “九五”时期…的回顾)."""
        para = self.text.rfind("\n", 0, pos) + 1
        marks = [(m.start(), True) for m in _FIVE_YEARS.finditer(self.text, para, pos)] \
            + [(m.start(), False) for m in _PAST_YEAR.finditer(self.text, para, pos)]
        if marks:
            return max(marks)[1]
        k = bisect_right(self.section_starts, pos)
        part = next((s for s in reversed(self.sections[:k]) if s["level"] <= 1), None)
        return part is not None and part.get("kind") != "plan" and not part.get("planned") \
            and (_FIVE_YEARS.search(part["text"]) is not None or part.get("kind") == "review" and part.get("period") is not None)

    def _five_years(self, section: dict, pos: int) -> bool:
        """Whether the review paragraphs up to ``pos`` last spoke of the plan period's five years."""
        key = section["start"]
        if key not in self._review_marks:
            marks, offset = [], section["end"]
            nxt = next((s["start"] for s in self.sections if s["start"] > section["start"] and s["level"] <= section["level"]),
                       len(self.text))
            for paragraph in self.text[offset:nxt].split("\n"):
                five, year = _FIVE_YEARS.search(paragraph), _PAST_YEAR.search(paragraph)
                if five or year:
                    first = min(m.start() for m in (five, year) if m)
                    marks.append((offset, bool(five and five.start() == first)))
                offset += len(paragraph) + 1
            self._review_marks[key] = marks
        k = bisect_right([m[0] for m in self._review_marks[key]], pos) - 1
        return k >= 0 and self._review_marks[key][k][1]

    def _sentence_plans(self, start: int, end: int, estimates: bool = False) -> bool:
        key = (start, end, estimates)
        if key not in self._planned_sentence:
            # the words overlapping [start, end), read from the Doc's arrays (as char_span(..., "expand")
            # would give them, without a Token object per word): is one of them a cue?
            w = words(self.doc)
            cues = self._cue_words(w)[2 if estimates else 1]
            k = bisect_left(cues, bisect_right(w.ends, start))
            self._planned_sentence[key] = k < len(cues) and cues[k] < bisect_left(w.starts, end)
        return self._planned_sentence[key]

    def _cue_words(self, w) -> tuple:
        """(``w``, indices of the words of ``w`` that are planning cues, those of them that are no
        estimate), found once per token table: a statement's sentence is then searched by bisection,
        not word by word (a report has hundreds of numbers). A cue is a word with a cue's tag, or 将
        read as a preposition right before a verb (将新建: the future, not 把)."""
        if self._cues is None or self._cues[0] is not w:
            text = self.text  # kg_norm.text: doc.text, without rebuilding it
            found = []
            for cue in self.plan_cues:  # where each cue is written, kept where it is a whole word
                i = text.find(cue) if cue else -1
                while i >= 0:
                    k = bisect_left(w.starts, i)
                    if k < len(w.starts) and w.starts[k] == i and w.ends[k] == i + len(cue) and (
                            w.tags[k] in _CUE_TAGS
                            or w.tags[k] == "p" and k + 1 < len(w.tags) and w.tags[k + 1][:1] == "v"):
                        found.append(k)
                    i = text.find(cue, i + 1)
            found.sort()
            self._cues = (w, found, [k for k in found if text[w.starts[k]:w.ends[k]] not in _ESTIMATES])
        return self._cues
