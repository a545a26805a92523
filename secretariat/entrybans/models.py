"""Common entry-ban register: the tables. Written only by services.py."""
