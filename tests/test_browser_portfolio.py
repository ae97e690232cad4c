"""Browser test (headless Chromium): the Package page follows the budget slider.

On the example with a knock-out (nitrogen deposition reduction at least 10), as the
local editor: the budget is moved with the keyboard, and the package shown (its table's
codes and names, its cost) is the one `impact.portfolio` computes on its own; a
knocked-out measure is never in it, although some are cheap enough to be chosen.
Needs the system Chromium and Playwright; without them the test skips locally and FAILS
in CI.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from impact import portfolio
from impact.knockouts import knockouts
from impact.numbers import format_number
from impact.store import Store
from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_browser, streamlit_server
from tests.helpers import EDITOR

COLUMNS = 8  # the package table: code, name, cost, unit, adds, three pillars


def package_text(package: portfolio.Package) -> str:
    """The line above the package table, as the page writes it in Dutch."""
    count = len(package.measures)
    return (f"{count} {'maatregel' if count == 1 else 'maatregelen'} voor "
            f"{format_number(package.cost, 'nl', 0)} van {format_number(package.budget, 'nl', 0)}"
            " (mln €)")


def test_the_package_page_follows_the_budget(tmp_path: Path) -> None:
    sync_playwright = require_browser()
    db = tmp_path / "impact.duckdb"
    store = Store(db)
    aid = store.seed_example_if_empty()
    criteria = [replace(c, knockout=10.0) if c.id == "eco_n" else c
                for c in store.load(aid).criteria]
    store.replace_criteria(aid, criteria, by=EDITOR)
    assessment = store.load(aid)
    store.close()  # the server process needs the file lock
    failing = set(knockouts(assessment))
    options = portfolio.candidates(assessment)
    names = {m.id: m.label_nl for m in assessment.measures}
    # the test proves something: some knocked-out measures cost less than the budgets used
    cheap = {m.id for m in assessment.measures if m.id in failing and m.cost <= 10}
    assert cheap

    with streamlit_server(db, tmp_path / "server.log") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/portfolio", timeout=60_000)
            slider = page.locator('[data-testid="stSlider"]').filter(has_text="Budget")
            slider.wait_for(timeout=60_000)
            thumb = slider.get_by_role("slider")

            def at() -> str:  # the number on the thumb
                return slider.locator('[data-testid="stSliderThumbValue"]').inner_text()

            def shown_package() -> list[str]:
                cells = page.locator('[data-testid="stDataFrame"]').first.locator(
                    '[role="gridcell"]').all_inner_texts()
                return cells

            def wait_for_package(budget: float) -> None:
                expected = portfolio.best_package(options, budget)
                deadline = time.monotonic() + 30
                text = package_text(expected)
                while not page.get_by_text(text).count():
                    if time.monotonic() > deadline:
                        pytest.fail(f"no {text!r} on the page")
                    page.wait_for_timeout(250)
                cells = shown_package()
                while cells[0::COLUMNS] != list(expected.measures):  # the grid draws late
                    if time.monotonic() > deadline:
                        pytest.fail(f"at {budget}: {cells[0::COLUMNS]} != {expected.measures}")
                    page.wait_for_timeout(250)
                    cells = shown_package()
                codes = cells[0::COLUMNS]
                assert cells[1::COLUMNS] == [names[m] for m in expected.measures]
                assert not failing & set(codes)

            # the slider starts at half of the admissible measures' costs
            start = round(options.cost.sum() / 2)
            assert at() == str(start)
            wait_for_package(start)
            thumb.focus()
            page.keyboard.press("Home")  # budget 0: nothing fits
            page.get_by_text("Binnen dit budget past geen pakket.").wait_for(timeout=30_000)
            for _ in range(10):  # ten steps of 1 (mln €) to the right
                page.keyboard.press("ArrowRight")
            deadline = time.monotonic() + 30
            while at() != "10":
                if time.monotonic() > deadline:
                    pytest.fail(f"slider at {at()}")
                page.wait_for_timeout(100)
            wait_for_package(10.0)
            page.keyboard.press("End")  # everything admissible fits
            wait_for_package(float(options.cost.sum()))
        finally:
            browser.close()
