"""The `impact` command.

Each subcommand has an `_add_<name>` function that declares its arguments and a
`_cmd_<name>` function that runs it and returns the exit code. Errors go to
stderr in the user's words with a non-zero exit; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from impact.access import SYSTEM
from impact.cli_migrate import add_migrate
from impact.cli_portfolio import add_portfolio
from impact.errors import AS_WRITTEN, UserError
from impact.i18n import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:  # the commands import what they need when they run
    from impact.model import Assessment, WeightProfile
    from impact.weighting import Weighting


class CliError(UserError):
    """An error to show as it is, without a traceback (exit code 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(AS_WRITTEN, text=message)


# --- validate / import (foundation) -----------------------------------------

def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check an assessment workbook, CSV folder or JSON file")
    p.add_argument("file")
    p.set_defaults(func=_cmd_validate)


def _cmd_validate(args: argparse.Namespace) -> int:
    from impact.i18n import t
    from impact.io import AssessmentValidationError, read_assessment

    try:
        a = read_assessment(args.file, lang=args.lang)
    except AssessmentValidationError as exc:
        print(t("io.cli.invalid", args.lang, path=args.file, count=len(exc.errors)),
              file=sys.stderr)
        print(exc.format(args.lang), file=sys.stderr)
        return 1
    print(t("io.cli.ok", args.lang, name=a.name, measures=len(a.measures),
            criteria=len(a.criteria), profiles=len(a.profiles)))
    return 0


def _add_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import an assessment file into the database")
    p.add_argument("file")
    p.add_argument("--db", help="database file (default: IMPACT_DB or the user data folder)")
    p.set_defaults(func=_cmd_import)


def _cmd_import(args: argparse.Namespace) -> int:
    from impact.i18n import t
    from impact.io import AssessmentValidationError, read_assessment
    from impact.store import StoreError, get_store

    try:  # validate the whole file before the database is even opened
        a = read_assessment(args.file, lang=args.lang)
    except AssessmentValidationError as exc:
        print(t("io.cli.invalid", args.lang, path=args.file, count=len(exc.errors)),
              file=sys.stderr)
        print(exc.format(args.lang), file=sys.stderr)
        print(t("io.cli.not_imported", args.lang), file=sys.stderr)
        return 1
    try:
        store = get_store(args.db or None, seed=False)
        # the command line runs on the server itself; a name in use gets a number added
        new_id = store.create(a, by=SYSTEM, change_key="history.imported")
        a.name = store.info(new_id).name
    except StoreError as exc:
        raise CliError(exc.message(args.lang)) from exc
    print(t("io.cli.imported", args.lang, id=new_id, name=a.name, measures=len(a.measures),
            criteria=len(a.criteria), db=store.shown))
    return 0


# --- export / report -----------------------------------------------------------

_CHART_FORMATS = ("png", "svg", "pdf", "html")


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export one chart of an assessment as PNG, SVG, PDF or interactive "
        "HTML, or the summary and the charts as PowerPoint slides (pptx)"
    )
    p.add_argument("file", help="assessment workbook (.xlsx), CSV folder, .zip or JSON file")
    p.add_argument("--chart", action="append",
                   help="chart name, e.g. ranking, balance, tradeoff (pptx: optional, may be "
                   "given more than once; default all)")
    p.add_argument("--format", dest="fmt", choices=(*_CHART_FORMATS, "pptx"),
                   help="file format (default: from the extension of -o)")
    p.add_argument("-o", "--output", required=True, help="file to write")
    p.add_argument("--profile", help="use the pillar weights of this stakeholder perspective")
    p.add_argument("--method", default="wsm",
                   help="wsm, topsis, vikor, spotis or promethee (default wsm)")
    p.add_argument("--scale", type=float, default=1.0,
                   help="PNG resolution factor; 3 gives print quality (default 1)")
    p.set_defaults(func=_cmd_export)


def _read_for_export(args: argparse.Namespace) -> object:
    from impact.i18n import t
    from impact.io import AssessmentValidationError, read_assessment

    try:
        return read_assessment(args.file, lang=args.lang)
    except AssessmentValidationError as exc:
        raise CliError(
            t("io.cli.invalid", args.lang, path=args.file, count=len(exc.errors)) + "\n"
            + exc.format(args.lang)
        ) from None


def _output_format(args: argparse.Namespace, given: str | None, allowed: tuple[str, ...]) -> str:
    from pathlib import Path

    from impact.i18n import t

    fmt = (given or Path(args.output).suffix.lstrip(".")).lower()
    if fmt not in allowed:
        raise CliError(t("export.cli.format", args.lang, path=args.output,
                         formats=", ".join(allowed)))
    return fmt


