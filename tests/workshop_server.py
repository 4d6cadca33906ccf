"""Start ``workbook workshop`` as a real server process for tests and the benchmark."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class WorkshopServer:
    """A running workshop server: its process, join address and facilitator address."""

    process: subprocess.Popen
    port: int
    join_url: str
    facilitator_url: str
    db: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """End the server at once, as a crash would (SIGKILL)."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def start_workshop(project: Path, activity: str, db: Path, *extra: str, port: int | None = None,
                   timeout: float = 60) -> WorkshopServer:
    """Start the server and wait until it prints its addresses."""
    port = port or free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    process = subprocess.Popen(
        [sys.executable, "-m", "workbook.cli", "workshop", str(project), "--activity", activity, "--port", str(port),
         "--db", str(db), "--lang", "en", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)
    lines = []
    deadline = time.monotonic() + timeout
    join = facilitator = None
    while time.monotonic() < deadline and not (join and facilitator):
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        lines.append(line)
        join = join or _match(r"Participants: (\S+)", line)
        facilitator = facilitator or _match(r"yourself\): (\S+)", line)
    if not (join and facilitator):
        process.kill()
        raise RuntimeError("the workshop server did not start:\n" + "".join(lines))
    server = WorkshopServer(process, port, join, facilitator, db)
    _wait_until_up(server.base)
    return server


def _match(pattern: str, line: str) -> str | None:
    found = re.search(pattern, line)
    return found.group(1) if found else None


def _wait_until_up(base: str) -> None:
    for _ in range(100):
        try:
            requests.get(f"{base}/", timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.1)


class Participant:
    """A participant's browser session reduced to HTTP: the cookies and the CSRF header."""

    def __init__(self, join_url: str):
        self.join_url = join_url
        self.session = requests.Session()
        self.session.get(join_url, timeout=10).raise_for_status()

    def post(self, kind: str, data: dict, timeout: float = 10) -> requests.Response:
        token = self.session.cookies.get("_xsrf")
        return self.session.post(f"{self.join_url}/{kind}", json=data, headers={"X-XSRFToken": token},
                                 timeout=timeout)

    def state(self) -> dict:
        return self.session.get(f"{self.join_url}/state", timeout=10).json()


class Facilitator(Participant):
    def post(self, kind: str, data: dict | None = None, timeout: float = 10) -> requests.Response:
        return super().post(kind, data or {}, timeout)
