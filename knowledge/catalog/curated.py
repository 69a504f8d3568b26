"""Hand-curated facts the source data lacks or gets inconsistently, each with where it comes from.

Kept small and explicit: every entry here overrides or fills what the sources say, so each one is a
claim a reviewer can check against the named vendor model card. Pure data, no logic.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from whichmodel.knowledge.catalog.schema import Precision


class Params(NamedTuple):
    """Parameter counts in billions and the document they come from."""

    total_b: float
    active_b: float | None
    source: str


_CARD = "curated: vendor model card"
_WHISPER_CARD = "curated: OpenAI Whisper model card (huggingface.co/openai/whisper-large-v3)"

# Well-known open models whose names lack (or mislead about) their size. Keys are canonical keys.
PARAMS: dict[str, Params] = {
    "deepseek-v3": Params(671, 37, _CARD),
    "deepseek-v3.1": Params(671, 37, _CARD),
    "deepseek-v3.1-terminus": Params(671, 37, _CARD),
    "deepseek-v3.2": Params(671, 37, _CARD),
    "deepseek-v3.2-exp": Params(671, 37, _CARD),
    "deepseek-r1": Params(671, 37, _CARD),
    "deepseek-r1-0528": Params(671, 37, _CARD),
    "deepseek-chat": Params(671, 37, _CARD),
    "deepseek-reasoner": Params(671, 37, _CARD),
    "kimi-k2": Params(1000, 32, _CARD),
    "kimi-k2-0905": Params(1000, 32, _CARD),
    "kimi-k2-0711": Params(1000, 32, _CARD),
    "kimi-k2-thinking": Params(1000, 32, _CARD),
    "kimi-k2.6": Params(1000, 32, _CARD),
    "kimi-k2.5": Params(1000, 32, _CARD),
    "gpt-oss-120b": Params(117, 5.1, _CARD),
    "gpt-oss-20b": Params(21, 3.6, _CARD),
    "glm-4.5": Params(355, 32, _CARD),
    "glm-4.5-air": Params(106, 12, _CARD),
    "glm-4.6": Params(355, 32, _CARD),
    "glm-4.7": Params(355, 32, _CARD),
    "llama-4-scout": Params(109, 17, _CARD),
    "llama-4-maverick": Params(400, 17, _CARD),
    "mixtral-8x7b-instruct": Params(46.7, 12.9, _CARD),
    "mixtral-8x22b-instruct": Params(141, 39, _CARD),
    "minimax-m1": Params(456, 45.9, _CARD),
    "minimax-m2": Params(230, 10, _CARD),
    "qwen3-coder-480b-a35b-instruct": Params(480, 35, _CARD),
    "mistral-small-3.1-24b-instruct": Params(24, None, _CARD),
    # Speech-to-text (expert25 n6: Whisper Large v3 was "parameter count unknown", so never sized).
    # OpenAI's Whisper model cards (huggingface.co/openai/whisper-large-v3: 1,550M parameters;
    # whisper-large-v3-turbo: 809M, 4 decoder layers instead of 32); faster-whisper is the same
    # weights converted to CTranslate2 (huggingface.co/Systran/faster-whisper-large-v3), and KB-Whisper
    # Large is Whisper Large v3 fine-tuned on Swedish (huggingface.co/KBLab/kb-whisper-large).
    "whisper-large-v3": Params(1.55, None, _WHISPER_CARD),
    "whisper-large-v3-turbo": Params(0.809, None, _WHISPER_CARD),
    "faster-whisper-large-v3": Params(1.55, None, _WHISPER_CARD),
    "kb-whisper-large": Params(1.55, None, _WHISPER_CARD),
}

_APACHE = "Apache-2.0"
_MIT = "MIT"

# Licences of well-known open-weight families, matched by key prefix (longest prefix wins).
# Only applied to models whose merged open_weights is True.
LICENCE_PREFIXES: dict[str, str] = {
    "qwen3": _APACHE,
    "qwen2.5": "Qwen licence / Apache-2.0 (size-dependent, see model card)",
    "qwq": _APACHE,
    "gpt-oss": _APACHE,
    "deepseek-v3": _MIT,
    "deepseek-r1": _MIT,
    "deepseek-v3.1": _MIT,
    "deepseek-v3.2": _MIT,
    "llama-3.1": "Llama 3.1 Community License",
    "llama-3.2": "Llama 3.2 Community License",
    "llama-3.3": "Llama 3.3 Community License",
    "llama-4": "Llama 4 Community License",
    "mistral-7b": _APACHE,
    "mixtral": _APACHE,
    "mistral-small": _APACHE,
    "devstral": _APACHE,
    "gemma": "Gemma Terms of Use",
    "kimi-k2": "Modified MIT",
    "glm-4.5": _MIT,
    "glm-4.6": _MIT,
    "glm-4.7": _MIT,
    "phi-4": _MIT,
    "minimax-m1": _APACHE,
    "minimax-m2": _MIT,
}

# Maker from a canonical key's leading word (longest prefix wins); used when the arena has no entry.
MAKER_PREFIXES: dict[str, str] = {
    "claude": "anthropic",
    "gpt": "openai",
    "chatgpt": "openai",
    "o1": "openai",
    "o3": "openai",
    "o4": "openai",
    "codex": "openai",
    "whisper": "openai",
    "omni-moderation": "openai",
    "text-moderation": "openai",
    "dall-e": "openai",
    "tts-1": "openai",
    "text-embedding-3": "openai",
    "text-embedding-ada": "openai",
    "sora": "openai",
    "imagen": "google",
    "veo": "google",
    "gemini": "google",
    "gemma": "google",
    "qwen": "alibaba",
    "qwq": "alibaba",
    "llama": "meta",
    "muse": "meta",
    "mistral": "mistral",
    "open-mistral": "mistral",  # Mistral's own API ids for its open models (open-mistral-7b, -nemo)
    "mixtral": "mistral",
    "ministral": "mistral",
    "devstral": "mistral",
    "codestral": "mistral",
    "magistral": "mistral",
    "pixtral": "mistral",
    "voxtral": "mistral",
    "deepseek": "deepseek",
    "kimi": "moonshot",
    "glm": "zhipu",
    "grok": "xai",
    "minimax": "minimax",
    "nemotron": "nvidia",
    "llama-3.1-nemotron": "nvidia",
    "llama-3.3-nemotron": "nvidia",
    "phi": "microsoft",
    "command": "cohere",
    "mimo": "xiaomi",
    "ernie": "baidu",
    "hunyuan": "tencent",
    "hy3": "tencent",
    "seed": "bytedance",
    "doubao": "bytedance",
    "step": "stepfun",
    "ling": "inclusionai",
    "ring": "inclusionai",
    "granite": "ibm",
    "nova": "amazon",
    "jamba": "ai21",
    "sonar": "perplexity",
    "mercury": "inception",
    "solar": "upstage",
    "deep-research": "google",
    "longcat": "meituan",
    "fugu": "sakana",
    "sakana": "sakana",
    "lucidnova": "lucidquery",
    "lucidquery": "lucidquery",
    "v0-": "vercel",
    "morph-": "morph",
    "compound": "groq",
}

# Spellings that normalisation cannot fold, mapped to the canonical key (base keys, post-folding).
KEY_ALIASES: dict[str, str] = {
    # Mistral lists Voxtral Transcribe 3 under two ids ("-3" and "-3-0"): one version, one model.
    "voxtral-mini-transcribe-3.0": "voxtral-mini-transcribe-3",
    "voxtral-small-transcribe-3.0": "voxtral-small-transcribe-3",
    "voxtral-mini-transcribe-realtime-3.0": "voxtral-mini-transcribe-realtime-3",
    # One model under two ids (expert24 D15): the hosts' name with the size, the maker's without it
    # (each listing is named "Mistral Medium 3.5" / "Mistral Small 4" / "Gemini Embedding 001")
    "mistral-medium-3.5-128b": "mistral-medium-3.5",
    "mistral4-119b": "mistral-small-4-119b",
    "gemini-embedding": "gemini-embedding-001",
    # Vercel's mistral/mistral-medium is listed as "Mistral Medium 3.1" (the only listing of that id)
    "mistral-medium": "mistral-medium-3.1",
    "chatgpt-4o": "chatgpt-4o",
    "llama3.3-70b": "llama-3.3-70b-instruct",
    "llama-3.3-70b": "llama-3.3-70b-instruct",
    "llama-3.3-70b-versatile": "llama-3.3-70b-instruct",
    "llama-3.1-8b-instant": "llama-3.1-8b-instruct",
    "llama-3.3-70b-instruct-turbo": "llama-3.3-70b-instruct",
    "llama-4-maverick-17b-128e-instruct": "llama-4-maverick",
    "llama-4-maverick-17b-instruct": "llama-4-maverick",
    "llama-4-scout-17b-16e-instruct": "llama-4-scout",
    "llama-4-scout-17b-instruct": "llama-4-scout",
    "kimi-k2-instruct": "kimi-k2",
    "mixtral-8x7b-instruct-v0.1": "mixtral-8x7b-instruct",
    "open-mixtral-8x7b": "mixtral-8x7b-instruct",
    "mixtral-8x22b-instruct-v0.1": "mixtral-8x22b-instruct",
    "open-mixtral-8x22b": "mixtral-8x22b-instruct",
    "kimi-k2-instruct-0905": "kimi-k2-0905",
    "kimi-k2-instruct-0711": "kimi-k2-0711",
    # Meta serves only the instruction-tuned Llama 3.x through APIs; a bare size is that model
    "llama-3.1-8b": "llama-3.1-8b-instruct",
    "llama-3.1-70b": "llama-3.1-70b-instruct",
    "llama-3.2-1b": "llama-3.2-1b-instruct",
    "llama-3.2-3b": "llama-3.2-3b-instruct",
    # Qwen released the 480B coder only as Instruct
    "qwen3-coder-480b-a35b": "qwen3-coder-480b-a35b-instruct",
    # xAI's grok-4 is the 0709 release (xAI models page)
    "grok-4-0709": "grok-4",
}

# Dated ids that are different weights from their undated alias (never folded by date stripping).
KEEP_DATED: frozenset[str] = frozenset(
    {
        "qwen3-235b-a22b-2507",  # Instruct-2507: a new non-thinking checkpoint, not the hybrid original
        "qwen3-235b-a22b-instruct-2507",
        "qwen3-235b-a22b-thinking-2507",
        "qwen3-30b-a3b-2507",
        "mistral-large-2402",  # Mistral Large 1; 2407 onwards is Large 2 (123B)
    }
)

# Arena keys whose name differs from every catalog spelling (checked before normalisation).
ARENA_ALIASES: dict[str, str] = {
    "anthropic / claude-3.5-sonnet": "claude-3.5-sonnet",
    "openai / chatgpt-4o": "chatgpt-4o",
    "meta / llama-4-maverick-17b-128e-instruct": "llama-4-maverick",
    "meta / llama-4-scout-17b-16e-instruct": "llama-4-scout",
    "moonshot / kimi-k2": "kimi-k2",
}

# Where providers serve from, with the terms that say so (models.dev provider ids). First-party APIs
# of Chinese makers matter most: "data must stay in China" must admit the maker's own API.
PROVIDER_REGIONS: dict[str, tuple[str, str]] = {
    "deepseek": ("cn", "DeepSeek privacy policy: data is processed and stored on servers in the PRC"),
    "alibaba-cn": ("cn", "Alibaba Cloud Model Studio (Bailian), China (Beijing) region"),
    "alibaba": ("sg", "Alibaba Cloud Model Studio international edition: Singapore region"),
    "moonshotai-cn": ("cn", "Moonshot AI platform.moonshot.cn: mainland China service"),
    "zhipuai": ("cn", "Zhipu bigmodel.cn open platform: mainland China service"),
    "zhipuai-coding-plan": ("cn", "Zhipu bigmodel.cn coding plan: mainland China service"),
    "minimax-cn": ("cn", "MiniMax minimaxi.com open platform: mainland China service"),
    "stepfun": ("cn", "StepFun platform.stepfun.com: mainland China service"),
    "siliconflow-cn": ("cn", "SiliconFlow siliconflow.cn: mainland China service"),
    "tencent-tokenhub": ("cn", "Tencent Cloud TokenHub (Hunyuan): Tencent Cloud China regions"),
    "iflowcn": ("cn", "iFlow (iflow.cn): mainland China service"),
    "modelscope": ("cn", "ModelScope API-Inference (modelscope.cn): mainland China service"),
    "mistral": ("eu", "Mistral AI La Plateforme: hosted in the EU by default"),
    "scaleway": ("eu", "Scaleway Generative APIs: Paris region"),
    "ovhcloud": ("eu", "OVHcloud AI Endpoints: EU data centres"),
    "berget": ("eu", "Berget AI: Swedish data centres"),
    "regolo-ai": ("eu", "Regolo AI: Italian data centres"),
    "stackit": ("eu", "STACKIT: German data centres"),
    "evroc": ("eu", "evroc: EU sovereign cloud"),
    "cloudferro-sherlock": ("eu", "CloudFerro: EU data centres"),
    "hetzner": ("eu", "Hetzner: German/Finnish data centres"),
    "infomaniak": ("ch", "Infomaniak: Swiss data centres (Switzerland is not in the EU)"),
    "privatemode-ai": ("eu", "Privatemode AI: EU data centres"),
    "xiaomi-token-plan-ams": ("eu", "Xiaomi token plan, Amsterdam endpoint"),
    "xiaomi-token-plan-sgp": ("sg", "Xiaomi token plan, Singapore endpoint"),
}

# Retirements announced by the maker for models its API no longer lists (so no offering says so):
# key -> (shutdown date, source). A past date retires the model everywhere, resellers included.
MAKER_RETIREMENTS: dict[str, tuple[date, str]] = {
    "o1-preview": (date(2025, 7, 28), "OpenAI deprecations page: o1-preview shut down 2025-07-28"),
    "o1-mini": (date(2025, 10, 27), "OpenAI deprecations page: o1-mini shut down 2025-10-27"),
    "gpt-4.5-preview": (date(2025, 7, 14), "OpenAI deprecations page: gpt-4.5-preview shut down 2025-07-14"),
    "gemini-exp-1206": (
        date(2025, 2, 5),
        "Google Gemini API changelog: experimental 1206 replaced by Gemini 2.0 Pro (2025-02)",
    ),
    "claude-3-opus": (date(2026, 1, 5), "Anthropic model deprecations: Claude Opus 3 retired 2026-01-05"),
    "claude-3.5-sonnet": (
        date(2025, 10, 22),
        "Anthropic model deprecations: Claude Sonnet 3.5 retired 2025-10-22",
    ),
    "claude-3-sonnet": (
        date(2025, 7, 21),
        "Anthropic model deprecations: Claude Sonnet 3 retired 2025-07-21",
    ),
    "gemini-1.5-pro": (date(2025, 9, 24), "Google Gemini API: Gemini 1.5 models shut down 2025-09-24"),
    "gemini-1.5-flash": (date(2025, 9, 24), "Google Gemini API: Gemini 1.5 models shut down 2025-09-24"),
}

# "X" and "X-preview" pairs that are different releases although neither the arena nor the maker's
# API tells them apart (checked against the maker's release notes).
KEEP_DISTINCT: frozenset[str] = frozenset()


class Family(NamedTuple):
    """A maker's release family: whether its weights are published, under which licence, in which precision."""

    open_weights: bool
    licence: str | None
    evidence: str
    precision: Precision | None = None


