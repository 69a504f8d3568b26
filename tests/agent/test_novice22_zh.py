"""Novice round 22, Chinese threads (/work/novice22 T15 深圳 factory HR), with sentences of our own next to
the reviewed ones: personal data sent to Hong Kong, Macau, Taiwan or abroad is a cross-border transfer
(never "可以：…在香港提供服务"); a sum a year is a budget divided by 12, never a volume."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes import answers, places

T15 = (
    "你好，我是深圳一家电子厂的人事经理，厂里三百来号人。想用AI帮忙写招聘启事（普工、技术员、品质QC这些岗位），"
    "还有帮忙筛选简历，每个月收到的简历挺多的，看不过来。",
    "多少份？旺季的时候一个月一两千份吧，淡季几百份。招聘启事一个月也就十来条。预算的话，公司批了一年两万块。",
)


def _facts(message: str) -> dict[str, object]:
    return {f.path: (f.value, f.shown) for f in understand(message).facts}


def test_personal_data_to_hong_kong_or_abroad_is_a_cross_border_question() -> None:
    for q in ("简历能不能传到香港或者国外的服务器上？", "简历可以传到香港或者国外的服务器吗？",
              # ours
              "客户资料放到境外的云上行吗？", "病历能传到台湾的服务器吗", "员工信息可以存到新加坡吗？"):  # fmt: skip
        assert "cross_border_cn" in answers.direct_kinds(q), q
        assert places.asks_use_in_place(q) is None, q
    # where a service is offered stays a place question; "会不会传到美国" asks where a service keeps data
    assert places.asks_use_in_place("Claude在香港能用吗？") == "hk"
    assert "cross_border_cn" not in answers.direct_kinds("我的数据会不会传到美国？")


async def test_resumes_to_hong_kong_get_the_pipl_answer_not_a_yes() -> None:
    reply = await last_reply(
        "n22t15hk", *T15, "不对，一年两万是整个人事部门的软件预算，AI这块最多一年八千。另外我们香港办事处的同事也想一起用，"
        "简历能不能传到香港或者国外的服务器上？"
    )
    assert "可以：" not in reply and "在香港提供服务" not in reply
    assert "都算境外" in reply and "第三十八、三十九条" in reply and "单独同意" in reply
    assert "招聘阶段" in reply and "请核实" in reply and "境内的服务商" in reply
    # ours: a clinic's records to Macau, no HR exemption named
    reply = await last_reply("n22mo", "我在广州开诊所，想用AI整理病历，每月三百份。病历可以传到澳门的服务器吗？")
    assert "都算境外" in reply and "招聘阶段" not in reply and "可以：" not in reply


def test_a_sum_a_year_is_a_budget_over_twelve_never_a_volume() -> None:
    f = _facts("不对，一年两万是整个人事部门的软件预算，AI这块最多一年八千。")
    assert f.get("budget.monthly_usd", (None, None))[1] == "¥667" and "volume.requests_per_month" not in f
    # ours
    assert _facts("一年八千块")["budget.monthly_usd"][1] == "¥667"
    assert _facts("年度预算两万")["budget.monthly_usd"][1] == "¥1,667"
    f = _facts("一年最多1万")
    assert f["budget.monthly_usd"][1] == "¥833" and "volume.requests_per_month" not in f
    # a count a year keeps its unit and stays a volume
    assert _facts("我们一年大概一万封邮件")["volume.requests_per_month"][0] == 833
    assert "budget.monthly_usd" not in _facts("一年八千份简历")


async def test_the_yearly_correction_changes_the_budget_not_the_volume() -> None:
    reply = await last_reply("n22t15b", *T15, "不对，一年两万是整个人事部门的软件预算，AI这块最多一年八千。")
    assert "¥667/月" in reply and "→ 667/月" not in reply and "每月预算" in reply
