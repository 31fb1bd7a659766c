"""Store: the corpus tables built from the ingested documents, their cache on disk, and the
queries and exports over them. Never imports app or streamlit."""

import pyarrow as pa

# pyarrow's default allocator (mimalloc) keeps the memory it frees: over a build's batches and an
# app's queries that is ~100 MiB a process held for nothing; the system's allocator gives it back.
pa.set_memory_pool(pa.system_memory_pool())
