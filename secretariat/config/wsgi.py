"""WSGI entry point used by gunicorn (`secretariat serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
application = get_wsgi_application()
