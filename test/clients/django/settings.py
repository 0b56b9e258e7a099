# Django settings for the recorder's client test: one app, PostgreSQL from
# the PG* environment (the driver sets PGHOST, PGPORT, PGUSER, PGDATABASE).
import os

SECRET_KEY = "postmortem-test"
INSTALLED_APPS = ["shop"]
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
