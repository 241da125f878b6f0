"""Fitting, storing and loading the similarity model (one active version shared by all processes)."""

from __future__ import annotations


def matcher_refit() -> int | None:
    """Fit on all published programs, write the model atomically, activate it; returns the version."""
    # Placeholder until the similarity model lands.
    return None
