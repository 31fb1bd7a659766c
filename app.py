"""Streamlit entry point: page config and navigation, nothing else.

Run ``streamlit run app.py -- --corpus DIR`` (default ``seeds/``; or set EXPLORE_CORPUS).
"""

import streamlit as st

st.set_page_config(page_title="explore · reform documents", page_icon=":material/article:", layout="wide")

pages = [
    st.Page("explore/pages/overview.py", title="Overview", icon=":material/library_books:", default=True),
    st.Page("explore/pages/uploads.py", title="Your documents", icon=":material/upload_file:"),
    st.Page("explore/pages/district.py", title="District summary", icon=":material/location_city:"),
    st.Page("explore/pages/keywords.py", title="Keywords", icon=":material/bar_chart:"),
    st.Page("explore/pages/themes.py", title="Theme timelines", icon=":material/timeline:"),
    st.Page("explore/pages/items.py", title="Reform items", icon=":material/checklist:"),
    st.Page("explore/pages/kwic.py", title="Keyword in context", icon=":material/search:"),
    st.Page("explore/pages/compare.py", title="Side by side", icon=":material/menu_book:"),
    st.Page("explore/pages/status.py", title="Status", icon=":material/monitor_heart:"),
]
st.navigation(pages).run()
