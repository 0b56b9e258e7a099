#!/usr/bin/env bash
# `make demo`: install what is missing, build and install the extension, start
# a throwaway PostgreSQL, load the seed postmortems, replay a bad migration and
# show what postmortem finds.  The server stays up afterwards so you can look
# around; the last lines say how to connect and how to stop it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash test/support/deps.sh
. test/support/server.sh
. demo/clock.sh

dir=/tmp/postmortem-demo
pm_server_stop "$dir"
rm -rf "$dir"

exec 9>/tmp/postmortem-test.lock
flock 9
make -s
make -s install >/dev/null
flock -u 9

# on the demo's clock: 40 minutes of incident in a few seconds (demo/clock.sh)
pm_demo_clock_start "$dir" "shared_preload_libraries = 'postmortem'"
psql -q -X -d postgres -c 'CREATE DATABASE postmortem_demo'
export PGDATABASE=postmortem_demo
psql -X -v ON_ERROR_STOP=1 -v seeds="$PWD/test/seeds" -f demo/demo.sql

cat <<MSG

The demo server is still running (its clock, moved by the demo, is back
at the real time):
    psql -h $PGHOST -p $PGPORT -U postgres postmortem_demo
Stop it with:
    make demo-stop
MSG
