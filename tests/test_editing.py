"""Editor tables: model <-> DataFrame and validation messages."""

from __future__ import annotations

import math

import pandas as pd

from impact.editing import (
    criteria_frame,
    criteria_from_frame,
    evidence_changes,
    evidence_frame,
    measures_frame,
    measures_from_frame,
    score_changes,
    score_frame,
    seven_point_option_label,
)
from impact.model import Confidence, Pillar, Score
from tests.test_store import small_assessment


def test_criteria_table_round_trips() -> None:
    a = small_assessment()
    criteria, errors = criteria_from_frame(criteria_frame(a.criteria), a)
    assert errors == []
    assert criteria == a.criteria


def test_criteria_errors_name_the_row_and_problem() -> None:
    a = small_assessment()
    frame = criteria_frame(a.criteria)
    frame.loc[0, "scale_min"] = 5  # >= scale_max 3
    frame.loc[1, "id"] = "c1"  # duplicate
    frame.loc[1, "pillar"] = "weather"
    _, errors = criteria_from_frame(frame, a, "en")
    assert "Row 1: scale min must be smaller than scale max." in errors
    assert "Row 2: the ID 'c1' is used more than once." in errors
    assert any(e.startswith("Row 2: choose a pillar") for e in errors)


def test_narrowing_a_scale_below_a_stored_score_is_refused() -> None:
    a = small_assessment()
    frame = criteria_frame(a.criteria)
    frame.loc[1, "scale_max"] = 10  # A has 12.5 on c2
    _, errors = criteria_from_frame(frame, a, "nl")
    assert errors == [
        "Rij 2: maatregel A heeft score 12.5, buiten de nieuwe schaal 0..10. "
        "Pas eerst die score aan."
    ]


def test_empty_rows_added_by_the_editor_are_ignored() -> None:
    a = small_assessment()
    frame = pd.concat([measures_frame(a.measures), pd.DataFrame([{}])], ignore_index=True)
    measures, errors = measures_from_frame(frame)
    assert errors == [] and measures == a.measures


def test_measure_without_name_is_an_error() -> None:
    frame = pd.DataFrame([{"id": "X", "label_nl": "", "label_en": "", "description": ""}])
    _, errors = measures_from_frame(frame, "nl")
    assert errors == ["Rij 1: de Nederlandse naam ontbreekt."]


def test_score_changes_detect_edits_clears_and_out_of_scale() -> None:
    a = small_assessment()
    frame = score_frame(a, Pillar.ECONOMY, "nl")
    assert frame.loc["A", "c2"] == 12.5 and math.isnan(frame.loc["B", "c2"])
    frame.loc["B", "c2"] = 40.0
    frame.loc["A", "c2"] = float("nan")
    upserts, cleared, errors = score_changes(a, Pillar.ECONOMY, frame)
    assert upserts == [Score("B", "c2", 40.0)]
    assert cleared == [("A", "c2")]
    assert errors == []
    frame.loc["B", "c2"] = 99.0
    upserts, _, errors = score_changes(a, Pillar.ECONOMY, frame, "en")
    assert upserts == [] and errors == ["B, Cost: 99 is outside the scale 0..60; not saved."]


def test_an_edited_score_keeps_its_source_and_confidence() -> None:
    a = small_assessment()
    frame = score_frame(a, Pillar.ECOLOGY)
    frame.loc["A", "c1"] = 3.0
    upserts, _, _ = score_changes(a, Pillar.ECOLOGY, frame)
    assert upserts == [Score("A", "c1", 3.0, "AERIUS", Confidence.HIGH)]


def test_evidence_edits() -> None:
    a = small_assessment()
    frame = evidence_frame(a, Pillar.ECOLOGY)
    assert list(frame["measure_id"]) == ["A", "B"]
    frame.loc[1, "source"] = "Expert"
    frame.loc[1, "confidence"] = "medium"
    assert evidence_changes(a, frame) == [Score("B", "c1", -1, "Expert", Confidence.MEDIUM)]


def test_seven_point_labels() -> None:
    assert seven_point_option_label(2.0, "nl") == "+2 positief"
    assert seven_point_option_label(-3.0, "en") == "-3 very negative"
    assert seven_point_option_label(0.0, "nl") == "0 neutraal"
