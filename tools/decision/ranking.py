"""Ranking in the seeds' order: hard constraints, then a quality tier, then cost, then latency.

Quality evidence is per capability: each rating category is normalised on its own scale (0..100 over
the models rated in that category, across the catalog) before weighting, so vision ratings
(~1240-1310) and text ratings (~1400-1550) are never averaged as if on one scale. The categories come
from the task, the input modality (image -> vision), document reading (`SHAPES`: OCR, PDFs, images of
receipts/invoices/forms, extraction from images -> document),
the person's languages (zh -> chinese...) and the domain the use case names (legal, medicine,
math...). The modality, document and language categories are *required* evidence: a model without them carries `evidence_missing` (a named risk, e.g. "no rating
for German"). Its quality is scored on the categories it has; missing evidence breaks ties inside
overlapping quality (a rated model leads an unrated one it is statistically tied with) but never
makes a clearly weaker model (non-overlapping interval) rank above a stronger one. A needed
capability that no candidate has a rating for (a language with no rating category, such as
Portuguese; agentic coding and 100,000-token reading, which no public rating measures; a category no passing model is rated
in) is an evidence gap of the whole recommendation (`evidence_gaps`), said plainly.

The order (`order`):

1. the **quality tier**: rated candidates whose quality interval overlaps the best one's, compared on
   the ratings both have (`shared`: a required rating one of them lacks is set aside for both).
   `priority: quality` (default): complete evidence first, then the highest-rated (point estimate,
   then cost);
   `balanced` widens the tier by `BALANCED_MARGIN` points and puts the cheapest with complete
   evidence first; `cost` takes every candidate whose interval reaches the tier's floor (and at
   least what `balanced` admits), the cheapest with complete evidence first. In every tier the lasting
   members come first: a *provisional* candidate (`provisional`: retiring within 180 days, or a
   preview whose maker has a stable sibling) goes after them, never displaces a lasting candidate
   through dominance and is never the value pick; alone in its tier it stays first, and `lasting`
   names the best lasting alternative;
2. the other rated candidates, by quality, then complete evidence, then cost;
3. unrated candidates, by cost (for tasks public ratings do not cover, this is the whole list: the
   maker's own models first; speech-to-text first by documented language coverage, to be tested on
   the person's audio; each maker's first model before any maker's second, `spread_makers`).

Then no candidate ranks above one that is rated at least as high and costs no more
(`undominated_order`). The quality pick (`Ordered.quality`) is the strongest of the tier whatever
the priority. The value pick (`Ordered.value`) is lasting, on the cost/quality frontier of
the lasting candidates (`on_value_frontier`), and the cheapest candidate of the balanced-widened
tier cheaper than the quality pick (statistically tied on public ratings), else the best-rated
cheaper candidate with its quality gap; under `balanced` or `cost`, a #1 cheaper than the quality
pick is the value pick.

Latency is a hard constraint when a target is stated (filters.latency_fit) and a tie-break otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from whichmodel.knowledge.catalog.schema import Model
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import RatingUsed

TASK_CATEGORIES: Mapping[str, Mapping[str, float]] = {
    "chat": {"overall": 0.5, "multi_turn": 0.3, "instruction_following": 0.2},
    "qa": {"overall": 0.4, "expert": 0.3, "longer_query": 0.3},
    "summarization": {"longer_query": 0.4, "writing": 0.3, "overall": 0.3},
    "extraction": {"instruction_following": 0.5, "overall": 0.3, "hard_prompts": 0.2},
    "classification": {"instruction_following": 0.4, "overall": 0.3, "hard_prompts": 0.3},
    "translation": {"overall": 0.4, "writing": 0.3, "instruction_following": 0.3},
    "code": {"coding": 0.6, "software": 0.2, "hard_prompts": 0.2},
    "reasoning": {"math": 0.4, "hard_prompts": 0.3, "expert": 0.3},
    "agent": {"hard_prompts": 0.3, "coding": 0.3, "instruction_following": 0.2, "multi_turn": 0.2},
    "vision": {"vision": 0.7, "document": 0.3},
    "writing": {"creative_writing": 0.5, "writing": 0.3, "instruction_following": 0.2},
    # Public text ratings say little about these; quality is left unrated.
    "embedding": {},
    "image_generation": {},
    "speech_to_text": {},
    "moderation": {},
}
LANGUAGE_CATEGORIES: Mapping[str, str] = {
    "zh": "chinese",
    "fr": "french",
    "de": "german",
    "ja": "japanese",
    "ko": "korean",
    "ru": "russian",
    "es": "spanish",
}
MODALITY_CATEGORIES: Mapping[str, str] = {"image": "vision", "video": "vision"}
LANGUAGE_WEIGHT = 0.4
"""Share of the quality score for the person's non-English languages (required evidence)."""
MODALITY_WEIGHT = 0.5
"""Share for the input modality's category (e.g. vision for image input) when the task is textual."""
DOMAIN_WEIGHT = 0.3
"""Share for the domains the use case names (legal, medicine, math...)."""
TASK_MIN_SHARE = 0.5
"""The task's categories weigh at least this against the modality, language and domain shares (before
the weights are scaled to sum to 1): with images (0.5) and Chinese (0.4) the task keeps 0.5 / 1.4 =
36% instead of 10%."""
DOMAIN_TERMS: Mapping[str, Mapping[str, str]] = {
    "legal": {
        "en": r"legal|law|lawyer|contract|clause|compliance|litigation",
        "zh": r"合同|法律|法务|条款",
        "ja": r"法律|法務|契約|条項|弁護士|訴訟|判例|コンプライアンス",
        "ko": r"법률|법무|계약|조항|변호사|소송|판례|컴플라이언스",
        "de": r"rechtlich\w*|rechtsanw\w*|anw(a|ä)lt\w*|vertr(a|ä)g\w*|klausel\w*|gericht\w*|jurist\w*|gesetz\w*",
        "fr": r"juridique\w*|avocat\w*|contrat\w*|clause\w*|litige\w*|tribunal\w*|jurisprudence",
        "es": r"jur(i|í)dic\w*|abogad\w*|contratos?\b|cl(a|á)usulas?|litigi\w*|tribunal\w*|leyes\b|ley\b",
    },
    "medicine": {
        "en": r"medic|clinic|patient|health|diagnos|pharma|doctor|nurse|physio",
        "zh": r"医疗|医學|醫療|医学|病人|患者|诊断|診斷|病历|病歷|门诊|門診|诊所|診所|医院|醫院|卫生服务|衛生服務|卫生院|护士|護士|医生|醫生",
        "ja": r"医療|医学|患者|診断|診療|病院|医師|看護|カルテ|クリニック",
        "ko": r"의료|의학|환자|진단|진료|병원|간호|임상|클리닉",
        "de": r"medizin\w*|klinik\w*|gesundheit\w*|(ä|a)rzt\w*|(ä|a)rzte\w*|krankenh(a|ä)us\w*|pflege\w*",
        "fr": r"m(é|e)dic\w*|m(é|e)decin\w*|clinique\w*|sant(é|e)\b|h(ô|o)pita\w*|infirmi\w*",
        "es": r"m(é|e)dic\w*|cl(í|i)nic\w*|pacientes?\b|salud\b|diagn(ó|o)stic\w*|enfermer\w*|hospital\w*|farmac\w*",
    },
    "math": {
        "en": r"math|olympiad|algebra|calculus|geometry|proof|equation|arithmetic",
        "zh": r"数学|奥数|几何|方程",
        "ja": r"数学|算数|幾何|方程式|代数|微分積分",
        "ko": r"수학|방정식|미적분|기하학|대수학|산수",
        "de": r"mathe\w*|algebra|geometrie|gleichung\w*|arithmetik|olympiade",
        "fr": r"math(é|e)matique\w*|alg(è|e)bre|g(é|e)om(é|e)trie|(é|e)quation\w*|arithm(é|e)tique|olympiade\w*",
        "es": r"matem(á|a)tic\w*|(á|a)lgebra|geometr(í|i)a|ecuaci(ó|o)n\w*|aritm(é|e)tic\w*|olimpiada\w*",
    },
    "coding": {
        "en": r"code|coding|program|software|developer|sql|python|javascript",
        "zh": r"代码|编程",
        "ja": r"コード|コーディング|プログラミング|ソフトウェア|開発者",
        "ko": r"코드|코딩|프로그래밍|소프트웨어|개발자",
        "de": r"programmier\w*|quellcode\w*|entwickler\w*",
        "fr": r"programm\w*|logiciel\w*|d(é|e)veloppeu\w*|codage",
        "es": r"programaci\w*|programad\w*|c(ó|o)digo\w*|desarrollador\w*",
    },
    "creative_writing": {
        "en": r"story|stories|fiction|novel|poem|poetry|creative|screenplay|copywrit\w*|(marketing|ad|advertising|sales) copy|"
        r"product descriptions?|slogans?|taglines?",
        "zh": r"小说|诗|故事|创意|文案|广告语|广告词|商品描述|产品描述|宣传语",
        "ja": r"小説|物語|詩|創作|脚本|コピーライティング|広告コピー|キャッチコピー|広告文|商品説明",
        "ko": r"소설|창작|동화|카피|광고 ?문구|상품 ?설명|상세 ?페이지|슬로건",
        "de": r"erz(ä|a)hlung\w*|romane?\b|gedicht\w*|lyrik|kreativ\w*|drehbuch\w*|m(ä|a)rchen|werbetext\w*|"
        r"produktbeschreibung\w*|slogans?",
        "fr": r"r(é|e)cits?\b|romans?\b|po(è|e)me\w*|po(é|e)sie|cr(é|e)ati\w*|textes? publicitaires?|"
        r"r(é|e)daction publicitaire|fiches? produits?|descriptions? (de |des )?produits?|slogans?",
        "es": r"cuentos?\b|relatos?\b|novelas?\b|poema\w*|poes(í|i)a|creativ\w*|guiones?\b|textos? publicitarios?|"
        r"redacci(ó|o)n publicitaria|descripci(ó|o)n(es)? de productos?|esl(ó|o)gan\w*",
    },
    "business": {
        "en": r"business|finance|financial|sales|marketing|accounting|invoice|receipt",
        "zh": r"财务|销售|营销|商业|发票",
        "ja": r"ビジネス|財務|営業|販売|マーケティング|会計|経理|請求書|領収書",
        "ko": r"비즈니스|재무|영업|판매|마케팅|회계|청구서|영수증",
        "de": r"gesch(ä|a)ft\w*|finanz\w*|vertrieb\w*|verkauf\w*|buchhaltung\w*|rechnung(en)?\b|quittung\w*",
        "fr": r"affaires|financ\w*|ventes?\b|commercia\w*|comptab\w*|factur\w*|re(ç|c)us?\b",
        "es": r"negocio\w*|financ\w*|ventas?\b|comercial\w*|contab\w*|factura\w*|recibos?\b|mercadotecnia",
    },
    "science": {
        "en": r"science|scientific|physics|chemistry|biology|research paper",
        "zh": r"科学|物理|化学|生物",
        "ja": r"科学|物理|化学|生物学|研究論文",
        "ko": r"과학|물리학|화학|생물학|연구 ?논문",
        "de": r"wissenschaft\w*|physik\w*|chemie|biologie",
        "fr": r"scien\w*|physique|chimie|biologi\w*",
        "es": r"cienci\w*|cient(í|i)fic\w*|f(í|i)sica|qu(í|i)mica|biolog(í|i)a",
    },
}
"""The words that name each rating domain in the use case, per language (a table, not code: a use
case in Korean or German names its field as surely as one in English). Latin-script terms match from
the start of a word (`\\b`, so "law" in "lawyer", not in "outlaw"); Chinese, Japanese and Korean ones
anywhere (no spaces between words, particles attached). Copywriting, ad copy and product
descriptions are creative writing too (the rating measures writing to persuade and delight), so
marketing copy draws on it as well as on business (expert24 s12)."""
SPACELESS = frozenset({"zh", "ja", "ko"})
"""Scripts written without spaces between words: their terms match anywhere, not from a word's start."""


