"""The statistics against published reference values, each cited where it is checked.

- Keyness: the worked example of UCREL's log-likelihood calculator (Rayson and Garside 2000,
  https://ucrel.lancs.ac.uk/llwizard.html) and scipy's G-test for the four-cell form.
- Agreement: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"
  (https://repository.upenn.edu/asc_papers/43); Cohen's kappa against scikit-learn's
  cohen_kappa_score and a textbook example.
- Collocates: the association measures' published values that NLTK's own tests check
  (nltk/test/collocations.doctest: Manning and Schütze 1999, sections 5.3.2 and 5.4, and
  Dunning 1993), computed here by our formulas (NLTK is not a dependency).
- Network: networkx's modularity on its documented example and on Zachary's karate club, where
  the best modularity possible is 0.4198 (Brandes et al. 2008, "On modularity clustering").
(UMass coherence is checked by hand in test_topics.py.)
"""

from __future__ import annotations

import krippendorff
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency
from sklearn.metrics import cohen_kappa_score

from explore.analysis.coding import agreement
from explore.analysis.collocates import g2_table, scores
from explore.analysis.keywords import log_likelihood, log_likelihood_4cell
from explore.analysis.network import node_table
from tests.conftest import keyness_of

# --- keyness ------------------------------------------------------------------------------------


