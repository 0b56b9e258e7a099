#!/usr/bin/env bash
# `make demo`: install what is missing, build and install the extension, start
# a throwaway PostgreSQL, load the seed postmortems, replay a bad migration and
# show what postmortem finds.  The server stays up afterwards so you can look
# around; the last lines say how to connect and how to stop it.
#
# PGVERSION=17 or 18 (`make demo PGVERSION=17`) runs it in the Debian chroot
# of test/support/chroot.sh; `demo.sh stop` (make demo-stop) stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

native=$(bash test/support/chroot.sh --native)
export PGVERSION=${PGVERSION:-$native}
if [ -z "${PM_IN_CHROOT:-}" ] && [ "$PGVERSION" != "$native" ]; then
	[ "${1:-}" = stop ] && exec bash test/support/chroot.sh "$PGVERSION" demo-stop
	exec bash test/support/chroot.sh "$PGVERSION" demo
fi
. test/support/server.sh
. demo/clock.sh

dir=/tmp/postmortem-demo
if [ "${1:-}" = stop ]; then
	pm_server_stop "$dir"
	exit 0
fi

bash test/support/deps.sh
pm_server_stop "$dir"
rm -rf "$dir"

exec 9>/tmp/postmortem-test.lock
flock 9
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PGVERSION/bin/pg_config}
export PATH="$PM_PGBIN:$PATH"
make -s
make -s install >/dev/null
flock -u 9

# on the demo's clock: 40 minutes of incident in a few seconds (demo/clock.sh)
pm_demo_clock_start "$dir" "shared_preload_libraries = 'postmortem'"
psql -q -X -d postgres -c 'CREATE DATABASE postmortem_demo'
export PGDATABASE=postmortem_demo
psql -X -v ON_ERROR_STOP=1 -v seeds="$PWD/test/seeds" -f demo/demo.sql

cat <<MSG

The demo server (PostgreSQL $PGVERSION) is still running (its clock, moved by
the demo, is back at the real time):
    psql -h ${PM_CHROOT_ROOT:-}$PGHOST -p $PGPORT -U postgres postmortem_demo
Stop it with:
    make demo-stop${PM_CHROOT_ROOT:+ PGVERSION=$PGVERSION}
MSG
