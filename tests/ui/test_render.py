"""Pure rendering of the agent's events for the web page, and the access rules."""

from __future__ import annotations

import pytest

from whichmodel.agent.events import RequirementRow, ShortlistRow
from whichmodel.ui.chainlit import access, render
from whichmodel.ui.chainlit.offline_page import strip_external_links


@pytest.mark.parametrize(
    "message",
    [
        "My recommendation: Gemma (empiriolabs), about $82.20 a month.\n\nAlternatives: a; b.",
        "我的推荐：Gemma 4 26B-A4B（empiriolabs），每月约$82.20。你可以随时修改任何条件。",
        "  leading and trailing  \n",
        "",
    ],
)
def test_chunks_rebuild_the_message_exactly(message: str) -> None:
    pieces = list(render.chunks(message))
    assert "".join(pieces) == message
    if len(message) > 40:
        assert len(pieces) > 2, "a long reply must stream in several pieces"


def test_markdown_safe_escapes_directives_only() -> None:
    text = "start with Gemma (through empiriolabs:gemma-4-26b-a4b) at 12:30, see https://example.com/x"
    safe = render.markdown_safe(text)
    assert "empiriolabs\\:gemma-4-26b-a4b" in safe
    assert "12:30" in safe and "https://example.com/x" in safe


def test_shortlist_table_has_one_row_per_candidate() -> None:
    rows = [
        ShortlistRow(rank=1, model="Alpha | Pro", offering_id="acme:alpha-pro", where="via acme", monthly_usd=82.2,
                     quality=1444.4, latency="fast", self_hosted=False),
        ShortlistRow(rank=2, model="Beta", offering_id=None, where="self-hosted", monthly_usd=None, quality=None,
                     latency=None, self_hosted=True),
    ]  # fmt: skip
    en = render.shortlist_markdown(rows, "en").splitlines()
    table = [line for line in en if line.startswith("|")]
    assert len(table) == 2 + len(rows)
    assert "Monthly cost" in table[0]
    assert "Alpha \\| Pro" in table[2] and "$82.20" in table[2] and "1444" in table[2]
    assert table[3].count("unknown") == 3
    zh = render.shortlist_markdown(rows, "zh-CN")
    assert "每月成本" in zh and "快" in zh and "未知" in zh


def test_requirements_table_translates_provenance() -> None:
    rows = [
        RequirementRow(field="budget.monthly_usd", label="每月预算", value="$300/月", provenance="stated", evidence="300")
    ]
    assert "明确" in render.requirements_markdown(rows, "zh")
    assert "stated" in render.requirements_markdown(rows, "en")


def test_answer_buttons_send_the_option_text() -> None:
    buttons = render.answer_buttons("deployment", ["Any cloud API", "Self-hosted"], "Any cloud API", "en")
    assert [b.reply for b in buttons] == ["Any cloud API", "Self-hosted"]
    assert buttons[0].is_default and buttons[0].label == "Any cloud API (default)"
    confirm = render.answer_buttons("confirm", [], None, "zh")
    assert [(b.label, b.reply) for b in confirm] == [("对，给我推荐", "对")]
    assert "输入" in render.question_markdown("模型可以部署在哪里？", True, "zh")


def test_step_names_in_both_languages() -> None:
    assert render.step_name("catalog_search", "en") == "Catalog search"
    assert render.step_name("catalog_search", "zh") == "检索模型目录"
    assert render.step_name("some_new_tool", "en") == "some_new_tool"


def test_cdn_links_are_stripped_and_local_ones_kept() -> None:
    html = (
        '<link rel="preconnect" href="https://fonts.googleapis.com" />\n'
        '<link\n  href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet"\n/>\n'
        '<link rel="stylesheet" href="//cdn.example/katex.css">\n'
        '<link rel="stylesheet" crossorigin href="/assets/index.css">'
    )
    out = strip_external_links(html)
    assert "googleapis" not in out and "cdn.example" not in out
    assert 'href="/assets/index.css"' in out


def test_auth_modes_and_password_check() -> None:
    assert access.auth_mode({}) == "none"
    assert access.auth_mode({access.LOCAL_USER_ENV: "1"}) == "none", "local mode needs a signing secret"
    assert access.auth_mode({access.LOCAL_USER_ENV: "1", access.SECRET_ENV: "x"}) == "local"
    with pytest.raises(ValueError):
        access.auth_mode({access.PASSWORD_ENV: "pw"})
    env = {access.PASSWORD_ENV: "pw", access.SECRET_ENV: "x", access.LOCAL_USER_ENV: "1"}
    assert access.auth_mode(env) == "password"
    assert access.check_password("whichmodel", "pw", env)
    assert not access.check_password("admin", "pw", env)
    assert not access.check_password("whichmodel", "admin", env)
    assert not access.check_password("whichmodel", "", {})


def test_origins() -> None:
    assert access.served_origins("localhost", 9000) == ["http://127.0.0.1:9000", "http://localhost:9000"]
    assert access.served_origins("10.0.0.5", 80) == ["http://10.0.0.5:80"]
    assert access.is_loopback("::1") and not access.is_loopback("10.0.0.5")
    assert access.origins_from_env({access.ORIGINS_ENV: "https://a.example/, https://b.example"}) == [
        "https://a.example",
        "https://b.example",
    ]
    with pytest.raises(ValueError):
        access.origins_from_env({access.ORIGINS_ENV: "*"})
    allowed = ["*"]
    access.apply_origins(allowed, ["https://a.example"])
    assert allowed == ["https://a.example"]


def test_a_shortlist_row_shows_its_lifecycle_warning_next_to_the_model() -> None:
    rows = [
        ShortlistRow(rank=1, model="Gemini 3.7 Flash", offering_id="google-vertex:gemini-3.7-flash", where="via google-vertex",
                     monthly_usd=300.0, quality=95.0, latency="fast", self_hosted=False, warnings=("retires on 2027-01-28",)),
        ShortlistRow(rank=2, model="Kimi K2.6", offering_id="moonshotai:kimi-k2.6", where="via moonshotai",
                     monthly_usd=357.5, quality=88.0, latency="fast", self_hosted=False),
    ]  # fmt: skip
    table = [line for line in render.shortlist_markdown(rows, "en").splitlines() if line.startswith("|")]
    assert "Gemini 3.7 Flash (⚠ retires on 2027-01-28)" in table[2]
    assert "⚠" not in table[3]