def _two_corpora(a: int, c: int, b: int, d: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A term counted a times among c target tokens and b times among d reference tokens."""
    terms = pd.DataFrame(
        {"doc_id": ["t", "t", "r", "r"], "term": ["词语", "其他", "词语", "其他"], "count": [a, c - a, b, d - b]}
    )
    docs = pd.DataFrame({"doc_id": ["t", "r"], "n_chars": [2 * c, 2 * d]})
    return terms, docs


def test_ucrel_log_likelihood_worked_example():
    # UCREL's calculator: a word 52 times in corpus 1 (50,000 tokens) and 57 times in corpus 2
    # (75,000 tokens) gives "Word 52 0.10 57 0.08 + 2.65": over-used in corpus 1, not significant
    g2 = log_likelihood(np.array([52]), np.array([57]), 50_000.0, 75_000.0)
    assert round(float(g2[0]), 2) == 2.65
    # the other way round the sign turns
    assert round(float(log_likelihood(np.array([57]), np.array([52]), 75_000.0, 50_000.0)[0]), 2) == -2.65
    terms, docs = _two_corpora(52, 50_000, 57, 75_000)
    table = keyness_of(terms, docs, ["t"], min_count=1, top_n=None)
    assert table[["term", "log_likelihood"]].values.tolist() == [["词语", 2.65]]
    assert keyness_of(terms, docs, ["t"], min_count=1, min_g2=3.84).empty  # below p < 0.05


@pytest.mark.parametrize("a, c, b, d", [(52, 50_000, 57, 75_000), (30, 40, 10, 60), (10, 40, 0, 60)])
def test_four_cell_log_likelihood_is_the_g_test(a, c, b, d):
    # scipy's G-test of independence (Sokal and Rohlf) on the 2 x 2 table, no continuity correction
    table = [[a, b], [c - a, d - b]]
    want = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    got = log_likelihood_4cell(np.array([a]), np.array([b]), float(c), float(d))[0]
    assert got == pytest.approx(want, rel=1e-12)
    assert got >= log_likelihood(np.array([a]), np.array([b]), float(c), float(d))[0]  # never smaller


def test_keyness_names_its_measure():
    terms, docs = _two_corpora(30, 40, 10, 60)
    two = keyness_of(terms, docs, ["t"], min_count=1)
    four = keyness_of(terms, docs, ["t"], min_count=1, measure="log_likelihood_4cell")
    assert "log_likelihood_4cell" in four.columns and "log_likelihood" not in four.columns
    assert four["log_likelihood_4cell"].iloc[0] == round(
        chi2_contingency([[30, 10], [10, 50]], correction=False, lambda_="log-likelihood")[0], 2
    )
    # two-term by hand: E1 = 40 * 40 / 100 = 16, E2 = 60 * 40 / 100 = 24
    assert two["log_likelihood"].iloc[0] == round(2 * (30 * np.log(30 / 16) + 10 * np.log(10 / 24)), 2)  # 20.2
    assert keyness_of(terms, docs.iloc[:1], ["t"], measure="log_likelihood_4cell").columns[-2] == "log_likelihood_4cell"
    with pytest.raises(ValueError, match="measure must be"):
        keyness_of(terms, docs, ["t"], measure="chi2")  # type: ignore[arg-type]


# --- agreement ----------------------------------------------------------------------------------

NA = np.nan
# Krippendorff (2011), section C: 4 observers, 12 units, nominal values 1-5, missing data
FOUR_OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],
    [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
]
# Krippendorff (2011), section A: binary data, two observers, ten units, no missing data
BINARY_A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
BINARY_B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]


def _sheets(first: list, second: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    base = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(first))], "para_no": 1, "text": "…"})
    return base.assign(x=[str(v) for v in first]), base.assign(x=[str(v) for v in second])


def test_krippendorff_2011_nominal_example_with_four_observers():
    # the package agreement() calls: alpha = 0.743 (nominal) as printed; the paper's later sections
    # give the same data 0.815 (ordinal), 0.849 (interval) and 0.797 (ratio)
    printed = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}
    for level, value in printed.items():
        assert round(krippendorff.alpha(reliability_data=FOUR_OBSERVERS, level_of_measurement=level), 3) == value


def test_krippendorff_2011_binary_example_through_agreement():
    # coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6:
    # alpha = 1 - (20 - 1) * 4 / (14 * 6) = 0.095 as printed
    table = agreement(*_sheets(BINARY_A, BINARY_B))[0].iloc[0]
    assert round(table["krippendorff_alpha"], 3) == 0.095 and table["agreement"] == 0.6
    # Cohen's kappa on the same data: p_o = 0.6, p_e = 0.2 * 0.4 + 0.8 * 0.6 = 0.56, (0.6 - 0.56) / 0.44
    assert table["cohen_kappa"] == pytest.approx(round(cohen_kappa_score(BINARY_A, BINARY_B), 4))
    assert round(table["cohen_kappa"], 4) == round(0.04 / 0.44, 4) == 0.0909


def test_cohen_kappa_of_the_usual_two_by_two_example():
    # the worked example of Wikipedia's "Cohen's kappa" (https://en.wikipedia.org/wiki/Cohen%27s_kappa):
    # 50 proposals, both yes 20, yes/no 5, no/yes 10, both no 15:
    # p_o = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4
    first = [1] * 20 + [1] * 5 + [0] * 10 + [0] * 15
    second = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    row = agreement(*_sheets(first, second))[0].iloc[0]
    assert row["cohen_kappa"] == 0.4 == round(cohen_kappa_score(first, second), 4)
    assert row["agreement"] == 0.7


# --- collocates ---------------------------------------------------------------------------------
# NLTK's bigram measures take (n_ii, (n_ix, n_xi), n_xx); ours take (O, W, f_c, N) in that order:
# O together, W window positions (the node's marginal), f_c the collocate's, N the total.


@pytest.mark.parametrize(
    "marginals, printed",
    [((8, 15828, 4675, 14307668), 0.9999), ((20, 42, 20, 14307668), 4.4721)],  # "new companies", "Ayatollah Ruhollah"
)
def test_t_score_of_manning_and_schutze(marginals, printed):
    assert round(scores(*marginals)[2], 4) == printed


@pytest.mark.parametrize("marginals, printed", [((20, 42, 20, 14307668), 18.38), ((20, 15019, 15629, 14307668), 0.29)])
def test_mi_of_manning_and_schutze(marginals, printed):
    assert round(scores(*marginals)[1], 2) == printed


@pytest.mark.parametrize("marginals, printed", [((110, 2552, 221, 31777), 270.72), ((8, 13, 32, 31777), 95.29)])
def test_g2_of_dunning_1993(marginals, printed):
    assert round(g2_table(*marginals), 2) == printed
    assert round(scores(*marginals)[3], 2) == printed


# --- network ------------------------------------------------------------------------------------


def test_networkx_modularity_on_its_documented_example_and_the_karate_club_split():
    # networkx's modularity docstring: barbell_graph(3, 0) split in its two triangles, Q = 5/14
    assert nx.community.modularity(nx.barbell_graph(3, 0), [{0, 1, 2}, {3, 4, 5}]) == pytest.approx(5 / 14)
    # Zachary's karate club split by the club each member joined (networkx's "club" attribute):
    # 78 ties, 35 inside Mr. Hi's 17, 32 inside the Officer's 17, degree sums 81 and 75, so
    # Q = 67 / 78 - (81² + 75²) / 156² = 0.3582 (moving member 8 across gives the 0.3715 often quoted)
    karate = nx.karate_club_graph()
    hi = {n for n, club in karate.nodes(data="club") if club == "Mr. Hi"}
    q = nx.community.modularity(karate, [hi, set(karate) - hi], weight=None)
    assert round(q, 4) == round(67 / 78 - (81**2 + 75**2) / 156**2, 4) == 0.3582
    moved = hi - {8}
    assert round(nx.community.modularity(karate, [moved, set(karate) - moved], weight=None), 4) == 0.3715


def test_our_communities_on_the_karate_club_come_near_the_best_possible():
    karate = nx.relabel_nodes(nx.Graph(nx.karate_club_graph().edges), lambda i: f"m{i:02d}")
    edges = pd.DataFrame([(u, v, 1.0) for u, v in karate.edges], columns=["source", "target", "weight"])
    nodes = pd.DataFrame({"term": list(karate), "paragraphs": [d for _, d in karate.degree]})
    found = []
    for seed in range(1, 8):
        table = node_table(nodes, edges, seed=seed)
        found.append(nx.community.modularity(karate, [set(g["term"]) for _, g in table.groupby("community")]))
    # Louvain is a heuristic: never above the proven optimum 0.4198, never far below it, and some seed reaches it
    assert all(0.41 <= q <= 0.41979 + 1e-6 for q in found)
    assert round(max(found), 4) == 0.4198
