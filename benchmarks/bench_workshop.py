"""Workshop mode under a room's load, and after a crash (127.0.0.1 only, bounded).

    .venv/bin/python benchmarks/bench_workshop.py [--participants 60]

1. N simulated participants (one thread each, with a seeded think time like people with
   phones) join within 8 s, each posts 2 ideas, and once every idea is in they all vote at
   once: 8 votes each, of which the server must refuse 3 (the limit is 5). Prints the join
   time, response-time percentiles, the server's CPU time, errors, whether every accepted
   event is stored exactly once, whether anyone exceeded the vote limit, and how soon the
   facilitator's view showed the last vote.
2. The server is killed (SIGKILL) while participants are voting and started again on the
   same file: prints whether every acknowledged vote is still there and the workshop goes on.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from workshop_server import Facilitator, Participant, start_workshop  # noqa: E402

from workbook.workshop.events import WorkshopStore  # noqa: E402

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo-lapland"
VOTES = 5


def timed(call):
    started = time.perf_counter()
    answer = call()
    return answer, time.perf_counter() - started


def room(participants: int, folder: Path) -> None:
    server = start_workshop(DEMO, "SP3", folder / "room.sqlite", "--votes", str(VOTES))
    durations, statuses, accepted_votes = [], [], {}
    lock = threading.Lock()
    ideas_posted = threading.Barrier(participants)

    def request(call):
        answer, seconds = timed(call)
        with lock:
            durations.append(seconds)
            statuses.append(answer.status_code)
        return answer

    def take_part(index: int) -> float:
        pace = random.Random(index)  # think time of a person with a phone, seeded
        time.sleep(pace.uniform(0, 8))
        person = Participant(server.join_url)
        request(lambda: person.post("join", {"actor_id": f"A{index % 190 + 1:03d}"}))
        joined_at = time.perf_counter()
        for n in range(2):
            time.sleep(pace.uniform(0.2, 1.0))
            request(lambda: person.post("idea", {"text": f"Idea {index}-{n}", "focus_areas": ["FA2"]}))
        ideas_posted.wait()
        ideas = [idea["number"] for idea in person.state()["ideas"]]
        accepted = 0
        for idea in pace.sample(ideas, VOTES + 3):
            time.sleep(pace.uniform(0.1, 0.5))
            accepted += request(lambda: person.post("vote", {"idea": idea})).status_code == 200
        accepted_votes[index] = accepted
        return joined_at

    facilitator = Facilitator(server.facilitator_url)
    cpu_before = psutil.Process(server.process.pid).cpu_times()
    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=participants) as pool:
            joined = list(pool.map(take_part, range(participants)))
        last_vote = time.perf_counter()
        expected = sum(accepted_votes.values())
        while facilitator.state()["counts"]["votes"] != expected and time.perf_counter() - last_vote < 10:
            time.sleep(0.05)
        facilitator_lag = time.perf_counter() - last_vote
        cpu_after = psutil.Process(server.process.pid).cpu_times()
    finally:
        server.stop()
    state = WorkshopStore(server.db).state(VOTES)
    events = WorkshopStore(server.db).events()
    ok = sum(status == 200 for status in statuses)
    refused_by_rule = sum(status == 409 for status in statuses)
    errors = len(statuses) - ok - refused_by_rule
    percentiles = statistics.quantiles(durations, n=100)
    server_cpu = (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system)
    print(f"participants {participants}: all joined {max(joined) - started:.2f} s after the start (goal 10 s)")
    print(f"requests {len(statuses)}: accepted {ok}, refused by the rules {refused_by_rule} (votes over the limit "
          f"or for the same idea), errors {errors}")
    print(f"response time: median {statistics.median(durations) * 1000:.0f} ms, p95 {percentiles[94] * 1000:.0f} ms "
          f"(goal 200 ms), max {max(durations) * 1000:.0f} ms; server CPU {server_cpu:.2f} s "
          f"({server_cpu / len(statuses) * 1000:.1f} ms a request)")
    print(f"events stored {len(events)} = accepted {ok}: {len(events) == ok}")
    over = [p for p in state.participants if state.votes_left(p) < 0]
    print(f"participants over the vote limit: {len(over)}; votes per participant max "
          f"{max(accepted_votes.values())} (limit {VOTES})")
    print(f"facilitator's view showed every vote {facilitator_lag:.2f} s after the last one (goal 2 s)")


def crash(folder: Path) -> None:
    db = folder / "crash.sqlite"
    server = start_workshop(DEMO, "SP3", db, "--votes", "200")
    people = [Participant(server.join_url) for _ in range(10)]
    for number, person in enumerate(people):
        person.post("join", {"actor_id": f"A{number + 1:03d}"})
    author = people[0]
    for n in range(150):
        author.post("idea", {"text": f"Idea {n}", "focus_areas": []})
    acknowledged, stop = [], threading.Event()

    def keep_voting(person):
        for idea in range(1, 151):
            if stop.is_set():
                return
            try:
                if person.post("vote", {"idea": idea}, timeout=5).status_code == 200:
                    acknowledged.append((person, idea))
            except Exception:
                return

    threads = [threading.Thread(target=keep_voting, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(10)
    restarted = start_workshop(DEMO, "SP3", db, "--votes", "200", port=server.port)
    try:
        state = WorkshopStore(db).state(200)
        lost = 0
        for person, idea in acknowledged:
            pseudonym = state.by_token.get(__import__("hashlib").sha256(
                person.session.cookies.get("workshop_participant").encode()).hexdigest())
            lost += pseudonym not in state.ideas[idea].voters
        carries_on = people[1].post("vote", {"idea": 150}).status_code in (200, 409)
    finally:
        restarted.stop()
    print(f"crash: {len(acknowledged)} votes acknowledged before SIGKILL, {lost} lost after restart; "
          f"workshop continues: {carries_on}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        room(args.participants, Path(folder))
        crash(Path(folder))


if __name__ == "__main__":
    main()
