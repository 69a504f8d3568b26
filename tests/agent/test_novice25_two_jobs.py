"""novice25 P1 (a hotel in Portugal): a second job said with "also" ("actually … we could also put a chat on our
website … maybe 30 chats a day") keeps the first job as the main task and adds its volume (300 + 900 = 1,200 a
month), said so; "i still want the review replies too … both things" then changes nothing back."""

from __future__ import annotations

from tests.agent.chat import last_reply
from tests.agent.test_novice25_one_answer import HOTEL

CHAT = (
    "hmm ok. actually my daughter says we could also put a chat on our website for guests asking about rooms, "
    "parking, breakfast. maybe 30 chats a day. does that change anything?"
)


async def test_a_second_job_keeps_the_first_and_adds_its_volume() -> None:
    reply = await last_reply("n25-two-jobs", *HOTEL, CHAT)
    assert "Task: writing → chatting with people" not in reply, reply
    assert "also do chatting with people" in reply
    assert "1,200/month" in reply


async def test_both_things_keeps_writing_and_the_total() -> None:
    reply = await last_reply("n25-both", *HOTEL, CHAT, "wait, i still want the review replies too, not only the website chat. both things")
    assert "chatting with people → writing" not in reply, reply
    assert "900/month" not in reply
