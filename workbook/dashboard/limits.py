"""What the dashboard server accepts: the hosts it answers to and how many kernels it starts.

Every page a visitor opens starts a Python kernel (up to about 200 MiB). Without limits a script, or
another web page in the visitor's browser, could start kernels until the machine runs out of
memory, and a web site could reach the server through DNS rebinding (its own name resolving
to 127.0.0.1). ``workbook serve`` therefore

- answers only to the host names it was started for and refuses a WebSocket whose
  ``Origin`` names another host (:mod:`workbook.hosts`);
- keeps a :class:`KernelLedger` of the kernels started for visitors: at most
  ``max_kernels`` in all and ``max_kernels_per_client`` per client address, and a kernel
  whose page never connected to it within ``connect_grace`` seconds of being delivered is shut
  down (a plain download of the page, a ``fetch`` from another site, a tab closed while
  loading), and a kernel whose page was connected and has had no connection for
  ``leave_grace`` seconds is shut down too (the tab was closed, and its "leaving" request was
  lost, as happens when many tabs close at once).

The limits are stated in ``docs/DEPLOYMENT.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from workbook.dashboard.reportpack import TEXTS as REPORT_TEXTS, report_link
from workbook.htmlreport import escape
from workbook.i18n import tr


TEXTS = {
    "full_title": {"fi": "Palvelin on täynnä", "en": "The server is full"},
    "full_server": {
        "fi": "Kojelaudoilla on juuri nyt niin monta avointa sivua kuin tämä palvelin jaksaa. "
              "Yritä uudelleen hetken kuluttua, tai avaa staattinen raporttipaketti.",
        "en": "The dashboards have as many open pages right now as this server can hold. "
              "Try again in a moment, or open the static report pack.",
    },
    "full_client": {
        "fi": "Tästä osoitteesta on auki jo niin monta kojelaudan sivua kuin yhdelle kävijälle sallitaan. "
              "Sulje jokin niistä ja yritä uudelleen.",
        "en": "This address already has as many dashboard pages open as one visitor may. "
              "Close one of them and try again.",
    },
    "try_again": {"fi": "Yritä uudelleen", "en": "Try again"},
}


@dataclass(frozen=True)
class Limits:
    """The server's limits (see ``docs/DEPLOYMENT.md``).

    ``max_kernels`` and ``max_kernels_per_client`` count kernels started for visitors (the
    pre-heated ones waiting for a visitor are extra); ``connect_grace`` is how long a delivered
    page may take to connect to its kernel before the kernel is shut down, ``leave_grace`` how
    long a page that was connected may stay away (a reload, a network blip) before its kernel
    is shut down.
    """

    max_kernels: int = 40
    max_kernels_per_client: int = 10
    connect_grace: float = 90.0
    leave_grace: float = 45.0


@dataclass
class Visit:
    """One page request: the client it came from and the kernels started for it."""

    client: str
    kernel_ids: list[str] = field(default_factory=list)


@dataclass
class _Kernel:
    client: str
    delivered_at: float | None = None
    connected: bool = False
    sockets: int = 0
    left_at: float | None = None


class KernelLedger:
    """The kernels started for visitors, per client address, and whether their page connected.

    Examples
    --------
    >>> ledger = KernelLedger(Limits(max_kernels=2, max_kernels_per_client=1, connect_grace=30))
    >>> alive = lambda kernel_id: True
    >>> visit = ledger.admit("10.0.0.1", alive)
    >>> ledger.started(visit, "k1"); ledger.delivered(visit, now=100.0)
    >>> ledger.admit("10.0.0.1", alive)  # one kernel per client
    'client'
    >>> ledger.expired(alive, now=120.0), ledger.expired(alive, now=131.0)
    ([], ['k1'])
    >>> ledger.connected("k1"); ledger.expired(alive, now=500.0)
    []
    >>> visit = ledger.admit("10.0.0.1", alive)
    >>> ledger.started(visit, "k2"); ledger.delivered(visit, now=500.0); ledger.connected("k2")
    >>> ledger.disconnected("k2", now=510.0); ledger.connected("k2")  # a reload
    >>> ledger.disconnected("k2", now=520.0); ledger.expired(alive, now=560.0), ledger.expired(alive, now=566.0)
    ([], ['k2'])
    """

    def __init__(self, limits: Limits):
        self.limits = limits
        self._kernels: dict[str, _Kernel] = {}
        self._visits: list[Visit] = []

    def admit(self, client: str, alive: Callable[[str], bool]) -> Visit | str:
        """A :class:`Visit` that may start a kernel, or why not: ``"server"`` (the server holds
        ``max_kernels``) or ``"client"`` (this address holds ``max_kernels_per_client``)."""
        self._forget(alive)
        waiting = [visit for visit in self._visits if not visit.kernel_ids]
        if len(self._kernels) + len(waiting) >= self.limits.max_kernels:
            return "server"
        mine = sum(kernel.client == client for kernel in self._kernels.values())
        mine += sum(visit.client == client for visit in waiting)
        if mine >= self.limits.max_kernels_per_client:
            return "client"
        visit = Visit(client)
        self._visits.append(visit)
        return visit

    def started(self, visit: Visit, kernel_id: str) -> None:
        """A kernel was started (or taken from the pre-heated pool) for ``visit``."""
        visit.kernel_ids.append(kernel_id)
        self._kernels[kernel_id] = _Kernel(visit.client)

    def delivered(self, visit: Visit, now: float) -> None:
        """The page of ``visit`` was delivered (or its request ended): from now on its kernels
        have ``connect_grace`` seconds to be connected to."""
        if visit in self._visits:
            self._visits.remove(visit)
        for kernel_id in visit.kernel_ids:
            if kernel_id in self._kernels:
                self._kernels[kernel_id].delivered_at = now

    def connected(self, kernel_id: str) -> None:
        """A page connected to the kernel's WebSocket: the visitor is there."""
        if kernel_id in self._kernels:
            kernel = self._kernels[kernel_id]
            kernel.connected, kernel.sockets, kernel.left_at = True, kernel.sockets + 1, None

    def disconnected(self, kernel_id: str, now: float) -> None:
        """A WebSocket of the kernel closed; with none left, the visitor has ``leave_grace``
        seconds to come back."""
        if kernel_id in self._kernels:
            kernel = self._kernels[kernel_id]
            kernel.sockets = max(0, kernel.sockets - 1)
            if kernel.sockets == 0:
                kernel.left_at = now

    def expired(self, alive: Callable[[str], bool], now: float) -> list[str]:
        """Kernels whose page was delivered more than ``connect_grace`` seconds ago and never
        connected, or whose page left more than ``leave_grace`` seconds ago: nobody will use
        them. They are forgotten here; shut them down."""
        self._forget(alive)
        gone = [kernel_id for kernel_id, kernel in self._kernels.items()
                if (not kernel.connected and kernel.delivered_at is not None
                    and now - kernel.delivered_at > self.limits.connect_grace)
                or (kernel.left_at is not None and now - kernel.left_at > self.limits.leave_grace)]
        for kernel_id in gone:
            del self._kernels[kernel_id]
        return gone

    def count(self, client: str | None = None) -> int:
        """Kernels held for visitors (for ``client`` only, if given)."""
        return sum(client is None or kernel.client == client for kernel in self._kernels.values())

    def _forget(self, alive: Callable[[str], bool]) -> None:
        for kernel_id in [kernel_id for kernel_id in self._kernels if not alive(kernel_id)]:
            del self._kernels[kernel_id]


def refusal_page(reason: str, lang: str) -> str:
    """The short page shown instead of a dashboard when a limit is reached (``reason`` is what
    :meth:`KernelLedger.admit` returned), in the visitor's language.

    Examples
    --------
    >>> "The server is full" in refusal_page("server", "en"), "täynnä" in refusal_page("server", "en")
    (True, False)
    """
    title = tr(TEXTS, "full_title", lang)
    body = tr(TEXTS, "full_server" if reason == "server" else "full_client", lang)
    report = report_link(lang)
    pack = (f'<p><a href="{escape(report)}">{escape(tr(REPORT_TEXTS, "link", lang))}</a></p>'
            if report is not None else "")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">'
            f'<h1>{title}</h1><p>{body}</p>'
            f'<p><a href="">{tr(TEXTS, "try_again", lang)}</a></p>{pack}</body></html>')
