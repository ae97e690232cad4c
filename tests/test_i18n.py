"""Every string exists in Dutch and English, and every key used in the code exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from impact.i18n import catalogue, t

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("src/impact/**/*.py")]
# t("key", ...), tr("key", ...) and ui.tr("key") with a literal key
# (a key built at run time, such as t("pillar." + p), is not a literal and is not matched)
KEY_USE = re.compile(r"""\b(?:t|tr)\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")
PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def test_every_entry_has_dutch_and_english() -> None:
    missing = [key for key, (nl, en) in catalogue().items() if not nl.strip() or not en.strip()]
    assert missing == []


def test_both_languages_take_the_same_parameters() -> None:
    mismatched = [
        key for key, (nl, en) in catalogue().items()
        if set(PLACEHOLDER.findall(nl)) != set(PLACEHOLDER.findall(en))
    ]
    assert mismatched == []


def test_every_key_used_in_the_code_exists() -> None:
    used = {(path.name, key) for path in SOURCES for key in KEY_USE.findall(path.read_text())}
    assert used, "the pattern should find the keys used in the code"
    missing = sorted((name, key) for name, key in used if key not in catalogue())
    assert missing == []


def test_t_returns_the_language_and_fills_parameters() -> None:
    assert t("pillar.ecology", "nl") == "Ecologie"
    assert t("pillar.ecology", "en") == "Ecology"
    assert t("sidebar.copy_of", "en", name="X") == "Copy of X"
    with pytest.raises(KeyError):
        t("no.such.key", "nl")
