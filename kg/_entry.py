"""The ``kg`` console script: signals first, then the CLI.

Ctrl-C and SIGTERM are turned into one line and exit codes 130 and 143 from the first
moment: the handlers are installed before click, spaCy or LAC are imported.
"""

from __future__ import annotations

import signal
import sys


class Interrupted(BaseException):
    """Ctrl-C (SIGINT) or SIGTERM: stop now; ``code`` is the exit code."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def _raise(signum, _frame) -> None:
    raise Interrupted(143 if signum == signal.SIGTERM else 130)


def main() -> int:
    signal.signal(signal.SIGINT, _raise)
    signal.signal(signal.SIGTERM, _raise)
    try:
        from .cli import main as cli_main

        return cli_main()
    except Interrupted as stop:
        sys.stderr.write("kg: terminated\n" if stop.code == 143 else "kg: interrupted\n")
        return stop.code


if __name__ == "__main__":
    sys.exit(main())
