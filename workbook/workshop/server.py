"""``workbook workshop``: a live workshop that participants join from their phones.

One small Tornado server (no kernel per participant) serves two plain HTML pages with a
little script and a JSON API: the participant page (``/j/CODE``: choose your organisation,
propose ideas, dot-vote, rate draft actions) and the facilitator's page (``/f/SECRET``:
live counts, ideas ranked by votes per focus area, who is in the room with small groups
hidden, hide an idea, close voting, export). Every change is an event stored durably in
the workshop's SQLite file before it is acknowledged (:mod:`workbook.workshop.events`).

Safety: the server answers only for the host names it was started for (DNS rebinding);
every write needs the CSRF token of Tornado's ``xsrf_cookies``; participants are a random
cookie, never a name; the facilitator's address carries its own secret; input lengths and
write rates are limited on the server; pages load nothing from the internet and show
every text through ``textContent`` only, under a strict Content-Security-Policy.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import io
import json
import secrets
import sys
import time
import unicodedata
import zipfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tornado.escape
import tornado.ioloop
import tornado.web

from workbook.hosts import host_allowed
from workbook.i18n import LANGUAGES, tr
from workbook.outputs import ExportError
from workbook.project import Project
from workbook.vocab import ACTOR_TYPES
from workbook.workshop import views
from workbook.workshop.events import FACILITATOR, Refused, WorkshopStore
from workbook.workshop.export import export_workshop, unlisted_count
from workbook.workshop.results import RATING_SCALE, draft_actions

STATIC = Path(__file__).resolve().parent / "static"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
MAX_IDEA_CHARS = 500
MAX_BODY_BYTES = 16 * 1024
WRITES_PER_MINUTE = 60
JOINS_PER_MINUTE_PER_ADDRESS = 120
COOKIE = "workshop_participant"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Workshop:
    """A running workshop: the project, the activity, the record and its current state."""

    def __init__(self, project: Project, activity_id: str, db_path: Path, vote_limit: int = 5):
        if activity_id not in set(project.activities["activity_id"]):
            known = ", ".join(sorted(project.activities["activity_id"]))
            raise ExportError(f"the project has no activity {activity_id!r} (it has: {known}); "
                              "add the workshop to activities first")
        db_path = Path(db_path).resolve()
        if project.path.resolve() in db_path.parents:
            raise ExportError(f"{db_path} is inside the project folder: keep the workshop file elsewhere "
                              "(the workbook never writes into a project)")
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not db_path.exists()
        self.store = WorkshopStore(db_path)
        if fresh:
            db_path.chmod(0o600)
        meta = self.store.meta()
        if not meta:
            meta = {"activity_id": activity_id, "code": "".join(secrets.choice(CODE_ALPHABET) for _ in range(6)),
                    "facilitator_secret": secrets.token_urlsafe(18), "vote_limit": str(vote_limit),
                    "project": str(project.path.resolve())}
            self.store.set_meta(meta)
        elif meta["activity_id"] != activity_id:
            raise ExportError(f"{db_path} is the record of activity {meta['activity_id']}, not {activity_id}")
        self.project = project
        self.activity_id = activity_id
        self.code = meta["code"]
        self.secret = meta["facilitator_secret"]
        self.vote_limit = int(meta["vote_limit"])
        self.state = self.store.state(self.vote_limit)
        self.actions = draft_actions(project, activity_id)
        self.focus_areas = project.focus_areas["focus_area_id"].tolist()
        self.writes: dict[str, deque] = {}

    def submit(self, author: str, kind: str, data: dict[str, Any]):
        """Check, store durably, then apply one event (raises :class:`Refused`)."""
        self.state.check(author, kind, data, self.actions["action_id"])
        event = self.store.append(kind, author, data)
        self.state.apply(event)
        return event

    def within_rate(self, key: str, per_minute: int) -> bool:
        now = time.monotonic()
        times = self.writes.setdefault(key, deque())
        while times and now - times[0] > 60:
            times.popleft()
        if len(times) >= per_minute:
            return False
        times.append(now)
        return True


def clean_text(value: object, limit: int) -> str:
    """Free text as a participant may store it: a string, control characters turned into
    spaces, trimmed; at most ``limit`` characters (:class:`Refused` otherwise).

    Examples
    --------
    >>> clean_text("  Yhteinen\\x0bdatatila \\n", 100)
    'Yhteinen datatila'
    """
    if not isinstance(value, str):
        raise Refused("bad_request")
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in value)
    text = " ".join(text.split())
    if not text:
        raise Refused("empty")
    if len(text) > limit:
        raise Refused("too_long")
    return text


class Page(tornado.web.RequestHandler):
    """Common to every route: the host check, security headers, JSON answers."""

    workshop: Workshop

    def initialize(self, workshop: Workshop, hosts: Hosts, lang: str):
        self.workshop = workshop
        self.hosts = hosts
        self.default_lang = lang

    def prepare(self):
        if not self.hosts.accept(self.request.host):
            raise tornado.web.HTTPError(403, reason="Unknown host")

    def set_default_headers(self):
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("Cache-Control", "no-store")

    @property
    def lang(self) -> str:
        lang = self.get_query_argument("lang", self.default_lang)
        return lang if lang in LANGUAGES else self.default_lang

    def body(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400)
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(400)
        return data

    def answer(self, payload: dict[str, Any], status: int = 200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(payload, ensure_ascii=False))

    def refuse(self, reason: str, status: int = 409):
        self.answer({"ok": False, "reason": reason, "message": tr(views.TEXTS, reason, self.lang)}, status)

    def page(self, script: str, role: str, config: dict[str, Any]):
        """The one page template with ``script`` (participant, facilitator or code) and its data."""
        self.xsrf_token  # sets the CSRF cookie that the page's script sends back with each write
        html = (STATIC / "page.html").read_text(encoding="utf-8").replace("{{script}}", script) \
            .replace("{{role}}", role)
        # JSON inside <script type="application/json">: escape what could end the element.
        blob = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e") \
            .replace("&", "\\u0026")
        html = html.replace("{{lang}}", self.lang).replace("{{config}}", blob).replace(
            "{{title}}", tornado.escape.xhtml_escape(tr(views.TEXTS, "title", self.lang)))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(html)

    def write_error(self, status_code: int, **kwargs):
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code}\n")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ParticipantPage(Page):
    def check_code(self, code: str) -> None:
        if not hmac.compare_digest(code.upper().encode(), self.workshop.code.encode()):
            raise tornado.web.HTTPError(404)

    def participant(self) -> str | None:
        token = self.get_cookie(COOKIE)
        return self.workshop.state.by_token.get(_token_hash(token)) if token else None


class JoinPage(ParticipantPage):
    def get(self, code: str):
        self.check_code(code)
        self.page("participant", "participant", views.participant_config(self.workshop, self.lang))


class CodeForm(Page):
    def get(self):
        code = self.get_query_argument("code", "").strip().upper()
        if code:
            self.redirect(f"/j/{tornado.escape.url_escape(code)}?lang={self.lang}")
            return
        self.page("code", "participant", {"lang": self.lang, "texts": views.language(self.lang)})


class ParticipantState(ParticipantPage):
    def get(self, code: str):
        self.check_code(code)
        self.answer(views.participant_state(self.workshop, self.participant()))


class ParticipantWrite(ParticipantPage):
    def post(self, code: str, kind: str):
        self.check_code(code)
        workshop = self.workshop
        data = self.body()
        try:
            if kind == "join":
                self.join(data)
                return
            author = self.participant()
            if author is None:
                raise Refused("not_joined")
            if not workshop.within_rate(author, WRITES_PER_MINUTE):
                self.refuse("too_fast", 429)
                return
            workshop.submit(author, kind, self.event_data(kind, data))
        except Refused as refusal:
            self.refuse(refusal.reason, 403 if refusal.reason == "not_joined" else 409)
            return
        self.answer({"ok": True, **views.participant_state(workshop, author)})

    def event_data(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        if kind == "idea":
            focus_areas = data.get("focus_areas", [])
            if not isinstance(focus_areas, list) or not set(focus_areas) <= set(self.workshop.focus_areas):
                raise Refused("bad_request")
            return {"text": clean_text(data.get("text"), MAX_IDEA_CHARS),
                    "focus_areas": sorted(set(focus_areas), key=self.workshop.focus_areas.index)}
        if kind in ("vote", "unvote"):
            if not isinstance(data.get("idea"), int):
                raise Refused("bad_request")
            return {"idea": data["idea"]}
        if kind == "rate":
            value = data.get("value")
            if not isinstance(value, int) or isinstance(value, bool) or value not in RATING_SCALE:
                raise Refused("bad_request")
            return {"action": str(data.get("action")), "value": value}
        raise tornado.web.HTTPError(404)

    def join(self, data: dict[str, Any]):
        workshop = self.workshop
        if self.participant() is not None:
            self.answer({"ok": True, **views.participant_state(workshop, self.participant())})
            return
        if not workshop.within_rate(f"join:{self.request.remote_ip}", JOINS_PER_MINUTE_PER_ADDRESS):
            self.refuse("too_fast", 429)
            return
        actor_id = data.get("actor_id")
        if actor_id is not None:
            if actor_id not in set(workshop.project.actors["actor_id"]):
                raise Refused("bad_request")
            who = {"actor_id": actor_id}
        else:
            actor_type, municipality = data.get("actor_type"), data.get("municipality")
            if actor_type not in ACTOR_TYPES or (municipality is not None and municipality not in
                                                 set(workshop.project.municipalities["municipality"])):
                raise Refused("bad_request")
            who = {"actor_type": actor_type, "municipality": municipality}
        token = secrets.token_urlsafe(24)
        pseudonym = workshop.state.next_pseudonym()
        workshop.submit(pseudonym, "join", {"token_hash": _token_hash(token), **who})
        self.set_cookie(COOKIE, token, path=f"/j/{workshop.code}", httponly=True, samesite="Strict",
                        secure=self.request.protocol == "https", expires_days=2)
        self.answer({"ok": True, **views.participant_state(workshop, pseudonym)})


class FacilitatorPage(Page):
    def check_secret(self, secret: str) -> None:
        if not hmac.compare_digest(secret.encode(), self.workshop.secret.encode()):
            raise tornado.web.HTTPError(404)


class FacilitatorHome(FacilitatorPage):
    def get(self, secret: str):
        self.check_secret(secret)
        self.page("facilitator", "facilitator", views.facilitator_config(self.workshop, self.lang, self.join_url()))

    def join_url(self) -> str:
        return f"{self.settings['public_url']}/j/{self.workshop.code}"


class FacilitatorState(FacilitatorPage):
    def get(self, secret: str):
        self.check_secret(secret)
        self.answer(views.facilitator_state(self.workshop, self.lang))


class FacilitatorWrite(FacilitatorPage):
    def post(self, secret: str, kind: str):
        self.check_secret(secret)
        if kind not in ("hide", "unhide", "close", "open"):
            raise tornado.web.HTTPError(404)
        data = self.body()
        event = {"idea": data.get("idea")} if kind in ("hide", "unhide") else {}
        try:
            self.workshop.submit(FACILITATOR, kind, event)
        except Refused as refusal:
            self.refuse(refusal.reason)
            return
        self.answer({"ok": True, **views.facilitator_state(self.workshop, self.lang)})


class QrCode(FacilitatorHome):
    def get(self, secret: str):
        import segno

        self.check_secret(secret)
        buffer = io.BytesIO()
        segno.make(self.join_url(), error="m").save(buffer, kind="svg", scale=8, border=2)
        self.set_header("Content-Type", "image/svg+xml")
        self.finish(buffer.getvalue())


class NoIcon(Page):
    def get(self):
        self.set_status(204)
        self.finish()


class ExportZip(FacilitatorPage):
    def get(self, secret: str):
        import tempfile

        self.check_secret(secret)
        workshop = self.workshop
        with tempfile.TemporaryDirectory() as folder:
            try:
                paths = export_workshop(workshop.state, workshop.project, workshop.activity_id, Path(folder))
            except ExportError as error:
                self.set_status(409)
                self.set_header("Content-Type", "text/plain; charset=utf-8")
                self.finish(str(error))
                return
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in paths:
                    archive.write(path, path.name)
        self.set_header("Content-Type", "application/zip")
        self.set_header("Content-Disposition", f'attachment; filename="workshop-{workshop.activity_id}.zip"')
        self.finish(buffer.getvalue())


def make_app(workshop: Workshop, hosts: Hosts, lang: str = "fi", public_url: str = "") -> tornado.web.Application:
    """The workshop's Tornado application (participant and facilitator routes)."""
    common = {"workshop": workshop, "hosts": hosts, "lang": lang}
    return tornado.web.Application([
        (r"/", CodeForm, common),
        (r"/favicon\.ico", NoIcon, common),
        (r"/j/([A-Za-z0-9]{1,12})", JoinPage, common),
        (r"/j/([A-Za-z0-9]{1,12})/state", ParticipantState, common),
        (r"/j/([A-Za-z0-9]{1,12})/(join|idea|vote|unvote|rate)", ParticipantWrite, common),
        (r"/f/([A-Za-z0-9_\-]{1,64})", FacilitatorHome, common),
        (r"/f/([A-Za-z0-9_\-]{1,64})/state", FacilitatorState, common),
        (r"/f/([A-Za-z0-9_\-]{1,64})/(hide|unhide|close|open)", FacilitatorWrite, common),
        (r"/f/([A-Za-z0-9_\-]{1,64})/qr\.svg", QrCode, common),
        (r"/f/([A-Za-z0-9_\-]{1,64})/export\.zip", ExportZip, common),
        (r"/static/(.*)", StaticFiles, {"path": str(STATIC), "hosts": hosts}),
    ], xsrf_cookies=True, xsrf_cookie_kwargs={"samesite": "Strict"}, public_url=public_url)


