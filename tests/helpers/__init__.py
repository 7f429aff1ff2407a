"""Helpers shared by tests and benchmarks (importable as `helpers.*` from tests/)."""
