#!/usr/bin/env bash
# Alembic's offline mode as people deploy with it: the SQL that
# `alembic upgrade --sql` prints, run by psql (offline.sh upgrade head).
cd "$(dirname "$0")" &&
/usr/bin/python3 -m alembic -c alembic.ini "$@" --sql >"${TMPDIR:-/tmp}/alembic-offline.$$.sql" &&
psql -X -q -v ON_ERROR_STOP=1 -f "${TMPDIR:-/tmp}/alembic-offline.$$.sql"
rc=$?
rm -f "${TMPDIR:-/tmp}/alembic-offline.$$.sql"
exit $rc
