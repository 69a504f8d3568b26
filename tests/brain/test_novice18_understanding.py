"""Novice round 18: where the person is (a place is not a data-residency rule), currencies named to show the
prices in, essay grading said back as grading, confirmations that open a longer answer, volumes per worker
and per event, visits counted in people, and "the data must not leave the building" (English and Chinese)."""

from __future__ import annotations

import pytest

from tests.brain.conftest import close, facts
from whichmodel.agent.brain.offline import (
    grading_with_comments,
    local_dollar,
    restated_currency,
    said_as_preference,
    turned_down_places,
    understand,
)
from whichmodel.agent.nodes.slots import drop_turned_down, rough_confirmations
from whichmodel.agent.state import Fact, Slot


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("我们在义乌，当然是国内", "cn"),
        ("我就在成都开店，给我推荐国内能用的", "cn"),
        ("我们是义乌的一家外贸公司，做小商品出口", "cn"),
        ("我在台湾耶", "tw"),
        ("您好 我在台北开了一家茶叶小店，来买茶的日本和欧美游客挺多", "tw"),
        ("we're in Toronto", "ca"),
        ("I'm in Canada", "ca"),
        ("I'm in the US", "us"),
        ("hello! im a wedding photographer in Cape Town.", "other"),
        ("G'day. I run a 3 person recruitment agency in Brisbane.", "au"),
        ("Brisbane", "au"),
        ("We're a care home in Leeds, staff write daily care notes", "uk"),
        ("none of those. Canada! we're in Ontario", "ca"),
    ],
)
def test_a_place_said_of_oneself_is_the_location_and_no_residency(message: str, code: str) -> None:
    read = facts(message)
    assert read.get("location") == code
    assert "deployment.data_residency" not in read


def test_the_location_keeps_the_name_of_a_country_outside_the_codes() -> None:
    fact = next(
        f for f in understand("hello! im a wedding photographer in Cape Town.").facts if f.path == "location"
    )
    assert (fact.value, fact.shown) == ("other", "South Africa")
    zh = next(f for f in understand("我们在义乌，当然是国内").facts if f.path == "location")
    assert zh.shown == "中国大陆"


@pytest.mark.parametrize(
    "message",
    [
        "数据必须留在中国境内",
        "data must stay in the EU",
        "我们的客户在美国",
        "来买茶的日本游客挺多",
        "Claude在台湾能用吗？",
    ],
)
def test_where_data_stays_or_customers_are_is_not_where_the_person_is(message: str) -> None:
    assert "location" not in facts(message)


def test_a_place_asked_about_in_chinese_domestic_words_says_where_they_are() -> None:
    fact = next(f for f in understand("每个月最多两三百块吧，能在国内用吗？").facts if f.path == "location")
    assert (fact.value, fact.provenance) == ("cn", "inferred")


def test_a_place_said_as_a_preference_is_a_location_and_never_a_rule() -> None:
    u = understand("australia if possible, otherwise whatever", expecting="deployment")
    read = {f.path: f for f in u.facts}
    assert read["location"].value == "au" and read["location"].provenance == "inferred"
    assert said_as_preference(read["location"].evidence)
    assert "deployment.data_residency" not in read
    assert "deployment.data_residency" not in facts("Australia if possible", expecting="deployment")


def test_not_the_us_turns_the_us_down_and_records_canada() -> None:
    message = "NO. I said Canada, not the US. the data should stay in Canada"
    assert turned_down_places(message) == frozenset({"us"})
    assert facts(message).get("location") == "ca"
    held: dict[str, Slot] = {
        "deployment.data_residency": Slot(value="us", provenance="stated", evidence="I'm in Canada"),
        "data.sensitivity": Slot(value="confidential", provenance="stated", evidence="patient data"),
    }
    kept, removed = drop_turned_down(held, turned_down_places(message), [])
    assert removed == ["deployment.data_residency"] and set(kept) == {"data.sensitivity"}


