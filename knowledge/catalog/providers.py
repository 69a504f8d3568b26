"""Who a provider is: the maker -> own-API table and the tier of every models.dev provider (issue #10).

The ONE copy of these tables: the decision core (``tools.decision.providers``) imports them.

* :data:`MAKER_PROVIDERS` — a maker's own APIs ("first-party"). An offering there is tier ``maker``
  for that maker's models only: ``openai`` is the maker for GPT, ``alibaba`` serving Kimi is ``cloud``.
* :data:`PROVIDER_TIERS` — the tier a provider has when it serves someone else's model, with a
  one-line reason. Tiers: ``cloud`` (hyperscalers and clouds with enterprise terms), ``host``
  (established inference hosts running the weights themselves), ``aggregator`` (routers, gateways
  and resellers of other companies' APIs), ``plan`` (subscriptions, coding/token plans, free tiers,
  trials), ``unknown`` (no public terms reviewed; never trusted by default).
* :func:`offering_tier` — the rule per offering: maker's own API > plan signals in the id or a $0
  listing > the provider table > ``unknown``.

Evidence for "aggregator" where the provider is not a household name: it lists closed models of
several makers (OpenAI, Anthropic and/or Google) that only those makers and their clouds can serve,
so it is reselling their APIs (measured on the models.dev snapshot, 2026).

Pure data and one pure function.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from whichmodel.knowledge.catalog.schema import ProviderTier


class TierEntry(NamedTuple):
    tier: ProviderTier
    reason: str


# A maker's own APIs (models.dev provider ids). Clouds are listed only for the cloud's own makers'
# models (Vertex for Gemini, Bedrock for Nova, Azure for Phi, watsonx for Granite).
MAKER_PROVIDERS: Mapping[str, tuple[str, ...]] = {
    "openai": ("openai",),
    "anthropic": ("anthropic",),
    "google": ("google", "google-vertex"),
    "alibaba": ("alibaba", "alibaba-cn"),
    "mistral": ("mistral",),
    "deepseek": ("deepseek",),
    "moonshot": ("moonshotai", "moonshotai-cn"),
    "zhipu": ("zai", "zhipuai"),
    "xai": ("xai",),
    "minimax": ("minimax", "minimax-cn"),
    "xiaomi": ("xiaomi",),
    "cohere": ("cohere",),
    "stepfun": ("stepfun", "stepfun-ai"),
    "amazon": ("nova", "amazon-bedrock"),
    "microsoft": ("azure", "azure-cognitive-services"),
    "meta": ("llama", "meta"),
    "nvidia": ("nvidia",),
    "ibm": ("watsonx",),
    "databricks": ("databricks",),
    "perplexity": ("perplexity",),
    "inception": ("inception",),
    "upstage": ("upstage",),
    "sarvam": ("sarvam",),
    "arcee": ("arcee",),
    "meituan": ("longcat",),
    "inclusionai": ("bailing",),
    "tencent": ("tencent-tokenhub",),
    "sakana": ("sakana",),
    "poolside": ("poolside",),
    "morph": ("morph",),
    "vercel": ("v0",),
    "thinkingmachines": ("thinkingmachines",),
    "lucidquery": ("lucidquery",),
    "subconscious": ("subconscious",),
    "groq": ("groq",),  # Groq Compound (groq/compound): Groq's own agentic system (Groq docs)
}

_AGG = "resells closed models of several makers (OpenAI/Anthropic/Google) through its own API"
_HOST = "runs open-weights models on its own GPUs"

PROVIDER_TIERS: Mapping[str, TierEntry] = {
    # --- model makers' own APIs (their tier when serving another maker's model) ---
    "openai": TierEntry("host", "OpenAI's API; serves only OpenAI models"),
    "anthropic": TierEntry("host", "Anthropic's API; serves only Claude"),
    "google": TierEntry("host", "Google AI Studio / Gemini API; Google models only"),
    "mistral": TierEntry("host", "Mistral La Plateforme; Mistral models only"),
    "deepseek": TierEntry("host", "DeepSeek's API; DeepSeek models only"),
    "moonshotai": TierEntry("host", "Moonshot AI's international API"),
    "moonshotai-cn": TierEntry("host", "Moonshot AI's China API"),
    "zai": TierEntry("host", "Z.AI, Zhipu's international API"),
    "zhipuai": TierEntry("host", "Zhipu AI's China API (bigmodel.cn)"),
    "xai": TierEntry("host", "xAI's API; Grok models only"),
    "minimax": TierEntry("host", "MiniMax's international API (minimax.io)"),
    "minimax-cn": TierEntry("host", "MiniMax's China API (minimaxi.com)"),
    "xiaomi": TierEntry("host", "Xiaomi MiMo API"),
    "cohere": TierEntry("host", "Cohere's API; Cohere models only"),
    "stepfun": TierEntry("host", "StepFun's China API"),
    "stepfun-ai": TierEntry("host", "StepFun's global API"),
    "nova": TierEntry("host", "Amazon Nova's own API"),
    "llama": TierEntry("host", "Meta's Llama API"),
    "meta": TierEntry("host", "Meta's model API"),
    "perplexity": TierEntry("host", "Perplexity's Sonar API"),
    "inception": TierEntry("host", "Inception Labs' Mercury API"),
    "upstage": TierEntry("host", "Upstage's Solar API"),
    "sarvam": TierEntry("host", "Sarvam AI's API (India)"),
    "arcee": TierEntry("host", "Arcee AI's API"),
    "longcat": TierEntry("host", "Meituan's LongCat API"),
    "bailing": TierEntry("host", "Ant Group's Ling/Bailing API"),
    "tencent-tokenhub": TierEntry("host", "Tencent Cloud's TokenHub for Hunyuan"),
    "sakana": TierEntry("host", "Sakana AI's API"),
    "poolside": TierEntry("host", "Poolside's API"),
    "morph": TierEntry("host", "Morph's fast-apply models API"),
    "v0": TierEntry("host", "Vercel v0 model API"),
    "thinkingmachines": TierEntry("host", "Thinking Machines Lab's API"),
    "lucidquery": TierEntry("host", "LucidQuery's own models API"),
    "subconscious": TierEntry("host", "Subconscious's own models API"),
    "nvidia": TierEntry(
        "plan", "NVIDIA API catalog (build.nvidia.com): free trial endpoints for prototyping"
    ),
    # --- clouds with enterprise terms ---
    "amazon-bedrock": TierEntry("cloud", "AWS Bedrock: AWS enterprise terms, regional endpoints"),
    "azure": TierEntry("cloud", "Microsoft Azure AI Foundry: Azure enterprise terms"),
    "azure-cognitive-services": TierEntry("cloud", "Azure AI services: Azure enterprise terms"),
    "google-vertex": TierEntry("cloud", "Google Cloud Vertex AI: GCP enterprise terms"),
    "google-vertex-anthropic": TierEntry("cloud", "Claude on Google Cloud Vertex AI"),
    "alibaba": TierEntry("cloud", "Alibaba Cloud Model Studio (international)"),
    "alibaba-cn": TierEntry("cloud", "Alibaba Cloud Bailian (China)"),
    "databricks": TierEntry("cloud", "Databricks Model Serving: enterprise data platform terms"),
    "snowflake-cortex": TierEntry("cloud", "Snowflake Cortex AI: enterprise data platform terms"),
    "sap-ai-core": TierEntry("cloud", "SAP AI Core generative AI hub: SAP BTP enterprise terms"),
    "watsonx": TierEntry("cloud", "IBM watsonx.ai: IBM Cloud enterprise terms"),
    "digitalocean": TierEntry("cloud", "DigitalOcean Gradient AI platform"),
    "ovhcloud": TierEntry("cloud", "OVHcloud AI Endpoints (EU cloud)"),
    "scaleway": TierEntry("cloud", "Scaleway Generative APIs (EU cloud)"),
    "stackit": TierEntry("cloud", "STACKIT AI Model Serving (Schwarz group EU cloud)"),
    "hetzner": TierEntry("cloud", "Hetzner (EU cloud)"),
    "infomaniak": TierEntry("cloud", "Infomaniak AI Tools (Swiss cloud)"),
    "vultr": TierEntry("cloud", "Vultr Serverless Inference"),
    "evroc": TierEntry("cloud", "evroc sovereign EU cloud"),
    "cloudferro-sherlock": TierEntry("cloud", "CloudFerro Sherlock (EU cloud)"),
    # --- established inference hosts ---
    "togetherai": TierEntry("host", "Together AI: " + _HOST),
    "fireworks-ai": TierEntry("host", "Fireworks AI: " + _HOST),
    "deepinfra": TierEntry("host", "DeepInfra: " + _HOST),
    "groq": TierEntry("host", "Groq: LPU inference of open models"),
    "cerebras": TierEntry("host", "Cerebras: wafer-scale inference of open models"),
    "baseten": TierEntry("host", "Baseten: " + _HOST),
    "novita-ai": TierEntry("host", "Novita AI: " + _HOST),
    "nebius": TierEntry("host", "Nebius Token Factory: " + _HOST),
    "siliconflow": TierEntry("host", "SiliconFlow (international): " + _HOST),
    "siliconflow-cn": TierEntry("host", "SiliconFlow (China): " + _HOST),
    "cloudflare-workers-ai": TierEntry("host", "Cloudflare Workers AI: open models on Cloudflare's GPUs"),
    "friendli": TierEntry("host", "FriendliAI: " + _HOST),
    "wandb": TierEntry("host", "Weights & Biases Inference (CoreWeave GPUs)"),
    "crusoe": TierEntry("host", "Crusoe Cloud managed inference"),
    "gmicloud": TierEntry("host", "GMI Cloud inference engine"),
    "chutes": TierEntry("host", "Chutes: decentralised GPU hosting of open models"),
    "modal": TierEntry("host", "Modal: serverless GPU hosting"),
    "clarifai": TierEntry("host", "Clarifai: " + _HOST),
    "venice": TierEntry("host", "Venice AI: private hosting of open models (closed ones proxied)"),
    "tinfoil": TierEntry("host", "Tinfoil: confidential-computing inference"),
    "privatemode-ai": TierEntry("host", "Privatemode AI: confidential-computing inference (EU)"),
    "nearai": TierEntry("host", "NEAR AI Cloud: confidential inference in TEEs"),
    "berget": TierEntry("host", "Berget AI: Swedish inference host"),
    "regolo-ai": TierEntry("host", "Regolo AI: Italian inference host"),
    "io-net": TierEntry("host", "IO.NET Intelligence: " + _HOST),
    "inference": TierEntry("host", "Inference.net: " + _HOST),
    "huggingface": TierEntry("aggregator", "Hugging Face Inference Providers: routes to partner hosts"),
    "modelscope": TierEntry("plan", "ModelScope API-Inference: free daily quota"),
    "moark": TierEntry("host", "Moark (Gitee AI): Chinese inference host"),
    "greenpt": TierEntry("host", "GreenPT: EU inference host of open models"),
    "neuralwatt": TierEntry("host", "Neuralwatt: " + _HOST),
    "aki-io": TierEntry("host", "AKI.IO: EU inference host of open models"),
    "scx": TierEntry("host", "SCX.ai: Australian inference host"),
    "hpc-ai": TierEntry("host", "HPC-AI Tech: " + _HOST),
    "mixlayer": TierEntry("host", "Mixlayer: " + _HOST),
    "inceptron": TierEntry("host", "Inceptron: " + _HOST),
    "runinfra": TierEntry("host", "RunInfra: " + _HOST),
    "salad-cloud": TierEntry("host", "SaladCloud: distributed GPU inference"),
    "ambient": TierEntry("unknown", "Ambient: small host, terms not reviewed"),
    # --- aggregators, routers, gateways, resellers ---
    "openrouter": TierEntry("aggregator", "OpenRouter: router over many providers' APIs"),
    "vercel": TierEntry("aggregator", "Vercel AI Gateway: gateway over providers' APIs"),
    "cloudflare-ai-gateway": TierEntry("aggregator", "Cloudflare AI Gateway: proxy to providers' APIs"),
    "poe": TierEntry("aggregator", "Poe: Quora's chat app reselling bots' APIs"),
    "nano-gpt": TierEntry("aggregator", "NanoGPT: pay-per-prompt reseller, " + _AGG),
    "kilo": TierEntry("aggregator", "Kilo Gateway: coding-agent gateway over providers' APIs"),
    "llmgateway": TierEntry("aggregator", "LLM Gateway: router over providers' APIs"),
    "merge-gateway": TierEntry("aggregator", "Merge Gateway: router over providers' APIs"),
    "helicone": TierEntry("aggregator", "Helicone AI Gateway: proxy over providers' APIs"),
    "requesty": TierEntry("aggregator", "Requesty: router over providers' APIs"),
    "zenmux": TierEntry("aggregator", "ZenMux: router over providers' APIs"),
    "orcarouter": TierEntry("aggregator", "OrcaRouter: router; " + _AGG),
    "fastrouter": TierEntry("aggregator", "FastRouter: router; " + _AGG),
    "edenai": TierEntry("aggregator", "Eden AI: unified API over many providers"),
    "aihubmix": TierEntry("aggregator", "AIHubMix: " + _AGG),
    "302ai": TierEntry("aggregator", "302.AI: " + _AGG),
    "abacus": TierEntry("aggregator", "Abacus RouteLLM: " + _AGG),
    "anyapi": TierEntry("aggregator", "AnyAPI: " + _AGG),
    "crossmodel": TierEntry("aggregator", "CrossModel: " + _AGG),
    "cortecs": TierEntry("aggregator", "Cortecs: EU router over providers; " + _AGG),
    "opencode": TierEntry("aggregator", "OpenCode Zen: curated gateway for the OpenCode agent"),
    "perplexity-agent": TierEntry("aggregator", "Perplexity Agent API: " + _AGG),
    "jiekou": TierEntry("aggregator", "Jiekou.AI: " + _AGG),
    "ofox": TierEntry("aggregator", "Ofox: " + _AGG),
    "pioneer": TierEntry("aggregator", "Pioneer: " + _AGG),
    "impossibl": TierEntry("aggregator", "Impossibl: " + _AGG),
    "neon": TierEntry("aggregator", "Neon: " + _AGG),
    "frogbot": TierEntry("aggregator", "FrogBot: " + _AGG),
    "qiniu-ai": TierEntry("aggregator", "Qiniu AI: Chinese cloud reselling; " + _AGG),
    "unorouter": TierEntry("aggregator", "UnoRouter: " + _AGG),
    "xpersona": TierEntry("aggregator", "Xpersona: " + _AGG),
    "qihang-ai": TierEntry("aggregator", "QiHang: " + _AGG),
    "daoxe": TierEntry("aggregator", "DaoXE: " + _AGG),
    "empiriolabs": TierEntry("aggregator", "EmpirioLabs AI: reseller of other providers' models"),
    "auriko": TierEntry("aggregator", "Auriko: resells Anthropic and Google models"),
    "modelis": TierEntry("aggregator", "Modelis: resells Anthropic and Google models"),
    "model-oracle-ai": TierEntry("aggregator", "Model Oracle AI: resells OpenAI and Anthropic models"),
    "routing-run": TierEntry("aggregator", "routing.run: router; resells OpenAI and Anthropic models"),
    "vivgrid": TierEntry("aggregator", "Vivgrid: resells OpenAI and Google models"),
    "ai-router": TierEntry("aggregator", "AI-ROUTER: router reselling OpenAI models"),
    "llmtr": TierEntry("aggregator", "LLMTR: router reselling Google and open models"),
    "trustedrouter": TierEntry("aggregator", "TrustedRouter: router over providers' APIs"),
    "the-grid-ai": TierEntry("aggregator", "The Grid AI: marketplace reselling inference"),
    "hyper": TierEntry("aggregator", "Charm Hyper: gateway for the Crush agent"),
    "crof": TierEntry("aggregator", "CrofAI: low-cost reseller of open models"),
    "gitlab": TierEntry("plan", "GitLab Duo: models included in a GitLab subscription"),
    # --- plans, subscriptions, free tiers ---
    "github-copilot": TierEntry("plan", "GitHub Copilot: models included in a Copilot subscription"),
    "cline-pass": TierEntry("plan", "ClinePass: subscription for the Cline agent"),
    "kimi-for-coding": TierEntry("plan", "Kimi For Coding: Moonshot's coding subscription"),
    "opencode-go": TierEntry("plan", "OpenCode Go: monthly subscription"),
    "ollama-cloud": TierEntry("plan", "Ollama Cloud: subscription with usage limits"),
    "synthetic": TierEntry("plan", "Synthetic: flat-rate subscription for open models"),
    "iflowcn": TierEntry("plan", "iFlow: free service for the iFlow CLI"),
    "freemodel": TierEntry("plan", "FreeModel: free access tier"),
    "kenari": TierEntry("plan", "Kenari: every model listed at $0 (free or subscription)"),
    "inferx": TierEntry("plan", "InferX: every model listed at $0"),
    "qvac": TierEntry("plan", "Tether QVAC: local/free runtime, models listed at $0"),
    "atomic-chat": TierEntry("plan", "Atomic Chat: free app models listed at $0"),
    "lynkr": TierEntry("plan", "Lynkr: listed at $0"),
    "zeldoc": TierEntry("plan", "Zeldoc: listed at $0"),
    "lmstudio": TierEntry("unknown", "LM Studio: a local runtime, not a hosted API"),
    "alibaba-coding-plan": TierEntry("plan", "Alibaba Cloud coding plan (subscription)"),
    "alibaba-coding-plan-cn": TierEntry("plan", "Alibaba Cloud coding plan, China (subscription)"),
    "alibaba-token-plan": TierEntry("plan", "Alibaba Cloud token plan (prepaid bundle)"),
    "alibaba-token-plan-cn": TierEntry("plan", "Alibaba Cloud token plan, China (prepaid bundle)"),
    "minimax-coding-plan": TierEntry("plan", "MiniMax token plan (subscription)"),
    "minimax-cn-coding-plan": TierEntry("plan", "MiniMax token plan, China (subscription)"),
    "zai-coding-plan": TierEntry("plan", "Z.AI GLM coding plan (subscription)"),
    "zhipuai-coding-plan": TierEntry("plan", "Zhipu GLM coding plan (subscription)"),
    "stepfun-step-plan": TierEntry("plan", "StepFun step plan, China (subscription)"),
    "stepfun-ai-step-plan": TierEntry("plan", "StepFun step plan, global (subscription)"),
    "tencent-coding-plan": TierEntry("plan", "Tencent Cloud coding plan (subscription)"),
    "tencent-token-plan": TierEntry("plan", "Tencent Cloud token plan (prepaid bundle)"),
    "xiaomi-token-plan-ams": TierEntry("plan", "Xiaomi MiMo token plan, Europe"),
    "xiaomi-token-plan-cn": TierEntry("plan", "Xiaomi MiMo token plan, China"),
    "xiaomi-token-plan-sgp": TierEntry("plan", "Xiaomi MiMo token plan, Singapore"),
    "scnet-token-plan": TierEntry("plan", "SCNet token plan (prepaid bundle)"),
    "kuae-cloud-coding-plan": TierEntry("plan", "KUAE Cloud coding plan (subscription)"),
    "umans-ai-coding-plan": TierEntry("plan", "Umans AI coding plan (subscription)"),
    # --- small or unreviewed providers: never trusted by default ---
    "umans-ai": TierEntry("unknown", "Umans AI: small provider, terms not reviewed"),
    "abliteration-ai": TierEntry("unknown", "abliteration.ai: serves safety-removed model variants"),
    "aiand": TierEntry("unknown", "ai&: small provider, terms not reviewed"),
    "blueclaw": TierEntry("unknown", "Blue Claw: small provider, terms not reviewed"),
    "claudinio": TierEntry("unknown", "Claudinio: small provider, terms not reviewed"),
    "coralbricks": TierEntry("unknown", "CoralBricks: small provider, terms not reviewed"),
    "dinference": TierEntry("unknown", "DInference: small provider, terms not reviewed"),
    "drun": TierEntry("unknown", "D.Run (China): small provider, terms not reviewed"),
    "ebcloud": TierEntry("unknown", "EBCloud: small provider, terms not reviewed"),
    "jalapeno": TierEntry("unknown", "Jalapeno Cloud: small provider, terms not reviewed"),
    "kosmik": TierEntry("unknown", "Kosmik Compute: small provider, terms not reviewed"),
    "lilac": TierEntry("unknown", "Lilac: small provider, terms not reviewed"),
    "meganova": TierEntry("unknown", "Meganova: small provider, terms not reviewed"),
    "submodel": TierEntry("unknown", "submodel: small provider, terms not reviewed"),
    "tensorx": TierEntry("unknown", "TensorX: small provider, terms not reviewed"),
    "wafer.ai": TierEntry("unknown", "Wafer: small provider, terms not reviewed"),
    "zenifra": TierEntry("unknown", "Zenifra: small provider, terms not reviewed"),
    "amd": TierEntry("unknown", "AMD: one demo listing, no commercial terms reviewed"),
}

_PLAN_ID_MARKERS: tuple[str, ...] = ("-coding-plan", "-token-plan", "-step-plan")
_FREE_MODEL_MARKERS: tuple[str, ...] = (":free", "-free")


def own_providers(maker: str | None) -> tuple[str, ...]:
    """The maker's own API providers (empty for an unknown maker)."""
    return MAKER_PROVIDERS.get((maker or "").lower(), ())


