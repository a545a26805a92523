"""Django settings, all driven by environment variables (see docs/operations.md).

The defaults give the embedded set-up: SQLite in the data directory, DEBUG off, a secret key
generated on first start. Production sets DATABASE_URL (PostgreSQL), SECRET_KEY and ALLOWED_HOSTS.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from secretariat.config.env import (
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
    persistent_secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent
# The organization served (see SECRETARIAT_DATASET below). Another organization's installation
# keeps its database and keys apart from the CSTO's (var/<dataset>/), so that
# `SECRETARIAT_DATASET=cis make run` works on a machine where the CSTO already runs.
_DATASET = env_str("SECRETARIAT_DATASET", "csto")
DATA_DIR = env_path(
    "SECRETARIAT_DATA_DIR",
    PROJECT_DIR / "var" if _DATASET == "csto" else PROJECT_DIR / "var" / _DATASET,
)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = persistent_secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",
    "secretariat.core",
    "secretariat.journal",
    "secretariat.members",
    "secretariat.depositary",
    "secretariat.meetings",
    "secretariat.forces",
    "secretariat.assistance",
    "secretariat.entrybans",
    "secretariat.datasets",
    "secretariat.audit",
    "secretariat.portal",
    "secretariat.api",
]

MIDDLEWARE = [
    "secretariat.core.middleware.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "secretariat.core.compression.CompressionMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "secretariat.core.languages.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "secretariat.core.middleware.SessionLifetimeMiddleware",
    # After authentication (it asks who is asking), before the views (a 304 skips them).
    "secretariat.core.http_cache.HttpCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "secretariat.core.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "secretariat.config.urls"
WSGI_APPLICATION = "secretariat.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "secretariat.core.context_processors.organization",
                "secretariat.core.context_processors.languages",
            ],
            # {% text %}, |day, |num in every template (secretariat/core/templatetags/bilingual.py).
            "builtins": ["secretariat.core.templatetags.bilingual"],
        },
    },
]

_default_database_url = f"sqlite:///{DATA_DIR / 'secretariat.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_database_url), conn_max_age=env_int("CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE: every write transaction takes SQLite's write lock when it starts, so two writers
    # queue instead of one failing half-way with "database is locked"; WAL lets readers go on.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns at start-up when it is missing
# Uploaded documents (instruments deposited by delegations) are kept in the data directory and
# served only through views that check who may see them, never as static files.
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/documents/"
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = DOCUMENT_MAX_BYTES + 1024 * 1024

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Sessions: an absolute lifetime (the cookie's age, never extended) and an idle timeout.
SESSION_COOKIE_AGE = env_int("SESSION_ABSOLUTE_SECONDS", 8 * 3600)
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind TLS (production) these turn on; the embedded default serves plain HTTP on loopback.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("BEHIND_TLS_PROXY", False):
    # The proxy terminates TLS and says so in this header; only set it behind such a proxy.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The content security policy: everything from this origin, nothing inline, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# The cache is shared by every worker process: login throttling and lockout must hold across
# workers. Production uses Redis (CACHE_URL=redis://host:6379/0); the embedded default keeps it in
# files in the data directory, which all workers on the machine share.
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

# Login: attempts allowed per username (and per address) before a lockout, and its length.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "secretariat")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "secretariat@localhost")
# Responses compressed with brotli or gzip (secretariat/core/compression.py), and public answers
# given ETag/Last-Modified from the journal head and answered 304 (secretariat/core/http_cache.py).
# Off only behind a proxy that does the same, or for the benchmark's baseline.
HTTP_COMPRESSION = env_bool("HTTP_COMPRESSION", True)
HTTP_CACHE_VALIDATORS = env_bool("HTTP_CACHE_VALIDATORS", True)
# The authority of the feeds' tag: URIs (RFC 4151): a domain the organization held on the date
# given, e.g. "odkb-csto.org,2002". The ids of every feed and entry are built on it, so it is set
# once and never changed; the default is a reserved name that no one else can own.
FEED_TAG_AUTHORITY = env_str("FEED_TAG_AUTHORITY", "secretariat.invalid,2026")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        # Security events: UTC timestamps, one line each, user input already escaped.
        "security": {"()": "secretariat.core.security_log.UtcFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "security": {"class": "logging.StreamHandler", "formatter": "security"},
    },
    "loggers": {
        "secretariat.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# The organization whose dataset this installation serves (another organization: another dataset).
# What the code knows of the organization is read from the dataset's organization.json
# (secretariat/core/organization.py, docs/datasets.md), found in SECRETARIAT_DATASET_DIR when set
# (a dataset kept outside the package), else in secretariat/datasets/<SECRETARIAT_DATASET>/.
SECRETARIAT_DATASET = _DATASET
SECRETARIAT_DATASET_DIR = env_str("SECRETARIAT_DATASET_DIR", "")

# The journal's checkpoints are signed with an Ed25519 key kept outside the database (a file,
# created on first use with mode 0600); the origin line names this log in every checkpoint.
JOURNAL_SIGNING_KEY_FILE = env_path("JOURNAL_SIGNING_KEY_FILE", DATA_DIR / "journal-signing.key")
# Empty: the dataset's organization.json `journal_origin` (secretariat/journal/checkpoints.py).
JOURNAL_ORIGIN = env_str("JOURNAL_ORIGIN", "")
