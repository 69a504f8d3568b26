"""Keyword tables of the offline brain, English and Chinese, with the conversion constants it states.

Everything the offline brain knows about words lives here as data; `offline.py` holds the logic.
Patterns are regular expressions matched against NFKC-normalised, lower-cased text.
"""

from __future__ import annotations

import re

from whichmodel.knowledge.units import DAYS_PER_MONTH

WEEKS_PER_MONTH = 52 / 12
"""Weeks in an average month (about 4.33): "one essay a week each" is 4.33 a month, not 30 / 7 = 4.29."""

# Conversion rules (exchange rates with their date, tokens per page/word/character, days per month)
# are stated once, in knowledge.units; facts derived through them are marked "inferred".
REAL_TIME_SECONDS = 1.0
""""Real time" / "实时" read as a p95 of one second."""
SHORT_OUTPUT_TOKENS = {"one_word": 5, "short": 50, "few_lines": 120}
"""Output tokens when answers are described as one word/label, as short, or as a few lines (three or four
lines of text, about 90 words)."""

# Periods: pattern -> multiplier to a per-month figure. A period inside a longer one ("a year" in "twice a year")
# is the longer one's (`offline._scan`). A school term is a third of a year (three terms, as in Kenya and the UK).
PERIODS: tuple[tuple[str, float], ...] = (
    (r"(?:twice|two\s+times|2\s+times|2x)\s+(?:a|per|each|every)\s+(?:school\s+|academic\s+)?year\b|"
     r"(?:twice|two\s+times)\s+yearly|(?:per|a|each|every)\s+semester\b|每学期|一学期", 2 / 12),
    (r"(?:three|3)\s+times\s+(?:a|per|each|every)\s+(?:school\s+|academic\s+)?year\b|"
     r"(?:per|a|each|every)\s+(?:school\s+)?term\b|termly", 3 / 12),
    (r"(?:twice|two\s+times|2\s+times|2x)\s+(?:a|per|each|every)\s+month\b", 2.0),
    (r"per\s+(?:calendar\s+)?day|a\s+day|each\s+day|every\s+day|/\s?day|/d\b|daily|per\s+diem|"
     r"每天|每日|一天|一日(?!游|三餐)|日均|天均|/\s?天|/\s?日|每个工作日|每工作日|"
     r"\bpro\s+tag\b|\bam\s+tag\b|\bjeden\s+tag\b|\btäglich\b", DAYS_PER_MONTH),
    (r"per\s+hour|an\s+hour|each\s+hour|every\s+hour|/\s?h(?:ou)?r\b|hourly|每小时|每个小时|一小时|/\s?小时",
     24 * DAYS_PER_MONTH),
    (r"per\s+minute|a\s+minute|each\s+minute|every\s+minute|/\s?min\b|\brpm\b|每分钟|一分钟|/\s?分钟",
     60 * 24 * DAYS_PER_MONTH),
    (r"per\s+second|each\s+second|every\s+second|/\s?s(?:ec)?\b|\bqps\b|\brps\b|每秒钟?|/\s?秒",
     3600 * 24 * DAYS_PER_MONTH),
    (r"every\s+(?:two|2|other)\s+weeks?|bi-?weekly|fortnight(?:ly)?|a\s+fortnight|每两周|每隔一周|隔周|两周一次",
     WEEKS_PER_MONTH / 2),
    (r"per\s+week|a\s+week|each\s+week|every\s+week|/\s?w(?:ee)?k\b|weekly|"
     r"每周|每星期|每个星期|每礼拜|每个礼拜|一个礼拜|一礼拜|礼拜一次|一周|一星期|周均|/\s?周|"
     r"\bpro\s+woche\b|\bin\s+der\s+woche\b|\bjede\s+woche\b|\bwöchentlich\b", WEEKS_PER_MONTH),
    (r"per\s+month|a\s+month|each\s+month|every\s+month|/\s?mo(?:nth)?\b|monthly|per\s+mo\b|a\s+mo\b|in\s+(?:the|a)\s+month\b|"
     r"每月|每个月|一个月|月均|/\s?月|月度|按月|一月|"
     r"\bpro\s+monat\b|\bim\s+monat\b|\bje\s+monat\b|\bjeden\s+monat\b|\bmonatlich\b", 1.0),
    (r"per\s+quarter|a\s+quarter|each\s+quarter|every\s+quarter|quarterly|每季度|每个季度|一个季度", 1 / 3),
    (r"per\s+year|a\s+year|each\s+year|every\s+year|/\s?y(?:ea)?r\b|yearly|annually|per\s+annum|annual|"
     r"(?:for|over|across)\s+(?:the|a|an)\s+(?:whole\s+|entire\s+|full\s+)?(?:school\s+|academic\s+|financial\s+|fiscal\s+|"
     r"tax\s+)?year\b|(?:per|a|an|each|every)\s+(?:school|academic|financial|fiscal|tax)\s+year\b|"
     r"(?:the\s+)?(?:whole|entire|full)\s+(?:school\s+|academic\s+)?year\b|"
     r"每年|一年|年均|全年|/\s?年|年度|年(?=预算|费用|花费|开销|支出)|每学年|一学年|整个学年|全学年|一整年|整年", 1 / 12),
)  # fmt: skip

# --- Money ----------------------------------------------------------------------------------------
CURRENCY_PREFIX = {r"(?<![a-z])c\$": "cad", r"\bca\$": "cad", r"\b(?:cad|cdn)\s?": "cad", r"(?:加元|加币|加拿大元)": "cad",
                   r"\bnz\$": "nzd", r"\bnzd\s?": "nzd", r"(?<![a-z])s\$": "sgd", r"\bsgd\s?": "sgd", r"\bzar\s?": "zar",
                   r"(?<![a-z0-9$])r\s?": "zar", r"₹": "inr", r"\binr\s?": "inr", r"\brs\.?\s?": "inr", r"\bchf\s?": "chf",
                   r"\bk(?:e\s?)?sh[s.]?\s?": "kes", r"\bkes\s?": "kes", "₦": "ngn", r"\bngn\s?": "ngn", r"\br\$\s?": "brl",
                   r"\bbrl\s?": "brl", r"\bmx\$\s?": "mxn", r"\bmxn\s?": "mxn", r"\brp\.?\s?": "idr", r"\bidr\s?": "idr",
                   "₱": "php", r"\bphp\s?": "php", "₫": "vnd", r"\bvnd\s?": "vnd", "฿": "thb", r"\bthb\s?": "thb",
                   r"\brm\s?": "myr", r"\bmyr\s?": "myr", "₩": "krw", r"\bkrw\s?": "krw", r"\bsek\s?": "sek",
                   r"\bnok\s?": "nok", r"\bdkk\s?": "dkk", r"\bpln\s?": "pln", r"\baed\s?": "aed",
                   r"(?<![a-z])a\$": "aud", r"\bau\$": "aud", r"\baud\s?": "aud", r"\bnt\$": "twd", r"\b(?:twd|ntd)\s?": "twd",
                   r"(?:新台币|台币|新台幣|台幣)": "twd", r"(?:澳元|澳币|澳幣)": "aud", r"us\$": "usd", r"hk\$": "hkd", r"\$": "usd", r"usd\s?": "usd", "€": "eur", r"eur\s?": "eur",
                   "£": "gbp", r"gbp\s?": "gbp", r"jp¥": "jpy", "¥": "cny", "￥": "cny", r"rmb\s?": "cny",
                   r"cny\s?": "cny", "人民币": "cny", r"jpy\s?": "jpy", r"港币|港元": "hkd"}  # fmt: skip
CURRENCY_SUFFIX = {r"\s?(?:australian|aussie|au)\s+(?:dollars?|bucks)\b": "aud", r"\s?(?:dollars?|bucks)\s+(?:aussie|australian|aud)\b": "aud",
                   r"\s?(?:aud|aussie)\b": "aud", r"\s?(?:new\s+)?(?:taiwan(?:ese)?|nt)\s+dollars?\b": "twd", r"\s?(?:twd|ntd)\b": "twd",
                   r"\s?(?:元|块钱?)?(?:新台币|台币|新台幣|台幣)": "twd", r"\s?(?:澳元|澳币|澳幣|澳大利亚元)": "aud",
                   r"\s?(?:canadian|cdn|can|ca)\s+(?:dollars?|bucks)\b": "cad", r"\s?(?:dollars?|bucks)\s+(?:canadian|cad|cdn)\b": "cad",
                   r"\s?(?:cad|cdn)\b": "cad", r"\s?(?:加元|加币|加拿大元)": "cad",
                   r"\s?(?:new\s+zealand|nz|kiwi)\s+dollars?\b": "nzd", r"\s?nzd\b": "nzd", r"\s?(?:纽元|纽币|新西兰元)": "nzd",
                   r"\s?(?:singapore|sing)\s+dollars?\b": "sgd", r"\s?sgd\b": "sgd", r"\s?(?:新加坡元|新币|坡币)": "sgd",
                   r"\s?(?:south\s+african\s+)?rands?\b": "zar", r"\s?zar\b": "zar", r"\s?(?:南非兰特|南非币|兰特)": "zar",
                   r"\s?(?:indian\s+)?rupees?\b": "inr", r"\s?inr\b": "inr", r"\s?(?:印度卢比|卢比)": "inr",
                   r"\s?(?:swiss\s+)?francs?\b": "chf", r"\s?chf\b": "chf", r"\s?(?:瑞士法郎|瑞郎|法郎)": "chf",
                   r"\s?(?:kenyan\s+)?(?:shillings?|bob)\b": "kes", r"\s?k(?:e\s?)?sh[s.]?(?![a-z])": "kes", r"\s?kes\b": "kes",
                   r"\s?(?:nigerian\s+)?naira\b": "ngn", r"\s?ngn\b": "ngn", r"\s?(?:brazilian\s+)?(?:reais|reals?)\b": "brl",
                   r"\s?brl\b": "brl", r"\s?(?:philippine|filipino)\s+pesos?\b": "php", r"\s?(?:mexican\s+)?pesos?\b": "mxn",
                   r"\s?mxn\b": "mxn", r"\s?(?:indonesian\s+)?rupiah\b": "idr", r"\s?idr\b": "idr", r"\s?(?:vietnamese\s+)?dong\b": "vnd",
                   r"\s?vnd\b": "vnd", r"\s?(?:thai\s+)?baht\b": "thb", r"\s?thb\b": "thb", r"\s?(?:malaysian\s+)?ringgit\b": "myr",
                   r"\s?myr\b": "myr", r"\s?(?:korean\s+)?won\b": "krw", r"\s?krw\b": "krw", r"\s?(?:swedish\s+)?(?:kronor|krona)\b": "sek",
                   r"\s?sek\b": "sek", r"\s?norwegian\s+kroner?\b": "nok", r"\s?nok\b": "nok", r"\s?danish\s+kroner?\b": "dkk",
                   r"\s?dkk\b": "dkk", r"\s?(?:polish\s+)?(?:zloty|złoty)s?\b": "pln", r"\s?pln\b": "pln", r"\s?(?:dirhams?|aed)\b": "aed",
                   r"\s?(?:肯尼亚先令|先令)": "kes", r"\s?(?:奈拉)": "ngn", r"\s?(?:雷亚尔)": "brl", r"\s?(?:比索)": "mxn",
                   r"\s?(?:印尼盾)": "idr", r"\s?(?:越南盾)": "vnd", r"\s?(?:泰铢)": "thb", r"\s?(?:林吉特|令吉)": "myr",
                   r"\s?(?:韩元)": "krw", r"\s?(?:瑞典克朗)": "sek",
                   r"\s?(?:us\s)?dollars?\b": "usd", r"\s?bucks\b": "usd", r"\s?usd\b": "usd",
                   r"\s?(?:美元|美金|刀)": "usd", r"\s?euros?\b": "eur", r"\s?eur\b": "eur", r"\s?欧元": "eur",
                   r"\s?pounds?\b": "gbp", r"\s?quid\b": "gbp", r"\s?gbp\b": "gbp", r"\s?英镑": "gbp", r"\s?yuan\b": "cny",
                   r"\s?rmb\b": "cny", r"\s?cny\b": "cny", r"\s?(?:元人民币|元|块钱|块|人民币|人名币)": "cny",
                   r"\s?(?:yen\b|jpy\b|日元)": "jpy", r"\s?(?:hkd\b|港元|港币)": "hkd", r"\s?蚊": "hkd"}  # fmt: skip
PHILIPPINES = (r"\bphilippines?\b|\bfilipin[oa]s?\b|\bpinoy\b|\bmanila\b|\bquezon\b|\bcebu\b|\bdavao\b|\bmakati\b|"
               r"\bpasig\b|\btaguig\b|\bbisaya\b|\btagalog\b|菲律宾|马尼拉")
"""Words that place a person in the Philippines, where "pesos" are Philippine pesos, not Mexican ones."""
PHILIPPINE_PLACES = (r"\bphilippines\b|\bthe\s+phils?\b|\bph\b(?![.$])|\bmetro\s+manila\b|\bmanila\b|\bquezon\s+city\b|\bcebu\b|"
                     r"\bdavao\b|\bmakati\b|\bpasig\b|\btaguig\b|\bmandaluyong\b|\bpara[nñ]aque\b|\bcaloocan\b|"
                     r"\bbaguio\b|\biloilo\b|\bbacolod\b|\bcagayan\s+de\s+oro\b|\bzamboanga\b|\bantipolo\b|\blaguna\b|"
                     r"\bcavite\b|\bbulacan\b|\bpampanga\b|菲律宾|马尼拉|宿务")  # fmt: skip
"""The Philippines and its main cities, as a place a person is (`PLACES`); unlike `PHILIPPINES` no language
("we answer in Tagalog" says nothing of where the person is)."""
LOCAL_DOLLAR: tuple[tuple[str, str], ...] = (
    ("cad", r"\bcanada\b|\bcanadian\b|\btoronto\b|\bontario\b|\bvancouver\b|\bmontr[eé]al\b|\bqu[eé]bec\b|\bottawa\b|"
            r"\bcalgary\b|\bedmonton\b|\balberta\b|\bwinnipeg\b|\bbritish\s+columbia\b|\bnova\s+scotia\b|加拿大|多伦多|温哥华|蒙特利尔"),
    ("nzd", r"\bnew\s+zealand\b|\bauckland\b|\bwellington\b|\bchristchurch\b|新西兰|奥克兰"),
    ("sgd", r"\bsingapore\b|新加坡"),
)  # fmt: skip
"""Places whose own currency is called "dollars": a bare "$200" or "200 dollars" from someone who says they are
there is that currency (a Torontonian's "200 dollars" is Canadian dollars), unless they say US dollars."""
GENERIC_DOLLAR = r"\$|\bdollars?\b|\bbucks\b"
EXPLICIT_US_DOLLAR = r"\bus\$|\busd\b|\bus\s+dollars?|\bamerican\s+dollars?|美元|美金|u\.s\."
"""A dollar figure written without saying which dollar, and one said to be US dollars."""
MINOR_UNITS: dict[str, tuple[str, float]] = {
    r"\s?(?:aussie|australian|au)\s+cents?\b": ("aud", 0.01),
    r"\s?cents?\s+(?:(?:was|were|is|are|in)\s+)?(?:aussie|australian|aud)\b": ("aud", 0.01),
    r"\s?(?:euro[\s-]?cents?|eurocents?)\b": ("eur", 0.01), r"\s?(?:us\s)?cents?\b": ("usd", 0.01), r"\s?¢": ("usd", 0.01),
    r"\s?pence\b": ("gbp", 0.01), r"p\b(?=\s+(?:a|an|per|each|for)\b)": ("gbp", 0.01),
    r"\s?分钱(?![都也]不)": ("cny", 0.01), r"\s?(?:毛钱|毛|角钱|角)(?![\u4e00-\u9fff]{0,1}(?:毛|衣|巾))": ("cny", 0.1),
}  # fmt: skip
"""A currency's hundredth or tenth written after a number ("2 cents", "5p a page", "两分钱", "一毛钱"): a price
of a single item, read per request unless a period is said; "一分钱都不想花" is no money at all (`ZERO_BUDGET`)."""
BATCH = r"nightly|overnight|batch\s+(?:job|process|processing|mode)|offline\s+processing|批处理|离线批量|离线处理|每晚跑"
WORKERS = (r"physios?|physiotherapists?|therapists?|doctors?|gps?|nurses?|dentists?|hygienists?|vets?|clinicians?|chiropractors?|"
           r"osteopaths?|psychologists?|counsell?ors?|midwives|midwife|carers?|caregivers?|care\s+workers?|social\s+workers?|"
           r"case\s?workers?|lawyers?|solicitors?|paralegals?|accountants?|bookkeepers?|agents?|reps?|advis[eo]rs?|consultants?|"
           r"recruiters?|teachers?|tutors?|trainers?|coaches|coach|instructors?|stylists?|hairdressers?|technicians?|engineers?|"
           r"developers?|devs?|drivers?|officers?|salespeople|salesperson|staff|employees?|colleagues?")  # fmt: skip
"""People who do the work a volume counts ("3 physios, each sees 12-15 patients a day"): their daily rate holds
on working days (`WORKING_DAYS_PER_MONTH`), not every day of the month."""
WORKING_DAYS_PER_MONTH = 5 * WEEKS_PER_MONTH
"""Working days in an average month (five a week: about 21.7)."""
WORKER_RATE = (r"\beach\s+(?:one\s+of\s+(?:them|us)\s+|of\s+(?:them|us)\s+)?(?:" + WORKERS + r")\b|\b(?:" + WORKERS +
               r")\s+each\b")  # fmt: skip
