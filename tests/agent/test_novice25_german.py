"""novice25 P5 (HR in Munich, CV pre-screening): German volume updates ("Es sind 300 Lebensläufe pro Monat.") are
read, not met with "Anything else to change?"; "Können wir bitte auf Deutsch weitermachen?" and "Bitte antworten Sie
auf Deutsch!" get the honest answer (English and Chinese only), in German too, not "I can't answer that one"."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes import answers

HR = (
    "Hello, I work in HR at a mid-sized company in Munich (ca. 400 employees). We get many applications and I would "
    "like to use an AI to pre-screen the CVs. Which model would you recommend?"
)


def _volume(message: str) -> object:
    return next((f.value for f in understand(message).facts if f.path == "volume.requests_per_month"), None)


def test_german_volumes_are_read() -> None:
    assert _volume("Es sind 300 Lebensläufe pro Monat.") == 300
    assert _volume("Zur Menge: ca. 300 Bewerbungen pro Monat.") == 300
    assert _volume("Und es sind ca. 300 Lebensläufe im Monat, nicht 10.000.") == 300
    assert _volume("etwa 20 Anfragen am Tag") == 600
    assert answers.reply_language_asked("Können wir bitte auf Deutsch weitermachen?") == "de"
    assert answers.reply_language_asked("can you answer in German please") == "de"
    assert answers.reply_language_asked("the CVs are in German") is None


async def test_a_german_volume_update_changes_the_volume() -> None:
    reply = await last_reply("n25-de-volume", HR, "Es sind 300 Lebensläufe pro Monat.")
    assert "300/month" in reply, reply
    assert "Anything else to change?" not in reply


async def test_asking_for_german_gets_an_honest_answer_in_german_too() -> None:
    reply = await last_reply("n25-de-ask", HR, "Bitte antworten Sie auf Deutsch! Und es sind ca. 300 Lebensläufe im Monat, nicht 10.000.")
    assert "only answer in English or Chinese" in reply
    assert "Ich kann leider nur auf Englisch oder Chinesisch antworten" in reply
    assert "can't answer that one" not in reply
    assert "300/month" in reply
