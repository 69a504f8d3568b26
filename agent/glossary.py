"""Short plain answers to "what is X?" for the words this conversation uses, English and Chinese (data).

`lookup(question)` finds the term a question asks about by its aliases; the answer is written for
people who have never chosen a model before. Adding a term is adding an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whichmodel.agent.brain.hant import to_simplified
from whichmodel.knowledge.units import Lang


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    aliases: tuple[str, ...]
    """Lower-case words that name the term in a question (EN/ZH)."""
    answer_en: str
    answer_zh: str
    strict: bool = False
    """Only a question about the word itself finds it ("what is an API?", "样例是什么意思"), not one that
    merely uses it ("what's the cheapest API?", "where are the examples?"): for everyday words."""

    def name(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def answer(self, lang: Lang) -> str:
        return self.answer_zh if lang == "zh" else self.answer_en


TERMS: tuple[Term, ...] = (
    Term(
        "Tokens",
        "Token",
        ("token", "tokens", "词元"),
        "the pieces of text a model reads and writes; a token is about three quarters of an English word, "
        "or about one Chinese character. Prices are per million tokens, so longer texts cost more.",
        "模型读写文字的基本单位；一个token大约是四分之三个英文单词，或一个汉字左右。价格按每百万token计算，所以文本越长越贵。",
    ),
    Term(
        "Context window",
        "上下文窗口",
        ("context window", "context length", "context", "上下文", "上下文窗口", "上下文长度"),
        "how much text the model can look at in one go (your question plus documents plus its answer), "
        "counted in tokens. A 40-page contract needs a window of roughly 30,000 tokens or more.",
        "模型一次能看到的文字总量（问题、附带的文档和它的回答加在一起），用token计。一份40页的合同大约需要3万token以上的窗口。",
    ),
    Term(
        "Open weights",
        "开源权重",
        ("open weights", "open-weight", "open source", "open-source", "开源", "开放权重", "开源权重"),
        "models whose files are published, so you can run them on your own servers (self-hosting) "
        "instead of sending data to the maker's service. The files are free to download, but running them "
        "is not: either you pay for a server with a graphics card (GPU), busy or not, or a hosting company "
        "runs it and charges per use, like any other provider. \"Open source\" is the everyday name for them.",
        "模型文件公开发布，可以部署在您自己的服务器上（私有化部署），数据不必发给模型厂商。文件可以免费下载，但运行它不免费："
        "要么自己买或租带显卡（GPU）的服务器（闲着也要付钱），要么由托管服务商来运行、按用量收费，和其他服务商一样。平时说的“开源模型”就是它。",
    ),
    Term(
        "Hallucination",
        "幻觉",
        ("hallucination", "hallucinations", "hallucinate", "hallucinates", "hallucinating", "幻觉", "胡编", "瞎编"),
        "when a model states something false as if it were true, in the same confident tone as its correct "
        "answers (a made-up figure, a category that doesn't fit, a policy you don't have). It can happen with "
        "every model. Guard against it: give it the facts in the prompt, ask for answers only from them, "
        "have a person check a sample of its work (and everything where a mistake is costly), and measure "
        "how often it is wrong on your own examples before relying on it.",
        "模型把不对的内容当成事实说出来，语气和说对的时候一样肯定（编出的数字、不合适的分类、不存在的规定）。所有模型都可能出现。"
        "防范办法：把事实放进提示里、要求只根据这些回答，让人抽查它的结果（出错代价高的要全部检查），正式使用前用您自己的样例测一测它出错的频率。",
    ),
    Term(
        "Request",
        "请求",
        ("request", "requests", "请求", "請求", "调用", "調用"),
        "one question (or one document to work on) sent to the model, and the answer it sends back: that is "
        "one request. A customer's message and the reply to it is one request; a chat that goes back and "
        "forth five times is five. 50 a day is about 1,500 requests a month. You pay per request, by its "
        "length in tokens.",
        "发给模型的一个问题（或一份要处理的文件）和它给出的回答，就是一次请求。比如一条买家留言加上回复是一次请求；来回聊五句就是五次。"
        "一天50次，一个月大约1,500次请求。按请求计费，越长（token 越多）越贵。",
        strict=True,
    ),
    Term(
        "Monthly budget",
        "每月预算",
        ("budget", "monthly budget", "预算", "每月预算", "預算"),
        "what you can spend on it each month: a chat app's plan if a person types into it (many have a free "
        "plan; paid plans are about $20 a month per person), or the provider's bill per use if software does "
        "the work. Tell me a figure, \"free plans only\", or that there is no fixed limit.",
        "您每月愿意在这上面花多少钱：如果是人手工输入，就是聊天应用的套餐（很多有免费版，付费版每人每月大约 20 美元）；"
        "如果由软件来处理，就是服务商按用量收的费用。告诉我一个数字、“只用免费的”，或者“没有固定上限”都可以。",
        strict=True,
    ),
    Term(
        "Large language model",
        "大模型",
        ("large language model", "llm", "llms", "ai model", "大模型", "大语言模型", "语言模型"),
        "the kind of AI behind ChatGPT, DeepSeek or Claude: a program trained on a huge amount of text "
        "that reads what you send and writes an answer. Different companies make different ones; they "
        "differ in quality, price, speed and where your data goes, which is what I compare.",
        "ChatGPT、DeepSeek、Kimi、豆包背后的那种AI：用海量文字训练出来的程序，读懂您发给它的内容，再写出回答。不同公司做了不同的大模型，"
        "质量、价格、速度和数据去向都不一样，我比较的就是这些。",
    ),
    Term(
        "Data processing agreement",
        "数据处理协议",
        ("data processing agreement", "data-processing agreement", "dpa", "data processing addendum",
         "数据处理协议", "数据处理协定"),
        "a standard contract in which the provider promises how it handles the personal data you send "
        "(only to answer your requests, kept safe, deleted when asked). Under GDPR you need one with any "
        "provider that handles your customers' personal data. The big providers offer a ready-made one "
        "you accept online when you sign up; you normally don't need a lawyer for it, though you should "
        "read it and keep a copy.",
        "服务商承诺如何处理您发给它的个人信息的标准合同（只用来回答您的请求、妥善保管、按要求删除）。在欧盟GDPR或中国《个人信息保护法》下，"
        "把客户个人信息交给服务商处理，都应该有这样的约定。大的服务商通常在注册时提供现成的协议，在线同意即可，一般不需要请律师，但要读一遍并留存。",
    ),
    Term(
        "Fine-tuning",
        "微调",
        ("fine-tuning", "fine tuning", "finetuning", "fine-tune", "fine tune", "微调"),
        "training an existing model a little more on your own examples so it follows your style or labels. "
        "It needs hundreds to thousands of good examples; usually try clear instructions and examples in "
        "the prompt first.",
        "用您自己的样例对现有模型再训练一下，让它符合您的风格或标签。需要几百到几千条高质量样例；通常先试试在提示词里写清要求、给出示例。",
    ),
    Term(
        "RAG",
        "RAG（检索增强生成）",
        ("rag", "retrieval augmented", "retrieval-augmented", "检索增强"),
        "retrieval-augmented generation: before answering, the system looks up the relevant passages in "
        "your documents and gives them to the model, so answers use your own, current information.",
        "检索增强生成：回答之前，系统先在您的文档里找出相关段落交给模型，让回答基于您自己的最新资料。",
    ),
    Term(
        "Latency",
        "延迟",
        ("latency", "response time", "延迟", "时延", "响应时间"),
        "how long you wait for an answer. I look at the slowest 1 in 20 answers, because that is what "
        "people notice.",
        "等待回答的时间。我看的是最慢的二十分之一回答，因为用户感受到的就是这些。",
    ),
    Term(
        "p95",
        "p95",
        ("p95", "95th percentile", "95 percentile"),
        "the time within which 19 of 20 answers arrive; only the slowest 1 in 20 take longer.",
        "二十个回答里有十九个能在这个时间内返回；只有最慢的二十分之一会更久。",
    ),
    Term(
        "Public ranking score",
        "公开排名分数",
        ("elo", "arena score", "arena rating", "lmarena", "ranking score", "排名分数", "竞技场"),
        "a score from public blind comparisons in which people pick the better of two models' answers "
        "(LMArena). Higher is better; a difference of a few points is within the noise.",
        "来自公开盲测的分数：人们在两个模型的回答中选出更好的一个（LMArena）。分数越高越好；相差几分属于误差范围。",
    ),
    Term(
        "Self-hosting",
        "私有化部署",
        ("self-host", "self host", "self-hosting", "self-hosted", "self hosted", "on-prem", "私有化", "本地部署"),
        "running the AI on computers you own or rent yourself, instead of using a company's service: you download "
        "a model whose files are free to download and run it on a machine with powerful graphics cards (GPUs). "
        "Your texts never leave that machine, but someone has to set it up and look after it, and you pay for the "
        "machine whether it is busy or not. For a small team with no IT staff it is rarely the cheap or easy route.",
        "在您自己的GPU上运行开源权重模型。数据不出门，但无论忙闲都要为GPU付费。",
    ),
    Term(
        "Embedding",
        "向量嵌入",
        ("embedding", "embeddings", "向量", "嵌入"),
        "turning a text into a list of numbers so that texts with similar meaning are close together; "
        "used for search, not for writing answers.",
        "把一段文字变成一串数字，意思相近的文字数字也相近；用于检索，而不是写回答。",
    ),
    Term(
        "Agent",
        "智能体",
        ("agent", "agents", "ai agent", "agentic", "智能体", "ai agent", "代理"),
        "a model that does not only answer but acts: it calls your systems (look up an order, check stock, "
        "send an email) step by step until the job is done. A chatbot only replies; an agent takes actions, "
        "so it needs a model that calls tools reliably.",
        "不只是回答、还会动手办事的模型：它一步步调用您的系统（查订单、查库存、发邮件），直到把事情办完。"
        "普通聊天机器人只会回复；智能体会执行操作，所以需要能可靠调用工具的模型。",
    ),
    Term(
        "Vector database",
        "向量数据库",
        ("vector database", "vector db", "vector store", "向量数据库", "向量库"),
        "a database that stores texts as lists of numbers (embeddings) and finds the ones closest in "
        "meaning to a query, so a search finds similar passages even when the words differ.",
        "把文字存成一串串数字（向量嵌入）的数据库，能找出和查询意思最相近的内容，所以即使用词不同也能检索到相似的段落。",
    ),
    Term(
        "API",
        "API",
        ("api", "apis", "api key", "接口", "api接口", "云端api", "云api", "cloud api"),
        "the way one program asks another for something over the internet. Your software (or a no-code "
        "tool such as Zapier or Make) sends the text to the model's provider and gets the answer back; "
        "you get a key from the provider and pay per use. Someone who can write a little code, or set up "
        "such a tool, connects it: there is nothing to install.",
        "一个程序通过网络向另一个程序请求服务的方式。您的软件（或 Zapier、集简云这类无代码工具）把文字发给模型服务商，"
        "拿回回答；您向服务商申请一个密钥，按用量付费。需要一位会写点代码或会配置这类工具的人来接通，不需要安装任何东西。",
        strict=True,
    ),
    Term(
        "Cloud AI platform",
        "云平台的模型服务",
        ("bedrock", "amazon bedrock", "aws bedrock", "vertex", "vertex ai", "azure ai", "azure openai",
         "azure ai foundry", "foundry", "百炼", "千帆", "火山方舟", "云平台"),
        "a big cloud's service that offers several makers' models under the cloud's own contract and bill "
        "(Amazon Bedrock on AWS, Google Vertex AI, Microsoft Azure AI Foundry; in China Alibaba Bailian, "
        "Baidu Qianfan, Volcano Engine Ark). You need an account with that cloud. It helps when your "
        "company already uses that cloud (one bill, data terms already signed, a region you choose); "
        "otherwise the model maker's own API is the simpler start.",
        "大型云厂商提供的模型服务：在云厂商自己的合同和账单下提供多家厂商的模型（阿里云百炼、百度千帆、火山方舟；"
        "海外有 AWS Bedrock、Google Vertex AI、微软 Azure AI Foundry）。需要先开通该云的账号。如果贵公司已经在用这家云"
        "（一张账单、数据条款已签、可以选地域），用它更方便；否则直接用模型厂商自己的 API 更简单。",
    ),
    Term(
        "Prompt engineering",
        "提示工程",
        ("prompt engineering", "prompting", "prompt", "prompts", "提示工程", "提示词", "提示词工程", "prompt工程"),
        "writing the instructions you send with each request well: say what the model should do, give it "
        "the context it needs (your policies, the customer's order) and two or three examples of good "
        "answers. It is the first and cheapest way to improve results, before retrieval (RAG) or fine-tuning.",
        "把每次请求附带的指令写好：说清楚要模型做什么，给它需要的背景（您的规定、客户的订单），再附两三个好回答的例子。"
        "这是提升效果最先做、也最便宜的办法，之后才考虑检索增强（RAG）或微调。",
    ),
    Term(
        "Test examples",
        "测试样例",
        ("test examples", "test set", "eval set", "evaluation set", "examples", "sample", "samples",
         "样例", "样本", "测试集", "评测集", "例子"),
        "real cases from your own work (for example 50 to 100 past customer emails, each with the answer "
        "you would have wanted), used to check the models before you choose: you run every candidate on "
        "the same cases and compare. A ranking of public scores is a guide; your own examples decide.",
        "从您自己的业务里拿出的真实案例（例如50到100封以前的客户邮件，每封附上您期望的回答），用来在选定之前检验模型："
        "让每个候选模型处理同样的案例，然后比较。公开评分只是参考，最终以您自己的样例为准。",
        strict=True,
    ),
    Term(
        "Quality pick and value pick",
        "质量首选和性价比之选",
        ("value pick", "quality pick", "性价比之选", "质量首选"),
        "the quality pick is the strongest model that meets all your must-haves (the one to start with); "
        "the value pick is a cheaper one whose public ratings come close. Try both on your own examples: "
        "if the cheaper one does as well, use it and save the difference.",
        "质量首选是满足您全部硬性要求的最强模型（先从它开始）；性价比之选是公开评分接近、但更便宜的模型。两个都用您自己的样例试一试："
        "如果便宜的那个表现一样好，就用它，省下差价。",
    ),
    Term(
        "Report",
        "报告",
        ("report", "full report", "报告", "完整报告"),
        "the recommendation written up to keep or forward: the picks, their monthly cost, what each choice "
        "rests on and the next steps. It comes right after the recommendation, with a cost-versus-quality "
        "chart, as files to open or forward (HTML for reading, Markdown, and JSON for software).",
        "把推荐整理成可以保存或转发的文档：首选和备选、每月费用、每个选择的依据和下一步。它紧跟在推荐之后，附有成本与质量对比图，"
        "以文件形式提供，可以打开或转发（HTML 便于阅读，另有 Markdown，以及给程序用的 JSON）。",
    ),
    Term(
        "Closed model",
        "闭源模型",
        # the open-weights names too, so that a question naming both ("闭源和开源有什么区别？") gets this
        # answer, which explains both; "what is open source?" alone still gets the open-weights entry
        # (a tie keeps the earlier entry)
        ("closed model", "closed-source", "closed source", "proprietary model", "闭源", "闭源模型",
         "open source", "open-source", "open weights", "开源"),
        "a model you can only use through its maker's service (an API): you cannot download it or run it "
        "on your own servers. Open-weights models can be downloaded and run yourself.",
        "只能通过厂商的服务（API）使用的模型：不能下载，也不能部署在您自己的服务器上。开源权重模型则可以下载、自己部署。",
    ),
    Term(
        "Both picks",
        "两个推荐",
        ("both picks", "try both", "两个推荐", "两个都试"),
        "the two models I suggest you compare: the quality pick (the best-rated one for your task) and the value "
        "pick (a cheaper one, rated a little lower). \"Try both\" means: give each the same 5–10 of your own real "
        "cases and compare the answers yourself; if the cheaper one does as well for you, keep it.",
        "我建议您比较的两个模型：质量首选（对您的任务评分最高的）和性价比之选（更便宜、评分稍低的）。“两个都试试”就是："
        "把同样的5–10个您自己的真实例子分别交给它们，自己比较回答；便宜的那个如果一样好，就用它。",
    ),
)
"""The glossary."""

_ABOUT_WORD = (
    r"(?:wh?at(?:'?s|\s+is|\s+are|\s+does|\s+counts\s+as|\s+do\s+you\s+mean\s+by)\s+(?:an?\s+|the\s+|one\s+)?{word}|"
    r"(?:meaning\s+of|explain|define)\s+(?:an?\s+|the\s+)?{word}|"
    r"{word}\s*(?:到底|究竟|具体|又|即)?\s*(?:是什么|是啥|什么意思|是啥意思|啥意思|是指什么|指什么|在哪)|(?:什么是|啥是|什么叫|啥叫)\s*{word}|\d+\s*(?:到|至|-)\s*\d+\s*个\s*{word}|"
    r"{word}[^。！？.!?]{{0,20}}?(?:不太懂|不懂|看不懂|听不懂|不明白|搞不懂|不太明白|不理解)|"
    r"(?:don'?t|do\s+not)\s+(?:really\s+|quite\s+)?(?:understand|get|know)\s+(?:what\s+)?(?:you\s+mean\s+by\s+)?(?:an?\s+|the\s+)?{word})"
)
"""A question about the word itself (for `Term.strict`), or saying it is not understood ("你一直在说请求、
token，我不太懂", "I don't understand requests")."""

_WHAT = re.compile(
    r"wh?at(?:'?s\b|\s+s\b|\s+is|\s+are|\s+does|\s+r\b)|what\s+counts\s+as|what\s+do\s+you\s+mean\s+by|meaning\s+of|explain|"
    r"define|difference\s+between|什么是|是什么|啥是|是啥|啥意思|(?<=[\u4e00-\u9fff])呢[？?]?$|"
    r"什么意思|解释一下|指什么|什么区别|有什么不同|有什么不一样|区别是什么|在哪(?:里|儿)?(?:看|找|下载)|"
    r"where\s+(?:is|are|do\s+i\s+find|can\s+i\s+(?:see|find|get|download))",
    re.I,
)


def lookup(question: str) -> Term | None:
    """The term a "what is X?" question asks about (the one whose named aliases are longest in all:
    "开源模型和闭源模型有什么区别" names 开源 once and 闭源/闭源模型 twice), or None."""
    low = " ".join(to_simplified(question).lower().split())  # "請求是什麼意思" reads as "请求是什么意思"
    low = re.sub(r"[\"“”‘’«»「」『』]", "", low)  # 'what does "requests" mean?': the word, not its quotes
    if not _WHAT.search(low):
        return None
    best: tuple[int, Term] | None = None
    for term in TERMS:
        score = 0
        for alias in term.aliases:
            pattern = (
                re.escape(alias) if not alias.isascii() else r"(?<![a-z])" + re.escape(alias) + r"(?![a-z])"
            )
            if term.strict:
                pattern = _ABOUT_WORD.format(word=pattern)
            if re.search(pattern, low):
                score += len(alias)
        if score and (best is None or score > best[0]):
            best = (score, term)
    return best[1] if best else None



def _about(term: Term, low: str) -> int | None:
    """Where `low` asks about one of the term's names as a word (the strict test), else None."""
    hits = []
    for alias in term.aliases:
        word = re.escape(alias) if not alias.isascii() else r"(?<![a-z])" + re.escape(alias) + r"(?![a-z])"
        m = re.search(_ABOUT_WORD.format(word=word), low)
        if m is not None:
            hits.append(m.start())
    return min(hits) if hits else None


def also_asked(term: Term, message: str) -> list[Term]:
    """`term` (what the question asks about), then every other term the whole message asks about as a
    word, in the order it names them ("token是什么意思？你一直在说请求、token，我不太懂": Token, then
    Request). A word merely used ("what's a token? our agents answer emails") is not asked about."""
    low = " ".join(to_simplified(message).lower().split())
    found = [(pos, other) for other in TERMS if other is not term and (pos := _about(other, low)) is not None]
    return [term, *(other for _, other in sorted(found, key=lambda pair: pair[0]))]
