"""Depositary: the tables. Written only by services.py."""
