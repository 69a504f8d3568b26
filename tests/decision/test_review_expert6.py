"""Expert review, session 6 (ten reports, none signed): what was still wrong after the first fixes.
Hand-made catalogs; one rule per test; the numbers in the comments are worked out by hand."""

from __future__ import annotations

from typing import Any

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.tools.decision import Requirements, recommend
from whichmodel.tools.report import render_markdown

from .conftest import TEXT_CATS as CATS
from .conftest import build_catalog, model, offering, req

# --- s01: the adaptation follows the model the person starts with ---------------------------------


def _closed_strong_open_cheap() -> Catalog:
    # closed: 10,000 x (1000 x $10 + 100 x $30) / 1M = $130/month; open: $1.30/month, 5 points lower
    closed = [offering("acme:closed", "closed", inp=10, out=30)]
    opened = [offering("host:gem", "gem", inp=0.1, out=0.3, tier="host", open_flag=True)]
    return build_catalog(
        [
            (model("closed", closed, ratings={c: 1405 for c in CATS}), closed),
            (model("gem", opened, open_weights=True, ratings={c: 1400 for c in CATS}, params=(26, 4)), opened),
        ]
    )


def test_under_priority_cost_the_adaptation_is_for_the_open_model_started_with() -> None:
    # s01: 20,000 labelled examples, priority cost, #1 open-weights; the quality pick (closed, no known
    # tuning service) used to drive "GPT-5.6 Luna has no known fine-tuning service".
    rec = recommend(req(priority="cost", data={"labeled_examples": 20_000}), _closed_strong_open_cheap())
    assert rec.recommendations[0].model_key == "gem"
    assert rec.quality_pick is not None and rec.quality_pick.model_key == "closed"
    a = rec.adaptation
    assert a.approach == "fine_tuning" and a.reason_codes == ["enough_examples_open_pick"]
    assert a.params["model"] == "GEM" and a.params["service"] == "open_weights"
    # a small classifier first (session 13 expert: it costs next to nothing), the open pick tuned if it falls short
    assert a.step_codes[-2:] == ["small_classifier", "fine_tune_pick"]
    assert "fine-tune GEM" in a.reason and "no known fine-tuning service" not in a.reason
    # priority quality starts with the closed model: the old advice stands for it.
    quality = recommend(req(priority="quality", data={"labeled_examples": 20_000}), _closed_strong_open_cheap())
    assert quality.recommendations[0].model_key == "closed"
    assert quality.adaptation.reason_codes == ["pick_not_tunable"]


# --- s03: a relaxation is labelled by what its figures are ----------------------------------------


def test_the_data_terms_relaxation_names_the_host_its_figures_are() -> None:
    # s03: "Self-host an open model" was followed by berget's hosted price. The figures are a host's:
    # say so (an open-weights model through an EU host), with the offering, the region and the bill.
    opened = [offering("berget:gem", "gem", inp=1, out=2, tier="host", open_flag=True, region="eu")]
    closed = [offering("acme:closed", "closed", inp=1, out=2)]
    cat = build_catalog(
        [
            (model("gem", opened, open_weights=True, ratings={c: 1400 for c in CATS}), opened),
            (model("closed", closed, ratings={c: 1300 for c in CATS}), closed),
        ]
    )
    rec = recommend(req(data={"sensitivity": "confidential"}), cat)
    relax = next(r for r in rec.relaxations if r.constraint == "data_terms")
    assert relax.code is not None and relax.code.params == {"open": True}
    assert relax.per_model[0].needs.params["open_weights"] is True
    assert relax.suggestion.startswith("Use an open-weights model through a host without published")
    assert "GEM through berget:gem (established host in the EU, $" in relax.suggestion
    zh = recommend(req(data={"sensitivity": "confidential"}), cat, lang="zh")
    zh_relax = next(r for r in zh.relaxations if r.constraint == "data_terms")
    assert zh_relax.suggestion.startswith("经由没有公布企业数据条款的托管商使用开源权重模型")
    assert "GEM 经由 berget:gem（成熟的推理服务商，位于欧盟，每月 $12.00）" in zh_relax.suggestion


# --- s03/s07: providers of shortlisted or admitted offerings have a jurisdiction -------------------


def test_digitalocean_and_other_clouds_have_a_jurisdiction() -> None:
    # s03: digitalocean:kimi-k3 was admitted by the residency relaxation with no warning (US company).
    from whichmodel.knowledge.catalog.curated import PROVIDER_JURISDICTIONS

    expected = {"digitalocean": "us", "google-vertex-anthropic": "us", "sap-ai-core": "eu", "snowflake-cortex": "us",
                "watsonx": "us", "nebius": "eu", "cloudferro-sherlock": "eu"}  # fmt: skip
    assert {p: PROVIDER_JURISDICTIONS[p][0] for p in expected} == expected
    do = [offering("digitalocean:kimi", "kimi", inp=1, out=2, tier="cloud")]
    cat = build_catalog([(model("kimi", do, open_weights=True, ratings={c: 1400 for c in CATS}), do)])
    rec = recommend(req(languages=["fr"], data={"sensitivity": "confidential"}, deployment={"data_residency": "eu"}), cat)
    relax = next(r for r in rec.relaxations if r.constraint == "residency")
    assert relax.per_model[0].risk_codes[0].code == "foreign_jurisdiction"
    assert relax.per_model[0].risk_codes[0].params["jurisdiction"] == "us"
    assert "KIMI (⚠ confidential data would go to a provider under the law of the US;" in relax.suggestion