def _domain_pattern(terms: Mapping[str, str]) -> re.Pattern[str]:
    """One pattern for a domain's terms in every language (`DOMAIN_TERMS`)."""
    parts = [rf"\b(?:{t})" if lang not in SPACELESS else f"(?:{t})" for lang, t in terms.items()]
    return re.compile("|".join(parts), re.I)


DOMAINS: Mapping[str, re.Pattern[str]] = {d: _domain_pattern(terms) for d, terms in DOMAIN_TERMS.items()}
"""The pattern of each rating domain, built from `DOMAIN_TERMS`."""
TASK_DOMAIN = {"code": "coding", "reasoning": "math", "writing": "creative_writing"}
DOCUMENT_READING = re.compile(
    r"\b(ocr|optical character|handwrit\w*|document (reading|understanding|parsing)|read(ing)? (the )?documents?|pdfs?)\b"
    r"|文字识别|识别文字|手写|文档理解|文档解析|PDF",
    re.I,
)
"""Use cases that read documents as documents (OCR, handwriting, PDFs): LMArena's `document` category
measures it."""
DOCUMENT_OBJECTS = re.compile(
    r"\b(receipts?|invoices?|forms?|scan(s|ned)?|documents?|statements?|contracts?|id cards?|passports?|"
    r"facturas?|recibos?|albaranes|formularios?|documentos?|escane\w*|factures?|reçus?|"
    r"rechnungen?|quittungen?|belege?|formulare?|dokumente?)\b"
    r"|发票|收据|小票|单据|票据|表格|表单|文档|扫描|证件|合同|报表",
    re.I,
)
"""Pages of text a picture may show (receipts, invoices, forms, scans...): with image input, reading
them is document reading, not only vision."""
AGENTIC_CODING = re.compile(
    r"\b(agentic (coding|code|software)|coding agents?|code agents?|software agents?|swe-bench|"
    r"autonomous(ly)? (cod\w*|fix\w*|program\w*)|multi-file (edits?|changes?)|across (the|our|a) (repo\w*|codebase)|"
    r"open(s|ing)? pull requests?|pull requests? (for|that))"
    r"|编程智能体|智能体编程|代码智能体|自主编程|自动修复代码",
    re.I,
)
"""Use cases where a model changes code over many steps with tools (an agent on a repository): no
public rating measures it (LMArena's coding and webdev are single answers), so it is always a gap."""
LONG_PROMPT_TOKENS = 100_000
"""Prompts this long need evidence of reading that much text. No rating in the catalog measures it:
LMArena's `longer_query` category is its votes on prompts longer than ~500 tokens, not on 100,000."""


@dataclass(frozen=True)
class Shape:
    """One shape of task that needs a capability's evidence: every condition given must hold (None or
    empty: not checked). Data, read by `shape_needs`."""

    capability: str
    """`document` or `agentic_coding` or `long_context` (the `Need.capability` it adds)."""
    tasks: frozenset[str] = frozenset()
    """One of these task types."""
    modalities: frozenset[str] = frozenset()
    """One of these input modalities."""
    words: re.Pattern[str] | None = None
    """The use case names it."""
    needs: str | None = None
    """This `Requirements.needs` flag is set (e.g. `tool_calling`)."""
    min_input_tokens: float | None = None
    """Prompts at least this long (`volume.input_tokens`)."""
    decides: bool = True
    """The capability's rating category is *required* evidence (its absence orders a model after the
    complete ones it is tied with); False: weighted and its absence named ("no rating for document
    reading"), but the other required categories decide (the frozen decision evals: for photos of
    receipts and scanned invoices, vision ratings decide; for OCR, the document rating does)."""


SHAPES: tuple[Shape, ...] = (
    Shape("document", modalities=frozenset({"pdf"})),
    Shape("document", words=DOCUMENT_READING),
    Shape("document", modalities=frozenset({"image", "video"}), tasks=frozenset({"extraction"}), decides=False),
    Shape("document", modalities=frozenset({"image", "video"}), words=DOCUMENT_OBJECTS, decides=False),
    Shape("agentic_coding", words=AGENTIC_CODING),
    Shape("agentic_coding", tasks=frozenset({"code"}), needs="tool_calling"),
    Shape("long_context", min_input_tokens=LONG_PROMPT_TOKENS),
)
"""Which task shapes need which evidence, by what the task does (its type, inputs, tools and prompt
size), not only by the words of the use case: a PDF, an OCR use case, an extraction from images or a
picture of receipts/invoices/forms reads documents; a coding task with tools, or a use case about a
coding agent, is agentic coding; a prompt of 100,000+ tokens is long-context reading."""
CAPABILITY_CATEGORY: Mapping[str, str | None] = {
    "document": "document",
    "agentic_coding": None,
    "long_context": None,
}
"""The rating category that measures each shape's capability; None: no public rating measures it
(always an evidence gap, said plainly)."""


