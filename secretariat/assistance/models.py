"""Collective assistance: the tables. Written only by services.py."""
