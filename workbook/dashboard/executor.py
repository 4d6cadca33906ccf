"""The executor that runs a dashboard notebook for Voilà, without the ~60 s stalls.

Root cause of the stall (measured, see ``benchmarks/bench_stall.py``): nbclient waits for a
cell's ``execute_reply`` with *one* poll of the shell socket lasting the whole cell timeout
(60 s in ``dashboards/voila.json``), and for its outputs with one poll of the IOPub socket
without any timeout. pyzmq's asyncio poll learns that a socket has a message only from the
socket's edge-triggered ``ZMQ_FD``; when that wake-up is lost, the reply already sits in the
socket, kernel and server are idle, and the poll notices it only in the ``poll(0)`` pyzmq does
when the timeout fires — exactly 60 s after the cell began, then the page carries on.
Measured with ``benchmarks/bench_stall.py`` (24 sequential visits of the participation,
actions and clusters pages, each way, on a busy 2-core machine): with nbclient's single poll,
2 cell replies reached the server 39.9 and 40.1 s after the kernel had sent them (the cells
had run about 20 s; the replies were found when the 60 s poll ended); with the sliced polls, 0.

:class:`SlicedPollExecutor` keeps nbclient's logic and its timeouts but makes every wait on
the shell and IOPub channels a series of polls of at most :data:`POLL_SLICE` seconds, each
ending with that ``poll(0)``: a lost wake-up now costs at most a fraction of a second. The
server logs every cell reply that reached it more than :data:`LATE_REPLY_S` seconds after the
kernel sent it (the stall itself, whatever the machine's load; counted in
:data:`LATE_MESSAGES`).

A pre-heated kernel waits for its visitor in its last cell (tagged ``waits-for-visitor``),
for minutes or hours, and the server would poll it four times a second on two channels all
that time (measured: ~4 ms of the server's CPU per waiting kernel per second, most of what
an idle server with a room's pools does). While a kernel waits, its polls therefore last
:data:`WAITING_SLICE` seconds, and so does nbclient's question whether the kernel still
lives (every second otherwise; measured with a room's 42 waiting kernels: the idle server's
CPU from 14 to 6 ms per second); the server says when the kernel's visitor has come
(:func:`visitor_arrived`), and from then on its polls are short again: the wake-up that
counts, the cell's end, is never waited for longer than before.
"""

from __future__ import annotations

import asyncio
import datetime
import time
import weakref
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient

from workbook.dashboard.context import WAITS_FOR_VISITOR

POLL_SLICE = 0.25
WAITING_SLICE = 10.0
LATE_REPLY_S = 5.0
LATE_MESSAGES = {"count": 0}


