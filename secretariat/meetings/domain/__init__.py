"""Meetings and decisions: the pure rules (no Django imports)."""
