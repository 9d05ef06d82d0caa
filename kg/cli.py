"""The ``kg`` command: a thin layer over ``kg.api``.

Exit codes: 0 ok; 1 a check failed; 2 bad input or usage; 3 an output could not be
written; 70 an internal error (set KG_DEBUG=1 for the traceback); 130 interrupted (Ctrl-C);
143 terminated (SIGTERM).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click

from .errors import KGError

EXIT_INTERNAL = 70


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg", prog_name="kg")
def cli() -> None:
    """Turn Chinese work reports into a knowledge graph (Turtle + GraphML)."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--out", "out_dir", default="exports", show_default=True, type=click.Path(),
              help="Output folder.")
@click.option("--format", "formats", default="turtle,graphml", show_default=True,
              help="Comma-separated export formats.")
@click.option("--store", "store", type=click.Path(), default=None,
              help="SPARQL store folder (default: OUT/store); each report is its own named graph.")
@click.option("--no-store", is_flag=True, help="Write the files only, not the store.")
@click.option("--measurements", type=click.Choice(["attributes", "nodes"]), default="attributes", show_default=True,
              help="In the network exports, fold measurements into their subject's attributes or keep them as nodes.")
@click.option("-j", "--workers", type=int, default=None,
              help="Worker processes analysing reports at once [default: the number of cores].")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where reports are analysed: local worker processes, or a Dask cluster (--scheduler).")
@click.option("--scheduler", default=None, help="The Dask scheduler's address, tcp://HOST:PORT (with --executor dask).")
@click.option("--force", is_flag=True, help="Rebuild every report, even those unchanged since their last build.")
@click.option("--wait", "lock_timeout", type=float, default=600.0, show_default=True,
              help="Seconds to wait for another build that holds the store.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary table on stderr (failures are still named).")
def build(paths: tuple[str, ...], out_dir: str, formats: str, store: str | None, no_store: bool,
          measurements: str, workers: int | None, executor: str, scheduler: str | None, force: bool,
          lock_timeout: float, quiet: bool) -> None:
    """Build a graph for each report in PATHS (files or folders); with none, the bundled sample.

    Formats: turtle, ntriples, trig, nquads, jsonld, graphml, gexf, csv, html.
    Reports unchanged since their last build into the store are skipped (--force rebuilds them).
    A bad report in a folder is named on stderr and the others are built (exit 1);
    a single bad file is the command's error (exit 2).
    """
    # kg.api.build is this same call; kg.corpus is called directly so that a build with nothing to
    # do (every report unchanged) never imports spaCy.
    from .corpus import CorpusError, build_corpus

    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler goes with --executor dask")
    try:
        result = build_corpus(list(paths) or None, out_dir=out_dir,
                              formats=tuple(f.strip() for f in formats.split(",") if f.strip()),
                              store=None if no_store else (store or "default"), measurements=measurements,
                              workers=workers, executor=executor, scheduler=scheduler, force=force,
                              progress=not quiet, failures=True, lock_timeout=lock_timeout)
    except CorpusError as err:  # some reports failed: the others' files are still listed
        for path in err.result.written:
            click.echo(str(path))
        raise
    for path in result.written:
        click.echo(str(path))


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--store", "store", type=click.Path(), default="exports/store", show_default=True)
@click.option("--wait", "lock_timeout", type=float, default=600.0, show_default=True,
              help="Seconds to wait for a build that holds the store.")
def remove(names: tuple[str, ...], store: str, lock_timeout: float) -> None:
    """Drop reports NAMES (their names as built: a file's stem, or sub__name for a file in a subfolder;
    or report IRIs) from the store, and delete the export files their last build wrote."""
    from .corpus import remove_reports

    for path in remove_reports(list(names), store, lock_timeout=lock_timeout):
        click.echo(f"removed {path}")
    click.echo(f"removed {len(names)} report{'s' if len(names) != 1 else ''} from {store}")