_HF = "weights published on Hugging Face"
# Open weights by family (issue #10): (regex on the canonical key, family); the FIRST match wins, so
# API-only members of an open family (Qwen Max/Plus, Mistral Medium) come before the family itself.
# Provider flags decide only for keys no pattern matches.
FAMILIES: tuple[tuple[str, Family], ...] = (
    (
        r"^gpt-oss",
        Family(True, _APACHE, "OpenAI gpt-oss model card (2025-08): " + _HF + ", MXFP4 MoE weights", "mxfp4"),
    ),
    (
        r"^whisper-large|^faster-whisper|^kb-whisper",
        Family(True, _MIT, "OpenAI Whisper: " + _HF + " (MIT)", "fp16"),
    ),
    (
        r"^(gpt-|o\d|chatgpt|codex|dall-e|tts-1|whisper-1|text-embedding|sora|computer-use|omni-moderation)",
        Family(False, None, "OpenAI: served only through its API and Azure OpenAI"),
    ),
    (r"^claude", Family(False, None, "Anthropic: models served only through its API and clouds")),
    (
        r"^(shield)?gemma",
        Family(True, "Gemma Terms of Use", "Google Gemma releases: " + _HF + " and Kaggle", "bf16"),
    ),
    (
        r"^(gemini|imagen|veo|lyria)",
        Family(False, None, "Google: served only through Gemini API / Vertex AI"),
    ),
    (r"^deepseek-r1-distill", Family(True, _MIT, "DeepSeek-R1 distills: " + _HF + " (MIT), BF16", "bf16")),
    (
        r"^deepseek-(v3|r1|chat|reasoner|v4|prover|math-v2)",
        Family(
            True, _MIT, "DeepSeek V3/R1 and later: " + _HF + " (deepseek-ai, MIT); released in FP8", "fp8"
        ),
    ),
    (r"^deepseek", Family(True, _MIT, "DeepSeek: " + _HF + " (deepseek-ai)", "bf16")),
    (
        r"^qwen[\d.]*-(max|plus|turbo|flash|long|mt-|omni-turbo|vl-max|vl-plus|vl-ocr|image-plus|image-max)|^qwen3-(asr|omni)-flash|^qwen3-coder-(plus|flash)|^qwen[\d.]*-max",
        Family(False, None, "Alibaba: Qwen Max/Plus/Turbo/Flash are served only through Model Studio"),
    ),
    (r"^(qwen|qwq)", Family(True, _APACHE, "Qwen open releases: " + _HF + " (Qwen org), BF16", "bf16")),
    (
        r"^kimi-k2-thinking",
        Family(True, "Modified MIT", "Moonshot Kimi K2 Thinking: " + _HF + ", native INT4 (QAT)", "int4"),
    ),
    (
        r"^kimi-k",
        Family(True, "Modified MIT", "Moonshot Kimi K2 family: " + _HF + ", released in FP8", "fp8"),
    ),
    (
        r"^glm-[\d.]+-?(x|airx|turbo)$|^glm-5v-turbo",
        Family(False, None, "Zhipu: X/Turbo variants served only through its API"),
    ),
    (
        r"^glm-(4\.[5-9]|5)",
        Family(True, _MIT, "Zhipu GLM-4.5 and later: " + _HF + " (zai-org, MIT), BF16", "bf16"),
    ),
    (
        r"^minimax-m2",
        Family(True, _MIT, "MiniMax-M2 family: " + _HF + " (MiniMaxAI), released in FP8", "fp8"),
    ),
    (r"^minimax-m1", Family(True, _APACHE, "MiniMax-M1: " + _HF + " (Apache-2.0)", "bf16")),
    (
        r"^llama-prompt-guard|^llama-guard",
        Family(True, "Llama Community License", "Meta Llama Guard: " + _HF, "bf16"),
    ),
    (
        r"^llama-[34]",
        Family(True, "Llama Community License", "Meta Llama 3/4: " + _HF + " (meta-llama)", "bf16"),
    ),
    (
        r"^mistral-(medium|saba|embed|ocr)|^codestral|^magistral-medium|^devstral-medium|^voxtral-mini-tts",
        Family(False, None, "Mistral: Medium/Saba/Codestral/OCR are premier (API-only) models"),
    ),
    (
        r"^(mistral-(small|nemo|7b|large-3)|magistral-small|devstral|ministral|pixtral|voxtral|mixtral)",
        Family(True, _APACHE, "Mistral open models: " + _HF + " (mistralai, Apache-2.0)", "bf16"),
    ),
    (r"^grok", Family(False, None, "xAI: current Grok models are served only through its API")),
    (r"^(doubao|seed-[\d.])", Family(False, None, "ByteDance Seed/Doubao: served only through Volcengine")),
    (r"^seed-oss", Family(True, _APACHE, "ByteDance Seed-OSS: " + _HF + " (Apache-2.0)", "bf16")),
    (r"^phi-4", Family(True, _MIT, "Microsoft Phi-4 family: " + _HF + " (MIT)", "bf16")),
    (r"^step-3", Family(True, _APACHE, "StepFun Step 3.x: " + _HF + " (stepfun-ai)", "bf16")),
    (
        r"^nemotron|^llama-3\.[13]-nemotron",
        Family(True, "NVIDIA Open Model License", "NVIDIA Nemotron: " + _HF, "bf16"),
    ),
    (
        r"^command-a|^command-r",
        Family(
            True, "CC-BY-NC-4.0", "Cohere Command: weights on Hugging Face, non-commercial licence", "bf16"
        ),
    ),
    (r"^granite", Family(True, _APACHE, "IBM Granite: " + _HF + " (Apache-2.0)", "bf16")),
    (
        r"^ernie-4\.5-(21b|300b|0\.3b|vl)",
        Family(True, _APACHE, "Baidu ERNIE 4.5 (2025-06): " + _HF + " (baidu, Apache-2.0)", "bf16"),
    ),
    (
        r"^hunyuan-a13b",
        Family(True, "Tencent Hunyuan Community License", "Tencent Hunyuan-A13B: " + _HF, "bf16"),
    ),
    (
        r"^(ling|ring)-(flash|mini|lite|1t|2\.\d-1t)",
        Family(True, _MIT, "inclusionAI Ling/Ring 2.x: " + _HF + " (inclusionAI, MIT)", "bf16"),
    ),
    (
        r"^cogito-",
        Family(True, "Llama/DeepSeek base licence", "Deep Cogito: " + _HF + " (deepcogito)", "bf16"),
    ),
    (r"^hermes-", Family(True, "Llama Community License", "Nous Research Hermes: " + _HF, "bf16")),
    (r"^orpheus-", Family(True, _APACHE, "Canopy Labs Orpheus TTS: " + _HF + " (Apache-2.0)", "bf16")),
    (
        r"^mistral-large-instruct-24(07|11)",
        Family(
            True, "Mistral Research License", "Mistral Large 2 / 2.1: " + _HF + " (mistralai, MRL)", "bf16"
        ),
    ),
)


