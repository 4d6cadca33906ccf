"""Visitors' kernels forked from one process that has imported everything a page needs.

A new Python kernel spends about 0.35 CPU seconds importing ipykernel, ipywidgets and the
workbook's dashboard code before it runs a line of its page, and every visitor of a room
costs one new kernel (the one that replaces the pre-heated kernel the visitor took). The
server therefore starts one *fork server* (``python -m workbook.dashboard.forks``) that
imports all that once and then, for each kernel Jupyter asks for, forks itself: the child
sets the kernel's environment, working folder and session and becomes the kernel
(``ipykernel_launcher -f CONNECTION_FILE``), exactly what Jupyter would have started, in a
few milliseconds and sharing the imported code's memory with its siblings.

:class:`ForkProvisioner` is the Jupyter kernel provisioner (entry point
``workbook-forks``) the dashboard server uses for that; any kernel command that is not an
ipykernel, or any failure of the fork server, falls back to starting the kernel as Jupyter
does (:class:`jupyter_client.provisioning.LocalProvisioner`).

The fork server holds no thread and no ZeroMQ context when it forks (both would be unsafe
to copy); it reaps its children and ends when the server closes its request pipe.
"""

from __future__ import annotations

import gc
import json
import os
import select
import signal
import subprocess
import sys
import threading
from typing import Any

from jupyter_client.provisioning import LocalProvisioner
from setproctitle import getproctitle, setproctitle

PROVISIONER = "workbook-forks"
START_TIMEOUT_S = 120  # importing the pages' code on a loaded machine
FORK_TIMEOUT_S = 30
LAUNCHER = ("-m", "ipykernel_launcher")
# What every dashboard kernel imports before it draws: imported once, by the fork server.
PRELOADED = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.comm", "ipykernel_launcher", "ipywidgets", "anywidget",
    "IPython.display",
    "workbook.dashboard", "workbook.dashboard.widgets", "workbook.dashboard.filters",
    "workbook.dashboard.defaults", "workbook.dashboard.context", "workbook.dashboard.network_map",
    "workbook.dashboard.pages.overview", "workbook.dashboard.pages.participation",
    "workbook.dashboard.pages.network", "workbook.dashboard.pages.actions", "workbook.dashboard.pages.clusters",
    # What ipykernel and IPython import as a kernel starts, runs, waits for its visitor and ends
    # (found with an import audit hook in forked kernels): 200-odd modules, debugpy most of them.
    "ipykernel.debugger", "debugpy.server.api", "IPython.core.debugger", "IPython.core.oinspect",
    "IPython.core.completerlib", "IPython.core.logger", "psutil", "sqlite3", "faulthandler", "multiprocessing",
    "tornado.platform.asyncio", "tornado.websocket", "tornado.httpserver", "tornado.tcpclient", "zmq.utils.garbage",
    "stack_data", "pygments.formatters.html", "pygments.formatters.terminal256", "pygments.lexers.python",
)


def kernel_arguments(command: list[str]) -> list[str] | None:
    """The ipykernel arguments of a kernel command (``[python, -m, ipykernel_launcher, ...]``)
    that the fork server can run, or ``None`` for any other command (another interpreter,
    another kernel).

    Examples
    --------
    >>> import sys
    >>> kernel_arguments([sys.executable, "-m", "ipykernel_launcher", "-f", "/tmp/k.json"])
    ['-f', '/tmp/k.json']
    >>> kernel_arguments(["/opt/other/python", "-m", "ipykernel_launcher", "-f", "/tmp/k.json"]) is None
    True
    """
    if len(command) < 3 or tuple(command[1:3]) != LAUNCHER:
        return None
    if command[0] != sys.executable:  # jupyter_client writes sys.executable for "python"
        return None
    return list(command[3:])


# ---------------------------------------------------------------------------- the fork server


def _serve(requests, answers) -> dict | None:
    """Fork a kernel for each request; in the parent, answer its process id. Returns the
    request in the forked child (which then becomes the kernel), ``None`` when the server
    closed the pipe."""
    for line in requests:
        request = json.loads(line)
        if threading.active_count() > 1:
            answers.write(json.dumps({"error": "the fork server runs a thread; it cannot fork"}) + "\n")
            answers.flush()
            continue
        pid = os.fork()
        if pid == 0:
            return request
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()
    return None


