#!/usr/bin/env bash
# bench/core.sh — the dashboard views and downtime() against the same figures
# written inline in plain SQL, measured in the same run on a throwaway server.
#
#   bash bench/core.sh [repetitions]        (default 7)
#
# Data: bench/gen_core.sql (100k incidents, 1M timeline rows, 200k tasks,
# 1M ranges).  Each query runs under EXPLAIN (ANALYZE, TIMING OFF), which
# executes it fully (every output column computed) without shipping rows to
# the client; we report the median "Execution Time" of the repetitions, the
# two sides interleaved.  Ratios: view / inline (target <= 1.1) and
# range_agg+sum / downtime (target >= 2).
#
# The extension is installed into a private copy of the PostgreSQL tree
# (PostgreSQL finds its share and lib directories relative to its binaries),
# so neither the shared install nor the test lock is touched, and another
# checkout's `make install` cannot swap the library in the middle of a run.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-7}

. test/support/server.sh
work=$(mktemp -d /tmp/postmortem-bench.XXXXXX)
chmod 755 "$work"
trap 'pm_server_stop "$work/srv"; rm -rf "$work"' EXIT

bindir=$(pg_config --bindir)
sharedir=$(pg_config --sharedir)
mkdir -p "$work/pg$(dirname "$(dirname "$bindir")")" "$work/pg$(dirname "$sharedir")"
cp -a "$(dirname "$bindir")" "$work/pg$(dirname "$(dirname "$bindir")")/"
cp -a "$sharedir" "$work/pg$(dirname "$sharedir")/"
make -s >/dev/null
make -s install DESTDIR="$work/pg" >/dev/null
PM_PGBIN=$work/pg$bindir

pm_server_start "$work/srv" "shared_buffers = '512MB'" "work_mem = '64MB'" \
	"max_parallel_workers_per_gather = 2" "jit = off" >/dev/null

q() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
q -c 'CREATE EXTENSION postmortem'
echo "generating data..." >&2
q -f bench/gen_core.sql >/dev/null

INLINE_METRICS="SELECT i.id, i.title, i.severity, i.status, i.started_at, i.detected_at,
	i.acknowledged_at, i.mitigated_at, i.resolved_at, i.closed_at,
	i.detected_at - i.started_at, i.acknowledged_at - i.started_at,
	i.mitigated_at - i.started_at, i.resolved_at - i.started_at,
	i.resolved_at - i.detected_at, i.resolved_at - i.started_at,
	date_part('epoch', i.detected_at - i.started_at), date_part('epoch', i.acknowledged_at - i.started_at),
	date_part('epoch', i.mitigated_at - i.started_at), date_part('epoch', i.resolved_at - i.started_at),
	date_part('epoch', i.resolved_at - i.detected_at), date_part('epoch', i.resolved_at - i.started_at),
	i.users_affected_pct::float8, i.users_affected,
	date_part('epoch', i.resolved_at - i.started_at) / 60 * i.users_affected_pct::float8 / 100,
	i.status < 'resolved'
  FROM postmortem.incident i"
INLINE_MONTHLY="SELECT date_trunc('month', i.started_at), i.severity, count(*),
	(percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY date_part('epoch', i.detected_at - i.started_at)))[1],
	(percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY date_part('epoch', i.detected_at - i.started_at)))[2],
	(percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY date_part('epoch', i.resolved_at - i.started_at)))[1],
	(percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY date_part('epoch', i.resolved_at - i.started_at)))[2],
	sum(date_part('epoch', i.resolved_at - i.started_at) / 60 * i.users_affected_pct::float8 / 100),
	percentile_cont(0.5::float8) WITHIN GROUP (ORDER BY date_part('epoch', i.resolved_at - i.started_at) / 60 * i.users_affected_pct::float8 / 100)
  FROM postmortem.incident i WHERE i.started_at IS NOT NULL GROUP BY 1, 2"
VIEW_METRICS="SELECT * FROM postmortem.incident_metrics"
VIEW_MONTHLY="SELECT * FROM postmortem.monthly_metrics"
DOWNTIME="SELECT postmortem.downtime(r) FROM public.bench_ranges"
RANGE_AGG="SELECT sum(upper(r) - lower(r)) FROM unnest((SELECT range_agg(r) FROM public.bench_ranges)) r"

# The same answers, or the comparison means nothing.
same() {
	local a b
	a=$(q -At -c "SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ($1) x")
	b=$(q -At -c "SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ($2) x")
	if [ "$a" != "$b" ]; then echo "results differ: $1 / $2" >&2; exit 1; fi
}
same "$VIEW_METRICS" "$INLINE_METRICS"
same "$VIEW_MONTHLY" "$INLINE_MONTHLY"
same "$DOWNTIME" "$RANGE_AGG"

# exec_ms SETTINGS QUERY: server execution time of one run, in ms
exec_ms() {
	q -At -c "$1" -c "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) $2" |
		sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# compare NAME SETTINGS EXTENSION_QUERY BASELINE_QUERY
compare() {
	local a=() b=() i ma mb
	exec_ms "$2" "$3" >/dev/null; exec_ms "$2" "$4" >/dev/null	# warm up
	for ((i = 0; i < reps; i++)); do
		a+=("$(exec_ms "$2" "$3")")
		b+=("$(exec_ms "$2" "$4")")
	done
	ma=$(printf '%s\n' "${a[@]}" | median)
	mb=$(printf '%s\n' "${b[@]}" | median)
	printf '%-34s %10.1f %10.1f %8.2f %8.2f\n' "$1" "$ma" "$mb" \
		"$(echo "$ma / $mb" | bc -l)" "$(echo "$mb / $ma" | bc -l)"
}

# The plans dashboards get at this volume: the views must use the indexes.
echo "== plans at 100k incidents, 1M timeline entries, 200k tasks"
for stmt in "SELECT * FROM postmortem.overdue_tasks" \
	"SELECT * FROM postmortem.open_tasks ORDER BY due_at LIMIT 20" \
	"SELECT * FROM postmortem.incident_metrics WHERE started_at >= now() - interval '30 days'" \
	"SELECT * FROM postmortem.incident_metrics WHERE is_open" \
	"SELECT * FROM postmortem.timeline WHERE incident_id = 4242 ORDER BY at"; do
	echo "-- $stmt"
	q -At -c "EXPLAIN (COSTS OFF) $stmt"
done
echo

printf '%s repetitions, median execution time in ms\n' "$reps"
printf '%-34s %10s %10s %8s %8s\n' benchmark extension baseline ext/base base/ext
compare "incident_metrics vs inline SQL" "SET max_parallel_workers_per_gather = 0" "$VIEW_METRICS" "$INLINE_METRICS"
compare "monthly_metrics vs inline SQL" "SET max_parallel_workers_per_gather = 0" "$VIEW_MONTHLY" "$INLINE_MONTHLY"
compare "downtime vs range_agg+sum" "RESET max_parallel_workers_per_gather" "$DOWNTIME" "$RANGE_AGG"
compare "downtime vs range_agg+sum, serial" "SET max_parallel_workers_per_gather = 0" "$DOWNTIME" "$RANGE_AGG"
