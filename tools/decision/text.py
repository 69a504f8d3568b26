"""The decision core's sentences in English and Chinese (data, not logic).

The core writes the summary, reasons, trade-offs, relaxations, risks and next steps in the reader's
language; numbers are formatted by the caller and passed in, so both languages show the same figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["en", "zh"]

TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "quality": "Quality: {detail}",
        "unrated": "Quality: unrated ({basis}); probe it on your examples before relying on it",
        "cost_api": "Cost: ${monthly}/month, ${per_1k} per 1,000 requests via {offering} (${inp}/M in, ${out}/M out; {source}, {as_of})",
        "cost_self": "Cost: ${monthly}/month self-hosted on {replicas}x{gpus} {gpu} ({memory} GB needed, {quant})",
        "first_party": "Provider: the maker's own API",
        "offerings": "Offerings: {note}",
        "latency": "Latency: {detail}",
        "meets": "Meets: {items}",
        "tool_calling": "tool calling",
        "structured_output": "structured output",
        "reasoning": "reasoning",
        "open_weights": "open weights",
        "cheaper": "{x}x cheaper than #1",
        "dearer": "{x}x the cost of #1",
        "free": "free",
        "elo_diff": "{d} Elo {word} than #1",
        "higher": "higher",
        "lower": "lower",
        "overlap": " (confidence intervals overlap)",
        "no_rating": "no public rating to compare",
        "latency_vs": "latency class {a} vs {b}",
        "relax_budget": "Raise the budget to ${monthly}/month (${per_1k} per 1,000 requests)",
        "relax_open": "Allow proprietary models through an API (not self-hosted)",
        "relax_context": "Fit each request into {tokens} tokens (shorter prompts, chunking or retrieval)",
        "relax_providers": "Allow more providers ({providers})",
        "relax_residency": "Accept providers whose region is unknown or different, or self-host an open model in your region",
        "relax_params": "Size these models by hand (the catalog lacks their parameter counts)",
        "relax_need": "Drop the need for {need}",
        "need_missing_modality": "the extra input modality",
        "need_reasoning": "a reasoning model",
        "none_fits": "No model in the catalog meets every requirement.",
        "worst": " The constraint that eliminated the most was: {label} ({count} options).",
        "relax_admits": " {suggestion}: that admits {models}.",
        "lead": "For \u201c{use_case}\u201d, start with {model} ({how}): of the {passing} models that meet every hard "
        "constraint for a {task} task, it has the best balance of quality (weighted first), cost and latency, "
        "at {cost} for {requests} requests.",
        "self_hosted": "self-hosted",
        "through": "through {offering}",
        "cost_unknown": "cost unknown",
        "about_month": "about ${monthly} a month",
        "alternatives": " Alternatives: {items}.",
        "similar": "similar",
        "strongest": " The strongest qualifying model is {model} ({elo} Elo, {cost}): the framework's accuracy-first "
        "order says to start there if the cheaper picks miss the target.",
        "per_month": "${monthly}/month",
        "path": " Suggested path: {approach}.",
        "accuracy": " Public ratings cannot confirm a {target} accuracy target: measure it on your own examples "
        "before committing.",
        "risk_unrated": "the top pick has no public rating for this task: its quality is unknown until probed",
        "risk_latency": "latency classes are estimates from model size and tier, not measurements",
        "risk_accuracy": "the {target} accuracy target is unverified until tested on your data",
        "risk_one_provider": "the top three all depend on one provider",
        "risk_none": "no candidate meets the requirements as stated",
        "step_eval": "build an evaluation set of 50-100 real examples with expected outputs",
        "step_probe": "probe the shortlist ({names}) on it: `whichmodel probe --examples FILE --models ...`",
        "step_strongest": "start with the strongest model to reach the accuracy target, then try the cheaper ones",
        "step_load": "load-test the self-hosted model on the chosen GPU before sizing the fleet",
        "prompt_engineering": "prompt engineering",
        "rag": "RAG (retrieval-augmented generation)",
        "fine_tuning": "fine-tuning",
        "train_from_scratch": "training from scratch",
        "long_context": "the documents in the prompt with caching",
        "evaluate_on_your_data": "testing on your own data",
    },
    "zh": {
        "quality": "质量：{detail}",
        "unrated": "质量：无公开评分（{basis}）；在依赖它之前，请用您自己的样例进行测试",
        "cost_api": "成本：每月 ${monthly}，每 1,000 次请求 ${per_1k}，经由 {offering}（输入 ${inp}/百万 token，输出 ${out}/百万 token；{source}，{as_of}）",
        "cost_self": "成本：自托管每月 ${monthly}，{replicas}x{gpus} 块 {gpu}（需要 {memory} GB，{quant}）",
        "first_party": "提供方：模型厂商自己的 API",
        "offerings": "服务方：{note}",
        "latency": "延迟：{detail}",
        "meets": "满足：{items}",
        "tool_calling": "工具调用",
        "structured_output": "结构化输出",
        "reasoning": "推理",
        "open_weights": "开放权重",
        "cheaper": "比第 1 名便宜 {x} 倍",
        "dearer": "成本是第 1 名的 {x} 倍",
        "free": "免费",
        "elo_diff": "比第 1 名{word} {d} Elo",
        "higher": "高",
        "lower": "低",
        "overlap": "（置信区间重叠）",
        "no_rating": "无公开评分可比较",
        "latency_vs": "延迟等级 {a}，第 1 名为 {b}",
        "relax_budget": "把预算提高到每月 ${monthly}（每 1,000 次请求 ${per_1k}）",
        "relax_open": "允许通过 API 使用专有模型（不自托管）",
        "relax_context": "把每次请求控制在 {tokens} 个 token 以内（缩短提示、分块或检索）",
        "relax_providers": "允许更多服务商（{providers}）",
        "relax_residency": "接受地区未知或不同的服务商，或在您所在地区自托管开放模型",
        "relax_params": "手工估算这些模型的规模（目录中缺少其参数量）",
        "relax_need": "取消对{need}的要求",
        "need_missing_modality": "额外输入模态",
        "need_reasoning": "推理模型",
        "none_fits": "目录中没有模型能满足全部要求。",
        "worst": "排除最多的约束是：{label}（{count} 个选项）。",
        "relax_admits": "{suggestion}：可纳入 {models}。",
        "lead": "针对“{use_case}”，建议先用 {model}（{how}）：在满足全部硬性约束的 {passing} 个{task}任务模型中，"
        "它在质量（优先）、成本和延迟之间的综合表现最好，{requests} 次请求的费用为{cost}。",
        "self_hosted": "自托管",
        "through": "经由 {offering}",
        "cost_unknown": "成本未知",
        "about_month": "每月约 ${monthly}",
        "alternatives": "备选：{items}。",
        "similar": "相近",
        "strongest": "满足条件的最强模型是 {model}（{elo} Elo，{cost}）：按照框架“先准确率”的顺序，如果更便宜的选择达不到目标，"
        "就从它开始。",
        "per_month": "每月 ${monthly}",
        "path": "建议路径：{approach}。",
        "accuracy": "公开评分无法证实 {target} 的准确率目标：请在决定前用您自己的样例衡量。",
        "risk_unrated": "首选模型在该任务上没有公开评分：测试之前其质量未知",
        "risk_latency": "延迟等级是根据模型规模和档位估算的，并非实测",
        "risk_accuracy": "{target} 的准确率目标在用您的数据测试之前尚未验证",
        "risk_one_provider": "前三名都依赖同一家服务商",
        "risk_none": "按当前要求没有候选模型",
        "step_eval": "用 50-100 个带标准答案的真实样例建立评估集",
        "step_probe": "用评估集测试候选名单（{names}）：`whichmodel probe --examples FILE --models ...`",
        "step_strongest": "先用最强的模型达到准确率目标，再尝试更便宜的模型",
        "step_load": "在确定集群规模之前，在选定 GPU 上对自托管模型做压力测试",
        "prompt_engineering": "提示工程",
        "rag": "RAG（检索增强生成）",
        "fine_tuning": "微调",
        "train_from_scratch": "从零训练",
        "long_context": "把文档放进提示词并开启缓存",
        "evaluate_on_your_data": "用你自己的数据实测",
    },
}

TASK_ZH: Mapping[str, str] = {
    "chat": "对话",
    "qa": "问答",
    "summarization": "摘要",
    "extraction": "信息抽取",
    "classification": "分类",
    "translation": "翻译",
    "code": "编程",
    "reasoning": "推理",
    "agent": "智能体",
    "embedding": "向量嵌入",
    "image_generation": "图像生成",
    "speech_to_text": "语音转文字",
    "vision": "视觉",
    "writing": "文案写作",
    "moderation": "内容审核",
}


def say(lang: Lang, key: str, **values: object) -> str:
    """The sentence `key` in `lang`, filled with `values` (English when a key has no translation)."""
    template = TEXT[lang].get(key) or TEXT["en"][key]
    return template.format(**values)


def task_name(lang: Lang, task: str) -> str:
    return TASK_ZH.get(task, task) if lang == "zh" else task.replace("_", " ")
