"""Customs documents generator (fixture)."""
