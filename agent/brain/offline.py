"""The offline brain: deterministic understanding of English and Chinese messages, no model needed.

`understand(message, expecting=..., options=...)` reads one user message and returns the facts it
states (as requirement field paths with values already in the field's unit), what the message does
(provides facts, confirms, rejects, corrects, asks a side question, resets, greets, or is nonsense),
the reply language and, when choices were offered, which one was picked.

Precision over recall: a number becomes a fact only with its unit (currency, time, tokens, a count
noun and a period...) or when the agent's pending question (`expecting`) says what a bare answer
means. Conversions are the constants in `lexicon` (30 days a month, 7.1 CNY to the dollar, ...);
facts that depend on one are marked "inferred". Clauses that are questions give no facts.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal

from whichmodel.agent.brain import lexicon as lx
from whichmodel.agent.brain import meaning
from whichmodel.agent.brain.numbers import (
    MAX_MESSAGE_CHARS,
    MessageTooLong,
    Number,
    find_numbers,
    lower_aligned,
    normalize,
)
from whichmodel.agent.events import Provenance
from whichmodel.agent.reply_script import CANTONESE
from whichmodel.agent.state import Fact
from whichmodel.knowledge.catalog.curated import PROVIDER_JURISDICTIONS
from whichmodel.knowledge.units import (
    DAYS_PER_MONTH,
    TEXT_CHUNK_TOKENS,
    TOKENS_PER_PAGE,
    TOKENS_PER_WORD,
    USD_PER,
    Lang,
    currency_of,
    detect_language,
    money,
    to_usd,
)
from whichmodel.tools.decision.explain import task_name
from whichmodel.tools.decision.names import value_name
from whichmodel.tools.report.script import written_in

Intent = Literal["provide", "confirm", "reject", "correction", "question", "reset", "nonsense", "greeting"]

MAX_NUMBERS = 2_000
"""Numbers read per message: far more than any statement of requirements; the message limit
(`agent.nodes.understanding.MAX_MESSAGE_CHARS`) keeps it from being reached by a message read whole."""
BOOL_PATHS = frozenset({
    "needs.tool_calling", "needs.structured_output", "needs.reasoning", "deployment.open_weights",
    "deployment.self_host", "data.proprietary_knowledge", "data.knowledge_changes_often", "data.novel_domain",
})  # fmt: skip


@dataclass(frozen=True)
class Understanding:
    """What one message says and does."""

    facts: tuple[Fact, ...]
    intent: Intent
    question: str | None
    language: Lang
    choice: str | None
    task_options: tuple[str, ...] = ()
    """When the task could not be told for sure: the likeliest task types, for a clarifying question."""


_ASCII_BOUNDARY = r"(?:(?<![a-z0-9_])(?=[a-z0-9_])|(?<=[a-z0-9_])(?![a-z0-9_]))"


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern, with `\\b` meaning an ASCII word boundary so "用openai" and "预计qps" match."""
    return re.compile(pattern.replace(r"\b", _ASCII_BOUNDARY))


