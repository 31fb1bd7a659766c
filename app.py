"""Streamlit entry point: page config and navigation, nothing else.

Run ``streamlit run app.py -- --corpus DIR`` (default ``seeds/``; or set EXPLORE_CORPUS).
"""

import streamlit as st

from explore.app.memory import release

# Upload workers are spawned processes, and spawn runs the parent's __main__ again, here as
# "__mp_main__": without this guard each worker would run the app bare and load the corpus.
if __name__ == "__main__":
    st.set_page_config(page_title="explore · reform documents", page_icon=":material/article:", layout="wide")

    def page(name: str, title: str, icon: str, **kw) -> st.Page:
        return st.Page(f"explore/app/pages/{name}.py", title=title, icon=f":material/{icon}:", **kw)

    # Named sections, every page in view (a newcomer finds Figures or SQL without "View more").
    pages = {
        "Start": [
            page("overview", "Overview", "library_books", default=True),
            page("uploads", "Your documents", "upload_file"),
            page("status", "Status", "monitor_heart"),
        ],
        "Read": [page("kwic", "Keyword in context", "search"), page("compare", "Side by side", "menu_book")],
        "Count": [
            page("keywords", "Keywords", "bar_chart"),
            page("themes", "Theme timelines", "timeline"),
            page("collocates", "Collocates", "join_inner"),
            page("ngrams", "N-gram clusters", "format_list_numbered"),
            page("network", "Co-occurrence network", "hub"),
            page("topics", "Topics", "category"),
        ],
        "Compare": [
            page("district", "District summary", "location_city"),
            page("reuse", "Text reuse", "content_copy"),
            page("diffusion", "Who said it first", "flag"),
        ],
        "Structure": [
            page("items", "Reform items", "checklist"),
            page("figures", "Figures in the text", "numbers"),
            page("codes", "Codes", "sell"),
            page("instruments", "Policy instruments", "construction"),
            page("followthrough", "Plans carried out", "task_alt"),
            page("coissuing", "Who issues with whom", "groups"),
        ],
        "Query": [page("sql", "SQL", "database")],
    }
    try:
        st.navigation(pages, expanded=True).run()
    finally:  # the page's tables, held in its namespace's reference cycle, freed now
        release()