class StaticFiles(tornado.web.StaticFileHandler):
    """The pages' script and style sheet; only for known hosts, never the HTML templates."""

    def initialize(self, path: str, hosts: Hosts):
        super().initialize(path)
        self.hosts = hosts

    def prepare(self):
        if not self.hosts.accept(self.request.host):
            raise tornado.web.HTTPError(403)

    def validate_absolute_path(self, root: str, absolute_path: str):
        if not absolute_path.endswith((".js", ".css")):
            raise tornado.web.HTTPError(404)
        return super().validate_absolute_path(root, absolute_path)

    def set_default_headers(self):
        self.set_header("X-Content-Type-Options", "nosniff")


@dataclass(frozen=True)
class Hosts:
    """The host names the server answers for (:func:`workbook.hosts.host_allowed`): loopback,
    the address it binds to, the public address's host and any named with ``--allow-host``."""

    bound: str
    allowed: tuple[str, ...] = ()

    @classmethod
    def of(cls, host: str, public_url: str, extra: list[str]) -> "Hosts":
        from urllib.parse import urlsplit

        public = urlsplit(public_url).hostname if public_url else None
        return cls(host, tuple(name for name in (public, *extra) if name))

    def accept(self, host_header: str) -> bool:
        return host_allowed(host_header, self.bound, self.allowed)


