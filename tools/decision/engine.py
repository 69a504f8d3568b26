"""`recommend()`: requirements + catalog -> a ranked, explained, sourced recommendation.

A pipeline of data, words last:

1. candidates (`tools.decision.candidates`): every offering (or, self-hosted, every model) through the
   hard filters, each failure a code; priced at the volume by one cost function; latency in seconds;
2. ranked (`tools.decision.ranking.order`): one option per model (the maker's API when it passes,
   else the cheapest trusted one, the longer-lived among equals), then the quality tier, cost,
   latency; the quality pick and the value pick;
3. a `Recommendation` whose reasons, eliminations, relaxations, risks, steps and summary are codes
   with their numbers (`decide`);
4. the sentences, written by `tools.decision.explain` in the reader's language.

Deterministic: no clock, no randomness, no network, no LLM. The reference date for retirements and
staleness is the catalog's build date unless `as_of` is given; every sort has a total tie-break.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from whichmodel.knowledge.catalog.curated import MAKERS_IN_CHINA
from whichmodel.knowledge.catalog.embedding_cards import LINE_ORDER, card_of, language_fit
from whichmodel.knowledge.catalog.facts import specialism
from whichmodel.knowledge.catalog.schema import Catalog, Model
from whichmodel.tools.decision.adaptation import choose_adaptation, pick_facts
from whichmodel.tools.decision.candidates import (
    ORDER,
    SELF_HOST_REASON,
    Option,
    Stage,
    api_latency,
    api_stage,
    self_host_estimate,
    self_host_option,
    self_host_stage,
    thinking_floor_reason,
    with_thinking,
)
from whichmodel.tools.decision.cost import (
    CACHE_HIT_SHARE,
    LONG_PROMPT_TOKENS,
    estimate_cost,
    offering_mode,
    per_request_cost,
    shares_prefix,
    tokens,
)
from whichmodel.tools.decision.explain import explain
from whichmodel.tools.decision.filters import (
    EU_HOME_LANGS,
    GUESSED_LATENCY_MARGIN,
    LATENCY_MARGIN,
    SENSITIVE,
    budget_fit,
    context_need,
    context_tight,
    data_stays_inside,
    foreign_jurisdiction,
    guessed_speed,
    is_preview,
    jurisdiction,
    latency_borderline,
    latency_fit,
    latency_margin,
    latency_near_target,
    mainland_endpoint_ok,
    not_offered_to,
    parent_jurisdiction,
    price_below_typical,
    retirement_date,
    stable_sibling,
    user_region,
    voice_is_personal,
)
from whichmodel.tools.decision.gpus import (
    GPUS,
    OWNED_MONTHS,
    POWER_USD_PER_KWH,
    WORKSTATION_SOURCE,
    Gpu,
    workstation_for,
)
from whichmodel.tools.decision.index import CatalogIndex, catalog_index
from whichmodel.tools.decision.latency import P95_FACTOR, answer_that_fits, latency_class
from whichmodel.tools.decision.measured import (
    apply_measurements,
    probe_relaxation,
    probe_summary,
    resolve_models,
)
from whichmodel.tools.decision.ranking import (
    BAA_UNCONFIRMED,
    BALANCED_MARGIN,
    CHINA_LAW,
    DEAD_HEAT_PRICE,
    HELD_LAST,
    OUT_OF_MAINLAND,
    RETIRES_SOON,
    VALUE_MAX_COST_SHARE,
    Entry,
    Ordered,
    Quality,
    domains_of,
    evidence_gaps,
    high_stakes_domain,
    order,
    pareto_front,
    quality_profile,
    shared,
    stakes_field,
)
from whichmodel.tools.decision.requirements import AGENT_LOOP_CACHED_SHARE, Requirements, defaulted_fields
from whichmodel.tools.decision.result import (
    Candidate,
    CatalogSourceInfo,
    Elimination,
    Lang,
    ModelChange,
    OtherOffering,
    Param,
    Pick,
    ProbeEvidence,
    Reason,
    Recommendation,
    Relaxation,
    SelfHostEstimate,
    as_float,
)
from whichmodel.tools.decision.selfhost import impractical_build, owned_machine, owned_monthly, self_host_gpu
from whichmodel.tools.decision.speech import SPEECH_SOURCE, SPEECH_SOURCE_ID, coverage, languages_of
from whichmodel.tools.decision.thinking import (
    BUDGETS,
    MIN_CAP_SHARE,
    adaptive_only,
    min_thinking,
    off_setting,
    rated_effort,
    rated_thinking,
    task_reasons,
    thinking_budget,
    thinking_mode,
)

TOP_N = 10
STALE_DAYS = 90
RETIRING_DAYS = 180
"""A model or listing its maker retires within this many days of the reference date is provisional
(ranked after the lasting ones: `IMMINENT_DAYS`, never the value pick)."""
WARN_DAYS = 365
"""A retirement date within a year is said beside the model (`retiring_soon`, with `provisional` when
within `RETIRING_DAYS`): "lasting" means no announced date, or one at least a year out, and a model to
migrate to must outlive the one it replaces (expert21 D-2: a model retiring in 227 days was presented
as the lasting option with its date unsaid)."""
TIER_ORDER = {"maker": 0, "cloud": 1, "host": 2, "self": 3, "aggregator": 4, "plan": 5, "unknown": 6}
PERSONAL = (
    "customer", "client", "patient", "user data", "personal", "employee", "citizen", "member",
    "客户", "用户", "患者", "个人", "员工", "病人",
)  # fmt: skip
"""Words of a use case that handles people's data (a residency question for CN/EU users)."""
BUSINESS_CLIENTS = re.compile(
    r"(品牌|企业|公司|商家|机构|business|brand|corporate|enterprise|b2b)\s*(客户|clients?|customers?)", re.I
)
"""Clients that are companies: no personal data in the words alone."""
CLIENT_WORDS = ("customer", "client", "客户")
PERSON_CONSTRAINTS = frozenset(
    {"over_budget", "too_slow", "context_too_small", "missing_modality", "open_weights_required",
     "provider_not_allowed", "data_terms", "residency", "tool_calling", "structured_output", "reasoning",
     "too_many_gpus"}
)  # fmt: skip


@dataclass(frozen=True)
class Ranked:
    """One model's chosen option with its quality and the other sellers of it."""

    option: Option
    quality: Quality
    trusted_count: int


def recommend(
    req: Requirements,
    catalog: Catalog,
    *,
    raw: Mapping[str, object] | None = None,
    as_of: date | None = None,
    gpus: Mapping[str, Gpu] = GPUS,
    lang: Lang | None = None,
    probes: ProbeEvidence | None = None,
    currency: str | None = None,
) -> Recommendation:
    """Filter the whole catalog, rank what is left and explain the result.

    `lang` is the reader's language for the prose (numbers and ranking do not depend on it); by
    default Chinese when the requirements' first language is Chinese, else English. `probes`, when
    given, are measurements on the person's own examples: they re-rank and eliminate candidates
    (tools.decision.measured) and go into the result with their sample sizes. `currency` (the
    person's budget currency) is how the prose says monthly bills; every figure stays in US dollars.
    """
    lang = lang or ("zh" if req.languages[0] == "zh" else "en")
    return explain(decide(req, catalog, raw=raw, as_of=as_of, gpus=gpus, probes=probes, lang=lang), lang, currency)


# --- stages 1 and 2: candidates, ranked ----------------------------------------------------------


@dataclass(frozen=True)
class Ranking:
    """Stages 1 and 2 as data: what the filters did and the ranked models (all of them)."""

    stage: Stage
    ranked: list[Ranked]
    ordered: Ordered
    index: CatalogIndex
    as_of: date


def rank_all(
    req: Requirements,
    catalog: Catalog,
    *,
    as_of: date | None = None,
    gpus: Mapping[str, Gpu] = GPUS,
    index: CatalogIndex | None = None,
) -> Ranking:
    """Every model that passes, ranked (used by `decide` and by `whynot`)."""
    as_of = as_of or catalog.built_at
    index = index or catalog_index(catalog)
    if req.deployment.self_host:
        gpu = self_host_gpu(req, gpus)
        # The self-hosting pass sizes every open model: memoised per catalog for equal inputs.
        stage = index.memo(
            ("self_host", req.model_dump_json(exclude={"use_case"}), as_of, gpu),
            lambda: self_host_stage(req, catalog, gpu, as_of),
        )
    else:
        stage = api_stage(req, index, as_of)
    quality_of = index.qualities(quality_profile(req))
    china = mainland_endpoint_ok(req)
    baa = high_stakes_domain(req) == "medicine" and req.data.sensitivity in SENSITIVE
    by_key: dict[str, Ranked] = {}
    held: dict[str, tuple[str, ...]] = {}
    source_code = "coding" in domains_of(req)  # once, not per model (`_unflagged_first`)
    for key in sorted(stage.passing):
        # a seller without a reservation represents the model when there is one (`reservations`)
        # a provider's preview (beta) listing of a stable model never hides its working listings elsewhere,
        # even a slower one held back for its thinking cut (expert23 s12: Gemma 4 31B on Cerebras's preview
        # hid it at nearai, and the value pick with it)
        listed = [o for o in stage.passing[key] if _preview_listing(o) is None] or stage.passing[key]
        found = [(o, reservations(req, o) + _retires_soon(o, as_of)) for o in listed]
        clear = [o for o, codes in found if not codes]
        # else one whose reservations are only warnings (Kimi K3 for a Canadian clinic's notes through
        # a US host rather than its maker under Chinese law: `HELD_LAST`)
        lighter = [o for o, codes in found if not HELD_LAST.intersection(codes)]
        pool = _unflagged_first(req, clear or lighter or listed, source_code=source_code)
        chosen = choose_option(pool, mainland_china=china, baa_first=baa)
        held[key] = next(codes for o, codes in found if o is chosen)
        by_key[key] = Ranked(chosen, quality_of(chosen.model), len(pool))
    entries = [
        Entry(
            key=k,
            quality=r.quality,
            monthly=r.option.monthly or 0.0,
            p95=r.option.latency.p95_seconds or 0.0,
            maker_first=r.option.tier == "maker",
            unit_cost=_unit_cost(r.option),
            retiring=_retiring(r.option, as_of),
            days_left=_days_left(r.option, as_of),
            # a preview release with a stable sibling, or a stable model on a listing its provider calls a
            # preview (expert21 D-7: s10's quality pick on a cerebras preview listing)
            preview=stable_sibling(r.option.model, catalog.models.values(), as_of) is not None
            or _preview_listing(r.option) is not None,
            coverage=_speech_fit(req, r.option.model) if req.task_type == "speech_to_text"
            else _embedding_fit(req, k) if req.task_type == "embedding" else _moderation_fit(req, k),
            misses_language=_misses_language(req, r.option.model),
            maker=r.option.model.maker or k,
            tight_context=r.option.model.context_applies and context_tight(req, _window(r.option)),
            held=held[k],
        )
        for k, r in by_key.items()
    ]
    ordered = order(req, entries)
    return Ranking(stage, [by_key[e.key] for e in ordered.entries], ordered, index, as_of)


PROMPT_ATTACK_DETECTORS = re.compile(r"prompt-guard|promptguard|prompt-injection")
"""Moderation-purpose models that detect prompt attacks (jailbreaks, injections), not harmful content."""
INJECTION_WORDS = re.compile(r"\b(injection|jailbreak|prompt attack)|越狱|注入", re.I)


def _speech_fit(req: Requirements, model: Model) -> int:
    """Speech-to-text: how the documented facts fit the stated need (`ranking.Entry.coverage`, lower
    first): the languages' coverage (`speech.coverage`) first, then, when the use case needs speaker
    turns (`SPEAKER_TURNS`), whether the maker documents telling speakers apart (`DIARIZES`)."""
    speakers = bool(SPEAKER_TURNS.search(req.use_case)) and not diarizes(model.key)
    return 2 * coverage(model, req.languages)[0] + int(speakers)


def _embedding_fit(req: Requirements, key: str) -> int:
    """Embeddings: how the maker's documented facts fit the need (`ranking.Entry.coverage`, lower
    first): the languages' coverage (`embedding_cards.language_fit`: documented for every language,
    unknown, English only for a non-English search) first, then the model's place in its maker's line
    (its larger or newer model before its smaller or older one, `LINE_ORDER`). MTEB, the public
    benchmark, is not in the catalog snapshot: this is what is known and stated."""
    card = card_of(key)
    line = LINE_ORDER[card.line] if card is not None else 0
    return len(LINE_ORDER) * language_fit(key, req.languages)[0] + line


def _misses_language(req: Requirements, model: Model) -> bool:
    """Documented not to cover one of the person's languages (a speech model whose documented
    languages leave it out, an English-only embedder for a German search): never the value pick
    beside a #1 that covers them (`ranking.order`)."""
    if req.task_type == "speech_to_text":
        return coverage(model, req.languages)[0] == 2
    if req.task_type == "embedding":
        return language_fit(model.key, req.languages)[0] == 2
    return False


def _moderation_fit(req: Requirements, key: str) -> int:
    """Moderation: 0 for a content-safety classifier, 1 for a prompt-attack detector when the use case
    is not about prompt attacks (it goes after the content classifiers)."""
    if req.task_type != "moderation" or not PROMPT_ATTACK_DETECTORS.search(key):
        return 0
    return 0 if INJECTION_WORDS.search(req.use_case) else 1


def _unit_cost(option: Option) -> float:
    """GPU dollars per request at full capacity when self-hosted; else the monthly cost."""
    s = option.self_host
    if s is not None and s.capacity_requests_per_month:
        return s.monthly_cost / s.replicas / s.capacity_requests_per_month
    return option.monthly or 0.0


def reservations(req: Requirements, option: Option) -> tuple[str, ...]:
    """What holds a passing option back behind comparable ones (`ranking.Entry.held`): an
    estimate over the latency target that passes only on the estimate's margin
    ('latency_over_target'); confidential or restricted data going to a provider under another
    country's law ('foreign_law'); a reseller's price under half the model's usual price
    ('price_below_typical': a warning, not a price to plan on); thinking capped under a quarter of
    its usual budget to meet the latency target ('thinking_cut', `Option.thinking_cut`); a provider
    that does not serve mainland China for a person taken to be there ('not_offered_cn'); confidential
    data of a person outside mainland China to a provider under Chinese law
    ('china_law', `_china_law_abroad`); confidential data of a person in mainland China to a provider
    under another law ('out_of_mainland', `_out_of_mainland`); a self-hosting plan that fits the cards only with its weights
    quantized below the precision they were released in ('quantized', `candidates.quantized_plan`:
    its ratings were earned at full precision, so it leads only when clearly better rated)."""
    found = (
        ("latency_over_target", latency_borderline(option.latency.p95_seconds, req.latency.p95_seconds,
                                                   option.latency.basis)),
        ("foreign_law", req.data.sensitivity in SENSITIVE
         and foreign_jurisdiction(req, option.offering, source_code=False) in SENSITIVE),
        ("price_below_typical", _seller_price_doubt(option)),
        ("thinking_cut", option.thinking_cut),
        ("not_offered_cn", _not_buyable_here(req, option)),
        ("baa_unconfirmed", option.offering is not None and _baa_unconfirmed(req, option.offering.provider)),
        (CHINA_LAW, _china_law_abroad(req, option)),
        (OUT_OF_MAINLAND, _out_of_mainland(req, option)),
        ("quantized", option.self_host is not None and option.self_host.quantized_from is not None),
    )  # fmt: skip
    return tuple(code for code, holds in found if holds)


def _not_buyable_here(req: Requirements, option: Option) -> bool:
    """The person cannot buy `option` where they are: its provider or maker does not serve mainland
    China, or it is a US provider's whose service there is undocumented (`filters.not_offered_to`), or a
    Taiwan agency may not buy it (`_barred_for_tw_agency`)."""
    return not_offered_to(req, option.offering, option.model) is not None or _barred_for_tw_agency(req, option)


def _barred_for_tw_agency(req: Requirements, option: Option) -> bool:
    """A provider under Chinese law (or owned from China), or a model made by a company in mainland
    China whoever serves it (`curated.MAKERS_IN_CHINA`: Taiwan's 2019 rule on Chinese-brand ICT products
    in agencies covers software), for a public agency in Taiwan, which may not buy it (`stakes_risks`
    'public_sector_tw'): held out of the picks like a model not offered there."""
    if req.location != "tw" or not PUBLIC_SECTOR.search(req.use_case):
        return False
    made_in_china = (option.model.maker or "") in MAKERS_IN_CHINA
    return made_in_china or "cn" in {jurisdiction(option.offering), parent_jurisdiction(option.offering)}


def _unflagged_first(req: Requirements, options: list[Option], *, source_code: bool) -> list[Option]:
    """The sellers of one model whose law puts nothing the person sends at stake (`filters.
    foreign_jurisdiction`), when one of them charges no more than the maker's own API: the same open
    model through a host under another law rather than its maker under Chinese law, for a Hong Kong
    studio's internal briefs (the maker's API otherwise represents the model, `choose_option`)."""
    makers = [o for o in options if o.tier == "maker"] or options
    if all(foreign_jurisdiction(req, o.offering, source_code=source_code) is None for o in makers):
        return options  # the maker's own API puts nothing at stake: it represents the model
    # a provider whose law is known (an unknown one is no better than the flagged maker)
    unflagged = [o for o in options if jurisdiction(o.offering) is not None
                 and foreign_jurisdiction(req, o.offering, source_code=source_code) is None]  # fmt: skip
    if not unflagged:
        return options
    cheapest = min(round(o.monthly or 0.0, 2) for o in unflagged)
    return unflagged if cheapest <= min(round(o.monthly or 0.0, 2) for o in makers) else options


def _out_of_mainland(req: Requirements, option: Option) -> bool:
    """Confidential or restricted data of a person who said they are in mainland China (not inferred
    from the language) going to a provider under another country's law: a cross-border transfer under
    PIPL (arts. 38-40: a CAC security assessment, a filed standard contract or a certification), and
    business data may be "important data" under the Data Security Law: held after every model served
    under Chinese law, the mirror of `_china_law_abroad` (novice25 P2: a Shenzhen accounting firm's
    scanned invoices were shortlisted to Gemma 4 on evroc, with only a warning beside it)."""
    region, inferred = user_region(req)
    if req.data.sensitivity not in SENSITIVE or region != "cn" or inferred:
        return False
    return foreign_jurisdiction(req, option.offering, source_code=False) in SENSITIVE


