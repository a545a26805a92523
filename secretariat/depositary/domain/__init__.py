"""Depositary: the pure rules (no Django imports)."""
