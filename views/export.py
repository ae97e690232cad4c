"""Export page: charts (one or all as a ZIP), data as CSV and Excel, the decision report.

Small files are made on click (deferred download buttons); the ZIP and the report
take seconds, so they are made with a progress bar and then offered for download.
"""

from dataclasses import replace
from pathlib import Path

import streamlit as st

from impact import export, ui
from impact import workshop as ws
from impact.i18n import LANGUAGE_NAMES, LANGUAGES, t
from impact.model import PILLARS
from impact.ui import downloads, session

lang = ui.lang()
assessment = ui.page(ui.tr("nav.export"))

store = ui.store()
session_weighting = ui.weighting()
# What every export here is made with: the session's weights, as on the results page. The
# profile's name goes to the report only (as `profile_label`), so that chart subtitles and
# fingerprints stay those of the weights themselves.
weighting = replace(session_weighting, profile=None)
profile_label = session_weighting.profile
points = weighting.whole_points()  # the sliders' rounding: equal thirds read 34/33/33
st.caption(ui.tr("export.page.intro"))
st.caption(ui.tr(
    "export.page.settings",
    method=export.method_label(weighting.method, lang),
    **{str(p): export.format_percent(points[p] / 100, lang) for p in PILLARS},
))
if profile_label:
    st.caption(ui.tr("export.page.settings_profile", profile=ui.plain(profile_label)))
if (Path(__file__).parent / "weights.py").exists():
    st.page_link("views/weights.py", label=ui.tr("export.page.change_weights"),
                 icon=":material/tune:")

static_ok, static_message = export.static_export_available(lang)
if not static_ok:
    st.warning(static_message)
formats = export.FORMATS if static_ok else ("html",)
state_key = (assessment.id, assessment.version, session_weighting, lang)
base = export.safe_stem(assessment.name)
# the workshops held on this assessment: the data tab's tables and the report's rounds
rounds, aggregates = ws.export_frames(store, assessment.id)

tab_charts, tab_data, tab_report = st.tabs([
    ui.tr("export.page.tab_charts"), ui.tr("export.page.tab_data"),
    ui.tr("export.page.tab_report"),
])


def chart_maker(name: str, fmt: str, scale: float = 1):
    """A deferred download: the chart is built and exported only when clicked."""
    a, w, language = assessment, weighting, lang
    return lambda: export.figure_to_bytes(
        export.build_figure(name, a, weighting=w, lang=language), fmt, scale=scale,
        lang=language,
    )


with tab_charts:
    chart_choices = export.available_charts(assessment, weighting.method)
    st.subheader(ui.tr("export.page.one_chart"))
    name = st.selectbox(ui.tr("export.page.chart"), chart_choices,
                        format_func=lambda n: export.chart_title(n, lang), key="export:chart")
    downloads.chart_format_buttons(name, lambda fmt, scale: chart_maker(name, fmt, scale),
                                   static_ok=static_ok)

    st.subheader(ui.tr("export.page.all_charts"))
    chosen = st.multiselect(ui.tr("export.page.charts"), chart_choices,
                            default=list(chart_choices),
                            format_func=lambda n: export.chart_title(n, lang), key="export:charts")
    chosen_formats = st.multiselect(
        ui.tr("export.page.formats"), formats, default=list(formats),
        format_func=lambda f: t(f"export.format.{f}", lang), key="export:formats",
    )
    print_quality = st.checkbox(ui.tr("export.page.print"), key="export:print",
                                disabled="png" not in chosen_formats)
    if st.button(ui.tr("export.page.make_zip"), type="primary", key="export:make_zip",
                 icon=":material/folder_zip:"):
        if not chosen or not chosen_formats:
            st.warning(ui.tr("export.page.pick_something"))
        else:
            bar = st.progress(0.0, text=ui.tr("export.page.making_zip", done=0))
            try:
                data = export.charts_zip(
                    assessment, chosen, chosen_formats, weighting=weighting, lang=lang,
                    scale=export.PRINT_SCALE if print_quality else 1,
                    progress=lambda f: bar.progress(
                        f, text=ui.tr("export.page.making_zip", done=round(100 * f))),
                )
            except export.ExportError as err:
                bar.empty()
                st.error(ui.tr("export.page.failed", error=ui.plain(str(err))))
            else:
                bar.empty()
                session.keep_made_file("zip", (state_key, data, len(chosen),
                                               len(chosen_formats)))
    made = session.made_file("zip")
    if made and made[0] == state_key:
        _, data, n_charts, n_formats = made
        st.success(ui.tr("export.page.zip_ready", charts=n_charts, formats=n_formats,
                         size=export.format_number(len(data) / 1e6, lang, 1)))
        st.download_button(
            ui.tr("export.page.download_zip"), data=data,
            file_name=export.file_name(f"{base}-charts", "zip"), mime=export.MIME["zip"],
            key="export:download_zip", on_click="ignore", icon=":material/download:",
        )