def _china_law_abroad(req: Requirements, option: Option) -> bool:
    """Confidential or restricted data of a person known to be outside mainland China (Hong Kong
    included: its firms' client data under mainland law is what novice20's accountant feared) going
    to a provider under Chinese law or owned from China: held after every other model (a
    provider under another law, the same open model through another host) rather than only warned
    about. China has no data adequacy finding with the EU, Canada or the UK, and its National
    Intelligence Law (art. 7) obliges organisations to assist state intelligence work."""
    region, _ = user_region(req)
    if req.data.sensitivity not in SENSITIVE or region in (None, "cn"):
        return False
    return "cn" in {jurisdiction(option.offering), parent_jurisdiction(option.offering)}


def _us_health(req: Requirements) -> bool:
    """Confidential health data of a person in the US (or with no stated home): HIPAA applies."""
    health = high_stakes_domain(req) == "medicine" and req.data.sensitivity in SENSITIVE
    return health and user_region(req)[0] in ("us", None)


def _baa_unconfirmed(req: Requirements, provider: str) -> bool:
    """US health data (or health data with no stated home) sent to a provider that does not offer a
    HIPAA business associate agreement as standard (`BAA_STANDARD`): to be confirmed before any
    patient data is sent, said beside the model."""
    return _us_health(req) and provider not in BAA_STANDARD


def _seller_price_doubt(option: Option) -> bool:
    """A seller other than the maker lists the model under half its usual price
    (`filters.price_below_typical`): a warning, not a price to plan on."""
    return option.tier != "maker" and price_below_typical(option.offering)


def _retiring(option: Option, as_of: date) -> bool:
    """Announced to retire within RETIRING_DAYS of the reference date."""
    when = retirement_date(option.model, option.offering)
    return when is not None and (when - as_of).days <= RETIRING_DAYS


IMMINENT_DAYS = RETIRING_DAYS
"""A model or listing its maker retires within this many days of the reference date is ranked after
every lasting model (`ranking.RETIRES_SOON`): a project started now would barely go live on it before
migrating again (expert18-20 asked for the quarter; expert21 D-4 for six months: a city hotline's
quality pick retired 164 days out). A later date within `WARN_DAYS` is said beside the model."""


def _days_left(option: Option, as_of: date) -> int | None:
    """Days from `as_of` to the option's announced retirement; None when none is announced."""
    when = retirement_date(option.model, option.offering)
    return None if when is None else (when - as_of).days


def _retires_soon(option: Option, as_of: date) -> tuple[str, ...]:
    """(`RETIRES_SOON`,) when the option retires within `IMMINENT_DAYS` of `as_of`, else ()."""
    when = retirement_date(option.model, option.offering)
    return (RETIRES_SOON,) if when is not None and (when - as_of).days <= IMMINENT_DAYS else ()


def _lifetime(option: Option) -> int:
    when = retirement_date(option.model, option.offering)
    return 10**6 if when is None else when.toordinal()


BAA_STANDARD = frozenset({"amazon-bedrock", "azure", "azure-cognitive-services", "google-vertex", "google-vertex-anthropic"})
"""Clouds that offer a HIPAA business associate agreement as standard for their AI services (AWS,
Microsoft and Google Cloud publish them); a model maker's own API may not."""


def choose_option(options: list[Option], *, mainland_china: bool = False, baa_first: bool = False) -> Option:
    """The option that represents a model: its maker's API when that passes (the reference for
    behaviour, limits and terms), else the cheapest; a mainland-China endpoint (region `cn`) only for
    people in China (`mainland_china`), else only when no other trusted seller passes (not even a
    cloud or host when the maker's own is the China endpoint); among equal prices the longer-lived, then the more established tier, then the id."""
    if not mainland_china:
        # Outside China, a mainland endpoint only when nothing else sells the model: the maker's
        # international API first, else another trusted seller (a cloud or host), before moonshotai-cn.
        options = [o for o in options if not _mainland(o)] or options
    if baa_first:
        # health data: a cloud that signs a business associate agreement as standard, at no higher price
        # than the maker's own API, represents the model (s02: Opus through Bedrock, not Anthropic's API)
        baa = [o for o in options if o.offering is not None and o.offering.provider in BAA_STANDARD]
        makers_first = [o for o in options if o.tier == "maker"] or options
        if baa and min(round(o.monthly or 0.0, 2) for o in baa) <= min(round(o.monthly or 0.0, 2) for o in makers_first):
            options = baa
    makers = [o for o in options if o.tier == "maker"]
    pool = makers or options

    def price(o: Option) -> float:
        return round(o.monthly or 0.0, 2)

    cheapest = min(price(o) for o in pool)
    pool = [o for o in pool if price(o) == cheapest]
    if len(pool) == 1:
        return pool[0]
    return min(
        pool,
        key=lambda o: (
            _mainland(o) != mainland_china,
            -_lifetime(o),
            TIER_ORDER.get(o.tier, 9),
            o.offering.id if o.offering else "",
        ),
    )


def _mainland(option: Option) -> bool:
    return option.offering is not None and option.offering.region == "cn"


# --- stage 3: the decision as data ---------------------------------------------------------------


def decide(
    req: Requirements,
    catalog: Catalog,
    *,
    raw: Mapping[str, object] | None = None,
    as_of: date | None = None,
    gpus: Mapping[str, Gpu] = GPUS,
    probes: ProbeEvidence | None = None,
    lang: Lang = "en",
) -> Recommendation:
    """The recommendation as data: every reason, risk and step a code with its numbers (the string
    fields are left for the explainer). `lang` is used only for probe effects."""
    asked = req
    req, ranking, route = _task_route(req, catalog, as_of, gpus)
    req, ranking, owned = _owned_instead(req, ranking, catalog, as_of, gpus)
    as_of = ranking.as_of
    gpu = self_host_gpu(req, gpus)
    ranked, ordered = ranking.ranked, ranking.ordered
    front = pareto_front(
        [
            (r.option.model.key, r.quality.value, r.option.monthly or 0.0)
            for r in ranked
            if r.quality.value is not None
        ]
    )
    rated = sorted(
        (r for r in ranked if r.quality.value is not None),
        key=lambda r: (-(r.quality.value or 0.0), r.option.model.key),
    )
    rated_rank = {r.option.model.key: i + 1 for i, r in enumerate(rated)}
    value_at = next((i for i, r in enumerate(ranked) if r.option.model.key == ordered.value), None)
    shown = set(range(min(TOP_N, len(ranked))))
    shown.update(i for i, r in enumerate(ranked) if r.option.model.key in front)
    if value_at is not None:
        shown.add(value_at)
    if rated:
        shown.add(ranked.index(rated[0]))
    shown.update(i for i, r in enumerate(ranked) if r.option.model.key == ordered.quality)
    shown.update(i for i, r in enumerate(ranked) if r.option.model.key in ordered.demoted)  # with its warning
    shown.update(i for i, r in enumerate(ranked) if r.option.model.key == ordered.lasting)
    positions = range(len(ranked)) if probes is not None else sorted(shown)
    built = [_candidate(req, ranking, i, front, rated_rank, len(rated), catalog) for i in positions]
    built = _with_tradeoffs(built, {r.option.model.key: r.quality for r in ranked})
    probe_eliminated: list[Elimination] = []
    if probes is not None:
        probes = resolve_models(probes, lambda o: catalog.model_of(o).key if o in catalog.offerings else None)
        applied = apply_measurements(req, built, probes, lang)
        built, probe_eliminated, probes = applied.ranked, applied.eliminated, applied.evidence
    frontier = [c for c in built if c.on_pareto_frontier]
    top = built[:TOP_N]
    top += [c for c in built[TOP_N:] if c.model_key in (ordered.value, ordered.quality) and c.rank > 1]  # always shown
    if not req.deployment.self_host:
        top = [_with_self_host_info(c, req, catalog, gpu) for c in top]
    quality_pick, value_pick = _picks(ordered, top, built, probes is not None)
    eliminated = _eliminations(ranking.stage) + probe_eliminated
    relaxations = _relaxations(req, ranking)
    if not top and not relaxations:
        both = _budget_and_latency(req, ranking) or _closest_plans(req, ranking, gpus)
        relaxations = [both] if both is not None else [
            Relaxation(
                constraint="combination", suggestion="", admits=[], code=Reason(code="relax_combination")
            )
        ]
    if not top and probe_eliminated and probes is not None:
        relaxations.insert(0, probe_relaxation(probes, sum(e.count for e in probe_eliminated), lang))
    by_key = {c.model_key: c for c in built}
    value_c = by_key.get(value_pick.model_key) if value_pick else None
    quality_c = by_key.get(quality_pick.model_key) if quality_pick else None
    # The advice follows the model the person starts with: the #1 (under priority cost or balanced
    # the value pick, not the highest-rated model).
    adaptation = choose_adaptation(req, pick_facts(top[0], catalog) if top else None)
    # Capabilities the task needs that no candidate has a public rating for: said plainly, as a code.
    gaps = evidence_gaps(req, [r.option.model for r in ranked]) if top else []
    return Recommendation(
        requirements=asked,
        defaults_assumed=defaulted_fields(dict(raw)) if raw is not None else [],
        summary="",
        recommendations=top,
        eliminated=eliminated,
        candidates_considered=ranking.stage.considered,
        models_considered=ranking.stage.models_considered,
        relaxations=relaxations,
        adaptation=adaptation,
        risks=[],
        next_steps=[],
        catalog=[
            CatalogSourceInfo(
                id=s.id,
                name=s.name,
                url=s.url,
                licence=s.licence,
                as_of=s.as_of.isoformat(),
                attribution=s.attribution,
            )
            for s in catalog.sources
        ],
        frontier=frontier,
        warnings=[],
        probes=probes,
        quality_pick=quality_pick,
        value_pick=value_pick,
        no_value=_no_value(ranking, quality_pick, probes is not None) if quality_pick and not value_pick else [],
        summary_codes=[r for r in (route, owned) if r is not None]
        + _summary_codes(req, top, ranking, eliminated, relaxations, adaptation.approach, value_c, rated, quality_c)
        + _quantized_route(relaxations, bool(top))
        + ([Reason(code="no_evidence", params={"capabilities": gaps})] if gaps else [])
        + ([code] if probes is not None and (code := probe_summary(top, probes, lang)) is not None else []),
        risk_codes=_risk_codes(req, top, value_c, ranking, as_of, quality_c)
        + ([Reason(code="no_evidence_risk", params={"capabilities": gaps})] if gaps else []),
        step_codes=_step_codes(req, top, value_c, quality_c, ranking),
        assumptions=_assumptions(req, top)
        + [
            Reason(
                code="stale_source",
                params={
                    "source": s.name,
                    "source_id": s.id,
                    "date": s.as_of.isoformat(),
                    "days": (as_of - s.as_of).days,
                    "as_of": as_of.isoformat(),
                },
            )
            for s in catalog.sources
            if (as_of - s.as_of).days > STALE_DAYS
        ],
    )


MODERATION_WORDS = re.compile(
    r"\b(moderat\w*|content safety|unsafe content|toxic\w*|hate speech|harass\w*|nsfw|self-harm|"
    r"policy violations?)|内容审核|审核|违规|有害内容|仇恨言论",
    re.I,
)
"""A classification use case that is content moderation (then models built for it are shortlisted)."""


def _task_route(
    req: Requirements, catalog: Catalog, as_of: date | None, gpus: Mapping[str, Gpu]
) -> tuple[Requirements, Ranking, Reason | None]:
    """Content moderation is shortlisted from models built for it (purpose `moderation`): a
    classification use case that is moderation is ranked as moderation when such a model fits; a
    moderation task with no fitting moderation model falls back to general models ranked as
    classification, and says so."""
    if req.task_type == "classification" and MODERATION_WORDS.search(req.use_case):
        moderation = req.model_copy(update={"task_type": "moderation"})
        ranking = rank_all(moderation, catalog, as_of=as_of, gpus=gpus)
        if ranking.ranked:
            return moderation, ranking, Reason(code="route_moderation", params={"n": len(ranking.ranked)})
    ranking = rank_all(req, catalog, as_of=as_of, gpus=gpus)
    if req.task_type == "moderation" and not ranking.ranked:
        general = req.model_copy(update={"task_type": "classification"})
        fallback = rank_all(general, catalog, as_of=as_of, gpus=gpus)
        if fallback.ranked:
            return general, fallback, Reason(code="route_general")
    return req, ranking, None


def _picks(
    ordered: Ordered, top: list[Candidate], built: list[Candidate], measured: bool
) -> tuple[Pick | None, Pick | None]:
    if not top:
        return None, None
    lead = top[0]
    why = ["measured_best" if measured and lead.measured is not None else ordered.rule]
    strongest = None if measured else next((c for c in top if c.model_key == ordered.quality), None)
    if strongest is not None and strongest.model_key != lead.model_key:
        lead, why = strongest, ["best_in_tier"]  # the #1 chosen by cost is the value pick
    why.append(
        "evidence_missing" if lead.evidence_missing else ("rated" if lead.quality is not None else "unrated")
    )
    quality = Pick(model_key=lead.model_key, offering_id=lead.offering_id, rank=lead.rank, why=why)
    value: Pick | None = None
    found = next((c for c in top if c.model_key == ordered.value and c.model_key != lead.model_key), None)
    if found is not None:
        value = Pick(model_key=found.model_key, offering_id=found.offering_id, rank=found.rank,
                     why=[ordered.value_rule])  # fmt: skip
    elif measured:
        cost = lead.monthly_cost_usd or 0.0
        cheaper = [c for c in top[1:] if c.monthly_cost_usd is not None and c.monthly_cost_usd < cost]
        if cheaper:
            c = cheaper[0]
            value = Pick(model_key=c.model_key, offering_id=c.offering_id, rank=c.rank, why=["cheaper"])
    return quality, value


def _model_name(ranking: Ranking, key: str) -> str:
    return next((r.option.model.name for r in ranking.ranked if r.option.model.key == key), key)


def _shared_d(ranking: Ranking, a: str, b: str) -> dict[str, Param]:
    """The params `d` (`a`'s quality minus `b`'s on the ratings both have, `ranking.shared`: a required
    rating one of them lacks is set aside for both) and `left_out` (the categories set aside)."""
    qa = next((r.quality for r in ranking.ranked if r.option.model.key == a), None)
    qb = next((r.quality for r in ranking.ranked if r.option.model.key == b), None)
    both = shared(qa, qb) if qa is not None and qb is not None else None
    return {"d": None, "left_out": []} if both is None else {"d": round(both.d, 1), "left_out": list(both.left_out)}


def _passed_for_evidence(ranking: Ranking, lead_key: str) -> list[str]:
    """The required ratings (the person's language, images...) that cheaper members of the #1's tier
    lack: why a priority that puts cost first did not lead with them."""
    ranked = {e.key: e for e in ranking.ordered.entries}
    lead = ranked.get(lead_key)
    if lead is None:
        return []
    missing = {c for k in ranking.ordered.tier if (e := ranked[k]).monthly < lead.monthly for c in e.quality.missing}
    return sorted(missing)


NO_VALUE_NAMED = 2
"""Cheaper candidates named one by one when there is no value pick (the best-rated first)."""


def _no_value(ranking: Ranking, quality: Pick, measured: bool) -> list[Reason]:
    """Why there is no value pick, as codes with numbers: each cheaper rated candidate that saves too
    little for its lower rating (`value_bar` 'small_saving': how many times cheaper, how many points
    lower), the cheaper ones that are unrated or provisional, or no cheaper candidate at all. A
    cheaper candidate dominated by another cheaper one is not named: the other one is."""
    if measured:  # measurements choose the value pick among the measured (`_picks`)
        return [Reason(code="no_value_cheaper")]
    names = {r.option.model.key: r.option.model.name for r in ranking.ranked}
    entries = {e.key: e for e in ranking.ordered.entries}
    lead = entries.get(quality.model_key)
    out: list[Reason] = []
    groups: dict[str, list[str]] = {}
    for key, bar in ranking.ordered.refused:
        e = entries.get(key)
        if e is None or lead is None:
            continue
        if bar == "small_saving" and len(out) < NO_VALUE_NAMED:
            q, lead_q = e.quality.value, lead.quality.value
            out.append(Reason(code="no_value_small_saving", params={
                "model": names.get(key, key), "x": round(lead.monthly / e.monthly, 1) if e.monthly > 0 else None,
                "d": None if q is None or lead_q is None else round(lead_q - q, 1),
                "share": VALUE_MAX_COST_SHARE}))  # fmt: skip
        elif bar == "trivial_saving" and len(out) < NO_VALUE_NAMED:
            # an unrated shortlist (embeddings, speech): no points to give up, only a bill too small
            code = "no_value_trivial_saving" if e.quality.value is not None else "no_value_trivial_unrated"
            out.append(Reason(code=code, params={
                "model": names.get(key, key), "saving": lead.monthly - e.monthly, "lead_monthly": lead.monthly,
                "d": None if e.quality.value is None or lead.quality.value is None else round(lead.quality.value - e.quality.value, 1)}))  # fmt: skip
        elif bar in ("unrated", "provisional"):
            groups.setdefault(bar, []).append(names.get(key, key))
    said = {str(r.params.get("model")) for r in out}
    for bar, listed in groups.items():
        # a name already given a reason is not listed again (two listings, one name: expert22 N-6, s09)
        models = list(dict.fromkeys(m for m in listed if m not in said))
        said |= set(models)
        if not models:
            continue
        out.append(Reason(code=f"no_value_{bar}", params={"models": models[:3], "n": len(models)}))
    return out or [Reason(code="no_value_cheaper")]


