"""Collective assistance: the pure rules (no Django imports)."""
