"""Browser test (headless Chromium): the results page draws its charts and follows the weights.

Runs `streamlit run app.py` on a free port with its own database. Needs the system
Chromium and Playwright; without them the test skips locally and FAILS in CI.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from impact import engine
from impact.store import Store
from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_browser, streamlit_server
from tests.helpers import EDITOR

TRICKY = "<b>x</b> **y**"
RANKING_TITLE = "Rangorde van de maatregelen"


@contextmanager
def running_server(tmp_path: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """A Streamlit server on the example with one measure renamed to HTML/Markdown.

    Yields (url, expected order with equal weights, expected order with ecology 100),
    orders as measure names.
    """
    db = tmp_path / "impact.duckdb"
    store = Store(db)
    aid = store.seed_example_if_empty()
    measures = list(store.load(aid).measures)
    index = next(i for i, m in enumerate(measures) if m.id == "M06")
    measures[index] = replace(measures[index], label_nl=TRICKY)
    store.replace_measures(aid, measures, by=EDITOR)
    assessment = store.load(aid)
    store.close()  # the server process needs the file lock

    def order(weights: dict[str, float]) -> list[str]:
        table = engine.evaluate(assessment, pillar_weights=weights).table
        table = table.sort_values(["rank", "score"], ascending=[True, False], kind="stable")
        return list(table["label_nl"])

    with streamlit_server(db, tmp_path / "server.log") as url:
        yield (url, order({"ecology": 1, "economy": 1, "people": 1}),
               order({"ecology": 100, "economy": 0, "people": 0}))


def squash(text: str) -> str:
    """Tick labels wrap over lines (tspans without spaces): compare without whitespace."""
    return "".join(text.split())


def test_results_page_draws_charts_and_follows_the_weights(tmp_path: Path) -> None:
    sync_playwright = require_browser()  # fails (not skips) in CI when the browser is missing

    with running_server(tmp_path) as (url, equal_order, ecology_order):
        check_results_page(sync_playwright, url, equal_order, ecology_order)


def check_results_page(sync_playwright, url: str, equal_order: list[str],
                       ecology_order: list[str]) -> None:
    assert equal_order != ecology_order  # otherwise the test would prove nothing
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                    headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/results", timeout=60_000)
            ranking = page.locator(".js-plotly-plot").filter(
                has=page.locator(".gtitle", has_text=RANKING_TITLE))
            ranking.locator("g.ytick text").first.wait_for(timeout=60_000)
            # the charts are drawn: plotly containers with their SVG
            page.wait_for_function(
                "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6",
                timeout=30_000,
            )
            plots = page.locator(".js-plotly-plot")
            assert plots.count() >= 6
            for k in range(plots.count()):
                assert plots.nth(k).locator("svg.main-svg").count() >= 1

            def ticks() -> list[str]:
                return ranking.locator("g.ytick text").all_text_contents()

            assert [squash(t) for t in ticks()] == [squash(n) for n in equal_order]
            # a measure named like HTML/Markdown shows as typed, not as bold text
            assert TRICKY in ticks()
            assert ranking.locator("g.ytick text b, g.ytick text tspan[style*='bold']"
                                   ).count() == 0

            # move the ecology weight to 100 points with the keyboard
            thumbs = page.get_by_role("slider")
            thumbs.first.focus()
            page.keyboard.press("End")
            deadline = time.monotonic() + 30
            while [squash(t) for t in ticks()] != [squash(n) for n in ecology_order]:
                if time.monotonic() > deadline:
                    pytest.fail(f"ranking chart did not follow the weight: {ticks()}")
                page.wait_for_timeout(250)
            shown = page.locator('[data-testid="stSliderThumbValue"]').all_text_contents()
            assert shown[:3] == ["100", "0", "0"]  # the other weights followed: total 100
        finally:
            browser.close()