def default_public_url(host: str, port: int) -> str:
    if host in ("0.0.0.0", "::"):
        import socket

        host = socket.gethostname()
    return f"http://{host}:{port}"


def run(args: argparse.Namespace) -> int:
    from workbook.cli import load_or_exit

    project = load_or_exit(args.project)
    db = args.db or Path("workshops") / f"{args.activity}.sqlite"
    try:
        workshop = Workshop(project, args.activity, db, args.votes)
    except ExportError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return 1
    public_url = (args.url or default_public_url(args.host, args.port)).rstrip("/")
    hosts = Hosts.of(args.host, public_url, args.allow_host or [])
    app = make_app(workshop, hosts, args.lang, public_url)
    app.listen(args.port, address=args.host, max_body_size=MAX_BODY_BYTES)
    join = f"{public_url}/j/{workshop.code}"
    print(views.terminal_banner(workshop, join, f"http://127.0.0.1:{args.port}/f/{workshop.secret}", db, args.lang),
          flush=True)
    _print_qr(join)
    try:
        tornado.ioloop.IOLoop.current().start()
    except KeyboardInterrupt:
        pass
    return 0


def _print_qr(url: str) -> None:
    import segno

    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    print(buffer.getvalue(), flush=True)


def export_cli(args: argparse.Namespace) -> int:
    from workbook.cli import load_or_exit

    if not args.db.is_file():
        print(f"workbook: no workshop file at {args.db}", file=sys.stderr)
        return 2
    store = WorkshopStore(args.db)
    meta = store.meta()
    if "activity_id" not in meta:
        print(f"workbook: {args.db} is not a workshop file", file=sys.stderr)
        return 2
    project = load_or_exit(args.project or Path(meta["project"]))
    state = store.state(int(meta["vote_limit"]))
    try:
        paths = export_workshop(state, project, meta["activity_id"], args.out)
    except ExportError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    unlisted = unlisted_count(state)
    if unlisted:
        print(f"{unlisted} participant(s) chose 'my organisation is not listed': they are not in participation.csv "
              "(it needs an organisation); their ideas are in inputs.csv without an organisation.", file=sys.stderr)
    return 0