# Mistral reuses its undated names ("mistral-small-latest", "mistral-large") across releases, so a
# dated Mistral id never folds into the undated name by date stripping (normalize.group_keys); this
# table names the release of each dated id (and of the "-latest" aliases at the snapshot's date).
# Source: Mistral's models overview and changelog (docs.mistral.ai/getting-started/models), where the
# dated ids are listed with their release (YYMM = 25.01, 25.03 ...); "-latest" is matched on price
# to the dated id it points to in the same models.dev snapshot. raw id (lower case) -> (key, reason)
MISTRAL_RELEASES: dict[str, tuple[str, str]] = {
    "mistral-small-2501": ("mistral-small-24b-instruct-2501", "Mistral Small 3 (25.01)"),
    "mistral-small-2503": ("mistral-small-3.1-24b-instruct", "Mistral Small 3.1 (25.03)"),
    "mistral-small-3.1-24b-instruct-2503": ("mistral-small-3.1-24b-instruct", "Mistral Small 3.1 (25.03)"),
    "mistral-small-2506": ("mistral-small-3.2-24b-instruct", "Mistral Small 3.2 (25.06)"),
    "mistral-small-3.2-24b-instruct-2506": ("mistral-small-3.2-24b-instruct", "Mistral Small 3.2 (25.06)"),
    "mistral-small-2603": ("mistral-small-4-119b", "Mistral Small 4 (26.03), 119B MoE"),
    "mistral-small-4-119b-2603": ("mistral-small-4-119b", "Mistral Small 4 (26.03), 119B MoE"),
    "mistral-small-4": ("mistral-small-4-119b", "Mistral Small 4 has one size (119B)"),
    "mistral-small-latest": (
        "mistral-small-4-119b",
        "mistral-small-latest points to mistral-small-2603 (same list price $0.15/$0.60)",
    ),
    "mistral-large-2411": ("mistral-large", "Mistral Large 2.1 (24.11), the arena's 'Mistral Large (2411)'"),
    "mistral-large-2512": ("mistral-large-3", "Mistral Large 3 (25.12), 675B MoE"),
    "mistral-large-3-675b-instruct": ("mistral-large-3", "Mistral Large 3 (25.12), 675B MoE"),
    "mistral-large-3-675b-instruct-2512": ("mistral-large-3", "Mistral Large 3 (25.12), 675B MoE"),
    "mistral-large-latest": (
        "mistral-large-3",
        "mistral-large-latest points to mistral-large-2512 (same list price $0.50/$1.50)",
    ),
    "mistral-medium-2505": ("mistral-medium-3", "Mistral Medium 3 (25.05)"),
    "mistral-medium-2508": ("mistral-medium-3.1", "Mistral Medium 3.1 (25.08)"),
    "mistral-medium-2604": ("mistral-medium-3.5", "Mistral Medium 3.5 (26.04)"),
    "mistral-medium-latest": (
        "mistral-medium-3.5",
        "mistral-medium-latest points to mistral-medium-2604 (same list price $1.50/$7.50)",
    ),
    "codestral-2508": ("codestral", "Codestral 25.08, the release codestral-latest points to"),
    "devstral-2512": ("devstral", "Devstral 2 (25.12), the release devstral-latest points to (same price)"),
    "devstral-medium-2507": (
        "devstral-medium",
        "Devstral Medium (25.07), the arena's 'Devstral Medium (2507)'",
    ),
    "pixtral-12b-2409": ("pixtral-12b", "Pixtral 12B (24.09), its only release"),
    "ministral-3-14b-instruct-2512": ("ministral-3-14b-instruct", "Ministral 3 14B (25.12)"),
    "ministral-14b-2512": ("ministral-3-14b-instruct", "Ministral 3 14B (25.12)"),
    "ministral-3-8b-instruct-2512": ("ministral-3-8b-instruct", "Ministral 3 8B (25.12)"),
    "ministral-8b-2512": ("ministral-3-8b-instruct", "Ministral 3 8B (25.12), not Ministral 8B (24.10)"),
    "ministral-3b-2512": ("ministral-3-3b-instruct", "Ministral 3 3B (25.12), not Ministral 3B (24.10)"),
    "voxtral-mini-3b-2507": ("voxtral-mini-3b", "Voxtral Mini 3B (25.07), the open-weights chat model"),
    "voxtral-small-2507": ("voxtral-small-24b-2507", "Voxtral Small 24B (25.07), its only release"),
    "voxtral-small-latest": ("voxtral-small-24b-2507", "voxtral-small-latest points to voxtral-small-2507"),
}