def _candidate(
    req: Requirements,
    ranking: Ranking,
    i: int,
    front: set[str],
    rated_rank: dict[str, int],
    n_rated: int,
    catalog: Catalog,
) -> Candidate:
    r = ranking.ranked[i]
    option, quality = r.option, r.quality
    key = option.model.key
    offering = option.offering
    billed = with_thinking(req, option.thinking_cap)
    cost = (
        estimate_cost(offering, option.model, billed, option.latency.output_tokens_per_s)
        if offering is not None
        else None
    )
    if cost is not None and option.thinking_cap is not None:
        # The latency target capped the thinking budget: say so with the target (explain words it).
        cost = cost.model_copy(update={"assumption_codes": [
            a.model_copy(update={"params": {**a.params, "capped_for": req.latency.p95_seconds,
                                            "adaptive": adaptive_only(key)}})
            if a.code == "thinking_tokens" else a for a in cost.assumption_codes]})  # fmt: skip
    if cost is not None and thinking_mode(key, option.model.reasoning) != "none" and not any(
        a.code in ("thinking_tokens", "thinking_off") for a in cost.assumption_codes
    ) and req.task_type not in ("embedding", "speech_to_text", "image_generation"):
        # A reasoning-capable model whose listing here does not expose thinking: say it was costed without.
        note = Reason(code="thinking_not_exposed", params={"provider": offering.provider if offering else None})
        cost = cost.model_copy(update={"assumption_codes": [*cost.assumption_codes, note]})
    reasons: list[Reason] = []
    if quality.value is not None:
        reasons.append(
            Reason(
                code="quality",
                params={"value": round(quality.value, 1), "lower": round(quality.lower or 0.0, 1),
                        "upper": round(quality.upper or 0.0, 1), "rank": rated_rank.get(key), "of": n_rated,
                        "categories": [u.category for u in quality.used], "in_tier": key in ranking.ordered.tier,
                        "tier_rule": ranking.ordered.rule, "tier_size": len(ranking.ordered.tier)},
            )
        )  # fmt: skip
    else:
        reasons.append(Reason(code="unrated", params={"task": req.task_type}))
    if quality.evidence_missing:
        reasons.append(Reason(code="evidence_missing", params={"categories": list(quality.evidence_missing)}))
    missing_evidence = list(quality.evidence_missing)
    if req.task_type == "speech_to_text":
        known = languages_of(option.model)
        covered, missing_langs = coverage(option.model, req.languages)
        reasons.append(
            Reason(
                code="speech_languages",
                params={"known": known is not None, "covers": covered == 0, "missing": missing_langs,
                        "languages": list(req.languages), "source": SPEECH_SOURCE,
                        "source_id": SPEECH_SOURCE_ID},
            )
        )  # fmt: skip
        if covered:
            missing_evidence.append("language_coverage")
    if req.task_type == "embedding":
        reasons.append(_embedding_languages(req, option.model))
    if cost is not None:
        reasons.append(
            Reason(
                code="cost_api",
                params={"monthly": cost.monthly, "per_1k": cost.per_1k_requests, "offering": cost.offering_id,
                        "input_price": cost.input_price_per_m, "output_price": cost.output_price_per_m,
                        "unit": cost.unit, "source": cost.price_source, "as_of": cost.price_as_of,
                        "thinking": cost.thinking_tokens},
            )
        )  # fmt: skip
    elif option.self_host is not None:
        s = option.self_host
        reasons.append(
            Reason(
                code="cost_self",
                params={"monthly": s.monthly_cost, "replicas": s.replicas, "gpus": s.gpus_needed, "gpu": s.gpu,
                        "memory": s.total_memory_gb, "quant": s.quantization},
            )
        )  # fmt: skip
    capped = _capped(option, req)
    if capped is not None:
        reasons.append(capped)
    sellers = ranking.stage.sellers(key) if offering is not None else ()
    if offering is not None:
        reasons.append(
            Reason(code="provider_tier", params={"provider": offering.provider, "tier": offering.tier})
        )
        if r.trusted_count > 1 or sellers:
            cheapest = sellers[0] if sellers else None
            reasons.append(
                Reason(
                    code="offerings",
                    params={"trusted": r.trusted_count, "resellers": len(sellers),
                            "cheapest_reseller": cheapest.offering.id if cheapest and cheapest.offering else None,
                            "cheapest_reseller_monthly": cheapest.monthly if cheapest else None},
                )
            )  # fmt: skip
    lat = option.latency
    near = latency_near_target(lat.p95_seconds, req.latency.p95_seconds, lat.basis)
    reasons.append(
        Reason(
            code="latency",
            params={"p95": lat.p95_seconds, "ttft": lat.ttft_seconds, "tps": lat.output_tokens_per_s,
                    "thinking": lat.thinking_tokens, "basis": lat.basis, "target": req.latency.p95_seconds,
                    **({"near_margin": LATENCY_MARGIN} if near else {})},
        )
    )  # fmt: skip
    needs = [n for n, wanted in (
        ("tool_calling", req.needs.tool_calling), ("structured_output", req.needs.structured_output),
        ("reasoning", req.needs.reasoning), ("open_weights", req.deployment.open_weights or req.deployment.self_host),
    ) if wanted]  # fmt: skip
    reasons += _meets(req, option, needs)
    if req.data.sensitivity in SENSITIVE:
        reasons.append(
            Reason(code="sensitive_ok", params={"tier": option.tier, "sensitivity": req.data.sensitivity})
        )
    risks = [_with_ga_alternative(r, ranking, option, req.latency.p95_seconds)
             for r in lifecycle_risks(option, ranking.as_of, catalog)]  # fmt: skip
    if _us_health(req):
        # a cloud's HIPAA terms usually leave previews out (Microsoft's Previews terms: "Customers should
        # not use Previews to process Personal Data"; expert22 N-7): said on the preview's row
        risks = [r.model_copy(update={"params": {**r.params, "baa": True}}) if r.code == "preview_model" else r
                 for r in risks]
    if latency_borderline(option.latency.p95_seconds, req.latency.p95_seconds, option.latency.basis):
        risks.append(Reason(code="latency_borderline", params={
            "model": option.model.name, "p95": option.latency.p95_seconds, "target": req.latency.p95_seconds,
            "margin": latency_margin(option.latency.basis), "guessed": guessed_speed(option.latency.basis)}))  # fmt: skip
    if near:
        risks.append(Reason(code="latency_near_target", params={
            "model": option.model.name, "p95": lat.p95_seconds, "target": req.latency.p95_seconds,
            "margin": LATENCY_MARGIN}))  # fmt: skip
    if capped is not None:
        risks.append(Reason(code="capped_quality_unverified", params={"model": option.model.name, **capped.params}))
    risks += option_risks(req, option, quality)
    also = [
        OtherOffering(
            offering_id=o.offering.id,
            provider=o.offering.provider,
            tier=o.offering.tier,
            monthly_cost_usd=None if o.monthly is None else round(o.monthly, 4),
            plausible=o.offering.plausible,
            plausibility_ratio=o.offering.plausibility_ratio,
        )
        for o in sellers[:5]
        if o.offering is not None
    ]
    return Candidate(
        rank=i + 1,
        model=option.model.name,
        model_key=key,
        offering_id=offering.id if offering else None,
        provider=offering.provider if offering else None,
        provider_name=offering.provider_name if offering else None,
        self_hosted=offering is None,
        monthly_cost_usd=None if option.monthly is None else round(option.monthly, 4),
        score=0.0 if quality.value is None else round(quality.value / 100, 4),
        quality=None if quality.value is None else round(quality.value, 1),
        quality_lower=None if quality.lower is None else round(quality.lower, 1),
        quality_upper=None if quality.upper is None else round(quality.upper, 1),
        quality_basis="",
        latency_class=latency_class(lat.p95_seconds),
        latency_basis="",
        on_pareto_frontier=key in front,
        cost=cost,
        self_host=option.self_host,
        criteria=[],
        reasons=[],
        tier=offering.tier if offering else None,
        in_quality_tier=key in ranking.ordered.tier,
        ratings_used=list(quality.used),
        evidence_missing=missing_evidence,
        latency=lat,
        also_sold_by=also,
        reason_codes=reasons,
        risk_codes=risks,
    )


def _embedding_languages(req: Requirements, model: Model) -> Reason:
    """Embeddings: the languages the model's maker documents it for (`embedding_cards`), against the
    person's: 'embedding_languages' with the card's basis code and address (none when not listed)."""
    card = card_of(model.key)
    fit, missing = language_fit(model.key, req.languages)
    return Reason(code="embedding_languages", params={
        "known": card is not None, "coverage": card.coverage if card else None, "stated": card.stated if card else None,
        "url": card.url if card else None, "covers": fit == 0, "missing": missing, "languages": list(req.languages)})  # fmt: skip


def _embedding_language_risk(req: Requirements, model: Model) -> list[Reason]:
    """An embedder documented for English only, shortlisted for a search in another language: a named
    risk on its row and wherever it is named ('embed_language_misses')."""
    if req.task_type != "embedding":
        return []
    card = card_of(model.key)
    missing = language_fit(model.key, req.languages)[1]
    if card is None or not missing:
        return []
    return [Reason(code="embed_language_misses", params={"model": model.name, "missing": missing,
                                                         "stated": card.stated, "url": card.url})]  # fmt: skip


def _price_doubts(option: Option) -> list[Reason]:
    """`price_below_typical` for a seller's price under half the model's usual one, or
    `maker_price_promo` for a maker's own list that far under its hosts' (a launch discount?), each
    with the monthly bill at the usual price (`filters.price_below_typical`)."""
    offering = option.offering
    if offering is None or option.monthly is None or not price_below_typical(offering):
        return []
    ratio = offering.plausibility_ratio or 1.0
    params: dict[str, Param] = {"model": option.model.name, "provider": offering.provider_name or offering.provider,
                                "ratio": ratio, "monthly": round(option.monthly / ratio, 2)}  # fmt: skip
    if option.tier == "maker":
        return [Reason(code="maker_price_promo", params={**params, "maker": params["provider"]})]
    return [Reason(code="price_below_typical", params=params)]


def _window(option: Option) -> int:
    """The context window of `option`: its offering's, else (self-hosted) the model's."""
    return option.offering.context if option.offering is not None else option.model.context


def option_risks(req: Requirements, option: Option, quality: Quality) -> list[Reason]:
    """The risks of serving these requirements with `option` whatever else it is: `foreign_jurisdiction`
    (or `_unknown`, the person's region not known) when the data at stake would go to a provider
    under another law (`filters.foreign_jurisdiction`), `evidence_missing` for required rating
    categories it has no rating for, `context_tight` when its window barely holds the average request
    (`filters.context_tight`)."""
    risks: list[Reason] = []
    offering = option.offering
    at_stake = foreign_jurisdiction(req, offering, source_code="coding" in domains_of(req))
    if at_stake is not None:
        region, inferred = user_region(req)
        risks.append(Reason(code="foreign_jurisdiction" if region is not None else "foreign_jurisdiction_unknown", params={
            "model": option.model.name, "provider": offering.provider if offering else None,
            "jurisdiction": jurisdiction(offering), "parent": parent_jurisdiction(offering), "region": region,
            "inferred": inferred, "data": at_stake}))  # fmt: skip
    basis = not_offered_to(req, offering, option.model)
    if basis is not None and offering is not None:
        risks.append(Reason(code="not_offered_cn", params={"model": option.model.name, "provider": offering.provider,
                                                            "place": user_region(req)[0],
                                                            "provider_name": offering.provider_name, "basis": basis,
                                                            "inferred": user_region(req)[1]}))  # fmt: skip
    risks += _price_doubts(option)
    risks += _embedding_language_risk(req, option.model)
    if req.task_type == "speech_to_text" and SPEAKER_TURNS.search(req.use_case) and not diarizes(option.model.key):
        risks.append(Reason(code="no_diarization", params={"model": option.model.name}))
    if offering is not None and _baa_unconfirmed(req, offering.provider):
        risks.append(Reason(code="baa_unconfirmed", params={"model": option.model.name, "provider": offering.provider,
                                                            "provider_name": offering.provider_name}))  # fmt: skip
    if quality.evidence_missing:
        risks.append(
            Reason(
                code="evidence_missing",
                params={"model": option.model.name, "categories": list(quality.evidence_missing),
                        "rated": quality.value is not None},
            )
        )
    sized = option.self_host
    if sized is not None and sized.quantization == "int4" and option.model.release_precision not in ("int4", "mxfp4"):
        risks.append(Reason(code="quantized_rating", params={"model": option.model.name, "quant": sized.quantization}))
    window = _window(option)
    if option.model.context_applies and context_tight(req, window):
        request = req.volume.input_tokens + req.volume.output_tokens
        risks.append(Reason(code="context_tight", params={"model": option.model.name, "context": window,
                                                          "request": request, "spare": window / request - 1}))  # fmt: skip
    return risks


def mention_risks(req: Requirements, option: Option, quality: Quality) -> list[Reason]:
    """The risks said next to a model wherever advice names it outside the shortlist (a relaxation,
    the cheapest or fastest of an impossible case): `option_risks`, and `unrated_model` when no
    public rating covers it for a task that public ratings measure (for one they never measure, such
    as embeddings, every model is alike and it is no risk of this one)."""
    risks = option_risks(req, option, quality)
    if quality.value is None and quality_profile(req).weights:  # the missing categories are part of it
        risks = [r for r in risks if r.code != "evidence_missing"]
        risks.append(Reason(code="unrated_model", params={"model": option.model.name, "task": req.task_type}))
    listing = _preview_listing(option)
    if listing is not None:
        # its figure is a preview listing's price: said beside the name (s11's "$62,380" was one)
        risks.append(Reason(code="preview_model", params={"model": option.model.name, "listing": listing, "stable": None}))
    return risks


def _preview_listing(option: Option) -> str | None:
    """The provider whose listing alone is a preview (its status), the model's release being stable."""
    if option.offering is None or not is_preview(option.model, option.offering) or is_preview(option.model, None):
        return None
    return option.offering.provider


def _capped(option: Option, req: Requirements) -> Reason | None:
    """`thinking_capped_figures`: for an option whose thinking the latency target capped (`fit_thinking`), the
    capped figures next to the ones at the model's usual thinking budget (what its public ratings were
    earned at): tokens, monthly bill, p95, and whether the usual bill is over the budget."""
    usual = option.usual
    if option.thinking_cap is None or usual is None:
        return None
    budget = req.monthly_budget_usd
    return Reason(
        code="thinking_capped_figures",
        params={"cap": option.thinking_cap, "usual": usual.thinking_tokens, "monthly": option.monthly,
                "usual_monthly": option.usual_monthly, "p95": option.latency.p95_seconds,
                "usual_p95": usual.p95_seconds, "target": req.latency.p95_seconds,
                "over_budget": budget is not None and option.usual_monthly is not None and option.usual_monthly > budget,
                "budget": budget, "effort": rated_effort(option.model), "rated": rated_thinking(option.model),
                "adaptive": adaptive_only(option.model.key),
                **_floor_figures(option, req)},
    )  # fmt: skip


def _floor_figures(option: Option, req: Requirements) -> dict[str, Param]:
    """For an option planned with its thinking off (`candidates.fit_thinking`): the thinking floor it
    missed the target at, with that time and bill, so the route that keeps some thinking is said (s02:
    56 s and $2,925 at 2,000 tokens, against a 20 s target)."""
    if option.thinking_cap != 0 or option.usual is None or option.offering is None:
        return {}
    floor = max(min_thinking(option.model.key), MIN_CAP_SHARE * option.usual.thinking_tokens)
    at = with_thinking(req, floor)
    cost = per_request_cost(option.offering, option.model, at)
    return {"floor": floor, "floor_p95": api_latency(at, option.offering, option.model).p95_seconds,
            "off_how": off_setting(option.model.key),
            "floor_monthly": None if cost is None else cost * req.volume.requests_per_month}  # fmt: skip


def _with_ga_alternative(risk: Reason, ranking: Ranking, option: Option, target: float | None) -> Reason:
    """A preview listing's risk names the way out: the same model's fastest generally available
    offering that misses only the latency target, with its estimate and bill (what relaxing the
    target to keep the model on a lasting listing needs)."""
    if risk.code != "preview_model" or not risk.params.get("listing"):
        return risk
    ga = [o for o in ranking.stage.only.get("too_slow", [])
          if o.model.key == option.model.key and not is_preview(o.model, o.offering) and o.latency.p95_seconds]  # fmt: skip
    if not ga:
        return risk
    best = min(ga, key=lambda o: (o.latency.p95_seconds or 0.0, o.monthly or 0.0, o.offering.id if o.offering else ""))
    return risk.model_copy(update={"params": {**risk.params, "ga_provider": best.offering.provider if best.offering else None,
                                              "ga_p95": best.latency.p95_seconds, "ga_monthly": best.monthly,
                                              "target": target, **_thinking_figures(best)}})  # fmt: skip


def _thinking_figures(option: Option) -> dict[str, Param]:
    """The thinking an option's figures are at when the ranking capped it (`cap`), with its usual
    budget and the time and bill there: said beside any figure quoted at the cap."""
    usual = option.usual if option.thinking_cap is not None else None
    return {"cap": option.thinking_cap, "usual": usual.thinking_tokens if usual else None,
            "usual_p95": usual.p95_seconds if usual else None,
            "usual_monthly": option.usual_monthly if usual else None}  # fmt: skip


def retiring_risk(option: Option, as_of: date) -> list[Reason]:
    """`retiring_soon` with its date when the option retires within `WARN_DAYS` of `as_of`
    (`provisional` when within `RETIRING_DAYS`: a lifecycle reason to rank it after lasting models)."""
    when = retirement_date(option.model, option.offering)
    if when is None or (when - as_of).days > WARN_DAYS:
        return []
    days = (when - as_of).days
    return [Reason(code="retiring_soon", params={"model": option.model.name, "date": when.isoformat(),
                                                 "days": days, "provisional": days <= RETIRING_DAYS})]  # fmt: skip


def _lifecycle_mention(option: Option, as_of: date) -> list[Reason]:
    """The lifecycle words beside a model a relaxation names: it retires soon, or it is a preview
    release (a preview listing is already said by `mention_risks`)."""
    preview = is_preview(option.model, option.offering) and _preview_listing(option) is None
    return retiring_risk(option, as_of) + (
        [Reason(code="preview_model", params={"model": option.model.name, "listing": None, "stable": None})]
        if preview else [])  # fmt: skip


def lifecycle_risks(option: Option, as_of: date, catalog: Catalog) -> list[Reason]:
    """The lifecycle warnings of one option, shown wherever the model is (shortlist row, report,
    chat): `retiring_soon` with its date when it retires within RETIRING_DAYS, `preview_model` (with
    the maker's stable sibling, when one exists) for a preview or experimental release."""
    risks = retiring_risk(option, as_of)
    if is_preview(option.model, option.offering):
        stable = stable_sibling(option.model, catalog.models.values(), as_of)
        risks.append(Reason(code="preview_model", params={"model": option.model.name, "listing": _preview_listing(option),
                                                          "stable": stable.name if stable else None}))  # fmt: skip
    return risks


