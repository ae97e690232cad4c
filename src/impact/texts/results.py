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
    "results.chart.contribution": ("bijdrage aan de score", "contribution to the score"),
    # the ranking's x axis: what the method's score is (the bars are always the pillars'
    # weighted scores, which add up to the score only for the weighted sum)
    "results.chart.ranking.x.wsm": (
        "Totaalscore (0 = slechtst, 1 = best), opgebouwd per pijler",
        "Overall score (0 = worst, 1 = best), built up per pillar",
    ),
    "results.chart.ranking.x.topsis": (
        "TOPSIS-score: nabijheid tot het ideaal (0 = anti-ideaal, 1 = ideaal); "
        "balken: gewogen pijlerscores",
        "TOPSIS score: closeness to the ideal (0 = anti-ideal, 1 = ideal); "
        "bars: weighted pillar scores",
    ),
    "results.chart.ranking.x.vikor": (
        "VIKOR-score 1 − Q (Q lager is beter; 1 = beste compromis); "
        "balken: gewogen pijlerscores",
        "VIKOR score 1 − Q (Q lower is better; 1 = best compromise); "
        "bars: weighted pillar scores",
    ),
    "results.chart.ranking.x.spotis": (
        "SPOTIS-score: 1 − afstand tot het streefpunt (1 = op het streefpunt); "
        "balken: gewogen pijlerscores",
        "SPOTIS score: 1 − distance to the target point (1 = on target); "
        "bars: weighted pillar scores",
    ),
    "results.chart.ranking.x.promethee": (
        "PROMETHEE-nettostroom (−1 = slechtst, +1 = best); balken: gewogen pijlerscores",
        "PROMETHEE net flow (−1 = worst, +1 = best); bars: weighted pillar scores",
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
    "results.chart.pareto": ("Pareto-optimaal", "Pareto-optimal"),
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
    "results.chart.rank_rest": ("Plaats {rank} of lager", "Rank {rank} or lower"),
    "results.presentation": ("Presentatiemodus", "Presentation mode"),
    "results.presentation_help": (
        "Grotere letters en grafieken over de volle breedte, om te projecteren.",
        "Larger type and charts across the full width, for projecting.",
    ),
    "results.chart.key": ("Maatregelen (nummer = plaats)", "Measures (number = place)"),
    "results.chart.gaia.title": (
        "GAIA-vlak: hoe maatregelen en criteria samenhangen (PROMETHEE)",
        "GAIA plane: how measures and criteria relate (PROMETHEE)",
    ),
    "results.chart.gaia.kept": (
        "Het vlak toont {share} van de informatie (delta)",
        "The plane shows {share} of the information (delta)",
    ),
    "results.chart.gaia.criteria": ("Criteria (pijlen)", "Criteria (arrows)"),
    "results.chart.gaia.stick": ("Beslisstok (de gewichten)", "Decision stick (the weights)"),
    "results.chart.gaia.axis_u": ("eerste hoofdas", "first principal axis"),
    "results.chart.gaia.axis_v": ("tweede hoofdas", "second principal axis"),
    "results.gaia_help": (
        "Elke stip is een maatregel (nummer = plaats, kleur = pijler waar de score vooral "
        "vandaan komt), elke pijl een criterium: maatregelen in de richting van een pijl scoren "
        "goed op dat criterium; pijlen die dezelfde kant op wijzen gaan samen, tegengestelde "
        "pijlen botsen. De dikke zwarte beslisstok wijst naar wat de gewichten belonen: hoe "
        "verder een maatregel in die richting ligt, hoe hoger hij staat. Het vlak laat niet "
        "alles zien: de ondertitel zegt hoeveel.",
        "Each dot is a measure (number = place, colour = the pillar its score mostly comes "
        "from), each arrow a criterion: measures in an arrow's direction do well on that "
        "criterion; arrows pointing the same way go together, opposite arrows conflict. The "
        "thick black decision stick points to what the weights reward: the further a measure "
        "lies in that direction, the higher it ranks. The plane does not show everything: the "
        "subtitle says how much.",
    ),
    "results.chart.mainly": ("Score vooral uit:", "Score mainly from:"),
    "results.chart.group.top": ("Plaats 1–3", "Rank 1–3"),
    "results.chart.group.middle": ("Plaats 4–6", "Rank 4–6"),
    "results.chart.group.rest": ("Plaats 7 en lager", "Rank 7 and lower"),
    "results.chart.size_note": ("Grootte van de stip: score {pillar}", "Dot size: {pillar} score"),
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
    # results table
    "results.col.code": ("Code", "Code"),
    "results.col.balance": ("Balans-index", "Balance index"),
    "results.col.balance_help": (
        "Zwakste pijler gedeeld door het gemiddelde van de pijlers: 1 = even goed op alle "
        "pijlers, dicht bij 0 = één pijler blijft ver achter. Zegt niets over hoe goed.",
        "Weakest pillar divided by the mean of the pillars: 1 = equally good on all pillars, "
        "close to 0 = one pillar lags far behind. Says nothing about how good.",
    ),
    "results.col.pareto": ("Pareto-optimaal", "Pareto-optimal"),
    "results.col.pareto_help": (
        "Geen andere maatregel is op alle drie pijlers minstens zo goed en op één beter.",
        "No other measure is at least as good on all three pillars and better on one.",
    ),
    "results.col.no_regret": ("Geen spijt", "No-regret"),
    "results.col.no_regret_help": (
        "Staat in elk perspectief bij de beste drie.",
        "Among the best three in every perspective.",
    ),
    "results.col.floor": ("Onder ondergrens", "Below a floor"),
    # results page
    "results.title": ("Resultaten", "Results"),
    "results.intro": (
        "Verschuif de pijlergewichten; alle grafieken volgen direct. De drie gewichten tellen "
        "altijd op tot 100 punten.",
        "Move the pillar weights; all charts follow at once. The three weights always add up "
        "to 100 points.",
    ),
    "results.settings": ("Methode: {method}.", "Method: {method}."),
    "results.from_profile": ("Gewichten van perspectief: {profile}.",
                             "Weights of perspective: {profile}."),
    "results.more_weights": (
        "Perspectieven, methode, ondergrenzen en gewichten binnen pijlers",
        "Perspectives, method, floors and weights within pillars",
    ),
    "results.ranking_help": (
        "De balk is de totaalscore, opgebouwd uit de bijdrage van elke pijler (gewicht × "
        "pijlerscore). ✖ = onder een ondergrens (komt achteraan), ★ = geen spijt: in elk "
        "perspectief bij de beste drie.",
        "The bar is the overall score, built up from each pillar's contribution (weight × "
        "pillar score). ✖ = below a floor (ranked last), ★ = no-regret: among the best three "
        "in every perspective.",
    ),
    "results.balance_header": ("Balans en afruil", "Balance and trade-offs"),
    "results.balance_help": (
        "In het midden: de score komt evenwichtig uit de drie pijlers. Bij een hoek: vooral "
        "uit die pijler. Kleur = de pijler waar de score het meest uit komt; grotere stip = "
        "hogere totaalscore; het nummer staat in de lijst rechts.",
        "In the middle: the score comes evenly from the three pillars. Near a corner: mostly "
        "from that pillar. Colour = the pillar most of the score comes from; larger dot = "
        "higher overall score; the number is in the list on the right.",
    ),
    "results.tradeoff_help": (
        "De stippellijnen zijn 'geen verandering'. Rechtsboven winnen ecologie én economie; "
        "linksboven en rechtsonder is het een afruil. Kleur = plaats in de rangorde; grootte = "
        "score op mens; ruitjes zijn Pareto-optimaal; het nummer staat in de lijst rechts.",
        "The dashed lines are 'no change'. Top right, ecology and economy both gain; top left "
        "and bottom right is a trade-off. Colour = place in the ranking; size = people score; "
        "diamonds are Pareto-optimal; the number is in the list on the right.",
    ),
    "results.profile_header": ("Profiel van maatregelen", "Profile of measures"),
    "results.radar_pick": ("Maatregelen vergelijken", "Compare measures"),
    "results.radar_pick_help": (
        "Kies twee of meer maatregelen om hun profielen over elkaar te leggen.",
        "Pick two or more measures to overlay their profiles.",
    ),
    "results.radar_level": ("Detail", "Detail"),
    "results.radar_level.pillars": ("Pijlers", "Pillars"),
    "results.radar_level.criteria": ("Criteria", "Criteria"),
    "results.radar_empty": ("Kies minstens één maatregel.", "Pick at least one measure."),
    "results.heatmap_header": ("Alle scores", "All scores"),
    "results.heatmap_help": (
        "In de cellen de ingevulde scores. Paars = beter dan geen verandering, rood = "
        "slechter, grijs = geen verandering.",
        "The cells show the entered scores. Purple = better than no change, red = worse, "
        "grey = no change.",
    ),
    "results.table_header": ("Tabel", "Table"),
    "results.download_csv": ("Tabel downloaden (CSV)", "Download table (CSV)"),
    # weights page
    "results.w.intro": (
        "Bepaal hoe zwaar ecologie, economie en mens wegen. Kies een perspectief van een "
        "belanghebbende of verdeel zelf 100 punten; sla een verdeling op als perspectief.",
        "Decide how much ecology, economy and people weigh. Pick a stakeholder perspective or "
        "divide 100 points yourself; save a division as a perspective.",
    ),
    "results.w.profiles_header": ("Perspectieven", "Perspectives"),
    "results.w.pick": ("Perspectief", "Perspective"),
    "results.w.pick_help": (
        "Kiezen neemt de gewichten van dit perspectief over; daarna kunt u ze aanpassen.",
        "Picking one takes over its weights; you can adjust them afterwards.",
    ),
    "results.w.own_weights": ("— eigen gewichten —", "— own weights —"),
    "results.w.col.profile": ("Perspectief", "Perspective"),
    "results.w.no_profiles": (
        "Deze beoordeling heeft nog geen perspectieven. Sla hieronder de huidige gewichten "
        "op als eerste perspectief.",
        "This assessment has no perspectives yet. Save the current weights below as the first "
        "one.",
    ),
    "results.w.save_name": ("Naam van het perspectief", "Name of the perspective"),
    "results.w.save_help": (
        "Een bestaande naam overschrijft dat perspectief met de huidige gewichten.",
        "An existing name overwrites that perspective with the current weights.",
    ),
    "results.w.save": ("Huidige gewichten opslaan", "Save current weights"),
    "results.w.name_required": ("Geef het perspectief een naam.",
                                "Please give the perspective a name."),
    "results.w.delete_which": ("Gekozen perspectief: {name}", "Chosen perspective: {name}"),
    "results.w.delete_confirm": ("Ja, verwijder dit perspectief",
                                 "Yes, delete this perspective"),
    "results.w.delete": ("Perspectief verwijderen", "Delete perspective"),
    "results.w.delete_hint": (
        "Kies een perspectief om het te kunnen verwijderen.",
        "Pick a perspective to be able to delete it.",
    ),
    "results.w.pillars_header": ("Pijlergewichten", "Pillar weights"),
    "results.w.pillars_help": (
        "Verdeel 100 punten over de drie pijlers. Schuift u er één, dan verdelen de andere "
        "twee de rest in hun huidige verhouding.",
        "Divide 100 points over the three pillars. Move one and the other two share the rest "
        "in their current ratio.",
    ),
    "results.w.slider_help": (
        "Punten van 100. De andere pijlers schuiven mee zodat het totaal 100 blijft.",
        "Points out of 100. The other pillars move along so the total stays 100.",
    ),
    "results.w.total": ("Totaal: {total} punten.", "Total: {total} points."),
    "results.w.method_header": ("Rekenmethode", "Method"),
    "results.w.method": ("Methode", "Method"),
    "results.w.vikor_v": (
        "VIKOR: gewicht van de totale score (v)", "VIKOR: weight of the overall score (v)"),
    "results.w.vikor_v_help": (
        "1 = alleen de totale score telt (de meerderheid), 0 = alleen de grootste zwakte van "
        "een maatregel telt; 0,5 (standaard) weegt beide even zwaar.",
        "1 = only the overall score counts (the majority), 0 = only a measure's largest "
        "weakness counts; 0.5 (default) weighs both equally.",
    ),
    "results.w.floors_header": ("Ondergrenzen per pijler", "Floors per pillar"),
    "results.w.floors_help": (
        "Een maatregel die op een pijler onder de ondergrens scoort, wordt niet gecompenseerd "
        "door de andere pijlers: hij komt achteraan. 0 = geen ondergrens.",
        "A measure scoring below a pillar's floor is not compensated by the other pillars: it "
        "is ranked last. 0 = no floor.",
    ),
    "results.w.floor_help": (
        "Minimale pijlerscore (0 = slechtst, 1 = best).",
        "Minimum pillar score (0 = worst, 1 = best).",
    ),
    "results.w.floor_neutral": (" Geen verandering scoort {value}.",
                                " No change scores {value}."),
    "results.w.within_header": ("Gewichten binnen de pijlers", "Weights within the pillars"),
    "results.w.within_help": (
        "Relatief gewicht van elk criterium binnen zijn pijler (bijvoorbeeld 2 = twee keer zo "
        "zwaar als 1). Het pijlergewicht wordt naar verhouding verdeeld.",
        "Relative weight of each criterion within its pillar (e.g. 2 = twice as heavy as 1). "
        "The pillar's weight is shared in proportion.",
    ),
    "results.w.within_reset": ("Gewichten binnen pijlers terugzetten",
                               "Reset weights within pillars"),
    "results.w.preview_header": ("Wat deze gewichten opleveren",
                                 "What these weights give"),
    "results.w.col.within": ("Binnen pijler", "Within pillar"),
    "results.w.col.overall": ("Totaalgewicht", "Overall weight"),
    "results.w.to_results": ("Naar de resultaten", "Go to the results"),
    # sensitivity page
    "results.s.title": ("Gevoeligheid", "Sensitivity"),
    "results.s.intro": (
        "Hoe zeker is de uitkomst als de gewichten anders uitvallen? Huidige gewichten: "
        "{weights}.",
        "How certain is the outcome if the weights turn out differently? Current weights: "
        "{weights}.",
    ),
    "results.s.smaa_header": ("Kans op elke plaats", "Chance of each position"),
    "results.s.smaa_help": (
        "We trekken duizenden gewichtsverdelingen rond de huidige gewichten (en variëren "
        "onzekere scores) en tellen hoe vaak elke maatregel op elke plaats eindigt. Een "
        "maatregel onder een ondergrens of met een knock-out staat, net als in de ranglijst, "
        "in elke trekking achteraan.",
        "We draw thousands of weight divisions around the current weights (and vary uncertain "
        "scores) and count how often each measure ends up in each position. A measure below "
        "a floor or failing a knock-out comes last in every draw, as in the ranking.",
    ),
    "results.s.samples": ("Aantal trekkingen", "Number of draws"),
    "results.s.spread": ("Onzekerheid per pijlergewicht (± punten)",
                         "Uncertainty per pillar weight (± points)"),
    "results.s.spread_help": (
        "Elk pijlergewicht mag zoveel punten hoger of lager uitvallen.",
        "Each pillar weight may turn out this many points higher or lower.",
    ),
    "results.s.running": ("Bezig met rekenen…", "Calculating…"),
    "results.s.smaa_summary": (
        "De huidige nummer één, {measure}, staat in {first}% van de trekkingen op de eerste "
        "plaats en in {top3}% bij de beste drie.",
        "The current number one, {measure}, comes first in {first}% of the draws and among "
        "the best three in {top3}%.",
    ),
    "results.s.stability_header": ("Stabiliteit van de gewichten", "Stability of the weights"),
    "results.s.stability_help": (
        "Per pijler: tussen welke gewichten blijft dezelfde maatregel de beste (lichte balk) "
        "en blijft de hele volgorde gelijk (donkere balk)? De andere pijlers houden hun "
        "onderlinge verhouding.",
        "Per pillar: between which weights does the same measure stay best (light bar) and "
        "does the whole order stay the same (dark bar)? The other pillars keep their ratio.",
    ),
    "results.s.col.weight": ("Huidig gewicht", "Current weight"),
    "results.s.col.top": ("Zelfde beste maatregel bij", "Same best measure at"),
    "results.s.col.order": ("Zelfde volgorde bij", "Same order at"),
    "results.s.col.best": ("Beste maatregel nu", "Best measure now"),
    "results.s.whatif_header": ("Wat als?", "What if?"),
    "results.s.whatif_help": (
        "Probeer een ander gewicht voor één pijler; de andere twee schuiven naar verhouding "
        "mee. Dit verandert uw instellingen niet, tenzij u het overneemt.",
        "Try another weight for one pillar; the other two move along in proportion. This does "
        "not change your settings unless you apply it.",
    ),
    "results.s.whatif_weight": ("Gewicht van {pillar} (punten)", "Weight of {pillar} (points)"),
    "results.s.whatif_gives": ("Dat geeft: {weights}.", "That gives: {weights}."),
    "results.s.whatif_chart": ("Rangorde bij deze gewichten", "Ranking with these weights"),
    "results.s.col.rank_now": ("Rang nu", "Rank now"),
    "results.s.col.rank_whatif": ("Rang bij wat-als", "Rank in what-if"),
    "results.s.col.change": ("Verschuiving", "Change"),
    "results.s.col.change_help": (
        "Aantal plaatsen omhoog (+) of omlaag (−) ten opzichte van nu.",
        "Number of places up (+) or down (−) compared with now.",
    ),
    "results.s.col.rank_in": ("Rang bij {profile}", "Rank for {profile}"),
    "results.s.whatif_apply": ("Deze gewichten overnemen", "Apply these weights"),
    "results.s.perspectives_header": ("Perspectieven vergelijken", "Compare perspectives"),
    "results.s.k": ("Geen spijt = in elk perspectief bij de beste …",
                    "No-regret = among the best … in every perspective"),
    "results.s.k_help": (
        "Een maatregel zonder spijt staat in elk perspectief bij de beste zoveel.",
        "A no-regret measure is among the best this many in every perspective.",
    ),
    "results.s.no_profiles": (
        "Deze beoordeling heeft geen perspectieven. Leg ze vast op de pagina Gewichten & "
        "perspectieven.",
        "This assessment has no perspectives. Add them on the Weights & perspectives page.",
    ),
    "results.s.perspectives_help": (
        "De rang die elk perspectief een maatregel geeft (1 = best); ★ = geen spijt.",
        "The rank each perspective gives a measure (1 = best); ★ = no-regret.",
    ),
    "results.s.kendall_help": (
        "1 = twee perspectieven zetten de maatregelen in dezelfde volgorde, 0 = geen verband, "
        "−1 = omgekeerde volgorde.",
        "1 = two perspectives put the measures in the same order, 0 = no relation, "
        "−1 = reversed order.",
    ),
    "results.s.no_regret_header": (
        "Maatregelen zonder spijt (in elk perspectief bij de beste {k})",
        "No-regret measures (among the best {k} in every perspective)",
    ),
    "results.s.no_regret_none": (
        "Geen enkele maatregel staat in elk perspectief bij de beste {k}.",
        "No measure is among the best {k} in every perspective.",
    ),
}