def _reap(signum, frame) -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _become_kernel(request: dict, answers) -> None:
    """In the forked child: the kernel's session, folder, environment and standard input, then
    ipykernel as ``python -m ipykernel_launcher ARGUMENTS`` runs it."""
    for signum in (signal.SIGCHLD, signal.SIGINT):
        signal.signal(signum, signal.SIG_DFL)
    # Seen by `ps` and by whoever counts the server's kernels: the command Jupyter would have run.
    setproctitle(" ".join([sys.executable, *LAUNCHER, *request["arguments"]]))
    os.setsid()  # Jupyter starts kernels in a session of their own: interrupts go to its group
    answers.close()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)  # the request pipe is the fork server's, not the kernel's
    os.close(null)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.path[0] = request["cwd"]  # as `python -m` sets it
    import ipykernel_launcher
    from ipykernel import kernelapp

    # ipykernel read JPY_PARENT_PID when the fork server imported it: its parent is said
    # here, and the kernel ends when the fork server is gone.
    sys.argv = [ipykernel_launcher.__file__, *request["arguments"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    app = kernelapp.IPKernelApp.instance()  # what launch_new_instance does, with one step between
    app.initialize()
    # Importing ipywidgets in a kernel registers its comm targets; the fork server imported it
    # before there was a kernel. Without them a page's widget manager cannot fetch every
    # widget's state in one message and asks for each widget's state in turn (three
    # messages through the server per widget) after an error on the kernel's stderr.
    import ipywidgets

    ipywidgets.register_comm_target()
    app.start()


def main() -> None:
    """The fork server: ``python -m workbook.dashboard.forks ANSWER_FD``, requests on stdin."""
    import importlib

    answers_fd = int(sys.argv[1])
    # debugpy (imported for ipykernel's debugger) would warn in the server's log that frozen
    # modules may hide breakpoints: nobody debugs a dashboard's kernel.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    for module in PRELOADED:
        try:
            importlib.import_module(module)
        except ImportError:  # an optional one (debugpy, stack_data): a kernel then does without it too
            pass
    # setproctitle finds the command line's memory through the environment, which a kernel replaces.
    setproctitle(getproctitle())
    # The imported modules' objects are never collected: a kernel's garbage collector then
    # neither walks them nor touches (and so copies) their memory.
    gc.freeze()
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which closes the pipe
    answers = os.fdopen(answers_fd, "w")
    answers.write(json.dumps({"ready": os.getpid()}) + "\n")
    answers.flush()
    request = _serve(sys.stdin, answers)
    if request is None:
        return
    _become_kernel(request, answers)


# ------------------------------------------------------------------ the server's side of it


class ForkServer:
    """The server's handle on its fork server, started at the first kernel; one at a time asks
    it for a kernel (a fork takes milliseconds)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process = None
        self._answers = None
        self.pid: int | None = None

    def fork(self, arguments: list[str], env: dict[str, str], cwd: str) -> int:
        """Fork a kernel running ``ipykernel_launcher ARGUMENTS`` in ``cwd`` with ``env``;
        its process id. Raises :class:`OSError` when the fork server cannot."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start(env)
            request = {"arguments": arguments, "env": env, "cwd": cwd}
            try:
                self._process.stdin.write(json.dumps(request) + "\n")
                self._process.stdin.flush()
                answer = self._answer(FORK_TIMEOUT_S)
            except (OSError, ValueError) as error:
                self.stop()
                raise OSError(f"the fork server failed: {error}") from error
            if "pid" not in answer:
                raise OSError(answer.get("error", "the fork server ended"))
            return answer["pid"]

    def _start(self, env: dict[str, str]) -> None:
        self.stop()
        read_end, write_end = os.pipe()
        try:
            # The first kernel's environment: the fork server imports what kernels import, as a kernel would.
            self._process = subprocess.Popen(
                [sys.executable, "-m", "workbook.dashboard.forks", str(write_end)], stdin=subprocess.PIPE,
                pass_fds=(write_end,), env=env, text=True, start_new_session=True)
        finally:
            os.close(write_end)
        self._answers = os.fdopen(read_end, "r")
        try:
            ready = self._answer(START_TIMEOUT_S)
        except (OSError, ValueError):
            ready = {}
        if "ready" not in ready:
            self.stop()
            raise OSError("the fork server did not start")
        self.pid = ready["ready"]

    def _answer(self, timeout: float) -> dict:
        """The fork server's next answer; a fork server that hangs must not hang every kernel's start."""
        if not select.select([self._answers], [], [], timeout)[0]:
            raise OSError(f"no answer from the fork server in {timeout:.0f} s")
        return json.loads(self._answers.readline() or "{}")

    def stop(self) -> None:
        """End the fork server; its kernels end with it."""
        if self._process is not None:
            if self._process.stdin:
                self._process.stdin.close()  # the fork server ends; its kernels end with it
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:  # a hung fork server
                self._process.kill()
                self._process.wait()
        if self._answers is not None:
            self._answers.close()
        self._process = self._answers = self.pid = None


FORK_SERVER = ForkServer()


class ForkedKernel:
    """A forked kernel as Jupyter handles a kernel process (``subprocess.Popen``'s part of it).
    It is the fork server's child, not the server's: it is watched through a process file
    descriptor (``pidfd``, readable once the process has ended, whoever reaps it), and its
    exit status is not known (``-1``).

    Jupyter asks every kernel whether it still runs about once a second while a cell runs
    (and a pre-heated kernel's last cell runs until its visitor comes): one ``select`` on the
    descriptor, where looking the process up by its id read ``/proc`` twice each time.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._pidfd: int | None = os.pidfd_open(pid)
        except ProcessLookupError:  # ended already (and reaped by the fork server)
            self._pidfd = None
            self.returncode = -1

    def poll(self) -> int | None:
        return self.wait(0) if self.returncode is None else self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        """The exit status once the kernel has ended; with ``timeout=0``, ``None`` while it runs."""
        if self.returncode is None:
            if not select.select([self._pidfd], [], [], timeout)[0]:
                if timeout == 0:
                    return None
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            self.returncode = -1
            os.close(self._pidfd)
            self._pidfd = None
        return self.returncode

    def __del__(self) -> None:
        if getattr(self, "_pidfd", None) is not None:
            os.close(self._pidfd)

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:  # as Popen: an ended kernel's process id may be someone else's now
            signal.pidfd_send_signal(self._pidfd, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkProvisioner(LocalProvisioner):
    """Jupyter's local provisioner, except that an ipykernel is forked from the fork server
    (:data:`FORK_SERVER`) instead of started from scratch."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        import asyncio

        arguments = kernel_arguments(cmd)
        if arguments is None:
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid = await asyncio.get_running_loop().run_in_executor(None, FORK_SERVER.fork, arguments, env, cwd)
        except OSError as error:
            self.log.warning("kernel started without the fork server: %s", error)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedKernel(pid)
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info


def available() -> bool:
    """Whether Jupyter finds the provisioner (the workbook is installed with its entry points)."""
    from importlib.metadata import entry_points

    return any(entry.name == PROVISIONER for entry in entry_points(group="jupyter_client.kernel_provisioners"))


if __name__ == "__main__":
    main()