def _lifecycle_codes(ranking: Ranking, built: list[Candidate], pick: Candidate | None, role: str) -> list[Reason]:
    """Why a provisional model that ranks higher (or is cheaper and rated higher than the value pick)
    is not the pick: one `lifecycle_demoted` code per demoted model shown, with its dates."""
    if pick is None:
        return []
    by_key = {c.model_key: c for c in built}
    held = {e.key: e.held for e in ranking.ordered.entries}
    if any(_provisional_risk(r) for r in pick.risk_codes):
        return []  # the pick is provisional itself: "shown after X, which lasts" would be false
    codes = []
    for key in ranking.ordered.demoted:
        c = by_key.get(key)
        if c is None or c.model_key == pick.model_key:
            continue
        if role == "value" and not (
            (c.monthly_cost_usd or 0.0) <= (pick.monthly_cost_usd or 0.0) and (c.quality or 0.0) >= (pick.quality or 0.0)
        ):
            continue  # said as "cheaper than the value pick and rated at least as high"
        if role == "quality" and not (c.quality or 0.0) > (pick.quality or 0.0):
            continue  # said as "rated higher than the pick"
        retiring = next((r for r in c.risk_codes if r.code == "retiring_soon" and _provisional_risk(r)), None)
        preview = next((r for r in c.risk_codes if r.code == "preview_model"), None)
        extra = [h for h in held.get(key, ()) if h not in held.get(pick.model_key, ())]
        if retiring is None and preview is None:
            if extra:  # a warning the pick does not carry
                codes.append(Reason(code="held_back", params={"model": c.model, "pick": pick.model, "role": role,
                                                              "why": extra[0]}))  # fmt: skip
            continue
        codes.append(
            Reason(
                code="lifecycle_demoted",
                params={"model": c.model, "pick": pick.model, "role": role,
                        "date": retiring.params.get("date") if retiring else None,
                        "days": retiring.params.get("days") if retiring else None,
                        "stable": preview.params.get("stable") if preview and not retiring else None,
                        "listing": preview.params.get("listing") if preview and not retiring else None},
            )
        )  # fmt: skip
    return codes


def _context_passed_over(top: list[Candidate], value: Candidate | None) -> list[Reason]:
    """Why a shortlisted model cheaper than the value pick and rated at least as high is not it: its
    context window barely holds the average request (`ranking._value_pick`, `filters.context_tight`).
    One `value_context_tight` code, for the best-rated such model."""
    if value is None or value.monthly_cost_usd is None or value.quality is None:
        return []
    passed = [(c, r) for c in top[1:] for r in c.risk_codes
              if r.code == "context_tight" and c.model_key != value.model_key and c.quality is not None
              and c.monthly_cost_usd is not None and c.monthly_cost_usd < value.monthly_cost_usd
              and c.quality >= value.quality]  # fmt: skip
    if not passed:
        return []
    _, r = max(passed, key=lambda cr: (cr[0].quality or 0.0, -(cr[0].monthly_cost_usd or 0.0), cr[0].model_key))
    return [Reason(code="value_context_tight", params={**r.params, "pick": value.model})]


def _with_tradeoffs(candidates: list[Candidate], qualities: Mapping[str, Quality]) -> list[Candidate]:
    """Each candidate against #1: cost ratio, quality difference on the ratings both have
    (`ranking.shared`), latency."""
    if not candidates:
        return candidates
    lead = candidates[0]
    out = [lead]
    for c in candidates[1:]:
        codes: list[Reason] = []
        if c.monthly_cost_usd is not None and lead.monthly_cost_usd:
            ratio = c.monthly_cost_usd / lead.monthly_cost_usd
            if ratio <= 0:
                codes.append(Reason(code="free"))
            elif ratio < 0.95:
                codes.append(Reason(code="cheaper", params={"x": round(1 / ratio, 1)}))
            elif ratio > 1.05:
                codes.append(Reason(code="dearer", params={"x": round(ratio, 1)}))
        both = shared(qualities[c.model_key], qualities[lead.model_key]) if c.model_key in qualities and (
            lead.model_key in qualities) else None  # fmt: skip
        if both is not None:
            codes.append(Reason(code="quality_diff", params={"d": round(both.d, 1), "overlap": both.overlap,
                                                             "left_out": list(both.left_out)}))  # fmt: skip
        if c.quality is None and lead.quality is not None:
            codes.append(Reason(code="no_rating"))
        a = c.latency.p95_seconds if c.latency else None
        b = lead.latency.p95_seconds if lead.latency else None
        if a is not None and b is not None and abs(a - b) >= 0.5:
            codes.append(Reason(code="latency_vs", params={"a": a, "b": b}))
        out.append(c.model_copy(update={"tradeoff_codes": codes}))
    return out


def _with_self_host_info(candidate: Candidate, req: Requirements, catalog: Catalog, gpu: Gpu) -> Candidate:
    """For open-weights picks served by an API, add what self-hosting would cost (informational),
    only where it is a real option (`_self_host_relevant`) and a practical build."""
    model = catalog.models[candidate.model_key]
    if not model.open_weights or model.params_total_b is None:
        return candidate
    estimate = self_host_estimate(req, model, catalog.offerings_of(model.key), gpu)
    if impractical_build(req, estimate, gpu) or not _self_host_relevant(req, candidate, estimate):
        return candidate
    return candidate.model_copy(update={"self_host": estimate})


def _self_host_relevant(req: Requirements, candidate: Candidate, estimate: SelfHostEstimate) -> bool:
    """Self-hosting figures beside an API pick (expert24 defect 16: 2x H100 at $4,380/month beside a
    $2.40/month embeddings job): when the person can or wants to run models themselves (open weights
    asked for, a GPU, hardware or a GPU count stated) or when self-hosting costs less than the API at
    their volume; otherwise it is noise."""
    d = req.deployment
    if d.open_weights or d.gpu is not None or d.hardware is not None or d.max_gpus is not None:
        return True
    api = candidate.monthly_cost_usd
    return api is not None and estimate.monthly_cost < api


def _meets(req: Requirements, option: Option, needs: list[str]) -> list[Reason]:
    """What the candidate is checked to meet, only where the check applies and holds: its context
    (or an embedding model's input limit) when known and a context check applies (`context_need`;
    never for speech-to-text), and the needs asked. An embedding model whose input limit is below
    the context the person stated gets `embed_chunking` (documents must be split), not a "meets"."""
    need = context_need(req)
    context = option.offering.context if option.offering is not None else option.model.context
    applies = need is not None and option.model.context_applies and context > 0 and context >= need
    out: list[Reason] = []
    if applies or needs:
        params: dict[str, Param] = {"needs": needs}
        if applies:
            params |= {"context": context, "needed": need, "input": req.task_type == "embedding"}
        out.append(Reason(code="meets", params=params))
    stated = req.context_tokens
    if req.task_type == "embedding" and stated is not None and 0 < context < stated:
        out.append(Reason(code="embed_chunking", params={"context": context, "stated": stated}))
    return out


# --- eliminations and relaxations ----------------------------------------------------------------


def _eliminations(stage: Stage) -> list[Elimination]:
    """Eliminated models per reason (each model once), most first; with the offerings per reason."""
    counts = stage.counts
    return [
        Elimination(
            reason=r,
            label="",
            count=counts[r],
            examples=list(stage.examples.get(r, [])),
            offerings=stage.option_counts.get(r, 0),
        )
        for r in sorted(counts, key=lambda r: (-counts[r], ORDER.get(r, 99)))
    ]


def _quoted(code: str, options: list[Option]) -> Option:
    """The option whose figures a relaxation of `code` quotes for one model: the fastest for the
    latency target, else the cheapest (then by offering id)."""
    if code == "too_slow":
        return min(options, key=lambda o: o.latency.p95_seconds or 0.0)
    return min(options, key=lambda o: (o.monthly or 0.0, o.offering.id if o.offering else ""))


def _needs(code: str, options: list[Option], req: Requirements) -> Reason:
    """What one model needs for constraint `code` to stop excluding it (its own numbers)."""
    if code == "over_budget":
        # The same thinking assumption as the ranking: a capped option's bill is at its cap (said).
        cheapest = _quoted(code, options)
        monthly = cheapest.monthly or 0.0
        params: dict[str, Param] = {"monthly": monthly, "per_1k": monthly / req.volume.requests_per_month * 1000}
        if cheapest.thinking_cap is not None:
            params.update(capped=cheapest.thinking_cap, target=req.latency.p95_seconds)
            if not latency_fit(cheapest.latency.p95_seconds, req.latency.p95_seconds, cheapest.latency.basis):
                # capped at the model's minimum and still too slow: the cap does not meet the target
                params["short"] = True
        return Reason(code="needs_budget", params=params)
    if code == "too_slow":
        fastest = _quoted(code, options)
        return Reason(
            code="needs_latency",
            params={"p95": fastest.latency.p95_seconds, "thinking": fastest.latency.thinking_tokens},
        )
    if code == "too_many_gpus":
        return _needs_gpus(options)
    if code == "context_too_small":
        return Reason(
            code="needs_context",
            params={"context": max(o.offering.context if o.offering else o.model.context for o in options)},
        )
    if code == "open_weights_required":
        # A closed model is used through its maker's or a cloud's API: the offering and its bill.
        best = _quoted(code, options)
        return Reason(code="needs_api", params={"offering": best.offering.id if best.offering else None,
                                                 "tier": best.tier, "monthly": best.monthly})  # fmt: skip
    if code in ("untrusted_provider", "provider_not_allowed", "data_terms", "residency"):
        best = _quoted(code, options)
        params = {"offering": best.offering.id if best.offering else None, "tier": best.tier,
                  "region": best.offering.region if best.offering else None, "monthly": best.monthly}  # fmt: skip
        if code == "data_terms":
            # its figures are a host's: whether the model's weights are open says if self-hosting is a way
            params["open_weights"] = best.model.open_weights
        return Reason(code="needs_" + code, params=params)
    return Reason(code="needs_" + code)


WHOLE_DOCUMENT_TASKS = frozenset({"summarization", "extraction", "classification"})
"""Tasks whose unit is the whole document the person stated (`volume.input_tokens`): cutting it into
chunks changes the answer (a summary of parts is not a summary), so a relaxation never asks for a
window smaller than the document and its answer (expert24 D14)."""


def _cuts_document(req: Requirements, window: int) -> bool:
    """A window too small for the stated document and its answer, on a task whose unit is the whole
    document (`WHOLE_DOCUMENT_TASKS`)."""
    return req.task_type in WHOLE_DOCUMENT_TASKS and window < req.volume.input_tokens + req.volume.output_tokens


def _off_task(req: Requirements, model: Model) -> bool:
    """A specialist model (`facts.specialism`: maths, machine translation) for a task it was not built
    for: never named as a way forward (a maths model for summaries, expert24 D14)."""
    spec = specialism(model.key)
    return spec is not None and req.task_type not in spec.tasks and (spec.domain is None or spec.domain not in domains_of(req))


def _needs_gpus(options: list[Option]) -> Reason:
    """What running a model that needs more GPUs than `deployment.max_gpus` takes: its cards (copies
    x cards per copy), the card and its monthly cost."""
    sized = min((o for o in options if o.self_host is not None), key=lambda o: as_float(o.monthly)).self_host
    assert sized is not None
    return Reason(code="needs_gpus", params={"cards": sized.gpus_needed * sized.replicas, "gpu": sized.gpu,
                                             "monthly": sized.monthly_cost,
                                             "quant": sized.quantization if sized.quantized_from else None})  # fmt: skip


def _model_changes(
    code: str, options: list[Option], ranking: Ranking, req: Requirements
) -> list[ModelChange]:
    """Per model failing only `code` (and not passing otherwise), its own required change, best first."""
    passing = {r.option.model.key for r in ranking.ranked}
    if code == "open_weights_required" and req.deployment.self_host:
        return _api_instead(req, ranking, passing)
    grouped: dict[str, list[Option]] = {}
    for o in options:
        if o.model.key in passing:
            continue
        window = o.offering.context if o.offering is not None else o.model.context
        if code == "context_too_small" and (window <= 0 or _cuts_document(req, window)):
            continue  # an unknown window (listed as 0) is no window a relaxation could admit
        if _off_task(req, o.model):
            continue
        grouped.setdefault(o.model.key, []).append(o)
    quality_of = ranking.index.qualities(quality_profile(req))
    changes = []
    for opts in grouped.values():
        model = opts[0].model
        q = quality_of(model)
        changes.append(ModelChange(model=model.name, model_key=model.key, needs=_needs(code, opts, req),
                                   quality=None if q.value is None else round(q.value, 1),
                                   # a model a relaxation admits says it retires soon (s09's Gemini 3.7 Flash)
                                   risk_codes=_change_risks(code, req, _quoted(code, opts), q)
                                   + _lifecycle_mention(_quoted(code, opts), ranking.as_of)))  # fmt: skip

    return sorted(changes, key=_change_order)


def _change_order(c: ModelChange) -> tuple[bool, bool, bool, float, float, str]:
    """Models a relaxation admits, best first: those the person can buy where they are before those
    they cannot (`not_offered_cn`), lasting ones before those retiring within six months (expert21
    D-10: o3 and GPT-5, five days from retirement, offered to relax a latency target), then rated
    before unrated, higher rated, cheaper."""
    return (any(r.code == "not_offered_cn" for r in c.risk_codes),
            any(r.code == "retiring_soon" and r.params.get("provisional") is True for r in c.risk_codes),
            c.quality is None, -(c.quality or 0.0), as_float(c.needs.params.get("monthly")), c.model_key)  # fmt: skip


def _change_risks(code: str, req: Requirements, option: Option, quality: Quality) -> list[Reason]:
    """`mention_risks` of a model a relaxation of `code` admits; for turning other input into text
    (`missing_modality`) without the missing input-modality ratings: the model then reads text."""
    risks = mention_risks(req, option, quality)
    if code == "missing_modality":
        risks = [r for r in risks if r.code != "evidence_missing"]
    return risks


def _api_instead(req: Requirements, ranking: Ranking, passing: set[str]) -> list[ModelChange]:
    """Self-hosting requires open weights; its relaxation is to use a proprietary (closed-weights)
    model through an API instead. The models it admits are those that pass every other constraint
    through an API (the same data terms, residency, budget, latency...) and are not already
    candidates, each with the offering and the monthly bill that change means, best first."""
    deployment = req.deployment.model_copy(update={"self_host": False, "open_weights": False, "gpu": None})
    api_req = req.model_copy(update={"deployment": deployment})
    stage = api_stage(api_req, ranking.index, ranking.as_of)
    quality_of = ranking.index.qualities(quality_profile(req))
    changes = []
    for key in sorted(stage.passing):
        option = choose_option(stage.passing[key], mainland_china=mainland_endpoint_ok(req))
        if key in passing or option.model.open_weights:
            continue  # an open model is not admitted by allowing proprietary ones
        q = quality_of(option.model)
        changes.append(ModelChange(model=option.model.name, model_key=key,
                                   needs=_needs("open_weights_required", [option], api_req),
                                   quality=None if q.value is None else round(q.value, 1),
                                   risk_codes=mention_risks(api_req, option, q)))  # fmt: skip
    return sorted(changes, key=_change_order)


def _relaxations(req: Requirements, ranking: Ranking) -> list[Relaxation]:
    stage = ranking.stage
    out: list[Relaxation] = []
    budget_changes: list[ModelChange] = []
    codes = set(stage.only)
    if req.deployment.self_host and stage.blocked.get("open_weights_required"):
        codes.add("open_weights_required")  # closed models also lack a size: the change is an API (_api_instead)
    if data_stays_inside(req):
        codes.discard("open_weights_required")  # air-gapped: no outside API is a way forward
    if task_reasons(req):
        codes.discard("reasoning")  # a reasoning task cannot drop the need for a reasoning model
    for code in sorted(codes, key=lambda r: (_breaks_stated_hold(req, r), -stage.blocked.get(r, 0), r)):
        if code not in PERSON_CONSTRAINTS:
            continue  # never suggest a reseller's listing, an implausible or a $0 price as a way in
        changes = _model_changes(code, stage.only.get(code, []), ranking, req)
        if not changes:
            continue
        shown = changes[:5]
        params: dict[str, Param] = {}
        if code == "over_budget":
            budget_changes = changes
            cheapest = _cheapest(changes)
            if cheapest not in shown:
                shown.append(cheapest)
            params = {"model": cheapest.model, **cheapest.needs.params}
        elif code == "too_slow":
            fastest = min(changes, key=lambda c: (as_float(c.needs.params.get("p95")), c.model_key))
            if fastest not in shown:
                shown.append(fastest)
            params = {
                "model": fastest.model,
                "target": req.latency.p95_seconds,
                **fastest.needs.params,
                "thinking": max(as_float(c.needs.params.get("thinking")) for c in shown),
            }
        elif code == "context_too_small":
            # the window every model named holds (each one's own window is on its line): a larger
            # figure would not admit the models listed with smaller windows
            params = {"tokens": min(int(as_float(c.needs.params.get("context"))) for c in shown)}
            if req.task_type in WHOLE_DOCUMENT_TASKS:  # every window named holds the document (_cuts_document)
                params["document"] = req.volume.input_tokens
        elif code == "open_weights_required":
            params = {"self_host": req.deployment.self_host}
        elif code == "too_many_gpus":
            params = {"limit": req.deployment.max_gpus,
                      "cards": min(int(as_float(c.needs.params.get("cards"))) for c in changes)}  # fmt: skip
        elif code == "residency":
            wanted = req.deployment.data_residency
            params = {"required": wanted, "known": sum(o.region == wanted for o in ranking.index.offerings)}
        elif code == "data_terms":
            # the figures are hosts' offerings: labelled as such, open-weights when every model shown is
            params = {"open": all(c.needs.params.get("open_weights") is True for c in shown)}
        elif code in ("provider_not_allowed", "untrusted_provider"):
            # the providers that admit the models named (best first), not an alphabetical list
            offs = list(dict.fromkeys(str(c.needs.params["offering"]).split(":")[0] for c in shown))
            params = {"providers": offs, "tiers": sorted({str(c.needs.params["tier"]) for c in changes})}
        # A budget relaxation's one amount admits exactly the model it is the figure for (the
        # cheapest); the others' own figures are listed per model.
        admits = [str(params["model"])] if code == "over_budget" else [c.model for c in shown]
        out.append(
            Relaxation(
                constraint=code,
                suggestion="",
                admits=admits,
                eliminated=stage.counts.get(code, 0),
                code=Reason(code="relax_" + code, params=params),
                per_model=shown,
            )
        )
    if not ranking.ranked and budget_changes:
        out += _levels_and_levers(req, budget_changes, ranking)
    owned = _owned_hardware(req, ranking) if not ranking.ranked else None
    quantized = _quantized(req, ranking)
    # buying the machine keeps every stated requirement: it comes first
    return ([owned] if owned else []) + ([quantized] if quantized else []) + sorted(
        out, key=lambda r: _breaks_stated_hold(req, r.constraint))


