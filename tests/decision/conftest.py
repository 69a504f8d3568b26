"""A small hand-built catalog whose every number the tests can compute by hand."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import pytest

from whichmodel.knowledge.catalog.schema import (
    Catalog,
    Model,
    Offering,
    PriceTier,
    PriceUnit,
    Pricing,
    ProviderTier,
    Purpose,
    Rating,
    Source,
)
from whichmodel.tools.decision import Requirements

AS_OF = date(2026, 8, 18)


TEXT_CATS = ("instruction_following", "overall", "hard_prompts")
"""The text categories every text task weighs: a model rated on all three is rated for it."""


def req(**kw: Any) -> Requirements:
    """A classification request at 10,000 requests a month (1,000 tokens in, 100 out), with `kw` over it."""
    base: dict[str, Any] = {
        "use_case": "classify tickets",
        "task_type": "classification",
        "volume": {"requests_per_month": 10_000, "input_tokens": 1000, "output_tokens": 100},
    }
    base.update(kw)
    return Requirements.model_validate(base)


def rating(category: str, score: float, half_width: float = 5.0) -> Rating:
    return Rating(
        category=category,
        score=score,
        lower=score - half_width,
        upper=score + half_width,
        votes=1000,
        source="lmarena",
        as_of=AS_OF,
        source_name=f"test / {category}",
    )


def offering(
    oid: str,
    model: str,
    *,
    inp: float | None = 1.0,
    out: float | None = 2.0,
    context: int = 128_000,
    tools: bool = True,
    structured: bool | None = True,
    reasoning: bool = False,
    open_flag: bool = False,
    inputs: tuple[str, ...] = ("text",),
    outputs: tuple[str, ...] = ("text",),
    status: str | None = None,
    region: str | None = None,
    tiers: tuple[PriceTier, ...] | None = None,
    cache_read: float | None = None,
    max_output: int = 16_000,
    deprecation_date: date | None = None,
    tier: ProviderTier = "maker",
    plausible: bool | None = None,
    retirement_date: date | None = None,
    unit: PriceUnit = "per_1m_tokens",
) -> Offering:
    provider, pmid = oid.split(":", 1)
    pricing = None
    if tiers is not None:
        pricing = Pricing(tiers=tiers, source="models.dev", as_of=AS_OF, unit=unit)
    elif inp is not None and out is not None:
        pricing = Pricing(
            tiers=(PriceTier(input=inp, output=out, cache_read=cache_read),),
            source="models.dev",
            as_of=AS_OF,
            unit=unit,
        )
    return Offering(
        id=oid,
        provider=provider,
        provider_name=provider.title(),
        provider_model_id=pmid,
        model=model,
        name=model,
        context=context,
        max_output=max_output,
        input_modalities=inputs,
        output_modalities=outputs,
        tool_calling=tools,
        structured_output=structured,
        reasoning=reasoning,
        open_weights_flag=open_flag,
        status=status,
        pricing=pricing,
        region=region,
        deprecation_date=deprecation_date,
        tier=tier,
        plausible=plausible,
        retirement_date=retirement_date,
    )


def model(
    key: str,
    offerings: list[Offering],
    *,
    open_weights: bool = False,
    ratings: dict[str, float] | None = None,
    params: tuple[float, float] | None = None,
    purpose: Purpose = "general",
    retirement_date: date | None = None,
    maker: str | None = None,
    regions: tuple[str, ...] = (),
    status: Literal["active", "deprecated"] = "active",
) -> Model:
    first = offerings[0]
    return Model(
        key=key,
        name=key.upper(),
        open_weights=open_weights,
        open_weights_rule="test",
        params_total_b=params[0] if params else None,
        params_active_b=params[1] if params else None,
        context=max(o.context for o in offerings),
        max_output=max(o.max_output for o in offerings),
        input_modalities=tuple(sorted({m for o in offerings for m in o.input_modalities})),
        output_modalities=tuple(sorted({m for o in offerings for m in o.output_modalities})),
        tool_calling=any(o.tool_calling for o in offerings),
        structured_output=first.structured_output,
        reasoning=any(o.reasoning for o in offerings),
        ratings={c: rating(c, s) for c, s in (ratings or {}).items()},
        offerings=tuple(sorted(o.id for o in offerings)),
        purpose=purpose,
        retirement_date=retirement_date,
        maker=maker,
        regions=regions,
        status=status,
    )


def build_catalog(models: list[tuple[Model, list[Offering]]]) -> Catalog:
    return Catalog(
        built_at=AS_OF,
        sources=(
            Source(id="models.dev", name="models.dev", url="https://models.dev", licence="MIT", as_of=AS_OF),
        ),
        models={m.key: m for m, _ in models},
        offerings={o.id: o for _, offs in models for o in offs},
    )


def _entry(key: str, offs: list[Offering], **kw: object) -> tuple[Model, list[Offering]]:
    return model(key, offs, **kw), offs  # type: ignore[arg-type]


@pytest.fixture()
def small_catalog() -> Catalog:
    """Five models: a strong dear one, a cheap good one, an open one, an unrated one, a deprecated one.

    Offerings are the maker's own API unless a tier is given (`host:`, `resell:` are hosts)."""
    quality = {"overall": 1400, "instruction_following": 1400, "hard_prompts": 1400}
    return build_catalog(
        [
            _entry(
                "big",
                [offering("acme:big", "big", inp=10, out=30, context=200_000)],
                ratings={k: v + 100 for k, v in quality.items()},
            ),
            _entry(
                "small",
                [
                    offering("acme:small", "small", inp=0.2, out=0.8),
                    offering("resell:small", "small", inp=0.1, out=0.4, region="eu", tier="host"),
                ],
                ratings=quality,
            ),
            _entry(
                "open8b",
                [
                    offering(
                        "host:open8b",
                        "open8b",
                        tier="host",
                        inp=0.05,
                        out=0.1,
                        tools=False,
                        structured=None,
                        open_flag=True,
                        context=32_000,
                    )
                ],
                open_weights=True,
                ratings={k: v - 100 for k, v in quality.items()},
                params=(8, 8),
            ),
            _entry("mystery", [offering("acme:mystery", "mystery", inp=0.3, out=0.3)]),
            _entry(
                "old",
                [offering("acme:old", "old", inp=0.01, out=0.01, status="deprecated")],
                ratings={k: v + 200 for k, v in quality.items()},
            ),
        ]
    )
