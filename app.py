"""Streamlit entry point: page config and navigation, nothing else.

Run ``streamlit run app.py -- --corpus DIR`` (default ``seeds/``; or set EXPLORE_CORPUS).
"""

import streamlit as st

# Upload workers are spawned processes, and spawn runs the parent's __main__ again, here as
# "__mp_main__": without this guard each worker would run the app bare and load the corpus.
if __name__ == "__main__":
    st.set_page_config(page_title="explore · reform documents", page_icon=":material/article:", layout="wide")

    pages = [
        st.Page("explore/app/pages/overview.py", title="Overview", icon=":material/library_books:", default=True),
        st.Page("explore/app/pages/uploads.py", title="Your documents", icon=":material/upload_file:"),
        st.Page("explore/app/pages/district.py", title="District summary", icon=":material/location_city:"),
        st.Page("explore/app/pages/keywords.py", title="Keywords", icon=":material/bar_chart:"),
        st.Page("explore/app/pages/themes.py", title="Theme timelines", icon=":material/timeline:"),
        st.Page("explore/app/pages/items.py", title="Reform items", icon=":material/checklist:"),
        st.Page("explore/app/pages/kwic.py", title="Keyword in context", icon=":material/search:"),
        st.Page("explore/app/pages/compare.py", title="Side by side", icon=":material/menu_book:"),
        st.Page("explore/app/pages/reuse.py", title="Text reuse", icon=":material/content_copy:"),
        st.Page("explore/app/pages/diffusion.py", title="Who said it first", icon=":material/flag:"),
        st.Page("explore/app/pages/figures.py", title="Figures in the text", icon=":material/numbers:"),
        st.Page("explore/app/pages/codes.py", title="Codes", icon=":material/sell:"),
        st.Page("explore/app/pages/collocates.py", title="Collocates", icon=":material/join_inner:"),
        st.Page("explore/app/pages/ngrams.py", title="N-gram clusters", icon=":material/format_list_numbered:"),
        st.Page("explore/app/pages/network.py", title="Co-occurrence network", icon=":material/hub:"),
        st.Page("explore/app/pages/topics.py", title="Topics", icon=":material/category:"),
        st.Page("explore/app/pages/sql.py", title="SQL", icon=":material/database:"),
        st.Page("explore/app/pages/status.py", title="Status", icon=":material/monitor_heart:"),
    ]
    st.navigation(pages).run()