def test_a_complaint_about_us_dollars_keeps_the_local_dollar() -> None:
    assert local_dollar("you keep showing us dollars, i'm in canada") == "cad"
    assert local_dollar("i want 200 us dollars, i'm in canada") is None
    assert restated_currency("you keep showing US dollars, I'm in Canada") is None


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("please show the prices in rand", "ZAR"),
        ("and can you show it in rand please", "ZAR"),
        ("我说的是台币", "TWD"),
    ],
)
def test_a_currency_to_show_the_prices_in_is_the_persons(message: str, code: str) -> None:
    assert restated_currency(message) == code


@pytest.mark.parametrize("message", ["R500 a month", "R500!!! rand. five hundred rand a month"])
def test_rand_with_the_r_prefix_is_a_budget_in_rand(message: str) -> None:
    fact = next(f for f in understand(message).facts if f.path == "budget.monthly_usd")
    assert fact.shown == "R500" and close(fact.value, 500 / 18.0, 0.05)


def test_a_cost_complained_about_is_no_volume() -> None:
    assert "volume.requests_per_month" not in facts("一个月一万五也太贵了")


def test_a_rough_figure_confirms_the_volume_held() -> None:
    held = {
        "volume.requests_per_month": Slot(
            value=347, provenance="inferred", evidence="80来个学生，每人每周一篇"
        )
    }
    said = list(understand("对，一个月三百多篇。预算每月500以内").facts)
    kept = rough_confirmations(held, said, "对，一个月三百多篇。预算每月500以内", "provide")
    assert [f.path for f in kept] == ["budget.monthly_usd"]
    nearer = [Fact("volume.requests_per_month", 300, "stated", "about 300 a month")]
    assert rough_confirmations({"volume.requests_per_month": Slot(value=320, provenance="stated", evidence="320")},
                               nearer, "yes, about 300 a month", "provide") == []  # fmt: skip
    assert rough_confirmations(held, nearer, "not 347, about 300", "correction") == nearer
    far = [Fact("volume.requests_per_month", 500, "stated", "五百多篇")]
    assert rough_confirmations(held, far, "一个月五百多篇", "provide") == far


@pytest.mark.parametrize(
    ("message", "shown"),
    [("任务是批改作文", "批改作文（打分）"), ("想用AI帮忙批改英语作文并写评语", "批改作文并写评语"),
     ("grading essays with comments in Chinese", "grading essays, with written comments")],
)  # fmt: skip
def test_grading_is_said_back_as_grading(message: str, shown: str) -> None:
    task = next(f for f in understand(message).facts if f.path == "task_type")
    assert task.shown == shown and task.value in ("writing", "classification")


@pytest.mark.parametrize("message", ["还有，我说了是批改作文，你上面还是写文案写作", "任务是批改作文"])
def test_grading_said_again_is_a_correction_and_keeps_its_comments(message: str) -> None:
    u = understand(message)
    assert u.intent == "correction"
    task = next(
        f for f in grading_with_comments(u.facts, ["想用AI帮忙批改英语作文并写评语"]) if f.path == "task_type"
    )
    assert (task.value, task.shown) == ("writing", "批改作文并写评语")


@pytest.mark.parametrize(
    "message", ["不是抽取，是帮医生把门诊记录整理成病历，再给慢病病人写随访短信", "医生每天看完门诊要写病历"]
)
def test_medical_records_are_summaries_not_copywriting(message: str) -> None:
    assert facts(message)["task_type"] == "summarization"


def test_i_guess_writing_names_the_task() -> None:
    u = understand("I guess writing? but not marketing, its clinical notes and letters")
    assert next(f for f in u.facts if f.path == "task_type").value == "writing"


