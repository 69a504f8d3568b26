"""The ``whichmodel`` command line: a thin adapter over the decision core and the report renderers.

Commands::

    whichmodel recommend --requirements FILE [--format md|html|json|csv|xlsx] [--out PATH] [--chart PATH]
                         [--probe-results PROBE.json]
    whichmodel catalog refresh|search|show ...   (knowledge.catalog.cli)
    whichmodel probe ...                         (tools.probes.cli)
    whichmodel users add NAME [--file PATH]       (accounts for the web app's password login)
    whichmodel version

``recommend`` prints Markdown to stdout by default (``csv``/``xlsx``: the ranked shortlist as a
spreadsheet, formula-injection safe, see ``tools.report.tabular``); with ``--out`` it writes the report to that file
(and says so on stderr). ``--chart`` also writes the cost-vs-quality chart as a standalone SVG.

Exit codes:

    0  success
    1  the work could not be done: decision core or catalog unavailable, an output file not writable
    2  invalid input: the requirements file is missing, unreadable, malformed YAML/JSON or fails
       validation (each field path is named on stderr with the valid values), or bad command usage
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from whichmodel.knowledge.catalog.cli import app as catalog_app
from whichmodel.settings import Settings, SettingsError
from whichmodel.tools.decision.requirements import RequirementsError, load_requirements_file
from whichmodel.tools.probes.cli import probe
from whichmodel.ui.chat_cli import chat

if TYPE_CHECKING:
    from whichmodel.tools.decision.requirements import Requirements
    from whichmodel.tools.decision.result import ProbeEvidence, Recommendation

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID_INPUT = 2

app = typer.Typer(
    name="whichmodel",
    help="WhichModel: which LLM should we use? Recommendation reports from a requirements file, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.add_typer(catalog_app, name="catalog")

app.command("probe")(probe)
app.command("chat")(chat)


@app.callback()
def _check_settings() -> None:
    # Every command starts by reading the settings: a bad environment variable stops it here with
    # one line naming the variable (exit status 2), before any work and without a traceback.
    try:
        Settings.load()
    except SettingsError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(EXIT_INVALID_INPUT) from None


@app.command()
def index(
    force: Annotated[bool, typer.Option(help="Rebuild even when the index is up to date.")] = False,
) -> None:
    """Build (or bring up to date) the knowledge-base index: framework passages and model cards."""
    from whichmodel.knowledge.index import build_index

    stats = build_index(force=force)
    state = "rebuilt " + ", ".join(stats.rebuilt) if stats.rebuilt else "already up to date"
    typer.echo(
        f"index at {stats.location}: {stats.framework_passages} framework passages "
        f"({stats.framework_chunks} chunks), {stats.model_cards} model cards; {state} in {stats.seconds:.1f} s"
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    origin: Annotated[list[str] | None, typer.Option(help="Allowed browser origin (repeatable).")] = None,
    allow_unauthenticated: Annotated[
        bool,
        typer.Option(help="Listen beyond loopback without a password (only behind an authenticating proxy)."),
    ] = False,
) -> None:
    """Start the chat web app (Chainlit) on the offline default brain."""
    from whichmodel.ui.serve import ServeError
    from whichmodel.ui.serve import serve as run_server

    try:
        code = run_server(host, port, origins=origin, allow_unauthenticated=allow_unauthenticated)
    except ServeError as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_INVALID_INPUT) from None
    raise typer.Exit(code)


users_app = typer.Typer(
    help="Accounts of the web app's password login (the users file).", no_args_is_help=True
)
app.add_typer(users_app, name="users")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user name (no spaces or ':').")],
    file: Annotated[
        Path | None,
        typer.Option("--file", help="The users file (default: $WHICHMODEL_USERS_FILE)."),
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")
    ] = False,
) -> None:
    """Add a user to the users file, or set a new password (stored as an scrypt hash, file mode 0600)."""
    import sys

    from whichmodel.ui.chainlit.access import UsersFileError, add_user

    file = file or Settings.load().users_file
    if file is None:
        _err("no users file: pass --file PATH or set WHICHMODEL_USERS_FILE")
        raise typer.Exit(EXIT_INVALID_INPUT)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True)
    try:
        is_new = add_user(file, name, password)
    except (UsersFileError, ValueError) as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_INVALID_INPUT) from None
    typer.echo(f"{'added' if is_new else 'updated'} {name} in {file}", err=True)


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def _err(message: str) -> None:
    typer.echo(message, err=True)


def report_requirements_error(exc: RequirementsError) -> None:
    """Print every problem of an invalid requirements file as 'field path: message' on stderr."""
    _err(f"error: {exc.source} is not a usable requirements file:")
    for path, message in exc.problems:
        _err(f"  - {path}: {message}")
    _err("See examples/ for valid requirements files.")


def render(rec: Recommendation, fmt: ReportFormat) -> str | bytes:
    """The report in the requested format (XLSX as bytes; CSV/XLSX are the shortlist as a table)."""
    from whichmodel.tools.report import render_html, render_json, render_markdown
    from whichmodel.tools.report.tabular import shortlist_csv, shortlist_xlsx

    renderers: dict[ReportFormat, Callable[[Recommendation], str | bytes]] = {
        ReportFormat.md: render_markdown,
        ReportFormat.html: render_html,
        ReportFormat.json: render_json,
        ReportFormat.csv: shortlist_csv,
        ReportFormat.xlsx: shortlist_xlsx,
    }
    return renderers[fmt](rec)


def _decide(req: Requirements, raw: dict[str, object], probes: ProbeEvidence | None = None) -> Recommendation:
    """Run the decision core (imported lazily: it loads the catalog, which the other commands don't need)."""
    try:
        from whichmodel.tools.recommend import local_currency, recommend_requirements
    except ImportError as exc:
        _err(f"error: the decision core is not available ({exc})")
        raise typer.Exit(EXIT_FAILED) from None
    try:
        return recommend_requirements(req, raw, probes=probes, currency=local_currency(req))
    except OSError as exc:
        _err(f"error: cannot load the catalog: {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    except ValueError as exc:  # a valid file the core cannot use, e.g. an unknown GPU type
        _err(f"error: the requirements cannot be used: {exc}")
        raise typer.Exit(EXIT_INVALID_INPUT) from None


def _read_use_case(
    req: Requirements, raw: dict[str, object]
) -> tuple[Requirements, dict[str, object], list[str]]:
    """Fill the fields the file leaves out from what its use case states, and say which on stderr."""
    from whichmodel.agent.service import requirements_with_use_case

    req, raw, read = requirements_with_use_case(req, raw)
    for path in read:
        node: object = req
        for part in path.split("."):
            node = getattr(node, part)
        shown = ", ".join(map(str, node)) if isinstance(node, list | tuple) else node
        _err(f"read from the use case: {path} = {shown}")
    return req, raw, read


def _write(path: Path, text: str | bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8-sig" if path.suffix.lower() == ".csv" else "utf-8")
    except OSError as exc:
        _err(f"error: cannot write {path}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_FAILED) from None


@app.command()
def recommend(
    requirements: Annotated[
        Path, typer.Option("--requirements", "-r", help="Requirements file (YAML or JSON); see examples/.")
    ],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.md,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report here instead of stdout.")
    ] = None,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also write the cost-vs-quality chart as an SVG file.")
    ] = None,
    probe_results: Annotated[
        Path | None,
        typer.Option(
            "--probe-results",
            help="Results JSON of `whichmodel probe --out PATH`: measured accuracy re-ranks the shortlist "
            "and the figures go into the report.",
        ),
    ] = None,
) -> None:
    """Recommend models for a requirements file and print or write the report."""
    try:
        req, raw = load_requirements_file(requirements)
    except RequirementsError as exc:
        report_requirements_error(exc)
        raise typer.Exit(EXIT_INVALID_INPUT) from None
    probes = None
    if probe_results is not None:
        from whichmodel.tools.probes.evidence import ProbeResultsError, load_evidence

        try:
            probes = load_evidence(probe_results)
        except ProbeResultsError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(EXIT_INVALID_INPUT) from None
    req, raw, read = _read_use_case(req, raw)
    rec = _decide(req, raw, probes)
    if read:
        rec = rec.model_copy(update={"read_from_use_case": read})
    text = render(rec, fmt)
    if chart is not None:
        from whichmodel.tools.report import standalone_svg

        _write(chart, standalone_svg(rec))
        _err(f"wrote chart {chart}")
    if out is None:
        typer.echo(text, nl=False)
        return
    _write(out, text)
    _err(f"wrote {fmt.value} report {out}")


@app.command()
def version() -> None:
    """Print the installed WhichModel version."""
    try:
        typer.echo(f"whichmodel {metadata.version('whichmodel')}")
    except metadata.PackageNotFoundError:
        typer.echo("whichmodel (not installed as a package; run `pip install -e .`)")


def main() -> None:
    """Console-script entry point (`whichmodel = ui.cli:main`)."""
    app()


if __name__ == "__main__":
    main()
