"""Where the makers offer their services, who they are in Chinese, and what their chat apps cost: facts
for the decision core (`tools.decision.filters.not_offered_to`: what a person in mainland China can
buy) and for side questions ("能在国内用吗？", "Claude在台湾能用吗", "can I use it in China?", "Qwen是阿里的那个吗？",
"Kimi的APP要钱吗？"), as data with their sources. Answers are written from this table, never inline.

The lists are the makers' own published supported-country lists and app pages as read on `AS_OF`;
they change: the answers say to check the maker's page for a current one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AS_OF = "2025-06"
"""When the supported-country lists and app prices below were read."""

PLACES: dict[str, tuple[str, str]] = {
    "cn": ("mainland China", "中国大陆"),
    "hk": ("Hong Kong", "香港"),
    "tw": ("Taiwan", "台湾"),
    "sg": ("Singapore", "新加坡"),
}
"""The places a "can I use it in …?" question is answered for (EN, ZH names)."""

PLACE_WORDS: tuple[tuple[str, str], ...] = (
    ("cn", r"国内|中国大陆|大陆|中国|境内|翻墙|梯子|vpn|mainland|china|prc"),
    ("hk", r"香港|hong\s*kong|\bhk\b"),
    ("tw", r"台湾|台灣|taiwan|台北|高雄|台中"),
    ("sg", r"新加坡|singapore"),
)
"""Words that name each place (checked in this order after Hong Kong and Taiwan, which are more specific)."""


@dataclass(frozen=True)
class Maker:
    """A model maker: its names, its models' names, where it offers its service and its chat app."""

    key: str
    en: str
    zh: str
    models: str
    """A pattern that finds the maker by a model, app or company name in a question or a catalog entry."""
    family_en: str
    family_zh: str
    offered: frozenset[str]
    """Places of PLACES where the maker offers its API and app to the public."""
    app_en: str
    app_zh: str
    app_price_en: str
    app_price_zh: str
    china_console_zh: str = ""
    """Where a business in mainland China signs up for the API (Chinese makers only)."""
    app_month_usd: float | None = None
    """The app's paid personal plan, US dollars a month (None: free for personal use), as `app_price_en` says."""
    source: str = ""
    business_en: str = ""
    """The maker's business plan for people who type into its app by hand (a data agreement, no training on
    the customers' data, per user per month), as its page names it; "" when it has none known here."""
    business_zh: str = ""
    business_seat_usd: tuple[float, float] | None = None
    """The business plan's price per user a month in US dollars as read on `AS_OF` (billed yearly, billed
    monthly), from `business_source`; None: no price known here."""
    business_min_users: int = 1
    """The fewest users the business plan is sold for (`business_source`)."""
    business_source: str = ""


