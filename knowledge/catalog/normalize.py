"""Canonical model keys: one spelling for the many ways providers name the same weights.

Providers spell one model many ways (``Qwen/Qwen3-32B``, ``qwen3-32b``, ``qwen.qwen3-32b-v1:0``,
``Qwen/Qwen3-32B-TEE``). :func:`base_key` folds the spelling differences that never change the
weights (case, org prefixes, cloud vendor prefixes, serving suffixes, dots vs dashes in versions);
:func:`group_keys` then drops date stamps, but only where the undated alias exists, so two dated
releases with no common alias stay apart. Suffixes that do name different weights (``-instruct``,
``-mini``, ``-thinking`` outside Claude, sizes) are kept on purpose.

Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from whichmodel.knowledge.catalog.curated import ARENA_ALIASES, KEEP_DATED, KEY_ALIASES, MISTRAL_RELEASES

# Cloud region prefixes on Bedrock-style ids ("eu.anthropic.claude-...") and the region they mean.
REGION_PREFIXES: dict[str, str] = {
    "us": "us",
    "eu": "eu",
    "global": "global",
    "au": "au",
    "jp": "jp",
    "apac": "apac",
}

# Vendor names that some providers glue in front of the model with a hyphen
# ("digitalocean:anthropic-claude-opus-4.5", "databricks:databricks-claude-opus-4-1").
_HYPHEN_VENDOR_PREFIXES: tuple[str, ...] = (
    "anthropic-",
    "alibaba-",
    "azure-",
    "databricks-",
    "openai-gpt",
    "mistralai-",
    "meta-llama-",
)

# Suffixes naming how a model is served, not which weights: quantisation, enclaves, free tiers.
_SERVING_SUFFIXES: tuple[str, ...] = (
    "-fp8-fast",
    "-tee",
    "-fp8",
    "-fp4",
    "-fp16",
    "-bf16",
    "-int4",
    "-int8",
    "-awq",
    "-gptq",
    "-nvfp4",
    "-mxfp4",
    "-w8a8",
    "-maas",
    "-free",
    "-latest",
)

# Claude "modes" that are the same weights with extended thinking or a faster serving tier.
_CLAUDE_MODE_SUFFIXES: tuple[str, ...] = ("-thinking", "-think", "-fast", "-reasoning")

_BEDROCK_VERSION = re.compile(r"-v1$")
_COLON_VERSION = re.compile(r"-v?\d+:\d+$")
_LLAMA_GLUED = re.compile(r"^llama(\d)")
_ISO_DATE = re.compile(r"-(20\d\d)-(\d\d)-(\d\d)(?=-|$)")
_DOTTED_VERSION = re.compile(r"(?<=-)([a-z]?\d{1,2})-(\d{1,2})(?=-|$)")
_P_DOT = re.compile(r"(?<=\d)p(?=\d)")  # Fireworks spells dots as "p": "kimi-k2p6", "qwen2p5"
# "claude-4.5-sonnet" (some gateways) is Anthropic's "claude-sonnet-4.5"; from 4 on the tier comes first.
_CLAUDE_REORDERED = re.compile(r"^claude-([4-9](?:\.\d)?)-(opus|sonnet|haiku|fable)(?=-|$)")
_LONG_DATE = re.compile(r"-20\d{6}$")
_SHORT_DATE = re.compile(r"-2[3-7](?:0[1-9]|1[0-2])$")


def _strip_vendor_dots(name: str) -> tuple[str, bool]:
    """Drop Bedrock-style ``region.vendor.`` prefixes (purely alphabetic dot-terminated words).

    Bedrock's DeepSeek ids drop the maker from the model part ("deepseek.r1"): it is put back.
    """
    vendor: str | None = None
    while True:
        m = re.match(r"^([a-z]+)\.(?=[a-z])", name)
        if not m:
            break
        vendor = m.group(1)
        name = name[m.end() :]
    if vendor == "deepseek" and not name.startswith("deepseek"):
        name = f"deepseek-{name}"
    return name, vendor is not None


def region_from_id(model_id: str) -> str | None:
    """The serving region a provider model id names, if any ("eu.anthropic...", "...@eu")."""
    low = model_id.lower()
    at = low.rsplit("@", 1)
    if len(at) == 2 and at[1] in REGION_PREFIXES:
        return REGION_PREFIXES[at[1]]
    last = low.rsplit("/", 1)[-1]
    m = re.match(r"^([a-z]+)\.[a-z]+\.", last)
    if m and m.group(1) in REGION_PREFIXES and m.group(1) != "global":
        return REGION_PREFIXES[m.group(1)]
    return None


def base_key(model_id: str, *, use_aliases: bool = True) -> str:
    """Fold spelling differences that never change the weights; dates are kept (see group_keys).

    >>> base_key("amazon-bedrock-style qwen.qwen3-32b-v1:0".split()[-1])
    'qwen3-32b'
    """
    key = model_id.strip().lower().replace("_", "-").replace(" ", "-")
    key = key.rsplit("/", 1)[-1]  # org prefixes: "Qwen/", "accounts/fireworks/models/"
    key = key.split("@", 1)[0]  # Vertex "@20250514" / "@default", requesty "@eu"
    key = _COLON_VERSION.sub("", key)  # Bedrock "-v1:0"
    key = key.split(":", 1)[0]  # ":free", ":thinking", ":exacto"
    key, had_vendor = _strip_vendor_dots(key)
    if had_vendor:
        key = _BEDROCK_VERSION.sub("", key)  # Bedrock "-v1" (only on vendor-prefixed ids)
    for prefix in _HYPHEN_VENDOR_PREFIXES:
        if key.startswith(prefix):
            # keep the model part for prefixes that end inside the model name
            keep = {"openai-gpt": "gpt", "meta-llama-": "llama-"}.get(prefix, "")
            key = keep + key[len(prefix) :]
            break
    key = key.lstrip("-")  # SAP AI Core's "anthropic--claude-..." leaves a dash behind
    if use_aliases and key in MISTRAL_RELEASES:  # Mistral's dated ids and "-latest" names (curated)
        return MISTRAL_RELEASES[key][0]
    changed = True
    while changed:
        changed = False
        for suffix in _SERVING_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
        if key.startswith("claude-"):
            for suffix in _CLAUDE_MODE_SUFFIXES:
                if key.endswith(suffix):
                    key = key[: -len(suffix)]
                    changed = True
    key = _ISO_DATE.sub(r"-\1\2\3", key)
    key = _P_DOT.sub(".", key)
    key = re.sub(r"^llama-v(?=\d)", "llama-", key)  # Fireworks "llama-v3p1-8b-instruct"
    key = _LLAMA_GLUED.sub(r"llama-\1", key)
    key = re.sub(
        r"^qwen(\d)-(\d)(?=-)", r"qwen\1.\2", key
    )  # "qwen2-5-coder-32b" is Qwen2.5  # "llama3-1-70b", "llama3.3-70b", "llama4-scout"
    key = _DOTTED_VERSION.sub(r"\1.\2", key)
    key = _CLAUDE_REORDERED.sub(r"claude-\2-\1", key)
    if key.startswith("claude-"):
        key = re.sub(r"(?<=\d)\.0(?=-|$)", "", key)  # "claude-sonnet-4.0" is "claude-sonnet-4"
    if not use_aliases:
        return key
    if key in MISTRAL_RELEASES:
        return MISTRAL_RELEASES[key][0]
    return KEY_ALIASES.get(key, key)


# Mistral reuses undated names across releases ("mistral-small" was Small 3.2, then Small 4): its dated
# ids fold only through curated.MISTRAL_RELEASES, never by date stripping.
_MOVING_ALIAS_MAKERS = re.compile(
    r"^(mistral|magistral|devstral|codestral|ministral|pixtral|voxtral|mixtral)"
)


def undated(key: str) -> str | None:
    """The key without a trailing date stamp (-20250514 or -2507), or None when it has none."""
    for pattern in (_LONG_DATE, _SHORT_DATE):
        if pattern.search(key):
            return pattern.sub("", key)
    return None


def group_keys(base_keys: Iterable[str]) -> dict[str, str]:
    """Map each base key to its canonical key: dated keys fold into their undated alias if it exists."""
    keys = set(base_keys)
    out: dict[str, str] = {}
    for key in keys:
        alias = None if key in KEEP_DATED or _MOVING_ALIAS_MAKERS.match(key) else undated(key)
        out[key] = alias if alias is not None and alias in keys else key
    return out


_GLUED_SEPARATOR = re.compile(r"(?<=[a-z])-(?=\d)")


def fold_form(key: str) -> str:
    """The spelling of a key with the differences that never name other weights removed.

    Rule (issue #10): the "-it" suffix (Gemma's instruction-tuned release is the only one served),
    and a hyphen between a letter and a digit ("gemma4-31b" = "gemma-4-31b", "qwen-3-32b" = "qwen3-32b").
    """
    key = key.lstrip("-")
    if key.endswith("-it") and len(key) > 3:
        key = key[:-3]
    return _GLUED_SEPARATOR.sub("", key)


def loose_form(key: str) -> str:
    """`fold_form` without a "-preview" suffix: keys with one loose form may be one model."""
    key = fold_form(key)
    return key[: -len("-preview")] if key.endswith("-preview") else key


# Version numbers written without their dot (issue #10): "opus4-8" (hyphen), "gpt55" (glued, after
# fold_form dropped the letter-digit hyphen of "gpt-55"). Single digits only, and only at the end of a
# name part, so sizes ("qwen3-32b", "gemma-27b") and dates never match.
_HYPHEN_VERSION = re.compile(r"(?<=[a-z])(\d)-(\d)(?=-|$)")
_GLUED_VERSION = re.compile(r"(?<=[a-z])(\d)(\d)(?=-|$)")


def dotted_forms(form: str) -> list[str]:
    """Spellings of a fold form with its version number dotted ("claude-opus4-8" -> "claude-opus4.8",
    "gpt55" -> "gpt5.5"); a fold happens only when that spelling exists (see fold_identities)."""
    out = []
    for pattern in (_HYPHEN_VERSION, _GLUED_VERSION):
        dotted = pattern.sub(r"\1.\2", form, count=1)
        if dotted != form:
            out.append(dotted)
    return out


class KeyFacts(NamedTuple):
    """What identity folding needs to know about one (base) key."""

    offerings: int
    maker_offerings: int


def fold_identities(
    keys: Mapping[str, KeyFacts],
    arena_rated: Iterable[str],
    keep_distinct: Iterable[str] = (),
    version_folds: list[str] | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Map every key to its canonical key, and say which preview pairs were kept apart and why.

    1. Keys with one :func:`fold_form` are one model.
    2. "X-preview" and "X" are one model (the preview id of the same release) unless the arena rates
       both names (it saw two models), the maker's own API lists both (two releases at the maker),
       or the pair is in `keep_distinct` (curated, with a reason).
    3. A version written without its dot ("gpt-55", "claude-opus4-8") folds into the dotted spelling
       ("gpt-5.5", "claude-opus-4.8") when that spelling exists and the pair is not in
       `keep_distinct`; each such fold is appended to `version_folds` (the refresh report lists them).
    4. The canonical key is the spelling with the most maker offerings, then the most offerings,
       then the shortest, then alphabetical; every other spelling becomes an alias.
    """
    rated = {fold_form(k) for k in arena_rated}
    distinct = {fold_form(k) for k in keep_distinct}
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(fold_form(key), []).append(key)
    kept: list[str] = []
    for form in sorted(groups):
        if not form.endswith("-preview") or form not in groups:
            continue
        plain = form[: -len("-preview")]
        if plain not in groups:
            continue
        reason = None
        if form in rated and plain in rated:
            reason = "the arena rates both"
        elif any(keys[k].maker_offerings for k in groups[form]) and any(
            keys[k].maker_offerings for k in groups[plain]
        ):
            reason = "the maker's API lists both"
        elif form in distinct or plain in distinct:
            reason = "curated as different releases"
        if reason is not None:
            kept.append(f"{plain} / {form}: {reason}")
            continue
        groups[plain].extend(groups.pop(form))
    for form in sorted(groups):
        if form in distinct or form not in groups:
            continue
        for dotted in dotted_forms(form):
            if dotted in groups and dotted not in distinct:
                if version_folds is not None:
                    version_folds.append(
                        f"{', '.join(sorted(groups[form]))} -> {', '.join(sorted(groups[dotted]))}"
                    )
                groups[dotted].extend(groups.pop(form))
                break
    out: dict[str, str] = {}
    for members in groups.values():
        canonical = min(members, key=lambda k: (-keys[k].maker_offerings, -keys[k].offerings, len(k), k))
        for k in members:
            out[k] = canonical
    return out, kept


_ARENA_VARIANT_SUFFIXES: tuple[str, ...] = ("-instruct", "-it", "-chat", "-preview")


def arena_candidates(arena_key: str) -> list[tuple[str, str]]:
    """Candidate catalog keys for an arena key ("maker / name"), each with the rule that produced it.

    Order is priority: the explicit alias table, the normalised name itself, then the name with or
    without one instruction-tuning suffix ("-instruct", "-it", "-chat") or "-preview".
    """
    name = arena_key.split(" / ", 1)[-1]
    out: list[tuple[str, str]] = []
    if arena_key in ARENA_ALIASES:
        out.append((ARENA_ALIASES[arena_key], "alias table"))
    key = base_key(name)
    out.append((key, "normalised name"))
    for suffix in _ARENA_VARIANT_SUFFIXES:
        if key.endswith(suffix):
            out.append((key[: -len(suffix)], f"without {suffix}"))
    for suffix in _ARENA_VARIANT_SUFFIXES[:3]:
        if not key.endswith(suffix):
            out.append((key + suffix, f"with {suffix}"))
    return out


def join_arena(
    arena_key: str, catalog_keys: set[str], arena_keys: Iterable[str] = ()
) -> tuple[str, str] | None:
    """The catalog key an arena entry joins to and the rule used, or None (never a guess).

    A suffix-dropping rule ("without -preview") is skipped when the arena itself rates the shorter
    name (given in `arena_keys`): then the two are different entries and must not share a model.
    """
    rated = {base_key(k.split(" / ", 1)[-1]) for k in arena_keys if k != arena_key}
    for candidate, rule in arena_candidates(arena_key):
        if rule.startswith("without") and candidate in rated:
            continue
        if candidate in catalog_keys:
            return candidate, rule
    return None


_MOE_EXPERTS = re.compile(r"(?<![a-z0-9.])(\d+)x(\d+(?:\.\d+)?)b(?![a-z0-9])")
_TOTAL_ACTIVE = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)b-a(\d+(?:\.\d+)?)b(?![a-z0-9])")
_SIZE = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)([bmt])(?![a-z0-9])")


def parse_params(text: str) -> tuple[float | None, float | None, str] | None:
    """Parameter counts (total, active, how) in billions from a model id or name, or None.

    "235B-A22B" -> (235, 22); "8x7B" -> (56, None) as an upper bound (experts share layers);
    "32B" -> (32, None); "135M" -> (0.135, None); "1T" -> (1000, None).
    """
    low = text.lower().replace("_", "-").replace(" ", "-")
    m = _TOTAL_ACTIVE.search(low)
    if m:
        return float(m.group(1)), float(m.group(2)), f"parsed from name ({m.group(0)})"
    m = _MOE_EXPERTS.search(low)
    if m:
        total = int(m.group(1)) * float(m.group(2))
        return total, None, f"parsed from name ({m.group(0)}: experts x size, an upper bound)"
    m = _SIZE.search(low)
    if m:
        scale = {"b": 1.0, "m": 0.001, "t": 1000.0}[m.group(2)]
        return round(float(m.group(1)) * scale, 3), None, f"parsed from name ({m.group(0)})"
    return None
