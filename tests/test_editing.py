"""Editor tables: model <-> DataFrame and validation messages."""

from __future__ import annotations

import math

from impact.editing import (
    evidence_changes,
    evidence_frame,
    score_changes,
    score_frame,
    seven_point_option_label,
)
from impact.model import Confidence, Pillar, Score
from tests.test_store import small_assessment


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