"""A daily rate said per worker ("each physio sees maybe 12-15 patients a day"). English only: Chinese per-worker
rates ("每个销售每天打二十通电话") keep 30 days a month, as before."""
PER_PERSON = r"(?:each\s+(?:" + WORKERS + r")|\b(?:" + WORKERS + r")\s+each)\s+(?:\w+\s+)?(?:sees?|treats?|serves?|visits?|bills?|opens?|writes?|marks?|sends?|asks?|makes?|submits?|handles?|does|gets?|receives?|processes|reviews?|reads?|answers?|drafts?|files?|books?|creates?)\b|each\s+(?:person|user|employee|agent|customer|member|developer|dev|engineer|teacher|tutor|student|lawyer|doctor|nurse|rep|advisor|adviser|accountant|volunteer|therapist|consultant|recruiter|manager|clinician|paralegal|designer|writer|editor|driver|technician|colleague|staff\s+member|salesperson|analyst|officer|worker|caseworker|coach|trainer|instructor|pharmacist)\s+(?:\w+\s+)?(?:sees?|treats?|serves?|opens?|writes?|marks?|sends?|asks?|makes?|submits?|handles?|does|gets?|receives?|processes|reviews?|reads?|answers?|drafts?|files?|books?|creates?)\b|per\s+(?:user|person|employee|agent|customer|developer|teacher|student|tutor|member)|each\s+(?:user|person|employee|agent|customer|teacher|student|doctor|lawyer|engineer|developer|dev|nurse|rep)|each\s+(?:of\s+them\s+)?(?:sends?|asks?|makes?|submits?|uses?)|(?:they|we)\s+each\b|each\s+of\s+(?:them|us)\b|每人|每个人|每位|人均|每个用户|每用户|每个员工|每名|每个?(?:学生|同学|老师|同事|医生|律师|工程师|销售)"
PER_UNIT = (r"(?:每个?|一个)(?:群|店|门店|分店|班|诊所|科室|学校|账号|网点|项目|频道)|"
            r"(?:each|per|every)\s+(?:group|store|shop|branch|clinic|class|section|division|school|account|site|location|channel|"
            r"chat\s+group)\b")  # fmt: skip
"""A rate said per unit ("一个群一天一次", "each store sends 20 a day"): times the count of those units."""
UNITS = (r"^\s*(?:个|家|间|所)?[\u4e00-\u9fff]{0,3}?(?:群|门店|分店|店|班|诊所|科室|学校|账号|网点|项目|频道)|"
         r"^(?:\s+(?:retail|local|physical|high-street|partner|franchise|online|chat|whatsapp|wechat|telegram|customer|regional|"
         r"small|big|large|dental|medical|[a-z]+-[a-z]+))?\s+(?:groups|stores|shops|branches|clinics|classes|sections|divisions|"
         r"schools|accounts|sites|locations|channels)\b")  # fmt: skip
"""What follows a count of units ("三十个业主群", "12 retail stores")."""
EACH_UNIT_ZH = r"(?:班|组|门店|分店|店|群|校区|分园|科室)"
EACH_OF_UNITS = (
    r"(?P<list>[\u4e00-\u9fff]{1,2}?" + EACH_UNIT_ZH + r"(?:\s*[、,，;和跟与及]?\s*[\u4e00-\u9fff]{1,2}?" + EACH_UNIT_ZH + r")+)\s*(?:都|也)?各|"
    r"(?P<n>[\d两二三四五六七八九十]+)\s*(?:个|家|间)?" + EACH_UNIT_ZH + r"(?:都|也)?各|"
    r"(?:for|to|from)\s+each\s+of\s+(?:the|our|my|its|their|those|these)?\s*(?P<n_en>[a-z0-9]+)\s+(?:[a-z-]+\s+)?"
    r"(?:classes|groups|stores|shops|branches|sites|locations|schools|clinics|offices|teams)\b|"
    r"(?:for|to)\s+(?P<both>both)\s+(?:of\s+(?:our|the)\s+)?(?:classes|groups|stores|shops|branches|sites|locations|schools|clinics|offices|teams)\b"
)
"""A rate said once and then "each" for several units named ("每週一份，大班小班各一份", "两个班各一份",
"one for each of the two classes", "one for both classes"): the rate times the units (`offline._for_each`)."""
EACH_ONE = (r"(?:they|we)\s+each\s+(?:[a-z]+\s+){0,3}?(?:an?|one)\s+[a-z]+|each\s+(?:of\s+them\s+)?(?:writes?|hands?\s+in|"
            r"submits?|sends?|does|turns?\s+in)\s+(?:an?|one)\s+[a-z]+")  # fmt: skip
"""One item per person, said without a figure ("they each hand in an essay every two weeks")."""
SHARE_CUE = (r"\bwould\b|\bwill\b|\bmight\b|of\s+(?:them|those|these|visitors|users|customers|people)|use\s+it|"
             r"其中|会用|会问|会咨询|的人")  # fmt: skip
"""A percentage that is a share of a volume ("maybe 10% would chat", "其中两成会咨询")."""
PEOPLE = (
    r"\s*(?:users?|people|persons|employees|staff|customers|agents|students|teachers|doctors|lawyers|nurses|engineers|of\s+us|"
    r"developers|devs|reps|tutors|advisers|advisors|accountants|members|volunteers|therapists|consultants|recruiters|"
    r"managers|clinicians|paralegals|designers|writers|editors|drivers|technicians|colleagues|coworkers|co-workers|"
    r"physios|physiotherapists|dentists|hygienists|vets|chiropractors|osteopaths|psychologists|counsell?ors|carers|"
    r"caregivers|stylists|hairdressers|solicitors|bookkeepers|"
    r"pupils|learners|trainees|kids|children|个?学员|个?孩子|"
    r"个?用户|个?员工|个?人|位用户|名员工|位|个?(?:学生|同学|老师|医生|律师|工程师|销售|开发|程序员|研发|设计师|客服|运营|编辑|会计|护士|店员|导购|坐席|业务员))"
)
ZH_BUDGET_CUE = (r"(?:预算|费用|成本|开销|花费|支出|经费|(?<=[最多能要得])花)(?:的话)?"
                 r"(?:[^，,。；;！？\d零〇一二两三四五六七八九十百千万亿]|一年|一个月|一月|一天|一周){0,10}")
"""A Chinese budget word and what may stand between it and its figure ("预算每月三千", "运营费用别超过五千")."""
BUDGET_CUE = (
    r"budget|spend|spending|cost|costs|afford|pay|bill|price|cap|ceiling|预算|花费|成本|费用|开销|支出|花"
)
# "per 1,000 articles", "每千次": the number that follows (or 1000 for 千) is the count.
PER_COUNT = (r"(?:per|for\s+every|for\s+each|every|each|/)\s*(?P<n>[\d,.]+\s?k?|a\s+thousand|thousand|one\s+thousand|"
             r"hundred|a\s+hundred|million|a\s+million)?\s*(?:[a-z-]+\s+)?(?P<noun>requests?|calls?|queries|query|"
             r"tickets?|messages?|documents?|docs?|articles?|emails?|conversations?|chats?|images?|reviews?|"
             r"items?|records?|files?|pages?|questions?|answers?|responses?|summaries|transcripts?|invoices?|"
             r"translations?|classifications?|completions?|generations?|predictions?|inferences?|runs?)\b"
             r"|(?:per|for\s+every|for\s+each|every|/)\s*(?P<big>1,?000|1k|100|a\s+thousand|one\s+thousand|thousand|"
             r"a\s+hundred|hundred|a\s+million|million)\s+(?!(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|"
             r"tokens?|words?|characters?|pages?)\b)(?:[a-z-]+\s+)?(?!(?:days?|weeks?|months?|years?|hours?|minutes?|"
             r"seconds?|tokens?|words?|characters?|pages?)\b)[a-z-]+s\b"
             r"|每(?P<cn>千|一千|1000|百|一百|100|万|一万|10000)?(?:次|条|个请求|篇|封|张|份|单|笔|通|道题?|页|"
             r"个(?!月|小时|钟头|星期|礼拜|工作日|季度|人|用户|员工))"
             r"|\b(?:a|an|per|each|every)\s+(?P<item>receipts?|photos?|pictures?|forms?|scans?|problems?|essays?|letters?|"
             r"cvs?|résumés?|resumes?|applications?|orders?|posts?|comments?|products?|descriptions?|reports?|"
             r"contracts?|calls?|recordings?|videos?|listings?|pallets?|claims?|cases?|students?\s+essays?)\b")  # fmt: skip
NO_BUDGET = (r"no\s+budget\s+(?:limit|cap|constraint|ceiling)|budget\s+(?:is\s+)?(?:unlimited|not\s+(?:a|an)\s+"
             r"(?:issue|concern|constraint|problem))|unlimited\s+budget|money\s+is\s+no\s+object|"
             r"(?:don't|do\s+not)\s+care\s+about\s+(?:the\s+)?(?:cost|price|budget)|cost\s+doesn't\s+matter|"
             r"预算不限|不限预算|预算没有上限|预算无上限|预算无限|不差钱|预算充足|不在乎(?:成本|费用|价格|钱)|"
             r"预算没有限制|没有预算限制")  # fmt: skip

ZERO_BUDGET = (r"\bzero\s+(?:budget|money|dollars|pounds|euros|cash|funds?)\b|\bbudget\s+(?:is|of|=)\s*(?:zero|nil|nothing|"
               r"\$?0(?![\d.,]))|\bno\s+budget\b(?!\s*(?:limit|cap|constraint|ceiling|restriction|concern|issue|problem|set|fixed|yet|"
               r"in\s+mind|decided|defined|specified|agreed))|"
               r"\b(?:basically|practically|almost|pretty\s+much)\s+no\s+(?:money|budget|funds?|cash)\b|"
               r"\b(?:we|i)\s+(?:have|'ve|got)\s+no\s+(?:money|funds?|cash)\b|\bno\s+money\s+(?:for|to\s+spend)|"
               r"\b(?:don'?t|do\s+not)\s+have\s+(?:any\s+)?(?:budget|money|funds?)\s+(?:at\s+all|for\s+(?:this|it|ai|that))|"
               r"\b(?:can'?t|cannot)\s+(?:afford\s+to\s+)?(?:pay|spend)\s+anything\b|\b(?:has|have|needs?)\s+to\s+be\s+free\b|"
               r"\bfree\s+(?:options?|plans?|tools?|stuff)?\s*only\b|\bonly\s+(?:something\s+)?free\b|"
               r"^(?:(?:ok|okay|oh|well|so|yes|yeah)\s*,?\s+)?(?:the\s+)?free\s+(?:one|version|plan|app|tier)?\s*(?:is|'s|would\s+be)\s+"
               r"(?:fine|ok|okay|enough|good|all\s+(?:i|we)\s+need)\b|"
               r"\b(?:we|i)\s+(?:have|'ve|got)\s+nothing\s+(?:\w+\s+){0,2}?(?:for|in\s+the)\s+(?:the\s+)?budget\b|"
               r"\bnothing\s+(?:really\s+)?(?:in|for)\s+(?:the\s+|our\s+)?budget\b|"
               r"(?:不想|不打算|不愿意|不能|没钱|没有钱)(?:再)?花钱|不花钱|一分钱都不(?:想|能)?花|零预算|预算(?:是|为)?零|没(?:有)?预算(?!限制|上限|要求|概念|的概念)|"
               r"只(?:想|能|要)?用免费的?|免费的就(?:行|好|够)|白嫖|没(?:啥|什么)预算(?!限制|上限|要求|概念|的概念)|(?<![\d.,])0\s*(?:蚊|元|块)(?![\d.,])|零蚊|"
               r"(?:要|只要|最好)免费的?(?:吧|啦|嘅|的)?(?=$|[，。！!,.\s])")  # fmt: skip
"""No money at all for it ("We have zero budget. Like, zero.", "basically no money", "no budget at all", "it has
to be free"): a budget of zero, free routes only; never "no limit" (that is `NO_BUDGET`: "no budget limit"), and
"no budget set really" is none fixed, not zero; "不想花钱", "不花钱最好", "只用免费的" likewise."""

NOT_MONTHLY = (r"(?:不是|并非|而不是)(?:每个?月|一个月|按月)|\bnot\s+(?:a|per|each|every)\s+month\b|\bnot\s+monthly\b|"
               r"\brather\s+than\s+(?:a|per)\s+month\b|\binstead\s+of\s+(?:a|per)\s+month\b")  # fmt: skip
"""A monthly reading turned down ("是每份简历最多一块钱，不是每个月一块钱", "5 cents per invoice, not per month"):
with a budget per item in the same message, the monthly budget held was a misreading and is removed."""
NO_MONTHLY_BUDGET = (r"没有(?:每)?月(?:度)?预算|(?:不设|不要|不限)月(?:度)?预算|月预算(?:是错的|不对|不要了|删掉|去掉)|"
                     r"\bno\s+(?:monthly|per[\s-]month)\s+(?:budget|limit|cap)|\b(?:drop|remove|delete)\s+the\s+monthly\s+budget")  # fmt: skip
"""No monthly budget at all ("没有月预算，只有每份一块钱以内"): the monthly ceiling is removed."""
BUDGET_BETWEEN = r"预算|\bbudget|一共|总共|合计|in\s+total|altogether|overall"
"""Words between a per-item cue and a sum that make the sum a total, not a price per item ("每份合同十几页，
预算五千块")."""
BUDGET_QUESTION = (r"够吗|够不够|够用吗|行吗|行不行|可以吗|能行吗|\benough\b|\b(?:is|would)\s+(?:that|it|this)\s+"
                   r"(?:be\s+)?(?:ok|okay|fine)\b|\b(?:ok|okay|fine|realistic|doable)\s*\??\s*$|"
                   r"^(?:(?:so|and|ok|okay|well)\s*,?\s+)*(?:can|could)\s+(?:we|i)\s+(?:just\s+)?(?:spend|pay|afford|do\s+it\s+(?:for|with|on))\b|"
                   r"\b(?:would|will|does|could)\s+(?:\S+\s+){1,4}(?:do|work|cover\s+it)\s*\??\s*$")  # fmt: skip
"""A question whose sum of money is still the budget ("预算？一万块一个月够吗", "is $200 a month enough?", "can we
spend maybe 1000 pesos a month?", "would 500 pesos do?")."""
COST_ASKED = r"\bcost|\bprice|how\s+much|\bcharge|\bpay\b|\bbill\b|多少钱|费用|价格"
"""A question about what it costs: a workload said in it ("what does it cost for like 40 listings a month?") is
the person's volume."""

# --- Counts (volume) ------------------------------------------------------------------------------
COUNT_NOUNS = (r"requests?|calls?|api\s+calls?|queries|query|tickets?|messages?|documents?|docs|articles?|"
               r"emails?|e-mails?|conversations?|chats?|sessions?|images?|photos?|pictures?|screenshots?|"
               r"reviews?|questions?|transactions?|items?|records?|files?|invoices?|receipts?|contracts?|"
               r"prompts?|completions?|texts?|sentences?|posts?|comments?|tweets?|products?|"
               r"descriptions?|summaries|translations?|lookups?|searches|classifications?|predictions?|"
               r"inferences?|generations?|transcripts?|recordings?|audio\s+files?|forms?|reports?|"
               r"resumes?|cvs?|claims?|orders?|cases?|interactions?|replies|responses?|inputs?|runs?|"
               r"notes?|logs?|events?|jobs?|tasks?|calls|applications?|letters?|essays?|problems?|exercises?|"
               r"assignments?|homeworks?|prs?|pull\s+requests?|merge\s+requests?|commits?|listings?|enquiries|"
               r"inquiries|bookings?|appointments?|meetings?|videos?|pallets?|scans?|leads?|quotes?|memos?|"
               r"submissions?|entries|chapters?|episodes?|minutes\s+of\s+audio|reminders?|notifications?|texts?|enquiry|inquiry|"
               r"quiz(?:zes)?|copies|answer[\s-]?sheets?|answer\s+scripts?|worksheets?|tests?|exams?|question\s+papers?|test\s+papers?|"
               r"captions?|dms|direct\s+messages|newsletters?|"
               r"lebensl(?:ä|ae)ufe?|bewerbungen|bewerbung|anfragen|anfrage|nachrichten|dokumente|rechnungen|"
               r"texte|beschreibungen|bewertungen")  # fmt: skip (German: "300 Lebensläufe pro Monat")
CN_MEASURE = r"次|条|篇|封|张|份|单|笔|通|件|段|节|堂|集|场|个(?:请求|问题|对话|文档|任务)?|轮"
VOLUME_CUE = (r"volume|traffic|throughput|load|number\s+of\s+requests|requests\s+(?:per|a)\s+month|"
              r"请求量|调用量|访问量|流量|处理量|请求数|请求次数|调用次数|量")  # fmt: skip
VISITS_ZH = r"门诊|接诊|看诊|就诊|问诊|病人|患者|到店|进店|来店|客流|来访|人次"
"""Words that make a count of people per period a count of visits ("每天门诊一两百人": each visit is one request)."""
EACH_NEEDS = (r"\beach(?:\s+one|\s+of\s+them|\s+[a-z]+)?\s+(?:needs?|gets?|requires?|means|has|involves|takes)\s+"
              r"(?P<items>(?:an?|one)\s+(?:[a-z-]+\s+){0,2}?(?:" + COUNT_NOUNS + r")\b(?:\s*(?:,|and|&|\+|plus|as\s+well\s+as)\s*"
              r"(?:an?|one)\s+(?:[a-z-]+\s+){0,2}?(?:" + COUNT_NOUNS + r")\b)+)")  # fmt: skip
"""Several items per event ("30 weddings a year, each one needs an email AND a blog post"): the events times the items."""
NARROWED_TO = (r"\b(?:forget|drop|skip|never\s+mind|no\s+more)\s+(?:about\s+)?(?:the\s+)?(?P<dropped>[a-z][\w'-]*(?:\s+[\w'-]+)?)"
               r"[^.?!]{0,60}?[.,;!?]+\s*(?:[^.?!]{0,40}?[.,;!?]+\s*)?(?:(?:it'?s|now|anyway|actually)\s+)*(?:just|only)\s+"
               r"(?!(?:tell|give|say|show|answer|let|use|do|want|need|get|go|pick|help|choose|send|ask|make|one|that|this|it)\b)"
               r"(?P<kept>(?:the\s+)?[a-z][\w'-]*(?:\s+[\w'-]+){0,3}?)(?:\s+now)?\s*(?=[.?!,]|$)")  # fmt: skip
"""One part of the job dropped and another kept ("forget Instagram, my nephew does that. just the Google reviews"): the
use case is narrowed to what is kept, and said back."""
PEOPLE_EACH_ITEM = (r"\s*(?:students|pupils|learners|children|kids|clients|customers|employees|staff|members|patients|families|"
                    r"parents|volunteers|donors|tenants|guests)\b[^.!?]{0,30}?\beach(?:\s+one|\s+of\s+them)?\s+(?:needs?|gets?|"
                    r"requires?|has\s+to\s+get)\s+(?:a|an|one)\s+(?P<item>[a-z-]+(?:\s+(?!twice|once|a\b|an\b|per\b|every\b|each\b)"
                    r"[a-z-]+)?)")  # fmt: skip
