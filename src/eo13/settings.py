"""EO13 settings, read from the environment.

With nothing set, EO13 serves from the embedded SQLite database in ``var/``. ``EO13_ENV=production`` turns on
every safety the deployment checklist asks for and refuses to start with a weak secret or DEBUG on.
"""

from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from eo13.accounts.passkey_origin import passkey_relying_party
from eo13.ops.databases import databases_from_env

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(environ.Env().str("EO13_VAR_DIR", default=str(PROJECT_DIR / "var")))

env = environ.Env()

EO13_ENV = env.str("EO13_ENV", default="development")
PRODUCTION = EO13_ENV == "production"
DEBUG = env.bool("DEBUG", default=False)
DEV_SECRET_KEY = "eo13-development-only-secret-key-not-for-production-use-0000000000"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("EO13_ENV=production refuses to start with DEBUG on.")
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("EO13_ENV=production needs a real SECRET_KEY (at least 50 random characters).")

# Demo accounts are for trying EO13 out; they must never exist in production.
EO13_DEMO = env.bool("EO13_DEMO", default=False) and not PRODUCTION

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_htmx",
    "axes",
    "mozilla_django_oidc",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django_tasks_db",
    "eo13.audit",
    "eo13.agencies",
    "eo13.accounts",
    "eo13.web",
    "eo13.access",
    "eo13.obligations",
    "eo13.privacy",
    "eo13.policies",
    "eo13.training",
    "eo13.committee",
    "eo13.detainers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "eo13.web.middleware.HostileInputMiddleware",
    "eo13.web.middleware.NoStoreMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "eo13.web.middleware.StaffLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "eo13.accounts.session_policy.SessionPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "eo13.web.errors.ServiceErrorMiddleware",
]

ROOT_URLCONF = "eo13.urls"
WSGI_APPLICATION = "eo13.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eo13.web.context_processors.eo13",
            ],
        },
    },
]

# Database: SQLite embedded by default, PostgreSQL in production and CI (DATABASE_URL).
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES, DATABASE_ROUTERS = databases_from_env(env, VAR_DIR)  # and DATABASE_REPLICA_URL (issue 14)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "eo13.accounts.backends.LocalPasswordBackend",
    "eo13.accounts.oidc.CitySignInBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "login"

# City sign-in (issue 15): OpenID Connect, authorization code flow with PKCE (mozilla-django-oidc). The endpoints
# come from the issuer's discovery document, read when first needed.
EO13_OIDC_ISSUER = env.str("EO13_OIDC_ISSUER", default="").rstrip("/")
OIDC_RP_CLIENT_ID = env.str("EO13_OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("EO13_OIDC_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env.str("EO13_OIDC_SCOPES", default="openid email profile")
OIDC_RP_SIGN_ALGO = env.str("EO13_OIDC_SIGN_ALGO", default="RS256")
EO13_OIDC_GROUPS_CLAIM = env.str("EO13_OIDC_GROUPS_CLAIM", default="groups")
EO13_OIDC_EMPLOYEE_ID_CLAIM = env.str("EO13_OIDC_EMPLOYEE_ID_CLAIM", default="employee_id")
# `amr` values (RFC 8176) that show the provider already asked for a second factor.
EO13_OIDC_MFA_AMR = env.list("EO13_OIDC_MFA_AMR", default=["mfa", "otp", "hwk", "fido"])
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True  # kept for the provider's logout (id_token_hint)
OIDC_TIMEOUT = 10
OIDC_CREATE_USER = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
# Local passwords: break-glass accounts and the demo. EO13_LOCAL_LOGIN=0 turns them off.
EO13_LOCAL_LOGIN = env.bool("EO13_LOCAL_LOGIN", default=True)
# Second factor for privileged roles. The demo may skip it; production never does.
EO13_MFA_REQUIRED = env.bool("EO13_MFA_REQUIRED", default=not EO13_DEMO) or PRODUCTION
OTP_TOTP_ISSUER = "EO13 (NYC)"
# Sessions: idle timeout per role, and an absolute one.
EO13_IDLE_MINUTES_PRIVILEGED = env.int("EO13_IDLE_MINUTES_PRIVILEGED", default=30)
EO13_IDLE_MINUTES_FRONTLINE = env.int("EO13_IDLE_MINUTES_FRONTLINE", default=12 * 60)
EO13_SESSION_ABSOLUTE_HOURS = env.int("EO13_SESSION_ABSOLUTE_HOURS", default=12)


# Sign-in throttling (eo13.accounts.throttle): by address + account and by account, with growing waits; a browser
# that signed in before (device cookie) is not slowed by other people's failures. django-axes only records attempts.
EO13_TRUSTED_PROXIES = env.list("EO13_TRUSTED_PROXIES", default=[])
EO13_SIGNIN_FREE_TRIES = env.int("EO13_SIGNIN_FREE_TRIES", default=5)
EO13_SIGNIN_ACCOUNT_FREE_TRIES = env.int("EO13_SIGNIN_ACCOUNT_FREE_TRIES", default=10)
EO13_SIGNIN_FIRST_WAIT = 60  # seconds; doubles with each further failure
EO13_SIGNIN_MAX_WAIT = 3600
AXES_LOCK_OUT_AT_FAILURE = False
AXES_FAILURE_LIMIT = EO13_SIGNIN_FREE_TRIES
AXES_COOLOFF_TIME = 24  # hours axes keeps an attempt record
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "token", "username"]
AXES_USERNAME_CALLABLE = "eo13.accounts.throttle.scrubbed_username"
AXES_CLIENT_IP_CALLABLE = "eo13.accounts.client_ip.client_ip_or_none"

