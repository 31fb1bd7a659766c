import io

import pandas as pd
import pytest

from explore.store.export import csv_filename, to_csv_bytes


def test_csv_bytes_exactly():
    frame = pd.DataFrame(
        {"term": ["改革", '=HYPERLINK("http://x")', "+cmd", "-1+1", "@SUM(A1)", "\tx"], "count": [3, 2, 1, -1, 0, 5]}
    )
    assert to_csv_bytes(frame) == (
        '\ufeffterm,count\n改革,3\n"\'=HYPERLINK(""http://x"")",2\n\'+cmd,1\n\'-1+1,-1\n\'@SUM(A1),0\n\'\tx,5\n'
    ).encode("utf-8")


def test_csv_round_trips_through_pandas():
    frame = pd.DataFrame({"text": ["罗湖区,改革", '引号"内', "换\n行"], "n": [1, 2, 3]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)


def test_empty_frame():
    assert to_csv_bytes(pd.DataFrame({"a": []})) == "\ufeffa\n".encode()


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        (("keywords", "罗湖区", "2017-2020"), "keywords_罗湖区_2017-2020.csv"),
        (("kwic", "a/b c"), "kwic_a-b-c.csv"),
        ((), "table.csv"),
    ],
)
def test_csv_filename(parts, name):
    assert csv_filename(*parts) == name


def test_guessed_characters_are_marked_and_nothing_is_added():
    from explore.app.render import highlight_markdown
    from explore.ingest.marks import guessed_positions

    text, original = "推进强区放权改革", "推进\ufffd区放权改革"
    assert guessed_positions(text, original) == [2]
    assert highlight_markdown(text, ["改革"], guessed=[2]) == "推进:violet-background[强]区放权:orange-background[改革]"
    assert guessed_positions("长一些的文本", "短") == []
