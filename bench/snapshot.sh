#!/usr/bin/env bash
# What the pg_stat_statements snapshots before schema changes add to a
# migration, in instructions (target: under 1 %).
#
# One server with pg_stat_statements preloaded, two databases set up alike
# (CREATE EXTENSION pg_stat_statements, postmortem; the same warm-up query);
# in one postmortem.statement_snapshot_interval is 0 (no snapshots; the
# baseline: the recorder and everything else as in the other).  The
# ~300-statement migration of bench/recorder_migration.sh runs in each, in a
# new session, with no snapshot taken yet: the measured run takes one (the
# first DDL finds none due: a background worker takes it while the DDL
# waits) and then checks a timestamp per statement -- the most a migration
# pays.  Another takes the due snapshot in the session itself
# (statement_snapshot_worker = off, as when no worker slot is free).  A
# third database has a snapshot already (the session's first DDL looks it
# up, the others compare a timestamp).  Prints the ratios, the instructions
# of the snapshot code alone (callgrind's inclusive cost of
# snapshot_before_ddl) as a share of the baseline, and the worker process's
# own instructions (moved off the migration, not gone).
# (bench/recorder.sh, without pg_stat_statements, pays only the
# lookup of pg_extension once per session.)
#
#   bench/snapshot.sh      (RUNS=3 for a median of three; KEEP=1 keeps the
#                           callgrind files: callgrind_annotate --inclusive=yes)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-1}
command -v valgrind >/dev/null || apt-get install -y -qq --no-install-recommends valgrind >/dev/null
if [ -n "${PM_PG_ROOT:-}" ]; then . test/support/private-pg.sh; pm_private_pg "$PM_PG_ROOT"; fi
. test/support/server.sh
. bench/callgrind.sh
out=$(mktemp -d /tmp/postmortem-bench.XXXXXX)
chmod 777 "$out"
trap 'pm_server_stop "$out/s"; sleep 1; [ -n "${KEEP:-}" ] && echo "callgrind files kept in $out" >&2 || rm -rf "$out"' EXIT
bash bench/recorder_migration.sh 30 >"$out/migration.sql"
stmts=$(grep -c ';$' "$out/migration.sql")
cg_server "$out/s" "shared_preload_libraries = 'pg_stat_statements'"