@dataclass(frozen=True)
class Need:
    """A capability the task needs beyond the task itself, and the rating category that measures it."""

    capability: str
    """`document`, a domain (`legal`...), `language:<code>`, `agentic_coding` or `long_context`."""
    category: str | None
    """The rating category; None when no public rating measures it at all."""


def shape_matches(shape: Shape, req: Requirements) -> bool:
    """Whether `req` has `shape` (every condition the shape gives)."""
    return (
        (not shape.tasks or req.task_type in shape.tasks)
        and (not shape.modalities or any(m in shape.modalities for m in req.input_modalities))
        and (shape.words is None or shape.words.search(req.use_case) is not None)
        and (shape.needs is None or bool(getattr(req.needs, shape.needs)))
        and (shape.min_input_tokens is None or req.volume.input_tokens >= shape.min_input_tokens)
    )


def shape_needs(req: Requirements) -> tuple[str, ...]:
    """The capabilities the task's shape needs evidence for (`SHAPES`), in their order there."""
    return tuple(dict.fromkeys(s.capability for s in SHAPES if shape_matches(s, req)))


def deciding_needs(req: Requirements) -> tuple[str, ...]:
    """The capabilities of `shape_needs` whose rating is required evidence (`Shape.decides`)."""
    return tuple(dict.fromkeys(s.capability for s in SHAPES if s.decides and shape_matches(s, req)))


def reads_documents(req: Requirements) -> bool:
    """The task reads documents (`SHAPES`): PDF input, an OCR/handwriting/PDF use case, an extraction
    from images, or images of receipts, invoices, forms or scans."""
    return "document" in shape_needs(req)


def evidence_needs(req: Requirements) -> tuple[Need, ...]:
    """What the task needs public evidence for, beyond the task's own categories: the input
    modality's category, each non-English language, the use case's domains, and what the task's
    shape needs (`SHAPES`: document reading, agentic coding, long-context reading). Tasks no public
    rating covers at all (speech, embeddings...) say so as a whole."""
    if not TASK_CATEGORIES[req.task_type]:
        return ()
    needs = [Need(c, c) for c in sorted({MODALITY_CATEGORIES[m] for m in req.input_modalities if m in MODALITY_CATEGORIES})]
    shaped = shape_needs(req)
    if "document" in shaped:
        needs.append(Need("document", CAPABILITY_CATEGORY["document"]))
    needs += [Need(f"language:{lang}", LANGUAGE_CATEGORIES.get(lang)) for lang in req.languages if lang != "en"]
    needs += [Need(d, d) for d in domains_of(req)]
    needs += [Need(c, CAPABILITY_CATEGORY[c]) for c in shaped if c != "document"]
    return tuple(dict.fromkeys(needs))


def evidence_gaps(req: Requirements, models: Sequence[Model]) -> list[str]:
    """The needed capabilities (`evidence_needs`) for which none of `models` (the candidates that meet
    every hard constraint) has a rating: said plainly in the recommendation, never silently skipped."""
    return [
        n.capability
        for n in evidence_needs(req)
        if n.category is None or not any(n.category in m.ratings for m in models)
    ]
BALANCED_MARGIN = 5.0
"""`priority: balanced` admits candidates up to this many points (0..100 scale) below the tier."""
DEAD_HEAT_POINTS = 1.0
"""Point estimates (0..100) this close are a dead heat: far inside any rating's likely range, so under
`priority: quality` the tier's top and a markedly cheaper member (`DEAD_HEAT_PRICE`) are equals and
the cheaper one leads (`_dead_heat`). Price never outweighs a real difference; this is none."""
DEAD_HEAT_PRICE = 1.5
"""How many times dearer the top-rated member must be for a dead heat to go to the cheaper one."""
DEAD_HEAT_EDGE = 0.9
"""A top-rated member estimated at this share of the latency target or more sits at its edge: a dead
heat at no higher cost then goes to a member that answers in half the time (s08: 5.63 s of 6 s
against 1.82 s, one point apart, the same GPU bill)."""
QUALITY_SCALE = 100.0
WEAK_MARGIN = 10.0
"""A rating this many points (0..100) below the model's own score on its other categories shows a
weakness (`weak_where_missing`)."""


@dataclass(frozen=True)
class Profile:
    """Which rating categories back the quality score for one set of requirements."""

    weights: tuple[tuple[str, float], ...]
    required: tuple[str, ...]
    """Categories whose absence is a named risk (input modality, languages) and orders a model after
    the complete ones it is tied with."""
    domains: tuple[str, ...]
    named: tuple[str, ...] = ()
    """Categories whose absence is a named risk only (`Shape.decides` False)."""


@dataclass(frozen=True)
class Quality:
    """A model's task quality on the 0..100 scale, with its interval and what it rests on."""

    value: float | None
    lower: float | None
    upper: float | None
    used: tuple[RatingUsed, ...]
    missing: tuple[str, ...]
    """Required categories without a rating for this model."""
    unrated: tuple[str, ...] = ()
    """The profile's `named` categories without a rating for this model (said, never ordering)."""
    parts: tuple[tuple[str, float, float, float, float], ...] = ()
    """(category, profile weight, normalised score, lower, upper) of each category it rests on: what
    `shared` recomputes the score from on the categories two models both have."""

    def on(self, categories: frozenset[str]) -> tuple[float, float, float] | None:
        """(value, lower, upper) over `categories` only (weights renormalised); None: none of them."""
        return _weighted([p for p in self.parts if p[0] in categories])

    @property
    def evidence_missing(self) -> tuple[str, ...]:
        """Every needed category this model has no rating for: required, then named only."""
        return self.missing + self.unrated

    @property
    def basis(self) -> str:
        if not self.used:
            return "no public rating for this task"
        first = self.used[0]
        text = "normalised per category: " + ", ".join(f"{u.category} {u.weight:.0%}" for u in self.used)
        text += f" ({first.source}, {first.as_of})"
        if self.evidence_missing:
            text += f"; no rating for {', '.join(self.evidence_missing)}"
        return text


Scales = Mapping[str, tuple[float, float]]


def category_scales(models: Sequence[Model]) -> dict[str, tuple[float, float]]:
    """(lowest, highest) score of each rating category over every rated model (its own scale)."""
    scales: dict[str, tuple[float, float]] = {}
    for m in models:
        for cat, r in m.ratings.items():
            lo, hi = scales.get(cat, (r.score, r.score))
            scales[cat] = (min(lo, r.score), max(hi, r.score))
    return scales


def domains_of(req: Requirements) -> tuple[str, ...]:
    """The rating domains (`DOMAINS`) the use case names, then the task's own (`TASK_DOMAIN`)."""
    return _domains(req.use_case, req.task_type)


@lru_cache(maxsize=256)
def _domains(use_case: str, task_type: str) -> tuple[str, ...]:
    # Asked once per candidate and risk line: one scan of a long use case per requirements, not a
    # thousand (a 3,000-character use case took 4 s of a 5.5 s recommend before this cache).
    found = [d for d, pattern in DOMAINS.items() if pattern.search(use_case)]
    extra = TASK_DOMAIN.get(task_type)
    if extra and extra not in found:
        found.append(extra)
    return tuple(found)


FINANCE = re.compile(
    r"\b(financ\w*|invest\w*|loans?|lending|credit|insurance|tax(es)?|trading|banking|wealth)"
    r"|金融|投资|贷款|信贷|保险|税务|证券|理财",
    re.I,
)
"""Use cases that decide about people's money (no rating category of its own: `business` covers
sales and marketing too)."""
HIGH_STAKES = ("medicine", "legal")
"""Rating domains (`DOMAINS`) where a wrong answer can harm the person it is about."""


INSURANCE = re.compile(r"\b(insur\w*|underwrit\w*|policyholders?)|保险|保險|理赔|理賠|投保", re.I)
"""Use cases about insurance: health or accident details in a claim make it a high-stakes case, but
the person who reviews the model's answers is a claims handler, not a clinician (expert24 D14)."""


def stakes_field(req: Requirements) -> str | None:
    """'insurance' when a high-stakes use case (`high_stakes_domain`: medicine or money) is about
    insurance, so the reviewer named is the one who fits the field; else None (the domain's own)."""
    if high_stakes_domain(req) in ("medicine", "finance") and INSURANCE.search(req.use_case):
        return "insurance"
    return None


