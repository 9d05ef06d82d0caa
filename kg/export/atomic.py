"""Atomic writes: a temporary file in the target folder, then a rename over the target."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import Errors, OutputError


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half of one."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(Errors.E007.format(path=path, reason=err.strerror or err)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(Errors.E007.format(path=path, reason=err.strerror or err)) from None
    return path


class AtomicFile:
    """``with AtomicFile(path) as f: f.write(...)``: ``write_atomic`` for data written in pieces (a file
    too big to hold in memory). The target is replaced only when the block ends without an error."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.tmp: str | None = None
        self.file = None

    def __enter__(self):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        except OSError as err:
            raise OutputError(Errors.E007.format(path=self.path, reason=err.strerror or err)) from None
        self.file = os.fdopen(fd, "wb")
        return self.file

    def __exit__(self, kind, value, tb) -> None:
        try:
            if kind is None:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if kind is None:
                os.chmod(self.tmp, 0o644)
                os.replace(self.tmp, self.path)
                self.tmp = None
        except OSError as err:
            raise OutputError(Errors.E007.format(path=self.path, reason=err.strerror or err)) from None
        finally:
            if self.tmp is not None:
                try:
                    os.unlink(self.tmp)
                except OSError:
                    pass
