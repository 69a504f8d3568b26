"""Per-user isolation on a real server: two accounts from a users file, real HTTP and socket.io.

Ann has a conversation up to the report. Bob, logged in as himself, can neither list, open,
rename, share, delete nor resume it, nor fetch its element or report files, nor take over Ann's
socket session. The agent side: a thread id whose agent state nobody recorded (here a conversation
held by the terminal chat in the same checkpoint database) is refused to a web user who adopts that
id, and stays refused after Chainlit has written him in as the thread's author.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import httpx
import pytest
import socketio

from tests.conftest import Figures
from tests.deploy.chat_client import App, Chat, login, start_app
from tests.ui.conftest import free_port
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.ui.chainlit import access
from whichmodel.ui.chainlit_app import FOREIGN_THREAD

pytestmark = pytest.mark.slow

PASSWORDS = {"ann": "ann-pass-1", "bob": "bob-pass-2"}
FIRST = "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    data = tmp_path_factory.mktemp("isolation")
    users = data / "users"
    for name, password in PASSWORDS.items():
        access.add_user(users, name, password)
    running = start_app(data, free_port(), {access.USERS_FILE_ENV: str(users)})
    yield running
    running.stop()


async def _interview(chat: Chat) -> list[str]:
    texts = await chat.send(FIRST)
    texts += await chat.send("any cloud API")
    texts += await chat.send("yes")
    return texts


async def test_another_user_cannot_reach_a_conversation(app: App, figures: Figures) -> None:
    with pytest.raises(Exception, match="401"):
        login(app.url, "ann", "bob-pass-2")
    ann_http, bob_http = login(app.url, "ann", PASSWORDS["ann"]), login(app.url, "bob", PASSWORDS["bob"])
    assert ann_http.get("/user").json()["identifier"] == "ann"

    ann = Chat(app.url, ann_http.cookies)
    await ann.connect()
    texts = await _interview(ann)
    thread = ann.started_thread()
    assert any("Report" in t for t in texts), texts
    files = [e for e in ann.elements() if e.get("chainlitKey")]
    names = {e["name"] for e in files}
    assert any(n.endswith("cost-vs-quality.svg") for n in names), names
    assert any(n.endswith("-report.md") for n in names), names
    report = next(e for e in files if e["name"].endswith("-report.md"))
    own = ann_http.get(f"/project/file/{report['chainlitKey']}", params={"session_id": ann.session_id})
    assert own.status_code == 200 and "WhichModel" in own.text

    listed = ann_http.post("/project/threads", json={"pagination": {"first": 20}, "filter": {}}).json()["data"]
    assert [t["id"] for t in listed] == [thread]
    assert ann_http.get(f"/project/thread/{thread}").status_code == 200

    # Bob, logged in as himself.
    theirs = bob_http.post("/project/threads", json={"pagination": {"first": 20}, "filter": {}}).json()["data"]
    assert theirs == []
    checks = {
        "open": bob_http.get(f"/project/thread/{thread}"),
        "element": bob_http.get(f"/project/thread/{thread}/element/{report['id']}"),
        "rename": bob_http.put("/project/thread", json={"threadId": thread, "name": "mine now"}),
        "share": bob_http.put("/project/thread/share", json={"threadId": thread, "isShared": True}),
        "delete": bob_http.request("DELETE", "/project/thread", json={"threadId": thread}),
        "report file": bob_http.get(f"/project/file/{report['chainlitKey']}", params={"session_id": ann.session_id}),
    }
    for what, response in checks.items():
        assert response.status_code == 401, f"{what}: {response.status_code} {response.text[:200]}"
    assert bob_http.get(f"/project/share/{thread}").status_code == 404, "not shared: not even its existence"
    nobody = httpx.Client(base_url=app.url)
    anonymous = {
        "open": nobody.get(f"/project/thread/{thread}"),
        "list": nobody.post("/project/threads", json={"pagination": {"first": 5}, "filter": {}}),
    }
    assert all(r.status_code == 401 for r in anonymous.values()), {k: r.status_code for k, r in anonymous.items()}

    # Resuming Ann's thread, or taking over her live socket session, is refused at the handshake.
    with pytest.raises(socketio.exceptions.ConnectionError):
        await Chat(app.url, bob_http.cookies, thread_id=thread).connect()
    with pytest.raises(socketio.exceptions.ConnectionError):
        await Chat(app.url, bob_http.cookies, session_id=ann.session_id).connect()
    await ann.close()

    # Nothing changed for Ann.
    after = ann_http.get(f"/project/thread/{thread}").json()
    metadata = after.get("metadata") or {}
    metadata = json.loads(metadata) if isinstance(metadata, str) else metadata  # SQLite gives JSON text
    assert after["name"] != "mine now" and not metadata.get("is_shared")
    outputs = " ".join(s.get("output") or "" for s in after["steps"])
    assert "20k support tickets" in outputs
    figures.add("isolation", "refused requests (HTTP + socket)", str(len(checks) + 2))


async def test_agent_state_without_an_owner_is_not_handed_out(app: App) -> None:
    """A conversation held by the terminal chat (same checkpoint database, no web history)."""
    settings = Settings(brain="offline", db_path=app.data_dir / "chat.sqlite")
    foreign = str(uuid.uuid4())
    async with Advisor(settings, retriever=None) as adv:
        await adv.send(foreign, FIRST.replace("support tickets", "support tickets of Zephyr Corp"))
        await adv.send(foreign, "any cloud API")
        await adv.send(foreign, "yes")
        before = await adv.state(foreign)
    assert before.recommendation is not None

    bob_http = login(app.url, "bob", PASSWORDS["bob"])
    bob = Chat(app.url, bob_http.cookies, thread_id=foreign)
    await bob.connect()  # Chainlit lets him adopt the id: its history holds no such thread
    texts = await bob.send("what were my requirements?")
    assert FOREIGN_THREAD["en"] in texts, texts
    assert not any("Zephyr" in t or "tickets" in t for t in texts), texts
    await bob.close()

    # Chainlit has now stored the thread with Bob as its author; reopening it still shows no report.
    thread = bob_http.get(f"/project/thread/{foreign}").json()
    assert thread["userIdentifier"] == "bob"
    again = Chat(app.url, bob_http.cookies, thread_id=foreign)
    await again.connect()
    await again.settle(2.0)
    assert again.elements() == [], "the report of someone else's conversation was sent"
    assert not any("report" in t.lower() for t in again.texts()), again.texts()
    texts = await again.send("yes")
    assert FOREIGN_THREAD["en"] in texts
    await again.close()

    async with Advisor(settings, retriever=None) as adv:
        after = await adv.state(foreign)
    assert after.turns == before.turns and after.messages == before.messages, "the refused turns reached the agent"
