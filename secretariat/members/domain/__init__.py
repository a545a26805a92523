"""Membership rules in pure Python: statuses from dated events, office terms, indicators."""
