"""`impact portfolio FILE --budget B`: the best package within a budget, or `--frontier`."""

from __future__ import annotations

import argparse
import csv
import io
import json


def add_portfolio(sub: argparse._SubParsersAction) -> None:
    from impact.cli import _add_vikor_v

    p = sub.add_parser("portfolio", help="the best package of measures within a budget "
                       "(knock-outs excluded), or the best package for every budget step")
    p.add_argument("file", help="assessment workbook (.xlsx), CSV folder, .zip or JSON file")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--budget", type=float, help="the budget, in the measures' cost unit")
    group.add_argument("--frontier", action="store_true",
                       help="the best package for 20 budgets from the cheapest measure to all")
    p.add_argument("--profile", help="use the pillar weights of this stakeholder perspective")
    p.add_argument("--method", default="wsm",
                   help="wsm (default), topsis, vikor, spotis or promethee")
    _add_vikor_v(p)
    p.add_argument("--format", dest="fmt", choices=("table", "csv", "json"), default="table",
                   help="output format (default table)")
    p.set_defaults(func=_cmd_portfolio)


def _cmd_portfolio(args: argparse.Namespace) -> int:
    from impact import portfolio
    from impact.cli import CliError, _engine_input, _weighting
    from impact.i18n import t

    assessment, profile = _engine_input(args)
    weighting = _weighting(profile, args.method, args.vikor_v)
    options = portfolio.candidates(assessment, weighting)
    if not options.ids and all(m.cost is None for m in assessment.measures):
        raise CliError(t("portfolio.cli.no_costs", args.lang))
    try:
        packages = (portfolio.frontier(options) if args.frontier
                    else [portfolio.best_package(options, args.budget)])
    except portfolio.PortfolioError as exc:
        raise CliError(exc.message(args.lang)) from None
    unit = assessment.measures[0].cost_unit if assessment.measures else "€"
    if args.fmt == "json":
        rows = [_as_dict(p) for p in packages]
        print(json.dumps(rows if args.frontier else rows[0], ensure_ascii=False, indent=2))
    elif args.fmt == "csv":
        print(_as_csv(packages), end="")
    else:
        _print_table(assessment, options, packages, unit, args.lang)
    return 0


def _as_dict(p) -> dict:  # a Package
    return {"budget": p.budget, "feasible": p.feasible, "measures": list(p.measures),
            "cost": p.cost, "score": round(p.score, 6),
            "pillars": {k: round(v, 6) for k, v in p.pillars.items()}}


def _as_csv(packages) -> str:
    """Semicolons and decimal commas, as Dutch Excel reads them."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["budget", "cost", "score", "ecology", "economy", "people", "measures"])
    for p in packages:
        numbers = [p.budget, p.cost, p.score, *(p.pillars[k] for k in
                                                ("ecology", "economy", "people"))]
        writer.writerow([f"{x:.4g}".replace(".", ",") for x in numbers] + [" ".join(p.measures)])
    return out.getvalue()


def _print_table(assessment, options, packages, unit: str, lang: str) -> None:
    from impact.i18n import t

    labels = {m.id: m.label(lang) for m in assessment.measures}
    for p in packages:
        if not p.feasible:
            print(t("portfolio.cli.infeasible", lang))
            continue
        print(t("portfolio.cli.title", lang, budget=f"{unit} {p.budget:,.0f}",
                count=len(p.measures), cost=f"{unit} {p.cost:,.0f}", score=f"{p.score:.3f}"))
        for mid in p.measures:
            print(f"  {mid:<8} {labels[mid]}")
    for mid, reason in options.excluded.items():
        print(t("portfolio.cli.excluded", lang, id=mid, reason=t(reason, lang)))