# Closed-weights models that a non-maker, non-cloud provider serves under a published partnership
# with the maker (then it keeps its provider tier instead of "aggregator": it is licensed, not
# reselling). (provider, canonical key) -> source. None found in the 2026-08 snapshot.
CLOSED_MODEL_PARTNERS: dict[tuple[str, str], str] = {}

PRODUCT_NAMES: dict[str, str] = {
    "chatgpt": "gpt",  # the app runs OpenAI's current GPT models: the family, best placed first
    "文心一言": "ernie",
    "文心": "ernie",
    "通义千问": "qwen",
    "通义": "qwen",
    "千问": "qwen",
    "豆包": "doubao",
    "智谱": "glm",
    "智谱清言": "glm",
    "混元": "hunyuan",
    "月之暗面": "kimi",
    "深度求索": "deepseek",
    "copilot": "gpt-5",
    "github copilot": "gpt-5",
    "microsoft copilot": "gpt-5",
    "bard": "gemini",
    "le chat": "mistral",
    "元宝": "hunyuan",
    "腾讯元宝": "hunyuan",
}
"""Product and company names people use for a family of models (ChatGPT is OpenAI's app on its GPT-5
models; 文心一言 is Baidu's ERNIE; 通义千问 is Alibaba's Qwen; 豆包 is ByteDance's Doubao; 智谱清言 is
Zhipu's GLM; 混元 is Tencent's Hunyuan; 月之暗面 makes Kimi; 深度求索 is DeepSeek; GitHub and Microsoft Copilot run
on OpenAI's GPT models by default; Bard was Google's Gemini app; Le Chat is Mistral's app; 腾讯元宝 is
Tencent's Hunyuan app), as the family
name the catalog's model names start with. Used by "why not X?" to find the family's models."""


