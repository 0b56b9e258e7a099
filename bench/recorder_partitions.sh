#!/usr/bin/env bash
# The partition workload (issue 11): create, detach and drop N partitions
# (500 by default) of a table with a primary key and an index, each
# statement its own transaction, in instructions of the backend that ran
# them (callgrind), against the same statements in a database of the same
# server without the extension (baseline, same run).  Each partition gets
# the parent's primary key and index, so every DETACH and DROP concerns a
# table with two indexes, among up to N attached siblings.
#
#   bench/recorder_partitions.sh [N]   (run `make install` first; RUNS=3 for a median)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
runs=${RUNS:-1}
. bench/callgrind.sh
cg_begin parts

{
	for i in $(seq 1 "$n"); do
		echo "CREATE TABLE parts_$i PARTITION OF parts FOR VALUES FROM ($((i * 10))) TO ($((i * 10 + 10)));"
	done
	for i in $(seq 1 "$n"); do
		echo "ALTER TABLE parts DETACH PARTITION parts_$i;"
		echo "DROP TABLE parts_$i;"
	done
} >"$out/parts.sql"
chmod 644 "$out/parts.sql"
setup="CREATE TABLE parts (id bigint, at int, note text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX parts_note ON parts (note);"

cg_server "$out/s" "max_locks_per_transaction = 256"
measure() { # db, extension? -> instructions of the workload in a fresh database
	local db=$1
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
	[ "$2" = yes ] && psql -X -q -d "$db" -c "CREATE EXTENSION postmortem" >/dev/null
	psql -X -q -d "$db" -c "$setup" >/dev/null
	psql -X -q -d "$db" -c 'SELECT 1' >/dev/null	# the same warm start: relcache init file built
	cg_instructions "$db" "$out/parts.sql"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure bench_warmup no >/dev/null
for _ in $(seq 1 "$runs"); do
	measure bench_base no >>"$out/base"
	measure bench_pm yes >>"$out/pm"
done
rows=$(psql -X -q -A -t -d bench_pm -c "SELECT count(*) FROM postmortem.schema_change")
saved=$(psql -X -q -A -t -d bench_pm -c "SELECT count(*) FROM postmortem.schema_change WHERE definition_before IS NOT NULL")
base=$(median <"$out/base"); pm=$(median <"$out/pm")
awk -v b="$base" -v p="$pm" -v n="$n" -v r="$rows" -v s="$saved" -v runs="$runs" 'BEGIN {
	printf "create, detach and drop %d partitions (primary key and an index each), one transaction per statement\n", n
	printf "backend instructions (callgrind, median of %d): no extension %.1f M | postmortem %.1f M | ratio %.3f\n", runs, b / 1e6, p / 1e6, p / b
	printf "schema_change rows: %d (%d with a definition before)\n", r, s }'