def _write_output(args: argparse.Namespace, data: bytes) -> None:
    from pathlib import Path

    from impact.i18n import t
    from impact.numbers import format_number

    target = Path(args.output)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise CliError(t("export.cli.write_failed", args.lang, path=args.output,
                         error=exc.strerror or str(exc))) from None
    print(t("export.cli.written", args.lang, path=target,
            size=format_number(len(data) / 1024, args.lang, 0)))


def _weighting(profile: WeightProfile | None, method: str) -> Weighting:
    """The weighting of a command: a profile's weights, or none chosen (equal pillars)."""
    from impact.weighting import Weighting

    return Weighting.from_profile(profile, method) if profile else Weighting(method=method)


def _export_weighting(args: argparse.Namespace, assessment: Assessment) -> Weighting:
    """`--profile` (an ExportError listing the profiles when unknown) and `--method`."""
    from impact import export

    return _weighting(export.resolve_profile(assessment, args.profile, args.lang), args.method)


def _cmd_export(args: argparse.Namespace) -> int:
    from impact import export
    from impact.i18n import t

    fmt = _output_format(args, args.fmt, (*export.FORMATS, "pptx"))
    charts = args.chart or []
    if fmt != "pptx" and len(charts) != 1:
        raise CliError(t("export.cli.chart_needed", args.lang,
                         names=", ".join(export.chart_names())))
    assessment = _read_for_export(args)
    try:
        weighting = _export_weighting(args, assessment)
        if fmt == "pptx":
            for name in charts:  # an unknown name: the same message as for one chart
                if name not in export.chart_names():
                    raise CliError(t("export.unknown_chart", args.lang, name=name,
                                     names=", ".join(export.chart_names())))
            data = export.slides_pptx(assessment, charts=charts or None, weighting=weighting,
                                      lang=args.lang)
        else:
            fig = export.build_figure(charts[0], assessment, weighting=weighting,
                                      lang=args.lang)
            data = export.figure_to_bytes(fig, fmt, scale=args.scale, lang=args.lang)
    except export.ExportError as exc:
        raise CliError(str(exc)) from None
    _write_output(args, data)
    return 0


def _add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write the decision report of an assessment (PDF or HTML)")
    p.add_argument("file", help="assessment workbook (.xlsx), CSV folder, .zip or JSON file")
    p.add_argument("-o", "--output", required=True, help="OUT.pdf or OUT.html")
    p.add_argument("--profile", help="use the pillar weights of this stakeholder perspective")
    p.add_argument("--method", default="wsm",
                   help="wsm, topsis, vikor, spotis or promethee (default wsm)")
    p.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from impact import export

    fmt = _output_format(args, None, ("pdf", "html"))
    assessment = _read_for_export(args)
    try:
        options = dict(weighting=_export_weighting(args, assessment), lang=args.lang)
        if fmt == "pdf":
            data = export.report_pdf(assessment, **options)
        else:
            data = export.report_html(assessment, **options).encode("utf-8")
    except export.ExportError as exc:
        raise CliError(str(exc)) from None
    _write_output(args, data)
    return 0


# --- rank / smaa (engine) -------------------------------------------------------

_ENGINE_FORMATS = ("table", "csv", "json")
_CSV_DIALECTS = ("rfc4180", "excel-nl", "excel-en")


def _add_csv_dialect(p: argparse.ArgumentParser) -> None:
    p.add_argument("--csv-dialect", choices=_CSV_DIALECTS, default="rfc4180",
                   help="with --format csv: rfc4180 (default; ',' and '.'), excel-nl "
                   "(';', decimal comma, BOM: for Dutch Excel) or excel-en")


