"""The adaptation path's wording, English and Chinese, from its codes and numbers (words come last).

Every code `tools.decision.adaptation` can produce has a sentence in both languages here; a test
checks the two tables have the same keys, so a new rule cannot ship in one language only.
"""

from __future__ import annotations

from collections.abc import Mapping

from whichmodel.tools.decision.result import Adaptation, Lang

REASONS: Mapping[Lang, Mapping[str, str]] = {
    "en": {
        "task_speech_to_text": "speech recognition is judged on your own recordings (accents, noise, "
        "vocabulary); prompt engineering is not the lever, testing on your audio is",
        "task_embedding": "embeddings are judged by whether your real queries find the right passages; "
        "measure that on your own data",
        "task_image_generation": "image models are judged by people against your style and brand; "
        "build a small library of prompts and a review rubric",
        "task_moderation": "a moderation model must follow your policy: write the categories down, label "
        "examples and set its thresholds on them",
        "novel_domain_with_corpus": "the domain is one no existing model has seen and {unlabeled_tokens_billions:g}B "
        "tokens of in-domain text exist: training from scratch is the rare case the framework keeps for "
        "this, and it costs far more than every other path",
        "documents_are_the_input": "the documents are the input of each request, not a knowledge base to "
        "search: retrieval adds nothing; a checklist of what to look for in the prompt and a test set "
        "reviewed by your experts do",
        "corpus_fits_context": "your documents ({knowledge_tokens:,.0f} tokens) fit comfortably in the "
        "model's context ({context:,.0f} tokens): put them in the prompt and cache them, no retrieval "
        "pipeline to build",
        "knowledge_changes_often": "the answers depend on knowledge that changes often, so it must be "
        "looked up at question time rather than trained in",
        "corpus_size_unknown": "the answers depend on your own documents; their size is not known, so "
        "retrieval (RAG) is the safe default — if they fit in the model's context, put them in the prompt "
        "instead",
        "corpus_exceeds_context": "your documents ({knowledge_tokens:,.0f} tokens) are more than the "
        "model's context can hold ({context:,.0f} tokens): retrieve the relevant passages (RAG)",
        "pick_not_tunable": "{labeled_examples:,.0f} labelled examples would support fine-tuning, but "
        "{model} has no known fine-tuning service: prompt it with examples first, and only if that "
        "plateaus, fine-tune an open-weights model and compare it on your held-out examples",
        "enough_examples_for_consistency": "{labeled_examples:,.0f} labelled examples are enough to "
        "fine-tune for consistent answers ({task_name}): set the accuracy bar by prompting the strongest "
        "model, then fine-tune (or distil into) a smaller, cheaper model and check it keeps that bar",
        "enough_examples_open_pick": "{labeled_examples:,.0f} labelled examples are enough to fine-tune "
        "for consistent answers ({task_name}), and {model}, the model to start with, has open weights: "
        "set the accuracy bar by prompting the strongest candidate, then fine-tune {model} on your "
        "examples and check it keeps that bar",
        "few_labelled_examples": "no private knowledge base and only {labeled_examples:,.0f} labelled "
        "examples: clear instructions, context and a few examples in the prompt come first",
        "no_labelled_examples": "no private knowledge base and no labelled examples: clear instructions, "
        "context and a few examples in the prompt come first",
    },
    "zh": {
        "task_speech_to_text": "语音识别要用您自己的录音来评判（口音、噪声、专业词汇）；起作用的不是提示词，而是用您的音频实测",
        "task_embedding": "向量模型好不好，要看您的真实查询能否找到正确的段落；请用您自己的数据测量",
        "task_image_generation": "图像模型要由人按您的风格和品牌来评判；先准备一组提示词和一份评审标准",
        "task_moderation": "审核模型必须遵循您的政策：写清类别，标注样例，并在样例上设定阈值",
        "novel_domain_with_corpus": "这个领域是现有模型都没见过的，并且有 {unlabeled_tokens_billions:g}B "
        "词元的领域文本：这正是框架保留给“从零训练”的少见情形，其成本远高于其他所有路径",
        "documents_are_the_input": "文档本身就是每次请求的输入，而不是要检索的知识库：检索帮不上忙；"
        "有用的是在提示词中写明要检查的要点清单，以及由您的专家审核过的测试集",
        "corpus_fits_context": "您的文档（{knowledge_tokens:,.0f} 词元）完全放得进模型的上下文"
        "（{context:,.0f} 词元）：直接放进提示词并开启缓存，无需搭建检索流程",
        "knowledge_changes_often": "答案依赖经常变化的知识，必须在提问时检索，而不是训练进模型",
        "corpus_size_unknown": "答案依赖您自己的文档；文档规模未知，因此检索增强（RAG）是稳妥的默认做法——"
        "如果文档放得进模型的上下文，直接放进提示词即可",
        "corpus_exceeds_context": "您的文档（{knowledge_tokens:,.0f} 词元）超出了模型上下文的容量"
        "（{context:,.0f} 词元）：请检索相关段落（RAG）",
        "pick_not_tunable": "{labeled_examples:,.0f} 条标注样例足以支持微调，但 {model} 没有已知的微调服务："
        "先用样例做提示词工程；只有效果停滞时，再微调一个开源权重模型，并在留出的样例上比较",
        "enough_examples_for_consistency": "{labeled_examples:,.0f} 条标注样例足以微调，让{task_name}结果更稳定："
        "先用最强的模型加提示词定下准确率基线，再微调（或蒸馏到）更小、更便宜的模型，并确认它达到同样的基线",
        "enough_examples_open_pick": "{labeled_examples:,.0f} 条标注样例足以微调，让{task_name}结果更稳定，"
        "而起步用的 {model} 是开源权重模型：先用最强的候选加提示词定下准确率基线，再用您的样例微调 {model}，"
        "并确认它达到同样的基线",
        "few_labelled_examples": "没有私有知识库，只有 {labeled_examples:,.0f} 条标注样例：先在提示词中写清指令、上下文和几个示例",
        "no_labelled_examples": "没有私有知识库，也没有标注样例：先在提示词中写清指令、上下文和几个示例",
    },
}

