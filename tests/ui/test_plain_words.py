"""What a non-technical person reads, without a browser: download names, the probe offer and its
results table in plain words and in Chinese, and the chart's numbered badges and budget line."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from tests.report.fixtures import RAW_REQUIREMENTS, chinese_recommendation, realistic_recommendation
from whichmodel.agent.events import ProbeRow
from whichmodel.agent.nodes import probe as probe_step
from whichmodel.agent.probing import ProbeService, endpoint_settings, env_name, sample_for
from whichmodel.tools.probes.endpoints import load_registry
from whichmodel.tools.report.chart import BADGE_RADIUS, monthly_budget, place_badges, render_chart_svg
from whichmodel.ui.chainlit import render
from whichmodel.ui.report_names import names_for, report_file_names, report_title_slug

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("use_case", "task", "lang", "slug"),
    [
        ("We need to detect fake news headlines, about 50k a month", "classification", "en",
         "fake-news-headlines-classifier"),
        ("We classify ~20k support tickets a day into 12 categories, budget $300/month", "classification", "en",
         "support-tickets-classifier"),
        ("A customer chatbot that answers questions over our product manuals", "chat", "en", "customer-chatbot"),
        ("Write product descriptions for our online shop", "writing", "en", "product-descriptions-writing"),
        ("我们每天大约两万条客服工单，需要分成12类，每月预算不超过300美元", "classification", "zh", "客服工单分类"),
        ("每天一万次文档摘要，我们必须本地部署", "summarization", "zh", "文档摘要"),
        ("假新闻检测", "classification", "zh", "假新闻检测"),
        # greetings, contraction fragments and "we are a ..." are no title; the clause stating the task is
        ("we're a dental clinic, want a chatbot to book appointments", "agent", "en", "dental-clinic-agent"),
        ("你好，我们是一家医院的信息科，想用AI做病历摘要", "summarization", "zh", "病历摘要"),
        ("我们是卖服装的，想用AI识别商品图片，自动打标签", "classification", "zh", "识别商品图片"),
        ("我们是一家做跨境电商的小公司，想让AI自动回复客户邮件", "writing", "zh", "跨境电商写作"),
        ("", "chat", "en", "chatbot"),
        ("!!!", "", "en", "whichmodel"),
    ],
)  # fmt: skip
def test_report_titles(use_case: str, task: str, lang: str, slug: str) -> None:
    assert report_title_slug(use_case, task, lang) == slug


def test_download_names_differ_by_format_and_follow_the_language() -> None:
    en = report_file_names("We need to detect fake news headlines", "classification", "en")
    assert en["html"] == "fake-news-headlines-classifier-report.html"
    assert en["md"] == "fake-news-headlines-classifier-report.md"
    assert en["png"] == "fake-news-headlines-classifier-cost-vs-quality.png"
    zh = report_file_names("我们每天大约两万条客服工单，需要分成12类", "classification", "zh")
    assert zh["html"] == "客服工单分类-报告.html" and zh["svg"] == "客服工单分类-成本与质量.svg"
    assert len(set(en.values())) == len(en)
    assert names_for(realistic_recommendation(), "en")["json"] == "fake-or-real-classifier-report.json" or (
        names_for(realistic_recommendation(), "en")["json"].endswith("-report.json")
    )
    assert names_for(None, "en")["md"] == "whichmodel-report.md"
    for name in [*en.values(), *zh.values()]:
        assert re.fullmatch(r"[\w.-]+", name), name


def test_probe_results_table_is_plain_and_fully_chinese() -> None:
    common = {"examples": "own", "latency_n": 20, "cost_source": None, "cost_as_of": None, "errors_by_kind": {}}
    rows = [
        ProbeRow(endpoint="gpt", stands_for="GPT-4o mini", role="candidate", accuracy=0.9, ci95=(0.8, 0.95), n=20,
                 latency_p50_s=0.5, latency_p95_s=1.2, cost_per_1k_usd=0.12, errors=0, **common),
        ProbeRow(endpoint="local:smollm2-135m", stands_for=None, role="setup_check", accuracy=0.6, ci95=(0.4, 0.8),
                 n=20, latency_p50_s=0.1, latency_p95_s=0.2, cost_per_1k_usd=None, errors=0, **common),
    ]  # fmt: skip
    header, body = render.probe_results_table(rows, "en")
    assert (
        header[4] == "Typical / slowest 1 in 20 answers"
        and "95% CI" not in header
        and "p95" not in " ".join(header)
    )
    assert body[0][0] == "GPT-4o mini" and body[1][0] == "local:smollm2-135m (setup check)"
    header_zh, body_zh = render.probe_results_table(rows, "zh")
    assert all(HAN.search(h) for h in header_zh), header_zh
    assert not re.search(r"[A-Za-z]", " ".join(header_zh)), header_zh
    assert body_zh[1][0] == "local:smollm2-135m（流程检查）" and body_zh[0][4] == "0.50 秒 / 1.20 秒"
    assert render.probe_results_title(rows, "en").startswith("Setup check with the local test model")
    sample_rows = [rows[0].model_copy(update={"examples": "sample"})]
    assert "built-in samples" in render.probe_results_title(sample_rows, "en")
    assert render.step_name("probe", "zh") == "样例测试"


def test_samples_are_offered_only_when_they_match_the_task() -> None:
    assert sample_for("writing", "Write product copy for our shop", "en") is None
    assert sample_for("chat", "Customer support chatbot", "en") is None
    assert sample_for("classification", "Sort support tickets into 12 categories", "en") is None
    assert (
        sample_for("classification", "Classify product reviews as positive or negative", "en")
        == "sentiment-en"
    )
    assert sample_for("classification", "假新闻检测", "zh") == "fake-news-zh"
    assert sample_for("summarization", "每天一万次文档摘要", "zh") == "summarization-zh"
    assert sample_for("qa", "Answer short factual questions", "en") == "qa-en"


def _state(rec: Any) -> Any:
    return {"recommendation": rec.model_dump(mode="json"), "stage": "recommended"}


def test_without_candidate_endpoints_the_offer_says_so_and_gives_the_settings() -> None:
    rec = realistic_recommendation()
    service = ProbeService(registry=load_registry({}))
    pending, events = probe_step.offer(service, rec, _state(rec), "en")
    assert pending is not None and "None of the shortlisted models is set up" in pending["text"]
    assert pending["options"][0] == "Show the settings to add" and pending["options"][-1] == "No, thanks"
    assert "smollm" not in pending["text"].lower()  # never named as if it were a candidate
    assert service.endpoints_for(rec) == []  # the local model is never a candidate
    top = rec.recommendations[0]
    settings = endpoint_settings(rec)
    assert settings[0].name == env_name(top.model) == "GPT_4O_MINI"
    assert settings[0].lines("en")[:2] == [
        "WHICHMODEL_ENDPOINT_GPT_4O_MINI_BASE_URL=https://api.openai.com/v1",
        "WHICHMODEL_ENDPOINT_GPT_4O_MINI_MODEL=gpt-4o-mini",
    ]
    message = probe_step._settings_message(rec, _state(rec), "en")
    assert "WHICHMODEL_ENDPOINT_GPT_4O_MINI_API_KEY=<API key>" in message
    assert "whichmodel probe --examples examples.csv --models gpt-4o-mini" in message
    assert "--sample fake-news-en" in message  # fake news has a matching built-in set
    zh_pending, _ = probe_step.offer(
        service, chinese_recommendation(), _state(chinese_recommendation()), "zh"
    )
    assert zh_pending is not None and not re.search(r"[A-Za-z]", zh_pending["text"]), zh_pending["text"]
    assert events and events[0].type == "question"


def test_with_a_candidate_endpoint_the_offer_names_the_model_and_a_matching_sample() -> None:
    rec = realistic_recommendation()
    top = rec.recommendations[0]
    registry = load_registry(
        {
            "WHICHMODEL_ENDPOINT_MINI_BASE_URL": "http://127.0.0.1:9/v1",
            "WHICHMODEL_ENDPOINT_MINI_MODEL": "mini",
            "WHICHMODEL_ENDPOINT_MINI_CATALOG": str(top.offering_id),
        }
    )
    service = ProbeService(registry=registry)
    assert [e.id for e in service.endpoints_for(rec)] == ["mini"]
    pending, _ = probe_step.offer(service, rec, _state(rec), "en")
    assert pending is not None and top.model in pending["text"]
    assert "built-in samples, not your data" in pending["text"]
    assert "Run the built-in sample set" in pending["options"]
    writing = realistic_recommendation(
        {**RAW_REQUIREMENTS, "task_type": "writing", "use_case": "Product copy"}
    )
    pending, _ = probe_step.offer(service, writing, _state(writing), "en")
    assert pending is not None and "Run the built-in sample set" not in pending["options"]
    assert "built-in" not in pending["text"]


def test_ranking_changed_compares_the_order() -> None:
    rec = realistic_recommendation()
    assert not probe_step.ranking_changed(rec, rec)
    swapped = rec.model_copy(update={"recommendations": list(reversed(rec.recommendations))})
    assert probe_step.ranking_changed(rec, swapped)


def test_badges_never_overlap_and_the_budget_is_drawn() -> None:
    centres = [(100.0, 100.0), (104.0, 102.0), (98.0, 99.0), (300.0, 200.0)]
    placed = place_badges(centres, BADGE_RADIUS, (50, 50, 500, 400))
    assert placed[0] == centres[0] and placed[3] == centres[3]
    for i, (ax, ay) in enumerate(placed):
        for bx, by in placed[i + 1 :]:
            assert (ax - bx) ** 2 + (ay - by) ** 2 >= (2 * BADGE_RADIUS) ** 2
    rec = realistic_recommendation()
    assert monthly_budget(rec) == pytest.approx(150.0)  # $5 per 1,000 requests x 30,000 a month
    svg = render_chart_svg(rec, "en")
    texts = ["".join(t.itertext()) for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert "Your budget $150/month" in texts and "Your budget" in texts
    assert "Public ranking score (Elo)" in texts
    sizes = [
        int(t.get("font-size", "0")) for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
    ]
    assert min(sizes) >= 11
