"""Plural forms: "1 maatregel", "2 maatregelen", in Dutch and English alike."""

from __future__ import annotations

import re

import pytest

from impact.i18n import catalogue, is_one, t

# nouns that, after a count, must come from a plural form `{n|one|other}`
PLURAL_NOUNS = {
    "maatregelen", "criteria", "perspectieven", "profielen", "deelnemers", "fouten", "scores",
    "vragen", "antwoorden", "grafieken", "formaten", "trekkingen", "measures",
    "perspectives", "profiles", "participants", "errors", "questions", "answers", "charts",
    "formats", "samples", "draws",
}
VERB_NOT_NOUN = {("engine.error.out_of_scale", "{measure} scores")}  # "M1 scores 5 on ..."


@pytest.mark.parametrize("counts, nl, en", [
    ((1, 1, 1), "1 maatregel · 1 criterium · 1 perspectief",
     "1 measure · 1 criterion · 1 perspective"),
    ((2, 3, 0), "2 maatregelen · 3 criteria · 0 perspectieven",
     "2 measures · 3 criteria · 0 perspectives"),
])
def test_counts_take_the_singular_for_one_only(counts: tuple, nl: str, en: str) -> None:
    params = dict(zip(("measures", "criteria", "profiles"), counts, strict=True))
    assert t("assessment.counts", "nl", **params) == nl
    assert t("assessment.counts", "en", **params) == en


def test_verbs_and_nouns_follow_the_count_in_both_languages() -> None:
    assert t("engine.error.too_few_measures", "nl", count=1).endswith("er is er nu 1.")
    assert t("engine.error.too_few_measures", "nl", count=0).endswith("er zijn er nu 0.")
    assert t("engine.error.too_few_measures", "en", count=1).endswith("there is 1 now.")
    assert t("engine.error.too_few_measures", "en", count=0).endswith("there are 0 now.")
    one = t("engine.error.missing_scores", "nl", criterion="x", measure="M1", count=1)
    assert "in totaal ontbreekt 1 score." in one
    assert "2 scores are missing" in t("engine.error.missing_scores", "en", criterion="x",
                                       measure="M1", count=2)
    assert t("io.error.invalid", "nl", count=1) == "Het bestand heeft 1 fout; er is niets " \
                                                   "ingelezen."
    assert t("io.error.invalid", "en", count=3) == "The file has 3 errors; nothing was " \
                                                   "imported."
    assert t("workshop.smaa_subtitle", "nl", n=1) == (
        "Gewichten getrokken binnen de puntenverdeling van 1 deelnemer")
    assert t("workshop.smaa_subtitle", "en", n=4) == (
        "Weights sampled within the point splits of 4 participants")
    assert t("export.page.zip_ready", "nl", charts=1, formats=2, size="0.4") == (
        "Klaar: 1 grafiek in 2 formaten (0.4 MB).")
    assert t("workshop.p.progress", "en", round=1, done=0, total=1) == (
        "Round 1: 0 of 1 question answered")


def test_a_count_given_as_text_counts_too() -> None:
    assert [is_one(v) for v in (1, -1, 1.0, "1", " 1 ", "\u22121")] == [True] * 6
    assert [is_one(v) for v in (0, 2, 0.5, "1,0", "1.0", "11", "", True, None)] == [False] * 9
    # the io messages get their numbers as text (see ValidationIssue.message)
    assert t("io.cli.invalid", "nl", path="x", count="1") == "x: 1 fout gevonden:"


def test_a_plural_form_needs_its_count() -> None:
    with pytest.raises(KeyError):
        t("assessment.counts", "nl", measures=1, criteria=2)


def test_no_count_stands_before_a_fixed_plural_noun() -> None:
    """A count before a plural noun must choose the noun by the count."""
    fixed = sorted(
        (key, m.group(0))
        for key, texts in catalogue().items() for text in texts
        for m in re.finditer(r"\{\w+\} (\w+)", text) if m.group(1) in PLURAL_NOUNS
    )
    assert sorted(set(fixed) - VERB_NOT_NOUN) == []
    # nor the "(en)"/"(s)" way round it: "1 wijziging(en)"
    hedged = sorted(
        (key, m.group(0)) for key, texts in catalogue().items() for text in texts
        for m in re.finditer(r"\{\w+\}(?: [\w-]+)* [\w-]+\((?:en|s)\)", text)
    )
    assert hedged == []
