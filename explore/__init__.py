"""explore: load, repair and analyse Chinese local-government reform documents.

The package core is pure (no streamlit): ``load.load_corpus`` gives the tables, the analysis
modules turn them into other tables; ``explore/app/`` (pages, ``cache.py``, ``computed.py``) is the app.
"""

__version__ = "0.1.0"