BATCH_PROVIDERS = frozenset({"openai", "anthropic", "google", "google-vertex", "google-vertex-anthropic", "azure",
                             "amazon-bedrock", "mistral"})  # fmt: skip
"""Providers with a documented batch API for requests that may wait up to 24 hours (OpenAI Batch API,
Anthropic Message Batches, Gemini Batch Mode, Vertex AI and Bedrock batch inference, Azure OpenAI Batch,
Mistral batch), each priced at half the on-demand rate on the makers' pages (2025)."""
BATCH_DISCOUNT = 0.5
"""The batch discount those providers publish: 50% off input and output."""
QUALITY_BANDS = ((95.0, "top"), (85.0, "high"), (70.0, "good"), (50.0, "mid"), (float("-inf"), "low"))


def _owned_hardware(req: Requirements, ranking: Ranking) -> Relaxation | None:
    """When self-hosting fails only on the budget (rented GPUs billed around the clock): a workstation
    bought for the premises (`gpus.WORKSTATIONS`, a China-market card for someone in mainland China),
    its cost spread over `OWNED_MONTHS` plus power (`selfhost.owned_monthly`), for the best-rated open
    models that fit one box at 4-bit and carry the volume, within the budget. A rented GPU is not on
    the premises either, so for data that may not leave the building this is the way forward (n4,
    expert20 NEW-1). None when no such model fits the budget or the person does not self-host."""
    if not req.deployment.self_host or req.monthly_budget_usd is None or "over_budget" not in ranking.stage.only:
        return None
    in_china = user_region(req)[0] == "cn"
    box = workstation_for("cn" if in_china else None)
    small = _on_owned(req)
    gpu = self_host_gpu(small)
    catalog = ranking.index.catalog
    quality_of = ranking.index.qualities(quality_profile(req))
    changes: list[ModelChange] = []
    for o in ranking.stage.only["over_budget"]:
        option = self_host_option(small, o.model, list(catalog.offerings_of(o.model.key)), gpu, ranking.as_of)
        sized = option.self_host
        if option.failures or sized is None or sized.gpus_needed * sized.replicas > box.max_cards:
            continue  # over the budget even bought, too slow, or more than one box holds
        q = quality_of(o.model)
        changes.append(ModelChange(model=o.model.name, model_key=o.model.key, quality=None if q.value is None else round(q.value, 1),
                                   needs=Reason(code="needs_owned", params={"monthly": option.monthly, "cards": sized.gpus_needed * sized.replicas,
                                                                            "gpu": gpu.name, "quant": "int4"}),
                                   risk_codes=mention_risks(small, option, q)))  # fmt: skip
    if not changes:
        return None
    shown = sorted(changes, key=_change_order)[:5]
    power = owned_monthly(small, 1)[2].params["power"]
    return Relaxation(constraint="owned_hardware", suggestion="", admits=[c.model for c in shown], eliminated=0,
                      code=Reason(code="relax_owned_hardware", params={
                          "gpu": gpu.name, "max_cards": box.max_cards, "card": box.card_usd, "base": box.base_usd,
                          "months": OWNED_MONTHS, "power": power, "kwh": POWER_USD_PER_KWH,
                          "cn": in_china, "source": WORKSTATION_SOURCE}),
                      per_model=shown)  # fmt: skip


QUANTIZED = "int4"
"""The precision a plan too big for the cards at hand is tried at (`_quantized`): 4-bit weights
(AWQ/GPTQ), what the owned-hardware way forward uses too."""


def _quantized(req: Requirements, ranking: Ranking) -> Relaxation | None:
    """When self-hosting plans were ruled out for the cards they need (more than the person's
    `max_gpus`, or more than one machine holds) and no precision was stated: the better-rated models
    that 4-bit weights fit on the same cards, each with its cards and monthly cost (expert24 s08: one
    24 GB card holds a 26B model at 4-bit). None when none is rated above the current lead."""
    blocked = ranking.stage.blocked
    if not req.deployment.self_host or req.deployment.quantization is not None:
        return None
    if not (blocked.get("impractical_build") or blocked.get("too_many_gpus")):
        return None
    small = req.model_copy(update={"deployment": req.deployment.model_copy(update={"quantization": QUANTIZED})})
    stage = self_host_stage(small, ranking.index.catalog, self_host_gpu(small), ranking.as_of)
    quality_of = ranking.index.qualities(quality_profile(req))
    ranked = [quality_of(r.option.model).value for r in ranking.ranked]
    lead = max((q for q in ranked if q is not None), default=None)
    passing = {r.option.model.key for r in ranking.ranked}
    changes: list[ModelChange] = []
    for key in sorted(stage.passing):
        option = stage.passing[key][0]
        sized, q = option.self_host, quality_of(option.model)
        if key in passing or sized is None or q.value is None or (lead is not None and q.value <= lead):
            continue
        changes.append(ModelChange(model=option.model.name, model_key=key, quality=round(q.value, 1),
                                   needs=Reason(code="needs_owned", params={"monthly": option.monthly,
                                                "cards": sized.gpus_needed * sized.replicas, "gpu": sized.gpu,
                                                "quant": QUANTIZED}),
                                   risk_codes=mention_risks(small, option, q)))  # fmt: skip
    if not changes:
        return None
    shown = sorted(changes, key=_change_order)[:5]
    return Relaxation(constraint="quantization", suggestion="", admits=[c.model for c in shown], eliminated=0,
                      code=Reason(code="relax_quantization", params={"quant": QUANTIZED}), per_model=shown)


def _quantized_route(relaxations: list[Relaxation], ranked: bool) -> list[Reason]:
    """The 4-bit way forward (`_quantized`) said in the summary when there is a pick: a better-rated
    model the same cards hold at 4-bit is worth a sentence, not only a line among the relaxations."""
    found = next((r for r in relaxations if r.constraint == "quantization" and r.per_model), None)
    if found is None or not ranked:
        return []
    best = found.per_model[0]
    return [Reason(code="quantized_route", params={"model": best.model, "quality": best.quality,
                                                    "cards": best.needs.params.get("cards"),
                                                    "gpu": best.needs.params.get("gpu")})]  # fmt: skip


def _on_owned(req: Requirements) -> Requirements:
    """`req` self-hosted on a workstation bought for the premises, at 4-bit unless a precision is stated."""
    update = {"hardware": "owned", "quantization": req.deployment.quantization or "int4"}
    return req.model_copy(update={"deployment": req.deployment.model_copy(update=update)})


