#!/usr/bin/env bash
# How many schema-change rows per second one centre absorbs from N origins,
# and how late a DDL burst arrives (docs/fleet.md, "How far one centre goes").
#
#   PM_PG_ROOT=/tmp/pm-root bash bench/fleet.sh [N origins, default 4] [rows per origin, default 3000]
#
# One origin cluster holds the N origin databases (each its own publication,
# replication slot and walsender), a second cluster is the centre (one apply
# worker per origin).  Both on this machine, so the figures include the
# origins' own work.
#
# 1. Absorb: every origin records its rows while its subscription is
#    disabled; then all subscriptions are enabled at once and the time until
#    the centre holds every row gives rows/s.  Baseline, same run: the same
#    rows inserted into a table of the centre with the same indexes, by
#    INSERT ... SELECT (the centre's own write capacity, no replication), and the rate
#    one origin records them at (what one origin can produce).
# 2. Burst: subscriptions streaming, every origin runs a burst of DDL at once;
#    per origin, the time from the end of its burst until the centre has all of
#    it, and fleet_status()'s lag of its newest change.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-4}
ROWS=${2:-3000}
if [ -n "${PM_PG_ROOT:-}" ]; then
	. test/support/private-pg.sh
	pm_private_pg "$PM_PG_ROOT" || exit 1
fi
make -s >/dev/null && make -s install >/dev/null || exit 1
. test/support/fleet.sh
trap 'fleet_stop_all; rm -rf "$fleet_work"' EXIT
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

fleet_cluster o "max_replication_slots = $((N * 3 + 4))" "max_wal_senders = $((N * 3 + 4))" || exit 1
fleet_cluster centre "max_logical_replication_workers = $((N * 2 + 4))" \
	"max_worker_processes = $((N * 2 + 12))" || exit 1
fq centre postgres "CREATE DATABASE fleet" >/dev/null && fq centre fleet "CREATE EXTENSION postmortem" >/dev/null || exit 1

# a DDL script giving ROWS recorded rows: tables with a primary key (two
# rows: the table and its index) in transactions of 10 statements
ddl() {
	local prefix=$1 rows=$2 i
	for ((i = 1; i <= rows / 2; i++)); do
		((i % 10 == 1)) && echo "BEGIN;"
		echo "CREATE TABLE ${prefix}_$i (id int PRIMARY KEY);"
		((i % 10 == 0 || i == rows / 2)) && echo "COMMIT;"
	done
}
ddl t "$ROWS" >"$fleet_work/backlog.sql"
ddl u 200 >"$fleet_work/burst.sql"
chmod 644 "$fleet_work"/*.sql

origins=()
for ((k = 1; k <= N; k++)); do
	origins+=("$(fleet_add_origin o db$k)") || exit 1
	fleet_subscribe o db$k || exit 1
done
for ((k = 1; k <= N; k++)); do fleet_wait_caught_up "${origins[k - 1]}" o db$k 120 || exit 1; done
subs=$(fq centre fleet "SELECT string_agg(subscription, ' ') FROM postmortem.fleet_origin")
for s in $subs; do fq centre fleet "ALTER SUBSCRIPTION $s DISABLE" >/dev/null; done
sleep 2

# what one origin records alone (baseline: production rate)
t0=$(now)
fq_script o db1 <"$fleet_work/backlog.sql" >/dev/null
t1=$(now)
produce=$(echo "$ROWS / $(secs "$t0" "$t1")" | bc -l)
for ((k = 2; k <= N; k++)); do fq_script o db$k <"$fleet_work/backlog.sql" >/dev/null & done
wait
total=$(fq o db1 "SELECT count(*) FROM postmortem.schema_change")
total=$((total * N))

# the centre's own write capacity: the same rows inserted into a table with
# the same indexes (staging loaded first, untimed)
psql -X -q -h "$fleet_work/o" -p "${fleet_port[o]}" -U postgres -d db1 \
	-c "\\copy (SELECT * FROM postmortem.schema_change) TO '$fleet_work/rows.copy'" || exit 1
fq centre fleet "CREATE TABLE staging (LIKE postmortem.schema_change)" \
	"CREATE TABLE plain_copy (LIKE postmortem.schema_change INCLUDING INDEXES)" >/dev/null
psql -X -q -h "$fleet_work/centre" -p "${fleet_port[centre]}" -U postgres -d fleet \
	-c "\\copy staging FROM '$fleet_work/rows.copy'" || exit 1
t0=$(now)
for ((k = 1; k <= N; k++)); do
	fq centre fleet "INSERT INTO plain_copy SELECT id, at, finished_at, duration, xid, command_tag, object_type, object_identity, schema_name, table_name, table_oid, statement, role_name, application_name, client_addr, backend_pid, database_name, migration, lock_mode, blocks_writes, blocks_reads, rewrote_table, rewrite_reason, definition_before, definition_after, revert_statement, index_invalid, failed, table_rows, table_seq_scan, table_idx_scan, origin || '#$k', prev_hash, row_hash FROM staging" >/dev/null
done
t1=$(now)
baseline=$(echo "$total / $(secs "$t0" "$t1")" | bc -l)

# absorb: all subscriptions enabled at once
t0=$(now)
for s in $subs; do fq centre fleet "ALTER SUBSCRIPTION $s ENABLE" >/dev/null; done
for ((k = 1; k <= N; k++)); do fleet_wait_caught_up "${origins[k - 1]}" o db$k 600 || exit 1; done
t1=$(now)
absorb=$(echo "$total / $(secs "$t0" "$t1")" | bc -l)

# burst: every origin at once, subscriptions streaming
for ((k = 1; k <= N; k++)); do
	(fq_script o db$k <"$fleet_work/burst.sql" >/dev/null; now >"$fleet_work/burst_end.$k") &
done
wait
lags=()
for ((k = 1; k <= N; k++)); do
	fleet_wait_caught_up "${origins[k - 1]}" o db$k 120 || exit 1
	lags+=("$(secs "$(cat "$fleet_work/burst_end.$k")" "$(now)")")
done
status_lag=$(fq centre fleet "SELECT round(extract(epoch FROM max(lag)) * 1000) FROM postmortem.fleet_status(false) WHERE state = 'streaming'")

printf 'origins: %d, rows per origin: %d (%d in all), %s\n' "$N" "$((total / N))" "$total" "$(nproc) cores"
printf 'one origin records          %8.0f rows/s  (production rate of one origin, baseline)\n' "$produce"
printf 'centre, plain INSERT         %8.0f rows/s  (the centre writing the same rows itself, baseline)\n' "$baseline"
printf 'centre absorbs from %2d       %8.0f rows/s  (%.2fx the plain INSERT, %.1fx one origin)\n' "$N" "$absorb" \
	"$(echo "$absorb / $baseline" | bc -l)" "$(echo "$absorb / $produce" | bc -l)"
printf 'burst of 200 rows on each origin at once: caught up %s s after its end (per origin); fleet_status lag of the newest change, max %s ms\n' \
	"$(printf '%.2f ' "${lags[@]}")" "$status_lag"