def sliced(poll, channel_name: str, log=None, slice_s: float | None = POLL_SLICE,
           waiting=lambda: None):
    """``get_msg(timeout)`` of a kernel client channel (``poll``, that channel's own
    ``get_msg``), waiting in polls of at most ``slice_s`` seconds until ``timeout`` (``None``:
    for ever; ``slice_s=None``: one poll for the whole timeout, as nbclient does).

    ``waiting()`` is the :class:`asyncio.Event` of a kernel waiting for its visitor (``None``
    otherwise): until it is set, polls last :data:`WAITING_SLICE` seconds, and setting it
    ends the poll under way.

    A reply on the shell channel that arrives more than :data:`LATE_REPLY_S` seconds after the
    kernel sent it is logged ("a cell's reply reached the server … after the kernel sent it"):
    that is the stall, measured without regard to how busy the machine is.

    Examples
    --------
    >>> import asyncio, concurrent.futures
    >>> arrivals = iter([Empty(), Empty(), {"msg_type": "execute_reply", "header": {}}])
    >>> async def poll(timeout):
    ...     result = next(arrivals)
    ...     if isinstance(result, Exception):
    ...         raise result
    ...     return result
    >>> with concurrent.futures.ThreadPoolExecutor(1) as thread:  # a loop of its own, whatever runs here
    ...     thread.submit(asyncio.run, sliced(poll, "shell")(timeout=60)).result()["msg_type"]
    'execute_reply'
    """

    async def get_msg(timeout: float | None = None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            arrival = waiting() if slice_s is not None else None
            if arrival is not None and arrival.is_set():
                arrival = None  # the visitor has come: short polls again
            if slice_s is None:
                wait = timeout
            else:
                longest = slice_s if arrival is None else max(slice_s, WAITING_SLICE)
                wait = longest if deadline is None else max(0.0, min(longest, deadline - time.monotonic()))
            try:
                message = await (poll(timeout=wait) if arrival is None else _until_set(poll(timeout=wait), arrival))
            except Empty:
                if slice_s is None or (deadline is not None and time.monotonic() >= deadline):
                    raise
                continue
            _check_delay(message, channel_name, log)
            return message

    return get_msg


async def _until_set(polling, event: asyncio.Event):
    """The message ``polling`` finds, or :class:`queue.Empty` as soon as ``event`` is set."""
    poll_task, set_task = asyncio.ensure_future(polling), asyncio.ensure_future(event.wait())
    try:
        await asyncio.wait((poll_task, set_task), return_when=asyncio.FIRST_COMPLETED)
    finally:
        set_task.cancel()
    if not poll_task.done():
        poll_task.cancel()
        try:
            await poll_task
        except (asyncio.CancelledError, Empty):
            pass
        raise Empty
    return poll_task.result()


# Per kernel id, the event set when the kernel's visitor comes; held by the kernel's executor.
_ARRIVALS: weakref.WeakValueDictionary[str, asyncio.Event] = weakref.WeakValueDictionary()


def visitor_arrived(kernel_id: str) -> None:
    """The server gave kernel ``kernel_id`` to a visitor: its polls are short again."""
    event = _ARRIVALS.get(kernel_id)
    if event is not None:
        event.set()


def _check_delay(message, channel_name: str, log) -> None:
    sent = message.get("header", {}).get("date")
    if channel_name != "shell_channel" or message.get("msg_type") != "execute_reply" \
            or not isinstance(sent, datetime.datetime) or sent.tzinfo is None:
        return
    delay = (datetime.datetime.now(datetime.timezone.utc) - sent).total_seconds()
    if delay > LATE_REPLY_S:
        LATE_MESSAGES["count"] += 1
        if log is not None:
            log.warning("a cell's reply reached the server %.1f s after the kernel sent it", delay)


class PageClient(AsyncKernelClient):
    """The kernel client that runs a page (nbclient's): Jupyter's, without the heartbeat
    channel, a thread per kernel pinging it every second for as long as the page's client
    lives, which for a pre-heated kernel is as long as it waits for its visitor (most of an
    idle server's CPU). Whether the kernel is alive is asked of its manager anyway: a client
    made by a kernel manager never reads the heartbeat (:mod:`workbook.dashboard.forks`
    watches a forked kernel's process)."""

    def start_channels(self, shell: bool = True, iopub: bool = True, stdin: bool = True, hb: bool = True,
                       control: bool = True) -> None:
        super().start_channels(shell, iopub, stdin, False, control)


PAGE_CLIENT = f"{PageClient.__module__}.{PageClient.__qualname__}"


def executor_class(log=None, slice_s: float | None = POLL_SLICE):
    """Voilà's executor with :func:`sliced` polls on the shell and IOPub channels (reporting
    late replies to ``log``)."""
    from nbclient.exceptions import DeadKernelError
    from voila.execute import VoilaExecutor

    class SlicedPollExecutor(VoilaExecutor):
        _arrival: asyncio.Event | None = None
        _waits_for_visitor = False

        async def async_start_new_kernel_client(self, *args, **kwargs):
            # Before any cell runs: a visitor may take a kernel whose page is still being drawn.
            kernel_id = getattr(self.km, "kernel_id", None)
            if kernel_id is not None:
                self._arrival = _ARRIVALS[kernel_id] = asyncio.Event()
            client = await super().async_start_new_kernel_client(*args, **kwargs)
            for name in ("shell_channel", "iopub_channel"):
                channel = getattr(client, name)
                if not getattr(channel, "_workbook_sliced", False):
                    channel.get_msg = sliced(channel.get_msg, name, log, slice_s, self._waiting)
                    channel._workbook_sliced = True
            return client

        def _waiting(self) -> asyncio.Event | None:
            return self._arrival if self._waits_for_visitor else None

        async def _async_poll_kernel_alive(self) -> None:
            # nbclient's loop, which asks every second whether the kernel lives; a kernel
            # waiting for its visitor is asked every WAITING_SLICE seconds, and again at once
            # when the visitor comes.
            while True:
                arrival = self._waiting()
                if arrival is None or arrival.is_set():
                    await asyncio.sleep(1)
                else:
                    try:
                        await asyncio.wait_for(arrival.wait(), WAITING_SLICE)
                    except asyncio.TimeoutError:
                        pass
                try:
                    await self._async_check_alive()
                except DeadKernelError:
                    self.task_poll_for_reply.cancel()
                    return

        async def async_execute_cell(self, cell, *args, **kwargs):
            self._waits_for_visitor = WAITS_FOR_VISITOR in cell.get("metadata", {}).get("tags", ())
            try:
                return await super().async_execute_cell(cell, *args, **kwargs)
            finally:
                self._waits_for_visitor = False

    return SlicedPollExecutor


def install(log=None, slice_s: float | None = POLL_SLICE) -> None:
    """Make Voilà's notebook renderer (pages and pre-heated kernels alike) use
    :class:`SlicedPollExecutor`. Called once by ``workbook serve``, with its log."""
    import voila.notebook_renderer

    if not getattr(voila.notebook_renderer.VoilaExecutor, "_workbook", False):
        cls = executor_class(log, slice_s)
        cls._workbook = True
        voila.notebook_renderer.VoilaExecutor = cls
