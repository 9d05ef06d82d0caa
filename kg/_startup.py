"""Start-up: ``import spacy`` without spaCy's command line.

``spacy/__init__.py`` imports ``spacy.cli.info`` to offer ``spacy.info``, and with it the
whole ``spacy.cli`` package: typer, weasel, httpx, jinja2 and every training command
(0.35-0.45 s of the 0.8-1.0 s ``import spacy`` takes on the benchmark machine). kg
never runs spaCy's CLI, and ``kg build`` of a small file is mostly start-up.

:func:`install` puts a one-shot finder on ``sys.meta_path``. When ``spacy`` is first
imported, the finder lets the regular finders locate it and wraps its loader: while
spaCy's ``__init__`` runs, ``spacy.cli`` and ``spacy.cli.info`` are placeholders whose
``info`` imports the real function when called; once it has run, the placeholders are
removed. A later ``import spacy.cli`` (a notebook, spaCy's own registry) imports the
real package as usual, and ``spacy.info()`` works. If spaCy was imported before kg,
nothing changes. ``KG_LAZY_SPACY_CLI=0`` turns this off.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
import types


def _info(*args, **kwargs):
    """``spacy.info``: spaCy's own, imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _Loader(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        cli = types.ModuleType("spacy.cli")
        cli.__path__ = []  # a package with no submodules of its own: only ``info`` is asked for
        info = types.ModuleType("spacy.cli.info")
        info.info = _info
        cli.info = info
        placed = {"spacy.cli": cli, "spacy.cli.info": info}
        for name, stub in placed.items():
            sys.modules.setdefault(name, stub)
        try:
            self.loader.exec_module(module)
        finally:
            for name, stub in placed.items():
                if sys.modules.get(name) is stub:
                    del sys.modules[name]
            if module.__dict__.get("cli") is cli:
                del module.cli  # ``import spacy.cli`` later binds the real package


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != "spacy":
            return None
        uninstall()
        for finder in list(sys.meta_path):
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader)
                return spec
        return None


_FINDER = _Finder()


def install() -> None:
    """Defer ``spacy.cli`` when spaCy is imported later in this process (idempotent)."""
    if "spacy" in sys.modules or _FINDER in sys.meta_path:
        return
    if os.environ.get("KG_LAZY_SPACY_CLI", "1").strip().lower() in ("0", "no", "off", "false"):
        return
    sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    """Remove the finder (once spaCy is being imported, or for tests)."""
    while _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
