"""The store gives pyarrow's freed memory back (``explore.store``'s memory pool)."""

import pyarrow as pa

import explore.store  # noqa: F401


def test_arrow_allocates_from_the_system_pool():
    # mimalloc, arrow's default here, kept ~100 MiB a build process had freed (bench/scale.py)
    assert pa.default_memory_pool().backend_name == "system"
