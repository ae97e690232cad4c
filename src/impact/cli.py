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

from impact.i18n import DEFAULT_LANGUAGE, LANGUAGES


class CliError(Exception):
    """An error to show as it is, without a traceback (exit code 1)."""


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
        new_id = store.create(a)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    print(t("io.cli.imported", args.lang, id=new_id, name=a.name, measures=len(a.measures),
            criteria=len(a.criteria), db=store.path))
    return 0


# --- registry -----------------------------------------------------------------

COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_validate,
    _add_import,
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
