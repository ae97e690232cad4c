"""The assessment's own name and description: the `assessment` sheet or the JSON head."""

from __future__ import annotations

from typing import Any

from impact.io.aliases import resolve_key
from impact.io.cells import Bad, as_text, value_param
from impact.io.issues import Collector
from impact.io.schema import ASSESSMENT_COLUMNS, JSON_FORMAT, JSON_VERSION
from impact.io.tables import Table, check_cell
from impact.io.validate.common import check_columns, read_ident, read_text


def validate_assessment_sheet(
    tables: dict[str, Table], out: Collector, default_name: str
) -> tuple[str, str]:
    """Name and description from the optional `key, value` sheet."""
    table = tables.get("assessment")
    if table is None:
        return default_name, ""
    cols = check_columns(out, table, ASSESSMENT_COLUMNS, ASSESSMENT_COLUMNS)
    values: dict[str, str] = {}
    seen: dict[str, int] = {}
    for row in table.rows:
        key = read_ident(out, table, row, cols.get("key"))
        if key is None or "key" not in cols:
            continue
        written, key = key, resolve_key(key)
        if key is None:
            out.add(table.name, row.number, cols["key"], "io.unknown_key", value=written)
            continue
        if key in seen:
            out.add(table.name, row.number, cols["key"], "io.duplicate_key", value=written,
                    first_row=seen[key])
            continue
        seen[key] = row.number
        value = read_text(out, table, row, cols.get("value")) if "value" in cols else ""
        if value is None:
            continue
        if key == "name" and not value.strip():
            out.add(table.name, row.number, cols.get("value", "value"), "io.empty_name")
        values[key] = value
    return values.get("name", default_name), values.get("description", "")


def validate_json_head(
    head: dict[str, Any], out: Collector, default_name: str
) -> tuple[str, str]:
    """Name and description from the JSON object (only meaningful when nothing is added).

    `format` and `version` may be absent (older hand-written files); when given they must
    be ours."""
    if "format" in head and head["format"] != JSON_FORMAT:
        out.add("format", None, None, "io.json_wrong_format",
                value=value_param(head["format"]), expected=JSON_FORMAT)
    version = head.get("version", JSON_VERSION)
    if isinstance(version, bool) or version != JSON_VERSION:
        out.add("version", None, None, "io.json_wrong_version", value=value_param(version),
                expected=JSON_VERSION)
    name = as_text(head.get("name", default_name))
    description = as_text(head.get("description", ""))
    for part, value in (("name", name), ("description", description)):
        check_cell(out, part, None, None, value)
    if isinstance(name, Bad):
        out.add("name", None, None, "io.json_expected_text")
    elif not name.strip():
        out.add("name", None, None, "io.empty_name")
    if isinstance(description, Bad):
        out.add("description", None, None, "io.json_expected_text")
    return name, description  # type: ignore[return-value]
