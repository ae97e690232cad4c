"""Scan what an AppTest page shows for English placeholders in the Dutch UI.

Two kinds of finding:

* **text** — every string an element carries (markdown, captions, titles, labels, help,
  placeholders, select options, tab and expander labels, toasts, the column configs of
  dataframes and data editors, the text of charts) is searched for words such as "None",
  "Select…", "Choose", "Add row";
* **English catalogue text** — a string that is the English text of a catalogue entry and
  no Dutch one (a label or help text looked up in the wrong language);
* **frontend defaults** — what Streamlit's browser code shows in English when the page
  leaves a text out: "None" in the empty cells of a table without `placeholder=` (a data
  editor that adds rows has empty cells), "Select..." when an empty select cell of a data
  editor is edited (Streamlit offers no Dutch text for it), "Choose an option" in a select
  box with nothing chosen and no placeholder, "Choose options" in an empty multiselect,
  and "Add row" in a data editor that lets one add rows.

Use::

    from tests.text_scan import english_placeholders
    assert english_placeholders(at) == []

Each finding reads as "<where>: <what>", e.g. "selectbox 'Perspectief': frontend shows
'Choose an option'". Texts a page shows by design (a measure named "None" in the data)
can be passed as `allow`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from impact.i18n import catalogue

# English words and phrases that do not belong in the Dutch UI (whole words, any case for
# the phrases, exact case for the short ones that are also Dutch or data: "none", "nan")
ENGLISH = (
    r"\bNone\b", r"\bnull\b", r"\bNaN\b", r"Select(?:…|\.\.\.| an? )", r"\bChoose\b",
    r"(?i:\badd row\b)", r"(?i:\bdelete rows?\b)", r"(?i:\bno options\b)",
    r"(?i:\bpress enter\b)", r"(?i:\bdrag and drop\b)", r"(?i:\bbrowse files\b)",
    r"(?i:\btype to search\b)", r"(?i:\bundefined\b)",
)
_ENGLISH = re.compile("|".join(ENGLISH))

# proto fields that are no text on the screen (ids, keys, icons, addresses, formats)
_NOT_TEXT = frozenset({
    "id", "form_id", "query_param_key", "icon", "page_script_hash", "url", "url_pathname",
    "page_name", "script_path", "format", "type", "theme", "key", "arrow_data", "data",
    "mime_type", "file_id", "src", "config", "column_order",
})
# JSON keys inside a column config or chart spec that hold no text on the screen
_JSON_NOT_TEXT = frozenset({
    "type_config", "format", "type", "hovertemplate", "texttemplate", "xaxis", "yaxis",
    "legendgroup", "uid", "template", "colorscale", "color", "family", "bgcolor",
    "bordercolor", "fillcolor", "line", "marker", "meta", "customdata", "ids",
    "value",  # a select column's stored value; its label is what shows
})


def english_placeholders(at: AppTest, allow: Iterable[str] = ()) -> list[str]:
    """Every English placeholder the page (main area and sidebar) shows, as readable lines."""
    allowed = set(allow)
    english_only = _english_only()
    found: list[str] = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        where = _where(node)
        if isinstance(proto, Message):
            for path, text in _texts(proto):
                for match in _ENGLISH.finditer(text):
                    if match.group(0) not in allowed:
                        found.append(f"{where} {path}: {_snippet(text, match)}")
                if text.strip() in english_only and text.strip() not in allowed:
                    found.append(f"{where} {path}: English text '{text.strip()}'")
        found += [f"{where}{part}: frontend shows '{shown}'"
                  for part, shown in _frontend_defaults(node) if shown not in allowed]
    return found


def visible_texts(at: AppTest) -> list[str]:
    """All strings the page's elements carry (for a test that looks for a word)."""
    return [text for node in _nodes(at._tree)
            if isinstance(getattr(node, "proto", None), Message)
            for _, text in _texts(node.proto)]


@cache
def _english_only() -> frozenset[str]:
    """The English texts of the catalogue (without parameters) that are no Dutch text."""
    entries = catalogue().values()
    dutch = {nl.strip() for nl, _ in entries}
    return frozenset(en.strip() for _, en in entries if "{" not in en) - dutch


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _where(node: Any) -> str:
    kind = getattr(node, "type", type(node).__name__)
    label = getattr(node, "label", None)
    key = getattr(node, "key", None)
    name = f" '{label}'" if isinstance(label, str) and label else ""
    return f"{kind}{name}" + (f" [{key}]" if key else "")


def _texts(message: Message, path: str = "") -> Iterator[tuple[str, str]]:
    for field, value in message.ListFields():
        if field.name in _NOT_TEXT:
            continue
        here = f"{path}.{field.name}" if path else field.name
        for item in _items(value):
            if isinstance(item, Message):
                yield from _texts(item, here)
            elif isinstance(item, str):
                yield from _string_texts(here, item)


def _items(value: Any) -> list[Any]:
    """A field's values: one, a repeated field's list, or a map's values."""
    if isinstance(value, Message | str | bytes | int | float):
        return [value]
    if hasattr(value, "values") and callable(value.values):
        return list(value.values())
    return list(value)


def _string_texts(path: str, text: str) -> Iterator[tuple[str, str]]:
    """A string, or the text leaves of a JSON string (column configs, chart specs)."""
    if text[:1] in "{[":
        try:
            data = json.loads(text)
        except ValueError:
            yield path, text
        else:
            yield from ((f"{path}:{p}", s) for p, s in _json_texts(data, ""))
        return
    yield path, text


def _json_texts(data: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _JSON_NOT_TEXT:
                yield from _json_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for value in data:
            yield from _json_texts(value, path)
    elif isinstance(data, str):
        yield path, data


def _frontend_defaults(node: Any) -> list[tuple[str, str]]:
    """(where, what) the browser fills in, in English, for a text the page left out."""
    kind = getattr(node, "type", "")
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "arrow_data") and hasattr(proto, "editing_mode"):
        return _table_defaults(node, proto)
    if kind == "selectbox" and not proto.placeholder.strip() and node.value is None:
        return [("", "Choose an option")]
    if kind == "multiselect" and not proto.placeholder.strip() and not node.value:
        return [("", "Choose options")]
    return []


def _table_defaults(node: Any, proto: Any) -> list[tuple[str, str]]:
    """A table shows "None" in an empty cell unless it has a placeholder; in a data editor
    an empty select cell offers "Select...", and added rows come from "Add row"."""
    try:
        frame = node.value
    except Exception:  # noqa: BLE001 - a table AppTest cannot decode: judge by the proto
        frame = None
    modes = proto.EditingMode
    dynamic = proto.editing_mode == modes.Value("DYNAMIC")
    editable = proto.editing_mode != modes.Value("READ_ONLY")

    def can_be_empty(column: str | None = None) -> bool:
        if dynamic or frame is None:
            return dynamic
        values = frame if column is None else frame.get(column)
        return values is not None and bool(values.isna().to_numpy().any())

    shown = []
    if not proto.HasField("placeholder") and can_be_empty():
        shown.append(("", "None"))
    columns = json.loads(proto.columns) if editable and proto.columns else {}
    for name, config in columns.items():
        kind = config.get("type_config", {}).get("type")
        if kind in ("selectbox", "multiselect") and not config.get("disabled") \
                and can_be_empty(name):
            shown.append((f" column '{config.get('label') or name}'", "Select..."))
    if dynamic:
        shown.append(("", "Add row"))
    return shown


def _snippet(text: str, match: re.Match[str]) -> str:
    start, end = max(match.start() - 30, 0), min(match.end() + 30, len(text))
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
