"""Streamlit entry point: page config and navigation, nothing else.

Run ``streamlit run app.py -- --corpus DIR`` (default ``seeds/``; or set EXPLORE_CORPUS).
"""

import streamlit as st

st.set_page_config(page_title="explore · reform documents", page_icon="📜", layout="wide")

pages = [
    st.Page("explore/pages/overview.py", title="Overview", icon="📚", default=True),
    st.Page("explore/pages/district.py", title="District summary", icon="🏙️"),
    st.Page("explore/pages/keywords.py", title="Keywords", icon="🔤"),
    st.Page("explore/pages/themes.py", title="Theme timelines", icon="📈"),
    st.Page("explore/pages/kwic.py", title="Keyword in context", icon="🔎"),
    st.Page("explore/pages/compare.py", title="Side by side", icon="📖"),
]
st.navigation(pages).run()
