"""WSGI entry point used by gunicorn (`secretariat serve`).

With SECRETARIAT_PRELOAD_SCREENING=1 (set by `serve`, which also passes gunicorn `--preload`) the
screening index is built here, once, in gunicorn's parent process, before the workers are forked.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
application = get_wsgi_application()

if os.environ.get("SECRETARIAT_PRELOAD_SCREENING") == "1":
    from secretariat.entrybans.registry import warm

    warm()