"""People counted, each needing one item ("400 students, each one needs a comment, twice a year"): the people times the
period of the items said after it (800 comments a year), not a count of people."""
PEAK_CUE = (r"\bpeak|busy\s+(?:season|months?|periods?|times?|weeks?)|busiest|high\s+season|hiring\s+season|\brush\b|"
            r"招聘季|旺季|高峰|忙的时候|最忙|大促|双十一|双11|618|春节前|年底")  # fmt: skip
USUAL_CUE = (r"\busually\b|\bnormally\b|\btypically\b|\botherwise\b|rest\s+of\s+the\s+year|quiet|平时|平常|一般|通常|"
             r"其他时候|淡季")  # fmt: skip
"""Two volumes in one message, one said for the busy season ("招聘季的时候一个月大概三千份，平时就几百份"):
the peak is planned for (capacity and the worst monthly bill), and said so."""
NOT_VOLUME_NOUNS = (r"users?|people|persons?|employees?|staff|customers?|teams?|agents?|engineers?|developers?|"
                    r"languages?|models?|gpus?|servers?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|"
                    r"categories|classes|sections|divisions|buckets|labels|departments|stores|shops|branches|locations|clinics|"
                    r"人|位|名|种|家|年|个月|天|小时|分钟|秒")  # fmt: skip

# Opening hours: an hourly rate ("about 40 an hour") counts only the hours the service is used.
HOURS_UNIT = r"\s*(?:hours?|hrs?)\b|\s*(?:个)?(?:小时|钟头)"
HOURS_CUE = (r"open|opening|business|office|working|staffed|operat|shifts?|a\s+day|per\s+day|each\s+day|daily|"
             r"营业|工作|开放|开门|上班|在线|服务|值班|一天|每天")  # fmt: skip
CLOCK_RANGE = (r"^\s*(?:(?P<a1>am|a\.m\.)|(?P<p1>pm|p\.m\.)|点|o'?clock|:00)?\s*(?:to|until|till|-|–|~|到|至)\s*"
               r"(?:(?:早上|上午|中午|下午|晚上)\s*)?$")  # fmt: skip
CLOCK_TIMES = (r"(?P<cue>between\s+|from\s+|open\s+|opening\s+hours\s+(?:are\s+)?)?(?<![\d:.])(?P<h1>\d{1,2})(?::(?P<m1>[0-5]\d))?"
               r"\s*(?P<x1>am|pm|a\.m\.|p\.m\.)?\s*(?:to|until|till|-|–|~|and)\s*(?P<h2>\d{1,2})(?::(?P<m2>[0-5]\d))?"
               r"\s*(?P<x2>am|pm|a\.m\.|p\.m\.)?(?![\d:.]|\s*(?:[a-z]|[\u3400-\u9fff]))")  # fmt: skip
"""A range of clock times in digits: "9 to 5", "9am-6pm", "between 9:00 and 17:30" (not "2 to 3 minutes")."""
WORKDAY_IDIOMS = frozenset({(8, 4), (8, 5), (9, 5), (9, 6), (10, 6)})
"""Bare ranges that are working days ("9 to 5") even with no am/pm."""
CLOCK_END = r"^\s*(?:(?P<a2>am|a\.m\.)|(?P<p2>pm|p\.m\.)|点|o'?clock|:00)"
ALL_DAY = r"24\s*/\s*7|24\s*x\s*7|around\s+the\s+clock|round\s+the\s+clock|day\s+and\s+night|全天候?|24小时|昼夜"
WORK_DAY = r"business\s+hours|office\s+hours|working\s+hours|朝九晚五|早九晚五|工作时间"
WORK_DAY_HOURS = 8.0
"""Hours in a working day ("business hours", "朝九晚五") when no opening hours are given."""

# --- Time (latency) -------------------------------------------------------------------------------
TIME_UNITS = {r"\s?(?:ms|msec|millis(?:econds?)?)\b": 0.001, r"\s?毫秒": 0.001,
              r"\s?(?:s|secs?|seconds?)\b": 1.0, r"\s?(?:秒钟|秒)": 1.0,
              r"\s?(?:mins?|minutes?)\b": 60.0, r"\s?分钟": 60.0,
              r"\s?个半(?:小时|钟头)": 3600.0, r"\s?(?:hours?|hrs?)\b": 3600.0, r"\s?个?(?:小时|钟头)": 3600.0}  # fmt: skip
"""Hours count only as a length of audio or with a latency cue ("两个小时内出结果"), never as an orphan
(an "open 10 hours a day" is no answer time); "一个半小时" adds the half hour (`HALF_HOUR_AFTER`)."""
HALF_HOUR_AFTER = r"个半(?:小时|钟头)"
AUDIO_WORD_LENGTHS: tuple[tuple[str, float], ...] = (
    (r"an?\s+hour\s+and\s+a\s+half|one\s+and\s+a\s+half\s+hours?|一个半小时|一个半钟头", 90.0),
    (r"half\s+an\s+hour|a\s+half[\s-]hour|(?<!个)半个?小时|(?<!个)半个?钟头", 30.0),
    (r"(?:an|one)\s+hour|一个?小时|一个?钟头", 60.0),
)
"""Lengths of one recording written in words ("each meeting is about an hour", "每场半小时"), in minutes."""
LATENCY_CUE = (r"latency|respon[sd]|repl(?:y|ies)|answer|return|within|under|below|less\s+than|at\s+most|"
               r"no\s+more\s+than|max|fast|quick|slow|wait|p9[59]|p50|<|≤|turnaround|time\s+to|ttft|"
               r"(?:is|are)\s+(?:fine|ok|okay|acceptable|enough)|per\s+(?:report|document|doc|request|item|answer|file|page|"
               r"e-?mail|ticket|question|query|search|contract|form|invoice)\b|"
               r"内|以内|之内|延迟|时延|响应|返回|回复|不超过|低于|小于|最多|等待|快")  # fmt: skip
NOT_LATENCY = r"of\s+(?:audio|speech|video|recording|calls?)|long\s+(?:audio|recordings?|videos?)|的?(?:录音|音频|视频|语音)"
AUDIO_EACH_BEFORE = (r"(?:每|平均每|一)(?:节|通|段|个|份|条|次|堂|集|场|期|篇|盘)(?:课|电话|录音|音频|视频|会议|会|口述)?"
                     r"(?:的)?(?:时长|长度|录音)?(?:大概|大约|约|平均|差不多|都是|是|有)*\s*(?:[零一二两三四五六七八九十\d]+\s*(?:到|至|-|~)\s*)?$|"
                     r"(?:each|every)\s+(?:one|[a-z-]+(?:\s+[a-z-]+)?)\s+(?:is|lasts|runs|takes|being)?\s*(?:about|around|"
                     r"roughly|maybe|typically|usually|on\s+average)?\s*(?:\d+\s*(?:or|to|-)\s*)?$|"
                     r"(?:average|averaging|on\s+average)\s*(?:(?:call|recording|file|episode|lesson|meeting|session|"
                     r"dictation|video|interview|length|duration)s?\s+){0,2}(?:of|is|lasts|runs)?\s*(?:about|around|"
                     r"roughly)?\s*$|平均\s*$")  # fmt: skip
AUDIO_EACH_BARE = (r"(?:^|\d|calls?|recordings?|meetings?|lessons?|sessions?|interviews?|episodes?|videos?)[\s,]*(?:each|every\s+one)\s+"
                   r"(?:is\s+|lasts\s+|runs\s+)?(?:about|around|roughly|maybe|typically|usually)?\s*(?:\d+\s*(?:or|to|-)\s*)?$")  # fmt: skip
"""A duration after a bare "each" ("40 calls a day, each 5 to 10 mins"): one recording's length, when the
message is about recordings (`AUDIO_WORDS`)."""
AUDIO_WORDS = (r"\b(?:calls?|phone|recordings?|recorded|audio|voice|meetings?|lessons?|lectures?|interviews?|podcasts?|"
               r"episodes?|dictations?|transcri\w*|videos?)\b|录音|音频|电话|语音|会议|课|视频|转写|转录")  # fmt: skip
AUDIO_EACH_AFTER = (r"^\s*(?:-?long|in\s+length|each|apiece|per\s+(?:call|recording|file|episode|lesson|meeting|"
                    r"session|dictation|video|interview))\b|^\s*(?:长|的录音|的音频|一节|一通)")  # fmt: skip
"""A duration of one recording ("each dictation is 2 or 3 minutes long", "每通五分钟"): audio minutes
per request, not a latency."""
AUDIO_TOTAL_AFTER = r"^\s*(?:of\s+(?:audio|speech|recordings?|calls?|dictation|video|meetings?)|的?(?:录音|音频|语音|视频))"
"""A duration of audio in all ("300 minutes of audio a day", "每天两百分钟录音")."""
FAST_SECONDS = 5.0
"""What "it needs to answer fast" means for an answer time when no figure is given: about 5 s for the
slowest 1 in 20 answers (a person waiting in a chat); shown as inferred, so it is said back and can be
corrected."""
LATENCY_WORDS: tuple[tuple[str, float], ...] = (
    (r"(?:a\s+)?couple\s+(?:of\s+)?seconds|两三秒", 3.0),
    (r"(?:a\s+)?few\s+seconds|几秒钟?", 5.0),
    (r"half\s+a\s+minute|半分钟", 30.0),
    (r"half\s+a\s+second|半秒钟?", 0.5),
    (r"(?:a|one)\s+minute\s+(?:per|each|for\s+(?:each|every|a|one))\s+[a-z]+|(?:a|one)\s+minute\s+(?:is\s+)?(?:fine|ok|okay)|"
     r"每(?:份|篇|个|条|次)一分钟", 60.0),
    (r"(?:within|under|in\s+less\s+than|less\s+than|inside)\s+(?:a|one)\s+minute|一分钟(?:以|之)?内", 60.0),
    (r"(?:within|under|in\s+less\s+than|less\s+than)\s+(?:an|one)\s+hour|一个?小时(?:以|之)?内", 3600.0),
    (r"(?:answer|reply|respond|replies|answers|responses?)\s+(?:has\s+to\s+be\s+|have\s+to\s+be\s+|must\s+be\s+|"
     r"needs?\s+to\s+be\s+|should\s+be\s+)?(?:really\s+|very\s+|super\s+|pretty\s+)?(?:fast|quick(?:ly)?)\b|"
     r"(?:fast|quick|instant)\s+(?:answers|replies|responses)|people\s+(?:leave|give\s+up)\s+if\s+it'?s\s+slow|"
     r"(?:回复|回答|响应|反应|出结果)(?:要|得|需要|必须)?(?:快|及时|迅速)|等不及|不能太慢|别太慢|不能让客户等", FAST_SECONDS),
)  # fmt: skip
"""Answer times written in words ("done in a few seconds per invoice" is 5 s, "一分钟内出结果" 60 s): read only
when no figure with a unit gave the latency."""
REAL_TIME = r"real[\s-]?time|realtime|instant(?:ly|aneous)?|immediately|实时|即时|秒回|立即|马上"
NO_LATENCY = (r"no\s+latency\s+(?:requirement|constraint|limit)|latency\s+(?:doesn't|does\s+not|don't)\s+matter|"
              r"(?:don't|do\s+not)\s+care\s+about\s+(?:latency|speed)|speed\s+(?:doesn't|does\s+not)\s+matter|"
              r"latency\s+(?:is\s+not|isn't)\s+(?:important|critical|a\s+concern)|not\s+time[\s-]sensitive|"
              r"no\s+rush|no\s+hurry|not\s+in\s+a\s+hurry|(?:it's\s+|is\s+)?not\s+urgent|(?:there's\s+)?no\s+time\s+pressure|"
              r"不着急|不急|不赶时间|不用太快|慢一点也没关系|对?延迟没(?:有)?要求|延迟不重要|不在乎(?:延迟|速度)|延迟无所谓|速度无所谓|没有延迟要求|不要求实时|不需要实时")  # fmt: skip

PRIORITY_COST = (r"(?:as\s+)?cheap\s+as\s+possible|cheapest\s+(?:[a-z-]+\s+)?(?:option|one|model|possible|way|route|choice|plan)\b|"
                 r"lowest\s+(?:possible\s+)?"
                 r"(?:cost|price)|(?:keep|minimi[sz]e)\s+(?:the\s+)?costs?\s+(?:down|low)|costs?\s+(?:is|are)\s+what\s+matters|"
                 r"on\s+a\s+shoestring|price\s+(?:is|comes)\s+first|越便宜越好|尽量便宜|尽可能便宜|最便宜的就行|成本越低越好|"
                 r"省钱(?:第一|为主|优先)|价格优先|成本优先")  # fmt: skip
"""A stated preference for the lowest cost over quality ("cheap as possible, I'm a one woman shop")."""
PRIORITY_CHEAP = (r"\b(?:a|something|some|the|need|want|looking\s+for|find)\s+(?:very\s+|really\s+)?(?:cheap|low[\s-]cost|inexpensive|affordable)"
                  r"(?:\s+(?:one|option|model|ai|tool|app|solution|way))?\b(?!\s+(?:as|enough|compared))|"
                  r"\bcheap\s+(?:one|option|model|ai|tool|app|solution)s?\b|便宜(?:点|一点|些)?的(?:就行|就好|模型|AI|方案)")  # fmt: skip
"""A wish for a cheap option, without "best" next to it ("need a cheap ai for my captions"): cost first."""
PRIORITY_BEST_CHEAP = (r"\b(?:best|good|great|quality)\s+(?:and|but|yet|&|\+)\s+(?:also\s+)?(?:cheap|low[\s-]cost|affordable|inexpensive)\b|"
                       r"\b(?:cheap|low[\s-]cost|affordable|inexpensive)\s+(?:and|but|yet|&|\+)\s+(?:also\s+)?(?:best|good|great)\b|"
                       r"又好又便宜|便宜又好(?:用)?|好用又便宜|物美价廉|性价比")  # fmt: skip
"""Good and cheap in one breath ("which is best and cheap"): quality and cost balanced."""
CHEAPEST_ASKED = (r"(?:what'?s|what\s+is|which\s+is|which'?s|whats|tell\s+me|give\s+me|show\s+me|i\s+want|we\s+want|just)\s+"
                  r"(?:the\s+)?cheapest\s+(?:[a-z-]+\s+)?(?:option|one|model|way|route|choice|plan|thing|solution)\b|"
                  r"(?:最便宜|最省钱)的(?:方案|办法|选择|是哪个|用哪个)")  # fmt: skip
"""A question asking for the cheapest option ("what's the cheapest safe option?"): asked along with what the person
tells (`agent.nodes.interview`), the priority becomes cost; asked alone it states nothing."""
PRIORITY_BALANCED = (r"(?:别|不要|不能|不想)太贵|不想花太多|价格(?:要)?合理|(?:don't|do\s+not)\s+want\s+(?:a\s+)?(?:surprise\s+)?bill|"
                     r"surprise\s+bill|not\s+too\s+(?:expensive|pricey|dear)|nothing\s+too\s+(?:expensive|pricey)|"
                     r"reasonabl[ey]\s+priced|sensible\s+price")  # fmt: skip
"""A wish not to overpay without a figure ("别太贵就行", "we just don't want a surprise bill"): quality and price
balanced, not the cheapest at any quality."""
SMALL_BUSINESS = (r"\b(?:small|tiny|little)\s+(?:online\s+|family\s+|local\s+|home\s+)?(?:shop|store|business|bakery|caf[eé]|"
                  r"restaurant|salon|studio|boutique|stall)\b|\bhome[\s-]based\s+business\b|小店|小生意|网店|开了?(?:一)?家小")  # fmt: skip
"""A one-person or very small business said in words ("i have small online shop selling handmade jewellery"): with
no volume said, a small figure is assumed (`agent.nodes.interview`), never the 10,000 a month of the menu."""
SMALL_VOLUME = 300
"""Requests a month assumed for a small business that gives no figure (about 10 a day), said so."""

# --- Tokens, context, size ------------------------------------------------------------------------
CONTEXT_CUE = r"context|window|上下文|窗口"
INPUT_CUE = (r"input|prompt|request|question|query|document|article|ticket|email|message|text|\bread(?:ing)?\b|"
             r"输入|提示|请求|问题|文档|文章|工单|邮件|消息|原文|阅读|读完")  # fmt: skip
"""Words saying a size is what goes in ("so they don't have to read three pages" is the letter, not the summary)."""
OUTPUT_CUE = (
    r"output|answer|response|repl(?:y|ies)|completion|summary|summaries|label|drafts?\b|输出|回答|回复|答案|生成|摘要|结果|初稿|草稿|稿子"
)
TOKENS = r"\s?(?:个\s?)?(?:tokens?|tok)\b|\s?(?:个\s?)?token"
PAGES = r"[\s-]?(?:pages?|页)"
KNOWLEDGE_NOUNS = (r"manuals?|handbooks?|\bdocs\b|documentation|polic(?:y|ies)|wiki|knowledge\s+base|guidelines|"
                   r"手册|知识库|制度|规章|资料库")  # fmt: skip
"""Documents that form a knowledge base the answers are looked up in (not the input of each request)."""
DOC_NOUNS = r"documents?|files?|articles?|pdfs?|文档|文件|资料|份|本|篇"
TOTAL_CUE = r"in\s+total|altogether|combined|all\s+together|overall|加起来|总共|一共|合计|总计|总量"
EACH_CUE = r"\beach\b|apiece|on\s+average|average|\bper\s+(?:document|manual|file)|每份|每本|每个|每篇|平均|一份|一本"
FEW_PAGES = r"(?:a\s+few|few|several|几|三五)\s*(?:pages?|页)"
"""Indefinite sizes ("a few pages each"), read as three pages."""
WORDS_UNIT = r"[\s-]?(?:words?)\b|\s?(?:个?字|个汉字)(?!符)"
ONE_WORD_OUTPUT = (r"one[\s-]word|single\s+word|a\s+(?:single\s+)?label|one\s+label|just\s+(?:a\s+)?(?:label|category)|"
                   r"yes\s+or\s+no|yes/no|一个词|一个标签|一个类别|只输出(?:一个)?(?:标签|类别)|是或否")  # fmt: skip
YES_NO = r"yes\s+or\s+no|yes/no|是或否"
REPLY_FORM = r"(?:tell\s+me|just|answer(?:\s+me)?|say|reply|give\s+me)(?:\s+(?:with|a|simple|straight|plain|quick))*"
"""Words asking for the form of our reply ("just tell me yes or no"), not the model's answer size."""
REPLY_TAIL = (r"(?:(?:please|pls|and|just|only)\s+)*(?:step[\s-]by[\s-]step|yes\s+or\s+no|yes/no|in\s+plain\s+(?:words|english)|"
              r"briefly|simply|in\s+short|one\s+by\s+one|一步一步(?:地|的)?(?:说|讲|来|教我)?|分步骤(?:说|讲)?|简单(?:说|讲)(?:一下)?)"
              r"(?:\s+(?:please|pls|thanks))*")  # fmt: skip
