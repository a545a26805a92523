"""The audit's rules: each check a pure function from plain facts to the violations it finds."""
