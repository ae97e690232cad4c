"""Strings of the package within a budget (impact.portfolio)."""

TEXTS: dict[str, tuple[str, str]] = {
    "portfolio.error.negative_budget": (
        "Het budget {budget:g} is negatief; kies 0 of meer.",
        "The budget {budget:g} is negative; choose 0 or more.",
    ),
    "portfolio.excluded.knockout": (
        "niet toelaatbaar (knock-out)", "not admissible (knock-out)"),
    "portfolio.excluded.no_cost": ("geen kosten opgegeven", "no cost given"),
    "portfolio.cli.title": (
        "Beste pakket binnen {budget}: {count} {count|maatregel|maatregelen}, kosten {cost}, "
        "totale score {score}",
        "Best package within {budget}: {count} {count|measure|measures}, cost {cost}, "
        "total score {score}",
    ),
    "portfolio.cli.infeasible": (
        "Geen pakket voldoet aan de eisen (budget, verplichte maatregelen, ondergrenzen).",
        "No package meets the requirements (budget, required measures, floors).",
    ),
    "portfolio.cli.excluded": ("Niet in aanmerking: {id} ({reason})",
                               "Not eligible: {id} ({reason})"),
    "portfolio.cli.no_costs": (
        "Geen enkele maatregel heeft kosten; voeg een kolom ‘cost’ (kosten) toe aan het "
        "blad met maatregelen.",
        "No measure has a cost; add a column ‘cost’ to the measures sheet.",
    ),
}
