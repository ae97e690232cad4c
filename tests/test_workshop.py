"""Workshop domain: sessions, rounds, answers, aggregates and hotspots on hand-made data."""

from __future__ import annotations

import math
import random
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from impact import charts, engine
from impact import workshop as ws
from impact.model import (
    PILLARS,
    Assessment,
    Criterion,
    Direction,
    Measure,
    Pillar,
    Score,
    WeightProfile,
)
from impact.store import Store
from impact.workshop import RoundState, WorkshopError
from tests.helpers import EDITOR, answer, answers
from tests.helpers import split as submit_split

HB = Direction.HIGHER_IS_BETTER


def small_assessment() -> Assessment:
    criteria = [
        Criterion("c1", Pillar.ECOLOGY, "Natuur", "Nature", "score", HB, -3, 3),
        Criterion("c2", Pillar.PEOPLE, "Leefbaarheid", "Liveability", "score", HB, -3, 3),
        Criterion("cost", Pillar.ECONOMY, "Kosten", "Cost", "M EUR",
                  Direction.LOWER_IS_BETTER, 0, 60),
    ]
    measures = [Measure("A", "Maatregel A"), Measure("B", "Maatregel B"),
                Measure("C", "Maatregel C")]
    scores = {
        (m, c): Score(m, c, v)
        for (m, c), v in {
            ("A", "c1"): 1, ("A", "c2"): 0, ("A", "cost"): 10,
            ("B", "c1"): -1, ("B", "c2"): 2, ("B", "cost"): 30,
            ("C", "c1"): 3, ("C", "c2"): -2, ("C", "cost"): 50,
        }.items()
    }
    profiles = [WeightProfile("Boeren", {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 2, Pillar.PEOPLE: 1})]
    return Assessment("Proef", criteria=criteria, measures=measures, scores=scores,
                      profiles=profiles)


# The hand-made round 1: per cell the answers of participants p0..p3, in that order.
ROUND1 = {
    ("A", "c1"): [-3, -1, 1, 3],
    ("A", "c2"): [2, 2, 2, 2],
    ("A", "cost"): [10, 10, 10, 10],
    ("B", "c1"): [-2, -1, 0, 1],
    ("B", "c2"): [-2, -2, 2, 2],
    ("B", "cost"): [20, 24, 36, 40],
    ("C", "c1"): [0, 0, 1, 3],
    ("C", "c2"): [1, 1, 1, 1],
    ("C", "cost"): [5, 5, 5, 5],
}


@pytest.fixture
def store(db_target: Path | str) -> Store:
    """A fresh store on each backend (DuckDB, PostgreSQL)."""
    s = Store(db_target)
    yield s
    s.close()


def new_session(store: Store, *, anonymous: bool = False, pillar_split: bool = False,
                criteria=("c1", "c2", "cost"), shuffle: bool = False):
    aid = store.create(small_assessment(), by=EDITOR)
    return ws.create_session(store, aid, ["A", "B", "C"], list(criteria),
                             pillar_split=pillar_split, anonymous=anonymous,
                             hide_until_reveal=True, shuffle=shuffle, by=EDITOR)


@pytest.fixture
def scored(store: Store):
    """A named session with four participants who answered ROUND1 in round 1."""
    session, key = new_session(store)
    groups = ["Boeren", "Boeren", "Natuur", "Natuur"]
    people = [ws.join(store, session.code, name=f"p{i}", group=g) for i, g in enumerate(groups)]
    ws.open_round(store, session.code, by=EDITOR)
    for (m, c), values in ROUND1.items():
        for p, v in zip(people, values, strict=True):
            answer(store, p.token, m, c, v)
    return session, key, people


# -- codes and keys ----------------------------------------------------------------------
def test_join_code_alphabet_has_no_ambiguous_characters():
    assert not set("0O1lI") & set(ws.CODE_ALPHABET)
    rng = random.Random(3)
    codes = {ws.new_code(rng) for _ in range(500)}
    assert all(len(c) == 6 and set(c) <= set(ws.CODE_ALPHABET) for c in codes)
    assert len(codes) == 500
    assert ws.normalise_code(" abc-23 4 ") == "ABC234"


def test_facilitator_key_is_checked_and_not_stored(store: Store):
    session, key = new_session(store)
    assert ws.verify_key(store, session.code, key)
    assert ws.verify_key(store, session.code.lower(), key)
    assert not ws.verify_key(store, session.code, key + "x")
    assert not ws.verify_key(store, session.code, "")
    assert not ws.verify_key(store, "ZZZZZZ", key)
    stored = store.cursor().execute("SELECT * FROM workshop_sessions").fetchall()
    assert key not in repr(stored)


def test_create_session_validates_items(store: Store):
    aid = store.create(small_assessment(), by=EDITOR)
    with pytest.raises(WorkshopError) as err:
        ws.create_session(store, aid, [], ["c1"], pillar_split=False, anonymous=True,
                          hide_until_reveal=True, shuffle=False, by=EDITOR)
    assert err.value.key == "workshop.error.no_measures"
    with pytest.raises(WorkshopError) as err:
        ws.create_session(store, aid, ["A", "Z"], ["c1"], pillar_split=False, anonymous=True,
                          hide_until_reveal=True, shuffle=False, by=EDITOR)
    assert err.value.key == "workshop.error.unknown_items" and "Z" in err.value.params["items"]


