"""The console entry point: a stop signal always ends in its exit code and one line."""

from __future__ import annotations

import gc
import os
import signal
import sys
import types

import pytest

from kg import _entry


def _fake_cli(monkeypatch, body):
    module = types.ModuleType("kg.cli")
    module.main = body
    monkeypatch.setitem(sys.modules, "kg.cli", module)


@pytest.fixture
def restore_signals():
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    hook = sys.unraisablehook
    yield
    for s, handler in saved.items():
        signal.signal(s, handler)
    sys.unraisablehook = hook


def test_an_interrupt_swallowed_by_a_library_still_ends_in_130(monkeypatch, capsys, restore_signals):
    def swallowing_cli():
        try:  # what some libraries do around optional imports
            os.kill(os.getpid(), signal.SIGINT)
        except:  # noqa: E722
            pass
        return 0

    _fake_cli(monkeypatch, swallowing_cli)
    assert _entry.main() == 130
    assert capsys.readouterr().err == "kg: interrupted\n"


def test_an_interrupt_inside_a_destructor_is_silent_and_counted(monkeypatch, capsys, restore_signals):
    class Finalized:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGTERM)

    def cli_with_destructor():
        Finalized()
        gc.collect()
        return 0

    _fake_cli(monkeypatch, cli_with_destructor)
    assert _entry.main() == 143
    assert capsys.readouterr().err == "kg: terminated\n"


def test_without_signals_the_cli_code_is_returned(monkeypatch, capsys, restore_signals):
    _fake_cli(monkeypatch, lambda: 3)
    assert _entry.main() == 3
    assert capsys.readouterr().err == ""


def test_the_console_script_ends_at_once_after_a_stop_signal(tmp_path):
    """``kg._entry.run`` skips interpreter exit hooks after Ctrl-C: a thread left blocked at exit
    (here a non-daemon thread that would wait forever) does not keep the process alive."""
    import subprocess
    import sys
    script = tmp_path / "stop.py"
    script.write_text(
        "import os, signal, sys, threading\n"
        "from kg import _entry\n"
        "threading.Thread(target=threading.Event().wait).start()  # never ends\n"
        "def stopped():\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    import time; time.sleep(5)\n"
        "    return 0\n"
        "import kg.cli\n"
        "kg.cli.main = stopped\n"
        "sys.exit(_entry.run())\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 130, r.stderr
    assert r.stderr.strip().splitlines()[-1] == "kg: interrupted"


def test_an_error_after_a_recorded_interrupt_is_its_echo_not_an_internal_error(monkeypatch, capsys, restore_signals):
    # Ctrl-C landing while a compiled module initializes surfaces as ImportError("initialization failed")
    import kg.cli as cli

    def failing(*args, **kwargs):
        raise ImportError("initialization failed")

    monkeypatch.setattr(cli.cli, "main", failing)
    assert cli.main(["build"]) == 70  # no signal recorded: an internal error, one line
    assert "kg: internal error: ImportError" in capsys.readouterr().err
    received = _entry._Signals()
    received.code = 130
    signal.signal(signal.SIGINT, received.handle)
    assert cli.main(["build"]) == 130
    assert capsys.readouterr().err == ""  # kg._entry writes the one line "kg: interrupted"


def test_a_report_error_after_a_recorded_interrupt_is_its_echo(monkeypatch, capsys, restore_signals):
    # Ctrl-C breaking an import inside one report's build makes that report fail (E046, exit 70)
    import kg.cli as cli
    from kg.errors import KGError

    def failing(*args, **kwargs):
        raise KGError("'r.md' could not be built: ImportError: opencc_clib not found", exit_code=70)

    monkeypatch.setattr(cli.cli, "main", failing)
    assert cli.main(["build"]) == 70  # no signal recorded: the report's error, one line
    assert "kg: error: 'r.md' could not be built" in capsys.readouterr().err
    received = _entry._Signals()
    received.code = 130
    signal.signal(signal.SIGINT, received.handle)
    assert cli.main(["build"]) == 130
    assert capsys.readouterr().err == ""  # kg._entry writes the one line "kg: interrupted"
