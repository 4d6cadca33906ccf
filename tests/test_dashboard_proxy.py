"""Two ``workbook serve`` replicas behind Debian's nginx with the shipped configuration
(``deploy/nginx/workbook.conf``): visitors are spread over both, each visitor stays on its
replica (its page talks to its kernel over a WebSocket), and every page works through the proxy.

nginx runs as a process of the test on a free port of 127.0.0.1 (see
:class:`workbook.dashboard.harness.NginxProxy`); the test needs the Debian package ``nginx``.
"""

from __future__ import annotations

import http.client
from collections import Counter
from pathlib import Path

import pytest

from workbook.dashboard.harness import (
    NginxProxy, RequestLog, ServedDashboards, open_browser, page_generation, wait_for_generation, wait_until_drawn,
)
from workbook.dashboard.widgets import PAGES, TEXTS as WIDGET_TEXTS
from workbook.i18n import tr

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
COOKIE = "wb_replica"


@pytest.fixture(scope="module")
def proxied():
    """nginx in front of two replicas (without pre-heated kernels: ten waiting kernels would only
    compete for the CPU); yields the proxy and the replicas by their ``host:port``."""
    overrides = {"VoilaConfiguration": {"preheat_kernel": False}, "DashboardServer": {"trust_proxy_headers": True}}
    with ServedDashboards(DEMO, lang="fi", overrides=overrides) as one, \
            ServedDashboards(DEMO, lang="fi", overrides=overrides) as two, \
            NginxProxy([one.port, two.port]) as proxy:
        yield proxy, {f"127.0.0.1:{one.port}": one, f"127.0.0.1:{two.port}": two}


def _probe(proxy: NginxProxy, cookie: str | None = None) -> tuple[str, str | None]:
    """(replica that answered ``/``, affinity cookie the proxy set) for a request with ``cookie``."""
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=30)
    try:
        connection.request("GET", "/", headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
        response = connection.getresponse()
        response.read()
        assert response.status == 302, response.status  # / leads to the overview
        set_cookie = response.getheader("Set-Cookie")
        value = set_cookie.split(";")[0].split("=", 1)[1] if set_cookie and set_cookie.startswith(COOKIE) else None
        return response.getheader("X-Workbook-Replica"), value
    finally:
        connection.close()


def _cookie_per_replica(proxy: NginxProxy, replicas: dict) -> dict[str, str]:
    cookies: dict[str, str] = {}
    for _ in range(64):
        replica, cookie = _probe(proxy)
        cookies.setdefault(replica, cookie)
        if len(cookies) == len(replicas):
            break
    return cookies


def test_new_visitors_are_spread_over_both_replicas_and_each_stays_on_its_own(proxied):
    proxy, replicas = proxied
    first_visits = Counter()
    for _ in range(24):
        replica, cookie = _probe(proxy)
        assert replica in replicas and cookie, "a first visit must get an affinity cookie"
        first_visits[replica] += 1
        assert {_probe(proxy, cookie)[0] for _ in range(3)} == {replica}, "a visitor changed replica"
        assert _probe(proxy, cookie)[1] is None, "a returning visitor must keep the cookie it has"
    assert set(first_visits) == set(replicas), f"all 24 first visits went to {dict(first_visits)}"


def test_every_page_works_through_the_proxy_on_both_replicas(proxied, playwright, tmp_path):
    proxy, replicas = proxied
    cookies = _cookie_per_replica(proxy, replicas)
    assert set(cookies) == set(replicas)
    pages = list(PAGES)
    for number, (replica, cookie) in enumerate(sorted(cookies.items())):
        server, other = replicas[replica], next(s for name, s in replicas.items() if name != replica)
        context = open_browser(playwright, tmp_path / f"visitor{number}")
        context.add_cookies([{"name": COOKIE, "value": cookie, "url": proxy.base}])
        log = RequestLog(context)
        errors: list[str] = []
        try:
            # The two visitors share the five pages; each checks its language switch, which
            # needs the page's WebSocket to its kernel through the proxy.
            for page_key in pages[number::2]:
                tab = context.new_page()
                tab.set_default_timeout(120_000)
                tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
                tab.on("pageerror", lambda error: errors.append(str(error)))
                others_before = len(other.kernel_pids())
                tab.goto(f"{proxy.base}/voila/render/{PAGES[page_key]}?lang=fi")
                wait_until_drawn(tab, 120_000)
                assert tab.locator(".wb-error").count() == 0, page_key
                assert server.kernel_pids(), f"{page_key}: the visitor's replica runs no kernel"
                assert len(other.kernel_pids()) <= others_before, f"{page_key}: a kernel started on the other replica"
                generation = page_generation(tab)
                tab.get_by_role("button", name="English").click()
                wait_for_generation(tab, generation + 1, 60_000)
                assert tab.inner_text(".wb-page-title") == tr(WIDGET_TEXTS, f"page_{page_key}", "en")
                tab.close(run_before_unload=True)
        finally:
            context.close()
        assert errors == [], f"console errors: {errors}"
        assert log.external == [], "requests that would leave the machine"
