"""novice25 P2 (an accounting firm in Shenzhen) and P3 (a Hong Kong teacher), second pass: an explicit provider
choice is kept and said, a one-off office PC is answered, invoice OCR is named, a task correction replaces the
task, and "no budget" in Cantonese is free plans only."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand

FIRM = (
    "你好，我们是一家小型会计师事务所，在深圳。每个月客户会给我们几百张纸质发票，扫描成PDF，我们想用AI自动把金额、税号、"
    "日期这些提取出来填到Excel里。但是客户资料是保密的。用哪个AI比较好？"
)


def _facts(message: str) -> dict[str, object]:
    return {f.path: f.value for f in understand(message).facts}


@pytest.mark.parametrize("said", ["那算了，不要本地部署了，还是用阿里的API。", "我们决定用通义千问", "還是用阿里的API吧"])
def test_a_chosen_provider_is_a_provider_requirement(said: str) -> None:
    assert _facts(said)["deployment.providers_allowed"] == ("alibaba", "alibaba-cn")


@pytest.mark.parametrize("said", ["不要用阿里的API", "还是用Google表格", "还是用谷歌的表格吧"])
def test_a_refused_provider_or_a_product_is_no_provider_requirement(said: str) -> None:
    assert "deployment.providers_allowed" not in _facts(said)


async def test_back_from_self_hosting_to_alibaba_keeps_alibaba() -> None:
    reply = await last_reply("n25-ali", FIRM, "必须部署在我们自己的服务器上。", "那算了，不要本地部署了，还是用阿里的API。")
    assert "允许的服务方：阿里巴巴（阿里云）" in reply
    assert "仅限可下载、自己运行的模型：是 → 否" in reply  # the open-weights rule left with self-hosting
    pick = reply.split("候选名单")[0]
    assert "我的推荐：Qwen" in pick and "月之暗面" not in pick and "Moonshot" not in pick