MAKERS: tuple[Maker, ...] = (
    Maker(
        "anthropic", "Anthropic (US)", "Anthropic（美国公司）", r"claude|anthropic",
        "Claude", "Claude", frozenset({"tw", "sg"}),
        "the Claude app (claude.ai)", "Claude 应用",
        "free plan with limits; Pro about $20 a month",
        "免费版有用量限制；付费版约每月 20 美元",
        source="https://www.anthropic.com/supported-countries", app_month_usd=20.0,
        business_en="Claude Team (or Enterprise)", business_zh="Claude 团队版（或企业版）",
        business_seat_usd=(25.0, 30.0), business_min_users=5,
        business_source="https://support.claude.com/en/articles/9267289 (standard seats: $25 billed yearly, $30 monthly, five members at least)",
    ),
    Maker(
        "openai", "OpenAI (US)", "OpenAI（美国公司）", r"chat\s?gpt|openai|\bgpt|\bo[134](?:-mini)?\b",
        "ChatGPT / GPT", "ChatGPT / GPT", frozenset({"tw", "sg"}),
        "ChatGPT", "ChatGPT",
        "free plan with limits; Plus about $20 a month",
        "免费版有用量限制；付费版约每月 20 美元",
        source="https://platform.openai.com/docs/supported-countries", app_month_usd=20.0,
        business_en="ChatGPT Business (formerly Team) or Enterprise", business_zh="ChatGPT 商业版（原团队版）或企业版",
        business_seat_usd=(25.0, 30.0), business_min_users=2, business_source="https://openai.com/chatgpt/pricing/",
    ),
    Maker(
        "google", "Google (US)", "谷歌（美国公司）", r"gemini|gemma|google|vertex|谷歌",
        "Gemini", "Gemini", frozenset({"tw", "sg"}),
        "the Gemini app", "Gemini 应用",
        "free plan with limits; Google AI Pro about $20 a month",
        "免费版有用量限制；付费版约每月 20 美元",
        source="https://ai.google.dev/gemini-api/docs/available-regions", app_month_usd=20.0,
        business_en="Gemini in Google Workspace (a business edition)", business_zh="谷歌企业办公套件（商务版）里的 Gemini",
    ),
    Maker(
        "deepseek", "DeepSeek (Hangzhou, China)", "深度求索（DeepSeek，杭州）", r"deepseek|深度求索",
        "DeepSeek", "DeepSeek", frozenset({"cn", "hk", "tw", "sg"}),
        "the DeepSeek app and website (chat.deepseek.com)", "DeepSeek 官网和手机应用",
        "free for personal use", "个人使用免费",
        china_console_zh="DeepSeek 开放平台",
        source="https://www.deepseek.com/",
    ),
    Maker(
        "alibaba", "Alibaba Cloud (China)", "阿里巴巴（阿里云）", r"qwen|通义|千问|tongyi|alibaba|aliyun|阿里|百炼",
        "Qwen (Tongyi Qianwen)", "通义千问（Qwen）", frozenset({"cn", "hk", "tw", "sg"}),
        "the Qwen / Tongyi app", "通义千问手机应用和网页",
        "free for personal use", "个人使用免费",
        china_console_zh="阿里云百炼平台",
        source="https://www.alibabacloud.com/help/en/model-studio/",
    ),
    Maker(
        "moonshot", "Moonshot AI (Beijing, China)", "月之暗面（Moonshot AI，北京）", r"kimi|moonshot|月之暗面",
        "Kimi", "Kimi", frozenset({"cn", "hk", "tw", "sg"}),
        "the Kimi app (kimi.com)", "Kimi 智能助手（手机应用和网页）",
        "free for personal use", "个人使用免费",
        china_console_zh="月之暗面开放平台",
        source="https://platform.moonshot.cn/",
    ),
    Maker(
        "zhipu", "Zhipu AI (Beijing, China)", "智谱（Zhipu AI，北京）", r"\bglm|chatglm|zhipu|智谱|清言|z\.ai",
        "GLM", "GLM（智谱清言）", frozenset({"cn", "hk", "tw", "sg"}),
        "the Zhipu Qingyan app (chatglm.cn)", "智谱清言",
        "free for personal use", "个人使用免费",
        china_console_zh="智谱开放平台",
        source="https://bigmodel.cn/",
    ),
    Maker(
        "bytedance", "ByteDance (China)", "字节跳动", r"doubao|豆包|bytedance|字节|火山|volcengine",
        "Doubao", "豆包", frozenset({"cn"}),
        "the Doubao app", "豆包手机应用和网页",
        "free for personal use", "个人使用免费",
        china_console_zh="火山引擎方舟平台",
        source="https://www.volcengine.com/product/doubao",
    ),
)  # fmt: skip
"""The makers people ask about by name. `offered`: from each maker's published list (`source`);
Hong Kong is on none of the US makers' lists, Taiwan and Singapore are on all of them. The Chinese
makers' services are for use in mainland China (ICP-registered, data in China) and reachable abroad."""


CHINESE_MAKERS = tuple(m for m in MAKERS if "cn" in m.offered)


def maker_named(text: str) -> Maker | None:
    """The maker a question or a catalog name points to (the first one it names), or None."""
    found = [(m.start(), maker) for maker in MAKERS if (m := re.search(maker.models, text, re.IGNORECASE))]
    return min(found, key=lambda pair: pair[0])[1] if found else None


MAKER_ALIASES: dict[str, str] = {
    "meta": r"facebook|\bfb\b|脸书|instagram|whatsapp|\bmeta\b",
    "google": r"google|alphabet|谷歌",
    "alibaba": r"alibaba|阿里",
    "bytedance": r"bytedance|tiktok|抖音|字节",
}
"""Other names people use for a maker (catalog maker key -> pattern): "is Muse Spark facebook's one?"."""


def place_named(text: str) -> str | None:
    """The place of PLACES a question names ("在台湾", "in China", "翻墙"), or None."""
    for code in ("hk", "tw", "sg", "cn"):
        words = next(w for c, w in PLACE_WORDS if c == code)
        if re.search(words, text, re.IGNORECASE):
            return code
    return None


PROVIDERS_NOT_IN_MAINLAND_CHINA: dict[str, str] = {
    "google-vertex": "https://cloud.google.com/about/locations (no Google Cloud region or sales in mainland China)",
    "google-vertex-anthropic": "https://cloud.google.com/about/locations (no Google Cloud region or sales in mainland China)",
    "amazon-bedrock": "https://www.amazonaws.cn/en/about-aws/regional-product-services/ (Bedrock is not offered in the AWS China regions)",
}
"""Clouds that resell models and do not offer that service in mainland China, with sources."""

NOT_OFFERED_IN_HONG_KONG: dict[str, str] = {m.key: m.source for m in MAKERS if "hk" not in m.offered}
"""Makers whose published lists leave Hong Kong out (their lists bind every reseller of their closed
models): key -> source."""

NOT_OFFERED_IN_MAINLAND_CHINA: dict[str, str] = {
    **{m.key: m.source for m in MAKERS if "cn" not in m.offered},
    **PROVIDERS_NOT_IN_MAINLAND_CHINA,
}
"""Makers (`MAKERS` without mainland China: their lists bind every reseller of their closed models)
and providers that do not offer their API in mainland China: id -> source."""
