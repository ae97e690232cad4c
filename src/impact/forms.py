"""The measure and criterion forms of the editor: presets and validation (no Streamlit).

A form's fields come in as plain values (text, numbers, choices); out come the model
object or, per field, what to fix, in the user's language. Nothing is saved while any
field has an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from impact.i18n import t
from impact.model import Criterion, Direction, Measure, Pillar
from impact.preferences import FUNCTIONS, USED_THRESHOLDS, threshold_issue


@dataclass(frozen=True)
class ScalePreset:
    key: str  # i18n key of its label: editor.preset.<key>
    scale_min: float | None
    scale_max: float | None
    unit_key: str | None  # i18n key of its unit, or None to keep the typed unit


# The scales analysts use most; "custom" keeps whatever was typed.
SCALE_PRESETS: tuple[ScalePreset, ...] = (
    ScalePreset("seven_point", -3, 3, "editor.unit.seven_point"),
    ScalePreset("zero_hundred", 0, 100, "editor.unit.points"),
    ScalePreset("euro", 0, 1_000_000, "editor.unit.euro"),
    ScalePreset("percent", 0, 100, "editor.unit.percent"),
    ScalePreset("custom", None, None, None),
)
PRESETS = {p.key: p for p in SCALE_PRESETS}
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
MAX_LABEL = 200
MAX_DESCRIPTION = 10_000

Errors = dict[str, str]


def preset_of(criterion: Criterion | None) -> str:
    """The preset a criterion's scale matches (for the form's first choice)."""
    if criterion is None:
        return "seven_point"
    for preset in SCALE_PRESETS[:-1]:
        if (criterion.scale_min, criterion.scale_max) == (preset.scale_min, preset.scale_max):
            return preset.key
    return "custom"


def next_id(prefix: str, taken: Iterable[str]) -> str:
    """The first free code `prefix1`, `prefix2`, ... after the highest one in use."""
    numbers = [int(m.group(1)) for i in taken
               if (m := re.fullmatch(re.escape(prefix) + r"0*(\d+)", i))]
    taken = set(taken)
    number = max(numbers, default=0) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def copy_id(item_id: str, taken: Iterable[str]) -> str:
    """A free code for a copy: `M3-2`, `M3-3`, ..."""
    taken = set(taken)
    number = 2
    while f"{item_id}-{number}" in taken:
        number += 1
    return f"{item_id}-{number}"


def _text(fields: Mapping[str, object], name: str) -> str:
    value = fields.get(name)
    return "" if value is None else str(value).strip()


def _number(value: object) -> float | None:
    """A number as the score grid reads it (`impact.editing.parse_cell`); None when empty
    or not a number."""
    from impact.editing import NotANumber, parse_cell

    try:
        return parse_cell(None if value == "" else value)
    except NotANumber:
        return None


def _optional_number(fields: Mapping[str, object], name: str, errors: Errors, lang: str,
                     minimum: float | None = None) -> float | None:
    """An optional number typed as text ("1,5" too); empty is None."""
    from impact.editing import NotANumber, parse_cell

    try:
        value = parse_cell(fields.get(name))
    except NotANumber:
        errors[name] = t("editor.err.number", lang)
        return None
    if value is not None and minimum is not None and value < minimum:
        errors[name] = t("editor.err.at_least", lang, minimum=f"{minimum:g}")
    return value


def _check_id(item_id: str, taken: set[str], kind: str, lang: str) -> str | None:
    if not item_id:
        return t("editor.err.id_missing", lang)
    if not ID_PATTERN.match(item_id):
        return t("editor.err.id_chars", lang)
    if item_id in taken:
        return t(f"editor.err.{kind}_id_taken", lang, id=item_id)
    return None


def _check_labels(fields: Mapping[str, object], errors: Errors, lang: str) -> None:
    if not _text(fields, "label_nl"):
        errors["label_nl"] = t("editor.err.label_missing", lang)
    for name in ("label_nl", "label_en", "unit", "unit_en"):
        if len(_text(fields, name)) > MAX_LABEL:
            errors[name] = t("editor.err.too_long", lang, limit=MAX_LABEL)
    for name in ("description", "description_en"):
        if len(_text(fields, name)) > MAX_DESCRIPTION:
            errors[name] = t("editor.err.too_long", lang, limit=MAX_DESCRIPTION)


def measure_from_fields(fields: Mapping[str, object], *, taken_ids: Iterable[str],
                        lang: str = "nl") -> tuple[Measure | None, Errors]:
    """The measure of a filled-in form, or the errors per field. `taken_ids`: the codes of
    the other measures."""
    errors: Errors = {}
    item_id = _text(fields, "id")
    if (problem := _check_id(item_id, set(taken_ids), "measure", lang)) is not None:
        errors["id"] = problem
    _check_labels(fields, errors, lang)
    cost = _optional_number(fields, "cost", errors, lang, minimum=0)
    if errors:
        return None, errors
    return Measure(item_id, _text(fields, "label_nl"), _text(fields, "label_en"),
                   _text(fields, "description"), _text(fields, "description_en"), cost,
                   _text(fields, "cost_unit") or "€",
                   _text(fields, "exclusive_group") or None), errors


def criterion_from_fields(
    fields: Mapping[str, object], *, taken_ids: Iterable[str],
    scores: Iterable[tuple[str, float]] = (), lang: str = "nl",
) -> tuple[Criterion | None, Errors]:
    """The criterion of a filled-in form, or the errors per field. `scores`: the
    (measure, value) pairs already scored on it, which a new scale must still hold."""
    errors: Errors = {}
    item_id = _text(fields, "id")
    if (problem := _check_id(item_id, set(taken_ids), "criterion", lang)) is not None:
        errors["id"] = problem
    _check_labels(fields, errors, lang)
    pillar, direction = _text(fields, "pillar"), _text(fields, "direction")
    if pillar not in {str(p) for p in Pillar}:
        errors["pillar"] = t("editor.err.pillar", lang)
    if direction not in {str(d) for d in Direction}:
        errors["direction"] = t("editor.err.direction", lang)
    low, high = _number(fields.get("scale_min")), _number(fields.get("scale_max"))
    if low is None:
        errors["scale_min"] = t("editor.err.number", lang)
    if high is None:
        errors["scale_max"] = t("editor.err.number", lang)
    if low is not None and high is not None:
        if low >= high:
            errors["scale_max"] = t("editor.err.scale_order", lang, min=f"{low:g}")
        else:
            outside = [(m, v) for m, v in scores if not low <= v <= high]
            if outside:
                errors["scale_max"] = t("editor.err.scale_excludes", lang, count=len(outside),
                                        measure=outside[0][0], value=f"{outside[0][1]:g}")
    weight = _number(fields.get("weight"))
    if weight is None or weight < 0:
        errors["weight"] = t("editor.err.weight", lang)
    knockout = _optional_number(fields, "knockout", errors, lang)
    settings = _method_settings(fields, errors, lang, (low, high))
    if errors:
        return None, errors
    assert low is not None and high is not None and weight is not None
    return Criterion(item_id, Pillar(pillar), _text(fields, "label_nl"),
                     _text(fields, "label_en"), _text(fields, "unit"), Direction(direction),
                     low, high, _text(fields, "description"), weight, _text(fields, "unit_en"),
                     _text(fields, "description_en"), knockout, **settings), errors


def _method_settings(fields: Mapping[str, object], errors: Errors, lang: str,
                     scale: tuple[float | None, float | None]) -> dict[str, object]:
    """PROMETHEE's preference function and thresholds and SPOTIS's expected point, by the
    rule of the criteria sheet (`impact.preferences`): empty means the method's default."""
    function = _text(fields, "pref_function") or None
    if function is not None and function not in FUNCTIONS:
        errors["pref_function"] = t("editor.err.pref_function", lang)
        function = None
    numbers = {name: _optional_number(fields, name, errors, lang)
               for name in ("pref_q", "pref_p", "pref_s", "spotis_expected")}
    given = [name for name in ("pref_q", "pref_p", "pref_s") if numbers[name] is not None]
    used = USED_THRESHOLDS.get(function or "usual", "")
    for name in given:
        if name[-1] not in used:
            errors[name] = t("editor.err.pref_unused", lang, threshold=name[-1],
                             function=function or "usual")
    issue = None if function is None else threshold_issue(
        function, numbers["pref_q"], numbers["pref_p"], numbers["pref_s"])
    if issue is not None:
        errors.setdefault(f"pref_{issue[0]}", t(f"io.pref.{issue[1]}", lang, function=function,
                                                q=f"{numbers['pref_q'] or 0.0:g}",
                                                p=f"{numbers['pref_p'] or 0.0:g}"))
    esp, (low, high) = numbers["spotis_expected"], scale
    if esp is not None and low is not None and high is not None and not low <= esp <= high:
        errors["spotis_expected"] = t("io.esp_outside_scale", lang, value=f"{esp:g}",
                                      lo=f"{low:g}", hi=f"{high:g}")
    return {"pref_function": function, **numbers}
