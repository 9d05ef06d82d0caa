"""A small on-disk cache for data that is slow to build at start-up and depends only on files.

``cached(name, key, build)`` returns ``build()``, kept in ``<cache dir>/<name>-<hash>.marshal``
(``marshal`` format: plain dicts, lists, tuples, strings and numbers only). The hash covers
``key`` (the bytes the value is built from: a table's text, jieba's dictionary, the words added
to it), this module's format version and the Python version (marshal's format follows the
interpreter), so a changed input is a new entry and never a stale hit. Entries are written
atomically (a temporary file in the same folder, then a rename), so a reader sees a whole entry
or none; an unreadable or truncated entry is rebuilt. A cache that cannot be written (read-only
home, full disk) only costs the time of building.

The folder is ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``;
``KG_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
FORMAT = b"kg-cache-1"
KEEP = 3  # entries kept per name besides the one just written


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    if os.environ.get("KG_CACHE", "1").strip().lower() in ("0", "no", "off", "false"):
        return None
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def digest(*parts: bytes | str) -> str:
    """SHA-256 of ``parts`` (strings as UTF-8), each part length-prefixed so that no two lists of parts collide."""
    h = hashlib.sha256(FORMAT)
    h.update(f"{sys.version_info[0]}.{sys.version_info[1]}/{marshal.version}".encode("ascii"))
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else bytes(part)
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, read from the cache entry ``name`` + ``key`` (a ``digest``) when there is one."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        data = marshal.dumps(value)
    except ValueError:  # not marshallable: never cached
        return value
    _write(folder, path, data)
    return value


def _write(folder: Path, path: Path, data: bytes) -> None:
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        tmp = None
        # the entries of this name for inputs that changed: the newest few are kept (two checkouts of
        # kg with different tables share the folder), older ones deleted
        prefix = path.name.rsplit("-", 1)[0] + "-"
        others = [p for p in folder.glob(f"{prefix}*.marshal") if p.name != path.name and p.name.rsplit("-", 1)[0] + "-" == prefix]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP:]:
            try:
                old.unlink()
            except OSError:
                pass
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
