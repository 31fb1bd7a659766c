"""Who issues with whom, on the seeds: the joint notice of 罗湖区's two offices is the one line."""


def test_the_seeds_joint_notice_is_a_line_with_its_document_behind_it(page):
    at = page("coissuing")
    edges = next(df.value for df in at.dataframe if "source" in df.value.columns)
    assert edges[["source", "target", "documents"]].values.tolist() == [
        ["深圳市罗湖区人民政府办公室", "中共深圳市罗湖区委办公室", 1]
    ]
    behind = next(df.value for df in at.dataframe if "doc_number" in df.value.columns and "issuer" in df.value.columns
                  and "position" not in df.value.columns)  # fmt: skip
    assert behind["doc_number"].tolist() == ["罗办发〔2017〕1号"]
    issuers = next(df.value for df in at.dataframe if "position" in df.value.columns)
    assert sorted(issuers["issuer"]) == ["中共深圳市罗湖区委办公室", "深圳市罗湖区人民政府办公室"]
    assert len(at.get("vega_lite_chart")) + len(at.get("arrow_vega_lite_chart")) >= 1  # the network drawn


def test_no_joint_document_is_said_not_raised(page):
    at = page("coissuing", co_min="2")
    assert not at.exception and any("No two bodies issued a document together" in i.value for i in at.info)
    assert any("position" in df.value.columns for df in at.dataframe)  # every document's bodies still listed
