import os

import pytest

from kg.errors import OutputError
from kg.export.atomic import write_atomic


def test_writes_and_replaces(tmp_path):
    p = tmp_path / "out.ttl"
    write_atomic(p, b"one")
    write_atomic(p, b"two")
    assert p.read_bytes() == b"two"
    assert [f.name for f in tmp_path.iterdir()] == ["out.ttl"]


def test_failure_leaves_the_earlier_output(tmp_path, monkeypatch):
    p = tmp_path / "out.ttl"
    write_atomic(p, b"earlier")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(p, b"new")
    assert p.read_bytes() == b"earlier"
    assert [f.name for f in tmp_path.iterdir()] == ["out.ttl"]
