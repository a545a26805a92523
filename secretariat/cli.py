"""The `secretariat` console command: Django's management commands under friendlier names.

`secretariat load-dataset csto` is `manage.py load_dataset csto`; any Django command works too.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        # Hyphenated spellings read better on a command line; Django modules need underscores.
        args[1] = args[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(args)
        sys.stdout.flush()  # here, where a closed pipe can still be handled
    except BrokenPipeError:
        # The reader went away (`secretariat entrybans export | head`): stop quietly, as other
        # command-line tools do, rather than with a traceback. Python would report the same
        # error again when flushing stdout at exit, so stdout goes to /dev/null first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":
    main()
