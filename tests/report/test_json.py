"""The JSON contract: keys, types, determinism."""

from __future__ import annotations

import json

from tests.report.fixtures import chinese_recommendation, empty_recommendation, realistic_recommendation
from whichmodel.tools.report import render_json, to_json

CONTRACT_CANDIDATE = {
    "rank": int,
    "model": str,
    "offering_id": (str, type(None)),
    "self_hosted": bool,
    "monthly_cost_usd": (float, int, type(None)),
    "score": (float, int),
    "reasons": list,
}


def test_contract_keys_and_types() -> None:
    data = to_json(realistic_recommendation())
    for key in ("recommendations", "eliminated", "relaxations", "adaptation", "catalog"):
        assert key in data
    for item in data["recommendations"]:
        for key, kind in CONTRACT_CANDIDATE.items():
            assert isinstance(item[key], kind), key
        assert all(isinstance(r, str) for r in item["reasons"])
    assert [r["rank"] for r in data["recommendations"]] == [1, 2, 3, 4]
    hosted = data["recommendations"][1]
    assert hosted["self_hosted"] is True and hosted["offering_id"] is None
    assert data["recommendations"][3]["monthly_cost_usd"] is None  # missing stays null, not 0
    assert data["eliminated"] == {"latency": 37, "over_budget": 812}
    assert data["eliminated_details"][0]["examples"] == ["GPT-4o", "Claude Opus 4"]
    assert data["adaptation"]["approach"] in {
        "prompt_engineering",
        "rag",
        "fine_tuning",
        "train_from_scratch",
    }
    assert isinstance(data["adaptation"]["reason"], str) and data["adaptation"]["reason"]
    assert {s["id"]: s["as_of"] for s in data["catalog"]} == {
        "lmarena": "2026-10-20",
        "models.dev": "2026-08-18",
    }


def test_extra_sections() -> None:
    data = to_json(realistic_recommendation())
    assert data["requirements"]["task_type"] == "classification"
    assert "deployment" in data["defaults_assumed"]
    assert data["effective_monthly_budget_usd"] == 150.0
    assert data["costs"][0]["offering_id"] == "openai:gpt-4o-mini" and data["costs"][0]["rank"] == 1
    assert data["self_host"][0]["gpu"] == "L40S" and data["self_host"][0]["rank"] == 2
    assert [c["model"] for c in data["frontier"]] == ["GPT-4o mini", "Qwen3-32B"]
    assert data["citations"][0]["id"] == "adaptation#fine-tuning"


def test_empty_result_has_relaxations() -> None:
    data = to_json(empty_recommendation())
    assert data["recommendations"] == []
    assert data["relaxations"] and all(isinstance(r["suggestion"], str) for r in data["relaxations"])


def test_serialised_json_is_deterministic_sorted_and_keeps_chinese() -> None:
    text = render_json(chinese_recommendation())
    assert text == render_json(chinese_recommendation())
    assert "电商客服机器人" in text  # not \u-escaped
    parsed = json.loads(text)
    assert list(parsed) == sorted(parsed)
    assert json.loads(json.dumps(to_json(realistic_recommendation()))) == to_json(realistic_recommendation())
