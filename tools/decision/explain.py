"""The explainer: the decision's codes and numbers turned into sentences, in English or Chinese.

This is the one module where the core's words live. `decide` returns a Recommendation whose reasons,
trade-offs, eliminations, relaxations, risks, steps, assumptions and summary are `Reason` codes with
their numbers; `explain` writes the string fields from them (the same numbers in both languages), so
front ends that read the strings keep working and "why not X?" or a Chinese report is rendering.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from whichmodel.knowledge.units import from_usd, money
from whichmodel.tools.decision.adaptation_text import word_adaptation
from whichmodel.tools.decision.names import (
    FIELDS,
    capability_name,
    category_name,
    language_name,
    provider_display,
    source_name,
    value_name,
)
from whichmodel.tools.decision.result import (
    Candidate,
    CostEstimate,
    Lang,
    ModelChange,
    Param,
    Reason,
    Recommendation,
    Relaxation,
    SelfHostEstimate,
    as_float,
)


def _zh_field(path: str) -> str:
    """A requirements field as a Chinese sentence names it: its plain name in quotes, not its path."""
    return f"\u201c{FIELDS[path][1]}\u201d"


TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        # candidate reasons
        "quality": "Quality: {value} of 100 ({lower}\u2013{upper}) on {categories}, rank {rank} of {of} rated candidates{in_tier}",
        "in_tier": "; tied for the best public ratings",
        "in_tier_alone": "; the best public ratings, with no other model tied",
        "in_margin": "; within the margin your priority allows below the best public ratings",
        "unrated": "Quality: no public rating covers {task}: test it on your own examples before relying on it",
        "evidence_missing": "No rating for {categories}: this pick's quality there is unproven",
        "cost_api": "Cost: {monthly}/month, {per_1k} per 1,000 requests via {offering} ({inp} in, {out} out{thinking}; {source}, {as_of})",
        "cost_self": "Cost: {monthly}/month self-hosted on {replicas}x{gpus} {gpu} ({memory} GB needed, {quant})",
        "provider_tier": "Provider: {provider} ({tier})",
        "offerings": "Offerings: {trusted} trusted provider(s) pass{resellers}",
        "resellers": "; also listed by {n} reseller(s) or aggregator(s), not recommended (their terms and upstream are unverified)",
        "latency": "Latency: {latency}",
        "meets": "Meets: {items}",
        "meets_context": "context {context} tokens for {needed} needed",
        "meets_input": "input up to {context} tokens per text for {needed}-token inputs",
        "embed_chunking": "Input limit: {context} tokens per text, below the {stated} tokens you stated: "
        "split longer documents into chunks of at most {context} tokens before embedding them",
        "speech_languages": "Languages: {coverage}",
        "speech_covers": "documented to transcribe {languages} ({source})",
        "speech_misses": "not documented for {missing} ({source}): test before relying on it",
        "speech_unknown": "coverage of {languages} not documented: test on your audio",
        "embedding_languages": "Languages: {coverage}",
        "embed_covers": "documented for many languages: {stated} ({url})",
        "embed_english": "documented for English: {stated} ({url})",
        "embed_misses": "documented for English only: {stated} ({url}); not for {missing} text",
        "embed_unknown": "its languages are not documented in this tool's table: test it on your {languages} queries",
        "unrated_embedding": "Quality: MTEB/MMTEB, the public benchmark for embedding models, is not in this catalog snapshot: test retrieval on your own queries (recall@k on a small labelled set) before relying on it",
        "embed_basis_miracl": "its maker reports multilingual retrieval results (MIRACL)",
        "embed_basis_over_100_maker": "over 100 languages, per its maker",
        "embed_basis_over_100_card": "over 100 languages, per its model card",
        "embed_basis_xlmr_100": "100 languages, low-resource ones possibly weaker, per its model card",
        "embed_basis_multilingual_maker": "multilingual, per its maker",
        "embed_basis_english_only": "'only works for English texts', per its model card",
        "embed_basis_english_recommended": "its model card recommends it for English only",
        "embed_basis_english_maker": "English only, per its maker",
        "embed_basis_english_card": "English, per its model card",
        "embed_basis_english_code": "English and code, per its maker",
        "sensitive_ok": "Data: {sensitivity} data goes only to a {tier} offering with published data terms",
        "sensitive_self": "Data: {sensitivity} data stays on your own servers",
        "measured": "Measured on your examples ({probe_set}): {acc} correct ({ci}), n={n}; latency p95 {p95}",
        # trade-offs
        "free": "free",
        "cheaper": "{x}x cheaper than #1",
        "dearer": "{x}x the cost of #1",
        "quality_diff": "{d} quality points {word} than #1{shared}{overlap}",
        "higher": "higher",
        "lower": "lower",
        "overlap": " (intervals overlap)",
        "shared_ratings": " on the ratings both have (without {cats})",
        "no_rating": "no public rating to compare",
        "latency_vs": "est. p95 {a} vs {b} for #1",
        # latency wording
        "lat": "est. p95 {p95} ({ttft} to first token, then {gen} tokens{thinking} at ~{tps} tokens/s; {basis})",
        "lat_audio": "est. p95 {p95} (about 2 s of processing per audio minute; not measured)",
        "lat_embed": "est. p95 {p95} (an embedding returns a vector, no output tokens: the time is the provider overhead plus reading the input; {basis})",
        "lat_target_ok": ", within the {target} target",
        "lat_target_near": ", less than {margin} under the {target} target on a guessed speed (model size unknown): borderline, measure it",
        "lat_target_no": ", over the {target} target",
        "lat_thinking": " incl. {n} thinking",
        "per_m_tokens": "/M",
        "per_minute": "/min",
        "basis_active_params": "speed of a {b}B-active model (~180 tokens/s at 8B active, scaled by the square root of the active parameters)",
        "basis_name_tier": "speed of a small '{word}' tier (size unknown)",
        "basis_name_small": "speed of a small tier, by 'small' in its name (size unknown)",
        "basis_active_params_read": "prompt-read speed of a {b}B-active model (~20,000 tokens/s at 8B active, scaled by the square root of the active parameters)",
        "basis_size_unknown": "size unknown: a mid-size speed assumed",
        "basis_tier": "{tier} provider overhead",
        "basis_self_host": "decoding bound of the sized deployment on {n} x {gpu} (memory bandwidth over the model's bytes)",
        "basis_prefill": "prompt read at ~{n} tokens/s",
        "basis_cached": "the {n} cached prompt tokens at {share} of that time (prompt caching; assumed from the makers' published latency savings)",
        "basis_fast_host": "{provider} serves on inference-specific hardware (faster decoding)",
        "lat_audio_basis": "about 2 s of processing per audio minute",
        "relax_admits_budget": " Among the models that miss only the budget, the cheapest, {cheapest}, needs {cheapest_monthly}/month; the strongest, {best}, needs {best_monthly}/month.",
        # eliminations
        "wrong_task": "not a model for this kind of task (by its declared purpose)",
        "community_derivative": "a community derivative (uncensored or abliterated re-upload, merge, role-play finetune): no maker stands behind it",
        "retired": "retired (past its retirement date) or deprecated",
        "missing_modality": "cannot take the required input",
        "open_weights_required": "weights not openly available (open weights / self-hosting required)",
        "provider_not_allowed": "provider not on the allow-list",
        "untrusted_provider": "offering from an aggregator or unknown reseller, not used by default (allow them with deployment.provider_tiers)",
        "data_terms": "confidential data: not the maker's API or an enterprise cloud with published data terms",
        "residency": "not known to run in the region you require (the provider states another region, or none)",
        "tool_calling": "no tool calling",
        "structured_output": "no structured (JSON) output",
        "reasoning": "not a reasoning model",
        "context_too_small": "context window too small",
        "implausible_price": "implausible price (far below the maker's list): not planned on",
        "no_price": "no price in the catalog",
        "zero_price": "listed at $0 (free tier, trial or subscription plan): no pay-per-use price to plan on",
        "too_slow": "estimated p95 latency over the target",
        "over_budget": "over budget at the stated volume",
        "params_unknown": "parameter count unknown (cannot size self-hosting)",
        "impractical_build": "not a practical build: one copy needs more of these cards than one machine holds, and they have no fast link (NVLink) between machines",
        "too_many_gpus": "needs more GPUs than you have or will run (deployment.max_gpus)",
        # relaxations
        "budget_and_latency": "the budget and the latency target together",
        "relax_budget_and_latency": "Raise the budget and relax the latency target together (no single change admits a model): {model} is the cheapest at {monthly}/month ({per_1k} per 1,000 requests){slow_part}; each model below needs its own figures",
        "needs_budget_and_latency": "{model} needs {monthly}/month{slow_part}{capped_part}",
        "slow_part": " and a latency target of {p95}",
        "budget_gap": " The cheapest model that meets your other needs, {model}, costs {monthly}/month at this volume: {x}x the {budget} budget{slow}.",
        "budget_gap_slow": " (and it answers in about {p95}, over the {target} target)",
        "latency_floor": " No model that meets your other needs{reasoning} answers within the {target} target: the fastest, {model}, is estimated at {p95}{thinking_part}.",
        "latency_floor_reasoning": " (reasoning included)",
        "latency_cost": " The cheapest that also meets the {target} target, {model}, costs {monthly}/month.",
        "answer_floor": " {lead} Ways forward: stream the answer (the user waits for the first words, not the whole answer: they appear after about {first}, {first_p95} at p95{first_thinking}); {shorten}; or relax the target to at least {floor_p95}.",
        "answer_floor_alone": "The answer length alone rules the {target} target out: {output} answer tokens in {target} need about {needed_tps} tokens/s of decoding; the fastest decoding among them is {model}'s, about {tps} tokens/s, estimated as the {basis}, and at it the answer alone takes {answer}.",
        "answer_floor_part": "The fastest decoding among them is {model}'s, about {tps} tokens/s, estimated as the {basis}: the {output} answer tokens take {answer} at it; the rest is the time to the first token{thinking_word}.",
        "answer_first_thinking": ", once {n} thinking tokens are done",
        "answer_thinking_word": " and the thinking tokens",
        "answer_shorten": "shorten the answer (about {fits} tokens fit the target at that speed)",
        "answer_shorten_none": "shortening the answer alone does not help (at that speed not even the first words come within the target)",
        "speech_diarization": " Your use case needs speaker turns: of the models that fit, those whose makers document telling speakers apart are {documented}; the cheapest of them is {model} ({monthly}/month). For the others nothing is documented either way (check their makers' current pages), so use one of these, add a separate speaker-separation step, or check each on your recordings.",
        "speech_diarization_none": " Your use case needs speaker turns: none of the models that fit is documented to tell speakers apart, so plan a separate speaker-separation step, or check each on your recordings.",
        "risk_note": " Mind the risks of {model} for these requirements: {items}.",
        "relax_over_budget": "Raise the budget: {model} is the cheapest at {monthly}/month ({per_1k} per 1,000 requests); each model below needs its own figure",
        "relax_too_slow": "Relax the {target} latency target: the fastest, {model}, is estimated at {p95}{thinking_note}",
        "thinking_note": " (up to {n} of the tokens below are thinking: a smaller volume.thinking_tokens, or thinking turned off where the model allows it, is faster)",
        "step_relax": "choose one of the changes under “What relaxing a constraint would allow” and run the recommendation again",
        "colon": ": ",
        "relax_open_weights_required": "Allow proprietary (closed-weights) models through their maker's or an enterprise cloud's API",
        "relax_open_weights_self_host": "Allow proprietary (closed-weights) models through their maker's or an enterprise cloud's API instead of self-hosting (your data then leaves your infrastructure)",
        "needs_api": "{model} through {offering} ({tier}) at {monthly}/month",
        "relax_context_too_small": "Fit each request into {tokens} tokens (shorter prompts, chunking or retrieval)",
        "relax_context_too_small_document": "Accept a window of {tokens} tokens, smaller than the context you asked for but still enough for each {document}-token document and its answer",
        "relax_provider_not_allowed": "Allow more providers ({providers})",
        "relax_untrusted_provider": "Allow unverified resellers (deployment.provider_tiers: {tiers}; e.g. {providers}) after checking their terms",
        "relax_data_terms": "Use a host without published enterprise data terms (read its terms on retention and training use and sign its data-processing agreement first), or self-host an open model so the data stays on your servers (lowering the data sensitivity is right only if the data is not in fact confidential)",
        "relax_data_terms_open": "Use an open-weights model through a host without published enterprise data terms (read its terms on retention and training use and sign its data-processing agreement first), or self-host the same model so the data stays on your servers (lowering the data sensitivity is right only if the data is not in fact confidential)",
        "needs_data_terms": "{model} through {offering} ({tier} in {region}, {monthly}/month)",
        "relax_residency": "Self-host an open model in your region, or accept providers whose region is unknown or different, which admits",
        "relax_residency_none": "No offering in the catalog is known to run in {required} (providers often offer regions they do not list per model: ask yours for a {required} region and its data terms); otherwise self-host an open model in {required}, or accept providers whose region is unknown or different, which admits",
        "relax_params_unknown": "Size these models by hand (the catalog lacks their parameter counts)",
        "relax_quantization": "Run the weights at 4-bit (deployment.quantization: {quant}, AWQ or GPTQ checkpoints): better-rated models then fit the cards you have; check the 4-bit answers on your own examples",
        "quantized_route": " At 4-bit weights, {model} ({quality} of 100) fits the same {cards} {gpu} card(s): see the ways forward below, and check the 4-bit answers on your own examples.",
        "relax_too_many_gpus": "Run more GPUs than your {limit} (deployment.max_gpus): the smallest plan below needs {cards}; each model below needs its own count",
        "needs_gpus": "{model} needs {cards} {gpu} card(s) (copies x cards per copy){quant_note}, {monthly}/month",
        "needs_gpus_quant": " with its weights at {quant}",
        "relax_tool_calling": "Drop the need for tool calling",
        "relax_structured_output": "Drop the need for structured output",
        "relax_reasoning": "Drop the need for a reasoning model",
        "relax_missing_modality": "Turn the extra input into text before it reaches the model (PDFs made from text: extract their text in your pipeline; scans: run OCR first, which loses handwriting and layout, so check it on your own scans or keep a model that reads images; audio: transcribe it first), so that text models qualify",
        "relax_combination": "No single change admits a model: several constraints bind at once; relax the budget and the strictest capability need together",
        "relax_closest_plans": "No single change admits a model: several of your limits bind at once ({limits}). What each model for this task would take, on your own hardware without those limits and through the cheapest hosted API your other requirements allow",
        "needs_levers": "{model}: on your premises {cards} {gpu} card(s) ({quant}), about {monthly}/month, p95 about {p95}{api_part}",
        "levers_api": "; hosted through {api_provider} (the data then leaves your premises), about {api_monthly}/month, p95 about {api_p95}",
        "levers_no_api": "; no hosted offering your other requirements allow",
        "limit_cards": "{limit} GPU(s)",
        "limit_budget": "a {budget_usd}/month budget",
        "limit_target": "a {target} answer time",
        "closest_plan": " The closest, {model}, would need {cards} {gpu} card(s) on your premises, about {monthly}/month with a p95 of about {p95} (your limits: {limits}){api_part}.",
        "relax_quality_levels": "What each quality level costs at this volume",
        "relax_owned_hardware": "Buy the machine instead of renting GPUs by the hour: a workstation with up to {max_cards} {gpu} cards (about {card} each, plus about {base} for the rest of the machine), written off over {months} months, with power at about {power}/month, runs these open models at 4-bit on your own premises{cn_note}. Someone has to install and look after it: without IT staff, ask a supplier for a maintained all-in-one appliance with a service contract; and check the 4-bit answers on your own examples",
        "owned_route": " Those figures are GPUs rented around the clock. Bought instead, one workstation on your premises with a {gpu} card runs {model} ({quality} of 100) at 4-bit for about {monthly}/month over three years, power included: within your budget, and the data never leaves the building (see the first way forward below).",
        "owned_cn_note": " (the {gpu} is the version made for sale in mainland China under the US export rules of 2023; later rules may cover it too, so confirm with your supplier that it can deliver it, or re-size on the card it can)",
        "owned_source": "indicative 2026 street prices (card and machine), 36-month write-off, $0.12/kWh",
        "owned_source_server": "indicative 2026 purchase prices of data-centre cards and of a server host (they vary by vendor and volume), 36-month write-off, $0.12/kWh",
        "owned_chosen": "On GPUs rented around the clock {rented_model} would cost {rented_monthly}/month, over your {budget} budget; so this plan is hardware you buy: {cards} {gpu} card(s) in one workstation on your premises, running the model at 4-bit{cn_note}, bought once for about {upfront} and written off over {months} months in the monthly figures below. The data never leaves the building, and the ratings below were earned at full precision: check the 4-bit answers on your own examples. ",
        "sh_owned": "{cards} {gpu} card(s) bought for your premises (about {card} each, plus about {base} per machine for the rest), written off over {months} months, with power at about {power}/month per machine{cn_note} ({source}); someone has to install and look after it: without IT staff, ask a supplier for a maintained all-in-one appliance with a service contract",
        "needs_owned": "{model} on {cards} x {gpu} at {quant}: about {monthly}/month",
        "relax_levers": "Levers for {model} (now {monthly}/month): {items}",
        "lever_half_prompt": "half the prompt tokens \u2192 {v}/month",
        "lever_cached": "75% of the prompt from the cache \u2192 {v}/month",
        "lever_route": "route 80% of requests to {model} \u2192 {v}/month",
        "lever_batch": "send them through the provider's batch API (results within 24 hours, half price) \u2192 {v}/month",
        "needs_budget": "{model} needs {monthly}/month {volume}{capped_part}",
        "at_this_volume": "at this volume",
        "at_earlier_volume": "at the earlier volume",
        "capped_part": " (at {n} thinking tokens per request, as in the ranking, which caps thinking to fit the {target} latency target)",
        "capped_short_part": " (at {n} thinking tokens per request, the fewest its thinking is planned with: even there it misses the {target} latency target)",
        "needs_latency": "{model} is estimated at {p95}{thinking_part}",
        "thinking_part": " (incl. {n} thinking tokens)",
        "needs_context": "{model} holds {context} tokens",
        "needs_untrusted_provider": "{model} through {offering} ({tier}, {monthly}/month)",
        "needs_other": "{model}",
        "quality_level": "{band} quality ({quality} of 100): {model} needs {monthly}/month{capped_part}",
        "band_top": "top",
        "band_high": "high",
        "band_good": "good",
        "band_mid": "mid",
        "band_low": "lower",
        # summary
        "none_fits": "No model in the catalog meets every requirement.",
        "worst": " Of the constraints you set, the one that removed the most models (each model counted once) was: {label} ({count} models).",
        "infeasible_latency": " Infeasible latency: the fastest otherwise-qualifying model, {model}, is estimated at {p95} against the {target} target.",
        "relax_admits": " {constraint}: relaxing it admits {models}.",
        "lead": "Start with {model} ({how}): of the {passing} models that meet all your must-haves for {task}, {rule}, at {cost} for {requests} requests.",
        "route_moderation": "This is content moderation: the shortlist is the {n} models built for it (safety classifiers), not general chat models; test them on your policy's labelled examples. ",
        "route_general": "No model built for moderation meets your constraints: general models are ranked as a classification task instead. ",
        "rule_best_in_tier": "it is rated highest of the {n} top models whose public ratings are too close to call (quality first)",
        "rule_dead_heat": "it is tied for the best public ratings of the {n} top models too close to call: {rival} is rated only {gap} of 100 points higher, far less than the ratings can tell apart, at {x}x the cost ({rival_monthly}/month), so the tie goes to the cheaper (quality first)",
        "rule_dead_heat_same": "it is tied for the best public ratings of the {n} top models too close to call: {rival} has the same rating at {x}x the cost ({rival_monthly}/month), so the tie goes to the cheaper (quality first)",
        "rule_dead_heat_faster": "it is tied for the best public ratings of the {n} top models too close to call: {rival} is rated only {gap} of 100 points higher, far less than the ratings can tell apart, but is estimated at {rival_p95} against {lead_p95} for this one, at the edge of your answer-time target, for no lower cost, so the tie goes to the faster ({prio})",
        "rule_alone": "it has the best public ratings, and no other model is tied with it (quality first)",
        "prio_quality": "quality first",
        "prio_balanced": "balanced priority",
        "lifecycle_demoted_retiring_quality": " {model} is rated higher than {pick} but retires on {date} ({days} days after the reference date): it is shown after {pick}, which lasts.",
        "lifecycle_demoted_preview_quality": " {model} is rated higher than {pick} but is a preview release{stable}: it is shown after {pick}, a stable release.",
        "lifecycle_demoted_retiring_value": " {model} is cheaper than {pick} and rated at least as high, but retires on {date} ({days} days after the reference date): it is not proposed as the value pick.",
        "lifecycle_demoted_preview_value": " {model} is cheaper than {pick} and rated at least as high, but is a preview release{stable}: it is not proposed as the value pick.",
        "lifecycle_demoted_listing_quality": " {model} is rated higher than {pick} but only on a preview listing at {listing} (its generally available listings miss your constraints): it is shown after {pick}.",
        "lifecycle_demoted_listing_value": " {model} is cheaper than {pick} and rated at least as high, but only on a preview listing at {listing}: it is not proposed as the value pick.",
        "value_context_tight": " {model} is cheaper than {pick} and rated at least as high, but its context window ({context} tokens) leaves only {spare} over an average request ({request} tokens): it is not proposed as the value pick.",
        "lifecycle_stable": " (its maker's stable release is {stable})",
        "latency_holds_back": " Stronger models are ruled out only by the {target} answer-time target: {model} ({quality} of 100, against {pick_quality} for {pick}) is estimated at {p95}{at_cap}; a target of about {p95} would admit it at {monthly}/month{at_usual}.{skipped}{near}",
        "holds_near": " A smaller step already helps: a target of about {near_p95} would admit {near_model} ({near_quality} of 100) at {near_monthly}/month{near_cap}.",
        "holds_near_cap": " with its thinking cut to {cap} tokens",
        "holds_skipped": " (A smaller change would admit {models}, but each retires soon or is a preview release: not a target to plan on.)",
        "holds_skipped_one": " (A smaller change would admit {models}, but it retires soon or is a preview release: not a target to plan on.)",
        "holds_at_cap": " with its thinking cut to {cap} tokens (a quarter of its usual {usual})",
        "holds_at_usual": "; at its usual thinking it takes about {usual_p95} and costs {usual_monthly}/month",
        "held_back_quality": " {model} is rated higher than {pick} but {why}: it is shown after {pick}.",
        "held_back_value": " {model} is cheaper than {pick} and rated at least as high, but {why}: it is not proposed as the value pick.",
        "held_latency_over_target": "is estimated just over your answer-time target",
        "held_foreign_law": "would send your confidential data to a provider under another country's law",
        "held_price_below_typical": "is listed far below the price its other sellers charge (a warning, not a price to plan on)",
        "held_not_offered_cn": "is not offered where you are (by its maker's or its provider's own list)",
        "held_china_law": "is sold only through providers under Chinese law, and your data is confidential",
        "held_retires_soon": "retires within six months",
        "held_baa_unconfirmed": "goes through a provider that does not offer a HIPAA business associate agreement as standard",
        "held_quantized": "fits your cards only with its weights quantized below the precision its public ratings were earned at",
        "held_out_of_mainland": "would send your confidential data out of mainland China, to a provider under another country's law (a cross-border transfer under PIPL)",
        "warn_not_offered_cn": "not offered in mainland China",
        "warn_not_offered_hk": "not offered in Hong Kong",
        "not_offered_hk": "{model} through {provider}: {model} is not offered in Hong Kong (its maker's supported-countries list leaves Hong Kong out, and it binds every reseller); choose a model offered there (DeepSeek, Qwen, Kimi, GLM...)",
        "warn_not_offered_cn_us_provider": "{provider}, a US provider, is generally not offered in mainland China",
        "not_offered_cn_us_provider": "{model} through {provider}: US providers' AI services are generally not offered in mainland China (check with {provider}){inferred}; in mainland China choose a model served there (DeepSeek, Qwen, Kimi, GLM, Doubao...); outside it (Taiwan, Singapore...) say where you are (`location`) and this warning goes",
        "not_offered_cn": "{model} through {provider}: {model} is not offered in mainland China (its maker's or {provider}'s supported-countries list){inferred}; in mainland China choose a model served there (DeepSeek, Qwen, Kimi, GLM, Doubao...); outside it (Taiwan, Singapore...) say where you are (`location`) and this warning goes",
        "held_thinking_cut": "meets your answer-time target only with its thinking cut below a quarter of its usual budget or of the thinking its ratings were earned at",
        "price_below_typical": "{model} through {provider} is priced at {ratio} of this model's usual price; at the usual price it would cost about {monthly}/month: confirm the price and the build served (full precision or quantised) with the seller before planning on it",
        "maker_price_promo": "{maker}'s own price for {model} is {ratio} of what other sellers charge: confirm it is not a time-limited discount; at their price it would cost about {monthly}/month",
        "warn_price_below_typical": "priced at {ratio} of its usual price: confirm",
        "warn_maker_price_promo": "the maker's own price is {ratio} of other sellers' (perhaps a limited-time offer): confirm it lasts",
        "warn_baa": "confirm {provider} signs a HIPAA BAA first",
        "warn_no_diarization": "not documented to tell speakers apart: add a speaker-separation step",
        "warn_embed_english_only": "documented for English only",
        "embedding_checks": "Retrieval quality is not measured here: test it on your own queries{per_language} before you index the corpus; switching embedding models later means re-embedding every document",
        "embedding_checks_langs": " in each language ({languages}: recall@k per language)",
        "embed_language_misses": "{model} is documented for English only ({stated}; {url}): not for {missing} text; it is shortlisted after the models documented for your languages",
        "speakers_needed": " (which your use case needs, even with a model documented to do it)",
        "speakers_maybe": " (if you need who said what)",
        "no_diarization": "{model} is not documented to tell speakers apart, which your use case needs: pair it with a separate speaker-separation step (its cost and accuracy to test) or use a model whose maker documents it",
        "baa_unconfirmed": "{model} through {provider}: patient data may go only to a provider that signs a HIPAA business associate agreement for this service; {provider} is not known to sign one covering its AI inference service the way the big clouds do, so confirm it in writing before any patient data is sent, or use a cloud listing of a model that has one",
        "baa_passed_over": " Rated higher but sold only through providers that do not sign a HIPAA business associate agreement as standard ({provider}): {model} ({quality} of 100, {monthly}/month), so the picks above go through clouds that do (AWS Bedrock, Azure, Google Vertex). If {provider} signs one covering its AI inference service, it returns to the ranking.",
        "china_law_passed_over": " Rated higher but sold only through providers under Chinese law ({provider}), where your confidential data would be subject to Chinese law: {model} ({quality} of 100, {monthly}/month), so the picks above are providers under other laws. If the data is not in fact confidential, say so (e.g. “the data isn't confidential”; in a requirements file, the “Data sensitivity” field) and it returns to the ranking.",
        "cn_passed_over_hk": " Rated higher but not offered in Hong Kong: {model} ({quality} of 100, {monthly}/month), so the picks above are models offered there.",
        "cn_passed_over": " Rated higher but not offered in mainland China{inferred}: {model} ({quality} of 100, {monthly}/month), so the picks above are models you can buy there. If you are in Taiwan or Singapore (where the US makers do offer their services; Hong Kong is on none of their lists), say so (e.g. “we're in Taiwan”; in a requirements file, the “Where you are” field) and it returns to the ranking.",
        "cn_passed_over_stated": " Rated higher but not offered in mainland China: {model} ({quality} of 100, {monthly}/month), so the picks above are models you can buy there.",
        "lifecycle_alone": " No lasting model is as good as {model} within the ratings' margin of error, so it stays {where} despite its warning; the highest-rated lasting alternative is {lasting} ({quality} of 100, {monthly}/month{retires}): plan the move.",
        "alone_retires": "; it too is announced to retire, on {date}",
        "alone_first": "first",
        "alone_quality": "the quality pick",
        "warn_retiring": "retires on {date}",
        "foreign_jurisdiction": "{model} through {provider}: {data} would go to a provider under the law of {jurisdiction}, not {region}{inferred}; data-access requests there can reach it whatever the data centre: check the terms, or choose a provider under your own jurisdiction or self-host{transfer}",
        "jur_confidential": "confidential data",
        "jur_personal": "voice recordings (personal data)",
        "transfer_cn": "; personal information sent abroad from China falls under the PIPL's cross-border rules (separate consent, and a standard contract, a certification or a security assessment)",
        "transfer_eu": "; personal data sent to a provider outside the EU needs GDPR transfer safeguards (an adequacy decision or standard contractual clauses)",
        "voice_personal_data": "Voice recordings are treated as personal data (a voice identifies its speaker; calls carry names and numbers), so the rules for sending personal data abroad are applied{where} (assumed: data.sensitivity was left at internal; set it to public if the recordings hold no personal data)",
        "voice_where_cn": " for you in China{inferred}, under the PIPL",
        "voice_where_eu": " for you in the EU{inferred}, under the GDPR",
        "jur_restricted": "restricted data",
        "jur_source_code": "source code",
        "jur_internal": "internal business data",
        "home_law_alternative": "Under your own law ({region}): {model} through {provider} (#{rank}, {quality} of 100, {monthly}) is the highest-ranked shortlisted option whose provider is not under another country's law; if your data-protection officer rules such providers out for this data, test it beside the picks",
        "home_law_value": "Under your own law ({region}): the value pick, {model} through {provider} (#{rank}, {quality} of 100, {monthly}), is the highest-ranked shortlisted option whose provider is not under another country's law; if your data-protection officer rules such providers out for this data, it is the one to test first",
        "home_law_text_pdf": "Under your own law ({region}): every shortlisted option goes to a provider under another country's law, because the models of providers under yours do not take PDF files. If your PDFs are made from text (not scans), extract their text in your pipeline and send it as text: then {model} through {provider} ({quality} of 100, {gap} points below {pick}, about {monthly}/month) qualifies under your own law; scanned PDFs would need OCR first, checked on your own scans",
        "foreign_jurisdiction_unknown": "{model} through {provider}: {data} would go to a provider under the law of {jurisdiction}; data-access requests there can reach it whatever the data centre: check the terms, or choose a provider under your own jurisdiction or self-host{transfer}",
        "jur_inferred": " (your region inferred from your languages)",
        "jur_parent": " (its parent group is under the law of {parent})",
        "jur_law": "{where}",
        "warn_no_rating": "no rating for {categories}",
        "warn_preview": "preview release",
        "warn_preview_baa": ", usually outside a cloud's HIPAA terms",
        "warn_capped": "thinking capped at {cap} tokens",
        "warn_capped_adaptive": "thinking held to about {cap} tokens by a low effort level (this model takes no token budget: an estimate)",
        "warn_thinking_off": "thinking turned off",
        "quantized_rating": "{model} is run at 4-bit here, while its public ratings were earned at full precision: 4-bit usually costs a little accuracy, more on long or exacting answers; compare it on your own examples before relying on it",
        "warn_thinking_minimal": "thinking at its lowest level, \u201cminimal\u201d",
        "off_how": "(a request setting on most hybrid models: confirm this one allows it)",
        "off_how_omit": "(leave the thinking setting out of the request: this model refuses an explicit \u201cdisabled\u201d)",
        "off_how_minimal": "(in practice its lowest thinking level, \u201cminimal\u201d, as it has no true \u201coff\u201d; minimal may still think a little on hard requests, so measure it)",
        "off_how_explicit": "(send thinking \u201cdisabled\u201d in every request: this model thinks by default when the setting is left out)",
        "at_cap": "{cap} thinking tokens per request, {why_cap}",
        "at_cap_adaptive": "about {cap} thinking tokens per request at a low effort level (this model takes no token budget, so the figure is an estimate), {why_cap}",
        "at_cap_pick": "at {cap} thinking tokens per request, {why_cap}",
        "at_cap_pick_adaptive": "at about {cap} thinking tokens per request, a low effort level (this model takes no token budget, so the figure is an estimate), {why_cap}",
        "at_off": "thinking turned off {off_how}, as even a quarter of its usual thinking misses the {target} target",
        "at_off_pick": "with its thinking turned off {off_how}, as even a quarter of its usual thinking misses the {target} latency target{floor_part}",
        "floor_part": " (at that quarter, {floor} thinking tokens, it would cost {floor_monthly}/month and take about {floor_p95}: the route to weigh if answers may take that long)",
        "thinking_capped_figures": "Thinking capped: {at_cap} ({monthly}/month, {p95}); at its usual {usual} thinking tokens it would cost {usual_monthly}/month{over} and take {usual_p95}",
        "capped_over": " (over the {budget} budget)",
        "cap_meets": "capped to meet the {target} latency target",
        "rated_effort": "its public ratings were earned at the \u201c{effort}\u201d thinking setting (about {rated} thinking tokens, an estimate), not at this one",
        "rated_effort_unknown": "its public ratings do not say at what thinking setting they were earned (the usual {usual} tokens are this tool's assumption)",
        "cap_short": "cut as far as this task allows, which still leaves it at about {p95}, over the {target} latency target",
        "capped_pick": " The figures for {model} are {at_cap_pick}; at its usual {usual} thinking tokens it would cost {usual_monthly}/month{over} and take about {usual_p95}, and {rated}.",
        "capped_quality_unverified": "{model} is planned {at_plan} (its usual budget is {usual} tokens); {rated}: its quality at that setting is unverified",
        "plan_cap": "with thinking capped at {cap} tokens per request",
        "plan_cap_adaptive": "at a low effort level, about {cap} thinking tokens per request (an estimate: this model takes no token budget)",
        "plan_off": "with its thinking turned off",
        "step_accuracy_bar": "set the accuracy bar first: run {model} ({quality} of 100) on your examples without the {target} limit; keep {pick} ({pick_quality}) only if it comes close to that bar on the same examples, otherwise your {target} target is costing you accuracy (in production {model} would take about {p95}{at_cap}, {monthly}/month{at_usual})",
        "step_check_quantized": "check {model}'s quality at {quant} on your examples before relying on it: it is planned with its weights quantized from {released} to {quant} to fit your cards, and its public ratings were earned at full precision; compare a sample of its {quant} answers with the same model's answers at full precision through an API, or with your reference answers",
        "step_probe_capped": "probe {model} on your examples at the capped setting ({cap} thinking tokens, or its lowest reasoning effort) and at its usual thinking: keep the cap only if accuracy holds; otherwise relax the {target} latency target or choose a model that meets it without a cap",
        "warn_preview_listing": "preview listing at {provider}",
        "preview_listing": "{model} is a preview listing at {listing}: the provider may change or withdraw it at short notice; prefer a generally available offering for production",
        "preview_listing_ga": "{model} is a preview listing at {listing}: the provider may change or withdraw it at short notice. Its generally available offerings miss only the {target} answer-time target: through {ga_provider} it is estimated at {ga_p95}{at_cap} for {ga_monthly}/month{at_usual}: if the preview listing goes, that is the way to keep this model, with the target relaxed to about {ga_p95}; otherwise fall back to another model that meets the target",
        "rule_cheapest_in_tier": "it is the cheapest of the {n} models whose public ratings come within the balanced margin of the best",
        "rule_tied_in_tier": "it is the cheapest model tied with the best public ratings: of the {n} models within the balanced margin, the cheaper ones are rated clearly lower and would save less than a further quarter of the quality pick's bill",
        "rule_cheapest_reaching_floor": "it is the cheapest whose public ratings come within reach of the best (priority: cost)",
        "rule_rated_for": ", counting only models with a rating for {cats} (cheaper ones have none)",
        "rule_cheapest_unrated": "no public rating covers this task, so it leads the shortlist to test, the maker's own models first, then by cost",
        "rule_speech_coverage": "no public rating covers speech recognition, so it leads the shortlist to test on your audio: documented coverage of your languages first, the maker's own models next, then price per audio minute",
        "rule_speech_coverage_speakers": "no public rating covers speech recognition, so it leads the shortlist to test on your audio: documented coverage of your languages first, then telling speakers apart as its maker documents (you need speaker turns), the maker's own models next, then price per audio minute",
        "rule_embedding_coverage": "MTEB, the public benchmark for embedding models, is not in this catalog snapshot, so it leads by what the makers document: coverage of your languages first, then a maker's larger or newer model before its smaller or older one, the maker's own API next, then cost",
        "rule_balanced": " (priority: balanced counts a model as close enough when its likely range of ratings comes within 5 points of the best one's; its own score can be further below)",
        "rule_measured_best": "it meets the bar on your examples at the lowest cost",
        "how_self": "self-hosted",
        "how_api": "through {provider}, {tier}",
        "cost_unknown": "cost unknown",
        "per_month": "{monthly}/month",
        "rests_on": " Its quality rests on {categories}{missing}{weak}.",
        "rests_weak": "; weaker on {items}: check that on your own examples",
        "rests_missing": "; no rating for {missing}",
        "no_public_rating": " Public ratings do not cover {task}: the pick is a shortlist to test.",
        "no_public_rating_embedding": " Before choosing, test retrieval on your own queries (recall@k on 50-100 labelled queries): that, and the MTEB/MMTEB results for your languages, is the quality evidence this shortlist does not have.",
        "value": " Value pick to try next on your examples: {model} ({cost}{x}{d}){tied}{missing}.",
        "value_missing": "; it has no public rating for {cats}, so check that first",
        "quality_pick": " Quality pick, the strongest that fits{passed}: {model} ({cost}{x}{d}); {lead} is the value pick against it: compare both on your examples.",
        "passed_over": " (after the higher-rated {names}, which retire soon or are preview releases: see the table)",
        "passed_over_one": " (after the higher-rated {names}, which retires soon or is a preview release: see the table)",
        "quality_x": ", {x}x the cost",
        "headroom": " Nothing that fits costs less on the same GPUs; {model} is as good on public ratings and serves {capacity_x}x the requests on them: the one to try if the volume grows.",
        "quality_d": ", {d} of 100 points {word} on public ratings",
        "quality_d_shared": ", {d} of 100 points {word} on the public ratings both have (not counting {cats})",
        "value_tied": ": as good on public ratings within their margin of error; check it on your own examples",
        "value_tied_best": ": as good on public ratings as the top-rated {best} within their margin of error; check it on your own examples",
        "value_near": ": lower on public ratings (their likely ranges come within {within} points without overlapping), so take it only if it does as well on your own examples",
        "value_near_best": ": lower on public ratings (its likely range comes within {within} points of the top-rated {best}'s without overlapping it), so take it only if it does as well on your own examples",
        "value_cheaper": ": the best-rated model costing at most half as much (the models ranked between them cost more, or carry more warnings), with a quality gap to check on your examples",
        "value_x": ", {x}x cheaper",
        "no_value_cheaper": "no cheaper candidate meets your requirements",
        "no_value_trivial_saving": "{model} would save only {saving}/month on a {lead_monthly}/month bill for {d} points less on public ratings: too little to be worth testing a weaker model",
        "no_value_trivial_unrated": "{model} would save only {saving}/month on a {lead_monthly}/month bill: too little to be worth testing a model further down the shortlist",
        "no_value_small_saving": "{model} is only {x}x cheaper for {d} points less on public ratings (a lower-rated value pick must cost at most {share} of the quality pick)",
        "no_value_unrated": "no public rating covers the cheaper {models}{more}",
        "no_value_provisional": "the cheaper {models}{more}: retiring soon, a preview release or held back by a warning",
        "no_value_more": " and {n} more",
        "value_capacity": ", the same GPU bill but {x}x the requests per GPU at capacity",
        "value_d": ", {d} of 100 points {word} on public ratings",
        "value_d_shared": ", {d} of 100 points {word} on the public ratings both have (not counting {cats})",
        "strongest": " The highest-rated qualifying model is {model} ({quality} of 100, {cost}){why}.",
        "strongest_missing": ", ranked lower because it has no rating for {missing}",
        "strongest_price": ", not the quality pick because that price must be confirmed before planning on it",
        "strongest_soon": ", not proposed because it retires within six months: a project started now would barely go live on it before migrating again",
        "also_retiring": " Also rated higher and not proposed for the same reason: {items}.",
        "also_retiring_item": "{model} ({quality} of 100, retires on {date}, {cost}/month)",
        "strongest_tier": ", tied with it on public ratings at a higher cost",
        "strongest_priority": ", ranked after cheaper models of comparable quality because cost comes first in your priority",
        "path": " Suggested path: {approach}.",
        "accuracy": " Public ratings cannot confirm a {target} accuracy target: measure it on your own examples before committing.",
        "no_evidence": " No public rating covers {capabilities}, so the ranking cannot show which model does it best (nor that any of them does it badly): test the shortlist on your own examples of it.",
        # risks
        "no_candidate": "no candidate meets the requirements as stated",
        "unrated_pick": "the top pick, {model}, has no public rating for this task: its quality is unknown until probed",
        "retiring_soon": "{model} is announced to retire on {date} ({days} days after the reference date): plan the move",
        "evidence_missing_risk": "{model} has no rating for {categories}: its quality there is unproven until probed",
        "preview_model": "{model} is a preview release: it may change or be withdrawn at short notice; prefer a stable release for production{stable}, or plan to re-test when it becomes stable",
        "latency_estimated": "latency is an estimate ({p95} p95 for the top pick: {basis}), not a measurement",
        "accuracy_unverified": "the {target} accuracy target is unverified until tested on your data",
        "one_provider": "the top three all depend on one provider ({provider})",
        "context_tight": "{model}'s context window ({context} tokens) leaves only {spare} over an average request ({request} tokens): a longer prompt, or another tokenizer's count, overflows it",
        "residency_question": "personal data: if your users are in {regions} (guessed from the languages), where may their data be processed? Set deployment.data_residency (e.g. {first}) before choosing",
        "residency_question_stated": "personal data: your users are in {regions} (as you stated): where may their data be processed? Set deployment.data_residency (e.g. {first}) before choosing",
        "rated_thinking_on": "{model} is priced with its thinking off ({monthly}/month), as this task does not need it, but its public ratings were earned at the \u201c{effort}\u201d thinking setting: with thinking on (at least about {tokens} tokens per request) it would cost about {monthly_on}/month{over}{deep_part}; compare both settings on your examples",
        "self_host_premium": " Running {model} on your own GPUs costs {monthly}/month at this volume; the same model through {provider}'s API would cost about {api_monthly}/month ({x}x less), because rented GPUs are paid around the clock and an API per use. Self-host only if the data must not leave your servers{break_even}.",
        "self_host_break_even": ", or above about {n} requests a month",
        "health_law": "Health records{where}: {law}",
        "in_place": " in {place}",
        "health_law_ca": "PHIPA in Ontario (each province has its own health-privacy law; PIPEDA covers private-sector personal information) makes the clinic answerable for any AI service it uses: the Ontario privacy commissioner's January 2026 guidance on AI scribes asks for a privacy impact assessment, patients' informed consent, a clinician's review of every note and a written agreement with the vendor; prefer processing in Canada where a provider offers it",
        "health_law_cn": "medical and health information is sensitive personal information under the Personal Information Protection Law (Articles 28-29: separate consent; Article 55: a protection impact assessment beforehand); records also fall under the medical-record management rules and the 2022 rules on network security in medical institutions: keeping processing on your own premises is the safest route, and any outside service needs an agreement and an assessment first",
        "health_law_eu": "health data is a special category under GDPR Article 9: a lawful basis and an Article 9 condition, a data-protection impact assessment (Article 35) and a processor agreement (Article 28) before any health data is sent",
        "health_law_uk": "health data is special-category data under the UK GDPR: a data-protection impact assessment and a processor agreement before any health data is sent; for NHS work, the Data Security and Protection Toolkit too",
        "health_law_au": "health information is sensitive information under the Privacy Act 1988: consent to collect it, and reasonable steps (APP 8) before it is disclosed to a provider overseas",
        "health_law_tw": "medical records are special personal data under Taiwan's Personal Data Protection Act (Article 6): collected, processed or used only in the cases the law allows, with written consent or a legal basis",
        "health_law_hk": "health data is personal data under the Personal Data (Privacy) Ordinance: tell patients what it is used for, keep it secure, and bind any outside processor by contract (DPP 2 and 4)",
        "health_law_sg": "health data is personal data under the PDPA (and the Healthcare Services Act for licensed providers): consent or an exception, protection obligations, and a data-processing contract with any outside service",
        "sensitive_health": " (for US health data, a HIPAA business associate agreement: confirm the provider signs one for this service before any patient data is sent; the big clouds (AWS Bedrock, Azure, Google Vertex) offer one as standard, a model maker's own API may not)",
        "made_in_china_policy": "{model} is made by {maker}, a company in mainland China. Through {provider} your data is under that provider's terms and law, but many organisations' procurement and security policies, and some governments' rules for public bodies, bar models made in China whoever serves them: check yours before you build on it",
        "no_local_processing": "None of the shortlisted offerings is known to process data in {region}: the catalog records data regions for few providers. If your law or policy needs your data processed in {region}, ask the provider whether it serves the model from a data centre in {region} and put that in the contract, or self-host; otherwise the data is processed abroad",
        "sensitive_data": "{sensitivity} data: only the maker's API or an enterprise cloud with published data terms (or self-hosting) is shortlisted; check the terms (retention, training use, region) and sign the provider's data-processing agreement{health} before sending data",
        "sensitive_data_eu": "{sensitivity} data: only the maker's API or an enterprise cloud with published data terms (or self-hosting) is shortlisted; check the terms (retention, training use, region) and sign the provider's data-processing agreement (GDPR Article 28; for transfers outside the EU, its transfer safeguards) before sending data",
        "sensitive_data_cn": "{sensitivity} data: only the maker's API or an enterprise cloud with published data terms (or self-hosting) is shortlisted; check the terms (retention, training use, region) and sign the provider's data-processing agreement before sending data (personal information falls under the PIPL, and sending it abroad needs the cross-border transfer procedures)",
        "warn_borderline": "est. {p95}, just over the {target} target",
        "warn_near": "est. {p95}, borderline for the {target} target (size unknown): measure",
        "latency_near_target": "{model} is estimated at {p95}, less than {margin} under your {target} target, and the estimate guesses its speed (model size unknown): borderline; measure its answer time before committing",
        "latency_borderline_list": "Estimated latency just over your {target} answer-time target, kept because estimates are rough (up to {margin} over still passes): {models}; measure their answer time before committing",
        "latency_borderline_list_guessed": "Estimated latency over your {target} answer-time target, kept because estimates are rough (up to {margin} over still passes, up to {guessed_margin} where the decoding speed is a guess because the model's size is unknown: served models run from about half to about twice such a guess): {models}; measure their answer time before committing, and take the next model that meets the target if one does not",
        "client_confidentiality": "Client confidentiality: a lawyer's duty of confidentiality covers client documents{law}; before sending them to any outside API, check your professional rules and engagement terms (client consent, or removing names and identifying details), whatever the provider's data terms say",
        "client_confidentiality_cn": " (in mainland China, Article 38 of the Lawyers Law: commercial secrets and clients' privacy learnt in practice)",
        "public_sector_tw": "Public agencies in Taiwan: Taiwan restricts its agencies' use of ICT products of Chinese brands (Executive Yuan, 2019) and of AI services from Chinese makers (agencies were told not to use DeepSeek in 2025), so providers under Chinese law and models made in mainland China, whoever serves them, are kept out of the picks; citizens' data falls under the Personal Data Protection Act: check your agency's rules before choosing any model",
        "mainland_audience_script": "Simplified Chinese for mainland readers: the copy is for a mainland platform, so it must come in Simplified characters with mainland usage, though you write from {place}; say it in the instructions and check it on your own examples",
        "traditional_script": "Traditional Chinese: answers must come in Traditional characters with {place} usage (not Simplified, nor mainland terms); most models learnt mostly from Simplified text, so check this on your own examples and say it in the instructions",
        "content_rules_cn": "Publishing in mainland China: AI-generated content must be labelled under the Measures for Labelling AI-Generated Synthetic Content (in force since 1 September 2025); ad copy may not use the absolute claims the Advertising Law bans (\u201cbest\u201d, \u201cnumber one\u201d), cosmetics efficacy claims need evidence, and platforms have rules on undisclosed paid promotion: have a person check each piece before it is published",
        "payment_cards": "Payment cards: if {where} carry card numbers, PCI DSS applies to every system that stores or sends them, this one included: redact card numbers before {what} reach any provider (pause recording during payment, or automatic redaction) and keep them out of test sets",
        "speech_checks": "What no catalog shows, to test on your own recordings: telling speakers apart{speakers}, long files (providers cap upload size and length: split long recordings), phone-line or noisy audio, and your names and jargon",
        "latency_borderline": "{model} is estimated at {p95}, just over your {target} target: kept because estimates are rough (up to {margin} over still passes); measure its answer time before committing",
        "latency_borderline_guessed": "{model} is estimated at {p95}, over your {target} target, but on a guessed decoding speed (its size is unknown; served models run from about half to about twice such a guess): kept, as up to {margin} over still passes on a guess; measure its answer time before committing",
        "sensitive_data_self": "{sensitivity} data stays on your own servers: protect the servers, prompts and logs as you protect the data itself",
        "language_coverage": "no public rating covers speech recognition in {languages}: accuracy must be tested on your audio",
        "no_evidence_risk": "no public rating covers {capabilities}: its quality there is unknown (not known to be poor) until tested on your examples",
        "accuracy_very_high": "a {target} accuracy target is beyond what any public rating can promise (ratings compare models with each other on other people's tasks): measure it on your own labelled examples before launch; showing it at 95% confidence takes at least {examples} examples answered without a single error",
        "high_stakes": "{field} use: keep a qualified {reviewer} reviewing the model's answers before anyone acts on them; the model's output is advice, not a decision",
        "stakes_field_medicine": "medical",
        "stakes_field_legal": "legal",
        "stakes_field_finance": "financial",
        "stakes_reviewer_medicine": "clinician",
        "stakes_reviewer_legal": "lawyer",
        "stakes_reviewer_finance": "professional",
        "stakes_field_insurance": "insurance claims",
        "stakes_reviewer_insurance": "claims handler",
        "unrated_model": "{model} has no public rating for {task}: its quality is unknown until tested",
        "mention_jurisdiction": "{data} would go to a provider under the law of {jurisdiction}",
        "mention_missing": "no rating for {categories}",
        "mention_unrated": "no public rating for {task}",
        # steps
        "step_eval": "build an evaluation set of 50-100 real examples with expected outputs",
        "step_audio_set": "record or collect 30-50 real audio clips with reference transcripts: speech models must be tested on your audio",
        "step_probe": "probe the shortlist ({names}) on it: `whichmodel probe --examples FILE --models ...`",
        "step_quality_first": "reach the accuracy target with {quality} first, then check whether {value} holds it on your examples at lower cost",
        "step_quality_first_alone": "reach the accuracy target with {quality} first, then try cheaper models on your examples",
        "step_quality_first_no_target": "set the quality bar with {quality} first on your examples, then check whether {value} comes close to it at lower cost",
        "step_quality_first_alone_no_target": "set the quality bar with {quality} first on your examples, then measure cheaper models against it",
        "step_caching": "your prompts are long ({input} tokens): put the part every request shares (instructions, checklist, examples) first and turn on prompt caching, then set volume.cached_input_fraction to its share (a document that differs per request cannot be cached)",
        "step_load": "load-test the self-hosted model on the chosen GPU before sizing the fleet",
        "step_batch": "your answers may wait {target}: {model} through {provider} has a batch API at half the price, about {batch_monthly}/month instead of {monthly}; batch jobs are targeted to finish within 24 hours (usually far sooner, with no guarantee), so check that against your window before counting on it",
        "step_redundancy": "one replica of {model} carries the volume but has no failover: a second one (+{monthly}/month) keeps the service up through a GPU failure or an update",
        "step_measure_accuracy": "before launch, measure the {target} accuracy target on at least {examples} of your own labelled examples (none may be wrong: with no error in n answers the error rate is below 3/n at 95% confidence, the 'rule of three')",
        # assumptions
        "volume": "{input} input and {output} output tokens per request on average, {requests} requests per month",
        "audio_minutes": "{minutes} minute(s) of audio per request{assumed}, {requests} requests per month",
        "audio_tokens": "priced per token: about {per_minute} audio tokens per minute",
        "assumed": " (assumed; set volume.audio_minutes)",
        "cache_no_price": "no cache-read price listed: cached input billed at the input price",
        "cache_applied": "{fraction} of input tokens read from the prompt cache",
        "cache_agent_loop": "an agent re-sends its growing context (instructions, tool results, files read) at every step, so {fraction} of its input is priced as read from the prompt cache: an assumption unless you stated it (set volume.cached_input_fraction to the share your provider reports)",
        "cache_possible": "prompts of {input} tokens are long: prompt caching is not applied (set volume.cached_input_fraction if they repeat)",
        "cache_possible_priced": "{who}prompts of {input} tokens are long: this cost assumes no prompt caching; if {hit} of the input, an assumed share, is a repeated prefix read from the cache (at {read}/M, the provider's cache-read price), it would be about {cached_monthly}/month{write}; set volume.cached_input_fraction to plan on your own share",
        "cache_write_part": ", with the rest of the input billed at the {write}/M cache-write price instead of {input_price}/M (the provider bills writing to the cache; an upper bound, as only the cached prefix is written, and only when the cache has expired)",
        "cache_no_write_part": "; the provider lists no cache-write charge",
        "cache_write": "{model}: input not read from the cache billed at the {price}/M cache-write price instead of {input_price}/M (the provider bills writing to the cache; an upper bound, as only the cached prefix is written, and only when the cache has expired)",
        "cache_write_rule": "{model}: input not read from the cache billed at the {price}/M cache-write price instead of {input_price}/M ({maker_name} bills cache writes at {factor}x the input rate from the {since} family on, no write fee before it: {source}; an upper bound, as only the cached prefix is written, and only when the cache has expired)",
        "cache_storage": "{provider} context caching is explicit: cached tokens also bill storage per hour they are kept (not included above)",
        "home_law_unknown": "Where you are is not stated (set `location`), so no home law is assumed: only providers under Chinese law are flagged for your data; a provider under another country's law (the US, the EU...) can matter for it too",
        "image_tokens": "Images and PDF pages: the {input} input tokens per request are applied to every model alike, but each maker counts a page image differently (roughly 260 tokens per image tile on Gemini, about 770-1,100 for a page at high detail on GPT-4o-class models, about 1,600 for a 1,092-pixel page on Claude, as their documentation describes the counting): send one sample page to the shortlisted models and read the input tokens they bill before trusting the cost figures",
        "sh_weights": "{quant} weights ({bytes} bytes/parameter), {total}B total{active_note}",
        "sh_active": ", {active}B active per token",
        "sh_kv": "KV cache approximated at {kb} kB/token (GQA heuristic; exact needs the model config) for {concurrency} concurrent sequence(s) of {context} tokens",
        "sh_overhead": "overhead: 10% of weights and cache + 1 GB runtime; 90% of GPU memory usable; GPU count rounded to a power of two",
        "sh_decode": "decode bound from memory bandwidth ({bandwidth} GB/s per GPU), at most {max_stream} tokens/s per stream (kernel launches and the all-reduce between GPUs bound one stream, whatever the summed bandwidth); prefill at {eff} of {tflops} TFLOPS",
        "sh_traffic": "peak traffic {peak}x the monthly average; {util} utilization; always on (730 h/month)",
        "sh_failover": "{replicas} replicas: {needed} for the volume plus one for failover, so that a GPU failure or an update does not stop a service this size ({volume} requests a month or more)",
        "sh_gpu_price": "GPU price {hourly}/hour ({source})",
        "sh_pcie": "the {gpu} has no fast link between cards (PCIe only): the layers are split across the {cards} cards and a token passes them one after another, so one stream decodes at one card's bandwidth (tensor parallel over PCIe may do somewhat better: measure) ({source})",
        "sh_export_control": "the {gpu} is under US export controls for mainland China: these figures are a yardstick; ask your supplier which accelerators it can deliver there and re-size with their memory and bandwidth",
        "sh_thinking": "{tokens} thinking tokens per request decoded with the answer (they take GPU time like output): the model's usual thinking, since this sizing is for your own GPUs; an API plan above may cap it to meet the answer-time target at that provider's speed",
        "sh_quantized": "sized at {quant} weights: as released ({released}) the model needs {released_cards} {gpu} card(s), more than you have or one machine holds, and at {quant} it fits {cards}; its public ratings were earned at full precision, so check the {quant} answers on your own examples before relying on it (deployment.quantization sets the precision)",
        "sh_fp8_option": "sized with the weights as released (16-bit); with FP8 weights (the maker's FP8 checkpoint "
        "where it publishes one, else a standard FP8 quantisation: check quality on your examples) it needs "
        "{replicas}x{gpus} {gpu} (copies x GPUs), {monthly}/month (set deployment.quantization: fp8)",
        "long_context_tier": "{who}long-context tier applies (prompts above {above} tokens){borrowed}",
        "tiers_assumed": "; no listing of this model shows such a rate, so the surcharge {maker} charges above that size on its other models is assumed (check its price page)",
        "tiers_borrowed": "; this listing shows no such rate, so the rate {provider} lists for the same model at the same base prices is used",
        "no_long_context_tier": "{who}priced at the base rate: the price list shows no separate rate for prompts "
        "above {above} tokens, and some makers charge more for them (check the maker's price page)",
        "thinking_floor": "Thinking floor: on {why}, an answer-time target never cuts a model's thinking below {share} of its usual budget (its public ratings were earned thinking at length); a model too slow even then is ruled out as too slow, with what relaxing the target would take, unless it can turn its thinking off and then meets the target: it is shown that way, flagged, since its ratings were earned thinking.",
        "thinking_cut_allowed": "Thinking cuts: outside reasoning, medical and legal tasks, an answer-time target may cut a model's thinking below {share} of its usual budget ({model}: {cap} of {usual} tokens), since many steps need little thinking each; such a model goes after comparable lasting ones without such a cut where there are any (one retiring soon or in preview is no such alternative), and its quality at that setting is unverified, so probe it there, or relax the target.",
        "floor_why_task": "a reasoning task",
        "floor_why_medicine": "a medical task",
        "floor_why_legal": "a legal task",
        "thinking_tokens": "{who}{tokens} hidden thinking tokens per request of a reasoning model, billed as output and decoded before the answer{assumed}",
        "thinking_assumed": " (assumed; set volume.thinking_tokens)",
        "free_for_production": "$0: free for production use by its maker ({source}, {as_of}), not a trial or free tier",
        "tokenizer": "{model} counts the same text as up to {factor}x the tokens ({source}): billed at {input} input and {output} output tokens per request",
        "page_image_tokens": "{model} bills a page image as about {tokens} input tokens, not the ~{baseline} of GPT-4o-class models the stated input assumes ({source}): billed at {input} input tokens per request, one page image each",
        "thinking_capped": " (capped so the answer time meets the {target} s latency target: set this model's thinking budget or a low reasoning effort, and check accuracy at that setting on your examples)",
        "thinking_capped_adaptive": " (kept down so the answer time meets the {target} s latency target: this model takes no thinking-token budget, so set a low effort level; the token figure is an estimate: check answer time and accuracy at that setting on your examples)",
        "thinking_off": "{who}thinking off assumed {off_note}; with thinking on add at least ~{tokens} tokens per request: +{monthly}/month{secs}{deep_part}",
        "off_note": "(thinking turned off in the request: check whether this model thinks by default when the setting is left out)",
        "off_note_omit": "(this model thinks only when asked: leave the thinking setting out of the request, as an explicit \u201cdisabled\u201d is refused)",
        "off_note_minimal": "(its thinking level set to \u201cminimal\u201d, the lowest: it has no \u201coff\u201d, and minimal may still think a little on hard requests)",
        "off_note_explicit": "(thinking sent as \u201cdisabled\u201d in each request: this model thinks by default when the setting is left out, which would cost and take the thinking-on figures below)",
        "thinking_off_deep": "; at the ~{deep} tokens of a setting like the one public ratings are earned at, +{deep_monthly}/month",
        "thinking_secs": ", about +{s} s per request",
        "thinking_who": "{model}: ",
        "thinking_not_exposed": "a reasoning-capable model, but {provider}'s listing does not expose thinking: costed and timed without it",
        "latency_model": "latency in seconds is estimated from prompt size, provider tier and model size (1.5x the typical time as p95), not measured",
        "stale_source": "{source} data is dated {date}, {days} days before {as_of}: prices and ratings may have changed",
        # probes on the person's examples
        "probe_measured": "Measured on your examples ({probe_set}): {acc} correct ({ci}), n={n}; latency p95 {p95}",
        "probe_below": "{model}: measured {acc} ({ci}, n={n}) is below the {target} target: eliminated",
        "probe_slow": "{model}: measured p95 latency {p95} s (n={n}) is above the {limit} s limit: eliminated",
        "probe_worse": "{model}: measured {acc} ({ci}, n={n}) is below the best measured {best}: ranked after "
        "the unmeasured candidates",
        "probe_lead": "{model} leads: it meets the bar on your examples ({acc}, n={n}) at the lowest cost among "
        "those that do",
        "probe_meets": "{model}: meets the bar on your examples ({acc}, n={n})",
        "probe_no_target": "no accuracy target: the bar is the best measured model's {best}",
        "probe_unmatched": "{endpoint} ({model}) stands for no shortlisted candidate: reported, not ranked",
        "probe_none": "not measured",
        "probe_summary": " Measured on your examples ({probe_set}, {n} items): {items}.",
        "probe_relax": "Lower the accuracy target to {best} (the best measured), or raise accuracy first with "
        "better prompts and context, then RAG or fine-tuning, and probe again",
        "probe_below_target": "measured accuracy on your examples below the target",
        "probe_too_slow": "measured p95 latency on your examples above the limit",
        # why not X?
        "whynot_not_found": "No model in the catalog matches “{query}”.",
        "whynot_ranked": "{model} meets all your requirements: it is #{rank} of the {passing} models that do.",
        "whynot_eliminated": "{model} is not on the list. Even its closest offering (through {provider}) fails on:",
        "whynot_eliminated_self": "{model} is not on the list. Run yourself, it fails on:",
        "whynot_vs_top": "Compared with #1, {top}: {q}; {c}.",
        "whynot_q": "{d} of 100 points {word} on public ratings",
        "whynot_is_pick": "It is the model I recommend: quality {quality} of 100 on public ratings, at {monthly}/month",
        "whynot_q_none": "no public rating to compare quality",
        "whynot_c": "{ratio} times the monthly cost",
        "whynot_c_less": "about {inv} times cheaper a month",
        "whynot_c_none": "no known price to compare cost",
        "no_offering": "no way to use it is listed in the catalog",
        "fail_too_slow": "answers would take about {p95_seconds} (slowest 1 in 20), over your {target_seconds} limit",
        "fail_context_too_small": "it reads at most {context} tokens at once, {needed} are needed",
        "fail_untrusted_provider": "{provider} is a reseller ({tier}), not a seller trusted by default",
        "fail_residency": "it runs in {region}, but {required} is required",
        "region_unknown": "a region its provider does not state",
        "prompt_engineering": "clear instructions with one or two good examples",
        "rag": "looking up your own documents for each answer (RAG, retrieval-augmented generation)",
        "fine_tuning": "training the model further on your examples (fine-tuning)",
        "train_from_scratch": "training from scratch",
        "long_context": "the documents in the prompt with caching",
        "evaluate_on_your_data": "testing on your own data",
        "sep": "; ",
        "and": ", ",
        "none": "none",
    },
    "zh": {
        "quality": "质量：{value}/100（{lower}\u2013{upper}），依据 {categories}，在 {of} 个有评分的候选中排第 {rank}{in_tier}",
        "in_tier": "；公开评分并列最好",
        "in_tier_alone": "；公开评分最好，没有与之持平的模型",
        "in_margin": "；在您的优先级允许的范围内，接近最好的公开评分",
        "unrated": "质量：没有公开评分覆盖{task}：在依赖它之前请用您自己的样例测试",
        "evidence_missing": "缺少 {categories} 的评分：该项质量未经证实",
        "cost_api": "成本：每月 {monthly}，每 1,000 次请求 {per_1k}，经由 {offering}（输入 {inp}，输出 {out}{thinking}；{source}，{as_of}）",
        "cost_self": "成本：自托管每月 {monthly}，{replicas}x{gpus} 块 {gpu}（需要 {memory} GB，{quant}）",
        "provider_tier": "服务方：{provider}（{tier}）",
        "offerings": "服务方：{trusted} 家可信服务方满足条件{resellers}",
        "resellers": "；另有 {n} 家转售商或聚合平台在售，不推荐（其条款和上游未经核实）",
        "latency": "延迟：{latency}",
        "meets": "满足：{items}",
        "meets_context": "上下文 {context} token（需要 {needed}）",
        "meets_input": "每段文本最多输入 {context} token（每次输入 {needed} token）",
        "embed_chunking": "输入上限：每段文本最多 {context} token，低于您给出的 {stated} token："
        "更长的文档需先切分为不超过 {context} token 的片段再做向量化",
        "speech_languages": "语言：{coverage}",
        "speech_covers": "有文档说明可转写 {languages}（{source}）",
        "speech_misses": "没有文档说明支持 {missing}（{source}）：依赖前请先测试",
        "speech_unknown": "对 {languages} 的支持没有文档说明：请用您的音频测试",
        "embedding_languages": "语言：{coverage}",
        "embed_covers": "有文档说明支持多种语言：{stated}（{url}）",
        "embed_english": "有文档说明适用于英语：{stated}（{url}）",
        "embed_misses": "文档说明只适用于英语：{stated}（{url}）；不适合 {missing} 文本",
        "embed_unknown": "本工具的表中没有其语言支持的文档：请用您的 {languages} 查询测试",
        "unrated_embedding": "质量：公开的向量模型基准（海量文本向量基准及其多语言版）不在本目录快照中：在依赖它之前，请用您自己的查询测试检索效果（在一小组标注好的查询上计算前几条结果的召回率）",
        "embed_basis_miracl": "厂商公布了多语言检索结果（MIRACL）",
        "embed_basis_over_100_maker": "厂商说明支持 100 多种语言",
        "embed_basis_over_100_card": "模型卡说明支持 100 多种语言",
        "embed_basis_xlmr_100": "模型卡说明支持 100 种语言，低资源语言可能较弱",
        "embed_basis_multilingual_maker": "厂商说明支持多语言",
        "embed_basis_english_only": "模型卡说明“只适用于英语文本”",
        "embed_basis_english_recommended": "模型卡建议只用于英语",
        "embed_basis_english_maker": "厂商说明只支持英语",
        "embed_basis_english_card": "模型卡说明为英语模型",
        "embed_basis_english_code": "厂商说明用于英语和代码",
        "sensitive_ok": "数据：{sensitivity} 数据只交给公布了数据条款的服务方：{tier}",
        "sensitive_self": "数据：{sensitivity} 数据留在您自己的服务器上",
        "measured": "在您的样例上实测（{probe_set}）：正确率 {acc}（{ci}），n={n}；p95 延迟 {p95}",
        "free": "免费",
        "cheaper": "{cheaper_first}",
        "dearer": "成本是第 1 名的 {x} 倍",
        "quality_diff": "质量比第 1 名{word} {d} 分{shared}{overlap}",
        "higher": "高",
        "lower": "低",
        "overlap": "（区间重叠）",
        "shared_ratings": "（只比两者都有的评分，不含{cats}）",
        "no_rating": "无公开评分可比较",
        "latency_vs": "估计 p95 {a}，第 1 名为 {b}",
        "lat": "估计 p95 {p95}（首 token {ttft}，随后 {gen} 个 token{thinking}，约 {tps} token/秒；{basis}）",
        "lat_audio": "估计 p95 {p95}（每分钟音频约需 2 秒处理；非实测）",
        "lat_embed": "估计 p95 {p95}（向量化只返回向量，不生成输出 token：时间为服务开销加读取输入；{basis}）",
        "lat_target_ok": "，在 {target}的目标之内",
        "lat_target_near": "，距 {target}的目标不到 {margin}，而速度是猜测的（模型规模未知）：处于临界，需要实测",
        "lat_target_no": "，超过 {target}的目标",
        "lat_thinking": "（含 {n} 个思考 token）",
        "per_m_tokens": "/百万 token",
        "per_minute": "/分钟",
        "basis_active_params": "按 {b}B 激活参数模型的速度（8B 激活参数约 180 token/秒，按激活参数的平方根换算）",
        "basis_name_tier": "按小型“{word}”档的速度（规模未知）",
        "basis_name_small": "按名称中的“small”推测为小型档的速度（规模未知）",
        "basis_active_params_read": "按 {b}B 激活参数模型的提示读取速度（8B 激活参数约 20,000 token/秒，按激活参数的平方根换算）",
        "basis_size_unknown": "规模未知：按中等规模速度估算",
        "basis_tier": "{tier} 带来的服务开销",
        "basis_self_host": "按规划的部署（{n} 块 {gpu}）的解码上限（显存带宽除以模型字节数）",
        "basis_prefill": "提示读取速度约 {n} token/秒",
        "basis_cached": "其中 {n} 个缓存的提示 token 按该时间的 {share} 计（提示缓存；依据厂商公布的延迟节省所作的假设）",
        "basis_fast_host": "{provider} 使用推理专用硬件（解码更快）",
        "lat_audio_basis": "每分钟音频约需 2 秒处理",
        "relax_admits_budget": "只差预算的模型中，最便宜的 {cheapest} 需要每月 {cheapest_monthly}；最强的 {best} 需要每月 {best_monthly}。",
        "wrong_task": "不是这类任务的模型（按其声明的用途）",
        "community_derivative": "社区衍生模型（去除安全限制的重新上传、权重合并或角色扮演微调）：没有模型厂商为其负责",
        "retired": "已退役（超过退役日期）或已弃用",
        "missing_modality": "无法接受所需的输入",
        "open_weights_required": "权重未开放（要求开放权重/自托管）",
        "provider_not_allowed": "服务商不在允许列表中",
        "untrusted_provider": "来自聚合平台或未知转售商的报价，默认不采用（可在“允许的服务方类别”中放开）",
        "data_terms": "机密数据：不是模型厂商 API 或公布了数据条款的企业云",
        "residency": "未知在您要求的地区运行（服务商标明的是其他地区，或没有标明）",
        "tool_calling": "不支持工具调用",
        "structured_output": "不支持结构化（JSON）输出",
        "reasoning": "不是推理模型",
        "context_too_small": "上下文窗口太小",
        "implausible_price": "价格不可信（远低于厂商标价）：不作为规划依据",
        "no_price": "目录中没有价格",
        "zero_price": "标价为 $0（免费档、试用或订阅套餐）：没有可用于规划的按量价格",
        "too_slow": "估计 p95 延迟超过目标",
        "over_budget": "按所述用量超出预算",
        "params_unknown": "参数量未知（无法估算自托管规模）",
        "impractical_build": "不是可行的配置：一份模型需要的显卡超过一台机器能装的数量，而这种卡在机器之间没有高速互联（NVLink）",
        "too_many_gpus": "需要的 GPU 超过您现有或打算运行的数量（deployment.max_gpus）",
        "budget_and_latency": "预算和延迟目标（同时放宽）",
        "relax_budget_and_latency": "同时提高预算并放宽延迟目标（单一改动无法纳入任何模型）：最便宜的是 {model}，每月 {monthly}（每 1,000 次请求 {per_1k}）{slow_part}；下列每个模型各自所需的数值见后",
        "needs_budget_and_latency": "{model} 需要每月 {monthly}{slow_part}{capped_part}",
        "slow_part": "，延迟目标需放宽到 {p95}",
        "budget_gap": "满足您其他要求的最便宜模型 {model} 在此用量下每月需 {monthly}：是 {budget} 预算的 {x} 倍{slow}。",
        "budget_gap_slow": "（且回答约需 {p95}，超过 {target}的目标）",
        "latency_floor": "满足您其他要求{reasoning}的模型都无法在 {target}内回答：最快的 {model} 估计为 {p95}{thinking_part}。",
        "latency_floor_reasoning": "（包括推理要求）",
        "latency_cost": "同时满足 {target}目标的最便宜模型 {model} 每月需 {monthly}。",
        "answer_floor": "{lead}可行的做法：流式输出回答（用户等待的是最先出现的文字，而不是整个回答：它们约在 {first} 后出现，p95 约 {first_p95}{first_thinking}）；{shorten}；或把目标放宽到至少 {floor_p95}。",
        "answer_floor_alone": "仅回答长度就使 {target}的目标无法实现：在 {target}内输出 {output} 个回答 token 需要约 {needed_tps} token/秒的解码速度，而其中解码最快的 {model} 约为 {tps} token/秒，{basis}估算，仅回答本身就需 {answer}。",
        "answer_floor_part": "其中解码最快的 {model} 约为 {tps} token/秒，{basis}估算，{output} 个回答 token 需 {answer}；其余时间是首个 token 之前的等待{thinking_word}。",
        "answer_first_thinking": "，在 {n} 个思考 token 之后",
        "answer_thinking_word": "和思考 token",
        "answer_shorten": "缩短回答（按该速度约 {fits} 个 token 能在目标内完成）",
        "answer_shorten_none": "仅缩短回答无济于事（按该速度连最先出现的文字都赶不上目标）",
        "speech_diarization": "您的用例需要区分说话人：在符合条件的模型中，厂商明确记载支持区分说话人的有 {documented}，其中最便宜的是 {model}（每月 {monthly}）；其他模型没有相关记载（请查看其厂商的最新页面），因此可以选用其中之一，或另加一个区分说话人的步骤，或在您的录音上逐一检查。",
        "speech_diarization_none": "您的用例需要区分说话人：符合条件的模型都没有明确支持区分说话人，请另加一个区分说话人的步骤，或在您的录音上逐一检查。",
        "risk_note": "请注意 {model} 对这些要求的风险：{items}。",
        "relax_over_budget": "提高预算：最便宜的是 {model}，每月 {monthly}（每 1,000 次请求 {per_1k}）；下列每个模型各自所需的预算见后",
        "relax_too_slow": "放宽 {target}的延迟目标：最快的 {model} 估计为 {p95}{thinking_note}",
        "thinking_note": "（下列估算中最多 {n} 个 token 是思考：调小" + _zh_field("volume.thinking_tokens") + "，或在模型允许时关闭思考，会更快）",
        "step_relax": "从“放宽约束的效果”中选择一项修改，然后重新生成推荐",
        "colon": "：",
        "relax_open_weights_required": "允许通过模型厂商或企业云的 API 使用专有（闭源权重）模型",
        "relax_open_weights_self_host": "允许不再自托管，改为通过模型厂商或企业云的 API 使用专有（闭源权重）模型（数据将因此离开您的基础设施）",
        "needs_api": "{model}（经由 {offering}，{tier}）每月 {monthly}",
        "relax_context_too_small": "把每次请求控制在 {tokens} 个 token 以内（缩短提示、分块或检索）",
        "relax_context_too_small_document": "接受 {tokens} 个 token 的上下文窗口：比您要求的小，但仍能容纳每份 {document} 个 token 的文档及其回答",
        "relax_provider_not_allowed": "允许更多服务商（{providers}）",
        "relax_untrusted_provider": "在核查条款后允许未经核实的转售商（" + _zh_field("deployment.provider_tiers") + "：{tiers}；例如 {providers}）",
        "relax_data_terms": "改用没有公布企业数据条款的托管商（先阅读其关于数据保留和训练使用的条款，并签署数据处理协议），或自行部署开源权重模型，让数据留在您自己的服务器上（只有数据其实并不机密时，才应降低数据敏感级别）",
        "relax_data_terms_open": "经由没有公布企业数据条款的托管商使用开源权重模型（先阅读其关于数据保留和训练使用的条款，并签署数据处理协议），或自行部署同一模型，让数据留在您自己的服务器上（只有数据其实并不机密时，才应降低数据敏感级别）",
        "needs_data_terms": "{model} 经由 {offering}（{tier}，位于{region}，每月 {monthly}）",
        "relax_residency": "在您所在地区自托管开放模型，或接受地区未知或不同的服务商（这样可纳入）",
        "relax_residency_none": "目录中没有已知在{required}运行的服务（服务商常有未按模型列出的地区：请向您的服务商询问{required}地区及其数据条款）；否则请在{required}自托管开放模型，或接受地区未知或不同的服务商（这样可纳入）",
        "relax_params_unknown": "手工估算这些模型的规模（目录中缺少其参数量）",
        "relax_quantization": "以 4 位量化运行权重（deployment.quantization: {quant}，AWQ 或 GPTQ 版本）：评分更高的模型就能装进您现有的显卡；请在您自己的样例上检查 4 位量化后的回答质量",
        "quantized_route": "以 4 位量化权重运行时，{model}（{quality}/100）可装进同样的 {cards} 块 {gpu} 显卡：见下面的可行办法，并在您自己的样例上检查 4 位量化后的回答质量。",
        "relax_too_many_gpus": "使用比您的 {limit} 块更多的 GPU（deployment.max_gpus）：下列最小的方案需要 {cards} 块；每个模型各自所需的数量见后",
        "needs_gpus": "{model} 需要 {cards} 块 {gpu} 显卡（副本数 x 每份的卡数）{quant_note}，每月 {monthly}",
        "needs_gpus_quant": "（权重量化到 {quant}）",
        "relax_tool_calling": "取消对工具调用的要求",
        "relax_structured_output": "取消对结构化输出的要求",
        "relax_reasoning": "取消对推理模型的要求",
        "relax_missing_modality": "在输入到达模型之前先转成文字（由文字生成的 PDF：在您的处理流程中先提取文字；扫描件：先做 OCR，但会丢失手写内容和版式，请在您自己的扫描件上检查，或保留能读图片的模型；音频：先转写），这样纯文本模型也能入选",
        "relax_combination": "没有单一改动能纳入任何模型：多个约束同时生效；请同时放宽预算和最严格的能力要求",
        "relax_closest_plans": "没有单一改动能纳入任何模型：您的几项限制同时生效（{limits}）。下面是本任务的各个模型各自需要的条件：不受这些限制时在您自己的硬件上运行，以及通过您其他要求所允许的最便宜的托管 API",
        "needs_levers": "{model}：在您的场所需要 {cards} 块 {gpu}（{quant}），每月约 {monthly}，p95 约 {p95}{api_part}",
        "levers_api": "；通过 {api_provider} 托管（数据会离开您的场所），每月约 {api_monthly}，p95 约 {api_p95}",
        "levers_no_api": "；没有您其他要求所允许的托管服务",
        "limit_cards": "{limit} 块 GPU",
        "limit_budget": "每月 {budget_usd} 的预算",
        "limit_target": "{target}的响应时间",
        "closest_plan": "最接近的是 {model}：在您的场所需要 {cards} 块 {gpu}，每月约 {monthly}，p95 约 {p95}（您的限制：{limits}）{api_part}。",
        "relax_quality_levels": "按此用量，各质量档的费用",
        "relax_owned_hardware": "买机器，而不是按小时租用 GPU：一台装最多 {max_cards} 块 {gpu} 显卡的工作站（每块约 {card}，机器其余部分约 {base}），按 {months} 个月折旧，电费每月约 {power}，就能在您自己的场所以 4 位量化运行下列开源模型{cn_note}。需要有人安装和维护：没有 IT 人员的话，可以请供应商提供带维保服务的一体机；并在您自己的样例上检查 4 位量化后的回答质量",
        "owned_route": "以上数字是全天候租用 GPU 的费用。如果改为购买，在您单位放一台装 {gpu} 显卡的工作站，以 4 位量化运行 {model}（{quality}/100），按三年折旧加电费每月约 {monthly}：在预算之内，数据也不出本单位（见下面第一条可行办法）。",
        "owned_cn_note": "（{gpu} 是按 2023 年美国出口管制规定面向中国大陆销售的版本；此后的规定也可能涵盖它，请向供应商确认能否供货，否则按其能供应的显卡重新估算）",
        "owned_source": "2026 年参考零售价（显卡和整机），按 36 个月折旧，电价按每千瓦时 0.12 美元计",
        "owned_source_server": "2026 年数据中心显卡和服务器主机的参考采购价（因厂商和采购量而异），按 36 个月折旧，电价按每千瓦时 0.12 美元计",
        "owned_chosen": "如果全天候租用 GPU 自行部署，{rented_model} 每月需 {rented_monthly}，超出 {budget} 的预算；因此本方案按购置硬件计算：在您单位放一台工作站，装 {cards} 块 {gpu} 显卡，以 4 位量化运行模型{cn_note}；一次性购置约 {upfront}，下面的月成本按 {months} 个月折旧计算。数据不出本单位；下面的评分是在全精度下取得的，请在您自己的样例上检查 4 位量化后的回答质量。",
        "sh_owned": "为您的场所购置 {cards} 块 {gpu} 显卡（每块约 {card}，每台机器其余部分约 {base}），按 {months} 个月折旧，每台机器电费每月约 {power}{cn_note}（{source}）；需要有人安装和维护：没有 IT 人员的话，可以请供应商提供带维保服务的一体机",
        "needs_owned": "{model}（{cards} 块 {gpu}，{quant}）：每月约 {monthly}",
        "relax_levers": "{model}（目前每月 {monthly}）的降本手段：{items}",
        "lever_half_prompt": "提示 token 减半 \u2192 每月 {v}",
        "lever_cached": "75% 的提示走缓存 \u2192 每月 {v}",
        "lever_route": "80% 的请求路由到 {model} \u2192 每月 {v}",
        "lever_batch": "改用服务商的批量接口（24 小时内出结果，半价）\u2192 每月 {v}",
        "needs_budget": "{model} {volume}需要每月 {monthly}{capped_part}",
        "at_this_volume": "在此用量下",
        "at_earlier_volume": "按之前的用量",
        "capped_part": "（与排名相同，按每次请求 {n} 个思考 token 计算：排名为适应 {target}的延迟目标限制了思考）",
        "capped_short_part": "（按每次请求 {n} 个思考 token 计算，这是该模型思考的最低设定：即便如此也达不到 {target}的延迟目标）",
        "needs_latency": "{model} 估计为 {p95}{thinking_part}",
        "thinking_part": "（含 {n} 个思考 token）",
        "needs_context": "{model} 可容纳 {context} token",
        "needs_untrusted_provider": "{model} 经由 {offering}（{tier}，每月 {monthly}）",
        "needs_other": "{model}",
        "quality_level": "{band}质量（{quality}/100）：{model} 需要每月 {monthly}{capped_part}",
        "band_top": "最高",
        "band_high": "高",
        "band_good": "较好",
        "band_mid": "中等",
        "band_low": "较低",
        "none_fits": "目录中没有模型能满足全部要求。",
        "worst": "在您设定的约束中，排除模型最多的是（每个模型只计一次）：{label}（{count} 个模型）。",
        "infeasible_latency": "延迟不可行：其他条件都满足的模型中最快的 {model} 估计为 {p95}，目标为 {target}。",
        "relax_admits": "{constraint}：放宽后可纳入 {models}。",
        "lead": "建议先用 {model}（{how}）：在满足您全部必要条件的 {passing} 个{task}任务模型中，{rule}，{requests} 次请求的费用为{cost}。",
        "route_moderation": "这是内容审核任务：候选名单是专为审核构建的 {n} 个模型（安全分类器），而不是通用对话模型；请用您的审核规则和标注样例测试。",
        "route_general": "没有专为审核构建的模型满足您的约束：改为按分类任务对通用模型排序。",
        "rule_best_in_tier": "在公开评分难分高下的 {n} 个顶尖模型中，它的评分最高（质量优先）",
        "rule_dead_heat": "在公开评分难分高下的 {n} 个顶尖模型中，它与最高分并列：{rival} 只高 {gap} 分（满分 100），远小于评分能分辨的差距，而费用是它的 {x} 倍（每月 {rival_monthly}），因此并列时选更便宜的（质量优先）",
        "rule_dead_heat_same": "在公开评分难分高下的 {n} 个顶尖模型中，它与最高分并列：{rival} 的评分相同，而费用是它的 {x} 倍（每月 {rival_monthly}），因此并列时选更便宜的（质量优先）",
        "rule_dead_heat_faster": "在公开评分难分高下的 {n} 个顶尖模型中，它与最高分并列：{rival} 只高 {gap} 分（满分 100），远小于评分能分辨的差距，但估计需要 {rival_p95}（它只需 {lead_p95}），已接近您的响应时间目标，费用却不更低，因此并列时选更快的（{prio}）",
        "prio_quality": "质量优先",
        "prio_balanced": "兼顾质量与成本",
        "rule_alone": "它的公开评分最好，且没有其他模型与之并列（质量优先）",
        "lifecycle_demoted_retiring_quality": "{model} 评分高于 {pick}，但将于 {date} 退役（参考日期后 {days} 天）：它排在能长期使用的 {pick} 之后。",
        "lifecycle_demoted_preview_quality": "{model} 评分高于 {pick}，但是预览版{stable}：它排在稳定版 {pick} 之后。",
        "lifecycle_demoted_retiring_value": "{model} 比 {pick} 便宜且评分不低于它，但将于 {date} 退役（参考日期后 {days} 天）：因此不作为性价比之选。",
        "lifecycle_demoted_preview_value": "{model} 比 {pick} 便宜且评分不低于它，但是预览版{stable}：因此不作为性价比之选。",
        "lifecycle_demoted_listing_quality": "{model} 评分高于 {pick}，但只在 {listing} 的预览版服务上满足要求（其正式服务达不到您的要求）：它排在 {pick} 之后。",
        "lifecycle_demoted_listing_value": "{model} 比 {pick} 便宜且评分不低于它，但只在 {listing} 的预览版服务上满足要求：因此不作为性价比之选。",
        "value_context_tight": "{model} 比 {pick} 便宜且评分不低于它，但其上下文窗口（{context} token）比平均请求（{request} token）只多 {spare}：因此不作为性价比之选。",
        "lifecycle_stable": "（厂商的稳定版是 {stable}）",
        "alone_first": "排第一",
        "alone_quality": "是质量之选",
        "latency_holds_back": "更强的模型只因 {target}的响应时间目标而被排除：{model}（{quality}/100，{pick} 为 {pick_quality}）估计需要 {p95}{at_cap}；把目标放宽到约 {p95} 即可纳入它，每月 {monthly}{at_usual}。{skipped}{near}",
        "holds_near": "小幅放宽也有帮助：目标放宽到约 {near_p95} 即可纳入 {near_model}（{near_quality}/100），每月 {near_monthly}{near_cap}。",
        "holds_near_cap": "（思考预算削减到 {cap} 个 token）",
        "holds_skipped": "（更小的放宽就能纳入 {models}，但它们即将退役或是预览版，不宜作为规划目标。）",
        "holds_skipped_one": "（更小的放宽就能纳入 {models}，但它即将退役或是预览版，不宜作为规划目标。）",
        "holds_at_cap": "（思考预算削减到 {cap} 个 token，为通常 {usual} 个的四分之一）",
        "holds_at_usual": "；按通常的思考预算约需 {usual_p95}，每月 {usual_monthly}",
        "held_back_quality": "{model} 评分高于 {pick}，但{why}：它排在 {pick} 之后。",
        "held_back_value": "{model} 比 {pick} 便宜且评分不低于它，但{why}：因此不作为性价比之选。",
        "held_latency_over_target": "估计响应时间略超出您的目标",
        "held_foreign_law": "会把您的机密数据交给受其他国家法律管辖的服务商",
        "held_price_below_typical": "标价远低于其他销售方（这是警示，不能作为规划依据）",
        "held_not_offered_cn": "在您所在的地方不提供服务（见其厂商或服务商自己的列表）",
        "held_china_law": "只能经由受中国法律管辖的服务商使用，而您的数据是机密的",
        "held_retires_soon": "六个月内就要退役",
        "held_baa_unconfirmed": "所经由的服务商不像大型云平台那样通常提供 HIPAA 商业伙伴协议",
        "held_quantized": "只有把权重量化到低于其公开评分所用的精度，才能装进您的显卡",
        "held_out_of_mainland": "会把您的机密数据传出中国大陆、交给受其他国家法律管辖的服务商（属于《个人信息保护法》规定的数据出境）",
        "warn_not_offered_cn": "不在中国大陆提供服务",
        "warn_not_offered_hk": "不在香港提供服务",
        "not_offered_hk": "{model}（经由 {provider}）：{model} 不在香港提供服务（其厂商支持的国家和地区列表不含香港，这对所有转售方都适用）；请选择在香港可用的模型（DeepSeek、通义千问、Kimi、智谱等）",
        "warn_not_offered_cn_us_provider": "{provider} 是美国服务商，通常不在中国大陆提供服务",
        "not_offered_cn_us_provider": "{model}（经由 {provider}）：美国服务商的 AI 服务通常不在中国大陆提供（请向 {provider} 确认）{inferred}；在中国大陆请选择国内可用的模型（DeepSeek、通义千问、Kimi、智谱、豆包等）；如果您在中国大陆以外（台湾、新加坡等），请说明" + _zh_field("location") + "，这条提醒就会去掉",
        "not_offered_cn": "{model}（经由 {provider}）：{model} 不在中国大陆提供服务（见其厂商或 {provider} 支持的国家和地区列表）{inferred}；在中国大陆请选择国内可用的模型（DeepSeek、通义千问、Kimi、智谱、豆包等）；如果您在中国大陆以外（台湾、新加坡等），请说明" + _zh_field("location") + "，这条提醒就会去掉",
        "held_thinking_cut": "只有把思考预算削减到通常的四分之一以下、或削减到其评分所用思考量的四分之一以下，才能满足响应时间目标",
        "price_below_typical": "{model} 通过 {provider} 的价格只有该模型通常价格的 {ratio}；按通常价格每月约需 {monthly}：规划前请向销售方确认价格以及所提供的版本（全精度还是量化版）",
        "maker_price_promo": "{maker} 自己对 {model} 的标价只有其他销售方的 {ratio}：请确认这不是限时折扣；按其他销售方的价格每月约需 {monthly}",
        "warn_price_below_typical": "价格只有通常价格的 {ratio}：需确认",
        "warn_maker_price_promo": "厂商自己的标价只有其他销售方的 {ratio}（可能是限时优惠）：请确认这个价格能否持续",
        "warn_baa": "请先确认 {provider} 签署 HIPAA 商业伙伴协议",
        "warn_no_diarization": "未说明能区分说话人：需另加区分说话人的步骤",
        "warn_embed_english_only": "文档说明只适用于英语",
        "embedding_checks": "这里没有测量检索质量：在为整个语料建立索引之前，请用您自己的查询测试{per_language}；以后更换向量模型意味着要把所有文档重新向量化",
        "embedding_checks_langs": "（{languages}：按语言分别计算前几条结果的召回率）",
        "embed_language_misses": "{model} 的文档说明只适用于英语（{stated}；{url}）：不适合 {missing} 文本；它排在有文档说明支持您的语言的模型之后",
        "speakers_needed": "（您的用例需要，即使厂商说明支持也要测试）",
        "speakers_maybe": "（如果需要知道谁说了什么）",
        "no_diarization": "{model} 没有说明能区分说话人，而您的用例需要：请另加一个区分说话人的步骤（其费用和准确率需测试），或选用厂商明确支持的模型",
        "baa_unconfirmed": "{model}（经由 {provider}）：患者数据只能交给为此服务签署 HIPAA 商业伙伴协议的服务商；{provider} 不像大型云平台那样通常提供该协议，发送任何患者数据之前请书面确认，或改用有该协议的云平台上的模型",
        "baa_passed_over": "评分更高、但只能经由通常不签署 HIPAA 商业伙伴协议的服务商（{provider}）使用的模型：{model}（{quality}/100，每月 {monthly}），因此以上推荐都经由签署该协议的云平台（AWS Bedrock、Azure、Google Vertex）。如果 {provider} 签署覆盖其 AI 推理服务的协议，它就会回到排名中。",
        "china_law_passed_over": "评分更高、但只能经由受中国法律管辖的服务商（{provider}）使用的模型：{model}（{quality}/100，每月 {monthly}）。您的数据是机密的，因此以上推荐都来自受其他法律管辖的服务商。如果数据其实并不机密，告诉我（例如“数据不是机密”；需求文件中是" + _zh_field("data.sensitivity") + "一项），它就会回到排名中。",
        "cn_passed_over_hk": "评分更高、但不在香港提供服务的模型：{model}（{quality}/100，每月 {monthly}），因此以上推荐都是在香港可用的模型。",
        "cn_passed_over": "评分更高、但不在中国大陆提供服务的模型{inferred}：{model}（{quality}/100，每月 {monthly}），因此以上推荐都是在中国大陆能买到的模型。如果您在台湾或新加坡（美国厂商在那里提供服务；香港不在它们任何一家的列表上），告诉我（例如“我们在台湾”；需求文件中是" + _zh_field("location") + "一项），它就会回到排名中。",
        "cn_passed_over_stated": "评分更高、但不在中国大陆提供服务的模型：{model}（{quality}/100，每月 {monthly}），因此以上推荐都是在中国大陆能买到的模型。",
        "lifecycle_alone": "没有能长期使用的模型与 {model} 在统计上持平，因此尽管有警告它仍{where}；评分最高的可长期使用替代是 {lasting}（{quality}/100，每月 {monthly}{retires}）：请规划迁移。",
        "alone_retires": "；它也已宣布将于 {date} 退役",
        "warn_retiring": "{date} 退役",
        "foreign_jurisdiction": "{model}（经由 {provider}）：{data}将交给受{jurisdiction}的服务商，而不是{region}{inferred}；无论数据中心在哪里，当地的数据调取要求都可能触及这些数据：请核对条款，或选择受您所在司法辖区管辖的服务商，或自行部署{transfer}",
        "jur_confidential": "机密数据",
        "jur_personal": "语音录音（个人信息）",
        "transfer_cn": "；向境外提供个人信息适用《个人信息保护法》的出境规则（单独同意，以及标准合同、认证或安全评估）",
        "transfer_eu": "；向欧盟以外的服务商提供个人数据需要 GDPR 规定的传输保障（充分性认定或标准合同条款）",
        "voice_personal_data": "语音录音按个人信息处理（声音能识别说话人，通话中还有姓名和电话号码），因此{where}适用个人信息出境的规则（假设：数据敏感级别保持默认的“内部”；如果录音不含个人信息，请把它设为“公开”）",
        "voice_where_cn": "对身在中国的您{inferred}，按《个人信息保护法》",
        "voice_where_eu": "对身在欧盟的您{inferred}，按 GDPR ",
        "jur_restricted": "受限数据",
        "jur_source_code": "源代码",
        "jur_internal": "内部业务数据",
        "home_law_alternative": "受您所在地（{region}）法律管辖的选项：{model}（经 {provider}，第 {rank} 名，{quality}/100，{monthly}）是候选名单中排名最高、提供方不受他国法律管辖的选项；如果您的数据保护负责人不允许把这类数据交给受他国法律管辖的提供方，请把它和推荐的模型一起测试",
        "home_law_value": "受您所在地（{region}）法律管辖的选项：性价比之选 {model}（经 {provider}，第 {rank} 名，{quality}/100，{monthly}）就是候选名单中排名最高、提供方不受他国法律管辖的选项；如果您的数据保护负责人不允许把这类数据交给受他国法律管辖的提供方，请先测试它",
        "home_law_text_pdf": "受您所在地（{region}）法律管辖的选项：候选名单中的选项都会把数据交给受他国法律管辖的服务商，因为受您所在地法律管辖的服务商所提供的模型不能直接读取 PDF 文件。如果您的 PDF 是由文字生成的（不是扫描件），请在您的处理流程中先提取文字、以文本发送：这样 {model}（经 {provider}，{quality}/100，比 {pick} 低 {gap} 分，每月约 {monthly}）就符合要求，且受您所在地法律管辖；扫描的 PDF 需要先做 OCR，并在您自己的扫描件上检查",
        "foreign_jurisdiction_unknown": "{model}（经由 {provider}）：{data}将交给受{jurisdiction}的服务商；无论数据中心在哪里，当地的数据调取要求都可能触及这些数据：请核对条款，或选择受您所在司法辖区管辖的服务商，或自行部署{transfer}",
        "jur_inferred": "（您所在地区是根据语言推断的）",
        "jur_parent": "（其母公司受{parent}法律管辖）",
        "jur_law": "{where}法律管辖",
        "warn_no_rating": "缺少{categories}的评分",
        "warn_preview": "预览版",
        "warn_preview_baa": "，通常不在云服务商的 HIPAA 条款之内",
        "warn_capped": "思考上限 {cap} 个 token",
        "warn_capped_adaptive": "调低推理强度，思考约 {cap} 个 token（此模型不接受思考预算，为估算）",
        "warn_thinking_off": "已关闭思考",
        "quantized_rating": "{model} 在这里按 4 位量化运行，而它的公开评分是在全精度下取得的：4 位量化通常会损失一点准确率，长回答或要求严格的回答损失更多；依赖它之前请在您自己的样例上比较",
        "warn_thinking_minimal": "思考设为最低档",
        "off_how": "（多数混合模型可在请求中设置：请确认此模型允许）",
        "off_how_omit": "（请求中不要带思考设置：此模型会拒绝显式的关闭设置）",
        "off_how_minimal": "（实际是用最低思考档：它没有“关闭”，最低档在难题上仍可能少量思考，请实测）",
        "off_how_explicit": "（每次请求都要显式设置关闭思考：不写这一项时，此模型默认会思考）",
        "at_cap": "每次请求 {cap} 个思考 token，{why_cap}",
        "at_cap_adaptive": "调低推理强度，每次请求约 {cap} 个思考 token（此模型不接受思考预算，此数为估算），{why_cap}",
        "at_cap_pick": "按每次请求 {cap} 个思考 token 计算（{why_cap}）",
        "at_cap_pick_adaptive": "按调低推理强度、每次请求约 {cap} 个思考 token 计算（此模型不接受思考预算，此数为估算；{why_cap}）",
        "at_off": "已关闭思考{off_how}，因为即使保留通常思考量的四分之一也达不到 {target}的目标",
        "at_off_pick": "按关闭思考计算{off_how}，因为即使保留通常思考量的四分之一也达不到 {target}的延迟目标{floor_part}",
        "floor_part": "（保留这四分之一、即 {floor} 个思考 token 时，每月需 {floor_monthly}，耗时约 {floor_p95}：如果回答可以等这么久，这是值得考虑的方案）",
        "thinking_capped_figures": "思考已设上限：{at_cap}（每月 {monthly}，{p95}）；按其通常的 {usual} 个思考 token，每月需 {usual_monthly}{over}，耗时 {usual_p95}",
        "capped_over": "（超出 {budget} 的预算）",
        "cap_meets": "为满足 {target}的延迟目标而设上限",
        "rated_effort": "其公开评分是在“{effort}”思考设置下取得的（约 {rated} 个思考 token，为估计值），并非在此设置下",
        "rated_effort_unknown": "其公开评分没有说明是在何种思考设置下取得的（通常的 {usual} 个 token 是本工具的假设）",
        "cap_short": "已削减到此任务允许的最低思考量，仍约需 {p95}，超过 {target}的延迟目标",
        "capped_pick": "{model} 的上述数字{at_cap_pick}；按其通常的 {usual} 个思考 token，每月需 {usual_monthly}{over}，耗时约 {usual_p95}，而{rated}。",
        "capped_quality_unverified": "{model} {at_plan}规划（通常为 {usual} 个）；{rated}：该设置下的质量尚未验证",
        "plan_cap": "按每次请求最多 {cap} 个思考 token ",
        "plan_cap_adaptive": "按调低推理强度（每次请求约 {cap} 个思考 token，为估算：此模型不接受思考预算）",
        "plan_off": "按关闭思考",
        "step_accuracy_bar": "先定准确率基准：不设 {target}的时间限制，在您的样例上运行 {model}（{quality}/100）；只有当 {pick}（{pick_quality}）在同一批样例上接近这一基准时才保留它，否则 {target}的目标正在牺牲准确率（正式使用时 {model} 约需 {p95}{at_cap}，每月 {monthly}{at_usual}）",
        "step_check_quantized": "依赖 {model} 之前，先在您的样例上检查它在 {quant} 量化下的质量：为了装进您的显卡，它的权重从 {released} 量化到了 {quant}，而它的公开评分是在全精度下取得的；请把它的一部分 {quant} 回答与同一模型经 API 以全精度给出的回答、或与您的参考答案对比",
        "step_probe_capped": "在您的样例上分别以限制后的设置（{cap} 个思考 token，或最低推理强度）和通常设置测试 {model}：准确率保持才保留上限；否则放宽 {target}的延迟目标，或选择无需限制即可满足目标的模型",
        "warn_preview_listing": "{provider} 上的预览版上架",
        "preview_listing": "{model} 在 {listing} 上是预览版上架：服务商可能在短时间内变更或下架；生产环境请优先选择正式上架的服务",
        "preview_listing_ga": "{model} 在 {listing} 上是预览版上架：服务商可能在短时间内变更或下架。它的正式上架服务只差 {target}的响应时间目标：经由 {ga_provider} 估计需要 {ga_p95}{at_cap}，每月 {ga_monthly}{at_usual}：如果预览版下架，要继续用这个模型就得改用它，并把目标放宽到约 {ga_p95}；否则请换用另一个满足目标的模型",
        "rule_cheapest_in_tier": "在公开评分与最好水平相差不超过兼顾范围的 {n} 个模型中，它最便宜",
        "rule_tied_in_tier": "它是与最好公开评分并列的模型中最便宜的：在兼顾范围内的 {n} 个模型中，更便宜的几个评分明显更低，多省下的费用也不到质量之选每月费用的四分之一",
        "rule_cheapest_reaching_floor": "它是公开评分接近最好水平的模型中最便宜的（优先成本）",
        "rule_rated_for": "，只算有{cats}评分的模型（更便宜的几个没有）",
        "rule_cheapest_unrated": "没有公开评分覆盖此任务，因此它是待测试候选名单之首：先模型厂商自己的模型，再按成本",
        "rule_speech_coverage": "没有公开评分覆盖语音识别，因此它是待用您的音频测试的候选名单之首：先看是否有文档说明支持您的语言，再看是否为模型厂商自己的模型，最后按每分钟音频价格",
        "rule_speech_coverage_speakers": "没有公开评分覆盖语音识别，因此它是待用您的音频测试的候选名单之首：先看是否有文档说明支持您的语言，再看厂商是否说明能区分说话人（您需要区分说话人），然后看是否为模型厂商自己的模型，最后按每分钟音频价格",
        "rule_embedding_coverage": "公开的向量模型基准（海量文本向量基准）不在本目录快照中，因此按厂商的文档说明排在首位：先看是否支持您的语言，再看是否为厂商同系列中较大或较新的模型（先于较小或较旧的），然后看是否为厂商自己的 API，最后按成本",
        "rule_balanced": "（兼顾质量与成本：评分的可能区间与最好模型的相差不到 5 分就算够接近，分数本身可能差得更多）",
        "rule_measured_best": "它在您的样例上达标且成本最低",
        "how_self": "自托管",
        "how_api": "经由 {provider}，{tier}",
        "cost_unknown": "成本未知",
        "per_month": "每月 {monthly}",
        "rests_on": "其质量依据：{categories}{missing}{weak}。",
        "rests_weak": "；在{items}上较弱，请在您自己的样例上检查",
        "rests_missing": "；缺少 {missing} 的评分",
        "no_public_rating": "公开评分不覆盖{task}：首选只是待测试的候选名单。",
        "no_public_rating_embedding": "选定前请用您自己的查询测试检索效果（在 50-100 个标注好的查询上计算前几条结果的召回率）：这一点，加上海量文本向量基准（含多语言版）在您的语言上的结果，正是这份候选名单缺少的质量证据。",
        "value": "接下来可在您的样例上试用的性价比之选：{model}（{cost}{x}{d}）{tied}{missing}。",
        "value_missing": "；它没有{cats}的公开评分，请先核实这一点",
        "passed_over": "，排在评分更高但即将退役或为预览版的 {names} 之后，见表格",
        "passed_over_one": "，排在评分更高但即将退役或为预览版的 {names} 之后，见表格",
        "quality_pick": "质量之选（满足条件的最强模型{passed}）：{model}（{cost}{x}{d}）；{lead} 是与之对照的性价比之选：请在您的样例上比较两者。",
        "quality_x": "，费用为其 {x} 倍",
        "headroom": "在同样的 GPU 上没有更便宜且满足条件的模型；{model} 的公开评分与首选相当，在这些 GPU 上可处理 {capacity_x} 倍的请求：若用量增长可试用它。",
        "quality_d": "，公开评分{word} {d} 分（满分 100 分）",
        "quality_d_shared": "，在两者都有的公开评分上{word} {d} 分（满分 100 分，不计{cats}）",
        "value_tied": "：公开评分上和第一名差不多（差距在评分误差之内），请在您的样例上验证",
        "value_tied_best": "：公开评分上与评分最高的 {best} 差不多（差距在评分误差之内），请在您的样例上验证",
        "value_near": "：公开评分较低（两者评分的可能区间相差不到 {within} 分，但没有重叠），只有在您自己的样例上表现一样好时才考虑它",
        "value_near_best": "：公开评分较低（它的可能区间与评分最高的 {best} 的相差不到 {within} 分，但没有重叠），只有在您自己的样例上表现一样好时才考虑它",
        "value_cheaper": "：费用不超过一半的模型中评分最高的（排在两者之间的模型更贵或警告更多），质量差距请在您的样例上核实",
        "value_x": "，{cheaper}",
        "no_value_cheaper": "没有满足您要求的更便宜的候选",
        "no_value_trivial_saving": "{model} 每月只能省 {saving}（首选每月 {lead_monthly}），公开评分却低 {d} 分：省下的钱不值得去测试一个较弱的模型",
        "no_value_trivial_unrated": "{model} 每月只能省 {saving}（首选每月 {lead_monthly}）：省下的钱不值得再去测试名单中靠后的模型",
        "no_value_small_saving": "{model} 只是{cheaper}，公开评分却低 {d} 分（评分较低的性价比之选，费用最多只能是质量之选的 {share}）",
        "no_value_unrated": "更便宜的 {models}{more} 没有可比的公开评分",
        "no_value_provisional": "更便宜的 {models}{more} 即将下线、是预览版或因警告而暂缓",
        "no_value_more": " 等另外 {n} 个",
        "value_capacity": "，GPU 费用相同，但满负荷时每块 GPU 可处理 {x} 倍的请求",
        "value_d": "，公开评分{word} {d} 分（满分 100 分）",
        "value_d_shared": "，在两者都有的公开评分上{word} {d} 分（满分 100 分，不计{cats}）",
        "strongest": "满足条件的评分最高模型是 {model}（{quality}/100，{cost}）{why}。",
        "strongest_missing": "，因缺少 {missing} 的评分而排名靠后",
        "strongest_price": "，但它的价格需先确认，所以不作为质量之选",
        "strongest_soon": "，但它六个月内就要退役：现在开始的项目刚上线不久就得再迁移，所以不作推荐",
        "also_retiring": "同样评分更高、也因六个月内退役而不作推荐的还有：{items}。",
        "also_retiring_item": "{model}（{quality}/100，{date} 退役，每月 {cost}）",
        "strongest_tier": "，与首选公开评分并列最好但成本更高",
        "strongest_priority": "，因您把成本放在前面，排在质量相当但更便宜的模型之后",
        "path": "建议路径：{approach}。",
        "accuracy": "公开评分无法证实 {target} 的准确率目标：请在决定前用您自己的样例衡量。",
        "no_evidence": "{capabilities}没有公开评分可依据：排名无法说明哪个模型做得最好（也不说明哪个做得不好）；请用您自己的相关样例测试候选名单。",
        "no_candidate": "按当前要求没有候选模型",
        "unrated_pick": "首选模型 {model} 在该任务上没有公开评分：测试之前其质量未知",
        "retiring_soon": "{model} 已宣布将于 {date} 退役（参考日期后 {days} 天）：请规划迁移",
        "evidence_missing_risk": "{model} 缺少 {categories} 的评分：测试前该项质量未经证实",
        "preview_model": "{model} 是预览版：可能在短时间内变更或下线；生产环境请优先选择稳定版{stable}，或在它转为稳定版时重新测试",
        "latency_estimated": "延迟是估算值（首选 p95 {p95}，依据 {basis}），并非实测",
        "accuracy_unverified": "{target} 的准确率目标在用您的数据测试之前尚未验证",
        "one_provider": "前三名都依赖同一家服务商（{provider}）",
        "context_tight": "{model} 的上下文窗口（{context} token）比平均请求（{request} token）只多 {spare}：提示稍长，或换一种分词器计数，就会超出",
        "residency_question": "个人数据：如果您的用户在{regions}（根据语言推测），他们的数据可以在哪里处理？请先设置" + _zh_field("deployment.data_residency") + "（例如{first}）",
        "residency_question_stated": "个人数据：您的用户在{regions}（按您所说），他们的数据可以在哪里处理？请先设置" + _zh_field("deployment.data_residency") + "（例如{first}）",
        "rated_thinking_on": "{model} 按关闭思考计价（每月 {monthly}），因为此任务不需要；但它的公开评分是在“{effort}”思考设置下取得的：开启思考（每次请求至少约 {tokens} 个 token）每月约需 {monthly_on}{over}{deep_part}；请在您的样例上比较两种设置",
        "self_host_premium": "在您自己的 GPU 上运行 {model} 在此用量下每月约 {monthly}；同一模型通过 {provider} 的 API 每月约 {api_monthly}（{cheaper}），因为租用的 GPU 全天计费，而 API 按用量计费。只有数据不能离开您的服务器时才值得自行部署{break_even}。",
        "self_host_break_even": "，或每月请求超过约 {n} 次时",
        "health_law": "健康记录{where}：{law}",
        "in_place": "（{place}）",
        "health_law_ca": "安大略省的 PHIPA（各省有各自的健康隐私法；私营机构的个人信息适用 PIPEDA）要求诊所对所用的 AI 服务负责：安大略省隐私专员 2026 年 1 月关于 AI 病历助手的指引要求做隐私影响评估、取得患者知情同意、由临床人员审核每份记录，并与供应商签署书面协议；能在加拿大境内处理的服务商优先",
        "health_law_cn": "医疗健康信息属于《个人信息保护法》规定的敏感个人信息（第二十八、二十九条：需取得单独同意；第五十五条：事先做个人信息保护影响评估）；病历还适用《医疗机构病历管理规定》和 2022 年的《医疗卫生机构网络安全管理办法》：在本单位内处理最稳妥，使用任何外部服务都要先签协议、做评估",
        "health_law_eu": "健康数据属于《通用数据保护条例》第 9 条的特殊类别：发送任何健康数据之前，需要合法依据和第 9 条的条件、数据保护影响评估（第 35 条）以及处理者协议（第 28 条）",
        "health_law_uk": "健康数据属于英国《通用数据保护条例》的特殊类别：发送任何健康数据之前，需要数据保护影响评估和处理者协议；为 NHS 工作还需满足数据安全与保护工具包（DSPT）",
        "health_law_au": "健康信息属于 1988 年《隐私法》规定的敏感信息：收集需取得同意，向境外服务商披露前需采取合理措施（APP 8）",
        "health_law_tw": "病歷屬於臺灣《個人資料保護法》第 6 條的特種個人資料：只能在法律允許的情形下蒐集、處理或利用，並需書面同意或法律依據",
        "health_law_hk": "健康资料属于香港《个人资料（私隐）条例》下的个人资料：告知患者用途、妥善保护，并以合约约束任何外部处理者（保障资料第 2、4 原则）",
        "health_law_sg": "健康数据属于新加坡《个人数据保护法》下的个人数据（持牌医疗机构还适用《医疗服务法》）：需取得同意或符合例外、履行保护义务，并与外部服务签署数据处理合同",
        "sensitive_health": "（美国的健康数据需按其健康隐私法签署商业伙伴协议：发送任何患者数据之前，请确认服务商愿意为此服务签署；大型云平台（AWS Bedrock、Azure、Google Vertex）通常提供，模型厂商自己的 API 不一定提供）",
        "made_in_china_policy": "{model} 由中国大陆的公司开发。通过 {provider} 使用时，数据适用该服务商的条款和法律；但不少机构的采购和安全规定、以及一些政府对公共部门的规定，不论由谁提供服务都不允许使用中国大陆公司开发的模型：动手之前请先核实贵单位的规定",
        "no_local_processing": "候选名单中没有已知在{region}境内处理数据的服务：目录只记录了少数服务商的数据所在地区。如果法律或贵单位的规定要求数据在{region}境内处理，请向服务商确认能否从{region}的机房提供该模型并写入合同，或者自行部署；否则数据会在境外处理",
        "sensitive_data": "{sensitivity} 数据：只列入模型厂商 API 或公布了数据条款的企业云（或自托管）；发送数据前请核查条款（保留期、是否用于训练、地区），并与服务商签署数据处理协议{health}",
        "sensitive_data_eu": "{sensitivity} 数据：只列入模型厂商 API 或公布了数据条款的企业云（或自托管）；发送数据前请核查条款（保留期、是否用于训练、地区），并与服务商签署数据处理协议（欧盟《通用数据保护条例》第 28 条；数据传出欧盟还需相应的传输保障）",
        "sensitive_data_cn": "{sensitivity} 数据：只列入模型厂商 API 或公布了数据条款的企业云（或自托管）；发送数据前请核查条款（保留期、是否用于训练、地区），并与服务商签署数据处理协议（个人信息适用《个人信息保护法》，向境外提供需履行数据出境程序）",
        "warn_borderline": "估计 {p95}，略超 {target}目标",
        "warn_near": "估计 {p95}，{target}目标的临界值（规模未知）：需实测",
        "latency_near_target": "{model} 的估计响应时间为 {p95}，距您 {target}的目标不到 {margin}，而且这个估计的速度是猜测的（模型规模未知）：处于临界，请在确定前实测其响应时间",
        "latency_borderline_list": "估计延迟（响应时间）略超过您 {target}目标的模型（因估计值较粗略，超出不到 {margin} 仍保留）：{models}；请在确定前实测它们的响应时间",
        "latency_borderline_list_guessed": "估计延迟（响应时间）超过您 {target}目标的模型（因估计值较粗略，超出不到 {margin} 仍保留；模型规模未知、生成速度只是猜测时，超出不到 {guessed_margin} 仍保留：实际服务的速度约为猜测值的一半到两倍）：{models}；请在确定前实测它们的响应时间，若不达标，改用下一个达标的模型",
        "client_confidentiality": "委托人保密：律师对委托人文件负有保密义务{law}；把客户合同发给任何外部 API 之前，无论服务商的数据条款如何，都请先核对执业规范和委托协议（取得委托人同意，或去掉名称和可识别信息）",
        "client_confidentiality_cn": "（《律师法》第三十八条：执业中知悉的商业秘密和当事人隐私）",
        "public_sector_tw": "台湾的公务机关：台湾限制公务机关使用大陆厂牌的资通讯产品（行政院，2019 年）和中国厂商的 AI 服务（2025 年已要求各机关不得使用 DeepSeek），因此受中国法律管辖的服务商，以及由中国大陆公司开发的模型（无论由谁提供服务），都不列入推荐；市民的个人资料适用《个人资料保护法》：选择任何模型之前，请先核对本机关的规定",
        "mainland_audience_script": "面向大陆读者的简体中文：这些文案发布在大陆平台上，虽然您在{place}撰写，也须使用简体字和大陆用语；请在指令里写明，并在您自己的样例上检查",
        "traditional_script": "繁体中文：回答须使用繁体字和{place}的用语（不是简体，也不是大陆用语）；多数模型主要用简体文本训练，请在您自己的样例上检查，并在指令里写明",
        "content_rules_cn": "在中国大陆发布：AI 生成的内容须按《人工智能生成合成内容标识办法》（2025 年 9 月 1 日起施行）进行标识；广告文案不得使用《广告法》禁止的绝对化用语（如“最”“第一”），化妆品功效宣称需有依据，平台对未标明的商业推广（软广）也有规定：每篇发布前请由人审核",
        "payment_cards": "银行卡信息：如果{where}中含有卡号，存储或传输卡号的每个系统（包括本系统）都适用支付卡行业数据安全标准：在{what}交给任何服务商之前去除卡号（付款时暂停录音，或自动脱敏），测试集中也不要保留卡号",
        "speech_checks": "目录里看不到、需要用您自己的录音测试的：区分说话人{speakers}、长文件（服务商限制上传大小和时长：长录音需切分）、电话线路或嘈杂环境的音频，以及您领域的人名和术语",
        "latency_borderline": "{model} 的估计响应时间为 {p95}，略超过您 {target}的目标：因为估计值较粗略（超出不到 {margin} 仍保留），请在确定前实测其响应时间",
        "latency_borderline_guessed": "{model} 的估计响应时间为 {p95}，超过您 {target}的目标，但其生成速度只是猜测（模型规模未知；实际服务的速度约为猜测值的一半到两倍）：猜测速度下超出不到 {margin} 仍保留，请在确定前实测其响应时间",
        "sensitive_data_self": "{sensitivity} 数据留在您自己的服务器上：请像保护数据本身一样保护服务器、提示词和日志",
        "language_coverage": "没有公开评分覆盖 {languages} 的语音识别：准确率必须用您的音频测试",
        "no_evidence_risk": "{capabilities}没有公开评分可依据：在用您的样例测试之前，这方面的质量未知（并不是已知做得不好）",
        "accuracy_very_high": "{target} 的准确率目标超出了任何公开评分能保证的范围（评分是在别人的任务上对模型做相互比较）：上线前请用您自己的带标注样例衡量；要在 95% 置信度下证明它，至少需要 {examples} 个样例且一个都不能答错",
        "high_stakes": "{field}用途：在任何人据此采取行动之前，请让合格的{reviewer}审核模型的回答；模型的输出只是建议，不是决定",
        "stakes_field_medicine": "医疗",
        "stakes_field_legal": "法律",
        "stakes_field_finance": "金融",
        "stakes_reviewer_medicine": "临床医生",
        "stakes_reviewer_legal": "律师",
        "stakes_reviewer_finance": "专业人员",
        "stakes_field_insurance": "保险理赔",
        "stakes_reviewer_insurance": "理赔人员",
        "unrated_model": "{model} 没有{task}的公开评分：测试之前其质量未知",
        "mention_jurisdiction": "{data}将交给受{jurisdiction}的服务商",
        "mention_missing": "缺少{categories}的评分",
        "mention_unrated": "没有{task}的公开评分",
        "step_eval": "用 50-100 个带标准答案的真实样例建立评估集",
        "step_audio_set": "录制或收集 30-50 段带参考文本的真实音频：语音模型必须用您的音频测试",
        "step_probe": "用评估集测试候选名单（{names}）：`whichmodel probe --examples FILE --models ...`",
        "step_quality_first": "先用 {quality} 达到准确率目标，再检查 {value} 能否在您的样例上以更低成本保持",
        "step_quality_first_alone": "先用 {quality} 达到准确率目标，再在您的样例上尝试更便宜的模型",
        "step_quality_first_no_target": "先用 {quality} 在您的样例上定下质量基准，再检查 {value} 能否以更低成本接近它",
        "step_quality_first_alone_no_target": "先用 {quality} 在您的样例上定下质量基准，再用它衡量更便宜的模型",
        "step_caching": "您的提示很长（{input} token）：把每次请求都相同的部分（指令、检查清单、示例）放在最前面并开启提示缓存，再把它所占的比例填入" + _zh_field("volume.cached_input_fraction") + "（每次都不同的文档无法缓存）",
        "step_load": "在确定集群规模之前，在选定 GPU 上对自托管模型做压力测试",
        "step_batch": "您的回答可以等待 {target}：{model}（经由 {provider}）有半价的批处理接口，每月约 {batch_monthly}，而不是 {monthly}；批处理任务的目标是 24 小时内完成（通常快得多，但不保证），请先对照您的时间窗口再决定是否依赖它",
        "step_redundancy": "{model} 一个副本足以承载请求量，但没有故障切换：再加一个副本（每月多 {monthly}）可在 GPU 故障或升级时保持服务",
        "step_measure_accuracy": "上线前，请用至少 {examples} 个您自己的带标注样例衡量 {target} 的准确率目标（不能有一个答错：n 个回答无一出错时，错误率在 95% 置信度下低于 3/n，即“三法则”）",
        "volume": "平均每次请求 {input} 个输入 token、{output} 个输出 token，每月 {requests} 次请求",
        "audio_minutes": "每次请求 {minutes} 分钟音频{assumed}，每月 {requests} 次请求",
        "audio_tokens": "按 token 计价：每分钟音频约 {per_minute} 个 token",
        "assumed": "（假设值；可设置" + _zh_field("volume.audio_minutes") + "）",
        "cache_no_price": "未列出缓存读取价格：缓存输入按输入价格计",
        "cache_applied": "{fraction} 的输入 token 来自提示缓存",
        "cache_agent_loop": "智能体每一步都会重新发送不断增长的上下文（指令、工具结果、已读取的文件），因此按 {fraction} 的输入从提示缓存读取计费：除非您自己填写了这个比例，否则这是假设（请把服务商报告的实际比例填入" + _zh_field("volume.cached_input_fraction") + "）",
        "cache_possible": "{input} token 的提示较长：未计入提示缓存（如果提示重复，请设置" + _zh_field("volume.cached_input_fraction") + "）",
        "cache_possible_priced": "{who}{input} token 的提示较长：该费用未计入提示缓存；如果其中 {hit} 的输入（假设的比例）是重复的前缀并从缓存读取（每百万 token {read}，服务商的缓存读取价），每月约为 {cached_monthly}{write}；请设置" + _zh_field("volume.cached_input_fraction") + "，按您的实际比例规划",
        "cache_write_part": "，其余输入按每百万 token {write} 的缓存写入价计费，而不是 {input_price} 的输入价（服务商对写入缓存收费；这是上限，因为只有被缓存的前缀会写入，且只在缓存过期时写入）",
        "cache_no_write_part": "；该服务商未列出缓存写入费用",
        "cache_write": "{model}：未从缓存读取的输入按每百万 token {price} 的缓存写入价计费，而不是 {input_price} 的输入价（服务商对写入缓存收费；这是上限，因为只有被缓存的前缀会写入，且只在缓存过期时写入）",
        "cache_write_rule": "{model}：未从缓存读取的输入按每百万 token {price} 的缓存写入价计费，而不是 {input_price} 的输入价（{maker_name} 从 {since} 系列起按输入价的 {factor} 倍对缓存写入收费，此前的模型写入免费，见 {source}；这是上限，因为只有被缓存的前缀会写入，且只在缓存过期时写入）",
        "cache_storage": "{provider} 的上下文缓存为显式缓存：缓存的 token 还按保留时长（每小时）收取存储费（上面未计入）",
        "sh_export_control": "{gpu} 受美国对中国大陆的出口管制：这些数字只作参照；请向您的供应商确认在国内能供应哪些加速卡，并按其显存和带宽重新估算",
        "home_law_unknown": "没有说明您所在的地方（请设置" + _zh_field("location") + "），因此不假定您的本地法律：只对受中国法律管辖的服务商加了标注；受其他国家法律（美国、欧盟等）管辖的服务商对您的数据同样可能有影响",
        "image_tokens": "图片和 PDF 页面：每次请求的 {input} 个输入 token 按同一数字计入每个模型，但各厂商对一页图片的计数不同（按其文档的计数方法：Gemini 每个图块约 260 个 token，GPT-4o 类模型高清模式下一页约 770-1,100 个，Claude 对 1,092 像素的页面约 1,600 个）：请先把一页样张发给候选模型，看实际计费的输入 token，再相信成本数字",
        "sh_weights": "{quant} 权重（每个参数 {bytes} 字节），共 {total}B 参数{active_note}",
        "sh_active": "，每个 token 激活 {active}B",
        "sh_kv": "KV 缓存按每 token 约 {kb} kB 估算（GQA 经验公式；精确值需模型配置），{concurrency} 个并发序列，每个 {context} token",
        "sh_overhead": "额外开销：权重与缓存的 10% 加 1 GB 运行时；GPU 显存可用 90%；GPU 数量向上取整到 2 的幂",
        "sh_decode": "解码受显存带宽限制（每块 GPU {bandwidth} GB/s），单路每秒最多 {max_stream} 个 token（无论总带宽多大，内核启动和 GPU 间的全归约都会限制单路速度）；预填充按 {tflops} TFLOPS 的 {eff} 计算",
        "sh_traffic": "峰值流量为月平均的 {peak} 倍；利用率 {util}；全天候运行（每月 730 小时）",
        "sh_failover": "{replicas} 个副本：{needed} 个承担用量，另加 1 个用于故障切换，这样 GPU 故障或升级时服务不会中断（每月 {volume} 次请求及以上的服务都这样规划）",
        "sh_gpu_price": "GPU 价格每小时 {hourly}（厂商数据表中的显存、带宽、BF16 TFLOPS；2026 年按需价格，仅供参考）",
        "sh_pcie": "{gpu} 卡之间没有高速互联（仅 PCIe）：模型各层分布在 {cards} 块卡上，每个 token 依次经过各卡，因此单路解码速度按一块卡的带宽计算（经 PCIe 的张量并行可能稍快：请实测）（NVIDIA HGX 与 AMD Instinct 平台资料；RTX 40 系列、L4、A10G、L40S 仅有 PCIe）",
        "sh_thinking": "每次请求在回答前解码 {tokens} 个思考 token（与输出一样占用 GPU 时间）：这是该模型通常的思考量，因为这里估算的是您自己的 GPU；上文的 API 方案可能为了在服务商的速度下满足响应时间目标而削减了思考量",
        "sh_quantized": "按 {quant} 量化权重估算：按发布时的精度（{released}），该模型需要 {released_cards} 块 {gpu}，超出您现有的显卡或一台机器能装的数量，量化到 {quant} 后 {cards} 块即可装下；它的公开评分是在全精度下取得的，依赖它之前请在您自己的样例上检查 {quant} 量化后的回答（deployment.quantization 可指定精度）",
        "sh_fp8_option": "按发布时的 16 位权重估算；若用 FP8 权重（厂商发布了 FP8 版本就用它，否则用标准 FP8 量化，"
        "请在您的样例上检查质量），需要 {replicas} 份、每份 {gpus} 块 {gpu}，每月 {monthly}"
        "（把需求中的自托管精度设为 FP8）",
        "long_context_tier": "{who}适用长上下文价格档（提示超过 {above} token）{borrowed}",
        "tiers_assumed": "；该模型的各个价格表都没有列出这一档，因此假定它与 {maker} 其他模型在这一长度以上的加价相同（请查看其价格页面）",
        "tiers_borrowed": "；该服务的价格表没有列出这一档，因此采用 {provider} 对同一模型、同样基础价格所列的价格",
        "no_long_context_tier": "{who}按基础价格计算：价格表没有列出提示超过 {above} token 的单独价格，"
        "部分厂商对这类长提示收费更高（请查看厂商的价格页）",
        "thinking_floor": "思考预算下限：对于{why}，响应时间目标绝不会把模型的思考预算削减到通常的 {share} 以下（它的公开评分是在充分思考下取得的）；即使削减到下限仍然太慢的模型会按“太慢”排除，并说明放宽目标需要多少；但如果它可以关闭思考且关闭后能达到目标，就按关闭思考列出并加以标注，因为它的评分是在思考状态下取得的。",
        "thinking_cut_allowed": "思考预算削减：除推理、医疗和法律任务外，响应时间目标可以把模型的思考预算削减到通常的 {share} 以下（{model}：{usual} 个中的 {cap} 个），因为许多步骤本身只需少量思考；如有未削减、且可长期使用的同类模型（即将退役或预览版的不算），这样的模型排在它们之后，而且它在该设置下的质量未经验证，请按该设置实测，或放宽目标。",
        "floor_why_task": "推理类任务",
        "floor_why_medicine": "医疗任务",
        "floor_why_legal": "法律任务",
        "thinking_tokens": "{who}推理模型每次请求 {tokens} 个隐藏思考 token，按输出计费，并在回答前解码{assumed}",
        "thinking_assumed": "（假设值；可设置" + _zh_field("volume.thinking_tokens") + "）",
        "free_for_production": "$0：模型厂商允许在生产中免费使用（{source}，{as_of}），并非试用或免费额度",
        "tokenizer": "{model} 的分词器对同样的文字最多算出 {factor} 倍的 token（据 Anthropic 2026-04-16 发布 Claude Opus 4.7 时的说明，约 1.0–1.35 倍；Opus 4.8 和 Claude 5 系列沿用该分词器）：按每次请求 {input} 个输入 token、{output} 个输出 token 计费",
        "page_image_tokens": "{model} 按其厂商的计算方法，一页图片约计 {tokens} 个输入 token，而不是所填输入按 GPT-4o 类模型估计的约 {baseline} 个（据 OpenAI 的图像与视觉指南：GPT-4o mini 每个 512 像素图块计 5,667 个 token，外加 2,833 个，使一张图片的费用与 GPT-4o 大致相同）：按每次请求一页图片、{input} 个输入 token 计费",
        "thinking_capped": "（为使回答时间满足 {target} 秒的延迟目标而设的上限：请把该模型的思考预算或推理强度调低到此值，并在您的样例上核实此设置下的准确率）",
        "thinking_capped_adaptive": "（为使回答时间满足 {target} 秒的延迟目标而压低：此模型不接受思考 token 预算，请调低推理强度；token 数为估算，请在您的样例上核实此设置下的回答时间和准确率）",
        "thinking_off": "{who}假设关闭思考{off_note}；开启思考每次请求至少约多 {tokens} 个 token：每月 +{monthly}{secs}{deep_part}",
        "off_note": "（在请求中关闭思考：请确认不写这一项时此模型是否默认思考）",
        "off_note_omit": "（该模型仅在要求时思考：请求中不要带思考设置，显式的关闭设置会被拒绝）",
        "off_note_minimal": "（思考档设为最低档：它没有“关闭”，最低档在难题上仍可能少量思考）",
        "off_note_explicit": "（每次请求都显式关闭思考：不写这一项时此模型默认会思考，费用和耗时就是下面开启思考的数字）",
        "thinking_off_deep": "；按公开评分所用那类设置的约 {deep} 个 token 计，每月 +{deep_monthly}",
        "thinking_secs": "，每次请求约多 {s} 秒",
        "thinking_who": "{model}：",
        "thinking_not_exposed": "该模型支持推理，但 {provider} 的接口未提供思考模式：按不思考计算费用和延迟",
        "latency_model": "以秒计的延迟根据提示长度、服务方类别和模型规模估算（p95 取典型时间的 1.5 倍），并非实测",
        "stale_source": "{source} 数据日期为 {date}，比 {as_of} 早 {days} 天：价格和评分可能已变化",
        "probe_measured": "在您的样例上实测（{probe_set}）：正确率 {acc}（{ci}），n={n}；p95 延迟 {p95}",
        "probe_below": "{model}：实测正确率 {acc}（{ci}，n={n}）低于 {target} 的目标：已排除",
        "probe_slow": "{model}：实测 p95 延迟 {p95} 秒（n={n}）超过 {limit} 秒的上限：已排除",
        "probe_worse": "{model}：实测正确率 {acc}（{ci}，n={n}）低于实测最好的 {best}：排在未测模型之后",
        "probe_lead": "{model} 排第一：它在您的样例上达标（{acc}，n={n}），且在达标者中成本最低",
        "probe_meets": "{model}：在您的样例上达标（{acc}，n={n}）",
        "probe_no_target": "未设准确率目标：以实测最好模型的 {best} 为标准",
        "probe_unmatched": "{endpoint}（{model}）不对应候选名单中的任何模型：仅报告，不参与排名",
        "probe_none": "未实测",
        "probe_summary": "在您的样例上实测（{probe_set}，{n} 条）：{items}。",
        "probe_relax": "把准确率目标降到 {best}（实测最好成绩），或先用更好的提示和上下文、再用 RAG 或微调提高准确率，然后重新测试",
        "probe_below_target": "在您的样例上实测的准确率低于目标",
        "probe_too_slow": "在您的样例上实测的 p95 延迟超过上限",
        "whynot_not_found": "目录中没有与“{query}”匹配的模型。",
        "whynot_ranked": "{model} 满足您的全部要求：在满足要求的 {passing} 个模型中排第 {rank}。",
        "whynot_eliminated": "{model} 不在推荐名单上。即使是它最接近的服务（通过{provider}）也不满足：",
        "whynot_eliminated_self": "{model} 不在推荐名单上。自行部署时不满足：",
        "whynot_vs_top": "与第 1 名 {top} 相比：{q}；{c}。",
        "whynot_q": "公开评分{word} {d} 分（满分 100 分）",
        "whynot_is_pick": "它就是我推荐的模型：公开评分 {quality}/100，每月 {monthly}",
        "whynot_q_none": "没有公开评分，无法比较质量",
        "whynot_c": "月成本是它的 {ratio} 倍",
        "whynot_c_less": "每月{cheaper_inv}",
        "whynot_c_none": "没有已知价格，无法比较成本",
        "no_offering": "目录中没有它的任何服务",
        "fail_too_slow": "最慢的二十分之一回答约需 {p95_seconds}，超过您 {target_seconds}的上限",
        "fail_context_too_small": "一次最多读 {context} 个 token，需要 {needed}",
        "fail_untrusted_provider": "{provider} 是转售平台（{tier}），默认不在可信卖家之列",
        "fail_residency": "它在{region}运行，但要求数据留在{required}",
        "region_unknown": "服务商未说明的地区",
        "prompt_engineering": "把要求写清楚，并附上一两个好例子",
        "rag": "每次回答前检索您自己的文档（RAG，检索增强生成）",
        "fine_tuning": "用您的样例进一步训练模型（微调）",
        "train_from_scratch": "从零训练",
        "long_context": "把文档放进提示词并开启缓存",
        "evaluate_on_your_data": "用您自己的数据实测",
        "sep": "；",
        "and": "、",
        "none": "无",
    },
}

TIER_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {"maker": "the maker's own API", "cloud": "enterprise cloud", "host": "established host",
           "aggregator": "aggregator", "plan": "subscription plan", "unknown": "unverified reseller", "self": "self-hosted"},
    "zh": {"maker": "模型厂商自己的 API", "cloud": "企业云", "host": "成熟的推理服务商", "aggregator": "聚合平台",
           "plan": "订阅套餐", "unknown": "未经核实的转售商", "self": "自托管"},
}  # fmt: skip
NEED_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {"tool_calling": "tool calling", "structured_output": "structured output", "reasoning": "reasoning",
           "open_weights": "open weights"},
    "zh": {"tool_calling": "工具调用", "structured_output": "结构化输出", "reasoning": "推理", "open_weights": "开放权重"},
}  # fmt: skip
REGION_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {"cn": "China", "eu": "the EU", "us": "the US", "sg": "Singapore", "ch": "Switzerland", "uk": "the UK",
           "au": "Australia", "tw": "Taiwan", "hk": "Hong Kong", "ca": "Canada"},
    "zh": {"cn": "中国", "eu": "欧盟", "us": "美国", "sg": "新加坡", "ch": "瑞士", "uk": "英国", "au": "澳大利亚", "tw": "台湾", "hk": "香港", "ca": "加拿大"},
}
TASK_EN: Mapping[str, str] = {
    "chat": "chatting with people",
    "qa": "answering questions",
    "summarization": "summarising",
    "extraction": "pulling facts out of text (extraction)",
    "classification": "sorting into categories (classification)",
    "translation": "translating",
    "code": "writing code",
    "reasoning": "step-by-step reasoning",
    "agent": "carrying out tasks with tools (agent)",
    "embedding": "search by meaning (embeddings)",
    "image_generation": "making images",
    "speech_to_text": "turning speech into text",
    "vision": "understanding images",
    "writing": "writing",
    "moderation": "content moderation",
}
"""Tasks in plain English words (the requirements file's `task_type` values are codes: "qa")."""
TASK_ZH: Mapping[str, str] = {
    "chat": "对话",
    "qa": "问答",
    "summarization": "摘要",
    "extraction": "信息抽取",
    "classification": "分类",
    "translation": "翻译",
    "code": "编程",
    "reasoning": "推理",
    "agent": "智能体",
    "embedding": "向量嵌入",
    "image_generation": "图像生成",
    "speech_to_text": "语音转文字",
    "vision": "视觉",
    "writing": "文案写作",
    "moderation": "内容审核",
}


def t(lang: Lang, key: str) -> str:
    return TEXT[lang].get(key) or TEXT["en"][key]


def reason_label(lang: Lang, code: str) -> str | None:
    """The plain label of an elimination or relaxation code (None: the code has none)."""
    return TEXT[lang].get(code) or TEXT["en"].get(code)


def task_name(lang: Lang, task: str) -> str:
    return TASK_ZH.get(task, task) if lang == "zh" else TASK_EN.get(task, task.replace("_", " "))


def usd(value: Param) -> str:
    """Money as people read it: $1.0M, $13,000, $130.00, $0.0042."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "n/a"
    v = float(value)
    if v >= 1_000_000:
        return f"${v / 1_000_000:,.1f}M"
    if v >= 10_000:
        return f"${v:,.0f}"
    if v >= 0.1 or v == 0:
        return f"${v:,.2f}"
    return f"${v:.4f}"


_CURRENCY: ContextVar[str | None] = ContextVar("explain_currency", default=None)
"""The currency monthly bills are said in (None: US dollars); set by `in_currency`."""


@contextmanager
def in_currency(currency: str | None) -> Iterator[None]:
    """Say monthly bills in `currency` (ISO code; None or USD: dollars) within the block."""
    token = _CURRENCY.set(None if currency is None or currency.upper() == "USD" else currency.upper())
    try:
        yield
    finally:
        _CURRENCY.reset(token)


def monthly_in(value: Param, lang: Lang, currency: str | None) -> str:
    """A monthly bill kept in US dollars, said in the person's currency first when they gave their
    budget in another one: "¥201（约 $28.35）", "€26.25 (about $28.35)"."""
    if currency is None or currency.upper() == "USD" or not isinstance(value, int | float) or isinstance(value, bool):
        return usd(value)
    local = money(from_usd(float(value), currency), currency, lang)
    return f"{local}（约 {usd(value)}）" if lang == "zh" else f"{local} (about {usd(value)})"


def monthly(value: Param, lang: Lang) -> str:
    """A monthly bill in the currency set by `in_currency` (US dollars by default)."""
    return monthly_in(value, lang, _CURRENCY.get())


def seconds(value: Param, lang: Lang = "en") -> str:
    """Seconds as people read them: "1.05 s", "20 s"; in Chinese "1.05 秒"."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "n/a"
    if value >= 3600:  # a batch window: "12 hours", not "43,200 s"
        hours = value / 3600
        shown = f"{hours:,.0f}" if hours.is_integer() else f"{hours:,.1f}"
        return f"{shown} 小时" if lang == "zh" else f"{shown} hour{'' if hours == 1 else 's'}"
    unit = "秒" if lang == "zh" else "s"
    if float(value).is_integer():
        return f"{value:,.0f} {unit}"
    return f"{value:,.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


QUALITY_SCALE = (0.0, 100.0)


def on_quality_scale(value: float) -> float:
    """A quality figure as shown: within the 0-100 scale. An interval (value plus or minus its
    half-width) can run past either end; the scale cannot, so what is shown is clipped (display only:
    the ranking compares the intervals as computed)."""
    low, high = QUALITY_SCALE
    return min(high, max(low, value))


def bound(value: Param) -> str:
    """An interval end on the 0..100 quality scale, clipped to it, one decimal."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "n/a"
    return points(on_quality_scale(float(value)))


def points(value: Param) -> str:
    """A quality figure on the 0..100 scale, one decimal."""
    return f"{value:.1f}" if isinstance(value, int | float) and not isinstance(value, bool) else "n/a"


def num(value: Param) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "n/a"
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}"


def pct(value: Param) -> str:
    """A computed share (a margin, a utilisation, a hit rate), rounded to a whole percent."""
    return f"{value:.0%}" if isinstance(value, int | float) else "n/a"


def stated_pct(value: Param) -> str:
    """A share the person stated (an accuracy target), shown as stated: 0.995 -> 99.5%, 0.9 -> 90%.

    Rounding a stated figure to a whole percent changes what was asked (99.5% is not 100%)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "n/a"
    return f"{value * 100:.2f}".rstrip("0").rstrip(".") + "%"


def names(lang: Lang, values: Param) -> str:
    items = values if isinstance(values, list) else []
    return t(lang, "and").join(str(v) for v in items) or t(lang, "none")


def category_names(lang: Lang, values: Param) -> str:
    """Rating categories by their plain names in `lang` (中文, 指令遵循, not chinese, instruction_following)."""
    items = values if isinstance(values, list) else []
    return t(lang, "and").join(category_name(str(v), lang) for v in items) or t(lang, "none")


def capability_names(lang: Lang, values: Param) -> str:
    """Needed capabilities or missing rating categories by their plain names in `lang`."""
    items = values if isinstance(values, list) else []
    return t(lang, "and").join(capability_name(str(v), lang) for v in items) or t(lang, "none")


def language_names(lang: Lang, values: Param) -> str:
    """Language codes by their plain names in `lang` (Portuguese, 葡萄牙语; not pt)."""
    items = values if isinstance(values, list) else []
    return t(lang, "and").join(language_name(str(v), lang) for v in items) or t(lang, "none")


def tier_name(lang: Lang, tier: Param) -> str:
    return TIER_NAMES[lang].get(str(tier), str(tier))


# --- one renderer per code that needs more than its numbers --------------------------------------


def basis_text(lang: Lang, basis: str) -> str:
    """The words for a latency basis code such as 'active_params:17;tier:cloud;prefill:8000'."""
    if basis == "audio_realtime":
        return t(lang, "lat_audio_basis")
    parts: dict[str, str] = {}
    for part in basis.split(";"):
        name, _, value = part.partition(":")
        if name:
            parts[name] = value
    why: list[str] = []
    if "active_params" in parts:
        key = "basis_active_params_read" if "embedding" in parts else "basis_active_params"  # no decoding
        why.append(t(lang, key).format(b=parts["active_params"]))
    elif "name_tier" in parts:
        word = parts["name_tier"]  # a tier word of model names (mini, flash): a name, written as one in Chinese
        key = "basis_name_small" if word == "small" else "basis_name_tier"  # not "a small 'small' tier"
        why.append(t(lang, key).format(word=word.capitalize() if lang == "zh" else word))
    elif "size_unknown" in parts:
        why.append(t(lang, "basis_size_unknown"))
    elif "self_host" in parts:
        gpu, _, n = parts["self_host"].rpartition("x")
        why.append(t(lang, "basis_self_host").format(gpu=gpu or parts["self_host"], n=n if gpu else "1"))
    if "tier" in parts:
        why.append(t(lang, "basis_tier").format(tier=tier_name(lang, parts["tier"])))
    if "fast_host" in parts:
        why.append(t(lang, "basis_fast_host").format(provider=parts["fast_host"]))
    if "prefill" in parts:
        why.append(t(lang, "basis_prefill").format(n=num(float(parts["prefill"]))))
    if "cached" in parts:
        why.append(t(lang, "basis_cached").format(n=num(float(parts["cached"])), share=pct(float(parts.get("cache_read") or 0))))
    return tidy(lang, t(lang, "sep").join(why))


def latency_text(lang: Lang, p: Mapping[str, Param]) -> str:
    """Seconds and their basis, never a bare class word."""
    basis = str(p.get("basis") or "")
    if basis == "audio_realtime":
        text = t(lang, "lat_audio").format(p95=seconds(p.get("p95"), lang))
    elif "embedding" in basis.split(";"):  # no output tokens: the prompt read is the whole time
        text = t(lang, "lat_embed").format(p95=seconds(p.get("p95"), lang), basis=basis_text(lang, basis))
    else:
        why = [basis_text(lang, basis)]
        thinking = p.get("thinking") or 0
        gen = p.get("gen") if p.get("gen") is not None else None
        text = (
            t(lang, "lat")
            .format(
                p95=seconds(p.get("p95"), lang),
                ttft=seconds(p.get("ttft"), lang),
                gen=num(gen) if gen is not None else "",
                thinking=t(lang, "lat_thinking").format(n=num(thinking)) if thinking else "",
                tps=num(p.get("tps")),
                basis=t(lang, "sep").join(why),
            )
            .replace(" 0 tokens", " ")
            .replace("  ", " ")
        )
    target, p95 = p.get("target"), p.get("p95")
    if isinstance(target, int | float) and isinstance(p95, int | float):
        key = "lat_target_ok" if p95 <= target else "lat_target_no"
        if p.get("near_margin") is not None:
            key = "lat_target_near"
        text += t(lang, key).format(target=seconds(target, lang), margin=pct(p.get("near_margin")))
    return tidy(lang, text)


def _quality(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    return {
        "value": points(p.get("value")), "lower": bound(p.get("lower")), "upper": bound(p.get("upper")),
        "categories": category_names(lang, p.get("categories")), "rank": num(p.get("rank")), "of": num(p.get("of")),
        "in_tier": (t(lang, "in_tier_alone") if p.get("tier_size") == 1 else t(lang, "in_tier")
                    if p.get("tier_rule", "best_in_tier") in ("best_in_tier", "dead_heat") else t(lang, "in_margin"))
        if p.get("in_tier") else "",
    }  # fmt: skip


def _cost_api(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    per_minute = p.get("unit") == "per_audio_minute"
    unit = t(lang, "per_minute" if per_minute else "per_m_tokens")
    thinking = p.get("thinking") or 0
    return {
        "monthly": monthly(p.get("monthly"), lang), "per_1k": usd(p.get("per_1k")), "offering": str(p.get("offering")),
        "inp": usd(p.get("input_price")) + unit, "out": usd(p.get("output_price")) + unit,
        "thinking": (t(lang, "lat_thinking").format(n=num(thinking)) if thinking else ""),
        "source": _source(lang, p), "as_of": str(p.get("as_of")),
    }  # fmt: skip


def _source(lang: Lang, p: Mapping[str, Param]) -> str:
    """A data source by its name in `lang`: `source_id` (else `source`, which is an id for prices)."""
    name = str(p.get("source"))
    return source_name(str(p.get("source_id") or name), name, lang)


def _offerings(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    resellers = ""
    if p.get("resellers"):
        resellers = t(lang, "resellers").format(
            n=p.get("resellers"),
            offering=p.get("cheapest_reseller"),
            monthly=monthly(p.get("cheapest_reseller_monthly"), lang),
        )
    return {"trusted": num(p.get("trusted")), "resellers": resellers}


def _meets(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """The checks that apply and hold: a context (or input limit) only when it was checked."""
    items = []
    if isinstance(p.get("context"), int | float) and isinstance(p.get("needed"), int | float):
        key = "meets_input" if p.get("input") else "meets_context"
        items.append(t(lang, key).format(context=num(p.get("context")), needed=num(p.get("needed"))))
    needs = [NEED_NAMES[lang].get(n, n) for n in (p.get("needs") or []) if isinstance(n, str)]  # type: ignore[union-attr]
    if needs:
        items.append(t(lang, "and").join(needs))
    return {"items": t(lang, "sep").join(items)}


def _chunking(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    return {"context": num(p.get("context")), "stated": num(p.get("stated"))}


def _quality_diff(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    d = float(p.get("d") or 0.0)  # type: ignore[arg-type]
    left_out = [str(c) for c in p.get("left_out") or []]  # type: ignore[union-attr]
    shared = t(lang, "shared_ratings").format(cats=capability_names(lang, left_out)) if left_out else ""
    return {"d": points(abs(d)), "word": t(lang, "higher" if d > 0 else "lower"), "shared": shared,
            "overlap": t(lang, "overlap") if p.get("overlap") else ""}  # fmt: skip


def _points(lang: Lang, key: str, d: Param, left_out: Param = None) -> str:
    """A quality difference said as what it is: points higher or lower on the public ratings (0-100),
    on the ratings both models have when a required one was set aside (`left_out`)."""
    if not isinstance(d, int | float) or isinstance(d, bool):
        return ""
    cats = capability_names(lang, left_out) if left_out else ""
    return t(lang, key + "_shared" if cats else key).format(
        d=f"{abs(d):.1f}", word=t(lang, "lower" if d < 0 else "higher"), cats=cats)


def _lead(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    provider = provider_display(
        str(p["provider_name"]) if p.get("provider_name") else None, str(p.get("offering") or "").split(":")[0], lang
    )
    how = (
        t(lang, "how_self")
        if p.get("self_hosted")
        else t(lang, "how_api").format(provider=provider, tier=tier_name(lang, p.get("tier")))
    )
    alone = p.get("tier_size") == 1 and p.get("rule") == "best_in_tier"
    rule_key = "rule_alone" if alone else "rule_" + str(p.get("rule")) + ("_faster" if p.get("faster") else "")
    gap = p.get("rival_gap")
    if rule_key == "rule_dead_heat" and isinstance(gap, int | float) and round(gap, 1) == 0:
        rule_key = "rule_dead_heat_same"  # never "rated only 0.0 of 100 points higher"
    rule = t(lang, rule_key).format(
        n=p.get("tier_size"), rival=p.get("rival"), gap=points(p.get("rival_gap")), x=p.get("rival_x"),
        rival_monthly=monthly(p.get("rival_monthly"), lang), rival_p95=seconds(p.get("rival_p95"), lang),
        lead_p95=seconds(p.get("lead_p95"), lang), prio=t(lang, "prio_balanced" if p.get("priority") == "balanced" else "prio_quality"))
    if p.get("priority") == "balanced" and p.get("rule") == "cheapest_in_tier":
        rule += t(lang, "rule_balanced")
    if p.get("rated_for"):
        rule += t(lang, "rule_rated_for").format(cats=capability_names(lang, p.get("rated_for")))
    cost = (
        t(lang, "cost_unknown")
        if p.get("monthly") is None
        else t(lang, "per_month").format(monthly=monthly(p.get("monthly"), lang))
    )
    return {"use_case": str(p.get("use_case")), "model": str(p.get("model")), "how": how, "passing": num(p.get("passing")),
            "task": task_name(lang, str(p.get("task"))), "rule": rule, "cost": cost, "requests": num(p.get("requests"))}  # fmt: skip


def _rests_on(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    missing = p.get("missing") or []
    weak, scores = p.get("weak") or [], p.get("weak_scores") or []
    items = t(lang, "sep").join(f"{category_names(lang, [c])} ({n}{'/100' if lang == 'zh' else ' of 100'})"
                                for c, n in zip(weak, scores, strict=False))  # type: ignore[arg-type]
    return {"categories": category_names(lang, p.get("categories")),
            "missing": t(lang, "rests_missing").format(missing=capability_names(lang, missing)) if missing else "",
            "weak": t(lang, "rests_weak").format(items=items) if items else ""}  # fmt: skip


def _value(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    d = p.get("d")
    return {
        "model": str(p.get("model")),
        "cost": t(lang, "per_month").format(monthly=monthly(p.get("monthly"), lang)),
        "x": t(lang, "value_x").format(x=p.get("x"), cheaper=zh_cheaper(p.get("x"))) if p.get("x")
        else (t(lang, "value_capacity").format(x=p.get("capacity_x")) if p.get("capacity_x") else ""),
        "d": _points(lang, "value_d", d, p.get("left_out")),
        "tied": _value_tied(lang, p),
        "missing": t(lang, "value_missing").format(cats=capability_names(lang, p.get("missing")))
        if p.get("missing") else "",
    }


def _value_tied(lang: Lang, p: Mapping[str, Param]) -> str:
    """How the value pick stands on public ratings: tied with or near the top-rated candidate (named
    when it is not the #1), or the best-rated cheaper one."""
    tied = p.get("tied")
    if not tied:
        return ""
    key = f"value_{tied}_best" if p.get("best") and tied in ("tied", "near") else f"value_{tied}"
    within = p.get("within")
    return t(lang, key).format(best=p.get("best"), within=f"{within:g}" if isinstance(within, int | float) else "5")


def _no_value(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    d, n, models = p.get("d"), p.get("n"), p.get("models")
    shown = len(models) if isinstance(models, list) else 0
    return {
        "model": str(p.get("model")),
        "x": str(p.get("x")),
        "d": f"{abs(d):.1f}" if isinstance(d, int | float) else "n/a",
        "share": pct(p.get("share")),
        "models": names(lang, models),
        "more": t(lang, "no_value_more").format(n=n - shown) if isinstance(n, int) and n > shown else "",
        "saving": monthly(p.get("saving"), lang),
        "lead_monthly": monthly(p.get("lead_monthly"), lang),
    }


def _quality_pick(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    d = p.get("d")
    return {
        "model": with_warnings(str(p.get("model")), [t(lang, "warn_preview_listing").format(provider=p.get("listing"))]
                               if p.get("listing") else []),
        "lead": str(p.get("lead")),
        "cost": t(lang, "per_month").format(monthly=monthly(p.get("monthly"), lang)),
        "x": t(lang, "quality_x").format(x=p.get("x")) if p.get("x") else "",
        "d": _points(lang, "quality_d", d, p.get("left_out")),
        "passed": t(lang, "passed_over" if len(passed) > 1 else "passed_over_one").format(names=t(lang, "and").join(str(n) for n in passed))
        if isinstance(passed := p.get("passed_over"), list) and passed
        else "",
    }


def _also_retiring(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """`engine._also_retiring`'s parallel lists as one item per model."""
    lists = [p.get(k) if isinstance(p.get(k), list) else [] for k in ("models", "qualities", "dates", "monthlies")]
    return {"items": t(lang, "sep").join(
        t(lang, "also_retiring_item").format(model=m, quality=q, date=d, cost=monthly(float(c), lang))
        for m, q, d, c in zip(*lists, strict=False))}


def _strongest(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    missing = p.get("missing") or []
    why = ""
    if p.get("soon"):  # retiring within six months (`engine.IMMINENT_DAYS`): ranked after every lasting model
        why = t(lang, "strongest_soon")
    elif missing:
        why = t(lang, "strongest_missing").format(missing=capability_names(lang, missing))
    elif p.get("price_ratio") is not None:  # held back by a price far below the usual one (s01's Kimi K2.6)
        why = t(lang, "strongest_price")
    elif p.get("priority") in ("balanced", "cost"):  # its tier is the priority's margin, not a tie
        why = t(lang, "strongest_priority")
    elif p.get("in_tier") and p.get("costs_more"):
        why = t(lang, "strongest_tier")
    return {
        "why": why, "quality": points(p.get("quality")),
        "model": with_warnings(str(p.get("model")), ([t(lang, "warn_price_below_typical").format(ratio=pct(p.get("price_ratio")))]
                                                     if p.get("price_ratio") is not None else [])
                               + ([t(lang, "warn_retiring").format(date=p.get("retires"))] if p.get("retires") else [])
                               + ([t(lang, "warn_preview")] if p.get("preview") else [])),
            "cost": t(lang, "per_month").format(monthly=monthly(p.get("monthly"), lang))}  # fmt: skip


def _relax_levers(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    items = []
    if p.get("half_prompt") is not None:
        items.append(t(lang, "lever_half_prompt").format(v=monthly(p.get("half_prompt"), lang)))
    if p.get("cached_75") is not None:
        items.append(t(lang, "lever_cached").format(v=monthly(p.get("cached_75"), lang)))
    if p.get("batch") is not None:
        items.append(t(lang, "lever_batch").format(v=monthly(p.get("batch"), lang)))
    if p.get("routed_80") is not None:
        items.append(t(lang, "lever_route").format(model=p.get("route_model"), v=monthly(p.get("routed_80"), lang)))
    return {
        "model": str(p.get("model")),
        "monthly": monthly(p.get("monthly"), lang),
        "items": t(lang, "sep").join(items),
    }


def zh_cheaper(x: Param, than: str = "") -> str:
    """"N 倍便宜" is ambiguous in Chinese: a cost ratio `x` (the dearer over the cheaper) said as the
    share saved ("便宜约 17%", "比第 1 名便宜约 17%") when under 3x, else as the fraction paid
    ("费用约为其 1/39", "费用约为第 1 名的 1/39")."""
    if not isinstance(x, int | float) or isinstance(x, bool) or x <= 1:
        return f"比{than}便宜" if than else "便宜"
    if x < 3:
        return f"{'比' + than if than else ''}便宜约 {round((1 - 1 / x) * 100)}%"
    return f"费用约为{than + '的' if than else '其'} 1/{x:,.0f}"


def _generic(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    out: dict[str, str] = {"cheaper": zh_cheaper(p.get("x")), "cheaper_inv": zh_cheaper(p.get("inv")),
                           "cheaper_first": zh_cheaper(p.get("x"), "第 1 名")}
    for k, v in p.items():
        if k in ("monthly", "budget_usd", "monthly_usd", "ga_monthly", "batch_monthly"):
            out[k] = monthly(v, lang)
        elif k in ("per_1k", "per_1k_usd", "price"):
            out[k] = usd(v)
        elif k in ("p95", "target", "p95_seconds", "target_seconds", "a", "b", "ga_p95"):
            out[k] = seconds(v, lang)
        elif k in ("fraction", "margin", "spare", "guessed_margin"):
            out[k] = pct(v)
        elif k in ("tier", "tiers") and isinstance(v, str):
            out[k] = tier_name(lang, v)
        elif k == "regions" and isinstance(v, list):
            out[k] = t(lang, "and").join(REGION_NAMES[lang].get(r, r) for r in v)
            # English names the value to type into the requirements; Chinese names the region
            out["first"] = (v[0] if lang == "en" else REGION_NAMES[lang].get(v[0], v[0])) if v else ""
        elif k == "task" and isinstance(v, str):
            out[k] = task_name(lang, v)
        elif k in ("region", "required") and isinstance(v, str):  # a region code (fail_residency)
            out[k] = REGION_NAMES[lang].get(v, v)
        elif k == "region" and v is None:  # the provider states no region
            out[k] = t(lang, "region_unknown")
        elif k == "sensitivity" and isinstance(v, str):
            out[k] = value_name(v, lang)
        elif k in ("languages", "missing") and isinstance(v, list):
            out[k] = t(lang, "and").join(value_name(str(x), lang) for x in v) or t(lang, "none")
        elif k == "approach" and isinstance(v, str):
            out[k] = t(lang, v)
        elif k in ("reason", "constraint") and isinstance(v, str):
            out[k] = v
        elif k in ("categories", "missing_categories") and isinstance(v, list):
            out[k] = category_names(lang, v)
        elif isinstance(v, list):
            out[k] = names(lang, v)
        elif isinstance(v, bool):
            out[k] = ""
        elif isinstance(v, int | float):
            out[k] = num(v)
        else:
            out[k] = "" if v is None else str(v)
    return out


def _speech_languages(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    values = _generic(lang, {"languages": p.get("languages") or [], "missing": p.get("missing") or []})
    values["source"] = _source(lang, p)
    key = (
        "speech_unknown" if not p.get("known") else ("speech_covers" if p.get("covers") else "speech_misses")
    )
    return {"coverage": t(lang, key).format(**values)}


def _embedding_languages(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    values = _generic(lang, {"languages": p.get("languages") or [], "missing": p.get("missing") or []})
    values["url"] = str(p.get("url") or "")
    values["stated"] = t(lang, f"embed_basis_{p.get('stated')}") if p.get("stated") else ""
    key = ("embed_unknown" if not p.get("known") else "embed_misses" if p.get("missing")
           else "embed_covers" if p.get("coverage") == "multilingual" else "embed_english")  # fmt: skip
    return {"coverage": t(lang, key).format(**values)}


def _embed_language_misses(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    values = _generic(lang, {"model": p.get("model"), "missing": p.get("missing") or []})
    return {**values, "url": str(p.get("url") or ""), "stated": t(lang, f"embed_basis_{p.get('stated')}")}


def _embedding_checks(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    langs = p.get("languages") or []
    said = t(lang, "embedding_checks_langs").format(**_generic(lang, {"languages": langs})) if langs else ""
    return {"per_language": said}


def _accuracy(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    return {"target": stated_pct(p.get("target"))}


def _latency_estimated(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    return {"p95": seconds(p.get("p95"), lang), "basis": basis_text(lang, str(p.get("basis") or ""))}


def _relax_admits_budget(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    return {"cheapest": str(p.get("cheapest")), "cheapest_monthly": monthly(p.get("cheapest_monthly"), lang),
            "best": str(p.get("best")), "best_monthly": monthly(p.get("best_monthly"), lang)}  # fmt: skip


def _self_host_codes(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    active = p.get("active")
    return {
        "active_note": t(lang, "sh_active").format(active=num(active)) if isinstance(active, int | float) else "",
        "eff": pct(p.get("efficiency")) if isinstance(p.get("efficiency"), int | float) else "",
        "util": pct(p.get("utilization")) if isinstance(p.get("utilization"), int | float) else "",
        "hourly": usd(p.get("hourly")),
        "monthly": monthly(p.get("monthly"), lang) if isinstance(p.get("monthly"), int | float) else "",
    }


def _levers(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """The limits that bind together and a model's hosted figures (`engine._closest_plans`)."""
    limits = [t(lang, f"limit_{k}").format(**{f: (monthly(p.get(f), lang).split("/")[0] if f == "budget_usd"
                                                  else seconds(p.get(f), lang) if f == "target" else num(p.get(f)))})
              for k, f in (("cards", "limit"), ("budget", "budget_usd"), ("target", "target")) if p.get(f) is not None]  # fmt: skip
    api = t(lang, "levers_api").format(api_provider=p.get("api_provider"), api_monthly=monthly(p.get("api_monthly"), lang),
                                       api_p95=seconds(p.get("api_p95"), lang))  # fmt: skip
    return {"limits": t(lang, "and").join(limits), "api_part": api if p.get("api_offering") else t(lang, "levers_no_api"),
            "p95": seconds(p.get("p95"), lang)}  # fmt: skip


def _needs_gpus_quant(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """The precision a 'more GPUs' plan is sized at, when quantized to fit one machine (`candidates.quantized_plan`)."""
    quant = p.get("quant")
    return {"quant_note": t(lang, "needs_gpus_quant").format(quant=quant) if quant else "",
            "monthly": monthly(p.get("monthly"), lang) if isinstance(p.get("monthly"), int | float) else ""}


def _thinking_off(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    secs = p.get("seconds")
    deep = t(lang, "thinking_off_deep").format(deep=num(p.get("deep")), deep_monthly=monthly(p.get("deep_monthly"), lang))
    how = p.get("off_how")
    return {"secs": t(lang, "thinking_secs").format(s=num(secs)) if isinstance(secs, int | float) else "",
            "deep_part": deep if p.get("deep") else "", "off_note": t(lang, f"off_note_{how}" if how else "off_note")}  # fmt: skip


def _thinking_capped(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """The capped and the usual figures of a capped option (`engine._capped`)."""
    over = t(lang, "capped_over").format(budget=monthly(p.get("budget"), lang)) if p.get("over_budget") else ""
    p95, target = p.get("p95"), p.get("target")
    short = isinstance(p95, (int, float)) and isinstance(target, (int, float)) and p95 > target
    why_cap = t(lang, "cap_short" if short else "cap_meets").format(p95=seconds(p95, lang), target=seconds(target, lang))
    effort = p.get("effort")
    rated = t(lang, "rated_effort" if effort else "rated_effort_unknown").format(
        effort=effort, usual=num(p.get("usual")), rated=num(p.get("rated")))
    off = p.get("cap") == 0
    floor_part = t(lang, "floor_part").format(floor=num(p.get("floor")), floor_p95=seconds(p.get("floor_p95"), lang),
                                              floor_monthly=monthly(p.get("floor_monthly"), lang)) if p.get("floor") else ""
    how = p.get("off_how")
    at = {"cap": num(p.get("cap")), "why_cap": why_cap, "target": seconds(target, lang), "floor_part": floor_part,
          "off_how": t(lang, f"off_how_{how}" if how else "off_how")}
    adaptive = "_adaptive" if p.get("adaptive") else ""  # an effort level, never a token budget (N-8)
    return {"cap": num(p.get("cap")), "usual": num(p.get("usual")), "usual_monthly": monthly(p.get("usual_monthly"), lang),
            "usual_p95": seconds(p.get("usual_p95"), lang), "over": over, "why_cap": why_cap, "rated": rated,
            "at_cap": t(lang, "at_off" if off else f"at_cap{adaptive}").format(**at),
            "at_cap_pick": t(lang, "at_off_pick" if off else f"at_cap_pick{adaptive}").format(**at),
            "at_plan": t(lang, "plan_off" if off else f"plan_cap{adaptive}").format(**at)}  # fmt: skip


def capped_part(lang: Lang, p: Mapping[str, Param]) -> str:
    """A capped bill's thinking (`engine._needs`): capped to fit the latency target, or (`short`)
    capped at the model's minimum and still missing it; empty when not capped."""
    cap = p.get("capped")
    if not cap:
        return ""
    key = "capped_short_part" if p.get("short") else "capped_part"
    return t(lang, key).format(n=num(cap), target=seconds(p.get("target"), lang))


def _price_parts(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """The latency, thinking and cap parts of the impossible case's diagnosis and per-model figures."""
    p95, n = p.get("p95"), p.get("thinking")
    return {
        "slow_part": t(lang, "slow_part").format(p95=seconds(p95, lang)) if isinstance(p95, int | float) else "",
        "slow": t(lang, "budget_gap_slow").format(p95=seconds(p95, lang), target=seconds(p.get("target"), lang))
        if p.get("slow") else "",
        "thinking_part": t(lang, "thinking_part").format(n=num(n)) if n else "",
        "capped_part": capped_part(lang, p),
        "reasoning": t(lang, "latency_floor_reasoning") if p.get("reasoning") else "",
        "budget": monthly(p.get("budget"), lang),
        "x": _times(p.get("x")),
    }


def _answer_floor(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """The answer-length floor of an impossible latency target (`engine.answer_floor`): the lead
    sentence (the answer alone over the target, or only part of it), the decode basis (speed only:
    the provider overhead and prompt reading belong to the first token) and the levers."""
    values = _generic(lang, p)
    decode = ";".join(part for part in str(p.get("basis") or "").split(";") if part.split(":")[0] not in ("tier", "prefill"))
    n = p.get("thinking")
    values.update(
        answer=seconds(p.get("answer"), lang), basis=basis_text(lang, decode),
        thinking_word=t(lang, "answer_thinking_word") if n else "",
    )  # fmt: skip
    fits = p.get("fits")
    return {
        "lead": t(lang, "answer_floor_alone" if p.get("alone") else "answer_floor_part").format(**values),
        "first": seconds(p.get("first"), lang),
        "first_p95": seconds(p.get("first_p95"), lang),
        "first_thinking": t(lang, "answer_first_thinking").format(n=num(n)) if n else "",
        "shorten": t(lang, "answer_shorten").format(fits=num(fits)) if fits else t(lang, "answer_shorten_none"),
        "floor_p95": seconds(p.get("floor_p95"), lang),
    }


JURISDICTION_RISKS = ("foreign_jurisdiction", "foreign_jurisdiction_unknown")


def _transfer_rule(lang: Lang, p: Mapping[str, Param]) -> str:
    """The cross-border rule personal data meets when it leaves the person's region (PIPL in China,
    GDPR in the EU), appended to a jurisdiction risk about personal data; else nothing."""
    key = f"transfer_{p.get('region')}"
    return t(lang, key) if p.get("data") == "personal" and key in TEXT[lang] else ""


def _jurisdiction_label(lang: Lang, p: Mapping[str, Param]) -> str:
    """"confidential data would go to a provider under the law of China": the short words for a
    jurisdiction risk, next to the model wherever it is named (shortlist row or advice)."""
    return t(lang, "mention_jurisdiction").format(data=t(lang, "jur_" + str(p.get("data"))), jurisdiction=_law(lang, p))


def _law(lang: Lang, p: Mapping[str, Param]) -> str:
    """"Singapore (its parent group is under the law of China)": the provider's law, and its parent
    group's when that differs."""
    regions = REGION_NAMES[lang]
    where, parent = str(p.get("jurisdiction")), p.get("parent")
    named = t(lang, "jur_law").format(where=regions.get(where, where))
    if isinstance(parent, str):
        named += t(lang, "jur_parent").format(parent=regions.get(parent, parent))
    return named


def _offering_provider(lang: Lang, p: Mapping[str, Param]) -> str:
    """The provider of a risk's params (`provider`, `provider_name`) as people read it."""
    name = p.get("provider_name")
    return provider_display(name if isinstance(name, str) else None, str(p.get("provider")), lang)


def _not_offered_label(lang: Lang, p: Mapping[str, Param]) -> str:
    """`not_offered_cn`'s short words beside the model: the documented wording, or the one for a US
    provider that is generally not offered there."""
    key = "warn_not_offered_cn_us_provider" if p.get("basis") == "us_provider" else (
        "warn_not_offered_hk" if p.get("place") == "hk" else "warn_not_offered_cn")
    return t(lang, key).format(provider=_offering_provider(lang, p))


def mention_labels(lang: Lang, risks: Sequence[Reason]) -> list[str]:
    """Short words for the risks said next to a model's name where advice names it outside the
    shortlist (`engine.mention_risks`): "confidential data would go to a provider under the law of
    China", "no rating for Spanish", "no public rating for step-by-step reasoning"."""
    out = []
    for r in risks:
        p = r.params
        if r.code in JURISDICTION_RISKS:
            out.append(_jurisdiction_label(lang, p))
        elif r.code == "evidence_missing":
            out.append(t(lang, "mention_missing").format(categories=category_names(lang, p.get("categories"))))
        elif r.code == "unrated_model":
            out.append(t(lang, "mention_unrated").format(task=task_name(lang, str(p.get("task")))))
        elif r.code == "preview_model":
            out.append(t(lang, "warn_preview_listing").format(provider=p.get("listing")) if p.get("listing")
                       else t(lang, "warn_preview"))
        elif r.code == "not_offered_cn":
            out.append(_not_offered_label(lang, p))
        elif r.code == "retiring_soon":
            out.append(t(lang, "warn_retiring").format(date=p.get("date")))
        else:
            out += warning_labels(lang, [r])  # the shortlist row's words (a BAA to confirm, a far-below price)
    return out


def _risk_note(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """`engine.risk_note`: the model's risks, each in the words `mention_labels` gives it."""
    codes = p.get("codes")
    labels = mention_labels(lang, [Reason(code=str(c), params=dict(p)) for c in (codes if isinstance(codes, list) else [])])
    return {"items": t(lang, "sep").join(labels)}


def _accuracy_examples(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    return {"target": stated_pct(p.get("target")), "examples": num(p.get("examples"))}


def _high_stakes(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    domain = str(p.get("domain"))
    return {"field": t(lang, "stakes_field_" + domain), "reviewer": t(lang, "stakes_reviewer_" + domain)}


def _cache_prices(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """Prices and the with-caching figure of `cache_possible` / `cache_write` (`tools.decision.cost`)."""
    write = p.get("write")
    part = t(lang, "cache_write_part").format(write=usd(write), input_price=usd(p.get("input_price"))) if write is not None else t(lang, "cache_no_write_part")
    model = p.get("model")
    return {"read": usd(p.get("read")), "hit": pct(p.get("hit")), "cached_monthly": monthly(p.get("cached_monthly"), lang),
            "write": part, "input_price": usd(p.get("input_price")),
            "who": t(lang, "thinking_who").format(model=model) if isinstance(model, str) else ""}  # fmt: skip


def _times(x: Param) -> str:
    """A ratio as the explainer writes it: 18, 57, 2.5 (no trailing zeros)."""
    if not isinstance(x, int | float):
        return ""
    return f"{x:,.0f}" if x >= 10 else f"{x:.1f}".rstrip("0").rstrip(".")


def _capabilities(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """Needed capabilities and languages by their plain names (Portuguese, 智能体编程), not codes."""
    out: dict[str, str] = {}
    if "capabilities" in p:
        out["capabilities"] = capability_names(lang, p.get("capabilities"))
    if "languages" in p:
        out["languages"] = language_names(lang, p.get("languages"))
    return out


def _payment_cards(lang: Lang, p: Mapping[str, Param]) -> dict[str, str]:
    """`engine.PAYMENT_CARDS`: the recordings (speech) or the texts that may carry card numbers."""
    audio = bool(p.get("audio"))
    if lang == "zh":
        return {"where": "录音" if audio else "文本", "what": "录音和转写稿" if audio else "文本", "s": ""}
    return {"where": "the recordings" if audio else "the texts", "what": "recordings and transcripts" if audio else "texts",
            "s": ""}


PREP: Mapping[str, Callable[[Lang, Mapping[str, Param]], dict[str, str]]] = {
    "rated_thinking_on": lambda lang, p: {
        "monthly_on": monthly(p.get("monthly_on"), lang), "tokens": num(p.get("tokens")),
        "over": t(lang, "capped_over").format(budget=monthly(p.get("budget"), lang))
        if isinstance(p.get("budget"), int | float) and as_float(p.get("monthly_on")) > as_float(p.get("budget")) else "",
        "deep_part": t(lang, "thinking_off_deep").format(deep=num(p.get("deep")), deep_monthly=monthly(p.get("deep_monthly"), lang))
        if p.get("deep") else ""},
    "payment_cards": _payment_cards,
    "no_evidence": _capabilities,
    "no_evidence_risk": _capabilities,
    "language_coverage": _capabilities,
    "thinking_off": _thinking_off,
    "thinking_capped_figures": _thinking_capped,
    "relax_budget_and_latency": _price_parts,
    "relax_closest_plans": _levers,
    "closest_plan": _levers,
    "budget_gap": _price_parts,
    "latency_floor": _price_parts,
    "answer_floor": _answer_floor,
    "risk_note": _risk_note,
    "cache_possible_priced": _cache_prices,
    "cache_write": _cache_prices,
    "cache_write_rule": _cache_prices,
    "accuracy_very_high": _accuracy_examples,
    "step_measure_accuracy": _accuracy_examples,
    "high_stakes": _high_stakes,
    "capped_pick": _thinking_capped,
    "capped_quality_unverified": _thinking_capped,
    "step_probe_capped": _thinking_capped,
    "sh_weights": _self_host_codes,
    "sh_decode": _self_host_codes,
    "sh_traffic": _self_host_codes,
    "sh_gpu_price": _self_host_codes,
    "sh_fp8_option": _self_host_codes,
    "accuracy": _accuracy,
    "speech_languages": _speech_languages,
    "accuracy_unverified": _accuracy,
    "latency_estimated": _latency_estimated,
    "relax_admits_budget": _relax_admits_budget,
    "quality": _quality,
    "cost_api": _cost_api,
    "offerings": _offerings,
    "meets": _meets,
    "embed_chunking": _chunking,
    "quality_diff": _quality_diff,
    "lead": _lead,
    "rests_on": _rests_on,
    "value": _value,
    "no_value_small_saving": _no_value,
    "no_value_trivial_saving": _no_value,
    "no_value_trivial_unrated": _no_value,
    "embedding_languages": _embedding_languages,
    "embedding_checks": _embedding_checks,
    "embed_language_misses": _embed_language_misses,
    "no_value_unrated": _no_value,
    "no_value_provisional": _no_value,
    "quality_pick": _quality_pick,
    "strongest": _strongest,
    "also_retiring": _also_retiring,
    "relax_levers": _relax_levers,
}


_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff）」”]) +(?=[\u3400-\u9fff\uf900-\ufaff（「“])")


_ARTICLE_BEFORE_DETERMINER = re.compile(r"\ba (?=(?:the|your|its|their) )")
_AN_SOUND = re.compile(r"\ba (?=(?![Ee][Uu])[aeiAEI]|o(?!ne)|u(?!ni|s[eu])|hour|honest|8|1[18](?![\d.]))")


def tidy(lang: Lang, text: str) -> str:
    """A template's slot filled in, made grammatical. Chinese puts no space between words: a space
    before or after a slot filled with a Chinese word ("{sensitivity} 数据" with 机密) goes; spaces
    next to names and numbers stay. English: the article before a slot agrees with what filled it
    ("a {tier}" with "enterprise cloud" is "an enterprise cloud"; with "the maker's own API" it goes;
    "a {b}B-active model" with 8 is "an 8B-active model")."""
    if lang == "zh":
        return _CJK_GAP.sub("", text)
    return _AN_SOUND.sub("an ", _ARTICLE_BEFORE_DETERMINER.sub("", text))


def say(lang: Lang, reason: Reason) -> str:
    """The sentence for one code, with its numbers (`tidy` in Chinese)."""
    return tidy(lang, _say(lang, reason))


def _say(lang: Lang, reason: Reason) -> str:
    code, p = reason.code, reason.params
    if code == "latency":
        gen = p.get("thinking") or 0
        return t(lang, "latency").format(latency=latency_text(lang, {**p, "gen": _generated(p, gen)}))
    if code == "sensitive_ok" and p.get("tier") == "self":
        code = "sensitive_self"
    if code in ("latency_borderline", "latency_borderline_list") and p.get("guessed"):
        code += "_guessed"
    if code == "evidence_missing" and "model" in p:
        code = "evidence_missing_risk"
    if code in ("unrated", "no_public_rating") and p.get("task") == "embedding":
        code = f"{code}_embedding"  # MTEB exists: it is not in this catalog snapshot (expert24 s07)
    if code == "cache_possible" and p.get("cached_monthly") is not None:
        code = "cache_possible_priced"
    if code == "step_quality_first" and not p.get("value"):
        code = "step_quality_first_alone"
    if code.startswith("step_quality_first") and p.get("target") is False:
        code += "_no_target"  # no accuracy target was set: the first model sets the bar (expert24 D14)
    if code == "residency_question" and p.get("stated"):
        code = "residency_question_stated"
    if code == "relax_open_weights_required" and p.get("self_host"):
        code = "relax_open_weights_self_host"
    if code == "relax_data_terms" and p.get("open"):
        code = "relax_data_terms_open"
    if code == "preview_model" and p.get("listing"):
        code = "preview_listing_ga" if p.get("ga_provider") else "preview_listing"
    if code == "lifecycle_demoted":
        kind = "retiring" if p.get("date") else "listing" if p.get("listing") else "preview"
        code = f"lifecycle_demoted_{kind}_{p.get('role')}"
    if code == "cache_write" and p.get("since"):
        code = "cache_write_rule"  # the maker's own published rule, with its source
    if code == "relax_context_too_small" and p.get("document"):
        code = "relax_context_too_small_document"  # the whole document still fits: no chunking (expert24 D14)
    if code == "relax_residency" and p.get("known") == 0:
        code = "relax_residency_none"
    if code == "held_back":
        code = f"held_back_{p.get('role')}"
    if code == "risk_note" and not _risk_note(lang, p)["items"]:
        return ""  # no risk with words of its own: nothing to mind
    values = _generic(lang, p)
    values.update(PREP[code](lang, p) if code in PREP else {})
    if code.startswith("held_back_"):
        values["why"] = t(lang, f"held_{p.get('why')}")
    if code == "not_offered_cn" and p.get("basis") == "us_provider":
        code = "not_offered_cn_us_provider"
    if code in ("not_offered_cn", "cn_passed_over") and p.get("place") == "hk":
        code = "not_offered_hk" if code == "not_offered_cn" else "cn_passed_over_hk"
    elif code == "cn_passed_over" and p.get("place") == "cn" and p.get("inferred") is False:
        code = "cn_passed_over_stated"  # said to be in mainland China: no paragraph for Taiwan or Singapore
    if code.startswith(("not_offered_cn", "not_offered_hk")) or code == "baa_unconfirmed":
        values["provider"] = _offering_provider(lang, p)
        values["inferred"] = t(lang, "jur_inferred") if p.get("inferred") else ""
    if code in ("owned_route", "quantized_route", "home_law_alternative", "home_law_value", "home_law_text_pdf"):
        values["quality"] = points(p.get("quality"))
    if code == "home_law_text_pdf":
        values["gap"] = points(p.get("gap"))
    if code in ("owned_chosen", "sh_owned"):
        values.update(rented_monthly=monthly(p.get("rented_monthly"), lang), budget=monthly(p.get("budget"), lang),
                      upfront=monthly(p.get("upfront"), lang).split("/")[0],
                      source=t(lang, "owned_source_server" if p.get("server") else "owned_source"),
                      card=monthly(p.get("card"), lang), base=monthly(p.get("base"), lang), power=monthly(p.get("power"), lang),
                      cn_note=t(lang, "owned_cn_note").format(gpu=p.get("gpu")) if p.get("cn") else "")
    if code == "relax_owned_hardware":
        values.update(card=monthly(p.get("card"), lang), base=monthly(p.get("base"), lang), power=monthly(p.get("power"), lang),
                      cn_note=t(lang, "owned_cn_note").format(gpu=p.get("gpu")) if p.get("cn") else "")
    if code == "speech_checks":
        values["speakers"] = t(lang, "speakers_needed" if p.get("speakers") else "speakers_maybe")
    if code in ("traditional_script", "mainland_audience_script"):
        values["place"] = REGION_NAMES[lang].get(str(p.get("place")), str(p.get("place")))
    if code == "client_confidentiality":
        values["law"] = t(lang, "client_confidentiality_cn") if p.get("cn") else ""
    if code == "health_law":
        region = str(p.get("region"))
        values.update(where=t(lang, "in_place").format(place=REGION_NAMES[lang].get(region, region)),
                      law=t(lang, f"health_law_{region}"))
    if code == "sensitive_data":
        values["health"] = t(lang, "sensitive_health") if p.get("health") else ""
    if code == "thinking_floor":
        values["why"] = t(lang, f"floor_why_{p.get('why')}")
    if code in ("thinking_floor", "thinking_cut_allowed"):
        values.update(share=pct(p.get("share")), cap=num(p.get("cap")), usual=num(p.get("usual")))
    if code.startswith("cn_passed_over") or code in ("china_law_passed_over", "baa_passed_over"):
        values["quality"] = points(p.get("quality"))
        values["inferred"] = t(lang, "jur_inferred") if p.get("inferred") else ""
    if code in ("latency_holds_back", "step_accuracy_bar", "preview_listing_ga"):
        values.update({k: points(p.get(k)) for k in ("quality", "pick_quality")})
        capped = p.get("cap") is not None and p.get("usual") is not None
        values["at_cap"] = t(lang, "holds_at_cap").format(cap=num(p.get("cap")), usual=num(p.get("usual"))) if capped else ""
        values["at_usual"] = t(lang, "holds_at_usual").format(
            usual_p95=seconds(p.get("usual_p95"), lang), usual_monthly=monthly(p.get("usual_monthly"), lang)
        ) if capped else ""
        skipped = p.get("skipped")
        one = isinstance(skipped, list) and len(skipped) == 1
        values["skipped"] = t(lang, "holds_skipped_one" if one else "holds_skipped").format(models=names(lang, skipped)) if skipped else ""
        values["near"] = t(lang, "holds_near").format(
            near_model=p.get("near_model"), near_quality=points(p.get("near_quality")),
            near_p95=seconds(p.get("near_p95"), lang), near_monthly=monthly(p.get("near_monthly"), lang),
            near_cap=t(lang, "holds_near_cap").format(cap=num(p.get("near_cap"))) if p.get("near_cap") is not None else "",
        ) if p.get("near_model") else ""
    if code in ("price_below_typical", "maker_price_promo"):
        values["ratio"] = pct(p.get("ratio"))
    if code == "long_context_tier":
        src = str(p.get("tiers_from") or "")
        if src.startswith("maker:"):
            values["borrowed"] = t(lang, "tiers_assumed").format(maker=src[6:].title())
        else:
            values["borrowed"] = t(lang, "tiers_borrowed").format(provider=provider_display(None, src, lang)) if src else ""
    if code in ("thinking_tokens", "thinking_off", "long_context_tier", "no_long_context_tier"):
        # A cost line belongs to one model (several stand side by side in the cost section): name it.
        model = p.get("model")
        values["who"] = t(lang, "thinking_who").format(model=model) if isinstance(model, str) else ""
    if code in ("thinking_tokens", "audio_minutes"):
        values["assumed"] = (
            t(lang, "thinking_assumed" if code == "thinking_tokens" else "assumed")
            if p.get("assumed")
            else ""
        )
        if code == "thinking_tokens" and p.get("capped_for") is not None:
            key = "thinking_capped_adaptive" if p.get("adaptive") else "thinking_capped"
            values["assumed"] = t(lang, key).format(target=num(p.get("capped_for")))
    if code == "stale_source":
        values["source"] = _source(lang, p)
    if code == "worst":
        values["label"] = t(lang, str(p.get("reason")))
    if code.startswith("lifecycle_demoted_preview") or code == "preview_model":
        values["stable"] = t(lang, "lifecycle_stable").format(stable=p.get("stable")) if p.get("stable") else ""
    if code in JURISDICTION_RISKS:
        regions = REGION_NAMES[lang]
        values.update(jurisdiction=_law(lang, p),
                      region=regions.get(str(p.get("region")), str(p.get("region"))),
                      data=t(lang, "jur_" + str(p.get("data"))),
                      inferred=t(lang, "jur_inferred") if p.get("inferred") else "",
                      transfer=_transfer_rule(lang, p))  # fmt: skip
    if code == "voice_personal_data":
        where = f"voice_where_{p.get('region')}"
        inferred = t(lang, "jur_inferred") if p.get("inferred") else ""
        values["where"] = t(lang, where).format(inferred=inferred) if where in TEXT[lang] else ""
    if code == "lifecycle_alone":
        values["quality"] = points(p.get("quality"))
        values["where"] = t(lang, "alone_first" if p.get("first", True) else "alone_quality")
        values["retires"] = t(lang, "alone_retires").format(date=p.get("retires")) if p.get("retires") else ""
    if code == "probe_summary":
        values["items"] = t(lang, "sep").join(str(i) for i in (p.get("items") or []))  # type: ignore[union-attr]
    if code == "relax_too_slow":
        n = p.get("thinking")
        values["thinking_note"] = t(lang, "thinking_note").format(n=num(n)) if n else ""
    if code in ("latency_borderline_list", "latency_borderline_list_guessed"):
        values["models"] = t(lang, "sep").join(
            f"{m} ({seconds(float(p95), lang)})" for m, p95 in zip(p.get("models") or [], p.get("p95s") or [], strict=False)  # type: ignore[arg-type]
        )
    if code in ("self_host_premium", "self_host_premium_risk"):
        values["api_monthly"] = monthly(p.get("api_monthly"), lang)
        values["break_even"] = (
            t(lang, "self_host_break_even").format(n=num(p.get("break_even"))) if p.get("break_even") else ""
        )
        if code == "self_host_premium_risk":  # the same sentence, standing alone in the risks
            return t(lang, "self_host_premium").format(**values).strip()
    if code == "relax_admits":
        constraint = str(p.get("constraint"))
        values["constraint"] = TEXT[lang].get(constraint) or TEXT["en"].get(constraint) or constraint
    return t(lang, code).format(**values)


def _generated(p: Mapping[str, Param], thinking: Param) -> Param:
    """Tokens decoded per request (output + thinking); the latency code carries only their parts."""
    out = p.get("output")
    if isinstance(out, int | float) and isinstance(thinking, int | float):
        return out + thinking
    return None


def change_text(lang: Lang, model: str, needs: Reason, quality: float | None) -> str:
    p = needs.params
    values = _generic(lang, p)
    values["model"] = model
    values["quality"] = points(quality)
    if needs.code == "needs_latency":
        n = p.get("thinking")
        values["thinking_part"] = t(lang, "thinking_part").format(n=num(n)) if n else ""
    values["capped_part"] = capped_part(lang, p)
    if needs.code == "needs_budget":
        values["volume"] = t(lang, "at_earlier_volume" if p.get("earlier") else "at_this_volume")
    if needs.code == "needs_budget_and_latency":
        values.update(_price_parts(lang, p))
    if needs.code == "quality_level":
        values["band"] = t(lang, "band_" + str(p.get("band")))
    if needs.code == "needs_gpus":
        values.update(_needs_gpus_quant(lang, p))
    if needs.code == "needs_levers":
        values.update(_levers(lang, p))
    key = needs.code if needs.code in TEXT["en"] else "needs_other"
    return t(lang, key).format(**values)


# --- the whole recommendation ---------------------------------------------------------------------


def _cost(lang: Lang, cost: CostEstimate | None) -> CostEstimate | None:
    if cost is None:
        return None
    return cost.model_copy(update={"assumptions": [say(lang, r) for r in cost.assumption_codes]})


def _self_host(lang: Lang, s: SelfHostEstimate | None) -> SelfHostEstimate | None:
    if s is None or not s.assumption_codes:
        return s
    return s.model_copy(update={"assumptions": [say(lang, r) for r in s.assumption_codes]})


def with_warnings(model: str, warnings: Sequence[str]) -> str:
    """A model's name with its lifecycle warnings, as every place that shows it writes it (shortlist
    row, report table, chat): "Gemini 3.7 Flash (⚠ retires on 2027-01-28)"."""
    return f"{model} (⚠ {'; '.join(warnings)})" if warnings else model


def warning_labels(lang: Lang, risks: Sequence[Reason]) -> list[str]:
    """Short warnings for a shortlist row ("retires on 2027-01-28", "preview release", "confidential
    data would go to a provider under the law of China"): the row, the report and the chat show them
    next to the model wherever it appears."""
    out = []
    for r in risks:
        if r.code in JURISDICTION_RISKS:
            out.append(_jurisdiction_label(lang, r.params))
        elif r.code == "retiring_soon":
            out.append(t(lang, "warn_retiring").format(date=r.params.get("date")))
        elif r.code == "preview_model" and r.params.get("listing"):
            out.append(t(lang, "warn_preview_listing").format(provider=r.params.get("listing"))
                       + (t(lang, "warn_preview_baa") if r.params.get("baa") else ""))
        elif r.code == "preview_model":
            out.append(t(lang, "warn_preview") + (t(lang, "warn_preview_baa") if r.params.get("baa") else ""))
        elif r.code == "capped_quality_unverified":
            off = "warn_thinking_minimal" if r.params.get("off_how") == "minimal" else "warn_thinking_off"
            out.append(t(lang, off) if r.params.get("cap") == 0
                       else t(lang, "warn_capped_adaptive" if r.params.get("adaptive") else "warn_capped")
                       .format(cap=num(r.params.get("cap"))))
        elif r.code == "latency_near_target":
            out.append(t(lang, "warn_near").format(p95=seconds(r.params.get("p95"), lang), target=seconds(r.params.get("target"), lang)))
        elif r.code == "price_below_typical":
            out.append(t(lang, "warn_price_below_typical").format(ratio=pct(r.params.get("ratio"))))
        elif r.code == "maker_price_promo":
            out.append(t(lang, "warn_maker_price_promo").format(ratio=pct(r.params.get("ratio"))))
        elif r.code == "baa_unconfirmed":
            out.append(t(lang, "warn_baa").format(provider=_offering_provider(lang, r.params)))
        elif r.code == "no_diarization":
            out.append(t(lang, "warn_no_diarization"))
        elif r.code == "embed_language_misses":
            out.append(t(lang, "warn_embed_english_only"))
        elif r.code == "not_offered_cn":
            out.append(_not_offered_label(lang, r.params))
        elif r.code == "latency_borderline":
            out.append(t(lang, "warn_borderline").format(p95=seconds(r.params.get("p95"), lang), target=seconds(r.params.get("target"), lang)))
        elif r.code == "evidence_missing" and r.params.get("categories") and r.params.get("rated"):
            # a rated model without the rating that matters (unrated tasks say it once, not per row)
            out.append(t(lang, "warn_no_rating").format(categories=capability_names(lang, r.params.get("categories"))))
    return out


def _candidate(lang: Lang, c: Candidate, output_tokens: float) -> Candidate:
    reasons = []
    for r in c.reason_codes:
        if r.code == "latency":
            r = r.model_copy(update={"params": {**r.params, "output": output_tokens}})
        reasons.append(say(lang, r))
    basis = say(lang, Reason(code="rests_on", params={"categories": [u.category for u in c.ratings_used],
                                                      "missing": c.evidence_missing})).strip()  # fmt: skip
    if not c.ratings_used:
        unrated = next((r for r in c.reason_codes if r.code == "unrated"), None)
        basis = say(lang, unrated) if unrated is not None else ""
    latency_basis = ""
    lat = next((r for r in c.reason_codes if r.code == "latency"), None)
    if lat is not None:
        latency_basis = latency_text(
            lang,
            {**lat.params, "gen": _generated({"output": output_tokens}, lat.params.get("thinking") or 0)},
        )
    return c.model_copy(
        update={
            "reasons": reasons,
            "warnings": warning_labels(lang, c.risk_codes),
            "tradeoffs": [say(lang, r) for r in c.tradeoff_codes],
            "quality_basis": basis,
            "latency_basis": latency_basis,
            "cost": _cost(lang, c.cost),
            "self_host": _self_host(lang, c.self_host),
        }
    )


def _relaxation(lang: Lang, r: Relaxation) -> Relaxation:
    """The suggestion, each model it names with its risks next to it (`mention_labels`)."""
    if r.code is None:
        return r
    labels = {m.model: mention_labels(lang, m.risk_codes) for m in r.per_model}
    code = r.code
    named = code.params.get("model")
    if isinstance(named, str) and labels.get(named):
        code = code.model_copy(update={"params": {**code.params, "model": with_warnings(named, labels[named])}})
    text = say(lang, code)
    if r.per_model:
        text += t(lang, "colon") + t(lang, "sep").join(change_line(lang, m) for m in r.per_model)
    return r.model_copy(update={"suggestion": text})


def change_line(lang: Lang, m: ModelChange) -> str:
    """One model a relaxation admits: its name with its risks (`mention_labels`) and what it needs
    (`change_text`), as the report and the chat both say it."""
    return change_text(lang, with_warnings(m.model, mention_labels(lang, m.risk_codes)), m.needs, m.quality)


def explain(rec: Recommendation, lang: Lang, currency: str | None = None) -> Recommendation:
    """Write every string field of `rec` from its codes, in `lang`, monthly bills in `currency` (the
    person's budget currency; the figures themselves stay in US dollars)."""
    with in_currency(currency):
        return _explain(rec, lang)


PRICE_WARNINGS = ("maker_price_promo", "price_below_typical")
"""A pick's price that must be confirmed: said beside its name in the summary too, not only in its row."""


def _price_flagged(lang: Lang, reason: Reason, top: Sequence[Candidate]) -> Reason:
    """The summary's sentence naming a pick (`lead`, `quality_pick`, `value`) with the pick's price
    warning beside its name ("DeepSeek V4 Pro (⚠ the maker's price is 25% of other sellers'...)")."""
    name = reason.params.get("model")
    pick = next((c for c in top if c.model == name), None) if reason.code in ("lead", "quality_pick", "value") else None
    labels = warning_labels(lang, [r for r in pick.risk_codes if r.code in PRICE_WARNINGS]) if pick else []
    if not labels or not isinstance(name, str):
        return reason
    return reason.model_copy(update={"params": {**reason.params, "model": with_warnings(name, labels)}})


def _explain(rec: Recommendation, lang: Lang) -> Recommendation:
    output = rec.requirements.volume.output_tokens
    top = [_candidate(lang, c, output) for c in rec.recommendations]
    frontier = [_candidate(lang, c, output) for c in rec.frontier]
    eliminated = [e if e.label else e.model_copy(update={"label": t(lang, e.reason)}) for e in rec.eliminated]
    summary = "".join(say(lang, _price_flagged(lang, r, rec.recommendations)) for r in rec.summary_codes)
    warnings = [say(lang, r) for r in rec.assumptions if r.code == "stale_source"]
    probes = rec.probes
    if probes is not None:
        probes = probes.model_copy(update={"effects": [say(lang, r) for r in probes.effect_codes]})
    return rec.model_copy(
        update={
            "recommendations": top,
            "frontier": frontier,
            "eliminated": eliminated,
            "relaxations": [_relaxation(lang, r) for r in rec.relaxations],
            "adaptation": word_adaptation(
                rec.adaptation, lang, task_name(lang, str(rec.adaptation.params.get("task", rec.requirements.task_type)))
            ),
            "summary": summary + (rec.summary if rec.summary else ""),
            "risks": [say(lang, r) for r in rec.risk_codes],
            "next_steps": [say(lang, r) for r in rec.step_codes],
            "warnings": warnings + list(rec.warnings),
            "probes": probes,
        }
    )


def sentences(lang: Lang, reasons: Sequence[Reason]) -> list[str]:
    """Any list of codes as sentences (e.g. a `WhyNot`'s failures)."""
    return [say(lang, r) if r.code in TEXT["en"] else t(lang, r.code) for r in reasons]

