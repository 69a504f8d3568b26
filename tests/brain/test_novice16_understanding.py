"""What the offline brain records for the novice review of session 16, on sentences of our own:
volumes of different items said together are summed, a hedged "idk maybe … ?" is an answer, a week
is 52/12 weeks a month and "八十来个学生" is a head count, our own words quoted back give no facts, a
currency named in the message sets the currency of a bare "块", "I meant per week" and "我说的是台币"
re-read the figure held, "each 5 to 10 mins" is a recording's length (the middle of the range), the
language of the answers is added to the languages held, and a phrase is not taken for a model name."""

from __future__ import annotations

from typing import Any

import pytest

from tests.brain.conftest import close, facts
from whichmodel.agent.brain import lexicon as lx
from whichmodel.agent.brain import understand
from whichmodel.agent.brain.offline import restated_currency, restated_period
from whichmodel.agent.nodes.interview import (
    _added,
    _could_be_model_name,
    _restated_currency,
    _restated_period,
)
from whichmodel.agent.state import Fact
from whichmodel.knowledge.units import USD_PER

V = "volume.requests_per_month"
MONTHLY = "budget.monthly_usd"
AUDIO = "volume.audio_minutes"
TWD, CNY, HKD = USD_PER["TWD"], USD_PER["CNY"], USD_PER["HKD"]
WEEK = 52 / 12


# --- 1. volumes of different items are one workload ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("about 50 new listings a month and maybe 10-20 customer emails a day", 50 + 20 * 30),
        ("we write 25 blog posts a month plus 100 product descriptions a week", 25 + 100 * WEEK),
        ("每天三十条评论，还有每周二十封邮件", 30 * 30 + 20 * WEEK),
        ("每个月两百张发票，另外每天十几份合同", 200 + 15 * 30),
    ],
)
def test_volumes_of_different_items_are_summed(message: str, volume: float) -> None:
    fact = next(f for f in understand(message).facts if f.path == V)
    assert close(fact.value, volume, 0.03)
    assert fact.provenance == "inferred" and fact.shown and "+" in fact.shown


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("500 requests a day, so 15,000 requests a month", 15000),
        ("300 emails a day, that's about 9000 emails a month", 9000),
    ],
)
def test_the_same_volume_said_twice_is_not_summed(message: str, volume: int) -> None:
    assert close(facts(message)[V], volume)


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("idk maybe 60 orders a week? budget like $40 a month", 60 * WEEK),
        ("dunno, maybe 200 tickets a day?", 200 * 30),
        ("12 staff, 2 shifts a day so maybe 24 handover notes a day??", 24 * 30),
    ],
)
def test_a_hedged_volume_ending_in_a_question_mark_is_read(message: str, volume: float) -> None:
    assert close(facts(message, V)[V], volume)


# --- 2. weeks and head counts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("80 students, one essay a week each", 80 * WEEK),
        ("我们有六十来个学员，每人每周一篇作文", 60 * WEEK),
        ("一百多个学生，每个学生每周交一篇", 100 * WEEK),
        ("40 pupils and they each hand in one essay a week", 40 * WEEK),
    ],
)
def test_one_item_a_week_per_person_is_people_times_weeks_a_month(message: str, volume: float) -> None:
    assert close(facts(message)[V], volume)


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("门诊量一天一千多人次吧，每份病历不长", 1000 * 30),
        ("每天两百多人次来咨询", 200 * 30),
        ("一个月三千多人次", 3000),
    ],
)
def test_visits_counted_in_ren_ci_are_a_volume_not_a_head_count(message: str, volume: float) -> None:
    # "八十来个学生" is a head count, but "一千多人次" (visits) is the volume itself
    assert close(facts(message)[V], volume)


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("直播间评论要审核 每天十万条左右 一个月预算两万块", 100_000 * 30),
        ("十个客服 每人每天大概处理40单 一个月预算三千", 10 * 40 * 30),
        ("一周二十篇左右 一个月一百块以内", 20 * WEEK),
    ],
)
def test_a_chinese_period_before_the_figure_is_its_own_not_the_budgets_after_it(message: str, volume: float) -> None:
    # the period after the noun ("…条左右 一个月预算") starts the budget clause in Chinese
    assert close(facts(message)[V], volume)


# --- 3. our words quoted back, and questions about a value, give no facts ------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "你前面说不要把客户文件贴到聊天应用，现在又说先用聊天应用试，到底哪个对？",
        "你之前推荐的是翻译模型，现在又说用聊天的，哪个对？",
        "before you said just use the chat app, now it's api keys?? which one",
        "you told me to summarise them first, why is it chat now?",
        "why 10,000??",
        "为什么是一万次？",
    ],
)
def test_pushback_and_questions_record_nothing(message: str) -> None:
    u = understand(message)
    assert not [f for f in u.facts if f.path not in ("use_case", "languages")]
    assert u.question


def test_a_restated_volume_in_pushback_is_read_as_the_sum() -> None:
    read = facts("hang on why 10,000? i told you, 30 listings a month and 10-15 emails a day")
    assert close(read[V], 30 + 15 * 30)


