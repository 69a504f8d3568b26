"""Products people already use or ask about that are not models in the catalog ("does DeepL count?",
"does Copilot count?", "can it work inside WhatsApp Business?"): what each is, who makes it, and what
its data terms usually are, as data. The chat says what fits the person's case from these codes and
says when something could not be checked; no price or feature here is a live figure.

Checked by hand against the makers' public pages as of `AS_OF`; terms change, so every answer tells
the person what to check on the maker's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

AS_OF = date(2026, 12, 1)
"""When the facts below were last checked against the makers' public pages."""


@dataclass(frozen=True)
class Product:
    """A product that is not a model in the catalog."""

    key: str
    """Code of the product; the answer texts are `product_<key>` (and `_fit`, `_confidential`)."""
    name: str
    maker: str
    maker_country: str
    """Where its maker is based (ISO 3166 alpha-2 code)."""
    kind: str
    """"translation_service" (a machine-translation service, not a general model), "office_assistant" (an
    assistant inside an office suite, run on another maker's models), "messaging_app" (where the messages
    arrive; a model is connected to it, it is not one)."""
    pattern: str
    """How a message names it (regular expression, case-insensitive)."""
    business_terms: bool
    """Whether a paid or business tier with a data-processing agreement and no training on customer data
    is documented (checked on the maker's page as of AS_OF)."""
    page: str
    """The maker's page to check the terms on."""


PRODUCTS: tuple[Product, ...] = (
    Product(
        key="deepl",
        name="DeepL",
        maker="DeepL SE",
        maker_country="de",
        kind="translation_service",
        pattern=r"\bdeep\s?l\b(?:\s+pro)?",
        business_terms=True,
        page="deepl.com/pro-data-security",
    ),
    Product(
        key="m365_copilot",
        name="Microsoft 365 Copilot",
        maker="Microsoft",
        maker_country="us",
        kind="office_assistant",
        pattern=r"\b(?:microsoft\s+|ms\s+|m365\s+)?copilot\b",
        business_terms=True,
        page="learn.microsoft.com/copilot/microsoft-365/enterprise-data-protection",
    ),
    Product(
        key="workspace_gemini",
        name="Gemini in Google Workspace (including Workspace for Education)",
        maker="Google",
        maker_country="us",
        kind="office_assistant",
        pattern=r"\bgemini\b[^.?!\n]{0,60}\b(?:workspace|google\s+for\s+education|school\s+(?:google\s+)?(?:g?mail|account|e-?mail|id|drive|docs)|"
        r"work\s+(?:google\s+)?(?:g?mail|account|e-?mail)|(?:education|edu|office)\s+account|google\s+(?:docs|drive|classroom))|"
        r"\b(?:workspace|google\s+for\s+education|school\s+(?:google\s+)?(?:g?mail|account|e-?mail|id)|work\s+(?:google\s+)?(?:g?mail|account|e-?mail)|"
        r"google\s+classroom|学校(?:的)?(?:谷歌|google|gmail)?\s*(?:账号|邮箱))[^.?!\n]{0,80}\bgemini\b",
        business_terms=True,
        page="support.google.com/a/answer/15706919",
    ),
    Product(
        key="whatsapp_business",
        name="WhatsApp Business",
        maker="Meta",
        maker_country="us",
        kind="messaging_app",
        pattern=r"\bwhats\s?app\b",
        business_terms=False,
        page="business.whatsapp.com",
    ),
)
"""The products the chat answers about (order: the order answers are given in)."""
