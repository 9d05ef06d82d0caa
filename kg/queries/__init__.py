"""Named SPARQL queries, packaged as ``.rq`` files."""

from __future__ import annotations

from importlib import resources

from ..errors import Errors, InputError


def names() -> list[str]:
    """Names of the packaged queries (file names without ``.rq``)."""
    return sorted(p.name[:-3] for p in resources.files(__name__).iterdir() if p.name.endswith(".rq"))


def load(name: str) -> str:
    """The text of the packaged query ``name``."""
    path = resources.files(__name__).joinpath(f"{name}.rq")
    if not path.is_file():
        raise InputError(Errors.E012.format(name=name, opts=", ".join(names())))
    return path.read_text(encoding="utf-8")
