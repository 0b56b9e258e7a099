#!/usr/bin/env bash
# Benchmark: suspects(), incident_timeline() and the dashboard views at
# 100k incidents, 1M timeline entries, 1M schema changes and 1M change
# events (sizes can be overridden: INCIDENTS=10000 TIMELINE=100000
# CHANGES=100000 EVENTS=100000 bench/culprit.sh).
#
# Each function is timed warm, as the median of REPS calls on random
# incidents, next to a baseline measured in the same run: the plain SQL read
# that any implementation must do at least (the window of schema_change rows,
# the incident's timeline rows, a count of the table).  Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

INCIDENTS=${INCIDENTS:-100000}
TIMELINE=${TIMELINE:-1000000}
CHANGES=${CHANGES:-1000000}
EVENTS=${EVENTS:-1000000}
REPS=${REPS:-200}

# Other checkouts install into the same extension directory: hold the shared
# lock for the whole run (a few minutes), so that the library every backend
# loads is the one built here.
# (With PM_PG_ROOT, a private copy of PostgreSQL instead: test/support/private-pg.sh.)
. bench/lib.sh
pm_bench_install
pm_bench_server "shared_buffers = 512MB" "max_parallel_workers_per_gather = 2"
psql -X -q -d postgres -c 'CREATE DATABASE bench'
export PGDATABASE=bench
psql -X -q -c 'CREATE EXTENSION postmortem'

start=$(date +%s)
psql -X -q -v incidents="$INCIDENTS" -v timeline="$TIMELINE" -v changes="$CHANGES" \
	-f bench/culprit_data.sql >/dev/null
# deploys, flags and config changes over the same five years
psql -X -q -c "INSERT INTO postmortem.change_event (kind, name, at, details)
               SELECT (ARRAY['deploy', 'flag', 'config'])[1 + g % 3], 'service-' || (g % 40) || ' v' || g,
                      now() - random() * interval '1826 days', jsonb_build_object('service', 'service-' || (g % 40))
                 FROM generate_series(1, $EVENTS) g" -c "ANALYZE postmortem.change_event"
echo "# loaded $INCIDENTS incidents, $TIMELINE timeline entries, $CHANGES schema changes, $EVENTS change events in $(( $(date +%s) - start )) s" >&2

# row LABEL QUERY BASELINE-LABEL BASELINE-QUERY REPS: one Markdown row.  The
# timing function is a pg_temp one, so both run in one psql session.
row() {
	psql -X -At <<SQL | tail -1
CREATE FUNCTION pg_temp.median_ms(q text, reps int) RETURNS numeric LANGUAGE plpgsql AS \$f\$
DECLARE
	t0 timestamptz; ms float8[] := '{}'; n bigint; id bigint;
BEGIN
	SELECT max(i.id) INTO n FROM postmortem.incident i;
	PERFORM setseed(0.1);
	EXECUTE format(q, n / 2);
	FOR i IN 1 .. reps LOOP
		id := 1 + (random() * (n - 1))::bigint;
		t0 := clock_timestamp();
		EXECUTE format(q, id);
		ms := ms || extract(epoch FROM clock_timestamp() - t0) * 1000;
	END LOOP;
	RETURN (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)::numeric, 3) FROM unnest(ms) x);
END \$f\$;
SELECT format('| %s | %s ms | %s | %s ms | %s |', \$l\$$1\$l\$, a, \$b\$$3\$b\$, b,
              CASE WHEN b > 0 THEN round(a / b, 1)::text ELSE '-' END)
  FROM (SELECT pg_temp.median_ms(\$q\$$2\$q\$, $5) AS a,
               pg_temp.median_ms(\$q\$$4\$q\$, $5) AS b) x;
SQL
}

echo "| measured ($INCIDENTS incidents, $TIMELINE timeline rows, $CHANGES schema changes, $EVENTS change events) | median | baseline (plain SQL, same run) | median | ratio |"
echo "|---|---|---|---|---|"
row "suspects(id) (24 h window, ~$(( CHANGES / 1826 )) changes and ~$(( EVENTS / 1826 )) change events scored)" \
	"SELECT * FROM postmortem.suspects(%s)" \
	"the window's schema_change and change_event rows" \
	"SELECT (SELECT count(*) FROM (SELECT s.* FROM postmortem.schema_change s WHERE s.at > i.started_at - interval '24 hours' AND s.at <= i.started_at) s), (SELECT count(*) FROM (SELECT e.* FROM postmortem.change_event e WHERE e.at > i.started_at - interval '24 hours' AND e.at <= i.started_at) e) FROM postmortem.incident i WHERE i.id = %s" \
	"$REPS"