# -- rounds and answers ------------------------------------------------------------------
def test_round_lifecycle_and_closed_rounds_refuse_answers(store: Store):
    session, _ = new_session(store)
    p = ws.join(store, session.code)
    assert ws.status(store, session.code).round_state == RoundState.WAITING
    with pytest.raises(WorkshopError) as err:
        answer(store, p.token, "A", "c1", 1)
    assert err.value.key == "workshop.error.round_not_open"

    ws.open_round(store, session.code, by=EDITOR)
    answer(store, p.token, "A", "c1", 1)
    with pytest.raises(WorkshopError):
        ws.new_round(store, session.code, by=EDITOR)  # round 1 still open
    ws.close_round(store, session.code, by=EDITOR)
    with pytest.raises(WorkshopError) as err:
        answer(store, p.token, "A", "c1", 2)
    assert err.value.key == "workshop.error.round_not_open"
    ws.reveal_round(store, session.code, by=EDITOR)
    assert ws.status(store, session.code).round_state == RoundState.REVEALED

    status = ws.new_round(store, session.code, by=EDITOR)
    assert (status.round, status.round_state) == (2, RoundState.SCORING)
    answer(store, p.token, "A", "c1", -2)
    assert ws.own_answers(store, p.token, 1) == {("A", "c1"): 1.0}
    assert ws.own_answers(store, p.token, 2) == {("A", "c1"): -2.0}

    ws.close_session(store, session.code, by=EDITOR)
    status = ws.status(store, session.code)
    assert status.closed and status.round_state == RoundState.CLOSED
    with pytest.raises(WorkshopError) as err:
        answer(store, p.token, "A", "c1", 3)
    assert err.value.key == "workshop.error.session_closed"
    with pytest.raises(WorkshopError) as err:
        ws.join(store, session.code)
    # an ended session's code no longer resolves for joining (issue 9)
    assert err.value.key == "workshop.error.unknown_code"
    with pytest.raises(WorkshopError):
        ws.open_round(store, session.code, by=EDITOR)