def test_a_confirmation_opening_a_longer_answer_takes_the_guess_and_reads_the_rest() -> None:
    options = ("文档摘要", "从文档中抽取信息", "与客户或员工对话")
    u = understand("对，差不多是整理病历。每天门诊一两百人吧。病人信息很敏感，能不能不出医院？", expecting="use_case",
                   options=options)  # fmt: skip
    read = {f.path: f.value for f in u.facts}
    assert (u.intent, u.choice) == ("confirm", "yes")
    assert read["volume.requests_per_month"] == 6000 and read["deployment.self_host"] is True
    assert understand("对了，token是啥", options=options).choice is None


def test_a_numbered_choice_opening_a_longer_message_is_kept() -> None:
    options = ("Write texts (descriptions, marketing copy)", "Making images")
    u = understand(
        "1. and its 12-15 patients EACH, there are 3 of us, so more like 45 a day",
        expecting="use_case",
        options=options,
    )
    assert u.choice == options[0] and {f.path: f.value for f in u.facts}["task_type"] == "writing"


def test_a_daily_rate_per_worker_counts_working_days_and_the_middle_of_its_range() -> None:
    fact = next(f for f in understand("3 physios, each physio sees maybe 12-15 patients a day").facts
                if f.path == "volume.requests_per_month")  # fmt: skip
    assert close(fact.value, 3 * 13.5 * 5 * 52 / 12, 0.01)
    assert fact.shown is not None and "working days" in fact.shown
    assert facts("200 employees, each asks 10 questions a day")["volume.requests_per_month"] == 60_000


def test_items_per_event_are_multiplied_and_summed_with_the_rest() -> None:
    message = "also its not 43. 30 weddings a year, each one needs an email AND a blog post, plus the 10 enquiries a week"
    fact = next(f for f in understand(message).facts if f.path == "volume.requests_per_month")
    assert fact.value == round(30 * 2 / 12 + 10 * 52 / 12) == 48
    assert fact.shown is not None and "43 enquiries" in fact.shown


@pytest.mark.parametrize(
    ("message", "volume"), [("每天门诊一两百人吧", 6000), ("我说了每天门诊一两百人", 6000)]
)
def test_outpatient_visits_counted_in_people_are_the_volume(message: str, volume: int) -> None:
    assert facts(message)["volume.requests_per_month"] == volume


@pytest.mark.parametrize(
    "message",
    [
        "数据不出医院",
        "病人信息很敏感，能不能不出医院？",
        "data can't leave our building",
        "我们不想让病人数据传到外面去",
    ],
)
def test_data_that_must_stay_in_the_building_is_self_hosting(message: str) -> None:
    read = facts(message)
    assert read["deployment.self_host"] is True and read["deployment.open_weights"] is True


def test_an_llm_place_must_be_one_of_the_location_codes() -> None:
    from whichmodel.agent.brain import Understanding
    from whichmodel.agent.nodes.understanding import UngroundedExtraction, ground

    said = Understanding((Fact("location", "Canada", "stated", "in Canada"),), "provide", None, "en", None)
    with pytest.raises(UngroundedExtraction):
        ground(said, "we are in Canada", None)
    coded = Understanding((Fact("location", "ca", "stated", "in Canada"),), "provide", None, "en", None)
    assert [f.value for f in ground(coded, "we are in Canada", None).facts] == ["ca"]


def test_a_figure_said_again_in_other_words_is_no_change_but_new_words_for_a_task_are() -> None:
    from whichmodel.agent.nodes.slots import merge_facts

    held = {
        "volume.requests_per_month": Slot(value=30, provenance="stated", evidence="30 a month"),
        "task_type": Slot(value="writing", provenance="stated", evidence="写评语"),
    }
    same = [Fact("volume.requests_per_month", 30, "stated", "每月30", "30/月（每月30）")]
    assert merge_facts(held, same)[1] == []
    graded = [Fact("task_type", "writing", "stated", "批改作文", "批改作文并写评语")]
    assert merge_facts(held, graded)[1] == ["task_type"]