# --- s06: call recordings are personal data -------------------------------------------------------


def _stt(provider: str) -> Catalog:
    stt = [offering(f"{provider}:ears", "ears", inp=0.006, out=0.0, inputs=("audio",), context=448,
                    unit="per_audio_minute")]  # fmt: skip
    return build_catalog([(model("ears", stt, purpose="speech_to_text"), stt)])


def _calls(**data: Any) -> Requirements:
    return req(task_type="speech_to_text", languages=["zh", "en"], input_modalities=["audio"],
               volume={"requests_per_month": 40_000, "audio_minutes": 6}, data=data)  # fmt: skip


def test_call_audio_to_a_us_provider_for_a_chinese_user_is_a_cross_border_transfer() -> None:
    # s06: Mandarin/English call recordings to Groq (US) got no warning: sensitivity was left at
    # internal, and internal data is only flagged towards a provider under Chinese law.
    rec = recommend(_calls(), _stt("groq"), lang="zh")
    row = rec.recommendations[0]
    risk = next(r for r in row.risk_codes if r.code == "foreign_jurisdiction")
    assert risk.params == {"model": "EARS", "provider": "groq", "jurisdiction": "us", "parent": None, "region": "cn",
                           "inferred": True, "data": "personal"}  # fmt: skip
    # and, for a person taken to be in mainland China, that a US provider is generally not offered there
    assert row.warnings == ["语音录音（个人信息）将交给受美国法律管辖的服务商", "Groq 是美国服务商，通常不在中国大陆提供服务"]
    assert any("《个人信息保护法》的出境规则" in r for r in rec.risks)
    # a stated assumption, in the report's words
    assert any(a.code == "voice_personal_data" for a in rec.assumptions)
    assert "- 语音录音按个人信息处理（声音能识别说话人" in render_markdown(rec)
    en = recommend(_calls(), _stt("groq"), lang="en")
    assert any("PIPL's cross-border rules" in r for r in en.risks)
    # a provider under Chinese law: no transfer; recordings stated public: no personal data
    assert not any(r.code.startswith("foreign") for r in recommend(_calls(), _stt("alibaba-cn")).recommendations[0].risk_codes)
    public = recommend(_calls(sensitivity="public"), _stt("groq"))
    assert not public.recommendations[0].risk_codes or all(
        not r.code.startswith("foreign") for r in public.recommendations[0].risk_codes
    )
    assert not any(a.code == "voice_personal_data" for a in public.assumptions)


# --- s04: an estimate just under the target, on a guessed speed, is borderline --------------------


def test_a_guessed_latency_within_ten_percent_under_the_target_is_borderline() -> None:
    from whichmodel.tools.decision.filters import latency_near_target

    # s04: 2.86 s against 3 s on a 'Flash' name-tier guess was said "within the 3 s target".
    assert latency_near_target(2.86, 3.0, "name_tier:flash;tier:maker;prefill:15000")
    assert latency_near_target(2.7, 3.0, "size_unknown")  # 3 x 0.9 = 2.7: still within 10%
    assert not latency_near_target(2.69, 3.0, "size_unknown")
    assert not latency_near_target(2.86, 3.0, "active_params:3;tier:maker")  # a known size: no guess
    assert not latency_near_target(3.1, 3.0, "size_unknown")  # over the target: latency_borderline's case
    assert not latency_near_target(2.86, None, "size_unknown")
    flash = [offering("acme:zippy-flash", "zippy-flash", inp=1, out=2)]
    cat = build_catalog([(model("zippy-flash", flash, ratings={c: 1400 for c in CATS}), flash)])
    base = recommend(req(), cat, lang="en")
    assert base.recommendations[0].latency is not None
    p95 = base.recommendations[0].latency.p95_seconds
    assert p95 is not None
    rec = recommend(req(latency={"p95_seconds": round(p95 / 0.95, 2)}), cat, lang="en")  # ~5% under
    row = rec.recommendations[0]
    assert any(r.code == "latency_near_target" for r in row.risk_codes)
    assert any("under the" in r and "borderline, measure it" in r for r in row.reasons)
    assert any("borderline for the" in w for w in row.warnings)
    assert any(r.code == "latency_near_target" for r in rec.risk_codes)
    far = recommend(req(latency={"p95_seconds": round(p95 * 2, 2)}), cat, lang="en").recommendations[0]
    assert not any(r.code == "latency_near_target" for r in far.risk_codes)
    assert any(", within the" in r for r in far.reasons)