class FreeListing(NamedTuple):
    """A model its maker offers free of charge for production use (not a trial or a rate-limited
    free tier): its $0 price is the real price. Every row names its source and the date it is dated."""

    source: str
    as_of: date
    note: str


# (provider, canonical model key) -> why its $0 is a price. Every other $0 listing stays a missing
# price (free tiers, trials, subscriptions): keep this table short and sourced.
FREE_FOR_PRODUCTION: dict[tuple[str, str], FreeListing] = {
    ("openai", "omni-moderation"): FreeListing(
        "https://platform.openai.com/docs/guides/moderation",
        date(2026, 8, 18),
        "OpenAI: the moderation endpoint is free to use (the price source of that date, litellm, "
        "also lists omni-moderation at $0)",
    ),
}


def free_for_production(provider: str, model_key: str) -> FreeListing | None:
    """The sourced row when `model_key` served by `provider` is free for production by its maker."""
    return FREE_FOR_PRODUCTION.get((provider, model_key))


class TokenizerFactor(NamedTuple):
    """How many more tokens a model's tokenizer counts for the same text than the token figures a
    person states (counted the usual way, about 4 characters per token in English), with the source."""

    factor: float
    source: str


_OPUS_47_TOKENIZER = (
    "Anthropic's Claude Opus 4.7 announcement, 2026-04-16: 1.0-1.35x; Opus 4.8 and Claude 5 share its "
    "tokenizer by ctok 1.1.0, an unofficial counter"
)
"""anthropic.com/news/claude-opus-4-7 says the updated tokenizer maps the same input to roughly 1.0-1.35x
more tokens depending on the content; the upper end is planned. ctok (PyPI) counts Opus 4.7-4.9 with
its v4.7 family and Claude 5 with v5, which "uses the v4.7 vocabulary"."""