_HAN = _rx(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class _Clause:
    start: int
    end: int
    question: bool


@dataclass
class _Scan:
    """One message being read: its text, clauses, period spans and numbers, and what has been used."""

    text: str  # normalised
    low: str  # lower-cased, same length
    masked: str  # `low` with periods and other number-bearing phrases blanked
    clauses: list[_Clause]
    periods: list[tuple[int, int, float]]
    per_counts: list[tuple[int, int, float]]
    numbers: list[Number]
    used: set[int] = field(default_factory=set)
    orphans: dict[str, list[tuple[float, int, int, str]]] = field(default_factory=dict)
    """Unit-bearing figures with no clear meaning yet, by kind: (value, start, end, shown)."""
    language: Lang = "en"
    task_options: tuple[str, ...] = ()
    negated_tasks: tuple[str, ...] = ()
    task_at: int | None = None
    """Where the task word that set the task starts (None when the task was read by meaning)."""
    facts: list[Fact] = field(default_factory=list)
    derived: list[Fact] = field(default_factory=list)
    """Facts read from what was said as it was said (they weigh as stated against guesses), but worked out
    from it: a rate made monthly, a vague amount, a range's top. Labelled "inferred" once read (`_labelled`)."""
    volume_items: list[tuple[Fact, str, int, int]] = field(default_factory=list)
    """Volumes read from a figure with its count noun: (fact, the noun, start, end), for `_summed_volumes`."""
    each_used: set[int] = field(default_factory=set)
    """Starts of "各一份" / "one for each of the two classes" already read into a volume (said once)."""
    proposals: set[int] = field(default_factory=set)
    """Starts of question clauses that only offer an answer ("hundred euros a month?"): no question."""
    _starts_cache: list[int] = field(default_factory=list)

    def clause_of(self, pos: int) -> _Clause:
        """The clause holding `pos` (by bisection: a long paste has thousands of clauses)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if 0 <= i < len(self.clauses) and self.clauses[i].start <= pos < self.clauses[i].end:
            return self.clauses[i]
        for c in self.clauses[max(i, 0) :]:
            if c.start <= pos < c.end:
                return c
        return self.clauses[-1]

    @property
    def _starts(self) -> list[int]:
        if len(self._starts_cache) != len(self.clauses):
            self._starts_cache[:] = [c.start for c in self.clauses]
        return self._starts_cache

    def span(self, start: int, end: int) -> str:
        """The message text at [start, end), widened to whole English words."""
        while start > 0 and self.low[start - 1].isascii() and self.low[start - 1].isalpha():
            start -= 1
        while end < len(self.low) and self.low[end].isascii() and self.low[end].isalpha():
            end += 1
        return self.text[start:end].strip(" ,;:")

    def add(
        self, path: str, value: object, provenance: Provenance, start: int, end: int, shown: str | None = None
    ) -> None:
        if (
            isinstance(value, float | int)
            and not isinstance(value, bool)
            and value <= 0
            and path != "data.labeled_examples"
        ):
            return  # a zero budget, latency or volume is a misreading, never a requirement
        self.facts.append(Fact(path, value, provenance, self.span(start, end), shown))


# --- clauses and questions -------------------------------------------------------------------------

_SPLIT = _rx(r"[。；;！!？?\n]|,(?!\d{3}(?!\d))|\.(?!\d)|\bbut\b|但是|不过|\bwhile\b|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
"""Clause breaks; a space between Chinese characters is one too ("一天两三百条 对了token是啥": people type
spaces for commas)."""


def _clauses(low: str) -> list[_Clause]:
    out: list[_Clause] = []
    start, after = 0, ""
    for m in _SPLIT.finditer(low):
        out.append(_Clause(start, m.start(), _is_question(low[start : m.start()], m.group(0), after)))
        start, after = m.end(), m.group(0)
    out.append(_Clause(start, len(low), _is_question(low[start:], "", after)))
    kept = [c for c in out if low[c.start : c.end].strip()] or [_Clause(0, len(low), False)]
    for i in range(1, len(kept)):  # "what do i do next, step by step": the form of the reply asked for
        c = kept[i]
        if kept[i - 1].question and not c.question and _rx(lx.REPLY_TAIL).fullmatch(low[c.start : c.end].strip(" :：")):
            kept[i] = _Clause(c.start, c.end, True)
    return _quoted_examples(low, kept)


def _quoted_examples(low: str, clauses: list[_Clause]) -> list[_Clause]:
    """ "回复买家咨询 问发货啊 辣不辣啊 能放多久这种", "customers ask things like where's my order?, do you
    ship abroad? and so on": questions quoted as examples of what others ask are not asked of us."""
    askers = next((j for j, p in enumerate(clauses) if _rx(lx.ASKERS).search(low[p.start : p.end])), None)
    for i, c in enumerate(clauses):
        if c.question and askers is not None and askers <= i <= askers + 3:
            clauses[i] = _Clause(c.start, c.end, False)  # "people asking what time classes are, how much …"
            continue
        if not c.question or not any(_rx(lx.EXAMPLES_OPEN).search(low[p.start : p.end]) for p in clauses[max(0, i - 2) : i + 1]):
            continue
        if any(_rx(lx.EXAMPLES_CLOSE).search(low[p.start : p.end]) for p in clauses[i : i + 3]):
            clauses[i] = _Clause(c.start, c.end, False)
    return clauses


def _is_question(clause: str, terminator: str, after: str = "") -> bool:
    body = clause.strip()
    if not body:
        return False
    if _rx(lx.REPORTED_SPEECH).search(body):
        return True  # "你前面说不要把客户文件贴到聊天应用": our own words quoted back, to be asked about
    if _rx(lx.WORRY).search(body):
        return True  # "if it gets nut allergy wrong someone could end up in hospital": a worry to answer
    if _rx(lx.CAN_AI_DO).match(body) and not _rx(r"pick|choose|select|decide|figure|recommend|选|挑|推荐").search(body):
        return False  # "could it help me answer customer emails?" states the task
    if _rx(lx.PROCEED).match(body):
        return False  # "where do I start?", "能推荐一下吗": go on with the interview, not a side question
    if _rx(lx.AI_DO_THAT).match(body) and _rx(r"[\u4e00-\u9fff]").search(body):
        return False  # "…帮我回回买家的问题，这个能行不？": asks whether the task described can be done
    if after == "," and terminator not in ("?", "？") and _rx(r"^(?:which|who|whom|whose|where|when)\b").match(body):
        return False  # "our docs, which are updated every release": a relative clause
    if terminator in ("?", "？"):
        if _rx(r"^(?:[a-z-]+(?:\s+[a-z-]+)?|[\u3400-\u9fff]{1,3})$").match(body) and not _rx(
            lx.QUESTION_START + "|" + lx.QUESTION_ZH
        ).search(body):
            return False  # "Questions? Dunno, a few hundred", "预算？随便": the asked topic echoed, not a question
        # "maybe 100 dollars a month?", "we're in the UK so i suppose keep it in europe?": tentative answers
        # "so maybe a couple hundred a year?", "idk maybe 40 a month and 20-30 emails a day?"
        opener = r"^(?:(?:so|and|well|oh|um+|uh+|ok|okay|then|but|hmm+|idk|dunno|i\s+(?:don'?t|do\s+not)\s+know|not\s+sure)\s*,?\s+)*"
        tentative = _rx(opener + r"(?:" + lx.HEDGED_TOPIC + r")?(?:" + lx.HEDGE + r")").match(body) or _rx(lx.TENTATIVE).search(body)
        return not tentative or bool(_rx(lx.QUESTION_START).search(body))
    if _rx(r"^(?:(?:and|so|also|ok|okay|well|hmm+|then),?\s+|btw,?\s+|by\s+the\s+way,?\s+)*" + lx.QUESTION_START).match(body):
        return True
    if not _HAN.search(body):
        return False
    # "判断零件有没有划痕" (an embedded question a task states) and "没什么敏感的" (nothing) ask nothing
    body = _rx(lx.NOT_A_QUESTION_ZH).sub("", body)
    return bool(_rx(lx.QUESTION_ZH).search(body))


# --- negation ------------------------------------------------------------------------------------

_SCOPE_BREAK = _rx(r".*(?:\band\b|\bbut\b|\balso\b|\bplus\b|[,;:]|和|但|并且|而且|还|也|同时|"
                  r"\bno,?\s+(?:wait|sorry|actually|it'?s|its|it\s+is|this\s+is|that'?s|(?:i|we)\s+(?:want|need))\b|不是[^，,。]{0,12}?(?:是|而是))")
"""Where a negation's reach stops: a new part of the clause, or "no, it's …" / "不是X，是Y" (what follows
is affirmed)."""


def _negated(low: str, clause: _Clause, start: int, end: int) -> bool:
    """Whether the words at [start, end) are negated inside their clause ("no tool calling", "不需要调用工具")."""
    before = low[max(clause.start, start - 30) : start]
    cut = _SCOPE_BREAK.match(before)
    if cut:
        before = before[cut.end() :]
    if _rx(lx.NEGATORS_EN).search(before):
        return True
    near = _rx(lx.NOT_NEGATORS_ZH).sub("", before[-8:])  # "识别商品图片": 别 in 识别 negates nothing
    if _rx(r"(?:" + lx.NEGATORS_ZH + r")").search(near) and not _rx(r"不仅|不只|不但").search(near):
        return True
    return bool(_rx(lx.NEGATED_AFTER).search(low[end : min(clause.end, end + 25)]))


def _find(scan: _Scan, pattern: str) -> list[tuple[re.Match[str], _Clause]]:
    """Matches of `pattern` in statement clauses (question clauses give no facts)."""
    hits = []
    for m in _rx(pattern).finditer(scan.low):
        clause = scan.clause_of(m.start())
        if not clause.question:
            hits.append((m, clause))
    return hits


# --- numbers with units --------------------------------------------------------------------------

_PREFIX_MONEY = _rx(r"(?:" + "|".join(f"(?P<p{i}>{p})" for i, p in enumerate(lx.CURRENCY_PREFIX)) + r")\s*$")
_SUFFIX_MONEY = _rx(r"^(?:" + "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(lx.CURRENCY_SUFFIX)) + ")")
_PREFIX_CODES = list(lx.CURRENCY_PREFIX.values())
_SUFFIX_CODES = list(lx.CURRENCY_SUFFIX.values())
_APPROX = r"(?:\s*(?:about|around|roughly|approximately|approx\.?|~|≈|up\s+to|over|more\s+than|at\s+least|some|" \
          r"大约|约|近|将近|大概|差不多|左右|上下|超过|多达|有|处理|达到|至少|最多))*\s*"  # fmt: skip


def _currency(scan: _Scan, n: Number) -> tuple[str, int, int] | None:
    """The currency written around a number, with the span covering both; the upper end of a range
    takes the currency written before its lower end ("£10-15 a month")."""
    m = _PREFIX_MONEY.search(scan.low[max(0, n.start - 8) : n.start])
    if m:
        idx = next(i for i, g in enumerate(m.groups()) if g is not None)
        code = _PREFIX_CODES[idx]
        if m.group(0).strip() == "$":
            code = local_dollar(scan.low) or code  # "$200" from Toronto: Canadian dollars
        return code, n.start - (len(m.group(0))), n.end
    low = next((p for p in reversed(scan.numbers) if p.end <= n.start), None)
    if low is not None and low.value < n.value and _rx(r"^\s*(?:to|-|–|~|～|到|至)\s*$").match(scan.low[low.end : n.start]):
        m = _PREFIX_MONEY.search(scan.low[max(0, low.start - 8) : low.start])
        if m:
            idx = next(i for i, g in enumerate(m.groups()) if g is not None)
            return _PREFIX_CODES[idx], low.start - (len(m.group(0))), n.end
    m = _SUFFIX_MONEY.match(scan.low[n.end : n.end + 24])  # "50 australian dollars"
    if m:
        idx = next(i for i, g in enumerate(m.groups()) if g is not None)
        code = _SUFFIX_CODES[idx]
        if code in ("cny", "usd") and _rx(_GENERIC_UNIT).fullmatch(m.group(0).strip()):
            code = named_currency(scan.low, scan.text[n.start : n.end + len(m.group(0))]) or code
        if code == "usd" and _rx(_GENERIC_UNIT).fullmatch(m.group(0).strip()):
            code = local_dollar(scan.low) or code  # "200 dollars" from Toronto: Canadian dollars
        if code == "mxn" and not _rx(r"mexic|mxn").search(m.group(0)) and _rx(lx.PHILIPPINES).search(scan.low):
            code = "php"  # "500 pesos a month" from a bakery in Quezon City: Philippine pesos (novice23 T17)
        return code, n.start, n.end + len(m.group(0))
    return None


_GENERIC_UNIT = r"块钱?|元|dollars?|bucks"
"""Currency words several currencies share: "一千块" in Taipei is New Taiwan dollars, "$150" in Brisbane
may be Australian dollars; the currency the message names elsewhere says which."""
_CURRENCY_NAMES: tuple[tuple[str, str], ...] = (
    ("twd", r"新台币|台币|新台幣|台幣|\bnt\$|\bntd\b|\btwd\b|(?:new\s+)?taiwan(?:ese)?\s+dollars?|\bnt\s+dollars?"),
    ("hkd", r"港币|港元|港幣|\bhkd\b|\bhk\$|hong\s+kong\s+dollars?"),
    ("aud", r"澳元|澳币|澳幣|\baud\b|\ba\$|australian\s+dollars?|aussie\s+dollars?"),
    ("cny", r"人民币|人名币|\brmb\b|\bcny\b|\byuan\b"),
    ("cad", r"加元|加币|加拿大元|\bcad\b|\bc\$|\bca\$|canadian\s+dollars?|\bcdn\b"),
    ("nzd", r"纽元|纽币|新西兰元|\bnzd\b|\bnz\$|new\s+zealand\s+dollars?|\bkiwi\s+dollars?"),
    ("sgd", r"新加坡元|新币|\bsgd\b|\bs\$|singapore\s+dollars?"),
    ("zar", r"南非兰特|兰特|\bzar\b|\brands?\b"),
    ("inr", r"印度卢比|卢比|\binr\b|\brupees?\b"),
    ("chf", r"瑞士法郎|瑞郎|\bchf\b|swiss\s+francs?"),
    ("kes", r"肯尼亚先令|\bkes\b|\bk(?:e\s?)?sh\b|kenyan\s+shillings?|\bshillings?\b"),
    ("usd", r"美元|美金|\busd\b|\bus\s+dollars?|\bus\$"),
)


_SHOW = r"\b(?:show|shows|showing|shown|display\w*|quot\w*|list\w*|price\w*)\b|显示|标价"
_SHOWN_CURRENCY = r"(?:" + _SHOW + r")[^.;!?,，。]{0,24}?(?:\bin\s+)?(?:" + lx.EXPLICIT_US_DOLLAR + r")"
"""A currency named as what the figures are shown in ("you keep showing US dollars"): not the person's."""


@lru_cache(maxsize=32)
def local_dollar(low: str) -> str | None:
    """The currency called "dollars" where the person says they are ("I'm in Toronto": "cad"), when the text
    names one such place only and does not say US dollars; None otherwise."""
    said = _rx(_SHOWN_CURRENCY).sub(" ", low)  # "you keep showing US dollars, I'm in Canada": a complaint, no US dollar
    if _rx(lx.EXPLICIT_US_DOLLAR).search(said):
        return None
    found = {code for code, pattern in lx.LOCAL_DOLLAR if _rx(pattern).search(low)}
    return found.pop() if len(found) == 1 else None


def generic_dollar(evidence: str) -> bool:
    """Whether a sum was written as a dollar figure without saying which dollar ("$200", "200 bucks")."""
    low = evidence.lower()
    return _rx(lx.GENERIC_DOLLAR).search(low) is not None and _rx(lx.EXPLICIT_US_DOLLAR).search(low) is None


def named_currency(low: str, skip: str = "") -> str | None:
    """The one currency a message names by name, not turned down ("我说的是台币", "是台币，不是人民币",
    "in NT dollars"), or None when it names none or several."""
    found: set[str] = set()
    for code, pattern in _CURRENCY_NAMES:
        for m in _rx(pattern).finditer(low):
            if _rx(r"(?:不是|而不是|非|not|rather\s+than|instead\s+of)\s*(?:用|说|讲|按)?\s*$").search(low[max(0, m.start() - 12) : m.start()]):
                continue
            found.add(code)
    return found.pop().lower() if len(found) == 1 else None


def _minor_unit(scan: _Scan, n: Number) -> tuple[str, float, int] | None:
    """(currency, factor, end) when a hundredth or tenth of a currency follows the number ("2 cents",
    "两分钱"), else None."""
    for pattern, (code, factor) in lx.MINOR_UNITS.items():
        m = _rx(r"^(?:" + pattern + ")").match(scan.low[n.end : n.end + 24])
        if m:
            return code, factor, n.end + m.end()
    return None


def _suffix(scan: _Scan, n: Number, pattern: str) -> int | None:
    """End of `pattern` when it directly follows the number, else None."""
    m = _rx(r"^(?:" + pattern + ")").match(scan.masked[n.end : n.end + 30])
    return n.end + m.end() if m else None


def _nearest(spans: list[tuple[int, int, float]], scan: _Scan, n: Number) -> tuple[int, int, float] | None:
    """The period (or per-count) in the number's clause closest to it."""
    clause = scan.clause_of(n.start)
    best: tuple[int, tuple[int, int, float]] | None = None
    lo = bisect.bisect_left(spans, (clause.start, -1, 0.0))
    for s, e, mult in spans[lo:]:
        if s >= clause.end:
            break
        gap = n.start - e if e <= n.start else s - n.end
        if best is None or gap < best[0]:
            best = (gap, (s, e, mult))
    return best[1] if best else None


def _directly_attached(scan: _Scan, n: Number, span: tuple[int, int, float]) -> bool:
    s, e, _ = span
    gap = scan.low[e : n.start] if e <= n.start else scan.low[n.end : s]
    # "40 leases a week", "15 letters a week": any plural noun between the figure and its period
    return bool(_rx(r"^" + _APPROX + r"(?:requests?|calls?|次|条|(?:[a-z-]+\s+)?[a-z-]+s)?\s*$").match(gap))


_CUE_REACH = 160
"""Characters either side of a number searched for its cue word (within its clause): keeps a long
paste without punctuation linear in its length."""


def _cue_in_clause(scan: _Scan, n: Number, pattern: str) -> re.Match[str] | None:
    clause = scan.clause_of(n.start)
    lo, hi = max(clause.start, n.start - _CUE_REACH), min(clause.end, n.end + _CUE_REACH)
    return _rx(pattern).search(scan.low, lo, hi)


def _orphan(scan: _Scan, kind: str, value: float, start: int, end: int, shown: str | None = None) -> None:
    scan.orphans.setdefault(kind, []).append((value, start, end, shown or ""))


def _opens_range(scan: _Scan, i: int) -> bool:
    """Whether number i is the low end of a range ("一千到两千元", "100-200 a day"): the range is read
    through its upper end, which carries the unit (the figure a cost has to hold)."""
    if i + 1 >= len(scan.numbers):
        return False
    n, m = scan.numbers[i], scan.numbers[i + 1]
    return n.value < m.value and _rx(r"^\s*(?:to|-|–|~|～|到|至)\s*$").match(scan.low[n.end : m.start]) is not None


_COST_COMPLAINT = (r"^\s*(?:块钱?|元|dollars?|bucks|euros?|pounds?|quid)?\s*(?:(?:a|per|each)\s+month\s+|/\s?month\s+|每月|一个月)?"
                   r"(?:is|are|'s|sounds|seems|would\s+be)?\s*(?:way\s+|far\s+|much\s+|a\s+bit\s+|a\s+little\s+)?"
                   r"(?:too\s+(?:expensive|steep|pricey|dear|costly)|(?:也|还是|实在|真|有点|有些)?(?:太|挺|很)?贵|(?:也|还是)?太(?:贵|高了|多钱))")
"""A figure followed by a complaint about its cost ("一万五也太贵了", "15k a month is too expensive"): not a
volume, and not a budget (a sum turned down)."""


def _read_numbers(scan: _Scan, expecting: str | None) -> None:
    """Give each number a meaning from its unit and clause, or keep it as an orphan for `expecting`."""
    for i, n in enumerate(scan.numbers):
        clause = scan.clause_of(n.start)
        if n.value <= 0 or _opens_range(scan, i):
            continue
        if _rx(_COST_COMPLAINT).match(scan.low[n.end : n.end + 48]):
            scan.used.add(i)  # "一个月一万五也太贵了": a cost complained about is no volume and no budget
            continue
        priced = (expecting or "").startswith("volume.") and _rx(lx.COST_OF_VOLUME_ASK).search(scan.low, clause.start, clause.end)
        if clause.question and not priced:  # "每天三十封的话要多少钱？" to "how many?" tells the volume: read on
            asked = _budget_question(scan, clause)
            offered = not asked and (expecting or "").startswith("budget.")
            if (asked or offered) and _money(scan, n, "budget.monthly_usd"):
                # "预算？一万块一个月够吗": the sum asked about is the budget; so is a sum offered as a
                # question when the budget was asked ("hundred euros a month?"), which asks nothing
                scan.used.add(i)
                if offered:
                    scan.proposals.add(clause.start)
            elif (_rx(lx.COST_ASKED).search(scan.low, clause.start, clause.end) and _count_end(scan, n) is not None
                  and _currency(scan, n) is None and _volume(scan, n, expecting)):  # fmt: skip
                scan.used.add(i)  # "what does it cost for like 40 listings a month?": their volume, asked about
            continue
        if (
            _money(scan, n, expecting)
            or _time(scan, n)
            or _percent(scan, n)
            or _tokens(scan, n)
            or _size(scan, n)
            or _labeled(scan, n)
            or _zh_budget(scan, n, expecting)
            or _spend_budget(scan, n)
            or _volume(scan, n, expecting)
            or _context(scan, n)
            or _bare_budget(scan, n)
        ):
            scan.used.add(i)


def _budget_question(scan: _Scan, clause: _Clause) -> bool:
    """A question asking whether a sum is enough ("一万块一个月够吗", "is $200 a month enough?")."""
    return bool(_rx(lx.BUDGET_QUESTION).search(scan.low[clause.start : clause.end].strip(" ?？")))


def _restated(scan: _Scan) -> None:
    """ "2 seconds is too slow, make it 1 second": a unit-bearing figure after a fact of its kind replaces it."""
    for kind, path in (("time", "latency.p95_seconds"), ("money", "budget.monthly_usd")):
        prior = [f for f in scan.facts if f.path == path]
        if not prior or not scan.orphans.get(kind):
            continue
        value, start, end, shown = scan.orphans[kind][-1]
        first = scan.text.find(prior[0].evidence)
        if start > first >= 0:
            scan.add(path, value, prior[-1].provenance, start, end, shown or None)
            scan.orphans[kind].pop()


_CAP_AFTER = (r"^\s*(?:块钱?|元|刀|美元|美金|欧元?|英镑|bucks|dollars?|euros?|pounds?|quid)?\s*"
              r"(?:以内|以下|之内|封顶|为限|tops|max(?:imum)?|at\s+most)")
_CAP_BEFORE = r"(?:最多|顶多|不超过|不要超过|别超过|控制在|at\s+most|up\s+to|max(?:imum)?|no\s+more\s+than|under)\s*$"


def _budget_cap(scan: _Scan) -> None:
    """ "一个月几百块吧，五百以内", "a few hundred bucks, 500 max": a bare figure stated as a ceiling after
    a budget in the same message is that budget, in the same currency (the rough figure gives way)."""
    prior = [f for f in scan.facts if f.path == "budget.monthly_usd"]
    if not prior:
        return
    first = scan.text.find(prior[-1].evidence)
    for i, n in enumerate(scan.numbers):
        if i in scan.used or n.start <= first or first < 0:
            continue
        capped = _rx(_CAP_AFTER).match(scan.low[n.end : n.end + 12]) or _rx(_CAP_BEFORE).search(
            scan.low[max(0, n.start - 16) : n.start]
        )
        if not capped:
            continue
        code = currency_of(prior[-1].shown or "") or "USD"
        text = None if code == "USD" else money(n.value, code, scan.language)
        scan.add("budget.monthly_usd", _round(to_usd(n.value, code)), prior[-1].provenance, n.start, n.end, text)
        scan.used.add(i)
        return


_PRICE_SEEN_AFTER = (r"^[^，,。；;！!？?]{0,3}?(?:就能|就可以|便能|即可|能|可以)(?:用|买|使用|开通|拿到|用上)|"
                     r"^\s*(?:是)?[^，,。；;！!？?]{0,8}?(?:卖的|售卖的|标的|报的)(?:价格|价钱|价)?|^\s*(?:是)?[^，,。；;！!？?]{0,6}(?:的价格|的价钱|的售价|的报价)")
_PRICE_SEEN_BEFORE = (r"(?:有人卖|卖(?:的|得)?|售价|标价|报价|要价|(?:sell(?:s|ing)?|sold|offer(?:s|ing)?|charg(?:es|ing))"
                      r"\s+(?:it|them|access|that)?\s*(?:for|at)?)[^，,。；;！!？?]{0,6}$")
"""A price seen elsewhere ("淘宝上有人卖中转API，一个月几十块就能用Claude", "几十块是淘宝卖的价格", "a guy sells it
for $20 a month"): a sum that is what someone charges for something, no budget of the person's."""


def _price_seen(scan: _Scan, start: int, end: int) -> bool:
    clause = scan.clause_of(start)
    return bool(_rx(_PRICE_SEEN_AFTER).match(scan.low[end : clause.end + 1])) or bool(
        _rx(_PRICE_SEEN_BEFORE).search(scan.low[max(clause.start, start - 24) : start])
    )


_SELF_CORRECTION = (r"哦?不对|说错了?|我是说|应该是|改成|改为|换成|更正|哦不|不不|\bno\s*,?\s*wait\b|\bsorry\b|\bi\s+mean\b|"
                    r"\bactually\b|\bscratch\s+that\b|\bmake\s+(?:it|that)\b")
"""Words with which a person takes back a figure they have just said ("五百吧。哦不对…一千五")."""


def _self_corrected(scan: _Scan) -> None:
    """ "一个月五百吧。哦不对，两个店一起算，一千五", "$300 a month, no wait, 500": a bare figure after a
    correction word that follows the budget in the same message replaces it, in its currency (the value
    said last wins). Counts ("两个店") and sums turned down ("不是五百") are not it."""
    prior = [f for f in scan.facts if f.path == "budget.monthly_usd" and f.value is not None]
    if not prior:
        return
    at = scan.text.find(prior[-1].evidence)
    if at < 0:
        return
    mark = _rx(_SELF_CORRECTION).search(scan.low, at + len(prior[-1].evidence))
    if mark is None:
        return
    for i, n in enumerate(scan.numbers):
        if i in scan.used or n.start < mark.end() or n.value <= 0:
            continue
        if _count_end(scan, n) is not None or _suffix(scan, n, r"\s*(?:人|位|名|个|家|间|次|条|份|店|%|％|[a-z])"):
            continue
        if _turned_down_before(scan, n.start):
            continue
        code = currency_of(prior[-1].shown or "") or "USD"
        period = _nearest(scan.periods, scan, n)
        mult = period[2] if period is not None and _gap(scan, n, period) <= 12 else 1.0
        text = None if code == "USD" else money(n.value * mult, code, scan.language)
        scan.add("budget.monthly_usd", _round(to_usd(n.value * mult, code)), prior[-1].provenance, n.start, n.end, text)
        scan.used.add(i)
        return


def _turned_down_before(scan: _Scan, start: int) -> bool:
    """A sum said after "not" ("£15 not $100", "不是每个月一块钱"): turned down, no budget."""
    return _rx(r"(?:\bnot|\bno\b|rather\s+than|instead\s+of|不是|而不是)\s*(?:(?:per|a|each|every)\s+month\s+|每个?月|一个月|按月)?\s*$").search(
        scan.low[max(0, start - 24) : start]) is not None  # fmt: skip


def _money(scan: _Scan, n: Number, expecting: str | None) -> bool:
    minor = _minor_unit(scan, n)
    if minor is not None and _turned_down_before(scan, n.start):
        return True
    period = _nearest(scan.periods, scan, n) if minor is not None else None
    if minor is not None and period is not None and _gap(scan, n, period) <= 12:
        # "50 cents a day": an amount per period, as a monthly budget
        code, factor, end = minor
        value = n.value * factor * period[2]
        shown = None if code == "usd" else money(value, code, scan.language)
        scan.add("budget.monthly_usd", _round(value * USD_PER[code.upper()]), "inferred", n.start, max(end, period[1]), shown)
        return True
    if minor is not None:
        # "2 cents a receipt", "每道题不能超过两分钱": the price of one item, whatever item it is
        code, factor, end = minor
        per = _nearest(scan.per_counts, scan, n)
        count = per[2] if per is not None and _gap(scan, n, per) <= 12 else 1.0
        value = n.value * factor
        lo, hi = (min(n.start, per[0]), max(end, per[1])) if per is not None and _gap(scan, n, per) <= 12 else (n.start, end)
        shown = None if code == "usd" else money(value * 1000 / count, code, scan.language)
        scan.add("budget.per_1k_requests_usd", _round(value * USD_PER[code.upper()] * 1000 / count), "stated", lo, hi, shown)
        return True
    cur = _currency(scan, n)
    if cur is None:
        return False
    code, start, end = cur
    if _rx(r"^\s*(?:a\s+month\s+|/\s?month\s+|per\s+month\s+)?(?:is|are|'s|sounds|seems|would\s+be)?\s*(?:way\s+|far\s+|much\s+|a\s+bit\s+|a\s+little\s+|too\s+)?"
           r"(?:too\s+(?:much|expensive|high|steep|pricey)|more\s+than\s+(?:i|we)\s+(?:want|can|could))|^\s*(?:有点|太|也太|还是)(?:多|贵|高)|"
           r"^\s*(?:那条|这条|那个|这个)?(?:是)?(?:错的|不对|搞错了|写错了)|^\s*(?:is|was)\s+(?:wrong|a\s+mistake)").match(scan.low[end : end + 40]) \
            or _turned_down_before(scan, start) or _price_seen(scan, start, end):
        return True  # "100 dollars is way too much", "£15 not $100", "不是每个月一块钱": a sum turned down is no budget
    usd = n.value * USD_PER[code.upper()]
    prov: Provenance = "stated"  # "£50 a month" is stated; its dollar figure is shown as "about $63.50"
    per = _nearest(scan.per_counts, scan, n)
    if per is not None and _gap(scan, n, per) <= 12:
        s, e, count = per
        shown = None if code == "usd" else money(n.value * 1000 / count, code, scan.language)
        scan.add("budget.per_1k_requests_usd", _round(usd * 1000 / count), prov, min(start, s), max(end, e), shown)
        return True
    item = _per_item_before(scan, n, start)
    if item is not None:
        s, e, count = item  # "每份简历几毛钱可以接受，最多一块钱": the price of one item, said a clause later
        shown = None if code == "usd" else money(n.value * 1000 / count, code, scan.language)
        scan.add("budget.per_1k_requests_usd", _round(usd * 1000 / count), prov, s, end, shown)
        return True
    period = _nearest(scan.periods, scan, n)
    if period is not None:
        s, e, mult = period
        shown = None if code == "usd" and mult == 1 else money(n.value * mult, code, scan.language)
        if mult not in EXACT_PERIODS:
            prov = "inferred"  # a daily or weekly budget, as a monthly one (30 days a month)
        scan.add("budget.monthly_usd", _round(usd * mult), prov, min(start, s), max(end, e), shown)
        return True
    cue = _cue_in_clause(scan, n, lx.BUDGET_CUE)
    if cue is not None or (expecting or "").startswith("budget."):
        path = expecting if expecting == "budget.per_1k_requests_usd" else "budget.monthly_usd"
        # "budget $30" states it; "set budget to $1,000,000" is an order about a setting, read as inferred
        ordered = cue is not None and _rx(r"(?:set|change|make|put|update)\s+(?:the\s+|my\s+|our\s+|your\s+)?$").search(
            scan.low, max(0, cue.start() - 20), cue.start()) is not None  # fmt: skip
        stated = prov == "stated" and (expecting == path or (cue is not None and path == "budget.monthly_usd" and not ordered))
        lo = min(start, cue.start()) if cue else start
        shown = None if code == "usd" else money(n.value, code, scan.language)
        scan.add(
            path, _round(usd), "stated" if stated else "inferred", lo, max(end, cue.end() if cue else end), shown
        )
        return True
    shown = None if code == "usd" else money(n.value, code, scan.language)
    _orphan(scan, "money", _round(usd), start, end, shown)
    return True


def _per_item_before(scan: _Scan, n: Number, start: int) -> tuple[int, int, float] | None:
    """A per-item cue earlier in the sentence of a sum with no period in its clause ("每份简历几毛钱可以接受，
    最多一块钱", "per invoice we'd pay, at most, 5 dollars"): (start, end, count) of the cue, else None.
    Not when a budget or total word stands between them ("每份合同十几页，预算五千块" is a total)."""
    if _nearest(scan.periods, scan, n) is not None:
        return None
    lo, _hi = _sentence(scan, n.start)
    before = [p for p in scan.per_counts if lo <= p[0] and p[1] <= start and start - p[1] <= 30]
    if not before:
        return None
    s, e, count = before[-1]
    if _rx(lx.BUDGET_BETWEEN).search(scan.low, e, start):
        return None
    return s, e, count


def _monthly_rejected(scan: _Scan) -> None:
    """ "是每份简历最多一块钱，不是每个月一块钱", "没有月预算": a monthly budget turned down is removed (a None
    fact), so a per-item budget does not sit next to the monthly one it corrects."""
    if any(f.path == "budget.monthly_usd" for f in scan.facts):
        return
    per_item = any(f.path == "budget.per_1k_requests_usd" for f in scan.facts)
    for pattern, needs_item in ((lx.NO_MONTHLY_BUDGET, False), (lx.NOT_MONTHLY, True)):
        hit = _rx(pattern).search(scan.low)
        if hit is not None and (per_item or not needs_item):
            scan.add("budget.monthly_usd", None, "stated", hit.start(), hit.end())
            return


EXACT_PERIODS = (1.0, 1 / 3, 1 / 12)
"""Multipliers to a month that need no assumption (a month, a quarter, a year): "£50 a year" is a
stated £4.17 a month; a daily or weekly figure assumes 30 days a month and is inferred."""


def _round(value: float) -> float:
    """Money to the cent, or to four significant digits below a cent."""
    return round(value, 2) if value >= 1 else float(f"{value:.4g}")


def _gap(scan: _Scan, n: Number, span: tuple[int, int, float]) -> int:
    s, e, _ = span
    return n.start - e if e <= n.start else s - n.end


def _time(scan: _Scan, n: Number) -> bool:
    for pattern, factor in lx.TIME_UNITS.items():
        end = _suffix(scan, n, pattern)
        if end is None:
            continue
        seconds = n.value * factor
        if _rx(lx.HALF_HOUR_AFTER).match(scan.low[n.end : end].strip()):
            seconds += 1800  # "一个半小时"
        if factor >= 60 and _audio_minutes(scan, n, end, seconds / 60):
            return True
        if _rx(r"^\s*(?:" + lx.NOT_LATENCY + ")").match(scan.low[end : end + 20]):
            return True  # a duration of audio, not a latency: used, no fact
        seconds = round(seconds, 4)
        cue = _cue_in_clause(scan, n, lx.LATENCY_CUE)
        if factor >= 3600 and cue is None:
            return False  # "open 10 hours a day": hours are no answer time without a cue
        if cue is not None or factor == 0.001 or _alone_in_clause(scan, n, end):
            lo = min(n.start, cue.start()) if cue else n.start
            scan.add("latency.p95_seconds", seconds, "stated", lo, max(end, cue.end() if cue else end))
        else:
            _orphan(scan, "time", seconds, n.start, end)
        return True
    return False


def _alone_in_clause(scan: _Scan, n: Number, end: int) -> bool:
    """ "300 a day, $100 a month, 5 seconds, cloud": a time that is a whole clause of a list of facts."""
    clause = scan.clause_of(n.start)
    return (
        len(scan.clauses) > 1
        and scan.low[n.start : n.end].strip()[:1].isdigit()  # "5 seconds", never "one sec" (hold on)
        and _rx(r"^\s*(?:about|around|roughly|max|under|within|~)?\s*$").match(scan.low[clause.start : n.start]) is not None
        and not scan.low[end : clause.end].strip(" .")
    )


def _audio_minutes(scan: _Scan, n: Number, end: int, minutes: float) -> bool:
    """A duration of audio: one recording's ("each call is 5 minutes", "每节四十分钟左右") as minutes per
    request; a total per period ("300 minutes of audio a day") is kept for `_audio_totals`."""
    clause = scan.clause_of(n.start)
    before = scan.low[max(clause.start, n.start - 40) : n.start]
    if _rx(lx.AUDIO_TOTAL_AFTER).match(scan.low[end : end + 20]):
        period = _nearest(scan.periods, scan, n)
        if period is not None:
            _orphan(scan, "audio_total", minutes * period[2], min(n.start, period[0]), max(end, period[1]))
            return True
    bare = _rx(lx.AUDIO_EACH_BARE).search(before) is not None and _rx(lx.AUDIO_WORDS).search(scan.low) is not None
    if bare or _rx(r"(?:" + lx.AUDIO_EACH_BEFORE + r")").search(before) or _rx(lx.AUDIO_EACH_AFTER).match(
        scan.low[end : end + 20]
    ):
        low = next((p for p in reversed(scan.numbers) if p.end <= n.start), None)
        if low is not None and 0 < low.value < n.value and _rx(r"^\s*(?:to|or|-|–|~|～|到|至)\s*$").match(scan.low[low.end : n.start]):
            # "each 5 to 10 mins": the middle of the range, said with the range
            mid = minutes * (low.value + n.value) / (2 * n.value)
            zh = scan.language == "zh"
            shown = (f"{mid:g}（{low.value:g}–{n.value:g} 分钟的中间值）" if zh
                     else f"{mid:g} (the middle of {low.value:g}–{n.value:g} minutes)")  # fmt: skip
            scan.add("volume.audio_minutes", round(mid, 2), "stated", low.start, end, shown)
            return True
        scan.add("volume.audio_minutes", round(minutes, 2), "stated", n.start, end)
        return True
    return False


def _audio_word_lengths(scan: _Scan) -> None:
    """One recording's length in words ("each meeting is about an hour", "每场半小时"), as audio minutes."""
    if any(f.path == "volume.audio_minutes" for f in scan.facts):
        return
    for pattern, minutes in lx.AUDIO_WORD_LENGTHS:
        for m, clause in _find(scan, pattern):
            before = scan.low[max(clause.start, m.start() - 40) : m.start()]
            if _rx(r"(?:" + lx.AUDIO_EACH_BEFORE + r")").search(before) or _rx(lx.AUDIO_EACH_AFTER).match(
                scan.low[m.end() : m.end() + 20]
            ):
                scan.add("volume.audio_minutes", minutes, "stated", m.start(), m.end())
                return


def _audio_totals(scan: _Scan) -> None:
    """ "300 minutes of audio a day": with a count of recordings in the message, minutes per recording;
    without one, each minute is counted as one request of one minute (the cost is the same)."""
    totals = scan.orphans.pop("audio_total", [])
    if not totals or any(f.path == "volume.audio_minutes" for f in scan.facts):
        return
    monthly, start, end, _ = totals[-1]
    count = next((f for f in reversed(scan.facts) if f.path == "volume.requests_per_month"), None)
    if count is not None and isinstance(count.value, int | float) and count.value > 0:
        scan.add("volume.audio_minutes", round(monthly / count.value, 2), "inferred", start, end)
    else:
        scan.add("volume.requests_per_month", round(monthly), "inferred", start, end)
        scan.add("volume.audio_minutes", 1.0, "inferred", start, end)


def _percent(scan: _Scan, n: Number) -> bool:
    end = _suffix(scan, n, r"\s?(?:%|percent\b|pct\b|個百分點)")
    start = n.start
    if end is None:
        if scan.low[max(0, n.start - 3) : n.start] != "百分之":
            return False
        start, end = n.start - 3, n.end
    if n.value > 100:
        return True
    fraction = round(n.value / 100, 4)
    acc = _cue_in_clause(scan, n, lx.ACCURACY_CUE)
    cache_cue = _cue_in_clause(scan, n, lx.CACHE_CUE)
    if cache_cue is not None:
        scan.add(
            "volume.cached_input_fraction",
            fraction,
            "stated",
            min(start, cache_cue.start()),
            max(end, cache_cue.end()),
        )
    elif acc is not None:
        scan.add("accuracy_target", fraction, "stated", min(start, acc.start()), max(end, acc.end()))
    else:
        _orphan(scan, "percent", fraction, start, end)
    return True


def _io_cue(scan: _Scan, n: Number, end: int) -> str | None:
    """ "input" or "output" from the nearest cue word in the clause (or, failing that, earlier in the
    same sentence: "Tickets are short, maybe 300 tokens"), or None."""
    clause = scan.clause_of(n.start)
    best: tuple[int, str] | None = None
    for kind, pattern in (("input", lx.INPUT_CUE), ("output", lx.OUTPUT_CUE)):
        for m in _rx(pattern).finditer(scan.low, clause.start, clause.end):
            gap = n.start - m.end() if m.end() <= n.start else m.start() - end
            if best is None or gap < best[0]:
                best = (max(gap, 0), kind)
    if best is not None:
        return best[1]
    sentence = max(scan.low.rfind(ch, 0, n.start) for ch in ".!?。！？\n") + 1
    for kind, pattern in (("input", lx.INPUT_CUE), ("output", lx.OUTPUT_CUE)):
        for m in _rx(pattern).finditer(scan.low, sentence, n.start):
            gap = n.start - m.end() if m.end() <= n.start else m.start() - end
            if best is None or gap < best[0]:
                best = (max(gap, 0), kind)
    return best[1] if best else None


def _tokens(scan: _Scan, n: Number) -> bool:
    end = _suffix(scan, n, lx.TOKENS)
    if end is None:
        return False
    value = round(n.value)
    ctx = _cue_in_clause(scan, n, lx.CONTEXT_CUE)
    if ctx is not None:
        scan.add("context_tokens", value, "stated", min(n.start, ctx.start()), max(end, ctx.end()))
        return True
    kind = _io_cue(scan, n, end)
    if kind is None:
        _orphan(scan, "tokens", value, n.start, end)
    else:
        scan.add(f"volume.{kind}_tokens", value, "stated", n.start, end)
    return True


def _size(scan: _Scan, n: Number) -> bool:
    """Document sizes in pages or words, as inferred token counts."""
    end = _suffix(scan, n, lx.PAGES)
    if end is not None:
        if _nearest(scan.periods, scan, n) is not None:
            return _throughput(scan, n, end, n.value * TOKENS_PER_PAGE[scan.language])  # "200 pages a day"
        tokens = int(n.value * TOKENS_PER_PAGE[scan.language])
        if _knowledge_piece(scan, n.start, end, tokens):
            return True
        if _io_cue(scan, n, end) == "output":  # "a one-page summary of each"
            scan.add("volume.output_tokens", tokens, "inferred", n.start, end)
            return True
        scan.add("context_tokens", tokens, "inferred", n.start, end)
        scan.add("volume.input_tokens", tokens, "inferred", n.start, end)
        return True
    end = _suffix(scan, n, lx.WORDS_UNIT)
    if end is None:
        return False
    per = TOKENS_PER_WORD["zh"] if "字" in scan.low[n.end : end] else TOKENS_PER_WORD["en"]
    if _nearest(scan.periods, scan, n) is not None:
        return _throughput(scan, n, end, n.value * per)  # "about 50,000 words a month"
    if _knowledge_piece(scan, n.start, end, round(n.value * per)):
        return True
    kind = _io_cue(scan, n, end) or "input"
    scan.add(f"volume.{kind}_tokens", round(n.value * per), "inferred", n.start, end)
    return True


DOCUMENTS_ARE_INPUT = frozenset(
    {"translation", "summarization", "extraction", "classification", "speech_to_text", "embedding", "vision", "moderation"}
)
"""Tasks for which "our documentation" is what each request carries in, not a body of knowledge the
answers must draw on ("we translate our technical documentation" needs no retrieval)."""


def _throughput(scan: _Scan, n: Number, end: int, tokens: float) -> bool:
    """ "50,000 words a month", "每天两百页": an amount of text per period is the monthly workload, planned as
    requests of TEXT_CHUNK_TOKENS each (so the monthly tokens, and the cost, are what was said). Read only
    when the message gives no other volume or request size; otherwise no fact (it is not a request size)."""
    period = _nearest(scan.periods, scan, n)
    if period is None or any(f.path in ("volume.requests_per_month", "volume.input_tokens") for f in scan.facts):
        return True
    s, e, mult = period
    monthly = tokens * mult
    lo, hi = min(n.start, s), max(end, e)
    scan.add("volume.requests_per_month", max(1, round(monthly / TEXT_CHUNK_TOKENS)), "inferred", lo, hi)
    scan.add("volume.input_tokens", TEXT_CHUNK_TOKENS, "inferred", lo, hi)
    return True


def _sentence(scan: _Scan, pos: int) -> tuple[int, int]:
    """The sentence holding `pos` (between full stops, question marks and line breaks)."""
    lo = max(scan.low.rfind(ch, 0, pos) for ch in ".!?。！？\n") + 1
    ends = [i for i in (scan.low.find(ch, pos) for ch in ".!?。！？\n") if i >= 0]
    return lo, min(ends, default=len(scan.low))


def _knowledge_piece(scan: _Scan, start: int, end: int, tokens: float) -> bool:
    """A size that belongs to a knowledge base ("120 manuals, on average 200 pages each", "the
    handbook is about 90 pages", "文档五六百份，加起来上千万字"): kept as a piece of the corpus
    (`_knowledge_size` adds them up), not as the size of each request. A count of documents in the
    same sentence multiplies a size given per document."""
    lo, hi = _sentence(scan, start)
    sentence = scan.low[lo:hi]
    total = _rx(lx.TOTAL_CUE).search(sentence)
    if not (_rx(lx.KNOWLEDGE_NOUNS).search(sentence) or (total and _rx(lx.DOC_NOUNS).search(sentence))):
        return False
    if any(lo <= s < hi for s, _e, _m in scan.periods):
        return False  # "40 leases a week, each 30 pages": the input of each request
    count = 1.0
    clause = scan.clause_of(start)
    each = _rx(lx.EACH_CUE).search(scan.low, clause.start, clause.end)
    if each is not None and not total:
        counts = [
            m
            for m in scan.numbers
            if lo <= m.start < start and m.end <= start and _count_of_docs(scan, m)
        ]
        if counts:
            count = counts[-1].value
    _orphan(scan, "knowledge", tokens * count, start, end)
    return True


def _count_of_docs(scan: _Scan, n: Number) -> bool:
    return bool(
        _rx(r"^\s*(?:[a-z-]+\s+){0,2}?(?:" + lx.KNOWLEDGE_NOUNS + "|" + lx.DOC_NOUNS + ")").match(
            scan.masked[n.end : n.end + 30]
        )
    )


def _knowledge_size(scan: _Scan) -> None:
    """The corpus size in tokens: every knowledge piece of the message added up (sizes "of a few pages
    each" count three pages); it also says the answers depend on the person's own documents."""
    pieces = scan.orphans.pop("knowledge", [])
    if not pieces:
        return
    for m in _rx(lx.FEW_PAGES).finditer(scan.low):
        clause = scan.clause_of(m.start())
        if clause.question or any(s <= m.start() < e for _v, s, e, _sh in pieces):
            continue
        lo, _hi = _sentence(scan, m.start())
        counts = [c for c in scan.numbers if lo <= c.start < m.start() and _count_of_docs(scan, c)]
        count = counts[-1].value if counts else 1.0
        pieces.append((3 * TOKENS_PER_PAGE[scan.language] * count, m.start(), m.end(), ""))
    total = sum(p[0] for p in pieces)
    lo, hi = min(p[1] for p in pieces), max(p[2] for p in pieces)
    scan.add("data.knowledge_tokens", round(total), "inferred", lo, hi)
    if not any(f.path == "data.proprietary_knowledge" for f in scan.facts):
        scan.add("data.proprietary_knowledge", True, "inferred", lo, hi)


def _labeled(scan: _Scan, n: Number) -> bool:
    cue = _cue_in_clause(scan, n, lx.LABELED)
    if cue is None or _nearest(scan.periods, scan, n) is not None:
        return False
    near = abs(cue.start() - n.end) <= 14 or abs(n.start - cue.end()) <= 14
    if not near or _negated(scan.low, scan.clause_of(n.start), cue.start(), cue.end()):
        return False
    scan.add(
        "data.labeled_examples", int(n.value), "stated", min(n.start, cue.start()), max(n.end, cue.end())
    )
    return True


def _count_end(scan: _Scan, n: Number) -> int | None:
    """End of the count noun or Chinese measure word after a number ("20k support tickets", "两万条")."""
    end = _suffix(scan, n, r"\s*(?:来|多|余)?(?:" + lx.CN_MEASURE + r")")  # "十来场", "二十多条"
    if end is not None:
        return end
    return _suffix(scan, n, r"\s+(?:[a-z-]+\s+){0,2}?(?:" + lx.COUNT_NOUNS + r")\b")


def _visits(scan: _Scan, n: Number) -> bool:
    """ "每天门诊一两百人": people counted per period where each is a visit (a patient seen, a customer served)
    is the volume, one request a visit."""
    end = _suffix(scan, n, r"\s*(?:来|多|余)?(?:人次|人|位|名)")
    period = _nearest(scan.periods, scan, n)
    if end is None or period is None or _cue_in_clause(scan, n, lx.VISITS_ZH) is None:
        return False
    s, e, mult = period
    scan.add("volume.requests_per_month", round(n.value * mult), "stated", min(n.start, s), max(end, e))
    return True


def _volume(scan: _Scan, n: Number, expecting: str | None) -> bool:
    if scan.language == "zh" and _visits(scan, n):
        return True
    if scan.language != "zh" and _people_each_item(scan, n):
        return True
    if scan.language != "zh" and _rx(r"\bnot\s*$").search(scan.low[max(0, n.start - 8) : n.start]):
        period = _nearest(scan.periods, scan, n)
        if _count_end(scan, n) is not None or (period is not None and _gap(scan, n, period) <= 3):
            return True  # "40 A DAY, not 22 a month!", "not 10,000 requests": a figure turned down is no volume
    if _suffix(scan, n, r"\s*(?:" + lx.NOT_VOLUME_NOUNS + r")\b(?!\s+(?:" + lx.COUNT_NOUNS + r")\b)") or _suffix(
        scan, n, r"\s*(?:来|多|余)?(?:人(?!次)|位|名|种|家|年|个月|天|个?小时|个?钟头|个半(?:小时|钟头)|分钟|秒|个(?:人|员工|用户|学生|同学|同事|老师|班|销售|医生|律师|工程师)|个?(?:类别|类|分类|部门|标签|门店|科室|团队))"
    ):
        return False
    if n.value > 1 and _rx(lx.UNITS).match(scan.masked[n.end : n.end + 24]):
        return False  # "管着三十个业主群", "12 retail stores": a count of units, not of requests
    count_end = _count_end(scan, n)
    if count_end is None and (expecting or "").startswith("budget.") and scan.language == "zh":
        return False  # "每月三千" asked for the budget: a sum without its currency, not a volume
    period = _nearest(scan.periods, scan, n)
    if count_end is not None and scan.language != "zh":
        # "40 products a month and 20-30 emails a day": the period right after an item's noun is its own
        # (Chinese says the period first, "每天十万条": a period after the noun belongs to the next clause)
        after = next((p for p in scan.periods if count_end <= p[0] <= count_end + 30
                      and _rx(r"^(?:\s*[a-z-]+){0,2}\s*$|^[\u4e00-\u9fff]{0,4}\s*$").match(scan.low[count_end : p[0]])), None)  # fmt: skip
        shared = None
        if after is None:  # "20 descriptions and 80 emails a month": the period after the next item is both items'
            sibling = _SHARED_PERIOD.match(scan.low, count_end)
            shared = after = next((p for p in scan.periods if sibling is not None and p[0] == sibling.end()), None)
        period = after or period
    cue = _cue_in_clause(scan, n, lx.VOLUME_CUE)
    if period is not None and (
        count_end is not None or cue is not None or _directly_attached(scan, n, period)
    ):
        s, e, mult = period
        end = max(count_end or n.end, e)
        each = _for_each(scan, n)
        if each is not None:  # "每週一份，大班小班各一份": one for each class named, times the classes
            count, at, until = each
            if at not in scan.each_used:
                scan.each_used.add(at)
                scan.add("volume.requests_per_month", round(n.value * count * mult), "inferred", min(n.start, s, at),
                         max(end, until), _rate_basis(n.value * count, mult, scan.language))  # fmt: skip
            return True
        if _per_unit_cue(scan, n):
            units = [p for p in scan.numbers
                     if p is not n and p.value > 1 and _rx(lx.UNITS).match(scan.masked[p.end : p.end + 24])]  # fmt: skip
            if len(units) == 1:  # "管着三十个业主群 … 一个群一天一次": per group, times the groups
                head = units[0]
                lo, hi = min(s, n.start, head.start), max(end, head.end)
                if hi - lo > 80:  # the count of units said sentences before: the rate is the evidence
                    lo, hi = min(s, n.start), end
                total = n.value * head.value * mult
                said = _rx(lx.UNITS).match(scan.masked[head.end : head.end + 24])
                unit = said.group(0).strip() if said else ""
                shown = _unit_rate_basis(n.value, head.value, unit, mult, scan.language)
                scan.facts.append(Fact("volume.requests_per_month", round(total), "inferred", scan.span(lo, hi), shown))
                noun = scan.low[n.end : count_end].strip() if count_end else _noun_before(scan, n)
                if noun:  # "80 copies …, and quizzes 1 per week per class": one item of a sum
                    scan.volume_items.append((scan.facts[-1], noun, min(n.start, s), end))
            return True  # without a clear count of units, a rate per unit is no volume (the caller may
            # find the count in an earlier message)
        if _cue_in_clause(scan, n, lx.PER_PERSON) is not None or (n.value == 1 and len(_head_counts(scan, n)) == 1):
            return _per_person(scan, n, mult, min(n.start, s), end)  # "九十个学生，每周一篇作文": one each
        prov: Provenance = "stated"
        basis = None
        if mult == HOURLY:
            hours = _hours_per_day(scan)
            if hours is not None:
                mult, prov = hours * DAYS_PER_MONTH, "inferred"
        derived = prov == "stated" and _vague_figure(scan, n)  # "几十个", "a few dozen", "20-30": a guess
        if mult != HOURLY and mult not in EXACT_PERIODS and n.value > 0:
            # "15 patients a day": the month's figure is worked out (15 × 30 days), said with its basis
            derived, basis = True, _rate_basis(n.value, mult, scan.language)
        low_end = _range_low(scan, n)
        if basis is None and mult == 1 and low_end is not None:  # "20-30 documents in the month": the top, said so
            basis = (f"{n.value:,.0f}/月（按 {low_end:g}–{n.value:g} 的上限）" if scan.language == "zh"
                     else f"{n.value:,.0f}/month (the top of {low_end:g}–{n.value:g}; one request per item)")  # fmt: skip
        scan.add("volume.requests_per_month", round(n.value * mult), prov, min(n.start, s), end, basis)
        if derived and scan.facts:
            scan.derived.append(scan.facts[-1])
        if count_end is not None and scan.language != "zh" and shared is not None:  # an item of a list: up to its noun
            scan.volume_items.append((scan.facts[-1], scan.low[n.end : count_end].strip(), n.start, count_end))
        elif count_end is not None:
            noun = scan.low[n.end : s if s >= count_end else count_end].strip()
            # "30 posts a month and maybe 200 messages": the period said before the item is the list's, not its start
            start = n.start if scan.language != "zh" and s < n.start and _SUM_JOINER.match(scan.low[e : n.start]) else min(n.start, s)
            scan.volume_items.append((scan.facts[-1], noun, start, end))
        return True
    if count_end is not None:
        if n.value == 1 and any(f.path == "volume.requests_per_month" for f in scan.facts):
            return True  # "每周十来场会 一场一个小时": one item described, not the volume
        if expecting == "volume.requests_per_month":
            scan.add("volume.requests_per_month", round(n.value), "stated", n.start, count_end)
        else:
            _orphan(scan, "count", n.value, n.start, count_end)
        return True
    return False


_SHARED_PERIOD = _rx(r"\s*(?:,\s*)?(?:and|&|plus|\+)\s+(?:(?:about|around|maybe|like|roughly|approx\.?|~)\s+)?\d[\d,.]*k?"
                     r"\s+(?:[a-z-]+\s+){0,2}?(?:" + lx.COUNT_NOUNS + r")\s*")  # fmt: skip
"""The next item of a list up to its period ("… and 80 emails| a month"): a period said once for both."""


def _people_each_item(scan: _Scan, n: Number) -> bool:
    """ "400 students, each one needs a comment, twice a year": the people times the period said after the
    item (in the same sentence), as an inferred monthly figure with its basis; an item of a sum ("plus 10
    letters a term")."""
    m = _rx(lx.PEOPLE_EACH_ITEM).match(scan.low, n.end)
    if m is None:
        return False
    sentence_end = next((i for i in range(m.end(), len(scan.low)) if scan.low[i] in ".!?\n"), len(scan.low))
    period = next((p for p in scan.periods if m.end() <= p[0] <= min(m.end() + 30, sentence_end)), None)
    if period is None:
        return False
    s, e, mult = period
    item = m.group("item")
    total = n.value * mult
    shown = f"{total:,.0f}/month ({n.value:,.0f} {item}s {scan.low[s:e]})"
    scan.add("volume.requests_per_month", max(1, round(total)), "inferred", n.start, e, shown)
    scan.volume_items.append((scan.facts[-1], f"{item}s", n.start, e))
    return True


HOURLY = 24 * DAYS_PER_MONTH
"""The multiplier of "per hour" in `lexicon.PERIODS`: a rate for every hour of the month."""


def _hours_per_day(scan: _Scan) -> float | None:
    """The hours a day an hourly rate holds for: "9 to 5", "9am-6pm", "open 10 hours a day",
    "一天营业十个小时", "早上九点到晚上九点", "business hours" (8), "24/7" (24); None when not said."""
    for c in _rx(lx.CLOCK_TIMES).finditer(scan.low):
        start = int(c.group("h1")) + int(c.group("m1") or 0) / 60
        end = int(c.group("h2")) + int(c.group("m2") or 0) / 60
        told = c.group("x1") or c.group("x2") or c.group("m1") or c.group("m2") or c.group("cue")
        if not (told or (int(c.group("h1")), int(c.group("h2"))) in lx.WORKDAY_IDIOMS):
            continue
        if (c.group("x2") or "").startswith("p") and end < 12:
            end += 12
        if end <= start:
            end += 12
        if 0 < end - start <= 24:
            return round(end - start, 2)
    for i, n in enumerate(scan.numbers[:-1]):
        m = scan.numbers[i + 1]
        between = _rx(lx.CLOCK_RANGE).match(scan.low[n.end : m.start])
        after = _rx(lx.CLOCK_END).match(scan.low[m.end : m.end + 8])
        if between is None or not (0 < n.value <= 24 and 0 < m.value <= 24) or n.value != int(n.value):
            continue
        clock = after is not None or between.group(0).strip() not in ("to", "-", "–", "~", "到", "至")
        idiom = (n.value, m.value) in lx.WORKDAY_IDIOMS  # "9 to 5"
        if not (clock or idiom or _cue_in_clause(scan, n, lx.HOURS_CUE)):
            continue
        if _rx(r"^\s*(?:[a-z]+|[\u3400-\u9fff])").match(scan.low[m.end : m.end + 3]) and after is None:
            continue  # "2 to 3 minutes", "10-15 pages": a range of something else
        start, end = n.value, m.value
        pm_end = (after is not None and after.group("p2")) or "晚上" in between.group(0) or "下午" in between.group(0)
        if pm_end and end < 12:
            end += 12
        if end <= start:
            end += 12
        if 0 < end - start <= 24:
            return end - start
    for n in scan.numbers:
        if 0 < n.value <= 24 and _suffix(scan, n, lx.HOURS_UNIT) is not None and _cue_in_clause(
            scan, n, lx.HOURS_CUE
        ):
            return n.value
    if _rx(lx.ALL_DAY).search(scan.low):
        return 24.0
    if _rx(lx.WORK_DAY).search(scan.low):
        return lx.WORK_DAY_HOURS
    return None


def _head_counts(scan: _Scan, n: Number | None = None) -> list[Number]:
    """The figures other than `n` that count people ("120 students", "九十个学生", "八十来个学生"), or that
    count what "each" refers to ("3 stylists, each one …", "4 chefs … each chef")."""
    # up to two words between ("15 backend developers", "40 full-time staff")
    head = r"^(?:来|多|余)?(?:\s+(?!(?:of|a|an|the|per|each|every|times)\b)[a-z-]+){0,2}?(?:" + lx.PEOPLE + r")(?![a-z])"
    each = {m.group(1) for m in _rx(r"\beach\s+([a-z]{3,})\b").finditer(scan.low)} - {"one", "other", "day", "week", "month", "year"}
    named = r"^\s+(?:" + "|".join(re.escape(w) for w in sorted(each)) + r")s?\b" if each else None
    return [p for p in scan.numbers if p is not n and (_rx(head).match(scan.masked[p.end : p.end + 32])
            or (named is not None and _rx(named).match(scan.masked[p.end : p.end + 32])))]  # fmt: skip


def _each_one(scan: _Scan) -> None:
    """ "120 students, they each hand in an essay every two weeks": one item per person per period,
    said with "a"/"an" (no figure to read), is the head count times the period's rate."""
    if any(f.path == "volume.requests_per_month" for f in scan.facts):
        return
    one = _rx(lx.EACH_ONE).search(scan.low)
    if one is None:
        return
    after = [p for p in scan.periods if one.end() <= p[0] <= one.end() + 24]
    people = _head_counts(scan)
    if len(after) != 1 or len(people) != 1:
        return
    _s, e, mult = after[0]
    head = people[0]
    scan.add("volume.requests_per_month", round(head.value * mult), "inferred", min(head.start, one.start()), e)


_SUM_JOINER = _rx(r"^(?:\.\s*(?=plus\b|also\b))?(?:(?:\s*[a-z-]+){1,2}|[\u4e00-\u9fff]{1,4})?[\s,;]*(?:and|plus|\+|&|as\s+well\s+as|also|with|和|还有|另外|以及|再加上|加上|外加|再|;)")
_NOT_A_SUM = _rx(r"\bso\b|\bi\.?e\.?|\bthat'?s\b|\bwhich\s+is\b|\bor\b|也就是|就是|那就是|或者|算下来|折合|相当于")


def _noun_key(noun: str) -> str:
    """What a count noun counts, for telling two items apart ("new products" -> "product", "条评论" -> "条评论")."""
    words: list[str] = re.findall(r"[a-z]+", noun)
    if words:
        word = words[-1]
        return word[:-1] if word.endswith("s") and len(word) > 3 else word
    return noun.strip("来多余 ")


def _each_needs(scan: _Scan) -> None:
    """ "30 weddings a year, each one needs an email AND a blog post": the events said just before times the
    items each needs (60 a year, 5 a month); kept as one item of a sum ("…, plus 10 enquiries a week")."""
    for m in _rx(lx.EACH_NEEDS).finditer(scan.low):
        items = len(_rx(r"\b(?:an?|one)\s+").findall(m.group("items")))
        for i, f in enumerate(scan.facts):
            at = scan.text.find(f.evidence) if f.path == "volume.requests_per_month" else -1
            if at < 0 or not 0 <= m.start() - (at + len(f.evidence)) <= 6:
                continue
            n = next((x for x in scan.numbers if x.start == at), None)
            period = next((p for p in scan.periods if at <= p[0] < at + len(f.evidence)), None)
            if n is None or period is None:
                continue
            monthly = n.value * period[2] * items
            noun = f"texts for {f.evidence}"
            scan.facts[i] = Fact(f.path, round(monthly, 1) if monthly < 10 else round(monthly), "inferred",
                                 scan.span(at, m.end()), None)  # fmt: skip
            scan.volume_items = [it for it in scan.volume_items if it[0] is not f]
            scan.volume_items.append((scan.facts[i], noun, at, m.end()))
            break


def _per_unit_cue(scan: _Scan, n: Number) -> bool:
    """Whether a rate per unit ("per class", "一个群") belongs to the figure `n`: said in its clause, with no
    other figure between ("one quiz per week per class and about 60 answer sheets a month": not the 60)."""
    cue = _cue_in_clause(scan, n, lx.PER_UNIT)
    if cue is None:
        return False
    lo, hi = (n.end, cue.start()) if n.end <= cue.start() else (cue.end(), n.start)
    if _rx(r"\band\b|\bplus\b|\balso\b|[,;]|和|还有|另外|以及").search(scan.low, lo, hi):
        return False  # "one quiz per week per class and about 60 answer sheets a month": the quiz's, not the 60's
    inside = [(s, e) for s, e, _m in scan.periods]  # "一天": a period's own figure is no other figure
    return not any(lo <= p.start < hi and not any(s <= p.start < e for s, e in inside) for p in scan.numbers if p is not n)


def _unit_rate_basis(rate: float, units: float, unit: str, mult: float, lang: str) -> str | None:
    """ "22/month (1 a week × 5 sections × 4.3 weeks)": a rate per unit times the units, said with its basis
    (None for a period other than a day or a week)."""
    total = rate * units * mult
    if abs(mult - lx.WEEKS_PER_MONTH) < 1e-9:
        return (f"{total:,.0f}/月（每周 {rate:g} × {units:g}{unit} × {mult:.1f} 周）" if lang == "zh"
                else f"{total:,.0f}/month ({rate:g} a week × {units:g} {unit} × {mult:.1f} weeks)")  # fmt: skip
    if mult == DAYS_PER_MONTH:
        return (f"{total:,.0f}/月（每天 {rate:g} × {units:g}{unit} × {DAYS_PER_MONTH} 天）" if lang == "zh"
                else f"{total:,.0f}/month ({rate:g} a day × {units:g} {unit} × {DAYS_PER_MONTH} days)")  # fmt: skip
    return None


def _noun_before(scan: _Scan, n: Number) -> str:
    """The count noun just before a figure in its clause ("quizzes only 1 per week", "emails, maybe 30 a
    day"), or ""."""
    clause = scan.clause_of(n.start)
    m = _rx(r"\b(" + lx.COUNT_NOUNS + r")\s+(?:[a-z]+\s+){0,2}$").search(scan.low, clause.start, n.start)
    return m.group(1) if m else ""


_TOTAL_AFTER = _rx(r"^\s*(?:in\s+)?(?:total|all|altogether|overall)\b|^\s*(?:一共|总共|合计)")
"""Words after a count that make it the total of what was just counted ("2 tests a month, around 80 copies total")."""


def _total_of_items(scan: _Scan) -> None:
    """ "2 tests a month, around 80 copies total": a count said as the total right after a volume of
    events in the same sentence is what is handled (80 copies a month, not 2 tests), at that period."""
    counts = scan.orphans.get("count", [])
    for k, (value, start, end, _shown) in enumerate(counts):
        said_total = _TOTAL_AFTER.match(scan.low[end : end + 16])
        if said_total is None:
            continue
        before = [it for it in scan.volume_items if it[3] <= start and it[0] in scan.facts
                  and not _rx(r"[.!?。！？]").search(scan.low[it[3] : start])]  # fmt: skip
        if not before:
            continue
        fact, noun, s, _e = before[-1]
        n = next((x for x in scan.numbers if x.start == s or x.start == scan.text.find(fact.evidence)), None)
        if n is None or not isinstance(fact.value, int | float) or value <= n.value:
            continue
        mult = float(fact.value) / n.value
        counted = next((x for x in scan.numbers if x.start == start), None)
        items = scan.low[counted.end : end].strip() if counted is not None else noun
        total = value * mult
        zh = scan.language == "zh"
        shown = (f"{total:,.0f}/月（{noun} {n.value:g}，共 {value:g}{items}）" if zh
                 else f"{total:,.0f}/month ({n.value:g} {noun}, {value:g} {items} in all)")  # fmt: skip
        end += said_total.end()
        new = Fact(fact.path, round(total), "inferred", scan.span(min(s, n.start), end), shown)
        scan.facts[scan.facts.index(fact)] = new
        scan.volume_items = [(new, items, min(s, n.start), end) if it[0] is fact else it for it in scan.volume_items]
        del counts[k]
        return


_TURNED_DOWN_FIGURE = _rx(r"^[\s,;]*(?:not|rather\s+than|instead\s+of|不是)\s*\d[\d,]*(?:\.\d+)?(?:\s*(?!and\b|plus\b|also\b)[a-z-]+)?"
                          r"\s*[.;,。；，]?")
"""A figure turned down between two items ("80 copies total, not 200. And quizzes …"): no break in the sum."""


def _summed_volumes(scan: _Scan) -> None:
    """ "40 new products a month and 20-30 emails a day": volumes of different items said together are
    one workload, their sum (inferred, and said as a sum). Not for the same item said twice ("500 a day,
    so 15,000 a month"), nor next to a busy-season cue (`_peak_volume` plans for the peak)."""
    items = [(f, noun, s, e) for f, noun, s, e in scan.volume_items
             if f in scan.facts and isinstance(f.value, int | float) and noun]  # fmt: skip
    if len(items) < 2 or _rx(lx.PEAK_CUE).search(scan.low):
        return
    items.sort(key=lambda it: it[2])
    for (_f1, n1, _s1, e1), (_f2, n2, s2, _e2) in itertools.pairwise(items):
        between = _TURNED_DOWN_FIGURE.sub("", scan.low[e1:s2], count=1)
        if _noun_key(n1) == _noun_key(n2) or not _SUM_JOINER.match(between) or _NOT_A_SUM.search(between) or len(between) > 40:
            return
    values = [float(f.value) for f, *_ in items if isinstance(f.value, int | float)]
    total = sum(values)
    zh = scan.language == "zh"
    parts = [f"{v:,.0f}" + ("" if zh else " ") + (noun if " for " in noun else noun.split()[-1])
             for v, (_f, noun, _s, _e) in zip(values, items, strict=True)]  # fmt: skip
    shown = f"{total:,.0f}/月（" + " + ".join(parts) + "）" if zh else f"{total:,.0f}/month (" + " + ".join(parts) + ")"
    drop = {id(f) for f, *_ in items}
    scan.facts[:] = [f for f in scan.facts if id(f) not in drop]
    scan.facts.append(Fact("volume.requests_per_month", round(total), "inferred",
                           scan.span(items[0][2], items[-1][3]), shown))  # fmt: skip


def _peak_volume(scan: _Scan) -> None:
    """ "招聘季的时候一个月大概三千份简历，平时就几百份": two volumes, one for the busy season; the peak is
    planned for (capacity, and the bill of the busiest month), and the figure says so."""
    volumes = [f for f in scan.facts if f.path == "volume.requests_per_month"]
    if len(volumes) < 2:
        return
    peak = None
    for f in volumes:
        at = scan.text.find(f.evidence)
        if at < 0:
            continue
        clause = scan.clause_of(at)
        if _rx(lx.PEAK_CUE).search(scan.low, clause.start, clause.end):
            peak = f
    if peak is None or not isinstance(peak.value, int | float) or any(
        isinstance(f.value, int | float) and f.value > peak.value for f in volumes
    ):
        return
    if not _rx(lx.USUAL_CUE).search(scan.low):
        return
    zh = scan.language == "zh"
    shown = f"{peak.value:,.0f}/月（按高峰月估算，平时更少）" if zh else f"{peak.value:,.0f}/month (the busiest months; usually fewer)"
    scan.facts[:] = [f for f in scan.facts if f.path != "volume.requests_per_month" or f is peak]
    i = scan.facts.index(peak)
    scan.facts[i] = Fact(peak.path, peak.value, peak.provenance, peak.evidence, shown)


def _share_of_volume(scan: _Scan) -> None:
    """ "3,000 visitors a day, maybe 10% would chat": a share said right after a volume applies to it."""
    volume = next((i for i, f in enumerate(scan.facts) if f.path == "volume.requests_per_month"), None)
    shares = scan.orphans.get("percent", [])
    if volume is None or len(shares) != 1:
        return
    fact = scan.facts[volume]
    begin = scan.text.find(fact.evidence)
    end = begin + len(fact.evidence)
    fraction, start, stop, _shown = shares[0]
    between = scan.low[end:start]
    if not (0 <= start - end <= 40 and 0 < fraction < 1) or not _rx(lx.SHARE_CUE).search(scan.low[start:stop + 40] + between):
        return
    shares.clear()
    scan.facts[volume] = Fact(fact.path, round(float(fact.value) * fraction), "inferred", scan.text[begin:stop], None)


_VAGUE = r"几|一两|两三|三四|四五|五六|十来|来个|多个|好多|不少|\bfew\b|\bcouple\b|\bdozens?\b|\bseveral\b|\bhundreds\b|\bthousands\b"
"""Words of an amount said vaguely ("几十个", "a few dozen"): a figure read from them is a guess."""


def _vague_figure(scan: _Scan, n: Number) -> bool:
    """Whether the figure `n` was read from a vague amount or is the top of a range ("20-30")."""
    if _rx(_VAGUE).search(scan.low[max(0, n.start - 10) : n.end]):
        return True
    low = next((p for p in reversed(scan.numbers) if p.end <= n.start), None)
    return (low is not None and 0 < low.value < n.value
            and _rx(r"^\s*(?:to|-|–|~|～|到|至|or)\s*$").match(scan.low[low.end : n.start]) is not None)  # fmt: skip


def _range_low(scan: _Scan, n: Number) -> float | None:
    """The lower end of a range whose upper end is `n` ("20-30", "20 to 30", "二十到三十"); None when `n`
    ends no range."""
    low = next((p for p in reversed(scan.numbers) if p.end <= n.start), None)
    if low is None or low.value >= n.value:
        return None
    between = scan.low[low.end : n.start]
    return low.value if _rx(r"^\s*(?:-|–|~|～|to|到|至)\s*$").match(between) else None


_SENTENCE_END = r"[。！？!?\n]|\.(?!\d)"


def _for_each(scan: _Scan, n: Number) -> tuple[int, int, int] | None:
    """The units a rate is for, one each, said in its sentence (`lexicon.EACH_OF_UNITS`): "每週一份，大班小班
    各一份" (two classes named), "每周给大班、中班、小班各写一份" (three), "两个班各一份", "one for each of the two
    classes", "for both classes". (units, start, end); None when no such count (or fewer than two)."""
    before = [m.end() for m in _rx(_SENTENCE_END).finditer(scan.low, 0, n.start)]
    lo = before[-1] if before else 0
    stop = _rx(_SENTENCE_END).search(scan.low, n.end)
    hi = stop.start() if stop else len(scan.low)
    m = _rx(lx.EACH_OF_UNITS).search(scan.low, max(lo, n.start - 80), min(hi, n.end + 80))
    if m is None:
        return None
    units: float | None
    if m.group("list"):
        units = len(_rx(lx.EACH_UNIT_ZH).findall(m.group("list")))
    elif m.group("both"):
        units = 2
    else:
        group = "n" if m.group("n") else "n_en"
        figure = next((p for p in scan.numbers if m.start(group) <= p.start < m.end(group)), None)
        units = figure.value if figure is not None else None
    if units is None or units < 2 or units != int(units):
        return None
    return int(units), m.start(), m.end()


def _rate_basis(value: float, mult: float, lang: str) -> str | None:
    """ "450/month (15 a day × 30 days)": a monthly figure worked out from a rate per day or per week, with
    its basis (None for another period)."""
    total = value * mult
    if mult == DAYS_PER_MONTH:
        return (f"{total:,.0f}/月（每天 {value:g} × {DAYS_PER_MONTH} 天）" if lang == "zh"
                else f"{total:,.0f}/month ({value:g} a day × {DAYS_PER_MONTH} days)")  # fmt: skip
    if abs(mult - lx.WEEKS_PER_MONTH) < 1e-9:
        return (f"{total:,.0f}/月（每周 {value:g} × {mult:.1f} 周）" if lang == "zh"
                else f"{total:,.0f}/month ({value:g} a week × {mult:.1f} weeks)")  # fmt: skip
    return None


def _per_person(scan: _Scan, n: Number, mult: float, start: int, end: int) -> bool:
    """ "200 employees, each asks 10 questions a day": volume = people x rate, if the head count is clear.
    A daily rate per worker ("3 physios, each sees maybe 12-15 patients a day") holds on working days, and a
    range of it is taken at its middle (several people's days even out): 3 x 13.5 x 21.7."""
    people = _head_counts(scan, n)
    if len(people) != 1:
        return True  # without a clear head count, a per-person rate is no volume
    head = people[0]
    lo, hi = min(start, head.start), max(end, head.end)
    rate = n.value
    low = next((p for p in reversed(scan.numbers) if p.end <= n.start), None)
    worker = mult == DAYS_PER_MONTH and _cue_in_clause(scan, n, lx.WORKER_RATE) is not None
    if not worker:
        scan.add("volume.requests_per_month", round(rate * head.value * mult), "inferred", lo, hi)
        return True
    if low is not None and 0 < low.value < n.value and _rx(r"^\s*(?:to|-|–|~|～|到|至)\s*$").match(scan.low[low.end : n.start]):
        rate = (low.value + n.value) / 2
    days = lx.WORKING_DAYS_PER_MONTH
    total = rate * head.value * days
    zh = scan.language == "zh"
    shown = (f"{total:,.0f}/月（{head.value:g} × 每天 {rate:g} × {days:.1f} 个工作日）" if zh
             else f"{total:,.0f}/month ({head.value:g} × {rate:g} a day × {days:.1f} working days)")  # fmt: skip
    scan.facts.append(Fact("volume.requests_per_month", round(total), "inferred", scan.span(lo, hi), shown))
    return True


_SPEND_CUE = _rx(r"(?:can'?t|cannot|can|could|will|would|to|only)\s+(?:spend|afford|pay)(?:\s+(?:more\s+than|over|up\s+to|about|"
                 r"around|maybe|like|roughly|at\s+most|max))*\s*$")  # fmt: skip


def _spend_budget(scan: _Scan, n: Number) -> bool:
    """ "we can't spend more than 20 a month", "we could spend like 30": a bare figure right after spending words is
    money (US dollars, inferred), never a volume, whatever was asked; with its period made monthly."""
    cue = _SPEND_CUE.search(scan.low[max(0, n.start - 40) : n.start])
    if cue is None or scan.language == "zh" or _count_end(scan, n) is not None:
        return False
    period = _nearest(scan.periods, scan, n)
    mult = period[2] if period is not None and _gap(scan, n, period) <= 3 else 1.0
    end = period[1] if period is not None and _gap(scan, n, period) <= 3 else n.end
    scan.add("budget.monthly_usd", _round(n.value * mult), "inferred", n.start - len(cue.group(0)), end)
    return True


def _bare_budget(scan: _Scan, n: Number) -> bool:
    """ "budget around 1k": a bare figure right after the word budget, read as US dollars a month.

    Not for "预算两千": a Chinese speaker may well mean yuan, so that needs the pending question.
    """
    cue = _rx(
        r"(?:budget)(?:\s+(?:is|of|around|about|roughly|up\s+to|max|at\s+most))*[\s:：是为约大概在]*$"
    ).search(scan.low[max(0, n.start - 30) : n.start])
    if cue is None or (
        _rx(r"^\s*[a-z\u3400-\u9fff]").match(scan.low[n.end : n.end + 3])
        and not _rx(r"^\s*(?:左右|以内|上下|or\s+so|ish|max|tops)").match(scan.low[n.end : n.end + 6])
    ):
        return False
    scan.add("budget.monthly_usd", _round(n.value), "inferred", n.start - (len(cue.group(0))), n.end)
    return True


def _zh_budget(scan: _Scan, n: Number, expecting: str | None = None) -> bool:
    """ "预算每月三千", "一年五万以内" after 预算: in a Chinese message a bare figure after a budget word is
    yuan (shown as such, so a person who meant dollars sees it and corrects it); a period in its clause
    makes it monthly (yearly / 12). Asked for the budget, "每月三千" needs no budget word."""
    if scan.language != "zh":
        return False
    cue = _rx(lx.ZH_BUDGET_CUE + r"$").search(scan.low[max(0, n.start - 16) : n.start])
    near = _nearest(scan.periods, scan, n)
    asked = (expecting or "") == "budget.monthly_usd" and near is not None
    # "AI这块最多一年八千", "一年最多1万": a bare sum a year is money, never a volume (counts a year carry
    # their unit: "一年八千份简历")
    yearly = near is not None and abs(near[2] - 1 / 12) < 1e-9 and n.value >= 100 and abs(n.start - near[1]) <= 4
    if (cue is None and not asked and not yearly) or _count_end(scan, n) is not None or _suffix(scan, n, r"\s*(?:人|位|名|个|次|条|份|%|％)"):
        return False
    if _price_seen(scan, n.start, n.end):
        return True  # "一个月几十块就能用Claude": a price seen elsewhere, no budget
    start = n.start - len(cue.group(0)) if cue is not None else n.start
    period = near
    mult = period[2] if period is not None else 1.0
    lo = min(start, period[0]) if period is not None else start
    hi = max(n.end, period[1]) if period is not None else n.end
    shown = money(n.value * mult, "CNY", "zh")
    # "一年五万": the amount and its period were said (stated, shown in yuan so a person who meant
    # another currency sees it); a figure with no period is assumed monthly (inferred)
    prov: Provenance = "stated" if period is not None and mult in EXACT_PERIODS else "inferred"
    scan.add("budget.monthly_usd", _round(to_usd(n.value * mult, "CNY")), prov, lo, hi, shown)
    return True


def _context(scan: _Scan, n: Number) -> bool:
    ctx = _cue_in_clause(scan, n, lx.CONTEXT_CUE)
    if ctx is None or n.value < 512 or (abs(ctx.start() - n.end) > 24 and abs(n.start - ctx.end()) > 24):
        return False
    scan.add("context_tokens", int(n.value), "stated", min(n.start, ctx.start()), max(n.end, ctx.end()))
    return True


# --- words ---------------------------------------------------------------------------------------


def _wish_asked(scan: _Scan, pattern: str) -> tuple[re.Match[str], bool] | None:
    """The first match of `pattern` in any clause, a question included ("which is best and cheap" asks for
    both and so states the wish), and whether it is negated."""
    m = _rx(pattern).search(scan.low)
    if m is None:
        return None
    return m, _negated(scan.low, scan.clause_of(m.start()), m.start(), m.end())


def _first_unnegated(scan: _Scan, pattern: str) -> tuple[re.Match[str], bool] | None:
    """The first statement match of `pattern` and whether it is negated."""
    hits = _find(scan, pattern)
    if not hits:
        return None
    m, clause = hits[0]
    return m, _negated(scan.low, clause, m.start(), m.end())


def _read_words(scan: _Scan, expecting: str | None) -> None:
    _task(scan)
    _languages(scan)
    for path, pattern in (("needs.tool_calling", lx.TOOL_CALLING), ("needs.structured_output", lx.STRUCTURED),
                          ("needs.reasoning", lx.REASONING_NEED)):  # fmt: skip
        hit = _first_unnegated(scan, pattern)
        if hit and path == "needs.reasoning" and hit[0].group(0).startswith("math") and _rx(lx.MATH_SUBJECT).search(scan.low):
            continue  # "teaching Science and Maths": the subject taught needs no step-by-step reasoning
        if hit and path == "needs.reasoning" and any(
            s.start() <= hit[0].start() and hit[0].end() <= s.end() for s in _rx(lx.STEPS_FOR_THE_PERSON).finditer(scan.low)
        ):
            continue  # "how do I use it for a review, like step by step": steps for the person, not reasoning
        if hit:
            scan.add(path, not hit[1], "stated", hit[0].start(), hit[0].end())
    _deployment(scan, expecting)
    _location(scan, expecting)
    _data(scan)
    _output_size(scan)
    _latency_words(scan)
    _zero_budget(scan)
    _no_limits(scan)
    for m, _clause in _find(scan, lx.PHONE_ONLY)[:1]:  # "no computer, just my phone": the negation is the pattern's own
        scan.add("phone_only", True, "stated", m.start(), m.end())
    both = _wish_asked(scan, lx.PRIORITY_BEST_CHEAP)  # "which is best and cheap": balanced, asked or said
    cheap = _first_unnegated(scan, lx.PRIORITY_COST) or (None if both else _first_unnegated(scan, lx.PRIORITY_CHEAP))
    if cheap and not cheap[1]:
        scan.add("priority", "cost", "stated", cheap[0].start(), cheap[0].end())
    elif both and not both[1]:
        scan.add("priority", "balanced", "stated", both[0].start(), both[0].end())
    elif not cheap:
        fair = _first_unnegated(scan, lx.PRIORITY_BALANCED)
        if fair and not fair[1]:
            scan.add("priority", "balanced", "stated", fair[0].start(), fair[0].end())


def _latency_words(scan: _Scan) -> None:
    """An answer time in words ("done in a few seconds per invoice", "一分钟内出结果就行")."""
    if any(f.path == "latency.p95_seconds" for f in scan.facts):
        return
    for pattern, seconds in lx.LATENCY_WORDS:
        hit = _first_unnegated(scan, pattern)
        if hit and not hit[1]:
            scan.add("latency.p95_seconds", seconds, "inferred", hit[0].start(), hit[0].end())
            return


def _echoed(scan: _Scan, c: _Clause) -> bool:
    """ "hang on, summarising? no, it's sorting into categories": a word of ours echoed back with a
    question mark is no statement of the task."""
    body = scan.low[c.start : c.end].strip()
    return scan.low[c.end : c.end + 1] in ("?", "？") and _rx(r"^(?:[a-z-]+(?:\s+[a-z-]+)?|[\u3400-\u9fff]{1,4})$").match(body) is not None


def _task(scan: _Scan) -> None:
    """The task: a keyword rule where one is sure, the nearest descriptions by meaning otherwise
    (`agent.brain.meaning`); a task the message negates ("it's not really chat") is never read."""
    rule: tuple[str, re.Match[str]] | None = None
    negated: set[str] = set()
    input_only = False  # the only task word says the input is images ("scanned", "照片"), not what to do
    subject = _rx(lx.MATH_SUBJECT).search(scan.low) is not None
    for task, pattern in lx.TASKS:
        hits = [(m, c) for m, c in _find(scan, pattern) if not _echoed(scan, c)]
        if task == "reasoning" and subject:  # "I teach Science and Maths": the subject, not a reasoning task
            hits = [(m, c) for m, c in hits if not _rx(r"math").match(m.group(0))]
        hit = (hits[0][0], _negated(scan.low, hits[0][1], hits[0][0].start(), hits[0][0].end())) if hits else None
        if hit is None:
            continue
        if hit[1]:
            negated.add(task)
        elif rule is None:
            rule = (task, hit[0])
            input_only = task == "vision" and _rx(lx.IMAGE_INPUT_ONLY).fullmatch(hit[0].group(0)) is not None
        elif input_only:
            rule, input_only = (task, hit[0]), False  # "scanned contracts, flag risky clauses": extraction
    if rule is not None and rule[0] == "writing" and _rx(lx.GRADING).fullmatch(rule[1].group(0).strip()) \
            and not _rx(lx.FEEDBACK).search(scan.low):
        rule = ("classification", rule[1])  # "任务是批改作文": grading, with no comments asked for, judges the text
    told = [c for c in scan.clauses if not c.question and not _rx(lx.AI_DO_THAT).match(scan.low[c.start : c.end].strip())
            and not _echoed(scan, c) and not _rx(lx.REPLY_FORM_CLAUSE).fullmatch(scan.low[c.start : c.end].strip())]
    statements = " ".join(scan.text[c.start : c.end] for c in told)
    parts = [scan.text[c.start : c.end] for c in told]
    reading = meaning.read_task(statements, rule[0] if rule else None, frozenset(negated), parts)
    scan.negated_tasks = tuple(sorted(negated))
    if reading.task is None:
        scan.task_options = reading.options
        return
    task = reading.task
    if rule is not None and rule[0] == task:
        m_start, m_end = rule[1].start(), rule[1].end()
        scan.task_at = m_start
        scan.add("task_type", task, "inferred" if input_only else "stated", m_start, m_end)
    else:
        m_start, m_end = 0, len(scan.text)
        scan.add("task_type", task, "inferred", m_start, m_end)
    graded = _find(scan, lx.GRADING) if task in ("writing", "classification") else []
    if graded:  # "批改作文": said back as grading, not as copywriting
        last = scan.facts[-1]
        lang: Lang = "zh" if scan.language == "zh" else "en"
        quiz = task == "writing" and _find(scan, lx.QUIZ_WRITING)  # "make quiz questions … and marking with remarks"
        shown = lx.QUIZ_AND_GRADING_SHOWN[lang] if quiz else lx.GRADING_SHOWN[(task, lang)]
        scan.facts[-1] = Fact(last.path, last.value, last.provenance, last.evidence, shown)
    if task == "classification" and rule is not None and rule[0] == task and _rx(lx.SCREENING).search(rule[1].group(0)):
        last = scan.facts[-1]  # "帮忙筛选简历": said back as screening, not as a bare "classification"
        shown = lx.SCREENING_SHOWN["zh" if scan.language == "zh" else "en"]
        scan.facts[-1] = Fact(last.path, last.value, last.provenance, last.evidence, shown)
    if task == "speech_to_text":
        _then_summary(scan)
        scan.add("input_modalities", ("audio",), "inferred", m_start, m_end)
    elif "vision" in negated and task != "vision":
        # "不是要看照片啦，主要是寫家長通訊": the images are denied with the task; the input is text
        scan.add("input_modalities", ("text",), "stated", m_start, m_end)
    elif task != "image_generation":
        image = _first_unnegated(scan, lx.IMAGE_INPUT)
        if image is not None and not image[1]:
            scan.add("input_modalities", ("text", "image"), "inferred", image[0].start(), image[0].end())


def _then_summary(scan: _Scan) -> None:
    """ "把会议录音转成文字，再写个会议纪要": a second step after the transcription is kept with the task
    ("语音转文字，再写摘要"), so it is shown and not dropped; the ranking is still for the transcription."""
    step = _first_unnegated(scan, lx.SUMMARY_STEP)
    if step is None or step[1]:
        return
    task = scan.facts[-1]
    lang: Lang = "zh" if scan.language == "zh" else "en"
    shown = task_name(lang, "speech_to_text") + ("，再写摘要（纪要）" if lang == "zh" else ", then a summary (minutes)")
    scan.facts[-1] = Fact(task.path, task.value, task.provenance, task.evidence, shown)


def _languages(scan: _Scan) -> None:
    codes: list[str] = []
    lo, hi = len(scan.low), 0
    for pattern, langs in lx.LANGUAGES:
        for m, clause in _find(scan, pattern):
            if _negated(scan.low, clause, m.start(), m.end()):
                continue
            codes.extend(langs)
            lo, hi = min(lo, m.start()), max(hi, m.end())
    if codes:
        unique = tuple(dict.fromkeys(codes))
        shown = None
        variant = _find(scan, lx.CANTONESE)
        if variant and "zh" in unique:  # no code of its own in the catalog: Chinese, and said so
            zh = scan.language == "zh"
            names = ("、" if zh else ", ").join(value_name(c, "zh" if zh else "en") for c in unique)
            shown = names + ("（含粤语）" if zh else " (incl. Cantonese)")
        scan.add("languages", unique, "stated", lo, hi, shown)
    elif scan.language == "en":
        mixed = {m.group(0) for m in _rx(lx.SPANISH_WORDS).finditer(scan.low)}
        if len(mixed) >= 2:  # "y también contestar los reviews": Spanglish, both languages
            scan.add("languages", ("en", "es"), "inferred", 0, len(scan.text))


def _deployment(scan: _Scan, expecting: str | None) -> None:
    hit = _first_unnegated(scan, lx.SELF_HOST)
    asked = None if hit else next((m for m in _rx(lx.ASKED_INSIDE).finditer(scan.low) if scan.clause_of(m.start()).question), None)
    if asked is not None:  # "病人信息很敏感，能不能不出医院？": the wish, recorded; the question is answered too
        scan.add("deployment.self_host", True, "inferred", asked.start(), asked.end())
        scan.add("deployment.open_weights", True, "inferred", asked.start(), asked.end())
    elif hit:
        m, negated = hit
        scan.add("deployment.self_host", not negated, "stated", m.start(), m.end())
        if not negated:
            scan.add("deployment.open_weights", True, "inferred", m.start(), m.end())
    else:
        cloud = _first_unnegated(scan, lx.CLOUD_ONLY)
        if cloud and not cloud[1]:  # "不用云了" is no statement that it runs in a cloud
            m = cloud[0]
            scan.add("deployment.self_host", False, "stated", m.start(), m.end())
    hit = _first_unnegated(scan, lx.OPEN_WEIGHTS)
    if hit:
        scan.facts[:] = [f for f in scan.facts if f.path != "deployment.open_weights"]
        scan.add("deployment.open_weights", not hit[1], "stated", hit[0].start(), hit[0].end())
    _providers(scan, expecting)
    _residency(scan, expecting)
    for pattern, gpu in lx.GPUS:
        found = _find(scan, pattern)
        if found:
            scan.add("deployment.gpu", gpu, "stated", found[0][0].start(), found[0][0].end())
            break
    for pattern, count in lx.GPU_COUNT:
        found = _find(scan, pattern)
        if found:
            scan.add("deployment.max_gpus", count, "stated", found[0][0].start(), found[0][0].end())
            break
    _owned_machine(scan)
    for quant, pattern in lx.QUANTIZATION:
        found = _find(scan, pattern)
        if found:
            scan.add("deployment.quantization", quant, "stated", found[0][0].start(), found[0][0].end())
            break


def _owned_machine(scan: _Scan) -> None:
    """ "我是想买一台电脑，一次性付钱": self-hosting on a workstation bought for the office, one card unless a
    count was said (novice25 P2: the rented-GPU plan at ¥248,784 a month was all it offered)."""
    found = [(m, c) for m, c in _find(scan, lx.OWNED_MACHINE) if not _negated(scan.low, c, m.start(), m.end())
             and not _rx(r"如果|假如|要是|\bif\b").search(scan.low, c.start, m.start())]  # "如果我们想买一台电脑…可以吗？": asked
    if not found:
        return
    m = found[0][0]
    scan.add("deployment.hardware", "owned", "stated", m.start(), m.end())
    if not any(f.path == "deployment.self_host" for f in scan.facts):
        scan.add("deployment.self_host", True, "inferred", m.start(), m.end())
        scan.add("deployment.open_weights", True, "inferred", m.start(), m.end())
    if not any(f.path == "deployment.max_gpus" for f in scan.facts):
        scan.add("deployment.max_gpus", 1, "inferred", m.start(), m.end())


def _providers(scan: _Scan, expecting: str | None) -> None:
    ids: list[str] = []
    lo, hi = len(scan.low), 0
    for clause in scan.clauses:
        if clause.question:
            continue
        only = _rx(lx.ONLY_CUE).search(scan.low, clause.start, clause.end) or _rx(lx.ORG_USES_CUE).search(
            scan.low, clause.start, clause.end
        )
        if only is None and expecting != "deployment.providers_allowed":
            continue
        for pattern, names in lx.PROVIDERS:
            for m in _rx(pattern).finditer(scan.low, clause.start, clause.end):
                if _rx(lx.PROVIDER_PRODUCT).match(scan.low, m.end()):
                    continue  # "only Google reviews now": the maker's product, not the AI provider
                except_ = only is not None and only.end() <= m.start() and _rx(lx.EXCEPT_CUE).fullmatch(only.group(0))
                if _negated(scan.low, clause, m.start(), m.end()) and not except_:
                    continue  # "no vendor except Google": the "no" is for the others
                ids.extend(names)
                lo = min(lo, m.start(), only.start() if only else m.start())
                hi = max(hi, m.end())
    if ids:
        scan.add("deployment.providers_allowed", tuple(dict.fromkeys(ids)), "stated", lo, hi)
        return
    for region, pattern in lx.COMPANY_FROM:
        for m, clause in _find(scan, pattern):
            if not _negated(scan.low, clause, m.start(), m.end()):
                # "give me one from a European company, not American": the providers under that law
                allowed = tuple(sorted(k for k, (where, _why) in PROVIDER_JURISDICTIONS.items() if where == region))
                scan.add("deployment.providers_allowed", allowed, "stated", m.start(), m.end())
                return


def _no_china(scan: _Scan) -> list[tuple[int, int]]:
    """ "no China", "they can't go to China", "数据不能出境到中国": providers under Chinese law ruled out
    (`deployment.excluded_jurisdictions`); returns the spans said, which name no region to stay in."""
    spans = [(m.start(), m.end()) for m, _clause in _find(scan, lx.NO_CHINA)]
    if spans:
        scan.add("deployment.excluded_jurisdictions", ("cn",), "stated", spans[0][0], spans[0][1])
    return spans


def _residency(scan: _Scan, expecting: str | None = None) -> None:
    not_china = _no_china(scan)

    def ruled_out(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in not_china)

    for m, _clause in _find(scan, lx.DATA_NOT_LEAVE_CN):
        if ruled_out(m.start(), m.end()):
            continue  # "不能出境到中国": China is where the data may not go
        scan.add("deployment.data_residency", "cn", "stated", m.start(), m.end())
        return
    for m, _clause in _find(scan, lx.NOT_ABROAD):
        # "it can't leave the country": which country is the one the person says they are in
        for region, pattern in lx.RESIDENCY:
            where = _rx(pattern).search(scan.low)
            if where is not None and not ruled_out(where.start(), where.end()):
                lo, hi = min(m.start(), where.start()), max(m.end(), where.end())
                scan.add("deployment.data_residency", region, "inferred", lo, hi)
                return
        break  # no country said: the deployment question asks where
    for clause in scan.clauses:
        if clause.question or not _rx(lx.RESIDENCY_CUE).search(scan.low, clause.start, clause.end):
            continue
        stays = _rx(r"\bkeep\b|\bkept\b|\bstay|\bremain|\bstored?\b|留在|放在|存在").search(scan.low, clause.start, clause.end)
        data_word = lx.DATA_WORD
        near = stays is not None and any(_rx(p).search(scan.low, stays.end(), min(clause.end, stays.end() + 30))
                                          for _, p in lx.RESIDENCY)  # fmt: skip
        kept = stays and (expecting == "deployment" or (near and _rx(data_word).search(scan.low)))
        if not kept and not _rx(data_word).search(scan.low, clause.start, clause.end):
            continue  # asked where it may run, "keep it in europe" needs no word for the data; "it is
            # patient data, and it has to stay inside the EU" names the data in the clause before
        for region, pattern in lx.RESIDENCY:
            hit = _rx(pattern).search(scan.low, clause.start, clause.end)
            if hit is not None and ruled_out(hit.start(), hit.end()):
                continue
            if hit is not None and not _rx(r"(?:\bnot|\bnon|\bno|不是|非)\s*-?$").search(scan.low[max(0, hit.start() - 6) : hit.start()]):
                scan.add("deployment.data_residency", region, "stated", clause.start, clause.end)
                return  # "we're UK not EU though": a region said to be not theirs is none
    if expecting == "deployment" or _rx(_DOMESTIC_IS_FINE).match(scan.low.strip()):
        _region_answer(scan)


_DOMESTIC_IS_FINE = r"^(?:放|用|在|部署在)?(?:国内|境内)(?:的)?(?:模型|服务)?(?:就行|就可以|就好|即可|吧)"
"""ZH "国内的就行" said at any point: where the model runs (a mainland seller's data stays in China)."""


def unsupported_residency(message: str, expecting: str | None = None) -> tuple[str, str] | None:
    """(EN name, ZH name) of a country the person wants the data kept in, or says they are in when asked where
    the model may run, that the residency field cannot hold ("it has to stay in Canada", "none of those.
    Canada!"); None when the message names none, or also names a region the field holds."""
    text = normalize(message)
    low = lower_aligned(text)
    place = next(((en, zh, m) for en, zh, pattern in lx.UNSUPPORTED_PLACES if (m := _rx(pattern).search(low))), None)
    if place is None:
        return None
    en, zh, m = place
    for _, pattern in lx.RESIDENCY:
        for hit in _rx(pattern).finditer(low):
            if not _rx(r"(?:\bnot|\bnon|\bno|不是|非)\s*(?:the\s+)?-?$").search(low[max(0, hit.start() - 10) : hit.start()]):
                return None  # "we're in Japan but the EU is fine": the region said is recorded ("not the US" is none)
    cue = _rx(lx.RESIDENCY_CUE + r"|不(?:能|得|要)?出").search(low)
    if expecting == "deployment" or (cue is not None and _rx(lx.DATA_WORD + r"|\bit\b|它").search(low)):
        return en, zh
    return None


def _region_answer(scan: _Scan) -> None:
    """A short answer to "where may the model run?" that names a region ("国内的就行", "EU please")
    says where data must stay; a region in a longer message without a data or hosting word, or next
    to a question, does not ("we are a team in Germany")."""
    if len(scan.low.strip()) > 30 or any(c.question for c in scan.clauses) or _rx(lx.LOCATION_SOFT).search(scan.low):
        return  # "为什么不用文心一言？国内的用起来方便" asks about a model; "Australia if possible" is a wish, no rule
    if any(f.path == "deployment.data_residency" for f in scan.facts):
        return
    for region, pattern in lx.RESIDENCY:
        m = _rx(pattern).search(scan.low)
        if m is not None and not any(_negated(scan.low, c, m.start(), m.end()) for c in scan.clauses
                                     if c.start <= m.start() < c.end):  # fmt: skip
            scan.add("deployment.data_residency", region, "stated", m.start(), m.end())
            return


_TURNED_DOWN_PLACE = r"(?:\bnot|\bnon|\bnever|不是|而不是|非)\s*(?:in\s+)?$"


def _place_hits(scan: _Scan, clause: _Clause) -> list[tuple[int, int, str, str, str]]:
    """The places named in a clause, in order: (start, end, code, EN name, ZH name)."""
    hits = []
    for code, en, zh, pattern in lx.PLACES:
        for m in _rx(pattern).finditer(scan.low, clause.start, clause.end):
            hits.append((m.start(), m.end(), code, en, zh))
    hits.sort()
    return [h for i, h in enumerate(hits) if i == 0 or h[0] >= hits[i - 1][1]]  # "china" inside "mainland china"


def _location(scan: _Scan, expecting: str | None = None) -> None:
    """Where the person is (`location`): a place said of themselves or their business ("we're in Toronto",
    "a clinic in Leeds", "我就在成都开店", "当然是国内", "Brisbane" alone). Not a place where data must stay,
    where customers are, or one turned down ("not the US"); a place said as a wish ("australia if possible")
    is inferred, so it is said back as a preference. It never sets where data must stay."""
    for clause in scan.clauses:
        body = scan.low[clause.start : clause.end]
        if clause.question and not _rx(lx.LOCATION_ASKED_ZH).search(body):
            continue
        if _rx(lx.LOCATION_NOT_HERE).search(body):
            continue
        for start, end, code, en, zh in _place_hits(scan, clause):
            before = scan.low[max(clause.start, start - 30) : start]
            if _rx(_TURNED_DOWN_PLACE).search(before):
                continue
            rest = (body[: start - clause.start] + " " + body[end - clause.start :]).strip(" !.,~-:;")
            alone = (len(_rx(r"[a-z]+|[\u4e00-\u9fff]").findall(rest)) <= 3 and not _HAN.search(scan.low[start:end])) or not rest
            said = (_rx(lx.LOCATION_CUE).search(before) or _rx(lx.LOCATION_AFTER_ZH).match(scan.low[end : end + 12])
                    or (alone and not clause.question))  # fmt: skip
            if not said:
                continue
            soft = _rx(lx.LOCATION_SOFT).search(scan.low) is not None
            name = zh if scan.language == "zh" else en
            lo, hi = (clause.start, clause.end) if soft else (start, end)  # a wish keeps its words ("if possible")
            scan.add("location", code, "inferred" if soft or clause.question else "stated", lo, hi, name)
            if soft and expecting == "deployment" and not any(f.path.startswith("deployment.") for f in scan.facts):
                scan.add("deployment.self_host", False, "inferred", lo, hi)  # "…, otherwise whatever": any cloud API
            return


def turned_down_items(message: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The items of the task a message turns down and the ones it keeps, as said ("So NOT the messages, just
    the posts": (("messages",), ("posts",)); "scratch the captions": (("captions",), ())). Any "not X" counts
    here ("not the US", "not sure"): the chat acts only on an item its use case names (`item_named`)."""
    low = lower_aligned(normalize(message))
    dropped = tuple(m.group("item") or m.group("item_zh") for m in _rx(lx.ITEM_DROP).finditer(low))
    kept = tuple(m.group("item") or m.group("item_zh") for m in _rx(lx.ITEM_KEEP).finditer(low))
    return tuple(d for d in dropped if d), tuple(k for k in kept if k and k not in dropped)


def item_named(text: str, item: str) -> bool:
    """Whether `text` names `item` by its head noun ("customer messages" in "answer customer messages on
    Messenger"; "the posts" in "write Facebook posts")."""
    key = _noun_key(item)
    if not key or len(key) < 3:
        return False
    if _HAN.search(key):
        return key in text
    return _rx(r"\b" + re.escape(key) + r"(?:s|es)?\b").search(text.lower()) is not None


_CONJUNCTS = _rx(r"\s*(?:,\s*(?:and\s+|plus\s+|also\s+)?|;\s*|\s+and\s+|\s+plus\s+|\s+&\s+|\s+as\s+well\s+as\s+|和|还有|以及|、)\s*")


def without_items(text: str, items: Sequence[str]) -> str | None:
    """`text` without its parts that name any of `items` ("Help me write Facebook posts and answer customer
    messages" without "messages": "Help me write Facebook posts"; "About 30 posts a month and maybe 200
    messages." without "messages": "About 30 posts a month."); None when no part names one, or every part does."""
    joiner = "和" if _HAN.search(text) and not re.search(r"[A-Za-z]", text) else " and "
    sentences, dropped = [], False
    for sentence in re.split(r"(?<=[.!?。！？])\s+", text.strip()):
        end = sentence[-1] if sentence[-1:] in ".!?。！？" else ""
        parts = [p for p in _CONJUNCTS.split(sentence.rstrip(".!?。！？")) if p]
        kept = [p for p in parts if not any(item_named(p, i) for i in items)]
        dropped = dropped or len(kept) < len(parts)
        if kept:
            sentences.append(joiner.join(kept).strip(" ,;") + end)
    if not dropped or not sentences:
        return None
    return " ".join(sentences)


def _taiwan_words(scan: _Scan, message: str) -> None:
    """A message in Traditional Chinese (not Cantonese) with a Taiwan word (`lx.TW_CUES`: LINE, 健保, 新台幣,
    牙醫診所...) and no place said: the person is taken to be in Taiwan (inferred, said back, correctable).
    Traditional characters alone place no one."""
    if any(f.path == "location" for f in scan.facts) or written_in(message) != "traditional":
        return
    if CANTONESE.search(message):
        return  # written Cantonese: Hong Kong's usage, not Taiwan's
    m = _rx(lx.TW_CUES).search(scan.low)
    if m is not None:
        scan.add("location", "tw", "inferred", m.start(), m.end(), "台湾" if scan.language == "zh" else "Taiwan")


def turned_down_places(message: str) -> frozenset[str]:
    """The places a message says are not the person's ("NO. I said Canada, not the US": {"us"}), as
    location codes (the same codes as where data may stay: "us", "eu", "cn", "uk", "au")."""
    scan = _scan(normalize(message))
    out: set[str] = set()
    for clause in scan.clauses:
        for start, _end, code, _en, _zh in _place_hits(scan, clause):
            if _rx(_TURNED_DOWN_PLACE).search(scan.low[max(clause.start, start - 12) : start]) and code != "other":
                out.add(code)
    return frozenset(out)


def grading_with_comments(facts: Sequence[Fact], earlier: Sequence[str]) -> tuple[Fact, ...]:
    """ "任务是批改作文" after "批改英语作文并写评语": grading restated without its comments is still grading with
    comments when an earlier message asked for them (a writing task), not marks only."""
    out = []
    for f in facts:
        if f.path == "task_type" and f.value == "classification" and f.shown in (
            lx.GRADING_SHOWN[("classification", "en")], lx.GRADING_SHOWN[("classification", "zh")]
        ) and any(_rx(lx.FEEDBACK).search(lower_aligned(normalize(m))) for m in earlier):
            zh = f.shown == lx.GRADING_SHOWN[("classification", "zh")]
            f = Fact(f.path, "writing", f.provenance, f.evidence, lx.GRADING_SHOWN[("writing", "zh" if zh else "en")])
        out.append(f)
    return tuple(out)


def said_as_preference(evidence: str) -> bool:
    """Whether a place was said as a wish, not a rule ("australia if possible, otherwise whatever")."""
    return _rx(lx.LOCATION_SOFT).search(lower_aligned(normalize(evidence))) is not None


def _data(scan: _Scan) -> None:
    for m, _clause in _find(scan, lx.NO_LABELED):
        scan.add("data.labeled_examples", 0, "stated", m.start(), m.end())
        break
    hit = _first_unnegated(scan, lx.PROPRIETARY)
    task = next((f.value for f in scan.facts if f.path == "task_type"), None)
    if hit and not (task in DOCUMENTS_ARE_INPUT and not hit[1]):
        scan.add("data.proprietary_knowledge", not hit[1], "stated", hit[0].start(), hit[0].end())
    rare = _find(scan, lx.RARELY_CHANGES)
    often = _first_unnegated(scan, lx.CHANGES_OFTEN)
    if rare:
        scan.add("data.knowledge_changes_often", False, "stated", rare[0][0].start(), rare[0][0].end())
    elif often and not often[1]:
        scan.add("data.knowledge_changes_often", True, "stated", often[0].start(), often[0].end())
        if not hit:
            scan.add("data.proprietary_knowledge", True, "inferred", often[0].start(), often[0].end())
    for level, pattern, inferred in lx.SENSITIVITY:
        found = _first_unnegated(scan, pattern)
        if found and not found[1]:
            scan.add(
                "data.sensitivity",
                level,
                "inferred" if inferred else "stated",
                found[0].start(),
                found[0].end(),
            )
            break
    novel = _first_unnegated(scan, lx.NOVEL_DOMAIN)
    if novel and not novel[1]:
        scan.add("data.novel_domain", True, "stated", novel[0].start(), novel[0].end())


def _output_size(scan: _Scan) -> None:
    if any(f.path == "volume.output_tokens" for f in scan.facts):
        return
    for m, clause in _find(scan, lx.FEW_LINES_OUTPUT):
        # "the summary only needs to be a few lines": the output, when an output word is nearer than an
        # input word ("customers write a few lines" is the input)
        cues = [(abs(c.start() - m.start()), kind) for kind, pattern in (("input", lx.INPUT_CUE), ("output", lx.OUTPUT_CUE))
                for c in _rx(pattern).finditer(scan.low, clause.start, clause.end)]  # fmt: skip
        if cues and min(cues)[1] == "output":
            scan.add("volume.output_tokens", lx.SHORT_OUTPUT_TOKENS["few_lines"], "inferred", m.start(), m.end())
            return
    for pattern, key in ((lx.ONE_WORD_OUTPUT, "one_word"), (lx.SHORT_OUTPUT, "short")):
        found = [(m, c) for m, c in _find(scan, pattern) if not _reply_form(scan, m)
                 and not (key == "short" and _rx(lx.QUESTION_KIND_AFTER).match(scan.low, m.end()))
                 and not (key == "short" and _find(scan, lx.QUIZ_WRITING))]  # "MCQs and short answers": questions
        if found:
            m = found[0][0]
            scan.add("volume.output_tokens", lx.SHORT_OUTPUT_TOKENS[key], "inferred", m.start(), m.end())
            return


def _reply_form(scan: _Scan, m: re.Match[str]) -> bool:
    """Whether "yes or no" asks for the form of our reply ("just tell me yes or no: …", "so I sign up? yes
    or no"), not for the model's answers to be one word."""
    if not _rx(lx.YES_NO).fullmatch(m.group(0)):
        return False
    return bool(_rx(lx.REPLY_FORM + r"\s*$").search(scan.low[max(0, m.start() - 30) : m.start()])) or any(
        c.question for c in scan.clauses
    )


def _zero_budget(scan: _Scan) -> None:
    """ "We have zero budget. Like, zero.", "basically no money", "no budget at all": a budget of zero (free
    routes only), added as it is (`_Scan.add` drops zero figures, which are misreadings elsewhere); a
    figure in the same message wins ("no budget, maybe $20 at most")."""
    if any(f.path.startswith("budget.") for f in scan.facts):
        return
    for m, _c in _find(scan, lx.ZERO_BUDGET):
        scan.facts.append(Fact("budget.monthly_usd", 0.0, "stated", scan.span(m.start(), m.end())))
        return


def _no_limits(scan: _Scan) -> None:
    if not any(f.path.startswith("budget.") for f in scan.facts):
        for m, _c in _find(scan, lx.NO_BUDGET):
            scan.add("budget.monthly_usd", None, "stated", m.start(), m.end())
            break
    if not any(f.path == "latency.p95_seconds" for f in scan.facts):
        for m, _c in _find(scan, lx.NO_LATENCY):
            scan.add("latency.p95_seconds", None, "stated", m.start(), m.end())
            return
        hit = _first_unnegated(scan, lx.REAL_TIME)
        if hit and not hit[1]:
            scan.add("latency.p95_seconds", lx.REAL_TIME_SECONDS, "inferred", hit[0].start(), hit[0].end())
            return
        for m, _c in _find(scan, lx.BATCH):
            scan.add("latency.p95_seconds", None, "inferred", m.start(), m.end())
            return


# --- the pending question ------------------------------------------------------------------------

_BARE_TAIL = _rx(r"^\s*(?:" + _APPROX.strip("*\\s") + r"|or\s+so|ish|max(?:imum)?|tops|吧|左右|以内|上下|的样子|即可|就行|就好|"
                 r"per\s+month|a\s+month|/\s?month|每月)?\s*[.!。！~]*\s*$")  # fmt: skip


def _from_expecting(scan: _Scan, expecting: str) -> None:
    """A bare answer to the pending question: "300", "两秒", "yes", "不需要"."""
    if any(f.path == expecting for f in scan.facts):
        return
    kinds = {
        "budget.monthly_usd": ("money",), "budget.per_1k_requests_usd": ("money",),
        "latency.p95_seconds": ("time",), "volume.requests_per_month": ("count",),
        "volume.input_tokens": ("tokens",), "volume.output_tokens": ("tokens",), "context_tokens": ("tokens",),
        "accuracy_target": ("percent",), "volume.cached_input_fraction": ("percent",),
        "deployment.utilization": ("percent",), "data.labeled_examples": ("count",),
        "volume.audio_minutes": ("time",),
    }  # fmt: skip
    for kind in kinds.get(expecting, ()):
        if len(scan.orphans.get(kind, [])) == 1:
            value, start, end, shown = scan.orphans[kind][0]
            if expecting == "volume.audio_minutes":  # "around 6 minutes": how long one recording is
                scan.orphans[kind].clear()
                scan.add(expecting, round(value / 60, 2), "stated", start, end)
                return
            prov: Provenance = "inferred" if kind == "money" and not _rx(r"\$|usd|dollar|美元|美金").search(
                scan.low[start:end]) else "stated"  # fmt: skip
            scan.add(expecting, _typed(expecting, value), prov, start, end, shown or None)
            return
    if expecting in kinds:
        _bare_number(scan, expecting)
    elif expecting in BOOL_PATHS:
        _yes_no(scan, expecting)


def _corrected_budget(scan: _Scan) -> None:
    """ "actually, make that £40": a correction whose only figure is an amount of money changes the
    budget, whatever was asked last (a sum of money corrected in passing is the budget)."""
    money_left = scan.orphans.get("money", [])
    if len(money_left) != 1 or any(f.path.startswith("budget.") for f in scan.facts):
        return
    if not _rx(lx.CORRECTION).search(scan.low):
        return
    value, start, end, shown = money_left[0]
    # "不是人民幣啦，是新台幣，大概五百塊台幣": an amount with its currency named is stated
    named = named_currency(scan.low) is not None and not _rx(r"不是[^，,。]{0,6}$").search(scan.low[:start])
    scan.add("budget.monthly_usd", value, "stated" if named else "inferred", start, end, shown or None)
    money_left.clear()


_HEDGED_SUM = _rx(r"^(?:(?:so|and|well|ok(?:ay)?|um+|hmm+|then|idk|and\s+the\s+budget|budget)\s*,?\s+)*(?:" + lx.HEDGE + r")\s*"
                  r"(?:(?:like|around|about|roughly)\s+)?$")  # fmt: skip


_HEDGED_AFTER = _rx(r"(?:(?:a|per|each)\s+month|monthly)?\s*(?:(?:would|should|will)\s+be\s+|is\s+|sounds\s+)?"
                   r"(?:ok|okay|fine|enough|good|alright|max|tops)?\s*,?\s*(?:maybe|perhaps|i\s+guess|i\s+think|or\s+so|ish)?")  # fmt: skip


def _hedged_budget(scan: _Scan) -> None:
    """ "maybe 20 dollars?", "perhaps £30", whatever was asked: a sum said alone in its clause with a hedge
    before it is the budget the person has in mind, approximate (kept with its hedge, so it is said back
    as "about"); inferred, as its period is not said. Not a sum turned down, complained about or seen as a
    price (those never become orphans)."""
    money_left = scan.orphans.get("money", [])
    if len(money_left) != 1 or any(f.path.startswith("budget.") for f in scan.facts):
        return
    value, start, end, shown = money_left[0]
    clause = scan.clause_of(start)
    before = scan.low[clause.start : start]
    after = scan.low[end : clause.end].strip(" ?!.~")
    hedged_after = _HEDGED_AFTER.fullmatch(after)
    if not (_HEDGED_SUM.match(before.strip()) and (not after or hedged_after)) and not (
        hedged_after and after and not before.strip(" ,")
    ):  # "maybe 20 dollars?", "i guess 500 pesos would be ok?", "10 bucks maybe?"
        return
    lo = clause.start + len(before) - len(before.lstrip())
    hi = scan.low.find(after, end) + len(after) if after else end  # "10 bucks maybe": the hedge kept with the sum
    scan.add("budget.monthly_usd", value, "inferred", lo, hi, shown or None)
    money_left.clear()


_HEDGE_BEFORE = _rx(r"(?:" + lx.HEDGE + r")\s*(?:(?:around|about|like)\s+)?$")


def _hedge_kept(scan: _Scan) -> None:
    """A budget said with a hedge right before its figure ("Budget is maybe 20 dollars a month?", "maybe
    $20" to the budget question) keeps the hedge in its evidence, so the reply says it back as approximate."""
    for i, f in enumerate(scan.facts):
        if f.path != "budget.monthly_usd" or not f.evidence:
            continue
        at = scan.text.find(f.evidence)
        if at <= 0:
            continue
        lo = scan.clause_of(at).start
        m = _HEDGE_BEFORE.search(scan.low, lo, at)
        if m is not None and m.start() < at and not _HEDGE_BEFORE.match(f.evidence.lower()):
            scan.facts[i] = replace(f, evidence=scan.span(m.start(), at + len(f.evidence)))


def _typed(path: str, value: float) -> object:
    if path in ("context_tokens", "data.labeled_examples"):
        return round(value)
    return value


def _bare_number(scan: _Scan, expecting: str) -> None:
    free = [(i, n) for i, n in enumerate(scan.numbers) if i not in scan.used]
    if len(free) != 1 or len(scan.numbers) != 1:
        return
    _, n = free[0]
    if not _BARE_TAIL.match(scan.low[n.end :]) or len(scan.low[: n.start].strip()) > 20:
        return
    if scan.low[n.start : n.end] == "one" and scan.low[: n.start].strip():
        return  # "the blue one", "that one": a pronoun, not a count
    value: float | None = n.value
    if expecting == "latency.p95_seconds":
        value = n.value if n.value <= 60 else None  # "300" seconds is more likely milliseconds: don't guess
    elif expecting in ("accuracy_target", "volume.cached_input_fraction", "deployment.utilization"):
        value = n.value if n.value <= 1 else n.value / 100 if n.value <= 100 else None
    elif expecting == "context_tokens":
        value = n.value if n.value >= 512 else None
    if value is not None:
        scan.add(expecting, _typed(expecting, value), "stated", n.start, n.end)


def _yes_no(scan: _Scan, expecting: str) -> None:
    body = _strip_punct(scan.low)
    if _rx(r"^(?:" + lx.REJECT + r")(?:\s*(?:thanks|thank\s+you|谢谢))?$").match(body) or _rx(
        r"^(?:no\b|不需要|不用|没有|不)"
    ).match(body):
        scan.add(expecting, False, "stated", 0, len(scan.text))
    elif _rx(
        r"^(?:" + lx.CONFIRM + r")(?:\s*(?:,\s*)?(?:please|we\s+do|it\s+does|we\s+need\s+it|thanks))?$"
    ).match(body):
        scan.add(expecting, True, "stated", 0, len(scan.text))


# --- dialogue acts and choices -------------------------------------------------------------------

_PUNCT = _rx(r"[\s.,!?;:~。，！？；：、…\-—\"“”()（）\[\]【】]+")


def _strip_punct(text: str) -> str:
    return _PUNCT.sub(" ", text).strip()


def _whole(pattern: str, body: str) -> bool:
    return bool(
        _rx(r"^(?:(?:" + pattern + r")\s*)+(?:please|thanks|thank\s+you|谢谢|啊|呀|吧|了|的)?$").match(body)
    )


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")


def _is_gibberish(body: str) -> bool:
    """Empty, only symbols/emoji, or keyboard mashing ("asdfghjkl", "xkcdq zzzz")."""
    if not _rx(r"[a-z\u3400-\u9fff\d]").search(body):
        return True
    if _HAN.search(body):
        return False
    words = _rx(r"[a-z]+").findall(body)
    if not words:
        return False

    def bad(w: str) -> bool:
        if len(w) < 4:
            return False
        return (
            not _rx(r"[aeiouy]").search(w)
            or bool(_rx(r"[^aeiouy]{5,}").search(w))
            or bool(_rx(r"(.)\1{3,}").search(w))
            or any(len(w) >= 5 and w in row for row in _KEYBOARD_ROWS)
        )

    return sum(bad(w) for w in words) * 2 >= len(words) and len(words) <= 20


def _option_refused(body: str, start: int) -> bool:
    """ "唔係推理，係出題目" to "sounds like reasoning, right?": the option named after a "not" is the one
    turned down, never the choice (novice25 P3: reasoning was kept and writing noted as a second task)."""
    return _rx(r"(?:不是|唔係|并非|而不是|不要|不用|\bnot|n't|\bno,?)\s*$").search(body[max(0, start - 8):start]) is not None


def _match_option(body: str, options: Sequence[str]) -> int | None:
    """Index of the offered option the message picks: by number, ordinal or text (EN/ZH)."""
    if not options:
        return None
    n = len(options)
    m = _rx(
        r"^(?:(?:i'?ll\s+(?:take|go\s+with)\s+)?(?:option|choice|number|no\.?|#)|选项?|选择|我选|就选|选|就|第)?\s*(\d{1,2})"
        r"\s*(?:个|号|项|条)?\s*(?:吧|呀|啊|哈|好了|please|thanks|thank\s+you)?$"
    ).match(body)
    if m and 1 <= int(m.group(1)) <= n:
        return int(m.group(1)) - 1
    m = _rx(
        r"^(?:the\s+)?(" + "|".join(lx.ORDINALS_EN) + r")(?:\s+(?:one|option|choice))?(?:\s+please)?$"
    ).match(body)
    if m:
        idx = lx.ORDINALS_EN[m.group(1)]
        return idx % n if -n <= idx < n else None
    m = _rx(r"^(?:选|我选|要)?第?([一二两三四五六七八九十])(?:个|项|种|条)?(?:吧|选项)?$").match(body)
    if m and body != "一" and lx.ORDINALS_ZH[m.group(1)] < n:
        return lx.ORDINALS_ZH[m.group(1)]
    if _rx(r"^(?:选)?(?:最后一个|最后那个|后者)$").match(body):
        return n - 1
    if _rx(r"^(?:选)?前者$").match(body):
        return 0
    texts = [_strip_punct(lower_aligned(normalize(o))) for o in options]
    for i, t in enumerate(texts):
        if t and t == body:
            return i
    contained = [
        i
        for i, t in enumerate(texts)
        if len(t) >= 2 and any(not _option_refused(body, m.start())
                               for m in _rx(r"(?<![a-z])" + re.escape(t) + r"(?![a-z])").finditer(body))
    ]  # fmt: skip
    if contained:
        return max(contained, key=lambda i: len(texts[i]))
    within = [i for i, t in enumerate(texts) if len(body) >= 3 and body in t]
    return within[0] if len(within) == 1 else None


def _question_text(scan: _Scan) -> str | None:
    parts = []
    for m in _rx(r"(?:[^。！？?!\n.]|(?<=\d)\.(?=\d))+[?？]?").finditer(scan.text):  # "£3.54" is one piece
        piece = m.group(0).strip()
        if not piece:
            continue
        clause = scan.clause_of(m.start() + (len(m.group(0)) - len(m.group(0).lstrip())))
        last = scan.clause_of(max(m.start(), m.end() - 2))
        if (clause.question or last.question) and last.start not in scan.proposals:
            parts.append(piece)
    for c in scan.clauses:  # a question set off by spaces only ("一天两三百条 对了token是啥 你说的那个")
        piece = scan.text[c.start : c.end].strip()
        if c.question and c.start not in scan.proposals and piece and not any(piece in p for p in parts):
            parts.append(piece)
    return " ".join(parts) if parts else None


def _intent(scan: _Scan, body: str, question: str | None) -> Intent:
    facts = [f for f in scan.facts if f.path != "use_case"]
    if _rx(lx.RESET).search(body):
        return "reset"
    if facts:
        if _rx(lx.CORRECTION).search(scan.low):
            return "correction"
        return "provide"
    greeting = _whole(lx.GREETING, body) or _rx(
        r"^(?:" + lx.GREETING + r")\s*(?:,\s*)?(?:team|there|everyone|all|bot|大家)?$"
    ).match(body)
    if greeting:  # "在吗" ends like a question, and is a greeting
        return "greeting"
    if question:
        return "question"
    if _whole(lx.CONFIRM, body) or _whole(r"(?:" + lx.DONT_KNOW + r")", body):
        return "confirm"
    if _whole(lx.REJECT, body) or _rx(r"^(?:不对|不是|错了|wrong|incorrect|not\s+right)\b").match(body):
        return "reject"
    return "provide"


# --- entry point -----------------------------------------------------------------------------------


def _scan(text: str) -> _Scan:
    low = lower_aligned(text)
    periods: list[tuple[int, int, float]] = []
    masked = list(low)
    for pattern, mult in lx.PERIODS:
        for m in _rx(pattern).finditer(low):
            periods.append((m.start(), m.end(), mult))
            masked[m.start() : m.end()] = " " * (m.end() - m.start())
    per_counts: list[tuple[int, int, float]] = []
    for m in _rx(lx.PER_COUNT).finditer(low):
        count = _per_count_value(m)
        per_counts.append((m.start(), m.end(), count))
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    for pattern, _gpu in lx.GPUS:
        for m in _rx(pattern).finditer(low):
            masked[m.start() : m.end()] = " " * (m.end() - m.start())
    periods.sort(key=lambda p: (p[0], -p[1]))
    outer: list[tuple[int, int, float]] = []  # "a year" inside "twice a year" is the longer period's
    reach = -1
    for p in periods:
        if p[1] > reach:
            outer.append(p)
            reach = p[1]
    periods = outer
    masked_text = "".join(masked)
    numbers = find_numbers(masked_text)[:MAX_NUMBERS]
    return _Scan(text, low, masked_text, _clauses(low), periods, per_counts, numbers)


def _per_count_value(m: re.Match[str]) -> float:
    raw = (m.group("n") or m.group("big") or m.group("cn") or "").strip().replace(",", "")  # "a receipt": one
    if not raw:
        return 1.0
    table = {"千": 1e3, "一千": 1e3, "百": 1e2, "一百": 1e2, "万": 1e4, "一万": 1e4, "thousand": 1e3,
             "a thousand": 1e3, "one thousand": 1e3, "hundred": 1e2, "a hundred": 1e2, "million": 1e6,
             "a million": 1e6}  # fmt: skip
    if raw in table:
        return table[raw]
    raw = re.sub(r"\s+", " ", raw)
    try:
        return float(raw[:-1].strip()) * 1e3 if raw.endswith("k") else float(raw)
    except ValueError:
        return 1.0


def understand(message: str, *, expecting: str | None = None, options: Sequence[str] = ()) -> Understanding:
    """Read one user message: the facts it states, what it does, its language and any choice it makes.

    `expecting` is the dotted path of the question just asked, so a bare answer ("300", "两秒", "yes")
    maps to it; `options` are the choices offered, matched by number, ordinal or text. A message over
    MAX_MESSAGE_CHARS raises MessageTooLong (it is refused whole, never read in part).
    """
    if len(message) > MAX_MESSAGE_CHARS:
        raise MessageTooLong(len(message))
    text = normalize(message)
    if _rx(lx.COST_ECHO).search(lower_aligned(text)) and message.rstrip().endswith(("?", "？")):
        # "So £3.54 a month, is that all I pay?": the figure is the cost said back, asked about
        return Understanding((), "question", " ".join(text.split()), detect_language(message), None)
    language = detect_language(message)  # before normalising: "？？？" is full-width, so Chinese
    low = lower_aligned(text)
    body = _strip_punct(low)
    if low.strip() in ("👍", "✅", "👌"):
        return Understanding((), "confirm", None, language, "yes")
    if low.strip() in ("👎", "❌"):
        return Understanding((), "reject", None, language, "no")
    if _is_gibberish(low):
        return Understanding((), "nonsense", None, language, None)

    picked = _match_option(body, options)
    if picked is not None:
        return _chosen(options[picked], expecting, language)
    lead = _LEADING_NUMBER.match(low) if options else None
    if lead is not None and 1 <= int(lead.group(1)) <= len(options):
        # "1. and its 12-15 patients EACH, there are 3 of us": the choice, then the rest read on its own
        chosen = _chosen(options[int(lead.group(1)) - 1], expecting, language)
        rest = understand(text[lead.end() :])
        paths = {f.path for f in chosen.facts}
        facts = chosen.facts + tuple(f for f in rest.facts if f.path not in paths and f.path != "use_case")
        return Understanding(facts, rest.intent if rest.intent == "question" else chosen.intent, rest.question,
                             language, chosen.choice)  # fmt: skip
    yes = _LEADING_YES.match(low) if options else None
    if yes is not None and low[yes.end() :].strip():
        # "对，差不多是整理病历。每天门诊一两百人吧": the guess offered is confirmed, and the rest read on its own
        rest = understand(text[yes.end() :])
        if rest.intent not in ("reject", "correction", "reset") and not any(
            f.path in ("task_type", expecting) for f in rest.facts
        ):
            return Understanding(rest.facts, "confirm", rest.question, language, "yes")
    inside = _CHOICE_IN_MESSAGE.search(low) if options else None
    ordinal = _ORDINAL_IN_MESSAGE.match(low) if options and inside is None else None
    if ordinal is not None and 0 <= lx.ORDINALS_EN[ordinal.group(1)] < len(options):
        # "um the first one I guess? mostly people asking …": the choice, then the rest read on its own
        chosen = _chosen(options[lx.ORDINALS_EN[ordinal.group(1)]], expecting, language)
        rest = understand(text[ordinal.end() :])
        paths = {f.path for f in chosen.facts}
        facts = chosen.facts + tuple(f for f in rest.facts if f.path not in paths and f.path != "use_case")
        return Understanding(facts, rest.intent if rest.intent == "question" else chosen.intent, rest.question,
                             language, chosen.choice)  # fmt: skip
    if inside is not None and 1 <= int(inside.group(1)) <= len(options):
        # "要国内能用的 选5。买家的手机号会不会泄露啊": the choice, and the rest read on its own
        chosen = _chosen(options[int(inside.group(1)) - 1], expecting, language)
        rest = understand(text[: inside.start()] + " " + text[inside.end() :])
        paths = {f.path for f in chosen.facts}
        facts = chosen.facts + tuple(f for f in rest.facts if f.path not in paths and f.path != "use_case")
        return Understanding(facts, rest.intent if rest.intent == "question" else chosen.intent, rest.question,
                             language, chosen.choice)  # fmt: skip

    scan = _scan(text)
    scan.language = language
    _read_numbers(scan, expecting)
    _each_needs(scan)
    _total_of_items(scan)
    _summed_volumes(scan)
    _each_one(scan)
    _peak_volume(scan)
    _share_of_volume(scan)
    _audio_totals(scan)
    _audio_word_lengths(scan)
    _knowledge_size(scan)
    _restated(scan)
    _budget_cap(scan)
    _read_words(scan, expecting)
    _taiwan_words(scan, message)
    if expecting:
        _from_expecting(scan, expecting)
    _corrected_budget(scan)
    _hedged_budget(scan)
    _hedge_kept(scan)
    _self_corrected(scan)
    _monthly_rejected(scan)
    _hundred_odd_shown(scan)
    if not scan.facts and len(scan.orphans.get("time", [])) == 1 and len(body) <= 40:
        value, start, end, _ = scan.orphans["time"][0]  # "5 seconds" alone answers how fast, whatever was asked
        scan.add("latency.p95_seconds", value, "stated", start, end)
    question = _question_text(scan)
    intent = _intent(scan, body, question)
    if intent == "greeting":
        question = None
    if intent == "question" and not scan.facts and not _rx(lx.ASKS_PICK).search(scan.low) and meaning.is_small_talk(text):
        intent, question = "greeting", None  # "can you help me figure out what to use?" asks nothing
    elif (
        intent == "provide"
        and all(f.path == "priority" for f in scan.facts)
        and not question
        and (meaning.is_vague(text) or _rx(_UNSURE_OPEN).match(body))
    ):
        # "not sure, whatever is normal": take the default ("随便 你看着办 别太贵就行": and the wish not to overpay)
        return Understanding(tuple(scan.facts), "confirm", None, language, "default")
    if intent == "provide" and (scan.negated_tasks or _rx(lx.TASK_RESTATED).search(scan.low)) and any(
        f.path == "task_type" for f in scan.facts
    ):
        intent = "correction"  # "it's not really chat, it's writing the descriptions", "任务是批改作文"
    if _only_data_talk(scan, question):
        scan.facts[:] = [f for f in scan.facts if f.path not in ("task_type", "input_modalities")]
        scan.task_options = ()
    if intent in ("provide", "correction") and any(f.path == "task_type" for f in scan.facts):
        if not any(f.path == "use_case" for f in scan.facts) and (intent == "provide" or scan.negated_tasks):
            scan.add("use_case", _use_case_text(_task_sentence(scan, text))[:300], "stated", 0, len(text))
        if not any(f.path == "languages" for f in scan.facts):
            scan.add("languages", (language,), "inferred", 0, len(text))
    choice = None
    if intent == "confirm":
        choice = "default" if _whole(lx.DONT_KNOW, body) else "yes"
    elif intent == "reject":
        choice = "no"
    elif expecting in BOOL_PATHS and scan.facts and scan.facts[-1].path == expecting:
        choice = "yes" if scan.facts[-1].value else "no"
    told_task = any(f.path == "task_type" for f in scan.facts)
    clarify = scan.task_options if not told_task and intent == "provide" else ()
    return Understanding(tuple(_labelled(_dedupe(scan.facts), scan.derived)), intent, question, language, choice, clarify)


_UNSURE_OPEN = (r"^(?:(?:um+|hmm+|well|honestly|erm),?\s+)?(?:i\s+(?:really\s+)?(?:don't|dont|do\s+not)\s+know|not\s+sure|no\s+idea|"
                r"dunno|idk|no\s+clue|(?:whatever|anything)(?:\s+(?:is|you)\s+(?:easiest|simplest|normal|usual|fine|think|recommend|"
                r"suggest)|\s+(?:works|goes|is\s+fine))|不知道|不确定|不清楚|说不好|不好说|随便|都行|无所谓)(?:[\s,，.。!！?？~-]|$)")  # fmt: skip
"""A reply that opens with not knowing or not minding ("I don't know, fast-ish?", "whatever is easiest",
"不知道，你看着办"): the default, whatever follows, when nothing else in it is understood."""


def _only_data_talk(scan: _Scan, question: str | None) -> bool:
    """Whether the message talks about the data (and asks about it) without saying what is wanted:
    "客户的订单信息和地址会在邮件里，这样安全吗？" sets no task and no use case."""
    task = next((f for f in scan.facts if f.path == "task_type"), None)
    if task is None or (question is None and task.provenance == "stated"):
        return False
    statements = " ".join(scan.low[c.start : c.end] for c in scan.clauses if not c.question)
    return bool(_rx(lx.DATA_TALK).search(statements)) and not _rx(lx.WANT_CUE).search(statements)


_LEADING_GREETING = _rx(r"^(?:(?:" + lx.GREETING + r")(?:\s+(?:there|team|all|everyone))?\s*[,，.。!！~～:：;；]*\s*)+")


_SENTENCE = _rx(r"[^.!?\n]+[.!?]*")


def _task_sentence(scan: _Scan, text: str) -> str:
    """The part of the message that is the use case: the whole message, unless the task word stands in
    a later sentence after one that names no task ("Gosh, not sure how many. ... Thank-you notes maybe 15
    a month") or the message turns a task down ("forget the summaries, I'll read them myself. Just the
    thank-you notes"): then the sentence with the task word, never the sentence turning one down."""
    at = scan.task_at
    if at is None:
        return text
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    here = next(((a, b) for a, b in sentences if a <= at < b), None)
    if here is None or (here == sentences[0] and not scan.negated_tasks):
        return text
    if not scan.negated_tasks and any(
        _rx(p).search(scan.low[sentences[0][0] : sentences[0][1]]) for _t, p in lx.TASKS
    ):
        return text
    start = max(here[0], scan.clause_of(at).start) if scan.negated_tasks else here[0]
    return text[start : here[1]].strip(" ,;")


def _use_case_text(text: str) -> str:
    """The person's description of the project, without a greeting before it ("hi, i run a small
    bakery..." -> "i run a small bakery...", "你好，我们是一家医院的信息科..." -> "我们是一家医院的信息科...")."""
    m = _LEADING_GREETING.match(lower_aligned(text.strip()))
    rest = text.strip()[m.end() :] if m else text.strip()
    filler = _FILLER.match(lower_aligned(rest))  # "um its customers messaging us really": no "um"
    rest = rest[filler.end() :] if filler else rest
    return (rest[:1].upper() + rest[1:]) if rest else text.strip()


_FILLER = _rx(r"^(?:(?:um+|uh+|erm+|hmm+|well|so|ok(?:ay)?|honestly|basically|嗯+|那个|就是)[\s,，.。]+)+")


def rate_needs_context(message: str) -> bool:
    """A rate said per person or per unit with no head count in the message ("每人每天问一两个吧", "一个群一天
    一次"): the count is in an earlier message, so the caller reads the two together."""
    low = lower_aligned(normalize(message))
    return bool(_rx(lx.PER_PERSON).search(low) or _rx(lx.PER_UNIT).search(low))


def unit_count_clause(messages: Sequence[str]) -> str | None:
    """The last clause of `messages` that counts units a rate can be per ("I have 5 sections", "我们有4个班",
    "12 retail stores") and says no period, for a later "1 per week per class" to be read with; None when
    none does."""
    for message in reversed(messages):
        scan = _scan(normalize(message))
        for clause in reversed(scan.clauses):
            inside = [p for p in scan.numbers if clause.start <= p.start < clause.end]
            counted = [p for p in inside if p.value > 1 and _rx(lx.UNITS).match(scan.masked[p.end : p.end + 24])]
            if len(counted) == 1 and len(inside) == 1 and not any(clause.start <= s < clause.end for s, _e, _m in scan.periods):
                return scan.text[clause.start : clause.end].strip(" ,;.。，；")
    return None


def tasks_named(message: str) -> list[str]:
    """The tasks a message names by keyword, clause by clause, in order ("写写商品描述，再帮我回回买家的问题":
    writing, then chat); a negated task is left out. The second is acknowledged as a task it should
    also do, the first stays the one the ranking is for."""
    scan = _scan(normalize(message))
    low = scan.low
    found: list[str] = []
    for clause in scan.clauses:
        body = low[clause.start : clause.end]
        if (clause.question and not _rx(lx.CAN_AI_DO).match(body.strip())) or _echoed(scan, clause):
            continue  # a question, or "summarising?": our word echoed back
        hits: list[tuple[int, int, str]] = []
        for task, pattern in lx.TASKS:
            m = _rx(pattern).search(body)
            if m is None or _negated(low, clause, clause.start + m.start(), clause.start + m.end()):
                continue
            if task == "vision" and _rx(lx.IMAGE_INPUT_ONLY).fullmatch(m.group(0)):
                continue  # "photos of": the input, not the task
            if task == "reasoning" and m.group(0).startswith("math") and _rx(lx.MATH_SUBJECT).search(low):
                continue  # "I teach Science and Maths": the subject, not a task
            hits.append((m.start(), m.end(), task))
        if not hits:
            continue
        first = hits[0]  # the first task in TASKS order names the clause, as before
        # "write job ads and screen résumés": sorting or screening beside writing in one clause is two tasks
        pair = [h for h in hits[1:] if {first[2], h[2]} == lx.TWO_IN_ONE_CLAUSE and (h[0] >= first[1] or h[1] <= first[0])]
        for _s, _e, task in sorted([first, *pair[:1]]):
            if task not in found:
                found.append(task)
    return found


def asks_capability(message: str) -> bool:
    """ "will it read a blurry photo?", "它能看懂照片吗？": a question whether AI can do something. Read as
    the task when no task is known yet ("could it help me answer customer emails?" opens a
    conversation); once one is, the caller takes it as a question (`_is_question` cannot know which)."""
    body = _strip_punct(lower_aligned(normalize(message))).strip()
    ends_asking = message.strip().endswith(("?", "？", "吗", "吗？", "吗?"))
    return bool(_rx(lx.CAN_AI_DO).match(body)) and ends_asking


def restated_count(message: str) -> tuple[float, float] | None:
    """ "其实不是一百份，是五百份", "actually not 100, it's 500": a correction of a count given without its
    period, as (old, new); the caller scales the volume it holds by new / old. None otherwise."""
    text = normalize(message)
    scan = _scan(text)
    scan.language = detect_language(message)
    if not _rx(lx.CORRECTION).search(scan.low):
        return None
    _read_numbers(scan, None)
    counts = [(v, s) for v, s, _e, _sh in scan.orphans.get("count", [])]
    if len(counts) != 2:
        free = [n for i, n in enumerate(scan.numbers) if i not in scan.used]
        counts = [(n.value, n.start) for n in free] if len(free) == 2 and len(scan.numbers) == 2 else []
    if len(counts) != 2 or any(f.path.startswith("volume.") for f in scan.facts):
        return None
    (a, a_at), (b, b_at) = counts
    neg = _rx(r"不是|\bnot\b|isn't|wasn't|\binstead\s+of\b|\brather\s+than\b").search(scan.low)
    if neg is None or a == b:
        return None
    old_first = abs(neg.end() - a_at) <= abs(neg.end() - b_at) and neg.start() < a_at
    return (a, b) if old_first else (b, a)


def corrected_count(message: str) -> float | None:
    """ "actually it's more like 40 documents", "no, more like 80": a correction that gives one count without
    its period (the caller keeps the period of the volume it holds); None otherwise."""
    text = normalize(message)
    scan = _scan(text)
    scan.language = detect_language(message)
    if not (_rx(lx.CORRECTION).search(scan.low) or _rx(r"\bmore\s+like\b|\bcloser\s+to\b").search(scan.low)):
        return None
    _read_numbers(scan, None)
    counts = scan.orphans.get("count", [])
    if len(counts) != 1 or any(f.path.startswith(("volume.", "budget.")) for f in scan.facts) or len(scan.numbers) != 1:
        return None
    return counts[0][0]


def restated_currency(message: str) -> str | None:
    """ "我说的是台币", "I meant NT dollars", "是台币，不是人民币": a message that names one currency and no
    figure; the caller re-reads the sum it holds in that currency (ISO code, upper case). None otherwise."""
    text = normalize(message)
    low = lower_aligned(text)
    if find_numbers(low):
        return None
    shown = _rx(_SHOW).search(low)
    if shown is not None:
        # "please show the prices in rand": the currency wanted; "you keep showing US dollars": the one complained about
        wanted = _rx(r"\bin\b|用|按|换成|改成").search(low, shown.end())
        low = low[wanted.end() :] if wanted is not None else ""
    code = named_currency(low)
    return code.upper() if code is not None else None


_PERIOD_CUE = _rx(r"\bmeant\b|\bmean\b|\bactually\b|\bsorry\b|\boops\b|\bcorrection\b|\bnot\b|\bit'?s\b|\bthat'?s\b|"
                  r"是|指|其实|不对|说错|搞错|应该")
_PERIOD_TURNED_DOWN = r"(?:\bnot|\brather\s+than|\binstead\s+of|不是|而不是|非)\s*(?:the\s+)?$"


def restated_period(message: str) -> tuple[float | None, float] | None:
    """ "sorry, I meant per week not per month", "是每周，不是每月": a figure's period corrected without the
    figure, as (the old period's multiplier to a month when said, the new one's); the caller re-scales
    the figure it holds (300 a month -> 300 a week). None otherwise."""
    text = normalize(message)
    low = lower_aligned(text)
    if len(low) > 120 or find_numbers(_scan(text).masked) or not _PERIOD_CUE.search(low):
        return None
    new: list[float] = []
    old: list[float] = []
    for pattern, mult in lx.PERIODS:
        for m in _rx(pattern).finditer(low):
            turned_down = _rx(_PERIOD_TURNED_DOWN).search(low[max(0, m.start() - 14) : m.start()])
            (old if turned_down else new).append(mult)
    if len(set(new)) != 1 or len(set(old)) > 1 or (old and old[0] == new[0]):
        return None
    return (old[0] if old else None), new[0]


_MAKE_IT = r"\bmake\s+(?:it|that)\b|\bchange\s+(?:it|that)\s+to\b|\bbump\s+it\s+(?:up\s+)?to\b|\bgo\s+with\b|改成|改为|提高到|加到|调到"


def restated_figure(message: str) -> float | None:
    """ "actually make it two hundred", "改成五百": a correction whose only figure has no unit, for the
    caller to apply to the figure it holds that this one is closest to. None otherwise."""
    text = normalize(message)
    scan = _scan(text)
    scan.language = detect_language(message)
    if not _rx(_MAKE_IT).search(scan.low) or len(scan.numbers) != 1:
        return None
    _read_numbers(scan, None)
    if scan.facts or scan.used or scan.orphans:
        return None
    return scan.numbers[0].value


_ORDINAL_IN_MESSAGE = _rx(
    r"^\s*(?:(?:um+|uh+|erm|hmm+|ok|okay|so|well|i\s+think|probably|maybe),?\s+)*(?:the\s+)?("
    + "|".join(k for k in lx.ORDINALS_EN if k.isalpha()) + r")\s+(?:one|option|choice)\b(?:\s+i\s+(?:guess|think|suppose))?\s*[?.!,;]?"
)
"""An ordinal choice opening a longer message ("um the first one I guess? mostly …")."""

_LEADING_NUMBER = _rx(r"^\s*(\d{1,2})\s*[.)、:：]\s+(?=\S)(?!\d)")
"""A numbered choice opening a longer message ("1. and its 12-15 patients EACH"), never a figure ("1.5")."""
_LEADING_YES = _rx(r"^\s*(?:yes|yeah|yep|yup|right|correct|exactly|that'?s\s+right|对(?!了)|对的|是的|是啊|没错|嗯+|好的)"
                   r"\s*[,，.。!！;；]\s*")  # fmt: skip
"""A confirmation opening a longer answer ("对，差不多是整理病历。…", "yes, about 300 a month")."""

_CHOICE_IN_MESSAGE = _rx(
    r"(?:^|(?<=[，,。.;；!！?？\s]))(?:选项?|我选|就选|选择|option|choice)\s*(\d{1,2})\s*(?:个|号|项)?\s*(?:吧)?(?=$|[，,。.;；!！?？\s])"
)
"""A numbered choice said as one clause of a longer message ("…吧 选5。买家的手机号会不会泄露啊"): with its
word (选, option), so a figure ("5 seconds") is never taken for one."""


def _chosen(option: str, expecting: str | None, language: Lang) -> Understanding:
    """The message picked an offered option: read the option's own text for facts."""
    facts: tuple[Fact, ...] = ()
    if expecting:
        inner = understand(option, expecting=expecting)
        facts = tuple(f for f in inner.facts if f.path not in ("use_case", "languages"))
    low = _strip_punct(lower_aligned(normalize(option)))
    intent: Intent = "provide"
    if not facts and _whole(lx.CONFIRM, low):
        intent = "confirm"
    elif not facts and _whole(lx.REJECT, low):
        intent = "reject"
    return Understanding(facts, intent, None, language, option)


def _labelled(facts: list[Fact], derived: list[Fact]) -> list[Fact]:
    """`facts` with those worked out from what was said (`_Scan.derived`) labelled "inferred"."""
    ids = {id(f) for f in derived}
    return [replace(f, provenance="inferred") if id(f) in ids else f for f in facts]


_HUNDRED_ODD = _rx(r"(?<![零〇二两三四五六七八九])(?:一)?(百|千)几")


def _hundred_odd_shown(scan: _Scan) -> None:
    """ "每個月百幾份文件": 100–199, read as about 150, and said so with the figure ("150/月（百几：100–199，
    取约 150）"), so the person sees the reading taken and can give the exact one."""
    for i, f in enumerate(scan.facts):
        m = _HUNDRED_ODD.search(f.evidence) if f.path == "volume.requests_per_month" and f.shown is None else None
        if m is None or not isinstance(f.value, int | float):
            continue
        low = 100 if m.group(1) == "百" else 1000
        text = (f"{f.value:,.0f}/月（{m.group(0)}：{low}–{2 * low - 1:,}，取约 {f.value:,.0f}）" if scan.language == "zh"
                else f"{f.value:,.0f}/month ({low}–{2 * low - 1:,}, taken as about {f.value:,.0f})")
        scan.facts[i] = replace(f, shown=text)
        scan.derived.append(scan.facts[i])  # a reading of a range: inferred


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per path: stated beats inferred, then the later one wins (people correct themselves)."""
    best: dict[str, Fact] = {}
    for f in facts:
        old = best.get(f.path)
        if old is None or not (old.provenance == "stated" and f.provenance == "inferred"):
            best[f.path] = f
    return list(best.values())
