"""Strings of the scoring engine, robustness analysis and their CLI commands."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- methods ---------------------------------------------------------------
    "engine.method.wsm": ("Gewogen som", "Weighted sum"),
    "engine.method.topsis": ("TOPSIS (afstand tot ideaal)", "TOPSIS (distance to ideal)"),
    "engine.method.vikor": ("VIKOR (compromisoplossing)", "VIKOR (compromise solution)"),
    "engine.method.spotis": (
        "SPOTIS (afstand tot ideaal op de schaal)",
        "SPOTIS (distance to the ideal on the scale)",
    ),
    "engine.method.promethee": ("PROMETHEE II (netto voorkeur)", "PROMETHEE II (net flow)"),
    "engine.method.wsm.help": (
        "Score 0 tot 1: de gewogen som van de waarderingen per criterium, gemeten op de schaal "
        "van dat criterium (0 = slechtste eind, 1 = beste eind). Een zwakke score op het ene "
        "criterium kan worden goedgemaakt door een sterke op een ander. Maatregelen toevoegen "
        "of weglaten verandert de scores van de andere niet.",
        "Score 0 to 1: the weighted sum of the values per criterion, measured on that "
        "criterion's scale (0 = worst end, 1 = best end). A weak score on one criterion can be "
        "made up for by a strong one on another. Adding or removing measures does not change "
        "the scores of the others.",
    ),
    "engine.method.topsis.help": (
        "Score 0 tot 1: hoe dicht een maatregel bij de beste en hoe ver van de slechtste "
        "combinatie ligt die onder de beoordeelde maatregelen voorkomt (1 = overal de beste). "
        "Rekent met de scores zelf, niet met de schalen; een maatregel toevoegen of weglaten "
        "kan de volgorde van de andere veranderen.",
        "Score 0 to 1: how close a measure lies to the best and how far from the worst "
        "combination found among the assessed measures (1 = best on every criterion). Works "
        "on the scores themselves, not on the scales; adding or removing a measure can change "
        "the order of the others.",
    ),
    "engine.method.vikor.help": (
        "Score 0 tot 1 (1 min Q): een compromis tussen de totale score en de grootste zwakte "
        "van een maatregel, gemeten tussen de beste en slechtste beoordeelde maatregel (niet "
        "op de schaal). Hoe zwaar de totale score telt tegenover de grootste zwakte is v "
        "(0 tot 1, standaard 0,5: even zwaar), in te stellen bij de methode op de pagina "
        "Gewichten & perspectieven. Maatregelen in de compromisgroep delen de eerste plaats. "
        "Een maatregel toevoegen of weglaten kan de volgorde veranderen.",
        "Score 0 to 1 (1 minus Q): a compromise between a measure's overall score and its "
        "largest weakness, measured between the best and worst assessed measure (not on the "
        "scale). How much the overall score counts against the largest weakness is v (0 to 1, "
        "default 0.5: equally), set with the method on the Weights & perspectives page. "
        "Measures in the compromise set share first place. Adding or removing a measure can "
        "change the order.",
    ),
    "engine.method.spotis.help": (
        "Score 0 tot 1: 1 min de gewogen afstand tot het streefpunt op de schaal van elk "
        "criterium. Standaard is het streefpunt het beste eind van de schaal; dan is de score "
        "gelijk aan de gewogen som. Een ander streefpunt (bijvoorbeeld 'zo dicht mogelijk bij "
        "50%') zet u per criterium in het criterium (kolom spotis_expected). Elke score hangt "
        "alleen van de maatregel zelf af, dus de volgorde verandert niet als er maatregelen "
        "bijkomen of afvallen.",
        "Score 0 to 1: 1 minus the weighted distance to the target point on each criterion's "
        "scale. By default the target is the best end of the scale; the score then equals the "
        "weighted sum. Another target (say 'as close to 50% as possible') is set per "
        "criterion, in the criterion (column spotis_expected). Each score depends only on the "
        "measure itself, so the order does not change when measures are added or removed.",
    ),
    "engine.method.promethee.help": (
        "Score -1 tot 1 (nettostroom): vergelijkt elke maatregel per criterium met elke andere "
        "en telt hoe vaak en hoe sterk hij beter is, min hoe vaak hij slechter is, gewogen; "
        "verschillen in de eigen eenheid van het criterium. Standaard telt elk verschil, hoe "
        "klein ook (usual); per criterium kunt u een voorkeursfunctie met drempels kiezen "
        "(q: tot hier telt een verschil niet, p: vanaf hier volledig; in het criterium of de "
        "kolommen pref_function, q, p). Het GAIA-vlak bij de resultaten laat zien welke "
        "criteria samengaan of botsen. Een maatregel toevoegen of weglaten kan de volgorde "
        "van de andere veranderen.",
        "Score -1 to 1 (net flow): compares each measure with every other, criterion by "
        "criterion, and counts how often and how strongly it is better, minus how often it is "
        "worse, weighted; differences in the criterion's own unit. By default every "
        "difference counts, however small (usual); per criterion you can choose a preference "
        "function with thresholds (q: up to here a difference does not count, p: from here on "
        "fully; in the criterion or the columns pref_function, q, p). The GAIA plane on the "
        "results page shows which criteria go together or conflict. Adding or removing a "
        "measure can change the order of the others.",
    ),
    # --- pillars and trade-off classes -------------------------------------------
    "engine.pillar.ecology": ("Ecologie", "Ecology"),
    "engine.pillar.economy": ("Economie", "Economy"),
    "engine.pillar.people": ("Mens", "People"),
    "engine.tradeoff.win-win": ("winst-winst", "win-win"),
    "engine.tradeoff.trade-off": ("uitruil", "trade-off"),
    "engine.tradeoff.lose-lose": ("verlies-verlies", "lose-lose"),
    "engine.tradeoff.neutral": ("neutraal", "neutral"),
    # --- validation errors -----------------------------------------------------------
    "engine.error.not_a_table": (
        "De scores moeten een tabel zijn met maatregelen als rijen en criteria als kolommen.",
        "The scores must be a table with measures as rows and criteria as columns.",
    ),
    "engine.error.no_criteria": (
        "Er zijn geen criteria om op te beoordelen. Voeg minstens één criterium toe.",
        "There are no criteria to assess on. Add at least one criterion.",
    ),
    "engine.error.too_few_measures": (
        "Er zijn minstens twee maatregelen nodig om te vergelijken; er {count|is|zijn} er "
        "nu {count}.",
        "At least two measures are needed for a comparison; there {count|is|are} {count} "
        "now.",
    ),
    "engine.error.duplicate_measure": (
        "Maatregel {measure} komt meer dan één keer voor. Geef elke maatregel een eigen code.",
        "Measure {measure} occurs more than once. Give every measure its own code.",
    ),
    "engine.error.duplicate_criterion": (
        "Criterium '{criterion}' komt meer dan één keer voor. Geef elk criterium een eigen code.",
        "Criterion '{criterion}' occurs more than once. Give every criterion its own code.",
    ),
    "engine.error.missing_score": (
        "Criterium '{criterion}' heeft geen score voor maatregel {measure}. "
        "Vul de score in.",
        "Criterion '{criterion}' has no score for measure {measure}. Fill in the score.",
    ),
    "engine.error.missing_scores": (
        "Criterium '{criterion}' heeft geen score voor maatregel {measure}; in totaal "
        "{count|ontbreekt|ontbreken} {count} {count|score|scores}. Vul alle scores in.",
        "Criterion '{criterion}' has no score for measure {measure}; {count} "
        "{count|score is|scores are} missing in total. Fill in all scores.",
    ),
    "engine.error.not_a_number": (
        "De score van maatregel {measure} op criterium '{criterion}' is geen getal ({value}).",
        "The score of measure {measure} on criterion '{criterion}' is not a number ({value}).",
    ),
    "engine.error.missing_objective": (
        "Van criterium '{criterion}' is niet bekend of hoger of lager beter is.",
        "For criterion '{criterion}' it is not known whether higher or lower is better.",
    ),
    "engine.error.invalid_objective": (
        "Criterium '{criterion}' heeft richting '{value}'; gebruik 'max' (hoger is beter) of "
        "'min' (lager is beter).",
        "Criterion '{criterion}' has direction '{value}'; use 'max' (higher is better) or "
        "'min' (lower is better).",
    ),
    "engine.error.unknown_criterion": (
        "Er is een {what} opgegeven voor '{criterion}', maar dat criterium bestaat niet.",
        "A {what} was given for '{criterion}', but that criterion does not exist.",
    ),
    "engine.what.weight": ("gewicht", "weight"),
    "engine.what.objective": ("richting", "direction"),
    "engine.what.scale": ("schaal", "scale"),
    "engine.what.pillar": ("pijler", "pillar"),
    "engine.what.esp": ("streefpunt", "expected solution point"),
    "engine.what.preference": ("voorkeursfunctie", "preference function"),
    "engine.error.missing_weight": (
        "Criterium '{criterion}' heeft geen gewicht.",
        "Criterion '{criterion}' has no weight.",
    ),
    "engine.error.invalid_weight": (
        "Het gewicht van '{criterion}' is geen geldig getal ({value}).",
        "The weight of '{criterion}' is not a valid number ({value}).",
    ),
    "engine.error.negative_weight": (
        "Het gewicht van '{criterion}' is negatief ({value}); gewichten zijn 0 of meer.",
        "The weight of '{criterion}' is negative ({value}); weights are 0 or more.",
    ),
    "engine.error.zero_weights": (
        "Alle gewichten zijn 0. Geef minstens één criterium een gewicht groter dan 0.",
        "All weights are 0. Give at least one criterion a weight above 0.",
    ),
    "engine.error.invalid_weight_range": (
        "Het gewichtsbereik van '{criterion}' ({low} tot {high}) is ongeldig; de ondergrens "
        "moet 0 of meer zijn en niet boven de bovengrens liggen.",
        "The weight range of '{criterion}' ({low} to {high}) is invalid; the lower bound must "
        "be 0 or more and not above the upper bound.",
    ),
    "engine.error.zero_pillar_weights": (
        "Alle pijlergewichten zijn 0. Geef minstens één pijler een gewicht groter dan 0.",
        "All pillar weights are 0. Give at least one pillar a weight above 0.",
    ),
    "engine.error.negative_pillar_weight": (
        "Het gewicht van pijler {pillar} is negatief ({value}); gewichten zijn 0 of meer.",
        "The weight of pillar {pillar} is negative ({value}); weights are 0 or more.",
    ),
    "engine.error.unknown_pillar": (
        "'{pillar}' is geen pijler; kies uit ecologie (ecology), economie (economy) en mens "
        "(people).",
        "'{pillar}' is not a pillar; choose ecology, economy or people.",
    ),
    "engine.error.missing_pillar": (
        "Van criterium '{criterion}' is niet bekend onder welke pijler het valt.",
        "It is not known which pillar criterion '{criterion}' belongs to.",
    ),
    "engine.error.zero_within_weights": (
        "Alle criteria van pijler {pillar} hebben gewicht 0. Geef minstens één criterium "
        "binnen deze pijler een gewicht.",
        "All criteria of pillar {pillar} have weight 0. Give at least one criterion in this "
        "pillar a weight.",
    ),
    "engine.error.invalid_scale": (
        "De schaal van '{criterion}' loopt van {lo} tot {hi}; de ondergrens moet lager zijn "
        "dan de bovengrens.",
        "The scale of '{criterion}' runs from {lo} to {hi}; the lower bound must be below the "
        "upper bound.",
    ),
    "engine.error.out_of_scale": (
        "Maatregel {measure} scoort {value} op '{criterion}', buiten de schaal van {lo} tot "
        "{hi}. Pas de score of de schaal aan.",
        "Measure {measure} scores {value} on '{criterion}', outside the scale from {lo} to "
        "{hi}. Correct the score or the scale.",
    ),
    "engine.error.constant_column": (
        "Alle maatregelen scoren {value} op '{criterion}'. Zonder schaal kan methode {method} "
        "daar niets mee; geef het criterium een schaal of laat het weg.",
        "Every measure scores {value} on '{criterion}'. Without a scale, method {method} cannot "
        "use it; give the criterion a scale or leave it out.",
    ),
    "engine.error.zero_column": (
        "Alle maatregelen scoren 0 op '{criterion}'. Methode {method} kan daar niet mee rekenen; "
        "laat het criterium weg of kies een andere methode.",
        "Every measure scores 0 on '{criterion}'. Method {method} cannot work with that; leave "
        "the criterion out or choose another method.",
    ),
    "engine.error.identical_measures": (
        "Alle maatregelen scoren gelijk op de criteria die meewegen; methode {method} kan ze "
        "niet onderscheiden. Kies de gewogen som of pas de gewichten aan.",
        "All measures score the same on the criteria that carry weight; method {method} cannot "
        "tell them apart. Choose the weighted sum or change the weights.",
    ),
    "engine.error.invalid_vikor_v": (
        "Het VIKOR-gewicht v moet tussen 0 en 1 liggen (nu {value}).",
        "VIKOR's weight v must lie between 0 and 1 (now {value}).",
    ),
    "engine.error.spotis_needs_scale": (
        "SPOTIS meet afstanden op de schaal van elk criterium, maar '{criterion}' heeft geen "
        "schaal. Geef een schaal op of kies een andere methode.",
        "SPOTIS measures distances on each criterion's scale, but '{criterion}' has none. "
        "Declare a scale or choose another method.",
    ),
    "engine.error.invalid_esp": (
        "Het streefpunt van '{criterion}' is {value}; het moet op de schaal liggen "
        "({lo} tot {hi}).",
        "The expected solution point of '{criterion}' is {value}; it must lie on the scale "
        "({lo} to {hi}).",
    ),
    "engine.error.gaia_needs_promethee": (
        "Het GAIA-vlak hoort bij PROMETHEE: kies de methode PROMETHEE II (op de commandoregel: "
        "--method promethee).",
        "The GAIA plane belongs to PROMETHEE: choose the method PROMETHEE II (on the command "
        "line: --method promethee).",
    ),
    "engine.error.unknown_preference": (
        "Voorkeursfunctie '{value}' van '{criterion}' bestaat niet; kies uit {choices}.",
        "Preference function '{value}' of '{criterion}' does not exist; choose from {choices}.",
    ),
    "engine.error.invalid_thresholds": (
        "De drempels van '{criterion}' passen niet bij voorkeursfunctie {function} (q = {q}, "
        "p = {p}, s = {s}): vshape vraagt p > 0, linear 0 <= q < p, gaussian s > 0.",
        "The thresholds of '{criterion}' do not fit preference function {function} (q = {q}, "
        "p = {p}, s = {s}): vshape needs p > 0, linear 0 <= q < p, gaussian s > 0.",
    ),
    "engine.error.unknown_method": (
        "Methode '{method}' bestaat niet; kies uit {choices}.",
        "Method '{method}' does not exist; choose from {choices}.",
    ),
    "engine.error.invalid_floor": (
        "De ondergrens voor pijler {pillar} is {value}; een ondergrens ligt tussen 0 en 1.",
        "The floor for pillar {pillar} is {value}; a floor lies between 0 and 1.",
    ),
    "engine.error.invalid_samples": (
        "Het aantal trekkingen moet minstens 1 zijn (nu {value}).",
        "The number of samples must be at least 1 (now {value}).",
    ),
    "engine.error.invalid_score_sd": (
        "De spreiding van de score van maatregel {measure} op '{criterion}' is ongeldig "
        "({value}); gebruik 0 of meer.",
        "The spread of the score of measure {measure} on '{criterion}' is invalid ({value}); "
        "use 0 or more.",
    ),
    "engine.error.invalid_spread": (
        "De spreiding rond de pijlergewichten moet tussen 0 en 1 liggen (nu {value}).",
        "The spread around the pillar weights must lie between 0 and 1 (now {value}).",
    ),
    "engine.error.invalid_k": (
        "De top moet minstens 1 maatregel bevatten (nu {value}).",
        "The top must hold at least 1 measure (now {value}).",
    ),
    "engine.error.no_profiles": (
        "Er zijn geen perspectieven (gewichtsprofielen) om te vergelijken.",
        "There are no perspectives (weight profiles) to compare.",
    ),
    # --- CLI ---------------------------------------------------------------------------
    "engine.cli.unknown_profile": (
        "Perspectief '{profile}' bestaat niet in dit bestand. Beschikbaar: {choices}.",
        "Profile '{profile}' does not exist in this file. Available: {choices}.",
    ),
    "engine.cli.no_profiles": ("(geen)", "(none)"),
    "engine.cli.rank_title": (
        "Rangorde ({method}, pijlergewichten: {weights})",
        "Ranking ({method}, pillar weights: {weights})",
    ),
    "engine.cli.smaa_title": (
        "Rangkansen uit {samples} {samples|trekking|trekkingen} van de gewichten ({method}, "
        "{weights})",
        "Rank acceptability from {samples} weight {samples|sample|samples} ({method}, "
        "{weights})",
    ),
    "engine.cli.weights_uniform": (
        "pijlergewichten willekeurig",
        "pillar weights at random",
    ),
    "engine.cli.weights_around": (
        "pijlergewichten rond {weights}",
        "pillar weights around {weights}",
    ),
    "engine.cli.col.measure": ("maatregel", "measure"),
    "engine.cli.col.label": ("naam", "name"),
    "engine.cli.col.rank": ("plaats", "rank"),
    "engine.cli.col.score": ("score", "score"),
    "engine.cli.col.balance": ("balans", "balance"),
    "engine.cli.col.flag": ("let op", "note"),
    "engine.cli.col.first": ("kans op 1e plaats", "chance of 1st place"),
    "engine.cli.col.top3": ("kans op top 3", "chance of top 3"),
    "engine.cli.col.mean_rank": ("gem. plaats", "mean rank"),
    "engine.cli.floor_flag": ("onder ondergrens: {pillars}", "below floor: {pillars}"),
    "engine.cli.pareto_note": (
        "* = niet gedomineerd op de drie pijlers (Pareto)",
        "* = not dominated on the three pillars (Pareto)",
    ),
}