TOKENIZER_FACTORS: tuple[tuple[str, TokenizerFactor], ...] = (
    (r"^claude-opus-4[.-][789]", TokenizerFactor(1.35, _OPUS_47_TOKENIZER)),
    (r"^claude-(opus|sonnet|haiku|fable|mythos)-5", TokenizerFactor(1.35, _OPUS_47_TOKENIZER)),
)
"""Canonical-key patterns of models whose tokenizer counts noticeably more tokens for the same text
(expert23: a Claude 5 bill costed at the stated tokens is about a third low). Their text tokens (prompt
and answer, not the thinking budget, which is already in the model's own tokens) are billed and timed
at the factor, and the report says so."""


class PageImageTokens(NamedTuple):
    """How many input tokens a model bills for one page image (1,024 pixels a side, high detail) by its
    maker's own counting rule, with the source: a model whose count is far from the GPT-4o-class count
    the stated figures assume (`PAGE_IMAGE_BASELINE_TOKENS`)."""

    tokens: int
    source: str


PAGE_IMAGE_BASELINE_TOKENS = 765
"""A 1,024-pixel page image at high detail on GPT-4o: 85 + 4 tiles x 170 (OpenAI's images-and-vision
guide). The stated input tokens of an image task are taken to hold one page counted this way."""

_GPT4O_MINI_IMAGES = (
    "OpenAI's images-and-vision guide (platform.openai.com/docs/guides/images-vision, calculating costs): "
    "GPT-4o mini bills 2,833 + 5,667 tokens per 512-pixel tile, so that an image costs about what it does on GPT-4o"
)

PAGE_IMAGE_TOKENS: tuple[tuple[str, PageImageTokens], ...] = (
    (r"^gpt-4o-mini(?:-fast)?$", PageImageTokens(2_833 + 4 * 5_667, _GPT4O_MINI_IMAGES)),
)
"""Canonical-key patterns of models that bill a page image at a very different token count from the
GPT-4o-class count (expert25 n3: GPT-4o mini priced as if a page were ~800 tokens was a 'value pick' 7x
too cheap). Each image request is billed the difference for one page (an assumption, stated)."""


class MinutePrice(NamedTuple):
    """A maker's list price per audio minute for a speech-recognition model, from its own pricing page
    (the maker is the source). It carries no date of its own: the catalog build dates it with the
    curated tables' source date (`build._with_curated_price`), the date every other figure of the
    snapshot is as of, never the day the catalog was built."""

    provider: str
    """The maker's own API the price is listed on (models.dev provider id)."""
    usd_per_minute: float
    source: str
    note: str


_QWEN_ASR = "https://www.alibabacloud.com/help/en/model-studio/qwen3-asr-flash"