def _add_rank(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rank", help="rank the measures of an assessment, with pillar scores")
    p.add_argument("file", help="assessment workbook (.xlsx), CSV folder, .zip or JSON file")
    p.add_argument("--method", default="wsm",
                   help="wsm (weighted sum, default), topsis, vikor, spotis or promethee")
    p.add_argument("--profile", help="pillar weights of this stakeholder perspective "
                   "(default: the three pillars weigh equally)")
    p.add_argument("--format", dest="fmt", choices=_ENGINE_FORMATS, default="table",
                   help="output format (default table)")
    _add_csv_dialect(p)
    p.set_defaults(func=_cmd_rank)


def _add_smaa(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("smaa", help="how likely each measure is to rank 1st, 2nd, ... "
                       "when the pillar weights (and uncertain scores) vary")
    p.add_argument("file", help="assessment workbook (.xlsx), CSV folder, .zip or JSON file")
    p.add_argument("--samples", type=int, default=10_000, help="number of samples (10000)")
    p.add_argument("--profile", help="sample pillar weights around this perspective "
                   "(default: all pillar weights equally likely)")
    p.add_argument("--method", default="wsm",
                   help="wsm (default), topsis, vikor, spotis or promethee")
    p.add_argument("--seed", type=int, default=0, help="random seed (0)")
    p.add_argument("--format", dest="fmt", choices=_ENGINE_FORMATS, default="table",
                   help="output format (default table)")
    _add_csv_dialect(p)
    p.set_defaults(func=_cmd_smaa)


def _engine_input(args: argparse.Namespace):  # -> tuple[Assessment, WeightProfile | None]
    from impact.i18n import t
    from impact.io import AssessmentValidationError, read_assessment

    try:
        assessment = read_assessment(args.file, lang=args.lang)
    except AssessmentValidationError as exc:
        raise CliError(
            t("io.cli.invalid", args.lang, path=args.file, count=len(exc.errors)) + "\n"
            + exc.format(args.lang)
        ) from None
    profile = None
    if args.profile is not None:
        names = [p.name for p in assessment.profiles]
        if args.profile not in names:
            choices = ", ".join(names) if names else t("engine.cli.no_profiles", args.lang)
            raise CliError(t("engine.cli.unknown_profile", args.lang, profile=args.profile,
                             choices=choices))
        profile = assessment.profile(args.profile)
    return assessment, profile


def _points_text(pillar_weights, lang: str) -> str:
    """Pillar weights as the app shows them: whole points that add up to 100 (34/33/33)."""
    from impact.i18n import t
    from impact.weighting import whole_points

    return ", ".join(f"{t('engine.pillar.' + str(p), lang).lower()} {points}%"
                     for p, points in whole_points(pillar_weights).items() if points > 0)


def _cmd_rank(args: argparse.Namespace) -> int:
    from impact import engine
    from impact.i18n import t

    assessment, profile = _engine_input(args)
    try:
        evaluation = engine.evaluate(assessment, _weighting(profile, args.method))
    except engine.EngineError as exc:
        raise CliError(exc.message(args.lang)) from None
    weights = _points_text(evaluation.pillar_weights, args.lang)
    title = t("engine.cli.rank_title", args.lang,
              method=engine.method_label(args.method, args.lang), weights=weights)
    meta = {"method": args.method, "profile": args.profile,
            "pillar_weights": evaluation.pillar_weights}
    table = engine.ranking_table(evaluation, args.lang, display=args.fmt == "table")
    _print_frame(table, args.fmt, title, meta, note=t("engine.cli.pareto_note", args.lang),
                 csv_dialect=args.csv_dialect)
    return 0


def _cmd_smaa(args: argparse.Namespace) -> int:
    from impact import engine, robustness
    from impact.i18n import t

    assessment, profile = _engine_input(args)
    try:
        result = robustness.smaa_assessment(assessment, _weighting(profile, args.method),
                                            samples=args.samples, seed=args.seed)
    except engine.EngineError as exc:
        raise CliError(exc.message(args.lang)) from None
    if profile is None:
        weights = t("engine.cli.weights_uniform", args.lang)
    else:
        weights = t("engine.cli.weights_around", args.lang,
                    weights=_points_text(profile.pillar_weights, args.lang))
    title = t("engine.cli.smaa_title", args.lang, samples=result.samples,
              method=engine.method_label(args.method, args.lang), weights=weights)
    meta = {"method": args.method, "profile": args.profile, "samples": result.samples,
            "seed": args.seed}
    table = robustness.smaa_table(result, assessment, args.lang, full=args.fmt != "table")
    _print_frame(table, args.fmt, title, meta, csv_dialect=args.csv_dialect)
    return 0


def _print_frame(frame, fmt: str, title: str, meta: dict, note: str = "",
                 csv_dialect: str = "rfc4180") -> None:
    """Print a result table (index = measure_id) as an aligned table, CSV or JSON.

    CSV is RFC 4180 (`,` and `.`) unless `csv_dialect` says excel-nl or excel-en; every
    text field is neutralised and quoted as in the app's downloads."""
    import json

    if fmt == "json":
        records = [{"measure_id": str(m), **{k: _plain(v) for k, v in row.items()}}
                   for m, row in frame.iterrows()]
        print(json.dumps({**meta, "measures": records}, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from impact.export.csvfile import DIALECTS, csv_text

        dialect = DIALECTS[csv_dialect]
        rows = ([str(m), *(_plain(v) for v in row.tolist())] for m, row in frame.iterrows())
        text = csv_text(["measure_id", *frame.columns], rows, dialect, digits=6)
        sys.stdout.write(("\ufeff" if dialect.bom else "") + text)
    else:
        print(title)
        print(frame.to_string(float_format=lambda v: f"{v:.3f}"))
        if note:
            print(note)


def _plain(value):
    """A JSON/CSV-friendly Python value (numpy scalars, NaN -> None)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        return round(value, 6)
    return value


# --- serve ----------------------------------------------------------------------

def _add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="start the dashboard (what `make run` does)")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default=None,
                   help="address to listen on (default: every address of this machine)")
    p.add_argument("--db", help="database file (default: IMPACT_DB or the user data folder)")
    p.set_defaults(func=_cmd_serve)


def app_folder() -> Path:
    """The folder holding app.py, views/ and .streamlit/config.toml: the source checkout
    when running from one, else the copy a `pip install .` puts in <prefix>/share."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "app.py").is_file() and (checkout / "views").is_dir():
        return checkout
    for prefix in (sys.prefix, sys.base_prefix):
        shared = Path(prefix) / "share" / "impactbalans"
        if (shared / "app.py").is_file():
            return shared
    raise CliError("The app's files (app.py, views/) are missing from this installation; "
                   "reinstall Impactbalans with `pip install .`.")


def serve_command(folder: Path, port: int, address: str | None) -> list[str]:
    """`streamlit run` with the options of the app's config.toml, passed as flags so that
    they hold whatever folder the command is started from (the user's own
    .streamlit/secrets.toml there is still read)."""
    import tomllib

    command = [sys.executable, "-m", "streamlit", "run", str(folder / "app.py"),
               "--server.port", str(port)]
    config = folder / ".streamlit" / "config.toml"
    if config.is_file():
        for section, values in tomllib.loads(config.read_text()).items():
            for name, value in values.items():
                shown = str(value).lower() if isinstance(value, bool) else str(value)
                command += [f"--{section}.{name}", shown]
    if address:
        command += ["--server.address", address]
    return command


def _cmd_serve(args: argparse.Namespace) -> int:
    import subprocess

    env = dict(os.environ)
    if args.db:
        env["IMPACT_DB"] = args.db
    command = serve_command(app_folder(), args.port, args.address)
    return subprocess.call(command, env=env)  # noqa: S603 - our own app


# --- backup / restore -------------------------------------------------------------

def _add_backup(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="copy the database file next to it now")
    p.add_argument("--db", help="database file (default: IMPACT_DB or the user data folder)")
    p.set_defaults(func=_cmd_backup)


def _cmd_backup(args: argparse.Namespace) -> int:
    from impact.i18n import t
    from impact.store import StoreError, get_store

    try:
        path = get_store(args.db or None, seed=False).backup()
    except StoreError as exc:
        raise CliError(exc.message(args.lang)) from None
    print(t("store.cli.backup_written", args.lang, path=path))
    return 0


def _add_restore(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("restore", help="put a backup in place of the database "
                       "(while no other process has it open)")
    p.add_argument("backup", help="a backup file, e.g. impactbalans.backup-20260101-090000.duckdb")
    p.add_argument("--db", help="database file (default: IMPACT_DB or the user data folder)")
    p.set_defaults(func=_cmd_restore)


def _cmd_restore(args: argparse.Namespace) -> int:
    from impact.i18n import t
    from impact.store import StoreError, default_db_path, is_url, restore_backup

    db = args.db or default_db_path()
    db = db if is_url(db) else Path(db).expanduser().resolve()
    try:
        kept = restore_backup(args.backup, db)
    except StoreError as exc:
        raise CliError(exc.message(args.lang)) from None
    print(t("store.cli.restored", args.lang, backup=args.backup, path=db))
    if kept is not None:
        print(t("store.cli.kept", args.lang, kept=kept))
    return 0


# --- registry -----------------------------------------------------------------

COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_validate,
    _add_import,
    _add_export,
    _add_report,
    _add_rank,
    _add_smaa,
    _add_serve,
    _add_backup,
    _add_restore,
    add_migrate,
    add_portfolio,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="impact", description="Impactbalans: multi-criteria impact assessment"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=os.environ.get("IMPACT_LANG", DEFAULT_LANGUAGE),
        help="language of messages and labels (default nl)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(f"impact {args.command}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