# The backend's instructions for the migration, and those of the snapshot
# code alone (the inclusive cost of snapshot_before_ddl, which the recorder's
# ddl_command_start trigger calls): the whole-session figure varies by about
# 0.5 % between databases set up alike (relcache initialisation), the
# snapshot code's own share does not.
cg_run() { # db, file -> "instructions snapshot-instructions worker-instructions"
	local db=$1 file=$2 pid worker=0 f
	touch "$out/mark.$db"
	pid=$(psql -X -q -A -t -d "$db" -c 'SELECT pg_backend_pid()' -f "$file" 2>"$out/$db.err" | head -1)
	[ -s "$out/$db.err" ] && cat "$out/$db.err" >&2
	for _ in $(seq 1 240); do
		[ -s "$out/cg.$pid" ] && grep -q '^totals:' "$out/cg.$pid" && break
		sleep 0.5
	done
	# the snapshot worker's own instructions (its process ended before the backend's)
	for f in $(find "$out" -name 'cg.*' -newer "$out/mark.$db"); do
		grep -q 'pm_snapshot_worker_main' "$f" &&
			worker=$((worker + $(awk '/^totals:/ { print $2; exit }' "$f")))
	done
	echo "$(awk '/^totals:/ { print $2; exit }' "$out/cg.$pid")" \
		"$(callgrind_annotate --inclusive=yes --threshold=100 "$out/cg.$pid" 2>/dev/null |
			awk '/:snapshot_before_ddl \[/ { gsub(",", "", $1); print $1; f = 1; exit } END { if (!f) print 0 }')" \
		"$worker"
}
measure() { # db, setup[, pss] -> instructions of the migration in a fresh database, and of the snapshot code
	local db=$1 setup=$2 pss=${3:-CREATE EXTENSION pg_stat_statements}
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
	psql -X -q -d "$db" -c "$pss" -c "CREATE EXTENSION postmortem" \
		-c "SELECT count(*) FROM pg_class" -c "$setup" >/dev/null
	cg_run "$db" "$out/migration.sql"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
own() { sort -n -k2 | awk '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }'; }

worker() { sort -n -k3 | awk '{ a[NR] = $3 } END { print a[int((NR + 1) / 2)] }'; }

measure bench_warmup "SELECT 1" >/dev/null
for i in $(seq 1 "$runs"); do
	measure bench_off "ALTER DATABASE bench_off SET postmortem.statement_snapshot_interval = 0" >>"$out/off"
	measure bench_on "SELECT 1" >>"$out/on"
	measure bench_inline "ALTER DATABASE bench_inline SET postmortem.statement_snapshot_worker = off" >>"$out/inline"
	measure bench_notdue "SELECT postmortem.snapshot_statements()" >>"$out/notdue"
	measure bench_nopss_off "ALTER DATABASE bench_nopss_off SET postmortem.statement_snapshot_interval = 0" "SELECT 1" >>"$out/nopss_off"
	measure bench_nopss_on "SELECT 1" "SELECT 1" >>"$out/nopss_on"
done
for db in bench_on bench_inline; do
	psql -X -q -At -d $db -c "SELECT '$db: snapshots taken in the measured run: ' || count(DISTINCT taken_at) || ' (' || count(*) || ' statements)' FROM postmortem.statement_snapshot" >&2
done
off=$(median <"$out/off"); on=$(median <"$out/on"); notdue=$(median <"$out/notdue"); inline=$(median <"$out/inline")
nopss_off=$(median <"$out/nopss_off"); nopss_on=$(median <"$out/nopss_on")
own_on=$(own <"$out/on"); own_notdue=$(own <"$out/notdue"); own_nopss=$(own <"$out/nopss_on"); own_inline=$(own <"$out/inline")
worker_on=$(worker <"$out/on")
entries=$(psql -X -q -At -d bench_on -c "SELECT count(*) FROM pg_stat_statements(false)")
awk -v on="$on" -v off="$off" -v notdue="$notdue" -v inline="$inline" -v n="$stmts" -v a="$nopss_off" -v b="$nopss_on" \
	-v own_on="$own_on" -v own_notdue="$own_notdue" -v own_nopss="$own_nopss" -v own_inline="$own_inline" \
	-v worker_on="$worker_on" -v entries="$entries" 'BEGIN {
	printf "| migration (%d statements), snapshots off (baseline) | %.1f M instructions |\n", n, off / 1e6
	printf "| the same, snapshots on: the first DDL finds one due, a background worker takes it, then a timestamp check per statement | %.1f M instructions, **%.4f×** |\n", on / 1e6, on / off
	printf "| the same, the session takes the due snapshot itself (statement_snapshot_worker = off, or no worker slot) | %.1f M instructions, %.4f× |\n", inline / 1e6, inline / off
	printf "| the same, a snapshot already taken (a timestamp check per statement) | %.1f M instructions, %.4f× |\n", notdue / 1e6, notdue / off
	printf "| without pg_stat_statements in the database: snapshots off / on | %.1f M / %.1f M instructions, %.4f× |\n", a / 1e6, b / 1e6, b / a
	printf "| the snapshot code alone (snapshot_before_ddl, inclusive), as a share of the baseline migration: due, by a worker / due, in the session / already taken / no pg_stat_statements | %.2f M (**%.2f %%**) / %.2f M (%.2f %%) / %.2f M (%.2f %%) / %.2f M (%.2f %%) |\n", own_on / 1e6, 100 * own_on / off, own_inline / 1e6, 100 * own_inline / off, own_notdue / 1e6, 100 * own_notdue / off, own_nopss / 1e6, 100 * own_nopss / off
	printf "| the snapshot worker process itself (start, connection, snapshot; not the migration backend) | %.1f M instructions |\n", worker_on / 1e6
	printf "| pg_stat_statements entries in the cluster when the snapshot was taken (its function returns them all; the cost of a due snapshot grows with them) | about %d |\n", entries }'
