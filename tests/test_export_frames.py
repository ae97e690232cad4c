"""One-way data flow into the export: workshop data arrives as frames, and the chart
registry with `build_figure` lives in `impact.charts.registry`."""

from __future__ import annotations

import pytest

from impact import charts, export
from impact import workshop as ws
from impact.charts import registry
from tests.test_export import example, workshop_store  # noqa: F401 - fixtures


def test_the_workshop_export_is_made_from_frames(workshop_store) -> None:  # noqa: F811
    store, assessment, code, _ = workshop_store
    rounds, aggregates = ws.export_frames(store, assessment.id)
    assert list(rounds.columns) == list(export.ROUND_COLUMNS)
    assert list(aggregates.columns) == list(export.AGGREGATE_COLUMNS)
    assert rounds[["session", "round", "participants"]].values.tolist() == [
        [code, 1, 3], [code, 2, 1]]
    assert [(r.session, r.round, r.participants) for r in export.round_list(rounds)] == [
        (code, 1, 3), (code, 2, 1)]
    # the statistics are the room's, per round: round 1 has all three answers
    first = aggregates[(aggregates["round"] == 1) & (aggregates["criterion_id"] == "eco_bio")
                       & (aggregates["measure_id"] == assessment.measures[0].id)].iloc[0]
    assert (first["n"], first["median"]) == (3, 2)
    for lang in ("nl", "en"):
        tables = export.workshop_tables(assessment, rounds, aggregates, lang)
        assert sum(len(frame) for frame in tables.values()) > 0
        assert export.workshop_tables_csv(tables, lang).count(b"\n") > 1
    # the report takes the rounds frame as well as a list of rounds
    listed = export.build_report_data(assessment, workshop_rounds=export.round_list(rounds),
                                      smaa_samples=100)
    framed = export.build_report_data(assessment, workshop_rounds=rounds, smaa_samples=100)
    assert framed.workshop_rounds == listed.workshop_rounds
    assert framed.fingerprint == listed.fingerprint


def test_without_sessions_the_frames_are_empty(tmp_path, example) -> None:  # noqa: F811
    from impact.store import Store
    from tests.helpers import EDITOR

    store = Store(tmp_path / "empty.duckdb")
    try:
        assessment = store.load(store.create(example, by=EDITOR))
        rounds, aggregates = ws.export_frames(store, assessment.id)
        assert rounds.empty and aggregates.empty
        tables = export.workshop_tables(assessment, rounds, aggregates, "en")
        assert all(frame.empty for frame in tables.values())
        assert export.build_report_data(assessment, workshop_rounds=rounds,
                                        smaa_samples=100).workshop_rounds == []
    finally:
        store.close()


def test_the_chart_registry_lives_in_charts(example) -> None:  # noqa: F811
    assert export.chart_names() == charts.chart_names() == charts.CHART_NAMES
    assert export.PROFILE_CHARTS is registry.PROFILE_CHARTS
    assert export.available_charts is registry.available_charts
    assert export.chart_title("ranking", "en") == charts.chart_title("ranking", "en")
    with pytest.raises(charts.ChartError) as chart_error:
        charts.build_figure("nope", example, lang="en")
    with pytest.raises(export.ExportError) as export_error:
        export.build_figure("nope", example, lang="en")
    assert str(chart_error.value) == str(export_error.value)
    assert "ranking" in str(chart_error.value)
    with pytest.raises(charts.ChartError, match="Bewoners"):
        charts.build_figure("ranking", example, profile="Nobody", lang="en")