def _owned_instead(
    req: Requirements, ranking: Ranking, catalog: Catalog, as_of: date | None, gpus: Mapping[str, Gpu]
) -> tuple[Requirements, Ranking, Reason | None]:
    """When self-hosting on rented GPUs leaves nothing because of the budget and a workstation bought
    for the premises fits it (`_owned_hardware`), the ranking on that hardware: a pick the person can
    act on, not "nothing fits" with the way out further down (n4, expert21 D-5). Only when the person
    did not say which hardware; said (`owned_chosen`) with the rented figure it replaces."""
    if ranking.ranked or req.deployment.hardware is not None or _owned_hardware(req, ranking) is None:
        return req, ranking, None
    owned = _on_owned(req)
    again = rank_all(owned, catalog, as_of=as_of, gpus=gpus)
    if not again.ranked:
        return req, ranking, None
    lead = again.ranked[0].option
    over = ranking.stage.only["over_budget"]
    rented = next((o for o in over if o.model.key == lead.model.key), None) or min(over, key=lambda o: (o.monthly or 0.0, o.model.key))
    cards = (lead.self_host.gpus_needed * lead.self_host.replicas) if lead.self_host else 1
    box = owned_machine(owned)
    upfront = cards * box.card_usd + -(-cards // box.max_cards) * box.base_usd  # paid once, before the first answer
    return owned, again, Reason(code="owned_chosen", params={
        "gpu": self_host_gpu(owned, gpus).name, "cards": cards, "upfront": upfront, "months": OWNED_MONTHS,
        "rented_model": rented.model.name, "rented_monthly": rented.monthly, "budget": req.monthly_budget_usd,
        "cn": user_region(req)[0] == "cn"})  # fmt: skip


def _breaks_stated_hold(req: Requirements, code: str) -> bool:
    """A relaxation that sends confidential data out of the person's own servers when they said it must
    stay there (self-hosting stated for confidential or restricted data): offered after every other
    way forward, never first (a clinic whose records may not leave the building)."""
    return code == "open_weights_required" and req.deployment.self_host and req.data.sensitivity in SENSITIVE


def _cheapest(changes: Iterable[ModelChange]) -> ModelChange:
    """The change with the lowest bill; at one bill (self-hosting, where every model that fits one GPU
    costs that GPU) the best rated, so a model with no rating for the task never stands for a price a
    rated model also meets."""
    return min(changes, key=lambda c: (as_float(c.needs.params.get("monthly")), c.quality is None, -(c.quality or 0.0), c.model_key))


def _budget_and_latency(req: Requirements, ranking: Ranking) -> Relaxation | None:
    """When no single change admits a model but some meet every constraint except the budget and the
    latency target: per model, the bill and the latency target it needs (its cheapest option, at the
    ranking's thinking assumption), best rated first, with the cheapest always listed."""
    by_model: dict[str, Option] = {}
    for o in ranking.stage.price_bound:
        best = by_model.get(o.model.key)
        if best is None or (o.monthly or 0.0, o.latency.p95_seconds or 0.0) < (best.monthly or 0.0, best.latency.p95_seconds or 0.0):
            by_model[o.model.key] = o
    if not by_model:
        return None
    quality_of = ranking.index.qualities(quality_profile(req))
    target = req.latency.p95_seconds
    changes = []
    for key in sorted(by_model):
        o = by_model[key]
        q = quality_of(o.model)
        budget_needs = _needs("over_budget", [o], req)
        p95 = o.latency.p95_seconds if "too_slow" in o.failures else None
        needs = {**budget_needs.params, "p95": p95, "target": target}
        changes.append(ModelChange(model=o.model.name, model_key=key,
                                   needs=Reason(code="needs_budget_and_latency", params=needs),
                                   quality=None if q.value is None else round(q.value, 1),
                                   risk_codes=mention_risks(req, o, q)))  # fmt: skip
    changes.sort(key=_change_order)  # buyable and lasting first, like every relaxation's list
    cheapest = _cheapest(changes)
    shown = changes[:5] + ([cheapest] if cheapest not in changes[:5] else [])
    params: dict[str, Param] = {"model": cheapest.model, **cheapest.needs.params}
    return Relaxation(constraint="budget_and_latency", suggestion="", admits=[cheapest.model],
                      eliminated=0,  # no table row of its own: the budget's and latency's rows count them
                      code=Reason(code="relax_budget_and_latency", params=params), per_model=shown)  # fmt: skip


CLOSEST_SHOWN = 5
"""Models named, each with its own figures, when several limits bind at once (`_closest_plans`)."""


def _closest_plans(req: Requirements, ranking: Ranking, gpus: Mapping[str, Gpu]) -> Relaxation | None:
    """When nothing fits and no single change admits a model, while self-hosting: the models for the
    task that only the person's numbers keep out (budget, answer time, GPU count), each with what it
    would take, as figures (`needs_levers`): its self-hosted plan without those limits (cards, monthly
    bill, p95) and its cheapest hosted plan that the other requirements allow (provider, monthly bill,
    p95; none when the data may not leave, `filters.data_stays_inside`). Best first: for speech, the
    documented language coverage, then rated before unrated (`found` below) (expert25 n6: Whisper
    Large v3 on one RTX 4090 for $50/month and 0.5 s, where the report said only "relax several
    constraints"). None when no model is kept out by those numbers alone."""
    if not req.deployment.self_host:
        return None
    update = {"max_gpus": None}
    free = req.model_copy(update={"budget": req.budget.model_copy(update={"monthly_usd": None, "per_1k_requests_usd": None}),
                                  "latency": req.latency.model_copy(update={"p95_seconds": None}),
                                  "deployment": req.deployment.model_copy(update=update)})  # fmt: skip
    gpu = self_host_gpu(free, gpus)
    stage = self_host_stage(free, ranking.index.catalog, gpu, ranking.as_of)
    hosted_req = free.model_copy(update={"deployment": free.deployment.model_copy(
        update={"self_host": False, "open_weights": False, "gpu": None, "hardware": None})})
    hosted = api_stage(hosted_req, ranking.index, ranking.as_of) if not data_stays_inside(req) else None
    quality_of = ranking.index.qualities(quality_profile(req))
    found: list[tuple[tuple[int, bool, float, bool, int, float, str], ModelChange]] = []
    for key in sorted(stage.passing):
        option = stage.passing[key][0]
        sized = option.self_host
        if sized is None or _off_task(req, option.model):
            continue
        q = quality_of(option.model)
        api = choose_option(hosted.passing[key], mainland_china=mainland_endpoint_ok(req)) if hosted and key in hosted.passing else None
        needs = Reason(code="needs_levers", params={
            "cards": sized.gpus_needed * sized.replicas, "gpu": sized.gpu, "quant": sized.quantization,
            "monthly": option.monthly, "p95": option.latency.p95_seconds,
            "limit": req.deployment.max_gpus, "budget_usd": req.monthly_budget_usd, "target": req.latency.p95_seconds,
            "api_offering": api.offering.id if api and api.offering else None,
            "api_provider": api.offering.provider_name if api and api.offering else None,
            "api_monthly": api.monthly if api else None, "api_p95": api.latency.p95_seconds if api else None})  # fmt: skip
        change = ModelChange(model=option.model.name, model_key=key, needs=needs,
                             quality=None if q.value is None else round(q.value, 1),
                             risk_codes=mention_risks(free, option, q))  # fmt: skip
        coverage = _speech_fit(req, option.model) if req.task_type == "speech_to_text" else 0
        # then one with a hosted plan, the more widely sold (the better-known release before its
        # fine-tunes and conversions), the cheaper self-hosted bill
        order_key = (coverage, q.value is None, -(q.value or 0.0), api is None, -len(ranking.index.catalog.offerings_of(key)),
                     option.monthly or 0.0, key)  # fmt: skip
        found.append((order_key, change))
    if not found:
        return None
    shown = [c for _, c in sorted(found, key=lambda f: f[0])[:CLOSEST_SHOWN]]
    return Relaxation(constraint="closest_plans", suggestion="", admits=[], eliminated=0,
                      code=Reason(code="relax_closest_plans", params={
                          "limit": req.deployment.max_gpus, "budget_usd": req.monthly_budget_usd,
                          "target": req.latency.p95_seconds}),
                      per_model=shown)  # fmt: skip


def _price_diagnosis(req: Requirements, ranking: Ranking) -> list[Reason]:
    """Why nothing fits, in the person's own numbers, over the options that meet every constraint but
    the budget and/or the latency target: the dollar gap (the cheapest one's bill against the budget),
    and either the latency floor (none answers within the target: the fastest one's p95) or what the
    cheapest one that meets the target costs."""
    options = ranking.stage.price_bound
    if not options:
        return []
    target = req.latency.p95_seconds
    out: list[Reason] = []

    quality_of = ranking.index.qualities(quality_profile(req))

    def bill(o: Option) -> tuple[float, bool, float, str]:
        # at one bill (self-hosting on the same GPUs) the best rated stands for the price
        q = quality_of(o.model).value
        return (o.monthly if o.monthly is not None else float("inf"), q is None, -(q or 0.0), o.model.key)

    cheapest = min(options, key=bill)
    budget = req.monthly_budget_usd
    if budget is not None and cheapest.monthly is not None and cheapest.monthly > budget:
        out.append(Reason(code="budget_gap", params={
            "model": cheapest.model.name, "monthly": cheapest.monthly, "budget": budget,
            "x": round(cheapest.monthly / budget, 1) if budget > 0 else None,
            "slow": "too_slow" in cheapest.failures, "p95": cheapest.latency.p95_seconds, "target": target}))  # fmt: skip
        out += risk_note(cheapest.model.name, mention_risks(req, cheapest, quality_of(cheapest.model)))
    if target is None:
        return out
    fast = [o for o in options if "too_slow" not in o.failures]
    if not fast:
        fastest = min(options, key=lambda o: (o.latency.p95_seconds or 0.0, o.model.key))
        out.append(Reason(code="latency_floor", params={
            "model": fastest.model.name, "p95": fastest.latency.p95_seconds, "target": target,
            "thinking": fastest.latency.thinking_tokens, "reasoning": req.needs.reasoning}))  # fmt: skip
        floor = answer_floor(req, options, fastest.latency.p95_seconds)
        if floor is not None:
            out.append(floor)
    elif "too_slow" in cheapest.failures:
        c = min(fast, key=bill)
        out.append(Reason(code="latency_cost", params={"model": c.model.name, "monthly": c.monthly, "target": target}))
    return out


def risk_note(model: str, risks: list[Reason]) -> list[Reason]:
    """`risk_note`: a model's risks (`mention_risks`) as one code, said right after a sentence that
    names it as a way forward; [] when it has none. The params are the risks' codes and their
    params (their names do not collide)."""
    if not risks:
        return []
    params: dict[str, Param] = {"model": model, "codes": [r.code for r in risks]}
    for r in risks:
        params.update({k: v for k, v in r.params.items() if k != "model"})
    return [Reason(code="risk_note", params=params)]


def answer_floor(req: Requirements, options: Iterable[Option], floor_p95: float | None) -> Reason | None:
    """When no option meets the latency target: what the stated answer length alone needs. The
    decode speed the answer needs to fit the target (answer tokens / target), the fastest decoding
    among the options (its model, tokens/s and basis) and the time the answer alone takes at it; and
    the levers: stream it (the first visible token after the time to first token and the thinking
    tokens, typical and p95), shorten it (the answer tokens that fit the target at that speed, 0:
    none), or relax the target (to `floor_p95`, the fastest option's p95). None without a target, an
    answer to decode or a decode speed."""
    target = req.latency.p95_seconds
    output = tokens(req, "none").output
    timed = [o for o in options if o.latency.output_tokens_per_s and o.latency.ttft_seconds is not None]
    if target is None or not output or not timed:
        return None
    fastest = min(timed, key=lambda o: (-(o.latency.output_tokens_per_s or 0.0), o.latency.ttft_seconds or 0.0,
                                        o.latency.p95_seconds or 0.0, o.model.key))  # fmt: skip
    lat = fastest.latency
    tps = lat.output_tokens_per_s or 0.0
    answer = output / tps
    first = (lat.ttft_seconds or 0.0) + lat.thinking_tokens / tps
    return Reason(code="answer_floor", params={
        "output": output, "target": target, "needed_tps": round(output / target), "model": fastest.model.name,
        "tps": tps, "basis": lat.basis, "answer": round(answer, 2), "alone": answer > target,
        "first": round(first, 2), "first_p95": round(P95_FACTOR * first, 2), "thinking": lat.thinking_tokens,
        "fits": answer_that_fits(lat, target), "floor_p95": floor_p95})  # fmt: skip


def _levels_and_levers(req: Requirements, changes: list[ModelChange], ranking: Ranking) -> list[Relaxation]:
    """When nothing fits the budget: what each quality level costs, and which levers help most."""
    levels: list[ModelChange] = []
    for floor, band in QUALITY_BANDS:
        inside = [c for c in changes if c.quality is not None and c.quality >= floor and not any(
            c.quality >= f for f, _ in QUALITY_BANDS if f > floor)]  # fmt: skip
        if inside:
            cheapest = _cheapest(inside)
            levels.append(
                cheapest.model_copy(
                    update={
                        "needs": Reason(code="quality_level", params={"band": band, **cheapest.needs.params})
                    }
                )
            )
    # a lower level that costs no less than a higher one is no choice (the higher one is better for less)
    kept: list[ModelChange] = []
    for level in levels:
        if all(as_float(level.needs.params.get("monthly")) < as_float(k.needs.params.get("monthly")) for k in kept):
            kept.append(level)
    levels = kept
    out: list[Relaxation] = []
    if levels:
        out.append(Relaxation(constraint="quality_levels", suggestion="", admits=[c.model for c in levels],
                              code=Reason(code="relax_quality_levels"), per_model=levels))  # fmt: skip
    target = levels[0] if levels else changes[0]
    option = min(
        (
            o
            for o in ranking.stage.only.get("over_budget", [])
            if o.model.key == target.model_key and o.offering
        ),
        key=lambda o: (o.monthly or 0.0, o.offering.id if o.offering else ""),
        default=None,
    )
    if option is None or option.offering is None or option.monthly is None:
        return out
    offering, volume = option.offering, req.volume
    monthly = option.monthly
    levers: dict[str, Param] = {"model": target.model, "monthly": monthly}
    # Each lever changes one thing of the figure it modifies: same offering, same thinking (capped or not).
    shorter = with_thinking(
        req.model_copy(update={"volume": volume.model_copy(update={"input_tokens": volume.input_tokens / 2})}),
        option.thinking_cap,
    )
    cost = per_request_cost(offering, option.model, shorter)
    if cost is not None:
        levers["half_prompt"] = cost * volume.requests_per_month
    if volume.cached_input_fraction < CACHE_HIT_SHARE and volume.input_tokens >= 1000 and shares_prefix(req):
        cached = with_thinking(
            req.model_copy(update={"volume": volume.model_copy(update={"cached_input_fraction": CACHE_HIT_SHARE})}),
            option.thinking_cap,
        )
        cost = per_request_cost(offering, option.model, cached)
        if cost is not None and cost * volume.requests_per_month < monthly:  # no cache price: no lever
            levers["cached_75"] = cost * volume.requests_per_month
    if req.latency.p95_seconds is None and _batch_covers(offering.provider, option.model.key):
        # no answer-time target: work that can wait for a batch job (results within 24 hours)
        levers["batch"] = monthly * (1 - BATCH_DISCOUNT)
    cheapest = _cheapest(changes)
    cheap_monthly = as_float(cheapest.needs.params.get("monthly"))
    if cheapest.model_key != target.model_key:
        levers["route_model"] = cheapest.model
        levers["routed_80"] = 0.2 * monthly + 0.8 * cheap_monthly
    admitted = [target.model] + ([str(levers["route_model"])] if "route_model" in levers else [])
    out.append(
        Relaxation(
            constraint="levers", suggestion="", admits=admitted, code=Reason(code="relax_levers", params=levers)
        )
    )
    return out


# --- summary, risks, steps, assumptions ----------------------------------------------------------


def _summary_codes(
    req: Requirements,
    top: list[Candidate],
    ranking: Ranking,
    eliminated: list[Elimination],
    relaxations: list[Relaxation],
    approach: str,
    value: Candidate | None,
    rated: list[Ranked],
    quality: Candidate | None = None,
) -> list[Reason]:
    if not top:
        codes = [Reason(code="none_fits")]
        # The person's own constraints first: catalog facts (wrong task, resellers) are not theirs to relax.
        diagnosis = _price_diagnosis(req, ranking)
        theirs = [e for e in eliminated if e.reason in PERSON_CONSTRAINTS] or eliminated
        closest = next((r for r in relaxations if r.constraint == "closest_plans" and r.per_model), None)
        if closest is not None:
            # several limits bind at once: the closest model's figures, not the filter that removed most
            # models (n6's "weights not openly available" named models the person had ruled out)
            best = closest.per_model[0]
            codes.append(Reason(code="closest_plan", params={"model": best.model, **best.needs.params}))
        elif theirs and not diagnosis:
            codes.append(Reason(code="worst", params={"reason": theirs[0].reason, "count": theirs[0].count}))
        codes += diagnosis
        slow = next((r for r in relaxations if r.constraint == "too_slow"), None)
        if slow is not None and slow.code is not None and not any(c.code == "latency_floor" for c in codes):
            codes.append(Reason(code="infeasible_latency", params=dict(slow.code.params)))
        budget = next((r for r in relaxations if r.constraint == "over_budget"), None)
        if budget is not None and budget.per_model and budget.code is not None:
            best = budget.per_model[0]
            codes.append(
                Reason(
                    code="relax_admits_budget",
                    params={"cheapest": budget.code.params.get("model"), "cheapest_monthly": budget.code.params.get("monthly"),
                            "best": best.model, "best_monthly": best.needs.params.get("monthly")},
                )
            )  # fmt: skip
            for m in budget.per_model:
                if m.model in (budget.code.params.get("model"), best.model) and not any(
                        c.code == "risk_note" and c.params.get("model") == m.model for c in codes):
                    codes += risk_note(m.model, m.risk_codes)
        owned = next((r for r in relaxations if r.constraint == "owned_hardware" and r.per_model), None)
        if owned is not None:
            # the way forward that keeps every stated requirement, said in the summary (n4)
            best_owned = owned.per_model[0]
            codes.append(Reason(code="owned_route", params={"model": best_owned.model, "quality": best_owned.quality,
                                                            "monthly": best_owned.needs.params.get("monthly"),
                                                            "gpu": best_owned.needs.params.get("gpu")}))  # fmt: skip
        first = next(
            (r for r in relaxations if r.admits and r.constraint not in ("over_budget", "too_slow", "budget_and_latency", "owned_hardware")),
            None,
        )
        if first is not None and (budget is None or not budget.per_model):
            codes.append(
                Reason(
                    code="relax_admits", params={"constraint": first.constraint, "models": first.admits[:3]}
                )
            )
        return codes
    lead = top[0]
    codes = [
        Reason(
            code="lead",
            params={"use_case": req.use_case, "model": lead.model, "offering": lead.offering_id,
                    "provider_name": lead.provider_name,
                    "self_hosted": lead.self_hosted, "tier": lead.tier, "passing": len(ranking.ranked),
                    "task": req.task_type, "monthly": lead.monthly_cost_usd,
                    "requests": req.volume.requests_per_month,
                    "rule": "measured_best" if lead.measured is not None
                    else (("speech_coverage_speakers" if SPEAKER_TURNS.search(req.use_case) else "speech_coverage")
                          if req.task_type == "speech_to_text"
                          else "embedding_coverage" if req.task_type == "embedding" and ranking.ordered.rule == "cheapest_unrated"
                          else ranking.ordered.rule),
                    "tier_size": len(ranking.ordered.tier), "priority": req.priority,
                    "rated_for": _passed_for_evidence(ranking, lead.model_key) if ranking.ordered.rule in (
                        "cheapest_in_tier", "cheapest_reaching_floor") else [],
                    **_dead_heat_params(ranking, lead)},
        )
    ]  # fmt: skip
    if lead.ratings_used:
        # a category it is clearly weak in (lower than 7 in 10 rated models on that category's own
        # scale) is said with its score: s05's start pick reads scans at 63 of 100
        weak = [(u.category, round(u.normalised * 100)) for u in lead.ratings_used
                if u.normalised is not None and u.normalised < WEAK_CATEGORY]  # fmt: skip
        codes.append(Reason(code="rests_on", params={"categories": [u.category for u in lead.ratings_used],
                                                    "missing": lead.evidence_missing,
                                                    "weak": [c for c, _ in weak], "weak_scores": [str(n) for _, n in weak]}))  # fmt: skip
    elif ranking.ordered.rule == "cheapest_unrated":
        codes.append(Reason(code="no_public_rating", params={"task": req.task_type}))
    if quality is not None and quality.model_key != lead.model_key:
        # Priority balanced/cost put a cheaper model first (it is the value pick): name the strongest.
        ratio = (quality.monthly_cost_usd or 0.0) / lead.monthly_cost_usd if lead.monthly_cost_usd else None
        codes.append(
            Reason(
                code="quality_pick",
                params={"model": quality.model, "monthly": quality.monthly_cost_usd,
                        "x": None if ratio is None or ratio < 1.05 else round(ratio, 1),
                        **_shared_d(ranking, quality.model_key, lead.model_key), "lead": lead.model,
                        "passed_over": _passed_over(top, quality),
                        "listing": next((r.params.get("listing") for r in quality.risk_codes
                                         if r.code == "preview_model" and r.params.get("listing")), None)},
            )
        )  # fmt: skip
    elif value is not None:
        ratio = (lead.monthly_cost_usd or 0.0) / value.monthly_cost_usd if value.monthly_cost_usd else None
        codes.append(
            Reason(
                code="value",
                params={"model": value.model, "monthly": value.monthly_cost_usd,
                        "x": None if ratio is None or ratio < 1.05 else round(ratio, 1),
                        "tied": None if value.quality is None else ranking.ordered.value_rule,
                        # the tier is measured from the top-rated candidate's interval, not the #1's
                        "best": None if ranking.ordered.best in (None, lead.model_key)
                        else _model_name(ranking, ranking.ordered.best),
                        "within": BALANCED_MARGIN,
                        "capacity_x": _capacity_ratio(lead, value) if ratio is not None and ratio < 1.05 else None,
                        **_shared_d(ranking, value.model_key, lead.model_key),
                        "missing": [c for c in value.evidence_missing if c not in lead.evidence_missing]},
            )
        )  # fmt: skip
    elif lead.self_host is not None:
        # Nothing costs less on the person's GPUs: a tied model that serves more on the same GPUs is
        # headroom for growth, not a value pick at this volume.
        same_bill = [(x, c) for c in top[1:] if c.in_quality_tier and c.monthly_cost_usd == lead.monthly_cost_usd
                     and (x := _capacity_ratio(lead, c)) is not None and x >= 1.05]  # fmt: skip
        if same_bill:
            x, c = max(same_bill, key=lambda xc: (xc[0], xc[1].model_key))
            codes.append(Reason(code="headroom", params={"model": c.model, "capacity_x": x}))
    demoted = _lifecycle_codes(ranking, top, quality or lead, "quality")
    if value is not None:
        demoted += [c for c in _lifecycle_codes(ranking, top, value, "value")
                    if c.params["model"] not in {d.params["model"] for d in demoted}]  # fmt: skip
    codes += demoted
    codes += _context_passed_over(top, value)
    alternative = next((r for r in ranking.ranked if r.option.model.key == ranking.ordered.lasting), None)
    if alternative is not None and alternative.quality.value is not None:
        pick = quality or lead
        codes.append(Reason(code="lifecycle_alone", params={
            "model": pick.model, "lasting": alternative.option.model.name, "first": pick.model_key == lead.model_key,
            "quality": round(alternative.quality.value, 1), "monthly": alternative.option.monthly,
            "retires": (d.isoformat() if (d := retirement_date(alternative.option.model, alternative.option.offering)) else None)}))  # fmt: skip
        # the model to move to carries its own warnings (a provider under another law for citizens' data)
        codes += risk_note(alternative.option.model.name, mention_risks(req, alternative.option, alternative.quality))
    # a Taiwan agency may not buy a model made in mainland China whoever serves it: its risk line says so
    # once; it is no "strongest", "also retiring" or "passed over" model (expert23 N-C: Kimi K2.5, K2.6)
    rated = [r for r in rated if not _barred_for_tw_agency(req, r.option)]
    named = {lead.model_key, quality.model_key if quality is not None else lead.model_key}
    named |= {c.model_key for c in top if c.model_key in ranking.ordered.demoted}
    named |= {ranking.ordered.rival} if ranking.ordered.rival else set()  # the dead heat already names it
    shown = round(lead.quality, 1) if lead.quality is not None else None
    if (
        rated
        and rated[0].option.model.key not in named
        and not_offered_to(req, rated[0].option.offering, rated[0].option.model) is None  # `cn_passed_over` names it
        and rated[0].quality.value is not None
        and (shown is None or round(rated[0].quality.value, 1) > shown)  # "higher-rated" only when it shows
    ):
        s = rated[0]
        codes.append(Reason(code="strongest", params={"model": s.option.model.name, "quality": round(s.quality.value or 0.0, 1),
                                                      "price_ratio": s.option.offering.plausibility_ratio
                                                      if _seller_price_doubt(s.option) and s.option.offering else None,
                                                      "monthly": s.option.monthly, "missing": list(s.quality.missing),
                                                      "in_tier": s.option.model.key in ranking.ordered.tier,
                                                      "costs_more": (s.option.monthly or 0.0) > (lead.monthly_cost_usd or 0.0),
                                                      "priority": req.priority,
                                                      "retires": (r[0].params["date"] if (r := retiring_risk(s.option, ranking.as_of)) else None),
                                                      "preview": is_preview(s.option.model, s.option.offering),
                                                      "soon": bool(_retires_soon(s.option, ranking.as_of))}))  # fmt: skip
        # its own risks right after it (expert25 n1: a model rated above the quality pick and cheaper, named
        # without the latency guess and the foreign-law warning that hold it back, read as a contradiction)
        codes += risk_note(s.option.model.name, mention_risks(req, s.option, s.quality))
    codes += _also_retiring(ranking, rated, named, shown)
    codes += _capped_picks([quality or lead, value])
    codes += _cn_passed_over(req, ranking, quality or lead)
    codes += _diarization(req, ranking, top)
    codes += _latency_holds_back(req, ranking, quality or lead)
    premium = self_host_premium(req, lead)
    if premium is not None:
        codes.append(premium)
    codes.append(Reason(code="path", params={"approach": approach}))
    if req.accuracy_target:
        codes.append(Reason(code="accuracy", params={"target": req.accuracy_target}))
    return codes


def _dead_heat_params(ranking: Ranking, lead: Candidate) -> dict[str, Param]:
    """For a #1 that won a dead heat (`ranking._dead_heat`): the top-rated rival, how few points it is
    ahead and how many times the cost it is; else nothing."""
    rival = next((r for r in ranking.ranked if r.option.model.key == ranking.ordered.rival), None)
    if rival is None or ranking.ordered.rule != "dead_heat" or rival.quality.value is None or lead.quality is None:
        return {}
    monthly = rival.option.monthly or 0.0
    x = round(monthly / lead.monthly_cost_usd, 1) if lead.monthly_cost_usd else None
    faster = x is not None and x < DEAD_HEAT_PRICE  # won on answer time, not on cost
    return {"rival": rival.option.model.name, "rival_gap": round(rival.quality.value - lead.quality, 1),
            "rival_x": x, "rival_monthly": monthly, "faster": faster,
            "rival_p95": rival.option.latency.p95_seconds, "lead_p95": lead.latency.p95_seconds if lead.latency else None}  # fmt: skip


def _passed_over(top: list[Candidate], pick: Candidate) -> list[str]:
    """The shown models rated higher than the quality pick that it was preferred to for a lifecycle
    warning (retiring soon, a preview): "the strongest that fits" must not pass over them unsaid."""
    return [c.model for c in top if c.quality is not None and pick.quality is not None and c.quality > pick.quality
            and any(_provisional_risk(r) for r in c.risk_codes)]  # fmt: skip


def _provisional_risk(r: Reason) -> bool:
    """A lifecycle risk that makes a model provisional: a preview, or a retirement within `RETIRING_DAYS`
    (a later one within `WARN_DAYS` is said, not held against it)."""
    return r.code == "preview_model" or (r.code == "retiring_soon" and r.params.get("provisional", True) is True)


SPEAKER_TURNS = re.compile(
    r"speaker (turns?|labels?|separation|changes?)|diari[sz]\w*|who said what|which speaker|"
    r"说话人|发言人|区分.{0,4}(发言|说话|角色)|角色分离",
    re.I,
)
"""A speech-to-text use case that needs the transcript split by speaker (a stated need, not a test)."""

DIARIZES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"diari[sz]", re.I), "the model's name (OpenAI: gpt-4o-transcribe-diarize)"),
    (re.compile(r"^voxtral-mini-transcribe-3$"), "Mistral docs, 'Diarize speakers': diarize=True with "
     "voxtral-mini-transcribe-3-0"),
    (re.compile(r"^voxtral-mini-transcribe-realtime-3$"), "Mistral model card: speaker diarization (2026-10-20)"),
    (re.compile(r"^voxtral-small-transcribe-3$"), "Mistral docs: Voxtral 3 models transcribe with speaker labels"),
    (re.compile(r"^voxtral-mini-2602$"), "Mistral changelog 2026-02-04: 'Introducing diarize' (Voxtral Transcribe 2)"),
)  # fmt: skip
"""Speech models whose makers document that they tell speakers apart, by canonical key, with the
source (checked 2026-12; the catalog has no field for it). Others may or may not: the report says to
check them on the person's recordings."""


def diarizes(model_key: str) -> bool:
    """Whether the model's maker documents speaker separation (`DIARIZES`)."""
    return any(pattern.search(model_key) for pattern, _ in DIARIZES)


