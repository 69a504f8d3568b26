"""Novice round 17 in the chat: a Canadian's dollars shown as Canadian dollars, a country the residency field
cannot hold answered with the regions that can be required (never recorded as another country), and test
examples for confidential data de-identified or made up (English and Chinese)."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply

_CLINIC = ("I own a small physio clinic in Toronto. We write clinical notes and home exercise letters for patients, "
           "about 45 a day")  # fmt: skip


async def test_toronto_dollars_are_canadian_in_the_chat() -> None:
    text = await last_reply("cad", _CLINIC, "budget maybe 200 dollars a month")
    assert "C$200" in text


@pytest.mark.parametrize(
    "turn",
    ["its patient health info, I think it has to stay in Canada", "the patient notes must be kept in Canada",
     "the data should stay in Canada"],
)  # fmt: skip
async def test_canada_is_not_the_us(turn: str) -> None:
    text = await last_reply("ca-" + turn[:12], _CLINIC + ", budget C$200 a month", turn)
    assert "Data must stay in: US" not in text and "stay in the US" not in text.replace("the EU, the UK, the US", "")
    assert "Canada" in text and "the EU, the UK, the US" in text


async def test_canada_in_chinese_lists_the_regions() -> None:
    text = await last_reply("ca-zh", "我们是多伦多的一家理疗诊所，每天写病历，大概四十五份，预算每月200加元", "病人数据必须留在加拿大")
    assert "加拿大" in text and "欧盟、英国、美国" in text and "美国境内" not in text


async def test_us_dollars_complaint_keeps_the_canadian_budget() -> None:
    text = await last_reply("usd-complaint", _CLINIC, "budget maybe 200 dollars a month",
                       "you keep showing US dollars, I'm in Canada")  # fmt: skip
    assert "→ $200/month" not in text


@pytest.mark.parametrize(
    ("turns", "needle"),
    [
        ((_CLINIC + ", budget C$200 a month. its patient health info, confidential", "any cloud is fine",
          "what do I actually do next?", "so what do I actually do next?"), "de-identified"),
        (("我们是社区医院，要把门诊记录整理成病历，每月四千份，预算每月两千元，病人信息是保密的", "云服务就行",
          "下一步我该做什么？", "那我下一步具体该做什么？"), "去掉身份信息"),
    ],
)  # fmt: skip
async def test_confidential_data_tests_use_deidentified_examples(turns: tuple[str, ...], needle: str) -> None:
    text = await last_reply("deid-" + turns[0][:6], *turns)
    assert needle in text