"""A clause after a question that only says how to answer it ("what do I do next, step by step")."""
FEW_LINES_OUTPUT = (r"(?:a\s+)?(?:few|couple(?:\s+of)?|two\s+or\s+three|three\s+or\s+four|2-3|3-4|2\s+or\s+3)\s+"
                    r"(?:lines|sentences)|(?:one|1)\s+or\s+two\s+(?:lines|sentences)|"
                    r"(?:几|两三|三四|三五|一两)(?:行|句话?)(?:字|文字)?(?:就行|就够|就可以|即可|左右)?")  # fmt: skip
"""An output described as a few lines ("the summary only needs to be a few lines", "两三句话就行")."""
QUESTION_KIND_AFTER = r"\s*(?:type\s+)?(?:questions?|qs)\b"
"""After "short answer": a kind of exam question ("short answer questions"), not the size of the model's answers."""
SHORT_OUTPUT = (r"(?:answers?|outputs?|responses?|replies|completions?)\s+(?:are|is|will\s+be|should\s+be)\s+"
                r"(?:very\s+|quite\s+|fairly\s+|pretty\s+)?(?:short|brief|tiny)|short\s+(?:answers?|outputs?|responses?|"
                r"replies)|(?:回答|输出|回复|答案)(?:都)?(?:很|比较|非常)?(?:短|简短)")  # fmt: skip

# --- Accuracy / cache -----------------------------------------------------------------------------
ACCURACY_CUE = r"accura|precision|correct|f1|success\s+rate|准确|正确|精度|精确|命中|准确率"
CACHE_CUE = r"cach|same\s+(?:system\s+)?prompt|repeated|shared\s+prefix|缓存|重复|相同的?(?:系统)?提示"

# --- Task types: checked in this order, the first that matches wins. -----------------------------
GRADED_WORK = (r"(?:grad(?:e|es|ing)|mark(?:s|ing)?|scor(?:e|es|ing)|assess(?:es|ing)?|check(?:s|ing)?|correct(?:s|ing)?)\s+"
               r"(?:[\w']+\s+){0,2}(?:essays?|assignments?|homework|compositions?|papers|answer[\s-]?sheets?|answer\s+scripts?|"
               r"copies|notebooks|unit\s+tests|tests|exams?|quizz?es)|"
               r"(?:marking|grading|checking|correcting)\s+(?:and|&|with|plus)\s+(?:writing\s+|giving\s+)?(?:remarks|comments|feedback)")
"""Marking pupils' work ("marking essays", "checking answer sheets", "marking and writing remarks")."""
GRADING = GRADED_WORK + r"|(?:给|批改)(?:学生)?(?:的)?(?:英语|语文)?作文|作文(?:打分|批改|评分)|批改|阅卷|判卷|打分"
"""Grading or marking work ("批改作文", "marking essays"): with no written comments asked for, it is judging a text
against criteria, ranked as classification; with comments ("写评语", "feedback") it is a writing task."""
FEEDBACK = r"评语|点评|评价|修改建议|反馈|comments?|feedback|remarks|write[\s-]?ups?"
QUIZ_WRITING = (r"(?:make|makes|making|create|creates|creating|write|writes|writing|prepare|prepares|preparing|set|sets|setting|"
                r"generate|generating|draft|drafting|design|designing|frame|framing|come\s+up\s+with)\s+(?:[\w()-]+\s+){0,3}?"
                r"(?:quiz(?:zes)?|question\s+papers?|test\s+papers?|exam\s+papers?|mcqs?|worksheets?|(?:quiz|test|exam|practice|"
                r"revision)\s+questions|lesson\s+plans?)\b|\bquiz\s+questions\b|\bmcqs\b|\bquestion\s+papers?\b|"
                r"出题|出卷|出试卷|出考题|出(?:练习题|习题|测验题?|小测|卷子|作业题)|(?:写|编|做)(?:测验|小测|试卷|练习题|选择题)|"
                r"出[^，。？！,.!?\s]{0,8}?(?:选择题|题目|试题|理解题|填空题|问答题)")
"""Writing quizzes and question papers for pupils ("make quiz questions (MCQs and short answers)", "set the weekly
test papers", "出题"): a writing task, not reasoning, whatever the subject is."""
MATH_SUBJECT = (r"\bteach\w*\b[^.;!?]{0,40}\bmath|\bmath(?:s|ematics)?\s+(?:and\s+[a-z]+\s+)?(?:teachers?|tutors?|classes|class|"
                r"lessons?|syllabus|department)\b|\b(?:science|physics|chemistry|biology|english|hindi|history)\s+(?:and|&)\s+math|"
                r"\b(?:good|strong|weak|bad|great|excellent|poor|better|best|top|struggles?|struggling)\s+(?:at|in|with)\s+math|"
                r"\bmath(?:s|ematics)?\s+(?:marks?|grades?|scores?|results?|exam\s+results?)\b|"
                r"(?:教|带)[^，。；！？]{0,6}数学|数学(?:老师|教师|课)")
"""Maths as the subject someone teaches ("I am teaching Science and Maths to Class 9") or a pupil's subject ("a student
good in maths", "her maths marks"): no reasoning task or need."""
GRADING_SHOWN: dict[tuple[str, str], str] = {
    ("writing", "en"): "grading essays, with written comments", ("writing", "zh"): "批改作文并写评语",
    ("classification", "en"): "grading essays (marks only)", ("classification", "zh"): "批改作文（打分）",
}  # fmt: skip
"""How a grading task is said back: in the person's words, not as "copywriting" (the ranking is the task type's)."""
QUIZ_AND_GRADING_SHOWN: dict[str, str] = {"en": "writing quiz questions, and marking with written remarks",
                                          "zh": "出题，以及批改并写评语"}
"""A teacher's quizzes and marking with remarks said together: both are writing, said back in her words."""
REPLY_FORM_CLAUSE = (r"(?:(?:simple|easy|short|clear|plain|small|basic)\s+)?(?:steps?|words|english|language|terms|points|answers?)"
                     r"(?:\s+(?:please|pls|only))?|(?:please\s+)?(?:explain|say|tell\s+me|keep\s+it)\s+(?:simply|simple|short|"
                     r"briefly|plainly)(?:\s+please)?|简单(?:点|一点|些)?(?:说|讲)?(?:就行|就好)?")
"""A clause that only asks how our reply should be ("Simple steps please"): it says nothing of the task."""
TASK_RESTATED = (r"我说(?:了|过)?(?:是|的是)|任务(?:类型)?(?:是|应该是|其实是)|你上面(?:还是|写的?还是|一直)|还是写(?:的)?(?:是)?|"
                 r"\bi\s+said\b|\bthe\s+task\s+is\b|\bit\s+(?:still\s+)?says\b|\byou\s+(?:still\s+)?(?:wrote|put|have)\b|"
                 r"\bwhy\s+does\s+it\s+say\b")  # fmt: skip
"""A task said again against the one shown ("我说了是批改作文，你上面还是写文案写作", "任务是批改作文", "why does it say
chatting?? its writing notes"): a correction of the task, never a second task."""
PHONE_ONLY = (r"只有(?:一)?(?:部|个|台)?手机|只用手机|只会用手机|都用手机|就(?:一|有|只有)(?:一)?(?:部|个|台)?手机|"
              r"(?:家里|店里|我|我们)?没(?:有)?(?:电脑|笔记本)|不会用电脑|不用电脑|电脑都没有|"
              r"(?:平时|一般|都)(?:只)?(?:在|用)手机(?:上)?(?:弄|操作|用|搞)")  # fmt: skip
"""A person who has or uses only a phone ("我只有手机，没有电脑", "家里没有电脑，就一个手机", "平时只用手机"): a
phone app used by hand; anything automatic needs someone with a computer, never an API walkthrough for them."""
AUTOMATE_ASK = (r"自动(?:发|发送|发布|回复|回|处理|跑|生成|推送)|自动化|全自动|不用(?:我)?(?:手动|动手|自己弄)|"
                r"让它自己(?:发|回|弄)|\bautomat\w*|\bauto[\s-]?(?:reply|replies|post|send|respond)")  # fmt: skip
"""A question whether the AI can do it by itself ("能不能让它自动发？", "能自动回复吗")."""
COST_OF_VOLUME_ASK = (r"多少钱|要多少|花多少|多少费用|费用(?:是)?多少|贵不贵|大概多少|\bhow\s+much\b|\bwhat\s+(?:would|will|does)\s+"
                      r"(?:it|that|this)\s+cost\b")  # fmt: skip
"""A question what a volume would cost ("每天三十封的话大概要多少钱？"): asked when the volume is the pending question,
its figure is the answer (the price follows with the recommendation)."""
PAPER_DOCUMENT = (r"化验单|检验单|化验报告|检验报告|检查报告|报告单|体检报告|检测报告|处方单?|病历|病历本|诊断书|b超单|彩超单|"
                  r"单子|单据|发票|小票|收据|票据|表格|快递单")  # fmt: skip
"""Paper a person photographs for the AI to read: lab reports (化验单, 检验报告), prescriptions, receipts, forms."""
PHOTO_OF_PAPER = (r"拍(?:照|张照|个照|一下|下来|下)?(?:片)?(?:的)?(?:" + PAPER_DOCUMENT + r")|(?:" + PAPER_DOCUMENT +
                  r")(?:的)?(?:照片|图片|相片)|(?:" + PAPER_DOCUMENT + r")拍(?:照|下来|下)")  # fmt: skip
"""A photographed paper document ("拍化验单给AI", "检验报告的照片", "化验单拍下来"): images as input."""
MEDICAL_PAPER = (r"化验单|检验单|化验报告|检验报告|检查报告|检查单|报告单|体检报告|检测报告|处方|病历|诊断书|b超单|彩超单|"
                 r"\blab\s+(?:reports?|results?|slips?|sheets?)|\b(?:blood|urine)\s+test\s+(?:results?|reports?)|\btest\s+reports?|"
                 r"\bprescriptions?|\bmedical\s+(?:reports?|records?)")  # fmt: skip
"""A patient's paper a clinic photographs: lab reports, prescriptions, medical records."""
PAPER_PHOTO = r"拍|照片|相片|图片|截图|扫描|识别|读图|看图|\bphotos?\b|\bpictures?\b|\bimages?\b|\bscans?\b|\bsnap"
"""Words that the paper goes to the AI as a picture."""
ID_ON_PAPER = (r"身份证|证件号|姓名|名字|住址|电话|手机号|医保卡号|社保卡号|病人信息|患者信息|个人信息|"
               r"\bid\s+(?:card\s+)?(?:numbers?|nos?\.?)|\bnational\s+id|\bnames?\b|\baddress(?:es)?\b|"
               r"\bpersonal\s+(?:details|data|info(?:rmation)?)")  # fmt: skip
"""Who the paper is about, printed on it: name, ID-card number, address, phone."""
PRIVACY_ASK = (r"隐私|泄露|泄漏|安全吗|安不安全|合法|违法|合规|犯法|个人信息保护|个保法|敏感|"
               r"(?:拍|发|传|给|上传|放)[^。？?！!]{0,12}(?:可以吗|行吗|行不行|可不可以|能不能|没问题吗|有问题吗|得不得|好吗)|"
               r"\bprivacy\b|\bsafe\b|\blegal\b|\ballowed\b|\bok(?:ay)?\s+to\b|\bproblem\b|\bgdpr\b|\bleak")  # fmt: skip
"""A question whether it is allowed or safe ("这样会不会有隐私问题？", "这样拍照给AI可以吗？", "is that legal?")."""
TASKS: tuple[tuple[str, str], ...] = (
    ("image_generation", r"generat\w*\s+(?:\w+\s+){0,2}(?:images?|pictures?|photos?|illustrations?|art)|"
     r"image\s+generation|text[\s-]to[\s-]image|draw|生成(?:图片|图像|插画|海报)|文生图|画图|作图|绘图|图片生成|图像生成"),
    ("speech_to_text", r"(?<!no\s)(?<!not\s)speech[\s-]to[\s-]text|transcrib|transcription|\basr\b|voice\s+(?:to\s+text|notes?|"
     r"messages?)|phone\s+calls?\s+recordings?|dictat(?:e|es|ed|ing|ion)\b|audio\s+(?:files?|recordings?)|"
     r"语音转文字|语音识别|转写|录音转|转录|口述|听写|录音整理|(?:整理|转成)文字"),
    ("embedding", r"embedding|vector(?:s|\s+search|\s+database|ize)?\b|semantic\s+search|向量|嵌入(?!式)|语义检索"),
    ("vision", r"\bvision\b|\bocr\b|scanned|scans?\b|photos?\s+of|screenshots?|images?\s+of|(?:read|understand|"
     r"analy[sz]e|describe|look\s+at)\w*\s+(?:\w+\s+){0,2}(?:images?|photos?|pictures?)|看图|图片理解|图像理解|识图|"
     r"扫描件?|照片|截图|图片中|图片里|拍照|发票图片|ocr|" + PHOTO_OF_PAPER),
    ("translation", r"translat|localiz|翻译|互译|译成|译为|翻成|本地化"),
    ("code", r"\bcod(?:e|ing)\b|programming|developer\s+assistant|code\s+review|write\s+(?:sql|python|scripts?)|"
     r"\bsql\b|copilot|编程|代码|写程序|程序员"),
    ("extraction", r"review\w*\s+(?:\w+\s+){0,2}contracts?|contract\s+review|(?:flag|check|analy[sz]e)\w*\s+(?:\w+\s+){0,2}"
     r"clauses|审(?:核|查|阅)?合同|合同(?:审核|审查|审阅|风险)|条款(?:审查|审核|风险)|extract|pull(?:s|ing)?\s+(?:\w+\s+){0,3}out\s+of|pull(?:s|ing)?\s+out|(?:into|to)\s+(?:a\s+|an\s+|our\s+|my\s+)?(?:spreadsheet|excel|csv)|key\s+(?:terms|fields|data)\s+(?:out\s+of|from)|"
     r"抽出|填到[^，。]{0,8}表|识别录入|(?:自动|帮忙|帮我们?)录入|录[入进](?:到)?(?:系统|表格|erp|excel)|parse\s+(?:fields|invoices|resumes|documents)|field\s+extraction|"
     r"\bner\b|named\s+entit|抽取|提取|解析(?:字段|发票|简历)|信息抽取"),
    ("classification", r"classif|categori[sz]|\btag(?:ging)?\b|label(?:ing|ling)?\s+(?:tickets|emails|messages|"
     r"reviews|documents)|sentiment|\broute\s+(?:tickets|emails)|triage|spam\s+detect|sort(?:s|ing)?\s+(?:\w+\s+){0,6}into|put\s+(?:each\s+|every\s+)?(?:\w+\s+){0,2}in(?:to)?\s+(?:a\s+|the\s+right\s+)?categor|"
     r"which\s+(?:team|department)|to\s+the\s+right\s+(?:team|department|person|queue|office|desk)|分类|归类|打标签|情感分析|分拣|分到|分派到|分发到|"
     r"screen(?:s|ing)?\s+(?:[\w,.]+\s+){0,3}(?:r[eé]sum[eé]s|cvs|candidates|applicants|applications)|shortlist(?:s|ing)?\s+(?:[\w,.]+\s+){0,3}(?:candidates|applicants)|"
     r"(?:r[eé]sum[eé]|cv|applicant)\s+screening|[筛篩](?:选|查|一下|一遍)?(?:一下)?(?:简历|履历)|(?:简历|履历)(?:的)?(?:初[筛篩]|[筛篩]选|[筛篩]查|初选)|初[筛篩]|海选简历"),
    ("summarization", r"summari|summary|summaries|tl;?dr|digest|condens|摘要|总结|概括|归纳|纪要|写病历|整理(?:成)?(?:门诊)?病历|病历整理|"
     r"整理成(?:记录|报告|要点|小结)|"
     r"(?:short|meeting|the|our|write|writes|writing|take|taking|draft|drafting|produce)\s+minutes\b(?!\s+(?:a|an|per|each|of\s+audio|long|later))|"
     r"action\s+(?:points|items)"),
    ("moderation", r"\bmoderat|content\s+(?:review|policy|filter)|toxic|hate\s+speech|harass|abusive|"
     r"内容审核|违规|审核(?:用户|评论|帖子|内容|图片|头像|照片)|(?:评论|帖子|内容|图片|头像|照片)(?:需要|要)?审核|敏感词|涉黄|涉政|"
     r"(?:nudity|explicit|graphic\s+content|gore|nsfw)"),
    ("agent", r"\bagentic\b|(?:ai|llm|autonomous|an)\s+agents?\b|autonomous|multi[\s-]step\s+(?:tasks|workflows)|"
     r"(?:look|looks)\s+up\s+.{0,40}\bin\s+(?:our|the)\s+(?:crm|erp|system|database|calendar)|"
     r"(?:books?|cancels?|reschedules?)\s+(?:\w+\s+){0,3}appointments?|by\s+itself|on\s+its\s+own|"
     r"智能体|自主代理|(?<=[\u4e00-\u9fff])agent|自动(?:下单|补货|预约|派单|操作)|调用[^，,。；;]{0,12}?(?:接口|api|系统)|"
     r"calls?\s+(?:our|internal|external)\s+(?:[\w-]+\s+){0,3}?apis?\b"),
    ("chat", r"(?:people|employees|staff|users|customers|everyone|colleagues)\s+can\s+(?:chat|talk)\s+(?:with|to)|"
     r"general[\s-]purpose\s+(?:assistant|chatbot)|(?:员工|大家|同事|用户)(?:都)?(?:可以|能)(?:和|跟)它(?:聊|对话)|通用(?:助手|聊天)"),
    ("writing", r"thank[\s-]?you\s+(?:notes?|cards?|letters?|e-?mails?|messages?)|progress\s+(?:notes|reports|updates)\s+for\s+(?:the\s+)?parents|copy[\s-]?writ|marketing\s+copy|ad\s+copy|product\s+descriptions?|slogans?|blog\s+posts?|"
     r"newsletters?|captions?|writ(?:e|es|ing)\s+(?:[\w-]+\s+){0,3}(?:descriptions?|replies|letters?|comments?|remarks|posts?|e-?mails|notices|"
     r"announcements?|adverts?|ads|job\s+ads|grant\s+applications?|proposals?|bids?|press\s+releases?|speeches|cover\s+letters?)|"
     r"(?:help|helps|helping)\s+(?:me\s+|us\s+)?(?:with\s+)?draft(?:ing)?\b|draft(?:s|ing)?\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:replies|"
     r"responses|answers|letters?|e-?mails?|notices?)|follow[\s-]?up\s+e-?mails|"
     r"(?:answer(?:ing)?|repl(?:y|ies|ying)\s+to|respond(?:ing)?\s+to)\s+(?:\w+\s+){0,2}(?:e-?mails|(?:google\s+|online\s+)?reviews)|"
     r"reminder\s+(?:texts?|messages?|e-?mails?|sms)|(?:writ(?:e|es|ing)|send|draft)\w*\s+(?:\w+\s+){0,2}(?:text\s+messages|sms|reminders?|recordatorios?)|"
     r"^(?:just\s+|only\s+)?writing[.!]*$|(?:^|[.!]\s*)writing[.!]*$|写短信|提醒短信|短信提醒|"
     r"\b(?:guess|probably|maybe|mostly|mainly|it'?s|its)\s+writing\b(?!\s+(?:code|style|skills|quality))|"
     + GRADED_WORK + r"|" + QUIZ_WRITING + r"|"
     r"(?:给|批改)(?:学生)?(?:的)?作文|作文(?:打分|批改|评分)|"
     r"文案|广告语|商品(?:描述|介绍|详情)|写(?:文章|推文|帖子|软文|评语|回复|通知|反馈|课后反馈)|(?:给|帮)(?!开发|程序员|研发)[^，,。；;！？、和跟与及再也还并筛篩]{1,6}?写(?!代码|程序|sql|脚本|单元测试|测试|函数|接口|bug)|写[^，,。；;、]{0,6}?(?:邮件|e-?mail|通知|公告|启事|文案|信|通讯|简报|周报|月报|广告)|"
     r"(?:帮(?:忙|我|我们|手)?|让\s?ai\s?|用\s?ai\s?)写(?!代码|程序|sql|脚本)|公众号文章|评语|起草|宣传(?:文字|文案|稿|帖子?|语)|"
     r"(?:回复|回)(?:\w{0,4})?邮件|回(?:复|应)?[^，。；！？]{0,8}?(?:评价|差评|好评|评论)"),
    ("qa", r"question[\s-]answering|\bq\s?&\s?a\b|\bqa\b|answer\s+(?:\w+\s+){0,2}questions|\brag\b|knowledge\s+base|"
     r"faq|help\s+desk\s+bot|问答|答疑|知识库|回答(?:\w{0,4})?问题"),
    ("reasoning", r"\breasoning\b|math(?:s|ematics|ematical)?\b|logic\s+puzzles|proofs?\b|推理|数学|逻辑题"),
    ("chat", r"chat\s?bot|(?<!copilot\s)\bchat\b(?!\s*(?:apps?|window|history|bubble|log|box|gpt)\b)|\bbot\b|answer\s+(?:\w+\s+){0,2}(?:messages|enquiries|inquiries|dms)|assistant|customer\s+(?:support|service)|conversational|companion|"
     r"客服|聊天|对话|陪聊|助手|助理|帮手(?!看|写|做|整|答|回|处理|搞|翻|记|计|睇)|答(?:客人|客户|顾客)|(?:买家|顾客|客户|用户|家长|学员|会员|客人|患者)(?:的)?咨询|售前|售后|"
     r"回(?:回|复|答)?(?:一下)?(?:买家|顾客|客户|客人|用户|会员|粉丝)[^，。；！？]{0,12}?(?:问题|消息|留言|咨询|查询)"),
)  # fmt: skip
SCREENING = r"screen|shortlist|screening|[筛篩]|初选|海选"
"""A classification rule hit that is screening applicants ("筛选简历", "screen résumés"): said back in those words."""
SCREENING_SHOWN = {"en": "screening CVs (classification)", "zh": "筛选简历（分类）"}
TWO_IN_ONE_CLAUSE = frozenset({"classification", "writing"})
"""Two tasks one clause may name together ("write job ads and screen résumés", "sort the emails and draft
the replies"): both are read (`offline.tasks_named`); for any other pair the first in TASKS names the clause."""
IMAGE_INPUT_ONLY = (r"scanned|scans?|photos?\s+of|screenshots?|images?\s+of|(?:read|look\s+at)\w*\s+(?:\w+\s+){0,2}(?:images?|photos?|pictures?)|"
                    r"扫描件?|照片|截图|拍照|图片中|图片里|发票图片|" + PHOTO_OF_PAPER)  # fmt: skip
