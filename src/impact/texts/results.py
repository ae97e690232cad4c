"""Strings of the charts and the weights, results and sensitivity pages."""

TEXTS: dict[str, tuple[str, str]] = {
    # chart titles
    "results.chart.ranking.title": ("Rangorde van de maatregelen", "Ranking of the measures"),
    "results.chart.balance.title": (
        "Balans: uit welke pijler komt de score?",
        "Balance: which pillar does the score come from?",
    ),
    "results.chart.tradeoff.title": (
        "Afruil tussen ecologie en economie",
        "Trade-off between ecology and economy",
    ),
    "results.chart.pillars.title": ("Scores per pijler", "Scores per pillar"),
    "results.chart.radar.title": ("Profiel van maatregelen", "Profile of measures"),
    "results.chart.heatmap.title": (
        "Scores per criterium, gegroepeerd per pijler",
        "Scores per criterion, grouped by pillar",
    ),
    "results.chart.acceptability.title": (
        "Hoe zeker is de rangorde? Kans op elke plaats",
        "How certain is the ranking? Chance of each position",
    ),
    "results.chart.stability.title": (
        "Bij welke gewichten blijft de uitkomst gelijk?",
        "Which weights keep the outcome the same?",
    ),
    "results.chart.perspectives.title": (
        "Rangorde per perspectief",
        "Ranking per perspective",
    ),
    "results.chart.kendall.title": (
        "Overeenkomst tussen perspectieven (Kendalls tau)",
        "Agreement between perspectives (Kendall's tau)",
    ),
    # chart labels
    "results.chart.weights": ("Gewichten", "Weights"),
    "results.chart.profile": ("perspectief", "perspective"),
    "results.chart.method": ("methode", "method"),
    "results.chart.contribution": ("bijdrage aan de score", "contribution to the score"),
    "results.chart.ranking.x": (
        "Totaalscore (0 = slechtst, 1 = best), opgebouwd per pijler",
        "Overall score (0 = worst, 1 = best), built up per pillar",
    ),
    "results.chart.floor_violation": ("Onder een ondergrens", "Below a floor"),
    "results.chart.floor_violation_hover": (
        "onder de ondergrens voor", "below the floor for"
    ),
    "results.chart.no_regret": ("Geen spijt (no-regret)", "No-regret"),
    "results.chart.no_regret_hover": (
        "In elk perspectief bij de beste maatregelen",
        "Among the best measures in every perspective",
    ),
    "results.chart.pareto": (
        "Pareto-optimaal (niet te verbeteren zonder verlies)",
        "Pareto-optimal (cannot improve without a loss)",
    ),
    "results.chart.dominated": ("Overige maatregelen", "Other measures"),
    "results.chart.quadrant.win_win": ("winst-winst", "win-win"),
    "results.chart.quadrant.tradeoff": ("afruil", "trade-off"),
    "results.chart.quadrant.lose_lose": ("verlies-verlies", "lose-lose"),
    "results.chart.no_change": ("geen verandering", "no change"),
    "results.chart.pillar_score": (
        "Pijlerscore (0 = slechtst, 1 = best)",
        "Pillar score (0 = worst, 1 = best)",
    ),
    "results.chart.heatmap.scale": ("t.o.v. geen verandering", "vs. no change"),
    "results.chart.worse": ("slechter", "worse"),
    "results.chart.better": ("beter", "better"),
    "results.chart.rank_n": ("Plaats {rank}", "Rank {rank}"),
    "results.chart.acceptability.x": (
        "Aandeel van de gewichtscombinaties",
        "Share of the weight combinations",
    ),
    "results.chart.stability.top": ("Zelfde beste maatregel", "Same best measure"),
    "results.chart.stability.order": ("Zelfde volgorde", "Same order"),
    "results.chart.stability.current": ("Huidig gewicht", "Current weight"),
    "results.chart.stability.x": (
        "Gewicht van de pijler (punten van 100)",
        "Weight of the pillar (points out of 100)",
    ),
}
