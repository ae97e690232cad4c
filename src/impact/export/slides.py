"""Slides (.pptx, python-pptx): a title slide, the summary, then one slide per chart.

Board and council decisions in the Netherlands are prepared in PowerPoint: these slides
carry the report's first page as a summary slide and every chart as a picture (PNG at
twice the size, sharp on a projector) under a slide title, in the language asked for.
The chart's own title moves to the slide title, its subtitle (the weights) under it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import plotly.graph_objects as go

from impact.export.errors import StaticExportUnavailable
from impact.export.figures import available_charts, build_figure, chart_title, export_weighting
from impact.export.formatting import format_date
from impact.export.images import figure_to_bytes, static_export_available
from impact.export.report import build_report_data
from impact.export.summary import build_summary
from impact.i18n import t
from impact.model import Assessment

SLIDE_CHARTS: tuple[str, ...] = ("ranking", "balance", "tradeoff", "pillars", "heatmap",
                                 "acceptability", "perspectives", "gaia")
SLIDE_SAMPLES = 4_000  # the robustness analysis behind the summary slide
PICTURE_SCALE = 2
_WIDTH_IN, _HEIGHT_IN = 13.333, 7.5  # 16:9
_INK = (0x1F, 0x29, 0x33)
_MUTED = (0x3E, 0x4C, 0x59)


def slide_charts(assessment: Assessment, charts: Sequence[str] | None = None,
                 method: str | None = None) -> list[str]:
    """The charts the slides show: those asked for, else `SLIDE_CHARTS` it has data for
    (the GAIA plane when `method` is PROMETHEE)."""
    have = set(available_charts(assessment, method))
    wanted = list(charts) if charts else list(SLIDE_CHARTS)
    return [name for name in wanted if name in have]


def slides_pptx(
    assessment: Assessment,
    *,
    charts: Sequence[str] | None = None,
    lang: str = "nl",
    progress: Callable[[float], None] | None = None,
    **options: Any,
) -> bytes:
    """The slides as .pptx bytes (options as `build_report_data`: weighting, profile_label,
    workshop_rounds, ...). Needs Chromium for the chart pictures."""
    from pptx import Presentation
    from pptx.util import Inches

    ok, message = static_export_available(lang)
    if not ok:
        raise StaticExportUnavailable(message)
    separate = {k: v for k, v in options.items()
                if k not in ("weighting", "profile_label", "workshop_rounds", "workshop_reasons",
                             "now")}
    chosen = export_weighting(assessment, options.get("weighting"), lang=lang, **separate)
    data = build_report_data(assessment, weighting=chosen, lang=lang, smaa_samples=SLIDE_SAMPLES,
                             profile_label=options.get("profile_label"),
                             workshop_rounds=options.get("workshop_rounds"),
                             now=options.get("now"))
    summary = build_summary(data)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(_WIDTH_IN), Inches(_HEIGHT_IN)
    _title_slide(deck, data)
    _summary_slide(deck, data, summary)
    names = slide_charts(assessment, charts, chosen.method)
    for done, name in enumerate(names, start=1):
        fig = data.figures.get(name) or build_figure(name, assessment, weighting=chosen,
                                                     lang=lang)
        _chart_slide(deck, fig, chart_title(name, lang), lang)
        if progress:
            progress(done / max(len(names), 1))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _text(frame: Any, lines: Sequence[str], size: int, *, bold_first: bool = False,
          colour: tuple[int, int, int] = _INK) -> None:
    """Fill a text frame: one paragraph per line, wrapped, in the slide's type."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    frame.word_wrap = True
    for k, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(6)
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.color.rgb = RGBColor(*colour)
            run.font.bold = bold_first and k == 0


def _box(slide: Any, left: float, top: float, width: float, height: float) -> Any:
    from pptx.util import Inches

    return slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width),
                                    Inches(height)).text_frame