"""Vision words that only say the input is images: another task word in the message says what is done."""
IMAGE_INPUT = TASKS[3][1] + r"|\b(?:photos?|pictures?|images?|scans?)\b|图片|照片|图像|扫描"
"""Images as input ("识别商品图片，自动打标签" is classification of images); not for image generation."""
AUDIO_INPUT = TASKS[1][1]

# --- Languages ------------------------------------------------------------------------------------
LANGUAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"中德", ("zh", "de")), (r"中日", ("zh", "ja")), (r"中韩", ("zh", "ko")), (r"中法", ("zh", "fr")),
    (r"中俄", ("zh", "ru")), (r"中西(?=互译|翻译|双语)", ("zh", "es")),
    (r"中英文?|中英双语|英汉|汉英|中英互译|chinese\s+and\s+english|english\s+and\s+chinese|bilingual\s+(?:en|zh|"
     r"chinese|english)", ("zh", "en")),
    (r"\b(?:mandarin|chinese|cantonese)\b(?!\s+(?:models?|providers?|compan|cloud|vendors?|market|government|"
     r"regulat|law))|中文|汉语|普通话|简体|繁体|粤语|国语|华语", ("zh",)),
    (r"\bspanglish\b", ("en", "es")), (r"\bhinglish\b", ("en", "hi")),
    (r"\benglish\b|英文|英语", ("en",)),
    (r"\bjapanese\b|日语|日文|日本語", ("ja",)), (r"\bkorean\b|韩语|韩文|한국어", ("ko",)),
    (r"\bfrench\b|法语|法文|\bfran[cç]ais\b", ("fr",)),
    (r"\bgerman\b|德语|德文|\bdeutsch\b", ("de",)), (r"\bspanish\b|西班牙语|西语|\bespa[nñ]ol\b|\bcastellano\b", ("es",)),
    (r"\bportuguese\b|葡萄牙语|葡语|\bportugu[eê]s\b", ("pt",)), (r"\brussian\b|俄语|俄文", ("ru",)),
    (r"\barabic\b|阿拉伯语", ("ar",)), (r"\bitalian\b|意大利语", ("it",)), (r"\bvietnamese\b|越南语", ("vi",)),
    (r"\bthai\b|泰语", ("th",)), (r"\bindonesian\b|印尼语", ("id",)), (r"\bhindi\b|印地语", ("hi",)),
    (r"\bdutch\b|荷兰语", ("nl",)), (r"\bturkish\b|土耳其语", ("tr",)), (r"\bpolish\b|波兰语", ("pl",)),
    (r"\bswahili\b|\bkiswahili\b|斯瓦希里语", ("sw",)), (r"\btagalog\b|\bfilipino\b(?!\s+pesos?)|他加禄语|菲律宾语", ("tl",)),
    (r"\bbengali\b|\bbangla\b|孟加拉语", ("bn",)), (r"\burdu\b|乌尔都语", ("ur",)), (r"\bpersian\b|\bfarsi\b|波斯语", ("fa",)),
    (r"\bamharic\b|阿姆哈拉语", ("am",)), (r"\bhausa\b|豪萨语", ("ha",)), (r"\byoruba\b|约鲁巴语", ("yo",)),
    (r"\bzulu\b|\bisizulu\b|祖鲁语", ("zu",)), (r"\btamil\b|泰米尔语", ("ta",)), (r"\bswedish\b|瑞典语", ("sv",)),
    (r"\bgreek\b|希腊语", ("el",)), (r"\bczech\b|捷克语", ("cs",)), (r"\bmalay\b|\bbahasa\s+melayu\b|马来语", ("ms",)),
    (r"\bukrainian\b|乌克兰语", ("uk",)), (r"\bromanian\b|罗马尼亚语", ("ro",)), (r"\bhebrew\b|希伯来语", ("he",)),
)  # fmt: skip

DATA_TALK = (r"\bdata\b|\binfo\b|information|addresses|card|privacy|private|safe|secure|数据|信息|地址|隐私|安全|"
             r"保密|泄露")  # fmt: skip
WANT_CUE = (r"\bwant|\bneed|would\s+like|looking\s+for|\bplan\s+to|trying\s+to|\bhelp\s+(?:us|me)\b|"
            r"想|希望|需要|打算|准备|用AI|用ai|帮(?:我|忙)")  # fmt: skip
"""A message that asks about data ("客户的订单信息和地址会在邮件里，这样安全吗？") without saying what is wanted
states no task or use case."""

SUMMARY_STEP = TASKS[8][1] + r"|meeting\s+minutes|minutes\s+of\s+(?:the\s+)?meetings?|write\s+(?:up\s+)?(?:the\s+)?minutes|会议记录"
"""A summary asked for after a transcription ("再写个会议纪要", "and write the meeting minutes")."""
CANTONESE = r"\bcantonese\b|粤语|广东话|廣東話|白话"
"""Cantonese: recorded as Chinese (zh, the catalog has no code of its own) and shown as "中文（含粤语）"."""

LANGUAGE_SHARE = (r"\b(?:half|some|most|many|a\s+few|a\s+lot|lots|several|part|a\s+third|a\s+quarter|\d+\s?%)\s+(?:of\s+)?"
                  r"(?:my|our|the|them|these|those)?\s*(?:customers|clients|reviews|people|students|parents|users|messages|"
                  r"patients|guests|visitors|them|folks)\b|(?:一半|部分|很多|不少|有些)(?:的)?(?:客户|顾客|评论|学生|家长|用户|病人|患者)")  # fmt: skip
"""A language said of part of the people ("half my customers write reviews en español"): it joins the languages held,
it does not replace them."""
LANGUAGE_WORD = (r"(?:english|spanish|espa[nñ]ol|french|german|chinese|mandarin|cantonese|japanese|korean|portuguese|russian|"
                 r"arabic|italian|vietnamese|thai|indonesian|hindi|swahili|tagalog|dutch|polish|turkish|malay|bengali|urdu)")  # fmt: skip
LANGUAGES_REPLACED = (r"\b(?:only|just|solely)\s+(?:in\s+)?(?:the\s+)?" + LANGUAGE_WORD + r"|" + LANGUAGE_WORD + r"\s+only\b|"
                      r"\binstead\b|no\s+more\s+" + LANGUAGE_WORD + r"|not\s+(?:in\s+)?" + LANGUAGE_WORD + r"|"
                      r"(?:any\s+more|anymore)|只要|只用|不要|改成|换成")  # fmt: skip
"""Words with which a language named replaces those held ("only Spanish", "instead", "改成英文")."""

SPANISH_WORDS = (r"(?<![\w])(?:tambi[eé]n|contestar|responder|rese[ñn]as|clientes|nuestros?|nuestras?|gracias|porque|pero|"
                 r"y\s+(?:los|las|el|la|mis|tambi[eé]n)|para\s+(?:los|las|mis?|el|la)|con\s+(?:los|las|mis?)|en\s+espa[ñn]ol|"
                 r"mi\s+(?:negocio|troca|camion|cami[oó]n)|la\s+gente)(?![\w])")  # fmt: skip
"""Spanish words in an English message ("need help w captions y también contestar los reviews"): the person writes
both, so both languages are inferred (two different hits needed; "Los Angeles" alone is no Spanish)."""

# --- Needs ----------------------------------------------------------------------------------------
TOOL_CALLING = (r"tool[\s-]?(?:calling|calls?|use|usage)|function[\s-]?call(?:ing|s)?|call\s+(?:our\s+|external\s+"
                r"|internal\s+)?(?:tools|functions|apis?)|use\s+tools|调用工具|工具调用|函数调用|调用函数|调用[^，,。；;]{0,12}?(?:接口|api)|"
                r"call\s+(?:our|their|the|its|internal|external)\s+(?:[\w-]+\s+){0,3}?apis?\b")  # fmt: skip
STRUCTURED = (r"\bjson\b|structured\s+(?:output|data|response|result)s?|json\s+schema|fixed\s+schema|"
              r"结构化(?:输出|数据|结果)?|json格式|输出json")  # fmt: skip
REASONING_NEED = (r"\breasoning\b|step[\s-]by[\s-]step|complex\s+logic|multi[\s-]step\s+(?:reasoning|logic)|"
                  r"think\s+hard|chain[\s-]of[\s-]thought|math|推理|复杂逻辑|多步|数学|深度思考")  # fmt: skip

STEPS_FOR_THE_PERSON = (r"(?:how\s+(?:do|can|should|would|to)\s+(?:i|we|you)?\b[^.?!]{0,80}?|(?:tell|show|explain|walk|guide|give)\s+"
                        r"(?:me|us)\b[^.?!]{0,60}?|\blike\s+|\bjust\s+|the\s+|some\s+|simple\s+|easy\s+)step[\s-]by[\s-]step|"
                        r"step[\s-]by[\s-]step\s+(?:guide|instructions?|how|for\s+(?:me|us|dummies|beginners))|"
                        r"一步一步(?:教|告诉|说)|(?:教我|告诉我)[^，。？]{0,10}(?:步骤|一步一步)")  # fmt: skip
"""Steps asked for the person to follow ("how do I use it for a review, like step by step", "walk me through it step by
step"): instructions to give, not a task that needs step-by-step reasoning (`needs.reasoning` stays unset)."""

# --- Deployment -----------------------------------------------------------------------------------
SELF_HOST = (r"self[\s-]?host(?:ed|ing)?|on[\s-]?prem(?:ise|ises)?\b|on\s+premises?|(?:our|its)\s+own\s+"
             r"(?:servers?|gpus?|hardware|infrastructure|data\s?cent(?:er|re)s?|machines|cluster)|in[\s-]house\s+"
             r"(?:servers?|hosting|deployment)|air[\s-]?gapped|本地部署|私有化部署|私有部署|内网部署|自己部署|自行部署|"
             r"server\s+room|servers?\s+(?:of\s+)?(?:our\s+own|ourselves)|host(?:ed|ing)?\s+(?:it\s+|them\s+)?(?:ourselves|in[\s-]house)|"
             r"run\s+(?:it\s+|them\s+)?(?:ourselves|in[\s-]house|locally)|(?:inside|within|on)\s+our\s+(?:own\s+)?(?:network|intranet)|"
             r"私有化|内网|本地(?:运行|跑)|公司内部(?:部署|运行)|本地化部署|离线部署|自建|自托管|部署在(?:我们)?(?:本地|内网|公司|院内|自己的?)|"
             r"(?:自己|自有)的?(?:机房|服务器|政务云|私有云|数据中心)|(?:我们|公司)(?:有|有一台|有几台)?(?:自己的)?服务器|机房")  # fmt: skip
STAY_INSIDE = (r"(?:can't|cannot|can\s+not|must\s+not|mustn't|shouldn't|never|not)\s+(?:ever\s+)?leave\s+(?:our|the)\s+(?:own\s+)?"
               r"(?:building|premises|office|site|network|hospital|clinic|practice|surgery|factory|plant|bank)|"
               r"(?:stays?|be\s+kept|kept|remain)\s+(?:inside|within|in)\s+(?:our|the)\s+(?:own\s+)?(?:building|premises|office|hospital|"
               r"clinic|practice|network)|"
               r"不(?:能|得|可以|要|准)?(?:出|离开|流出)(?:我们|本|这个)?(?:厂|工厂|医院|公司|大楼|内网|机房|园区|行内|院内|单位|本单位|局里|所里|诊所|"
               r"卫生院|卫生所|卫生室|卫生服务中心|门诊部|学校|律所|事务所)|"
               r"(?:病历|数据|资料|信息|记录|档案)[^，,。；;？?]{0,4}(?<!能)不(?:能|得|可以|准)(?:出院|出所|出厂|出楼)|"
               r"不(?:能|可以|想|要)?(?:让[^，,。；;？?]{0,8})?(?:传|发|送)到(?:外面|外部|院外|公司外)")  # fmt: skip
"""Data that must stay inside the person's own building ("data can't leave our building", "数据不出医院"): only on
their own servers (self-hosted), asked as a wish too ("能不能不出医院？")."""
SELF_HOST += "|" + STAY_INSIDE
ASKED_INSIDE = r"(?:能不能|可不可以|能否|可以|能)(?:让)?(?:数据|病人信息|资料)?(?:" + STAY_INSIDE + r")|\bcan\s+(?:it|we|the\s+data)\s+(?:stay|be\s+kept)\s+(?:inside|within|in)\s+(?:our|the)\s+(?:own\s+)?(?:building|premises|office|hospital|clinic|practice|network)"
"""Staying inside asked as a question ("能不能不出医院？"): the wish, recorded, and the question answered."""
CLOUD_ONLY = (r"(?:don't|do\s+not|doesn't|does\s+not)\s+have\s+(?:any\s+)?(?:servers?|gpus?|hardware|data\s?cent(?:er|re)s?)|"
              r"\bno\s+(?:servers?|gpus?|it\s+(?:team|department))\b|any\s+cloud|cloud\s+(?:is|are)\s+(?:ok|okay|fine)|"
              r"没有(?:自己的)?(?:服务器|机房|显卡|GPU|gpu|运维)|没(?:有)?服务器|(?:都|就)?用云|云服务|公有云|云端|"
              r"用[^，,。；;自]{0,6}云(?:服务|端)?(?:就行|就好|就可以|可以|都行|即可)")  # fmt: skip
