"""What is loaded, in a few plain values: for the Status page and ``python -m explore health`` (pure)."""

from __future__ import annotations

from explore.store.corpus import Corpus
from explore.store.load import PIPELINE_VERSION


def corpus_health(corpus: Corpus) -> dict[str, object]:
    """Corpus folder name, counts and cache key; ``status`` is 'ok' when at least one document loaded;
    ``cache`` says whether the tables came from the cache, were built, or were rebuilt because the
    cached ones were damaged (and why)."""
    rebuilt = corpus.stats.get("rebuilt")
    built = "read from the cache" if corpus.stats.get("cached") else "built"
    return {
        "status": "ok" if len(corpus.docs) else "empty",
        "corpus": corpus.root.name,
        "documents": len(corpus.docs),
        "paragraphs": corpus.count("paragraphs"),
        "characters": int(corpus.docs["n_chars"].sum()) if len(corpus.docs) else 0,
        "skipped": len(corpus.skipped),
        "districts": int(corpus.docs["district"].replace("", None).nunique()),
        "cache_key": corpus.key,
        "cache": f"rebuilt: the cached tables were damaged ({rebuilt})" if rebuilt else built,
        "pipeline_version": PIPELINE_VERSION,
    }
