"""Tasks for the tests of kg.corpus's local executor, run in its worker processes (imported there by name)."""

from __future__ import annotations

import os
import signal
import struct
import sys
from pathlib import Path
from typing import NamedTuple


class Job(NamedTuple):
    path: str
    doc_id: str
    marker: str  # a file; the job dies while writing its result until the file exists


def die_writing_result_once(job: Job) -> str:
    """The job's id; the first time, write the first bytes of a result to the pool's result pipe and die there
    (SIGKILL), as a worker the OOM killer ends while it sends a large result."""
    marker = Path(job.marker)
    if marker.exists():
        return job.doc_id
    marker.write_text("died once", encoding="utf-8")
    frame = sys._getframe(1)
    while "result_queue" not in frame.f_locals:  # concurrent.futures.process._process_worker's queue
        frame = frame.f_back
    writer = frame.f_locals["result_queue"]._writer
    os.write(writer.fileno(), struct.pack("!i", 1 << 20) + b"x")  # a message of 1 MiB announced, 1 byte sent
    os.kill(os.getpid(), signal.SIGKILL)
    return job.doc_id
