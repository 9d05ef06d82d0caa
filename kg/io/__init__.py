"""Reading report files into text."""

from .read import Source, read_source, find_sources

__all__ = ["Source", "read_source", "find_sources"]
