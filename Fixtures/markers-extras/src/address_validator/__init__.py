"""Address validation worker (fixture)."""
