"""Reading report files into text: text and Markdown, Word, PDF and web pages; page furniture."""

from .read import SUFFIXES, ReportFile, Source, find_sources, read_source, report_name, write_text

__all__ = ["Source", "ReportFile", "read_source", "find_sources", "report_name", "write_text", "SUFFIXES"]