# API tokens expire this many days after they are made.
EO13_TOKEN_DAYS = env.int("EO13_TOKEN_DAYS", default=90)
# On PostgreSQL each app process remembers API token reads for up to a minute and forgets them when the database
# says sign-in data changed (eo13.accounts.token_cache); 0 reads the token on every request.
EO13_TOKEN_CACHE = env.bool("EO13_TOKEN_CACHE", default=True)
# The audit chain's HMAC key; kept out of the database. Unset: derived from SECRET_KEY. Changing either breaks
# `eo13 audit-verify` for entries written before, so keep it stable.
EO13_AUDIT_KEY = env.str("EO13_AUDIT_KEY", default="")
# How many writers' chains a decision's audit entry may go to (eo13.audit.fast_append): at least the app threads
# of all app servers together, so each thread keeps one to itself. Each adds one head to every checkpoint.
EO13_AUDIT_WRITER_CHAINS = env.int("EO13_AUDIT_WRITER_CHAINS", default=32)

# Time: stored in UTC, shown in New York; deadlines are New York dates.
USE_TZ = True
TIME_ZONE = "America/New_York"
USE_I18N = True
LANGUAGE_CODE = "en"
# English and the ten designated citywide languages (Local Law 30 of 2017), in the order DATA.md lists them.
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("zh-hant", "繁體中文"),
    ("ru", "Русский"),
    ("bn", "বাংলা"),
    ("ht", "Kreyòl ayisyen"),
    ("ko", "한국어"),
    ("ar", "العربية"),
    ("ur", "اردو"),
    ("fr", "Français"),
    ("pl", "Polski"),
]
LANGUAGES_BIDI = ["ar", "ur", "he", "fa"]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "staticfiles"  # filled by `eo13 collectstatic` in production
if not PRODUCTION:
    STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing folder; in development the finders serve
# USWDS comes from its npm package (installed by `make setup`), served as it ships.
STATICFILES_DIRS = [("uswds", PROJECT_DIR / "node_modules" / "@uswds" / "uswds" / "dist")]
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "media")},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploaded evidence is never served by URL; views stream it after a permission check.
MEDIA_URL = "/media-is-never-served/"

# Request size limits: a clear 400 instead of a server working through a huge body.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1 * 1024 * 1024
# Lists page with a bounded limit and offset (issue 9: a huge offset overflowed the database).
NINJA_PAGINATION_CLASS = "eo13.api_limits.BoundedPagination"
NINJA_PAGINATION_MAX_LIMIT = 500
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
EO13_MAX_UPLOAD_BYTES = env.int("EO13_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)

# Mail: EMAIL_URL such as smtp://user:pass@host:587/?tls=True; with none, mail is written to files in var/mail.
_email = env.email_url("EMAIL_URL", default="smtp://localhost:25" if PRODUCTION else "filemail://")
if _email.get("EMAIL_BACKEND") == "django.core.mail.backends.filebased.EmailBackend":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": _email.get("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")},
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": _email["EMAIL_BACKEND"],
            "OPTIONS": {
                "host": _email.get("EMAIL_HOST"),
                "port": _email.get("EMAIL_PORT"),
                "username": _email.get("EMAIL_HOST_USER") or None,
                "password": _email.get("EMAIL_HOST_PASSWORD") or None,
                "use_tls": bool(_email.get("EMAIL_USE_TLS")),
                "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
                "timeout": 10,
            },
        }
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="EO13 <eo13-noreply@example.nyc.test>")