# canonical model key -> the maker's per-minute list prices. Two uses (knowledge/catalog/build.py):
# * a row whose provider serves the model in the catalog REPLACES that offering's price (the sources
#   got the unit wrong: models.dev lists Qwen3-ASR-Flash at 0.032/0.035, Alibaba's price per 1,000
#   seconds, which read as per minute is ~16x the real price);
# * a row for weights the maker's API sells under another id (Voxtral Mini 3B 2507 is Mistral's
#   "Voxtral Mini Transcribe 25.07") is the per-minute REFERENCE that other sellers' prices are checked
#   against (facts.minute_reference), so a listing at ~1/80 of the maker's price is flagged.
MAKER_MINUTE_PRICES: dict[str, tuple[MinutePrice, ...]] = {
    "qwen3-asr-flash": (
        MinutePrice(
            "alibaba", 0.0021, _QWEN_ASR,
            "Alibaba Cloud Model Studio: Qwen3-ASR-Flash audio duration US$0.000035 per second "
            "(Singapore, international) = US$0.0021 per minute",
        ),
        MinutePrice(
            "alibaba-cn", 0.00192, _QWEN_ASR,
            "Alibaba Cloud Model Studio: Qwen3-ASR-Flash audio duration US$0.000032 per second "
            "(China, Beijing) = US$0.00192 per minute",
        ),
    ),
    "voxtral-mini-3b": (
        MinutePrice(
            "mistral", 0.002, "https://docs.mistral.ai/models/voxtral-mini-transcribe-25-07",
            "Mistral: Voxtral Mini Transcribe (v25.07, the Voxtral Mini 3B 2507 weights) $0.002 per minute",
        ),
    ),
}  # fmt: skip


def maker_minute_price(provider: str, model_key: str) -> MinutePrice | None:
    """The sourced per-minute list price of `model_key` on `provider` (one of its maker's APIs)."""
    return next((p for p in MAKER_MINUTE_PRICES.get(model_key, ()) if p.provider == provider), None)
# Community derivatives: re-uploads, merges and finetunes of other makers' weights published by
# individuals or small groups (safety training removed, role-play tuning, model merges), with no maker
# standing behind their behaviour, evaluation or terms. They are not candidates for a company's
# recommendation (`tools/decision/filters.py:derivative_reason`). A first-match table on the model
# key and name: (pattern, reason).
COMMUNITY_DERIVATIVES: tuple[tuple[str, str], ...] = (
    (r"uncensored", "an \"uncensored\" re-tune: the maker's safety training removed"),
    (r"abliterat", "an \"abliterated\" copy: refusal behaviour edited out of another maker's weights"),
    (r"(?:^|[-_ ])merge(?:d)?(?:$|[-_ ])|mythomax", "a community merge of other models' weights"),
    (r"(?:^|[-_ (])(?:rp|roleplay|role-play|role play)(?:$|[-_ )])", "a role-play finetune"),
    (
        r"euryale|stheno|lunaris|lumimaid|magnum|cydonia|magidonia|rocinante|unslop|celeste|anubis|"
        r"skyfall|omega-directive",
        "a community role-play/creative finetune of another maker's model (Sao10K, TheDrummer, "
        "Anthracite, NeverSleep series)",
    ),
)


# The law a provider answers to (where the company that runs the API is incorporated), which is not
# always where the data is processed (`PROVIDER_REGIONS`): an EU endpoint of a US cloud is still under
# US law (e.g. the CLOUD Act). provider -> (jurisdiction, source). A provider not listed is unknown
# and no claim is made about it.
_US = "US company"
_CN = "company in mainland China"
_EU = "company in the EU"
PROVIDER_JURISDICTIONS: dict[str, tuple[str, str]] = {
    "anthropic": ("us", f"Anthropic PBC, San Francisco: {_US}"),
    "openai": ("us", f"OpenAI, San Francisco: {_US}"),
    "google": ("us", f"Google LLC (Gemini API): {_US}"),
    "google-vertex": ("us", f"Google LLC (Vertex AI, Google Cloud): {_US}, whatever the region chosen"),
    "meta": ("us", f"Meta Platforms: {_US}"),
    "xai": ("us", f"xAI: {_US}"),
    "amazon-bedrock": ("us", f"Amazon Web Services (Bedrock): {_US}, whatever the region chosen"),
    "azure": ("us", f"Microsoft (Azure AI Foundry): {_US}, whatever the region chosen"),
    "azure-cognitive-services": ("us", f"Microsoft (Azure AI services): {_US}, whatever the region chosen"),
    "databricks": ("us", f"Databricks: {_US}"),
    "groq": ("us", f"Groq: {_US}"),
    "cerebras": ("us", f"Cerebras Systems: {_US}"),
    "deepinfra": ("us", f"DeepInfra: {_US}"),
    "togetherai": ("us", f"Together AI: {_US}"),
    "fireworks-ai": ("us", f"Fireworks AI: {_US}"),
    "wandb": ("us", f"Weights & Biases (CoreWeave): {_US}"),
    "vultr": ("us", f"Vultr: {_US}"),
    "cloudflare-workers-ai": ("us", f"Cloudflare: {_US}"),
    "digitalocean": ("us", f"DigitalOcean Holdings, New York (Gradient AI platform): {_US}"),
    "google-vertex-anthropic": ("us", f"Google LLC (Claude on Vertex AI, Google Cloud): {_US}, whatever the region chosen"),
    "snowflake-cortex": ("us", f"Snowflake Inc. (Cortex AI): {_US}, whatever the region chosen"),
    "watsonx": ("us", f"IBM, Armonk, New York (watsonx.ai): {_US}, whatever the region chosen"),
    "baseten": ("us", f"Baseten, San Francisco: {_US}"),
    "crusoe": ("us", f"Crusoe Energy Systems, Denver: {_US}"),
    "modal": ("us", f"Modal Labs, New York: {_US}"),
    "deepseek": ("cn", f"Hangzhou DeepSeek: {_CN}"),
    "moonshotai": ("cn", f"Moonshot AI (Beijing), international platform: {_CN}"),
    "moonshotai-cn": ("cn", f"Moonshot AI (Beijing): {_CN}"),
    "alibaba-cn": ("cn", f"Alibaba Cloud (Hangzhou), China edition: {_CN}"),
    "alibaba": ("sg", "Alibaba Cloud (Singapore) Private Limited, international edition"),
    "zai": ("cn", f"Zhipu AI (Beijing), Z.ai international platform: {_CN}"),
    "zhipuai": ("cn", f"Zhipu AI (Beijing): {_CN}"),
    "minimax": ("cn", f"MiniMax (Shanghai), international platform: {_CN}"),
    "minimax-cn": ("cn", f"MiniMax (Shanghai): {_CN}"),
    "xiaomi": ("cn", f"Xiaomi (Beijing): {_CN}"),
    "stepfun": ("cn", f"StepFun (Shanghai): {_CN}"),
    "siliconflow-cn": ("cn", f"SiliconFlow (Beijing): {_CN}"),
    "tencent-tokenhub": ("cn", f"Tencent Cloud (Shenzhen): {_CN}"),
    "mistral": ("eu", f"Mistral AI, Paris: {_EU}"),
    "scaleway": ("eu", f"Scaleway, Paris: {_EU}"),
    "ovhcloud": ("eu", f"OVHcloud, Roubaix: {_EU}"),
    "evroc": ("eu", f"evroc, Stockholm: {_EU}"),
    "stackit": ("eu", f"STACKIT (Schwarz Group), Germany: {_EU}"),
    "berget": ("eu", f"Berget AI, Sweden: {_EU}"),
    "regolo-ai": ("eu", f"Regolo AI (Seeweb), Italy: {_EU}"),
    "hetzner": ("eu", f"Hetzner Online, Germany: {_EU}"),
    "sap-ai-core": ("eu", f"SAP SE, Walldorf, Germany (AI Core generative AI hub): {_EU}"),
    "nebius": ("eu", f"Nebius Group N.V., Amsterdam (Token Factory): {_EU}"),
    "cloudferro-sherlock": ("eu", f"CloudFerro, Warsaw: {_EU}"),
    "infomaniak": ("ch", "Infomaniak, Geneva: a Swiss company (outside the EU, with an EU adequacy decision)"),
}

