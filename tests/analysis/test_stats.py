"""The shared statistics: per 10,000 characters and G²."""

import math

import numpy as np
import pandas as pd

from explore.analysis.stats import g2_2x2, per_10k


def test_per_10k_guards_an_empty_side_and_rounds():
    assert per_10k(3, 20_000) == 1.5
    assert per_10k(0, 0) == 0  # no characters: 0, not a division by zero
    assert per_10k(pd.Series([1, 2]), pd.Series([3, 0])).tolist() == [3333.33, 20000.0]


def test_g2_of_a_2x2_table_by_hand():
    # o11=10, row1=100, col1=20, total=1000: expected cells 2, 98, 18, 882
    by_hand = 2 * (10 * math.log(10 / 2) + 90 * math.log(90 / 98) + 10 * math.log(10 / 18) + 890 * math.log(890 / 882))
    assert math.isclose(float(g2_2x2(10, 100, 20, 1000)), by_hand)
    assert float(g2_2x2(2, 100, 20, 1000)) == 0.0  # observed as expected
    # margins that make no table
    assert np.isnan(g2_2x2(30, 20, 40, 1000)) and np.isnan(g2_2x2(0, 0, 0, 0))
