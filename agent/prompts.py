"""Everything the agent says, as data: questions with their options, reply templates (EN/ZH), labels
for the requirements table, and the LLM brain's system prompts.

Nodes pick a template and fill it; they hold no wording of their own. The offline brain replies
from these templates only; the LLM writer may rephrase them (never the numbers or options).
"""

from __future__ import annotations

from whichmodel.agent.interview_spec import QUESTIONS as QUESTIONS
from whichmodel.agent.interview_spec import Option, SlotSpec
from whichmodel.knowledge.units import USD_PER
from whichmodel.tools.decision.names import FIELDS

QuestionSpec = SlotSpec
"""The interview's questions are `agent.interview_spec.SLOTS` (one spec, read by every brain)."""


CONFLICT_OPTIONS: dict[str, tuple[Option, ...]] = {
    "self_host_vs_providers": (
        Option("Use the providers' APIs (drop self-hosting)", "使用这些厂商的API（放弃私有化部署）",
               {"deployment.self_host": False, "deployment.open_weights": False}),
        Option("Run a downloadable model on your own servers (drop the provider limit)", "在自己的服务器上运行可下载的模型（取消厂商限制）",
               {"deployment.providers_allowed": []}),
    ),
}  # fmt: skip
"""Ways out of each contradiction the interview detects (see agent.nodes.decide.find_conflicts)."""

