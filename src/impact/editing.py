"""The score grids' tables and their checks (no Streamlit).

The scoring page shows scores and their evidence as DataFrames in `st.data_editor`;
these functions build those tables, read the typed cells (`parse_cell`) and turn edited
tables back into scores, with the errors in the user's language. Nothing is saved while
any error remains. (Measures and criteria are edited in dialogs: `impact.forms`.)
"""

from __future__ import annotations

import math

import pandas as pd

from impact.i18n import t
from impact.model import (
    Assessment,
    Confidence,
    Pillar,
    Score,
    seven_point_label,
)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


class NotANumber(ValueError):
    """A score cell holds text that is no number."""


def parse_cell(value: object) -> float | None:
    """A typed or pasted score: None when empty; "1,5", "1.5", "−2", "+3", "1.000,5" and
    "1,000.5" are numbers (the last separator is the decimal one when both appear);
    anything else raises NotANumber."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("\u2212", "-").replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise NotANumber(str(value)) from None
    if not math.isfinite(number):
        raise NotANumber(str(value))
    return number


def cell_text(value: float | None, lang: str = "nl") -> str:
    """A score as the grid shows it: "1,5" in Dutch, "1.5" in English, "" when empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def seven_point_option_label(value: float, lang: str = "nl") -> str:
    """How a -3..+3 cell shows in the editor, e.g. '+2 positief'."""
    return f"{int(round(value)):+d} {seven_point_label(value, lang)}".replace("+0 ", "0 ")


def score_frame(assessment: Assessment, pillar: Pillar, lang: str = "nl") -> pd.DataFrame:
    """Measures x the pillar's criteria (NaN where not scored yet)."""
    frame = pd.DataFrame(index=[m.id for m in assessment.measures])
    frame.insert(0, "measure", [m.label(lang) for m in assessment.measures])
    for c in assessment.criteria_of(pillar):
        values = [
            assessment.scores[(m.id, c.id)].value if (m.id, c.id) in assessment.scores else None
            for m in assessment.measures
        ]
        frame[c.id] = pd.Series(values, index=frame.index, dtype=float)
    return frame


def score_changes(
    assessment: Assessment, pillar: Pillar, edited: pd.DataFrame, lang: str = "nl"
) -> tuple[list[Score], list[tuple[str, str]], list[str]]:
    """Compare an edited score table with the stored scores.

    Returns (scores to upsert, (measure, criterion) cells cleared, errors); a cell
    outside its scale is an error and is not part of the upserts.
    """
    upserts: list[Score] = []
    cleared: list[tuple[str, str]] = []
    errors: list[str] = []
    for c in assessment.criteria_of(pillar):
        if c.id not in edited.columns:
            continue
        for mid, raw in edited[c.id].items():
            try:
                value = parse_cell(raw)
            except NotANumber:
                errors.append(t("scoring.err.not_a_number", lang, measure=mid,
                                criterion=c.label(lang), text=str(raw)))
                continue
            old = assessment.scores.get((mid, c.id))
            if value is None:
                if old is not None:
                    cleared.append((mid, c.id))
                continue
            if not c.scale_min <= value <= c.scale_max:
                errors.append(t("scoring.err.outside", lang, measure=mid, criterion=c.label(lang),
                                value=f"{value:g}", lo=f"{c.scale_min:g}", hi=f"{c.scale_max:g}"))
                continue
            if old is None or old.value != value:
                upserts.append(Score(mid, c.id, value, old.source if old else None,
                                     old.confidence if old else None))
    return upserts, cleared, errors


def evidence_frame(assessment: Assessment, pillar: Pillar, lang: str = "nl") -> pd.DataFrame:
    """One row per scored cell of the pillar: source and confidence to edit."""
    rows = []
    for m in assessment.measures:
        for c in assessment.criteria_of(pillar):
            score = assessment.scores.get((m.id, c.id))
            if score is None:
                continue
            rows.append({
                "measure_id": m.id, "criterion_id": c.id, "measure": m.label(lang),
                "criterion": c.label(lang), "value": score.value,
                "source": score.source or "",
                "confidence": str(score.confidence) if score.confidence else None,
            })
    return pd.DataFrame(rows, columns=["measure_id", "criterion_id", "measure", "criterion",
                                       "value", "source", "confidence"])


def evidence_changes(assessment: Assessment, edited: pd.DataFrame) -> list[Score]:
    changes: list[Score] = []
    for row in edited.to_dict("records"):
        old = assessment.scores.get((row["measure_id"], row["criterion_id"]))
        if old is None:
            continue
        source = _text(row.get("source")) or None
        raw = _text(row.get("confidence"))
        confidence = Confidence(raw) if raw in {str(c) for c in Confidence} else None
        if source != old.source or confidence != old.confidence:
            changes.append(Score(old.measure_id, old.criterion_id, old.value, source, confidence))
    return changes