"""Statements that the model will run at a provider, not on the person's own machines ("we have no
servers", "都用云"); a self-hosting statement in the same message wins."""
OPEN_WEIGHTS = r"open[\s-]?source|open[\s-]?weights?|开源|开放权重|权重公开"
PROVIDERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bopenai\b|\bchatgpt\b|\bgpt(?:-?\d\w*)?\b", ("openai",)),
    (r"\bazure\b|微软|microsoft", ("azure",)),
    (r"\banthropic\b|\bclaude\b", ("anthropic",)),
    (r"google\s+vertex|\bvertex(?:\s+ai)?\b", ("google-vertex",)),
    (r"\bgoogle\b|\bgemini\b|谷歌", ("google",)),
    (r"\baws\b|\bbedrock\b|\bamazon\b|亚马逊", ("amazon-bedrock",)),
    (r"\bdeepseek\b|深度求索", ("deepseek",)),
    (r"\bmistral\b", ("mistral",)),
    (r"\bgroq\b", ("groq",)),
    (r"\balibaba\b|\bqwen\b|dashscope|阿里云|阿里|通义|百炼|千问", ("alibaba", "alibaba-cn")),
    (r"\bzhipu\b|\bglm\b|智谱", ("zhipuai",)),
    (r"\bmoonshot\b|\bkimi\b|月之暗面", ("moonshotai", "moonshotai-cn")),
    (r"\bminimax\b", ("minimax", "minimax-cn")),
    (r"\bxai\b|\bgrok\b", ("xai",)),
    (r"\bcohere\b", ("cohere",)),
    (r"\btogether(?:\s+ai)?\b", ("togetherai",)),
    (r"\bfireworks\b", ("fireworks-ai",)),
    (r"\bopenrouter\b", ("openrouter",)),
    (r"\bdeepinfra\b", ("deepinfra",)),
    (r"\bcerebras\b", ("cerebras",)),
    (r"\bperplexity\b", ("perplexity",)),
    (r"\bnvidia\b|英伟达", ("nvidia",)),
    (r"\bhugging\s?face\b", ("huggingface",)),
    (r"\bsiliconflow\b|硅基流动", ("siliconflow", "siliconflow-cn")),
    (r"腾讯|\btencent\b|混元", ("tencent-tokenhub",)),
    (r"\bmeta\b|\bllama\b", ("meta", "llama")),
)  # fmt: skip
ONLY_CUE = (r"\bonly\b|must\s+(?:use|be|go\s+through|run\s+on|stay\s+(?:on|with))|(?:has|have)\s+to\s+(?:run\s+on|use|"
            r"go\s+through|stay\s+(?:on|with))|\bexcept\b|other\s+than|nothing\s+(?:else|but)|approved|allowed|restricted\s+to|limited\s+to|whitelist|"
            r"we\s+(?:can|are\s+allowed\s+to)\s+use|has\s+to\s+be|exclusively|只能|只用|仅|必须(?:用|使用|是)|"
            r"限于|限定|只允许|只接受|只考虑|白名单|(?<!不)(?:还是|就|改|决定|选择?)用|换成")  # fmt: skip
PROVIDER_PRODUCT = (r"\s*(?:'s\s+)?(?:reviews?|maps|business(?:\s+profile)?|my\s+business|docs|sheets|slides|drive|workspace|"
                    r"classroom|calendar|ads|search|play|photos|forms|meet|sites|listings?|sellers?|seller\s+central|stores?|"
                    r"shops?|prime|marketplace|word|outlook|excel|teams|365|office|powerpoint|onedrive|sharepoint|accounts?|"
                    r"for\s+education|edu)\b|\s*的?(?:表格|文档|地图|邮箱|云盘|翻译|搜索|应用商店|商店|账号)")  # fmt: skip
"""A maker's name that is one of its ordinary products ("only Google reviews", "Amazon listings", "Microsoft 365"):
no statement about which AI provider may be used."""
ORG_USES_CUE = (r"(?:our|the|my)\s+(?:company|firm|organi[sz]ation|org|employer|business|group|it\s+(?:department|team)|"
                r"corporate)\s+(?:already\s+)?(?:uses|is\s+on|runs\s+on|is\s+an?\s+\w+\s+shop|(?:is\s+)?standardi[sz]ed\s+on)|"
                r"we(?:'re|\s+are)\s+(?:an?\s+)?(?:all[\s-]in\s+on|standardi[sz]ed\s+on)|公司(?:用的是|统一用)")  # fmt: skip
"""An organisation's own cloud or vendor ("our company uses Azure"): a provider requirement, like "only"."""
EXCEPT_CUE = r"\bexcept\b|other\s+than|nothing\s+but"
"""The cues of ONLY_CUE that follow a negation ("no vendor except Google"): the provider after them is allowed."""
COMPANY_FROM: tuple[tuple[str, str], ...] = (
    ("eu", r"\b(?:european|eu)\s+(?:company|companies|provider|providers|vendor|vendors|firm|one|model\s+maker)\b|"
           r"not\s+(?:an?\s+)?american(?:\s+(?:one|company|provider))?\b|欧洲的?(?:公司|厂商|服务商)"),
    ("cn", r"(?:国内|中国)的?(?:公司|厂商|服务商|大模型厂商)|chinese\s+(?:company|companies|provider|providers|vendor)\b(?!\s+law)"),
)  # fmt: skip
"""A maker or provider asked for by where the company is ("one from a European company", "国内厂商的"):
the providers under that jurisdiction (`knowledge.catalog.curated.PROVIDER_JURISDICTIONS`)."""
RESIDENCY: tuple[tuple[str, str], ...] = (
    ("eu", r"\beu\b|europe|germany|france|netherlands|ireland|austria|belgium|italy|spain|poland|"
           r"sweden|finland|denmark|欧盟|欧洲|德国|法国|荷兰|爱尔兰"),
    ("us", r"\bus\b(?!\s*(?:dollars?|\$|cents?|bucks))|\busa\b|united\s+states|(?<!south\s)(?<!latin\s)(?<!central\s)"
           r"america(?!n\s+dollars?)|美国"),
    ("cn", r"\bchina\b|mainland|中国|国内|境内|大陆"),
    ("uk", r"\buk\b|\bu\.k\.|united\s+kingdom|\bbritain\b|\bengland\b|\bscotland\b|\bwales\b|英国"),
    ("au", r"\baustralia\b|\baus\b|澳大利亚|澳洲"),
)
"""Regions data may be required to stay in. "uk" and "au" have few or no offerings known to be there: the
shortlist says so rather than the rule being dropped."""
UNSUPPORTED_PLACES: tuple[tuple[str, str, str], ...] = (
    ("Canada", "加拿大", r"\bcanada\b|\bontario\b|\bqu[eé]bec\b|\bbritish\s+columbia\b|\balberta\b|加拿大"),
    ("New Zealand", "新西兰", r"\bnew\s+zealand\b|\bnz\b(?!\$)|新西兰"),
    ("South Africa", "南非", r"\bsouth\s+africa\b|\bsa\b(?=\s+(?:only|law|servers?))|南非"),
    ("Singapore", "新加坡", r"\bsingapore\b|新加坡"),
    ("India", "印度", r"\bindia\b|印度"),
    ("Japan", "日本", r"\bjapan\b|日本"),
    ("South Korea", "韩国", r"\b(?:south\s+)?korea\b|韩国"),
    ("Switzerland", "瑞士", r"\bswitzerland\b|瑞士"),
    ("Norway", "挪威", r"\bnorway\b|挪威"),
    ("Hong Kong", "香港", r"\bhong\s+kong\b|香港"),
    ("Taiwan", "台湾", r"\btaiwan\b|台湾"),
    ("Brazil", "巴西", r"\bbrazil\b|巴西"),
    ("Mexico", "墨西哥", r"\bmexico\b|墨西哥"),
    ("the UAE", "阿联酋", r"\buae\b|united\s+arab\s+emirates|\bdubai\b|阿联酋|迪拜"),
    ("Saudi Arabia", "沙特", r"\bsaudi\b|沙特"),
)  # fmt: skip
"""Countries data may be asked to stay in that the residency field (`RESIDENCY`) cannot hold: (EN name, ZH name,
pattern). Such a wish records no residency (never a neighbour's: Canada is not the US); the chat says which
regions can be required, so the person can choose."""
HONG_KONG = (r"\bhong\s+kong\b|香港|\bkowloon\b|\bnew\s+territories\b|\bkwun\s+tong\b|\bmong\s?kok\b|\bcauseway\s+bay\b|"
             r"\btsuen\s+wan\b|\bsha\s?tin\b|\btsim\s+sha\s+tsui\b|\bwan\s+chai\b|\bsham\s+shui\s+po\b|\byuen\s+long\b|"
             r"\btuen\s+mun\b|\btseung\s+kwan\s+o\b|\btai\s+po\b|\bkwai\s+chung\b|\bnorth\s+point\b|\byau\s+ma\s+tei\b|"
             r"\bhung\s+hom\b|\btung\s+chung\b|\bquarry\s+bay\b|"
             r"九龙|新界|港岛|观塘|旺角|铜锣湾|荃湾|沙田|尖沙咀|湾仔|深水埗|元朗|屯门|将军澳|大埔|葵涌|葵青|北角|柴湾|油麻地|"
             r"红磡|佐敦|何文田|荔枝角|粉岭|天水围|东涌|鲗鱼涌|筲箕湾|黄大仙|土瓜湾|坚尼地城|西环|上环|中环|大屿山")  # fmt: skip
"""Hong Kong and its districts and best-known neighbourhoods, in Simplified (the brain reads Traditional through
`hant.to_simplified`: "觀塘", "銅鑼灣", "九龍") and in English ("Kwun Tong", "Mong Kok"): a person there is in Hong Kong,
where the US makers do not offer their apps (`knowledge.availability`)."""
PLACES: tuple[tuple[str, str, str, str], ...] = (
    ("cn", "mainland China", "中国大陆",
     r"\bmainland\s+china\b|\bchina\b(?!\s+(?:law|models?|providers?|compan))|\b(?:beijing|shanghai|shenzhen|guangzhou|hangzhou|"
     r"chengdu|chongqing|wuhan|nanjing|suzhou|xi'?an|tianjin|xiamen|qingdao|ningbo|yiwu|dongguan|foshan)\b|"
     r"中国大陆|大陆|内地|国内|中国(?!法律|的?(?:厂商|公司|模型|服务商))|北京|上海|深圳|广州|杭州|成都|重庆|武汉|南京|苏州|西安|天津|厦门|青岛|宁波|"
     r"义乌|东莞|佛山|长沙|郑州|合肥|昆明|沈阳|大连|济南|福州|无锡|温州|石家庄|哈尔滨|长春|南宁|贵阳|南昌|太原|兰州|乌鲁木齐|"
     r"浙江|江苏|广东|四川|山东|河南|河北|湖南|湖北|福建|安徽|江西|云南|贵州|广西|陕西|山西|辽宁|吉林|黑龙江"),
    ("hk", "Hong Kong", "香港", HONG_KONG),
    ("tw", "Taiwan", "台湾", r"\btaiwan\b|\btaipei\b|\bkaohsiung\b|\btaichung\b|\btainan\b|\bhsinchu\b|\btaoyuan\b|\bnew\s+taipei\b|"
     r"台湾|台北|新北|高雄|台中|台南|新竹|桃园|基隆|嘉义|彰化|屏东|宜兰|花莲|台东|苗栗|云林|南投|澎湖|金门"),
    ("sg", "Singapore", "新加坡", r"\bsingapore\b|新加坡"),
    ("ca", "Canada", "加拿大", LOCAL_DOLLAR[0][1]),
    ("us", "the US", "美国",
     r"\bthe\s+us\b(?!\s*(?:dollars?|\$))|\bthe\s+u\.s\.?|\busa\b|\bunited\s+states\b|\bamerica\b(?!n)|\bnew\s+york\b|\bnyc\b|"
     r"\bcalifornia\b|\btexas\b|\bflorida\b|\bchicago\b|\bseattle\b|\bboston\b|\blos\s+angeles\b|\bsan\s+francisco\b|"
     r"\bohio\b|\bmichigan\b|\boregon\b|\bportland\b|\bdenver\b|\batlanta\b|\bmiami\b|\bphoenix\b|\bdallas\b|\bhouston\b|"
     r"\baustin\b|美国|纽约|加州"),
    ("uk", "the UK", "英国",
     r"\buk\b|\bu\.k\.|\bunited\s+kingdom\b|\bbritain\b|\bengland\b|\bscotland\b|\bwales\b|\bnorthern\s+ireland\b|"
     r"\blondon\b|\bleeds\b|\bmanchester\b|\bbirmingham\b|\bglasgow\b|\bedinburgh\b|\bbristol\b|\bliverpool\b|"
     r"\bsheffield\b|\bcardiff\b|\bbelfast\b|\bnewcastle\b|\bnottingham\b|\bleicester\b|\byorkshire\b|英国|伦敦"),
    ("eu", "the EU", "欧盟",
     r"\bthe\s+eu\b|\beurope\b|\bgermany\b|\bfrance\b|\bireland\b|\bnetherlands\b|\bholland\b|\bbelgium\b|\bspain\b|"
     r"\bitaly\b|\bportugal\b|\baustria\b|\bpoland\b|\bsweden\b|\bfinland\b|\bdenmark\b|\bgreece\b|\bczech\w*|"
     r"\bdublin\b|\bcork\b|\bgalway\b|\bberlin\b|\bmunich\b|\bhamburg\b|\bparis\b|\blyon\b|\bmadrid\b|\bbarcelona\b|"
     r"\brome\b|\bmilan\b|\bamsterdam\b|\brotterdam\b|\bbrussels\b|\bvienna\b|\blisbon\b|\bwarsaw\b|\bstockholm\b|"
     r"\bcopenhagen\b|\bhelsinki\b|\bathens\b|\bprague\b|欧盟|欧洲|德国|法国|荷兰|爱尔兰|西班牙|意大利"),
    ("au", "Australia", "澳大利亚",
     r"\baustralia\b|\bbrisbane\b|\bsydney\b|\bmelbourne\b|\bperth\b|\badelaide\b|\bcanberra\b|\bqueensland\b|"
     r"\bnew\s+south\s+wales\b|\bvictoria\b(?=\s*,?\s*(?:australia|au)\b)|\btasmania\b|\bhobart\b|\bdarwin\b|\bgold\s+coast\b|"
     r"澳大利亚|澳洲|悉尼|墨尔本|布里斯班"),
    ("other", "South Africa", "南非", r"\bsouth\s+africa\b|\bcape\s+town\b|\bjohannesburg\b|\bjoburg\b|\bdurban\b|\bpretoria\b|南非|开普敦"),
    ("other", "New Zealand", "新西兰", LOCAL_DOLLAR[1][1]),
    ("other", "India", "印度", r"\bindia\b|\bmumbai\b|\bbombay\b|\b(?:new\s+)?delhi\b|\bbangalore\b|\bbengaluru\b|\bchennai\b|"
     r"\bhyderabad\b|\bpune\b|\bkolkata\b|\bcalcutta\b|\bahmedabad\b|\bjaipur\b|\blucknow\b|\bnoida\b|\bgurgaon\b|\bgurugram\b|"
     r"\bchandigarh\b|\bkochi\b|\bbhopal\b|\bindore\b|\bnagpur\b|\bsurat\b|\bthane\b|\bpatna\b|印度|孟买|新德里|班加罗尔"),
    ("other", "Japan", "日本", r"\bjapan\b|\btokyo\b|\bosaka\b|日本|东京|大阪"),
    ("other", "South Korea", "韩国", r"\b(?:south\s+)?korea\b|\bseoul\b|韩国|首尔"),
    ("other", "Switzerland", "瑞士", r"\bswitzerland\b|\bzurich\b|\bgeneva\b|瑞士"),
    ("other", "Norway", "挪威", r"\bnorway\b|\boslo\b|挪威"),
    ("other", "Brazil", "巴西", r"\bbrazil\b|巴西"),
    ("other", "Mexico", "墨西哥", r"\bmexico\b|墨西哥"),
    ("other", "the UAE", "阿联酋", r"\buae\b|united\s+arab\s+emirates|\bdubai\b|阿联酋|迪拜"),
    ("other", "Malaysia", "马来西亚", r"\bmalaysia\b|\bkuala\s+lumpur\b|马来西亚|吉隆坡"),
    ("other", "the Philippines", "菲律宾", PHILIPPINE_PLACES),
)  # fmt: skip
"""Where a person can be (`Requirements.location`): (code, EN name, ZH name, pattern of the country and its
main cities). The first place a statement names decides; "other" keeps the country's name to say it back.
A place says what services can be bought there, never where data must stay."""
TW_CUES = r"(?<![a-z])line(?![a-z])|健保|新台币|台币|\bnt\$|统一编号|统编|身分证字号|个资法|劳健保|牙医诊所"
"""Words that, in a message written in Traditional Chinese (not Cantonese), say the person is in Taiwan
(`location` tw, inferred): LINE, the messaging app clinics and shops there answer customers on; 健保
(Taiwan's National Health Insurance); 新台币 / NT$; 统一编号 (a Taiwan business number); 身分证字号;
个资法; 牙医诊所 (Hong Kong says 牙科诊所). Read on the Simplified reading of the message. Traditional
characters alone never place anyone (Hong Kong, Macao and the diaspora write them too)."""
ITEM_DROP = (r"(?:^|[\s,;.!(])(?:not|no\s+more|scratch|drop|forget(?:\s+about)?|skip|ditch|remove|cancel|leave\s+out|never\s*mind)\s+"
             r"(?:about\s+)?(?:the\s+|our\s+|my\s+|that\s+|those\s+|any\s+)?(?P<item>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)"
             r"(?=\s*(?:part|bit|thing|side|stuff)?\s*(?:[,;.!?)]|\band\b|\bjust\b|\bonly\b|\bthen\b|\bplease\b|$))|"
             r"不要(?:做|写|回)?(?P<item_zh>[\u4e00-\u9fff]{1,6}?)了?[，,。；;]\s*(?:只|就只)")  # fmt: skip
"""An item of the task turned down ("So NOT the messages, just the posts", "scratch the captions", "forget the
replies"): dropped from the use case, the volume and what was said about it, when the use case names it."""
ITEM_KEEP = (r"(?:^|[\s,;.!(])(?:just|only)\s+(?:do\s+|want\s+|need\s+|keep\s+)?(?:the\s+|our\s+|my\s+)?"
             r"(?P<item>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)(?=\s*(?:please|then|for\s+now|thanks)?\s*(?:[,;.!?)]|$))|"
             r"(?:只|就只)(?:要|做|写|回)?(?P<item_zh>[\u4e00-\u9fff]{1,6}?)(?:就行|就好|吧)?(?:[，,。；;！!]|$)")  # fmt: skip
"""The item kept beside one turned down ("…, just the posts", "only the captions please")."""
THANKS_ONLY = (r"^\s*(?:ok(?:ay)?\s*,?\s*|great\s*,?\s*)?(?:thanks?|thank\s+you|thx|ty|cheers|salamat|谢谢|多谢|感谢)"
               r"(?:\s+(?:so\s+much|a\s+lot|mate|po|very\s+much|again))*\s*[!.~。！]*\s*$")  # fmt: skip