PROBE_OPTIONS: dict[str, Option] = {
    "mine": Option("Test on my examples", "用我的样例测试", aliases=("my examples", "my file", "我的样例", "我的文件")),
    "sample": Option("Run the built-in sample set", "运行内置样例集", aliases=("sample", "样例集")),
    "own": Option("I'll upload a file or paste examples", "我来上传文件或粘贴样例",
                  aliases=("upload", "paste", "上传", "粘贴")),
    "skip": Option("No, thanks", "不用了", aliases=("skip", "no thanks", "不用", "跳过")),
}  # fmt: skip
"""The answers to the probe offer, by key (agent.nodes.probe); "mine" only when examples are waiting."""

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "intro": "Hi! I help you choose an AI model. Tell me what you want it to do, in your own words "
        "(for example: “we classify ~20k support tickets a day, must stay under $300 a month, answers within 2 seconds”).",
        "greeting": "Hello!",
        "nonsense": "Sorry, I couldn't make sense of that.",
        "reset": "Starting over: everything I had noted is cleared.",
        "noted": "Noted: {items}.",
        "default_hint": "Not sure? I'll assume “{default}”.",
        "confirm_intro": "Here is what I understood ({legend}):",
        "legend": "stated = you said it, inferred = I worked it out, defaulted = my assumption",
        "confirm_ask": "Is this right? Say “yes” for the recommendation, or tell me what to change.",
        "confirm_reject": "What should I change? For example: “the budget is $500 a month”.",
        "conflict": "Two of your requirements contradict each other: {detail} Which should I relax?",
        "conflict_self_host_vs_providers": "self-hosting needs open weights you run yourself, while {providers} "
        "is only available through its own API.",
        "rec_intro": "My recommendation: {top}.",
        "rec_top": "{model} ({where}), about {cost} a month",
        "rec_none": "No model in the catalog meets every requirement.",
        "relax_intro": "What to relax:",
        "shortlist": "Shortlist:",
        "rec_outro": "Change anything at any time (e.g. “actually the budget is {example}”) and I'll re-rank. "
        "The full report has the costs, the reasons and the sources.",
        "rerank": "Updated: {items}. Re-ranked:",
        "anything_else": "Anything else to change? Tell me and I'll re-rank.",
        "self_hosted": "self-hosted",
        "via": "via {provider}",
        "cost_unknown": "cost unknown",
        "answer_intro": "From the selection guide:",
        "about_law_uk": "I can't give legal advice, but in the UK (UK GDPR) using such a service with personal data is generally allowed when: you have a lawful basis and your privacy notice says you use it; the provider signs a data-processing agreement; data leaving the UK is covered (the big providers use the UK's transfer clauses or adequacy rules); and for health data, which is special category data, you also meet a condition for it and do a short data-protection impact assessment (the ICO has a template). Ask whoever advises you on data protection to check the provider's terms before patient data goes in.",
        "about_law_eu": "I can't give legal advice, but under the GDPR using such a service with personal data is generally allowed when: you have a lawful basis and your privacy notice says you use it; the provider signs a data-processing agreement (Article 28); data leaving the EU is covered (standard contractual clauses or an adequacy decision); and for health or other special category data you also meet a condition for it and do a data-protection impact assessment. Have your data-protection officer or adviser check the provider's terms first.",
        "about_law_cn": "I can't give legal advice, but under China's Personal Information Protection Law you need to tell people and usually get consent for how their data is used, sign a data-processing agreement with the provider, and sending personal information abroad needs the cross-border transfer procedures: a provider with servers in China avoids that. Say “data must stay in China” and I'll keep only those.",
        "about_law_other": "I can't give legal advice, and it depends on where you and your customers are. In general: tell people in your privacy notice, sign the provider's data-processing agreement, check where the data is processed, and for health data use a provider that signs a health-data agreement (in the US a HIPAA business associate agreement). Tell me your country and I can say which rules usually apply.",
        "row_quality_pick": "quality pick",
        "row_value_pick": "value pick: try it on your examples",
        "about_mistakes_harm": "Where a wrong answer could hurt someone (allergens, medicines, safety), do not let it answer on its own at all: have it pass those questions to a person, or only quote your own written allergen list word for word, and say so to customers. No model is reliable enough for that unchecked.",
        "about_mistakes": "It will sometimes be wrong, and sound sure of itself: every model does. So: at first, a person checks each answer before it goes out (it drafts, someone approves); put your own facts in its instructions (opening hours, prices, policies) so it does not guess; tell it what it must not do (for example no medical or legal advice: it passes those to a person); and try it on your own examples before trusting it. What is sent is still your responsibility, so start with drafts, not automatic replies.",
        "about_no_dev": "You don't need to program to start. For a few texts a day, use the maker's own chat app (copy in, copy out). To connect it to your email or shop without code, no-code tools (Zapier, Make) can call these models for a monthly fee, and many shop and helpdesk platforms have an AI assistant built in. Or pay a freelance developer a day or two to connect it. Whichever you choose, at first a person checks the answers before they go out.",
        "about_few_examples": "Then start with 10–20: real messages you have already answered, each with the reply you would want. Try both picks on them and read the answers side by side yourself; keep adding the cases where one got it wrong. That is enough to choose between two models; the 50–100 matters before you let it answer on its own.",
        "what_model": "{name} is a model made by {maker}; {kind} It reads {reads}. {price}",
        "what_model_open": "its files are published (open weights), so it can also be run on your own servers or by any host.",
        "what_model_closed": "it can only be used through its maker's service or the clouds that resell it.",
        "what_model_price": "Its list price at {provider}: ${input} per million tokens read, ${output} per million written ({source}, {date}).",
        "what_model_no_price": "I have no list price from its maker.",
        "what_provider": "{name} is a provider of AI models ({tier}) that serves {n} models in my catalog, from: {where}.",
        "what_provider_region_unknown": "a region it does not state",
        "about_method": "In the selection framework's order. First I keep only the models that meet your must-haves (the task, your languages, where the data may go, your budget and answer time). Then I rank them by public quality ratings for your task and language, strongest first: that is the quality pick. Then I look for a cheaper or faster model whose ratings come close: the value pick. Both are to be tried on 50–100 of your own examples, and those decide; every price and rating I show carries its source and date. To improve the results later: clearer instructions first, then looking things up in your documents (RAG), then fine-tuning; training your own model almost never.",
        "about_app_use": "For a person writing a few texts by hand, yes: the makers' own chat apps (ChatGPT, Claude, Gemini) work on a phone or in a browser. Free plans have limits; paid plans were about $20 a month per person at their 2025 list prices (check the current ones). You paste in the details, ask, and check the answer before you use it. What I recommend here is for software that calls a model for you, many texts automatically.{few}",
        "about_app_use_few": " At about {n} a month, typing them into an app may well be all you need: use the app of the maker whose model I recommend.",
        "options_explained": "What each choice means:",
        "options_amounts": "The choices differ only in the figure; pick the nearest, or say your own. Why I ask: {why}",
        "check_noted": "Here is what I have: {items}. If any of it is wrong, just say how it really is in your own words (for example “the task is grading essays”) and I'll change it.",
        "also_task": "Noted that it should also do {task}. I'll choose for the main task ({main}); models good at it usually handle {task} too, so put a few {task} examples in your tests.",
        "answer_none": "I can't answer that one from what I have. I can explain the words I use (tokens, API, RAG...), what the models would cost, whether your data is safe with them, and how any model compares with my pick. To change something, just tell me (for example “in January we'll have 5,000 emails”).",
        "back_to": "Back to where we were:",
        "didnt_catch": "I didn't find an answer to this question in that: pick an option, say it in your own words, or say “not sure” (I'll take the usual choice).",
        "llm_fallback": "The language model failed ({error}); this turn used the offline brain.",
        "probe_no_endpoints": "No model endpoint is configured on this server for probes, so I can't test the "
        "shortlist here.",
        "probe_reranked": "The shortlist with the measurements:",
        "vague_default": "No problem, I'll assume “{default}” for now; tell me any time to change it.",
        "changed": "Changed: {items}.",
        "past_the_choices": "There are only {count} choices, so I took {n} as the figure itself: {items}. If you meant something else, tell me the figure (for example “150 a day”).",
        "implausible": "That looks unusual: {items}. Is it right? If not, just tell me the right figure.",
        "too_long": "That message has {n:,} characters; I read messages of up to {limit:,} characters whole, so I "
        "have not read this one. Please send the requirements in a shorter message, or attach the text as a file.",
        "assumed": "Assumed until you say otherwise: {items}.",
        "clarify_task": "It sounds like “{a}”: is that right? If it is closer to “{b}” or something else, pick it or describe it in other words.",
        "glossary": "{term}: {text}",
        "adaptation_answer": "The selection guide's order: first clear instructions and a few examples in "
        "the prompt; retrieval (RAG) when the answers depend on your own documents; fine-tuning only with "
        "hundreds of good labelled examples and when prompting has stalled; training your own model only for a "
        "domain no existing model has seen. For what you described, the path is {approach}: {reason}. "
        "Steps: {steps}.",
        "region_intro": "For data that must stay in the {region}:",
        "region_make_it_a_must": "If that is a must for you, say “data must stay in the {region}” and I'll keep only services there.",
        "whynot_not_found": "I can't find “{name}” in the model catalog, so I can't compare it.",
        "about_app": "{apps}: apps for a person to chat in. To use a model inside your own product or workflow, your software calls it through the maker's API instead (paid per use; an app subscription doesn't cover it).",
        "about_app_models": "{app} runs on {maker}'s models, which can be called that way, so they are compared with the others: {compare}",
        "whynot_free_open": "About “free”: {name}'s weights are free to download, but running it is not: an API provider charges per use (the cost above), and running it on your own servers means renting or buying GPUs and running them.",
        "chat_step_eval": "collect 50-100 real examples of the task, each with the answer you would expect",
        "chat_step_probe": "try the shortlist ({names}) on those examples: upload them here as a spreadsheet and I'll run the test and compare the answers (whoever runs this assistant for you may first need to connect those models: I'll say which if so)",
        "chat_step_caching": "your requests are long (about {input} tokens each): if they start with the same text, ask for prompt caching, which cuts the cost of that part",
        "chat_step_relax": "tell me which requirement you can relax (for example “the budget can be $500”) and I'll re-rank",
        "about_app_later": "how they compare on quality and monthly cost comes with the recommendation.",
        "and_words": " and ",
        "pick_changed": "The pick changed from {old} to {new}.",
        "pick_changed_was_out": "With the earlier requirements {new} was ruled out: {why}",
        "pick_changed_now_out": "With the new ones {old} is ruled out: {why}",
        "pick_changed_rank": "{new} was #{rank} before; the new requirements changed the order.",
        "pick_changed_quality": "{new} rates {d} points higher on public ratings.",
        "pick_changed_cheaper": "{new} rates {d} points lower on public ratings and costs less.",
        "whynot_no_rec": "I'll compare {name} with the others as soon as there is a shortlist: answer the question below (or say “not sure” and I'll take the usual choice) and the comparison comes with the recommendation.",
        "about_which": "The quality pick: {quality}.{value} Next: {steps}.",
        "about_start": " To use it: create an account on {provider}'s developer site, add a payment method and create an API key (a password for software); then a no-code tool, your shop or helpdesk platform, or a developer connects it to where your messages are. Until then, its chat app lets you try it by hand.",
        "about_no_value": " No cheaper model meets every requirement, so there is no value pick to try.",
        "about_scans_yes": "Yes: a scanned PDF is a picture of each page, and your requirements include images, so every model I shortlist reads images. When you test, include a few of your worst scans (crooked, faint, stamped or handwritten pages).",
        "about_photos_yes": "Yes: your requirements include images, so every model I shortlist reads photos. How well it reads a blurry or dark one varies by model: put a few of your worst photos in your test examples.",
        "about_photos_no": "Only a model that reads images can, and your requirements so far are for text. Say “we send photos” and I'll keep only models that read images; how well they cope with blurry ones is something to check on a few of your own photos.",
        "about_scans_no": "A scanned PDF is a picture of each page, so either the model reads images or the text is taken out first (OCR, which many PDF tools do). Say “we send scanned pages” and I'll keep only models that read images.",
        "about_value": " The value pick to try next on your own examples: {pick}.",
        "about_which_now": "Then I'll take the usual choice for anything you haven't told me yet (you can change any of it afterwards) and give you my recommendation now: the quality pick, and a cheaper one to try.",
        "about_which_before": "I'll name the quality pick and a cheaper one to try with the recommendation, once I have what it needs (to any question, “not sure” is a fine answer: I'll take the usual choice and say so).",
        "about_cost": "{quality}, for {requests} requests a month ({per_1k} per 1,000 requests).{value} {what}",
        "about_cost_api": "That is the provider's usage bill: you pay per use, there are no servers to buy, and it grows or shrinks with your volume. Not included: your team's time and the app around the model.",
        "about_cost_self_host": "That is the rent of the GPU servers to run the model yourself, around the clock, whatever the volume. Not included: your team's time to run them.",
        "about_cost_before": "It depends mostly on how many requests you send and how long they are; the recommendation gives the monthly figure.",
        "about_hardware": "To run {model} yourself: {n} × {gpu} ({memory} GB of GPU memory in all, weights at {quantization}), rented at about {hourly} per GPU-hour: about {monthly} a month, around the clock. Buying instead of renting is a one-off cost I don't estimate.",
        "about_own_hardware": "Usually not, at a small business's volume. Running a model yourselves means a computer with a graphics card (GPU) switched on all the time, busy or not, and someone to look after it. Rented from a cloud, one 24 GB GPU ({small_gpu}) costs about {small} a month and runs a small open model; the better open models need a 48–80 GB GPU ({large_gpus}: about {large_low}–{large_high} a month).{api} It pays off at very high volumes, or when the data must never leave your office: if that is a must, say “it must run on our own servers” and I'll keep only models you can run yourselves.",
        "about_own_api": " The API bill for {model} at your volume is about {cost} a month.",
        "about_hardware_api": "None: with a cloud API the model runs on the provider's servers, and you only call it over the internet. You need hardware only if the model must run on your own servers; tell me if it must.",
        "about_hardware_before": "It depends on the model: I'll give the GPUs it needs (how many, which, at what rent) with the recommendation.",
        "about_safety": "Each request's text goes to the provider that runs the model. The makers' paid APIs and the big clouds (the only kind I recommend unless you allow others) state in their terms that they don't train on your API data by default (free tiers may): read the terms and sign their data-processing agreement before you send customer data. {retention}{cards}{health}{kept}",
        "about_safety_retention": "They do keep each request for a limited time (often around 30 days) to check for abuse, then delete it; some offer zero retention by agreement, so ask for it in the contract if you need it. ",
        "about_safety_identifiers": " The simplest protection is not to send what the model doesn't need: to answer \"what time is the class?\" or \"when will my order ship?\" it needs no name, phone number or address, so have your messaging tool send only the message text, or strip those details first.",
        "about_safety_foreign": " A row marked \"⚠ … under the law of China\" (or of the US) means the text goes to a company under that country's law, which can be made to hand it over. For your customers' personal data, leave those out: tell me \"data must stay in the EU\" (or \"no Chinese providers\") and I'll re-rank.",
        "about_free": "Free to download, not free to run. An open-weights (\"open source\") model's files cost nothing, but something has to run it: your own computer with a graphics card (GPU), which costs its price and electricity and is rarely worth it for a small business, or a hosting company that charges per use like any other provider (often cheaper than the big names, and it is those hosted prices I show). The makers' chat apps have free plans for a person typing by hand, not for software answering messages automatically.",
        "about_integration": "The model only writes the answers; something has to pass messages between it and WhatsApp, Instagram or your shop. Three ways: (1) a customer-messaging tool that already has an AI assistant built in and connects to those apps (a monthly subscription, no code; the cheapest way for a small business); (2) a no-code tool (such as Zapier or Make) that sends each message to the model's API and posts the reply back (a monthly fee plus the model bill); (3) a freelance developer, typically a few days' work. WhatsApp Business and Instagram only allow automated replies through their official business access, which these tools arrange. Whichever way, start with a person approving the replies. This setup cost is separate from the model bill I show.",
        "about_over_budget": "{model} costs about {per_1k} per 1,000 requests: about {monthly} a month at {requests} requests, and about {peak} in a month with twice as many.",
        "about_over_budget_fits": " Both are within your {budget}: that budget pays for about {covers} requests a month.",
        "about_over_budget_over": " Your {budget} pays for about {covers} requests a month, so a month twice as busy would go over it.",
        "about_over_budget_cap": " To be safe, set a monthly spending limit in the provider's account (most offer one); the service then stops instead of billing more.",
        "about_safety_cards": "Never send card numbers: mask them before the model sees them (card data has its own rules, PCI DSS). ",
        "about_safety_health": "Patient data needs a provider that signs an agreement covering health data (in the US a HIPAA business associate agreement; in the UK and EU, a data-processing agreement under the GDPR's rules for health data), or a model on your own servers. ",
        "about_safety_kept": "I've noted your data as {sensitivity}: I only keep providers with stated data terms, or self-hosting.",
        "about_safety_self_host": "You chose to run the model on your own servers: the data does not leave them.",
        "about_safety_ask": "If the data is confidential, tell me (e.g. “our data is confidential”) and I'll keep only providers with stated data terms, or self-hosting.",
        "small_talk": "I'm here to help you choose an AI model. Tell me what it should do, roughly how much, and your budget.",
    },
    "zh": {
        "intro": "您好！我帮您选择合适的AI模型。请用自己的话描述您想让它做什么"
        "（例如：“每天大约两万条工单需要分类，每月预算不超过300美元，2秒内返回”）。",
        "greeting": "您好！",
        "nonsense": "抱歉，我没有理解这句话。",
        "reset": "重新开始：之前记录的信息已全部清空。",
        "noted": "已记录：{items}。",
        "default_hint": "不确定的话，我会默认“{default}”。",
        "confirm_intro": "以下是我理解的需求（{legend}）：",
        "legend": "明确 = 您说的，推断 = 我推算的，默认 = 我的假设",
        "confirm_ask": "这样对吗？回复“对”即可获得推荐，或告诉我需要修改什么。",
        "confirm_reject": "需要修改什么？例如：“预算改成每月3000元”。",
        "conflict": "您的两个要求互相矛盾：{detail}您希望放宽哪一个？",
        "conflict_self_host_vs_providers": "私有化部署需要可以下载、自己运行的模型，而{providers}的模型只能通过其API使用。",
        "rec_intro": "我的推荐：{top}。",
        "rec_top": "{model}（{where}），每月约{cost}",
        "rec_none": "目录中没有同时满足所有要求的模型。",
        "relax_intro": "可以放宽的条件：",
        "shortlist": "候选名单：",
        "rec_outro": "您可以随时修改任何条件（例如“预算改成每月{example}”），我会重新排序。完整报告包含成本、理由和来源。",
        "rerank": "已更新：{items}。重新排序如下：",
        "anything_else": "还有需要修改的吗？告诉我，我会重新排序。",
        "self_hosted": "私有化部署",
        "via": "通过{provider}",
        "cost_unknown": "成本未知",
        "answer_intro": "来自选型指南：",
        "about_law_uk": "我不能提供法律意见，但在英国（UK GDPR），使用这类服务处理个人数据一般是允许的，前提是：有合法依据并在隐私声明中说明；服务商签署数据处理协议；数据出境有保障；健康数据属于特殊类别，还需满足相应条件并做数据保护影响评估。请让负责数据保护的人先核对服务商条款。",
        "about_law_eu": "我不能提供法律意见，但按欧盟《通用数据保护条例》，使用这类服务处理个人数据一般是允许的，前提是：有合法依据并在隐私声明中说明；服务商签署数据处理协议（第 28 条）；数据传出欧盟有保障（标准合同条款或充分性认定）；健康等特殊类别数据还需满足相应条件并做数据保护影响评估。请让数据保护负责人先核对服务商条款。",
        "about_law_cn": "我不能提供法律意见，但按《个人信息保护法》，需要告知用户并通常取得同意，和服务商签署数据处理协议；把个人信息传到境外还要履行数据出境程序，用服务器在国内的服务商就不涉及这一点。告诉我“数据必须留在中国境内”，我就只保留这类服务商。",
        "about_law_other": "我不能提供法律意见，而且这取决于您和客户所在的地区。一般来说：在隐私声明中告知用户，与服务商签署数据处理协议，弄清数据在哪里处理；健康数据要选愿意签署专门协议的服务商。告诉我您所在的国家或地区，我可以说明通常适用哪些规定。",
        "row_quality_pick": "质量之选",
        "row_value_pick": "性价比之选：用您的样例试一试",
        "about_mistakes_harm": "如果答错可能伤到人（过敏原、药品、安全问题），就完全不要让它自己回答：让它把这类问题转给人工，或者只原样引用您自己写好的过敏原清单，并告诉顾客。没有哪个模型可靠到可以不经检查就回答这类问题。",
        "about_mistakes": "它有时会答错，而且语气很肯定：所有模型都会这样。所以：一开始每条回答都由人先看过再发（它起草，人来确认）；把您自己的信息写进指令里（营业时间、价格、退换货规则），它就不用猜；告诉它哪些事不能做（比如不给医疗或法律建议，转给人工处理）；正式使用前先用您自己的样例试一试。发出去的内容仍由您负责，所以先从“起草”开始，不要一上来就自动回复。",
        "about_no_dev": "不会写程序也能开始。每天量不大的话，直接用模型厂商的聊天应用（复制进去、再复制出来）。想接到邮箱或网店又不写代码，可以用无代码工具（如集简云、Zapier）按月付费调用这些模型，很多电商和客服平台也自带AI助手。或者请外包开发一两天把它接好。不管哪种方式，一开始都要有人先检查回答再发出去。",
        "about_few_examples": "那就先用 10–20 个：挑您以前回复过的真实消息，每条附上您希望的回答。让两个推荐模型都试一遍，您自己对照着看回答；哪个答错了，就把那条加进去。选两个模型这就够了；要让它自动回复之前，再攒到 50–100 个。",
        "what_model": "{name} 是 {maker} 做的模型；{kind}它能读：{reads}。{price}",
        "what_model_open": "它的模型文件公开发布（开源权重），所以也可以部署在您自己的服务器上或由任何托管平台运行。",
        "what_model_closed": "只能通过厂商自己的服务或转售它的云平台使用。",
        "what_model_price": "它在{provider}的标价：每百万输入 token ${input}，每百万输出 token ${output}（{source}，{date}）。",
        "what_model_no_price": "我没有它厂商的标价。",
        "what_provider": "{name} 是一家提供 AI 模型服务的平台（{tier}），在我的目录里提供 {n} 个模型，服务所在地：{where}。",
        "what_provider_region_unknown": "未说明",
        "about_method": "按选型框架的顺序。先只保留满足您硬性要求的模型（任务、语言、数据能去哪里、预算和响应时间）。再按公开的质量评分（针对您的任务和语言）从强到弱排序：排第一的是质量首选。然后找一个评分接近、但更便宜或更快的模型：性价比之选。两者都要用您自己的 50–100 个样例试一试，以样例结果为准；我给出的每个价格和评分都注明来源和日期。之后想提升效果：先把指令写清楚，再让模型查您的资料（RAG），然后才是微调；自己从头训练模型几乎用不上。",
        "about_app_use": "如果是人手工写几段文字，可以：模型厂商自己的聊天应用（豆包、通义千问、Kimi、DeepSeek 等；海外有 ChatGPT、Claude、Gemini）在手机和浏览器上都能用，国内的这类应用大多可以免费使用。把要点贴进去、提出要求，用之前自己检查一遍。我这里推荐的是让程序自动调用模型、批量处理的情况。{few}",
        "about_app_use_few": "每月大约 {n} 条的话，直接在应用里手工操作很可能就够了：用我推荐的模型所属厂商的应用即可。",
        "options_explained": "各个选项的意思：",
        "options_amounts": "这几个选项只是数字不同；选最接近的，或者直接说您自己的数字。我问这个是因为：{why}",
        "check_noted": "我目前记录的是：{items}。如果哪一项不对，直接用您自己的话告诉我实际情况（例如“任务是给作文打分”），我就改过来。",
        "also_task": "记下了：它还要做{task}。我会按主要任务（{main}）来选模型；擅长它的模型通常也能做{task}，测试时请也放几个{task}的例子。",
        "answer_none": "这个问题我手头的资料答不了。我可以解释用到的词（token、API、RAG 等）、各个模型要花多少钱、数据交给它们是否安全，以及任何模型和我的推荐相比如何。要修改需求，直接告诉我就行（例如“一月份会有5000封邮件”）。",
        "back_to": "回到刚才的问题：",
        "didnt_catch": "这条消息里我没找到这个问题的答案：可以选一个选项、用自己的话说，或者回答“不确定”（我会按常见选择处理）。",
        "llm_fallback": "语言模型调用失败（{error}），本轮使用了离线理解。",
        "probe_no_endpoints": "这台服务器没有配置可用于测试的模型端点，所以无法在这里测试候选名单。",
        "probe_reranked": "附上实测结果的候选名单：",
        "vague_default": "没关系，先按“{default}”来；随时告诉我就可以修改。",
        "changed": "已修改：{items}。",
        "past_the_choices": "选项只有 {count} 个，所以我把 {n} 当成了数字本身：{items}。如果您指的不是这个，直接告诉我数字（例如“一天150条”）。",
        "implausible": "这个数字看起来不太寻常：{items}。对吗？如果不对，直接告诉我正确的数字即可。",
        "too_long": "这条消息有 {n:,} 个字符；我只完整阅读不超过 {limit:,} 个字符的消息，所以这条没有读。"
        "请把需求分成较短的消息发送，或以文件形式上传。",
        "assumed": "在您另行说明之前，我假设：{items}。",
        "clarify_task": "听起来主要是“{a}”，对吗？如果更接近“{b}”或别的用途，请选择或换个说法描述。",
        "glossary": "{term}：{text}",
        "adaptation_answer": "选型指南的顺序是：先在提示词里写清要求、给几个示例；回答依赖您自己的文档时用检索增强"
        "（RAG）；只有积累了几百条高质量标注样例、提示词效果到顶时才微调；只有现有模型都没见过的领域才需要自己训练模型，"
        "一般没必要。按您描述的情况，建议路径是{approach}：{reason}。步骤：{steps}。",
        "region_intro": "如果数据必须留在{region}：",
        "region_make_it_a_must": "如果这是硬性要求，请说“数据必须留在{region}”，我会只保留那里的服务。",
        "whynot_not_found": "模型目录里找不到“{name}”，所以无法比较。",
        "about_app": "{apps}是给人直接聊天用的应用。要在您自己的产品或流程里使用模型，需要由程序通过模型厂商的 API 调用（按用量付费，应用的会员订阅不包含这种用法）。",
        "about_app_models": "{app}背后是{maker}的模型，它们也可以这样调用，所以会和其他模型一起比较：{compare}",
        "whynot_free_open": "关于“免费”：{name} 的权重可以免费下载，但运行它并不免费：通过 API 服务商调用按用量付费（即上面的费用），在自己的服务器上运行则需要租用或购买 GPU 并维护。",
        "chat_step_eval": "收集 50-100 个真实样例，每个附上您期望的正确答案",
        "chat_step_probe": "用这些例子试一试候选名单（{names}）：把它们做成表格直接在对话里上传，我来运行测试、比较回答（负责维护这个助手的同事可能需要先接入这些模型；如果需要，我会告诉您是哪些）",
        "chat_step_caching": "您的请求很长（每次约 {input} token）：如果开头内容相同，可以开启提示缓存，这部分费用会大幅降低",
        "chat_step_relax": "告诉我哪个要求可以放宽（例如“预算可以到每月3000元”），我会重新排序",
        "about_app_later": "它们在质量和每月成本上与其他模型相比如何，会和推荐一起给出。",
        "and_words": "和",
        "pick_changed": "首选从 {old} 换成了 {new}。",
        "pick_changed_was_out": "按之前的条件，{new} 被排除了：{why}",
        "pick_changed_now_out": "按新的条件，{old} 被排除了：{why}",
        "pick_changed_rank": "{new} 之前排第 {rank} 名，新的条件改变了排序。",
        "pick_changed_quality": "{new} 的公开评分高 {d} 分。",
        "pick_changed_cheaper": "{new} 的公开评分低 {d} 分，但更便宜。",
        "whynot_no_rec": "有了候选名单后，我会把 {name} 和其他模型比较：请回答下面的问题（或说“不确定”，我会按常见选择处理），比较会和推荐一起给出。",
        "about_which": "质量首选：{quality}。{value}下一步：{steps}。",
        "about_start": "开始使用：在{provider}的开发者平台注册账号、绑定付款方式、创建一个 API 密钥（给程序用的密码）；然后用无代码工具、您的店铺或客服平台，或者请开发者，把它接到您收消息的地方。在那之前，可以先用它的聊天应用手工试一试。",
        "about_no_value": "没有更便宜且满足全部要求的模型，所以没有性价比之选。",
        "about_scans_yes": "可以：扫描的 PDF 每一页都是图片，而您的需求里已包含图片输入，所以我列出的模型都能读图片。测试时请放进几份最难认的扫描件（歪斜、模糊、盖章或手写的页面）。",
        "about_photos_yes": "可以：您的需求里已包含图片输入，所以我列出的模型都能读照片。模糊或光线暗的照片能读到什么程度因模型而异：请在测试样例里放几张最难认的照片。",
        "about_photos_no": "只有能读图片的模型才行，而您目前的需求是文字。告诉我“我们会发照片”，我就只保留能读图片的模型；它们对模糊照片的处理效果，需要用您自己的几张照片检验。",
        "about_scans_no": "扫描的 PDF 每一页都是图片，所以要么选能读图片的模型，要么先把文字提取出来（OCR，很多 PDF 工具都能做）。告诉我“我们发的是扫描件”，我就只保留能读图片的模型。",
        "about_value": "性价比之选（建议接着用您自己的样例试）：{pick}。",
        "about_which_now": "那么还没告诉我的几项，我先按常见选择处理（之后都可以改），现在就给出推荐：质量首选，以及一个更便宜、值得试的选择。",
        "about_which_before": "推荐里会给出质量首选和一个更便宜、值得试的选择；信息够了我马上给出（任何问题都可以回答“不确定”，我会按常见选择处理并说明）。",
        "about_cost": "{quality}，按每月 {requests} 次请求计算（每千次请求 {per_1k}）。{value}{what}",
        "about_cost_api": "这是服务商按用量收取的费用：用多少付多少，不需要买服务器，用量变化费用也随之变化。不包括：您团队的人力和模型之外的应用开发。",
        "about_cost_self_host": "这是自行部署时租用 GPU 服务器全天运行的费用，与用量无关。不包括：您团队运维的人力。",
        "about_cost_before": "费用主要取决于请求次数和每次的长度；推荐里会给出每月费用。",
        "about_hardware": "自行部署 {model} 需要：{n} 块 {gpu}（共 {memory} GB 显存，权重精度 {quantization}），按每块 GPU 每小时约 {hourly} 租用，全天运行每月约 {monthly}。买断硬件是一次性费用，我没有估算。",
        "about_own_hardware": "按小企业的用量，通常不会更便宜。自己运行模型需要一台带显卡（GPU）的机器全天开着，不管忙闲，还要有人维护。从云上租用，一块 24 GB 的 GPU（{small_gpu}）每月约 {small}，能跑小型开源模型；更好的开源模型需要 48–80 GB 的 GPU（{large_gpus}：每月约 {large_low}–{large_high}）。{api}只有用量非常大，或者数据绝对不能离开公司时才划算：如果这是硬性要求，请说“必须部署在我们自己的服务器上”，我会只保留能自己部署的模型。",
        "about_own_api": "按您的用量，{model} 的 API 费用每月约 {cost}。",
        "about_hardware_api": "不需要：使用云端 API 时，模型运行在服务商的服务器上，您只需通过网络调用。只有模型必须部署在您自己的服务器上时才需要硬件；如果是这样，请告诉我。",
        "about_hardware_before": "这取决于模型：推荐里会给出所需的 GPU（数量、型号、租金）。",
        "about_safety": "每次请求的文字会发送给运行模型的服务商。模型厂商的付费 API 和大型云平台（除非您允许其他服务方，我只推荐这两类）在条款中声明默认不会用您的 API 数据训练模型（免费套餐可能会）：发送客户数据前，请阅读条款并签署数据处理协议。{retention}{cards}{health}{kept}",
        "about_safety_retention": "服务商确实会把每次请求保留一段时间（常见为30天左右）用于滥用检查，之后删除；有些服务商可以签约做到零保留，如有需要请在合同中提出。",
        "about_safety_identifiers": "最简单的保护是不把模型用不到的信息发给它：回答“什么时候发货”“辣不辣”用不到买家的姓名、手机号和地址，让客服工具只把问题文字发过去，或者先把这些信息去掉。",
        "about_safety_foreign": "标着“⚠ …受美国法律管辖”（或其他国家）的那一行，意思是文字会交给受那个国家法律管辖的公司，当地政府可以要求它交出数据。客户的个人信息就别用这些：告诉我“数据必须留在中国境内”，我会重新排序。",
        "about_free": "可以免费下载，但运行不免费。开源（开放权重）模型的文件不要钱，但总得有东西来运行它：要么自己的电脑加显卡（GPU），要花买设备和电费，小店一般不划算；要么由托管服务商按用量收费，和其他服务商一样（往往比大厂便宜，我给出的就是这些托管价格）。豆包、Kimi 这类聊天应用对个人手工使用是免费的，但不能让程序自动回复消息。",
        "about_integration": "模型只负责写回答，还需要有东西在它和千牛、抖店、微信之间传消息。三种办法：（1）用自带AI客服功能的客服软件或平台插件（按月订阅，不用写代码，小店最省事）；（2）用无代码工具（如集简云）把每条消息发给模型的API、再把回复发回去（月费加上模型费用）；（3）请外包开发，通常几天的工作量。淘宝、抖音等平台只允许通过官方开放接口或认可的客服软件自动回复，这些工具会帮您接好。不管哪种，一开始都让人先审核回复。这部分接入费用不包含在我给的模型费用里。",
        "about_over_budget": "{model} 每千次请求约 {per_1k}：按每月 {requests} 次请求约 {monthly}，请求量翻倍的月份约 {peak}。",
        "about_over_budget_fits": "两种情况都在您的预算 {budget} 之内：这个预算大约够每月 {covers} 次请求。",
        "about_over_budget_over": "您的预算 {budget} 大约够每月 {covers} 次请求，所以请求量翻倍的月份会超出。",
        "about_over_budget_cap": "保险起见，可以在服务商的账户里设置每月消费上限（大多数都支持），到了上限就停用，不会多扣钱。",
        "about_safety_cards": "不要发送银行卡号：在模型看到之前先打码（银行卡数据有专门的合规要求）。",
        "about_safety_health": "病历等健康数据需要服务商签署专门的数据协议，或者把模型部署在您自己的服务器上。",
        "about_safety_kept": "我已把您的数据记录为“{sensitivity}”：只保留有明确数据条款的服务商，或自行部署。",
        "about_safety_self_host": "您选择把模型部署在自己的服务器上：数据不会离开这些服务器。",
        "about_safety_ask": "如果数据是机密的，请告诉我（例如“我们的数据是机密的”），我会只保留有明确数据条款的服务商，或自行部署。",
        "small_talk": "我可以帮您选择AI模型。请告诉我它要做什么、大概用量和预算。",
    },
}
"""Reply templates by language; keys are the same in both."""

