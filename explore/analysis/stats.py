"""The statistics more than one table uses, each written once (pure): a rate per 10,000
characters and Dunning's log-likelihood G² (its cell terms and its 2 × 2 table)."""

from __future__ import annotations

import numpy as np


def per_10k(count, chars):
    """``count`` per 10,000 characters of ``chars`` (scalars, arrays or Series), to two places; a
    side of no characters counts as one, so an empty side reads 0, not a division by zero."""
    return (count * 10_000 / np.maximum(chars, 1)).round(2)


def g2_terms(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """O ln(O / E) cell by cell, 0 where O is 0 (a cell with O > 0 has E > 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def g2_2x2(o11, row1, col1, total) -> np.ndarray:
    """Dunning's G² (1993) of the 2 × 2 tables whose first cell is ``o11``, first row sums to
    ``row1``, first column to ``col1`` and all to ``total``; NaN where those make no table (a
    negative cell or margin, or nothing at all)."""
    o11, row1, col1, total = (np.asarray(x, dtype=float) for x in (o11, row1, col1, total))
    row2, col2 = total - row1, total - col1
    cells = [(o11, row1, col1), (row1 - o11, row1, col2), (col1 - o11, row2, col1), (row2 - col1 + o11, row2, col2)]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * sum(g2_terms(o, row * col / total) for o, row, col in cells)
    bad = (total <= 0) | np.logical_or.reduce([(o < 0) | (row < 0) | (col < 0) for o, row, col in cells])
    return np.where(bad, np.nan, g2)