@cli.command()
@click.argument("path", type=click.Path())
@click.option("-o", "--out", "out_dir", default="exports", show_default=True, type=click.Path())
@click.option("--no-open", is_flag=True, help="Write the page without opening a browser.")
def view(path: str, out_dir: str, no_open: bool) -> None:
    """Write PATH's interactive entity network as one self-contained HTML page, and open it."""
    import webbrowser

    from . import api

    (page,) = api.build([path], out_dir=out_dir, formats=("html",), store=None)
    click.echo(str(page))
    if not no_open:
        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            click.echo("kg: no browser here; open the file above in one", err=True)
            return
        browser.open(page.resolve().as_uri())


@cli.command()
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--lac-only", is_flag=True, help="Print LAC's own PER/LOC/ORG/TIME spans instead (a baseline).")
@click.option("--relations", is_flag=True, help="Print the relations (who organizes, holds a post … what) instead of the mentions.")
def extract(path: str, fmt: str, lac_only: bool, relations: bool) -> None:
    """Print the mentions (or with --relations the relations) of one report, one JSON object a line,
    in the gold files' format."""
    from . import api

    if lac_only and relations:
        raise click.UsageError("--lac-only and --relations exclude each other.")
    out = click.get_text_stream("stdout")
    rows = api.extract_lac(path) if lac_only else api.extract_relations(path) if relations else api.extract(path)
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


@cli.command(name="eval")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--extract", "text_dir", type=click.Path(), default=None,
              help="Run the pipeline on the reports in this folder (<doc>.txt or .md) and score them against FILES (gold files or folders).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="Also list the false positives and false negatives.")
def eval_(files: tuple[str, ...], text_dir: str | None, as_json: bool, errors: bool) -> None:
    """Score predictions against gold (exact span and label; quantity normalization on matched spans).

    \b
    kg eval PRED.jsonl GOLD.jsonl              one file
    kg eval A.jsonl B.jsonl GOLD.jsonl         two prediction files side by side
    kg eval PRED_DIR GOLD_DIR                  every gold file with its namesake: a table per file + micro-average
    kg eval P1.jsonl G1.jsonl P2.jsonl G2.jsonl …   pairs
    kg eval --extract CORPUS_DIR GOLD_DIR      extract the reports themselves, then score
    """
    from pathlib import Path

    from .evaluate import compare_table, diff, pair_folders, read_jsonl, score_files

    if text_dir is not None:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="kg-eval-") as out:
            _eval_many(_extract_pairs(text_dir, files, Path(out)), as_json, errors)
        return
    paths = [Path(f) for f in files]
    if len(paths) == 2 and all(p.is_dir() for p in paths):
        _eval_many(pair_folders(*paths), as_json, errors)
        return
    if len(paths) >= 4 and len(paths) % 2 == 0:
        _eval_many(list(zip(paths[0::2], paths[1::2])), as_json, errors)
        return
    if len(paths) not in (2, 3):
        raise click.UsageError("give PRED.jsonl GOLD.jsonl, PRED_A.jsonl PRED_B.jsonl GOLD.jsonl, "
                               "PRED_DIR GOLD_DIR, pairs PRED GOLD …, or --extract CORPUS_DIR GOLD…")
    *preds, gold = files
    reports = [score_files(p, gold) for p in preds]
    if as_json:
        payload = reports[0].to_dict() if len(reports) == 1 else {p: r.to_dict() for p, r in zip(preds, reports)}
        click.echo(json.dumps(payload, indent=2))
    elif len(reports) == 1:
        click.echo(reports[0].table())
        if errors:
            _echo_errors(diff(read_jsonl(preds[0]), read_jsonl(gold)))
    else:
        click.echo(compare_table(reports[0], reports[1], preds[0], preds[1]))


def _echo_errors(counter) -> None:
    for (kind, label, text), n in sorted(counter.items(), key=lambda x: (x[0][1], x[0][0], x[0][2])):
        click.echo(f"{kind}\t{label}\t{text!r}\t{n}")