STEPS: Mapping[Lang, Mapping[str, str]] = {
    "en": {
        "collect_audio": "record 20-50 real samples in your conditions (callers, microphones, noise) with "
        "reference transcripts",
        "measure_wer": "measure the word error rate of each shortlisted model on them",
        "add_vocabulary": "give names and domain terms to the model as a prompt or custom vocabulary where "
        "it supports one, and measure again",
        "check_languages_audio": "check every language and accent your users speak is in the samples",
        "build_query_set": "collect 50-100 real queries with the passages that answer them",
        "measure_recall": "measure how often the right passage is in the top results (recall@5) per model",
        "compare_dimensions": "compare vector size and price: storage grows with both",
        "style_prompts": "write 20 prompts that cover your products and styles",
        "review_rubric": "have two people score the images against a short rubric",
        "write_policy": "write your moderation categories and what is allowed in each",
        "label_per_category": "label 50+ real examples per category, including borderline ones",
        "calibrate_thresholds": "set each category's threshold on those examples and review the misses",
        "measure_existing_first": "build an evaluation set and measure the best existing models first",
        "try_continued_pretraining": "try continued pre-training or fine-tuning of an open-weights model "
        "before training from scratch",
        "budget_training": "budget for data cleaning, compute and evaluation",
        "checklist_prompt": "write into the prompt a checklist of what to find in each document and the "
        "output format",
        "reviewed_test_set": "have your experts review the answers on 30-50 real documents; keep them as "
        "the test set",
        "split_long_documents": "documents of {input_tokens:,.0f} tokens are long for this model: split "
        "them into sections and combine the answers",
        "corpus_in_prompt": "put the documents in the prompt, the stable part first",
        "cache_corpus": "turn on prompt caching so the documents are billed at the cached rate",
        "qa_test_set": "check answers against a set of real questions with known answers",
        "task_prompt": "start with a prompt that states the task, format and a few examples",
        "index_and_retrieve": "index your documents and retrieve the relevant passages into the prompt (RAG)",
        "fine_tune_for_format": "if tone or format stays inconsistent, fine-tune on your labelled examples "
        "as well",
        "hold_out_eval": "hold out part of the labelled examples as an evaluation set",
        "few_shot_ceiling": "prompt the strongest candidate with a few examples to measure the accuracy "
        "ceiling",
        "fine_tune_smaller": "fine-tune a smaller model on the rest and compare on the held-out set",
        "fine_tune_pick": "if that falls short: fine-tune {model} on the rest (for example with LoRA adapters), serve the tuned "
        "weights yourself or through a host that serves fine-tuned models, and compare on the held-out set",
        "fine_tune_small_open": "if that falls short: fine-tune a small open-weights model on the rest (at most "
        "{max_params_b:.0f}B parameters, such as a Gemma or Qwen model of that size: LoRA tuning and serving fit on one "
        "GPU; {model} is larger or of unknown size, out of proportion for this task) and compare on the held-out set",
        "tuned_serving_over_budget": "mind the serving cost: the tuned weights on your own rented GPUs would cost "
        "about ${self_host_monthly:,.0f}/month at this volume, over your ${budget:,.0f} budget; use a host that "
        "serves your adapter at per-token prices, or keep the untuned pick",
        "small_classifier": "train a small classifier on the same examples (for example a multilingual text "
        "encoder with a classification head) and compare it on the held-out set: if it keeps the bar, use it, "
        "it is the cheapest and fastest to run (send only the items it is unsure about to the language model)",
        "distil_into_open_model": "only if prompting plateaus: fine-tune an open-weights model on the rest "
        "and compare on the held-out set",
        "collect_eval_set": "collect 50-100 real examples with expected answers as an evaluation set",
        "keep_pairs": "keep prompt/answer pairs: they become fine-tuning data if prompting plateaus",
        "cache_long_prompt": "prompts of {input_tokens:,.0f} tokens: keep the repeated part first and turn on "
        "prompt caching",
    },
    "zh": {
        "collect_audio": "在真实条件下（来电者、麦克风、噪声）录制 20-50 段样本，并准备参考文字稿",
        "measure_wer": "在这些样本上测量每个候选模型的字词错误率",
        "add_vocabulary": "在模型支持时，把人名和专业术语作为提示词或自定义词表提供给它，再测一次",
        "check_languages_audio": "确认样本覆盖用户说的每种语言和口音",
        "build_query_set": "收集 50-100 条真实查询，以及能回答它们的段落",
        "measure_recall": "按模型测量正确段落出现在前几条结果中的比例（前 5 条召回率）",
        "compare_dimensions": "比较向量维度和价格：存储量随两者增长",
        "style_prompts": "写 20 条覆盖您的产品和风格的提示词",
        "review_rubric": "请两个人按一份简短的评审标准给图片打分",
        "write_policy": "写下您的审核类别，以及每类允许什么",
        "label_per_category": "每个类别标注 50 条以上真实样例，包括边界情况",
        "calibrate_thresholds": "在这些样例上为每个类别设定阈值，并复查漏判和误判",
        "measure_existing_first": "先建立评测集，测量现有最好的模型",
        "try_continued_pretraining": "在从零训练之前，先尝试对开源权重模型继续预训练或微调",
        "budget_training": "为数据清洗、算力和评测留出预算",
        "checklist_prompt": "在提示词中写明每份文档要找出的要点清单和输出格式",
        "reviewed_test_set": "请您的专家审核 30-50 份真实文档上的结果，并把它们保留为测试集",
        "split_long_documents": "{input_tokens:,.0f} 词元的文档对这个模型偏长：分段处理再合并结果",
        "corpus_in_prompt": "把文档放进提示词，固定不变的部分放在最前面",
        "cache_corpus": "开启提示词缓存，让文档按缓存价格计费",
        "qa_test_set": "用一组答案已知的真实问题检查回答",
        "task_prompt": "先写一个说明任务、格式并附几个示例的提示词",
        "index_and_retrieve": "为您的文档建立索引，把相关段落检索进提示词（RAG）",
        "fine_tune_for_format": "如果语气或格式仍不稳定，再用标注样例微调",
        "hold_out_eval": "留出一部分标注样例作为评测集",
        "few_shot_ceiling": "用几个示例提示最强的候选模型，测出准确率上限",
        "fine_tune_smaller": "用其余样例微调一个更小的模型，并在留出集上比较",
        "fine_tune_pick": "如果还不够：用其余样例微调 {model}（例如用 LoRA 适配器），自行部署微调后的权重或交给支持微调模型的托管商，"
        "并在留出集上比较",
        "fine_tune_small_open": "如果还不够：用其余样例微调一个小型开源权重模型（参数不超过 {max_params_b:.0f}B，例如这个规模的 "
        "Gemma 或 Qwen 模型：用 LoRA 适配器微调和部署都只需一块 GPU；{model} 更大或规模未知，对这项任务来说不相称），并在留出集上比较",
        "tuned_serving_over_budget": "注意部署成本：在自己租用的 GPU 上运行微调后的权重，按此用量每月约 "
        "${self_host_monthly:,.0f}，超出您 ${budget:,.0f} 的预算；请选用按 token 计费、支持加载您的适配器的托管商，或继续用未微调的模型",
        "small_classifier": "用同样的样例训练一个小型分类器（例如多语言文本编码器加分类层），在留出集上比较：如果它达到基线就用它，"
        "运行起来最便宜也最快（只把它拿不准的交给大模型）",
        "distil_into_open_model": "只有提示词效果停滞时：用其余样例微调一个开源权重模型，并在留出集上比较",
        "collect_eval_set": "收集 50-100 条带标准答案的真实样例作为评测集",
        "keep_pairs": "保存提示词与回答的配对：如果提示词效果停滞，它们就是微调数据",
        "cache_long_prompt": "提示词有 {input_tokens:,.0f} 词元：把重复的部分放在最前面，并开启提示词缓存",
    },
}


def word_adaptation(adaptation: Adaptation, lang: Lang, task_name: str) -> Adaptation:
    """`adaptation` with its reason (several reasons joined) and steps written in `lang` from its codes;
    `task_name` is the task's name in `lang`."""
    values: dict[str, object] = {**adaptation.params, "task_name": task_name}
    values.setdefault("model", "the picked model" if lang == "en" else "所选模型")
    sep = "；" if lang == "zh" else "; "
    reason = sep.join(REASONS[lang][code].format(**values) for code in adaptation.reason_codes)
    steps = [STEPS[lang][code].format(**values) for code in adaptation.step_codes]
    return adaptation.model_copy(update={"reason": reason, "steps": steps})
