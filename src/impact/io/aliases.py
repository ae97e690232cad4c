"""The names a file may use for our sheets, columns and values, in Dutch and English.

Dutch analysts name their sheets "Maatregelen" or "Criteria (NL)" and their columns
"pijler" or "Schaal min"; a file is read when every name it uses means one thing. This
module is the one place to extend: each table maps our (canonical, English) name to the
other names accepted for it. Names are compared after :func:`normalise` (case, spaces,
underscores, hyphens and brackets do not matter), sheet and file names also without a
trailing language tag such as "(NL)". Criterion ids are never normalised: they are
matched exactly, and a measures column that is exactly a criterion id is a score column
even where an alias would match (so files that worked before keep working).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from impact.io.schema import ASSESSMENT_KEYS, SHEET_ORDER
from impact.model import Confidence, Direction, Pillar

# canonical sheet -> accepted names; the first Dutch name is the one messages suggest
SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "assessment": ("assessment", "beoordeling", "afweging", "algemeen"),
    "criteria": ("criteria", "criterium", "criterion"),
    "measures": ("measures", "measure", "maatregelen", "maatregel"),
    "profiles": ("profiles", "profile", "profielen", "profiel", "wegingsprofielen",
                 "wegingsprofiel", "perspectieven", "perspectief", "perspectives"),
    "evidence": ("evidence", "onderbouwing", "onderbouwingen", "bronnen", "bron", "sources"),
}
# names that hold the sheet only when no sheet of the first list is there: a workbook
# with "Maatregelen" and "Scores" reads the measures (and their scores) from "Maatregelen"
SHEET_FALLBACKS: dict[str, tuple[str, ...]] = {"measures": ("scores", "score", "scoretabel")}
DUTCH_SHEET_NAMES = {
    "assessment": "beoordeling", "criteria": "criteria", "measures": "maatregelen",
    "profiles": "profielen", "evidence": "onderbouwing",
}

_LABEL_NL = ("naam", "label", "naam_nl", "label_nederlands", "naam_nederlands", "name",
             "name_nl")
_LABEL_EN = ("naam_en", "name_en", "label_engels", "naam_engels", "engelse_naam")
_DESCRIPTION = ("omschrijving", "beschrijving", "toelichting")
_DESCRIPTION_EN = ("omschrijving_en", "beschrijving_en", "toelichting_en",
                   "omschrijving_engels", "toelichting_engels", "description_english")

# sheet -> canonical column -> other accepted names (the first is the Dutch one shown)
COLUMN_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "criteria": {
        "id": ("code", "criterium", "criterium_id", "criteriumcode", "criterion_id"),
        "pillar": ("pijler",),
        "label_nl": _LABEL_NL,
        "label_en": _LABEL_EN,
        "unit": ("eenheid",),
        "direction": ("richting",),
        "scale_min": ("schaal_min", "schaalmin", "minimum", "min", "ondergrens"),
        "scale_max": ("schaal_max", "schaalmax", "maximum", "max", "bovengrens"),
        "description": _DESCRIPTION,
        "weight": ("gewicht",),
        "unit_en": ("eenheid_en", "eenheid_engels", "unit_english"),
        "description_en": _DESCRIPTION_EN,
        "knockout": ("knock_out", "grenswaarde", "uitsluitingsgrens", "ondergrens_wettelijk"),
        "pref_function": ("voorkeursfunctie", "voorkeur_functie", "preference_function",
                          "promethee_functie"),
        "q": ("onverschilligheidsdrempel", "q_drempel", "pref_q", "indifference_threshold"),
        "p": ("voorkeursdrempel", "p_drempel", "pref_p", "preference_threshold"),
        "s": ("s_drempel", "pref_s", "gauss_s", "gaussian_s"),
        "spotis_expected": ("streefpunt", "streefwaarde", "spotis_streefpunt",
                            "expected_point", "esp"),
    },
    "measures": {
        "measure_id": ("code", "id", "maatregel", "maatregel_id", "maatregelcode", "measure"),
        "label_nl": _LABEL_NL,
        "label_en": _LABEL_EN,
        "description": _DESCRIPTION,
        "description_en": _DESCRIPTION_EN,
        "cost": ("kosten", "kosten_euro", "investering", "budget"),
        "cost_unit": ("kosteneenheid", "eenheid_kosten", "valuta"),
        "exclusive_group": ("groep", "exclusieve_groep", "variantgroep", "varianten"),
    },
    "profiles": {
        "profile": ("profiel", "naam", "name", "perspectief", "perspective", "wegingsprofiel"),
        "ecology": ("ecologie", "milieu"),
        "economy": ("economie",),
        "people": ("mens", "mensen"),
    },
    "evidence": {
        "measure_id": ("maatregel", "maatregel_id", "maatregelcode", "measure"),
        "criterion_id": ("criterium", "criterium_id", "criteriumcode", "criterion"),
        "source": ("bron",),
        "confidence": ("betrouwbaarheid", "zekerheid", "vertrouwen"),
    },
    "assessment": {
        "key": ("sleutel", "veld", "eigenschap"),
        "value": ("waarde",),
    },
}
# the rows of the `assessment` sheet
ASSESSMENT_KEY_ALIASES = {"name": ("naam",), "description": _DESCRIPTION}

PILLAR_ALIASES = {
    "ecology": Pillar.ECOLOGY, "ecologie": Pillar.ECOLOGY, "milieu": Pillar.ECOLOGY,
    "economy": Pillar.ECONOMY, "economie": Pillar.ECONOMY,
    "people": Pillar.PEOPLE, "mens": Pillar.PEOPLE, "mensen": Pillar.PEOPLE,
}
DIRECTION_ALIASES = {
    "higher_is_better": Direction.HIGHER_IS_BETTER, "max": Direction.HIGHER_IS_BETTER,
    "hoger_is_beter": Direction.HIGHER_IS_BETTER, "maximaliseren": Direction.HIGHER_IS_BETTER,
    "maximise": Direction.HIGHER_IS_BETTER, "maximize": Direction.HIGHER_IS_BETTER,
    "lower_is_better": Direction.LOWER_IS_BETTER, "min": Direction.LOWER_IS_BETTER,
    "lager_is_beter": Direction.LOWER_IS_BETTER, "minimaliseren": Direction.LOWER_IS_BETTER,
    "minimise": Direction.LOWER_IS_BETTER, "minimize": Direction.LOWER_IS_BETTER,
}
# PROMETHEE's preference functions (impact.methods.promethee.FUNCTIONS)
PREFERENCE_ALIASES = {
    "usual": "usual", "gewoon": "usual", "standaard": "usual",
    "vshape": "vshape", "v_shape": "vshape", "v_vorm": "vshape", "vvorm": "vshape",
    "linear": "linear", "lineair": "linear",
    "gaussian": "gaussian", "gauss": "gaussian", "gaussisch": "gaussian",
}
CONFIDENCE_ALIASES = {
    "low": Confidence.LOW, "laag": Confidence.LOW,
    "medium": Confidence.MEDIUM, "gemiddeld": Confidence.MEDIUM, "middel": Confidence.MEDIUM,
    "midden": Confidence.MEDIUM,
    "high": Confidence.HIGH, "hoog": Confidence.HIGH,
}

_SEPARATORS = re.compile(r"[\s_\-()\[\]]+")
_LANGUAGE_TAG = re.compile(
    r"[\s_\-]*[(\[]\s*(nl|en|nederlands|engels|dutch|english)\s*[)\]]\s*$", re.IGNORECASE)


def normalise(name: str) -> str:
    """`name` as compared: lower case, runs of spaces/underscores/hyphens/brackets as one
    underscore ("Schaal min" and "label (NL)" become "schaal_min" and "label_nl")."""
    return _SEPARATORS.sub("_", str(name).strip().lower()).strip("_")


def normalise_sheet(name: str) -> str:
    """A sheet or file name as compared: also without a trailing "(NL)" or "[en]"."""
    return normalise(_LANGUAGE_TAG.sub("", str(name)))


def choice(value: str, aliases: Mapping[str, object]) -> object | None:
    """The value `aliases` gives a cell's text ("Hoger is beter" → higher is better)."""
    return aliases.get(normalise(value))


