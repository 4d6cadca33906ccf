"""Workshop mode: the record, the server's rules and safety, crash recovery and the export."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest
import requests

from conftest import DEMO
from workbook import load_project
from workbook.cli import main as cli_main
from workbook.workshop.events import Event, WorkshopState, WorkshopStore
from workshop_server import Facilitator, Participant, start_workshop

ACTIVITY = "SP3"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("workshop") / "SP3.sqlite"
    running = start_workshop(DEMO, ACTIVITY, db, "--votes", "3")
    yield running
    running.stop()


def joined(server, actor_id="A001") -> Participant:
    participant = Participant(server.join_url)
    assert participant.post("join", {"actor_id": actor_id}).json()["joined"]
    return participant


def test_the_record_is_append_only(tmp_path):
    store = WorkshopStore(tmp_path / "w.sqlite")
    store.append("join", "P001", {"token_hash": "x", "actor_id": "A1"})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("UPDATE events SET author = 'P002'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("DELETE FROM events")
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [e.author for e in store.events()] == ["P001"]


def test_hiding_an_idea_keeps_it_and_gives_its_votes_back():
    state = WorkshopState(vote_limit=1)
    for seq, (kind, author, data) in enumerate([
            ("join", "P001", {"token_hash": "a", "actor_id": "A1"}),
            ("idea", "P001", {"text": "Rude words", "focus_areas": []}),
            ("vote", "P001", {"idea": 1}),
            ("hide", "facilitator", {"idea": 1})], start=1):
        state.check(author, kind, data)
        state.apply(Event(seq, kind, author, data))
    assert state.ideas[1].hidden and state.ideas[1].text == "Rude words"
    assert state.votes_left("P001") == 1


def test_votes_are_limited_on_the_server_even_when_sent_in_parallel(server):
    participants = [joined(server, f"A{n:03d}") for n in range(10, 18)]
    for number, participant in enumerate(participants):
        assert participant.post("idea", {"text": f"Idea {number}", "focus_areas": ["FA1"]}).ok
    ideas = [idea["number"] for idea in participants[0].state()["ideas"]]
    assert len(ideas) >= 8

    def vote(pair):
        participant, idea = pair
        return participant, participant.post("vote", {"idea": idea}).status_code

    work = [(participant, idea) for participant in participants for idea in ideas[:8]]
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(vote, work))
    for participant in participants:
        accepted = [status for who, status in answers if who is participant and status == 200]
        assert len(accepted) == 3  # --votes 3
        assert participant.state()["votes_left"] == 0
    stored = WorkshopStore(server.db).state(vote_limit=3)
    assert all(stored.votes_left(p) >= 0 for p in stored.participants)


def test_every_write_needs_the_csrf_token(server):
    participant = joined(server)
    before = len(WorkshopStore(server.db).events())
    answer = participant.session.post(f"{server.join_url}/idea", json={"text": "No token", "focus_areas": []})
    assert answer.status_code == 403
    stranger = requests.post(f"{server.join_url}/join", json={"actor_id": "A001"},
                             headers={"X-XSRFToken": "2|00|00|0"}, cookies={"_xsrf": "2|11|11|1"})
    assert stranger.status_code == 403
    assert len(WorkshopStore(server.db).events()) == before


def test_participants_cannot_act_as_facilitator_nor_see_organisations(server):
    participant = joined(server, "A002")
    participant.post("idea", {"text": "Visible idea", "focus_areas": []})
    assert participant.session.get(f"{server.base}/f/not-the-secret/state").status_code == 404
    token = participant.session.cookies.get("_xsrf")
    hide = participant.session.post(f"{server.base}/f/not-the-secret/hide", json={"idea": 1},
                                    headers={"X-XSRFToken": token})
    assert hide.status_code == 404
    state = participant.state()
    names = load_project(DEMO).actors.set_index("actor_id")["name"]
    assert "A002" not in str(state) and names["A002"] not in str(state)
    assert "votes" not in state["ideas"][0]  # counts are shown only after voting closes


def test_only_known_hosts_are_served(server):
    for path in (server.join_url, f"{server.join_url}/state", server.facilitator_url, f"{server.base}/static/common.js"):
        answer = requests.get(path, headers={"Host": f"evil.example:{server.port}"})
        assert answer.status_code == 403, path
    assert requests.get(server.join_url, headers={"Host": f"localhost:{server.port}"}).ok


def test_idea_text_is_limited_and_cleaned(server):
    participant = joined(server)
    assert participant.post("idea", {"text": "x" * 501, "focus_areas": []}).json()["reason"] == "too_long"
    assert participant.post("idea", {"text": " \x00\x0b ", "focus_areas": []}).json()["reason"] == "empty"
    assert participant.post("idea", {"text": "ok", "focus_areas": ["NOPE"]}).json()["reason"] == "bad_request"
    answer = participant.post("idea", {"text": "=HYPERLINK(\"http://x\")\x0bTwo\nlines", "focus_areas": []}).json()
    assert any(idea["text"] == '=HYPERLINK("http://x") Two lines' for idea in answer["ideas"])


def test_writes_are_rate_limited_per_participant(server):
    participant = joined(server)
    statuses = [participant.post("idea", {"text": f"Flood {n}", "focus_areas": []}).status_code for n in range(65)]
    assert statuses.count(200) == 60 and statuses[-1] == 429


def test_a_killed_server_loses_nothing_it_acknowledged(tmp_path):
    db = tmp_path / "crash.sqlite"
    server = start_workshop(DEMO, ACTIVITY, db, "--votes", "50")
    participant = joined(server, "A003")
    acknowledged, stop = [], threading.Event()

    def keep_posting():
        number = 0
        while not stop.is_set():
            number += 1
            try:
                if participant.post("idea", {"text": f"Idea {number}", "focus_areas": []}, timeout=5).ok:
                    acknowledged.append(f"Idea {number}")
            except requests.RequestException:
                return

    writer = threading.Thread(target=keep_posting)
    writer.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 20 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()
    stop.set()
    writer.join(10)
    restarted = start_workshop(DEMO, ACTIVITY, db, "--votes", "50", port=server.port)
    try:
        texts = [idea["text"] for idea in participant.state()["ideas"]]
        assert set(acknowledged) <= set(texts)
        assert restarted.join_url == server.join_url and restarted.facilitator_url == server.facilitator_url
        assert participant.post("vote", {"idea": 1}).ok  # the same participant carries on
    finally:
        restarted.stop()


def test_exported_rows_join_the_project_and_its_analyses(tmp_path):
    from workbook.actionplan.trace import trace_links
    from workbook.participation.reach import activity_reach

    server = start_workshop(DEMO, ACTIVITY, tmp_path / "w.sqlite")
    try:
        people = [joined(server, actor) for actor in ("A001", "A010", "A020", "A030", "A040", "A050")]
        unlisted = Participant(server.join_url)
        unlisted.post("join", {"actor_type": "company", "municipality": "Kemi"})
        people[1].post("idea", {"text": "Joint test bed for wellness services", "focus_areas": ["FA2"]})
        unlisted.post("idea", {"text": "=cmd|' /C calc'!A0", "focus_areas": []})
        for person in people:
            person.post("vote", {"idea": 1})
        facilitator = Facilitator(server.facilitator_url)
        assert facilitator.post("close").json()["open"] is False
        assert people[0].post("vote", {"idea": 2}).json()["reason"] == "closed"
    finally:
        server.stop()
    out = tmp_path / "rows"
    assert cli_main(["workshop", "export", str(tmp_path / "w.sqlite"), "--out", str(out)]) == 0
    inputs = pd.read_csv(out / "inputs.csv", dtype=str)
    assert inputs["votes"].tolist() == ["6", "0"]
    assert inputs["text"].iloc[1].startswith("'=")  # inert in a spreadsheet
    copy = tmp_path / "project"
    shutil.copytree(DEMO, copy)
    for table in ("participation", "inputs"):
        with (copy / f"{table}.csv").open("a", encoding="utf-8") as handle:
            handle.write((out / f"{table}.csv").read_text(encoding="utf-8").split("\n", 1)[1])
    actions = (copy / "actions.csv").read_text(encoding="utf-8").replace(",I010;I104;I145,", ",I010;I104;I145;SP3-I001,")
    (copy / "actions.csv").write_text(actions, encoding="utf-8")
    project = load_project(copy)
    before = activity_reach(load_project(DEMO)).set_index("activity_id").loc[ACTIVITY, "organisations"]
    after = activity_reach(project).set_index("activity_id").loc[ACTIVITY, "organisations"]
    assert after >= before + 1
    trace = trace_links(project, "en")
    assert ("T01", "SP3-I001") in set(zip(trace["action_id"], trace["input_id"]))
    assert cli_main(["workshop", "export", str(tmp_path / "w.sqlite"), "--out", str(copy)]) == 1  # never into a project
