"""The command line's face (``python -m explore``): the parsers, export's table names and
options (``tables``) and the sidecar that says what made an exported table (``provenance``).
The only place that parses arguments; it calls the same table definitions the pages call."""
