"""How the server waits for its kernels' messages (workbook.dashboard.executor): short polls
while a cell runs (a lost wake-up costs a fraction of a second, not the cell's timeout), long
ones while a pre-heated kernel waits for its visitor, short again the moment the visitor comes."""

from __future__ import annotations

import asyncio
import concurrent.futures
from queue import Empty

from workbook.dashboard.executor import POLL_SLICE, WAITING_SLICE, sliced


class _Channel:
    """A channel whose message arrives after ``arrives_after`` polls; records each poll's timeout."""

    def __init__(self, arrives_after: int, poll_s: float = 0.0):
        self.timeouts: list[float] = []
        self.arrives_after = arrives_after
        self.poll_s = poll_s

    async def get_msg(self, timeout=None):
        self.timeouts.append(timeout)
        if len(self.timeouts) > self.arrives_after:
            return {"msg_type": "execute_reply", "header": {}}
        await asyncio.sleep(self.poll_s)
        raise Empty


def _run(coroutine_function):
    with concurrent.futures.ThreadPoolExecutor(1) as thread:  # a loop of its own, whatever runs here
        return thread.submit(asyncio.run, coroutine_function()).result()


def test_a_running_cell_is_polled_in_short_slices_until_its_reply():
    channel = _Channel(arrives_after=3)
    message = _run(lambda: sliced(channel.get_msg, "shell_channel")(timeout=60))
    assert message["msg_type"] == "execute_reply"
    assert channel.timeouts == [POLL_SLICE] * 4


def test_a_kernel_waiting_for_its_visitor_is_polled_rarely_and_at_once_when_the_visitor_comes():
    channel = _Channel(arrives_after=2, poll_s=3600)  # a poll lasts as long as it is allowed to

    async def wait_then_arrive():
        arrival = asyncio.Event()
        get_msg = sliced(channel.get_msg, "shell_channel", waiting=lambda: arrival)
        task = asyncio.ensure_future(get_msg(timeout=None))
        await asyncio.sleep(0.05)
        waiting_timeouts = list(channel.timeouts)
        arrival.set()  # the server gives the kernel to a visitor
        channel.poll_s = 0.0
        started = asyncio.get_running_loop().time()
        message = await asyncio.wait_for(task, 5)
        return waiting_timeouts, message, asyncio.get_running_loop().time() - started

    waiting_timeouts, message, seconds = _run(wait_then_arrive)
    assert waiting_timeouts == [WAITING_SLICE]
    assert message["msg_type"] == "execute_reply" and seconds < 1
    assert channel.timeouts[1:] == [POLL_SLICE, POLL_SLICE]


def test_one_poll_for_the_whole_timeout_when_slicing_is_off():
    channel = _Channel(arrives_after=0)
    _run(lambda: sliced(channel.get_msg, "shell_channel", slice_s=None, waiting=asyncio.Event)(timeout=60))
    assert channel.timeouts == [60]


def test_a_page_runs_without_a_heartbeat_thread_and_asks_its_manager_whether_the_kernel_lives():
    """A pre-heated kernel's page client lives as long as the kernel waits for its visitor;
    a heartbeat would ping it every second from a thread of the server's all that time."""
    from jupyter_client.manager import AsyncKernelManager

    from workbook.dashboard.executor import PAGE_CLIENT, PageClient

    manager = AsyncKernelManager(client_class=PAGE_CLIENT)
    manager.write_connection_file()  # ports to connect to; no kernel needed
    asked = []

    async def alive():
        asked.append(True)
        return True

    manager._async_is_alive = alive
    try:
        client = manager.client()
        assert isinstance(client, PageClient)
        client.start_channels()
        try:
            assert client.channels_running and client.shell_channel.is_alive()
            assert client._hb_channel is None, "a heartbeat channel was started"
            assert _run(client._async_is_alive) and asked == [True]
        finally:
            client.stop_channels()
    finally:
        manager.cleanup_connection_file()


def test_a_waiting_kernel_is_asked_rarely_whether_it_lives_and_at_once_when_its_visitor_comes(monkeypatch):
    """nbclient asks every second whether a running cell's kernel lives; a pre-heated kernel's
    last cell runs until its visitor comes, so that was a question a second per waiting kernel
    for as long as nobody came. A kernel found dead still ends the cell's wait."""
    import nbformat
    from nbclient.exceptions import DeadKernelError

    from workbook.dashboard import executor

    monkeypatch.setattr(executor, "WAITING_SLICE", 0.5)
    page = executor.executor_class()(nbformat.v4.new_notebook())

    async def wait_then_arrive():
        loop = asyncio.get_running_loop()
        start, asked = loop.time(), []

        async def check_alive():
            asked.append(loop.time() - start)
            if len(asked) == 3:
                raise DeadKernelError("the kernel died")

        page._async_check_alive = check_alive
        page._arrival, page._waits_for_visitor = asyncio.Event(), True
        page.task_poll_for_reply = asyncio.ensure_future(asyncio.sleep(3600))  # the cell's wait
        polling = asyncio.ensure_future(page._async_poll_kernel_alive())
        await asyncio.sleep(1.2)
        page._arrival.set()  # the server gives the kernel to a visitor
        await asyncio.wait_for(polling, 5)
        try:
            await page.task_poll_for_reply
        except asyncio.CancelledError:
            return asked, True
        return asked, False

    asked, cell_ended = _run(wait_then_arrive)
    assert len(asked) == 3 and 0.45 < asked[0] < asked[1] - 0.45, asked
    assert asked[2] - 1.2 < 0.25, "not asked at once when the visitor came"
    assert cell_ended
