#!/usr/bin/env bash
# Django's own migrate command: migrate.sh [app [target]] [--fake]
cd "$(dirname "$0")" && PYTHONPATH=. DJANGO_SETTINGS_MODULE=settings exec /usr/bin/python3 -m django migrate -v 0 "$@"