def high_stakes_domain(req: Requirements) -> str | None:
    """'medicine', 'legal' or 'finance' when the use case is in a field where a wrong answer can harm
    someone (the domains `domains_of` finds for the ratings, and money decisions), else None."""
    found = domains_of(req)
    hit = next((d for d in HIGH_STAKES if d in found), None)
    if hit is None and FINANCE.search(req.use_case):
        hit = "finance"
    return hit


def quality_profile(req: Requirements) -> Profile:
    """The categories and weights for `req`: task, then modality, languages and domains (each share
    taken out of the whole, so the weights always sum to 1)."""
    task = dict(TASK_CATEGORIES[req.task_type])
    if not task:
        # No public rating measures this task (speech, embeddings, moderation, image generation): no
        # quality score, but the language and modality evidence is still named as missing, so the
        # report says plainly that nothing public backs the pick for, e.g., Chinese audio.
        langs = [LANGUAGE_CATEGORIES[lang] for lang in req.languages if lang in LANGUAGE_CATEGORIES]
        modality = sorted({MODALITY_CATEGORIES[m] for m in req.input_modalities if m in MODALITY_CATEGORIES})
        return Profile((), tuple(dict.fromkeys([*modality, *langs])), ())
    parts: list[tuple[dict[str, float], float]] = []
    required: list[str] = []
    modality = sorted({MODALITY_CATEGORIES[m] for m in req.input_modalities if m in MODALITY_CATEGORIES})
    named: list[str] = []
    if reads_documents(req):
        modality = sorted({*modality, "document"})  # document reading is needed evidence too
        if "document" not in deciding_needs(req):
            named.append("document")
    if modality and not set(modality) <= set(task):
        parts.append((_modality_shares(modality), MODALITY_WEIGHT))
    required += [c for c in modality if c not in named]
    langs = [LANGUAGE_CATEGORIES[lang] for lang in req.languages if lang in LANGUAGE_CATEGORIES]
    if langs:
        # English has no category of its own (the task's ratings are mostly English): with English
        # among the languages, the others take their share of the language weight, not all of it
        share = len(langs) / len([lang for lang in req.languages if lang in LANGUAGE_CATEGORIES or lang == "en"])
        parts.append(({c: 1.0 / len(langs) for c in langs}, LANGUAGE_WEIGHT * share))
        required += langs
    domains = tuple(d for d in domains_of(req) if d not in task)
    if domains:
        parts.append(({d: 1.0 / len(domains) for d in domains}, DOMAIN_WEIGHT))
    # The task's own categories never weigh less than TASK_MIN_SHARE of what the other parts weigh
    # together (images 50% and Chinese 40% left a maths tutor's maths rating 4%).
    rest = max(TASK_MIN_SHARE, 1.0 - sum(w for _, w in parts))
    total = rest + sum(w for _, w in parts)
    weights: dict[str, float] = {c: w * rest / total for c, w in task.items()}
    for cats, share in parts:
        for c, w in cats.items():
            weights[c] = weights.get(c, 0.0) + w * share / total
    ordered = tuple(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])))
    return Profile(ordered, tuple(dict.fromkeys(required)), domains_of(req), tuple(named))


DOCUMENT_SHARE = 2 / 3
"""Of the modality weight, the share of document reading when the task reads documents (scans,
forms, PDFs) beside other modalities: reading the page is the job, general image understanding
helps it (s05's delivery notes weighed German above document reading)."""


def _modality_shares(modality: Sequence[str]) -> dict[str, float]:
    """How the modality weight splits: evenly, except that document reading takes DOCUMENT_SHARE."""
    if "document" not in modality or len(modality) == 1:
        return {c: 1.0 / len(modality) for c in modality}
    rest = (1.0 - DOCUMENT_SHARE) / (len(modality) - 1)
    return {c: DOCUMENT_SHARE if c == "document" else rest for c in modality}


def _norm(value: float, scale: tuple[float, float]) -> float:
    lo, hi = scale
    if hi <= lo:
        return QUALITY_SCALE
    return (value - lo) / (hi - lo) * QUALITY_SCALE


def task_quality(model: Model, profile: Profile, scales: Scales) -> Quality:
    """Weighted mean of the model's normalised ratings over the profile's categories it has."""
    present = [(c, w) for c, w in profile.weights if c in model.ratings and c in scales]
    missing = tuple(c for c in profile.required if c not in model.ratings)
    unrated = tuple(c for c in profile.named if c not in model.ratings)
    if not present:
        return Quality(None, None, None, (), missing, unrated)
    total = sum(w for _, w in present)
    used: list[RatingUsed] = []
    parts: list[tuple[str, float, float, float, float]] = []
    for c, w in present:
        r, share = model.ratings[c], w / total
        n, n_lo, n_hi = _norm(r.score, scales[c]), _norm(r.lower, scales[c]), _norm(r.upper, scales[c])
        parts.append((c, w, n, n_lo, n_hi))
        used.append(
            RatingUsed(category=c, elo=r.score, lower=r.lower, upper=r.upper, weight=round(share, 4),
                       normalised=round(n / QUALITY_SCALE, 4), source=r.source, as_of=r.as_of.isoformat())
        )  # fmt: skip
    value, lower, upper = _weighted(parts) or (0.0, 0.0, 0.0)
    return Quality(value, lower, upper, tuple(used), missing, unrated, tuple(parts))


def _weighted(parts: Sequence[tuple[str, float, float, float, float]]) -> tuple[float, float, float] | None:
    """The weighted mean (value, lower, upper) of (category, weight, value, lower, upper) parts; None
    when there are none."""
    total = sum(w for _, w, _, _, _ in parts)
    if not parts or total <= 0:
        return None
    value = sum(w / total * n for _, w, n, _, _ in parts)
    lower = sum(w / total * lo for _, w, _, lo, _ in parts)
    upper = sum(w / total * hi for _, w, _, _, hi in parts)
    return value, lower, upper


@dataclass(frozen=True)
class Comparison:
    """Two models' quality compared on the rating categories both have (`shared`)."""

    a: float
    """`a`'s score on the shared categories (0..100 scale)."""
    b: float
    """`b`'s score on the shared categories."""
    overlap: bool
    """Their intervals overlap: statistically tied on public ratings."""
    gap: float
    """How far `a`'s upper bound falls short of `b`'s lower bound (0 when it reaches it)."""
    left_out: tuple[str, ...]
    """Categories one of them is rated in and the other not, left out of the comparison."""

    @property
    def d(self) -> float:
        """`a` minus `b`, in points."""
        return self.a - self.b


def shared(a: Quality, b: Quality) -> Comparison | None:
    """`a` against `b` with every *required* rating that one of them lacks (`Quality.missing`: the
    person's language, images...) set aside on both sides. A model with no German rating is scored on
    the categories it has, which may leave out its weakest: compared with one that has the German
    rating, the German rating is set aside for both, so neither gains from a missing rating. Other
    categories stay as each model's score has them (a known weak document rating still counts).
    None when either is unrated or nothing is left to compare."""
    if a.value is None or b.value is None:
        return None
    drop = set(a.missing) | set(b.missing)
    cats_a, cats_b = {p[0] for p in a.parts}, {p[0] for p in b.parts}
    qa, qb = a.on(frozenset(cats_a - drop)), b.on(frozenset(cats_b - drop))
    if qa is None or qb is None:
        return None
    return Comparison(
        a=qa[0],
        b=qb[0],
        overlap=qa[2] >= qb[1] and qb[2] >= qa[1],
        gap=max(0.0, qb[1] - qa[2]),
        left_out=tuple(sorted(drop & (cats_a | cats_b))),
    )


def gap(a: Quality, b: Quality) -> float:
    """How far `a`'s interval falls short of `b`'s lower bound (0 when it reaches it), on their shared
    categories (`shared`); on the overall figures when they share none."""
    c = shared(a, b)
    if c is not None:
        return c.gap
    upper = a.upper if a.upper is not None else a.value or 0.0
    lower = b.lower if b.lower is not None else b.value or 0.0
    return max(0.0, lower - upper)


def reaches(a: Quality, b: Quality, margin: float = 0.0) -> bool:
    """`a`'s interval reaches `b`'s lower bound within `margin` points (`gap`)."""
    return gap(a, b) <= margin


