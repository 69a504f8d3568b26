"""LLM-as-judge scoring, used only for rows whose scorer is ``judge`` and only when a judge
endpoint is configured (``WHICHMODEL_JUDGE_ENDPOINT``). The verdict is bound to a JSON schema
through the OpenAI ``response_format`` so it is parsed, not guessed from prose.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from whichmodel.tools.probes.client import AdaptiveLimiter, CallError, RetryPolicy, complete_with_retries
from whichmodel.tools.probes.endpoints import Endpoint
from whichmodel.tools.probes.scorers import Score, extract_json

VERDICT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"verdict": {"type": "string", "enum": ["pass", "fail"]}, "reason": {"type": "string"}},
    "required": ["verdict", "reason"],
    "additionalProperties": False,
}

JUDGE_SYSTEM = (
    "You grade an answer against a reference. Reply 'pass' if the answer is correct and consistent "
    "with the reference, otherwise 'fail', with a one-sentence reason."
)


def judge_messages(question: str, reference: str, answer: str) -> list[dict[str, str]]:
    """The judge prompt (data, not logic: kept here beside its schema)."""
    user = f"Question:\n{question}\n\nReference answer:\n{reference}\n\nAnswer to grade:\n{answer}"
    return [{"role": "system", "content": JUDGE_SYSTEM}, {"role": "user", "content": user}]


async def judge_score(
    client: httpx.AsyncClient,
    judge: Endpoint,
    question: str,
    reference: str,
    answer: str,
    policy: RetryPolicy,
    limiter: AdaptiveLimiter,
) -> Score:
    """Ask the judge; an unparseable or failed verdict gives ``passed=None`` with the reason."""
    params = {
        "temperature": 0,
        "max_tokens": 128,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "verdict", "schema": VERDICT_SCHEMA, "strict": True},
        },
    }
    try:
        result = await complete_with_retries(
            client, judge, judge_messages(question, reference, answer), params, policy, limiter
        )
    except CallError as error:
        return Score(None, "judge", f"judge call failed: {error.kind}")
    try:
        verdict = extract_json(result.text)
        passed = verdict["verdict"] == "pass"
        reason = str(verdict.get("reason", ""))[:200]
    except (ValueError, KeyError, TypeError, json.JSONDecodeError):
        return Score(None, "judge", "judge gave no valid verdict")
    return Score(passed, "judge", reason)
