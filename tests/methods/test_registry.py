"""The methods registry: names, labels, and what an unknown name says."""

from __future__ import annotations

import pytest

from impact import engine, methods
from impact.i18n import catalogue
from impact.methods.problem import EngineError


def test_every_method_is_registered_under_its_name_with_translated_labels():
    assert methods.METHODS == ("wsm", "topsis", "vikor", "spotis", "promethee")
    assert engine.METHODS == methods.METHODS
    texts = catalogue()
    for name in methods.METHODS:
        method = methods.get(name)
        assert method.name == name
        assert method.label in texts and method.help in texts


def test_an_unknown_method_names_the_choices():
    with pytest.raises(EngineError) as info:
        methods.get("simus")
    assert info.value.key == "engine.error.unknown_method"
    assert info.value.params == {"method": "simus",
                                 "choices": "wsm, topsis, vikor, spotis, promethee"}
