"""The report as a board document: a plain summary first, the details after, method, data
and fingerprint in an appendix; robustness as "in 8 of 10 weightings the same top three"."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from impact import engine, export, robustness
from impact.export.summary import top_set_share
from impact.i18n import t
from impact.io import read_assessment
from impact.model import Score
from impact.weighting import Weighting
from tests.conftest import EXAMPLE_DIR


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE_DIR)


def text_of(page: str) -> str:
    """The page's visible text: no scripts, no tags, entities resolved."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def summary_text(page: str) -> str:
    return text_of(page[page.index('<section id="summary"'):page.index('<p class="part">')])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_first_page_is_the_summary(example, lang: str) -> None:
    page = export.report_html(example, lang=lang, profile="Provincie", workshop_rounds=[])
    # the summary comes first, the details after a page break, the appendix last
    order = [page.index(marker) for marker in (
        '<section id="summary"', '<p class="part">', '<section id="ranking">',
        '<p class="part appendix">', '<section id="method">', '<section id="criteria">',
        '<section id="fingerprint">')]
    assert order == sorted(order)
    assert "page-break-before: always" in page
    summary = summary_text(page)
    evaluation = engine.evaluate(example, profile=example.profile("Provincie"))
    best = evaluation.ranked().index[0]
    assert example.measure(best).label(lang) in summary
    for heading in ("export.summary.question", "export.summary.recommended",
                    "export.summary.robustness", "export.summary.no_regret",
                    "export.summary.balance", "export.summary.open"):
        assert t(heading, lang) in summary
    # robustness in one sentence, with the share the summary module measures
    share = top_set_share(example, evaluation, Weighting.from_profile(
        example.profile("Provincie")))
    same = round(10 * share)
    sentence = (f"In {same} van de 10 wegingen staat dezelfde top drie bovenaan" if lang == "nl"
                else f"In {same} of 10 weightings the same top three comes out on top")
    assert sentence in summary
    # the no-regret measures by name, and the criteria table is not on page 1
    for m in robustness.perspectives(example, k=3).no_regret:
        assert example.measure(m).label(lang) in summary
    assert example.criteria[0].label(lang) not in summary
    # the open issues name what is missing
    assert t("export.summary.open_no_workshop", lang) in summary
    assert "SHA-256" not in summary and example.name in text_of(page)


def test_weights_are_the_same_whole_points_everywhere(example) -> None:
    page = export.report_html(example, lang="nl", profile="Provincie")
    shown = text_of(page)
    for pillar, points in (("Ecologie", 40), ("Economie", 30), ("Mens", 30)):
        found = {int(n) for n in re.findall(pillar + r":? (\d+)(?:%| ·| punten|\b)", shown)}
        assert found == {points}, (pillar, found)
    thirds = text_of(export.report_html(example, lang="nl"))
    assert {int(n) for n in re.findall(r"Ecologie:? (\d+)", thirds)} == {34}
    assert {int(n) for n in re.findall(r"Mens:? (\d+)", thirds)} == {33}


def test_fingerprint_is_explained_in_the_appendix(example) -> None:
    page = export.report_html(example, lang="nl")
    appendix = text_of(page[page.index('<section id="fingerprint">'):])
    assert t("export.report.fingerprint_plain", "nl") in appendix
    assert ("Deze code identificeert precies de gegevens en instellingen die voor dit "
            "rapport zijn gebruikt.") in appendix
    data = export.build_report_data(example, lang="nl")
    assert data.fingerprint in appendix


def test_a_clear_winner_is_certain_and_floors_are_open_issues(example) -> None:
    # three measures score best on every criterion: the same top three in every weighting
    best = [m.id for m in example.measures[:3]]
    scores = dict(example.scores)
    for c in example.criteria:
        top = c.scale_max if c.objective == "max" else c.scale_min
        low = c.scale_min if c.objective == "max" else c.scale_max
        for m in example.measures:
            value = top if m.id in best else low
            scores[(m.id, c.id)] = Score(m.id, c.id, value)
    clear = replace(example, scores=scores)
    evaluation = engine.evaluate(clear)
    assert top_set_share(clear, evaluation, Weighting()) == 1.0
    assert "In 10 van de 10 wegingen" in summary_text(export.report_html(clear, lang="nl"))
    # a floor no measure but the best three meet: the others are named as an open issue
    floored = export.report_html(clear, lang="en", pillar_weights={"ecology": 1, "economy": 1,
                                                                   "people": 1},
                                 floors={"ecology": 0.5})
    summary = summary_text(floored)
    assert "fall below a floor and are therefore ranked last" in summary
    assert clear.measures[5].label("en") in summary


# A4 at 96 px per inch, less the report's @page margins (14 mm left and right, 16 mm top,
# 18 mm bottom): the printed page's text area.
MM = 96 / 25.4
A4_TEXT_WIDTH = round((210 - 28) * MM)
A4_TEXT_HEIGHT = round((297 - 34) * MM)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_summary_fits_on_the_first_printed_page(example, lang: str) -> None:
    """Laid out by Chromium for print at the A4 text width: the summary ends before the
    page does, and the details start on a new page."""
    from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_browser

    sync_playwright = require_browser()
    page_html = export.report_html(example, lang=lang, profile="Provincie", workshop_rounds=[])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": A4_TEXT_WIDTH, "height": A4_TEXT_HEIGHT})
            tab.emulate_media(media="print")
            tab.set_content(page_html, wait_until="load")
            bottom = tab.evaluate(
                "document.querySelector('section#summary').getBoundingClientRect().bottom")
            style = tab.evaluate(
                "getComputedStyle(document.querySelector('p.part')).breakBefore")
            first = tab.evaluate("document.querySelector('ol.recommended li').innerText")
        finally:
            browser.close()
    assert 0 < bottom <= A4_TEXT_HEIGHT
    assert style == "page"
    best = engine.evaluate(example, profile=example.profile("Provincie")).ranked().index[0]
    assert first.startswith(example.measure(best).label(lang))


def test_page_one_of_the_pdf_holds_the_summary(example, tmp_path, kaleido_server) -> None:
    """The printed PDF itself, read back with pdftotext (Debian's poppler-utils)."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        from tests.browser import missing

        missing("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(export.report_pdf(example, lang="nl", profile="Provincie",
                                      workshop_rounds=[]))
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    text = " ".join(first.split())
    evaluation = engine.evaluate(example, profile=example.profile("Provincie"))
    best = example.measure(evaluation.ranked().index[0]).label_nl
    assert " ".join(best.split()) in text
    same = round(10 * top_set_share(example, evaluation, Weighting.from_profile(
        example.profile("Provincie"))))
    assert f"In {same} van de 10 wegingen staat dezelfde top drie bovenaan" in text
    assert example.criteria[0].label_nl not in text  # the details come after page 1