@dataclass(frozen=True)
class Entry:
    """One candidate's ranking figures (the engine's options, before any Candidate is built)."""

    key: str
    quality: Quality
    monthly: float
    p95: float
    maker_first: bool = False
    """Speech-to-text and other unrated tasks: the maker's own model before resellers' listings."""
    retiring: bool = False
    """Announced to retire within `engine.RETIRING_DAYS`: provisional (see `provisional`)."""
    preview: bool = False
    """A preview or experimental release whose maker has a stable sibling of the same family in the
    catalog (`filters.stable_sibling`): provisional (see `provisional`)."""
    unit_cost: float = 0.0
    """Tie-break among value candidates of equal monthly cost: self-hosted, the GPU dollars per request
    at full capacity (a smaller model serves more on the same GPUs); via an API, the monthly cost."""
    coverage: int = 0
    """Speech-to-text: how the documented facts fit the need (`engine._speech_fit`, lower first: the
    languages' coverage, then speaker separation when needed); embeddings: `engine._embedding_fit`
    (the languages' coverage, then the model's place in its maker's line); moderation:
    `engine._moderation_fit`."""
    misses_language: bool = False
    """Documented not to cover one of the person's languages (`engine._misses_language`): never the
    value pick beside a #1 that is not."""
    maker: str = ""
    """Who made the model (its key when unknown): an unrated shortlist spans makers (`spread_makers`)."""
    tight_context: bool = False
    """Its window leaves little room over the average request (`filters.context_tight`): never the
    value pick while a value candidate with room exists."""
    days_left: int | None = None
    """Days until its maker's announced retirement (None: none announced): a migration target must
    outlive the model it replaces by `MIGRATION_YEARS` (`_lasting_alternative`)."""
    held: tuple[str, ...] = ()
    """The reservations that hold it back (`engine.reservations`: 'latency_over_target',
    'foreign_law', 'price_below_typical', 'thinking_cut'): provisional like a retiring model (see
    `provisional`); among comparable candidates, fewer warnings first (`warning_count`)."""


@dataclass(frozen=True)
class Ordered:
    """The ranking: entries best first, which of them form the quality tier, and the value pick."""

    entries: list[Entry]
    tier: frozenset[str]
    rule: str
    """How #1 was chosen: 'best_in_tier' (priority quality; 'dead_heat' when a markedly cheaper member
    within a point of the top leads: `_dead_heat`), 'cheapest_in_tier' (balanced; 'tied_in_tier' when
    a model tied with the quality pick leads a cheaper one only near it: `balanced_bill`),
    'cheapest_reaching_floor' (cost) or 'cheapest_unrated'."""
    value: str | None = None
    """The value pick's key: the cheapest candidate of the (balanced-widened) tier cheaper than #1,
    else the best-rated cheaper candidate (its gap stated), else None."""
    value_rule: str = ""
    """'tied' (its interval overlaps the best one's: statistically tied on public ratings), 'near'
    (inside the balanced margin only) or 'cheaper' (the best-rated cheaper one, a stated gap)."""
    quality: str | None = None
    """The quality pick's key: the strongest of the quality tier (what `priority: quality` leads
    with). Under `balanced` or `cost` the #1 may be a cheaper model of the tier: then the quality
    pick is the strongest and the #1 is the value pick. None: the #1."""
    demoted: tuple[str, ...] = ()
    """Provisional candidates (retiring soon, or a preview with a stable sibling) that would have led
    the quality tier or been the value pick, placed after a comparable lasting candidate instead."""
    lasting: str | None = None
    """When the quality pick is itself provisional (no lasting candidate is statistically tied with
    it): the highest-rated lasting candidate, the one to plan the move to. None otherwise."""
    best: str | None = None
    """The highest-rated candidate: the quality tier is every candidate whose interval reaches its
    lower bound ('tied'), widened by BALANCED_MARGIN ('near'). None: nothing is rated."""
    refused: tuple[tuple[str, str], ...] = ()
    """When there is no value pick: the candidates cheaper than the quality pick, each with the
    `value_bar` code that keeps it from being the value pick (best first). Empty otherwise."""
    rival: str | None = None
    """Rule 'dead_heat': the top-rated member the cheaper #1 ties with (`_dead_heat`). None otherwise."""


def provisional(e: Entry) -> bool:
    """Retiring within the warning horizon, a preview whose maker has a stable sibling, or held back
    by a reservation (`Entry.held`: over the latency target within the estimate's margin, confidential
    data under another country's law, a price far below the model's usual one): never the quality
    pick or the value pick while a comparable (`comparable`) candidate without it exists."""
    return e.retiring or e.preview or bool(e.held)


def warning_count(e: Entry) -> int:
    """How many warnings hold `e` back (retiring, preview, each `Entry.held` code): among comparable
    candidates the one with fewer leads (Kimi K3 cut in its thinking AND under another law for
    patient data goes after Muse Spark cut in its thinking only)."""
    return int(e.retiring) + int(e.preview) + len(e.held)


def _group(e: Entry) -> int:
    if e.quality.value is None:
        return 3
    return 2 if e.quality.missing else 1


READING_CATEGORIES = frozenset({*MODALITY_CATEGORIES.values(), "document"})
"""The categories that measure reading the input itself (images, scans, PDFs): a required one a model
has no rating for is missing evidence that it can read what it is sent at all (`modality_gaps`)."""


def modality_gaps(e: Entry) -> int:
    """How many required reading categories (`READING_CATEGORIES`) `e` has no rating for: inside a
    quality tier, and among its dead-heat peers, a model with fewer such gaps leads (novice25 P2: on
    scanned invoices Kimi K3, rated in neither vision nor document reading, led Qwen3.8 Max, rated in
    vision, because both lacked some required rating)."""
    return len(READING_CATEGORIES.intersection(e.quality.missing))


def _lower(e: Entry) -> float:
    return e.quality.lower if e.quality.lower is not None else e.quality.value or 0.0


def _cheaper(a: Entry, b: Entry) -> bool:
    """`a`'s bill at the stated volume is lower than `b`'s (to the cent). A self-hosted model with the
    same GPU bill but more capacity is not cheaper at this volume (it is headroom, said as such)."""
    return round(a.monthly, 2) < round(b.monthly, 2)


def dominates(a: Entry, b: Entry) -> bool:
    """`a` is rated at least as high as `b` (point estimate, on the same evidence: both complete or
    both missing required categories) and costs no more, better in one; a model announced to retire
    displaces one that is not only by being rated higher."""
    if a.quality.value is None or b.quality.value is None:
        return False
    if warning_count(a) > warning_count(b):
        return False  # a model about to retire (or a preview, or held back) never displaces one with fewer warnings
    if _group(a) != _group(b):
        # Rated evidence leads a tie, but it is no reason to pay more for a model rated lower on
        # everything both are rated in when its own rating in what the other lacks is a weakness.
        both = shared(a.quality, b.quality)
        return (_group(a) > _group(b) and _cheaper(a, b) and both is not None and round(both.a, 1) > round(both.b, 1)
                and weak_where_missing(b.quality, a.quality))  # fmt: skip
    if modality_gaps(a) > modality_gaps(b):
        return False  # less evidence that it reads the input never displaces more (`modality_gaps`)
    return _better_or_equal(a, b)


def weak_where_missing(rated: Quality, unrated: Quality) -> bool:
    """`rated` has a rating in a required category `unrated` lacks, and it sits more than
    WEAK_MARGIN points below `rated`'s own score on the other categories: the evidence it has
    there shows a weakness, not a strength (Gemini 3.5 Flash's document reading at 61 against about
    90 elsewhere)."""
    gaps = [c for c in unrated.missing if any(p[0] == c for p in rated.parts)]
    rest = rated.on(frozenset(p[0] for p in rated.parts if p[0] not in unrated.missing))
    if not gaps or rest is None:
        return False
    return any(n < rest[0] - WEAK_MARGIN for c, _, n, _, _ in rated.parts if c in gaps)


def _better_or_equal(a: Entry, b: Entry) -> bool:
    """`a` is rated at least as high (point estimate on the ratings both have, `shared`; 0.1 point)
    and costs no more (to the cent), better in one."""
    both = shared(a.quality, b.quality)
    qa, qb = (both.a, both.b) if both is not None else (a.quality.value or 0.0, b.quality.value or 0.0)
    qa, qb = round(qa, 1), round(qb, 1)
    ca, cb = round(a.monthly, 2), round(b.monthly, 2)
    return qa >= qb and ca <= cb and (qa > qb or ca < cb)


