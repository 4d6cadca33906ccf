"""Which host names a local server answers to (against DNS rebinding) and which pages may
open its WebSockets. Shared by ``workbook serve`` (the dashboards) and ``workbook workshop``.

A web site whose name resolves to 127.0.0.1 could otherwise read a local server through the
visitor's browser; a server therefore answers only requests whose ``Host`` names it.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Iterable

LOCAL_NAMES = frozenset({"localhost"})
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})


def split_host(host_header: str) -> str:
    """The host name of a ``Host`` header (or of an address's ``host:port``), lower case,
    without port, brackets or trailing dot.

    Examples
    --------
    >>> split_host("Evil.Example:8866"), split_host("[::1]:8866"), split_host("localhost."), split_host("::1")
    ('evil.example', '::1', 'localhost', '::1')
    """
    host = host_header.strip().lower()
    if host.startswith("["):
        host = host[1:].split("]", 1)[0]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def host_allowed(host_header: str, bound: str, allowed: Iterable[str] = ()) -> bool:
    """Whether a request naming ``host_header`` is for this server, started on ``bound``.

    Accepted: ``localhost``, any loopback address, the address the server was bound to, the
    names in ``allowed`` (a reverse proxy's public name), and, for a server bound to every
    interface, any IP address (an IP address cannot be rebound to another site; a name can).

    Examples
    --------
    >>> host_allowed("127.0.0.1:8866", "127.0.0.1"), host_allowed("localhost:8866", "127.0.0.1")
    (True, True)
    >>> host_allowed("evil.example:8866", "127.0.0.1"), host_allowed("192.168.1.5:8866", "127.0.0.1")
    (False, False)
    >>> host_allowed("dash.example.fi", "127.0.0.1", ["Dash.Example.FI"]), host_allowed("10.0.0.7:80", "0.0.0.0")
    (True, True)
    """
    name = split_host(host_header)
    if not name:
        return False
    if name in LOCAL_NAMES or name == split_host(bound) or name in {split_host(a) for a in allowed}:
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or bound in WILDCARD_HOSTS


def origin_allowed(origin: str | None, bound: str, allowed: Iterable[str] = ()) -> bool:
    """Whether a WebSocket's ``Origin`` header is one of this server's own pages (a missing
    Origin is a script, not a browser, and is accepted; the literal ``null`` is refused).

    Examples
    --------
    >>> origin_allowed("http://127.0.0.1:8866", "127.0.0.1"), origin_allowed(None, "127.0.0.1")
    (True, True)
    >>> origin_allowed("http://evil.example:8866", "127.0.0.1"), origin_allowed("null", "127.0.0.1")
    (False, False)
    """
    if origin is None:
        return True
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#]+)", origin.strip().lower())
    return bool(match) and host_allowed(match.group(1).rsplit("@", 1)[-1], bound, allowed)
