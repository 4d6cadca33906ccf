"""The server's cheap watch on its kernels' activity (workbook.dashboard.activity) decides as
Jupyter's own: when a kernel was last active (what idle culling goes by) and whether it is
busy, for the same messages."""

from __future__ import annotations

import datetime

from jupyter_client.session import Session
from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

from workbook.dashboard.activity import watch_cheaply


class _Stream:
    def on_recv(self, callback):
        self.callback = callback


class _Kernel:
    def __init__(self, session):
        self.session = session
        self.execution_state = "starting"
        self.last_activity = None
        self.stream = _Stream()

    def connect_iopub(self):
        return self.stream


def _watched(manager_class, session):
    manager = manager_class()
    kernel = _Kernel(session)
    manager._kernels = {"k": kernel}
    manager.start_watching_activity("k")
    return manager, kernel


def _messages(session):
    """What a kernel publishes while it starts, runs a cell drawing widgets and answers a
    page's requests for widget state and kernel info."""
    requests = {kind: session.msg(kind) for kind in ("execute_request", "kernel_info_request", "comm_msg")}

    def published(msg_type, parent, content):
        return session.serialize(session.msg(msg_type, content, parent=requests.get(parent, {})),
                                 ident=f"kernel.k.{msg_type}".encode())

    return [
        published("status", None, {"execution_state": "starting"}),
        published("status", "kernel_info_request", {"execution_state": "busy"}),
        published("status", "kernel_info_request", {"execution_state": "idle"}),
        published("status", "execute_request", {"execution_state": "busy"}),
        published("execute_input", "execute_request", {"code": "page", "execution_count": 1}),
        published("comm_open", "execute_request", {"comm_id": "1", "target_name": "jupyter.widget", "data": {}}),
        published("stream", "execute_request", {"name": "stdout", "text": "x"}),
        published("status", "execute_request", {"execution_state": "idle"}),
        published("status", "comm_msg", {"execution_state": "busy"}),
        published("comm_msg", "comm_msg", {"comm_id": "1", "data": {"method": "update"}}),
        published("status", "comm_msg", {"execution_state": "idle"}),
    ]


class _Jupyters(MappingKernelManager):
    """Jupyter's own watch (the class is patched by the server, not this subclass's copy)."""


class _Cheap(MappingKernelManager):
    pass


_Jupyters.start_watching_activity = MappingKernelManager.start_watching_activity
watch_cheaply(_Cheap)


def test_the_cheap_watch_decides_as_jupyters_own_for_every_message():
    session = Session(key=b"secret")
    jupyters, jupyters_kernel = _watched(_Jupyters, session)
    cheap, cheap_kernel = _watched(_Cheap, session)
    # Jupyter's own, not ours installed in this process by a server: else the test compares ours with ours.
    assert not getattr(_Jupyters.start_watching_activity, "cheap", False)
    assert MappingKernelManager.start_watching_activity is _Jupyters.start_watching_activity  # others untouched
    decisions = {"jupyter": [], "cheap": []}
    for message in _messages(session):
        for name, manager, kernel in (("jupyter", jupyters, jupyters_kernel), ("cheap", cheap, cheap_kernel)):
            kernel.last_activity = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
            kernel.stream.callback(list(message))
            decisions[name].append((kernel.execution_state, kernel.last_activity.year > 2000))
    assert decisions["cheap"] == decisions["jupyter"]
    states = [state for state, _ in decisions["cheap"]]
    assert "busy" in states and states[-1] == "idle"
    assert any(renewed for _, renewed in decisions["cheap"]) and not all(renewed for _, renewed in decisions["cheap"])