CHAT_FIELDS: tuple[str, ...] = (
    "use_case",
    "task_type",
    "languages",
    "input_modalities",
    "volume.requests_per_month",
    "volume.input_tokens",
    "volume.output_tokens",
    "volume.cached_input_fraction",
    "volume.audio_minutes",
    "budget.monthly_usd",
    "budget.per_1k_requests_usd",
    "latency.p95_seconds",
    "priority",
    "accuracy_target",
    "context_tokens",
    "needs.tool_calling",
    "needs.structured_output",
    "needs.reasoning",
    "deployment.open_weights",
    "deployment.self_host",
    "deployment.providers_allowed",
    "deployment.data_residency",
    "deployment.gpu",
    "deployment.quantization",
    "data.labeled_examples",
    "data.proprietary_knowledge",
    "data.knowledge_tokens",
    "data.knowledge_changes_often",
    "data.sensitivity",
    "data.novel_domain",
)
"""The requirement paths the conversation can set, in the order its tables show them."""

FIELD_LABELS: dict[str, tuple[str, str]] = {path: FIELDS[path] for path in CHAT_FIELDS}
"""Requirement path -> (English, Chinese) label for tables and confirmations: the one table of field
names (`tools.decision.names.FIELDS`) the reports use too."""

PROVENANCE_LABELS = {
    "en": {"stated": "stated", "inferred": "inferred", "defaulted": "defaulted"},
    "zh": {"stated": "明确", "inferred": "推断", "defaulted": "默认"},
}