with tab_data:
    a, w, language = assessment, weighting, lang

    st.subheader(ui.tr("export.page.ranking"))
    st.caption(ui.tr("export.page.ranking_help"))
    downloads.table_buttons(
        "ranking",
        lambda: export.ranking_csv(a, weighting=w, lang=language),
        lambda: export.ranking_xlsx(a, weighting=w, lang=language),
        f"{base}-{ui.tr('export.sheet.ranking').lower()}",
    )
    st.subheader(ui.tr("export.page.scores"))
    st.caption(ui.tr("export.page.scores_help"))
    downloads.table_buttons(
        "scores",
        lambda: export.scores_csv(a, lang=language),
        lambda: export.scores_xlsx(a, lang=language),
        f"{base}-{ui.tr('export.sheet.scores').lower()}",
    )
    st.subheader(ui.tr("export.page.workshop"))
    if not rounds.empty:
        st.caption(ui.tr("export.page.workshop_help"))
        tables = export.workshop_tables(a, rounds, aggregates, language,
                                        reasons=ws.reasons_export(store, a.id))
        downloads.table_buttons(
            "workshop",
            lambda: export.workshop_tables_csv(tables, language),
            lambda: export.workshop_tables_xlsx(tables, language),
            f"{base}-workshop",
        )
    else:
        st.caption(ui.tr("export.page.no_workshop"))
    st.subheader(ui.tr("export.page.workbook"))
    st.caption(ui.tr("export.page.workbook_help"))
    st.download_button(
        ui.tr("export.page.workbook_button"), data=lambda: export.assessment_xlsx(a),
        file_name=export.file_name(base, "xlsx"), mime=export.MIME["xlsx"],
        key="export:workbook", on_click="ignore", icon=":material/download:",
    )

with tab_report:
    st.caption(ui.tr("export.page.report_intro"))
    left, right = st.columns(2)
    report_lang = left.segmented_control(
        ui.tr("export.page.report_lang"), LANGUAGES, format_func=LANGUAGE_NAMES.get,
        default=lang, key="export:report_lang",
    ) or lang
    # pdf and pptx need Chromium for their static charts
    report_formats = ["pdf", "html", "pptx"] if static_ok else ["html"]
    report_format = right.radio(
        ui.tr("export.page.report_format"), report_formats,
        format_func=lambda f: t(f"export.page.report_{f}", lang), key="export:report_format",
    )
    report_key = (*state_key, report_lang, report_format)
    if st.button(ui.tr("export.page.make_report"), type="primary", key="export:make_report",
                 icon=":material/description:"):
        bar = st.progress(0.0, text=ui.tr("export.page.making_report", done=0))

        def report_progress(f: float) -> None:
            bar.progress(f, text=ui.tr("export.page.making_report", done=round(100 * f)))

        try:
            kwargs = dict(weighting=weighting, lang=report_lang, workshop_rounds=rounds,
                          workshop_reasons=ws.reasons_export(store, assessment.id),
                          profile_label=profile_label, progress=report_progress)
            if report_format == "pdf":
                data = export.report_pdf(assessment, **kwargs)
            elif report_format == "pptx":
                data = export.slides_pptx(assessment, **kwargs)
            else:
                data = export.report_html(assessment, **kwargs).encode("utf-8")
        except export.ExportError as err:
            bar.empty()
            st.error(ui.tr("export.page.failed", error=ui.plain(str(err))))
        else:
            bar.empty()
            session.keep_made_file("report", (report_key, data))
    made = session.made_file("report")
    if made and made[0] == report_key:
        data = made[1]
        st.success(ui.tr("export.page.report_ready",
                         size=export.format_number(len(data) / 1e6, lang, 1)))
        kind = ui.tr("export.slides.file" if report_format == "pptx"
                     else "export.report.kind").lower()
        st.download_button(
            ui.tr("export.page.download_report"), data=data,
            file_name=export.file_name(f"{base}-{kind}", report_format),
            mime=export.MIME[report_format], key="export:download_report", on_click="ignore",
            icon=":material/download:",
        )
