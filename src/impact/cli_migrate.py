"""`impact migrate --from FILE.duckdb --to postgresql://…`: copy a database to PostgreSQL."""

from __future__ import annotations

import argparse


def add_migrate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate", help="copy a DuckDB database file into a PostgreSQL "
                       "database (every table, ids kept)")
    p.add_argument("--from", dest="source", required=True, metavar="FILE",
                   help="the DuckDB file, e.g. impactbalans.duckdb (no process may have it open)")
    p.add_argument("--to", dest="target", required=True, metavar="URL",
                   help="the PostgreSQL database, postgresql://user@host:port/name")
    p.add_argument("--replace", action="store_true",
                   help="replace what the target holds (else a non-empty target is refused)")
    p.set_defaults(func=_cmd_migrate)


def _cmd_migrate(args: argparse.Namespace) -> int:
    from impact.cli import CliError
    from impact.i18n import t
    from impact.store import StoreError
    from impact.store.backends import shown_url
    from impact.store.copying import copy_to_postgres

    try:
        copied = copy_to_postgres(args.source, args.target, replace=args.replace)
    except StoreError as exc:
        raise CliError(exc.message(args.lang)) from None
    print(t("store.cli.migrated", args.lang, source=args.source,
            target=shown_url(args.target), assessments=copied.assessments,
            rows=sum(copied.rows.values()), tables=len(copied.rows)))
    return 0
