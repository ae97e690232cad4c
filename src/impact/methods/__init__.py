"""The ranking methods, by name: one module per method, each with its scikit-criteria
reference and its vectorised kernel side by side.

- ``wsm``: weighted sum of linear value functions on the declared scales (`wsm`).
- ``topsis``: classic TOPSIS on the raw scores (`topsis`).
- ``vikor``: VIKOR, v settable (default 0.5), compromise set at rank 1 (`vikor`).
- ``spotis``: SPOTIS on the declared scales with an expected solution point per
  criterion (default the best end: then equal to ``wsm``); free of rank reversal
  (`spotis`).
- ``promethee``: PROMETHEE II net flow with a preference function per criterion
  (usual, V-shape, linear, Gaussian), and the GAIA plane (`promethee`).

`get(name)` returns a `Method` (see `impact.methods.base`) or raises an
`EngineError` that lists the choices. `impact.engine` and `impact.robustness`
dispatch through this registry; the shared preparation and checks are in
`impact.methods.problem`.
"""

from __future__ import annotations

from impact.methods import promethee, spotis, topsis, vikor, wsm
from impact.methods.base import Method
from impact.methods.problem import EngineError

__all__ = ["METHODS", "METHOD_HELP", "METHOD_LABELS", "REGISTRY", "Method", "get"]

REGISTRY: dict[str, Method] = {m.name: m for m in (wsm.METHOD, topsis.METHOD, vikor.METHOD,
                                                   spotis.METHOD, promethee.METHOD)}
METHODS: tuple[str, ...] = tuple(REGISTRY)
METHOD_LABELS: dict[str, str] = {name: m.label for name, m in REGISTRY.items()}
METHOD_HELP: dict[str, str] = {name: m.help for name, m in REGISTRY.items()}


def get(method: str) -> Method:
    """The method called `method`, or an `EngineError` naming the choices."""
    try:
        return REGISTRY[method]
    except (KeyError, TypeError):
        raise EngineError("engine.error.unknown_method", method=str(method),
                          choices=", ".join(METHODS)) from None
