"""Analysis: pure functions over the corpus tables (keywords, concordance, themes, compare,
items, filters). Never imports store, app or streamlit."""
