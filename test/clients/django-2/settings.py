# Django settings for the recorder's second client project: three apps (one
# depends on another, one has a squashed migration), PostgreSQL from the PG*
# environment.
import os

SECRET_KEY = "postmortem-test"
INSTALLED_APPS = ["catalog", "orders", "legacy"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ["PGDATABASE"],
        "USER": os.environ["PGUSER"],
        "HOST": os.environ["PGHOST"],
        "PORT": os.environ["PGPORT"],
    }
}
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
