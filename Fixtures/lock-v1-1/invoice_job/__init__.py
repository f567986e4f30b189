"""Nightly invoice export (fixture)."""
