"""Catalog truth (issue #10): facts about real models, each checked against the committed snapshot.

Every fact names where it comes from (the maker's model card, API docs, price list or deprecation
page). A failure means the build rules or curated tables no longer produce the truth, not that the
test needs new numbers: fix the rule or the table (with its reason), rebuild, and rerun.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple

import pytest

from whichmodel.knowledge.catalog.normalize import fold_form
from whichmodel.knowledge.catalog.providers import PROVIDER_TIERS
from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering
from whichmodel.knowledge.catalog.store import load_catalog, resolve
from whichmodel.tools.decision.providers import FIRST_PARTY, is_first_party


class Fact(NamedTuple):
    name: str
    source: str
    check: Callable[[Catalog], bool]


def _m(c: Catalog, key: str) -> Model:
    return c.models[key]


def _o(c: Catalog, oid: str) -> Offering:
    return c.offerings[oid]


def _unit(c: Catalog, oid: str) -> str | None:
    pricing = c.offerings[oid].pricing
    return pricing.unit if pricing is not None else None


def _price(c: Catalog, oid: str) -> float:
    pricing = c.offerings[oid].pricing
    return pricing.tiers[0].input if pricing is not None else -1.0


def _resolves_to(c: Catalog, ident: str, key: str) -> bool:
    found = resolve(c, ident)
    return (found.model if isinstance(found, Offering) else found.key) == key


FACTS: tuple[Fact, ...] = (
    # --- identity: one model, one key, the others aliases; ratings follow identity ---
    Fact(
        "gemma-4-26b-a4b is an alias of Google's gemma-4-26b-a4b-it, which carries the rating",
        "Google Gemma 4 model card: the -it checkpoint is the released instruction-tuned model",
        lambda c: (
            "gemma-4-26b-a4b" in _m(c, "gemma-4-26b-a4b-it").aliases
            and bool(_m(c, "gemma-4-26b-a4b-it").ratings)
            and "gemma-4-26b-a4b" not in c.models
        ),
    ),
    Fact(
        "gemma-4-31b, gemma4-31b and gemma-4-31b-it are one model",
        "Google Gemma 4 model card (one 31B release)",
        lambda c: {"gemma-4-31b", "gemma4-31b"} <= set(_m(c, "gemma-4-31b-it").aliases),
    ),
    Fact(
        "gemini-3-flash (arena, resellers) is Google's gemini-3-flash-preview, served by Google",
        "Google Gemini API models page: Gemini 3 Flash ships as gemini-3-flash-preview",
        lambda c: (
            "gemini-3-flash" in _m(c, "gemini-3-flash-preview").aliases
            and bool(_m(c, "gemini-3-flash-preview").ratings)
            and any(_o(c, o).tier == "maker" for o in _m(c, "gemini-3-flash-preview").offerings)
        ),
    ),
    Fact(
        "gemini-3-pro folds into gemini-3-pro-preview with its rating",
        "Google Gemini API models page: Gemini 3 Pro ships as gemini-3-pro-preview",
        lambda c: (
            "gemini-3-pro" in _m(c, "gemini-3-pro-preview").aliases
            and bool(_m(c, "gemini-3-pro-preview").ratings)
        ),
    ),
    Fact(
        "an alias resolves to its canonical model",
        "issue #10: any alias or offering id resolves to its model",
        lambda c: (
            _resolves_to(c, "gemma4-31b", "gemma-4-31b-it")
            and _resolves_to(c, "gemini-3-flash", "gemini-3-flash-preview")
        ),
    ),
    Fact(
        "SAP AI Core's anthropic--claude-4.8-opus serves Claude Opus 4.8",
        "SAP AI Core generative AI hub model ids (anthropic-- prefix)",
        lambda c: _o(c, "sap-ai-core:anthropic--claude-4.8-opus").model == "claude-opus-4.8",
    ),
    Fact(
        "o1 and o1-preview stay two models",
        "OpenAI: o1-preview (2024-09) and o1 (2024-12) are separate releases; the arena rates both",
        lambda c: "o1" in c.models and "o1-preview" in c.models and "o1-preview" not in _m(c, "o1").aliases,
    ),
    Fact(
        "gpt-4-turbo and gpt-4-turbo-preview stay two models",
        "OpenAI models page: gpt-4-0125-preview and gpt-4-turbo-2024-04-09 are different snapshots",
        lambda c: "gpt-4-turbo" in c.models and "gpt-4-turbo-preview" in c.models,
    ),
    Fact(
        "dated gpt-4o snapshots are offerings of gpt-4o",
        "OpenAI models page: gpt-4o-2024-08-06 is a gpt-4o snapshot",
        lambda c: _o(c, "openai:gpt-4o-2024-08-06").model == "gpt-4o",
    ),
    # --- the maker's facts, not one reseller's flag ---
    Fact(
        "gpt-oss-120b takes text only (2 resellers' image flags are contradictions)",
        "OpenAI gpt-oss model card: text-only models",
        lambda c: _m(c, "gpt-oss-120b").input_modalities == ("text",),
    ),
    Fact(
        "gpt-oss-20b takes text only",
        "OpenAI gpt-oss model card: text-only models",
        lambda c: "image" not in _m(c, "gpt-oss-20b").input_modalities,
    ),
    Fact(
        "deepseek-v3.2 takes text only",
        "DeepSeek API docs: deepseek-chat/reasoner are text models",
        lambda c: "image" not in _m(c, "deepseek-v3.2").input_modalities,
    ),
    Fact(
        "minimax-m2.5 takes text only, from MiniMax's own API",
        "MiniMax API docs: M2.5 is a text model",
        lambda c: (
            "image" not in _m(c, "minimax-m2.5").input_modalities
            and _m(c, "minimax-m2.5").facts_source.startswith("maker")
        ),
    ),
    Fact(
        "step-3.5-flash takes text only",
        "StepFun API docs: Step 3.5 Flash is a text model",
        lambda c: "image" not in _m(c, "step-3.5-flash").input_modalities,
    ),
    Fact(
        "gpt-5.5's facts come from OpenAI's API and include image input",
        "OpenAI models page: GPT-5.5 accepts text and image input",
        lambda c: (
            _m(c, "gpt-5.5").facts_source == "maker (openai)"
            and "image" in _m(c, "gpt-5.5").input_modalities
            and _m(c, "gpt-5.5").tool_calling
        ),
    ),
    Fact(
        "Claude Opus 4.8 takes images and calls tools",
        "Anthropic models overview: vision and tool use",
        lambda c: (
            "image" in _m(c, "claude-opus-4.8").input_modalities and _m(c, "claude-opus-4.8").tool_calling
        ),
    ),
    Fact(
        "Gemini 3 Flash takes audio and video",
        "Google Gemini API models page: multimodal inputs",
        lambda c: {"audio", "video"} <= set(_m(c, "gemini-3-flash-preview").input_modalities),
    ),
    # --- open weights from the family table, with evidence ---
    Fact(
        "DeepSeek V4 Pro is open weights (the maker's API flag says closed)",
        "DeepSeek releases weights on Hugging Face (deepseek-ai), MIT licence",
        lambda c: (
            _m(c, "deepseek-v4-pro").open_weights
            and _m(c, "deepseek-v4-pro").licence == "MIT"
            and bool(_m(c, "deepseek-v4-pro").open_weights_evidence)
        ),
    ),
    Fact(
        "Gemma 4 12B is open weights (not a 1-1 tie)",
        "Google Gemma releases on Hugging Face and Kaggle",
        lambda c: _m(c, "gemma-4-12b-it").open_weights,
    ),
    Fact(
        "gpt-oss-120b is open weights under Apache-2.0",
        "OpenAI gpt-oss model card",
        lambda c: _m(c, "gpt-oss-120b").open_weights and _m(c, "gpt-oss-120b").licence == "Apache-2.0",
    ),
    Fact(
        "GPT-5.5 and Claude Opus 4.8 are closed",
        "OpenAI and Anthropic serve them only through APIs",
        lambda c: not _m(c, "gpt-5.5").open_weights and not _m(c, "claude-opus-4.8").open_weights,
    ),
    Fact(
        "Qwen3 Max is closed, Qwen3 32B open (Apache-2.0)",
        "Alibaba Model Studio (Max is API-only); Qwen3 model card on Hugging Face",
        lambda c: not _m(c, "qwen3-max").open_weights and _m(c, "qwen3-32b").licence == "Apache-2.0",
    ),
    Fact(
        "Kimi K2 is open weights under a modified MIT licence",
        "Moonshot AI Kimi K2 Hugging Face card",
        lambda c: _m(c, "kimi-k2").open_weights and _m(c, "kimi-k2").licence == "Modified MIT",
    ),
    # --- lifecycle: the maker's retirement retires the model everywhere ---
    Fact(
        "gpt-3.5-turbo is retired although resellers still list it",
        "OpenAI deprecations page; models.dev marks openai:gpt-3.5-turbo deprecated",
        lambda c: (
            _m(c, "gpt-3.5-turbo").status == "deprecated"
            and any(
                _o(c, o).tier != "maker" and _o(c, o).status != "deprecated"
                for o in _m(c, "gpt-3.5-turbo").offerings
            )
        ),
    ),
    Fact(
        "o1-preview is retired",
        "OpenAI deprecations page: o1-preview shut down 2025-07-28",
        lambda c: _m(c, "o1-preview").status == "deprecated",
    ),
    Fact(
        "gemini-exp-1206 is retired",
        "Google Gemini API changelog: experimental model replaced",
        lambda c: _m(c, "gemini-exp-1206").status == "deprecated",
    ),
    Fact(
        "Gemini 3.7 Flash is active with the maker's retirement date 2027-01-28",
        "Vertex AI model versions page lists the retirement date; Google's API has none",
        lambda c: (
            _m(c, "gemini-3.7-flash").status == "active"
            and str(_m(c, "gemini-3.7-flash").retirement_date) == "2027-01-28"
            and str(_o(c, "google-vertex:gemini-3.7-flash").retirement_date) == "2027-01-28"
        ),
    ),
    # --- provider tiers, per offering ---
    Fact(
        "OpenAI's API is the maker for GPT-5.5; Azure is a cloud",
        "OpenAI; Azure OpenAI enterprise terms",
        lambda c: _o(c, "openai:gpt-5.5").tier == "maker" and _o(c, "azure:gpt-5.5").tier == "cloud",
    ),
    Fact(
        "Claude on Bedrock and Vertex is cloud",
        "AWS Bedrock and Google Vertex AI Anthropic partner pages",
        lambda c: (
            _o(c, "amazon-bedrock:anthropic.claude-opus-4-8").tier == "cloud"
            and _o(c, "google-vertex-anthropic:claude-opus-4-8@default").tier == "cloud"
        ),
    ),
    Fact(
        "Together and Groq host gpt-oss",
        "Together AI and Groq model pages",
        lambda c: (
            _o(c, "togetherai:openai/gpt-oss-120b").tier == "host"
            and _o(c, "groq:openai/gpt-oss-120b").tier == "host"
        ),
    ),
    Fact(
        "OpenRouter, Poe and UnoRouter are aggregators",
        "their sites: routers over other providers' APIs",
        lambda c: (
            {
                _o(c, "openrouter:openai/gpt-5.5").tier,
                _o(c, "poe:openai/gpt-5.5").tier,
                _o(c, "unorouter:gpt-5.5").tier,
            }
            == {"aggregator"}
        ),
    ),
    Fact(
        "GitHub Copilot, coding plans and :free ids are plans",
        "GitHub Copilot plans; Alibaba Cloud coding plan; OpenRouter free variants",
        lambda c: (
            _o(c, "github-copilot:gpt-5.5").tier == "plan"
            and _o(c, "alibaba-coding-plan:qwen3.7-plus").tier == "plan"
            and _o(c, "openrouter:google/gemma-4-31b-it:free").tier == "plan"
        ),
    ),
    Fact(
        "Alibaba Cloud serving DeepSeek is a cloud, not the maker",
        "Alibaba Cloud Model Studio third-party models",
        lambda c: _o(c, "alibaba-cn:deepseek-v4-pro").tier == "cloud",
    ),
    Fact(
        "every provider in the snapshot has a curated tier with a reason",
        "knowledge/catalog/providers.py",
        lambda c: (
            {o.provider for o in c.offerings.values()} <= set(PROVIDER_TIERS)
            and all(e.reason for e in PROVIDER_TIERS.values())
        ),
    ),
    Fact(
        "the decision core's first-party table IS the catalog's",
        "issue #10: one maker table",
        lambda c: (
            is_first_party("openai", "openai")
            and not is_first_party("openai", "azure")
            and FIRST_PARTY["deepseek"] == ("deepseek",)
        ),
    ),
    # --- price plausibility against the maker's list price ---
    Fact(
        "UnoRouter's GPT-5.5 at 3.75% of OpenAI's price is implausible",
        "OpenAI pricing page vs models.dev",
        lambda c: (
            _o(c, "unorouter:gpt-5.5").plausible is False
            and abs((_o(c, "unorouter:gpt-5.5").plausibility_ratio or 0) - 0.0375) < 0.001
        ),
    ),
    Fact(
        "UnoRouter's Claude Opus 4.8 at 8.5% is implausible",
        "Anthropic pricing page vs models.dev",
        lambda c: _o(c, "unorouter:claude-opus-4-8").plausible is False,
    ),
    Fact(
        "UnoRouter's Gemini 3.5 Flash at ~12% is implausible",
        "Google Gemini API pricing vs models.dev",
        lambda c: _o(c, "unorouter:gemini-3.5-flash").plausible is False,
    ),
    Fact(
        "the maker's own price is the reference (ratio 1)",
        "OpenAI pricing page",
        lambda c: (
            _o(c, "openai:gpt-5.5").plausibility_ratio == 1.0
            and _m(c, "gpt-5.5").reference_price_source == "maker's list price"
        ),
    ),
    Fact(
        "a $0 listing is never the reference and is itself implausible",
        "issue #10 rule",
        lambda c: (
            (_m(c, "gemma-4-31b-it").reference_price or 0) > 0
            and _o(c, "openrouter:google/gemma-4-31b-it:free").plausible is False
        ),
    ),
    # --- regions of first-party APIs ---
    Fact(
        "DeepSeek's own API serves from China",
        "DeepSeek privacy policy: servers in the PRC",
        lambda c: (
            _o(c, "deepseek:deepseek-v4-pro").region == "cn"
            and bool(_o(c, "deepseek:deepseek-v4-pro").region_source)
            and "cn" in _m(c, "deepseek-v4-pro").regions
        ),
    ),
    Fact(
        "Zhipu's bigmodel.cn serves from China, Mistral from the EU",
        "Zhipu open platform (bigmodel.cn); Mistral La Plateforme EU hosting",
        lambda c: (
            _o(c, "zhipuai:glm-4.6").region == "cn" and _o(c, "mistral:mistral-large-latest").region == "eu"
        ),
    ),
    # --- units ---
    Fact(
        "Whisper on evroc is priced per audio minute, and its 448-token context does not apply",
        "evroc price list (per minute); OpenAI Whisper: 448-token decoder window",
        lambda c: (
            _unit(c, "evroc:openai/whisper-large-v3") == "per_audio_minute"
            and not _m(c, "whisper-large-v3").context_applies
        ),
    ),
    Fact(
        "Voxtral Mini on Privatemode is per audio minute, on Bedrock per token",
        "Privatemode price list (per minute); AWS Bedrock Mistral pricing (per 1M tokens)",
        lambda c: (
            _unit(c, "privatemode-ai:voxtral-mini-3b") == "per_audio_minute"
            and _unit(c, "amazon-bedrock:mistral.voxtral-mini-3b-2507") == "per_1m_tokens"
        ),
    ),
    # --- release precision ---
    Fact(
        "gpt-oss is released in MXFP4",
        "OpenAI gpt-oss model card: MoE weights in MXFP4",
        lambda c: _m(c, "gpt-oss-120b").release_precision == "mxfp4",
    ),
    Fact(
        "DeepSeek V3.2 and Kimi K2 are released in FP8, Kimi K2 Thinking in INT4",
        "DeepSeek-V3 technical report (FP8); Moonshot Kimi K2 / K2 Thinking cards (native INT4 QAT)",
        lambda c: (
            _m(c, "deepseek-v3.2").release_precision == "fp8"
            and _m(c, "kimi-k2").release_precision == "fp8"
            and _m(c, "kimi-k2-thinking").release_precision == "int4"
        ),
    ),
    Fact(
        "Qwen3 32B is released in BF16; closed models have no release precision",
        "Qwen3 Hugging Face card (torch_dtype bfloat16)",
        lambda c: (
            _m(c, "qwen3-32b").release_precision == "bf16" and _m(c, "gpt-5.5").release_precision is None
        ),
    ),
    # --- purpose ---
    Fact(
        "Whisper is speech-to-text",
        "OpenAI Whisper model card",
        lambda c: _m(c, "whisper-large-v3").purpose == "speech_to_text",
    ),
    Fact(
        "Llama Guard 4 and gpt-oss-safeguard are moderation models",
        "Meta Llama Guard 4 card; OpenAI gpt-oss-safeguard card",
        lambda c: (
            _m(c, "llama-guard-4-12b").purpose == "moderation"
            and _m(c, "gpt-oss-safeguard-20b").purpose == "moderation"
        ),
    ),
    Fact(
        "embeddings, rerankers, TTS and image generators are classified by purpose",
        "OpenAI embeddings/TTS/DALL-E docs; Qwen3-Reranker card",
        lambda c: (
            (
                _m(c, "text-embedding-3-large").purpose,
                _m(c, "qwen3-reranker-4b").purpose,
                _m(c, "tts-1").purpose,
                _m(c, "dall-e-3").purpose,
            )
            == ("embedding", "rerank", "text_to_speech", "image_generation")
        ),
    ),
    Fact("GPT-5.5 is a general model", "OpenAI models page", lambda c: _m(c, "gpt-5.5").purpose == "general"),
    # --- review of the rebuilt catalog (version spellings, Mistral releases, lifecycle, resale) ---
    Fact(
        "Venice's openai-gpt-55 is GPT-5.5 (a version without its dot)",
        "OpenAI models page: gpt-5.5; Venice model list names it openai-gpt-55",
        lambda c: "gpt-55" not in c.models and _o(c, "venice:openai-gpt-55").model == "gpt-5.5",
    ),
    Fact(
        "cortecs' claude-opus4-8 is Claude Opus 4.8",
        "Anthropic models overview: claude-opus-4-8",
        lambda c: (
            "claude-opus4-8" not in c.models and _o(c, "cortecs:claude-opus4-8").model == "claude-opus-4.8"
        ),
    ),
    Fact(
        "Claude Haiku 4.5 is sold by Anthropic itself (anthropic:claude-haiku-4-5), not only by aggregators",
        "Anthropic models overview: claude-haiku-4-5",
        lambda c: (
            _o(c, "anthropic:claude-haiku-4-5").model == "claude-haiku-4.5"
            and _o(c, "anthropic:claude-haiku-4-5").tier == "maker"
        ),
    ),
    Fact(
        "mistral-small-2506 is Mistral Small 3.2, not Small 4",
        "Mistral models overview: mistral-small-2506 = Mistral Small 3.2 (25.06)",
        lambda c: _o(c, "mistral:mistral-small-2506").model == "mistral-small-3.2-24b-instruct",
    ),
    Fact(
        "mistral-small-2603 and mistral-small-latest are Mistral Small 4 (119B)",
        "Mistral models overview: Mistral Small 4 (26.03); -latest points to it (same list price)",
        lambda c: (
            _o(c, "mistral:mistral-small-2603").model == "mistral-small-4-119b"
            and _o(c, "mistral:mistral-small-latest").model == "mistral-small-4-119b"
        ),
    ),
    Fact(
        "mistral-large-2411 (Large 2.1) and mistral-large-2512 (Large 3) are different models",
        "Mistral models overview: Mistral Large 24.11 vs Mistral Large 3 (25.12)",
        lambda c: (
            _o(c, "mistral:mistral-large-2411").model == "mistral-large"
            and _o(c, "mistral:mistral-large-2512").model == "mistral-large-3"
        ),
    ),
    Fact(
        "Claude Sonnet 4.5 stays available through Bedrock until 2027-04-08; Anthropic's date is kept",
        "litellm: anthropic.claude-sonnet-4-5-20250929-v1:0 deprecation 2027-04-08; "
        "claude-sonnet-4-5 (Anthropic) 2026-11-30",
        lambda c: (
            str(_m(c, "claude-sonnet-4.5").retirement_date) == "2027-04-08"
            and str(_m(c, "claude-sonnet-4.5").maker_retirement_date) == "2026-11-30"
            and _m(c, "claude-sonnet-4.5").status == "active"
        ),
    ),
    Fact(
        "Together's Qwen3.7-Max resells a closed model (Model Studio only): tier aggregator",
        "Alibaba Model Studio: Qwen3.7-Max is API-only (no published weights)",
        lambda c: (
            not _m(c, "qwen3.7-max").open_weights
            and _o(c, "togetherai:Qwen/Qwen3.7-Max").tier == "aggregator"
        ),
    ),
    Fact(
        "OpenAI whisper-1 is $0.006 per audio minute at OpenAI",
        "OpenAI pricing: Whisper $0.006/minute (litellm: input_cost_per_second 0.0001)",
        lambda c: (
            _unit(c, "openai:whisper-1") == "per_audio_minute"
            and _price(c, "openai:whisper-1") == pytest.approx(0.006)
            and _o(c, "openai:whisper-1").tier == "maker"
        ),
    ),
    Fact(
        "GPT-4o Transcribe is $0.006/min and GPT-4o mini Transcribe $0.003/min at OpenAI",
        "OpenAI pricing: gpt-4o-transcribe est. $0.006/min, gpt-4o-mini-transcribe est. $0.003/min (litellm)",
        lambda c: (
            _price(c, "openai:gpt-4o-transcribe") == pytest.approx(0.006)
            and _price(c, "openai:gpt-4o-mini-transcribe") == pytest.approx(0.003)
            and _o(c, "openai:gpt-4o-transcribe").model == "gpt-4o-transcribe"
            and _unit(c, "openai:gpt-4o-transcribe") == "per_audio_minute"
        ),
    ),
    Fact(
        "a reseller's gpt-4o-transcribe token price ($2.50/$10 per 1M) is not a per-minute price",
        "OpenAI pricing: gpt-4o-transcribe $2.50 input / $10 output per 1M tokens",
        lambda c: _unit(c, "vercel:openai/gpt-4o-transcribe") == "per_1m_tokens",
    ),
    Fact(
        "Voxtral Mini (transcription) is $0.003 per audio minute at Mistral",
        "Mistral pricing via litellm: mistral/voxtral-mini-latest input_cost_per_second 5e-05",
        lambda c: (
            _unit(c, "mistral:voxtral-mini-latest") == "per_audio_minute"
            and 0.001 <= _price(c, "mistral:voxtral-mini-latest") <= 0.004
        ),
    ),
    Fact(
        "Qwen3-ASR-Flash is US$0.000035 per second (intl) and US$0.000032 (China) at Alibaba",
        "Alibaba Cloud Model Studio, qwen3-asr-flash pricing: audio duration per second",
        lambda c: (
            _unit(c, "alibaba:qwen3-asr-flash") == "per_audio_minute"
            and _price(c, "alibaba:qwen3-asr-flash") == pytest.approx(0.0021)
            and _price(c, "alibaba-cn:qwen3-asr-flash") == pytest.approx(0.00192)
        ),
    ),
    Fact(
        "Bedrock's token-priced Voxtral Mini 3B is far below Mistral's $0.002/min: implausible",
        "Mistral docs: Voxtral Mini Transcribe 25.07 $0.002/min; Bedrock lists $0.04 per 1M tokens",
        lambda c: (
            _o(c, "amazon-bedrock:mistral.voxtral-mini-3b-2507").plausible is False
            and _m(c, "voxtral-mini-3b").reference_price == pytest.approx(0.002)
            and _o(c, "privatemode-ai:voxtral-mini-3b").plausible is True
        ),
    ),
    Fact(
        "Groq's Whisper large v3 is $0.111 per audio hour",
        "Groq pricing: whisper-large-v3 $0.111/hour (litellm: input_cost_per_second 3.083e-05)",
        lambda c: _price(c, "groq:whisper-large-v3") == pytest.approx(0.00185, rel=0.01),
    ),
    Fact(
        "OpenAI omni-moderation is a moderation model served free by OpenAI",
        "OpenAI moderation guide: omni-moderation-latest, free of charge",
        lambda c: (
            _m(c, "omni-moderation").purpose == "moderation"
            and _o(c, "openai:omni-moderation-latest").tier == "maker"
        ),
    ),
    Fact(
        "a chat model with audio input at a per-minute speech provider is still priced per token",
        "NEAR AI Cloud / evroc price lists: Gemini 2.5 Flash and Qwen3.6 per 1M tokens (distinct output price)",
        lambda c: (
            _unit(c, "nearai:google/gemini-2.5-flash") == "per_1m_tokens"
            and _unit(c, "evroc:Qwen/Qwen3.6-35B-A3B-FP8") == "per_1m_tokens"
            and _unit(c, "nearai:openai/whisper-large-v3") == "per_audio_minute"
        ),
    ),
    Fact(
        "Qwen3Guard is a moderation model",
        "Qwen3Guard model card: safety moderation",
        lambda c: _m(c, "qwen3guard-gen-8b").purpose == "moderation",
    ),
)


def test_there_are_at_least_40_facts_with_sources() -> None:
    assert len(FACTS) >= 40
    assert all(f.source for f in FACTS)
    assert len({f.name for f in FACTS}) == len(FACTS)


@pytest.mark.parametrize("fact", FACTS, ids=[f.name[:60] for f in FACTS])
def test_fact(fact: Fact) -> None:
    assert fact.check(load_catalog()), f"{fact.name} (source: {fact.source})"


_VERSION_SEPARATORS = re.compile(r"(?<=\d)[.-](?=\d)")


def test_no_rated_or_maker_served_model_has_a_version_spelling_twin() -> None:
    """Two models whose spellings differ only in how a version is written ("gpt-55" / "gpt-5.5",
    "claude-opus4-8" / "claude-opus-4.8") are one model missed by identity folding."""
    c = load_catalog()
    by_form: dict[str, set[str]] = defaultdict(set)
    for m in c.models.values():
        for k in (m.key, *m.aliases):
            by_form[_VERSION_SEPARATORS.sub("", fold_form(k))].add(m.key)
    twins = []
    for form, keys in sorted(by_form.items()):
        important = [
            k
            for k in keys
            if c.models[k].ratings or any(c.offerings[o].tier == "maker" for o in c.models[k].offerings)
        ]
        if len(keys) > 1 and important:
            twins.append(f"{form}: {sorted(keys)}")
    assert twins == []
