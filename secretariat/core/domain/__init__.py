"""Pure rules shared by every app: actors, roles, the permission table, errors. No Django here."""