"""A message that only thanks ("thanks mate", "thank you po!"): no answer to a pending question, and no sign of
one that was not understood."""
PHONE_ONLY = (r"\b(?:i|we)\s+(?:only|just)\s+(?:have|use|got)\s+(?:a\s+|my\s+|our\s+)?(?:smart)?(?:phones?|mobiles?|cell(?:\s*phones?)?)\b|"
              r"\b(?:only|just)\s+(?:have\s+|use\s+)?(?:a\s+|my\s+|our\s+)(?:smart)?(?:phones?|mobiles?|cell(?:\s*phones?)?)\b|"
              r"\bno\s+(?:computers?|laptops?|pcs?|desktops?)\b|"
              r"\b(?:don'?t|do\s+not|doesn'?t|never)\s+(?:have|own|use)\s+(?:a\s+|any\s+)?(?:computers?|laptops?|pcs?|desktops?)\b|"
              r"\bwithout\s+(?:a\s+)?(?:computers?|laptops?|pcs?)\b|"
              r"\b(?:i|we)\s+do\s+(?:everything|it\s+all|all\s+of\s+it|all)\s+(?:on|from)\s+(?:my|our|the)\s+(?:phones?|mobiles?)\b|"
              r"\b(?:phone|mobile)[\s-]only\b|\bonly\s+(?:on|from)\s+(?:my|our|a)\s+(?:phones?|mobiles?)\b|"
              r"只有(?:一部|一台|个)?手机|就一(?:部|台|个)手机|没有电脑|没电脑|冇电脑")  # fmt: skip
"""The person has a phone and no computer ("I only have my phone", "no computer, just my phone", "I do everything
on my phone", "我只有手机，没有电脑"): a chat app installed on the phone, used by hand (`phone_only`)."""
LOCATION_CUE = (r"\b(?:sell|selling|sells|work|working|run|running|operate|operating|ship|shipping|write|writing)\b[^.;!?]{0,24}\bfrom\s+$|"
                r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are|i\s+live|we\s+live|i\s+work|we\s+work|based|located|living|"
                r"i'?m\s+from|we'?re\s+from|said)\b[^.;!?]{0,24}$|\bin\s+(?:(?:downtown|central|north|south|east|west|"
                r"greater)\s+)?$|\b(?:here|out)\s+in\s+$|(?:我|我们|我哋|人|公司|店|医院|学校)(?:就|也|都|现在)?(?:在|是|住(?:在)?)$|"
                r"(?:当然|肯定|都|就)是$|(?:在|位于)$")  # fmt: skip
"""What stands before a place that says the person is there ("we're in Toronto", "a clinic in Leeds",
"我就在成都", "当然是国内"); a place said alone ("Brisbane", "Canada!") needs none."""
LOCATION_AFTER_ZH = (r"^(?:[\u4e00-\u9fff]{0,3}[区县市镇])?(?:的(?:一家|一个|一所|一间|小|[\u4e00-\u9fff]{0,6}(?:公司|店|馆|厅|铺|社|"
                     r"医院|学校|诊所|门诊|中心|工厂|厂|工作室))|开|做生意|这边|这里|本地|一家|一个|一间|一所|人|耶|啊|呀|哦|喔|能用|可以用)")  # fmt: skip
"""What follows a place in Chinese that says the person is there ("义乌的一家外贸公司", "成都开店", "台湾耶", "成都武侯区
一个小门诊", "观塘的茶餐厅")."""
LOCATION_NOT_HERE = (r"(?:stay|stays|kept|keep|stored?|host(?:ed)?|process(?:ed)?|servers?|data\s+cent|region|"
                     r"留在|存在|放在|存储|服务器|机房|出境|境外|国外|海外|卖到|出口到|发往|客户|顾客|买家|游客|客人|ship(?:ping)?\s+to|export|"
                     r"customers?\s+(?:are\s+)?in|clients?\s+(?:are\s+)?in|visitors?\s+from|tourists?|游客|来自)")  # fmt: skip
"""Words in a clause that make its place somewhere else than where the person is: where data stays or
servers run (`deployment.data_residency`), where customers or goods are."""
LOCATION_ASKED_ZH = r"(?:在|到)?国内(?:能|可以|能不能|可不可以)?用|国内(?:的)?(?:能|可以)用"
"""A Chinese question that says where the person is ("能在国内用吗": they are in mainland China)."""
LOCATION_SOFT = (r"if\s+possible|ideally|preferably|would\s+be\s+nice|otherwise\s+(?:whatever|anything|any)|"
                 r"not\s+a\s+must|doesn'?t\s+have\s+to|最好|尽量|如果可以|可以的话|不强求|都行|无所谓")  # fmt: skip
"""A place said as a preference, not a rule ("australia if possible, otherwise whatever"): where the person is,
and no data-residency rule."""

NO_CHINA = (r"\bno\s+china\b|\bnot\s+(?:in\s+|to\s+|via\s+|through\s+)?china\b|(?:can't|cannot|can\s+not|must\s+not|mustn't|"
            r"shouldn't|may\s+not|never|not\s+allowed\s+to)\s+(?:go|be\s+sent|be\s+stored|be\s+processed|end\s+up|be\s+hosted)\s+"
            r"(?:to|in)\s+china\b|\bno\s+chinese\s+(?:providers?|compan(?:y|ies)|models?|vendors?|firms?|servers?|clouds?|apis?)|"
            r"nothing\s+(?:chinese|from\s+china)|(?:avoid|exclude|excluding|without)\s+(?:china|chinese\s+(?:providers?|compan(?:y|ies)|"
            r"models?|vendors?))\b|(?:never|not)\s+(?:to\s+)?(?:a\s+)?chinese\s+(?:providers?|compan(?:y|ies)|servers?|vendors?)|"
            r"不(?:能|得|可以|要|准|许)?(?:传|发|送|放|存|上传|存放|存储|流|去|到|出境)(?:到|去|往|至|在)?(?:中国|大陆|内地)|"
            r"不(?:要|能|想|准|许)?(?:用|考虑|选)?(?:中国|大陆|内地)(?:的)?(?:厂商|公司|模型|服务商|服务器|云)?|"
            r"(?:排除|避开)(?:中国|大陆|内地)(?:的)?(?:厂商|公司|模型|服务商)?")  # fmt: skip
"""Data that must not go to China, or providers under Chinese law ruled out ("no China", "they can't go to
China", "数据不能出境到中国", "不要大陆的厂商"): `deployment.excluded_jurisdictions` ("cn")."""
DATA_WORD = (r"\bdata\b|数据|服务器|server|hosted|host|records?|files?|documents?|letters?|\binfo(?:rmation)?\b|"
             r"\bnotes\b|\bdetails\b|资料|信息")
"""A word for the data or where it is kept, which a residency wish names ("the notes must stay in the UK")."""
RESIDENCY_CUE = (r"stay|remain|reside|resid|stored?|host|kept|keep|leave|must\s+be\s+in|inside|within|located|"
                 r"sovereign|gdpr|不能出境|不出境|不得出境|出境|留在|存储在|存放在|境内|国内|本地化存储|数据合规")  # fmt: skip
DATA_NOT_LEAVE_CN = (
    r"数据不(?:能|得|可以)?出境|不能出境|不出境|(?:最好|尽量)?(?:别|不要)出境|数据(?:要|必须)?(?:留在|存储在|存放在)(?:中国)?(?:国内|境内)|"
    r"(?:必须|要|需要|只能)(?:在|留在|放在|存在|存储在)(?:中国)?(?:国内|境内)|"
    r"不(?:能|得|可以|要|准|许)?(?:传|发|送|放|存|上传|存放|存储|流)(?:到|去|往|至|在)(?:国外|境外|海外)|"
    r"不(?:能|得|可以|要|准)?(?:出国|去国外|到国外|到境外)|(?:不用|不要|不能用)(?:国外|境外|海外)的?(?:服务器|云|模型|厂商)|"
    r"(?:那就|还是|就)?(?:放|存|部署|留)(?:在)?(?:国内|境内)(?:吧|的|就行|就好|好了)?(?![\u4e00-\u9fff]{0,3}(?:吗|不|呢))"
)
"""Data that must stay in China. "国外/境外/海外" (abroad) is outside China: a person writing Chinese means
China ("合同内容很敏感，不能传到国外的服务器")."""
NOT_ABROAD = (r"(?:can't|cannot|can\s+not|must\s+not|mustn't|shouldn't|may\s+not|never)\s+(?:leave|go\s+outside)\s+(?:the|our|this)\s+"
              r"country|(?:stay|remain|be\s+stored|be\s+kept)\s+in[\s-](?:the\s+|our\s+)?country|in[\s-]country\s+(?:hosting|servers?|"
              r"data)|(?:no|not\s+on|not\s+to)\s+(?:servers?\s+)?(?:abroad|overseas|foreign\s+servers?)")  # fmt: skip
"""Data that must stay in the person's country, not naming it: the country they say they are in decides."""
GPUS: tuple[tuple[str, str], ...] = (
    (r"\bh100s?\b", "H100-80GB"), (r"\bh200s?\b", "H200"), (r"\bb200s?\b", "B200"),
    (r"\ba100[\s-]?40\s?gb?\b", "A100-40GB"), (r"\ba100s?\b(?![\s-]?40)", "A100-80GB"),
    (r"\bl40s\b", "L40S"), (r"\ba10g?s?\b", "A10G"), (r"\bl4s?\b", "L4"),
    (r"\b(?:rtx\s?)?4090s?\b", "RTX-4090"), (r"\bmi300x?\b", "MI300X"),
)  # fmt: skip
_GPU_WORD = r"(?:\d+\s?gb|\d{3,4}[a-z]*|rtx|nvidia|amd|geforce|own|local|dedicated|consumer|[hab]\d{2,3}|l4|l40s|a10g?|mi300x?)"
GPU_COUNT: tuple[tuple[str, int], ...] = (
    (rf"(?<!than\s)\b(?:single|one|1)\s+(?:{_GPU_WORD}\s+){{0,3}}(?:gpu|graphics\s+card)\b(?!s)", 1),
    (rf"\ba\s+(?:single\s+)?(?:{_GPU_WORD}\s+){{0,2}}\d+\s?gb\s+(?:{_GPU_WORD}\s+)?(?:gpu|graphics\s+card)\b(?!s)", 1),
    (rf"\b(?:two|2)\s+(?:{_GPU_WORD}\s+){{0,3}}(?:gpus|graphics\s+cards)\b", 2),
    (rf"\b(?:four|4)\s+(?:{_GPU_WORD}\s+){{0,3}}(?:gpus|graphics\s+cards)\b", 4),
    (rf"\b(?:eight|8)\s+(?:{_GPU_WORD}\s+){{0,3}}(?:gpus|graphics\s+cards)\b", 8),
    (r"单卡|单张(?:显卡|gpu)|一(?:块|张)[\w\s]{0,8}?(?:显卡|gpu)", 1),
    (r"(?:两|2)(?:块|张)[\w\s]{0,8}?(?:显卡|gpu)|双卡", 2),
)  # fmt: skip
"""How many GPUs the person has ("on our own single 24 GB GPU", "两块 4090 显卡"): `deployment.max_gpus`."""
OWNED_MACHINE = (r"买(?:一|1)?(?:台|部)(?:自己的)?(?:电脑|机器|服务器|工作站|主机)|一次性(?:付钱|付款|买断|投入|花钱|的钱)|"
                 r"\bbuy\s+(?:a|one|our\s+own|an?\s+office)\s+(?:\w+\s+)?(?:computer|pc|machine|server|workstation)\b|"
                 r"\bone[\s-]off\s+(?:payment|purchase|cost|price)\b")  # fmt: skip
"""A computer bought once for the office ("我是想买一台电脑，一次性付钱，几万块以内", "buy one PC for the office"):
self-hosting on a bought workstation (`deployment.hardware` "owned"), one card unless more are said."""
QUANTIZATION: tuple[tuple[str, str], ...] = (
    ("int4", r"\bint4\b|4[\s-]?bit|\bq4\b|\bawq\b|\bgptq\b"), ("int8", r"\bint8\b|8[\s-]?bit(?!\s*float)|\bq8\b"),
    ("fp8", r"\bfp8\b"), ("bf16", r"\bbf16\b"), ("fp16", r"\bfp16\b|half\s+precision"),
)  # fmt: skip

# --- Data -----------------------------------------------------------------------------------------
LABELED = r"label(?:l)?ed|annotated|hand[\s-]labell?ed|tagged|gold|标注|已标注|打好标签|人工标注"
EXAMPLES = (
    r"examples?|samples?|data|records?|rows?|items?|pairs?|tickets?|emails?|documents?|数据|样本|条|例子|示例"
)
NO_LABELED = (r"(?:no|zero|without|don't\s+have\s+(?:any\s+)?|do\s+not\s+have\s+(?:any\s+)?|haven't\s+got\s+(?:any\s+)?)"
              r"\s*(?:label(?:l)?ed|annotated)\s+(?:data|examples|samples)|没有(?:任何)?(?:标注|已标注)(?:的)?(?:数据|样本)|"
              r"无标注数据|没有标注")  # fmt: skip
PROPRIETARY = (r"internal\s+(?:docs|documents|documentation|wiki|knowledge|data|policies|manuals?)|our\s+(?:own\s+)?"
               r"(?:[a-z]+\s+)?(?:docs|documents|documentation|wiki|knowledge\s+base|manuals?|handbooks?|polic(?:y|ies)|product\s+catalog|"
               r"product\s+(?:info|information|data|details|sheets?)|price\s+lists?|faqs?)|"
               r"company\s+(?:docs|documents|wiki|knowledge|policies)|knowledge\s+base|proprietary|private\s+documents|"
               r"our\s+(?:own\s+)?(?:[a-z]+\s+)?(?:files|records|archives?|case\s+files|contracts|reports|catalogue)\b|"
               r"内部文档|内部资料|内部知识|公司文档|公司资料|知识库|产品手册|内部数据|企业文档|私有数据|私有知识|"
               r"(?:我们|公司|自己)(?:的)?[\u4e00-\u9fff]{0,4}(?:手册|资料库?|档案|文档|规章制度|制度|案卷|文件)")  # fmt: skip
CHANGES_OFTEN = (r"(?:change|changes|changing|updated?|updates|refreshed)\s+(?:very\s+)?(?:often|frequently|constantly|"
                 r"daily|weekly|every\s+(?:few\s+|couple\s+of\s+|two\s+|other\s+)?(?:days?|weeks?|months?|release)|"
                 r"with\s+(?:every|each)\s+(?:release|update|version)|all\s+the\s+time|regularly)|frequently\s+(?:updated|"
                 r"changing)|constantly\s+(?:updated|changing)|经常(?:更新|变化|变动|改)|频繁(?:更新|变化|变动)|"
                 r"每(?:天|周|月)(?:都)?(?:更新|变化|变)|(?:不断|持续|实时)(?:更新|变化)|更新(?:很|非常)?(?:快|频繁)")  # fmt: skip
RARELY_CHANGES = r"rarely\s+change|static|don't\s+change|do\s+not\s+change|seldom\s+(?:change|updated)|很少(?:更新|变化|变)|基本不变|不怎么变"
MUST_NOT_LEAK = (r"(?:must|can't|cannot|can\s+not|mustn't|must\s+not|shouldn't|should\s+not|never|won't|don't|do\s+not)"
                 r"\s+(?:ever\s+)?(?:be\s+)?(?:leak(?:ed)?|get\s+out|get\s+shared|be\s+shared|go\s+public)|"
                 r"(?:绝对|千万|一定|决)?(?:不能|不可以|不得|不许|不可|不要|别|不想|不希望)(?:被)?(?:外?泄露?|泄漏|外泄|外传|传出去|流出去?|给外人看)")  # fmt: skip
"""Data said to be secret in the person's own words ("报价和客户名单绝对不能泄露", "the price lists must not leak"):
a statement about the data, recorded as confidential."""
SENSITIVITY: tuple[tuple[str, str, bool], ...] = (
    ("restricted", r"top\s+secret|classified|restricted\s+data|绝密|涉密", False),
    ("confidential", r"confidential|sensitive|secret|机密|保密|敏感|" + MUST_NOT_LEAK, False),
    ("confidential", r"\bpii\b|personal\s+data|personally\s+identifiable|patient|medical\s+records?|health\s+"
     r"records?|\bhipaa\b|financial\s+(?:records?|data|info)|health\s+(?:info|information|data)|"
     r"(?:credit\s+|debit\s+|bank\s+)?card\s+(?:stuff|details|numbers?|info|data)|credit\s+cards?|payment\s+(?:details|info)|"
     r"(?:home\s+|customer\s+)?addresses|phone\s+numbers|social\s+security|passports?|(?:id|identity)\s+(?:numbers?|cards?)|"
     r"tax\s+(?:stuff|returns?|records?|data|info|documents?|files?)|private\s+(?:people|individuals|persons)|护照|税务|报税|个税|隐私|病历|患者|病人|医疗数据|"
     r"健康(?:信息|数据)|身份证|银行卡|信用卡|手机号|电话号码|(?:家庭|收货|客户的?)?地址|订单信息|个人(?:资料|信息|隐私)|"
     r"(?:客户|客人|顾客|市民|居民|患者|病人|学生|员工|业主)(?:的)?(?:资料|信息|姓名|电话|身份)|"
     r"\bclients?'?s?'?\s+(?:files?|records?|matters?|cases?|documents?|data|details|papers?|accounts?)\b|"
     r"\b(?:case|legal|court|matter)\s+files?\b|\bconveyancing\s+files?\b|\bwills?\s+and\s+probate\b|"
     r"personal\s+(?:information|info|details)|\bcvs\b|résumés|job\s+applications|applicants'?\s+(?:data|details|information)|"
     r"(?:students?|pupils?|children|kids|minors)'?s?\s+(?:essays?|homework|work|assignments?|data|records?|grades?|names?)|"
     r"学生(?:的)?(?:作文|作业|成绩|信息|数据|姓名)|未成年|孩子的?(?:作文|作业|信息)|"
     r"数据[^，,。；;]{0,4}不(?:能|可以|得)(?:出|离开)|data\s+(?:can't|cannot|can\s+not|must\s+not|mustn't|may\s+not|"
     r"never)\s+leave", True),
    ("public", r"public\s+data|publicly\s+available|open\s+data|(?:all\s+|just\s+)?public\s+(?:reviews?|posts?|comments?|"
     r"info(?:rmation)?|content|documents?|filings?|records?|pages?|material)|(?:is|are|it's|they're)\s+(?:all\s+)?"
     r"public\b|nothing\s+(?:secret|sensitive|private|confidential)|not\s+(?:secret|sensitive|confidential)\s+at\s+all|"
     r"\bno\s+personal\s+(?:data|info(?:rmation)?|details)\b|"
     r"公开|没(?:有)?什么(?:敏感|机密|秘密|隐私)|不敏感|不涉密|没有个人信息", False),
)  # fmt: skip
NOVEL_DOMAIN = (r"no\s+(?:existing\s+)?model\s+(?:has\s+)?(?:seen|knows|understands)|low[\s-]resource\s+language|"
                r"(?:our\s+own|proprietary|in[\s-]house)\s+programming\s+language|unknown\s+dialect|"
                r"没有模型(?:见过|懂|会)|小语种|低资源语言|自研(?:编程)?语言")  # fmt: skip

