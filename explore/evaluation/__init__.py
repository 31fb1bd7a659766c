"""Measuring the tool: the labelled evaluation set's scores and ratchet (``scores``, ``dev``,
``repair``, run by ``python -m explore eval`` through ``run``) and the build benchmark
(``bench``). Above the store, beside the app: it loads corpora and reads their tables."""