VALUE_WORDS = {
    "en": {
        "none_budget": "no limit",
        "none_latency": "no limit",
        "yes": "yes",
        "no": "no",
        "per_month": "/month",
    },
    "zh": {"none_budget": "不限", "none_latency": "无要求", "yes": "是", "no": "否", "per_month": "/月"},
}

VALUE_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "languages": {"en": ("English", "英语"), "zh": ("Chinese", "中文"), "ja": ("Japanese", "日语"),
                  "ko": ("Korean", "韩语"), "fr": ("French", "法语"), "de": ("German", "德语"),
                  "es": ("Spanish", "西班牙语"), "pt": ("Portuguese", "葡萄牙语"), "ru": ("Russian", "俄语"),
                  "ar": ("Arabic", "阿拉伯语"), "it": ("Italian", "意大利语"), "vi": ("Vietnamese", "越南语"),
                  "th": ("Thai", "泰语"), "id": ("Indonesian", "印尼语"), "hi": ("Hindi", "印地语"),
                  "nl": ("Dutch", "荷兰语"), "tr": ("Turkish", "土耳其语"), "pl": ("Polish", "波兰语")},
    "input_modalities": {"text": ("text", "文本"), "image": ("images", "图片"), "audio": ("audio", "音频"),
                         "video": ("video", "视频"), "pdf": ("PDF", "PDF")},
    "deployment.data_residency": {"eu": ("EU", "欧盟"), "us": ("US", "美国"), "cn": ("China", "中国境内")},
    "data.sensitivity": {"public": ("public", "公开"), "internal": ("internal", "内部"),
                         "confidential": ("confidential", "机密"), "restricted": ("restricted", "绝密")},
    "priority": {"quality": ("quality first", "质量优先"), "balanced": ("balanced", "质量与价格兼顾"),
                 "cost": ("cheapest that is good enough", "够用且最便宜")},
}  # fmt: skip
"""Coded values as people read them (task types are named by `tools.decision.explain.task_name`)."""

