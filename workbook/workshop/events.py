"""A live workshop's record: append-only events in one SQLite file, and the state they add up to.

Every change a participant or the facilitator makes is one event (``join``, ``idea``,
``vote``, ``unvote``, ``rate``, ``hide``, ``unhide``, ``close``, ``open``). Events are
never updated or deleted (triggers refuse it), so every result can be recomputed from the
file, and a server that was killed continues from where it stopped. The database runs in
WAL mode: an event is acknowledged only after its transaction is committed to the
write-ahead log, so a killed or crashed server loses nothing it acknowledged.
``synchronous=NORMAL`` leaves the flush to disk to the checkpoints: a power cut of the
machine itself may lose the last moments, but a commit costs ~0.01 ms instead of ~10 ms
(measured here), which is what lets one server take a whole room voting at once.

:class:`WorkshopState` folds events into the current state and checks whether a new event
is allowed (vote limits, closed voting, unknown ideas) *before* it is stored: the limits
hold on the server, whatever a page sends.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

FACILITATOR = "facilitator"
PARTICIPANT_KINDS = ("join", "idea", "vote", "unvote", "rate")
FACILITATOR_KINDS = ("hide", "unhide", "close", "open")
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    kind TEXT NOT NULL,
    author TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'workshop events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'workshop events are append-only'); END;
"""


@dataclass(frozen=True)
class Event:
    """One stored event: its sequence number, kind, author (participant pseudonym or
    ``facilitator``) and data."""

    seq: int
    kind: str
    author: str
    data: Mapping[str, Any]


@dataclass
class Participant:
    pseudonym: str
    token_hash: str
    actor_id: str | None = None
    actor_type: str | None = None
    municipality: str | None = None


@dataclass
class Idea:
    number: int
    author: str
    text: str
    focus_areas: tuple[str, ...]
    hidden: bool = False
    voters: set[str] = field(default_factory=set)


class Refused(ValueError):
    """An event that the rules do not allow; ``reason`` is a key of the workshop's texts."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class WorkshopState:
    """The state a sequence of events adds up to.

    Examples
    --------
    >>> state = WorkshopState(vote_limit=1)
    >>> state.apply(Event(1, "join", "P001", {"token_hash": "h", "actor_id": "A1"}))
    >>> state.apply(Event(2, "idea", "P001", {"text": "Shared test bed", "focus_areas": ["FA1"]}))
    >>> state.apply(Event(3, "vote", "P001", {"idea": 1}))
    >>> try:
    ...     state.check("P001", "vote", {"idea": 1})
    ... except Refused as refusal:
    ...     print(refusal.reason)
    already_voted
    >>> len(state.ideas[1].voters), state.votes_left("P001")
    (1, 0)
    """

    vote_limit: int = 5
    participants: dict[str, Participant] = field(default_factory=dict)
    by_token: dict[str, str] = field(default_factory=dict)
    ideas: dict[int, Idea] = field(default_factory=dict)
    ratings: dict[tuple[str, str], int] = field(default_factory=dict)
    open: bool = True
    last_seq: int = 0

    def votes_left(self, pseudonym: str) -> int:
        used = sum(pseudonym in idea.voters for idea in self.ideas.values())
        return self.vote_limit - used

    def next_pseudonym(self) -> str:
        return f"P{len(self.participants) + 1:03d}"

    def check(self, author: str, kind: str, data: Mapping[str, Any],
              valid_actions: Iterable[str] = ()) -> None:
        """Raise :class:`Refused` if ``author`` may not add this event now."""
        if kind in FACILITATOR_KINDS:
            if author != FACILITATOR:
                raise Refused("forbidden")
            if kind in ("hide", "unhide") and data.get("idea") not in self.ideas:
                raise Refused("no_such_idea")
            return
        if kind == "join":
            return
        if author not in self.participants:
            raise Refused("not_joined")
        if not self.open:
            raise Refused("closed")
        if kind == "idea":
            return
        if kind == "rate":
            if data.get("action") not in set(valid_actions):
                raise Refused("no_such_action")
            return
        idea = self.ideas.get(data.get("idea"))
        if idea is None or idea.hidden:
            raise Refused("no_such_idea")
        if kind == "vote":
            if author in idea.voters:
                raise Refused("already_voted")
            if self.votes_left(author) <= 0:
                raise Refused("no_votes_left")
        elif kind == "unvote" and author not in idea.voters:
            raise Refused("not_voted")

    def apply(self, event: Event) -> None:
        """Add one stored event to the state."""
        data = event.data
        if event.kind == "join":
            participant = Participant(event.author, data["token_hash"], data.get("actor_id"),
                                      data.get("actor_type"), data.get("municipality"))
            self.participants[event.author] = participant
            self.by_token[participant.token_hash] = event.author
        elif event.kind == "idea":
            number = len(self.ideas) + 1
            self.ideas[number] = Idea(number, event.author, data["text"], tuple(data.get("focus_areas", ())))
        elif event.kind == "vote":
            self.ideas[data["idea"]].voters.add(event.author)
        elif event.kind == "unvote":
            self.ideas[data["idea"]].voters.discard(event.author)
        elif event.kind == "rate":
            self.ratings[(event.author, data["action"])] = int(data["value"])
        elif event.kind in ("hide", "unhide"):
            idea = self.ideas[data["idea"]]
            idea.hidden = event.kind == "hide"
            if idea.hidden:
                # A hidden idea's votes go back to their voters, who may use them elsewhere.
                idea.voters.clear()
        elif event.kind in ("close", "open"):
            self.open = event.kind == "open"
        self.last_seq = event.seq


class WorkshopStore:
    """The SQLite file of one workshop: settings in ``meta``, the record in ``events``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.executescript(SCHEMA)

    def close(self) -> None:
        self.connection.close()

    def meta(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT key, value FROM meta"))

    def set_meta(self, values: Mapping[str, object]) -> None:
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                        [(k, str(v)) for k, v in values.items()])

    def append(self, kind: str, author: str, data: Mapping[str, Any]) -> Event:
        """Store one event durably and return it with its sequence number."""
        cursor = self.connection.execute("INSERT INTO events (kind, author, data) VALUES (?, ?, ?)",
                                         (kind, author, json.dumps(data, ensure_ascii=False, sort_keys=True)))
        return Event(cursor.lastrowid, kind, author, data)

    def events(self) -> list[Event]:
        rows = self.connection.execute("SELECT seq, kind, author, data FROM events ORDER BY seq")
        return [Event(seq, kind, author, json.loads(data)) for seq, kind, author, data in rows]

    def state(self, vote_limit: int) -> WorkshopState:
        """The current state, recomputed from every stored event."""
        state = WorkshopState(vote_limit=vote_limit)
        for event in self.events():
            state.apply(event)
        return state