def is_maker_provider(maker: str | None, provider: str) -> bool:
    """True when `provider` is `maker`'s own API (plan providers never are)."""
    if any(m in provider for m in _PLAN_ID_MARKERS):
        return False
    return provider in own_providers(maker)


def provider_tier(provider: str) -> TierEntry:
    """The provider's tier and reason when it serves another maker's model; unknown by default."""
    entry = PROVIDER_TIERS.get(provider)
    if entry is not None:
        return entry
    if any(m in provider for m in _PLAN_ID_MARKERS):
        return TierEntry("plan", "a coding/token plan by its id")
    return TierEntry("unknown", "not in the curated provider table")


RESELLS_CLOSED = "resells a closed model"
_CAN_SERVE_CLOSED: frozenset[ProviderTier] = frozenset({"maker", "cloud", "plan", "aggregator"})


def offering_tier(
    provider: str,
    provider_model_id: str,
    maker: str | None,
    free: bool,
    open_weights: bool | None = None,
    partner: bool = False,
) -> TierEntry:
    """The tier of one offering: the maker's own API, a plan/free listing, else the provider's tier.

    A `host` runs open weights on its own GPUs; it cannot host a closed model (`open_weights` False),
    so a host or unknown provider listing one is reselling it: tier `aggregator` ("resells a closed
    model"), unless `partner` (a curated, sourced partnership with the maker) says it is licensed, or
    the provider is some maker's own API and the model's maker is unknown (its own model, probably).
    """
    low = provider_model_id.lower()
    base = provider_tier(provider)
    if base.tier == "plan":
        return base
    if any(low.endswith(m) for m in _FREE_MODEL_MARKERS):
        return TierEntry("plan", "a free-tier model id (':free' / '-free')")
    if is_maker_provider(maker, provider):
        return TierEntry("maker", f"{provider} is {maker}'s own API")
    if free:
        return TierEntry("plan", "listed at $0: a free tier, not a price")
    first_party_unknown_maker = maker is None and any(provider in p for p in MAKER_PROVIDERS.values())
    if (
        open_weights is False
        and base.tier not in _CAN_SERVE_CLOSED
        and not partner
        and not first_party_unknown_maker
    ):
        return TierEntry("aggregator", RESELLS_CLOSED)
    return base
