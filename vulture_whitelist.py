"""Names vulture (dead-code finder) reports that are used, and why (``make lint`` runs it)."""

# explore/app/cache.py: ``_load(path, change_key)`` takes the folder's change key only so that
# Streamlit's cache keys on it: an edited folder gets a new entry.
change_key  # noqa: B018, F821