# --- 4. currency named in the message, and named alone ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "usd"),
    [
        ("太贵了吧？我说的是台币。预算一个月一千块左右", 1000 * TWD),
        ("我们用新台币，每个月两千块以内", 2000 * TWD),
        ("是港币，一个月五百块", 500 * HKD),
        ("预算一个月三千块", 3000 * CNY),
        ("是台币一千块，不是人民币", 1000 * TWD),
    ],
)
def test_a_bare_kuai_takes_the_currency_the_message_names(message: str, usd: float) -> None:
    assert close(facts(message, MONTHLY)[MONTHLY], usd)


@pytest.mark.parametrize(
    ("message", "code"),
    [("我说的是台币", "TWD"), ("是新台币，不是人民币", "TWD"), ("I meant NT dollars", "TWD"), ("港币", "HKD"),
     ("sorry, Australian dollars", "AUD"), ("一千台币", None), ("人民币还是台币？", None)],
)  # fmt: skip
def test_a_currency_named_alone(message: str, code: str | None) -> None:
    assert restated_currency(message) == code


def _slot(path: str, value: Any, shown: str | None = None, evidence: str = "") -> dict[str, Any]:
    return Fact(path, value, "stated", evidence, shown).slot()


def test_the_budget_held_is_reread_in_the_currency_named() -> None:
    before = {MONTHLY: _slot(MONTHLY, round(1000 * CNY, 2), "¥1,000")}
    (fact,) = _restated_currency(before, [], "我说的是台币", "zh")
    assert close(fact.value, 1000 * TWD) and fact.shown == "1,000新台币"
    dollars = {MONTHLY: _slot(MONTHLY, 30.0)}
    (fact,) = _restated_currency(dollars, [], "oh I meant Australian dollars", "en")
    assert close(fact.value, 30 * USD_PER["AUD"]) and fact.shown == "A$30"


# --- 5. a period corrected without its figure --------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("sorry, I meant per week not per month", (1.0, WEEK)),
        ("oops, that's a day, not a month", (1.0, 30.0)),
        ("是每周，不是每个月", (1.0, WEEK)),
        ("我说的是每天", (None, 30.0)),
        ("weekly", None),
        ("300 a week", None),
    ],
)
def test_a_period_corrected_alone(message: str, said: tuple[float | None, float] | None) -> None:
    got = restated_period(message)
    if said is None:
        assert got is None
    else:
        assert got is not None and got[0] == said[0] and close(got[1], said[1])


def test_the_volume_held_is_rescaled_to_the_new_period_and_said() -> None:
    before = {V: _slot(V, 300, evidence="300 cvs a month")}
    state: Any = {"messages": [{"role": "user", "content": "maybe 300 cvs a month"}]}
    (fact,) = _restated_period(state, before, [], "sorry, I meant per week not per month", "en")
    assert fact.value == round(300 * WEEK) and fact.shown and "300 a week" in fact.shown
    zh_before = {V: _slot(V, 3000, evidence="每天一百份")}
    zh_state: Any = {"messages": [{"role": "user", "content": "每天一百份"}]}
    (fact,) = _restated_period(zh_state, zh_before, [], "不对，是每周一百份的意思，我说错了", "zh") or (None,)
    assert fact is None  # a figure in the message: a new volume, read by the brain, not a rescale
    (fact,) = _restated_period(zh_state, zh_before, [], "说错了，是每周", "zh")
    assert fact.value == round(100 * WEEK)


# --- 6. a recording's length after a bare "each" --------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "minutes"),
    [
        ("about 30 calls a day, each 4 to 8 mins", 6.0),
        ("每天四十通电话，每通五到十分钟", 7.5),
        ("we record 10 meetings a week, each 30-60 minutes", 45.0),
        ("each call is about 5 minutes", 5.0),
    ],
)
def test_a_recording_length_range_is_its_middle(message: str, minutes: float) -> None:
    read = facts(message)
    assert close(read[AUDIO], minutes)
    assert "latency.p95_seconds" not in read


def test_each_without_recordings_is_no_audio_length() -> None:
    assert AUDIO not in facts("we get 300 emails a day, each 2 minutes to answer")


# --- 7. the language of the answers is added ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "added"),
    [("评语最好用中文写，家长要看", "zh"), ("the feedback should be in Chinese for the parents", "zh"),
     ("回复要用日语", "ja")],
)  # fmt: skip
def test_the_answer_language_joins_the_languages_held(message: str, added: str) -> None:
    before = {"languages": _slot("languages", ["en"])}
    read = [f for f in understand(message).facts if f.path == "languages"]
    assert read, message
    out, _also = _added(before, read, message, "provide")
    langs = next(f.value for f in out if f.path == "languages")
    assert "en" in langs and added in langs


# --- 8. UK residency said about "info" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "message", ["its health info so very private, it has to stay in the UK", "this is client information, it must stay in the UK"]
)
def test_uk_residency_about_info(message: str) -> None:
    assert facts(message)["deployment.data_residency"] == "uk"


# --- 9. a phrase is no model name ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "ok"), [("个就可以了", False), ("那个就行吧", False), ("文心一言", True), ("Kimi", True),
                                          ("GPT-5", True), ("通义千问", True)])  # fmt: skip
def test_a_phrase_is_no_model_name(name: str, ok: bool) -> None:
    assert _could_be_model_name(name) is ok


def test_weeks_per_month() -> None:
    assert close(lx.WEEKS_PER_MONTH, 4.333, 0.001)