def _extract_pairs(text_dir: str, gold_args: tuple[str, ...], out: Path) -> list:
    """Extract every report that a gold file names from ``text_dir`` into ``out``; (pred, gold) pairs."""

    from .api import extract, extract_relations
    from .errors import Errors, InputError
    from .evaluate import is_relation_file

    gold_files: list[Path] = []
    for g in map(Path, gold_args):
        if g.is_dir():
            found = sorted(g.glob("*.jsonl"))
            if not found:
                raise InputError(Errors.E019.format(path=g))
            gold_files.extend(found)
        elif g.is_file():
            gold_files.append(g)
        else:
            raise InputError(Errors.E001.format(path=g))
    pairs = []
    for g in gold_files:
        name = g.stem
        text = next((p for p in (Path(text_dir) / f"{name}.txt", Path(text_dir) / f"{name}.md") if p.is_file()), None)
        if text is None:
            raise InputError(Errors.E021.format(gold=g, folder=text_dir, name=name))
        pred = out / f"{name}.jsonl"
        rows = extract_relations(text) if is_relation_file(g) else extract(text)
        pred.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in rows), encoding="utf-8")
        pairs.append((pred, g))
    return pairs


def _eval_many(pairs: list, as_json: bool, errors: bool) -> None:
    from .evaluate import is_relation_file

    kinds = [is_relation_file(g) for _p, g in pairs]
    if any(kinds) and not all(kinds):
        raise click.UsageError("give mention gold files or relation gold files, not both in one call.")
    _eval_group(pairs, as_json, errors, relations=bool(kinds and kinds[0]))


def _eval_group(pairs: list, as_json: bool, errors: bool, relations: bool) -> None:
    from . import evaluate

    differences = evaluate.relation_diff if relations else evaluate.diff
    read = evaluate.read_relations if relations else evaluate.read_jsonl
    per_file, total = evaluate.score_pairs(pairs)
    if as_json:
        payload = {"files": {n: r.to_dict() for n, r in per_file.items()}, "micro": total.to_dict()}
        click.echo(json.dumps(payload, indent=2))
        return
    for (pred, gold), (name, report) in zip(pairs, per_file.items()):
        click.echo(f"== {name}")
        click.echo(report.table())
        if errors:
            _echo_errors(differences(read(pred), read(gold)))
        click.echo()
    click.echo("== micro-average")
    click.echo(total.table())
    click.echo()
    click.echo("F1 by file")
    click.echo(evaluate.f1_summary(per_file, total))


@cli.command()
@click.argument("query")
@click.option("--graph", "graphs", multiple=True, type=click.Path(),
              help="A Turtle file (repeatable); default: the store exports/store, else exports/*.ttl.")
@click.option("--store", "store", type=click.Path(), default=None, help="Query this store folder.")
@click.option("--param", "params", multiple=True, help="KEY=VALUE, bound to ?KEY in the query (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--allow-service", is_flag=True, help="Let SERVICE clauses fetch from other endpoints (refused by default).")
def query(query: str, graphs: tuple[str, ...], store: str | None, params: tuple[str, ...], fmt: str,
          allow_service: bool) -> None:
    """Run QUERY (a named query, a .rq file, or SPARQL text) over built graphs.

    Named queries: entities, places, measurements, facts, program-places (--param program=科创中国),
    money-by-purpose, headcounts-by-program.
    """
    from . import query as q
    from .errors import Errors, InputError

    bindings = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep or not key:
            raise InputError(Errors.E015.format(value=p))
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise InputError(Errors.E023.format(key=key))
        bindings[key] = value
    result = q.run(query, list(graphs) or None, bindings, store=store, allow_service=allow_service)
    click.echo(q.render(result, fmt), nl=False)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
def validate(files: tuple[str, ...]) -> None:
    """Check graphs against the SHACL shapes in ontology/shapes.ttl (exit 1 when one does not conform)."""
    from .errors import KGError
    from .validate import validate_file

    failed = 0
    for f in files:
        ok, report = validate_file(f)
        click.echo(f"{f}: {'conforms' if ok else 'does not conform'}")
        if not ok:
            failed += 1
            click.echo(report)
    if failed:
        raise KGError(f"{failed} of {len(files)} graph(s) do not conform to the shapes", exit_code=1)