# A provider whose parent group answers to another law than the company that runs the API:
# provider -> (the parent's jurisdiction, source). Compliance teams weigh the parent too, so the
# parent's law is named beside the provider's and a rule out ("no China") applies to it.
PROVIDER_PARENT_LAWS: dict[str, tuple[str, str]] = {
    "alibaba": ("cn", "Alibaba Group Holding, headquartered in Hangzhou, owns Alibaba Cloud (Singapore)"),
}

# Makers headquartered in mainland China: maker -> source. Where the model was made, not where it
# is served (a US host of an open model is under US law): it matters to buyers whose rules cover
# products of Chinese brands whoever runs them (Taiwan's public agencies, `engine.reservations`).
MAKERS_IN_CHINA: dict[str, str] = {
    "alibaba": "Alibaba Group (Qwen), Hangzhou",
    "zhipu": "Zhipu AI (GLM), Beijing",
    "bytedance": "ByteDance (Doubao, Seed), Beijing",
    "deepseek": "Hangzhou DeepSeek",
    "moonshot": "Moonshot AI (Kimi), Beijing",
    "minimax": "MiniMax, Shanghai",
    "xiaomi": "Xiaomi (MiMo), Beijing",
    "baidu": "Baidu (ERNIE), Beijing",
    "stepfun": "StepFun, Shanghai",
    "tencent": "Tencent (Hunyuan, Hy), Shenzhen",
    "inclusionai": "inclusionAI (Ant Group), Hangzhou",
    "meituan": "Meituan (LongCat), Beijing",
}

# Makers whose long-prompt surcharge is one published policy across their models (the same ratios
# above the same prompt size): a model of theirs whose listings show no long-prompt rate is assumed
# to carry it (`store.borrow_long_tiers`). maker -> source.
UNIFORM_LONG_PROMPT_SURCHARGE: dict[str, str] = {
    "anthropic": "https://docs.anthropic.com/en/docs/about-claude/pricing#long-context-pricing",
}

class CacheWritePolicy(NamedTuple):
    """A maker's published cache-write billing: the models (key pattern) that pay a write premium."""

    pattern: str
    maker_name: str
    since: str
    """The first model family that pays it (earlier ones write to the cache for free)."""
    factor: float
    """The write price as a multiple of the uncached input price."""
    source: str
    as_of: date


# A listing's `cache_write` price comes from the price sources; this says why it is there, so a report
# names the maker's rule beside the figure. OpenAI's automatic prompt caching had no write fee before
# GPT-5.6; from the GPT-5.6 family on, writes cost 1.25x the uncached input rate (Azure OpenAI: "Models
# before the GPT-5.6 family don't charge extra to write to the cache").
CACHE_WRITE_POLICIES: dict[str, CacheWritePolicy] = {
    "openai": CacheWritePolicy(
        r"^gpt-(5\.([6-9]|\d{2,})|[6-9])", "OpenAI", "GPT-5.6", 1.25,
        "https://developers.openai.com/api/docs/guides/prompt-caching", date(2026, 12, 7),
    ),
}


def cache_write_policy(maker: str | None, model_key: str) -> CacheWritePolicy | None:
    """The maker's published cache-write rule (`CACHE_WRITE_POLICIES`) when it bills `model_key` a
    write premium; None when no such rule is recorded for it."""
    policy = CACHE_WRITE_POLICIES.get(maker or "")
    return policy if policy is not None and re.search(policy.pattern, model_key) else None
