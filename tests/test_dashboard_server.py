"""``workbook serve`` against requests that are not a visitor's browser: plain downloads of a
page, a DNS-rebinding site (a foreign ``Host``), a WebSocket from a foreign ``Origin``.

Each dashboard page starts a Python kernel of ~200 MiB, so the server caps kernels per server
and per client address and shuts down a kernel whose page never connected to it; and it
answers only to the host names it was started for.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from pathlib import Path

import pytest

from workbook.dashboard.harness import ServedDashboards, http_get
from workbook.dashboard.limits import TEXTS as LIMIT_TEXTS
from workbook.i18n import tr

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
OVERVIEW = "/voila/render/overview.ipynb"
GRACE = 3


def _get(port: int, path: str, headers: dict | None = None) -> tuple[int, str]:
    status, _, body = http_get(port, path, headers)
    return status, body.decode("utf-8", "replace")


def _websocket_status(port: int, kernel_id: str, host: str, origin: str | None) -> int:
    """101 when the kernel's WebSocket accepts a connection with these headers, else the
    HTTP status of the refusal."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    headers = {"Host": host, **({"Origin": origin} if origin else {})}
    request = HTTPRequest(f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels", headers=headers)

    async def connect() -> int:
        try:
            socket = await websocket_connect(request)
        except HTTPClientError as error:
            return error.code
        socket.close()
        return 101

    # In a thread of its own: Playwright's sync API may keep an event loop running in this one.
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(connect())))
    thread.start()
    thread.join(120)
    return result[0]


@pytest.fixture(scope="module")
def capped_server():
    """No pre-heated kernels (every page starts its own), at most 3 kernels in all and 2 per
    client (the client address taken from X-Real-IP, as behind a proxy), short graces to
    connect and to come back."""
    overrides = {
        "VoilaConfiguration": {"preheat_kernel": False},
        "DashboardServer": {"max_kernels": 3, "max_kernels_per_client": 2, "connect_grace": GRACE, "leave_grace": GRACE,
                            "trust_proxy_headers": True, "allowed_hosts": ["dash.example.fi"]},
    }
    with ServedDashboards(DEMO, lang="en", overrides=overrides) as served:
        yield served


def test_plain_downloads_start_no_more_kernels_than_the_caps_and_unconnected_ones_go_away(capped_server):
    clients = ["10.0.0.1"] * 4 + ["10.0.0.2"] * 2
    results: list[tuple[str, int, str]] = []
    most = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            most[0] = max(most[0], len(capped_server.kernel_pids()))
            time.sleep(0.1)

    def download(client: str) -> None:
        status, body = _get(capped_server.port, OVERVIEW + "?lang=en", {"X-Real-IP": client})
        results.append((client, status, body))

    watcher = threading.Thread(target=watch)
    watcher.start()
    downloads = [threading.Thread(target=download, args=(client,)) for client in clients]
    for thread in downloads:
        thread.start()
    for thread in downloads:
        thread.join()
    done.set()
    watcher.join()

    served = [client for client, status, _ in results if status == 200]
    refused = [body for _, status, body in results if status == 503]
    assert len(served) == 3 and len(refused) == 3, [(c, s) for c, s, _ in results]
    assert served.count("10.0.0.1") <= 2, "one client got more kernels than its cap"
    assert all(tr(LIMIT_TEXTS, "full_title", "en") in body for body in refused)
    assert not any("täynnä" in body for body in refused), "the refusal of an English page is in Finnish"

    deadline = time.monotonic() + GRACE + 15
    while capped_server.kernel_pids() and time.monotonic() < deadline:
        time.sleep(0.25)
    assert capped_server.kernel_pids() == [], "kernels whose page never connected are still running"
    assert most[0] <= 3, f"{most[0]} kernels ran at once with a cap of 3"
    # The slots are free again.
    assert _get(capped_server.port, OVERVIEW, {"X-Real-IP": "10.0.0.1"})[0] == 200


def test_a_page_is_started_only_by_navigating_to_it(capped_server):
    before = len(capped_server.kernel_pids())
    status, _ = _get(capped_server.port, OVERVIEW, {"Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Site": "cross-site"})
    assert status == 403
    assert len(capped_server.kernel_pids()) <= before


