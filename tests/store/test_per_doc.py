"""Items and figures read once a document in the build and stored with the other tables."""

import pandas as pd

from explore.analysis.figures import figures
from explore.analysis.items import extract_items
from explore.ingest.lexicon import default_lexicon
from explore.store.load import load_corpus
from explore.store.query import LARGE as LARGE_NAMES

PLAN = "2023年民生实事项目\n一、新建公办幼儿园2所(牵头单位:县教育局)\n二、改造农村公路50公里(牵头单位:县交通运输局)\n"
REPORT = "2022年工作回顾\n全年新增就业1200人,同比增长5%。\n"


def test_stored_items_and_figures_are_those_the_documents_give(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    items = extract_items(corpus.paragraphs, corpus.docs, lexicon=default_lexicon())
    pd.testing.assert_frame_equal(corpus.items, items, check_dtype=False)
    pd.testing.assert_frame_equal(corpus.figures, figures(corpus.paragraphs, corpus.docs), check_dtype=False)
    assert corpus.items["item_id"].tolist() == ["plan/1", "plan/2"]
    assert corpus.items["lead"].tolist() == ["县教育局", "县交通运输局"]
    assert corpus.tables.figures_of(["report"])["figure"].tolist() == ["1200人", "5%"]
    # figures in the paragraphs given as ``outside`` (the formula) are left out by the query
    plan_2 = pd.DataFrame({"doc_id": ["plan"], "para_no": [corpus.figures["para_no"].iloc[0]]})
    kept = corpus.tables.figures_of(["plan", "report"], outside=plan_2)
    assert kept["figure"].tolist() == corpus.figures["figure"].iloc[1:].tolist()
    assert corpus.tables.figures_of(["report"], outside=plan_2)["figure"].tolist() == ["1200人", "5%"]


def test_a_corpus_held_in_memory_leaves_out_the_same_figures(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    built = load_corpus(tmp_path)
    held = built.__class__(built.root, built.docs, *(built.table(n) for n in LARGE_NAMES))
    first = pd.DataFrame({"doc_id": ["plan"], "para_no": [built.figures["para_no"].iloc[0]]})
    assert held.folder is None
    pd.testing.assert_frame_equal(
        held.tables.figures_of(["plan"], outside=first),
        built.tables.figures_of(["plan"], outside=first),
        check_dtype=False,
    )


def test_a_metadata_row_reaches_the_stored_items_and_figures(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,district,year\nplan.txt,某县,2021\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert set(corpus.items["district"]) == {"某县"} and set(corpus.items["year"]) == {2021}
    assert set(corpus.figures["year"]) == {2021}


def test_an_empty_folder_has_empty_items_and_figures(tmp_path):
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.items.empty and corpus.figures.empty
    assert "lead" in corpus.items.columns and "status" in corpus.figures.columns


def test_the_starter_codebooks_codes_are_found_in_the_build(seeds_corpus):
    from explore.analysis.coding import STARTER_CODEBOOK
    from explore.store.analysed import analysed
    from explore.store.sql import run_sql
    from explore.store.tables import coding_tables

    starter = STARTER_CODEBOOK.read_text(encoding="utf-8")
    for corpus in (seeds_corpus, analysed(seeds_corpus)):
        docs = corpus.docs.iloc[::-1]  # the documents' order, not the table's, orders the rows
        stored = coding_tables(corpus, docs)
        again = coding_tables(corpus, docs, codebook=starter + "\n")  # another text: every paragraph read again
        for name in ("coded", "counts", "summary"):
            pd.testing.assert_frame_equal(stored[name], again[name], obj=name)
        assert len(stored["coded"]) > 50 and stored["coded"]["doc_id"].iloc[0] == docs["doc_id"].iloc[0]
        coded = stored["coded"]
        assert stored["summary"]["coded_paragraphs"].iloc[0] == len(coded[["doc_id", "para_no"]].drop_duplicates())
        for table in (stored, again):  # one code's paragraphs, read alone, and every code's counts still
            one_code = coding_tables(corpus, docs, codebook=None if table is stored else starter + "\n",
                                     shown=["regulation"])  # fmt: skip
            pd.testing.assert_frame_equal(
                one_code["coded"], coded[coded["code"] == "regulation"].reset_index(drop=True)
            )
            pd.testing.assert_frame_equal(one_code["counts"], stored["counts"])
    one = coding_tables(seeds_corpus, seeds_corpus.docs.iloc[:1], codebook="*甲\n改革\n")["coded"]
    assert set(one["code"]) == {"甲"} and one["text"].str.contains("改革").all()
    assert run_sql(seeds_corpus, "SELECT count(*) AS n FROM coded").rows["n"].iloc[0] == len(seeds_corpus.coded)


def test_the_coding_sheet_reads_only_the_sampled_paragraphs_text(seeds_corpus):
    from explore.analysis.coding import coding_sheet as from_frames
    from explore.store.tables import coding_sheet

    docs = seeds_corpus.docs.iloc[::2]
    want = from_frames(seeds_corpus.paragraphs, docs, ["甲", "乙"], sample=40)
    got = coding_sheet(seeds_corpus, docs, ["甲", "乙"], sample=40)
    pd.testing.assert_frame_equal(got, want)  # the same sample, the same text, in the table's order
    assert got.columns.tolist() == ["doc_id", "para_no", "text", "甲", "乙"] and len(got) == 40


def test_the_sql_pages_column_list_leaves_the_tables_on_disk(seeds_corpus):
    from explore.store.corpus import TABLES
    from explore.store.load import load_corpus

    corpus = load_corpus(seeds_corpus.root)
    for name in TABLES:
        assert corpus.columns(name) == list(corpus.table(name).columns), name
    fresh = load_corpus(seeds_corpus.root)
    assert [fresh.columns(n) for n in ("tokens", "coded")] == [
        ["doc_id", "para_no", "tokens"],
        ["doc_id", "para_no", "code"],
    ]
    assert fresh.in_memory() == []
