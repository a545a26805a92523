#!/usr/bin/env python
"""Django's management entry point; `secretariat <command>` is the same thing, installed."""

from secretariat.cli import main

if __name__ == "__main__":
    main()