# The same calls in CPU time of the backend (user + system, from
# /proc/PID/stat): what suspects() costs whatever else the machine runs (the
# medians above are wall-clock time, which other load on a shared machine
# inflates).
cpu_ms() { # SQL with %s for an incident id, calls -> CPU ms per call
	local pid t0 t1
	coproc CPU { psql -X -q -At 2>&1; }
	cat >&"${CPU[1]}" <<SQL
CREATE FUNCTION pg_temp.calls(q text, reps int, seed float8) RETURNS int LANGUAGE plpgsql AS \$f\$
DECLARE n bigint;
BEGIN
	SELECT max(i.id) INTO n FROM postmortem.incident i;
	PERFORM setseed(seed);
	FOR i IN 1 .. reps LOOP
		EXECUTE format(q, 1 + (random() * (n - 1))::bigint);
	END LOOP;
	RETURN reps;
END \$f\$;
SELECT pg_backend_pid();
SELECT pg_temp.calls(\$q\$$1\$q\$, 5, 0.2);
SQL
	read -r pid <&"${CPU[0]}"; read -r _ <&"${CPU[0]}"
	t0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	echo "SELECT pg_temp.calls(\$q\$$1\$q\$, $2, 0.3);" >&"${CPU[1]}"; read -r _ <&"${CPU[0]}"
	t1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	echo '\q' >&"${CPU[1]}"
	wait "$CPU_PID" 2>/dev/null
	awk -v a="$t0" -v b="$t1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz * 1000 / n }'
}
row "incident_timeline(id)" \
	"SELECT * FROM postmortem.incident_timeline(%s)" \
	"the incident's timeline rows" \
	"SELECT t.* FROM postmortem.timeline t WHERE t.incident_id = %s ORDER BY t.at" \
	"$REPS"
row "cite(id, change) (in a rolled-back subtransaction)" \
	"DO \$d\$ BEGIN PERFORM postmortem.cite(%s, (SELECT max(id) FROM postmortem.schema_change)); RAISE SQLSTATE 'P0001'; EXCEPTION WHEN raise_exception THEN NULL; END \$d\$" \
	"a plain INSERT, rolled back the same way" \
	"DO \$d\$ BEGIN INSERT INTO postmortem.citation (incident_id, schema_change_id) VALUES (%s, (SELECT max(id) FROM postmortem.schema_change)); RAISE SQLSTATE 'P0001'; EXCEPTION WHEN raise_exception THEN NULL; END \$d\$" \
	"$REPS"
row "capture_evidence(id) (idle server)" \
	"DO \$d\$ BEGIN PERFORM postmortem.capture_evidence(%s); RAISE SQLSTATE 'P0001'; EXCEPTION WHEN raise_exception THEN NULL; END \$d\$" \
	"SELECT from pg_stat_activity + pg_locks" \
	"SELECT count(*), %s FROM pg_stat_activity a, pg_locks l WHERE l.pid = a.pid" \
	"$(( REPS / 4 ))"
for v in change_failure_rate incident_metrics monthly_metrics open_tasks overdue_tasks; do
	if [ "$(psql -X -At -c "SELECT to_regclass('postmortem.$v') IS NOT NULL")" = t ]; then
		row "SELECT * FROM postmortem.$v" \
			"SELECT * FROM postmortem.$v WHERE %s IS NOT NULL" \
			"SELECT count(*) of the table it reads" \
			"SELECT count(*) FROM postmortem.$(case $v in change_failure_rate) echo schema_change;; *tasks) echo task;; *) echo incident;; esac) WHERE %s IS NOT NULL" \
			10
	else
		echo "| postmortem.$v | (not on this branch) | | | |"
	fi
done

# every panel of the Grafana dashboard, over the last year
perl -MJSON::PP -MMIME::Base64 -e '
	open my $fh, "<", "dashboards/postmortem.json" or die $!;
	my $d = decode_json(do { local $/; <$fh> });
	for my $p (@{ $d->{panels} }) {
		for my $t (@{ $p->{targets} }) {
			my $sql = $t->{rawSql}; utf8::encode($sql);
			print join("\t", $p->{title}, encode_base64($sql, "")), "\n";
		}
	}' | while IFS=$'\t' read -r title sql64; do
	sql=$(printf '%s' "$sql64" | base64 -d | perl -pe "s/\\\$__timeFilter\(([^)]*)\)/(\$1 BETWEEN now() - interval '1 year' AND now())/g; s/\\\$__timeFrom\(\)/(now() - interval '1 year')/g; s/\\\$__timeTo\(\)/now()/g; s/%/%%/g; s/\\\$incident\b/%1\\\$s/g")
	objs=$(printf '%s' "$sql" | grep -oE 'postmortem\.[a-z_]+' | sort -u)
	missing=
	for o in $objs; do
		[ "$(psql -X -At -c "SELECT to_regclass('$o') IS NOT NULL OR EXISTS (SELECT FROM pg_proc WHERE pronamespace = 'postmortem'::regnamespace AND proname = split_part('$o', '.', 2))")" = t ] || missing="$missing $o"
	done
	if [ -n "$missing" ]; then
		echo "| panel: $title | (needs$missing) | | | |"
		continue
	fi
	row "panel: $title (last year)" "SELECT * FROM ($sql) p WHERE %1\$s IS NOT NULL" \
		"SELECT count(*) FROM postmortem.incident" "SELECT count(*) FROM postmortem.incident WHERE %s IS NOT NULL" 10
done

echo
echo "suspects(id), CPU time of the backend (user + system, /proc/PID/stat, $REPS calls on random incidents): $(cpu_ms 'SELECT * FROM postmortem.suspects(%s)' "$REPS") ms per call; the baseline's plain SQL read of the window: $(cpu_ms "SELECT (SELECT count(*) FROM (SELECT s.* FROM postmortem.schema_change s WHERE s.at > i.started_at - interval '24 hours' AND s.at <= i.started_at) s), (SELECT count(*) FROM (SELECT e.* FROM postmortem.change_event e WHERE e.at > i.started_at - interval '24 hours' AND e.at <= i.started_at) e) FROM postmortem.incident i WHERE i.id = %s" "$REPS") ms per call"