def on_value_frontier(e: Entry, entries: Sequence[Entry]) -> bool:
    """No other lasting rated candidate is both no more expensive and rated at least as high (better
    in one): the value pick sits on the cost/quality frontier of what can be proposed. A candidate with
    more warnings than `e` (`warning_count`) does not count, since it cannot be proposed while one with
    fewer exists; one with no more warnings does (expert24, s09: every candidate was over the latency
    target on a guessed speed, so none counted and Qwen3.7 Max, rated below and priced above Qwen3.8 Max,
    was the value pick)."""
    if e.quality.value is None:
        return False
    return not any(
        o.key != e.key and o.quality.value is not None and warning_count(o) <= warning_count(e)
        and _better_or_equal(o, e)
        for o in entries
    )  # fmt: skip


def _lasting_first(entries: Sequence[Entry], key: Callable[[Entry], tuple[float | int | bool | str, ...]]) -> list[Entry]:
    """`entries` by `key`, the ones with fewer warnings (`warning_count`) first: lasting before provisional."""
    return sorted(entries, key=lambda e: (warning_count(e), key(e)))


def undominated_order(entries: list[Entry]) -> list[Entry]:
    """`entries` with every candidate moved ahead of any candidate it dominates (more expensive AND
    lower-rated never ranks above): at each position, the entry there is replaced by its best
    dominator still to place (highest rated, then cheapest), repeatedly; otherwise the order stays."""
    rest = list(entries)
    out: list[Entry] = []
    while rest:
        pick = rest[0]
        while True:
            better = [e for e in rest if dominates(e, pick)]
            if not better:
                break
            pick = max(better, key=lambda e: (e.quality.value or 0.0, -e.monthly, e.key))
        rest.remove(pick)
        out.append(pick)
    return out


def _dead_heat(head: Sequence[Entry], target: float | None, points: float = DEAD_HEAT_POINTS) -> Entry | None:
    """The member of the quality head in a dead heat with its top (`DEAD_HEAT_POINTS`: the same
    evidence and warnings, its point estimate within a point) that costs at most 1/`DEAD_HEAT_PRICE`
    of it, the cheapest such; else, when the top's estimate sits within `DEAD_HEAT_EDGE` of the
    latency target, one at no higher cost that answers in half its time or less, the fastest such;
    None when there is none."""
    if not head or head[0].quality.value is None:
        return None
    top = head[0]
    top_value = top.quality.value or 0.0
    peers = [e for e in head[1:] if e.quality.value is not None and warning_count(e) == warning_count(top)
             and _group(e) == _group(top) and modality_gaps(e) <= modality_gaps(top)
             and top_value - e.quality.value <= points + 1e-9]  # fmt: skip
    cheaper = [e for e in peers if e.monthly * DEAD_HEAT_PRICE <= top.monthly]
    if cheaper:
        return min(cheaper, key=lambda e: (e.monthly, -(e.quality.value or 0.0), e.key))
    if target is None or top.p95 < DEAD_HEAT_EDGE * target:
        return None
    faster = [e for e in peers if e.monthly <= top.monthly and 0.0 < e.p95 <= 0.5 * top.p95]
    return min(faster, key=lambda e: (e.p95, e.monthly, e.key), default=None)


def _with_lasting_peers(strict: list[Entry], rated: Sequence[Entry], best: Entry) -> list[Entry]:
    """The quality tier, `strict` (tied with the best-rated `best`), joined by the models tied with the
    best of those carrying the fewest warnings when `best` itself carries more: a tier measured from a
    preview or a retiring model, which ranks after them, must not leave out a lasting model rated above
    the lasting member that happened to reach it on a wider interval (tw_gov: Gemini 3.5 Flash Lite,
    86.8 (85.0-88.6), outside the tier of the 91.7 preview that Gemma 4 31B, 86.4 (83-90), reached;
    "the strongest that fits" was then the lower-rated one, expert22 N-3)."""
    fewest = min(warning_count(e) for e in strict)
    if warning_count(best) <= fewest:
        return strict
    peers = [e for e in rated if warning_count(e) == fewest]  # the same warnings: no model jumps the tier on fewer
    top = max(peers, key=lambda e: (e.quality.value or 0.0, -e.monthly, e.key))
    keys = {e.key for e in strict}
    return strict + [e for e in peers if e.key not in keys and reaches(e.quality, top.quality)]


def _quality_head(e: Entry) -> tuple[int, int, float, bool, float, float, str]:
    """Quality first inside the tier: complete evidence, evidence of reading the input
    (`modality_gaps`), the point estimate, then cost."""
    return (_group(e), modality_gaps(e), -(e.quality.value or 0.0), provisional(e), e.monthly, e.p95, e.key)


def spread_makers(entries: list[Entry]) -> list[Entry]:
    """An unrated shortlist (nothing public tells its models apart: it is tested on the person's own
    data) spans makers: within each level of documented language coverage, each maker's best-placed
    model first, in the given order, then each maker's second, and so on; the first entry stays
    first. Ten variants of one maker's line (Voxtral Mini, its dated and realtime twins) would
    otherwise push every other maker's model out of the list."""
    seen: dict[tuple[int, str], int] = {}
    rounds = []
    for i, e in enumerate(entries):
        group = (e.coverage, e.maker or e.key)
        n = seen.get(group, 0)
        seen[group] = n + 1
        rounds.append((e.coverage, n, i))
    return [entries[i] for *_, i in sorted(rounds)]


NOT_BUYABLE = "not_offered_cn"
"""The reservation (`engine.reservations`) of a model the person cannot buy where they are: unlike a
warning, it keeps the model out of the picks while anything they can buy passes (`order`)."""

CHINA_LAW = "china_law"
"""The reservation of confidential or restricted data of a person outside mainland China going to a
provider under Chinese law (`engine.reservations`)."""

RETIRES_SOON = "retires_soon"
"""The reservation of a model (or listing) its maker retires within `engine.IMMINENT_DAYS` of the
reference date: no base for new work while a lasting model passes."""

BAA_UNCONFIRMED = "baa_unconfirmed"
"""The reservation of US health data sent to a provider that does not sign a HIPAA business associate
agreement as standard (`engine.BAA_STANDARD`)."""

PRICE_DOUBT = "price_below_typical"
"""The reservation of a seller's price under half the model's usual one (`engine.reservations`): a
warning to confirm, never the value pick (expert24 s07: a listing at 40% of the usual price)."""

OUT_OF_MAINLAND = "out_of_mainland"
"""The reservation of confidential or restricted data of a person in mainland China going to a provider
under another country's law (`engine._out_of_mainland`): a cross-border transfer under PIPL."""

HELD_LAST = frozenset({NOT_BUYABLE, CHINA_LAW, RETIRES_SOON, BAA_UNCONFIRMED, OUT_OF_MAINLAND})
"""Reservations that rank a model after every model without them (`order`): never a pick while one
without them passes."""