def _titled(deck: Any, title: str) -> Any:
    """A blank slide with `title` in the title placeholder (what outlines and
    screen readers show)."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only"
    shape = slide.shapes.title
    shape.left, shape.top = Inches(0.5), Inches(0.3)
    shape.width, shape.height = Inches(_WIDTH_IN - 1.0), Inches(0.9)
    shape.text = title
    paragraph = shape.text_frame.paragraphs[0]
    paragraph.alignment = 1  # left
    for run in paragraph.runs:
        run.font.size = Pt(30)
        run.font.bold = True
        run.font.color.rgb = RGBColor(*_INK)
    return slide


def _title_slide(deck: Any, data: Any) -> None:
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = data.assessment.name
    subtitle = slide.placeholders[1]
    # the default layout is 4:3; centre its two boxes on the 16:9 slide
    for shape, top, height in ((slide.shapes.title, 2.0, 1.8), (subtitle, 4.1, 1.6)):
        shape.left, shape.width = Inches(1.0), Inches(_WIDTH_IN - 2.0)
        shape.top, shape.height = Inches(top), Inches(height)
    subtitle.text = "\n".join([t("export.slides.kind", data.lang),
                               t("export.report.generated", data.lang,
                                 date=format_date(data.generated, data.lang))])


def _summary_slide(deck: Any, data: Any, summary: Any) -> None:
    lang = data.lang
    slide = _titled(deck, t("export.summary.title", lang))
    recommended = [t("export.summary.recommended", lang) + ":"] + [
        f"{k}. {r.name}" for k, r in enumerate(summary.recommended, start=1)]
    _text(_box(slide, 0.6, 1.3, 6.0, 3.0), recommended, 20, bold_first=True)
    _text(_box(slide, 6.9, 1.3, 5.9, 3.0),
          [t("export.summary.robustness", lang), summary.robustness, summary.no_regret], 18,
          bold_first=True)
    issues = [t("export.summary.open", lang) + ":"] + [f"• {i}" for i in
                                                        summary.open_issues[:4]]
    _text(_box(slide, 0.6, 4.4, 12.2, 2.6), [summary.balance, *issues], 16)
    _text(_box(slide, 0.6, 6.9, 12.2, 0.5), [
        t("export.slides.weights", lang, weights=summary.weights)], 14, colour=_MUTED)


def _untitled(fig: go.Figure) -> tuple[go.Figure, str]:
    """The figure without its title (the slide carries it) and its subtitle's text."""
    copy = go.Figure(fig)
    subtitle = ""
    if copy.layout.title and copy.layout.title.subtitle and copy.layout.title.subtitle.text:
        subtitle = copy.layout.title.subtitle.text
    room = 84 if subtitle else 58
    top = copy.layout.margin.t if copy.layout.margin and copy.layout.margin.t else room
    copy.update_layout(title={"text": "", "subtitle": {"text": ""}},
                       margin={"t": max(20, top - room + 20)})
    return copy, subtitle


def _chart_slide(deck: Any, fig: go.Figure, title: str, lang: str) -> None:
    from pptx.util import Inches

    slide = _titled(deck, title)
    picture, subtitle = _untitled(fig)
    if subtitle:
        _text(_box(slide, 0.6, 1.1, 12.2, 0.45), [_plain(subtitle)], 16, colour=_MUTED)
    box_w, box_h, top = _WIDTH_IN - 1.0, _HEIGHT_IN - 1.8, 1.6
    height = int(picture.layout.height or 600)
    # the image takes the picture box's proportions (at least 900 px wide), so the chart
    # fills it at about its own pixel height: its 14 px type stays legible when projected
    width = max(900, int(height * box_w / box_h))
    png = figure_to_bytes(picture, "png", scale=PICTURE_SCALE, width=width, height=height,
                          lang=lang)
    shown_w = min(box_w, box_h * width / height)  # never stretched: the image's own ratio
    shown_h = shown_w * height / width
    slide.shapes.add_picture(io.BytesIO(png), Inches(0.5 + (box_w - shown_w) / 2),
                             Inches(top), Inches(shown_w), Inches(shown_h))


def _plain(text: str) -> str:
    """A subtitle's markup-free text (charts escape user text as HTML entities)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", text))