def test_reveal_closes_an_open_round(store: Store):
    session, _ = new_session(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    ws.reveal_round(store, session.code, by=EDITOR)
    with pytest.raises(WorkshopError):
        answer(store, p.token, "A", "c1", 1)


def test_answers_are_upserted_validated_and_withdrawn(store: Store):
    session, _ = new_session(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    answer(store, p.token, "A", "c1", 1)
    answer(store, p.token, "A", "c1", 3)  # changes the same answer
    answer(store, p.token, "B", "cost", 12.5)
    rows = store.cursor().execute(
        "SELECT measure_id, criterion_id, value FROM workshop_answers ORDER BY measure_id"
    ).fetchall()
    assert rows == [("A", "c1", 3.0), ("B", "cost", 12.5)]

    for value, key in [(4, "workshop.error.out_of_scale"), (1.5, "workshop.error.not_whole"),
                       (float("nan"), "workshop.error.out_of_scale")]:
        with pytest.raises(WorkshopError) as err:
            answer(store, p.token, "A", "c2", value)
        assert err.value.key == key
    with pytest.raises(WorkshopError) as err:
        answer(store, p.token, "A", "cost", 61)
    assert err.value.key == "workshop.error.out_of_scale"
    with pytest.raises(WorkshopError) as err:
        answer(store, p.token, "Z", "c1", 1)
    assert err.value.key == "workshop.error.unknown_question"
    with pytest.raises(WorkshopError) as err:
        answer(store, "no-such-token", "A", "c1", 1)
    assert err.value.key == "workshop.error.unknown_participant"

    answer(store, p.token, "A", "c1", None)
    assert ws.own_answers(store, p.token, 1) == {("B", "cost"): 12.5}


def test_batch_answers_are_all_or_nothing(store: Store):
    session, _ = new_session(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    with pytest.raises(WorkshopError):
        answers(store, p.token, {("A", "c1"): 1, ("A", "c2"): 9})
    assert ws.own_answers(store, p.token, 1) == {}
    answers(store, p.token, {("A", "c1"): 1, ("A", "c2"): -1})
    assert ws.own_answers(store, p.token, 1) == {("A", "c1"): 1.0, ("A", "c2"): -1.0}


def test_a_measures_form_stores_changes_and_withdrawals_in_one_write(store: Store):
    """What the participant's form sends: changed answers, None for a withdrawn one."""
    session, _ = new_session(store)
    p, other = ws.join(store, session.code), ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    answers(store, other.token, {("A", "c1"): 3})
    answers(store, p.token, {("A", "c1"): 1, ("A", "c2"): -1, ("A", "cost"): 20})
    answers(store, p.token, {("A", "c1"): None, ("A", "c2"): 2, ("B", "c1"): None})
    assert ws.own_answers(store, p.token, 1) == {("A", "c2"): 2.0, ("A", "cost"): 20.0}
    assert ws.own_answers(store, other.token, 1) == {("A", "c1"): 3.0}  # only p's row went
    answers(store, p.token, {})  # nothing changed: the round is still checked, nothing written
    assert ws.own_answers(store, p.token, 1) == {("A", "c2"): 2.0, ("A", "cost"): 20.0}
    ws.close_round(store, session.code, by=EDITOR)
    for late in ({}, {("A", "c2"): None}, {("A", "c1"): 1}):
        with pytest.raises(WorkshopError) as err:
            answers(store, p.token, late)
        assert err.value.key == "workshop.error.round_not_open"
    assert ws.own_answers(store, p.token, 1) == {("A", "c2"): 2.0, ("A", "cost"): 20.0}


def test_pillar_split_must_be_100_points(store: Store):
    session, _ = new_session(store, pillar_split=True)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    for bad in [{"ecology": 50, "economy": 30, "people": 30},
                {"ecology": 120, "economy": -20, "people": 0}]:
        with pytest.raises(WorkshopError) as err:
            submit_split(store, p.token, bad)
        assert err.value.key == "workshop.error.split_total"
    submit_split(store, p.token, {Pillar.ECOLOGY: 50, Pillar.ECONOMY: 20, Pillar.PEOPLE: 30})
    submit_split(store, p.token, {"ecology": 40, "economy": 30, "people": 30})
    assert ws.own_split(store, p.token, 1) == {Pillar.ECOLOGY: 40.0, Pillar.ECONOMY: 30.0,
                                               Pillar.PEOPLE: 30.0}


def test_anonymous_session_keeps_no_names(store: Store):
    session, _ = new_session(store, anonymous=True)
    p = ws.join(store, session.code, name="Jan Jansen", group="Boeren")
    assert p.name is None and p.group == "Boeren"
    names = store.cursor().execute("SELECT name FROM workshop_participants").fetchall()
    assert names == [(None,)]
    with pytest.raises(WorkshopError):
        ws.participants(store, session.code)


def test_measure_order_is_a_stable_shuffle_per_participant(store: Store):
    session, _ = new_session(store, shuffle=True)
    orders = {tok: ws.measure_order(session, tok) for tok in ("t1", "t2", "t3", "t4", "t5")}
    assert all(sorted(o) == ["A", "B", "C"] for o in orders.values())
    assert orders["t1"] == ws.measure_order(session, "t1")  # a reload sees the same order
    assert len({tuple(o) for o in orders.values()}) > 1
    plain, _ = new_session(store, shuffle=False)
    assert ws.measure_order(plain, "t1") == ["A", "B", "C"]


# -- aggregates and hotspots on hand-made data -------------------------------------------
def test_progress_counts_joined_started_finished(store: Store, scored):
    session, _, people = scored
    late = ws.join(store, session.code)
    answer(store, late.token, "A", "c1", 0)
    ws.join(store, session.code)  # joined, nothing answered
    progress = ws.progress(store, session.code)
    assert progress == ws.Progress(joined=6, started=5, finished=4, answers=4 * 9 + 1,
                                   expected=6 * 9)


def test_aggregates_match_hand_computed_statistics(store: Store, scored):
    session, _, _ = scored
    agg = ws.aggregates(store, session.code).set_index(["measure_id", "criterion_id"])
    assert len(agg) == 9 and (agg["n"] == 4).all()
    # A/c1 = -3, -1, 1, 3: quartiles by linear interpolation at 0.75 and 2.25
    a = agg.loc[("A", "c1")]
    assert (a["mean"], a["median"], a["q1"], a["q3"], a["iqr"]) == (0, 0, -1.5, 1.5, 3)
    assert a["sd"] == pytest.approx(math.sqrt(20 / 3))
    assert a["iqr_rel"] == pytest.approx(3 / 6)
    # B/c2 = -2, -2, 2, 2
    b = agg.loc[("B", "c2")]
    assert (b["median"], b["q1"], b["q3"], b["iqr"]) == (0, -2, 2, 4)
    assert b["sd"] == pytest.approx(math.sqrt(16 / 3))
    # B/cost = 20, 24, 36, 40 on a 0..60 scale
    cost = agg.loc[("B", "cost")]
    assert (cost["mean"], cost["median"], cost["q1"], cost["q3"]) == (30, 30, 23, 37)
    assert cost["iqr_rel"] == pytest.approx(14 / 60)
    assert cost["sd"] == pytest.approx(math.sqrt(272 / 3))
    # C/c1 = 0, 0, 1, 3
    c = agg.loc[("C", "c1")]
    assert (c["mean"], c["median"], c["q1"], c["q3"]) == (1, 0.5, 0, 1.5)
    assert (agg.loc[("A", "c2"), "iqr"], agg.loc[("A", "c2"), "sd"]) == (0, 0)


def test_hotspots_rank_by_relative_iqr_then_spread(store: Store, scored):
    session, _, _ = scored
    hot = ws.hotspots(ws.aggregates(store, session.code))
    ranked = list(zip(hot["measure_id"], hot["criterion_id"], strict=True))
    assert ranked == [
        ("B", "c2"),  # IQR 4 of 6
        ("A", "c1"),  # IQR 3 of 6
        ("C", "c1"),  # IQR 1.5 of 6, sd 1.41: ahead of B/c1 on the tie
        ("B", "c1"),  # IQR 1.5 of 6, sd 1.29
        ("B", "cost"),  # IQR 14 of 60 = 0.23: large in units, small on its scale
        ("A", "c2"), ("A", "cost"), ("C", "c2"), ("C", "cost"),  # no spread: session order
    ]
    assert list(hot["hotspot_rank"]) == list(range(1, 10))
    assert list(ws.hotspots(ws.aggregates(store, session.code), top=2)["measure_id"]) == [
        "B", "A"]


def test_unanswered_cells_have_n_zero_and_no_statistics(store: Store):
    session, _ = new_session(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    answer(store, p.token, "A", "c1", 2)
    agg = ws.aggregates(store, session.code).set_index(["measure_id", "criterion_id"])
    assert agg.loc[("A", "c1"), "n"] == 1 and agg.loc[("A", "c1"), "median"] == 2
    assert agg.loc[("C", "cost"), "n"] == 0 and math.isnan(agg.loc[("C", "cost"), "mean"])
    assert ws.hotspots(agg.reset_index()).empty  # one answer is no disagreement


def test_anonymous_aggregates_hide_small_numbers(store: Store):
    session, _ = new_session(store, anonymous=True)
    people = [ws.join(store, session.code, group="Boeren") for _ in range(2)]
    ws.open_round(store, session.code, by=EDITOR)
    for p, v in zip(people, [3, -3], strict=True):
        answer(store, p.token, "A", "c1", v)
    agg = ws.aggregates(store, session.code)
    cell = agg[(agg.measure_id == "A") & (agg.criterion_id == "c1")].iloc[0]
    assert cell["n"] == 2
    assert all(math.isnan(cell[k]) for k in ("mean", "median", "q1", "q3", "iqr", "sd"))
    assert ws.hotspots(agg).empty
    third = ws.join(store, session.code, group="Boeren")
    answer(store, third.token, "A", "c1", 0)
    agg = ws.aggregates(store, session.code)
    cell = agg[(agg.measure_id == "A") & (agg.criterion_id == "c1")].iloc[0]
    # while the round is open only the count shows, so no answer can be worked out by
    # differencing two views
    assert cell["n"] == 3 and math.isnan(cell["mean"]) and math.isnan(cell["median"])
    ws.close_round(store, session.code, by=EDITOR)
    agg = ws.aggregates(store, session.code)
    cell = agg[(agg.measure_id == "A") & (agg.criterion_id == "c1")].iloc[0]
    assert (cell["n"], cell["median"], cell["mean"]) == (3, 0, 0)


def test_shift_and_group_shift_between_rounds(store: Store, scored):
    session, _, people = scored
    ws.close_round(store, session.code, by=EDITOR)
    ws.new_round(store, session.code, by=EDITOR)
    for p, v in zip(people, [0, 0, 1, 1], strict=True):
        answer(store, p.token, "A", "c1", v)
    cells = ws.shift(store, session.code, 1, 2).set_index(["measure_id", "criterion_id"])
    a = cells.loc[("A", "c1")]
    # round 1: -3, -1, 1, 3 (median 0, IQR 3); round 2: 0, 0, 1, 1 (median 0.5, IQR 1)
    assert (a["n_from"], a["n_to"]) == (4, 4)
    assert (a["median_from"], a["median_to"], a["median_shift"]) == (0, 0.5, 0.5)
    assert (a["mean_shift"], a["iqr_from"], a["iqr_to"], a["iqr_shift"]) == (0.5, 3, 1, -2)
    assert cells.loc[("B", "c2"), "n_to"] == 0 and math.isnan(cells.loc[("B", "c2"),
                                                                         "median_shift"])

    groups = ws.group_shift(store, session.code, 1, 2).set_index("grp")
    # Boeren: -3, -1 -> 0, 0 (mean -2 -> 0); Natuur: 1, 3 -> 1, 1 (mean 2 -> 1).
    # Room median 0 -> 0.5, so both groups stood 2 away and now 0.5.
    assert groups.loc["Boeren", "members"] == 2
    assert (groups.loc["Boeren", "mean_shift"], groups.loc["Boeren", "abs_shift"]) == (2, 2)
    assert (groups.loc["Natuur", "mean_shift"], groups.loc["Natuur", "abs_shift"]) == (-1, 1)
    for g in ("Boeren", "Natuur"):
        assert (groups.loc[g, "gap_from"], groups.loc[g, "gap_to"]) == (2, 0.5)


def test_group_shift_hides_small_groups_in_anonymous_sessions(store: Store):
    session, _ = new_session(store, anonymous=True)
    groups = ["Boeren"] * 3 + ["Natuur"] * 2
    people = [ws.join(store, session.code, group=g) for g in groups]
    ws.open_round(store, session.code, by=EDITOR)
    for p in people:
        answer(store, p.token, "A", "c1", 1)
    ws.close_round(store, session.code, by=EDITOR)
    ws.new_round(store, session.code, by=EDITOR)
    for p in people:
        answer(store, p.token, "A", "c1", 2)
    ws.close_round(store, session.code, by=EDITOR)
    shift = ws.group_shift(store, session.code, 1, 2)
    assert list(shift["grp"]) == ["Boeren"]
    assert shift.loc[0, "mean_shift"] == 1


def test_splits_summary(store: Store):
    session, _ = new_session(store, pillar_split=True)
    people = [ws.join(store, session.code) for _ in range(3)]
    ws.open_round(store, session.code, by=EDITOR)
    for p, split in zip(people, [(60, 20, 20), (20, 60, 20), (40, 40, 20)], strict=True):
        submit_split(store, p.token, dict(zip(PILLARS, split, strict=True)))
    summary = ws.splits_summary(store, session.code)
    assert list(summary.index) == ["ecology", "economy", "people"]
    assert list(summary["n"]) == [3, 3, 3]
    assert list(summary["mean"]) == [40, 40, 20]
    assert list(summary["median"]) == [40, 40, 20]
    assert ws.group_pillar_weights(store, session.code, 1) == {
        Pillar.ECOLOGY: 40, Pillar.ECONOMY: 40, Pillar.PEOPLE: 20}


# -- group result ------------------------------------------------------------------------
def test_group_assessment_substitutes_room_medians(store: Store, scored):
    session, _, _ = scored
    group = ws.group_assessment(store, session.code, 1)
    assert group.name == "Proef — workshop " + session.code + " ronde 1"
    assert group.scores[("A", "c1")].value == 0  # median of -3, -1, 1, 3
    assert group.scores[("C", "c1")].value == 0.5
    assert group.scores[("B", "cost")].value == 30
    assert group.scores[("A", "c1")].source == f"workshop {session.code} ronde 1 (mediaan, n=4)"
    # consensus as confidence: IQR 0 high, 1.5 of 6 medium, 3 of 6 low
    assert str(group.scores[("A", "c2")].confidence) == "high"
    assert str(group.scores[("B", "c1")].confidence) == "medium"
    assert str(group.scores[("A", "c1")].confidence) == "low"


def test_group_result_runs_the_engine_with_the_room_weights(store: Store):
    session, _ = new_session(store, pillar_split=True, criteria=("c1", "c2"))
    people = [ws.join(store, session.code) for _ in range(3)]
    ws.open_round(store, session.code, by=EDITOR)
    answers = {"A": (3, -3), "B": (0, 3), "C": (-3, 0)}  # (c1, c2) for everyone
    for p in people:
        for m, (v1, v2) in answers.items():
            answer(store, p.token, m, "c1", v1)
            answer(store, p.token, m, "c2", v2)
    for p, split in zip(people, [(60, 20, 20), (50, 30, 20), (40, 40, 20)], strict=True):
        submit_split(store, p.token, dict(zip(PILLARS, split, strict=True)))
    ws.close_round(store, session.code, by=EDITOR)
    result = ws.group_result(store, session.code, samples=500)
    assert result.pillar_weights == {Pillar.ECOLOGY: 50, Pillar.ECONOMY: 30, Pillar.PEOPLE: 20}
    # By hand: value v = (x + 3) / 6 for c1, c2; cost (lower better) (60 - x) / 60.
    # Weights 0.5 ecology (c1), 0.3 economy (cost), 0.2 people (c2).
    cost = {"A": 10, "B": 30, "C": 50}
    expected = {m: 0.5 * (v1 + 3) / 6 + 0.3 * (60 - cost[m]) / 60 + 0.2 * (v2 + 3) / 6
                for m, (v1, v2) in answers.items()}
    assert result.table["score"].to_dict() == pytest.approx(expected)
    assert result.table["rank"].to_dict() == {"A": 1, "B": 2, "C": 3}
    direct = engine.evaluate(result.assessment, pillar_weights=result.pillar_weights)
    assert direct.table.loc[["A", "B", "C"], "score"].tolist() == pytest.approx(
        list(expected.values()))
    # SMAA over the participants' splits: rows sum to 1; A always first. By hand:
    # A - B = 0.5 w_ecology + w_economy / 3 - w_people and A - C > 0 too; with weights
    # drawn in [0.4, 0.6] x [0.2, 0.4] x [0.2, 0.2] (then normalised) that stays > 0.
    acc = result.acceptability
    assert acc is not None and np.allclose(acc.sum(axis=1), 1.0)
    assert acc.loc["A", 1] == 1.0


def test_weight_ranges_span_the_participants_splits():
    a = small_assessment()
    splits = np.array([[60, 20, 20], [20, 60, 20]], dtype=float)
    ranges = ws.split_weight_ranges(a, splits)
    assert ranges == {"c1": (0.2, 0.6), "c2": (0.2, 0.2), "cost": (0.2, 0.6)}


def test_save_group_result_creates_a_new_assessment(store: Store, scored):
    session, _, _ = scored
    before = {i.id for i in store.list_assessments()}
    new_id = ws.save_group_result(store, session.code, 1, name="Na de workshop", by=EDITOR)
    assert new_id not in before
    saved = store.load(new_id)
    assert saved.name == "Na de workshop"
    assert saved.scores[("B", "c2")].value == 0  # median of -2, -2, 2, 2
    assert store.load(session.assessment_id).scores[("B", "c2")].value == 2  # untouched


# -- persistence, deletion, concurrency ----------------------------------------------------
def test_a_restart_loses_nothing(db_target: Path | str):
    path = db_target
    first = Store(path)
    session, key = new_session(first)
    p = ws.join(first, session.code, name="Ans")
    ws.open_round(first, session.code, by=EDITOR)
    answer(first, p.token, "B", "c2", -1)
    first.close()

    second = Store(path)
    assert ws.verify_key(second, session.code, key)
    assert ws.status(second, session.code).round_state == RoundState.SCORING
    assert ws.participant(second, p.token).name == "Ans"
    answer(second, p.token, "B", "c1", 2)
    assert ws.own_answers(second, p.token, 1) == {("B", "c2"): -1.0, ("B", "c1"): 2.0}
    second.close()


def test_deleting_the_assessment_deletes_its_sessions(store: Store, scored):
    session, _, people = scored
    ws.submit_answers(store, people[0].token, {("A", "c1"): 1}, round_no=1,
                      reasons={"A": "weidevogels"})
    assert store.cursor().execute("SELECT count(*) FROM workshop_reasons").fetchone()[0] == 1
    other, _ = new_session(store)
    store.delete(session.assessment_id, by=EDITOR)
    cur = store.cursor()
    for table in ("workshop_sessions", "workshop_items", "workshop_rounds",
                  "workshop_participants", "workshop_answers", "workshop_reasons"):
        codes = {r[0] for r in cur.execute(f"SELECT DISTINCT code FROM {table}").fetchall()}  # noqa: S608
        assert session.code not in codes
    assert ws.session_exists(store, other.code)


def test_hundred_participants_at_once_lose_nothing(store: Store):
    aid = store.create(small_assessment(), by=EDITOR)
    session, _ = ws.create_session(store, aid, ["A", "B", "C"], ["c1", "c2", "cost"],
                                   pillar_split=True, anonymous=True,
                                   hide_until_reveal=True, shuffle=True, by=EDITOR)
    ws.open_round(store, session.code, by=EDITOR)
    n = 100
    start = threading.Barrier(n)
    errors: list[BaseException] = []
    expected: dict[str, dict[tuple[str, str], float]] = {}

    def participant_round(i: int) -> None:
        try:
            rng = random.Random(i)
            start.wait()
            me = ws.join(store, session.code, group=f"g{i % 4}")
            mine: dict[tuple[str, str], float] = {}
            for m in ws.measure_order(session, me.token):
                for c in session.criteria:
                    value = rng.randint(0, 60) if c == "cost" else rng.randint(-3, 3)
                    answer(store, me.token, m, c, value)
                    mine[(m, c)] = value
            # change one answer, as people do
            value = rng.randint(-3, 3)
            answer(store, me.token, "A", "c1", value)
            mine[("A", "c1")] = value
            submit_split(store, me.token, {"ecology": 50, "economy": 25, "people": 25})
            expected[me.token] = mine
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=participant_round, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(expected) == n
    stored = store.cursor().execute(
        "SELECT token, measure_id, criterion_id, value FROM workshop_answers "
        "WHERE code = ? AND round_no = 1", [session.code]
    ).fetchall()
    assert len(stored) == n * 9
    got: dict[str, dict[tuple[str, str], float]] = {}
    for token, m, c, v in stored:
        got.setdefault(token, {})[(m, c)] = v
    assert got == expected
    assert ws.progress(store, session.code) == ws.Progress(n, n, n, n * 9, n * 9)
    ws.close_round(store, session.code, by=EDITOR)
    agg = ws.aggregates(store, session.code)
    assert (agg["n"] == n).all()
    frame = pd.DataFrame(stored, columns=["token", "m", "c", "v"])
    means = frame.groupby(["m", "c"])["v"].mean()
    for row in agg.itertuples():
        assert row.mean == pytest.approx(means[(row.measure_id, row.criterion_id)])


# -- links and figures -------------------------------------------------------------------
def test_links_and_base_url():
    assert ws.public_base_url("https://x.nl/workshop") == "https://x.nl"
    assert ws.public_base_url("https://x.nl/app/workshop/") == "https://x.nl/app"
    assert ws.public_base_url("http://h:8501/") == "http://h:8501"
    assert ws.public_base_url(None, host="10.0.0.5:8501") == "http://10.0.0.5:8501"
    assert ws.public_base_url("http://h/workshop", override="https://zaal.nl/") == (
        "https://zaal.nl")
    assert ws.join_url("https://zaal.nl", "ABC234") == "https://zaal.nl/?join=ABC234"
    assert ws.facilitator_url("https://zaal.nl", "ABC234", "k-y_") == (
        "https://zaal.nl/workshop?session=ABC234&key=k-y_")
    png = ws.qr_png("https://zaal.nl/?join=ABC234")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_heatmap_shows_iqr_and_escapes_names(store: Store, scored):
    session, _, _ = scored
    agg = ws.aggregates(store, session.code)
    fig = charts.disagreement_heatmap(agg, {"A": "<b>A</b>", "B": "B", "C": "C"},
                                      {"c1": "c1", "c2": "c2", "cost": "cost"})
    heat = fig.data[0]
    assert heat.type == "heatmap"
    assert list(heat.y) == ["&lt;b&gt;A&lt;/b&gt;", "B", "C"]
    assert heat.z[1][1] == 4 and heat.z[0][0] == 3  # IQR of B/c2 and A/c1
    assert heat.text[2][0] == "+0.5"  # median of C/c1


# -- reasons -------------------------------------------------------------------------------
def test_reasons_are_stored_with_the_measure_cleaned_and_withdrawn(store: Store):
    session, _ = new_session(store)
    p = ws.join(store, session.code, name="Ans")
    ws.open_round(store, session.code, by=EDITOR)
    answers(store, p.token, {("A", "c1"): 2})
    ws.submit_answers(store, p.token, {("A", "c2"): 1}, round_no=1,
                      reasons={"A": "  Goed voor\tde weide\x07vogels\n", "B": "   "})
    assert ws.own_reasons(store, p.token, 1) == {"A": "Goed voor\tde weidevogels"}
    assert ws.own_answers(store, p.token, 1) == {("A", "c1"): 2.0, ("A", "c2"): 1.0}
    for bad, key in (({"A": "x" * 281}, "workshop.error.reason_too_long"),
                     ({"Z": "elders"}, "workshop.error.unknown_question")):
        with pytest.raises(WorkshopError) as err:
            ws.submit_answers(store, p.token, {("A", "c1"): -3}, round_no=1, reasons=bad)
        assert err.value.key == key
    assert ws.own_answers(store, p.token, 1)[("A", "c1")] == 2.0  # all or nothing
    ws.submit_answers(store, p.token, {}, round_no=1, reasons={"A": "x" * 280})
    assert ws.own_reasons(store, p.token, 1) == {"A": "x" * 280}
    ws.submit_answers(store, p.token, {}, round_no=1, reasons={"A": None})
    assert ws.own_reasons(store, p.token, 1) == {}
    ws.close_round(store, session.code, by=EDITOR)
    with pytest.raises(WorkshopError) as err:
        ws.submit_answers(store, p.token, {}, round_no=1, reasons={"A": "te laat"})
    assert err.value.key == "workshop.error.round_not_open"
    assert ws.own_reasons(store, p.token, 1) == {}


def _room_with_reasons(store: Store, *, anonymous: bool):
    session, _ = new_session(store, anonymous=anonymous)
    people = [ws.join(store, session.code, name=None if anonymous else f"p{i}")
              for i in range(4)]
    ws.open_round(store, session.code, by=EDITOR)
    given = [(-2, "Kost de boeren grond"), (3, "Meer natuur"), (3, "Betere waterkwaliteit"),
             (1, None)]
    for p, (value, reason) in zip(people, given, strict=True):
        ws.submit_answers(store, p.token, {("A", "c1"): value, ("B", "c1"): 0}, round_no=1,
                          reasons={"A": reason})
    ws.submit_answers(store, people[0].token, {}, round_no=1, reasons={"B": "Alleen ik"})
    return session, people


def test_the_facilitator_sees_reasons_grouped_by_score(store: Store):
    session, _people = _room_with_reasons(store, anonymous=False)
    frame = ws.reasons(store, session.code, 1)
    assert ws.by_score(frame, "A", "c1") == [
        (-2.0, [("Kost de boeren grond", "p0")]),
        (3.0, [("Betere waterkwaliteit", "p2"), ("Meer natuur", "p1")]),
    ]
    assert ws.by_score(frame, "B", "c1") == [(0.0, [("Alleen ik", "p0")])]
    assert ws.by_score(frame, "A", "c2") == []  # nobody scored it
    export = ws.session_reasons(store, session.code)
    assert list(export.columns) == list(ws.REASON_COLUMNS)
    assert export.values.tolist() == [
        [session.code, 1, "A", "p2", "Betere waterkwaliteit"],
        [session.code, 1, "A", "p0", "Kost de boeren grond"],
        [session.code, 1, "A", "p1", "Meer natuur"],
        [session.code, 1, "B", "p0", "Alleen ik"],
    ]
    assert ws.reasons_export(store, session.assessment_id).equals(export)


def test_anonymous_reasons_have_no_names_and_wait_for_the_round_to_close(store: Store):
    session, people = _room_with_reasons(store, anonymous=True)
    assert ws.reasons(store, session.code, 1).empty  # the round is open
    assert ws.session_reasons(store, session.code).empty
    ws.close_round(store, session.code, by=EDITOR)
    frame = ws.reasons(store, session.code, 1)
    assert ws.by_score(frame, "A", "c1") == [
        (-2.0, [("Kost de boeren grond", None)]),
        (3.0, [("Betere waterkwaliteit", None), ("Meer natuur", None)]),
    ]
    assert ws.by_score(frame, "B", "c1") == [(0.0, [("Alleen ik", None)])]  # n=4 scored B
    assert ws.session_reasons(store, session.code)["participant"].isna().all()
    # a cell with fewer than 3 answers shows no reasons either (one person's score)
    ws.new_round(store, session.code, by=EDITOR)
    for p in people[:2]:
        ws.submit_answers(store, p.token, {("C", "c1"): 1}, round_no=2, reasons={"C": "Hm"})
    ws.close_round(store, session.code, by=EDITOR)
    assert ws.by_score(ws.reasons(store, session.code, 2), "C", "c1") == []


def test_distribution_counts_each_value_and_hides_small_anonymous_cells(store: Store):
    session, _ = new_session(store, anonymous=True)
    people = [ws.join(store, session.code) for _ in range(3)]
    ws.open_round(store, session.code, by=EDITOR)
    for p, v in zip(people, [1, 1, -2], strict=True):
        answer(store, p.token, "A", "c1", v)
    answer(store, people[0].token, "B", "c1", 3)
    assert ws.distribution(store, session.code, 1).empty  # an anonymous round still open
    ws.close_round(store, session.code, by=EDITOR)
    frame = ws.distribution(store, session.code, 1)
    assert frame.values.tolist() == [["A", "c1", -2.0, 1], ["A", "c1", 1.0, 2]]  # B: n=1


# -- the round's timer ---------------------------------------------------------------------
def test_a_round_with_a_timer_closes_itself_at_zero(store: Store, monkeypatch):
    from datetime import datetime, timedelta

    import impact.workshop.base as base
    import impact.workshop.rounds as rounds

    session, key = new_session(store)
    p = ws.join(store, session.code)
    with pytest.raises(WorkshopError) as err:  # only an open round has a timer
        ws.start_timer(store, session.code, 60, by=EDITOR)
    assert err.value.key == "workshop.error.round_not_open"
    ws.open_round(store, session.code, by=EDITOR)
    for seconds in (5, 2 * 60 * 60 + 1):
        with pytest.raises(WorkshopError) as err:
            ws.start_timer(store, session.code, seconds, by=EDITOR)
        assert err.value.key == "workshop.error.timer_range"
    with pytest.raises(WorkshopError) as err:
        ws.start_timer(store, session.code, 60, by=None, key="wrong")
    assert err.value.key == "workshop.error.not_facilitator"
    started = datetime.now()
    status = ws.start_timer(store, session.code, 90, by=EDITOR)
    assert status.round_state == RoundState.SCORING
    assert timedelta(seconds=89) < status.closes_at - started < timedelta(seconds=91)
    assert ws.get_session(store, session.code).closes_at == status.closes_at
    answer(store, p.token, "A", "c1", 1)

    later = status.closes_at + timedelta(seconds=1)  # the clock past zero
    monkeypatch.setattr(base, "timestamp", lambda: later)
    monkeypatch.setattr(rounds, "timestamp", lambda: later)
    assert ws.status(store, session.code).round_state == RoundState.CLOSED
    assert ws.get_session(store, session.code).round_state == RoundState.CLOSED
    with pytest.raises(WorkshopError) as err:
        answer(store, p.token, "A", "c2", 1)
    assert err.value.key == "workshop.error.round_not_open"
    assert ws.own_answers(store, p.token, 1) == {("A", "c1"): 1.0}
    ws.reveal_round(store, session.code, by=EDITOR)  # from closed, as after a close
    closed_at, = store.cursor().execute(
        "SELECT closed_at FROM workshop_rounds WHERE code = ?", [session.code]).fetchone()
    assert closed_at == status.closes_at  # it closed when the timer ran out
    ws.new_round(store, session.code, by=EDITOR)
    again = ws.status(store, session.code)
    assert (again.round, again.round_state, again.closes_at) == (2, RoundState.SCORING, None)


def test_a_round_reopened_after_its_timer_ran_out_has_no_timer(store: Store, monkeypatch):
    from datetime import timedelta

    import impact.workshop.base as base

    session, _ = new_session(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    closes = ws.start_timer(store, session.code, 30, by=EDITOR).closes_at
    monkeypatch.setattr(base, "timestamp", lambda: closes + timedelta(seconds=5))
    assert ws.status(store, session.code).round_state == RoundState.CLOSED
    reopened = ws.open_round(store, session.code, by=EDITOR)
    assert (reopened.round_state, reopened.closes_at) == (RoundState.SCORING, None)
    answer(store, p.token, "A", "c1", -1)
    assert ws.own_answers(store, p.token, 1) == {("A", "c1"): -1.0}
