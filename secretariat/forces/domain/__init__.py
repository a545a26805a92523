"""Forces: the pure rules (no Django imports)."""
