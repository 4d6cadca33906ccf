"""The executor that runs a dashboard notebook for Voilà, without the ~60 s stalls.

Root cause of the stall (measured, see ``benchmarks/bench_stall.py``): nbclient waits for a
cell's ``execute_reply`` with *one* poll of the shell socket lasting the whole cell timeout
(60 s in ``dashboards/voila.json``), and for its outputs with one poll of the IOPub socket
without any timeout. pyzmq's asyncio poll learns that a socket has a message only from the
socket's edge-triggered ``ZMQ_FD``; when that wake-up is lost, the reply already sits in the
socket, kernel and server are idle, and the poll notices it only in the ``poll(0)`` pyzmq does
when the timeout fires — exactly 60 s after the cell began, then the page carries on.

:class:`SlicedPollExecutor` keeps nbclient's logic and its timeouts but makes every wait on
the shell and IOPub channels a series of polls of at most :data:`POLL_SLICE` seconds, each
ending with that ``poll(0)``: a lost wake-up now costs at most a fraction of a second. The
server counts the messages that only the end of a slice found (:data:`LATE_MESSAGES`, logged).
"""

from __future__ import annotations

import time
from queue import Empty

POLL_SLICE = 0.25
LATE_MESSAGES = {"count": 0}


def sliced(poll, channel_name: str, log=None):
    """``get_msg(timeout)`` of a kernel client channel (``poll``, that channel's own
    ``get_msg``), waiting in polls of at most :data:`POLL_SLICE` seconds until ``timeout``
    (``None``: for ever).

    Examples
    --------
    >>> import asyncio
    >>> arrivals = iter([Empty(), Empty(), {"msg_type": "execute_reply"}])
    >>> async def poll(timeout):
    ...     result = next(arrivals)
    ...     if isinstance(result, Exception):
    ...         raise result
    ...     return result
    >>> asyncio.run(sliced(poll, "shell")(timeout=60))
    {'msg_type': 'execute_reply'}
    """

    async def get_msg(timeout: float | None = None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = POLL_SLICE if deadline is None else max(0.0, min(POLL_SLICE, deadline - time.monotonic()))
            started = time.monotonic()
            try:
                message = await poll(timeout=wait)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise
                continue
            if wait > 0 and time.monotonic() - started >= wait * 0.98:
                LATE_MESSAGES["count"] += 1
                if log is not None:
                    log.info("a %s message was noticed only at the end of a %.2f s poll (lost wake-up?)",
                              channel_name, wait)
            return message

    return get_msg


def executor_class(log=None):
    """Voilà's executor with :func:`sliced` polls on the shell and IOPub channels (reporting
    late messages to ``log``)."""
    from voila.execute import VoilaExecutor

    class SlicedPollExecutor(VoilaExecutor):
        async def async_start_new_kernel_client(self, *args, **kwargs):
            client = await super().async_start_new_kernel_client(*args, **kwargs)
            for name in ("shell_channel", "iopub_channel"):
                channel = getattr(client, name)
                if not getattr(channel, "_workbook_sliced", False):
                    channel.get_msg = sliced(channel.get_msg, name, log)
                    channel._workbook_sliced = True
            return client

    return SlicedPollExecutor


def install(log=None) -> None:
    """Make Voilà's notebook renderer (pages and pre-heated kernels alike) use
    :class:`SlicedPollExecutor`. Called once by ``workbook serve``, with its log."""
    import voila.notebook_renderer

    if not getattr(voila.notebook_renderer.VoilaExecutor, "_workbook", False):
        cls = executor_class(log)
        cls._workbook = True
        voila.notebook_renderer.VoilaExecutor = cls