def _diarization(req: Requirements, ranking: Ranking, top: list[Candidate]) -> list[Reason]:
    """`speech_diarization` when the use case needs speaker turns: the cheapest passing model
    documented to tell speakers apart (`DIARIZES`), its bill, whether it is on the shortlist, and its
    risks; or that no passing model documents it (a separate speaker-separation step then)."""
    if req.task_type != "speech_to_text" or not SPEAKER_TURNS.search(req.use_case):
        return []
    found = [r for r in ranking.ranked if diarizes(r.option.model.key)]
    if not found:
        return [Reason(code="speech_diarization_none")]
    best = min(found, key=lambda r: (r.option.monthly or 0.0, r.option.model.key))
    shown = {c.model_key for c in top}
    risks = [r for r in (*mention_risks(req, best.option, best.quality), *_lifecycle_mention(best.option, ranking.as_of))
             if r.code != "evidence_missing"]  # fmt: skip
    return [Reason(code="speech_diarization", params={"model": best.option.model.name, "monthly": best.option.monthly,
                                                       "shortlisted": best.option.model.key in shown,
                                                       "documented": [r.option.model.name for r in found]}),
            *risk_note(best.option.model.name, risks)]  # fmt: skip


def _cn_passed_over(req: Requirements, ranking: Ranking, pick: Candidate) -> list[Reason]:
    """`cn_passed_over` when models rated higher than the pick are left out of the picks because the
    person, taken to be in mainland China (`filters.user_region`), cannot buy them there
    (`ranking.NOT_BUYABLE`), or `china_law_passed_over` when they are sold only under Chinese law and
    the data is confidential (`ranking.CHINA_LAW`): the highest-rated of them, so the report says what
    the rule costs."""
    if pick.quality is None or any(r.code == "not_offered_cn" for r in pick.risk_codes):
        return []
    found = next((r for r in ranking.ranked if r.quality.value is not None and r.quality.value > pick.quality
                  and HELD_LAST.intersection(reservations(req, r.option))
                  and not _barred_for_tw_agency(req, r.option)), None)  # fmt: skip
    if found is None or found.quality.value is None:
        return []
    held = reservations(req, found.option)
    code = "cn_passed_over" if not_offered_to(req, found.option.offering, found.option.model) is not None else (
        "china_law_passed_over" if CHINA_LAW in held else "baa_passed_over" if BAA_UNCONFIRMED in held else None)
    if code is None:
        return []  # a Taiwan agency's bar: the risk line says it
    return [Reason(code=code, params={"pick": pick.model, "model": found.option.model.name,
                                      "quality": round(found.quality.value, 1),
                                      "monthly": found.option.monthly, "provider": found.option.offering.provider
                                      if found.option.offering else "",
                                      "inferred": user_region(req)[1], "place": user_region(req)[0]})]  # fmt: skip


WEAK_CATEGORY = 0.7
"""A rating category a pick scores below this share of its scale on (0..1 over the rated models) is
said beside what its quality rests on."""

NEAR_TARGET = 1.5
"""A relaxation of the latency target up to this factor is a modest one: the strongest model it would
admit is named beside the strongest overall (`_latency_holds_back`)."""


def _latency_holds_back(req: Requirements, ranking: Ranking, pick: Candidate) -> list[Reason]:
    """`latency_holds_back` when a model clearly stronger than the quality pick and every passing model
    (the low end of its likely range above their scores) fails only the latency target: the strongest
    such model, its fastest estimate and its bill there, so that the person can weigh the target."""
    slow = ranking.stage.only.get("too_slow", [])
    if pick.quality is None or not slow:
        return []
    # stronger than every model that passes, not only the pick (a retiring model shown after the pick
    # may be rated higher: "stronger models are ruled out" must not pass over it)
    bar = max([pick.quality, *(r.quality.value for r in ranking.ranked if r.quality.value is not None)])
    quality_of = ranking.index.qualities(quality_profile(req))
    stronger: list[tuple[float, Option]] = []
    passed: dict[str, tuple[float, float]] = {}
    for o in slow:
        q = quality_of(o.model)
        if q.value is None or q.lower is None or q.lower <= bar or o.latency.p95_seconds is None:
            continue
        if _not_buyable_here(req, o):
            continue  # never the yardstick or the next step where the person cannot buy it (expert24 D5)
        if _retiring(o, ranking.as_of) or is_preview(o.model, o.offering):
            passed.setdefault(o.model.name, (q.value, o.latency.p95_seconds))  # no target to relax towards: said
            continue
        stronger.append((q.value, o))
    if not stronger or req.latency.p95_seconds is None:
        return []

    def strongest(found: list[tuple[float, Option]]) -> tuple[float, Option]:
        return max(found, key=lambda qo: (qo[0], -(qo[1].latency.p95_seconds or 0.0), qo[1].model.key))

    value, o = strongest(stronger)
    # a modest relaxation (up to NEAR_TARGET times the target) may already admit a stronger model
    near = [(q, x) for q, x in stronger if (x.latency.p95_seconds or 0.0) <= NEAR_TARGET * req.latency.p95_seconds]
    near_params: dict[str, Param] = {}
    if near and strongest(near)[1] is not o:
        nq, n = strongest(near)
        near_params = {"near_model": n.model.name, "near_quality": round(nq, 1), "near_p95": n.latency.p95_seconds,
                       "near_monthly": n.monthly, "near_cap": n.thinking_cap}  # fmt: skip
    # retiring or preview models nearer the target than the one named: why they are not named
    lasting = {x.model.name for _, x in stronger}
    skipped = [name for name, (q, p95) in passed.items()
               if name not in lasting and q >= value and p95 < (o.latency.p95_seconds or 0.0)]  # fmt: skip
    return [Reason(code="latency_holds_back", params={
        "skipped": skipped,
        "model": o.model.name, "quality": round(value, 1), "pick": pick.model, "pick_quality": pick.quality,
        "p95": o.latency.p95_seconds, "target": req.latency.p95_seconds, "monthly": o.monthly,
        # its figures are at the least thinking the ranking allows: said, with those at its usual thinking
        **_thinking_figures(o), **near_params})]  # fmt: skip


ALSO_RETIRING_NAMED = 3


def _also_retiring(ranking: Ranking, rated: list[Ranked], named: set[str], shown: float | None) -> list[Reason]:
    """`also_retiring`: the other models rated above the pick that are held back only for retiring
    within six months (after the highest-rated one, which `strongest` names), with date, rating and
    bill, so "the strongest that fits" is not silently false (expert22: Gemini 3.5 Flash, 92 of 100,
    vanished from s02 and tw_gov)."""
    as_of = ranking.as_of
    held = [r for r in rated[1:] if r.option.model.key not in named and _retires_soon(r.option, as_of)
            and r.quality.value is not None and (shown is None or round(r.quality.value, 1) > shown)][:ALSO_RETIRING_NAMED]  # fmt: skip
    if not held:
        return []
    # parallel lists (a code's params are flat): name, rating, retirement date, monthly bill
    return [Reason(code="also_retiring", params={
        "models": [r.option.model.name for r in held], "qualities": [f"{r.quality.value or 0.0:.1f}" for r in held],
        "dates": [str(retirement_date(r.option.model, r.option.offering)) for r in held],
        "monthlies": [f"{r.option.monthly or 0.0:.2f}" for r in held]})]  # fmt: skip


def _capped_picks(picks: Iterable[Candidate | None]) -> list[Reason]:
    """`capped_pick` for each pick (quality, value) whose thinking the latency target capped: the
    summary never shows only the capped figures."""
    out: list[Reason] = []
    for c in picks:
        capped = next((r for r in c.reason_codes if r.code == "thinking_capped_figures"), None) if c else None
        if c is not None and capped is not None and all(r.params.get("model") != c.model for r in out):
            out.append(Reason(code="capped_pick", params={"model": c.model, **capped.params}))
    return out


def _capacity_ratio(lead: Candidate, value: Candidate) -> float | None:
    """Self-hosted at the same GPU bill: how many times more requests the value pick serves at capacity."""
    a, b = lead.self_host, value.self_host
    if a is None or b is None or not a.capacity_requests_per_month or not b.capacity_requests_per_month:
        return None
    return round(b.capacity_requests_per_month / a.capacity_requests_per_month, 1)


def _personal_data_of(req: Requirements) -> list[str]:
    """Regions whose users' personal data this use case seems to handle (cn, eu), residency unstated."""
    if req.deployment.data_residency is not None or req.deployment.self_host:
        return []
    text = req.use_case.lower()
    # "品牌客户" are companies, not people: the use case's later "客户" are the same clients
    words = [w for w in PERSONAL if w not in CLIENT_WORDS] if BUSINESS_CLIENTS.search(text) else PERSONAL
    if req.data.sensitivity not in SENSITIVE and not any(w in text for w in words):
        return []
    if req.location is not None:  # where they said they are, not a guess from the languages
        return [req.location] if req.location in ("cn", "eu") else []
    regions = []
    if "zh" in req.languages:
        regions.append("cn")
    if req.languages[0] in EU_HOME_LANGS:
        regions.append("eu")
    return regions


SELF_HOST_PREMIUM = 3.0
"""Self-hosting that costs this many times the same model's cheapest trusted API is said plainly."""


def _rated_thinking(req: Requirements, ranking: Ranking, c: Candidate) -> list[Reason]:
    """`rated_thinking_on` for a pick priced with its thinking off (the task does not need it) whose
    public ratings were earned at a thinking setting (`thinking.rated_effort`: "High", "xHigh"): the
    bill with thinking on at the usual deep budget, so the price of the rated configuration is said."""
    option = next((r.option for r in ranking.ranked if r.option.model.key == c.model_key
                   and (r.option.offering.id if r.option.offering else None) == c.offering_id), None)  # fmt: skip
    if option is None or option.offering is None or option.thinking_cap is not None:
        return []
    effort = rated_effort(option.model)
    if effort is None or effort.lower().startswith("non-") or offering_mode(option.offering, option.model) != "hybrid":
        return []
    if option.latency.thinking_tokens:
        return []  # it thinks already
    # the same thinking-on figure as the cost assumption's ("with thinking on add ~N tokens")
    budget = thinking_budget(req)[0]
    on = req.model_copy(update={"needs": req.needs.model_copy(update={"reasoning": True}),
                                "volume": req.volume.model_copy(update={"thinking_tokens": budget})})  # fmt: skip
    per_request = per_request_cost(option.offering, option.model, on)
    if per_request is None:
        return []
    # the light budget is a floor: the bill at the deep budget is said too (expert21 NEW-8, s03, tw_gov)
    deep = float(BUDGETS["deep"]) if budget < BUDGETS["deep"] else None
    at_deep = None if deep is None else per_request_cost(option.offering, option.model, on.model_copy(
        update={"volume": on.volume.model_copy(update={"thinking_tokens": deep})}))
    return [Reason(code="rated_thinking_on", params={"model": c.model, "effort": effort, "monthly": option.monthly,
                                                     "monthly_on": per_request * req.volume.requests_per_month,
                                                     "tokens": budget, "budget": req.monthly_budget_usd,
                                                     "deep": deep if at_deep is not None else None,
                                                     "deep_monthly": None if at_deep is None else at_deep * req.volume.requests_per_month - (option.monthly or 0.0)})]  # fmt: skip


def self_host_premium(req: Requirements, c: Candidate) -> Reason | None:
    """A self-hosted pick whose GPU bill is far above the same model through a trusted API at this
    volume (GPUs are paid around the clock, an API per use): the figures, and the volume where
    self-hosting starts to pay (None when it never does). Not for confidential or restricted data:
    keeping it on its own servers is then the reason, and the cheapest API is no alternative."""
    sized = c.self_host
    if req.data.sensitivity in SENSITIVE or not c.self_hosted or sized is None or not sized.cheapest_api_monthly_usd:
        return None
    x = sized.monthly_cost / sized.cheapest_api_monthly_usd
    if x < SELF_HOST_PREMIUM:
        return None
    provider = sized.cheapest_api_provider or (sized.cheapest_api_offering or "?").split(":", 1)[0]
    return Reason(code="self_host_premium", params={
        "model": c.model, "monthly": sized.monthly_cost, "api_monthly": sized.cheapest_api_monthly_usd,
        "provider": provider, "x": round(x), "break_even": sized.break_even_requests_per_month})  # fmt: skip


HIGH_ACCURACY = 0.95
"""An accuracy target from which no public rating can be the evidence: ratings are relative (Elo)
and benchmark scores are on other people's tasks, so the target is measured on the person's own."""
RULE_OF_THREE = 3.0
"""With no error in n answers, the error rate is below 3/n at 95% confidence (the 'rule of three',
Hanley and Lippman-Hand, JAMA 1983): the examples a target's error rate needs, at the least."""


def stakes_risks(req: Requirements) -> list[Reason]:
    """What is at stake whatever the pick: `accuracy_very_high` for a target of HIGH_ACCURACY or more
    (with the labelled examples it needs by the rule of three), `high_stakes` for a use case where a
    wrong answer can harm someone (`ranking.high_stakes_domain`: a qualified person reviews)."""
    out: list[Reason] = []
    target = req.accuracy_target
    if target is not None and target >= HIGH_ACCURACY:
        out.append(Reason(code="accuracy_very_high", params={"target": target, "examples": accuracy_examples(target)}))
    domain = high_stakes_domain(req)
    if domain is not None:
        out.append(Reason(code="high_stakes", params={"domain": stakes_field(req) or domain}))
    region = user_region(req)[0]
    if domain == "medicine" and req.data.sensitivity in SENSITIVE and region in HEALTH_LAW_REGIONS:
        # the health-records law of where the person is (US health data: the BAA, said with the data terms)
        out.append(Reason(code="health_law", params={"region": region}))
    if domain == "legal" and req.data.sensitivity in SENSITIVE and not req.deployment.self_host \
            and FOR_CLIENTS.search(req.use_case):
        out.append(Reason(code="client_confidentiality", params={"cn": user_region(req)[0] == "cn"}))
    if req.location in ("tw", "hk") and "zh" in req.languages:
        # copy for a mainland platform is read in Simplified Chinese, wherever it is written
        code = "mainland_audience_script" if MAINLAND_PLATFORMS.search(req.use_case) else "traditional_script"
        out.append(Reason(code=code, params={"place": req.location}))
    if req.location == "tw" and PUBLIC_SECTOR.search(req.use_case):
        out.append(Reason(code="public_sector_tw"))
    if MARKETING_COPY.search(req.use_case) and (user_region(req)[0] == "cn" or MAINLAND_PLATFORMS.search(req.use_case)):
        # published in mainland China: from there, or on a mainland platform from Hong Kong or Taiwan
        out.append(Reason(code="content_rules_cn"))
    if PAYMENT_CARDS.search(req.use_case):
        out.append(Reason(code="payment_cards", params={"audio": req.task_type == "speech_to_text"
                                                        or "audio" in req.input_modalities}))  # fmt: skip
    return out


PUBLIC_SECTOR = re.compile(r"政府|市府|本府|公所|機關|机关|局處|局处|government|public (sector|agency)|ministry|municipal|city hall", re.I)
"""A use case run by a public body (Taiwan restricts its agencies' use of Chinese-made AI services)."""

FOR_CLIENTS = re.compile(
    r"律师|律所|事务所|委托人|当事人|law firm|lawyer|attorney|solicitor|counsel for|our clients'?|client (contracts|documents|files|matters)",
    re.I,
)
"""A legal use case run for clients (a firm, a lawyer): the duty of confidentiality to them applies; a
company reviewing its own contracts has no client."""

HEALTH_LAW_REGIONS = ("ca", "cn", "eu", "uk", "au", "tw", "hk", "sg")
"""Places whose health-records law the report names for confidential health data (`stakes_risks`
'health_law'); US health data gets the HIPAA business associate agreement with the data terms."""

MARKETING_COPY = re.compile(
    r"种草|種草|广告|廣告|营销|營銷|行銷|推广|推廣|文案|带货|帶貨|卖点|賣點|小红书|小紅書|抖音|marketing|advert\w*|ad copy|product descriptions?|promot\w*|copywrit\w*",
    re.I,
)
"""A use case that publishes marketing copy: in mainland China, the rules on labelling AI-generated
content and on advertising claims apply to what is published (`stakes_risks`, 'content_rules_cn')."""

MAINLAND_PLATFORMS = re.compile(r"小红书|小紅書|抖音|微信|微博|淘宝|淘寶|天猫|天貓|京东|京東|拼多多|快手|bilibili|哔哩|嗶哩|xiaohongshu|douyin|weibo|wechat|taobao", re.I)
"""Platforms in mainland China: copy published there falls under the mainland's rules wherever it is
written (a Hong Kong studio writing Xiaohongshu notes)."""

PAYMENT_CARDS = re.compile(
    r"card (details|numbers?|payments?)|credit cards?|debit cards?|payment cards?|\bpci\b|cardholder|"
    r"customer[- ]service (phone )?calls|call[- ]cent(er|re)|contact[- ]cent(er|re)|"
    r"银行卡|信用卡|卡号|客服(电话|通话|录音)|呼叫中心",
    re.I,
)
"""A use case where payment card numbers may pass through (stated, or customer-service calls, where
callers often read them out): PCI DSS applies to whatever stores or sends them."""


def accuracy_examples(target: float) -> int | None:
    """Labelled examples, all answered right, that show an error rate of at most 1 - `target` at 95%
    confidence (RULE_OF_THREE); None for a target of 100%, which no finite set can show."""
    return math.ceil(RULE_OF_THREE / (1 - target) - 1e-9) if target < 1 else None


