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
    "portfolio.chart.best": ("Beste pakket", "Best package"),
    "portfolio.chart.chosen": ("Gekozen budget", "Chosen budget"),
    "portfolio.chart.hover": (
        "budget %{{x:,.0f}} {unit}<br>totale score %{{y:.2f}}<br>%{{customdata[0]}} "
        "maatregelen, kosten %{{customdata[1]:,.0f}} {unit}",
        "budget %{{x:,.0f}} {unit}<br>total score %{{y:.2f}}<br>%{{customdata[0]}} "
        "measures, cost %{{customdata[1]:,.0f}} {unit}"),
    "portfolio.chart.frontier_title": ("Wat een groter budget oplevert",
                                       "What a larger budget brings"),
    "portfolio.chart.budget": ("Budget ({unit})", "Budget ({unit})"),
    "portfolio.chart.total": ("Totale score van het pakket", "Total score of the package"),
    "portfolio.chart.pareto_title": ("Pakketten: ecologie tegen economie (kleur: mens)",
                                     "Packages: ecology against economy (colour: people)"),
    "portfolio.chart.pareto_hover": (
        "ecologie %{{x:.2f}}, economie %{{y:.2f}}<br>%{{customdata[0]}}<br>kosten "
        "%{{customdata[1]:,.0f}}",
        "ecology %{{x:.2f}}, economy %{{y:.2f}}<br>%{{customdata[0]}}<br>cost "
        "%{{customdata[1]:,.0f}}"),
    # the page (views/portfolio.py)
    "nav.portfolio": ("Pakket", "Package"),
    "portfolio.title": ("Pakket binnen een budget", "Package within a budget"),
    "portfolio.intro": (
        "Kies een budget: de app zoekt het pakket maatregelen met de hoogste totale score "
        "(met de gewichten van de resultatenpagina) dat binnen het budget past. Maatregelen "
        "die een knock-out niet halen en maatregelen zonder kosten doen niet mee; van een "
        "groep varianten hoogstens één.",
        "Choose a budget: the app finds the package of measures with the highest total "
        "score (with the weights of the results page) that fits the budget. Measures that "
        "fail a knock-out and measures without a cost are left out; at most one variant "
        "of a group."),
    "portfolio.no_costs": (
        "Geen enkele maatregel heeft kosten. Voeg kosten toe (kolom ‘kosten’ in het blad "
        "met maatregelen, of in het venster van een maatregel) om een pakket te kiezen.",
        "No measure has a cost. Add costs (column ‘cost’ in the measures sheet, or in a "
        "measure's dialog) to choose a package."),
    "portfolio.budget": ("Budget ({unit})", "Budget ({unit})"),
    "portfolio.package": (
        "{count} {count|maatregel|maatregelen} voor {cost} van {budget} ({unit}); totale "
        "score {score}",
        "{count} {count|measure|measures} for {cost} of {budget} ({unit}); total score "
        "{score}"),
    "portfolio.infeasible": ("Binnen dit budget past geen pakket.",
                             "No package fits this budget."),
    "portfolio.balance": ("Balans van het pakket (gemiddelde pijlerscore)",
                          "Balance of the package (mean pillar score)"),
    "portfolio.col.adds": ("Bijdrage aan de score", "Adds to the score"),
    "portfolio.col.cost": ("Kosten", "Cost"),
    "export.col.cost_unit": ("Eenheid", "Unit"),
    "portfolio.download": ("Het pakket downloaden", "Download the package"),
    "portfolio.drops": (
        "Als het budget 10% lager is, valt af: {measures}.",
        "If the budget is 10% lower, this drops out: {measures}."),
    "portfolio.drops_none": ("Bij 10% minder budget blijft het pakket gelijk.",
                             "With 10% less budget the package stays the same."),
    "portfolio.excluded": ("Doen niet mee", "Left out"),
    "portfolio.profiles": ("Pakket per perspectief", "Package per perspective"),
    "portfolio.in_every": ("In het pakket van elk perspectief: {measures}",
                           "In every perspective's package: {measures}"),
    "results.chart.knocked_out": ("niet toelaatbaar", "not admissible"),
    # the package in the report, the slides and on the export page
    "export.package.title": ("Pakket binnen het budget", "Package within the budget"),
    "export.package.sentence": (
        "{count} {count|maatregel|maatregelen} voor {cost} binnen een budget van {budget}: "
        "{names}.",
        "{count} {count|measure|measures} for {cost} within a budget of {budget}: {names}."),
    "export.package.none": ("Binnen een budget van {budget} past geen pakket.",
                            "No package fits within a budget of {budget}."),
    "export.package.intro": (
        "Het pakket maatregelen met de hoogste totale score (met dezelfde weging als de "
        "rangorde) dat binnen het budget past. Maatregelen die een knock-out niet halen, "
        "doen niet mee; van een groep varianten hoogstens één.",
        "The package of measures with the highest total score (with the same weighting as "
        "the ranking) that fits the budget. Measures that fail a knock-out are left out; "
        "at most one variant of a group."),
    "export.package.excluded": ("Niet toelaatbaar, dus in geen enkel pakket: {names}.",
                                "Not admissible, so in no package: {names}."),
    "export.page.package": ("Pakket binnen een budget", "Package within a budget"),
    "export.page.package_budget": (
        "Met het budget dat u op de pagina Pakket koos ({budget}): het rapport en de dia's "
        "krijgen een paragraaf over het pakket.",
        "With the budget you chose on the Package page ({budget}): the report and the "
        "slides get a section on the package."),
    "export.page.package_no_budget": (
        "U koos in deze sessie nog geen budget op de pagina Pakket: het rapport en de dia's "
        "hebben daarom geen paragraaf over een pakket.",
        "You have not chosen a budget on the Package page in this session, so the report "
        "and the slides have no section on a package."),
    "export.page.package_help": (
        "Het pakket bij dat budget als tabel, en de grafiek van wat een groter budget "
        "oplevert.",
        "The package at that budget as a table, and the chart of what a larger budget "
        "brings."),
    "results.chart.knocked_out_legend": ("Niet toelaatbaar", "Not admissible"),
    "results.chart.knocked_out_hover": ("Niet toelaatbaar: knock-out op {criteria}",
                                        "Not admissible: knock-out on {criteria}"),
    "results.col.knockout": ("Niet toelaatbaar (knock-out op)",
                             "Not admissible (knock-out on)"),
}