def test_a_foreign_host_is_refused_on_pages_and_websockets_and_a_foreign_origin_on_the_kernel(capped_server):
    port = capped_server.port
    for host in (f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", "evil.example"):
        status, body = _get(port, OVERVIEW, {"Host": host})
        assert status == 403 and "wb-page" not in body, host
        assert _get(port, "/", {"Host": host})[0] == 403
        assert _get(port, "/voila/static/voila.js", {"Host": host})[0] == 403

    status, body = _get(port, OVERVIEW, {"Host": f"localhost:{port}"})
    assert status == 200, body[:500]
    kernel_id = re.search(r'"kernelId": "([0-9a-f-]{36})"', body).group(1)
    own = f"127.0.0.1:{port}"
    assert _websocket_status(port, kernel_id, own, f"http://{own}") == 101
    assert _websocket_status(port, kernel_id, "dash.example.fi", "https://dash.example.fi") == 101  # --allow-host
    assert _websocket_status(port, kernel_id, f"evil.example:{port}", f"http://evil.example:{port}") == 403
    assert _websocket_status(port, kernel_id, own, f"http://evil.example:{port}") == 403
    assert _websocket_status(port, kernel_id, own, "null") == 403


def test_kernels_take_the_validated_project_from_the_servers_cache_until_a_file_changes(tmp_path, monkeypatch):
    import os
    import shutil

    from workbook import load_project
    from workbook.dashboard import context

    folder = tmp_path / "project"
    shutil.copytree(DEMO, folder)
    (tmp_path / "runtime").mkdir()
    cache = context.write_project_cache(tmp_path / "runtime", folder, load_project(folder))
    assert folder not in cache.parents, "the cache must stay outside the project folder"
    monkeypatch.setenv(context.ENV_PROJECT, str(folder))
    monkeypatch.setenv(context.ENV_CACHE, str(cache))
    loads = []
    monkeypatch.setattr(context, "load_project", lambda path: loads.append(path) or load_project(path))

    cached = context.load_dashboard_project()
    assert loads == [] and len(cached.actors) == len(load_project(folder).actors)

    actors = folder / "actors.csv"
    os.utime(actors, ns=(actors.stat().st_atime_ns, actors.stat().st_mtime_ns + 10**9))
    context.load_dashboard_project()
    assert loads == [folder], "a changed project file must be loaded and validated again"


def test_scripts_are_sent_compressed_and_unpack_to_the_very_file(capped_server):
    """A room of 30 downloads Voilà's ~10 MB of scripts 30 times: compressed, about a third."""
    import gzip

    port = capped_server.port
    script = "/voila/static/voila.js"
    plain_status, _, plain = http_get(port, script)
    status, headers, packed = http_get(port, script, {"Accept-Encoding": "gzip, deflate, br"})
    assert plain_status == status == 200
    assert headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in headers["Vary"]
    assert len(packed) < len(plain) / 2 and gzip.decompress(packed) == plain
    assert int(headers["Content-Length"]) == len(packed)
    # A browser's revalidation of what it holds is answered without the file.
    assert headers["ETag"].endswith('-gzip"')
    status, _, body = http_get(port, script, {"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""
    assert not [line for line in capped_server.log if "Could not open static file" in line]

    # A range of bytes (a resumed download) comes from the file as it is.
    status, headers, part = http_get(port, script, {"Accept-Encoding": "gzip", "Range": "bytes=0-99"})
    assert status == 206 and part == plain[:100] and "Content-Encoding" not in headers


def test_a_visitors_kernel_listens_on_files_in_the_servers_private_folder_not_on_ports(capped_server):
    """Anyone on the machine can connect to a port on 127.0.0.1, and a kernel's output channel
    answers whoever subscribes (the visitor's filtered views); socket files in a folder only the
    server's user may enter are out of other users' reach, and no two kernels starting at once
    can collide on a port."""
    import json
    import os
    import stat

    import psutil

    status, _ = _get(capped_server.port, OVERVIEW, {"X-Real-IP": "10.0.0.4"})
    assert status == 200
    pids = capped_server.kernel_pids()
    assert pids
    for pid in pids:
        command = psutil.Process(pid).cmdline()
        connection = Path(command[command.index("-f") + 1])
        info = json.loads(connection.read_text())
        assert info["transport"] == "ipc"
        assert Path(info["ip"]).parent == connection.parent
        assert stat.S_IMODE(os.stat(connection.parent).st_mode) & 0o077 == 0, "others may enter the folder"
        sockets = [Path(f"{info['ip']}-{info[name]}") for name in ("shell_port", "iopub_port", "control_port")]
        assert all(path.is_socket() for path in sockets)
        listening = [c for c in psutil.Process(pid).net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
        # At most ipykernel's pipe for the output of the kernel's own subprocesses: it takes
        # messages carrying a secret and sends nothing (on TCP, the five channels listened too).
        assert len(listening) <= 1, listening


def test_a_kernel_whose_page_left_without_a_word_is_shut_down_and_one_still_connected_is_kept(capped_server):
    """A closed tab whose "leaving" request was lost: its WebSocket closed, and nothing came back."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    port = capped_server.port
    # Earlier tests' kernels are on their way out (never connected, or left): the cap is 3.
    deadline = time.monotonic() + GRACE + 15
    while capped_server.kernel_pids() and time.monotonic() < deadline:
        time.sleep(0.25)
    assert capped_server.kernel_pids() == [], "earlier tests' kernels were not shut down"
    kernel_ids = []
    for _ in range(2):
        status, body = _get(port, OVERVIEW, {"X-Real-IP": "10.0.0.3"})
        assert status == 200
        kernel_ids.append(re.search(r'"kernelId": "([0-9a-f-]{36})"', body).group(1))
    pids = set(capped_server.kernel_pids())
    own = f"127.0.0.1:{port}"

    async def visit() -> None:
        sockets = [await websocket_connect(HTTPRequest(f"ws://{own}/api/kernels/{kernel_id}/channels",
                                                       headers={"Origin": f"http://{own}"}))
                   for kernel_id in kernel_ids]
        sockets[0].close()  # the first visitor leaves; the second stays, idle, for longer than any grace
        await asyncio.sleep(GRACE + 12)
        left.extend(capped_server.kernel_pids())
        sockets[1].close()

    left: list[int] = []
    thread = threading.Thread(target=lambda: asyncio.run(visit()))
    thread.start()
    thread.join(120)
    assert len(pids) == 2 and len(set(left) & pids) == 1, "the page that left kept its kernel, or the page still " \
                                                          "there lost its own"
