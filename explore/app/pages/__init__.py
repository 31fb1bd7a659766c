"""Streamlit pages: thin top-to-bottom scripts (widgets → cached call → table/chart + CSV)."""
