"""The report's content as a small tree of sections and blocks, built once from a Recommendation.

Markdown and HTML both render this tree, so the two formats always carry the same sections and the
same numbers. Building it only reads and formats the Recommendation: nothing here ranks, filters or
computes a cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from whichmodel.tools.decision.explain import reason_label, sentences, task_name, with_warnings
from whichmodel.tools.decision.names import category_name
from whichmodel.tools.decision.result import Candidate, Lang, Recommendation
from whichmodel.tools.report import formatting as fmt
from whichmodel.tools.report.fields import (
    FIELDS,
    field_name,
    source_attribution,
    source_name,
    value_name,
)
from whichmodel.tools.report.labels import labels_for, report_language
from whichmodel.tools.report.titles import use_case_summary

TOP_DETAILED = 3
"""How many top picks get a detailed sub-section (reasons, trade-offs, criteria)."""

CITATION_CHARS = 300
"""Citations quote this many characters of a framework passage."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str | None = None
    """Bold lead-in such as 'Approach:'."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[Paragraph, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    """Indexes of right-aligned (numeric) columns."""


@dataclass(frozen=True)
class ChartSlot:
    """Where the HTML report puts a chart; plain-text formats skip it."""

    kind: str = "cost_quality"
    """"cost_quality" (the candidates) or "probe" (measured accuracy on the person's examples)."""


@dataclass(frozen=True)
class Subsection:
    title: str
    blocks: tuple[Block, ...]


Block = Paragraph | Bullets | Table | ChartSlot | Subsection


@dataclass(frozen=True)
class Section:
    key: str
    """Stable id (used as the HTML anchor and by tests)."""
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    lang: Lang
    title: str
    use_case: str
    intro: str
    sections: tuple[Section, ...]


def build_document(rec: Recommendation) -> Document:
    """Lay out every report section for `rec`, in the report language of its requirements."""
    lang = report_language(rec)
    t = labels_for(lang)
    sections = [
        _summary(rec, t),
        _top(rec, t),
        _probes(rec, t),
        _requirements(rec, t),
        _eliminated(rec, t),
        _relaxations(rec, t),
        _frontier(rec, t),
        _costs(rec, t),
        _self_host(rec, t),
        _adaptation(rec, t),
        _risks(rec, t),
        _warnings(rec, t),
        _sources(rec, t),
        _citations(rec, t),
    ]
    return Document(
        lang=lang,
        title=t["title"],
        use_case=use_case_summary(rec.requirements.use_case, rec.requirements.task_type, lang)
        or rec.requirements.use_case,
        intro=t["generated_from"],
        sections=tuple(s for s in sections if s is not None),
    )


def offering_label(c: Candidate, t: dict[str, str]) -> str:
    """The offering id, or 'self-hosted (GPU)' for a self-hosted candidate."""
    if c.self_hosted:
        gpu = c.self_host.gpu if c.self_host else None
        if gpu and c.self_host is not None and c.self_host.quantized_from is not None:
            return f"{t['self_hosted']} ({gpu}, {c.self_host.quantization})"  # quantized to fit: said in the label
        return f"{t['self_hosted']} ({gpu})" if gpu else t["self_hosted"]
    return c.offering_id or t["na"]


def _bullets(texts: Iterable[str], ordered: bool = False) -> Bullets:
    return Bullets(tuple(Paragraph(x) for x in texts), ordered)


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _summary(rec: Recommendation, t: dict[str, str]) -> Section:
    blocks: list[Block] = [Paragraph(rec.summary)]
    if not rec.recommendations:
        blocks.insert(0, Paragraph("", lead=t["no_recommendation"]))
    by_key = {c.model_key: c for c in [*rec.recommendations, *rec.frontier]}
    picks: list[Paragraph] = []
    for pick, label in ((rec.quality_pick, "quality_pick"), (rec.value_pick, "value_pick")):
        if pick is None:
            if label == "value_pick" and rec.quality_pick is not None:
                why = sentences(report_language(rec), rec.no_value)
                text = t["no_value_pick_because"].format(why=t["why_sep"].join(why)) if why else t["no_value_pick"]
                picks.append(Paragraph(text, lead=t[label]))
            continue
        c = by_key.get(pick.model_key)
        if c is None:
            continue
        picks.append(Paragraph(_pick_line(c, t), lead=t[label]))
    if picks:
        blocks.append(Bullets(tuple(picks)))
    return Section("summary", t["summary"], tuple(blocks))


def _tier(c: Candidate, t: dict[str, str]) -> str:
    tier = "self" if c.self_hosted else (c.tier or "unknown")
    return t.get(f"tier_{tier}", tier)


def _latency(c: Candidate, t: dict[str, str]) -> str:
    if c.latency is None or c.latency.p95_seconds is None:
        return t["na"]
    return f"{c.latency.p95_seconds:,.1f} {t['unit_seconds']}"


def _pick_line(c: Candidate, t: dict[str, str]) -> str:
    return " \u00b7 ".join(
        (
            f"{with_warnings(c.model, c.warnings)} \u2014 {offering_label(c, t)} ({_tier(c, t)})",
            f"{t['monthly_cost']}: {fmt.usd(c.monthly_cost_usd, t['na_price'])}",
            f"{t['quality']}: {fmt.rating(c.quality, c.quality_lower, c.quality_upper, t['na_rating'])}",
            f"{t['latency']}: {_latency(c, t)}",
        )
    )


def _ratings_line(c: Candidate, lang: Lang = "en") -> str:
    return ", ".join(
        f"{category_name(u.category, lang)} {u.elo:,.0f} ({u.lower:,.0f}\u2013{u.upper:,.0f}; "
        f"{'' if u.normalised is None else f'{u.normalised * 100:.0f}/100, '}{u.weight:.0%})"
        for u in c.ratings_used
    )


def _top(rec: Recommendation, t: dict[str, str]) -> Section | None:
    if not rec.recommendations:
        return None
    measured = rec.probes is not None
    lang = report_language(rec)
    rows = tuple(
        (
            str(c.rank),
            with_warnings(c.model, c.warnings),
            offering_label(c, t),
            _tier(c, t),
            fmt.usd(c.monthly_cost_usd, t["na_price"]),
            fmt.rating(c.quality, c.quality_lower, c.quality_upper, t["na_rating"]),
            _latency(c, t),
        )
        + ((_measured_cell(c, t),) if measured else ())
        for c in rec.recommendations
    )
    headers = (t["rank"], t["model"], t["offering"], t["tier"], t["monthly_cost"], t["quality"], t["latency"])
    table = Table(
        headers + ((t["measured_col"],) if measured else ()),
        rows,
        numeric=frozenset({0, 4, 5, 6}),
    )
    details: list[Block] = [table]
    for c in rec.recommendations[:TOP_DETAILED]:
        blocks: list[Block] = [Paragraph(_pick_line(c, t))]
        if c.reasons:
            blocks += [Paragraph("", lead=t["why"]), _bullets(c.reasons)]
        if c.tradeoffs:
            blocks += [Paragraph("", lead=t["tradeoffs"]), _bullets(c.tradeoffs)]
        if c.ratings_used:
            blocks.append(Paragraph(_ratings_line(c, lang), lead=t["ratings_used"]))
        if c.evidence_missing:
            missing = (t.get(f"evidence_{m}") or category_name(m, lang) for m in c.evidence_missing)
            blocks.append(Paragraph(", ".join(missing), lead=t["evidence_missing"]))
        for basis, label in ((c.quality_basis, "quality_basis"), (c.latency_basis, "latency_basis")):
            if basis and not _said(basis, c.reasons):
                blocks.append(Paragraph(basis, lead=t[label]))
        if c.also_sold_by:
            blocks.append(
                Paragraph(
                    "; ".join(
                        f"{o.offering_id} ({t.get('tier_' + o.tier, o.tier)}, "
                        f"{fmt.usd(o.monthly_cost_usd, t['na_price'])}"
                        + (f", {t['implausible']}" if o.plausible is False else "")
                        + ")"
                        for o in c.also_sold_by
                    ),
                    lead=t["also_sold_by"],
                )
            )
        details.append(Subsection(f"#{c.rank} {c.model} \u2014 {offering_label(c, t)}", tuple(blocks)))
    return Section("top", t["top"], tuple(details))


def _measured_cell(c: Candidate, t: dict[str, str]) -> str:
    m = c.measured
    if m is None or m.accuracy is None:
        return t["na"]
    return f"{m.accuracy:.0%} (n={m.n})"


def _seconds(value: float | None, t: dict[str, str]) -> str:
    return t["na"] if value is None else f"{value:.2f} {t['unit_seconds']}"


def _probes(rec: Recommendation, t: dict[str, str]) -> Section | None:
    """The probe run: per-endpoint figures with their n, the chart, and what they changed."""
    ev = rec.probes
    if ev is None:
        return None
    stands_for = {c.measured.endpoint: c.model for c in rec.recommendations if c.measured is not None}
    rows = []
    for m in ev.measurements:
        ci = (
            t["na"]
            if m.ci95_low is None or m.ci95_high is None
            else f"{m.ci95_low:.0%}\u2013{m.ci95_high:.0%}"
        )
        if m.cost_per_1k_usd is not None:
            cost = f"{fmt.usd(m.cost_per_1k_usd, t['na'])} (n={m.cost_n}; {m.cost_source}, {m.cost_as_of})"
        else:
            cost = f"{t['na']} ({m.cost_reason or t['na_price']})"
        errors = ", ".join(f"{k} {v}" for k, v in sorted(m.errors_by_kind.items())) or "0"
        rows.append(
            (
                m.endpoint,
                stands_for.get(m.endpoint)
                or (t["not_in_shortlist"] if m.endpoint in ev.unmatched else t["na"]),
                t["na"] if m.accuracy is None else f"{m.accuracy:.0%}",
                ci,
                str(m.n),
                f"{_seconds(m.latency_p50_s, t)} / {_seconds(m.latency_p95_s, t)} (n={m.latency_n})",
                f"{_seconds(m.ttft_p50_s, t)} (n={m.ttft_n})",
                t["na"]
                if m.output_tokens_per_s is None
                else f"{m.output_tokens_per_s:.0f} (n={m.output_tokens_per_s_n})",
                cost,
                errors,
            )
        )
    table = Table(
        (t["endpoint"], t["stands_for"], t["accuracy"], t["ci95"], t["items_n"], t["latency_p50_p95"], t["ttft"],
         t["tokens_per_s"], t["cost_per_1k"], t["errors"]),
        tuple(rows),
        numeric=frozenset({2, 4}),
    )  # fmt: skip
    intro = t["probe_intro"].format(
        probe_set=ev.probe_set,
        n=ev.n_examples,
        run_id=ev.run_id,
        started_at=ev.started_at[:19],
        wall=ev.wall_s,
    )
    blocks: list[Block] = [Paragraph(intro), table, ChartSlot("probe")]
    if ev.effects:
        blocks += [Paragraph("", lead=t["probe_effects"]), _bullets(ev.effects)]
    if ev.separation:
        blocks += [Paragraph("", lead=t["probe_separation"]), _bullets(ev.separation)]
    return Section("probes", t["probes"], tuple(blocks))


def _said(text: str, reasons: Sequence[str]) -> bool:
    """True when one of the reasons already contains `text` (so the report does not repeat it)."""
    return any(text in r for r in reasons)


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for key, sub in value.items():
            out += _flatten(sub, f"{prefix}{key}.")
        return out
    return [(prefix.rstrip("."), value)]


def _requirement_value(path: str, value: Any, t: dict[str, str], lang: Lang = "en") -> str:
    if value is None:
        return t["not_set"]
    if isinstance(value, bool):
        return t["yes"] if value else t["no"]
    if isinstance(value, list | tuple):
        return ", ".join(value_name(str(v), lang) for v in value) if value else "\u2014"
    if isinstance(value, str) and path != "use_case":
        return value_name(value, lang) if path != "task_type" else task_name(lang, value)
    if isinstance(value, int | float):
        if path.endswith("_usd"):
            return fmt.usd(float(value), t["not_set"])
        if float(value).is_integer():
            return f"{value:,.0f}"
        return f"{value:g}"
    return str(value)


def _is_default(path: str, defaults: Sequence[str]) -> bool:
    return any(path == d or path.startswith(d + ".") for d in defaults)


def _requirements(rec: Recommendation, t: dict[str, str]) -> Section:
    req = rec.requirements
    raw = req.model_dump(mode="json")
    lang = report_language(rec)
    rows = [
        (
            field_name(path, lang),
            _requirement_value(path, value, t, lang)
            + ((t["default_mark"] if t["default_mark"].startswith("（") else f" {t['default_mark']}")
               if _is_default(path, rec.defaults_assumed) else "")  # no space before a full-width parenthesis
            + (f" {t['read_mark']}" if path in rec.read_from_use_case else ""),
        )
        for path, value in _flatten(raw)
    ]
    rows.append((t["effective_budget"], fmt.usd(req.monthly_budget_usd, t["not_set"])))
    rows.append((t["needed_context"], f"{req.needed_context:,}"))
    blocks: list[Block] = [
        Table((t["field"], t["value"]), tuple(rows)),
        Subsection(
            t["defaults"],
            (
                _bullets([field_name(d, lang) for d in rec.defaults_assumed])
                if rec.defaults_assumed
                else Paragraph(t["no_defaults"]),
            ),
        ),
    ]
    if rec.read_from_use_case:
        read = _bullets([field_name(p, lang) for p in rec.read_from_use_case])
        blocks.append(Subsection(t["read_from_use_case"], (read,)))
    return Section("requirements", t["requirements"], tuple(blocks))


def _eliminated(rec: Recommendation, t: dict[str, str]) -> Section:
    total = sum(e.count for e in rec.eliminated)
    models = rec.models_considered or rec.candidates_considered
    template = t["considered"] if rec.candidates_considered != models else t["considered_models"]
    intro = Paragraph(
        template.format(
            models=f"{models:,}",
            considered=f"{rec.candidates_considered:,}",
            eliminated=f"{total:,}",
        )
    )
    if not rec.eliminated:
        return Section("eliminated", t["eliminated"], (intro, Paragraph(t["none_eliminated"])))
    table = Table(
        (t["reason"], t["count"], t["examples"]),
        tuple(
            (e.label, f"{e.count:,}", ", ".join(e.examples) or "\u2014")
            for e in rec.eliminated
        ),
        numeric=frozenset({1}),
    )
    return Section("eliminated", t["eliminated"], (intro, table))


def _constraint_name(rec: Recommendation, constraint: str) -> str:
    """A relaxed constraint by its plain name: the elimination's label, else the field's name."""
    label = next((e.label for e in rec.eliminated if e.reason == constraint and e.label), None)
    if label:
        return label
    if constraint in FIELDS:
        return field_name(constraint, report_language(rec))
    named = labels_for(report_language(rec)).get(f"constraint_{constraint}")
    # a constraint no eliminated model is counted under (each is counted once) still has its label
    return named or reason_label(report_language(rec), constraint) or constraint


def _relaxations(rec: Recommendation, t: dict[str, str]) -> Section | None:
    if not rec.relaxations:
        return None
    items = tuple(
        Paragraph(
            r.suggestion
            + (f" \u2014 {t['admits']}: {', '.join(r.admits)}" if r.admits else "")
            + (f" ({t['eliminated_by'].format(n=r.eliminated)})" if r.eliminated else ""),
            lead=_constraint_name(rec, r.constraint),
        )
        for r in rec.relaxations
    )
    return Section("relaxations", t["relaxations"], (Bullets(items),))


def _frontier(rec: Recommendation, t: dict[str, str]) -> Section:
    if not rec.frontier:
        empty = t["no_frontier_none_fits"] if not rec.recommendations else t["no_frontier"]
        return Section("frontier", t["frontier"], (ChartSlot("cost_quality"), Paragraph(empty)))
    items = tuple(
        Paragraph(
            f"{offering_label(c, t)} \u2014 {t['monthly_cost']} {fmt.usd(c.monthly_cost_usd, t['na_price'])}, "
            f"{t['quality']} {fmt.rating(c.quality, c.quality_lower, c.quality_upper, t['na_rating'])}",
            lead=with_warnings(c.model, c.warnings),  # a price far below the usual one is said here too (s01)
        )
        for c in sorted(
            rec.frontier, key=lambda c: (c.monthly_cost_usd is None, c.monthly_cost_usd or 0.0, c.model)
        )
    )
    return Section(
        "frontier", t["frontier"], (ChartSlot("cost_quality"), Paragraph(t["frontier_intro"]), Bullets(items))
    )


def _costs(rec: Recommendation, t: dict[str, str]) -> Section:
    api = [c for c in rec.recommendations if not c.self_hosted]
    if not api:
        decision = _decision_assumptions(rec)
        extra: tuple[Block, ...] = (
            (Subsection(t["decision_assumptions"], (_bullets(decision),)),) if decision else ()
        )
        return Section("costs", t["costs"], (Paragraph(t["no_costs"]), *extra))
    na = t["na_price"]
    # Prices are per what their offering bills (speech: per audio minute): one unit names the
    # columns; a mix puts each row's unit in its cells.
    units = {c.cost.unit for c in api if c.cost}
    only = next(iter(units)) if len(units) == 1 else None
    heads = {"per_1m_tokens": "", "per_audio_minute": "_min"}.get(only, "_mixed") if only else "_mixed"

    def price(value: float | None, unit: str | None, missing: str) -> str:
        cell = fmt.usd(value, missing)
        return cell + t[f"unit_{unit}"] if heads == "_mixed" and value is not None and unit else cell

    rows = []
    for c in api:
        k = c.cost
        unit = k.unit if k else None
        rows.append(
            (
                c.model,
                c.offering_id or t["na"],
                fmt.usd(k.per_request if k else None, na),
                fmt.usd(k.per_1k_requests if k else None, na),
                fmt.usd(k.monthly if k else None, na),
                price(k.input_price_per_m if k else None, unit, na),
                price(k.output_price_per_m if k else None, unit, na),
                price(k.cache_read_price_per_m if k else None, unit, t["na"]),
                source_name(k.price_source, k.price_source, report_language(rec)) if k else t["na"],
                k.price_as_of if k else t["na"],
            )
        )
    table = Table(
        (
            t["model"],
            t["offering"],
            t["per_request"],
            t["per_1k"],
            t["per_month"],
            t["input_price" + heads],
            t["output_price" + heads],
            t["cache_price" + heads],
            t["price_source"],
            t["as_of"],
        ),
        tuple(rows),
        numeric=frozenset({2, 3, 4, 5, 6, 7}),
    )
    assumptions = _unique(a for c in api if c.cost for a in c.cost.assumptions)
    blocks: list[Block] = [table]
    if assumptions:
        blocks.append(Subsection(t["assumptions"], (_bullets(assumptions),)))
    decision = _decision_assumptions(rec)
    if decision:
        blocks.append(Subsection(t["decision_assumptions"], (_bullets(decision),)))
    return Section("costs", t["costs"], tuple(blocks))


def _decision_assumptions(rec: Recommendation) -> list[str]:
    """Thinking tokens, caching, audio minutes, the latency model: the explainer's sentences."""
    codes = [r for r in rec.assumptions if r.code != "stale_source"]
    return _unique(sentences(report_language(rec), codes))


def _self_host(rec: Recommendation, t: dict[str, str]) -> Section | None:
    hosted = [c for c in rec.recommendations if c.self_host is not None]
    if not hosted:
        return None
    na = t["na"]

    def row(label: str, values: Iterable[str]) -> tuple[str, ...]:
        return (label, *values)

    estimates = [c.self_host for c in hosted if c.self_host is not None]
    rows = (
        row(t["gpu"], (s.gpu for s in estimates)),
        row(t["quantization"], (s.quantization for s in estimates)),
        row(t["params"], (f"{s.params_total_b:,.1f} / {s.params_active_b:,.1f}" for s in estimates)),
        row(
            t["memory"],
            (
                f"{fmt.gigabytes(s.weights_gb, na)} + {fmt.gigabytes(s.kv_cache_gb, na)} + "
                f"{fmt.gigabytes(s.overhead_gb, na)} = {fmt.gigabytes(s.total_memory_gb, na)}"
                for s in estimates
            ),
        ),
        row(t["gpus_needed"], (str(s.gpus_needed) for s in estimates)),
        row(t["replicas"], (str(s.replicas) for s in estimates)),
        row(t["throughput"], (fmt.decimal(s.decode_tokens_per_s_bound, na, 0) for s in estimates)),
        row(t["capacity"], (fmt.count(s.capacity_requests_per_month, na) for s in estimates)),
        row(t["utilization"], (fmt.percent(s.utilization, na) for s in estimates)),
        row(t["gpu_hourly"], (fmt.usd(s.gpu_hourly_usd, na) for s in estimates)),
        row(t["monthly_cost"], (fmt.usd(s.monthly_cost, na) for s in estimates)),
        row(
            t["break_even"],
            (_break_even(s.break_even_requests_per_month, s.cheapest_api_offering, t) for s in estimates),
        ),
    )
    table = Table(("", *(c.model for c in hosted)), rows, numeric=frozenset(range(1, len(hosted) + 1)))
    blocks: list[Block] = [table]
    assumptions = _unique(a for s in estimates for a in s.assumptions)
    if assumptions:
        blocks.append(Subsection(t["assumptions"], (_bullets(assumptions),)))
    return Section("self_host", t["self_host"], tuple(blocks))


def _break_even(volume: float | None, offering: str | None, t: dict[str, str]) -> str:
    """Break-even volume against the cheapest API offering; 'never' when the API stays cheaper."""
    if volume is not None:
        return fmt.count(volume, t["na"]) + (f" ({t['versus']} {offering})" if offering else "")
    if offering:
        return t["never_break_even"].format(offering=offering)
    return t["na_break_even"]


def _adaptation(rec: Recommendation, t: dict[str, str]) -> Section:
    a = rec.adaptation
    blocks: list[Block] = [
        Paragraph(t[a.approach], lead=t["approach"]),
        Paragraph(a.reason, lead=t["why"]),
    ]
    if a.steps:
        blocks += [Paragraph("", lead=t["steps"]), _bullets(a.steps, ordered=True)]
    if a.citations:
        if report_language(rec) == "zh":  # titles, not passage ids, for a Chinese reader
            titles = {c.id.split("/", 1)[-1]: c.title for c in rec.citations}
            names = [f"《{titles[c]}》" if c in titles else "" for c in a.citations]
            if any(names):
                blocks.append(Paragraph("、".join(n for n in names if n), lead=t["see_passages"]))
        else:
            blocks.append(Paragraph(", ".join(f"[{c}]" for c in a.citations), lead=t["see_passages"]))
    return Section("adaptation", t["adaptation"], tuple(blocks))


def _risks(rec: Recommendation, t: dict[str, str]) -> Section:
    next_steps = rec.next_steps or t["default_next_steps"].split("|")
    blocks: list[Block] = []
    if rec.risks:
        blocks.append(Subsection(t["risks"], (_bullets(rec.risks),)))
    blocks.append(Subsection(t["next_steps"], (_bullets(next_steps, ordered=True),)))
    return Section("risks", t["risks_next"], tuple(blocks))


def _warnings(rec: Recommendation, t: dict[str, str]) -> Section | None:
    if not rec.warnings:
        return None
    return Section("warnings", t["warnings"], (_bullets(rec.warnings),))


def _sources(rec: Recommendation, t: dict[str, str]) -> Section:
    lang = report_language(rec)
    table = Table(
        (t["source"], t["licence"], t["as_of"], t["url"]),
        tuple((source_name(s.id, s.name, lang), s.licence, s.as_of, s.url) for s in rec.catalog),
    )
    blocks: list[Block] = [table]
    attributions = [
        Paragraph(
            source_attribution(s.id, s.attribution, lang),
            lead=f"{t['attribution']} ({source_name(s.id, s.name, lang)})",
        )
        for s in rec.catalog
        if s.attribution
    ]
    blocks += attributions
    return Section("sources", t["sources"], tuple(blocks))


def _citations(rec: Recommendation, t: dict[str, str]) -> Section | None:
    if not rec.citations:
        return None
    items = tuple(
        Paragraph(
            fmt.shorten(c.text, CITATION_CHARS),
            lead=c.title if report_language(rec) == "zh" else f"[{c.id}] {c.title}",
        )
        for c in rec.citations
    )
    return Section("citations", t["citations"], (Bullets(items),))
