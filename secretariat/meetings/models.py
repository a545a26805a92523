"""Meetings and decisions: the tables. Written only by services.py."""
