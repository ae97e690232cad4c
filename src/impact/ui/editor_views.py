"""The assessment editor: measure and criterion lists with dialogs, and the history.

Structure is edited in dialogs with forms (labelled fields, select boxes in the UI
language, messages next to the field; Enter saves, Esc cancels); each save changes one
measure or criterion and names the version it was made on, so a stale save is refused
(`impact.store`), never silently overwriting someone else's work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from impact.editing import cell_text
from impact.errors import UserError
from impact.forms import (
    PRESETS,
    SCALE_PRESETS,
    copy_id,
    criterion_from_fields,
    measure_from_fields,
    next_id,
    preset_of,
)
from impact.model import PILLARS, Assessment, Criterion, Direction, Measure
from impact.preferences import FUNCTIONS
from impact.ui import session
from impact.ui.auth import principal
from impact.ui.text import plain, tr
from impact.ui.widgets import PILLAR_BADGE

LIST_LIMIT = 50  # rows of buttons per list; more are found with the search box
MEASURE_FIELDS = ("id", "label_nl", "description")
ENGLISH_FIELDS = {"measure": ("label_en", "description_en"),
                  "criterion": ("label_en", "unit_en", "description_en")}
PACKAGE_FIELDS = {"measure": ("cost", "cost_unit", "exclusive_group"),
                  "criterion": ("knockout",)}
METHOD_FIELDS = ("pref_function", "pref_q", "pref_p", "pref_s", "spotis_expected")
CRITERION_FIELDS = ("id", "pillar", "label_nl", "label_en", "direction", "scale_min",
                    "scale_max", "unit", "weight", "description")


# -- shared form plumbing ---------------------------------------------------------------
def _field_error(errors: dict[str, str], name: str) -> None:
    if name in errors:
        st.markdown(f":red[{plain(errors[name])}]")


def _finish(form: str, save: Callable[[], Any], errors: dict[str, str]) -> None:
    """Errors: back into the dialog with the messages; else save and close it."""
    if not errors:
        try:
            save()
        except UserError as exc:
            errors = {"_form": exc.message(session.lang())}
    session.set_form_errors(form, errors)
    if not errors:  # else the dialog opens again with the messages next to the fields
        session.close_dialog()
    st.toast(tr("editor.saved"))
    st.rerun()


def _buttons(form: str) -> tuple[bool, bool]:
    errors = session.form_errors(form)
    if "_form" in errors:
        st.error(plain(errors["_form"]))
    elif errors:
        st.error(tr("editor.err.fix_fields"))
    left, right = st.columns(2)
    saved = left.form_submit_button(tr("editor.save"), type="primary", width="stretch")
    cancelled = right.form_submit_button(tr("editor.cancel"), width="stretch")
    st.caption(tr("editor.keys_hint"))
    return saved, cancelled


def _english_fields(form: str, kind: str, start: dict[str, Any],
                    errors: dict[str, str]) -> dict[str, str]:
    """The English name, unit and description, folded away: most analysts skip them; so
    are a package's fields and (criteria) the methods' settings."""
    values = {}
    groups = [("editor.english", ENGLISH_FIELDS[kind]), ("editor.package", PACKAGE_FIELDS[kind])]
    if kind == "criterion":
        groups.append(("editor.method", METHOD_FIELDS))
    for title, names in groups:
        with st.expander(tr(title), expanded=any(n in errors for n in names)):
            for name in names:
                values[name] = _folded_field(form, name, start[name])
                _field_error(errors, name)
    return values


def _folded_field(form: str, name: str, start: str) -> str:
    if name == "pref_function":
        choices = ["", *FUNCTIONS]
        return st.selectbox(
            tr("editor.field.pref_function"), choices, index=choices.index(start),
            format_func=lambda f: tr(f"editor.pref.{f or 'none'}"), key=f"{form}:{name}",
            help=tr("editor.field.pref_function_help"))
    widget = st.text_area if name == "description_en" else st.text_input
    extra = {"help": tr(f"editor.field.{name}_help")} if name in (
        "exclusive_group", "knockout", "spotis_expected") else {}
    return widget(tr(f"editor.field.{name}"), value=start, key=f"{form}:{name}", **extra)


def _cancel(form: str) -> None:
    session.close_dialog()
    st.rerun()


# -- measures ---------------------------------------------------------------------------
def _measure_form(assessment: Assessment, measure: Measure | None, mode: str,
                  opened_on: int) -> None:
    """mode: "new", "edit" or "copy" (a copy starts from `measure`, with a new code)."""
    ids = [m.id for m in assessment.measures]
    form = f"measure:{assessment.id}:{mode}:{measure.id if measure else ''}"
    errors = session.form_errors(form)
    start = {"id": next_id("M", ids), "label_nl": "", "label_en": "", "description": "",
             "description_en": "", "cost": "", "cost_unit": "€", "exclusive_group": ""}
    if measure is not None:
        start = {"id": measure.id if mode == "edit" else copy_id(measure.id, ids),
                 "label_nl": measure.label_nl, "label_en": measure.label_en,
                 "description": measure.description,
                 "description_en": measure.description_en,
                 "cost": cell_text(measure.cost, session.lang()),
                 "cost_unit": measure.cost_unit,
                 "exclusive_group": measure.exclusive_group or ""}
    with st.form(form, border=False):
        values = {}
        for name in MEASURE_FIELDS:
            label = tr(f"editor.field.{name}")
            widget = st.text_area if name == "description" else st.text_input
            extra = {"help": tr("editor.field.id_help")} if name == "id" else {}
            values[name] = widget(label, value=start[name], key=f"{form}:{name}", **extra)
            _field_error(errors, name)
        values.update(_english_fields(form, "measure", start, errors))
        saved, cancelled = _buttons(form)
    if cancelled:
        _cancel(form)
    if saved:
        taken = [i for i in ids if mode != "edit" or i != measure.id]
        new, errors = measure_from_fields(values, taken_ids=taken, lang=session.lang())
        _finish(form, lambda: session.store().save_measure(
            assessment.id, new, by=principal(), expected_version=opened_on,
            replaces=measure.id if mode == "edit" else None,
            copy_of=measure.id if mode == "copy" else None), errors)


def _show_measure_dialog(assessment: Assessment, measure: Measure | None, mode: str,
                         opened_on: int) -> None:
    title = tr("editor.new_measure" if mode != "edit" else "editor.edit_measure")
    _dialog(title)(_measure_form)(assessment, measure, mode, opened_on)


def _dialog(title: str, width: str = "medium"):
    """A dialog that forgets itself when dismissed (Esc or the close button)."""
    return st.dialog(title, width=width, on_dismiss=session.close_dialog)


# -- criteria ---------------------------------------------------------------------------
def _apply_preset(form: str) -> None:
    """A scale preset fills in the scale and unit fields (before the form is drawn)."""
    preset = PRESETS[session.widget_value(f"{form}:preset")]
    if preset.scale_min is not None:
        session.show_in_widget(f"{form}:scale_min", float(preset.scale_min))
        session.show_in_widget(f"{form}:scale_max", float(preset.scale_max))
    if preset.unit_key is not None:
        session.show_in_widget(f"{form}:unit", tr(preset.unit_key))


def _criterion_start(assessment: Assessment, criterion: Criterion | None, mode: str,
                     pillar: str) -> dict[str, Any]:
    ids = [c.id for c in assessment.criteria]
    if criterion is None:
        return {"id": next_id("C", ids), "pillar": pillar, "label_nl": "", "label_en": "",
                "direction": str(Direction.HIGHER_IS_BETTER), "scale_min": -3.0,
                "scale_max": 3.0, "unit": tr("editor.unit.seven_point"), "weight": 1.0,
                "description": "", "unit_en": "", "description_en": "", "knockout": "",
                **dict.fromkeys(METHOD_FIELDS, "")}
    return {"id": criterion.id if mode == "edit" else copy_id(criterion.id, ids),
            "pillar": str(criterion.pillar), "label_nl": criterion.label_nl,
            "label_en": criterion.label_en, "direction": str(criterion.direction),
            "scale_min": float(criterion.scale_min), "scale_max": float(criterion.scale_max),
            "unit": criterion.unit, "weight": float(criterion.weight),
            "description": criterion.description, "unit_en": criterion.unit_en,
            "description_en": criterion.description_en,
            "knockout": cell_text(criterion.knockout, session.lang()),
            "pref_function": criterion.pref_function or "",
            **{name: cell_text(getattr(criterion, name), session.lang())
               for name in METHOD_FIELDS[1:]}}


def _criterion_fields(form: str, start: dict[str, Any], errors: dict[str, str]) -> dict:
    values: dict[str, Any] = {}
    key = f"{form}:"
    values["id"] = st.text_input(tr("editor.field.id"), value=start["id"], key=key + "id",
                                 help=tr("editor.field.id_help"))
    _field_error(errors, "id")
    values["pillar"] = st.selectbox(tr("editor.field.pillar"), [str(p) for p in PILLARS],
                                    index=[str(p) for p in PILLARS].index(start["pillar"]),
                                    format_func=lambda p: tr(f"pillar.{p}"), key=key + "pillar")
    values["label_nl"] = st.text_input(tr("editor.field.label_nl"), value=start["label_nl"],
                                       key=key + "label_nl")
    _field_error(errors, "label_nl")
    directions = [str(d) for d in Direction]
    values["direction"] = st.selectbox(
        tr("editor.field.direction"), directions, index=directions.index(start["direction"]),
        format_func=lambda d: tr(f"direction.{d}"), key=key + "direction")
    low, high, unit = st.columns(3)
    values["scale_min"] = low.number_input(tr("editor.field.scale_min"),
                                           value=start["scale_min"], key=key + "scale_min")
    values["scale_max"] = high.number_input(tr("editor.field.scale_max"),
                                            value=start["scale_max"], key=key + "scale_max")
    values["unit"] = unit.text_input(tr("editor.field.unit"), value=start["unit"],
                                     key=key + "unit")
    _field_error(errors, "scale_min")
    _field_error(errors, "scale_max")
    values["weight"] = st.number_input(tr("editor.field.weight"), value=start["weight"],
                                       min_value=0.0, step=0.5, key=key + "weight",
                                       help=tr("editor.field.weight_help"))
    _field_error(errors, "weight")
    values["description"] = st.text_area(tr("editor.field.description"),
                                         value=start["description"], key=key + "description")
    _field_error(errors, "description")
    values.update(_english_fields(form, "criterion", start, errors))
    return values


def _criterion_form(assessment: Assessment, criterion: Criterion | None, mode: str,
                    pillar: str, opened_on: int) -> None:
    form = f"criterion:{assessment.id}:{mode}:{criterion.id if criterion else pillar}"
    start = _criterion_start(assessment, criterion, mode, pillar)
    st.selectbox(tr("editor.field.preset"), [p.key for p in SCALE_PRESETS],
                 index=[p.key for p in SCALE_PRESETS].index(preset_of(criterion)),
                 format_func=lambda k: tr(f"editor.preset.{k}"), key=f"{form}:preset",
                 on_change=_apply_preset, args=(form,))
    with st.form(form, border=False):
        values = _criterion_fields(form, start, session.form_errors(form))
        saved, cancelled = _buttons(form)
    if cancelled:
        _cancel(form)
    if saved:
        ids = [c.id for c in assessment.criteria]
        taken = [i for i in ids if mode != "edit" or i != criterion.id]
        scored = [(m, s.value) for (m, c), s in assessment.scores.items()
                  if criterion is not None and c == criterion.id]
        new, errors = criterion_from_fields(values, taken_ids=taken, scores=scored,
                                            lang=session.lang())
        _finish(form, lambda: session.store().save_criterion(
            assessment.id, new, by=principal(), expected_version=opened_on,
            replaces=criterion.id if mode == "edit" else None,
            copy_of=criterion.id if mode == "copy" else None), errors)


def _show_criterion_dialog(assessment: Assessment, criterion: Criterion | None, mode: str,
                           pillar: str, opened_on: int) -> None:
    title = tr("editor.new_criterion" if mode != "edit" else "editor.edit_criterion")
    _dialog(title)(_criterion_form)(assessment, criterion, mode, pillar, opened_on)


# -- delete -----------------------------------------------------------------------------
def _delete_body(assessment: Assessment, kind: str, item_id: str, name: str) -> None:
    st.markdown(tr(f"editor.delete_{kind}_question", id=plain(item_id), name=plain(name)))
    impact = session.store().deletion_impact(assessment.id, kind, item_id)
    st.markdown(tr("editor.delete_takes", scores=impact.scores, evidence=impact.evidence,
                   weights=impact.profile_weights))
    left, right = st.columns(2)
    if left.button(tr("editor.delete"), type="primary", icon=":material/delete:",
                   key="confirm_delete", width="stretch"):
        session.close_dialog()
        session.store().delete_item(assessment.id, kind, item_id, by=principal(),
                                    expected_version=assessment.version)
        st.toast(tr("editor.deleted", id=plain(item_id)))
        st.rerun()
    if right.button(tr("editor.cancel"), key="cancel_delete", width="stretch"):
        session.close_dialog()
        st.rerun()


def show_open_dialog(assessment: Assessment) -> None:
    """The dialog an editor opened (kept open over reruns until saved or closed)."""
    spec = session.opened_dialog()
    if spec is None or spec[0] != assessment.id:
        return
    _, kind, mode, item_id, pillar, opened_on = spec
    items = assessment.measures if kind == "measure" else assessment.criteria
    item = next((i for i in items if i.id == item_id), None)
    if item_id is not None and item is None:  # deleted meanwhile: nothing to show
        session.close_dialog()
        return
    if mode == "delete":
        _dialog(tr("editor.delete_title"), "small")(_delete_body)(
            assessment, kind, item_id, item.label(session.lang()))
    elif kind == "measure":
        _show_measure_dialog(assessment, item, mode, opened_on)
    else:
        _show_criterion_dialog(assessment, item, mode, pillar, opened_on)


def _open(assessment: Assessment, kind: str, mode: str, item_id: str | None = None,
          pillar: str = "ecology") -> None:
    # The version the dialog was opened on: its save is refused if someone saved since.
    session.open_dialog((assessment.id, kind, mode, item_id, pillar, assessment.version))


# -- the lists --------------------------------------------------------------------------
def _row(assessment: Assessment, kind: str, item: Measure | Criterion, first: bool,
         last: bool, editable: bool) -> None:
    lang = session.lang()
    text, edit, copy, up, down, delete = st.columns([8, 1, 1, 1, 1, 1],
                                                    vertical_alignment="center")
    text.markdown(f"**{plain(item.id)}** · {plain(item.label(lang))}")
    if not editable:
        return
    key = f"{kind}:{item.id}"
    if edit.button("", icon=":material/edit:", help=tr("editor.edit"), key=f"edit:{key}"):
        _open(assessment, kind, "edit", item.id)
    if copy.button("", icon=":material/content_copy:", help=tr("editor.duplicate"),
                   key=f"copy:{key}"):
        _open(assessment, kind, "copy", item.id)
    for column, step, icon, label, disabled in (
            (up, -1, ":material/arrow_upward:", "editor.up", first),
            (down, 1, ":material/arrow_downward:", "editor.down", last)):
        if column.button("", icon=icon, help=tr(label), key=f"move{step}:{key}",
                         disabled=disabled):
            session.store().move_item(assessment.id, kind, item.id, step, by=principal(),
                                      expected_version=assessment.version)
            st.rerun()
    if delete.button("", icon=":material/delete:", help=tr("editor.delete"),
                     key=f"delete:{key}"):
        _open(assessment, kind, "delete", item.id)


def measure_list(assessment: Assessment, editable: bool) -> None:
    if editable and st.button(tr("editor.add_measure"), icon=":material/add:",
                              key="add_measure", type="primary"):
        _open(assessment, "measure", "new")
    measures = assessment.measures
    if not measures:
        st.info(tr("editor.no_measures"))
        return
    shown = measures
    if len(measures) > LIST_LIMIT:
        query = st.text_input(tr("editor.filter"), key="measure_filter").strip().lower()
        shown = [m for m in measures if query in f"{m.id} {m.label_nl} {m.label_en}".lower()]
        st.caption(tr("editor.shown", shown=min(len(shown), LIST_LIMIT), total=len(measures)))
    for m in shown[:LIST_LIMIT]:
        _row(assessment, "measure", m, m is measures[0], m is measures[-1], editable)


def criterion_lists(assessment: Assessment, editable: bool) -> None:
    """The criteria per pillar, each group with its colour and its own Add button."""
    order = assessment.criteria
    for pillar in PILLARS:
        st.markdown(f"#### :{PILLAR_BADGE[str(pillar)]}-badge[{tr(f'pillar.{pillar}')}]")
        group = assessment.criteria_of(pillar)
        if not group:
            st.caption(tr("editor.no_criteria_in_pillar"))
        for c in group:
            _row(assessment, "criterion", c, c is order[0], c is order[-1], editable)
        if editable and st.button(tr("editor.add_criterion"), icon=":material/add:",
                                  key=f"add_criterion:{pillar}"):
            _open(assessment, "criterion", "new", pillar=str(pillar))
