#!/usr/bin/env bash
# What the pg_stat_statements snapshots before schema changes add to a
# migration, in instructions (target: under 1 %).
#
# One server with pg_stat_statements preloaded, two databases set up alike
# (CREATE EXTENSION pg_stat_statements, postmortem; the same warm-up query);
# in one the event trigger postmortem_statement_snapshot is disabled (the
# baseline: the recorder and everything else as in the other).  The
# ~300-statement migration of bench/recorder_migration.sh runs in each, in a
# new session, with no snapshot taken yet: the measured run takes one (the
# first DDL finds none due) and then checks a timestamp per statement --
# the most a migration pays.  A third database has a snapshot already (the
# session's first DDL looks it up, the others compare a timestamp).  Prints
# the ratios.  (bench/recorder.sh, without pg_stat_statements, pays only the
# lookup of pg_extension once per session.)
#
#   bench/snapshot.sh      (RUNS=3 for a median of three)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-1}
command -v valgrind >/dev/null || apt-get install -y -qq --no-install-recommends valgrind >/dev/null
if [ -n "${PM_PG_ROOT:-}" ]; then . test/support/private-pg.sh; pm_private_pg "$PM_PG_ROOT"; fi
. test/support/server.sh
. bench/callgrind.sh
out=$(mktemp -d /tmp/postmortem-bench.XXXXXX)
chmod 777 "$out"
trap 'pm_server_stop "$out/s"; sleep 1; rm -rf "$out"' EXIT
bash bench/recorder_migration.sh 30 >"$out/migration.sql"
stmts=$(grep -c ';$' "$out/migration.sql")
cg_server "$out/s" "shared_preload_libraries = 'pg_stat_statements'"

measure() { # db, setup -> instructions of the migration in a fresh database
	local db=$1 setup=$2
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
	psql -X -q -d "$db" -c "CREATE EXTENSION pg_stat_statements" -c "CREATE EXTENSION postmortem" \
		-c "SELECT count(*) FROM pg_class" -c "$setup" >/dev/null
	cg_instructions "$db" "$out/migration.sql"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure bench_warmup "SELECT 1" >/dev/null
for i in $(seq 1 "$runs"); do
	measure bench_off "ALTER EVENT TRIGGER postmortem_statement_snapshot DISABLE" >>"$out/off"
	measure bench_on "SELECT 1" >>"$out/on"
	measure bench_notdue "SELECT postmortem.snapshot_statements()" >>"$out/notdue"
done
psql -X -q -At -d bench_on -c "SELECT 'snapshots taken in the measured run: ' || count(DISTINCT taken_at) || ' (' || count(*) || ' statements)' FROM postmortem.statement_snapshot" >&2
off=$(median <"$out/off"); on=$(median <"$out/on"); notdue=$(median <"$out/notdue")
awk -v on="$on" -v off="$off" -v notdue="$notdue" -v n="$stmts" 'BEGIN {
	printf "| migration (%d statements), snapshot trigger disabled (baseline) | %.1f M instructions |\n", n, off / 1e6
	printf "| the same, snapshot trigger enabled (one snapshot, then a timestamp check per statement) | %.1f M instructions |\n", on / 1e6
	printf "| ratio | **%.4f×** |\n", on / off
	printf "| the same, a snapshot already taken (a timestamp check per statement) | %.1f M instructions, %.4f× |\n", notdue / 1e6, notdue / off }'
