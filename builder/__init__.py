"""Validate the events of Peru's 2025–2026 crisis record and compile them into a static site."""
