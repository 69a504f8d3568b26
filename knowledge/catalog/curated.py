"""Hand-curated facts the source data lacks or gets inconsistently, each with where it comes from.

Kept small and explicit: every entry here overrides or fills what the sources say, so each one is a
claim a reviewer can check against the named vendor model card. Pure data, no logic.
"""

from __future__ import annotations

from typing import NamedTuple


class Params(NamedTuple):
    """Parameter counts in billions and the document they come from."""

    total_b: float
    active_b: float | None
    source: str


_CARD = "curated: vendor model card"

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

# Open-weights overrides for models where provider flags disagree and the truth is well known.
OPEN_WEIGHTS: dict[str, bool] = {
    "gpt-oss-120b": True,
    "gpt-oss-20b": True,
    "qwen3-32b": True,
    "deepseek-r1": True,
    "deepseek-v3": True,
    "kimi-k2": True,
    "glm-4.5": True,
    "glm-4.5-air": True,
    "llama-3.3-70b-instruct": True,
    "gpt-4o": False,
    "gpt-4.1": False,
    "qwen3-max": False,
    "qwen-max": False,
    "qwen-plus": False,
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
    "gemini": "google",
    "gemma": "google",
    "qwen": "alibaba",
    "qwq": "alibaba",
    "llama": "meta",
    "muse": "meta",
    "mistral": "mistral",
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
}

# Spellings that normalisation cannot fold, mapped to the canonical key (base keys, post-folding).
KEY_ALIASES: dict[str, str] = {
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

# Providers known to serve from one region (models.dev provider ids). "-cn" providers are
# handled by rule in knowledge.catalog.merge.offering_region.
PROVIDER_REGIONS: dict[str, str] = {
    "scaleway": "eu",
    "ovhcloud": "eu",
    "mistral": "eu",
    "berget": "eu",
    "regolo-ai": "eu",
    "stackit": "eu",
    "evroc": "eu",
    "cloudferro-sherlock": "eu",
    "hetzner": "eu",
    "infomaniak": "eu",
    "privatemode-ai": "eu",
    "xiaomi-token-plan-ams": "eu",
    "xiaomi-token-plan-sgp": "sg",
    "zhipuai": "cn",
    "zhipuai-coding-plan": "cn",
    "iflowcn": "cn",
    "modelscope": "cn",
}

# "X" and "X-preview" pairs that are different releases although neither the arena nor the maker's
# API tells them apart (checked against the maker's release notes).
KEEP_DISTINCT: frozenset[str] = frozenset()