def order(req: Requirements, entries: Sequence[Entry], anchor: Entry | None = None) -> Ordered:
    """Sort candidates in the seeds' order (module docstring); a total order (ties by key). Models the
    person cannot buy where they are (`NOT_BUYABLE`), or may not send their confidential data to
    (`CHINA_LAW`), are ranked after every model without that (`HELD_LAST`), as the table's reference,
    never a pick, while one without it passes. The bar a model held back only for retiring soon set
    still stands (`anchor`): the tier is measured from it when a candidate reaches it, so dropping a
    retiring leader does not lower the bar (expert21 D-7: s10's start pick fell to a weaker model)."""
    blocked = [e for e in entries if HELD_LAST.intersection(e.held)]
    if blocked and len(blocked) < len(entries):
        retiring = [e for e in blocked if e.held == (RETIRES_SOON,) and e.quality.value is not None]
        top = max(retiring, key=lambda e: (e.quality.value or 0.0, -e.monthly, e.key), default=None)
        ordered = order(req, [e for e in entries if not HELD_LAST.intersection(e.held)], anchor=top)
        tail = sorted(blocked, key=lambda e: (e.quality.value is None, -(e.quality.value or 0.0), e.monthly, e.key))
        return replace(ordered, entries=[*ordered.entries, *tail])
    # Every rated candidate competes on quality, whether or not it has the required evidence: a model
    # unrated in the person's language does not lose to a clearly weaker one only for that (it
    # carries the named risk). Inside overlapping quality, rated evidence breaks the tie (`_group`
    # before the point estimate); between non-overlapping quality, quality decides.
    rated = [e for e in entries if e.quality.value is not None]
    rest_key = lambda e: (e.quality.value is None, -(e.quality.value or 0.0), _group(e), provisional(e), e.monthly, e.p95, e.key)  # noqa: E731
    if not rated:
        unrated = spread_makers(
            sorted(entries, key=lambda e: (e.coverage, provisional(e), not e.maker_first, e.monthly, e.p95, e.key))
        )
        value, refused = _unrated_value(req, unrated)
        return Ordered(unrated, frozenset(), "cheapest_unrated", value.key if value else None, "cheaper",
                       refused=refused)  # fmt: skip
    best = max(rated, key=lambda e: (e.quality.value or 0.0, -e.monthly, e.key))
    # Tied with the best on the categories both are rated in (`reaches`): a model without the German
    # rating neither joins nor leaves the tier because its score skips the German category.
    gaps = {e.key: gap(e.quality, best.quality) for e in rated}
    strict = _with_lasting_peers([e for e in rated if gaps[e.key] <= 0], rated, best)
    in_strict = {e.key for e in strict}
    widened = [e for e in rated if gaps[e.key] <= BALANCED_MARGIN or e.key in in_strict]
    if anchor is not None and (anchor.quality.value or 0.0) > (best.quality.value or 0.0):
        # the balanced margin is measured from the retiring leader when a candidate comes within it;
        # the quality tier (statistical ties) stays measured from the best that passes
        near = {e.key: gap(e.quality, anchor.quality) for e in rated}
        if any(g <= BALANCED_MARGIN for g in near.values()):
            widened = [e for e in rated if near[e.key] <= BALANCED_MARGIN]
    # Under every priority a member with the required evidence (the person's language, images,
    # documents) leads the members without it: cheaper is no reason to rest on a missing rating.
    cheapest_head: Callable[[Entry], tuple[float | int | bool | str, ...]] = lambda e: (  # noqa: E731
        _group(e), modality_gaps(e), e.monthly, provisional(e), e.p95, -(e.quality.value or 0.0), e.key)
    if req.priority == "quality":
        tier, rule = strict, "best_in_tier"
        head_key: Callable[[Entry], tuple[float | int | bool | str, ...]] = _quality_head
    elif req.priority == "balanced":
        tier, rule = widened, "cheapest_in_tier"
        bill = min(strict, key=lambda e: (warning_count(e), _quality_head(e))).monthly  # the quality pick's
        head_key = lambda e: (_group(e), modality_gaps(e), balanced_bill(e, in_strict, bill), *cheapest_head(e)[2:])  # noqa: E731
        if _lasting_first(tier, head_key)[0].key != _lasting_first(tier, cheapest_head)[0].key:
            rule = "tied_in_tier"
    else:
        # every candidate reaching the tier's floor, and never fewer than `balanced` admits: putting cost
        # first must not lead with a dearer model than the balanced priority would
        floor = min(strict, key=_lower)
        admitted = {e.key for e in widened}
        tier = [e for e in rated if e.key in admitted or reaches(e.quality, floor.quality)]
        rule, head_key = "cheapest_reaching_floor", cheapest_head
    strict_keys = frozenset(e.key for e in strict)
    tier_keys = frozenset(e.key for e in tier)
    head = _lasting_first(tier, head_key)
    heat = _dead_heat(head, req.latency.p95_seconds) if req.priority == "quality" else None
    rival = head[0].key if heat is not None else None
    if heat is not None:
        head = [heat, *(e for e in head if e is not heat)]
        rule = "dead_heat"
    head_keys = {e.key for e in head}
    tail = sorted((e for e in entries if e.key not in head_keys), key=rest_key)
    # a dead heat's winner stays first: rated a point lower, it is "dominated" only on paper
    ranked = [heat, *undominated_order(head[1:] + tail)] if heat is not None else undominated_order(head + tail)
    if req.priority == "balanced":
        # at the same bill, the higher point estimate leads (it dominates on paper); one sitting at the
        # latency edge gives way to a model in a dead heat with it that answers in half the time (s08)
        # balanced accepts a model within its margin: a statistically tied one (its interval reaching the
        # top's) within BALANCED_MARGIN points is a dead heat for answer time
        tied = [e for e in ranked[1:] if e.key in tier_keys and not _cheaper(e, ranked[0]) and reaches(e.quality, ranked[0].quality)]
        edge = _dead_heat([ranked[0], *tied], req.latency.p95_seconds, BALANCED_MARGIN)
        if edge is not None:
            heat, rival, rule = edge, ranked[0].key, "dead_heat"
            ranked = [edge, *(e for e in ranked if e is not edge)]
    lead = ranked[0]
    pool = {e.key for e in widened} | tier_keys
    demoted = [e.key for e in head if warning_count(e) > warning_count(lead) and _above(e, lead)]
    strongest = lead
    if req.priority != "quality":
        # The quality pick stays the strongest of the tier whatever the priority; a cheaper #1 chosen
        # by the priority is then the value pick (a real quality/value pair, both named).
        strongest = min(strict, key=lambda e: (warning_count(e), _quality_head(e)))
        demoted += [e.key for e in strict if warning_count(e) > warning_count(strongest) and _above(e, strongest)]
    lasting = _lasting_alternative(ranked, strongest)
    least = min_saving(req)
    if strongest.key != lead.key and (_cheaper(lead, strongest) or rule == "dead_heat"):
        rule_of_lead = "tied" if lead.key in strict_keys else "near" if lead.key in pool else "cheaper"
        return Ordered(ranked, tier_keys, rule, lead.key, rule_of_lead, strongest.key, _keys(demoted), lasting,
                       best.key, rival=rival)  # fmt: skip
    if strongest.key != lead.key:
        # The #1 by cost is a lasting model dearer than the strongest, which is provisional and alone in
        # its tier: the strongest stays the quality pick, the value pick is cheaper than it.
        value, value_rule = _value_pick(ranked, strongest, pool, strict_keys, least)
        refused = () if value is not None else _refused(ranked, strongest, strict_keys, least)
        return Ordered(ranked, tier_keys, rule, value.key if value else None, value_rule, strongest.key,
                       _keys(demoted), lasting, best.key, refused, rival=rival)  # fmt: skip
    value, value_rule = _value_pick(ranked, lead, pool, strict_keys, least)
    if value is not None:
        demoted += [e.key for e in ranked[1:] if provisional(e) and _cheaper(e, lead) and _better_or_equal(e, value)]
    refused = () if value is not None else _refused(ranked, lead, strict_keys, least)
    return Ordered(ranked, tier_keys, rule, value.key if value else None, value_rule, None, _keys(demoted), lasting,
                   best.key, refused, rival=rival)  # fmt: skip


TIED_SAVING_SHARE = 0.25
"""Under `priority: balanced`, a model only near the best (within `BALANCED_MARGIN`, not statistically
tied with it) leads a cheaper-than-the-quality-pick model that *is* tied with it only when it saves at
least this share of the quality pick's bill more (`balanced_bill`)."""


def balanced_bill(e: Entry, tied: set[str] | frozenset[str], quality_bill: float) -> float:
    """The bill `balanced` orders its tier on: a member not tied with the quality pick counts
    `TIED_SAVING_SHARE` of the quality pick's bill more. Why: giving up clearly measured quality is
    worth it only for a saving that matters next to what the tied choice already saves (expert24 s12:
    Muse Spark, tied with the $675 quality pick at $97, was passed over for a model 8.5 points lower
    at $25: $72 more saved on a $675 bill)."""
    return e.monthly if e.key in tied else e.monthly + TIED_SAVING_SHARE * quality_bill


