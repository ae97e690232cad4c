"""The package within a budget against brute-force enumeration, knock-outs, the frontier
and the command line."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from impact import engine, portfolio
from impact.io import read_assessment, write_assessment
from impact.knockouts import knockouts
from impact.store import EXAMPLE_DIR
from impact.weighting import Weighting


def random_options(rng: np.random.Generator, n: int, groups: int) -> portfolio.Candidates:
    ids = [f"M{i}" for i in range(n)]
    labels = rng.integers(0, groups + 2, n)  # some measures in no group
    group_map: dict[str, list[int]] = {}
    for i, g in enumerate(labels):
        if g < groups:
            group_map.setdefault(f"g{g}", []).append(i)
    pillars = {p: rng.random(n) for p in ("ecology", "economy", "people")}
    return portfolio.Candidates(ids=ids, cost=rng.integers(1, 20, n).astype(float),
                                score=rng.random(n), pillar=pillars, groups=group_map)


def brute_force(options, budget, floors=None, required=(), forbidden=()):
    """The best total score over every subset that meets the constraints (or None)."""
    n, best = len(options.ids), None
    for mask in itertools.product((0, 1), repeat=n):
        x = np.array(mask, dtype=bool)
        if options.cost[x].sum() > budget + 1e-9:
            continue
        if any(x[m].sum() > 1 for m in options.groups.values()):
            continue
        chosen = {options.ids[i] for i in np.flatnonzero(x)}
        if not set(required) <= chosen or chosen & set(forbidden):
            continue
        if floors and x.any() and any(options.pillar[p][x].mean() < f - 1e-12
                                      for p, f in floors.items()):
            continue
        total = options.score[x].sum()
        if best is None or total > best + 1e-12:
            best = total
    return best


@pytest.mark.parametrize("seed", range(12))
def test_the_package_is_the_best_of_all_subsets(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 13)) if seed < 10 else 16
    options = random_options(rng, n, groups=int(rng.integers(0, 4)))
    floors = {"ecology": float(rng.uniform(0.2, 0.6))} if seed % 3 == 0 else None
    required = [options.ids[0]] if seed % 4 == 1 else []
    forbidden = [options.ids[1]] if seed % 5 == 2 else []
    for budget in (0.0, *rng.uniform(1, options.cost.sum(), 4), float(options.cost.sum())):
        package = portfolio.best_package(options, budget, floors=floors, required=required,
                                         forbidden=forbidden)
        expected = brute_force(options, budget, floors, required, forbidden)
        if expected is None:
            assert not package.feasible
            continue
        assert package.feasible and package.score == pytest.approx(expected, abs=1e-9)
        assert package.cost <= budget + 1e-9
        assert set(required) <= set(package.measures)
        assert not set(forbidden) & set(package.measures)


def example_with_costs(tmp_path: Path | None = None):
    a = read_assessment(EXAMPLE_DIR)
    a.measures = [replace(m, cost=float(10 + 5 * i), exclusive_group="veen" if m.id in (
        "M02", "M03") else None) for i, m in enumerate(a.measures)]
    # a knock-out: nitrogen reduction of at least 10 (M05 scores 5 ... whichever fail)
    a.criteria = [replace(c, knockout=10.0) if c.id == "eco_n" else c for c in a.criteria]
    return a


def test_knocked_out_measures_never_enter_a_package() -> None:
    a = example_with_costs()
    failing = knockouts(a)
    low = {m.id for m in a.measures if a.scores[(m.id, "eco_n")].value < 10}
    assert set(failing) == low and low  # the example has measures below 10
    assert all(v == ["eco_n"] for v in failing.values())
    options = portfolio.candidates(a)
    assert set(options.excluded) == low
    package = portfolio.best_package(options, 10_000)  # everything affordable
    assert not set(package.measures) & low
    assert not {"M02", "M03"} <= set(package.measures)  # one of the group at most
    assert package.cost == sum(m.cost for m in a.measures if m.id in package.measures)


def test_the_frontier_grows_with_the_budget_and_the_pareto_set_is_undominated() -> None:
    options = portfolio.candidates(example_with_costs())
    packages = portfolio.frontier(options, steps=8)
    scores = [p.score for p in packages]
    assert scores == sorted(scores) and packages[-1].cost <= packages[-1].budget
    best = portfolio.pareto(packages)
    for p in best:
        assert not any(q.pillars["ecology"] > p.pillars["ecology"]
                       and q.pillars["economy"] > p.pillars["economy"] for q in packages)
    dropped, smaller = portfolio.drops_out(options, packages[4])
    assert set(dropped) == set(packages[4].measures) - set(smaller.measures)
    assert smaller.cost <= packages[4].budget * 0.9 + 1e-9


def test_costs_groups_and_knockouts_survive_the_file_formats(tmp_path: Path) -> None:
    a = example_with_costs()
    for name in ("p.xlsx", "p.json", "folder"):
        back = read_assessment(write_assessment(a, tmp_path / name))
        assert [(m.cost, m.exclusive_group) for m in back.measures] == [
            (m.cost, m.exclusive_group) for m in a.measures]
        assert back.criteria[0].knockout == 10.0 and back.criteria[1].knockout is None


def test_the_command_line_prints_the_package(tmp_path: Path) -> None:
    path = write_assessment(example_with_costs(), tmp_path / "p.xlsx")
    out = subprocess.run([sys.executable, "-m", "impact.cli", "portfolio", str(path),
                          "--budget", "60", "--format", "json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    options = portfolio.candidates(example_with_costs())
    expected = portfolio.best_package(options, 60)
    assert data["measures"] == list(expected.measures)
    assert data["cost"] == expected.cost <= 60
    table = subprocess.run([sys.executable, "-m", "impact.cli", "portfolio", str(path),
                            "--budget", "60"], capture_output=True, text=True, check=True)
    assert "Beste pakket binnen" in table.stdout and expected.measures[0] in table.stdout
    frontier = subprocess.run([sys.executable, "-m", "impact.cli", "portfolio", str(path),
                               "--frontier", "--format", "csv"], capture_output=True,
                              text=True, check=True)
    assert frontier.stdout.splitlines()[0].startswith("budget;")


def test_the_portfolio_page_follows_the_budget_and_the_weights(db_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/portfolio.py").run()
    assert not at.exception, [e.value for e in at.exception]
    example = read_assessment(EXAMPLE_DIR)  # its costs: the public cost in mln euro
    assert all(m.cost is not None for m in example.measures)
    slider = next(s for s in at.slider if s.key == "budget:1")
    options = portfolio.candidates(example)
    assert slider.value == round(options.cost.sum() / 2)  # half, on a whole step

    def shown() -> list[str]:  # the package table's first column: the measures' codes
        return list(at.dataframe[0].value.iloc[:, 0])

    for budget in (40.0, 120.0):
        slider.set_value(budget).run()
        expected = portfolio.best_package(options, budget)
        assert shown() == list(expected.measures)
    ecology_only = portfolio.candidates(example, Weighting(
        pillar_weights={"ecology": 100, "economy": 0, "people": 0}))
    at.session_state["weights:1"] = Weighting(
        pillar_weights={"ecology": 100, "economy": 0, "people": 0})
    at.run()
    expected = portfolio.best_package(ecology_only, 120.0)
    assert expected.measures != portfolio.best_package(options, 120.0).measures
    assert shown() == list(expected.measures)
    assert {b.key for b in at.get("download_button")} >= {"export:package:csv",
                                                         "export:package:xlsx"}


def test_a_knocked_out_measure_is_ranked_after_every_admissible_one() -> None:
    a = example_with_costs()
    table = engine.evaluate(a).table
    failing = knockouts(a)
    admissible = table[~table.index.isin(list(failing))]
    knocked = table[table.index.isin(list(failing))]
    assert table["knocked_out"].tolist() == [m in failing for m in table.index]
    assert knocked["rank"].min() > admissible["rank"].max()
    assert set(knocked["knockout_criteria"]) == {"eco_n"}
    # without the knock-out the same measures rank by their score alone
    plain = engine.evaluate(read_assessment(EXAMPLE_DIR)).table
    assert (plain["rank"] == plain["score_rank"]).all() and not plain["knocked_out"].any()


def test_the_ranking_chart_names_a_knocked_out_measure() -> None:
    from impact import charts

    a = example_with_costs()
    table = engine.evaluate(a).table
    fig = charts.ranking_chart(table, lang="nl")
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    failing = knockouts(a)
    for mid, text in ticks.items():  # labels wrap: compare without the line breaks
        assert ("niet toelaatbaar" in text.replace("<br>", " ")) == (mid in failing)
    assert list(fig.layout.yaxis.tickvals)[-len(failing):] == sorted(
        failing, key=lambda m: table.loc[m, "rank"])  # at the bottom


def test_the_package_downloads_as_csv_for_dutch_excel() -> None:
    import io

    import pandas as pd

    from impact import export
    from impact.export.packages import package_table

    a = example_with_costs()
    options = portfolio.candidates(a)
    package = portfolio.best_package(options, 60)
    frame = package_table(a, options, package, "nl")
    back = pd.read_csv(io.BytesIO(export.frame_to_csv_bytes(frame, "nl")), sep=";",
                       decimal=",", encoding="utf-8-sig")
    assert list(back["Code"]) == list(package.measures)
    assert back["Kosten"].sum() == pytest.approx(package.cost)
    assert back["Bijdrage aan de score"].sum() == pytest.approx(package.score, abs=1e-3)


def test_the_command_line_package_follows_vikors_v(tmp_path: Path, capsys) -> None:
    from impact.cli import main

    path = write_assessment(read_assessment(EXAMPLE_DIR), tmp_path / "p.xlsx")
    shown = {}
    for v in (0.0, 0.5):
        assert main(["portfolio", str(path), "--budget", "40", "--method", "vikor",
                     "--vikor-v", str(v), "--format", "json"]) == 0
        shown[v] = json.loads(capsys.readouterr().out)["measures"]
        options = portfolio.candidates(read_assessment(EXAMPLE_DIR),
                                       Weighting(method="vikor", vikor_v=v))
        assert shown[v] == list(portfolio.best_package(options, 40).measures)
    assert shown[0.0] != shown[0.5]  # v matters for this budget


def test_the_portfolio_pages_profile_packages_follow_vikors_v(db_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    example = read_assessment(EXAMPLE_DIR)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/portfolio.py").run()
    at.session_state["weights:1"] = Weighting(method="vikor", vikor_v=0.0)
    at.run()
    next(s for s in at.slider if s.key == "budget:1").set_value(40.0).run()
    assert not at.exception, [e.value for e in at.exception]
    frame = next(d.value for d in at.dataframe
                 if list(d.value.columns) == [p.name for p in example.profiles])
    labels = {m.id: m.label("nl") for m in example.measures}
    differs = False
    for profile in example.profiles:
        chosen = {label for label, mark in frame[profile.name].items() if mark == "✓"}
        packages = {v: portfolio.best_package(portfolio.candidates(example, replace(
            Weighting.from_profile(profile, "vikor"), vikor_v=v)), 40.0).measures
            for v in (0.0, 0.5)}
        assert chosen == {labels[m] for m in packages[0.0]}, profile.name
        differs |= packages[0.0] != packages[0.5]
    assert differs  # the example's profiles choose differently under v = 0.5
