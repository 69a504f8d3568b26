"""novice25 P2 (an accounting firm in Shenzhen): "will our data go abroad?" is answered with where the quality
pick's provider says it processes requests, before the general data rules, in Chinese and English."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.nodes import answers

FIRM = (
    "你好，我们是一家小型会计师事务所，在深圳。每个月客户会给我们几百张纸质发票，扫描成PDF，我们想用AI自动把金额、税号、"
    "日期这些提取出来填到Excel里。但是客户资料是保密的。用哪个AI比较好？"
)


@pytest.mark.parametrize(
    "asked",
    ["数据会不会传到国外？", "那就是说数据会留在国内对吧？", "数据去向是哪里？在国内还是国外？", "阿里的服务器在哪里？",
     "我们的发票会存在境外吗？", "where does our data go?", "Where are their servers?"],
)  # fmt: skip
def test_where_the_data_goes_is_a_data_question(asked: str) -> None:
    assert "safety" in answers.about_recommendation(asked)


async def test_will_our_data_go_abroad_names_where_the_pick_processes_it() -> None:
    reply = await last_reply("n25-where", FIRM, "还有，数据会不会传到国外？阿里的服务器在哪里？")
    assert "服务商声明在中国境内处理您的请求" in reply
    assert "答不了" not in reply