EXTRACT_SYSTEM = """You read one message from a person choosing an AI model and return the requirement \
facts it states. Use only these field paths: {paths}.
Convert units: money to US dollars per month ({cny} CNY = 1 USD; per day x 30), time to seconds, \
volumes to requests per month (per day x 30), contexts to tokens (8k = 8000, 128K = 128000).
Mark a fact "inferred" when you converted or guessed it, "stated" when the message says it directly; \
quote the words it came from as evidence. Give no fact for anything the message does not say.
intent: provide (facts), correction (changes an earlier fact), confirm, reject, question (a side \
question, copy it into `question`), reset, greeting, nonsense.
language: "zh" when the person writes Chinese, else "en".
{pending}""".replace("{cny}", f"{1 / USD_PER['CNY']:g}")
"""System prompt of the extractor role; the output schema is enforced by structured output."""

EXTRACT_PENDING = """The agent just asked: "{text}" (field: {field}; options: {options}). A bare answer \
("300", "yes", "the second one") answers that question; put the chosen option's exact text in `choice`."""

WRITER_SYSTEM = """Rewrite the assistant's reply below so it reads naturally for a non-technical \
reader, in {language}. Keep every number, model name, option and citation exactly; add nothing."""
"""System prompt of the writer role (phrasing only; it never changes facts)."""
