"""Store: the corpus tables built from the ingested documents, their cache on disk, and the
queries and exports over them. Never imports app or streamlit."""
