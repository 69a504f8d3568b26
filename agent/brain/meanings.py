"""Labelled descriptions, English and Chinese: what each task type and each kind of message sounds like.

The offline brain types a message by its nearest descriptions in a multilingual sentence-embedding
space (`agent.brain.embed`), so paraphrases it never saw ("write the little text under each
product", "把每天两万张工单自动分到12个类别") land on the right label. Adding a task type or a
phrasing is adding a line here; no code changes.

Keys of TASKS are the decision core's task types (`tools.decision.requirements.TaskType`).
"""

from __future__ import annotations

from collections.abc import Mapping

TASKS: Mapping[str, tuple[str, ...]] = {
    "chat": (
        "a chatbot that talks with our customers",
        "a customer support assistant that chats with users on our website",
        "an assistant employees can have a conversation with",
        "answer customers in a live chat window",
        "a friendly companion bot people talk to",
        "在网站上和客户聊天的客服机器人",
        "和员工对话的智能助手",
        "在线客服，实时回复用户消息",
        "陪用户聊天的对话机器人",
    ),
    "qa": (
        "answer questions using our internal documents",
        "employees ask questions and it finds the answer in our knowledge base",
        "a help desk that answers from our manuals and policies",
        "look things up in our documentation and answer questions about it",
        "retrieval augmented answers over company files",
        "根据我们的内部文档回答问题",
        "员工提问，从知识库里找答案",
        "基于产品手册和规章制度的问答",
        "从公司资料中检索并回答问题",
    ),
    "summarization": (
        "summarize long documents into a short overview",
        "turn meeting transcripts into a few bullet points",
        "condense reports so managers can read them quickly",
        "give the gist of each contract",
        "write a short digest of the news articles",
        "把长文档总结成简短的概要",
        "把会议记录整理成要点纪要",
        "给每份报告写一段摘要",
        "把合同的主要内容概括出来让律师快速看",
    ),
    "extraction": (
        "pull the fields out of invoices: date, amount, vendor",
        "read resumes and fill a spreadsheet with name, skills, experience",
        "get structured data out of forms and documents",
        "find the names, dates and amounts mentioned in each contract",
        "turn receipts into rows in our database",
        "从发票里提取日期、金额和供应商",
        "把简历里的姓名、技能、工作经历整理成表格",
        "从合同中抽取关键字段",
        "把表单和单据里的信息录入数据库",
    ),
    "classification": (
        "sort support tickets into categories",
        "route incoming emails to the right team",
        "tag each customer review as positive, negative or neutral",
        "decide which department each request belongs to",
        "put every message into one of a dozen buckets",
        "automatically assign a label to each ticket",
        "给工单自动分类",
        "把客户邮件分到对应的部门",
        "判断每条评论是正面还是负面",
        "给每条消息打上类别标签",
    ),
    "translation": (
        "translate our product pages from English to Chinese",
        "localize the app into several languages",
        "turn customer emails into English for our agents",
        "render documents in another language",
        "把英文产品页面翻译成中文",
        "把文档翻译成多种语言",
        "中英互译",
        "本地化我们的应用界面文字",
    ),
    "code": (
        "help our developers write and review code",
        "generate SQL queries and Python scripts",
        "a coding assistant in the IDE",
        "find bugs in pull requests",
        "帮程序员写代码和审查代码",
        "自动生成SQL和Python脚本",
        "编程助手，帮忙找代码里的bug",
    ),
    "reasoning": (
        "solve hard math problems step by step",
        "work through complex logic puzzles",
        "plan and reason about multi-step problems",
        "check proofs and calculations",
        "一步一步解数学题",
        "解决复杂的逻辑推理问题",
        "需要深度思考的分析题",
    ),
    "agent": (
        "an agent that calls our APIs and completes tasks on its own",
        "automate a workflow: look up the order, issue a refund, send an email",
        "a bot that uses tools and takes actions for the user",
        "autonomous multi-step tasks with tool use",
        "能自己调用接口完成任务的智能体",
        "自动执行多步骤流程，比如查订单、退款、发邮件",
        "会使用工具帮用户办事的AI助手",
    ),
    "embedding": (
        "turn documents into vectors for semantic search",
        "find similar items by meaning",
        "build a vector index of our knowledge base",
        "把文档转成向量做语义检索",
        "按语义查找相似内容",
        "建立知识库的向量索引",
    ),
    "image_generation": (
        "create pictures from a text description",
        "make illustrations and posters for marketing",
        "draw product images",
        "根据文字描述生成图片",
        "做营销海报和插画",
        "画产品图",
    ),
    "speech_to_text": (
        "transcribe phone calls into text",
        "turn recorded meetings into written transcripts",
        "convert voice messages to text",
        "把电话录音转成文字",
        "把会议录音转写成文字稿",
        "语音消息转文字",
    ),
    "vision": (
        "read scanned documents and photos",
        "look at pictures and describe what is in them",
        "understand screenshots and images our users upload",
        "check photos of damaged goods",
        "识别扫描件和照片里的内容",
        "看图片并描述里面有什么",
        "理解用户上传的截图",
    ),
    "writing": (
        "write the product descriptions for our online shop",
        "write a short blurb for every item in the catalog",
        "draft marketing copy, slogans and ads",
        "write blog posts and newsletters",
        "generate emails to customers in our brand voice",
        "copywriting for social media posts",
        "we need text written, not a conversation",
        "给每个商品写一段介绍文字",
        "写营销文案和广告语",
        "写公众号文章和推送",
        "帮我们写商品详情页的描述",
        "写社交媒体的帖子",
    ),
    "moderation": (
        "detect abusive or toxic comments",
        "filter harmful content before it is posted",
        "flag spam and hate speech in user posts",
        "check user messages against our content policy",
        "识别辱骂和违规评论",
        "在发布前过滤有害内容",
        "审核用户发的帖子有没有违规",
        "内容审核，拦截垃圾信息",
    ),
}
"""Task type -> descriptions (several per language)."""

ACTS: Mapping[str, tuple[str, ...]] = {
    "dont_know": (
        "not sure",
        "I don't know, whatever people usually do",
        "no idea, you pick",
        "whatever is usual",
        "just use the typical setting",
        "I have no preference",
        "hard to say, go with the default",
        "不确定",
        "不知道，按一般情况就行",
        "随便，你定吧",
        "都可以，按常规来",
        "没想好，用默认的",
    ),
    "small_talk": (
        "hello, how are you",
        "thanks a lot",
        "good morning",
        "can you help me pick something?",
        "I need some help choosing",
        "that's great, thank you",
        "你好",
        "谢谢",
        "你能帮我选一下吗",
        "我需要一些建议",
    ),
}
"""Kinds of message that carry no requirement: a vague answer takes the stated default; small talk
never triggers a knowledge-base search."""