@cli.command()
@click.option("--store", "store", type=click.Path(), default="exports/store", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", default=7878, show_default=True, type=int, help="Port (0 picks a free one).")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds a query may run.")
@click.option("--max-results", default=100_000, show_default=True, type=int, help="Most results a query may return.")
@click.option("--verbose", is_flag=True, help="Kept for compatibility: every request is logged unless --quiet.")
@click.option("--quiet", is_flag=True, help="No access-log line per request.")
@click.option("--allow-service", is_flag=True, help="Let SERVICE clauses fetch from other endpoints (refused by default).")
@click.option("--max-concurrent", default=4, show_default=True, type=int, help="Queries run at once; past it, 503.")
@click.option("--max-body", default=1 << 20, show_default=True, type=int, help="Largest request body in bytes; past it, 413.")
@click.option("--socket-timeout", default=10.0, show_default=True, type=float,
              help="Seconds a client may stay silent before it is dropped.")
def serve(store: str, host: str, port: int, timeout: float, max_results: int, verbose: bool, quiet: bool,
          allow_service: bool, max_concurrent: int, max_body: int, socket_timeout: float) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql (and a query page at /)."""
    from .serve import serve as run_server

    def ready(url: str) -> None:
        click.echo(f"kg: SPARQL endpoint at {url} (read-only; Ctrl-C to stop)")
        sys.stdout.flush()

    try:
        run_server(store, host=host, port=port, timeout=timeout, max_rows=max_results, ready=ready, verbose=verbose,
                   quiet=quiet, allow_service=allow_service, max_concurrent=max_concurrent, max_body=max_body,
                   socket_timeout=socket_timeout)
    except OSError as err:
        from .errors import InputError

        raise InputError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None


@cli.command("export")
@click.option("--store", "store", type=click.Path(), default="exports/store", show_default=True,
              help="The store to export (every report built into it, or those --where picks).")
@click.option("-o", "--out", "out", required=True, type=click.Path(),
              help="Output file (csv: OUT.nodes.csv and OUT.edges.csv).")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv", "html", "nquads", "trig"]), default=None,
              help="Export format (default: from the output's suffix, else graphml).")
@click.option("--where", default=None,
              help="SPARQL FILTER over ?report, ?title, ?date choosing the reports, e.g. 'YEAR(?date) >= 2020'.")
def export(store: str, out: str, fmt: str | None, where: str | None) -> None:
    """One entity network of the whole corpus in the store: entities merged across reports
    (`reports` = how many name each), co-mention and relation weights summed."""
    from .export.corpus import default_format, export_corpus

    for path in export_corpus(store, out, fmt or default_format(out), where):
        click.echo(str(path))


def _stop_recorded() -> bool:
    """Whether kg._entry's signal handler has recorded Ctrl-C or SIGTERM. An interrupt that lands while
    a compiled module initializes comes back as another error (ImportError: initialization failed, or a
    report's E046 when the import was inside its build): after a recorded stop signal, any error is its
    echo, not an internal error."""
    import signal

    handler = signal.getsignal(signal.SIGINT)
    return getattr(getattr(handler, "__self__", None), "code", None) is not None


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and map errors to one line and an exit code (signals: kg._entry)."""
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except KGError as err:
        if _stop_recorded():
            return 130  # a report that failed because Ctrl-C broke an import (E046): the interrupt's echo
        click.echo(f"kg: error: {err}", err=True)
        return err.exit_code
    except click.exceptions.Abort:
        click.echo("kg: interrupted", err=True)
        return 130
    except click.ClickException as err:
        click.echo(f"kg: error: {err.format_message()}", err=True)
        return err.exit_code
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # noqa: BLE001  never a traceback for users
        if _stop_recorded():
            return 130  # the echo of Ctrl-C: kg._entry says "interrupted" and exits with the signal's code
        if os.environ.get("KG_DEBUG"):
            raise
        click.echo(f"kg: internal error: {type(err).__name__}: {err} (set KG_DEBUG=1 for details)", err=True)
        return EXIT_INTERNAL
    return 0


if __name__ == "__main__":  # python -m kg.cli: the same signal handling as the kg command
    from kg._entry import run

    sys.exit(run())
