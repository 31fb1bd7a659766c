"""Who issues with whom: bodies one to a row, and the lines between bodies that issued together."""

from __future__ import annotations

import pandas as pd
import pytest

from explore.analysis.issuing import EDGE_COLUMNS, coissuing_edges, coissuing_nodes, issuer_rows

DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d"],
        "title": ["甲", "乙", "丙", "丁"],
        "doc_number": ["罗办发〔2017〕1号", "", "", ""],
        "year": pd.array([2017, 2018, 2018, None], dtype="Int64"),
        "date": ["", "", "", ""],
        "level": ["county"] * 4,
        "district": ["罗湖区"] * 4,
        # two documents issued by the same two bodies (one naming them the other way round), one
        # by three bodies, one by a body alone
        "issuer": [
            "中共深圳市罗湖区委办公室 | 深圳市罗湖区人民政府办公室",
            "深圳市罗湖区人民政府办公室 | 中共深圳市罗湖区委办公室 | 罗湖区发展和改革局",
            "罗湖区发展和改革局",
            "",
        ],
    }
)


def test_issuer_rows_are_one_a_document_and_body_in_the_order_named():
    rows = issuer_rows(DOCS)
    assert rows[["doc_id", "issuer", "position", "n_issuers"]].values.tolist() == [
        ["a", "中共深圳市罗湖区委办公室", 1, 2],
        ["a", "深圳市罗湖区人民政府办公室", 2, 2],
        ["b", "深圳市罗湖区人民政府办公室", 1, 3],
        ["b", "中共深圳市罗湖区委办公室", 2, 3],
        ["b", "罗湖区发展和改革局", 3, 3],
        ["c", "罗湖区发展和改革局", 1, 1],
    ]
    assert issuer_rows(DOCS.iloc[3:]).empty and list(issuer_rows(DOCS.iloc[0:0]).columns) == list(rows.columns)


def test_coissuing_edges_count_the_documents_two_bodies_issued_together():
    edges = coissuing_edges(DOCS)
    assert list(edges.columns) == EDGE_COLUMNS and len(edges) == 3  # 3 pairs among b's three bodies
    top = edges.iloc[0]
    assert {top["source"], top["target"]} == {"中共深圳市罗湖区委办公室", "深圳市罗湖区人民政府办公室"}
    assert (top["documents"], top["first_year"], top["last_year"], top["doc_ids"]) == (2, 2017, 2018, "a | b")
    assert edges["documents"].tolist() == [2, 1, 1]
    assert len(coissuing_edges(DOCS, min_documents=2)) == 1
    by_year = coissuing_edges(DOCS, period="year")
    assert len(by_year) == 4 and set(by_year["first_year"]) == {2017, 2018}
    assert (by_year["first_year"] == by_year["last_year"]).all()
    assert coissuing_edges(DOCS.iloc[2:]).empty


def test_coissuing_nodes_count_documents_alone_and_jointly():
    nodes = coissuing_nodes(DOCS, coissuing_edges(DOCS)).set_index("issuer")
    assert nodes.loc["罗湖区发展和改革局"].tolist() == [2, 1, 2]  # documents, joint, partners
    assert nodes.loc["中共深圳市罗湖区委办公室"].tolist() == [2, 2, 2]
    assert coissuing_nodes(DOCS, coissuing_edges(DOCS.iloc[2:])).empty


@pytest.mark.parametrize(("options", "message"), [({"period": "month"}, "period must be"),
                                                  ({"min_documents": 0}, "at least 1")])  # fmt: skip
def test_bad_options_say_what_is_allowed(options, message):
    with pytest.raises(ValueError, match=message):
        coissuing_edges(DOCS, **options)
