"""Coded, actionable error messages (modelled on spaCy's ``errors.py``).

Every message says what was expected, what was found, and how to fix it.
The CLI prints ``KGError`` as one line and exits with ``exit_code``:
2 for bad input or usage, 1 for a check that failed.
"""

from __future__ import annotations


class Errors:
    E001 = "No such file or folder: '{path}'. Check the path, or run `kg build` with no argument to build the bundled sample."
    E002 = "'{path}' is not a text file (it contains binary data). kg reads text and Markdown (.txt, .md) in UTF-8, GB18030 or UTF-16, Word (.docx), PDF with a text layer (.pdf) and web pages (.html, .htm)."
    E003 = "'{path}' is not valid UTF-8, GB18030 or UTF-16 text (first bad byte at offset {offset}). Re-save it as UTF-8."
    E004 = "'{path}' is empty: there is no report text to build a graph from."
    E005 = "Folder '{path}' holds no report files (*.txt, *.md, *.docx, *.pdf, *.html, *.htm, in it or its subfolders). Point kg at a report file or a folder of them."
    E006 = "Unknown export format '{name}'. Available: {opts}."
    E007 = "Cannot write '{path}': {reason}. Choose another output folder with -o."
    E008 = "'{path}' line {line}: not a JSON object with doc, start, end, text and label ({reason})."
    E009 = "Cannot parse '{path}' as Turtle: {reason}"
    E010 = "Two reports would write the same output name '{name}' ({first} and {second}). Rename one of them."
    E011 = "Data file '{name}' is missing from the kg package. Reinstall kg (`pip install .`)."
    E013 = "No graphs in '{folder}' (no *.ttl). Run `kg build` first, or name graphs with --graph FILE.ttl."
    E014 = "The query does not parse: {reason}"
    E015 = "--param takes KEY=VALUE, not '{value}'."
    E016 = "Cannot bind the parameter: {reason}. A --param KEY must be a variable the query selects."
    E017 = "No store at '{path}'. Run `kg build` first (it writes exports/store), or name one with --store DIR."
    E018 = "Gold file '{path}' holds no mentions: nothing to score against."
    E019 = "Gold folder '{path}' holds no *.jsonl files. Give a folder of gold files, or PRED.jsonl GOLD.jsonl."
    E020 = "No prediction for gold file '{gold}': expected '{pred}'. Run `kg extract` on that report, or use --extract."
    E021 = "No report text for gold file '{gold}' in '{folder}' (looked for {name}.txt and {name}.md)."
    E022 = "The query calls SERVICE: kg makes no outbound requests unless asked. Add --allow-service to let it fetch from other endpoints."
    E023 = "--param key '{key}' is not a variable name: write it without ? or $, as in --param program=科创中国."
    E024 = "'{path}' line {line}: not a JSON object with doc, relation, subject and object ({reason})."
    E012 = "No named query '{name}'. Available: {opts}; or give a .rq file or the query text."
    E030 = "'{path}' is not a readable Word file ({reason}). Open it in Word or LibreOffice and save it again as .docx."
    E031 = "'{path}' is not a readable PDF ({reason}). Open it in a PDF viewer and save or print it again as PDF."
    E032 = "'{path}' is a truncated PDF (it has no %%EOF end marker). Download or copy it again."
    E033 = "'{path}' has no text layer (none of its {pages} pages holds text: a scan?): kg reads PDFs that hold text. Run OCR on it first (e.g. ocrmypdf) or use the report's text or Word version."
    E034 = "'{path}' is an encrypted PDF that needs a password. Save an unprotected copy and build that."
    E035 = "Cannot write the extracted text of '{name}' to '{path}': that is the report file itself. Choose another output folder with -o."
    E040 = "{failed} of {total} reports failed ({built} built, {skipped} unchanged); each is named above, the first: {first}."
    E041 = "The store '{store}' is in use by another kg build or remove (process {pid}) and stayed locked for {seconds:g} s. Wait for it to finish, or give --wait more seconds."
    E042 = "No report named '{name}' in the store '{store}'. Reports in it: {names}."
    E043 = "--workers must be 1 or more, not {n}."
    E044 = "--executor dask needs Dask: pip install 'kg[dask]' (dask[distributed])."
    E045 = "Cannot use the Dask scheduler at '{address}': {reason}. Start one with `dask scheduler` and give --scheduler tcp://HOST:PORT."
    E046 = "'{path}' could not be built: {kind}: {reason} (a bug in kg; please report it with the file)."
    E047 = "Unknown executor '{name}'. Available: local, dask."
    E048 = "'{path}': the worker process building it died (killed, or out of memory); the other reports were built."
    E050 = "Unknown corpus export format '{name}'. Available: {opts}."
    E051 = "--where is not a SPARQL filter expression ({reason}): '{where}'. Write one over ?report, ?title and ?date, e.g. CONTAINS(?title, \"政府工作报告\") or YEAR(?date) >= 2020."
    E052 = "No report in the store '{store}'{where}. Build reports into it with `kg build`, or widen --where."


class KGError(Exception):
    """An error a user can fix; carries its exit code (2 = bad input, 1 = failed check)."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(KGError):
    """Bad input: missing, binary, undecodable or empty files, bad arguments."""

    exit_code = 2


class OutputError(KGError):
    """An output could not be written; earlier outputs are left untouched."""

    exit_code = 3
