"""Traditional Chinese and common Cantonese characters read as their Simplified / Mandarin counterparts
(data), so that "我係香港保險經紀 想整個AI幫手答客人WhatsApp查詢" is read like "我是香港保险经纪…".

One character for one character (`str.translate`), so spans stay aligned with the person's own text,
which is what the chat quotes back. Only the brain's reading uses it; replies keep the person's words.
"""

from __future__ import annotations

import re

_PAIRS = (
    # Cantonese written forms -> the Mandarin word they stand for (one character each)
    "係是 嘅的 唔不 冇没 喺在 佢他 啲些 咗了 乜什 咩啥 睇看 諗想 俾给 搵找 噉这 嘢西 咁这 畀给 揾找 嚟来 揀选 "
    # Traditional -> Simplified
    "個个 們们 這这 還还 問问 題题 詢询 資资 預预 幣币 經经 紀纪 險险 單单 條条 續续 戶户 幫帮 萬万 兩两 "
    "塊块 錢钱 費费 貴贵 數数 據据 隱隐 機机 譯译 總总 結结 寫写 類类 別别 圖图 識识 語语 轉转 錄录 應应 "
    "該该 對对 話话 務务 讓让 說说 請请 處处 發发 現现 時时 間间 點点 為为 麼么 嗎吗 來来 會会 裡里 裏里 "
    "後后 從从 與与 樣样 頁页 號号 碼码 電电 郵邮 網网 貨货 買买 賣卖 價价 訂订 運运 產产 質质 準准 確确 "
    "內内 國国 區区 臺台 灣湾 醫医 診诊 療疗 藥药 師师 學学 習习 員员 職职 開开 關关 門门 書书 讀读 議议 "
    "專专 業业 財财 報报 稅税 帳账 賬账 銀银 證证 夠够 覆复 復复 標标 籤签 簽签 檔档 庫库 尋寻 統统 計计 "
    "劃划 畫画 視视 頻频 實实 體体 驗验 測测 試试 錯错 誤误 筆笔 記记 聽听 輸输 獲获 選选 擇择 並并 無无 "
    "貼贴 長长 較较 節节 約约 達达 億亿 歐欧 雲云 須须 導导 覽览 頭头 顧顾 帶带 給给 換换 邊边 濟济 際际 "
    "負负 責责 權权 戰战 補补 償偿 賠赔 規规 則则 廣广 告告 稿稿 傳传 動动 勞劳 幾几 雜杂 誌志 "
    "線线 聯联 絡络 繫系 術术 腦脑 軟软 程程 詞词 彙汇 斷断 舊旧 減减 壓压 "
    "鐘钟 鍾钟 週周 錶表 將将 儲储 存存 歷历 闆板 讚赞 優优 惠惠 營营 銷销 "
    "購购 車车 輛辆 場场 廳厅 鄰邻 東东 組组 織织 參参 擔担 況况 簡简 繁繁 詳详 細细 隨随 "
    "範范 圍围 觀观 態态 護护 理理 聲声 辦办 寶宝 趕赶 緊紧 慮虑 憂忧 鬆松 嚴严 訊讯 園园 兒儿 "
    "陸陆 亞亚 馬马 遜逊 "
    # Hong Kong's places ("銅鑼灣", "九龍", "香港島", "鰂魚涌") and "禮拜", "邊個"
    "銅铜 鑼锣 龍龙 島岛 嶼屿 黃黄 紅红 環环 軍军 嶺岭 鰂鲗 魚鱼 堅坚 禮礼 邊边 練练 "
)
T2S = str.maketrans({pair[0]: pair[1] for pair in _PAIRS.split() if len(pair) == 2})
"""Translation table for `str.translate`."""


_CANTONESE_WORDS = {
    # Cantonese words -> a Mandarin word of the same length (novice25 P3: "點解唔推介ChatGPT？", "答案錯咗點算",
    # "token即係咩嚟㗎" were refused while the same questions in written Mandarin were answered)
    "點解": "为啥", "點樣": "怎样", "點算": "咋办", "點做": "咋做", "點用": "咋用", "點開": "咋开",
    "乜嘢": "什么", "咩嘢": "什么", "係咪": "是否", "得唔得": "行不行", "推介": "推荐", "而家": "现在",
    "邊個": "哪个", "邊度": "哪里", "幾多": "多少", "幾錢": "多钱", "唔該": "谢谢", "冇錢": "没钱",
}  # fmt: skip
assert all(len(k) == len(v) for k, v in _CANTONESE_WORDS.items())  # spans stay aligned
_CANTONESE = re.compile("|".join(sorted(_CANTONESE_WORDS, key=len, reverse=True)))


def to_simplified(text: str) -> str:
    """`text` with Cantonese words, then traditional and Cantonese characters, replaced by their Mandarin /
    Simplified counterparts of the same length (spans stay aligned with the person's own text)."""
    return _CANTONESE.sub(lambda m: _CANTONESE_WORDS[m.group(0)], text).translate(T2S)
