"""Which providers are a model maker's own ("first-party") API.

When the maker's own API serves a model and passes every constraint, WhichModel recommends it over a
reseller even when a reseller lists a slightly lower price: the maker's API is the reference for
behaviour, limits and terms. The cheapest offering is still reported beside it.
"""

from __future__ import annotations

from collections.abc import Mapping

FIRST_PARTY: Mapping[str, tuple[str, ...]] = {
    "openai": ("openai",),
    "anthropic": ("anthropic",),
    "google": ("google", "google-vertex"),
    "alibaba": ("alibaba", "alibaba-cn"),
    "mistral": ("mistral",),
    "zhipu": ("zhipuai", "zai"),
    "xai": ("xai",),
    "deepseek": ("deepseek",),
    "moonshot": ("moonshotai", "moonshotai-cn"),
    "minimax": ("minimax", "minimax-cn"),
    "xiaomi": ("xiaomi",),
    "nvidia": ("nvidia",),
    "cohere": ("cohere",),
    "meta": ("meta", "llama"),
    "stepfun": ("stepfun", "stepfun-ai"),
    "amazon": ("amazon-bedrock",),
    "microsoft": ("azure",),
    "inception": ("inception",),
    "databricks": ("databricks",),
    "ibm": ("watsonx",),
}


def is_first_party(maker: str | None, provider: str) -> bool:
    """True when `provider` is the maker's own API (subscription 'plan' providers excluded)."""
    if maker is None or "plan" in provider:
        return False
    return provider in FIRST_PARTY.get(maker.lower(), ())
