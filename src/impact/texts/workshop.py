"""Strings of the live workshop: the facilitator page, the participant page and errors."""

TEXTS: dict[str, tuple[str, str]] = {
    # facilitator page: entry
    "workshop.title": ("Workshop", "Workshop"),
    "workshop.create_tab": ("Nieuwe sessie", "New session"),
    "workshop.open_tab": ("Sessie openen met sleutel", "Open a session with its key"),
    "workshop.create_intro": (
        "Een sessie op de beoordeling '{name}'. Deelnemers scoren op hun eigen telefoon, "
        "zonder account.",
        "A session on the assessment '{name}'. Participants score on their own phone, "
        "without an account.",
    ),
    "workshop.measures": ("Maatregelen die de zaal scoort", "Measures the room scores"),
    "workshop.criteria": ("Criteria die de zaal scoort", "Criteria the room scores"),
    "workshop.criteria_help": (
        "Standaard de criteria op de schaal −3 tot +3; die scoren deelnemers met de "
        "zeven woorden van 'zeer negatief' tot 'zeer positief'.",
        "By default the criteria on the −3 to +3 scale; participants score those with the "
        "seven words from 'very negative' to 'very positive'.",
    ),
    "workshop.opt_split": (
        "Deelnemers verdelen ook 100 punten over ecologie, economie en mens",
        "Participants also split 100 points over ecology, economy and people",
    ),
    "workshop.opt_split_help": (
        "Die verdelingen worden de gewichten van het groepsresultaat.",
        "These splits become the weights of the group result.",
    ),
    "workshop.opt_anonymous": ("Anoniem (geen namen)", "Anonymous (no names)"),
    "workshop.opt_anonymous_help": (
        "Niemand ziet antwoorden van één deelnemer. Cijfers over minder dan {n} "
        "{n|antwoord|antwoorden} worden niet getoond.",
        "Nobody sees one participant's answers. Figures over fewer than {n} "
        "{n|answer|answers} are not shown.",
    ),
    "workshop.opt_hide": (
        "Resultaten verborgen tot u ze onthult",
        "Results hidden until you reveal them",
    ),
    "workshop.opt_hide_help": (
        "Zo laat niemand zich leiden door de eerste antwoorden.",
        "So that nobody anchors on the first answers.",
    ),
    "workshop.opt_shuffle": (
        "Maatregelen in willekeurige volgorde per deelnemer",
        "Measures in a random order per participant",
    ),
    "workshop.opt_shuffle_help": (
        "Voorkomt dat de laatste maatregelen minder aandacht krijgen.",
        "Keeps the last measures from getting less attention.",
    ),
    "workshop.create_button": ("Sessie starten", "Start the session"),
    "workshop.code": ("Sessiecode", "Session code"),
    "workshop.key": ("Sleutel van de gespreksleider", "Facilitator key"),
    "workshop.open_button": ("Openen", "Open"),
    "workshop.key_wrong": (
        "Sessie {code} kan alleen worden beheerd met de sleutel van de gespreksleider. "
        "Controleer de code en de sleutel.",
        "Session {code} can only be managed with the facilitator key. Check the code and "
        "the key.",
    ),
    # facilitator page: a session
    "workshop.key_dialog_title": ("Sleutel van de gespreksleider", "Facilitator key"),
    "workshop.key_once": (
        "Bewaar deze sleutel (bijvoorbeeld in uw wachtwoordbeheerder): met code **{code}** en "
        "deze sleutel beheert u de sessie ook vanaf een ander apparaat. Hij wordt maar één "
        "keer getoond en niet opgeslagen. Toon dit venster niet op de beamer.",
        "Keep this key (for example in your password manager): with code **{code}** and this "
        "key you can manage the session from another device too. It is shown once and not "
        "stored. Do not show this window on the projector.",
    ),
    "workshop.key_saved": ("Ik heb de sleutel bewaard", "I have saved the key"),
    "workshop.opt_cap": ("Maximaal aantal deelnemers", "Maximum number of participants"),
    "workshop.opt_cap_help": (
        "Daarboven kan niemand meer meedoen; zo blijft een gelekte code onschadelijk.",
        "Nobody can join beyond this; a leaked code stays harmless.",
    ),
    "workshop.cap_note": ("max. {cap}", "max. {cap}"),
    "workshop.anonymous_open_note": (
        "Anonieme sessie: zolang de ronde open is, ziet u alleen aantallen. Gemiddelden, "
        "medianen en spreiding verschijnen als u de ronde sluit.",
        "Anonymous session: while the round is open you see counts only. Means, medians and "
        "spreads appear when you close the round.",
    ),
    "workshop.viewer_cannot_create": (
        "Alleen een redacteur kan een workshop starten. U kunt een sessie openen met de code "
        "en de sleutel van de gespreksleider.",
        "Only an editor can start a workshop. You can open a session with its code and the "
        "facilitator key.",
    ),
    "workshop.link_is_local": (
        "Telefoons kunnen 'localhost' niet openen. Zet IMPACT_PUBLIC_URL op het adres van "
        "deze computer in het netwerk van de zaal (bijvoorbeeld http://192.168.1.20:8501) "
        "en start de app opnieuw.",
        "Phones cannot open 'localhost'. Set IMPACT_PUBLIC_URL to this computer's address on "
        "the room's network (for example http://192.168.1.20:8501) and restart the app.",
    ),
    "workshop.qr_caption": ("Scan om mee te doen", "Scan to take part"),
    "workshop.join_at": ("**Doe mee via**", "**Take part at**"),
    "workshop.or_code": (
        "of ga naar de app en vul de code in:",
        "or open the app and enter the code:",
    ),
    "workshop.round_title": ("Ronde {round}: {state}", "Round {round}: {state}"),
    "workshop.state.waiting": ("wacht op start", "waiting to start"),
    "workshop.state.scoring": ("deelnemers scoren", "participants are scoring"),
    "workshop.state.closed": ("gesloten", "closed"),
    "workshop.state.revealed": ("onthuld", "revealed"),
    "workshop.action.open": ("Ronde openen", "Open round"),
    "workshop.action.close": ("Ronde sluiten", "Close round"),
    "workshop.action.reveal": ("Resultaten onthullen", "Reveal results"),
    "workshop.action.new_round": ("Nieuwe ronde", "New round"),
    "workshop.action.close_session": ("Sessie beëindigen", "End session"),
    "workshop.action.close_session_yes": ("Ja, beëindig de sessie", "Yes, end the session"),
    "workshop.close_session_confirm": (
        "Na het beëindigen kan niemand meer meedoen of antwoorden. De antwoorden blijven "
        "bewaard.",
        "After ending, nobody can join or answer any more. The answers are kept.",
    ),
    "workshop.session_closed": (
        "Deze sessie is beëindigd. De resultaten blijven hieronder zichtbaar.",
        "This session has ended. The results stay visible below.",
    ),
    "workshop.joined": ("Deelnemers", "Participants"),
    "workshop.finished": ("Klaar", "Finished"),
    "workshop.answers": ("Antwoorden", "Answers"),
    "workshop.anonymous_note": (
        "Anonieme sessie: cijfers over minder dan {n} {n|antwoord|antwoorden} worden niet "
        "getoond.",
        "Anonymous session: figures over fewer than {n} {n|answer|answers} are not shown.",
    ),
    "workshop.peek": (
        "Tussenstand op dit scherm tonen",
        "Show interim results on this screen",
    ),
    "workshop.peek_help": (
        "Alleen voor u: zet dit uit als uw scherm geprojecteerd wordt. Deelnemers zien "
        "niets tot u onthult.",
        "For you only: switch this off while your screen is projected. Participants see "
        "nothing until you reveal.",
    ),
    "workshop.hidden_note": (
        "De resultaten zijn verborgen tot u ze onthult.",
        "The results are hidden until you reveal them.",
    ),
    "workshop.tab.hotspots": ("Grootste verschillen", "Largest disagreements"),
    "workshop.tab.cells": ("Alle scores", "All scores"),
    "workshop.tab.shift": ("Verschuiving", "Shift"),
    "workshop.tab.group": ("Groepsresultaat", "Group result"),
    "workshop.no_hotspots": (
        "Nog te weinig antwoorden om verschillen te tonen.",
        "Too few answers yet to show disagreements.",
    ),
    "workshop.hotspots_intro": (
        "Waar de zaal het minst eens is, gerangschikt op spreiding (interkwartielafstand, "
        "daarna standaardafwijking). Bespreek deze eerst.",
        "Where the room agrees least, ranked by spread (interquartile range, then "
        "standard deviation). Discuss these first.",
    ),
    "workshop.splits_title": (
        "Verdeling van 100 punten over de pijlers",
        "Split of 100 points over the pillars",
    ),
    "workshop.col.mean": ("Gemiddelde", "Mean"),
    "workshop.col.median": ("Mediaan", "Median"),
    "workshop.col.iqr": ("Spreiding (IQR)", "Spread (IQR)"),
    "workshop.col.sd": ("Standaardafwijking", "Standard deviation"),
    "workshop.col.median_from": ("Mediaan ronde {round}", "Median round {round}"),
    "workshop.col.median_to": ("Mediaan ronde {round}", "Median round {round}"),
    "workshop.col.median_shift": ("Verschuiving mediaan", "Shift of the median"),
    "workshop.col.mean_shift": ("Verschuiving gemiddelde", "Shift of the mean"),
    "workshop.col.iqr_shift": ("Verandering spreiding", "Change of spread"),
    "workshop.col.abs_shift": ("Gemiddelde absolute verschuiving", "Mean absolute shift"),
    "workshop.col.gap_from": ("Afstand tot de zaal, eerst", "Distance to the room, before"),
    "workshop.col.gap_to": ("Afstand tot de zaal, nu", "Distance to the room, now"),
    "workshop.col.group": ("Groep", "Group"),
    "workshop.col.members": ("Deelnemers", "Participants"),
    "workshop.col.name": ("Naam", "Name"),
    "workshop.col.balance": ("Balans", "Balance"),
    "workshop.no_group": ("(geen groep)", "(no group)"),
    "workshop.shift_after_round2": (
        "Na een tweede ronde ziet u hier hoe de scores verschoven.",
        "After a second round you see here how the scores shifted.",
    ),
    "workshop.shift_intro": (
        "Van ronde {a} naar ronde {b}: hoe de scores per cel verschoven. Een kleinere "
        "spreiding betekent dat de zaal dichter bij elkaar kwam.",
        "From round {a} to round {b}: how the scores shifted per cell. A smaller spread "
        "means the room came closer together.",
    ),
    "workshop.group_shift_intro": (
        "Per groep: hoeveel hun gemiddelde scores verschoven en hoe ver ze van de mediaan "
        "van de zaal lagen.",
        "Per group: how much their mean scores shifted and how far they were from the "
        "room's median.",
    ),
    "workshop.group_after_close": (
        "Het groepsresultaat verschijnt als de ronde gesloten is.",
        "The group result appears once the round is closed.",
    ),
    "workshop.group_computing": ("Groepsresultaat berekenen…", "Computing the group result…"),
    "workshop.group_failed": (
        "Het groepsresultaat kan niet worden berekend: {reason}",
        "The group result cannot be computed: {reason}",
    ),
    "workshop.group_intro_split": (
        "Met de mediaanscores van de zaal en als gewichten het gemiddelde van de "
        "{n|puntenverdeling|puntenverdelingen} van {n} {n|deelnemer|deelnemers}.",
        "With the room's median scores and, as weights, the mean of {n} "
        "{n|participant's point split|participants' point splits}.",
    ),
    "workshop.group_intro_equal": (
        "Met de mediaanscores van de zaal en gelijke gewichten voor de drie pijlers.",
        "With the room's median scores and equal weights for the three pillars.",
    ),
    "workshop.smaa_subtitle": (
        "Gewichten getrokken binnen de {n|puntenverdeling|puntenverdelingen} van {n} "
        "{n|deelnemer|deelnemers}",
        "Weights sampled within the {n|point split|point splits} of {n} "
        "{n|participant|participants}",
    ),
    "workshop.save_title": (
        "**Groepsresultaat bewaren als nieuwe beoordeling**",
        "**Save the group result as a new assessment**",
    ),
    "workshop.save_name": ("Naam", "Name"),
    "workshop.save_button": ("Bewaren", "Save"),
    "workshop.saved": (
        "Bewaard als '{name}'. Kies die beoordeling in de zijbalk om haar te bekijken.",
        "Saved as '{name}'. Pick that assessment in the sidebar to view it.",
    ),
    "workshop.result_name": (
        "{name} — workshop {code} ronde {round}",
        "{name} — workshop {code} round {round}",
    ),
    "workshop.score_source": (
        "workshop {code} ronde {round} (mediaan, n={n})",
        "workshop {code} round {round} (median, n={n})",
    ),
    "workshop.participants_title": ("Wie doet mee", "Who takes part"),
    "workshop.chart.iqr": ("Spreiding", "Spread"),
    "workshop.chart.heatmap_title": (
        "Onenigheid per maatregel en criterium (kleur: spreiding, getal: mediaan)",
        "Disagreement per measure and criterion (colour: spread, number: median)",
    ),
    "workshop.chart.median_shift": ("Verschuiving", "Shift"),
    "workshop.chart.shift_title": (
        "Verschuiving van de mediaan tussen de rondes",
        "Shift of the median between the rounds",
    ),
    # participant page
    "workshop.p.title": ("Meedoen aan een workshop", "Take part in a workshop"),
    "workshop.p.code_label": ("Sessiecode", "Session code"),
    "workshop.p.code_button": ("Verder", "Continue"),
    "workshop.p.unknown_link": (
        "Deze link hoort niet (meer) bij een deelnemer. Vul de sessiecode in om mee te doen.",
        "This link does not belong to a participant (any more). Enter the session code to "
        "take part.",
    ),
    "workshop.p.welcome": ("Welkom", "Welcome"),
    "workshop.p.welcome_intro": (
        "Sessie {code}. U scoort de maatregelen één voor één; niemand ziet uw antwoorden.",
        "Session {code}. You score the measures one by one; nobody sees your answers.",
    ),
    "workshop.p.anonymous": (
        "Deze sessie is anoniem: u hoeft geen naam op te geven.",
        "This session is anonymous: you do not give a name.",
    ),
    "workshop.p.name": ("Naam (mag leeg blijven)", "Name (optional)"),
    "workshop.p.group": ("Uw achtergrond (mag leeg blijven)", "Your background (optional)"),
    "workshop.p.group_placeholder": ("Kies een groep", "Choose a group"),
    "workshop.p.group_other": ("Anders", "Other"),
    "workshop.p.join_button": ("Doe mee", "Join"),
    "workshop.p.header": ("Workshop {code}", "Workshop {code}"),
    "workshop.p.waiting": (
        "U doet mee. Zodra de gespreksleider de ronde opent, verschijnen hier de vragen.",
        "You are in. The questions appear here as soon as the facilitator opens the round.",
    ),
    "workshop.p.waiting_next": (
        "Ronde {round} begint zo. Wacht even op de gespreksleider.",
        "Round {round} starts soon. Please wait for the facilitator.",
    ),
    "workshop.p.progress": (
        "Ronde {round}: {done} van {total} {total|vraag|vragen} beantwoord",
        "Round {round}: {done} of {total} {total|question|questions} answered",
    ),
    "workshop.p.measure_of": ("Maatregel {i} van {n}", "Measure {i} of {n}"),
    "workshop.p.back": ("Vorige", "Back"),
    "workshop.p.next": ("Volgende", "Next"),
    "workshop.p.split_title": ("Wat weegt voor u het zwaarst?", "What matters most to you?"),
    "workshop.p.split_intro": (
        "Verdeel 100 punten over de drie pijlers. Samen moet het precies 100 zijn.",
        "Split 100 points over the three pillars. Together they must make exactly 100.",
    ),
    "workshop.p.split_save": ("Verdeling bewaren", "Save the split"),
    "workshop.p.split_saved": ("Uw verdeling is bewaard.", "Your split has been saved."),
    "workshop.p.done": (
        "Klaar! Al uw antwoorden zijn bewaard.",
        "Done! All your answers have been saved.",
    ),
    "workshop.p.incomplete": (
        "U bent er bijna. Deze vragen zijn nog open:",
        "Almost there. These questions are still open:",
    ),
    "workshop.p.can_change": (
        "U kunt uw antwoorden nog aanpassen tot de gespreksleider de ronde sluit.",
        "You can still change your answers until the facilitator closes the round.",
    ),
    "workshop.p.review": ("Mijn antwoorden bekijken", "Review my answers"),
    "workshop.p.closed": (
        "Ronde {round} is gesloten. De gespreksleider laat zo de resultaten zien.",
        "Round {round} is closed. The facilitator will show the results shortly.",
    ),
    "workshop.p.revealed": (
        "De resultaten van ronde {round} zijn bekend.",
        "The results of round {round} are in.",
    ),
    "workshop.p.session_over": (
        "Deze sessie is afgelopen. Dank voor het meedoen!",
        "This session has ended. Thank you for taking part!",
    ),
    "workshop.p.room_title": (
        "Zo scoorde de zaal in ronde {round}",
        "How the room scored in round {round}",
    ),
    "workshop.p.room_live": (
        "Tussenstand van de zaal, ronde {round}",
        "The room so far, round {round}",
    ),
    "workshop.p.room_chart": (
        "Hoeveel deelnemers elk punt kozen; uw eigen antwoord is omlijnd.",
        "How many participants chose each point; your own answer is outlined.",
    ),
    "workshop.p.room_hotspots": (
        "**Hier verschilt de zaal het meest:**",
        "**This is where the room differs most:**",
    ),
    "workshop.p.too_few": ("te weinig antwoorden", "too few answers"),
    "workshop.p.spread": (" · spreiding {iqr}", " · spread {iqr}"),
    # errors
    "workshop.error.no_measures": (
        "Kies ten minste één maatregel.",
        "Choose at least one measure.",
    ),
    "workshop.error.no_criteria": (
        "Kies ten minste één criterium.",
        "Choose at least one criterion.",
    ),
    "workshop.error.unknown_items": (
        "Deze onderdelen staan niet in de beoordeling: {items}.",
        "These items are not in the assessment: {items}.",
    ),
    "workshop.error.no_code": (
        "Er kon geen vrije sessiecode worden gemaakt. Probeer het opnieuw.",
        "No free session code could be made. Please try again.",
    ),
    "workshop.error.unknown_code": (
        "Er is geen sessie met code {code}. Controleer de code.",
        "There is no session with code {code}. Please check the code.",
    ),
    "workshop.error.session_closed": (
        "Deze sessie is beëindigd; er worden geen antwoorden meer aangenomen.",
        "This session has ended; no more answers are accepted.",
    ),
    "workshop.error.bad_transition": (
        "Dat kan nu niet: ronde {round} is {state}.",
        "That is not possible now: round {round} is {state}.",
    ),
    "workshop.error.round_still_open": (
        "Sluit eerst ronde {round}.",
        "Close round {round} first.",
    ),
    "workshop.error.unknown_participant": (
        "Deze deelnemer is onbekend. Doe opnieuw mee met de sessiecode.",
        "This participant is unknown. Join again with the session code.",
    ),
    "workshop.error.anonymous": (
        "Deze sessie is anoniem.",
        "This session is anonymous.",
    ),
    "workshop.error.round_not_open": (
        "Ronde {round} is niet open; uw antwoord is niet bewaard.",
        "Round {round} is not open; your answer was not saved.",
    ),
    "workshop.error.unknown_question": (
        "Deze vraag hoort niet bij de sessie.",
        "This question is not part of the session.",
    ),
    "workshop.error.out_of_scale": (
        "{value} valt buiten de schaal van {lo} tot {hi}.",
        "{value} is outside the scale from {lo} to {hi}.",
    ),
    "workshop.error.not_whole": (
        "Kies een van de zeven punten.",
        "Choose one of the seven points.",
    ),
    "workshop.error.bad_cap": (
        "Het maximum aantal deelnemers moet tussen 1 en {limit} liggen.",
        "The maximum number of participants must be between 1 and {limit}.",
    ),
    "workshop.error.not_facilitator": (
        "Alleen de gespreksleider van deze sessie kan dat doen.",
        "Only the facilitator of this session can do that.",
    ),
    "workshop.error.too_many_guesses": (
        "Te veel onjuiste codes vanaf dit apparaat. Wacht een minuut en probeer het opnieuw.",
        "Too many wrong codes from this device. Wait a minute and try again.",
    ),
    "workshop.error.too_many_joins": (
        "Vanaf dit apparaat is net al vaak meegedaan. Wacht een minuut en probeer het opnieuw.",
        "This device has joined many times just now. Wait a minute and try again.",
    ),
    "workshop.error.session_full": (
        "Deze sessie is vol (maximum: {cap}). Vraag de gespreksleider om ruimte.",
        "This session is full (maximum: {cap}). Ask the facilitator to make room.",
    ),
    "workshop.error.stale_round": (
        "Ronde {round} is voorbij; uw antwoord is niet bewaard. U ziet nu ronde {current}.",
        "Round {round} is over; your answer was not saved. You now see round {current}.",
    ),
    "workshop.error.split_total": (
        "De punten moeten samen precies 100 zijn (nu {total}).",
        "The points must add up to exactly 100 (now {total}).",
    ),
    "workshop.error.reason_too_long": (
        "Een toelichting heeft hoogstens {max} tekens (nu {n}).",
        "A reason has at most {max} characters (now {n}).",
    ),
    # reasons: the participant's short reason per measure, shown to the facilitator
    "workshop.p.reason": ("Waarom? (mag leeg blijven)", "Why? (optional)"),
    "workshop.p.reason_placeholder": (
        "Eén of twee zinnen: wat weegt voor u mee bij deze maatregel?",
        "A sentence or two: what counts for you with this measure?",
    ),
    "workshop.reasons_title": ("Toelichtingen bij de grootste verschillen",
                               "Reasons behind the largest disagreements"),
    "workshop.reasons_intro": (
        "Wat deelnemers bij een maatregel als reden gaven, per score die zij op dit "
        "criterium gaven.",
        "What participants gave as their reason for a measure, by the score they gave "
        "on this criterion.",
    ),
    "workshop.reasons_anonymous": (
        "Anoniem: zonder namen, en pas als de ronde gesloten is.",
        "Anonymous: without names, and only once the round is closed.",
    ),
    "workshop.reasons_cell": (
        "{rank}. {measure} · {criterion} ({n} {n|toelichting|toelichtingen})",
        "{rank}. {measure} · {criterion} ({n} {n|reason|reasons})",
    ),
    "workshop.reasons_score": ("Score {score} ({n})", "Score {score} ({n})"),
    "workshop.reasons_none": ("Nog geen toelichtingen bij deze verschillen.",
                              "No reasons given for these disagreements yet."),
    "workshop.reasons_download": ("Toelichtingen downloaden (CSV)", "Download the reasons (CSV)"),
    "workshop.col.reason": ("Toelichting", "Reason"),
    "workshop.col.session": ("Sessie", "Session"),
    "workshop.col.round": ("Ronde", "Round"),
    # the round's timer
    "workshop.error.timer_range": (
        "Een timer loopt {lo} seconden tot {hi} minuten.",
        "A timer runs {lo} seconds to {hi} minutes.",
    ),
    "workshop.timer_minutes": ("Timer (minuten)", "Timer (minutes)"),
    "workshop.timer_start": ("Timer starten", "Start the timer"),
    "workshop.timer_help": (
        "De ronde sluit vanzelf als de tijd om is; deelnemers zien hoe laat.",
        "The round closes itself when the time is up; participants see at what time.",
    ),
    "workshop.timer_left": ("De ronde sluit over {left}", "The round closes in {left}"),
    "workshop.p.timer": ("De ronde sluit om {time}.", "The round closes at {time}."),
    # the projection view (the beamer)
    "workshop.projection.title": ("Projectie", "Projection"),
    "workshop.projection.open": ("Projectie openen (beamer)", "Open the projection (beamer)"),
    "workshop.projection.no_rights": (
        "Open de projectie vanaf het scherm van de gespreksleider.",
        "Open the projection from the facilitator's screen.",
    ),
    "workshop.projection.header": ("Workshop {code} · ronde {round}: {state}",
                                   "Workshop {code} · round {round}: {state}"),
    "workshop.projection.join_at": ("Doe mee op uw telefoon:", "Join on your phone:"),
    "workshop.projection.or_code": ("of typ de code", "or type the code"),
    "workshop.projection.join_compact": ("Nog niet meegedaan? {link} · code {code}",
                                         "Not joined yet? {link} · code {code}"),
    "workshop.projection.scoring": ("Ronde {round}: scoor nu op uw telefoon",
                                    "Round {round}: score on your phone now"),
    "workshop.projection.closed": ("Ronde {round} is gesloten. Zo meteen de resultaten.",
                                   "Round {round} is closed. The results follow shortly."),
    "workshop.projection.hotspots": ("Hier verschilt de zaal het meest",
                                     "Where the room differs most"),
}