def _unrated_value(req: Requirements, unrated: Sequence[Entry]) -> tuple[Entry | None, tuple[tuple[str, str], ...]]:
    """The value pick of an unrated shortlist (nothing public tells its models apart) and, when there is
    none, the cheaper candidates with their `value_bar` code: cheaper than the #1, never a listing
    priced far below the model's usual price (`PRICE_DOUBT`: a warning, not a price to plan on), nor
    one documented to miss a language the #1 covers (`Entry.misses_language`); the best-fitting
    (`Entry.coverage`) then the one without a reservation, then the cheapest. None when the #1's whole
    bill is under `min_saving` (expert24 s07: $1.20 saved on $2.40): 'trivial_saving'."""
    if not unrated:
        return None, ()
    lead = unrated[0]
    cheaper = [e for e in unrated[1:] if _cheaper(e, lead)]
    doubtful = [e for e in cheaper if PRICE_DOUBT in e.held or (e.misses_language and not lead.misses_language)]
    left_out = {e.key for e in doubtful}
    fit = [e for e in cheaper if e.key not in left_out]
    value = min(fit, key=lambda e: (e.coverage, provisional(e), e.monthly, e.key), default=None)
    refused = tuple((e.key, "provisional") for e in doubtful if PRICE_DOUBT in e.held)
    if value is not None and lead.monthly < min_saving(req):
        return None, ((value.key, "trivial_saving"), *refused)
    return value, () if value is not None else refused


def _refused(
    ranked: Sequence[Entry], lead: Entry, strict_keys: frozenset[str], least: float
) -> tuple[tuple[str, str], ...]:
    """The candidates cheaper than `lead`, each with its `value_bar` code, in ranking order."""
    bars = ((e.key, value_bar(e, lead, ranked, strict_keys, least)) for e in ranked if e.key != lead.key)
    return tuple((k, b) for k, b in bars if b is not None and b != "not_cheaper")


MIGRATION_DAYS = 365
"""A model to migrate to must outlive the one it replaces by at least a year: moving a service from a
model retiring in May to one retiring in July is two migrations (expert21 D-2)."""


def _lasting_alternative(ranked: Sequence[Entry], pick: Entry) -> str | None:
    """The highest-rated lasting candidate when the quality pick retires soon or is a preview (else
    None): the model to plan the move to, one that outlives the pick by `MIGRATION_DAYS` when there is
    one (else the longest-lived lasting one, whose own date the report says). A reservation
    (`Entry.held`) is no lifecycle: nothing to move from."""
    if not (pick.retiring or pick.preview):
        return None
    lasting = [e for e in ranked if e.quality.value is not None and not (e.retiring or e.preview)]
    horizon = (pick.days_left or 0) + MIGRATION_DAYS
    lasting = [e for e in lasting if e.days_left is None or e.days_left >= horizon] or lasting
    # the highest-rated by its rating: complete evidence (`_quality_head`) only breaks ties inside
    # overlapping quality, never a gap (a 49-point lasting model must not stand in for an 87-point one)
    best = max(lasting, key=lambda e: (e.quality.value or 0.0, -_group(e), -e.monthly, e.key), default=None)
    return best.key if best else None


def _above(a: Entry, b: Entry) -> bool:
    """`a` would have ranked before `b` on quality alone (the quality pick's order)."""
    return _quality_head(a) < _quality_head(b)


def _keys(keys: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


VALUE_MAX_COST_SHARE = 0.5
"""A value pick that rates lower than the quality pick (not statistically tied) must cost at most this
share of it: saving a fifth of the bill is no reason to accept a weaker model (tied ones qualify
at any saving)."""


TRIVIAL_SAVING_USD = 50.0
TRIVIAL_SAVING_SHARE = 0.25
"""No lower-rated value pick when the quality pick's whole bill is under $50 a month (or a quarter of a
smaller budget): testing a weaker model (often under weaker data terms) to save $16 a month on an $18
bill is no advice (expert21 D-8, a Toronto clinic). A statistically tied one qualifies at any bill.
The bar is on the quality pick's bill, not on each candidate's saving, so a weaker model that saves a
few dollars more never qualifies where a stronger one saving a little less did not."""


def min_saving(req: Requirements) -> float:
    """The quality pick's monthly bill under which no lower-rated value pick is worth testing
    (`TRIVIAL_SAVING_USD`, or a share of a small budget)."""
    budget = req.monthly_budget_usd
    return TRIVIAL_SAVING_USD if budget is None else min(TRIVIAL_SAVING_USD, TRIVIAL_SAVING_SHARE * budget)


def value_bar(
    e: Entry, lead: Entry, ranked: Sequence[Entry], strict_keys: frozenset[str], least: float = 0.0
) -> str | None:
    """Why `e` cannot be the value pick next to `lead` (None: it can). It must be cheaper than the #1
    ('not_cheaper'), lasting when the #1 is ('provisional'), rated ('unrated'), on the cost/quality frontier of the
    lasting candidates (`on_value_frontier`; 'dominated'), and, unless statistically tied with the
    #1, cost at most VALUE_MAX_COST_SHARE of it ('small_saving') and save at least `least` a month
    (`min_saving`: the quality pick's bill must be at least that; 'trivial_saving')."""
    if e.key == lead.key or not _cheaper(e, lead):
        return "not_cheaper"
    if PRICE_DOUBT in e.held:
        return "provisional"  # a price far below the model's usual one is a warning, never the value pick
    if provisional(e) and not provisional(lead):
        return "provisional"  # beside a lasting #1; beside a provisional one, it carries its own warning
    if (e.retiring or e.preview) and not (lead.retiring or lead.preview):
        # a reservation both share (a thinking cut) is no licence for a preview or a retiring value pick
        # beside a stable #1 (expert22: s02's clinical value pick was Gemini 3 Flash Preview)
        return "provisional"
    if e.quality.value is None:
        return "unrated"
    if not on_value_frontier(e, ranked):
        return "dominated"
    if e.key not in strict_keys and e.monthly > lead.monthly * VALUE_MAX_COST_SHARE:
        return "small_saving"
    if e.key not in strict_keys and lead.monthly < least:
        return "trivial_saving"  # the whole bill is less than a saving worth a weaker model
    return None


def _value_pick(
    ranked: Sequence[Entry], lead: Entry, pool: set[str] | frozenset[str], strict_keys: frozenset[str], least: float
) -> tuple[Entry | None, str]:
    """The value pick (`_value_among`), chosen first among the candidates whose context window has
    room over the average request (`Entry.tight_context`; the tight ones neither qualify nor push
    others off the frontier); only when none of them qualifies may a tight one be it (its risk named)."""
    roomy = [e for e in ranked if not e.tight_context or e.key == lead.key]
    if len(roomy) < len(ranked):
        value, rule = _value_among(roomy, lead, pool, strict_keys, least)
        if value is not None:
            return value, rule
    return _value_among(ranked, lead, pool, strict_keys, least)


def _value_among(
    ranked: Sequence[Entry], lead: Entry, pool: set[str] | frozenset[str], strict_keys: frozenset[str], least: float
) -> tuple[Entry | None, str]:
    """The value pick among `ranked`: a candidate passing `value_bar`; the cheapest of the
    (balanced-widened) tier, else the best-rated cheaper candidate (its gap stated). A candidate with the evidence the #1 has (its
    rating for the person's language, for images) goes before one without it."""
    cheaper = [e for e in ranked if value_bar(e, lead, ranked, strict_keys, least) is None]
    tied = [e for e in cheaper if e.key in pool]

    def thinner(e: Entry) -> bool:  # lacks evidence the lead has (the person's language, images...)
        return _group(e) > _group(lead)

    # No more warnings than the #1 first (a provisional #1 admits provisional value picks, but a lasting
    # one goes first); then statistically tied before merely near: a warning the #1 shares (both just
    # over the latency target) is no reason to pass over a tied model at half its price for a weaker one.
    value = min(tied, key=lambda e: (thinner(e), warning_count(e) > warning_count(lead), e.key not in strict_keys,
                                     warning_count(e), round(e.monthly, 2), e.unit_cost,
                                     -(e.quality.value or 0.0), e.key), default=None)  # fmt: skip
    if value is not None:
        return value, "tied" if value.key in strict_keys else "near"
    best = max(cheaper, key=lambda e: (not thinner(e), e.quality.value or 0.0, -e.monthly, e.key), default=None)
    return best, "cheaper"


def pareto_front(points: Sequence[tuple[str, float, float]]) -> set[str]:
    """Keys of points (key, quality, cost) not dominated by another (higher-or-equal quality,
    lower-or-equal cost, better in one). O(n log n): sorted by cost, the best quality seen so far."""
    by_cost: dict[float, list[tuple[str, float]]] = {}
    for key, q, c in points:
        by_cost.setdefault(c, []).append((key, q))
    front: set[str] = set()
    best_cheaper = float("-inf")
    for c in sorted(by_cost):
        group = by_cost[c]
        top = max(q for _, q in group)
        front.update(k for k, q in group if q == top and q > best_cheaper)
        best_cheaper = max(best_cheaper, top)
    return front
