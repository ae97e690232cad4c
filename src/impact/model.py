"""Domain types of an assessment: pillars, criteria, measures, scores, weight profiles.

Plain dataclasses without I/O; `store`, `io` and the engine build on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

import pandas as pd


class Pillar(StrEnum):
    ECOLOGY = "ecology"
    ECONOMY = "economy"
    PEOPLE = "people"


PILLARS: tuple[Pillar, ...] = (Pillar.ECOLOGY, Pillar.ECONOMY, Pillar.PEOPLE)


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# The 7-point labels of a -3..+3 criterion, value -> (Dutch, English).
SEVEN_POINT_LABELS: dict[int, tuple[str, str]] = {
    -3: ("zeer negatief", "very negative"),
    -2: ("negatief", "negative"),
    -1: ("licht negatief", "slightly negative"),
    0: ("neutraal", "neutral"),
    1: ("licht positief", "slightly positive"),
    2: ("positief", "positive"),
    3: ("zeer positief", "very positive"),
}


def seven_point_label(value: float, lang: str = "nl") -> str:
    """The 7-point label of an integer score on a -3..+3 scale, e.g. 'positief'."""
    nl, en = SEVEN_POINT_LABELS[int(round(value))]
    return nl if lang == "nl" else en


@dataclass(frozen=True)
class Criterion:
    id: str
    pillar: Pillar
    label_nl: str
    label_en: str
    unit: str
    direction: Direction
    scale_min: float
    scale_max: float
    description: str = ""
    weight: float = 1.0  # weight within its pillar (normalised by the engine)
    unit_en: str = ""  # the unit and description in English, where they differ
    description_en: str = ""
    # a legal go/no-go: a measure worse than this value (by the direction) is not admissible
    knockout: float | None = None
    # PROMETHEE's preference function (usual, vshape, linear, gaussian; None = usual) and
    # its thresholds in score units (impact.methods.promethee)
    pref_function: str | None = None
    pref_q: float | None = None
    pref_p: float | None = None
    pref_s: float | None = None
    # SPOTIS's expected solution point, a value on the scale (None: the best end)
    spotis_expected: float | None = None

    def fails(self, value: float) -> bool:
        """Whether a score fails this criterion's knock-out."""
        if self.knockout is None:
            return False
        if self.direction == Direction.HIGHER_IS_BETTER:
            return value < self.knockout
        return value > self.knockout

    def label(self, lang: str = "nl") -> str:
        return self.label_nl if lang == "nl" else (self.label_en or self.label_nl)

    def unit_in(self, lang: str = "nl") -> str:
        """The unit in `lang` (the Dutch one where no English one is given)."""
        return self.unit if lang == "nl" else (self.unit_en or self.unit)

    def describe(self, lang: str = "nl") -> str:
        return self.description if lang == "nl" else (self.description_en or self.description)

    @property
    def objective(self) -> str:
        return "max" if self.direction == Direction.HIGHER_IS_BETTER else "min"

    @property
    def is_seven_point(self) -> bool:
        """True for the -3..+3 criteria that are scored with the 7-point labels."""
        return self.scale_min == -3 and self.scale_max == 3


@dataclass(frozen=True)
class Measure:
    id: str
    label_nl: str
    label_en: str = ""
    description: str = ""
    description_en: str = ""
    cost: float | None = None  # for a package within a budget (impact.portfolio)
    cost_unit: str = "€"
    exclusive_group: str | None = None  # at most one measure of a group in a package

    def label(self, lang: str = "nl") -> str:
        return self.label_nl if lang == "nl" else (self.label_en or self.label_nl)

    def describe(self, lang: str = "nl") -> str:
        """The description in `lang` (the Dutch one where no English one is given)."""
        return self.description if lang == "nl" else (self.description_en or self.description)


@dataclass(frozen=True)
class Score:
    measure_id: str
    criterion_id: str
    value: float
    source: str | None = None
    confidence: Confidence | None = None


@dataclass(frozen=True)
class WeightProfile:
    """A named stakeholder perspective: pillar weights, optionally criterion weights."""

    name: str
    pillar_weights: Mapping[Pillar, float]
    criterion_weights: Mapping[str, float] = field(default_factory=dict)

    def normalised_pillar_weights(self) -> dict[Pillar, float]:
        total = sum(float(self.pillar_weights.get(p, 0.0)) for p in PILLARS)
        if total <= 0:
            return {p: 1 / 3 for p in PILLARS}
        return {p: float(self.pillar_weights.get(p, 0.0)) / total for p in PILLARS}


EQUAL_PILLARS = WeightProfile("equal", {p: 1.0 for p in PILLARS})


@dataclass
class Assessment:
    name: str
    description: str = ""
    criteria: list[Criterion] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    profiles: list[WeightProfile] = field(default_factory=list)
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0  # data version, bumped by every write; a cache key

    # -- lookups ---------------------------------------------------------
    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def measure(self, measure_id: str) -> Measure:
        for m in self.measures:
            if m.id == measure_id:
                return m
        raise KeyError(measure_id)

    def profile(self, name: str) -> WeightProfile:
        for p in self.profiles:
            if p.name == name:
                return p
        raise KeyError(name)

    def criteria_of(self, pillar: Pillar) -> list[Criterion]:
        return [c for c in self.criteria if c.pillar == pillar]

    # -- views for the engine -------------------------------------------
    def performance(self) -> pd.DataFrame:
        """Scores as a DataFrame: index = measure ids, columns = criterion ids (NaN if unscored)."""
        data = {
            c.id: [
                self.scores[(m.id, c.id)].value if (m.id, c.id) in self.scores else float("nan")
                for m in self.measures
            ]
            for c in self.criteria
        }
        frame = pd.DataFrame(data, index=[m.id for m in self.measures], dtype=float)
        frame.index.name = "measure_id"
        return frame

    def objectives(self) -> dict[str, str]:
        return {c.id: c.objective for c in self.criteria}

    def scale(self) -> dict[str, tuple[float, float]]:
        return {c.id: (c.scale_min, c.scale_max) for c in self.criteria}

    def pillar_of(self) -> dict[str, str]:
        return {c.id: str(c.pillar) for c in self.criteria}

    def within_weights(self, profile: WeightProfile | None = None) -> dict[str, float]:
        """Criterion weights within their pillar; a profile's criterion weights override."""
        overrides = profile.criterion_weights if profile else {}
        return {c.id: float(overrides.get(c.id, c.weight)) for c in self.criteria}

    def confidence(self) -> pd.DataFrame:
        """Confidence per cell ('low'/'medium'/'high' or None), shaped like performance()."""
        data = {
            c.id: [
                (str(s.confidence) if (s := self.scores.get((m.id, c.id))) and s.confidence
                 else None)
                for m in self.measures
            ]
            for c in self.criteria
        }
        return pd.DataFrame(data, index=[m.id for m in self.measures], dtype=object)

    # -- edits that return new values -------------------------------------
    def with_scores(self, scores: Iterable[Score]) -> Assessment:
        merged = dict(self.scores)
        for s in scores:
            merged[(s.measure_id, s.criterion_id)] = s
        return replace(self, scores=merged)
