"""Every view in its address: set a page's controls, open the link to this view in a fresh
browser, and find the same control values and the same first table row."""

from __future__ import annotations

import re

import pytest

from tests.e2e.server import running_app, wait_for_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


def _settle(page) -> None:
    wait_for_page(page)
    page.wait_for_timeout(1500)
    wait_for_page(page)


def _state_within(page, probes, expected, *, seconds: float = 20.0):
    """The controls' state once it is ``expected``, or as it stands after ``seconds``: a page
    still rendering on a loaded machine (a select drawn before its options) is read again."""
    state = _state(page, probes)
    for _ in range(int(seconds)):
        if state == expected:
            break
        page.wait_for_timeout(1000)
        state = _state(page, probes)
    return state


def _link_within(page, *, seconds: float = 20.0) -> str:
    """The link box once it shows the address the browser is at (a rerun still running on a
    loaded machine draws the box late), or as it stands after ``seconds``."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]')
    link = box.inner_text().strip()
    for _ in range(int(seconds)):
        if link.replace("/?", "?").rstrip("/") == page.url.replace("/?", "?").rstrip("/"):
            break
        page.wait_for_timeout(1000)
        link = box.inner_text().strip()
    return link


def _moved_from(page, address: str, *, seconds: float = 20.0) -> None:
    """Wait until the browser's address is no longer ``address``: a control's rerun on a loaded
    machine writes it late (a typed 增长 missing from the link read right after), or ``seconds``."""
    for _ in range(int(seconds)):
        if page.url != address:
            break
        page.wait_for_timeout(1000)
    wait_for_page(page)


def _type(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Enter")


def _type_area(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Control+Enter")


def _radio(page, label: str, option: str) -> None:
    page.locator('[data-testid="stRadio"]').filter(has_text=label).get_by_text(option, exact=True).click()


def _choose(page, label: str | re.Pattern, option: str, *, where: str = "") -> None:
    """A selectbox or multiselect: open it by its label and click the option."""
    scope = page.locator(where) if where else page
    scope.locator('[data-testid="stSelectbox"], [data-testid="stMultiSelect"]').filter(has_text=label).first.click()
    page.keyboard.type(option)  # long lists draw only the options in view: filter first
    page.get_by_role("option", name=option).first.click()
    page.keyboard.press("Escape")


def _choose_in_main(page, label: str, option: str) -> None:
    """The same, for a label the sidebar also uses (District)."""
    _choose(page, label, option, where='[data-testid="stMain"]')


def _slider_right(page, label: str, steps: int = 2) -> None:
    thumb = page.locator('[data-testid="stSlider"]').filter(has_text=label).get_by_role("slider").first
    thumb.focus()
    for _ in range(steps):
        thumb.press("ArrowRight")


def _state(page, probes: list[tuple[str, str]]) -> list[str]:
    """What the reader sees of each control and the first row of the first table."""
    out = []
    for kind, label in probes:
        if kind == "text":
            out.append(page.get_by_label(label, exact=True).input_value())
        elif kind == "radio":
            radio = page.locator('[data-testid="stRadio"]').filter(has_text=label)
            # the checked input sits in a hidden span; its option's text is the label's around it
            out.append(radio.locator("input:checked").first.evaluate("e => e.closest('label').innerText"))
        elif kind in ("select", "select-main"):
            scope = page.locator('[data-testid="stMain"]') if kind == "select-main" else page
            box = (
                scope.locator('[data-testid="stSelectbox"], [data-testid="stMultiSelect"]').filter(has_text=label).first
            )
            # a selectbox shows its value in its input; a multiselect in its chips
            values = [i.input_value() for i in box.locator("input").all()]
            out.append(box.inner_text() + " " + " ".join(values))
        elif kind == "toggle":
            box = page.locator('[data-testid="stCheckbox"]').filter(has_text=label).first
            out.append(str(box.locator("input").is_checked()))
        elif kind == "slider":
            slider = page.locator('[data-testid="stSlider"]').filter(has_text=label)
            # each thumb is an input of type range (the first: a range slider's left end)
            out.append(slider.get_by_role("slider").first.input_value())
    # the first row's first cells (the grid draws far columns only once scrolled to)
    rows = page.locator('[data-testid="stDataFrame"]').first.locator("[role=row]")
    cells = rows.nth(1).locator("[role=gridcell]") if rows.count() > 1 else None
    out.append(" | ".join(cells.nth(i).inner_text() for i in range(min(3, cells.count()))) if cells else "")
    return out


def _toggle(page, label: str) -> None:
    page.locator('[data-testid="stCheckbox"]').filter(has_text=label).first.click()


# page, what to do, what to read back: every control a page keeps in its address
VIEWS = [
    ("kwic", [(_type, "Terms", "放管服"), (_radio, "Search", "As written"), (_slider_right, "Context (characters)"),
              (_choose, "Sort by", "R1")],
     [("text", "Terms"), ("radio", "Search"), ("slider", "Context (characters)"), ("select", "Sort by")]),
    ("keywords", [(_radio, "Part of speech", "nouns"), (_slider_right, "Top N"), (_slider_right, "Minimum length (characters)", 1),
                  (_type, "Extra stopwords (this session only)", "推进"), (_choose, "Term", "营商环境")],
     [("radio", "Part of speech"), ("slider", "Top N"), ("slider", "Minimum length (characters)"),
      ("text", "Extra stopwords (this session only)"), ("select", "Term")]),
    ("district", [(_choose_in_main, "District", "罗湖区"), (_choose, "Compared with", "龙岗区"),
                  (_toggle, "Leave out place names"), (_toggle, "Only significant terms")],
     [("select-main", "District"), ("select", "Compared with"), ("toggle", "Leave out place names"),
      ("toggle", "Only significant terms")]),
    ("themes", [(_choose, "Theme", "人才"), (_choose_in_main, "District", "罗湖区"), (_choose, "Year", "2020")],
     [("select", "Theme"), ("select-main", "District"), ("select", "Year")]),
    ("items", [(_choose, "Level", "measure"), (_choose, "Lead unit or leader", "区委组织部"), (_choose, re.compile("^Section"), "review"),
               (_choose, "Theme", "人才")],
     [("select", "Level"), ("select", "Lead unit or leader"), ("select", re.compile("^Section")), ("select", "Theme")]),
    ("compare", [(_radio, "Text", "As written"), (_type, "Highlight terms", "改革"), (_choose, "…or a theme's terms", "人才"),
                 (_slider_right, "Pair paragraphs at similarity of at least"), (_type, "Go to left paragraph", "3")],
     [("radio", "Text"), ("text", "Highlight terms"), ("select", "…or a theme's terms"),
      ("slider", "Pair paragraphs at similarity of at least"), ("text", "Go to left paragraph")]),
    ("compare", [(_choose, "Left document", "福田区"), (_choose, "Right document", "坪山区"), (_radio, "Mode", "Whole documents")],
     [("select", "Left document"), ("select", "Right document"), ("radio", "Mode")]),
    ("reuse", [(_slider_right, "Least similarity of a pair"), (_choose, "Kind", "across districts")],
     [("slider", "Least similarity of a pair"), ("select", "Kind")]),
    ("diffusion", [(_type, "Terms", "改革"), (_choose, "…or a theme's terms", "人才")],
     [("text", "Terms"), ("select", "…or a theme's terms")]),
    ("figures", [(_choose, "Kind", "share"), (_choose, "Result or target", "target"), (_type, "Sentence contains", "增长")],
     [("select", "Kind"), ("select", "Result or target"), ("text", "Sentence contains")]),
    ("codes", [(_choose, "Paragraphs of code", "information")], [("select", "Paragraphs of code")]),
    ("instruments", [(_choose, "Second dimension", "theme"), (_radio, "Colour by", "share of the column")],
     [("select", "Second dimension"), ("radio", "Colour by")]),
    ("followthrough", [(_slider_right, "Least similarity")], [("slider", "Least similarity")]),
    ("coissuing", [(_radio, "Lines", "one a year"), (_slider_right, "Fewest joint documents a line")],
     [("radio", "Lines"), ("slider", "Fewest joint documents a line")]),
    ("collocates", [(_type, "Term", "营商环境"), (_slider_right, "Window (tokens each side)"), (_choose, "Sort by", "mi")],
     [("text", "Term"), ("slider", "Window (tokens each side)"), ("select", "Sort by")]),
    ("ngrams", [(_slider_right, "Tokens in a row", 1), (_type, "Holding", "改革")],
     [("slider", "Tokens in a row"), ("text", "Holding")]),
    ("network", [(_slider_right, "Terms"), (_choose, "Measure", "Dice"), (_radio, "Place names", "keep")],
     [("slider", "Terms"), ("select", "Measure"), ("radio", "Place names")]),
    ("topics", [(_slider_right, "Topics"), (_radio, "Model", "documents"), (_choose, "Topic", "3")],
     [("slider", "Topics"), ("radio", "Model"), ("select", "Topic")]),
    ("sql", [(_type_area, "Query", "SELECT term, sum(count) AS n FROM terms GROUP BY term ORDER BY n DESC LIMIT 5")],
     [("text", "Query")]),
    ("", [(_choose, "District", "罗湖区"), (_slider_right, "Years"), (_choose, "Document type", "news report")],
     [("select", "District"), ("slider", "Years"), ("select", "Document type")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "actions", "probes"),
    VIEWS,
    ids=[v[0] + ("-whole" if v[0] == "compare" and "Mode" in str(v[1]) else "") or "overview" for v in VIEWS],
)
def test_a_view_opens_the_same_from_its_link(browser, app_url, path, actions, probes):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{app_url}/{path}")
    _settle(page)
    before = _state(page, probes)
    for action, *args in actions:
        address = page.url
        action(page, *args)
        _settle(page)
        _moved_from(page, address)
    seen = _state(page, probes)
    assert seen[:-1] != before[:-1], "the controls were not changed"
    link = _link_within(page)
    assert link.startswith(app_url)
    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    other = fresh.new_page()
    other.goto(link)
    _settle(other)
    assert _state_within(other, probes, seen) == seen, f"opened from {link}"
    fresh.close()
    page.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_side_by_side_shows_every_paragraph_whole_and_marks_shared_wording(browser, app_url, width):
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(f"{app_url}/compare?left=001_3c0b11c1ebd16181&right=004_dfc0eb8523fa337d&cmp_min=0.1")
    _settle(page)
    paragraphs = page.locator('[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"]').filter(
        has_text="¶"
    )
    assert paragraphs.count() >= 40
    clipped = paragraphs.evaluate_all(
        "els => els.filter(e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).length"
    )
    assert clipped == 0
    # shared wording is marked inside the paragraphs (green), not only in the legend
    marked = paragraphs.locator(".stMarkdownColoredBackground").evaluate_all(
        "els => els.filter(e => getComputedStyle(e).backgroundColor === 'rgb(241, 251, 246)').length"
    )
    assert marked > 0
    assert "None" not in page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    page.close()


def _click_first_row(page, grid=None) -> None:
    """Select the first row of ``grid`` (the page's first table by default)."""
    grid = grid or page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # the first row's selection mark, at the grid's left edge under the header row: one click
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)


def test_a_collocate_opens_the_lines_holding_both(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{app_url}/collocates?col_term=%E6%94%B9%E9%9D%A9")
    _settle(page)
    _click_first_row(page)
    page.wait_for_url("**/kwic?**", timeout=30_000)
    _settle(page)
    assert "kwic_with=" in page.url
    assert page.get_by_label("Line also holds", exact=True).input_value() != ""
    page.close()


def test_a_topic_document_opens_in_the_reader(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{app_url}/topics?tp_k=4")
    _settle(page)
    _click_first_row(page, page.locator('[data-testid="stDataFrame"]').last)  # the documents of a topic
    page.wait_for_url("**/compare?**", timeout=30_000)
    assert "left=" in page.url
    page.close()


def test_a_concordance_line_opens_its_passage_in_the_reader(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{app_url}/kwic?kwic_query=%E6%94%BE%E7%AE%A1%E6%9C%8D")
    _settle(page)
    _click_first_row(page)
    page.wait_for_url("**/compare?**", timeout=30_000)
    _settle(page)
    assert "para=" in page.url
    assert page.get_by_text("▶ Left ¶").count() >= 1
    page.close()
