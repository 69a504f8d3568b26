"""Keep the served page self-contained: no stylesheet or font from a CDN.

Chainlit 2.12's index.html links Google Fonts (Inter) and KaTeX's CSS from jsDelivr. Offline they
fail, and online they tell third parties who opened the page. LaTeX is disabled in our config and
the page falls back to system fonts, so the links are dropped from the HTML Chainlit serves, by
wrapping `chainlit.server.get_html_template` (the function its page route calls per request).
tests/ui checks the served page holds no external URL, so a Chainlit upgrade that moves this is
caught.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_EXTERNAL_LINK = re.compile(r"<link\b[^>]*\bhref=\"(?:https?:)?//[^\"]*\"[^>]*/?>", re.IGNORECASE | re.DOTALL)


def strip_external_links(html: str) -> str:
    """The HTML without <link> elements that point to another host (absolute or protocol-relative)."""
    return _EXTERNAL_LINK.sub("", html)


def install() -> None:
    """Wrap Chainlit's page template function so every served page is stripped (idempotent)."""
    import chainlit.server as server

    original: Callable[..., str] = server.get_html_template
    if getattr(original, "__wrapped_offline__", False):
        return

    def get_html_template(*args: Any, **kwargs: Any) -> str:
        return strip_external_links(original(*args, **kwargs))

    get_html_template.__wrapped_offline__ = True  # type: ignore[attr-defined]
    server.get_html_template = get_html_template
