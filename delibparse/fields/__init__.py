"""Field extractors; ``EXTRACTORS`` is the single registration point (filled as modules land)."""
