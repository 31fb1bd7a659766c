"""Ingest: one document at a time, from bytes to tokens (read, repair, clean, script,
metadata, gazetteer, segment). Imports nothing from analysis, store or app."""
