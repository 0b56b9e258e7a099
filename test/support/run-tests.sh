#!/usr/bin/env bash
# `make test`: install what is missing, build, install, start a throwaway
# PostgreSQL, run every pg_regress test and every pgTAP suite, stop the
# server, and exit non-zero on any failure.
#
# PGVERSION (`make test PGVERSION=17`) picks the PostgreSQL version; the
# default is this Debian's own (15 on Debian 12).  A version this Debian does
# not ship is tested inside a Debian chroot of a suite that does
# (test/support/chroot.sh), which runs this same script there.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD

native=$(bash test/support/chroot.sh --native)
export PGVERSION=${PGVERSION:-$native}
if [ -z "${PM_IN_CHROOT:-}" ] && [ "$PGVERSION" != "$native" ]; then
	exec bash test/support/chroot.sh "$PGVERSION" test
fi

bash test/support/deps.sh || exit 1

# Several checkouts on one machine install into the same extension
# directory; take turns.  With PM_PG_ROOT set, this checkout builds, installs
# and tests against a private copy of PostgreSQL there instead, and need not
# wait (test/support/private-pg.sh).
if [ -n "${PM_PG_ROOT:-}" ]; then
	. test/support/private-pg.sh
	pm_private_pg "$PM_PG_ROOT" || exit 1
else
	exec 9>/tmp/postmortem-test.lock
	flock 9
	export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PGVERSION/bin/pg_config}
	export PM_PGBIN=${PM_PGBIN:-/usr/lib/postgresql/$PGVERSION/bin}
fi
# the version's own psql, pg_dump, pg_ctl first for the suites and scripts
export PATH="$PM_PGBIN:$PATH"
. test/support/server.sh
echo "postmortem: testing against $("$PG_CONFIG" --version)"

# Warning-free on every version (README, "PostgreSQL versions").
make -s COPT=-Werror || exit 1
make -s install >/dev/null || exit 1

work=$(mktemp -d /tmp/postmortem-test.XXXXXX)
chmod 755 "$work"
cleanup() {
	pm_server_stop "$work/plain"
	pm_server_stop "$work/preload"
	rm -rf "$work"
}
trap cleanup EXIT

status=0

# PM_SCRIPTS="test/part/a.sh ...": only those TAP scripts, on the suite's
# server (test/support/chroot.sh VERSION script ...).
if [ -n "${PM_SCRIPTS:-}" ]; then
	pm_server_start "$work/plain" "max_prepared_transactions = 10" || exit 1
	# shellcheck disable=SC2086
	prove -v -e bash $PM_SCRIPTS
	exit
fi

# 1. pg_regress: the documentation-style tests in sql/ + expected/, then the
#    isolation specs in specs/ (pg_isolation_regress; prepared transactions).
pm_server_start "$work/plain" "max_prepared_transactions = 10" || exit 1
if ! make -s installcheck; then
	status=1
	[ -f regression.diffs ] && head -n 200 regression.diffs
fi

# The parts, in the Makefile's order; each has its tests in test/<part>/.
parts=$(make -s --no-print-directory print-parts)

# 2. pgTAP: the behaviour suites in test/<part>/*.sql and the extension's
#    promises about itself (test/support/catalog.sql), run by pg_prove.
psql -q -X -d postgres -c 'CREATE DATABASE postmortem_tap' || exit 1
psql -q -X -d postmortem_tap -c 'CREATE EXTENSION pgtap; CREATE EXTENSION postmortem;' -c 'ALTER DATABASE postmortem_tap SET search_path = public, postmortem' || exit 1
tap_suites=$(for p in $parts; do ls test/$p/*.sql 2>/dev/null; done)
if ! pg_prove -d postmortem_tap test/support/catalog.sql $tap_suites; then
	status=1
fi

# 3. TAP scripts that need servers of their own or several sessions
#    (preload mode, pg_dump round trips, replication): test/<part>/*.sh.
#    They see this server through PGHOST/PGPORT and may start others.
tap_scripts=$(for p in $parts upgrade; do ls test/$p/*.sh 2>/dev/null; done)
if [ -n "$tap_scripts" ] && ! prove -e bash $tap_scripts; then
	status=1
fi

exit $status
