"""App: the Streamlit side (cache, uploads, rendering, pages), the only place that imports
streamlit."""