# Background work: Django's tasks framework with the database-backed worker (django-tasks-db).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "eo13"}}
if env.str("CACHE_URL", default=""):
    CACHES = {"default": env.cache_url("CACHE_URL")}

# Security headers. The CSP allows only our own scripts and styles; no inline script anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = EO13_SESSION_ABSOLUTE_HOURS * 60 * 60
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_NAME = "__Host-eo13-session"
    CSRF_COOKIE_NAME = "__Host-eo13-csrf"
SILENCED_SYSTEM_CHECKS: list[str] = []

# Logs never carry request bodies; the privacy filter scrubs identifiers from every message as a second guard.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "eo13.privacy_filter.ScrubFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["scrub"]},
        "file": {
            "class": "logging.FileHandler",
            "filename": str(VAR_DIR / "eo13.log"),
            "formatter": "plain",
            "filters": ["scrub"],
        },
    },
    "root": {"handlers": ["console", "file"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "INFO"},
        "axes": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50
# Data retention in days per record type; `eo13 purge` applies it.
EO13_RETENTION_DAYS = {
    "decision_log": env.int("EO13_RETAIN_DECISIONS_DAYS", default=3 * 365),
    "encounter": env.int("EO13_RETAIN_ENCOUNTERS_DAYS", default=6 * 365),
}

# Absolute links in e-mails and calendar feeds; the day-counting convention of every date (eo13.deadlines).
EO13_BASE_URL = env.str("EO13_BASE_URL", default="" if PRODUCTION else "http://127.0.0.1:8000")
# Passkeys: a second factor only, TOTP the fallback (issue 15); host and origin follow EO13_BASE_URL by default.
_passkey_host, _passkey_origin = passkey_relying_party(EO13_BASE_URL, ALLOWED_HOSTS)
OTP_WEBAUTHN_RP_ID = env.str("EO13_PASSKEY_RP_ID", default=_passkey_host)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list("EO13_PASSKEY_ORIGINS", default=[_passkey_origin])
OTP_WEBAUTHN_HELPER_CLASS = "eo13.accounts.passkeys.PasskeyHelper"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "EO13 (NYC)"
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "eo13.accounts.passkeys"
EO13_DEADLINE_CONVENTION = env.str("EO13_DEADLINE_CONVENTION", default="calendar")

# --- Production and scale (issue 14): many processes, one truth; observability. -------------------------------
INSTALLED_APPS += ["eo13.ops"]
# First, so the request id is set before anything logs and the time covers the whole request.
MIDDLEWARE.insert(0, "eo13.ops.middleware.RequestLogMiddleware")
if env.str("CACHE_URL", default=""):
    # Sessions in the shared cache, backed by the database so a Redis restart signs no one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="eo13"))
# The API's rate limits (django-ninja's "N/s|m|h|d"), kept in the cache: shared by all workers on Redis.
EO13_API_RATE = env.str("EO13_API_RATE", default="600/m")
EO13_ANON_RATE = env.str("EO13_ANON_RATE", default="60/m")
# /metrics: a bearer token, or a direct (not proxied) request from one of these addresses or networks.
EO13_METRICS_TOKEN = env.str("EO13_METRICS_TOKEN", default="")
EO13_METRICS_ALLOW = env.list("EO13_METRICS_ALLOW", default=["127.0.0.1/32", "::1/128"])
# Logs as JSON lines with the request id (LOG_FORMAT=plain for the old one-line text).
_logging: dict[str, Any] = LOGGING
_logging["filters"]["request_id"] = {"()": "eo13.ops.logs.RequestIdFilter"}
_logging["formatters"]["json"] = {"()": "eo13.ops.logs.JsonFormatter"}
for _handler in _logging["handlers"].values():
    _handler["filters"] = [*_handler["filters"], "request_id"]
    if env.str("LOG_FORMAT", default="json") == "json":
        _handler["formatter"] = "json"
_logging["loggers"]["eo13.request"] = {"level": env.str("REQUEST_LOG_LEVEL", default="INFO")}