# --- Dialogue acts --------------------------------------------------------------------------------
CONFIRM = (r"yes|yeah|yep|yup|sure|ok|okay|k|correct|right|exactly|that's\s+right|that\s+is\s+right|looks\s+good|"
           r"sounds\s+good|looks\s+right|all\s+good|good|great|perfect|fine|go\s+ahead|go\s+on|proceed|continue|confirm(?:ed)?|"
           r"lgtm|yes\s+please|do\s+it|that's\s+it|agreed|absolutely|of\s+course|👍|✅|"
           r"是|是的|对|对的|对啊|没错|没问题|可以|好|好的|好啊|行|行的|确认|正确|就这样|继续|嗯|嗯嗯|同意|当然|ok的|可以的|需要|要")  # fmt: skip
REJECT = (r"no|nope|nah|not\s+really|wrong|incorrect|not\s+right|that's\s+wrong|that's\s+not\s+right|negative|"
          r"don't|do\s+not|not\s+needed|no\s+need|👎|❌|不|不对|不是|错了|不行|不要|不需要|不用|否|没有|不可以|不正确|无需")  # fmt: skip
DONT_KNOW = (r"i\s+don't\s+know|not\s+sure|no\s+idea|don't\s+care|whatever|any|either|use\s+the\s+default|default|"
             r"skip|you\s+decide|up\s+to\s+you|doesn't\s+matter|不知道|不确定|不清楚|都行|随便|无所谓|默认|跳过|你决定|都可以")  # fmt: skip
CORRECTION = (r"\bactually\b|\bcorrection\b|\bi\s+meant\b|\bsorry\b|\bwait\b|\binstead\b|\bchange\s+(?:it|that|this|"
              r"the\s+\w+)\s+to\b|\bchange\s+to\b|\bmake\s+it\b|\bupdate\s*:|\bnot\s+\S+\s+but\b|\brather\b|\bscratch\s+that\b|\bno\s*,|改成|改为|换成|更正|其实|应该是|"
              r"不对|(?<!是)不是(?!不是)|错了|更新一下|修改|改一下|改下|说错了|重新说")  # fmt: skip
RESET = (r"start\s+(?:over|again|afresh)|\breset\b|\brestart\b|from\s+scratch|new\s+(?:conversation|session|chat)|"
         r"clear\s+(?:everything|all)|forget\s+(?:everything|all)|重新开始|重来|从头开始|清空|重置|重新来")  # fmt: skip
ASKS_PICK = (r"which\s+(?:one|model|of\s+them)|what\s+should\s+(?:i|we)\s+(?:pick|choose|use|go\s+with|get)|which\s+should|what\s+(?:do|should)\s+(?:i|we)\s+do|what\s+next|next\s+steps?|what\s+now|"
             r"[选用]哪(?:一)?(?:个|款|家)|推荐哪(?:一)?个|哪(?:一)?个(?:最|更)?(?:好|便宜)|用边个|下一步|接下来|怎么开始|该怎么做|该干嘛|干什么")  # fmt: skip
"""A question asking for the pick or what to do next: never small talk, whatever it sounds like."""
GREETING = (r"hi|hello|hey|hiya|howdy|good\s+(?:morning|afternoon|evening)|greetings|yo|hi\s+there|hello\s+there|"
            r"你好|您好|嗨|哈喽|哈罗|早上好|下午好|晚上好|在吗|hello呀|你好呀")  # fmt: skip
HEDGE = (r"maybe\b|perhaps\b|probably\b|possibly\b|around\b|about\b|roughly\b|approximately\b|like\b|"
         r"i\s+guess\b|i\s+think\b|say\b|~|可能|大概|也许|估计|差不多|大约|应该")  # fmt: skip
"""Words that open a tentative answer ("maybe $100 a month?"): such a clause is not a question."""
HEDGED_TOPIC = (r"(?:(?:the|our|my)\s+)?(?:monthly\s+)?(?:budget|volume|spend(?:ing)?)(?:\s+(?:is|would\s+be|could\s+be|of))?"
                r"\s*(?:'s|:|-|,)?\s*")  # fmt: skip
"""A topic said before a hedge ("Budget maybe 500 pesos a month?", "budget is maybe $20?"): the hedge still
opens a tentative answer, not a question."""
APPROXIMATE = (r"\b(?:maybe|perhaps|probably|possibly|around|about|roughly|approximately|approx|or\s+so|ish)\b|~|大概|大约|"
               r"差不多|可能|也许|估计|左右|上下")  # fmt: skip
"""Words that make a figure approximate ("Budget maybe 500 pesos a month?", "around £30"): said back as such."""
TENTATIVE = (r"\bsort\s+of\b|\bkind\s+of\b|\bi\s+(?:suppose|guess|reckon)\b|\bi'?d\s+say\b|\bi\s+was\s+(?:thinking|hoping|imagining)\b|\bsomething\s+like\b|我猜|估计是|应该是吧|我想的是|"
             r"\b(?:so|then|that'?s|thats)\s+(?:maybe|probably|about|around|roughly|like)\s+\d|"
             r"\d[^?]{0,24}\b(?:maybe|perhaps|i\s+guess|or\s+so)\s*\?*\s*$")  # fmt: skip
"""A hedge inside a clause that ends with "?" ("so i suppose keep it in europe?", "3 shifts a day so maybe 90
notes a day??"): an answer, unsure."""
REPORTED_SPEECH = (r"^(?:(?:but|and|so|then|now|earlier|before|first|ok|okay|wait|hang\s+on),?\s+)*(?:you|u)\s+(?:just\s+|first\s+|also\s+|then\s+|now\s+)?"
                   r"(?:said|say|told\s+(?:me|us)|wrote|recommended|suggested|mentioned)\b|"
                   r"^(?:但是?|可是|而且|然后)?(?:你|您)(?:前面|之前|刚才|刚刚|上面|一开始|先|开始|明明|不是)?(?:说|讲|写|建议|推荐|告诉我)(?!错)(?:的|过)?|"
                   r"^(?:但是?|可是|而且|然后)?(?:现在|后来|然后|这里|下面|后面)?又(?:说|讲|让|叫|建议)(?!错)")  # fmt: skip
"""A clause reporting what the assistant said ("before you said just use the chat app", "你前面说不要把客户文件
贴到聊天应用", "现在又说先用聊天应用试"): our words quoted back, asked about, never the person's requirement."""
QUESTION_START = r"(?:what|what's|whats|wats|wat's|wat\s+is|why|how|which|who|whom|whose)\b"
CAN_AI_DO = (r"^(?:(?:so|and|but|also|well),?\s+)?(?:can|could|would|will)\s+the\s+(?:ai|model|bot|chatbot|system|tool)\s+(?:really\s+|actually\s+)?"
             r"(?:help|answer|reply|write|draft|sort|tag|classify|summari[sz]e|translate|extract|read|pull|handle|check|label|route)\b|"
             r"^(?!.*\b(?:what|why|how|which)\b).*\b(?:told\s+me|heard|says?|said|think|thought|reckon|read\s+that)\s+(?:that\s+)?"
             r"(?:ai|it|a\s+model|chatgpt|a\s+(?:chat)?bot|an?\s+ai(?:\s+\w+)?)\s+(?:can|could|would|might)\s+(?:\w+\s+){0,2}?"
             r"(?:help|answer|reply|write|draft|sort|tag|classify|summari[sz]e|translate|extract|read|handle|check|do)\b|"
             r"^(?:(?:so|and|but|also|well),?\s+)?(?:can|could|would|will)\s+(?:ai|it|you|this|a\s+model|an?\s+(?:ai|llm|model)|"
             r"these\s+models|chatgpt|a\s+chatbot)\s+(?:really\s+|actually\s+)?(?:help\s+(?:me|us)\b|be\s+used\s+to\b|"
             r"(?:answer|reply|write|draft|sort|tag|classify|categori[sz]e|summari[sz]e|translate|extract|read|pull|"
             r"handle|check|label|route)\b|do\s+(?:that|this|it|the\s+same)\b)|"
             r"^(?:(?:我|我们)?(?:想|就想)?(?:问问|问一下|请问)[，,]?\s?)?(?:ai|人工智能|大模型|模型|你|它)?(?:能|能不能|可以|可不可以|能否)"
             r"(?:帮我|帮我们|帮忙|用来|用于)")  # fmt: skip
"""A question whether AI can do a task ("Could it help me answer customer emails?", "AI能帮我回复客户邮件吗？"):
it states the task, so it is read as one, not looked up in the guide."""
AI_DO_THAT = (r"^(?:(?:so|and|but|also|well),?\s+)?(?:can|could|would|will)\s+(?:ai|it|you|this|a\s+model|an?\s+(?:ai|llm|model))\s+"
              r"(?:really\s+|actually\s+)?do\s+(?:that|this|it|the\s+same)\b|^(?:ai|人工智能|大模型|你)?(?:能|能不能|可以|可不可以)(?:做|干|帮忙)?(?:这个|这事|这件事)|"
              r"^(?:这个|这样|这事|这些)?(?:也|还)?(?:能行不|能行吗|行不行|行吗|可以吗|可行吗|能做吗|能搞吗|能不能做到?|做得到吗|靠谱吗)[吧呀啊吗呢]?$|"
              r"^(?:can|could)\s+it\s+(?:do|handle)\s+(?:that|this)\s+(?:too|as\s+well)\b|^is\s+that\s+(?:a\s+)?(?:different|separate)\s+thing\b|"
              r"^(?:is\s+(?:that|this|it)\s+(?:possible|doable|something\s+ai\s+can\s+do)|is\s+that\s+a\s+thing)\b")  # fmt: skip
"""A capability question that points back at the task just described ("Can AI do that for me?"): no task of its own."""
PROCEED = (r"^(?:so\s+|ok\s+|and\s+)?(?:where\s+(?:do|should)\s+(?:i|we)\s+(?:start|begin)|how\s+do\s+(?:i|we)\s+(?:start|begin)|"
           r"what\s+do\s+you\s+(?:suggest|recommend)|any\s+(?:suggestions|recommendations|ideas)|can\s+you\s+recommend\s+(?:something|one|a\s+model)|"
           r"i\s+(?:didn'?t|did\s+not)\s+ask\s+(?:a\s+|any\s+)?question)\b|"
           r"^(?:能|可以|麻烦)?(?:给我|帮我|帮忙)?推荐(?:一下|一个|个)?(?:吗|吧|呗)?$|^有(?:什么|啥)推荐(?:吗|的)?$|^(?:从哪|怎么)(?:开始|入手|下手)(?:呢|啊)?$")  # fmt: skip
"""Asking to go on ("where do I start?", "能推荐一下吗") at the end of a description: no side question."""
WORRY = (r"^(?:but\s+|and\s+|so\s+)?what\s+if\b|\bif\s+it\s+(?:gets|says|tells|makes|gives)\b.*\bwrong\b|\bworried\b|"
         r"\bmy\s+(?:biggest\s+|main\s+|only\s+)?worry\b|you\s+(?:didn'?t|did\s+not|never)\s+answer|"
         r"万一|担心|就怕|你(?:还)?没(?:有)?(?:回答|说)")  # fmt: skip
"""A worry or an unanswered question said as a statement ("what if it tells someone a cake is nut free",
"you didnt answer about allergens", "万一它答错了"): answered like a question."""
EXAMPLES_OPEN = (r"问|咨询|比如|例如|像是|诸如|\bask(?:s|ing)?\b|such\s+as|\blike\b|e\.g\.|for\s+example|"
                 r"\bquestions\b|\bqueries\b")  # fmt: skip
ASKERS = (r"(?:people|customers?|members?|buyers?|clients?|users?|patients?|students?|parents?|guests?|visitors?|residents?|"
          r"they|folks)\s+(?:\w+\s+){0,2}?(?:ask(?:s|ing)?|want(?:ing)?\s+to\s+know|enquir\w*|inquir\w*)\b|questions?\s+(?:like|such\s+as)|"
          r"(?:买家|客人|顾客|用户|学生|家长|会员|客户|病人|患者)(?:一般|经常|主要|大多|都)?(?:问|咨询|想知道)")  # fmt: skip
"""Who asks the questions quoted after it ("mostly people asking what time classes are, cancelling, how much
memberships cost"): the questions that follow in the message are examples, not asked of us."""
EXAMPLES_CLOSE = (r"(?:这种|之类的?|这些|等等|这样的|什么的|这类)\s*$|\betc\.?\s*$|and\s+so\s+on|that\s+kind\s+of\s+thing|"
                  r"(?:stuff|things)\s+like\s+that")  # fmt: skip
"""Questions quoted as examples of what customers ask ("问发货啊 辣不辣啊 能放多久这种") lie between these."""
QUESTION_ZH = (r"[吗呢么嘛]$|(?:安全|可以|能用|好用|靠谱|合适|划算|够|贵|行|管用|有用)不$|什么|为什么|为何|怎么|怎样|如何|哪个|哪些|哪种|哪家|是否|能否|能不能|可不可以|有没有|"
               r"要不要|区别|多少钱|是啥|啥是|什么时候|咋|为啥|"
               r"([\u4e00-\u9fff])不\1(?!\1)")  # fmt: skip
"""A Chinese question: its particles and words, and the A-not-A form ("安不安全", "会不会", "行不行")."""
COST_ECHO = (r"(?:is|was)\s+that\s+(?:all|it|everything|the\s+total|the\s+whole\s+(?:bill|cost))|that'?s\s+all\s*\?|"
             r"(?:only|just)\s+(?:that|this)\s+much|就这些(?:钱)?吗|就这么(?:多|点)|一共就|只要这么(?:多|点)")  # fmt: skip
"""A sum said back and asked about ("So £3.54 a month, is that all I pay?"): a question, not a budget."""
NOT_A_QUESTION_ZH = (r"(?:判断|看看?|检查|识别|确认|分析|区分|标出|找出|告诉我们|看一下)[^，,。；;？?]{0,16}?"
                     r"(?:有没有|是不是|是否|能不能|哪些|什么|对不对|好不好|行不行|([\u4e00-\u9fff])不\1)|没(?:有)?什么|不怎么")  # fmt: skip
"""Question words that ask nothing: an embedded question the task states, "没什么" (nothing much)."""
NEGATORS_EN = (r"\b(?:no|not|don't|dont|doesn't|doesnt|do\s+not|does\s+not|without|never|neither|nor|won't|"
               r"isn't|aren't|needn't|nothing|no\s+need\s+(?:for|to)|changed?\s+(?:it\s+|that\s+)?from|instead\s+of|rather\s+than|"
               r"forget(?:\s+about)?|drop(?:ping)?|skip(?:ping)?|never\s+mind|scrap|ditch)\b")  # fmt: skip
NEGATORS_ZH = r"不需要|不用|无需|没有|没|不要|不必|不能|不|无|非|别|免"
NOT_NEGATORS_ZH = r"识别|区别|类别|分别|级别|特别|个别|性别|辨别|鉴别|告别|非常|无论|免费|并非只"
"""Words holding a negator character that negate nothing ("识别", "非常", "免费")."""
NEGATED_AFTER = (r"^\s*(?:is|are)?\s*(?:not|n't)\s+(?:needed|required|necessary|important)|^\s*(?:isn't|aren't)\s+"
                 r"(?:needed|required|necessary)|^\s*(?:不需要|不用|没必要|不必|不重要|可以不要)")  # fmt: skip

ORDINALS_EN = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "fifth": 4,
               "5th": 4, "sixth": 5, "6th": 5, "seventh": 6, "eighth": 7, "ninth": 8, "tenth": 9, "last": -1,
               "former": 0, "latter": -1}  # fmt: skip
ORDINALS_ZH = {
    "一": 0,
    "二": 1,
    "两": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "七": 6,
    "八": 7,
    "九": 8,
    "十": 9,
}

PERSONAL_DATA_CN = re.compile(
    r"简历|个人信息|个人资料|客户资料|客户信息|客户名单|病历|病人资料|患者|员工信息|员工资料|员工档案|人事档案|"
    r"身份证|手机号|电话号码|家庭住址|候选人|应聘者|求职者|学生资料|学生信息|会员资料|会员信息"
)
"""Words naming personal information ("简历", "客户资料", "病历", "员工信息")."""
_ABROAD_CN = r"(?:国外|境外|海外|外国|香港|澳门|台湾|港澳台|港澳|新加坡|美国|日本|欧洲)"
_SEND_ABROAD = rf"(?:传|发|放|存|上传|转|送|拿|交|同步)(?:到|去|给|出)?(?:[^。？?！!，,]{{0,4}}的)?{_ABROAD_CN}"
CROSS_BORDER_CN = re.compile(
    r"数据出境|出境安全评估|(?:传|发|放|存)到(?:国外|境外|海外)(?:的)?(?:服务器|云)?[^。？?！!]{0,10}(?:算不算|算|是不是|要不要|需不需要)|"
    rf"(?:能不能|可不可以|可以|能否|能|允许|行不行|让不让)[^。？?！!，,]{{0,8}}{_SEND_ABROAD}|"
    rf"(?<!会)(?<!不会){_SEND_ABROAD}[^。？?！!]{{0,12}}(?:行吗|可以吗|行不行|可不可以|能不能|算不算|合不合规|合规吗|合法吗|违法吗|犯法吗)"
)
"""Whether data may be sent to servers abroad (Hong Kong, Macau and Taiwan included): a cross-border transfer
under China's rules ("我们的产品资料传到国外服务器算不算数据出境？", "简历能不能传到香港的服务器上？");
"数据会不会传到美国？" asks where a service keeps data, not this."""
