"""Plumbing with no domain knowledge: progress and cancel, retries, batching, LIKE escaping."""
