"""What is loaded, in a few plain values: for the Status page and ``python -m explore health`` (pure)."""

from __future__ import annotations

from explore.store.load import PIPELINE_VERSION, Corpus


def corpus_health(corpus: Corpus) -> dict[str, object]:
    """Corpus folder name, counts and cache key; ``status`` is 'ok' when at least one document loaded."""
    return {
        "status": "ok" if len(corpus.docs) else "empty",
        "corpus": corpus.root.name,
        "documents": len(corpus.docs),
        "paragraphs": len(corpus.paragraphs),
        "characters": int(corpus.docs["n_chars"].sum()) if len(corpus.docs) else 0,
        "skipped": len(corpus.skipped),
        "districts": int(corpus.docs["district"].replace("", None).nunique()),
        "cache_key": corpus.key,
        "pipeline_version": PIPELINE_VERSION,
    }
