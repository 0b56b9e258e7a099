#!/usr/bin/env bash
# The temp-table ETL workload (issue 11): pgbench transactions that create a
# temporary table ON COMMIT DROP, fill it and read it, with 1 and 4 clients.
# Baseline, same run, same server: the same workload in a database without
# the extension.  Also measured: the extension with
# postmortem.record_temp_objects = on, where every transaction writes audit
# rows and takes the chain lock (what 0.1.0 always did).
#
#   bench/temp_tables.sh            (run `make install` first, as for the tests)
#   SECONDS_PER_RUN=20 RUNS=5 bench/temp_tables.sh
#   CALLGRIND_ONLY=1 bench/temp_tables.sh   (the instruction counts alone)
#
# Runs alternate (baseline, postmortem, postmortem+temp, baseline, ...) and
# each figure is the median TPS over RUNS runs; the ratio is to the baseline.
# TPS on a shared machine is noisy, so the script also counts, with callgrind,
# the instructions of one backend running 200 of those transactions in each
# database (same server, fresh databases, each warmed by a first session).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
secs=${SECONDS_PER_RUN:-10}

# the build under test: with PM_PG_ROOT, the private copy it was installed
# into (test/support/private-pg.sh), not the host's shared installation
if [ -n "${PM_PG_ROOT:-}" ]; then . test/support/private-pg.sh; pm_private_pg "$PM_PG_ROOT"; fi
. test/support/server.sh
out=$(mktemp -d /tmp/postmortem-bench-temp.XXXXXX)
chmod 777 "$out"
trap 'pm_server_stop "$out/s"; rm -rf "$out"' EXIT
pm_server_start "$out/s" "max_connections = 50" >/dev/null || { echo "server did not start" >&2; exit 1; }

cat >"$out/etl.sql" <<'SQL'
BEGIN;
CREATE TEMP TABLE etl_batch (id int PRIMARY KEY, payload text) ON COMMIT DROP;
INSERT INTO etl_batch SELECT g, md5(g::text) FROM generate_series(1, 50) g;
SELECT count(*), max(payload) FROM etl_batch WHERE id > 10;
COMMIT;
SQL
chmod 644 "$out/etl.sql"

databases() { # prefix -> PREFIX_base, PREFIX_pm, PREFIX_pm_temp
	local db
	for db in $1_base $1_pm $1_pm_temp; do
		psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null
	done
	psql -X -q -d "$1_pm" -c "CREATE EXTENSION postmortem" >/dev/null
	psql -X -q -d "$1_pm_temp" -c "CREATE EXTENSION postmortem" \
		-c "ALTER DATABASE $1_pm_temp SET postmortem.record_temp_objects = on" >/dev/null
}
databases bench

tps() { # db clients -> TPS of one run
	"$PM_PGBIN/pgbench" -n -f "$out/etl.sql" -c "$2" -j "$2" -T "$secs" "$1" 2>/dev/null |
		awk '/^tps/ { print $3; exit }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

[ -n "${CALLGRIND_ONLY:-}" ] && runs=0	# only the instruction counts below
for c in 1 4; do
	[ "$runs" -gt 0 ] || break
	tps bench_base "$c" >/dev/null	# warm every database the same way
	tps bench_pm "$c" >/dev/null
	tps bench_pm_temp "$c" >/dev/null
	for _ in $(seq 1 "$runs"); do
		tps bench_base "$c" >>"$out/base.$c"
		tps bench_pm "$c" >>"$out/pm.$c"
		tps bench_pm_temp "$c" >>"$out/pmt.$c"
	done
done
rows=$(psql -X -q -A -t -d bench_pm -c "SELECT count(*) FROM postmortem.schema_change")
trows=$(psql -X -q -A -t -d bench_pm_temp -c "SELECT count(*) FROM postmortem.schema_change")

echo "temp-table ETL transaction, pgbench, ${secs}s per run, median of $runs runs (TPS)"
for c in 1 4; do
	[ "$runs" -gt 0 ] || break
	b=$(median <"$out/base.$c"); p=$(median <"$out/pm.$c"); t=$(median <"$out/pmt.$c")
	echo "  $c client(s): no extension $b | postmortem $p ratio $(ratio "$p" "$b") | record_temp_objects = on $t ratio $(ratio "$t" "$b")"
done
echo "  audit rows written: $rows by default, $trows with record_temp_objects = on"

# instructions of one backend running 200 transactions, under callgrind
command -v valgrind >/dev/null || exit 0
pm_server_stop "$out/s"
. bench/callgrind.sh
cg_wrapper
pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$out/s/data" -l "$out/s/server.log" -w -t 600 \
	-p "$out/postgres-callgrind" start >/dev/null
for _ in $(seq 1 200); do cat "$out/etl.sql"; done >"$out/etl200.sql"
cat "$out/etl200.sql" "$out/etl200.sql" >"$out/etl400.sql"
# fresh databases: the TPS runs above left their catalogs bloated unequally.
# A session of 200 transactions pays the session's start (loading the
# library: PostgreSQL 15 re-sorts its GUCs for each of ours) once; the
# difference between sessions of 400 and of 200 is what each further
# transaction costs, what a pooled connection pays.
databases cg
for db in cg_base cg_pm cg_pm_temp; do
	psql -X -q -d "$db" -f "$out/etl.sql" >/dev/null	# warm the database
	echo "$(cg_instructions "$db" "$out/etl200.sql") $(cg_instructions "$db" "$out/etl400.sql")" >"$out/$db.cg"
done
read -r b2 b4 <"$out/cg_base.cg"; read -r p2 p4 <"$out/cg_pm.cg"; read -r t2 t4 <"$out/cg_pm_temp.cg"
echo "backend instructions (callgrind), a session of 200 transactions, its start included: no extension $b2 | postmortem $p2 ratio $(ratio "$p2" "$b2") | record_temp_objects = on $t2 ratio $(ratio "$t2" "$b2")"
echo "per further transaction (400 - 200 in one session, / 200): no extension $(((b4 - b2) / 200)) | postmortem $(((p4 - p2) / 200)) ratio $(ratio $((p4 - p2)) $((b4 - b2))) | record_temp_objects = on $(((t4 - t2) / 200)) ratio $(ratio $((t4 - t2)) $((b4 - b2)))"
