"""What a method is: a scikit-criteria reference and a vectorised kernel, side by side.

Every method module (`wsm`, `topsis`, `vikor`, `spotis`) builds one `Method`;
`impact.methods` keeps them in a registry by name. The reference is the method as
scikit-criteria computes it (the library every fast path is tested against); the
kernel ranks a whole block of weight vectors at once with numpy (SMAA, weight
stability) and must give the same ranks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from threadpoolctl import ThreadpoolController

from impact.methods.problem import Problem
from impact.methods.ranks import competition_rank

__all__ = ["Kernel", "Method", "Rows", "Scorer", "linear_method", "one_blas_thread"]

# (problem with weights) -> (score per measure, higher is better; competition rank)
Scorer = Callable[[Problem], tuple[np.ndarray, np.ndarray]]
# (problem, k x m weight rows each summing to 1, None or k x n x m sampled scores)
#   -> (k x n scores, whether higher is better)
Kernel = Callable[[Problem, np.ndarray, np.ndarray | None], tuple[np.ndarray, bool]]


@dataclass(frozen=True)
class Method:
    """One ranking method.

    - `check`: what the method needs of the problem beyond `prepare` (raises
      `EngineError`), run before `rank`, `reference` or `kernel`.
    - `rank`: the score and rank `impact.engine.rank` returns (the reference, or a
      faster computation proven equal to it).
    - `reference`: the same through scikit-criteria.
    - `kernel`: scores for many weight vectors at once (see `Kernel`).
    - `linear`: the score is the weighted sum of the value functions, so it is
      linear in the weights.
    - `dense_kernel`: the kernel holds a k x n x m array even for exact scores
      (SMAA sizes its blocks by it).
    - `tie_rows`: the per-measure rows whose equality is the only way two measures
      can tie under weights with a density; None when the method ties by design.
    """

    name: str
    check: Callable[[Problem], None]
    rank: Scorer
    reference: Scorer
    kernel: Kernel
    linear: bool = False
    dense_kernel: bool = False
    tie_rows: Callable[[Problem], np.ndarray] | None = None

    @property
    def label(self) -> str:
        """i18n key of the method's name."""
        return f"engine.method.{self.name}"

    @property
    def help(self) -> str:
        """i18n key of the method's one-line explanation."""
        return f"engine.method.{self.name}.help"

    def ranks(self, problem: Problem, w: np.ndarray, x: np.ndarray | None = None) -> np.ndarray:
        """Competition ranks (k x n) of the kernel's scores."""
        return competition_rank(*self.kernel(problem, w, x))


# (problem, None or k x n x m sampled scores) -> n x m (or k x n x m) per-criterion parts
Rows = Callable[[Problem, np.ndarray | None], np.ndarray]


def linear_method(name: str, check: Callable[[Problem], None], reference: Scorer,
                  rows: Rows) -> Method:
    """A method whose score is the weighted sum of per-criterion `rows` (``spotis``'s
    closeness, ``promethee``'s unicriterion flows): `rank` is one product, the kernel
    one product per block, and two measures tie only when their rows are equal."""

    def rank(p: Problem) -> tuple[np.ndarray, np.ndarray]:
        assert p.weights is not None
        score = rows(p, None) @ p.weights
        return score, competition_rank(score)

    def kernel(p: Problem, w: np.ndarray, x: np.ndarray | None) -> tuple[np.ndarray, bool]:
        if x is None:
            return w @ rows(p, None).T, True
        return np.einsum("knm,km->kn", rows(p, x), w), True

    return Method(name=name, check=check, rank=rank, reference=reference, kernel=kernel,
                  linear=True, tie_rows=lambda p: rows(p, None))


# The matrix products of the kernels are small (a block of samples x 12 x 50).
# Multi-threaded BLAS gains nothing on them, and on a busy machine (several sessions,
# 2 cores) its threads wait for each other: measured under load, 10 products that
# take 0.5 ms now and then took 40 ms. So blocks of samples run with one BLAS thread.
_BLAS = ThreadpoolController()


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread (for blocks of kernel calls)."""
    return _BLAS.limit(limits=1, user_api="blas")
