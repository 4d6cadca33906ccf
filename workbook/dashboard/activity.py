"""The server's watch on its kernels' activity, at a fraction of its cost.

Jupyter's server reads every message each kernel publishes (outputs, widget updates, status)
to know when a kernel was last active (for culling idle kernels) and whether it is busy. It
decodes each message whole to do so: checks its signature and parses every date in its
headers. A visitor's page makes a few hundred such messages (its kernel's widgets, the
replacement kernel drawing the page again), and that decoding was about a sixth of the
server's CPU per visit (py-spy, ``benchmarks/bench_visit_cost.py``).

:func:`watch_cheaply` keeps Jupyter's rules exactly but reads only the message type of each
message and of its parent (and the state of a status message), as plain JSON. It does not
check signatures: these messages come from the kernel's own publishing socket, and what
they could alter is when a kernel counts as last active.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from jupyter_client.session import DELIM


def activity(frames: list[bytes]) -> tuple[str | None, str | None, str | None]:
    """The message type, the parent's message type and (for a status message) the execution
    state of a kernel's published message, given as the frames ZeroMQ delivered it.

    Examples
    --------
    >>> frames = [b"kernel.1.status", b"<IDS|MSG>", b"signature", b'{"msg_type": "status"}',
    ...           b'{"msg_type": "execute_request"}', b"{}", b'{"execution_state": "busy"}']
    >>> activity(frames)
    ('status', 'execute_request', 'busy')
    >>> activity([b"<IDS|MSG>", b"", b'{"msg_type": "stream"}', b"{}", b"{}", b'{"text": "hi"}'])
    ('stream', None, None)
    """
    start = frames.index(DELIM) + 1
    header, parent = json.loads(frames[start + 1]), json.loads(frames[start + 2])
    msg_type = header.get("msg_type")
    state = json.loads(frames[start + 4]).get("execution_state") if msg_type == "status" else None
    return msg_type, parent.get("msg_type"), state


def watch_cheaply(manager_class) -> None:
    """Make ``manager_class`` (Jupyter's mapping kernel manager or a subclass) watch its
    kernels' activity with :func:`activity` instead of decoding every message."""
    if getattr(manager_class.start_watching_activity, "cheap", False):
        return

    def start_watching_activity(self, kernel_id):
        kernel = self._kernels[kernel_id]
        kernel.reason = ""
        kernel.last_activity = datetime.now(timezone.utc)
        kernel._activity_stream = kernel.connect_iopub()

        def record_activity(frames):
            msg_type, parent_type, state = activity(frames)
            if self.track_message_type(msg_type) or self.track_message_type(parent_type) \
                    or kernel.execution_state == "busy":
                self.last_kernel_activity = kernel.last_activity = datetime.now(timezone.utc)
            if msg_type == "status":
                if self.track_message_type(parent_type):
                    kernel.execution_state = state
                elif kernel.execution_state == "starting" and state != "starting":
                    kernel.execution_state = "idle"  # as Jupyter: untracked replies leave a kernel idle

        kernel._activity_stream.on_recv(record_activity)

    start_watching_activity.cheap = True
    manager_class.start_watching_activity = start_watching_activity
