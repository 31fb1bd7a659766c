"""Streamlit entry point: page config and navigation, nothing else.

Run ``streamlit run app.py -- --corpus DIR`` (default ``seeds/``; or set EXPLORE_CORPUS).
"""

import streamlit as st

st.set_page_config(page_title="explore · reform documents", page_icon="📜", layout="wide")

pages = [
    st.Page("explore/pages/overview.py", title="Overview", icon="📚", default=True),
]
st.navigation(pages).run()
