"""The ``kg`` console script: signals first, then the CLI.

Ctrl-C and SIGTERM are turned into one line and exit codes 130 and 143 from the first
moment: the handlers are installed before click, spaCy or LAC are imported.
"""

from __future__ import annotations

import os
import signal
import sys


class Interrupted(BaseException):
    """Ctrl-C (SIGINT) or SIGTERM: stop now; ``code`` is the exit code."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class _Signals:
    """The first stop signal received, kept so that it is honoured even if swallowed.

    Some libraries import optional parts inside a bare ``except:``; an interrupt that
    lands there is caught and the command would run on and exit 0. The handler records
    the signal before raising, and ``main`` turns a recorded signal into its exit code
    whatever happened to the exception.
    """

    def __init__(self) -> None:
        self.code: int | None = None

    def handle(self, signum, _frame) -> None:
        code = 143 if signum == signal.SIGTERM else 130
        if self.code is None:
            self.code = code
        raise Interrupted(code)


def _quiet_about(kind: type, hook):
    """An unraisable hook that says nothing of ``kind`` and passes the rest to ``hook``.

    A signal that lands in a ``__del__`` or a garbage-collector callback cannot propagate;
    Python would print it with a traceback. It is recorded by ``_Signals`` all the same.
    """

    def unraisable(info) -> None:
        if not isinstance(info.exc_value, kind):
            hook(info)

    return unraisable


def main() -> int:
    received = _Signals()
    signal.signal(signal.SIGINT, received.handle)
    signal.signal(signal.SIGTERM, received.handle)
    sys.unraisablehook = _quiet_about(Interrupted, sys.unraisablehook)
    try:
        from .cli import main as cli_main

        code = cli_main()
    except Interrupted as stop:
        code = stop.code
        received.code = received.code or stop.code
    if received.code is not None:
        sys.stderr.write("kg: terminated\n" if received.code == 143 else "kg: interrupted\n")
        return received.code
    return code


def run() -> int:
    """The ``kg`` console script: ``main()``, then the process ends without tearing the interpreter down.

    After Ctrl-C the command's own cleanup has run (``finally`` blocks, atomic writes, the
    worker pool's termination) by the time ``main`` returns; what is left are interpreter
    exit hooks, among them ``concurrent.futures`` and ``multiprocessing`` joining helper
    threads of a pool whose workers were just terminated, which can wait on a dead pipe.
    A user who pressed Ctrl-C is not kept waiting on them. Only multiprocessing's finalizers
    of priority 0 and above are run first: they close the pool's queues and unlink its named
    semaphores (none of them waits on another process); skipped, the resource tracker
    outlives us and warns of "leaked semaphore objects".

    After a normal end every file is written and closed, the store flushed and the worker
    pool joined; tearing down the interpreter would only free, one by one, the million
    objects of the loaded pipeline (jieba's dictionary, the gazetteers: 0.4 s here). The
    ``atexit`` hooks are run and the process leaves, unless a non-daemon thread is still
    alive (then the interpreter's own shutdown joins it, as without this).
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    if code in (130, 143):
        mp_util = sys.modules.get("multiprocessing.util")
        if mp_util is not None:
            try:
                mp_util._run_finalizers(0)
            except Exception:  # noqa: BLE001 - leaving anyway; the tracker unlinks what is left
                pass
        os._exit(code)
    import threading

    if all(t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        import atexit

        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(run())
