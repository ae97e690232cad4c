"""Store safety: scores checked against the assessment; the database file's own failures
(newer schema, damage, a lock held elsewhere) as clear messages; backups and restore."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from impact.model import Score
from impact.store import Store, StoreError
from tests.helpers import EDITOR
from tests.test_store import small_assessment


def _scores_of(store: Store, aid: int) -> tuple:
    loaded = store.load(aid)
    return loaded.version, dict(loaded.scores)


# --- part 3: scores refer to existing measures and criteria, on the scale -------------

@pytest.mark.parametrize(
    ("score", "key", "words"),
    [
        (Score("X", "c1", 1.0), "store.error.unknown_measure", ["X", "c1", "1"]),
        (Score("A", "nope", 1.0), "store.error.unknown_criterion", ["A", "nope", "1"]),
        (Score("A", "c2", 1e9), "store.error.score_off_scale", ["A", "c2", "1e+09", "0", "60"]),
        (Score("A", "c1", -3.5), "store.error.score_off_scale", ["A", "c1", "-3.5", "-3", "3"]),
        (Score("A", "c1", math.nan), "store.error.score_off_scale", ["A", "c1", "nan"]),
        (Score("A", "c1", math.inf), "store.error.score_off_scale", ["A", "c1", "inf"]),
    ],
)
def test_set_scores_refuses_what_the_assessment_does_not_have(
    tmp_path: Path, score: Score, key: str, words: list[str]
) -> None:
    store = Store(tmp_path / "s.duckdb")
    aid = store.create(small_assessment(), by=EDITOR)
    before = _scores_of(store, aid)
    good = Score("B", "c2", 5.0)  # a valid score in the same call is not written either
    with pytest.raises(StoreError) as caught:
        store.set_scores(aid, [good, score], by=EDITOR)
    assert caught.value.key == key
    for word in words:
        assert word in str(caught.value)
    assert caught.value.message("nl") != str(caught.value)
    assert _scores_of(store, aid) == before


def test_set_scores_accepts_the_scale_ends(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    aid = store.create(small_assessment(), by=EDITOR)
    store.set_scores(aid, [Score("B", "c1", -3.0), Score("B", "c2", 60.0),
                           Score("A", "c2", 0.0)], by=EDITOR)
    scores = store.load(aid).scores
    assert (scores[("B", "c1")].value, scores[("B", "c2")].value) == (-3.0, 60.0)