@dataclass
class SheetMatch:
    """Which of a file's sheets (or CSV files) holds which of ours."""

    found: list[str]  # every name in the file, in file order
    sheets: dict[str, str] = field(default_factory=dict)  # canonical -> name in the file
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # canonical -> candidates


def match_sheets(names: Iterable[str], stem: Callable[[str], str] = str) -> SheetMatch:
    """Match a file's sheets (`stem` gives the part of a name that counts: a CSV path's
    file name without .csv) to ours; two candidates for one sheet are ambiguous."""
    match = SheetMatch(list(names))
    forms = [(name, normalise_sheet(stem(name))) for name in match.found]
    for sheet in SHEET_ORDER:
        for accepted in (SHEET_ALIASES[sheet], SHEET_FALLBACKS.get(sheet, ())):
            candidates = [name for name, form in forms if form in accepted]
            if len(candidates) == 1:
                match.sheets[sheet] = candidates[0]
            elif candidates:
                match.ambiguous[sheet] = candidates
            if candidates:
                break
    return match


def _column_forms(sheet: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for canon, aliases in COLUMN_ALIASES.get(sheet, {}).items():
        forms[canon] = canon
        for alias in aliases:
            forms.setdefault(alias, canon)
    return forms


_COLUMN_FORMS = {sheet: _column_forms(sheet) for sheet in COLUMN_ALIASES}


def resolve_column(sheet: str, name: str, keep: Iterable[str] = ()) -> str | None:
    """Our name of column `name` of `sheet`, or None for a column that is none of ours.

    `keep`: names taken as they are (criterion ids), unless they are our own name."""
    form = normalise(name)
    forms = _COLUMN_FORMS.get(sheet, {})
    if forms.get(form) == form:
        return form  # our own name, whatever else it might be
    if name in keep:
        return None
    return forms.get(form)


def resolve_key(name: str) -> str | None:
    """The `assessment` sheet's key ("naam" → "name"), or None."""
    form = normalise(name)
    for key in ASSESSMENT_KEYS:
        if form == key or form in ASSESSMENT_KEY_ALIASES.get(key, ()):
            return key
    return None


def column_names_text(sheet: str, columns: Iterable[str]) -> str:
    """The columns with their Dutch names, for a message: "id (code), pillar (pijler)"."""
    parts = []
    for column in columns:
        dutch = COLUMN_ALIASES.get(sheet, {}).get(column, ())
        parts.append(f"{column} ({dutch[0]})" if dutch else column)
    return ", ".join(parts)
