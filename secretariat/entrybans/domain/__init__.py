"""Common entry-ban register: the pure rules (no Django imports)."""