def _risk_codes(
    req: Requirements,
    top: list[Candidate],
    value: Candidate | None,
    ranking: Ranking,
    as_of: date,
    quality: Candidate | None = None,
) -> list[Reason]:
    if not top:
        return [Reason(code="no_candidate"), *stakes_risks(req)]
    lead = top[0]
    risks: list[Reason] = []
    if lead.quality is None and ranking.ordered.rule != "cheapest_unrated":
        risks.append(Reason(code="unrated_pick", params={"model": lead.model}))
    for c in (lead, quality, value):
        if c is not None:
            risks += [r for r in c.risk_codes if r not in risks and r.code != "latency_borderline"]
    borderline = [(c.model, r.params.get("p95")) for c in top for r in c.risk_codes if r.code == "latency_borderline"]
    if borderline:  # one line for every shortlisted model kept inside the latency margin
        risks.append(Reason(code="latency_borderline_list", params={
            "models": [m for m, _ in borderline], "p95s": [f"{p:g}" for _, p in borderline],
            "target": req.latency.p95_seconds, "margin": LATENCY_MARGIN, "guessed_margin": GUESSED_LATENCY_MARGIN,
            "guessed": any(r.params.get("guessed") for c in top for r in c.risk_codes if r.code == "latency_borderline")}))  # fmt: skip
    premium = self_host_premium(req, lead)
    if premium is not None:
        risks.append(premium.model_copy(update={"code": "self_host_premium_risk"}))
    for c in {x.model_key: x for x in (lead, quality, value) if x is not None}.values():
        risks += _rated_thinking(req, ranking, c)
    if lead.latency is not None:
        risks.append(
            Reason(
                code="latency_estimated",
                params={"p95": lead.latency.p95_seconds, "basis": lead.latency.basis},
            )
        )
    if req.accuracy_target and req.accuracy_target < HIGH_ACCURACY:
        risks.append(Reason(code="accuracy_unverified", params={"target": req.accuracy_target}))
    risks += stakes_risks(req)
    if len({c.provider for c in top[:3] if c.provider}) == 1 and len(top) >= 3:
        risks.append(Reason(code="one_provider", params={"provider": top[0].provider}))
    regions = _personal_data_of(req)
    if regions:
        risks.append(Reason(code="residency_question", params={"regions": regions, "stated": req.location is not None}))
    if req.data.sensitivity in SENSITIVE:
        region = user_region(req)[0]
        code = (
            "sensitive_data_self"  # nothing leaves the servers
            if lead.self_hosted
            else f"sensitive_data_{region}" if region in ("eu", "cn") else "sensitive_data"
        )
        risks.append(Reason(code=code, params={"sensitivity": req.data.sensitivity,
                                               "health": high_stakes_domain(req) == "medicine"}))  # fmt: skip
    risks += _no_local_processing(req, top, ranking.index.catalog)
    risks += _made_in_china_policy(req, (lead, quality, value), ranking.index.catalog)
    risks += _home_law_alternative(req, top, quality or lead, value)
    risks += _home_law_text_pdf(req, ranking, top, quality or lead)
    if req.task_type == "embedding":
        # where the money is lost: retrieval quality nobody measured, and a re-index to switch later
        risks.append(Reason(code="embedding_checks", params={"languages": list(req.languages) if set(req.languages) - {"en"} else []}))
    if req.task_type == "speech_to_text":
        risks.append(Reason(code="language_coverage", params={"languages": list(req.languages)}))
        risks.append(Reason(code="speech_checks", params={"minutes": req.volume.audio_minutes,
                                                          "speakers": bool(SPEAKER_TURNS.search(req.use_case))}))
    return risks


FOREIGN_LAW = frozenset({"foreign_jurisdiction", "foreign_jurisdiction_unknown"})


def _home_law_alternative(
    req: Requirements, top: list[Candidate], quality: Candidate, value: Candidate | None
) -> list[Reason]:
    """`home_law_alternative`: confidential data of a person in a known region whose quality pick goes to
    a provider under another country's law: the highest-ranked shortlisted API option whose provider is
    under the person's own (no such risk on its row), named with its rank, rating and bill, unless it is
    already a pick (expert24, s05: restricted EU health data, both picks on Bedrock under US law, while
    EU-law providers stood at #8-#10 unnamed: the first question a data-protection officer asks)."""
    region = user_region(req)[0]
    if req.data.sensitivity not in SENSITIVE or region is None:
        return []
    if not any(r.code in FOREIGN_LAW for r in quality.risk_codes):
        return []
    home = next((c for c in top if not c.self_hosted and not any(r.code in FOREIGN_LAW for r in c.risk_codes)), None)
    if home is None or home.model_key == quality.model_key:
        return []
    # the value pick itself may be that option: said as such (expert25 s05: Qwen3.5 on Scaleway, EU law,
    # was the value pick beside Claude on Bedrock under US law, never labelled as the own-law option)
    role = "value" if value is not None and home.model_key == value.model_key else None
    return [Reason(code="home_law_alternative" if role is None else "home_law_value",
                   params={"model": home.model, "provider": home.provider_name or home.provider,
                           "rank": home.rank, "quality": home.quality,
                           "monthly": home.monthly_cost_usd, "region": region})]  # fmt: skip


SCANNED = re.compile(
    r"\b(scan(s|ned|ning)?|photo(graph)?s?|pictures?|handwrit\w*|ocr|fax(es|ed)?|images?)\b"
    r"|扫描|掃描|照片|拍照|图片|圖片|手写|手寫|影印",
    re.I,
)
"""Use cases whose PDFs are (or may be) scans or photos: their text cannot simply be extracted, so a
text-only model is no way to read them without OCR (`_home_law_text_pdf`)."""


def _home_law_text_pdf(req: Requirements, ranking: Ranking, top: list[Candidate], quality: Candidate) -> list[Reason]:
    """`home_law_text_pdf`: confidential data of a person in a known region, PDF input, and no shortlisted
    option under the person's own law (the quality pick under another's), while models from providers
    under their own law are kept out only because they do not take PDF files: when the use case does not
    speak of scans or photos, a PDF made from text has its text extracted in the pipeline and sent as
    text, so the best-rated such model (fewest reservations first, a model made in mainland China counted as
    one as in `_made_in_china_policy`, then rated higher, then cheaper) is
    named with its provider, rating, gap to the quality pick and bill, and that condition (expert25 n2:
    a German law firm's contract PDFs, all 9 candidates on Bedrock under US law, Mistral's models only
    under "cannot take the required input")."""
    region = user_region(req)[0]
    if req.data.sensitivity not in SENSITIVE or region is None or "pdf" not in req.input_modalities:
        return []
    if SCANNED.search(req.use_case) or not any(r.code in FOREIGN_LAW for r in quality.risk_codes):
        return []
    if any(not c.self_hosted and not any(r.code in FOREIGN_LAW for r in c.risk_codes) for c in top):
        return []  # an option under the person's own law is shortlisted (`_home_law_alternative`)
    rest = set(req.input_modalities) - {"pdf"}
    quality_of = ranking.index.qualities(quality_profile(req))
    source_code = "coding" in domains_of(req)
    pool = [o for o in ranking.stage.only.get("missing_modality", [])
            if o.offering is not None and jurisdiction(o.offering) is not None
            and foreign_jurisdiction(req, o.offering, source_code=source_code) is None
            and rest <= set(o.model.input_modalities) and not _off_task(req, o.model)]  # fmt: skip
    if not pool:
        return []

    def rank_key(o: Option) -> tuple[int, bool, float, float, str]:
        q = quality_of(o.model).value
        held = reservations(req, o) + _retires_soon(o, ranking.as_of)
        china_made = (o.model.maker or "") in MAKERS_IN_CHINA and user_region(req)[0] not in ("cn", "hk")
        return (len(held) + int(china_made), q is None, -(q or 0.0), o.monthly or 0.0, o.offering.id if o.offering else "")

    best = min(pool, key=rank_key)
    q = quality_of(best.model).value
    gap = None if q is None or quality.quality is None else round(quality.quality - q, 1)
    assert best.offering is not None
    return [Reason(code="home_law_text_pdf", params={
        "model": best.model.name, "provider": best.offering.provider_name or best.offering.provider,
        "offering": best.offering.id, "quality": None if q is None else round(q, 1), "gap": gap,
        "monthly": best.monthly, "region": region, "pick": quality.model})]  # fmt: skip


def _made_in_china_policy(req: Requirements, picks: Iterable[Candidate | None], catalog: Catalog) -> list[Reason]:
    """`made_in_china_policy`: a pick made by a company in mainland China (`curated.MAKERS_IN_CHINA`),
    served by a provider under another law, for confidential data of a person outside mainland China
    and Hong Kong: the data terms are the provider's, but many organisations' procurement and security
    policies, and some governments' rules for public bodies, bar such models whoever serves them
    (expert21 D-10: DeepSeek V4 Pro on Azure for a US health insurer). Once per model."""
    region = user_region(req)[0]
    if req.data.sensitivity not in SENSITIVE or region in (None, "cn", "hk"):
        return []
    out: list[Reason] = []
    for c in {p.model_key: p for p in picks if p is not None}.values():
        model = catalog.models.get(c.model_key)
        maker = (model.maker or "") if model else ""
        if maker in MAKERS_IN_CHINA and not c.self_hosted:
            out.append(Reason(code="made_in_china_policy", params={"model": c.model, "maker": MAKERS_IN_CHINA[maker],
                                                                   "provider": c.provider_name or c.provider}))  # fmt: skip
    return out


OWN_RESIDENCY_TEXTS = frozenset({"eu", "cn", "us"})
"""Regions whose data-residency advice is said elsewhere (`sensitive_data_eu`/`_cn`, the residency
question); `no_local_processing` is for the others."""


def _no_local_processing(req: Requirements, top: list[Candidate], catalog: Catalog) -> list[Reason]:
    """`no_local_processing`: confidential data of a person in a known region (Taiwan, Canada, Hong
    Kong...) and no shortlisted API offering known to process it there: said plainly, with what to ask
    (expert21 D-4 and D-8: a city hotline's ID numbers and a clinic's notes, with no in-country route
    named). The catalog knows few providers' data regions, so this is "not known", never "not offered"."""
    region = user_region(req)[0]
    if (req.data.sensitivity not in SENSITIVE or region is None or region in OWN_RESIDENCY_TEXTS
            or req.deployment.data_residency is not None or top[0].self_hosted):
        return []
    offerings = [catalog.offerings.get(c.offering_id) for c in top if c.offering_id]
    if any(o is not None and o.region == region for o in offerings):
        return []
    return [Reason(code="no_local_processing", params={"region": region})]


def _accuracy_bar(req: Requirements, ranking: Ranking, pick: Candidate) -> Reason | None:
    """`step_accuracy_bar`: the seeds' order when a clearly stronger model fails only the latency target
    (`_latency_holds_back`) and fits the budget: measure the accuracy bar with it first, without the
    time limit, and keep the pick only if it comes close; unless the person put cost first."""
    if req.priority == "cost":
        return None
    held = next(iter(_latency_holds_back(req, ranking, pick)), None)
    if held is None or not budget_fit(as_float(held.params.get("monthly")), req.monthly_budget_usd):
        return None
    return held.model_copy(update={"code": "step_accuracy_bar"})


def _step_codes(
    req: Requirements,
    top: list[Candidate],
    value: Candidate | None,
    quality: Candidate | None = None,
    ranking: Ranking | None = None,
) -> list[Reason]:
    if req.task_type == "speech_to_text":
        steps = [Reason(code="step_audio_set")]
    else:
        steps = [Reason(code="step_eval")]
    steps += [r.model_copy(update={"code": "step_measure_accuracy"}) for r in stakes_risks(req)
              if r.code == "accuracy_very_high"]  # fmt: skip
    if top:
        strongest = quality or top[0]
        names = [strongest.model] + ([value.model] if value is not None and value.model != strongest.model else [])
        names += [c.model for c in top[:3] if c.model not in names]
        bar = _accuracy_bar(req, ranking, strongest) if ranking is not None else None
        if bar is not None:
            steps.append(bar)
        names = names[:3] + ([str(bar.params["model"])] if bar is not None else [])
        steps.append(Reason(code="step_probe", params={"names": names}))
        if bar is None:  # the accuracy bar is set with the stronger model instead
            steps.append(Reason(code="step_quality_first", params={"quality": strongest.model,
                                                                   "value": value.model if value else None,
                                                                   "target": req.accuracy_target is not None}))  # fmt: skip
        for capped in _capped_picks([strongest, value]):
            steps.append(capped.model_copy(update={"code": "step_probe_capped"}))
        steps += _quantized_step([strongest, value])
        if req.volume.input_tokens >= LONG_PROMPT_TOKENS and req.volume.cached_input_fraction == 0:
            steps.append(Reason(code="step_caching", params={"input": req.volume.input_tokens}))
        steps += _batch_step(req, [strongest, value])
    else:
        steps.append(Reason(code="step_relax"))
    if req.deployment.self_host:
        steps.append(Reason(code="step_load"))
        sized = top[0].self_host if top else None
        if sized is not None and sized.replicas == 1:
            # one replica is sized for the volume, not for availability: a GPU failure or an update stops it
            steps.append(Reason(code="step_redundancy", params={"model": top[0].model, "monthly": sized.monthly_cost}))
    return steps


def _quantized_step(picks: list[Candidate | None]) -> list[Reason]:
    """`step_check_quantized` for the first pick sized with its weights quantized below their release
    precision to fit the cards (`candidates.quantized_plan`): its ratings were earned at full precision,
    so its answers at that precision are checked on the person's examples before it is relied on."""
    for c in picks:
        sized = c.self_host if c is not None else None
        if c is not None and sized is not None and sized.quantized_from is not None:
            return [Reason(code="step_check_quantized", params={"model": c.model, "quant": sized.quantization,
                                                                 "released": sized.quantized_from})]  # fmt: skip
    return []


BATCH_WINDOW_S = 3600.0
"""An answer-time target this long or longer is work that can wait: a batch job is worth naming."""


def _batch_step(req: Requirements, picks: list[Candidate | None]) -> list[Reason]:
    """`step_batch` for the first pick whose provider has a batch API at half price (`BATCH_PROVIDERS`)
    when the stated answer time is an hour or more: the bill there and the 24-hour window to check
    against the person's own."""
    target = req.latency.p95_seconds
    if target is None or target < BATCH_WINDOW_S:
        return []  # no target: the levers of an impossible case name batch; a short one rules it out
    for c in picks:
        if c is not None and c.monthly_cost_usd and _batch_covers(c.provider, c.model_key):
            return [Reason(code="step_batch", params={"model": c.model, "provider": c.provider, "target": target,
                                                      "monthly": c.monthly_cost_usd,
                                                      "batch_monthly": c.monthly_cost_usd * (1 - BATCH_DISCOUNT)})]  # fmt: skip
    return []


def _batch_covers(provider: str | None, model_key: str) -> bool:
    """Whether the provider's batch API (`BATCH_PROVIDERS`) serves this model: Azure's Global Batch
    lists OpenAI models only (its batch page, expert21), so DeepSeek on Azure is not batch-priced."""
    if provider not in BATCH_PROVIDERS:
        return False
    if provider in ("azure", "azure-cognitive-services"):
        return bool(re.match(r"(?:gpt|o\d|codex)", model_key))
    return True


def _thinking_rule(req: Requirements, thinking: list[Candidate]) -> list[Reason]:
    """Under a latency target, which thinking-cut rule applies and why (the same target treats the same
    model differently on a maths or medical task and on a support agent): 'thinking_floor' with the
    reason (`candidates.thinking_floor_reason`), or 'thinking_cut_allowed' naming a shown model cut
    below a quarter of its usual budget."""
    if req.latency.p95_seconds is None:
        return []
    why = thinking_floor_reason(req)
    if why is not None:
        return [Reason(code="thinking_floor", params={"why": why, "share": MIN_CAP_SHARE})]
    for c in thinking:
        capped = next((r for r in c.reason_codes if r.code == "thinking_capped_figures"), None)
        if capped is not None and as_float(capped.params.get("cap")) < MIN_CAP_SHARE * as_float(capped.params.get("usual")):
            return [Reason(code="thinking_cut_allowed", params={"model": c.model, "cap": capped.params.get("cap"),
                                                                "usual": capped.params.get("usual"), "share": MIN_CAP_SHARE})]  # fmt: skip
    return []


def _assumptions(req: Requirements, top: Iterable[Candidate]) -> list[Reason]:
    out: list[Reason] = []
    top = list(top)
    thinking = [c for c in top if c.latency is not None and c.latency.thinking_tokens]
    if thinking:
        t = tokens(req, "always")
        # the figure of the first thinking candidate shown (the pick when it thinks), named: another
        # model's cap must not stand for the pick's
        first = thinking[0]
        used = first.latency.thinking_tokens if first.latency is not None else t.thinking
        params: dict[str, Param] = {"tokens": t.thinking, "assumed": t.thinking_assumed, "model": first.model,
                                    "models": [c.model for c in thinking[:3]]}  # fmt: skip
        if used < t.thinking and req.latency.p95_seconds is not None:
            # The latency target capped the budget (candidates.fit_thinking): say the figure used.
            params.update({"tokens": used, "capped_for": req.latency.p95_seconds,
                           "adaptive": adaptive_only(first.model_key)})
        out.append(Reason(code="thinking_tokens", params=params))
    # the rule is said wherever a target cut thinking, turned off included (no thinking tokens left)
    cut = [c for c in top if any(r.code == "thinking_capped_figures" for r in c.reason_codes)]
    if thinking or cut:
        out += _thinking_rule(req, thinking or cut)
    if req.task_type == "speech_to_text":
        t = tokens(req, "none")
        out.append(Reason(code="audio_minutes", params={"minutes": t.audio_minutes, "assumed": t.audio_assumed,
                                                        "requests": req.volume.requests_per_month}))  # fmt: skip
    if voice_is_personal(req):
        region, inferred = user_region(req)
        out.append(Reason(code="voice_personal_data", params={"region": region, "inferred": inferred}))
    if req.volume.input_tokens >= LONG_PROMPT_TOKENS:
        out.append(Reason(code="cache_applied" if req.volume.cached_input_fraction else "cache_possible",
                          params={"input": req.volume.input_tokens, "fraction": req.volume.cached_input_fraction}))  # fmt: skip
    if req.task_type == "agent" and req.volume.cached_input_fraction == AGENT_LOOP_CACHED_SHARE:
        # the agent-loop default (requirements._agent_loop_cache), or the same share stated: why it holds
        out.append(Reason(code="cache_agent_loop", params={"fraction": AGENT_LOOP_CACHED_SHARE}))
    if {"image", "pdf"} & set(req.input_modalities):
        out.append(Reason(code="image_tokens", params={"input": req.volume.input_tokens}))
    if user_region(req)[0] is None and (req.data.sensitivity in SENSITIVE or voice_is_personal(req)):
        # no home law to compare with: only a provider under Chinese law is flagged, and that is said
        out.append(Reason(code="home_law_unknown"))
    out.append(Reason(code="latency_model", params={"target": req.latency.p95_seconds}))
    return out


__all__ = ["SELF_HOST_REASON", "Ranking", "choose_option", "decide", "rank_all", "recommend"]
